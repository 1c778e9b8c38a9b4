"""Tiers-lieu La Grange: Felletin, Aubusson and the south of the Creuse (23)."""

TEXT = """
=== sud-creuse-2023-s3
title: Aubusson, novembre 2023 : les tapissiers répondent aux porteurs
author: lucie.moreau
parcours: premiers-pas-sud-creuse-automne-2023
session: 3
tags: partenariats-locaux confiance-en-soi
format: presentiel
participants: 5

--- context
Notre premier parcours réunit six porteurs, usagers du tiers-lieu pour la plupart. Séance terrain à Aubusson, où deux projets touchent aux métiers d'art : un atelier de réparation textile et une boutique de créateurs locaux.

--- proceedings
Guide d'entretien préparé au tiers-lieu la semaine d'avant. À Aubusson, entretiens chez des lissiers, à la cité de la tapisserie, chez des commerçants de la Grande Rue et à l'office de tourisme. Retour en covoiturage et restitution à Felletin.

--- worked
Les lissiers ont reçu les porteurs avec une générosité étonnante, montrant leurs ateliers et parlant franchement de leurs difficultés à vendre. La porteuse de la boutique de créateurs a trouvé là ses premiers fournisseurs.

--- difficulties
Cinq présents sur six : la sixième, sans voiture, n'a pas trouvé de covoiturage pour Aubusson. À dix kilomètres près, la séance lui était inaccessible.

--- advice
Même pour une courte distance, organisez le transport de chacun explicitement. Ne supposez jamais que « tout le monde se débrouille ».

=== sud-creuse-2023-s6
title: Premier parcours terminé à Felletin : ce que le tiers-lieu y a gagné
author: lucie.moreau
parcours: premiers-pas-sud-creuse-automne-2023
session: 6
tags: evaluation partenariats-locaux
format: presentiel
participants: 6

--- context
Mi-décembre, clôture de notre premier parcours dans la grande salle du tiers-lieu. Les six porteurs étaient là, y compris celle qui avait manqué Aubusson.

--- proceedings
Feuilles de route, présentations aux usagers du tiers-lieu invités pour l'occasion (une vingtaine de personnes), puis soupe partagée. Bilan écrit à deux questions : qu'est-ce qui vous a servi, qu'est-ce qui vous a manqué.

--- worked
Les usagers du tiers-lieu ont proposé leur aide concrète : un bricoleur pour l'atelier textile, une comptable bénévole, un prêt de local. Le parcours a renforcé la communauté du lieu autant qu'il a aidé les porteurs.

--- difficulties
Ce qui a manqué, d'après le bilan : un contact avec des financeurs. Nous n'en avions invité aucun, par manque de réseau.

--- advice
Un tiers-lieu a une ressource précieuse : sa communauté d'usagers. Invitez-la à la clôture. Et construisez votre réseau de financeurs avant le deuxième parcours.

=== sud-creuse-2025-s1
title: Felletin, printemps 2025 : la cartographie des ressources tourne au troc
author: lucie.moreau
parcours: premiers-pas-sud-creuse-printemps-2025
session: 1
tags: isolement-des-porteurs partenariats-locaux
format: presentiel
participants: 8

--- context
Deuxième parcours, huit inscrits. Cette fois, seuls deux sont usagers du tiers-lieu ; les autres nous ont été orientés par la maison France Services et le réseau des accueils paysans.

--- proceedings
Accueil au fablab, météo d'arrivée, blason personnel. Pour la cartographie des ressources, nous avons posé deux colonnes au mur : « je peux offrir », « je cherche ». Chacun y collait des post-it, puis on tirait des fils de laine entre les offres et les demandes.

--- worked
Les fils de laine ont fait apparaître une dizaine de trocs possibles : une porteuse propose des cours de couture, un autre cherche quelqu'un pour coudre des sacs ; un menuisier offre du temps, une porteuse cherche des étagères. Le groupe est sorti avec des rendez-vous entre participants.

--- difficulties
Ceux qui cherchaient beaucoup et offraient peu se sont sentis gênés. Il a fallu rappeler que tout le monde a quelque chose à offrir, ne serait-ce que du temps ou des contacts.

--- advice
La version « offre et demande » de la cartographie crée des liens immédiats. Veillez à ce que chacun ait au moins une offre, quitte à l'aider à la formuler.

=== sud-creuse-2025-s2
title: Royère-de-Vassivière, séance 2 : quel besoin derrière l'envie de revenir ?
author: lucie.moreau
parcours: premiers-pas-sud-creuse-printemps-2025
session: 2
tags: confiance-en-soi posture-d-accompagnement
format: presentiel
participants: 7

--- context
Séance à Royère-de-Vassivière, près du lac. Plusieurs participants sont des « revenants » : nés en Creuse, partis travailler ailleurs, revenus. Leur envie de projet mêle attachement au pays et besoin de se faire une place.

--- proceedings
Méthode des cinq pourquoi, en binômes. Puis pitch du besoin, en demandant à chacun de distinguer ce qui relève de son envie personnelle et ce qui relève d'un besoin du territoire.

--- worked
La distinction envie / besoin a été libératrice : un revenant qui voulait « faire quelque chose pour le pays » a formulé un besoin précis, l'absence de lieu pour les jeunes de 15 à 20 ans le week-end. Son projet a pris forme en une heure.

--- difficulties
Pour certains, interroger le besoin a ressemblé à une remise en question de leur retour au pays. La séance a touché des choses intimes, et j'ai dû ralentir.

--- advice
Accueillez les motivations personnelles sans les opposer au besoin social : les deux comptent. Mais aidez chacun à les distinguer, c'est la condition d'un projet solide.

=== sud-creuse-2025-s4
title: Gentioux-Pigerolles : financer un lieu pour ados sur le plateau
author: lucie.moreau
parcours: premiers-pas-sud-creuse-printemps-2025
session: 4
tags: financement relation-aux-elus
format: presentiel
participants: 7

--- context
Séance 4 à Gentioux-Pigerolles, sur le plateau. Le projet de lieu pour les jeunes était devenu central dans le groupe. La question : qui peut financer un lieu pour ados dans une commune de 350 habitants ?

--- proceedings
Cartographie des financeurs : CAF, communauté de communes (compétence jeunesse), Département, fonds européens, fondations, mécénat local. Une élue de la communauté de communes est venue parler de la politique jeunesse intercommunale.

--- worked
L'élue a révélé que la communauté de communes cherchait justement à développer une offre jeunesse sur le plateau, sans porteur. Le projet est tombé au bon moment. Un rendez-vous a été fixé avec le service jeunesse.

--- difficulties
Les financements jeunesse exigent souvent un encadrement diplômé et un projet pédagogique écrit. Le porteur, sans diplôme d'animation, s'est inquiété de sa légitimité.

--- advice
Renseignez-vous sur les politiques des collectivités avant la séance financement : un projet qui répond à une compétence non exercée trouve plus facilement un soutien.

=== sud-creuse-2025-s5
title: Un collectif d'habitants en SCIC, l'exemple du plateau à quelques kilomètres
author: lucie.moreau
parcours: premiers-pas-sud-creuse-printemps-2025
session: 5
tags: gouvernance cooperation-entre-structures
format: presentiel
participants: 7

--- context
Séance statuts au tiers-lieu. Le plateau compte plusieurs coopératives d'habitants anciennes, et nous avons invité un membre d'une SCIC voisine qui gère une épicerie, un bar et des logements.

--- proceedings
Témoignage d'une heure, avec questions. Puis arbre des statuts et roue des parties prenantes pour chaque projet, en s'inspirant de ce qui venait d'être raconté.

--- worked
Le témoignage a rendu la SCIC concrète et accessible : le membre a montré ses comptes, ses statuts, ses procès-verbaux d'assemblée. Le lieu pour les jeunes envisage d'associer jeunes, parents et commune dans une gouvernance partagée.

--- difficulties
Le membre de la SCIC a aussi parlé de l'usure des bénévoles et des conflits, sans fard. Certains porteurs ont été refroidis par cette honnêteté.

--- advice
Faites témoigner des coopératives proches, avec leurs réussites et leurs difficultés. Le tableau complet rassure plus qu'une image idéalisée, même s'il refroidit sur le moment.
"""
