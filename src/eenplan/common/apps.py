from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "eenplan.common"
    label = "common"
    verbose_name = "Gemeenschappelijk"

    def ready(self) -> None:
        from django.db.models import CharField, Field, ForeignObject

        from eenplan.common.lookups import InLijst, Prefix

        CharField.register_lookup(Prefix)
        Field.register_lookup(InLijst)
        ForeignObject.register_lookup(InLijst)  # keys: their own lookups, not Field's
