from lxml import etree

from teikit.conservation import check, printed_text

TEI = "http://www.tei-c.org/ns/1.0"


def _root(body: str) -> etree._Element:
    return etree.fromstring(f'<TEI xmlns="{TEI}"><text><body>{body}</body></text></TEI>')


def test_printed_forms_are_put_back():
    root = _root('<p>Afghanistan <gap reason="omitted" rend="(...)"/>. us '
                 '<supplied>to</supplied> contain; conscientiously <seg type="original-term">'
                 '<foreign>akkuratno</foreign></seg> directly <pb n="546"/>link '
                 'Day<note n="2">Reference is to …</note> well</p>')
    text = printed_text(root.find(f"{{{TEI}}}text"))
    assert "".join(text.split()) == ("Afghanistan(...).us[to]contain;conscientiously[akkuratno]"
                                     "directly[Page546]linkDay2well2.Referenceisto…")


def test_check_passes_modulo_whitespace_and_reports_the_first_loss():
    root = _root("<p>One two\n three.</p><p>Four.</p>")
    assert check("One  two three.\n\nFour.", 10, root, "s.txt") is None
    diag = check("One two three.\n\nFour five.", 10, root, "s.txt")
    assert (diag.line, diag.col, diag.rule) == (12, 6, "text-conservation")
    assert "'five.'" in diag.message
