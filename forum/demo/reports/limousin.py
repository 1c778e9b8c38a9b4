"""Incubateur rural ESS Limousin: Montagne limousine, Basse-Marche, sud Haute-Vienne (87)."""

TEXT = """
=== montagne-limousine-2024-s1
title: Un parcours qui tourne de bourg en bourg, premier arrêt à Eymoutiers
author: julien.faure
parcours: premiers-pas-montagne-limousine-automne-2024
session: 1
tags: mobilite isolement-des-porteurs
format: presentiel
participants: 8

--- context
Notre incubateur n'a pas de locaux fixes : nous avons décidé que les six séances changeraient de commune, pour que personne n'ait toujours le plus long trajet. Première étape à Eymoutiers, dans la salle d'un tiers-lieu associatif. Huit inscrits répartis sur une quarantaine de kilomètres.

--- proceedings
Météo d'arrivée, puis chacun a placé sa maison sur une carte IGN au 1/25 000 étalée sur deux tables, avec une punaise et le nom de son projet. Photolangage, présentations croisées, charte, calendrier des six lieux.

--- worked
La carte a été un déclencheur inattendu : on voyait les distances, les vallées, les routes qui ne se croisent pas. Deux porteurs qui habitent à six kilomètres l'un de l'autre, de part et d'autre du lac, ne s'étaient jamais rencontrés.

--- difficulties
La rotation des lieux inquiète certains : « je ne sais pas où c'est, Châteauneuf-la-Forêt ». Nous aurions dû fournir un plan d'accès pour chaque séance dès le début.

--- advice
Un parcours itinérant demande une logistique écrite : adresses, plans, parkings, covoiturages, tout sur une seule feuille remise à la première séance.

=== montagne-limousine-2024-s2
title: Peyrat-le-Château : la voiture partagée a tenu, le car scolaire aussi
author: julien.faure
parcours: premiers-pas-montagne-limousine-automne-2024
session: 2
tags: mobilite garde-d-enfants
format: presentiel
participants: 7

--- context
Deuxième séance, à Peyrat-le-Château. Entre les deux séances, les participants avaient organisé entre eux trois covoiturages. Une porteuse, sans permis, comptait sur le car scolaire du matin, le seul qui passe par son hameau.

--- proceedings
Retour sur l'intersession, arbre à problèmes collectif sur un projet de garde d'enfants à horaires atypiques, persona par projet. Pause à la boulangerie du bourg. Grille d'utilité sociale pour finir.

--- worked
Le projet de garde à horaires atypiques parle à tout le territoire : infirmières, ouvriers des scieries, aides à domicile commencent à 6h. L'arbre collectif a été vivant parce que plusieurs participants vivaient le problème eux-mêmes.

--- difficulties
Le car scolaire arrive à 7h40 et repart à 17h10 : la porteuse sans permis a attendu une heure avant le début et deux heures après. Elle l'a fait sans se plaindre, mais ce n'est pas tenable sur six séances.

--- advice
Demandez à chaque participant comment il vient, pas seulement s'il vient. Dans notre cas, le transport à la demande du département aurait pu la prendre : nous ne l'avions pas vérifié.

=== montagne-limousine-2024-s3
title: Saint-Léonard-de-Noblat : entretiens chez les artisans de la porcelaine
author: julien.faure
parcours: premiers-pas-montagne-limousine-automne-2024
session: 3
tags: partenariats-locaux confiance-en-soi
format: presentiel
participants: 8

--- context
Séance terrain à Saint-Léonard-de-Noblat, la plus grande commune de notre parcours. Nous voulions que les porteurs voient une ville-centre avec ses commerces, ses associations et ses artisans, pour tester leurs idées auprès d'acteurs variés.

--- proceedings
Guide d'entretien, jeu de rôle, puis trois circuits préparés à l'avance : un circuit « commerces et services », un circuit « associations et santé », un circuit « artisans ». Chaque porteur choisissait le circuit le plus utile à son projet.

--- worked
Les circuits préparés ont évité la dispersion. Le porteur d'un projet de ressourcerie de matériaux a rencontré un atelier de porcelaine qui jette ses invendus et ses moules usés : matière première et premier partenaire potentiel.

--- difficulties
Préparer trois circuits nous a demandé une journée entière de repérage et de prise de rendez-vous. C'est un investissement que nous ne pourrons pas refaire à chaque parcours.

--- advice
Mutualisez les circuits : gardez vos contacts d'une année sur l'autre et demandez aux anciens participants d'en proposer. Les artisans acceptent volontiers de recevoir des porteurs quand on les prévient.

=== montagne-limousine-2024-s5
title: Châteauneuf-la-Forêt : une coopérative d'habitants pour le dernier café
author: julien.faure
parcours: premiers-pas-montagne-limousine-automne-2024
session: 5
tags: gouvernance relation-aux-elus
format: presentiel
participants: 7

--- context
Séance statuts dans la salle du conseil municipal de Châteauneuf-la-Forêt. Parmi les projets : la reprise du dernier café d'un village voisin par un collectif d'une quinzaine d'habitants, qui a déjà réuni des promesses de parts sociales.

--- proceedings
Comparaison association, SCIC et SAS coopérative à partir du cas du café. Jeu de rôle d'une assemblée générale où la commune, propriétaire des murs, veut imposer des horaires d'ouverture. Puis arbre des statuts pour les autres projets.

--- worked
Le cas du café a passionné tout le monde : chacun connaît un village qui a perdu le sien. Le jeu de rôle a montré que la commune pouvait être associée sans décider de tout. Le collectif a choisi la SCIC et prévoit un collège « commune ».

--- difficulties
Les autres projets, plus individuels, ont eu le sentiment de passer après. La séance a tourné autour d'un seul cas pendant une heure et demie.

--- advice
Un cas collectif bien choisi vaut toutes les présentations théoriques, mais limitez-le à une heure. Réservez du temps aux projets individuels, avec l'arbre des statuts.

=== basse-marche-2025-s1
title: Bellac, printemps 2025 : neuf porteurs et autant de bourgs
author: julien.faure
parcours: premiers-pas-basse-marche-printemps-2025
session: 1
tags: mobilisation-des-porteurs communication
format: presentiel
participants: 9

--- context
Deuxième parcours itinérant, cette fois dans le nord de la Haute-Vienne, entre Bellac, Le Dorat et Magnac-Laval. Le recrutement a été plus difficile qu'en Montagne limousine : pas de tiers-lieu relais, un tissu associatif plus âgé.

--- proceedings
Nous avions misé sur les bulletins municipaux et sur une émission de radio locale. Première séance à Bellac : accueil, blason personnel, présentations croisées, charte, calendrier. Une demi-heure pour comprendre comment chacun avait entendu parler du parcours.

--- worked
La radio locale a recruté quatre personnes sur neuf, bien plus que nos affiches. Plusieurs participants ont dit qu'ils écoutent la radio en voiture, pendant leurs longs trajets quotidiens. Le blason a révélé un groupe très soudé autour de l'attachement au pays.

--- difficulties
Deux inscrits attendaient une formation à la création d'entreprise classique et ont été surpris par le vocabulaire de l'ESS. Nous aurions dû mieux présenter l'esprit du parcours à la radio.

--- advice
En milieu rural, testez la radio locale : cinq minutes d'antenne un matin valent des dizaines d'affiches. Préparez un message simple qui dit à qui s'adresse le parcours.

=== basse-marche-2025-s4
title: Magnac-Laval : le modèle économique d'une auto-école sociale
author: julien.faure
parcours: premiers-pas-basse-marche-printemps-2025
session: 4
tags: modele-economique mobilite
format: presentiel
participants: 8

--- context
Séance 4 à Magnac-Laval. Le projet qui a occupé le groupe : une auto-école sociale pour les jeunes et les adultes éloignés de l'emploi, parce que sans permis, ici, il n'y a pas de travail.

--- proceedings
Tableau des ressources hybrides appliqué à l'auto-école : prestations payées par France Travail et les missions locales, financement du Département au titre de l'insertion, participation des élèves, mécénat d'un garage. Chaque porteur a ensuite fait son propre tableau.

--- worked
Le cas de l'auto-école a montré qu'un projet peut tenir avec plusieurs financeurs publics, à condition de le concevoir dès le départ. Le porteur est reparti avec une liste de cinq interlocuteurs et leurs dispositifs.

--- difficulties
La dépendance aux financements publics inquiète le groupe : « et si le Département change d'avis ? ». La question est légitime et nous n'avons pas de réponse rassurante.

--- advice
Présentez la diversité des ressources comme une protection : un projet financé par cinq partenaires résiste mieux au retrait de l'un d'eux. Aidez les porteurs à viser au moins trois sources.

=== basse-marche-2025-s6
title: Dernière étape à Bellac : chacun choisit son relais sur la carte du département
author: julien.faure
parcours: premiers-pas-basse-marche-printemps-2025
session: 6
tags: evaluation cooperation-entre-structures
format: presentiel
participants: 8

--- context
Séance de clôture début juin, à Bellac. Huit présents sur neuf. Le nord de la Haute-Vienne compte peu de relais d'accompagnement, et la plupart sont à Limoges, à une heure de route pour certains.

--- proceedings
Carte des relais du département, avec les temps de trajet depuis Bellac inscrits au feutre. Feuilles de route, lettre à soi-même, puis un temps collectif pour imaginer un rendez-vous d'anciens sans nous.

--- worked
Les temps de trajet inscrits sur la carte ont permis aux porteurs de choisir des relais accessibles, y compris par téléphone ou en visio. Le groupe a fixé une première rencontre d'anciens en septembre, au café de Magnac-Laval.

--- difficulties
Le manque de relais de proximité est criant. Pour un porteur de projet agricole, le premier conseiller spécialisé est à une heure et quart. Notre incubateur itinérant ne peut pas tout compenser.

--- advice
Notez les temps de trajet sur votre carte des relais, pas seulement les adresses : c'est l'information qui décide de la suite. Et encouragez les rendez-vous d'anciens, qui comblent une partie du vide.

=== saint-yrieix-2025-reconversion
title: Agriculteur·rice·s en reconversion : émergence et besoin social en une journée à Saint-Yrieix-la-Perche
author: julien.faure
date: 2025-11-13
modules: 1 2
tags: confiance-en-soi isolement-des-porteurs
format: presentiel
participants: 6

--- context
À la demande de la chambre d'agriculture, nous avons animé une journée pour des agriculteur·rice·s en reconversion ou en réflexion sur une activité complémentaire. Faute de pouvoir les réunir six fois en pleine saison, nous avons condensé les deux premiers modules du kit sur une journée, à Saint-Yrieix-la-Perche.

--- proceedings
Matin : blason personnel et cartographie des ressources, où les savoir-faire agricoles (mécanique, soins aux animaux, gestion) sont apparus très vite. Repas ensemble. Après-midi : arbre à problèmes et pitch du besoin. Les projets : accueil à la ferme de personnes handicapées, atelier de découpe collectif, ferme pédagogique.

--- worked
Le blason a fait dire à un éleveur qu'il n'avait « jamais parlé de lui comme ça ». La cartographie des ressources a fait prendre conscience au groupe de tout ce qu'il sait déjà faire. Les six participants ont demandé une suite.

--- difficulties
Deux modules en une journée, c'est dense : l'après-midi, la fatigue était visible. Et le poids des difficultés de la profession (prix, dettes, isolement) a pris beaucoup de place, légitimement.

--- advice
Pour un public agricole, une journée condensée hors saison est plus réaliste que six demi-journées. Laissez de la place à la parole sur le métier : elle conditionne le reste.
"""
