"""Incubateur solidaire de Gâtine: Parthenay, Secondigny and the Gâtine bocage (79)."""

TEXT = """
=== gatine-2024-s1
title: Secondigny : toucher ceux qui n'osaient pas candidater à l'incubateur
author: anais.girard
parcours: premiers-pas-gatine-automne-2024
session: 1
tags: confiance-en-soi mobilisation-des-porteurs
format: presentiel
participants: 8

--- context
Chaque année, des personnes viennent à nos réunions d'information sur l'incubation et ne déposent jamais de dossier. Nous les avons rappelées une par une pour leur proposer ce parcours, plus léger. Huit ont dit oui. Première séance à Secondigny, dans la salle du foyer rural.

--- proceedings
Nous avons pris le temps : café, météo d'arrivée, puis un jeu de positionnement (« je me lève si j'ai déjà parlé de mon projet à plus de trois personnes »). Ensuite photolangage, charte, et une présentation honnête de ce que le parcours n'est pas : ni une sélection, ni un concours.

--- worked
Le jeu de positionnement a été très parlant : presque personne n'avait parlé de son projet autour de soi. Dire à voix haute « ici, personne n'est jugé » a détendu la salle. Une porteuse a avoué qu'elle avait peur d'être « ridicule face aux vrais entrepreneurs ».

--- difficulties
Certaines personnes ont tellement intériorisé le sentiment d'illégitimité qu'elles minimisent tout, y compris des compétences évidentes. Une séance ne suffit pas à changer ça.

--- advice
Rappelez individuellement les personnes qui ne candidatent pas à vos dispositifs : beaucoup attendent juste d'être invitées. Et dites clairement ce que le parcours n'est pas.

=== gatine-2024-s4
title: Le budget d'une fromagerie de chèvre partagée, poste par poste
author: anais.girard
parcours: premiers-pas-gatine-automne-2024
session: 4
tags: modele-economique partenariats-locaux
format: presentiel
participants: 7

--- context
Séance 4 à Secondigny. Un projet avait beaucoup mûri : une fromagerie partagée où plusieurs petits éleveurs de chèvres transformeraient leur lait, au lieu de le livrer à la laiterie industrielle à bas prix.

--- proceedings
Budget prévisionnel simplifié construit en grand groupe sur la fromagerie (équipement, normes sanitaires, temps de travail, vente directe et sur les marchés). Puis chacun a repris la trame pour son projet, avec une fiche « questions à poser à un comptable ».

--- worked
Un éleveur présent dans le groupe pour un autre projet a apporté des chiffres réels sur les prix du lait et du fromage fermier. Sa parole valait toutes nos fiches. La porteuse a ajusté son budget en direct.

--- difficulties
Les normes sanitaires et le coût de la mise aux normes ont refroidi plusieurs participants, qui ont découvert des montants d'investissement bien au-delà de leurs moyens.

--- advice
Faites intervenir des pairs qui connaissent le métier : un agriculteur qui parle prix convainc plus qu'un accompagnateur. Et annoncez les coûts d'investissement sans les dramatiser, avec les aides qui existent.

=== gatine-2026-s1
title: Parthenay, mars 2026 : sept porteurs et une météo d'arrivée en patois
author: anais.girard
parcours: premiers-pas-gatine-printemps-2026
session: 1
tags: isolement-des-porteurs communication
format: presentiel
participants: 7

--- context
Troisième parcours de l'incubateur, à Parthenay. Sept inscrits, dont deux retraités, un jeune couple installé depuis un an, une ancienne institutrice et un porteur de projet de radio associative.

--- proceedings
Météo d'arrivée (un retraité l'a faite en patois poitevin, ce qui a fait rire toute la salle), photolangage, présentations croisées, charte du groupe. Nous avons terminé par un tour « ce que j'attends de vous » adressé aux autres participants, pas aux animateurs.

--- worked
Le tour « ce que j'attends de vous » a déplacé le centre de gravité : le groupe a compris qu'il serait lui-même la ressource principale. Le jeune couple, nouvellement installé, a trouvé là ses premiers contacts sur le territoire.

--- difficulties
Le porteur de la radio associative avait préparé une présentation de vingt minutes. Il a fallu la couper à cinq, ce qu'il a accepté de mauvaise grâce.

--- advice
Demandez aux participants ce qu'ils attendent les uns des autres, pas seulement de vous. Et annoncez dans l'invitation que chacun aura cinq minutes pour se présenter, pas plus.

=== gatine-2026-s2
title: Un nouvel arrivant, une ancienne institutrice et la carte d'empathie
author: anais.girard
parcours: premiers-pas-gatine-printemps-2026
session: 2
tags: posture-d-accompagnement confiance-en-soi
format: presentiel
participants: 7

--- context
Séance 2 après les vacances de printemps. L'ancienne institutrice veut ouvrir un accueil de loisirs itinérant pour les villages sans centre de loisirs ; le jeune couple, une épicerie vrac dans un bourg de la communauté de communes.

--- proceedings
Carte d'empathie en trios : ce que voit, entend, pense, ressent le public visé. Nous avons introduit une règle : l'un des trois joue le public, les deux autres l'interrogent. Puis grille d'utilité sociale.

--- worked
Jouer le public a changé la donne : l'ancienne institutrice, dans le rôle d'un parent d'élève d'un village sans centre de loisirs, a exprimé la culpabilité de laisser son enfant devant un écran le mercredi. Tout le groupe a compris le besoin de l'intérieur.

--- difficulties
Le jeune couple a eu du mal à sortir de sa solution (l'épicerie vrac) pour parler du besoin. La carte d'empathie leur a paru théorique. J'ai peut-être trop insisté.

--- advice
Faites jouer le public plutôt que de le décrire : c'est plus vivant et plus juste. Quand un porteur résiste à l'exercice, proposez-lui un entretien terrain plutôt qu'un deuxième exercice en salle.

=== gatine-2026-s3
title: Mazières-en-Gâtine, séance terrain : l'épicerie vrac face aux habitants
author: anais.girard
parcours: premiers-pas-gatine-printemps-2026
session: 3
tags: partenariats-locaux communication
format: presentiel
participants: 6

--- context
Séance terrain à Mazières-en-Gâtine, le bourg où le jeune couple envisage son épicerie vrac. La mairie avait relayé notre venue dans le bulletin et sur le panneau lumineux.

--- proceedings
Préparation rapide, puis entretiens devant la boulangerie, à la sortie de la messe, à la pharmacie et au club des aînés. Nous avons aussi testé un questionnaire papier déposé dans les commerces pendant une semaine.

--- worked
Les habitants ont été très directs : le vrac intéresse, mais surtout s'il évite d'aller à Parthenay pour les courses de base. Le couple a compris que son épicerie devait d'abord être une épicerie de proximité, le vrac venant en plus. Un vrai tournant.

--- difficulties
Un commerçant du bourg a mal pris l'enquête, y voyant une future concurrence. Le couple a dû lui expliquer longuement son projet.

--- advice
Rencontrez les commerçants existants avant d'enquêter chez eux ou à côté d'eux. Un projet présenté en complément de l'existant passe beaucoup mieux.

=== gatine-2026-s5
title: Ménigoute : la radio associative découvre la gouvernance partagée
author: anais.girard
parcours: premiers-pas-gatine-printemps-2026
session: 5
tags: gouvernance cooperation-entre-structures
format: presentiel
participants: 6

--- context
Séance statuts à Ménigoute, dans les locaux d'une association d'éducation à l'environnement qui nous accueillait. Le porteur de la radio associative avait réuni une équipe de cinq bénévoles depuis la séance terrain.

--- proceedings
Roue des parties prenantes, puis jeu de rôle d'un conseil d'administration de radio associative devant choisir sa grille d'été. L'association qui nous accueillait a partagé ses propres règles de décision.

--- worked
Le témoignage de l'association hôte a été précieux : vingt ans de vie associative, des crises, des règles adaptées au fil du temps. La radio a décidé d'adopter une gouvernance collégiale, sans président unique.

--- difficulties
Le porteur initial de la radio a eu du mal à accepter de partager les décisions, lui qui portait le projet seul depuis deux ans. Le jeu de rôle l'a mis face à cette tension.

--- advice
Faites témoigner une association locale expérimentée sur sa gouvernance. Et préparez-vous à ce que la séance révèle des tensions de pouvoir : c'est son rôle.

=== gatine-2026-s6
title: Fin du parcours à Parthenay : deux candidatures à l'incubateur, enfin
author: anais.girard
parcours: premiers-pas-gatine-printemps-2026
session: 6
tags: evaluation confiance-en-soi
format: presentiel
participants: 6

--- context
Dernière séance en juin, six présents. Notre objectif de départ était de préparer des porteurs qui n'osaient pas candidater à l'incubation. Allaient-ils franchir le pas ?

--- proceedings
Rétroplanning à six mois, présentation devant le comité de l'incubateur (en version bienveillante, sans notation), cercle de feedback, pot de clôture dans le jardin de la maison des associations.

--- worked
Deux projets ont déposé un dossier d'incubation : l'accueil de loisirs itinérant et la radio associative. La porteuse de l'accueil de loisirs, qui avait peur d'être « ridicule », a présenté avec aplomb. Les autres ont choisi de mûrir encore, en connaissance de cause.

--- difficulties
Le comité de l'incubateur, même bienveillant, a posé des questions techniques qui ont déstabilisé l'épicerie vrac. Il faudra mieux préparer les membres du comité à ce format.

--- advice
Si vous voulez que le parcours mène à l'incubation, faites rencontrer le comité en dehors de tout enjeu de sélection. Et briefez le comité : ici, on encourage, on ne juge pas.
"""
