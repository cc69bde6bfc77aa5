"""Score every sample folder in one run and print one per-metric table.

    python benchmarks/score_all.py [--shared ../shared] [--jobs N] [--verbose] [--tei-all]

Runs ``score_frus.py``, ``score_wilson.py`` and ``score_transcripts.py`` from
``SHARED/tools`` on their default sample folders (plus the FRUS fixtures in
``tests/fixtures/frus``), each with ``teikit convert {input} -o -``, and prints, for every
source kind and metric, ``num/den``, the percentage and the target of issue 16 where it sets
one.  A change to a reader or rule shows its effect on every kind at once: a gain on one kind
that costs another is visible in the same table.  ``--tei-all`` also converts every sample
into a temporary folder and validates the editions against ``tei_all.rng``.

Exit status 0 when every target is met, 1 otherwise (2 when a scorer could not run), so the
script can gate a change locally; it is not a test (scores are not asserted in the suite).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Issue 16's targets on the development samples (percent); metrics without one are shown
# for information.  dateline_date is diagnostic (the FRUS page text rarely shows datelines).
TARGETS: dict[str, dict[str, float]] = {
    "frus": {"notes_anchor": 99.5, "notes_text": 99.5, "pb": 99.5, "text": 100.0,
             "paragraphs": 97.0},
    "wilson": {"speaker_turns": 99.0, "no_false_speakers": 100.0, "foreign_terms": 95.0,
               "text_conservation": 100.0},
    "transcripts": {"speaker_turns": 97.0, "no_false_speakers": 100.0,
                    "text_conservation": 100.0},
}


@dataclass(frozen=True)
class Run:
    kind: str          # key into TARGETS
    label: str         # row label in the table
    scorer: str        # file name under SHARED/tools
    samples: Path | None  # None: the scorer's default folder


def runs(shared: Path) -> list[Run]:
    found = [
        Run("frus", "frus", "score_frus.py", None),
        Run("wilson", "wilson", "score_wilson.py", None),
        Run("transcripts", "transcripts", "score_transcripts.py", None),
    ]
    fixtures = ROOT / "tests" / "fixtures" / "frus"
    if fixtures.is_dir():
        found.insert(1, Run("frus", "frus-fixtures", "score_frus.py", fixtures))
    return found


def score(run: Run, shared: Path, jobs: int, verbose: bool, out: Path) -> dict:
    report = out / f"{run.label}.json"
    cmd = [sys.executable, str(shared / "tools" / run.scorer), "--json", str(report),
           "--jobs", str(jobs), "--convert", f"{shutil.which('teikit') or 'teikit'} convert "
           "{input} -o -"]
    if run.samples is not None:
        cmd += ["--samples", str(run.samples)]
    if verbose:
        cmd.append("--verbose")
    proc = subprocess.run(cmd, capture_output=not verbose, text=True, check=False)
    if not report.exists():
        tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-1:] if not verbose else []
        raise RuntimeError(f"{run.scorer} gave no report: {' '.join(tail)}")
    return json.loads(report.read_text(encoding="utf-8"))


def table(results: list[tuple[Run, dict]]) -> tuple[list[str], bool]:
    lines = [f"{'kind':<14} {'metric':<20} {'score':>9} {'%':>7} {'target':>7}  "]
    all_met = True
    for run, data in results:
        targets = TARGETS[run.kind] if run.samples is None else {}
        for metric, cell in data["summary"].items():
            if not cell["den"]:
                continue
            target = targets.get(metric)
            mark = ""
            if target is not None:
                met = cell["pct"] + 1e-9 >= target
                all_met &= met
                mark = "ok" if met else "MISSED"
            shown = f"{target:.1f}" if target is not None else ""
            lines.append(f"{run.label:<14} {metric:<20} {cell['num']:>4}/{cell['den']:<4} "
                         f"{cell['pct']:>7.1f} {shown:>7}  {mark}")
        failures = len(data.get("failures") or [])
        lines.append(f"{run.label:<14} {'overall':<20} {'':>9} {data['overall']:>7.1f}"
                     f"{'':>9}{f'  ({failures} failed)' if failures else ''}")
    return lines, all_met


def tei_all_check(shared: Path, out: Path) -> tuple[str, bool]:
    """Convert every sample and validate all editions against tei_all in one process."""
    schema = shared / "schemas" / "tei" / "tei_all.rng"
    editions = out / "editions"
    sources = sorted([*(shared / "samples" / "frus").glob("*/*.txt"),
                      *(shared / "samples" / "wilson").glob("*.md"),
                      *(shared / "samples" / "transcripts").glob("*.txt")])
    teikit = shutil.which("teikit") or "teikit"
    for i, source in enumerate(sources):
        # FRUS ids repeat across volumes: one folder per source keeps every edition
        target = editions / f"{i:04d}"
        subprocess.run([teikit, "convert", str(source), "-o", str(target), "--no-validate"],
                       capture_output=True, check=False)
    proc = subprocess.run([teikit, "validate", "-q", "--schema", str(schema), str(editions)],
                          capture_output=True, text=True, check=False)
    written = len(list(editions.rglob("*.xml")))
    errors = [line for line in proc.stdout.splitlines() if ": error: " in line]
    ok = proc.returncode == 0 and written == len(sources)
    return (f"tei_all: {written}/{len(sources)} samples converted, "
            f"{'all valid' if proc.returncode == 0 else f'{len(errors)} error(s)'}"
            + ("" if not errors else f"; first: {errors[0]}")), ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--jobs", "-j", type=int, default=2)
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="let each scorer print its per-document table and differences")
    ap.add_argument("--tei-all", action="store_true",
                    help="also validate every converted sample against tei_all.rng")
    args = ap.parse_args()
    if not (args.shared / "tools").is_dir():
        print(f"score_all: no scorers in {args.shared / 'tools'}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="teikit-scores-") as tmp:
        out = Path(tmp)
        results = []
        for run in runs(args.shared):
            try:
                results.append((run, score(run, args.shared, args.jobs, args.verbose, out)))
            except RuntimeError as exc:
                print(f"score_all: {exc}", file=sys.stderr)
                return 2
        lines, all_met = table(results)
        print("\n".join(lines))
        if args.tei_all:
            line, ok = tei_all_check(args.shared, out)
            print(line)
            all_met &= ok
    print("all targets met" if all_met else "some targets missed")
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
