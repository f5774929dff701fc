"""Settings come from the environment; production refuses the development secret."""

import os
import subprocess
import sys


def run_check(**env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "eenplan", "check"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_refuses_to_start_with_debug_off_and_default_secret():
    result = run_check(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "weigert te starten" in result.stderr


def test_starts_with_debug_off_and_a_real_secret():
    result = run_check(DEBUG="false", SECRET_KEY="x" * 60, ALLOWED_HOSTS="eenplan.example")
    assert result.returncode == 0, result.stderr
