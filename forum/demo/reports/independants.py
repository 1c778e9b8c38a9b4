"""Independent facilitators, who write up sessions they ran outside any member structure."""

TEXT = """
=== caussade-2024-emergence
title: Pour un centre social de Caussade, une séance d'émergence en solo
author: marion.teyssier
date: 2024-11-14
department: 82
modules: 1
tags: posture-d-accompagnement mobilisation-des-porteurs
format: presentiel
participants: 6

--- context
Un centre social du Quercy caussadais m'a demandé d'animer une séance d'émergence pour six habitantes qui avaient chacune une idée sans savoir par où commencer. Pas de parcours complet derrière, faute de financement : une seule demi-journée, à Caussade.

--- proceedings
Accueil avec l'animatrice famille du centre, qui connaissait tout le monde. Photolangage, puis une version courte de la cartographie des ressources, et un temps final sur « ma prochaine petite étape ».

--- worked
La présence de l'animatrice famille, connue et appréciée, a créé une confiance immédiate que je n'aurais jamais obtenue seule en une matinée. Chaque participante est repartie avec une étape concrète, comme aller voir la mairie pour un local.

--- difficulties
Animer une séance isolée est frustrant : on ouvre des portes sans pouvoir accompagner la suite. Deux participantes m'ont demandé quand était la prochaine séance, et je n'avais pas de réponse.

--- advice
Pour une intervention ponctuelle, travaillez avec une personne relais de la structure d'accueil : c'est elle qui assurera la continuité. Et négociez si possible au moins une séance de suivi.

=== castelnau-magnoac-2025-besoin
title: Castelnau-Magnoac, dans un département sans structure du réseau
author: marion.teyssier
date: 2025-04-17
department: 65
modules: 2
tags: cooperation-entre-structures isolement-des-porteurs
format: presentiel
participants: 5

--- context
La communauté de communes du secteur m'a sollicitée pour une séance sur le besoin social, auprès de cinq porteurs repérés par son service économique. Aucune structure d'accompagnement ESS n'existe à proximité : les porteurs sont vraiment seuls avec leur idée.

--- proceedings
Arbre à problèmes, carte d'empathie en binômes, grille d'utilité sociale simplifiée. J'ai terminé par une présentation des structures du réseau dans les départements voisins et de ce qu'elles proposent.

--- worked
Les porteurs ont apprécié de découvrir qu'ils n'étaient pas les seuls : d'autres territoires ruraux ont des parcours, des accompagnateurs, des pairs. La communauté de communes envisage de faire venir une structure voisine pour un parcours complet.

--- difficulties
Cinq porteurs seulement, avec des projets très différents : le travail en groupe a manqué de matière. Et sans suite organisée, je crains que l'élan retombe.

--- advice
Dans un territoire sans structure, une séance ponctuelle peut servir de déclencheur pour faire venir un parcours complet. Présentez le réseau et ses pratiques, c'est ce qui intéresse les élus.

=== saint-antonin-2026-terrain
title: Saint-Antonin-Noble-Val : accompagner une enquête terrain à la demande d'une commune
author: marion.teyssier
date: 2026-02-12
department: 82
modules: 3
tags: relation-aux-elus partenariats-locaux
format: presentiel
participants: 4

--- context
La commune de Saint-Antonin-Noble-Val m'a demandé d'accompagner quatre habitants qui veulent reprendre un local commercial vacant en lieu associatif. Ils avaient une idée, il leur manquait la confrontation avec le terrain.

--- proceedings
Une matinée de préparation (guide d'entretien, jeu de rôle), puis une semaine d'entretiens menés par les habitants eux-mêmes, et une deuxième matinée de restitution. Ce compte rendu couvre les deux matinées.

--- worked
Les quatre habitants ont mené vingt-six entretiens en une semaine, bien plus que je ne l'espérais. Le lieu associatif s'est précisé : un espace de travail partagé pour les indépendants, qui manque dans la vallée.

--- difficulties
La commune attendait une réponse rapide pour attribuer le local, ce qui a mis une pression forte sur le groupe. Le calendrier politique et celui du projet ne coïncident pas.

--- advice
Quand une commune commande l'accompagnement, clarifiez avec elle le calendrier et ce qu'elle attend. La pression d'une décision municipale peut fausser l'enquête.

=== saint-gaudens-2025-modele
title: Modèle économique dans le Comminges : une séance pour huit porteurs sans parcours
author: karim.benali
date: 2025-03-27
department: 31
modules: 4
tags: modele-economique financement
format: presentiel
participants: 8

--- context
Une maison de l'emploi du Comminges m'a demandé une séance sur le modèle économique pour huit porteurs de projets d'utilité sociale qu'elle accompagne individuellement. Ils n'avaient pas suivi de parcours collectif.

--- proceedings
Séance de trois heures et demie à Saint-Gaudens. Business Model Canvas social sur un exemple, puis sur chaque projet. Tableau des ressources hybrides. Tour de table final sur les prochaines étapes.

--- worked
Les porteurs ont beaucoup appris les uns des autres, alors qu'ils étaient jusque-là suivis séparément. Le canevas a fait émerger des recettes oubliées, comme la formation ou la location de salle.

--- difficulties
Sans les séances précédentes du parcours (besoin social, terrain), plusieurs porteurs avaient des hypothèses fragiles sur leur public. Le modèle économique reposait sur du sable.

--- advice
Une séance modèle économique isolée a ses limites : sans travail préalable sur le besoin et le terrain, elle produit des budgets hors sol. Proposez au moins une séance amont.

=== quillan-2025-gouvernance
title: Reprendre l'épicerie à Quillan : poser la gouvernance avant les statuts
author: karim.benali
date: 2025-11-27
department: 11
modules: 5
tags: gouvernance posture-d-accompagnement
format: presentiel
participants: 7

--- context
Sept habitants de la haute vallée de l'Aude veulent reprendre une épicerie qui ferme. Ils m'ont sollicité pour une séance sur les statuts. Le groupe était déjà tendu sur la question de qui dirigerait.

--- proceedings
Au lieu de parler statuts, nous avons travaillé la gouvernance : qui décide quoi, comment, à quel rythme. Roue des parties prenantes, puis charte du collectif. Les statuts n'ont été évoqués qu'en dernière demi-heure.

--- worked
La charte a apaisé les tensions : le groupe a choisi un fonctionnement collégial avec des responsabilités tournantes. L'association a été retenue pour démarrer, avec une réflexion sur la SCIC à deux ans.

--- difficulties
Un des habitants, commerçant à la retraite, voulait diriger seul et a quitté le groupe à la pause. Le départ a soulagé les autres mais fragilisé le projet, qui perdait son expérience du commerce.

--- advice
Quand un groupe vous demande des statuts, commencez par la gouvernance : c'est elle qui révèle les désaccords. Mieux vaut un départ au début qu'une crise après l'ouverture.
"""
