"""Publishing editions: TEI → a static HTML site and a plain-text edition.

The pipeline, one module per step:

* :mod:`.units` — read TEI files and cut them into publishable units (one per document;
  a FRUS-style volume yields one unit per ``div type="document"``), numbering each unit's
  footnotes in one pass;
* :mod:`.metadata` — title, date, summary and speakers of a unit, for pages and indexes;
* :mod:`.transform` — run the XSLT 1.0 stylesheets (``xslt/``) with file and network
  access denied;
* :mod:`.sanitize` — make the HTML fragment safe and valid, and list the TEI elements the
  stylesheet had no rule for;
* :mod:`.text` — lay out and wrap the text edition;
* :mod:`.site` — jinja2 pages (document, index, persons), static files, writing the folder.
"""

from teikit.render.site import Options, Report, render

__all__ = ["Options", "Report", "render"]
