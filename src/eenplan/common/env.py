"""Every environment variable eenplan reads, declared once with its help text.

`docs/configuration.md` is generated from `VARIABLES` (``eenplan config_docs``), so the
documentation cannot drift from the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_SECRET_KEY = "eenplan-local-development-only-not-secret"  # noqa: S105 - a marker, refused in production


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    help: str


VARIABLES: dict[str, Variable] = {}


def declare(name: str, default: str, help: str) -> str:  # noqa: A002 - mirrors argparse
    """Declare a variable (once) and return its value from the environment or the default."""
    VARIABLES[name] = Variable(name=name, default=default, help=help)
    return os.environ.get(name, default)


def as_bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def as_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]
