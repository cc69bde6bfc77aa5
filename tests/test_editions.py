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


@pytest.mark.parametrize("bad", ["../../x", "a/b", "/etc/x", "1abc", "", ".hidden", "a b",
                                 "x" * 201])
def test_edition_id_that_is_not_a_safe_name_is_refused(tmp_path, bad):
    from teikit.editions import edition_path
    with pytest.raises(TeikitError, match="not usable") as e:
        edition_path(tmp_path, bad)
    assert e.value.exit_code == 2


def test_edition_path_stays_in_its_folder(tmp_path):
    from teikit.editions import edition_path
    path = edition_path(tmp_path, "frus1981-88v03-d169")
    assert path.parent == tmp_path and path.name == "frus1981-88v03-d169.xml"


def test_symbolic_link_is_not_followed_or_replaced_without_force(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep")
    link = tmp_path / "e.xml"
    link.symlink_to(outside)
    with pytest.raises(TeikitError, match="symbolic link"):
        write_edition(link, DATA)
    assert write_edition(link, DATA, force=True) == "written"
    assert outside.read_bytes() == b"keep" and not link.is_symlink()
