# Territory browser (French).
geo-territories-title = Découpage territorial
geo-territories-lead = Les douze régions, puis les préfectures et provinces, puis les communes, selon la codification du Haut-Commissariat au Plan.
geo-regions-title = Régions
geo-col-code = Code
geo-col-name = Nom
geo-col-kind = Type
geo-col-population = Population (2024)
geo-col-households = Ménages (2024)
geo-col-communes = Communes
geo-col-delegation = Délégation
geo-provinces-of = Préfectures et provinces de la région { $name }
geo-communes-of = Communes de { $name }
geo-communes-count = { PLURAL($count) ->
    [one] { $count } commune
   *[other] { $count } communes
}
geo-kind-province = Province
geo-kind-prefecture = Préfecture
geo-kind-prefecture_of_arrondissements = Préfecture d'arrondissements
geo-kind-urban = Urbaine
geo-kind-rural = Rurale
geo-population-total = Population totale : { $population }
geo-no-delegation = Aucune
