"""Imprints that earlier readers missed: MLA chapters whose pages follow a short 'Place: Name' imprint, and SBL
imprints in parentheses that open with a series or editors."""

from helpers import parse


def test_mla_chapter_imprint_before_pages() -> None:
    r = parse(
        "Lane, Mary. “Early Readers.” Tagungsband Kiel: Beiträge. Eds. Karl Haber and Jana Ost. Kiel: LVK, 2005. 211–38."
    )
    assert r.publisher == "LVK"
    assert r.container == "Tagungsband Kiel: Beiträge"
    assert r.pages == "211-38"
    assert r.type == "chapter"


def test_mla_chapter_imprint_single_editor() -> None:
    r = parse("Hart, Ida. “On Gardens.” Gardens of the North. Ed. Olaf Berg. Bergen: SKV, 2011. 5-19.")
    assert r.publisher == "SKV"
    assert r.container == "Gardens of the North"


def test_harvard_chapter_imprint_without_year() -> None:
    r = parse("Toth, Anna 2014. A régi szövegek. Studia 7. Szeged: Tanulmány Kiadó. 41–60.")
    assert r.publisher == "Tanulmány Kiadó"
    assert r.pages == "41-60"


def test_sbl_imprint_after_series() -> None:
    r = parse("Moore, R.A., and T. Lind, 2 Samuel (OTL; Louisville, Ky.: Westminster, 1988).")
    assert r.publisher == "Westminster"
    assert r.title == "2 Samuel"


def test_sbl_chapter_imprint_after_editor() -> None:
    r = parse(
        "Hall, B.W., “Paul and the Law,” in Studies in Religion (SBLDS 12; ed. K. Tarn; Atlanta: Scholars, 1979)."
    )
    assert r.publisher == "Scholars"
    assert r.container == "Studies in Religion"
