# Territory browser (Arabic).
geo-territories-title = التقسيم الترابي
geo-territories-lead = الجهات الاثنتا عشرة، ثم العمالات والأقاليم، ثم الجماعات، حسب ترميز المندوبية السامية للتخطيط.
geo-regions-title = الجهات
geo-col-code = الرمز
geo-col-name = الاسم
geo-col-kind = النوع
geo-col-population = السكان (2024)
geo-col-households = الأسر (2024)
geo-col-communes = الجماعات
geo-col-delegation = المندوبية
geo-provinces-of = عمالات وأقاليم جهة { $name }
geo-communes-of = جماعات { $name }
geo-communes-count = { PLURAL($count) ->
    [zero] لا توجد جماعة
    [one] جماعة واحدة
    [two] جماعتان
    [few] { $count } جماعات
    [many] { $count } جماعة
   *[other] { $count } جماعة
}
geo-kind-province = إقليم
geo-kind-prefecture = عمالة
geo-kind-prefecture_of_arrondissements = عمالة مقاطعات
geo-kind-urban = حضرية
geo-kind-rural = قروية
geo-population-total = مجموع السكان: { $population }
geo-no-delegation = لا توجد
