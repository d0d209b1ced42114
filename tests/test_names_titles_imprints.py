"""Names, titles and what follows them: where the split between them goes wrong the imprint is lost with it."""

from helpers import parse


def test_imprint_in_parentheses_without_spaces_then_chapter_cited() -> None:
    # IOP physics style: the book's imprint in parentheses, spaces lost, then the chapter cited
    ref = parse("Lind K and Ostby P Q 1981 Collective Motion vol III (Amsterdam,NL:Northwater)ch 7")
    assert (ref.title, ref.volume, ref.publisher) == ("Collective Motion", "III", "Northwater")


def test_imprint_in_parentheses_with_spaces_then_page_cited() -> None:
    ref = parse("Lind K 1981 Collective Motion (Oxford: Harbour Press) p 212")
    assert (ref.title, ref.publisher, ref.pages) == ("Collective Motion", "Harbour Press", "212")


def test_note_naming_another_edition_title_keeps_its_publisher() -> None:
    ref = parse(
        "Marsh, Edwin (1931), Sound Credit. Published 1932 in Britain under the title of Sound Credit: "
        "The Case for Reform, Rowan & Pike, London."
    )
    assert (ref.title, ref.publisher) == ("Sound Credit", "Rowan & Pike")


def test_quoted_phrase_inside_quoted_title() -> None:
    ref = parse(
        "Claire Mornet, 3 Mars 2016, “Les accords de type “reverse-payment” et la concurrence des génériques“ "
        "Workshop Droit et économie de la santé, Université Lyon II, CNRS"
    )
    assert ref.title == "Les accords de type “reverse-payment” et la concurrence des génériques"
    assert ref.publisher == "CNRS"


def test_double_quotes_inside_single_quoted_title() -> None:
    ref = parse("FARRELL, Nora, '\"Quiet Harbours\": Growing Up in Rural Donegal', Lakeside UP (Sligo).")
    assert [a.family for a in ref.authors] == ["FARRELL"]
    assert ref.title == '"Quiet Harbours": Growing Up in Rural Donegal'
    assert ref.publisher == "Lakeside UP"


def test_two_quoted_titles_then_book_with_place_and_publisher_run_on() -> None:
    ref = parse(
        "Okafor, Ada (2004) 'Masks of the Delta' and 'Return of the Carvers' in Ndiaye, Omar and Ada Okafor (eds) "
        "Sculpture in West Africa: A Century of Change Paris: Maison Ocre"
    )
    assert ref.title == "Masks of the Delta' and 'Return of the Carvers"
    assert ref.container == "Sculpture in West Africa: A Century of Change"
    assert ref.publisher == "Maison Ocre"


def test_initial_glued_to_capitalised_family_name() -> None:
    ref = parse("A.MOREAU, Dictionnaire technique et critique de la musique, PUF, 1952.")
    assert len(ref.authors) == 1
    assert (ref.title, ref.publisher) == ("Dictionnaire technique et critique de la musique", "PUF")


def test_title_ending_in_roman_numeral_is_no_name_and_glued_year() -> None:
    ref = parse("K.L. Dorn, P.P. Vasko, M.A.Ilyin, Catastrophe Analysis II, Springer1994")
    assert [a.family for a in ref.authors] == ["Dorn", "Vasko", "Ilyin"]
    assert (ref.title, ref.year) == ("Catastrophe Analysis II", 1994)


def test_last_initial_without_stop_before_title() -> None:
    ref = parse(
        "Harlow, K.M., Lindqvist, P.A., Moreno, R.S Mapping the spread of urban gardens across cities 2011 "
        "ICGIS 2011. LNCS 7012 101--112 Springer Heidelberg"
    )
    assert [a.family for a in ref.authors] == ["Harlow", "Lindqvist", "Moreno"]
    assert ref.title.startswith("Mapping the spread")


def test_original_year_first_then_imprint_with_edition_year() -> None:
    ref = parse(
        "Lefort, Henri. The Invention of Everyday Space. 1968. Trans. Ann Whitcombe. Cambridge, MA: Northgate, 1989."
    )
    assert (ref.title, ref.publisher, ref.type) == ("The Invention of Everyday Space", "Northgate", "book")
    assert ref.year == 1968
