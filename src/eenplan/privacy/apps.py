from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "eenplan.privacy"
    label = "privacy"
    verbose_name = "Privacy: inzagelog, toegang en toestemming"

    def ready(self) -> None:
        from eenplan.privacy import subscribers  # noqa: F401  (registers the subscribers)
