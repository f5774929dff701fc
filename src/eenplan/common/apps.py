from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "eenplan.common"
    label = "common"
    verbose_name = "Gemeenschappelijk"

    def ready(self) -> None:
        from django.db.models import CharField

        from eenplan.common.lookups import Prefix

        CharField.register_lookup(Prefix)
        # `in_lijst` is registered per field where it is used (`common.lookups.in_lijst_op`).
