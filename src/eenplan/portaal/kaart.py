"""The public sociale kaart (issue 13, and the mantelzorg issue 15): the algemene voorzieningen
of a municipality, searchable without a login, as a page (`/sociale-kaart/`), an open-data
export (CSV and JSON, CC0) and a public API (`/api/v1/sociale-kaart/`); in the portal the
resident sees it filtered on their own wijk.

One read path: `voorzieningen.selectors.sociale_kaart` (the staff page uses it too). What is
published is the catalogue only — names, organisations, addresses, prices, opening hours and
the organisation's contact details — never a resident, a login or anything from a dossier. The
public rows are declared in `privacy.matrix.EXEMPT` with that reason."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from eenplan.gemeente.models import Gemeente, Wijk
from eenplan.gemeente.selectors import wijken_list
from eenplan.onderzoeken.models import Leefgebied
from eenplan.onderzoeken.selectors import leefgebieden_actief
from eenplan.voorzieningen import selectors as voorzieningen
from eenplan.voorzieningen.models import Doelgroep, Voorziening

LICENTIE = "CC0-1.0"
LICENTIE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"
# The columns of the export, in order; the JSON export and the API use the same names.
KOLOMMEN = (
    "id",
    "naam",
    "organisatie",
    "omschrijving",
    "voor_wie",
    "doelgroepen",
    "leefgebieden",
    "wijken",
    "adres",
    "prijs",
    "prijs_toelichting",
    "openingstijden",
    "telefoon",
    "email",
    "website",
    "gewijzigd_op",
)
ONBEKENDE_GEMEENTE = "Deze gemeente kennen wij niet. Kies een gemeente uit de lijst."


def publieke_gemeente(code: str | None) -> Gemeente | None:
    """The municipality of the public page: the CBS code asked (`?gemeente=GM0983`), else the
    portal's municipality (`EENPLAN_PORTAAL_GEMEENTE`), else the only one there is. None: ask
    the visitor to choose (or the code is unknown)."""
    if code:
        return Gemeente.objects.filter(cbs_code=code.strip().upper()[:10]).first()
    if settings.EENPLAN_PORTAAL_GEMEENTE:
        gevonden = Gemeente.objects.filter(cbs_code=settings.EENPLAN_PORTAAL_GEMEENTE).first()
        if gevonden is not None:
            return gevonden
    eerste_twee = list(Gemeente.objects.order_by("pk")[:2])
    return eerste_twee[0] if len(eerste_twee) == 1 else None


def gemeenten() -> QuerySet[Gemeente]:
    return Gemeente.objects.order_by("naam")


@dataclass(frozen=True)
class Keuzes:
    """What the filters offer, for one municipality (three queries)."""

    wijken: list[Wijk]
    leefgebieden: list[Leefgebied]
    doelgroepen: list[Doelgroep]

    @classmethod
    def voor(cls, gemeente: Gemeente) -> Keuzes:
        return cls(
            list(wijken_list(gemeente=gemeente)),
            list(leefgebieden_actief()),
            list(voorzieningen.doelgroepen_list()),
        )


@dataclass(frozen=True)
class Filters:
    q: str = ""
    wijk: str = ""
    leefgebied: str = ""
    doelgroep: str = ""

    @classmethod
    def uit(cls, params: QueryDict | dict[str, Any], keuzes: Keuzes) -> Filters:
        """The filters of a request; a value that is not on offer is ignored (no error, no
        data: the page shows everything instead)."""

        def keuze(naam: str, opties: list[Any]) -> str:
            waarde = str(params.get(naam) or "")
            return waarde if waarde in {str(o.pk) for o in opties} else ""

        return cls(
            q=str(params.get("q") or "").strip()[:200],
            wijk=keuze("wijk", keuzes.wijken),
            leefgebied=keuze("leefgebied", keuzes.leefgebieden),
            doelgroep=keuze("doelgroep", keuzes.doelgroepen),
        )

    def actief(self) -> bool:
        return any((self.q, self.wijk, self.leefgebied, self.doelgroep))

    def query(self, **extra: str) -> dict[str, str]:
        velden = {
            "q": self.q,
            "wijk": self.wijk,
            "leefgebied": self.leefgebied,
            "doelgroep": self.doelgroep,
            **extra,
        }
        return {k: v for k, v in velden.items() if v}


def zoek(gemeente: Gemeente, filters: Filters) -> QuerySet[Voorziening]:
    """The sociale kaart through the one selector of the catalogue."""
    return voorzieningen.sociale_kaart(
        gemeente=gemeente,
        q=filters.q,
        wijk_id=int(filters.wijk) if filters.wijk else None,
        leefgebied_id=int(filters.leefgebied) if filters.leefgebied else None,
        doelgroep_id=int(filters.doelgroep) if filters.doelgroep else None,
    )


def rij(v: Voorziening) -> dict[str, Any]:
    """One provision as open data: plain values, dates in ISO 8601, lists of names (wijken:
    empty is the whole municipality). Uses the prefetched wijken, domains and groups."""
    return {
        "id": v.pk,
        "naam": v.naam,
        "organisatie": v.organisatie,
        "omschrijving": v.omschrijving,
        "voor_wie": v.doelgroep,
        "doelgroepen": [d.naam for d in v.doelgroepen.all()],
        "leefgebieden": [lg.naam for lg in v.leefgebieden.all()],
        "wijken": [w.naam for w in v.wijken.all()],
        "adres": v.adres,
        "prijs": None if v.prijs is None else f"{v.prijs:.2f}",
        "prijs_toelichting": v.prijs_toelichting,
        "openingstijden": v.openingstijden,
        "telefoon": v.telefoon,
        "email": v.email,
        "website": v.website,
        "gewijzigd_op": timezone.localtime(v.updated_at).date().isoformat(),
    }


def als_csv(rijen: list[dict[str, Any]]) -> str:
    """CSV as RFC 4180 writes it (comma, double quotes, a header row), UTF-8; a list becomes
    its names joined by "; "."""
    uit = io.StringIO()
    schrijver = csv.DictWriter(uit, fieldnames=KOLOMMEN, lineterminator="\r\n")
    schrijver.writeheader()
    for r in rijen:
        schrijver.writerow(
            {
                k: "; ".join(v) if isinstance(v, list) else ("" if v is None else v)
                for k, v in r.items()
            }
        )
    return uit.getvalue()


def als_json(gemeente: Gemeente, rijen: list[dict[str, Any]], *, bron: str) -> str:
    """The JSON export: the rows with what an open-data portal asks of a data set — title,
    publisher (with its CBS code), licence, source and when it was made."""
    return json.dumps(
        {
            "titel": f"Sociale kaart {gemeente.naam}",
            "uitgever": f"Gemeente {gemeente.naam}",
            "gemeentecode": gemeente.cbs_code,
            "licentie": LICENTIE,
            "licentie_url": LICENTIE_URL,
            "bron": bron,
            "aangemaakt_op": timezone.localtime().isoformat(timespec="seconds"),
            "aantal": len(rijen),
            "voorzieningen": rijen,
        },
        ensure_ascii=False,
        indent=2,
    )
