"""Parsing reference entries into fields: one row per style or hard case."""

from __future__ import annotations

from typing import Any

import pytest

from biblio_cli.model import Reference
from biblio_cli.names import parse_authors
from biblio_cli.references import parse_entry
from biblio_cli.sections import RawEntry


def parse(text: str) -> Any:
    return parse_entry(RawEntry(1, 1, text, text), "r1")


def families(ref: Any) -> list[str]:
    return [a.full_family for a in ref.authors]


CASES = [
    pytest.param(
        "Paul, M. (2019). Accompagnement. Dans C. Delory-Momberger (dir.), *Vocabulaire des histoires de vie et de la recherche biographique* (pp. 267-271). Érès. https://doi.org/10.3917/eres.delor.2019.01.0267",
        {
            "families": ["Paul"],
            "year": "2019",
            "title": "Accompagnement",
            "type": "chapter",
            "container": "Vocabulaire des histoires de vie et de la recherche biographique",
            "pages": "267-271",
            "publisher": "Érès",
            "doi": "10.3917/eres.delor.2019.01.0267",
            "editors": ["Delory-Momberger"],
        },
        id="fr-chapter-dans-dir",
    ),
    pytest.param(
        "Bonjour, A. et Meyer, V. (2011). TIC et prise en charge des personnes handicapées mentales. *Communication et organisation, 39,* 213-228. https://doi.org/10.4000/communicationorganisation.3152",
        {
            "families": ["Bonjour", "Meyer"],
            "year": "2011",
            "container": "Communication et organisation",
            "volume": "39",
            "pages": "213-228",
            "type": "article-journal",
        },
        id="fr-article-volume-inside-italics",
    ),
    pytest.param(
        "Bouchard, L. et Ducharme M.-N. (2000). Les défis posés au travail social. *Nouvelles pratiques sociales*, *13*(1), 119-136.",
        {"families": ["Bouchard", "Ducharme"], "volume": "13", "issue": "1", "pages": "119-136"},
        id="fr-missing-comma-before-initials",
    ),
    pytest.param(
        "Demailly L., (2008) *Politiques de la relation. Approche sociologique des métiers.* Presses universitaires du Septentrion.",
        {
            "families": ["Demailly"],
            "year": "2008",
            "title": "Politiques de la relation. Approche sociologique des métiers",
            "publisher": "Presses universitaires du Septentrion",
            "type": "book",
        },
        id="fr-malformed-demailly",
    ),
    pytest.param(
        "Plantard, P. (2014). Anthropologie des usages du numérique [Document de synthèse pour l'Habilitation à Diriger des Recherches en anthropologie sociale et ethnologie, Université de Nantes]. https://halshs.archives-ouvertes.fr/tel-01164360",
        {
            "type": "thesis",
            "title": "Anthropologie des usages du numérique",
            "publisher": "Université de Nantes",
            "identifiers": [("hal", "tel-01164360")],
        },
        id="fr-habilitation-hal",
    ),
    pytest.param(
        "Agence nationale de la cohésion des territoires (ANCT), CRÉDOC, & Université Rennes 2 CREAD-M@rsouin. (2023). *La société numérique française : définir et mesurer l'éloignement numérique* (rapport). ANCT. <https://www.credoc.fr/publications/x>",
        {
            "families": [
                "Agence nationale de la cohésion des territoires (ANCT)",
                "CRÉDOC",
                "Université Rennes 2 CREAD-M@rsouin",
            ],
            "type": "report",
            "publisher": "ANCT",
            "title": "La société numérique française : définir et mesurer l'éloignement numérique",
        },
        id="fr-group-authors-report",
    ),
    pytest.param(
        "Poirier, J. (Ed.). (2002). *Histoire des mœurs* (Vols. 1–3). Gallimard.",
        {
            "families": ["Poirier"],
            "editors": ["Poirier"],
            "year": "2002",
            "title": "Histoire des mœurs",
            "publisher": "Gallimard",
            "type": "book",
        },
        id="edited-book",
    ),
    pytest.param(
        'Sorin, F. (2020). « Les pratiques numériques des travailleurs sociaux : Entre "savoir-faire" et "devoir-faire" » : *Vie sociale*, n° 28, 33-49.',
        {
            "title": 'Les pratiques numériques des travailleurs sociaux : Entre "savoir-faire" et "devoir-faire"',
            "container": "Vie sociale",
            "issue": "28",
            "pages": "33-49",
        },
        id="fr-guillemets-numero",
    ),
    pytest.param(
        "Pasquier, D. (2018). Classes populaires en ligne : des « oubliés » de la recherche ? *Réseaux*, 208–209(2), 9–23. <https://doi.org/10.3917/res.208.0009>",
        {
            "title": "Classes populaires en ligne : des « oubliés » de la recherche ?",
            "volume": "208-209",
            "issue": "2",
            "pages": "9-23",
            "doi": "10.3917/res.208.0009",
        },
        id="fr-question-title-en-dashes",
    ),
    pytest.param(
        "Puzos, D., Hardouin, M., & Plantard, P. (2022). Formation inclusive au numérique. Étude de cas. *Phronesis*, 11(4), 75–95.",
        {
            "families": ["Puzos", "Hardouin", "Plantard"],
            "title": "Formation inclusive au numérique. Étude de cas",
            "container": "Phronesis",
        },
        id="two-sentence-title-before-italic-journal",
    ),
    pytest.param(
        "Mazet, P. et Sorin, F. (2020). Répondre aux demandes d'aide numérique. *Terminal*, 128, Article 128. https://doi.org/10.4000/terminal.6607",
        {"volume": "128", "pages": "128", "container": "Terminal"},
        id="article-number",
    ),
    pytest.param(
        "Gaspar, J.-F. (2012). Tenir! Les raisons d'être des travailleurs sociaux. La Découverte.",
        {
            "families": ["Gaspar"],
            "title": "Tenir! Les raisons d'être des travailleurs sociaux",
            "publisher": "La Découverte",
            "type": "book",
        },
        id="book-plain-title-publisher",
    ),
    pytest.param(
        "Smith, J. A., & Jones, B. (2001a). Title of the work. *Journal of Things*, 12(3), 45-67. doi:10.1000/xyz123",
        {"families": ["Smith", "Jones"], "year": "2001a", "doi": "10.1000/xyz123", "volume": "12", "issue": "3"},
        id="en-apa-suffix-doi-prefix",
    ),
    pytest.param(
        "de Gaulejac, V. (s. d.). La lutte des places. Desclée de Brouwer.",
        {"families": ["de Gaulejac"], "year": "n.d.", "publisher": "Desclée de Brouwer"},
        id="fr-particle-sans-date",
    ),
    pytest.param(
        "van der Berg, K. (in press). A forthcoming paper. *Nature*.",
        {"families": ["van der Berg"], "year": "in press", "container": "Nature"},
        id="en-particle-in-press",
    ),
    pytest.param(
        "Smith, John, and Mary Jones. 2001. The Title of a Chicago Book. Chicago: University Press.",
        {"families": ["Smith", "Jones"], "year": "2001"},
        id="chicago-author-date",
    ),
    pytest.param(
        "Müller, H. und Schmidt, A. (2015). Ein Buch. Berlin: Springer. ISBN 978-3-16-148410-0",
        {"families": ["Müller", "Schmidt"], "identifiers": [("isbn", "9783161484100")]},
        id="de-und-isbn",
    ),
    pytest.param(
        "Lee, K. (2020). Deep nets. arXiv:2001.01234",
        {"families": ["Lee"], "identifiers": [("arxiv", "2001.01234")]},
        id="arxiv",
    ),
    pytest.param(
        "Weber, M. (1922). Wirtschaft und Gesellschaft (J. Winckelmann, Hrsg.). Mohr.",
        {"families": ["Weber"], "year": "1922"},
        id="old-year",
    ),
    # Leading citation numbers are not part of the first author's name (issue 3).
    pytest.param(
        "33 Bergk, V., & Gasse, C. (2005). Information deficits. *Eur J Clin Pharmacol*, 61, 327-335.",
        {"families": ["Bergk", "Gasse"], "year": "2005", "title": "Information deficits"},
        id="leading-number-bare",
    ),
    pytest.param(
        "[5] Smith, J. (2001). A title. *Journal*, 1, 2-3.",
        {"families": ["Smith"], "title": "A title"},
        id="leading-number-brackets",
    ),
    pytest.param(
        "(36) Smith, J. (2001). A title. *Journal*, 1, 2-3.",
        {"families": ["Smith"], "title": "A title"},
        id="leading-number-parens",
    ),
    pytest.param(
        "5. Smith, J. (2001). A title. *Journal*, 1, 2-3.",
        {"families": ["Smith"], "title": "A title"},
        id="leading-number-dot",
    ),
    # Vancouver names: family then bare initials (issue 3).
    pytest.param(
        "Bae E, Calhoun V, Levine M, Lewis E, Drewell R. 2002. Characterization of the RNA profile. *PNAS* **99**:16847-16852.",
        {"families": ["Bae", "Calhoun", "Levine", "Lewis", "Drewell"], "year": "2002"},
        id="vancouver-elife-year-after-names",
    ),
    pytest.param(
        "Bae E, Calhoun V. Title of the work. Journal 2012;157:250-261.",
        {"families": ["Bae", "Calhoun"], "year": "2012", "title": "Title of the work"},
        id="vancouver-year-at-end",
    ),
    pytest.param(
        "Bae E, Calhoun V, Smith JA, et al. Title of the work. Journal 2012;157:250-261.",
        {"families": ["Bae", "Calhoun", "Smith"], "title": "Title of the work"},
        id="vancouver-et-al",
    ),
    pytest.param(
        "Baumberg A. M. & Hogg D. C. (1994). An efficient method. Report.",
        {"families": ["Baumberg", "Hogg"], "title": "An efficient method"},
        id="dotted-initials-without-comma-not-vancouver",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fields(text: str, expected: dict[str, Any]) -> None:
    ref = parse(text)
    actual = {
        "families": families(ref),
        "year": ref.year_text,
        "editors": [e.full_family for e in ref.editors],
        "identifiers": list(ref.identifiers),
    } | {k: getattr(ref, k) for k in ("title", "container", "volume", "issue", "pages", "publisher", "doi", "type")}
    assert {k: actual[k] for k in expected} == expected
    assert ref.text == text


def test_original_text_and_lines_are_kept() -> None:
    raw = RawEntry(12, 14, "Autès, M. (2004). Titre. Dunod.", "- Autès, M. (2004).\nTitre. Dunod.")
    ref = parse_entry(raw, "r7")
    assert (ref.id, ref.line, ref.end_line, ref.text) == ("r7", 12, 14, "- Autès, M. (2004).\nTitre. Dunod.")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Sociologie du numérique. Armand Colin.", "no year"),
        ("(2016). Sociologie du numérique. Armand Colin.", "no authors"),
        ("Demailly L., (2008) Titre. Éditeur.", "no comma between the family name and the initials in 'Demailly L.'"),
        ("Jaeger, M. (2020). Titre. *Revue*, 2, 51-72. https://doi.org/3917/rfas.202.0051", "invalid DOI"),
        ("Smith, J., et al. (2020). Title. Publisher.", "'et al.' in a reference list"),
    ],
)
def test_problems_are_recorded_not_dropped(text: str, problem: str) -> None:
    ref = parse(text)
    assert any(p.startswith(problem) for p in ref.problems), ref.problems


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("Henaff, G., Potin, É., et Sorin, F.", [("Henaff", "G."), ("Potin", "É."), ("Sorin", "F.")]),
        ("Casilli, A. A.", [("Casilli", "A. A.")]),
        ("Saba Ayon, H.", [("Saba Ayon", "H.")]),
        ("Le Chêne, V. et Plantard, P.", [("Le Chêne", "V."), ("Plantard", "P.")]),
        ("de Gaulejac, V.", [("de Gaulejac", "V.")]),
        ("Smith J, Jones MK", [("Smith", "J"), ("Jones", "MK")]),
        ("Smith, John and Jones, Mary", [("Smith", "John"), ("Jones", "Mary")]),
        (
            "Arcep, Arcom, Conseil général de l'économie (CGE)",
            [("Arcep", ""), ("Arcom", ""), ("Conseil général de l'économie (CGE)", "")],
        ),
        ("World Health Organization", [("World Health Organization", "")]),
        (
            "Bae E, Calhoun V, Levine M, Lewis E, Drewell R.",
            [("Bae", "E"), ("Calhoun", "V"), ("Levine", "M"), ("Lewis", "E"), ("Drewell", "R")],
        ),
        ("Bae E, Calhoun V, Smith JA, et al", [("Bae", "E"), ("Calhoun", "V"), ("Smith", "JA")]),
        ("Lieven, Elena V. M.", [("Lieven", "Elena V. M.")]),
    ],
)
def test_author_blocks(block: str, expected: list[tuple[str, str]]) -> None:
    persons, _, _ = parse_authors(block)
    assert [(p.full_family, p.given) for p in persons] == expected


def test_group_author_is_marked() -> None:
    persons, _, _ = parse_authors("Agence nationale de la cohésion des territoires (ANCT), & Smith, J.")
    assert [p.is_group for p in persons] == [True, False]


@pytest.mark.parametrize(
    ("text", "year", "family", "title"),
    [
        ("Kenyon, Thomas 1983 Nineteenth Century Notes: Hair Combs. Kewa 83-6.", 1983, "Kenyon", "Nineteenth Century"),
        (
            'Davidson, Lloyd A. (December 1998). "Digital Object Identifiers". J. Electr. Publ. 4 (2).',
            1998,
            "Davidson",
            "Digital",
        ),
        ("Freidson, E. (1984 [1970]), La profession médicale, Paris, Payot.", 1984, "Freidson", "La profession"),
        (
            "Baumberg, A. M. & Hogg, D. C. [1994]. An efficient method. University of Leeds.",
            1994,
            "Baumberg",
            "An efficient",
        ),
        # a reprint: the year of the edition cited, then the original one in brackets
        ("Marlowe, Edith. 1998[1921]. The Glass Orchard. Leeds: Hartwell.", 1998, "Marlowe", "The Glass"),
        # the original year in brackets first: the first year written is the one cited
        ("QUILLAN, Robert. [1788] 1962. Essays on Trade. Edited by J. Post. Bristol: Arden", 1788, "QUILLAN", "Essays"),
        # a decade in the title is no year: the loose year after the names is
        (
            "Dunmore, K. 2011 Halifax in the 1870s: A Survey of the 1871 Census. Nova Press, Halifax.",
            2011,
            "Dunmore",
            "Halifax",
        ),
        # 'S. D.' between initials is no 's.d.' (sans date)
        ("Ferrand, K., Ostler, R. S. D., et al. 2009, ApJ, 702, 114", 2009, "Ferrand", ""),  # title-less
        (
            "Galt, R.; Mora, S.D.J.; & Pell, A.M., 2001. Slow sand filters. Water Journal, 12:3: 40.",
            2001,
            "Galt",
            "Slow",
        ),
        # a year glued to the last initial (IOP/AGU lists without punctuation)
        ("Varga T, Olsen A M and Brandt K2016 Phys. Rev. D 94 1123", 2016, "Varga", ""),  # title-less
    ],
)
def test_year_without_punctuation_month_or_brackets(text: str, year: int, family: str, title: str) -> None:
    ref = parse_entry(RawEntry(1, 1, text, text), "r1")
    assert ref.year == year
    assert ref.authors[0].family == family
    assert ref.title.startswith(title)


def test_year_after_a_very_long_author_list() -> None:
    names = ", ".join(f"Author{chr(65 + i % 26)}{i}, A." for i in range(300))
    text = f"{names} (2010). A map of variation. *Nature*, 467, 1061-1073."
    ref = parse_entry(RawEntry(1, 1, text, text), "r1")
    assert len(text) > 2000 and ref.year == 2010 and ref.title == "A map of variation"


# --- issue 3, round 3: containers, chapters, year-at-end names ---------------------------------


def _p(text: str) -> Reference:
    return parse_entry(RawEntry(1, 1, text, text), "r1")


def test_plain_chapter_without_italics_gives_container_pages_publisher() -> None:
    ref = _p(
        "Okoro, T. (2004). Learning to rank. In Proceedings of the Ninth Workshop on Ranking, pp. 12-19. Nova Press, Leeds."
    )
    assert ref.title == "Learning to rank"
    assert ref.container == "Proceedings of the Ninth Workshop on Ranking"
    assert ref.pages == "12-19" and ref.publisher == "Nova Press"


def test_plain_chapter_with_editors_before_the_book() -> None:
    ref = _p("Bell, R. 1999. Tides. In K. Marsh and P. Ode, editors, Coastal Studies, pages 3--9. Harbor Books.")
    assert ref.container == "Coastal Studies" and ref.pages == "3-9"
    assert [p.family for p in ref.editors] == ["Marsh", "Ode"]
    ref = _p("Ames, J. 1977. Rivers. In T. L. Vane (ed.), Water and land (101–140). Boston: Delta Press.")
    assert ref.container == "Water and land" and ref.pages == "101-140" and ref.publisher == "Delta Press"


def test_plain_in_before_a_journal_is_an_article() -> None:
    ref = _p("Weber, K. (2011). Flaches Land. In: Landschaften 66, S. 32-50.")
    assert ref.container == "Landschaften" and ref.volume == "66" and ref.pages == "32-50"


def test_note_after_the_pages_does_not_break_the_journal() -> None:
    ref = _p("Roth, W. 1932. Zur Kenntnis der Moose. Blätter für Botanik 11: 348-363. (in German).")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Blätter für Botanik", "11", "", "348-363")


def test_journal_abbreviation_after_a_comma_is_not_left_in_the_title() -> None:
    ref = _p("Lind, P., 2010: Thermal decay of clays, Appl. Clay Sci., 118(4), pp. 99-101.")
    assert ref.title == "Thermal decay of clays" and ref.container == "Appl. Clay Sci"
    assert (ref.volume, ref.issue, ref.pages) == ("118", "4", "99-101")


def test_imprint_in_parentheses_after_the_title() -> None:
    ref = _p("Hale, Gerald (1988), The Practice of Patience (Oxford: Clarendon Press).")
    assert ref.title == "The Practice of Patience" and ref.publisher == "Clarendon Press"


def test_year_at_end_names_as_a_first_sentence() -> None:
    ref = _p("R. T. Mole. Sorting in small memory. IEEE Trans. Computing Machines, 3(6), 708-713, 1981.")
    assert [p.family for p in ref.authors] == ["Mole"]
    assert ref.title == "Sorting in small memory"
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("IEEE Trans. Computing Machines", "3", "6", "708-713")
    ref = _p("Hale, A. B. & Ono, C. D. A survey of tides. Nature 12, 45–67 (2019).")
    assert [p.family for p in ref.authors] == ["Hale", "Ono"]
    assert (ref.title, ref.container, ref.volume, ref.pages) == ("A survey of tides", "Nature", "12", "45-67")


def test_year_at_end_names_in_natural_order() -> None:
    ref = _p("Nora Quist and Pavel Dunn. Sampling for labels. In Conference on Learning, pages 148–156, 1994.")
    assert [p.family for p in ref.authors] == ["Quist", "Dunn"]
    assert ref.container == "Conference on Learning" and ref.pages == "148-156"
    ref = _p("Ida Berg, Tom Hale, and Lea Moss. Wrappers. In Proc. Workshop on Objects, pages 1-9. Springer, 1998.")
    assert [p.family for p in ref.authors] == ["Berg", "Hale", "Moss"]
    assert ref.publisher == "Springer"


def test_title_ended_by_a_comma_before_a_journal_tail() -> None:
    ref = _p("Okoro, B. (2012). Runoff in small basins: A case in Dayton, Ohio, Water Cycle Letters, 19(1), 223-234.")
    assert ref.title == "Runoff in small basins: A case in Dayton, Ohio"
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Water Cycle Letters", "19", "1", "223-234")
    # a number closing a title without a volume stays in the title
    assert _p("Moreau, P. (1980). Le jeu, Revue imaginaire, Part 31").container == ""


def test_pages_after_the_issue_without_a_comma() -> None:
    ref = _p("Lind, B. J. 1986. Focus in dialogue. Discourse Studies 12(3) 175-204")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Discourse Studies", "12", "3", "175-204")


def test_proceedings_with_imprint_and_pages_is_a_chapter() -> None:
    ref = _p("Aune, T. (1991). Fast joins. In Proceedings of the Third Symposium on Databases. ACM, New York, 192-203.")
    assert (ref.type, ref.container, ref.pages, ref.publisher) == (
        "chapter",
        "Proceedings of the Third Symposium on Databases",
        "192-203",
        "ACM",
    )


def test_publisher_without_place_or_pages() -> None:
    ref = _p(
        "Berg, A. (2001). A chapter. In M. Lund (ed.), Variation in syntax. Oxford: Oxford University Press, 140-152."
    )
    assert (ref.publisher, ref.pages) == ("Oxford University Press", "140-152")
    assert (
        _p("Hale, T. (1991). Trees. In Proceedings of AI, pp. 3-9. San Jose, CA. AAAI Press.").publisher == "AAAI Press"
    )
    assert _p("Noor, N. (2014). Climate and us. New York City, NY, Norton and Sons.").publisher == "Norton and Sons"
    assert _p("Roy, J. (1996). Soil mechanics. Prentice Hall, Upper Saddle River, N.J.").publisher == "Prentice Hall"
    assert _p("Aubert C., 1992, La guerre froide. Paris, Economica").publisher == "Economica"
    assert _p("Aubert C., 1992, La guerre froide. Economica, Paris").publisher == "Economica"
    # a page count is the book's length, not its pages
    ref = _p("Brun, J. (2013). Droit de l'eau. Éditions Lemay, Montréal, 561 p.")
    assert (ref.publisher, ref.pages) == ("Éditions Lemay", "")


def test_month_after_the_journal_tail() -> None:
    ref = _p("Marsh, E. Ladder networks. Journal of Lightwave Technology, 10(12) 1952-1962, December 1992.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (
        "Journal of Lightwave Technology",
        "10",
        "12",
        "1952-1962",
    )
    ref = _p('Kam, J. (1977). "Data flow," Acta Informatica, vol. 7, no. 3, pp. 305-317, Jul.')
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Acta Informatica", "7", "3", "305-317")


def test_pubmed_numbers_and_issn_are_not_part_of_the_tail() -> None:
    ref = _p(
        "Holm A. Models of sepsis. Virulence. 2014; 5(1):143-53. doi:10.4161/viru.26083. "
        "PubMed PMID:24022070; PubMed Central PMCID:PMC3916368."
    )
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Virulence", "5", "1", "143-53")
    ref = _p("Rao R. Mixture models. Biostatistics 15: 87-101, 2014 [PMID: 23887981 / PMCID: PMC3862207].")
    assert (ref.year, ref.container, ref.pages) == (2014, "Biostatistics", "87-101")
    ref = _p("Lee, K. (2011). Mapping genes. Genome Research, 21(2), 315-324. issn: 1549-5469.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Genome Research", "21", "2", "315-324")


def test_venue_with_apostrophe_year_is_a_chapter() -> None:
    ref = _p("Wall, J. (1999). Escape analysis. In Proceedings of OOPSLA'99, pages 187-206, Nov.")
    assert (ref.type, ref.container, ref.volume, ref.pages) == ("chapter", "Proceedings of OOPSLA'99", "", "187-206")


def test_article_number_suffix_in_pages() -> None:
    ref = _p("Ito, K. 2017. Visual coupling. Cell 169, 1291–1302.e14.")
    assert (ref.container, ref.volume, ref.pages) == ("Cell", "169", "1291-1302.e14")


# --- issue 3: publishers -------------------------------------------------------------------------


def test_publisher_keeps_company_suffixes() -> None:
    assert _p("Dale, R. (1971). A Primer of Topology. Barnes and Co. Ltd.").publisher == "Barnes and Co. Ltd"
    assert _p("Hart, K. 2001. Soil and seed. Quill Associates, Inc., Dover, DE.").publisher == "Quill Associates, Inc."
    assert _p("Lowe, A. (2007). Gothic Tales. Glasgow: Glasgow Univ. Press.").publisher == "Glasgow Univ. Press"


def test_publisher_without_volume_statement_or_closing_note() -> None:
    assert _p("Marin, L. 2003. The Long Decade. Vol. 2 Harbor House.").publisher == "Harbor House"
    ref = _p("Dupré, S. (1990). Traité du rêve. Lyon, France : PUL. (Original work published 1921).")
    assert ref.publisher == "PUL"


def test_imprint_after_a_comma_ending_the_title() -> None:
    ref = _p("Holt, B. (1986). Machine Hearing, Delta Press.")
    assert (ref.title, ref.publisher) == ("Machine Hearing", "Delta Press")
    ref = _p("Marsh J., 1985, Waves in Shallow Water, Springer-Verlag, New York.")
    assert (ref.title, ref.publisher) == ("Waves in Shallow Water", "Springer-Verlag")
    assert _p("Durand, E. (1984), Le métier de juge, Paris, Payot.").publisher == "Payot"
    ref = _p("Vidal, M. 1999, Reading music by machine, Berlin: Springer.")
    assert (ref.title, ref.publisher) == ("Reading music by machine", "Springer")
    # a comma inside a title is not an imprint
    ref = _p("Rowe, T. (2003). Fire, Ice and Stone, a history.")
    assert (ref.title, ref.publisher) == ("Fire, Ice and Stone, a history", "")


def test_meeting_name_without_place_dates_and_publisher() -> None:
    ref = _p(
        "Lund, K. 1996. Fast sorting. In Proceedings of the 1996 Spring Computing Conference (Fargo, ND, Apr 2-5), 10-19."
    )
    assert (ref.container, ref.pages) == ("Proceedings of the 1996 Spring Computing Conference", "10-19")
    ref = _p("Pike, R. (2011). Crack growth. In 12th World Conference on Fracture, Lyon, France.")
    assert ref.container == "12th World Conference on Fracture"
    ref = _p("Dunn, A. 1992. Message passing. In Proceedings of the Workshop on Networks, ACM, New York.")
    assert (ref.container, ref.publisher) == ("Proceedings of the Workshop on Networks", "ACM")
    # a book's name is not a meeting: its last part stays
    ref = _p("Gray, P. (2001). Clay pots. In Studies in Ceramics, Rotterdam. Kiln Press.")
    assert ref.container == "Studies in Ceramics, Rotterdam"


def test_book_of_chapter_without_volume_pages_or_editors_after_it() -> None:
    ref = _p("Ross, E. (1983). Play. In P. Lane (Ed.), Handbook of play (Vol. 2, pp. 103-196). New York: Wiley.")
    assert (ref.container, ref.volume, ref.pages, ref.publisher) == ("Handbook of play", "2", "103-196", "Wiley")
    ref = _p("Kent, D. (1987). Plans. In Kent, D. (Eds.), Reasoning About Plans, pp. 9-22. Lark Press, Provo, Utah.")
    assert (ref.container, ref.pages, ref.publisher) == ("Reasoning About Plans", "9-22", "Lark Press")
    ref = _p("Orme, T. 1973. Chiefdoms. In The Making of Ranks, edited by Ann Hale, pp. 53-59. Dune Press, Reno.")
    assert (ref.container, ref.pages) == ("The Making of Ranks", "53-59")


def test_chapter_book_ending_in_a_short_word_before_a_place_colon_imprint() -> None:
    ref = _p("Amis, K. (1990). On jokes. In The Big Joke Book. London: Lantern Press.")
    assert (ref.container, ref.publisher) == ("The Big Joke Book", "Lantern Press")


def test_meeting_place_then_publisher_after_a_full_stop() -> None:
    ref = _p("Ross, Q. (1987). Logic at work. In Symposium on Logic Tools, Austin, TX. IEEE Press.")
    assert (ref.container, ref.publisher) == ("Symposium on Logic Tools", "IEEE Press")


# --- issue 3: names before the title when the year closes the entry -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # given names first: a stop after an initial opens the next name
        (
            "K. Ostrow, L. Pham, and T. Ruiz-Lee. Sharded logs for replicated stores. Systems Journal, 4(2), 1991.",
            ["Ostrow", "Pham", "Ruiz-Lee"],
        ),
        # the first name inverted, the others given first
        (
            "Moss, T., R. Vane & P. Quill. Tongue rest positions in bilinguals. Phonetics 12(3), 2008.",
            ["Moss", "Vane", "Quill"],
        ),
        (
            "Harlow, Dana J., Ruth K. Senn, and Owen B. Tarr. Leading Small Firms. Boston: Pell Press, 1971.",
            ["Harlow", "Senn", "Tarr"],
        ),
        # family then initials, every name
        (
            "Orban P.K., Mills T., Quade R.S. Collagen turnover in tendons. Matrix 14: 3-9, 1995.",
            ["Orban", "Mills", "Quade"],
        ),
        # inverted names with initials, then a title after a comma
        (
            "Laskin, P. T., Morrow, D. E., Shock lamellae in quartz grains, Crater Studies, vol. 7, 1988.",
            ["Laskin", "Morrow"],
        ),
        ("Noyes, K. and T. Bram, Synapse pruning in the young cortex. Neuron 9(2) p. 44-51, 2004.", ["Noyes", "Bram"]),
        # a role after the names
        (
            "Pratt, J. and W. Olen (Eds.). The fourth report on the language Kestrel. Notices 3(1), 1989, 5-9.",
            ["Pratt", "Olen"],
        ),
        # given name first with a middle initial: the stop after it is no end of the names
        (
            "Rhea Boyd and Simon K. Tallis. Paging on small disks. In Proc. Storage, pages 3-9, 1991.",
            ["Boyd", "Tallis"],
        ),
        (
            "Omar Haddad, Lena P. Voss, and Ivo Ruud. Lock-free queues. Computing Letters, 7(1), 2003.",
            ["Haddad", "Voss", "Ruud"],
        ),
        ("Nils T. J. Aaberg and Petra M. Lund. Log shipping. In Proc. Data, 1989.", ["Aaberg", "Lund"]),
        # 'et al.' closes the names, whatever follows it
        ("Ferro et al., Plant Cell Rep., 12: 44-49, 1993.", ["Ferro"]),
        ("P. Q. Lanzo et al., Astron. Lett. 88, 1201 (2004).", ["Lanzo"]),
        ("Dorn K. et al., Theor. Appl. Genet. 84: 75-82, 1992.", ["Dorn"]),
        # a colon closes the names: Vancouver and Springer styles
        ("Vance KL, Ortiz JM: Salt stress in root cells. J Plant Biol 1997, 8:12-19.", ["Vance", "Ortiz"]),
        ("Hart, B.T., Lowe, C.D.: Sorting networks revisited. Algorithmica 3, 44-50 (1988)", ["Hart", "Lowe"]),
        ("G. Pruitt, D. M. Lamb: J. Chem. Phys. 61, 2021 (1974).", ["Pruitt", "Lamb"]),
    ],
)
def test_year_at_end_name_lists(text: str, expected: list[str]) -> None:
    assert families(parse(text)) == expected


def test_year_at_end_inverted_name_with_several_given_names_then_title() -> None:
    # 'Family, Given Given particle. Title': Chicago, a particle written after the given names
    ref = parse("Hollis, Anna Maria von. Gardens of Stone. Vienna: Tessel, 1961.")
    assert [(a.family, a.given, a.particle) for a in ref.authors] == [("Hollis", "Anna Maria", "von")]
    assert ref.title == "Gardens of Stone" and ref.publisher == "Tessel"
    ref = parse("ROCHA, Pedro Luiz Dias. Ventos do sul. Recife: Maré, 1977.")
    assert [(a.family, a.given) for a in ref.authors] == [("ROCHA", "Pedro Luiz Dias")]
    # 'NOM, Prénom, Titre, Lieu, Éditeur, 1990': French and MLA, the title after a comma
    ref = parse("BRUNEL, Odile, Les jardins du nord, Lille, Presses du Septentrion, 1998.")
    assert families(ref) == ["BRUNEL"] and ref.title.startswith("Les jardins du nord")
    ref = parse("Tarrow, Keith M., The Harbour Towns and Trade, Leeds: Mersey Press, 1984.")
    assert families(ref) == ["Tarrow"] and ref.title == "The Harbour Towns and Trade"
    # but not before another name, nor in a Vancouver list ending with a colon
    assert families(parse("Oduya, Clare, and Paul Brandt. Salt Roads. Leeds: Fen, 1993.")) == ["Oduya", "Brandt"]
    assert families(parse("Ruiz PE, Mott KL, Abel LM: Cell growth in yeast. Yeast Res 8:1-9, 1999.")) == [
        "Ruiz",
        "Mott",
        "Abel",
    ]


def test_year_at_end_journal_after_names_given_first_is_no_name() -> None:
    ref = parse("[4] R. Ivers, P. Lund, Chem. Mater. 2012, 24, 311.")
    assert families(ref) == ["Ivers", "Lund"]


@pytest.mark.parametrize(
    ("text", "container", "volume", "pages"),
    [
        ("Moreau, L., & Petit, A. 2011, ApJ, 512, 77", "ApJ", "512", "77"),
        ("Garnier S., Lopez T., 2004, MNRAS, 340, 1203", "MNRAS", "340", "1203"),
        ("Brun C M 2009 Contemp. Phys. 51 310.", "Contemp. Phys", "51", "310"),
        ("Viala, R. 1992, Science 241: 512-518", "Science", "241", "512-518"),
    ],
)
def test_a_journal_right_after_the_year_is_a_titleless_article(
    text: str, container: str, volume: str, pages: str
) -> None:
    ref = parse(text)
    assert (ref.title, ref.container, ref.volume, ref.pages) == ("", container, volume, pages)
    assert "no title" not in ref.problems


def test_a_title_before_the_journal_is_still_a_title() -> None:
    ref = parse("Moreau, L. 2011, Cooling flows. ApJ, 512, 77")
    assert (ref.title, ref.container, ref.volume) == ("Cooling flows", "ApJ", "512")


def test_titleless_articles_are_duplicates_only_with_the_same_journal_volume_and_pages() -> None:
    from biblio_cli.match import same_work

    a = parse("Moreau, L. 2011, ApJ, 512, 77")
    assert same_work(a, parse("Moreau, L. 2011, ApJ, 512, 77"))
    assert not same_work(a, parse("Moreau, L. 2011, ApJ, 514, 12"))
    assert not same_work(a, parse("Moreau, L. 2011, MNRAS, 512, 77"))


def test_a_titleless_article_is_exported_without_a_could_not_parse_note() -> None:
    from biblio_cli.export.fields import incomplete

    assert not incomplete(parse("Moreau, L. 2011, ApJ, 512, 77"))
    assert incomplete(parse("Moreau, L. 2011."))


@pytest.mark.parametrize(
    ("text", "container", "volume", "pages"),
    [
        ("Lune, A., & Soleil, B. 1997, ApJ, 475, 163", "ApJ", "475", "163"),
        ("Lune A., Soleil B., 1993, A&A, 274, 699", "A&A", "274", "699"),
        ("Lune C M 2005 Contemp. Phys. 46 277.", "Contemp. Phys", "46", "277"),
        ("Lune, et al., 1987, Science 235: 442-447", "Science", "235", "442-447"),
        ("Lune S.P., 1998, J. Bone Miner. Res., 13, 581-589", "J. Bone Miner. Res", "13", "581-589"),
        ("Lune, A. 2005, Phys. Rev. D, 71, 8", "Phys. Rev. D", "71", "8"),
        ("Lune M.J. et al, 1999, Bone, 24, 73S-79S", "Bone", "24", "73S-79S"),
    ],
)
def test_title_less_journal_tail_after_the_year(text: str, container: str, volume: str, pages: str) -> None:
    # physics and astronomy styles give no title: the work after the year is the journal, volume and pages
    ref = _p(text)
    assert (ref.title, ref.container, ref.volume, ref.pages, ref.type) == (
        "",
        container,
        volume,
        pages,
        "article-journal",
    )
    assert "no title" not in ref.problems


def test_one_word_title_before_a_journal_is_kept() -> None:
    ref = _p("Ward MP. Vancomycin. Mayo Clin Proc 1991; 66:1165-1170.")
    assert ref.title == "Vancomycin"
    ref = _p("Ward, J. (2010). Senhora. In Obra Completa, 1: 941-1214.")
    assert (ref.title, ref.container) == ("Senhora", "Obra Completa")
    ref = _p("Ward, J. (2010). Mapping. Meteoritics, 2, 183-199.")
    assert (ref.title, ref.container) == ("Mapping", "Meteoritics")
    ref = _p("Ward, J. 2010. Gene Regulation. Cell 12: 183-199.")
    assert (ref.title, ref.container) == ("Gene Regulation", "Cell")


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue", "pages"),
    [
        (
            "Mill, G. 1995. Word nets. Communications of the ACM 38 39-41",
            "Communications of the ACM",
            "38",
            "",
            "39-41",
        ),
        (
            "Bick, L. 2013. Tone spreading. Studies in African Linguistics 42. 101-132.",
            "Studies in African Linguistics",
            "42",
            "",
            "101-132",
        ),
        (
            "Nord, W. 1975. “The cycle.” The Review of Economic Studies pp. 169–190.",
            "The Review of Economic Studies",
            "",
            "",
            "169-190",
        ),
        ("Pel, M., 2011. Effects of water. Water Research, 45:12: 3787.", "Water Research", "45", "12", "3787"),
        (
            "Brown, S., 1995. Persistence. Journal of Finance, 50: 2, pp.679- 698.",
            "Journal of Finance",
            "50",
            "2",
            "679-698",
        ),
        ("Reg J.Y., 1998. Bone loss. Bone, 23 (5) Suppl., S594", "Bone", "23", "5", "S594"),
        (
            "Lemaire, B. (2009). Le soin. Santé Mentale, octobre 2009, n°141. p. 52-56.",
            "Santé Mentale",
            "",
            "141",
            "52-56",
        ),
        ("Lee, K. (2011). Craters and maps. Meteoritics, v. 2, pp. 183-199.", "Meteoritics", "2", "", "183-199"),
        (
            'Ander, S. 2010. "Counts". eng. In:Genome research 21. 2. PMID: 21177959, pp. 315-324.',
            "Genome research",
            "21",
            "2",
            "315-324",
        ),
        (
            "Hodge R (2016) Sediment plumes. Annals of Glaciology. 57(73), 39–46 (doi:10.1017/aog.2016.20)",
            "Annals of Glaciology",
            "57",
            "73",
            "39-46",
        ),
        (
            "Lau, H. (1993). Cladding. Zeitschrift Fur Metallkunde 84, (12), 886-892.",
            "Zeitschrift Fur Metallkunde",
            "84",
            "12",
            "886-892",
        ),
        (
            "Kim, S. (2016). Dental care. Periodontology 2000, 71(1), 164-184.",
            "Periodontology 2000",
            "71",
            "1",
            "164-184",
        ),
        (
            "Yae, M. (2002). Contraction. Language Variation and Change,, 14 , 79-118.",
            "Language Variation and Change",
            "14",
            "",
            "79-118",
        ),
        (
            "Ward, M. (1977). Ternary memory. IEEE Trans. Comput., C-26(3), pp. 281-288.",
            "IEEE Trans. Comput",
            "C-26",
            "3",
            "281-288",
        ),
        (
            "Fre E. 1842. Huile de palme. J Pharmacie et de Chimie XII:757.",
            "J Pharmacie et de Chimie",
            "XII",
            "",
            "757",
        ),
        (
            "Ale, U. (1996). Verbände. Information zur politischen Bildung, Nr. 253, 17-21.",
            "Information zur politischen Bildung",
            "253",
            "",
            "17-21",
        ),
        (
            "Lee, K. (2009). Shear walls. J. Struct. Eng., ASCE, 135(11), 1367-1376.",
            "J. Struct. Eng.",
            "135",
            "11",
            "1367-1376",
        ),
        (
            "Wed, H. A. 1856. Urticacees. Nouvelles Archives du Museum, Paris 9: 1-591.",
            "Nouvelles Archives du Museum",
            "9",
            "",
            "1-591",
        ),
    ],
)
def test_journal_tail_shapes(text: str, container: str, volume: str, issue: str, pages: str) -> None:
    ref = _p(text)
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (container, volume, issue, pages)


@pytest.mark.parametrize(
    ("text", "container", "volume", "pages"),
    [
        (
            "Fik, R. (1971). Strips. Artificial Intelligence, 2, 189-208. Also in (Allen et al., 1990). Planning: A Reader",
            "Artificial Intelligence",
            "2",
            "189-208",
        ),
        (
            "Alto, T. (2009). Family law. Family Law, 23, 194. Retrieved January 22, 2010, from Lexis.",
            "Family Law",
            "23",
            "194",
        ),
        (
            "Rob, J. (2015). Care. Palliative Medicine, 23(8), 194-200. JCR two-year Impact Factor: 4.220",
            "Palliative Medicine",
            "23",
            "194-200",
        ),
    ],
)
def test_note_after_a_complete_journal_tail_is_dropped(text: str, container: str, volume: str, pages: str) -> None:
    ref = _p(text)
    assert (ref.container, ref.volume, ref.pages, ref.type) == (container, volume, pages, "article-journal")


def test_broken_doi_with_a_space_is_taken_out_whole() -> None:
    ref = _p("Kim, A. (2003). Regulators. Trends Genet, 19(5), 286-293. doi: 10. 1016/S0168-9525(03)00073-8.")
    assert (ref.container, ref.pages) == ("Trends Genet", "286-293")
    assert "invalid DOI" in ref.problems


@pytest.mark.parametrize(
    ("text", "title", "container"),
    [
        (
            "Oad, R.D. (1987). Ventral tegmental system: neurobiology. 1. Anatomy and connectivity. Brain Research Reviews 12, 117-165.",
            "Ventral tegmental system: neurobiology. 1. Anatomy and connectivity",
            "Brain Research Reviews",
        ),
        (
            "Ard F. 1970. Contribution a l'etude des algues du Portugal. I. La flore. Port. Acta Biol. B 10:137-555.",
            "Contribution a l'etude des algues du Portugal. I. La flore",
            "Port. Acta Biol. B",
        ),
        # abbreviations before a journal name are the journal's, not the title's
        (
            "Gish, H. (1994). Speaker identification. IEEE Trans. Pattern Analysis and Machine Intelligence, 3(6), 708-713.",
            "Speaker identification",
            "IEEE Trans. Pattern Analysis and Machine Intelligence",
        ),
        (
            "Spa, E. M. 1960. Heat transfer about a rotating disk. Trans. of the ASME, J. Heat Transfer, 82, 294-302.",
            "Heat transfer about a rotating disk",
            "Trans. of the ASME, J. Heat Transfer",
        ),
    ],
)
def test_title_sentences_left_before_the_journal_go_back_to_the_title(text: str, title: str, container: str) -> None:
    ref = _p(text)
    assert (ref.title, ref.container) == (title, container)


def test_article_ids_and_sici_dois() -> None:
    ref = _p(
        "Ito, K. 2009. Signals in T cells. *Science Signaling* **2**:ra79. DOI: https://doi.org/10.1126/scisignal.2000409"
    )
    assert (ref.container, ref.volume, ref.pages) == ("Science Signaling", "2", "ra79")
    ref = _p("Ito, K. (2012). Fate decisions. *PLoS Biology*, *10*, e1001425.")
    assert (ref.volume, ref.pages) == ("10", "e1001425")
    ref = _p(
        "Ito, K. (1998). Neurons. *Journal of Comparative Neurology*, *398*, 515–528. "
        "https://doi.org/10.1002/(SICI)1096-9861(19980907)398:4<515::AID-CNE4>3.0.CO;2-5"
    )
    assert (ref.volume, ref.pages, ref.problems) == ("398", "515-528", ())
    assert ref.doi.endswith("<515::aid-cne4>3.0.co;2-5")


def test_title_ending_in_a_short_capitalised_word_before_an_italic_journal() -> None:
    ref = _p(
        "Yoon J. 2005. Haloferax sp. nov., isolated in the Yellow Sea, Korea. *Int J Syst Evol Microbiol* **55**:865–870."
    )
    assert ref.container == "Int J Syst Evol Microbiol"


@pytest.mark.parametrize(
    ("text", "title", "container", "volume", "pages"),
    [
        (
            "Mar C. W., Ase Z. 1999 Faunal exploitation by early humans, Evolutionary Anthropology, 22-37",
            "Faunal exploitation by early humans",
            "Evolutionary Anthropology",
            "",
            "22-37",
        ),
        (
            "Con, D. (1993). Knowledge discovery. IEEE Transactions on Knowledge and Data Engineering, 985-987.",
            "Knowledge discovery",
            "IEEE Transactions on Knowledge and Data Engineering",
            "",
            "985-987",
        ),
        (
            "Sun, P. (2020). Coal ash, Legal and Network Perspectives, Sustainability, Vol. 12.",
            "Coal ash, Legal and Network Perspectives",
            "Sustainability",
            "12",
            "",
        ),
        (
            "Che, P. (1991). Hard problems. 12th International Joint Conference on AI, 163-169.",
            "Hard problems",
            "12th International Joint Conference on AI",
            "",
            "163-169",
        ),
        (
            "Wol, K. (1995) Sharing in a Heterogeneous Environment, Multimedia Systems, 3, Pages 57-64.",
            "Sharing in a Heterogeneous Environment",
            "Multimedia Systems",
            "3",
            "57-64",
        ),
        (
            "Bud, H. (1997), 'Die 'Wir-Schicht' der Generation,' in Berliner Journal, Vol. 7, pp. 197-204.",
            "Die 'Wir-Schicht' der Generation",
            "Berliner Journal",
            "7",
            "197-204",
        ),
    ],
)
def test_tail_after_a_comma_title_with_pages_or_a_labelled_volume(
    text: str, title: str, container: str, volume: str, pages: str
) -> None:
    ref = _p(text)
    assert (ref.title, ref.container, ref.volume, ref.pages) == (title, container, volume, pages)


def test_a_span_of_years_ending_a_title_is_no_journal_tail() -> None:
    ref = _p("Hal, J. (2001). The war, Europe, 1939-1945.")
    assert (ref.title, ref.container, ref.pages) == ("The war, Europe, 1939-1945", "", "")


def test_pubmed_pii_beside_the_doi_is_dropped() -> None:
    ref = _p("Tod, A. J. 2010. Pain circuits. Nat.Rev.Neurosci., 11, 823-836. doi: nrn2947 [pii]; 10.1038/nrn2947[doi]")
    assert (ref.doi, ref.container, ref.volume, ref.pages) == ("10.1038/nrn2947", "Nat.Rev.Neurosci", "11", "823-836")


@pytest.mark.parametrize(
    ("text", "container"),
    [
        ("Rou, L. (2016), Evidence of rock slope breathing. Geomorphology.", "Geomorphology"),
        (
            "Ang, J. (1995). Causal effects. Journal of the American Statistical Association, in press.",
            "Journal of the American Statistical Association",
        ),
        ("Dev, H. (2010, January 28). Neuron breakthrough. The Times.", "The Times"),
        ("DeW, D. J. (1979). Direct. IEEE Transactions on Computers, June.", "IEEE Transactions on Computers"),
    ],
)
def test_journal_named_without_numbers(text: str, container: str) -> None:
    ref = _p(text)
    assert (ref.container, ref.publisher, ref.type) == (container, "", "article-journal")


def test_a_publisher_alone_after_the_title_stays_the_publisher() -> None:
    ref = _p("Mil, J. (2004). Learning theory. Oxford University Press.")
    assert (ref.container, ref.publisher) == ("", "Oxford University Press")
    ref = _p("Mil, J. (2004). Learning theory. Society for Research in Child Development.")
    assert ref.container == ""


@pytest.mark.parametrize(
    ("text", "container"),
    [
        (
            "Gra, D. (2008). Seed records. Earthquake Engineering Journal, Beijing, China, 12, 3-9.",
            "Earthquake Engineering Journal",
        ),
        (
            "Kum, P. (1993). Speech. In Proceedings of the ACM Conference on Human Factors (Atlanta, GA, Mar. 22-27), ACM Press, New York, NY, pages 431-438.",
            "Proceedings of the ACM Conference on Human Factors",
        ),
    ],
)
def test_place_and_dates_of_a_conference_are_not_its_name(text: str, container: str) -> None:
    assert _p(text).container == container


@pytest.mark.parametrize(
    ("text", "title", "container", "volume", "pages"),
    [
        (
            "Kle P, Del C. Prediction of protein class from amino acid sequence Biopolymers 1986; 25: 1659-1672.",
            "Prediction of protein class from amino acid sequence",
            "Biopolymers",
            "25",
            "1659-1672",
        ),
        (
            "Lee T. The effect of salts on kidneys Journal of Pharmacology and Experimental Therapeutics 1995; 272(3): 1313-1320.",
            "The effect of salts on kidneys",
            "Journal of Pharmacology and Experimental Therapeutics",
            "272",
            "1313-1320",
        ),
        (
            "Ver G, Pag DC. A deletion map of the human Y chromosome based on DNA hybridization Am J Hum Genet 1986; 38:109-124.",
            "A deletion map of the human Y chromosome based on DNA hybridization",
            "Am J Hum Genet",
            "38",
            "109-124",
        ),
    ],
)
def test_vancouver_journal_after_a_title_without_full_stop(
    text: str, title: str, container: str, volume: str, pages: str
) -> None:
    ref = _p(text)
    assert (ref.title, ref.container, ref.volume, ref.pages) == (title, container, volume, pages)


def test_volume_of_a_multivolume_book_in_apa_parentheses() -> None:
    ref = _p(
        "Har, S. (1998). Self-representations. In N. Eis (Ed.), *Handbook of child psychology* (Vol. 3, pp. 1017-1095). New York: Wiley."
    )
    assert (ref.container, ref.volume, ref.pages, ref.publisher) == (
        "Handbook of child psychology",
        "3",
        "1017-1095",
        "Wiley",
    )


@pytest.mark.parametrize(
    ("text", "families", "container", "volume", "pages"),
    [
        ("X.-G. Wen, Phys. Rev. Lett. 66, 802 (1991).", ["Wen"], "Phys. Rev. Lett", "66", "802"),
        ("K. Oster and E. Seiler, Annals Phys. 110, 440 (1978).", ["Oster", "Seiler"], "Annals Phys", "110", "440"),
        ("Beutler, et al., Science 234, 470-474 (1985)", ["Beutler"], "Science", "234", "470-474"),
        ("Dean C. et al., Plant Journal, 2, 69-81, 1992", ["Dean"], "Plant Journal", "2", "69-81"),
        ("Kolo E. E. et al., J. Phys. G, 31 (2005) S741.", ["Kolo"], "J. Phys. G", "31", "S741"),
    ],
)
def test_title_less_journal_when_the_year_comes_last(
    text: str, families: list[str], container: str, volume: str, pages: str
) -> None:
    ref = _p(text)
    assert (families_of(ref), ref.title, ref.container, ref.volume, ref.pages) == (
        families,
        "",
        container,
        volume,
        pages,
    )


def families_of(ref: Reference) -> list[str]:
    return [a.family for a in ref.authors]


@pytest.mark.parametrize(
    "text",
    [
        'J. Ander, "Composite Registers", Distributed Computing, 6(3), 1993, pp. 141-154.',
        "G. Nagy, 'Homeric questions', TAPhA 122 (1992), pp. 17-60.",
    ],
)
def test_a_title_between_names_and_journal_is_not_taken_for_names(text: str) -> None:
    ref = _p(text)
    assert len(ref.authors) == 1 and ref.title


def test_year_inside_the_journal_tail_and_pubmed_dates() -> None:
    ref = _p("Chap et al., Epilepsy Res., 1991, 9, 92-96")
    assert (ref.year, ref.container, ref.volume, ref.pages) == (1991, "Epilepsy Res", "9", "92-96")
    ref = _p(
        "Ting LH. Muscle synergies during walking. J Neurosci. 2012; 32(35):12237-50. Epub 2012/08/31. PubMed PMID:22933805."
    )
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("J Neurosci", "32", "35", "12237-50")
    ref = _p("Lan C. Drugs in Europe. European Respiratory Journal. 2012; 40(2): 500-3. IF: 5,895")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("European Respiratory Journal", "40", "2", "500-3")


def test_more_tail_shapes() -> None:
    ref = _p('Mil, M. and D. Orr. "The Demand for Money," The Journal of Finance, Vol. XXIII, No. 5 (December, 1968).')
    assert (ref.container, ref.volume, ref.issue) == ("The Journal of Finance", "XXIII", "5")
    ref = _p("Ack, H. Smooth curves, Journal of the ACM, volume 17, No 4, October, 1970, pages 589-602.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Journal of the ACM", "17", "4", "589-602")
    ref = _p("Sem, T. Spectral estimation, Stochastic Process. Appl. 65 (1996), no. 2, 259-279.")
    assert (ref.title, ref.container, ref.volume, ref.issue) == (
        "Spectral estimation",
        "Stochastic Process. Appl",
        "65",
        "2",
    )
    ref = _p("Thrombosis Res. 101: 329-354 (2001)")
    assert (ref.authors, ref.container, ref.volume, ref.pages) == ((), "Thrombosis Res", "101", "329-354")
    ref = _p("G. 't Hooft, Nucl. Phys. B 72, 461 (1974).")
    assert (ref.title, ref.container, ref.volume, ref.pages) == ("", "Nucl. Phys. B", "72", "461")
