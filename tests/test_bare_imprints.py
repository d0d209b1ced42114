"""Imprints written without the punctuation that normally sets them apart: the publisher after a year with no stop
(GROBID's training styles), a thesis's institution run on after the title, an imprint glued to the title by text
extraction."""

from helpers import parse


def test_year_between_title_and_publisher_with_its_place():
    ref = parse("Lindqvist, K. Adaptive Signal Networks 1998 Springer Berlin")
    assert [a.family for a in ref.authors] == ["Lindqvist"]
    assert ref.year == 1998
    assert ref.title == "Adaptive Signal Networks"
    assert ref.publisher == "Springer"


def test_year_between_title_and_publisher_alone():
    ref = parse("Moreau, P. Visual Data Exploration 2003 Morgan Kaufmann")
    assert ref.title == "Visual Data Exploration"
    assert ref.publisher == "Morgan Kaufmann"


def test_bare_language_note_after_the_place():
    ref = parse("Sato, K., Mori, H. Spherical Maps for Clustering 2009 Springer Japan in Japanese")
    assert [a.family for a in ref.authors] == ["Sato", "Mori"]
    assert ref.title == "Spherical Maps for Clustering"
    assert ref.publisher == "Springer"


def test_bare_pages_and_imprint_after_proceedings():
    ref = parse(
        "Berg, A., Holm, T. Rule extraction from trained networks. 2001 In Proceedings of NCW 88--97 Springer Heidelberg"
    )
    assert ref.container == "Proceedings of NCW"
    assert ref.pages == "88-97"
    assert ref.publisher == "Springer"


def test_title_case_title_before_a_bare_journal_tail():
    ref = parse("Fenwick, J. The Shape of Social Ties 1984 Journal of Network Studies 12 301--322")
    assert [a.family for a in ref.authors] == ["Fenwick"]
    assert ref.title == "The Shape of Social Ties"
    assert ref.container == "Journal of Network Studies"
    assert ref.volume == "12"


def test_year_before_a_bare_volume_and_page_range():
    ref = parse(
        "Ortiz, L.M., Vidal, P. Measuring topology preservation in growing maps 2005 3696 411--420 Springer Heidelberg"
    )
    assert ref.year == 2005
    assert ref.publisher == "Springer"


def test_thesis_kind_and_institution_run_on_after_the_title():
    ref = parse(
        "Harlow, Jane M. 2011. River towns and the rise of regional banking PhD thesis University of Southern Ohio."
    )
    assert ref.title == "River towns and the rise of regional banking"
    assert ref.publisher == "University of Southern Ohio"


def test_imprint_glued_to_the_title_with_its_place():
    ref = parse(
        "Brandt, K., Ode, L.: Spectral Methods for Gauge Fields withApplications.World Scientific,Singapore ( 2001)"
    )
    assert ref.title == "Spectral Methods for Gauge Fields withApplications"
    assert ref.publisher == "World Scientific"


def test_imprint_glued_to_the_title_before_its_year():
    ref = parse("R. Kell and T. Moss. Bayesian models for regionaldata.CRC Press,2012.")
    assert ref.title == "Bayesian models for regionaldata"
    assert ref.publisher == "CRC Press"
