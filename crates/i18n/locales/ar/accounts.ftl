# Accounts, sign-in, second factor, roles and scopes (Arabic).
login-title = تسجيل الدخول
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = دخول
login-error-invalid = اسم المستخدم أو كلمة المرور غير صحيحة.
login-error-locked = محاولات فاشلة كثيرة. أعد المحاولة بعد ربع ساعة.
password-changed = تم تغيير كلمة المرور.
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
role-inspector = مفتش
role-establishment_manager = مدير مؤسسة
role-auditor = مدقق
scope-national = وطني
scope-region = الجهة { $code }
scope-province = الإقليم { $code }
scope-establishment = المؤسسة رقم { $code }
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
scope-many = { PLURAL($count) ->
    [zero] لا مجال
    [one] مجال واحد
    [two] مجالان
    [few] { $count } مجالات
    [many] { $count } مجالاً
   *[other] { $count } مجال
}
users-search = اسم المستخدم أو الاسم
users-count = { PLURAL($count) ->
    [zero] لا يوجد أي حساب
    [one] حساب واحد
    [two] حسابان
    [few] { $count } حسابات
    [many] { $count } حساباً
   *[other] { $count } حساب
}
