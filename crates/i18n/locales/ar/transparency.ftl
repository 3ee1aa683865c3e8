# Open data: the public transparency portal.
nav-open-data = المعطيات المفتوحة
od-title = المعطيات المفتوحة
od-lead = أرقام شبكة مؤسسات الرعاية الاجتماعية والخدمات الإلكترونية على صعيد المملكة، للاطلاع والتحميل. لا يمكن التعرف فيها على أي شخص.
od-rules-title = حماية الأعداد الصغيرة
od-rules = يُعوَّض كل عدد من 1 إلى 4 بـ «< 5». وحتى لا يُستنتج من المجاميع، تُحجب أرقام أخرى من نفس السطر أو العمود وتُعوَّض بـ «s».
od-licence-title = الترخيص
od-licence = معطيات منشورة بترخيص المشاع الإبداعي نسب المصنف 4.0 (CC BY 4.0): إعادة الاستعمال حرة مع ذكر «جسر».
od-source-title = المصدر
od-source = سجلات منصة جسر (تراخيص المؤسسات، طلبات الخدمات)، كما قُرئت في الوقت المذكور.
od-about = حول هذه المعطيات
od-fields-title = حقول الملفات
od-period = الفترة
od-period-latest = الوضع الحالي
od-show = عرض
od-as-of = أرقام مقروءة بتاريخ { $at } (بتوقيت المغرب).
od-download = تحميل:
od-total = المجموع
od-region = الجهة
od-no-data = لا شيء، أو رقم محجوب
od-chart-desc = مجموع كل سطر من الجدول أسفله؛ العمود الغائب مجموع محجوب.
od-map-desc = مجموع كل جهة؛ الجهة المخططة مجموعها منعدم أو محجوب.
od-suppressed = { $count ->
    [zero] لا رقم محجوب.
    [one] رقم واحد محجوب لحماية الأعداد الصغيرة.
    [two] رقمان محجوبان لحماية الأعداد الصغيرة.
    [few] { $count } أرقام محجوبة لحماية الأعداد الصغيرة.
   *[other] { $count } رقماً محجوباً لحماية الأعداد الصغيرة.
}
od-dataset-establishments = المؤسسات المرخصة
od-dataset-places = الأماكن المرخصة
od-dataset-applications = طلبات الخدمات المودعة
od-dataset-decisions = القرارات في الطلبات
od-lead-establishments = مؤسسات الرعاية الاجتماعية المرخصة، حسب الصنف والجهة.
od-lead-places = الطاقة الاستيعابية المرخصة (أماكن للذكور والإناث) للمؤسسات المرخصة، حسب الصنف والجهة.
od-lead-applications = الطلبات المودعة عبر الإنترنت خلال السنة، حسب الخدمة والجهة.
od-lead-decisions = الطلبات المودعة خلال السنة والتي صدر فيها قرار، حسب الخدمة والقرار (الوضعية الحالية لكل طلب).
od-rows-establishments = الصنف
od-rows-places = الصنف
od-rows-applications = الخدمة
od-rows-decisions = الخدمة
od-chart-establishments = المؤسسات المرخصة حسب الصنف
od-chart-places = الأماكن المرخصة حسب الصنف
od-chart-applications = الطلبات المودعة حسب الخدمة
od-chart-decisions = الطلبات المقررة حسب الخدمة
od-map-establishments = المؤسسات المرخصة حسب الجهة
od-map-places = الأماكن المرخصة حسب الجهة
od-map-applications = الطلبات المودعة حسب الجهة
od-map-decisions = الطلبات المقررة حسب الجهة
od-fields-establishments = سطر لكل صنف وجهة، مع المجاميع (الرمز «total»): dataset، period («latest»)، row_code و row_name_ar/fr (الصنف)، column_code و column_name_ar/fr (الجهة، رمز المندوبية السامية للتخطيط)، value (عدد، أو «< 5» أو «s»).
od-fields-places = سطر لكل صنف وجهة، مع المجاميع (الرمز «total»): dataset، period («latest»)، row_code و row_name_ar/fr (الصنف)، column_code و column_name_ar/fr (الجهة)، value (الأماكن المرخصة: عدد، أو «< 5» أو «s»).
od-fields-applications = سطر لكل خدمة وجهة، مع المجاميع (الرمز «total»): dataset، period (السنة، بالتوقيت العالمي)، row_code و row_name_ar/fr (الخدمة)، column_code و column_name_ar/fr (الجهة)، value (عدد، أو «< 5» أو «s»).
od-fields-decisions = سطر لكل خدمة وقرار، مع المجاميع (الرمز «total»): dataset، period (سنة الإيداع)، row_code و row_name_ar/fr (الخدمة)، column_code و column_name_ar/fr (accepted، waiting، referred، refused)، value (عدد، أو «< 5» أو «s»).

cov-title = فجوات التغطية
cov-lead = الأماكن المرخصة لكل صنف من المؤسسات مقارنة بالأشخاص الذين يخدمهم، إقليماً إقليماً، من أكبر الفجوات إلى أصغرها.
cov-method-title = المنهجية
cov-method = الأشخاص المستهدفون، مقدرون انطلاقاً من الإحصاء: { $target } المعدل هو عدد الأماكن المرخصة (في المؤسسات المرخصة) لكل { $per } من هؤلاء الأشخاص. تأتي الأقاليم التي لا مكان فيها أولاً، الأكثر سكاناً قبل غيرها. المؤشرات واختيارها لكل صنف معطيات وليست برمجة.
cov-rate = أماكن لكل { $per } شخص مستهدف
cov-rate-col = المعدل
cov-rank = الرتبة
cov-target-col = الأشخاص المستهدفون (تقدير)
cov-waiting = طلبات في انتظار مكان
cov-table-caption = الأقاليم، من أكبر الفجوات إلى أصغرها
cov-map-title = الأماكن لكل شخص مستهدف، حسب الإقليم
cov-map-desc = معدل كل إقليم؛ الإقليم المخطط ليس به أي مكان مرخص من هذا الصنف.
cov-no-places = لا مكان مرخص
cov-credit = المؤشرات: المندوبية السامية للتخطيط، الإحصاء العام للسكان والسكنى 2024 (CC BY 4.0)؛ نسب الأعمار وانتشار الإعاقة مضروبة في السكان البلديين.
cov-target-abandoned_children = الأطفال دون 15 سنة (السكان × نسبة الفئة 0–14 سنة).
cov-target-schooled_children = الشباب من 10 إلى 19 سنة (السكان × نسبة الفئة 10–19 سنة).
cov-target-women_in_difficulty = مجموع السكان (لا يحصيهن أي مؤشر في الإحصاء).
cov-target-elderly = الأشخاص البالغون 60 سنة فأكثر (السكان × نسبة 60 سنة فأكثر).
cov-target-disability = الأشخاص في وضعية إعاقة (السكان × معدل انتشار الإعاقة).
cov-target-homeless = مجموع السكان (لا يحصيهم أي مؤشر في الإحصاء).
cov-target-multipurpose = مجموع السكان.
