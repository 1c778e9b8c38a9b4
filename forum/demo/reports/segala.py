"""Les Entreprenants du Ségala: Rieupeyroux, Naucelle and the Ségala aveyronnais (12)."""

TEXT = """
=== segala-cafe-projet-2024
title: Un café-projet de février qui ressemble à une première séance
author: pierre.vidal
date: 2024-02-15
modules: 1
tags: isolement-des-porteurs communication
format: presentiel
participants: 12

--- context
Nos cafés-projets ont lieu le troisième jeudi du mois, au bar de la place à Villefranche-de-Rouergue. D'habitude, c'est informel : on boit un café, chacun parle de son idée. En février, j'ai essayé d'y glisser un outil du kit.

--- proceedings
J'ai apporté le jeu d'images du photolangage et je l'ai étalé sur le comptoir. Chacun choisissait une image pour dire où il en était de son projet. Le patron du bar a participé. Ensuite, discussion libre comme d'habitude.

--- worked
Douze personnes, dont quatre nouvelles. Le photolangage a donné un fil à la discussion sans la rendre scolaire. Deux des nouveaux m'ont demandé quand commençait le prochain parcours d'automne.

--- difficulties
Le bruit du bar, la télé, les habitués qui passent : on a perdu le fil plusieurs fois. Et certains habitués du café-projet n'ont pas aimé qu'on « fasse un atelier ».

--- advice
Un outil simple du kit peut enrichir un rendez-vous informel, à condition de rester léger. Ne transformez pas votre café-projet en séance : c'est une porte d'entrée, gardez-la ouverte.

=== segala-2024-s1
title: Rieupeyroux : je démarre le parcours avec une chaise vide
author: pierre.vidal
parcours: premiers-pas-segala-aveyronnais-automne-2024
session: 1
tags: mobilisation-des-porteurs posture-d-accompagnement
format: presentiel
participants: 8

--- context
Neuf inscrits pour le parcours d'automne, huit présents à Rieupeyroux, dans la salle du foyer. La neuvième a prévenu la veille qu'elle ne viendrait pas : son mari ne voyait pas l'intérêt qu'elle « perde des matinées ». J'ai laissé sa chaise dans le cercle.

--- proceedings
Accueil, blason personnel, présentations croisées. J'ai expliqué la chaise vide sans entrer dans les détails : quelqu'un qui voulait venir et n'a pas pu. Charte du groupe, puis le calendrier jusqu'à la mi-décembre.

--- worked
La chaise vide a fait parler le groupe des freins qui empêchent de porter un projet : la famille, le regard des voisins, le manque de temps. Plusieurs participantes ont dit qu'elles avaient dû négocier pour être là.

--- difficulties
Je me suis demandé si j'avais bien fait d'évoquer cette absence. J'ai appelé la personne ensuite : elle était touchée qu'on ait pensé à elle, mais n'est jamais venue.

--- advice
Le regard de l'entourage pèse lourd à la campagne, surtout pour les femmes. Nommez ce frein dès la première séance, sans stigmatiser personne : ça libère la parole.

=== segala-2024-s2
title: Cinq pourquoi pour un multiservice qui voulait d'abord vendre du pain
author: pierre.vidal
parcours: premiers-pas-segala-aveyronnais-automne-2024
session: 2
tags: relation-aux-elus confiance-en-soi
format: presentiel
participants: 8

--- context
Deuxième séance à Rieupeyroux. Un couple veut rouvrir le multiservice d'un village de 300 habitants, fermé depuis deux ans. Leur idée de départ : faire du pain, parce que c'est le métier de l'un des deux.

--- proceedings
Méthode des cinq pourquoi, en grand groupe sur le multiservice, puis en binômes pour les autres projets. Carte d'empathie rapide pour finir. Le maire du village, prévenu par le couple, est passé à la pause.

--- worked
Au troisième pourquoi, le pain est passé au second plan : ce qui manque au village, c'est un endroit où l'on se croise, où l'on dépose un colis, où l'on trouve du lien. Le maire a confirmé et parlé des personnes âgées qui ne sortent plus depuis la fermeture.

--- difficulties
Le passage du maire, prévu pour cinq minutes, a duré vingt-cinq. Le groupe a écouté poliment, mais les autres projets ont perdu une partie de leur temps de travail.

--- advice
Si un élu passe, cadrez son temps à l'avance et prévoyez qu'il réponde à des questions du groupe plutôt qu'il ne fasse un discours.

=== segala-2024-s4
title: Un fonds de dotation local et des parts sociales à cinquante euros
author: pierre.vidal
parcours: premiers-pas-segala-aveyronnais-automne-2024
session: 4
tags: financement modele-economique
format: presentiel
participants: 7

--- context
Séance financement, de retour à Rieupeyroux. Le multiservice avançait vite : l'idée d'en faire une SCIC avec des parts souscrites par les habitants circulait déjà. Les autres projets (un repair café, une bibliothèque d'objets) cherchaient des fonds plus modestes.

--- proceedings
J'ai présenté la cartographie des financeurs, puis un trésorier d'une SCIC de l'Aveyron qui gère une épicerie de village est venu raconter sa levée de parts sociales : 180 habitants, 50 euros la part, une réunion publique par hameau.

--- worked
Le témoignage a été le déclic : le couple du multiservice a compris que les habitants pouvaient être financeurs et acteurs. Le repair café, lui, a découvert qu'un petit fonds de dotation local finance du matériel à hauteur de quelques milliers d'euros.

--- difficulties
Le financement participatif local suppose une grosse mobilisation : réunions, porte-à-porte, communication. Le couple, déjà très pris, s'est inquiété du temps que ça demande.

--- advice
Faites venir quelqu'un qui a vraiment levé des parts sociales dans un village : les chiffres concrets rassurent. Et rappelez que la levée de fonds citoyenne est aussi une façon de vérifier le soutien des habitants.

=== segala-2024-s6
title: Une fin de parcours sous la neige, reportée d'une semaine puis maintenue
author: pierre.vidal
parcours: premiers-pas-segala-aveyronnais-automne-2024
session: 6
tags: evaluation mobilite
format: presentiel
participants: 7

--- context
La dernière séance, prévue mi-décembre à Rieupeyroux, a failli être annulée : routes enneigées sur les hauteurs du Ségala la semaine précédente. Nous l'avons maintenue en décalant le début à 10h pour laisser passer le chasse-neige.

--- proceedings
Rétroplanning à six mois, présentation de trois minutes par projet, bilan avec une cible et des gommettes, puis repas de fin d'année au restaurant du bourg, payé par l'association.

--- worked
Le repas de fin d'année a été le vrai moment de clôture : les porteurs se sont promis de se revoir au café-projet de janvier. Le multiservice a annoncé sa première réunion publique avec les habitants.

--- difficulties
Un participant n'a pas pu venir, bloqué par la neige dans son hameau. Nous lui avons fait sa feuille de route au téléphone, moins bien qu'en groupe.

--- advice
En hiver, prévoyez une date de repli dès le calendrier initial et une heure de début tardive. Et terminez par un repas : pour un groupe rural, c'est un rituel qui compte.

=== segala-2025-s3
title: Sauveterre-de-Rouergue, séance terrain avec les visiteurs et les habitants
author: pierre.vidal
parcours: premiers-pas-segala-aveyronnais-automne-2025
session: 3
tags: partenariats-locaux communication
format: presentiel
participants: 7

--- context
Pour le parcours 2025, nous avons tenu la séance terrain à Sauveterre-de-Rouergue, bastide touristique qui se vide à l'automne. Deux projets s'y intéressaient : un atelier de céramique partagé et une conciergerie pour les gîtes.

--- proceedings
Guide d'entretien, jeu de rôle, puis entretiens auprès des artisans d'art de la bastide, de l'office de tourisme, des propriétaires de gîtes et des habitants à l'année. Débriefing sous la halle, malgré le froid.

--- worked
Les propriétaires de gîtes ont confirmé un besoin réel de ménage, de remise des clés et de petites réparations, surtout pour ceux qui habitent loin. La conciergerie a trouvé ses premiers clients potentiels en une matinée.

--- difficulties
Les artisans d'art ont été plus réservés sur l'atelier partagé : chacun tient à son espace. La porteuse est repartie avec plus de questions que de réponses.

--- advice
Dans un bourg touristique, enquêtez à la fois auprès des acteurs du tourisme et des habitants à l'année : leurs besoins diffèrent, et un projet solide sert souvent les deux.

=== segala-2025-s5
title: Naucelle : la charte d'une conciergerie à trois associés
author: pierre.vidal
parcours: premiers-pas-segala-aveyronnais-automne-2025
session: 5
tags: gouvernance posture-d-accompagnement
format: presentiel
participants: 6

--- context
Cinquième séance à Naucelle. La conciergerie pour les gîtes réunit maintenant trois personnes, aux attentes différentes : l'une veut un complément de revenu, l'autre un emploi à temps plein, la troisième un projet de village.

--- proceedings
Charte du collectif travaillée en trois questions : qui fait quoi, qui décide quoi, que fait-on si l'un veut partir. Arbre des statuts pour les autres projets, avec l'aide d'une conseillère de la CAE du département venue pour l'occasion.

--- worked
Écrire noir sur blanc « que fait-on si l'un veut partir » a permis aux trois associés de parler de leurs attentes sans se froisser. La CAE est apparue comme une bonne solution pour démarrer sans créer de structure.

--- difficulties
J'ai dû me retenir de trancher à leur place quand la discussion a tourné en rond. Ce n'est pas mon rôle, mais c'était tentant.

--- advice
Pour un collectif naissant, la question « et si l'un part ? » est la plus utile de la charte. Laissez le groupe y répondre, même lentement.
"""
