"""Reading input files with one-line errors that name the file."""

from __future__ import annotations

from pathlib import Path

from teikit.errors import TeikitError


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``; a missing, unreadable or over-``limit`` file is a
    :class:`TeikitError` (exit code 2 for I/O problems)."""
    name = str(path)
    try:
        if limit is not None and Path(path).stat().st_size > limit:
            raise TeikitError(f"file too large ({Path(path).stat().st_size} bytes; "
                              f"limit {limit})", file=name)
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise TeikitError("is a directory, not a file", file=name, exit_code=2) from None
    except FileNotFoundError:
        raise TeikitError("no such file", file=name, exit_code=2) from None
    except OSError as e:
        raise TeikitError(f"cannot read: {e.strerror}", file=name, exit_code=2) from None


def xml_files(paths: list[Path]) -> list[Path]:
    """The XML files named by ``paths``: files as given, folders searched recursively (in
    name order) for ``*.xml``.  A missing path, or a folder without XML files, is a
    :class:`TeikitError` (exit code 2)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*.xml") if f.is_file())
            if not found:
                raise TeikitError("folder holds no *.xml files", file=str(p), exit_code=2)
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise TeikitError("no such file or folder", file=str(p), exit_code=2)
    return out
