"""Chapters and proceedings papers whose book is followed by its imprint, then pages, a place, a date or a note."""

from helpers import parse


def test_publisher_before_a_closing_place() -> None:
    ref = parse(
        "Tarrant, D. 1921. Journal of a journey up the river. In Travels in the Northern Provinces, edited by "
        "J. K. Morrow. pp. 211-230. Macmillan. New York."
    )
    assert ref.publisher == "Macmillan"
    assert ref.container == "Travels in the Northern Provinces"


def test_publisher_before_a_closing_note() -> None:
    ref = parse(
        "K. Lindqvist. Tracing optimised loops. In Proceedings of the ACM Conference on Compiler Construction, "
        "pages 101-112. ACM, June 1997. Available via WWW."
    )
    assert ref.publisher == "ACM"


def test_publisher_after_a_taken_year_and_a_month() -> None:
    ref = parse(
        "P. Ostrom and L. Vance. Sorting motifs. In Proceedings of the Third Conference on Sequence Analysis, "
        "pages 12-19, Toronto, Canada, May 2003 ACM Press."
    )
    assert ref.publisher == "ACM Press"


def test_abbreviated_society_stays_whole() -> None:
    ref = parse(
        "R. Kessel, Higher stacks. In Homotopy Theory Today, eds. Anna Brunswick and Carl Lasowski. Contemporary Mathematics "
        "vol. 118, Amer. Math. Soc., 2001. pp. 10-24."
    )
    assert ref.publisher == "Amer. Math. Soc"


def test_editor_after_the_proceedings_closes_the_book() -> None:
    ref = parse(
        "Varga, P. and Holm, R. 1981. Static checks of loops. In Proceedings of the IFIP Conference on Program "
        "Design, T. Wendt, Ed. North-Holland Pub. Co., 101-140."
    )
    assert ref.publisher == "North-Holland Pub. Co"
    assert ref.container == "Proceedings of the IFIP Conference on Program Design"


def test_book_written_before_its_editors() -> None:
    ref = parse(
        'Marty L. (2004). "Les crues de la Durance", in Risques fluviaux, A. Peyre; M. Roux (dir.), '
        "Editions du Sud, pp. 21-37."
    )
    assert ref.container == "Risques fluviaux"
    assert ref.publisher == "Editions du Sud"
    assert ref.pages == "21-37"


def test_french_editors_and_year_before_the_book() -> None:
    ref = parse(
        "Durand Paul, 2009, « Les classes moyennes », in Martin Claire, Roche Louis, 2009, La société urbaine, "
        "Un état des lieux, Armand Colin, Paris, p. 55-78."
    )
    assert ref.container == "La société urbaine, Un état des lieux"
    assert ref.publisher == "Armand Colin"
    assert ref.type == "chapter"


def test_volume_closing_the_imprint() -> None:
    ref = parse(
        "Brandt, K. 1935. Die Rädertiere der Ostsee. In: H. Lenz (ed.), Die Fauna der Binnenseen. "
        "Gustav Fischer Verlag, Jena, T. 12:45-98."
    )
    assert ref.publisher == "Gustav Fischer Verlag"
    assert ref.volume == "12"
    assert ref.pages == "45-98"


def test_society_after_the_meeting_place() -> None:
    ref = parse(
        "Norris, A. (1981). Notes on clitics. In Baker, C., editors, Papers from the Seventeenth Regional Meeting "
        "of the Linguistic Circle, Boston, MA. New England Linguistic Society."
    )
    assert ref.publisher == "New England Linguistic Society"


def test_country_after_a_meeting_is_no_publisher() -> None:
    ref = parse(
        "Lee J, and Park T,. Adaptive menus. In Proceedings of Human Factors in Computing Systems CHI'97, "
        "ACM Press, Atlanta, USA, March 1997"
    )
    assert ref.publisher == "ACM Press"


def test_publisher_after_an_acronym_stop() -> None:
    ref = parse("P. Hallam. Comparing automata variants. In Symposium on Reliable Computing, LNCS. Springer, 1996.")
    assert ref.publisher == "Springer"
    assert ref.container == "Symposium on Reliable Computing"


def test_publisher_after_a_parenthesised_date() -> None:
    ref = parse(
        "MORROW, K. Revision histories. In Proceedings of the 4th IEEE International Conference on Software "
        "Maintenance (Oct.). IEEE, New York, 1985."
    )
    assert ref.publisher == "IEEE"
