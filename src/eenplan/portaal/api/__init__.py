"""The inwonersportaal's REST API (`/api/v1/mijn/`): the same reads (`portaal.selectors`) and
the same services as the pages, for a resident's login only."""
