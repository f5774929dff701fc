from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "eenplan.events"
    label = "events"
    verbose_name = "Gebeurtenissen: de geschiedenis van elk dossier"
