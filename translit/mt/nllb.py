"""The NLLB-200 engine: a CTranslate2 conversion of the model that the user supplies (for Kazakh)."""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .engine import decoding_limit, keep_layout
from .errors import EngineUnavailableError, ModelError, NoRouteError

#: NLLB-200 language tokens for the languages translit works with.
NLLB_CODES: dict[str, str] = {"en": "eng_Latn", "ru": "rus_Cyrl", "kk": "kaz_Cyrl"}


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
        return keep_layout(sentences, lambda batch: self._translate(batch, src, tgt))

    def _translate(self, batch: list[str], src: str, tgt: str) -> list[str]:
        model, spm = self._load()
        src_code, tgt_code = self.codes[src], self.codes[tgt]
        tokens = [[src_code, *spm.encode(sentence, out_type=str), "</s>"] for sentence in batch]
        results = model.translate_batch(
            tokens,
            target_prefix=[[tgt_code]] * len(tokens),
            beam_size=self.beam_size,
            max_batch_size=self.max_batch_size,
            max_decoding_length=decoding_limit(tokens),
        )
        out = []
        for result in results:
            pieces = result.hypotheses[0]
            if pieces and pieces[0] == tgt_code:
                pieces = pieces[1:]
            out.append(spm.decode(pieces).strip())
        return out
