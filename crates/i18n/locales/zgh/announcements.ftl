# Announcements in Amazigh (Tifinagh): the links to the public news.
# AWAITING REVIEW BY A NATIVE SPEAKER: every string in this file is a first draft. Keys
# missing here fall back to French.

ann-news-title = ⵉⵙⴰⵍⵍⵏ
ann-news-all = ⴰⴽⴽ ⵉⵙⴰⵍⵍⵏ
