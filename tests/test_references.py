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
    assert _p("Moreau, P. (1980). Le jeu, Revue imaginaire, n°31, pp. 2-3").container == ""


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
