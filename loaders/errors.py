"""Errors we expect: each prints as one line, '<file or name>: <what is wrong>[; what to do]'."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

__all__ = ["KgError", "ReportError", "UnknownName"]


class KgError(Exception):
    """An error the user can act on; anything else is a bug."""


class ReportError(KgError):
    """A file that cannot be read as an inspection report."""

    def __init__(self, path: Path | str, reason: str) -> None:
        path = Path(path)
        super().__init__(f"{path.name}: {reason}")
        self.path, self.reason = path, reason

    def __reduce__(self):  # errors cross process boundaries in parallel builds
        return (type(self), (self.path, self.reason))


class UnknownName(KgError):
    """A name (concept, query, authority, ...) that is not known; suggests close matches."""

    def __init__(self, kind: str, name: str, known: Iterable[str] = ()) -> None:
        known = sorted(set(known))
        close = difflib.get_close_matches(name, known, n=5, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"{name}: unknown {kind}{hint}")
        self.kind, self.name, self.suggestions, self.known = kind, name, close, known

    def __reduce__(self):
        return (type(self), (self.kind, self.name, self.known))
