"""Publishers that chapter and journal readers left inside the book or journal's name."""

from helpers import parse


def test_lower_case_city_and_publisher_close_a_chapters_book() -> None:
    ref = parse(
        "Lane, R. (2011). Foraging in dry forests. In Oduya, P. & Marsh, T. (eds.) Forest Mammal Ecology. "
        "new York: Springer, 101–133"
    )
    assert ref.container == "Forest Mammal Ecology"
    assert ref.publisher == "Springer"
    assert ref.pages == "101-133"


def test_company_in_parentheses_is_the_publisher() -> None:
    ref = parse('"Industrial Solvents Handbook" (Tokyo Kagaku Shuppan Co., Ltd.), pp.112-118')
    assert ref.publisher == "Tokyo Kagaku Shuppan Co., Ltd."
    assert ref.container == ""
    assert ref.pages == "112-118"


def test_editions_after_a_comma_title_name_the_publisher() -> None:
    ref = parse("Durand et al., Biologie cellulaire, Ed. Masson universite, 45-78.")
    assert ref.title == "Biologie cellulaire"
    assert ref.publisher == "Masson universite"
    assert ref.pages == "45-78"


def test_body_before_its_numbered_series_of_papers_publishes_it() -> None:
    ref = parse(
        "Moreau, L., Grant, P. and Olsen, K., Uranium deposits of the northern basin. "
        "Mineralogical Association of Canada, Special Paper 42, pp. 55-70. 1992."
    )
    assert ref.publisher == "Mineralogical Association of Canada"
    assert ref.volume == "42"
    assert ref.pages == "55-70"
