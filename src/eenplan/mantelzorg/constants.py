"""Choices of the mantelzorg app; the lists themselves come from `rules.mantelzorg`."""

from django.db import models

from eenplan.rules.mantelzorg import DAGDELEN, Basisfunctie, Taak, WaarderingVorm, dagdeel_label

BasisfunctieChoices = models.TextChoices(  # type: ignore[misc]
    "BasisfunctieChoices", [(b.name, (b.value, b.label)) for b in Basisfunctie]
)
TaakChoices = models.TextChoices(  # type: ignore[misc]
    "TaakChoices", [(t.name, (t.value, t.label)) for t in Taak]
)
WaarderingVormChoices = models.TextChoices(  # type: ignore[misc]
    "WaarderingVormChoices", [(v.name, (v.value, v.label)) for v in WaarderingVorm]
)
DAGDEEL_CHOICES = [(d, dagdeel_label(d)) for d in DAGDELEN]


class RespijtSoort(models.TextChoices):
    THUIS = "thuis", "Thuis (iemand neemt de zorg over)"
    DAG = "dag", "Overdag buitenshuis (dagopvang, dagbesteding)"
    LOGEREN = "logeren", "Logeren (kort verblijf)"


class RespijtStatus(models.TextChoices):
    OPEN = "open", "Gevraagd"
    GELEVERD = "geleverd", "Geleverd"
    NIET_GELEVERD = "niet_geleverd", "Niet geleverd (geen aanbod)"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class AangevraagdDoor(models.TextChoices):
    ZELF = "zelf", "De mantelzorger zelf"
    VERZORGDE = "verzorgde", "De verzorgde inwoner"
    MEDEWERKER = "medewerker", "Een medewerker namens de mantelzorger"


class KlusDagdeel(models.TextChoices):
    OCHTEND = "ochtend", "Ochtend"
    MIDDAG = "middag", "Middag"
    AVOND = "avond", "Avond"


class Vaardigheid(models.TextChoices):
    BOODSCHAPPEN = "boodschappen", "Boodschappen"
    VERVOER = "vervoer", "Vervoer en begeleiding naar afspraken"
    TUIN = "tuin", "Tuin"
    KLUSSEN = "klussen", "Kleine klussen in huis"
    ADMINISTRATIE = "administratie", "Administratie"
    GEZELSCHAP = "gezelschap", "Gezelschap (maatje)"
    DIGITAAL = "digitaal", "Hulp met computer en telefoon"
    OPPAS = "oppas", "Oppas bij de verzorgde (respijt)"


class KlusStatus(models.TextChoices):
    OPEN = "open", "Open"
    GEKOPPELD = "gekoppeld", "Vrijwilliger gekoppeld"
    AFGEROND = "afgerond", "Afgerond"
    NIET_GELUKT = "niet_gelukt", "Niet gelukt"


class MatchUitkomst(models.TextChoices):
    LOOPT = "", "Nog geen uitkomst"
    UITGEVOERD = "uitgevoerd", "Uitgevoerd"
    NIET_DOORGEGAAN = "niet_doorgegaan", "Niet doorgegaan"
    VRIJWILLIGER_AFGEZEGD = "afgezegd", "Vrijwilliger zegde af"
