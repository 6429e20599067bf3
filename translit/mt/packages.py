"""Argos package folders: read and validate a package's metadata, and install an archive safely
(size and file-count limits, validated metadata, extraction beside the folder, then one rename)."""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ModelError

ARGOS_LOCK = threading.Lock()
"""Held while argostranslate is imported or a package folder changes: both touch shared state."""


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


def version_key(version: str) -> tuple[int, ...]:
    # Only validated versions (VERSION_PATTERN: at most 32 characters) reach here, so int() stays cheap.
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


#: Limits on a package archive; real argos packages are 30-300 MB in a few dozen files.
MAX_PACKAGE_BYTES = 4 * 1024**3
MAX_PACKAGE_FILES = 10_000
MAX_METADATA_BYTES = 1 << 20
MAX_INDEX_BYTES = 64 << 20
_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?")
VERSION_PATTERN = re.compile(r"[0-9][0-9A-Za-z.+-]{0,31}")
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
    if not isinstance(version, (str, int, float)) or isinstance(version, bool) or not VERSION_PATTERN.fullmatch(str(version)):
        raise ModelError("metadata.json: package_version must be a version such as 1.9 (at most 32 characters)", path=meta_path)
    for key in ("from_name", "to_name", "package_name", "argos_version"):
        if key in meta and (not isinstance(meta[key], str) or not _FREE_TEXT.fullmatch(meta[key])):
            raise ModelError(f"metadata.json: {key} must be a line of at most 200 printable characters", path=meta_path)
    return meta


def read_package(folder: Path) -> PackageInfo | None:
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

    from ..textio import folder_lock

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
        new = read_package(staging / top)
        if new is None:
            raise ModelError("not installed: it is not a translate package", path=path)
        target = packages_dir / top
        with ARGOS_LOCK, folder_lock(packages_dir):
            if target.exists():
                try:
                    old = read_package(target)
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
    info = read_package(target)
    assert info is not None  # validated above, before the rename
    return info
