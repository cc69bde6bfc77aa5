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


def test_notes_numbered_per_page_are_listed_in_document_order():
    # FRUS 1918 Russia III, doc. 80: the list reads "1. Not printed. 2. See vol. ii … 1.
    # Francis O. Lindley …" — numbers that start again are not sorted into "1. 1. 2."
    root = _root('<p>p.m.<note n="1">Not printed.</note> organizing,<note n="2">See vol. ii.'
                 '</note> Lindley<note n="1">Francis O. Lindley.</note></p>')
    text = "".join(printed_text(root.find(f"{{{TEI}}}text")).split())
    assert text.endswith("1.Notprinted.2.Seevol.ii.1.FrancisO.Lindley.")
    # an unanchored note placed at the end is still put back in number order
    root = _root('<p>a<note n="2">Two.</note> b</p><p>c<note n="1" anchored="false">One.'
                 '</note></p>')
    assert "".join(printed_text(root.find(f"{{{TEI}}}text")).split()).endswith("1.One.2.Two.")


def test_a_number_printed_again_out_of_order_stays_in_document_order():
    # FRUS 1936 III, doc. 137: the volume numbers its last note 29 again, after 30 and 31;
    # the list reads "29. Not printed. 30. Anthony Eden … 31. Sir Sidney Barton … 29. Not
    # printed." — not sorted into "29. 29. 30. 31."
    root = _root('<p>6 p.m.,<note n="29">Not printed.</note> Eden<note n="30">Anthony Eden.'
                 '</note> Barton<note n="31">Sir Sidney Barton.</note></p><p>3 p.m.'
                 '<note n="29">Not printed.</note> Developments</p>')
    text = "".join(printed_text(root.find(f"{{{TEI}}}text")).split())
    assert text.endswith("29.Notprinted.30.AnthonyEden.31.SirSidneyBarton.29.Notprinted.")
