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


class VerzoekStatus(models.TextChoices):
    OPEN = "open", "Wacht op goedkeuring"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd en doorgevoerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
