# The API reference page (French).
api-title = API
api-lead = Une API JSON documentée selon OpenAPI. Le document complet est disponible en format lisible par machine :
api-col-method = Méthode
api-col-path = Chemin
api-col-summary = Description
api-col-params = Paramètres
api-op-openapi = Le document OpenAPI de cette API
api-op-list_programmes = Programmes avec leur version en vigueur
api-op-get_programme = Un programme et les versions de ses règles
api-op-create_programme = Créer un programme
api-op-create_programme_draft = Écrire une version de règles (brouillon vérifié par le moteur)
api-op-simulate_programme_version = Simuler une version par province sur le territoire de l’appelant
api-op-activate_programme_version = Activer une version brouillon
api-op-list_households = Ménages du registre sur le territoire de l’appelant
api-op-get_household = Un ménage, son indice et pourquoi il est ou non éligible
api-op-whoami = Le compte appelant et ses habilitations
