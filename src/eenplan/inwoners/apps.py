from django.apps import AppConfig


class InwonersConfig(AppConfig):
    name = "eenplan.inwoners"
    label = "inwoners"
    verbose_name = "Inwoners, huishoudens en netwerk"
