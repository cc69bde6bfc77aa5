"""W3C XML Schema 1.0 and 1.1 with the ``xmlschema`` package (pure Python; 1.1 assertions
and conditional types included).  The version is taken from ``vc:minVersion`` on the schema
root; loading never touches the network."""

from __future__ import annotations

import warnings
from pathlib import Path

import xmlschema
from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.validate.document import Document
from teikit.xmlio import parse_file

_VC = "{http://www.w3.org/2007/XMLSchema-versioning}minVersion"


class XSDSchema:
    kind = "xsd"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        root = parse_file(self.path).getroot()  # teikit's safe parser, one-line errors
        try:
            cls = (xmlschema.XMLSchema11 if (root.get(_VC) or "1.0") >= "1.1"
                   else xmlschema.XMLSchema10)
            # sandbox: imports and includes only from the schema's own folder; a refused
            # import is a warning in xmlschema, an error here
            with warnings.catch_warnings():
                warnings.simplefilter("error", xmlschema.XMLSchemaImportWarning)
                self._schema = cls(str(self.path), allow="sandbox", defuse="always",
                                   base_url=str(self.path.resolve().parent))
        except (xmlschema.XMLSchemaException, OSError, xmlschema.XMLSchemaImportWarning) as e:
            raise TeikitError(f"not a usable XML Schema: {_first_line(e)}", file=str(path),
                              exit_code=2) from None
        self.version = "1.1" if isinstance(self._schema, xmlschema.XMLSchema11) else "1.0"

    def validate(self, doc: Document) -> list[Diagnostic]:
        out = []
        for err in self._schema.iter_errors(doc.tree):
            node = getattr(err, "invalid_child", None)
            if not isinstance(node, etree._Element):
                node = err.elem if isinstance(err.elem, etree._Element) else None
            line, col = doc.position(node) if node is not None else (0, 0)
            out.append(Diagnostic(doc.name, line, col, "error", _message(err), self.name))
        return out


def _message(err: xmlschema.XMLSchemaValidationError) -> str:
    reason = (err.reason or err.message or "").strip().rstrip(".")
    elem = err.elem
    where = ""
    if isinstance(elem, etree._Element):
        where = f"element {etree.QName(elem).localname}: "
    return (where + reason).replace("{http://www.tei-c.org/ns/1.0}", "tei:")


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
