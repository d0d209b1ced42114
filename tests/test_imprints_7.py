"""Imprint shapes: 'published by' in a note, a series between a publisher and its places, a body after a series."""

from helpers import parse


def test_publisher_places_joined_by_and() -> None:
    ref = parse("MORRIS, Anne, Painting in Flanders, Harbour University Press, New Haven and London, 1998")
    assert ref.title == "Painting in Flanders"
    assert ref.publisher == "Harbour University Press"


def test_series_in_sentence_case_between_publisher_and_places() -> None:
    ref = parse("MORRIS, Anne, Painting in Flanders, Harbour University Press, Pelican history of art, Boston, 1998")
    assert ref.title == "Painting in Flanders"
    assert ref.publisher == "Harbour University Press"


def test_published_by_in_a_note_in_parentheses() -> None:
    ref = parse("Reactive Intermediates in Synthesis ( Anna K. Lindqvist, published by Hollow Tree Verlag Stuttgart)")
    assert ref.title == "Reactive Intermediates in Synthesis"
    assert ref.publisher == "Hollow Tree Verlag"


def test_published_by_with_two_authors() -> None:
    ref = parse(
        "Catalysis Handbook ( Brandt Otto K. and Meyer Lisa S., published by Northfield Scientific Publication)"
    )
    assert ref.publisher == "Northfield Scientific Publication"


def test_body_after_a_series() -> None:
    ref = parse(
        'Okafor, Ada. "The Price of Bread". The Lantern Papers, Harbour Endowment For Rural Peace, West Africa, 2014'
    )
    assert ref.publisher == "Harbour Endowment For Rural Peace"


def test_body_after_a_unit_that_names_no_body() -> None:
    ref = parse(
        "Lund, P. & Berg, T., 2011. Well Survey Report. Field Unit. Nevada Clean Water Program, "
        "Nevada Department of Water and Environment, Reno."
    )
    assert ref.publisher == "Nevada Department of Water and Environment"
    # a unit before its university is not cut from it: the university is no place
    unit = parse(
        "Lund, P. (1994). Planning with doubt. Technical report 12, Institute for Learning Machines, Eastfield University."
    )
    assert unit.publisher != "Institute for Learning Machines"


def test_known_city_in_lower_case_opens_the_imprint() -> None:
    ref = parse("Lund, P. (2007). Foraging in the dark. In Nocturnal Primate Studies, new York: Springer, 27–59")
    assert ref.container == "Nocturnal Primate Studies"
    assert ref.publisher == "Springer"
