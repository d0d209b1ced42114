"""Titles that took the imprint after them: Chicago notes citing a page after the imprint, ABNT editions."""

from helpers import parse


def test_chicago_note_imprint_then_page() -> None:
    r = parse("4. Hannah Arendt, The Human Condition (Chicago: University of Chicago Press, 1958), p. 52.")
    assert r.title == "The Human Condition"
    assert r.publisher == "University of Chicago Press"
    assert r.pages == "52"
    assert r.year == 1958


def test_imprint_in_parentheses_then_volume() -> None:
    r = parse("F. Klein, Vorlesungen über Geometrie (Teubner Verlag, Leipzig, 1926), Vol. 2.")
    assert r.title == "Vorlesungen über Geometrie"
    assert r.publisher == "Teubner Verlag"
    assert r.volume == "2"


def test_imprint_in_parentheses_then_bracketed_note() -> None:
    r = parse("Karl Polanyi, The Great Transformation (Boston: Beacon Press, 1957). [And later editions].")
    assert r.title == "The Great Transformation"
    assert r.publisher == "Beacon Press"


def test_translator_before_imprint_in_parentheses() -> None:
    r = parse(
        "7. Walter Benjamin, Illuminations: Essays and Reflections, trans. H. Zohn (New York: Schocken, 1969), p. 83."
    )
    assert r.title == "Illuminations: Essays and Reflections"
    assert r.publisher == "Schocken"
    assert r.pages == "83"


def test_abnt_edition_after_title() -> None:
    r = parse("FREIRE, P. Pedagogia da autonomia. 3. ed. São Paulo: Paz e Terra, 1997.")
    assert r.title == "Pedagogia da autonomia"
    assert r.publisher == "Paz e Terra"
