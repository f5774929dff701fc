"""Template comments never reach the page: Django's `{# … #}` ends on its own line, so a comment
spread over more lines is printed as text (the voorziening form in functioneel beheer showed its
developer note to the beheerder). A longer comment is `{% comment %}`."""

from __future__ import annotations

from pathlib import Path

import eenplan

BRON = Path(eenplan.__file__).parent


def test_no_template_comment_spans_more_than_one_line() -> None:
    fout = [
        f"{pad.relative_to(BRON)}:{nummer}"
        for pad in sorted(BRON.rglob("templates/**/*.html"))
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), start=1)
        if "{#" in regel and "#}" not in regel.split("{#", 1)[1]
    ]
    assert not fout, f"a {{# comment #}} must close on its line (use {{% comment %}}): {fout}"
