"""Tiers-lieu La Fabrique du Lot: Figeacois, Ségala lotois, vallée du Lot (46)."""

TEXT = """
=== figeac-decouverte-2024
title: Une demi-journée découverte au café associatif pour remplir le parcours d'automne
author: claire.fabre
date: 2024-06-13
modules: 1
tags: mobilisation-des-porteurs communication
format: presentiel
participants: 11

--- context
Au printemps, nous n'avions que trois inscrits pour le parcours de septembre. Plutôt que de relancer une énième fois par mail, nous avons ouvert une demi-journée « découverte » au café associatif de la Fabrique, un jeudi après-midi, sans inscription obligatoire.

--- proceedings
Une version raccourcie de la première séance du kit : météo d'arrivée, photolangage, puis un quart d'heure pour présenter les six demi-journées d'automne avec le calendrier imprimé en grand. On a fini par un goûter et une feuille d'inscription posée sur le comptoir.

--- worked
Onze personnes sont passées, dont sept que nous ne connaissions pas. Cinq se sont inscrites au parcours avant de repartir. Le cadre du café compte beaucoup : on n'entre pas dans un « dispositif d'accompagnement », on vient boire un café et parler de son idée.

--- difficulties
Deux personnes venaient chercher un emploi salarié et pas du tout porter un projet. Il a fallu les réorienter vers France Travail sans les froisser. Et le photolangage, prévu pour huit, s'est fait avec des images en double.

--- advice
Faites une séance découverte deux à trois mois avant le démarrage, dans un lieu ouvert à tous. Et prévoyez deux jeux d'images si vous ne savez pas combien de monde viendra.

=== figeac-2024-s1
title: Premier matin à la Fabrique : huit porteurs, dont cinq venus du café découverte
author: claire.fabre
parcours: premiers-pas-figeacois-automne-2024
session: 1
tags: isolement-des-porteurs confiance-en-soi
format: presentiel
participants: 8

--- context
Ouverture du parcours d'automne dans l'atelier bois de la Fabrique, que nous avions débarrassé la veille. Huit inscrits, huit présents : une première pour nous. Les projets vont d'une recyclerie de matériaux de construction à une micro-ferme avec accueil d'enfants, en passant par un atelier de couture pour les habitantes d'un quartier de Figeac.

--- proceedings
- **9h15** accueil café, météo d'arrivée avec des cartes postales du Lot
- **9h40** blason personnel en quatre cases (ce que je sais faire, ce qui me met en colère, ce que j'aime ici, mon envie)
- **10h40** pause
- **10h55** présentations croisées en binômes
- **11h45** charte du groupe et calendrier
- **12h15** repas partagé, chacun avait apporté un plat

--- worked
Le blason a fait parler les gens de leur colère autant que de leurs envies, et c'est souvent là que se cache le besoin social. Une ancienne aide-soignante a expliqué qu'elle voulait monter un lieu de répit parce qu'elle avait vu trop d'aidants s'épuiser seuls dans les hameaux. Le groupe a été touché, et la suite de la matinée a été beaucoup plus libre.

--- difficulties
Le porteur du projet de recyclerie parlait déjà chiffres, statuts, subventions, et voulait des réponses. Nous avons ouvert le « parking » au tableau pour ses questions, ce qui l'a un peu calmé, mais il a trouvé la matinée trop lente.

--- advice
Le repas partagé est indispensable à la première séance. C'est là que deux participantes de Saint-Céré ont décidé de venir ensemble aux prochaines dates, et que le porteur pressé s'est détendu.

=== figeac-2024-s2
title: Arbre à problèmes : la couturière de quartier découvre qu'elle parle d'isolement
author: claire.fabre
parcours: premiers-pas-figeacois-automne-2024
session: 2
tags: confiance-en-soi posture-d-accompagnement
format: presentiel
participants: 7

--- context
Deuxième séance, sept présents sur huit (une absence pour enfant malade, prévenue la veille). Consigne d'intersession : repérer trois situations concrètes liées à son idée. Tout le monde l'avait faite, certains avec des photos sur leur téléphone.

--- proceedings
Nous avons construit un premier arbre à problèmes tous ensemble sur le projet d'atelier de couture, la porteuse s'étant proposée. Au bout de vingt minutes, le tronc n'était plus « manque de lieu pour coudre » mais « des femmes seules chez elles qui ne sortent plus du quartier ». Chacun a ensuite dessiné son propre arbre sur du papier kraft, avec l'aide d'Antoine et de moi qui passions de table en table.

--- worked
Le passage du collectif à l'individuel a bien marché parce que l'exemple était parlant. La porteuse a dit en fin de séance : « je croyais vendre des cours de couture, en fait je veux que les gens se parlent ». Son projet a changé de nom la semaine suivante.

--- difficulties
Je suis intervenue trop vite sur un arbre qui partait dans tous les sens, celui du projet de micro-ferme. Le porteur l'a vécu comme une correction. Il aurait fallu laisser le groupe poser les questions à ma place.

--- advice
Pour l'arbre collectif, choisissez un projet simple et une personne à l'aise à l'oral : elle sera exposée pendant vingt minutes. Et gardez vos remarques pour la fin, le groupe les fait souvent mieux que nous.

=== figeac-2024-s3
title: Enquêter dans les rues de Saint-Céré, avec une grille de questions tenant sur une carte
author: antoine.delpech
parcours: premiers-pas-figeacois-automne-2024
session: 3
tags: mobilite partenariats-locaux
format: presentiel
participants: 7

--- context
Séance délocalisée à Saint-Céré pour la journée terrain : deux participantes y habitent, et le bourg garde une vraie vie commerçante en semaine. La mairie nous a prêté la salle des fêtes pour la préparation et le débriefing.

--- proceedings
Une heure de préparation : chacun a écrit cinq questions ouvertes, relues en binôme, puis recopiées sur une carte bristol format poche. Ensuite une heure et demie dehors : rue principale, commerces, parvis de la maison de santé. Retour à la salle pour mettre en commun sur un grand tableau « ce que j'ai entendu / ce qui m'a surpris / ce que je change ».

--- worked
Les cartes bristol ont rassuré les plus timides : on sort la carte, on lit la première question, et la conversation démarre. À eux sept, ils ont mené une quarantaine d'entretiens. Le porteur de la recyclerie a appris qu'un artisan du coin jette chaque mois une benne de chutes de bois.

--- difficulties
Le covoiturage depuis Figeac s'est monté la veille au soir, par téléphone, et une participante sans voiture a failli rester à quai. Trois quarts d'heure de route pour certains : c'est la limite pour une demi-journée.

--- advice
Si vous délocalisez une séance, organisez les trajets dès l'inscription et non la veille. Et passez la semaine d'avant chez deux ou trois commerçants : prévenus, ils vous présenteront à leurs clients.

=== figeac-2024-s4
title: Parler argent sans tableur : le budget d'une recyclerie refait avec des jetons
author: claire.fabre
parcours: premiers-pas-figeacois-automne-2024
session: 4
tags: modele-economique financement
format: presentiel
participants: 8

--- context
La séance modèle économique, celle que le groupe redoutait. Trois personnes sur huit nous avaient dit ne « rien comprendre aux chiffres ». Nous avions invité la chargée d'affaires d'une plateforme d'initiative locale pour la deuxième heure.

--- proceedings
Plutôt que de projeter un tableur, nous avons distribué des jetons de couleur : rouges pour les dépenses, verts pour les recettes, jaunes pour le bénévolat et les mises à disposition. Chaque porteur posait ses jetons sur une grande feuille en deux colonnes, puis le groupe discutait de ce qui manquait. La chargée d'affaires a ensuite présenté le prêt d'honneur, exemples locaux à l'appui.

--- worked
Les jetons jaunes ont été une révélation : la porteuse du lieu de répit s'est rendu compte que la moitié de son projet reposait sur du temps bénévole qu'elle n'avait jamais compté. Le porteur de la recyclerie, lui, a découvert que la location d'un local à Figeac coûtait plus cher que son camion.

--- difficulties
Le prêt d'honneur suppose d'avoir un projet d'entreprise assez avancé ; pour la moitié du groupe c'était prématuré, et la fin de séance a un peu décroché. Nous aurions dû inviter l'intervenante à la séance 6 plutôt qu'à la séance 4.

--- advice
Commencez par du concret qu'on manipule avant de passer au tableur. Les jetons coûtent trois euros et rendent visible ce que les porteurs oublient toujours : leur propre temps.

=== figeac-2024-s6
title: Dernière séance d'automne : chacun repart avec une date dans son agenda
author: claire.fabre
parcours: premiers-pas-figeacois-automne-2024
session: 6
tags: evaluation relation-aux-elus
format: presentiel
participants: 6

--- context
Six présents pour la clôture, deux porteurs ayant suspendu leur projet en cours de route (un déménagement, une reprise d'emploi). Nous avions invité la vice-présidente de la communauté de communes chargée de l'économie et l'animatrice de l'incubateur d'Occitanie le plus proche.

--- proceedings
Matinée en deux temps. D'abord une feuille de route à six mois, avec une règle : la première action doit avoir une date et tenir dans la quinzaine. Ensuite trois minutes de présentation par porteur devant les invitées, suivies d'une question chacune. Évaluation du parcours avec une cible dessinée au sol et des pinces à linge.

--- worked
La règle de la date a fonctionné : au suivi téléphonique de décembre, cinq porteurs sur six avaient tenu leur première action. L'élue a proposé à la porteuse du lieu de répit de présenter son projet à la commission sociale intercommunale.

--- difficulties
L'incubateur attendait des projets prêts à candidater ; aucun ne l'était vraiment. L'échange a été cordial mais sans suite immédiate, ce qui a un peu déçu le groupe.

--- advice
Invitez des élus à la dernière séance plutôt qu'à la première : ils voient des projets qui ont pris forme. Et préparez vos invités au fait qu'un parcours premiers pas ne produit pas des dossiers d'incubation clés en main.

=== segala-lotois-2025-s1
title: Lacapelle-Marival : ouvrir un parcours là où la 4G ne passe pas
author: claire.fabre
parcours: premiers-pas-segala-lotois-printemps-2025
session: 1
tags: numerique isolement-des-porteurs
format: presentiel
participants: 6

--- context
Premier parcours hors de Figeac, à la demande de la communauté de communes, dans une salle de l'ancienne gendarmerie de Lacapelle-Marival. Sept inscrits, six présents, dont quatre habitent des hameaux en zone blanche : pas de réseau mobile, une connexion internet aléatoire. Toute notre communication par SMS tombait à plat.

--- proceedings
Déroulé classique de la première séance, sans aucun support numérique : photolangage, cartographie des ressources du groupe sur un mur de post-it, charte. Nous avons ajouté un temps pour décider ensemble comment se prévenir entre les séances.

--- worked
Le groupe a choisi un « téléphone fixe en chaîne » : chacun appelle le suivant sur la liste. Ça paraît désuet, mais c'est la seule chose qui marche pour tout le monde ici. La cartographie a fait apparaître un tracteur, deux granges vides et un ancien comptable à la retraite prêt à aider.

--- difficulties
Une participante a mis cinquante minutes pour venir, dont vingt sur une route de crête verglacée au petit matin. Elle a prévenu qu'elle ne viendrait pas les jours de gel, qui ne sont pas rares en mars sur le plateau.

--- advice
En zone blanche, demandez dès l'inscription comment chaque personne préfère être jointe, et ne comptez pas sur les messageries. Pour les dates de fin d'hiver, prévoyez une solution de repli (report, appel téléphonique) décidée à l'avance.

=== segala-lotois-2025-s3
title: Entretiens par téléphone fixe et visites à la ferme quand le bourg est trop loin
author: antoine.delpech
parcours: premiers-pas-segala-lotois-printemps-2025
session: 3
tags: mobilite confiance-en-soi
format: presentiel
participants: 5

--- context
La séance terrain devait se faire à Latronquière, mais le bourg est vide en semaine et les porteurs ont des publics très dispersés : des éleveurs, des familles avec enfants, des personnes âgées isolées. Nous avons adapté.

--- proceedings
Première heure en salle : construction du guide d'entretien et jeu de rôle de l'entretien, avec moi dans le rôle d'un agriculteur bourru. Ensuite chaque porteur partait vers ses propres interlocuteurs, prévenus la semaine précédente : visites à la ferme, appels depuis la salle sur le téléphone de la mairie, un passage à l'école à la sortie des classes. On s'est retrouvés à 16h pour mettre en commun.

--- worked
Le jeu de rôle a beaucoup fait rire et il a surtout désamorcé la peur du refus. Le porteur d'un projet de conserverie partagée est revenu avec une liste de neuf éleveurs intéressés par un atelier de transformation collectif, dont deux prêts à investir.

--- difficulties
Faire une séance « éclatée » rend la mise en commun difficile : deux personnes étaient en retard de plus d'une demi-heure, bloquées derrière un troupeau. On a dû raccourcir la restitution.

--- advice
Sur un territoire très dispersé, acceptez que le terrain ne soit pas au même endroit pour tous. Mais fixez une heure de retour impérative, avec une marge pour les imprévus agricoles.

=== segala-lotois-2025-s5
title: Leyme, séance 5 : la coopérative d'éleveurs fait peur, l'association aussi
author: claire.fabre
parcours: premiers-pas-segala-lotois-printemps-2025
session: 5
tags: gouvernance relation-aux-elus
format: presentiel
participants: 6

--- context
Séance statuts et gouvernance à Leyme, dans la salle du conseil municipal prêtée par le maire. Le projet d'atelier de transformation collectif avait pris de l'ampleur depuis la séance terrain, avec six éleveurs intéressés. La question du statut devenait urgente pour lui.

--- proceedings
Nous avons utilisé l'arbre des statuts en version papier, puis la roue des parties prenantes appliquée à l'atelier. Un salarié de l'union régionale des SCOP nous a rejoints en visio pour une demi-heure de questions, projeté sur le mur grâce à la connexion de la mairie.

--- worked
La roue a montré que la commune, qui possède le bâtiment visé pour l'atelier, devait être associée aux décisions. La SCIC est apparue comme la seule forme permettant d'avoir à la fois les éleveurs, les salariés et la collectivité autour de la table.

--- difficulties
Le mot « coopérative » renvoie ici à de mauvais souvenirs : une coopérative laitière a fermé il y a quinze ans, avec des dettes. Deux éleveurs se sont braqués. L'association, autre piste, leur semblait « pas sérieuse » pour une activité de production.

--- advice
Renseignez-vous sur l'histoire locale des coopératives avant de présenter la SCIC. Ici, il aurait fallu commencer par un exemple de coopérative qui marche à moins d'une heure, et il en existe.

=== figeac-2025-s2
title: Pitch du besoin en une minute, chronomètre de cuisine à l'appui
author: claire.fabre
parcours: premiers-pas-figeacois-automne-2025
session: 2
tags: communication garde-d-enfants
format: presentiel
participants: 9

--- context
Le groupe d'automne 2025 est le plus nombreux que nous ayons accueilli : dix inscrits, dont quatre mères de jeunes enfants. Nous avons calé les horaires sur l'école, 9h15-11h45, et ouvert un coin jeux dans la salle voisine tenu par une bénévole du café associatif.

--- proceedings
Après la météo d'arrivée, un travail sur la carte d'empathie en trios, centré sur le public que chacun veut toucher. Puis le pitch du besoin : une minute, sans prononcer le mot de sa solution, avec un chronomètre de cuisine qui sonne fort. Le groupe reformulait ensuite ce qu'il avait compris.

--- worked
Le chronomètre a rendu l'exercice ludique. Une porteuse de projet de friperie solidaire, très timide en première séance, a fait le pitch le plus clair de la matinée : les familles du bassin qui n'ont plus de magasin de vêtements à moins de trente kilomètres. Le coin jeux a permis aux quatre mères d'être là du début à la fin.

--- difficulties
La bénévole du coin jeux s'est retrouvée avec six enfants au lieu de trois prévus, certains ayant amené un petit frère. Elle a tenu, mais nous n'avions pas d'assurance spécifique pour cet accueil.

--- advice
Si vous ouvrez un espace enfants, vérifiez votre assurance et limitez le nombre d'enfants à l'avance. Et essayez le pitch sans la solution : c'est l'exercice le plus utile de ce module.

=== figeac-2025-s3
title: Bagnac-sur-Célé : un questionnaire papier déposé à la boulangerie
author: antoine.delpech
parcours: premiers-pas-figeacois-automne-2025
session: 3
tags: partenariats-locaux communication
format: presentiel
participants: 8

--- context
Séance terrain à Bagnac-sur-Célé, où la mairie met une salle à disposition. Pour la friperie solidaire et deux projets d'alimentation, il fallait toucher des habitants qui ne fréquentent ni les associations ni les réseaux sociaux.

--- proceedings
On a rédigé ensemble un questionnaire d'une page, en gros caractères, avec cinq questions fermées et deux ouvertes. La boulangère, la pharmacienne et le bureau de tabac ont accepté de le proposer à leurs clients pendant dix jours, avec une urne en carton. Le reste de la séance : entretiens en face à face sur la place et devant l'école.

--- worked
Nous avons récupéré soixante-deux questionnaires, un score qu'aucun de nos questionnaires en ligne n'a jamais atteint. Les commerçants se sont pris au jeu et ont relancé leurs clients. La pharmacienne a même proposé de relayer la future friperie.

--- difficulties
Le dépouillement a pris une soirée entière à deux porteurs, et certaines réponses étaient illisibles. Les questions ouvertes, surtout, ont donné peu de matière.

--- advice
Un questionnaire papier chez les commerçants marche bien en milieu rural, mais gardez-le très court et prévoyez le temps de saisie. Remerciez les commerçants par écrit, vous en aurez besoin pour la suite.

=== figeac-2025-s5
title: À Assier, la SCIC expliquée avec des chaises
author: claire.fabre
parcours: premiers-pas-figeacois-automne-2025
session: 5
tags: gouvernance cooperation-entre-structures
format: presentiel
participants: 9
edit: **Ajout après la séance 6 :** le groupe nous a demandé la fiche comparative des statuts en version imprimée. Nous l'avons envoyée par la poste aux deux personnes sans imprimante.

--- context
Séance statuts et gouvernance dans la salle polyvalente d'Assier. Trois projets collectifs dans le groupe cette fois, dont une épicerie participative portée par cinq habitants. Nous avons co-animé avec une accompagnatrice d'une coopérative d'activité de Cahors, qui connaît bien les statuts.

--- proceedings
L'idée de la séance : faire « jouer » les statuts. Des chaises alignées représentaient les sièges de l'assemblée générale ; chaque participant recevait une carte (salarié, usager, bénévole, commune, financeur) et devait s'asseoir là où il aurait une voix selon l'association, la SCOP ou la SCIC. Ensuite, grille de comparaison sur une page et temps de questions.

--- worked
Voir la SCOP avec seulement les salariés assis et tous les usagers debout a fait comprendre en une minute ce qu'aucun exposé n'avait réussi à faire passer. Les habitants de l'épicerie participative ont décidé de rester en association pour démarrer, en connaissance de cause.

--- difficulties
Les deux porteurs de projets individuels se sont sentis moins concernés par les chaises. Nous leur avons proposé un temps à part sur la micro-entreprise et la CAE, mais ce temps a été trop court.

--- advice
Animer à deux structures aide beaucoup sur ce module : l'une tient le groupe, l'autre répond aux questions techniques. Et prévoyez un atelier séparé pour les projets individuels, ils ne sont pas un cas marginal.

=== figeac-2025-s6
title: Clôture à Figeac : trois projets vers l'incubation, deux en pause assumée
author: claire.fabre
parcours: premiers-pas-figeacois-automne-2025
session: 6
tags: evaluation cooperation-entre-structures
format: presentiel
participants: 8

--- context
Dernière séance juste avant l'hiver. Sur dix inscrits au départ, huit étaient là. Depuis la séance 5, nous savions que certains projets étaient prêts pour la suite et que d'autres avaient besoin de temps.

--- proceedings
Carte des relais d'accompagnement du Lot, imprimée en A2 : incubateur, coopérative d'activité, dispositif local d'accompagnement, chambre consulaire, France Services. Chaque porteur y a collé une gommette sur le ou les relais qu'il allait contacter. Puis lettre à soi-même, que nous posterons en juin. Nous avons terminé au café associatif avec les anciens du parcours 2024.

--- worked
La rencontre avec la promotion précédente a été le plus beau moment : la porteuse du lieu de répit de 2024 a raconté son année, ses refus, son premier financement. Les nouveaux ont vu que ça prend du temps et que c'est normal.

--- difficulties
Deux porteuses ont décidé de mettre leur projet en pause pour des raisons familiales. Elles avaient peur que ce soit vu comme un échec. Il a fallu le dire clairement devant le groupe : c'est une décision, pas un abandon.

--- advice
Invitez la promotion précédente à la clôture : c'est le meilleur argument pour la suite, et ça crée un réseau d'anciens qui tient sans vous.

=== vallee-du-lot-2026-s1
title: Cajarc, rentrée 2026 : un groupe de neuf et une salle qui résonne
author: claire.fabre
parcours: premiers-pas-vallee-du-lot-automne-2026
session: 1
tags: mobilisation-des-porteurs mobilite
format: presentiel
participants: 9

--- context
Premier parcours dans la vallée du Lot, à Cajarc, avec le soutien de la commune qui voulait « des projets pour l'après-saison ». Neuf inscrits grâce au bouche-à-oreille des anciens et à une affiche dans les campings, ce qui nous a valu deux saisonniers parmi les participants.

--- proceedings
Accueil, puis speed-meeting des idées en rotation de six minutes, que nous n'avions jamais essayé à la Fabrique. Pause, cartographie des ressources, charte. Pour les trajets, nous avons affiché une carte de la vallée où chacun plaçait son domicile, pour faire apparaître les covoiturages possibles.

--- worked
La carte des trajets a produit trois équipages dès la première séance. Le speed-meeting a donné beaucoup d'énergie : en quatre rotations, tout le monde avait entendu parler de tous les projets.

--- difficulties
La salle voûtée de la mairie résonne énormément : à neuf qui parlent en même temps pendant le speed-meeting, on ne s'entendait plus. Une participante malentendante a dû sortir.

--- advice
Testez l'acoustique d'une salle avant d'y faire un exercice en binômes simultanés. Et demandez dès l'inscription si quelqu'un a besoin d'un aménagement, nous ne l'avions pas fait.

=== vallee-du-lot-2026-s3
title: Les saisonniers enquêtent sur l'hiver dans les villages de la vallée
author: antoine.delpech
parcours: premiers-pas-vallee-du-lot-automne-2026
session: 3
tags: confiance-en-soi modele-economique
format: presentiel
participants: 8
proposed-tag: saisonnalite

--- context
Troisième séance, à Cajarc, en pleine arrière-saison. Deux projets du groupe sont nés de la saison touristique : une cantine de village ouverte d'octobre à avril, et un service de réparation de vélos qui vivrait l'été des touristes et l'hiver des habitants. Tout dépend de la saisonnalité.

--- proceedings
Guide d'entretien construit en binômes, avec une question commune à tous : « que vous manque-t-il ici entre novembre et mars ? ». Deux heures d'entretiens dans les villages voisins, auprès des habitants, des commerçants qui ferment l'hiver et de l'école. Restitution sur un calendrier géant de douze mois.

--- worked
Le calendrier de douze mois a été l'outil de la séance : en y collant les réponses, on voyait le creux de l'hiver se remplir de besoins. La porteuse de la cantine a compris que ses premiers clients seraient les artisans en chantier, pas les retraités comme elle le pensait.

--- difficulties
Les saisonniers du groupe travaillaient encore le week-end, et plusieurs entretiens prévus le samedi ont sauté. Nous n'avons pas de catégorie pour ces projets rythmés par les saisons : je propose d'en créer une.

--- advice
Quand un projet dépend des saisons, faites enquêter sur toute l'année et pas seulement sur le moment présent. Un simple calendrier au mur suffit.

=== vallee-du-lot-2026-s5
title: Brouillon — séance statuts à Cajarc, à compléter avec les notes d'Antoine
author: claire.fabre
parcours: premiers-pas-vallee-du-lot-automne-2026
session: 5
tags: gouvernance
format: presentiel
participants: 7
state: draft

--- context
Séance 5 du parcours de la vallée, à Cajarc, sept présents. Notes rapides prises le soir même, à reprendre avant publication.

--- proceedings
Arbre des statuts, puis une heure de travail sur la charte du collectif pour la cantine de village, qui réunit maintenant quatre personnes.

--- worked
À compléter : la charte a tenu en une page, ce qui est déjà une victoire.

--- difficulties
À compléter avec Antoine : le désaccord sur la place des bénévoles dans les décisions.

--- advice
À écrire une fois le compte rendu de la séance 6 rédigé.
"""
