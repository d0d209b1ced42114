"""Settings for a run: frozen, built by the CLI from options (and, later, config files)."""

from __future__ import annotations

from dataclasses import dataclass

from biblio_cli.model import Severity


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
