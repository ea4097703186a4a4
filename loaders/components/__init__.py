"""Custom spaCy components, one per file; importing this package registers their factories."""

from loaders.components import polarity, weaknesses  # noqa: F401  (registers the factories)
