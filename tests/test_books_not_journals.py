"""A book's or a chapter's imprint followed by numbers (pages, a volume, a year) is not a journal tail."""

from helpers import parse


def test_labelled_pages_end_a_proceedings_not_a_journal_name() -> None:
    ref = parse(
        "Brown, T. (1995). Learning small rules. In Proceedings of the Ninth Conference on Machine Learning, "
        "pp. 120-128 Chicago. Morgan Kaufmann. 212"
    )
    assert ref.container == "Proceedings of the Ninth Conference on Machine Learning"
    assert (ref.pages, ref.volume, ref.publisher, ref.type) == ("120-128", "", "Morgan Kaufmann", "chapter")


def test_series_after_the_publisher_gives_the_volume() -> None:
    ref = parse(
        "K. Ito and M. Sato. Fast private search. In Proceedings of ICALP, pages 11–20. Springer-Verlag; "
        "Lecture Notes in Computer Science 1234, 2003."
    )
    assert (ref.container, ref.pages, ref.volume, ref.publisher) == (
        "Proceedings of ICALP",
        "11-20",
        "1234",
        "Springer-Verlag",
    )


def test_numbered_series_closing_a_chapter_is_no_publisher() -> None:
    ref = parse(
        "A. Roe and B. Lin: Typed effects. In Semantics of Concurrent Languages, pages 17--45, LNCS 1021, 1996."
    )
    assert (ref.container, ref.pages, ref.volume, ref.publisher) == (
        "Semantics of Concurrent Languages",
        "17-45",
        "1021",
        "",
    )


def test_reprint_note_after_the_imprint_is_dropped() -> None:
    ref = parse(
        'Hall, Ann. 1920. "Letters from the River". In Voyages in the Old Colonies, edited by Grant, B.C. '
        "pp. 101-150. Macmillan. London. Originally published 1801."
    )
    assert (ref.container, ref.pages, ref.publisher) == ("Voyages in the Old Colonies", "101-150", "Macmillan")


def test_company_and_places_before_numbers_are_an_imprint() -> None:
    ref = parse("Carter, B. (1971), 'On thin plates', Harper, Inc., Boston, Mass., 88, 201-215.")
    assert (ref.container, ref.publisher, ref.volume, ref.pages) == ("", "Harper, Inc", "88", "201-215")


def test_company_named_et_cie_is_a_publisher() -> None:
    ref = parse("B. Durand, Essai sur les ensembles ordonnes, Dunod et Cie, Vol.2, 1969.")
    assert (ref.container, ref.publisher, ref.volume, ref.type) == ("", "Dunod et Cie", "2", "book")


def test_university_press_before_a_volume_is_a_publisher_and_a_journal_press_is_not() -> None:
    book = parse("Jane Doe, 'Reading on Screens', Northfield University Press, Vol. 4 No. 2, May 2003.")
    assert (book.container, book.publisher) == ("", "Northfield University Press")
    article = parse("Smith, J. (2001). Salt and arterial pressure. Blood Press, 12, 3-9.")
    assert (article.container, article.publisher, article.volume) == ("Blood Press", "", "12")


def test_journal_kept_in_the_title_before_its_publisher() -> None:
    ref = parse(
        "Park, S.H.(2011). Housing prices in Busan, Journal of Korea Housing Association 22(3), "
        "Korea Housing Association, 45-60."
    )
    assert ref.title == "Housing prices in Busan"
    assert (ref.container, ref.volume, ref.issue, ref.pages, ref.publisher) == (
        "Journal of Korea Housing Association",
        "22",
        "3",
        "45-60",
        "Korea Housing Association",
    )


def test_abbreviated_journal_kept_in_the_title_before_its_society() -> None:
    ref = parse("Moore, A. B. (2001) Rain gauge errors due to wind, J. of appl. meteor., AMS 40, 100-110.")
    assert ref.title == "Rain gauge errors due to wind"
    assert (ref.container, ref.publisher, ref.volume, ref.pages) == ("J. of appl. meteor.", "AMS", "40", "100-110")


def test_place_in_parentheses_closes_the_venue_before_its_publisher() -> None:
    ref = parse(
        "KARP R.M. On a search problem. In Proceedings of the 9th Annual Symposium on Computing (Austin, Tex.). "
        "ACM, New York, 1979, pages 33-41."
    )
    assert (ref.container, ref.publisher, ref.pages) == (
        "Proceedings of the 9th Annual Symposium on Computing",
        "ACM",
        "33-41",
    )
