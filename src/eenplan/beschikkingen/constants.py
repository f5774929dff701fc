from django.db import models

# The law lives in common (plannen, below beschikkingen, uses it too); re-exported here.
from eenplan.common.constants import Wet as Wet


class AanvraagStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    BESLOTEN = "besloten", "Besloten"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Uitkomst(models.TextChoices):
    TOEGEKEND = "toegekend", "Toegekend"
    DEELS = "deels", "Deels toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class Rechtmatigheid(models.TextChoices):
    NVT = "nvt", "Niet nodig (besluit door de backoffice)"
    TE_TOETSEN = "te_toetsen", "Te toetsen"
    RECHTMATIG = "rechtmatig", "Rechtmatig"
    ONRECHTMATIG = "onrechtmatig", "Onrechtmatig, terug naar beslisser"


class BezwaarUitkomst(models.TextChoices):
    LOPEND = "lopend", "In behandeling"
    GEGROND = "gegrond", "Gegrond"
    DEELS_GEGROND = "deels_gegrond", "Deels gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "Niet-ontvankelijk"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class BeschikkingStatus(models.TextChoices):
    """Where a beschikking stands, for the list's status filter (derived, not stored)."""

    CONCEPT = "concept", "Nog niet verzonden"
    VERZONDEN = "verzonden", "Verzonden"
    TE_TOETSEN = "te_toetsen", "Wacht op rechtmatigheidstoets"
    ONRECHTMATIG = "onrechtmatig", "Onrechtmatig, nieuw besluit nodig"
    IN_BEZWAAR = "in_bezwaar", "Bezwaar in behandeling"
