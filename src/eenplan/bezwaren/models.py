"""Bezwaar (objection against a sent beschikking, Awb chapter 6-7) and klacht (complaint, Awb
chapter 9). They sit above `beschikkingen`: a bezwaar points to the beschikking it objects to,
never the other way round (a beschikking reaches its bezwaren through the reverse relation)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from eenplan.beschikkingen.models import Beschikking
from eenplan.bezwaren.constants import BezwaarUitkomst
from eenplan.common.concurrency import VersieModel
from eenplan.common.models import BaseModel
from eenplan.gemeente.models import Gemeente
from eenplan.inwoners.models import Inwoner


class Bezwaar(VersieModel, BaseModel):
    beschikking = models.ForeignKey(Beschikking, on_delete=models.PROTECT, related_name="bezwaren")
    ingediend_door = models.CharField(max_length=200)
    ontvangen_op = models.DateField()
    ter_post_bezorgd_op = models.DateField(null=True, blank=True)
    tijdigheid = models.CharField(max_length=30)
    verschoonbaar_reden = models.TextField(blank=True)
    gronden = models.TextField()
    informeel_gesprek_op = models.DateField(null=True, blank=True)
    adviescommissie = models.BooleanField(default=False)
    beslissen_uiterlijk = models.DateField()
    verdaagd = models.BooleanField(default=False)
    uitkomst = models.CharField(
        max_length=20, choices=BezwaarUitkomst.choices, default=BezwaarUitkomst.LOPEND
    )
    besloten_op = models.DateField(null=True, blank=True)
    nieuwe_beschikking = models.ForeignKey(
        Beschikking, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    motivering = models.TextField(
        blank=True, help_text="Waarom het bezwaar (niet) slaagt: de heroverweging (Awb 7:11)."
    )
    beroep_uiterlijk = models.DateField(
        null=True, blank=True, help_text="Laatste dag voor beroep (Awb 6:7, 6:8)."
    )
    brief = models.TextField(blank=True, help_text="De beslissing op bezwaar zoals verzonden.")
    brief_pdf = models.BinaryField(blank=True, editable=False)
    brief_sjabloon = models.CharField(
        max_length=120, blank=True, help_text="Het sjabloon (en de versie) van de brief."
    )

    class Meta:
        verbose_name = "bezwaar"
        verbose_name_plural = "bezwaren"
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self) -> str:
        return f"Bezwaar tegen beschikking {self.beschikking_id}"

    @property
    def kenmerk(self) -> str:
        """The case reference of the decision on bezwaar: municipality, year, number."""
        return f"{self.beschikking.gemeente.cbs_code}-BZ-{self.ontvangen_op:%Y}-{self.pk:06d}"


class Klacht(VersieModel, BaseModel):
    """A complaint, separate from bezwaar, with its own handling term (Awb art. 9:11)."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="klachten")
    inwoner = models.ForeignKey(
        Inwoner, on_delete=models.PROTECT, null=True, blank=True, related_name="klachten"
    )
    ingediend_door = models.CharField(max_length=200)
    ontvangen_op = models.DateField()
    onderwerp = models.TextField()
    afhandelen_uiterlijk = models.DateField()
    # Afdeling 9.1.3: a person or committee advises, ten weeks instead of six (Awb 9:11 lid 1).
    advies = models.BooleanField(
        default=False, help_text="Een persoon of commissie adviseert over de klacht (9.1.3)."
    )
    # Awb 9:11 lid 2: postponed once by at most four weeks, told in writing.
    verdaagd_op = models.DateField(null=True, blank=True)
    verdaging_reden = models.TextField(blank=True)
    verdaging_brief = models.TextField(blank=True, help_text="De mededeling van de verdaging.")
    verdaging_brief_pdf = models.BinaryField(blank=True, editable=False)
    # Awb 9:11 lid 3: further only with the complainant's written consent, recorded.
    uitgesteld_tot = models.DateField(null=True, blank=True)
    toestemming_op = models.DateField(null=True, blank=True)
    toestemming = models.CharField(
        max_length=300, blank=True, help_text="Hoe de klager schriftelijk instemde."
    )
    afgehandeld_op = models.DateField(null=True, blank=True)
    uitkomst = models.TextField(blank=True)
    brief = models.TextField(blank=True, help_text="De brief over de afhandeling, zoals verzonden.")
    brief_pdf = models.BinaryField(blank=True, editable=False)
    brief_sjabloon = models.CharField(
        max_length=120, blank=True, help_text="Het sjabloon (en de versie) van de brief."
    )
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "klacht"
        verbose_name_plural = "klachten"
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self) -> str:
        return f"Klacht {self.pk}"

    @property
    def kenmerk(self) -> str:
        """The case reference of the complaint: municipality, year, number."""
        return f"{self.gemeente.cbs_code}-KL-{self.ontvangen_op:%Y}-{self.pk:06d}"
