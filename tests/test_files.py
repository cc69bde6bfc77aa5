import pytest

from teikit.errors import TeikitError
from teikit.files import read_bytes, xml_files


def test_xml_files_searches_folders_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.xml", "a.xml", "b/c.xml", "notes.txt"):
        (tmp_path / name).write_text("<x/>")
    assert [p.relative_to(tmp_path).as_posix() for p in xml_files([tmp_path])] == [
        "a.xml", "b/c.xml", "b/z.xml"]


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing.xml", "no such file or folder"),
    (lambda d: d, r"folder holds no \*\.xml files"),
])
def test_xml_files_errors(tmp_path, make, words):
    with pytest.raises(TeikitError, match=words) as e:
        xml_files([make(tmp_path)])
    assert e.value.exit_code == 2


def test_read_bytes_errors_name_the_file(tmp_path):
    with pytest.raises(TeikitError, match="is a directory") as e:
        read_bytes(tmp_path)
    assert e.value.file == str(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 11)
    with pytest.raises(TeikitError, match="too large"):
        read_bytes(big, limit=10)
