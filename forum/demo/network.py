"""The demo network: where it works, its structures, facilitators and parcours.

Everything the demo says about places comes from here: a structure's commune, a parcours's
sessions and every town a report names are in the structure's département (TOWNS).
"""

from __future__ import annotations

# Towns by département: every town a demo text names is listed under its département.
TOWNS: dict[str, list[str]] = {
    "09": ["Saint-Girons", "Foix", "Massat", "Seix", "Castillon-en-Couserans", "Oust",
           "Saint-Lizier", "Aulus-les-Bains", "Sentein"],
    "11": ["Limoux", "Quillan", "Chalabre", "Espéraza"],
    "12": ["Rodez", "Villefranche-de-Rouergue", "Decazeville", "Rieupeyroux", "Naucelle",
           "Baraqueville", "La Salvetat-Peyralès", "Sauveterre-de-Rouergue", "Rignac", "Millau"],
    "19": ["Ussel", "Meymac", "Bort-les-Orgues", "Neuvic", "Égletons", "Sornac", "Peyrelevade",
           "Eygurande", "Tulle"],
    "23": ["Guéret", "Aubusson", "Felletin", "Bourganeuf", "La Souterraine",
           "Royère-de-Vassivière", "Gentioux-Pigerolles", "Crocq", "Faux-la-Montagne"],
    "24": ["Périgueux", "Nontron", "Ribérac", "Sarlat-la-Canéda", "Bergerac", "Thiviers",
           "Brantôme", "Piégut-Pluviers", "Eymet", "Lalinde", "Le Bugue", "Salignac-Eyvigues"],
    "31": ["Saint-Gaudens", "Aspet", "Boulogne-sur-Gesse", "Salies-du-Salat"],
    "32": ["Auch", "Mirande", "Masseube", "Seissan", "Simorre", "Saramon"],
    "33": ["Langon", "Bazas", "La Réole", "Libourne", "Coutras", "Saint-Macaire", "Villandraut",
           "Captieux", "Auros", "Saint-Seurin-sur-l'Isle", "Guîtres", "Bordeaux"],
    "46": ["Figeac", "Cahors", "Gourdon", "Saint-Céré", "Gramat", "Cajarc", "Lacapelle-Marival",
           "Latronquière", "Bagnac-sur-Célé", "Leyme", "Assier"],
    "47": ["Marmande", "Tonneins", "Casteljaloux", "Le Mas-d'Agenais", "Nérac", "Seyches",
           "Miramont-de-Guyenne", "Meilhan-sur-Garonne", "Agen"],
    "48": ["Florac-Trois-Rivières", "Mende"],
    "65": ["Lannemezan", "Castelnau-Magnoac", "Trie-sur-Baïse", "Bagnères-de-Bigorre"],
    "79": ["Parthenay", "Bressuire", "Secondigny", "Thouars", "Niort", "Mazières-en-Gâtine",
           "L'Absie", "Ménigoute", "Champdeniers"],
    "81": ["Carmaux", "Albi", "Gaillac", "Lacaune", "Castres", "Monestiés", "Valence-d'Albigeois",
           "Blaye-les-Mines", "Pampelonne", "Cordes-sur-Ciel"],
    "82": ["Caussade", "Saint-Antonin-Noble-Val", "Caylus", "Montauban"],
    "87": ["Saint-Junien", "Bellac", "Eymoutiers", "Saint-Yrieix-la-Perche", "Limoges",
           "Saint-Léonard-de-Noblat", "Peyrat-le-Château", "Châteauneuf-la-Forêt", "Le Dorat",
           "Magnac-Laval"],
}  # fmt: skip

STRUCTURES: list[dict] = [
    {
        "slug": "fabrique-du-lot",
        "name": "Tiers-lieu La Fabrique du Lot",
        "kind": "tiers-lieu",
        "department": "46",
        "commune": "Figeac",
        "website": "https://fabrique-du-lot.example.org",
        "description": (
            "Installé dans une ancienne usine textile près de Figeac, le tiers-lieu "
            "réunit un atelier partagé, un café associatif et un espace de coworking. "
            "Il anime deux parcours premiers pas par an pour les porteurs d'idées du "
            "Figeacois et du Ségala lotois."
        ),
    },
    {
        "slug": "pole-territorial-sud-gironde",
        "name": "Pôle territorial Sud Gironde",
        "kind": "pole-territorial",
        "department": "33",
        "commune": "Langon",
        "website": "https://sud-gironde.example.org",
        "description": (
            "Syndicat mixte porteur du projet de territoire du Sud Gironde, le pôle "
            "anime une mission ESS et un concours d'idées pour les porteurs ruraux. Il "
            "co-construit ses parcours premiers pas avec les associations locales."
        ),
    },
    {
        "slug": "cap-cooperatif",
        "name": "Association Cap Coopératif",
        "kind": "association",
        "department": "33",
        "commune": "La Réole",
        "website": "https://cap-cooperatif.example.org",
        "description": (
            "Association d'accompagnement à la création d'activités solidaires entre "
            "Langon et La Réole. Elle propose des permanences, un parcours premiers pas "
            "et un suivi individuel des projets jusqu'à l'incubation."
        ),
    },
    {
        "slug": "usine-des-communs",
        "name": "Tiers-lieu L'Usine des communs",
        "kind": "tiers-lieu",
        "department": "33",
        "commune": "Libourne",
        "website": "https://usine-des-communs.example.org",
        "description": (
            "Tiers-lieu nourricier et culturel du Libournais, installé dans un ancien "
            "entrepôt agricole. Faute d'offre de pré-incubation ESS sur le territoire, "
            "l'équipe a lancé son propre parcours premiers pas en 2023."
        ),
    },
    {
        "slug": "incubateur-ess-dordogne-perigord",
        "name": "Incubateur ESS Dordogne-Périgord",
        "kind": "incubateur",
        "department": "24",
        "commune": "Périgueux",
        "website": "https://incubateur-dordogne-perigord.example.org",
        "description": (
            "Incubateur départemental dédié aux projets d'innovation sociale, avec des "
            "antennes à Périgueux et Nontron. Il anime des parcours premiers pas en "
            "amont de son programme d'incubation de douze mois."
        ),
    },
    {
        "slug": "incubateur-rural-limousin",
        "name": "Incubateur rural ESS Limousin",
        "kind": "incubateur",
        "department": "87",
        "commune": "Saint-Léonard-de-Noblat",
        "website": "https://incubateur-rural-limousin.example.org",
        "description": (
            "Incubateur itinérant qui se déplace dans les bourgs de Haute-Vienne pour "
            "accompagner les projets d'utilité sociale. Ses parcours premiers pas "
            "tournent entre plusieurs communes pour limiter les trajets des porteurs."
        ),
    },
    {
        "slug": "incubateur-gatine",
        "name": "Incubateur solidaire de Gâtine",
        "kind": "incubateur",
        "department": "79",
        "commune": "Parthenay",
        "website": "https://incubateur-gatine.example.org",
        "description": (
            "Créé par un collectif d'acteurs de l'ESS du nord Deux-Sèvres, l'incubateur "
            "accompagne chaque année une dizaine de projets. Il a adopté le kit premiers "
            "pas pour toucher des porteurs qui n'osaient pas candidater à l'incubation."
        ),
    },
    {
        "slug": "entreprenants-du-segala",
        "name": "Les Entreprenants du Ségala",
        "kind": "association",
        "department": "12",
        "commune": "Rieupeyroux",
        "website": "https://entreprenants-segala.example.org",
        "description": (
            "Association d'habitants et d'entrepreneurs qui soutient la création "
            "d'activités dans le Ségala aveyronnais. Elle organise des cafés-projets "
            "mensuels et un parcours premiers pas chaque automne."
        ),
    },
    {
        "slug": "ressources-solidaires-couserans",
        "name": "Ressources solidaires Couserans",
        "kind": "association",
        "department": "09",
        "commune": "Saint-Girons",
        "website": "https://ressources-couserans.example.org",
        "description": (
            "Association de développement local qui accompagne les initiatives "
            "citoyennes des vallées du Couserans. Elle anime des parcours premiers pas "
            "itinérants, de Saint-Girons aux villages de montagne."
        ),
    },
    {
        "slug": "pole-territorial-val-de-garonne",
        "name": "Pôle territorial Val de Garonne",
        "kind": "pole-territorial",
        "department": "47",
        "commune": "Marmande",
        "website": "https://val-de-garonne.example.org",
        "description": (
            "Pôle d'équilibre territorial et rural regroupant trois intercommunalités "
            "autour de Marmande et Tonneins. Sa chargée de mission ESS coordonne un "
            "réseau d'accompagnateurs et un parcours premiers pas annuel."
        ),
    },
    {
        "slug": "ptce-haute-correze",
        "name": "Pôle territorial de coopération Haute-Corrèze",
        "kind": "pole-territorial",
        "department": "19",
        "commune": "Ussel",
        "website": "https://ptce-haute-correze.example.org",
        "description": (
            "Pôle territorial de coopération économique réunissant entreprises, "
            "associations et collectivités du plateau. Il porte un programme "
            "d'émergence de projets avec un parcours premiers pas chaque hiver."
        ),
    },
    {
        "slug": "la-grange-creuse",
        "name": "Tiers-lieu La Grange",
        "kind": "tiers-lieu",
        "department": "23",
        "commune": "Felletin",
        "website": "https://la-grange-creuse.example.org",
        "description": (
            "Tiers-lieu rural du sud Creuse mêlant fablab, épicerie paysanne et espace "
            "de travail partagé. Ses parcours premiers pas s'appuient sur la communauté "
            "d'usagers du lieu pour accueillir les nouveaux porteurs."
        ),
    },
    {
        "slug": "cc-val-de-gers",
        "name": "Communauté de communes Val de Gers et Coteaux",
        "kind": "collectivite",
        "department": "32",
        "commune": "Masseube",
        "website": "https://cc-val-de-gers.example.org",
        "description": (
            "Intercommunalité rurale de l'Astarac engagée dans une stratégie de "
            "développement de l'ESS. Son service développement économique accueille un "
            "parcours premiers pas animé avec des partenaires associatifs."
        ),
    },
    {
        "slug": "cae-tarn-solidaire",
        "name": "Coopérative d'activité Tarn Solidaire",
        "kind": "autre",
        "department": "81",
        "commune": "Carmaux",
        "website": "https://tarn-solidaire.example.org",
        "description": (
            "Coopérative d'activité et d'emploi qui permet de tester une activité en "
            "conservant un cadre salarié. Elle propose des parcours premiers pas aux "
            "porteurs du Carmausin et du Ségala tarnais avant l'entrée en test."
        ),
    },
]


# Registration dates are spread over the network's life, each before the member's first
# report; the administrator's account comes first.
DEMO_ADMIN = {
    "email": "admin@example.org",
    "display_name": "Équipe Maillage",
    "joined": "2022-11-02 10:00",
}

FACILITATORS: list[dict] = [
    {
        "display_name": "Claire Fabre",
        "email": "claire.fabre@example.org",
        "joined": "2022-11-14 09:12",
        "structure": "fabrique-du-lot",
        "bio": "Coordinatrice du tiers-lieu, elle anime les parcours premiers pas du Figeacois depuis 2022.",
    },
    {
        "display_name": "Mathieu Lacoste",
        "email": "mathieu.lacoste@example.org",
        "joined": "2022-11-15 14:40",
        "structure": "pole-territorial-sud-gironde",
        "bio": "Chargé de mission ESS au pôle territorial, il organise le concours d'idées et co-anime le parcours avec les associations locales.",
    },
    {
        "display_name": "Sandrine Dupuy",
        "email": "sandrine.dupuy@example.org",
        "joined": "2023-01-09 10:05",
        "structure": "cap-cooperatif",
        "bio": "Directrice de l'association, ancienne éducatrice spécialisée, elle accompagne des projets solidaires en Sud Gironde depuis dix ans.",
    },
    {
        "display_name": "Thomas Bellocq",
        "email": "thomas.bellocq@example.org",
        "joined": "2023-02-20 17:31",
        "structure": "usine-des-communs",
        "bio": "Animateur du tiers-lieu, il a monté le premier parcours de pré-incubation ESS du Libournais.",
    },
    {
        "display_name": "Élodie Marchand",
        "email": "elodie.marchand@example.org",
        "joined": "2023-06-12 11:47",
        "structure": "incubateur-ess-dordogne-perigord",
        "bio": "Chargée d'accompagnement à l'incubateur, elle s'occupe de l'antenne du Périgord vert.",
    },
    {
        "display_name": "Julien Faure",
        "email": "julien.faure@example.org",
        "joined": "2023-09-04 08:55",
        "structure": "incubateur-rural-limousin",
        "bio": "Responsable de l'incubateur itinérant, il sillonne la Haute-Vienne pour aller au-devant des porteurs d'idées.",
    },
    {
        "display_name": "Anaïs Girard",
        "email": "anais.girard@example.org",
        "joined": "2024-02-05 13:20",
        "structure": "incubateur-gatine",
        "bio": "Accompagnatrice à l'incubateur, passionnée d'éducation populaire et de méthodes d'animation participatives.",
    },
    {
        "display_name": "Pierre Vidal",
        "email": "pierre.vidal@example.org",
        "joined": "2023-11-28 21:03",
        "structure": "entreprenants-du-segala",
        "bio": "Ancien artisan, bénévole puis salarié de l'association, il anime les cafés-projets du Ségala.",
    },
    {
        "display_name": "Manon Rivière",
        "email": "manon.riviere@example.org",
        "joined": "2024-01-16 09:38",
        "structure": "ressources-solidaires-couserans",
        "bio": "Animatrice de développement local, elle organise des parcours itinérants dans les vallées du Couserans.",
    },
    {
        "display_name": "Nicolas Lafon",
        "email": "nicolas.lafon@example.org",
        "joined": "2024-05-21 15:02",
        "structure": "pole-territorial-val-de-garonne",
        "bio": "Chargé de mission ESS au pôle territorial, il coordonne le réseau des accompagnateurs du Val de Garonne.",
    },
    {
        "display_name": "Hélène Chastaing",
        "email": "helene.chastaing@example.org",
        "joined": "2024-06-03 10:26",
        "structure": "ptce-haute-correze",
        "bio": "Coordinatrice du pôle de coopération, elle a lancé le programme d'émergence de projets du plateau.",
    },
    {
        "display_name": "Lucie Moreau",
        "email": "lucie.moreau@example.org",
        "joined": "2023-09-25 19:44",
        "structure": "la-grange-creuse",
        "bio": "Cofondatrice du tiers-lieu La Grange, elle accompagne les porteurs de projet qui poussent la porte du lieu.",
    },
    {
        "display_name": "Baptiste Sarrazin",
        "email": "baptiste.sarrazin@example.org",
        "joined": "2024-04-09 11:15",
        "structure": "cc-val-de-gers",
        "bio": "Chargé de développement économique à la communauté de communes, il suit les projets de l'ESS du territoire.",
    },
    {
        "display_name": "Fanny Cazals",
        "email": "fanny.cazals@example.org",
        "joined": "2024-10-14 16:09",
        "structure": "cae-tarn-solidaire",
        "bio": "Chargée d'accompagnement à la coopérative d'activité, elle prépare les porteurs à l'entrée en test d'activité.",
    },
    {
        "display_name": "Antoine Delpech",
        "email": "antoine.delpech@example.org",
        "joined": "2024-03-11 20:17",
        "structure": "fabrique-du-lot",
        "bio": "Facilitateur et menuisier, il co-anime les parcours du tiers-lieu et gère l'atelier partagé.",
    },
    {
        "display_name": "Camille Bernard",
        "email": "camille.bernard@example.org",
        "joined": "2024-01-08 09:51",
        "structure": "incubateur-ess-dordogne-perigord",
        "bio": "Chargée d'accompagnement, elle anime les parcours premiers pas du Bergeracois et du Sarladais.",
    },
    {
        "display_name": "Sophie Laborde",
        "email": "sophie.laborde@example.org",
        "joined": "2025-02-24 14:33",
        "structure": "pole-territorial-sud-gironde",
        "bio": "Animatrice du contrat local de santé, elle rejoint le parcours sur les projets liés au bien vieillir.",
    },
    {
        "display_name": "Yannick Le Goff",
        "email": "yannick.legoff@example.org",
        "joined": "2025-09-15 08:42",
        "structure": "ptce-haute-correze",
        "bio": "Chargé de projets au pôle de coopération, il accompagne les collectifs d'habitants du plateau.",
    },
    {
        "display_name": "Marion Teyssier",
        "email": "marion.teyssier@example.org",
        "joined": "2024-09-02 18:25",
        "structure": None,
        "bio": "Facilitatrice indépendante, elle co-anime des parcours premiers pas pour plusieurs structures d'Occitanie.",
    },
    {
        "display_name": "Karim Benali",
        "email": "karim.benali@example.org",
        "joined": "2025-01-20 12:58",
        "structure": None,
        "bio": "Consultant en économie sociale et solidaire, il intervient sur les séances modèle économique et gouvernance.",
    },
]


def _parcours(slug: str, title: str, structures: list[str], cohort: int, sessions: list) -> dict:
    return {
        "slug": slug,
        "title": title,
        "place": sessions[0][1],
        "department": next(s["department"] for s in STRUCTURES if s["slug"] == structures[0]),
        "start_date": sessions[0][0],
        "end_date": sessions[-1][0],
        "cohort_size": cohort,
        "structures": structures,
        "sessions": sessions,
    }


# Each parcours: six half-day sessions (date, town), in order; a report of session N of a
# parcours takes its date and town from here, so a session is written up once, in its place.
PARCOURS: list[dict] = [
    _parcours(
        "premiers-pas-figeacois-automne-2024",
        "Premiers pas Figeacois — automne 2024",
        ["fabrique-du-lot"],
        8,
        [
            ("2024-09-24", "Figeac"),
            ("2024-10-08", "Figeac"),
            ("2024-10-15", "Saint-Céré"),
            ("2024-11-05", "Figeac"),
            ("2024-11-19", "Gramat"),
            ("2024-11-26", "Figeac"),
        ],
    ),
    _parcours(
        "premiers-pas-segala-lotois-printemps-2025",
        "Premiers pas Ségala lotois — printemps 2025",
        ["fabrique-du-lot"],
        7,
        [
            ("2025-03-06", "Lacapelle-Marival"),
            ("2025-03-20", "Lacapelle-Marival"),
            ("2025-04-03", "Latronquière"),
            ("2025-04-29", "Lacapelle-Marival"),
            ("2025-05-15", "Leyme"),
            ("2025-05-27", "Lacapelle-Marival"),
        ],
    ),
    _parcours(
        "premiers-pas-figeacois-automne-2025",
        "Premiers pas Figeacois — automne 2025",
        ["fabrique-du-lot"],
        10,
        [
            ("2025-09-23", "Figeac"),
            ("2025-10-07", "Figeac"),
            ("2025-10-14", "Bagnac-sur-Célé"),
            ("2025-11-04", "Figeac"),
            ("2025-11-18", "Assier"),
            ("2025-12-02", "Figeac"),
        ],
    ),
    _parcours(
        "premiers-pas-vallee-du-lot-automne-2026",
        "Premiers pas Vallée du Lot — automne 2026",
        ["fabrique-du-lot"],
        9,
        [
            ("2026-09-22", "Cajarc"),
            ("2026-10-06", "Cajarc"),
            ("2026-10-13", "Cajarc"),
            ("2026-11-03", "Figeac"),
            ("2026-11-17", "Cajarc"),
            ("2026-12-01", "Cajarc"),
        ],
    ),
    _parcours(
        "premiers-pas-sud-gironde-printemps-2025",
        "Premiers pas Sud Gironde — printemps 2025",
        ["pole-territorial-sud-gironde", "cap-cooperatif"],
        10,
        [
            ("2025-03-11", "Langon"),
            ("2025-03-25", "Langon"),
            ("2025-04-08", "Saint-Macaire"),
            ("2025-04-29", "Langon"),
            ("2025-05-13", "La Réole"),
            ("2025-05-20", "Langon"),
        ],
    ),
    _parcours(
        "premiers-pas-reolais-automne-2023",
        "Premiers pas Réolais — automne 2023",
        ["cap-cooperatif"],
        8,
        [
            ("2023-10-03", "La Réole"),
            ("2023-10-17", "La Réole"),
            ("2023-11-07", "Auros"),
            ("2023-11-21", "La Réole"),
            ("2023-12-05", "La Réole"),
            ("2023-12-12", "La Réole"),
        ],
    ),
    _parcours(
        "premiers-pas-bazadais-automne-2025",
        "Premiers pas Bazadais — automne 2025",
        ["pole-territorial-sud-gironde", "cap-cooperatif"],
        9,
        [
            ("2025-09-29", "Bazas"),
            ("2025-10-13", "Bazas"),
            ("2025-11-03", "Captieux"),
            ("2025-11-17", "Bazas"),
            ("2025-12-01", "Villandraut"),
            ("2025-12-15", "Bazas"),
        ],
    ),
    _parcours(
        "premiers-pas-libournais-printemps-2023",
        "Premiers pas Libournais — printemps 2023",
        ["usine-des-communs"],
        7,
        [
            ("2023-03-14", "Libourne"),
            ("2023-03-28", "Libourne"),
            ("2023-04-04", "Libourne"),
            ("2023-04-25", "Libourne"),
            ("2023-05-09", "Libourne"),
            ("2023-05-23", "Libourne"),
        ],
    ),
    _parcours(
        "premiers-pas-nord-libournais-automne-2024",
        "Premiers pas Nord Libournais — automne 2024",
        ["usine-des-communs"],
        9,
        [
            ("2024-09-26", "Coutras"),
            ("2024-10-10", "Coutras"),
            ("2024-10-17", "Guîtres"),
            ("2024-11-07", "Coutras"),
            ("2024-11-21", "Saint-Seurin-sur-l'Isle"),
            ("2024-12-05", "Coutras"),
        ],
    ),
    _parcours(
        "premiers-pas-perigord-vert-automne-2025",
        "Premiers pas Périgord vert — automne 2025",
        ["incubateur-ess-dordogne-perigord"],
        12,
        [
            ("2025-09-30", "Nontron"),
            ("2025-10-14", "Nontron"),
            ("2025-11-05", "Piégut-Pluviers"),
            ("2025-11-18", "Nontron"),
            ("2025-11-25", "Thiviers"),
            ("2025-12-09", "Nontron"),
        ],
    ),
    _parcours(
        "premiers-pas-bergeracois-printemps-2024",
        "Premiers pas Bergeracois — printemps 2024",
        ["incubateur-ess-dordogne-perigord"],
        10,
        [
            ("2024-03-06", "Bergerac"),
            ("2024-03-20", "Bergerac"),
            ("2024-04-03", "Eymet"),
            ("2024-04-24", "Bergerac"),
            ("2024-05-15", "Lalinde"),
            ("2024-05-29", "Bergerac"),
        ],
    ),
    _parcours(
        "premiers-pas-sarladais-printemps-2026",
        "Premiers pas Sarladais — printemps 2026",
        ["incubateur-ess-dordogne-perigord"],
        8,
        [
            ("2026-03-03", "Sarlat-la-Canéda"),
            ("2026-03-17", "Sarlat-la-Canéda"),
            ("2026-03-31", "Salignac-Eyvigues"),
            ("2026-04-28", "Sarlat-la-Canéda"),
            ("2026-05-12", "Le Bugue"),
            ("2026-05-26", "Sarlat-la-Canéda"),
        ],
    ),
    _parcours(
        "premiers-pas-montagne-limousine-automne-2024",
        "Premiers pas Montagne limousine — automne 2024",
        ["incubateur-rural-limousin"],
        8,
        [
            ("2024-09-19", "Eymoutiers"),
            ("2024-10-03", "Peyrat-le-Château"),
            ("2024-10-17", "Saint-Léonard-de-Noblat"),
            ("2024-11-07", "Eymoutiers"),
            ("2024-11-21", "Châteauneuf-la-Forêt"),
            ("2024-12-05", "Eymoutiers"),
        ],
    ),
    _parcours(
        "premiers-pas-basse-marche-printemps-2025",
        "Premiers pas Basse-Marche — printemps 2025",
        ["incubateur-rural-limousin"],
        9,
        [
            ("2025-03-13", "Bellac"),
            ("2025-03-27", "Le Dorat"),
            ("2025-04-10", "Bellac"),
            ("2025-05-06", "Magnac-Laval"),
            ("2025-05-20", "Bellac"),
            ("2025-06-03", "Bellac"),
        ],
    ),
    _parcours(
        "premiers-pas-gatine-printemps-2026",
        "Premiers pas Gâtine — printemps 2026",
        ["incubateur-gatine"],
        7,
        [
            ("2026-03-24", "Parthenay"),
            ("2026-04-21", "Parthenay"),
            ("2026-05-05", "Mazières-en-Gâtine"),
            ("2026-05-19", "Parthenay"),
            ("2026-05-26", "Ménigoute"),
            ("2026-06-09", "Parthenay"),
        ],
    ),
    _parcours(
        "premiers-pas-gatine-automne-2024",
        "Premiers pas Gâtine — automne 2024",
        ["incubateur-gatine"],
        8,
        [
            ("2024-09-19", "Secondigny"),
            ("2024-10-03", "Secondigny"),
            ("2024-10-17", "L'Absie"),
            ("2024-11-07", "Secondigny"),
            ("2024-11-21", "Parthenay"),
            ("2024-12-05", "Secondigny"),
        ],
    ),
    _parcours(
        "premiers-pas-segala-aveyronnais-automne-2024",
        "Premiers pas Ségala aveyronnais — automne 2024",
        ["entreprenants-du-segala"],
        9,
        [
            ("2024-09-30", "Rieupeyroux"),
            ("2024-10-14", "Rieupeyroux"),
            ("2024-11-04", "La Salvetat-Peyralès"),
            ("2024-11-18", "Rieupeyroux"),
            ("2024-12-02", "Baraqueville"),
            ("2024-12-16", "Rieupeyroux"),
        ],
    ),
    _parcours(
        "premiers-pas-segala-aveyronnais-automne-2025",
        "Premiers pas Ségala aveyronnais — automne 2025",
        ["entreprenants-du-segala"],
        8,
        [
            ("2025-10-01", "Naucelle"),
            ("2025-10-15", "Naucelle"),
            ("2025-11-05", "Sauveterre-de-Rouergue"),
            ("2025-11-19", "Naucelle"),
            ("2025-12-03", "Naucelle"),
            ("2025-12-17", "Naucelle"),
        ],
    ),
    _parcours(
        "premiers-pas-couserans-printemps-2024",
        "Premiers pas Couserans — printemps 2024",
        ["ressources-solidaires-couserans"],
        8,
        [
            ("2024-03-07", "Saint-Girons"),
            ("2024-03-21", "Massat"),
            ("2024-04-04", "Seix"),
            ("2024-05-02", "Castillon-en-Couserans"),
            ("2024-05-16", "Oust"),
            ("2024-05-30", "Saint-Girons"),
        ],
    ),
    _parcours(
        "premiers-pas-couserans-automne-2025",
        "Premiers pas Couserans — automne 2025",
        ["ressources-solidaires-couserans"],
        7,
        [
            ("2025-10-02", "Castillon-en-Couserans"),
            ("2025-10-16", "Castillon-en-Couserans"),
            ("2025-11-06", "Sentein"),
            ("2025-11-20", "Saint-Girons"),
            ("2025-12-04", "Castillon-en-Couserans"),
            ("2025-12-11", "Castillon-en-Couserans"),
        ],
    ),
    _parcours(
        "premiers-pas-val-de-garonne-automne-2024",
        "Premiers pas Val de Garonne — automne 2024",
        ["pole-territorial-val-de-garonne"],
        10,
        [
            ("2024-09-23", "Marmande"),
            ("2024-10-07", "Marmande"),
            ("2024-10-14", "Seyches"),
            ("2024-11-04", "Marmande"),
            ("2024-11-18", "Tonneins"),
            ("2024-12-02", "Marmande"),
        ],
    ),
    _parcours(
        "premiers-pas-val-de-garonne-printemps-2026",
        "Premiers pas Val de Garonne — printemps 2026",
        ["pole-territorial-val-de-garonne"],
        9,
        [
            ("2026-03-05", "Tonneins"),
            ("2026-03-19", "Tonneins"),
            ("2026-04-02", "Le Mas-d'Agenais"),
            ("2026-04-23", "Tonneins"),
            ("2026-05-07", "Casteljaloux"),
            ("2026-05-21", "Tonneins"),
        ],
    ),
    _parcours(
        "premiers-pas-haute-correze-hiver-2026",
        "Premiers pas Haute-Corrèze — hiver 2026",
        ["ptce-haute-correze"],
        9,
        [
            ("2026-01-13", "Ussel"),
            ("2026-01-27", "Ussel"),
            ("2026-02-03", "Meymac"),
            ("2026-03-03", "Ussel"),
            ("2026-03-10", "Neuvic"),
            ("2026-03-17", "Ussel"),
        ],
    ),
    _parcours(
        "premiers-pas-haute-correze-hiver-2025",
        "Premiers pas Haute-Corrèze — hiver 2025",
        ["ptce-haute-correze"],
        8,
        [
            ("2025-01-14", "Meymac"),
            ("2025-01-28", "Meymac"),
            ("2025-02-11", "Bort-les-Orgues"),
            ("2025-03-11", "Meymac"),
            ("2025-03-18", "Sornac"),
            ("2025-03-25", "Meymac"),
        ],
    ),
    _parcours(
        "premiers-pas-sud-creuse-automne-2023",
        "Premiers pas sud Creuse — automne 2023",
        ["la-grange-creuse"],
        6,
        [
            ("2023-10-05", "Felletin"),
            ("2023-10-19", "Felletin"),
            ("2023-11-09", "Aubusson"),
            ("2023-11-23", "Felletin"),
            ("2023-12-07", "Felletin"),
            ("2023-12-14", "Felletin"),
        ],
    ),
    _parcours(
        "premiers-pas-sud-creuse-printemps-2025",
        "Premiers pas sud Creuse — printemps 2025",
        ["la-grange-creuse"],
        8,
        [
            ("2025-03-17", "Felletin"),
            ("2025-03-31", "Royère-de-Vassivière"),
            ("2025-04-07", "Felletin"),
            ("2025-04-28", "Gentioux-Pigerolles"),
            ("2025-05-12", "Felletin"),
            ("2025-05-26", "Felletin"),
        ],
    ),
    _parcours(
        "premiers-pas-astarac-automne-2024",
        "Premiers pas Astarac — automne 2024",
        ["cc-val-de-gers"],
        8,
        [
            ("2024-09-27", "Masseube"),
            ("2024-10-11", "Masseube"),
            ("2024-10-18", "Simorre"),
            ("2024-11-08", "Masseube"),
            ("2024-11-22", "Seissan"),
            ("2024-12-06", "Masseube"),
        ],
    ),
    _parcours(
        "premiers-pas-astarac-printemps-2026",
        "Premiers pas Astarac — printemps 2026",
        ["cc-val-de-gers"],
        7,
        [
            ("2026-03-13", "Seissan"),
            ("2026-03-27", "Seissan"),
            ("2026-04-10", "Saramon"),
            ("2026-05-15", "Seissan"),
            ("2026-05-29", "Masseube"),
            ("2026-06-12", "Seissan"),
        ],
    ),
    _parcours(
        "premiers-pas-carmausin-printemps-2025",
        "Premiers pas Carmausin — printemps 2025",
        ["cae-tarn-solidaire"],
        9,
        [
            ("2025-03-04", "Carmaux"),
            ("2025-03-18", "Carmaux"),
            ("2025-04-01", "Monestiés"),
            ("2025-04-08", "Carmaux"),
            ("2025-05-06", "Blaye-les-Mines"),
            ("2025-05-20", "Carmaux"),
        ],
    ),
    _parcours(
        "premiers-pas-segala-tarnais-automne-2025",
        "Premiers pas Ségala tarnais — automne 2025",
        ["cae-tarn-solidaire"],
        7,
        [
            ("2025-09-25", "Valence-d'Albigeois"),
            ("2025-10-09", "Valence-d'Albigeois"),
            ("2025-10-16", "Pampelonne"),
            ("2025-11-06", "Valence-d'Albigeois"),
            ("2025-11-20", "Valence-d'Albigeois"),
            ("2025-12-04", "Valence-d'Albigeois"),
        ],
    ),
]

# « Que sont devenus les projets ? » (issue 16, point 4): what the structures answered for
# their older parcours — for the cohort as a whole, never per person. Parcours that ended
# in the last year are left unanswered: `seed-demo` asks their structures (3, 6, 12 months).
# (parcours, abandoned, maturing, started, oriented, where the oriented went, comment)
FOLLOW_UPS: list[tuple] = [
    (
        "premiers-pas-figeacois-automne-2024",
        2,
        2,
        3,
        1,
        ["dla"],
        "Deux activités lancées au printemps (une épicerie itinérante, un atelier vélo), une "
        "troisième en test à la recyclerie de Capdenac.",
    ),
    (
        "premiers-pas-segala-lotois-printemps-2025",
        1,
        4,
        1,
        1,
        ["incubateur"],
        "La plupart des projets mûrissent encore : le temps agricole n'est pas le nôtre.",
    ),
    ("premiers-pas-sud-gironde-printemps-2025", 3, 3, 2, 2, ["france-active", "dla"], ""),
    (
        "premiers-pas-reolais-automne-2023",
        2,
        1,
        4,
        1,
        ["autre-structure"],
        "Orientée vers la coopérative d'activité et d'emploi pour tester en portage.",
    ),
    ("premiers-pas-gatine-automne-2024", 2, 3, 2, 1, ["incubateur"], ""),
    (
        "premiers-pas-couserans-printemps-2024",
        3,
        1,
        3,
        1,
        ["autre"],
        "Une porteuse a rejoint un groupement d'employeurs agricole.",
    ),
    ("premiers-pas-haute-correze-hiver-2025", 2, 2, 3, 1, ["dla"], ""),
    ("premiers-pas-sud-creuse-printemps-2025", 1, 3, 2, 2, ["incubateur", "france-active"], ""),
]
