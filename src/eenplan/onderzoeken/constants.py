from django.db import models

from eenplan.rules.onderzoek import LadderStap


class OnderzoekStatus(models.TextChoices):
    LOPEND = "lopend", "Lopend"
    DEFINITIEF = "definitief", "Verslag definitief"


class Deelnemer(models.TextChoices):
    """Who took part in a conversation (Wmo 2015 art. 2.3.2 lid 1)."""

    INWONER = "inwoner", "Inwoner"
    MANTELZORGER = "mantelzorger", "Mantelzorger"
    NETWERK = "netwerk", "Iemand uit het netwerk"
    VERTEGENWOORDIGER = "vertegenwoordiger", "Wettelijk vertegenwoordiger"
    TOLK = "tolk", "Tolk"
    CLIENTONDERSTEUNER = "clientondersteuner", "Cliëntondersteuner"


LadderStapChoices = models.IntegerChoices(
    "LadderStapChoices", [(s.name, (s.value, s.label)) for s in LadderStap]
)
