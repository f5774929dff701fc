"""Backup and restore: one consistent copy of the database and of the stored documents, and
its restore into an empty installation. Nothing lost.

A backup is a folder:

    manifest.json       what is in it: when, which database, the migrations applied, the rows
                        per table, and the SHA-256 of every file
    database.json       every table (Django's serialisation, natural keys for content types),
                        read in one transaction with one snapshot (REPEATABLE READ on
                        PostgreSQL; SQLite's read transaction), so the rows agree with each
                        other; the letters and verslagen (PDF) are in it, byte for byte
    bestanden/post/...  the letters exported for the post (EENPLAN_POST_MAP)

`restore` checks every checksum first, refuses an installation that is not empty (a
municipality or a login exists) or that lacks a migration of the backup, then empties the
tables and loads the backup in one transaction: all or nothing. The file-level ways (pg_dump,
point-in-time recovery, SQLite's online backup) are in docs/privacy.md.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

MANIFEST = "manifest.json"
DATABASE = "database.json"
BESTANDEN = "bestanden"
# Sessions are not kept: a restore logs everyone out.
UITGESLOTEN = ["sessions"]


class BackupFout(Exception):
    """A backup that cannot be made or restored; the message says why, in Dutch."""


def _sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _mappen() -> dict[str, Path]:
    """The folders of stored documents outside the database, by name in the backup."""
    return {"post": Path(settings.EENPLAN_POST_MAP)}


def _migraties() -> list[str]:
    return sorted(
        f"{app}.{naam}" for app, naam in MigrationRecorder(connection).applied_migrations()
    )


def _aantallen() -> dict[str, int]:
    return {
        m._meta.label_lower: m._base_manager.count()
        for m in apps.get_models()
        if m._meta.app_label not in UITGESLOTEN and not m._meta.proxy and m._meta.managed
    }


@dataclass(frozen=True)
class Verslag:
    map: Path
    rijen: int
    bestanden: int


def backup_maken(naar: Path) -> Verslag:
    """Write a backup into the empty or new folder `naar` (refused when it holds anything)."""
    naar = Path(naar)
    if naar.exists() and any(naar.iterdir()):
        raise BackupFout(f"De map {naar} is niet leeg; kies een nieuwe map voor de backup.")
    naar.mkdir(parents=True, exist_ok=True)
    eigen_transactie = not connection.in_atomic_block  # the command: always its own
    with transaction.atomic():
        if connection.vendor == "postgresql" and eigen_transactie:
            with connection.cursor() as cursor:
                # One snapshot for every table read below (must be the first statement).
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        aantallen = _aantallen()
        migraties = _migraties()
        call_command(
            "dumpdata",
            format="exactjson",  # Django's JSON with the microseconds kept (avg/exactjson.py)
            exclude=UITGESLOTEN,
            natural_foreign=True,
            output=str(naar / DATABASE),
            verbosity=0,
        )
    bestanden: dict[str, str] = {}
    for naam, bron in _mappen().items():
        if not bron.is_dir():
            continue
        for pad in sorted(p for p in bron.rglob("*") if p.is_file()):
            relatief = Path(BESTANDEN) / naam / pad.relative_to(bron)
            (naar / relatief).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pad, naar / relatief)
            bestanden[relatief.as_posix()] = _sha256(naar / relatief)
    manifest = {
        "soort": "eenplan-backup",
        "versie": 1,
        "gemaakt_op": timezone.now().isoformat(),
        "database": connection.vendor,
        "migraties": migraties,
        "rijen": aantallen,
        "database_sha256": _sha256(naar / DATABASE),
        "bestanden": bestanden,
    }
    (naar / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
    return Verslag(naar, sum(aantallen.values()), len(bestanden))


def _lees_manifest(van: Path) -> dict[str, Any]:
    pad = van / MANIFEST
    if not pad.is_file():
        raise BackupFout(f"In {van} staat geen {MANIFEST}: dit is geen backup van eenplan.")
    manifest: dict[str, Any] = json.loads(pad.read_text("utf-8"))
    if manifest.get("soort") != "eenplan-backup":
        raise BackupFout(f"{pad} is geen manifest van een eenplan-backup.")
    if _sha256(van / DATABASE) != manifest["database_sha256"]:
        raise BackupFout(f"{DATABASE} is beschadigd of gewijzigd (de controlesom klopt niet).")
    for relatief, som in manifest["bestanden"].items():
        bestand = van / relatief
        if not bestand.is_file() or _sha256(bestand) != som:
            raise BackupFout(f"{relatief} ontbreekt of is gewijzigd (de controlesom klopt niet).")
    return manifest


def _leeg() -> str:
    """Why this installation is not empty ('' when it is): a restore never overwrites data."""
    from django.contrib.auth import get_user_model

    from eenplan.gemeente.models import Gemeente

    if Gemeente.objects.exists():
        return "er staat al een gemeente in"
    if get_user_model().objects.exists():
        return "er bestaan al accounts"
    return ""


def backup_terugzetten(van: Path) -> Verslag:
    """Restore the backup in `van` into this empty installation, all or nothing."""
    van = Path(van)
    manifest = _lees_manifest(van)
    reden = _leeg()
    if reden:
        raise BackupFout(
            f"Terugzetten kan alleen in een lege installatie, en {reden}. Maak een nieuwe, "
            "lege database (migrate) en zet de backup daarin terug; er is niets veranderd."
        )
    ontbreekt = sorted(set(manifest["migraties"]) - set(_migraties()))
    if ontbreekt:
        raise BackupFout(
            "Deze installatie mist migraties die de backup wel had (draai eerst 'eenplan "
            f"migrate' met dezelfde of een nieuwere versie): {', '.join(ontbreekt[:5])}"
        )
    doelen = _mappen()
    for relatief in manifest["bestanden"]:
        _, naam, *rest = Path(relatief).parts
        doel = doelen[naam].joinpath(*rest)
        if doel.exists() and _sha256(doel) != manifest["bestanden"][relatief]:
            raise BackupFout(f"{doel} bestaat al met een andere inhoud; er is niets veranderd.")
    with transaction.atomic():
        # Empty every table (also the reference data the migrations loaded) without the
        # post-migrate step, so the backup's rows come back with their own ids.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        # Natural keys of content types are resolved through a per-process cache: forget the
        # ids of the emptied tables before and after loading the backup's own.
        ContentType.objects.clear_cache()
        call_command("loaddata", str(van / DATABASE), verbosity=0)
        ContentType.objects.clear_cache()
    for relatief in manifest["bestanden"]:
        _, naam, *rest = Path(relatief).parts
        doel = doelen[naam].joinpath(*rest)
        doel.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(van / relatief, doel)
    return Verslag(van, sum(manifest["rijen"].values()), len(manifest["bestanden"]))
