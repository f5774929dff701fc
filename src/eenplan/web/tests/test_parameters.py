"""Unknown query parameters on a list or search page are a Dutch 400, not silently ignored
(issue 9, item 6); the werkvoorraad speaks the API's parameter names."""

import pytest
from django.urls import reverse

from eenplan.conftest import login

pytestmark = pytest.mark.django_db

WERKVOORRAAD = reverse("meldingen:werkvoorraad")


@pytest.mark.parametrize(
    ("url", "bekend"),
    [
        (WERKVOORRAAD, {"weergave": "alle", "stand": "verlopen", "pagina": "1"}),
        (reverse("web:zoeken"), {"q": "jansen"}),
        (reverse("web:inwoner-zoeken"), {"q": "jansen", "pagina": "1"}),
    ],
)
def test_an_unknown_parameter_is_a_400_that_names_it(client, midoffice, url, bekend):
    login(client, midoffice)
    assert client.get(url, bekend).status_code == 200
    response = client.get(url, {**bekend, "termijn": "verlopen", "page": "2"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Onbekende zoekparameters" in body and "Er is niet gezocht." in body
    assert "<code>page</code>, <code>termijn</code>" in body
    # The way back keeps what the page knows and drops the rest.
    opnieuw = response.context["opnieuw"]
    assert "termijn" not in opnieuw and "page" not in opnieuw
    assert client.get(opnieuw).status_code == 200


def test_the_access_log_refuses_an_unknown_filter(client, privacy_officer):
    login(client, privacy_officer)
    url = reverse("web:inzagelog")
    assert client.get(url, {"inwoner": "x", "uitkomst": "geweigerd"}).status_code == 200
    response = client.get(url, {"bsn": "123456782"})
    assert response.status_code == 400
    assert "<code>bsn</code>" in response.content.decode()


def test_access_is_decided_before_the_parameters(client, vrijwilliger):
    """A login that may not see the werkvoorraad gets its (logged) 403, not a 400."""
    login(client, vrijwilliger)
    assert client.get(WERKVOORRAAD, {"onzin": "1"}).status_code == 403


def test_werkvoorraad_takes_per_pagina_as_the_api_does(client, midoffice):
    login(client, midoffice)
    response = client.get(WERKVOORRAAD, {"weergave": "alle", "per_pagina": "5"})
    assert response.status_code == 200
    assert response.context["page"].paginator.per_page == 5
    assert "per_pagina=5" in response.context["pagina_query"]
    assert 'name="per_pagina" value="5"' in response.content.decode()  # kept by the filters
    for waarde, per_page in (("9999", 100), ("x", 25)):
        response = client.get(WERKVOORRAAD, {"per_pagina": waarde})
        assert response.context["page"].paginator.per_page == per_page
