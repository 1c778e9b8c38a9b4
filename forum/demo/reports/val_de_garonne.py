"""Pôle territorial Val de Garonne: Marmande, Tonneins and the Garonne valley (47)."""

TEXT = """
=== val-de-garonne-2024-s1
title: Marmande : un réseau d'accompagnateurs présenté dès la première heure
author: nicolas.lafon
parcours: premiers-pas-val-de-garonne-automne-2024
session: 1
tags: cooperation-entre-structures partenariats-locaux
format: presentiel
participants: 10

--- context
Le pôle coordonne un réseau d'accompagnateurs (BGE, plateforme d'initiative, CAE, chambre consulaire, associations) mais les porteurs ne s'y retrouvent pas. Pour ce premier parcours, nous avons voulu que le réseau soit visible dès le départ. Dix inscrits, à Marmande.

--- proceedings
Après l'accueil et un photolangage, chaque accompagnateur présent (quatre structures) s'est présenté en deux minutes, avec un objet symbolisant ce qu'il apporte. Puis présentations croisées entre porteurs, charte et calendrier.

--- worked
Les objets ont rendu les présentations mémorables : la plateforme d'initiative avec une tirelire, la CAE avec un parapluie (« on vous couvre pendant le test »). Les porteurs ont compris qu'il existait plusieurs portes, et qu'elles communiquaient.

--- difficulties
Présenter quatre structures dès la première séance a pris du temps sur l'interconnaissance entre porteurs, qui reste le cœur du module. Le groupe a eu moins de temps pour se découvrir.

--- advice
Présentez le réseau d'accompagnement tôt, mais brièvement, et revenez-y à la dernière séance. L'objet symbolique aide beaucoup à se souvenir de qui fait quoi.

=== val-de-garonne-2024-s3
title: Seyches, marché de producteurs : tester une légumerie auprès des maraîchers
author: nicolas.lafon
parcours: premiers-pas-val-de-garonne-automne-2024
session: 3
tags: partenariats-locaux modele-economique
format: presentiel
participants: 9

--- context
Le Val de Garonne produit beaucoup de légumes, mais les cantines du territoire achètent des légumes épluchés venus d'ailleurs. Un projet de légumerie en insertion est né de ce paradoxe. Séance terrain à Seyches, au marché de producteurs.

--- proceedings
Préparation d'un questionnaire court pour les maraîchers (volumes d'invendus, calibres hors norme, prix), puis entretiens au marché. Les autres projets ont enquêté auprès des habitants et du restaurant scolaire. Restitution à la salle des associations.

--- worked
Les maraîchers ont été bavards : tous ont des légumes hors calibre qu'ils ne savent pas vendre. La porteuse de la légumerie a recueilli des estimations de volumes qui rendent son projet crédible. Deux producteurs ont laissé leur numéro.

--- difficulties
Les volumes annoncés au marché sont approximatifs, et certains producteurs ont exagéré leurs invendus. Il faudra vérifier sur une saison entière.

--- advice
Pour un projet de filière, enquêtez à la fois en amont (producteurs) et en aval (acheteurs). Et traitez les chiffres recueillis au marché comme des ordres de grandeur.

=== val-de-garonne-2024-s4
title: Légumerie en insertion : les aides au poste, le marché public et les invendus
author: nicolas.lafon
parcours: premiers-pas-val-de-garonne-automne-2024
session: 4
tags: modele-economique financement
format: presentiel
participants: 9

--- context
Séance 4 à Marmande. La légumerie d'insertion avait besoin de comprendre un modèle économique très particulier : aides au poste pour les salariés en insertion, ventes aux cantines via les marchés publics, financement des investissements.

--- proceedings
Une directrice de chantier d'insertion du département est venue expliquer son modèle, chiffres à l'appui. Ensuite, Business Model Canvas social pour chaque projet, avec une attention particulière à la case « ressources ».

--- worked
Le témoignage de la directrice a été très concret : part des aides au poste, part des ventes, délais de paiement des collectivités. La porteuse a mesuré l'ampleur du projet et décidé de chercher une structure d'insertion existante comme partenaire plutôt que de tout créer.

--- difficulties
Le cadre de l'insertion par l'activité économique est complexe et a perdu les autres participants pendant une demi-heure. Le groupe n'était pas homogène face à ce sujet.

--- advice
Pour un projet très spécifique, proposez l'intervention d'un pair en petit comité plutôt qu'en plénière. Le reste du groupe travaille pendant ce temps son propre canevas.

=== val-de-garonne-2024-s6
title: Tonneins puis Marmande : la légumerie entre en incubation, la friperie ralentit
author: nicolas.lafon
parcours: premiers-pas-val-de-garonne-automne-2024
session: 6
tags: evaluation relation-aux-elus
format: presentiel
participants: 8

--- context
Séance 6 début décembre à Marmande, après une séance 5 à Tonneins sur les statuts. Huit présents sur dix. Les trajectoires s'étaient différenciées : certains projets accéléraient, d'autres prenaient du recul.

--- proceedings
Feuilles de route, présentation devant le vice-président du pôle chargé de l'économie et les partenaires du réseau, puis cercle de feedback. Évaluation avec une échelle de 1 à 5 dessinée au sol.

--- worked
La légumerie a obtenu un rendez-vous avec un incubateur régional et l'appui du pôle pour rechercher un local. L'élu a proposé d'inscrire le projet dans le plan alimentaire territorial.

--- difficulties
La porteuse de la friperie solidaire a annoncé qu'elle ralentissait, épuisée par un emploi à temps plein et ses enfants. Le groupe a été un peu déstabilisé de voir une participante très motivée marquer une pause.

--- advice
Préparez le groupe à ce que les trajectoires divergent à la fin du parcours. Une pause n'est pas un échec, et il faut le dire devant tous.

=== val-de-garonne-2025-info
title: Réunion d'information ESS à Casteljaloux, compte rendu à reprendre
author: nicolas.lafon
date: 2025-06-12
modules: 1
tags: communication
format: presentiel
participants: 5
state: deleted

--- context
Réunion d'information sur le prochain parcours, à Casteljaloux, avec cinq personnes intéressées. Ce compte rendu a été publié par erreur avant relecture.

--- proceedings
Présentation du parcours, des six modules et du calendrier provisoire, suivie de questions.

--- worked
Les cinq personnes ont laissé leurs coordonnées pour être recontactées à l'automne.

--- difficulties
Faible affluence malgré l'annonce dans le bulletin de la communauté de communes.

--- advice
Doubler l'annonce par un passage sur le marché la semaine précédente, si le calendrier le permet.

=== val-de-garonne-2026-s2
title: Tonneins, mars 2026 : la persona d'un ouvrier agricole sans permis
author: nicolas.lafon
parcours: premiers-pas-val-de-garonne-printemps-2026
session: 2
tags: mobilite posture-d-accompagnement
format: presentiel
participants: 8

--- context
Deuxième parcours du pôle, à Tonneins. Un projet au cœur du groupe : un service de transport solidaire vers les exploitations agricoles, pour les ouvriers saisonniers sans voiture qui font du stop sur la départementale à 6 heures du matin.

--- proceedings
Persona collective : un ouvrier agricole de 24 ans, arrivé depuis un an, sans permis, logé à Tonneins, qui travaille dans les serres à quinze kilomètres. Le groupe a reconstitué sa journée heure par heure. Puis travail individuel avec la carte d'empathie.

--- worked
La journée heure par heure a rendu le besoin évident et presque physique : lever à 4h45, marche, stop, attente. Plusieurs participants ont dit qu'ils voyaient ces silhouettes au bord de la route sans jamais y avoir pensé.

--- difficulties
Le porteur, lui-même ancien saisonnier, a été ému en entendant le groupe décrire sa propre vie. J'aurais dû lui demander avant la séance s'il était d'accord pour qu'on travaille sur cette persona.

--- advice
Quand une persona est proche du vécu d'un porteur, demandez-lui son accord avant de la faire construire par le groupe. Le travail est juste, mais il peut être intime.

=== val-de-garonne-2026-s3
title: Au Mas-d'Agenais, des entretiens à la sortie des serres
author: nicolas.lafon
parcours: premiers-pas-val-de-garonne-printemps-2026
session: 3
tags: mobilite relation-aux-elus
format: presentiel
participants: 8

--- context
Séance terrain au Mas-d'Agenais, au bord du canal, entouré d'exploitations sous serre. L'objectif : rencontrer des ouvriers agricoles, des employeurs et la mairie pour le projet de transport solidaire, et laisser les autres projets enquêter dans le bourg.

--- proceedings
Préparation à la salle communale, puis deux équipes : l'une à la sortie des serres en fin de matinée avec l'accord de deux exploitants, l'autre dans le bourg. Le maire du Mas-d'Agenais nous a reçus une demi-heure pour parler transports.

--- worked
Les exploitants rencontrés ont dit être prêts à cofinancer un transport : ils perdent des salariés faute de mobilité. Le maire a évoqué le minibus communal, inutilisé en semaine. Le projet a désormais trois partenaires possibles.

--- difficulties
Les ouvriers, souvent d'origine étrangère et pressés, ont été difficiles à interroger sans traducteur. Nous avions sous-estimé la barrière de la langue.

--- advice
Si votre public parle peu le français, prévoyez un interprète ou un médiateur pour la séance terrain. Sans lui, vous n'entendrez que les employeurs.

=== val-de-garonne-2026-s4
title: Séance 4 à Tonneins, transport solidaire et cofinancement des employeurs (notes)
author: nicolas.lafon
parcours: premiers-pas-val-de-garonne-printemps-2026
session: 4
tags: financement mobilite
format: presentiel
participants: 7
state: draft

--- context
Notes prises pendant la séance 4, à Tonneins, sept présents. À mettre au propre avant publication.

--- proceedings
Tableau des ressources hybrides du transport solidaire : participation des employeurs, aide de la Région aux mobilités rurales, contribution symbolique des usagers.

--- worked
Les deux exploitants rencontrés au Mas-d'Agenais ont confirmé par écrit leur intérêt. À détailler.

--- difficulties
Assurance des conducteurs bénévoles : question restée sans réponse, à creuser avec la MSA.

--- advice
Rédiger quand nous aurons la réponse de l'assureur.
"""
