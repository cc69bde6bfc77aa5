"""What a RelaxNG grammar allows inside each element, so that messages can say what was
expected: libxml2 says "Did not expect element speaker there"; teikit adds "gap allows:
desc".

The index is coarse on purpose (the children an element may have anywhere in its content,
not at one position).  It is computed per element on first use: walking all of tei_all's
588 elements up front would cost more than compiling the schema.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

RNG = "{http://relaxng.org/ns/structure/1.0}"
_OPTIONAL = {RNG + "optional", RNG + "zeroOrMore", RNG + "choice"}


class ContentIndex:
    """Element name → child element names, attribute names → allowed values, required
    attributes."""

    def __init__(self, grammar: etree._Element) -> None:
        self.ns = grammar.get("ns")
        self._defines: dict[str, list[etree._Element]] = {}
        for d in grammar.iter(RNG + "define"):
            self._defines.setdefault(d.get("name", ""), []).append(d)
        self._elements: dict[str, list[etree._Element]] = {}
        for el in grammar.iter(RNG + "element"):
            name = _name_of(el)
            if name is not None:
                self._elements.setdefault(name, []).append(el)

    @cache  # noqa: B019 - one index per schema, kept for the process
    def _summary(self, element: str) -> tuple[frozenset, dict, frozenset]:
        kids: set[str] = set()
        atts: dict[str, list[str]] = {}
        required: set[str] = set()
        for el in self._elements.get(element, []):
            self._collect(el, kids, atts, set(), top=True, required=required)
        return frozenset(kids), atts, frozenset(required)

    def _collect(self, node: etree._Element, kids: set[str], atts: dict, seen: set[str],
                 top: bool = False, required: set[str] | None = None) -> None:
        """Gather child and attribute names; ``required`` collects attributes that no
        optional/zeroOrMore/choice wraps (None once inside such a wrapper)."""
        for c in node:
            if not isinstance(c.tag, str):
                continue
            if c.tag == RNG + "element":
                name = _name_of(c)
                if name and not top:
                    kids.add(name)
                continue
            if c.tag == RNG + "attribute":
                name = _name_of(c)
                if name:
                    values = atts.setdefault(name, [])
                    values.extend(v.text or "" for v in c.iter(RNG + "value")
                                  if (v.text or "") not in values)
                    if required is not None:
                        required.add(name)
                continue
            if c.tag == RNG + "ref":
                ref = c.get("name", "")
                if ref not in seen:
                    seen.add(ref)
                    for d in self._defines.get(ref, []):
                        self._collect(d, kids, atts, seen, required=required)
                continue
            optional = c.tag in _OPTIONAL
            self._collect(c, kids, atts, seen, required=None if optional else required)

    def allowed_children(self, element: str) -> list[str]:
        return sorted(self._summary(element)[0])

    def allowed_values(self, element: str, attribute: str) -> list[str]:
        return self._summary(element)[1].get(attribute, [])

    def knows_attribute(self, element: str, attribute: str) -> bool:
        return attribute in self._summary(element)[1]

    def required_attributes(self, element: str) -> frozenset:
        return self._summary(element)[2]


def _name_of(pattern: etree._Element) -> str | None:
    name = pattern.get("name")
    if name is None:
        n = pattern.find(RNG + "name")
        name = n.text.strip() if n is not None and n.text else None
    if name and ":" in name and not name.startswith("xml:"):
        name = name.split(":", 1)[1]
    return name


def summarise(names: list[str], limit: int = 8) -> str:
    """"a, b, c" or "a, b, c, … (41 in all)"."""
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f", … ({len(names)} in all)"
