from teikit.render.metadata import metadata_of
from teikit.render.units import load_units

from .conftest import FIXTURES, GERDRACOR, need_shared


def test_teikit_edition_metadata():
    [unit] = load_units(FIXTURES / "wilson-117244.xml")
    meta = metadata_of(unit)
    assert meta.title.startswith("Conversation between M. S. Gorbachev")
    assert (meta.date_when, meta.date_printed) == ("1987-12-09", "December 9, 1987")
    assert meta.summary.startswith("Gorbachev and Reagan discuss")
    assert meta.lang == "en"
    assert [(s.key, s.name) for s in meta.speakers] == [
        ("reagan", "Ronald Reagan"), ("gorbachev", "Mikhail Gorbachev")]


def test_volume_document_takes_its_head_and_dateline(frus_volume):
    units = load_units(frus_volume)
    meta = metadata_of(units[1])
    assert meta.title == ("166. Letter From President Reagan to Soviet General Secretary "
                          "Brezhnev")
    assert meta.date_when == "1982-05-07"


def test_play_speakers_come_from_who_and_the_cast():
    play = need_shared(GERDRACOR / "alberti-brot.xml")
    [unit] = load_units(play)
    meta = metadata_of(unit)
    assert meta.lang == "de"
    assert meta.speakers
    assert all(s.name and not s.name.startswith("#") for s in meta.speakers)
