from django.apps import AppConfig


class TakenConfig(AppConfig):
    """Long work as tasks whose progress the user who started it sees (issue 16, ADR 0048)."""

    name = "eenplan.taken"
    label = "taken"
    verbose_name = "Taken: achtergrondwerk met voortgang"

    def ready(self) -> None:
        # Every app registers its kinds of task in its own `taken.py` (`@taaksoort`); found
        # here at start-up, in the web process and in the worker (`eenplan db_worker`) alike.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("taken")
