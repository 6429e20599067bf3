"""Offline machine translation: argostranslate packages and CTranslate2 NLLB-200 models.

The pipeline hands this module sentences it has already split and shielded;
an :class:`Engine` turns each into one translated string. :class:`Translator`
picks the engine for a language pair from the configuration, pivots through
English when no direct model exists, and says which route it took.

argostranslate is used for what it is good at - its package format, package
folder, install and tokenizers - but its sentence splitter is never invoked:
depending on the package it needs stanza and torch, or it downloads a MiniSBD
model on the first translation (see ``docs/translation.md``). translit calls
CTranslate2 on the package's model with the same decoding parameters as
``argostranslate.translate.apply_packaged_translation``, one batch per call.
Nothing here opens a network connection except :meth:`ArgosEngine.download`.

Heavy modules (argostranslate, ctranslate2, sentencepiece) are imported inside
functions, so ``import translit.mt`` costs nothing.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import re
import sys
import tempfile
import threading
import types
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .errors import TranslitError
from .segment import split_sentences

#: NLLB-200 language tokens for the languages translit works with.
NLLB_CODES: dict[str, str] = {"en": "eng_Latn", "ru": "rus_Cyrl", "kk": "kaz_Cyrl"}
ENGINE_NAMES = ("argos", "nllb", "none")
INSTALL_HINT = "pip install 'translit[mt]', then pip install --no-deps 'argostranslate==1.11.0'; README: Machine translation"
ARGOS_HINT = "pip install --no-deps 'argostranslate==1.11.0' after pip install 'translit[mt]'; README: Machine translation"


class MTError(TranslitError):
    """Machine translation could not be set up or run."""


class NoRouteError(MTError):
    """No engine, direct or through a pivot language, translates this pair."""

    def __init__(self, src: str, tgt: str, available: Sequence[str] = (), *, reason: str = "") -> None:
        have = ", ".join(available) if available else "none"
        why = f"; {reason}" if reason else ""
        super().__init__(
            f"no machine-translation route {src}→{tgt} (installed: {have}){why}; "
            f"install one with 'translit models install {src} {tgt}' or a .argosmodel file, "
            f"or configure an NLLB model for {src}-{tgt}"
        )
        self.src = src
        self.tgt = tgt


class EngineUnavailableError(MTError):
    """The Python package an engine needs is not installed."""


class ModelError(MTError):
    """A model file or folder is missing or malformed."""


class MTConfigError(MTError):
    """The ``[mt]`` section of the configuration is malformed."""


class DownloadError(MTError):
    """A download the user asked for failed (offline, index unreachable, no such package)."""


# --------------------------------------------------------------------------- routes


@dataclass(frozen=True)
class Step:
    """One model application: ``src`` -> ``tgt`` by ``engine``; ``detail`` names the model."""

    src: str
    tgt: str
    engine: str
    detail: str = ""

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form for reports."""
        return {"src": self.src, "tgt": self.tgt, "engine": self.engine, "model": self.detail}


@dataclass(frozen=True)
class Route:
    """How a language pair gets translated: one step (direct) or several (pivot)."""

    src: str
    tgt: str
    steps: tuple[Step, ...]

    @property
    def kind(self) -> str:
        """``"direct"`` or ``"pivot"``."""
        return "direct" if len(self.steps) == 1 else "pivot"

    @property
    def via(self) -> tuple[str, ...]:
        """The pivot languages, in order (empty for a direct route)."""
        return tuple(step.tgt for step in self.steps[:-1])

    @property
    def engines(self) -> tuple[str, ...]:
        """The engine of each step."""
        return tuple(step.engine for step in self.steps)

    def describe(self) -> str:
        """One line such as ``kk→en→ru (nllb /models/nllb; argos translate-en_ru 1.9)``."""
        path = "→".join([self.src, *(step.tgt for step in self.steps)])
        models = "; ".join(f"{step.engine} {step.detail}".strip() for step in self.steps)
        return f"{path} ({models})"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for reports and ``translit models list --json``."""
        return {
            "src": self.src,
            "tgt": self.tgt,
            "kind": self.kind,
            "via": list(self.via),
            "steps": [step.as_dict() for step in self.steps],
        }


# --------------------------------------------------------------------------- engines


@runtime_checkable
class Engine(Protocol):
    """A machine-translation engine: a set of direct pairs and a batch call."""

    name: str

    def pairs(self) -> dict[tuple[str, str], str]:
        """Direct pairs it can translate, each with a short model description."""
        ...

    def translate_batch(self, sentences: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate each sentence; one output string per input, same order."""
        ...


_LINE_BREAK = re.compile(r"(\s*\n\s*)")


def _keep_layout(sentences: Sequence[str], translate: Any) -> list[str]:
    """Translate every line of every input in one call; put line breaks and outer whitespace back.

    Engines see single lines without surrounding spaces: SentencePiece would
    drop both, and an empty line must not cost a model call.
    """
    jobs: list[str] = []
    layouts: list[list[str | int]] = []
    for sentence in sentences:
        layout: list[str | int] = []
        for part in _LINE_BREAK.split(sentence):
            core = part.strip()
            if not core:
                layout.append(part)
                continue
            layout += [part[: len(part) - len(part.lstrip())], len(jobs), part[len(part.rstrip()) :]]
            jobs.append(core)
        layouts.append(layout)
    done = translate(jobs) if jobs else []
    if len(done) != len(jobs):
        raise MTError(f"the engine returned {len(done)} translations for {len(jobs)} lines")
    return ["".join(done[x].strip() if isinstance(x, int) else x for x in layout) for layout in layouts]


def argos_importable() -> tuple[bool, str]:
    """Whether the argos engine's modules are installed (checked without importing them)."""
    for name in ("ctranslate2", "sentencepiece"):
        if importlib.util.find_spec(name) is None:
            return False, f"{name} is not installed ({INSTALL_HINT})"
    if importlib.util.find_spec("argostranslate") is None:
        return False, f"argostranslate is not installed ({ARGOS_HINT})"
    return True, ""


def default_argos_packages_dir() -> Path:
    """Where argostranslate keeps packages when nothing else is configured.

    The same folder as argostranslate's own default, so packages installed
    with ``argospm`` are found: ``$ARGOS_PACKAGES_DIR``, else
    ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/...``).
    """
    explicit = os.environ.get("ARGOS_PACKAGES_DIR")
    if explicit:
        return Path(explicit)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "argos-translate" / "packages"


class _Absent(types.ModuleType):
    """Stands in for stanza or minisbd while argostranslate is imported, when they are not installed.

    ``argostranslate.sbd`` imports both unconditionally, but only its sentence
    splitters use them, and translit never calls those. Using the stand-in
    for anything raises a clear error instead of a silent misbehaviour.
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise EngineUnavailableError(
            f"argostranslate tried to use {self.__name__}.{name}; translit splits sentences itself "
            f"and never needs {self.__name__} (please report this)"
        )


def _absent_minisbd() -> types.ModuleType:
    module = _Absent("minisbd")
    models = types.ModuleType("minisbd.models")
    models.__dict__["cache_dir"] = ""  # argostranslate.sbd assigns this at import
    module.__dict__["models"] = models

    def sbdetect(*_: Any, **__: Any) -> Any:
        raise EngineUnavailableError("argostranslate tried to run MiniSBD; translit never needs it (please report this)")

    module.__dict__["SBDetect"] = sbdetect
    return module


_ARGOS_LOCK = threading.Lock()


@contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def import_argos(packages_dir: Path | None = None, environ: Mapping[str, str] | None = None) -> types.SimpleNamespace:
    """Import argostranslate safely; return its ``settings``, ``package`` and ``translate`` modules.

    argostranslate reads its settings once, at import, from the environment
    and ``settings.json``. The first import is therefore done with
    ``ARGOS_PACKAGES_DIR`` set to ``packages_dir`` and ``ARGOS_CHUNK_TYPE``
    forced to its default (a user's ``SPACY`` would start a model download at
    import); ``environ`` adds more variables (tests point ``XDG_*`` at a
    temporary folder). The environment is restored afterwards. stanza and
    minisbd are replaced by stand-ins only if they are not installed, and
    only for the duration of the import.
    """
    ok, why = argos_importable()
    if not ok:
        raise EngineUnavailableError(why)
    with _ARGOS_LOCK:
        if "argostranslate.translate" not in sys.modules:
            values = {"ARGOS_CHUNK_TYPE": "ARGOSTRANSLATE"}
            if packages_dir is not None:
                values["ARGOS_PACKAGES_DIR"] = str(packages_dir)
            values.update(environ or {})
            stand_ins: dict[str, types.ModuleType] = {}
            if importlib.util.find_spec("stanza") is None:
                stand_ins["stanza"] = _Absent("stanza")
            if importlib.util.find_spec("minisbd") is None:
                stand_ins["minisbd"] = _absent_minisbd()
            sys.modules.update(stand_ins)
            try:
                with _environment(values):
                    import argostranslate.translate  # noqa: F401
            except ImportError as exc:
                raise EngineUnavailableError(f"argostranslate cannot be imported: {exc} ({INSTALL_HINT})") from None
            finally:
                for name, module in stand_ins.items():
                    if sys.modules.get(name) is module:
                        del sys.modules[name]
        import argostranslate.package as package
        import argostranslate.settings as settings
        import argostranslate.translate as translate
    return types.SimpleNamespace(settings=settings, package=package, translate=translate)


@dataclass(frozen=True)
class PackageInfo:
    """An installed argos package."""

    name: str
    src: str
    tgt: str
    version: str
    path: Path
    sentence_splitter: str  # what argos itself would use: "minisbd", "stanza", "spacy" or "download"

    def describe(self) -> str:
        """``translate-en_ru-1_9 1.9``."""
        return f"{self.name} {self.version}".strip()

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "src": self.src,
            "tgt": self.tgt,
            "version": self.version,
            "path": str(self.path),
            "sentence_splitter": self.sentence_splitter,
        }


def _version_key(version: str) -> tuple[int, ...]:
    # Only validated versions (_VERSION: at most 32 characters) reach here, so int() stays cheap.
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


class ArgosEngine:
    """argostranslate packages in one folder (``packages_dir``).

    Reading and translating never touch the network; :meth:`download` is the
    one method that does, and only the CLI's explicit
    ``translit models install SRC TGT`` calls it.
    """

    name = "argos"

    def __init__(self, packages_dir: str | Path | None = None, *, beam_size: int | None = None) -> None:
        self.packages_dir = Path(packages_dir).expanduser() if packages_dir is not None else default_argos_packages_dir()
        self.beam_size = beam_size
        self._packages: list[PackageInfo] | None = None
        self._problems: list[str] = []
        self._loaded: dict[tuple[str, str], tuple[Any, Any]] = {}

    # -- listing (no argostranslate import needed: metadata.json is plain JSON)

    def packages(self) -> list[PackageInfo]:
        """Installed translate packages, best version first for each pair."""
        if self._packages is None:
            self._packages, self._problems = self._scan()
        return list(self._packages)

    def problems(self) -> list[str]:
        """Folders in ``packages_dir`` that are not usable packages, one line each."""
        self.packages()
        return list(self._problems)

    def _scan(self) -> tuple[list[PackageInfo], list[str]]:
        found: list[PackageInfo] = []
        problems: list[str] = []
        if not self.packages_dir.is_dir():
            return found, problems
        try:
            folders = sorted(self.packages_dir.iterdir())
        except OSError as exc:
            return found, [str(ModelError(f"cannot read the package folder: {exc.strerror or exc}", path=self.packages_dir))]
        for folder in folders:
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            try:
                info = _read_package(folder)
            except ModelError as exc:
                problems.append(str(exc))
                continue
            if info is not None:
                found.append(info)
        found.sort(key=lambda p: (p.src, p.tgt, [-n for n in _version_key(p.version)]))
        return found, problems

    def pairs(self) -> dict[tuple[str, str], str]:
        """Direct pairs of the installed packages (the newest package of each pair wins)."""
        best: dict[tuple[str, str], str] = {}
        for info in self.packages():
            best.setdefault((info.src, info.tgt), info.describe())
        return best

    def _package(self, src: str, tgt: str) -> PackageInfo:
        for info in self.packages():
            if (info.src, info.tgt) == (src, tgt):
                return info
        raise NoRouteError(src, tgt, [f"{s}→{t}" for s, t in self.pairs()])

    # -- installing

    def install(self, archive: str | Path) -> PackageInfo:
        """Install a ``.argosmodel`` file; return what was installed.

        See :func:`install_package`: the archive is extracted into a
        temporary folder with limits, its metadata validated, and only then
        renamed into place, so a failure leaves nothing behind.
        """
        info = install_package(Path(archive), self.packages_dir)
        self._packages = None
        self._loaded.clear()
        return info

    def download(self, src: str, tgt: str, index_url: str | None = None, *, timeout: float = 30.0) -> PackageInfo:
        """Download the ``src``->``tgt`` package from the argos package index and install it.

        One attempt per URL, with a timeout: offline, this fails at once with
        :class:`DownloadError` (argostranslate's own ``get_available_packages``
        would recurse for over a minute and its downloader retries).
        """
        import urllib.error
        import urllib.request

        if index_url is None:
            index_url = import_argos(self.packages_dir).settings.remote_package_index
        try:
            with urllib.request.urlopen(index_url, timeout=timeout) as response:
                index = json.loads(response.read(MAX_INDEX_BYTES + 1).decode("utf-8"))
        except (urllib.error.URLError, OSError, ValueError, RecursionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DownloadError(
                f"cannot read the argos package index {index_url}: {reason}; "
                "on a machine without internet install a .argosmodel file: translit models install FILE.argosmodel"
            ) from None
        if not isinstance(index, list):
            raise DownloadError(f"the argos package index {index_url} is not a JSON list of packages")
        candidates = [
            entry
            for entry in index
            if isinstance(entry, dict)
            and entry.get("type", "translate") == "translate"
            and entry.get("from_code") == src
            and entry.get("to_code") == tgt
            and _VERSION.fullmatch(str(entry.get("package_version", "0")))
            and isinstance(entry.get("links", []), list)
        ]
        if not candidates:
            codes = sorted({str(e.get("from_code"))[:8] for e in index if isinstance(e, dict)})
            raise DownloadError(
                f"the argos package index has no {src}→{tgt} package (it has: {' '.join(codes)})"
                + ("; for Kazakh configure an NLLB model (README: Machine translation)" if "kk" in (src, tgt) else "")
            )
        entry = max(candidates, key=lambda e: _version_key(str(e.get("package_version", "0"))))
        links = [str(link) for link in entry.get("links", [])]
        errors = []
        with tempfile.TemporaryDirectory(prefix="translit-download-") as tmp:
            target = Path(tmp) / f"translate-{src}_{tgt}.argosmodel"
            for link in links:
                try:
                    with urllib.request.urlopen(link, timeout=timeout) as response, target.open("wb") as out:
                        while chunk := response.read(1 << 20):
                            out.write(chunk)
                    return self.install(target)
                except (urllib.error.URLError, OSError) as exc:
                    errors.append(f"{link}: {getattr(exc, 'reason', exc)}")
        raise DownloadError(f"could not download {src}→{tgt}: " + ("; ".join(errors) or "the index lists no link"))

    # -- translating

    def _load(self, src: str, tgt: str) -> tuple[Any, Any]:
        key = (src, tgt)
        if key not in self._loaded:
            info = self._package(src, tgt)
            argos = import_argos(self.packages_dir)
            import ctranslate2

            try:
                pkg = argos.package.Package(info.path)
                if not hasattr(pkg, "tokenizer"):
                    raise ModelError("package has neither sentencepiece.model nor bpe.model", path=info.path)
                model = ctranslate2.Translator(
                    str(info.path / "model"),
                    device=argos.settings.device,
                    inter_threads=argos.settings.inter_threads,
                    intra_threads=argos.settings.intra_threads,
                    compute_type=argos.settings.compute_type,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise ModelError(f"cannot load the model: {exc}", path=info.path) from None
            self._loaded[key] = (pkg, model)
        return self._loaded[key]

    def translate_batch(self, sentences: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate already-split sentences with the installed ``src``->``tgt`` package."""
        return _keep_layout(sentences, lambda batch: self._translate(batch, src, tgt))

    def _translate(self, batch: list[str], src: str, tgt: str) -> list[str]:
        pkg, model = self._load(src, tgt)
        argos = import_argos(self.packages_dir)
        tokens = [pkg.tokenizer.encode(sentence) for sentence in batch]
        prefix = getattr(pkg, "target_prefix", "") or ""
        results = model.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            replace_unknowns=True,
            max_batch_size=argos.settings.batch_size,
            batch_type="tokens",
            beam_size=self.beam_size or argos.settings.beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            # argostranslate keeps CTranslate2's default of 256, which silently cuts long sentences
            max_decoding_length=_decoding_limit(tokens),
        )
        out = []
        for result in results:
            text = pkg.tokenizer.decode(result.hypotheses[0])
            if prefix and text.startswith(prefix):
                text = text[len(prefix) :]
            out.append(text.strip())
        return out


def _decoding_limit(tokens: Sequence[Sequence[str]]) -> int:
    """Room for a translation up to twice as long as the longest input (never below CTranslate2's 256)."""
    return max(256, 2 * max((len(t) for t in tokens), default=0) + 16)


# ---------------------------------------------------------------- package folders: validate, install

#: Limits on a package archive; real argos packages are 30-300 MB in a few dozen files.
MAX_PACKAGE_BYTES = 4 * 1024**3
MAX_PACKAGE_FILES = 10_000
MAX_METADATA_BYTES = 1 << 20
MAX_INDEX_BYTES = 64 << 20
_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?")
_VERSION = re.compile(r"[0-9][0-9A-Za-z.+-]{0,31}")
_FREE_TEXT = re.compile(r"[^\x00-\x1f\x7f-\x9f]{0,200}")


def _metadata(folder: Path) -> dict[str, Any]:
    """metadata.json of a package folder, checked against the fields translit reads and their bounds."""
    meta_path = folder / "metadata.json"
    try:
        if meta_path.stat().st_size > MAX_METADATA_BYTES:
            raise ModelError(f"metadata.json is larger than {MAX_METADATA_BYTES} bytes", path=meta_path)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError("not an argos package (no metadata.json)", path=folder) from None
    except (OSError, ValueError, RecursionError) as exc:
        raise ModelError(f"unreadable metadata.json: {type(exc).__name__}", path=meta_path) from None
    if not isinstance(meta, dict):
        raise ModelError("metadata.json is not a JSON object", path=meta_path)
    kind = meta.get("type", "translate")
    if not isinstance(kind, str) or not _FREE_TEXT.fullmatch(kind):
        raise ModelError("metadata.json: type must be a short string", path=meta_path)
    if kind != "translate":
        return meta
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not _CODE.fullmatch(meta[key]):
            raise ModelError(f"metadata.json: {key} must be a language code such as en or kk", path=meta_path)
    version = meta.get("package_version", "0")
    if not isinstance(version, (str, int, float)) or isinstance(version, bool) or not _VERSION.fullmatch(str(version)):
        raise ModelError("metadata.json: package_version must be a version such as 1.9 (at most 32 characters)", path=meta_path)
    for key in ("from_name", "to_name", "package_name", "argos_version"):
        if key in meta and (not isinstance(meta[key], str) or not _FREE_TEXT.fullmatch(meta[key])):
            raise ModelError(f"metadata.json: {key} must be a line of at most 200 printable characters", path=meta_path)
    return meta


def _read_package(folder: Path) -> PackageInfo | None:
    """PackageInfo for an installed package folder; None for a non-translate package."""
    meta = _metadata(folder)
    if meta.get("type", "translate") != "translate":
        return None
    if not (folder / "model").is_dir():
        raise ModelError("package has no model/ folder", path=folder)
    splitter = next((kind for kind in ("minisbd", "stanza", "spacy") if (folder / kind).is_dir()), "download")
    return PackageInfo(
        name=folder.name,
        src=meta["from_code"],
        tgt=meta["to_code"],
        version=str(meta.get("package_version", "")),
        path=folder,
        sentence_splitter=splitter,
    )


def _check_archive(path: Path, archive: zipfile.ZipFile) -> str:
    """Check a .argosmodel's listing before anything is extracted; return its one top-level folder name."""
    import stat

    infos = archive.infolist()
    if len(infos) > MAX_PACKAGE_FILES:
        raise ModelError(f"not installed: more than {MAX_PACKAGE_FILES} files in the archive", path=path)
    if sum(info.file_size for info in infos) > MAX_PACKAGE_BYTES:
        raise ModelError(f"not installed: larger than {MAX_PACKAGE_BYTES} bytes unpacked", path=path)
    names = [info.filename for info in infos if info.filename.strip("/")]
    for info in infos:
        parts = info.filename.split("/")
        if info.filename.startswith("/") or "\\" in info.filename or ".." in parts or stat.S_ISLNK(info.external_attr >> 16):
            raise ModelError(f"not installed: unsafe entry {info.filename!r} (absolute, '..', or a link)", path=path)
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) != 1 or any("/" not in name for name in names if not name.endswith("/")):
        raise ModelError("not an argos package (it must hold exactly one top-level folder)", path=path)
    top = tops.pop()
    if top in ("", ".", "..") or top.startswith(".") or f"{top}/metadata.json" not in names:
        raise ModelError("not an argos package (no metadata.json in its folder)", path=path)
    if not any(name.startswith(f"{top}/model/") for name in names):
        raise ModelError("not an argos package (no model/ folder)", path=path)
    return top


def _extract(path: Path, archive: zipfile.ZipFile, into: Path) -> None:
    """Extract every entry, counting the bytes really written (a header may lie about sizes)."""
    written = 0
    for info in archive.infolist():
        target = into / info.filename
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as source, target.open("wb") as out:
            while chunk := source.read(1 << 20):
                written += len(chunk)
                if written > MAX_PACKAGE_BYTES:
                    raise ModelError(f"not installed: larger than {MAX_PACKAGE_BYTES} bytes unpacked", path=path)
                out.write(chunk)


def install_package(path: Path, packages_dir: Path) -> PackageInfo:
    """Install an argos package file into ``packages_dir`` without argostranslate.

    The archive is listed and checked, extracted into a hidden temporary
    folder inside ``packages_dir`` (so the final rename stays on one file
    system), its metadata validated, then renamed into place. A package
    folder of the same name is replaced only by the same language pair (a
    new version); never merged with, nor replaced by, another pair. Any
    failure (a bad CRC, a full disk, SIGTERM) removes the temporary folder.
    """
    import errno
    import shutil

    from .textio import folder_lock

    if not path.is_file():
        raise ModelError("no such file", path=path)
    if not zipfile.is_zipfile(path):
        raise ModelError("not an argos package (a .argosmodel file is a zip archive)", path=path)
    staging: Path | None = None
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=packages_dir))
        with zipfile.ZipFile(path) as archive:
            top = _check_archive(path, archive)
            _extract(path, archive, staging)
        new = _read_package(staging / top)
        if new is None:
            raise ModelError("not installed: it is not a translate package", path=path)
        target = packages_dir / top
        with _ARGOS_LOCK, folder_lock(packages_dir):
            if target.exists():
                try:
                    old = _read_package(target)
                except ModelError:
                    old = None  # a broken folder of the same name: the new package replaces it
                if old is not None and (old.src, old.tgt) != (new.src, new.tgt):
                    raise ModelError(
                        f"not installed: {target} holds the {old.src}→{old.tgt} package; this one is {new.src}→{new.tgt}", path=path
                    )
                os.replace(target, staging / ".replaced")
            try:
                os.replace(staging / top, target)
            except BaseException:
                if (staging / ".replaced").exists():
                    os.replace(staging / ".replaced", target)
                raise
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        reason = "no space left on the device" if getattr(exc, "errno", None) == errno.ENOSPC else getattr(exc, "strerror", None) or str(exc)
        raise ModelError(f"not installed: {reason}", path=path) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    info = _read_package(target)
    assert info is not None  # validated above, before the rename
    return info


class NllbEngine:
    """A CTranslate2 conversion of NLLB-200 supplied by the user (CC-BY-NC 4.0 weights).

    ``model_dir`` is what ``ct2-transformers-converter --model
    facebook/nllb-200-distilled-600M --quantization int8`` writes; the
    SentencePiece file (``sentencepiece.bpe.model``) is looked for in it
    unless ``tokenizer`` names it. Every ordered pair of ``codes`` is a
    direct pair. The model loads on the first translation.
    """

    name = "nllb"

    def __init__(
        self,
        model_dir: str | Path,
        *,
        tokenizer: str | Path | None = None,
        codes: Mapping[str, str] | None = None,
        device: str = "cpu",
        compute_type: str = "default",
        beam_size: int = 4,
        threads: int = 0,
        max_batch_size: int = 16,
    ) -> None:
        self.model_dir = Path(model_dir).expanduser()
        self.tokenizer_path = Path(tokenizer).expanduser() if tokenizer else self.model_dir / "sentencepiece.bpe.model"
        self.codes = dict(codes or NLLB_CODES)
        self.device = device
        self.compute_type = compute_type
        self.beam_size = beam_size
        self.threads = threads
        self.max_batch_size = max_batch_size
        self._model: Any = None
        self._spm: Any = None

    def problem(self) -> str | None:
        """Why this model cannot be used, or None if its files are there."""
        if not (self.model_dir / "model.bin").is_file():
            return f"{self.model_dir}: no CTranslate2 model.bin (convert NLLB-200 with ct2-transformers-converter)"
        if not self.tokenizer_path.is_file():
            return f"{self.tokenizer_path}: SentencePiece model not found (copy sentencepiece.bpe.model from the NLLB repository)"
        return None

    def pairs(self) -> dict[tuple[str, str], str]:
        """Every ordered pair of the configured languages, if the model files are present."""
        if self.problem() is not None:
            return {}
        return {(a, b): str(self.model_dir) for a, b in itertools.permutations(self.codes, 2)}

    def _load(self) -> tuple[Any, Any]:
        if self._model is None:
            problem = self.problem()
            if problem is not None:
                raise ModelError(problem)
            for name in ("ctranslate2", "sentencepiece"):
                if importlib.util.find_spec(name) is None:
                    raise EngineUnavailableError(f"{name} is not installed (pip install 'translit[nllb]')")
            import ctranslate2
            import sentencepiece

            try:
                self._spm = sentencepiece.SentencePieceProcessor(model_file=str(self.tokenizer_path))
                self._model = ctranslate2.Translator(
                    str(self.model_dir), device=self.device, compute_type=self.compute_type, intra_threads=self.threads
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise ModelError(f"cannot load the NLLB model: {exc}", path=self.model_dir) from None
        return self._model, self._spm

    def translate_batch(self, sentences: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate already-split sentences; NLLB was trained on single sentences."""
        for code in (src, tgt):
            if code not in self.codes:
                raise NoRouteError(src, tgt, reason=f"the NLLB engine is configured for {', '.join(self.codes)}")
        return _keep_layout(sentences, lambda batch: self._translate(batch, src, tgt))

    def _translate(self, batch: list[str], src: str, tgt: str) -> list[str]:
        model, spm = self._load()
        src_code, tgt_code = self.codes[src], self.codes[tgt]
        tokens = [[src_code, *spm.encode(sentence, out_type=str), "</s>"] for sentence in batch]
        results = model.translate_batch(
            tokens,
            target_prefix=[[tgt_code]] * len(tokens),
            beam_size=self.beam_size,
            max_batch_size=self.max_batch_size,
            max_decoding_length=_decoding_limit(tokens),
        )
        out = []
        for result in results:
            pieces = result.hypotheses[0]
            if pieces and pieces[0] == tgt_code:
                pieces = pieces[1:]
            out.append(spm.decode(pieces).strip())
        return out


# --------------------------------------------------------------------------- configuration


@dataclass(frozen=True)
class PairSetting:
    """The engine chosen for one pair: ``engine`` is "argos", "nllb" or "none" (never machine-translate)."""

    engine: str
    model: Path | None = None


@dataclass(frozen=True)
class MTConfig:
    """The ``[mt]`` table of ``translit.toml`` (or ``[tool.translit.mt]`` in ``pyproject.toml``).

    ::

        [mt]
        default = "argos"                 # engine for pairs not listed below
        pivots = ["en"]                   # languages to pivot through when no direct model exists
        argos_packages = "~/.local/share/argos-translate/packages"
        nllb_model = "/models/nllb-200-distilled-600M-ct2"   # for pairs whose engine is "nllb"
        beam_size = 4

        [mt.pairs]
        "en-kk" = { engine = "nllb" }
        "kk-ru" = { engine = "nllb", model = "/models/tilmash-ct2" }
        "ru-kk" = { engine = "none" }     # always leave for a human translator
    """

    default: str = "argos"
    pivots: tuple[str, ...] = ("en",)
    argos_packages: Path | None = None
    nllb_model: Path | None = None
    nllb_tokenizer: Path | None = None
    beam_size: int | None = None
    device: str = "cpu"
    pairs: Mapping[tuple[str, str], PairSetting] = field(default_factory=dict)
    source: str = ""

    @classmethod
    def from_project(cls, config: Any) -> MTConfig:
        """The ``[mt]`` section of a :class:`translit.config.Config`."""
        return cls.from_mapping(
            config.section("mt"), base=config.root, source=str(config.path) if config.path is not None else ""
        )

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any], *, base: Path | None = None, source: str = "") -> MTConfig:
        """Build from a parsed ``[mt]`` table; relative paths are taken from ``base``."""

        def fail(message: str) -> MTConfigError:
            return MTConfigError(f"[mt] {message}", path=source or None)

        def path(value: Any, key: str) -> Path | None:
            if value is None:
                return None
            if not isinstance(value, str) or not value:
                raise fail(f"{key} must be a path string")
            p = Path(value).expanduser()
            return p if p.is_absolute() or base is None else (base / p).resolve()

        known = {"default", "pivots", "argos_packages", "nllb_model", "nllb_tokenizer", "beam_size", "device", "pairs"}
        unknown = sorted(set(table) - known)
        if unknown:
            raise fail(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")
        default = table.get("default", "argos")
        if default not in ENGINE_NAMES:
            raise fail(f"default must be one of {', '.join(ENGINE_NAMES)}, not {default!r}")
        pivots = table.get("pivots", ["en"])
        if not isinstance(pivots, list) or not all(isinstance(p, str) for p in pivots):
            raise fail("pivots must be a list of language codes")
        beam = table.get("beam_size")
        if beam is not None and (not isinstance(beam, int) or beam < 1):
            raise fail("beam_size must be a positive integer")
        pairs: dict[tuple[str, str], PairSetting] = {}
        raw_pairs = table.get("pairs", {})
        if not isinstance(raw_pairs, Mapping):
            raise fail("pairs must be a table")
        for key, value in raw_pairs.items():
            match = re.fullmatch(r"([a-z]{2,3})-([a-z]{2,3})", key)
            if not match:
                raise fail(f"pair {key!r} must look like \"en-kk\"")
            if isinstance(value, str):
                value = {"engine": value}
            if not isinstance(value, Mapping) or value.get("engine") not in ENGINE_NAMES:
                raise fail(f"pairs.{key}: engine must be one of {', '.join(ENGINE_NAMES)}")
            pairs[(match[1], match[2])] = PairSetting(value["engine"], path(value.get("model"), f"pairs.{key}.model"))
        return cls(
            default=default,
            pivots=tuple(pivots),
            argos_packages=path(table.get("argos_packages"), "argos_packages"),
            nllb_model=path(table.get("nllb_model"), "nllb_model"),
            nllb_tokenizer=path(table.get("nllb_tokenizer"), "nllb_tokenizer"),
            beam_size=beam,
            device=str(table.get("device", "cpu")),
            pairs=pairs,
            source=source,
        )


def load_config(path: str | Path | None = None, *, start: str | Path | None = None) -> MTConfig:
    """The ``[mt]`` settings of the project configuration (see :mod:`translit.config`).

    ``path`` names the file exactly; otherwise the nearest ``translit.toml``
    (or ``pyproject.toml`` with ``[tool.translit]``) from ``start`` upward is
    used, and the defaults when there is none.
    """
    from .config import load_config as load_project_config

    return MTConfig.from_project(load_project_config(start, path=path))


# --------------------------------------------------------------------------- the router


class Translator:
    """Routes each language pair to an engine, directly or through a pivot language.

    Engines are created on first use and keep their loaded models, so reuse
    one Translator for a whole run. ``engines`` replaces the engines built
    from the configuration (keys "argos" and "nllb"; for tests and embedding).
    """

    name = "translit"

    def __init__(self, config: MTConfig | None = None, engines: Mapping[str, Any] | None = None) -> None:
        self.config = config or MTConfig()
        self._engines: dict[str, Any] = dict(engines or {})

    def engine(self, name: str, model: Path | None = None) -> Any:
        """The engine called ``name`` ("argos", or "nllb" with an optional model folder)."""
        if name == "argos":
            if "argos" not in self._engines:
                self._engines["argos"] = ArgosEngine(self.config.argos_packages, beam_size=self.config.beam_size)
            return self._engines["argos"]
        if name == "nllb":
            folder = model or self.config.nllb_model
            key = "nllb" if model is None else f"nllb:{folder}"
            if key not in self._engines:
                if folder is None:
                    raise MTError("engine \"nllb\" selected but no model folder configured (set [mt] nllb_model)")
                self._engines[key] = NllbEngine(
                    folder,
                    tokenizer=self.config.nllb_tokenizer if model is None else None,
                    device=self.config.device,
                    beam_size=self.config.beam_size or 4,
                )
            return self._engines[key]
        raise MTError(f"unknown engine {name!r} (known: {', '.join(ENGINE_NAMES)})")

    def _direct(self, src: str, tgt: str) -> Step | None:
        setting = self.config.pairs.get((src, tgt), PairSetting(self.config.default))
        if setting.engine == "none":
            return None
        engine = self.engine(setting.engine, setting.model)
        detail = engine.pairs().get((src, tgt))
        return Step(src, tgt, setting.engine, detail) if detail is not None else None

    def _languages(self) -> list[str]:
        codes: set[str] = set()
        names = {self.config.default} | {s.engine for s in self.config.pairs.values()}
        if "argos" in names or "argos" in self._engines:
            codes.update(itertools.chain.from_iterable(self.engine("argos").pairs()))
        if "nllb" in names and (self.config.nllb_model is not None or "nllb" in self._engines):
            codes.update(itertools.chain.from_iterable(self.engine("nllb").pairs()))
        for (src, tgt), setting in self.config.pairs.items():
            if setting.engine == "nllb":
                codes.update((src, tgt))
        return sorted(codes)

    def route(self, src: str, tgt: str) -> Route:
        """The route for ``src``->``tgt``: direct if possible, else through a pivot; NoRouteError if none."""
        if src == tgt:
            raise MTError(f"source and target are both {src!r}")
        direct = self._direct(src, tgt)
        if direct is not None:
            return Route(src, tgt, (direct,))
        if self.config.pairs.get((src, tgt), PairSetting("")).engine != "none":
            for pivot in self.config.pivots:
                if pivot in (src, tgt):
                    continue
                first, second = self._direct(src, pivot), self._direct(pivot, tgt)
                if first is not None and second is not None:
                    return Route(src, tgt, (first, second))
        reason = "disabled in the configuration" if self.config.pairs.get((src, tgt), PairSetting("")).engine == "none" else ""
        raise NoRouteError(src, tgt, self._available(), reason=reason)

    def _available(self) -> list[str]:
        langs = self._languages()
        return [f"{a}→{b}" for a, b in itertools.permutations(langs, 2) if self._direct(a, b) is not None]

    def routes(self) -> list[Route]:
        """Every pair this Translator can do, direct or pivot, sorted by pair."""
        found = []
        for src, tgt in itertools.permutations(self._languages(), 2):
            try:
                found.append(self.route(src, tgt))
            except NoRouteError:
                continue
        return found

    def problems(self) -> list[str]:
        """Configured models that cannot be used, and broken package folders, one line each."""
        out = []
        if "argos" in self._engines or self.config.default == "argos" or any(
            s.engine == "argos" for s in self.config.pairs.values()
        ):
            if argos_importable()[0]:
                out.extend(self.engine("argos").problems())
            else:
                out.append(argos_importable()[1])
        out.extend(problem for problem in (engine.problem() for engine in self.nllb_engines()) if problem)
        return out

    def nllb_engines(self) -> list[NllbEngine]:
        """The NLLB models the configuration names (``nllb_model`` and per-pair ``model``), each once."""
        engines = [self.engine("nllb")] if self.config.nllb_model else []
        engines += [self.engine("nllb", s.model) for s in self.config.pairs.values() if s.engine == "nllb" and s.model]
        unique: dict[Path, NllbEngine] = {}
        for engine in engines:
            unique.setdefault(engine.model_dir, engine)
        return list(unique.values())

    def translate_batch(self, sentences: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate already-split sentences along :meth:`route`; raises NoRouteError if there is none."""
        route = self.route(src, tgt)
        current = list(sentences)
        for step in route.steps:
            setting = self.config.pairs.get((step.src, step.tgt))
            model = setting.model if setting is not None and setting.engine == step.engine else None
            current = self.engine(step.engine, model).translate_batch(current, step.src, step.tgt)
            if len(current) != len(sentences):
                raise MTError(f"engine {step.engine} returned {len(current)} results for {len(sentences)} sentences")
        return current

    def translate_text(self, text: str, src: str, tgt: str) -> str:
        """Translate running text: lines kept, each line split into sentences by :func:`split_sentences`."""
        lines = text.split("\n")
        spans = [split_sentences(line) for line in lines]
        flat = [s for line in spans for s in line]
        done = iter(self.translate_batch(flat, src, tgt))
        return "\n".join("".join(next(done) for _ in line) for line in spans)
