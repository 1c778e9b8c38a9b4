"""The fictional network of the judged corpus: structures, authors, parcours (all invented)."""

from datetime import date

# (name, kind, département, communes of its area — the first is its seat)
STRUCTURES = [
    (
        "Tiers-lieu La Fabrique du Lot",
        "tiers-lieu",
        "46",
        ["Figeac", "Capdenac-Gare", "Lacapelle-Marival"],
    ),
    (
        "Cap Coopératif",
        "association",
        "12",
        ["Villefranche-de-Rouergue", "Decazeville", "Rieupeyroux"],
    ),
    ("L'Établi des Causses", "tiers-lieu", "46", ["Saint-Céré", "Gramat", "Bretenoux"]),
    ("Pôle territorial Cœur d'Albret", "pole-territorial", "47", ["Nérac", "Mézin", "Lavardac"]),
    ("Le Germoir corrézien", "incubateur", "19", ["Tulle", "Ussel", "Égletons"]),
    ("Association Les Mains Vertes", "association", "32", ["Auch", "Condom", "Mirande"]),
    ("La Ruche d'Aubrac", "tiers-lieu", "48", ["Marvejols", "Saint-Chély-d'Apcher", "Nasbinals"]),
    (
        "Pépinière ESS du Val de Creuse",
        "incubateur",
        "23",
        ["Guéret", "Aubusson", "La Souterraine"],
    ),
    (
        "Communauté de communes Vallée de la Dordogne",
        "collectivite",
        "24",
        ["Sarlat-la-Canéda", "Saint-Cyprien", "Le Bugue"],
    ),
    ("Le Moulin des Graves", "tiers-lieu", "33", ["Langon", "Bazas", "Saint-Macaire"]),
    ("Coopérative Élan Béarn", "autre", "64", ["Oloron-Sainte-Marie", "Mauléon-Licharre", "Arudy"]),
    (
        "Trait d'Union Ariège",
        "association",
        "09",
        ["Saint-Girons", "Castillon-en-Couserans", "Massat"],
    ),
    (
        "La Grange aux Projets",
        "tiers-lieu",
        "36",
        ["La Châtre", "Aigurande", "Sainte-Sévère-sur-Indre"],
    ),
    (
        "Le Quai des Possibles",
        "association",
        "89",
        ["Saint-Fargeau", "Toucy", "Saint-Sauveur-en-Puisaye"],
    ),
]

# (display name, index of the structure in STRUCTURES, typed in NFD on a Mac)
AUTHORS = [
    ("Claire Fabre", 0, False),
    ("Jean-Baptiste Roux", 0, False),
    ("Hélène Bousquet", 1, False),
    ("Karim Benali", 1, False),
    ("Zoé Lefèvre-Castan", 2, False),
    ("Mathieu Delpech", 2, False),
    ("Anaïs Peyrot", 3, False),
    ("Marie-Laure Combes", 4, False),
    ("Théo Vidal", 4, False),
    ("Inès Garrigue", 5, False),
    ("François Lacoste", 6, False),
    ("Léa Marty", 6, False),
    ("Noé Duthil", 7, False),
    ("Aurélien Cazals", 8, False),
    ("Sandrine Brunet-Delmas", 8, False),
    ("Yasmine Haddad", 9, False),
    ("Gaëlle Le Goff", 10, False),
    ("Olivier Séguy", 10, True),
    ("Chloé Arnaud", 11, False),
    ("Pierre-Yves Lamothe", 12, False),
    ("Maëlle Rivière", 12, True),
    ("Bastien Faure", 13, False),
    ("Nadia Cherki", 13, False),
    ("Émeline Dupuy-Ferrand", 3, False),
]

# (title, structures (indexes; the first runs it), place, start, end)
PARCOURS = [
    ("Premiers pas Figeac 2024-2025", [0], "Figeac", date(2024, 9, 16), date(2025, 6, 27)),
    ("Parcours Ségala-Limargue", [0], "Lacapelle-Marival", date(2023, 10, 2), date(2024, 4, 26)),
    (
        "Cap sur l'ESS en Rouergue",
        [1],
        "Villefranche-de-Rouergue",
        date(2024, 1, 8),
        date(2024, 7, 5),
    ),
    (
        "Premiers pas Bassin de Decazeville 2024-2025",
        [1],
        "Decazeville",
        date(2024, 9, 9),
        date(2025, 6, 20),
    ),
    ("Premiers pas en Haut-Quercy", [2], "Saint-Céré", date(2024, 2, 5), date(2024, 12, 13)),
    ("Parcours Causses et Vallée", [2, 0], "Gramat", date(2025, 1, 13), date(2025, 10, 24)),
    ("Premiers pas en Albret", [3], "Nérac", date(2024, 10, 7), date(2025, 5, 30)),
    ("Germoir Haute-Corrèze", [4], "Ussel", date(2023, 9, 11), date(2024, 6, 28)),
    ("Germoir Tulle 2024-2025", [4], "Tulle", date(2024, 9, 23), date(2025, 6, 27)),
    ("Parcours Gascogne solidaire", [5], "Auch", date(2024, 3, 4), date(2025, 2, 28)),
    ("Parcours Aubrac-Margeride", [6], "Marvejols", date(2024, 4, 8), date(2025, 3, 28)),
    ("Pépinière Val de Creuse 2024-2025", [7], "Guéret", date(2024, 9, 2), date(2025, 6, 27)),
    (
        "Premiers pas en Périgord Noir",
        [8],
        "Sarlat-la-Canéda",
        date(2023, 11, 6),
        date(2024, 10, 25),
    ),
    ("Premiers pas Sud-Gironde", [9, 3], "Langon", date(2024, 5, 13), date(2025, 4, 25)),
    ("Premiers pas en Haut-Béarn", [10], "Oloron-Sainte-Marie", date(2024, 9, 9), date(2025, 7, 4)),
    ("Premiers pas en Couserans", [11], "Saint-Girons", date(2024, 1, 15), date(2024, 12, 20)),
    ("Parcours Boischaut Sud", [12], "La Châtre", date(2024, 9, 16), date(2025, 6, 27)),
    (
        "Premiers pas en Puisaye-Forterre",
        [13],
        "Saint-Fargeau",
        date(2025, 1, 6),
        date(2025, 11, 21),
    ),
]
