"""`make fuzz` reads schemathesis' event stream: server errors per operation, cases counted."""

from __future__ import annotations

import json
from pathlib import Path

from eenplan.fuzz import _server_errors


def _scenario(label: str, checks: dict, statuses: dict) -> str:
    return json.dumps(
        {
            "ScenarioFinished": {
                "phase": "fuzzing",
                "status": "failure",
                "recorder": {
                    "label": label,
                    "cases": {case: {} for case in statuses},
                    "checks": checks,
                    "interactions": {
                        case: {"response": {"status_code": code}}
                        for case, code in statuses.items()
                    },
                },
            }
        }
    )


def test_server_errors_are_counted_per_operation_and_other_checks_apart(tmp_path: Path):
    events = tmp_path / "events.ndjson"
    events.write_text(
        "\n".join(
            [
                json.dumps({"Initialize": {"seed": 1}}),
                _scenario(
                    "GET /api/v1/beschikkingen/export/cak/",
                    {
                        "a": [{"name": "not_a_server_error", "status": "failure"}],
                        "b": [{"name": "not_a_server_error", "status": "success"}],
                    },
                    {"a": 500, "b": 400},
                ),
                _scenario(
                    "POST /api/v1/klachten/",
                    {"c": [{"name": "response_schema_conformance", "status": "failure"}]},
                    {"c": 201},
                ),
                "not json: a line cut off when the run was stopped",
            ]
        )
    )
    errors, cases, other = _server_errors(events)
    assert dict(errors) == {"GET /api/v1/beschikkingen/export/cak/": {500: 1}}
    assert cases == {"GET /api/v1/beschikkingen/export/cak/": 2, "POST /api/v1/klachten/": 1}
    assert other == 1


def test_a_missing_report_means_nothing_was_tested(tmp_path: Path):
    errors, cases, other = _server_errors(tmp_path / "absent.ndjson")
    assert not errors and not cases and other == 0
