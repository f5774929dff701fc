"""Dated legal data (JSON) for the pure rules; read with importlib.resources."""
