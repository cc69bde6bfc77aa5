"""The text edition reproduces the source body, modulo whitespace (ENCODING-GUIDE, principle 1).

Fixture editions are compared with the source excerpts they were made from.  The seeds and
the FRUS development samples are converted with ``teikit.convert.convert_file`` and their
text edition compared with the source; a source whose reader is not written yet is skipped,
so the check turns on by itself when the reader lands.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from teikit.readers import READERS
from teikit.render import Options, render
from teikit.render.text import body_of

from .conftest import FIXTURES, FRUS, SHARED, squash

_FIELD = re.compile(r"^\*\*[^*\n]+:\*\*[ \t]*$", re.MULTILINE)


def source_body(text: str) -> str:
    """The body of a source: a Wilson Center record's text after its last ``**Field:**``
    and that field's value; any other layout is all body."""
    fields = list(_FIELD.finditer(text))
    if not fields:
        return text
    rest = text[fields[-1].end():]
    value = re.match(r"\s*\S.*?(?:\n[ \t]*\n|\Z)", rest, re.DOTALL)
    return rest[value.end():] if value else rest


def text_edition(tei: Path, out: Path) -> str:
    report = render([tei], Options(output=out, formats=("text",), width=0))
    [page] = report.pages
    return (out / page.text_href).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["wilson-117244", "frus-d169"])
def test_fixture_text_edition_reproduces_its_source(name, tmp_path):
    text = text_edition(FIXTURES / f"{name}.xml", tmp_path)
    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    assert squash(body_of(text)) == squash(source)


def test_a_note_without_a_marker_in_the_source_gets_none_in_the_text_edition(tmp_path):
    # FRUS 1927 I, doc. 69: note 52's marker stands in the dateline, which the page text does
    # not show; the reader places the note at the end with anchored="false"
    tei = (FIXTURES / "frus-d169.xml").read_text(encoding="utf-8")
    tei = tei.replace('Afghanistan.<note n="3" xml:id="d169fn3">',
                      'Afghanistan.<note n="3" xml:id="d169fn3" anchored="false">')
    (tmp_path / "frus-d169.xml").write_text(tei, encoding="utf-8")
    text = text_edition(tmp_path / "frus-d169.xml", tmp_path / "out")
    source = (FIXTURES / "frus-d169.txt").read_text(encoding="utf-8")
    assert squash(body_of(text)) == squash(source.replace("Afghanistan.3", "Afghanistan."))
    assert "  3. Reagan did not approve" in text

def test_source_body_skips_a_wilson_header():
    record = ("**Citation:**\n\n\"A\", 1987\n\n**Original Language:**\n\nRussian\n\n"
              "**Contents:**\n\nTranslation - English\n\nR. REAGAN. Hello.\n")
    assert source_body(record) == "R. REAGAN. Hello.\n"
    assert source_body("169. Memo1\n\ntext") == "169. Memo1\n\ntext"


def _sources() -> list[tuple[Path, str]]:
    found = [(p, "auto") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    found += [(p, "frus") for p in sorted(FRUS.glob("*/*.txt"))]
    return found


def _missing_reader(reader: str) -> str | None:
    needed = READERS if reader == "auto" else (reader,)
    for name in needed:
        if importlib.util.find_spec(f"teikit.readers.{name}") is None:
            return name
    return None


@pytest.mark.parametrize("source, reader", _sources() or [pytest.param(
    None, None, marks=pytest.mark.skip(reason="shared seeds and samples not available"))],
    ids=lambda v: f"{v.parent.name}/{v.name}" if isinstance(v, Path) else v)
def test_converted_source_round_trips(source, reader, tmp_path):
    missing = _missing_reader(reader)
    if missing:
        pytest.skip(f"reader {missing!r} is not written yet (teikit.readers.{missing})")
    from teikit.convert import convert_file

    conv = convert_file(source, reader)
    tei = tmp_path / f"{conv.document.id}.xml"
    tei.write_bytes(conv.data)
    text = text_edition(tei, tmp_path / "out")
    assert squash(body_of(text)) == squash(source_body(source.read_text(encoding="utf-8")))
