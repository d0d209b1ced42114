"""`python -m biblio_cli` runs the CLI (used by benchmarks to time the whole process)."""

from biblio_cli.cli import entry_point

entry_point()
