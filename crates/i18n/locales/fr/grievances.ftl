# Complaints and grievances: the public form, the receipt, tracking, and the staff queue
# and record.

nav-grievances = Réclamations
grv-new-title = Déposer une réclamation
grv-new-lead = Une décision, la prise en charge dans un établissement, un danger pour une personne, l'accès à un service ou vos données personnelles : dites-nous ce qui s'est passé. Vous recevez un code de suivi et la date à laquelle une réponse vous est due.
grv-where-lead = Dans quelle province cela s'est-il passé ? La délégation de cette province traite la réclamation.
grv-record-title = Enregistrer une réclamation reçue
grv-record-page-title = Réclamation
grv-receipt-title = Récépissé de réclamation
grv-receipt-law = Récépissé délivré au dépôt (loi 55-19). Le droit de recours administratif vous est garanti.
grv-status-title = Suivi de la réclamation
grv-queue-title = Réclamations
grv-already-filed = Cette réclamation était déjà déposée : voici son récépissé.
grv-tracking-hint = Gardez ce code. Pour suivre la réclamation, donnez-le avec le téléphone ou l'e-mail indiqué.
grv-tracking-hint-code = Gardez ce code : il suffit, seul, à suivre la réclamation.
grv-urgent-receipt = Un danger pour une personne est traité en urgence : le délégué provincial et les inspecteurs sont prévenus dès maintenant. En cas de danger immédiat, appelez aussi la police (19) ou la gendarmerie (177).
grv-category = Objet de la réclamation
grv-urgent = Urgent
grv-danger-hint = Si une personne est en danger, choisissez « Une maltraitance ou un danger pour un bénéficiaire » : la réclamation est traitée en urgence.
grv-place = Où cela s'est-il passé ?
grv-place-hint = Dans la province : { $province }. Choisissez l'établissement s'il s'agit de l'un d'eux, sinon la commune.
grv-establishment = Établissement
grv-commune = Commune
grv-contested = Code de suivi ou numéro de récépissé de la décision contestée
grv-contested-hint = Pour contester une décision sur une demande, donnez son code de suivi (et, plus bas, le téléphone donné avec la demande) ; pour une autorisation, le numéro du récépissé.
grv-facts = Ce qui s'est passé
grv-facts-hint = Les faits, les dates, les personnes concernées. Au moins 10 caractères.
grv-files-hint = Facultatif : jusqu'à deux pièces (PDF, PNG ou JPEG).
grv-file-evidence_1 = Première pièce
grv-file-evidence_2 = Deuxième pièce
grv-you = Vous
grv-anonymous = Je dépose sans donner mon nom
grv-anonymous-hint = Possible, sauf pour contester une décision qui vous concerne. Sans contact, suivez la réclamation avec son code.
grv-anonymous-label = Sans nom
grv-name = Nom et prénom
grv-phone-hint = Pour une réponse par SMS et pour suivre la réclamation.
grv-address = Adresse postale
grv-answer-by = Comment voulez-vous recevoir la réponse ?
grv-answer-by-sms = Par SMS
grv-answer-by-email = Par e-mail
grv-answer-by-post = Par courrier
grv-answer-by-none = Pas d'envoi : je suivrai avec le code
grv-notice-purpose-text = Examiner votre réclamation, vous répondre et suivre le délai de réponse.
grv-notice-recipients-text = La délégation de la province ; pour un danger, le délégué provincial et les inspecteurs ; jamais l'établissement mis en cause pour une maltraitance ou le comportement d'un membre du personnel.
grv-submit = Déposer la réclamation
grv-answer-due = Réponse due le
grv-ack-due = Accusé de réception dû le
grv-status-received = Reçue
grv-status-acknowledged = Réception accusée
grv-status-examining = En examen
grv-status-answered = Répondue
grv-status-appealed = Réponse contestée
grv-status-closed = Close
grv-next-received = La délégation a reçu la réclamation et en accusera réception.
grv-next-acknowledged = La réclamation sera examinée ; la réponse est due à la date indiquée.
grv-next-examining = La réclamation est en examen (échanges, demandes d'information, visite).
grv-next-answered = La réponse est ci-dessous, avec ses motifs. Vous pouvez la contester une fois.
grv-next-appealed = Votre contestation de la réponse est en examen.
grv-next-closed = La réclamation est close.
grv-answer = Réponse et motifs
grv-appeal = Contester la réponse
grv-appeal-hint = Une seule fois, dans les 60 jours suivant la réponse. Dites pourquoi la réponse ne vous convient pas.
grv-appeal-reason = Pourquoi contestez-vous la réponse ?
grv-appeal-submit = Envoyer la contestation
grv-appeal-sent = Votre contestation est enregistrée.
grv-track-hint = Pour une réclamation, donnez le téléphone ou l'e-mail indiqué au dépôt ; laissez vide si vous n'en avez donné aucun.
grv-channel = Reçue par
grv-channel-online = En ligne
grv-channel-counter = Au guichet
grv-channel-phone = Par téléphone
grv-channel-letter = Par courrier
grv-level = Niveau
grv-level-delegation = Délégation
grv-level-provincial = Délégué provincial (urgent)
grv-level-regional = Coordination régionale (délai dépassé)
grv-count = { PLURAL($count) ->
    [one] { $count } réclamation
   *[other] { $count } réclamations
}
grv-escalated-count = { PLURAL($count) ->
    [one] { $count } réclamation sans réponse après son délai, remontée à la coordination régionale
   *[other] { $count } réclamations sans réponse après leur délai, remontées à la coordination régionale
}
grv-escalated-only = Délai dépassé seulement
grv-days-left = { PLURAL($count) ->
    [one] { $count } jour restant
   *[other] { $count } jours restants
}
grv-overdue = { PLURAL($count) ->
    [one] { $count } jour de retard
   *[other] { $count } jours de retard
}
grv-confidential = Réclamation confidentielle : elle n'est jamais montrée à l'établissement ni aux travailleurs sociaux ; chaque ouverture est tracée.
grv-assigned = Suivie par
grv-handling = Traitement
grv-assign-to = Confier à
grv-assign-me = Moi-même
grv-assign = Confier
grv-step = Étape
grv-step-acknowledge = Accuser réception
grv-step-examine = Ouvrir l'examen
grv-step-answer = Répondre avec les motifs
grv-step-close = Clore
grv-step-submit = Enregistrer l'étape
grv-reasons = Réponse et motifs
grv-reasons-hint = Nécessaire pour répondre ; la réponse est lue par la personne à la page de suivi. Pour une décision contestée, changez-la par sa propre procédure et dites-le ici.
grv-note = Note interne
grv-note-hint = Un appel, une demande d'information, une visite : jamais montré à la personne.
grv-note-submit = Ajouter la note
grv-internal = Interne
grv-line-note = Note
grv-line-status = Étape
grv-step-done = Étape enregistrée.
grv-error-category = Choisissez l'objet de la réclamation.
grv-error-anonymous-decision = Pour contester une décision qui vous concerne, dites qui vous êtes.
grv-error-anonymous-answer = Sans nom, la réponse ne peut pas vous être envoyée : choisissez « Pas d'envoi » et suivez avec le code.
grv-error-answer-by = Choisissez comment recevoir la réponse.
grv-error-too-long = Ce texte est trop long.
grv-error-phone = Ce numéro de téléphone n'est pas valable.
grv-error-email = Cette adresse e-mail n'est pas valable.
grv-error-name = Indiquez votre nom, ou cochez le dépôt sans nom.
grv-error-contact-needed = Nécessaire pour la réponse choisie.
grv-error-facts = Décrivez ce qui s'est passé (au moins 10 caractères).
grv-error-contested-needed = Donnez le code de suivi ou le numéro de récépissé de la décision.
grv-error-contested = Aucune décision ne correspond à ce code et à ce téléphone.
grv-error-establishment = Choisissez un établissement de la liste.
grv-error-commune = Choisissez une commune de la liste.
grv-error-place = Choisissez l'établissement ou la commune.
grv-error-consent = Cochez la case pour accepter le traitement de vos données.
grv-error-form-expired = Le formulaire a expiré : rechargez la page et recommencez.
grv-error-channel = Dites comment la réclamation a été reçue.
grv-error-out-of-territory = Ce lieu est hors de votre territoire.
grv-error-handler = Cette personne ne peut pas traiter cette réclamation.
grv-error-note = Écrivez la note.
grv-error-reasons = Écrivez les motifs.
grv-error-step = Choisissez une étape.
grv-error-step-now = Cette étape ne suit pas l'état de la réclamation.
grv-error-appeal-once = La réponse a déjà été contestée une fois.
grv-error-appeal-late = Le délai pour contester la réponse est passé.
notify-grievance-received = Entraide Nationale : votre réclamation est reçue. Code de suivi { $code }.
notify-grievance-acknowledged = Entraide Nationale : la réception de votre réclamation { $code } est accusée.
notify-grievance-answered = Entraide Nationale : votre réclamation { $code } a reçu une réponse. Lisez-la à la page de suivi.
notify-grievance-appealed = Entraide Nationale : votre contestation de la réponse { $code } est enregistrée.
notify-grievance-urgent = Réclamation urgente { $code } : un danger pour un bénéficiaire est signalé dans votre province.
grv-contesting-title = Réclamations contre cette décision
grv-needs-identity = (nom nécessaire)
grv-received-on = Reçue le
grv-received-on-hint = Facultatif : le jour où la lettre ou l'appel est arrivé ; les délais courent à partir de ce jour.
grv-error-received-on = Une date passée de moins d'un an.
grv-documents = Pièces
grv-fig-awaiting = en attente de réponse
grv-fig-escalated = délai dépassé, remontées à la coordination régionale
grv-figures-title = Chiffres des réclamations
grv-figures-link = Chiffres des réclamations
grv-figures-hint = Les réclamations de votre territoire que vous pouvez lire, toutes périodes confondues ; le délai dépassé compte celles qui attendent encore une réponse après leur date limite.
grv-figures-empty = Aucune réclamation dans votre territoire.
grv-figures-total = Réclamations
grv-figures-overdue = Sans réponse après le délai
grv-figures-in-time = Répondues dans le délai
grv-figures-in-time-of = { $in_time } sur { $answered } répondues
grv-figures-median = Délai médian de réponse
grv-figures-days = { PLURAL($count) ->
    [one] { $count } jour
   *[other] { $count } jours
}
grv-figures-no-answer = aucune réponse encore
grv-figures-by-category = Réclamations par catégorie
grv-figures-by-status = Réclamations par statut
grv-figures-by-province = Réclamations par province

## The API and the figures by period.
grv-error-retry-key = Donnez une clé de nouvel essai (en-tête Idempotency-Key ou submission_key) de 1 à 64 caractères.
grv-error-period-day = Une date au format AAAA-MM-JJ.
grv-error-period-year = Une année, par exemple 2026.
grv-error-period-order = La fin de la période doit suivre son début.
grv-od-title = Réclamations : chiffres publics
grv-od-lead = Les réclamations déposées au cours de la période, par province et par objet, la part répondue dans le délai et le nombre médian de jours pour répondre. Aucune personne n'y est identifiable.
grv-od-card = Les réclamations par province et par objet, et le délai de réponse.
grv-od-year = Année
grv-od-any-year = Toutes les années
grv-od-from = Du
grv-od-to = Au
grv-od-period-hint = Une année, ou une période du premier au dernier jour (la date de dépôt fait foi).
grv-od-volumes = Réclamations déposées, par province et par objet
grv-od-pooled = Signalements confidentiels (maltraitance ou danger, comportement du personnel)
grv-od-timeliness = Délais de réponse, par province
grv-od-in-time = Répondues dans le délai
grv-od-median = Jours médians pour répondre
grv-od-national = Tout le pays
grv-od-rules = Les signalements confidentiels (maltraitance ou danger, comportement du personnel) ne sont comptés qu'ensemble, jamais objet par objet. Les délais ne sont publiés que là où au moins 5 réclamations ont reçu une réponse ; « — » : aucune réponse encore.
grv-line-escalated-region = Délai dépassé : transmise au coordinateur régional
notify-grievance-escalated = Réclamation { $code } sans réponse après le { $answer_due } : elle vous est transmise.
api-op-list_grievance_categories = Catégories de réclamation et leurs délais
api-op-file_grievance = Déposer une réclamation sans compte (une nouvelle tentative avec la même clé n'en dépose qu'une)
api-op-grievance_status = Suivi d'une réclamation par son code et le téléphone ou l'e-mail donné
api-op-list_grievances = File des réclamations du périmètre de l'appelant
api-op-get_grievance = Une réclamation (ouverture journalisée)
api-op-step_grievance = Étape du traitement d'une réclamation : accusé de réception, examen, réponse, clôture
api-op-assign_grievance = Confier une réclamation
api-op-note_grievance = Note interne sur une réclamation
