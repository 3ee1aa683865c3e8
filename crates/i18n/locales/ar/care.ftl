## Care in establishments: the admissions and exits register, the beneficiaries' files

care-register-title = سجل الدخول والخروج
care-register-of = سجل الدخول والخروج — { $name }
care-register-link = سجل الدخول والخروج
care-printed-on = حُرّر بتاريخ { $date }
care-print-hint = لطباعة هذا السجل، استعمل وظيفة الطباعة في متصفحك؛ لا تُطبع الاستمارات.
care-occupancy = الاستيعاب والطاقة الاستيعابية المرخص بها
care-col-male = ذكور
care-col-female = إناث
care-col-total = المجموع
care-row-present = الحاضرون
care-row-capacity = الطاقة الاستيعابية المرخص بها
care-row-free = الأماكن الشاغرة
care-over-capacity-title = تم تجاوز الطاقة الاستيعابية المرخص بها.
care-over-capacity-text = الحاضرون: الذكور { $male } (الطاقة المرخص بها { $capacity_male })، الإناث { $female } (الطاقة المرخص بها { $capacity_female }). أخبروا المندوبية الإقليمية وهيّئوا توجيه المستفيدين نحو مؤسسة أخرى.
care-lines = الأشخاص المقبولون
care-present-count = { PLURAL($count) ->
    [zero] لا أحد حاضر
    [one] شخص واحد حاضر
    [two] شخصان حاضران
    [few] { $count } أشخاص حاضرون
    [many] { $count } شخصًا حاضرًا
   *[other] { $count } شخص حاضر
}
care-register-empty = لم يُسجَّل أي شخص في السجل بعد.
care-col-number = الرقم
care-col-name = الاسم
care-col-exit = الخروج
care-col-actions = الإجراءات
care-badge-present = حاضر(ة)
care-badge-exited = غادر(ت)
care-record-exit = تسجيل الخروج
care-exit-on = تاريخ الخروج
care-exit-reason = سبب الخروج
care-exit-destination = الوجهة (الأسرة، المؤسسة المستقبِلة…)
care-exit-reason-return_to_family = العودة إلى الأسرة
care-exit-reason-kafala = الكفالة
care-exit-reason-autonomy = الاستقلالية
care-exit-reason-transfer = التحويل إلى مؤسسة أخرى
care-exit-reason-death = الوفاة
care-exit-reason-other = سبب آخر
care-admitted = سُجّل القبول في السجل.
care-exited = سُجّل الخروج في السجل.
care-admit-title = قبول شخص
care-admit-hint = يُنفَّذ أمر الإيداع حتى فوق الطاقة الاستيعابية المرخص بها، ويُشار حينها إلى التجاوز.
care-admit = تسجيل القبول
care-not-operating = لا تقبل أشخاصًا جددًا إلا المؤسسات المرخص لها.
care-identity = الهوية
care-name-hint = الاسم بالعربية أو بالحروف اللاتينية أو بهما معًا.
care-name-ar = الاسم الكامل بالعربية
care-name-fr = الاسم الكامل بالحروف اللاتينية
care-birth-date = تاريخ الازدياد
care-sex = الجنس
care-sex-male = ذكر
care-sex-female = أنثى
care-national-id = رقم البطاقة الوطنية (اختياري)
care-none = لا يوجد
care-representative = النائب الشرعي
care-representative-kind = صفة النائب الشرعي
care-representative-name = اسم النائب الشرعي
care-representative-reference = المرجع (حكم، أمر الكفالة، التقديم)
care-representative-parent = أحد الوالدين
care-representative-kafil = الكافل
care-representative-judge_order = قاضي الأحداث (أمر قضائي)
care-representative-guardian = الوصي أو المقدَّم
care-representative-self = الشخص نفسه
care-admission = القبول
care-admitted-on = تاريخ القبول
care-basis = سند القبول
care-basis-reference = المرجع (رقم الأمر، رمز التتبع…)
care-basis-judge_order = أمر قضائي
care-basis-family_request = طلب الأسرة
care-basis-referral = توجيه من التعاون الوطني
care-basis-own_request = طلب الشخص نفسه
care-error-name = أدخل الاسم بالعربية أو بالحروف اللاتينية.
care-error-name-ar = يُكتب الاسم بالعربية بحروف عربية فقط (120 حرفًا على الأكثر).
care-error-name-fr = يُكتب الاسم بالحروف اللاتينية بحروف لاتينية فقط (120 حرفًا على الأكثر).
care-error-birth-date = أدخل تاريخ ازدياد صحيحًا لا يكون في المستقبل (YYYY-MM-DD).
care-error-sex = اختر الجنس.
care-error-cin = رقم البطاقة الوطنية غير صحيح (حرف أو حرفان ثم من رقم إلى ستة أرقام).
care-error-representative = اختر صفة النائب الشرعي.
care-error-representative-name = اسم النائب الشرعي إلزامي.
care-error-representative-reference = مرجع الحكم أو العقد إلزامي بالنسبة لهذا النائب.
care-error-admitted-on = أدخل تاريخ قبول صحيحًا لا يكون في المستقبل.
care-error-admitted-before-birth = تاريخ القبول سابق لتاريخ الازدياد.
care-error-basis = اختر سند القبول.
care-error-basis-reference = رقم الأمر القضائي إلزامي.
care-error-too-long = هذا النص طويل جدًا.
care-error-not-operating = هذه المؤسسة غير مرخص لها: لا يمكنها قبول أشخاص جدد.
care-error-exit-on = أدخل تاريخ خروج صحيحًا لا يكون في المستقبل.
care-error-exit-before-admission = تاريخ الخروج سابق لتاريخ القبول.
care-error-exit-reason = اختر سبب الخروج.
care-error-destination = حدّد المؤسسة المستقبِلة.
care-error-already-exited = خروج هذا الشخص مسجل من قبل.
care-error-required = هذا الحقل إلزامي.
care-error-review-on = أدخل تاريخ مراجعة صحيحًا (YYYY-MM-DD).
care-error-goal-status = اختر حالة الهدف.
care-error-service-date = أدخل تاريخًا صحيحًا لا يكون في المستقبل.
care-file-title = الملف الفردي
care-age = { PLURAL($count) ->
    [zero] أقل من سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $count } سنوات
    [many] { $count } سنة
   *[other] { $count } سنة
}
care-admissions = فترات الإقامة
care-plan = مشروع التكفل
care-plan-empty = لم يُحدَّد أي هدف بعد.
care-goal = الهدف
care-goal-add = إضافة هدف
care-goal-added = أُضيف الهدف.
care-review-on = تاريخ المراجعة
care-review-on-date = يُراجَع في { $date }
care-review-overdue = المراجعة متأخرة
care-goal-status = الحالة
care-goal-status-open = قيد الإنجاز
care-goal-status-reached = تحقق
care-goal-status-dropped = تم التخلي عنه
care-goal-status-save = تغيير الحالة
care-goal-status-changed = تغيّرت حالة الهدف.
care-services = الخدمات المقدمة
care-services-empty = لم تُسجَّل أي خدمة بعد.
care-service-date = التاريخ
care-service-description = الخدمة
care-service-add = تسجيل خدمة
care-service-logged = سُجّلت الخدمة.
care-sensitive = الصحة والإعاقة والتمدرس
care-sensitive-audited = هذه الملاحظات سرية: كل اطلاع عليها يُقيَّد في سجل التدقيق.
care-sensitive-hidden = لا يطّلع على هذه الملاحظات السرية إلا مدير(ة) المؤسسة والمساعدون الاجتماعيون.
care-health = الصحة
care-disability = الإعاقة
care-schooling = التمدرس
care-sensitive-save = حفظ الملاحظات
care-sensitive-saved = حُفظت الملاحظات.
care-dashboard-over-title = مؤسسات تجاوزت طاقتها الاستيعابية
care-dashboard-over-none = لا توجد مؤسسة في نطاقك تجاوزت طاقتها الاستيعابية المرخص بها.
care-dashboard-over-count = { PLURAL($count) ->
    [zero] لا توجد مؤسسة تستقبل أكثر مما هو مرخص به.
    [one] مؤسسة واحدة تستقبل أكثر مما هو مرخص به.
    [two] مؤسستان تستقبلان أكثر مما هو مرخص به.
    [few] { $count } مؤسسات تستقبل أكثر مما هو مرخص به.
    [many] { $count } مؤسسة تستقبل أكثر مما هو مرخص به.
   *[other] { $count } مؤسسة تستقبل أكثر مما هو مرخص به.
}
care-over-capacity-line = الذكور: { $male } (الطاقة المرخص بها { $capacity_male })؛ الإناث: { $female } (الطاقة المرخص بها { $capacity_female })
audit-action-admit = قبول
audit-action-exit = خروج مستفيد
audit-entity-beneficiary = الملف الفردي
audit-entity-beneficiary-sensitive = الملاحظات السرية (الصحة، الإعاقة، التمدرس)
audit-entity-admission = سطر في سجل الدخول والخروج
audit-entity-care-goal = هدف من مشروع التكفل
audit-entity-care-service = خدمة مقدمة
api-op-get_establishment_register = سجل الدخول والخروج لمؤسسة في نطاق المستدعي: الاستيعاب والطاقة الاستيعابية والأسطر
care-exit-confirm = أؤكد الخروج: يُسجَّل مرة واحدة ولا يمكن إلغاؤه.
