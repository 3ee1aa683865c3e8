# Public pages in Amazigh (Tifinagh). AWAITING REVIEW BY A NATIVE SPEAKER: every string
# in this file (and in eservices.ftl) is a first draft. Keys missing here fall back to
# French, which is what staff pages show.

## Header, navigation and footer (awaiting review by a native speaker)
site-name = ⵊⵉⵙⵔ
agency-name = ⵜⴰⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ
skip-to-content = ⵣⵔⵉ ⵖⵔ ⵜⵓⵎⴰⵢⵜ
nav-label = ⴰⵙⵏⵉⴳⵎ ⴰⵎⵇⵔⴰⵏ
nav-home = ⴰⵙⵏⵓⴱⴳ
nav-territories = ⴰⴱⵟⵟⵓ ⴰⴽⴰⵍⴰⵏ
nav-units = ⵜⵉⵢⵓⵏⴰⵏ ⵏ ⵜⵡⵉⵙⵉ
nav-api = API
nav-signin = ⴽⵛⵎ
nav-signout = ⴼⴼⵖ
nav-dashboard = ⵜⴰⴼⵍⵡⵉⵜ ⵏ ⵜⵎⵀⵍⴰ
nav-establishments = ⵜⵉⵙⵏⵙⵉⵡⵉⵏ
nav-associations = ⵜⵉⵎⵙⵙⵓⴷⵙⵉⵏ
nav-authorisations = ⵜⵉⵙⵓⵜⵔⴰ ⵉ ⵓⵙⵙⵓⴷⵙ
nav-programmes = ⵉⵖⴰⵡⴰⵙⵏ
nav-registry = ⴰⵎⴰⵡⴰⵍ ⴰⵏⴰⵎⵓⵏ
lang-switch-label = ⵜⵓⵜⵍⴰⵢⵜ
breadcrumb-label = ⴰⴱⵔⵉⴷ ⵏ ⵜⵙⵏⴰⵡⵉⵏ
footer-credit = ⵉⵙⴼⴽⴰ ⵉⴽⴰⵍⴰⵏⵏ ⴷ ⵉⵎⵔⴷⴰⵙⵏ: ⵜⴰⵏⵙⵓⵎⴰⵢⵜ ⵜⴰⵎⴰⵜⴰⵢⵜ ⵏ ⵓⵙⵖⵓⵏ, RGPH 2024 (ⵜⵓⵔⴰⴳⵜ CC BY 4.0; ⵖⴰⵙ ⵜⵉⵎⵏⴰⴹⵉⵏ, ⵜⵉⵙⴳⴰⵡⵉⵏ, ⵉⵙⵓⵔⴰ, ⵜⵉⵖⵉⵡⴰⵏⵉⵏ ⴷ ⵉⵎⵏⵣⴰⵢⵏ ⴰⵢⴷ ⵉⵜⵜⵓⵙⵎⵔⵙⵏ).
footer-license = ⴰⵙⵏⵙ ⵉⵍⴻⵍⵍⵉ ⴷ ⵓⵖⴱⴰⵍⵓ ⵉⵕⵥⵎⵏ.

## Home (awaiting review by a native speaker)
home-title = ⵉⵎⴰⵣⵣⴰⵍⵏ ⵉⵏⵎⵓⵏⵏ ⵇⵔⴱⵏ ⵖⵔ ⵡⴰⵖⵔⴰⵎ
home-lead = ⵊⵉⵙⵔ ⵉⵇⵇⵏ ⴰⵖⵔⴰⵎ, ⵜⵉⵙⵏⵙⵉⵡⵉⵏ ⵏ ⵓⵙⵏⴼⵍⵓⵍ ⴰⵏⴰⵎⵓⵏ ⴷ ⵜⵎⵙⵙⵓⴷⵙⵉⵏ ⵜⵉⵎⴷⴷⵓⴽⴰⵍ ⵙ ⵜⵏⴰⴼⵓⵜⵉⵏ ⵏ ⵜⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ: ⵜⴰⵏⵖⵎⵉⵙⵜ ⵉⴼⵙⵙⵔⵏ, ⵜⵉⵖⴰⵔⴰⵙⵉⵏ ⵉⵙⵙⵉⵔⵎⵏ, ⴷ ⵓⴹⴼⴰⵕ ⵉⴼⴰⵡⵏ.
home-browse-territories = ⵙⵙⵓⴷⵓ ⵜⵉⵎⵏⴰⴹⵉⵏ, ⵜⵉⵙⴳⴰⵡⵉⵏ ⴷ ⵜⵖⵉⵡⴰⵏⵉⵏ
home-services-title = ⵎⴰ ⵜⵜⴰⴽⴽⴰ ⵜⵙⵉⵍⴰ ⴰ
home-service-establishments = ⵜⵉⵙⵏⵙⵉⵡⵉⵏ ⵏ ⵓⵙⵏⴼⵍⵓⵍ ⴰⵏⴰⵎⵓⵏ
home-service-establishments-text = ⴰⵙⵓⵔⴼ, ⵜⵓⵣⵎⵉⵔⵜ ⵏ ⵓⵙⵏⵓⴱⴳ ⴷ ⵜⵖⴰⵔⴰ ⵏ ⵓⵙⵏⵓⵖⴳ ⴳ ⵜⵙⵏⵙⵉⵡⵉⵏ ⴷ ⵉⵏⵎⵎⴰⵙⵏ ⵏ ⵉⴼⴳⴰⵏⵏ ⵉⵍⴰⵏ ⴰⵙⵏⵇⵙ.
home-service-eservices = ⵜⵉⵏⴰⴼⵓⵜⵉⵏ ⵙ ⵓⵣⵟⵟⴰ
home-service-eservices-text = ⵜⵉⵙⵓⵜⵔⴰ ⵙ ⵓⵣⵟⵟⴰ ⴱⵍⴰ ⴰⵎⵉⴹⴰⵏ, ⵙ ⵓⵡⵚⵍ, ⴰⵏⴰⵎⴽ ⵏ ⵓⴹⴼⴰⵕ ⴷ ⵜⴳⵜⵜⴰ ⵉⵜⵜⵓⵙⵙⴼⵔⵓⵏ ⴳ ⵉⵣⵎⵣⴰⵏ ⵏ ⵓⵙⵍⴳⵏ.
home-service-targeting = ⴰⵙⵏⵉⵜⵉ
home-service-targeting-text = ⵉⵖⴰⵡⴰⵙⵏ ⵙ ⵜⵡⵜⵉⵍⵉⵏ ⵏ ⵓⵙⵏⴼⵍⵓⵍ ⵉⴼⵙⵙⵔⵏ ⴷ ⵉⵜⵜⵓⵙⴰⴽⵓⴷⵏ, ⴷ ⵜⴳⵜⵜⴰⵡⵉⵏ ⵉⵜⵜⵓⵙⵙⴼⵔⴰⵏ.
home-service-transparency = ⵜⴰⴼⴰⵡⵜ
home-service-transparency-text = ⵉⵎⵉⴹⴰⵏⵏ ⵉⵜⵜⵓⵙⵎⵓⵏⵏ ⵙ ⵓⴽⴰⵍ, ⴱⵍⴰ ⵓⵍⴰ ⵢⴰⵏ ⵓⵙⴼⴽ ⵓⵏⵎⵣⵡⵓⵔ.
home-figures-title = ⴰⴽⴰⵍ ⵉⵜⵜⵓⵙⵎⵔⵙⵏ
home-figure-regions = ⵜⵉⵎⵏⴰⴹⵉⵏ
home-figure-provinces = ⵜⵉⵄⴰⵎⴰⵍⵉⵏ ⴷ ⵜⵉⵙⴳⴰⵡⵉⵏ
home-figure-communes = ⵜⵉⵖⵉⵡⴰⵏⵉⵏ
home-figure-units = ⵜⵉⵢⵓⵏⴰⵏ ⵏ ⵜⵡⵉⵙⵉ

## Directory of establishments (awaiting review by a native speaker)
nav-directory = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵙⵏⵙⵉⵡⵉⵏ
dir-title = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵙⵏⵙⵉⵡⵉⵏ
dir-lead = ⵜⵉⵙⵏⵙⵉⵡⵉⵏ ⵏ ⵓⵙⵏⴼⵍⵓⵍ ⴰⵏⴰⵎⵓⵏ ⵉⵜⵜⵓⵙⵓⵔⴼⵏ: ⵔⵣⵓ ⵙ ⵜⵙⴳⴰ ⴷ ⵜⴰⴳⴰⵢⵜ.
dir-capacity = { PLURAL($count) ->
    [one] { $count } ⵓⴷⵖⴰⵔ
   *[other] { $count } ⵉⴷⵖⴰⵔⵏ
}
dir-service = ⵜⴰⵏⴰⴼⵓⵜ ⵏⵖ ⵉⵙⵎ
est-count = { PLURAL($count) ->
    [one] { $count } ⵜⵙⵏⵙⵉⵜ
   *[other] { $count } ⵜⵙⵏⵙⵉⵡⵉⵏ
}
est-province = ⵜⴰⵙⴳⴰ
est-commune = ⵜⴰⵖⵉⵡⴰⵏⵜ
est-category = ⵜⴰⴳⴰⵢⵜ
est-opening-hours = ⵜⵉⵙⵔⴰⴳⵉⵏ ⵏ ⵓⵔⵣⵣⵓⵎ
audit-search = ⵔⵣⵓ
empty-list = ⵓⵍⴰ ⵢⴰⵏ.

## Shared by the public forms (awaiting review by a native speaker)
form-has-errors = ⵙⵙⵏⵜⵎ ⵉⵙⴰⵡⵏ ⵉⵜⵜⵓⵎⵍⵏ ⴷⴷⴰⵡ.
auth-mandatory = ⵉⵍⴰⵇ
auth-optional = ⴰⵙⵏⴼⵍⵓ
doc-none = ⵓⵍⴰ ⵢⴰⵏ ⵓⵙⴷⵍⵉⵙ ⵉⵜⵜⵓⵣⵏⵏ.
doc-error-empty = ⴰⴼⴰⵢⵍⵓ ⴰ ⵉⵅⵡⴰ.
doc-error-too-large = ⴰⴼⴰⵢⵍⵓ ⴰ ⵉⵣⵔⵉ ⵜⵉⴷⴷⵉ ⵉⵜⵜⵓⵙⵓⵔⴼⵏ.
doc-error-type = ⵜⵓⵎⴰⵢⵜ ⵏ ⵓⴼⴰⵢⵍⵓ ⴰ ⵓⵔ ⵜⴳⵉ PDF, ⵓⵍⴰ ⵜⴰⵡⵍⴰⴼⵜ PNG ⵏⵖ JPEG (ⵜⵜⵓⵙⵙⵏⵜⵎ ⵜⵓⵎⴰⵢⵜ, ⵓⵔ ⴷ ⵉⵙⵎ ⵉⵎⵉⵍⵉ).
receipt-documents = ⵉⵙⴷⵍⵉⵙⵏ ⵉⵜⵜⵓⵟⵟⴼⵏ
receipt-print-hint = ⵃⵎⴰ ⴰⴷ ⵜⵙⵙⵓⴳⵏⴷ ⴰⵡⵚⵍ ⴰ, ⵙⵙⵎⵔⵙ ⵜⴰⵡⵓⵔⵉ ⵏ ⵓⵙⵓⴳⵏ ⵏ ⵓⵎⵙⵉⴳⵍ ⵏⵏⴽ.

## Error pages (awaiting review by a native speaker)
error-not-found-title = ⵜⴰⵙⵏⴰ ⵓⵔ ⵜⵍⵍⵉ
error-not-found-text = ⵜⴰⵙⵏⴰ ⵏⵖ ⴰⴼⵔⴷⵉⵙ ⵍⵍⵉ ⵜⵙⵙⵓⵜⵔⴷ ⵓⵔ ⵉⵍⵍⵉ, ⵏⵖ ⵓⵔ ⵉⴷⵔⵉ ⴳ ⵜⵉⵍⵉ ⵏⵏⴽ.
error-internal-title = ⵜⵍⵍⴰ ⵢⴰⵜ ⵜⵣⴳⵍⵜ
error-internal-text = ⵜⴰⵙⵓⵜⵔⴰ ⵏⵏⴽ ⵓⵔ ⵜⵎⴷⵉ. ⴰⵔⵎ ⴷⴰⵖ ⵜⵉⵖⵔⵉ; ⵎⴽ ⵜⵇⵇⵉⵎ ⵜⵣⴳⵍⵜ, ⴼⴽ ⴰⵙⵍⴳⵏ ⴰ ⵉ ⵓⵙⵏⴰⵎⵎⴽ:
error-bad-request-title = ⵜⴰⵙⵓⵜⵔⴰ ⵓⵔ ⵉⵖⵓⴷⴰⵏ
error-bad-request-text = ⵉⵙⴼⴽⴰ ⵉⵜⵜⵓⵣⵏⵏ ⵓⵔ ⵖⵓⴷⴰⵏ.
error-back-home = ⵓⵖⵓⵍ ⵖⵔ ⵓⵙⵏⵓⴱⴳ
error-forbidden-title = ⴰⴽⵛⵛⵓⵎ ⵉⵜⵜⵓⴳⴷⵍ
error-forbidden-text = ⵜⵉⵣⵎⵔⴰⵡⵉⵏ ⵏⵏⴽ ⵓⵔ ⴰⴽ ⵜⵜⴰⵊⵊⴰⵏⵜ ⴰⴷ ⵜⴽⵛⵎⴷ ⵖⵔ ⵜⵙⵏⴰ ⴰ.
error-unauthorized-text = ⵉⵍⴰⵇ ⴰⴷ ⵜⴽⵛⵎⴷ ⵜⵉⵣⵡⵓⵔⵉ.
error-cross-site-text = ⵜⴰⵙⵓⵜⵔⴰ ⵜⵜⵓⴳⴷⵍ ⴰⵛⴽⵓ ⵜⴽⴽⴰ ⴷ ⵙⴳ ⵢⴰⵜ ⵜⵙⵉⵍⴰ ⵢⴰⴹⵏ.
error-invalid-fields-text = ⴽⵔⴰ ⵏ ⵉⵙⴰⵡⵏ ⵓⵔ ⵖⵓⴷⴰⵏ: ⵥⵕ ⵜⵉⴼⵔⵉⵜ ⵏ ⴽⵓ ⴰⵙⴰⵡ.
error-method-title = ⵜⴰⵏⵙⴰ ⵉⵍⴰⵇⵏ ⴰⴷ ⵜⵜⵓⵕⵥⵎ ⵙ ⵓⵎⴰⵏⵉⴳ ⵢⴰⴹⵏ
error-method-text = ⵜⴰⵏⵙⴰ ⴰ ⵜⵜⴰⵎⵥ ⵜⵉⴼⵔⵉⵙⵉⵏ ⵉⵜⵜⵓⵣⵏⵏ; ⵓⵔ ⵜⵜⵓⵕⵥⴰⵎ ⵙ ⵜⵉⵎⵎⵜ. ⵓⵖⵓⵍ ⵖⵔ ⵜⵙⵏⴰ ⵍⵍⵉ ⵉⵣⵔⵉⵏ ⵜⴰⵣⵏⴷ ⵜⴰⴼⵔⵉⵙⵜ.
error-too-large-title = ⴰⵣⵏ ⵉⵅⴰⵜⴰⵔ ⴱⵣⵣⴰⴼ
error-too-large-text = ⴰⵣⵏ ⵉⵣⵔⵉ ⵜⵉⴷⴷⵉ ⵉⵜⵜⵓⵇⴱⵍⵏ. ⴰⵣⵏ ⴷⵔⵓⵙ ⵏ ⵉⴼⴰⵢⵍⵓⵜⵏ ⵢⴰⵜ ⵜⵉⴽⴽⴰⵍⵜ ⵏⵖ ⵉⴼⴰⵢⵍⵓⵜⵏ ⵉⵎⵥⵥⵉⵢⵏ.
error-media-type-title = ⴰⵎⵙⴰⵙ ⵓⵔ ⵉⵜⵜⵓⵇⴱⴰⵍⵏ
error-media-type-text = ⵜⴰⴼⴳⵏⵓⵜ ⵏ ⵜⵙⵓⵜⵔⴰ ⵉⵍⴰⵇ ⴰⴷ ⵜⵜⵓⵣⵏ ⵙ application/json.
error-conflict-title = ⵜⴰⵡⵓⵔⵉ ⵓⵔ ⵜⵜⵉⵍⵉ ⴷⵖⵉ
error-conflict-text = ⴰⴷⴷⴰⴷ ⵏ ⵓⴼⵔⴷⵉⵙ ⵓⵔ ⵉⵜⵜⴰⵊⵊⴰ ⵜⴰⵡⵓⵔⵉ ⴰ: ⵥⵕ ⵜⵉⴼⵔⵉⵜ ⵏ ⴽⵓ ⴰⵙⴰⵡ.
error-too-many-title = ⵓⴳⴳⴰⵔ ⵏ ⵜⵓⵜⵔⴰⵡⵉⵏ
error-too-many-text = ⵜⵓⵣⵏⴷ ⴰⵟⵟⴰⵚ ⵏ ⵜⵓⵜⵔⴰⵡⵉⵏ ⵙ ⵓⵣⵎⵣ ⴰⵎⵥⵥⵢⴰⵏ: ⴰⵣⵏ ⴰⴷ ⵓⵔ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ. ⴰⵍⵙ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ.
error-malformed-request = ⴰⵏⵙⴰ ⵏⵖ ⵢⴰⵏ ⵙⴳ ⵉⵙⵖⴰⵏⵏ ⵏⵏⵙ ⵓⵔ ⵉⵖⵓⴷⴰ.
