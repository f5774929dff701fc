"""The client-experience survey: the sample from real beschikkingen, the public answer page
with its unguessable token, answers never linked to a person, results per wijk and provider
with small-cell suppression and the response rate (numbers worked by hand)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from eenplan.beleid import indicatoren, selectors, services
from eenplan.beleid.models import Antwoord, Respons, Uitnodiging, Uitvraging
from eenplan.testing import beleid as tb
from eenplan.testing.factories import AanvraagFactory, BeschikkingFactory, InwonerFactory

pytestmark = pytest.mark.django_db


def _met_voorziening(gemeente, wijk, *, wet="wmo"):
    inwoner = InwonerFactory(gemeente=gemeente, wijk=wijk)
    aanvraag = AanvraagFactory(inwoner=inwoner, wet=wet, omschrijving="Begeleiding")
    return BeschikkingFactory(aanvraag=aanvraag).aanvraag.inwoner


def test_the_sample_comes_from_residents_with_a_wmo_provision_per_wijk(
    gemeente, wijken, beleidsmedewerker
):
    noord = [_met_voorziening(gemeente, wijken["Noord"]) for _ in range(4)]
    zuid = [_met_voorziening(gemeente, wijken["Zuid"]) for _ in range(2)]
    InwonerFactory(gemeente=gemeente, wijk=wijken["Noord"])  # no provision: never invited
    vandaag = dt.date.today()
    ronde = services.uitvraging_start(
        actor=beleidsmedewerker.user,
        gemeente=gemeente,
        jaar=vandaag.year,
        peildatum=vandaag,
        sluit_op=vandaag + dt.timedelta(days=30),
        steekproefgrootte=3,
        seed=42,
    )
    assert (ronde.populatie, ronde.steekproefgrootte, ronde.seed) == (6, 3, 42)
    uitgenodigd = list(ronde.uitnodigingen.values_list("inwoner_id", "wijk__naam"))
    # 3 of 6 with 4 in Noord and 2 in Zuid: 2 from Noord, 1 from Zuid.
    assert sorted(w for _i, w in uitgenodigd) == ["Noord", "Noord", "Zuid"]
    assert {i for i, _w in uitgenodigd} <= {i.pk for i in noord + zuid}
    assert "gestratificeerd naar wijk" in ronde.methode


def test_a_second_round_in_the_same_year_is_refused(gemeente, wijken, beleidsmedewerker):
    _met_voorziening(gemeente, wijken["Noord"])
    vandaag = dt.date.today()
    kwargs = {
        "actor": beleidsmedewerker.user,
        "gemeente": gemeente,
        "jaar": vandaag.year,
        "peildatum": vandaag,
        "sluit_op": vandaag + dt.timedelta(days=9),
        "steekproefgrootte": 5,
    }
    services.uitvraging_start(**kwargs)
    with pytest.raises(ValidationError) as fout:
        services.uitvraging_start(**kwargs)
    assert "al uitgezet" in str(fout.value)
    assert Uitvraging.objects.count() == 1


def test_a_role_without_the_survey_right_cannot_start_it(gemeente, wijken, generalist):
    from eenplan.privacy.access import Refused

    with pytest.raises(Refused):
        services.uitvraging_start(
            actor=generalist.user,
            gemeente=gemeente,
            jaar=2025,
            peildatum=dt.date(2025, 1, 1),
            sluit_op=dt.date(2025, 2, 1),
            steekproefgrootte=5,
        )


def test_the_answer_page_needs_no_login_and_stores_answers_without_the_person(gemeente, wijken):
    ronde, [uitnodiging] = tb.ronde(gemeente, {wijken["Noord"]: ["Thuiszorg West"]})
    token = services.uitnodiging_token(uitnodiging)
    client = Client()
    pagina = client.get(f"/vragenlijst/{token}/")
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Wat vindt u van de hulp?" in tekst and "Helemaal eens" in tekst
    assert uitnodiging.inwoner.achternaam not in tekst  # the page names nobody
    antwoord = client.post(f"/vragenlijst/{token}/", {"wist_waar": "5", "kwaliteit": "2"})
    assert antwoord.status_code == 200 and "Dank u wel" in antwoord.content.decode()
    respons = Respons.objects.get()
    # The only one invited in Noord and of the provider: stored coarse, without either.
    assert (respons.wijk_id, respons.aanbieder) == (None, "")
    # No field of the answer points to the invitation or the resident.
    velden = {f.name for f in Respons._meta.get_fields()} | {
        f.name for f in Antwoord._meta.get_fields()
    }
    assert not velden & {"uitnodiging", "inwoner", "created_at", "updated_at"}
    scores = dict(Antwoord.objects.values_list("vraag__code", "score"))
    assert scores["wist_waar"] == 5 and scores["kwaliteit"] == 2 and scores["meedoen"] is None
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord
    # A second time: refused, nothing stored.
    nog_eens = client.post(f"/vragenlijst/{token}/", {"wist_waar": "1"})
    assert "al ingevuld" in nog_eens.content.decode()
    assert Respons.objects.count() == 1


def test_a_guessed_or_tampered_token_finds_nothing(gemeente, wijken):
    _ronde, [uitnodiging] = tb.ronde(gemeente, {wijken["Noord"]: ["A"]})
    token = services.uitnodiging_token(uitnodiging)
    nummer, handtekening = token.split("-", 1)
    for fout in (
        f"{nummer}-{handtekening[:-1]}x",
        f"{int(nummer) + 1}-{handtekening}",
        nummer,
        "abc",
        f"{nummer}-",
    ):
        assert services.uitnodiging_voor_token(fout) is None
        assert Client().get(f"/vragenlijst/{fout}/").status_code == 404
    assert len(handtekening) >= 32  # 192 bits, URL-safe


def test_bad_answers_and_a_closed_round_are_refused_and_store_nothing(gemeente, wijken):
    ronde, [een, twee] = tb.ronde(
        gemeente, {wijken["Noord"]: ["A", "A"]}, sluit_op=dt.date(2025, 11, 1)
    )
    token = services.uitnodiging_token(een)
    with pytest.raises(ValidationError):
        services.antwoorden_opslaan(
            token=token, scores={"wist_waar": 7}, vandaag=dt.date(2025, 10, 2)
        )
    with pytest.raises(ValidationError):
        services.antwoorden_opslaan(token=token, scores={}, vandaag=dt.date(2025, 10, 2))
    with pytest.raises(ValidationError) as fout:
        services.antwoorden_opslaan(
            token=token, scores={"wist_waar": 4}, vandaag=dt.date(2025, 11, 2)
        )
    assert "gesloten" in str(fout.value)
    assert Respons.objects.count() == 0 and not Uitnodiging.objects.filter(beantwoord=True)
    # The page says the same in words and shows no form.
    pagina = Client().get(f"/vragenlijst/{services.uitnodiging_token(twee)}/")
    assert "gesloten" in pagina.content.decode()
    assert "Antwoorden versturen" not in pagina.content.decode()


def test_results_per_wijk_with_suppression_and_response_rate(gemeente, wijken):
    # Noord: 10 invited, 8 answer (6 agree on every statement). Zuid: 5 invited, 3 answer.
    # Oost: 6 invited, 5 answer, all agree.
    ronde, uitn = tb.ronde(
        gemeente,
        {wijken["Noord"]: ["A"] * 10, wijken["Zuid"]: ["B"] * 5, wijken["Oost"]: ["A"] * 6},
    )
    noord, zuid, oost = uitn[:10], uitn[10:15], uitn[15:]
    for u, s in zip(noord[:8], [5, 4, 4, 5, 4, 5, 2, 1], strict=True):
        tb.beantwoord(u, s)
    for u in zuid[:3]:
        tb.beantwoord(u, 5)
    for u in oost[:5]:
        tb.beantwoord(u, 4)
    r = selectors.uitvraging_resultaten(ronde, per="wijk")
    assert r["groepen"] == ["Noord", "Oost", "Zuid"]
    # 16 of 21 answered: 76.2%.
    assert (r["uitgenodigd"], r["beantwoord"], r["respons_pct"]) == (21, 16, Decimal("76.2"))
    rij = next(x for x in r["tabel"] if x["vraag"].code == "wist_waar")
    # Total: 16 answers, 14 agree = 87.5%.
    assert (rij["totaal"].n, rij["totaal"].positief_pct) == (16, Decimal("87.5"))
    noord_cel, oost_cel, zuid_cel = rij["cellen"]
    # Noord: 6 of 8 = 75%; mean 30 / 8 = 3.75, shown as 3.8.
    assert (noord_cel.n, noord_cel.positief_pct, noord_cel.gemiddelde) == (
        8,
        Decimal("75.0"),
        Decimal("3.8"),
    )
    # Zuid (3 answers) is under 5: hidden; Oost (5) would then give Zuid away as total minus
    # the rest, so the smallest other cell is hidden too.
    assert zuid_cel.onderdrukt and zuid_cel.n is None and zuid_cel.positief_pct is None
    assert oost_cel.onderdrukt
    respons = {x["groep"]: x for x in r["respons"]}
    assert respons["Noord"]["pct"] == Decimal("80.0")
    assert respons["Zuid"]["onderdrukt"] and respons["Zuid"]["beantwoord"] is None
    assert respons["Oost"]["onderdrukt"]  # complementary
    # Per provider: A has 13 answers, B 3 (hidden; with only two providers A is hidden too).
    per_aanbieder = selectors.uitvraging_resultaten(ronde, per="aanbieder")
    rij = next(x for x in per_aanbieder["tabel"] if x["vraag"].code == "wist_waar")
    assert [c.onderdrukt for c in rij["cellen"]] == [True, True]


def test_a_share_with_few_agreeing_is_hidden_even_when_many_answered(gemeente, wijken):
    # 9 answers in Noord, of which 3 agree: the 3 would be singled out. Hidden.
    ronde, uitn = tb.ronde(gemeente, {wijken["Noord"]: ["A"] * 9})
    for u, s in zip(uitn, [5, 4, 4, 2, 2, 1, 1, 3, 3], strict=True):
        tb.beantwoord(u, s)
    rij = next(
        x
        for x in selectors.uitvraging_resultaten(ronde, per="wijk")["tabel"]
        if x["vraag"].code == "wist_waar"
    )
    assert rij["totaal"].onderdrukt and rij["cellen"][0].onderdrukt


def test_survey_results_are_indicators_per_wijk_and_year(gemeente, wijken):
    ronde, uitn = tb.ronde(
        gemeente, {wijken["Noord"]: ["A"] * 7, wijken["Zuid"]: ["A"] * 2}, jaar=2024
    )
    for u, s in zip(uitn, [5, 5, 4, 4, 5, 2, 1, 5, 5], strict=True):
        tb.beantwoord(u, s)
    reeks = indicatoren.reeks("cev_wist_waar", gemeente_id=gemeente.pk)
    # 9 answers, 7 agree: 77.8%.
    assert [(p.periode, p.waarde, p.n) for p in reeks.punten] == [("2024", Decimal("77.8"), 9)]
    # Zuid had two invited: its answers are stored without the wijk ("overige wijken"), so it
    # has no series of its own ...
    zuid = indicatoren.reeks("cev_wist_waar", gemeente_id=gemeente.pk, wijk_id=wijken["Zuid"].pk)
    assert zuid.punten == []
    # ... and Noord (5 of 7 = 71.4%) is hidden: 77.8% of 9 minus 71.4% of 7 would give the
    # two others' answers (2 of 2 agree).
    noord = indicatoren.reeks("cev_wist_waar", gemeente_id=gemeente.pk, wijk_id=wijken["Noord"].pk)
    assert [(p.waarde, p.onderdrukt) for p in noord.punten] == [(None, True)]
    ronde, uitn = tb.ronde(
        gemeente, {wijken["Noord"]: ["A"] * 7, wijken["Zuid"]: ["A"] * 6}, jaar=2025
    )
    for u, s in zip(uitn, [5, 5, 4, 4, 5, 2, 1, 5, 5, 5, 5, 5, 5], strict=True):
        tb.beantwoord(u, s)
    noord = indicatoren.reeks("cev_wist_waar", gemeente_id=gemeente.pk, wijk_id=wijken["Noord"].pk)
    # 2025: Noord 5 of 7 = 71.4%, shown now that Zuid has six answers of its own.
    assert [(p.periode, p.waarde, p.n) for p in noord.punten] == [
        ("2024", None, None),
        ("2025", Decimal("71.4"), 7),
    ]


def test_survey_results_are_in_the_indicator_registry(gemeente, wijken):
    from eenplan.sturing import registry
    from eenplan.sturing.selectors import indicator_tabel

    ind = registry.get("cev_wist_waar")
    assert ind is not None and ind.thema == "Cliëntervaring"
    ronde, uitn = tb.ronde(gemeente, {wijken["Noord"]: ["A"] * 6}, jaar=2024)
    for u, s in zip(uitn, [5, 5, 4, 4, 5, 1], strict=True):
        tb.beantwoord(u, s)
    tabel = indicator_tabel(
        ind, gemeente_id=gemeente.pk, van=dt.date(2024, 1, 1), tot=dt.date(2024, 12, 31), per="wijk"
    )
    # 6 answers, 5 agree: 83.3%.
    assert (tabel.totaal.eenheden, tabel.totaal.waarde) == (6, Decimal("83.3"))


def test_a_round_without_answers_shows_its_pages(gemeente, wijken, contract_client):
    ronde, _ = tb.ronde(gemeente, {wijken["Noord"]: ["A"]})
    pagina = contract_client.get(f"/beleid/clientervaring/{ronde.pk}/")
    assert pagina.status_code == 200 and "Respons: 0 van de 1" in pagina.content.decode()
    api = contract_client.get(f"/api/v1/clientervaring/{ronde.pk}/").json()
    assert (api["uitgenodigd"], api["beantwoord"], api["tabel"][0]["totaal"]["n"]) == (1, 0, 0)


def test_the_mailing_list_gives_each_invited_resident_a_working_link(gemeente, wijken):
    import csv
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    from eenplan.gemeente.constants import Rol
    from eenplan.privacy.models import Inzage
    from eenplan.testing.factories import MedewerkerFactory, TeamFactory

    team = TeamFactory(gemeente=gemeente, naam="Backoffice", wijken=list(wijken.values()))
    MedewerkerFactory(gemeente=gemeente, functie=Rol.BACKOFFICE, teams=[team], username="bo")
    ronde, [een, twee] = tb.ronde(gemeente, {wijken["Noord"]: ["A"], wijken["Zuid"]: ["B"]})
    tb.beantwoord(twee, 4)
    uit = io.StringIO()
    call_command(
        "enquete_verzendlijst",
        jaar=ronde.jaar,
        gebruiker="bo",
        basis_url="https://eenplan.example/",
        alleen_open=True,
        stdout=uit,
    )
    rijen = list(csv.DictReader(io.StringIO(uit.getvalue()), delimiter=";"))
    assert [r["naam"] for r in rijen] == [een.inwoner.naam]  # who answered is left out
    link = rijen[0]["link"]
    assert link.startswith("https://eenplan.example/vragenlijst/")
    pad = link.removeprefix("https://eenplan.example")
    assert Client().get(pad).status_code == 200
    assert Inzage.objects.filter(inwoner=een.inwoner, toegestaan=True).exists()
    MedewerkerFactory(gemeente=gemeente, functie=Rol.BELEID, username="bel")
    with pytest.raises(CommandError):
        call_command(
            "enquete_verzendlijst",
            jaar=ronde.jaar,
            gebruiker="bel",
            basis_url="https://x",
            stdout=io.StringIO(),
        )
