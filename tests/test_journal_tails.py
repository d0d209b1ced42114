"""Journal tails: where the title ends and the venue starts, and the numbers after the venue's name."""

import pytest
from helpers import parse


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue", "pages"),
    [
        # a year between the journal's name and its volume, with no comma after it (Vancouver)
        (
            "Roy TC, Sern EB. A measure of return. Military Medicine. 2013 178(3) 246-253.",
            "Military Medicine",
            "178",
            "3",
            "246-253",
        ),
        (
            "Ahn K, Lee J. Bomb attack, 2002. Prehosp Disaster Med. 2007;22(1): 86-88.",
            "Prehosp Disaster Med",
            "22",
            "1",
            "86-88",
        ),
        # a year that is part of the journal's name stays there
        (
            "Smith J (2016) Title here. Periodontology 2000, 71(1), 164-184.",
            "Periodontology 2000",
            "71",
            "1",
            "164-184",
        ),
        (
            "Hammerle CH, Jung RE. Bone augmentation. Periodontol 2000 2003;33:36-53.",
            "Periodontol 2000",
            "33",
            "",
            "36-53",
        ),
    ],
)
def test_year_before_the_volume(text: str, container: str, volume: str, issue: str, pages: str) -> None:
    ref = parse(text)
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (container, volume, issue, pages)


def test_year_before_the_volume_is_the_entry_year_when_there_is_no_other() -> None:
    assert parse("Roy TC, Sern EB. A measure of return. Military Medicine. 2013 178(3) 246-253.").year == 2013


@pytest.mark.parametrize(
    ("text", "container", "volume", "issue", "pages"),
    [
        (
            "Pun EF. Pharmacological reproducibility. Diabetes 1998; 47 (suppl): A99-297.",
            "Diabetes",
            "47",
            "",
            "A99-297",
        ),
        ("Ho S. Heart failure. Europace 2000; 1 (suppl D): 156-1.", "Europace", "1", "", "156-1"),
        (
            "Sailer I. Implant dentistry. Int J Oral Maxillofac Implants 2014;29 suppl:308-24.",
            "Int J Oral Maxillofac Implants",
            "29",
            "",
            "308-24",
        ),
        ("Stahl M. Oesophageal cancer. Ann Oncol 2013;24 Suppl 6:vi51-6.", "Ann Oncol", "24", "Suppl 6", "vi51-6"),
        (
            "Nikas G. Pinopodes. Human Reproduction 14: Suppl 2:99-106, 1999.",
            "Human Reproduction",
            "14",
            "Suppl 2",
            "99-106",
        ),
        (
            "Lee A. Dose-volume effects. Int J Radiat Oncol Biol Phys. 2010;76(3 Suppl):S145-S150.",
            "Int J Radiat Oncol Biol Phys",
            "76",
            "3",
            "S145-S150",
        ),
        (
            "Church MK. Antihistamines. Clin Exp Allergy 1999; 29(suppl 3): 147-150.",
            "Clin Exp Allergy",
            "29",
            "suppl 3",
            "147-150",
        ),
        ("MacMahon S. Blood pressure. J Hypertens Suppl 1996; 14(6): S39-S46.", "J Hypertens", "14", "6", "S39-S46"),
        (
            "E.G. Turner, ‘Greek Manuscripts of the Ancient World’, BICS suppl. 46 (1987), pp. 13-43.",
            "BICS",
            "46",
            "",
            "13-43",
        ),
    ],
)
def test_supplements(text: str, container: str, volume: str, issue: str, pages: str) -> None:
    ref = parse(text)
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (container, volume, issue, pages)


@pytest.mark.parametrize(
    ("text", "title", "container"),
    [
        (
            'R. Socher, A. Ng, "Dynamic pooling for paraphrase detection", Advances in Neural Information Processing Systems, 2011.',
            "Dynamic pooling for paraphrase detection",
            "Advances in Neural Information Processing Systems",
        ),
        (
            'Ostroff, J. S., "Temporal Logic for Real-Time Systems", Advanced Software Development Series, England, 1989.',
            "Temporal Logic for Real-Time Systems",
            "Advanced Software Development Series",
        ),
        (
            'Gynt, F. E. "Does Commercial Paper Need New Gate Keeper?," The Weekly Bond Buyer (December 30, 1968).',
            "Does Commercial Paper Need New Gate Keeper?",
            "The Weekly Bond Buyer",
        ),
    ],
)
def test_venue_after_a_quoted_title(text: str, title: str, container: str) -> None:
    ref = parse(text)
    assert (ref.title, ref.container, ref.publisher) == (title, container, "")


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ('Greene, T. W. "Protective Groups in Organic Synthesis", Wiley, New York, 1981', "Wiley"),
        ('Smith, J. "Title of the book," Academic Press, 1990.', "Academic Press"),
        ('Le Monde. 2016. "Les coulisses de la perquisition," Le Monde.', "Le Monde"),
        ('Bertulani, Carlos A. 2013. "Nuclei in the Cosmos" World Scientific.', "World Scientific"),
    ],
)
def test_publisher_after_a_quoted_title_stays_a_publisher(text: str, publisher: str) -> None:
    ref = parse(text)
    assert (ref.container, ref.publisher) == ("", publisher)


def test_thesis_after_a_quoted_title_is_no_venue() -> None:
    ref = parse('Smith, J. "A thesis title," Ph.D. thesis, Stanford University, 1990.')
    assert ref.container == ""


@pytest.mark.parametrize(
    ("text", "volume", "issue"),
    [
        ("Lee, J. (2003). Title words here. Journal of Things, 12 (No. 3), 45-67.", "12", "3"),
        (
            "Lee, J. (2003). Title words here. Monographs of the Society for Child Study 54 (serial no. 220).",
            "54",
            "220",
        ),
        ("Ray, K. (1978). Title words here. Communications of the ACM, 21(no 8), 642-657.", "21", "8"),
        ("Lee, J. (2003). Title words here. Journal of Things, 12(Suppl 2), 45-67.", "12", "Suppl 2"),
    ],
)
def test_issue_without_its_label(text: str, volume: str, issue: str) -> None:
    ref = parse(text)
    assert (ref.volume, ref.issue) == (volume, issue)


def test_journal_tail_closed_by_a_language_note() -> None:
    ref = parse(
        "Kim, J. (2011). Tests of infrared channels, Korean Journal of Remote Sensing, 27(3): 369-377 "
        "(in Korean with English abstract)."
    )
    assert (ref.title, ref.container, ref.volume, ref.issue, ref.pages) == (
        "Tests of infrared channels",
        "Korean Journal of Remote Sensing",
        "27",
        "3",
        "369-377",
    )
    # no journal tail before the note: the title keeps it
    assert parse("Kim, J. (2011). A history, Part 2 (revised edition).").title == "A history, Part 2 (revised edition)"
