"""Custom spaCy components, one per file; importing this package registers their factories."""

from loaders.components import concept_spans, polarity, polarity_model, theme_model, weaknesses  # noqa: F401  (registers the factories)
