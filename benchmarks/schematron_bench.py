"""CPU of the Schematron step alone: tei_all's embedded rules over a folder of documents.

    PYTHONPATH=src python benchmarks/schematron_bench.py [FOLDER...]

Parsing and the element-name pass (shared with RelaxNG) are done before timing; the figure
is the best of three runs of ``validate`` over all documents, in process CPU seconds.  A
script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from lxml import etree

from teikit.files import xml_files
from teikit.validate import document, schematron

ROOT = Path(__file__).resolve().parents[1]
TEI_ALL = ROOT / ".." / "shared" / "schemas" / "tei" / "tei_all.rng"
DEFAULT = ROOT / ".." / "shared" / "corpora" / "gerdracor-sample" / "tei"


def main() -> int:
    if not TEI_ALL.is_file():
        print(f"no {TEI_ALL}", file=sys.stderr)
        return 2
    start = time.process_time()
    sch = schematron.embedded(etree.parse(str(TEI_ALL)).getroot(), "tei_all.rng")
    load = time.process_time() - start
    docs = [document.from_file(f) for f in xml_files([Path(p) for p in sys.argv[1:]]
                                                       or [DEFAULT])]
    for d in docs:
        d.tags  # noqa: B018 - the vocabulary pass belongs to RelaxNG as much as to Schematron
    times, found = [], 0
    for _ in range(3):
        start = time.process_time()
        found = sum(len(sch.validate(d)) for d in docs)
        times.append(time.process_time() - start)
    print(f"load {load:.2f} s CPU; Schematron step {min(times):.2f} s CPU (best of 3) on "
          f"{len(docs)} files; {found} diagnostics; {len(sch.patterns)} of {sch.total} "
          f"patterns run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
