"""Names before a title in title case, and a journal's issue then its publisher in a journal tail."""

from helpers import parse


def test_title_case_title_after_inverted_name_before_a_closing_note() -> None:
    r = parse(
        "Hartwell, P.K. Studies of Control in Small Towns. Ohio: University of Ohio, 1961. (Unpublished thesis. )"
    )
    assert [a.family for a in r.authors] == ["Hartwell"]
    assert r.title == "Studies of Control in Small Towns"
    assert r.publisher == "University of Ohio"


def test_title_case_title_with_full_given_name() -> None:
    r = parse(
        "Norberg, Anders. Rural Temples: Their Plan and Its Use in the Northern Hills. Toronto: Lakeside University Press, 1971 [Copenhagen: Nordisk Forlag, 1950]."
    )
    assert [(a.family, a.given) for a in r.authors] == [("Norberg", "Anders")]
    assert r.title == "Rural Temples: Their Plan and Its Use in the Northern Hills"
    assert r.publisher == "Lakeside University Press"


def test_issue_then_publisher_in_journal_tail() -> None:
    r = parse("Martin, A. « Les jeunes adultes », Cahiers des politiques urbaines, n°42, Crédoc, 2014, pp. 11-29")
    assert r.container == "Cahiers des politiques urbaines"
    assert r.issue == "42"
    assert r.publisher == "Crédoc"
    assert r.pages == "11-29"
    city = parse("Martin, A. « Les jeunes adultes », Revue urbaine, n°42, Paris, 2014, pp. 11-29")
    assert city.publisher == ""  # a city after the issue is no publisher


def test_issue_then_publisher_and_place() -> None:
    r = parse(
        "GARCIA, L. (2001). “La migración interna”. Revista de Estudios N°12, año IV, CEPAL, Santiago de Chile, pp. 5-20."
    )
    assert r.container == "Revista de Estudios"
    assert r.publisher == "CEPAL"
