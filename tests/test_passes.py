"""Ids the passes and readers make from names and titles."""

import pytest
from lxml import etree

from teikit.passes import ncname


@pytest.mark.parametrize("text,expected", [
    ("M. S. Gorbachev", "m-s-gorbachev"),
    ("Горбачев", "горбачев"),
    ("周恩来", "周恩来"),
    ("A²", "a2"),            # a superscript two is no name character for XML: NFKC gives "2"
    ("Ĳssel", "ijssel"),     # nor a ligature (libxml2 knows XML 1.0's 4th-edition classes)
    ("1982 talks", "x-1982-talks"),
    ("!!!", "x"),
])
def test_ncname_is_readable(text, expected):
    assert ncname(text) == expected


@pytest.mark.parametrize("text", ["A²", "Ĳ", "ǅemal", "ſ", "ŉ", "Ŀ", "x\u0e3f", "ǀ", "ᏸ"])
def test_ncname_is_an_xml_id_libxml2_accepts(text):
    etree.fromstring(f'<x xml:id="{ncname(text)}"/>')  # raises when it is not
