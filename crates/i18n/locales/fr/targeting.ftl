# Programmes, rule versions and the social registry (French).
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
