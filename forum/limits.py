"""Validation limits, once: forms check them for the field errors a member sees, services
check them again for every other caller (CLI, imports, a forged request).

The French messages that state a limit spell its number out (« de 3 à 200 caractères »):
they are catalog keys, so changing a number here means changing its message with it.
"""

KB = 1024

# Titles of reports, discussions and parcours: « Le titre doit compter de 3 à 200 caractères. »
TITLE_MIN = 3
TITLE_MAX = 200

# Each of a report's five sections, in UTF-8 bytes: « Cette partie dépasse 100 Ko. »
SECTION_MAX_BYTES = 100 * KB

# A message in a discussion, in UTF-8 bytes: « Le message dépasse 100 Ko. »
POST_BODY_MAX_BYTES = 100 * KB

# Challenges (défis) proposed with a report: « Proposez au plus 5 nouveaux défis à la fois. »,
# « Un défi proposé doit compter de 2 à 60 caractères. »
NEW_TAGS_MAX = 5
TAG_LABEL_MIN = 2
TAG_LABEL_MAX = 60

# A structure's name: « Le nom compte de 2 à 200 caractères. »
STRUCTURE_NAME_MIN = 2
STRUCTURE_NAME_MAX = 200

# A message relayed to a structure or a member: « L'objet compte de 3 à 150 caractères. »,
# « Le message compte de 10 à 5 000 caractères. »
CONTACT_SUBJECT_MIN = 3
CONTACT_SUBJECT_MAX = 150
CONTACT_BODY_MIN = 10
CONTACT_BODY_MAX = 5000

# Why a message is flagged or hidden (told to its author when hidden).
REASON_MAX = 2000

# The places of an event: a meeting of the network, not a stadium (the column would take
# two billion): « Indiquez au plus 10 000 places, ou laissez vide (sans limite). »
EVENT_CAPACITY_MAX = 10_000

# Dates a member types (a session, an event): the network's practice starts well after 2000
# and an event is planned this century: « Indiquez une date entre 2000 et 2100. »
FIRST_YEAR = 2000
LAST_YEAR = 2100
