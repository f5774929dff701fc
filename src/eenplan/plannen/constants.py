from django.db import models


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    ONDERTEKEND = "ondertekend", "Ondertekend"
    # Signed, then changed in substance (goals, actions, proposals): to be signed again.
    GEWIJZIGD = "gewijzigd", "Gewijzigd na ondertekening"
    SAMENGEVOEGD = "samengevoegd", "Samengevoegd in ander plan"
    BEEINDIGD = "beeindigd", "Beëindigd"


ACTIEVE_STATUSSEN = (PlanStatus.CONCEPT, PlanStatus.ONDERTEKEND, PlanStatus.GEWIJZIGD)
# The plan asks for a (new) signature: never signed, or changed in substance since.
TE_ONDERTEKENEN = (PlanStatus.CONCEPT, PlanStatus.GEWIJZIGD)


class Doeltype(models.TextChoices):
    """The three kinds of goal (from the practice described in seed 000 §7). The page says
    this without naming a municipality: the product serves any municipality."""

    VERSTERKEN = "versterken", "Zelfredzaamheid versterken"
    STABILISEREN = "stabiliseren", "Stabiliseren"
    ACHTERUITGANG = "achteruitgang", "Ondersteunen bij achteruitgang"


class Uitvoerder(models.TextChoices):
    INWONER = "inwoner", "Inwoner zelf"
    NETWERK = "netwerk", "Netwerk"
    VRIJWILLIGER = "vrijwilliger", "Vrijwilliger"
    ALGEMENE_VOORZIENING = "algemene_voorziening", "Algemene voorziening"
    AANBIEDER = "aanbieder", "Zorgaanbieder"
    PROFESSIONAL = "professional", "Professional"


class Uitkomst(models.TextChoices):
    BEREIKT = "bereikt", "Doel bereikt"
    DEELS = "deels", "Deels bereikt"
    NIET = "niet", "Niet bereikt"


class RegisseurSoort(models.TextChoices):
    INWONER = "inwoner", "De inwoner zelf"
    MANTELZORGER = "mantelzorger", "Mantelzorger"
    NETWERK = "netwerk", "Iemand uit het netwerk"
    PROFESSIONAL = "professional", "Professional"


class VeiligheidSoort(models.TextChoices):
    ACUUT = "acuut", "Acuut onveilig"
    STRUCTUREEL = "structureel", "Structureel onveilig"
    GEEN_MEDEWERKING = "geen_medewerking", "Inwoner werkt niet mee"


class Escalatie(models.TextChoices):
    VEILIG_THUIS = "veilig_thuis", "Veilig Thuis (meldcode)"
    ZVH = "zvh", "Zorg- en Veiligheidshuis"
    GEEN = "geen", "Geen escalatie (besproken en vastgelegd)"


class DeelnemerSoort(models.TextChoices):
    """Who takes part in the plan: someone of the network, an organisation, or the Werkplein
    (the consultant of work and income, issue 14: the plan's work goals are linked to a
    trajectory only when the Werkplein takes part with the resident's consent)."""

    NETWERK = "netwerk", "Iemand uit het netwerk"
    ORGANISATIE = "organisatie", "Organisatie"
    WERKPLEIN = "werkplein", "Werkplein (consulent werk en inkomen)"
