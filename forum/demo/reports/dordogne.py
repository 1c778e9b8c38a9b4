"""Incubateur ESS Dordogne-Périgord: Périgord vert, Bergeracois, Sarladais (24)."""

TEXT = """
=== bergeracois-2024-s2
title: Un arbre à problèmes dessiné, pour ceux qui n'aiment pas écrire
author: camille.bernard
parcours: premiers-pas-bergeracois-printemps-2024
session: 2
tags: confiance-en-soi posture-d-accompagnement
format: presentiel
participants: 9

--- context
Mon premier parcours comme animatrice principale, à Bergerac. Dix inscrits, dont trois personnes qui m'avaient dit à l'inscription qu'elles étaient « fâchées avec l'écrit ». J'ai donc repensé le module 2 pour qu'il passe par le dessin.

--- proceedings
Chaque porteur a reçu une grande feuille avec un arbre pré-dessiné : racines, tronc, branches. Consigne : dessiner ou coller des images découpées plutôt qu'écrire, quitte à ajouter un mot ensuite. Présentation en binôme, puis au groupe pour les volontaires.

--- worked
Un ancien ouvrier viticole, qui veut monter un service d'entretien des jardins pour les personnes âgées, a dessiné une vieille dame devant une haie trop haute, un téléphone qui ne sonne pas, un fils qui vit à deux heures de route. Tout le besoin était là, sans une phrase. Le groupe a applaudi.

--- difficulties
Deux participants très à l'aise à l'écrit ont trouvé l'exercice « infantilisant » et ont rempli leur arbre de texte serré. Je les ai laissés faire, mais le décalage s'est vu.

--- advice
Laissez le choix du support : dessin, collage ou écrit. L'important est que chacun puisse s'exprimer ; l'uniformité de la consigne compte moins.

=== bergeracois-2024-s4
title: Viticulture, maraîchage et modèle économique : parler des aléas
author: camille.bernard
parcours: premiers-pas-bergeracois-printemps-2024
session: 4
tags: modele-economique financement
format: presentiel
participants: 8

--- context
Séance fin avril, à Bergerac. Trois projets du groupe dépendent de l'agriculture : une légumerie, un chantier d'insertion en maraîchage, un service de vendanges solidaires. L'épisode de grêle de la semaine précédente était dans toutes les têtes.

--- proceedings
Budget prévisionnel simplifié, puis un exercice que j'ai ajouté au kit : pour chaque projet, lister trois aléas (climat, départ d'un bénévole, perte d'un client) et leur impact chiffré. La dernière heure, jeu de cartes des financements ESS.

--- worked
L'exercice des aléas a rendu les budgets plus réalistes : le chantier de maraîchage a prévu une réserve, la légumerie a identifié un deuxième fournisseur. Les porteurs ont trouvé ça « plus vrai » que le budget seul.

--- difficulties
Le jeu de cartes, très complet, prend du temps à expliquer. Nous n'avons fait qu'une manche, et certains n'ont pas compris la différence entre une subvention et une avance remboursable.

--- advice
Ajoutez un temps sur les aléas à la séance modèle économique, surtout pour les projets agricoles. Et pour le jeu de cartes, préparez un exemple joué avant de lancer les équipes.

=== bergeracois-2024-s6
title: Terminer un parcours à Bergerac quand la moitié du groupe travaille en saison
author: camille.bernard
parcours: premiers-pas-bergeracois-printemps-2024
session: 6
tags: garde-d-enfants evaluation
format: presentiel
participants: 6

--- context
Fin mai, la saison agricole et touristique reprend. Sur dix inscrits, six étaient là pour la dernière séance, les autres étant pris par leur emploi saisonnier. Nous avions décalé l'heure de début à 14h pour les parents.

--- proceedings
Feuille de route à six mois, pitch final de trois minutes devant la chargée de mission ESS du Département, puis bilan à la cible. Pour les absents, j'ai proposé un rendez-vous individuel en juin.

--- worked
Le rendez-vous individuel a sauvé la fin de parcours pour trois absents sur quatre : ils ont eu leur feuille de route et le contact des relais. Le créneau de 14h a permis à deux mères de rester jusqu'au bout, après avoir déposé les enfants à l'école.

--- difficulties
Le pitch devant la chargée de mission du Département a intimidé le groupe, réduit de moitié. Sans public, la séance a manqué d'énergie.

--- advice
Ne calez pas la dernière séance en pleine saison si votre public est saisonnier : avancez-la à la mi-mai. Et gardez un créneau individuel pour les absents, c'est là que se joue la suite.

=== perigord-vert-2025-s1
title: Nontron, douze inscrits et un atelier de coutellerie pour commencer
author: elodie.marchand
parcours: premiers-pas-perigord-vert-automne-2025
session: 1
tags: isolement-des-porteurs mobilisation-des-porteurs
format: presentiel
participants: 12

--- context
Premier parcours de l'antenne de Nontron. Douze inscrits, un record, grâce à un article dans le journal local et au relais des maisons France Services de Piégut-Pluviers et Thiviers. Certains viennent de trente-cinq kilomètres.

--- proceedings
Nous avons commencé par une visite d'un atelier de coutellerie artisanale qui accueille aussi des stagiaires en insertion : un exemple local d'activité à utilité sociale. Ensuite, photolangage en deux groupes de six, charte et présentation du parcours.

--- worked
La visite a mis tout le monde à l'aise : on parlait d'abord d'un métier et d'un lieu, pas de soi. Le coutelier a raconté ses débuts difficiles, et plusieurs porteurs ont dit s'être reconnus dans ses doutes.

--- difficulties
À douze, il a fallu scinder le photolangage en deux groupes. Nous n'étions que deux animatrices, et chacune a eu l'impression de rater ce qui se passait dans l'autre groupe.

--- advice
Au-delà de dix participants, prévoyez un troisième animateur ou un bénévole formé pour les temps en sous-groupes. Et commencez par une visite : c'est un brise-glace redoutable.

=== perigord-vert-2025-s2
title: Les châtaigneraies abandonnées, point de départ d'un besoin collectif
author: elodie.marchand
parcours: premiers-pas-perigord-vert-automne-2025
session: 2
tags: partenariats-locaux cooperation-entre-structures
format: presentiel
participants: 11

--- context
Deuxième séance à Nontron. Deux projets portent sur les châtaigneraies : l'un veut relancer une filière de farine, l'autre créer des chantiers d'entretien avec des personnes en insertion. Ils ne se connaissaient pas avant le parcours.

--- proceedings
Arbre à problèmes en grand groupe sur la question des châtaigneraies abandonnées, puisqu'elle concerne deux projets. Puis travail individuel sur la grille d'utilité sociale, avec une fiche de données du parc naturel régional sur la forêt et l'emploi.

--- worked
L'arbre collectif a fait apparaître un besoin partagé : des parcelles abandonnées par des propriétaires âgés ou partis, et personne pour les entretenir. Les deux porteurs ont décidé de se revoir et envisagent un projet commun. Le parc a proposé de les recevoir.

--- difficulties
Les autres participants, dont les projets n'avaient rien à voir avec la forêt, se sont sentis spectateurs pendant quarante minutes. L'arbre collectif aurait dû porter sur un thème plus transversal.

--- advice
Pour l'arbre collectif, choisissez un problème que tout le groupe connaît. Si deux projets se rejoignent, proposez-leur un temps à part plutôt que de mobiliser tout le monde.

=== perigord-vert-2025-s3
title: Piégut-Pluviers, mercredi de foire : 54 entretiens en deux heures
author: elodie.marchand
parcours: premiers-pas-perigord-vert-automne-2025
session: 3
tags: communication confiance-en-soi
format: presentiel
participants: 11

--- context
La foire du mercredi à Piégut-Pluviers attire tout le nord du département. Nous avons décalé la séance terrain sur un mercredi matin pour en profiter. Onze présents.

--- proceedings
Trois quarts d'heure de préparation dans la salle de la mairie, guide d'entretien de cinq questions, entraînement en binômes. Puis deux heures dans la foire, par deux. Nous avions fabriqué des badges « Enquête habitants, 3 minutes » pour rassurer les passants.

--- worked
Les badges ont fait leur effet : les gens venaient d'eux-mêmes demander de quoi il s'agissait. Cinquante-quatre entretiens au total. Une porteuse de projet de laverie solidaire a rencontré une assistante sociale du secteur, en repos, qui lui a décrit précisément les besoins des familles qu'elle suit.

--- difficulties
Le bruit et la foule rendaient certains entretiens superficiels. Et la mise en commun, à midi passé, s'est faite avec un groupe affamé et fatigué.

--- advice
Sur une foire, visez des entretiens courts et nombreux, et gardez les entretiens approfondis pour des rendez-vous pris à l'avance. Prévoyez le repas avant la mise en commun.

=== perigord-vert-2025-s4
title: Deux heures sur le prix juste d'une laverie solidaire
author: elodie.marchand
parcours: premiers-pas-perigord-vert-automne-2025
session: 4
tags: modele-economique relation-aux-elus
format: presentiel
participants: 10

--- context
Séance 4 à Nontron. Le groupe voulait parler d'argent, et surtout de prix : comment fixer un tarif accessible aux familles modestes sans couler le projet ? La laverie solidaire en était l'exemple parfait.

--- proceedings
Construction collective du budget de la laverie : machines, eau, électricité, local, salaire à mi-temps. Puis calcul du prix d'un lavage selon trois hypothèses de fréquentation. Enfin, chacun a appliqué la même démarche à son projet, avec un tableau simple.

--- worked
Voir le prix passer de 3 à 9 euros selon la fréquentation a été un choc salutaire. La porteuse a compris que son projet ne tiendrait qu'avec un partenaire : CCAS, bailleur social ou commune. Elle a obtenu dans la semaine un rendez-vous avec l'adjointe aux affaires sociales.

--- difficulties
Certains porteurs ont voulu refaire les calculs de la laverie au centime près, et nous avons perdu du temps. Le groupe était très hétérogène en calcul.

--- advice
Travaillez un exemple collectif jusqu'au prix unitaire : c'est ce qui rend concrète la notion de modèle hybride. Fixez une limite de temps à l'exemple, puis passez aux projets.

=== perigord-vert-2025-s5
title: Thiviers en hybride, ou comment garder deux porteurs coincés par la neige
author: elodie.marchand
parcours: premiers-pas-perigord-vert-automne-2025
session: 5
tags: numerique gouvernance
format: hybride
participants: 10

--- context
Fin novembre, chutes de neige précoces sur les hauteurs du Périgord vert. Deux porteurs ne pouvaient pas descendre jusqu'à Thiviers. Nous avons basculé la séance statuts en hybride le matin même.

--- proceedings
Un ordinateur au bout de la table, un micro de conférence emprunté à la médiathèque, un paperboard photographié toutes les vingt minutes et envoyé par messagerie. Arbre des statuts, puis roue des parties prenantes.

--- worked
Le micro de conférence a tout changé : les deux porteurs à distance entendaient tout le monde. Ils ont pu faire leur roue des parties prenantes avec un binôme en salle qui les interrogeait.

--- difficulties
La connexion d'un des deux porteurs, en zone très mal couverte, a coupé quatre fois. Il a fini par suivre au téléphone, sans images. Le format hybride improvisé a aussi coupé l'élan du groupe présent.

--- advice
Ayez toujours sous la main un micro de conférence et un plan B téléphonique. L'hybride improvisé dépanne, mais il faut un animateur qui ne s'occupe que des personnes à distance.

=== perigord-vert-2025-s6
title: Clôture à Nontron : les porteurs présentent, l'incubateur écoute
author: elodie.marchand
parcours: premiers-pas-perigord-vert-automne-2025
session: 6
tags: cooperation-entre-structures evaluation
format: presentiel
participants: 11

--- context
Dernière séance du premier parcours nontronnais. Onze présents sur douze. Pour une fois, la suite se passait chez nous : trois projets pouvaient candidater à notre programme d'incubation de douze mois.

--- proceedings
Rétroplanning, puis présentations devant l'équipe de l'incubateur au complet et deux partenaires (le parc naturel régional, la communauté de communes). Évaluation écrite courte, puis galette et cidre.

--- worked
Trois projets ont déposé leur candidature à l'incubation en janvier, dont le projet commun des deux porteurs des châtaigneraies. Les autres ont été orientés vers la CAE ou le dispositif local d'accompagnement.

--- difficulties
Le risque, quand la suite est interne, est que les porteurs non retenus se sentent recalés. Nous avons pris soin de présenter plusieurs suites possibles à égalité.

--- advice
Si votre structure propose aussi la suite, présentez-la comme une option parmi d'autres. Les porteurs doivent sentir que le parcours vaut pour lui-même, pas comme une sélection.

=== sarladais-2026-s1
title: Sarlat hors saison : ouvrir le parcours quand la ville se vide
author: camille.bernard
parcours: premiers-pas-sarladais-printemps-2026
session: 1
tags: isolement-des-porteurs mobilisation-des-porteurs
format: presentiel
participants: 8

--- context
Début mars, Sarlat est loin de l'effervescence estivale. Huit inscrits, dont plusieurs saisonniers qui travaillent d'avril à octobre et portent des projets pour l'hiver : l'un veut ouvrir une cantine pour les habitants quand les restaurants ferment.

--- proceedings
Accueil à la médiathèque, météo d'arrivée, photolangage avec des photos du Sarladais hors saison (rues vides, marchés d'hiver), présentations croisées, charte. Nous avons aussi construit un calendrier commun pour tenir compte des reprises de saison.

--- worked
Les photos du Sarladais en hiver ont suscité une discussion forte sur « l'autre Sarlat », celui des habitants. Le groupe s'est soudé autour de cette idée : faire vivre le territoire toute l'année.

--- difficulties
Trois participants reprennent le travail dès avril ; ils ont prévenu qu'ils manqueraient sûrement les dernières séances. Nous avons dû accepter un parcours à géométrie variable.

--- advice
Sur un territoire touristique, démarrez le parcours en janvier plutôt qu'en mars : vous garderez les saisonniers jusqu'au bout. Nous le ferons l'an prochain.

=== sarladais-2026-s3
title: Salignac-Eyvigues : le test minimal d'une cantine d'hiver
author: camille.bernard
parcours: premiers-pas-sarladais-printemps-2026
session: 3
tags: partenariats-locaux relation-aux-elus
format: presentiel
participants: 7

--- context
Fin mars, séance terrain à Salignac-Eyvigues. Le porteur de la cantine d'hiver avait obtenu de la mairie la salle des fêtes pour un déjeuner test, à prix libre, ouvert aux habitants.

--- proceedings
Le matin, le groupe a aidé à préparer le repas tout en menant des entretiens avec les premiers arrivés. Le midi, trente-huit couverts. L'après-midi, restitution et analyse : qui est venu, pourquoi, qu'ont-ils dit du prix libre.

--- worked
Trente-huit personnes un mardi hors saison, c'est une preuve. Les convives ont parlé de la solitude de l'hiver, du plaisir de manger ensemble. Le maire est passé au dessert et a proposé de renouveler l'expérience une fois par mois.

--- difficulties
Le prix libre a rapporté moins que le coût des ingrédients. Et le groupe, mobilisé par la cuisine, a moins enquêté pour les autres projets : deux porteurs ont eu le sentiment d'être venus pour servir.

--- advice
Un test minimal grandeur nature est précieux, mais veillez à ce qu'il serve tout le groupe : réservez du temps d'enquête pour chaque projet, pas seulement pour celui qui accueille.

=== sarladais-2026-s4
title: Sarlat, fin avril : la cantine d'hiver fait ses comptes (brouillon)
author: camille.bernard
parcours: premiers-pas-sarladais-printemps-2026
session: 4
tags: modele-economique
format: presentiel
participants: 5
state: draft

--- context
Séance 4 à Sarlat-la-Canéda, cinq présents seulement : trois saisonniers ont repris le travail comme prévu.

--- proceedings
Budget de la cantine d'hiver refait à partir des chiffres du déjeuner test de Salignac-Eyvigues, avec deux hypothèses de prix.

--- worked
Le prix libre abandonné au profit d'un tarif solidaire à deux niveaux, idée venue du groupe.

--- difficulties
Groupe réduit, énergie en baisse. Relancer les absents avant la séance 5.

--- advice
Je complète cette partie après avoir relu mes notes avec le porteur.
"""
