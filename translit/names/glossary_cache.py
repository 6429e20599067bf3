"""A compiled glossary in the start-up cache (translit/cache.py): its parsed files and every inflected form.

Compiling the bundled glossaries inflects each Russian name with pymorphy3 and
each Kazakh one through its paradigm (0.3–0.5 s, and pymorphy3's dictionaries
loaded); reading them back is a JSON parse. The entry is keyed by the glossary
files' content, the code that compiles them and the Russian dictionaries, so
an edited glossary or a new pymorphy3 compiles again. Every value read back is
checked for its type; an entry that does not fit counts as missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .. import cache
from .glossary import (
    LANGS,
    STATUSES,
    _TERMINAL,
    Ambiguity,
    Conflict,
    Entity,
    Glossary,
    GlossaryFile,
    Origin,
    Variant,
    _FormInfo,
    parse_file,
)

KIND = "glossary"
DERIVED_BY = ("names/glossary.py", "names/glossary_cache.py", "names/glossary_files.py", "morphology/morph_ru.py",
              "morphology/morph_kk.py")
"""The modules whose code turns glossary files into forms, from the package's folder: a change to them is a new key."""
LIBRARIES = (("pymorphy3", "version.py"), ("pymorphy3_dicts_ru", "data/meta.json"), ("pytrovich", "petrovich-rules/rules.json"))
"""A file of each library that inflects, which changes with its version (found without importing it)."""
_BROKEN = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def load(paths: Sequence[Path]) -> Glossary:
    """The glossary of these files: from the cache when it holds them, else compiled and stored there."""
    if cache.cache_dir() is None:
        return Glossary([parse_file(path) for path in paths])
    key = cache_key(paths)
    with cache.paused_gc():
        state = cache.read_json(KIND, key)
        try:
            if state is not None:
                return restore(state)
        except _BROKEN:
            pass  # not what this version writes: compiled again below, and the entry replaced
    glossary = Glossary([parse_file(path) for path in paths])
    try:
        cache.write_json(KIND, key, state_of(glossary))
    except (TypeError, ValueError):
        pass  # an [[example]] with a TOML date JSON cannot hold: this glossary is compiled on every start
    return glossary


def cache_key(paths: Sequence[Path]) -> str:
    """The key of these glossary files' compiled forms."""
    package = Path(__file__).parent.parent
    libraries = []
    for name, data in LIBRARIES:
        spec = find_spec(name)
        libraries.append(Path(spec.origin).parent / data if spec is not None and spec.origin else Path(name))
    # the paths as well as their content: the entry names the files its findings point into
    return cache.key_of([*(package / name for name in DERIVED_BY), *libraries, *paths, *map(str, paths)])


# --------------------------------------------------------------------------- writing


def state_of(glossary: Glossary) -> dict[str, Any]:
    """Everything :func:`restore` needs, as JSON values; places (file, line) by their index in ``origins``."""
    origins: dict[Origin, int] = {}

    def at(value: Origin | None) -> int:
        return -1 if value is None else origins.setdefault(value, len(origins))

    def variant(v: Variant) -> list[Any]:
        return [v.form, v.lang, v.status, v.reason, v.until, at(v.origin), v.use]

    def entity(e: Entity) -> list[Any]:
        return [e.id, e.type, dict(e.names), [variant(v) for v in e.variants], at(e.origin), e.notes, list(e.sources),
                e.confidence, e.successor, e.until, e.parent, e.gender, list(e.fixed)]

    files = [
        [f.path, f.title, [entity(e) for e in f.entities],
         [[a.lang, list(a.forms), list(a.entities), a.note, at(a.origin)] for a in f.ambiguities], list(f.examples)]
        for f in glossary.files
    ]
    forms: list[list[Any]] = []

    def walk(node: dict[str, Any], key: list[str]) -> None:
        for token, child in node.items():
            if token != _TERMINAL:
                walk(child, [*key, token])
                continue
            forms.extend(
                [key, i.entity, list(i.candidates), i.lang, i.status, i.form, list(i.cases), i.possessive, i.reason,
                 at(i.origin), list(i.words), i.use, i.until]
                for i in child
            )

    walk(glossary._trie, [])
    return {
        "files": files,
        "forms": forms,
        "canonical": [[entity_id, lang, case, poss, surface] for (entity_id, lang), table in glossary._canonical.items()
                      for (case, poss), surface in table.items()],
        "former": [[entity_id, lang, form, [[surface, list(cases), poss] for surface, cases, poss in expanded]]
                   for (entity_id, lang, form), expanded in glossary._former.items()],
        "conflicts": [[c.form, c.lang, c.kept, at(c.kept_origin), c.dropped, at(c.dropped_origin)] for c in glossary.conflicts],
        "origins": [[o.path, o.line] for o in origins],
    }


# --------------------------------------------------------------------------- reading


def _texts(values: Iterable[Any], optional: bool = False) -> None:
    """Raise TypeError unless every value is a string (or None, when ``optional``)."""
    if not {type(value) for value in values} <= ({str, type(None)} if optional else {str}):
        raise TypeError("a glossary cache entry holds a value of the wrong type")


def restore(state: dict[str, Any]) -> Glossary:
    """The glossary a :func:`state_of` describes; raises ValueError, TypeError, KeyError or IndexError
    when the state does not fit."""
    origins = [Origin(path, line) for path, line in state["origins"]]
    _texts(o.path for o in origins)
    if not all(type(o.line) is int for o in origins):
        raise TypeError("a glossary cache entry holds a line that is no number")

    def at(index: int) -> Origin | None:
        return None if index == -1 else origins[index]

    files = [
        GlossaryFile(
            path, title,
            tuple(
                Entity(entity_id, kind, names,
                       tuple(Variant(form, lang, status, reason, until, at(where), use)
                             for form, lang, status, reason, until, where, use in variants),
                       origins[where], notes, tuple(sources), confidence, successor, until, parent, gender, tuple(fixed))
                for entity_id, kind, names, variants, where, notes, sources, confidence, successor, until, parent, gender, fixed
                in entities
            ),
            tuple(Ambiguity(lang, tuple(forms), tuple(ids), note, origins[where]) for lang, forms, ids, note, where in ambiguities),
            tuple(examples),
        )
        for path, title, entities, ambiguities, examples in state["files"]
    ]
    every_entity = [e for f in files for e in f.entities]
    every_variant = [v for e in every_entity for v in e.variants]
    _texts(value for f in files for value in (f.path, f.title))
    _texts(value for e in every_entity for value in (e.id, e.type, e.notes, e.confidence, *e.names, *e.names.values(),
                                                      *e.sources, *e.fixed))
    _texts((value for e in every_entity for value in (e.successor, e.until, e.parent, e.gender)), optional=True)
    _texts(value for v in every_variant for value in (v.form, v.lang, v.status, v.reason))
    _texts((value for v in every_variant for value in (v.until, v.use)), optional=True)
    _texts(value for f in files for a in f.ambiguities for value in (a.lang, a.note, *a.forms, *a.entities))
    if not all(isinstance(example, dict) for f in files for example in f.examples):
        raise TypeError("a glossary example is not a table")

    infos = [
        (key, _FormInfo(entity_id, tuple(candidates), lang, status, form, tuple(cases), poss, reason, at(where),
                        tuple(words), use, until))
        for key, entity_id, candidates, lang, status, form, cases, poss, reason, where, words, use, until in state["forms"]
    ]
    _texts(value for key, i in infos for value in (*key, *i.candidates, i.lang, i.status, i.form, *i.cases, i.reason, *i.words))
    _texts((value for _, i in infos for value in (i.entity, i.possessive, i.use, i.until)), optional=True)
    if not all(key and i.lang in LANGS and i.status in STATUSES for key, i in infos):
        raise ValueError("a glossary cache entry holds a form of no language or status")

    glossary = Glossary(files, compiled=True)
    for key, info in infos:
        node = glossary._trie
        for token in key:
            node = node.setdefault(token, {})
        node.setdefault(_TERMINAL, []).append(info)
    canonical = state["canonical"]
    _texts(value for entity_id, lang, case, _, surface in canonical for value in (entity_id, lang, case, surface))
    _texts((poss for *_, poss, _ in canonical), optional=True)
    for entity_id, lang, case, poss, surface in canonical:
        glossary._canonical.setdefault((entity_id, lang), {})[(case, poss)] = surface
    for entity_id, lang, form, expanded in state["former"]:
        surfaces = [(surface, tuple(cases), poss) for surface, cases, poss in expanded]
        _texts((entity_id, lang, form, *(value for surface, cases, _ in surfaces for value in (surface, *cases))))
        _texts((poss for _, _, poss in surfaces), optional=True)
        glossary._former[(entity_id, lang, form)] = surfaces
    glossary.conflicts = [
        Conflict(form, lang, kept, origins[kept_at], dropped, origins[dropped_at])
        for form, lang, kept, kept_at, dropped, dropped_at in state["conflicts"]
    ]
    _texts(value for c in glossary.conflicts for value in (c.form, c.lang, c.kept, c.dropped))
    return glossary
