# Public pages in Amazigh (Tifinagh). Every string here awaits review by a native speaker.
# Keys missing here fall back to French.
site-name = ⵊⵉⵙⵔ
agency-name = ⵜⴰⵡⵉⵙⵉ ⵜⴰⵏⴰⵎⵓⵔⵜ
nav-home = ⴰⵙⵏⵓⴱⴳ
home-title = ⵉⵎⴰⵣⵣⴰⵍⵏ ⵉⵏⵎⵓⵏⵏ ⵇⵔⴱⵏ ⵖⵔ ⵡⴰⵖⵔⴰⵎ
lang-switch-label = ⵜⵓⵜⵍⴰⵢⵜ
skip-to-content = ⵣⵔⵉ ⵖⵔ ⵜⵓⵎⴰⵢⵜ
