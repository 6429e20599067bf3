"""Comparing what each version says: the same values, as many times, in every version.

When one version disagrees with the others it is the one reported ("75.3 is
in en but in neither kk nor ru"); with two versions both sides are reported,
since either may be wrong. A value missing from a version is reported where
it belongs there: the block aligned with the one holding it elsewhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from .align import counterpart, unmatched
from .base import Emitter, Post, Version
from .extract import Value

Excuse = Callable[[Version, Value], bool]


def compare_values(
    post: Post,
    out: Emitter,
    check_id: str,
    values: Callable[[Version], Sequence[Value]],
    noun: str,
    *,
    excuse: Excuse | None = None,
) -> None:
    """Report values (by key) that are not in every version the same number of times."""
    versions = [version for version in post.versions if version.text.strip()]
    if len(versions) < 2 or not out.enabled(check_id):
        return
    found = _settle_readings({version.lang: list(values(version)) for version in versions})
    counts = {lang: Counter(value.key for value in items) for lang, items in found.items()}
    keys = sorted({key for counter in counts.values() for key in counter})
    outliers: list[tuple[Version, Value, list[Version]]] = []
    missing: list[tuple[Version, int, Version, Value, int, int]] = []
    for key in keys:
        most = max(counter[key] for counter in counts.values())
        having = [version for version in versions if counts[version.lang][key] == most]
        lacking = [version for version in versions if counts[version.lang][key] < most]
        if not lacking:
            continue
        if len(having) == 1 and len(lacking) >= 2:
            # One version says something the others do not: that one is suspect.
            value = [value for value in found[having[0].lang] if value.key == key][-1]
            block = having[0].block_at(value.start)
            if out.enabled("structure.missing-block") and all(unmatched(post, having[0], block, other) for other in lacking):
                continue  # a paragraph only this version has: structure.missing-block says so
            if excuse is None or not all(excuse(other, value) for other in lacking):
                outliers.append((having[0], value, lacking))
            continue
        source = having[0]
        value = next(value for value in found[source.lang] if value.key == key)
        block = source.block_at(value.start)
        for version in lacking:
            if excuse is not None and excuse(version, value):
                continue
            if out.enabled("structure.missing-block") and unmatched(post, source, block, version):
                continue  # the whole paragraph is missing there, and structure.missing-block says so
            offset = counterpart(post, source, block, version)
            missing.append((version, offset, source, value, most, counts[version.lang][key]))
    replaced: dict[int, list[str]] = {}
    for version, offset, source, value, most, count in missing:
        # A value missing where the same version has an odd one out is one substitution, said once.
        block = version.block_at(offset)
        swap = next(
            (index for index, (outlier, odd, _) in enumerate(outliers) if outlier is version and block is not None and version.block_at(odd.start) == block),
            None,
        )
        if swap is not None:
            replaced.setdefault(swap, []).append(value.label)
            continue
        line = source.position(value.start)[0]
        times = "" if most - count == 1 or count == 0 else f" ({most - count} of {most} times)"
        out(check_id, version, offset, offset, f"The {noun} {value.label} ({source.lang} line {line}) is missing in this version{times}.")
    for index, (version, value, lacking) in enumerate(outliers):
        others = " or ".join(other.lang for other in lacking)
        instead = f"; they have {', '.join(replaced[index])}" if index in replaced else ""
        out(check_id, version, value.start, value.end, f"The {noun} {value.label} is not in the {others} version{instead}.")


def _settle_readings(found: dict[str, list[Value]]) -> dict[str, list[Value]]:
    """An ambiguous value takes its other reading when only that one is in another version."""
    settled = {}
    for lang, items in found.items():
        others = {value.key for other, values in found.items() if other != lang for value in values}
        settled[lang] = [replace(value, key=value.alt) if value.alt and value.key not in others and value.alt in others else value for value in items]
    return settled
