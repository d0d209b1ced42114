"""biblio: find the drift between in-text citations and reference lists."""

__version__ = "0.1.0"

from biblio_cli.pipeline import check, check_text

__all__ = ["__version__", "check", "check_text"]
