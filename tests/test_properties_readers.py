"""Property-based tests of the readers: arbitrary bytes, or arbitrary but well-formed content.

Every reader given anything either returns a Document (or references) or raises InputError
with a one-line message: never another exception, never a hang (each example has a deadline).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from builders import make_docx, make_odt, para, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biblio_cli.errors import InputError
from biblio_cli.model import Document
from biblio_cli.readers import read_any, read_docx, read_html, read_odt, read_pdf
from biblio_cli.readers.bibfile import read_bibtex
from biblio_cli.readers.csljson import read_csljson
from biblio_cli.readers.ris import read_ris
from biblio_cli.readers.text import decode_bytes

FAST = settings(
    max_examples=60,
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
WORDS = st.lists(
    st.sampled_from(["Paul", "(2019)", "Sen,", "A.", "et", "al.", "Références", "*", "&", "<", "é", "10.1/x", " "]),
    max_size=12,
).map(" ".join)
TEXT = st.one_of(WORDS, st.text(max_size=120))


def _outcome(read: Callable[[Path], Document], path: Path) -> Document | None:
    """The document, or None after checking that the only failure is a one-line InputError."""
    try:
        document = read(path)
    except InputError as exc:
        assert "\n" not in str(exc)
        assert str(exc)
        return None
    assert isinstance(document, Document)
    assert len(document.lines) == len(document.locations) or not document.locations
    return document


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html", ".docx", ".odt", ".pdf", ".bin"])
@FAST
@given(data=st.binary(max_size=400))
def test_any_reader_on_arbitrary_bytes_gives_a_document_or_an_input_error(
    tmp_path: Path, suffix: str, data: bytes
) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    _outcome(read_any, path)


_MAGIC = st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", b"\xef\xbb\xbf", b"\xff\xfe", b"<html><body>", b""])


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf", ".html", ".md"])
@FAST
@given(magic=_MAGIC, data=st.binary(max_size=400))
def test_readers_on_bytes_that_start_like_the_real_thing(
    tmp_path: Path, suffix: str, magic: bytes, data: bytes
) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(magic + data)
    _outcome(read_any, path)


@FAST
@given(data=st.binary(max_size=300))
def test_decode_bytes_gives_text_or_a_positioned_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data, "doc")
    except InputError as exc:
        message = str(exc)
        assert "binary" in message or "byte" in message
        return
    assert isinstance(text, str) and encoding
    assert "\x00" not in text or encoding == "utf-16"


@FAST
@given(paragraphs=st.lists(TEXT, min_size=1, max_size=6), italic=st.booleans())
def test_docx_with_any_text_reads_back_its_words(tmp_path: Path, paragraphs: list[str], italic: bool) -> None:
    body = "".join(para(run(_xml_safe(text), italic=italic)) for text in paragraphs)
    path = make_docx(tmp_path / "a.docx", body)
    document = _outcome(read_docx, path)
    words = [w for text in paragraphs for w in _xml_safe(text).split() if w.strip("*")]
    if document is None:
        assert not words  # only an empty document may be refused
        return
    joined = " ".join(document.lines)
    for word in words:
        assert word.strip("*") in joined


@FAST
@given(paragraphs=st.lists(TEXT, min_size=1, max_size=6))
def test_odt_with_any_text_reads_back_its_words(tmp_path: Path, paragraphs: list[str]) -> None:
    body = "".join(f"<text:p>{escape(_xml_safe(t))}</text:p>" for t in paragraphs)
    path = make_odt(tmp_path / "a.odt", body)
    document = _outcome(read_odt, path)
    words = [w for t in paragraphs for w in _xml_safe(t).split() if w.strip("*")]
    if document is None:
        assert not words
        return
    joined = " ".join(document.lines)
    for word in words:
        assert word.strip("*") in joined


@FAST
@given(
    blocks=st.lists(st.tuples(st.sampled_from(["p", "li", "h2", "em", "sup", "a", "div", "aside"]), TEXT), max_size=8)
)
def test_html_with_any_markup_and_text(tmp_path: Path, blocks: list[tuple[str, str]]) -> None:
    html = "<html><body>" + "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in blocks) + "</body></html>"
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    _outcome(read_html, path)


@FAST
@given(tags=st.text(alphabet="<>/pdivaspn =\"'!-", max_size=300))
def test_html_tag_soup(tmp_path: Path, tags: str) -> None:
    path = tmp_path / "a.html"
    path.write_text(tags + " Paul (2019)", encoding="utf-8")
    _outcome(read_html, path)


@FAST
@given(
    members=st.lists(
        st.tuples(st.sampled_from(["word/document.xml", "mimetype", "content.xml", "x"]), st.binary(max_size=200)),
        max_size=4,
    )
)
def test_zip_packages_with_arbitrary_members(tmp_path: Path, members: list[tuple[str, bytes]]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in dict(members).items():
            archive.writestr(name, data)
    for suffix, reader in ((".docx", read_docx), (".odt", read_odt)):
        path = tmp_path / f"a{suffix}"
        path.write_bytes(buffer.getvalue())
        _outcome(reader, path)


@FAST
@given(data=st.binary(max_size=300))
def test_pdf_reader_on_damaged_pdfs(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + data + b"\n%%EOF\n")
    _outcome(read_pdf, path)


def _references_or_input_error(read: Callable[[str, str], object], text: str) -> None:
    try:
        refs, warnings = read(text, "<src>")  # type: ignore[misc]
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    for ref in refs:
        assert isinstance(ref.text, str)
        for value in (ref.title, ref.container, ref.doi, *(p.family for p in ref.authors)):
            value.encode("utf-8")  # writable: no lone surrogates
    assert all("\n" not in w for w in warnings)


@FAST
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    "@article{",
                    "k,",
                    "author = {",
                    "}",
                    "title=",
                    '"',
                    "{",
                    "}",
                    " and ",
                    '@string{a="b"}',
                    "\n",
                    "year = 2019,",
                    "Paul, M.",
                    "\\'e",
                ]
            ),
            max_size=30,
        ).map("".join),
    )
)
def test_bibtex_reader_on_anything(text: str) -> None:
    _references_or_input_error(read_bibtex, text)


@FAST
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
            lambda c: (
                st.lists(c, max_size=4)
                | st.dictionaries(
                    st.sampled_from(
                        [
                            "author",
                            "title",
                            "issued",
                            "date-parts",
                            "family",
                            "given",
                            "literal",
                            "DOI",
                            "id",
                            "type",
                            "page",
                            "items",
                        ]
                    ),
                    c,
                    max_size=4,
                )
            ),
            max_leaves=20,
        ).map(lambda v: __import__("json").dumps(v)),
    )
)
def test_csljson_reader_on_anything(text: str) -> None:
    _references_or_input_error(read_csljson, text)


def test_csljson_reader_refuses_absurd_nesting_and_cleans_lone_surrogates() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        read_csljson("[" * 100_000)
    refs, _ = read_csljson('[{"title": "Bad \\ud800 escape", "issued": {"date-parts": [[1e999]]}}]')
    assert refs[0].title.encode("utf-8") and refs[0].year is None


@FAST
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.lists(
            st.sampled_from(
                [
                    "TY  - JOUR\n",
                    "AU  - Paul, M.\n",
                    "PY  - 2019\n",
                    "TI  - x\n",
                    "ER  - \n",
                    "SP  - 1\n",
                    "EP  - 2\n",
                    "junk\n",
                    "  cont\n",
                ]
            ),
            max_size=20,
        ).map("".join),
    )
)
def test_ris_reader_on_anything(text: str) -> None:
    _references_or_input_error(read_ris, text)


def _xml_safe(text: str) -> str:
    """Text that XML 1.0 can hold (no control characters, no surrogates)."""
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c < "\ud800") or ("\ue000" <= c <= "\ufffd"))
