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
from teikit.validate import xpath
from teikit.validate.document import Document
from teikit.xmlio import parse_file

ISO = "http://purl.oclc.org/dsdl/schematron"
OLD = "http://www.ascc.net/xml/schematron"
_WARNING_ROLES = {"warning", "warn", "nonfatal", "caution"}
_INFO_ROLES = {"info", "information", "note"}


class Query:
    """An XPath 1 expression compiled once, called with a node and the variables in scope;
    only the variables it names are handed to lxml: it converts every variable it is given
    on every call, and a node-set variable in scope (the schema's ``$identified``, every
    identified element) made each test cost time in proportion to the document."""

    __slots__ = ("expr", "xpath")

    def __init__(self, expr: str, namespaces: dict[str, str]) -> None:
        self.expr = xpath.compile_expr(expr, namespaces, 1, "expression")
        self.xpath = self.expr.lxml

    @property
    def names(self) -> frozenset:
        return self.expr.names

    def __call__(self, node: etree._Element | etree._ElementTree, variables: dict):
        return self.xpath(node, **{k: v for k, v in variables.items() if k in self.names})


@dataclass
class Check:
    """One ``assert`` (problem when the test is false) or ``report`` (when true)."""

    is_report: bool
    test: xpath.Expr
    severity: str
    rule_id: str
    message: etree._Element
    #: per branch of the rule's context, the nodes for which the check fires, found in
    #: one lxml query (``(branch)[not(test)]``), or None where it must run node by node
    bulk: list[xpath.Expr | None] = field(default_factory=list)


@dataclass
class Rule:
    context: list[xpath.Expr]  # one per branch of the context's union: matched in turn
    #: local names the context can match, or None when it may match any element
    names: frozenset | None = None
    lets: list[tuple[str, xpath.Expr]] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    #: per branch: the local names one of which must occur for it to match (None: any),
    #: the attribute (Clark name) every node it matches has (None: not known), and for
    #: each earlier step of its path the local names one of which must occur
    needs: list[tuple] = field(default_factory=list)
    where: str = ""

    def can_match(self, branch: int, tags: frozenset, attributes: frozenset) -> bool:
        names, attribute, required = self.needs[branch]
        if names is not None and not (names & tags):
            return False
        if any(not (r & tags) for r in required):
            return False
        return attribute is None or attribute in attributes


@dataclass
class Pattern:
    id: str
    lets: list[tuple[str, xpath.Expr]] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


_VERSIONS = {"xslt": 1, "xslt1": 1, "xpath": 1, "exslt": 1, "xslt2": 2, "xpath2": 2,
             "xslt3": 3, "xpath3": 3, "xpath31": 3}


class SchematronSchema:
    kind = "schematron"

    def __init__(self, schema: etree._Element, name: str, default_binding: str = "xslt") -> None:
        self.name = name
        self.ns = _SCH_NS(schema)
        binding = (schema.get("queryBinding") or default_binding).lower()
        if binding not in _VERSIONS:
            raise TeikitError(f"Schematron query binding {binding!r} is not supported "
                              f"(expected one of {', '.join(sorted(_VERSIONS))})",
                              file=name, exit_code=2)
        self.version = _VERSIONS[binding]
        self.xpath2 = self.version > 1
        self.namespaces = dict(xpath.EXSLT)
        for n in schema.iter(f"{{{self.ns}}}ns"):
            self.namespaces[n.get("prefix")] = n.get("uri")
        self.skipped: list[tuple[str, str]] = []
        self.lets = self._lets(schema, "schema-level let")
        abstract = {r.get("id"): r for r in schema.iter(f"{{{self.ns}}}rule")
                    if r.get("abstract") == "true"}
        self.patterns: list[Pattern] = []
        for i, pat in enumerate(schema.iter(f"{{{self.ns}}}pattern"), 1):
            pid = pat.get("id") or f"pattern-{i}"
            if pat.get("abstract") == "true" or pat.get("is-a"):
                self.skipped.append((pid, "abstract patterns are not supported"))
                continue
            self.patterns.append(self._pattern(pat, pid, abstract))
        self.total = len(self.patterns) + len(self.skipped)
        xpath.save_cache()

    @classmethod
    def from_file(cls, path: Path) -> SchematronSchema:
        root = parse_file(path).getroot()
        if etree.QName(root).namespace not in (ISO, OLD) or etree.QName(root).localname != "schema":
            raise TeikitError("not a Schematron schema (expected a schema element in the ISO "
                              "Schematron namespace)", file=str(path), exit_code=2)
        return cls(root, Path(path).name)

    # ------------------------------------------------------------------ compiling

    def _xpath(self, expr: str, where: str) -> xpath.Expr:
        try:
            return xpath.compile_expr(expr, self.namespaces, self.version, where)
        except TeikitError as e:
            e.file = e.file or self.name
            raise

    def _lets(self, parent: etree._Element, where: str) -> list[tuple[str, xpath.Expr]]:
        return [(let.get("name"), self._xpath(let.get("value") or "''",
                                              f"{where} ${let.get('name')}"))
                for let in parent.findall(f"{{{self.ns}}}let")]

    def _pattern(self, pat: etree._Element, pid: str, abstract: dict) -> Pattern:
        p = Pattern(pid, self._lets(pat, f"pattern {pid}"))
        for r in pat.findall(f"{{{self.ns}}}rule"):
            if r.get("abstract") == "true":
                continue
            context = r.get("context", "")
            where = f"pattern {pid}, rule {context.strip()!r}"
            branches = xpath.union_branches(context, self.version, self.namespaces)
            paths = [b if b.lstrip().startswith("/") else "//" + b.strip() for b in branches]
            compiled = [self._xpath(b, where) for b in paths]
            needs = [c.needs for c in compiled]
            names = None if any(n[0] is None for n in needs) else frozenset().union(
                *(n[0] for n in needs))
            rule = Rule(compiled, names, self._lets(r, where), needs=needs, where=where)
            bodies = [r] + [abstract[e.get("rule")] for e in r.findall(f"{{{self.ns}}}extends")
                            if e.get("rule") in abstract]
            for body in bodies:
                for c in body:
                    if c.tag in (f"{{{self.ns}}}assert", f"{{{self.ns}}}report"):
                        self._compile_message(c, where)
                        check = Check(
                            c.tag.endswith("report"),
                            self._xpath(c.get("test", "true()"), where),
                            _severity(c.get("role")), c.get("id") or pid, c)
                        check.bulk = [self._bulk(b, check, rule) for b in rule.context]
                        rule.checks.append(check)
            p.rules.append(rule)
        return p

    def _compile_message(self, template: etree._Element, where: str) -> None:
        """Compile the message's expressions now, so that one neither engine reads is a
        usage error when the schema is loaded (compiled expressions are cached)."""
        for c in template:
            if c.tag == f"{{{self.ns}}}name" and c.get("path"):
                self._xpath(c.get("path"), where)
            elif c.tag == f"{{{self.ns}}}value-of":
                self._xpath(c.get("select", "."), where)

    def _bulk(self, branch: xpath.Expr, check: Check, rule: Rule) -> xpath.Expr | None:
        """One lxml query for the nodes of ``branch`` on which ``check`` fires, when that
        means the same as testing node by node: in a predicate the context node is the node
        tested, so ``(branch)[not(test)]`` are the nodes an assert fails on.  Not when either
        needs elementpath, the test needs the rule's node as ``current()`` or the rule's own
        ``let``s, or asks its position (``position()``, ``last()``: 1 for a rule's test, not
        in a predicate).  A node-by-node test cost an XPath call per node: 1.9 s of the
        GerDraCor sample's 9 s were the one ``l``-in-``l`` rule."""
        test = check.test
        if (rule.lets or branch.lxml is None or test.lxml is None or test.uses_current()
                or branch.uses_current() or test.positional):
            return None
        wrapped = f"boolean({test.text})" if check.is_report else f"not({test.text})"
        text = f"({branch.text})[{wrapped}]"
        try:
            lx = etree.XPath(text, namespaces=self.namespaces)
        except etree.XPathSyntaxError:
            return None
        return xpath.Expr(text, lx, branch.names | test.names)

    # ------------------------------------------------------------------ running

    def validate(self, doc: Document) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        root = doc.root
        present = frozenset(t.rsplit("}", 1)[-1] for t in doc.tags)
        attributes = doc.attributes
        live = [pat for pat in self.patterns
                if any(r.can_match(i, present, attributes) for r in pat.rules
                       for i in range(len(r.context)))]
        if not live:
            # none of the elements (or attributes) any pattern is about occurs: skip the
            # tree scans (a //tei:*[@calendar] scan is 0.03 s on a large play)
            return out
        ev = xpath.Evaluator(doc.tree)
        base: dict = {}
        for name, x in self.lets:
            base[name] = self._let(ev, x, root, {**base, "current": root}, doc, "schema")
        for pat in live:
            out.extend(self._run(pat, doc, ev, base, present))
        return out

    def _let(self, ev: xpath.Evaluator, x: xpath.Expr, node, variables: dict, doc: Document,
             where: str):
        try:
            value = ev.run(x, node, variables)
        except _EVAL_ERRORS as e:
            raise _Failure(where, x, node, e) from e
        return _value(value) if self.version == 1 else value

    def _run(self, pat: Pattern, doc: Document, ev: xpath.Evaluator, base: dict,
             present: frozenset) -> list[Diagnostic]:
        out = []
        variables = dict(base)
        try:
            for name, x in pat.lets:
                variables[name] = self._let(ev, x, doc.root,
                                            {**variables, "current": doc.root}, doc, pat.id)
        except _Failure as f:
            return [self._failure(f, doc, pat.id)]
        # the nodes themselves, not their id()s: lxml makes a new proxy object for a node
        # whose last one was freed, and a freed proxy's id is soon reused for another node
        fired: set = set()
        for k, rule in enumerate(pat.rules):
            live = [i for i in range(len(rule.context))
                    if rule.can_match(i, present, doc.attributes)]
            if not live:
                continue
            try:
                out.extend(self._run_rule(rule, live, doc, ev, variables, fired,
                                          k < len(pat.rules) - 1))
            except _Failure as f:
                out.append(self._failure(f, doc, pat.id))
        return out

    def _run_rule(self, rule: Rule, live: list[int], doc: Document, ev: xpath.Evaluator,
                  variables: dict, fired: set, more: bool) -> list[Diagnostic]:
        if all(c.bulk and all(c.bulk[i] is not None for i in live) for c in rule.checks) \
                and all(xpath.lxml_value(variables[n]) is not None
                        for c in rule.checks for i in live for n in c.bulk[i].names
                        if n in variables):
            out = self._run_bulk(rule, live, doc, ev, variables, fired)
            if more:  # later rules see only what this one did not
                fired.update(_key(n) for n in self._matches(rule, doc, ev, variables, live))
            return out
        out = []
        for node in self._matches(rule, doc, ev, {**variables, "current": doc.root}, live):
            if not _is_node(node) or _key(node) in fired:
                continue
            fired.add(_key(node))
            local = dict(variables, current=node)
            for name, x in rule.lets:
                local[name] = self._let(ev, x, node, local, doc, rule.where)
            for check in rule.checks:
                try:
                    hit = ev.boolean(check.test, node, local)
                except _EVAL_ERRORS as e:
                    raise _Failure(rule.where, check.test, node, e) from e
                if hit == check.is_report:
                    out.append(self._diagnostic(doc, ev, check, node, local))
        return out

    def _matches(self, rule: Rule, doc: Document, ev: xpath.Evaluator, variables: dict,
                 live: list[int]) -> Iterator:
        for i in live:
            try:
                result = ev.run(rule.context[i], doc.tree, variables)
            except _EVAL_ERRORS as e:
                raise _Failure(rule.where, rule.context[i], doc.root, e) from e
            yield from result if isinstance(result, list) else ()

    def _run_bulk(self, rule: Rule, live: list[int], doc: Document, ev: xpath.Evaluator,
                  variables: dict, fired: set) -> list[Diagnostic]:
        out = []
        scope = {**variables, "current": doc.root}
        for check in rule.checks:
            seen: set = set()
            for i in live:
                for node in ev.run(check.bulk[i], doc.tree, scope):
                    key = _key(node)
                    if not _is_node(node) or key in fired or key in seen:
                        continue
                    seen.add(key)
                    out.append(self._diagnostic(doc, ev, check, node,
                                                dict(variables, current=node)))
        return out

    def _diagnostic(self, doc: Document, ev: xpath.Evaluator, check: Check, node,
                    variables: dict) -> Diagnostic:
        line, col = doc.position(node)
        return Diagnostic(doc.name, line, col, check.severity,
                          self._message(check.message, node, variables, ev), check.rule_id)

    def _failure(self, f: _Failure, doc: Document, pid: str) -> Diagnostic:
        """A test that raised a dynamic error (an XPath 2 type error on this document): the
        document is reported, not passed — SchXslt on Saxon stops there."""
        line, col = doc.position(f.node) if _is_node(f.node) else (0, 0)
        return Diagnostic(doc.name, line, col, "error",
                          f"Schematron {f.where}: cannot evaluate {f.expr.text.strip()!r} "
                          f"here: {_short(f.error)}", pid)

    def _message(self, template: etree._Element, node, variables: dict,
                 ev: xpath.Evaluator) -> str:
        parts = [template.text or ""]
        for c in template:
            if c.tag == f"{{{self.ns}}}name":
                path = c.get("path")
                target = ev.run(self._xpath(path, "name"), node, variables) if path else node
                if isinstance(target, list):
                    target = target[0] if target else node
                parts.append(_local_name(target))
            elif c.tag == f"{{{self.ns}}}value-of":
                expr = self._xpath(c.get("select", "."), "value-of")
                try:
                    parts.append(_string(ev.run(expr, node, variables)))
                except _EVAL_ERRORS as e:
                    parts.append(f"[{_short(e)}]")
            else:
                parts.append("".join(c.itertext()))
            parts.append(c.tail or "")
        return re.sub(r"\s+", " ", "".join(parts)).strip()


_EVAL_ERRORS = (etree.XPathEvalError, xpath.EvalError)


class _Failure(Exception):
    def __init__(self, where: str, expr: xpath.Expr, node, error: Exception) -> None:
        super().__init__(where)
        self.where, self.expr, self.node, self.error = where, expr, node, error


def _is_node(node) -> bool:
    return isinstance(node, etree._Element) or bool(getattr(node, "is_attribute", False))


def _key(node):
    """Identity of a matched node: an element, or an attribute as (owner, name) — two
    attribute results with the same value are equal strings."""
    if isinstance(node, etree._Element):
        return node
    if getattr(node, "is_attribute", False):
        return (node.getparent(), node.attrname)
    return None


def _local_name(target) -> str:
    if isinstance(target, etree._Element):
        return etree.QName(target).localname
    if getattr(target, "is_attribute", False):
        return etree.QName(target.attrname).localname
    return str(target)


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
    if isinstance(result, bool):
        return "true" if result else "false"
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
    schema = etree.Element(f"{{{ISO}}}schema", queryBinding="xslt3")
    seen = set()
    for n in rng.iter(f"{{{ISO}}}ns"):
        if n.get("prefix") not in seen:
            seen.add(n.get("prefix"))
            schema.append(etree.Element(f"{{{ISO}}}ns", prefix=n.get("prefix"), uri=n.get("uri")))
    for p in patterns:
        schema.append(_copy(p))
    return SchematronSchema(schema, name + " (embedded Schematron)", "xslt3")


def _copy(el: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(el))
