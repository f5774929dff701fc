"""Staff pages of Eén plan: the household view, the plan with goals, actions, proposals,
regisseur, participants, safety, signing and versions, and a print view.

Views parse, call a service or selector and render; access is decided by `privacy.access`
only: the role by `access.requires` on each view, the household by `access.require(...,
huishouden=...)` (a current member in the login's scope; every current member shown is logged,
doel 'plan'), and each write once more by the service with the actor. Refusals are 403 pages
with the Dutch reason and a row in the access log; a refusal of a service's rules is shown in
Dutch next to the form. Neither changes anything.
"""

from eenplan.plannen.views.doelen import (
    actie_toevoegen,
    doel_toevoegen,
    evaluatie_toevoegen,
    voorstel_toevoegen,
)
from eenplan.plannen.views.huishouden import huishouden, plan_openen
from eenplan.plannen.views.ondertekenen import aanvraag_indienen, ondertekenen, samenvoegen
from eenplan.plannen.views.pagina import plan_afdrukken, plan_detail
from eenplan.plannen.views.regie import (
    deelnemer_toevoegen,
    regisseur_kiezen,
    toestemming_intrekken,
    veiligheid_vastleggen,
)

__all__ = [
    "aanvraag_indienen",
    "actie_toevoegen",
    "deelnemer_toevoegen",
    "doel_toevoegen",
    "evaluatie_toevoegen",
    "huishouden",
    "ondertekenen",
    "plan_afdrukken",
    "plan_detail",
    "plan_openen",
    "regisseur_kiezen",
    "samenvoegen",
    "toestemming_intrekken",
    "veiligheid_vastleggen",
    "voorstel_toevoegen",
]
