"""Shared fixtures for the whole suite (app tests live next to their app under src/)."""

from eenplan.testing.helpers import hypothesis_profile

hypothesis_profile()
