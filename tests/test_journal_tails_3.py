"""Journal tails the tail pattern missed: IEEE labels and dates, ACM dates in parentheses, and a journal the
title ran into with no stop before it."""

from helpers import parse


def test_two_months_before_the_pages() -> None:
    r = parse('A. Brandt, "Routing in Small Exchanges," Telephony Review, Vol. 41, No. 3, May / June 1988, pp. 12-19.')
    assert (r.container, r.volume, r.issue, r.pages) == ("Telephony Review", "41", "3", "12-19")


def test_numeric_month_after_the_pages() -> None:
    r = parse(
        "K. Park and J. Lee, 'A study of map caching,' Journal of Spatial Systems, vol. 12, no. 7, pp. 101-109, 07 2016."
    )
    assert (r.container, r.volume, r.issue, r.pages) == ("Journal of Spatial Systems", "12", "7", "101-109")


def test_acm_volume_issue_and_date_before_labelled_pages() -> None:
    r = parse("Moreau, Paul, Fast sorting of short keys, Software Practice Letters, 22, 6 (June 1979), pages 301-309.")
    assert (r.container, r.volume, r.issue, r.pages) == ("Software Practice Letters", "22", "6", "301-309")


def test_acm_date_between_the_numbers_and_the_pages() -> None:
    r = parse("T. Olsen. Queueing in shared buses. Journal of Bus Architecture 14, 2, (March 1990), 55-71.")
    assert (r.container, r.volume, r.issue, r.pages) == ("Journal of Bus Architecture", "14", "2", "55-71")


def test_double_issue_in_acm_style() -> None:
    r = parse("Rao P., “Village Markets and Credit”, in Economic Weekly, 41, 9/10 (2006), pp. 77-90.")
    assert (r.container, r.volume, r.issue, r.pages) == ("Economic Weekly", "41", "9/10", "77-90")


def test_issue_labels_nos_and_n() -> None:
    r = parse('B. Kerr, "Loop Analysis," Letters on Compilers, Vol. 5, Nos. 1-2, pages 10-30, March - June 1991.')
    assert (r.container, r.volume, r.issue, r.pages) == ("Letters on Compilers", "5", "1-2", "10-30")
    r = parse("[2] M. Rossi, “Satellite links”, Proceedings of Radio, Vol. 61, N. 4, pp.310-322, Apr. 2013.")
    assert (r.container, r.volume, r.issue, r.pages) == ("Proceedings of Radio", "61", "4", "310-322")


def test_pages_labelled_pp_without_a_stop() -> None:
    r = parse('L. Chen, "Key management", IEEE trans. Networks Vol NW-3, No 4, pp 44-51, May 1982.')
    assert (r.volume, r.issue, r.pages) == ("NW-3", "4", "44-51")


def test_date_in_parentheses_after_the_issue_stop() -> None:
    r = parse("Dumas P., « Les villes et la guerre », Revue politique, vol. 8, n° 2. (Mar., 1975), p. 101-119.")
    assert (r.container, r.volume, r.issue, r.pages) == ("Revue politique", "8", "2", "101-119")


def test_article_number_with_its_label() -> None:
    r = parse("Y. Han and Q. Li, 'A fast wavelet filter,' Signals, vol. 4, no. 2, article no. 31, 2019.")
    assert (r.container, r.volume, r.issue, r.pages) == ("Signals", "4", "2", "31")


def test_title_running_into_a_journal_named_by_its_kind() -> None:
    r = parse(
        "Moreno, L. 1904. Rural credit and the harvest Bulletin de la Société Agricole de Lyon, ser. 3, 12(4): 55-70."
    )
    assert (r.title, r.container, r.volume, r.issue, r.pages) == (
        "Rural credit and the harvest",
        "Bulletin de la Société Agricole de Lyon, ser. 3",
        "12",
        "4",
        "55-70",
    )


def test_title_running_into_a_journal_keeps_the_numbers() -> None:
    r = parse("Haller, T. (1995). Growth Paths - Lessons From Ten Firms Planning Strategy Digest, 18(2), 40-52.")
    assert (r.volume, r.issue, r.pages) == ("18", "2", "40-52")
    assert r.title.startswith("Growth Paths")


def test_title_comma_journal_and_pages_without_a_volume() -> None:
    r = parse("J. Ward, Measuring Teams That Work, Harvard Management Review (Mar.-Apr.), pp. 33-41, 1993.")
    assert (r.title, r.container, r.pages) == ("Measuring Teams That Work", "Harvard Management Review", "33-41")


def test_title_comma_journal_and_labelled_issue_without_a_volume() -> None:
    r = parse("Moreau, P. (1980). Le jeu, Revue imaginaire, n°31, janvier, pp. 2-3")
    assert (r.title, r.container, r.issue, r.pages) == ("Le jeu", "Revue imaginaire", "31", "2-3")
