"""Turn the institutions reference table into translit's glossary files.

    python tools/convert_institutions.py ../shared/data/institutions.tsv glossaries/

Reads ``institutions.tsv`` (format: ../shared/reference/news-conventions.md §2)
and writes libraries.toml, government.toml, universities.toml and
places-kz.toml. What the conversion decides, so that a re-run gives the same
files:

* Only base forms are kept. A variant that the glossary's own inflection
  (pymorphy3 for Russian, morph_kk for Kazakh) generates from a form kept
  earlier is dropped, because the loader regenerates it.
* ``!`` variants become ``outdated`` when they are former names (the table
  below gives the year of the change) and ``discouraged`` otherwise, with
  the reason taken from the row's "variant notes".
* A ``!`` variant that is really another entity's name (``!National Academic
  Library`` under the NLRK) is dropped: the matcher cannot know which
  institution the writer meant, so the bare short forms of the two national
  libraries become one ``[[ambiguous]]`` group instead.
* The ``low`` confidence rows were checked against the pages corpus on
  2026-11-30; CORRECTIONS records what changed and why.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translit.names.glossary import Entity, Origin, Variant, _expand, fold  # noqa: E402

TYPE_BY_PREFIX = {"lib": "library", "org": "organisation", "univ": "university", "region": "region", "city": "city"}
STATE_BODIES = {"gov.ap", "gov.government", "gov.mazhilis", "gov.senate"}

# (id, form) -> (until, reason) for former names among the "!" variants.
OUTDATED: dict[tuple[str, str], tuple[str, str]] = {
    ("city.astana", "Нур-Султан"): ("2022-09-17", "name in 2019–2022"),
    ("city.astana", "Nur-Sultan"): ("2022-09-17", "name in 2019–2022"),
    ("city.astana", "Акмола"): ("1998-05-06", "name in 1992–1998"),
    ("city.astana", "Akmola"): ("1998-05-06", "name in 1992–1998"),
    ("city.astana", "Целиноград"): ("1992", "Soviet name"),
    ("city.almaty", "Alma-Ata"): ("1993", "Soviet name, still used in Russia"),
    ("city.almaty", "Алма-Ата"): ("1993", "Soviet name, still used in Russia"),
    ("city.shymkent", "Чимкент"): ("1993", "Soviet name"),
    ("city.shymkent", "Chimkent"): ("1993", "Soviet name"),
    ("city.semey", "Семипалатинск"): ("2007", "name until 2007"),
    ("city.semey", "Semipalatinsk"): ("2007", "name until 2007"),
    ("city.aktobe_city", "Актюбинск"): ("1999", "name until 1999"),
    ("city.aktobe_city", "Aktyubinsk"): ("1999", "name until 1999"),
    ("city.kokshetau", "Кокчетав"): ("1993", "Soviet name"),
    ("city.taraz", "Джамбул"): ("1997", "name until 1997"),
    ("city.taraz", "Dzhambul"): ("1997", "name until 1997"),
    ("city.konaev", "Капшагай"): ("2022", "name until 2022"),
    ("city.konaev", "Kapshagay"): ("2022", "name until 2022"),
    ("city.aktau", "Шевченко"): ("1991", "Soviet name"),
    ("city.kostanay_city", "Кустанай"): ("1997", "name until 1997"),
    ("city.zhezkazgan", "Джезказган"): ("1993", "Soviet spelling"),
    ("city.zhezkazgan", "Dzhezkazgan"): ("1993", "Soviet spelling"),
    ("lib.ua_children", "State Library of Ukraine for Children"): ("2003", "name before 2003"),
    ("lib.ru_rsl", "Lenin Library"): ("1992", "informal Soviet-era name"),
    ("univ.buketov", "КарГУ им. Е. А. Букетова"): ("2021", "old name"),
    ("univ.buketov", "Karaganda State University named after E.A. Buketov"): ("2021", "old name"),
    ("univ.kazwomen", "Kazakh State Women's Pedagogical University"): ("2018", "old name"),
    ("region.aktobe", "Aktyubinsk region"): ("1999", "Soviet-era name"),
    ("region.zhambyl", "Dzhambul region"): ("1997", "Soviet-era name"),
    ("region.kostanay", "Kustanai region"): ("1997", "Soviet-era name"),
    ("region.mangystau", "Mangyshlak region"): ("1991", "Soviet-era name"),
    ("region.almaty_reg", "Alma-Ata region"): ("1993", "Soviet-era name"),
}
# Kazakh former names (the table has them in ru/en only). Left out: names that are also another
# thing's name in Kazakh text (Ақмола, the region; Жамбыл, the poet; Шевченко, the poet).
KAZAKH_FORMER: dict[str, list[tuple[str, str, str]]] = {
    "city.astana": [("Нұр-Сұлтан", "2022-09-17", "name in 2019–2022"), ("Целиноград", "1992", "Soviet name")],
    "city.almaty": [("Алма-Ата", "1993", "Soviet name")],
    "city.shymkent": [("Чимкент", "1993", "Soviet name")],
    "city.semey": [("Семипалатинск", "2007", "name until 2007")],
    "city.aktobe_city": [("Актюбинск", "1999", "name until 1999")],
    "city.kokshetau": [("Кокчетав", "1993", "Soviet name")],
    "city.taraz": [("Джамбул", "1997", "name until 1997")],
    "city.konaev": [("Қапшағай", "2022", "name until 2022")],
    "city.kostanay_city": [("Кустанай", "1997", "name until 1997")],
    "city.zhezkazgan": [("Джезказган", "1993", "Soviet spelling")],
    "region.aktobe": [("Актюбинск облысы", "1999", "Soviet-era name")],
    "region.almaty_reg": [("Алма-Ата облысы", "1993", "Soviet-era name")],
    "region.zhambyl": [("Джамбул облысы", "1997", "Soviet-era name")],
    "region.kostanay": [("Кустанай облысы", "1997", "Soviet-era name")],
    "region.mangystau": [("Маңғышлақ облысы", "1991", "Soviet-era name")],
}
# Accepted variants in the table that are former names.
ACCEPTED_BUT_OUTDATED: dict[tuple[str, str], tuple[str, str]] = {
    ("gov.ap", "Presidential Executive Office"): ("", "older English name"),
    ("city.almaty", "Алма-Ата"): ("1993", "Soviet name, still used in Russia"),
}
# "!" variants that are another entity's name: dropped (see the module docstring).
DROP: set[tuple[str, str]] = {
    ("city.astana", "Akmola"),
    ("city.astana", "Акмола"),
    ("lib.nlrk", "National Academic Library"),
    ("lib.nabrk", "National Library"),
    ("gov.mci", "Ministry of Culture and Sports"),
    # ambiguous, listed in the [[ambiguous]] group instead
    ("lib.nlrk", "Ұлттық кітапхана"),
    ("lib.nlrk", "Нацбиблиотека"),
    ("reg.krg_culture_dept", "областное управление культуры, архивов и документации"),
    ("reg.akt_culture_dept", "областное управление культуры, архивов и документации"),
    ("reg.akm_culture_dept", "областное управление культуры, архивов и документации"),
}
# Accepted variants that contradict a "!" variant of the same row: the "!" wins.
CONTRADICTED = {("region.karaganda", "Karaganda oblast")}

# Whole entities that are former institutions: successor and the date of the change.
SUCCESSORS: dict[str, tuple[str, str]] = {
    "gov.mcs_2014_2023": ("gov.mci", "2023"),
    "gov.mior_2019_2023": ("gov.mci", "2023"),
    "gov.mes_to_2022": ("gov.edu", "2022"),
    "region.yuko_hist": ("region.turkistan", "2018-06-19"),
}

# Checks of the `low` rows against the pages corpus (2026-11-30). Keys replace row fields;
# "add" appends variants; "confidence" is rewritten with what was verified.
CORRECTIONS: dict[str, dict[str, Any]] = {
    "lib.begalin": {
        "add": {"ru": ["Государственная детская библиотека имени С. Бегалина", "детская библиотека имени С. Бегалина"]},
        "confidence": "low: 2012 press has 'Государственная детская библиотека им. С. Бегалина'; a 2025 report names a "
        "'Центральная городская детская библиотека имени С. Бегалина' — check which is current",
    },
    "lib.zhambyl_youth": {
        "kk": "Жамбыл атындағы қалалық жасөспірімдер кітапханасы",
        "ru": "Городская юношеская библиотека имени Жамбыла",
        "en": "Zhambyl City Youth Library",
        "discouraged": {
            "kk": [{"form": "Жамбыл атындағы Республикалық жасөспірімдер кітапханасы", "reason": "it is a city library (Almaty)"}],
            "ru": [{"form": "Республиканская юношеская библиотека имени Жамбыла", "reason": "it is a city library (Almaty)"}],
            "en": [{"form": "Zhambyl Republican Youth Library", "reason": "it is a city library (Almaty)"}],
        },
        "confidence": "medium (kk: almaty.tv and caravan-info.pro 2026 say 'Жамбыл атындағы қалалық жасөспірімдер "
        "кітапханасы', a city library; ru/en derived) — was low 'Republican'",
    },
    "lib.vko_pushkin": {
        "add": {
            "ru": ["ВК областная библиотека имени А. С. Пушкина", "областная библиотека имени А. С. Пушкина"],
            "kk": ["А. Пушкин атындағы облыстық кітапхана"],
            "en": ["East-Kazakhstan Oblast Pushkin Library", "East Kazakhstan Regional Library named after A.S. Pushkin"],
        },
        "confidence": "medium (kk/ru: pushkinlibrary.kz; en: the library's old English page)",
    },
    "lib.pvl_toraigyrov": {
        "add": {
            "en": [
                "Pavlodar Regional Universal Scientific Library named after S. Toraigyrov",
                "S. Toraigyrov Pavlodar Regional Universal Scientific Library",
            ]
        },
        "confidence": "medium (ru: wiki mirrors; en: wiki 'S. Toraighyrov Pavlodar Regional Universal Scientific Library')",
    },
    "lib.president": {
        "add": {
            "en": [
                "Library of the First President of the Republic of Kazakhstan – Elbassy",
                "Library of the First President of Kazakhstan",
                "Elbasy Library",
            ],
            "kk": ["Елбасы кітапханасы"],
        },
        "confidence": "medium (en: presidentlibrary.kz, en.inform.kz 2015; a post-2022 renaming is not verified)",
    },
    "reg.ala_culture": {
        "kk": "Алматы қаласы Мәдениет басқармасы",
        "add": {"kk": ["Алматы қаласының Мәдениет басқармасы"], "en": ["Almaty Department of Culture"]},
        "confidence": "medium (kk: almaty.tv 'Алматы қаласы Мәдениет басқармасы'; en: almatylibrary.kz "
        "'Almaty Department of Culture'; ru: almaty.tv)",
    },
    "lib.wko_yesenzhanov": {
        "add": {
            "en": [
                "West Kazakhstan Regional Children's and Youth Library named after Kh. Yesenzhanov",
                "regional library for children and youth named after Khamza Yesenzhanov",
            ]
        },
        "discouraged": {
            "en": [
                {
                    "form": "West Kazakhstan regional children's and youth's library named after H. Esenzhanov",
                    "reason": "lower-case name, 'youth's', and H. Esenzhanov for Kh. (Khamza) Yesenzhanov",
                }
            ]
        },
    },
    "lib.krg_children_abai": {
        "add": {"en": ["Karaganda Regional Children's Library named after Abay"]},
        "discouraged": {
            "en": [
                {
                    "form": "Karaganda regional children's library named after Abay",
                    "reason": "lower-case 'regional children's library' in a name",
                }
            ]
        },
    },
    "reg.krg_culture_dept": {"add": {"en": ["Department of Culture, Archives and Documentation of Karaganda region"]}},
    "lib.nabrk": {"add": {"kk": ["ҰАК"]}},
    # Regional abbreviations are in the rows' notes but not in their variant lists.
    "region.wko": {"add": {"kk": ["БҚО"], "ru": ["ЗКО"]}},
    "region.vko": {"add": {"kk": ["ШҚО"], "ru": ["ВКО"]}},
    "region.sko": {"add": {"kk": ["СҚО"], "ru": ["СКО"]}},
    "region.yuko_hist": {"add": {"kk": ["ОҚО"], "ru": ["ЮКО"]}},
    "lib.kg_bayalinov": {"add": {"kk": ["Қ. Баялинов атындағы Республикалық балалар-жасөспірімдер кітапханасы"]}},
    "org.kaz_library_union": {"confidence": "medium (en); low (ru/kk forms) — not found in the pages corpus"},
}

EXTRA_ROWS: list[dict[str, Any]] = [
    {
        "id": "lib.nlrk_kazakhstan_kitaptary",
        "file": "libraries",
        "type": "department",
        "parent": "lib.nlrk",
        "kk": "«Қазақстан кітаптары» қызметі",
        "ru": "служба «Қазақстан кітаптары»",
        "en": "Kazakhstan Kitaptary Service",
        "add": {
            "kk": ["«Қазақстан кітаптары»"],
            "ru": ["служба «Казахстан китаптары»"],
            "en": ["Service Kazakhstan Kitaptary", "Kazakhstan Kitaptary"],
        },
        "notes": "A service (department) of the National Library of the RK that keeps the national bibliography of "
        "Kazakhstan's books. Its name is a Kazakh title and is not translated; English keeps it transliterated "
        "in Title Case.",
        "sources": ["seed post nlrk.kz 2023-02-28 (en): 'the Service \"Kazakhstan kitaptary\"'"],
        "confidence": "low (one source; kk/ru forms follow NLRK naming, check the library's structure page)",
    }
]

FILES = {
    "libraries": ("Libraries, library services and library associations", ("lib.", "org.kaz_library_union", "org.ifla", "org.bae")),
    "government": ("Ministries, state bodies, akimats, regional departments, national organisations", ("gov.", "reg.", "org.")),
    "universities": ("Universities", ("univ.",)),
    "places-kz": ("Regions and cities of Kazakhstan", ("region.", "city.")),
}

AMBIGUOUS = [
    {
        "lang": "en",
        "forms": ["National Library"],
        "entities": ["lib.nlrk", "lib.nabrk"],
        "note": "two national libraries: NLRK in Almaty and the National Academic Library in Astana",
    },
    {
        "lang": "ru",
        "forms": ["Национальная библиотека", "Нацбиблиотека"],
        "entities": ["lib.nlrk", "lib.nabrk"],
        "note": "two national libraries: НБ РК in Almaty and НАБ РК in Astana",
    },
    {
        "lang": "kk",
        "forms": ["Ұлттық кітапхана"],
        "entities": ["lib.nlrk", "lib.nabrk"],
        "note": "two national libraries: ҚР ҰК in Almaty and ҚР ҰАК in Astana",
    },
]
AMBIGUOUS_PLACES = [
    {"lang": "en", "forms": ["Akmola"], "entities": ["region.akmola", "city.astana"],
     "note": "Akmola region, or Astana's name in 1992–1998"},
    {"lang": "ru", "forms": ["Акмола"], "entities": ["region.akmola", "city.astana"],
     "note": "Акмолинская область, or Astana's name in 1992–1998"},
]
AMBIGUOUS_GOVERNMENT = [
    {
        "lang": "ru",
        "forms": ["областное управление культуры, архивов и документации"],
        "entities": ["reg.krg_culture_dept", "reg.akm_culture_dept", "reg.akt_culture_dept"],
        "note": "every region has one; name the region",
    },
]


# Each generated file carries its own examples (checked by tests/test_glossary.py).
EXAMPLES: dict[str, list[dict[str, Any]]] = {
    "libraries": [
        {"lang": "ru", "text": "Сотрудники Национальной библиотеки РК посетили Национальную академическую библиотеку РК.",
         "expect": [{"entity": "lib.nlrk", "text": "Национальной библиотеки РК", "status": "accepted", "case": "gen"},
                    {"entity": "lib.nabrk", "text": "Национальную академическую библиотеку РК", "status": "accepted", "case": "acc"}]},
        {"lang": "kk", "text": "Кітап көрмесі Қазақстан Республикасының Ұлттық кітапханасында ашылды, ал Ұлттық кітапхананың қоры толықты.",
         "expect": [{"entity": "lib.nlrk", "text": "Қазақстан Республикасының Ұлттық кітапханасында", "status": "official", "case": "loc"},
                    {"entity": "lib.nlrk", "text": "Ұлттық кітапхананың", "status": "accepted", "case": "gen"}]},
        {"lang": "kk", "text": "Ұлттық кітапхананың қоры толықты.",
         "expect": [{"entity": None, "text": "Ұлттық кітапхананың", "status": "ambiguous", "case": "gen"}]},
        {"lang": "kk", "text": "Қазақстан Республикасы Ұлттық кітапханасының қорына кітаптар түсті.",
         "expect": [{"entity": "lib.nlrk", "text": "Қазақстан Республикасы Ұлттық кітапханасының", "status": "accepted", "case": "gen"}]},
        {"lang": "en", "text": "The National Library hosted readers of the National library of the Republic of Kazakhstan.",
         "expect": [{"entity": "lib.nlrk", "text": "National Library", "status": "accepted"},
                    {"entity": "lib.nlrk", "text": "National library of the Republic of Kazakhstan", "status": "discouraged"}]},
        {"lang": "en", "text": "The National Library hosted readers.",
         "expect": [{"entity": None, "text": "National Library", "status": "ambiguous"}]},
    ],
    "government": [
        {"lang": "ru", "text": "Проект поддержан Министерством культуры и информации РК и управлением культуры Карагандинской области.",
         "expect": [{"entity": "gov.mci", "text": "Министерством культуры и информации РК", "status": "accepted", "case": "ins"},
                    {"entity": "reg.krg_culture_dept", "text": "управлением культуры Карагандинской области", "status": "accepted", "case": "ins"}]},
        {"lang": "kk", "text": "Жоба ҚР Мәдениет және ақпарат министрлігінің қолдауымен жүзеге асты.",
         "expect": [{"entity": "gov.mci", "text": "ҚР Мәдениет және ақпарат министрлігінің", "status": "accepted", "case": "gen"}]},
        {"lang": "kk", "text": "Қазақстан Республикасының Мәдениет және ақпарат министрлігі хабарлады.",
         "expect": [{"entity": "gov.mci", "text": "Қазақстан Республикасының Мәдениет және ақпарат министрлігі", "status": "accepted", "case": "nom"}]},
        {"lang": "en", "text": "In 2019 the Ministry of Culture and Sports of the Republic of Kazakhstan approved the rules.",
         "expect": [{"entity": "gov.mcs_2014_2023", "text": "Ministry of Culture and Sports of the Republic of Kazakhstan", "status": "outdated"}]},
    ],
    "universities": [
        {"lang": "ru", "text": "Студенты Казахского национального университета имени аль-Фараби и Назарбаев Университета.",
         "expect": [{"entity": "univ.kaznu", "text": "Казахского национального университета имени аль-Фараби", "status": "official", "case": "gen"},
                    {"entity": "univ.nu", "text": "Назарбаев Университета", "status": "official", "case": "gen"}]},
        {"lang": "kk", "text": "Назарбаев Университетінде семинар өтті.",
         "expect": [{"entity": "univ.nu", "text": "Назарбаев Университетінде", "status": "official", "case": "loc"}]},
    ],
    "places-kz": [
        {"lang": "ru", "text": "Делегация из Караганды побывала в Карагандинской области и в Нур-Султане.",
         "expect": [{"entity": "city.karaganda", "text": "Караганды", "status": "official", "case": "gen"},
                    {"entity": "region.karaganda", "text": "Карагандинской области", "status": "official", "case": "prep"},
                    {"entity": "city.astana", "text": "Нур-Султане", "status": "outdated", "case": "prep"}]},
        {"lang": "kk", "text": "Делегация 2021 жылы Нұр-Сұлтанға, кейін Қапшағайдағы кітапханаға барды.",
         "expect": [{"entity": "city.astana", "text": "Нұр-Сұлтанға", "status": "outdated", "case": "dat"},
                    {"entity": "city.konaev", "text": "Қапшағайдағы", "status": "outdated", "case": "attr"}]},
        {"lang": "kk", "text": "Шымкентте және БҚО-да акция өтті.",
         "expect": [{"entity": "city.shymkent", "text": "Шымкентте", "status": "official", "case": "loc"},
                    {"entity": "region.wko", "text": "БҚО-да", "status": "accepted", "case": "loc"}]},
        {"lang": "en", "text": "Readers from Kostanay rgn and Karaganda region took part.",
         "expect": [{"entity": "region.kostanay", "text": "Kostanay rgn", "status": "discouraged"},
                    {"entity": "region.karaganda", "text": "Karaganda region", "status": "official"}]},
    ],
}


def render_example(example: dict[str, Any]) -> str:
    lines = ["[[example]]", f"lang = {toml_value(example['lang'])}", f"text = {toml_value(example['text'])}", "expect = ["]
    for item in example["expect"]:
        fields = ", ".join(f"{k} = {toml_value(v)}" for k, v in item.items() if v is not None)
        lines.append(f"    {{ {fields} }},")
    lines.append("]")
    return "\n".join(lines) + "\n"


def entity_type(row_id: str) -> str:
    prefix = row_id.split(".", 1)[0]
    if prefix == "gov":
        return "state_body" if row_id in STATE_BODIES else "ministry"
    if prefix == "reg":
        return "akimat" if row_id.endswith("_akimat") else "department"
    if row_id == "org.kazinform":
        return "media"
    return TYPE_BY_PREFIX[prefix]


def split_source(source: str) -> tuple[list[str], dict[str, str], str]:
    """Sources, per-variant notes ("!X = why") and the free note of a row."""
    variant_notes: dict[str, str] = {}
    note = ""
    sources = source
    if "note:" in source:
        sources, _, note = source.partition("note:")
        note = note.strip().rstrip(";")
    if "variant notes:" in sources:
        sources, _, vn = sources.partition("variant notes:")
        for part in vn.split(";"):
            form, eq, why = part.partition(" = ")
            if eq:
                variant_notes[form.strip().lstrip("!")] = why.strip()
            elif part.strip():
                note = (note + "; " if note else "") + part.strip()
    items = [s.strip() for s in sources.replace("pages corpus:", "").split(";") if s.strip()]
    return items, variant_notes, note


def auto_variants(lang: str, form: str) -> list[tuple[str, str]]:
    """RK abbreviations the table says are added automatically: (form, status)."""
    out = []
    if lang == "ru" and "Республики Казахстан" in form:
        out.append((form.replace("Республики Казахстан", "РК"), "accepted"))
    if lang == "kk":
        for long in ("Қазақстан Республикасының ", "Қазақстан Республикасы "):
            if form.startswith(long):
                out.append(("ҚР " + form[len(long):], "accepted"))
    if lang == "en" and "of the Republic of Kazakhstan" in form:
        out.append((form.replace("of the Republic of Kazakhstan", "of the RK"), "discouraged"))
    return out


def build_entity(row: dict[str, Any]) -> dict[str, Any]:
    row_id = row["id"]
    fix = CORRECTIONS.get(row_id) or row  # an extra row carries its own "add" and "notes"
    names = {lang: fix.get(lang, row.get(lang, "")) for lang in ("kk", "ru", "en")}
    sources, variant_notes, note = split_source(row.get("source", ""))
    successor = SUCCESSORS.get(row_id)
    entity: dict[str, Any] = {"id": row_id, "type": row.get("type") or entity_type(row_id)}
    if row.get("parent"):
        entity["parent"] = row["parent"]
    entity.update({lang: form for lang, form in names.items() if form})
    if successor:
        entity["successor"], entity["until"] = successor
    groups: dict[str, dict[str, list[Any]]] = {"accepted": {}, "discouraged": {}, "outdated": {}}
    stub = Entity(row_id, entity["type"], names, (), Origin("?", 0), fixed=())
    for lang in ("kk", "ru", "en"):
        covered: set[tuple[str, ...]] = set()
        seen_forms: set[tuple[str, ...]] = set()

        def cover(form: str, lang: str = lang, covered: set[tuple[str, ...]] = covered) -> None:
            for surface, _, _ in _expand(Variant(form, lang, "accepted"), stub):
                covered.add(fold(surface))

        if names[lang]:
            cover(names[lang])
        raw = [v.strip() for v in row.get(f"{lang}_variants", "").split(" | ") if v.strip()]
        added = list(fix.get("add", {}).get(lang, []))
        raw += added
        raw += [v for v, status in auto_variants(lang, names[lang]) if status == "accepted"]
        bang = {v[1:] for v in raw if v.startswith("!")}
        bang |= {v for v, status in auto_variants(lang, names[lang]) if status == "discouraged"}
        for value in raw:
            form = value.lstrip("!")
            if (row_id, form) in DROP:
                cover(form)  # its inflections go too
                continue
            if (row_id, form) in CONTRADICTED or value.startswith("!"):
                continue
            if form not in added and (fold(form) in covered or fold(form) in seen_forms):
                continue  # a case-only spelling from the table is kept only when a correction adds it
            seen_forms.add(fold(form))
            cover(form)
            if (row_id, form) in ACCEPTED_BUT_OUTDATED:
                until, why = ACCEPTED_BUT_OUTDATED[(row_id, form)]
                item: dict[str, Any] = {"form": form, "reason": why}
                if until:
                    item["until"] = until
                groups["outdated"].setdefault(lang, []).append(item)
            else:
                groups["accepted"].setdefault(lang, []).append(form)
        for form in sorted(bang, key=lambda f: raw.index("!" + f) if "!" + f in raw else 999):
            if (row_id, form) in DROP or fold(form) in seen_forms or fold(form) in covered:
                continue
            seen_forms.add(fold(form))
            official_like = {fold(names[lang])} if names[lang] else set()
            if (row_id, form) in OUTDATED:
                until, why = OUTDATED[(row_id, form)]
                groups["outdated"].setdefault(lang, []).append({"form": form, "reason": why, "until": until})
                continue
            why = variant_notes.get(form, "")
            if not why and fold(form) in official_like:
                why = "capitalisation"
            if not why and form.endswith((" rgn", " obl.")):
                why = "agency abbreviation of 'region'"
            if not why and "of the RK" in form:
                why = "'RK' is not used in English; write 'the Republic of Kazakhstan' or 'Kazakhstan'"
            groups["discouraged"].setdefault(lang, []).append({"form": form, "reason": why} if why else form)
        for item in fix.get("discouraged", {}).get(lang, []):
            groups["discouraged"].setdefault(lang, []).append(item)
        if lang == "kk":
            for form, until, why in KAZAKH_FORMER.get(row_id, ()):
                groups["outdated"].setdefault(lang, []).append({"form": form, "reason": why, "until": until})
    for status, table in groups.items():
        if table:
            entity[status] = table
    notes = "; ".join(n for n in (note, row.get("notes", "")) if n)
    if notes:
        entity["notes"] = notes
    entity["sources"] = sources + list(row.get("sources", []))
    entity["confidence"] = fix.get("confidence", row.get("confidence", ""))
    return entity


def toml_value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value) and sum(len(v) for v in value) < 80:
            return "[" + ", ".join(toml_value(v) for v in value) + "]"
        return "[\n" + "".join(f"    {toml_value(v)},\n" for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def render_entity(entity: dict[str, Any]) -> str:
    lines = ["[[entity]]"]
    for key in ("id", "type", "parent", "successor", "until", "kk", "ru", "en", "confidence", "notes"):
        if key in entity:
            lines.append(f"{key} = {toml_value(entity[key])}")
    lines.append(f"sources = {toml_value(entity['sources'])}")
    for status in ("accepted", "discouraged", "outdated"):
        if status in entity:
            lines.append(f"[entity.{status}]")
            for lang, items in entity[status].items():
                lines.append(f"{lang} = {toml_value(items)}")
    return "\n".join(lines) + "\n"


def render_file(title: str, entities: list[dict[str, Any]], ambiguous: list[dict[str, Any]], examples: list[dict[str, Any]]) -> str:
    head = [
        f"title = {toml_value(title)}",
        "# Generated by tools/convert_institutions.py from ../shared/data/institutions.tsv (reference data",
        "# compiled for translit; sources per entry). Only base forms are listed: the loader declines them.",
        "# The [[example]] sentences at the end are checked by tests/test_glossary.py.",
        "",
    ]
    body = [render_entity(e) for e in entities]
    for group in ambiguous:
        body.append(
            "[[ambiguous]]\n"
            + "".join(f"{k} = {toml_value(group[k])}\n" for k in ("lang", "forms", "entities", "note"))
        )
    body.extend(render_example(e) for e in examples)
    return "\n".join(head) + "\n".join(body)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.stderr.write(__doc__ or "")
        return 2
    tsv, out_dir = Path(argv[1]), Path(argv[2])
    with tsv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    rows = rows + EXTRA_ROWS
    assigned: dict[str, list[dict[str, Any]]] = {name: [] for name in FILES}
    for row in rows:
        target = row.get("file")
        if target is None:
            target = next(name for name, (_, prefixes) in FILES.items() if row["id"].startswith(prefixes))
        assigned[target].append(build_entity(row))
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (title, _) in FILES.items():
        ambiguous = {"libraries": AMBIGUOUS, "government": AMBIGUOUS_GOVERNMENT, "places-kz": AMBIGUOUS_PLACES}.get(name, [])
        (out_dir / f"{name}.toml").write_text(render_file(title, assigned[name], ambiguous, EXAMPLES[name]), encoding="utf-8")
        print(f"{out_dir / (name + '.toml')}: {len(assigned[name])} entities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
