from __future__ import annotations

import json
import re
from pathlib import Path

from teikit.cli import main

VALID = sorted((Path(__file__).resolve().parents[1] / "validate" / "fixtures" / "valid")
               .glob("*.xml"))
LINE = re.compile(r"^(.+):(\d+):(\d+): (error|warning|info): (.+) \[(.+)\]$")


def _invalid(tmp_path: Path) -> Path:
    text = VALID[0].read_text(encoding="utf-8").replace('reason="omitted-in-original"',
                                                        'reason="guess"')
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_files_exit_0_with_summary(capsys):
    assert main(["validate", *map(str, VALID)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "2 files, 2 valid, 0 invalid" in err


def test_problem_lines_and_exit_1(tmp_path, capsys):
    assert main(["validate", str(_invalid(tmp_path))]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(LINE.match(x) for x in lines)
    m = LINE.match(lines[0])
    assert m.group(4) == "error" and int(m.group(2)) == 57 and int(m.group(3)) > 1
    assert "expected one of: omitted-in-original, editorial, illegible" in m.group(5)


def test_json_has_the_same_records(tmp_path, capsys):
    bad = _invalid(tmp_path)
    main(["validate", str(bad)])
    text = capsys.readouterr().out.splitlines()
    assert main(["validate", "--format", "json", str(bad)]) == 1
    [record] = json.loads(capsys.readouterr().out)
    assert record["valid"] is False
    assert [f'{d["file"]}:{d["line"]}:{d["col"]}: {d["severity"]}: {d["message"]} '
            f'[{d["rule"]}]' for d in record["diagnostics"]] == text


def test_folder_is_searched_and_jobs_give_the_same_output(tmp_path, capsys):
    _invalid(tmp_path)
    for v in VALID:
        (tmp_path / v.name).write_bytes(v.read_bytes())
    assert main(["validate", str(tmp_path)]) == 1
    one = capsys.readouterr()
    assert main(["validate", "-j", "2", str(tmp_path)]) == 1
    assert capsys.readouterr() == one
    assert "3 files, 2 valid, 1 invalid" in one.err


def test_missing_path_is_a_usage_error(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.xml")]) == 2
    assert "nope.xml: error: no such file or folder" in capsys.readouterr().err


def test_unknown_schema_kind_is_a_usage_error(tmp_path, capsys):
    schema = tmp_path / "s.dtd"
    schema.write_text("<!ELEMENT a EMPTY>")
    assert main(["validate", "--schema", str(schema), str(VALID[0])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown schema kind" in err


def test_hostile_xml_is_one_line_never_a_traceback(tmp_path, capsys):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY a "aaaa"><!ENTITY b '
                    '"&a;&a;&a;">]>\n<TEI>&b;</TEI>\n')
    external = tmp_path / "ext.xml"
    external.write_text('<!DOCTYPE TEI SYSTEM "http://example.org/tei.dtd">\n<TEI/>\n')
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>\n  <p>unclosed\n</TEI>\n")
    assert main(["validate", str(bomb), str(external), str(broken)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and all(LINE.match(x) for x in out)
    assert out[0].startswith(f"{bomb}:2:1: error: DOCTYPE declares entities")
    assert out[1].startswith(f"{external}:1:") and "http://example.org/tei.dtd" in out[1]
    assert out[2].startswith(f"{broken}:3:") and "not well-formed" in out[2]


def test_xinclude_is_reported_not_followed(tmp_path, capsys):
    path = tmp_path / "corpus.xml"
    path.write_text('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" '
                    'xmlns:xi="http://www.w3.org/2001/XInclude">\n'
                    '  <xi:include href="/etc/passwd"/>\n</teiCorpus>\n')
    main(["validate", str(path)])
    out = capsys.readouterr().out
    assert f"{path}:2:3: warning: xi:include of \"/etc/passwd\" not expanded" in out


def test_huge_header_guard(capsys):
    """Above --header-limit the grammar goes to jing, or is skipped with a warning."""
    from teikit.validate import jing

    code = main(["validate", "--header-limit", "5", str(VALID[0])])
    out = capsys.readouterr().out
    if jing.available():
        assert code == 0 and "validated with jing instead [guard]" in out
    else:
        assert code == 0 and ": warning: " in out and "skipped" in out
