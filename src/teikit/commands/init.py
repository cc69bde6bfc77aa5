"""``teikit init DIR``: scaffold a project (teikit.toml, sources/, tei/, output/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teikit.build.scaffold import init


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a project folder for `teikit build`",
                       description="Create DIR (if needed) with teikit.toml, sources/, tei/ "
                       "and output/. Put source documents in sources/, then run "
                       "`teikit build DIR`.")
    p.add_argument("folder", metavar="DIR", type=Path)
    p.add_argument("--title", help="the edition's title (default: from the folder name)")
    p.add_argument("--publisher", default="teikit edition",
                   help="stated in every edition's publicationStmt")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    made = init(args.folder, args.title, args.publisher)
    for path in made:
        print(f"created {path}{'/' if path.is_dir() else ''}", file=sys.stderr)
    print(f"teikit: put sources in {args.folder / 'sources'} and run `teikit build "
          f"{args.folder}`", file=sys.stderr)
    return 0
