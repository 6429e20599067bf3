"""Build translit/data/lexicon/en_words.txt.gz: English words and their frequency, for recovery.

Recovery leaves English words inside Latin-typed Kazakh as they are (Kazakh
news keeps them in Latin letters) and an English sentence unchanged; it tells
them by this list. The frequencies are wordfreq's (Robyn Speer, wordfreq 3.x,
data CC BY-SA 4.0: Wikipedia, OpenSubtitles, SUBTLEX, Google Books Ngrams,
the Leeds Internet Corpus, ParaCrawl, Twitter word counts), on its Zipf
scale (log10 of occurrences per billion words); the list keeps the words of
ASCII letters at Zipf 2.5 or more (about one in 300 million words).

    pip install wordfreq        # only to build; translit reads the file it writes
    python bench/build_en_words.py
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translit.recovery.lexicon import ENGLISH_FILE, lexicon_dir  # noqa: E402

LOWEST_ZIPF = 2.5
WORD = re.compile(r"[a-z]+")


def main() -> int:
    import wordfreq

    words = [(word, wordfreq.zipf_frequency(word, "en")) for word in wordfreq.top_n_list("en", 300_000)
             if WORD.fullmatch(word)]
    kept = sorted((word, round(zipf * 100)) for word, zipf in words if zipf >= LOWEST_ZIPF)
    version = getattr(wordfreq, "__version__", "3")
    body = (
        f"# English words (ASCII letters) with their Zipf frequency x 100, from wordfreq {version}\n"
        "# (Robyn Speer; data CC BY-SA 4.0: Wikipedia, OpenSubtitles 2018, SUBTLEX, Google Books Ngrams,\n"
        "# the Leeds Internet Corpus, ParaCrawl, Twitter word counts). Built by bench/build_en_words.py.\n"
        + "".join(f"{word}\t{zipf}\n" for word, zipf in kept)
    )
    path = lexicon_dir() / ENGLISH_FILE
    path.write_bytes(gzip.compress(body.encode("ascii"), compresslevel=9, mtime=0))
    print(f"{path}: {len(kept)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
