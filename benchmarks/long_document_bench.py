"""Validation time of one long edition: does it grow in proportion to the document?

    PYTHONPATH=src python benchmarks/long_document_bench.py [--sizes 1000,2000,4000,8000]

For each N, makes an edition from the FRUS seed edition (``tei/frus-d169.xml``) whose
document holds N paragraphs, each with a numbered footnote and followed by a page break
(a FRUS volume's worth of notes and pages in one file), and validates it with teikit's
default schemas (teikit.rng + teikit.sch) in this process, best of three.  Prints seconds
per size and the growth from one size to the next: about 2 for sizes that double means
linear; 4 quadratic.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

from lxml import etree

from teikit.validate import document, schemas
from teikit.validate.runner import check

ROOT = Path(__file__).resolve().parents[1]
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def long_edition(n: int) -> bytes:
    tree = etree.parse(str(ROOT / "tei" / "frus-d169.xml"))
    div = tree.find(f".//{TEI}div[@type='document']")
    model = next(p for p in div.iter(f"{TEI}p") if p.find(f"{TEI}note") is not None)
    first = int(model.find(f"{TEI}note").get("n"))
    for el in list(div):
        if el.tag in (f"{TEI}p", f"{TEI}closer", f"{TEI}pb"):
            div.remove(el)
    for i in range(n):
        p = copy.deepcopy(model)
        note = p.find(f"{TEI}note")
        note.set("n", str(first + i))
        note.set(XML_ID, f"d169fn{first + i}")
        for date in p.iter(f"{TEI}date"):
            date.attrib.pop("when", None)  # one shared date repeated N times is no test
        pb = etree.SubElement(p, f"{TEI}pb", n=str(1000 + i))
        pb.tail = None
        div.append(p)
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    args = parser.parse_args()
    validators = schemas.load_all(None)
    previous = None
    for n in (int(s) for s in args.sizes.split(",")):
        data = long_edition(n)
        best, problems = float("inf"), []
        for _ in range(3):
            start = time.process_time()
            problems = check(document.from_bytes(data, f"long-{n}.xml"), validators)
            best = min(best, time.process_time() - start)
        growth = f"  ×{best / previous:.1f}" if previous else ""
        print(f"N = {n:>6}: {len(data) / 1e6:5.1f} MB, {best:6.2f} s{growth}, "
              f"{len(problems)} problem(s)", flush=True)
        previous = best
    return 0


if __name__ == "__main__":
    sys.exit(main())
