"""Entries whose names or title swallowed the journal tail: the names read piece by piece before a closing
year, IEEE's month after the issue, German volume and issue labels."""

from helpers import parse


def test_natural_name_then_single_quoted_title() -> None:
    ref = parse("Anna Keller, 'Signals, Noise, and Drift', Northfield Press, Vol. 12 No. 3, March 2004.")
    assert [a.family for a in ref.authors] == ["Keller"]
    assert ref.title == "Signals, Noise, and Drift"
    assert (ref.volume, ref.issue) == ("12", "3")


def test_quoted_title_first_has_no_names() -> None:
    ref = parse('"Thermal Effects of Surface Coatings on Rowing Performance" Sports Engineering, May 2003; 6(2): 88-95')
    assert not ref.authors
    assert ref.title == "Thermal Effects of Surface Coatings on Rowing Performance"
    assert (ref.volume, ref.issue, ref.pages) == ("6", "2", "88-95")


def test_long_corporate_opening_is_no_name_list() -> None:
    ref = parse(
        "Working Group on Coastal Erosion Monitoring, Sediment Budgets of Northern Beaches. "
        "Coastal Journal, 14(3), 220 (2011)."
    )
    assert ref.container == "Coastal Journal"
    assert (ref.volume, ref.issue) == ("14", "3")


def test_names_joined_by_and_before_an_unquoted_title() -> None:
    ref = parse(
        "Tomas Lindgren, K.P Varga and Elena Moreau, Modelling Grain Export Flows - A Queueing Approach, "
        "Agricultural Review June 2016: 41(4): 301-315."
    )
    assert [a.family for a in ref.authors] == ["Lindgren", "Varga", "Moreau"]
    assert ref.title == "Modelling Grain Export Flows - A Queueing Approach"
    assert (ref.volume, ref.issue, ref.pages) == ("41", "4", "301-315")


def test_italian_dash_list_then_quoted_title() -> None:
    ref = parse("P. Rossi - G. Bianchi, 'Narrative Forms in Oral Poetry', Studi Classici 12 (1980), pp. 33-58.")
    assert ref.title == "Narrative Forms in Oral Poetry"
    assert (ref.volume, ref.pages) == ("12", "33-58")


def test_names_end_at_a_sentence_before_the_title() -> None:
    ref = parse("M. van der Stolk. A survey of queue variants. In Workshop on Fault Detection, LNCS. Springer, 1996.")
    assert [a.family for a in ref.authors] == ["Stolk"]
    assert ref.title == "A survey of queue variants"


def test_ieee_month_after_the_issue_before_the_year() -> None:
    ref = parse(
        "H. Larsen, Sparse encodings for tabular archives, Communications of the Data Society, volume 7, No 4, May 1971."
    )
    assert ref.title == "Sparse encodings for tabular archives"
    assert ref.container == "Communications of the Data Society"
    assert (ref.volume, ref.issue) == ("7", "4")


def test_german_labels_band_nr_seiten() -> None:
    ref = parse("Weber, K. Die Methode der Stunde. Zeitschrift für Unterricht, Band 12, Nr. 3, 2001, Seiten 45-67.")
    assert ref.container == "Zeitschrift für Unterricht"
    assert (ref.volume, ref.issue, ref.pages) == ("12", "3", "45-67")
