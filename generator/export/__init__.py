"""Exports: the selected corpus in formats other tools read (STIX 2.1 in `stix.py`)."""
