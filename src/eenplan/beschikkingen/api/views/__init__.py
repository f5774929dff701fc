"""The aanvragen, beschikkingen and overgangsrecht API, one module per resource (`aanvragen`,
`beschikkingen`, `overgangsrecht`) and what they share (`basis`). `api/urls.py` imports the
modules themselves.

Thin viewsets: parse with an input serializer, check the role (`RolePermission` with
`access_rules`), load the record with the selector the pages use, decide on its resident through
`privacy.access` (403 with the reason when refused, logged either way), call one service or
selector, serialise. An unknown query parameter is a 400 (`common.schema`).
"""
