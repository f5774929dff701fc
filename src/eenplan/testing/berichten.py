"""Builders for what a provider sends (305, 307, 315, 323, 302) about one toewijzing, and
receiving it as the worker would; and a stored message row as the services leave it, for the
message log pages. Shared by the message tests, the factories and the browser tests."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from typing import Any

from django.utils import timezone

from eenplan.aanbieders.models import Aanbieder
from eenplan.berichten.constants import Kanaal
from eenplan.berichten.models import Bericht, Toewijzing
from eenplan.berichten.services import bericht_ontvang, bericht_verwerk
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner
from eenplan.istandaarden import bouw, lees, voorbeelden
from eenplan.istandaarden import model as m
from eenplan.istandaarden.antwoorden import retourbericht

AGB = "98000001"


class TeVroegGedeclareerd(ValueError):
    """The test asked for a 323 whose period begins after its Dagtekening (see
    `Aanbiedersbericht.declaratie`)."""


class Aanbiedersbericht:
    """Builds what the provider sends about one toewijzing, as bytes."""

    def __init__(self, toewijzing: Toewijzing, agb: str = AGB, gemeente: str = "0983") -> None:
        self.t = toewijzing
        self.agb = agb
        self.gemeente = gemeente
        self.teller = 0

    def header(self, identificatie: str | None = None, dag: dt.date | None = None) -> m.Header:
        self.teller += 1
        return m.Header(
            afzender=self.agb,
            ontvanger=self.gemeente,
            bericht_identificatie=m.BerichtIdentificatie(
                identificatie or f"A{self.teller}", dag or timezone.localdate()
            ),
        )

    def _client(self) -> dict[str, Any]:
        i = self.t.inwoner
        return {
            "bsn": i.bsn,
            "geboortedatum": m.Geboortedatum(i.geboortedatum),
            "geslacht": "0",
            "naam": m.VerkorteNaam(m.Achternaam(i.achternaam)),
        }

    def start(self, begindatum: dt.date | None = None, *, nummer: int | None = None, **kw: Any):
        return m.Startbericht(
            wet="wmo",
            header=self.header(**kw),
            client=m.Client305(
                **self._client(),
                start_producten=[
                    m.StartProduct(
                        begindatum=begindatum or self.t.ingangsdatum,
                        toewijzing_nummer=nummer or self.t.nummer,
                        product=m.Product(self.t.productcategorie, self.t.productcode or None),
                        toewijzing_ingangsdatum=self.t.ingangsdatum,
                    )
                ],
            ),
        )

    def stop(self, begindatum: dt.date | None = None, einddatum: dt.date | None = None, **kw: Any):
        begin = begindatum or self.t.ingangsdatum
        return m.Stopbericht(
            wet="wmo",
            header=self.header(**kw),
            client=m.Client307(
                **self._client(),
                stop_producten=[
                    m.StopProduct(
                        begindatum=begin,
                        reden_beeindiging="19",
                        einddatum=einddatum or begin + dt.timedelta(days=30),
                        toewijzing_nummer=self.t.nummer,
                        product=m.Product(self.t.productcategorie, self.t.productcode or None),
                        toewijzing_ingangsdatum=self.t.ingangsdatum,
                    )
                ],
            ),
        )

    def declaratie(
        self,
        volume: int,
        *,
        ref: str = "P1",
        nummer: str = "D1",
        tarief: int = 2990,
        maand: int = 0,
        **kw: Any,
    ):
        """A 323 with one prestatie; `tarief` in cents per unit (the test world's contract
        tariff, `factories.gecontracteerd`: 29.90, so TR418 holds). `maand`: the claim for the
        n-th month after the toewijzing's first — a provider claims each month once, in order
        (TR318).

        The month still running on the message's Dagtekening (`dag`, default today) is
        clamped to end on the Dagtekening, so the claim never covers days that have not come
        (TR137: no period ends after the Dagtekening). A claim whose days all lie after the
        Dagtekening — a month to come, or a toewijzing that begins later — is refused with
        `TeVroegGedeclareerd`: no provider sends it, and a test built on it would rest on a
        claim the municipality must refuse. Claim later months of a toewijzing that began in
        an earlier month (`berichten/tests/conftest.py`: `eerdere_toewijzing`)."""
        begin = self.t.ingangsdatum.replace(day=1)
        for _ in range(maand):
            begin = (begin + dt.timedelta(days=32)).replace(day=1)
        eind = (begin + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        begin = max(begin, self.t.ingangsdatum)
        dag = kw.get("dag") or timezone.localdate()
        if begin > dag:
            raise TeVroegGedeclareerd(
                f"Declaratie van {begin:%d-%m-%Y} tot en met {eind:%d-%m-%Y} met dagtekening "
                f"{dag:%d-%m-%Y}: die periode begint na de dagtekening (maand={maand}, toewijzing "
                f"vanaf {self.t.ingangsdatum:%d-%m-%Y}). Een aanbieder declareert een maand pas "
                "als die (deels) voorbij is (TR137). Laat de toewijzing in een eerdere maand "
                "beginnen of kies een latere dagtekening."
            )
        eind = min(eind, dag)
        return m.Declaratiebericht(
            wet="wmo",
            header=self.header(**kw),
            declaratie=m.Declaratie(
                declaratie_nummer=nummer,
                declaratie_periode=m.GeslotenPeriode(begin.replace(day=1), eind),
                declaratie_dagtekening=dag,
                totaal_ingediend_bedrag=m.TotaalBedragMetDC(volume * tarief, "D"),
                clienten=[
                    m.DeclaratieClient(
                        bsn=self.t.inwoner.bsn,
                        prestaties=[
                            m.Prestatie(
                                product_referentie=m.Referentie(ref),
                                toewijzing_nummer=self.t.nummer,
                                product_categorie=self.t.productcategorie,
                                product_code=self.t.productcode,
                                product_periode=m.GeslotenPeriode(begin, eind),
                                geleverd_volume=volume,
                                eenheid=self.t.eenheid,
                                product_tarief=tarief,
                                ingediend_bedrag=m.BedragMetDC(volume * tarief, "D"),
                            )
                        ],
                    )
                ],
            ),
        )

    def verzoek(self, **kw: Any):
        return m.VerzoekOmToewijzing(
            wet="wmo",
            header=self.header(**kw),
            client=m.Client315(
                **self._client(),
                aangevraagde_producten=[
                    m.AangevraagdProduct(
                        referentie_aanbieder="REF-1",
                        toewijzing_ingangsdatum=timezone.localdate() + dt.timedelta(days=7),
                        verwijzer=m.Verwijzer(type="01"),
                        product=m.Product(self.t.productcategorie, self.t.productcode or None),
                        omvang=m.Omvang(volume=2, eenheid="04", frequentie="2"),
                    )
                ],
            ),
        )

    def retour_op(self, verzonden: Bericht, *, codes: list[str] | None = None):
        heen = lees(bytes(verzonden.inhoud))
        if codes:
            heen = copy.deepcopy(heen)
            heen.client.toegewezen_producten[0].retourcodes = codes
        return retourbericht(heen, identificatie="R1", dagtekening=timezone.localdate())


def ontvang(
    bericht: Any, *, aanbieder: Aanbieder | None = None, kanaal: str = Kanaal.MAP
) -> Bericht:
    """Receive and process one message (bytes or a library message) as the worker would."""
    inhoud = bericht if isinstance(bericht, bytes) else bouw(bericht)
    rij, _nieuw = bericht_ontvang(inhoud=inhoud, kanaal=kanaal, aanbieder=aanbieder)
    return bericht_verwerk(rij.pk)


def antwoord_op(bericht: Bericht) -> Any:
    """The retour or answer the municipality sent on `bericht`, read back."""
    rij = bericht.antwoorden.get()
    return lees(bytes(rij.inhoud))


def bericht(
    gemeente: Gemeente,
    aanbieder: Aanbieder | None,
    inwoner: Inwoner | None = None,
    *,
    code: str = "323",
    status: str = "verwerkt",
    codes: tuple[str, ...] | list[str] = (),
    moment: Any = None,
    inhoud: bytes | None = None,
    richting: str = "in",
    **kw: Any,
) -> Bericht:
    """A stored message (by default a processed WMO323 of `aanbieder` about `inwoner`)."""
    data = inhoud if inhoud is not None else bouw(voorbeelden.declaratie("wmo"))
    b = Bericht.objects.create(
        richting=richting,
        kanaal="api",
        gemeente=gemeente,
        aanbieder=aanbieder,
        soort=f"WMO{code}" if code else "",
        code=code,
        wet="wmo",
        afzender=aanbieder.agb_code if aanbieder else "",
        ontvanger="0363",
        identificatie=kw.pop("identificatie", str(Bericht.objects.count() + 1)),
        inhoud=data,
        sha256=hashlib.sha256(data).hexdigest(),
        status=status,
        retourcodes=list(codes),
        moment=moment or timezone.now(),
        **kw,
    )
    if inwoner is not None:
        b.inwoners.add(inwoner)
    return b
