"""Reading input files with one-line errors that name the file."""

from __future__ import annotations

import stat
from pathlib import Path

from teikit.errors import TeikitError


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``; a missing, unreadable or over-``limit`` file is a
    :class:`TeikitError` (exit code 2 for I/O problems).

    Only regular files are read: a pipe would block and a device (``/dev/zero``) never end.
    The read itself is bounded, so a file that grows after the size check cannot slip past.
    """
    name = str(path)
    try:
        st = Path(path).stat()
        if stat.S_ISDIR(st.st_mode):
            raise TeikitError("is a directory, not a file", file=name, exit_code=2)
        if not stat.S_ISREG(st.st_mode):
            raise TeikitError("not a regular file (a pipe or a device)", file=name,
                              exit_code=2)
        if limit is not None and st.st_size > limit:
            raise TeikitError(f"file too large ({st.st_size} bytes; limit {limit})", file=name)
        with Path(path).open("rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except FileNotFoundError:
        raise TeikitError("no such file", file=name, exit_code=2) from None
    except OSError as e:
        raise TeikitError(f"cannot read: {e.strerror}", file=name, exit_code=2) from None
    if limit is not None and len(data) > limit:
        raise TeikitError(f"file too large (over {limit} bytes)", file=name)
    return data


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


def recorded_intact(output: Path, name: str, key: str, recorded: dict[str, list]) -> bool:
    """Whether ``output/name`` is what a build recorded for ``key``: the record
    (``name -> [key, size]``) has this key and the file is still there at that size."""
    old = recorded.get(name)
    if not old or old[0] != key:
        return False
    try:
        return (output / name).stat().st_size == old[1]
    except OSError:
        return False

