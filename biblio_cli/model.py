"""The data model: plain frozen dataclasses passed between pipeline stages.

Every Reference and Citation keeps its source text and line, because findings
point at lines and users fix lines.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How serious a finding is; the integer order makes `>=` comparisons natural."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


class ExitCode(enum.IntEnum):
    """Process exit statuses; part of the public contract, never renumbered."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


@dataclass(frozen=True, slots=True)
class Person:
    """A reference author or editor.

    `family` keeps the name as written ("Le Chêne", "Saba Ayon"); `particle`
    holds a lowercase nobiliary particle written before it ("de", "van der").
    A group author ("Agence nationale ... (ANCT)") has `is_group` set and no given name.
    """

    family: str
    given: str = ""
    particle: str = ""
    is_group: bool = False

    @property
    def full_family(self) -> str:
        return f"{self.particle} {self.family}".strip()

    def display(self) -> str:
        """'Paul, M.' style, as a reference list shows it."""
        return f"{self.full_family}, {self.given}" if self.given else self.full_family


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of a reference list (or a footnote holding a full reference)."""

    id: str
    line: int
    text: str
    authors: tuple[Person, ...] = ()
    year: int | None = None
    year_suffix: str = ""
    year_label: str = ""  # "n.d.", "in press", ... when there is no numeric year
    title: str = ""
    container: str = ""
    editors: tuple[Person, ...] = ()
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    url: str = ""
    identifiers: tuple[tuple[str, str], ...] = ()
    type: str = "misc"
    group: str = ""  # sub-heading of the list ("Ouvrages"), if any
    source: str = "list"  # "list" or "footnote"
    footnote: str = ""  # footnote label when source == "footnote"
    end_line: int = 0
    problems: tuple[str, ...] = ()  # what the parser could not make sense of
    raw_doi: str = ""  # the DOI as written, before normalisation

    @property
    def year_text(self) -> str:
        """The year as a reader sees it: '2019a', 'n.d.', or ''."""
        if self.year is not None:
            return f"{self.year}{self.year_suffix}"
        return self.year_label

    def short_label(self) -> str:
        """'Paul, M. (2019)' — how a message names an entry."""
        names = [a.display() for a in self.authors]
        if not names:
            who = self.text[:40]
        elif len(names) == 1:
            who = names[0]
        elif len(names) <= 3:
            who = ", ".join(names[:-1]) + " & " + names[-1]
        else:
            who = f"{names[0]} et al."
        return f"{who} ({self.year_text or 'no year'})"


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation found in the body text: author-year, or keyed (`key` set, no authors)."""

    id: str
    line: int
    text: str
    authors: tuple[str, ...]
    year: int | None = None
    year_suffix: str = ""
    year_label: str = ""
    et_al: bool = False
    et_al_form: str = ""  # the exact form used: "et al.", "& al.", ...
    locator: str = ""
    narrative: bool = False
    footnote: str = ""  # footnote label attached to the citation ("11" in 1980<sup>11</sup>)
    column: int = 0
    key: str = ""  # citation key of a keyed citation (LaTeX \cite{key}, pandoc [@key]); "" for author-year

    @property
    def year_text(self) -> str:
        if self.year is not None:
            return f"{self.year}{self.year_suffix}"
        return self.year_label

    def label(self) -> str:
        """'Paul 2018' / 'Potin et al. 2018' — how a message names a citation (its key, if keyed)."""
        if self.key:
            return self.key
        if self.et_al:
            who = f"{self.authors[0]} et al."
        elif len(self.authors) <= 2:
            who = " & ".join(self.authors)
        else:
            who = ", ".join(self.authors[:-1]) + " & " + self.authors[-1]
        return f"{who} {self.year_text}".strip()


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by a rule, located at a line of a document."""

    rule: str
    severity: Severity
    line: int
    message: str
    citation: str | None = None
    reference: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded document: its text split into lines (1-based via `line_text`)."""

    path: str
    lines: tuple[str, ...]
    encoding: str = "utf-8"
    language: str = "und"
    #: Where each line comes from, for formats whose extracted lines are not the file's own
    #: ("paragraph 12", "footnote 3", "page 4"); empty for text files, whose lines are natural.
    locations: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_text(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def location(self, number: int) -> str:
        """The source location of line `number` ("page 4"), or "" when lines are the file's own."""
        return self.locations[number - 1] if 0 < number <= len(self.locations) else ""


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of matching one citation against the reference list."""

    citation: Citation
    reference: Reference | None  # the entry it points to (also set for near misses)
    status: str  # "exact" | "year-mismatch" | "author-mismatch" | "ambiguous" | "missing"
    candidates: tuple[Reference, ...] = ()  # other plausible entries (ambiguity, suggestions)
    detail: str = ""  # e.g. the misspelt name pair for author-mismatch


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything `check` learnt about one document."""

    document: Document
    references: tuple[Reference, ...]
    citations: tuple[Citation, ...]
    matches: tuple[Match, ...]
    findings: tuple[Finding, ...]
    reference_heading: str = ""
    reference_heading_line: int = 0
    suppressed: int = 0  # findings dropped by `biblio: ignore` comments and per-file-ignores
    baselined: int = 0  # findings dropped because the --baseline file lists them


@dataclass(frozen=True, slots=True)
class Report:
    """The result of a `check` run over one or more documents."""

    documents: tuple[DocumentResult, ...] = field(default_factory=tuple)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.documents for f in d.findings if f.severity == severity)

    def worst(self) -> Severity | None:
        severities = [f.severity for d in self.documents for f in d.findings]
        return max(severities) if severities else None
