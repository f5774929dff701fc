"""Demo content of purpose-bound sharing (issue 17), through the uitwisseling services: in the
households Wijkteam Noord holds, exchanges with partners outside the team — approved, refused
by a professional on grounds of secrecy and asked anew, ended — a gezinscoach delivering to a
family with delivery notes and an approved exchange of the onderzoek with them, so the pages,
the recipient's view and the council's figures all show something."""

from __future__ import annotations

import datetime as dt
import random

from django.core.exceptions import ValidationError

from eenplan.gemeente.models import Gemeente, Medewerker
from eenplan.inwoners.models import Huishouden
from eenplan.privacy import access
from eenplan.rules import uitwisseling as regels
from eenplan.uitwisseling import selectors, services
from eenplan.uitwisseling.constants import Doelsoort, Grondslag, OntvangerSoort

ONTVANGERS = [
    (OntvangerSoort.HUISARTS, "Huisartsenpraktijk De Maas, dokter Peters", Doelsoort.AFSTEMMEN),
    (OntvangerSoort.SCHOOL, "Basisschool De Wilg, intern begeleider", Doelsoort.SCHOOL_ZORG),
    (OntvangerSoort.AANBIEDER, "Thuiszorg West, wijkverpleging", Doelsoort.UITVOEREN),
    (OntvangerSoort.VEILIG_THUIS, "Veilig Thuis Limburg-Noord", Doelsoort.VEILIGHEID),
    (OntvangerSoort.REGIONAAL_TEAM, "Regionaal team jeugd Noord-Limburg", Doelsoort.OVERDRACHT),
    (OntvangerSoort.DEELNEMER, "Stichting Welzijn, schuldhulp", Doelsoort.AFSTEMMEN),
]
ANTWOORDEN = {
    "vraag_gegevens": "Alleen de gekozen gegevens, tussen de generalist van het wijkteam en de "
    "ontvanger, bij de start van de hulp.",
    "vraag_doel": "De hulp van de ontvanger afstemmen op het plan van het huishouden.",
    "vraag_noodzaak": "Zonder deze gegevens moet het huishouden zijn verhaal opnieuw doen; "
    "een gesprek met het huishouden erbij is geprobeerd en volstaat niet.",
    "vraag_grondrechten": "Alleen de gekozen soorten, alleen deze periode, elke inzage "
    "vastgelegd; de professional kan weigeren op grond van beroepsgeheim.",
    "vraag_rechten": "Het huishouden is geïnformeerd, kan inzage vragen en bezwaar maken.",
}
WEIGERINGEN = [
    "Beroepsgeheim: moeder heeft dit in vertrouwen verteld en wil niet dat school het weet.",
    "Beroepsethiek: delen schaadt het vertrouwen in de hulp op dit moment.",
]


def build_uitwisselingen(
    *, gemeente: Gemeente, vandaag: dt.date, rng: random.Random, aantal: int = 24
) -> int:
    """Exchanges in the households Wijkteam Noord holds (the `generalist` asks and decides,
    `jeugd` refuses some), and the `gezinscoach` delivering to one family. Returns how many
    exchanges were made."""
    generalist = Medewerker.objects.get(user__username="generalist").user
    jeugd = Medewerker.objects.get(user__username="jeugd").user
    coach = Medewerker.objects.get(user__username="gezinscoach")
    huishoudens = list(
        Huishouden.objects.filter(gemeente=gemeente)
        .filter(access.huishouden_scope_q(generalist, veld="pk"))
        .order_by("pk")[:400]
    )
    # The youth professional vetoes only in households within their own need-to-know; in
    # the others the generalist (also a participating professional) refuses.
    in_jeugd_scope = set(
        Huishouden.objects.filter(pk__in=[h.pk for h in huishoudens])
        .filter(access.huishouden_scope_q(jeugd, veld="pk"))
        .values_list("pk", flat=True)
    )
    # Households with an onderzoek first: their exchanges can share more than personalia.
    met_onderzoek = [
        h for h in huishoudens[:200] if regels.ONDERZOEK in selectors.categorieen_in_dossier(h)
    ]
    gemaakt = 0
    if met_onderzoek:
        gezin = met_onderzoek[0]
        uitvoering = services.uitvoering_toewijzen(
            door=generalist, huishouden=gezin, medewerker=coach, van=vandaag
        )
        for tekst in (
            "Kennismaking thuis: het gezin wil vooral rust in de ochtend.",
            "Tweede bezoek: weekplanning gemaakt; volgende keer met school afstemmen.",
        ):
            services.uitvoeringsnotitie_add(door=coach.user, uitvoering=uitvoering, tekst=tekst)
        gedeeld = services.uitwisseling_vraag(
            door=generalist,
            huishouden=gezin,
            ontvanger_soort=OntvangerSoort.GEZINSCOACH,
            ontvanger_naam=f"Gezinscoach {coach}",
            ontvanger_medewerker=coach,
            categorieen=[regels.PERSONALIA, regels.ONDERZOEK],
            doelsoort=Doelsoort.UITVOEREN,
            antwoorden=ANTWOORDEN,
            grondslag=Grondslag.WETTELIJKE_PLICHT,
            van=vandaag,
            tot=vandaag + dt.timedelta(days=180),
        )
        services.uitwisseling_goedkeuren(door=generalist, uitwisseling=gedeeld)
        gemaakt += 1
    kandidaten = met_onderzoek[1:] + [h for h in huishoudens if h not in met_onderzoek]
    for i, huishouden in enumerate(kandidaten[: max(0, aantal - gemaakt)]):
        soort, naam, doel = ONTVANGERS[i % len(ONTVANGERS)]
        aanwezig = selectors.categorieen_in_dossier(huishouden)
        categorieen = [c for c in (regels.PERSONALIA, regels.PLAN, regels.ONDERZOEK)
                       if c in aanwezig][: rng.randint(1, 2)]
        begin = vandaag - dt.timedelta(days=rng.randint(0, 200))
        try:
            uitwisseling = services.uitwisseling_vraag(
                door=generalist,
                huishouden=huishouden,
                ontvanger_soort=soort,
                ontvanger_naam=naam,
                categorieen=categorieen,
                doelsoort=doel,
                antwoorden=ANTWOORDEN,
                grondslag=Grondslag.MELDCODE if soort == OntvangerSoort.VEILIG_THUIS
                else Grondslag.WETTELIJKE_PLICHT,
                van=begin,
                tot=begin + dt.timedelta(days=rng.choice([30, 90, 365])),
            )
        except ValidationError:
            continue
        gemaakt += 1
        lot = i % 6
        if lot in (0, 1, 2):
            services.uitwisseling_goedkeuren(door=generalist, uitwisseling=uitwisseling)
        elif lot == 3:
            geweigerd = services.uitwisseling_weigeren(
                door=jeugd if huishouden.pk in in_jeugd_scope else generalist,
                uitwisseling=uitwisseling,
                reden=WEIGERINGEN[i % 2],
            )
            if i % 12 == 3:  # asked anew, still to decide
                services.uitwisseling_vraag(
                    door=generalist,
                    huishouden=huishouden,
                    ontvanger_soort=soort,
                    ontvanger_naam=naam,
                    categorieen=categorieen[:1],
                    doelsoort=doel,
                    antwoorden=ANTWOORDEN,
                    grondslag=Grondslag.WETTELIJKE_PLICHT,
                    van=vandaag,
                    tot=vandaag + dt.timedelta(days=30),
                    vorige=geweigerd,
                )
                gemaakt += 1
        elif lot == 4:
            services.uitwisseling_goedkeuren(door=generalist, uitwisseling=uitwisseling)
            services.uitwisseling_beeindigen(
                door=generalist, uitwisseling=uitwisseling, reden="De hulp is afgerond."
            )
        # lot 5: asked, waiting for a decision
    return gemaakt
