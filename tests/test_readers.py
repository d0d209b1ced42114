"""Reading Word, OpenDocument, PDF and HTML documents: text, notes, locations, and bad input.

The files are built in the tests (tests/builders.py) the way their producers lay them out:
a French social-science article with citations in the body and in notes, a reference list,
and a footnote that holds a full reference.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import (
    docx_document_xml,
    make_docx,
    make_odt,
    make_pdf,
    note_call,
    odt_note,
    para,
    run,
    zotero_field,
)
from click.testing import CliRunner

from biblio_cli.cli import main
from biblio_cli.errors import InputError
from biblio_cli.model import Document
from biblio_cli.pipeline import check, expand_paths
from biblio_cli.readers import package as package_module
from biblio_cli.readers import read_any, read_docx, read_html, read_odt, read_pdf

#: What every sample article cites (body and notes) and lists.
CITED = {"Paul 2019", "Pasquier 2018", "Sen 1997", "Plantard 2015"}
LISTED = ["Paul, M. (2019)", "Pasquier, D. (2018)", "Plantard, P. (2015)", "Sen, A. (1997)"]
FOOTNOTE_REFERENCE = "Poirier, J. (2002)"


def sample_docx(path: Path) -> Path:
    body = (
        para(run("Introduction"), style="Titre1")
        + para(
            run("Le numérique transforme le travail social (Paul, 2019)."),
            note_call("footnote", 1),
            run(" Selon Pasquier (2018, p. 195), les familles modestes s'approprient "),
            run("autrement", italic=True),
            run(" Internet."),
        )
        + para(
            run("Les capacités "),
            zotero_field('{"citationItems":[{"id":7,"itemData":{"title":"Repenser (Faux, 1990)"}}]}', "(Sen, 1997)"),
            run(" restent centrales"),
            note_call("endnote", 1),
            run("."),
        )
        + para(
            run("Une phrase "),
            '<w:del w:id="9" w:author="Relecteur"><w:r><w:delText>(Supprimé, 1900) </w:delText></w:r></w:del>',
            '<w:ins w:id="10" w:author="Relecteur">' + run("corrigée ") + "</w:ins>",
            run("ici."),
        )
        + "<w:tbl><w:tr><w:tc>"
        + para(run("Tableau 1 : d'après Plantard (2015)."))
        + "</w:tc></w:tr></w:tbl>"
        + para(run("Bibliographie"), style="Titre1")
        + para(run("Paul, M. (2019). "), run("Le numérique dans le travail social", italic=True), run(". Paris : PUF."))
        + para(
            run("Pasquier, D. (2018). "),
            run("L'Internet des familles modestes", italic=True),
            run(". Paris : Presses des Mines."),
        )
        + para(
            run("Plantard, P. (2015). "),
            run("Anthropologie des usages du numérique", italic=True),
            run(". Rennes : INEDUC."),
        )
        + para(run("Sen, A. (1997). "), run("Repenser l'inégalité", italic=True), run(". Paris : Seuil."))
    )
    return make_docx(
        path,
        body,
        footnotes=[run("Poirier, J. (2002). ") + run("Le travail social", italic=True) + run(". Paris : Dunod.")],
        endnotes=[run("Voir aussi Paul (2019), chap. 2.")],
    )


def sample_odt(path: Path) -> Path:
    body = (
        '<text:h text:outline-level="1">Introduction</text:h>'
        "<text:p>Le numérique transforme le travail social (Paul, 2019)"
        + odt_note(
            "footnote",
            "1",
            'Poirier, J. (2002). <text:span text:style-name="T1">Le travail social</text:span>. Paris : Dunod.',
        )
        + ". Selon Pasquier<text:s/>(2018, p. 195), les familles modestes.</text:p>"
        "<text:list><text:list-item><text:p>Les capacités (Sen, 1997)"
        + odt_note("endnote", "i", "Voir aussi Paul (2019), chap. 2.")
        + ".</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Tableau 1 : d'après Plantard (2015).</text:p>"
        "</table:table-cell></table:table-row></table:table>"
        "<text:table-of-content><text:index-body><text:p>Introduction\t1</text:p></text:index-body></text:table-of-content>"
        '<text:h text:outline-level="1">Bibliographie</text:h>'
        '<text:p>Paul, M. (2019). <text:span text:style-name="T1">Le numérique dans le travail social</text:span>. Paris : PUF.</text:p>'
        '<text:p>Pasquier, D. (2018). <text:span text:style-name="Emphasis">L\'Internet des familles modestes</text:span>.'
        " Paris : Presses des Mines.</text:p>"
        "<text:p>Plantard, P. (2015). Anthropologie des usages du numérique. Rennes : INEDUC.</text:p>"
        "<text:p>Sen, A. (1997). Repenser l'inégalité. Paris : Seuil."
        "<office:annotation><text:p>Vérifier (Commentaire, 2000)</text:p></office:annotation></text:p>"
    )
    return make_odt(path, body)


#: Justified lines of similar width, as a typesetter sets them, with hyphenation and a wrapped citation.
PDF_PAGES = [
    [
        "Revue de sociologie du numérique, 12 (2024)",
        "Introduction",
        "Le numérique transforme le travail social depuis le début des années deux mille,",
        "comme le montrent plusieurs enquêtes récentes menées auprès des professionnels (Paul,",
        "2019 ; Pasquier, 2018). Les familles modestes ont des pratiques d'appropriation dif-",
        "férenciées d'Internet, et des usages utilitaires des technologies qui ont été décrits",
        "en détail par Plantard (2015) et par Sen (1997).",
        "",
        "Une seconde partie commence ici.",
        "1",
    ],
    [
        "Revue de sociologie du numérique, 12 (2024)",
        "Bibliographie",
        "Paul, M. (2019). Le numérique dans le travail social : usages et pratiques des pro-",
        "fessionnels de l'action sociale. Paris : PUF.",
        "Pasquier, D. (2018). L'Internet des familles modestes. Enquête dans la France rurale.",
        "Paris : Presses des Mines.",
        "Plantard, P. (2015). Anthropologie des usages du numérique. Rennes : INEDUC.",
        "Sen, A. (1997). Repenser l'inégalité. Paris : Seuil.",
        "2",
    ],
]

SAMPLE_HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="windows-1252"><title>Le numérique</title>
<script>var cite = "(Script, 1999)";</script><style>p { color: red }</style></head>
<body>
<header class="site"><nav><ul><li><a href="/">Accueil</a></li><li>Revues (Menu, 2001)</li></ul></nav></header>
<div id="main"><article>
<header><h1 class="title">Le numérique dans le travail social</h1></header>
<div id="text"><div class="text">
<h2>Introduction</h2>
<p class="texte">Le numérique transforme le travail social (Paul, 2019)<a class="footnotecall" href="#ftn1"
 id="bodyftn1">1</a>. Selon Pasquier (2018, p.&nbsp;195), les familles <em>modestes</em>
 s'approprient Internet, d'après Plantard (2015).</p>
<p>Les capacités (Sen, 1997)<sup><a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref">2</a></sup>
 restent centrales depuis le XIX<sup>e</sup> siècle.</p>
</div></div>
<div id="bibliography"><h2>Bibliographie</h2>
<p class="bibliographie">Paul, M. (2019). <em>Le numérique dans le travail social</em>. Paris : PUF.</p>
<p class="bibliographie">Pasquier, D. (2018). <em>L'Internet des familles modestes</em>. Paris : Presses des Mines.
 DOI : <a href="https://doi.org/10.4000/books.pressesmines.3902">10.4000/books.pressesmines.3902</a></p>
<p class="bibliographie">Plantard, P. (2015). <em>Anthropologie des usages du numérique</em>. Rennes : INEDUC.</p>
<p class="bibliographie">Sen, A. (1997). <em>Repenser l'inégalité</em>. Paris : Seuil.</p>
</div>
<div id="notes"><h2>Notes</h2>
<p class="notesbaspage"><a class="FootnoteSymbol" href="#bodyftn1" id="ftn1">1</a> Poirier, J. (2002).
 <em>Le travail social</em>. Paris : Dunod.</p>
<ol><li id="fn2" role="doc-endnote"><p>Voir aussi Paul (2019), chap. 2.<a href="#fnref2" class="footnote-back"
 role="doc-backlink">&#x21A9;&#xFE0E;</a></p></li></ol>
</div>
</article></div>
<aside>Articles liés (Autre, 2005)</aside>
<footer>© OpenEdition (Pied, 2020)</footer>
</body></html>
"""


def sample_pdf(path: Path) -> Path:
    return make_pdf(path, PDF_PAGES)


def sample_html(path: Path) -> Path:
    path.write_bytes(SAMPLE_HTML.encode("cp1252"))  # the declared charset, not UTF-8
    return path


SAMPLES: dict[str, Callable[[Path], Path]] = {
    "docx": sample_docx,
    "odt": sample_odt,
    "pdf": sample_pdf,
    "html": sample_html,
}


@pytest.fixture(params=sorted(SAMPLES), ids=sorted(SAMPLES))
def sample(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    kind: str = request.param
    return SAMPLES[kind](tmp_path / f"article.{kind}")


def test_every_format_gives_the_same_citations_and_references(sample: Path) -> None:
    result = check([sample]).documents[0]
    assert {c.label() for c in result.citations} == CITED
    listed = [r.short_label() for r in result.references if r.source == "list"]
    assert listed == LISTED
    assert result.reference_heading == "Bibliographie"
    assert not [f for f in result.findings if f.rule in ("missing-reference", "year-mismatch", "uncited-reference")]
    assert result.document.language == "fr"


@pytest.mark.parametrize("kind", ["docx", "odt", "html"])
def test_notes_are_appended_and_a_footnote_reference_is_parsed(tmp_path: Path, kind: str) -> None:
    path = SAMPLES[kind](tmp_path / f"article.{kind}")
    result = check([path]).documents[0]
    lines = result.document.lines
    assert "# Notes" in lines
    notes = [line for line in lines if line.startswith("[^")]
    assert notes[0].startswith("[^1]: Poirier, J. (2002).")
    assert any("Voir aussi Paul (2019), chap. 2." in line for line in notes)
    footnoted = [r for r in result.references if r.source == "footnote"]
    assert [(r.short_label(), r.footnote) for r in footnoted] == [(FOOTNOTE_REFERENCE, "1")]
    # the call stays in the body, after the citation it belongs to
    assert any("(Paul, 2019)" in line and "[^1]" in line for line in lines if not line.startswith("[^"))
    # the citation in the endnote is found too
    note_line = next(n for n, line in enumerate(lines, 1) if "Voir aussi" in line)
    assert any(c.line == note_line for c in result.citations)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        pytest.param("docx", {"# Introduction": "paragraph 1", "# Bibliographie": "paragraph 6"}, id="docx"),
        pytest.param("odt", {"# Introduction": "paragraph 1", "# Bibliographie": "paragraph 5"}, id="odt"),
        pytest.param("pdf", {"# Bibliographie": "page 2"}, id="pdf"),
        pytest.param("html", {"## Bibliographie": "html line 16"}, id="html"),
    ],
)
def test_lines_are_located_in_the_source(tmp_path: Path, kind: str, expected: dict[str, str]) -> None:
    document = read_any(SAMPLES[kind](tmp_path / f"article.{kind}"))
    assert len(document.locations) == len(document.lines)
    for line, where in expected.items():
        assert document.location(document.lines.index(line) + 1) == where
    footnote = next((n for n, line in enumerate(document.lines, 1) if line.startswith("[^1]:")), 0)
    if kind in ("docx", "odt"):
        assert document.location(footnote) == "footnote 1"


def test_docx_keeps_italics_field_results_and_accepted_text(tmp_path: Path) -> None:
    text = read_docx(sample_docx(tmp_path / "a.docx")).text
    assert "*Le numérique dans le travail social*" in text
    assert "s'approprient *autrement* Internet" in text
    assert "Les capacités (Sen, 1997) restent centrales[^i]." in text  # Zotero field: the shown result
    assert "ZOTERO" not in text and "Faux" not in text  # ... and not its instruction
    assert "Une phrase corrigée ici." in text and "Supprimé" not in text  # tracked changes


def test_odt_skips_comments_and_generated_tables_of_contents(tmp_path: Path) -> None:
    document = read_odt(sample_odt(tmp_path / "a.odt"))
    assert "Commentaire" not in document.text
    assert document.lines.count("# Introduction") == 1
    assert "Selon Pasquier (2018, p. 195)" in document.text  # <text:s/> is a space
    assert "*L'Internet des familles modestes*" in document.text  # italic from a named style


def test_pdf_repairs_hyphenation_wraps_and_drops_running_heads(tmp_path: Path) -> None:
    document = read_pdf(sample_pdf(tmp_path / "a.pdf"))
    text = document.text
    assert "(Paul, 2019 ; Pasquier, 2018)" in text  # a citation wrapped over two lines
    assert "appropriation différenciées" in text  # hyphenation at a line end
    assert "des professionnels de l'action sociale" in text  # ... also inside a reference entry
    assert "Revue de sociologie" not in text  # running head on every page
    assert "1" not in document.lines and "2" not in document.lines  # page numbers
    assert "Une seconde partie commence ici." in document.lines  # a paragraph break is kept


def test_html_drops_page_chrome_and_reads_the_declared_charset(tmp_path: Path) -> None:
    document = read_html(sample_html(tmp_path / "a.html"))
    text = document.text
    for chrome in ("Script", "Menu", "Autre", "Pied", "color: red"):
        assert chrome not in text
    assert "# Le numérique dans le travail social" in document.lines  # the article's own header is kept
    assert "les familles *modestes* s'approprient Internet" in text  # source line breaks are spaces
    assert "depuis le XIXe siècle" in text  # a superscript that is no note call
    assert "(Sen, 1997)[^2]" in text
    assert "↩" not in text


# Bad input -----------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _zip_bomb(path: Path) -> Path:
    # 40 MB of one byte: deflates about 1000x, as a bomb does; writing it takes a few milliseconds.
    data = b"<w:p>" + b" " * 40_000_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", data)
    return path


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'>&xxe;</office:document-content>"
)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        pytest.param("a.docx", _zip_bomb, "zip bomb", id="docx-zip-bomb"),
        pytest.param(
            "a.docx",
            lambda p: make_docx(p, "", document_xml=BILLION_LAUGHS),
            "declares a DTD or entities",
            id="docx-billion-laughs",
        ),
        pytest.param(
            "a.odt",
            lambda p: _zip(
                p, {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": EXTERNAL_ENTITY.encode()}
            ),
            "declares a DTD or entities",
            id="odt-external-entity",
        ),
        pytest.param(
            "a.docx",
            lambda p: make_docx(p, "", document_xml=docx_document_xml("<w:p><w:r><w:t>unclosed</w:r></w:p>")),
            r"malformed XML in word/document.xml \(line 1",
            id="docx-malformed-xml",
        ),
        pytest.param(
            "a.docx",
            lambda p: make_pdf(p, [["Un PDF renommé."]]),
            "looks like a PDF; check its extension",
            id="pdf-named-docx",
        ),
        pytest.param(
            "a.docx", lambda p: _bytes(p, b"Du texte, pas un document Word."), "not a zip archive", id="text-named-docx"
        ),
        pytest.param(
            "a.docx", lambda p: sample_odt(p), r"no word/document.xml .*use the \.odt extension", id="odt-named-docx"
        ),
        pytest.param("a.odt", lambda p: sample_docx(p), r"no mimetype .*use the \.docx extension", id="docx-named-odt"),
        pytest.param(
            "a.odt",
            lambda p: make_odt(p, "", mimetype="application/vnd.oasis.opendocument.spreadsheet"),
            "not an OpenDocument text: its type is application/vnd.oasis.opendocument.spreadsheet",
            id="ods-named-odt",
        ),
        pytest.param("a.docx", lambda p: _bytes(p, b"PK\x03\x04 truncated"), "damaged zip archive", id="truncated-zip"),
        pytest.param("a.docx", lambda p: _bytes(p, b""), "empty", id="empty-docx"),
        pytest.param("a.pdf", lambda p: make_pdf(p, [[], []]), "no text layer .*run OCR first", id="scanned-pdf"),
        pytest.param(
            "a.pdf",
            lambda p: _bytes(p, b"%PDF-1.4\nnot really a pdf\n"),
            "damaged or unsupported PDF",
            id="damaged-pdf",
        ),
        pytest.param(
            "a.pdf", lambda p: sample_docx(p), "not a PDF: the file looks like a zip archive", id="docx-named-pdf"
        ),
        pytest.param(
            "a.md", lambda p: make_pdf(p, [["Texte."]]), "looks like a PDF, not a text document", id="pdf-named-md"
        ),
        pytest.param("a.doc", lambda p: _bytes(p, b"\xd0\xcf\x11\xe0"), r"save it as \.docx", id="old-doc"),
        pytest.param(
            "a.html",
            lambda p: _bytes(p, b"<html><body><script>x()</script></body></html>"),
            "no text found",
            id="html-no-text",
        ),
        pytest.param("missing.docx", lambda p: p, "no such file", id="missing"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, name: str, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path / name)
    with pytest.raises(InputError, match=message) as info:
        read_any(path)
    assert "\n" not in str(info.value)
    assert str(path) in str(info.value)


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_part_larger_than_the_limit_is_refused_before_it_is_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package_module, "MAX_PART_BYTES", 1000)
    path = sample_docx(tmp_path / "a.docx")
    with pytest.raises(InputError, match=r"refusing word/document\.xml: it inflates to"):
        read_docx(path)


def test_zip_bomb_data_is_never_inflated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = zlib.decompressobj
    monkeypatch.setattr(zlib, "decompressobj", lambda *a: calls.append("inflate") or real(*a))
    with pytest.raises(InputError, match="zip bomb"):
        read_docx(_zip_bomb(tmp_path / "a.docx"))
    assert not calls


# Dispatch, directories and the CLI -------------------------------------------------------------


def test_directories_pick_up_every_format_but_not_office_lock_files(tmp_path: Path) -> None:
    for kind, make in SAMPLES.items():
        make(tmp_path / f"article.{kind}")
    (tmp_path / "notes.md").write_text("Texte (Paul, 2019).\n")
    (tmp_path / "~$article.docx").write_bytes(b"lock")
    (tmp_path / "figure.png").write_bytes(b"\x89PNG")
    names = [p.name for p in expand_paths([tmp_path])]
    assert names == ["article.docx", "article.html", "article.odt", "article.pdf", "notes.md"]


def test_unknown_suffixes_are_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "paper.rst"
    path.write_text("Texte (Paul, 2019).\n")
    assert read_any(path) == Document(str(path), ("Texte (Paul, 2019).",), "utf-8", "und")


def test_the_cli_checks_every_format(tmp_path: Path) -> None:
    paths = [str(make(tmp_path / f"article.{kind}")) for kind, make in sorted(SAMPLES.items())]
    result = CliRunner().invoke(main, ["check", *paths, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.output.count('"path"') == 4


def test_the_text_report_shows_source_locations(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "a.pdf",
        [
            ["Introduction", "Comme le montre Paul (2019), le numérique change tout."],
            ["Bibliographie", "Paul, M. (2018). Le numérique. Paris : PUF."],
        ],
    )
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert "(page 1)" in result.output and "year-mismatch" in result.output


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(_zip_bomb, "zip bomb", id="zip-bomb"),
        pytest.param(lambda p: make_pdf(p.with_suffix(".pdf"), [[]]), "no text layer", id="scan"),
    ],
)
def test_the_cli_reports_bad_documents_in_one_line_with_status_2(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    path = make(tmp_path / "a.docx")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code != 0 and isinstance(result.exception, InputError)
    assert message in str(result.exception)
    from biblio_cli.cli import run

    assert run(["check", str(path)]) == 2


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("a < b <p>x</p>", "a &lt; b <p>x</p>"),
        ("<a href='x'>y</a><", "<a href='x'>y</a>&lt;"),
        ("<!-- open <p>hi</p>", "&lt;!-- open <p>hi</p>"),  # a comment never closed is text
        ("<a<a<a", "&lt;a&lt;a&lt;a"),  # tags never closed before the next '<'
        ("<p>fine</p><!-- c --><b>x</b>", "<p>fine</p><!-- c --><b>x</b>"),
    ],
)
def test_unclosed_constructs_are_escaped_before_html_parser_sees_them(html: str, expected: str) -> None:
    from biblio_cli.readers.html import escape_unclosed

    assert escape_unclosed(html) == expected


def test_a_page_of_unclosed_tags_is_read_as_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Texte " + "<a" * 20_000 + "</p></body></html>", encoding="utf-8")
    document = read_html(page)
    assert document.lines[0].startswith("Texte <a<a")
