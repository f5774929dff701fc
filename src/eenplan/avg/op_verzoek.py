"""Destroying a resident's records at their request before the retention period ends (Jeugdwet
art. 7.3.9 and Wmo 2015 art. 5.3.5, with AVG art. 17 lid 1; ADR 0042).

Which records the law lets go: those of a law with a right to destruction on request in the
dated rule data (`rules.avg.recht_op_vernietiging`: the Jeugdwet and the Wmo 2015). In eenplan
those are the resident's own youth care and Wmo records:

- every aanvraag under the Jeugdwet or the Wmo 2015, with all its beschikkingen, their letters,
  bezwaren that were decided (their beroep term over) and the iJw/iWmo messages about them;
- every melding that is only about youth care and Wmo support (not also work and income, debts
  or something else), with its onderzoek (the kitchen-table conversation, the verslag, the ZRM
  scores).

What stays: the resident (the request itself refers to them and is kept under selectielijst
6.1), every Participatiewet and debt-help record (no such right in those laws: AVG art. 17 lid 3
onder b and the Archiefwet, see docs/privacy.md), and what is also someone else's record (a
household's plan and its goals and evaluations, a mantelzorger's burden recorded in an
onderzoek, a debt signal): a record such a row refers to stays, its line says why.

Nothing is destroyed while a bezwaar runs, the beroep term is open or a legal hold lasts
(`bewaren.blokkades`): the grant is refused with the reason and nothing changes. The destruction
goes through the existing machinery (`bewaren._vernietig`: each table by the app that owns it,
the events of the destroyed records with them) and is recorded as a destruction list with the
request's number: the verklaring van vernietiging. The access log keeps its rows about the
resident (the resident stays; the rows are the record of who read the file and why, AVG art. 5
lid 2); it is pseudonymised when the resident's dossier itself is destroyed, as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from eenplan.avg import bewaren
from eenplan.avg.bewaren import Records, Soort
from eenplan.avg.constants import LijstStatus
from eenplan.avg.models import AvgVerzoek, Bewaartermijn, Vernietigingslijst, VernietigingsRegel
from eenplan.inwoners.models import Inwoner
from eenplan.rules.avg import recht_op_vernietiging, wetten_met_recht_op_vernietiging

# Rows that are also other people's record: a youth record they refer to is not destroyed.
BEHOUDEN = frozenset(
    {
        "inwoners.huishouden",
        "plannen.plan",
        "plannen.doel",
        "plannen.evaluatie",
        "plannen.voorstel",
        "mantelzorg.belasting",
        "schuldhulp.vroegsignaal",
        "participatie.levensonderhoudaanvraag",
    }
)
# The domains of a melding (meldingen.Melding's flags) and the law each stands for: a melding
# goes only when every domain it is about is one of a law with a right to destruction.
DOMEIN_VAN_WET = {"jeugd": "jeugd", "wmo": "wmo"}
DOMEINEN = ("jeugd", "wmo", "participatie", "schulden", "overig")


def _model(label: str) -> Any:
    return apps.get_model(label)


def _beschikkingen_mee(aanvraag: Any) -> Records:
    """An aanvraag goes with all its beschikkingen (the same case)."""
    pks = list(
        _model("beschikkingen.Beschikking")
        .objects.filter(aanvraag_id=aanvraag.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return [(_model("beschikkingen.Beschikking"), pks)] if pks else []


def _aanvraag_regel(aanvraag: Any) -> str:
    """The retention rule the aanvraag would have been kept under (for the verklaring): a youth
    provision granted (8.3.2), a Wmo provision granted (8.3.1), or everything refused (8.2)."""
    gegeven = (
        _model("beschikkingen.BeschikteVoorziening")
        .objects.filter(beschikking__aanvraag=aanvraag, uitkomst__in=bewaren.GEGEVEN)
        .exists()
    )
    if not gegeven:
        return "aanvraag_geweigerd"
    return "beschikking_jeugd" if aanvraag.wet == "jeugd" else "beschikking_wmo"


JEUGD_AANVRAAG = Soort(
    code="jeugd_aanvraag",
    label="Aanvraag jeugdhulp met beschikkingen en brieven (op verzoek)",
    model="beschikkingen.Aanvraag",
    ingang=lambda r: r.ontvangen_op,
    ingang_veld="ontvangen_op",
    inwoner_pad="inwoner",
    gemeente_pad="gemeente",
    kenmerk=lambda r: f"AANVRAAG-{r.ontvangen_op:%Y}-{r.pk:06d}",
    regel_soort=_aanvraag_regel,
    zelfstandig_mee=frozenset(
        {"beschikkingen.beschikking", "bezwaren.bezwaar", "berichten.bericht"}
    ),
    meenemen=_beschikkingen_mee,
    behouden=BEHOUDEN,
)

WMO_AANVRAAG = dataclasses.replace(
    JEUGD_AANVRAAG,
    code="wmo_aanvraag",
    label="Aanvraag Wmo-ondersteuning met beschikkingen en brieven (op verzoek)",
)

JEUGD_MELDING = Soort(
    code="jeugd_melding",
    label="Melding over jeugdhulp met het onderzoek (op verzoek)",
    model="meldingen.Melding",
    ingang=lambda r: r.ontvangen_op,
    ingang_veld="ontvangen_op",
    inwoner_pad="inwoner",
    gemeente_pad="gemeente",
    kenmerk=lambda r: f"M-{r.ontvangen_op:%Y}-{r.pk:06d}",
    regel_soort=lambda r: "beschikking_jeugd",
    zelfstandig_mee=frozenset({"onderzoeken.onderzoek"}),
    behouden=BEHOUDEN,
)

# A melding about Wmo support (possibly with youth care too): kept, had it stayed, under the
# category of the longer period when it is also about youth care.
WMO_MELDING = dataclasses.replace(
    JEUGD_MELDING,
    code="wmo_melding",
    label="Melding over Wmo-ondersteuning met het onderzoek (op verzoek)",
    regel_soort=lambda r: "beschikking_jeugd" if r.jeugd else "beschikking_wmo",
)

SOORTEN_OP_VERZOEK = {
    s.code: s for s in (JEUGD_AANVRAAG, WMO_AANVRAAG, JEUGD_MELDING, WMO_MELDING)
}
AANVRAAG_SOORT = {"jeugd": JEUGD_AANVRAAG, "wmo": WMO_AANVRAAG}


@dataclass
class Item:
    """One record a granted request destroys."""

    soort: Soort
    record: Any

    @property
    def kenmerk(self) -> str:
        return self.soort.kenmerk(self.record)


@dataclass
class Beoordeling:
    """What granting the request would destroy, and why it cannot be granted now ('' when it
    can). For the privacy officer's assessment; no personal data beyond case numbers."""

    items: list[Item]
    blokkade: str
    wetten: frozenset[str]


def gegevens_op_verzoek(inwoner: Inwoner, wetten: frozenset[str]) -> list[Item]:
    """The resident's own records under `wetten` (the laws with a right to destruction on
    request; see the module text): the aanvragen oldest first, then the meldingen. Two
    queries."""
    if not wetten:
        return []
    aanvragen = _model("beschikkingen.Aanvraag").objects.filter(
        inwoner=inwoner, gemeente_id=inwoner.gemeente_id, wet__in=sorted(wetten)
    )
    domeinen = {DOMEIN_VAN_WET[w] for w in wetten if w in DOMEIN_VAN_WET}
    items = [Item(AANVRAAG_SOORT[a.wet], a) for a in aanvragen.order_by("ontvangen_op", "pk")]
    if domeinen:
        meldingen = _model("meldingen.Melding").objects.filter(
            reduce(operator.or_, (Q(**{d: True}) for d in sorted(domeinen))),
            inwoner=inwoner,
            gemeente_id=inwoner.gemeente_id,
        )
        for veld in DOMEINEN:
            if veld not in domeinen:
                meldingen = meldingen.exclude(**{veld: True})
        items += [
            Item(WMO_MELDING if m.wmo else JEUGD_MELDING, m)
            for m in meldingen.order_by("ontvangen_op", "pk")
        ]
    return items


def _wetten(ontvangen_op: dt.date) -> frozenset[str]:
    """The laws that give a right to destruction for a request received on that day."""
    return frozenset(
        w
        for w in wetten_met_recht_op_vernietiging()
        if recht_op_vernietiging(w, ontvangen_op) is not None
    )


def artikelen(ontvangen_op: dt.date) -> str:
    """The articles that give the right, for the verklaring and the pages ("Jeugdwet art.
    7.3.9 en Wmo 2015 art. 5.3.5")."""
    rechten = [recht_op_vernietiging(w, ontvangen_op) for w in sorted(_wetten(ontvangen_op))]
    return " en ".join(r.artikel for r in rechten if r is not None)


def beoordelen(verzoek: AvgVerzoek, *, vandaag: dt.date | None = None) -> Beoordeling:
    """What a grant of this request would destroy now, and what blocks it."""
    vandaag = vandaag or timezone.localdate()
    wetten = _wetten(verzoek.ontvangen_op)
    items = gegevens_op_verzoek(verzoek.inwoner, wetten)
    blok = bewaren.blokkades({verzoek.inwoner_id}, vandaag=vandaag)
    return Beoordeling(items=items, blokkade=blok.get(verzoek.inwoner_id, ""), wetten=wetten)


GEBLOKKEERD = (
    "Er is niets vernietigd. {reden} Zolang dat zo is verzet de wet zich tegen vernietiging "
    "(Jeugdwet art. 7.3.9 lid 2, Wmo 2015 art. 5.3.5 lid 2): wijs het verzoek af met die grond, "
    "of wacht tot het voorbij is."
)


def _regel(soort: Soort, record: Any, vandaag: dt.date) -> Bewaartermijn:
    """The selectielijst rule the record would have been kept under (the one for its date, else
    the one in force today): the verklaring names the category of what went."""
    code = soort.regel_soort(record) if soort.regel_soort else soort.code
    ingang = bewaren._datum(soort.ingang(record))
    regel = bewaren.regel_voor(bewaren._regels(code), ingang) or bewaren.bewaartermijn_op(
        code, vandaag
    )
    if regel is None:
        raise ValidationError(f"Er is geen bewaartermijn voor '{code}'; er is niets vernietigd.")
    return regel


def vernietigen(
    verzoek: AvgVerzoek, *, door: Any, vandaag: dt.date | None = None
) -> Vernietigingslijst | None:
    """Destroy the youth care and Wmo records a granted request lets go, inside the caller's
    transaction (the grant): refused as a whole (ValidationError, nothing changed) when the
    resident's records are blocked. Each record in its own savepoint: one that is still
    referred to by someone else's record stays and its line says why. Returns the destruction
    list (the verklaring), or None when there was nothing (left) to destroy."""
    vandaag = vandaag or timezone.localdate()
    # the resident's row under lock first: a destruction on another request waits for this one
    Inwoner.objects.select_for_update().filter(pk=verzoek.inwoner_id).first()
    beoordeling = beoordelen(verzoek, vandaag=vandaag)
    if beoordeling.blokkade:
        raise ValidationError(GEBLOKKEERD.format(reden=beoordeling.blokkade))
    if not beoordeling.items:
        return None
    grond = " en ".join(
        f"{recht.artikel} lid 1"
        for w in sorted(beoordeling.wetten)
        if (recht := recht_op_vernietiging(w, verzoek.ontvangen_op)) is not None
    )
    lijst = Vernietigingslijst.objects.create(
        gemeente_id=verzoek.gemeente_id,
        status=LijstStatus.IN_UITVOERING,
        peildatum=vandaag,
        reden=(
            f"Vernietigd op verzoek van de betrokkene ({verzoek.kenmerk}) voor het einde van de "
            f"bewaartermijn: {grond} met AVG art. 17 lid 1."
        )[:300],
        voorgesteld_door=door,
        goedgekeurd_door=door,
        avg_verzoek_nummer=verzoek.pk,
    )
    regels = [
        VernietigingsRegel(
            lijst=lijst,
            soort=item.soort.code,
            record_soort=item.record._meta.label_lower,
            record_id=item.record.pk,
            kenmerk=item.kenmerk,
            bewaartermijn=_regel(item.soort, item.record, vandaag),
            ingang=bewaren._datum(item.soort.ingang(item.record)) or vandaag,
            vernietigbaar_vanaf=vandaag,
        )
        for item in beoordeling.items
    ]
    VernietigingsRegel.objects.bulk_create(regels)
    mee = {(r.record_soort, r.record_id) for r in regels}
    betrokken = {verzoek.inwoner_id}
    for regel, item in zip(lijst.regels.order_by("id"), beoordeling.items, strict=True):
        try:
            with transaction.atomic():
                record = type(item.record)._base_manager.filter(pk=item.record.pk).first()
                if record is None:
                    raise bewaren.NogInGebruik(f"{regel.kenmerk}: bestaat niet meer.")
                regel.vernietigd = bewaren._vernietig(
                    record, item.soort, mee=mee, betrokken=betrokken
                )
                regel.save(update_fields=["vernietigd"])
        except ValidationError as exc:
            regel.niet_vernietigd = " ".join(exc.messages)[:300]
            regel.save(update_fields=["niet_vernietigd"])
    lijst.status = LijstStatus.VERNIETIGD
    lijst.vernietigd_op = timezone.now()
    lijst.save(update_fields=["status", "vernietigd_op", "updated_at"])
    return lijst


def lijst_van_verzoek(verzoek: AvgVerzoek) -> Vernietigingslijst | None:
    """The destruction list (verklaring) a granted request made, if any."""
    return (
        Vernietigingslijst.objects.filter(
            Q(avg_verzoek_nummer=verzoek.pk), gemeente_id=verzoek.gemeente_id
        )
        .order_by("-id")
        .first()
    )
