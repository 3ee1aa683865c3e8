# Partner associations (Arabic).
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
assoc-documents = وثائق الجمعية
assoc-doc-statutes = النظام الأساسي
assoc-doc-registration_receipt = وصل الإيداع
assoc-doc-board_minutes = محضر انتخاب المكتب
api-op-update_association = تعديل جمعية من مجال اختصاص المستعمل (لا تتغير إلا الحقول المرسلة)

assoc-remove-confirm = أؤكد سحب هذا العضو من المكتب.
