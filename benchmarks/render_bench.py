"""Render a TEI corpus and print where the time goes (compare with PEER-BASELINE.md).

    PYTHONPATH=src python benchmarks/render_bench.py [FOLDER] [--runs 3]

FOLDER defaults to ../shared/corpora/gerdracor-sample/tei (199 plays, 40.6 MB).  Prints the
median wall-clock and CPU time of the runs for: parsing alone (the floor), HTML only, text
only, and both — each a full ``teikit.render.render`` into a fresh temporary folder, in this
process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from teikit.files import xml_files
from teikit.render import Options, render
from teikit.render.units import load_units

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / \
    "gerdracor-sample" / "tei"


def timed(fn, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU time is the fairer figure on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    files = xml_files([args.folder])
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {size:.1f} MB, median of {args.runs} runs")

    def parse_all() -> None:
        for f in files:
            load_units(f)

    rows = [("parse + cut into units", parse_all)]
    for label, formats in (("TEI -> HTML (pages, index, persons)", ("html",)),
                           ("TEI -> text", ("text",)),
                           ("TEI -> HTML + text", ("html", "text"))):
        def run(formats=formats) -> None:
            with tempfile.TemporaryDirectory() as out:
                render([args.folder], Options(output=Path(out), formats=formats))
        rows.append((label, run))
    print(f"{'step':40s} {'wall':>8s} {'cpu':>8s}")
    for label, fn in rows:
        wall, cpu = timed(fn, args.runs)
        print(f"{label:40s} {wall:7.2f}s {cpu:7.2f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
