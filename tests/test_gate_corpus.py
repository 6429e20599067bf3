"""``translit check`` as a gate, on the 44 trilingual posts of tests/data/gate written for the purpose.

Every planted fault must be reported at its version and line; no clean post may give an
error, and clean posts give fewer than one warning each on average. bench/bench_gate.py
prints the same figures per family and per half of the corpus.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gate_corpus import faults, found_at, posts, split
from translit.checks.check import CHECKS

CORPUS = posts()
FAULTS = faults()


def test_corpus_is_complete() -> None:
    assert len(CORPUS) >= 40
    assert all(set(post.texts) == {"en", "kk", "ru"} for post in CORPUS.values())
    formats = Counter(path.rsplit(".", 1)[1] for post in CORPUS.values() for path in post.paths.values())
    assert set(formats) == {"md", "txt", "html"}
    halves = split()
    assert set(halves) == set(CORPUS) and Counter(halves.values()) == {"dev": 22, "held-out": 22}
    assert {fault.post for fault in FAULTS} == set(CORPUS)  # every post has a faulty copy
    assert {fault.id.split(".")[0] for fault in FAULTS} == {spec.id.split(".")[0] for spec in CHECKS.values()}


@pytest.mark.parametrize("fault", FAULTS, ids=[f"{fault.post}-{fault.id}" for fault in FAULTS])
def test_planted_fault_is_found_at_its_place(fault) -> None:
    post = CORPUS[fault.post]
    findings = post.check(post.planted(fault))
    places = [(f.version, f.line) for f in findings if f.id == fault.id]
    assert found_at(fault, findings) == "right", f"{fault.description}: reported at {places}"


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_clean_post_gives_no_error(name: str) -> None:
    errors = [(f.version, f.line, f.id, f.message) for f in CORPUS[name].check() if f.severity == "error"]
    assert errors == []


def test_clean_posts_give_under_one_warning_each_on_average() -> None:
    warnings = sum(1 for post in CORPUS.values() for f in post.check() if f.severity == "warning")
    assert warnings / len(CORPUS) < 1


def test_planted_errors_fail_the_gate() -> None:
    """Under the default --fail-on error, a post with a planted error-level fault is held back."""
    from translit.checks.check import CHECKS

    for fault in FAULTS:
        if CHECKS[fault.id].severity != "error":
            continue
        post = CORPUS[fault.post]
        assert any(f.severity == "error" for f in post.check(post.planted(fault))), fault.description
