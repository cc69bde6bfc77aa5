"""Validate a folder of editions with teikit and, when installed, with jing; print both times.

    PYTHONPATH=src python benchmarks/validate_bench.py FOLDER [--schema tei_all.rng] [-j N]

A script, not a test: timings depend on the machine.  teikit's time includes compiling the
schema once per process (and once per worker with -j); jing runs once on all files (one JVM).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from teikit.files import xml_files
from teikit.validate import jing, runner

DEFAULT_SCHEMA = Path(__file__).resolve().parents[1] / ".." / "shared" / "schemas" / "tei" / \
    "tei_all.rng"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA)
    ap.add_argument("-j", "--jobs", type=int, default=1)
    args = ap.parse_args()
    files = xml_files([args.folder])
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {size:.1f} MB, schema {args.schema.name}")

    start = time.perf_counter()
    cmd = [sys.executable, "-m", "teikit", "validate", "-q", "-j", str(args.jobs),
           "--schema", str(args.schema), str(args.folder)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    bad = {line.split(":", 1)[0] for line in proc.stdout.splitlines()
           if ": error: " in line}
    print(f"teikit (whole process, -j {args.jobs}): {took:.1f} s, {len(bad)} invalid files")

    if not jing.available():
        print("jing: not installed (apt-get install jing)")
        return 0
    start = time.perf_counter()
    _, found = jing.run(args.schema, files)
    took = time.perf_counter() - start
    jing_bad = {f for f, *_ in found}
    print(f"jing (one JVM): {took:.1f} s, {len(jing_bad)} invalid files")
    grammar_bad = _grammar_only(files, args.schema)
    # jing names files by absolute path, teikit as given: compare the files, not the names
    agree = len(files) - len({Path(f).resolve() for f in grammar_bad}
                             ^ {Path(f).resolve() for f in jing_bad})
    print(f"grammar verdicts agreeing with jing: {agree} of {len(files)}")
    return 0


def _grammar_only(files: list[Path], schema: Path) -> set[str]:
    """Files teikit's RelaxNG part rejects (jing does not run the embedded Schematron)."""
    from teikit.validate import schemas

    grammar = list(schemas.load(schema.resolve())[:1])
    return {str(f) for f in files if not runner.check_file(f, grammar).valid}


if __name__ == "__main__":
    sys.exit(main())
