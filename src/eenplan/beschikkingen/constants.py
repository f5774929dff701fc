from django.db import models


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


# `bezwaren.constants.BezwaarUitkomst.LOPEND`: a bezwaar still running. The beschikkingen list
# filters on it ("in bezwaar") through the reverse relation; `bezwaren` sits above this app and
# is not imported here, so the value is named once on this side (a test keeps the two equal).
BEZWAAR_LOPEND = "lopend"


# The toelating to debt help (Wgs art. 4a) is decided on the resident's debt question (app
# `schuldhulp`, the layer above), which records the ground of a refusal and the route; the
# generic decision page and API send the user there (ADR 0041).
WGS_BESLISSEN_BIJ_SCHULDVRAAG = (
    "Over de toelating tot schuldhulpverlening (Wgs art. 4a) beslist u bij de schuldvraag van "
    "de inwoner: op de schuldhulppagina van de inwoner, of met POST "
    "/api/v1/schuldhulp/vragen/<id>/toelating/."
)


class BeschikkingStatus(models.TextChoices):
    """Where a beschikking stands, for the list's status filter (derived, not stored)."""

    CONCEPT = "concept", "Nog niet verzonden"
    VERZONDEN = "verzonden", "Verzonden"
    TE_TOETSEN = "te_toetsen", "Wacht op rechtmatigheidstoets"
    ONRECHTMATIG = "onrechtmatig", "Onrechtmatig, nieuw besluit nodig"
    IN_BEZWAAR = "in_bezwaar", "Bezwaar in behandeling"


class BriefSoort(models.TextChoices):
    """The letters a municipality words itself (BriefSjabloon)."""

    BESCHIKKING = "beschikking", "Beschikking (besluit op een aanvraag)"
    TOELATING_SCHULDHULP = (
        "toelating_schuldhulp",
        "Beschikking over de toelating tot schuldhulpverlening (Wgs art. 4a)",
    )
    BESLISSING_OP_BEZWAAR = "beslissing_op_bezwaar", "Beslissing op bezwaar"
    KLACHT_AFHANDELING = "klacht_afhandeling", "Afhandeling van een klacht"
    KLACHT_VERDAGING = "klacht_verdaging", "Verdaging van een klacht (Awb 9:11 lid 2)"
    VERTRAGING_414 = "vertraging_414", "Mededeling dat een besluit later komt (Awb 4:14)"


class VerzendStatus(models.TextChoices):
    """Where a letter is on one send channel (ADR 0021). Only `verzonden` is done; the others
    stay in the list `/beschikkingen/verzendingen/` until they are."""

    WACHT = "wacht", "Wacht op verzending"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Mislukt, wordt opnieuw geprobeerd"
    NIET_BESCHIKBAAR = "niet_beschikbaar", "Kanaal niet aangesloten"
