# Registering one person in the social registry (/persons/new).
person-entry-title = Inscrire une personne au registre
person-entry-hint = Saisissez la personne. Avant l'enregistrement, les personnes du registre qui pourraient être la même sont montrées avec leurs raisons : reliez-la à l'une d'elles ou confirmez une nouvelle personne (elle est inscrite avec un ménage à elle dans la commune choisie).
person-entry-names = Nom
person-entry-names-hint = Le prénom et le nom dans au moins une écriture ; les deux si vous les connaissez.
person-entry-first-name-ar = Prénom en arabe
person-entry-last-name-ar = Nom en arabe
person-entry-first-name-lat = Prénom en lettres latines
person-entry-last-name-lat = Nom en lettres latines
person-entry-cin = Numéro de CIN (s'il y en a un)
person-entry-commune = Commune
person-entry-save = Vérifier et inscrire
person-entry-household = ménage
person-entry-done-new = Nouvelle personne inscrite au registre.
person-entry-done-linked = Personne déjà inscrite au registre : rien de nouveau n'a été créé, la décision est gardée.
person-entry-error-name = Saisissez le prénom et le nom dans au moins une écriture.
person-entry-error-script-ar = Lettres arabes seulement dans ce champ.
person-entry-error-script-lat = Lettres latines seulement dans ce champ.
person-entry-error-commune = Choisissez une commune de la liste.
person-entry-error-cin-taken = Ce numéro de CIN est déjà inscrit au registre.
# A beneficiary file's registry person.
care-registry-person = Personne du registre social
care-registry-name = Nom au registre
care-registry-household = Ménage au registre
care-registry-linked-unreadable = Ce dossier est relié à une personne du registre social, que vous ne consultez pas.
person-entry-link = Inscrire une nouvelle personne
