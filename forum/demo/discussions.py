"""Demo discussions: (category, title, opener index, tags, opening post, replies).

A reply is (author index, text, parent): parent None answers the discussion, an int
answers that earlier reply (0-based among the replies). Author indexes point into
network.FACILITATORS; reports are named by their key in forum/demo/reports.
"""

DISCUSSIONS = [
    (
        "questions-de-pratique",
        "Comment garder les porteurs jusqu'à la sixième séance ?",
        0,
        ["mobilisation-des-porteurs"],
        "Sur le parcours en cours dans la vallée du Lot, nous sommes passés de neuf porteurs à sept entre la "
        "première et la cinquième séance, et sur le précédent de dix à huit. Les raisons invoquées : le travail saisonnier, la garde des enfants, et le sentiment que « ça ne sert à rien "
        "tant que le projet n'est pas plus avancé ». Comment faites-vous pour tenir le groupe jusqu'au bout ?",
        [
            (
                3,
                "Chez nous, un **binôme** entre porteurs change tout : chacun appelle l'autre la veille de la séance. "
                "Nous sommes passés de 50 % à 80 % de présence sur la séance 5.",
                None,
            ),
            (0, "Merci ! Vous formez les binômes dès la première séance ou plus tard ?", 0),
            (
                3,
                "À la fin de la séance 2, quand les gens se connaissent un peu. Avant, ça sonne artificiel.",
                1,
            ),
            (
                7,
                "Autre piste : annoncer dès l'inscription ce que chaque séance **produit** (une carte d'empathie, "
                "un plan de financement…). Les porteurs voient ce qu'ils ratent s'ils sautent une séance.",
                None,
            ),
            (
                5,
                "On a aussi décalé les horaires sur le temps scolaire : 9 h 15 – 12 h 15. Les parents ne décrochent plus.",
                None,
            ),
        ],
    ),
    (
        "financements-et-appels-a-projets",
        "Financer un parcours premiers pas : qui a obtenu quoi ?",
        2,
        ["financement", "relation-aux-elus"],
        "Nous cherchons à financer deux parcours par an. La Région nous a orientés vers un appel à projets ESS, "
        "le Département parle plutôt d'insertion. Quels financeurs ont accepté de soutenir vos parcours, et sur quel argumentaire ?",
        [
            (
                9,
                "Les trois intercommunalités du pôle financent 40 % chez nous, sur l'argument de l'attractivité du territoire. "
                "Présenter les projets issus du parcours aux élus a été décisif.",
                None,
            ),
            (
                12,
                "Chez nous, une fondation d'entreprise locale a financé la part de l'association qui co-anime "
                "avec la communauté de communes. Le plus dur est la deuxième année.",
                None,
            ),
            (2, "@baptiste-sarrazin tu peux partager la trame du dossier fondation ?", 1),
            (
                19,
                "Je monte ce type de dossiers pour des structures depuis dix ans : je peux vous proposer "
                "un accompagnement à la rédaction, au forfait. Écrivez-moi en message privé pour mes tarifs.",
                None,
            ),
        ],
    ),
    (
        "cooperation-entre-structures",
        "Co-animer un parcours à deux structures : retours ?",
        5,
        ["cooperation-entre-structures"],
        "Nous allons co-construire un parcours avec l'association voisine, une première pour nous. Comment répartissez-vous "
        "l'animation, la communication et le suivi des porteurs entre structures ?",
        [
            (
                1,
                "Un seul référent par porteur, même si les séances sont co-animées : sinon les porteurs ne savent pas à qui écrire.",
                None,
            ),
            (5, "Bonne idée. Et pour la communication, un seul nom de parcours ?", 0),
            (1, "Oui, un nom commun et les deux logos. Les élus y ont été sensibles.", 1),
        ],
    ),
    (
        "outils-d-animation",
        "Le photolangage fonctionne-t-il à distance ?",
        7,
        ["numerique"],
        "Nous devons animer la séance 1 en visio pour trois porteurs éloignés. Quelqu'un a essayé le photolangage "
        "avec des images partagées à l'écran ?",
        [
            (
                10,
                "Oui : nous envoyons les images numérotées par e-mail la veille, chacun choisit son numéro. Ça marche "
                "mieux que le partage d'écran sur les connexions lentes.",
                None,
            ),
            (7, "Parfait, c'est exactement le problème de débit que je craignais.", 0),
        ],
    ),
    (
        "vie-du-reseau",
        "Journée d'échange entre accompagnateurs au printemps",
        1,
        ["cooperation-entre-structures", "isolement-des-porteurs"],
        "Nous proposons d'organiser une journée d'échange de pratiques entre structures au printemps, à Périgueux. "
        "Qui serait partant, et sur quels thèmes ?",
        [
            (0, "Partante ! Thème proposé : la mobilisation des porteurs entre les séances.", None),
            (4, "Partant aussi, et je propose un atelier sur le financement des parcours.", None),
        ],
    ),
]

# Discussions that point to reports (discussion index -> report keys).
LINKED_REPORTS = {
    0: ["figeac-2024-s6", "couserans-2024-s6"],
    3: ["haute-correze-2026-s2"],
}

REPORT_THREADS = [
    # (report key, replies; a None author is the report's own author)
    (
        "reolais-2023-s1",
        [
            (
                4,
                "Merci pour ce retour détaillé. Combien de temps dure votre temps d'interconnaissance "
                "avant le speed-meeting ?",
                None,
            ),
            (
                None,
                "Environ 45 minutes, puis le speed-meeting. Au-delà, les gens s'impatientent : ils "
                "veulent parler de leur projet.",
                0,
            ),
        ],
    ),
    (
        "montagne-limousine-2024-s2",
        [
            (
                11,
                "Nous avons eu la même difficulté de transport à Felletin. Le covoiturage organisé dès "
                "l'inscription, avec une fiche « comment je viens », a réglé la question pour tous sauf un.",
                None,
            )
        ],
    ),
    (
        "figeac-2025-s2",
        [
            (
                13,
                "Pour le coin jeux, quelle assurance avez-vous finalement trouvée ? Nous voudrions faire "
                "pareil à Carmaux.",
                None,
            ),
            (
                None,
                "Une extension de notre assurance associative pour l'accueil ponctuel d'enfants, "
                "quelques dizaines d'euros par an. Demandez à votre assureur, c'est une ligne du contrat.",
                0,
            ),
        ],
    ),
]
