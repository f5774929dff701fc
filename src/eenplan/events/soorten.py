"""The kinds of domain event, named once: '<onderwerp>.<wat er gebeurde>'.

Publishers and subscribers use these constants, so a renamed event cannot silently lose its
subscribers. Add a kind here before publishing it.
"""

from __future__ import annotations

# Melding (meldingen)
MELDING_GEREGISTREERD = "melding.geregistreerd"
MELDING_GESCREEND = "melding.gescreend"
MELDING_GEIDENTIFICEERD = "melding.geidentificeerd"
MELDING_TOEGEWEZEN = "melding.toegewezen"
MELDING_OPGESCHORT = "melding.opgeschort"
MELDING_HERVAT = "melding.hervat"
MELDING_IN_ONDERZOEK = "melding.in_onderzoek"
MELDING_GESLOTEN = "melding.gesloten"

# Onderzoek (onderzoeken)
ONDERZOEK_GESTART = "onderzoek.gestart"
ONDERZOEK_VERSLAG_DEFINITIEF = "onderzoek.verslag_definitief"
ONDERZOEK_VERSLAG_VERZONDEN = "onderzoek.verslag_verzonden"

# Plan (plannen)
PLAN_GEOPEND = "plan.geopend"
PLAN_GEWIJZIGD = "plan.gewijzigd"
PLAN_ONDERTEKEND = "plan.ondertekend"
PLAN_GEWIJZIGD_NA_ONDERTEKENING = "plan.gewijzigd_na_ondertekening"
PLAN_SAMENGEVOEGD = "plan.samengevoegd"
PLAN_AANVRAAG_INGEDIEND = "plan.aanvraag_ingediend"

# Aanvraag, beschikking (beschikkingen)
AANVRAAG_ONTVANGEN = "aanvraag.ontvangen"
AANVRAAG_OPGESCHORT = "aanvraag.opgeschort"
AANVRAAG_INGETROKKEN = "aanvraag.ingetrokken"
AANVRAAG_VERTRAGING_GEMELD = "aanvraag.vertraging_gemeld"
BESCHIKKING_GENOMEN = "beschikking.genomen"
BESCHIKKING_VERZONDEN = "beschikking.verzonden"
BESCHIKKING_GETOETST = "beschikking.getoetst"

# Bezwaar, klacht (bezwaren)
BEZWAAR_ONTVANGEN = "bezwaar.ontvangen"
BEZWAAR_VERDAAGD = "bezwaar.verdaagd"
BEZWAAR_BESLOTEN = "bezwaar.besloten"
# What bezwaren publishes when it decides (with `nieuwe_beschikking` when a revision replaces
# the decision objected to).
BEZWAAR_BESLIST = "bezwaar.beslist"
KLACHT_ONTVANGEN = "klacht.ontvangen"
KLACHT_AFGEHANDELD = "klacht.afgehandeld"
KLACHT_VERDAAGD = "klacht.verdaagd"
KLACHT_UITGESTELD = "klacht.uitgesteld"

# Beschikte voorziening (beschikkingen): a granted provision changed or ended (OP033, OP257)
VOORZIENING_GEWIJZIGD = "voorziening.gewijzigd"
VOORZIENING_BEEINDIGD = "voorziening.beeindigd"

# Mantelzorg (mantelzorg, issue 15)
MANTELZORGER_GEREGISTREERD = "mantelzorger.geregistreerd"
MANTELZORGER_BELASTING = "mantelzorger.belasting_vastgelegd"
MANTELZORGWAARDERING_TOEGEKEND = "mantelzorger.waardering_toegekend"

# iWmo/iJw messages (berichten)
BERICHT_ONTVANGEN = "bericht.ontvangen"
BERICHT_VERZONDEN = "bericht.verzonden"

# What the resident sees of the timeline in the inwonersportaal (issue 13): the steps of their
# own case. Everything else (screening, assignment, suspension, lawfulness checks, safety
# escalation, merges) is internal. A new kind is internal until it is added here.
GEDEELD_MET_INWONER = frozenset(
    {
        MELDING_GEREGISTREERD,
        MELDING_IN_ONDERZOEK,
        MELDING_GESLOTEN,
        ONDERZOEK_GESTART,
        ONDERZOEK_VERSLAG_VERZONDEN,
        PLAN_GEOPEND,
        PLAN_ONDERTEKEND,
        PLAN_AANVRAAG_INGEDIEND,
        AANVRAAG_ONTVANGEN,
        AANVRAAG_INGETROKKEN,
        AANVRAAG_VERTRAGING_GEMELD,
        BESCHIKKING_VERZONDEN,
        BEZWAAR_ONTVANGEN,
        BEZWAAR_BESLOTEN,
        KLACHT_ONTVANGEN,
        KLACHT_AFGEHANDELD,
        KLACHT_VERDAAGD,
        KLACHT_UITGESTELD,
        VOORZIENING_GEWIJZIGD,
        VOORZIENING_BEEINDIGD,
    }
)
