# Partner associations (French).
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
assoc-documents = Documents de l'association
assoc-doc-statutes = Statuts
assoc-doc-registration_receipt = Récépissé de dépôt
assoc-doc-board_minutes = Procès-verbal d'élection du bureau
api-op-update_association = Modifier une association du périmètre de l'appelant (seuls les champs donnés changent)

assoc-remove-confirm = Je confirme le retrait de ce membre du bureau.
