"""Run one teikit command under watch (``python sandbox.py LOG ARG...``).

The hostile-input tests run every case through this script in a child process, so that:

* memory is bounded (``RLIMIT_AS``, from ``TEIKIT_TEST_MEMORY``; default 1 GiB);
* every file the Python side opens, renames, removes or creates is logged (audit hooks),
  so a test can check that nothing is read outside the inputs and the project and
  nothing is written outside the output folder;
* any socket or child process is refused and logged (libxml2's own file and network access
  is not Python's: the tests watch it from outside, with inotify and a listening socket);
* the peak resident memory is logged at exit.

The log is JSON lines: ``["open", path, mode, flags]``, ``["os.replace", src, dst]``, …,
``["peak-kb", n]``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import urllib.request

_PATH_EVENTS = {"os.rename", "os.replace", "os.remove", "os.rmdir", "os.mkdir", "os.symlink",
                "os.link", "os.truncate", "os.chmod", "os.chown", "shutil.rmtree",
                "shutil.copyfile", "shutil.move"}
_REFUSED = ("socket.", "subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
            "os.fork", "urllib.", "http.", "ftplib.", "smtplib.", "ctypes.")


def _is_pagefind(executable: object) -> bool:
    """Pagefind's binary, plain or extended (teikit runs the extended one when installed)."""
    import importlib
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            binary = importlib.import_module(module).get_executable()
            if os.path.realpath(os.fsdecode(executable)) == os.path.realpath(binary):
                return True
        except (ImportError, FileNotFoundError, TypeError):
            continue
    return False


def main() -> int:
    log_path, argv = sys.argv[1], sys.argv[2:]
    limit = int(os.environ.get("TEIKIT_TEST_MEMORY", 1 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole run

    def record(*fields: object) -> None:
        log.write(json.dumps([f if isinstance(f, int | None) else os.fsdecode(f)
                              if isinstance(f, str | bytes | os.PathLike) else str(f)
                              for f in fields]) + "\n")

    def hook(event: str, args: tuple) -> None:
        if event == "open" and not isinstance(args[0], int):
            record("open", *args)
        elif event in _PATH_EVENTS:
            record(event, *args[:2])
        elif event == "urllib.Request" and str(args[0]).startswith("file:"):
            # xmlschema loads its own meta-schemas through urllib: a file read like any other
            record("open", urllib.request.url2pathname(str(args[0])[5:]), "r", 0)
        elif event == "subprocess.Popen" and _is_pagefind(args[0]):
            # the one child teikit starts: Pagefind's binary, indexing a folder inside the
            # output folder into the output folder (what it touches outside Python's view
            # is watched from outside, as libxml2's is)
            record("child", args[0])
        elif event.startswith(_REFUSED):
            record(event, *args[:1])
            log.flush()
            raise PermissionError(f"sandbox: {event} refused")

    sys.addaudithook(hook)
    from teikit.cli import main as teikit_main

    try:
        code = teikit_main(argv)
    except SystemExit as e:  # argparse usage errors
        code = e.code if isinstance(e.code, int) else 2
    finally:
        record("peak-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        log.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
