# The API reference page (Arabic).
api-title = واجهة البرمجة (API)
api-lead = واجهة JSON موثقة بمعيار OpenAPI. الوثيقة الكاملة متاحة بصيغة آلية:
api-col-method = الطريقة
api-col-path = المسار
api-col-summary = الوصف
api-col-params = المعايير
api-op-openapi = وثيقة OpenAPI الخاصة بهذه الواجهة
api-op-list_programmes = البرامج مع النسخة الجاري بها العمل
api-op-get_programme = برنامج ونسخ قواعده
api-op-create_programme = إنشاء برنامج
api-op-create_programme_draft = كتابة نسخة من القواعد (مسودة يتحقق منها المحرك)
api-op-simulate_programme_version = محاكاة نسخة حسب الإقليم في نطاق المستعمل
api-op-activate_programme_version = تفعيل نسخة مسودة
api-op-list_households = أسر السجل في نطاق المستعمل
api-op-get_household = أسرة ومؤشرها ولماذا هي مستحقة أو غير مستحقة
api-op-whoami = الحساب المتصل وصلاحياته
