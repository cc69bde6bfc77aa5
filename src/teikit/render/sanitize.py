"""Making a stylesheet's HTML fragment safe and valid, and listing its fallbacks.

Whatever a stylesheet produced — teikit's, or an editor's own — nothing that can run script
reaches a page: script-bearing elements are removed, ``on*`` handlers dropped, links kept only
to web, mail and in-page addresses, ``style`` values that load anything (``url()``,
``expression``) dropped.  The same walk keeps the HTML content model (a block element inside
a paragraph becomes a ``span`` of class ``as-<element>``), makes ``id`` values unique, and
collects the ``tei-*`` classes that mark TEI elements without a rule.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

#: Removed with their content: they run script, load documents, or change the page's base.
DROPPED = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link",
    "meta", "style", "form", "svg", "math", "template", "noscript", "audio", "video",
    "source", "track", "portal",
})
PHRASING = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "wbr", "ins", "del", "p", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "dt",
    "figcaption", "label",
})
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "dt",
    "dd", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul",
})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "background", "cite",
                       "longdesc", "usemap", "data", "srcset", "ping", "manifest"})
_SAFE_URL = re.compile(r"^(https?:|mailto:|#|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_BAD_STYLE = re.compile(r"url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:",
                        re.IGNORECASE)


def safe_url(value: str) -> bool:
    """True for web, mail, in-page and relative addresses; false for ``javascript:``,
    ``data:`` and every other scheme (also when hidden by spaces or control characters)."""
    return bool(_SAFE_URL.match(_CONTROL.sub("", value)))


#: Attributes that can carry nothing dangerous (no handler, address or style): most
#: elements have only these, and skipping them keeps the walk cheap.
_PLAIN_ATTRS = frozenset({"class", "id", "lang", "title", "aria-label", "aria-labelledby",
                          "datetime", "scope", "rel", "dir", "colspan", "rowspan"})


def _clean_attributes(el: etree._Element) -> None:
    for name in el.keys():
        if name in _PLAIN_ATTRS:
            continue
        value = el.get(name)
        local = name.rsplit("}", 1)[-1].lower()
        if (name.startswith("{") or local.startswith("on") or local == "srcdoc"
                or (local in URL_ATTRS and not safe_url(value))
                or (local == "style" and _BAD_STYLE.search(re.sub(r"[\\\s]|/\*.*?\*/", "",
                                                                   value)))):
            del el.attrib[name]


def _drop_all(doomed: list[etree._Element]) -> None:
    """Remove the ``doomed`` nodes with their content, keeping the text that follows each
    (its tail joins the text before it).  One pass over each parent's children: moving
    tails node by node copied the text gathered so far again for every dropped sibling."""
    by_parent: dict[etree._Element, set[etree._Element]] = {}
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            el.clear()
        else:
            by_parent.setdefault(parent, set()).add(el)
    for parent, dropped in by_parent.items():
        keeper: etree._Element | None = None   # None: the text goes to parent.text
        pieces: list[str] = []
        for child in list(parent):
            if child in dropped:
                if child.tail:
                    pieces.append(child.tail)
                parent.remove(child)
                continue
            _add_text(parent, keeper, pieces)
            keeper, pieces = child, []
        _add_text(parent, keeper, pieces)


def _add_text(parent: etree._Element, keeper: etree._Element | None,
              pieces: list[str]) -> None:
    if not pieces:
        return
    if keeper is None:
        parent.text = (parent.text or "") + "".join(pieces)
    else:
        keeper.tail = (keeper.tail or "") + "".join(pieces)


def sanitize(root: etree._Element) -> Counter:
    """Clean ``root`` in place; return how often each fallback TEI element occurred."""
    fallbacks: Counter = Counter()
    ids: set[str] = set()
    # comments and processing instructions go; iterwalk below sees elements only
    doomed: list[etree._Element] = list(root.iter(etree.Comment, etree.ProcessingInstruction,
                                                  etree.Entity))
    # (in phrasing content, in a link) for the children of each open element
    context: list[tuple[bool, bool]] = [(False, False)]
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            context.pop()
            continue
        in_phrase, in_link = context[-1]
        tag = el.tag.lower()
        if "}" in tag or tag in DROPPED:
            doomed.append(el)
            walker.skip_subtree()
            context.append((in_phrase, in_link))
            continue
        names = el.keys()
        for name in names:
            if name not in _PLAIN_ATTRS:
                _clean_attributes(el)
                names = el.keys()
                break
        if (in_phrase and tag in BLOCK) or (in_link and tag == "a") or (
                tag == "li" and el.getparent() is not None
                and el.getparent().tag not in ("ul", "ol")):
            el.set("class", f"as-{tag} {el.get('class', '')}".strip())
            el.tag = tag = "span"
            for name in ("href", "scope"):
                el.attrib.pop(name, None)
            names = el.keys()
        if "id" in names:
            ident = el.get("id")
            if ident in ids or not ident or any(c.isspace() for c in ident):
                del el.attrib["id"]
            else:
                ids.add(ident)
        if "class" in names:
            classes = el.get("class")
            if "tei-" in classes:
                for cls in classes.split():
                    if cls.startswith("tei-"):
                        fallbacks[cls[4:]] += 1
        if in_phrase and in_link:
            context.append(context[-1])
        else:
            context.append((in_phrase or tag in PHRASING, in_link or tag == "a"))
    _drop_all(doomed)
    return fallbacks
