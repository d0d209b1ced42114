"""The rule catalogue. Ids and codes are a public contract: never renamed, never reused.

Selection works like ruff's: `--select`/`--ignore` take ids ("year-mismatch"), codes
("C102") or code prefixes ("C", "R2"), or "ALL".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from biblio_cli.errors import UsageError
from biblio_cli.model import Finding, Severity
from biblio_cli.rules import citation_rules as cr
from biblio_cli.rules import document_rules as dr
from biblio_cli.rules import key_rules as kr
from biblio_cli.rules import online_rules as nr
from biblio_cli.rules import reference_rules as rr
from biblio_cli.rules import suppression_rules as sr
from biblio_cli.rules.base import Context, Issue, Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "missing-reference",
        "C101",
        Severity.ERROR,
        "cited, but not in the reference list",
        kr.combined(cr.check_missing_reference, kr.check_missing_key),
    ),
    Rule("year-mismatch", "C102", Severity.ERROR, "author matches an entry, year differs", cr.check_year_mismatch),
    Rule(
        "author-mismatch",
        "C103",
        Severity.ERROR,
        "cited name is a near-miss of a listed author",
        cr.check_author_mismatch,
    ),
    Rule(
        "ambiguous-citation",
        "C104",
        Severity.WARNING,
        "one author-year fits several entries",
        cr.check_ambiguous_citation,
    ),
    Rule("et-al-usage", "C105", Severity.WARNING, "'et al.' misspelt or misused", cr.check_et_al_usage),
    Rule("uncited-reference", "R201", Severity.WARNING, "listed, never cited", rr.check_uncited_reference),
    Rule("duplicate-reference", "R202", Severity.WARNING, "the same work listed twice", rr.check_duplicate_reference),
    Rule("malformed-reference", "R203", Severity.WARNING, "entry only partly parsed", rr.check_malformed_reference),
    Rule("invalid-doi", "R204", Severity.ERROR, "DOI is not syntactically valid", rr.check_invalid_doi),
    Rule("list-order", "R205", Severity.INFO, "reference list not in alphabetical order", rr.check_list_order),
    Rule("no-reference-list", "D301", Severity.ERROR, "citations but no reference section", dr.check_no_reference_list),
    Rule(
        "unused-suppression",
        "D302",
        Severity.WARNING,
        "a biblio: ignore comment suppresses nothing or is malformed",
        sr.check_unused_suppression,
    ),
    Rule("doi-not-found", "N401", Severity.ERROR, "no registry knows the DOI", nr.check_doi_not_found),
    Rule(
        "metadata-mismatch",
        "N402",
        Severity.ERROR,
        "registry disagrees on first author, title or year",
        nr.check_metadata_mismatch,
    ),
    Rule("missing-doi", "N403", Severity.INFO, "no DOI given, registry has one", nr.check_missing_doi),
    Rule("retracted", "N404", Severity.ERROR, "cited work retracted or under concern", nr.check_retracted),
    Rule(
        "registry-unavailable",
        "N405",
        Severity.WARNING,
        "a registry could not be reached",
        nr.check_registry_unavailable,
    ),
    Rule("corrected-work", "N406", Severity.INFO, "cited work has a correction", nr.check_corrected_work),
    Rule(
        "detail-mismatch",
        "N407",
        Severity.WARNING,
        "registry disagrees on container, volume, issue or page",
        nr.check_detail_mismatch,
    ),
    Rule("duplicate-key", "K501", Severity.ERROR, "a citation key defined twice", kr.check_duplicate_key),
    Rule("missing-field", "K502", Severity.WARNING, "a .bib entry lacks a required field", kr.check_missing_field),
    Rule(
        "bibliography-not-found",
        "K503",
        Severity.ERROR,
        "a named bibliography file is missing, or none is named",
        kr.check_bibliography_not_found,
    ),
)
RULES_BY_ID = {rule.id: rule for rule in RULES}


def _matches(rule: Rule, selector: str) -> bool:
    selector = selector.strip()
    return selector.upper() == "ALL" or selector == rule.id or rule.code.startswith(selector.upper())


def select_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> tuple[Rule, ...]:
    """Rules enabled by `select` (default: all) minus `ignore`. Unknown selectors are a UsageError."""
    for selector in (*select, *ignore):
        if not any(_matches(rule, selector) for rule in RULES):
            known = ", ".join(rule.id for rule in RULES)
            raise UsageError(f"unknown rule '{selector}' (known rules: {known})")
    chosen = [r for r in RULES if not select or any(_matches(r, s) for s in select)]
    return tuple(r for r in chosen if not any(_matches(r, s) for s in ignore))


def run_rules(ctx: Context, rules: Iterable[Rule]) -> list[Finding]:
    """Run each rule's check and stamp its issues with the rule id and severity, sorted by line."""
    findings = [
        Finding(rule.id, rule.severity, issue.line, issue.message, issue.citation, issue.reference, issue.suggestion)
        for rule in rules
        for issue in rule.check(ctx)
    ]
    findings.sort(key=lambda f: (f.line, -f.severity, f.rule))
    return findings


__all__ = ["RULES", "RULES_BY_ID", "Context", "Issue", "Rule", "run_rules", "select_rules"]
