"""The iWmo/iJw 3.2 message traffic of the municipality with its providers (issue 11):
every message in and out is kept (raw bytes, also the malformed ones), incoming messages are
validated and applied through the plain-Python library `eenplan.istandaarden`, answered within
the terms, and exchanged through the provider API and a folder inbox/outbox (ADR 0025)."""
