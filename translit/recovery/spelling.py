"""Latin spellings of Kazakh words: the four input styles, the fast per-word
romanization, the *skeleton* every style folds to, and the letter-by-letter
reading of a word nothing else explains.

The engine's rule files are the reference for the romanization tables here;
the test suite checks that they agree with them.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import lru_cache



STYLES = ("kk-news", "kk-latin-2021", "kk-latin-2018", "kk-latin-2017")
"""Input styles told apart by :func:`detect_style`; ``kk-news`` covers by-ear ASCII too."""


_NEWS = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}
_L2021 = dict(
    _NEWS,
    **{"ә": "ä", "ғ": "ğ", "е": "e", "ж": "j", "й": "i", "қ": "q", "ң": "ñ", "ө": "ö",
       "ұ": "ū", "ү": "ü", "х": "h", "ш": "ş", "ы": "y", "і": "ı", "щ": "şş", "ё": "io",
       "ю": "iu", "я": "ia", "ц": "ts", "ч": "tş"},
)
_L2018 = dict(
    _NEWS,
    **{"ә": "á", "ғ": "ǵ", "ж": "j", "и": "ı", "й": "ı", "қ": "q", "ң": "ń", "ө": "ó",
       "у": "ý", "ұ": "u", "ү": "ú", "х": "h", "ы": "y", "і": "i", "ё": "ıo", "ю": "ıý",
       "я": "ıa", "щ": "shsh"},
)
_L2017 = dict(
    _NEWS,
    **{"ә": "a'", "ғ": "g'", "ж": "j", "и": "i'", "й": "i'", "қ": "q", "ң": "n'",
       "ө": "o'", "у": "y'", "ұ": "u", "ү": "u'", "х": "h", "ш": "s'", "ч": "c'",
       "ы": "y", "і": "i", "ё": "i'o", "ю": "i'y'", "я": "i'a", "щ": "s's'"},
)
_TABLES = {
    "kk-news": str.maketrans(_NEWS),
    "kk-latin-2021": str.maketrans(_L2021),
    "kk-latin-2018": str.maketrans(_L2018),
    "kk-latin-2017": str.maketrans(_L2017),
}
_YE = re.compile(r"(?:(?<=[аәеёиоөуұүіэюяъь])|^)е")


def romanize_word(word: str, style: str = "kk-news") -> str:
    """Lower-case romanization of one lower-case Kazakh word in ``style`` (no case, no context beyond е)."""
    if style == "kk-news" and "е" in word:
        word = _YE.sub("yе", word)
    return word.translate(_TABLES[style])


_PRE_FOLD = str.maketrans(
    {
        "ä": "a", "á": "a", "à": "a", "â": "a", "ğ": "g", "ǵ": "g", "ñ": "n", "ń": "n",
        "ö": "o", "ó": "o", "ô": "o", "q": "k", "ū": "u", "ü": "u", "ú": "u", "ý": "u",
        "ù": "u", "ı": "i", "í": "i", "ì": "i", "ş": "sh", "ç": "ch", "é": "e", "ê": "e",
        "w": "u", "x": "h", "c": "ts", "’": "'", "ʼ": "'", "ʻ": "'", "`": "'",
    }
)
_PRE_FOLD_ASCII = re.compile(r"[qwxc`']")
"""The ASCII letters :data:`_PRE_FOLD` rewrites, and the apostrophes: most by-ear words have none,
and a search costs a fifth of the translation."""
_APOS_PAIRS = {"a'": "a", "g'": "g", "n'": "n", "o'": "o", "u'": "u", "y'": "u",
               "i'": "i", "s'": "sh", "c'": "ch"}
_APOS = re.compile(r"[agnouyisc]'")
_DIGRAPHS = re.compile(r"shch|shsh|zh|ye|yo|y")
_DIGRAPH_FOLD = {"shch": "sh", "shsh": "sh", "zh": "j", "ye": "e", "yo": "io", "y": "i"}
_DOUBLES = re.compile(r"(.)\1+")
_ONCE = operator.itemgetter(1)
"""Replacement for a :data:`_DOUBLES` match (its letter once): a C callable, where the template
``r"\1"`` costs a pass through :mod:`re`'s Python-level template expansion per call and match."""


def fold(latin: str) -> str:
    """Skeleton of a lower-case Latin word in any style: the key of the lexicon index.

    >>> fold("dästürlerdı") == fold("dasturlerdi") == fold("da'stu'rlerdi")
    True
    """
    plain = latin.isascii()
    text = latin if plain else unicodedata.normalize("NFC", latin).replace("i\u0307", "i")
    if "'" in text or "’" in text:
        text = _APOS.sub(lambda m: _APOS_PAIRS[m.group(0)], text.replace("’", "'"))
    if not plain or _PRE_FOLD_ASCII.search(text):
        text = text.translate(_PRE_FOLD).replace("'", "")
    # "c" became "ts" above (2017 c' was taken first); ts+h is by-ear "ch" (and 2021 ч = tş)
    text = _once(text.replace("tsh", "ch")).replace("kh", "h")
    if "shch" in text or "shsh" in text:
        text = _DIGRAPHS.sub(lambda m: _DIGRAPH_FOLD[m.group(0)], text)
    else:
        # the same, without a Python call per match: no replacement makes a pair another matches
        text = text.replace("zh", "j").replace("ye", "e").replace("yo", "io").replace("y", "i")
    text = _once(text)
    # й+е is "ye" in news ASCII but "ie" in 2021: both fold to e (which may make a new double)
    return _once(text.replace("ie", "e")) if "ie" in text else text


def _once(text: str) -> str:
    """``text`` with each run of one letter written once. Scanned first: most words have no
    double, and the regex's search tries its back-reference at every letter (compiled, the scan
    costs a fifth of it; the typo search folds dozens of spellings a word)."""
    previous = ""
    for char in text:
        if char == previous:
            return _DOUBLES.sub(_ONCE, text)
        previous = char
    return text


@lru_cache(maxsize=1 << 17)
def skeleton(cyrillic: str) -> str:
    """Skeleton of a Kazakh Cyrillic word: :func:`fold` of its kk-news romanization."""
    return fold(romanize_word(cyrillic.lower(), "kk-news"))


_MARKS_2021 = re.compile(r"[äğñöşūüÄĞÑÖŞŪÜİ]")
_MARKS_2018 = re.compile(r"[áǵńóúýÁǴŃÓÚÝ]")
_MARKS_2017 = re.compile(r"[AaGgNnOoUuYyIiSsCc]['’]")
_DOTLESS = re.compile(r"ı")
_Q = re.compile(r"[Qq]")


def detect_style(text: str) -> str:
    """The Latin style a span is typed in, from its distinctive letters (default ``kk-news``).

    ä ğ ñ ö ş ū ü İ are 2021 only, á ǵ ń ó ú ý 2018 only (ı is in both), letter +
    apostrophe is 2017; q alone (no other mark) is read as 2021.
    """
    marks_2021 = len(_MARKS_2021.findall(text))
    marks_2018 = len(_MARKS_2018.findall(text))
    if marks_2021 or marks_2018:
        return "kk-latin-2018" if marks_2018 > marks_2021 else "kk-latin-2021"
    apostrophes = len(_MARKS_2017.findall(text))
    if apostrophes >= 2 or (apostrophes and _Q.search(text)):
        return "kk-latin-2017"
    if _DOTLESS.search(text) or _Q.search(text):
        return "kk-latin-2021"
    return "kk-news"


def _lower(word: str, style: str) -> str:
    if style == "kk-latin-2021":
        word = word.replace("İ", "i").replace("I", "ı")
    return unicodedata.normalize("NFC", word.lower().replace("i\u0307", "i"))


def _light(latin: str) -> str:
    """A spelling folded only where by-ear styles differ for the same letter (kh/h, zh/j, ye/e)."""
    folded = latin if latin.isascii() else unicodedata.normalize("NFC", latin)
    if "'" in folded or "’" in folded:
        folded = _APOS.sub(lambda m: _APOS_PAIRS[m.group(0)], folded.replace("’", "'"))
    # kh, zh and ye never overlap, so a replace each folds them all; zh goes first because
    # folding "zkh" leaves a "zh" that one left-to-right pass would not fold again
    return folded.translate(_PRE_FOLD).replace("'", "").replace("zh", "j").replace("kh", "h").replace("ye", "e")


_KEY_VOWELS = frozenset("aeiou")


# Letter-by-letter reading: (back, front) Cyrillic for each Latin token, by style.
_NEWS_LETTERS = [
    ("shch", "щщ"), ("sh", "шш"), ("ch", "чч"), ("zh", "жж"), ("kh", "хх"), ("ts", "цц"),
    ("ya", "яя"), ("yu", "юю"), ("yo", "ёё"), ("ye", "ее"), ("a", "аә"), ("o", "оө"), ("u", "ұү"),
    ("k", "қк"), ("g", "ғг"), ("i", "иі"), ("y", "ыы"), ("e", "ее"), ("b", "бб"), ("d", "дд"),
    ("f", "фф"), ("h", "хх"), ("j", "жж"), ("l", "лл"), ("m", "мм"), ("n", "нн"), ("p", "пп"),
    ("r", "рр"), ("s", "сс"), ("t", "тт"), ("v", "вв"), ("z", "зз"), ("w", "уу"), ("x", "хх"),
    ("c", "цц"), ("q", "ққ"),
    ("ä", "әә"), ("ğ", "ғғ"), ("ñ", "ңң"), ("ö", "өө"), ("ş", "шш"), ("ū", "ұұ"), ("ü", "үү"),
    ("ı", "іі"), ("á", "әә"), ("ǵ", "ғғ"), ("ń", "ңң"), ("ó", "өө"), ("ú", "үү"), ("ý", "уу"),
    ("a'", "әә"), ("g'", "ғғ"), ("n'", "ңң"), ("o'", "өө"), ("u'", "үү"), ("y'", "уу"),
    ("i'", "ии"), ("s'", "шш"), ("c'", "чч"),
]
_OFFICIAL_LETTERS = {
    "kk-latin-2021": {"a": "аа", "o": "оо", "u": "уу", "k": "кк", "g": "гг", "i": "ии", "y": "ыы",
                      "j": "жж", "h": "хх", "e": "ее"},
    "kk-latin-2018": {"a": "аа", "o": "оо", "u": "ұұ", "k": "кк", "g": "гг", "i": "іі", "ı": "ии",
                      "y": "ыы", "j": "жж", "h": "хх", "e": "ее"},
    "kk-latin-2017": {"a": "аа", "o": "оо", "u": "ұұ", "k": "кк", "g": "гг", "i": "іі", "y": "ыы",
                      "j": "жж", "h": "хх", "e": "ее"},
}
_TOKEN = re.compile("|".join(re.escape(t) for t, _ in sorted(_NEWS_LETTERS, key=lambda p: -len(p[0]))) + "|.")
_LATIN_VOWELS = frozenset("aeiouyäöüūıáóúýé")


_LOAN_MARKS = re.compile(r"^[^aeiouy]*[aeiouy].*o|v|f|ts|ch|shch|yu|ya|yo|^(?:st|pr|tr|kr|gr|dr|br|pl|kl|sp)|io|eo|ia|ea|ae")


def _spell(latin: str, style: str) -> str:
    """Letter-by-letter Cyrillic, for a word nothing else explains.

    In news ASCII the merged letters are chosen by vowel harmony (front if the
    word has an e, back otherwise), unless the word looks borrowed (o past the
    first syllable, v, f, ts, ch, initial clusters...), which keeps Russian
    letters: native Kazakh has о/ө only in the first syllable.
    """
    table = dict(_NEWS_LETTERS)
    table.update(_OFFICIAL_LETTERS.get(style, {}))
    if style == "kk-latin-2021":
        table.update({"ia": "яя", "iu": "юю", "io": "ёё", "tş": "чч"})
    tokens = _TOKEN.findall(latin) if style != "kk-latin-2021" else _TOKEN_2021.findall(latin)
    side = 0
    loan = False
    if style == "kk-news":
        loan = bool(_LOAN_MARKS.search(latin))
        side = 1 if ("e" in tokens and not loan) else 0
        if loan:
            table.update({"a": "аа", "o": "оо", "u": "уу", "k": "кк", "g": "гг", "i": "ии", "y": "ыы"})
    out = []
    for i, token in enumerate(tokens):
        pair = table.get(token)
        if pair is None:
            out.append(token)
            continue
        char = pair[side]
        before = tokens[i - 1] if i else ""
        if style == "kk-news":
            if token == "u" and before[-1:] in _LATIN_VOWELS:
                char = "у"
            elif token == "y" and before[-1:] in _LATIN_VOWELS:
                char = "й"
            elif token == "e" and i == 0:
                char = "э"
        elif style == "kk-latin-2021" and token == "i" and before[-1:] in _LATIN_VOWELS:
            char = "й"
        out.append(char)
    return "".join(out)


_TOKEN_2021 = re.compile("ia|iu|io|tş|" + _TOKEN.pattern)
