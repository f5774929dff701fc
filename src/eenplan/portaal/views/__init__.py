"""The inwonersportaal's pages (`/mijn/`): a resident, their representative or an authorised
mantelzorger sees and steers their own case.

Every page is declared with `access.requires_inwoner` (only a resident's login gets in; the
matrix registry reads the rule) and decides with `access.require_inwoner` for the case in its
URL: a case the login may not see is a 404, never data, and the attempt is logged. Reads go
through `portaal.selectors` (shared with the API), writes through the apps' services."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from eenplan.beleid import selectors as beleid_selectors
from eenplan.beschikkingen.services import brief_pdf
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen.constants import Kanaal, MelderSoort
from eenplan.meldingen.services import melding_register
from eenplan.onderzoeken.services import verslag_reactie_add
from eenplan.plannen import services as plannen
from eenplan.plannen.models import Actie, Deelnemer
from eenplan.portaal import selectors, services
from eenplan.portaal.forms import (
    InbrengForm,
    MachtigingForm,
    MeldingForm,
    ReactieForm,
    ToestemmingForm,
)
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.constants import Grond, MachtigingSoort
from eenplan.privacy.models import Inwoneraccount, Machtiging
from eenplan.privacy.services import machtiging_withdraw
from eenplan.web.forms import add_service_errors
from eenplan.web.prg import form_from_session, redirect_with_errors

R, A = Resource, Action


def zaak_of_404(
    request: HttpRequest,
    inwoner_id: int,
    resource: Resource,
    action: Action,
    *,
    log_allowed: bool = True,
) -> Inwoner:
    """The case in the URL, when this login may do `action` on it; else a 404 (logged).
    `log_allowed=False`: see `access.require_inwoner` (the anonymous survey only)."""
    try:
        access.require_inwoner(
            request.user,
            resource,
            action,
            via=access.Via.request(request),
            inwoner=inwoner_id,
            log_allowed=log_allowed,
        )
    except access.Refused as refused:
        if access.grond_voor(request.user, inwoner_id):
            raise  # the own case, but not allowed on this ground: say why (403)
        raise Http404("Deze zaak bestaat niet of is niet van u.") from refused
    inwoner = Inwoner.objects.filter(pk=inwoner_id).select_related("gemeente").first()
    if inwoner is None:
        raise Http404("Deze zaak bestaat niet of is niet van u.")
    return inwoner


def _context(request: HttpRequest, inwoner: Inwoner | None = None, **extra: Any) -> dict:
    zaken = selectors.zaken(request.user)
    zaak = next((z for z in zaken if inwoner and z.inwoner.pk == inwoner.pk), None)
    grond = zaak.grond if zaak else ""
    regels = access.INWONER_RULES
    return {
        "zaken": zaken,
        "zaak": zaak,
        "inwoner": inwoner,
        "mag_melden": grond in regels[(R.MELDING, A.AANMAKEN)],
        "mag_ondertekenen": grond in regels[(R.PLAN, A.BESLISSEN)],
        "mag_toestemming": grond in regels[(R.NETWERK, A.WIJZIGEN)],
        "mag_reageren": grond in regels[(R.ONDERZOEK, A.WIJZIGEN)],
        "mag_inzage": grond in regels[(R.INZAGELOG, A.LEZEN)],
        "mag_machtigen": grond in regels[(R.MACHTIGING, A.LEZEN)],
        "mag_enquete": grond in regels[(R.ENQUETE, A.AANMAKEN)],
        "mag_aanvragen": grond in regels[(R.AANVRAAG, A.AANMAKEN)],
        **extra,
    }


# --- logging in ---------------------------------------------------------------------------


def inloggen(request: HttpRequest) -> HttpResponse:
    """The portal's login: DigiD through the OIDC broker when configured, and — only with the
    development settings — a development login that picks a demo resident."""
    ontwikkeling = settings.EENPLAN_PORTAAL_ONTWIKKELLOGIN
    if request.method == "POST":
        if not ontwikkeling:
            raise Http404("Er is geen ontwikkel-login.")
        account = Inwoneraccount.objects.filter(pk=request.POST.get("account") or 0).first()
        if account is None:
            messages.error(request, "Kies een inwoner uit de lijst.")
            return redirect("portaal:inloggen")
        login(request, account.user, backend="eenplan.gemeente.backends.MedewerkerBackend")
        return redirect("portaal:start")
    accounts = (
        Inwoneraccount.objects.select_related("inwoner").order_by("inwoner__achternaam")[:50]
        if ontwikkeling
        else []
    )
    return render(
        request,
        "portaal/inloggen.html",
        {
            "oidc": settings.EENPLAN_OIDC,
            "ontwikkeling": ontwikkeling,
            "accounts": accounts,
            "mislukt": "mislukt" in request.GET,
        },
    )


# --- reading ------------------------------------------------------------------------------


@access.requires_inwoner(R.DOSSIER, A.LEZEN)
def start(request: HttpRequest) -> HttpResponse:
    """The cases this login may see: with only the own case, straight to it."""
    zaken = selectors.zaken(request.user)
    if len(zaken) == 1:
        return redirect("portaal:overzicht", inwoner_id=zaken[0].inwoner.pk)
    access.log_inwoner_shown(
        request.user,
        [z.inwoner.pk for z in zaken],
        resource=R.DOSSIER,
        via=access.Via.request(request),
    )
    kring = bool(access.kring_acties(request.user))
    return render(request, "portaal/start.html", _context(request, kring=kring))


@access.requires_inwoner(R.DOSSIER, A.LEZEN)
def overzicht(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.DOSSIER, A.LEZEN)
    plan = selectors.plan(inwoner)
    return render(
        request,
        "portaal/overzicht.html",
        _context(
            request,
            inwoner,
            meldingen=list(selectors.meldingen(inwoner)[:20]),
            onderzoeken=list(selectors.onderzoeken(inwoner)[:10]),
            plan=plan,
            volgende_evaluatie=selectors.volgende_evaluatie(plan) if plan else None,
            aanvragen=list(selectors.aanvragen(inwoner)[:20]),
            beschikkingen=list(selectors.beschikkingen(inwoner)[:20]),
            termijnen=selectors.termijnen(inwoner),
            tijdlijn=list(selectors.tijdlijn(inwoner)[:30]),
            enquete=beleid_selectors.uitnodiging_van_inwoner(
                inwoner_id=inwoner.pk, vandaag=timezone.localdate()
            ),
            kring=bool(access.kring_acties(request.user)),
        ),
    )


@access.requires_inwoner(R.MELDING, A.LEZEN)
def melding(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    """A melding with the confirmation of receipt and its dates."""
    inwoner = zaak_of_404(request, inwoner_id, R.MELDING, A.LEZEN)
    gevonden = selectors.meldingen(inwoner).filter(pk=pk).first()
    if gevonden is None:
        raise Http404("Deze melding bestaat niet of is niet van u.")
    return render(request, "portaal/melding.html", _context(request, inwoner, melding=gevonden))


@access.requires_inwoner(R.ONDERZOEK, A.LEZEN)
def onderzoek(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    """The onderzoek: its state, the verslag once final, the resident's remarks (and a form to
    add one once it was sent)."""
    inwoner = zaak_of_404(request, inwoner_id, R.ONDERZOEK, A.LEZEN)
    gevonden = selectors.onderzoek_van(inwoner, pk)
    if gevonden is None:
        raise Http404("Dit onderzoek bestaat niet of is niet van u.")
    form = form_from_session(request, f"portaal-reactie-{pk}", ReactieForm) or ReactieForm()
    return render(
        request,
        "portaal/onderzoek.html",
        _context(
            request,
            inwoner,
            onderzoek=gevonden,
            verslag_zichtbaar=selectors.verslag_zichtbaar(gevonden),
            form=form,
        ),
    )


@access.requires_inwoner(R.PLAN, A.LEZEN)
def plan(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.PLAN, A.LEZEN)
    gevonden = selectors.plan(inwoner)
    return render(
        request,
        "portaal/plan.html",
        _context(
            request,
            inwoner,
            plan=gevonden,
            volgende_evaluatie=selectors.volgende_evaluatie(gevonden) if gevonden else None,
            inbreng=list(gevonden.inbreng.filter(gedeeld=True)[:50]) if gevonden else [],
            voorstellen=list(gevonden.voorstellen.all()) if gevonden else [],
            inbreng_form=form_from_session(request, f"portaal-inbreng-{inwoner_id}", InbrengForm)
            or InbrengForm(),
            toestemming_form=form_from_session(
                request, f"portaal-toestemming-{inwoner_id}", ToestemmingForm
            )
            or ToestemmingForm(),
            eigen_uitvoerders=plannen.inbreng.EIGEN_UITVOERDERS,
        ),
    )


@access.requires_inwoner(R.BESCHIKKING, A.LEZEN)
def beschikkingen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.BESCHIKKING, A.LEZEN)
    return render(
        request,
        "portaal/beschikkingen.html",
        _context(
            request,
            inwoner,
            aanvragen=list(selectors.aanvragen(inwoner)[:50]),
            beschikkingen=list(selectors.beschikkingen(inwoner)[:50]),
            vandaag=timezone.localdate(),
        ),
    )


@access.requires_inwoner(R.BESCHIKKING, A.LEZEN)
def brief(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    """The letter as it was sent (the stored PDF)."""
    inwoner = zaak_of_404(request, inwoner_id, R.BESCHIKKING, A.LEZEN)
    gevonden = selectors.beschikking_van(inwoner, pk)
    if gevonden is None:
        raise Http404("Deze brief bestaat niet of is niet van u.")
    response = HttpResponse(
        brief_pdf(gevonden, timezone.localdate()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="besluit-{gevonden.pk}.pdf"'
    return response


@access.requires_inwoner(R.INZAGELOG, A.LEZEN)
def inzage(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """Who looked at the file and when, in plain words (role and organisation, date)."""
    inwoner = zaak_of_404(request, inwoner_id, R.INZAGELOG, A.LEZEN)
    return render(
        request,
        "portaal/inzage.html",
        _context(request, inwoner, regels=selectors.inzage_voor_inwoner(inwoner)),
    )


# --- acting -------------------------------------------------------------------------------


@access.requires_inwoner(R.MELDING, A.AANMAKEN)
def melding_doen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """Report a need: a short form, an optional personal plan; then the confirmation."""
    inwoner = zaak_of_404(request, inwoner_id, R.MELDING, A.AANMAKEN)
    form = MeldingForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            grond = access.grond_voor(request.user, inwoner.pk)
            try:
                nieuw = melding_register(
                    gemeente=inwoner.gemeente,
                    actor=request.user,
                    melder_soort=MelderSoort.ZELF if grond == Grond.ZELF else MelderSoort.NETWERK,
                    kanaal=Kanaal.WEBFORMULIER,
                    vraag=form.cleaned_data["vraag"],
                    ontvangen_op=timezone.localdate(),
                    domeinen=form.cleaned_data["domeinen"],
                    inwoner=inwoner,
                    melder_naam=request.user.get_full_name(),
                    persoonlijk_plan=form.cleaned_data["persoonlijk_plan"],
                    via=access.Via.request(request),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Wij hebben uw melding ontvangen.")
                return redirect("portaal:melding", inwoner_id=inwoner.pk, pk=nieuw.pk)
        status = 400
    return render(
        request, "portaal/melding_doen.html", _context(request, inwoner, form=form), status=status
    )


@access.requires_inwoner(R.ONDERZOEK, A.WIJZIGEN)
@require_POST
def reactie(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.ONDERZOEK, A.WIJZIGEN)
    gevonden = selectors.onderzoek_van(inwoner, pk)
    if gevonden is None:
        raise Http404("Dit onderzoek bestaat niet of is niet van u.")
    terug = reverse("portaal:onderzoek", kwargs={"inwoner_id": inwoner.pk, "pk": pk})
    form = ReactieForm(request.POST)
    if form.is_valid():
        try:
            verslag_reactie_add(
                onderzoek=gevonden,
                tekst=form.cleaned_data["tekst"],
                ontvangen_op=timezone.localdate(),
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Uw opmerking staat nu bij het verslag.")
            return redirect(terug)
    return redirect_with_errors(request, f"portaal-reactie-{pk}", form, terug)


def _plan_of_404(inwoner: Inwoner) -> Any:
    gevonden = selectors.plan(inwoner)
    if gevonden is None:
        raise Http404("Er is nog geen plan.")
    return gevonden


@access.requires_inwoner(R.PLAN, A.WIJZIGEN)
@require_POST
def actie_gedaan(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.PLAN, A.WIJZIGEN)
    gevonden = _plan_of_404(inwoner)
    actie = Actie.objects.filter(
        pk=pk, doel__plan=gevonden, gedeeld=True, doel__gedeeld=True
    ).first()
    if actie is None:
        raise Http404("Deze actie bestaat niet of is niet van u.")
    try:
        plannen.actie_gedaan(actie=actie, op=timezone.localdate(), actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Gedaan: {actie.omschrijving}.")
    return redirect("portaal:plan", inwoner_id=inwoner.pk)


@access.requires_inwoner(R.PLAN, A.WIJZIGEN)
@require_POST
def inbreng(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.PLAN, A.WIJZIGEN)
    gevonden = _plan_of_404(inwoner)
    terug = reverse("portaal:plan", kwargs={"inwoner_id": inwoner.pk})
    form = InbrengForm(request.POST)
    if form.is_valid():
        try:
            plannen.inbreng_add(
                plan=gevonden,
                inwoner=inwoner,
                soort=form.cleaned_data["soort"],
                tekst=form.cleaned_data["tekst"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Toegevoegd aan uw plan. Uw regisseur ziet het ook.")
            return redirect(terug + "#inbreng")
    return redirect_with_errors(request, f"portaal-inbreng-{inwoner_id}", form, terug + "#inbreng")


@access.requires_inwoner(R.PLAN, A.BESLISSEN)
@require_POST
def ondertekenen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """Sign the plan: its maatwerk proposals become aanvragen (plan.ondertekend)."""
    inwoner = zaak_of_404(request, inwoner_id, R.PLAN, A.BESLISSEN)
    gevonden = _plan_of_404(inwoner)
    if request.POST.get("akkoord") != "ja":
        messages.error(request, "Zet een vinkje als u het eens bent met het plan.")
        return redirect("portaal:plan", inwoner_id=inwoner.pk)
    try:
        aanvragen = services.plan_ondertekenen(inwoner=inwoner, plan=gevonden, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        tekst = "U hebt het plan ondertekend."
        if aanvragen:
            tekst += f" Daarmee hebt u {len(aanvragen)} aanvraag of aanvragen gedaan."
        messages.success(request, tekst)
    return redirect("portaal:plan", inwoner_id=inwoner.pk)


@access.requires_inwoner(R.NETWERK, A.WIJZIGEN)
@require_POST
def toestemming_geven(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """Consent for a person or organisation to join the plan: recorded, then the participant."""
    inwoner = zaak_of_404(request, inwoner_id, R.NETWERK, A.WIJZIGEN)
    gevonden = _plan_of_404(inwoner)
    terug = reverse("portaal:plan", kwargs={"inwoner_id": inwoner.pk}) + "#deelnemers"
    form = ToestemmingForm(request.POST)
    if form.is_valid():
        try:
            services.deelnemer_met_toestemming(
                inwoner=inwoner,
                plan=gevonden,
                aan=form.cleaned_data["aan"],
                rol=form.cleaned_data["rol"],
                actor=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{form.cleaned_data['aan']} doet nu mee aan uw plan.")
            return redirect(terug)
    return redirect_with_errors(request, f"portaal-toestemming-{inwoner_id}", form, terug)


@access.requires_inwoner(R.NETWERK, A.WIJZIGEN)
@require_POST
def toestemming_intrekken(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.NETWERK, A.WIJZIGEN)
    gevonden = _plan_of_404(inwoner)
    deelnemer = (
        Deelnemer.objects.filter(pk=pk, plan=gevonden)
        .select_related("toestemming", "netwerkpersoon")
        .first()
    )
    if deelnemer is None:
        raise Http404("Deze deelnemer bestaat niet of hoort niet bij uw plan.")
    try:
        plannen.deelnemer_toestemming_intrekken(
            deelnemer=deelnemer, op=timezone.localdate(), actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{deelnemer.naam} doet vanaf vandaag niet meer mee.")
    return redirect(reverse("portaal:plan", kwargs={"inwoner_id": inwoner.pk}) + "#deelnemers")


# --- machtigingen (issue 13) ----------------------------------------------------------------

NIET_GEVONDEN = services.NIET_GEVONDEN


@access.requires_inwoner(R.MACHTIGING, A.LEZEN)
def machtigingen(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    """Who may act for me, and for whom I may act; give a machtiging, withdraw one."""
    inwoner = zaak_of_404(request, inwoner_id, R.MACHTIGING, A.LEZEN)
    form = form_from_session(
        request, f"portaal-machtiging-{inwoner_id}", MachtigingForm
    ) or MachtigingForm(initial={"soort": MachtigingSoort.MANTELZORGER})
    return render(
        request,
        "portaal/machtigingen.html",
        _context(
            request,
            inwoner,
            gegeven=selectors.machtigingen_gegeven(inwoner),
            ontvangen=selectors.machtigingen_ontvangen(inwoner),
            machtiging_form=form,
            vandaag=timezone.localdate(),
        ),
    )


@access.requires_inwoner(R.MACHTIGING, A.WIJZIGEN)
@require_POST
def machtiging_geven(request: HttpRequest, inwoner_id: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.MACHTIGING, A.WIJZIGEN)
    terug = reverse("portaal:machtigingen", kwargs={"inwoner_id": inwoner.pk})
    form = MachtigingForm(request.POST)
    if form.is_valid():
        try:
            machtiging = services.machtiging_geven(
                inwoner=inwoner,
                bsn=form.cleaned_data["bsn"],
                geboortedatum=form.cleaned_data["geboortedatum"],
                soort=form.cleaned_data["soort"],
                tot=form.cleaned_data["tot"],
                door=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{machtiging.gemachtigde.naam} mag nu voor u handelen.")
            return redirect(terug)
    return redirect_with_errors(request, f"portaal-machtiging-{inwoner_id}", form, terug)


@access.requires_inwoner(R.MACHTIGING, A.WIJZIGEN)
@require_POST
def machtiging_intrekken(request: HttpRequest, inwoner_id: int, pk: int) -> HttpResponse:
    inwoner = zaak_of_404(request, inwoner_id, R.MACHTIGING, A.WIJZIGEN)
    machtiging = (
        Machtiging.objects.filter(pk=pk, inwoner=inwoner).select_related("gemachtigde").first()
    )
    if machtiging is None:
        raise Http404("Deze machtiging bestaat niet of is niet van u.")
    try:
        machtiging_withdraw(machtiging=machtiging, op=timezone.localdate())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"De machtiging is ingetrokken. {machtiging.gemachtigde.naam} kan niet "
            "meer voor u handelen.",
        )
    return redirect("portaal:machtigingen", inwoner_id=inwoner.pk)
