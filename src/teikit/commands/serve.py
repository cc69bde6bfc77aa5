"""``teikit serve [DIR]``: preview a built project on http://127.0.0.1:PORT/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teikit.build import project as projects
from teikit.errors import TeikitError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="preview a built project in the browser",
                       description="Serve the output folder of the project in DIR "
                       "(default: the current folder) on 127.0.0.1 only. Build it first with "
                       "`teikit build`; run `teikit build --watch` beside it to rebuild on "
                       "change.")
    p.add_argument("folder", nargs="?", default=Path("."), type=Path, metavar="DIR")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from teikit.build.serve import make_server

    output = projects.load(args.folder).output_dir
    if not (output / "index.html").is_file():
        raise TeikitError("nothing to serve yet (no index.html); run `teikit build` first",
                          file=str(output), exit_code=2)
    try:
        server = make_server(output, args.port)
    except OSError as e:
        raise TeikitError(f"cannot listen on 127.0.0.1:{args.port}: {e.strerror}",
                          exit_code=2) from None
    host, port = server.server_address[:2]
    print(f"teikit: serving {output} at http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
