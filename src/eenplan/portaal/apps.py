from django.apps import AppConfig


class PortaalConfig(AppConfig):
    """The inwonersportaal (issue 13): residents and their representatives see and steer their
    own case. No tables of its own: it reads through the apps' selectors and writes through
    their services, deciding access with `privacy.access.decide_inwoner`."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "eenplan.portaal"
    verbose_name = "Inwonersportaal"
