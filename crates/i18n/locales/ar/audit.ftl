# The audit trail (Arabic).
audit-title = سجل التتبع
audit-lead = كل تغيير في المعطيات مسجل هنا، في سلسلة من البصمات: تعديل أو حذف قيد سابق يكسر كل ما يليه، فيظهر ذلك.
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
audit-action-create = إنشاء
audit-action-grant = منح صلاحية
audit-action-revoke = إلغاء
audit-action-read = اطلاع
audit-action-login = دخول
audit-action-login-failed = محاولة دخول فاشلة
audit-action-login-second-factor = تحقق بخطوتين
audit-action-login-second-factor-failed = رمز تحقق خاطئ
audit-action-logout = تسجيل الخروج
audit-action-password-change = تغيير كلمة المرور
audit-action-totp-enrol = بدء تفعيل التحقق بخطوتين
audit-action-totp-enable = تفعيل التحقق بخطوتين
audit-action-geo-import = استيراد التقسيم الترابي
audit-entity-territory = مجال ترابي
audit-entity-org-unit = وحدة
audit-entity-user = حساب
audit-entity-role-grant = صلاحية
audit-entity-api-token = مفتاح واجهة البرمجة
audit-action-status = تغيير الوضعية
audit-entity-establishment = مؤسسة
audit-action-attach = إرفاق وثيقة
audit-entity-document = وثيقة
api-op-create_establishment = تسجيل مؤسسة في جماعة داخل مجال اختصاص المستعمل
api-op-transition_establishment = نقل مؤسسة في مسارها (الإيداع، الدراسة، الوثائق، القرار، التظلم)
actor-system = النظام
actor-anonymous = شخص غير متصل

audit-entity-association = جمعية
audit-entity-board-member = عضو المكتب
audit-action-update = تعديل
audit-action-delete = حذف
api-op-list_associations = الجمعيات الواقعة في مجال اختصاص المستعمل، مع البحث والتصفح
api-op-get_association = جمعية من مجال اختصاص المستعمل مع أعضاء مكتبها
api-op-create_association = تسجيل جمعية في جماعة داخل مجال اختصاص المستعمل

audit-action-declare = تصريح
audit-entity-care-declaration = تصريح بالتكفل
audit-action-password-change-failed = كلمة المرور الحالية خاطئة
audit-action-login-locked = دخول مرفوض (حساب مقفل)
audit-action-registry-import = استيراد سجل الأسر
audit-action-registry-index-import = استيراد مؤشرات السجل الاجتماعي
audit-entity-household = أسرة
audit-entity-household-index-value = مؤشر السجل الاجتماعي
audit-count = { PLURAL($count) ->
    [zero] لا يوجد أي قيد
    [one] قيد واحد
    [two] قيدان
    [few] { $count } قيود
    [many] { $count } قيداً
   *[other] { $count } قيد
}
audit-action-submit = إيداع
audit-action-assign = إسناد
audit-action-assess = تقييم
audit-action-note = ملاحظة
audit-action-deliver = خدمة تقدمها مؤسسة
audit-entity-programme = برنامج
audit-entity-rule-version = نسخة قواعد برنامج
audit-action-checkpoint = نقطة مراقبة موقعة
audit-entity-audit-trail = سجل التتبع
audit-checkpoint = آخر نقطة مراقبة موقعة: رقم { $seq }، بتاريخ { $at }، { $entries } قيداً، المفتاح { $key }. تُحفظ أيضاً خارج قاعدة المعطيات، فتكشف حذف القيود الأخيرة.
audit-checkpoint-none = لا توجد نقطة مراقبة موقعة بعد: تأخذ المنصة واحدة بانتظام، ويمكن للمستغل أن يأخذ واحدة عند الطلب.
audit-verify-ok-anchored = السلسلة سليمة: تم التحقق من { $entries } قيداً، وهي تتضمن نقطة المراقبة رقم { $seq } كما وُقعت.
audit-verify-truncated = السجل أقصر من نقطة المراقبة رقم { $seq }: حُذفت آخر { $missing } قيود.
audit-verify-rewritten = القيد رقم { $id } لم يعد هو الذي تضمنه نقطة المراقبة رقم { $seq }: أعيدت كتابة السجل وحساب بصماته.
audit-verify-bad-checkpoint = توقيع نقطة المراقبة رقم { $seq } غير مطابق: لقد تم تغييرها.
audit-action-restore = استرجاع نسخة احتياطية
audit-action-export = تصدير لائحة
audit-action-publish = نشر
audit-action-schedule = برمجة
audit-action-conduct = إنجاز الزيارة
audit-action-answer = رد
audit-action-close = إغلاق
audit-action-reopen = إعادة فتح
audit-entity-quality-grid = شبكة التفتيش
audit-entity-visit = زيارة تفتيش
audit-entity-corrective-action = إجراء تصحيحي
audit-entity-grievance = شكاية
audit-action-matching-search = البحث عن شخص
audit-action-matching-check = التحقق من التكرار قبل التسجيل
audit-entity-person = شخص
audit-action-matching-decide = قرار بشأن تكرار محتمل عند التسجيل
audit-action-matching-job = البحث عن المكررين في إقليم
audit-action-matching-merge = دمج شخصين
audit-action-matching-undo = إلغاء دمج
audit-action-matching-not-same = شخصان مختلفان
