"""A conversion killed mid-way (SIGKILL) leaves every edition old or new, never truncated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from support import ROOT

COUNT = 30


def _source(i: int, version: str) -> str:
    turns = "\n\n".join(f"REAGAN: {version} point {i}.{k}.\n\nGORBACHEV: {version} reply {k}."
                        for k in range(400))
    return turns + "\n"


def _convert(project, out: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONDONTWRITEBYTECODE="1")
    sources = [f"sources/s{i:02d}.txt" for i in range(COUNT)]
    return subprocess.Popen([sys.executable, "-m", "teikit", "convert", *sources, "-o", out],
                            cwd=project, env=env, stderr=subprocess.DEVNULL)


def _write_sources(project, version: str) -> None:
    for i in range(COUNT):
        (project / "sources" / f"s{i:02d}.txt").write_text(_source(i, version), "utf-8")


def test_sigkill_leaves_old_or_new_editions(project):
    _write_sources(project, "old")
    assert _convert(project, "tei").wait(timeout=600) == 0
    old = {p.name: p.read_bytes() for p in (project / "tei").glob("*.xml")}
    _write_sources(project, "new")
    assert _convert(project, "reference").wait(timeout=600) == 0
    new = {p.name: p.read_bytes() for p in (project / "reference").glob("*.xml")}
    assert len(old) == len(new) == COUNT and old != new

    proc = _convert(project, "tei")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        changed = sum((project / "tei" / n).read_bytes() == new[n] for n in new)
        if changed >= COUNT // 3:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    states = {}
    for name in new:
        data = (project / "tei" / name).read_bytes()
        assert data in (old[name], new[name]), f"{name}: neither old nor new ({len(data)} B)"
        states[data == new[name]] = states.get(data == new[name], 0) + 1
    assert states.get(True) and states.get(False), f"kill did not land mid-way: {states}"
    leftovers = [p.name for p in (project / "tei").iterdir() if p.name not in new]
    assert all(n.startswith(".") and n.endswith(".tmp") for n in leftovers), leftovers
