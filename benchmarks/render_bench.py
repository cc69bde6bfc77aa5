"""Render speed of teikit against the floor, and how it grows with an edition's size.

    PYTHONPATH=src python benchmarks/render_bench.py [FOLDER] [--runs 3] [--sizes 10000,...]
        [--real FILE] [--quick]

Everything is measured in this one run, as CPU seconds of this process (the fairer figure
on a shared machine; wall-clock alongside), median of ``--runs``:

1. **Corpus** (FOLDER, default ../shared/corpora/gerdracor-sample/tei: 199 plays, 40.6 MB):
   the *floor* — parsing every file with teikit's parser and serialising it again with
   lxml — then ``teikit.render.render`` of HTML + text, text only and HTML only, each into a
   fresh temporary folder, with their ratio to the floor (issue 11 asks ≤ 3 for HTML +
   text, ≤ 1.5 for text).
2. **Growth**: a synthetic edition whose one ``sp`` holds N paragraphs (N/10 footnotes,
   N/100 page breaks; every 50th footnote repeats an ``xml:id``), for N in ``--sizes``; the
   growth column is time(N) / time(N/2): 2 is linear, 4 quadratic.
3. **Shapes**, at two sizes each: many notes in one paragraph, many turns in one
   division, many divisions, divisions nested 200 deep; a FRUS-volume-sized file (300
   ``div type="document"``, 5,000 notes, 1,000 page breaks); a real multi-document TEI file
   (``--real``, default the slovParl ``teiCorpus``).
4. **Peak memory** (``ru_maxrss`` of a fresh process) rendering the 100,000-paragraph
   edition, against its file size (issue 11 asks < 10×).

``--quick`` runs one round with smaller sizes (a smoke test of the script).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from teikit.files import xml_files
from teikit.render import Options, render
from teikit.xmlio import parse_file

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEFAULT = SHARED / "corpora" / "gerdracor-sample" / "tei"
REAL = SHARED / "corpora" / "parlaclarin-siparl" / "slovParl2.0" / "teiCorpus.xml"

# ============================================================ synthetic editions
HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{id}" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>{title}</title></titleStmt>
      <publicationStmt><publisher>teikit benchmark</publisher>
        <idno type="teikit">{id}</idno></publicationStmt>
      <sourceDesc><bibl><title>{title}</title>, <date when="1987-12-09">December 9, 1987</date>.
        <ref target="https://example.org/{id}">https://example.org/{id}</ref></bibl></sourceDesc>
    </fileDesc>
    <profileDesc>
      <creation><date when="1987-12-09">December 9, 1987</date></creation>
      <particDesc><listPerson>
        <person xml:id="reagan"><persName>R. Reagan</persName></person>
        <person xml:id="gorbachev"><persName>M. S. Gorbachev</persName></person>
      </listPerson></particDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
"""
FOOTER = """    </body>
  </text>
</TEI>
"""
WHO = ("#reagan", "#gorbachev")
SPEAKER = ("R. REAGAN.", "M. S. GORBACHEV.")


def _spread(count: int, slots: int) -> list[int]:
    """How many of ``count`` items fall in each of ``slots`` places, evenly."""
    per = [0] * max(slots, 1)
    for i in range(count):
        per[i * len(per) // max(count, 1)] += 1
    return per


class _Numbers:
    """Footnote and page numbers in document order; every 50th footnote repeats an
    earlier ``xml:id`` and every 7th has none (both occur in real editions)."""

    def __init__(self, prefix: str) -> None:
        self.prefix, self.note, self.page = prefix, 0, 0

    def note_xml(self) -> str:
        self.note += 1
        k = self.note
        if k % 7 == 0:
            ident = ""
        elif k % 50 == 0:
            ident = f' xml:id="{self.prefix}fn{k - 49}"'
        else:
            ident = f' xml:id="{self.prefix}fn{k}"'
        return (f'<note n="{k}"{ident}>Note {k}: see <title>Foreign Relations</title>, '
                f'p. {k}; <hi rend="italic">ibid.</hi></note>')

    def pb_xml(self) -> str:
        self.page += 1
        return f'<pb n="{self.page}" xml:id="{self.prefix}pg{self.page}"/>'


def _paragraph(i: int, notes: int, pbs: int, nums: _Numbers) -> str:
    words = (f"Paragraph {i}: the regional issues relate to <persName>Afghanistan</persName> "
             f"and <date when=\"1988-0{1 + i % 9}\">the spring</date> of the year")
    marks = "".join(f" text\n          {nums.note_xml()}" for _ in range(notes))
    pages = "".join(f" more{nums.pb_xml()}" for _ in range(pbs))
    extra = ""
    if i % 11 == 3:
        extra = ' <gap reason="omitted" rend="(...)"/> and <supplied reason="omitted">to</supplied>'
    elif i % 11 == 7:
        extra = ' <foreign xml:lang="ru-Latn">akkuratno</foreign><lb/>next'
    return f"<p>{words}{marks}{extra}, as printed.{pages}</p>"


def paragraphs_edition(n: int, notes: int, pbs: int, *, container: str = "sp") -> str:
    """One edition whose one ``sp`` (or ``div``) holds ``n`` paragraphs, with ``notes``
    footnotes and ``pbs`` page breaks spread evenly among them."""
    nums = _Numbers("s")
    out = [HEADER.format(id=f"synthetic-{n}", title=f"Synthetic edition of {n} paragraphs")]
    out.append('      <div type="transcript">\n')
    if container == "sp":
        out.append(f'        <sp who="{WHO[0]}">\n          <speaker>{SPEAKER[0]}</speaker>\n')
    for i, (k, b) in enumerate(zip(_spread(notes, n), _spread(pbs, n), strict=True)):
        out.append("          " + _paragraph(i, k, b, nums) + "\n")
    if container == "sp":
        out.append("        </sp>\n")
    out.append("      </div>\n")
    out.append(FOOTER)
    return "".join(out)


def notes_in_one_paragraph(notes: int) -> str:
    nums = _Numbers("m")
    out = [HEADER.format(id=f"notes-{notes}", title=f"{notes} notes in one paragraph"),
           '      <div type="document">\n', "        ", _paragraph(0, notes, notes // 10, nums),
           "\n      </div>\n", FOOTER]
    return "".join(out)


def turns_edition(turns: int, notes: int = 0) -> str:
    """One division of ``turns`` speaker turns, each one paragraph (a stage direction in
    every 5th)."""
    nums = _Numbers("t")
    out = [HEADER.format(id=f"turns-{turns}", title=f"{turns} turns"),
           '      <div type="transcript">\n']
    for i, k in enumerate(_spread(notes, turns)):
        stage = "<stage>(laughter)</stage>" if i % 5 == 4 else ""
        out.append(f'        <sp who="{WHO[i % 2]}"><speaker>{SPEAKER[i % 2]}</speaker>'
                   f"{stage}{_paragraph(i, k, 0, nums)}</sp>\n")
    out.append("      </div>\n")
    out.append(FOOTER)
    return "".join(out)


def divisions_edition(divs: int, notes: int = 0) -> str:
    """``divs`` sibling divisions, each with a head and two paragraphs."""
    nums = _Numbers("v")
    out = [HEADER.format(id=f"divs-{divs}", title=f"{divs} divisions")]
    for i, k in enumerate(_spread(notes, divs)):
        out.append(f'      <div type="section" n="{i}"><head>Section {i}</head>'
                   f"{_paragraph(2 * i, k, 0, nums)}{_paragraph(2 * i + 1, 0, 0, nums)}</div>\n")
    out.append(FOOTER)
    return "".join(out)


def nested_edition(depth: int, repeats: int) -> str:
    """``repeats`` chains of divisions nested ``depth`` deep, each level a head, a
    paragraph with a note, a list and a table."""
    nums = _Numbers("n")
    out = [HEADER.format(id=f"nested-{depth}x{repeats}", title=f"Divisions {depth} deep")]
    for r in range(repeats):
        for d in range(depth):
            out.append(f'<div type="level" n="{r}.{d}"><head>Level {d}</head>'
                       f"{_paragraph(d, 1, 0, nums)}"
                       '<list type="ordered"><label>a.</label><item>one</item><item><p>two</p>'
                       "<p>three</p></item></list>"
                       '<table><row><cell role="label">x</cell><cell>1</cell><cell>2</cell>'
                       "</row></table>\n")
        out.append("</div>" * depth + "\n")
    out.append(FOOTER)
    return "".join(out)


def volume_edition(documents: int = 300, notes: int = 5000, pbs: int = 1000,
                   paragraphs: int = 12000) -> str:
    """A FRUS-volume-sized file: ``documents`` ``div type="document"`` with heads and
    datelines, ``paragraphs`` paragraphs, ``notes`` footnotes and ``pbs`` page breaks."""
    out = [HEADER.format(id="frus-synthetic", title="Foreign Relations, synthetic volume")]
    per_doc = _spread(paragraphs, documents)
    note_per_p = _spread(notes, paragraphs)
    pb_per_p = _spread(pbs, paragraphs)
    p, page = 0, 0
    for d in range(documents):
        nums = _Numbers(f"d{d + 1}")
        nums.page = page  # pages run on through the volume; notes start again per document
        out.append(f'      <div type="document" xml:id="d{d + 1}" n="{d + 1}">'
                   f'<head>{d + 1}. Telegram {d + 1} from the Embassy<note n="1" type="source" '
                   f'xml:id="d{d + 1}fn0">Source: file {d}.</note></head>'
                   '<opener><dateline>Moscow, <date when="1981-03-0'
                   f'{1 + d % 9}">March {1 + d % 9}, 1981</date></dateline></opener>\n')
        for _ in range(per_doc[d]):
            out.append("        " + _paragraph(p, note_per_p[p], pb_per_p[p], nums) + "\n")
            p += 1
        page = nums.page
        out.append("      </div>\n")
    out.append(FOOTER)
    return "".join(out)


# ============================================================ measuring


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median CPU and wall-clock seconds of ``runs`` calls."""
    cpu, wall = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(cpu), statistics.median(wall)


def floor(files: list[Path]) -> None:
    """What any tool must do at least: read every file and write it out again."""
    for f in files:
        etree.tostring(parse_file(f), encoding="UTF-8")


def render_into(paths: list[Path], formats: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as out:
        render(paths, Options(output=Path(out), formats=formats, durable=False))


def compare(label: str, paths: list[Path], runs: int) -> float:
    """Print the floor and teikit for ``paths``; return teikit's HTML + text CPU time."""
    files = xml_files(paths)
    size = sum(f.stat().st_size for f in files) / 1e6
    base, base_wall = timed(lambda: floor(files), runs)
    print(f"{label} ({len(files)} file(s), {size:.1f} MB)")
    print(f"  {'step':32s} {'cpu':>8s} {'wall':>8s} {'x floor':>8s}")
    print(f"  {'floor: parse + serialise':32s} {base:7.2f}s {base_wall:7.2f}s {1:8.2f}")
    both = 0.0
    for name, formats in (("teikit HTML + text", ("html", "text")),
                          ("teikit text", ("text",)), ("teikit HTML", ("html",))):
        cpu, wall = timed(lambda formats=formats: render_into(paths, formats), runs)
        both = cpu if formats == ("html", "text") else both
        print(f"  {name:32s} {cpu:7.2f}s {wall:7.2f}s {cpu / base:8.2f}", flush=True)
    return both


def written(folder: Path, name: str, data: str) -> Path:
    path = folder / f"{name}.xml"
    path.write_text(data, encoding="utf-8")
    return path


def growth(title: str, make: Callable[[int], str], sizes: list[int], runs: int,
           folder: Path) -> None:
    print(title)
    print(f"  {'N':>8s} {'MB':>6s} {'floor':>7s} {'teikit':>7s} {'x floor':>8s} "
          f"{'growth':>7s}")
    previous = None
    for n in sizes:
        path = written(folder, f"growth-{n}", make(n))
        base, _ = timed(lambda path=path: floor([path]), runs)
        cpu, _ = timed(lambda path=path: render_into([path], ("html", "text")), runs)
        grew = f"{cpu / previous:7.2f}" if previous else f"{'':7s}"
        print(f"  {n:8d} {path.stat().st_size / 1e6:6.1f} {base:6.2f}s {cpu:6.2f}s "
              f"{cpu / base:8.2f} {grew}", flush=True)
        previous = cpu
        path.unlink()


def peak_rss(path: Path) -> int:
    """Peak resident memory (bytes) of a fresh process rendering ``path`` to HTML + text.

    Read from the child's own ``VmHWM`` (Linux): its ``getrusage`` ``ru_maxrss`` would also
    count the pages of this benchmark process it was forked from, as Linux carries the
    high-water mark across ``exec`` (the fallback elsewhere)."""
    code = ("import resource, sys, tempfile; from pathlib import Path; "
            "from teikit.render import Options, render; "
            "d = tempfile.mkdtemp(); "
            "render([Path(sys.argv[1])], Options(output=Path(d), durable=False)); "
            "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')] "
            "if Path('/proc/self/status').exists() else []; "
            "print(hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True)
    return int(run.stdout.split()[-1]) * 1024  # KiB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,20000,40000,80000,160000")
    parser.add_argument("--real", type=Path, default=REAL)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    runs = 1 if args.quick else args.runs
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.quick:
        sizes = [s // 10 for s in sizes[:3]]
    scale = 10 if args.quick else 1
    print(f"CPU seconds, median of {runs} run(s); x floor = teikit / floor in this run\n")
    compare(f"corpus {args.folder.name}", [args.folder], runs)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print()
        growth("one sp of N paragraphs, N/10 notes, N/100 page breaks",
               lambda n: paragraphs_edition(n, n // 10, n // 100), sizes, runs, folder)
        for title, make, small in (
                ("N notes in one paragraph", notes_in_one_paragraph, 20000),
                ("N turns in one division (N/10 notes)",
                 lambda n: turns_edition(n, n // 10), 40000),
                ("N divisions with heads (N/5 notes)",
                 lambda n: divisions_edition(n, n // 5), 20000),
                ("N/200 chains of divisions nested 200 deep",
                 lambda n: nested_edition(200, n // 200), 20000)):
            print()
            growth(title, make, [small // scale, 2 * small // scale], runs, folder)
        print()
        volume = written(folder, "frus-synthetic",
                         volume_edition(300 // scale, 5000 // scale, 1000 // scale,
                                        12000 // scale))
        compare("synthetic FRUS volume: 300 documents, 5,000 notes, 1,000 page breaks",
                [volume], runs)
        if args.real.is_file():
            print()
            compare(f"real multi-document TEI: {args.real}", [args.real], runs)
        print()
        n = 100000 // scale
        big = written(folder, f"paragraphs-{n}", paragraphs_edition(n, n // 10, n // 100))
        rss, size = peak_rss(big), big.stat().st_size
        print(f"peak RSS rendering {n} paragraphs ({size / 1e6:.1f} MB, HTML + text): "
              f"{rss / 1e6:.0f} MB = {rss / size:.1f} x the file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
