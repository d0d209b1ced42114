"""Venues after author-year titles: journals named after title sentences, proceedings after a comma, ASA
chapters with their pages first, newspapers with a date, journals named alone before a DOI."""

from helpers import parse


def test_quoted_word_opening_the_title_does_not_end_it() -> None:
    ref = parse(
        "D'Arcy, A. (2007). “Like” and language ideology: disentangling fact from fiction. "
        "American Speech, 82 (4), 386-416."
    )
    assert ref.title == "“Like” and language ideology: disentangling fact from fiction"
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("American Speech", "82", "4", "386-416")


def test_two_quoted_titles_keep_their_quotes() -> None:
    ref = parse("Smith, J. (1990). “Oral” or “Aural” composition. Journal of Folklore, 3, 1-9.")
    assert ref.title == "Oral"


def test_journal_spelled_out_after_title_sentences() -> None:
    ref = parse(
        "Hendel, F., 1907. Neue und interessante Dipteren aus dem kaiserl. Museum in Wien. "
        "Wiener Entomologische Zeitung, 26: 233-235."
    )
    assert ref.container == "Wiener Entomologische Zeitung"
    assert ref.title.endswith("Museum in Wien")
    ref = parse(
        "Ishii, K. (1986). Meander flow model. I: Development. Journal of Hydraulic Engineering, 112(12), 1117-1135."
    )
    assert ref.container == "Journal of Hydraulic Engineering"


def test_journal_with_subtitle_naming_a_journal_stays_whole() -> None:
    ref = parse(
        "Kim, J. 2011. A procedure for generating spectra. Journal of Nuclear Engineering Technology. "
        "An International Journal of the Korean Nuclear Society, 43(6), 573-582."
    )
    assert ref.title == "A procedure for generating spectra"
    assert ref.container.startswith("Journal of Nuclear Engineering Technology")


def test_asa_chapter_with_pages_before_the_book() -> None:
    ref = parse(
        "Ragin, Charles C., and Benoît Rihoux. 2009. “Qualitative Comparative Analysis as an Approach.” "
        "Pp. 1-18 in Configurational Comparative Methods, edited by B. Rihoux and C. Ragin. Thousand Oaks, CA: Sage."
    )
    assert ref.title == "Qualitative Comparative Analysis as an Approach"
    assert (ref.container, ref.pages, ref.publisher) == ("Configurational Comparative Methods", "1-18", "Sage")
    assert ref.type == "chapter"


def test_capitalised_pp_after_the_book() -> None:
    ref = parse(
        "Mazzarella, W. (2009) “Affect: What is it Good For?” In S. Dube, ed., Enchantments of Modernity: "
        "Empire, Nation, Globalization, Pp. 291-309. New York: Routledge."
    )
    assert ref.container == "Enchantments of Modernity: Empire, Nation, Globalization"
    assert ref.pages == "291-309"


def test_proceedings_after_a_comma_with_its_place() -> None:
    ref = parse(
        "Droettboom, Michael, Ichiro Fujinaga, 2001, Interpreting the semantics of music notation, "
        "Proceedings of the Ninth Python Conference, at Long Beach, CA."
    )
    assert ref.title == "Interpreting the semantics of music notation"
    assert ref.container == "Proceedings of the Ninth Python Conference"
    ref = parse(
        "Smith, A., 2007, A survey of binarisation algorithms, Proceedings of the Eighth International Conference "
        "on Music Information Retrieval (ISMIR), at Vienna, Austria. 509-12."
    )
    assert ref.container == "Proceedings of the Eighth International Conference on Music Information Retrieval (ISMIR)"
    assert ref.pages == "509-12"
    ref = parse(
        "Gelernter, H., 1959, Realization of a geometry theorem-proving machine, in: Proceedings of the "
        "International Conference on Information Processing, UNESCO."
    )
    assert ref.container == "Proceedings of the International Conference on Information Processing"
    assert ref.publisher == "UNESCO"


def test_newspaper_date_is_no_volume() -> None:
    ref = parse(
        "Lakhani, N. 2015. “El Salvador gang violence pushes murder rate to postwar record”, The Guardian, "
        "2 September 2015. Available at http://www.theguardian.com/world [accessed 5 February 2016]"
    )
    assert ref.container == "The Guardian"
    assert ref.volume == ""


def test_journal_alone_before_its_doi() -> None:
    ref = parse(
        "Cosci, S., & Mirra, L. (2018). A spatial analysis of growth in Italian provinces. Regional Studies. "
        "https://doi.org/10.1080/00343404.2017.1334117."
    )
    assert (ref.container, ref.publisher, ref.type) == ("Regional Studies", "", "article-journal")


def test_publisher_before_a_doi_stays_the_publisher() -> None:
    ref = parse("Smith, J. (2010). A book about things. Oxford University Press. https://doi.org/10.1093/abc.001")
    assert (ref.container, ref.publisher) == ("", "Oxford University Press")


def test_low_quote_written_as_a_comma() -> None:
    ref = parse(
        "Lamarque, J.-F. (2010). Historical gridded emissions: Methodology and application. "
        "Atmospheric Chemistry and Physics\u201a 10(15)\u201a pp.7017-7039."
    )
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (
        "Atmospheric Chemistry and Physics",
        "10",
        "15",
        "7017-7039",
    )


def test_venue_year_after_a_hyphen_stays_in_its_name() -> None:
    ref = parse(
        "Parr, R., & Russell, S. (1995). Approximating optimal policies. In Proceedings of IJCAI-95, 1088-1094."
    )
    assert (ref.container, ref.volume, ref.pages) == ("Proceedings of IJCAI-95", "", "1088-1094")


def test_cyrillic_title_sentences_and_pages_after_the_issue() -> None:
    ref = parse(
        "Анчев, Панко. 1976. Литература на изменящия се свят. Сборник статии и студии. Литературна мисъл, 20 (2). 154 - 156."
    )
    assert ref.title == "Литература на изменящия се свят. Сборник статии и студии"
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Литературна мисъл", "20", "2", "154-156")


def test_numbered_series_before_the_imprint() -> None:
    ref = parse(
        "de Laguna, Frederica. 1972. Under Mount Saint Elias: The History and Culture of the Yakutat Tlingit. "
        "Smithsonian Contributions to Anthropology 7. Washington: Government Printing Office."
    )
    assert ref.title == "Under Mount Saint Elias: The History and Culture of the Yakutat Tlingit"
    assert (ref.container, ref.volume, ref.publisher) == (
        "Smithsonian Contributions to Anthropology",
        "7",
        "Government Printing Office",
    )
    ref = parse(
        "Hauptman, H., & Karle, J. (1953). Solution of the Phase Problem, 1. The Centrosymmetric Crystal, "
        "ACA Monograph No. 3. Wilmington: Polycrystal Book Service."
    )
    assert (ref.container, ref.issue, ref.publisher) == ("ACA Monograph", "3", "Polycrystal Book Service")


def test_publisher_with_pages_after_a_quoted_title() -> None:
    ref = parse("Clift R., Grace J.R. and Weber M.E., 1978, 'Bubbles, Drops and Particles', Academic Press, pp.97-135.")
    assert (ref.container, ref.publisher, ref.pages) == ("", "Academic Press", "97-135")


def test_place_after_a_proceedings_is_dropped() -> None:
    ref = parse(
        "Webber, B. and Mays, E. (1983). Varieties of user misconceptions. In Proceedings of the Eighth "
        "International Joint Conference on Artificial Intelligence, Karlsruhe. pages 650-652."
    )
    assert ref.container == "Proceedings of the Eighth International Joint Conference on Artificial Intelligence"
    assert ref.pages == "650-652"
