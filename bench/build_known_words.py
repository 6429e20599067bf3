"""Build translit/data/lexicon/kk_known.bloom: which words the Kazakh lexicon knows, in 2.4 MB.

    python bench/build_known_words.py     # reads translit/data/lexicon/kk_lexicon.txt.gz (about 10 s)

Language detection asks only "is this a Kazakh word?" of the lexicon (translit/language/known_words.py);
loading the lexicon itself to answer costs 0.3 s and about 190 MB. A Bloom filter of the same
answers (false positives 0.1%, never a false negative) loads in milliseconds. It holds

* ``c`` + every Kazakh word form of the lexicon without a letter Russian lacks (a word with one of
  ә ғ қ ң ө ұ ү һ і is Kazakh evidence by its letters alone), lower case;
* ``l`` + every skeleton (the folded Latin spelling recovery looks words up by: Qazaq → kazak).

Derived from the lexicon, under the lexicon's licence (translit/data/lexicon/README.md). Rebuild
after rebuilding the lexicon; the build is deterministic.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from translit.transliteration.alphabet import has_kazakh_letters  # noqa: E402
from translit.language.known_words import BLOOM_FILE, Bloom  # noqa: E402
from translit.recovery.lexicon import LEXICON_FILE, Lexicon, lexicon_dir, read_lexicon  # noqa: E402

FALSE_POSITIVES = 0.001


def main() -> int:
    keys, records, _attested = read_lexicon(lexicon_dir() / LEXICON_FILE)
    lexicon = Lexicon(keys=keys, records=records)
    items = {"l" + key for key in keys}
    for key in keys:
        items.update("c" + form for form, _count, _family in lexicon.words(key) if not has_kazakh_letters(form))
    bits = math.ceil(-len(items) * math.log(FALSE_POSITIVES) / math.log(2) ** 2 / 8) * 8
    hashes = max(1, round(bits / len(items) * math.log(2)))
    bloom = Bloom.empty(bits, hashes)
    for item in sorted(items):
        bloom.add(item)
    path = lexicon_dir() / BLOOM_FILE
    path.write_bytes(bloom.to_bytes())
    print(f"{len(items):,} items, {bits:,} bits, {hashes} hashes -> {path} ({path.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
