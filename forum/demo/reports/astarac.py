"""Communauté de communes Val de Gers et Coteaux: Masseube, Seissan and the Astarac (32)."""

TEXT = """
=== astarac-2024-s1
title: Une intercommunalité qui anime elle-même : premier parcours à Masseube
author: baptiste.sarrazin
parcours: premiers-pas-astarac-automne-2024
session: 1
tags: relation-aux-elus mobilisation-des-porteurs
format: presentiel
participants: 8

--- context
La communauté de communes a inscrit l'ESS dans sa stratégie de développement, mais il n'existait aucun accompagnement de proximité. Nous avons donc lancé un parcours, co-animé avec une association d'éducation populaire du département. Première séance à Masseube, huit inscrits.

--- proceedings
Le président de la communauté de communes a ouvert la séance en cinq minutes, puis il est parti, comme convenu. Météo d'arrivée, photolangage, présentations croisées, charte du groupe.

--- worked
La présence brève du président a donné de la légitimité au parcours sans peser sur les échanges. Plusieurs porteurs ont dit avoir été rassurés que « la communauté de communes s'y intéresse ».

--- difficulties
Certains porteurs ont eu du mal à comprendre notre double rôle : animateurs du parcours et agents de la collectivité qui instruit aussi des demandes d'aides. Une personne a craint que ce qu'elle disait soit « retenu contre elle ».

--- advice
Si vous êtes une collectivité, clarifiez dès le départ la séparation entre l'animation du parcours et l'instruction des aides. Co-animer avec une association aide à rassurer.

=== astarac-2024-s2
title: Masseube, séance 2 : ce que veulent vraiment les habitants des coteaux
author: baptiste.sarrazin
parcours: premiers-pas-astarac-automne-2024
session: 2
tags: partenariats-locaux confiance-en-soi
format: presentiel
participants: 7

--- context
Deuxième séance, toujours à Masseube. Les projets du groupe : une boucherie ambulante, un jardin partagé, une maison d'assistantes maternelles, un service de réparation d'électroménager.

--- proceedings
Nous avons partagé les données du diagnostic de territoire réalisé par la communauté de communes (vieillissement, départ des commerces, besoins de garde) sous forme de cartes simples. Puis arbre à problèmes individuel et grille d'utilité sociale.

--- worked
Les cartes du diagnostic ont été très utiles : le porteur de la boucherie ambulante a vu que quatorze communes n'ont plus aucun commerce alimentaire. La maison d'assistantes maternelles a trouvé des chiffres précis sur le manque de places d'accueil.

--- difficulties
Certaines données étaient trop générales ou trop anciennes pour convaincre. Et une porteuse s'est sentie mal à l'aise de voir sa commune qualifiée de « fragile » sur une carte.

--- advice
Partagez les données de diagnostic sous forme de cartes lisibles plutôt que de tableaux. Mais attention aux mots employés : les habitants n'aiment pas se voir qualifiés de « fragiles ».

=== astarac-2024-s3
title: Simorre, un jour de marché à la ferme : la boucherie ambulante sonde sa clientèle
author: baptiste.sarrazin
parcours: premiers-pas-astarac-automne-2024
session: 3
tags: communication modele-economique
format: presentiel
participants: 7

--- context
Séance terrain à Simorre, village connu pour son église fortifiée et ses initiatives associatives. Un marché à la ferme s'y tient ce jour-là, ce qui nous a permis de rencontrer des habitants de plusieurs villages.

--- proceedings
Préparation rapide, puis entretiens au marché. Le porteur de la boucherie ambulante avait préparé un questionnaire sur les habitudes d'achat de viande : où, quand, à quel prix, quelles pièces.

--- worked
Les réponses ont été nettes : les habitants achètent leur viande en grande surface par défaut, faute d'autre choix, mais paieraient un peu plus pour de la viande locale livrée au village. Le porteur a établi une première fourchette de prix.

--- difficulties
Le marché attirait surtout des néo-ruraux sensibles aux circuits courts ; les habitants plus âgés ou modestes étaient peu présents. Le panel était biaisé.

--- advice
Diversifiez les lieux d'enquête pour toucher tous les publics : marché, sortie de messe, club des aînés, école. Un seul lieu donne une image partielle.

=== astarac-2024-s6
title: Clôture à Masseube : l'intercommunalité peut-elle suivre ses porteurs ?
author: baptiste.sarrazin
parcours: premiers-pas-astarac-automne-2024
session: 6
tags: evaluation relation-aux-elus
format: presentiel
participants: 7

--- context
Dernière séance début décembre, sept présents. Nous savions que la communauté de communes ne pouvait pas accompagner elle-même les porteurs sur la durée, et il fallait organiser la suite.

--- proceedings
Feuilles de route, présentation des projets devant le bureau communautaire (six élus), carte des relais départementaux et régionaux. Bilan à la cible.

--- worked
Les élus du bureau ont découvert des projets concrets sur leur territoire. Deux d'entre eux ont proposé des locaux communaux. La maison d'assistantes maternelles a obtenu un soutien politique précieux.

--- difficulties
Présenter devant six élus a impressionné les porteurs, et deux ont perdu leurs moyens. Le format « conseil » est trop solennel pour des projets naissants.

--- advice
Organisez la rencontre avec les élus dans un cadre informel plutôt qu'en séance de bureau. Et préparez les porteurs à présenter en deux minutes, pas plus.

=== astarac-2026-s1
title: Deuxième parcours à Seissan : des anciens participants en parrains
author: baptiste.sarrazin
parcours: premiers-pas-astarac-printemps-2026
session: 1
tags: mobilisation-des-porteurs isolement-des-porteurs
format: presentiel
participants: 7

--- context
Deuxième parcours de la communauté de communes, à Seissan. Sept inscrits. Nous avons invité trois anciens du parcours 2024 à jouer le rôle de parrains pour les nouveaux.

--- proceedings
Accueil, puis chaque ancien a raconté en cinq minutes où en était son projet. Photolangage, présentations croisées, constitution des binômes parrain-filleul sur la base des affinités de projets.

--- worked
Le témoignage des anciens a donné une perspective : la maison d'assistantes maternelles a ouvert en septembre, la boucherie ambulante tourne deux jours par semaine. Les nouveaux ont vu que c'était possible.

--- difficulties
Un ancien, dont le projet avait échoué, a été invité mais n'est pas venu. Son absence a donné une image un peu trop positive du parcours.

--- advice
Invitez aussi d'anciens participants dont le projet n'a pas abouti : leur témoignage est précieux et plus honnête. Préparez-les pour qu'ils en parlent sereinement.

=== astarac-2026-s4
title: Financer une épicerie associative avec le dispositif régional et les habitants
author: baptiste.sarrazin
parcours: premiers-pas-astarac-printemps-2026
session: 4
tags: financement modele-economique
format: presentiel
participants: 6

--- context
Mi-mai, séance 4 à Seissan. Le projet qui mobilisait le groupe : une épicerie associative dans un village qui a perdu son dernier commerce il y a cinq ans. Le collectif compte déjà quarante adhérents potentiels.

--- proceedings
Présentation des aides régionales au maintien du dernier commerce, du programme LEADER du pays, des fondations. Puis budget simplifié de l'épicerie : investissement, stock, fonctionnement, adhésions, ventes.

--- worked
Le collectif a découvert qu'un dispositif régional finance une partie de l'investissement pour un dernier commerce en zone rurale. Avec quarante adhésions annuelles, le budget de fonctionnement devient crédible.

--- difficulties
Le stock de départ n'est financé par aucun dispositif ; le collectif devra l'avancer lui-même. Personne n'avait pensé à cette dépense.

--- advice
Pour un projet de commerce, pensez au stock de départ dans le budget : c'est souvent la dépense oubliée, et elle n'est presque jamais subventionnée.
"""
