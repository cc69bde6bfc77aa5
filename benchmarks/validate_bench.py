"""teikit validate against tei_all, side by side with jing, in one run.

    PYTHONPATH=src python benchmarks/validate_bench.py [--repeat N] [--agree] [--steps] [FOLDER...]

Without folders it measures issue 15's three cases and prints teikit's time, jing's and
their ratio (target in brackets); ``--steps`` prints instead, for the folders (default: the
GerDraCor sample), the CPU time of each step of validation in one process:

* one seed edition (tei/*.xml) as a whole ``teikit validate`` process (≤ 0.3 s);
* the GerDraCor sample (../shared/corpora/gerdracor-sample/tei) with ``-j 2`` (< jing);
* the Parla-CLARIN sample (../shared/corpora/parlaclarin-siparl), with ``-j 1`` and ``-j 2``
  (< jing).

teikit's time is the whole process (start-up, schema loading, grammar compilation, the
embedded Schematron); jing runs once on all files of a case (one JVM), without the Debian
wrapper's XInclude expansion, so that both validate the same bytes (the wrapper's time, which
also validates every included file again, is printed for the XInclude case).  Each figure is
the best of ``--repeat`` runs (the machine is shared).  ``--agree`` also compares teikit's
RelaxNG verdict and first error line with jing's on every file (an incomplete element counted
at its end tag, where jing reports it) and lists the files that differ.

A script, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from teikit.files import xml_files
from teikit.validate import document, jing, runner, schemas

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
TEI_ALL = SHARED / "schemas" / "tei" / "tei_all.rng"
CASES = [  # (label, paths, -j, target)
    ("seed edition", sorted((ROOT / "tei").glob("*.xml"))[:1], 1, "<= 0.3 s"),
    ("GerDraCor sample", [SHARED / "corpora" / "gerdracor-sample" / "tei"], 2, "< jing"),
    ("Parla-CLARIN sample", [SHARED / "corpora" / "parlaclarin-siparl"], 1, "< jing"),
    # both cores, as for GerDraCor (jing's JVM uses both for its own start-up and GC)
    ("Parla-CLARIN sample", [SHARED / "corpora" / "parlaclarin-siparl"], 2, "< jing"),
]


def best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def teikit_run(paths: list[Path], jobs: int) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "teikit", "validate", "-q", "-j", str(jobs), "--schema",
           str(TEI_ALL.resolve()), *map(str, paths)]
    return subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)


def measure(label: str, paths: list[Path], jobs: int, target: str, repeat: int) -> None:
    files = xml_files(paths)
    size = sum(f.stat().st_size for f in files) / 1e6
    t_teikit = best(lambda: teikit_run(paths, jobs), repeat)
    line = (f"{label:22} {len(files):4} files {size:6.1f} MB  teikit -j {jobs} "
            f"{t_teikit:6.2f} s")
    if jing.available():
        t_jing = best(lambda: jing.run(TEI_ALL, files, xinclude=False), repeat)
        line += f"  jing {t_jing:6.2f} s  ratio {t_teikit / t_jing:4.2f}"
        if any(b"xi:include" in f.read_bytes() for f in files):
            t_wrap = best(lambda: jing.run(TEI_ALL, files, xinclude=True), repeat)
            line += f"  (jing expanding XInclude {t_wrap:.2f} s)"
    print(line + f"  [target {target}]", flush=True)


def agree(files: list[Path]) -> int:
    """Files whose first error line (or verdict) differs between teikit and jing."""
    expected = jing.first_error_lines(TEI_ALL, files)
    grammar = list(schemas.load(TEI_ALL.resolve())[:1])
    names, atts = document.names_in_files(files)
    grammar[0].grammars.for_names(names, atts)
    differ = 0
    for f in files:
        errors = [d for d in runner.check_file(f, grammar).diagnostics if d.severity == "error"]
        text = f.read_text(encoding="utf-8")
        lines = [jing.end_tag_line(text, d.line, d.col) if jing.INCOMPLETE in d.message else d.line
                 for d in errors]
        got = min(lines) if lines else None
        if got != expected[f.resolve()]:
            differ += 1
            print(f"  differs: {f}: jing {expected[f.resolve()]}, teikit {got}")
    print(f"first error line (or validity) as jing's: {len(files) - differ} of {len(files)}")
    return differ




def steps(paths: list[Path]) -> None:
    """CPU time of each step teikit takes, in one process, over all files."""
    def timed(label: str, call):
        start = time.process_time()
        out = call()
        print(f"  {label:34} {time.process_time() - start:6.3f} s CPU", flush=True)
        return out

    files = xml_files(paths)
    validators = timed("load tei_all (grammar + Schematron)",
                       lambda: schemas.load(TEI_ALL.resolve()))
    rng = validators[0]
    timed("name scan + specialise + compile", lambda: rng.prepare(files))
    totals: dict[str, float] = {}
    for f in files:
        _time_file(f, rng, validators[1:], totals)
    for label, spent in totals.items():
        print(f"  {label:34} {spent:6.3f} s CPU")
    print(f"  grammars compiled: {rng.grammars.compiled}")


def _time_file(path: Path, rng, rules: tuple, totals: dict[str, float]) -> None:
    def timed(label: str, call) -> None:
        start = time.process_time()
        call()
        totals[label] = totals.get(label, 0.0) + time.process_time() - start

    doc = None

    def parse() -> None:
        nonlocal doc
        doc = document.from_file(path)

    timed("read + parse", parse)
    timed("names per document", lambda: (doc.tags, doc.attributes))
    timed("duplicate ids, xi:include", lambda: runner.duplicate_ids(doc) + runner._xincludes(doc))
    timed("RelaxNG (libxml2)", lambda: rng.validate(doc))
    timed("embedded Schematron", lambda: [v.validate(doc) for v in rules])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--agree", action="store_true")
    ap.add_argument("--steps", action="store_true")
    args = ap.parse_args()
    if not TEI_ALL.is_file():
        print(f"no {TEI_ALL}", file=sys.stderr)
        return 2
    if args.steps:
        steps(args.folders or CASES[1][1])
        return 0
    cases = ([(str(f), [f], args.jobs, "< jing") for f in args.folders] if args.folders
             else CASES)
    for label, paths, jobs, target in cases:
        measure(label, paths, jobs, target, args.repeat)
    if args.agree and jing.available():
        files = [f for _, paths, _, _ in cases for f in xml_files(paths)]
        return 1 if agree(files) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
