"""The AGB code format of the iWmo/iJw 3.2 basisschema (LDT_AgbCode, pattern [0-9]{8})."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eenplan.istandaarden.agb import AGB_FOUT, agb_fout, is_agb_code
from eenplan.istandaarden.tests.conftest import Orakel


@pytest.mark.parametrize("code", ["98012345", "01234567", "75750001"])
def test_eight_digits_are_an_agb_code(code: str) -> None:
    assert is_agb_code(code)
    assert agb_fout(code) is None


@pytest.mark.parametrize(
    "code",
    ["", "9801234", "980123456", "9801234a", " 98012345", "98 012345", "00000000", "٩٨٠١٢٣٤٥"],
)
def test_anything_else_is_refused_with_a_dutch_message(code: str) -> None:
    assert not is_agb_code(code)
    assert agb_fout(code) == AGB_FOUT


@given(st.text(max_size=12))
def test_agrees_with_the_schema_pattern(code: str) -> None:
    """The check accepts exactly what the XSD pattern accepts (minus the 'unknown' 00000000)."""
    schema = re.fullmatch(r"[0-9]{8}", code, flags=re.ASCII) is not None
    assert is_agb_code(code) == (schema and code != "00000000")


@pytest.mark.parametrize("std", ["iwmo", "ijw"])
def test_pattern_is_the_one_of_the_official_schema(orakel: Orakel, std: str) -> None:
    xsd = (orakel.root / std / "xsd" / "basisschema.xsd").read_text("utf-8")
    blok = xsd.split('name="LDT_AgbCode"', 1)[1].split("</xs:simpleType>", 1)[0]
    assert '<xs:pattern value="[0-9]{8}"/>' in blok
