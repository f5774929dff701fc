"""Demo meldingen: a year of the front door, in every state, some overdue.

Made through the meldingen services (the one way to write them), so deadlines, history,
notifications and need-to-know access are exactly what the application itself produces.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from eenplan.demo.plannen import build_onderzoek_en_plan
from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen import services
from eenplan.meldingen.constants import Doorzetting, Kanaal, MelderSoort, Status, Urgentie

# About 3 meldingen per 100 residents a year (Wmo, Jeugd, Participatie and debts together).
MELDINGEN_PER_INWONER = 0.03
# Onderzoeken and plans are made in full through the services (about 0.1 s each); enough to
# show every state, and the 100,000-resident demo stays within its two minutes.
MAX_ONDERZOEKEN = 150

VRAGEN = {
    "wmo": [
        "Mijn moeder redt het huishouden niet meer sinds haar heupoperatie.",
        "Ik kan de trap niet meer op en wil graag beneden slapen.",
        "Mijn man is dementerend; ik ben als mantelzorger overbelast.",
        "Ik zit veel alleen thuis en zou graag onder de mensen komen.",
        "Ik heb hulp nodig bij het douchen en aankleden.",
        "Vervoer naar de dagbesteding lukt niet meer zelfstandig.",
    ],
    "jeugd": [
        "Onze zoon gaat al weken niet naar school.",
        "Onze dochter heeft veel woedebuien; we weten niet meer wat we moeten doen.",
        "De huisarts verwijst onze zoon naar jeugd-ggz.",
        "School maakt zich zorgen over de ontwikkeling van ons kind.",
    ],
    "participatie": [
        "Ik ben mijn baan kwijt en weet niet hoe ik rond moet komen.",
        "Ik wil graag weer aan het werk, maar weet niet waar te beginnen.",
    ],
    "schulden": [
        "De rekeningen stapelen zich op; er komt een deurwaarder.",
        "Ik heb een betalingsachterstand bij de woningcorporatie.",
    ],
}
MELDERS = [
    (MelderSoort.ZELF, 45),
    (MelderSoort.NETWERK, 27),
    (MelderSoort.HUISARTS, 9),
    (MelderSoort.PARTNER, 6),
    (MelderSoort.SCHOOL, 3),
    (MelderSoort.JEUGDARTS, 3),
    (MelderSoort.POLITIE, 2),
    (MelderSoort.GECERTIFICEERDE_INSTELLING, 1),
    (MelderSoort.ANONIEM, 4),
]
KANALEN = [
    (Kanaal.TELEFOON, 40),
    (Kanaal.WEBFORMULIER, 25),
    (Kanaal.EMAIL, 12),
    (Kanaal.INLOOP, 10),
    (Kanaal.VERWIJZING, 9),
    (Kanaal.BRIEF, 4),
]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def build_meldingen(
    *, gemeente: Gemeente, rng: random.Random, vandaag: dt.date, aantal: int
) -> int:
    """Create `aantal` meldingen received over the past year and move each to a state that
    fits its age. Returns the number created."""
    door = Medewerker.objects.select_related("user").get(user__username="midoffice").user
    ids = list(Inwoner.objects.filter(gemeente=gemeente).values_list("id", flat=True))
    chosen = [rng.choice(ids) for _ in range(aantal)]
    inwoners = Inwoner.objects.select_related("wijk").in_bulk(chosen)
    created = 0
    budget = [min(MAX_ONDERZOEKEN, max(10, aantal // 4))]
    for index, inwoner_id in enumerate(chosen):
        inwoner = inwoners[inwoner_id]
        leeftijd = inwoner.leeftijd_op(vandaag)
        # Every 25th melding came in this week, so the mid-office always has some to screen.
        dagen = rng.randint(0, 3) if index % 25 == 0 else rng.randint(0, 365)
        ontvangen = vandaag - dt.timedelta(days=dagen)
        domeinen = ["jeugd"] if leeftijd < 18 else ["wmo"]
        if leeftijd >= 18 and rng.random() < 0.15:
            domeinen.append("participatie")
        if leeftijd >= 18 and rng.random() < 0.10:
            domeinen.append("schulden")
        melder = _pick(rng, MELDERS)
        if leeftijd < 18 and melder in (MelderSoort.PARTNER, MelderSoort.POLITIE):
            melder = MelderSoort.SCHOOL
        unknown = dagen < 20 and index % 40 == 0
        melding = services.melding_register(
            gemeente=gemeente,
            actor=door,
            melder_soort=melder,
            kanaal=_pick(rng, KANALEN),
            vraag=rng.choice(VRAGEN[domeinen[-1]]),
            ontvangen_op=ontvangen,
            domeinen=domeinen,
            inwoner=None if unknown else inwoner,
            onbekende_persoon=f"Bewoner van {inwoner.straat}, naam niet bekend" if unknown else "",
            melder_naam="" if melder == MelderSoort.ANONIEM else "Demo-melder",
            urgentie=Urgentie.SPOED if rng.random() < 0.03 else Urgentie.NORMAAL,
            vandaag=vandaag,
        )
        created += 1
        if dagen <= 3 or unknown:
            continue  # still to be screened
        _advance(melding, rng=rng, dagen=dagen, door=door, vandaag=vandaag, budget=budget)
    return created


def _advance(
    melding: services.Melding,
    *,
    rng: random.Random,
    dagen: int,
    door: AbstractBaseUser,
    vandaag: dt.date,
    budget: list[int],
) -> None:
    """Move a melding along the route a real one of this age would have taken."""
    roll = rng.random()
    if roll < 0.22:
        services.melding_answer(
            melding=melding,
            actor=door,
            antwoord=("Verwezen naar de sociale kaart: algemene voorziening in de wijk."),
        )
        return
    if roll < 0.32:
        naar = rng.choice(
            [
                Doorzetting.BACKOFFICE,
                Doorzetting.WERKPLEIN,
                Doorzetting.VEILIG_THUIS,
                Doorzetting.EXTERN,
            ]
        )
        services.melding_forward(
            melding=melding,
            actor=door,
            naar=naar,
            organisatie="Humanitas thuisadministratie" if naar == Doorzetting.EXTERN else "",
        )
        return
    try:
        services.melding_assign(melding=melding, actor=door, vandaag=vandaag)
    except ValidationError:
        return  # e.g. no professional with a valid registration: stays with the mid-office
    if budget[0] > 0:
        budget[0] -= 1
        build_onderzoek_en_plan(
            melding, rng=rng, door=melding.medewerker.user, vandaag=vandaag, dagen=dagen
        )
        # The melding follows its onderzoek and plan (meldingen.subscribers): it may be in
        # onderzoek now, or closed by the rule already.
        melding.refresh_from_db()
    if melding.status == Status.AFGESLOTEN:
        return
    if dagen > 70 and rng.random() < 0.85:
        services.melding_close(
            melding=melding, actor=door, toelichting="Onderzoek afgerond; plan opgesteld."
        )
    elif 10 < dagen <= 42 and rng.random() < 0.12:
        van = melding.ontvangen_op + dt.timedelta(days=rng.randint(1, 5))
        opschorting = services.melding_suspend(
            melding=melding, actor=door, van=van, reden="Wacht op medische gegevens van de inwoner"
        )
        if rng.random() < 0.5:
            tot = min(vandaag, van + dt.timedelta(days=rng.randint(3, 14)))
            services.melding_resume(opschorting=opschorting, actor=door, tot=tot)
