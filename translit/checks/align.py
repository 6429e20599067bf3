"""Lining up the blocks of a post's versions: which paragraph translates which.

Translations keep the order of paragraphs but not always their count: one may be
missing, added, split in two or merged. Blocks are aligned by what survives
translation — numbers, dates, phones, links, images, glossary institutions and
people's surnames ("anchors") — and by length, in the manner of Gale and Church
(1993): a paragraph's length in characters is proportional to its translation's,
with a variance that grows with the length, so a length ratio far from the post's
own ratio is improbable. A dynamic programme over 1–1, 1–0, 0–1, 2–1 and 1–2
links picks the most probable alignment.

:func:`align_blocks` is the public entry point (a translation-memory importer and a
review page use it as well as the checks); :func:`align`, :func:`counterpart` and
:func:`unmatched` serve the checks, on a :class:`~translit.checks.base.Post`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from .base import Post, Version

__all__ = ["AlignedRow", "align_blocks"]

# Priors of the link types (1-1, 1-0 or 0-1, 2-1 or 1-2), as costs in nats. Gale & Church's are for
# sentences; a translator splits or merges a paragraph far less often, about as rarely as one is lost.
_PRIOR = {(1, 1): -math.log(0.97), (1, 0): -math.log(0.01), (0, 1): -math.log(0.01), (2, 1): -math.log(0.002), (1, 2): -math.log(0.002)}
_VARIANCE = 6.8  # variance of the length difference per character (Gale & Church)
_ANCHOR_WEIGHT = 4.0  # cost of two blocks whose anchors are all different
_KIND_MISMATCH = 1.5
_IMAGE_MISMATCH = 6.0


@dataclass(frozen=True)
class AlignedRow:
    """One row of an alignment: for each language the indices of its blocks in the row.

    An empty tuple means the language has nothing there (a missing or extra block);
    two indices mean a block split in two in that language. ``confidence`` (0–1) is
    how much more probable this row is than the nearest other reading of it.
    """

    blocks: Mapping[str, tuple[int, ...]]
    confidence: float


@dataclass(frozen=True)
class _Link:
    left: tuple[int, ...]
    right: tuple[int, ...]
    confidence: float


def align_blocks(versions: Mapping[str, str] | Sequence[Version], *, formats: Mapping[str, str] | None = None) -> list[AlignedRow]:
    """Align the blocks of a post's versions: ``{"en": text, "kk": text, "ru": text}`` or :class:`Version` objects.

    Blocks are those of :func:`translit.checks.blocks.split_blocks` (headings,
    paragraphs, list items, images...), in each version's order; every block of
    every version is in exactly one row, and rows keep every version's order.

    >>> rows = align_blocks({"en": "Opened on 5 May.\\n\\nA second paragraph.", "ru": "Открыто 5 мая."})
    >>> [(dict(row.blocks), round(row.confidence, 2) > 0.5) for row in rows]
    [({'en': (0,), 'ru': (0,)}, True), ({'en': (1,), 'ru': ()}, True)]
    """
    from ..config import Config

    if isinstance(versions, Mapping):
        versions = [Version(lang, text, None, (formats or {}).get(lang, "auto")) for lang, text in versions.items()]
    post = Post(list(versions), Config())
    return rows(post)


def rows(post: Post) -> list[AlignedRow]:
    """The alignment of all versions of ``post``: each version aligned to the one with most blocks, then merged.

    Computed once per post (the structure checks and the review page all read it).
    """
    if "rows" not in post.cache:
        post.cache["rows"] = _rows(post)
    return post.cache["rows"]  # type: ignore[no-any-return]


def _rows(post: Post) -> list[AlignedRow]:
    versions = [version for version in post.versions if version.blocks]
    if not versions:
        return []
    pivot = max(versions, key=lambda version: len(version.blocks))
    size = len(pivot.blocks)
    owner = list(range(size))  # the row each pivot block is in: two blocks another version merged share one
    cells: list[dict[str, list[int]]] = [{pivot.lang: [index]} for index in range(size)]
    confidence = [1.0] * size
    extras: dict[int, list[tuple[str, tuple[int, ...], float]]] = {}  # rows only another version has, after pivot block N
    for version in versions:
        if version is pivot:
            continue
        last = -1
        for link in _links(post, pivot, version):
            if not link.right or not link.left:
                if link.right:
                    extras.setdefault(last, []).append((version.lang, link.right, link.confidence))
                last = link.left[-1] if link.left else last
                continue
            row = owner[link.left[0]]
            for other in link.left[1:]:
                _join(row, owner[other], owner, cells, confidence)
            cells[row].setdefault(version.lang, []).extend(link.right)
            confidence[row] = min(confidence[row], link.confidence)
            last = link.left[-1]
    # a row one version made of two pivot blocks (a 2-1 link) spans what another has between them alone
    for position in [position for position in extras if 0 <= position < size - 1 and owner[position + 1] == owner[position]]:
        row = owner[position]
        for lang, blocks, sure in extras.pop(position):
            cells[row].setdefault(lang, []).extend(blocks)
            confidence[row] = min(confidence[row], sure)
    langs = [version.lang for version in versions]
    out: list[AlignedRow] = []
    for position in range(-1, size):
        if position >= 0 and owner[position] == position:
            out.append(AlignedRow({lang: tuple(sorted(cells[position].get(lang, ()))) for lang in langs}, confidence[position]))
        for lang, blocks, sure in extras.get(position, []):
            out.append(AlignedRow({other: blocks if other == lang else () for other in langs}, sure))
    return out


def _join(row: int, other: int, owner: list[int], cells: list[dict[str, list[int]]], confidence: list[float]) -> None:
    """Put the pivot row ``other`` into ``row`` (a version translated both as one block)."""
    if other == row:
        return
    for lang, blocks in cells[other].items():
        cells[row].setdefault(lang, []).extend(blocks)
    confidence[row] = min(confidence[row], confidence[other])
    for index, current in enumerate(owner):
        if current == other:
            owner[index] = row


def align(post: Post, a: Version, b: Version) -> list[tuple[int | None, int | None]]:
    """Pairs (index in a, index in b), None on the side that has no counterpart; a split block pairs twice."""
    pairs: list[tuple[int | None, int | None]] = []
    for link in _links(post, a, b):
        if not link.left:
            pairs.extend((None, right) for right in link.right)
        elif not link.right:
            pairs.extend((left, None) for left in link.left)
        else:
            pairs.extend((left, right) for left in link.left for right in link.right)
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


def _links(post: Post, a: Version, b: Version) -> list[_Link]:
    key = f"align:{a.lang}:{b.lang}"
    if key not in post.cache:
        links = _dynamic(post, a, b)
        post.cache[key] = links
        post.cache[f"align:{b.lang}:{a.lang}"] = [_Link(link.right, link.left, link.confidence) for link in links]
    return post.cache[key]  # type: ignore[no-any-return]


def _dynamic(post: Post, a: Version, b: Version) -> list[_Link]:
    scorer = _Scorer(post, a, b)
    links = _best_path(scorer)
    # The whole post's length ratio is skewed by a missing paragraph: align again with the ratio of the pairs found.
    pairs = [(link.left[0], link.right[0]) for link in links if len(link.left) == len(link.right) == 1]
    if pairs:
        ratio = sum(scorer.lengths_b[j] for _, j in pairs) / sum(scorer.lengths_a[i] for i, _ in pairs)
        if abs(math.log(ratio / scorer.ratio)) > 0.05:
            scorer.recalibrate(ratio)
            links = _best_path(scorer)
    return links


def _best_path(scorer: _Scorer) -> list[_Link]:
    n, m = len(scorer.a.blocks), len(scorer.b.blocks)
    a, b = scorer.a, scorer.b
    if n == m and all(x.kind == y.kind for x, y in zip(a.blocks, b.blocks)):
        # The common case: as many blocks of the same kinds. Kept unless a block is clearly elsewhere.
        diagonal = [scorer.cost((i,), (i,)) for i in range(n)]
        if all(cost < 2 * _PRIOR[(1, 0)] for cost in diagonal):
            return [_Link((i,), (i,), scorer.confidence((i,), (i,), cost)) for i, cost in enumerate(diagonal)]
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    move: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    # Only cells near the diagonal: a path further off would leave more blocks unmatched than the counts differ by.
    band = abs(n - m) + 3
    for i in range(n + 1):
        middle = round(i * m / n) if n else 0
        for j in range(max(0, middle - band), min(m, middle + band) + 1):
            if i == j == 0:
                continue
            for di, dj in _PRIOR:
                if di > i or dj > j or best[i - di][j - dj] == inf:
                    continue
                cost = best[i - di][j - dj] + scorer.cost(tuple(range(i - di, i)), tuple(range(j - dj, j)))
                if cost < best[i][j]:
                    best[i][j], move[i][j] = cost, (di, dj)
    links: list[_Link] = []
    i, j = n, m
    while i or j:
        di, dj = move[i][j]
        left, right = tuple(range(i - di, i)), tuple(range(j - dj, j))
        links.append(_Link(left, right, scorer.confidence(left, right, scorer.cost(left, right))))
        i, j = i - di, j - dj
    links.reverse()
    return links


class _Scorer:
    """Costs (negative log probabilities) of linking blocks of two versions."""

    def __init__(self, post: Post, a: Version, b: Version) -> None:
        self.a, self.b = a, b
        self.lengths_a = [_length(a, index) for index in range(len(a.blocks))]
        self.lengths_b = [_length(b, index) for index in range(len(b.blocks))]
        # The post's own length ratio stands for the language pair's (Gale & Church's c).
        self.ratio = max(sum(self.lengths_b), 1.0) / max(sum(self.lengths_a), 1.0)
        self.anchors_a = [anchors(post, a, index) for index in range(len(a.blocks))]
        self.anchors_b = [anchors(post, b, index) for index in range(len(b.blocks))]
        self._memo: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    def recalibrate(self, ratio: float) -> None:
        """Use ``ratio`` as the length ratio of the two languages from now on."""
        self.ratio = ratio
        self._memo.clear()

    def cost(self, left: tuple[int, ...], right: tuple[int, ...]) -> float:
        key = (left, right)
        if key not in self._memo:
            self._memo[key] = _PRIOR[(len(left), len(right))] + (self._match(left, right) if left and right else 0.0)
        return self._memo[key]

    def _match(self, left: tuple[int, ...], right: tuple[int, ...]) -> float:
        length_a = sum(self.lengths_a[i] for i in left)
        length_b = sum(self.lengths_b[j] for j in right)
        mean = (length_a + length_b / self.ratio) / 2
        delta = (length_b - length_a * self.ratio) / math.sqrt(mean * _VARIANCE)
        tail = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12)  # 2 * (1 - Phi(|delta|))
        cost = -math.log(tail)
        anchors_a = self.anchors_a[left[0]] if len(left) == 1 else self.anchors_a[left[0]] | self.anchors_a[left[1]]
        anchors_b = self.anchors_b[right[0]] if len(right) == 1 else self.anchors_b[right[0]] | self.anchors_b[right[1]]
        if anchors_a or anchors_b:
            shared = len(anchors_a & anchors_b)
            cost += _ANCHOR_WEIGHT * (1 - shared / (len(anchors_a) + len(anchors_b) - shared))
        kinds_a = {self.a.blocks[i].kind for i in left}
        kinds_b = {self.b.blocks[j].kind for j in right}
        if kinds_a != kinds_b:
            cost += _IMAGE_MISMATCH if "image" in kinds_a ^ kinds_b else _KIND_MISMATCH
        return cost

    def confidence(self, left: tuple[int, ...], right: tuple[int, ...], cost: float) -> float:
        """How sure the link is: a match against leaving both sides unmatched; a gap against its best match nearby."""
        if left and right:
            alternative = sum(self.cost((i,), ()) for i in left) + sum(self.cost((), (j,)) for j in right)
        elif left:
            # Matching the lone block would also unmatch what that block is matched with now.
            alternative = min((self.cost(left, (j,)) for j in range(len(self.b.blocks))), default=math.inf) + _PRIOR[(1, 0)]
        else:
            alternative = min((self.cost((i,), right) for i in range(len(self.a.blocks))), default=math.inf) + _PRIOR[(1, 0)]
        return 1 / (1 + math.exp(cost - alternative))


def _length(version: Version, index: int) -> float:
    block = version.blocks[index]
    return max(8.0, float(sum(end - start for start, end in block.prose_spans)))


def anchors(post: Post, version: Version, index: int) -> frozenset[str]:
    """What of block ``index`` survives translation: numbers, dates, times, phones, links, images, institutions, surnames."""
    cache = version.__dict__.setdefault("_values", {})
    if "anchors" not in cache:
        cache["anchors"] = _all_anchors(post, version)
    return cache["anchors"][index]  # type: ignore[no-any-return]


def _all_anchors(post: Post, version: Version) -> list[frozenset[str]]:
    """Every block's anchors in one pass: each value is placed in the blocks by bisecting the sorted starts,
    not by testing every value against every block (which grew with the square of the post's length)."""
    from .extract import dates, numbers, phones, times, urls
    from .glossary import PLACE_TYPES, entity_type, mentions
    from .names import person_names

    values: list[tuple[int, str]] = []
    for value in numbers(version):
        values.append((value.start, "n:" + value.key))
        if value.alt:
            values.append((value.start, "n:" + value.alt))
    values += [(d.start, f"d:{d.value.month}-{d.value.day}") for d in dates(version)]
    for extractor, prefix in ((times, "t:"), (phones, "p:"), (urls, "u:")):
        values += [(value.start, prefix + value.key) for value in extractor(version)]
    values += [(name.start, "s:" + name.key) for name in person_names(version) if name.surname]
    institutions = [
        (mention.start, "g:" + mention.entity)
        for mention in mentions(post, version)
        if mention.entity and entity_type(post, mention.entity) not in PLACE_TYPES
    ]
    values.sort(key=lambda value: value[0])
    institutions.sort(key=lambda value: value[0])
    value_starts = [start for start, _ in values]
    institution_starts = [start for start, _ in institutions]
    found = []
    for block in version.blocks:
        # A value at an empty block's own offset counts in it; an institution does not.
        inside = values[bisect_left(value_starts, block.start) : bisect_left(value_starts, max(block.end, block.start + 1))]
        named = institutions[bisect_left(institution_starts, block.start) : bisect_left(institution_starts, block.end)]
        found.append(
            frozenset(anchor for _, anchor in inside)
            | {"i:" + PurePosixPath(src).name for src, _, _ in block.images}
            | {anchor for _, anchor in named}
        )
    return found
