"""The project's two source documents, read as they are.

The excerpts in tests/data keep the seeds' messy parts verbatim (bullets, <sup> footnotes,
<a href> links, DOIs wrapped onto their own line), so these tests need nothing outside the
repository. The last test also runs on the full seeds where ../shared is present (CI).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import DATA, SHARED_SEEDS

from biblio_cli import check
from biblio_cli.model import DocumentResult


def result(path: Path) -> DocumentResult:
    return check([path]).documents[0]


def summary(doc: DocumentResult) -> set[tuple[str, str]]:
    return {(f.rule, f.message.split(",")[0]) for f in doc.findings}


def test_call_for_papers_excerpt() -> None:
    doc = result(DATA / "seed_cfp_excerpt.md")
    assert len(doc.references) == 29
    assert len(doc.citations) == 30
    assert summary(doc) == {
        ("year-mismatch", "cited as Paul 2018"),
        ("year-mismatch", "cited as Meyer 2014"),
        ("author-mismatch", "cited as Bouchard & Duchrame 2000"),
        ("et-al-usage", "'& al.' is not a standard form: write 'et al.'"),
        ("malformed-reference", "Bouchard"),
        ("malformed-reference", "Demailly"),
        ("list-order", "list not in alphabetical order: Sorin"),
    }
    # Every other citation is matched exactly, and no finding touches a correct citation:
    # the only exact match with a finding is "Kellner & al." (right work, wrong form).
    exact = {m.citation.id: m.citation for m in doc.matches if m.status == "exact"}
    flagged_exact = {f.citation for f in doc.findings if f.citation in exact}
    assert len(exact) == 27
    assert [exact[c].text for c in flagged_exact] == ["Kellner & al., 2010"]


def test_call_for_papers_entries_keep_wrapped_dois_and_links() -> None:
    refs = {r.authors[0].family: r for r in result(DATA / "seed_cfp_excerpt.md").references}
    assert refs["Bonjour"].doi == "10.4000/communicationorganisation.3152"
    assert refs["Paul"].doi == "10.3917/eres.delor.2019.01.0267" and refs["Paul"].type == "chapter"
    assert refs["Jochems"].url.startswith("https://inm.qc.ca/")
    assert dict(refs["Denis"].identifiers) == {"hal": "halshs-00641283"}


def test_report_excerpt_with_groups_and_footnotes() -> None:
    doc = result(DATA / "seed_report_excerpt.md")
    groups = {r.group for r in doc.references if r.source == "list"}
    assert groups == {"Ouvrages", "Articles de revues", "Rapports institutionnels"}
    footnotes = {r.footnote: r.authors[0].family for r in doc.references if r.source == "footnote"}
    assert footnotes == {"9": "Plantard", "10": "Poirier", "11": "Bourdieu"}
    years = {f.message.split(",")[0] for f in doc.findings if f.rule == "year-mismatch"}
    assert years == {"cited as Sen 1997", "cited as Sorin 2022"}
    assert not any(f.rule in ("missing-reference", "author-mismatch", "ambiguous-citation") for f in doc.findings)


@pytest.mark.skipif(
    not SHARED_SEEDS.is_dir(), reason="../shared/seeds is only present in the development checkout and CI"
)
def test_full_seeds_find_the_paul_mismatch() -> None:
    first = result(SHARED_SEEDS / "000_659b3db67acb0b25.txt")
    [paul] = [f for f in first.findings if f.rule == "year-mismatch" and "Paul" in f.message]
    assert paul.message.startswith("cited as Paul 2018, listed as Paul, M. (2019)") and paul.suggestion == "Paul, 2019"
    second = result(SHARED_SEEDS / "004_9dcf9977733e5f10.txt")
    assert len(second.references) == 18
    assert {f.rule for f in second.findings} <= {"year-mismatch", "uncited-reference", "list-order"}
