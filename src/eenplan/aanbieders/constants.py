from django.db import models

# The execution variant of a contract is the iWmo/iJw 3.2 uitvoeringsvariant (standards-and-anchors
# §1.8): the same choices as on the catalogue.
from eenplan.voorzieningen.constants import Uitvoeringsvariant

__all__ = ["Financieringsvorm", "Uitvoeringsvariant", "ContractSoort"]


class Financieringsvorm(models.TextChoices):
    """How the municipality pays under the contract. Each execution variant has its usual form
    (inspanningsgericht: prijs × hoeveelheid; outputgericht: een prijs per traject of product;
    taakgericht: een budget/lumpsum), but a municipality chooses; the contract records it."""

    PXQ = "pxq", "Prijs × hoeveelheid (per eenheid)"
    TRAJECT = "traject", "Prijs per traject of product (output)"
    LUMPSUM = "lumpsum", "Budget of lumpsum (taakgericht)"


class ContractSoort(models.TextChoices):
    RAAMOVEREENKOMST = "raamovereenkomst", "Raamovereenkomst"
    DEELOVEREENKOMST = "deelovereenkomst", "Deelovereenkomst"
