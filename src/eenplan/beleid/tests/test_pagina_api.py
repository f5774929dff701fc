"""The pages and the API of the policy model: the dashboard with its verdicts (hand-worked),
per wijk, the edit pages for the policy officer, read-only for the contract manager, refused
for a role without the right; the council report in HTML and as tagged PDF/A; query budgets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eenplan.beleid.models import Activiteit, Indicatorkoppeling, Streefwaarde
from eenplan.privacy.models import Inzage
from eenplan.testing import beleid as tb
from eenplan.testing.pdf import pdf_gebreken, pdf_tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_met_metingen(gemeente, wijken):
    """cev_wist_waar measured in 2024 (8 answers, 5 agree = 62.5%) and 2025 (10 answers, 7
    agree = 70%); baseline 60 in 2023, target 80 in 2026."""
    plan = tb.plan(
        gemeente,
        indicatoren=[
            {
                "indicator": "cev_wist_waar",
                "basiswaarde": Decimal(60),
                "basisjaar": 2023,
                "streef": {2026: Decimal(80)},
                "bron": "test",
            }
        ],
    )
    _r, uitn = tb.ronde(gemeente, {wijken["Noord"]: ["A"] * 8}, jaar=2024)
    for u, s in zip(uitn, [5, 5, 4, 4, 4, 2, 1, 3], strict=True):
        tb.beantwoord(u, s)
    _r, uitn = tb.ronde(
        gemeente, {wijken["Noord"]: ["A"] * 5, wijken["Zuid"]: ["A"] * 5}, jaar=2025
    )
    for u, s in zip(uitn, [5, 5, 4, 4, 4, 4, 4, 2, 1, 3], strict=True):
        tb.beantwoord(u, s)
    return plan


def test_dashboard_shows_each_indicator_with_its_verdict(beleid_client, plan_met_metingen):
    # 2025 expects 60 + (80-60) * 2/3 = 73.3; measured 70: shortfall 3.3 of 20 = 16.7% ->
    # above the plan's 10% for aandacht: uit koers.
    pagina = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/")
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Cliëntervaring: wist waar terecht" in tekst
    assert "Uit koers" in tekst and "Verwacht in 2025: 73,3; gemeten: 70" in tekst
    assert "2024: 62,5 · 2025: 70" in tekst
    assert "<svg" in tekst and "eenplan-doeltrend__doel" in tekst
    assert "aanpassen" in tekst  # the officer may edit


def test_the_officer_moves_the_thresholds_and_the_verdict_follows(beleid_client, plan_met_metingen):
    koppeling = Indicatorkoppeling.objects.get()
    antwoord = beleid_client.post(
        f"/beleid/indicatoren/{koppeling.pk}/",
        {
            "richting": "hoger",
            "basiswaarde": "60",
            "basisjaar": "2023",
            "op_koers_marge": "5",
            "aandacht_marge": "20",
            "streef_2026": "80",
        },
    )
    assert antwoord.status_code == 302
    tekst = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/").content.decode()
    assert "achterstand 16,7%" in tekst and "(op koers t/m 5%, aandacht t/m 20%)" in tekst
    assert "Aandacht</span> De" not in tekst  # 16.7% is within 20%: aandacht, not uit koers
    assert "✓ Op koers</span> 0" not in tekst or "! Aandacht</span> 1" in tekst


def test_bad_thresholds_are_refused_in_dutch_and_change_nothing(beleid_client, plan_met_metingen):
    koppeling = Indicatorkoppeling.objects.get()
    antwoord = beleid_client.post(
        f"/beleid/indicatoren/{koppeling.pk}/",
        {
            "richting": "hoger",
            "basiswaarde": "zestig",
            "basisjaar": "2023",
            "op_koers_marge": "30",
            "aandacht_marge": "10",
            "streef_2026": "90",
        },
        follow=True,
    )
    tekst = antwoord.content.decode()
    assert "Vul een getal in" in tekst
    koppeling.refresh_from_db()
    assert koppeling.basiswaarde == Decimal(60) and koppeling.op_koers_marge is None
    assert Streefwaarde.objects.get().waarde == Decimal(80)
    antwoord = beleid_client.post(
        f"/beleid/indicatoren/{koppeling.pk}/",
        {
            "richting": "hoger",
            "basiswaarde": "60",
            "basisjaar": "2023",
            "op_koers_marge": "30",
            "aandacht_marge": "10",
        },
        follow=True,
    )
    assert "minstens zo groot" in antwoord.content.decode()
    assert Streefwaarde.objects.count() == 1


def test_dashboard_per_wijk_uses_only_that_wijk(beleid_client, plan_met_metingen, wijken):
    # Zuid answered only in 2025: scores 4, 4, 2, 1, 3, so 2 of 5 agree: the two would be
    # singled out, so the value is not shown (the registry's rule on the numerator).
    pagina = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/?wijk={wijken['Zuid'].pk}")
    tekst = pagina.content.decode()
    assert (
        "wijk Zuid" in tekst
        and "2025: niet getoond (te klein)" in tekst
        and "2024" not in tekst.split("Metingen:")[1][:30]
    )
    assert beleid_client.get(f"/beleid/{plan_met_metingen.pk}/?wijk=999999").status_code == 404
    assert beleid_client.get(f"/beleid/{plan_met_metingen.pk}/?pagina=2").status_code == 400


def test_contract_manager_reads_but_cannot_edit(contract_client, plan_met_metingen):
    tekst = contract_client.get(f"/beleid/{plan_met_metingen.pk}/").content.decode()
    assert "Uit koers" in tekst and "aanpassen" not in tekst
    koppeling = Indicatorkoppeling.objects.get()
    assert contract_client.get(f"/beleid/indicatoren/{koppeling.pk}/").status_code == 403
    activiteit = Activiteit.objects.get()
    antwoord = contract_client.post(
        f"/beleid/activiteiten/{activiteit.pk}/status/", {"status": "gereed"}
    )
    assert antwoord.status_code == 403
    activiteit.refresh_from_db()
    assert activiteit.status == "gepland"
    assert Inzage.objects.filter(toegestaan=False).count() == 2


def test_a_role_without_the_right_is_refused_and_logged(generalist_client, plan_met_metingen):
    assert generalist_client.get(f"/beleid/{plan_met_metingen.pk}/").status_code == 403
    assert generalist_client.get("/api/v1/beleidsplannen/").status_code == 403
    assert Inzage.objects.filter(toegestaan=False).count() == 2


def test_activity_status_is_set_by_the_officer(beleid_client, plan_met_metingen):
    activiteit = Activiteit.objects.get()
    antwoord = beleid_client.post(
        f"/beleid/activiteiten/{activiteit.pk}/status/",
        {"status": "vertraagd", "toelichting": "Wacht op partners"},
    )
    assert antwoord.status_code == 302
    activiteit.refresh_from_db()
    assert (activiteit.status, activiteit.toelichting) == ("vertraagd", "Wacht op partners")
    tekst = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/plan/").content.decode()
    assert "Inventarisatie voorzieningen" in tekst


def test_council_report_answers_the_two_questions_in_html_and_pdf(beleid_client, plan_met_metingen):
    html = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/raadsrapportage/").content.decode()
    assert "Liggen we op koers?" in html
    assert "Van de 1 indicatoren zijn er 0 op koers" in html
    assert "verschuiving van maatwerk naar algemene voorzieningen" in html
    assert "Inventarisatie voorzieningen" in html
    pdf = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/raadsrapportage.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(pdf.content)
    assert "Liggen we op koers?" in tekst and "2024: 62,5" in tekst
    assert pdf_gebreken(pdf.content) == []


def test_api_dashboard_structure_and_edits(beleid_client, contract_client, plan_met_metingen):
    plan = plan_met_metingen
    data = beleid_client.get(f"/api/v1/beleidsplannen/{plan.pk}/dashboard/").json()
    stand = data[0]["indicatoren"][0]
    assert (stand["indicator"], stand["oordeel"], stand["verwacht"], stand["achterstand_pct"]) == (
        "cev_wist_waar",
        "uit_koers",
        "73.33",
        "16.7",
    )
    assert [p["periode"] for p in stand["punten"]] == ["2024", "2025"]
    structuur = beleid_client.get(f"/api/v1/beleidsplannen/{plan.pk}/").json()
    assert structuur["themas"][0]["doelen"][0]["subdoelen"][0]["activiteiten"][0]["code"] == "A1"
    koppeling = Indicatorkoppeling.objects.get()
    body = {
        "richting": "hoger",
        "basiswaarde": "60",
        "basisjaar": 2023,
        "op_koers_marge": "0",
        "aandacht_marge": "20",
        "streefwaarden": [{"jaar": 2026, "waarde": "80"}],
    }
    assert (
        contract_client.put(
            f"/api/v1/beleidsindicatoren/{koppeling.pk}/", body, content_type="application/json"
        ).status_code
        == 403
    )
    antwoord = beleid_client.put(
        f"/api/v1/beleidsindicatoren/{koppeling.pk}/", body, content_type="application/json"
    )
    assert antwoord.status_code == 200, antwoord.content
    data = beleid_client.get(f"/api/v1/beleidsplannen/{plan.pk}/dashboard/").json()
    assert data[0]["indicatoren"][0]["oordeel"] == "aandacht"
    fout = beleid_client.put(
        f"/api/v1/beleidsindicatoren/{koppeling.pk}/",
        {**body, "op_koers_marge": "50"},
        content_type="application/json",
    )
    assert fout.status_code == 400 and "aandacht_marge" in fout.json()
    assert (
        beleid_client.get(f"/api/v1/beleidsplannen/{plan.pk}/dashboard/?foo=1").status_code == 400
    )


def test_dashboard_queries_do_not_grow_with_the_plan(
    beleid_client, gemeente, wijken, django_assert_max_num_queries
):
    klein = tb.plan(gemeente, indicatoren=[{"indicator": "cev_wist_waar"}])
    groot = tb.plan(
        gemeente,
        indicatoren=[
            {"indicator": f"cev_{c}"}
            for c in ("wist_waar", "snel_geholpen", "serieus", "kwaliteit", "past", "meedoen")
        ],
    )
    _r, uitn = tb.ronde(gemeente, {wijken["Noord"]: ["A"] * 6})
    for u in uitn:
        tb.beantwoord(u, 4)
    # Session, user, medewerker, access, wijken, the plan, six prefetches, plus one aggregate
    # per linked indicator: the budget is fixed per indicator, not per row of data.
    with django_assert_max_num_queries(18):
        assert beleid_client.get(f"/beleid/{klein.pk}/").status_code == 200
    with django_assert_max_num_queries(23):
        assert beleid_client.get(f"/beleid/{groot.pk}/").status_code == 200


def test_the_officer_links_an_indicator_of_the_registry_by_id(beleid_client, plan_met_metingen):
    from eenplan.beleid.models import Resultaat

    resultaat = Resultaat.objects.get(nummer=4)
    pagina = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/plan/").content.decode()
    assert 'value="kanteling"' in pagina  # the registry's indicators are offered
    antwoord = beleid_client.post(
        f"/beleid/resultaten/{resultaat.pk}/indicator/",
        {"indicator": "kanteling", "richting": "hoger"},
    )
    koppeling = Indicatorkoppeling.objects.get(resultaat=resultaat)
    assert antwoord["Location"] == f"/beleid/indicatoren/{koppeling.pk}/"
    # Twice, or an id that does not exist: refused in Dutch, nothing added.
    beleid_client.post(f"/beleid/resultaten/{resultaat.pk}/indicator/", {"indicator": "kanteling"})
    fout = beleid_client.post(
        f"/beleid/resultaten/{resultaat.pk}/indicator/", {"indicator": "bestaat_niet"}, follow=True
    )
    assert "Deze indicator bestaat niet" in fout.content.decode()
    assert Indicatorkoppeling.objects.filter(resultaat=resultaat).count() == 1
    api = beleid_client.post(
        "/api/v1/beleidsindicatoren/",
        {"resultaat": resultaat.pk, "indicator": "bbv_32_wmo_maatwerk", "richting": "lager"},
        content_type="application/json",
    )
    assert api.status_code == 201 and api.json()["richting"] == "lager"
    # The dashboard now shows the kanteling with "geen oordeel" (no target yet).
    tekst = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/").content.decode()
    assert "Algemeen vóór maatwerk" in tekst and "Er is nog geen" in tekst


def test_the_council_member_reads_plans_report_and_survey_but_changes_nothing(
    gemeente, plan_met_metingen
):
    from django.test import Client

    from eenplan.gemeente.constants import Rol
    from eenplan.testing.factories import MedewerkerFactory

    raad = Client()
    raad.force_login(MedewerkerFactory(gemeente=gemeente, functie=Rol.RAADSLID).user)
    assert raad.get(f"/beleid/{plan_met_metingen.pk}/").status_code == 200
    assert raad.get(f"/beleid/{plan_met_metingen.pk}/raadsrapportage.pdf").status_code == 200
    assert raad.get("/beleid/clientervaring/").status_code == 200
    koppeling = Indicatorkoppeling.objects.get()
    assert raad.get(f"/beleid/indicatoren/{koppeling.pk}/").status_code == 403
    assert raad.post("/api/v1/clientervaring/", {}).status_code == 403
    assert "aanpassen" not in raad.get(f"/beleid/{plan_met_metingen.pk}/").content.decode()


def test_a_plan_name_with_markup_stays_text_in_the_report_page_and_pdf(
    beleid_client, plan_met_metingen
):
    """The .txt template behind the PDF has autoescape off (it is plain text); the PDF builder
    escapes every line, and the page escapes as always: markup typed into a name is shown."""
    plan_met_metingen.naam = '<script>alert(1)</script> & <b>Zorg</b>'
    plan_met_metingen.save(update_fields=["naam"])
    html = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/raadsrapportage/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    pdf = beleid_client.get(f"/beleid/{plan_met_metingen.pk}/raadsrapportage.pdf")
    assert pdf.status_code == 200
    assert "<script>alert(1)</script> & <b>Zorg</b>" in pdf_tekst(pdf.content)
