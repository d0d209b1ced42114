"""biblio: find the drift between in-text citations and reference lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "check_text"]

if TYPE_CHECKING:
    from biblio_cli.pipeline import check, check_text


def __getattr__(name: str) -> Any:
    """`check` and `check_text` load the pipeline on first use, so that `biblio --version`,
    `biblio export` and other entry points do not import every stage (rapidfuzz, readers, rules)."""
    if name in ("check", "check_text"):
        from biblio_cli import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
