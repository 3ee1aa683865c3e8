# Grants in Amazigh (Tifinagh): the headings of the public calls and register pages.
# AWAITING REVIEW BY A NATIVE SPEAKER: every string in this file is a first draft. Keys
# missing here fall back to French.

grants-apply-calls-title = ⵉⵙⵓⵜⵔ ⵏ ⵉⵙⵏⴼⴰⵔⵏ
grants-apply-eligibility = ⵎⴰⵏⵡ ⴰⴷ ⵉⵣⵎⵔ ⴰⴷ ⵢⴰⵣⵏ
grants-apply-money = ⵉⵇⴰⴷⴰⵔⵏ
grants-apply-dates = ⵉⵣⵎⵣⴰⵏ
grants-apply-documents-asked = ⵉⵙⴷⵍⵉⵙⵏ ⵉⵜⵜⵓⵙⵓⵜⵔⵏ
grants-apply-grid = ⵜⴰⴼⵍⵡⵉⵜ ⵏ ⵓⵙⵙⵎⵓⵜⵜⴳ
grants-register-title = ⴰⵎⴹⴼⴰⵕ ⵏ ⵜⵡⵉⵙⵉ ⵉⵜⵜⵓⴼⴽⴰⵏ
grants-register-year = ⴰⵙⴳⴳⵯⴰⵙ
grants-register-province = ⵜⴰⵙⴳⴰ
grants-register-fund = ⴰⵙⵏⴷⵓⵇ
grants-register-association = ⵜⴰⵎⵙⵙⵓⴷⵙⵜ
grants-register-project = ⴰⵙⵏⴼⴰⵔ
