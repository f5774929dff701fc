"""Staff pages of the front door (toegang): intake (`intake`), the melding with its screening and
assignment actions (`melding`), and the worklist (`werkvoorraad`). Views parse, call a selector or
service and render; every refusal of a service is shown in Dutch and changes nothing (services
are atomic).

Access is decided by `privacy.access` only: `access.requires` for the role (before anything is
read), `access.require_object` with the melding's resident for a read, and the services
themselves (`services.melding_authorise`) for every write. Each refusal is in the access log.
"""

from eenplan.meldingen.views.intake import bsn_controle, melding_bevestiging, melding_nieuw
from eenplan.meldingen.views.melding import (
    melding_afsluiten,
    melding_beantwoorden,
    melding_detail,
    melding_doorzetten,
    melding_hervatten,
    melding_identificeren,
    melding_koppelen,
    melding_opschorten,
    melding_toewijzen,
)
from eenplan.meldingen.views.werkvoorraad import werkvoorraad, werkvoorraad_samenvatting

__all__ = [
    "bsn_controle",
    "melding_afsluiten",
    "melding_beantwoorden",
    "melding_bevestiging",
    "melding_detail",
    "melding_doorzetten",
    "melding_hervatten",
    "melding_identificeren",
    "melding_koppelen",
    "melding_nieuw",
    "melding_opschorten",
    "melding_toewijzen",
    "werkvoorraad",
    "werkvoorraad_samenvatting",
]
