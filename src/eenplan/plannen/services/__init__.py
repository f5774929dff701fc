"""Writes of the plannen app: one plan per household, one regisseur, consent, signing.

Every change of goals, regisseur or participants writes a PlanVersie snapshot, so earlier
versions stay visible. Refusals raise ValidationError in Dutch and change nothing.

Each service receives the `actor` and first asks the one decision point (`privacy.access`)
whether it may change this household's plan — its role (PLAN wijzigen; opening a plan: PLAN
aanmaken) and need-to-know (a *current* member of the household in its scope). A refusal
raises `access.Refused` (403), is logged, and changes nothing.

Split per part of the plan: `gemeen` (access, versions, snapshot), `levensloop` (open, merge,
sign, an aanvraag made with the plan), `doelen` (goals, actions, proposals, evaluations) and
`regie` (regisseur, participants and consent, safety signals). Import from this package.
"""

from eenplan.plannen.services.doelen import actie_add, doel_add, evaluatie_add, voorstel_add
from eenplan.plannen.services.gemeen import GEEN_PROFESSIONELE_REGISSEUR, plan_snapshot
from eenplan.plannen.services.inbreng import actie_gedaan, inbreng_add
from eenplan.plannen.services.levensloop import aanvraag_file, plan_merge, plan_open, plan_sign
from eenplan.plannen.services.regie import (
    deelnemer_add,
    deelnemer_toestemming_intrekken,
    deelnemers_actief,
    regisseur_set,
    veiligheid_signaleer,
)

__all__ = [
    "GEEN_PROFESSIONELE_REGISSEUR",
    "aanvraag_file",
    "actie_add",
    "actie_gedaan",
    "deelnemer_add",
    "deelnemer_toestemming_intrekken",
    "deelnemers_actief",
    "doel_add",
    "evaluatie_add",
    "inbreng_add",
    "plan_merge",
    "plan_open",
    "plan_sign",
    "plan_snapshot",
    "regisseur_set",
    "veiligheid_signaleer",
    "voorstel_add",
]
