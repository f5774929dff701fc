from typing import Any

from django.conf import settings
from django.http import HttpRequest

from eenplan.gemeente.selectors import medewerker_for_user


def eenplan(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "theme_css": settings.EENPLAN_THEME_CSS,
        "theme_class": settings.EENPLAN_THEME_CLASS,
        "medewerker": medewerker_for_user(user) if user is not None else None,
    }
