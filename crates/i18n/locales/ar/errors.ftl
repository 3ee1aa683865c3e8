# Error pages and messages (Arabic).
error-not-found-title = الصفحة غير موجودة
error-not-found-text = الصفحة أو العنصر المطلوب غير موجود، أو لا يدخل ضمن مجال اطلاعك.
error-internal-title = حدث خطأ
error-internal-text = تعذر إتمام طلبك. أعد المحاولة لاحقاً، وإن تكرر الخطأ فاذكر هذا المرجع للدعم:
error-bad-request-title = طلب غير صالح
error-bad-request-text = المعطيات المرسلة غير صالحة.
error-back-home = العودة إلى الرئيسية
error-invalid-territory-code = رمز المجال الترابي غير صالح.
error-forbidden-title = الولوج غير مسموح
error-forbidden-text = لا تسمح صلاحياتك بالوصول إلى هذه الصفحة.
error-unauthorized-text = يجب تسجيل الدخول أولاً.
error-cross-site-text = رُفض الطلب لأنه صادر عن موقع آخر.
error-invalid-status = الوضعية غير معروفة.
