"""Each rule on small documents of its own: it fires on the fault, and stays quiet without it."""

from __future__ import annotations

import pytest

from biblio_cli import check_text
from biblio_cli.config import Settings
from biblio_cli.model import Finding

LIST = """
## References

- Bouchard, L., & Ducharme, M.-N. (2000). Les défis. *Nouvelles pratiques sociales*, 13(1), 119-136.
- Kellner, C., Massou, L., & Morelli, P. (2010). Des usages limités. *Questions de communication*, 18, 89-112.
- Paul, M. (2019). Accompagnement. Dans C. Delory-Momberger (dir.), *Vocabulaire* (pp. 267-271). Érès.
"""
CORRECT_BODY = "Text (Paul, 2019 ; Bouchard & Ducharme, 2000 ; Kellner et al., 2010).\n"


def findings(text: str, rule: str | None = None) -> list[Finding]:
    result = check_text(text, Settings(select=(rule,) if rule else ()))
    return list(result.findings)


def test_correct_document_has_no_findings() -> None:
    assert findings(CORRECT_BODY + LIST) == []


def test_year_mismatch_says_both_years_and_suggests_the_listed_one() -> None:
    [f] = findings("Text (Paul, 2018 ; Bouchard & Ducharme, 2000 ; Kellner et al., 2010).\n" + LIST, "year-mismatch")
    assert f.line == 1
    assert f.severity.label == "error"
    assert "cited as Paul 2018, listed as Paul, M. (2019)" in f.message
    assert f.suggestion == "Paul, 2019"
    assert f.citation is not None and f.reference is not None


def test_year_mismatch_with_several_entries_names_them_all() -> None:
    text = "Text (Sorin, 2022).\n\n## References\n\nSorin, F. (2023). A. *R*, 1, 1-2.\n\nSorin, F. (2020). B. *R*, 2, 3-4.\n"
    [f] = findings(text, "year-mismatch")
    assert "listed as Sorin, F. (2023) (line 5)" in f.message and "Sorin, F. (2020) (line 7)" in f.message
    assert f.suggestion == "Sorin, 2023"


def test_missing_reference_suggests_closest_entries() -> None:
    [f] = findings("Text (Pauls, 2017) and (Castel, 1995).\n" + LIST, "missing-reference")[:1]
    assert f.rule == "missing-reference" and "Pauls 2017" in f.message
    assert f.suggestion is not None and "Paul, M. (2019)" in f.suggestion
    assert len(findings("Text (Pauls, 2017) and (Castel, 1995).\n" + LIST, "missing-reference")) == 2


def test_uncited_reference() -> None:
    got = findings("Text (Paul, 2019).\n" + LIST, "uncited-reference")
    assert [(f.line, f.message) for f in got] == [
        (5, "Bouchard, L. & Ducharme, M.-N. (2000) is listed but never cited"),
        (6, "Kellner, C., Massou, L. & Morelli, P. (2010) is listed but never cited"),
    ]


def test_entry_cited_with_a_wrong_year_is_not_uncited() -> None:
    assert (
        findings("Text (Paul, 2018 ; Bouchard & Ducharme, 2000 ; Kellner et al., 2010).\n" + LIST, "uncited-reference")
        == []
    )


def test_author_mismatch_on_a_misspelt_coauthor() -> None:
    [f] = findings("Text (Paul, 2019 ; Bouchard et Duchrame, 2000 ; Kellner et al., 2010).\n" + LIST, "author-mismatch")
    assert "'Duchrame' should be 'Ducharme'" in f.message
    assert f.suggestion == "Bouchard & Ducharme, 2000"


def test_author_mismatch_on_a_misspelt_first_author() -> None:
    [f] = findings("Text (Paull, 2019 ; Bouchard & Ducharme, 2000 ; Kellner et al., 2010).\n" + LIST, "author-mismatch")
    assert "'Paull' should be 'Paul'" in f.message


def test_author_mismatch_ignores_accents_and_case() -> None:
    text = "Text (potin et al., 2018) (POTIN et al., 2018).\n\n## References\n\nPotin, É., Henaff, G., & Sorin, F. (2018). T. *R*, 31.\n"
    assert findings(text) == []


def test_ambiguous_citation_and_its_fix() -> None:
    body = "Text (Smith, 2001).\n\n## References\n\n"
    two = "Smith, J. (2001). First work. *R*, 1, 1-2.\n\nSmith, J. (2001). Second work. Publisher.\n"
    [f] = findings(body + two, "ambiguous-citation")
    assert "fits 2 entries" in f.message and f.suggestion == "add year suffixes: 2001a, 2001b"
    suffixed = "Text (Smith, 2001a ; Smith, 2001b).\n\n## References\n\n" + two.replace(
        "(2001). First", "(2001a). First"
    ).replace("(2001). Second", "(2001b). Second")
    assert findings(suffixed) == []


def test_footnote_marker_disambiguates_two_works() -> None:
    text = (
        "Les habitus (Bourdieu, 1980<sup>11</sup>) et le sens pratique (Bourdieu, 1980).\n\n"
        "<sup>11</sup> Bourdieu, P. (1980). Le capital social. *Actes de la recherche en sciences sociales*, 31, 2-3.\n\n"
        "## Bibliographie\n\n- Bourdieu, P. (1980). *Le sens pratique*. Éditions de Minuit.\n"
    )
    result = check_text(text)
    targets = [m.reference.title if m.reference else None for m in result.matches]
    assert targets == ["Le capital social", "Le sens pratique"]


def test_footnote_copy_of_a_listed_work_marks_the_entry_cited() -> None:
    text = (
        "La dysculturation (Poirier, 2002<sup>10</sup>).\n\n"
        "<sup>10</sup> Poirier, J. (2002). (Eds.). Histoire des mœurs. Paris : Gallimard.\n\n"
        "## Bibliographie\n\n- Poirier, J. (Ed.). (2002). *Histoire des mœurs* (Vols. 1–3). Gallimard.\n"
    )
    assert findings(text) == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Text (Kellner & al., 2010).", "'& al.' is not a standard form"),
        ("Text (Paul et al., 2019).", "'et al.' used for a single-author work"),
        ("Text (Bouchard et al., 2000).", "'et al.' used for a two-author work"),
    ],
)
def test_et_al_usage(body: str, message: str) -> None:
    [f] = findings(body + "\n" + LIST, "et-al-usage")
    assert f.message.startswith(message)


def test_duplicate_reference_by_doi_and_by_title() -> None:
    text = (
        "Text (Jaeger, 2020) (Lafore, 2020).\n\n## References\n\n"
        "Jaeger, M. (2020). Les contours incertains. *RFAS*, 2, 51-72. https://doi.org/10.3917/rfas.202.0051\n\n"
        "Jaeger, M. (2020). Les contours incertains du travail social. *Revue française des affaires sociales*, 2. doi:10.3917/RFAS.202.0051\n\n"
        "Lafore, R. (2020). Le travail social à l'épreuve. *RFAS*, 2, 29-49.\n\n"
        "Lafore, R. (2020). Le travail social a l'epreuve. RFAS, 2, 29-49.\n"
    )
    got = findings(text)
    assert [(f.rule, f.line) for f in got] == [("duplicate-reference", 7), ("duplicate-reference", 11)]


def test_two_different_works_same_author_year_are_not_duplicates() -> None:
    text = "Text (Smith, 2001a, 2001b).\n\n## References\n\nSmith, J. (2001a). Alpha. P.\n\nSmith, J. (2001b). Omega study. P.\n"
    assert findings(text) == []


def test_title_less_journal_entries_duplicate_by_journal_volume_and_pages() -> None:
    # Astronomy styles give no titles: a copy has the same journal, volume and pages; another work does not
    text = (
        "Text (Lune, 2003a, 2003b).\n\n## References\n\n"
        "Lune, A. 2003a, ApJ, 592, 839\n\n"
        "Lune, A. 2003a, ApJ, 592, 839\n\n"
        "Lune, A. 2003b, ApJ, 593, 12\n"
    )
    got = findings(text)
    assert [(f.rule, f.line) for f in got] == [("duplicate-reference", 7)]
    other_pages = text.replace("ApJ, 592, 839\n\n", "ApJ, 592, 901\n\n", 1)
    assert findings(other_pages, "duplicate-reference") == []


def test_malformed_reference() -> None:
    text = "Text (Demailly, 2008).\n\n## Bibliographie\n\n- Demailly L., (2008) *Politiques de la relation.* Presses.\n- Sans auteur ni date. Éditeur.\n"
    got = findings(text, "malformed-reference")
    assert [f.line for f in got] == [5, 6]
    assert got[0].suggestion == "Demailly, L."
    assert "no year" in got[1].message


@pytest.mark.parametrize(
    ("doi", "fires"),
    [
        ("https://doi.org/3917/rfas.202.0051", True),
        ("doi:rfas.202.0051", True),
        ("https://doi.org/10.3917/rfas.202.0051", False),
        ("doi: 10.1000/ABC(12)3.", False),
    ],
)
def test_invalid_doi(doi: str, fires: bool) -> None:
    text = f"Text (Jaeger, 2020).\n\n## References\n\nJaeger, M. (2020). Titre. *Revue*, 2, 51-72. {doi}\n"
    assert bool(findings(text, "invalid-doi")) is fires


def test_list_order_per_group() -> None:
    text = (
        "T (Sen, 1999 ; Casilli, 2010 ; Bergström, 2012 ; Pasquier, 2018).\n\n## Bibliographie\n\n### Ouvrages\n\n"
        "- Casilli, A. A. (2010). *Les liaisons numériques*. Seuil.\n- Sen, A. (1999). *Development as freedom*. OUP.\n\n"
        "### Articles\n\n- Pasquier, D. (2018). T. *Réseaux*, 208, 9-23.\n- Bergström, M. (2012). T. *Agora*, 60, 107-119.\n"
    )
    [f] = findings(text, "list-order")
    assert f.line == 13 and "in 'Articles'" in f.message
    assert f.suggestion == "order: Bergström, Pasquier"
    assert f.severity.label == "info"


def test_list_order_ignores_particles_case_and_accents() -> None:
    text = (
        "T (Écrivain, 2001 ; de Gaulejac, 2005 ; Martin, 2010).\n\n## References\n\n"
        "- Écrivain, A. (2001). T. P.\n- de Gaulejac, V. (2005). T. P.\n- Martin, B. (2010). T. P.\n"
    )
    assert findings(text, "list-order") == []


def test_no_reference_list() -> None:
    [f] = findings("Intro.\n\nText (Paul, 2019) and (Sorin, 2020).\n")
    assert f.rule == "no-reference-list" and f.line == 3
    assert "2 citations" in f.message and "Bibliographie" in f.message


def test_document_without_citations_or_list_is_clean() -> None:
    assert findings("# Notes\n\nNothing cited here, meeting at 9h30 on 16 October 2025.\n") == []


def test_select_and_ignore_by_code_prefix() -> None:
    text = "Text (Paul, 2018 ; Kellner & al., 2010).\n" + LIST
    assert {f.rule for f in check_text(text, Settings(select=("C",))).findings} == {"year-mismatch", "et-al-usage"}
    assert {f.rule for f in check_text(text, Settings(ignore=("C102", "uncited-reference"))).findings} == {
        "et-al-usage"
    }


@pytest.mark.parametrize(
    ("entry", "cited"),
    [
        # author blocks the parser cannot split: the cited co-author is still written there
        ("Schindler, D. W., andJ. P. Smol. 2006. Cumulative effects. *Ambio* 35: 160-168.", "Schindler & Smol, 2006"),
        ("Chambers, J.K. and Peter Trudgill (1998). *Dialectology*. Cambridge: CUP.", "Chambers & Trudgill, 1998"),
        ("Myrone, Martin, a nd Lucy Peltz. 1999. *Producing the Past*. Ashgate.", "Myrone & Peltz, 1999"),
        (
            "Nicol, D. M. and E Heidelberger (1995). A comparative study. *ACM TOMACS*, 18, 326-354.",
            "Nicol & Heidelberger, 1995",
        ),
    ],
)
def test_cited_coauthor_written_in_a_malformed_author_block_is_no_mismatch(entry: str, cited: str) -> None:
    text = f"Text ({cited}).\n\n## References\n\n{entry}\n"
    assert [f for f in findings(text) if f.rule in {"author-mismatch", "missing-reference"}] == []


def test_misspelt_coauthor_in_a_malformed_author_block_is_still_reported() -> None:
    entry = "Schindler, D. W., andJ. P. Smol. 2006. Cumulative effects. *Ambio* 35: 160-168."
    [f] = findings(f"Text (Schindler & Smoll, 2006).\n\n## References\n\n{entry}\n", "author-mismatch")
    assert "'Smoll'" in f.message


def test_initials_left_in_a_family_name_still_give_its_key() -> None:
    from biblio_cli.match import person_keys
    from biblio_cli.model import Person

    assert "furuta" in person_keys(Person("Furuta R"))
    assert "alsaif" in person_keys(Person("Alsaif N A M", is_group=True))
    assert "heidelberger" in person_keys(Person("E Heidelberger"))
    assert person_keys(Person("Saba Ayon")) == {"sabaayon"}  # no initial: nothing dropped


def test_second_copy_of_an_uncited_work_is_reported_once_as_uncited_once_as_duplicate() -> None:
    entry = "Lafore, R. (2020). Le travail social à l'épreuve. *RFAS*, 2, 29-49."
    text = f"Text (Paul, 2019).\n\n## References\n\n{entry}\n\n{entry}\n\nPaul, M. (2019). Accompagnement. Érès.\n"
    got = [(f.rule, f.line) for f in findings(text) if f.rule in {"uncited-reference", "duplicate-reference"}]
    assert sorted(got) == [("duplicate-reference", 7), ("uncited-reference", 5)]
