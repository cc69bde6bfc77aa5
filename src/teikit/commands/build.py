"""``teikit build [DIR]``: convert, validate and render a whole project, incrementally."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from teikit.build import project as projects
from teikit.build.progress import Progress
from teikit.build.runner import Options, build
from teikit.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build", help="build a project: sources → TEI editions → validation → HTML and text",
        description="Take the project in DIR (default: the current folder; see teikit.toml) "
        "from its sources to a published edition: convert each source into tei/, validate "
        "every edition, render HTML pages and text editions into output/. Only what changed "
        "since the last build is redone. Exit code 1 when a document failed.")
    p.add_argument("folder", nargs="?", default=Path("."), type=Path, metavar="DIR")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: all cores)")
    p.add_argument("--force", action="store_true",
                   help="redo everything, and reconvert editions edited by hand "
                        "(their edits are lost)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print nothing but failures")
    p.add_argument("-v", "--verbose", action="store_true", help="also list informational notes")
    p.add_argument("--watch", action="store_true",
                   help="stay running and rebuild whenever an input changes (Ctrl-C stops)")
    p.add_argument("--interval", type=float, default=1.0, metavar="SECONDS",
                   help="with --watch: how often to look for changes (default 1)")
    p.add_argument("--max-builds", type=int, metavar="N",
                   help="with --watch: stop after N builds (for scripts and tests)")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="with --watch: stop after this many seconds")
    p.set_defaults(func=run)


def _once(project: projects.Project, args: argparse.Namespace) -> int:
    progress = Progress(sys.stderr, quiet=args.quiet, verbose=args.verbose)
    summary = build(project, Options(jobs=args.jobs, force=args.force), progress)
    for line in summary.failure_lines():
        print(line, file=sys.stderr)
    if not args.quiet:
        for line in summary.lines():
            print(line, file=sys.stderr)
    return 1 if summary.failed else 0


def run(args: argparse.Namespace) -> int:
    if args.jobs < 0:
        raise UsageError("-j must be 0 (all cores) or a positive number")
    jobs = args.jobs or os.cpu_count() or 1
    args.jobs = jobs
    if not args.watch:
        return _once(projects.load(args.folder), args)
    from teikit.build.watch import watch
    if not args.quiet:
        print(f"teikit: watching {args.folder} (Ctrl-C stops)", file=sys.stderr)
    return watch(args.folder, lambda: projects.load(args.folder), lambda p: _once(p, args),
                 interval=args.interval, max_builds=args.max_builds, timeout=args.timeout)
