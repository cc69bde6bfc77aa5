from teikit import model as m
from teikit.passes import number_notes


def test_symbol_marked_note_does_not_take_a_numbered_notes_id():
    star, two = m.Note("*"), m.Note("2")
    doc = m.Document("x", m.Header(), [m.Division("document", [
        m.Paragraph(["Dobrynin", star, " text", two])], xml_id="d12")])
    number_notes(doc)
    assert (star.xml_id, two.xml_id) == ("d12fnsym1", "d12fn2")
