"""Demo meetings of the network (issue 15): besides the sessions of every demo parcours
(forum/demo/network.py, PARCOURS), échanges de pratiques and days of transfer, past and
upcoming. `days` counts from the day the demo is seeded, so there is always something
coming; the ATIS day of the seed article (18 March 2022, eight structures) keeps its date."""

MEETINGS: list[dict] = [
    {
        "kind": "transfert",
        "title": "Journée de transfert du kit « premiers pas » avec ATIS",
        "date": "2022-03-18",
        "hours": (9, 17),
        "structure": "fabrique-du-lot",
        "department": "33",
        "commune": "Bordeaux",
        "capacity": 24,
        "description": "Huit structures découvrent le kit et ses six modules, avec l’équipe "
        "d’ATIS : une journée pour se l’approprier, l’adapter à son territoire et préparer un "
        "premier parcours.",
    },
    {
        "kind": "echange",
        "title": "Échange de pratiques : animer la séance « besoin social »",
        "days": 9,
        "hours": (14, 17),
        "structure": "fabrique-du-lot",
        "department": "46",
        "commune": "Figeac",
        "capacity": 12,
        "modules": [1],
        "description": "Chacun apporte une séance qui a marché, et une qui a coincé. On repart "
        "avec des exercices testés ailleurs.",
    },
    {
        "kind": "echange",
        "title": "Visio du réseau : la mobilité des porteurs en zone rurale",
        "days": 16,
        "hours": (12, 13),
        "structure": "cap-cooperatif",
        "online": "https://visio.example.org/maillage-mobilite",
        "department": "33",
        "capacity": None,
        "description": "Covoiturage, séances itinérantes, visio : ce qui a permis aux porteurs "
        "éloignés de suivre tout le parcours.",
    },
    {
        "kind": "transfert",
        "title": "Journée de transfert du kit en Haute-Corrèze",
        "days": 30,
        "hours": (9, 17),
        "structure": "ptce-haute-correze",
        "department": "19",
        "commune": "Ussel",
        "capacity": 16,
        "description": "Pour les structures du Limousin qui veulent lancer un premier parcours "
        "en 2027.",
    },
    {
        "kind": "echange",
        "title": "Échange de pratiques Gironde : financer un parcours",
        "days": 44,
        "hours": (9, 12),
        "structure": "pole-territorial-sud-gironde",
        "department": "33",
        "commune": "Langon",
        "capacity": 3,
        "visibility": "members",
        "description": "Entre membres : budgets, cofinancements, ce que les financeurs "
        "demandent dans les bilans.",
    },
    {
        "kind": "autre",
        "title": "Rencontre annuelle du réseau Maillage",
        "days": 70,
        "hours": (10, 16),
        "structure": "usine-des-communs",
        "department": "33",
        "commune": "Libourne",
        "capacity": 60,
        "description": "Bilan de l’année, retours croisés et choix des chantiers de l’an prochain.",
    },
    {
        "kind": "echange",
        "title": "Échange de pratiques : la séance « gouvernance »",
        "days": -20,
        "hours": (14, 17),
        "structure": "incubateur-ess-dordogne-perigord",
        "department": "24",
        "commune": "Nontron",
        "capacity": 10,
        "modules": [5],
        "description": "Jeux de rôle et cas concrets pour parler de gouvernance dès les premiers pas.",
    },
]
# A current parcours whose sessions are still to come, so the demo shows « Je viens » on
# real sessions: (days from the seed, town), six half-days.
UPCOMING_PARCOURS = {
    "slug": "premiers-pas-couserans-hiver-2027",
    "title": "Premiers pas Couserans — hiver 2027",
    "structure": "ressources-solidaires-couserans",
    "department": "09",
    "sessions": [
        (-6, "Saint-Girons"),
        (8, "Saint-Girons"),
        (22, "Massat"),
        (36, "Saint-Girons"),
        (50, "Seix"),
        (64, "Saint-Girons"),
    ],
}
