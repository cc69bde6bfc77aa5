"""Pages and text editions stay byte-identical to the golden files in ``golden/expected/``:
written by the renderer as it was at commit 7c03a6a, before issue 11's speed-ups, and
regenerated once for issue 12 (search box, register link and pages, turn and paragraph
anchors added; the text editions unchanged).  The two inputs hold what the renderer
numbers, glues or rewrites: footnotes with and without ``xml:id``, a repeated ``xml:id``,
whitespace and a blank line before markers, a note printed in place, page breaks inside and
between paragraphs, turns, divisions nested six deep, list labels and multi-paragraph items,
table cells, a comment, a bad link, an element without a rule, and a volume of two
documents whose notes start again at 1.

If a change to the output is intended, regenerate: ``teikit render
tests/render/golden/edition.xml tests/render/golden/volume.xml -o OUT`` and copy OUT's
``*.html`` and ``text/*.txt`` here, with the reason in the commit message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit.render import Options, render

GOLDEN = Path(__file__).resolve().parent / "golden"
EXPECTED = sorted(p.relative_to(GOLDEN / "expected").as_posix()
                  for p in (GOLDEN / "expected").rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    render([GOLDEN / "edition.xml", GOLDEN / "volume.xml"], Options(output=out))
    return out


def test_every_golden_file_is_produced(site):
    # 9 pages (3 documents, index, persons, register and its 3 entries), 3 texts
    assert len(EXPECTED) == 12
    made = {p.relative_to(site).as_posix() for p in site.rglob("*")
            if p.is_file() and (p.suffix == ".html" or p.parent.name == "text")}
    assert made == set(EXPECTED)


@pytest.mark.parametrize("name", EXPECTED)
def test_output_is_byte_identical_to_the_golden_file(site, name):
    assert (site / name).read_bytes() == (GOLDEN / "expected" / name).read_bytes()
