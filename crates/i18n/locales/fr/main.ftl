# Layout, home and shared interface strings (French).
site-name = Jisr
site-tagline = Plateforme de l'action sociale
agency-name = Entraide Nationale
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-territories = Découpage territorial
nav-units = Unités de l'Entraide
nav-api = API
lang-switch-label = Langue
footer-credit = Données territoriales et démographiques : Haut-Commissariat au Plan, RGPH 2024 (licence CC BY 4.0 ; seuls les régions, provinces, cercles, communes et arrondissements sont repris).
footer-license = Logiciel libre et open source.
breadcrumb-label = Fil d'Ariane
home-title = Des services sociaux plus proches des citoyens
home-lead = Jisr relie les citoyens, les établissements de protection sociale et les associations partenaires aux services de l'Entraide Nationale : une information claire, des démarches simplifiées, un suivi transparent.
home-services-title = Ce que propose la plateforme
home-service-establishments = Établissements de protection sociale
home-service-establishments-text = Autorisation, capacité d'accueil et qualité de la prise en charge dans les établissements et les centres pour personnes en situation de handicap.
home-service-eservices = Services en ligne
home-service-eservices-text = Demandes en ligne sans compte, avec récépissé, code de suivi et décision motivée dans les délais légaux.
home-service-targeting = Ciblage
home-service-targeting-text = Des programmes aux critères d'éligibilité clairs et datés, et des décisions qui s'expliquent.
home-service-transparency = Transparence
home-service-transparency-text = Des chiffres agrégés par territoire, sans aucune donnée personnelle.
home-browse-territories = Parcourir les régions, provinces et communes
home-figures-title = Le territoire couvert
home-figure-regions = Régions
home-figure-provinces = Préfectures et provinces
home-figure-communes = Communes
home-figure-units = Unités de l'Entraide
api-title = API
api-lead = Une API JSON documentée selon OpenAPI. Le document complet est disponible en format lisible par machine :
api-col-method = Méthode
api-col-path = Chemin
api-col-summary = Description
api-col-params = Paramètres
units-title = Unités de l'Entraide Nationale
units-lead = L'administration centrale, les coordinations régionales et les délégations provinciales, avec les préfectures et provinces couvertes par chaque délégation.
units-col-code = Code
units-col-name = Nom
units-col-kind = Niveau
units-col-covers = Territoire couvert
unit-kind-central = Administration centrale
unit-kind-regional_coordination = Coordination régionale
unit-kind-provincial_delegation = Délégation provinciale
empty-list = Aucun élément à afficher.
api-op-list_regions = Liste des régions
api-op-list_provinces = Préfectures et provinces, filtrables par région
api-op-list_communes = Communes d'une préfecture ou province
api-op-list_units = Unités de l'Entraide Nationale
api-op-openapi = Le document OpenAPI de cette API
api-op-list_programmes = Programmes avec leur version en vigueur
api-op-get_programme = Un programme et les versions de ses règles
api-op-create_programme = Créer un programme
api-op-create_programme_draft = Écrire une version de règles (brouillon vérifié par le moteur)
api-op-simulate_programme_version = Simuler une version par province sur le territoire de l’appelant
api-op-activate_programme_version = Activer une version brouillon
api-op-list_households = Ménages du registre sur le territoire de l’appelant
api-op-get_household = Un ménage, son indice et pourquoi il est ou non éligible
nav-signin = Se connecter
nav-signout = Se déconnecter
nav-dashboard = Tableau de bord
login-title = Connexion
login-username = Nom d'utilisateur
login-password = Mot de passe
login-submit = Se connecter
login-error-invalid = Nom d'utilisateur ou mot de passe incorrect.
login-error-locked = Trop de tentatives échouées. Réessayez dans un quart d'heure.
dashboard-title = Tableau de bord
dashboard-welcome = Bienvenue,
password-changed = Le mot de passe a été changé.
dashboard-grants = Vos habilitations
dashboard-shortcuts = Raccourcis
dashboard-territories-text = Régions, préfectures et provinces, communes.
dashboard-units-text = Administration centrale, coordinations et délégations.
dashboard-audit-text = Rechercher dans le journal d'audit et vérifier son intégrité.
dashboard-password-text = Changer votre mot de passe.
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
role-inspector = Inspecteur
role-establishment_manager = Directeur d'établissement
role-auditor = Auditeur
scope-national = National
scope-region = Région { $code }
scope-province = Province { $code }
scope-establishment = Établissement n° { $code }
api-op-whoami = Le compte appelant et ses habilitations
nav-users = Comptes
form-has-errors = Vérifiez les champs signalés ci-dessous.
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
dashboard-users-text = Créer les comptes du personnel et accorder les habilitations dans votre périmètre.
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
nav-directory = Annuaire des établissements
nav-establishments = Établissements
pager-label = Pages
pager-prev = Précédent
pager-next = Suivant
est-title = Établissements de protection sociale
est-new-title = Enregistrer un établissement
est-search = Recherche par nom
est-category = Catégorie
est-status = Statut
est-province = Préfecture ou province
est-capacity = Capacité
est-capacity-male = Capacité (garçons/hommes)
est-capacity-female = Capacité (filles/femmes)
est-name-ar = Nom en arabe
est-name-fr = Nom en français
est-commune = Commune
est-commune-hint = Code HCP de la commune, par exemple 07.427.01.01
est-address = Adresse
est-phone = Téléphone
est-create = Enregistrer
est-timeline = Historique du dossier
est-change-status = Changer le statut
est-new-status = Nouveau statut
est-reason = Motif
est-apply = Appliquer
est-count = { PLURAL($count) ->
    [one] { $count } établissement
   *[other] { $count } établissements
}
est-status-project = Projet
est-status-requested = Autorisation demandée
est-status-under_review = En instruction
est-status-documents_missing = Pièces manquantes
est-status-authorised = Autorisé
est-status-refused = Refusé
est-status-suspended = Suspendu
est-status-closed = Fermé
est-status-withdrawn = Autorisation retirée
est-error-name = Saisissez le nom de l'établissement en arabe ou en français.
est-error-category = Choisissez une catégorie.
est-error-commune = Ce code de commune n'existe pas.
est-error-commune-scope = Cette commune est hors de votre périmètre.
est-error-capacity-range = La capacité est un nombre entier de 0 à 2000.
est-error-capacity-empty = Un établissement compte au moins une place.
est-error-transition = Ce changement de statut n'est pas possible.
est-error-reason = Le motif est obligatoire.
est-error-documents-once = Les pièces manquantes ne peuvent être demandées qu'une fois.
dir-title = Annuaire des établissements
dir-lead = Les établissements de protection sociale autorisés : cherchez par province et par catégorie.
dir-capacity = { PLURAL($count) ->
    [one] { $count } place
   *[other] { $count } places
}
audit-action-status = Changement de statut
audit-entity-establishment = Établissement
est-timeline-entry = { $status } : { $reason }
est-status-changed = Le statut a été changé.
api-op-list_establishments = Les établissements du périmètre de l'appelant, filtrés et paginés
api-op-get_establishment = Un établissement du périmètre de l'appelant

## Authorisation dossier
dashboard-establishments-text = Registre des établissements de votre périmètre.
est-director = Directeur ou directrice
est-services = Services offerts
est-opening-hours = Horaires d'ouverture
est-status-appealed = Recours en cours
est-error-appeal-once = Un refus ne peut faire l'objet que d'un seul recours.
est-error-missing-documents = Le dossier ne peut être déposé : ces pièces obligatoires manquent.
est-error-still-requested = Joignez d'abord les pièces demandées :
est-error-request-documents = Cochez au moins une pièce de la liste à demander.
est-error-association = Cette association n'existe pas.
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
doc-attached = Les pièces ont été jointes au dossier.
doc-none = Aucune pièce jointe.
doc-choose = Choisir un fichier
doc-limits = Fichiers PDF, PNG ou JPEG, 10 Mo au plus chacun.
doc-attach = Joindre les fichiers choisis
doc-error-empty = Ce fichier est vide.
doc-error-too-large = Ce fichier dépasse la taille autorisée.
doc-error-type = Le contenu de ce fichier n'est ni un PDF, ni une image PNG ou JPEG (le contenu est vérifié, pas seulement le nom).
doc-error-unreadable = L'envoi a été interrompu : aucun fichier n'a été enregistré. Choisissez-les à nouveau.
doc-error-none = Choisissez au moins un fichier.
doc-error-batch = Aucun fichier n'a été enregistré : corrigez les fichiers signalés et choisissez-les à nouveau.
doc-error-locked = Le dossier n'accepte pas de nouvelles pièces dans son statut actuel.
doc-error-item = Cette pièce ne figure pas dans la liste de la catégorie.
size-kb = { $n } Ko
receipt-title = Récépissé de dépôt d'une demande d'autorisation
receipt-law = Loi n° 65-15 relative aux établissements de protection sociale
receipt-filed-by = Déposé par
receipt-documents = Pièces reçues
receipt-deadline = La décision doit être notifiée au plus tard le { $date }.
receipt-print-hint = Pour imprimer ce récépissé, utilisez la fonction d'impression de votre navigateur.
audit-action-attach = Pièce jointe
audit-entity-document = Document
api-op-create_establishment = Enregistrer un établissement dans une commune du périmètre de l'appelant
api-op-transition_establishment = Faire avancer un établissement dans son cycle de vie (dépôt, instruction, pièces, décision, recours)
nav-authorisations = Demandes à instruire
scope-many = { PLURAL($count) ->
    [one] { $count } périmètre
   *[other] { $count } périmètres
}
actor-system = Système
actor-anonymous = Personne non connectée

## Associations
nav-associations = Associations
assoc-title = Associations partenaires
assoc-new-title = Enregistrer une association
assoc-edit-title = Modifier l'association
assoc-import-title = Importer des associations
assoc-search = Nom ou numéro du récépissé
assoc-count = { PLURAL($count) ->
    [one] { $count } association
   *[other] { $count } associations
}
assoc-number = Numéro du récépissé de dépôt
assoc-date = Date du récépissé
assoc-date-hint = Au format AAAA-MM-JJ, par exemple 2019-05-14.
assoc-email = Courriel
assoc-save = Enregistrer
assoc-saved = Les changements ont été enregistrés.
assoc-board = Bureau
assoc-board-empty = Aucun membre du bureau n'est enregistré.
assoc-add-member = Ajouter un membre du bureau
assoc-member-name = Nom et prénom
assoc-member-since = Membre depuis (facultatif)
assoc-since = depuis le { $date }
assoc-remove = Retirer
assoc-remove-member = Retirer { $name } du bureau
assoc-position = Fonction
assoc-position-president = Président(e)
assoc-position-vice_president = Vice-président(e)
assoc-position-secretary_general = Secrétaire général(e)
assoc-position-treasurer = Trésorier(ère)
assoc-position-deputy_treasurer = Trésorier(ère) adjoint(e)
assoc-position-member = Membre
assoc-establishments = Établissements fondés ou gérés
assoc-establishments-empty = Aucun établissement de votre périmètre n'est rattaché à cette association.
assoc-error-number = Saisissez le numéro du récépissé (lettres, chiffres, / - . et espaces, 64 caractères au plus).
assoc-error-number-taken = Une association est déjà enregistrée sous ce numéro.
assoc-error-name = Saisissez le nom de l'association en arabe ou en français.
assoc-error-date = Saisissez une date réelle au format AAAA-MM-JJ, qui ne soit pas dans le futur.
assoc-error-email = Cette adresse de courriel n'est pas valide.
assoc-error-member-name = Saisissez le nom du membre.
assoc-error-position = Choisissez une fonction.
assoc-error-position-held = Cette fonction est déjà occupée au bureau.
assoc-import-lead = Un fichier CSV (UTF-8), une association par ligne, la première ligne nommant les colonnes. Si une ligne est refusée, rien n'est importé et chaque ligne refusée est signalée. Une association déjà enregistrée sous le même numéro est mise à jour : importer deux fois le même fichier ne change rien.
assoc-import-columns = Colonnes attendues, dans cet ordre :
import-file = Fichier CSV
import-submit = Importer
import-done = Import terminé.
import-inserted = { PLURAL($count) ->
    [one] { $count } ajoutée
   *[other] { $count } ajoutées
}
import-updated = { PLURAL($count) ->
    [one] { $count } mise à jour
   *[other] { $count } mises à jour
}
import-unchanged = { PLURAL($count) ->
    [one] { $count } inchangée
   *[other] { $count } inchangées
}
import-refused-rows = { PLURAL($count) ->
    [one] { $count } ligne refusée
   *[other] { $count } lignes refusées
}
import-line = Ligne
import-column = Colonne
import-reason = Motif
import-error-nothing = Rien n'a été importé : corrigez les lignes signalées, puis importez à nouveau le fichier.
import-error-no-file = Choisissez un fichier CSV.
import-error-encoding = Le fichier doit être encodé en UTF-8.
import-error-header = La première ligne doit nommer les colonnes attendues, dans l'ordre indiqué.
import-error-unreadable = Cette ligne ne peut pas être lue comme du CSV.
import-error-columns = Cette ligne n'a pas le nombre de colonnes attendu.
import-error-duplicate = Ce numéro figure déjà sur une ligne précédente du fichier.
audit-entity-association = Association
audit-entity-board-member = Membre du bureau
audit-action-update = Modification
audit-action-delete = Suppression
api-op-list_associations = Les associations du périmètre de l'appelant, recherchées et paginées
api-op-get_association = Une association du périmètre de l'appelant, avec son bureau
api-op-create_association = Enregistrer une association dans une commune du périmètre de l'appelant

## Declarations of care outside the premises
decl-title = Prise en charge hors des locaux
decl-none = Aucune déclaration.
decl-new = Déclarer une prise en charge hors des locaux
decl-activity = Activité
decl-place = Lieu
decl-period = Période
decl-starts-on = Premier jour
decl-ends-on = Dernier jour
decl-beneficiaries = Nombre de bénéficiaires
decl-submit = Déclarer et obtenir le récépissé
decl-receipt-title = Récépissé de déclaration de prise en charge hors des locaux
decl-error-activity = Décrivez l'activité.
decl-error-start = Saisissez une date réelle (AAAA-MM-JJ), au plus tôt 30 jours avant aujourd'hui.
decl-error-end = Le dernier jour suit le premier, dans l'année.
decl-error-beneficiaries = Un nombre entier de 1 à 10 000.
decl-error-not-authorised = Seul un établissement autorisé peut déclarer une prise en charge hors de ses locaux.
audit-action-declare = Déclaration
audit-entity-care-declaration = Déclaration de prise en charge
dir-service = Service ou nom
est-edit-title = Modifier la fiche
est-association = Association fondatrice ou gestionnaire
est-association-hint = Son numéro dans Jisr (visible sur sa page), ou vide.
est-latitude = Latitude (degrés décimaux)
est-longitude = Longitude (degrés décimaux)
est-coordinates-hint = Facultatif : par exemple 32.2333 et -7.9500.
est-error-coordinates = Des coordonnées au Maroc en degrés décimaux, les deux ou aucune.
est-error-capacity-locked = La capacité autorisée ne change qu'avec une nouvelle demande d'autorisation.
est-capacity-locked-hint = Fixée par l'autorisation : elle ne change qu'avec une nouvelle demande.
audit-action-password-change-failed = Mot de passe actuel erroné
audit-action-login-locked = Connexion refusée (compte verrouillé)
audit-action-registry-import = Import du registre des ménages
audit-action-registry-index-import = Import des indices du registre social
audit-entity-household = Ménage
audit-entity-household-index-value = Indice du registre social
nav-programmes = Programmes
nav-registry = Registre social
prog-title = Programmes
prog-name = Programme
prog-active-version = Version en vigueur
prog-valid-from = En vigueur à partir du
prog-valid-to = Jusqu’au
prog-versions = Versions
prog-version = Version
prog-version-n = version { $n }
prog-from = à partir du { $date }
prog-status = Statut
prog-status-draft = Brouillon
prog-status-active = En vigueur
prog-status-retired = Remplacée
prog-actions = Actions
prog-active-rule = Règle en vigueur
prog-no-active = Aucune version en vigueur.
prog-benefit = Montant mensuel (dirhams)
prog-benefit-hint = Expression numérique, par exemple min(children_under_21, 6) * 250 + 100.
prog-rule = Critères d’éligibilité
prog-rule-hint = Un critère par ligne : identifiant, deux-points, condition. Par exemple index-threshold : index <= 9.743001. Un ménage est éligible quand tous les critères sont remplis.
prog-date-hint = AAAA-MM-JJ, après le début de la version en vigueur.
prog-new-draft = Écrire une nouvelle version (brouillon)
prog-save-draft = Enregistrer le brouillon et le simuler
prog-simulate = Simuler
prog-simulate-title = Simulation
prog-simulate-table = Ménages qui entrent, sortent ou restent, et coût mensuel, par province
prog-simulate-nothing-changes = Simulation seulement : rien n’est modifié tant que la version n’est pas activée.
prog-compared-with = Comparée à la version en vigueur { $n }.
prog-compared-with-none = Aucune version en vigueur : tous les ménages éligibles entrent.
prog-activate-first-confirm = En activant cette première version, elle s’appliquera à partir du { $date }. Cette action est enregistrée au journal d’audit.
prog-households-loaded = { PLURAL($count) ->
    [one] { $count } ménage examiné dans votre territoire.
   *[other] { $count } ménages examinés dans votre territoire.
}
prog-entering = Entrent
prog-leaving = Sortent
prog-staying = Restent
prog-cost-before = Coût avant
prog-cost-after = Coût après
prog-total = Total
prog-no-province = Sans province
prog-dirhams = { $amount } DH
prog-activate = Activer cette version
prog-activate-confirm = En activant cette version, elle s’appliquera à partir du { $date } et la version en vigueur prendra fin la veille. Cette action est enregistrée au journal d’audit.
prog-activated = La version a été activée.
prog-error-not-draft = Seul un brouillon peut être activé.
prog-new = Nouveau programme
prog-new-title = Nouveau programme
prog-new-intro = Le programme est créé sans règle : sa première version s’écrit ensuite comme brouillon, se simule sur le registre puis s’active.
prog-code = Code
prog-code-hint = Lettres minuscules, chiffres et tirets, en commençant par une lettre (2 à 32 caractères), par exemple school-kits. Il ne change plus ensuite.
prog-name-ar = Nom en arabe
prog-name-fr = Nom en français
prog-description-ar = Description en arabe (facultative)
prog-description-fr = Description en français (facultative)
prog-pays-benefit = Le programme verse un montant mensuel
prog-pays-benefit-hint = Chaque version devra alors donner le montant par une expression numérique.
prog-level = Sur qui porte une décision ?
prog-level-household = Le ménage : une décision par ménage, règles sur les champs du ménage et le nombre de ses membres
prog-level-person = La personne : une décision par membre, règles sur ses champs (âge, handicap, scolarité, orphelin…) et ceux de son ménage (household.)
reg-decision-for = { $programme } — { $person }
prog-create = Créer le programme
prog-created = Le programme a été créé. Écrivez maintenant sa première version.
prog-error-code = Le code doit compter 2 à 32 lettres minuscules, chiffres ou tirets, commencer par une lettre et ne pas finir par un tiret.
prog-error-code-taken = Ce code est déjà celui d’un autre programme.
prog-error-name-required = Indiquer le nom.
prog-error-name-long = Le nom ne doit pas dépasser 200 caractères.
prog-error-description-long = La description ne doit pas dépasser 2000 caractères.
rule-error-benefit-required = Ce programme verse un montant : indiquer son expression.
rule-error-benefit-not-paid = Ce programme ne verse pas de montant : laisser ce champ vide.
rule-error-at = Ligne { $line }, colonne { $column } : { $reason }
rule-error-unexpected-character = caractère inattendu.
rule-error-unterminated-string = texte entre guillemets non fermé.
rule-error-invalid-number = nombre mal écrit.
rule-error-unexpected-token = expression incomplète ou élément inattendu.
rule-error-too-deep = expression trop imbriquée.
rule-error-unknown-field = champ inconnu « { $name } ».
rule-error-unknown-function = fonction inconnue « { $name } ».
rule-error-wrong-arity = nombre d’arguments incorrect pour « { $name } ».
rule-error-type-mismatch = types incompatibles (par exemple un nombre comparé à une catégorie, ou une condition attendue).
rule-error-unknown-category-value = valeur inconnue « { $name } » pour ce champ.
rule-error-invalid-date = date invalide (AAAA-MM-JJ).
rule-error-expected-field = un nom de champ est attendu ici.
rule-error-criterion-syntax = chaque ligne doit commencer par un identifiant (minuscules, chiffres, tirets) suivi de deux-points.
rule-error-criterion-duplicate = le critère « { $name } » figure deux fois.
rule-error-rule-empty = au moins un critère est nécessaire.
rule-error-invalid-valid-from = Indiquer la date sous la forme AAAA-MM-JJ.
rule-error-valid-from-too-early = La date doit être postérieure au début de la version en vigueur.
reg-title = Registre social
reg-count = { PLURAL($count) ->
    [one] { $count } ménage
   *[other] { $count } ménages
}
reg-key = Numéro du ménage
reg-members = Membres
reg-index = Indice
reg-household-title = Ménage
reg-household-n = Ménage { $key }
reg-missing = inconnu
reg-yes = oui
reg-no = non
reg-eligibility = Éligibilité aux programmes en vigueur
reg-eligible = Éligible
reg-not-eligible = Non éligible
reg-amount = montant : { $amount }
reg-criteria = Critères
reg-criterion = Critère
reg-outcome = Résultat
reg-comparisons = Comparaisons
reg-passed = Rempli
reg-failed = Non rempli
reg-draft-title = Réévaluation selon le projet de version { $n }
reg-draft-changes = la décision change
reg-draft-same = la décision ne change pas
reg-holds = vérifiée
reg-fails = non vérifiée
reg-comparison = valeur { $left }, seuil { $right }, marge { $margin }
reg-inputs = Données utilisées
reg-index-input = { $value } (établi le { $date }, source : { $source })
reg-index-history = Historique de l’indice
reg-date = Date
reg-source = Source
reg-source-registry = Registre social unifié
reg-source-declared = Déclaration
reg-source-staff = Agent
reg-relation = Lien avec le chef de ménage
reg-relation-head = Chef de ménage
reg-relation-spouse = Conjoint(e)
reg-relation-child = Enfant
reg-relation-grandchild = Petit-enfant
reg-relation-parent = Parent
reg-relation-other_relative = Autre parent
reg-relation-non_relative = Sans lien de parenté
reg-birth-date = Date de naissance
reg-since = Membre depuis

## Registry import
registry-import-title = Importer dans le registre social
registry-import-lead = Un fichier CSV (UTF-8) ou un classeur XLSX (sa première feuille) dont la première ligne nomme les colonnes. Ménages : une ligne par personne, chaque ménage donné en entier avec un seul chef de ménage. Indices : clé du ménage, valeur, date et source. Dans un classeur, les lignes signalées sont les numéros de ligne de la feuille. Si une ligne est refusée, rien n'est importé ; importer deux fois le même fichier ne change rien.
registry-import-file = Fichier CSV ou XLSX
registry-import-no-file = Choisissez un fichier CSV ou XLSX.
registry-import-kind = Fichier
registry-import-kind-households = Ménages et personnes
registry-import-kind-index = Indices du registre social
registry-import-households-inserted = { PLURAL($count) ->
    [one] { $count } ménage ajouté
   *[other] { $count } ménages ajoutés
}
registry-import-households-updated = { PLURAL($count) ->
    [one] { $count } ménage mis à jour
   *[other] { $count } ménages mis à jour
}
registry-import-persons-inserted = { PLURAL($count) ->
    [one] { $count } personne ajoutée
   *[other] { $count } personnes ajoutées
}
registry-import-persons-updated = { PLURAL($count) ->
    [one] { $count } personne mise à jour
   *[other] { $count } personnes mises à jour
}
registry-import-moves = { PLURAL($count) ->
    [one] { $count } arrivée ou changement de ménage
   *[other] { $count } arrivées ou changements de ménage
}
registry-import-values-inserted = { PLURAL($count) ->
    [one] { $count } indice ajouté
   *[other] { $count } indices ajoutés
}
registry-import-values-updated = { PLURAL($count) ->
    [one] { $count } indice corrigé
   *[other] { $count } indices corrigés
}
registry-import-values-unchanged = { PLURAL($count) ->
    [one] { $count } indice inchangé
   *[other] { $count } indices inchangés
}
registry-import-columns = La première ligne ne nomme pas les colonnes attendues.
registry-import-missing = Manquantes : { $columns }.
registry-import-unknown = Inconnues : { $columns }.
registry-import-header = La première ligne ne peut pas être lue.
registry-import-read = Le fichier n'a pas pu être lu jusqu'au bout.
registry-import-spreadsheet = Ce fichier ne peut pas être lu comme un classeur XLSX : il est endommagé, protégé par un mot de passe ou d'un autre format. Enregistrez-le au format XLSX ou CSV, puis importez-le à nouveau.
registry-import-rows = Des lignes ont été refusées.
registry-malformed-row = Cette ligne n'a pas la largeur du fichier (CSV), ou n'est pas du texte UTF-8, ou a une valeur dans une colonne sans nom (XLSX).
registry-unknown-commune = Aucune commune n'a ce code.
registry-household-mismatch = Cette colonne du ménage diffère de sa première ligne.
registry-no-person-key = Donnez au moins l'un de cin, population_register_id ou person_key.
registry-name-missing = Donnez le prénom et le nom en arabe ou en caractères latins.
registry-disability-card-without-flag = Une carte de handicap n'est acceptée qu'avec disabled = oui.
registry-duplicate-person = Cette personne figure déjà sur une autre ligne du fichier.
registry-head-count = Un ménage a un et un seul chef de ménage.
registry-identity-conflict = Les identifiants de cette ligne désignent des personnes différentes du registre.
registry-move-before-current-stay = La date d'arrivée précède le début du séjour actuel de la personne.
registry-unknown-household = Aucun ménage du registre n'a cette clé.
registry-duplicate-index-value = Le même ménage, la même date et la même source figurent sur une autre ligne.
registry-valid-to-before-date = La fin de validité précède la date de l'indice.
registry-empty = Valeur obligatoire.
registry-too-long = Valeur trop longue.
registry-household-key = Clé de ménage invalide (lettres, chiffres, - _ / ., 32 caractères au plus).
registry-person-key = Clé de personne invalide (64 caractères au plus).
registry-cin = Numéro de CIN invalide (une ou deux lettres puis un à six chiffres).
registry-population-register-id = Identifiant du registre national de la population invalide (6 à 20 chiffres).
registry-date = Date invalide (AAAA-MM-JJ ou JJ/MM/AAAA).
registry-date-in-future = Cette date est dans le futur.
registry-date-too-old = Cette date est trop ancienne.
registry-sex = Sexe invalide (male, female, m, f).
registry-relation = Lien avec le chef de ménage invalide.
registry-schooling = Scolarité invalide (enrolled, left, never).
registry-flag = Valeur oui/non invalide.
registry-index-source = Source invalide (registry, declared, staff).
registry-index-value = Indice invalide (un nombre positif).
api-op-update_establishment = Modifier la fiche d'un établissement du périmètre de l'appelant (seuls les champs donnés changent)
assoc-documents = Documents de l'association
assoc-doc-statutes = Statuts
assoc-doc-registration_receipt = Récépissé de dépôt
assoc-doc-board_minutes = Procès-verbal d'élection du bureau
api-op-update_association = Modifier une association du périmètre de l'appelant (seuls les champs donnés changent)

# Lists: sortable, paged tables
pager-position = Page { $page } sur { $pages }
users-search = Identifiant ou nom
users-count = { PLURAL($count) ->
    [one] { $count } compte
   *[other] { $count } comptes
}
audit-count = { PLURAL($count) ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
# Confirmations of destructive actions
confirm-required = Cochez la case pour confirmer.
est-confirm = Je confirme ce changement de statut (un refus, une suspension, un retrait ou une fermeture arrête l'établissement).
est-error-confirm = Pour refuser, suspendre, retirer ou fermer, cochez la case de confirmation.
assoc-remove-confirm = Je confirme le retrait de ce membre du bureau.
# Dashboard figures
fig-establishments-title = Établissements de votre périmètre
fig-places = Places occupées / autorisées
fig-applications-title = Demandes de prestations de votre périmètre
fig-applications-mine = Demandes qui vous sont confiées
fig-applications-overdue = Demandes en retard (délai dépassé)
fig-programmes-title = Programmes et registre
fig-households = Ménages du registre
fig-audit-today = Entrées du journal aujourd'hui
