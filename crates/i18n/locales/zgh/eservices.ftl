# E-services in Amazigh (Tifinagh): the catalogue, the online application, the receipt and
# tracking. AWAITING REVIEW BY A NATIVE SPEAKER: every string in this file is a first
# draft. Keys missing here fall back to French. Law numbers (55-19, 09-08), the CNDP,
# the CNIE and codes stay as they are.

## Catalogue and service page (awaiting review by a native speaker)
nav-services = ⵜⵉⵏⴰⴼⵓⵜⵉⵏ
nav-applications = ⵜⵉⵙⵓⵜⵔⴰ
svc-title = ⵜⵉⵏⴰⴼⵓⵜⵉⵏ
svc-lead = ⵜⵉⵏⴰⴼⵓⵜⵉⵏ ⵏ ⵜⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ ⴷ ⵜⵙⵏⵙⵉⵡⵉⵏ ⵏ ⵓⵙⵏⴼⵍⵓⵍ ⴰⵏⴰⵎⵓⵏ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵙⵓⵜⵔⴷ ⵙ ⵓⵣⵟⵟⴰ, ⴱⵍⴰ ⴰⵎⵉⴹⴰⵏ, ⴷ ⴰⴷ ⵜⴹⴼⵕⴷ ⵜⴰⵙⵓⵜⵔⴰ ⵏⵏⴽ ⵙ ⵓⵏⴰⵎⴽ ⵏⵏⵙ.
svc-looking-for = ⵔⵣⵓⵖ ⴰⴼⵔⴰⴽ ⵉ…
svc-need-all = ⴰⴽⴽ ⵜⵉⵏⴰⴼⵓⵜⵉⵏ
svc-need-child = ⵢⴰⵏ ⵓⵃⵏⵊⵉⵔ
svc-need-disability = ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵉⵍⴰⵏ ⴰⵙⵏⵇⵙ
svc-need-women = ⵢⴰⵜ ⵜⵎⵟⵟⵓⵜ ⵏⵖ ⵢⴰⵜ ⵜⵔⴱⴰⵜ
svc-need-elderly = ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⴰⵎⵖⴰⵔ
svc-need-youth = ⵢⴰⵏ ⵓⵏⵍⵎⴰⴷ ⵏⵖ ⵢⴰⵏ ⵉⵎⵥⵉ
svc-need-homeless = ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⴱⵍⴰ ⵜⴰⴷⴷⴰⵔⵜ
svc-where = ⵎⴰⵏⵉ?
svc-anywhere = ⴳ ⴽⵓ ⴰⴷⵖⴰⵔ ⴳ ⵍⵎⵖⵔⵉⴱ
svc-filter = ⵙⵎⴰⵍ
svc-count = { PLURAL($count) ->
    [one] { $count } ⵜⵏⴰⴼⵓⵜ
   *[other] { $count } ⵜⵏⴰⴼⵓⵜⵉⵏ
}
svc-empty = ⵓⵍⴰ ⵜⴰⵏⴰⴼⵓⵜ ⵉⵎⵙⴰⵙⴰⵏ: ⴰⵔⵎ ⵢⴰⵜ ⵜⵙⴳⴰ ⵏⵖ ⵢⴰⵜ ⵜⵎⵓⴽⵔⵉⵙⵜ ⵢⴰⴹⵏ.
svc-deadline = ⴰⵣⵎⵣ ⵏ ⵜⵔⴰⵔⵓⵜ
svc-deadline-days = { PLURAL($count) ->
    [one] ⵜⴰⵔⴰⵔⵓⵜ ⴷⵉ { $count } ⵡⴰⵙⵙ
   *[other] ⵜⴰⵔⴰⵔⵓⵜ ⴷⵉ { $count } ⵡⵓⵙⵙⴰⵏ
}
svc-who = ⵎⴰⵏ ⵡⴰ ⵉⵣⵎⵔⵏ ⴰⴷ ⵉⵙⵙⵓⵜⵔ
svc-unit = ⵎⴰⵏ ⵡⴰ ⵉⵙⵙⵓⴷⵓⵙⵏ ⵜⴰⵙⵓⵜⵔⴰ
svc-unit-text = ⵜⴰⵎⵙⵓⵍⵜ ⵏ ⵜⵙⴳⴰ ⵏ ⵜⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵖⵉⵡⴰⵏⵜ ⴳ ⵉⵣⴷⵖ ⵓⵏⴰⴼⴰⵢ.
svc-documents = ⵉⵙⴷⵍⵉⵙⵏ ⵉⵍⴰⵇⵏ
svc-no-documents = ⵓⵔ ⵉⵜⵜⵓⵙⵓⵜⵔ ⵓⵍⴰ ⵢⴰⵏ ⵓⵙⴷⵍⵉⵙ.
svc-documents-rule = ⵖⴰⵙ ⵉⵙⴷⵍⵉⵙⵏ ⴰ ⴰⵢⴷ ⵉⵣⵎⵔⵏ ⴰⴷ ⴰⴽ ⵜⵜⵓⵙⵓⵜⵔⵏ, ⴷ ⵓⵙⴷⵍⵉⵙ ⵉⵅⵚⵚⴰⵏ ⵓⵔ ⵉⵜⵜⵓⵙⵓⵜⵔ ⵖⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ. ⵓⵔ ⵜⵍⵍⵉ ⵜⵏⵖⵍⵜ ⵉⵜⵜⵓⵙⵏⵜⴰⵎⵏ.
svc-apply = ⵙⵙⵓⵜⵔ ⵙ ⵓⵣⵟⵟⴰ
svc-places = ⴰⵏⵙⴰ ⴳ ⵜⵜⵓⴼⴽⴰ ⵜⵏⴰⴼⵓⵜ ⴰ
svc-no-places = ⵓⵍⴰ ⵢⴰⵜ ⵜⵙⵏⵙⵉⵜ ⵉⵜⵜⵓⵙⵓⵔⴼⵏ ⵓⵔ ⵜⵜⴰⴽⴽⴰ ⵜⴰⵏⴰⴼⵓⵜ ⴰ ⴳ ⵜⵙⴳⴰ ⴰ ⴰⵔ ⴷⵖⵉ.
svc-track-link = ⴹⴼⵕ ⵜⴰⵙⵓⵜⵔⴰ ⵙ ⵓⵏⴰⵎⴽ ⵏⵏⵙ

## Application form (awaiting review by a native speaker)
app-title = ⵜⴰⵙⵓⵜⵔⴰ ⵙ ⵓⵣⵟⵟⴰ
app-title-for = ⵜⴰⵙⵓⵜⵔⴰ: { $service }
app-where-lead = ⵎⴰⵏⵉ ⵉⵣⴷⵖ ⵓⴼⴳⴰⵏ ⵍⵍⵉ ⵙ ⵜⵙⵙⵓⵜⵔⴷ? ⵜⴰⵎⵙⵓⵍⵜ ⵏ ⵜⵙⴳⴰ ⵏⵏⵙ ⴰⵢⴷ ⵔⴰⴷ ⵉⵙⵙⵓⴷⵓⵙⵏ ⵜⴰⵙⵓⵜⵔⴰ.
app-province = ⵜⴰⵙⴳⴰ ⵏⵖ ⵄⴰⵎⴰⵍⴰ
app-continue = ⴽⵎⵎⵍ
app-mandatory-hint = ⵉⵙⴰⵡⵏ ⵓⵔ ⵉⵍⵍⵉⵏ ⴳⵉⵙⵏ « ⴰⵙⵏⴼⵍⵓ » ⵍⴰⵇⵏ.
app-applicant = ⴽⵢⵢ (ⴰⵎⵙⵙⵓⵜⵔ)
app-relation = ⵜⵙⵙⵓⵜⵔⴷ
app-relation-self = ⵉ ⵢⵉⵅⴼ ⵉⵏⵓ
app-relation-parent = ⵉ ⵓⵃⵏⵊⵉⵔ ⵉⵏⵓ
app-relation-guardian = ⵉ ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵏⵏⴰ ⵉⴳⴰⵏ ⴰⵏⴰⵎⵃⴹⴰⵢ ⵏⵏⵙ ⵏⵖ ⴰⴽⴰⴼⵉⵍ ⵏⵏⵙ
app-relation-child = ⵉ ⴱⴰⴱⴰ ⵏⵖ ⵉ ⵢⵎⵎⴰ
app-relation-relative = ⵉ ⵢⴰⵏ ⵙⴳ ⵜⵡⵊⴰ ⵉⵏⵓ
app-relation-other = ⵉ ⵢⴰⵏ ⵓⴼⴳⴰⵏ ⵢⴰⴹⵏ
app-name-ar = ⵉⵙⵎ ⵉⵛⵓⵔⴰⵏ ⵙ ⵜⵄⵔⴰⴱⵜ
app-name-fr = ⵉⵙⵎ ⵉⵛⵓⵔⴰⵏ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵉⵢⵏ
app-applicant-name-hint = ⵙ ⵜⵄⵔⴰⴱⵜ, ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵉⵢⵏ, ⵏⵖ ⵙ ⵙⵉⵏ. ⵓⵔ ⵉⵍⴰⵇ ⵎⴽ ⵜⵙⵙⵓⵜⵔⴷ ⵉ ⵢⵉⵅⴼ ⵏⵏⴽ.
app-name-hint = ⵙ ⵜⵄⵔⴰⴱⵜ, ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵉⵢⵏ, ⵏⵖ ⵙ ⵙⵉⵏ.
app-phone = ⴰⵜⵉⵍⵉⴼⵓⵏ
app-phone-hint = ⵃⵎⴰ ⴰⴷ ⴰⴽ ⵏⵙⵙⵓⴳⵏ ⵙ SMS ⵙ ⵓⵎⵓⵙⵙⵓ ⵏ ⵜⵙⵓⵜⵔⴰ.
app-email = ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ
app-optional = ⴰⵙⵏⴼⵍⵓ.
app-beneficiary = ⴰⵏⴰⴼⴰⵢ
app-birth-date = ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ
app-birth-date-hint = ⵙ ⵓⵎⴷⵢⴰ 2016-04-09. ⴰⴷ ⴰⴽ ⵉⵜⵜⵓⵙⵓⵜⵔ ⵃⵎⴰ ⴰⴷ ⵜⴹⴼⵕⴷ ⵜⴰⵙⵓⵜⵔⴰ.
app-sex = ⴰⵏⴰⵡ
app-sex-female = ⵜⴰⵎⵟⵟⵓⵜ
app-sex-male = ⴰⵔⴳⴰⵣ
app-cin = ⵓⵟⵟⵓⵏ ⵏ CNIE
app-cin-hint = ⴰⵙⵏⴼⵍⵓ. ⵢⴰⵏ ⵏⵖ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴷ ⵉⵎⵉⴹⴰⵏⵏ, ⵙ ⵓⵎⴷⵢⴰ BK123456.
app-commune = ⵜⴰⵖⵉⵡⴰⵏⵜ (ⵜⴰⵙⴳⴰ: { $province })
app-other-province = ⵙⵏⴼⵍ ⵜⴰⵙⴳⴰ
app-household = ⵜⴰⴷⴷⴰⵔⵜ
app-household-size = ⵎⵏⵛⴽ ⵏ ⵉⴼⴳⴰⵏⵏ ⴳ ⵜⴰⴷⴷⴰⵔⵜ
app-household-facts = ⵎⴰ ⵉⵍⴰⵇⵏ ⴰⴷ ⵜ ⵏⵙⵙⵏ
app-household-facts-hint = ⴰⵙⵏⴼⵍⵓ: ⴰⴷⴷⴰⴷ ⵏ ⵜⵡⵊⴰ, ⵜⵉⵎⵓⴽⵔⵉⵙⵉⵏ, ⵎⴰ ⵉⵣⵔⴱⵏ.
app-files-hint = ⵉⴼⴰⵢⵍⵓⵜⵏ PDF, PNG ⵏⵖ JPEG. ⵉⵙⴷⵍⵉⵙⵏ ⵉⵙⵏⴼⵍⵓⵜⵏ ⵣⵎⵔⵏ ⴰⴷ ⵜⵜⵓⵣⵏⵏ ⵜⵉⵖⵔⵉ ⵎⴽ ⴰⴽ ⵜⵜⵓⵙⵓⵜⵔⵏ.
app-file-kept = ⵉⵜⵜⵓⵟⵟⴼ ⵢⴰⴷ: { $name } (ⵓⵔ ⵉⵍⴰⵇ ⴰⴷ ⵜ ⵜⴼⵔⵏⴷ ⴷⴰⵖ)
app-submit = ⴰⵣⵏ ⵜⴰⵙⵓⵜⵔⴰ

## Receipt and status (awaiting review by a native speaker)
app-receipt-title = ⴰⵡⵚⵍ ⵏ ⵓⵙⵔⵙ
app-receipt-law = ⴰⵙⵍⴳⵏ ⵓⵟⵟⵓⵏ 55-19 ⵉⵇⵇⵏⵏ ⵙ ⵓⵙⵙⵉⵔⵎ ⵏ ⵜⵎⵀⵍⵉⵡⵉⵏ ⴷ ⵜⵖⴰⵔⴰⵙⵉⵏ ⵜⵉⵏⴱⵓⵖⴰⵍⵉⵏ
app-already-filed = ⵜⴰⵙⵓⵜⵔⴰ ⴰ ⵜⵜⵓⵟⵟⴼ ⵢⴰⴷ: ⵀⴰⵜ ⴰⵡⵚⵍ ⵏⵏⵙ. ⵓⵔ ⵜⵜⵓⵙⴽⴰⵔ ⵜⴰⵙⵓⵜⵔⴰ ⵜⵉⵙⵙ ⵙⵏⴰⵜ.
app-tracking-code = ⴰⵏⴰⵎⴽ ⵏ ⵓⴹⴼⴰⵕ
app-tracking-hint = ⴰⵔⴰ ⴰⵏⴰⵎⴽ ⴰ: ⴷ ⵓⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ ⵏ ⵓⵏⴰⴼⴰⵢ ⵏⵖ ⴰⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⴽ, ⴰⴷ ⴰⴽ ⵢⴰⵊⵊ ⴰⴷ ⵜⴹⴼⵕⴷ ⵜⴰⵙⵓⵜⵔⴰ.
app-service = ⵜⴰⵏⴰⴼⵓⵜ
app-filed-on = ⵜⵜⵓⵙⵔⵙ ⴳ
app-due-on = ⵜⴰⵔⴰⵔⵓⵜ ⵜⵜⵓⵔⴰⵊⵓ ⵉⵎⵉⵍⵉ ⴰⵔ
app-status = ⴰⴷⴷⴰⴷ
app-status-submitted = ⵜⵜⵓⵟⵟⴼ
app-status-in_review = ⵉⵜⵜⵓⵙⵓⴷⵓⵙ
app-status-documents_requested = ⵉⵜⵜⵓⵙⵓⵜⵔ ⵢⴰⵏ ⵓⵙⴷⵍⵉⵙ
app-status-waiting = ⵜⵜⵓⵇⴱⵍ, ⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵔⴰⵊⵓ
app-status-accepted = ⵜⵜⵓⵇⴱⵍ
app-status-referred = ⵜⵜⵓⵙⵡⵓⵔⵉ ⵖⵔ ⵢⴰⵜ ⵜⵏⴰⴼⵓⵜ ⵢⴰⴹⵏ
app-status-refused = ⵓⵔ ⵜⵜⵓⵇⴱⵍ
app-status-appealed = ⴰⵙⵎⵓⵇⵇⵍ ⴷⴰⵖ ⴳ ⵜⵉⴳⵉ
app-next-submitted = ⵜⴰⵙⵓⵔⵉⴼⵜ ⴷ ⵉⴷⴷⴰⵏ: ⵢⴰⵏ ⵓⵎⵙⵡⵓⵔⵉ ⴰⵏⴰⵎⵓⵏ ⵏ ⵜⵎⵙⵓⵍⵜ ⴰⴷ ⵉⵙⵙⵓⴷⵓⵙ ⵜⴰⵙⵓⵜⵔⴰ. ⴰⴷ ⴰⴽ ⵏⵙⵙⵓⴳⵏ ⵙ SMS.
app-next-in_review = ⵜⴰⵙⵓⵔⵉⴼⵜ ⴷ ⵉⴷⴷⴰⵏ: ⵜⴰⴳⵜⵜⴰ, ⵉⵎⵉⵍⵉ ⴰⵔ ⴰⵙⴰⴽⵓⴷ ⵉⵜⵜⵓⵎⵍⵏ.
app-next-documents_requested = ⵎⴰ ⵉⵍⴰⵇⵏ: ⴰⵣⵏ ⴰⵙⴷⵍⵉⵙ ⵉⵜⵜⵓⵙⵓⵜⵔⵏ ⴷⴷⴰⵡ. ⴰⵣⵎⵣ ⴰⴷ ⵉⴱⴷⵓ ⴷⴰⵖ ⵙⴳ ⵡⴰⵙⵙ ⵏ ⵓⵟⵟⴰⴼ.
app-next-waiting = ⵓⵔ ⵉⵍⵍⵉ ⵓⵍⴰ ⵢⴰⵏ ⵓⴷⵖⴰⵔ ⵉⵅⵡⴰⵏ ⴰⵔ ⴷⵖⵉ: ⵜⵍⵍⵉⴷ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵔⴰⵊⵓ ⴷ ⴰⴷ ⴰⴽ ⵏⵙⵙⵓⴳⵏ ⵖⴰⵙ ⴰⴷ ⵉⵅⵡⵓ ⵢⴰⵏ ⵓⴷⵖⴰⵔ.
app-next-accepted = ⵜⴰⵙⵓⵜⵔⴰ ⵜⵜⵓⵇⴱⵍ.
app-next-referred = ⵜⴰⵙⵓⵜⵔⴰ ⵜⵜⵓⵙⵡⵓⵔⵉ ⵖⵔ ⵢⴰⵜ ⵜⵏⴰⴼⵓⵜ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜⵄⴰⵡⵏ ⵓⴳⴳⴰⵔ: ⵥⵕ ⴰⵙⵉⵍⴰ.
app-next-refused = ⵜⴰⵙⵓⵜⵔⴰ ⵓⵔ ⵜⵜⵓⵇⴱⵍ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵙⵓⵜⵔⴷ ⴰⵙⵎⵓⵇⵇⵍ ⴷⴰⵖ ⴷⴷⴰⵡ, ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ.
app-next-appealed = ⵢⴰⵏ ⵓⵏⵎⴰⵍ ⵏ ⵜⵎⵙⵓⵍⵜ ⴰⴷ ⵉⵙⵙⵓⴷⵓⵙ ⵜⴰⵙⵓⵜⵔⴰ ⵏⵏⴽ ⵏ ⵓⵙⵎⵓⵇⵇⵍ ⴷⴰⵖ.
app-reason = ⴰⵙⵉⵍⴰ:
app-rank = ⴰⵙⵡⵉⵔ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵔⴰⵊⵓ: { $rank }
app-placed-in = ⵜⴰⵙⵏⵙⵉⵜ ⵏ ⵓⵙⵏⵓⴱⴳ
app-timeline = ⴰⵎⵣⵔⵓⵢ

## Field errors (awaiting review by a native speaker)
app-error-name = ⴰⵔⵓ ⵉⵙⵎ, ⵙ ⵜⵄⵔⴰⴱⵜ ⵏⵖ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵍⴰⵜⵉⵏⵉⵢⵏ.
app-error-too-long = ⴰⴹⵔⵉⵙ ⴰ ⵉⵖⵣⵣⵉⴼ ⴱⵣⵣⴰⴼ.
app-error-relation = ⴼⵔⵏ ⵉ ⵎⴰⵏ ⵡⴰ ⵙ ⵜⵙⵙⵓⵜⵔⴷ.
app-error-phone = ⴰⵔⵓ ⵢⴰⵏ ⵓⵟⵟⵓⵏ ⵏ ⵓⵜⵉⵍⵉⴼⵓⵏ, ⵙ ⵓⵎⴷⵢⴰ 06 12 34 56 78.
app-error-email = ⵜⴰⵏⵙⴰ ⵜⴰⵍⵉⴽⵜⵔⵓⵏⵉⵜ ⴰ ⵓⵔ ⵜⵖⵓⴷ.
app-error-birth-date = ⴰⵔⵓ ⵢⴰⵏ ⵓⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ ⵉⵣⵔⵉⵏ, ⵙ ⵓⵎⴷⵢⴰ 2016-04-09.
app-error-sex = ⴼⵔⵏ ⴰⵏⴰⵡ ⵏ ⵓⵏⴰⴼⴰⵢ.
app-error-cin = ⵓⵟⵟⵓⵏ ⵏ CNIE ⵉⵜⵜⵓⵢⴰⵔⴰ ⵙ ⵢⴰⵏ ⵏⵖ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴷ ⵙⴳ ⵢⴰⵏ ⴰⵔ ⵚⴹⵉⵚ ⵉⵎⵉⴹⴰⵏⵏ.
app-error-commune = ⴼⵔⵏ ⵜⴰⵖⵉⵡⴰⵏⵜ.
app-error-household-size = ⴰⵔⵓ ⵎⵏⵛⴽ ⵏ ⵉⴼⴳⴰⵏⵏ ⴳⵔ 1 ⴷ 30.
app-error-document-missing = ⴰⵙⴷⵍⵉⵙ ⴰ ⵉⵍⴰⵇ: ⴼⵔⵏ ⴰⴼⴰⵢⵍⵓ.
app-error-consent = ⵃⵎⴰ ⴰⴷ ⵜⴰⵣⵏⴷ ⵜⴰⵙⵓⵜⵔⴰ, ⵔⵛⵎ ⵜⴰⵙⵏⵓⴽⵜ ⴷⴼⴼⵉⵔ ⵎⴰ ⵜⵖⵔⵉⴷ ⴰⵍⵖⵓ.
app-error-form-expired = ⵜⴰⴼⵔⵉⵙⵜ ⵓⵔ ⵜⵎⴷⵉ: ⵕⵥⵎ ⵜⵜ ⴷⴰⵖ.
app-error-reason = ⴰⵔⵓ ⴰⵙⵉⵍⴰ.
app-error-items = ⵔⵛⵎ ⵢⴰⵏ ⵓⵙⴷⵍⵉⵙ ⵏⵖ ⵓⴳⴳⴰⵔ ⵙⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵜⵏⴰⴼⵓⵜ.
app-error-worker = ⴼⵔⵏ ⵢⴰⵏ ⵓⵎⵙⵡⵓⵔⵉ ⴰⵏⴰⵎⵓⵏ ⵏ ⵜⵙⴳⴰ.
app-error-note = ⴰⵔⵓ ⵜⴰⵏⵓⵜⵉ (4 000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵖ ⵓⵎⵇⵇⵓⵔ).
app-error-appeal-once = ⵜⴰⵙⵓⵜⵔⴰ ⵏ ⵓⵙⵎⵓⵇⵇⵍ ⴷⴰⵖ ⵜⵜⵓⵣⵏ ⵢⴰⴷ.

## Data-protection notice (awaiting review by a native speaker)
notice-title = ⴰⵙⵎⵔⵙ ⵏ ⵉⵙⴼⴽⴰ ⵉⵏⵎⵣⵡⵓⵔⴰ
notice-controller = ⴰⵎⵙⵡⵓⵍ ⵅⴼ ⵓⵙⵎⵔⵙ
notice-controller-text = ⵜⴰⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ (ⵜⴰⵎⵙⵓⵍⵜ ⵏ ⵜⵙⴳⴰ ⵏ ⵜⵖⵉⵡⴰⵏⵜ ⵏ ⵓⵏⴰⴼⴰⵢ).
notice-purpose = ⵉⵙⵡⴰⵏ
notice-purpose-text = ⴰⵙⵙⵓⴷⵙ ⵏ ⵜⵙⵓⵜⵔⴰ, ⴰⵙⵙⵓⴳⵏ ⵏⵏⴽ ⵙ ⵓⵎⵓⵙⵙⵓ ⵏⵏⵙ ⴷ, ⵎⴽ ⵜⵜⵓⵇⴱⵍ, ⴰⵙⵏⵓⴷⵎ ⵏ ⵓⵙⵏⵓⴱⴳ.
notice-recipients = ⵉⵎⵉⵡⵏ
notice-recipients-text = ⵉⵎⵙⵡⵓⵔⵉⵢⵏ ⵏ ⵜⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵉⵜⵜⵓⵡⵙⵏⵏ ⵙ ⵜⵙⵓⵜⵔⴰ ⴷ, ⵎⴽ ⵜⵜⵓⵇⴱⵍ, ⵜⴰⵙⵏⵙⵉⵜ ⵏ ⵓⵙⵏⵓⴱⴳ. ⵓⵔ ⵜⵜⵓⵣⵏⵏ ⵉ ⵡⵉⵢⴰⴹ.
notice-mandatory = ⵉⵙⴼⴽⴰ ⵉⵍⴰⵇⵏ
notice-mandatory-text = ⵉⵙⵎ, ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ ⴷ ⵓⵏⴰⵡ ⵏ ⵓⵏⴰⴼⴰⵢ, ⵜⴰⵖⵉⵡⴰⵏⵜ, ⴰⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⴽ ⴷ ⵉⵙⴷⵍⵉⵙⵏ ⵉⵜⵜⵓⵔⵛⵎⵏ ⵉⵍⴰⵇⵏ. ⴱⵍⴰ ⵏⵜⵏⵉ ⵓⵔ ⵜⵜⵉⵍⵉ ⵜⵣⵎⵔ ⵜⵙⵓⵜⵔⴰ ⴰⴷ ⵜⵜⵓⵙⵓⴷⵓⵙ.
notice-rights = ⵉⵣⵔⴼⴰⵏ ⵏⵏⴽ
notice-rights-text = ⴰⵙⵍⴳⵏ 09-08: ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴽⵛⵎⴷ ⵖⵔ ⵉⵙⴼⴽⴰ ⵏⵏⴽ, ⴰⴷ ⵜⵏ ⵜⵙⵙⵖⵓⴷⴷ ⴷ ⴰⴷ ⵜⴳⴷⵍⴷ ⴰⵙⵎⵔⵙ ⵏⵏⵙⵏ ⵙ ⵢⴰⵏ ⵓⵙⵉⵍⴰ ⵉⵖⵓⴷⴰⵏ, ⴳ ⵜⵎⵙⵓⵍⵜ ⵏ ⵜⵙⴳⴰ. ⵉⵙⴼⴽⴰ ⵏ ⵜⴷⵓⵙⵉ ⴷ ⵓⵙⵏⵇⵙ ⴳⴰⵏ ⵉⵙⵎⵉⵏⵓⵢⵏ ⵓⵔ ⵜⵏ ⵉⵜⵜⵖⵔⵉ ⵖⴰⵙ ⵡⵉⵏⵏⴰ ⵜⵏ ⵉⵃⵜⴰⵊⵏ.
notice-reference = ⴰⵙⵓⵔⴼ ⵏ CNDP
notice-reference-pending = ⴳ ⵜⵉⴳⵉ (ⴰⴷ ⵜ ⵢⴰⵔⵓ ⵓⵎⵙⵡⵓⴷⵙ)
notice-consent = ⵖⵔⵉⵖ ⴰⵍⵖⵓ ⴰ ⴷ ⵇⴱⵍⵖ ⴰⵙⵎⵔⵙ ⵏ ⵉⵙⴼⴽⴰ ⴰ ⵉ ⵜⵙⵓⵜⵔⴰ ⴰ.

## Tracking (awaiting review by a native speaker)
track-title = ⴹⴼⵕ ⵜⴰⵙⵓⵜⵔⴰ
track-lead = ⴰⵔⵓ ⴰⵏⴰⵎⴽ ⵏ ⵓⴹⴼⴰⵕ ⵍⵍⵉ ⵜⵓⵎⵥⴷ ⴳ ⵓⵙⵔⵙ, ⴷⴼⴼⵉⵔ ⴰⵙ ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ ⵏ ⵓⵏⴰⴼⴰⵢ ⵏⵖ ⵓⵟⵟⵓⵏ ⵏ ⵓⵜⵉⵍⵉⴼⵓⵏ ⵏⵏⴽ.
track-code-hint = ⵎⵔⴰⵡ ⵏ ⵉⵙⴽⴽⵉⵍⵏ, ⵙ ⵓⵎⴷⵢⴰ K7QM-4TXD-9P. ⵉⵣⵔⵉⵔⵉⴳⵏ ⴳⴰⵏ ⵉⵙⵏⴼⵍⵓⵜⵏ.
track-secret = ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵍⴰⵍⵉⵜ ⵏ ⵓⵏⴰⴼⴰⵢ ⵏⵖ ⴰⵜⵉⵍⵉⴼⵓⵏ
track-secret-hint = ⵙ ⵓⵎⴷⵢⴰ 2016-04-09, ⵏⵖ 06 12 34 56 78.
track-submit = ⵥⵕ ⵜⴰⵙⵓⵜⵔⴰ
track-not-found = ⵓⵍⴰ ⵜⴰⵙⵓⵜⵔⴰ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵓⵏⴰⵎⴽ ⴰ ⴷ ⵜⵉⵏⵖⵎⵉⵙⵜ ⴰ. ⵙⵙⵏⵜⵎ ⵜⵏ ⵜⴰⵔⵎⴷ ⴷⴰⵖ.
track-status-title = ⵜⴰⵙⵓⵜⵔⴰ ⵏⵏⴽ
track-requested = ⵉⵙⴷⵍⵉⵙⵏ ⵉⵜⵜⵓⵙⵓⵜⵔⵏ
track-send-documents = ⴰⵣⵏ ⵉⵙⴷⵍⵉⵙⵏ
track-documents-sent = ⵉⵙⴷⵍⵉⵙⵏ ⵜⵜⵓⵟⵟⴼⵏ. ⵜⴰⵙⵓⵜⵔⴰ ⵜⵜⵓⵙⵓⴷⵓⵙ ⴷⴰⵖ.
track-appeal = ⵙⵙⵓⵜⵔ ⴰⵙⵎⵓⵇⵇⵍ ⴷⴰⵖ
track-appeal-hint = ⵙⵙⴼⵔⵓ ⵎⴰⵅ ⴰⴷ ⵜⵜⵓⵙⵎⵓⵇⵇⵍ ⵜⴳⵜⵜⴰ ⴷⴰⵖ. ⵢⴰⵏ ⵓⵏⵎⴰⵍ ⵏ ⵜⵎⵙⵓⵍⵜ ⴰⴷ ⵜⵜ ⵉⵙⵙⵓⴷⵓⵙ.
track-appeal-reason = ⵉⵙⵉⵍⴰ ⵏⵏⴽ
track-appeal-submit = ⴰⵣⵏ ⵜⴰⵙⵓⵜⵔⴰ ⵏ ⵓⵙⵎⵓⵇⵇⵍ ⴷⴰⵖ
track-appeal-sent = ⵜⴰⵙⵓⵜⵔⴰ ⵏⵏⴽ ⵏ ⵓⵙⵎⵓⵇⵇⵍ ⴷⴰⵖ ⵜⵜⵓⵣⵎⵎⴰⵎ.
track-error-not-now = ⵜⴰⵡⵓⵔⵉ ⴰ ⵓⵔ ⵜⵣⵎⵉⵔ ⴰⵔ ⴷⵖⵉ ⵉ ⵜⵙⵓⵜⵔⴰ ⴰ.
