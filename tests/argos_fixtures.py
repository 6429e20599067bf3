"""Tiny, real translation models built at test time (no download, no mock).

Each builder writes a genuine CTranslate2 model and a genuine SentencePiece
tokenizer, so the tests go through argostranslate's install -> load ->
translate path exactly as a user's ``translate-en_ru-1_9.argosmodel`` would.
The weights are set by hand, which makes the behaviour exact:

* ``build_marker_package`` - every sentence becomes one token, the target
  code in capitals (``"RU"``). Right for counting sentences, following a
  pivot (kk->en->ru gives ``"RU"``), and for checking that a protected part
  the engine dropped is noticed.
* ``build_copy_package`` - the output is the input, piece by piece. Right for
  checking that placeholders survive the engine and are restored. Like every
  argos model, it loses ``_`` (argostranslate's decoder turns it into a
  space) and runs of spaces (SentencePiece normalises them).
* ``build_nllb_copy_model`` - the copy model in NLLB-200's layout (language
  tokens ``eng_Latn`` ``rus_Cyrl`` ``kaz_Cyrl``, ``sentencepiece.bpe.model``
  beside the weights), for :class:`translit.mt.NllbEngine`.

How the copy model works (one layer, attention and FFN weights zero except
the decoder's cross-attention): the residual stream has a *position*
subspace and a *token* subspace. Encoder inputs carry the source token's
random unit vector in the token subspace and a set of sinusoids of the
position in the position subspace; decoder inputs carry only the position.
Cross-attention compares positions, so decoder step t attends (sharply) to
source position t and copies that token's vector; the output projection
reads the token subspace back. The source gets ``</s>`` appended
(``add_source_eos``), so copying stops by itself. Every vector is mirrored
(v, -v) so that its mean is 0 and LayerNorm only rescales it.

Run ``python tests/argos_fixtures.py OUTDIR`` to write the packages to disk
(for trying ``translit models install`` by hand).
"""

from __future__ import annotations

import functools
import io
import json
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

try:  # the engine stack is an optional extra of translit
    import ctranslate2  # noqa: F401
    import numpy  # noqa: F401
    import sentencepiece  # noqa: F401

    from translit.mt import argos_importable

    _HAVE_ARGOS, _WHY = argos_importable()
except ImportError as exc:  # pragma: no cover - depends on the install
    _HAVE_ARGOS, _WHY = False, f"{exc.name} is not installed (pip install 'translit[mt]')"

requires_argos = pytest.mark.skipif(not _HAVE_ARGOS, reason=f"machine translation not installed: {_WHY}")

NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh", "ky": "Kyrgyz", "de": "German"}
MARKERS = ("EN", "RU", "KK", "KY", "DE")
NLLB_CODES = ("eng_Latn", "rus_Cyrl", "kaz_Cyrl")

# Characters news text is made of: the tokenizer must know them as pieces.
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "әғқңөұүһі"
_OTHER = "0123456789.,;:!?-–—«»“”\"'()[]⟦⟧{}/@%+#&*=<>№$€₸"


def _corpus() -> list[str]:
    """Pseudo-sentences covering every character, so the tokenizer knows them all."""
    letters = _LATIN + _LATIN.upper() + _CYRILLIC + _CYRILLIC.upper()
    lines = []
    for i in range(400):
        words = []
        for j in range(3 + i % 5):
            start = (i * 7 + j * 13) % len(letters)
            words.append(letters[start : start + 2 + (i + j) % 5])
        tail = _OTHER[i % len(_OTHER)]
        lines.append(" ".join(words) + tail + " " + _OTHER[(i * 3) % len(_OTHER)] + str(i))
    lines.append(" ".join(_OTHER))
    lines.append(" ".join(letters))
    return lines


@functools.cache
def _sentencepiece(user_symbols: tuple[str, ...]) -> tuple[bytes, tuple[str, ...]]:
    """Train a tiny unigram model in memory; return its bytes and its piece list."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_corpus()),
        model_writer=model,
        model_type="unigram",
        vocab_size=320,
        character_coverage=1.0,
        # identity: no NFKC table (keeps the model at a few KB) and no rewriting of «» or ₸
        normalization_rule_name="identity",
        user_defined_symbols=list(user_symbols),
        num_threads=1,
        minloglevel=2,
    )
    data = model.getvalue()
    processor = spm.SentencePieceProcessor(model_proto=data)
    pieces = tuple(processor.id_to_piece(i) for i in range(processor.get_piece_size()))
    return data, pieces


def _layer_norms(spec: Any, d: int) -> None:
    import numpy as np

    for norm in (
        spec.encoder.layer_norm,
        spec.decoder.layer_norm,
        spec.encoder.layer[0].self_attention.layer_norm,
        spec.encoder.layer[0].ffn.layer_norm,
        spec.decoder.layer[0].self_attention.layer_norm,
        spec.decoder.layer[0].attention.layer_norm,
        spec.decoder.layer[0].ffn.layer_norm,
    ):
        norm.gamma = np.ones(d, dtype=np.float32)
        norm.beta = np.zeros(d, dtype=np.float32)


def _zero_blocks(spec: Any, d: int, ffn: int) -> None:
    """Self-attention and FFN blocks that add nothing to the residual stream."""
    import numpy as np

    zeros = functools.partial(np.zeros, dtype=np.float32)
    for layer in (spec.encoder.layer[0], spec.decoder.layer[0]):
        layer.self_attention.linear[0].weight = zeros((3 * d, d))
        layer.self_attention.linear[1].weight = zeros((d, d))
        layer.ffn.linear_0.weight = zeros((ffn, d))
        layer.ffn.linear_1.weight = zeros((d, ffn))


def _save(spec: Any, vocabulary: Sequence[str], out: Path) -> None:
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    spec.optimize(quantization=None)
    out.mkdir(parents=True, exist_ok=True)  # CTranslate2's save() does not create it
    spec.save(str(out))


def _marker_spec(pieces: Sequence[str], marker: str) -> Any:
    """Decoder that always says ``marker`` then ``</s>``, whatever the source."""
    import ctranslate2
    import numpy as np

    d, ffn, vocab = 16, 32, len(pieces)
    spec = ctranslate2.specs.TransformerSpec.from_config(num_layers=1, num_heads=2, pre_norm=True)
    _layer_norms(spec, d)
    _zero_blocks(spec, d, ffn)
    enc = np.zeros((vocab, d), dtype=np.float32)
    dec = np.zeros((vocab, d), dtype=np.float32)
    e0, e1 = np.eye(d, dtype=np.float32)[0], np.eye(d, dtype=np.float32)[1]
    index = {piece: i for i, piece in enumerate(pieces)}
    dec[index["<s>"]] = 10 * e0
    dec[index[marker]] = 10 * e1
    projection = np.zeros((vocab, d), dtype=np.float32)
    projection[index[marker]] = 10 * e0
    projection[index["</s>"]] = 10 * e1
    spec.encoder.embeddings[0].weight = enc
    spec.decoder.embeddings.weight = dec
    cross = spec.decoder.layer[0].attention
    cross.linear[0].weight = np.zeros((d, d), dtype=np.float32)
    cross.linear[1].weight = np.zeros((2 * d, d), dtype=np.float32)
    cross.linear[2].weight = np.zeros((d, d), dtype=np.float32)
    spec.decoder.projection.weight = projection
    return spec


# Position sinusoids: 24 frequencies drawn once (seed 21 gives the widest margin
# between "same position" (24) and any other offset up to 300 (at most 7.5)).
_FREQ_COUNT, _FREQ_SEED, _MAX_POSITIONS = 24, 21, 512
_TOKEN_DIMS = 32


def _copy_spec(pieces: Sequence[str]) -> Any:
    """Encoder-decoder that reproduces its source piece by piece (see module docstring)."""
    import ctranslate2
    import numpy as np

    rng = np.random.default_rng(_FREQ_SEED)
    freqs = rng.uniform(0.02, np.pi - 0.02, _FREQ_COUNT)
    pos_half, tok_half = 2 * _FREQ_COUNT, _TOKEN_DIMS
    d = 2 * pos_half + 2 * tok_half
    ffn, vocab = 8, len(pieces)

    positions = np.arange(_MAX_POSITIONS)[:, None] * freqs[None, :]
    sinusoids = np.concatenate([np.cos(positions), np.sin(positions)], axis=1)
    position_table = np.zeros((_MAX_POSITIONS, d), dtype=np.float32)
    position_table[:, :pos_half] = sinusoids
    position_table[:, pos_half : 2 * pos_half] = -sinusoids

    tokens = np.random.default_rng(7).normal(size=(vocab, tok_half))
    tokens /= np.linalg.norm(tokens, axis=1, keepdims=True)
    token_table = np.zeros((vocab, d), dtype=np.float32)
    token_table[:, 2 * pos_half : 2 * pos_half + tok_half] = tokens
    token_table[:, 2 * pos_half + tok_half :] = -tokens

    spec = ctranslate2.specs.TransformerSpec.from_config(num_layers=1, num_heads=1, pre_norm=True)
    spec.config.add_source_eos = True
    _layer_norms(spec, d)
    _zero_blocks(spec, d, ffn)
    for side in (spec.encoder, spec.decoder):
        side.scale_embeddings = False
        side.position_encodings.encodings = position_table
    spec.encoder.embeddings[0].weight = token_table
    spec.decoder.embeddings.weight = np.zeros((vocab, d), dtype=np.float32)

    position_dims = np.zeros((d, d), dtype=np.float32)
    position_dims[:pos_half, :pos_half] = np.eye(pos_half)
    token_dims = np.zeros((d, d), dtype=np.float32)
    token_dims[2 * pos_half :, 2 * pos_half :] = np.eye(2 * tok_half)
    # After LayerNorm both streams are rescaled to unit variance per dimension;
    # 12 makes the attention on the right position ~1 - 1e-9.
    cross = spec.decoder.layer[0].attention
    cross.linear[0].weight = 12.0 * position_dims
    cross.linear[1].weight = np.concatenate([position_dims, token_dims])
    cross.linear[2].weight = token_dims
    spec.decoder.projection.weight = 8.0 * token_table
    return spec


def _argos_zip(out_dir: Path, src: str, tgt: str, kind: str, model: Any, spm_bytes: bytes, pieces: Sequence[str]) -> Path:
    import tempfile

    name = f"translate-{src}_{tgt}-{kind}"
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9",
        "from_code": src,
        "from_name": NAMES.get(src, src),
        "to_code": tgt,
        "to_name": NAMES.get(tgt, tgt),
        "type": "translate",
        "links": [],
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.argosmodel"
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        _save(model, pieces, model_dir)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{name}/metadata.json", json.dumps(metadata, ensure_ascii=False))
            archive.writestr(f"{name}/README.md", f"translit test fixture ({kind}), {src}->{tgt}\n")
            archive.writestr(f"{name}/sentencepiece.model", spm_bytes)
            for file in sorted(model_dir.iterdir()):
                archive.write(file, f"{name}/model/{file.name}")
    return target


def build_marker_package(out_dir: Path, src: str, tgt: str) -> Path:
    """Write ``translate-<src>_<tgt>-marker.argosmodel``: each sentence -> ``tgt.upper()``."""
    spm_bytes, pieces = _sentencepiece(tuple("▁" + m for m in MARKERS))
    return _argos_zip(out_dir, src, tgt, "marker", _marker_spec(pieces, "▁" + tgt.upper()), spm_bytes, pieces)


def build_copy_package(out_dir: Path, src: str, tgt: str) -> Path:
    """Write ``translate-<src>_<tgt>-copy.argosmodel``: the output repeats the input."""
    spm_bytes, pieces = _sentencepiece(())
    return _argos_zip(out_dir, src, tgt, "copy", _copy_spec(pieces), spm_bytes, pieces)


def build_nllb_copy_model(out_dir: Path) -> Path:
    """Write an NLLB-layout CTranslate2 directory (plus ``sentencepiece.bpe.model``) that copies."""
    spm_bytes, pieces = _sentencepiece(NLLB_CODES)
    spec = _copy_spec(pieces)
    # NLLB sources already end in </s> (the engine adds it) and decoding starts from </s>.
    spec.config.add_source_eos = False
    spec.config.decoder_start_token = "</s>"
    out = Path(out_dir) / "nllb-copy"
    _save(spec, pieces, out)
    (out / "sentencepiece.bpe.model").write_bytes(spm_bytes)
    return out


@functools.cache
def isolate_argos() -> Path:
    """Import argostranslate once with its data, config and cache folders in a temporary place.

    argostranslate creates ``~/.local/share/argos-translate`` and friends and
    reads ``~/.config/argos-translate/settings.json`` at import; tests must
    neither touch nor depend on the developer's own.
    """
    import tempfile

    from translit.mt import import_argos

    home = Path(tempfile.mkdtemp(prefix="translit-argos-home-"))
    import_argos(
        home / "packages",
        environ={
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
        },
    )
    return home


def argos_translator(tmp_path: Path, packages: Sequence[Path], **config: Any) -> Any:
    """Install ``packages`` into a fresh argos folder under tmp_path; return a Translator over it.

    ``config`` entries are ``[mt]`` keys (``pairs={"kk-en": {...}}``, ``pivots=[...]``).
    """
    from translit.mt import ArgosEngine, MTConfig, Translator

    isolate_argos()
    packages_dir = Path(tmp_path) / "argos-packages"
    engine = ArgosEngine(packages_dir)
    for package in packages:
        engine.install(package)
    return Translator(MTConfig.from_mapping({"argos_packages": str(packages_dir), **config}))


if __name__ == "__main__":  # pragma: no cover - a convenience for trying the CLI by hand
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for path in (
        build_marker_package(target, "en", "ru"),
        build_marker_package(target, "kk", "en"),
        build_copy_package(target, "en", "ru"),
    ):
        print(path, path.stat().st_size)
