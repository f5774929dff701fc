"""Shared model base classes."""

from __future__ import annotations

from django.db import models


class BaseModel(models.Model):
    """Every table records when a row was made and last changed."""

    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True, editable=False)
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True, editable=False)

    class Meta:
        abstract = True
