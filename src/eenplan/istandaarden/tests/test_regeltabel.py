"""The rule table: every rule function cites its rule, and the code it raises is the one WJ001
ties to that rule."""

from __future__ import annotations

import inspect
import re

from eenplan.istandaarden import regels
from eenplan.istandaarden.codelijsten import RETOURCODES

REGEL = re.compile(r"^(TR|OP|IV)\d{3}$")
# Rules of the validation stylesheet (controleniveau "bericht inhoud (xslt)") answer with 0001.
XSLT_REGELS = {"TR137", "TR416"}


def _regelfuncties():
    return {
        naam: f for naam, f in inspect.getmembers(regels, inspect.isfunction) if REGEL.match(naam)
    }


def test_every_rule_function_cites_its_rule_and_its_code_belongs_to_it():
    functies = _regelfuncties()
    assert len(functies) >= 39
    for naam, functie in functies.items():
        doc = inspect.getdoc(functie) or ""
        assert doc.startswith(f"{naam}:"), naam
        if not naam.startswith("TR"):
            continue
        codes = re.findall(r"\(([0-9S]\d{3})[:)]", doc)
        assert codes, f"{naam} names no return code"
        for code in codes:
            if naam in XSLT_REGELS:
                assert code == "0001", naam
            else:
                assert RETOURCODES.regels.get(code) == naam, (naam, code)


def test_the_aliases_of_the_brief():
    assert regels.S300 is regels.TR378
    assert regels.S329 is regels.TR381
