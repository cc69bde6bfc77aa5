"""Recognisers: small named rules for the conventions of the sources.

Each module implements one convention (speaker labels, omission marks, bracket kinds,
footnote markers, page markers …) and says in its docstring where it comes from, with a real
example.  Readers combine them; the rules know nothing about TEI.
"""
