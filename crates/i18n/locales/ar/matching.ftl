# مطابقة الأشخاص بين السجلات: عناصر النقطة ومستوياتها (العربية).
matching-prior = الاحتمال المسبق
matching-total = المجموع
matching-probability = الاحتمال
matching-frequency = شيوع الاسم
matching-swapped = الاسم الشخصي والعائلي معكوسان
matching-term-name = الاسم الكامل
matching-term-birth-date = تاريخ الازدياد
matching-term-sex = الجنس
matching-term-national-id = رقم البطاقة الوطنية
matching-term-commune = الجماعة
matching-term-household = الأسرة
matching-level-name-exact = متطابقان
matching-level-name-variant = كتابة أخرى
matching-level-name-cross-script = الاسم نفسه بالخط الآخر
matching-level-name-similar = متقاربان (خطأ في الكتابة)
matching-level-name-family-only = الاسم العائلي فقط
matching-level-name-given-only = الاسم الشخصي فقط
matching-level-name-different = مختلفان
matching-level-name-missing = غير متوفر
matching-level-birth-date-exact = متطابق
matching-level-birth-date-day-month-swapped = اليوم والشهر معكوسان
matching-level-birth-date-year-only = السنة فقط
matching-level-birth-date-one-year = فارق سنة واحدة
matching-level-birth-date-same-year = السنة نفسها
matching-level-birth-date-different = مختلف
matching-level-birth-date-missing = غير متوفر
matching-level-sex-same = متطابق
matching-level-sex-different = مختلف
matching-level-sex-missing = غير متوفر
matching-level-national-id-exact = متطابق
matching-level-national-id-one-off = فارق حرف واحد
matching-level-national-id-different = مختلف
matching-level-national-id-missing = غير متوفر
matching-level-commune-same = الجماعة نفسها
matching-level-commune-same-province = الإقليم نفسه
matching-level-commune-different = مختلفة
matching-level-commune-missing = غير متوفرة
matching-level-household-same = الأسرة نفسها
matching-level-household-different = أسرة أخرى
matching-level-household-missing = غير متوفرة
nav-persons = الأشخاص
matching-search-title = البحث عن شخص
matching-search-hint = اكتب اسمًا بأي تهجئة، بالعربية أو بالحروف اللاتينية، وبأي ترتيب، أو رقم البطاقة الوطنية. لا يشمل البحث إلا أشخاص مجالك الترابي.
matching-search-q = الاسم أو رقم البطاقة الوطنية
matching-search-year = سنة الازدياد (اختيارية)
matching-search-go = بحث
matching-search-none = لا يوافق البحث أي شخص من مجالك الترابي.
matching-search-count = { PLURAL($count) ->
    [zero] لم يُعثر على أي شخص
    [one] شخص واحد
    [two] شخصان
    [few] { $count } أشخاص
   *[other] { $count } شخصًا
}
matching-error-year = اكتب سنة من أربعة أرقام، مثلًا 1980.
matching-col-name = الاسم
matching-col-other = بالكتابة الأخرى
matching-col-birth = تاريخ الازدياد
matching-col-sex = الجنس
matching-col-cin = البطاقة الوطنية
matching-col-household = الأسرة
matching-col-score = النتيجة
matching-by-cin = نفس رقم البطاقة
matching-check-title = قد يكون هذا الشخص معروفًا من قبل
matching-check-hint = قبل التسجيل، تحقق من هؤلاء الأشخاص في السجل: اربط التسجيل بأحدهم، أو أكد أنه شخص جديد.
matching-probability-label = نفس الشخص:
matching-reasons = الأسباب: النتيجة بندًا بندًا
matching-link-this = إنه هذا الشخص: ربط وتسجيل
matching-confirm-new = ليس أيًّا منهم: تسجيل شخص جديد
matching-elsewhere = يوجد تطابق محتمل في سجل إقليم لا تطّلع عليه ({ $province }).
matching-elsewhere-ask = يوجد تطابق محتمل في سجل إقليم لا تطّلع عليه ({ $province }): اسأل { $delegation }.
matching-linked = رُبط بشخص السجل { $name }.
matching-error-link = لا يمكن الربط بهذا الشخص: اختر شخصًا من اللائحة، أو شخصًا جديدًا.
matching-check-again = التحقق من جديد بعد التصحيح
