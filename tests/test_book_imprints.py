"""Books and reports whose imprint closes the entry with more than 'Place: Publisher': an edition, a volume, the
book's length, the pages cited, a month or 'n.d.' after it, or a body's long name before its places."""

from helpers import parse


def test_later_edition_between_publisher_and_place() -> None:
    ref = parse("Moreau J., 1931, Le temps et l'être, Flammarion, Ed. 1992, Lyon.")
    assert ref.title == "Le temps et l'être"
    assert ref.publisher == "Flammarion"


def test_page_count_after_publisher_and_unknown_city() -> None:
    ref = parse("Benali, Karim, (2004): Proverbes du Rif, Tarik, Tanger, 180 pp.")
    assert ref.title == "Proverbes du Rif"
    assert ref.publisher == "Tarik"


def test_reprint_after_city_and_publisher() -> None:
    ref = parse("Dupuis, Claire, Les jardins ouvriers du Nord: une histoire sociale, Paris, Belin, réed. 2011.")
    assert ref.title == "Les jardins ouvriers du Nord: une histoire sociale"
    assert ref.publisher == "Belin"


def test_page_count_after_year() -> None:
    ref = parse("MOSS Tania, Atlas des oiseaux côtiers, tome 3, limicoles, Paris, Belin, 2008, 412.")
    assert ref.publisher == "Belin"


def test_month_after_french_colon_imprint() -> None:
    ref = parse("Girard, Anne, La Rime et le vers au siècle classique, Paris : Honoré Champion, mars 2015.")
    assert ref.title == "La Rime et le vers au siècle classique"
    assert ref.publisher == "Honoré Champion"


def test_page_cited_after_year() -> None:
    ref = parse("Pablo Ruiz, Climate of the Andes: A Long View, University of Texas Press, 2001, p 54.")
    assert ref.title == "Climate of the Andes: A Long View"
    assert ref.publisher == "University of Texas Press"


def test_body_name_then_city() -> None:
    ref = parse(
        "Housing Agency (2011). Planning for Growth: a review of regional housing needs, "
        "Regional Housing Commission and VHA, Melbourne."
    )
    assert ref.title == "Planning for Growth: a review of regional housing needs"
    assert ref.publisher == "Regional Housing Commission and VHA"


def test_body_name_then_city_and_country_code() -> None:
    ref = parse(
        "Chen, L., Hand Measurements of Korean Workers, The Society of Industrial Design of Korea, Daejeon, KR, 2005."
    )
    assert ref.publisher == "The Society of Industrial Design of Korea"


def test_bibtex_edition_after_publisher() -> None:
    ref = parse("J. Smith. Modern Signal Processing. Academic Press, 3rd edition edition, 2009.")
    assert ref.publisher == "Academic Press"


def test_no_date_after_publisher() -> None:
    ref = parse("Doe, John. Lives of the Desert Fathers. Edinburgh: Oliver & Boyd, n.yr.")
    assert ref.publisher == "Oliver & Boyd"


def test_edition_volume_and_length_sentences_after_imprint() -> None:
    ref = parse("MARTIN, P. Précis de botanique. 1990. Lyon: Ed Verdier. Deuxième édition. Tome 2. 640 p.")
    assert ref.title == "Précis de botanique"
    assert ref.publisher == "Verdier"


def test_branch_in_parentheses_is_no_part_of_the_name() -> None:
    ref = parse(
        "Lee, K. 2001 Kingston in the 1880s: Street Directories. Ontario Historical Society (Kingston Branch), Kingston."
    )
    assert ref.publisher == "Ontario Historical Society"


def test_city_after_publisher_word_without_comma() -> None:
    ref = parse(
        "Hofmann, K. Handbuch der Farbstoffe, 2. Auflage (1979), Band 3, Seite 101-140, Ferdinand Enke Verlag Stuttgart."
    )
    assert ref.publisher == "Ferdinand Enke Verlag"
