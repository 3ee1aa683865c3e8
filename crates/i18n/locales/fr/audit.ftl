# The audit trail (French).
audit-title = Journal d'audit
audit-lead = Chaque modification des données est enregistrée ici, dans une chaîne chiffrée qu'on ne peut altérer sans que cela se voie.
audit-verify = Vérifier l'intégrité de la chaîne
audit-verify-ok = La chaîne est intacte : { $entries } entrées vérifiées.
audit-verify-broken = La chaîne est rompue à l'entrée n° { $id }.
audit-search = Rechercher
audit-from = Du
audit-to = Au
audit-col-at = Date
audit-col-actor = Auteur
audit-col-action = Action
audit-col-entity = Objet
audit-col-entity-id = Identifiant
audit-col-request = Référence de requête
role-national_administrator = Administrateur national
role-programme_owner = Responsable de programme
role-regional_coordinator = Coordinateur régional
role-provincial_officer = Cadre de délégation provinciale
role-social_worker = Travailleur social
audit-action-create = Création
audit-action-grant = Habilitation accordée
audit-action-revoke = Révocation
audit-action-read = Consultation
audit-action-login = Connexion
audit-action-login-failed = Connexion échouée
audit-action-login-second-factor = Second facteur validé
audit-action-login-second-factor-failed = Code de vérification erroné
audit-action-logout = Déconnexion
audit-action-password-change = Changement de mot de passe
audit-action-totp-enrol = Début d'activation de la double vérification
audit-action-totp-enable = Double vérification activée
audit-action-geo-import = Import du découpage territorial
audit-entity-territory = Territoire
audit-entity-org-unit = Unité
audit-entity-user = Compte
audit-entity-role-grant = Habilitation
audit-entity-api-token = Jeton d'API
audit-action-status = Changement de statut
audit-entity-establishment = Établissement
audit-action-attach = Pièce jointe
audit-entity-document = Document
api-op-create_establishment = Enregistrer un établissement dans une commune du périmètre de l'appelant
api-op-transition_establishment = Faire avancer un établissement dans son cycle de vie (dépôt, instruction, pièces, décision, recours)
actor-system = Système
actor-anonymous = Personne non connectée

audit-entity-association = Association
audit-entity-board-member = Membre du bureau
audit-action-update = Modification
audit-action-delete = Suppression
api-op-list_associations = Les associations du périmètre de l'appelant, recherchées et paginées
api-op-get_association = Une association du périmètre de l'appelant, avec son bureau
api-op-create_association = Enregistrer une association dans une commune du périmètre de l'appelant

audit-action-declare = Déclaration
audit-entity-care-declaration = Déclaration de prise en charge
audit-action-password-change-failed = Mot de passe actuel erroné
audit-action-login-locked = Connexion refusée (compte verrouillé)
audit-action-registry-import = Import du registre des ménages
audit-action-registry-index-import = Import des indices du registre social
audit-entity-household = Ménage
audit-entity-household-index-value = Indice du registre social
audit-count = { PLURAL($count) ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
