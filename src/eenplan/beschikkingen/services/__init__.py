"""Writes of the beschikkingen app, one module per aggregate: `aanvraag` (register, suspend,
resume), `beschikking` (decide, send, the lawfulness check, revision), `brief` (the letter),
`eigen_bijdrage`, `overgangsrecht`, and what they share (`_gedeeld`). Bezwaar and klacht are
written by `eenplan.bezwaren.services`, which uses `vereis_toegang`, `publiceer` and
`beschikking_herzien` from here.

Authorisation lives here too (issue 8): every write on a resident's dossier receives the `actor`
and asks `privacy.access.require` (role and need-to-know, logged allowed and refused) before it
changes anything, plus the rules of its own: a generalist decides a Jeugdwet aanvraag only with
a youth registration valid on the decision date, and a decision awaiting the lawfulness check is
sent only when the municipality allows that (its lawfulness rule, a setting). A refusal is a
`privacy.access.Refused` (403) or a `ValidationError` in Dutch; either way nothing changes.
"""

# The app's write API, one name per service: other apps (bezwaren, the demo, the test builders) and
# the views call `services.<name>`; the modules above hold the code.
from eenplan.beschikkingen.services._gedeeld import (
    GENERALISTEN,
    ActorLike,
    datum_tekst,
    is_generalist,
    publiceer,
    vereis_toegang,
)
from eenplan.beschikkingen.services.aanvraag import (
    aanvraag_register,
    aanvraag_resume,
    aanvraag_suspend,
)
from eenplan.beschikkingen.services.beschikking import (
    GEEN_JEUGDREGISTRATIE,
    NIET_VOOR_TOETSING,
    Regel,
    beschikking_herzien,
    beschikking_issue,
    beschikking_send,
    rechtmatigheid_check,
)
from eenplan.beschikkingen.services.brief import (
    SJABLOON_VERSIE,
    brief_naar_pdf,
    brief_pdf,
    brief_render,
    brief_tekst,
    voor_toetsing_verzonden,
)
from eenplan.beschikkingen.services.eigen_bijdrage import (
    beschikking_eigen_bijdrage,
    eigen_bijdrage_voor,
    eigen_bijdragen_voor,
)
from eenplan.beschikkingen.services.overgangsrecht import (
    overgangsrecht_register,
)
from eenplan.beschikkingen.services.sjablonen import (
    OMBUDSMAN,
    PLAATSHOUDERS,
    STANDAARD_BESCHIKKING,
    STANDAARDEN,
    actief_sjabloon,
    sjabloon_fouten,
    sjabloon_invullen,
    sjabloon_save,
    voorbeeld_waarden,
)
from eenplan.beschikkingen.services.vertraging import aanvraag_vertraging_melden
from eenplan.beschikkingen.services.voorziening import (
    voorziening_beeindig,
    voorziening_wijzig,
)

__all__ = [
    "aanvraag_vertraging_melden",
    "voorziening_beeindig",
    "voorziening_wijzig",
    "ActorLike",
    "GEEN_JEUGDREGISTRATIE",
    "GENERALISTEN",
    "NIET_VOOR_TOETSING",
    "Regel",
    "aanvraag_resume",
    "aanvraag_suspend",
    "aanvraag_register",
    "beschikking_herzien",
    "beschikking_issue",
    "beschikking_send",
    "SJABLOON_VERSIE",
    "brief_naar_pdf",
    "brief_pdf",
    "brief_render",
    "PLAATSHOUDERS",
    "STANDAARD_BESCHIKKING",
    "STANDAARDEN",
    "OMBUDSMAN",
    "actief_sjabloon",
    "sjabloon_fouten",
    "sjabloon_invullen",
    "sjabloon_save",
    "voorbeeld_waarden",
    "brief_tekst",
    "datum_tekst",
    "beschikking_eigen_bijdrage",
    "eigen_bijdrage_voor",
    "eigen_bijdragen_voor",
    "is_generalist",
    "overgangsrecht_register",
    "publiceer",
    "rechtmatigheid_check",
    "vereis_toegang",
    "voor_toetsing_verzonden",
]
