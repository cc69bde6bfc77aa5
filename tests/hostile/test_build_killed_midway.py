"""A build killed mid-way (SIGKILL) leaves every edition and every page either the old or
the new version — never truncated — and the next build finishes the job exactly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from support import ROOT

COUNT = 40


def _source(i: int, version: str) -> str:
    turns = "\n\n".join(f"REAGAN: {version} point {i}.{k}.\n\nGORBACHEV: {version} reply {k}."
                        for k in range(150))
    return f"# Talk {i}\n\n{turns}\n"


def _build(project: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen([sys.executable, "-m", "teikit", "build", "-j", "1", "--quiet"],
                            cwd=project, env=env, stderr=subprocess.DEVNULL)


def _project(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    if not (folder / "teikit.toml").exists():
        subprocess.run([sys.executable, "-m", "teikit", "init", str(folder)], env=env,
                       check=True, capture_output=True)
    for i in range(COUNT):
        (folder / "sources" / f"s{i:02d}.txt").write_text(_source(i, version), "utf-8")
    return folder


def _files(project: Path) -> dict[str, bytes]:
    """Every edition and published file, by path (the build's own state left out)."""
    out = {}
    for top in ("tei", "output"):
        for p in (project / top).rglob("*"):
            rel = p.relative_to(project).as_posix()
            # pagefind/: replaced as a whole folder, its file names vary between runs
            if (p.is_file() and ".teikit-build" not in rel and not p.name.startswith(".")
                    and not rel.startswith("output/pagefind/")):
                out[rel] = p.read_bytes()
    return out


def test_sigkill_mid_build_leaves_old_or_new_files_and_a_rebuild_completes(tmp_path):
    project = _project(tmp_path / "project", "old")
    assert _build(project).wait(timeout=600) == 0
    old = _files(project)
    reference = tmp_path / "reference"
    shutil.copytree(project, reference)  # same configuration, same old state
    _project(reference, "new")
    assert _build(reference).wait(timeout=600) == 0
    new = _files(reference)
    assert old.keys() == new.keys() and old != new

    _project(project, "new")
    proc = _build(project)
    editions = [k for k in new if k.startswith("tei/")]
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        done = sum((project / k).read_bytes() == new[k] for k in editions)
        if done >= len(editions) // 3:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    killed = _files(project)
    fresh = 0
    for rel, data in killed.items():
        assert data in (old[rel], new[rel]), f"{rel}: neither old nor new ({len(data)} B)"
        fresh += data == new[rel]
    assert 0 < fresh < len(new), f"the kill did not land mid-way ({fresh} of {len(new)} new)"

    assert _build(project).wait(timeout=600) == 0
    assert _files(project) == new
