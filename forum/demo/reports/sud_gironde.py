"""Pôle territorial Sud Gironde and Association Cap Coopératif: Langonnais, Réolais, Bazadais (33)."""

TEXT = """
=== reolais-2023-s1
title: La Réole, octobre 2023 : notre premier speed-meeting des idées
author: sandrine.dupuy
parcours: premiers-pas-reolais-automne-2023
session: 1
tags: isolement-des-porteurs mobilisation-des-porteurs
format: presentiel
participants: 8

--- context
Premier parcours premiers pas porté par Cap Coopératif seul, après une édition co-construite l'an dernier avec le pôle territorial. Huit inscrits recrutés pour moitié dans nos permanences du mardi à La Réole, pour moitié par la mission locale. Âges de 23 à 64 ans.

--- proceedings
Temps d'interconnaissance d'environ trois quarts d'heure (météo, prénoms, une chose que personne ne sait sur moi), puis speed-meeting des idées : quatre rotations de six minutes, une seule question autorisée à celui qui écoute. Après la pause, cartographie des ressources du groupe et présentation du calendrier jusqu'en décembre.

--- worked
Le speed-meeting a fait tomber la gêne plus vite que tout ce que nous avions essayé avant. La règle de la question unique oblige à écouter vraiment. Un jeune de la mission locale, qui n'avait pas ouvert la bouche pendant l'accueil, a fini par animer la dernière rotation.

--- difficulties
Deux personnes se connaissaient déjà et ont eu tendance à rester ensemble. Et nous avions mal compté : avec huit participants, il faut un chronomètre fiable et quelqu'un qui ne fait que ça.

--- advice
Un temps d'interconnaissance court, puis le speed-meeting : c'est l'enchaînement que nous garderons. Séparez d'office les gens qui se connaissent lors des rotations.

=== reolais-2023-s4
title: Budget prévisionnel au marqueur sur la vitre de la salle
author: sandrine.dupuy
parcours: premiers-pas-reolais-automne-2023
session: 4
tags: modele-economique confiance-en-soi
format: presentiel
participants: 6

--- context
Séance 4 en novembre, six présents sur huit. Le groupe mélangeait projets marchands (une auto-école sociale, un food-truck de produits locaux) et projets plus associatifs (une ludothèque itinérante). Plusieurs personnes vivent des minima sociaux : l'argent est un sujet sensible.

--- proceedings
J'ai écrit le budget d'un projet fictif, un café de village, directement sur la grande baie vitrée de la salle avec des marqueurs effaçables. Le groupe corrigeait au fur et à mesure : « tu as oublié l'assurance », « et le chauffage l'hiver ? ». Chacun a ensuite rempli une feuille de budget simplifié, avec l'aide d'une bénévole ancienne comptable.

--- worked
Commencer par un projet fictif protège : personne n'expose sa situation. La bénévole comptable a fait un travail formidable avec le porteur du food-truck, qui avait oublié la TVA et les emplacements payants sur les marchés.

--- difficulties
Pour la porteuse de la ludothèque, bénéficiaire du RSA, la question de la rémunération est compliquée : elle craint de perdre ses droits si l'activité démarre. Nous n'avions pas la réponse et avons dû la renvoyer vers la CAF.

--- advice
Invitez quelqu'un qui connaît les droits sociaux (CAF, France Services) à une séance modèle économique : la peur de perdre ses aides bloque plus de projets qu'on ne le croit.

=== reolais-2023-s6
title: Clôture de décembre : une feuille de route et des chocolats
author: sandrine.dupuy
parcours: premiers-pas-reolais-automne-2023
session: 6
tags: evaluation partenariats-locaux
format: presentiel
participants: 7

--- context
Séance de clôture le 12 décembre, sept présents. Pour la première fois, nous avions invité trois partenaires : la mission locale, le conseiller de la plateforme d'initiative locale et une chargée de mission du pôle territorial.

--- proceedings
- feuille de route à six mois, trois étapes maximum
- un tour de présentation des projets, trois minutes chacun, face aux partenaires
- questionnaire d'évaluation papier, rempli sur place
- chocolats et vin chaud offerts par le boulanger voisin

--- worked
La présence du pôle territorial a ouvert une suite concrète : deux porteurs ont été invités à candidater au concours d'idées du printemps. Le questionnaire papier, rempli sur place, nous a donné sept retours sur sept.

--- difficulties
La porteuse de l'auto-école sociale avait préparé un diaporama, mais l'ordinateur n'a pas voulu se connecter au vidéoprojecteur. Elle a présenté sans support, très stressée. Les autres avaient choisi l'oral seul.

--- advice
Imposez le même format de présentation à tous (oral ou affiche) pour éviter les inégalités de matériel. Et n'attendez pas la dernière séance pour présenter les partenaires, ils sont venus trop tard pour vraiment aider.

=== sud-gironde-concours-2024
title: Soirée d'émergence avant le concours d'idées : 23 personnes, trop pour un photolangage
author: mathieu.lacoste
date: 2024-01-25
modules: 1
tags: mobilisation-des-porteurs cooperation-entre-structures
format: presentiel
participants: 23

--- context
Chaque année, le pôle organise un concours d'idées pour les projets ruraux. En 2024, nous avons ajouté une soirée d'émergence ouverte à tous, inspirée du premier module du kit, pour que les candidats ne soient pas seulement ceux qui savent déjà remplir un dossier.

--- proceedings
Salle du conseil syndical à Langon, 18h30-21h. Accueil, photolangage en quatre tables de cinq ou six, restitution par table, puis présentation du concours et du parcours premiers pas que nous préparons avec Cap Coopératif.

--- worked
Vingt-trois personnes, dont une bonne moitié que nous n'avions jamais vues. Onze ont déposé un dossier au concours, contre six l'an dernier. Plusieurs ont dit qu'elles n'auraient pas osé sans la soirée.

--- difficulties
À vingt-trois, le photolangage perd sa magie : les restitutions par table deviennent un résumé, on n'entend plus les personnes. Le créneau du soir excluait aussi les parents de jeunes enfants.

--- advice
Au-delà de quinze personnes, préférez un format « forum » (chacun circule entre des tables thématiques) au photolangage. Et doublez la soirée d'un créneau en journée.

=== sud-gironde-2025-s1
title: Co-animer à deux structures dès l'accueil : qui fait quoi le premier matin
author: mathieu.lacoste
parcours: premiers-pas-sud-gironde-printemps-2025
session: 1
tags: cooperation-entre-structures mobilite
format: presentiel
participants: 10

--- context
Parcours de printemps co-animé par le pôle territorial et Cap Coopératif, à Langon. Dix inscrits, dont quatre lauréats du concours d'idées et six personnes orientées par nos partenaires. Plusieurs viennent de communes éloignées de la gare, sans voiture.

--- proceedings
Nous nous étions réparti les rôles par écrit la semaine précédente : Sandrine tenait l'animation, je gérais le temps, le matériel et les trajets. Blason personnel, présentations croisées, charte, puis un temps sur les transports : horaires du car régional affichés, covoiturages notés au tableau.

--- worked
La répartition écrite a évité les doublons et les silences gênés entre animateurs. Les porteurs ont vu deux structures qui travaillent ensemble, et l'ont dit à la fin : « on sent que vous vous connaissez ».

--- difficulties
Le car de 8h12 ne permet pas d'arriver à l'heure depuis Captieux ; une participante est arrivée à 10h. Le transport à la demande existe, mais il faut réserver la veille avant midi, ce que personne ne savait.

--- advice
Écrivez qui fait quoi avant la première séance quand vous co-animez. Et renseignez-vous sur le transport à la demande de votre territoire : expliquez-le aux participants dès l'inscription.

=== sud-gironde-2025-s2
title: Une persona par projet, avec son village, son âge et sa voiture en panne
author: sandrine.dupuy
parcours: premiers-pas-sud-gironde-printemps-2025
session: 2
tags: garde-d-enfants confiance-en-soi
format: presentiel
participants: 9

--- context
Deuxième séance du parcours commun, à Langon, neuf présents. Parmi les projets : un garage solidaire, une micro-crèche associative, un service de répit pour les parents d'enfants handicapés, une épicerie itinérante dans les villages du Bazadais.

--- proceedings
Après le retour d'intersession, nous avons fait construire une persona par projet : un prénom inventé, un âge, une commune précise, une journée type, ce qui la freine. Les personas ont été affichées et chacun devait aller coller une question sur celle d'un autre projet.

--- worked
La persona du garage solidaire, une aide à domicile de 52 ans dont la voiture tombe en panne deux fois par an, a fait réagir toute la salle : trois participants se sont reconnus. Le porteur du garage a compris que son public n'était pas « les gens modestes » en général mais les travailleurs qui ne peuvent pas se passer de voiture.

--- difficulties
La porteuse de la micro-crèche a dû partir à 11h30 faute de solution de garde pour son propre enfant, un comble qu'elle a raconté en riant mais qui dit tout du besoin.

--- advice
La persona marche mieux quand elle est très précise, jusqu'au nom de la commune. Et demandez aux parents, dès l'inscription, l'heure à laquelle ils doivent partir.

=== sud-gironde-2025-s3
title: Saint-Macaire : micro-trottoir devant le collège et entretiens au garage
author: sandrine.dupuy
parcours: premiers-pas-sud-gironde-printemps-2025
session: 3
tags: partenariats-locaux mobilite
format: presentiel
participants: 8

--- context
Séance terrain à Saint-Macaire, accueillie par le tiers-lieu de la cité médiévale. Nous voulions que les porteurs rencontrent des habitants ailleurs qu'à Langon, où se tiennent la plupart des séances.

--- proceedings
Préparation d'un guide d'entretien en binômes, jeu de rôle rapide, puis sortie : micro-trottoir devant le collège à l'heure de la sortie, entretiens chez un garagiste et à la pharmacie, visite de la maison France Services. Débriefing au tiers-lieu avec une grille « ce qui confirme / ce qui contredit / ce qui surprend ».

--- worked
Le garagiste a passé quarante minutes avec le porteur du garage solidaire : il refuse lui-même des clients chaque semaine et pourrait lui en adresser. L'agente de France Services a confirmé qu'elle voit passer chaque mois des personnes qui ratent un entretien d'embauche faute de voiture.

--- difficulties
Le micro-trottoir devant le collège a été un échec : les parents étaient pressés et méfiants. Deux porteuses sont revenues découragées, persuadées que leur projet « n'intéresse personne ».

--- advice
Évitez les lieux où les gens n'ont pas de temps. Préférez des personnes ressources (commerçants, agents d'accueil) qui voient passer votre public toute la journée.

=== sud-gironde-2025-s4
title: Séance 4 à Langon : le concours, les fondations et le fonds de confiance
author: mathieu.lacoste
parcours: premiers-pas-sud-gironde-printemps-2025
session: 4
tags: financement relation-aux-elus
format: presentiel
participants: 9

--- context
Séance modèle économique et financement, au pôle, à Langon. Quatre porteurs étaient lauréats du concours d'idées et disposaient d'un petit prix ; les autres partaient de zéro. Nous voulions éviter que la séance se résume à « qui a de l'argent ».

--- proceedings
Cartographie des financeurs par stade du projet, sur une frise : amorçage (prix, prêts d'honneur, fonds de confiance, fondations), investissement (Région, Département, programme LEADER), fonctionnement. Ensuite jeu de cartes des financements ESS en petits groupes. Une élue du bureau syndical est passée une demi-heure pour parler des aides intercommunales.

--- worked
La frise a rendu lisible un paysage qui paraissait opaque. Les lauréats du concours ont compris que leur prix servait surtout de « premier oui » à montrer aux autres financeurs. L'élue a pris note de deux projets à suivre.

--- difficulties
Le programme LEADER fait rêver mais ses délais de paiement sont longs : il faut avancer les dépenses, parfois pendant plus d'un an. Nous l'avons dit, mais un porteur comptait dessus pour démarrer.

--- advice
Présentez les financements sur une frise par stade plutôt qu'en liste. Et soyez francs sur les délais de versement des fonds européens.

=== sud-gironde-2025-s5
title: Gouvernance d'un service de répit : les parents, la commune et les salariés autour d'une table
author: sophie.laborde
parcours: premiers-pas-sud-gironde-printemps-2025
session: 5
tags: gouvernance partenariats-locaux
format: presentiel
participants: 8

--- context
Je rejoins le parcours pour cette séance, en lien avec le contrat local de santé, parce que deux projets touchent au bien vieillir et au handicap. Nous étions à La Réole, dans les locaux de Cap Coopératif.

--- proceedings
Roue des parties prenantes appliquée au service de répit pour parents d'enfants handicapés : qui est concerné, qui décide, qui finance, qui est simplement informé. Puis jeu de rôle : une assemblée générale où les parents, une élue, un éducateur salarié et un financeur doivent voter l'ouverture d'un créneau le samedi.

--- worked
Le jeu de rôle a fait apparaître une tension que la porteuse n'avait pas vue : les parents veulent plus d'heures, les salariés veulent des week-ends. La porteuse a décidé d'associer les deux dès la rédaction des statuts.

--- difficulties
Le vocabulaire médico-social (agrément, autorisation, ARS) a surgi et a perdu le reste du groupe. Ce sont des questions réelles, mais elles ne relèvent pas d'un parcours premiers pas.

--- advice
Pour les projets du champ médico-social, prévoyez un rendez-vous à part avec quelqu'un qui connaît les autorisations. La séance collective doit rester sur la gouvernance.

=== sud-gironde-2025-s6
title: Fin du parcours commun : dix porteurs, deux structures, une seule liste de relais
author: mathieu.lacoste
parcours: premiers-pas-sud-gironde-printemps-2025
session: 6
tags: cooperation-entre-structures evaluation
format: presentiel
participants: 9

--- context
Dernière séance du parcours co-animé, au pôle. Neuf présents. L'enjeu pour nous deux, pôle et association, était de ne pas « se disputer » les porteurs après le parcours : qui les suit, qui les oriente.

--- proceedings
Nous avions préparé une carte des relais commune, validée avec Sandrine : un seul interlocuteur par porteur pour la suite, choisi selon le projet. Feuilles de route, pitch de trois minutes, bilan à la cible.

--- worked
Les porteurs sont repartis avec un nom et un numéro, pas une liste de dix structures. Six mois plus tard, sept sur neuf avaient repris contact avec leur interlocuteur. Le bilan à la cible a placé la séance terrain en tête.

--- difficulties
La répartition des porteurs entre nos deux structures a révélé une question que nous n'avions pas tranchée : qui compte quels porteurs dans ses bilans pour les financeurs ? Nous l'avons réglée après coup, mais il aurait fallu le faire avant.

--- advice
Quand vous co-animez, décidez dès le départ comment chaque structure rendra compte des porteurs à ses financeurs. C'est la question qui fâche si on la laisse pour la fin.

=== bazadais-2025-s1
title: Bazas : une porteuse de projet d'épicerie itinérante ouvre le tour de table
author: sophie.laborde
parcours: premiers-pas-bazadais-automne-2025
session: 1
tags: isolement-des-porteurs confiance-en-soi
format: presentiel
participants: 9

--- context
Deuxième parcours commun du pôle et de Cap Coopératif, cette fois à Bazas, pour toucher le sud du territoire. Neuf inscrits, neuf présents. Beaucoup de projets liés au vieillissement : portage de repas, épicerie itinérante, habitat partagé.

--- proceedings
Météo d'arrivée, puis blason personnel. Pour le tour de table, nous avons demandé qui voulait commencer ; la porteuse de l'épicerie itinérante s'est lancée. Présentations croisées ensuite, et charte du groupe.

--- worked
Elle a raconté comment elle livre déjà des courses à trois voisines âgées depuis la fermeture de la supérette, et qu'elle se demande si « ça peut devenir un métier ». Ce récit très concret a donné le ton : chacun est parti d'une situation vécue.

--- difficulties
Un participant plus âgé a parlé longtemps de sa carrière passée. Il a fallu l'interrompre, gentiment, pour laisser la place aux autres. Il l'a mal pris, puis est revenu sur le sujet à la pause.

--- advice
Proposez à un volontaire d'ouvrir le tour de table : le premier récit donne le ton de tous les autres. Et donnez une durée indicative avant de commencer, c'est plus facile ensuite d'y revenir.

=== bazadais-2025-s3
title: Captieux en novembre : la forêt, les distances et un bar-tabac fermé
author: mathieu.lacoste
parcours: premiers-pas-bazadais-automne-2025
session: 3
tags: mobilite isolement-des-porteurs
format: presentiel
participants: 7

--- context
Nous avons voulu tenir la séance terrain à Captieux, au cœur du massif landais, parce que trois projets visent ces communes forestières très peu denses. Le bar-tabac venait de fermer, ce qui en dit long.

--- proceedings
Guide d'entretien en binômes, puis entretiens chez les rares commerces ouverts, à la mairie, à l'école et au point lecture. Pour les porteurs sans voiture, deux animateurs ont fait des navettes vers les hameaux.

--- worked
Les habitants rencontrés ont parlé sans détour de la solitude, du premier médecin à vingt-cinq kilomètres, des courses faites une fois par semaine. Le projet de portage de repas a trouvé ses premiers usagers potentiels : la secrétaire de mairie a donné quatre noms de personnes à contacter avec leur accord.

--- difficulties
Les navettes ont mangé une heure d'animation : pendant qu'on conduisait, le groupe restant attendait. Sept participants sur neuf seulement, deux n'ayant trouvé aucun moyen de venir.

--- advice
Pour un terrain très isolé, louez un minibus (certaines communes en prêtent) plutôt que de multiplier les voitures. Les trajets en commun deviennent alors un temps d'échange.

=== bazadais-2025-s5
title: Villandraut, séance 5 : l'habitat partagé cherche sa forme juridique
author: sandrine.dupuy
parcours: premiers-pas-bazadais-automne-2025
session: 5
tags: gouvernance relation-aux-elus numerique
format: hybride
participants: 8

--- context
Séance statuts à Villandraut, dans la salle de la mairie, avec deux participants à distance (un en arrêt maladie, l'autre bloqué par une grève des cars). Projet phare : un habitat partagé pour personnes âgées dans une ancienne maison de maître que la commune pourrait racheter.

--- proceedings
Arbre des statuts, comparaison association, SCIC, bail réel solidaire. Un ordinateur portable posé en bout de table, caméra tournée vers le paperboard. La conseillère municipale chargée des aînés est venue présenter les intentions de la commune.

--- worked
Savoir que la commune envisageait de racheter la maison a tout changé : le projet devient un partenariat public-associatif, et la SCIC prend tout son sens. L'élue a proposé une réunion avec le maire.

--- difficulties
Les deux personnes à distance n'entendaient rien quand plusieurs parlaient en même temps, et n'ont pas pu participer à l'arbre des statuts dessiné sur papier. Le format hybride avec un seul ordinateur ne tient pas pour ce module.

--- advice
En hybride, désignez une personne dans la salle comme « binôme » de chaque participant à distance, chargée de relayer ses questions. Et photographiez les supports au fur et à mesure.
"""
