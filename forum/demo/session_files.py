"""Which demo reports and messages carry files, and what those files show: paperboard
photos, room plans and handouts drawn by forum/demo/supports.py, each with its French
description (alt text) and the section of the report it illustrates."""

from forum.demo import supports

# (report key, file name, section or None, alt text, maker of the bytes)
REPORT_FILES = [
    (
        "figeac-2024-s1",
        "plan-salle-atelier-bois.png",
        "context",
        "Plan de l'atelier bois de la Fabrique : huit tables en U ouvertes vers le "
        "paperboard, la table du café près de la porte.",
        lambda: supports.room_plan("Atelier bois de la Fabrique : la salle du premier matin"),
    ),
    (
        "figeac-2024-s2",
        "arbre-a-problemes-couture.jpg",
        "proceedings",
        "Le paperboard de l'arbre à problèmes de l'atelier de couture : des post-it roses "
        "pour les problèmes, jaunes pour les envies, verts pour les ressources.",
        lambda: supports.paperboard_photo(
            "Arbre à problèmes : l'atelier de couture",
            [
                ("Des femmes seules chez elles", "rose"),
                ("On ne sort plus du quartier", "rose"),
                ("Pas de lieu pour coudre", "rose"),
                ("Le bus passe deux fois par jour", "rose"),
                ("Se parler entre voisines", "jaune"),
                ("Réparer plutôt que jeter", "jaune"),
                ("Une salle à la maison de quartier ?", "vert"),
                ("Trois machines à coudre données", "vert"),
            ],
            seed=2,
        ),
    ),
    (
        "figeac-2024-s4",
        "budget-aux-jetons.jpg",
        "proceedings",
        "Le budget de la recyclerie au paperboard : dépenses en rouge, recettes en vert, "
        "bénévolat et mises à disposition en jaune.",
        lambda: supports.paperboard_photo(
            "Budget de la recyclerie, sans tableur",
            [
                ("Loyer du local : 6 000 €", "rose"),
                ("Camion : 2 500 €", "rose"),
                ("Assurance : 900 €", "rose"),
                ("Ventes en boutique : 9 000 €", "vert"),
                ("Prêt d'honneur", "vert"),
                ("Subvention de la commune ?", "vert"),
                ("Bénévoles le samedi : 400 h", "jaune"),
                ("Hangar prêté par la mairie", "jaune"),
            ],
            seed=4,
        ),
    ),
    (
        "figeac-2024-s4",
        "fiche-budget-aux-jetons.pdf",
        "advice",
        "",
        lambda: supports.handout_pdf(
            "Fiche d'animation : le budget aux jetons",
            [
                "Séance 4 du kit, module « Modèle économique et financement ». Durée : "
                "1 h 15 pour huit porteurs. Matériel : une grande feuille par porteur, "
                "partagée en deux colonnes, et des jetons de trois couleurs.",
                "Jetons rouges : les dépenses (loyer, véhicule, assurance, salaires). Jetons "
                "verts : les recettes (ventes, prestations, subventions, prêt d'honneur). "
                "Jetons jaunes : le bénévolat et les mises à disposition, comptés en heures "
                "ou en euros.",
                "Déroulé : chaque porteur pose ses jetons (20 minutes), le groupe fait le "
                "tour des feuilles et pose des questions (30 minutes), puis chacun recopie "
                "son budget dans la grille remise à la fin (25 minutes).",
                "Conseil : inviter pour la deuxième heure une personne d'une plateforme "
                "d'initiative locale ou d'un réseau de financement solidaire.",
            ],
        ),
    ),
    (
        "segala-lotois-2025-s1",
        "plan-salle-ancienne-gendarmerie.png",
        "context",
        "Plan de la salle de l'ancienne gendarmerie de Lacapelle-Marival : quatre tables "
        "en U et huit chaises face au paperboard.",
        lambda: supports.room_plan(
            "Lacapelle-Marival, ancienne gendarmerie : la salle", tables=2, seats=2
        ),
    ),
    (
        "segala-lotois-2025-s1",
        "cartographie-des-ressources.jpg",
        "proceedings",
        "Le mur de post-it de la cartographie des ressources du groupe : un tracteur, deux "
        "granges vides, un comptable à la retraite, le téléphone fixe en chaîne.",
        lambda: supports.paperboard_photo(
            "Nos ressources, à six",
            [
                ("Un tracteur", "vert"),
                ("Deux granges vides", "vert"),
                ("Un ancien comptable prêt à aider", "bleu"),
                ("La salle de la gendarmerie", "vert"),
                ("Pas de réseau dans quatre hameaux", "rose"),
                ("Le téléphone fixe en chaîne", "jaune"),
                ("Le marché du mardi", "jaune"),
            ],
            seed=6,
            gps=(44.73, 1.93),
        ),
    ),
    (
        "segala-lotois-2025-s1",
        "se-prevenir-entre-les-seances.pdf",
        "advice",
        "",
        lambda: supports.handout_pdf(
            "Se prévenir entre les séances quand le réseau ne passe pas",
            [
                "Le téléphone fixe en chaîne : la liste est faite en séance, dans l'ordre "
                "des hameaux. Chacun appelle le suivant la veille de la séance ; le dernier "
                "rappelle l'animatrice. Si personne ne répond, on passe au suivant et on "
                "laisse un message.",
                "Les convocations partent aussi par courrier une semaine avant : douze "
                "timbres par parcours, le prix d'un café par porteur.",
                "Les supports de la séance sont imprimés et remis en main propre ; rien ne "
                "suppose une connexion à la maison.",
            ],
        ),
    ),
    (
        "nord-libournais-2024-s4",
        "nappe-canvas-ludotheque.jpg",
        "proceedings",
        "Une nappe en papier du Business Model Canvas social, celle de la ludothèque, "
        "couverte de post-it ajoutés par les autres tables.",
        lambda: supports.paperboard_photo(
            "Canvas social : la ludothèque",
            [
                ("Familles des bourgs", "bleu"),
                ("Assistantes maternelles", "bleu"),
                ("Prêt de jeux", "jaune"),
                ("Location pour les mariages", "vert"),
                ("Ateliers pour les CSE", "vert"),
                ("Partenariat médiathèque", "vert"),
                ("Local : qui paie ?", "rose"),
                ("Bénévoles le mercredi", "orange"),
            ],
            seed=8,
            gps=(45.04, -0.16),
        ),
    ),
]

# (discussion title, reply index, file name, maker of the bytes): a message's attachment.
POST_FILES = [
    (
        "Comment garder les porteurs jusqu'à la sixième séance ?",
        0,
        "presences-par-seance.csv",
        lambda: supports.csv_table(
            [
                (
                    "Séance",
                    "Inscrits",
                    "Présents sans binôme (2023)",
                    "Présents avec binôme (2024)",
                ),
                (1, 10, 9, 10),
                (2, 10, 8, 9),
                (3, 10, 6, 9),
                (4, 10, 5, 8),
                (5, 10, 5, 8),
                (6, 10, 5, 8),
            ]
        ),
    ),
    (
        "Le photolangage fonctionne-t-il à distance ?",
        0,
        "photolangage-a-distance.pdf",
        lambda: supports.handout_pdf(
            "Photolangage à distance : la consigne envoyée la veille",
            [
                "Vous recevez avec ce message trente images numérotées. Regardez-les avant "
                "la séance, sans chercher à les comprendre.",
                "Demain, à l'ouverture, nous vous poserons une question : « Qu'est-ce qui "
                "vous a donné envie de vous lancer ? » Choisissez une image et notez son "
                "numéro. Vous direz votre numéro, puis une ou deux phrases.",
                "Pas besoin de partager votre écran : le numéro suffit, même avec une "
                "connexion lente ou par téléphone.",
            ],
        ),
    ),
]
