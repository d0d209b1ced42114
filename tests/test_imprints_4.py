"""Publishers of books and chapters in shapes whose imprint was lost or read with its place, edition or suffix."""

from helpers import parse


def test_chapter_book_ending_in_a_short_word_keeps_its_publisher() -> None:
    ref = parse("Doe, J. A study of things. In A. Brown and C. White, editors, Modelling Fluid Data. MIT Press, 2006.")
    assert ref.container == "Modelling Fluid Data"
    assert ref.publisher == "MIT Press"


def test_chicago_chapter_with_the_imprint_in_parentheses() -> None:
    ref = parse(
        "Roe, Anna, “A Note on Bells,” in Peter Grey (ed.), The Bell Companion (London: Faber, 1995), pp. 48–59."
    )
    assert ref.container == "The Bell Companion"
    assert ref.publisher == "Faber"
    assert ref.pages == "48-59"


def test_chicago_chapter_with_volume_after_the_imprint_in_parentheses() -> None:
    ref = parse(
        "Roe, A., “The Renaissance,” in M. H. Grey (ed.), Anthology of Verse, 5th edn. 2 vols. "
        "(New York, NY: Norton, 1986), vol. ii, pp. 1565–68."
    )
    assert ref.publisher == "Norton"


def test_proceedings_place_then_stop_before_the_publisher() -> None:
    ref = parse(
        "A. Doe. Fast caches. In Proceedings of the 12th Symposium on Caches, pages 37–48, "
        "Berkeley, CA, USA, 2008. USENIX Association."
    )
    assert ref.publisher == "USENIX Association"


def test_vancouver_chapter_with_the_book_volume() -> None:
    ref = parse(
        "Doe J. Rating things. In: Brown HI, White BJ, eds. Textbook of Rating 3rd ed. "
        "Baltimore, Md: Williams and Wilkins; 1995; 1:19-35."
    )
    assert ref.publisher == "Williams and Wilkins"
    assert ref.type == "chapter"


def test_chapter_book_with_a_comma_imprint() -> None:
    ref = parse(
        "Doe, A., Shock in rocks. In: Brown, B.M. and White, N.M., eds., Shock in Natural Materials, "
        "Mono Book Corp., Baltimore, MD, pp. 159-168. 1968."
    )
    assert ref.container == "Shock in Natural Materials"
    assert ref.publisher.rstrip(".") == "Mono Book Corp"


def test_edition_before_the_publisher_is_not_part_of_it() -> None:
    assert parse("Doe, Jane. Cloning Methods. 3rd ed., CSHL Press, 2001.").publisher == "CSHL Press"
    ref = parse("Rudolf Doe. Finite Fields. Cambridge University Press, revised edition, 1994.")
    assert ref.publisher == "Cambridge University Press"


def test_company_suffixes_stay_with_the_publisher() -> None:
    ref = parse("Doe, J., Emergence of Order, Boston, MA: Addison-Wesley Publishing Co., Inc., 1998.")
    assert ref.title == "Emergence of Order"
    assert ref.publisher == "Addison-Wesley Publishing Co., Inc"


def test_title_with_edition_and_place_before_the_imprint() -> None:
    ref = parse("Doe, Pearson. Basic Finance, 3rd ed. Homewood, Illinois: Richard D. Irwin, Inc., 1966.")
    assert ref.title == "Basic Finance"
    assert ref.publisher == "Richard D. Irwin, Inc"


def test_imprint_in_parentheses_with_two_places() -> None:
    ref = parse("Doe, Andrew, A Brief Empire (Montreal and Ithaca, NY: McGill-Queen’s University Press, 2010).")
    assert ref.title == "A Brief Empire"
    assert ref.publisher == "McGill-Queen's University Press"


def test_french_subtitle_before_city_and_publisher() -> None:
    ref = parse("DUPONT P., La Ville inachevée. Histoire de la ville en France, Paris, Gallimard, 2000")
    assert ref.title == "La Ville inachevée. Histoire de la ville en France"
    assert ref.publisher == "Gallimard"
