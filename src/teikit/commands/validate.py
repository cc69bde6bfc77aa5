"""``teikit validate PATH... [--schema FILE]... [--format text|json] [-j N]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from teikit.files import xml_files


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate", help="validate TEI editions against teikit's or your schemas",
        description="Validate XML files (folders are searched for *.xml) against teikit's "
        "schemas (schemas/teikit.rng and teikit.sch) or the RelaxNG (.rng), XML Schema "
        "(.xsd, 1.0/1.1) and Schematron (.sch) files given with --schema. Also reports "
        "duplicate xml:ids, and runs the Schematron rules embedded in a RelaxNG schema such "
        "as tei_all.rng. Exit status: 0 valid, 1 invalid, 2 usage or I/O error.")
    p.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    p.add_argument("-s", "--schema", action="append", type=Path, metavar="FILE",
                   help="schema to validate against (repeatable; default: teikit's schemas)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (0: one per CPU); each compiles the schemas once")
    p.add_argument("--header-limit", type=int, default=None, metavar="N",
                   help="above N teiHeader elements, RelaxNG goes to jing (or is skipped) "
                        "(default: no limit)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="list Schematron rules that cannot be run, and valid files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # imported here, not at the top: every command's parser is built on each start
    from teikit.validate import runner, schemas

    files = xml_files(args.paths)
    schema_paths = [s.resolve() for s in args.schema] if args.schema else None
    validators = schemas.load_all(schema_paths)  # fail early (exit 2) on a bad schema
    if args.verbose:
        _print_skipped(validators)
    results = []
    for res in runner.run(files, schema_paths, args.jobs, args.header_limit):
        results.append(res)
        if args.format == "text":
            for d in res.diagnostics:
                print(d.format())
            if args.verbose and res.valid:
                print(f"{res.name}: valid", file=sys.stderr)
    if args.format == "json":
        json.dump([{"file": r.name, "valid": r.valid,
                    "diagnostics": [d.as_dict() for d in r.diagnostics]} for r in results],
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
    invalid = sum(1 for r in results if not r.valid)
    errors = sum(1 for r in results for d in r.diagnostics if d.severity == "error")
    warnings = sum(1 for r in results for d in r.diagnostics if d.severity == "warning")
    if not args.quiet:
        print(f"teikit validate: {len(results)} files, {len(results) - invalid} valid, "
              f"{invalid} invalid ({errors} errors, {warnings} warnings)", file=sys.stderr)
    if any(r.io_error for r in results):
        return 2
    return 1 if invalid else 0


def _print_skipped(validators: list) -> None:
    for v in validators:
        for pid, why in getattr(v, "skipped", []):
            print(f"{v.name}: note: pattern {pid} not run: {why}", file=sys.stderr)
