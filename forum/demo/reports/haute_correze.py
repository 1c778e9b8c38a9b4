"""Pôle territorial de coopération Haute-Corrèze: Ussel, Meymac and the plateau (19)."""

TEXT = """
=== haute-correze-2025-s1
title: Meymac, janvier 2025 : un parcours d'hiver pour les collectifs du plateau
author: helene.chastaing
parcours: premiers-pas-haute-correze-hiver-2025
session: 1
tags: isolement-des-porteurs gouvernance
format: presentiel
participants: 8

--- context
Notre programme d'émergence tient son parcours en hiver, quand l'activité agricole et touristique ralentit. Premier parcours, à Meymac. Particularité : sur huit participants, cinq représentent un collectif déjà constitué (habitants d'un hameau, amis qui veulent reprendre une auberge).

--- proceedings
Accueil, puis cartographie des ressources par collectif plutôt que par personne. Photolangage individuel, pour que chacun dise sa propre envie, même au sein d'un groupe. Charte, calendrier, et un point sur les trajets par temps de neige.

--- worked
Le photolangage individuel a révélé des envies différentes au sein d'un même collectif : dans le groupe de l'auberge, l'un rêvait de cuisine, l'autre de concerts, la troisième d'un lieu pour les enfants. Mieux vaut le découvrir en janvier qu'après l'achat.

--- difficulties
Les collectifs ont tendance à parler d'une seule voix, celle du plus à l'aise. Il a fallu des consignes explicites pour entendre chaque membre.

--- advice
Avec des collectifs déjà constitués, faites toujours un temps d'expression individuelle. Les désaccords qui émergent tôt sont des désaccords qu'on peut encore travailler.

=== haute-correze-2025-s3
title: Bort-les-Orgues en hybride : la moitié du groupe derrière un écran, l'autre au barrage
author: helene.chastaing
parcours: premiers-pas-haute-correze-hiver-2025
session: 3
tags: numerique mobilite
format: hybride
participants: 7

--- context
Séance terrain à Bort-les-Orgues en février, par un temps de neige fondue. Trois participants ne pouvaient pas faire la route depuis le plateau. Nous avons improvisé un format hybride : trois personnes ont mené leurs entretiens par téléphone depuis chez elles, les quatre autres sur place.

--- proceedings
Préparation commune en visio à 9h (guide d'entretien, jeu de rôle à l'écran). Puis chacun menait ses entretiens : sur place pour les uns (office de tourisme, commerces, EHPAD), par téléphone pour les autres (élus, associations). Restitution commune en visio à 11h30.

--- worked
Les entretiens téléphoniques avec les élus ont été très productifs : les maires répondent plus facilement au téléphone qu'à une visite impromptue. La restitution commune a permis de croiser les deux types de matériaux.

--- difficulties
La visio du matin a été laborieuse : une participante du plateau, en zone blanche, a dû se rendre au bourg pour se connecter depuis la mairie. Le jeu de rôle à l'écran a manqué de spontanéité.

--- advice
En hiver, prévoyez dès le départ une version hybride de la séance terrain. Les entretiens téléphoniques sont une vraie méthode, pas un pis-aller.

=== haute-correze-2025-s6
title: L'auberge du hameau, six mois de feuille de route et un prêt d'honneur en vue
author: helene.chastaing
parcours: premiers-pas-haute-correze-hiver-2025
session: 6
tags: financement evaluation
format: presentiel
participants: 8

--- context
Dernière séance fin mars, retour à Meymac. Le collectif de l'auberge avait beaucoup avancé : visite du bâtiment avec la commune, premier budget, statut choisi (SCIC). Les autres projets étaient à des stades variés.

--- proceedings
Rétroplanning à six mois par projet, présentation devant la chargée d'affaires de France Active et un élu de la communauté de communes, lettre à soi-même, bilan collectif.

--- worked
La chargée d'affaires a proposé au collectif de l'auberge d'étudier un prêt d'honneur pour chacun des associés. La lettre à soi-même, que nous avons renvoyée en septembre, a ému plusieurs participants.

--- difficulties
Un des projets individuels est resté dans l'ombre des collectifs pendant tout le parcours. Son porteur l'a dit au bilan : il s'est senti moins soutenu.

--- advice
Veillez à l'équilibre entre projets collectifs et individuels tout au long du parcours, pas seulement en fin. Les collectifs prennent naturellement plus de place.

=== haute-correze-2026-s1
title: Ussel, parcours d'hiver 2026 : un photolangage avec des photos du plateau
author: helene.chastaing
parcours: premiers-pas-haute-correze-hiver-2026
session: 1
tags: isolement-des-porteurs confiance-en-soi
format: presentiel
participants: 9

--- context
Deuxième parcours d'hiver, cette fois à Ussel. Neuf inscrits, dont quatre personnes installées sur le plateau depuis moins de trois ans. Yannick co-anime avec moi, ce qui nous permet de travailler en sous-groupes.

--- proceedings
Nous avons remplacé le jeu d'images du photolangage par des photos du plateau prises par un photographe local : tourbières, scieries, fêtes de village, bistrots fermés. Chacun choisissait celle qui disait quelque chose de son envie de projet.

--- worked
Les photos du territoire ont fait parler les nouveaux arrivants de leur regard sur le plateau, et les natifs de leur attachement. Une photo de bistrot fermé a été choisie par trois personnes, pour des raisons différentes : le projet de café associatif est né ce jour-là.

--- difficulties
Une participante a trouvé les photos « tristes » et « misérabilistes ». Sa remarque était juste : nous avions choisi trop d'images de fermetures.

--- advice
Des images de votre territoire parlent plus qu'un jeu générique, mais équilibrez entre ce qui manque et ce qui vit. Sinon, vous orientez le groupe vers la nostalgie.

=== haute-correze-2026-s2
title: Séance 2 en visio faute de déneigement, avec un appel de rappel la veille
author: yannick.legoff
parcours: premiers-pas-haute-correze-hiver-2026
session: 2
tags: numerique isolement-des-porteurs
format: distanciel
participants: 8

--- context
Fin janvier, les routes du plateau étaient verglacées depuis quatre jours. Nous avons décidé la veille de passer la séance 2 en visio, et appelé chaque participant pour vérifier qu'il pourrait se connecter.

--- proceedings
Deux heures et demie en visio, pause toutes les cinquante minutes. Arbre à problèmes en individuel avec une feuille imprimée à l'avance (envoyée par la poste la semaine d'avant, par précaution), puis présentation à l'écran. Pitch du besoin en fin de séance.

--- worked
L'appel de la veille a tout sauvé : deux personnes n'avaient jamais utilisé la visio, et nous avons fait un test avec elles au téléphone. La feuille reçue par la poste a permis à tous de travailler sur papier, sans partage d'écran.

--- difficulties
Le pitch du besoin en visio a perdu de sa force : pas de réaction du groupe, pas d'applaudissements, des micros coupés. Un participant a décroché pendant la dernière demi-heure.

--- advice
Avant une séance à distance improvisée, appelez chaque participant. Et envoyez les supports papier par la poste dès le début du parcours : ils servent quand la neige tombe.

=== haute-correze-2026-s3
title: Meymac : écouter un scieur, une infirmière libérale et le club de foot
author: helene.chastaing
parcours: premiers-pas-haute-correze-hiver-2026
session: 3
tags: partenariats-locaux communication
format: presentiel
participants: 8

--- context
Début février, séance terrain à Meymac. Les projets du groupe : café associatif, service de portage de courses, atelier de menuiserie partagé, gîte pour les soignants remplaçants. Chacun devait trouver trois interlocuteurs variés.

--- proceedings
Construction du guide d'entretien en binômes, entraînement, puis sortie. Nous avions préparé une liste de personnes ressources qui avaient accepté de recevoir un porteur : un scieur, une infirmière libérale, le président du club de foot, la directrice de l'EHPAD.

--- worked
L'infirmière libérale a confirmé le besoin de logement pour les remplaçants : elle-même a mis des mois à trouver une remplaçante l'été dernier, faute de logement. Le porteur du gîte a obtenu l'appui de la maison de santé.

--- difficulties
Le scieur a été un interlocuteur difficile, très sceptique sur l'atelier partagé (« les amateurs, ça casse les machines »). Le porteur est revenu un peu sonné.

--- advice
Préparez les porteurs aux interlocuteurs sceptiques : leurs objections sont souvent les plus utiles. Un débriefing à chaud permet de les transformer en questions de travail.

=== haute-correze-2026-s4
title: Le modèle économique d'un café associatif dans un village de 200 habitants
author: yannick.legoff
parcours: premiers-pas-haute-correze-hiver-2026
session: 4
tags: modele-economique financement
format: presentiel
participants: 8

--- context
Séance 4 à Ussel, début mars. Le café associatif réunissait maintenant six habitants d'un village de 200 âmes. La question : un café peut-il vivre dans un si petit village ?

--- proceedings
Tableau des ressources hybrides : ventes au bar, petite restauration, dépôt de pain, point relais colis, animations culturelles subventionnées, adhésions, bénévolat valorisé. Puis budget simplifié, avec deux scénarios de fréquentation.

--- worked
Le tableau a montré que le café ne vivrait pas de la seule vente de boissons, mais qu'en cumulant cinq activités il devenait envisageable. Les habitants du collectif ont été rassurés de voir un chemin, même étroit.

--- difficulties
Le bénévolat valorisé représente près de la moitié du budget. C'est réaliste au démarrage, mais fragile sur la durée, et le collectif ne l'avait pas mesuré.

--- advice
Pour un projet de lieu dans un très petit village, travaillez la multi-activité dès le modèle économique. Et mesurez la part du bénévolat : c'est elle qui dit la fragilité du projet.

=== haute-correze-2026-s5
title: Neuvic, séance 5 : un collège « commune » dans la future SCIC du café
author: helene.chastaing
parcours: premiers-pas-haute-correze-hiver-2026
session: 5
tags: gouvernance relation-aux-elus
format: presentiel
participants: 7

--- context
Séance statuts à Neuvic, dans la salle de la communauté de communes. Le collectif du café associatif hésitait entre l'association et la SCIC ; le maire du village s'était dit prêt à mettre le local à disposition.

--- proceedings
Grille de comparaison association-SCIC-SCOP, puis travail spécifique sur les collèges d'une SCIC : qui y siège, avec quel poids. Jeu de rôle d'une première assemblée générale avec un collège « habitants », un collège « salariés » et un collège « commune ».

--- worked
Le jeu de rôle a montré concrètement comment la commune pouvait participer sans prendre le contrôle. Le collectif a choisi la SCIC, avec un collège « commune » limité à 20 % des voix.

--- difficulties
La SCIC demande une ingénierie juridique que le collectif n'a pas. Il faudra un accompagnement spécifique, probablement par l'union régionale des coopératives.

--- advice
Pour les projets impliquant une collectivité, la SCIC mérite d'être présentée en détail, avec un jeu de rôle. Orientez ensuite vers un accompagnement juridique spécialisé.

=== haute-correze-2026-s6
title: Ussel, mi-mars : un café, un gîte et un atelier passent le relais
author: yannick.legoff
parcours: premiers-pas-haute-correze-hiver-2026
session: 6
tags: cooperation-entre-structures evaluation
format: presentiel
participants: 8

--- context
Dernière séance du parcours d'hiver 2026, à Ussel. Huit présents. Trois projets étaient prêts à passer à la suite : le café associatif, le gîte pour soignants, l'atelier de menuiserie partagé.

--- proceedings
Carte des relais du plateau et de la Corrèze, feuilles de route, présentations devant les partenaires du pôle (entreprises, associations, collectivités membres). Bilan à la cible, puis pot à la brasserie artisanale d'un ancien participant.

--- worked
Les partenaires du pôle ont pris des engagements concrets : une entreprise de menuiserie prête à accueillir l'atelier partagé le samedi, la maison de santé qui soutient le gîte. L'effet « coopération territoriale » a fonctionné.

--- difficulties
Les trois projets prêts ont capté l'attention ; les autres participants ont eu moins de temps de parole pour leur feuille de route.

--- advice
Pour la dernière séance, équilibrez le temps entre projets avancés et projets en réflexion. Invitez les partenaires pour tous, pas seulement pour les plus avancés.
"""
