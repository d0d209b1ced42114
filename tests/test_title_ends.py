"""Where a title ends when no full stop or journal closes it: contributors, imprints in parentheses, a place alone."""

import pytest
from helpers import parse


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            "Brentano, Clemens. Werke. Edited by Wolfgang Frühwald et al. Darmstadt: Wissenschaftliche "
            "Buchgesellschaft, 1968.",
            "Werke",
            "Wissenschaftliche Buchgesellschaft",
        ),
        (
            "Benjamin, Walter. Illuminations. Edited by Hannah Arendt. Translated by Harry Zohn. London: Random House, 1973.",
            "Illuminations",
            "Random House",
        ),
        (
            "Isaac, Glynn Llywelyn. The Archaeology of Human Origins. Ed. Barbara Isaac. Cambridge: Cambridge "
            "University Press, 1989.",
            "The Archaeology of Human Origins",
            "Cambridge University Press",
        ),
        (
            "Balzac, H. A Harlot of High and Low, trans. Rainer Heppenstall. New York: Penguin, 1970.",
            "A Harlot of High and Low",
            "Penguin",
        ),
        (
            "Hallier, Amédée, The Monastic Theology of Aelred of Rievaulx: An Experiential Theology (tr. Columban "
            "Heaney), Shannon: Irish University Press, 1969.",
            "The Monastic Theology of Aelred of Rievaulx: An Experiential Theology",
            "Irish University Press",
        ),
    ],
)
def test_editors_and_translators_after_the_title_are_not_part_of_it(text: str, title: str, publisher: str) -> None:
    ref = parse(text)
    assert ref.title == title
    assert ref.publisher == publisher


def test_an_abbreviated_journal_is_no_translator() -> None:
    ref = parse("Smith, J. (1990). Some title. Trans. Royal Society London, 12, 3-4.")
    assert ref.title == "Some title"
    assert ref.container == "Trans. Royal Society London"


def test_a_publishers_editions_is_no_editor() -> None:
    ref = parse("Watson et al., Adn recombinant, Ed. De Boeck université, 273-292.")
    assert ref.pages == "273-292"


@pytest.mark.parametrize(
    ("text", "title", "publisher"),
    [
        (
            "Paul Saurette, The Kantian Imperative: Humiliation, Common Sense, Politics (Toronto: University of "
            "Toronto Press, 2005).",
            "The Kantian Imperative: Humiliation, Common Sense, Politics",
            "University of Toronto Press",
        ),
        (
            "Tomlinson, Gary, Metaphysical Song: An Essay on Opera (Princeton University Press, 1999).",
            "Metaphysical Song: An Essay on Opera",
            "Princeton University Press",
        ),
        (
            "Mahler, Alma, Gustav Mahler: Memories and Letters (New York, NY: Viking Press, 1969).",
            "Gustav Mahler: Memories and Letters",
            "Viking Press",
        ),
        (
            "Guttmann, A., Rabbinic Judaism in the Making (Detroit, MI: Wayne State University Press, 1970).",
            "Rabbinic Judaism in the Making",
            "Wayne State University Press",
        ),
    ],
)
def test_a_dated_imprint_in_parentheses_closes_the_title(text: str, title: str, publisher: str) -> None:
    ref = parse(text)
    assert ref.title == title
    assert ref.publisher == publisher


def test_a_parenthesised_part_of_the_title_stays() -> None:
    ref = parse("Smith, J. 1990. Reading the Classics (Second Series).")
    assert ref.title == "Reading the Classics (Second Series)"


def test_a_place_alone_closes_the_title_and_names_no_publisher() -> None:
    ref = parse("A. Hoekstra, Homeric Modifications of Formulaic Prototypes, Amsterdam 1965.")
    assert ref.title == "Homeric Modifications of Formulaic Prototypes"
    assert ref.publisher == ""


def test_a_publisher_before_its_city_stays_the_publisher() -> None:
    ref = parse("Hermenegildo, M. V., An Abstract Machine for Logic Programs, Springer-Verlag, Berlin, 1986.")
    assert ref.title == "An Abstract Machine for Logic Programs"
    assert ref.publisher == "Springer-Verlag"


@pytest.mark.parametrize(
    "text",
    [
        "A. Bookstein and S. T. Klein, Detecting content-bearing words by serial clustering, Proceedings of the "
        "Nineteenth Annual International ACM SIGIR Conference on Research and Development in Information Retrieval, "
        "pp. 319-327, 1995",
        "Haines, D., Croft, W. B. Detecting content-bearing words by serial clustering, In Proceedings of the Sixteenth "
        "Annual International ACM SIGIR Conference, pages 2-11 (1993).",
        "T. Imielinski, S. Viswanathan, Detecting content-bearing words by serial clustering, Proc. of SIGDBS Conf., "
        "Tokyo, October, 1994.",
    ],
)
def test_proceedings_after_a_comma_close_the_title(text: str) -> None:
    assert parse(text).title == "Detecting content-bearing words by serial clustering"


def test_proceedings_inside_a_quoted_title_stay() -> None:
    ref = parse('Smith, J. (2001). "Reading old papers, Proceedings of the Royal Society revisited." Isis 12, 3-4.')
    assert ref.title == "Reading old papers, Proceedings of the Royal Society revisited"


def test_a_stop_without_its_space_ends_the_title_before_the_journal() -> None:
    ref = parse(
        "Rottner, K., Faix, J. & Kerkhoff, E. Actin assembly mechanisms at a glance.J Cell Sci 130,3427-3435 (2017)."
    )
    assert ref.title == "Actin assembly mechanisms at a glance"
    assert ref.container == "J Cell Sci"
    assert ref.volume == "130"
