"""Choices of the gemeente app."""

from django.db import models


class TeamSoort(models.TextChoices):
    WIJKTEAM = "wijkteam", "Wijkteam / gebiedsteam"
    MIDOFFICE = "midoffice", "Midoffice (toegang)"
    BACKOFFICE = "backoffice", "Backoffice (beschikkingen)"
    WERKPLEIN = "werkplein", "Werkplein (werk en inkomen)"
    REGIONAAL = "regionaal", "Regionaal team (Veilig Thuis, Zorg- en Veiligheidshuis)"


class Rol(models.TextChoices):
    """The staff roles of BRIEF §2, each a Django group with its permissions (see roles.py)."""

    VRIJWILLIGER = "vrijwilliger", "Vrijwilliger informatiepunt"
    MIDOFFICE = "midoffice", "Midoffice-medewerker"
    GENERALIST = "generalist", "Generalist / consulent"
    JEUGDPROFESSIONAL = "jeugdprofessional", "Jeugdprofessional (geregistreerd)"
    BACKOFFICE = "backoffice", "Backoffice / beschikkingen"
    CONTRACTMANAGER = "contractmanager", "Contractmanager"
    WERKPLEIN = "werkplein", "Werkplein-consulent"
    BELEID = "beleid", "Beleidsmedewerker"
    PRIVACY = "privacy", "Privacy officer (FG)"
    FUNCTIONEEL_BEHEER = "beheer", "Functioneel beheerder"
    # A council member: reads the steering figures (aggregates) only, never a dossier.
    RAADSLID = "raadslid", "Raadslid (alleen stuurinformatie)"
    # Youth delivery (uitvoering, seed 000 §4.11): writes delivery notes for the households
    # assigned to them; reads access data (onderzoek, safety signals) only through an
    # uitwisseling. No dossier rights of the toegang.
    GEZINSCOACH = "gezinscoach", "Gezinscoach (uitvoering jeugd)"


class Onderdeel(models.TextChoices):
    """What a logged role or team change is about."""

    ACCOUNT = "account", "Account aangemaakt"
    FUNCTIE = "functie", "Functie (hoofdrol)"
    EXTRA_ROLLEN = "extra_rollen", "Extra rollen"
    TEAMS = "teams", "Teams"
    REGISTRATIE = "registratie", "Registratie (SKJ/BIG)"
    ACTIEF = "actief", "Account actief"
    TEAM_WIJKEN = "team_wijken", "Wijken van het team"
    TWEEDE_FACTOR = "tweede_factor", "Tweede factor (authenticator)"
    BLOKKADE = "blokkade", "Blokkade na mislukte inlogpogingen"
    LIDMAATSCHAP = "lidmaatschap", "Lidmaatschap van een regionale medewerker"


class VerzoekStatus(models.TextChoices):
    OPEN = "open", "Wacht op goedkeuring"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd en doorgevoerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class Verzendkanaal(models.TextChoices):
    """How a sent letter reaches the resident (ADR 0021). Post and the Berichtenbox deliver the
    letter itself; the e-mail notice only says that a letter is on its way."""

    POST = "post", "Per post (printexport voor de post- en drukservice)"
    BERICHTENBOX = "berichtenbox", "Berichtenbox van MijnOverheid"
    EMAIL = "email", "E-mailbericht dat er een brief is (zonder de inhoud)"


# The channels that bring the letter itself; a municipality needs at least one of them.
BEZORGENDE_KANALEN = frozenset({Verzendkanaal.POST, Verzendkanaal.BERICHTENBOX})
