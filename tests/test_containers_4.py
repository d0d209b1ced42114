"""A meeting's venue without its place and dates, and pages written right after a venue with nothing between."""

from helpers import parse


def test_meeting_read_as_journal_drops_place_and_days() -> None:
    ref = parse(
        "P. Moreau and K. Lind, Scheduling Loops for Vector Machines, "
        "Proc. Third International Conf. on Compilers, San Jose, CA, March 4-7, 1993, pp. 210-219."
    )
    assert ref.container == "Proc. Third International Conf. on Compilers"
    assert ref.volume == ""
    assert ref.pages == "210-219"


def test_proceedings_with_state_abbreviation_and_stop() -> None:
    ref = parse(
        'A. Berg and T. Nolan, "Negotiating Shared Plans", in the Proceedings of 9th International '
        "Workshop on Agent Systems, Austin, TX., May 1996."
    )
    assert ref.container == "the Proceedings of 9th International Workshop on Agent Systems"


def test_pages_right_after_proceedings_name() -> None:
    ref = parse(
        "Okada, K., Mori, T. Fast clustering with growing trees. "
        "2001 In Proc. of the 9th International Conference on Pattern Analysis 411--418"
    )
    assert ref.container == "Proc. of the 9th International Conference on Pattern Analysis"
    assert ref.pages == "411-418"


def test_pages_right_after_journal_name_with_double_hyphen() -> None:
    ref = parse("Ito, H., Sato, R. Incremental learning of sparse codes 2004 Pattern Recognition 512--530")
    assert ref.container == "Pattern Recognition"
    assert ref.pages == "512-530"
