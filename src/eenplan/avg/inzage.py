"""The complete record of one person for an inzage (AVG art. 15): their data, the documents,
and who looked at it and why, as one machine-readable structure (JSON) and a readable, tagged
PDF (common.pdf, as the letters).

What belongs to a person is found, not listed: starting from the resident and the households
they belong to, every row of eenplan's models that refers to one already found (through a
foreign key) is found too, level by level. A row that names residents (a foreign key to
`inwoners.Inwoner`) belongs to this person only when one of those is this person: a household
member's goal or membership is that member's data, not this person's (AVG art. 15 lid 4). So
an app added later is in the inzage without anyone listing it; `tests/test_inzage_volledig.py`
checks it against Django's own collector over everything the shared scenarios make.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from eenplan.avg.relaties import verwijzers
from eenplan.common.pdf import tekst_naar_pdf
from eenplan.gemeente.constants import Rol
from eenplan.gemeente.models import Medewerker
from eenplan.inwoners.models import HuishoudenLid, Inwoner
from eenplan.privacy.constants import Grond
from eenplan.privacy.models import Inwoneraccount

INWONER = "inwoners.inwoner"
HUISHOUDEN = "inwoners.huishouden"


@dataclass
class Onderdeel:
    """All rows of one model that belong to the person."""

    model: str  # label_lower, e.g. "meldingen.melding"
    naam: str  # verbose_name_plural
    rijen: list[models.Model] = field(default_factory=list)


def _inwoner_velden(model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model is Inwoner
    ]


def _van_persoon(rij: models.Model, velden: list[str], inwoner_id: int) -> bool:
    """A row that names residents belongs to the person only if it names them."""
    if not velden:
        return True
    return any(getattr(rij, v) == inwoner_id for v in velden)


def verzamel(inwoner: Inwoner) -> dict[str, Onderdeel]:
    """Every row that belongs to `inwoner`, per model (label_lower), the resident first. One
    query per (model, relation) that can reach a found row."""
    gevonden: dict[str, Onderdeel] = {}
    gezien: set[tuple[str, Any]] = set()

    def voeg_toe(rijen: list[models.Model]) -> list[models.Model]:
        nieuw = []
        for rij in rijen:
            sleutel = (rij._meta.label_lower, rij.pk)
            if sleutel in gezien:
                continue
            gezien.add(sleutel)
            onderdeel = gevonden.setdefault(
                rij._meta.label_lower,
                Onderdeel(rij._meta.label_lower, str(rij._meta.verbose_name_plural)),
            )
            onderdeel.rijen.append(rij)
            nieuw.append(rij)
        return nieuw

    rand = voeg_toe([inwoner])
    huishoudens = [
        lid.huishouden
        for lid in HuishoudenLid.objects.filter(inwoner=inwoner)
        .select_related("huishouden")
        .order_by("pk")
    ]
    rand += voeg_toe(huishoudens)
    while rand:
        per_model: dict[type[models.Model], list[Any]] = {}
        for rij in rand:
            per_model.setdefault(type(rij), []).append(rij.pk)
        rand = []
        for model, pks in per_model.items():
            for kind, attname in verwijzers().get(model, ()):
                velden = _inwoner_velden(kind)
                rijen = [
                    r
                    for r in kind._base_manager.filter(**{f"{attname}__in": pks}).order_by("pk")
                    if _van_persoon(r, velden, inwoner.pk)
                ]
                rand += voeg_toe(rijen)
    return gevonden


# --- one row as data ------------------------------------------------------------------------


def _waarde(rij: models.Model, veld: models.Field) -> Any:
    waarde = getattr(rij, veld.attname)
    if isinstance(veld, models.BinaryField):
        return None  # documents are listed apart, with their content
    if veld.choices and waarde not in (None, ""):
        return {"code": waarde, "betekenis": str(dict(veld.flatchoices).get(waarde, waarde))}
    return waarde


def rij_gegevens(rij: models.Model) -> dict[str, Any]:
    """The row's fields by name (foreign keys as `<naam>_id`), choices with their meaning;
    binary documents are left out here (see `documenten`)."""
    return {
        veld.attname: _waarde(rij, veld)
        for veld in rij._meta.concrete_fields
        if not isinstance(veld, models.BinaryField)
    }


@dataclass(frozen=True)
class Document:
    model: str
    record_id: Any
    veld: str
    titel: str
    inhoud: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.inhoud).hexdigest()


def documenten(gevonden: dict[str, Onderdeel]) -> Iterator[Document]:
    """The stored documents (letters and verslagen as PDF, received files) among the rows."""
    for onderdeel in gevonden.values():
        for rij in onderdeel.rijen:
            for veld in rij._meta.concrete_fields:
                if isinstance(veld, models.BinaryField):
                    inhoud = bytes(getattr(rij, veld.attname) or b"")
                    if inhoud:
                        yield Document(
                            model=onderdeel.model,
                            record_id=rij.pk,
                            veld=veld.name,
                            titel=f"{rij._meta.verbose_name} {rij.pk}: {veld.verbose_name}",
                            inhoud=inhoud,
                        )


# --- who, in the words a resident is given -------------------------------------------------

# AVG art. 15 lid 1 (c) gives the resident the recipients or categories of recipients, not the
# logins of the staff who read the file: the access log, the event history and the requests name
# the staff member by role and organisation (as the portal's "wie keek mee" page does). CJEU
# C-579/21 (Pankki S, 22 June 2023): the identity of employees acting under the controller's
# authority is not owed under art. 15 unless needed for the resident's other rights.
LOGIN_VELDEN = {"gebruikersnaam", "door_naam"}
USER_VELDEN = {"user_id"}


def wie_per_login(user_ids: set[int], *, gemeente_id: int) -> dict[int, str]:
    """Per login the words a resident sees: the staff member's role in the resident's
    municipality, the ground of a resident's own login, or else "a staff member of another
    municipality or a system administrator". Two queries, each within the municipality."""
    wie: dict[int, str] = {}
    for m in (
        Medewerker.objects.filter(gemeente_id=gemeente_id, user_id__in=user_ids)
        .select_related("gemeente")
        .order_by("user_id", "id")
    ):
        rol = Rol(m.functie).label if m.functie in Rol.values else "Medewerker"
        wie.setdefault(m.user_id, f"{rol}, gemeente {m.gemeente.naam}")
    for user_id in Inwoneraccount.objects.filter(
        inwoner__gemeente_id=gemeente_id, user_id__in=user_ids - set(wie)
    ).values_list("user_id", flat=True):
        wie[user_id] = "Via Mijn zaak (inwoner of iemand namens de inwoner)"
    anders = "Een medewerker van een andere gemeente in de regio, of een beheerder van eenplan"
    return {u: wie.get(u, anders) for u in user_ids}


def _zonder_logins(onderdelen: dict[str, Onderdeel], gemeente_id: int) -> dict[int, str]:
    user_ids = {
        getattr(rij, "user_id", None)
        for model in ("privacy.inzage", "events.gebeurtenis")
        for rij in (onderdelen[model].rijen if model in onderdelen else [])
    }
    return wie_per_login({u for u in user_ids if u}, gemeente_id=gemeente_id)


def _rij_voor_inwoner(rij: models.Model, wie: dict[int, str]) -> dict[str, Any]:
    """`rij_gegevens` without the staff's logins: the access log and the history say who by
    role (`wie`); a resident's own login says on which ground."""
    gegevens = rij_gegevens(rij)
    if not (LOGIN_VELDEN & gegevens.keys()):
        return gegevens
    user_id = gegevens.pop("user_id", None)
    for veld in LOGIN_VELDEN:
        gegevens.pop(veld, None)
    grond = gegevens.get("grond")
    if isinstance(grond, dict) and grond.get("code") and grond["code"] != Grond.ZELF:
        gegevens["wie"] = str(Grond(grond["code"]).label)
    else:
        gegevens["wie"] = wie.get(user_id, "Het systeem") if user_id else "Het systeem"
    return gegevens


# --- the export -----------------------------------------------------------------------------


def inzage_export(inwoner: Inwoner, *, gemaakt_op: dt.datetime | None = None) -> dict[str, Any]:
    """The machine-readable inzage: every part with every row, the documents (base64, with
    their SHA-256) and the access log (who, when, why)."""
    gevonden = verzamel(inwoner)
    gemaakt_op = gemaakt_op or timezone.now()
    wie = _zonder_logins(gevonden, inwoner.gemeente_id)
    return {
        "soort": "eenplan-inzage",
        "versie": 1,
        "grondslag": "AVG art. 15",
        "gemaakt_op": gemaakt_op,
        "inwoner": {"id": inwoner.pk, "naam": inwoner.naam, "bsn": inwoner.bsn},
        "onderdelen": [
            {
                "model": o.model,
                "naam": o.naam,
                "aantal": len(o.rijen),
                "rijen": [_rij_voor_inwoner(r, wie) for r in o.rijen],
            }
            for o in gevonden.values()
        ],
        "documenten": [
            {
                "model": d.model,
                "record_id": d.record_id,
                "veld": d.veld,
                "titel": d.titel,
                "sha256": d.sha256,
                "grootte": len(d.inhoud),
                "inhoud_base64": base64.b64encode(d.inhoud).decode("ascii"),
            }
            for d in documenten(gevonden)
        ],
    }


class _Encoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return str(o)
        return super().default(o)


def inzage_json(export: dict[str, Any]) -> bytes:
    return json.dumps(export, cls=_Encoder, ensure_ascii=False, indent=2).encode("utf-8")


def _tekst(waarde: Any) -> str:
    if isinstance(waarde, dict) and "betekenis" in waarde:
        return str(waarde["betekenis"])
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime):
        return timezone.localtime(waarde).strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, (dict, list)):
        return json.dumps(waarde, cls=_Encoder, ensure_ascii=False)
    return str(waarde)


def _kop(tekst: str) -> str:
    return f"{tekst}\n{'=' * max(3, len(tekst))}"


def inzage_tekst(export: dict[str, Any], *, gemeente: str) -> str:
    """The readable inzage: a heading per part, one block per row (label: value), the
    documents, and who looked at the data and why first (the question people ask most)."""
    persoon = export["inwoner"]
    blokken = [
        f"Gemeente {gemeente}\nInzage in uw gegevens (AVG artikel 15)\n"
        f"Voor: {persoon['naam']}\nGemaakt op: {_tekst(export['gemaakt_op'])}",
        "Dit overzicht bevat alle gegevens die de gemeente in eenplan over u heeft: uw "
        "persoonsgegevens, uw meldingen, onderzoeken, plannen, aanvragen, beschikkingen, "
        "bezwaren en klachten, de brieven, en wie uw gegevens heeft bekeken en waarom. De "
        "bijlage in JSON bevat hetzelfde in een vorm die een computer kan lezen.",
    ]
    onderdelen = {o["model"]: o for o in export["onderdelen"]}
    log = onderdelen.pop("privacy.inzage", None)
    blokken.append(_kop("Wie heeft uw gegevens bekeken en waarom"))
    if log and log["rijen"]:
        for rij in log["rijen"]:
            uitkomst = "toegestaan" if rij["toegestaan"] else f"geweigerd ({rij['reden']})"
            blokken.append(
                f"{_tekst(rij['moment'])}: {rij['wie']}\n"
                f"Doel: {_tekst(rij['doel'])}. Via: {_tekst(rij['kanaal'])}. {uitkomst}."
            )
    else:
        blokken.append("Niemand heeft uw gegevens bekeken.")
    for onderdeel in onderdelen.values():
        blokken.append(_kop(f"{onderdeel['naam'][:1].upper()}{onderdeel['naam'][1:]}"))
        for rij in onderdeel["rijen"]:
            regels = [
                f"{naam}: {_tekst(waarde)}"
                for naam, waarde in rij.items()
                if waarde not in (None, "", [], {})
            ]
            blokken.append("\n".join(regels))
    blokken.append(_kop("Documenten"))
    if export["documenten"]:
        for doc in export["documenten"]:
            blokken.append(
                f"{doc['titel']} ({doc['grootte']} bytes)\nSHA-256: {doc['sha256']}\n"
                "De inhoud staat in de JSON-bijlage."
            )
    else:
        blokken.append("Er zijn geen documenten.")
    return "\n\n".join(blokken)


def inzage_pdf(export: dict[str, Any], *, gemeente: str) -> bytes:
    """The readable inzage as a tagged PDF/A-2b (common.pdf, ADR 0018)."""
    return tekst_naar_pdf(
        titel=f"Inzage in uw gegevens - {export['inwoner']['naam']}",
        tekst=inzage_tekst(export, gemeente=gemeente),
        auteur=f"Gemeente {gemeente}",
    )
