"""Generated reports for benchmark corpora (`flask seed-demo --reports N`).

Tens of thousands of reports cannot all be written by hand: these are assembled from
pools of fragments, so passages repeat from one report to the next (the demo people read
is hand-written, in forum/demo/reports/). They still keep to the rules of the demo: no
porteur is named (roles only), towns are in the structure's département and contracted
the French way (« au Mas-d'Agenais »), a facilitator with no structure signs reports of no
structure, and no report claims a session of a parcours (six sessions cannot hold them).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta

from ..data.kit import MODULES as _KIT_MODULES
from .network import FACILITATORS, STRUCTURES, TOWNS

# Private details used to write plausible texts: article form, territory (with
# "le/la" and "du/de la" forms) and the towns where each structure usually works.
_STRUCTURE_AREAS: dict[str, tuple[str, str, str, list[str]]] = {
    "fabrique-du-lot": (
        "la Fabrique du Lot",
        "le Figeacois",
        "du Figeacois",
        ["Figeac", "Saint-Céré", "Gramat"],
    ),
    "pole-territorial-sud-gironde": (
        "le Pôle territorial Sud Gironde",
        "le Sud Gironde",
        "du Sud Gironde",
        ["Langon", "Bazas", "La Réole"],
    ),
    "cap-cooperatif": (
        "l'association Cap Coopératif",
        "le Sud Gironde",
        "du Sud Gironde",
        ["Langon", "La Réole", "Bazas"],
    ),
    "usine-des-communs": (
        "l'Usine des communs",
        "le Libournais",
        "du Libournais",
        ["Libourne", "Coutras"],
    ),
    "incubateur-ess-dordogne-perigord": (
        "l'Incubateur ESS Dordogne-Périgord",
        "le Périgord",
        "du Périgord",
        ["Périgueux", "Nontron", "Ribérac", "Sarlat-la-Canéda"],
    ),
    "incubateur-rural-limousin": (
        "l'Incubateur rural ESS Limousin",
        "la Haute-Vienne rurale",
        "de la Haute-Vienne rurale",
        ["Saint-Junien", "Bellac", "Eymoutiers", "Saint-Yrieix-la-Perche"],
    ),
    "incubateur-gatine": (
        "l'Incubateur solidaire de Gâtine",
        "la Gâtine",
        "de la Gâtine",
        ["Parthenay", "Secondigny", "Bressuire", "Thouars"],
    ),
    "entreprenants-du-segala": (
        "les Entreprenants du Ségala",
        "le Ségala",
        "du Ségala",
        ["Rieupeyroux", "Naucelle", "Villefranche-de-Rouergue"],
    ),
    "ressources-solidaires-couserans": (
        "Ressources solidaires Couserans",
        "le Couserans",
        "du Couserans",
        ["Saint-Girons", "Massat", "Seix", "Castillon-en-Couserans"],
    ),
    "pole-territorial-val-de-garonne": (
        "le Pôle territorial Val de Garonne",
        "le Val de Garonne",
        "du Val de Garonne",
        ["Marmande", "Tonneins", "Casteljaloux", "Le Mas-d'Agenais"],
    ),
    "ptce-haute-correze": (
        "le pôle de coopération Haute-Corrèze",
        "la Haute-Corrèze",
        "de la Haute-Corrèze",
        ["Ussel", "Meymac", "Bort-les-Orgues", "Neuvic"],
    ),
    "la-grange-creuse": (
        "le tiers-lieu La Grange",
        "le sud Creuse",
        "du sud Creuse",
        ["Aubusson", "Felletin", "Bourganeuf", "Guéret"],
    ),
    "cc-val-de-gers": (
        "la communauté de communes",
        "l'Astarac",
        "de l'Astarac",
        ["Masseube", "Mirande", "Seissan", "Simorre"],
    ),
    "cae-tarn-solidaire": (
        "la coopérative Tarn Solidaire",
        "le Carmausin",
        "du Carmausin",
        ["Carmaux", "Gaillac", "Lacaune", "Albi"],
    ),
}

# ---------------------------------------------------------------------------
# Vocabulary pools for generated reports
# ---------------------------------------------------------------------------

_PROJECTS = [
    "une épicerie ambulante",
    "un garage solidaire",
    "une ressourcerie",
    "un café associatif",
    "une conciergerie rurale",
    "une micro-crèche associative",
    "un tiers-lieu nourricier",
    "une légumerie pour la restauration collective",
    "un atelier vélo",
    "un service de transport solidaire",
    "un habitat partagé pour seniors",
    "une boutique de producteurs",
    "une friperie solidaire",
    "une ferme pédagogique",
    "un repair café",
    "un chantier d'insertion en maraîchage",
    "un lieu de répit pour les aidants",
    "une cantine de village",
    "une recyclerie de matériaux",
    "un cinéma itinérant",
    "une conserverie artisanale",
    "une bibliothèque d'objets",
    "un service de portage de repas",
    "un espace de travail partagé",
    "une école de musique associative",
    "une laverie solidaire",
    "un fournil coopératif",
    "un jardin partagé intergénérationnel",
    "une auto-école sociale",
    "un accueil de loisirs itinérant",
]

# Porteurs are private persons: texts speak of a role, never of a name.
_ROLES = [
    ("une ancienne aide-soignante", "e"),
    ("un agriculteur en reconversion", ""),
    ("une mère de trois enfants arrivée depuis peu", "e"),
    ("un jeune revenu au pays après ses études", ""),
    ("une porteuse de projet d'épicerie itinérante", "e"),
    ("un retraité engagé dans le comité des fêtes", ""),
    ("une ancienne commerçante du bourg", "e"),
    ("un menuisier en recherche d'emploi", ""),
    ("une saisonnière du tourisme", "e"),
    ("un éleveur proche de la retraite", ""),
    ("une assistante maternelle", "e"),
    ("un ancien cadre installé à la campagne", ""),
    ("une infirmière à temps partiel", "e"),
    ("un jeune en service civique", ""),
    ("une bénévole de l'épicerie sociale", "e"),
    ("un ancien ouvrier de l'agroalimentaire", ""),
]

_PARTNERS = [
    "la mission locale",
    "la maison France Services",
    "la médiathèque intercommunale",
    "l'espace de vie sociale",
    "la chambre d'agriculture",
    "l'association des commerçants",
    "l'antenne de France Travail",
    "la caisse locale de la MSA",
    "l'épicerie sociale",
    "la structure d'insertion du secteur",
]

_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_ORDINALS = ["première", "deuxième", "troisième", "quatrième", "cinquième", "sixième"]
_NUMBER_WORDS = ["deux", "trois", "quatre"]

# ---------------------------------------------------------------------------
# Texts per module
# ---------------------------------------------------------------------------
# Slots available in every fragment: {town} {town2} {territory} {Territory}
# {territory_of} {structure} {n} {n_remote} {initial} {cohort} {weekday}
# {Weekday} {moment} {tool} {tool2} {project} {project2} {project3} {person}
# {Person} {person2} {e} {k_word} {month_year} {session_ord} {year_plus} {partner}
# {module_title} {next_title}

_MODULE_TEXTS: dict[str, dict] = {
    "emergence-interconnaissance": {
        "short": "Émergence et interconnaissance",
        "context": [
            "C'était la toute première séance du groupe : la plupart des participants ne se connaissaient pas et certains avaient hésité jusqu'au dernier moment à venir. L'enjeu était simple sur le papier : que chacun reparte avec l'envie de revenir.",
            "Le groupe réunissait des profils très différents : une agricultrice en reconversion, un retraité engagé dans le milieu associatif, deux jeunes revenus au pays et plusieurs personnes en recherche d'emploi. Beaucoup portaient leur idée seuls depuis des mois, sans jamais l'avoir vraiment racontée.",
            "Nous avions recruté les participants surtout par le bouche-à-oreille et grâce à {partner}. Sur les {n} présents, seuls deux avaient déjà rencontré un accompagnateur ; pour les autres, c'était un premier contact avec l'ESS et son vocabulaire.",
            "Cette séance d'ouverture avait un double objectif : poser le cadre du parcours et créer assez de confiance pour que les idées puissent se dire sans crainte d'être jugées. Nous savions que plusieurs personnes arrivaient avec un projet encore très flou.",
            "Les idées présentes couvraient un éventail large, de {project} à {project2}, en passant par {project3}. Certaines mûrissaient depuis des années, d'autres étaient nées le mois précédent lors d'une réunion publique.",
            "Le démarrage avait été retardé de deux semaines faute d'inscrits ; nous avons finalement ouvert le parcours avec {n} personnes, ce qui reste une belle jauge pour {territory}. Plusieurs habitaient des hameaux éloignés et se disaient un peu isolés dans leur démarche.",
            "Nous avions choisi d'accueillir cette première séance dans un lieu neutre et chaleureux, une salle prêtée par la mairie de {town}, pour que personne ne se sente chez l'accompagnateur ou chez un partenaire.",
            "Avant la séance, chaque participant avait reçu un court appel téléphonique pour expliquer le déroulé. Ce contact préalable s'est révélé précieux : plusieurs nous ont dit qu'ils ne seraient pas venus sans lui.",
            "La moitié du groupe nous avait été orientée par {partner}, l'autre moitié avait vu l'affiche dans un commerce ou entendu parler du parcours par un voisin. Personne ne savait vraiment à quoi s'attendre.",
        ],
        "proceedings": [
            "Nous avons ouvert avec une météo d'arrivée, puis un photolangage : chacun choisissait une image évoquant son envie de projet et la présentait en deux minutes. Les images ont servi de fil rouge tout au long de la séance et ont beaucoup aidé les plus timides à prendre la parole.",
            "Après un tour de prénoms rapide, les participants se sont présentés en binômes : chacun présentait ensuite l'autre au groupe. Cet exercice simple déplace l'attention et évite que chacun se retrouve à « vendre » son projet dès la première heure.",
            "Le cœur de la séance a été consacré à l'outil « {tool} ». Nous avons pris le temps de faire émerger les motivations profondes — pourquoi ce projet, pourquoi ici, pourquoi maintenant — avant de parler de faisabilité.",
            "Nous avons présenté le parcours à l'aide d'une frise affichée au mur, avec les six demi-journées et ce qui est attendu entre chaque séance. Le groupe a ensuite construit sa propre charte : ponctualité, bienveillance, confidentialité des idées, droit de ne pas savoir.",
            "Pour la seconde partie, nous avons proposé une cartographie des ressources du groupe : sur des post-it, chacun notait ce qu'il savait faire, les réseaux qu'il connaissait, le matériel qu'il pouvait prêter. Le mur s'est rempli en vingt minutes.",
            "Un speed-meeting des idées a clôturé la première heure : en rotations de six minutes, chacun présentait son envie à un autre participant, qui ne pouvait poser qu'une seule question. Au bout de quatre tours, les idées étaient déjà plus claires à l'oral.",
            "Nous avons alterné temps en grand groupe et temps individuels d'écriture. La consigne « racontez votre projet comme si nous étions en {year_plus} et qu'il existait déjà » a produit des textes étonnamment concrets.",
            "La séance s'est terminée par un tour de clôture en un mot et par la remise d'un petit carnet de bord, dans lequel chacun est invité à noter ses rencontres et ses questions d'ici la prochaine séance.",
        ],
        "agendas": [
            [
                (20, "accueil café et météo d'arrivée"),
                (40, "photolangage : mon envie de projet en une image"),
                (45, "présentations croisées en binômes"),
                (15, "pause"),
                (40, "cartographie des ressources du groupe"),
                (25, "présentation du parcours et charte de groupe"),
                (10, "tour de clôture"),
            ],
            [
                (15, "accueil"),
                (30, "jeu brise-glace et présentation des animateurs"),
                (50, "blason personnel : valeurs, savoir-faire, envies"),
                (15, "pause"),
                (45, "speed-meeting des idées"),
                (25, "cadre du parcours et engagements réciproques"),
            ],
            [
                (20, "accueil et café"),
                (35, "tour de table « ce qui m'amène »"),
                (50, "atelier « {tool} »"),
                (15, "pause"),
                (35, "écriture individuelle : mon projet dans trois ans"),
                (25, "remise du carnet de bord et clôture"),
            ],
        ],
        "worked": [
            "Le photolangage a fonctionné au-delà de nos attentes : {person}, qui n'avait presque rien dit pendant l'accueil, a parlé longuement de son envie de créer {project}. Le groupe s'est immédiatement montré curieux et encourageant.",
            "La charte de groupe, rédigée par les participants eux-mêmes, a donné le ton. Le point « ici, on a le droit de ne pas savoir » a été cité plusieurs fois lors des séances suivantes.",
            "Les présentations croisées ont créé des liens immédiats : deux participantes ont découvert qu'elles habitaient à dix kilomètres l'une de l'autre et ont décidé de covoiturer pour les prochaines séances.",
            "La cartographie des ressources a surpris tout le monde : le groupe réunissait un ancien comptable, une graphiste, un menuisier et une personne très introduite dans les associations de {town2}. De quoi relativiser le sentiment de manquer de tout.",
            "Le repas partagé après la séance, prévu comme facultatif, a retenu presque tout le monde. C'est souvent là que les échanges les plus sincères ont lieu.",
            "Nous avons senti une vraie bascule au moment du speed-meeting : le volume sonore est monté, les gens riaient, notaient des contacts. L'énergie du groupe était lancée.",
            "L'outil « {tool} » a permis de parler valeurs sans jargon. Plusieurs participants ont découvert à cette occasion que leur projet relevait de l'ESS, ce qu'ils ignoraient en arrivant.",
            "Le carnet de bord a été bien accueilli. À la séance suivante, la moitié du groupe l'avait déjà utilisé pour noter des contacts et des idées.",
        ],
        "difficulties": [
            "Le tour de table initial a pris beaucoup plus de temps que prévu : certains participants, isolés depuis longtemps avec leur idée, avaient énormément besoin de la raconter. Nous avons dû raccourcir l'atelier suivant.",
            "Deux personnes sont arrivées avec une idée déjà très avancée et ont eu tendance à monopoliser la parole, ce qui a pu intimider les autres. Il a fallu recadrer avec délicatesse.",
            "Le vocabulaire de l'ESS — utilité sociale, lucrativité limitée, gouvernance — a d'emblée inquiété une partie du groupe, alors que nous l'avions limité au strict minimum.",
            "Un participant, très isolé dans son hameau, est reparti à la pause sans prévenir. Nous l'avons rappelé le lendemain : il ne se sentait « pas légitime » face aux autres. Il est revenu à la séance suivante.",
            "La salle, trop grande et mal chauffée, a pesé sur l'ambiance pendant la première heure. Un détail matériel qui compte davantage qu'on ne le pense pour une séance d'ouverture.",
            "Nous avions sous-estimé l'hétérogénéité du groupe : entre l'idée griffonnée la veille et le projet mûri depuis trois ans, il n'était pas simple de trouver des consignes qui parlent à tous.",
            "Les attentes n'étaient pas toujours alignées avec le parcours : une personne espérait repartir avec un financement, une autre avec une formation diplômante. Il a fallu clarifier ce que le parcours peut et ne peut pas apporter.",
            "La fin de séance a été un peu précipitée et nous n'avons pas pu faire le tour de clôture complet. Plusieurs participants sont partis sans avoir noté la date de la séance suivante.",
        ],
        "advice": [
            "Prévoyez large pour le tour de table : lors d'une première séance, la parole a besoin de temps, et la couper trop tôt envoie un mauvais signal.",
            "Faites écrire la charte par le groupe plutôt que de la présenter toute faite. Trois ou quatre règles formulées par les participants valent mieux qu'une longue liste.",
            "Un appel téléphonique individuel avant la première séance réduit nettement les absences et permet de repérer les personnes qui auront besoin d'une attention particulière.",
            "Ne parlez pas encore de statut ni de modèle économique : la première séance sert à créer le groupe. Les questions techniques peuvent être notées sur un « parking » et reprises plus tard.",
            "Gardez un temps informel à la fin, même court. Un café ou un repas partagé fait souvent plus pour l'interconnaissance que le meilleur outil d'animation.",
            "Choisissez des outils visuels plutôt qu'écrits pour l'ouverture : le photolangage ou le blason mettent tout le monde au même niveau, quel que soit le rapport à l'écrit.",
            "Animez à deux si vous le pouvez : l'un tient le cadre et le temps, l'autre observe le groupe et repère les personnes en retrait.",
            "Envoyez un petit compte rendu illustré dans les 48 heures, avec les photos du mur de post-it. C'est un excellent moyen d'entretenir la dynamique jusqu'à la séance suivante.",
        ],
        # hooks[i] sums up worked[i]; generic hooks fit any report of the module.
        "hooks": [
            "un photolangage pour briser la glace",
            "la charte écrite par le groupe a donné le ton",
            "des inconnus devenus partenaires de covoiturage",
            "la cartographie des ressources a surpris tout le monde",
            "un repas partagé qui soude le groupe",
            "le speed-meeting des idées a lancé la dynamique",
            "parler valeurs sans jargon",
            "un carnet de bord pour tenir entre les séances",
        ],
        "generic_hooks": [
            "{n} porteurs d'idées et déjà un vrai groupe",
            "démarrage lent mais confiance gagnée",
        ],
        "tag_weights": {
            "isolement-des-porteurs": 6,
            "confiance-en-soi": 5,
            "mobilisation-des-porteurs": 5,
            "posture-d-accompagnement": 3,
            "garde-d-enfants": 3,
            "mobilite": 3,
            "communication": 1,
            "numerique": 1,
            "cooperation-entre-structures": 1,
            "partenariats-locaux": 2,
        },
    },
    "besoin-social-utilite-sociale": {
        "short": "Besoin social",
        "context": [
            "Deuxième étape du parcours : passer de « ce que j'ai envie de faire » à « à quel besoin je réponds ». Nous savions que c'est souvent la séance la plus déstabilisante, parce qu'elle oblige à regarder son idée depuis l'extérieur.",
            "Entre la première et la deuxième séance, les participants devaient repérer autour d'eux trois situations concrètes illustrant le problème qu'ils veulent traiter. Une bonne majorité avait fait l'exercice, parfois avec beaucoup de sérieux.",
            "Le groupe comptait plusieurs projets liés à l'alimentation et au vieillissement, ainsi que {project} et {project2}. Des idées généreuses, mais dont le besoin social restait souvent implicite.",
            "{Territory} cumule plusieurs fragilités bien documentées : vieillissement de la population, départ des services publics, habitat isolé, faible offre de mobilité. Les porteurs le savent, mais formulent rarement ces constats avec précision.",
            "Nous avions invité une chargée de mission de {partner} à venir partager quelques données du diagnostic territorial. L'idée était de confronter les intuitions des porteurs à des chiffres locaux.",
            "Plusieurs participants arrivaient avec une solution très précise en tête — un local, un camion, une application — sans avoir encore clarifié le problème qu'elle résout. C'était tout l'enjeu de la séance.",
            "Nous avons organisé cette séance dans la salle associative de {town}, un lieu qui accueille déjà plusieurs initiatives solidaires. Le cadre se prêtait bien à une discussion sur l'utilité sociale.",
            "La notion d'utilité sociale restait abstraite pour la plupart des participants. Beaucoup pensaient qu'elle se limitait à l'aide aux personnes en difficulté, alors qu'elle recouvre aussi le lien social, l'environnement ou la vitalité du territoire.",
        ],
        "proceedings": [
            "Nous avons démarré par un arbre à problèmes collectif, construit sur le projet de {person}, qui s'était porté{e} volontaire : les racines pour les causes, le tronc pour le problème central, les branches pour les conséquences. Chacun a ensuite refait l'exercice pour son propre projet.",
            "En sous-groupes de trois, les participants ont rempli une carte d'empathie pour le public qu'ils veulent toucher : ce qu'il voit, entend, pense, ressent, ce qui le freine. Les restitutions ont souvent fait apparaître des angles morts.",
            "La méthode des cinq pourquoi a permis de creuser : « pourquoi les jeunes partent-ils ? », « pourquoi n'y a-t-il pas de lieu pour eux ? »… Au cinquième pourquoi, plusieurs porteurs avaient reformulé leur projet en profondeur.",
            "Nous avons consacré une heure à l'outil « {tool} ». Chaque porteur devait distinguer ce qui relève du besoin, de la réponse proposée et des effets attendus pour les personnes et pour le territoire.",
            "Nous avons proposé un exercice de persona : inventer une personne précise, avec un prénom, un âge, un village, des contraintes. Pour {project}, le groupe a imaginé une habitante de {town2} sans voiture, et tout le projet s'est éclairé.",
            "La seconde partie de la séance a porté sur l'utilité sociale : à partir d'une grille simple, chacun a situé son projet sur quelques dimensions — lien social, emploi, environnement, accès aux droits, dynamisme local.",
            "Chaque porteur a terminé la séance par un « pitch du besoin » d'une minute, sans parler de sa solution. L'exercice est plus difficile qu'il n'en a l'air et a donné lieu à de belles reformulations.",
            "Nous avons fait circuler des fiches de données locales — part des plus de 75 ans, temps d'accès aux services, vacance commerciale dans les bourgs — pour que chacun puisse étayer son constat avec au moins un chiffre.",
        ],
        "agendas": [
            [
                (15, "accueil et retour sur l'intersession"),
                (50, "arbre à problèmes en grand groupe puis individuel"),
                (40, "carte d'empathie en trios"),
                (15, "pause"),
                (40, "grille d'utilité sociale"),
                (25, "pitch du besoin en une minute"),
                (10, "consignes pour l'intersession"),
            ],
            [
                (20, "accueil et météo"),
                (40, "partage des situations repérées pendant l'intersession"),
                (45, "méthode des cinq pourquoi"),
                (15, "pause"),
                (45, "atelier « {tool} »"),
                (20, "tour de clôture et prochaines étapes"),
            ],
            [
                (15, "accueil"),
                (30, "apport : qu'est-ce que l'utilité sociale ?"),
                (50, "persona et carte d'empathie"),
                (15, "pause"),
                (40, "données du territoire et formulation du besoin"),
                (25, "restitution croisée"),
            ],
        ],
        "worked": [
            "L'arbre à problèmes a produit un vrai déclic chez {person} : en creusant les causes, l'idée de départ s'est déplacée vers un besoin plus précis et mieux partagé par les habitants.",
            "La carte d'empathie a obligé les porteurs à se mettre à la place de leur public. Plusieurs ont réalisé qu'ils parlaient « pour » les gens sans jamais leur avoir demandé leur avis, ce qui a préparé naturellement la séance terrain.",
            "Le pitch du besoin, sans évoquer la solution, a été un exercice exigeant mais salutaire. Les reformulations proposées par le groupe étaient souvent plus justes que celles des porteurs eux-mêmes.",
            "Les données locales ont crédibilisé les constats. Un participant a découvert que près d'un tiers des habitants de sa commune ont plus de 65 ans, ce qui a changé sa façon de présenter son projet.",
            "L'outil « {tool} » a bien fonctionné parce que nous l'avons d'abord déroulé collectivement sur un projet volontaire avant de laisser chacun s'en emparer. La démonstration vaut toutes les consignes.",
            "La discussion sur l'utilité sociale a élargi les horizons : {person2}, qui pensait porter un projet « juste commercial », a pris conscience de sa dimension de lien social et de maintien des services dans le village.",
            "Le travail en trios a permis des échanges très riches entre projets voisins. Deux porteurs travaillant sur l'alimentation ont découvert qu'ils visaient en réalité le même public.",
            "Le groupe s'est montré exigeant et bienveillant à la fois : les questions posées aux porteurs étaient précises, sans jamais être blessantes. La confiance construite lors de la première séance a porté ses fruits.",
        ],
        "difficulties": [
            "Certains porteurs ont vécu la séance comme une remise en cause de leur projet. Il a fallu rappeler à plusieurs reprises qu'interroger le besoin ne revient pas à disqualifier l'idée.",
            "La distinction entre besoin et solution reste difficile à saisir : beaucoup reviennent spontanément à la description de leur local, de leur camion ou de leurs horaires d'ouverture.",
            "Le mot « utilité sociale » a suscité de la méfiance chez un participant, qui y voyait un vocabulaire de financeur. La discussion était légitime mais a empiété sur l'atelier.",
            "Nous avons manqué de données fines à l'échelle des communes. Les chiffres départementaux disponibles parlaient peu aux porteurs, qui raisonnent à l'échelle de leur bassin de vie.",
            "Deux projets étaient très proches et la comparaison a créé une tension au sein du groupe. Nous avons choisi de l'aborder ouvertement en fin de séance plutôt que de la laisser couver.",
            "L'arbre à problèmes collectif a duré trop longtemps : le porteur volontaire a été très sollicité et s'est senti un peu exposé. Nous aurions dû limiter l'exercice à trente minutes.",
            "Le niveau d'écrit demandé par la grille d'utilité sociale a mis en difficulté deux participants. Nous avons dû adapter l'exercice à l'oral, en binôme avec un animateur.",
            "La consigne d'intersession n'avait été suivie que par la moitié du groupe. Les autres ont eu du mal à nourrir leur réflexion avec des situations concrètes.",
        ],
        "advice": [
            "Commencez par un exemple collectif avant le travail individuel : voir l'outil appliqué à un projet réel rassure et fait gagner beaucoup de temps.",
            "Bannissez le mot « solution » pendant la première heure ! C'est un bon moyen d'obliger le groupe à rester sur le besoin.",
            "Préparez deux ou trois fiches de données à l'échelle de l'intercommunalité. Les observatoires départementaux, la CAF ou le diagnostic du projet de territoire sont de bonnes sources.",
            "Présentez l'utilité sociale de manière large, en partant d'exemples locaux connus des participants plutôt que de définitions.",
            "Annoncez clairement que la séance va bousculer les projets, et que c'est normal. Ceux qui s'y attendent vivent beaucoup mieux les remises en question.",
            "Donnez une consigne d'intersession simple et concrète — par exemple interroger trois personnes concernées — pour préparer la séance de confrontation au terrain.",
            "Pour les personnes moins à l'aise avec l'écrit, proposez de dessiner l'arbre à problèmes plutôt que de le rédiger : le résultat est souvent plus parlant.",
            "Gardez une trace écrite des reformulations du groupe et envoyez-la à chaque porteur : ce sont souvent ces phrases-là qui finissent dans leur premier dossier.",
        ],
        # hooks[i] sums up worked[i]; generic hooks fit any report of the module.
        "hooks": [
            "l'arbre à problèmes a produit un déclic",
            "la carte d'empathie a révélé des angles morts",
            "un pitch du besoin sans parler de solution",
            "les données locales ont crédibilisé les constats",
            "montrer l'outil avant de le confier au groupe",
            "l'utilité sociale, bien plus qu'un mot de financeur",
            "deux projets découvrent qu'ils visent le même public",
            "un groupe exigeant et bienveillant",
        ],
        "generic_hooks": [
            "du « quoi » au « pour qui »",
            "des porteurs qui reformulent leur projet",
        ],
        "tag_weights": {
            "evaluation": 5,
            "posture-d-accompagnement": 4,
            "confiance-en-soi": 3,
            "partenariats-locaux": 2,
            "relation-aux-elus": 2,
            "isolement-des-porteurs": 2,
            "mobilite": 2,
            "communication": 1,
            "mobilisation-des-porteurs": 1,
            "garde-d-enfants": 1,
        },
    },
    "confronter-idee-terrain": {
        "short": "Confrontation au terrain",
        "context": [
            "Cette troisième étape est celle où les porteurs sortent de la salle. Entre les deux séances, chacun devait mener au moins cinq entretiens auprès de futurs usagers, de partenaires potentiels ou d'acteurs déjà présents sur le territoire.",
            "La séance avait deux temps : préparer les enquêtes terrain, puis en faire un premier retour collectif. Le groupe avait été prévenu que cette étape demanderait un vrai investissement personnel.",
            "Pour plusieurs porteurs, aller interroger des inconnus représentait un vrai cap. Certains n'avaient jamais mené d'entretien et redoutaient de « déranger » ou d'être mal reçus.",
            "Nous avions organisé la séance un jour de marché à {town}, dans une salle donnant sur la place, ce qui permettait d'aller tester quelques questions en direct auprès des passants.",
            "Les projets du groupe étaient à des stades variés : l'un cherchait à valider son public, un autre à repérer des lieux possibles, et d'autres découvraient à peine l'existence d'initiatives comparables dans {territory}.",
            "Nous avions préparé une liste de structures ressources du territoire — {partner}, des associations d'habitants, des commerçants, des mairies — pour que chacun puisse identifier des interlocuteurs à rencontrer.",
            "Plusieurs porteurs craignaient qu'en parlant de leur idée, quelqu'un la « copie ». Une crainte fréquente en début de parcours, qu'il fallait lever pour que les enquêtes aient lieu.",
            "Cette séance intervenait après trois semaines d'intersession. Nous savions que le retour terrain serait inégal selon les disponibilités de chacun, entre emploi, famille et engagements associatifs.",
        ],
        "proceedings": [
            "Nous avons d'abord travaillé les guides d'entretien en binômes : cinq à sept questions ouvertes au maximum, sans présenter la solution trop tôt. Chaque binôme a ensuite joué l'entretien devant le groupe, avec un observateur chargé de repérer les questions fermées.",
            "Une partie de la séance a été consacrée à une cartographie des acteurs : qui fait déjà quelque chose de proche, qui pourrait être partenaire, qui pourrait se sentir concurrencé. Les cartes ont été affichées et enrichies par tout le groupe.",
            "Nous avons tenté un micro-trottoir de trente minutes : par deux, les participants sont allés poser trois questions aux passants et aux commerçants de {town}. Ils sont revenus avec une quinzaine de réponses et beaucoup d'énergie.",
            "Le retour d'enquêtes s'est fait sous la forme « ce que j'ai appris / ce qui m'a surpris / ce que je change ». Chaque porteur disposait de cinq minutes, suivies des questions du groupe.",
            "Nous avons utilisé l'outil « {tool} » pour aider chacun à structurer ses découvertes. Les écarts entre ce que les porteurs imaginaient et ce qu'ils avaient entendu ont été particulièrement instructifs.",
            "Nous avons invité {person2}, qui a porté un projet accompagné il y a deux ans, à raconter comment ses propres enquêtes avaient réorienté son activité. Ce témoignage a beaucoup rassuré le groupe.",
            "Pour ceux qui voulaient aller plus loin, nous avons présenté l'idée d'un test minimal : une permanence d'essai, un stand sur le marché, une réunion publique. L'objectif est de vérifier l'intérêt réel avant d'investir.",
            "Nous avons terminé par la construction d'un plan d'enquête individuel : qui rencontrer, quand, avec quelles questions, et comment garder une trace des réponses.",
        ],
        "agendas": [
            [
                (15, "accueil"),
                (45, "guides d'entretien en binômes"),
                (30, "jeu de rôle : l'entretien raté, l'entretien réussi"),
                (15, "pause"),
                (40, "micro-trottoir dans les rues de {town}"),
                (35, "retour à chaud et plan d'enquête individuel"),
            ],
            [
                (20, "accueil et météo"),
                (60, "retour d'enquêtes : j'ai appris, j'ai été surpris, je change"),
                (15, "pause"),
                (40, "cartographie des acteurs du territoire"),
                (30, "atelier « {tool} »"),
                (15, "clôture"),
            ],
            [
                (15, "accueil"),
                (30, "témoignage d'un ancien porteur"),
                (45, "construction des questionnaires"),
                (15, "pause"),
                (45, "test minimal : imaginer une première expérimentation"),
                (25, "plan d'enquête et engagements"),
            ],
        ],
        "worked": [
            "Les enquêtes terrain ont débloqué plusieurs projets : {person} a découvert qu'un besoin très proche était exprimé par le centre social de {town2}, qui cherchait justement un partenaire.",
            "Le jeu de rôle de l'entretien raté a fait beaucoup rire et s'est révélé très formateur : tout le monde a compris en cinq minutes pourquoi il ne faut pas commencer par présenter sa solution.",
            "Le micro-trottoir a été un moment fort. Des participants qui n'osaient pas aborder des inconnus sont revenus enthousiastes, avec des réponses concrètes et parfois des contacts.",
            "La cartographie des acteurs a évité au moins un doublon : l'idée de créer {project2} était déjà portée par une association voisine, et les deux porteurs ont décidé de se rencontrer plutôt que de se concurrencer.",
            "Le témoignage d'un ancien porteur a libéré la parole sur la peur de l'échec. Entendre qu'un projet a changé trois fois avant de trouver sa forme a beaucoup rassuré.",
            "Les retours d'enquêtes ont été d'une grande richesse : en cumulé, le groupe avait mené une soixantaine d'entretiens. Plusieurs porteurs ont ajusté leur public cible ou leurs horaires.",
            "L'outil « {tool} » a permis de garder une trace structurée des entretiens. Certains porteurs l'ont réutilisé ensuite pour rédiger la partie diagnostic de leur premier dossier.",
            "L'idée du test minimal a séduit : deux porteurs ont prévu de tenir un stand lors de la prochaine fête de village pour vérifier l'intérêt des habitants.",
        ],
        "difficulties": [
            "L'intersession était trop courte pour certains : entre travail et vie de famille, trois participants n'avaient mené aucun entretien et se sont sentis en décalage pendant le retour collectif.",
            "Aller sur le terrain reste intimidant. Plusieurs porteurs se sont contentés d'interroger des proches, ce qui biaise évidemment les réponses.",
            "Les questionnaires rédigés par les porteurs comportaient beaucoup de questions fermées ou orientées (« Seriez-vous d'accord pour… ? »). Il a fallu y revenir en détail.",
            "Le retour d'enquêtes a été long : chacun avait beaucoup à raconter et nous avons dépassé l'horaire de vingt minutes, au détriment de la cartographie des acteurs.",
            "Certains porteurs ont reçu des retours négatifs et en ont été découragés. Il a fallu rappeler qu'un « non » est aussi une information précieuse à ce stade.",
            "La peur de se faire « voler » son idée a freiné deux participants, qui sont restés très vagues dans leurs entretiens et n'ont donc rien appris de vraiment utile.",
            "Le micro-trottoir a été perturbé par la météo : sous la pluie, la place de {town} était presque vide. Nous avons dû nous rabattre sur les commerçants.",
            "Quelques acteurs du territoire ont mal vécu d'être sollicités par plusieurs porteurs la même semaine. Mieux coordonner les prises de contact aurait évité ce petit malaise.",
        ],
        "advice": [
            "Faites jouer un entretien raté avant de lancer les porteurs sur le terrain : c'est la façon la plus efficace de montrer ce qu'il faut éviter.",
            "Prévoyez au moins trois semaines d'intersession avant le retour terrain, et proposez un point téléphonique à mi-parcours pour relancer ceux qui bloquent.",
            "Fixez un objectif réaliste : cinq entretiens de qualité valent mieux que vingt questionnaires distribués à des proches.",
            "Préparez une liste de contacts ressources du territoire et prévenez-les que des porteurs vont les solliciter : l'accueil n'en sera que meilleur.",
            "Valorisez les retours négatifs autant que les positifs. Un projet qui se transforme après le terrain est une réussite du parcours, pas un échec.",
            "Si le contexte s'y prête, sortez vraiment de la salle : un marché, une sortie d'école, une fête locale offrent des occasions de tester quelques questions en direct.",
            "Demandez aux porteurs de noter systématiquement une phrase marquante entendue pendant chaque entretien. Ces verbatims font merveille dans un dossier ou un pitch.",
            "Coordonnez les prises de contact avec les acteurs clés du territoire pour éviter qu'un même élu ou une même association soit sollicité cinq fois dans la semaine.",
        ],
        # hooks[i] sums up worked[i]; generic hooks fit any report of the module.
        "hooks": [
            "les enquêtes terrain ont débloqué {k_word} projets",
            "l'entretien raté, meilleur outil de la séance",
            "un micro-trottoir qui a donné de l'élan au groupe",
            "la cartographie des acteurs a évité un doublon",
            "le témoignage d'un ancien porteur a libéré la parole",
            "soixante entretiens et beaucoup de surprises",
            "garder une trace structurée des entretiens",
            "un stand à la fête de village pour tester l'idée",
        ],
        "generic_hooks": [
            "quand le terrain contredit l'idée de départ",
            "sortir de la salle pour tester son idée",
        ],
        "tag_weights": {
            "partenariats-locaux": 5,
            "relation-aux-elus": 3,
            "confiance-en-soi": 3,
            "mobilite": 3,
            "communication": 2,
            "numerique": 2,
            "cooperation-entre-structures": 2,
            "garde-d-enfants": 1,
            "mobilisation-des-porteurs": 2,
            "evaluation": 1,
            "posture-d-accompagnement": 1,
        },
    },
    "modele-economique-financement": {
        "short": "Modèle économique",
        "context": [
            "Quatrième séance, et celle que beaucoup attendaient avec un mélange d'impatience et d'appréhension : parler argent. Plusieurs porteurs nous avaient dit dès la première séance que le financement était leur principale inquiétude : comment financer le démarrage sans s'endetter ?",
            "La plupart des projets du groupe relèvent d'une économie hybride : un peu de ventes, des cotisations, du bénévolat et des subventions. Encore fallait-il que les porteurs en prennent conscience et sachent l'expliquer.",
            "Le groupe était partagé entre ceux qui imaginaient un projet entièrement financé par des subventions et ceux qui voulaient au contraire « ne dépendre de personne ». La séance devait permettre de dépasser cette opposition.",
            "Nous avions invité une chargée d'affaires de France Active et une personne du service développement économique de la communauté de communes pour la seconde partie de la séance.",
            "Peu de participants avaient déjà construit un budget. Pour créer {project}, par exemple, le porteur n'avait aucune idée du coût d'un local ou d'un poste salarié à mi-temps.",
            "Plusieurs projets du groupe, comme {project} ou {project2}, ne pourront jamais être rentables par la seule vente. La question du modèle économique se posait donc de façon très concrète.",
            "La séance se tenait dans nos locaux, à {town}. Nous avions affiché au mur un grand Business Model Canvas adapté à l'ESS, avec une case pour l'utilité sociale et une pour les ressources non monétaires.",
            "Le calendrier était favorable : un appel à projets départemental sur l'ESS venait d'être publié, avec une date limite dans deux mois. Plusieurs porteurs espéraient pouvoir y répondre.",
        ],
        "proceedings": [
            "Nous avons commencé par le Business Model Canvas social, rempli individuellement puis présenté en binômes. Les cases « ressources clés » et « structure de coûts » ont été les plus difficiles à renseigner.",
            "Un atelier sur les ressources hybrides a permis de distinguer ventes, subventions, dons, mécénat, bénévolat et mises à disposition. Chaque porteur a estimé la part de chaque ressource pour sa première année.",
            "Nous avons construit ensemble un budget prévisionnel simplifié sur l'exemple de {person}, qui souhaite créer {project}, poste par poste. Le groupe a été surpris par le poids des charges sociales et des assurances.",
            "Une cartographie des financeurs a été proposée : Région, Département, communauté de communes, fondations, France Active, financement participatif, prêts d'honneur. Pour chacun, nous avons précisé ce qu'il finance et à quel stade.",
            "Nous avons joué au jeu de cartes « Financements ESS » : chaque carte présente un financeur ou un dispositif, et les porteurs doivent les associer à leur projet en justifiant leur choix. Le jeu a suscité de nombreux échanges.",
            "Les deux intervenants invités ont présenté leurs dispositifs en quinze minutes chacun, puis ont répondu aux questions des porteurs en petits groupes. Ce format de « speed-dating » a très bien fonctionné.",
            "Nous avons consacré la dernière heure à l'outil « {tool} ». Chaque porteur devait repartir avec une première estimation de son besoin de démarrage et de ses principales sources de revenus.",
            "Nous avons abordé la question de la rémunération des porteurs eux-mêmes, souvent absente des budgets. Combien de temps bénévole avant de se verser un salaire ? Qui peut tenir combien de temps ?",
        ],
        "agendas": [
            [
                (15, "accueil et météo"),
                (50, "Business Model Canvas social"),
                (35, "ressources hybrides : ventes, subventions, bénévolat"),
                (15, "pause"),
                (40, "cartographie des financeurs"),
                (25, "questions-réponses avec une chargée d'affaires de France Active"),
            ],
            [
                (20, "accueil"),
                (40, "jeu de cartes « Financements ESS »"),
                (45, "budget prévisionnel simplifié en binômes"),
                (15, "pause"),
                (40, "speed-dating avec les financeurs invités"),
                (15, "clôture et consignes d'intersession"),
            ],
            [
                (15, "accueil"),
                (30, "apport : qu'est-ce qu'un modèle économique hybride ?"),
                (50, "atelier « {tool} »"),
                (15, "pause"),
                (40, "la rémunération des porteurs : tabou ou priorité ?"),
                (20, "tour de clôture"),
            ],
        ],
        "worked": [
            "Le Business Model Canvas a aidé les porteurs à voir leur projet comme un ensemble cohérent. {Person} a réalisé que sa principale ressource était en réalité un réseau de bénévoles qui n'avait jamais été valorisé.",
            "Le jeu de cartes a dédramatisé le sujet. Le groupe a pris conscience qu'il existe de nombreux financeurs possibles, mais que chacun a ses critères, son calendrier et ses attentes.",
            "Le budget construit collectivement a été une révélation pour plusieurs porteurs. Voir les chiffres posés au tableau, sans jargon, a rendu la question du financement beaucoup moins abstraite.",
            "La présence de France Active a été très appréciée. Les porteurs ont découvert le prêt d'honneur et la garantie bancaire, dont la plupart n'avaient jamais entendu parler.",
            "La discussion sur la rémunération des porteurs a été l'un des moments les plus sincères du parcours. Plusieurs ont admis qu'ils n'avaient jamais osé inscrire leur propre salaire dans leur budget.",
            "L'atelier sur les ressources hybrides a permis de sortir du fantasme du « tout subvention ». Plusieurs porteurs ont identifié une activité marchande complémentaire et cohérente avec leur projet.",
            "L'outil « {tool} » a produit des résultats concrets : chacun est reparti avec une première estimation chiffrée et une liste de trois financeurs à contacter.",
            "Le format de speed-dating avec les financeurs a été plébiscité : des échanges courts et concrets, où chaque porteur pouvait poser ses questions sans se sentir jugé devant le groupe.",
        ],
        "difficulties": [
            "Le sujet a réveillé beaucoup d'angoisses : certains porteurs, en situation précaire, ne peuvent pas se permettre de prendre des risques financiers. Il a fallu aborder la question avec tact.",
            "Le vocabulaire comptable — charges fixes, fonds de roulement, seuil de rentabilité — a perdu une partie du groupe. Nous aurions dû partir davantage d'exemples concrets.",
            "Les porteurs imaginaient souvent des montants de subvention irréalistes. Le retour à la réalité, avec les plafonds, les taux d'intervention et la liste des dépenses réellement financées, a été rude pour certains.",
            "Le temps a manqué pour aller au bout des budgets individuels. La plupart des participants sont repartis avec un budget incomplet, à retravailler seuls.",
            "Un financeur invité n'a pas pu venir au dernier moment. Nous avons improvisé une présentation de ses dispositifs, mais l'échange direct a manqué.",
            "Les projets étaient trop hétérogènes pour un exercice commun : entre une micro-activité individuelle et un lieu collectif avec plusieurs salariés, les ordres de grandeur n'avaient rien à voir.",
            "Plusieurs porteurs attendaient une liste de financements « clés en main ». Il a fallu expliquer que chaque financement dépend du projet, de son stade et du territoire.",
            "La question du bénévolat a divisé le groupe : certains le voient comme une ressource, d'autres comme une forme d'exploitation. Le débat était intéressant mais nous a fait prendre du retard.",
        ],
        "advice": [
            "Partez toujours d'un exemple réel, chiffré, issu du territoire. Le budget d'un café associatif voisin parle davantage que n'importe quel modèle théorique.",
            "Invitez au moins un financeur en chair et en os. Les porteurs osent rarement appeler seuls ; une première rencontre dans un cadre bienveillant lève beaucoup de freins.",
            "Intégrez dès le départ la rémunération des porteurs dans le budget, même symbolique. C'est une question d'équité et de durabilité du projet.",
            "Préparez une fiche synthétique et à jour des financeurs du territoire, avec leurs contacts et leurs calendriers. Elle sera consultée bien après la fin du parcours.",
            "Évitez le jargon comptable ou expliquez chaque terme avec un exemple. Un glossaire d'une page distribué en début de séance rend de grands services.",
            "Prévoyez un temps individuel après la séance pour les porteurs qui ont besoin d'aller plus loin sur leur budget. Le collectif a ses limites sur ce sujet.",
            "Rappelez que le modèle économique d'un projet ESS se construit dans la durée : la première version n'est qu'une hypothèse à tester.",
            "Travaillez le modèle économique en lien avec l'utilité sociale : c'est souvent là que se trouvent les arguments qui convaincront les financeurs publics et les fondations.",
        ],
        # hooks[i] sums up worked[i]; generic hooks fit any report of the module.
        "hooks": [
            "le Business Model Canvas révèle des ressources cachées",
            "le jeu de cartes des financeurs a dédramatisé le sujet",
            "un budget construit ensemble, sans jargon",
            "France Active invitée de la séance",
            "la rémunération des porteurs enfin sur la table",
            "sortir du fantasme du tout subvention",
            "chacun repart avec trois financeurs à contacter",
            "un speed-dating avec les financeurs",
        ],
        "generic_hooks": [
            "parler argent sans faire peur",
            "des modèles hybrides qui tiennent la route",
        ],
        "tag_weights": {
            "financement": 8,
            "modele-economique": 7,
            "relation-aux-elus": 2,
            "partenariats-locaux": 2,
            "cooperation-entre-structures": 1,
            "evaluation": 1,
            "confiance-en-soi": 1,
            "posture-d-accompagnement": 1,
        },
    },
    "statut-gouvernance-collectif": {
        "short": "Statut et gouvernance",
        "context": [
            "Cinquième séance : la question du statut revenait depuis le début du parcours, et nous l'avions volontairement repoussée. Beaucoup de porteurs pensaient qu'il suffisait de « créer une association » pour démarrer.",
            "Le groupe comptait des projets individuels et des projets déjà portés par un petit collectif. Pour ces derniers, la question de la gouvernance était brûlante : qui décide, comment, et quelle place pour les usagers ?",
            "Plusieurs porteurs s'interrogeaient sur la SCIC, dont ils avaient entendu parler sans bien la comprendre. D'autres hésitaient entre l'association et l'entreprise individuelle, ou envisageaient une CAE pour tester leur activité.",
            "Nous avions invité un juriste de l'union régionale des SCOP pour la seconde partie de la séance. Sa présence devait permettre de répondre précisément aux questions techniques.",
            "Pour le projet de {person}, qui veut créer {project}, la question était très concrète : comment associer à la fois les salariés, les bénévoles, les usagers et la commune qui met un local à disposition ?",
            "Cette séance intervenait à un moment où certains collectifs commençaient à se tendre. Des désaccords sur la répartition des rôles étaient apparus entre deux séances.",
            "Nous savions que la question du statut peut vite devenir très technique et décourageante. Notre parti pris : partir du projet et du collectif avant de parler de formes juridiques.",
            "Les porteurs {territory_of} connaissent bien le monde associatif, très dense localement, mais beaucoup moins les coopératives. La séance devait élargir le champ des possibles.",
        ],
        "proceedings": [
            "Nous avons utilisé l'arbre des statuts : à partir de quelques questions simples — but lucratif ou non, activité commerciale ou non, qui prend les décisions — chaque porteur descendait l'arbre jusqu'à une ou deux formes possibles.",
            "Un jeu de rôle sur la gouvernance a été proposé : le groupe simulait l'assemblée générale d'un projet fictif, avec des rôles attribués — trésorière, bénévole, usager, élu, salarié. Les tensions simulées ont été très parlantes.",
            "La roue des parties prenantes a permis à chacun d'identifier qui est concerné par son projet et quelle place lui donner dans les décisions : information, consultation ou codécision.",
            "Nous avons présenté une grille de comparaison entre association, SCIC, SCOP, SAS de l'ESS et entreprise individuelle. Pour chaque forme : qui décide, comment se répartissent les excédents, quelles obligations.",
            "Les projets collectifs ont travaillé sur une première charte : valeurs, répartition des rôles, modes de décision, règles en cas de désaccord. Les projets individuels ont réfléchi aux personnes à embarquer.",
            "Nous avons consacré un temps à l'outil « {tool} », en l'appliquant au projet de {person}, qui souhaitait associer des habitants à la gouvernance sans alourdir le fonctionnement.",
            "L'intervention du juriste a pris la forme de questions-réponses à partir des cas réels du groupe. Les participants avaient préparé leurs questions à l'avance sur des post-it.",
            "Nous avons terminé par un temps sur le collectif : qui pourrait rejoindre le projet, avec quel rôle, et comment aller chercher ces personnes dans les semaines à venir.",
        ],
        "agendas": [
            [
                (15, "accueil"),
                (40, "arbre des statuts"),
                (50, "jeu de rôle : l'assemblée générale"),
                (15, "pause"),
                (40, "roue des parties prenantes"),
                (20, "clôture et intersession"),
            ],
            [
                (20, "accueil et météo"),
                (35, "grille de comparaison des statuts"),
                (40, "questions-réponses avec un juriste"),
                (15, "pause"),
                (45, "atelier « {tool} »"),
                (25, "qui embarquer dans mon collectif ?"),
            ],
            [
                (15, "accueil"),
                (30, "apport : gouvernance et démocratie interne"),
                (45, "première charte pour les projets collectifs"),
                (15, "pause"),
                (45, "arbre des statuts et cas pratiques"),
                (20, "tour de clôture"),
            ],
        ],
        "worked": [
            "L'arbre des statuts a simplifié un sujet qui faisait peur. En vingt minutes, chaque porteur avait réduit le champ à deux options crédibles, ce qui a rendu la discussion avec le juriste beaucoup plus efficace.",
            "Le jeu de rôle de l'assemblée générale a été un grand moment : les participants se sont pris au jeu et ont vécu de l'intérieur les tensions classiques entre bénévoles, salariés et usagers.",
            "La présentation de la SCIC a suscité un vif intérêt. {Person} a compris que ce statut permettait d'associer la commune et les usagers au projet, ce qui répondait exactement à ses questions.",
            "La roue des parties prenantes a fait émerger des acteurs oubliés : plusieurs porteurs n'avaient pas pensé aux voisins, aux commerçants ou aux autres associations du village.",
            "Les projets collectifs ont beaucoup avancé sur leur charte. Poser par écrit les règles de décision a désamorcé un conflit latent dans l'un des groupes.",
            "Le juriste a su rester concret et accessible, en partant systématiquement des cas du groupe. Plusieurs participants ont dit avoir enfin compris la différence entre association et coopérative.",
            "L'outil « {tool} » a permis de parler gouvernance sans juridisme. Les porteurs ont réalisé que la question « qui décide ? » est au moins aussi importante que le choix du statut.",
            "Le temps sur le collectif a débouché sur des actions concrètes : chaque porteur a listé trois personnes à solliciter pour rejoindre son projet.",
        ],
        "difficulties": [
            "Le sujet est vite devenu très technique, et une partie du groupe a décroché pendant la comparaison des statuts. Nous aurions dû réduire le nombre de formes présentées.",
            "Les porteurs de projets individuels se sont sentis moins concernés par la partie sur la gouvernance collective. Il a fallu adapter les consignes en cours de séance.",
            "Un désaccord au sein d'un collectif a ressurgi pendant le jeu de rôle. Nous avons dû faire une pause et proposer un temps d'échange dédié après la séance.",
            "Plusieurs porteurs voulaient une réponse définitive sur leur statut. Nous avons dû rappeler qu'à ce stade, il s'agit surtout d'identifier des pistes et de comprendre les conséquences de chaque choix.",
            "L'association reste le réflexe par défaut pour beaucoup de porteurs, même quand l'activité est principalement commerciale. Dépasser ce réflexe demande du temps et des exemples.",
            "La place des élus dans la gouvernance a suscité un débat vif : certains y voyaient un atout, d'autres un risque de dépendance politique.",
            "Nous avons manqué de temps pour la partie sur le collectif, pourtant essentielle pour les projets qui reposent encore sur une seule personne.",
            "Les exemples de SCIC et de SCOP présentés venaient surtout de milieux urbains ; les participants ont eu du mal à s'y projeter dans un contexte rural.",
        ],
        "advice": [
            "Partez du projet et du collectif, jamais du statut. La forme juridique doit découler de la gouvernance souhaitée, pas l'inverse.",
            "Limitez la comparaison à trois ou quatre statuts pertinents pour le groupe. Au-delà, l'information devient contre-productive.",
            "Un jeu de rôle vaut mieux qu'un long exposé pour faire comprendre les enjeux de gouvernance. Prévoyez cependant un temps de débriefing pour sortir des rôles.",
            "Présentez des exemples de coopératives rurales proches du territoire. Les porteurs ont besoin de voir que ces formes existent près de chez eux.",
            "Invitez un spécialiste — union régionale des SCOP, juriste associatif — mais préparez les questions en amont avec les porteurs pour que l'échange reste concret.",
            "Proposez aux projets collectifs un temps spécifique sur leurs règles de fonctionnement : c'est une prévention efficace des conflits futurs.",
            "Pour les projets individuels, transformez la question de la gouvernance en question d'entourage : qui va m'aider, me conseiller, me challenger ?",
            "Distribuez une fiche récapitulative des statuts avec des ressources pour aller plus loin. Peu de porteurs retiennent tout pendant la séance.",
        ],
        # hooks[i] sums up worked[i]; generic hooks fit any report of the module.
        "hooks": [
            "l'arbre des statuts a rassuré tout le monde",
            "une assemblée générale jouée par le groupe",
            "la SCIC, star inattendue de la séance",
            "la roue des parties prenantes fait émerger les oubliés",
            "la charte du collectif a désamorcé un conflit",
            "un juriste au service des cas réels",
            "gouvernance : qui décide vraiment ?",
            "trois personnes à embarquer pour chaque projet",
        ],
        "generic_hooks": [
            "partir du collectif avant le statut",
            "association, coopérative ou CAE ?",
        ],
        "tag_weights": {
            "gouvernance": 8,
            "cooperation-entre-structures": 3,
            "relation-aux-elus": 3,
            "modele-economique": 2,
            "posture-d-accompagnement": 1,
            "partenariats-locaux": 2,
            "confiance-en-soi": 1,
            "evaluation": 1,
        },
    },
    "plan-action-suites": {
        "short": "Plan d'action",
        "context": [
            "Dernière séance du parcours : l'objectif était que chaque porteur reparte avec un plan d'action concret pour les six prochains mois et une idée claire des relais d'accompagnement disponibles.",
            "Sur les {initial} personnes inscrites au départ, {n} étaient présentes pour cette dernière séance. Certains projets avaient été abandonnés en cours de route, ce qui est aussi un résultat du parcours.",
            "Les projets étaient à des stades très différents : l'idée de créer {project} était mûre pour une entrée en incubation, alors que d'autres avaient encore besoin de temps ou de trouver des associés.",
            "Nous avions invité les partenaires du territoire — l'incubateur, {partner}, la chargée de développement économique de l'intercommunalité — à assister à la seconde partie de la séance pour entendre les pitchs des porteurs.",
            "La séance avait aussi une dimension symbolique : clore un parcours de plusieurs semaines, marquer le chemin parcouru et éviter que chacun se retrouve de nouveau seul avec son projet.",
            "Nous avions demandé aux porteurs de préparer une présentation de trois minutes de leur projet, sous la forme de leur choix : oral, affiche, petite vidéo.",
            "Cette dernière demi-journée s'est tenue à {town}, dans un lieu choisi par le groupe lui-même. Un signe de l'appropriation du parcours par les participants.",
            "L'enjeu principal pour nous était la suite : comment éviter la « falaise » de fin de parcours, quand les porteurs se retrouvent sans rendez-vous réguliers ni groupe pour les soutenir ?",
        ],
        "proceedings": [
            "Chaque porteur a construit un rétroplanning sur six mois, avec trois à cinq étapes clés. Nous avons insisté sur la première action, à réaliser dans les quinze jours, pour enclencher la dynamique.",
            "Les pitchs ont été présentés devant le groupe et les partenaires invités, suivis de deux minutes de questions bienveillantes. Chaque porteur a reçu des retours écrits sur des cartes de couleur.",
            "Nous avons présenté la carte des relais d'accompagnement du territoire : incubateurs, dispositif local d'accompagnement, CAE, couveuses, réseaux d'entrepreneurs. Chacun a identifié le ou les relais adaptés à son stade.",
            "L'outil « {tool} » a structuré la seconde partie de la séance : chaque porteur a formalisé ses prochaines étapes, ses besoins et les personnes ressources à solliciter.",
            "Un cercle de feedback a permis à chacun de dire ce qu'il retenait du parcours et ce qu'il souhaitait aux autres. Un moment fort, parfois émouvant.",
            "Nous avons proposé l'exercice de la lettre à soi-même : chaque porteur écrit ce qu'il espère avoir accompli dans six mois. Les lettres seront envoyées par courrier à la date prévue.",
            "Le groupe a discuté des suites collectives possibles : un rendez-vous trimestriel, un groupe de messagerie, des visites croisées des projets. Une participante s'est proposée pour organiser la première rencontre.",
            "Nous avons fait un bilan collectif du parcours à l'aide d'une cible : chacun plaçait des gommettes pour évaluer l'utilité de chaque séance, la dynamique de groupe et l'animation.",
        ],
        "agendas": [
            [
                (15, "accueil"),
                (45, "rétroplanning à six mois"),
                (15, "préparation des pitchs"),
                (15, "pause"),
                (50, "pitchs devant les partenaires invités"),
                (20, "carte des relais d'accompagnement"),
                (20, "bilan du parcours et pot de clôture"),
            ],
            [
                (20, "accueil et météo"),
                (40, "atelier « {tool} »"),
                (40, "relais d'accompagnement : qui fait quoi sur le territoire ?"),
                (15, "pause"),
                (35, "cercle de feedback"),
                (30, "lettre à soi-même et évaluation"),
            ],
            [
                (15, "accueil"),
                (40, "feuille de route individuelle"),
                (30, "première action dans les quinze jours"),
                (15, "pause"),
                (40, "suites collectives : comment rester en lien ?"),
                (30, "bilan à la cible et clôture festive"),
            ],
        ],
        "worked": [
            "Les pitchs ont été un moment de fierté. {Person}, qui avait peiné à présenter son idée lors de la première séance, a parlé trois minutes avec clarté et conviction. Le chemin parcouru était visible pour tous.",
            "La présence des partenaires a donné du poids aux projets : l'incubateur a proposé un rendez-vous à deux porteurs, et la communauté de communes a invité une porteuse à présenter son projet en commission.",
            "La carte des relais d'accompagnement a rassuré les porteurs : ils savent désormais vers qui se tourner et ne repartent pas dans le vide.",
            "Le rétroplanning a obligé chacun à être concret. La consigne de la « première action dans les quinze jours » a été tenue par presque tout le groupe, d'après le suivi réalisé ensuite.",
            "Le cercle de feedback a confirmé l'importance du groupe : presque tous les participants ont cité la rencontre avec les autres porteurs comme l'apport principal du parcours.",
            "Le groupe a décidé de continuer à se retrouver tous les deux mois, sans nous. Une réussite que nous n'avions pas osé espérer.",
            "L'outil « {tool} » a aidé les porteurs à hiérarchiser leurs priorités. Plusieurs ont réalisé qu'ils voulaient tout faire en même temps et ont choisi de séquencer.",
            "Le bilan à la cible a livré des enseignements utiles : la séance terrain et celle sur le modèle économique ont été jugées les plus utiles, la séance sur les statuts la plus difficile.",
        ],
        "difficulties": [
            "Le temps a manqué pour les pitchs : avec {n} porteurs, trois minutes chacun plus les questions, nous avons largement débordé.",
            "Certains porteurs n'étaient pas prêts à présenter leur projet devant des partenaires extérieurs et l'ont vécu comme une évaluation. Nous aurions dû mieux préparer cette étape.",
            "Les relais d'accompagnement sont inégalement présents sur le territoire : pour un porteur isolé au fond d'une vallée, l'incubateur le plus proche est à plus d'une heure de route.",
            "La fin du parcours a généré une forme d'inquiétude chez plusieurs participants, qui redoutaient de se retrouver de nouveau seuls avec leur projet.",
            "Deux porteurs ont annoncé qu'ils arrêtaient leur projet. Il a fallu accueillir cette décision comme une issue légitime, sans qu'elle soit vécue comme un échec.",
            "Les partenaires invités n'ont pas tous pu rester jusqu'au bout ; certains porteurs ont présenté devant une salle à moitié vide, ce qui était frustrant.",
            "Les actions de suivi après le parcours ne sont pas financées : nous ne pouvons proposer qu'un appel à trois mois, ce qui semble insuffisant au regard des besoins exprimés.",
            "L'évaluation du parcours a été un peu bâclée, faute de temps en fin de séance. Nous avons dû envoyer un questionnaire en ligne, auquel peu de participants ont répondu.",
        ],
        "advice": [
            "Invitez les partenaires de la suite dès la dernière séance : c'est le meilleur moyen de faire le pont entre le parcours et l'accompagnement suivant.",
            "Limitez les pitchs à deux minutes et entraînez les porteurs lors de la séance précédente. Le format court est plus valorisant pour tout le monde.",
            "Fixez avec chaque porteur une « première action » réaliste à court terme, et relancez-le par téléphone deux semaines après.",
            "Prévoyez un moment festif pour clore le parcours. Marquer la fin compte beaucoup pour les participants, et aide le lien à perdurer.",
            "Faites l'évaluation du parcours pendant la séance, pas après : un outil visuel de cinq minutes recueille plus de retours qu'un questionnaire en ligne.",
            "Accueillez les abandons comme des décisions éclairées. Un porteur qui renonce en connaissance de cause a, lui aussi, tiré profit du parcours.",
            "Encouragez le groupe à s'auto-organiser pour la suite. Un rendez-vous régulier entre pairs prolonge la dynamique bien au-delà de ce que nous pouvons offrir.",
            "Préparez une fiche « relais » individualisée pour chaque porteur, avec deux ou trois contacts précis. C'est plus utile qu'une liste exhaustive.",
        ],
        # hooks[i] sums up worked[i]; generic hooks fit any report of the module.
        "hooks": [
            "des pitchs qui montrent le chemin parcouru",
            "des partenaires présents pour écouter les porteurs",
            "une carte des relais pour ne pas repartir dans le vide",
            "une première action dans les quinze jours",
            "le groupe, premier apport du parcours",
            "le groupe continuera sans nous",
            "hiérarchiser ses priorités avant de foncer",
            "bilan à la cible : ce que le groupe retient",
        ],
        "generic_hooks": [
            "éviter la falaise de fin de parcours",
            "clôture festive et feuilles de route",
        ],
        "tag_weights": {
            "cooperation-entre-structures": 5,
            "partenariats-locaux": 4,
            "evaluation": 5,
            "financement": 2,
            "communication": 3,
            "isolement-des-porteurs": 2,
            "relation-aux-elus": 2,
            "mobilisation-des-porteurs": 1,
            "posture-d-accompagnement": 1,
        },
    },
}

# ---------------------------------------------------------------------------
# Texts per tag (challenge)
# ---------------------------------------------------------------------------

_TAG_TEXTS: dict[str, dict] = {
    "financement": {
        "worked": [
            "Le sujet du financement a été abordé sans tabou. Plusieurs porteurs ont découvert que des actions pouvaient être financées à différents stades : amorçage, investissement, fonctionnement.",
            "Un porteur a repéré un appel à projets de la Région adapté à son projet, avec une échéance compatible avec son calendrier. Le groupe l'a aidé à relire sa note d'intention.",
            "Le lien avec France Active s'est concrétisé : deux porteurs ont obtenu un rendez-vous pour étudier un prêt d'honneur et une garantie bancaire.",
        ],
        "difficulties": [
            "La question du financement a pesé sur toute la séance : plusieurs porteurs ne voyaient pas comment financer les premiers mois, en particulier le temps passé à monter le projet, qu'aucun dispositif ne couvre.",
            "Les appels à projets repérés avaient des calendriers incompatibles avec la maturité des projets : dates limites trop proches, exigence de cofinancement, dossiers très lourds pour des porteurs débutants.",
            "Notre propre parcours n'est financé que pour une session par an, grâce au Département et à une fondation. Difficile, dans ces conditions, de répondre à toutes les demandes du territoire.",
            "Plusieurs porteurs ont été découragés par les délais de versement : même lorsque les actions sont financées par la Région ou le Département, l'argent arrive souvent des mois après le démarrage.",
        ],
        "advice": [
            "Dressez avec les porteurs une cartographie des financeurs par stade du projet : fondations et prêts d'honneur à l'amorçage, Région et Département pour l'investissement, appels à projets thématiques ensuite. Toutes les dépenses ne sont pas financées au même stade.",
            "Invitez un réseau comme France Active ou une plateforme d'initiative locale : leur connaissance des dispositifs de financement fait gagner des mois aux porteurs.",
            "Aidez les porteurs à rédiger une note de présentation de deux pages, réutilisable pour plusieurs financeurs ; c'est un investissement qui sert très vite.",
            "Pour financer le parcours lui-même, pensez à mutualiser les demandes avec d'autres structures : une candidature commune à un appel à projets régional pèse plus lourd qu'une demande isolée.",
        ],
        "hooks": [
            "financer les premiers mois, le casse-tête des porteurs",
            "appels à projets : trop tôt pour les porteurs ?",
            "comment financer un projet qui démarre ?",
        ],
    },
    "isolement-des-porteurs": {
        "worked": [
            "Le groupe a joué son rôle de rempart contre l'isolement : plusieurs porteurs ont échangé leurs numéros et prévu de se revoir entre les séances.",
            "{Person}, qui se sentait isolé{e} dans son village depuis son installation, a trouvé dans le groupe des interlocuteurs qui comprennent sa situation.",
            "Les binômes de pairs mis en place entre les séances ont bien fonctionné : chacun avait quelqu'un à appeler pour avancer ou simplement parler de ses doutes.",
        ],
        "difficulties": [
            "L'isolement des porteurs reste le premier frein que nous observons : beaucoup ont construit leur idée seuls, sans personne à qui en parler, et arrivent avec une forme d'épuisement ou de doute profond.",
            "Entre deux séances, plusieurs participants retombent dans l'isolement et perdent le fil de leur projet. Trois semaines sans contact, c'est long quand on vit isolé, à vingt kilomètres du premier voisin porteur de projet.",
            "Une participante nous a confié qu'elle n'avait parlé de son projet à personne depuis deux ans, par peur d'être jugée. Cet isolement se ressent dans la difficulté à prendre la parole en groupe.",
            "Pour les porteurs les plus isolés, loin de tout réseau associatif ou professionnel, le parcours est souvent le seul espace d'échange. La fin des séances peut être vécue comme une perte.",
        ],
        "advice": [
            "Organisez des binômes de pairs entre les séances : un simple appel hebdomadaire entre deux porteurs rompt l'isolement et maintient la dynamique.",
            "Créez un espace d'échange entre les séances — groupe de messagerie, café mensuel — en laissant les participants choisir l'outil qui leur convient.",
            "Soyez attentifs aux signaux de repli : une absence non justifiée mérite un appel, pas seulement un courriel.",
            "Présentez les lieux où les porteurs pourront retrouver des pairs après le parcours : tiers-lieux, clubs d'entrepreneurs, réseaux associatifs.",
        ],
        "hooks": [
            "rompre l'isolement, premier résultat du parcours",
            "des porteurs moins seuls avec leur idée",
            "le groupe contre l'isolement",
        ],
    },
    "mobilite": {
        "worked": [
            "Le covoiturage organisé dès la première séance a bien fonctionné : quatre participants venaient ensemble depuis {town2}, et les trajets sont devenus des moments d'échange à part entière.",
            "Le choix de tenir la séance à {town}, mieux desservie, a permis à deux participants sans voiture de venir grâce au transport à la demande de l'intercommunalité.",
            "Plusieurs projets du groupe portent eux-mêmes sur la mobilité — autopartage, garage solidaire, navette — et ont trouvé dans ces échanges matière à réflexion.",
        ],
        "difficulties": [
            "La mobilité reste un frein majeur : deux participants n'ont pas de voiture et le transport à la demande doit être réservé la veille, ce qui limite fortement leur participation.",
            "Certains porteurs faisaient plus de quarante minutes de route pour venir. Par mauvais temps, sur les petites routes de campagne, deux d'entre eux ont renoncé à la dernière minute.",
            "Le covoiturage prévu entre participants n'a pas tenu dans la durée : horaires incompatibles, détours trop longs. Les problèmes de mobilité ont mécaniquement réduit l'assiduité.",
            "Le coût du carburant pèse sur les porteurs aux revenus modestes. Une participante nous a expliqué qu'elle devait choisir entre venir à la séance et faire ses courses de la semaine.",
        ],
        "advice": [
            "Faites tourner le lieu des séances entre plusieurs communes du territoire pour répartir les temps de trajet, et organisez le covoiturage dès l'inscription.",
            "Renseignez-vous sur le transport à la demande et les solutions de mobilité solidaire locales, et intégrez l'information dans la convocation.",
            "Prévoyez, si votre budget le permet, une prise en charge des frais de déplacement : c'est un levier d'accessibilité sous-estimé.",
            "Pour les séances plus théoriques, une option à distance peut éviter des trajets, à condition de garder le présentiel pour les temps d'interconnaissance.",
        ],
        "hooks": [
            "covoiturage et transport à la demande pour venir en séance",
            "la mobilité, frein numéro un",
            "quarante minutes de route pour une demi-journée",
        ],
    },
    "mobilisation-des-porteurs": {
        "worked": [
            "Le bouche-à-oreille et le relais de {partner} ont permis de constituer un groupe complet. Le fait que d'anciens participants parlent du parcours a visiblement rassuré les nouveaux.",
            "L'assiduité a été remarquable : grâce aux rappels par SMS la veille, nous n'avons eu qu'une seule absence.",
            "La réunion d'information organisée à {town2} un mois avant le démarrage a permis de toucher des personnes qui ne fréquentent aucune structure d'accompagnement.",
        ],
        "difficulties": [
            "Mobiliser des porteurs reste difficile : malgré une communication large, nous avons eu moins d'inscrits que prévu, et deux désistements la veille du démarrage.",
            "L'assiduité a baissé au fil des séances : certains participants, pris par leur emploi ou leurs obligations familiales, ont manqué une séance sur deux.",
            "Beaucoup de personnes qui ont une idée ne se reconnaissent pas comme « porteurs de projet ». Le terme même peut freiner l'inscription.",
            "Les publics les plus éloignés — jeunes, allocataires du RSA, habitants des hameaux — sont ceux que nous touchons le moins, alors qu'ils portent parfois des idées très pertinentes.",
        ],
        "advice": [
            "Appuyez-vous sur les prescripteurs de proximité — secrétaires de mairie, centres sociaux, missions locales, France Travail — plus que sur les réseaux sociaux.",
            "Parlez d'« idées » plutôt que de « projets » dans votre communication : le mot rassure et élargit le public.",
            "Organisez une réunion d'information ou un café-découverte avant le parcours : beaucoup de gens ont besoin de voir avant de s'engager.",
            "Envoyez un rappel la veille de chaque séance, par SMS plutôt que par courriel : le taux de présence s'en ressent nettement.",
        ],
        "hooks": [
            "un groupe complet grâce aux prescripteurs locaux",
            "comment garder les porteurs jusqu'au bout ?",
            "des chaises vides à comprendre",
        ],
    },
    "cooperation-entre-structures": {
        "worked": [
            "La co-animation avec une structure partenaire a enrichi la séance : chacun apportait ses outils et sa connaissance du territoire.",
            "L'échange avec d'autres structures du réseau qui utilisent le même kit nous a permis d'adapter l'animation, en reprenant un déroulé testé ailleurs.",
            "Plusieurs porteurs ont été orientés vers des structures partenaires pour la suite, grâce aux liens tissés entre accompagnateurs tout au long du parcours.",
        ],
        "difficulties": [
            "La coopération entre structures demande un temps de coordination que personne ne finance : préparer une séance à deux prend presque deux fois plus de temps.",
            "Nos cultures professionnelles différaient : l'une des structures a une approche très entrepreneuriale, l'autre est très ancrée dans l'éducation populaire. Il a fallu s'accorder sur la posture.",
            "Le partage des rôles entre structures n'était pas clair au départ : qui recrute, qui anime, qui suit les porteurs après le parcours ?",
            "Nous avons découvert tardivement qu'une autre structure du territoire proposait un dispositif proche, ce qui a semé la confusion chez certains porteurs.",
        ],
        "advice": [
            "Formalisez le partage des rôles entre structures dans une courte convention : recrutement, animation, suivi, communication.",
            "Prenez le temps de co-préparer les séances et de débriefer ensemble : c'est là que se construit une vraie culture commune.",
            "Participez aux temps d'échange entre structures qui utilisent le kit : les retours d'expérience des autres font gagner beaucoup de temps.",
            "Cartographiez l'offre d'accompagnement existante avant de lancer un parcours, pour vous positionner en complémentarité et non en concurrence.",
        ],
        "hooks": [
            "co-animer à deux structures, ça change tout",
            "un parcours co-construit entre voisins",
            "accompagnateurs en réseau : ce que nous avons appris",
        ],
    },
    "gouvernance": {
        "worked": [
            "La discussion sur la gouvernance a permis à un collectif de clarifier qui décide de quoi. Les tensions accumulées depuis plusieurs semaines se sont nettement apaisées.",
            "Plusieurs porteurs ont compris l'intérêt d'associer les usagers aux décisions, non comme une contrainte mais comme une façon d'ancrer leur projet dans le territoire.",
            "Le groupe a produit des règles de décision simples — consentement, rôles tournants — que plusieurs projets collectifs ont reprises ensuite.",
        ],
        "difficulties": [
            "Les questions de gouvernance ont révélé des désaccords profonds dans un des collectifs : l'un des membres voulait décider seul, les autres souhaitaient un fonctionnement horizontal.",
            "La gouvernance partagée reste abstraite pour beaucoup de porteurs, qui peinent à imaginer comment associer usagers, bénévoles et partenaires sans tout ralentir.",
            "Dans plusieurs projets, une seule personne porte tout. Parler de gouvernance collective paraissait prématuré, voire décourageant.",
            "Les modèles de gouvernance présentés semblaient lourds pour des projets naissants : conseil d'administration, collèges, assemblée générale… Certains porteurs ont eu peur de la charge administrative.",
        ],
        "advice": [
            "Présentez la gouvernance comme une question de répartition du pouvoir et des responsabilités, pas comme une question de statuts.",
            "Proposez des outils de décision simples et testables tout de suite, comme la décision par consentement.",
            "Pour les collectifs en tension, proposez un temps dédié hors séance, éventuellement avec une personne extérieure au groupe.",
            "Encouragez une gouvernance évolutive : commencer léger et ouvrir progressivement aux parties prenantes à mesure que le projet grandit.",
        ],
        "hooks": [
            "qui décide ? la gouvernance au cœur des échanges",
            "un collectif qui clarifie ses règles",
            "gouvernance partagée : commencer léger",
        ],
    },
    "modele-economique": {
        "worked": [
            "Le travail sur le modèle économique a permis de dépasser l'opposition entre « projet social » et « projet rentable » : plusieurs porteurs ont identifié une activité marchande cohérente avec leur mission.",
            "La notion de modèle hybride — ventes, subventions, mécénat, bénévolat — a bien été comprise, et chacun a pu estimer la part de chaque ressource.",
            "Les échanges entre porteurs sur leurs hypothèses de prix ont été très riches : le regard des autres a permis de corriger plusieurs estimations irréalistes.",
        ],
        "difficulties": [
            "Le modèle économique reste le point faible de nombreux projets : les porteurs sous-estiment les coûts, notamment le temps de travail, et surestiment les recettes de vente.",
            "En milieu rural, la faible densité de population limite la clientèle potentielle. Plusieurs projets ne peuvent pas tenir sans une part importante de financements publics, ce qui inquiète les porteurs.",
            "Certains porteurs refusent l'idée de vendre quoi que ce soit, par crainte de dénaturer leur projet. Le débat est légitime mais complique la construction d'un modèle viable.",
            "Les prix envisagés étaient souvent trop bas, pour rester accessibles aux habitants ; l'équilibre entre accessibilité et viabilité a fait débat.",
        ],
        "advice": [
            "Faites travailler le modèle économique sur trois scénarios — prudent, réaliste, optimiste — pour éviter que les porteurs ne s'accrochent à un seul chiffre.",
            "Montrez des modèles économiques de projets ruraux comparables, avec leurs chiffres réels : rien ne vaut l'exemple d'une épicerie ou d'un café associatif voisin.",
            "Intégrez la valorisation du bénévolat et des mises à disposition dans le modèle : elles comptent, et les financeurs y sont de plus en plus attentifs.",
            "Rappelez qu'un modèle économique se teste : une première activité à petite échelle en apprend plus que des semaines de tableur.",
        ],
        "hooks": [
            "modèle économique : entre accessibilité et viabilité",
            "des modèles hybrides pour des projets ruraux",
            "quand le tableur rencontre l'utilité sociale",
        ],
    },
    "communication": {
        "worked": [
            "L'affiche réalisée par une participante graphiste pour présenter le parcours a circulé dans tous les commerces de {town}, et a fait venir deux nouveaux participants.",
            "Le travail sur le pitch a aidé les porteurs à parler de leur projet en termes simples, sans jargon. Plusieurs ont dit se sentir enfin capables de le présenter à leur entourage.",
            "Un article dans la presse locale sur le parcours a eu un effet visible : des élus et des partenaires nous ont contactés pour en savoir plus.",
        ],
        "difficulties": [
            "La communication autour du parcours reste un point faible : notre site et nos réseaux sociaux touchent surtout des personnes déjà sensibilisées à l'ESS.",
            "Plusieurs porteurs ont du mal à présenter leur projet de façon claire et courte ; ils se perdent dans les détails ou utilisent un vocabulaire trop technique.",
            "Les supports de communication du kit, très complets, ne sont pas toujours adaptés aux habitants que nous voulons toucher : trop de texte, pas assez d'images.",
            "La diffusion de l'information par les mairies est très inégale selon les communes : certaines relaient systématiquement, d'autres jamais.",
        ],
        "advice": [
            "Misez sur une communication de proximité : affiches chez les commerçants, bulletins municipaux, radios locales. C'est souvent plus efficace que les réseaux sociaux.",
            "Faites témoigner d'anciens participants dans vos supports : leur parole convainc bien plus que n'importe quel argumentaire.",
            "Entraînez les porteurs au pitch court dès le milieu du parcours, pour qu'ils puissent présenter leur projet à chaque occasion.",
            "Préparez un petit kit de communication prêt à l'emploi pour les mairies et les partenaires : texte court, visuel, contact.",
        ],
        "hooks": [
            "présenter son projet en deux minutes",
            "communiquer au plus près des habitants",
            "une affiche chez les commerçants, deux inscrits de plus",
        ],
    },
    "numerique": {
        "worked": [
            "Le tableau blanc numérique partagé a permis de garder une trace de tous les travaux, consultable par les porteurs entre les séances.",
            "La visio a permis à une participante de suivre la séance malgré une panne de voiture : sans cette option, elle aurait manqué une étape importante.",
            "Un atelier express sur les outils numériques utiles au projet — agenda partagé, questionnaire en ligne, tableur — a été très apprécié.",
        ],
        "difficulties": [
            "La couverture numérique reste inégale : deux participants habitent en zone blanche et la connexion a coupé à plusieurs reprises pendant la séance.",
            "Tous les participants ne sont pas à l'aise avec les outils numériques ; le questionnaire en ligne prévu entre les séances n'a été rempli que par la moitié du groupe.",
            "En visio, il est beaucoup plus difficile de percevoir les silences et les malaises ; la dynamique de groupe en pâtit clairement.",
            "Le partage de documents en ligne a créé de la confusion : plusieurs versions circulaient, et certains porteurs ne savaient plus où trouver les ressources.",
        ],
        "advice": [
            "Vérifiez en amont les conditions de connexion et l'équipement des participants, et prévoyez toujours une alternative papier ou téléphonique.",
            "Proposez un temps de prise en main des outils avant la première séance à distance ; quinze minutes suffisent souvent à lever les blocages.",
            "Réservez la visio aux séances les plus techniques et gardez le présentiel pour les temps d'interconnaissance et de confiance.",
            "Centralisez les ressources dans un seul espace simple, accessible sans création de compte.",
        ],
        "hooks": [
            "la visio, une solution à manier avec soin",
            "zone blanche et séance à distance",
            "le numérique au service du groupe",
        ],
    },
    "relation-aux-elus": {
        "worked": [
            "La présence du maire de {town2} à la séance a été un signal fort : il a proposé de mettre à disposition un local communal pour tester une activité.",
            "Les porteurs ont préparé ensemble une présentation courte de leurs projets pour les élus communautaires. L'exercice leur a permis de mieux comprendre les attentes des collectivités.",
            "Le soutien affiché des élus de l'intercommunalité a donné de la légitimité au parcours et facilité les contacts avec les services techniques.",
        ],
        "difficulties": [
            "La relation aux élus est ambivalente : certains porteurs attendent tout de la mairie, d'autres s'en méfient. Peu savent comment présenter leur projet à une collectivité.",
            "Un projet du groupe se heurte à l'opposition d'un élu local, qui y voit une concurrence pour un commerce existant. Le porteur s'est senti démuni.",
            "Le calendrier des collectivités — conseils municipaux, budgets votés en début d'année — est mal connu des porteurs, qui sollicitent souvent les élus trop tard.",
            "Malgré nos invitations, les élus sont peu venus aux séances. Leur absence a été remarquée par les porteurs, qui attendaient un signe de soutien.",
        ],
        "advice": [
            "Associez les élus dès le lancement du parcours, par exemple lors de la séance d'ouverture ou de la clôture, pour qu'ils connaissent les projets.",
            "Aidez les porteurs à préparer leur rencontre avec les élus : une page de présentation, une demande précise, le bon interlocuteur.",
            "Expliquez le fonctionnement des collectivités — compétences de la commune et de l'intercommunalité, calendrier budgétaire — avant que les porteurs ne les sollicitent.",
            "Invitez les élus à la présentation finale des projets : c'est souvent là que naissent les premiers soutiens concrets.",
        ],
        "hooks": [
            "les élus invités à la table",
            "présenter son projet à la mairie",
            "le maire de la commune, premier partenaire ?",
        ],
    },
    "garde-d-enfants": {
        "worked": [
            "Le choix d'un horaire calé sur le temps scolaire, avec un démarrage après l'heure de l'école, a permis à plusieurs parents de participer sans solution de garde.",
            "L'espace enfants aménagé dans une salle voisine, avec une animatrice bénévole, a permis à trois mères de jeunes enfants de suivre toute la séance.",
            "Le groupe a accepté de décaler une séance pour arranger les parents ; la présence a été complète.",
        ],
        "difficulties": [
            "Les horaires ont posé problème : plusieurs parents devaient partir avant 16h30 pour la sortie d'école, et ont manqué la fin de la séance.",
            "Sans solution de garde pendant les vacances scolaires, deux porteuses ont dû manquer la séance. La question de la garde d'enfants pèse surtout sur les femmes porteuses de projet.",
            "Les porteurs qui travaillent en journée ne peuvent venir que le soir ou le samedi, tandis que les parents préfèrent les heures d'école : impossible de satisfaire tout le monde.",
            "La garde d'enfants en milieu rural est rare et chère ; plusieurs participantes avaient recours à la famille, ce qui rend leur présence fragile.",
        ],
        "advice": [
            "Calez les horaires sur le temps scolaire et évitez les mercredis et les vacances, ou proposez une garde sur place si vous le pouvez.",
            "Interrogez les participants sur leurs contraintes avant de fixer le calendrier, plutôt que d'imposer des dates.",
            "Autorisez la présence d'enfants en bas âge quand c'est possible : mieux vaut une séance un peu animée qu'une participante absente.",
            "Pour les porteurs en emploi, une session en soirée ou un format hybride peut compléter les séances en journée.",
        ],
        "hooks": [
            "des horaires calés sur l'école",
            "garde d'enfants : le frein invisible",
            "un espace enfants pour que les parents participent",
        ],
    },
    "posture-d-accompagnement": {
        "worked": [
            "Nous avons veillé à ne pas donner de réponses toutes faites : en renvoyant les questions au groupe, nous avons vu les porteurs se conseiller entre eux avec beaucoup de pertinence.",
            "Le binôme d'animation a bien fonctionné : l'une tenait le cadre et le temps, l'autre observait le groupe et relançait les personnes en retrait.",
            "Accepter de ne pas savoir, et le dire, a renforcé la confiance : les porteurs ont apprécié que nous cherchions les réponses avec eux.",
        ],
        "difficulties": [
            "Trouver la bonne posture reste délicat : entre encourager et challenger, nous avons parfois été trop complaisants avec des projets dont la viabilité posait question.",
            "Nous avons eu tendance à trop parler : les apports ont pris le pas sur les échanges entre porteurs, qui sont pourtant le cœur du parcours.",
            "Un porteur attendait de nous un rôle d'expert qui valide ou invalide son projet. Il a été déçu que nous lui renvoyions la décision.",
            "Animer un groupe aussi hétérogène, avec des personnes en grande fragilité, dépasse parfois notre rôle d'accompagnateur ; nous avons dû orienter une personne vers un accompagnement social.",
        ],
        "advice": [
            "Posez plus de questions que vous ne donnez de réponses : le groupe est la première ressource du parcours.",
            "Débriefez systématiquement à deux après chaque séance, sur le contenu mais aussi sur votre propre posture.",
            "Clarifiez dès le départ votre rôle : vous n'êtes ni un jury ni un financeur, mais un facilitateur qui aide chaque porteur à prendre ses décisions.",
            "Identifiez les relais sociaux du territoire pour les situations qui dépassent l'accompagnement de projet.",
        ],
        "hooks": [
            "accompagner sans décider à la place",
            "moins d'apports, plus d'échanges",
            "la juste posture d'accompagnement",
        ],
    },
    "evaluation": {
        "worked": [
            "Le questionnaire d'auto-évaluation proposé en début et en fin de séance a permis aux porteurs de mesurer eux-mêmes leur progression.",
            "Le travail sur les indicateurs d'impact a aidé les porteurs à formuler ce qu'ils veulent changer concrètement sur le territoire, et comment ils le mesureront.",
            "Notre grille d'observation des séances, remplie à deux après chaque demi-journée, nous donne désormais une base solide pour rendre compte aux financeurs du parcours.",
        ],
        "difficulties": [
            "Évaluer l'impact d'un parcours premiers pas reste difficile : les effets les plus importants — confiance, réseau, réorientation — sont peu visibles à court terme.",
            "Les financeurs demandent des indicateurs chiffrés (nombre de structures créées, emplois) qui ne reflètent pas ce que produit réellement le parcours.",
            "Les porteurs ont du mal à définir des indicateurs d'utilité sociale pour leur propre projet : tout leur paraît soit trop vague, soit impossible à mesurer.",
            "Le suivi des porteurs après le parcours est irrégulier : sans nouvelles, il est difficile de savoir ce que sont devenus les projets six mois plus tard.",
        ],
        "advice": [
            "Combinez indicateurs quantitatifs et récits : un témoignage de porteur en dit souvent plus aux financeurs qu'un tableau de chiffres.",
            "Prévoyez un point de suivi à six mois et à un an, même court, pour documenter ce que deviennent les projets.",
            "Aidez les porteurs à choisir deux ou trois indicateurs simples et observables plutôt qu'une grille exhaustive.",
            "Partagez vos outils d'évaluation avec les autres structures du réseau : des indicateurs communs renforcent la crédibilité de tous les parcours.",
        ],
        "hooks": [
            "mesurer ce qui compte vraiment",
            "évaluer un parcours premiers pas : nos indicateurs",
            "des porteurs qui mesurent leur progression",
        ],
    },
    "partenariats-locaux": {
        "worked": [
            "Le partenariat avec {partner} a été décisif : relais de l'information, prêt de la salle et orientation de deux porteurs vers le parcours.",
            "Une entreprise locale a accueilli la séance et partagé son expérience. Les porteurs ont apprécié ce regard extérieur, très concret.",
            "Plusieurs porteurs ont noué des partenariats dès le parcours : une épicerie a accepté de tester les produits d'un projet de légumerie, une association a proposé un local.",
        ],
        "difficulties": [
            "Les partenaires locaux sont nombreux mais sollicités de toutes parts ; obtenir un rendez-vous ou une intervention demande beaucoup d'anticipation.",
            "Certains acteurs du territoire voient les nouveaux projets comme des concurrents plutôt que comme des partenaires, notamment dans le commerce et les services à la personne.",
            "Le tissu associatif est dense mais peu coordonné : les porteurs ont du mal à savoir à qui s'adresser.",
            "Le partenariat avec le centre social s'est essoufflé après un changement de direction, et nous avons perdu un relais précieux pour le recrutement.",
        ],
        "advice": [
            "Cartographiez les acteurs locaux avec les porteurs et identifiez pour chacun ce qu'il peut apporter : local, réseau, expertise, clientèle.",
            "Impliquez les partenaires dans l'animation elle-même, par un témoignage ou une visite : c'est plus engageant qu'une simple mention dans la plaquette.",
            "Prenez le temps d'entretenir les partenariats entre les sessions, par un point annuel et un compte rendu partagé.",
            "Présentez les projets comme des compléments à l'existant : cela désamorce beaucoup de craintes de concurrence.",
        ],
        "hooks": [
            "des partenaires locaux au rendez-vous",
            "le territoire s'invite dans le parcours",
            "un local prêté, un partenariat noué",
        ],
    },
    "confiance-en-soi": {
        "worked": [
            "{Person}, qui s'excusait presque d'être là à la première séance, a présenté son projet avec assurance devant tout le groupe. La progression était frappante.",
            "Les retours positifs du groupe ont donné confiance à plusieurs porteurs qui doutaient de leur légitimité ; certains ont osé en parler à leur entourage pour la première fois.",
            "Voir d'autres personnes « ordinaires » porter des projets a levé un verrou : « si eux peuvent le faire, pourquoi pas moi ? »",
        ],
        "difficulties": [
            "Le manque de confiance en soi freine de nombreux porteurs, en particulier les femmes et les personnes éloignées de l'emploi, qui minimisent leurs compétences.",
            "Plusieurs participants se sont dits « pas légitimes » pour porter un projet, faute de diplôme ou d'expérience dans l'entrepreneuriat.",
            "Certains porteurs se comparent en permanence aux projets les plus avancés du groupe, et en sortent découragés.",
            "La prise de parole en groupe reste une épreuve pour certains ; deux personnes n'ont presque rien dit de toute la séance.",
        ],
        "advice": [
            "Valorisez explicitement les compétences de chacun, y compris celles issues de la vie personnelle ou associative.",
            "Proposez des exercices en petits groupes avant le grand groupe : prendre la parole à deux, puis à quatre, avant de parler devant tous.",
            "Faites témoigner des porteurs qui ont réussi sans parcours « classique » : l'identification fonctionne très bien.",
            "Rappelez régulièrement que douter fait partie du chemin, et que le parcours est fait pour tester, pas pour réussir du premier coup.",
        ],
        "hooks": [
            "des porteurs qui reprennent confiance",
            "oser dire son projet à voix haute",
            "« pas légitime » : lever le verrou",
        ],
    },
}

# ---------------------------------------------------------------------------
# Generic fragments
# ---------------------------------------------------------------------------

_OPENINGS = [
    "Séance organisée un {weekday} {moment} à {town}. Nous étions {n} porteurs et porteuses, plus deux animateurs.",
    "Cette demi-journée s'inscrivait dans notre parcours premiers pas sur {territory}. {n} participants étaient présents ce {weekday}.",
    "Nous accueillions le groupe à {town}, un {weekday} {moment}, pour la {session_ord} séance du parcours. Ils étaient {n} autour de la table.",
    "Retour sur la {session_ord} séance de notre parcours premiers pas, animée à {town} pour {n} porteurs venus de différentes communes {territory_of}.",
    "{Weekday} {moment}, {town} : {n} participants réunis pour une séance de notre parcours premiers pas.",
    "Voici le compte rendu de notre séance du {weekday} à {town}, la {session_ord} du parcours, avec {n} porteurs présents.",
    "Nous animions ce {weekday} la {session_ord} séance de notre parcours, à {town}, au cœur {territory_of}. {n} personnes avaient fait le déplacement.",
    "Petit retour sur une séance animée en {month_year} à {town} avec un groupe de {n} porteurs d'idées.",
]

_REMOTE_OPENINGS = [
    "Séance à distance, un {weekday} {moment}, pour {n} porteurs et porteuses {territory_of}.",
    "Cette {session_ord} séance s'est déroulée en visio, un {weekday} {moment}, avec {n} participants répartis aux quatre coins {territory_of}.",
    "Compte rendu de notre {session_ord} séance en ligne, organisée en {month_year} avec {n} porteurs d'idées.",
]

_FORMAT_SENTENCES = {
    "distanciel": [
        "La séance s'est tenue entièrement en visio, à la demande du groupe, avec un tableau blanc partagé pour les travaux collectifs.",
        "Pour cette séance à distance, nous avions raccourci le déroulé à deux heures et demie, avec une pause toutes les cinquante minutes.",
        "Le format à distance nous a obligés à simplifier les outils : les post-it ont laissé place à un tableau blanc en ligne, et les sous-groupes à des salles virtuelles.",
    ],
    "hybride": [
        "La séance était hybride : {n_remote} participants suivaient à distance, les autres étaient réunis à {town}. Un animateur était dédié au lien avec les personnes connectées.",
        "Nous avons testé un format hybride, avec une caméra tournée vers le tableau et un micro d'ambiance. Les personnes à distance ont pu participer aux sous-groupes grâce à un binôme en salle.",
        "Une partie du groupe avait rejoint la séance en visio depuis chez elle ; le format hybride a demandé une vigilance constante pour que personne ne soit oublié.",
    ],
}

_MERGED_SENTENCE = (
    "Faute de dates disponibles, nous avions regroupé sur cette demi-journée les modules "
    "« {module_title} » et « {second_title} » du kit, au prix d'un rythme soutenu."
)

_AGENDA_INTROS = [
    "Le déroulé de la séance :",
    "Le programme, tel qu'il s'est réellement déroulé :",
    "Pour mémoire, le déroulé :",
    "Notre déroulé, à quelques minutes près :",
]

_CLOSINGS = [
    "Prochaine étape pour le groupe : la séance « {next_title} », prévue dans quelques semaines.",
    "Nous restons preneurs des retours d'autres structures qui ont animé cette séance autrement.",
    "Merci à {partner} pour l'accueil et le relais auprès des habitants.",
    "N'hésitez pas à nous contacter pour échanger sur les supports utilisés.",
]

_ADVICE_PREFIXES = ["**À retenir :** ", "**Notre conseil :** ", "", "", ""]
_DIFFICULTY_PREFIXES = ["**Point de vigilance :** ", "", "", ""]

_TITLE_TEMPLATES = [
    "Session {pos} à {town} : {hook}",
    "{town}, session {pos} — {hook}",
    "{short} à {town} : {hook}",
    "{Hook} ({town}, {month_year})",
    "Séance « {module_title} » à {town} : {hook}",
    "Retour de la session {pos} ({town}) : {hook}",
]

# For hooks that already contain a colon.
_TITLE_TEMPLATES_NO_COLON = [
    "{Hook} ({town}, {month_year})",
    "{town}, session {pos} — {hook}",
    "Session {pos} à {town} — {hook}",
]

_FORMAT_LABELS = {"distanciel": "à distance", "hybride": "en format hybride"}

# ---------------------------------------------------------------------------
# Pre-computed lookups
# ---------------------------------------------------------------------------

_MODULES = sorted(_KIT_MODULES, key=lambda m: m["position"])
_MODULE_SLUGS = [m["slug"] for m in _MODULES]
_MODULE_TITLES = {m["slug"]: m["title"] for m in _MODULES}
_MODULE_TOOLS = {m["slug"]: m["tools"].splitlines() for m in _MODULES}
_TAG_SLUGS = list(_TAG_TEXTS)
_STRUCTURES_BY_SLUG = {s["slug"]: s for s in STRUCTURES}
_STRUCTURE_SLUGS = [s["slug"] for s in STRUCTURES]
# The demo login's tiers-lieu gets a little more content.
_STRUCTURE_CUM_WEIGHTS: list[float] = []
_acc = 0.0
for _slug in _STRUCTURE_SLUGS:
    _acc += 2.0 if _slug == "fabrique-du-lot" else 1.0
    _STRUCTURE_CUM_WEIGHTS.append(_acc)
del _acc, _slug

_AUTHORS_BY_STRUCTURE: dict[str, list[str]] = {}
for _f in FACILITATORS:
    if _f["structure"]:
        _AUTHORS_BY_STRUCTURE.setdefault(_f["structure"], []).append(_f["email"])
_FREELANCE_AUTHORS = [f["email"] for f in FACILITATORS if not f["structure"]]
del _f

_TAG_WEIGHTS = {}
for _slug, _data in _MODULE_TEXTS.items():
    _tags = list(_data["tag_weights"])
    _weights = [_data["tag_weights"][t] for t in _tags]
    _TAG_WEIGHTS[_slug] = (_tags, _weights)
del _slug, _data, _tags, _weights

_FIRST_DAY = date(2023, 1, 1)
_LAST_DAY = date(2026, 11, 20)
_SPAN_DAYS = (_LAST_DAY - _FIRST_DAY).days


# Fragments that only make sense in a room are left out of remote sessions.
_PRESENCE_MARKERS = (
    "salle",
    "micro-trottoir",
    "repas",
    "stand",
    "au mur",
    "post-it",
    "locaux",
    "la place",
    "café",
    "marché",
    "affich",
    "gommette",
    "cartes de couleur",
    "au tableau",
    " pot ",
    "chauffée",
    "covoitur",
    "route",
    "déplacement",
    "pour venir",
    "venir à la séance",
    "trajet",
    "en chair et en os",
    "sur place",
    "espace enfants",
    "tenue à",
    "lieu choisi",
    "accueilli à",
)


def _remote_ok(text: str) -> bool:
    return not any(marker in text for marker in _PRESENCE_MARKERS)


def _remote_variant(data: dict, minimum: int) -> dict:
    """Copy of a text pool without the fragments that assume a physical room."""
    out = dict(data)
    for section in ("context", "proceedings", "difficulties", "advice"):
        if section in data:
            kept = [t for t in data[section] if _remote_ok(t)]
            out[section] = kept if len(kept) >= minimum else data[section]
    if "agendas" in data:
        kept = [a for a in data["agendas"] if all(_remote_ok(label) for _, label in a)]
        out["agendas"] = kept or data["agendas"]
    indices = [i for i, t in enumerate(data["worked"]) if _remote_ok(t)]
    if len(indices) >= minimum:
        out["worked"] = [data["worked"][i] for i in indices]
        if "hooks" in data:  # module hooks stay aligned with worked fragments
            out["hooks"] = [data["hooks"][i] for i in indices]
    return out


_REMOTE_MODULE_TEXTS = {k: _remote_variant(v, 3) for k, v in _MODULE_TEXTS.items()}
_REMOTE_TAG_TEXTS = {k: _remote_variant(v, 1) for k, v in _TAG_TEXTS.items()}


# Slotted town names meet French grammar: « à Le Mas-d'Agenais » is « au Mas-d'Agenais »,
# « de Ussel » is « d'Ussel », and a role slotted after « de » elides too (« d'une »).
_CONTRACTED = {"à Le": "au", "à Les": "aux", "de Le": "du", "de Les": "des"}
_CONTRACTION = re.compile(r"\b(à|de) (Les?) (?=[A-ZÀ-Ý])")
_ELISION = re.compile(r"\b([dD]e|[qQ]ue) (?=[AEIOUÀÂÉÈÊÎÏÔÛ]|une?\b)")


def french(text: str) -> str:
    """Contract and elide what slot filling left apart."""
    text = _CONTRACTION.sub(lambda m: _CONTRACTED[f"{m[1]} {m[2]}"] + " ", text)
    return _ELISION.sub(lambda m: m[1][0] + m[1][1:-1] + "'", text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _prefixed(prefix: str, text: str) -> str:
    """Prepend a bold lead-in; French wants a lower-case letter after the colon."""
    if prefix and not text[1:2].isupper():
        text = text[:1].lower() + text[1:]
    return prefix + text


def _words(text: str) -> int:
    return len(text.split())


def _pick_date(rng: random.Random) -> date:
    day = _FIRST_DAY + timedelta(days=rng.randint(0, _SPAN_DAYS))
    if day.month == 8:  # hardly any session in August
        day += timedelta(days=rng.randint(24, 34))
    elif (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 2):
        day += timedelta(days=14)  # nor during the Christmas break
    weekday = day.weekday()
    if weekday == 6:  # Sunday: one of the following weekdays
        day += timedelta(days=rng.randint(1, 5))
    elif weekday == 5 and rng.random() > 0.1:  # a few Saturday mornings
        day -= timedelta(days=rng.randint(1, 5))
    return min(day, _LAST_DAY)


def _pick_tags(rng: random.Random, module: str, fmt: str) -> list[str]:
    tags, weights = _TAG_WEIGHTS[module]
    count = rng.choices((1, 2, 3), weights=(35, 45, 20))[0]
    chosen: list[str] = []
    if fmt != "presentiel" and rng.random() < 0.6:
        chosen.append("numerique")
    while len(chosen) < count:
        if rng.random() < 0.12:
            tag = rng.choice(_TAG_SLUGS)
        else:
            tag = rng.choices(tags, weights=weights)[0]
        if tag in chosen:
            continue
        # Keep the texts coherent with the format of the session.
        if tag == "numerique" and fmt == "presentiel":
            continue
        if tag == "mobilite" and fmt == "distanciel":
            continue
        chosen.append(tag)
    return chosen


def _agenda(rng: random.Random, steps: list, start: int, slots: dict) -> str:
    lines = [rng.choice(_AGENDA_INTROS), ""]
    minute = start
    for duration, label in steps:
        lines.append(f"- **{minute // 60}h{minute % 60:02d}** : {label.format_map(slots)}")
        minute += duration
    lines.append(f"- **{minute // 60}h{minute % 60:02d}** : fin de la séance")
    return "\n".join(lines)


def _make_report(rng: random.Random) -> dict:
    # --- who, where, when -------------------------------------------------
    pos = rng.randint(1, 6)
    structure = rng.choices(_STRUCTURE_SLUGS, cum_weights=_STRUCTURE_CUM_WEIGHTS)[0]
    session_date = _pick_date(rng)
    participants = min(18, max(2, int(rng.triangular(2, 19, 9))))
    cohort = participants + rng.randint(0, 4)
    department = _STRUCTURES_BY_SLUG[structure]["department"]
    art_name, territory, territory_of, home_towns = _STRUCTURE_AREAS[structure]
    town = rng.choice(home_towns)
    town2 = rng.choice([t for t in TOWNS[department] if t != town])

    candidates = _AUTHORS_BY_STRUCTURE.get(structure)
    if candidates and rng.random() < 0.93:
        author = rng.choice(candidates)
    else:  # an independent facilitator who worked there: the report is no structure's
        author, structure = rng.choice(_FREELANCE_AUTHORS), None

    module = _MODULE_SLUGS[pos - 1]
    modules = [module]
    if pos < 6 and rng.random() < 0.14:
        modules.append(_MODULE_SLUGS[pos])

    # Émergence and terrain sessions are never fully remote.
    roll = rng.random()
    if pos in (1, 3):
        fmt = "presentiel" if roll < 0.8 else "hybride"
    else:
        fmt = "presentiel" if roll < 0.72 else ("distanciel" if roll < 0.87 else "hybride")
    tags = _pick_tags(rng, module, fmt)

    # --- slots ---------------------------------------------------------------
    morning = rng.random() < 0.6
    projects = rng.sample(_PROJECTS, 3)
    (person, gender), (person2, _) = rng.sample(_ROLES, 2)
    tools = _MODULE_TOOLS[module]
    weekday = _WEEKDAYS[session_date.weekday()]
    month_year = f"{_MONTHS[session_date.month - 1]} {session_date.year}"
    slots = {
        "town": town,
        "town2": town2,
        "territory": territory,
        "Territory": _cap(territory),
        "territory_of": territory_of,
        "structure": art_name,
        "n": participants,
        "n_remote": rng.randint(2, max(2, participants // 2)),
        "initial": max(cohort, participants + 1),
        "cohort": cohort,
        "weekday": weekday,
        "Weekday": _cap(weekday),
        "moment": "matin" if morning else "après-midi",
        "tool": rng.choice(tools),
        "project": projects[0],
        "project2": projects[1],
        "project3": projects[2],
        "person": person,
        "Person": _cap(person),
        "person2": person2,
        "e": gender,
        "k_word": rng.choice(_NUMBER_WORDS),
        "month_year": month_year,
        "session_ord": _ORDINALS[pos - 1],
        "year_plus": session_date.year + 3,
        "partner": rng.choice(_PARTNERS),
        "module_title": _MODULE_TITLES[module],
        "second_title": _MODULE_TITLES[modules[-1]],
        "next_title": _MODULE_TITLES[_MODULE_SLUGS[pos]] if pos < 6 else "",
    }
    remote = fmt == "distanciel"
    texts = (_REMOTE_MODULE_TEXTS if remote else _MODULE_TEXTS)[module]
    tag_pools = _REMOTE_TAG_TEXTS if remote else _TAG_TEXTS

    def pick(pool: list[str]) -> str:
        return rng.choice(pool).format_map(slots)

    # --- mandatory pieces ----------------------------------------------------
    if remote:
        opening = pick(_REMOTE_OPENINGS)
    else:
        opening = pick(_OPENINGS)
    context = [opening + " " + pick(texts["context"])]
    if len(modules) == 2:
        context.append(_MERGED_SENTENCE.format_map(slots))

    proc_pool = rng.sample(texts["proceedings"], 2)
    proceedings = [proc_pool[0].format_map(slots)]
    if fmt != "presentiel":
        proceedings.insert(0, pick(_FORMAT_SENTENCES[fmt]))
    if rng.random() < 0.5:
        start = (9 * 60 + rng.choice((0, 30))) if morning else (13 * 60 + rng.choice((30, 60)))
        proceedings.append(_agenda(rng, rng.choice(texts["agendas"]), start, slots))
    else:
        proceedings.append(proc_pool[1].format_map(slots))

    worked_index, second_worked = rng.sample(range(len(texts["worked"])), 2)
    worked = [texts["worked"][worked_index].format_map(slots)]
    main_tag = tags[0]
    tag_texts = tag_pools[main_tag]
    difficulties = [_prefixed(rng.choice(_DIFFICULTY_PREFIXES), pick(tag_texts["difficulties"]))]
    advice_items = [pick(tag_texts["advice"])]
    # Every secondary tag gets at least one fragment.
    for extra in tags[1:]:
        extra_texts = tag_pools[extra]
        where = rng.random()
        if where < 0.4:
            worked.append(pick(extra_texts["worked"]))
        elif where < 0.7:
            difficulties.append(pick(extra_texts["difficulties"]))
        else:
            advice_items.append(pick(extra_texts["advice"]))

    # --- optional pieces up to a target length ------------------------------
    sections = {
        "context": context,
        "worked": worked,
        "difficulties": difficulties,
        "advice": advice_items,
    }
    current = sum(_words(p) for part in sections.values() for p in part)
    current += sum(_words(p) for p in proceedings)
    target = rng.randint(255, 345)
    optional = [("advice", text) for text in rng.sample(texts["advice"], 2)] + [
        ("worked", pick(tag_texts["worked"])),
        ("worked", texts["worked"][second_worked]),
        ("difficulties", pick(texts["difficulties"])),
        ("context", pick(texts["context"])),
        ("closing", pick(_CLOSINGS[1:] if pos == 6 else _CLOSINGS)),
    ]
    rng.shuffle(optional)
    closing = ""
    skipped = []

    def add(section: str, text: str) -> None:
        nonlocal current, closing
        if section == "closing":
            closing = text
        else:
            text = text.format_map(slots)
            part = sections[section]
            if any(text in existing for existing in part):
                return
            if section == "difficulties":
                part.insert(1, text)
            else:
                part.append(text)
        current += _words(text)

    for section, text in optional:
        if current + _words(text) > target + 10:
            skipped.append((section, text))
        else:
            add(section, text)
    # Short reports: take the smallest remaining fragments until long enough.
    for section, text in sorted(skipped, key=lambda item: _words(item[1])):
        if current >= 255:
            break
        add(section, text)

    # --- Markdown assembly ---------------------------------------------------
    if rng.random() < 0.45 and len(advice_items) >= 2:
        advice = "\n".join(f"- {item}" for item in advice_items)
    else:
        advice_items[0] = _prefixed(rng.choice(_ADVICE_PREFIXES), advice_items[0])
        advice = "\n\n".join(advice_items)
    if closing:
        advice += "\n\n" + closing

    hook_roll = rng.random()
    if hook_roll < 0.55:
        hook = texts["hooks"][worked_index]
    elif hook_roll < 0.75:
        hook = rng.choice(texts["generic_hooks"])
    else:
        hook = rng.choice(tag_texts["hooks"])
    hook = hook.format_map(slots)
    sep = " — " if ":" in hook else " : "
    if remote and rng.random() < 0.4:
        title = f"{_cap(hook)} (séance en visio, {month_year})"
    elif remote or (fmt == "hybride" and rng.random() < 0.4):
        title = f"Session {pos} {_FORMAT_LABELS[fmt]}{sep}{hook}"
    else:
        templates = _TITLE_TEMPLATES_NO_COLON if ":" in hook else _TITLE_TEMPLATES
        title = rng.choice(templates).format(
            pos=pos,
            town=town,
            hook=hook,
            Hook=_cap(hook),
            short=texts["short"],
            module_title=_MODULE_TITLES[module],
            month_year=month_year,
        )

    return {
        "title": french(title),
        "session_date": session_date,
        "department": department,
        "structure": structure,
        "author": author,
        "parcours": None,
        "modules": modules,
        "format": fmt,
        "participants": participants,
        "context": french("\n\n".join(context)),
        "proceedings": french("\n\n".join(proceedings)),
        "worked": french("\n\n".join(worked)),
        "difficulties": french("\n\n".join(difficulties)),
        "advice": french(advice),
        "tags": tags,
    }


def generate_reports(n: int, seed: int = 42) -> Iterator[dict]:
    """Yield `n` plausible, deterministic generated reports (benchmark corpora)."""
    rng = random.Random(seed)
    for _ in range(n):
        yield _make_report(rng)
