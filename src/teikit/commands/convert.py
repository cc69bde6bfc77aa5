"""``teikit convert SOURCE... [-o DIR | -o -]``: source documents → TEI editions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from teikit.editions import check_edition_id, edition_path, stamp, write_edition
from teikit.errors import TeikitError, UsageError, printable
from teikit.readers import READERS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("convert", help="convert source documents into TEI editions",
                       description="Convert source documents (Wilson Center records, FRUS "
                       "page texts, speaker-labelled transcripts, Word .docx documents) into "
                       "TEI P5 editions, one per document, named by edition id.")
    p.add_argument("sources", nargs="+", metavar="SOURCE", type=Path)
    p.add_argument("-o", "--output", default="tei", metavar="DIR",
                   help="output folder (default: tei/), or - for standard output "
                        "(one source only)")
    p.add_argument("--reader", default="auto", choices=("auto",) + READERS,
                   help="source format (default: auto, chosen from the content)")
    p.add_argument("--id", dest="doc_id", metavar="ID",
                   help="edition id (one source only; default: derived from the source)")
    p.add_argument("--force", action="store_true",
                   help="overwrite editions that were edited since teikit wrote them")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="say which reader was chosen and why, and list uncertain decisions")
    p.add_argument("--no-validate", dest="validate", action="store_false",
                   help="do not validate the editions against teikit's schemas")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 when an edition is not valid (it is written "
                        "and its problems are reported either way)")
    p.add_argument("--accept-changes", action="store_true",
                   help="Word documents: accept all tracked changes (default: keep them as "
                        "add/del)")
    p.add_argument("--drop-comments", action="store_true",
                   help="Word documents: leave comments out (default: note type=comment)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # imported here, not at the top: every command's parser is built on each start
    from teikit.convert import DocxOptions, convert_file
    from teikit.validate import validate_bytes

    to_stdout = args.output == "-"
    if (to_stdout or args.doc_id) and len(args.sources) > 1:
        raise UsageError("-o - and --id take exactly one SOURCE")
    if args.doc_id is not None:
        check_edition_id(args.doc_id, file="--id")
    if not to_stdout and Path(args.output).exists() and not Path(args.output).is_dir():
        raise UsageError("output exists and is not a folder", file=args.output)
    failed = invalid = 0
    written: dict[str, Path] = {}
    for path in args.sources:
        try:
            conv = convert_file(path, args.reader, args.doc_id,
                                options=DocxOptions(args.accept_changes, args.drop_comments))
            for d in conv.diagnostics:
                if d.severity != "info" or args.verbose:
                    print(d.format(), file=sys.stderr)
            if args.verbose:
                print(printable(f"{path}: {conv.reason}"), file=sys.stderr)
            if args.validate:
                name = f"{conv.document.id}.xml" if to_stdout else str(
                    Path(args.output) / f"{conv.document.id}.xml")
                # positions must match the bytes the editor will open: files carry the
                # fingerprint line, standard output does not
                problems = validate_bytes(conv.data if to_stdout else stamp(conv.data), name)
                for d in problems:
                    print(d.format(), file=sys.stderr)
                invalid += any(d.severity == "error" for d in problems)
            if to_stdout:
                sys.stdout.buffer.write(conv.data)
                sys.stdout.flush()
                continue
            doc_id = conv.document.id
            if doc_id in written:
                raise TeikitError(f"edition id {doc_id!r} also produced by {written[doc_id]}; "
                                  "give one of them another id with --id", file=str(path))
            written[doc_id] = path
            target = edition_path(Path(args.output), doc_id, file=str(path))
            outcome = write_edition(target, conv.data, force=args.force)
            if args.verbose or outcome == "written":
                print(printable(f"{path} -> {target} ({outcome})"), file=sys.stderr)
        except TeikitError as e:
            if len(args.sources) == 1:
                raise
            print(f"teikit: {e}", file=sys.stderr)
            failed += 1
    if invalid:
        print(f"teikit: {invalid} edition(s) not valid against teikit's schemas",
              file=sys.stderr)
    if failed:
        print(f"teikit: {failed} of {len(args.sources)} sources failed", file=sys.stderr)
    return 1 if failed or (invalid and args.strict) else 0
