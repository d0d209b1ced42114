"""What every rule shares: the context it reads and the issue it yields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from biblio_cli.model import Citation, Document, Match, Reference, Severity

if TYPE_CHECKING:  # the registry package (and requests) load only for online runs
    from biblio_cli.registry.resolve import OnlineResult


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a rule may look at for one document."""

    document: Document
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]
    matches: tuple[Match, ...]
    has_reference_section: bool
    online: OnlineResult | None = None  # what the registries said (only with --online / --offline)


@dataclass(frozen=True, slots=True)
class Issue:
    """A rule's raw output; the runner adds the rule id and severity to make a Finding."""

    line: int
    message: str
    citation: str | None = None
    reference: str | None = None
    suggestion: str | None = None


Check = Callable[[Context], Iterable[Issue]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's stable identity (id and code never change once released) and its check."""

    id: str
    code: str
    severity: Severity
    summary: str
    check: Check

    @property
    def documentation(self) -> str:
        """The check's docstring, which is the rule's documentation (docs/rules.md is built from it)."""
        doc = self.check.__doc__ or ""
        lines = doc.strip("\n").splitlines()
        indent = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()), default=0)
        return "\n".join([lines[0].strip(), *(line[indent:] for line in lines[1:])]).strip()
