"""`/api/v1/inwoners/<id>/vertegenwoordiging/`: the staff side of representation (issue 13), the
API of the page `/inwoners/<id>/vertegenwoordiging/`. A staff member whose role may (resource
machtiging, within need-to-know; `access.RULES`) lists who may act for a resident, records a
wettelijk vertegenwoordiger (mentor, curator: a court decision) or a machtiging the resident
signed on paper, and ends one. The same selectors and services as the page
(`portaal.selectors`, `portaal.services.vertegenwoordiging_vastleggen`/`_beeindigen`); every
decision is taken and logged by `privacy.access`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.inwoners.constants import NetwerkSoort
from eenplan.inwoners.models import Inwoner, Netwerkpersoon
from eenplan.portaal import selectors, services
from eenplan.portaal.api.views import MijnMachtigingSerializer
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.permissions import RolePermission
from eenplan.privacy.models import Machtiging

R, A = Resource, Action
GEEN_INWONER = "Deze inwoner bestaat niet."


class WettelijkVertegenwoordigerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    naam = serializers.CharField()
    relatie = serializers.CharField(help_text="mentor of curator, met de uitspraak.")
    als_inwoner_id = serializers.IntegerField(allow_null=True)
    sinds = serializers.DateField(allow_null=True)
    tot = serializers.DateField(allow_null=True, help_text="Laatste dag; leeg: loopt nog.")


class VertegenwoordigingSerializer(serializers.Serializer):
    inwoner_id = serializers.IntegerField()
    wettelijk = WettelijkVertegenwoordigerSerializer(many=True)
    machtigingen = MijnMachtigingSerializer(many=True)


class VastleggenSerializer(serializers.Serializer):
    bsn = serializers.RegexField(r"^\d{9}$", error_messages={"invalid": "Een BSN heeft 9 cijfers."})
    geboortedatum = serializers.DateField()
    soort = serializers.ChoiceField(choices=services.VASTLEGGEN_KEUZES)
    van = serializers.DateField()
    tot = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Verplicht bij een machtiging."
    )
    bewijs = serializers.CharField(
        max_length=80,
        required=False,
        allow_blank=True,
        default="",
        help_text="Bij mentor of curator: de beschikking van de rechtbank met de datum.",
    )


def _service(call: Any) -> Any:
    try:
        return call()
    except ValidationError as exc:
        raise DRFValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        ) from exc


class VertegenwoordigingViewSet(viewsets.ViewSet):
    permission_classes = [RolePermission]
    access_rules = {
        "list": (R.MACHTIGING, A.LEZEN),
        "create": (R.MACHTIGING, A.WIJZIGEN),
        "wettelijk_beeindigen": (R.MACHTIGING, A.WIJZIGEN),
        "machtiging_intrekken": (R.MACHTIGING, A.WIJZIGEN),
    }

    def _inwoner(self, request: Request, inwoner_id: int, action: Action) -> Inwoner:
        access.gemeente_van(request)  # a login without a municipality: refused (403, logged)
        via = access.Via.request(request)
        inwoner = selectors.vertegenwoordigde(request.user, inwoner_id, action, via=via)
        access.require(request.user, R.MACHTIGING, action, via=via, inwoner=inwoner)
        return inwoner

    def _stand(self, inwoner: Inwoner, code: int = status.HTTP_200_OK) -> Response:
        data = {
            "inwoner_id": inwoner.pk,
            "wettelijk": selectors.wettelijke_vertegenwoordigers(inwoner),
            "machtigingen": selectors.machtigingen_gegeven(inwoner),
        }
        return Response(VertegenwoordigingSerializer(data).data, status=code)

    @extend_schema(
        summary="Wie mag voor deze inwoner handelen (wettelijk en gemachtigd)",
        responses=VertegenwoordigingSerializer,
        tags=["vertegenwoordiging"],
    )
    def list(self, request: Request, inwoner_id: int) -> Response:
        return self._stand(self._inwoner(request, inwoner_id, A.LEZEN))

    @extend_schema(
        summary="Een mentor, curator of papieren machtiging vastleggen",
        description="De vertegenwoordiger is een inwoner van de gemeente, gevonden met BSN en "
        "geboortedatum samen. Geweigerd (400, niets vastgelegd): onbekend BSN, zichzelf, een "
        "einddatum vóór de begindatum, een machtiging zonder einddatum, een mentor of curator "
        "zonder uitspraak.",
        request=VastleggenSerializer,
        responses={201: VertegenwoordigingSerializer},
        tags=["vertegenwoordiging"],
    )
    def create(self, request: Request, inwoner_id: int) -> Response:
        inwoner = self._inwoner(request, inwoner_id, A.WIJZIGEN)
        invoer = VastleggenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        _service(
            lambda: services.vertegenwoordiging_vastleggen(
                actor=request.user,
                inwoner=inwoner,
                via=access.Via.request(request),
                **invoer.validated_data,
            )
        )
        return self._stand(inwoner, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Een wettelijke vertegenwoordiging beëindigen (vandaag de laatste dag)",
        request=None,
        responses=VertegenwoordigingSerializer,
        tags=["vertegenwoordiging"],
    )
    def wettelijk_beeindigen(self, request: Request, inwoner_id: int, pk: int) -> Response:
        inwoner = self._inwoner(request, inwoner_id, A.WIJZIGEN)
        persoon = Netwerkpersoon.objects.filter(
            pk=pk, inwoner=inwoner, soort=NetwerkSoort.VERTEGENWOORDIGER
        ).first()
        if persoon is None:
            raise NotFound("Deze vertegenwoordiging bestaat niet bij deze inwoner.")
        _service(
            lambda: services.vertegenwoordiging_beeindigen(
                actor=request.user,
                inwoner=inwoner,
                wettelijk=persoon,
                op=timezone.localdate(),
                via=access.Via.request(request),
            )
        )
        return self._stand(inwoner)

    @extend_schema(
        summary="Een machtiging intrekken (vanaf vandaag)",
        request=None,
        responses=VertegenwoordigingSerializer,
        tags=["vertegenwoordiging"],
    )
    def machtiging_intrekken(self, request: Request, inwoner_id: int, pk: int) -> Response:
        inwoner = self._inwoner(request, inwoner_id, A.WIJZIGEN)
        machtiging = Machtiging.objects.filter(pk=pk, inwoner=inwoner).first()
        if machtiging is None:
            raise NotFound("Deze machtiging bestaat niet bij deze inwoner.")
        _service(
            lambda: services.vertegenwoordiging_beeindigen(
                actor=request.user,
                inwoner=inwoner,
                machtiging=machtiging,
                op=timezone.localdate(),
                via=access.Via.request(request),
            )
        )
        return self._stand(inwoner)
