"""Editing the policy plan's structure and the survey's questions over the API, with the same
services as the pages (`beleid.services.structuur`, `beleid.services.vragen`):

- `/api/v1/beleidsthemas/`, `/beleidsdoelen/`, `/beleidssubdoelen/`, `/beleidsresultaten/`
  and (create, change, delete added to the status action) `/beleidsactiviteiten/`: GET one
  (with its `ETag`, the version), POST (under `plan` / `thema` / `doel` / `subdoel`), PATCH
  with `If-Match` (412 when someone else changed it since), DELETE (refused with 400 and a
  Dutch reason while it still holds others);
- `/api/v1/enquetevragen/`: the questionnaire's questions (list, add, change, switch on/off
  with `actief`, delete one without answers).

Reads need beleid/enquete `lezen`; writes the rule of the beleidsmedewerker (beleid
`wijzigen`, enquete `aanmaken`). Bad input: 400 with a Dutch message per field, nothing
changed."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from eenplan.beleid import selectors
from eenplan.beleid.constants import ActiviteitStatus, Aspect
from eenplan.beleid.models import Activiteit, Doel, Resultaat, Subdoel, Thema, Vraag
from eenplan.beleid.services import structuur, vragen, vragenlijst_standaard
from eenplan.common.api import VersieViewSetMixin, etag, pagina
from eenplan.privacy import access
from eenplan.privacy.access import Action, Resource
from eenplan.privacy.api.common import user_gemeente
from eenplan.privacy.api.permissions import RolePermission

LEZEN = (Resource.BELEID, Action.LEZEN)
WIJZIGEN = (Resource.BELEID, Action.WIJZIGEN)


def _tekst(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, **kwargs)


# --- serializers --------------------------------------------------------------------------------


class ThemaUitSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="plan_id", read_only=True)

    class Meta:
        model = Thema
        fields = ["id", "plan", "nummer", "naam", "omschrijving", "bron", "versie"]
        read_only_fields = fields


class ThemaInSerializer(serializers.Serializer):
    plan = serializers.IntegerField(required=False, help_text="Alleen bij aanmaken.")
    nummer = serializers.IntegerField(required=False)
    naam = _tekst(max_length=200)
    omschrijving = _tekst()
    bron = _tekst(max_length=300)


class DoelUitSerializer(serializers.ModelSerializer):
    thema = serializers.IntegerField(source="thema_id", read_only=True)

    class Meta:
        model = Doel
        fields = ["id", "thema", "code", "tekst", "bron", "versie"]
        read_only_fields = fields


class DoelInSerializer(serializers.Serializer):
    thema = serializers.IntegerField(required=False, help_text="Alleen bij aanmaken.")
    code = _tekst(max_length=10)
    tekst = _tekst()
    bron = _tekst(max_length=300)


class SubdoelUitSerializer(serializers.ModelSerializer):
    doel = serializers.IntegerField(source="doel_id", read_only=True)

    class Meta:
        model = Subdoel
        fields = ["id", "doel", "nummer", "tekst", "bron", "versie"]
        read_only_fields = fields


class SubdoelInSerializer(serializers.Serializer):
    doel = serializers.IntegerField(required=False, help_text="Alleen bij aanmaken.")
    nummer = serializers.IntegerField(required=False)
    tekst = _tekst()
    bron = _tekst(max_length=300)


class ResultaatUitSerializer(serializers.ModelSerializer):
    thema = serializers.IntegerField(source="thema_id", read_only=True)

    class Meta:
        model = Resultaat
        fields = ["id", "thema", "nummer", "tekst", "bron", "versie"]
        read_only_fields = fields


class ResultaatInSerializer(SubdoelInSerializer):
    doel = None  # type: ignore[assignment]
    thema = serializers.IntegerField(required=False, help_text="Alleen bij aanmaken.")


class ActiviteitUitSerializer(serializers.ModelSerializer):
    subdoel = serializers.IntegerField(source="subdoel_id", read_only=True)
    resultaten = serializers.SerializerMethodField(help_text="Ids van de resultaten.")

    class Meta:
        model = Activiteit
        fields = [
            "id",
            "subdoel",
            "code",
            "naam",
            "eigenaar",
            "start",
            "eind",
            "status",
            "toelichting",
            "resultaten",
            "bron",
            "versie",
        ]
        read_only_fields = fields

    def get_resultaten(self, obj: Activiteit) -> list[int]:
        # Ids only, without the default ordering's joins up to the plan (a query on the plan's
        # table without the municipality condition: tests/test_access_matrix.py).
        return sorted(obj.resultaten.order_by().values_list("pk", flat=True))


class ActiviteitInSerializer(serializers.Serializer):
    subdoel = serializers.IntegerField(required=False, help_text="Alleen bij aanmaken.")
    code = _tekst(max_length=10)
    naam = _tekst()
    eigenaar = _tekst(max_length=300)
    start = serializers.DateField(required=False)
    eind = serializers.DateField(required=False)
    status = serializers.ChoiceField(choices=ActiviteitStatus.choices, required=False)
    toelichting = _tekst()
    resultaten = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text="Ids van resultaten van hetzelfde thema.",
    )
    bron = _tekst(max_length=300)


class VraagUitSerializer(serializers.ModelSerializer):
    beantwoord = serializers.BooleanField(read_only=True, help_text="Heeft antwoorden.")

    class Meta:
        model = Vraag
        fields = ["id", "nummer", "code", "tekst", "aspect", "actief", "beantwoord", "versie"]
        read_only_fields = fields


class VraagInSerializer(serializers.Serializer):
    nummer = serializers.IntegerField(required=False)
    code = _tekst(max_length=40)
    tekst = _tekst(max_length=300)
    aspect = serializers.ChoiceField(choices=Aspect.choices, required=False)
    actief = serializers.BooleanField(required=False, help_text="Aan of uit zetten.")


# --- viewsets -----------------------------------------------------------------------------------


class OnderdeelViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    # One kind of element of the plan (`soort`) under its parent kind (`ouder`, the input
    # field naming the parent's id). No docstring: see the module (the schema would show it).
    permission_classes: ClassVar[list[Any]] = [RolePermission]
    access_rules: ClassVar[dict[str, tuple[Resource, Action]]] = {
        "retrieve": LEZEN,
        "create": WIJZIGEN,
        "partial_update": WIJZIGEN,
        "destroy": WIJZIGEN,
    }
    filter_backends: ClassVar[list[type]] = []
    http_method_names: ClassVar[list[str]] = ["get", "post", "patch", "delete", "head", "options"]
    soort: ClassVar[str]
    ouder: ClassVar[str]
    invoer: ClassVar[type[serializers.Serializer]]

    def _get(self, soort: str, pk: Any, fout: str) -> Any:
        try:
            nummer = int(pk)
        except (TypeError, ValueError):
            nummer = 0
        if not fout:  # read back after a write: found within the municipality just now
            return selectors.onderdeel_get(
                soort=soort, pk=nummer, gemeente_id=user_gemeente(self.request).pk
            )
        # Another municipality's element is a 404 like an unknown one, logged (ADR 0046).
        return access.get_or_refuse(
            self.request.user,
            Resource.BELEID,
            self.access_rules[self.action][1],
            via=access.Via.request(self.request),
            pk=nummer,
            zoek=lambda gemeente_id: selectors.onderdeel_get(
                soort=soort, pk=nummer, gemeente_id=gemeente_id
            ),
            wat=soort.capitalize(),
            niet_gevonden=fout,
        )

    def _antwoord(self, obj: models.Model, code: int = status.HTTP_200_OK) -> Response:
        obj = self._get(self.soort, obj.pk, "")
        response = Response(self.get_serializer(obj).data, status=code)
        response["ETag"] = etag(obj.versie)  # type: ignore[attr-defined]
        return response

    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return self._antwoord(self._get(self.soort, pk, "Dit onderdeel bestaat niet."))

    def create(self, request: Request) -> Response:
        invoer = self.invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        ouder_id = velden.pop(self.ouder, None)
        if ouder_id is None:
            raise ValidationError({self.ouder: "Geef aan waar dit onder valt (het id)."})
        ouder_soort = "beleidsplan" if self.ouder == "plan" else self.ouder
        # Another municipality's parent is the same logged 400 as an unknown one (ADR 0046).
        ouder = access.uit_invoer(
            request.user,
            Resource.BELEID,
            Action.WIJZIGEN,
            via=access.Via.request(request),
            pk=ouder_id,
            zoek=lambda gemeente_id: selectors.onderdeel_get(
                soort=ouder_soort, pk=ouder_id, gemeente_id=gemeente_id
            ),
            wat=ouder_soort.capitalize(),
            veld=self.ouder,
        )
        obj = structuur.onderdeel_save(
            actor=request.user, soort=self.soort, ouder=ouder, velden=velden
        )
        return self._antwoord(obj, status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: Any = None) -> Response:
        obj = self._get(self.soort, pk, "Dit onderdeel bestaat niet.")
        invoer = self.invoer(data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        if velden.pop(self.ouder, None) is not None:
            raise ValidationError({self.ouder: "Een onderdeel verhuist niet; maak een nieuw."})
        obj = structuur.onderdeel_save(
            actor=request.user, soort=self.soort, onderdeel=obj, velden=velden
        )
        return self._antwoord(obj)

    def destroy(self, request: Request, pk: Any = None) -> Response:
        obj = self._get(self.soort, pk, "Dit onderdeel bestaat niet.")
        structuur.onderdeel_delete(actor=request.user, onderdeel=obj)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _schema(naam: str, uit: type, invoer: type) -> dict[str, Any]:
    return {
        "retrieve": extend_schema(summary=f"Eén {naam} met zijn versie (ETag)", responses=uit),
        "create": extend_schema(
            summary=f"{naam.capitalize()} toevoegen", request=invoer, responses={201: uit}
        ),
        "partial_update": extend_schema(
            summary=f"{naam.capitalize()} wijzigen (If-Match: de versie)",
            request=invoer,
            responses=uit,
        ),
        "destroy": extend_schema(
            summary=f"{naam.capitalize()} verwijderen (alleen als er niets onder hangt)",
            responses={204: None},
        ),
    }


def _met_schema(klasse: type, naam: str) -> type:
    for actie, schema in _schema(naam, klasse.serializer_class, klasse.invoer).items():
        setattr(klasse, actie, schema(_kopie(klasse, actie)))
    return klasse


def _kopie(klasse: type, actie: str) -> Any:
    """The inherited action as the class's own function, so the schema is per class."""
    basis = getattr(OnderdeelViewSet, actie)

    def actie_fn(self: Any, *args: Any, **kwargs: Any) -> Any:
        return basis(self, *args, **kwargs)

    actie_fn.__name__ = actie
    return actie_fn


class ThemaViewSet(OnderdeelViewSet):
    soort, ouder, versie_model = "thema", "plan", Thema
    queryset = Thema.objects.none()
    serializer_class = ThemaUitSerializer
    invoer = ThemaInSerializer


class DoelViewSet(OnderdeelViewSet):
    soort, ouder, versie_model = "doel", "thema", Doel
    queryset = Doel.objects.none()
    serializer_class = DoelUitSerializer
    invoer = DoelInSerializer


class SubdoelViewSet(OnderdeelViewSet):
    soort, ouder, versie_model = "subdoel", "doel", Subdoel
    queryset = Subdoel.objects.none()
    serializer_class = SubdoelUitSerializer
    invoer = SubdoelInSerializer


class ResultaatViewSet(OnderdeelViewSet):
    soort, ouder, versie_model = "resultaat", "thema", Resultaat
    queryset = Resultaat.objects.none()
    serializer_class = ResultaatUitSerializer
    invoer = ResultaatInSerializer


for _klasse, _naam in (
    (ThemaViewSet, "thema"),
    (DoelViewSet, "doel"),
    (SubdoelViewSet, "subdoel"),
    (ResultaatViewSet, "resultaat"),
):
    _met_schema(_klasse, _naam)


# --- the survey's questions ---------------------------------------------------------------------


class VraagViewSet(VersieViewSetMixin, viewsets.GenericViewSet):
    # The questionnaire's questions; see the module. No docstring (the schema would show it).
    permission_classes: ClassVar[list[Any]] = [RolePermission]
    access_rules: ClassVar[dict[str, tuple[Resource, Action]]] = {
        "list": (Resource.ENQUETE, Action.LEZEN),
        "retrieve": (Resource.ENQUETE, Action.LEZEN),
        "create": (Resource.ENQUETE, Action.AANMAKEN),
        "partial_update": (Resource.ENQUETE, Action.AANMAKEN),
        "destroy": (Resource.ENQUETE, Action.AANMAKEN),
    }
    versie_model = Vraag
    queryset = Vraag.objects.none()
    serializer_class = VraagUitSerializer
    filter_backends: ClassVar[list[type]] = []
    http_method_names: ClassVar[list[str]] = ["get", "post", "patch", "delete", "head", "options"]

    def _lijst(self) -> Any:
        return vragenlijst_standaard(user_gemeente(self.request))

    def _get(self, pk: Any) -> Vraag:
        try:
            nummer = int(pk)
        except (TypeError, ValueError):
            nummer = 0
        vraag = selectors.vragen_met_antwoorden(self._lijst()).filter(pk=nummer).first()
        if vraag is None:
            raise NotFound("Deze vraag hoort niet bij de vragenlijst van uw gemeente.")
        return vraag

    def _antwoord(self, pk: Any, code: int = status.HTTP_200_OK) -> Response:
        vraag = self._get(pk)
        response = Response(VraagUitSerializer(vraag).data, status=code)
        response["ETag"] = etag(vraag.versie)
        return response

    @extend_schema(
        summary="De vragen van de vragenlijst (ook uitgezette, met of ze beantwoord zijn)",
        responses=VraagUitSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        return pagina(
            self, request, selectors.vragen_met_antwoorden(self._lijst()), VraagUitSerializer
        )

    @extend_schema(summary="Eén vraag met zijn versie (ETag)", responses=VraagUitSerializer)
    def retrieve(self, request: Request, pk: Any = None) -> Response:
        return self._antwoord(pk)

    @extend_schema(
        summary="Vraag toevoegen (niet terwijl een onderzoek loopt)",
        request=VraagInSerializer,
        responses={201: VraagUitSerializer},
    )
    def create(self, request: Request) -> Response:
        invoer = VraagInSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        vraag = vragen.vraag_save(
            actor=request.user,
            vragenlijst=self._lijst(),
            vandaag=timezone.localdate(),
            nummer=d.get("nummer"),  # type: ignore[arg-type]
            code=d.get("code", ""),
            tekst=d.get("tekst", ""),
            aspect=d.get("aspect", ""),
        )
        return self._antwoord(vraag.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Vraag wijzigen of aan/uit zetten (If-Match: de versie)",
        description="Van een beantwoorde vraag blijven code, stelling en onderwerp gelijk.",
        request=VraagInSerializer,
        responses=VraagUitSerializer,
    )
    def partial_update(self, request: Request, pk: Any = None) -> Response:
        vraag = self._get(pk)
        invoer = VraagInSerializer(data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        d = dict(invoer.validated_data)
        vandaag = timezone.localdate()
        actief = d.pop("actief", None)
        if d:
            vraag = vragen.vraag_save(
                actor=request.user,
                vragenlijst=vraag.vragenlijst,
                vraag=vraag,
                vandaag=vandaag,
                nummer=d.get("nummer", vraag.nummer),
                code=d.get("code", vraag.code),
                tekst=d.get("tekst", vraag.tekst),
                aspect=d.get("aspect", vraag.aspect),
            )
        if actief is not None:
            vragen.vraag_actief_set(actor=request.user, vraag=vraag, actief=actief, vandaag=vandaag)
        return self._antwoord(vraag.pk)

    @extend_schema(summary="Vraag verwijderen (alleen zonder antwoorden)", responses={204: None})
    def destroy(self, request: Request, pk: Any = None) -> Response:
        vragen.vraag_delete(actor=request.user, vraag=self._get(pk), vandaag=timezone.localdate())
        return Response(status=status.HTTP_204_NO_CONTENT)
