# Complaints in Amazigh (Tifinagh): the headings of the public complaint pages.
# AWAITING REVIEW BY A NATIVE SPEAKER: every string in this file is a first draft. Keys
# missing here fall back to French. Law numbers (55-19, 09-08) and codes stay as they are.

grv-new-title = ⴰⵣⵏ ⴰⵙⵖⵓⵢ
grv-where-lead = ⴳ ⵎⴰⵏⵉ ⵜⴰⵙⴳⴰ ⵉⴳⴰ ⵓⵢⴰ? ⵜⴰⵏⵎⵔⴰⵡⵜ ⵏ ⵜⵙⴳⴰ ⴰⴷ ⴰⵢⴷ ⵉⵙⵙⴽⵔⵏ ⴰⵙⵖⵓⵢ.
grv-receipt-title = ⴰⵡⵚⵍ ⵏ ⵓⵙⵖⵓⵢ
grv-status-title = ⴰⴹⴼⴰⵕ ⵏ ⵓⵙⵖⵓⵢ
grv-category = ⴰⵙⵏⵜⵍ ⵏ ⵓⵙⵖⵓⵢ
grv-place = ⴳ ⵎⴰⵏⵉ?
grv-facts = ⵎⴰⴷ ⵉⵊⵕⴰⵏ
grv-you = ⴽⵢⵢ
grv-answer-by = ⵎⴰⵎⵏⴽ ⴰⴷ ⵜⴰⵡⵉⴷ ⴰⵔⵔⴰ?
grv-answer = ⴰⵔⵔⴰ
grv-appeal = ⴰⴳⵢ ⵏ ⵓⵔⵔⴰ
grv-submit = ⴰⵣⵏ ⴰⵙⵖⵓⵢ
grv-answer-due = ⴰⵣⵎⵣ ⵏ ⵓⵔⵔⴰ
grv-track-hint = ⵉ ⵓⵙⵖⵓⵢ, ⴰⵔⵎ ⴰⵜⵉⵍⵉⴼⵓⵏ ⵏⵖ ⵉⵎⴰⵢⵍ ⵍⵍⵉ ⵜⴼⴽⵉⴷ; ⴰⵊ ⵜ ⵉⵅⵡⴰ ⵎⴽ ⵓⵔ ⵜⴼⴽⵉⴷ ⵢⴰⵏ.
grv-documents = ⵉⵙⴷⵍⵉⵙⵏ
