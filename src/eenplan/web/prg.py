"""POST/redirect/GET, also after a refusal.

A page that refuses a POST does not render at the POST URL (a reload would post again, or show
a 405): it keeps the input and every message in the session and redirects back to the page,
which takes the form out of the session once and shows it bound, with all its messages.

    if not form.is_valid():
        return redirect_with_errors(request, f"verdagen-{pk}", form, terug)
    ...
    verdagen = form_from_session(request, f"verdagen-{pk}", VerdaagForm, prefix="verdagen")
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.forms import Form
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect

SESSION_KEY = "eenplan_formulier"


def redirect_with_errors(request: HttpRequest, key: str, form: Form, url: str) -> HttpResponse:
    """Keep the posted input and the form's messages in the session under `key` and redirect
    to `url` (the page that shows the form)."""
    request.session[f"{SESSION_KEY}:{key}"] = {
        "data": {k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"},
        "fouten": {veld: [str(f) for f in fouten] for veld, fouten in form.errors.items()},
    }
    return redirect(url)


def form_from_session(request: HttpRequest, key: str, form_class: Any, **kwargs: Any) -> Any:
    """The form a refused POST left in the session under `key` (once), bound with its input
    and messages; None when there is none."""
    bewaard = request.session.pop(f"{SESSION_KEY}:{key}", None)
    if not bewaard:
        return None
    data = QueryDict(mutable=True)
    for naam, waarden in bewaard["data"].items():
        data.setlist(naam, waarden)
    form = form_class(data, **kwargs)
    form._errors = ErrorDict()
    form.cleaned_data = {}
    for veld, fouten in bewaard["fouten"].items():
        for fout in fouten:
            form.add_error(None if veld == NON_FIELD_ERRORS else veld, fout)
    return form
