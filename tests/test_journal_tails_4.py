"""Journal tails whose numbers were left in the journal's name: dates, seasons and counts around the volume."""

from helpers import parse


def test_vancouver_date_before_the_volume() -> None:
    ref = parse("Ito K, Sato M. Cathepsin activity in mouse skin. Oncol Res. 2011 Apr 12;30(4): 211-19.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Oncol Res", "30", "4", "211-19")


def test_vancouver_month_before_the_volume() -> None:
    ref = parse("Tesla S. Neuropathy revisited: new criteria. Neurol Care. 2012 Nov;35(11):2285-93.")
    assert (ref.container, ref.volume, ref.issue) == ("Neurol Care", "35", "11")
    # a journal's abbreviation that reads as a month stays whole: the year comes after it
    ref = parse("Berg B, Holm A. Medusae of the Baltic. Sci Mar 2001; 64:117-122.")
    assert (ref.container, ref.volume, ref.pages) == ("Sci Mar", "64", "117-122")


def test_chicago_volume_comma_issue_then_year() -> None:
    ref = parse("Barker, Lee. “Patents and Policy,” Industrial Economics Quarterly 13, 5 (2004): 399–415.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Industrial Economics Quarterly", "13", "5", "399-415")


def test_season_in_parentheses_after_the_volume() -> None:
    ref = parse("Olsen, J. (2001). Capital and gender. Radical Studies Review 77 (Winter): 136-168.")
    assert (ref.container, ref.volume, ref.pages) == ("Radical Studies Review", "77", "136-168")


def test_roman_volume_before_a_season() -> None:
    ref = parse('Lane, H. "Display systems and problem solving." Management Review, IX (Fall, 1967), pp. 70-81.')
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Management Review", "IX", "", "70-81")


def test_season_after_the_pages() -> None:
    ref = parse("Holm, B. The web of documents. Networked Information: Research and Policy, 3(2) 52-58, Spring 1993.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (
        "Networked Information: Research and Policy",
        "3",
        "2",
        "52-58",
    )


def test_day_and_month_before_the_pages() -> None:
    ref = parse('Pratt, L. L., "An overview of routing", Network Review, Vol.21, No.4. 1 April 1991, pages 21-31')
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Network Review", "21", "4", "21-31")


def test_ams_article_length_after_the_article_number() -> None:
    ref = parse("A. Berg, Sharp bounds for fractional equations, J. Funct. Spaces 54 (2013), no. 6, 061504, 10 pp.")
    assert (ref.title, ref.container, ref.volume, ref.issue, ref.pages) == (
        "Sharp bounds for fractional equations",
        "J. Funct. Spaces",
        "54",
        "6",
        "061504",
    )


def test_cairn_year_slash_issue_before_the_volume() -> None:
    ref = parse("Martin, P. « Les lieux de mémoire », Revue d’ethnologie, 2006/3 (Vol. 36), p. 5-12.")
    assert (ref.container, ref.volume, ref.issue, ref.pages, ref.year) == (
        "Revue d'ethnologie",
        "36",
        "3",
        "5-12",
        2006,
    )


def test_publisher_between_the_numbers_and_labelled_pages() -> None:
    ref = parse(
        "Kim, S., 'Growth curves and markets,' Industrial Systems 16(1), Korean Institute of Systems Engineers, "
        "pp. 103-110, 2003."
    )
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Industrial Systems", "16", "1", "103-110")
    assert ref.publisher == "Korean Institute of Systems Engineers"


def test_number_ending_the_journal_name_before_its_volume() -> None:
    ref = parse("Park, J., 'On the crisis of markets,' ECONOMY 21, Vol. 9, No. 2, pp. 201-217, 2012.")
    assert (ref.container, ref.volume, ref.issue) == ("ECONOMY 21", "9", "2")
