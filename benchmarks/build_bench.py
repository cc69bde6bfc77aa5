"""Build a synthetic corpus with ``teikit build`` and report where the time goes.

    PYTHONPATH=src python benchmarks/build_bench.py [--sizes 100,1000,10000] [-j 2]

For each N, writes N source documents generated from the seeds and the development samples
(``../shared/seeds``, ``../shared/samples``) into a temporary project — paragraphs shuffled,
names, numbers and dates changed, so no two documents are alike but each keeps the layout
of its model — then, each in a fresh process:

* a full build (convert + validate + HTML + text), documents/second per stage;
* a rebuild with nothing to do;
* a rebuild after one source changed;
* with ``--formats pdf,epub``: the print formats too (then a second no-op rebuild, and no
  floor or forced rebuild);
* the floor: lxml parse + serialise of the same editions (one process);
* a forced rebuild (``--force``: every document redone).

``--seeds-only`` generates from the two seeds alone: seed-sized documents (≈ 5 kB), the
measure of the ≥ 200 documents/s target.

Peak memory is the largest resident set of the build process and of any worker
(``resource.getrusage``).  Compare with ../shared/PEER-BASELINE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
WORKDIR = Path(__file__).resolve().parents[1] / "build" / "bench"

NAMES = ["Gorbachev", "Reagan", "Brezhnev", "Andropov", "Chernenko", "Shultz", "Haig",
         "Kissinger", "Gromyko", "Stalin", "Mao", "Zhou", "Kosygin", "Vance", "Brzezinski",
         "Dobrynin", "Scanlan", "Gauss", "Soong", "Mikoyan"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
from teikit.build import project, runner
from teikit.build.progress import Progress
root, jobs, force = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "force"
start = time.perf_counter()
s = runner.build(project.load(root), runner.Options(jobs=jobs, force=force),
                 Progress(quiet=True))
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "times": s.times, "documents": s.documents,
    "converted": s.converted, "validated": s.validated, "rendered": s.rendered,
    "up_to_date": s.up_to_date, "failed": s.failed, "pages": s.pages_written,
    "failures": [(n, [d.format() for d in ds][:3]) for n, ds in s.failures[:3]],
    "cpu": time.process_time() + sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
    "sys": sum(resource.getrusage(w).ru_stime for w in (resource.RUSAGE_SELF,
                                                        resource.RUSAGE_CHILDREN)),
    "load": os.getloadavg()[0],
    "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

FLOOR = r"""
import json, sys, time
from pathlib import Path
from lxml import etree
files = sorted(Path(sys.argv[1]).glob("*.xml"))
start = time.perf_counter()
for f in files:
    etree.tostring(etree.parse(str(f)), encoding="UTF-8", xml_declaration=True)
print(json.dumps({"wall": time.perf_counter() - start}))
"""


def valid(path: Path) -> bool:
    """Whether the model's own edition is valid (a model that is not would only measure
    failing)."""
    from teikit.convert import convert_file
    from teikit.validate import validate_bytes
    data = convert_file(path).data
    return not any(d.severity == "error" for d in validate_bytes(data, path.name))


def templates(seeds_only: bool = False) -> list[tuple[str, str]]:
    """(kind, text) of every valid model document: the seeds, then (unless ``seeds_only``)
    the Wilson Center records and FRUS page texts of the development samples."""
    out = []
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        out.append(("seed", p.read_text(encoding="utf-8")))
    if seeds_only:
        return out
    for p in sorted((SHARED / "samples" / "wilson").glob("wca_*.md")):
        text = p.read_text(encoding="utf-8")
        if re.search(r"/(?:document|node)/\d+", text):  # its edition id comes from the URL
            out.append(("wilson", text))
    for p in sorted((SHARED / "samples" / "frus").glob("*/d*.txt")):
        if valid(p):
            out.append(("frus", p.read_text(encoding="utf-8")))
    return out


def _shuffle_body(text: str, rng: random.Random) -> str:
    """Shuffle the long paragraphs of the body among themselves (the head, short lines,
    signatures and notes stay where they are)."""
    if "[Page" in text:  # page breaks must keep ascending
        return text
    blocks = text.split("\n\n")
    movable = [i for i, b in enumerate(blocks) if i > 6 and len(b) > 200 and
               not re.match(r"\s*\d+\.\s", b) and "[Page" not in b
               and not re.search(r"[a-z.,”\"]\d{1,2}\b", b)]
    picked = [blocks[i] for i in movable]
    rng.shuffle(picked)
    for i, b in zip(movable, picked, strict=True):
        blocks[i] = b
    return "\n\n".join(blocks)


def vary(kind: str, text: str, n: int, rng: random.Random) -> str:
    swap = dict(zip(rng.sample(NAMES, 6), rng.sample(NAMES, 6), strict=True))
    text = re.sub(r"\b(" + "|".join(map(re.escape, swap)) + r")\b",
                  lambda m: swap[m.group(1)], text)
    text = re.sub(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})\b",
                  lambda m: f"{m.group(1)} {rng.randint(1, 28)}", text)
    text = re.sub(r"\b(\d{2,3}) (percent|million|miles|divisions|tanks)\b",
                  lambda m: f"{rng.randint(10, 990)} {m.group(2)}", text)
    text = _shuffle_body(text, rng)
    if kind == "frus" or (kind == "seed" and re.match(r"\s*\d+\. ", text)):
        return re.sub(r"\A(\s*)\d+\.(?= [A-Z])", lambda m: f"{m.group(1)}{1000 + n}.", text,
                      count=1)
    return re.sub(r"/(document|node)/\d+", lambda m: f"/{m.group(1)}/{500000 + n}", text)


def generate(root: Path, n: int, seed: int = 1, seeds_only: bool = False,
             formats: str = "") -> int:
    rng = random.Random(seed)
    models = templates(seeds_only)
    (root / "sources").mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(n):
        kind, text = models[i % len(models)]
        data = vary(kind, text, i, rng).encode("utf-8")
        (root / "sources" / f"doc{i:05d}.txt").write_bytes(data)
        size += len(data)
    (root / "teikit.toml").write_text(
        '[edition]\ntitle = "Synthetic corpus"\n\n[[sources]]\nglob = "sources/*.txt"\n'
        'reader = "auto"\n' + _formats(formats), encoding="utf-8")
    return size


def _formats(formats: str) -> str:
    if not formats:
        return ""
    names = ", ".join(f'"{f}"' for f in ["html", "text", *formats.split(",")])
    return f"\n[build]\nformats = [{names}]\n"


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(label: str, n: int, r: dict) -> None:
    per_stage = "  ".join(f"{s} {r['times'][s]:.2f}s ({n / r['times'][s]:.0f}/s)"
                          for s in ("convert", "validate", "render", "pages")
                          if r["times"].get(s))
    print(f"  {label:<18} {r['wall']:7.2f}s wall  {n / r['wall']:7.0f} docs/s; "
          f"CPU {r['cpu']:.2f}s ({r['sys']:.2f}s kernel) in all processes = "
          f"{2 * n / max(r['cpu'], 1e-9):.0f} docs/s "
          f"on 2 idle cores (load average {r['load']:.1f})\n  {'':<18} "
          f"conv {r['converted']} val {r['validated']} rend {r['rendered']} "
          f"up-to-date {r['up_to_date']} failed {r['failed']} pages {r['pages']}\n"
          f"  {'':<18} stage CPU time (summed over workers): {per_stage}\n"
          f"  {'':<18} peak RSS: build process {r['rss_main']:.0f} MB, "
          f"largest worker {r['rss_worker']:.0f} MB", flush=True)
    for name, diags in r["failures"]:
        print(f"  {'':<18} FAILED {name}: {diags}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="comma-separated N (default "
                        "100,1000; add 10000 for the large run)")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=WORKDIR,
                        help="where the temporary projects go (default: build/bench in the "
                        "checkout — /tmp can be much slower at creating files)")
    parser.add_argument("--seeds-only", action="store_true",
                        help="generate from the two seeds alone (seed-sized documents, "
                        "≈ 5 kB) instead of the seeds and all development samples")
    parser.add_argument("--formats", default="",
                        help="print formats built besides HTML and text, e.g. pdf,epub "
                        "(then the floor and the forced rebuild are left out)")
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(f"{SHARED} not found", file=sys.stderr)
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    # One folder for every size, removed at the end: on ext4 without a journal, creating
    # files costs several times more for a minute or more after many files were deleted
    # (the inode allocator steps over recently freed inodes), so removing one corpus
    # before building the next would bill the next build for the benchmark's own clean-up.
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            measure(Path(tmp) / f"n{n}", n, args.jobs, args.seeds_only, args.formats)
    return 0


def measure(root: Path, n: int, jobs: int, seeds_only: bool, formats: str = "") -> None:
    start = time.perf_counter()
    size = generate(root, n, seeds_only=seeds_only, formats=formats)
    # the sources of a real project were written long ago: flush the generator's files
    # now, or the build pays for their writeback
    os.sync()
    print(f"N = {n}: {size / 1e6:.1f} MB of sources ({size / n / 1e3:.1f} kB each), "
          f"generated in {time.perf_counter() - start:.1f}s; -j {jobs}", flush=True)
    full = child(CHILD, str(root), str(jobs), "")
    report("full build", n, full)
    report("no-op rebuild", n, child(CHILD, str(root), str(jobs), ""))
    one = root / "sources" / "doc00003.txt"
    head, _, last = one.read_text(encoding="utf-8").rpartition("\n\n")
    one.write_text(f"{head}\n\nAn editor's correction.\n\n{last}", encoding="utf-8")
    report("one source changed", n, child(CHILD, str(root), str(jobs), ""))
    if formats:
        report("no-op rebuild", n, child(CHILD, str(root), str(jobs), ""))
        return
    floor = child(FLOOR, str(root / "tei"))
    print(f"  {'floor':<18} {floor['wall']:7.2f}s wall  {n / floor['wall']:7.0f} docs/s"
          f"  (lxml parse + serialise, one process); full build / floor = "
          f"{full['wall'] / floor['wall']:.1f}", flush=True)
    # last: of all the runs it is the one that may replace files (and so free inodes)
    report("forced rebuild", n, child(CHILD, str(root), str(jobs), "force"))


if __name__ == "__main__":
    sys.exit(main())
