"""docs/rules.md is generated from the rule catalogue, so documentation and code cannot drift."""

from __future__ import annotations

from biblio_cli.rules import RULES, Rule

_HEADER = """# Rules

Every finding has a stable rule id and code. Ids and codes are never renamed or reused.
Select rules with `--select` / `--ignore` using ids (`year-mismatch`), codes (`C102`) or
code prefixes (`C` citation rules, `R` reference-list rules, `D` document rules, `N` online
rules, `K` rules for keyed citations and .bib/CSL bibliography files).

This file is generated from the rule docstrings: run `biblio rules --markdown > docs/rules.md`.

| code | id | severity | summary |
|---|---|---|---|
"""


def rule_markdown(rule: Rule) -> str:
    return f"## {rule.code} `{rule.id}` ({rule.severity.label})\n\n{rule.documentation}\n"


def rules_markdown() -> str:
    table = "".join(
        f"| {r.code} | [`{r.id}`](#{r.code.lower()}-{r.id}-{r.severity.label}) | {r.severity.label} | {r.summary} |\n"
        for r in RULES
    )
    return _HEADER + table + "\n" + "\n".join(rule_markdown(r) for r in RULES)
