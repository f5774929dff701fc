"""Writes of the meldingen app: registration, screening, assignment, suspension, linking and
closing, one module per step of the front door (`registratie`, `screening`, `toewijzing`,
`opschorting`, `afsluiten`) on a shared preamble (`_shared`).

Every function runs in one transaction and writes a MeldingGebeurtenis (who, when, what), so
the history of a melding is complete, and publishes its domain event (ADR 0013). Refusals raise
ValidationError with a Dutch message and change nothing.

Authorisation lives here too (issue 8): each service receives the `actor` and asks
`privacy.access` whether it may do this to this melding — role and need-to-know of the melding's
resident, or for a person not identified yet the screeners of the municipality — plus the rules of
its own (only the contact person or the mid-office closes a melding; youth meldingen only to a
professional with a valid registration). A refusal raises `access.Refused` (403) and is in the
access log; pages and API pass their `via` (and the API its `doel`) so the log says where.
"""

from eenplan.meldingen.services._shared import (
    AFSLUITEN,
    ALLEEN_CONTACTPERSOON,
    GENERALISTEN,
    may_close,
    melding_authorise,
)
from eenplan.meldingen.services.afsluiten import melding_close
from eenplan.meldingen.services.opschorting import melding_resume, melding_suspend
from eenplan.meldingen.services.registratie import (
    VRAAG_MAX,
    melding_register,
    melding_register_errors,
)
from eenplan.meldingen.services.screening import (
    melding_answer,
    melding_forward,
    melding_identify,
    melding_link,
)
from eenplan.meldingen.services.toewijzing import melding_assign, round_robin_candidate

__all__ = [
    "AFSLUITEN",
    "ALLEEN_CONTACTPERSOON",
    "GENERALISTEN",
    "VRAAG_MAX",
    "may_close",
    "melding_answer",
    "melding_assign",
    "melding_authorise",
    "melding_close",
    "melding_forward",
    "melding_identify",
    "melding_link",
    "melding_register",
    "melding_register_errors",
    "melding_resume",
    "melding_suspend",
    "round_robin_candidate",
]
