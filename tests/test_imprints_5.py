"""Publishers whose imprint the title split cut inside an abbreviation, or written publisher first (ACS), with
co-publishers, a city's state, a dangling page label, or a place alone in parentheses."""

from helpers import parse


def test_abbreviation_inside_a_parenthesised_imprint_does_not_end_the_title() -> None:
    ref = parse("K. Lorne, Waves of the Outer Planets (Oxford Univ. Press, 2011).")
    assert ref.title == "Waves of the Outer Planets"
    assert ref.publisher == "Oxford Univ. Press"


def test_acs_book_with_the_publisher_before_its_place() -> None:
    ref = parse("Farr, D. K.; Minton, R. L. Methods of Surface Chemistry; Academic Press: London, 1971.")
    assert ref.title == "Methods of Surface Chemistry"
    assert ref.publisher == "Academic Press"


def test_acs_book_with_a_short_publisher_name() -> None:
    ref = parse("Kell, T. R.; Ost, P. Polymers, Gels, Networks, Outlooks; VCH: Weinheim, 2003.")
    assert ref.title == "Polymers, Gels, Networks, Outlooks"
    assert ref.publisher == "VCH"


def test_publisher_opening_with_an_abbreviation_after_its_place() -> None:
    ref = parse("Harlow, Ben. The Long Winter: Letters from the Front. London, New York: St. Anselm's Press, 1999.")
    assert ref.title == "The Long Winter: Letters from the Front"
    assert ref.publisher == "St. Anselm's Press"


def test_first_of_two_co_publishers_with_their_places() -> None:
    ref = parse('K. Dunn, "Compilers for vector machines," Pitman Publishing, London, MIT Press, Cambridge, 1990.')
    assert ref.publisher == "Pitman Publishing"


def test_city_and_abbreviated_state_after_the_publisher() -> None:
    ref = parse("Reed, A. and Lowe, B., The Mercury Query Language, MIT Press, Cambridge, Mass., 1996.")
    assert ref.title == "The Mercury Query Language"
    assert ref.publisher == "MIT Press"


def test_page_label_left_after_a_proceedings_imprint() -> None:
    ref = parse(
        "Dale, K. Join strategies. In Proceedings of the ACM Conference on Data (Denver, May 2-4). "
        "ACM, New York, 1988, pp 21-30."
    )
    assert ref.publisher == "ACM"


def test_title_stop_after_a_roman_numeral_before_the_imprint() -> None:
    ref = parse("Ruiz, J. L., Ortega, P. Descriptive Complexity I. Springer-Verlag, Berlin, 1992.")
    assert ref.title == "Descriptive Complexity I"
    assert ref.publisher == "Springer-Verlag"


def test_place_and_year_alone_in_parentheses_after_the_publisher() -> None:
    ref = parse("P. Moss and T. Quill, Tables of Special Integrals, Dover (New York 1971)")
    assert ref.title == "Tables of Special Integrals"
    assert ref.publisher == "Dover"


def test_chapter_imprint_after_a_volume_in_the_book() -> None:
    ref = parse(
        "Hale, B. Counting methods. In Handbook of Counting, R. Pine and L. Moor, Eds., vol. 3. Elsevier, 1997, "
        "pp. 101-150."
    )
    assert ref.publisher == "Elsevier"
