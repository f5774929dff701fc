"""Forms people trust on the bezwaar page: extending the term asks for a confirmation the server
checks, and a refusal comes back by POST/redirect/GET."""

from __future__ import annotations

import pytest
from django.utils import timezone

from eenplan.bezwaren import services as bezwaren
from eenplan.bezwaren.models import Bezwaar
from eenplan.testing.helpers import verzonden

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def test_extending_the_bezwaar_term_asks_for_confirmation(
    client, aanvraag, hh, backoffice_user
):
    beschikking = verzonden(aanvraag, hh, backoffice_user)
    bezwaar = bezwaren.bezwaar_register(
        beschikking=beschikking,
        inwoner=beschikking.inwoner,
        ontvangen_op=VANDAAG,
        gronden="Te weinig uren",
        ingediend_door="Anna Jansen",
        actor=backoffice_user,
    )
    client.force_login(backoffice_user)
    pagina = f"/beschikkingen/bezwaren/{bezwaar.pk}/"
    nieuw = bezwaren.bezwaar_verdaagd_uiterlijk(bezwaar)
    body = client.get(pagina).content.decode()
    assert "Beslissen uiterlijk wordt dan" in body  # the person sees what will happen
    url = f"/beschikkingen/bezwaren/{bezwaar.pk}/verdagen/"
    response = client.post(url, {})
    assert response["Location"] == f"{pagina}#verdagen"
    assert "Vink aan dat u wilt verdagen" in client.get(pagina).content.decode()
    bezwaar.refresh_from_db()
    assert not bezwaar.verdaagd
    assert client.get(url).status_code == 302
    response = client.post(url, {"verdagen-bevestigd": "on"})
    assert response.status_code == 302
    bezwaar = Bezwaar.objects.get(pk=bezwaar.pk)
    assert bezwaar.verdaagd and bezwaar.beslissen_uiterlijk == nieuw
