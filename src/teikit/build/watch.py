"""``teikit build --watch``: rebuild whenever an input changes.

Polls modification times (no new dependency, works on every file system, network mounts
included): the sources, the editions, ``teikit.toml`` and the project's templates and
stylesheets.  The snapshot is taken after each build, so the build's own writes to ``tei/``
do not trigger another.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from teikit.build.project import CONFIG, Project
from teikit.build.runner import discover_editions, discover_sources
from teikit.errors import TeikitError


def _stats(paths: list[Path]) -> tuple:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            continue
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def snapshot(root: Path, project: Project | None) -> tuple:
    """(path, mtime_ns, size) of every input of a build: ``teikit.toml`` always, and the
    sources, editions, templates, stylesheets and schemas of the last project that loaded."""
    paths = [root / CONFIG]
    if project is not None:
        sources, _ = discover_sources(project)
        paths += [project.root / s for s, _ in sources]
        paths += [project.root / e for e in discover_editions(project)]
        for extra in (project.templates, project.xslt_html, project.xslt_text,
                      *project.schemas):
            if extra:
                p = project.root / extra
                paths.extend(sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir()
                             else [p])
    return _stats(paths)


def watch(root: Path, load: Callable[[], Project], build: Callable[[Project], int],
          interval: float = 1.0, max_builds: int | None = None,
          timeout: float | None = None, on_wait: Callable[[], None] | None = None) -> int:
    """Build, then rebuild on every change; stop after ``max_builds`` builds or ``timeout``
    seconds (for scripts and tests), or on Ctrl-C.  A broken ``teikit.toml`` is reported
    and watched until it is fixed.  Returns the last build's exit code."""
    started = time.monotonic()
    project: Project | None = None

    def attempt() -> int:
        nonlocal project
        try:
            project = load()
            return build(project)
        except TeikitError as e:
            print(f"teikit: {e}", file=sys.stderr)
            return e.exit_code

    code = attempt()
    builds = 1
    seen = snapshot(root, project)
    while max_builds is None or builds < max_builds:
        if timeout is not None and time.monotonic() - started > timeout:
            break
        if on_wait is not None:
            on_wait()
        time.sleep(interval)
        try:
            current = load()
        except TeikitError:
            current = project  # the last good one says which files to look at
        if snapshot(root, current) != seen:
            code = attempt()
            builds += 1
            seen = snapshot(root, project)
    return code
