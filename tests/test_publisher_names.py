"""The publisher's name once the imprint is found: what it keeps and what it drops."""

from helpers import parse


def test_name_written_as_abbreviations_is_not_cut_at_its_stops() -> None:
    ref = parse("Vermeer, K. (1921). *Über die Wurzelhaare der Gräser*. Bull. Soc. Hist. Nat. Toulouse.")
    assert ref.publisher == "Bull. Soc. Hist. Nat. Toulouse"
    assert ref.title == "Über die Wurzelhaare der Gräser"


def test_series_after_the_name_is_dropped() -> None:
    ref = parse("Durand, P. (2004). *Les frontières du visage*. Paris: L'Harmattan, Collection Logiques Sociales.")
    assert ref.publisher == "L'Harmattan"
    # names joined after the comma are one publisher, no series
    assert parse("Moss, T. (1988). *The Quiet Harbor*. New York: Farrar, Straus and Giroux.").publisher == (
        "Farrar, Straus and Giroux"
    )


def test_editors_and_volume_before_the_publisher_are_dropped() -> None:
    ref = parse('"Handbuch der Lacke", K. Ostwald, B. Ferner, Vol. 3, Springer Verlag Berlin, 1968')
    assert ref.publisher == "Springer Verlag"


def test_page_cited_before_the_publisher_is_dropped() -> None:
    ref = parse('Tanaka and Mori, "Kagaku Binran (Chemistry Handbook)", vol. 4, p. 117, Society of Dye Makers')
    assert ref.publisher == "Society of Dye Makers"


def test_note_before_name_and_place_is_dropped() -> None:
    ref = parse(
        "Hale, Robert (1931), Sound Money. Reissued 1933 in Scotland under the title of Sound Money: "
        "A Study of Banking, Constable & Robinson, London."
    )
    assert ref.publisher == "Constable & Robinson"


def test_publisher_after_place_and_state_closing_the_editors() -> None:
    ref = parse(
        "Vance, D. and Roe, P. (1994). Rules or habits? Structural learning in small networks. In Ito, K. M., "
        "Baird, R. T., and Lam, S. J., editors, Advances in Learning Systems 6, pages 101-118, Palo Alto, CA. "
        "Kestrel Hart."
    )
    assert ref.publisher == "Kestrel Hart"


def test_acronym_before_a_company_suffix_is_no_state() -> None:
    ref = parse("J. Ortiz. Fast routing. In Proceedings of the 9th Workshop on Networks. AMS, AMS Press, June 1999.")
    assert ref.publisher == "AMS, AMS Press"


def test_acronym_after_a_translated_title_is_the_publisher() -> None:
    ref = parse('"Modern Coating Methods" (Saishin Toso Gijutsu, NTS, 1991)')
    assert ref.publisher == "NTS"


def test_body_in_sentence_case_before_a_page_count() -> None:
    ref = parse(
        "MARTIN P. & ROUX G., (2015), Étude des mortiers anciens, « la Grange », SAINT-DIZIER (52), "
        "Service régional de l'archéologie de Champagne, 48 pp"
    )
    assert ref.publisher == "Service régional de l'archéologie de Champagne"


def test_numbered_series_before_the_name_without_a_stop() -> None:
    ref = parse("Ruiz, P. Neural Codes of Motion 1997 Series in Applied Mathematics 7 Springer")
    assert (ref.title, ref.publisher) == ("Neural Codes of Motion", "Springer")
