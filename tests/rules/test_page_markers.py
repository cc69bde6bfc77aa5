from teikit.model import PageBreak
from teikit.rules.page_markers import is_page_line, split_page_markers


def test_inline_page_marker_becomes_page_break_at_its_place():
    out = split_page_markers("While we would not directly [Page 546] link the talks")
    assert out == ["While we would not directly ", PageBreak("546", "[Page 546]"), "link the talks"]


def test_page_marker_standing_alone():
    assert is_page_line("[Page 537]")
    assert not is_page_line("See [Page 537] here")
    assert split_page_markers("[Page 537]") == [PageBreak("537", "[Page 537]")]
