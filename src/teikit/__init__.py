"""teikit: scholarly digital editions in TEI-XML."""

__version__ = "0.1.0"
