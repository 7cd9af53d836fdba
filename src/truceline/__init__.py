"""truceline: ceasefire monitoring and guarantee enforcement.

The pipeline runs one way: sources -> ingest -> fuse -> attribute -> protocol -> notify,
with every fact appended to the ledger. See docs/ and DESIGN in the README.
"""

__version__ = "0.1.0"
