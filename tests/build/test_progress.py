import io

from teikit.build.progress import Progress, Summary


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_gets_one_line_redrawn_in_place():
    out = Terminal()
    p = Progress(out)
    p.expect(2)
    p.advance("tei/a.xml", "rendered")
    p.advance("tei/b.xml", "rendered")
    p.finish()
    text = out.getvalue()
    assert text.count("\r") >= 2 and "\n" not in text and "2/2 tei/b.xml" in text


def test_quiet_writes_nothing():
    out = Terminal()
    p = Progress(out, quiet=True)
    p.expect(1)
    p.advance("tei/a.xml", "rendered")
    p.message("a warning")
    assert out.getvalue() == ""


def test_summary_names_every_count_and_stage():
    s = Summary(documents=3, converted=1, validated=2, rendered=2, up_to_date=1, failed=1,
                pages_written=4, wall=1.5)
    s.add_time("convert", 0.25)
    first, second = s.lines()
    assert first == ("teikit: 3 document(s): 1 converted, 2 validated, 2 rendered, 1 up to "
                     "date, 1 failed; 4 page(s) written")
    assert "convert 0.25 s" in second and "1.50 s in all" in second
