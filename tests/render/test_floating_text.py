"""An enclosure (floatingText) is rendered as a text of its own, with its head a heading."""

from pathlib import Path

from lxml import html

from teikit.convert import convert_file
from teikit.render import Options, render

ENCLOSURE = Path(__file__).parents[1] / "fixtures" / "frus" / "frus1914-20v02" / "d10.txt"


def test_enclosure_is_set_off_with_its_heading(tmp_path, capsys):
    tei = tmp_path / "tei"
    tei.mkdir()
    (tei / "d10.xml").write_bytes(convert_file(ENCLOSURE).data)
    render([tei], Options(output=tmp_path / "out", search=False))
    assert "render-no-rule" not in capsys.readouterr().err
    page = html.parse(str(next((tmp_path / "out").glob("*d10.html")))).getroot()
    enclosure = page.find_class("floatingText-attachment")[0]
    assert enclosure.tag == "div"
    assert enclosure.find_class("opener")[0].text_content().strip() == "[Enclosure]"
    assert [h.text_content() for h in enclosure.iter("h4")] == ["Draft List of Contraband of War"]
    text = next((tmp_path / "out" / "text").glob("*d10.txt")).read_text()
    assert "[Enclosure]\n\nDraft List of Contraband of War\n" in text
