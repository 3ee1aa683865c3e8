## Staff of establishments: records, staffing ratios, accreditations, trainings

nav-staffing = مستخدمو المؤسسات
staff-title = المستخدمون
staff-of = المستخدمون — { $name }
staff-file-title = ملف أحد المستخدمين
staff-overview-title = مستخدمو المؤسسات: الخصاص والاعتمادات
staff-overview-hint = مؤسسات مجالكم الترابي التي يقل فيها المستخدمون المزاولون عن معايير فئتها بالنظر إلى الحاضرين في السجل، واعتمادات المساعدين الاجتماعيين التي تنتهي خلال 90 يومًا.
staff-shortfall-title = مستخدمون دون معايير الفئة
staff-shortfall-line = { $post }: خصاص { $missing } منصب بدوام كامل (المطلوب { $required }، المزاولون { $in_post })
staff-expiring-title = اعتمادات تنتهي خلال 90 يومًا
staff-expiring-line = { $name } — الاعتماد رقم { $number } ينتهي في { $date }
staff-expired-line = { $name } — الاعتماد رقم { $number } منتهٍ منذ { $date }
staff-no-shortfall = لا توجد مؤسسة دون المعايير.
staff-no-expiring = لا يوجد اعتماد ينتهي خلال 90 يومًا.
staff-staffing = التأطير ومعايير الفئة
staff-residents = { PLURAL($count) ->
    [zero] لا أحد حاضر في السجل
    [one] شخص واحد حاضر في السجل
    [two] شخصان حاضران في السجل
    [few] { $count } أشخاص حاضرون في السجل
    [many] { $count } شخصًا حاضرًا في السجل
   *[other] { $count } شخص حاضر في السجل
}
staff-no-standard = لم تحدد أي معايير تأطير لهذه الفئة.
staff-col-standard = المعيار
staff-col-required = المطلوب (دوام كامل)
staff-col-in-post = المزاولون (دوام كامل)
staff-col-missing = الخصاص (دوام كامل)
staff-col-residents = الحاضرون
staff-col-shortfalls = الخصاص
staff-fte-hint = يحتسب المستخدم بنصف دوام 0.5 من منصب بدوام كامل.
staff-standard-ratio = { $staff } لكل { $per } أشخاص حاضرين، وعلى الأقل { $minimum }
staff-standard-minimum = على الأقل { $minimum }
staff-in-post = المستخدمون المزاولون
staff-none-in-post = لم يسجل أي مستخدم بعد.
staff-past = المستخدمون السابقون
staff-none-past = لا توجد تعيينات منتهية.
staff-col-name = الاسم
staff-col-since = منذ
staff-col-actions = الإجراءات
staff-until = إلى غاية { $date }
staff-percent = { $value }٪
staff-end = إنهاء التعيين
staff-ended-on = تاريخ الانتهاء
staff-end-reason = السبب
staff-end-confirm = أؤكد: يسجل الإنهاء مرة واحدة ويبقى في السجل التاريخي.
staff-end-reason-resignation = استقالة
staff-end-reason-contract_end = انتهاء العقد
staff-end-reason-dismissal = فصل
staff-end-reason-transfer = انتقال إلى مؤسسة أخرى
staff-end-reason-retirement = تقاعد
staff-end-reason-other = سبب آخر
staff-add-title = إضافة مستخدم
staff-add-hint = يتعرف النظام على الشخص الذي يعمل في مؤسسة أخرى من خلال رقم بطاقته الوطنية، فيضاف له تعيين جديد.
staff-add = إضافة إلى المستخدمين
staff-added = تمت إضافة المستخدم.
staff-ended = تم تسجيل إنهاء التعيين.
staff-identity = الهوية
staff-name-ar = الاسم بالحروف العربية
staff-name-fr = الاسم بالحروف اللاتينية
staff-national-id = رقم البطاقة الوطنية
staff-sex = الجنس
staff-sex-male = ذكر
staff-sex-female = أنثى
staff-birth-date = تاريخ الازدياد
staff-qualification = المؤهل
staff-diploma = الشهادة
staff-diploma-field = التخصص
staff-diploma-year = سنة الحصول عليها
staff-no-diploma = لم تسجل أي شهادة.
staff-assignment = المنصب والعقد
staff-post = المنصب
staff-employer = المشغل
staff-employer-association = الجمعية المسيرة
staff-employer-agency = التعاون الوطني
staff-employer-partner = شريك
staff-employer-name = اسم المشغل
staff-contract = العقد
staff-contract-permanent = عقد غير محدد المدة
staff-contract-fixed_term = عقد محدد المدة
staff-contract-service = تقديم خدمة
staff-contract-secondment = وضع رهن الإشارة
staff-contract-volunteer = تطوع
staff-contract-start = بداية العقد
staff-contract-end = نهاية العقد (فارغ إذا لم يكن محدد المدة)
staff-working-time = مدة العمل (٪)
staff-salary = الأجر الشهري الإجمالي (درهم)
staff-mad = درهم
staff-accreditation = اعتماد المساعد الاجتماعي (القانون 45.18)
staff-accreditation-hint = فقط لمنصب المساعد الاجتماعي.
staff-acc-number = رقم الاعتماد
staff-acc-date = تاريخ الاعتماد
staff-acc-expiry = تاريخ انتهاء الصلاحية
staff-acc-status = وضعية الاعتماد
staff-acc-status-valid = ساري المفعول
staff-acc-status-suspended = موقوف
staff-acc-status-withdrawn = مسحوب
staff-acc-valid = اعتماد ساري المفعول
staff-acc-expiring = { PLURAL($count) ->
    [zero] ينتهي اليوم
    [one] ينتهي خلال يوم واحد
    [two] ينتهي خلال يومين
    [few] ينتهي خلال { $count } أيام
    [many] ينتهي خلال { $count } يومًا
   *[other] ينتهي خلال { $count } يوم
}
staff-acc-expired = اعتماد منتهي الصلاحية
staff-acc-inactive = اعتماد موقوف أو مسحوب
staff-no-accreditation = لم يسجل أي اعتماد.
staff-accreditation-edit = تجديد الاعتماد أو تعديله
staff-accreditation-save = حفظ الاعتماد
staff-accreditation-saved = تم حفظ الاعتماد.
staff-file-audited = يسجل فتح هذا الملف في سجل التدقيق.
staff-assignments = التعيينات
staff-establishment = المؤسسة
staff-badge-in-post = مزاول
staff-trainings = التكوينات
staff-training-history = التكوينات المستفاد منها
staff-no-training = لم يسجل أي تكوين.
staff-training-facts = من { $from } إلى { $to }، من تأطير { $trainer }
staff-attendees = المشاركون
staff-attendees-count = { PLURAL($count) ->
    [zero] لا مشارك
    [one] مشارك واحد
    [two] مشاركان
    [few] { $count } مشاركين
    [many] { $count } مشاركًا
   *[other] { $count } مشارك
}
staff-attendance-add = إضافة مشاركين
staff-attendance-save = تسجيل الحضور
staff-attendance-recorded = تم تسجيل الحضور.
staff-training-add = تسجيل تكوين
staff-training-added = تم تسجيل التكوين.
staff-training-subject = الموضوع
staff-training-starts = اليوم الأول
staff-training-ends = اليوم الأخير
staff-training-trainer = المكون
staff-training-place = المكان
staff-error-name-ar-required = الاسم بالحروف العربية إلزامي.
staff-error-name-ar = يكتب الاسم بالحروف العربية فقط.
staff-error-name-fr-required = الاسم بالحروف اللاتينية إلزامي.
staff-error-name-fr = يكتب الاسم بالحروف اللاتينية فقط.
staff-error-cin = أدخلوا رقم البطاقة الوطنية: حرف أو حرفان ثم ستة أرقام على الأكثر.
staff-error-sex = اختاروا الجنس.
staff-error-birth-date = أدخلوا تاريخ ازدياد صحيحًا (بين 15 و80 سنة).
staff-error-diploma-year = أدخلوا سنة الحصول على الشهادة بأربعة أرقام، أو اتركوا الحقل فارغًا.
staff-error-too-long = هذا النص طويل جدًا.
staff-error-accreditation-number = رقم الاعتماد إلزامي بالنسبة للمساعد الاجتماعي.
staff-error-accreditation-date = أدخلوا تاريخ الاعتماد، ولا يمكن أن يكون في المستقبل.
staff-error-accreditation-expiry = أدخلوا تاريخ انتهاء صلاحية الاعتماد.
staff-error-expiry-before-grant = يجب أن يأتي تاريخ الانتهاء بعد تاريخ الاعتماد.
staff-error-accreditation-status = اختاروا وضعية الاعتماد.
staff-error-post = اختاروا المنصب.
staff-error-employer = اختاروا المشغل.
staff-error-contract = اختاروا نوع العقد.
staff-error-contract-start = أدخلوا تاريخ بداية العقد.
staff-error-contract-end = أدخلوا تاريخ نهاية صحيحًا، أو اتركوا الحقل فارغًا.
staff-error-contract-end-before = لا يمكن أن تسبق نهاية العقد بدايته.
staff-error-contract-end-required = للعقد محدد المدة تاريخ نهاية.
staff-error-working-time = أدخلوا مدة العمل بالنسبة المئوية، من 1 إلى 100.
staff-error-salary = أدخلوا الأجر بالدرهم دون كسور، أو اتركوا الحقل فارغًا.
staff-error-salary-not-yours = مدير المؤسسة وحده يسجل الأجور.
staff-error-already-here = هذا الشخص مزاول في هذه المؤسسة.
staff-error-already-ended = هذا التعيين منتهٍ.
staff-error-ended-on = أدخلوا تاريخ انتهاء صحيحًا لا يكون في المستقبل.
staff-error-ended-before-start = لا يمكن أن يسبق الانتهاء بداية العقد.
staff-error-end-reason = اختاروا السبب.
staff-error-subject = موضوع التكوين إلزامي.
staff-error-trainer = اسم المكون إلزامي.
staff-error-starts-on = أدخلوا اليوم الأول للتكوين.
staff-error-ends-on = أدخلوا اليوم الأخير للتكوين.
staff-error-ends-before = لا يمكن أن يسبق اليوم الأخير اليوم الأول.
staff-error-attendees = اختاروا شخصًا واحدًا على الأقل.
staff-error-attendee-not-here = لا يسجل إلا الأشخاص المزاولون في المؤسسة.
staff-register-link = المستخدمون
audit-action-end-assignment = إنهاء تعيين
audit-action-attend = حضور تكوين
audit-entity-staff-member = أحد المستخدمين
audit-entity-staff-assignment = تعيين أحد المستخدمين
audit-entity-training = تكوين المستخدمين
