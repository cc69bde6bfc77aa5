"""Running the XSLT 1.0 stylesheets, locked down.

Stylesheets run with every file and network access of libxslt denied: ``document()``
cannot read a file or URL, ``exsl:document`` cannot write one.  teikit hands a stylesheet
everything it needs (the unit, its parameters), so a stylesheet that reaches outside —
one supplied by an editor, say — fails with a one-line error instead.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError
from teikit.resources import resource_dir
from teikit.xmlio import check_modules, parse_file

ACCESS = etree.XSLTAccessControl(read_file=False, write_file=False, create_dir=False,
                                 read_network=False, write_network=False)

_XSL = "{http://www.w3.org/1999/XSL/Transform}"

HTML_XSLT = "tei-to-html.xsl"
TEXT_XSLT = "tei-to-text.xsl"


def default_stylesheet(name: str) -> Path:
    return resource_dir("xslt") / name


def _first_error(log: etree._ListErrorLog, fallback: str) -> str:
    """The most telling line of libxslt's log: a refusal ("read rights for … denied") before
    the generic "runtime error, element …" that accompanies it."""
    messages = [" ".join(str(e.message).split()) for e in log]
    messages = [m for m in messages if m]
    for wanted in (lambda m: "denied" in m, lambda m: not m.startswith("runtime error")):
        found = [m for m in messages if wanted(m)]
        if found:
            return found[0]
    return messages[0] if messages else (" ".join(fallback.split()) or "unknown XSLT error")


class Stylesheet:
    """A compiled stylesheet; calling it transforms one unit."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        tree = parse_file(self.path)
        check_modules(tree, self.path, (_XSL + "include", _XSL + "import"))
        try:
            self._xslt = etree.XSLT(tree, access_control=ACCESS)
        except etree.XSLTParseError as e:
            raise TeikitError(f"not a usable XSLT 1.0 stylesheet: "
                              f"{_first_error(e.error_log, str(e))}",
                              file=str(self.path), exit_code=2) from None

    def __call__(self, root: etree._Element, name: str,
                 **params: str) -> etree._XSLTResultTree:
        quoted = {k.replace("_", "-"): etree.XSLT.strparam(v) for k, v in params.items()}
        try:
            result = self._xslt(root, **quoted)
        except etree.XSLTApplyError as e:
            raise TeikitError(f"stylesheet {self.path.name} failed: "
                              f"{_first_error(e.error_log, str(e))}", file=name) from None
        return result
