# Accounts, sign-in, second factor, roles and scopes (French).
login-title = Connexion
login-username = Nom d'utilisateur
login-password = Mot de passe
login-submit = Se connecter
login-error-invalid = Nom d'utilisateur ou mot de passe incorrect.
login-error-locked = Trop de tentatives échouées. Réessayez dans un quart d'heure.
password-changed = Le mot de passe a été changé.
password-title = Changer le mot de passe
password-forced = Vous devez remplacer le mot de passe provisoire avant de continuer.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-confirm = Confirmer le nouveau mot de passe
password-hint = Au moins douze caractères.
password-submit = Changer le mot de passe
password-error-short = Le mot de passe doit comporter au moins douze caractères.
password-error-mismatch = Les deux mots de passe ne correspondent pas.
password-error-current = Le mot de passe actuel est incorrect.
password-error-same = Le nouveau mot de passe doit être différent de l'actuel.
role-inspector = Inspecteur
role-establishment_manager = Directeur d'établissement
role-auditor = Auditeur
scope-national = National
scope-region = Région { $code }
scope-province = Province { $code }
scope-establishment = Établissement n° { $code }
users-title = Comptes du personnel
users-new-title = Nouveau compte
users-col-username = Nom d'utilisateur
users-col-name = Nom complet
users-col-grants = Habilitations
users-col-status = État
users-active = Actif
users-inactive = Désactivé
users-must-change = mot de passe à changer
users-role = Rôle
users-scope = Périmètre
users-create = Créer le compte
users-temporary-hint = Un mot de passe provisoire est créé et affiché une seule fois ; il devra être changé à la première connexion.
users-created-title = Compte créé
users-created-text = Le compte { $username } a été créé.
users-created-password = Mot de passe provisoire (affiché cette fois seulement, à transmettre de manière sûre) :
users-open = Ouvrir le compte
users-add-grant = Ajouter une habilitation
users-error-username = Le nom d'utilisateur compte de 3 à 64 caractères : lettres minuscules non accentuées, chiffres, . - _
users-error-name = Saisissez le nom complet.
users-error-role = Choisissez un rôle.
users-error-scope = Choisissez un périmètre adapté au rôle.
users-error-not-allowed = Vous ne pouvez pas accorder ce rôle sur ce périmètre.
users-error-taken = Ce nom d'utilisateur est déjà pris.
users-error-duplicate = Cette habilitation est déjà accordée.
totp-login-title = Code de vérification
totp-login-lead = Saisissez le code à six chiffres affiché par votre application d'authentification.
totp-code = Code à six chiffres
totp-submit = Vérifier
totp-error-invalid = Le code est incorrect ou a expiré.
totp-enrol-title = Vérification en deux étapes
totp-enabled = La vérification en deux étapes est activée sur votre compte.
totp-required = Les administrateurs nationaux doivent activer la vérification en deux étapes avant de continuer.
totp-step-app = Ouvrez une application d'authentification (TOTP) sur votre téléphone.
totp-step-key = Ajoutez un compte avec cette clé :
totp-step-uri = ou importez cette adresse :
totp-step-code = Saisissez le code affiché par l'application pour confirmer l'activation.
totp-confirm = Activer
auth-dossier = Dossier d'autorisation
auth-receipt-number = Numéro de récépissé
auth-filed-on = Déposé le
auth-due-on = Décision attendue au plus tard le
auth-documents-requested = Pièces demandées
auth-decision = Décision
auth-appeal = Recours
auth-receipt-link = Voir et imprimer le récépissé
auth-not-filed = Aucune demande d'autorisation n'a encore été déposée. Joignez les pièces obligatoires, puis choisissez « Autorisation demandée » comme nouveau statut.
auth-checklist = Pièces du dossier
auth-mandatory = Obligatoire
auth-optional = Facultative
auth-requested-badge = Demandée
auth-request-which = Pièces à demander (seulement pour « Pièces manquantes »)
auth-days-left = { PLURAL($count) ->
    [one] { $count } jour restant
   *[other] { $count } jours restants
}
auth-overdue = { PLURAL($count) ->
    [one] en retard de { $count } jour
   *[other] en retard de { $count } jours
}
auth-queue-title = Demandes d'autorisation à instruire
auth-queue-lead = Les demandes en attente de décision dans votre périmètre, l'échéance la plus proche en premier : les demandes en retard sont en tête.
auth-queue-count = { PLURAL($count) ->
    [one] { $count } demande en attente
   *[other] { $count } demandes en attente
}
auth-queue-overdue = { PLURAL($count) ->
    [one] { $count } en retard
   *[other] { $count } en retard
}
auth-queue-empty = Aucune demande en attente de décision.
scope-many = { PLURAL($count) ->
    [one] { $count } périmètre
   *[other] { $count } périmètres
}
users-search = Identifiant ou nom
users-count = { PLURAL($count) ->
    [one] { $count } compte
   *[other] { $count } comptes
}
