"""The ``teikit`` command: one sub-command per capability.

Each sub-command lives in ``teikit.commands.<name>`` and provides ``register(subparsers)``
(adds its parser, sets ``func``).  Errors of type :class:`TeikitError` end the command with
their one-line message and exit code; anything else is a bug and shows a traceback only with
``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from teikit import __version__
from teikit.errors import TeikitError

#: Sub-command modules, in the order ``teikit --help`` lists them.
COMMANDS = ("convert", "validate", "render", "init", "build", "serve")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teikit", description="Scholarly digital editions in TEI-XML.")
    parser.add_argument("--version", action="version", version=f"teikit {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show a traceback for unexpected errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"teikit.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except TeikitError as e:
        print(f"teikit: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("teikit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as e:  # noqa: BLE001 - last resort: one line unless --debug
        if args.debug:
            raise
        print(f"teikit: internal error: {type(e).__name__}: {e} (run with --debug for "
              "details)", file=sys.stderr)
        return 3
