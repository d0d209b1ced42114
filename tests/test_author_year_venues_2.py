"""What follows an author-year title's journal: special issues, series numbers, notes after the pages, journals
named 'In ...', journals not yet out, and societies or institutions written after the journal's name."""

from helpers import parse


def test_special_issue_before_the_numbers_is_not_the_journal() -> None:
    ref = parse(
        "Smith, J. (1991). Coordination. IEEE Transactions on Systems, Man, and Cybernetics, "
        "Special Issue on Distributed Artificial Intelligence, 21(6), 1462-1477"
    )
    assert (ref.container, ref.volume, ref.issue) == ("IEEE Transactions on Systems, Man, and Cybernetics", "21", "6")


def test_special_issue_note_after_the_pages() -> None:
    ref = parse(
        "Smith, J. (1993). Learning things. IEEE Transactions on Knowledge and Data Engineering, 985-987. "
        "Special Issue on Learning and Discovery in Knowledge-Based Databases."
    )
    assert (ref.container, ref.pages) == ("IEEE Transactions on Knowledge and Data Engineering", "985-987")


def test_series_number_stays_in_the_journal_name() -> None:
    ref = parse("Smith, J. 1909. Mousses du Japon. Bulletin de la Societe Botanique de Geneve, ser.2, 1(3):120-132.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (
        "Bulletin de la Societe Botanique de Geneve, ser.2",
        "1",
        "3",
        "120-132",
    )
    ref = parse("Palibin, J. W. 1906. Quelques especes nouvelles. Bulletin de l'Herbier Boissier, Serie 2 6: 18-22.")
    assert (ref.container, ref.volume) == ("Bulletin de l'Herbier Boissier, Serie 2", "6")


def test_series_letter_glued_to_the_volume_after_a_comma() -> None:
    ref = parse("Marr, D. (1978). Shapes. Proceedings of the Royal Society of London, B200, 269-294.")
    assert (ref.container, ref.volume, ref.pages) == ("Proceedings of the Royal Society of London", "200", "269-294")


def test_marks_after_the_pages() -> None:
    ref = parse("Purcell-Lee, C. R. (2000). Dialogue and being. Gestalt!, 4(2), NP.")
    assert (ref.container, ref.volume, ref.issue) == ("Gestalt!", "4", "2")
    ref = parse("Smith, J. (2020). Cardiomyocytes. Cell Stem Cell 27: 50–63 e55")
    assert (ref.container, ref.volume, ref.pages) == ("Cell Stem Cell", "27", "50-63")
    ref = parse("Mohl, S. (1992, August 27). Coordinator leaves post. Old Gold and Black, 76(1), pp. 1,3.")
    assert (ref.container, ref.volume, ref.issue) == ("Old Gold and Black", "76", "1")


def test_language_note_after_the_journal() -> None:
    ref = parse(
        "Tanaka, K., 1990, 'Diffusion Flame,' Combust. Science and Technology (in Japanese), Vol. 4, pp. 261-274."
    )
    assert (ref.container, ref.volume, ref.pages) == ("Combust. Science and Technology", "4", "261-274")


def test_journal_whose_name_starts_with_in() -> None:
    ref = parse("Smith, J. (2015). Ceramide pathways. In Vivo 29, 619-636.")
    assert (ref.container, ref.volume, ref.pages) == ("In Vivo", "29", "619-636")
    ref = parse("Smith, J. (2015). A paper. In: Italienisch 66, S. 32-50.")
    assert ref.container == "Italienisch"


def test_abbreviated_journal_not_yet_out() -> None:
    ref = parse("Faber, V. (1993): Global communication algorithms for hypercubes. SIAM J. Discr. Math., to appear.")
    assert ref.container == "SIAM J. Discr. Math"


def test_institution_after_the_journal_is_dropped() -> None:
    ref = parse("Kim, A. (2011). Clay study, Rep. Fac. Sci. Eng., Saga University, 30(1), 49-63.")
    assert (ref.container, ref.volume, ref.issue) == ("Rep. Fac. Sci. Eng.", "30", "1")
    ref = parse("Kim, A. (2011). Water strategy. GRI Review, Gyeonggi Research Institute, Vol. 9, No. 4, pp. 95-115.")
    assert (ref.container, ref.volume, ref.issue) == ("GRI Review", "9", "4")


def test_institution_after_the_journal_publishes_it() -> None:
    ref = parse("Kim, A. (2011). Clay study, Rep. Fac. Sci. Eng., Saga University, 30(1), 49-63.")
    assert ref.publisher == "Saga University"


def test_publisher_closing_a_venue_before_its_pages() -> None:
    ref = parse(
        "Smith, J. (1998). Rules. Proceedings of the Second International Conference on Data Mining and "
        "Knowledge Discovery, AAAI Press, pp 263-266."
    )
    assert ref.container == "Proceedings of the Second International Conference on Data Mining and Knowledge Discovery"
    assert (ref.publisher, ref.pages) == ("AAAI Press", "263-266")
    ref = parse("Smith, J. (1990). Cooling. Symp., Heating Versus Cooling in Galaxies. Springer-Verlag, Berlin, p. 210")
    assert ref.publisher == "Springer-Verlag"


def test_volume_issue_then_publisher_before_the_pages() -> None:
    ref = parse(
        "Smith, J. (1982). Title. Journal of Korea Planning Association 44(7), Korea Planning Association, 97-108."
    )
    assert (ref.container, ref.volume, ref.issue, ref.pages) == (
        "Journal of Korea Planning Association",
        "44",
        "7",
        "97-108",
    )
    assert ref.publisher == "Korea Planning Association"
