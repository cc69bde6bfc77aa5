import pytest

from teikit.editions import State, read_state, stamp, state_of, write_edition
from teikit.errors import TeikitError

DATA = b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI/>\n"


def test_stamp_is_deterministic_and_pristine():
    assert stamp(DATA) == stamp(DATA)
    assert state_of(stamp(DATA)) is State.PRISTINE


def test_write_then_rewrite_and_unchanged(tmp_path):
    path = tmp_path / "e.xml"
    assert write_edition(path, DATA) == "written"
    assert write_edition(path, DATA) == "unchanged"
    assert write_edition(path, DATA.replace(b"TEI", b"TEI ")) == "written"


def test_hand_edited_edition_is_not_overwritten(tmp_path):
    path = tmp_path / "e.xml"
    write_edition(path, DATA)
    path.write_bytes(path.read_bytes().replace(b"<TEI/>", b"<TEI><!-- fixed --></TEI>"))
    assert read_state(path) is State.EDITED
    with pytest.raises(TeikitError, match="--force") as e:
        write_edition(path, DATA)
    assert e.value.file == str(path)
    assert b"fixed" in path.read_bytes()
    assert write_edition(path, DATA, force=True) == "written"


def test_file_without_fingerprint_counts_as_edited(tmp_path):
    path = tmp_path / "e.xml"
    path.write_bytes(DATA)
    with pytest.raises(TeikitError):
        write_edition(path, DATA + b"<!-- -->")
