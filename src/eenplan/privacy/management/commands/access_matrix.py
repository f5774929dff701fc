"""`eenplan access_matrix [--write] [--endpoints]`: the declared access matrix as Markdown.

Without options it prints the matrix (role × resource × action × in / out of scope) and its
counts; `--write` puts them into docs/security.md under "## Toegangsmatrix", between the
`<!-- matrix:begin -->` and `<!-- matrix:end -->` markers, leaving the rest of the file alone;
`--endpoints` prints the endpoint registry (every route and what guards it) instead.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eenplan.privacy import matrix


class Command(BaseCommand):
    help = (
        "Toont de toegangsmatrix (rol × onderdeel × handeling × binnen/buiten need-to-know) als "
        "Markdown, of schrijft die in docs/security.md (--write)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--write",
            action="store_true",
            help="Schrijf de matrix in docs/security.md (alleen het eigen gedeelte).",
        )
        parser.add_argument(
            "--endpoints",
            action="store_true",
            help="Toon per route welke regel (onderdeel, handeling) hem bewaakt.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["endpoints"]:
            if options["write"]:
                raise CommandError("Kies --write of --endpoints, niet allebei.")
            self.stdout.write(matrix.render_endpoints(), ending="")
            missing = matrix.unguarded()
            if missing:
                self.stderr.write(
                    f"{len(missing)} route(s) zonder regel of vrijstelling: "
                    + ", ".join(e.key for e in missing)
                )
            return
        text = matrix.render_markdown()
        if not options["write"]:
            self.stdout.write(text, ending="")
            return
        path = matrix.docs_path()
        document = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(matrix.publish(text, document), encoding="utf-8")
        self.stdout.write(f"{path} bijgewerkt ({len(matrix.matrix())} beslissingen).")
