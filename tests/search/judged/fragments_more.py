"""More fragments: small topics built around compounds and inclusive writing, the
neutral context sentences, and extra sentences sprinkled over other reports.

Same conventions as fragments.py ("text | labels", "!" for a difficulty, slots).
"""

MINI_TOPICS: dict[str, dict[str, list[str]]] = {
    "tiers-lieu": {
        "titles": [
            "Accueillir le parcours dans un tiers-lieu rural",
            "Le tiers-lieu de {c}, maison commune des porteurs",
            "Tiers-lieux et premiers pas : un lieu qui fait groupe",
            "Des séances au tiers lieu, entre atelier bois et café",
        ],
        "obs": [
            "Le tiers-lieu offre un cadre moins scolaire qu'une salle municipale : on y croise des artisans, des associations, des curieux.",
            "Entre deux séances, {p} est revenue travailler au tiers-lieu, où elle a trouvé un bureau partagé pour {proj}.",
            "Les tiers-lieux du réseau départemental se sont passé le relais pour accueillir les séances.",
            "Le café du tiers lieu a servi de point de rendez-vous informel avant chaque séance. | rendez-vous-mot",
            "!Le tiers-lieu étant aussi un atelier, le bruit des machines a parfois couvert les échanges.",
            "Plusieurs porteurs ont testé leur activité dans l'espace de vente du tiers-lieu, un samedi par mois.",
            "!Le tiers-lieu n'est pas chauffé le week-end, ce qui a limité les séances d'hiver.",
            "L'équipe du tiers-lieu a présenté ses ateliers partagés et son fablab aux porteurs.",
        ],
        "conseils": [
            "Un tiers-lieu fait gagner des partenaires : on y rencontre des gens qu'aucune salle municipale n'attire.",
            "Associer l'équipe du tiers-lieu à la première séance, pour que les porteurs s'y sentent chez eux.",
        ],
    },
    "demi-journee": {
        "titles": [
            "Six demi-journées, pas une de plus : notre format",
            "Demi-journée ou journée entière ? Retour sur le format",
            "Le rythme des demi-journées à {c}",
            "Une demi journée par mois pendant six mois",
        ],
        "obs": [
            "Le parcours tient en six demi-journées, espacées de trois semaines pour laisser travailler les intersessions.",
            "Nous avons testé une journée entière, puis sommes revenus à la demi-journée : l'après-midi, l'attention tombait.",
            "Chaque demi journée suit le même rituel : accueil, retour d'intersession, atelier, tour de clôture.",
            "{p} aurait préféré des demi-journées plus longues, le groupe a voté pour garder trois heures et demie.",
            "!Une demi-journée passe trop vite quand six porteurs veulent présenter leur avancée.",
            "Les demi-journées du vendredi matin ont le mieux convenu aux porteurs salariés à temps partiel.",
            "!Certaines demi-journées ont débordé sur le repas, ce qui a gêné ceux qui devaient repartir.",
            "La dernière demi-journée a été consacrée au plan d'action de chacun et à la suite du parcours.",
        ],
        "conseils": [
            "Trois heures et demie par demi-journée, pas plus, et une vraie pause au milieu.",
            "Espacer les demi-journées de trois semaines au moins pour que les intersessions aient lieu.",
        ],
    },
    "rendez-vous": {
        "titles": [
            "Rendez-vous individuels entre les séances",
            "Le rendez-vous individuel, complément du collectif",
            "Des rendez-vous d'une heure pour débloquer les projets",
            "Entre deux séances à {c} : les rendez-vous de suivi",
        ],
        "obs": [
            "Chaque porteur a bénéficié de deux rendez-vous individuels d'une heure entre les séances collectives.",
            "Le rendez-vous individuel de {p} a permis d'aborder des questions qu'elle n'osait pas poser en groupe.",
            "Nous avons proposé des rendez-vous par téléphone aux porteurs les plus éloignés.",
            "{q} a annulé ses rendez-vous deux fois, puis est revenu avec un projet transformé.",
            "!Les rendez-vous individuels prennent un temps d'accompagnement que le budget du parcours ne couvre pas.",
            "Les rendez-vous de suivi, trois mois après la fin, ont gardé le lien avec le groupe.",
            "!Sans rendez-vous fixés à l'avance, les porteurs ne demandent pas d'aide entre les séances.",
            "Un rendez-vous avec un expert-comptable bénévole a été organisé pour {proj}. | benevoles",
        ],
        "conseils": [
            "Fixer les rendez-vous individuels dès la première séance, dans l'agenda de chacun.",
            "Un rendez-vous d'une heure bien préparé vaut mieux que trois échanges de courriels.",
        ],
    },
    "agriculture": {
        "titles": [
            "Agriculteur·rice·s en diversification : un parcours à part",
            "Des agricultrices qui veulent transformer leurs produits",
            "Premiers pas pour les paysan·ne·s du secteur de {c}",
            "Circuits courts et projets agricoles en séance",
        ],
        "obs": [
            "Le groupe comptait {n} agriculteur·rice·s en reconversion ou en diversification de leur ferme.",
            "Deux agricultrices ont présenté leur projet d'atelier de transformation de fruits en jus et compotes.",
            "Les agriculteurs du groupe ont partagé leur expérience des circuits courts et de la vente à la ferme.",
            "{p}, maraîchère depuis dix ans, veut créer {proj} avec d'autres producteur·rice·s.",
            "!Les agriculteur·rice·s ne peuvent pas venir en saison : le calendrier a dû s'adapter aux récoltes.",
            "Les paysan·ne·s ont apporté un regard très concret sur les coûts, les marges et le temps de travail.",
            "!Pour les agriculteurs, le mot « projet » évoquait surtout des dossiers de subventions et de la paperasse. | subventions",
            "Une agricultrice retraitée a proposé de mettre ses bâtiments à disposition de {proj}.",
        ],
        "conseils": [
            "Avec des agriculteur·rice·s, programmer les séances en hiver et jamais pendant les récoltes.",
            "Faire témoigner une agricultrice qui a diversifié son activité : le groupe s'y reconnaît.",
        ],
    },
}

MINI_MODULES = {
    "tiers-lieu": "emergence-interconnaissance",
    "demi-journee": "plan-action-suites",
    "rendez-vous": "plan-action-suites",
    "agriculture": "confronter-idee-terrain",
}

# The Contexte section: who, where, when. Neutral: no topic words (checked by the builder).
CONTEXTS = [
    "Nous étions {n} autour de la table, dans la salle des associations de {c}.",
    "La séance s'est tenue un mardi matin de {m}, à {c}, avec un groupe au complet.",
    "Groupe de {n} personnes, âgées de vingt-quatre à soixante-sept ans, toutes habitantes du secteur de {c}.",
    "Quatrième rencontre du groupe de {c} ; l'ambiance était détendue et studieuse.",
    "Cette séance réunissait {n} porteurs dont les projets vont de {proj} à un atelier de couture.",
    "Il faisait un froid de canard à {c} ce matin de {m}, mais tout le monde était là.",
    "Le groupe de {c} est très varié : des jeunes du lycée voisin, des néo-ruraux, deux retraités.",
    "Nous avons accueilli le groupe dans l'ancienne gare de {c}, rénovée par la commune.",
    "Séance animée par deux personnes de {st}, avec {n} participants présents sur neuf inscrits.",
    "Le groupe se retrouve à {c} depuis {m} ; c'était sa troisième rencontre.",
    "La salle paroissiale de {c}, prêtée pour l'occasion, a accueilli les {n} participants.",
    "Retour sur une séance du parcours de {st}, avec un groupe de {n} personnes dont une majorité de femmes.",
    "Nous étions dans la grande salle de la médiathèque de {c}, entre les rayonnages.",
    "Une séance de fin d'après-midi à {c}, de 17 h à 20 h, avec {n} présents.",
    "Le soleil de {m} a permis de faire la pause dehors, dans le jardin du presbytère de {c}.",
    "Huit projets étaient représentés, dont {proj}, un gîte de groupe et une conserverie.",
    "À {c}, la salle polyvalente était trop grande : nous avons rapproché les tables en U.",
    "Groupe mixte de {n} personnes, dont deux venues de {ail} pour l'occasion.",
    "Séance ouverte par {st} à {c}, avec un café et des chouquettes apportés par une participante.",
    "Nouvelle séance du parcours porté par {st}, cette fois dans la bibliothèque de {c}.",
    "Le groupe, constitué en {m}, compte {n} porteurs et porteuses aux profils très différents.",
    "Rencontre au foyer rural de {c}, autour d'une grande table en bois et d'un poêle.",
    "Les {n} participants sont arrivés en ordre dispersé, la brume ayant ralenti tout le monde sur les routes de {c}.",
    "Séance du jeudi à {c}, dans la salle du conseil, entre les vieilles cartes du canton.",
    "Nous avons commencé par une météo d'arrivée : beaucoup de fatigue, mais de la curiosité.",
    "Cette rencontre à {c} réunissait un groupe de porteur·euse·s déjà habitué·e·s les un·e·s aux autres. | inclusif",
    "Les habitant·e·s de {c} qui suivent le parcours ont des projets très ancrés dans leur village. | inclusif",
    "Le groupe de {st} compte cette année {n} participant·e·s, dont trois venu·e·s de {ail}. | inclusif",
]

# Contexts with a compound, sprinkled over some reports (the builder records the label).
CONTEXTS_TAGGED = [
    "La séance s'est tenue au tiers-lieu de {c}, dans l'ancienne école réhabilitée. | tiers-lieu",
    "Accueil au tiers-lieu de {c}, entre l'atelier de réparation et la cuisine partagée. | tiers-lieu",
    "Troisième demi-journée du parcours, un jeudi matin de {m}, à {c}. | demi-journee",
    "Deuxième demi journée du groupe de {c}, de 9 h à 12 h 30. | demi-journee",
    "Cette demi-journée de {m} à {c} a rassemblé {n} participants. | demi-journee",
    "Rendez-vous était donné à 9 h à {c}, dans les locaux de {st}. | rendez-vous-mot",
    "Séance de la promotion 2024-2025, à {c}, avec {n} porteurs présents. | promo-2024-2025",
    "Le groupe de la saison 2024-2025 se réunissait pour la quatrième fois à {c}. | promo-2024-2025",
    "Le tiers lieu de {c} nous a ouvert ses portes pour cette séance de {m}. | tiers-lieu",
    "Deux agriculteur·rice·s et trois artisans formaient le cœur du groupe réuni à {c}. | agriculture inclusif",
    "Le groupe de {c} réunissait {n} personnes, dont une agricultrice et deux maraîchers. | agriculture",
]

# Extra sentences dropped into some reports (Ce qui a marché), each bringing its label.
EXTRAS = [
    "Un rendez-vous individuel avec {p} a suivi la séance, pour reprendre son budget au calme. | rendez-vous",
    "Des rendez-vous ont été fixés avec trois porteurs pour la semaine suivante. | rendez-vous",
    "La co-construction de l'ordre du jour avec le groupe a bien fonctionné. | co-construction",
    "Le programme a été coconstruit avec les porteurs eux-mêmes, séance après séance. | co-construction",
    "Le collectif de {q} a choisi une porte-parole pour présenter le projet à l'extérieur. | porte-parole",
    "{p} s'est proposée comme porte parole du groupe auprès de la mairie. | porte-parole",
    "Une agricultrice du groupe a raconté comment elle vend déjà en circuit court. | agriculture",
    "Les agriculteur·rice·s présents ont apporté leur sens pratique aux calculs. | agriculture inclusif",
    "Les savoir-faire de chacun ont été mis en commun sur une grande feuille au mur. | savoir-faire",
    "Un micro-trottoir improvisé à la sortie de la séance a prolongé l'exercice. | micro-trottoir",
    "La prochaine demi-journée aura lieu au même endroit, dans trois semaines. | demi-journee",
    "Les porteurs se sont retrouvés ensuite au tiers-lieu voisin pour continuer à échanger. | tiers-lieu",
]

FIRST_NAMES = [
    "Amandine", "Bérénice", "Céline", "Dorothée", "Émilie", "Fanny", "Gwenaëlle", "Héloïse",
    "Inès", "Joëlle", "Karine", "Laëtitia", "Manon", "Nathalie", "Océane", "Pauline",
    "Rosalie", "Sabrina", "Thaïs", "Valérie", "Yasmina", "Zélie", "Agathe", "Brigitte",
]
SECOND_NAMES = [
    "Adrien", "Baptiste", "Cédric", "Damien", "Étienne", "Fabien", "Grégoire", "Hugo",
    "Jérôme", "Kévin", "Loïc", "Mehdi", "Nicolas", "Raphaël", "Sébastien", "Thierry",
    "Ulysse", "Vincent", "Wilfried", "Yannick", "Rémi", "Joël",
]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "septembre", "octobre", "novembre", "décembre",
]

# Projects put into {proj}, with what they are about.
PROJECTS = [
    ("une épicerie itinérante", "epicerie"),
    ("une épicerie solidaire", "epicerie"),
    ("un garage solidaire", "garage"),
    ("une recyclerie", "recyclerie"),
    ("une ressourcerie de village", "recyclerie"),
    ("un café associatif", "cafe"),
    ("une conserverie paysanne", "conserverie"),
    ("une ferme pédagogique", "ferme"),
    ("un atelier vélo", "velo"),
    ("une micro-crèche", "creche"),
    ("un habitat partagé pour seniors", "habitat"),
    ("une boutique de créateurs", "boutique"),
    ("une cantine de village", "cantine"),
    ("un service de portage de repas", "portage"),
    ("une librairie-café", "librairie"),
    ("un atelier de réparation", "reparation"),
    ("une légumerie", "legumerie"),
    ("un jardin partagé", "jardin"),
    ("une école de musique rurale", "musique"),
    ("un gîte solidaire", "gite"),
    ("une friperie", "friperie"),
    ("une brasserie artisanale", "brasserie"),
]
