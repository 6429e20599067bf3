"""People's names on real text: what finding takes for a person, and how foreign given names are spelled.

    python bench/bench_people.py                       # this checkout
    python bench/bench_people.py --against /work/main  # and another checkout, side by side, with the spans
                                                       # one finds and the other does not (to judge by hand)

1. ``translit.names.finding.find_names`` over the kk/ru/en sentences of ../shared/data/langid/dev.jsonl
   (KazNERD news transcripts, UD treebanks) and the headlines of ../shared/data/news/kk-en.jsonl: names
   found per source. Whether each is a person is judged by hand from the spans printed with --against.
2. Foreign given names in a Latin-typed Kazakh sentence: ``translit.recover`` and
   ``translit.names.people.cyrillic_forms`` against the spelling Kazakh news use, for the names of the
   names list (LISTED), for Russian given names it does not hold (HELD_OUT), and for every given name of
   the UD Russian sentences of dev.jsonl typed in news and BGN/PCGN spelling (real names, many of them not Russian: Paolo, Agilulf).
The raw text is read at bench time only; nothing of it is committed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
if not DATA.is_dir():
    DATA = Path("/work/shared/data")

LISTED = ("Ольга Анна Мария Елена Наталья Татьяна Ирина Светлана Екатерина Юлия Людмила Галина Надежда Валентина "
          "Оксана Лариса Марина Софья Дарья Игорь Сергей Александр Владимир Дмитрий Андрей Алексей Николай Иван "
          "Михаил Евгений Юрий Виктор Павел Олег Василий Илья Антон Максим Константин Борис").split()
ENGLISH = {"John": "Джон", "Michael": "Майкл", "David": "Дэвид", "Peter": "Питер", "James": "Джеймс", "Mary": "Мэри",
           "George": "Джордж", "Paul": "Пол", "Robert": "Роберт", "Maria": "Мария", "Anna": "Анна"}
HELD_OUT = ("Зинаида Тамара Нина Лидия Раиса Полина Алина Вероника Кирилл Артём Денис Егор Фёдор Семён Леонид "
            "Аркадий Эдуард Ярослав Тимофей Глеб").split()


def found_names() -> list[tuple[str, str]]:
    """(source, name) for every name find_names finds in the real text."""
    from translit.names.finding import find_names

    found = []
    with open(DATA / "langid" / "dev.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["lang"] in ("kk", "ru", "en"):
                found += [(record["lang"], record["text"][a:b]) for a, b in find_names(record["text"])]
    with open(DATA / "news" / "kk-en.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for lang in ("kk", "en", "ru"):
                if record.get(lang):
                    found += [(f"news-{lang}", record[lang][a:b]) for a, b in find_names(record[lang])]
    return found


def real_russian_given_names() -> list[str]:
    """The Russian given names of the UD Russian sentences of dev.jsonl: a capitalised word inside a
    sentence that pymorphy3 reads first as a given name in the nominative (real names, none chosen by hand)."""
    import re

    from translit.morphology.morph_ru import analyzer

    morph = analyzer()
    found = set()
    with open(DATA / "langid" / "dev.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["lang"] == "ru":
                for word in re.findall(r"\w+", record["text"])[1:]:
                    if word[:1].isupper() and word[1:].islower():
                        parse = morph.parse(word.lower())[0]
                        if {"Name", "nomn", "sing"} <= parse.tag.grammemes and parse.normal_form == word.lower():
                            found.add(word)
    return sorted(found)


def given_names() -> dict[str, int]:
    """Wrong spellings of foreign given names in a Kazakh sentence, by set and path."""
    from translit.names import people
    from translit.recovery import recover
    from translit.transliteration.engine import romanize

    wrong: Counter[str] = Counter()
    real = real_russian_given_names()
    sets = {"listed": [(romanize(n, "ru-news"), n) for n in LISTED] + list(ENGLISH.items()),
            "held-out": [(romanize(n, "ru-news"), n) for n in HELD_OUT],
            "UD Russian (ru-news)": [(romanize(n, "ru-news"), n) for n in real],
            "UD Russian (BGN/PCGN)": [(romanize(n, "ru-bgn-pcgn").replace("’", ""), n) for n in real]}
    for name, pairs in sets.items():
        for latin, want in pairs:
            wrong[f"{name} names: {len(pairs)}"] += 0
            in_sentence = recover(f"Keshe kitaphanada akyn {latin} Ivanova okyrmandarmen kezdesti.").text.split()[3]
            alone = recover(f"Kezdesuge {latin} keldi.").text.split()[1]
            wrong[f"{name} recovery wrong"] += in_sentence != want or alone != want
            wrong[f"{name} cyrillic_forms wrong"] += people.cyrillic_forms(f"{latin} Ivanova")["kk"].split()[0] != want
    return dict(wrong)


def measure() -> dict[str, object]:
    found = found_names()
    return {"found": found, "given": given_names()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="another checkout of translit, measured in the same run")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one checkout's figures, for --against
    args = parser.parse_args()
    results = {"this": measure()}
    if args.json:
        print(json.dumps(results["this"], ensure_ascii=False))
        return
    if args.against:
        env = dict(os.environ, PYTHONPATH=args.against)
        out = subprocess.run([sys.executable, __file__, "--json"], env=env, cwd=args.against, capture_output=True,
                             text=True, check=True)
        results["other"] = json.loads(out.stdout)
    counts = {key: Counter(source for source, _ in map(tuple, value["found"])) for key, value in results.items()}
    sources = sorted({source for count in counts.values() for source in count})
    print("| source | " + " | ".join(f"names found ({key})" for key in results) + " |")
    print("|---|" + "---|" * len(results))
    for source in sources + ["all"]:
        cells = [str(sum(count.values()) if source == "all" else count[source]) for count in counts.values()]
        print(f"| {source} | " + " | ".join(cells) + " |")
    print()
    for key, value in results.items():
        print(key, value["given"])
    if "other" in results:
        this = Counter(map(tuple, results["this"]["found"]))
        other = Counter(map(tuple, results["other"]["found"]))
        for sign, spans in (("+", this - other), ("-", other - this)):
            for (source, name), times in sorted(spans.items()):
                print(f"{sign} {source}\t{name}\t{times}")


if __name__ == "__main__":
    main()
