"""The transliteration engine: compiles a rule file into tables and runs them.

Romanizing is one ``str.translate`` over the text (the fastest thing pure
Python can do) after a single regular-expression pass that handles what a
letter table cannot: context rules (е → ye at a word start) and ALL-CAPS
words, where a digraph must be upper-cased whole (ЖҰМАКЕНОВ → ZHUMAKENOV).
Both run on the original text, so every rule sees the original context.
Only Cyrillic letters are keys of the table, so everything else passes
through untouched.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .alphabet import has_kazakh_letters
from ..errors import NotReversibleError, RuleFileError, TranslitError
from .homoglyphs import MIXED_PAIR_CONTEXT, repair_word, word_around
from .scheme import Rule, SchemeInfo, SchemeSpec, read_spec

_NOT_LETTER_AFTER = r"(?![^\W\d_])"


# The two repairs done before transliterating, found in one scan: a run of
# combining marks (decomposed й = и + U+0306 is the only non-NFC input that
# changes a letter) and a Latin letter touching a Cyrillic one (Kазахстан).
# One leading character class (rather than two alternatives) lets the
# regular-expression engine skip clean text quickly.
_REPAIRS = re.compile(f"[\\u0300-\\u036fA-Za-z](?:(?<=[\\u0300-\\u036f])[\\u0300-\\u036f]*()|(?<=[A-Za-z]){MIXED_PAIR_CONTEXT}())")


def _repair(text: str, lang: str) -> str:
    """NFC-normalise letters with combining marks and restore look-alike
    Latin letters inside Cyrillic words; a clean text costs one scan."""
    pieces = []
    last = 0
    for found in _REPAIRS.finditer(text):
        if found.start() < last:
            continue
        if found.lastindex == 1:
            start, end = max(found.start() - 1, last), found.end()
            pieces += [text[last:start], unicodedata.normalize("NFC", text[start:end])]
            last = end
            continue
        start, end = word_around(text, found.start(), found.end())
        repaired = repair_word(unicodedata.normalize("NFC", text[start:end]), lang)
        if start >= last and repaired is not None and repaired[1] == "Cyrl":
            pieces += [text[last:start], repaired[0]]
            last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


_COMBINING = re.compile("[\\u0300-\\u036f]")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text) if _COMBINING.search(text) else text


def _charset(letters: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(set(letters))) + "]"


@dataclass(frozen=True)
class Ambiguity:
    """A Latin letter that stands for several Cyrillic ones, and the choice made."""

    start: int
    end: int
    latin: str
    chosen: str
    alternatives: tuple[str, ...]


class _Case:
    """Upper-casing of Latin output, with the scheme's exceptions (Turkic İ/ı)."""

    def __init__(self, exceptions: dict[str, str]) -> None:
        self.exceptions = exceptions
        self.lower_exceptions = {upper: lower for lower, upper in exceptions.items()}

    def upper(self, text: str) -> str:
        return "".join(self.exceptions.get(ch) or ch.upper() for ch in text)

    def lower(self, text: str) -> str:
        return "".join(self.lower_exceptions.get(ch) or ch.lower() for ch in text)

    def title(self, text: str) -> str:
        return self.upper(text[:1]) + text[1:] if text else text


class Scheme:
    """A compiled scheme. Build one with :func:`load_scheme`."""

    def __init__(self, spec: SchemeSpec) -> None:
        self.spec = spec
        self.info: SchemeInfo = spec.info
        self._case = _Case(spec.case)
        self._compile_forward()
        self._reverse: _Reverse | None = None

    # --- forward ---------------------------------------------------------------

    def _capital(self, letter: str) -> str:
        return self.spec.capitals.get(letter) or self._case.title(self.spec.letters[letter])

    def _compile_forward(self) -> None:
        spec, case = self.spec, self._case
        letters = spec.letters
        self._table = {}
        self._upper_table = {}
        for letter, value in letters.items():
            capital = letter.upper()
            self._table[ord(letter)] = value
            self._table[ord(capital)] = self._capital(letter)
            self._upper_table[ord(letter)] = case.upper(value)
            self._upper_table[ord(capital)] = case.upper(value)

        # Characters that are not keys would each cost a failed lookup inside
        # str.translate; mapping ASCII and common punctuation to themselves avoids it.
        for code in (*range(0x80), *map(ord, "«»–—…“”„‘’№")):
            self._table.setdefault(code, code)

        upper = _charset("".join(letters).upper())
        branches: list[tuple[str, str]] = []
        # Only a capital whose Title and UPPER forms differ (Ж: Zh/ZH) needs a
        # look at its neighbours; every other capital is right in the table.
        multi = "".join(letter.upper() for letter in letters if self._capital(letter) != case.upper(letters[letter]))
        self._rule_outputs: list[str] = [""]
        for rule in spec.rules:
            branches.append(_rule_branch(rule, str.upper))
            self._rule_outputs.append(rule.out)
        # Last, so that a context rule for the same letter (ц → c before и) wins.
        self._caps_group = 0
        if multi:
            branches.append((multi, f"(?:(?<={upper}{_charset(multi)})|(?={upper}))"))
            self._caps_group = len(branches)
        self._special = _compile_branches(branches)

    @staticmethod
    def _in_caps_word(text: str, start: int, end: int) -> bool:
        """Whether text[start:end] sits in an ALL-CAPS word (a capital beside it, no small letter)."""
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if before.islower() or after.islower():
            return False
        return before.isupper() or after.isupper()

    def _replace_special(self, match: re.Match[str]) -> str:
        group = match.lastindex or 0
        found = match.group()
        if group == self._caps_group:
            caps = self._in_caps_word(match.string, match.start(), match.end())
            return (self._upper_table if caps else self._table)[ord(found)]
        out = self._rule_outputs[group]
        if not found[:1].isupper():
            return out
        if (len(found) > 1 and found.isupper()) or self._in_caps_word(match.string, match.start(), match.end()):
            return self._case.upper(out)
        return self._case.title(out)

    def romanize(self, text: str) -> str:
        """Cyrillic → Latin; everything that is not a Cyrillic letter is left as it is."""
        text = _repair(text, self.info.language)
        if self._special is not None:
            text = self._special.sub(self._replace_special, text)
        return text.translate(self._table)

    # --- reverse ---------------------------------------------------------------

    def cyrillize_report(self, text: str) -> tuple[str, list[Ambiguity]]:
        """Latin → Cyrillic, and the places where a Latin letter stayed ambiguous."""
        if self.info.reversible == "no":
            raise NotReversibleError(
                f"scheme {self.info.id} loses information and cannot be reversed without guessing; "
                "for Latin-typed Kazakh use `translit recover`"
            )
        if self._reverse is None:
            self._reverse = _Reverse(self)
        return self._reverse.run(_nfc(text))

    def cyrillize(self, text: str) -> str:
        """Latin → Cyrillic (exact for one-to-one schemes, by position rules otherwise)."""
        return self.cyrillize_report(text)[0]

    def __repr__(self) -> str:
        return f"<Scheme {self.info.id}>"


class _Reverse:
    """The inverted tables of a reversible scheme."""

    def __init__(self, scheme: Scheme) -> None:
        spec, case = scheme.spec, scheme._case
        self.case = case
        candidates: dict[str, list[str]] = {}

        def offer(latin: str, cyrillic: str) -> None:
            if latin and cyrillic not in candidates.setdefault(latin, []):
                candidates[latin].append(cyrillic)

        for letter, value in spec.letters.items():
            offer(value, letter)
            offer(scheme._capital(letter), letter.upper())
            offer(case.upper(value), letter.upper())
        for rule in spec.rules:
            if len(rule.match) == 1:
                offer(rule.out, rule.match)
                offer(case.title(rule.out), rule.match.upper())
                offer(case.upper(rule.out), rule.match.upper())
        self.table: dict[str, str] = {}
        self.alternatives: dict[str, tuple[str, ...]] = {}
        # Signs such as ʺ ʹ ` have no capital: ъ and Ъ share them, and the
        # neighbouring letters decide the case, which loses nothing.
        self.caseless: set[str] = set()
        for latin, options in candidates.items():
            if len({option.lower() for option in options}) == 1:
                if len(options) > 1:
                    self.caseless.add(latin)
                self.table[latin] = options[0].lower() if len(options) > 1 else options[0]
                continue
            if spec.info.reversible == "exact":
                raise RuleFileError(
                    f"scheme is declared exact but {latin!r} stands for {' and '.join(options)}",
                    path=spec.info.path,
                )
            preferred = spec.reverse_prefer.get(latin) or spec.reverse_prefer.get(case.lower(latin))
            if preferred is None:
                raise RuleFileError(
                    f"{latin!r} stands for {' and '.join(options)}: add it to [reverse] prefer",
                    path=spec.info.path,
                )
            self.table[latin] = preferred.upper() if latin[:1] != case.lower(latin[:1]) else preferred
            self.alternatives[latin] = tuple(options)

        self.rule_outputs: list[str] = [""]
        # A rule that reads a sequence one way although the table reads it
        # another (ts: тс by rule, ц by the loan table) is a choice worth reporting.
        self.rule_alternatives: list[tuple[str, ...]] = [()]
        branches = []
        for rule in spec.reverse_rules:
            branches.append(_rule_branch(rule, case.upper))
            self.rule_outputs.append(rule.out)
            other = self.table.get(rule.match)
            self.rule_alternatives.append((rule.out, other) if other and other != rule.out else ())
        keys = sorted(self.table, key=len, reverse=True)
        branches.append(("".join(key[0] for key in keys), _variants_after_first(keys)))
        self.table_group = len(branches)
        pattern = _compile_branches(branches)
        assert pattern is not None
        self.pattern = pattern

    def _is_upper(self, text: str) -> bool:
        return text != self.case.lower(text)

    def run(self, text: str) -> tuple[str, list[Ambiguity]]:
        ambiguities: list[Ambiguity] = []
        pieces: list[str] = []
        last = 0
        for match in self.pattern.finditer(text):
            pieces.append(text[last : match.start()])
            found = match.group()
            group = match.lastindex or 0
            options: tuple[str, ...] = ()
            if group == self.table_group:
                chosen = self.table[found]
                options = self.alternatives.get(found, ())
                if found in self.caseless and self._capital_context(text, match.start(), match.end()):
                    chosen = chosen.upper()
            else:
                chosen = self.rule_outputs[group]
                if len(found) > 1 and all(self._is_upper(ch) for ch in found if ch.isalpha()):
                    chosen = chosen.upper()
                elif self._is_upper(found[:1]):
                    chosen = chosen[:1].upper() + chosen[1:]
                options = self.rule_alternatives[group]
            if options:
                ambiguities.append(Ambiguity(match.start(), match.end(), found, chosen, options))
            pieces.append(chosen)
            last = match.end()
        pieces.append(text[last:])
        return "".join(pieces), ambiguities

    def _capital_context(self, text: str, start: int, end: int) -> bool:
        """A caseless sign is a capital inside an ALL-CAPS word: OBʺEKT → ОБЪЕКТ.

        Combining marks (k̦, a̋, u̇ in ISO 9) are skipped to reach the letters.
        """
        while start and unicodedata.combining(text[start - 1]):
            start -= 1
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not (before.isalpha() and self._is_upper(before)):
            return False
        return not after.isalpha() or self._is_upper(after)


def _variants_after_first(variants: Iterable[str]) -> str:
    """Match one of ``variants`` whose first character was just consumed."""
    ordered = sorted(dict.fromkeys(variants), key=len, reverse=True)
    return "(?:" + "|".join(f"(?<={re.escape(v[0])}){re.escape(v[1:])}" for v in ordered) + ")"


def _rule_branch(rule: Rule, upper: Callable[[str], str]) -> tuple[str, str]:
    """A rule as (its possible first characters, a pattern for the rest).

    The pattern runs after the first character was consumed, so contexts
    before the rule are two-character look-behinds (context + first char);
    all look-arounds read the original text, never output.
    """

    def letters(value: str) -> str:
        return _charset(value + upper(value))

    match = rule.match
    variants = [match, upper(match[:1]) + match[1:], upper(match)]
    first = _charset(v[0] for v in variants)
    before = []
    if rule.at == "word-start":
        before.append(f"(?<![^\\W\\d_]{first})")
    if rule.after:
        before.append(f"(?<={letters(rule.after)}{first})")
    if rule.not_after:
        before.append(f"(?<!{letters(rule.not_after)}{first})")
    after = []
    if rule.at == "word-end":
        after.append(_NOT_LETTER_AFTER)
    if rule.before:
        after.append(f"(?={letters(rule.before)})")
    if rule.not_before:
        after.append(f"(?!{letters(rule.not_before)})")
    return "".join(v[0] for v in variants), "".join(before) + _variants_after_first(variants) + "".join(after)


def _compile_branches(branches: list[tuple[str, str]]) -> re.Pattern[str] | None:
    """One pattern that starts with a single character class, which lets the
    regular-expression engine skip quickly to candidate positions; each branch
    ends in an empty group, so ``match.lastindex`` tells which branch matched."""
    if not branches:
        return None
    first = _charset("".join(chars for chars, _ in branches))
    # Consecutive branches with the same first characters share one check of
    # that character, so a frequent letter (и, е) is tested once, not per rule.
    groups: list[tuple[str, list[str]]] = []
    for chars, rest in branches:
        charset = _charset(chars)
        if groups and groups[-1][0] == charset:
            groups[-1][1].append(f"{rest}()")
        else:
            groups.append((charset, [f"{rest}()"]))
    body = "|".join(f"(?<={charset})(?:{'|'.join(rests)})" for charset, rests in groups)
    return re.compile(f"{first}(?:{body})")


def _spec_key(spec: str | Path) -> tuple[str, float]:
    text = str(spec)
    path = Path(text)
    return (str(path.resolve()), path.stat().st_mtime) if path.is_file() else (text, 0.0)


@functools.lru_cache(maxsize=64)
def _load(key: tuple[str, float], options: tuple[str, ...]) -> Scheme:
    return Scheme(read_spec(key[0], options))


def load_scheme(spec: str | Path | Scheme, options: Iterable[str] = ()) -> Scheme:
    """A compiled scheme from a built-in id (``"kk-news"``), a spec with options
    (``"ru-bgn-pcgn+ascii"``) or a rule file path. Compiled schemes are cached."""
    if isinstance(spec, Scheme):
        wanted = list(options)
        if wanted:  # a compiled scheme has its options already: ignoring these would give other letters silently
            raise TranslitError(f"options go with a scheme id, not a compiled Scheme: load_scheme({spec.info.id!r}, {wanted!r})")
        return spec
    name, *spec_options = str(spec).split("+") if not Path(str(spec)).is_file() else (str(spec),)
    return _load(_spec_key(name), tuple(dict.fromkeys([*spec_options, *options])))


def romanize(text: str, scheme: str | Path | Scheme = "kk-news", *, options: Iterable[str] = ()) -> str:
    """Transliterate the Cyrillic in ``text`` to Latin by ``scheme``.

    >>> romanize("Жұмакенов Еркебұлан", "kk-news")
    'Zhumakenov Yerkebulan'
    """
    return load_scheme(scheme, options).romanize(text)


def cyrillize(text: str, scheme: str | Path | Scheme, *, options: Iterable[str] = ()) -> str:
    """Turn Latin written by ``scheme`` back into Cyrillic.

    Raises NotReversibleError for schemes that lose information (kk-news,
    BGN/PCGN, ICAO, ...): those need a lexicon, see :func:`translit.recover`.
    """
    return load_scheme(scheme, options).cyrillize(text)


def cyrillize_report(
    text: str, scheme: str | Path | Scheme, *, options: Iterable[str] = ()
) -> tuple[str, list[Ambiguity]]:
    """Like :func:`cyrillize`, and also the Latin letters that stayed ambiguous."""
    return load_scheme(scheme, options).cyrillize_report(text)


def romanize_auto(
    text: str, kk: str | Path | Scheme = "kk-news", ru: str | Path | Scheme = "ru-news", *, options: Iterable[str] = ()
) -> str:
    """Romanize line by line: ``kk`` where a line has Kazakh letters, ``ru`` elsewhere.

    Posts mix the two (a Russian caption in a Kazakh post); a line is the
    smallest unit that editors keep in one language.
    """
    kk_scheme, ru_scheme = load_scheme(kk, options), load_scheme(ru, options)
    return "".join(
        (kk_scheme if has_kazakh_letters(line) else ru_scheme).romanize(line) for line in text.splitlines(keepends=True)
    )
