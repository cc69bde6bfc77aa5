from pathlib import Path

from teikit.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "render" / "fixtures"


def test_render_writes_html_and_text(tmp_path, capsys):
    code = main(["render", str(FIXTURES), "-o", str(tmp_path)])
    assert code == 0
    assert (tmp_path / "index.html").is_file() and (tmp_path / "text" / "frus-d169.txt").is_file()
    assert "rendered 2 document(s) from 2 file(s)" in capsys.readouterr().err


def test_text_only_with_width(tmp_path):
    xml = FIXTURES / "frus-d169.xml"
    assert main(["render", str(xml), "-o", str(tmp_path), "--format", "text",
                 "--width", "40"]) == 0
    assert not (tmp_path / "index.html").exists()
    lines = (tmp_path / "text" / "frus-d169.txt").read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines if not line.startswith("=")) <= 40


def test_width_zero_keeps_paragraphs_on_one_line(tmp_path):
    assert main(["render", str(FIXTURES / "wilson-117244.xml"), "-o", str(tmp_path),
                 "--format", "text", "--width", "0"]) == 0
    text = (tmp_path / "text" / "wilson-117244.txt").read_text(encoding="utf-8")
    assert "\nM. S. GORBACHEV. Our order of priorities coincides with yours. Therefore I will " \
           "begin with Afghanistan (...).\n" in text


def test_unknown_elements_are_reported(tmp_path, capsys):
    src = tmp_path / "odd.xml"
    src.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><foo>x</foo>'
                   "</p></body></text></TEI>")
    assert main(["render", str(src), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "odd.xml: warning: no rule for TEI element(s), rendered as their text: foo ×1" in err


def test_missing_input_and_bad_stylesheet_are_one_line_errors(tmp_path, capsys):
    assert main(["render", str(tmp_path / "nope.xml"), "-o", str(tmp_path)]) == 2
    bad = tmp_path / "bad.xsl"
    bad.write_text("<not-xslt/>")
    assert main(["render", str(FIXTURES), "-o", str(tmp_path), "--xslt-html", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "nope.xml: error:" in err and "bad.xsl: error:" in err
