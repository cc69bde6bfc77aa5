"""The guard must see what it is there to see (else every hostile test passes vacuously)."""

import pytest

from hostile.guard import assert_contained, run_teikit


def test_guard_sees_a_read_of_the_secret(project, outside):
    run = run_teikit(["convert", str(outside.secret), "-o", "-"], cwd=project)
    assert outside.touched() != []
    assert run.reads() and outside.secret in run.reads()


def test_guard_sees_a_write_outside_the_output(project, outside):
    (project / "sources" / "a.txt").write_text("REAGAN: a\n\nGORBACHEV: b\n")
    run = run_teikit(["convert", "sources/a.txt", "-o", "elsewhere"], cwd=project)
    with pytest.raises(AssertionError, match="written outside"):
        assert_contained(run, outside, inputs=[project / "sources"], output=project / "tei")


def test_guard_sees_a_connection(outside):
    import socket
    host, port = outside.url.split("/")[2].split(":")
    with socket.create_connection((host, int(port))):
        pass
    assert outside.touched() == [f"connection to {outside.url}"]
