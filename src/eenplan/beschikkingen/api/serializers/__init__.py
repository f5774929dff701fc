"""Input and output shapes of the aanvragen and beschikkingen API and of the SVB and CAK exports,
one module per resource (`aanvragen`, `beschikkingen`, `exports`, `overgangsrecht`) and what they
share (`algemeen`). Bezwaren and klachten: `eenplan.bezwaren.api.serializers`.

Output: a list row and the whole record. Input: one serializer per write, each feeding exactly
one service; the meaning (an end before the start, a volume of zero, the PGB conditions, iWmo
OP043, a bezwaar by the right resident, the Awb terms) is checked by the services, so pages and
API refuse the same things with the same Dutch messages.

Schema notes (drf-spectacular names an enum after its field):
- `status` (aanvraag) and `uitkomst` (per provision, of a bezwaar) are plain strings with the
  allowed values in their help text: the meldingen API owns `StatusEnum` and the plannen API
  `UitkomstEnum`, and a second choice set under those names is a schema warning. Entries in
  SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] for both choice sets of each name would let them
  become enums.
- `leveringsvorm`, `rechtmatigheid`, `tijdigheid` and `termijn_status` are enums: no other
  choice set uses those names.
"""
