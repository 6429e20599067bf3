"""Build tests/data/kk_forms.tsv: Kazakh noun forms as apertium-kaz's generator writes them.

    apt-get install hfst
    # apertium-kaz's source (github apertium/apertium-kaz) in APERTIUM_KAZ, then:
    python bench/build_kk_forms.py --apertium-kaz /path/to/apertium-kaz [--out tests/data/kk_forms.tsv]

The generator is compiled the way apertium-kaz's Makefile compiles its
generating transducer (the lexc without the analysis-only entries, composed
with the twol rules), then asked for every form of LEMMAS below: the seven
cases and the attributive -дағы, bare, plural, 3rd-person possessive, 1st-plural
possessive and plural + possessive for common nouns; the cases and -дағы for
names, places and institution names (their last word declines). A form apertium-kaz cannot generate is left out, and so is a
word whose paradigm the generator gets inconsistent (see LEMMAS).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

CASES = ("nom", "gen", "dat", "acc", "loc", "abl", "ins", "attr")
TAG = {case: f"<{case}>" for case in CASES} | {"attr": "<loc><attr>"}

# (lemma, apertium stem and tags, kind): kind is place, name, surname or noun.
LEMMAS: list[tuple[str, str, str]] = [
    *((w, w + "<np><top>", "place") for w in (
        "Қазақстан Астана Алматы Шымкент Қарағанды Ақтөбе Тараз Өскемен Семей Ақтау Атырау Орал "
        "Қостанай Павлодар Петропавл Түркістан Көкшетау Жезқазған Екібастұз Шу Ақсу Көксу Талдықорған "
        "Қызылорда Байқоңыр Арқалық Ресей Мәскеу Бішкек Ташкент Қытай Түркия Жапония Германия Еуропа "
        "Балқаш Сарыағаш Жаркент"
    ).split()),
    *((w, w + "<np><ant><m>", "name") for w in (
        "Абай Мұхтар Шоқан Ғали Әли Асқар Нұрсұлтан Бауыржан Ерлан Сәкен Жамбыл Ахмет Мұқағали Әлихан "
        "Мағжан Уәли Мәди Сәбит Ғазиз"
    ).split()),
    *((w, w + "<np><ant><f>", "name") for w in "Әйгерім Гүлнара Дина Ирина Сәуле Баян".split()),
    *((w, w + "<np><cog><m>", "surname") for w in "Тоқаев Назарбаев Әуезов Сәтбаев Құнанбаев".split()),
    *((w, w + "<n>", "noun") for w in (
        "кітапхана кітап мектеп университет министрлік банк парк тарих оқу музей театр қала облыс "
        "аудан ауыл ел халық мемлекет президент үкімет комитет орталық академия институт газет журнал "
        "конференция көрме су жер адам бала жоба бағдарлама қор басқарма департамент агенттік клуб "
        "сот әкімдік сайт форум"
    ).split()),
    # verbal nouns in -у, which apertium-kaz generates from the verb
    ("беру", "бер<v><tv><ger>", "noun"),
    ("келу", "кел<v><iv><ger>", "noun"),
]
# Institution names decline on their last word (the glossary's rule): (name, head lemma, head tags).
# A head in the 3rd-person possessive (кітапханасы) takes the pronominal endings.
INSTITUTIONS: list[tuple[str, str, str]] = [
    ("Қазақстан Республикасының Ұлттық кітапханасы", "кітапхана", "<n><px3sp>"),
    ("Абай атындағы Қарағанды облыстық балалар кітапханасы", "кітапхана", "<n><px3sp>"),
    ("Л.Н. Гумилев атындағы Еуразия ұлттық университеті", "университет", "<n><px3sp>"),
    ("Қазақстан Республикасы Білім және ғылым министрлігі", "министрлік", "<n><px3sp>"),
    ("Қазақстан Республикасының Ұлттық банкі", "банк", "<n><px3sp>"),
    ("Ұлттық ғылым академиясы", "академия", "<n><px3sp>"),
    ("Мемлекеттік орталық музей", "музей", "<n>"),
    ("Мәдениет, архивтер және құжаттама басқармасы", "басқарма", "<n><px3sp>"),
    ("Ұлттық кітапхана", "кітапхана", "<n>"),
    ("Ақпарат және қоғамдық даму министрлігі", "министрлік", "<n><px3sp>"),
]
# Forms of common nouns beyond the bare cases: (label, apertium tags before the case).
NOUN_SERIES = (("", ""), ("pl", "<pl>"), ("px3", "<px3sp>"), ("px1pl", "<px1pl>"), ("pl.px3", "<pl><px3sp>"))

# архив is left out of LEMMAS: the generator mixes the two harmonies in its paradigm (архивке
# beside архивтың and архивы), so it is no reference for that word; so is Тимур (Тимурге).


def compile_generator(source: Path, work: Path) -> Path:
    lexc = work / "kaz.RL.lexc"
    lines = (source / "apertium-kaz.kaz.lexc").read_text(encoding="utf-8").splitlines(keepends=True)
    lexc.write_text("".join(l for l in lines if "Dir/LR" not in l and "Err/Orth" not in l), encoding="utf-8")
    run = lambda *args: subprocess.run(args, check=True, capture_output=True)  # noqa: E731
    run("hfst-twolc", str(source / "apertium-kaz.kaz.twol"), "-o", str(work / "twol.hfst"))
    run("hfst-lexc", str(lexc), "-o", str(work / "lexc.hfst"))
    run("hfst-compose-intersect", "-1", str(work / "lexc.hfst"), "-2", str(work / "twol.hfst"), "-o", str(work / "gen.hfst"))
    run("hfst-fst2fst", "-O", "-i", str(work / "gen.hfst"), "-o", str(work / "gen.ol"))
    return work / "gen.ol"


def lookup(generator: Path, queries: list[str]) -> dict[str, str]:
    out = subprocess.run(
        ["hfst-lookup", "-q", str(generator)], input="\n".join(queries) + "\n", capture_output=True, text=True, check=True
    ).stdout
    found: dict[str, str] = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not parts[1].endswith("+?"):
            found.setdefault(parts[0], parts[1])  # the first of several spellings is the generator's preferred one
    return found


def _whole(lemma: str, kind: str, form: str) -> str:
    """An institution's name with its last word in the generated form."""
    return lemma.rpartition(" ")[0] + " " + form if kind == "institution" else form


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apertium-kaz", type=Path, required=True, help="a checkout of apertium-kaz")
    parser.add_argument("--generator", type=Path, help="an already compiled generator (hfst optimized lookup)")
    parser.add_argument("--commit", default="", help="apertium-kaz commit, written into the table's header")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "tests" / "data" / "kk_forms.tsv")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        generator = args.generator or compile_generator(args.apertium_kaz, Path(tmp))
        wanted: list[tuple[str, str, str, str, str]] = []  # lemma, kind, series, case, query
        for lemma, tag, kind in LEMMAS:
            series = NOUN_SERIES if kind == "noun" else (("", ""),)
            for label, extra in series:
                for case in CASES:
                    wanted.append((lemma, kind, label, case, f"{tag}{extra}{TAG[case]}"))
        for name, head, tags in INSTITUTIONS:
            for case in CASES:
                wanted.append((name, "institution", "", case, f"{head}{tags}{TAG[case]}"))
        found = lookup(generator, [w[-1] for w in wanted])
    source = f"apertium-kaz {args.commit}".strip()
    rows = [
        (lemma, kind, label or "-", case, _whole(lemma, kind, found[query]), source)
        for lemma, kind, label, case, query in wanted
        if query in found
    ]
    header = (
        "# Kazakh noun forms checked by tests/test_morph_kk.py; built by bench/build_kk_forms.py.\n"
        "# source: the form as the generator of apertium-kaz (github apertium/apertium-kaz, GPL-3.0) at that\n"
        "# commit writes it, compiled with hfst as its Makefile does. series: - bare, pl plural, px3 3rd-person\n"
        "# possessive, px1pl 1st-plural possessive, pl.px3 both; attr is the attributive -дағы.\n"
        "lemma\tkind\tseries\tcase\tform\tsource\n"
    )
    args.out.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} forms of {len(LEMMAS)} words and {len(INSTITUTIONS)} institution names -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
