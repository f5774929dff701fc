from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "eenplan.berichten"
    label = "berichten"
    verbose_name = "iWmo/iJw-berichtenverkeer"

    def ready(self) -> None:
        from eenplan.berichten import subscribers  # noqa: F401  (registers the subscribers)
        from eenplan.berichten.toegang import koppel  # the provider actor of privacy.access

        koppel()
        _in_lijst()


def _in_lijst() -> None:
    """The columns the batch lookups of message processing read with `in_lijst`
    (`berichten.services.inkomend`: thousands of plain ids, digests and numbers a query); only
    these have the lookup (`common.lookups.in_lijst_op`)."""
    from django.apps import apps

    from eenplan.common.lookups import in_lijst_op

    def veld(model: str, naam: str) -> object:
        return apps.get_model(model)._meta.get_field(naam)

    bericht = apps.get_model("berichten", "Bericht")
    in_lijst_op(
        veld("berichten.Bericht", "sha256"),
        veld("berichten.Bericht", "aanbieder"),
        veld("berichten.Bericht", "afzender"),
        veld("berichten.Bericht", "identificatie"),
        veld("berichten.Bericht", "kenmerk"),
        bericht.inwoners.through._meta.get_field("inwoner"),
        bericht.inwoners.through._meta.get_field("bericht"),
        veld("berichten.Toewijzing", "id"),
        veld("berichten.Toewijzing", "aanbieder"),
        veld("berichten.Toewijzing", "inwoner"),
        veld("berichten.Prestatie", "toewijzing"),
        veld("berichten.Prestatie", "referentie"),
        veld("berichten.Levering", "toewijzing"),
        veld("inwoners.Inwoner", "bsn"),
    )
