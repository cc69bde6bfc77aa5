"""Small projects for the build tests: the repository's own two editions (always there) and
the two seed sources (from ../shared, skipped without it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, shared_path
from teikit.build import project as projects
from teikit.build.progress import Progress, Summary
from teikit.build.runner import Options, build

EDITIONS = sorted((ROOT / "tei").glob("*.xml"))


def write_config(root: Path, sources: str = "", extra: str = "") -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "teikit.toml").write_text(
        f'[edition]\ntitle = "Test edition"\n{sources}\n[build]\n{extra}', encoding="utf-8")


def run(root: Path, jobs: int = 1, force: bool = False, messages: list | None = None
        ) -> Summary:
    class Collect:
        def write(self, text):
            if messages is not None and text.strip():
                messages.append(text.strip())

        def flush(self):
            pass

    return build(projects.load(root), Options(jobs=jobs, force=force),
                 Progress(Collect(), quiet=messages is None))


@pytest.fixture
def editions_project(tmp_path: Path) -> Path:
    """A project with no sources: the repository's editions copied into tei/."""
    root = tmp_path / "proj"
    write_config(root)
    (root / "tei").mkdir()
    for e in EDITIONS:
        shutil.copy(e, root / "tei" / e.name)
    return root


@pytest.fixture
def seeds_project(tmp_path: Path) -> Path:
    """A project whose sources/ holds copies of the two seed documents."""
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    root = tmp_path / "proj"
    write_config(root, '[[sources]]\nglob = "sources/*.txt"\nreader = "auto"\n')
    (root / "sources").mkdir()
    for s in seeds:
        shutil.copy(s, root / "sources" / s.name)
    return root


# pagefind/: Pagefind's index names its files by content hashes that vary between runs
# (its filter files list values in hash-map order); the pages are compared byte for byte
def tree(folder: Path, skip: tuple[str, ...] = (".teikit-build", "pagefind")
         ) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and not any(part in skip for part in p.relative_to(folder).parts)}
