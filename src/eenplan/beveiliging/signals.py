"""Receivers: start the session clocks and the second-factor state at login; revoke API keys
when a password changes or an account is deactivated."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save
from django.dispatch import receiver

from eenplan.beveiliging import tweefactor
from eenplan.beveiliging.services import api_sleutels_revoke
from eenplan.beveiliging.sessie import sessie_start

User = get_user_model()


@receiver(user_logged_in, dispatch_uid="eenplan-beveiliging-login")
def _bij_inloggen(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    sessie_start(request)
    tweefactor.bij_inloggen(request, user)


@receiver(pre_save, sender=User, dispatch_uid="eenplan-beveiliging-sleutels-intrekken")
def _sleutels_intrekken(
    sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any
) -> None:
    if instance.pk is None:
        return
    if update_fields is not None and not {"password", "is_active"} & set(update_fields):
        return  # e.g. last_login at every login
    oud = sender.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if oud is None:
        return
    # A hash upgrade at login (same password, new hasher) is no change: set_password() marks a
    # real one by keeping the raw value in `_password` until the save.
    gewijzigd = oud["password"] != instance.password and (
        getattr(instance, "_password", None) is not None or not instance.has_usable_password()
    )
    if gewijzigd:
        api_sleutels_revoke(user=instance, reden="Wachtwoord gewijzigd")
    elif oud["is_active"] and not instance.is_active:
        api_sleutels_revoke(user=instance, reden="Account gedeactiveerd")
