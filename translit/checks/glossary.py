"""Glossary: institutions and places named by their official forms, in every version, one way.

``glossary.discouraged`` — a wrong or discouraged form (the glossary's ``!`` variants), with the official
form in the same case as the fix.
``glossary.outdated`` — a former name (Nur-Sultan, Ministry of Culture and Sports): right for a past event,
so a warning and a suggestion, never an automatic fix; not reported when the post's date (file name or
first full date) is certainly before the change, unless ``[glossaries] renamed = "today"``.
``glossary.ambiguous`` — a short form that names two institutions ("National Library": Almaty or Astana?)
and that the rest of the post does not resolve (exactly one of them named in full in any version).
An accepted variant is right and never a finding; a right form with wrong capitals is respelled.
``glossary.missing`` — an institution named in one version but not in another (places too with
``[check.options] missing-places = true``: translations often write "the capital" for Astana).
``glossary.capitalisation`` — the same name capitalised two ways in one version ("Karaganda regional
children's library named after Abay" and "Karaganda Regional Children's Library named after Abay").
Found for glossary names and, without a glossary, for any repeated phrase of three or more words whose
words differ only in capitals (sentence-initial words, headings and ALL-CAPS words are left out).

The glossaries are the built-in ones plus ``[glossaries] extra`` from translit.toml. People are checked by
:mod:`translit.checks.people`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .base import LANG_NAMES, CheckSpec, Emitter, Post, Version, quote
from .compare import compare_values
from .extract import Value, entities
from .names import Word, is_caps, runs

CHECKS = [
    CheckSpec("glossary.discouraged", "error", "A wrong or discouraged form of an institution or place name.", fixable=True),
    CheckSpec("glossary.outdated", "warning", "A former name of an institution or place."),
    CheckSpec("glossary.ambiguous", "warning", "A short form that names more than one institution."),
    CheckSpec("glossary.missing", "warning", "An institution named in one version but not in another.", pair=True),
    CheckSpec("glossary.capitalisation", "warning", "The same name capitalised two ways in one version.", fixable=True),
]
PERSON_TYPES = frozenset({"person", "people"})
# Translations often say "the capital" or drop "Kazakhstan"; places count for glossary.missing
# only with [check.options] missing-places = true.
PLACE_TYPES = frozenset({"city", "country", "region"})
_MIN_WORDS = 3
# Words that join the parts of a name; a phrase is trimmed of them before it is compared.
LINK_WORDS = frozenset(
    "of the and for in on at to by with a an named after de".split()
    + "и в на по для при имени им".split()
    + "және мен бен атындағы жанындағы".split()
)


def load_glossary(post: Post) -> Any:
    """The built-in glossaries plus the configuration's extra ones (loading is cached by the glossary module)."""
    if "glossary" not in post.cache:
        from ..names.glossary import Glossary

        post.cache["glossary"] = Glossary.load(list(post.config.glossaries))
    return post.cache["glossary"]


def mentions(post: Post, version: Version) -> list[Any]:
    """Glossary mentions in a version's prose (cached); a short form is resolved by the whole post."""
    key = f"mentions:{version.lang}"
    if key not in post.cache:
        glossary = load_glossary(post)
        found = {v.lang: _found(post, v) for v in post.versions}
        for other in post.versions:
            context = {m.entity for v in post.versions if v.lang != other.lang for m in found[v.lang] if m.entity}
            post.cache[f"mentions:{other.lang}"] = glossary.resolve(found[other.lang], context)
    return post.cache[key]  # type: ignore[no-any-return]


def _found(post: Post, version: Version) -> list[Any]:
    found = load_glossary(post).find(version.prose, version.lang)
    # "nlrk" in info@nlrk.kz is an address, not a name.
    addresses = [(e.start, e.end) for e in entities(version) if e.kind in ("url", "email")]
    return [m for m in found if not any(s < m.end and m.start < e for s, e in addresses) and not _other_word(m)]


def renaming(post: Post) -> tuple[str, Any]:
    """``[glossaries] renamed`` and the post's date (from its file names, else its text), as ``post`` uses them."""
    if "renaming" not in post.cache:
        from ..names.renaming import post_date, renamed_policy

        date = None
        for version in post.versions:
            date = post_date(version.text, version.path or "")
            if date is not None:
                break
        post.cache["renaming"] = (renamed_policy(post.config), date)
    return post.cache["renaming"]  # type: ignore[no-any-return]


def _other_word(mention: Any) -> bool:
    """An abbreviation matched by a word in lower case is another word: Russian "Ну" is not НУ; "satbayev.university" is a domain."""
    if "." in mention.text and not any(char.isspace() for char in mention.text) and mention.text.islower():
        return True
    return mention.form.isupper() and len(mention.form) <= 6 and not mention.text.isupper()


def entity_type(post: Post, entity_id: str | None) -> str:
    """The glossary type of an entity ("" when unknown)."""
    glossary = load_glossary(post)
    if entity_id is None or entity_id not in glossary.entities:
        return ""
    return str(glossary.entity(entity_id).type)


def run(post: Post, out: Emitter) -> None:
    """Report non-official forms, names missing from a version, and inconsistent capitalisation."""
    for version in post.versions:
        pending = _capitalisation(version) if out.enabled("glossary.capitalisation") else []
        for mention in mentions(post, version):
            if entity_type(post, mention.entity) not in PERSON_TYPES:
                _mention(post, version, mention, out, pending)
        for start, end, message, fix in pending:
            out("glossary.capitalisation", version, start, end, message + ".", fix=fix)
    if out.enabled("glossary.outdated"):
        _renamed_one_way(post, out)
    compare_values(post, out, "glossary.missing", _entities(post), "name")


def _renamed_one_way(post: Post, out: Emitter) -> None:
    """A former name in one version where another version writes today's name: the versions disagree."""
    glossary = load_glossary(post)
    current = {
        version.lang: {m.entity: m for m in mentions(post, version) if _names_today(glossary, m)}
        for version in post.versions
    }
    for version in post.versions:
        for mention in mentions(post, version):
            if mention.status != "outdated" or mention.entity is None:
                continue
            today = glossary.today(mention.entity)
            other = next((lang for lang in current if lang != version.lang and today in current[lang]), None)
            if other is None:
                continue
            out(
                "glossary.outdated", version, mention.start, mention.end,
                f"{quote(mention.text)} is a former name, and the {LANG_NAMES[other]} version "
                f"writes today's {quote(current[other][today].text)}: name it one way in every version.",
                fix=glossary.replacement(mention),
            )


Pending = list[tuple[int, int, str, str]]


def _mention(post: Post, version: Version, mention: Any, out: Emitter, pending: Pending) -> None:
    """Report one glossary mention; a capitalisation finding at the same place takes the glossary's form instead."""
    glossary = load_glossary(post)
    overlapping = [p for p in pending if p[0] < mention.end and mention.start < p[1]]
    if mention.status in ("official", "accepted") or (mention.status == "discouraged" and mention.variant not in ("official", "accepted")):
        # A glossary form is right as written, whatever another occurrence's capitals; a wrong form is reported
        # below as what it is, with the official form as its fix.
        for item in overlapping:
            pending.remove(item)
    if mention.status == "ambiguous":
        names = [glossary.entity(candidate).official(version.lang) or candidate for candidate in mention.candidates if candidate in glossary.entities]
        out(
            "glossary.ambiguous",
            version,
            mention.start,
            mention.end,
            f"{quote(mention.text)} can mean {' or '.join(quote(name) for name in names)}; write the full name.",
        )
        return
    if mention.status not in ("discouraged", "outdated"):
        return
    fix = glossary.replacement(mention)
    if fix == mention.text:
        return
    reason = f" ({mention.reason})" if mention.reason else ""
    if mention.status == "outdated":
        if _named_today_elsewhere(post, version, mention):
            return  # reported by _renamed_one_way, with the other version's name
        policy, date = renaming(post)
        if policy != "today" and date is not None and glossary.right_on(mention, date):
            return  # the name it had on the post's date
        detail = mention.reason.removeprefix("former name").strip()
        when = f" ({detail.strip('()')})" if detail else ""
        today = f"; today it is {quote(fix)}" if fix else ""
        out("glossary.outdated", version, mention.start, mention.end, f"{quote(mention.text)} is a former name{when}{today} — keep the old name only for past events.", fix=fix)
        return
    for start, end, message, same_case in (p for p in overlapping if p in pending):
        pending.remove((start, end, message, same_case))
        # The fix only evens out the capitals (as the other occurrences are written); a different
        # spelling in the official form (Abai for Abay) is the editor's choice for every occurrence.
        chosen = fix if fix is not None and fix.lower() == version.text[start:end].lower() else same_case
        out("glossary.capitalisation", version, start, end, f"{message}; the glossary writes {quote(mention.form)}.", fix=chosen)
        return
    check_id = "glossary.capitalisation" if mention.reason.startswith("capitalisation") else "glossary.discouraged"
    # A lower-case word may be the common noun it is spelled like ("семей" families, "астана" a capital):
    # the capitals are suggested, never applied by --fix.
    common = check_id == "glossary.capitalisation" and mention.text.islower() and " " not in mention.text
    advice = f"write {quote(fix or mention.form)}" + (" if it is the name" if common else "")
    out(check_id, version, mention.start, mention.end, f"{quote(mention.text)} is not the official form{reason}; {advice}.", fix=fix, fixable=fix is not None and not common)


def _named_today_elsewhere(post: Post, version: Version, mention: Any) -> bool:
    glossary = load_glossary(post)
    today = glossary.today(mention.entity)
    return any(
        _names_today(glossary, m) and m.entity == today
        for other in post.versions
        if other.lang != version.lang
        for m in mentions(post, other)
    )


def _names_today(glossary: Any, mention: Any) -> bool:
    """Whether ``mention`` names an entity by its name of today: neither a former name nor any form
    of a succeeded entity (the discouraged "South Kazakhstan" is a former name too)."""
    return bool(mention.entity) and mention.status != "outdated" and glossary.today(mention.entity) == mention.entity


def _entities(post: Post) -> Any:
    skipped = PERSON_TYPES if post.config.option("missing-places", False) else PERSON_TYPES | PLACE_TYPES

    def values(version: Version) -> list[Value]:
        seen: dict[str, Value] = {}
        glossary = load_glossary(post)
        for mention in mentions(post, version):
            if mention.entity is None or entity_type(post, mention.entity) in skipped:
                continue
            today = glossary.today(mention.entity)  # a former name and today's are one institution
            if today in seen:
                continue
            name = glossary.entity(today).official("en") or today
            seen[today] = Value(today, quote(name), mention.start, mention.end)
        return list(seen.values())

    return values


def _signature(words: list[Word]) -> tuple[str, ...]:
    return tuple(word.text for word in words)


def _capitalisation(version: Version) -> Pending:
    """Repeated phrases whose words differ only in capital letters (not where a sentence starts).

    Returns (start, end, message, fix) for each occurrence not in the preferred form.
    """
    pending: Pending = []
    word_runs = [run for run in runs(version) if len(run) >= _MIN_WORDS]
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for r, run in enumerate(word_runs):
        lowered = [word.text.lower() for word in run]
        for i in range(len(run) - _MIN_WORDS + 1):
            index[tuple(lowered[i : i + _MIN_WORDS])].append((r, i))
    groups: dict[tuple[str, ...], list[list[Word]]] = {}
    for hits in index.values():
        if len(hits) < 2 or len({_signature(word_runs[r][i : i + _MIN_WORDS]) for r, i in hits}) < 2:
            continue
        for r, i in hits:
            run = word_runs[r]
            # Grow the phrase over the words every occurrence shares, so the report names the whole name.
            start, end = i, i + _MIN_WORDS
            others = [(r2, i2) for r2, i2 in hits if (r2, i2) != (r, i)]
            while start > 0 and all(i2 - (i - start) - 1 >= 0 and word_runs[r2][i2 - (i - start) - 1].text.lower() == run[start - 1].text.lower() for r2, i2 in others):
                start -= 1
            while end < len(run) and all(i2 + (end - i) < len(word_runs[r2]) and word_runs[r2][i2 + (end - i)].text.lower() == run[end].text.lower() for r2, i2 in others):
                end += 1
            while start < end and run[start].text.lower() in LINK_WORDS:
                start += 1
            while end > start and run[end - 1].text.lower() in LINK_WORDS:
                end -= 1
            phrase = run[start:end]
            content = [word for word in phrase if word.text.lower() not in LINK_WORDS and len(word.text) > 1]
            if len(content) < 2:
                continue
            key = tuple(word.text.lower() for word in phrase)
            groups.setdefault(key, [])
            if all(existing[0].start != phrase[0].start for existing in groups[key]):
                groups[key].append(phrase)
    reported: set[int] = set()
    for occurrences in groups.values():
        clusters = _clusters([o for o in occurrences if _comparable(o) is not None])
        if len(clusters) < 2:
            continue
        # A name, not a phrase: some spelling of it capitalises at least two of its words.
        if max(_capitals(form) for cluster in clusters for form in (_comparable(o) for o in cluster)) < 2:
            continue
        preferred = max(clusters, key=lambda cluster: (len(cluster), _capitals(_merged(cluster)) * (1 if version.lang == "en" else -1)))
        wanted = _merged(preferred)
        other = preferred[0]
        for cluster in clusters:
            if cluster is preferred:
                continue
            for occurrence in cluster:
                start, end = occurrence[0].start, occurrence[-1].end
                if start in reported:
                    continue
                reported.add(start)
                pending.append(
                    (
                        start,
                        end,
                        f"{quote(version.text[start:end])} is capitalised differently from {quote(version.text[other[0].start:other[-1].end])} "
                        f"(line {version.position(other[0].start)[0]})",
                        _rebuild(version, occurrence, wanted),
                    )
                )
    return pending


Form = tuple["str | None", ...]


def _comparable(occurrence: list[Word]) -> Form | None:
    """The words as written, None where a word starts a sentence (capitalised anyway); None when in capitals."""
    if any(is_caps(word.text) for word in occurrence):
        return None
    return tuple(None if word.initial else word.text for word in occurrence)


def _agrees(a: Form, b: Form) -> bool:
    return all(x == y or x is None or y is None for x, y in zip(a, b))


def _clusters(occurrences: list[list[Word]]) -> list[list[list[Word]]]:
    """Occurrences grouped by spelling; a sentence-initial word matches any capitalisation."""
    clusters: list[list[list[Word]]] = []
    for occurrence in occurrences:
        form = _comparable(occurrence)
        assert form is not None
        for cluster in clusters:
            if all(_agrees(form, _comparable(member) or form) for member in cluster):
                cluster.append(occurrence)
                break
        else:
            clusters.append([occurrence])
    return clusters


def _merged(cluster: list[list[Word]]) -> Form:
    """The spelling a cluster agrees on, None where every occurrence starts a sentence there."""
    forms = [_comparable(occurrence) or () for occurrence in cluster]
    return tuple(next((form[i] for form in forms if form[i] is not None), None) for i in range(len(forms[0])))


def _capitals(form: Form | None) -> int:
    return sum(1 for word in form or () if word is not None and len(word) > 1 and word[:1].isupper() and word.lower() not in LINK_WORDS)


def _rebuild(version: Version, occurrence: list[Word], preferred: Form) -> str:
    pieces: list[str] = []
    for position, (word, wanted) in enumerate(zip(occurrence, preferred)):
        if position:
            pieces.append(version.text[occurrence[position - 1].end : word.start])
        pieces.append(version.text[word.start : word.end] if word.initial or wanted is None else wanted)
    return "".join(pieces)
