"""Staff pages of the onderzoek (keukentafelgesprek): one page with every section, autosave
of the subjects a-g, the ladder, the life-domain scores and the verslag.

Views parse, call a service or selector and render; access is decided by `privacy.access`
only: the role by `access.requires` on each view (pages, the htmx autosave and the PDF alike),
the resident by `access.require(..., inwoner=...)` once the onderzoek is loaded (need-to-know;
logged, doel 'onderzoek'), and each write once more by the service with the actor. The other
household members a page shows are logged with `access.log_shown`. Refusals are 403 pages with
the Dutch reason and a row in the access log; a refusal of a service's rules is shown in Dutch
next to the form. Neither changes anything (services are atomic).
"""

from eenplan.onderzoeken.views.lijst import onderzoek_lijst, onderzoek_start
from eenplan.onderzoeken.views.pagina import onderzoek_detail
from eenplan.onderzoeken.views.schrijven import (
    afweging_opslaan,
    checks_opslaan,
    gesprek_toevoegen,
    onderdeel_autosave,
    onderdelen_opslaan,
    scores_opslaan,
)
from eenplan.onderzoeken.views.verslag import (
    verslag,
    verslag_definitief,
    verslag_pdf,
    verslag_reactie,
    verslag_verzonden,
)

__all__ = [
    "afweging_opslaan",
    "checks_opslaan",
    "gesprek_toevoegen",
    "onderdeel_autosave",
    "onderdelen_opslaan",
    "onderzoek_detail",
    "onderzoek_lijst",
    "onderzoek_start",
    "scores_opslaan",
    "verslag",
    "verslag_definitief",
    "verslag_pdf",
    "verslag_reactie",
    "verslag_verzonden",
]
