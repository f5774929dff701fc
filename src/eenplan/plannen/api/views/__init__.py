"""REST endpoints for Eén plan: one plan per household with goals, actions, proposals, one
regisseur, participants with consent, signing (which turns maatwerk into aanvragen), safety
signals, merging and the earlier versions.

Thin, like the inwoners and meldingen APIs: parse, call one selector or service, render.
Access is decided by `privacy.access` only, with the same rules as the pages: the role per
action (`access_rules`, read by RolePermission), the household per plan (`access.require(...,
huishouden=...)`: a *current* member in scope, the same scope as the list,
`selectors.plannen_in_scope`), and each write once more by the service with the actor. Every
decision is logged, a refusal too: a plan outside the scope is a 403 with the reason when it
exists, a 404 when it does not. Every response that shows the plan logs each resident it shows
(detail, create, merge, a version). Writes of one part (a goal, an action ...) answer with the
record written. Ids in the input (residents, network persons, goals,
consents) are looked up within the plan's household only. Refusals of the services
(ValidationError in Dutch) become 400s in common.api.exception_handler and change nothing:
every service is one transaction.
"""

from eenplan.plannen.api.views.gemeen import PlanFilter
from eenplan.plannen.api.views.viewset import PlanViewSet

__all__ = [
    "PlanFilter",
    "PlanViewSet",
]
