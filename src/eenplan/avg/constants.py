"""Choices of the AVG app: the kinds of request, their state, and the retention vocabulary."""

from django.db import models


class VerzoekSoort(models.TextChoices):
    """The rights a resident exercises (AVG chapter III)."""

    INZAGE = "inzage", "Inzage (art. 15)"
    RECTIFICATIE = "rectificatie", "Rectificatie (art. 16)"
    BEPERKING = "beperking", "Beperking van de verwerking (art. 18)"
    BEZWAAR = "bezwaar", "Bezwaar tegen de verwerking (art. 21)"


class VerzoekStatus(models.TextChoices):
    OPEN = "open", "In behandeling"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class IngediendVia(models.TextChoices):
    MEDEWERKER = "medewerker", "Bij een medewerker (brief, mail, balie)"
    PORTAAL = "portaal", "Inwonersportaal"


# The resident's data a rectification may change (AVG art. 16), with their label.
RECTIFICEERBAAR: dict[str, str] = {
    "voornamen": "Voornamen",
    "achternaam": "Achternaam",
    "straat": "Straat",
    "huisnummer": "Huisnummer",
    "postcode": "Postcode",
    "woonplaats": "Woonplaats",
    "telefoon": "Telefoon",
    "email": "E-mail",
}


class Waardering(models.TextChoices):
    """Archival appraisal of a selectielijst category."""

    VERNIETIGEN = "vernietigen", "Vernietigen"
    BEWAREN = "bewaren", "Blijvend bewaren"


class LijstStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", "Voorgesteld, wacht op goedkeuring"
    # Approved; the items are being destroyed, each in its own transaction.
    IN_UITVOERING = "in_uitvoering", "Goedgekeurd, wordt vernietigd"
    VERNIETIGD = "vernietigd", "Vernietigd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class BewaarplichtSoort(models.TextChoices):
    """Why a resident's records may not be destroyed now, whatever their retention period."""

    JURIDISCH = "juridisch", "Juridische bewaarplicht (legal hold)"
    BEROEP = "beroep", "Beroep ingesteld bij de rechter"
    BEPERKING = "beperking", "Beperking van de verwerking (AVG art. 18)"
