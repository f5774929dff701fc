from django.apps import AppConfig


class PlannenConfig(AppConfig):
    name = "eenplan.plannen"
    label = "plannen"
    verbose_name = "Eén plan per huishouden"
