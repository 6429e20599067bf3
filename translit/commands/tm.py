"""``translit tm``: the translation memory — import published versions and TMX, search, export, remove, stats."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

_MEMORY_HELP = "The memory's SQLite file (default: [tm] in translit.toml, else the user data folder)."


def _open(memory: Optional[Path], start: Optional[Path], *, create: bool = True) -> Any:
    from ..config import load_config
    from ..tm import open_memory

    config = load_config(start)
    return open_memory(config, path=memory, create=create), config


def _emit(payload: Any, as_json: bool, text: str) -> None:
    sys.stdout.write((json.dumps(payload, ensure_ascii=False, indent=2) if as_json else text) + "\n")


def origin_for(path: Path) -> str:
    """The origin ``tm remove --source PATH`` means: a post file's NAME in its folder, a folder, a TMX file."""
    from ..checks.check import language_from_name
    from ..checks.memory_import import origin_of

    if path.suffix.lower() != ".tmx" and not path.is_dir():
        stem, lang = language_from_name(path)
        if lang is not None:
            return origin_of(path, stem)
    return origin_of(path)


def register(app: typer.Typer) -> None:
    """Add ``translit tm import|stats|search|export|remove``."""
    tm_app = typer.Typer(help="Translation memory: reuse the newsroom's own published translations.", no_args_is_help=True)
    app.add_typer(tm_app, name="tm")

    @tm_app.command("import")
    def tm_import(
        paths: list[Path] = typer.Argument(..., help="Folders or files of published posts (NAME.en.md NAME.kk.md NAME.ru.md) and .tmx files."),
        memory: Optional[Path] = typer.Option(None, "--memory", help=_MEMORY_HELP),
        encoding: str = typer.Option("utf-8", "--encoding", help="Encoding of the posts."),
        as_json: bool = typer.Option(False, "--json", help="Print the import report as JSON."),
    ) -> None:
        """Align published versions sentence by sentence and store the pairs; importing a post again replaces it."""
        from ..errors import InputError
        from ..checks.memory_import import import_paths

        for path in paths:
            if not path.exists():
                raise InputError("no such file or folder", path=path)
        store_memory, config = _open(memory, paths[0])
        store = store_memory.store
        try:
            with store_memory:
                report = import_paths(store, paths, config, encoding=encoding)
                location = store.location
        except BaseException:
            if getattr(store, "new", False):  # a failed first import leaves no empty memory behind
                store.discard()
            raise
        payload = {"memory": location, **report.as_dict()}
        lines = [
            f"{location}: {report.segments} segments from {report.posts} posts and {report.tmx_files} TMX files",
            f"  {report.rows} sentences aligned; {report.unsure} kept out (alignment unsure)",
            *(f"  skipped {item}" for item in report.skipped),
        ]
        _emit(payload, as_json, "\n".join(lines))

    @tm_app.command("stats")
    def tm_stats(
        memory: Optional[Path] = typer.Option(None, "--memory", help=_MEMORY_HELP),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Segments per language pair, sources, first and last import."""
        store_memory, _ = _open(memory, None, create=False)
        with store_memory:
            stats = store_memory.store.stats()
        lines = [f"{stats.location}: {stats.segments} segments from {stats.origins} sources"]
        lines += [f"  {pair}: {count}" for pair, count in stats.pairs.items()]
        if stats.first:
            lines.append(f"  imported {stats.first} … {stats.last}")
        _emit(stats.as_dict(), as_json, "\n".join(lines))

    @tm_app.command("search")
    def tm_search(
        text: str = typer.Argument(..., help="A sentence to look up."),
        source: Optional[str] = typer.Option(None, "--from", help="Its language: en, kk or ru (default: detected)."),
        to: Optional[str] = typer.Option(None, "--to", help="Only matches into this language."),
        min_score: float = typer.Option(50.0, "--min-score", help="Least fuzzy score shown (0–100)."),
        limit: int = typer.Option(10, "--limit", min=1, help="At most this many matches."),
        memory: Optional[Path] = typer.Option(None, "--memory", help=_MEMORY_HELP),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Matches for TEXT with their score and origin: exact (after names, dates and numbers are abstracted), then fuzzy."""
        from ..errors import TranslitError
        from ..tm import make_protector
        from ..tm.slots import abstract

        langs = ("en", "kk", "ru")
        if source is not None and source not in langs or to is not None and to not in langs:
            raise TranslitError("--from/--to: expected en, kk or ru")
        store_memory, config = _open(memory, None, create=False)
        if source is None:
            from ..language.detection import detect

            found = detect(text, langs).lang
            source = found if found in langs else "en"
        shielded = make_protector(config).shield([text], source)
        sentence = abstract(shielded.text, shielded.parts)
        matches = []
        with store_memory:
            for tgt in [to] if to else [lang for lang in langs if lang != source]:
                exact = store_memory.exact(sentence, source, tgt)
                if exact is not None:
                    matches.append((tgt, exact))
            matches += [(m.segment.tgt, m) for m in store_memory.fuzzy(sentence, source, to, min_score=min_score, limit=limit)]
        matches.sort(key=lambda item: (-item[1].score, item[0]))
        matches = matches[:limit]
        payload = {"query": text, "from": source, "key": sentence.key,
                   "matches": [{"to": tgt, **match.as_dict()} for tgt, match in matches]}
        lines = [f"{source}: {sentence.key}"] + [
            f"  {match.score:5.1f} {'exact' if match.exact else 'fuzzy'} {source}→{tgt}  {match.segment.source}\n"
            f"        → {match.segment.target}\n        ({match.segment.origin}, {match.segment.created})"
            for tgt, match in matches
        ]
        if not matches:
            lines.append("  no match")
        _emit(payload, as_json, "\n".join(lines))

    @tm_app.command("export")
    def tm_export(
        target: Path = typer.Argument(..., help="The TMX file to write."),
        memory: Optional[Path] = typer.Option(None, "--memory", help=_MEMORY_HELP),
        force: bool = typer.Option(False, "--force", help="Replace an existing file."),
    ) -> None:
        """Write the whole memory as TMX 1.4 (one translation unit per aligned sentence, every language)."""
        from ..textio import write_text
        from ..tm import tmx_text

        store_memory, _ = _open(memory, None, create=False)
        with store_memory:
            document = tmx_text(store_memory.store.segments())
        write_text(target, document, force=force)
        sys.stdout.write(f"{target}: {document.count('<tu ')} translation units\n")

    @tm_app.command("remove")
    def tm_remove(
        source: Path = typer.Option(..., "--source", help="A post (any of its version files), a folder of posts, or a TMX file imported before."),
        memory: Optional[Path] = typer.Option(None, "--memory", help=_MEMORY_HELP),
    ) -> None:
        """Drop the segments imported from a post, a folder or a TMX file."""
        store_memory, _ = _open(memory, None, create=False)
        origin = origin_for(source)
        with store_memory:
            count = store_memory.store.remove(origin)
        sys.stdout.write(f"{origin}: {count} segments removed\n")
