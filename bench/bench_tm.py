"""Translation memory: alignment precision/recall, coverage on a held-out period, speed at a million segments.

    python bench/bench_tm.py                 # everything (a million generated segments: several minutes)
    python bench/bench_tm.py --only align    # or coverage, speed; --segments N for a smaller memory
    python bench/bench_tm.py --only speed --segments 100000 --postgres postgresql://…/empty_db

Alignment: Kazakh–English pairs whose alignment is known (../shared/data/news/kk-en.jsonl, from
NLP-KazNU/kaz-parallel-corpora_collect_and_clean, CC BY-SA: 130 government-site headline pairs, 60
lower-cased sentence pairs, one primeminister.kz article aligned by paragraph), shuffled into posts of
several paragraphs of several sentences, with sentences and paragraphs dropped from one side, so the
aligner must find which sentence translates which and leave out what has no counterpart. And
NTREX-128 (MicrosoftTranslator/NTREX, CC BY-SA 4.0: WMT19 English news with professional Kazakh and
Russian translations, line-aligned), read at bench time from ``--ntrex DIR`` (never committed), each
document a trilingual post.

Coverage: the gate corpus (tests/data/gate/posts, 44 trilingual posts) as one site, ordered by each
post's own date: posts dated before October 2024 (and the 4 undated ones) are imported, the 9 dated
October–December 2024 are the held-out period; each held-out sentence is looked up in every direction.
Beside it, translate-toolkit's matcher (translate.search.match, the TM matcher of Pootle and Virtaal)
on the same sentence pairs, without slots.

Speed: a memory of generated segments (random sentences with slots, words drawn by Zipf's law from
50,000 made-up words), one import transaction; exact lookups of stored keys, fuzzy lookups of stored
keys with one word replaced; the file size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translit.config import Config  # noqa: E402
from translit.names.glossary import post_date  # noqa: E402
from translit.tm import abstract, make_protector, open_memory  # noqa: E402
from translit.checks.memory_import import aligned_sentences, import_paths  # noqa: E402
from translit.tm.slots import pair  # noqa: E402
from translit.tm.store import Segment  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news" / "kk-en.jsonl"
if not NEWS.exists():
    NEWS = Path("/work/shared/data/news/kk-en.jsonl")
GATE = ROOT / "tests" / "data" / "gate" / "posts"


def norm(text: str) -> str:
    return " ".join(text.split())


def sentence(text: str) -> str:
    """A headline or a lower-cased sentence as running text has it: a capital first, a full stop last."""
    text = norm(text)
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in ".!?…" else text + "."


# ------------------------------------------------------------------ alignment


def news_pairs() -> dict[str, list[tuple[str, str]]]:
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: dict[str, list[tuple[str, str]]] = {"headline": [], "sentence-lowercased": [], "paragraph": []}
    for record in records:
        kind = record["source"]["kind"]
        if record.get("kk") and record.get("en"):
            out[kind].append((record["kk"], record["en"]))
    return out


def synthetic_posts(pairs: list[tuple[str, str]], rng: random.Random, drop: float) -> list[tuple[str, str, set[tuple[str, str]]]]:
    """Posts of 2–5 paragraphs of 1–4 sentence pairs; a sentence (``drop``) or a paragraph (drop/2) missing on one side."""
    pairs = pairs[:]
    rng.shuffle(pairs)
    posts = []
    while pairs:
        kk_blocks, en_blocks, truth = [], [], set()
        for _ in range(rng.randint(2, 5)):
            if not pairs:
                break
            chunk = [pairs.pop() for _ in range(min(len(pairs), rng.randint(1, 4)))]
            kk = [sentence(k) for k, _ in chunk]
            en = [sentence(e) for _, e in chunk]
            if rng.random() < drop / 2:
                # a paragraph only one version has: it pairs with nothing
                if rng.random() < 0.5:
                    kk_blocks.append(" ".join(kk))
                else:
                    en_blocks.append(" ".join(en))
                continue
            if len(chunk) > 1 and rng.random() < drop:
                side = rng.choice(("kk", "en"))
                gone = rng.randrange(len(chunk))
                (kk if side == "kk" else en)[gone] = ""
            for k, e in zip(kk, en):
                if k and e:
                    truth.add((norm(k), norm(e)))
            kk_blocks.append(" ".join(s for s in kk if s))
            en_blocks.append(" ".join(s for s in en if s))
        posts.append(("\n\n".join(kk_blocks), "\n\n".join(en_blocks), truth))
    return posts


def bench_align(protector) -> dict:  # type: ignore[no-untyped-def]
    data = news_pairs()
    results = {}
    for name, pairs, drop in (
        ("headlines, nothing dropped", data["headline"], 0.0),
        ("headlines, sentences and paragraphs dropped", data["headline"], 0.3),
        ("lower-cased sentences (first letter capitalised), dropped", data["sentence-lowercased"], 0.3),
    ):
        found = correct = truth_total = unsure = 0
        for seed in range(5):
            for kk, en, truth in synthetic_posts(pairs, random.Random(seed), drop):
                rows, kept_out = aligned_sentences({"kk": (kk, "text"), "en": (en, "text")}, protector)
                predicted = {(row["kk"].sentence.text, row["en"].sentence.text) for row in rows if "kk" in row and "en" in row}
                found += len(predicted)
                correct += len(predicted & truth)
                truth_total += len(truth)
                unsure += kept_out
        results[name] = {"pairs_true": truth_total, "pairs_found": found, "correct": correct,
                         "precision": round(correct / found, 3) if found else None,
                         "recall": round(correct / truth_total, 3) if truth_total else None, "kept_out": unsure}
    # The article: paragraph-aligned only, so a found pair is right when both sentences are in one known paragraph pair.
    paragraphs = data["paragraph"]
    kk_text = "\n\n".join(norm(k) for k, _ in paragraphs)
    en_text = "\n\n".join(norm(e) for _, e in paragraphs)
    rows, kept_out = aligned_sentences({"kk": (kk_text, "text"), "en": (en_text, "text")}, protector)
    same = sum(1 for row in rows if row["kk"].block == row["en"].block)
    results["primeminister.kz article (paragraph truth)"] = {
        "pairs_found": len(rows), "in_the_right_paragraph": same, "kept_out": kept_out,
        "paragraphs": len(paragraphs)}
    return results


NTREX_MIRROR = Path("/work/.mirror/MicrosoftTranslator+NTREX/repo")
NTREX_FILES = {"en": "NTREX-128/newstest2019-src.eng.txt", "kk": "NTREX-128/newstest2019-ref.kaz.txt",
               "ru": "NTREX-128/newstest2019-ref.rus.txt"}


def ntrex_documents(where: Path) -> list[dict[str, list[str]]]:
    """NTREX-128's news documents, each as its lines in en, kk and ru (line n of one translates line n of the others).

    ``where`` is a checkout of MicrosoftTranslator/NTREX or its git directory (read with ``git show``).
    """
    import subprocess

    def read(name: str) -> list[str]:
        if (where / name).is_file():
            return (where / name).read_text(encoding="utf-8").splitlines()
        return subprocess.run(["git", "--git-dir", str(where), "show", f"HEAD:{name}"], check=True,
                              capture_output=True, text=True, encoding="utf-8").stdout.splitlines()

    ids = read("DOCUMENT_IDS.tsv")
    lines = {lang: read(name) for lang, name in NTREX_FILES.items()}
    if any(len(found) != len(ids) for found in lines.values()):
        raise SystemExit(f"{where}: NTREX files of unequal length")
    documents: dict[str, dict[str, list[str]]] = {}
    for number, doc in enumerate(ids):
        for lang, found in lines.items():
            documents.setdefault(doc.split("\t")[0], {}).setdefault(lang, []).append(norm(found[number]))
    return list(documents.values())


def bench_align_ntrex(protector, where: Path) -> dict:  # type: ignore[no-untyped-def]
    """Each NTREX document as a trilingual post: its first line a heading paragraph, the rest in paragraphs of 1–4
    lines (the same in every language); in the "dropped" run a line is missing from one version in 30% of
    paragraphs and 15% of paragraphs exist in one version only. A pair found is correct when both sentences
    come from the same line (a line can hold two sentences, a sentence in quotes can span two lines); a line is
    recalled when a correct pair comes from it.
    """
    documents = ntrex_documents(where)
    pairs = (("kk", "en"), ("kk", "ru"), ("en", "ru"))
    results: dict[str, object] = {"documents": len(documents), "lines": sum(len(d["en"]) for d in documents)}
    for name, drop in (("as published", 0.0), ("sentences and paragraphs dropped", 0.3)):
        counts: Counter[str] = Counter()
        for seed in range(3):
            rng = random.Random(seed)
            for document in documents:
                present = {lang: set(range(len(document["en"]))) for lang in document}
                paragraphs = {lang: [] for lang in document}  # type: dict[str, list[str]]
                cut = [0, 1]
                while cut[-1] < len(document["en"]):
                    cut.append(min(len(document["en"]), cut[-1] + rng.randint(1, 4)))
                for start, end in zip(cut, cut[1:]):
                    lines = set(range(start, end))
                    if rng.random() < drop / 2:
                        only = rng.choice(list(document))
                        for lang in document:
                            present[lang] -= set() if lang == only else lines
                    elif end - start > 1 and rng.random() < drop:
                        present[rng.choice(list(document))].discard(rng.randrange(start, end))
                    for lang in document:
                        kept = [document[lang][i] for i in sorted(lines & present[lang])]
                        if kept:
                            paragraphs[lang].append(" ".join(kept))
                versions = {lang: ("\n\n".join(blocks), "text") for lang, blocks in paragraphs.items()}
                rows, kept_out = aligned_sentences(versions, protector)
                counts["kept_out"] += kept_out

                def lines_of(lang: str, text: str) -> set[int]:
                    """The lines a sentence comes from: one line holding it, or lines it holds (a sentence in quotes)."""
                    text = norm(text)
                    return {i for i in present[lang] if text in document[lang][i] or document[lang][i] in text}  # noqa: B023

                for a, b in pairs:
                    recalled: set[int] = set()
                    for row in rows:
                        if a in row and b in row:
                            same = lines_of(a, row[a].sentence.text) & lines_of(b, row[b].sentence.text)
                            counts[f"{a}-{b} found"] += 1
                            counts[f"{a}-{b} correct"] += bool(same)
                            recalled |= same
                    counts[f"{a}-{b} lines"] += len(present[a] & present[b])
                    counts[f"{a}-{b} recalled"] += len(recalled)
        table = {}
        for a, b in pairs:
            found, correct = counts[f"{a}-{b} found"], counts[f"{a}-{b} correct"]
            lines, recalled = counts[f"{a}-{b} lines"], counts[f"{a}-{b} recalled"]
            table[f"{a}-{b}"] = {"true_lines": lines, "pairs_found": found, "correct": correct,
                                 "precision": round(correct / found, 3) if found else None,
                                 "recall": round(recalled / lines, 3) if lines else None}
        results[name] = {**table, "kept_out": counts["kept_out"]}
    return results


# ------------------------------------------------------------------ coverage


def gate_posts() -> list[tuple[object, str, dict[str, Path]]]:
    posts: dict[str, dict[str, Path]] = {}
    for path in GATE.iterdir():
        name, lang = path.name.split(".")[:2]
        posts.setdefault(name, {})[lang] = path
    out = []
    for name, files in posts.items():
        date = post_date(files["en"].read_text(encoding="utf-8"), files["en"].name)
        out.append((date, name, files))
    return sorted(out, key=lambda item: (str(item[0]), item[1]))


def bench_coverage(protector, workdir: Path) -> dict:  # type: ignore[no-untyped-def]
    from translate.search.match import matcher
    from translate.storage.base import TranslationStore, TranslationUnit

    posts = gate_posts()
    cutoff = (2024, 10)
    earlier = [files for date, _, files in posts if date is None or (date.year, date.month) < cutoff]
    later = [(name, files) for date, name, files in posts if date is not None and (date.year, date.month) >= cutoff]
    memory = open_memory(path=workdir / "site.sqlite")
    import_paths(memory.store, [p for files in earlier for p in files.values()], Config())
    peers: dict[tuple[str, str], matcher] = {}
    for src in ("en", "kk", "ru"):
        for tgt in ("en", "kk", "ru"):
            if src == tgt:
                continue
            store = TranslationStore()
            for segment in memory.store.segments():
                if segment.src == src and segment.tgt == tgt:
                    unit = TranslationUnit(segment.source)
                    unit.target = segment.target
                    store.addunit(unit)
            peers[(src, tgt)] = matcher(store, max_candidates=1, min_similarity=75, max_length=1000)
    ours: Counter[str] = Counter()
    theirs: Counter[str] = Counter()
    agree = 0
    for _, files in later:
        versions = {lang: (path.read_text(encoding="utf-8"), {".md": "markdown", ".html": "html", ".txt": "text"}[path.suffix])
                    for lang, path in files.items()}
        rows, _ = aligned_sentences(versions, protector)
        for row in rows:
            for src, cell in row.items():
                for tgt, other in row.items():
                    if src == tgt:
                        continue
                    ours["sentences"] += 1
                    match = memory.lookup(cell.sentence, src, tgt)
                    if match is None:
                        ours["none"] += 1
                    elif match.exact:
                        ours["exact"] += 1
                        _, published = pair(cell.sentence, other.sentence, tgt)
                        agree += norm(published) == norm(match.segment.template)
                    else:
                        ours["fuzzy"] += 1
                    found = peers[(src, tgt)].matches(cell.sentence.text)
                    score = float(found[0].getnotes().rstrip("%")) if found else 0.0
                    theirs["exact" if score >= 100 else "fuzzy" if found else "none"] += 1
    memory.close()
    total = ours["sentences"]
    return {
        "gate corpus (trilingual posts)": {
            "imported_posts": len(earlier), "held_out_posts": len(later), "held_out_sentence_lookups": total,
            "translit": {k: round(ours[k] / total, 3) for k in ("exact", "fuzzy", "none")},
            "translit_exact_agreeing_with_the_published_translation": agree,
            "translate_toolkit_matcher": {k: round(theirs[k] / total, 3) for k in ("exact", "fuzzy", "none")},
        },
        "government headlines (kk-en)": _headline_coverage(protector, workdir),
    }


def _headline_coverage(protector, workdir: Path) -> dict:  # type: ignore[no-untyped-def]
    """The news headline pairs in the order of their source file: the first 80% imported, the last 20% looked up."""
    from translate.search.match import matcher
    from translate.storage.base import TranslationStore, TranslationUnit

    from translit.tm.slots import pair_segments

    headlines = news_pairs()["headline"]
    cut = len(headlines) * 4 // 5

    def abstracted(text: str, lang: str):  # type: ignore[no-untyped-def]
        shielded = protector.shield([sentence(text)], lang)
        return abstract(shielded.text, shielded.parts)

    memory = open_memory(path=workdir / "headlines.sqlite")
    segments = []
    for number, (kk, en) in enumerate(headlines[:cut]):
        segments += pair_segments({"kk": abstracted(kk, "kk"), "en": abstracted(en, "en")}, "/headlines", f"/headlines#{number}")
    memory.store.replace(["/headlines"], segments)
    result = {"imported_pairs": cut, "held_out_pairs": len(headlines) - cut}
    for src, tgt in (("kk", "en"), ("en", "kk")):
        store = TranslationStore()
        for segment in segments:
            if segment.src == src:
                unit = TranslationUnit(segment.source)
                unit.target = segment.target
                store.addunit(unit)
        peer = matcher(store, max_candidates=1, min_similarity=75, max_length=1000)
        ours: Counter[str] = Counter()
        theirs: Counter[str] = Counter()
        agree = 0
        for kk, en in headlines[cut:]:
            source, target = (abstracted(kk, "kk"), abstracted(en, "en")) if src == "kk" else (abstracted(en, "en"), abstracted(kk, "kk"))
            match = memory.lookup(source, src, tgt)
            kind = "none" if match is None else "exact" if match.exact else "fuzzy"
            ours[kind] += 1
            if match is not None and match.exact:
                agree += norm(pair(source, target, tgt)[1]) == norm(match.segment.template)
            found = peer.matches(source.text)
            score = float(found[0].getnotes().rstrip("%")) if found else 0.0
            theirs["exact" if score >= 100 else "fuzzy" if found else "none"] += 1
        total = len(headlines) - cut
        result[f"{src}→{tgt}"] = {
            "translit": {k: round(ours[k] / total, 3) for k in ("exact", "fuzzy", "none")},
            "translit_exact_agreeing_with_the_published_translation": agree,
            "translate_toolkit_matcher": {k: round(theirs[k] / total, 3) for k in ("exact", "fuzzy", "none")},
        }
    memory.close()
    return result


# ------------------------------------------------------------------ speed


def generated(count: int, rng: random.Random) -> list[Segment]:
    """Random sentences with slots: words drawn by Zipf's law (rank r with weight 1/r) from 50,000
    made-up words, as words are distributed in news text, so a few are in every sentence and most are rare."""
    import itertools

    syllables = [onset + vowel + coda for onset in ["", "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "z", "sh", "zh", "ch", "kh", "st", "tr", "bl"]
                 for vowel in "aeiouy" for coda in ["", "n", "r", "l", "s", "t", "k", "ng"]]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))) for _ in range(80_000)})[:50_000]
    rng.shuffle(vocabulary)
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(vocabulary) + 1)))
    slots = ["⟦date⟧", "⟦institution⟧", "⟦number⟧", "⟦person⟧", "⟦phone⟧"]
    out = []
    for n in range(count):
        body = rng.choices(vocabulary, cum_weights=weights, k=rng.randint(6, 18))
        kinds = []
        for _ in range(rng.randint(0, 3)):
            slot = rng.choice(slots)
            body.insert(rng.randrange(len(body)), slot)
            kinds.append(slot.strip("⟦⟧"))
        key = " ".join(body).capitalize() + "."
        target = " ".join(rng.choices(vocabulary, cum_weights=weights, k=len(body))) + "."
        out.append(Segment("en", "kk", key, " ".join(kinds), key, target, target, f"/gen/{n // 20}", f"/gen/{n // 20}#{n}"))
    return out


def bench_speed(count: int, workdir: Path, protector) -> dict:  # type: ignore[no-untyped-def]
    from rapidfuzz import fuzz  # noqa: F401  (imported before timing)

    rng = random.Random(7)
    segments = generated(count, rng)
    path = workdir / "million.sqlite"
    memory = open_memory(path=path)
    start, start_cpu = time.perf_counter(), time.process_time()
    memory.store.replace([], segments)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
    memory.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[attr-defined]
    size = sum(p.stat().st_size for p in workdir.glob("million.sqlite*"))
    sample = rng.sample(segments, 2000)
    from translit.tm.slots import Abstracted

    def as_sentence(key: str) -> Abstracted:
        return Abstracted(key, key, (), ())

    start = time.process_time()
    for segment in sample:
        assert memory.store.exact("en", "kk", segment.key)
    exact_ms = (time.process_time() - start) * 1000 / len(sample)
    fuzzy_times = []
    hits = 0
    for segment in sample[:300]:
        words = segment.key.split()
        words[rng.randrange(len(words))] = "exhibition"
        query = as_sentence(" ".join(words))
        start = time.process_time()
        found = memory.fuzzy(query, "en", None, min_score=75)
        fuzzy_times.append((time.process_time() - start) * 1000)
        hits += bool(found) and found[0].segment.key == segment.key
    memory.close()
    text = "On 12 May 2025 the director of the National Academic Library of the Republic of Kazakhstan opened an exhibition of rare books."
    start = time.process_time()
    for _ in range(200):
        shielded = protector.shield([text + " " * (_ % 3)], "en")
        abstract(shielded.text, shielded.parts)
    abstract_ms = (time.process_time() - start) * 1000 / 200
    return {
        "segments": count, "import_seconds": round(seconds, 1), "import_segments_per_second": round(count / seconds),
        "import_segments_per_cpu_second": round(count / cpu_seconds),
        "file_bytes": size, "file_mb_per_million": round(size / count * 1_000_000 / 1e6),
        "exact_lookup_ms": round(exact_ms, 3), "fuzzy_lookup_ms_mean": round(statistics.mean(fuzzy_times), 2),
        "fuzzy_lookup_ms_p95": round(sorted(fuzzy_times)[int(len(fuzzy_times) * 0.95)], 2),
        "fuzzy_found_the_edited_segment": f"{hits}/{len(fuzzy_times)}",
        "slot_abstraction_ms_per_sentence": round(abstract_ms, 2),
    }


def bench_postgres(url: str, count: int) -> dict:
    """The same generated memory in PostgreSQL (a fresh database ``url``): import rate, lookups, size.

    Lookups are timed twice: wall-clock, and CPU time of this process plus the server process serving
    it (``/proc/PID/schedstat``, when the server runs on this machine), which other load does not inflate.
    """
    rng = random.Random(7)
    segments = generated(count, rng)
    memory = open_memory(url=url)
    db = memory.store.db  # type: ignore[attr-defined]
    server = Path(f"/proc/{db.execute('SELECT pg_backend_pid()').fetchone()[0]}/schedstat")

    def cpu() -> float:
        return time.process_time() + (int(server.read_text().split()[0]) / 1e9 if server.exists() else 0.0)

    start, start_cpu = time.perf_counter(), cpu()
    memory.store.replace([], segments)
    seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
    size = db.execute("SELECT pg_total_relation_size('tm_segments') + pg_total_relation_size('tm_words')").fetchone()[0]

    sample = rng.sample(segments, 1000)
    from translit.tm.slots import Abstracted

    start = time.perf_counter()
    for segment in sample:
        assert memory.store.exact("en", "kk", segment.key)
    exact_ms = (time.perf_counter() - start) * 1000 / len(sample)
    wall, used, hits = [], [], 0
    for segment in sample[:200]:
        words = segment.key.split()
        words[rng.randrange(len(words))] = "exhibition"
        query = " ".join(words)
        start, start_cpu = time.perf_counter(), cpu()
        found = memory.fuzzy(Abstracted(query, query, (), ()), "en", None, min_score=75)
        used.append((cpu() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
        hits += bool(found) and found[0].segment.key == segment.key
    memory.close()
    return {"segments": count, "import_segments_per_second": round(count / seconds),
            **({"import_segments_per_cpu_second": round(count / cpu_seconds)} if server.exists() else {}), "bytes_per_million": round(size / count * 1_000_000),
            "exact_lookup_ms_wall": round(exact_ms, 3), "fuzzy_lookup_ms_mean_wall": round(statistics.mean(wall), 2),
            "fuzzy_lookup_ms_p95_wall": round(sorted(wall)[int(len(wall) * 0.95)], 2),
            **({"fuzzy_lookup_ms_mean_cpu": round(statistics.mean(used), 2), "fuzzy_lookup_ms_p95_cpu": round(sorted(used)[int(len(used) * 0.95)], 2),
                "cpu": "this process and the server process serving it"} if server.exists() else {}),
            "fuzzy_found_the_edited_segment": f"{hits}/{len(wall)}"}


def bench_post_import(workdir: Path) -> dict:
    """The gate posts imported whole (alignment included), after a warm-up on another post (the glossary loaded)."""
    memory = open_memory(path=workdir / "gate.sqlite")
    import_paths(memory.store, [ROOT / "tests" / "data" / "tm"], Config())
    start = time.process_time()
    report = import_paths(memory.store, [GATE], Config())
    seconds = time.process_time() - start
    memory.close()
    return {"posts": report.posts, "aligned_sentences": report.rows, "segments": report.segments, "kept_out": report.unsure,
            "seconds": round(seconds, 2), "segments_per_second": round(report.segments / seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("align", "coverage", "speed"))
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--ntrex", type=Path, default=NTREX_MIRROR,
                        help="a checkout (or git directory) of MicrosoftTranslator/NTREX, for alignment on news in en/kk/ru")
    parser.add_argument("--postgres", metavar="URL", help="also measure speed on this (empty) PostgreSQL database")
    args = parser.parse_args()
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp())
    protector = make_protector(Config())
    out: dict[str, object] = {"load_average_at_start": os.getloadavg()}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if args.only in (None, "speed"):
            out["import_of_posts"] = bench_post_import(work)  # first: no other part has seen these posts
        if args.only in (None, "align"):
            out["alignment"] = bench_align(protector)
            if args.ntrex.exists():
                out["alignment_ntrex"] = bench_align_ntrex(protector, args.ntrex)
            else:
                out["alignment_ntrex"] = f"not measured: no NTREX at {args.ntrex} (--ntrex DIR)"
        if args.only in (None, "coverage"):
            out["coverage"] = bench_coverage(protector, work)
        if args.only in (None, "speed"):
            out["speed"] = bench_speed(args.segments, work, protector)
            if args.postgres:
                out["speed_postgres"] = bench_postgres(args.postgres, args.segments)
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
