"""Stylesheets run locked down: no file or network reads, no writes."""

from pathlib import Path

import pytest

from teikit.errors import TeikitError
from teikit.render.transform import Stylesheet
from teikit.render.units import load_units

from .conftest import FIXTURES

XSL = '''<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/">{body}</xsl:template>
</xsl:stylesheet>'''


def stylesheet(tmp_path: Path, body: str) -> Stylesheet:
    f = tmp_path / "mine.xsl"
    f.write_text(XSL.format(body=body))
    return Stylesheet(f)


def unit_root():
    return load_units(FIXTURES / "wilson-117244.xml")[0].root


def test_reading_a_file_outside_fails_with_one_line(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text("<secret>s3cret</secret>")
    xslt = stylesheet(tmp_path, f'<article><xsl:value-of select="document(\'{secret}\')"/>'
                                '</article>')
    with pytest.raises(TeikitError) as e:
        xslt(unit_root(), "doc.xml")
    assert "\n" not in str(e.value) and "s3cret" not in str(e.value)
    assert str(e.value).startswith("doc.xml: error: stylesheet mine.xsl failed")
    assert "denied" in str(e.value)


def test_network_reads_are_denied(tmp_path):
    xslt = stylesheet(tmp_path, '<article><xsl:copy-of select="document('
                                "'http://127.0.0.1:9/x.xml')\"/></article>")
    with pytest.raises(TeikitError):
        xslt(unit_root(), "doc.xml")


def test_writing_files_is_denied(tmp_path):
    target = tmp_path / "written.html"
    xslt = stylesheet(tmp_path, f'<exsl:document href="{target}"><p>x</p></exsl:document>'
                                "<article/>")
    with pytest.raises(TeikitError):
        xslt(unit_root(), "doc.xml")
    assert not target.exists()


def test_a_broken_stylesheet_is_a_one_line_error(tmp_path):
    f = tmp_path / "bad.xsl"
    f.write_text('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/'
                 'Transform"><xsl:template match="/"><xsl:value-of select="((("/></xsl:template>'
                 "</xsl:stylesheet>")
    with pytest.raises(TeikitError) as e:
        Stylesheet(f)
    assert "\n" not in str(e.value) and "bad.xsl" in str(e.value)
