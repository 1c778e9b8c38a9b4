"""Coopérative d'activité Tarn Solidaire: Carmausin and Ségala tarnais (81)."""

TEXT = """
=== carmausin-2025-s1
title: Carmaux : une coopérative d'activité ouvre un parcours avant l'entrée en test
author: fanny.cazals
parcours: premiers-pas-carmausin-printemps-2025
session: 1
tags: confiance-en-soi mobilisation-des-porteurs
format: presentiel
participants: 9

--- context
Notre coopérative accueille des porteurs qui testent leur activité en restant salariés. Beaucoup arrivent trop tôt, sans idée claire de leur projet. Nous avons donc créé un parcours en amont, à Carmaux. Neuf inscrits, dont plusieurs anciens salariés de l'industrie en reconversion.

--- proceedings
Accueil, météo d'arrivée, blason personnel insistant sur les savoir-faire issus des anciens métiers, présentations croisées, charte. Nous avons expliqué le lien entre le parcours et l'entrée en test dans la coopérative, sans en faire une obligation.

--- worked
Le blason a valorisé les compétences des anciens ouvriers : un ex-mécanicien veut réparer des vélos et des mobylettes pour les jeunes du coin, une ancienne agente d'entretien imagine une conciergerie. Ils ont redécouvert leur savoir-faire comme une ressource.

--- difficulties
Certains participants voyaient le parcours comme une étape administrative obligatoire avant la coopérative. Il a fallu insister : on peut faire le parcours et ne pas entrer en test, c'est même parfois la bonne décision.

--- advice
Dans une structure qui propose aussi la suite, présentez le parcours comme un temps pour soi, pas comme un sas d'entrée. Les porteurs doivent se sentir libres de leur décision.

=== carmausin-2025-s2
title: L'atelier de mobylettes et le besoin de mobilité des jeunes du Carmausin
author: fanny.cazals
parcours: premiers-pas-carmausin-printemps-2025
session: 2
tags: mobilite partenariats-locaux
format: presentiel
participants: 8

--- context
Séance 2 à Carmaux. Le projet de l'ancien mécanicien, un atelier de réparation de vélos et de mobylettes, touchait à un besoin que plusieurs participants connaissaient : comment les jeunes sans permis vont au travail, en formation ou en stage.

--- proceedings
Arbre à problèmes collectif sur la mobilité des jeunes, avec un conseiller de la mission locale invité. Puis chacun a travaillé son propre arbre et la grille d'utilité sociale.

--- worked
Le conseiller de la mission locale a apporté des situations très concrètes : un apprenti qui renonce à son contrat faute de transport, une jeune qui fait deux heures de car par jour. Le porteur a élargi son projet : louer des mobylettes aux jeunes en insertion.

--- difficulties
Le sujet de la mobilité a tellement mobilisé le groupe que les autres projets ont eu moins de temps. La porteuse de la conciergerie a trouvé que la séance « tournait autour d'un seul projet ».

--- advice
Quand un invité extérieur vient pour un projet, limitez son intervention à une demi-heure et prévoyez du temps équivalent pour les autres projets.

=== carmausin-2025-s4
title: Tester en coopérative d'activité ou créer sa structure : le match des budgets
author: fanny.cazals
parcours: premiers-pas-carmausin-printemps-2025
session: 4
tags: modele-economique financement
format: presentiel
participants: 8

--- context
Début avril, séance modèle économique à Carmaux. Pour les projets individuels, la question se posait concrètement : démarrer en coopérative d'activité, en micro-entreprise, ou créer une association ?

--- proceedings
Budget prévisionnel simplifié pour chaque projet, puis comparaison des trois options sur un même exemple : revenu net, protection sociale, contribution à la coopérative, démarches administratives. Chacun a appliqué la grille à son projet.

--- worked
La comparaison a été éclairante : la coopérative apparaît comme la solution de test la plus sécurisante pour ceux qui sortent du salariat. L'ancien mécanicien a choisi d'y entrer pour tester son atelier pendant un an.

--- difficulties
Certains ont trouvé que je « prêchais pour ma paroisse », puisque je travaille pour la coopérative. C'était une critique légitime.

--- advice
Quand vous comparez des options dont l'une est la vôtre, faites-le avec un intervenant extérieur ou présentez honnêtement les limites de votre propre formule.

=== carmausin-2025-s6
title: Clôture à Carmaux : quatre entrées en test et une réorientation vers l'emploi
author: fanny.cazals
parcours: premiers-pas-carmausin-printemps-2025
session: 6
tags: evaluation cooperation-entre-structures
format: presentiel
participants: 8

--- context
Dernière séance du premier parcours de la coopérative, avec une seule absente. Les décisions se dessinaient : qui entre en test, qui cherche un autre relais, qui renonce.

--- proceedings
Feuilles de route, cercle de feedback, présentation des relais du Tarn (incubateur, boutique de gestion, dispositif local d'accompagnement, réseau d'entrepreneurs). Pot de clôture au café de la mine.

--- worked
Quatre porteurs entrent en test dans la coopérative. Deux sont orientés vers l'incubateur du département. Une participante a décidé de chercher un emploi salarié dans son domaine : le parcours l'a aidée à comprendre qu'elle ne voulait pas être entrepreneure.

--- difficulties
La réorientation vers l'emploi a été difficile à accepter pour la participante, qui s'est sentie « en échec ». Il a fallu un entretien individuel pour l'aider à voir sa décision autrement.

--- advice
Valorisez explicitement toutes les issues, y compris le choix de ne pas entreprendre. Un parcours premiers pas réussi, c'est aussi une décision éclairée, quelle qu'elle soit.

=== segala-tarnais-2025-s3
title: Pampelonne : enquêter sur un projet de bibliothèque d'objets dans le Ségala tarnais
author: fanny.cazals
parcours: premiers-pas-segala-tarnais-automne-2025
session: 3
tags: partenariats-locaux communication
format: presentiel
participants: 6

--- context
Deuxième parcours de la coopérative, dans le Ségala tarnais. Séance terrain à Pampelonne pour un projet de bibliothèque d'objets : prêter perceuses, remorques, matériel de cuisine, plutôt que chacun les achète.

--- proceedings
Questionnaire papier court, entretiens à la mairie, à la médiathèque, au magasin de bricolage et devant l'école. Un après-midi de test : une table avec quelques objets à emprunter, installée devant la médiathèque.

--- worked
Le test a attiré des curieux : onze emprunts en deux heures, surtout des outils de jardin. La médiathèque s'est proposée pour héberger la bibliothèque d'objets. La porteuse est repartie avec un partenaire et un lieu.

--- difficulties
La question de l'assurance et des objets abîmés a été posée par presque tous les interlocuteurs. La porteuse n'avait pas de réponse.

--- advice
Pour un projet de prêt, anticipez la question de l'assurance et de la caution : elle reviendra dans chaque entretien. Renseignez-vous auprès d'une assurance associative avant la séance terrain.

=== segala-tarnais-2025-s5
title: Valence-d'Albigeois, séance 5 : la bibliothèque d'objets s'adosse à la médiathèque
author: fanny.cazals
parcours: premiers-pas-segala-tarnais-automne-2025
session: 5
tags: gouvernance relation-aux-elus
format: presentiel
participants: 6

--- context
Séance statuts à Valence-d'Albigeois. La bibliothèque d'objets devait choisir sa forme : association autonome, section d'une association existante, ou service municipal adossé à la médiathèque ?

--- proceedings
Roue des parties prenantes, puis comparaison des trois options avec leurs avantages et inconvénients. L'adjointe à la culture est venue parler de la position de la commune.

--- worked
L'adjointe a proposé une convention entre une future association et la commune, qui mettrait à disposition un local dans la médiathèque. La porteuse a choisi cette voie, qui lui laisse l'autonomie tout en sécurisant le lieu.

--- difficulties
Les autres projets, plus avancés sur leur statut, ont eu moins besoin de la séance et se sont un peu ennuyés pendant la discussion sur la bibliothèque d'objets.

--- advice
Adaptez la séance statuts aux besoins du moment : si certains projets ont déjà tranché, proposez-leur un travail sur leur charte ou leur collectif pendant que les autres avancent.
"""
