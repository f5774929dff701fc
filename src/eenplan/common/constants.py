"""Choices shared by several domain layers.

`Wet` names the law an application, a proposal or a provision falls under. It lives here, low in
the dependency direction, because plannen (a proposal's law) and voorzieningen sit below
beschikkingen, which re-exports it for its own modules.
"""

from django.db import models


class Wet(models.TextChoices):
    WMO = "wmo", "Wmo 2015"
    JEUGD = "jeugd", "Jeugdwet"
    PARTICIPATIE = "participatie", "Participatiewet"
    # Wet gemeentelijke schuldhulpverlening: the beschikking on admission to debt help after the
    # first conversation (art. 4a, from 1 January 2021; ADR 0041).
    SCHULDHULP = "schuldhulp", "Wet gemeentelijke schuldhulpverlening"
