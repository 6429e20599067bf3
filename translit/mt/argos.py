"""The argostranslate engine: argos packages in one folder, translated by CTranslate2 directly.

argostranslate's package format, folder and tokenizers are used; its own translation module
(which imports stanza, torch and MiniSBD) never is.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
import types
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .engine import decoding_limit, keep_layout
from .errors import INSTALL_HINT, DownloadError, EngineUnavailableError, ModelError, NoRouteError
from .packages import ARGOS_LOCK, MAX_INDEX_BYTES, VERSION_PATTERN, PackageInfo, install_package, read_package, version_key

def argos_importable() -> tuple[bool, str]:
    """Whether the argos engine's modules are installed (checked without importing them)."""
    for name in ("ctranslate2", "sentencepiece"):
        if importlib.util.find_spec(name) is None:
            return False, f"{name} is not installed ({INSTALL_HINT})"
    if importlib.util.find_spec("argostranslate") is None:
        return False, f"argostranslate is not installed ({INSTALL_HINT})"
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
    """Import the parts of argostranslate translit uses; return its ``settings`` and ``package`` modules.

    translit uses argostranslate's package format, folder, install and
    tokenizers, and runs CTranslate2 itself; it never imports
    ``argostranslate.translate``, whose sentence splitters import stanza (and
    through it torch) and MiniSBD at module level: 0.1 s instead of about 3 s
    of CPU, and no torch in memory. Those packages are still installed
    (argostranslate declares them), so ``pip check`` is clean.

    argostranslate reads its settings once, at import, from the environment
    and ``settings.json``. The first import is therefore done with
    ``ARGOS_PACKAGES_DIR`` set to ``packages_dir`` and ``ARGOS_CHUNK_TYPE``
    forced to its default (a user's ``SPACY`` would start a model download at
    import); ``environ`` adds more variables (tests point ``XDG_*`` at a
    temporary folder). The environment is restored afterwards.
    """
    ok, why = argos_importable()
    if not ok:
        raise EngineUnavailableError(why)
    with ARGOS_LOCK:
        if "argostranslate.package" not in sys.modules:
            values = {"ARGOS_CHUNK_TYPE": "ARGOSTRANSLATE"}
            if packages_dir is not None:
                values["ARGOS_PACKAGES_DIR"] = str(packages_dir)
            values.update(environ or {})
            try:
                with _environment(values):
                    import argostranslate.package  # noqa: F401
            except ImportError as exc:
                raise EngineUnavailableError(f"argostranslate cannot be imported: {exc} ({INSTALL_HINT})") from None
        import argostranslate.package as package
        import argostranslate.settings as settings
    return types.SimpleNamespace(settings=settings, package=package)


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
                info = read_package(folder)
            except ModelError as exc:
                problems.append(str(exc))
                continue
            if info is not None:
                found.append(info)
        found.sort(key=lambda p: (p.src, p.tgt, [-n for n in version_key(p.version)]))
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
            and VERSION_PATTERN.fullmatch(str(entry.get("package_version", "0")))
            and isinstance(entry.get("links", []), list)
        ]
        if not candidates:
            codes = sorted({str(e.get("from_code"))[:8] for e in index if isinstance(e, dict)})
            raise DownloadError(
                f"the argos package index has no {src}→{tgt} package (it has: {' '.join(codes)})"
                + ("; for Kazakh configure an NLLB model (README: Machine translation)" if "kk" in (src, tgt) else "")
            )
        entry = max(candidates, key=lambda e: version_key(str(e.get("package_version", "0"))))
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
        return keep_layout(sentences, lambda batch: self._translate(batch, src, tgt))

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
            max_decoding_length=decoding_limit(tokens),
        )
        out = []
        for result in results:
            text = pkg.tokenizer.decode(result.hypotheses[0])
            if prefix and text.startswith(prefix):
                text = text[len(prefix) :]
            out.append(text.strip())
        return out
