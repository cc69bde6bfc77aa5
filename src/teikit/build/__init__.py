"""Corpus builds: a project folder (``teikit.toml``) taken from sources to a published
edition — convert → validate → render — incrementally and in parallel.

One module per concern:

* :mod:`.project` — ``teikit.toml``: reading, checking, the scaffold ``teikit init`` writes;
* :mod:`.hashing` — content hashes with an (mtime, size) cache, and the digests of what
  teikit itself brings to each stage (code, schemas, stylesheets, templates);
* :mod:`.state` — what the last build did, in ``output/.teikit-build/state.json``;
* :mod:`.worker` — one document through all its stages (runs in a pool process);
* :mod:`.pages` — the corpus pages: document pages with prev/next links, index, persons;
* :mod:`.progress` — the progress bar / lines and the closing summary;
* :mod:`.runner` — one build from start to end: which documents exist, which stages each
  needs, the pool that runs them; :mod:`.watch` rebuilds on change;
* :mod:`.serve` — a local preview server.

Nothing heavy (lxml, jinja2, schemas, XSLT) is imported until a document needs work, so a
build with nothing to do costs file-system look-ups only.  See docs/build.md.
"""
