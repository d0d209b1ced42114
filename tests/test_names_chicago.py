"""Names in Chicago, MLA and French bibliography entries whose year comes last: when the names are read wrong,
they swallow the title and the imprint."""

from helpers import parse


def families(text: str) -> list[str]:
    return [a.family for a in parse(text).authors]


def test_number_in_the_title_is_no_year_when_another_closes_the_entry() -> None:
    ref = parse("Lorde, Amos and Petra K. Vint. The World in 2050. Boston: Harbor House, 1971.")
    assert ref.year == 1971
    assert families("Lorde, Amos and Petra K. Vint. The World in 2050. Boston: Harbor House, 1971.") == [
        "Lorde",
        "Vint",
    ]
    assert ref.title == "The World in 2050"
    assert ref.publisher == "Harbor House"


def test_particle_after_the_given_names_of_the_inverted_first_name() -> None:
    ref = parse("Marsan, Henri de, Odile Frey, and Paul Ronsin. La ville et ses marges. Lyon: Presses du Rhône, 1984.")
    assert [a.family for a in ref.authors] == ["Marsan", "Frey", "Ronsin"]
    assert ref.title == "La ville et ses marges"
    assert ref.publisher == "Presses du Rhône"


def test_other_name_in_parentheses_closes_the_names() -> None:
    ref = parse("Velt, Otto (Karl Heinrich Brand). Die stille Stadt. Edited by Anna Roth. Leipzig: Insel, 1968.")
    assert [a.family for a in ref.authors] == ["Velt"]
    assert ref.title == "Die stille Stadt"
    assert ref.publisher == "Insel"


def test_and_others_closes_the_names() -> None:
    ref = parse("Pell, Warren K. and others. Choice and Habit. Chicago: Lakeside Press, 1958.")
    assert [a.family for a in ref.authors] == ["Pell"]
    assert ref.title == "Choice and Habit"
    assert ref.publisher == "Lakeside Press"


def test_family_in_capitals_then_given_name_in_parentheses() -> None:
    ref = parse("GARNIER (Hélène), Pains et soupes, Fayard, Paris, 2004")
    assert [(a.family, a.given) for a in ref.authors] == [("GARNIER", "Hélène")]
    assert ref.title == "Pains et soupes"


def test_bullet_before_the_first_name() -> None:
    ref = parse("• Orwin, Clara. The Quiet Frontier. London: Methuen, 1999.")
    assert [a.family for a in ref.authors] == ["Orwin"]
    assert ref.title == "The Quiet Frontier"
    ref = parse("\uf02d J. Valmont, Langage et société, Paris, Seuil, 1995.")
    assert [a.family for a in ref.authors] == ["Valmont"]
    assert ref.publisher == "Seuil"


def test_chicago_names_closed_by_a_comma_before_the_title() -> None:
    ref = parse(
        "Harlow, Diane M., Peter J. Osgood and Nina Castell, Living Well and Wisely: An Essay on Care."
        " Grand Rapids: Eerdmans, 2009."
    )
    assert [a.family for a in ref.authors] == ["Harlow", "Osgood", "Castell"]
    assert ref.title == "Living Well and Wisely: An Essay on Care"
    assert ref.publisher == "Eerdmans"


def test_inverted_name_and_its_stop_before_a_quoted_word_of_the_title() -> None:
    ref = parse("Lo Turco, Matteo. Il ritorno dei “dimenticati”: Storie di confine. Milano: Feltrinelli, 2011.")
    assert [a.family for a in ref.authors] == ["Lo Turco"]
    assert ref.year == 2011
    assert ref.publisher == "Feltrinelli"
