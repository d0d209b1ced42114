"""Listed reference vs registry record: one row per case."""

from __future__ import annotations

import pytest

from biblio_cli.model import Person, Reference, Severity
from biblio_cli.registry.compare import best_candidate, compare
from biblio_cli.registry.records import RegistryAuthor, RegistryRecord

RECORD = RegistryRecord(
    doi="10.1/x",
    source="crossref",
    title="Les usages du <i>numérique</i> en famille",
    subtitle="une enquête",
    authors=(RegistryAuthor("Le Chêne", "Éloïse"),),
    years=(2020, 2019),
    container="Journal of Applied Physics",
    volume="37",
    issue="3",
    page="11-40",
)


def ref(**fields: object) -> Reference:
    base: dict[str, object] = {
        "id": "r1",
        "line": 1,
        "text": "",
        "authors": (Person("Chene", "E.", "le"),),
        "year": 2019,
        "title": "Les usages du numérique en famille",
        "container": "J. Appl. Phys.",
        "volume": "37",
        "issue": "3",
        "pages": "11-40",
    }
    base.update(fields)
    return Reference(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({}, [], id="all-agree-abbreviated-journal-accents-tags"),
        pytest.param({"year": 2020}, [], id="online-year-accepted"),
        pytest.param({"title": "Les usages du numérique en famille : une enquête"}, [], id="with-subtitle"),
        pytest.param({"year": 2015}, [("year", Severity.ERROR)], id="year"),
        pytest.param({"authors": (Person("Martin", "P."),)}, [("first author", Severity.ERROR)], id="author"),
        pytest.param({"title": "A completely different work"}, [("title", Severity.ERROR)], id="title"),
        pytest.param({"container": "Nature"}, [("container", Severity.WARNING)], id="container"),
        pytest.param({"volume": "38"}, [("volume", Severity.WARNING)], id="volume"),
        pytest.param({"issue": "4"}, [("issue", Severity.WARNING)], id="issue"),
        pytest.param({"volume": "3", "issue": "37"}, [("volume/issue", Severity.WARNING)], id="swap"),
        pytest.param({"pages": "12-40"}, [("first page", Severity.WARNING)], id="first-page"),
        pytest.param({"pages": "", "volume": "", "container": ""}, [], id="missing-fields-not-compared"),
    ],
)
def test_compare(fields: dict[str, object], expected: list[tuple[str, Severity]]) -> None:
    assert [(m.field, m.severity) for m in compare(ref(**fields), RECORD)] == expected


def candidate(doi: str, title: str, family: str = "Le Chêne", year: int = 2019) -> RegistryRecord:
    return RegistryRecord(doi, "crossref", title=title, authors=(RegistryAuthor(family),), years=(year,))


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        pytest.param((candidate("10.1/a", "Les usages du numérique en famille"),), "10.1/a", id="validated"),
        pytest.param(
            (candidate("10.1/z", "Other"), candidate("10.1/a", "Les usages du numérique en famille")),
            "10.1/a",
            id="best-by-validation-not-rank",
        ),
        pytest.param((candidate("10.1/a", "Les usages du numérique en famille", "Martin"),), None, id="wrong-author"),
        pytest.param((candidate("10.1/a", "Les usages du numérique en famille", year=2010),), None, id="wrong-year"),
        pytest.param((candidate("10.1/a", "Les usages de la télévision"),), None, id="title-too-far"),
        pytest.param(
            (
                candidate("10.1/a", "Les usages du numérique en famille"),
                candidate("10.1/b", "Les usages du numérique en familles"),
            ),
            None,
            id="two-fit-equally",
        ),
        pytest.param((), None, id="nothing"),
    ],
)
def test_best_candidate(candidates: tuple[RegistryRecord, ...], expected: str | None) -> None:
    best = best_candidate(ref(), candidates)
    assert (best.doi if best else None) == expected
