from typing import Any

from django.conf import settings
from django.http import HttpRequest

from eenplan.gemeente.selectors import medewerker_for_user


def eenplan(request: HttpRequest) -> dict[str, Any]:
    """The theme is the municipality's own (a region in one installation, issue 16), else the
    installation's; the header shows the municipality a staff login works for now."""
    user = getattr(request, "user", None)
    medewerker = medewerker_for_user(user) if user is not None else None
    gemeente = medewerker.gemeente if medewerker is not None else None
    return {
        "theme_css": (gemeente and gemeente.thema_css) or settings.EENPLAN_THEME_CSS,
        "theme_class": (gemeente and gemeente.thema_klasse) or settings.EENPLAN_THEME_CLASS,
        "medewerker": medewerker,
    }
