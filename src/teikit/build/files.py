"""Writing output files: through a temporary file and a rename, without fsync.

Everything under the output folder can be made again from the editions, and the build state
records each file's size, so a file cut short by a crash is noticed and rewritten by the next
build.  Skipping the per-file fsync matters: on ext4, renaming over an existing file forces
its data out, and a corpus build writes thousands of files.  The editions in ``tei/`` and the
state itself are still written with :func:`teikit.xmlio.atomic_write` (fsync).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_output(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
