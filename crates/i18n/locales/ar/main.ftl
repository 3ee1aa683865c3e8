# Layout, home and shared interface strings (Arabic, default locale).
site-name = جسر
site-tagline = منصة الرعاية الاجتماعية
agency-name = التعاون الوطني
skip-to-content = انتقل إلى المحتوى
nav-label = التصفح الرئيسي
nav-home = الرئيسية
nav-territories = التقسيم الترابي
nav-units = وحدات المؤسسة
nav-api = واجهة البرمجة
lang-switch-label = اللغة
footer-credit = المعطيات الترابية والسكانية: المندوبية السامية للتخطيط، الإحصاء العام للسكان والسكنى 2024 (رخصة CC BY 4.0؛ اقتُصر على الجهات والأقاليم والدوائر والجماعات والمقاطعات).
footer-license = برنامج حر ومفتوح المصدر.
breadcrumb-label = مسار التصفح
home-title = خدمات اجتماعية أقرب إلى المواطن
home-lead = جسر يربط المواطنين ومؤسسات الرعاية الاجتماعية والجمعيات الشريكة بمصالح التعاون الوطني: معلومات واضحة، وإجراءات مبسطة، وتتبع شفاف.
home-services-title = ما تقدمه المنصة
home-service-establishments = مؤسسات الرعاية الاجتماعية
home-service-establishments-text = الترخيص، والطاقة الاستيعابية، وجودة التكفل في مؤسسات الرعاية الاجتماعية ومراكز الأشخاص في وضعية إعاقة.
home-service-eservices = الخدمات الإلكترونية
home-service-eservices-text = تقديم الطلبات عبر الإنترنت دون حساب، مع وصل الإيداع ورمز التتبع وقرار معلل داخل الآجال القانونية.
home-service-targeting = الاستهداف
home-service-targeting-text = برامج بمعايير أهلية واضحة ومؤرخة، وقرارات تشرح نفسها.
home-service-transparency = الشفافية
home-service-transparency-text = أرقام مجمعة حسب المجال الترابي دون أي معطيات شخصية.
home-browse-territories = تصفح الجهات والأقاليم والجماعات
home-figures-title = المجال الترابي المغطى
home-figure-regions = الجهات
home-figure-provinces = العمالات والأقاليم
home-figure-communes = الجماعات
home-figure-units = وحدات التعاون الوطني
api-title = واجهة البرمجة (API)
api-lead = واجهة JSON موثقة بمعيار OpenAPI. الوثيقة الكاملة متاحة بصيغة آلية:
api-col-method = الطريقة
api-col-path = المسار
api-col-summary = الوصف
api-col-params = المعايير
units-title = وحدات التعاون الوطني
units-lead = الإدارة المركزية والتنسيقيات الجهوية والمندوبيات الإقليمية، وما تغطيه كل مندوبية من عمالات وأقاليم.
units-col-code = الرمز
units-col-name = الاسم
units-col-kind = المستوى
units-col-covers = المجال المغطى
unit-kind-central = الإدارة المركزية
unit-kind-regional_coordination = تنسيقية جهوية
unit-kind-provincial_delegation = مندوبية إقليمية
empty-list = لا توجد عناصر لعرضها.
api-op-list_regions = قائمة الجهات
api-op-list_provinces = العمالات والأقاليم، مع إمكانية التصفية حسب الجهة
api-op-list_communes = جماعات عمالة أو إقليم
api-op-list_units = وحدات التعاون الوطني
api-op-openapi = وثيقة OpenAPI الخاصة بهذه الواجهة
api-op-list_programmes = البرامج مع النسخة الجاري بها العمل
api-op-get_programme = برنامج ونسخ قواعده
api-op-create_programme = إنشاء برنامج
api-op-create_programme_draft = كتابة نسخة من القواعد (مسودة يتحقق منها المحرك)
api-op-simulate_programme_version = محاكاة نسخة حسب الإقليم في نطاق المستعمل
api-op-activate_programme_version = تفعيل نسخة مسودة
api-op-list_households = أسر السجل في نطاق المستعمل
api-op-get_household = أسرة ومؤشرها ولماذا هي مستحقة أو غير مستحقة
nav-signin = تسجيل الدخول
nav-signout = تسجيل الخروج
nav-dashboard = لوحة القيادة
login-title = تسجيل الدخول
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = دخول
login-error-invalid = اسم المستخدم أو كلمة المرور غير صحيحة.
login-error-locked = محاولات فاشلة كثيرة. أعد المحاولة بعد ربع ساعة.
dashboard-title = لوحة القيادة
dashboard-welcome = مرحباً،
password-changed = تم تغيير كلمة المرور.
dashboard-grants = صلاحياتك
dashboard-shortcuts = اختصارات
dashboard-territories-text = الجهات والعمالات والأقاليم والجماعات.
dashboard-units-text = الإدارة المركزية والتنسيقيات والمندوبيات.
dashboard-audit-text = البحث في سجل التتبع والتحقق من سلامته.
dashboard-password-text = غيّر كلمة مرورك.
password-title = تغيير كلمة المرور
password-forced = يجب تغيير كلمة المرور المؤقتة قبل المتابعة.
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-confirm = تأكيد كلمة المرور الجديدة
password-hint = اثنا عشر حرفاً على الأقل.
password-submit = تغيير كلمة المرور
password-error-short = يجب أن تتكون كلمة المرور من اثني عشر حرفاً على الأقل.
password-error-mismatch = كلمتا المرور غير متطابقتين.
password-error-current = كلمة المرور الحالية غير صحيحة.
password-error-same = يجب أن تختلف كلمة المرور الجديدة عن الحالية.
audit-title = سجل التتبع
audit-lead = كل تغيير في المعطيات مسجل هنا، في سلسلة مشفرة لا يمكن تعديلها دون أن يظهر ذلك.
audit-verify = التحقق من سلامة السلسلة
audit-verify-ok = السلسلة سليمة: تم التحقق من { $entries } قيداً.
audit-verify-broken = السلسلة مكسورة عند القيد رقم { $id }.
audit-search = بحث
audit-from = من تاريخ
audit-to = إلى تاريخ
audit-col-at = التاريخ
audit-col-actor = الفاعل
audit-col-action = العملية
audit-col-entity = الكيان
audit-col-entity-id = المعرف
audit-col-request = مرجع الطلب
role-national_administrator = مدير وطني
role-programme_owner = مسؤول برنامج
role-regional_coordinator = منسق جهوي
role-provincial_officer = إطار بالمندوبية الإقليمية
role-social_worker = مساعد اجتماعي
role-inspector = مفتش
role-establishment_manager = مدير مؤسسة
role-auditor = مدقق
scope-national = وطني
scope-region = الجهة { $code }
scope-province = الإقليم { $code }
scope-establishment = المؤسسة رقم { $code }
api-op-whoami = الحساب المتصل وصلاحياته
nav-users = الحسابات
form-has-errors = تحقق من الحقول المشار إليها أسفله.
users-title = حسابات الموظفين
users-new-title = حساب جديد
users-col-username = اسم المستخدم
users-col-name = الاسم الكامل
users-col-grants = الصلاحيات
users-col-status = الحالة
users-active = نشط
users-inactive = معطل
users-must-change = يجب تغيير كلمة المرور
users-role = الدور
users-scope = المجال
users-create = إنشاء الحساب
users-temporary-hint = تُنشأ كلمة مرور مؤقتة تُعرض مرة واحدة، ويجب تغييرها عند أول دخول.
users-created-title = تم إنشاء الحساب
users-created-text = تم إنشاء الحساب { $username }.
users-created-password = كلمة المرور المؤقتة (تُعرض هذه المرة فقط، سلّمها للمعني بالأمر بطريقة آمنة):
users-open = فتح الحساب
users-add-grant = إضافة صلاحية
users-error-username = اسم المستخدم من 3 إلى 64 حرفاً: حروف لاتينية صغيرة وأرقام و . - _
users-error-name = أدخل الاسم الكامل.
users-error-role = اختر دوراً.
users-error-scope = اختر مجالاً يناسب الدور.
users-error-not-allowed = لا يمكنك منح هذا الدور في هذا المجال.
users-error-taken = اسم المستخدم هذا مستعمل من قبل.
users-error-duplicate = هذه الصلاحية ممنوحة من قبل.
dashboard-users-text = إنشاء حسابات الموظفين ومنح الصلاحيات داخل مجالك.
totp-login-title = رمز التحقق
totp-login-lead = أدخل الرمز المكون من ستة أرقام الذي يعرضه تطبيق المصادقة.
totp-code = رمز من ستة أرقام
totp-submit = تحقق
totp-error-invalid = الرمز غير صحيح أو منتهي الصلاحية.
totp-enrol-title = التحقق بخطوتين
totp-enabled = التحقق بخطوتين مفعل في حسابك.
totp-required = يجب على المديرين الوطنيين تفعيل التحقق بخطوتين قبل المتابعة.
totp-step-app = افتح تطبيق مصادقة (TOTP) على هاتفك.
totp-step-key = أضف حساباً بهذا المفتاح:
totp-step-uri = أو استورد هذا العنوان:
totp-step-code = أدخل الرمز الذي يعرضه التطبيق لتأكيد التفعيل.
totp-confirm = تفعيل
audit-action-create = إنشاء
audit-action-grant = منح صلاحية
audit-action-revoke = إلغاء
audit-action-read = اطلاع
audit-action-login = دخول
audit-action-login-failed = محاولة دخول فاشلة
audit-action-login-second-factor = تحقق بخطوتين
audit-action-login-second-factor-failed = رمز تحقق خاطئ
audit-action-logout = خروج
audit-action-password-change = تغيير كلمة المرور
audit-action-totp-enrol = بدء تفعيل التحقق بخطوتين
audit-action-totp-enable = تفعيل التحقق بخطوتين
audit-action-geo-import = استيراد التقسيم الترابي
audit-entity-territory = مجال ترابي
audit-entity-org-unit = وحدة
audit-entity-user = حساب
audit-entity-role-grant = صلاحية
audit-entity-api-token = مفتاح واجهة البرمجة
nav-directory = دليل المؤسسات
nav-establishments = المؤسسات
pager-label = الصفحات
pager-prev = السابق
pager-next = التالي
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
audit-action-status = تغيير الوضعية
audit-entity-establishment = مؤسسة
est-timeline-entry = { $status }: { $reason }
est-status-changed = تم تغيير الوضعية.
api-op-list_establishments = المؤسسات داخل مجال المستعمل، مع التصفية والترقيم
api-op-get_establishment = مؤسسة واحدة داخل مجال المستعمل

## Authorisation dossier
dashboard-establishments-text = سجل المؤسسات الواقعة في مجال اختصاصك.
est-director = المدير أو المديرة
est-services = الخدمات المقدمة
est-opening-hours = أوقات العمل
est-status-appealed = تظلم قيد الدراسة
est-error-appeal-once = لا يمكن التظلم من الرفض إلا مرة واحدة.
est-error-missing-documents = لا يمكن إيداع الملف: الوثائق الإلزامية التالية ناقصة.
est-error-still-requested = أرفق أولاً الوثائق المطلوبة:
est-error-request-documents = اختر وثيقة واحدة على الأقل من اللائحة لطلبها.
est-error-association = هذه الجمعية غير موجودة.
auth-dossier = ملف الترخيص
auth-receipt-number = رقم الوصل
auth-filed-on = تاريخ الإيداع
auth-due-on = آخر أجل للقرار
auth-documents-requested = الوثائق المطلوبة
auth-decision = القرار
auth-appeal = التظلم
auth-receipt-link = عرض الوصل وطباعته
auth-not-filed = لم يودع بعد أي طلب ترخيص. أرفق الوثائق الإلزامية ثم اختر «طلب الترخيص مودع» وضعيةً جديدة.
auth-checklist = وثائق الملف
auth-mandatory = إلزامية
auth-optional = اختيارية
auth-requested-badge = مطلوبة
auth-request-which = الوثائق المطلوبة (فقط عند اختيار «وثائق ناقصة»)
auth-days-left = { PLURAL($count) ->
    [zero] اليوم آخر أجل
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $count } أيام
    [many] بقي { $count } يوماً
   *[other] بقي { $count } يوم
}
auth-overdue = { PLURAL($count) ->
    [zero] متأخر
    [one] متأخر بيوم واحد
    [two] متأخر بيومين
    [few] متأخر بـ{ $count } أيام
    [many] متأخر بـ{ $count } يوماً
   *[other] متأخر بـ{ $count } يوم
}
auth-queue-title = طلبات الترخيص قيد الدراسة
auth-queue-lead = الطلبات التي تنتظر قراراً في مجال اختصاصك، الأقرب أجلاً أولاً: الطلبات المتأخرة في المقدمة.
auth-queue-count = { PLURAL($count) ->
    [zero] لا يوجد أي طلب في الانتظار
    [one] طلب واحد في الانتظار
    [two] طلبان في الانتظار
    [few] { $count } طلبات في الانتظار
    [many] { $count } طلباً في الانتظار
   *[other] { $count } طلب في الانتظار
}
auth-queue-overdue = { PLURAL($count) ->
    [zero] لا تأخير
    [one] طلب واحد متأخر
    [two] طلبان متأخران
    [few] { $count } طلبات متأخرة
    [many] { $count } طلباً متأخراً
   *[other] { $count } طلب متأخر
}
auth-queue-empty = لا يوجد أي طلب ينتظر قراراً.
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
size-kb = { $n } ك.ب
receipt-title = وصل إيداع طلب ترخيص
receipt-law = القانون رقم 65.15 المتعلق بمؤسسات الرعاية الاجتماعية
receipt-filed-by = أودعه
receipt-documents = الوثائق المتوصل بها
receipt-deadline = يجب تبليغ القرار في أجل أقصاه { $date }.
receipt-print-hint = لطباعة هذا الوصل، استعمل وظيفة الطباعة في متصفحك.
audit-action-attach = إرفاق وثيقة
audit-entity-document = وثيقة
api-op-create_establishment = تسجيل مؤسسة في جماعة داخل مجال اختصاص المستعمل
api-op-transition_establishment = نقل مؤسسة في مسارها (الإيداع، الدراسة، الوثائق، القرار، التظلم)
nav-authorisations = الطلبات قيد الدراسة
scope-many = { PLURAL($count) ->
    [zero] لا مجال
    [one] مجال واحد
    [two] مجالان
    [few] { $count } مجالات
    [many] { $count } مجالاً
   *[other] { $count } مجال
}
actor-system = النظام
actor-anonymous = شخص غير متصل

## Associations
nav-associations = الجمعيات
assoc-title = الجمعيات الشريكة
assoc-new-title = تسجيل جمعية
assoc-edit-title = تعديل الجمعية
assoc-import-title = استيراد جمعيات
assoc-search = الاسم أو رقم الوصل
assoc-count = { PLURAL($count) ->
    [zero] لا توجد أي جمعية
    [one] جمعية واحدة
    [two] جمعيتان
    [few] { $count } جمعيات
    [many] { $count } جمعية
   *[other] { $count } جمعية
}
assoc-number = رقم وصل الإيداع
assoc-date = تاريخ الوصل
assoc-date-hint = بصيغة سنة-شهر-يوم، مثل 2019-05-14.
assoc-email = البريد الإلكتروني
assoc-save = حفظ
assoc-saved = تم حفظ التغييرات.
assoc-board = المكتب
assoc-board-empty = لم يسجل أي عضو في المكتب.
assoc-add-member = إضافة عضو إلى المكتب
assoc-member-name = الاسم الكامل
assoc-member-since = عضو منذ (اختياري)
assoc-since = منذ { $date }
assoc-remove = سحب
assoc-remove-member = سحب { $name } من المكتب
assoc-position = المهمة
assoc-position-president = الرئيس(ة)
assoc-position-vice_president = نائب(ة) الرئيس
assoc-position-secretary_general = الكاتب(ة) العام(ة)
assoc-position-treasurer = أمين(ة) المال
assoc-position-deputy_treasurer = نائب(ة) أمين المال
assoc-position-member = عضو
assoc-establishments = المؤسسات التي أسستها أو تسيرها
assoc-establishments-empty = لا توجد مؤسسة في مجال اختصاصك مرتبطة بهذه الجمعية.
assoc-error-number = أدخل رقم الوصل (حروف وأرقام و/ - . ومسافات، 64 حرفاً على الأكثر).
assoc-error-number-taken = توجد جمعية مسجلة بهذا الرقم.
assoc-error-name = أدخل اسم الجمعية بالعربية أو بالفرنسية.
assoc-error-date = أدخل تاريخاً صحيحاً بصيغة سنة-شهر-يوم، غير لاحق لليوم.
assoc-error-email = عنوان البريد الإلكتروني غير صالح.
assoc-error-member-name = أدخل اسم العضو.
assoc-error-position = اختر مهمة.
assoc-error-position-held = هذه المهمة مشغولة في المكتب.
assoc-import-lead = ملف CSV بترميز UTF-8، جمعية في كل سطر، والسطر الأول يسمي الأعمدة. إذا رُفض سطر واحد لا يُستورد أي شيء وتُذكر كل الأسطر المرفوضة. تُحدَّث الجمعية المسجلة بنفس الرقم: استيراد الملف نفسه مرتين لا يغير شيئاً.
assoc-import-columns = الأعمدة المنتظرة بهذا الترتيب:
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
audit-entity-association = جمعية
audit-entity-board-member = عضو المكتب
audit-action-update = تعديل
audit-action-delete = حذف
api-op-list_associations = الجمعيات الواقعة في مجال اختصاص المستعمل، مع البحث والتصفح
api-op-get_association = جمعية من مجال اختصاص المستعمل مع أعضاء مكتبها
api-op-create_association = تسجيل جمعية في جماعة داخل مجال اختصاص المستعمل

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
audit-action-declare = تصريح
audit-entity-care-declaration = تصريح بالتكفل
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
audit-action-password-change-failed = كلمة المرور الحالية خاطئة
audit-action-login-locked = دخول مرفوض (حساب مقفل)
audit-action-registry-import = استيراد سجل الأسر
audit-action-registry-index-import = استيراد مؤشرات السجل الاجتماعي
audit-entity-household = أسرة
audit-entity-household-index-value = مؤشر السجل الاجتماعي
nav-programmes = البرامج
nav-registry = السجل الاجتماعي
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
assoc-documents = وثائق الجمعية
assoc-doc-statutes = النظام الأساسي
assoc-doc-registration_receipt = وصل الإيداع
assoc-doc-board_minutes = محضر انتخاب المكتب
api-op-update_association = تعديل جمعية من مجال اختصاص المستعمل (لا تتغير إلا الحقول المرسلة)

# Lists: sortable, paged tables
pager-position = الصفحة { $page } من { $pages }
users-search = اسم المستخدم أو الاسم
users-count = { PLURAL($count) ->
    [zero] لا يوجد أي حساب
    [one] حساب واحد
    [two] حسابان
    [few] { $count } حسابات
    [many] { $count } حساباً
   *[other] { $count } حساب
}
audit-count = { PLURAL($count) ->
    [zero] لا يوجد أي قيد
    [one] قيد واحد
    [two] قيدان
    [few] { $count } قيود
    [many] { $count } قيداً
   *[other] { $count } قيد
}
# Confirmations of destructive actions
confirm-required = أشّر على الخانة للتأكيد.
est-confirm = أؤكد هذا التغيير في الوضعية (الرفض أو التوقيف أو السحب أو الإغلاق يوقف المؤسسة).
est-error-confirm = للرفض أو التوقيف أو السحب أو الإغلاق، أشّر على خانة التأكيد.
assoc-remove-confirm = أؤكد سحب هذا العضو من المكتب.
# Dashboard figures
fig-establishments-title = مؤسسات مجال اختصاصك
fig-places = الأماكن المشغولة / المرخصة
fig-applications-title = طلبات الخدمات في مجال اختصاصك
fig-applications-mine = الطلبات المسندة إليك
fig-applications-overdue = طلبات تجاوزت الأجل
fig-programmes-title = البرامج والسجل
fig-households = الأسر المسجلة في السجل
fig-audit-today = قيود اليوم في السجل
