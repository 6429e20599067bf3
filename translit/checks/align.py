"""Lining up the blocks of two versions of a post.

Translations keep the order of paragraphs but not their count: one may be
split, merged or missing. A small edit-distance alignment over block kinds
and (log) lengths finds which paragraph corresponds to which, so a finding
about a missing number or paragraph can point at the right place.
"""

from __future__ import annotations

import math
import re

from .base import Post, Version

_GAP = 1.3
_DIGIT_WEIGHT = 1.5
_DIGITS = re.compile(r"\d+")
_KIND_MISMATCH = 2.5


def _length(version: Version, index: int) -> float:
    block = version.blocks[index]
    return max(8.0, float(sum(end - start for start, end in block.prose_spans)))


def _digits(version: Version, index: int) -> frozenset[str]:
    """Digit groups of a block: "1,500", "1 500" and "75.4"/"75,4" give the same groups in every language."""
    cache = version.__dict__.setdefault("_values", {}).setdefault("digits", {})
    if index not in cache:
        block = version.blocks[index]
        cache[index] = frozenset(_DIGITS.findall(block.prose(version.text)))
    return cache[index]  # type: ignore[no-any-return]


def _cost(a: Version, i: int, b: Version, j: int) -> float:
    cost = min(abs(math.log(_length(a, i) / _length(b, j))), 3.0)
    # Numbers survive translation, so shared digits are the strongest sign two paragraphs correspond.
    digits_a, digits_b = _digits(a, i), _digits(b, j)
    if digits_a or digits_b:
        cost += _DIGIT_WEIGHT * (1 - len(digits_a & digits_b) / len(digits_a | digits_b))
    kind_a, kind_b = a.blocks[i].kind, b.blocks[j].kind
    if kind_a != kind_b:
        cost += _KIND_MISMATCH if "image" in (kind_a, kind_b) else _KIND_MISMATCH / 2
    return cost


def align(post: Post, a: Version, b: Version) -> list[tuple[int | None, int | None]]:
    """Pairs (index in a, index in b), None on the side that has no counterpart. Cached per post."""
    key = f"align:{a.lang}:{b.lang}"
    cached = post.cache.get(key)
    if cached is not None:
        return cached
    n, m = len(a.blocks), len(b.blocks)
    if n == m and all(x.kind == y.kind for x, y in zip(a.blocks, b.blocks)):
        pairs: list[tuple[int | None, int | None]] = [(i, i) for i in range(n)]
    else:
        score = [[0.0] * (m + 1) for _ in range(n + 1)]
        for i in range(1, n + 1):
            score[i][0] = i * _GAP
        for j in range(1, m + 1):
            score[0][j] = j * _GAP
        for i in range(1, n + 1):
            row, prev = score[i], score[i - 1]
            for j in range(1, m + 1):
                row[j] = min(prev[j - 1] + _cost(a, i - 1, b, j - 1), prev[j] + _GAP, row[j - 1] + _GAP)
        pairs = []
        i, j = n, m
        while i > 0 or j > 0:
            if i > 0 and j > 0 and math.isclose(score[i][j], score[i - 1][j - 1] + _cost(a, i - 1, b, j - 1)):
                pairs.append((i - 1, j - 1))
                i, j = i - 1, j - 1
            elif i > 0 and math.isclose(score[i][j], score[i - 1][j] + _GAP):
                pairs.append((i - 1, None))
                i -= 1
            else:
                pairs.append((None, j - 1))
                j -= 1
        pairs.reverse()
    post.cache[key] = pairs
    post.cache[f"align:{b.lang}:{a.lang}"] = [(y, x) for x, y in pairs]
    return pairs


def counterpart(post: Post, a: Version, index: int | None, b: Version) -> int:
    """The offset in ``b`` where the content of block ``index`` of ``a`` belongs (a block start)."""
    if index is None or not b.blocks:
        return 0
    pairs = align(post, a, b)
    after = False
    for left, right in pairs:
        if left == index:
            after = True
            if right is not None:
                return b.blocks[right].start
        elif after and right is not None:
            return b.blocks[right].start
    return b.blocks[-1].start


def unmatched(post: Post, a: Version, index: int | None, b: Version) -> bool:
    """Whether block ``index`` of ``a`` has no counterpart at all in ``b`` (a missing paragraph)."""
    if index is None or not b.blocks:
        return False
    return any(left == index and right is None for left, right in align(post, a, b))
