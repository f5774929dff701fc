"""Choices of the AVG app: the kinds of request, their state, and the retention vocabulary."""

from django.db import models


class VerzoekSoort(models.TextChoices):
    """The rights a resident exercises (AVG chapter III; Jeugdwet art. 7.3.9 and Wmo 2015 art.
    5.3.5 for destruction), in plain words
    (B1): the article is secondary text (`ARTIKEL`), shown next to the words."""

    INZAGE = "inzage", "Gegevens inzien"
    RECTIFICATIE = "rectificatie", "Gegevens verbeteren"
    BEPERKING = "beperking", "Gebruik van gegevens stoppen"
    BEZWAAR = "bezwaar", "Bezwaar tegen het gebruik van gegevens"
    VERNIETIGING = "vernietiging", "Gegevens laten vernietigen"


# The article behind each kind of request (secondary text next to the plain words).
ARTIKEL: dict[str, str] = {
    VerzoekSoort.INZAGE: "AVG art. 15",
    VerzoekSoort.RECTIFICATIE: "AVG art. 16",
    VerzoekSoort.BEPERKING: "AVG art. 18",
    VerzoekSoort.BEZWAAR: "AVG art. 21",
    VerzoekSoort.VERNIETIGING: "AVG art. 17, Jeugdwet art. 7.3.9, Wmo 2015 art. 5.3.5",
}

# What the resident chooses in the portal: what they want, in their own words (B1).
PORTAAL_KEUZES: list[tuple[str, str]] = [
    (VerzoekSoort.INZAGE, "Ik wil zien welke gegevens de gemeente heeft"),
    (VerzoekSoort.RECTIFICATIE, "Er staat iets verkeerd; ik wil dat het wordt verbeterd"),
    (VerzoekSoort.BEPERKING, "Ik wil dat de gemeente mijn gegevens even niet gebruikt"),
    (VerzoekSoort.BEZWAAR, "Ik ben het niet eens met hoe de gemeente mijn gegevens gebruikt"),
    (
        VerzoekSoort.VERNIETIGING,
        "Ik wil dat de gemeente gegevens over jeugdhulp of Wmo-ondersteuning vernietigt",
    ),
]


class Weigeringsgrond(models.TextChoices):
    """Why a request to destroy records is refused: the grounds the law gives (Jeugdwet art.
    7.3.9 lid 2; Wmo 2015 art. 5.3.5 lid 2 and 3; AVG art. 17 lid 3). A refusal of such a
    request always names one."""

    BELANG_ANDER = (
        "belang_ander",
        "Bewaren is van groot belang voor iemand anders (Jeugdwet art. 7.3.9 lid 2; "
        "Wmo 2015 art. 5.3.5 lid 2)",
    )
    WETTELIJK_VOORSCHRIFT = (
        "wettelijk_voorschrift",
        "Een wet verbiedt vernietigen, bijvoorbeeld tijdens een bezwaar of beroep "
        "(Jeugdwet art. 7.3.9 lid 2; Wmo 2015 art. 5.3.5 lid 2; AVG art. 17 lid 3 onder b)",
    )
    TE_JONG = (
        "te_jong",
        "De verzoeker is jonger dan twaalf jaar, of minderjarig en niet in staat zijn belangen "
        "redelijk te beoordelen; zijn wettelijk vertegenwoordiger kan het verzoek doen "
        "(Wmo 2015 art. 5.3.5 lid 3 en 4)",
    )
    GEEN_RECHT = (
        "geen_recht",
        "Voor deze gegevens geeft de wet geen recht op vernietiging; de gemeente moet ze "
        "bewaren voor haar wettelijke taak (AVG art. 17 lid 3 onder b; Archiefwet 1995)",
    )


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
