from teikit import __version__
from teikit.cli import main


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as e:
        assert e.code == 0
    assert __version__ in capsys.readouterr().out


def test_missing_source_is_one_line_error(tmp_path, capsys):
    code = main(["convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "nope.txt: error: no such file" in err
