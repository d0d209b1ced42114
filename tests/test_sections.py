"""Finding the reference section and splitting it into entries, on messy converted text."""

from __future__ import annotations

import pytest

from biblio_cli.readers.text import split_lines
from biblio_cli.sections import find_footnote_references, find_reference_section, split_entries

ENTRY_A = "Autès, M. (2004). Les paradoxes du travail social. Dunod."
ENTRY_B = "Boullier, D. (2016). Sociologie du numérique. Armand Colin."


@pytest.mark.parametrize(
    "heading",
    [
        "## References",
        "# Bibliography",
        "Works Cited",
        "## **Bibliographie**",
        "### Références bibliographiques",
        "REFERENCES",
        "## Literatur",
        "## Literaturverzeichnis",
        "## Bibliografía",
        "**References**",
        "5. References",
        "Bibliographie :",
        "References\n==========",
    ],
)
def test_reference_headings_in_several_languages(heading: str) -> None:
    lines = split_lines(f"# Paper\n\nBody text.\n\n{heading}\n\n{ENTRY_A}\n\n{ENTRY_B}\n")
    section = find_reference_section(lines)
    assert section is not None
    entries = split_entries(lines, section)
    assert [e.text for e in entries] == [ENTRY_A, ENTRY_B]


def test_table_of_contents_line_is_not_the_heading() -> None:
    lines = split_lines(
        f"1. Introduction ..... 5\nBibliographie.....\t27\n\n# Intro\n\nText.\n\n## Bibliographie\n\n- {ENTRY_A}\n"
    )
    section = find_reference_section(lines)
    assert section is not None and section.heading.line == 8


def test_no_section_without_a_heading() -> None:
    assert find_reference_section(split_lines("Text (Paul, 2019).\n\nThe references are below.\n")) is None


def test_entry_with_a_year_glued_to_an_initial_starts_after_a_blank_line() -> None:
    lines = split_lines(
        "## References\n\nA. Rossi and B. Lund ( 2015),to appear.\n\n"
        "Varga T, Olsen A M and Brandt K2016 Phys. Rev. D 94 1123\n"
    )
    section = find_reference_section(lines)
    assert section is not None
    assert len(split_entries(lines, section)) == 2


def test_section_ends_at_a_higher_heading() -> None:
    lines = split_lines(f"## References\n\n- {ENTRY_A}\n\n# Appendix A\n\nNot a reference (2019).\n")
    section = find_reference_section(lines)
    assert section is not None
    assert len(split_entries(lines, section)) == 1


def test_subgroups_are_kept_as_groups() -> None:
    text = f"## Bibliographie\n\n### Ouvrages\n\n- {ENTRY_A}\n\n### Articles de revues\n\n- {ENTRY_B}\n"
    lines = split_lines(text)
    section = find_reference_section(lines)
    assert section is not None
    assert [(e.group, e.line) for e in split_entries(lines, section)] == [("Ouvrages", 5), ("Articles de revues", 9)]


def test_plain_subgroup_lines_without_markup() -> None:
    lines = split_lines(f"References\n\nBooks\n\n{ENTRY_A}\n\nJournal articles\n\n{ENTRY_B}\n")
    section = find_reference_section(lines)
    assert section is not None
    assert [e.group for e in split_entries(lines, section)] == ["Books", "Journal articles"]


def test_wrapped_doi_after_blank_line_belongs_to_entry_above() -> None:
    text = (
        "## Bibliographie\n\n"
        "Bonjour, A. et Meyer, V. (2011). TIC. *Communication et organisation, 39,* 213-228.\n\n"
        "https://doi.org/10.4000/communicationorganisation.3152\n\n"
        f"{ENTRY_B}\n"
    )
    lines = split_lines(text)
    section = find_reference_section(lines)
    assert section is not None
    entries = split_entries(lines, section)
    assert len(entries) == 2
    assert entries[0].text.endswith("213-228. https://doi.org/10.4000/communicationorganisation.3152")
    assert (entries[0].line, entries[0].end_line) == (3, 5)


def test_doi_broken_across_lines_is_joined() -> None:
    text = "## References\n\nJaeger, M. (2020). Titre. *Revue*, 2, 51-72. https://doi.org/10.3917/\nrfas.202.0051\n"
    lines = split_lines(text)
    section = find_reference_section(lines)
    assert section is not None
    assert split_entries(lines, section)[0].text.endswith("https://doi.org/10.3917/rfas.202.0051")


def test_anchor_links_markdown_links_and_escapes_are_cleaned() -> None:
    text = (
        "## Bibliographie\n\n"
        '- Jochems, S. (2023). Titre ? INM.\n\n  <a href="https://inm.qc.ca/49-Contribution\\_-Jochems">https://inm.qc.ca/49-Contribution\\_-Jochems 2023.pdf</a>\n'
        "- Proulx, S. (2015). Titre. [lien](https://doi.org/10.4000/rfsic.1230)\n"
    )
    lines = split_lines(text)
    section = find_reference_section(lines)
    assert section is not None
    entries = split_entries(lines, section)
    assert entries[0].text == "Jochems, S. (2023). Titre ? INM. https://inm.qc.ca/49-Contribution_-Jochems"
    assert entries[1].text.endswith("lien https://doi.org/10.4000/rfsic.1230")


def test_entries_without_blank_lines_or_bullets() -> None:
    lines = split_lines(f"References\n{ENTRY_A}\n{ENTRY_B}\nCardon, D. (2019). Culture numérique.\n")
    section = find_reference_section(lines)
    assert section is not None
    assert len(split_entries(lines, section)) == 3


def test_hard_wrapped_entry_is_one_entry() -> None:
    lines = split_lines(
        "References\n\nKellner, C., Massou, L., & Morelli, P. (2010). Des usages limités des tic\nchez des professionnels. *Questions de communication*, 18, 89-112.\n"
    )
    section = find_reference_section(lines)
    assert section is not None
    entries = split_entries(lines, section)
    assert len(entries) == 1 and "tic chez des" in entries[0].text


def test_footnotes_holding_full_references() -> None:
    lines = split_lines(
        "Texte (Poirier, 2002<sup>10</sup>).\n\n"
        "<sup>10</sup> Poirier, J. (2002). (Eds.). Histoire des mœurs. Paris : Gallimard.\n\n"
        "<sup>11</sup> Selon une étude faite en 2019, le niveau de vie médian est bas.\n\n"
        "[^12]: Bourdieu, P. (1980). Le capital social. Actes de la recherche, 31, 2-3.\n"
    )
    found = find_footnote_references(lines, range(0))
    assert [(f.label, f.entry.line) for f in found] == [("10", 3), ("12", 7)]


def test_entry_with_a_long_author_list_starts_a_new_entry() -> None:
    names = ", ".join(f"Name{chr(65 + i % 26)} {chr(65 + i % 26)}" for i in range(200))
    lines = split_lines(f"## References\n\n{ENTRY_A}\n\n{names}. 2009. Histone marks. Nature 459:108-112.\n")
    section = find_reference_section(lines)
    assert section is not None
    assert len(split_entries(lines, section)) == 2


@pytest.mark.parametrize(
    "second",
    [
        "Jakobson, Roman 1960. Closing statement. In Style in Language. MIT Press.",
        "Castree, N. 2000: What kind of critical geography? Environment and Planning A 32, 2091-2095.",
        'Davidson, Lloyd A.; Douglas, Kimberly (December 1998). "Digital Object Identifiers".',
        "Son, S.-W., H. Kim, and Y. Kim, 2020: Extratropical prediction skill. Wea. Forecasting, 35, 2319-2332.",
        "1000 Genomes Project Consortium, Abecasis G. 2010. A map of human genome variation. Nature 467:1061.",
    ],
)
def test_entry_after_blank_line_with_any_year_shape(second: str) -> None:
    lines = split_lines(f"## References\n\n{ENTRY_A}\n\n{second}\n\n{ENTRY_B}\n")
    section = find_reference_section(lines)
    assert section is not None
    assert [e.text for e in split_entries(lines, section)] == [ENTRY_A, second, ENTRY_B]


def test_wrapped_retrieval_line_after_blank_still_continues() -> None:
    lines = split_lines(f"## References\n\n{ENTRY_A}\n\nRetrieved from the archive in March 2019\n\n{ENTRY_B}\n")
    section = find_reference_section(lines)
    assert section is not None
    assert len(split_entries(lines, section)) == 2


def test_dated_entry_written_initials_first_after_blank_starts_a_new_entry() -> None:
    second = "G. Patnaik. Personal communication, September 1995."
    lines = split_lines(f"## References\n\n{ENTRY_A}\n\n{second}\n\n{ENTRY_B}\n")
    section = find_reference_section(lines)
    assert section is not None
    assert [e.text for e in split_entries(lines, section)] == [ENTRY_A, second, ENTRY_B]


@pytest.mark.parametrize(
    "text",
    [
        # no year of its own: the rest of the entry above, wrapped over a blank line
        f"{ENTRY_A}\n\nJ. Biol. Chem. 12, 33-45.",
        # the entry above has no year yet: its author list goes on
        "Autès, M., Boullier, D.,\n\nR. Castel, and T. Dubet. Les paradoxes du travail social. Dunod 2004",
    ],
)
def test_initials_first_line_after_blank_may_still_continue(text: str) -> None:
    lines = split_lines(f"## References\n\n{text}\n")
    section = find_reference_section(lines)
    assert section is not None
    assert len(split_entries(lines, section)) == 1
