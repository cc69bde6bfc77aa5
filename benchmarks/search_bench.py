"""What the full-text search costs: Pagefind index size and build time on synthetic corpora.

    PYTHONPATH=src python benchmarks/search_bench.py [--sizes 1000,10000] [-j 2]

For each N, generates N source documents with ``build_bench.generate`` (the seeds and the
development samples, varied), builds them with ``teikit build`` (which indexes the pages),
then measures:

* the index alone: ``search.build_index`` over the N document pages as written (median of
  3 runs, wall time: Pagefind's binary runs in its own process);
* the size of ``output/pagefind/`` (files and bytes) against the size of the HTML pages;
* an incremental build after one source changed: its wall time and how much of it is the
  index — Pagefind has no incremental mode, so one changed page costs a whole index;
* the same index with Pagefind's plain binary (``pagefind[bin]``), the floor: teikit uses
  the extended one (Chinese and Japanese segmentation) when installed — its cost, as a ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_bench  # noqa: E402 - the synthetic corpus generator, next to this file

from teikit.build import project, runner  # noqa: E402
from teikit.build.progress import Progress  # noqa: E402
from teikit.render import search  # noqa: E402


def _size(folder: Path) -> tuple[int, int]:
    files = [f for f in folder.rglob("*") if f.is_file()]
    return len(files), sum(f.stat().st_size for f in files)


def _build(root: Path, jobs: int) -> tuple[float, dict]:
    start = time.perf_counter()
    summary = runner.build(project.load(root), runner.Options(jobs=jobs), Progress(quiet=True))
    return time.perf_counter() - start, {**summary.times, "pages written":
                                         summary.pages_written}


def _cli_build(root: Path, jobs: int) -> tuple[float, dict]:
    """``teikit build`` as an editor runs it, in a process of its own (an in-process build
    after the index measurements above was seen to convert every source again at 10,000
    documents, where the command itself converts only the changed one)."""
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "teikit", "build", "-j", str(jobs)], cwd=root,
                         capture_output=True, text=True)
    wall = time.perf_counter() - start
    last = [line for line in run.stderr.splitlines() if line.startswith("teikit: ")]
    return wall, {"summary": " / ".join(line[len("teikit: "):] for line in last[-2:])}


def _timed_index(out: Path, pages: list) -> tuple[float, search.IndexReport]:
    start = time.perf_counter()
    report = search.build_index(out, pages, ["en"] * len(pages))
    return time.perf_counter() - start, report


def _index_times(out: Path, pages: list, binary: str | None) -> tuple[list, list]:
    """Index times with teikit's binary and, alternating run by run (the machine is
    shared: load changes between runs), with the plain one when teikit's is the extended."""
    plain_binary = None
    if binary and "extended" in Path(binary).name:
        try:
            import pagefind_bin
            plain_binary = str(pagefind_bin.get_executable())
        except (ImportError, FileNotFoundError):
            pass
    times, plain = [], []
    for _ in range(3):
        times.append(_timed_index(out, pages)[0])
        if plain_binary:
            search.executable.cache_clear()
            real = search.executable
            search.executable = lambda: plain_binary  # only for this measurement
            try:
                plain.append(_timed_index(out, pages)[0])
            finally:
                search.executable = real
    _timed_index(out, pages)  # leave teikit's own index in place
    return times, plain


def measure(n: int, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_bench.generate(root, n)
        full, _ = _build(root, jobs)
        out = root / "output"
        docs = sorted(p for p in out.glob("*.html")
                      if 'data-pagefind-body' in p.read_text(encoding="utf-8"))
        pages = [(p.name, p.read_text(encoding="utf-8")) for p in docs]
        html_bytes = sum(len(h.encode("utf-8")) for _, h in pages)
        times, plain = _index_times(out, pages, search.executable())
        files, size = _size(out / search.BUNDLE)
        source = sorted((root / "sources").glob("*.txt"))[0]
        source.write_text(source.read_text(encoding="utf-8").replace(" the ", " this ", 1),
                          encoding="utf-8")
        incremental, stages = _cli_build(root, jobs)
        print(f"N={n}: {len(pages)} document pages, {html_bytes / 1e6:.1f} MB of HTML; "
              f"full build with index {full:.1f} s")
        print(f"  index alone: {statistics.median(times):.2f} s (median of 3; "
              f"{min(times):.2f}–{max(times):.2f}); {len(pages)} pages indexed")
        if plain:
            print(f"  the same index by the plain binary: {min(plain):.2f} s (min of 3; "
                  f"teikit's binary {min(times):.2f} s, ratio {min(times) / min(plain):.2f})")
        print(f"  pagefind/: {files} files, {size / 1e6:.2f} MB "
              f"({size / max(html_bytes, 1):.0%} of the HTML), "
              f"{size / max(len(pages), 1) / 1e3:.1f} kB per document")
        print(f"  incremental build, one source changed: {incremental:.2f} s, of which the "
              f"whole index ≈ {statistics.median(times):.2f} s; teikit build said: "
              f"{stages['summary']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    if not search.available():
        print("pagefind[bin] is not installed", file=sys.stderr)
        return 2
    for n in (int(s) for s in args.sizes.split(",")):
        measure(n, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
