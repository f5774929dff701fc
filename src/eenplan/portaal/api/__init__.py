"""The inwonersportaal's REST API (`/api/v1/portaal/`): the same reads (`portaal.selectors`) and
the same services as the pages, for a resident's login only."""
