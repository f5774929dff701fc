from django.apps import AppConfig


class ParticipatieConfig(AppConfig):
    name = "eenplan.participatie"
    label = "participatie"
    verbose_name = "Werk en inkomen (Participatiewet)"
    default_auto_field = "django.db.models.BigAutoField"
