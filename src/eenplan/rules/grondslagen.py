"""The legal basis (wettelijke grondslag) a decision letter names per provision, as pure Python.

No Django: the caller passes the law ("wmo", "jeugd", "participatie", "schuldhulp") and the
form of delivery ("zin", "pgb"). Each text names the article on which the college decides; the
letter prints it under every provision so a resident, a lawyer and a judge see on what ground
it was decided.

Sources:

- Wmo 2015 (BWBR0035362) art. 2.3.5 lid 3: the college decides on a maatwerkvoorziening for
  self-reliance and participation, after own strength, usual help, mantelzorg, the social
  network and algemene voorzieningen; art. 2.3.6: the persoonsgebonden budget; art. 2.1.4 lid 3
  and art. 2.1.4a: the eigen bijdrage (abonnementstarief, since Stb. 2019, 185).
- Jeugdwet (BWBR0034925) art. 2.3 lid 1: the individuele voorziening jeugdhulp; art. 8.1.1: the
  persoonsgebonden budget.
- Participatiewet (BWBR0015703) art. 10 lid 1: voorzieningen gericht op arbeidsinschakeling.
- Wet gemeentelijke schuldhulpverlening (BWBR0031331) art. 4a, from 1 January 2021: the
  beschikking on admission to debt help (toelating) after the first conversation.
- Awb art. 6:7 and 6:8 (bezwaar within six weeks after the day after sending), art. 7:1 (bezwaar
  before beroep), art. 6:7 with art. 8:1 (beroep at the rechtbank within six weeks).
"""

from __future__ import annotations

__all__ = [
    "BEROEP",
    "BEZWAAR",
    "EIGEN_BIJDRAGE_WMO",
    "grondslag",
]

_VOORZIENING = {
    "wmo": "artikel 2.3.5, derde lid, van de Wet maatschappelijke ondersteuning 2015",
    "jeugd": "artikel 2.3, eerste lid, van de Jeugdwet",
    "participatie": "artikel 10, eerste lid, van de Participatiewet",
    "schuldhulp": "artikel 4a van de Wet gemeentelijke schuldhulpverlening",
}
# A benefit in money under the Participatiewet (no form of delivery): the right to bijstand,
# art. 11 lid 1 (issue 14).
_GELD = {"participatie": "artikel 11, eerste lid, van de Participatiewet"}
_PGB = {
    "wmo": "artikel 2.3.6 van de Wet maatschappelijke ondersteuning 2015",
    "jeugd": "artikel 8.1.1 van de Jeugdwet",
}

# Wmo 2015 art. 2.1.4 lid 3 and art. 2.1.4a (abonnementstarief, Stb. 2019, 185).
EIGEN_BIJDRAGE_WMO = (
    "artikel 2.1.4, derde lid, en artikel 2.1.4a van de Wet maatschappelijke ondersteuning 2015"
)
# Awb art. 6:7, 6:8 lid 1 and 7:1.
BEZWAAR = "de artikelen 6:7, 6:8 en 7:1 van de Algemene wet bestuursrecht"
# Awb art. 6:7 and 8:1 (beroep at the administrative court of the rechtbank).
BEROEP = "de artikelen 6:7 en 8:1 van de Algemene wet bestuursrecht"


def grondslag(wet: str, *, leveringsvorm: str = "") -> str:
    """The article(s) a decision on one provision rests on, in the words of the letter.

    A pgb names the pgb article as well (Wmo 2015 art. 2.3.6; Jeugdwet art. 8.1.1); bijstand in
    money (Participatiewet, no form of delivery) rests on art. 11 lid 1. An unknown
    law raises ValueError: a letter without its legal basis must not go out.
    """
    try:
        basis = _VOORZIENING[wet]
    except KeyError:
        raise ValueError(f"Onbekende wet voor de grondslag: {wet!r}") from None
    if not leveringsvorm and wet in _GELD:
        return _GELD[wet]
    if leveringsvorm == "pgb" and wet in _PGB:
        return f"{basis} en {_PGB[wet]}"
    return basis
