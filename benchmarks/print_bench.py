"""Time the print and e-book editions (EPUB, PDFs) against the HTML site they are made from.

    PYTHONPATH=src python benchmarks/print_bench.py [PATH...] [--runs 3] [--no-pdf]

PATHs are TEI files or folders (default: the seeds' editions in tei/).  Each row is a full
``teikit.render.render`` into a fresh temporary folder, in this process: HTML only (the
articles' cost, which the books share), HTML + EPUB, PDF only (a PDF per document and the
edition's).  Prints the median wall-clock and CPU seconds and the PDFs' page count; CPU time
is the fairer figure on a busy machine.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from teikit.files import xml_files
from teikit.render import Options, render

DEFAULT = Path(__file__).resolve().parents[1] / "tei"


def timed(fn, runs: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def pages_of(pdf: Path) -> str:
    """The page count as pdfinfo (poppler-utils) states it; "?" without pdfinfo."""
    if shutil.which("pdfinfo") is None:
        return "?"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return found.group(1) if found else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF row")
    args = parser.parse_args()
    files = xml_files(args.paths)
    if not files:
        print("no TEI files found", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {size:.2f} MB, median of {args.runs} runs")
    rows = [("HTML site", ("html",)), ("HTML site + EPUB", ("html", "epub"))]
    if not args.no_pdf:
        rows.append(("PDFs (each document + edition)", ("pdf",)))
    for label, formats in rows:
        kept: dict[str, object] = {}

        def run(formats=formats, kept=kept) -> None:
            with tempfile.TemporaryDirectory() as out:
                render(files, Options(output=Path(out), formats=formats, title="benchmark"))
                if "pdf" in formats:
                    kept["pages"] = pages_of(Path(out) / "edition.pdf")
                if "epub" in formats:
                    kept["epub"] = (Path(out) / "edition.epub").stat().st_size

        wall, cpu = timed(run, args.runs)
        extra = ""
        if "pages" in kept:
            extra = f"  ({kept['pages']} pages in edition.pdf)"
        elif "epub" in kept:
            extra = f"  (edition.epub {int(kept['epub']) / 1e3:.0f} kB)"
        print(f"  {label:<34} {wall:7.2f} s wall {cpu:7.2f} s CPU{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
