# Programmes, rule versions and the social registry (Arabic).
import-file = ملف CSV
import-submit = استيراد
import-done = انتهى الاستيراد.
import-inserted = { PLURAL($count) ->
    [zero] لم تُضف أي جمعية
    [one] أضيفت جمعية واحدة
    [two] أضيفت جمعيتان
    [few] أضيفت { $count } جمعيات
    [many] أضيفت { $count } جمعية
   *[other] أضيفت { $count } جمعية
}
import-updated = { PLURAL($count) ->
    [zero] لم تُحدَّث أي جمعية
    [one] حُدّثت جمعية واحدة
    [two] حُدّثت جمعيتان
    [few] حُدّثت { $count } جمعيات
    [many] حُدّثت { $count } جمعية
   *[other] حُدّثت { $count } جمعية
}
import-unchanged = { PLURAL($count) ->
    [zero] لا جمعية دون تغيير
    [one] جمعية واحدة دون تغيير
    [two] جمعيتان دون تغيير
    [few] { $count } جمعيات دون تغيير
    [many] { $count } جمعية دون تغيير
   *[other] { $count } جمعية دون تغيير
}
import-refused-rows = { PLURAL($count) ->
    [zero] لا يوجد سطر مرفوض
    [one] سطر واحد مرفوض
    [two] سطران مرفوضان
    [few] { $count } أسطر مرفوضة
    [many] { $count } سطراً مرفوضاً
   *[other] { $count } سطر مرفوض
}
import-line = السطر
import-column = العمود
import-reason = السبب
import-error-nothing = لم يُستورد أي شيء: صحح الأسطر المشار إليها ثم أعد استيراد الملف.
import-error-no-file = اختر ملف CSV.
import-error-encoding = يجب أن يكون الملف بترميز UTF-8.
import-error-header = يجب أن يسمي السطر الأول الأعمدة المنتظرة بالترتيب المبين.
import-error-unreadable = لا يمكن قراءة هذا السطر بصيغة CSV.
import-error-columns = عدد أعمدة هذا السطر غير مطابق.
import-error-duplicate = هذا الرقم وارد في سطر سابق من الملف.
prog-title = البرامج
prog-name = البرنامج
prog-active-version = النسخة الجاري بها العمل
prog-valid-from = يسري ابتداءً من
prog-valid-to = إلى غاية
prog-versions = النسخ
prog-version = النسخة
prog-version-n = النسخة { $n }
prog-from = ابتداءً من { $date }
prog-status = الوضعية
prog-status-draft = مسودة
prog-status-active = جاري بها العمل
prog-status-retired = متجاوزة
prog-actions = إجراءات
prog-active-rule = القاعدة الجاري بها العمل
prog-no-active = لا توجد نسخة جاري بها العمل.
prog-benefit = المبلغ الشهري (بالدرهم)
prog-benefit-hint = تعبير عددي، مثلاً min(children_under_21, 6) * 250 + 100.
prog-rule = معايير الاستحقاق
prog-rule-hint = معيار واحد في كل سطر: المعرِّف ثم نقطتان ثم الشرط، مثلاً index-threshold: index <= 9.743001. تكون الأسرة مستحقة إذا تحققت جميع المعايير.
prog-date-hint = بصيغة YYYY-MM-DD، بعد بداية النسخة الجاري بها العمل.
prog-new-draft = كتابة نسخة جديدة (مسودة)
prog-save-draft = حفظ المسودة ومحاكاتها
prog-simulate = محاكاة
prog-simulate-title = المحاكاة
prog-simulate-table = الأسر التي تدخل أو تخرج أو تبقى، والكلفة الشهرية، حسب الإقليم
prog-simulate-nothing-changes = محاكاة فقط: لا يتغير شيء ما لم تُفعَّل النسخة.
prog-compared-with = مقارنةً بالنسخة الجاري بها العمل { $n }.
prog-compared-with-none = لا توجد نسخة جاري بها العمل: تدخل جميع الأسر المستحقة.
prog-activate-first-confirm = بتفعيل هذه النسخة الأولى ستسري ابتداءً من { $date }. يُسجَّل هذا الإجراء في سجل التتبع.
prog-households-loaded = { PLURAL($count) ->
    [zero] لم تُفحص أي أسرة في مجالكم الترابي.
    [one] فُحصت أسرة واحدة في مجالكم الترابي.
    [two] فُحصت أسرتان في مجالكم الترابي.
    [few] فُحصت { $count } أسر في مجالكم الترابي.
    [many] فُحصت { $count } أسرة في مجالكم الترابي.
   *[other] فُحصت { $count } أسرة في مجالكم الترابي.
}
prog-entering = تدخل
prog-leaving = تخرج
prog-staying = تبقى
prog-cost-before = الكلفة قبل
prog-cost-after = الكلفة بعد
prog-total = المجموع
prog-no-province = بدون إقليم
prog-dirhams = { $amount } درهم
prog-activate = تفعيل هذه النسخة
prog-activate-confirm = بتفعيل هذه النسخة ستسري ابتداءً من { $date } وينتهي العمل بالنسخة الحالية في اليوم السابق. يُسجَّل هذا الإجراء في سجل التتبع.
prog-activated = تم تفعيل النسخة.
prog-error-not-draft = لا يمكن تفعيل إلا المسودات.
prog-new = برنامج جديد
prog-new-title = برنامج جديد
prog-new-intro = يُنشأ البرنامج بدون قاعدة: تُكتب نسخته الأولى بعد ذلك كمسودة، ثم تُحاكى على السجل، ثم تُفعَّل.
prog-code = الرمز
prog-code-hint = حروف لاتينية صغيرة وأرقام وشرطات، يبدأ بحرف (من 2 إلى 32 حرفاً)، مثلاً school-kits. لا يتغير بعد ذلك.
prog-name-ar = الاسم بالعربية
prog-name-fr = الاسم بالفرنسية
prog-description-ar = الوصف بالعربية (اختياري)
prog-description-fr = الوصف بالفرنسية (اختياري)
prog-pays-benefit = يصرف البرنامج مبلغاً شهرياً
prog-pays-benefit-hint = يجب حينئذ أن تحدد كل نسخة المبلغ بتعبير عددي.
prog-level = ما الذي يخصه القرار؟
prog-level-household = الأسرة: قرار واحد لكل أسرة، بقواعد على حقول الأسرة وأعداد أفرادها
prog-level-person = الشخص: قرار لكل فرد، بقواعد على حقوله (السن، الإعاقة، التمدرس، اليتم…) وحقول أسرته ‎(household.)‎
reg-decision-for = { $programme } — { $person }
prog-create = إنشاء البرنامج
prog-created = تم إنشاء البرنامج. اكتب الآن نسخته الأولى.
prog-error-code = يجب أن يتكون الرمز من 2 إلى 32 حرفاً لاتينياً صغيراً أو رقماً أو شرطة، وأن يبدأ بحرف ولا ينتهي بشرطة.
prog-error-code-taken = هذا الرمز مستعمل لبرنامج آخر.
prog-error-name-required = يرجى إدخال الاسم.
prog-error-name-long = يجب ألا يتجاوز الاسم 200 حرف.
prog-error-description-long = يجب ألا يتجاوز الوصف 2000 حرف.
rule-error-benefit-required = هذا البرنامج يصرف مبلغاً: يرجى إدخال تعبيره.
rule-error-benefit-not-paid = هذا البرنامج لا يصرف مبلغاً: يُترك هذا الحقل فارغاً.
rule-error-at = السطر { $line }، العمود { $column }: { $reason }
rule-error-unexpected-character = حرف غير متوقع.
rule-error-unterminated-string = نص بين علامتي تنصيص غير مغلق.
rule-error-invalid-number = عدد مكتوب بشكل غير صحيح.
rule-error-unexpected-token = تعبير ناقص أو عنصر غير متوقع.
rule-error-too-deep = تعبير متداخل أكثر من اللازم.
rule-error-unknown-field = حقل غير معروف «{ $name }».
rule-error-unknown-function = دالة غير معروفة «{ $name }».
rule-error-wrong-arity = عدد الوسائط غير صحيح للدالة «{ $name }».
rule-error-type-mismatch = أنواع غير متوافقة (مثلاً عدد يُقارن بفئة، أو يُنتظر شرط).
rule-error-unknown-category-value = قيمة غير معروفة «{ $name }» لهذا الحقل.
rule-error-invalid-date = تاريخ غير صحيح (YYYY-MM-DD).
rule-error-expected-field = يُنتظر اسم حقل هنا.
rule-error-criterion-syntax = يجب أن يبدأ كل سطر بمعرِّف (حروف لاتينية صغيرة وأرقام وشرطات) تليه نقطتان.
rule-error-criterion-duplicate = المعيار «{ $name }» مكرر.
rule-error-rule-empty = يلزم معيار واحد على الأقل.
rule-error-invalid-valid-from = يُكتب التاريخ بصيغة YYYY-MM-DD.
rule-error-valid-from-too-early = يجب أن يكون التاريخ بعد بداية النسخة الجاري بها العمل.
reg-title = السجل الاجتماعي
reg-count = { PLURAL($count) ->
    [zero] لا توجد أسرة
    [one] أسرة واحدة
    [two] أسرتان
    [few] { $count } أسر
    [many] { $count } أسرة
   *[other] { $count } أسرة
}
reg-key = رقم الأسرة
reg-members = الأفراد
reg-index = المؤشر
reg-household-title = الأسرة
reg-household-n = الأسرة { $key }
reg-missing = غير معروف
reg-yes = نعم
reg-no = لا
reg-eligibility = الاستحقاق في البرامج الجاري بها العمل
reg-eligible = مستحقة
reg-not-eligible = غير مستحقة
reg-amount = المبلغ: { $amount }
reg-criteria = المعايير
reg-criterion = المعيار
reg-outcome = النتيجة
reg-comparisons = المقارنات
reg-passed = متحقق
reg-failed = غير متحقق
reg-draft-title = إعادة التقييم وفق المسودة رقم { $n }
reg-draft-changes = يتغير القرار
reg-draft-same = لا يتغير القرار
reg-holds = صحيحة
reg-fails = غير صحيحة
reg-comparison = القيمة { $left }، العتبة { $right }، الهامش { $margin }
reg-inputs = المعطيات المستعملة
reg-index-input = { $value } (بتاريخ { $date }، المصدر: { $source })
reg-index-history = تاريخ المؤشر
reg-date = التاريخ
reg-source = المصدر
reg-source-registry = السجل الاجتماعي الموحد
reg-source-declared = تصريح
reg-source-staff = موظف
reg-relation = القرابة برب الأسرة
reg-relation-head = رب الأسرة
reg-relation-spouse = الزوج(ة)
reg-relation-child = ابن(ة)
reg-relation-grandchild = حفيد(ة)
reg-relation-parent = أحد الوالدين
reg-relation-other_relative = قريب آخر
reg-relation-non_relative = بدون قرابة
reg-birth-date = تاريخ الازدياد
reg-since = فرد منذ

## Registry import
registry-import-title = الاستيراد إلى السجل الاجتماعي
registry-import-lead = ملف CSV بترميز UTF-8 أو مصنف XLSX (ورقته الأولى) يسمي سطره الأول الأعمدة. الأسر: سطر لكل شخص، وكل أسرة كاملة برب أسرة واحد. المؤشرات: مفتاح الأسرة والقيمة والتاريخ والمصدر. في المصنف، أرقام الأسطر المشار إليها هي أرقام صفوف الورقة. إذا رُفض سطر لا يُستورد أي شيء؛ واستيراد الملف نفسه مرتين لا يغير شيئاً.
registry-import-file = ملف CSV أو XLSX
registry-import-no-file = اختر ملف CSV أو XLSX.
registry-import-kind = الملف
registry-import-kind-households = الأسر والأشخاص
registry-import-kind-index = مؤشرات السجل الاجتماعي
registry-import-households-inserted = { PLURAL($count) ->
    [zero] لم تُضف أي أسرة
    [one] أضيفت أسرة واحدة
    [two] أضيفت أسرتان
    [few] أضيفت { $count } أسر
    [many] أضيفت { $count } أسرة
   *[other] أضيفت { $count } أسرة
}
registry-import-households-updated = { PLURAL($count) ->
    [zero] لم تُحدَّث أي أسرة
    [one] حُدّثت أسرة واحدة
    [two] حُدّثت أسرتان
    [few] حُدّثت { $count } أسر
    [many] حُدّثت { $count } أسرة
   *[other] حُدّثت { $count } أسرة
}
registry-import-persons-inserted = { PLURAL($count) ->
    [zero] لم يُضف أي شخص
    [one] أضيف شخص واحد
    [two] أضيف شخصان
    [few] أضيف { $count } أشخاص
    [many] أضيف { $count } شخصاً
   *[other] أضيف { $count } شخص
}
registry-import-persons-updated = { PLURAL($count) ->
    [zero] لم يُحدَّث أي شخص
    [one] حُدّث شخص واحد
    [two] حُدّث شخصان
    [few] حُدّث { $count } أشخاص
    [many] حُدّث { $count } شخصاً
   *[other] حُدّث { $count } شخص
}
registry-import-moves = { PLURAL($count) ->
    [zero] لا التحاق ولا انتقال
    [one] التحاق أو انتقال واحد
    [two] التحاقان أو انتقالان
    [few] { $count } حالات التحاق أو انتقال
    [many] { $count } حالة التحاق أو انتقال
   *[other] { $count } حالة التحاق أو انتقال
}
registry-import-values-inserted = { PLURAL($count) ->
    [zero] لم يُضف أي مؤشر
    [one] أضيف مؤشر واحد
    [two] أضيف مؤشران
    [few] أضيفت { $count } مؤشرات
    [many] أضيف { $count } مؤشراً
   *[other] أضيف { $count } مؤشر
}
registry-import-values-updated = { PLURAL($count) ->
    [zero] لم يُصحَّح أي مؤشر
    [one] صُحّح مؤشر واحد
    [two] صُحّح مؤشران
    [few] صُحّحت { $count } مؤشرات
    [many] صُحّح { $count } مؤشراً
   *[other] صُحّح { $count } مؤشر
}
registry-import-values-unchanged = { PLURAL($count) ->
    [zero] لا مؤشر دون تغيير
    [one] مؤشر واحد دون تغيير
    [two] مؤشران دون تغيير
    [few] { $count } مؤشرات دون تغيير
    [many] { $count } مؤشراً دون تغيير
   *[other] { $count } مؤشر دون تغيير
}
registry-import-columns = السطر الأول لا يسمي الأعمدة المنتظرة.
registry-import-missing = الناقصة: { $columns }.
registry-import-unknown = غير المعروفة: { $columns }.
registry-import-header = لا يمكن قراءة السطر الأول.
registry-import-read = تعذرت قراءة الملف إلى آخره.
registry-import-spreadsheet = تعذرت قراءة هذا الملف كمصنف XLSX: فهو تالف أو محمي بكلمة مرور أو بصيغة أخرى. احفظه بصيغة XLSX أو CSV ثم أعد استيراده.
registry-import-rows = رُفضت بعض الأسطر.
registry-malformed-row = هذا السطر ليس بعرض الملف (CSV)، أو ليس نصاً بترميز UTF-8، أو فيه قيمة في عمود بلا اسم (XLSX).
registry-unknown-commune = لا توجد جماعة بهذا الرمز.
registry-household-mismatch = هذا العمود الخاص بالأسرة يخالف سطرها الأول.
registry-no-person-key = أدخل على الأقل cin أو population_register_id أو person_key.
registry-name-missing = أدخل الاسم الشخصي والعائلي بالعربية أو بالحروف اللاتينية.
registry-disability-card-without-flag = لا تقبل بطاقة الإعاقة إلا مع disabled = نعم.
registry-duplicate-person = هذا الشخص وارد في سطر آخر من الملف.
registry-head-count = للأسرة رب أسرة واحد لا غير.
registry-identity-conflict = معرفات هذا السطر تشير إلى أشخاص مختلفين في السجل.
registry-move-before-current-stay = تاريخ الالتحاق يسبق بداية إقامة الشخص الحالية.
registry-unknown-household = لا توجد أسرة في السجل بهذا المفتاح.
registry-duplicate-index-value = نفس الأسرة والتاريخ والمصدر واردة في سطر آخر.
registry-valid-to-before-date = نهاية الصلاحية تسبق تاريخ المؤشر.
registry-empty = قيمة إلزامية.
registry-too-long = القيمة طويلة جداً.
registry-household-key = مفتاح الأسرة غير صالح (حروف وأرقام و- _ / .، 32 حرفاً على الأكثر).
registry-person-key = مفتاح الشخص غير صالح (64 حرفاً على الأكثر).
registry-cin = رقم البطاقة الوطنية غير صالح (حرف أو حرفان ثم من رقم إلى ستة أرقام).
registry-population-register-id = معرف السجل الوطني للسكان غير صالح (من 6 إلى 20 رقماً).
registry-date = تاريخ غير صالح (سنة-شهر-يوم أو يوم/شهر/سنة).
registry-date-in-future = هذا التاريخ في المستقبل.
registry-date-too-old = هذا التاريخ قديم جداً.
registry-sex = الجنس غير صالح (male أو female أو m أو f).
registry-relation = صلة القرابة برب الأسرة غير صالحة.
registry-schooling = التمدرس غير صالح (enrolled أو left أو never).
registry-flag = قيمة نعم/لا غير صالحة.
registry-index-source = المصدر غير صالح (registry أو declared أو staff).
registry-index-value = المؤشر غير صالح (عدد موجب).
api-op-update_establishment = تعديل بطاقة مؤسسة من مجال اختصاص المستعمل (لا تتغير إلا الحقول المرسلة)
