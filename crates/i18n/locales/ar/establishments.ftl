# Establishments, their authorisation dossier, declarations and the public directory (Arabic).
est-title = مؤسسات الرعاية الاجتماعية
est-new-title = تسجيل مؤسسة
est-search = البحث بالاسم
est-category = الصنف
est-status = الوضعية
est-province = العمالة أو الإقليم
est-capacity = الطاقة الاستيعابية
est-capacity-male = الطاقة الاستيعابية (ذكور)
est-capacity-female = الطاقة الاستيعابية (إناث)
est-name-ar = الاسم بالعربية
est-name-fr = الاسم بالفرنسية
est-commune = الجماعة
est-commune-hint = رمز الجماعة حسب المندوبية السامية للتخطيط، مثل 07.427.01.01
est-address = العنوان
est-phone = الهاتف
est-create = تسجيل
est-timeline = مسار الملف
est-change-status = تغيير الوضعية
est-new-status = الوضعية الجديدة
est-reason = التعليل
est-apply = تطبيق
est-count = { PLURAL($count) ->
    [zero] لا توجد مؤسسة
    [one] مؤسسة واحدة
    [two] مؤسستان
    [few] { $count } مؤسسات
    [many] { $count } مؤسسة
   *[other] { $count } مؤسسة
}
est-status-project = مشروع
est-status-requested = طلب الترخيص مودع
est-status-under_review = قيد الدراسة
est-status-documents_missing = وثائق ناقصة
est-status-authorised = مرخصة
est-status-refused = مرفوضة
est-status-suspended = موقوفة
est-status-closed = مغلقة
est-status-withdrawn = مسحوبة الترخيص
est-error-name = أدخل اسم المؤسسة بالعربية أو بالفرنسية.
est-error-category = اختر صنفاً.
est-error-commune = رمز الجماعة غير موجود.
est-error-commune-scope = هذه الجماعة خارج مجال اختصاصك.
est-error-capacity-range = الطاقة الاستيعابية عدد صحيح بين 0 و2000.
est-error-capacity-empty = يجب أن تتوفر المؤسسة على مكان واحد على الأقل.
est-error-transition = لا يمكن إجراء هذا التغيير في الوضعية.
est-error-reason = التعليل إلزامي.
est-error-documents-once = لا يمكن طلب الوثائق الناقصة إلا مرة واحدة.
dir-title = دليل المؤسسات
dir-lead = مؤسسات الرعاية الاجتماعية المرخصة: ابحث حسب الإقليم والصنف.
dir-capacity = { PLURAL($count) ->
    [zero] لا مكان
    [one] مكان واحد
    [two] مكانان
    [few] { $count } أماكن
    [many] { $count } مكاناً
   *[other] { $count } مكان
}
est-timeline-entry = { $status }: { $reason }
est-status-changed = تم تغيير الوضعية.
api-op-list_establishments = المؤسسات داخل مجال المستعمل، مع التصفية والترقيم
api-op-get_establishment = مؤسسة واحدة داخل مجال المستعمل

est-director = المدير أو المديرة
est-services = الخدمات المقدمة
est-opening-hours = أوقات العمل
est-status-appealed = تظلم قيد الدراسة
est-error-appeal-once = لا يمكن التظلم من الرفض إلا مرة واحدة.
est-error-missing-documents = لا يمكن إيداع الملف: الوثائق الإلزامية التالية ناقصة.
est-error-still-requested = أرفق أولاً الوثائق المطلوبة:
est-error-request-documents = اختر وثيقة واحدة على الأقل من اللائحة لطلبها.
est-error-association = هذه الجمعية غير موجودة.
doc-attached = أُرفقت الوثائق بالملف.
doc-none = لا توجد وثيقة مرفقة.
doc-choose = اختيار ملف
doc-limits = ملفات PDF أو PNG أو JPEG، لا يتجاوز كل منها 10 ميغابايت.
doc-attach = إرفاق الملفات المختارة
doc-error-empty = هذا الملف فارغ.
doc-error-too-large = هذا الملف يتجاوز الحجم المسموح به.
doc-error-type = محتوى هذا الملف ليس PDF ولا صورة PNG أو JPEG (يُفحص المحتوى وليس الاسم فقط).
doc-error-unreadable = انقطع الإرسال: لم يسجل أي ملف. اختر الملفات من جديد.
doc-error-none = اختر ملفاً واحداً على الأقل.
doc-error-batch = لم يسجل أي ملف: صحح الملفات المشار إليها واخترها من جديد.
doc-error-locked = لا يقبل الملف وثائق جديدة في وضعيته الحالية.
doc-error-item = هذه الوثيقة ليست ضمن لائحة الصنف.
receipt-title = وصل إيداع طلب ترخيص
receipt-law = القانون رقم 65.15 المتعلق بمؤسسات الرعاية الاجتماعية
receipt-filed-by = أودعه
receipt-documents = الوثائق المتوصل بها
receipt-deadline = يجب تبليغ القرار في أجل أقصاه { $date }.
receipt-print-hint = لطباعة هذا الوصل، استعمل وظيفة الطباعة في متصفحك.
## Declarations of care outside the premises
decl-title = التكفل خارج مقر المؤسسة
decl-none = لا يوجد أي تصريح.
decl-new = التصريح بتكفل خارج مقر المؤسسة
decl-activity = النشاط
decl-place = المكان
decl-period = المدة
decl-starts-on = اليوم الأول
decl-ends-on = اليوم الأخير
decl-beneficiaries = عدد المستفيدين
decl-submit = التصريح والحصول على الوصل
decl-receipt-title = وصل التصريح بالتكفل خارج مقر المؤسسة
decl-error-activity = صف النشاط.
decl-error-start = أدخل تاريخاً صحيحاً (سنة-شهر-يوم)، لا يسبق اليوم بأكثر من 30 يوماً.
decl-error-end = اليوم الأخير بعد اليوم الأول، وداخل السنة.
decl-error-beneficiaries = عدد صحيح من 1 إلى 10000.
decl-error-not-authorised = لا يصرح بالتكفل خارج المقر إلا مؤسسة مرخصة.
dir-service = الخدمة أو الاسم
est-edit-title = تعديل البطاقة
est-association = الجمعية المؤسسة أو المسيرة
est-association-hint = رقمها في جسر (يظهر في صفحتها)، أو اتركه فارغاً.
est-latitude = خط العرض (درجات عشرية)
est-longitude = خط الطول (درجات عشرية)
est-coordinates-hint = اختياري: مثلاً 32.2333 و-7.9500.
est-error-coordinates = إحداثيات داخل المغرب بالدرجات العشرية، الاثنتان معاً أو لا شيء.
est-error-capacity-locked = لا تتغير الطاقة الاستيعابية المرخصة إلا بطلب ترخيص جديد.
est-capacity-locked-hint = محددة في الترخيص: لا تتغير إلا بطلب جديد.
est-confirm = أؤكد هذا التغيير في الوضعية (الرفض أو التوقيف أو السحب أو الإغلاق يوقف المؤسسة).
est-error-confirm = للرفض أو التوقيف أو السحب أو الإغلاق، أشّر على خانة التأكيد.
