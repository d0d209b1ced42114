"""What follows a title: publishers, chapter and proceedings containers, imprints and issue statements."""

from helpers import parse


def test_proceedings_without_in_keeps_its_imprint_apart() -> None:
    ref = parse(
        "Kibler, D., and David W. Aha, (1987). Learning representative exemplars of concepts. "
        "Proceedings of the Fourth International Workshop on Machine Learning. Irvine, CA: Morgan Kaufmann, pp. 24-30."
    )
    assert ref.container == "Proceedings of the Fourth International Workshop on Machine Learning"
    assert ref.publisher == "Morgan Kaufmann"
    assert ref.pages == "24-30"


def test_journal_subtitle_after_colon_is_no_imprint() -> None:
    ref = parse(
        "Hammett, D. 2012. Requiring respect. Politikon: South African Journal of Political Studies 39(1): 71-88."
    )
    assert ref.container.startswith("Politikon")
    assert ref.publisher == ""


def test_thesis_degree_is_not_the_publisher() -> None:
    ref = parse('[10] D. Meduna, "Terrain relative navigation," Ph.D. dissertation, Stanford University, August 2011.')
    assert ref.publisher == "Stanford University"
    ref = parse(
        '[1] G. V. Candler, "The Computation of Hypersonic Flows," PhD Dissertation, '
        "Department of Aeronautics and Astronautics, Stanford University, 1988."
    )
    assert ref.publisher == "Department of Aeronautics and Astronautics, Stanford University"


def test_series_statement_before_the_place() -> None:
    ref = parse(
        "Hauptman, H., & Karle, J. (1953). Solution of the Phase Problem, 1. The Centrosymmetric Crystal, "
        "ACA Monograph No. 3. Wilmington: Polycrystal Book Service."
    )
    assert ref.publisher == "Polycrystal Book Service"


def test_society_after_the_journal_publishes_it() -> None:
    ref = parse(
        "Spalding, D.B. (1961). 'A single formula.' Journal of Applied Mechanics, ASME, Vol. 28, No. 3, pp. 455-458."
    )
    assert ref.container == "Journal of Applied Mechanics"
    assert ref.publisher == "ASME"
    ref = parse("Smith, J. (2001). A paper. Proceedings of the National Academy of Sciences, USA, 98, 1-5.")
    assert ref.publisher == ""


def test_editors_ending_in_eds_before_the_book() -> None:
    ref = parse(
        "Johnson, M. 1982. Voles. In K. Arrow, S. Bowles, and S. Durlauf, eds. Meritocracy and economic inequality. "
        "Princeton: Princeton University Press."
    )
    assert ref.container == "Meritocracy and economic inequality"
    assert ref.publisher == "Princeton University Press"
    ref = parse(
        "Johnson, M. L. 1982. Voles. In: Chapman, J. A.; Feldhamer, G. A., eds. Wild mammals of North America. Pp. 326 - 353."
    )
    assert ref.container == "Wild mammals of North America"
    assert ref.pages == "326-353"


def test_book_then_its_editor_is_not_read_as_editors() -> None:
    ref = parse("Smith, A. 1981. Latin. In Insular Latin Studies, ed. Michael Herren. Toronto, 1981. Pp.113-33.")
    assert ref.container.startswith("Insular Latin Studies")


def test_number_and_imprint_after_a_proceedings_title() -> None:
    ref = parse(
        'Thrun, T., Schwartz, A. (1995) "Finding Structure in Reinforcement Learning," in Advances in Neural '
        "Information Processing Systems, 7. San Mateo: Morgan Kaufmann."
    )
    assert ref.container == "Advances in Neural Information Processing Systems"
    assert ref.volume == "7"
    assert ref.publisher == "Morgan Kaufmann"


def test_book_with_comma_imprint_after_editors() -> None:
    ref = parse(
        'Kennedy, A. D. (1990) "Hybrid algorithms", in P. H. Damgaard, et al. (editors) Probabilistic Methods in '
        "Quantum Field Theory, New York: Plenum Press."
    )
    assert ref.container == "Probabilistic Methods in Quantum Field Theory"
    assert ref.publisher == "Plenum Press"


def test_publisher_after_a_removed_year_and_a_note() -> None:
    ref = parse(
        "L. Augustsson. A Compiler for Lazy ML. In Proceedings of the ACM Symposium on Lisp, pages 218-227, "
        "Austin Texas, 1984. ACM Press."
    )
    assert ref.publisher == "ACM Press"
    ref = parse("X, Y. 1999. Case-based problem solving. In Proceedings of FLAIRS-99. AAAI Press, 1999. To Appear.")
    assert ref.publisher == "AAAI Press"


def test_acm_volume_issue_and_date() -> None:
    ref = parse("M. Reiman, and B. Simon. An Interpolation Approximation. Operations Research 36, 3 (1988), 454-469.")
    assert (ref.container, ref.volume, ref.issue, ref.pages) == ("Operations Research", "36", "3", "454-469")
    ref = parse("Smith, J. (2002). Title here. Journal of Things, 12, 45-67.")
    assert (ref.volume, ref.issue, ref.pages) == ("12", "", "45-67")
