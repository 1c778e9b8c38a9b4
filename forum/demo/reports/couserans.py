"""Ressources solidaires Couserans: Saint-Girons and the Couserans valleys (09)."""

TEXT = """
=== couserans-2024-s1
title: Saint-Girons : un parcours itinérant pour des vallées qui ne se parlent pas
author: manon.riviere
parcours: premiers-pas-couserans-printemps-2024
session: 1
tags: isolement-des-porteurs mobilite
format: presentiel
participants: 8

--- context
Le Couserans compte dix-huit vallées, et on dit ici qu'on connaît mieux Toulouse que la vallée d'à côté. Notre parcours passera dans cinq communes différentes. Première séance à Saint-Girons, la seule ville, dans notre local associatif. Huit inscrits, venus de quatre vallées.

--- proceedings
Accueil, météo d'arrivée, puis présentation par vallée : chaque participant racontait la sienne en trois mots avant de parler de son projet. Photolangage, charte, et calendrier des lieux avec les temps de route depuis chaque vallée.

--- worked
Le tour des vallées a créé une curiosité immédiate entre participants. Une porteuse de la vallée du Biros et un porteur du Haut-Salat ont découvert qu'ils avaient le même projet d'accueil d'enfants pendant les vacances scolaires.

--- difficulties
Les temps de route sont parfois absurdes : pour aller de Sentein à Massat, il faut repasser par Saint-Girons, une heure et quart. Certaines séances seront lourdes pour une partie du groupe.

--- advice
Sur un territoire de vallées, comptez les temps de trajet réels plutôt que les kilomètres, et faites tourner les lieux pour partager l'effort.

=== couserans-2024-s2
title: Massat, mars 2024 : arbre à problèmes au coin du feu, réseau coupé
author: manon.riviere
parcours: premiers-pas-couserans-printemps-2024
session: 2
tags: numerique confiance-en-soi
format: presentiel
participants: 7

--- context
Séance 2 à Massat, dans la salle de la mairie chauffée au poêle à bois. Le village est en zone blanche : pas de réseau mobile, et ce jour-là la box de la mairie était en panne. Nous avions prévu une vidéo de présentation de l'utilité sociale ; elle est restée dans l'ordinateur.

--- proceedings
Arbre à problèmes en individuel d'abord, puis présentations en binômes. Grille d'utilité sociale discutée à partir d'exemples que j'ai racontés de mémoire, faute de vidéo. Pitch du besoin d'une minute pour finir.

--- worked
Sans écran, l'attention était totale. Les exemples racontés, tirés de projets du Couserans que tout le monde connaît (l'épicerie associative de tel village, le car des estives), ont mieux fonctionné qu'une vidéo nationale.

--- difficulties
La porteuse d'un projet d'accompagnement numérique des personnes âgées a souligné l'ironie : comment parler d'inclusion numérique dans un village sans réseau ? Son besoin est criant, mais ses outils de travail ne fonctionnent pas ici.

--- advice
En zone blanche, préparez toujours une version sans écran de vos supports. Les exemples locaux racontés de vive voix valent mieux que les vidéos.

=== couserans-2024-s3
title: Enquêter à Seix avant la saison, quand les estives ne sont pas encore montées
author: manon.riviere
parcours: premiers-pas-couserans-printemps-2024
session: 3
tags: partenariats-locaux relation-aux-elus
format: presentiel
participants: 7

--- context
Début avril, séance terrain à Seix, porte de la haute vallée du Salat. Les troupeaux ne sont pas encore montés en estive, les gîtes ouvrent à peine. Trois projets concernent les saisonniers : un logement partagé, une garderie d'été, une conserverie.

--- proceedings
Guide d'entretien collectif, puis rencontres avec un groupement pastoral, la station de ski voisine, l'école, la gérante d'un gîte et le maire. Débriefing au café de la place.

--- worked
Le groupement pastoral a confirmé le manque de logements pour les bergers et les saisonniers : certains dorment dans leur voiture en juin. La porteuse du logement partagé est repartie avec un besoin chiffré et des interlocuteurs.

--- difficulties
Les saisonniers eux-mêmes étaient absents : ils arrivent en juin. Nous avons enquêté sur eux sans eux, ce qui reste un biais.

--- advice
Quand votre public est saisonnier, enquêtez aussi pendant la saison. Prévoyez un retour terrain en juillet pour les projets qui en dépendent.

=== couserans-2024-s4
title: Séance 4 à Castillon-en-Couserans, financer une garderie d'été
author: manon.riviere
parcours: premiers-pas-couserans-printemps-2024
session: 4
tags: financement garde-d-enfants
format: presentiel
participants: 8

--- context
Début mai, à Castillon-en-Couserans. La garderie d'été, portée par deux mères de la vallée du Biros, devait trouver son modèle : accueil de juillet-août pour les enfants des saisonniers et des familles du village.

--- proceedings
Budget de la garderie construit ensemble, puis cartographie des financeurs : CAF, commune, communauté de communes, fondations pour l'enfance. Un temps sur le statut d'accueil collectif de mineurs et ses contraintes.

--- worked
La CAF est apparue comme le partenaire principal, et les porteuses ont découvert les aides au démarrage des accueils de loisirs en milieu rural. Elles sont reparties avec un rendez-vous à prendre et une liste de pièces à réunir.

--- difficulties
Les normes d'encadrement (diplômes, taux d'encadrement) ont inquiété les porteuses, qui n'ont pas de BAFD. Le projet devra recruter une directrice diplômée, avec un salaire sur deux mois seulement.

--- advice
Pour un projet d'accueil d'enfants, invitez un conseiller de la CAF à la séance financement : ses dispositifs sont méconnus et souvent adaptés aux petits projets ruraux.

=== couserans-2024-s6
title: Clôture à Saint-Girons : une seule question, et maintenant qui m'appelle ?
author: manon.riviere
parcours: premiers-pas-couserans-printemps-2024
session: 6
tags: isolement-des-porteurs cooperation-entre-structures
format: presentiel
participants: 7

--- context
Fin mai, retour à Saint-Girons pour la dernière séance. Les porteurs des hautes vallées redoutaient la suite : sans parcours, plus de rendez-vous, plus de groupe. « Et maintenant, qui m'appelle ? », a demandé une participante.

--- proceedings
Feuilles de route, carte des relais, puis un temps construit autour de la question posée : chacun a choisi un « binôme de suite » dans le groupe, avec un appel prévu tous les quinze jours jusqu'en septembre.

--- worked
Les binômes de suite ont tenu pour cinq porteurs sur sept, d'après notre appel de septembre. La garderie d'été a ouvert en juillet avec douze enfants. Le logement des saisonniers avance avec la communauté de communes.

--- difficulties
Les relais d'accompagnement sont à Foix ou à Toulouse : pour les porteurs des hautes vallées, c'est une journée de route. Nous ne pouvons pas assurer nous-mêmes la suite de tous les projets.

--- advice
Organisez la suite entre pairs avant la fin du parcours : des binômes, un rythme d'appels, une date de retrouvailles. Ce filet tient quand les relais sont loin.

=== couserans-2025-s1
title: Castillon, automne 2025 : un groupe de sept et une station de ski en sursis
author: manon.riviere
parcours: premiers-pas-couserans-automne-2025
session: 1
tags: mobilisation-des-porteurs confiance-en-soi
format: presentiel
participants: 7

--- context
Deuxième parcours, basé à Castillon-en-Couserans. Le contexte a changé : l'avenir incertain de la station de ski voisine inquiète toute la vallée, et plusieurs projets cherchent à diversifier l'économie d'hiver.

--- proceedings
Accueil, blason personnel, présentations croisées, charte. Nous avons ajouté un temps collectif : « qu'est-ce qui fait vivre la vallée toute l'année ? », noté sur une grande frise des saisons.

--- worked
La frise des saisons a fait émerger des idées de coopération entre projets : le gîte qui cherche des activités d'hiver, l'atelier de réparation de skis qui pourrait devenir un atelier vélo l'été. Le groupe s'est senti porteur d'un enjeu collectif.

--- difficulties
Un participant, moniteur de ski inquiet pour son emploi, a eu un discours très sombre qui a pesé sur l'ambiance. Il a fallu accueillir son inquiétude sans laisser le groupe s'y enfermer.

--- advice
Quand un territoire traverse une crise, donnez-lui une place explicite dans la première séance, puis revenez aux projets. L'ignorer ne la fait pas disparaître.

=== couserans-2025-s5
title: En visio depuis cinq vallées : la séance gouvernance sous la première neige
author: manon.riviere
parcours: premiers-pas-couserans-automne-2025
session: 5
tags: numerique gouvernance
format: distanciel
participants: 6

--- context
Début décembre, la neige a fermé deux cols la veille. Nous avons basculé la séance statuts et gouvernance en visio. Six participants sur sept ont pu se connecter, dont deux depuis la médiathèque de Castillon, seul endroit de leur vallée avec une connexion stable.

--- proceedings
Déroulé raccourci à deux heures et demie. Arbre des statuts partagé à l'écran, puis roue des parties prenantes sur un tableau blanc en ligne, que j'ai rempli sous la dictée pour ceux qui ne maîtrisaient pas l'outil.

--- worked
Remplir le tableau sous la dictée a évité de perdre les moins à l'aise avec le numérique. La médiathèque a joué le jeu en ouvrant un matin où elle est normalement fermée.

--- difficulties
Le jeu de rôle prévu sur la gouvernance était impossible à distance. La séance a été plus descendante que d'habitude, et deux participants ont coupé leur caméra au bout d'une heure.

--- advice
Gardez pour la visio les contenus les plus informatifs, et reportez les jeux de rôle à une séance en présence. Pensez aux médiathèques : elles ont souvent la seule bonne connexion du secteur.
"""
