"""Default discussion categories, loaded by `flask bootstrap` (admins may edit them)."""

CATEGORIES: list[dict] = [
    {
        "slug": "questions-de-pratique",
        "name": "Questions de pratique",
        "description": "Une situation d'animation, un porteur à accompagner, un outil qui coince : demandez aux pairs.",
    },
    {
        "slug": "cooperation-entre-structures",
        "name": "Coopération entre structures",
        "description": "Co-construire un parcours, partager un territoire, organiser des échanges entre accompagnateurs.",
    },
    {
        "slug": "financements-et-appels-a-projets",
        "name": "Financements et appels à projets",
        "description": "Appels à projets, financeurs publics et privés, montages pour faire vivre les parcours.",
    },
    {
        "slug": "outils-d-animation",
        "name": "Outils d'animation",
        "description": "Jeux, supports, trames de séance : ce qui marche et comment l'adapter.",
    },
    {
        "slug": "vie-du-reseau",
        "name": "Vie du réseau",
        "description": "Rencontres, journées de transfert, nouvelles des structures et de Maillage.",
    },
]
