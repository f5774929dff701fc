from django.apps import AppConfig


class SturingConfig(AppConfig):
    name = "eenplan.sturing"
    label = "sturing"
    verbose_name = "Sturing: indicatoren en momentopnamen"
