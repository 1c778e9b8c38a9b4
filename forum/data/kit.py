"""Default kit modules and challenge tags, loaded by `flask bootstrap`."""

MODULES: list[dict] = [
    {
        "slug": "emergence-interconnaissance",
        "position": 1,
        "title": "Émergence et interconnaissance",
        "summary": (
            "Première demi-journée du parcours : faire connaissance, rompre l'isolement "
            "des porteurs et faire émerger ce qui les anime. On pose le cadre et on crée "
            "la confiance dont le groupe aura besoin jusqu'à la dernière séance."
        ),
        "objectives": (
            "Créer un climat de confiance et une dynamique de groupe entre porteurs\n"
            "Faire émerger les motivations, les valeurs et l'envie de départ de chacun\n"
            "Présenter le parcours, son cadre et les engagements réciproques\n"
            "Repérer les ressources et les liens déjà présents dans le groupe"
        ),
        "description": """\
La première demi-journée donne le ton de tout le parcours. Elle s'adresse à des personnes \
qui, pour la plupart, ne se connaissent pas et portent une idée encore fragile, parfois \
jamais formulée à voix haute.

**Déroulé type (3 h 30)**

- *Accueil et météo d'arrivée* (20 min) : café, prénoms, un mot ou une image pour dire \
dans quel état on arrive.
- *Photolangage ou blason personnel* (45 min) : chacun présente son envie de projet à \
partir d'un support visuel, sans entrer dans la technique.
- *Présentations croisées* (40 min) : échange en binômes, puis chacun présente l'autre \
au groupe.
- *Pause* (15 min).
- *Cartographie des ressources du groupe* (40 min) : savoir-faire, réseaux, matériel, \
temps disponible.
- *Cadre du parcours et charte* (30 min) : calendrier, intersessions, règles du groupe \
écrites par les participants eux-mêmes.
- *Tour de clôture* (10 min).

**Posture**

L'animateur garantit un cadre sécurisant : droit de ne pas savoir, confidentialité des \
idées, parole équitablement répartie. On évite le jargon de l'ESS et les questions de \
faisabilité, notées sur un « parking » pour plus tard. Un temps informel après la séance \
(café, repas partagé) est vivement conseillé : c'est souvent là que le groupe se soude.
""",
        "tools": (
            "Météo d'arrivée\n"
            "Photolangage\n"
            "Blason personnel\n"
            "Présentations croisées\n"
            "Cartographie des ressources du groupe\n"
            "Speed-meeting des idées\n"
            "Charte de groupe"
        ),
    },
    {
        "slug": "besoin-social-utilite-sociale",
        "position": 2,
        "title": "Besoin social et utilité sociale",
        "summary": (
            "Passer de « ce que j'ai envie de faire » à « à quel besoin je réponds, et "
            "pour qui ». Les porteurs clarifient le problème social qu'ils veulent "
            "traiter et l'utilité de leur projet pour le territoire."
        ),
        "objectives": (
            "Distinguer le besoin social de la solution envisagée\n"
            "Identifier précisément le public concerné et ses contraintes\n"
            "Étayer son constat avec des éléments concrets et des données locales\n"
            "Formuler l'utilité sociale attendue du projet"
        ),
        "description": """\
Cette séance est souvent la plus déstabilisante du parcours : elle oblige à regarder son \
idée depuis l'extérieur. Elle prépare directement la confrontation au terrain.

**Déroulé type (3 h 30)**

1. *Retour sur l'intersession* (20 min) : chacun partage une situation concrète repérée \
autour de lui.
2. *Arbre à problèmes* (50 min) : d'abord en grand groupe sur un projet volontaire, puis \
individuellement. Racines = causes, tronc = problème central, branches = conséquences.
3. *Carte d'empathie ou persona* (40 min), en trios.
4. *Pause* (15 min).
5. *Grille d'utilité sociale* (40 min) : lien social, emploi, environnement, accès aux \
droits, dynamisme local.
6. *Pitch du besoin* (25 min) : une minute, sans parler de la solution.

**Posture**

Interroger le besoin ne revient pas à disqualifier l'idée : il faut le dire et le redire. \
Partir d'exemples locaux plutôt que de définitions, et préparer deux ou trois fiches de \
données à l'échelle de l'intercommunalité. Pour les personnes moins à l'aise avec \
l'écrit, l'arbre à problèmes peut être dessiné. Terminer par une consigne \
d'intersession simple : interroger au moins trois personnes concernées.
""",
        "tools": (
            "Arbre à problèmes\n"
            "Carte d'empathie\n"
            "Persona\n"
            "Méthode des 5 pourquoi\n"
            "Grille d'utilité sociale\n"
            "Pitch du besoin"
        ),
    },
    {
        "slug": "confronter-idee-terrain",
        "position": 3,
        "title": "Confronter son idée au terrain",
        "summary": (
            "Les porteurs sortent de la salle : ils préparent puis mènent des entretiens "
            "auprès des futurs usagers et des acteurs du territoire, et en tirent les "
            "premiers enseignements pour faire évoluer leur projet."
        ),
        "objectives": (
            "Construire un guide d'entretien avec des questions ouvertes\n"
            "Identifier les acteurs du territoire déjà présents sur le besoin\n"
            "Mener des entretiens et en restituer les enseignements au groupe\n"
            "Ajuster son projet à partir de ce que dit le terrain"
        ),
        "description": """\
La séance comporte deux volets, parfois répartis sur deux demi-journées ou séparés par \
une intersession d'au moins trois semaines : préparer les enquêtes, puis en faire le \
retour collectif.

**Préparer (1 h 30)**

- Guides d'entretien en binômes : cinq à sept questions ouvertes, sans présenter la \
solution trop tôt.
- Jeu de rôle « l'entretien raté, l'entretien réussi », avec un observateur.
- Cartographie des acteurs : qui fait déjà quelque chose de proche, qui peut être \
partenaire, qui peut se sentir concurrencé.

**Restituer (1 h 30)**

- Tour « ce que j'ai appris / ce qui m'a surpris / ce que je change », cinq minutes par \
porteur.
- Idée de *test minimal* : permanence d'essai, stand sur le marché, réunion publique.

**Posture**

Aller interroger des inconnus est un vrai cap pour beaucoup de porteurs. Fixer un \
objectif réaliste (cinq entretiens de qualité plutôt que vingt questionnaires distribués \
à des proches), valoriser les retours négatifs, et prévenir les acteurs clés du \
territoire que des porteurs vont les solliciter. Si le contexte s'y prête, sortir \
vraiment : marché, sortie d'école, fête locale.
""",
        "tools": (
            "Guide d'entretien\n"
            "Questionnaire d'enquête\n"
            "Micro-trottoir\n"
            "Cartographie des acteurs\n"
            "Jeu de rôle de l'entretien\n"
            "Test minimal (prototype)"
        ),
    },
    {
        "slug": "modele-economique-financement",
        "position": 4,
        "title": "Modèle économique et financement",
        "summary": (
            "Parler argent sans faire peur : comprendre les modèles économiques hybrides "
            "de l'ESS, esquisser un premier budget et repérer les financeurs adaptés au "
            "stade du projet."
        ),
        "objectives": (
            "Comprendre ce qu'est un modèle économique hybride (ventes, subventions, bénévolat)\n"
            "Esquisser un premier budget de démarrage, rémunération des porteurs comprise\n"
            "Repérer les financeurs et dispositifs adaptés au stade du projet\n"
            "Relier le modèle économique à l'utilité sociale du projet"
        ),
        "description": """\
Le financement est souvent la première inquiétude exprimée par les porteurs. La séance \
vise à dédramatiser le sujet et à sortir de l'opposition entre « tout subvention » et \
« ne dépendre de personne ».

**Déroulé type (3 h 30)**

- *Business Model Canvas social* (50 min), rempli individuellement puis présenté en \
binômes.
- *Ressources hybrides* (35 min) : ventes, cotisations, subventions, mécénat, \
bénévolat, mises à disposition.
- *Pause* (15 min).
- *Budget prévisionnel simplifié* (40 min), construit collectivement sur un exemple réel.
- *Cartographie des financeurs* (40 min) : Région, Département, intercommunalité, \
fondations, France Active, prêts d'honneur, financement participatif.
- *Questions-réponses* avec un financeur invité (30 min).

**Posture**

Partir d'exemples chiffrés issus du territoire, expliquer chaque terme comptable et \
intégrer dès le départ la rémunération des porteurs dans le budget. Le sujet réveille \
des angoisses chez les personnes en situation précaire : l'aborder avec tact, et \
proposer un temps individuel à ceux qui veulent aller plus loin.
""",
        "tools": (
            "Business Model Canvas social\n"
            "Tableau des ressources hybrides\n"
            "Budget prévisionnel simplifié\n"
            "Cartographie des financeurs\n"
            "Jeu de cartes des financements ESS"
        ),
    },
    {
        "slug": "statut-gouvernance-collectif",
        "position": 5,
        "title": "Statut, gouvernance et collectif",
        "summary": (
            "Partir du projet et du collectif avant de parler de forme juridique : qui "
            "décide, comment, avec quelle place pour les usagers et les partenaires, et "
            "quel statut en découle."
        ),
        "objectives": (
            "Identifier les parties prenantes du projet et leur place dans les décisions\n"
            "Comprendre les principales formes juridiques de l'ESS et leurs conséquences\n"
            "Poser les premières règles de fonctionnement d'un collectif\n"
            "Repérer les personnes à embarquer dans le projet"
        ),
        "description": """\
La question du statut revient dès la première séance ; il est préférable de la repousser \
jusqu'ici. Beaucoup de porteurs pensent qu'il suffit de « créer une association » : la \
séance élargit le champ des possibles (SCIC, SCOP, CAE, entreprise de l'ESS).

**Déroulé type (3 h 30)**

1. *Arbre des statuts* (40 min) : quelques questions simples pour réduire le choix à \
deux options crédibles.
2. *Jeu de rôle « l'assemblée générale »* (50 min), avec des rôles attribués : \
trésorière, bénévole, usager, élu, salarié.
3. *Pause* (15 min).
4. *Roue des parties prenantes* (40 min) : informer, consulter ou codécider ?
5. *Charte du collectif* ou, pour les projets individuels, « qui embarquer ? » (40 min).

**Posture**

Limiter la comparaison à trois ou quatre statuts pertinents, présenter des exemples de \
coopératives rurales proches, et inviter si possible un juriste ou l'union régionale \
des SCOP en préparant les questions en amont. Pour les collectifs en tension, proposer \
un temps dédié hors séance.
""",
        "tools": (
            "Arbre des statuts\n"
            "Jeu de rôle gouvernance\n"
            "Roue des parties prenantes\n"
            "Grille de comparaison association-SCIC-SCOP\n"
            "Charte du collectif"
        ),
    },
    {
        "slug": "plan-action-suites",
        "position": 6,
        "title": "Plan d'action et suites du parcours",
        "summary": (
            "Dernière séance : chaque porteur repart avec un plan d'action à six mois et "
            "des relais d'accompagnement identifiés. On clôt le parcours et on prépare "
            "la suite, individuelle et collective."
        ),
        "objectives": (
            "Formaliser un plan d'action à six mois et une première action à quinze jours\n"
            "Présenter son projet en quelques minutes devant des partenaires\n"
            "Identifier les relais d'accompagnement adaptés à son stade\n"
            "Évaluer le parcours et organiser les suites collectives"
        ),
        "description": """\
L'enjeu principal est d'éviter la « falaise » de fin de parcours, quand les porteurs se \
retrouvent sans rendez-vous réguliers ni groupe pour les soutenir.

**Déroulé type (3 h 30)**

- *Rétroplanning à six mois* (45 min) : trois à cinq étapes clés et une première action \
à réaliser dans les quinze jours.
- *Préparation des pitchs* (15 min).
- *Pause* (15 min).
- *Pitchs devant les partenaires invités* (50 min) : deux à trois minutes chacun, suivies \
de questions bienveillantes et de retours écrits.
- *Carte des relais d'accompagnement* (25 min) : incubateurs, DLA, CAE, couveuses, \
réseaux d'entrepreneurs.
- *Bilan et clôture festive* (30 min) : cercle de feedback, évaluation visuelle, pot.

**Posture**

Inviter les partenaires de la suite dès cette séance, accueillir les abandons comme des \
décisions éclairées et encourager le groupe à s'auto-organiser (rendez-vous entre pairs, \
visites croisées). Faire l'évaluation pendant la séance plutôt qu'après, et prévoir un \
appel de suivi à chaque porteur quelques semaines plus tard.
""",
        "tools": (
            "Rétroplanning\n"
            "Feuille de route à 6 mois\n"
            "Pitch final\n"
            "Carte des relais d'accompagnement\n"
            "Cercle de feedback\n"
            "Lettre à soi-même"
        ),
    },
]

TAGS: list[dict] = [
    {
        "slug": "financement",
        "label": "Financement",
        "description": (
            "Trouver des financements pour les projets des porteurs comme pour le "
            "parcours lui-même : appels à projets, collectivités, fondations, prêts "
            "d'honneur."
        ),
    },
    {
        "slug": "isolement-des-porteurs",
        "label": "Isolement des porteurs",
        "description": (
            "Des porteurs qui mûrissent leur idée seuls, loin de tout réseau : comment le "
            "groupe et l'accompagnement peuvent rompre cet isolement."
        ),
    },
    {
        "slug": "mobilite",
        "label": "Mobilité",
        "description": (
            "Distances, absence de voiture, transports en commun rares : les freins de "
            "mobilité pour venir en séance et les solutions trouvées (covoiturage, "
            "transport à la demande, lieux tournants)."
        ),
    },
    {
        "slug": "mobilisation-des-porteurs",
        "label": "Mobilisation des porteurs",
        "description": (
            "Recruter des participants, toucher les publics éloignés et maintenir "
            "l'assiduité tout au long du parcours."
        ),
    },
    {
        "slug": "cooperation-entre-structures",
        "label": "Coopération entre structures",
        "description": (
            "Co-construire et co-animer un parcours à plusieurs structures, se répartir "
            "les rôles et orienter les porteurs entre accompagnateurs."
        ),
    },
    {
        "slug": "gouvernance",
        "label": "Gouvernance",
        "description": (
            "Qui décide et comment : règles de fonctionnement des collectifs, place des "
            "usagers et des partenaires, gouvernance partagée."
        ),
    },
    {
        "slug": "modele-economique",
        "label": "Modèle économique",
        "description": (
            "Construire un modèle économique viable et hybride (ventes, subventions, "
            "bénévolat) sans perdre de vue l'utilité sociale du projet."
        ),
    },
    {
        "slug": "communication",
        "label": "Communication",
        "description": (
            "Faire connaître le parcours sur le territoire et aider les porteurs à "
            "présenter leur projet simplement."
        ),
    },
    {
        "slug": "numerique",
        "label": "Numérique",
        "description": (
            "Séances à distance ou hybrides, outils collaboratifs, zones blanches et "
            "aisance inégale des participants avec le numérique."
        ),
    },
    {
        "slug": "relation-aux-elus",
        "label": "Relation aux élus",
        "description": (
            "Associer les élus locaux au parcours et aider les porteurs à présenter leur "
            "projet aux communes et intercommunalités."
        ),
    },
    {
        "slug": "garde-d-enfants",
        "label": "Garde d'enfants et horaires",
        "description": (
            "Horaires compatibles avec l'école, vacances scolaires, solutions de garde : "
            "des contraintes qui pèsent surtout sur les porteuses de projet."
        ),
    },
    {
        "slug": "posture-d-accompagnement",
        "label": "Posture d'accompagnement",
        "description": (
            "Trouver la juste place de l'animateur : encourager sans décider à la place, "
            "challenger sans décourager, faire du groupe la première ressource."
        ),
    },
    {
        "slug": "evaluation",
        "label": "Évaluation et impact",
        "description": (
            "Évaluer le parcours, suivre les porteurs après la fin des séances et aider "
            "chacun à définir des indicateurs d'utilité sociale."
        ),
    },
    {
        "slug": "partenariats-locaux",
        "label": "Partenariats locaux",
        "description": (
            "S'appuyer sur les acteurs du territoire (centres sociaux, missions locales, "
            "commerçants, associations) pour recruter, accueillir et accompagner."
        ),
    },
    {
        "slug": "confiance-en-soi",
        "label": "Confiance en soi des porteurs",
        "description": (
            "Sentiment d'illégitimité, peur de prendre la parole ou de se comparer : "
            "comment aider les porteurs à oser."
        ),
    },
]
