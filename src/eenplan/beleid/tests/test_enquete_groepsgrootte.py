"""A lone respondent's answers cannot be read per wijk or provider: not on the results page,
not in its API, not through the registry's table, export, trend or the dashboard per wijk.
A group's results show only with at least five respondents (`onderdrukking.DREMPEL`), with the
complementary cell, also for combinations of wijk and provider; and an answer is stored with
a wijk or provider only when at least five invited residents of the round share it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from eenplan.beleid import indicatoren, selectors, services
from eenplan.beleid.models import Respons
from eenplan.sturing.services import momentopname_take
from eenplan.testing import beleid as tb

pytestmark = pytest.mark.django_db

JAAR = "van=2025-01-01&tot=2025-12-31"


@pytest.fixture
def ronde_met_eenling(gemeente, wijken):
    """Noord: 6 invited (provider A), all 6 answer 4. Oost: 6 invited (A), all 6 answer 5.
    Zuid: 5 invited (provider B), one answers: 1 on every statement (the lone respondent).
    Totals: 13 respondents, 12 agree (92.3%)."""
    ronde, uitn = tb.ronde(
        gemeente,
        {wijken["Noord"]: ["A"] * 6, wijken["Oost"]: ["A"] * 6, wijken["Zuid"]: ["B"] * 5},
    )
    for u in uitn[:12]:
        tb.beantwoord(u, 4 if u.wijk == wijken["Noord"] else 5)
    tb.beantwoord(uitn[12], 1)
    return ronde


def _niet_af_te_leiden(totaal_verborgen: bool, verborgen: list[bool]) -> bool:
    """A hidden cell cannot be computed as the total minus the shown cells: either the total
    is hidden too, or at least two cells are hidden."""
    return totaal_verborgen or sum(verborgen) != 1


def test_the_results_page_and_api_hide_the_lone_respondent_per_wijk_and_provider(
    ronde_met_eenling, beleid_client
):
    for per, eenling in (("wijk", "Zuid"), ("aanbieder", "B")):
        r = selectors.uitvraging_resultaten(ronde_met_eenling, per=per)
        i = r["groepen"].index(eenling)
        for rij in r["tabel"]:
            assert rij["cellen"][i].onderdrukt and rij["cellen"][i].positief_pct is None
            assert _niet_af_te_leiden(
                rij["totaal"].onderdrukt, [c.onderdrukt for c in rij["cellen"]]
            )
        # The total is shown: 13 answers, 12 agree.
        wist = next(x for x in r["tabel"] if x["vraag"].code == "wist_waar")
        assert (wist["totaal"].n, wist["totaal"].positief_pct) == (13, Decimal("92.3"))
        respons = {x["groep"]: x for x in r["respons"]}
        assert respons[eenling]["onderdrukt"] and respons[eenling]["beantwoord"] is None
        assert _niet_af_te_leiden(False, [x["onderdrukt"] for x in r["respons"]])

        api = beleid_client.get(f"/api/v1/clientervaring/{ronde_met_eenling.pk}/?per={per}")
        data = api.json()
        i = data["groepen"].index(eenling)
        for rij in data["tabel"]:
            cel = rij["cellen"][i]
            assert cel["onderdrukt"] and cel["n"] is None and cel["positief_pct"] is None
            assert cel["gemiddelde"] is None

    pagina = beleid_client.get(f"/beleid/clientervaring/{ronde_met_eenling.pk}/?per=wijk")
    tekst = pagina.content.decode()
    # Noord's 100% (n=6) and Oost's 100% (n=6): one of the two is hidden with Zuid, so the
    # page shows "100,0% (n=6)" at most once per statement and never Zuid's 0%.
    assert "0,0%" not in tekst
    assert tekst.count("(n=6)") <= len(ronde_met_eenling.vragenlijst.vragen.all())


def test_the_registry_table_export_and_filters_hide_the_lone_respondent(
    ronde_met_eenling, beleid_client, wijken
):
    per_wijk = beleid_client.get(f"/api/v1/indicatoren/cev_wist_waar/?per=wijk&{JAAR}").json()
    assert float(per_wijk["totaal"]["waarde"]) == 92.3
    zuid = next(r for r in per_wijk["rijen"] if r["sleutel"] == wijken["Zuid"].code)
    assert zuid["onderdrukt"] and zuid["waarde"] is None and zuid["aantal"] is None
    assert _niet_af_te_leiden(False, [r["onderdrukt"] for r in per_wijk["rijen"]])
    # Provider B within all wijken, and Zuid split by provider: nothing of the one shows.
    for query in (
        f"per=aanbieder&{JAAR}",
        f"per=aanbieder&wijk={wijken['Zuid'].code}&{JAAR}",
        f"per=wijk&aanbieder=B&{JAAR}",
        f"aanbieder=B&{JAAR}",
        f"wijk={wijken['Zuid'].code}&{JAAR}",
    ):
        data = beleid_client.get(f"/api/v1/indicatoren/cev_wist_waar/?{query}").json()
        cellen = [data["totaal"], *data["rijen"]]
        eenling = ("B", wijken["Zuid"].code)
        assert not any(
            (c["waarde"] is not None and float(c["waarde"]) == 0)
            or (c["sleutel"] in eenling and c["aantal"])
            for c in cellen
        ), query
    export = beleid_client.get(f"/sturing/indicatoren/cev_wist_waar/export.csv?per=wijk&{JAAR}")
    assert export.status_code == 200
    regels = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    zuid_regel = next(r for r in regels if r[:1] == ["Zuid"])
    assert zuid_regel[2:] == ["", "ja"]


def test_the_trend_and_the_dashboard_per_wijk_hide_the_lone_respondent(
    ronde_met_eenling, beleid_client, gemeente, wijken
):
    momentopname_take(gemeente_id=gemeente.pk, maand=dt.date(2025, 10, 1))
    gezien = {}
    for naam in ("Noord", "Oost", "Zuid"):
        trend = beleid_client.get(
            f"/api/v1/indicatoren/cev_wist_waar/trend/?dimensie=wijk&waarde={wijken[naam].code}"
        ).json()
        gezien[naam] = trend[0]["onderdrukt"]
    # Zuid hidden, and one other with it: the total's trend minus the shown wijk's does not
    # give Zuid.
    assert gezien["Zuid"] and sum(gezien.values()) >= 2
    reeksen = {
        naam: indicatoren.reeks("cev_wist_waar", gemeente_id=gemeente.pk, wijk_id=wijken[naam].pk)
        for naam in ("Noord", "Oost", "Zuid")
    }
    verborgen = {naam: r.punten[0].onderdrukt for naam, r in reeksen.items()}
    assert verborgen["Zuid"] and sum(verborgen.values()) >= 2
    # The same cells as the registry's table by wijk: no view shows what another hides.
    assert verborgen == gezien
    tekst = beleid_client.get(
        f"/beleid/{tb.plan(gemeente, indicatoren=[{'indicator': 'cev_wist_waar'}]).pk}/"
        f"?wijk={wijken['Zuid'].pk}"
    ).content.decode()
    assert "2025: niet getoond (te klein)" in tekst


def test_weet_ik_niet_of_a_lone_respondent_is_hidden_too(gemeente, wijken):
    # Zuid's one respondent answers only "kwaliteit"; a shown "n=0" for the other statements
    # would tell that this person did not know.
    ronde, uitn = tb.ronde(
        gemeente,
        {wijken["Noord"]: ["A"] * 6, wijken["Oost"]: ["A"] * 6, wijken["Zuid"]: ["A"] * 5},
    )
    for u in uitn[:12]:
        tb.beantwoord(u, 4)
    tb.beantwoord(uitn[12], None, kwaliteit=2)
    r = selectors.uitvraging_resultaten(ronde, per="wijk")
    zuid = r["groepen"].index("Zuid")
    assert all(rij["cellen"][zuid].onderdrukt for rij in r["tabel"])


def test_an_answer_keeps_only_a_wijk_and_provider_five_invited_share(gemeente, wijken):
    ronde, uitn = tb.ronde(
        gemeente,
        {wijken["Noord"]: ["Thuiszorg West"] * 5, wijken["Zuid"]: ["Zorg Klein", "Thuiszorg West"]},
    )
    noord, zuid_klein = uitn[0], uitn[5]
    tb.beantwoord(noord, 4)
    tb.beantwoord(zuid_klein, 2)
    opgeslagen = {(r.wijk_id, r.aanbieder) for r in Respons.objects.all()}
    # Noord (5 invited) and Thuiszorg West (6) are kept; Zuid (2) and Zorg Klein (1) are not.
    assert opgeslagen == {(wijken["Noord"].pk, "Thuiszorg West"), (None, "")}
    per_wijk = selectors.uitvraging_resultaten(ronde, per="wijk")
    assert per_wijk["groepen"] == ["Noord", "Overige wijken"]
    per_aanbieder = selectors.uitvraging_resultaten(ronde, per="aanbieder")
    assert per_aanbieder["groepen"] == ["Thuiszorg West", "Overige of onbekende aanbieder"]
    # Overige: 1 invited, hidden with its complement.
    assert all(x["onderdrukt"] for x in per_aanbieder["respons"])


def test_a_score_outside_the_scale_on_the_public_page_is_refused_in_dutch(gemeente, wijken):
    _r, [uitnodiging] = tb.ronde(gemeente, {wijken["Noord"]: ["A"]})
    token = services.uitnodiging_token(uitnodiging)
    for fout in ("7", "0", "abc", "4.5"):
        antwoord = Client().post(f"/vragenlijst/{token}/", {"wist_waar": fout, "kwaliteit": "4"})
        assert antwoord.status_code == 400, fout
        assert "Kies een antwoord van 1 tot en met 5" in antwoord.content.decode()
    assert Respons.objects.count() == 0
    uitnodiging.refresh_from_db()
    assert not uitnodiging.beantwoord
    with pytest.raises(ValidationError):
        services.antwoorden_opslaan(
            token=token, scores={"wist_waar": True}, vandaag=dt.date(2025, 10, 2)
        )
    assert Respons.objects.count() == 0
