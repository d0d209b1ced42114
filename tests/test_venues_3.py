"""Proceedings, conference papers and chapters: the venue or book without the editors, imprint, place and dates."""

from helpers import parse


def test_proceedings_after_title_without_in_keeps_pages_and_drops_place() -> None:
    ref = parse(
        'K. Marlow, "Skew-aware hash joins," Proceedings of the ACM International Conference on Data Systems, '
        "pages 31-40, Denver, CO, June 1991."
    )
    assert ref.container == "Proceedings of the ACM International Conference on Data Systems"
    assert ref.pages == "31-40"
    assert ref.publisher == ""
    assert ref.type == "chapter"


def test_proceedings_after_lost_sentences_of_the_title() -> None:
    ref = parse(
        "Tomas B. Ekdahl. Lazy snapshots for replicated logs. "
        "In Proceedings of the Ninth IEEE Symposium on Reliable Storage, 1993."
    )
    assert ref.container == "Proceedings of the Ninth IEEE Symposium on Reliable Storage"


def test_chicago_chapter_with_imprint_after_the_book() -> None:
    ref = parse('Ormond, Clara. "Salt and Stone." In Where Do Rivers Go? Boston: Harbor Lane Press, 1987, 41–58.')
    assert ref.container == "Where Do Rivers Go?"
    assert ref.publisher == "Harbor Lane Press"
    assert ref.pages == "41-58"


def test_editors_before_the_book_of_a_chapter_read_as_a_journal() -> None:
    ref = parse(
        "Vantongeren, P. R., 1984. Shocked quartz. In: Haldane, K.J. and Ruiz, M.P., eds., Impact Glass Studies, p. 12-19."
    )
    assert ref.container == "Impact Glass Studies"
    assert ref.pages == "12-19"


def test_series_volume_and_chapter_number_after_the_book() -> None:
    ref = parse(
        "L. Ferrante. Typed rewriting. In Proceedings of the Second Workshop on Rewriting, "
        "volume 412 of Lecture Notes in Logic, pages 10-20. Springer-Verlag, 1990."
    )
    assert ref.container == "Proceedings of the Second Workshop on Rewriting"
    assert ref.volume == "412"
    ref = parse(
        "J. Okafor. Rhythm perception. In P. Lund and T. Maas, editors, Time and Mind: Studies in Timing, "
        "chapter 7, pages 201--230. MIT Press, 1994."
    )
    assert ref.container == "Time and Mind: Studies in Timing"


def test_book_then_pages_then_imprint_without_in() -> None:
    ref = parse(
        "Harlow, P. (1909). The fringe of thought. Studies in Pure Experience, pp. 12-30. Longmans, Green, and Co."
    )
    assert ref.container == "Studies in Pure Experience"
    assert ref.pages == "12-30"
    assert ref.publisher == "Longmans, Green, and Co"


def test_day_of_a_newspaper_or_meeting_is_no_volume() -> None:
    ref = parse('Varga, Lena. "Harbor Strike Ends," The Evening Times, April 23, 1971.')
    assert ref.container == "The Evening Times"
    assert ref.volume == ""
    ref = parse('B. Quist, "Fault models," Proceedings of the Sixth Conference on Test Engineering, May 12-14, 1983.')
    assert ref.container == "Proceedings of the Sixth Conference on Test Engineering"
    assert ref.pages == ""


def test_retrieval_note_after_the_venue() -> None:
    ref = parse("Okoye, N. (2011). Open ledgers. Archive Practice. doi:10.5555/ap.2011.4 Retrieved 2011-03-09.")
    assert ref.container == "Archive Practice"


def test_editor_after_the_book_of_a_chapter() -> None:
    ref = parse("Pryce, Dana. “Night Trains”. In Writing the City, ed. Owen Hale, 5-19. Leeds: Moorland, 1998.")
    assert ref.container == "Writing the City"
    assert ref.publisher == "Moorland"
