# Public pages in Amazigh (Tifinagh). Every string here awaits review by a native speaker.
# Keys missing here fall back to French.
site-name = ⵊⵉⵙⵔ
agency-name = ⵜⴰⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ
nav-home = ⴰⵙⵏⵓⴱⴳ
home-title = ⵉⵎⴰⵣⵣⴰⵍⵏ ⵉⵏⵎⵓⵏⵏ ⵇⵔⴱⵏ ⵖⵔ ⵡⴰⵖⵔⴰⵎ
lang-switch-label = ⵜⵓⵜⵍⴰⵢⵜ
skip-to-content = ⵣⵔⵉ ⵖⵔ ⵜⵓⵎⴰⵢⵜ
# Directory of establishments (awaiting review by a native speaker, like every string here).
nav-directory = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵙⵏⵙⵉⵡⵉⵏ
dir-title = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵜⵙⵏⵙⵉⵡⵉⵏ
dir-lead = ⵜⵉⵙⵏⵙⵉⵡⵉⵏ ⵏ ⵓⵙⵏⴼⵍⵓⵍ ⴰⵏⴰⵎⵓⵏ ⵉⵜⵜⵓⵙⵓⵔⴼⵏ: ⵔⵣⵓ ⵙ ⵜⴰⵙⴳⴰ ⴷ ⵜⴰⴳⴰⵢⵜ.
dir-capacity = { PLURAL($count) ->
    [one] { $count } ⵓⴷⴳⴰⵔ
   *[other] { $count } ⵉⴷⴳⴰⵔⵏ
}
est-count = { PLURAL($count) ->
    [one] { $count } ⵜⵙⵏⵙⵉⵜ
   *[other] { $count } ⵜⵙⵏⵙⵉⵡⵉⵏ
}
est-province = ⵜⴰⵙⴳⴰ
est-category = ⵜⴰⴳⴰⵢⵜ
audit-search = ⵔⵣⵓ
empty-list = ⵓⵍⴰ ⵢⴰⵏ.
dir-service = ⵜⴰⵏⴰⴼⵓⵜ ⵏⵖ ⵉⵙⵎ
est-commune = ⵜⴰⵖⵉⵡⴰⵏⵜ
# E-services (awaiting review by a native speaker, like every string here).
nav-services = ⵜⵉⵏⴰⴼⵓⵜⵉⵏ
svc-title = ⵜⵉⵏⴰⴼⵓⵜⵉⵏ
svc-looking-for = ⵔⵣⵓⵖ ⴰⴼⵔⴰⴽ ⵉ…
svc-apply = ⵙⵙⵓⵜⵔ ⵙ ⵓⵣⵟⵟⴰ
svc-filter = ⵙⵎⴰⵍ
track-title = ⴹⴼⵕ ⵜⴰⵙⵓⵜⵔⴰ
track-submit = ⵥⵕ ⵜⴰⵙⵓⵜⵔⴰ
app-tracking-code = ⴰⵏⴰⵎⴽ ⵏ ⵓⴹⴼⴰⵕ
app-submit = ⴰⵣⵏ ⵜⴰⵙⵓⵜⵔⴰ
