"""Sub-commands of the ``teikit`` command line."""
