# Complaints and grievances: the public form, the receipt, tracking, and the staff queue
# and record.

nav-grievances = الشكايات
grv-new-title = تقديم شكاية
grv-new-lead = قرار، أو التكفل في مؤسسة، أو خطر على شخص، أو الولوج إلى خدمة، أو معطياتك الشخصية: أخبرنا بما حدث. تتوصل برمز تتبع وبالتاريخ الذي يجب أن يصلك فيه الجواب.
grv-where-lead = في أي إقليم حدث ذلك؟ تعالج مندوبية هذا الإقليم الشكاية.
grv-record-title = تسجيل شكاية واردة
grv-record-page-title = شكاية
grv-receipt-title = وصل إيداع شكاية
grv-receipt-law = وصل يسلم عند الإيداع (القانون 55.19). حق التظلم الإداري مضمون لك.
grv-status-title = تتبع الشكاية
grv-queue-title = الشكايات
grv-already-filed = سبق إيداع هذه الشكاية: هذا وصلها.
grv-tracking-hint = احتفظ بهذا الرمز. لتتبع الشكاية، أدخله مع الهاتف أو البريد الإلكتروني المذكور.
grv-tracking-hint-code = احتفظ بهذا الرمز: يكفي وحده لتتبع الشكاية.
grv-urgent-receipt = الخطر على شخص يعالج على وجه الاستعجال: تم إخبار المندوب الإقليمي والمفتشين فورا. في حالة خطر داهم، اتصل أيضا بالشرطة (19) أو الدرك (177).
grv-category = موضوع الشكاية
grv-urgent = مستعجل
grv-danger-hint = إذا كان شخص في خطر، اختر «سوء معاملة أو خطر على مستفيد»: تعالج الشكاية على وجه الاستعجال.
grv-place = أين حدث ذلك؟
grv-place-hint = في الإقليم: { $province }. اختر المؤسسة إن تعلق الأمر بإحداها، وإلا فالجماعة.
grv-establishment = المؤسسة
grv-commune = الجماعة
grv-contested = رمز التتبع أو رقم وصل القرار المطعون فيه
grv-contested-hint = للطعن في قرار بشأن طلب، أدخل رمز تتبعه (وأسفله الهاتف المقدم مع الطلب)؛ ولترخيص، رقم الوصل.
grv-facts = ما حدث
grv-facts-hint = الوقائع والتواريخ والأشخاص المعنيون. 10 أحرف على الأقل.
grv-files-hint = اختياري: وثيقتان على الأكثر (PDF أو PNG أو JPEG).
grv-file-evidence_1 = الوثيقة الأولى
grv-file-evidence_2 = الوثيقة الثانية
grv-you = أنت
grv-anonymous = أودع دون ذكر اسمي
grv-anonymous-hint = ممكن، إلا للطعن في قرار يخصك. دون وسيلة اتصال، تتبع الشكاية برمزها.
grv-anonymous-label = دون اسم
grv-name = الاسم الكامل
grv-phone-hint = للجواب عبر رسالة قصيرة ولتتبع الشكاية.
grv-address = العنوان البريدي
grv-answer-by = كيف تريد التوصل بالجواب؟
grv-answer-by-sms = عبر رسالة قصيرة
grv-answer-by-email = عبر البريد الإلكتروني
grv-answer-by-post = عبر البريد
grv-answer-by-none = دون إرسال: سأتتبع بالرمز
grv-notice-purpose-text = دراسة شكايتك والجواب عليها وتتبع أجل الجواب.
grv-notice-recipients-text = مندوبية الإقليم؛ وفي حالة الخطر، المندوب الإقليمي والمفتشون؛ ولا تطلع عليها أبدا المؤسسة المعنية في حالة سوء المعاملة أو سلوك أحد العاملين.
grv-submit = إيداع الشكاية
grv-answer-due = أجل الجواب
grv-ack-due = أجل الإشعار بالتوصل
grv-status-received = واردة
grv-status-acknowledged = تم الإشعار بالتوصل
grv-status-examining = قيد الدراسة
grv-status-answered = تم الجواب
grv-status-appealed = الجواب مطعون فيه
grv-status-closed = مغلقة
grv-next-received = توصلت المندوبية بالشكاية وستشعر بالتوصل بها.
grv-next-acknowledged = ستدرس الشكاية؛ والجواب واجب في التاريخ المذكور.
grv-next-examining = الشكاية قيد الدراسة (اتصالات، طلبات معلومات، زيارة).
grv-next-answered = الجواب أسفله مع أسبابه. يمكنك الطعن فيه مرة واحدة.
grv-next-appealed = طعنك في الجواب قيد الدراسة.
grv-next-closed = الشكاية مغلقة.
grv-answer = الجواب وأسبابه
grv-appeal = الطعن في الجواب
grv-appeal-hint = مرة واحدة، داخل 60 يوما من الجواب. قل لماذا لا يناسبك الجواب.
grv-appeal-reason = لماذا تطعن في الجواب؟
grv-appeal-submit = إرسال الطعن
grv-appeal-sent = تم تسجيل طعنك.
grv-track-hint = بالنسبة لشكاية، أدخل الهاتف أو البريد الإلكتروني المذكور عند الإيداع؛ اتركه فارغا إن لم تذكر أيا منهما.
grv-channel = وردت عبر
grv-channel-online = الإنترنت
grv-channel-counter = الشباك
grv-channel-phone = الهاتف
grv-channel-letter = البريد
grv-level = المستوى
grv-level-delegation = المندوبية
grv-level-provincial = المندوب الإقليمي (مستعجل)
grv-level-regional = التنسيقية الجهوية (تجاوز الأجل)
grv-count = { PLURAL($count) ->
    [zero] لا شكاية
    [one] شكاية واحدة
    [two] شكايتان
    [few] { $count } شكايات
   *[other] { $count } شكاية
}
grv-escalated-count = { PLURAL($count) ->
    [one] شكاية واحدة دون جواب بعد أجلها، رفعت إلى التنسيقية الجهوية
    [two] شكايتان دون جواب بعد أجلهما، رفعتا إلى التنسيقية الجهوية
    [few] { $count } شكايات دون جواب بعد أجلها، رفعت إلى التنسيقية الجهوية
   *[other] { $count } شكاية دون جواب بعد أجلها، رفعت إلى التنسيقية الجهوية
}
grv-escalated-only = المتجاوزة للأجل فقط
grv-days-left = { PLURAL($count) ->
    [zero] اليوم آخر أجل
    [one] يوم واحد متبق
    [two] يومان متبقيان
    [few] { $count } أيام متبقية
   *[other] { $count } يوما متبقيا
}
grv-overdue = { PLURAL($count) ->
    [one] تأخر بيوم واحد
    [two] تأخر بيومين
    [few] تأخر بـ{ $count } أيام
   *[other] تأخر بـ{ $count } يوما
}
grv-confidential = شكاية سرية: لا تعرض أبدا على المؤسسة ولا على المساعدين الاجتماعيين؛ وكل فتح لها مسجل.
grv-assigned = يتتبعها
grv-handling = المعالجة
grv-assign-to = إسناد إلى
grv-assign-me = أنا
grv-assign = إسناد
grv-step = المرحلة
grv-step-acknowledge = الإشعار بالتوصل
grv-step-examine = فتح الدراسة
grv-step-answer = الجواب مع الأسباب
grv-step-close = الإغلاق
grv-step-submit = تسجيل المرحلة
grv-reasons = الجواب والأسباب
grv-reasons-hint = ضروري للجواب؛ يقرأ الشخص الجواب في صفحة التتبع. بالنسبة لقرار مطعون فيه، غيره عبر مسطرته الخاصة واذكر ذلك هنا.
grv-note = ملاحظة داخلية
grv-note-hint = مكالمة، طلب معلومات، زيارة: لا تعرض أبدا على الشخص.
grv-note-submit = إضافة الملاحظة
grv-internal = داخلي
grv-line-note = ملاحظة
grv-line-status = مرحلة
grv-step-done = تم تسجيل المرحلة.
grv-error-category = اختر موضوع الشكاية.
grv-error-anonymous-decision = للطعن في قرار يخصك، عرف بنفسك.
grv-error-anonymous-answer = دون اسم، لا يمكن إرسال الجواب إليك: اختر «دون إرسال» وتتبع بالرمز.
grv-error-answer-by = اختر كيف تتوصل بالجواب.
grv-error-too-long = هذا النص طويل جدا.
grv-error-phone = رقم الهاتف هذا غير صالح.
grv-error-email = عنوان البريد الإلكتروني هذا غير صالح.
grv-error-name = أدخل اسمك، أو اختر الإيداع دون اسم.
grv-error-contact-needed = ضروري للجواب المختار.
grv-error-facts = صف ما حدث (10 أحرف على الأقل).
grv-error-contested-needed = أدخل رمز التتبع أو رقم وصل القرار.
grv-error-contested = لا يوجد قرار يطابق هذا الرمز وهذا الهاتف.
grv-error-establishment = اختر مؤسسة من اللائحة.
grv-error-commune = اختر جماعة من اللائحة.
grv-error-place = اختر المؤسسة أو الجماعة.
grv-error-consent = ضع علامة في الخانة لقبول معالجة معطياتك.
grv-error-form-expired = انتهت صلاحية الاستمارة: أعد تحميل الصفحة وابدأ من جديد.
grv-error-channel = حدد كيف وردت الشكاية.
grv-error-out-of-territory = هذا المكان خارج نفوذك الترابي.
grv-error-handler = لا يمكن لهذا الشخص معالجة هذه الشكاية.
grv-error-note = اكتب الملاحظة.
grv-error-reasons = اكتب الأسباب.
grv-error-step = اختر مرحلة.
grv-error-step-now = هذه المرحلة لا تلي وضعية الشكاية.
grv-error-appeal-once = سبق الطعن في الجواب مرة.
grv-error-appeal-late = انقضى أجل الطعن في الجواب.
notify-grievance-received = التعاون الوطني: توصلنا بشكايتك. رمز التتبع { $code }.
notify-grievance-acknowledged = التعاون الوطني: تم الإشعار بالتوصل بشكايتك { $code }.
notify-grievance-answered = التعاون الوطني: تم الجواب على شكايتك { $code }. اقرأه في صفحة التتبع.
notify-grievance-appealed = التعاون الوطني: تم تسجيل طعنك في الجواب { $code }.
notify-grievance-urgent = شكاية مستعجلة { $code }: تم التبليغ عن خطر على مستفيد في إقليمكم.
grv-contesting-title = الشكايات ضد هذا القرار
grv-needs-identity = (الاسم ضروري)
grv-received-on = تاريخ التوصل
grv-received-on-hint = اختياري: يوم وصول الرسالة أو المكالمة؛ تحتسب الآجال ابتداء منه.
grv-error-received-on = تاريخ مضى منذ أقل من سنة.
grv-documents = الوثائق
grv-fig-awaiting = في انتظار الجواب
grv-fig-escalated = تجاوزت الأجل، رفعت إلى التنسيقية الجهوية
grv-figures-title = أرقام الشكايات
grv-figures-link = أرقام الشكايات
grv-figures-hint = شكايات مجالك الترابي التي يمكنك الاطلاع عليها، في كل الفترات؛ تجاوز الأجل يعدّ التي ما تزال تنتظر جوابًا بعد آخر أجلها.
grv-figures-empty = لا توجد أي شكاية في مجالك الترابي.
grv-figures-total = الشكايات
grv-figures-overdue = دون جواب بعد الأجل
grv-figures-in-time = أجيب عنها داخل الأجل
grv-figures-in-time-of = { $in_time } من أصل { $answered } أجيب عنها
grv-figures-median = المدة الوسيطة للجواب
grv-figures-days = { PLURAL($count) ->
    [zero] أقل من يوم
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
   *[other] { $count } يومًا
}
grv-figures-no-answer = لا جواب بعد
grv-figures-by-category = الشكايات حسب الصنف
grv-figures-by-status = الشكايات حسب الحالة
grv-figures-by-province = الشكايات حسب الإقليم

## The API and the figures by period.
grv-error-retry-key = أعطوا مفتاح إعادة المحاولة (الترويسة Idempotency-Key أو submission_key) من 1 إلى 64 حرفا.
grv-error-period-day = أدخل تاريخا (YYYY-MM-DD).
grv-error-period-year = أدخل سنة، مثلا 2026.
grv-error-period-order = يجب أن تأتي نهاية الفترة بعد بدايتها.
grv-od-title = الشكايات: أرقام عمومية
grv-od-lead = الشكايات المودعة خلال الفترة، حسب الإقليم والموضوع، ونسبة المجاب عنها داخل الأجل والعدد الوسيط لأيام الجواب. لا يمكن التعرف على أي شخص منها.
grv-od-card = الشكايات حسب الإقليم والموضوع، وآجال الجواب.
grv-od-year = السنة
grv-od-any-year = كل السنوات
grv-od-from = من
grv-od-to = إلى
grv-od-period-hint = سنة، أو فترة من اليوم الأول إلى اليوم الأخير (حسب تاريخ الإيداع).
grv-od-volumes = الشكايات المودعة حسب الإقليم والموضوع
grv-od-pooled = تبليغات سرية (سوء معاملة أو خطر، سلوك المستخدمين)
grv-od-timeliness = آجال الجواب حسب الإقليم
grv-od-in-time = المجاب عنها داخل الأجل
grv-od-median = الأيام الوسيطة للجواب
grv-od-national = كل البلاد
grv-od-rules = لا تحسب التبليغات السرية (سوء معاملة أو خطر، سلوك المستخدمين) إلا مجتمعة، وليس موضوعا بموضوع. لا تنشر الآجال إلا حيث أجيب عن 5 شكايات على الأقل؛ «—»: لا جواب بعد.
grv-line-escalated-region = تجاوز الأجل: أحيلت على المنسق الجهوي
notify-grievance-escalated = الشكاية { $code } بدون جواب بعد { $answer_due }: أحيلت عليكم.
api-op-list_grievance_categories = أصناف الشكايات وآجالها
api-op-file_grievance = إيداع شكاية بدون حساب (إعادة المحاولة بنفس المفتاح لا تودع إلا شكاية واحدة)
api-op-grievance_status = تتبع شكاية برمزها والهاتف أو البريد الإلكتروني المعطى
api-op-list_grievances = قائمة شكايات نطاق المستعمل
api-op-get_grievance = شكاية (يسجل فتحها)
api-op-step_grievance = مرحلة من معالجة شكاية: إشعار بالتوصل، دراسة، جواب، إغلاق
api-op-assign_grievance = إسناد شكاية
api-op-note_grievance = ملاحظة داخلية على شكاية
