"""Form helpers shared by the staff pages of every app: Dutch date fields and messages, a
service's refusal shown next to the right field, and the resident found by BSN.

The form partials that go with them are in `templates/web/partials/` (`veld.html`,
`keuzes.html`, `vinkje.html`, `foutoverzicht.html`, `aria.html`, `stand.html`); POST/redirect/
GET after a refusal is `eenplan.web.prg`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError

from eenplan.gemeente.selectors import medewerker_for_user
from eenplan.inwoners.models import Inwoner
from eenplan.inwoners.selectors import inwoner_filter
from eenplan.privacy import access
from eenplan.rules.bsn import OngeldigBsn, bsn_check

User = AbstractBaseUser | AnonymousUser

DATUM_FOUTEN = {
    "required": "Vul een datum in.",
    "invalid": "Vul een bestaande datum in, bijvoorbeeld 24-03-2026.",
}
KEUZE_FOUT = "Kies een van de mogelijkheden."


class DatumInput(forms.DateInput):
    """A native date picker (the browser shows it in the user's locale; it posts jjjj-mm-dd)."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def datum_veld(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DatumInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages=DATUM_FOUTEN,
        **kwargs,
    )


def add_service_errors(
    form: forms.Form, exc: ValidationError, aliases: dict[str, str] | None = None
) -> None:
    """Show a service's refusal on the form: per field where the service named one (mapped
    through `aliases`), otherwise above the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, messages in exc.message_dict.items():
        field = (aliases or {}).get(key, key)
        form.add_error(field if field in form.fields else None, messages)


def inwoner_by_bsn(user: User, value: str) -> Inwoner:
    """The resident with this BSN within the login's need-to-know scope, or a Dutch refusal.

    A resident of another municipality is never in scope, so the message points to the
    woonplaatsbeginsel as well as to the 'onbekende persoon' route."""
    try:
        bsn = bsn_check(value)
    except OngeldigBsn as exc:
        raise ValidationError(str(exc), code="bsn") from exc
    _vraag, found = inwoner_filter(scope=access.inwoners_in_scope(user), q=bsn)
    inwoner = found.select_related("wijk").first()
    if inwoner is None:
        medewerker = medewerker_for_user(user)
        gemeente = medewerker.gemeente.naam if medewerker else "deze gemeente"
        raise ValidationError(
            f"Er is geen inwoner met BSN {bsn} in {gemeente} binnen uw werkgebied. Woont de "
            "persoon in een andere gemeente, verwijs de melder dan naar die gemeente "
            "(woonplaatsbeginsel). Twijfelt u aan het nummer, beschrijf de persoon dan bij "
            "'Onbekende persoon'.",
            code="niet_gevonden",
        )
    return inwoner

