"""`common.gecompileerd.Gecompileerd`: a query built and compiled once per connection must give
for every set of values exactly what the queryset built for those values gives — the same
rows, related rows and annotations, in the same order — and never answer one request's values
with another's. On SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Count, QuerySet
from django.db.models.expressions import RawSQL

from eenplan.common.gecompileerd import Gecompileerd
from eenplan.inwoners.models import Inwoner
from eenplan.testing.factories import GemeenteFactory, InwonerFactory, WijkFactory

pytestmark = pytest.mark.django_db


def _inwoners(*, gemeente: int, wijk: int) -> QuerySet[Inwoner]:
    return (
        Inwoner.objects.filter(gemeente_id=gemeente, wijk_id=wijk)
        .select_related("wijk")
        .annotate(n=Count("wijk__gemeente__wijken"))
        .order_by("-achternaam", "id")
    )


def _stand(inwoners: list[Inwoner]) -> list[tuple[Any, ...]]:
    return [(i.pk, i.achternaam, i.wijk.naam, i.n) for i in inwoners]


def test_every_set_of_values_gets_the_rows_of_its_own_queryset_from_one_compile(
    django_assert_num_queries: Any,
) -> None:
    noord = GemeenteFactory()
    zuid = GemeenteFactory(cbs_code="GM0935", naam="Maastricht")
    wijken = {g: [WijkFactory(gemeente=g), WijkFactory(gemeente=g)] for g in (noord, zuid)}
    for g, (a, b) in wijken.items():
        for naam in ("Aalders", "Zwart", "Mol"):
            InwonerFactory(gemeente=g, wijk=a, achternaam=naam)
        InwonerFactory(gemeente=g, wijk=b, achternaam="Bos")
    gebouwd: list[dict[str, int]] = []

    def bouw(**waarden: int) -> QuerySet[Inwoner]:
        gebouwd.append(waarden)
        return _inwoners(**waarden)

    query = Gecompileerd(bouw, gemeente=int, wijk=int)
    for g, ws in wijken.items():
        for w in ws:
            with django_assert_num_queries(1):  # the rows and their wijk in one query
                gelezen = query.lees(gemeente=g.pk, wijk=w.pk)
            assert _stand(gelezen) == _stand(list(_inwoners(gemeente=g.pk, wijk=w.pk)))
            assert gelezen, "every wijk has residents"
            assert {i.gemeente_id for i in gelezen} == {g.pk}
    # Another municipality's wijk: no rows (the values are not mixed up).
    assert query.lees(gemeente=noord.pk, wijk=wijken[zuid][0].pk) == []
    assert len(gebouwd) == 1, "built (and compiled) once for this connection"
    assert all(v >= 9_000_000_000_000 for v in gebouwd[0].values()), "built with markers"


def test_a_value_that_is_no_whole_number_is_read_by_building_the_queryset_anew() -> None:
    inwoner = InwonerFactory()
    gebouwd: list[dict[str, Any]] = []

    def bouw(**waarden: Any) -> QuerySet[Inwoner]:
        gebouwd.append(waarden)
        return Inwoner.objects.filter(wijk_id=waarden["wijk"])

    query = Gecompileerd(bouw, wijk=int)
    assert query.lees(wijk=None) == []  # `IS NULL`, not a parameter: not from the cache
    assert gebouwd == [{"wijk": None}]
    assert query.lees(wijk=inwoner.wijk_id) == [inwoner]


def test_a_value_written_into_the_sql_text_is_refused() -> None:
    inwoner = InwonerFactory()
    query = Gecompileerd(
        # A number formatted into the SQL text (a test of the refusal; never do this).
        lambda wijk: Inwoner.objects.filter(wijk_id=RawSQL(str(int(wijk)), [])),  # noqa: S611
        wijk=int,
    )
    with pytest.raises(ValueError, match="wijk"):
        query.lees(wijk=inwoner.wijk_id)


def test_the_values_must_be_the_names_given() -> None:
    query = Gecompileerd(lambda wijk: Inwoner.objects.filter(wijk_id=wijk), wijk=int)
    with pytest.raises(TypeError):
        query.lees(gemeente=1)


def test_texts_dates_and_moments_are_values_too_as_the_backend_adapts_them(
    django_assert_num_queries: Any,
) -> None:
    import datetime as dt

    from django.utils import timezone

    oud = InwonerFactory(voornamen="Jan", geboortedatum=dt.date(1950, 3, 1))
    jong = InwonerFactory(voornamen="Jan", geboortedatum=dt.date(2001, 7, 9))
    InwonerFactory(voornamen="Kees", geboortedatum=dt.date(1950, 3, 1))
    gebouwd = []

    def bouw(*, naam: str, voor: dt.date, na: dt.datetime) -> QuerySet[Inwoner]:
        gebouwd.append(naam)
        return Inwoner.objects.filter(
            voornamen=naam, geboortedatum__lt=voor, created_at__gt=na
        ).order_by("id")

    query = Gecompileerd(bouw, naam=str, voor=dt.date, na=dt.datetime)
    gisteren = timezone.now() - dt.timedelta(days=1)
    with django_assert_num_queries(1):
        assert query.lees(naam="Jan", voor=dt.date(1960, 1, 1), na=gisteren) == [oud]
    assert query.lees(naam="Jan", voor=dt.date(2010, 1, 1), na=gisteren) == [oud, jong]
    assert query.lees(naam="Kees", voor=dt.date(2010, 1, 1), na=timezone.now()) == []
    assert len(gebouwd) == 1


def test_a_new_query_never_answers_with_the_sql_of_an_earlier_one() -> None:
    """Each `Gecompileerd` keeps its own SQL on the connection, also when earlier ones are gone
    (an object's id() is reused after collection: it cannot be the key)."""
    wijk = WijkFactory()
    inwoners = {n: InwonerFactory(wijk=wijk, gemeente=wijk.gemeente) for n in range(3)}
    for ronde in range(30):
        n = ronde % 3
        query = Gecompileerd(
            lambda wijk, n=n: Inwoner.objects.filter(wijk_id=wijk, pk=inwoners[n].pk), wijk=int
        )
        assert query.lees(wijk=wijk.pk) == [inwoners[n]], ronde
        del query


def test_a_value_needed_in_many_places_is_computed_once_in_a_common_table_expression(
    django_assert_num_queries: Any,
) -> None:
    """`Gecompileerd(met=…)`: the rows of a common table expression, computed once for the
    values, read at any place of the query through `cte(...)` — the same answer as the
    expression written out, for each set of values, and for a value that is built anew (None
    for a municipality) too. A name that is no plain SQL identifier is refused."""
    from django.db.models import CharField, F, IntegerField

    from eenplan.common.gecompileerd import cte

    noord = GemeenteFactory()
    zuid = GemeenteFactory(cbs_code="GM0935", naam="Maastricht")
    wijk = {g: WijkFactory(gemeente=g) for g in (noord, zuid)}
    for g in (noord, zuid):
        for naam in ("Aalders", "Zwart", "Mol"):
            InwonerFactory(gemeente=g, wijk=wijk[g], achternaam=naam)

    def naamgenoten(*, inwoner: Any) -> QuerySet[Inwoner]:
        """Residents of the municipality of `inwoner` whose surname sorts before theirs."""
        return Inwoner.objects.filter(
            gemeente_id=cte("eenplan_toets", "g", IntegerField()),
            achternaam__lt=cte("eenplan_toets", "naam", CharField()),
        ).order_by("achternaam", "id")

    def toets(*, inwoner: Any) -> dict[str, QuerySet[Any]]:
        return {
            "eenplan_toets": Inwoner.objects.filter(pk=inwoner).values(
                g=F("gemeente_id"), naam=F("achternaam")
            )
        }

    query = Gecompileerd(naamgenoten, met=toets, inwoner=int)
    for iemand in Inwoner.objects.all():
        verwacht = list(
            Inwoner.objects.filter(
                gemeente_id=iemand.gemeente_id, achternaam__lt=iemand.achternaam
            ).order_by("achternaam", "id")
        )
        with django_assert_num_queries(1):
            assert query.lees(inwoner=iemand.pk) == verwacht
    assert query.lees(inwoner=None) == []  # built anew, the expression with it
    with pytest.raises(ValueError):
        cte('eenplan"; DROP TABLE x; --', "naam", CharField())
