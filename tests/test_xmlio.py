import os
import stat
import threading

import pytest

from teikit.errors import TeikitError
from teikit.xmlio import atomic_write


def test_atomic_write_gives_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "e.xml", b"<TEI/>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "e.xml").stat().st_mode) == 0o644


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    atomic_write(tmp_path / "e.xml", b"one")
    atomic_write(tmp_path / "e.xml", b"two")
    assert [p.name for p in tmp_path.iterdir()] == ["e.xml"]
    assert (tmp_path / "e.xml").read_bytes() == b"two"


def test_directory_in_the_way_is_a_one_line_error(tmp_path):
    (tmp_path / "e.xml").mkdir()
    with pytest.raises(TeikitError, match="cannot write") as e:
        atomic_write(tmp_path / "e.xml", b"x")
    assert e.value.exit_code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["e.xml"]


def test_a_temporary_file_left_by_a_killed_writer_is_stepped_over(tmp_path):
    # a process killed mid-write leaves its temporary file; a later process may get the
    # same pid (pids are reused), and must neither fail nor write into that file
    for n in range(3):
        (tmp_path / f".e.xml.{os.getpid()}-{n}.tmp").write_bytes(b"stale")
    atomic_write(tmp_path / "e.xml", b"new")
    assert (tmp_path / "e.xml").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "e.xml"]
    assert all(p.read_bytes() == b"stale" for p in tmp_path.glob(".*.tmp"))


def test_missing_folders_are_made(tmp_path):
    atomic_write(tmp_path / "a" / "b" / "e.xml", b"x")
    assert (tmp_path / "a" / "b" / "e.xml").read_bytes() == b"x"


def test_write_if_changed_leaves_an_identical_file_alone(tmp_path):
    from teikit.xmlio import write_if_changed
    target = tmp_path / "page.html"
    assert write_if_changed(target, b"<p>one</p>") is True
    before = target.stat()
    assert write_if_changed(target, b"<p>one</p>") is False
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert write_if_changed(target, b"<p>two</p>") is True  # same size, other bytes
    assert target.read_bytes() == b"<p>two</p>"


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_atomic_write_into_a_device_keeps_the_device(tmp_path):
    # a rename onto /dev/null (run as root) would leave a plain file in its place
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    atomic_write(null, b"<TEI/>")
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert list(tmp_path.iterdir()) == [null]


def test_atomic_write_into_a_pipe_writes_into_it(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write(fifo, b"<TEI/>")
    reader.join(5)
    assert got == [b"<TEI/>"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
