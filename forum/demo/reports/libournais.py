"""Tiers-lieu L'Usine des communs: Libournais and nord Libournais (33)."""

TEXT = """
=== libournais-2023-s1
title: Le tout premier parcours de l'Usine : sept porteurs et un entrepôt glacial
state: left
structure: usine-des-communs
parcours: premiers-pas-libournais-printemps-2023
session: 1
tags: isolement-des-porteurs posture-d-accompagnement
format: presentiel
participants: 7

--- context
Faute d'offre de pré-incubation ESS sur le Libournais, l'Usine des communs lance son propre parcours premiers pas. Nous sommes deux à l'animer, sans expérience du kit, avec sept inscrits venus surtout du réseau du tiers-lieu : jardiniers du potager partagé, bénévoles de la cantine, une voisine.

--- proceedings
Accueil autour du poêle, photolangage avec des images découpées dans de vieux magazines, puis présentations croisées et une charte écrite au feutre sur une planche de récupération. Nous avons conclu par une visite du tiers-lieu pour ceux qui ne le connaissaient pas.

--- worked
Les images de magazines, très hétéroclites, ont suscité des associations inattendues et beaucoup de rires. La visite a fait comprendre aux nouveaux que le lieu pouvait leur servir : atelier, cuisine, salle de réunion.

--- difficulties
L'entrepôt n'est pas isolé et il faisait 11 degrés malgré le poêle. Les gens ont gardé leurs manteaux toute la matinée. Nous avons aussi trop parlé en ouverture, par trac.

--- advice
Pour un premier parcours, faites-vous accompagner par une structure qui l'a déjà animé : une demi-journée d'observation nous aurait évité bien des hésitations. Et chauffez la salle la veille.

=== libournais-2023-s2
title: Tiers-lieu nourricier : trois projets d'alimentation, un seul besoin ?
author: thomas.bellocq
parcours: premiers-pas-libournais-printemps-2023
session: 2
tags: cooperation-entre-structures modele-economique
format: presentiel
participants: 7

--- context
Sur sept projets, trois tournent autour de l'alimentation : une légumerie pour les cantines, un traiteur solidaire, une épicerie vrac. Dans un tiers-lieu nourricier, c'était prévisible, mais ça posait une question : ces trois-là vont-ils se concurrencer ?

--- proceedings
Méthode des cinq pourquoi en trios mélangés, pour que les trois projets alimentaires ne travaillent pas ensemble. Puis pitch du besoin d'une minute, et discussion en grand groupe sur les points communs.

--- worked
En creusant, les trois porteurs ont découvert qu'ils visaient des besoins différents : les cantines qui n'ont plus de légumes épluchés locaux, les familles qui ne cuisinent plus, les habitants qui veulent réduire leurs déchets. Le traiteur et la légumerie ont même imaginé travailler ensemble.

--- difficulties
La méthode des cinq pourquoi tourne parfois en rond : au quatrième pourquoi, on retombe sur « parce que c'est comme ça ». Il a fallu relancer plusieurs trios avec des questions plus précises.

--- advice
Quand plusieurs projets se ressemblent, mélangez-les dans les sous-groupes. La comparaison à distance évite la méfiance et fait apparaître les complémentarités.

=== libournais-2023-s3
title: Enquête à la sortie des cantines : la légumerie rencontre trois chefs
author: thomas.bellocq
parcours: premiers-pas-libournais-printemps-2023
session: 3
tags: partenariats-locaux communication
format: presentiel
participants: 6

--- context
Séance terrain début avril, dans le Libournais. Nous avions obtenu par l'intercommunalité des rendez-vous avec les cuisiniers de trois cantines scolaires et d'un EHPAD, pour le projet de légumerie, et des entretiens libres en ville pour les autres.

--- proceedings
Une heure de préparation avec le jeu de rôle de l'entretien, puis dispersion. Les trois porteurs alimentaires sont allés aux cantines ensemble, les autres ont enquêté au marché couvert et auprès des associations de quartier. Retour au tiers-lieu pour une restitution croisée.

--- worked
Les chefs de cantine ont été très précis : volumes, calibres, jours de livraison, prix acceptables. La porteuse de la légumerie est revenue avec un carnet plein et une conviction : son projet est d'abord logistique.

--- difficulties
Un chef a demandé « combien vous pouvez livrer la semaine prochaine ? ». La porteuse, qui n'a pas encore de local, s'est sentie en porte-à-faux et n'a pas su répondre.

--- advice
Préparez les porteurs à dire « je n'en suis pas là, mais votre réponse m'aide à dimensionner ». Un entretien n'est pas une vente, et les interlocuteurs professionnels l'oublient parfois.

=== libournais-2023-s6
title: Ce que nous changerons après notre premier parcours
author: thomas.bellocq
parcours: premiers-pas-libournais-printemps-2023
session: 6
tags: evaluation posture-d-accompagnement
format: presentiel
participants: 6

--- context
Fin mai, dernière séance de notre premier parcours, au tiers-lieu à Libourne. Six présents sur sept inscrits. Entre-temps, mon binôme d'animation a quitté l'Usine ; j'ai animé seul les trois dernières séances.

--- proceedings
Rétroplanning à six mois sur une frise au sol, puis cercle de feedback : chacun disait ce qu'il gardait et ce qu'il changerait. Je l'ai complété par une grille d'observation de mes propres séances, remplie avec l'aide d'une bénévole qui avait assisté à tout le parcours.

--- worked
Le cercle de feedback a été franc : trop d'apports de notre part en séance 2, pas assez de temps entre porteurs. Mais le groupe a insisté sur le lieu : « on se sentait chez nous ». Trois projets continuent, dont la légumerie qui entre en incubation à Bordeaux.

--- difficulties
Animer seul la fin du parcours a été épuisant. On ne voit pas ce qui se passe dans le groupe quand on tient le temps, le contenu et le matériel.

--- advice
Ne lancez jamais un parcours sans deux animateurs, ou au moins un bénévole formé qui peut prendre le relais. Et demandez au groupe de vous évaluer vous, pas seulement le parcours.

=== nord-libournais-2024-s1
title: Coutras, automne 2024 : des porteurs que le tiers-lieu ne connaissait pas
author: thomas.bellocq
parcours: premiers-pas-nord-libournais-automne-2024
session: 1
tags: mobilisation-des-porteurs partenariats-locaux
format: presentiel
participants: 9

--- context
Après le premier parcours, nous avons voulu sortir de notre public d'habitués. Celui-ci se tient à Coutras, dans une salle de la maison des associations, avec un recrutement confié à la mission locale, au centre social et au bailleur social.

--- proceedings
Accueil en musique (une idée d'une participante du premier parcours, venue en renfort), blason personnel, présentations croisées. Après la pause, nous avons testé la cartographie des ressources sous forme de « marché » : chacun affichait ce qu'il pouvait offrir et ce qu'il cherchait.

--- worked
Le recrutement par les partenaires a fonctionné : neuf personnes que nous ne connaissions pas, dont cinq jeunes de moins de 30 ans. Le « marché » des ressources a produit des échanges immédiats, comme une participante qui propose de coudre les rideaux d'une future ludothèque.

--- difficulties
Certains participants avaient été « envoyés » par leur conseiller sans vraiment savoir pourquoi. Il a fallu prendre un temps pour reposer le cadre : ici, personne n'est obligé de rester.

--- advice
Quand les partenaires recrutent pour vous, rencontrez les candidats avant la première séance, même dix minutes au téléphone. Le « j'ai été envoyé » se désamorce mieux en tête-à-tête.

=== nord-libournais-2024-s3
title: Guîtres, jour de foire : tester une idée de ludothèque avec une table et des jeux
author: thomas.bellocq
parcours: premiers-pas-nord-libournais-automne-2024
session: 3
tags: confiance-en-soi communication
format: presentiel
participants: 8

--- context
Séance terrain à Guîtres le jour de la foire d'automne. L'idée : au lieu d'enquêter, certains porteurs testeraient directement une version minimale de leur projet, ce que le kit appelle le test minimal.

--- proceedings
Le porteur de la ludothèque a installé une table de jeux sous la halle ; la porteuse d'un atelier de réparation de vélos avait une pompe et des rustines ; les autres menaient des entretiens en circulant. Débriefing au café en fin de matinée.

--- worked
La table de jeux n'a pas désempli : des grands-parents avec leurs petits-enfants, des ados. Le porteur a noté ce qui attirait, l'âge des joueurs, les questions posées. Il repart avec l'idée d'une ludothèque itinérante sur les foires et marchés, plutôt qu'un local.

--- difficulties
Le stand vélo a eu trois clients en deux heures : la foire attire peu de cyclistes. La porteuse l'a vécu comme un échec, alors que c'est une information utile sur son public.

--- advice
Le test minimal est puissant, mais choisissez un lieu où votre public passe. Et préparez le débriefing pour qu'un « flop » soit lu comme un résultat, pas comme un jugement.

=== nord-libournais-2024-s4
title: Un Business Model Canvas social sur une nappe en papier
author: thomas.bellocq
parcours: premiers-pas-nord-libournais-automne-2024
session: 4
tags: modele-economique financement
format: presentiel
participants: 8

--- context
Séance 4 à Coutras. Le groupe avait bien avancé sur le besoin et le terrain ; restait à voir si les projets pouvaient tenir économiquement. Plusieurs porteurs n'avaient jamais fait de budget, même personnel.

--- proceedings
Nous avons imprimé le Business Model Canvas social en grand sur des nappes en papier, une par projet. Chaque porteur remplissait sa nappe, puis les autres tournaient de table en table pour y ajouter des idées au crayon de couleur. Dernière demi-heure sur le tableau des ressources hybrides.

--- worked
La rotation entre tables a multiplié les idées de recettes : location de jeux pour les mariages, ateliers payants pour les comités d'entreprise, partenariat avec la médiathèque. La nappe, qu'on peut rouler et emporter, a plu.

--- difficulties
Les cases « proposition de valeur » et « impact social » du canevas restaient floues pour la moitié du groupe. Nous aurions dû les illustrer avec un exemple rempli.

--- advice
Montrez toujours un canevas complet d'un projet réel avant de faire remplir le sien. Et laissez les autres enrichir la nappe : c'est là que naissent les idées de recettes.

=== nord-libournais-2024-s5
title: Saint-Seurin-sur-l'Isle : association ou coopérative pour l'atelier vélo
author: thomas.bellocq
parcours: premiers-pas-nord-libournais-automne-2024
session: 5
tags: gouvernance isolement-des-porteurs
format: presentiel
participants: 7

--- context
Séance statuts dans le local associatif de Saint-Seurin-sur-l'Isle. La porteuse de l'atelier vélo avait rallié deux personnes rencontrées pendant le parcours. Les autres projets restaient individuels.

--- proceedings
Arbre des statuts en version courte, puis un temps séparé : les collectifs travaillaient leur charte de fonctionnement, les projets individuels réfléchissaient à « qui m'entoure » avec une carte de leur réseau personnel.

--- worked
La carte du réseau personnel a été une bonne surprise : un porteur isolé a découvert qu'il connaissait déjà un élu, un comptable et un président d'association. Il a dit se sentir « moins seul que prévu ».

--- difficulties
Le trio de l'atelier vélo s'est accroché sur l'argent : qui met quoi au départ ? La charte ne pouvait pas répondre à tout en une heure, et ils sont repartis avec un désaccord.

--- advice
Séparez les projets collectifs et individuels pendant cette séance : les besoins sont trop différents. Et prévoyez un rendez-vous de suivi pour les collectifs qui repartent avec un désaccord.
"""
