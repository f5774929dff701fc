"""Shared fixtures for the whole suite (app tests live next to their app under src/)."""
