"""REST endpoints for meldingen: the worklist, registration, the melding with its history, and
one POST action per screening/assignment/suspension step.

Thin, like the inwoners API: parse, call one selector or service, render. Access is decided by
`privacy.access`, as on the pages: the role per action (`access_rules`, read by RolePermission),
the need-to-know of the melding's resident (`access.require_object`) for a read, the services
(`services.melding_authorise`) for every write, and the lists through the same selector as the
worklist page (`selectors.meldingen_in_scope`). Every decision about a resident is logged, every
refusal too. Refusals of the services (ValidationError with a Dutch message) become 400s in
common.api.exception_handler; access refusals 403s (problem details).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import Serializer

from eenplan.common.api import Pagination, VersieViewSetMixin
from eenplan.gemeente.models import Medewerker, Team
from eenplan.inwoners.models import Inwoner
from eenplan.meldingen import services
from eenplan.meldingen.api.filters import (
    MeldingFilterSerializer,
    MeldingTellingenFilterSerializer,
    werkvoorraad_arguments,
)
from eenplan.meldingen.api.serializers import (
    MeldingAfsluitenSerializer,
    MeldingBeantwoordenSerializer,
    MeldingCreateSerializer,
    MeldingDetailSerializer,
    MeldingDoorzettenSerializer,
    MeldingHervattenSerializer,
    MeldingIdentificerenSerializer,
    MeldingKoppelenSerializer,
    MeldingListSerializer,
    MeldingOpschortenSerializer,
    MeldingTellingenSerializer,
    MeldingToewijzenSerializer,
)
from eenplan.meldingen.models import Melding
from eenplan.meldingen.selectors import (
    binnen_gemeente,
    melding_get,
    meldingen_in_scope,
    werkvoorraad,
    werkvoorraad_pagina,
    werkvoorraad_plan,
    werkvoorraad_tellingen,
)
from eenplan.privacy import access
from eenplan.privacy.api.common import request_doel, user_gemeente
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.constants import Doel

DOEL_PARAMETER = OpenApiParameter(
    "doel",
    str,
    enum=Doel.values,
    required=False,
    description="Doel van inzage (wordt gelogd als de melding over een bekende inwoner gaat). "
    "Ook als header X-Eenplan-Doel. Standaard: het doel dat bij uw rol hoort.",
)

MELDING, Handeling = access.Resource.MELDING, access.Action
GEEN_ZOEKRECHT = (
    "Met uw rol kunt u geen inwoner opzoeken. Beschrijf de persoon bij 'onbekende_persoon' "
    "(naam, adres, geboortedatum); de midoffice zoekt de inwoner erbij."
)

Perform = Callable[[Melding, dict[str, Any]], object]


def inwoner_in_scope(
    request: Request, data: dict[str, Any], handeling: access.Action, *, hint: str = ""
) -> Inwoner | None:
    """The resident named by id or BSN in `data`, if it is in the login's need-to-know scope.

    None when no resident was named. A 400 with a Dutch message when the login may not search
    residents (a vrijwilliger) or the resident is unknown or outside the work area: whether
    the resident exists elsewhere (another municipality) is not revealed. Either refusal is in
    the access log (`access.uit_invoer` for the resident not found within the work area: the
    requested id, or "op BSN" — the BSN itself is not written to the log; ADR 0046)."""
    inwoner_id, bsn = data.get("inwoner"), data.get("bsn")
    if not inwoner_id and not bsn:
        return None
    field = "bsn" if bsn else "inwoner"
    via = access.Via.request(request)
    if not access.decide(request.user, access.Resource.DOSSIER, Handeling.ZOEKEN, via=via).allowed:
        raise ValidationError({field: GEEN_ZOEKRECHT})  # the refusal is logged
    scope = access.inwoners_in_scope(request.user)
    gemeente = user_gemeente(request)
    return access.uit_invoer(
        request.user,
        MELDING,
        handeling,
        via=via,
        pk="op BSN" if bsn else inwoner_id,
        zoek=lambda _gemeente_id: (
            scope.filter(bsn=bsn) if bsn else scope.filter(pk=inwoner_id)
        ).first(),
        wat="Inwoner",
        veld=field,
        reden=access.NIET_BINNEN_WERKGEBIED,
        fout=f"Deze inwoner is niet gevonden binnen uw werkgebied in {gemeente}. "
        "Woont de inwoner in een andere gemeente, verwijs de melder dan naar die "
        f"gemeente (woonplaatsbeginsel).{hint}",
    )


class WerkvoorraadPagination(Pagination):
    """The page number is `pagina`, as on the worklist page (`page` is still read)."""

    page_query_param = "pagina"

    def get_page_number(self, request: Any, paginator: Any) -> Any:
        if self.page_query_param not in request.query_params and "page" in request.query_params:
            return request.query_params["page"]
        return super().get_page_number(request, paginator)

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> Any:
        """The page and the total in one query, as on the worklist page
        (`selectors.werkvoorraad_pagina`: the total from the counts per deadline state, no
        COUNT of its own); a page out of range or not a number as DRF answers it (404)."""
        self.request = request
        per_pagina = self.get_page_size(request)
        try:
            nummer = int(self.get_page_number(request, None))
        except (TypeError, ValueError):
            nummer = None
        page = None
        if per_pagina:
            page, _ = werkvoorraad_pagina(queryset, nummer=nummer, per_pagina=per_pagina)
        if page is None:
            return super().paginate_queryset(queryset, request, view)
        self.page = page
        if page.paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return list(page)


@extend_schema_view(
    list=extend_schema(
        summary="Werkvoorraad: meldingen met de stand van hun termijn",
        description="Zonder `status` alleen open meldingen (te screenen of toegewezen). "
        "Alleen meldingen binnen uw werkgebied, aan u of uw team toegewezen, of (midoffice) "
        "over een nog onbekende persoon.",
        parameters=[MeldingFilterSerializer],
        responses=MeldingListSerializer(many=True),
    ),
    create=extend_schema(
        summary="Melding registreren (start de wettelijke termijn)",
        description="Geef de inwoner (id of BSN, binnen uw werkgebied) of beschrijf de "
        "onbekende persoon. Berekent `onderzoek_uiterlijk` (Wmo 2015 art. 2.3.2, Atw) en legt "
        "de ontvangstbevestiging vast.",
        request=MeldingCreateSerializer,
        responses={201: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    ),
    retrieve=extend_schema(
        summary="Melding met termijnen, statusgeschiedenis en opschortingen (wordt gelogd)",
        parameters=[DOEL_PARAMETER],
        responses=MeldingDetailSerializer,
    ),
)
class MeldingViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    versie_model = Melding
    pagination_class = WerkvoorraadPagination
    permission_classes = [RolePermission]
    # The role per action; the resident's need-to-know is decided per melding (_get and the
    # services), the closing rule (contact person or mid-office) in the service.
    access_rules = {
        "list": (MELDING, Handeling.LEZEN),
        "tellingen": (MELDING, Handeling.LEZEN),
        "retrieve": (MELDING, Handeling.LEZEN),
        "create": (MELDING, Handeling.AANMAKEN),
        "beantwoorden": (MELDING, Handeling.SCREENEN),
        "doorzetten": (MELDING, Handeling.SCREENEN),
        "identificeren": (MELDING, Handeling.SCREENEN),
        "koppelen": (MELDING, Handeling.SCREENEN),
        "toewijzen": (MELDING, Handeling.TOEWIJZEN),
        "opschorten": (MELDING, Handeling.OPSCHORTEN),
        "hervatten": (MELDING, Handeling.OPSCHORTEN),
        "afsluiten": (MELDING, services.AFSLUITEN),
    }
    queryset = Melding.objects.none()  # for the schema; the real scope is per login
    serializer_class = MeldingListSerializer
    filter_backends: list[type] = []  # filtering is selectors.werkvoorraad, see filters.py

    def get_queryset(self) -> QuerySet[Melding]:
        return meldingen_in_scope(self.request.user)

    # --- reading --------------------------------------------------------------------------

    def _werkvoorraad(self, request: Request, argumenten: dict[str, Any]) -> QuerySet[Melding]:
        """The worklist for `argumenten` (`werkvoorraad_arguments` of the query's filters)."""
        return werkvoorraad(scope=self.get_queryset(), vandaag=timezone.localdate(), **argumenten)

    def list(self, request: Request) -> Response:
        params = MeldingFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        argumenten = werkvoorraad_arguments(params.validated_data, user=request.user)
        with werkvoorraad_plan(**argumenten):
            page = self.paginate_queryset(self._werkvoorraad(request, argumenten))
        # The rows name the residents they are about: logged as read, in one INSERT.
        access.log_shown(
            request.user,
            [m.inwoner_id for m in page if m.inwoner_id],
            resource=MELDING,
            via=access.Via.request(request),
            doel=request_doel(request),
            gemeenten={m.inwoner_id: m.inwoner.gemeente_id for m in page if m.inwoner_id},
        )
        rows = MeldingListSerializer(page, many=True, context={"request": request})
        return self.get_paginated_response(rows.data)

    @extend_schema(
        summary="Aantallen per termijnstand van de (gefilterde) werkvoorraad",
        description="Dezelfde filters als de lijst, behalve `stand` en `sortering`: de "
        "tellingen zijn juist per termijnstand.",
        parameters=[MeldingTellingenFilterSerializer],
        responses={200: MeldingTellingenSerializer},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def tellingen(self, request: Request) -> Response:
        params = MeldingTellingenFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        argumenten = werkvoorraad_arguments(params.validated_data, user=request.user)
        with werkvoorraad_plan(**argumenten):
            counts: dict[str, int] = werkvoorraad_tellingen(self._werkvoorraad(request, argumenten))
        return Response(MeldingTellingenSerializer({**counts, "totaal": sum(counts.values())}).data)

    def _get(
        self, request: Request, pk: Any, handeling: access.Action, *, full: bool = False
    ) -> Melding:
        """The melding within the login's municipality, without the need-to-know scope (access
        is decided after): another municipality's is a 404 like one that does not exist, the
        refusal logged (`access.get_or_refuse`, ADR 0046).

        Without `full` the melding is loaded without prefetched history: the services read
        `melding.opschortingen` and must not see a stale prefetch cache."""
        try:
            melding_id = int(pk)
        except (TypeError, ValueError) as exc:
            raise NotFound("Deze melding bestaat niet.") from exc

        def zoek(gemeente_id: int | None) -> Melding | None:
            if full:
                return melding_get(scope=binnen_gemeente(gemeente_id), pk=melding_id)
            joins = ("inwoner", "team", "medewerker")
            return (
                binnen_gemeente(gemeente_id, joins=joins)
                .select_related("inwoner", "team", "medewerker__user")
                .filter(pk=melding_id)
                .first()
            )

        return access.get_or_refuse(
            request.user,
            MELDING,
            handeling,
            via=self._via(request),
            pk=melding_id,
            zoek=zoek,
            wat="Melding",
            niet_gevonden="Deze melding bestaat niet.",
            doel=request_doel(request),
        )

    def _via(self, request: Request) -> access.Via:
        return access.Via.request(request)

    def _render(self, request: Request, melding_id: int, *, code: int = 200) -> Response:
        gemeente_id = access.Actor.of(request.user).gemeente_id
        melding = melding_get(scope=binnen_gemeente(gemeente_id), pk=melding_id)
        body = MeldingDetailSerializer(melding, context={"request": request}).data
        return Response(body, status=code)

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        melding = self._get(request, pk, Handeling.LEZEN, full=True)
        # Reading a melding about a known resident is reading their dossier: need-to-know,
        # logged (refusals too); about a person not identified yet: screeners only.
        access.require_object(
            request.user,
            MELDING,
            Handeling.LEZEN,
            via=self._via(request),
            doel=request_doel(request),
            inwoner=melding.inwoner if melding.inwoner_id else None,
            gemeente=melding.gemeente_id,
        )
        body = MeldingDetailSerializer(melding, context={"request": request}).data
        return Response(body)

    # --- writing --------------------------------------------------------------------------

    def create(self, request: Request) -> Response:
        data = MeldingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        doel = request_doel(request)
        gemeente = user_gemeente(request)
        fields = dict(data.validated_data)
        fields.pop("bsn", None)
        fields["inwoner"] = inwoner_in_scope(
            request,
            data.validated_data,
            Handeling.AANMAKEN,
            hint=" Is de inwoner nog onbekend, beschrijf de persoon dan bij 'onbekende_persoon'.",
        )
        melding = services.melding_register(
            gemeente=gemeente, actor=request.user, via=self._via(request), doel=doel, **fields
        )
        return self._render(request, melding.pk, code=status.HTTP_201_CREATED)

    def _act(
        self,
        request: Request,
        pk: Any,
        serializer_class: type[Serializer],
        perform: Perform,
    ) -> Response:
        """Load, parse, call one service (which decides access and logs it), render. Input
        refused before the service runs is first checked for access too, so a login without
        need-to-know gets its (logged) 403 rather than a 400."""
        melding = self._get(request, pk, self.access_rules[self.action][1])
        data = serializer_class(data=request.data)
        if not data.is_valid():
            services.melding_authorise(
                request.user,
                melding,
                self.access_rules[self.action][1],
                via=self._via(request),
                doel=request_doel(request),
            )
            data.is_valid(raise_exception=True)
        perform(melding, data.validated_data)
        return self._render(request, melding.pk)

    def _uit_invoer(
        self,
        request: Request,
        pk: int,
        zoek: Callable[[int | None], Any],
        *,
        wat: str,
        veld: str,
        reden: str = access.NIET_BINNEN_GEMEENTE,
        fout: str | None = None,
    ) -> Any:
        """A record this action names in its body, found by `zoek` within the municipality
        (or the work area): not found is a logged refusal for this action and a Dutch 400 on
        `veld` (`access.uit_invoer`, ADR 0046)."""
        return access.uit_invoer(
            request.user,
            MELDING,
            self.access_rules[self.action][1],
            via=self._via(request),
            pk=pk,
            zoek=zoek,
            wat=wat,
            veld=veld,
            reden=reden,
            fout=fout,
        )

    def _actor(self, request: Request) -> dict[str, Any]:
        """Who acts and where: passed to every service, which decides and logs."""
        return {"actor": request.user, "via": self._via(request), "doel": request_doel(request)}

    @extend_schema(
        summary="Screenen: direct beantwoorden",
        request=MeldingBeantwoordenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def beantwoorden(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> Melding:
            return services.melding_answer(
                melding=melding, antwoord=data["antwoord"], **self._actor(request)
            )

        return self._act(request, pk, MeldingBeantwoordenSerializer, perform)

    @extend_schema(
        summary="Screenen: doorzetten naar backoffice, Werkplein, regionaal team of extern",
        request=MeldingDoorzettenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def doorzetten(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> Melding:
            return services.melding_forward(melding=melding, **data, **self._actor(request))

        return self._act(request, pk, MeldingDoorzettenSerializer, perform)

    @extend_schema(
        summary="Screenen: de onbekende persoon koppelen aan een inwoner",
        request=MeldingIdentificerenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def identificeren(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> Melding:
            inwoner = inwoner_in_scope(request, data, Handeling.SCREENEN)
            if inwoner is None:  # not reached: MeldingIdentificerenSerializer requires id or BSN
                raise ValidationError({"inwoner": "Kies de inwoner (id) of geef het BSN."})
            return services.melding_identify(
                melding=melding, inwoner=inwoner, **self._actor(request)
            )

        return self._act(request, pk, MeldingIdentificerenSerializer, perform)

    @extend_schema(
        summary="Toewijzen aan een generalist van het wijkteam (standaard: op de beurt)",
        description="Een melding over jeugd gaat alleen naar een jeugdprofessional met een "
        "registratie die vandaag geldig is; anders volgt een 400 met de reden.",
        request=MeldingToewijzenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def toewijzen(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> Melding:
            # The team and staff member named in the body, within the municipality: another
            # municipality's is the same logged 400 as an unknown one (ADR 0046).
            team = medewerker = None
            if data.get("team"):
                team = self._uit_invoer(
                    request,
                    data["team"],
                    lambda g: Team.objects.filter(gemeente_id=g, pk=data["team"]).first(),
                    wat="Team",
                    veld="team",
                )
            if data.get("medewerker"):
                medewerker = self._uit_invoer(
                    request,
                    data["medewerker"],
                    lambda g: (
                        Medewerker.objects.select_related("user")
                        .filter(gemeente_id=g, pk=data["medewerker"])
                        .first()
                    ),
                    wat="Medewerker",
                    veld="medewerker",
                )
            return services.melding_assign(
                melding=melding,
                **self._actor(request),
                team=team,
                medewerker=medewerker,
                expertise=data["expertise"],
                reden=data["reden"],
            )

        return self._act(request, pk, MeldingToewijzenSerializer, perform)

    @extend_schema(
        summary="Termijn opschorten (met reden)",
        request=MeldingOpschortenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def opschorten(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> object:
            return services.melding_suspend(
                melding=melding, van=data["van"], reden=data["reden"], **self._actor(request)
            )

        return self._act(request, pk, MeldingOpschortenSerializer, perform)

    @extend_schema(
        summary="Opschorting beëindigen; de termijn schuift op met de opgeschorte dagen",
        request=MeldingHervattenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def hervatten(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> Melding:
            opschorting = melding.opschortingen.filter(pk=data["opschorting"]).first()
            if opschorting is None:
                raise ValidationError(
                    {"opschorting": "Deze opschorting hoort niet bij deze melding."}
                )
            return services.melding_resume(
                opschorting=opschorting, tot=data["tot"], **self._actor(request)
            )

        return self._act(request, pk, MeldingHervattenSerializer, perform)

    @extend_schema(
        summary="Vertel je verhaal één keer: koppelen aan een lopende melding",
        request=MeldingKoppelenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def koppelen(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> Melding:
            bestaande = self._uit_invoer(
                request,
                data["bestaande"],
                lambda _g: self.get_queryset().filter(pk=data["bestaande"]).first(),
                wat="Melding",
                veld="bestaande",
                reden=access.NIET_BINNEN_WERKGEBIED,
                fout=f"Melding {data['bestaande']} is onbekend of valt buiten uw werkgebied.",
            )
            return services.melding_link(
                melding=melding, bestaande=bestaande, **self._actor(request)
            )

        return self._act(request, pk, MeldingKoppelenSerializer, perform)

    @extend_schema(
        summary="Melding afsluiten (toegewezen medewerker of midoffice)",
        request=MeldingAfsluitenSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[DOEL_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def afsluiten(self, request: Request, pk: Any = None) -> Response:
        def perform(melding: Melding, data: dict[str, Any]) -> Melding:
            return services.melding_close(
                melding=melding, toelichting=data["toelichting"], **self._actor(request)
            )

        return self._act(request, pk, MeldingAfsluitenSerializer, perform)
