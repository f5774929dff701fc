"""Aanvragen (applications), beschikkingen with their provisions, transition rights and
suspensions. Bezwaar and klacht live in `eenplan.bezwaren`, the layer above."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from eenplan.beschikkingen.constants import (
    AanvraagStatus,
    BriefSoort,
    Rechtmatigheid,
    Uitkomst,
    VerzendStatus,
)
from eenplan.common.concurrency import VersieModel
from eenplan.common.constants import Wet
from eenplan.common.models import BaseModel
from eenplan.gemeente.constants import Verzendkanaal
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner


class Aanvraag(VersieModel, BaseModel):
    """A formal application for a maatwerkvoorziening. In Venlo signing the plan *is* the
    application (seed 000 L1973-1976); the resident may also apply for something else, which
    is recorded as deviating from the advice."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="aanvragen")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="aanvragen")
    plan = models.ForeignKey(
        "plannen.Plan", on_delete=models.PROTECT, null=True, blank=True, related_name="aanvragen"
    )
    voorstel = models.OneToOneField(
        "plannen.Voorstel", on_delete=models.PROTECT, null=True, blank=True, related_name="aanvraag"
    )
    omschrijving = models.CharField(max_length=300)
    wet = models.CharField(max_length=20, choices=Wet.choices)
    ontvangen_op = models.DateField()
    beslissen_uiterlijk = models.DateField(
        help_text="Wmo: 2 weken (art. 2.3.5 lid 2); Jeugdwet/Participatiewet: 8 weken "
        "(Awb 4:13); met de Algemene termijnenwet."
    )
    afwijkend_van_advies = models.BooleanField(
        default=False, help_text="De inwoner vraagt iets anders aan dan het plan adviseert."
    )
    toelichting = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=AanvraagStatus.choices, default=AanvraagStatus.ONTVANGEN
    )
    ingediend_door = models.CharField(max_length=200, help_text="Naam van de ondertekenaar.")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Awb art. 4:14: the notice that the decision will be late, with the reason and the day by
    # which it will come; the letter as sent (text, PDF, template).
    vertraging_gemeld_op = models.DateField(null=True, blank=True)
    vertraging_reden = models.TextField(blank=True)
    vertraging_verwacht_op = models.DateField(null=True, blank=True)
    vertraging_brief = models.TextField(blank=True)
    vertraging_brief_pdf = models.BinaryField(blank=True, editable=False)
    vertraging_sjabloon = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = "aanvraag"
        verbose_name_plural = "aanvragen"
        ordering = ["-ontvangen_op", "-id"]
        indexes = [
            models.Index(
                fields=["gemeente", "status", "beslissen_uiterlijk"],
                name="aanvraag_werkvoorraad_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Aanvraag {self.omschrijving} ({self.get_wet_display()})"

    @property
    def kenmerk(self) -> str:
        """The case reference of the aanvraag (the 4:14 notice names it)."""
        return f"{self.gemeente.cbs_code}-AV-{self.ontvangen_op:%Y}-{self.pk:06d}"


class Beschikking(VersieModel, BaseModel):
    """The formal decision on an aanvraag (Wmo 2015 art. 2.3.5; Awb 4:13), per provision."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="beschikkingen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="beschikkingen")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="beschikkingen")
    besloten_op = models.DateField()
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    motivering = models.TextField(help_text="Vrije tekst; de uitkomst van de ladder staat erbij.")
    ladder_uitkomst = models.TextField(blank=True)
    verzonden_op = models.DateField(null=True, blank=True)
    bezwaar_uiterlijk = models.DateField(
        null=True, blank=True, help_text="Awb 6:7 en 6:8 met de Algemene termijnenwet."
    )
    rechtmatigheid = models.CharField(
        max_length=20, choices=Rechtmatigheid.choices, default=Rechtmatigheid.NVT
    )
    rechtmatigheid_reden = models.TextField(blank=True)
    getoetst_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    brief = models.TextField(blank=True, help_text="De brief zoals hij is verzonden.")
    brief_pdf = models.BinaryField(
        blank=True,
        editable=False,
        help_text="De PDF zoals hij is verzonden (PDF/A); nooit opnieuw gemaakt.",
    )
    brief_sjabloon = models.CharField(
        "sjabloonversie",
        max_length=100,
        blank=True,
        help_text="Het sjabloon en de versie waarmee de verzonden brief is gemaakt.",
    )
    verzonden_voor_toetsing = models.BooleanField(
        null=True,
        blank=True,
        help_text="Een besluit van een generalist: verzonden vóór (ja) of na (nee) de "
        "rechtmatigheidstoets; leeg als er geen toets hoort (besluit van de backoffice) of het "
        "nog niet is verzonden.",
    )
    herziet = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="herzien_door",
        help_text="Na een gegrond bezwaar: de beschikking die dit herziet.",
    )

    class Meta:
        verbose_name = "beschikking"
        verbose_name_plural = "beschikkingen"
        ordering = ["-besloten_op", "-id"]
        indexes = [
            models.Index(fields=["gemeente", "rechtmatigheid"], name="beschikking_toets_idx"),
            # The retention worklist's first cut: refused decisions taken before a date.
            models.Index(fields=["gemeente", "besloten_op"], name="beschikking_besloten_idx"),
        ]
        constraints = [
            # An unlawful decision stays on record; the aanvraag then gets a new one.
            models.UniqueConstraint(
                fields=["aanvraag"],
                condition=~Q(rechtmatigheid=Rechtmatigheid.ONRECHTMATIG),
                name="een_beschikking_per_aanvraag",
                violation_error_message="Op deze aanvraag is al besloten; er is één "
                "beschikking per aanvraag.",
            ),
            models.CheckConstraint(
                condition=Q(rechtmatigheid__in=[Rechtmatigheid.NVT, Rechtmatigheid.TE_TOETSEN])
                | Q(getoetst_door__isnull=False),
                name="rechtmatigheid_getoetst_door",
                violation_error_message="Een uitkomst van de rechtmatigheidstoets noemt wie "
                "toetste.",
            ),
        ]

    def __str__(self) -> str:
        return f"Beschikking {self.pk} ({self.inwoner})"

    @property
    def kenmerk(self) -> str:
        """The case reference on the letter and in every reply: municipality, year, number."""
        return f"{self.gemeente.cbs_code}-BS-{self.besloten_op:%Y}-{self.pk:06d}"


class BeschikteVoorziening(BaseModel):
    beschikking = models.ForeignKey(
        Beschikking, on_delete=models.PROTECT, related_name="voorzieningen"
    )
    voorziening = models.ForeignKey(
        "voorzieningen.Voorziening", on_delete=models.PROTECT, related_name="beschikt"
    )
    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices)
    omvang = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    eenheid = models.CharField(max_length=2, blank=True)
    frequentie = models.CharField(max_length=1, blank=True)
    begin = models.DateField(null=True, blank=True)
    einde = models.DateField(null=True, blank=True)
    heronderzoek_op = models.DateField(null=True, blank=True)
    leveringsvorm = models.CharField(max_length=3, blank=True)
    aanbieder = models.ForeignKey(
        "aanbieders.Aanbieder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beschikte_voorzieningen",
        help_text="Bij zorg in natura: de gecontracteerde aanbieder.",
    )
    pgb_budget = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    pgb_zelf_te_betalen = models.DecimalField(
        max_digits=10, decimal_places=2, null=True, blank=True
    )
    pgb_toets = models.JSONField(
        null=True,
        blank=True,
        help_text="De drie voorwaarden (Wmo 2015 art. 2.3.6) en het "
        "persoonlijk plan, zoals vastgelegd.",
    )
    eigen_bijdrage_van_toepassing = models.BooleanField(default=True)

    class Meta:
        verbose_name = "beschikte voorziening"
        verbose_name_plural = "beschikte voorzieningen"
        ordering = ["beschikking", "id"]
        indexes = [
            models.Index(fields=["einde"], name="beschikt_einde_idx"),
            models.Index(fields=["heronderzoek_op"], name="beschikt_heronderzoek_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.voorziening} ({self.get_uitkomst_display()})"


class Overgangsrecht(BaseModel):
    """An existing client's old indication with the legal end of its transition right; every
    one must be re-assessed (heronderzoek) before that date."""

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="overgangsrechten")
    soort = models.CharField(max_length=30)
    omschrijving = models.CharField(max_length=200)
    oude_einddatum = models.DateField(null=True, blank=True)
    aangekondigd_op = models.DateField(null=True, blank=True)
    einddatum = models.DateField(help_text="Berekend uit rules.overgangsrecht.")
    heronderzoek_op = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "overgangsrecht"
        verbose_name_plural = "overgangsrechten"
        ordering = ["einddatum", "id"]

    def __str__(self) -> str:
        return f"{self.omschrijving} tot {self.einddatum:%d-%m-%Y}"


class AanvraagOpschorting(BaseModel):
    """The decision term stands still, e.g. waiting for the resident's papers (Awb art. 4:15)."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="opschortingen")
    van = models.DateField()
    tot = models.DateField(null=True, blank=True)
    reden = models.CharField(max_length=300)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "opschorting van een aanvraag"
        verbose_name_plural = "opschortingen van aanvragen"
        ordering = ["van", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanvraag"],
                condition=Q(tot__isnull=True),
                name="een_open_opschorting_per_aanvraag",
                violation_error_message="De termijn van deze aanvraag is al opgeschort; "
                "beëindig die opschorting eerst.",
            ),
        ]

    def __str__(self) -> str:
        return f"Opgeschort vanaf {self.van:%d-%m-%Y}: {self.reden}"


class BriefSjabloon(BaseModel):
    """A municipality's own wording of a letter, versioned: saving makes a new version, an old
    one is never changed (a sent letter names the version it used). The newest version valid
    on a day is the active one. The text is plain, with `$name` placeholders only (ADR 0020):
    no template tags, no attribute access."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="sjablonen")
    soort = models.CharField(max_length=30, choices=BriefSoort.choices)
    versie = models.PositiveIntegerField()
    tekst = models.TextField()
    geldig_vanaf = models.DateField()
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    toelichting = models.CharField(max_length=300, blank=True, help_text="Wat is er veranderd?")

    class Meta:
        verbose_name = "briefsjabloon"
        verbose_name_plural = "briefsjablonen"
        ordering = ["gemeente", "soort", "-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "soort", "versie"],
                name="briefsjabloon_versie_uniek",
                violation_error_message="Deze versie van het sjabloon bestaat al.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} versie {self.versie}"

    @property
    def label(self) -> str:
        """How a sent letter records it."""
        return f"sjabloon {self.gemeente.cbs_code} {self.soort} versie {self.versie}"


class Verzending(BaseModel):
    """One sent letter on one send channel (ADR 0021): recorded in the transaction that sends
    the letter, run after it commits, kept with its outcome. A failed channel is retried
    (`eenplan verzendingen_opnieuw`, or the button on the list) and stays visible until done;
    the letter itself (text and PDF) stays on its own record (`bron_id` of `brief_soort`)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inwoner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    brief_soort = models.CharField(max_length=30, choices=BriefSoort.choices)
    bron_id = models.PositiveBigIntegerField(help_text="De beschikking, het bezwaar of de klacht.")
    kenmerk = models.CharField(max_length=40)
    kanaal = models.CharField(max_length=20, choices=Verzendkanaal.choices)
    status = models.CharField(
        max_length=20, choices=VerzendStatus.choices, default=VerzendStatus.WACHT
    )
    pogingen = models.PositiveSmallIntegerField(default=0)
    laatste_poging = models.DateTimeField(null=True, blank=True)
    fout = models.TextField(blank=True)
    referentie = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["brief_soort", "bron_id", "kanaal"], name="verzending_uniek"
            )
        ]
        indexes = [
            models.Index(fields=["gemeente", "status"], name="verzending_status_idx"),
            models.Index(fields=["brief_soort", "bron_id"], name="verzending_bron_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kenmerk} via {self.kanaal}: {self.status}"
