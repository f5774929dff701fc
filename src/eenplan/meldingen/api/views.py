"""REST endpoints for meldingen (to be filled)."""
