"""Where the names end when the year does not follow them (numbered, Chicago, MLA, Springer styles)."""

from __future__ import annotations

import pytest
from helpers import parse

from biblio_cli.model import Reference


def families(ref: Reference) -> list[str]:
    return [a.family for a in ref.authors]


@pytest.mark.parametrize(
    ("text", "names", "title"),
    [
        (
            "Dittenbach, M., Merkl, D., Rauber, A. The growing hierarchical self-organizing map. 2000 "
            "In Proceedings of the International Joint Conference on Neural Networks, pages 15-19",
            ["Dittenbach", "Merkl", "Rauber"],
            "The growing hierarchical self-organizing map",
        ),
        (
            "Ancona, D., and Zucca, E. An algebraic approach to mixins and modularity. In Proc. Conference "
            "on Algebraic and Logic Programming (1996), Lecture Notes in Computer Science, Springer, pages 179-193.",
            ["Ancona", "Zucca"],
            "An algebraic approach to mixins and modularity",
        ),
        (
            "Roland Wismuller. Debugging of globally optimized programs using data flow analysis. In Proceedings "
            "of the ACM SIGPLAN 1994 Conference on Programming Language Design, pages 278-289, June 1994.",
            ["Wismuller"],
            "Debugging of globally optimized programs using data flow analysis",
        ),
    ],
)
def test_year_inside_the_entry_leaves_the_title_out_of_the_names(text: str, names: list[str], title: str) -> None:
    ref = parse(text)
    assert families(ref) == names
    assert ref.title == title


def test_year_between_title_and_journal_ends_the_title() -> None:
    ref = parse("Breiman, L. Bagging predictors 1996 Machine Learning 24 123--140")
    assert families(ref) == ["Breiman"]
    assert ref.title == "Bagging predictors"
    assert ref.container == "Machine Learning"


def test_author_year_list_with_a_group_keeps_every_name() -> None:
    ref = parse(
        "Vargas Jentzsch, I. M., Hughes, D. S. T., The O. fasciatus curation community, Richards, S., "
        "& Panfilio, K. A. (2015). Oncopeltus fasciatus official gene set v1.1. Ag Data Commons."
    )
    assert families(ref)[-2:] == ["Richards", "Panfilio"]
    assert ref.title.startswith("Oncopeltus")


def test_author_year_groups_before_a_parenthesised_year_stay_names() -> None:
    ref = parse(
        "Arcep, Arcom, Conseil général de l'économie (CGE), & Agence nationale de la cohésion des territoires "
        "(ANCT). (2025). *Baromètre du numérique 2025*. Paris."
    )
    assert len(ref.authors) == 4
    assert ref.title == "Baromètre du numérique 2025"


def test_semicolons_separate_names_before_a_comma_and_the_title() -> None:
    ref = parse(
        "104. Stahl, H.; Appenzeller, J.; Martel, R.; Avouris, P.; Lengeler, B., Intertube coupling in ropes of "
        "single-wall carbon nanotubes. Physical Review Letters 2000, 85, (24), 5186-5189."
    )
    assert families(ref) == ["Stahl", "Appenzeller", "Martel", "Avouris", "Lengeler"]
    assert ref.title == "Intertube coupling in ropes of single-wall carbon nanotubes"


def test_bare_initials_before_the_family_then_a_colon() -> None:
    ref = parse(
        "AM Trinkoff, JA Lipscomb, J Geiger-Brown, CL Storr and BA Brady: Perceived physical demands and "
        "reported musculoskeletal problems in registered nurses. Am J Prev Med 24, 270-275 (2003)."
    )
    assert families(ref) == ["Trinkoff", "Lipscomb", "Geiger-Brown", "Storr", "Brady"]
    assert ref.authors[0].given == "AM"
    assert ref.title.startswith("Perceived physical demands")


@pytest.mark.parametrize(
    ("text", "family", "title"),
    [
        (
            "Michel Mollat, La notion de pauvreté au Moyen Âge, position du problème, Revue d'histoire de "
            "l'Église de France, 1966, 5-23.",
            "Mollat",
            "La notion de pauvreté au Moyen Âge",
        ),
        (
            "Richard Shone, Editorial: the Pompidou at thirty, Burlington magazine, No. 1254, 2007, 595-596,",
            "Shone",
            "Editorial: the Pompidou at thirty",
        ),
    ],
)
def test_one_natural_name_then_a_comma_and_the_title(text: str, family: str, title: str) -> None:
    ref = parse(text)
    assert families(ref) == [family]
    assert ref.title.startswith(title)


def test_natural_names_listed_with_commas_are_no_title() -> None:
    ref = parse(
        "John Brant, Brian Foote, and Don Roberts. Wrappers to the rescue. In Proc. ECOOP, pages 396-417, 1998."
    )
    assert families(ref) == ["Brant", "Foote", "Roberts"]
