from django.apps import AppConfig


class GemeenteConfig(AppConfig):
    name = "eenplan.gemeente"
    label = "gemeente"
    verbose_name = "Gemeente, wijken, teams en medewerkers"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        post_migrate.connect(_sync_roles, dispatch_uid="eenplan-roles-sync")


def _sync_roles(sender: AppConfig, **kwargs: object) -> None:
    # Runs after each app's migrations; permissions of apps not migrated yet are added by the
    # later runs, so the order of INSTALLED_APPS does not matter.
    from eenplan.gemeente.services import roles_sync

    roles_sync()
