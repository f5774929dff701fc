"""The benchmark runs and reports every row (the numbers themselves live in docs/benchmarks.md)."""

from __future__ import annotations

from eenplan.istandaarden import lees
from eenplan.istandaarden.bench import berichten, verslag


def test_benchmark_messages_are_readable_and_the_report_has_its_rows(orakel):
    data = berichten(16)
    assert {lees(d).naam for d in data} >= {"WMO323", "JW323", "WMO301", "WMO305", "WMO307"}
    tekst = verslag(16, orakel.root)
    for rij in ("lxml alleen", "lees (veilig", "regels op één bericht", "officiële XSD"):
        assert rij in tekst
