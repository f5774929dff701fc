"""Demo content of the residents' rights under the AVG and of retention (issue 17), through the
avg and bezwaren services: AVG requests in every state (open on schedule, close to or past
their term, extended, granted, refused; a rectification and a restriction that put a legal
hold), complaints of 2020 whose five years (Selectielijst 2020, 13.1) have run, and a
destruction list the privacy officer `privacy` proposed, awaiting a second officer: the login
`privacy.collega` (demo password) approves or rejects it at /avg/vernietigingen/."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from eenplan.avg import bewaren, services
from eenplan.avg.constants import VerzoekSoort
from eenplan.bezwaren.services import klacht_register, klacht_settle
from eenplan.demo.data import DEMO_WACHTWOORD
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.privacy import access

TWEEDE_FG = "privacy.collega"

VERZOEKEN = [
    # (soort, days before today received, what happens, words of the resident)
    (VerzoekSoort.INZAGE, 5, "open", "Ik wil weten welke gegevens de gemeente van mij heeft."),
    (VerzoekSoort.INZAGE, 26, "open", "Graag een overzicht van alles over mijn aanvraag."),
    (VerzoekSoort.INZAGE, 40, "open", "Wie heeft mijn dossier bekeken?"),
    (VerzoekSoort.INZAGE, 20, "verlengd", "Alle stukken over mijn gezin sinds 2021."),
    (VerzoekSoort.INZAGE, 60, "toegekend", "Een kopie van mijn gegevens."),
    (VerzoekSoort.BEZWAAR, 45, "afgewezen", "Ik wil niet dat de gemeente mijn gegevens deelt."),
    (VerzoekSoort.RECTIFICATIE, 15, "toegekend", "Mijn telefoonnummer klopt niet."),
    (VerzoekSoort.BEPERKING, 10, "toegekend", "Niets vernietigen: ik ga in beroep."),
]
UITKOMST = {
    "toegekend": "Toegekend; het antwoord is verstuurd.",
    "afgewezen": "Afgewezen: de verwerking is nodig voor de wettelijke taak (AVG art. 6 lid 1 e).",
}


def _tweede_privacyfunctionaris(gemeente: Gemeente) -> Medewerker:
    """The second privacy officer the four eyes of a destruction need (Archiefwet art. 5)."""
    bestaand = Medewerker.objects.filter(user__username=TWEEDE_FG, gemeente=gemeente).first()
    if bestaand is not None:
        return bestaand
    user = get_user_model().objects.create_user(
        username=TWEEDE_FG, password=DEMO_WACHTWOORD, first_name="Wim", last_name="Verhoeven"
    )
    return Medewerker.objects.create(user=user, gemeente=gemeente, functie=Rol.PRIVACY)


def build_avg(*, gemeente: Gemeente, vandaag: dt.date, rng: random.Random) -> dict[str, int]:
    """AVG requests in their states, complaints of 2020 handled long ago, and one destruction
    list awaiting approval. Returns the counts made."""
    fg = Medewerker.objects.get(user__username="privacy", gemeente=gemeente).user
    backoffice = Medewerker.objects.get(user__username="backoffice", gemeente=gemeente).user
    _tweede_privacyfunctionaris(gemeente)
    # residents the complaints' clerk may see (the same for the requests: any will do)
    inwoners = list(
        access.inwoners_in_scope(backoffice, vandaag=vandaag)
        .filter(gemeente=gemeente)
        .order_by("pk")[:400]
    )
    gekozen = rng.sample(inwoners, min(len(inwoners), len(VERZOEKEN) + 4))
    verzoeken = 0
    for (soort, dagen, wat, tekst), inwoner in zip(VERZOEKEN, gekozen, strict=False):
        ontvangen = vandaag - dt.timedelta(days=dagen)
        extra = {}
        if soort == VerzoekSoort.RECTIFICATIE:
            extra = {"veld": "telefoon", "nieuwe_waarde": "077-3201234"}
        verzoek = services.avg_verzoek_register(
            inwoner=inwoner,
            soort=soort,
            omschrijving=tekst,
            ontvangen_op=ontvangen,
            actor=fg,
            vandaag=ontvangen,
            **extra,
        )
        if wat == "verlengd":
            services.avg_verzoek_verleng(
                verzoek=verzoek,
                reden="Veel stukken uit verschillende jaren; wij hebben meer tijd nodig.",
                actor=fg,
                vandaag=ontvangen + dt.timedelta(days=14),
            )
        elif wat in UITKOMST:
            services.avg_verzoek_afhandel(
                verzoek=verzoek,
                toekennen=wat == "toegekend",
                uitkomst=UITKOMST[wat],
                actor=fg,
                vandaag=min(vandaag, ontvangen + dt.timedelta(days=21)),
            )
        verzoeken += 1
    # Complaints of 2020, handled then: their five years (13.1) have run.
    klachten = 0
    for inwoner in gekozen[len(VERZOEKEN) :]:
        ontvangen = dt.date(2020, rng.randint(2, 9), rng.randint(1, 28))
        klacht = klacht_register(
            gemeente=gemeente,
            inwoner=inwoner,
            ingediend_door=inwoner.naam,
            ontvangen_op=ontvangen,
            onderwerp="De taxi naar de dagbesteding kwam drie keer te laat.",
            actor=backoffice,
        )
        klacht_settle(
            klacht=klacht,
            op=ontvangen + dt.timedelta(days=30),
            uitkomst="Excuses aangeboden; de vervoerder is aangesproken.",
            actor=backoffice,
        )
        klachten += 1
    lijsten = 0
    try:
        bewaren.vernietigingslijst_voorstellen(gemeente=gemeente, door=fg, vandaag=vandaag)
        lijsten = 1
    except ValidationError:
        pass  # nothing due on this peildatum (the demo's complaints are younger than 5 years)
    return {"verzoeken": verzoeken, "klachten": klachten, "lijsten": lijsten}
