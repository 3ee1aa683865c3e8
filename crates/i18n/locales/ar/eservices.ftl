# E-services: the catalogue, the online application, tracking, and processing by the delegation.
nav-services = الخدمات
nav-applications = الطلبات
svc-title = الخدمات
svc-lead = خدمات التعاون الوطني ومؤسسات الرعاية الاجتماعية. يمكنكم تقديم الطلب عبر الإنترنت دون حساب، وتتبعه برمزه.
svc-looking-for = أبحث عن مساعدة من أجل…
svc-need-all = كل الخدمات
svc-need-child = طفل
svc-need-disability = شخص في وضعية إعاقة
svc-need-women = امرأة أو فتاة
svc-need-elderly = شخص مسن
svc-need-youth = تلميذ أو شاب
svc-need-homeless = شخص بدون مأوى
svc-where = أين؟
svc-anywhere = في كل المغرب
svc-filter = عرض
svc-count = { PLURAL($count) ->
    [zero] لا توجد خدمة
    [one] خدمة واحدة
    [two] خدمتان
    [few] { $count } خدمات
    [many] { $count } خدمة
   *[other] { $count } خدمة
}
svc-empty = لا توجد خدمة مطابقة: جربوا إقليما آخر أو حاجة أخرى.
svc-deadline = أجل الجواب
svc-deadline-days = { PLURAL($count) ->
    [zero] الجواب في نفس اليوم
    [one] الجواب داخل يوم واحد
    [two] الجواب داخل يومين
    [few] الجواب داخل { $count } أيام
    [many] الجواب داخل { $count } يوما
   *[other] الجواب داخل { $count } يوم
}
svc-who = من يمكنه تقديم الطلب
svc-unit = من يعالج الطلب
svc-unit-text = المندوبية الإقليمية للتعاون الوطني بالجماعة التي يقيم بها المستفيد.
svc-documents = الوثائق المطلوبة
svc-no-documents = لا تطلب أي وثيقة.
svc-documents-rule = لا يمكن أن تطلب منكم إلا هذه الوثائق، ولا يمكن المطالبة بوثيقة ناقصة إلا مرة واحدة. لا حاجة لنسخ مصادق عليها.
svc-apply = تقديم الطلب عبر الإنترنت
svc-places = أين تقدم هذه الخدمة
svc-no-places = لا توجد حاليا مؤسسة مرخصة تقدم هذه الخدمة في هذا الإقليم.
svc-track-link = تتبع طلب برمزه
app-title = طلب عبر الإنترنت
app-title-for = طلب: { $service }
app-where-lead = أين يقيم الشخص الذي تطلبون من أجله؟ ستعالج الطلب مندوبية إقليمه.
app-province = الإقليم أو العمالة
app-continue = متابعة
app-mandatory-hint = الخانات التي لا تحمل عبارة «اختياري» إلزامية.
app-applicant = أنتم (صاحب الطلب)
app-relation = تطلبون
app-relation-self = لنفسي
app-relation-parent = لطفلي
app-relation-guardian = لشخص أنا وصي عليه أو كافله
app-relation-child = لأبي أو أمي
app-relation-relative = لأحد الأقارب
app-relation-other = لشخص آخر
app-name-ar = الاسم الكامل بالعربية
app-name-fr = الاسم الكامل بالحروف اللاتينية
app-applicant-name-hint = بالعربية أو بالحروف اللاتينية أو بهما معا. لا حاجة له إذا كنتم تطلبون لأنفسكم.
app-name-hint = بالعربية أو بالحروف اللاتينية أو بهما معا.
app-phone = الهاتف
app-phone-hint = لإخباركم برسالة قصيرة بمراحل الطلب.
app-email = البريد الإلكتروني
app-optional = اختياري.
app-beneficiary = المستفيد
app-birth-date = تاريخ الازدياد
app-birth-date-hint = مثلا 2016-04-09. سيطلب منكم لتتبع الطلب.
app-sex = الجنس
app-sex-female = أنثى
app-sex-male = ذكر
app-cin = رقم البطاقة الوطنية
app-cin-hint = اختياري. حرف أو حرفان ثم أرقام، مثلا BK123456.
app-commune = الجماعة (الإقليم: { $province })
app-other-province = تغيير الإقليم
app-household = الأسرة
app-household-size = عدد أفراد الأسرة
app-household-facts = ما يجب أن نعرفه
app-household-facts-hint = اختياري: وضعية الأسرة، الاحتياجات، ما هو مستعجل.
app-files-hint = ملفات PDF أو PNG أو JPEG. يمكن إرسال الوثائق الاختيارية لاحقا إذا طلبت منكم.
app-file-kept = تم التوصل به: { $name } (لا حاجة لاختياره من جديد)
app-submit = إرسال الطلب
app-receipt-title = وصل الإيداع
app-receipt-law = القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية
app-already-filed = سبق التوصل بهذا الطلب: هذا وصله. لم ينشأ طلب ثان.
app-tracking-code = رمز التتبع
app-tracking-hint = احتفظوا بهذا الرمز: مع تاريخ ازدياد المستفيد أو رقم هاتفكم، يمكنكم تتبع الطلب.
app-service = الخدمة
app-filed-on = تاريخ الإيداع
app-due-on = الجواب منتظر في أجل أقصاه
app-status = الحالة
app-status-submitted = تم التوصل به
app-status-in_review = قيد الدراسة
app-status-documents_requested = وثيقة مطلوبة
app-status-waiting = مقبول، في لائحة الانتظار
app-status-accepted = مقبول
app-status-referred = موجه إلى خدمة أخرى
app-status-refused = مرفوض
app-status-appealed = تظلم قيد الدراسة
app-next-submitted = المرحلة المقبلة: سيدرس مساعد اجتماعي بالمندوبية الطلب. ستتوصلون برسالة قصيرة.
app-next-in_review = المرحلة المقبلة: القرار، في أجل أقصاه التاريخ المشار إليه.
app-next-documents_requested = المطلوب: أرسلوا الوثيقة المطلوبة أسفله. يبدأ الأجل من جديد من تاريخ التوصل بها.
app-next-waiting = لا يوجد مكان شاغر حاليا: أنتم في لائحة الانتظار وسيتم إخباركم فور شغور مكان.
app-next-accepted = تم قبول الطلب.
app-next-referred = تم توجيه الطلب إلى خدمة أقدر على المساعدة: انظروا السبب.
app-next-refused = تم رفض الطلب. يمكنكم تقديم تظلم أسفله، مرة واحدة.
app-next-appealed = سيدرس مسؤول بالمندوبية تظلمكم.
app-reason = السبب:
app-rank = الرتبة في لائحة الانتظار: { $rank }
app-placed-in = مؤسسة الاستقبال
app-timeline = المراحل
app-record-title = طلب
app-assigned = يتابعه
app-consent-given = تمت الموافقة (الإشعار { $version })
app-assign = إسناد
app-assign-to = المساعد الاجتماعي
app-take = تولي الطلب
app-assessment = تقييم الاحتياجات
app-criterion = المعيار
app-rating = التنقيط
app-weight = الوزن
app-points = النقط
app-score = مؤشر الاحتياج: { $score }
app-assess = حفظ التقييم
app-request-documents = طلب وثيقة ناقصة
app-request-once = لا يسمح القانون بطلب الوثائق إلا مرة واحدة: اختاروا كل ما ينقص.
app-request-message = رسالة إلى صاحب الطلب
app-decide = اتخاذ القرار
app-decide-appeal = البت في التظلم
app-decision = القرار
app-decision-accept = قبول
app-decision-refuse = رفض
app-decision-refer = توجيه إلى جهة أخرى
app-place = منح مكان شاغر
app-note = ملاحظة داخلية
app-note-text = ملاحظة (لا يراها صاحب الطلب)
app-note-add = إضافة الملاحظة
app-internal-note = ملاحظة داخلية
app-step-done = تم التسجيل.
app-error-name = اكتبوا الاسم بالعربية أو بالحروف اللاتينية.
app-error-too-long = هذا النص طويل جدا.
app-error-relation = اختاروا لمن تطلبون.
app-error-phone = اكتبوا رقم هاتف، مثلا 06 12 34 56 78.
app-error-email = عنوان البريد الإلكتروني غير صحيح.
app-error-birth-date = اكتبوا تاريخ ازدياد سابقا، مثلا 2016-04-09.
app-error-sex = اختاروا جنس المستفيد.
app-error-cin = يكتب رقم البطاقة الوطنية بحرف أو حرفين ثم رقم إلى ستة أرقام.
app-error-commune = اختاروا الجماعة.
app-error-household-size = اكتبوا عددا بين 1 و30.
app-error-document-missing = هذه الوثيقة إلزامية: اختاروا الملف.
app-error-consent = لإرسال الطلب، ضعوا علامة في الخانة بعد قراءة الإشعار.
app-error-form-expired = الاستمارة غير كاملة: افتحوها من جديد.
app-error-reason = اكتبوا السبب.
app-error-items = اختاروا وثيقة واحدة على الأقل من لائحة الخدمة.
app-error-worker = اختاروا مساعدا اجتماعيا من الإقليم.
app-error-note = اكتبوا الملاحظة (4000 حرف على الأكثر).
app-error-rating = أحد التنقيطات غير صحيح.
app-error-decision = اختاروا قرارا.
app-error-step-role = لا يسمح دوركم بهذه المرحلة.
app-error-step-now = هذه المرحلة غير ممكنة في الحالة الحالية للطلب.
app-error-documents-once = سبق طلب الوثائق مرة واحدة: لا يسمح القانون بطلب ثان.
app-error-appeal-once = سبق تقديم تظلم.
app-error-no-place = لا يوجد حاليا مكان شاغر في المؤسسات التي تقدم هذه الخدمة.
notice-title = حماية المعطيات الشخصية
notice-controller = المسؤول عن المعالجة
notice-controller-text = التعاون الوطني (المندوبية الإقليمية لجماعة المستفيد).
notice-purpose = الغاية
notice-purpose-text = دراسة الطلب وإخباركم بمراحله، وتنظيم التكفل في حالة قبوله.
notice-recipients = المرسل إليهم
notice-recipients-text = أعوان التعاون الوطني المكلفون بالطلب، ومؤسسة الاستقبال في حالة القبول. لا يتم أي إرسال آخر.
notice-mandatory = المعطيات الإلزامية
notice-mandatory-text = اسم المستفيد وتاريخ ازدياده وجنسه، الجماعة، هاتفكم، والوثائق الإلزامية. بدونها لا يمكن دراسة الطلب.
notice-rights = حقوقكم
notice-rights-text = القانون 09.08: يمكنكم الولوج إلى معطياتكم وتصحيحها والتعرض على معالجتها لسبب مشروع، لدى المندوبية الإقليمية. معطيات الصحة والإعاقة حساسة ولا يطلع عليها إلا من يحتاجها.
notice-reference = ترخيص اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي
notice-reference-pending = قيد الإنجاز (يحدده المسؤول عن النظام)
notice-consent = قرأت هذا الإشعار وأوافق على معالجة هذه المعطيات من أجل هذا الطلب.
track-title = تتبع طلب
track-lead = أدخلوا رمز التتبع الذي توصلتم به عند الإيداع، ثم تاريخ ازدياد المستفيد أو رقم هاتفكم.
track-code-hint = عشرة رموز، مثلا K7QM-4TXD-9P. الشرطات اختيارية.
track-secret = تاريخ ازدياد المستفيد أو الهاتف
track-secret-hint = مثلا 2016-04-09 أو 06 12 34 56 78.
track-submit = عرض الطلب
track-not-found = لا يوجد طلب يطابق هذا الرمز وهذه المعلومة. تحققوا منهما وأعيدوا المحاولة.
track-status-title = طلبكم
track-requested = الوثائق المطلوبة
track-send-documents = إرسال الوثائق
track-documents-sent = تم التوصل بالوثائق. الطلب قيد الدراسة من جديد.
track-appeal = تقديم تظلم
track-appeal-hint = اشرحوا لماذا يجب مراجعة القرار. سيدرس مسؤول بالمندوبية التظلم.
track-appeal-reason = أسبابكم
track-appeal-submit = إرسال التظلم
track-appeal-sent = تم تسجيل تظلمكم.
track-error-not-now = لم يعد هذا الإجراء ممكنا لهذا الطلب.
queue-apps-title = الطلبات قيد المعالجة
queue-apps-count = { PLURAL($count) ->
    [zero] لا يوجد طلب
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
    [many] { $count } طلبا
   *[other] { $count } طلب
}
queue-commune-code = رمز الجماعة
queue-older-than = مودعة منذ (أيام) على الأقل
queue-mine = فقط الطلبات المسندة إلي
queue-deadline = الأجل
queue-days-left = { PLURAL($count) ->
    [zero] ينتهي الأجل اليوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $count } أيام
    [many] بقي { $count } يوما
   *[other] بقي { $count } يوم
}
queue-overdue = { PLURAL($count) ->
    [zero] متأخر
    [one] متأخر بيوم واحد
    [two] متأخر بيومين
    [few] متأخر بـ{ $count } أيام
    [many] متأخر بـ{ $count } يوما
   *[other] متأخر بـ{ $count } يوم
}
outbox-title = الإشعارات المرسلة
outbox-lead = الرسائل القصيرة والبريد الإلكتروني الموجهة لأصحاب الطلبات كما يتوصلون بها. تقرأها بوابة الإرسال من هنا.
outbox-at = التاريخ
outbox-channel = القناة
outbox-channel-sms = رسالة قصيرة
outbox-channel-email = بريد إلكتروني
outbox-recipient = المرسل إليه
outbox-text = الرسالة
notify-submitted = التعاون الوطني: تم التوصل بطلبكم. رمز التتبع { $code }.
notify-documents_requested = التعاون الوطني: تنقص وثيقة في الطلب { $code }. أرسلوها من صفحة التتبع.
notify-accepted = التعاون الوطني: تم قبول الطلب { $code }.
notify-waiting = التعاون الوطني: تم قبول الطلب { $code }؛ لا يوجد مكان شاغر، أنتم في لائحة الانتظار.
notify-refused = التعاون الوطني: تم رفض الطلب { $code }. يمكنكم تقديم تظلم من صفحة التتبع.
notify-referred = التعاون الوطني: تم توجيه الطلب { $code } إلى خدمة أخرى.
notify-appealed = التعاون الوطني: تم تسجيل تظلمكم بشأن الطلب { $code }.
crit-family_support = غياب السند العائلي
crit-disability_severity = درجة الإعاقة
crit-household_income = ضعف دخل الأسرة
crit-distance = البعد
crit-danger = الخطر أو الاستعجال
crit-dependency = فقدان الاستقلالية
api-op-list_services = لائحة الخدمات
api-op-get_service = خدمة مع وثائقها
api-op-submit_application = إيداع طلب (دون حساب)
api-op-application_status = تتبع طلب برمزه
api-op-list_applications = الطلبات قيد المعالجة في مجالكم الترابي
api-op-get_application = طلب
api-op-decide_application = البت في طلب أو تظلم
api-op-request_application_documents = طلب الوثائق الناقصة مرة واحدة
api-op-assign_application = إسناد طلب إلى مساعد اجتماعي

## Waiting lists and priorities
waiting-title = لوائح الانتظار
waiting-intro = الطلبات المقبولة التي تنتظر مكانا شاغرا، مرتبة حسب الأولوية: نقط تقييم الحاجيات مضافا إليها نقط نموذج الحاجيات للخدمة. عند تحرر مكان، يمنح لصاحب الرتبة الأولى.
waiting-province = الإقليم
waiting-choose = اختر خدمة وإقليما لعرض لائحة الانتظار.
waiting-empty = لا يوجد أي طلب في الانتظار لهذه الخدمة في هذا الإقليم.
waiting-count = { PLURAL($count) ->
    [zero] لا يوجد طلب في الانتظار
    [one] طلب واحد في الانتظار
    [two] طلبان في الانتظار
    [few] { $count } طلبات في الانتظار
    [many] { $count } طلبا في الانتظار
   *[other] { $count } طلب في الانتظار
}
waiting-rank = الرتبة
waiting-why = لماذا الرتبة { $rank } ({ $code })؟
waiting-open = عرض لائحة الانتظار
prio-title = الأولوية في لائحة الانتظار
prio-summary = الأولوية { $total } = تقييم الحاجيات { $assessment } + نموذج الحاجيات { $needs }
prio-source-registry = تم حساب نموذج الحاجيات انطلاقا من أسرة المستفيد في السجل الاجتماعي (تركيبتها وآخر قيمة صالحة للمؤشر)، والتي عثر عليها برقم البطاقة الوطنية.
prio-source-declared = تم حساب نموذج الحاجيات انطلاقا مما صرح به الطلب (الجماعة، عدد أفراد الأسرة، المستفيد)؛ العناصر غير المعروفة تحتسب بنقطها الافتراضية.
prio-open-household = فتح ملف الأسرة
prio-terms = عناصر نموذج الحاجيات
prio-term = العنصر
prio-input = القيمة المدخلة
prio-value = بعد التحويل
prio-missing = غير معروفة
prio-formula = النتيجة = ({ $intercept } + مجموع النقط) × المعامل الجهوي { $coefficient }
prio-assessment = التقييم
prio-needs = نموذج الحاجيات
prio-total = الأولوية
needs-term-index-gap = الفارق بين المؤشر الاجتماعي الاقتصادي والعتبة
needs-term-children = الأطفال دون 18 سنة
needs-term-elderly = الأشخاص المسنون (60 سنة فما فوق)
needs-term-disability = الأشخاص في وضعية إعاقة
needs-term-orphans = الأيتام
needs-term-crowding = الاكتظاظ (أفراد لكل غرفة)
needs-term-dwelling = نوع السكن
needs-term-amenities = نقص التجهيزات (كهرباء، ماء، مرحاض)
needs-term-female-head = أسرة تعيلها امرأة
needs-term-rural = الوسط القروي
needs-term-household-size = عدد أفراد الأسرة
audit-entity-application = طلب خدمة
audit-entity-service = خدمة
audit-entity-needs-model = نموذج الحاجيات

## Needs models
needs-models-title = نماذج الحاجيات
needs-models-intro = لكل خدمة إيواء نموذج للحاجيات يضاف إلى نقط التقييم لترتيب لائحة الانتظار. يمكن تعديل الأوزان والنقط الافتراضية والمعاملات الجهوية؛ يتم التحقق من النموذج قبل حفظه، ويسري الترتيب الجديد ابتداء من القراءة الموالية.
needs-models-none = لا توجد خدمة بنموذج للحاجيات.
needs-model-title = نموذج الحاجيات: { $service }
needs-model-terms = العناصر
needs-model-input = المدخل
needs-model-transforms = التحويلات
needs-model-weight = الوزن
needs-model-missing = النقط إذا كانت القيمة غير معروفة
needs-model-intercept = الثابت
needs-model-regions = المعاملات الجهوية
needs-model-region = الجهة
needs-model-coefficient = المعامل
needs-model-save = حفظ النموذج
needs-model-saved = تم حفظ نموذج الحاجيات. لوائح الانتظار مرتبة به الآن.
needs-model-none = —
needs-model-error-number = أدخل عددا (مثال: 2.5).
needs-model-error-range = القيمة خارج المجال المسموح به.
needs-model-error-invalid = النموذج لا يطابق حقول السجل الاجتماعي: { $detail }
needs-model-others = القيم الأخرى: { $default }
needs-models-edit = تعديل نماذج الحاجيات
