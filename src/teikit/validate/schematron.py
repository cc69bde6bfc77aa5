"""ISO Schematron, run by teikit's own small engine on lxml's XPath 1 (+ EXSLT).

Why not ``lxml.isoschematron``: it refuses the ``xslt2`` query binding that TEI (and most
current Schematron) uses, and its SVRL output gives an XPath per problem rather than a line.
This engine evaluates each rule's context and tests directly on the parsed tree, so every
problem points at the element's start tag.  XPath 2 expressions are accepted where
:mod:`teikit.validate.xpath2` can state them in XPath 1; rules it cannot are skipped and
listed in :attr:`SchematronSchema.skipped` (``teikit validate -v`` prints them).

Supported: ``ns``, ``let`` (schema, pattern and rule level), ``pattern``, ``rule`` (first
matching rule of a pattern wins), abstract rules with ``extends``, ``assert``/``report``
with ``role``, ``name`` and ``value-of`` in messages.  Not supported: abstract patterns
(``is-a``), ``include``, phases (all patterns run), ``xsl:key``/``xsl:function``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError
from teikit.validate import xpath2
from teikit.validate.document import Document
from teikit.xmlio import parse_file

ISO = "http://purl.oclc.org/dsdl/schematron"
OLD = "http://www.ascc.net/xml/schematron"
_WARNING_ROLES = {"warning", "warn", "nonfatal", "caution"}
_INFO_ROLES = {"info", "information", "note"}


class Query:
    """A compiled XPath expression and the names of the variables it refers to.

    Only those variables are handed to lxml: it converts every variable it is given on
    every call, and a node-set variable in scope (the schema's ``$identified``, every
    identified element) made each test cost time in proportion to the document.
    """

    __slots__ = ("xpath", "names", "text")

    def __init__(self, expr: str, namespaces: dict[str, str]) -> None:
        self.xpath = etree.XPath(expr, namespaces=namespaces)
        self.names = frozenset(_VARIABLE.findall(expr))
        self.text = expr

    def __call__(self, node: etree._Element | etree._ElementTree, variables: dict):
        return self.xpath(node, **{k: v for k, v in variables.items() if k in self.names})


_VARIABLE = re.compile(r"\$([\w.-]+)")


@dataclass
class Check:
    """One ``assert`` (problem when the test is false) or ``report`` (when true)."""

    is_report: bool
    test: Query
    severity: str
    rule_id: str
    message: etree._Element
    #: per branch of the rule's context, the nodes for which the check fires, found in
    #: one query (``(branch)[not(test)]``), or None where it must run node by node
    bulk: list[Query | None] = field(default_factory=list)


@dataclass
class Rule:
    context: list[Query]  # one per branch of the context's union: matched in turn
    #: local names the context can match, or None when it may match any element
    names: frozenset | None = None
    lets: list[tuple[str, Query]] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    #: per branch: the local names one of which must occur for it to match (None: any),
    #: and the attribute (Clark name) every node it matches has (None: not known)
    needs: list[tuple[frozenset | None, str | None]] = field(default_factory=list)

    def can_match(self, branch: int, tags: frozenset, attributes: frozenset) -> bool:
        names, attribute = self.needs[branch]
        if names is not None and not (names & tags):
            return False
        return attribute is None or attribute in attributes


@dataclass
class Pattern:
    id: str
    lets: list[tuple[str, Query]] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


class SchematronSchema:
    kind = "schematron"

    def __init__(self, schema: etree._Element, name: str, default_binding: str = "xslt") -> None:
        self.name = name
        self.ns = _SCH_NS(schema)
        binding = (schema.get("queryBinding") or default_binding).lower()
        self.xpath2 = binding not in ("xslt", "xslt1", "xpath", "exslt")
        self.namespaces = dict(xpath2.EXSLT)
        for n in schema.iter(f"{{{self.ns}}}ns"):
            self.namespaces[n.get("prefix")] = n.get("uri")
        self.skipped: list[tuple[str, str]] = []
        self.lets = self._lets(schema, name)
        abstract = {r.get("id"): r for r in schema.iter(f"{{{self.ns}}}rule")
                    if r.get("abstract") == "true"}
        self.patterns: list[Pattern] = []
        for i, pat in enumerate(schema.iter(f"{{{self.ns}}}pattern"), 1):
            pid = pat.get("id") or f"pattern-{i}"
            if pat.get("abstract") == "true" or pat.get("is-a"):
                self.skipped.append((pid, "abstract patterns are not supported"))
                continue
            try:
                self.patterns.append(self._pattern(pat, pid, abstract))
            except (xpath2.Unsupported, etree.XPathSyntaxError) as e:
                self.skipped.append((pid, f"expression not supported: {_short(e)}"))
        self.total = len(self.patterns) + len(self.skipped)

    @classmethod
    def from_file(cls, path: Path) -> SchematronSchema:
        root = parse_file(path).getroot()
        if etree.QName(root).namespace not in (ISO, OLD) or etree.QName(root).localname != "schema":
            raise TeikitError("not a Schematron schema (expected a schema element in the ISO "
                              "Schematron namespace)", file=str(path), exit_code=2)
        return cls(root, Path(path).name)

    # ------------------------------------------------------------------ compiling

    def _xpath(self, expr: str) -> Query:
        expr = xpath2.translate(expr) if self.xpath2 else xpath2.bind_current(expr)
        return Query(expr, self.namespaces)

    def _lets(self, parent: etree._Element, where: str) -> list[tuple[str, Query]]:
        lets = []
        for let in parent.findall(f"{{{self.ns}}}let"):
            lets.append((let.get("name"), self._xpath(let.get("value") or "''")))
        return lets

    def _pattern(self, pat: etree._Element, pid: str, abstract: dict) -> Pattern:
        p = Pattern(pid, self._lets(pat, pid))
        for r in pat.findall(f"{{{self.ns}}}rule"):
            if r.get("abstract") == "true":
                continue
            context = r.get("context", "")
            paths = xpath2.context_paths(context)
            rule = Rule([self._xpath(p) for p in paths], _names(context), self._lets(r, pid),
                        needs=[(_names(b), self._attribute_needed(b)) for b in paths])
            bodies = [r] + [abstract[e.get("rule")] for e in r.findall(f"{{{self.ns}}}extends")
                            if e.get("rule") in abstract]
            for body in bodies:
                for c in body:
                    if c.tag in (f"{{{self.ns}}}assert", f"{{{self.ns}}}report"):
                        check = Check(
                            c.tag.endswith("report"), self._xpath(c.get("test", "true()")),
                            _severity(c.get("role")), c.get("id") or pid, c)
                        check.bulk = [self._bulk(b, check, rule) for b in rule.context]
                        rule.checks.append(check)
            p.rules.append(rule)
        return p

    def _bulk(self, branch: Query, check: Check, rule: Rule) -> Query | None:
        """One query for the nodes of ``branch`` on which ``check`` fires, when that means
        the same as testing node by node: in a predicate the context node is the node
        tested, so ``(branch)[not(test)]`` are the nodes an assert fails on.  Not when the
        test needs the rule's node as ``current()`` or the rule's own ``let``s, or asks its
        position (``position()``, ``last()``: 1 for a rule's test, not in a predicate).
        A node-by-node test cost an XPath call per node: 1.9 s of the GerDraCor sample's
        9 s were the one ``l``-in-``l`` rule."""
        test, where = check.test.text, branch.text
        if rule.lets or "$current" in test or "$current" in where or _POSITIONAL.search(
                xpath2._strip_strings(test)):
            return None
        wrapped = f"boolean({test})" if check.is_report else f"not({test})"
        try:
            return Query(f"({where})[{wrapped}]", self.namespaces)
        except etree.XPathSyntaxError:
            return None

    def _attribute_needed(self, branch: str) -> str | None:
        """The attribute every node a context branch matches has: a predicate ``[@name]``
        of its last step (predicates filter one after another, so any of them)."""
        steps = xpath2.split_top_level(branch, "/")
        for pred in _predicates(steps[-1] if steps else ""):
            if m := re.fullmatch(r"\s*@(?:([\w.-]+):)?([\w.-]+)\s*", pred):
                prefix, local = m.groups()
                if prefix is None:
                    return local
                uri = XML_NS if prefix == "xml" else self.namespaces.get(prefix)
                return f"{{{uri}}}{local}" if uri else None
        return None

    # ------------------------------------------------------------------ running

    def validate(self, doc: Document) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        root = doc.root
        present = frozenset(t.rsplit("}", 1)[-1] for t in doc.tags)
        attributes = doc.attributes
        base: dict = {}
        for name, x in self.lets:
            base[name] = _value(x(root, {**base, "current": root}))
        for pat in list(self.patterns):
            if not any(r.can_match(i, present, attributes) for r in pat.rules
                       for i in range(len(r.context))):
                # none of the elements (or attributes) it is about occurs: skip the tree
                # scans (a //tei:*[@calendar] scan is 0.03 s on a large play)
                continue
            try:
                out.extend(self._run(pat, doc, base))
            except etree.XPathEvalError as e:
                self.patterns.remove(pat)
                self.skipped.append((pat.id, f"expression not supported: {_short(e)}"))
        return out

    def _run(self, pat: Pattern, doc: Document, base: dict) -> list[Diagnostic]:
        out = []
        variables = dict(base)
        for name, x in pat.lets:
            variables[name] = _value(x(doc.root, {**variables, "current": doc.root}))
        # the nodes themselves, not their id()s: lxml makes a new proxy object for a node
        # whose last one was freed, and a freed proxy's id is soon reused for another node
        fired: set[etree._Element] = set()
        present = frozenset(t.rsplit("}", 1)[-1] for t in doc.tags)
        for k, rule in enumerate(pat.rules):
            live = [i for i in range(len(rule.context))
                    if rule.can_match(i, present, doc.attributes)]
            if all(c.bulk and all(c.bulk[i] is not None for i in live) for c in rule.checks):
                out.extend(self._run_bulk(rule, live, doc, variables, fired))
                if k < len(pat.rules) - 1:  # later rules see only what this one did not
                    fired.update(n for n in _matches(rule, doc, variables, live)
                                 if isinstance(n, etree._Element))
                continue
            for node in _matches(rule, doc, {**variables, "current": doc.root}, live):
                if not isinstance(node, etree._Element) or node in fired:
                    continue
                fired.add(node)
                local = dict(variables, current=node)
                for name, x in rule.lets:
                    local[name] = _value(x(node, local))
                for check in rule.checks:
                    hit = bool(check.test(node, local))
                    if hit == check.is_report:
                        line, col = doc.position(node)
                        out.append(Diagnostic(doc.name, line, col, check.severity,
                                              self._message(check.message, node, local),
                                              check.rule_id))
        return out

    def _run_bulk(self, rule: Rule, live: list[int], doc: Document, variables: dict,
                  fired: set[etree._Element]) -> list[Diagnostic]:
        out = []
        scope = {**variables, "current": doc.root}
        for check in rule.checks:
            seen: set[etree._Element] = set()
            for i in live:
                for node in check.bulk[i](doc.tree, scope):
                    if not isinstance(node, etree._Element) or node in fired or node in seen:
                        continue
                    seen.add(node)
                    line, col = doc.position(node)
                    out.append(Diagnostic(doc.name, line, col, check.severity,
                                          self._message(check.message, node,
                                                        dict(variables, current=node)),
                                          check.rule_id))
        return out

    def _message(self, template: etree._Element, node: etree._Element, variables: dict) -> str:
        parts = [template.text or ""]
        for c in template:
            if c.tag == f"{{{self.ns}}}name":
                path = c.get("path")
                target = self._xpath(path)(node, variables) if path else node
                if isinstance(target, list):
                    target = target[0] if target else node
                parts.append(etree.QName(target).localname
                             if isinstance(target, etree._Element) else str(target))
            elif c.tag == f"{{{self.ns}}}value-of":
                parts.append(_string(self._xpath(c.get("select", "."))(node, variables)))
            else:
                parts.append("".join(c.itertext()))
            parts.append(c.tail or "")
        return re.sub(r"\s+", " ", "".join(parts)).strip()


def _matches(rule: Rule, doc: Document, variables: dict,
             live: list[int] | None = None) -> Iterator:
    for i, branch in enumerate(rule.context):
        if live is None or i in live:
            yield from branch(doc.tree, variables)


XML_NS = "http://www.w3.org/XML/1998/namespace"
_POSITIONAL = re.compile(r"(?<![\w.-])(?:position|last)\s*\(")


def _predicates(step: str) -> list[str]:
    """The top-level ``[...]`` predicates of one location step."""
    preds, depth, cur = [], 0, []
    for kind, text in xpath2._tokens(step):
        if kind == "str":
            if depth:
                cur.append(text)
            continue
        for ch in text:
            if ch == "[":
                depth += 1
                if depth == 1:
                    cur = []
                    continue
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    preds.append("".join(cur))
                    continue
            if depth:
                cur.append(ch)
    return preds


def _names(context: str) -> frozenset | None:
    """The element names a rule context is about — the element each ``|`` branch ends at
    or starts from is what must be present — or None if any element may match (``*``,
    ``node()``, attributes, functions)."""
    names = set()
    for branch in xpath2.split_top_level(context, "|"):
        steps = re.findall(r"(?:^|/)(?:[\w-]+:)?([\w.-]+|\*)(?=\[|/|$)", branch.strip())
        if not steps or "*" in steps or "(" in branch.split("[")[0]:
            return None
        names.add(steps[0])
    return frozenset(names)


def _SCH_NS(schema: etree._Element) -> str:
    return etree.QName(schema).namespace or ISO


def _severity(role: str | None) -> str:
    role = (role or "").lower()
    if role in _WARNING_ROLES:
        return "warning"
    if role in _INFO_ROLES:
        return "info"
    return "error"


def _value(result):
    """A ``let`` value lxml can pass back as a variable: it takes elements, strings, numbers
    and booleans, not attribute or text nodes — those become the string of the first (what
    XPath 1 makes of a node-set in a string context; an empty set becomes "")."""
    if isinstance(result, list) and any(not isinstance(r, etree._Element) for r in result):
        return str(result[0]) if result else ""
    return result


def _string(result) -> str:
    if isinstance(result, list):
        if not result:
            return ""
        first = result[0]
        return first.xpath("string(.)") if isinstance(first, etree._Element) else str(first)
    if isinstance(result, float) and result.is_integer():
        return str(int(result))
    return str(result)


def _short(e: Exception) -> str:
    text = str(e).strip() or type(e).__name__
    return text if len(text) < 120 else text[:117] + "…"


def embedded(rng: etree._Element, name: str) -> SchematronSchema | None:
    """The Schematron rules embedded in a RelaxNG grammar (as TEI's ODD tools write them),
    or None.  TEI writes them for the ``xslt2`` binding without declaring it."""
    patterns = rng.findall(f".//{{{ISO}}}pattern")
    if not patterns:
        return None
    schema = etree.Element(f"{{{ISO}}}schema", queryBinding="xslt2")
    seen = set()
    for n in rng.iter(f"{{{ISO}}}ns"):
        if n.get("prefix") not in seen:
            seen.add(n.get("prefix"))
            schema.append(etree.Element(f"{{{ISO}}}ns", prefix=n.get("prefix"), uri=n.get("uri")))
    for p in patterns:
        schema.append(_copy(p))
    return SchematronSchema(schema, name + " (embedded Schematron)", "xslt2")


def _copy(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el))
