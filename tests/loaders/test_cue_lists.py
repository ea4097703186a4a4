"""The polarity cue lists are compiled as a trie (loaders.components.polarity._alternation): it must match exactly
what the plain longest-first alternation of the same phrases matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.components.polarity import _alternation, _lexicon_lists, cue_text


def _flat(phrases: list[str]) -> re.Pattern[str]:
    longest_first = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, longest_first)) + r")(?![\w-])")


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def test_every_cue_list_matches_as_its_flat_alternation_over_the_seed_reports(seed_paths, seed_report):
    lines = [cue_text(sentence.text) for path in seed_paths for sentence in seed_report(path.name[:3]).sentences]
    lists = {name: phrases for name, phrases in _lexicon_lists().items() if not name.startswith("_")}
    assert len(lines) > 1000 and len(lists) >= 8
    matched = 0
    for name, phrases in lists.items():
        trie, flat = _alternation(phrases), _flat(phrases)
        for line in lines:
            found = _matches(trie, line)
            assert found == _matches(flat, line), (name, line)
            matched += len(found)
    assert matched > 1000  # the lists do match the seeds: the comparison is not of two empty results


_WORDS = st.text(alphabet="ab -", min_size=1, max_size=6).map(str.strip).filter(bool)


@settings(max_examples=300)
@given(st.lists(_WORDS, min_size=1, max_size=8), st.text(alphabet="ab -.", max_size=30))
def test_a_trie_of_prefixes_matches_as_the_longest_first_alternation(phrases, text):
    # phrases over a tiny alphabet are often prefixes of one another ("a", "a b", "ab"): the case a trie must get right
    assert _matches(_alternation(phrases), text) == _matches(_flat(phrases), text)
