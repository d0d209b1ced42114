"""Finding in-text citations: every supported form, and the text that must not become one."""

from __future__ import annotations

import pytest

from biblio_cli.citations import find_citations


def found(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """Citations as 'Author & Author year [locator]' strings, in reading order."""
    out = []
    for c in find_citations(enumerate(text.splitlines(), 1), known):
        label = c.label() + (f" [{c.locator}]" if c.locator else "") + (" (n)" if c.narrative else "")
        out.append(label)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le thème (Ravon & Ion, 2012 ; Jaeger, 2020).", ["Ravon & Ion 2012", "Jaeger 2020"]),
        ("(Potin et al., 2018; Henaff et al., 2021)", ["Potin et al. 2018", "Henaff et al. 2021"]),
        ("Comme le montre Sorin (2020), ...", ["Sorin 2020 (n)"]),
        ("une « appropriation » (Pasquier, 2018, p. 195) d'Internet", ["Pasquier 2018 [p. 195]"]),
        ("des demandes » (Sorin, 2020 : 46). Si", ["Sorin 2020 [46]"]),
        ("(Bouchard et Ducharme, 2000 ; Jochems, 2023)", ["Bouchard & Ducharme 2000", "Jochems 2023"]),
        ("(Nonjon & Marrel 2015 ; Vitalis, 2019)", ["Nonjon & Marrel 2015", "Vitalis 2019"]),
        ("(Kellner & al., 2010; Meyer, 2014)", ["Kellner et al. 2010", "Meyer 2014"]),
        ("environnements (Puzos, Hardouin & Plantard, 2022).", ["Puzos, Hardouin & Plantard 2022"]),
        ("Bergström (2012, 2016) montre", ["Bergström 2012 (n)", "Bergström 2016 (n)"]),
        ("(see Smith, 2001a, 2001b)", ["Smith 2001a", "Smith 2001b"]),
        ("(Smith, 2001a, b)", ["Smith 2001a", "Smith 2001b"]),
        ("(Le Chêne & Plantard 2014; Saba Ayon, 2016)", ["Le Chêne & Plantard 2014", "Saba Ayon 2016"]),
        ("(de Gaulejac, 2011)", ["de Gaulejac 2011"]),
        ("(Paul, s. d.) et (Martin, sous presse)", ["Paul n.d.", "Martin in press"]),
        ("habitus (Bourdieu, 1980<sup>11</sup>) professionnels", ["Bourdieu 1980"]),
        ("Selon Bouchard et Ducharme (2000), le", ["Bouchard & Ducharme 2000 (n)"]),
        ("Smith and Jones (2019: 12-14) argue", ["Smith & Jones 2019 [12-14] (n)"]),
        ("(ANCT, 2023)", ["ANCT 2023"]),
        ("(voir Sorin, 2020 ; cf. Paul, 2019)", ["Sorin 2020", "Paul 2019"]),
        ("déjà noté par Bouchard et Ducharme, 2000, dans", ["Bouchard & Ducharme 2000 (n)"]),
        ("un texte de (Puzos, Hardouin &\nPlantard, 2022) coupé", ["Puzos, Hardouin & Plantard 2022"]),
    ],
)
def test_citation_forms(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jeudi 16 octobre 2025 de 9h30 à 16h45",
        "une enquête nationale de recherche-action (2023-2027) portant sur",
        "Travail de recherche-action réalisé en 2024-2025 réalisé",
        "selon le *Baromètre du numérique 2025*<sup>3</sup> (Crédoc, Arcep, Arcom), le",
        "Figure 1 : CAPUNI EMS - Enquête 2025 Personnes accompagnées (France)",
        "créé en 2002 à l'initiative du Conseil Régional de Bretagne.",
        "(p. 46)",
        "près de 1 400 établissements (67 % des occurrences)",
        "Février 2026",
        "Entre juillet 2024 et octobre 2025 à Lille, 2024 encore.",
        "(Vols. 1–3)",
        "see page 2019 and Table 3 (2019)",
    ],
)
def test_no_false_citations(text: str) -> None:
    assert found(text) == []


def test_bare_single_name_needs_a_listed_author() -> None:
    text = "comme l'écrit Paul, 2019, ailleurs Lille, 2024."
    assert found(text) == []
    assert found(text, known=frozenset({"paul"})) == ["Paul 2019 (n)"]


def test_lines_and_footnote_labels() -> None:
    citations = find_citations(enumerate(["Intro.", "", "Texte", "long (Bourdieu, 1980<sup>11</sup>)."], 1))
    assert [(c.line, c.footnote) for c in citations] == [(4, "11")]


def test_citation_spanning_lines_gets_its_first_line() -> None:
    citations = find_citations(enumerate(["a b (Puzos, Hardouin &", "Plantard, 2022)"], 1))
    assert citations[0].line == 1


def test_sentence_word_before_narrative_names_is_dropped() -> None:
    citations = find_citations(enumerate(["Indeed, Papp and Müller (2006) showed it."], 1))
    assert [c.authors for c in citations] == [("Papp", "Müller")]


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Data (1000 Genomes Project Consortium et al., 2010).", "1000 Genomes Project Consortium"),
        ("Analysed in R (R Core Team, 2012).", "R Core Team"),
        ("As the Human Microbiome Project Consortium (2012) found.", "Human Microbiome Project Consortium"),
    ],
)
def test_listed_group_authors_keep_their_first_word(text: str, author: str) -> None:
    known = frozenset({"1000genomesprojectconsortium", "rcoreteam", "humanmicrobiomeprojectconsortium"})
    citations = find_citations(enumerate([text], 1), known)
    assert [c.authors[0] for c in citations] == [author]


def test_group_lead_word_needs_a_listed_group() -> None:
    citations = find_citations(enumerate(["In 2010 Smith (2012) said so."], 1), frozenset({"smith"}))
    assert [(c.authors, c.year) for c in citations] == [(("Smith",), 2012)]


def test_wrong_year_points_at_the_entry_nobody_else_cites() -> None:
    from biblio_cli import check_text

    text = (
        "Spirals (Jeune & Barabé, 2004) and patterns (Jeune & Barabé, 2006).\n\n## References\n\n"
        "Jeune, B., & Barabé, D. (2004). Statistical recognition of patterns. *J. Theor. Biol.*, 229, 1-12.\n\n"
        "Jeune, B., & Barabé, D. (2008). A stochastic approach. *J. Theor. Biol.*, 251, 3-9.\n"
    )
    findings = check_text(text).findings
    assert [f.rule for f in findings if f.rule in {"year-mismatch", "uncited-reference"}] == ["year-mismatch"]
    [mismatch] = [f for f in findings if f.rule == "year-mismatch"]
    assert "(2008)" in mismatch.message.split("listed as", 1)[1].split(";")[0]


def test_group_author_written_with_commas_is_one_listed_name() -> None:
    text = "Ten billion people (United Nations, Department of Economic and Social Affairs, Population Division, 2013)."
    citations = find_citations(enumerate([text], 1), frozenset({"unitednations", "populationdivision"}))
    assert [(c.authors, c.year) for c in citations] == [(("United Nations",), 2013)]
    assert citations[0].text.startswith("United Nations, Department of")


def test_group_author_with_commas_needs_a_listed_first_part_and_name_words() -> None:
    text = "As argued (Smith, compared with Jones, 2013)."
    assert not [c for c in find_citations(enumerate([text], 1), frozenset({"smith"})) if c.authors[0] == "Smith"]
    text = "Ten billion (United Nations, Department of Economic and Social Affairs, Population Division, 2013)."
    assert not [c for c in find_citations(enumerate([text], 1)) if c.authors[0] == "United Nations"]


@pytest.mark.parametrize(
    ("known", "authors"),
    [
        (frozenset({"akaike"}), ("Akaike",)),  # the abbreviation being defined is no co-author
        (frozenset(), ("AIC", "Akaike")),  # nothing listed: nothing to decide by
        (frozenset({"aic", "akaike"}), ("AIC", "Akaike")),  # a listed group author stays
    ],
)
def test_abbreviation_before_a_listed_name(known: frozenset[str], authors: tuple[str, ...]) -> None:
    text = "Compared by the Akaike information criterion (AIC, Akaike, 1973)."
    citations = find_citations(enumerate([text], 1), known)
    assert [(c.authors, c.year) for c in citations] == [(authors, 1973)]
    assert text[citations[0].column :].startswith(", ".join(authors))
