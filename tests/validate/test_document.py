from __future__ import annotations

from lxml import etree

from teikit.validate import document
from teikit.validate.ids import duplicate_ids

TEI = "http://www.tei-c.org/ns/1.0"
SRC = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
       b'  <p>a <hi rend="b">x</hi> and <hi rend="i">y</hi></p>\n'
       b'  <p xml:id="p1"/><p\n     xml:id="p1"/>\n</TEI>\n')


def test_column_of_second_element_of_the_same_name_on_a_line():
    doc = document.from_bytes(SRC, "t.xml")
    first, second = doc.root.iter(f"{{{TEI}}}hi")
    line = SRC.decode().splitlines()[1]
    assert doc.position(first) == (2, line.index("<hi") + 1)
    assert doc.position(second) == (2, line.rindex("<hi") + 1)


def test_attribute_column():
    doc = document.from_bytes(SRC, "t.xml")
    hi = next(doc.root.iter(f"{{{TEI}}}hi"))
    line = SRC.decode().splitlines()[1]
    assert doc.position(hi.xpath("@rend")[0]) == (2, line.index("rend") + 1)


def test_duplicate_id_names_both_positions():
    doc = document.from_bytes(SRC, "t.xml")
    [d] = duplicate_ids(doc)
    assert (d.line, d.severity, d.rule) == (doc.position(list(doc.root)[2])[0], "error",
                                            "xml:id-unique")
    assert 'duplicate xml:id "p1"; first used at line 3, column 3' in d.message


def test_tree_positions_refer_to_its_serialisation():
    root = etree.fromstring(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p/></TEI>')
    doc = document.from_tree(root, "mem.xml")
    assert doc.position(doc.root[0]) == (2, doc.lines[1].index("<p") + 1)


def test_positions_past_libxml2s_line_limit_are_exact():
    # libxml2 keeps lines in 16 bits; lxml's sourceline was one too many past 65,535 on
    # the Parla-CLARIN corpus files (jing, and the file: 65,648)
    body = "".join(f"  <p n='{i}'>x</p>\n" for i in range(66000))
    tail = "  <!-- a <p> in a comment --><![CDATA[<p>]]><?pi <p>?>\n  <p n='last'/><p/>\n"
    src = f"<TEI xmlns='{TEI}'>\n{body}{tail}</TEI>\n".encode()
    doc = document.from_bytes(src, "big.xml")
    lines = src.decode().split("\n")
    *_, last, after = doc.root.iter(f"{{{TEI}}}p")
    line = next(i for i, t in enumerate(lines, 1) if "n='last'" in t)
    assert line > 65535
    assert doc.position(last) == (line, 3)
    assert doc.position(after) == (line, lines[line - 1].index("<p/>") + 1)
    p = doc.root[65600]
    assert doc.position(p) == (65602, 3)
