# Registering one person in the social registry (/persons/new).
person-entry-title = تسجيل شخص في السجل
person-entry-hint = أدخل بيانات الشخص. قبل الحفظ تُعرض أشخاص السجل الذين قد يكونون الشخص نفسه مع أسباب ذلك: اربطه بأحدهم أو أكّد أنه شخص جديد (يُسجَّل مع أسرة خاصة به في الجماعة المختارة).
person-entry-names = الاسم
person-entry-names-hint = الاسم الشخصي والعائلي بكتابة واحدة على الأقل، وبالكتابتين إن كانتا معروفتين.
person-entry-first-name-ar = الاسم الشخصي بالعربية
person-entry-last-name-ar = الاسم العائلي بالعربية
person-entry-first-name-lat = الاسم الشخصي بالحروف اللاتينية
person-entry-last-name-lat = الاسم العائلي بالحروف اللاتينية
person-entry-cin = رقم البطاقة الوطنية (إن وُجد)
person-entry-commune = الجماعة
person-entry-save = تحقق وسجّل
person-entry-household = الأسرة
person-entry-done-new = سُجّل شخص جديد في السجل.
person-entry-done-linked = الشخص مسجّل من قبل في السجل: لم يُنشأ أي سجل جديد، وحُفظ القرار.
person-entry-error-name = أدخل الاسم الشخصي والعائلي بكتابة واحدة على الأقل.
person-entry-error-script-ar = حروف عربية فقط في هذا الحقل.
person-entry-error-script-lat = حروف لاتينية فقط في هذا الحقل.
person-entry-error-commune = اختر جماعة من القائمة.
person-entry-error-cin-taken = رقم البطاقة الوطنية هذا مسجّل من قبل في السجل.
# A beneficiary file's registry person.
care-registry-person = الشخص في السجل الاجتماعي
care-registry-name = الاسم في السجل
care-registry-household = الأسرة في السجل
care-registry-linked-unreadable = هذا الملف مرتبط بشخص في السجل الاجتماعي لا تطّلع عليه.
person-entry-link = تسجيل شخص جديد في السجل
