"""Title and name boundaries in numbered and other styles: a comma glued to the journal by text extraction,
a quoted word inside a title after the names, a name written with an initial and a whole middle name."""

from helpers import parse


def test_comma_glued_to_abbreviated_journal_ends_the_title() -> None:
    ref = parse("K. Arvidsson and P. Lindqvist, Bounded charges in a warm plasma,Phys.Rev.D47, 1821( 1993).")
    assert ref.title == "Bounded charges in a warm plasma"
    assert ref.container.startswith("Phys")


def test_comma_glued_to_spelt_out_journal_ends_the_title() -> None:
    ref = parse("T. Okonkwo and R. Valdez, Slow modes of coupled oscillators,Physical Review Letters 91 ( 2003)204101.")
    assert ref.title == "Slow modes of coupled oscillators"


def test_quoted_word_inside_a_title_does_not_end_the_names() -> None:
    ref = parse("P. Harrowgate, The Return Voyage in the “Argonautica”, Uppsala 1981.")
    assert [a.family for a in ref.authors] == ["Harrowgate"]
    assert ref.title == "The Return Voyage in the “Argonautica”"


def test_quoted_words_after_an_article_stay_in_the_title() -> None:
    ref = parse("L.M. Fenwick, The “Aeneid”, the “Georgics”, and the Roman Farmer, Boston 1972.")
    assert [a.family for a in ref.authors] == ["Fenwick"]
    assert ref.title.startswith("The “Aeneid”")


def test_title_in_single_quotes_holding_guillemets() -> None:
    ref = parse("K.L. Stavrou, ‘The Shepherd Figure in the «Bucolica»’, Mnemosyne 42 (1989), pp. 77-91.")
    assert [a.family for a in ref.authors] == ["Stavrou"]
    assert ref.title == "The Shepherd Figure in the «Bucolica»"
    assert ref.container == "Mnemosyne"


def test_initial_then_whole_middle_name_closes_the_list() -> None:
    ref = parse(
        "Helen T. Marsh, Oskar Lind, and R. Walter Penrose. Caching partial results in stream joins. "
        "In Proceedings of the 9th Conference on Data Systems, pages 12-20, 2001."
    )
    assert [a.family for a in ref.authors] == ["Marsh", "Lind", "Penrose"]
    assert ref.title == "Caching partial results in stream joins"
