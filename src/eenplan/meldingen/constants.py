"""Choices of the meldingen app (BRIEF §1.1: one front door)."""

from django.db import models


class MelderSoort(models.TextChoices):
    """Who reported the need."""

    ZELF = "zelf", "Inwoner zelf"
    NETWERK = "netwerk", "Mantelzorger of netwerk"
    HUISARTS = "huisarts", "Huisarts"
    MEDISCH_SPECIALIST = "medisch_specialist", "Medisch specialist"
    JEUGDARTS = "jeugdarts", "Jeugdarts"
    GECERTIFICEERDE_INSTELLING = "gi", "Gecertificeerde instelling"
    RECHTER = "rechter", "Kinderrechter"
    SCHOOL = "school", "School"
    PARTNER = "partner", "Partnerorganisatie"
    POLITIE = "politie", "Politie"
    ANONIEM = "anoniem", "Anoniem"
    # A fixed-cost partner's signal of payment arrears (Wgs art. 3a), from eenplan.schuldhulp.
    VROEGSIGNALERING = (
        "vroegsignalering",
        "Vroegsignalering (verhuurder, energie, water, zorgverzekeraar)",
    )


# Referrers whose youth-care referral the municipality must follow.
# Jeugdwet art. 2.6 lid 1 onder g: huisarts, medisch specialist, jeugdarts.
# Jeugdwet art. 3.5 lid 1: the gecertificeerde instelling decides on youth care within a
# child-protection measure; the kinderrechter's order (BW art. 1:255, 1:261) is followed too.
WETTELIJKE_VERWIJZERS = frozenset(
    {
        MelderSoort.HUISARTS,
        MelderSoort.MEDISCH_SPECIALIST,
        MelderSoort.JEUGDARTS,
        MelderSoort.GECERTIFICEERDE_INSTELLING,
        MelderSoort.RECHTER,
    }
)


class Kanaal(models.TextChoices):
    WEBFORMULIER = "web", "Webformulier"
    TELEFOON = "telefoon", "Telefoon"
    EMAIL = "email", "E-mail"
    BRIEF = "brief", "Brief"
    INLOOP = "inloop", "Inloop bij een informatiepunt"
    VERWIJZING = "verwijzing", "Verwijzing"
    VROEGSIGNALERING = "vroegsignalering", "Vroegsignalering (Wgs art. 3a)"


class Urgentie(models.TextChoices):
    NORMAAL = "normaal", "Normaal"
    SPOED = "spoed", "Spoed (tijdelijke maatwerkvoorziening, Wmo art. 2.3.3)"
    ONVEILIG = "onveilig", "Acuut onveilig"


class Status(models.TextChoices):
    GEREGISTREERD = "geregistreerd", "Geregistreerd, te screenen"
    BEANTWOORD = "beantwoord", "Direct beantwoord"
    DOORGEZET = "doorgezet", "Doorgezet"
    TOEGEWEZEN = "toegewezen", "Toegewezen aan wijkteam"
    IN_ONDERZOEK = "in_onderzoek", "In onderzoek"
    GEKOPPELD = "gekoppeld", "Gekoppeld aan bestaande casus"
    AFGESLOTEN = "afgesloten", "Afgesloten"


OPEN_STATUSSEN = (Status.GEREGISTREERD, Status.TOEGEWEZEN, Status.IN_ONDERZOEK)


class Doorzetting(models.TextChoices):
    """Where the mid-office forwards a melding that is not for a wijkteam."""

    BACKOFFICE = "backoffice", "Backoffice"
    WERKPLEIN = "werkplein", "Werkplein (werk en inkomen)"
    VEILIG_THUIS = "veilig_thuis", "Veilig Thuis"
    ZORG_EN_VEILIGHEIDSHUIS = "zvh", "Zorg- en Veiligheidshuis"
    EXTERN = "extern", "Externe organisatie"


class Domein(models.TextChoices):
    WMO = "wmo", "Wmo"
    JEUGD = "jeugd", "Jeugd"
    PARTICIPATIE = "participatie", "Participatie"
    SCHULDEN = "schulden", "Schulden"
    OVERIG = "overig", "Overig"


class TermijnStand(models.TextChoices):
    """Deadline state on a worklist (rules.termijnen.TermijnStatus plus suspension)."""

    OP_SCHEMA = "op_schema", "Op schema"
    BIJNA_VERLOPEN = "bijna_verlopen", "Binnen 5 werkdagen"
    VERLOPEN = "verlopen", "Verlopen"
    OPGESCHORT = "opgeschort", "Opgeschort"
    AFGEROND = "afgerond", "Onderzoek afgerond"
