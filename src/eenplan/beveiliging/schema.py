"""The API key in the OpenAPI schema (drf-spectacular): `Authorization: Token <key>`."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiSleutelScheme(OpenApiAuthenticationExtension):
    target_class = "eenplan.beveiliging.authentication.ApiSleutelAuthentication"
    name = "apiSleutel"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "API-sleutel met het voorvoegsel 'Token', bijvoorbeeld "
            "'Token ep_…'. Een medewerker maakt hem op /account/api-sleutels/ of een beheerder "
            "met `eenplan api_sleutel GEBRUIKERSNAAM`.",
        }
