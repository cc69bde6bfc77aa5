"""``teikit build --watch``: rebuild whenever an input changes.

Polls modification times (no new dependency, works on every file system, network mounts
included): the sources, the editions, ``teikit.toml`` and the project's templates and
stylesheets.  The snapshot is taken after each build, so the build's own writes to ``tei/``
do not trigger another.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from teikit.build.project import CONFIG, Project
from teikit.build.runner import discover_editions, discover_sources


def snapshot(project: Project) -> tuple:
    """(path, mtime_ns, size) of every input of a build."""
    sources, _ = discover_sources(project)
    paths = [project.root / CONFIG] + [project.root / s for s, _ in sources] + \
        [project.root / e for e in discover_editions(project)]
    for extra in (project.templates, project.xslt_html, project.xslt_text, *project.schemas):
        if extra:
            p = project.root / extra
            paths.extend(sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p])
    out = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            continue
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def watch(load: Callable[[], Project], build: Callable[[Project], int],
          interval: float = 1.0, max_builds: int | None = None,
          timeout: float | None = None, on_wait: Callable[[], None] | None = None) -> int:
    """Build, then rebuild on every change; stop after ``max_builds`` builds or ``timeout``
    seconds (for scripts and tests), or on Ctrl-C.  Returns the last build's exit code."""
    started = time.monotonic()
    project = load()
    code = build(project)
    builds = 1
    seen = snapshot(project)
    while max_builds is None or builds < max_builds:
        if timeout is not None and time.monotonic() - started > timeout:
            break
        if on_wait is not None:
            on_wait()
        time.sleep(interval)
        project = load()
        now = snapshot(project)
        if now != seen:
            code = build(project)
            builds += 1
            seen = snapshot(project)
    return code
