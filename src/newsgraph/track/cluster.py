"""Incremental claim clustering: claims stating the same proposition in different words -> one tracked claim.

Identity is the claim's *content* (the proposition), not its status or source: "Seoul denied it would send
weapons" and "Seoul confirmed it would send weapons" carry the same proposition and share a cluster; the
timeline of who asserts/denies it lives in the store. Each claim is:

1. embedded with all-MiniLM-L6-v2 (:mod:`newsgraph.track.embed`), vectors kept rounded to float16 so that a
   clusterer restored with :meth:`ClaimClusterer.from_state` decides exactly as the one that was saved;
2. looked up in a random-hyperplane LSH index (``tables`` hash tables of ``bits`` sign bits each): only claims
   sharing a bucket in some table are compared, so the cost per claim stays near-constant instead of growing
   with the number of stored claims (no all-pairs comparison anywhere). Buckets are ring buffers of their
   ``max_bucket`` newest members in one integer array, so gathering the probed buckets is one numpy index.
   Those entries are first screened on their sign sketches (all ``tables x bits`` signs packed in 64-bit
   words; the share of differing bits estimates the angle): only entries whose Hamming distance could belong
   to a pair at the threshold cosine (binomial tail above :data:`SCREEN_MISS`) are scored by exact cosine.
   In a crowded index most bucket entries are on the same topic but far below the threshold, and the screen
   costs a few machine words per entry instead of a 384-float row;
3. joined to the cluster of its most similar candidate whose cosine is >= ``threshold`` *and* that is
   compatible: when both claims carry entity keys they must share one; when both carry event types they must
   share one; when both state numbers they must share one ("up 3 percent" vs "up 5 percent" are different
   propositions); and the new claim must also be close to the cluster's centroid (cosine >= ``threshold -
   centroid_margin``), which stops single-link chaining from drifting across topics;
4. otherwise it founds a new cluster whose id (``tc_`` + 16 hex digits of SHA-1 of the founding claim key) never
   changes afterwards.

Adding a claim key that is already present returns its cluster (re-ingest is idempotent).

>>> c = ClaimClusterer()                                                              # doctest: +SKIP
>>> a = c.add("a1#c1", "North Korea has sent troops to Russia", frozenset({"GPE:PRK"}), frozenset())
>>> b = c.add("a2#c4", "Pyongyang dispatched soldiers to Russia", frozenset({"GPE:PRK"}), frozenset())
>>> a == b                                                                            # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, Protocol

import numpy as np
import numpy.typing as npt

from newsgraph.track.figures import numbers, numbers_agree

F32 = npt.NDArray[np.float32]
Item = tuple[str, str, frozenset[str], frozenset[str]]

STATE_FORMAT = 1
DEFAULT_THRESHOLD = 0.78
MAX_BITS = 16  # bucket codes index a dense (tables, 2**bits, max_bucket) array
# Candidates are screened on their sign sketches (Hamming distance) before the exact cosine; SCREEN_MISS bounds
# the chance that a stored claim exactly at the threshold cosine is screened out (closer ones: less still).
SCREEN_MISS = 1e-7


class Encoder(Protocol):
    def encode(self, texts: Sequence[str], batch_size: int = 64) -> F32: ...


class ItemRecord(NamedTuple):
    """One tracked claim as persisted (:meth:`ClaimClusterer.records` / :meth:`ClaimClusterer.restore`).

    Items are append-only and a claim never changes cluster, so a store saves the records a batch added and
    nothing else; replaying the records in order rebuilds an index that decides exactly as the saved one."""

    key: str
    cluster: int  # cluster number: clusters are numbered in founding order
    cluster_id: str  # the cluster's stable id (set by its founding claim)
    vec: bytes  # the embedding as stored: 384 little-endian float16
    ents: tuple[str, ...]  # sorted entity keys
    events: tuple[str, ...]  # sorted event types
    nums: tuple[str, ...]  # sorted numbers stated


# --------------------------------------------------------------------------------- claim text preparation

_LEAD = re.compile(r"^(?:that|whether|if|to)\s+", re.I)
_QUOTES = "\"'“”‘’«»„`"


def claim_text(text: str) -> str:
    """The proposition as embedded: outer quotes and a leading complementiser ("that ...") removed."""
    t = " ".join(text.split()).strip(_QUOTES + " ,;:")
    t = _LEAD.sub("", t)
    return t.strip(_QUOTES + " ,;:") or text.strip()


def _name_forms(keys: frozenset[str]) -> set[str]:
    """Comparable forms of entity keys: the name without its type (NER often calls a person an ORG) and,
    for multi-word names, the last word (a surname-only mention "clinton" may be "hillary clinton")."""
    out: set[str] = set()
    for k in keys:
        name = k.split(":", 1)[-1]
        out.add(name)
        words = name.split()
        if len(words) > 1 and k[:4] in ("PER:", "ORG:"):
            out.add(words[-1])
    return out


def entities_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two claims share an entity? Exact keys, or the same name under another type, or a surname-only
    key matching the last word of a full name."""
    if a & b:
        return True
    fa, fb = _name_forms(a), _name_forms(b)
    return bool({k.split(":", 1)[-1] for k in a} & fb or {k.split(":", 1)[-1] for k in b} & fa)


def compatible(
    ents_a: frozenset[str],
    ents_b: frozenset[str],
    events_a: frozenset[str],
    events_b: frozenset[str],
    nums_a: frozenset[str] = frozenset(),
    nums_b: frozenset[str] = frozenset(),
) -> bool:
    """May two claims be the same proposition? (Checks only the symbolic evidence, not the wording.)"""
    if ents_a and ents_b and not entities_overlap(ents_a, ents_b):
        return False
    if events_a and events_b and not (events_a & events_b):
        return False
    return numbers_agree(nums_a, nums_b)


def screen_cutoff(threshold: float, nbits: int, miss: float = SCREEN_MISS) -> int:
    """Largest Hamming distance between ``nbits``-bit sign sketches that is still scored exactly: a pair at
    cosine ``threshold`` disagrees on each random-hyperplane bit with probability acos(threshold) / pi, so the
    binomial tail above the cutoff is the chance of screening such a pair out; it is kept below ``miss``."""
    p = math.acos(max(-1.0, min(1.0, threshold))) / math.pi
    if p <= 0.0 or p >= 1.0:
        return 0 if p <= 0.0 else nbits
    tail = 0.0
    for k in range(nbits, -1, -1):  # log space: exact binomial terms overflow a float for long sketches
        log_term = math.lgamma(nbits + 1) - math.lgamma(k + 1) - math.lgamma(nbits - k + 1)
        tail += math.exp(log_term + k * math.log(p) + (nbits - k) * math.log1p(-p))
        if tail > miss:
            return k
    return nbits


def cluster_id_for(claim_key: str) -> str:
    return "tc_" + hashlib.sha1(claim_key.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------------------------- the index


class ClaimClusterer:
    """Incremental, persistable claim clusterer (see the module docstring for the decision rule)."""

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        *,
        centroid_margin: float = 0.08,
        tables: int = 20,
        bits: int = 12,
        probes: int = 3,
        max_bucket: int = 4,
        use_numbers: bool = True,
        exhaustive: bool = False,
        seed: int = 13,
        embedder: Encoder | None = None,
    ) -> None:
        self.threshold = float(threshold)
        self.centroid_margin = float(centroid_margin)
        self.tables = int(tables)
        self.bits = int(bits)
        self.probes = max(0, min(int(probes), int(bits)))
        self.max_bucket = int(max_bucket)
        self.use_numbers = bool(use_numbers)
        self.exhaustive = bool(exhaustive)  # score every stored claim (quadratic: for measuring the LSH only)
        self.seed = int(seed)
        self._embedder = embedder
        if not 1 <= self.bits <= MAX_BITS:
            raise ValueError(f"bits must be between 1 and {MAX_BITS}, not {self.bits}")
        if self.max_bucket < 1:
            raise ValueError(f"max_bucket must be >= 1, not {self.max_bucket}")
        rng = np.random.default_rng(self.seed)
        self._planes: F32 = rng.standard_normal((384, self.tables * self.bits)).astype(np.float32)
        self._pow: npt.NDArray[np.int64] = (1 << np.arange(self.bits, dtype=np.int64))[None, :]
        self._vecs: F32 = np.zeros((0, 384), dtype=np.float32)
        nbits = self.tables * self.bits
        self._sketch: npt.NDArray[np.uint64] = np.zeros((0, -(-nbits // 64)), dtype=np.uint64)
        self._max_hamming = screen_cutoff(self.threshold, nbits)
        self._n = 0
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._cluster: list[int] = []  # item -> cluster number
        self._ents: list[frozenset[str]] = []
        self._events: list[frozenset[str]] = []
        self._nums: list[frozenset[str]] = []
        self._cids: list[str] = []  # cluster number -> stable id
        self._cid_index: dict[str, int] = {}
        self._sums: F32 = np.zeros((0, 384), dtype=np.float32)
        self._sizes: list[int] = []
        # buckets as ring buffers: row ``table * 2**bits + code`` holds the bucket's ``max_bucket`` newest
        # members (-1 = empty slot); ``_fill`` counts the claims that ever entered it (next slot to overwrite)
        self._offsets = (np.arange(self.tables, dtype=np.int64) << self.bits)[:, None]
        self._ring: npt.NDArray[np.int32] = np.full((self.tables << self.bits, self.max_bucket), -1, np.int32)
        self._fill: npt.NDArray[np.int64] = np.zeros(self.tables << self.bits, dtype=np.int64)
        self.screened = 0  # bucket entries whose sign sketch was compared (cheap: a few machine words each)
        self.comparisons = 0  # candidate vectors scored by exact cosine (for the near-linear-cost check)

    # ------------------------------------------------------------------ public API

    def __len__(self) -> int:
        return self._n

    @property
    def n_clusters(self) -> int:
        return len(self._cids)

    def add(self, claim_key: str, text: str, entity_keys: frozenset[str], event_types: frozenset[str]) -> str:
        """Cluster id of the claim (added to the index unless the key is already there)."""
        return self.add_many([(claim_key, text, entity_keys, event_types)])[0]

    def add_many(self, items: list[Item], vectors: F32 | None = None) -> list[str]:
        """Cluster ids for ``items`` in order; new texts are embedded in one batch (or ``vectors`` is used:
        one L2-normalised row per item, e.g. precomputed by the caller)."""
        new = [i for i, it in enumerate(items) if it[0] not in self._index]
        vecs: F32 | None = None
        if vectors is not None:
            vecs = np.asarray(vectors, dtype=np.float32)
            if vecs.shape != (len(items), 384):
                raise ValueError(f"vectors must have shape ({len(items)}, 384), not {vecs.shape}")
        elif new:
            # one embedding per distinct new text (the same text may come from several articles)
            texts = sorted({claim_text(items[i][1]) for i in new})
            emb = self._encoder().encode(texts)
            row = {t: r for r, t in enumerate(texts)}
            vecs = np.zeros((len(items), 384), dtype=np.float32)
            for i in new:
                vecs[i] = emb[row[claim_text(items[i][1])]]
        out: list[str] = []
        for i, (key, text, ents, events) in enumerate(items):
            if key in self._index:
                out.append(self._cids[self._cluster[self._index[key]]])
                continue
            assert vecs is not None
            out.append(self._insert(key, text, frozenset(ents), frozenset(events), vecs[i]))
        return out

    def cluster_of(self, claim_key: str) -> str | None:
        i = self._index.get(claim_key)
        return None if i is None else self._cids[self._cluster[i]]

    def members(self, cluster_id: str) -> list[str]:
        c = self._cid_index.get(cluster_id)
        return [] if c is None else [k for k, cc in zip(self._keys, self._cluster, strict=True) if cc == c]

    def nearest(self, text: str, k: int = 10) -> list[tuple[str, float]]:
        """Approximate nearest tracked claims to ``text``: (cluster id, best cosine), best first."""
        v = self._round(self._encoder().encode([claim_text(text)])[0])
        cands = self._candidates(self._hash(v)[0])
        if not len(cands):
            return []
        sims = self._vecs.take(cands, axis=0) @ v
        best: dict[int, float] = {}
        for j, s in zip(cands.tolist(), sims.tolist(), strict=True):
            c = self._cluster[j]
            if s > best.get(c, -2.0):
                best[c] = s
        ranked = sorted(best.items(), key=lambda cs: -cs[1])[:k]
        return [(self._cids[c], float(s)) for c, s in ranked]

    # ------------------------------------------------------------------ persistence

    def params(self) -> dict[str, Any]:
        """The constructor arguments that determine decisions (JSON-able; ``ClaimClusterer(**params)``)."""
        return {
            "threshold": self.threshold,
            "centroid_margin": self.centroid_margin,
            "tables": self.tables,
            "bits": self.bits,
            "probes": self.probes,
            "max_bucket": self.max_bucket,
            "use_numbers": self.use_numbers,
            "exhaustive": self.exhaustive,
            "seed": self.seed,
        }

    def records(self, start: int = 0, stop: int | None = None) -> list[ItemRecord]:
        """The items ``start:stop`` in insertion order, as persisted: a store saves ``records(n_saved)``
        after each batch, so what it writes is proportional to what the batch added."""
        stop = self._n if stop is None else max(0, min(stop, self._n))
        start = max(0, min(start, stop))
        vecs = self._vecs[start:stop].astype("<f2")
        out = []
        for j, i in enumerate(range(start, stop)):
            c = self._cluster[i]
            out.append(
                ItemRecord(
                    self._keys[i],
                    c,
                    self._cids[c],
                    vecs[j].tobytes(),
                    tuple(sorted(self._ents[i])),
                    tuple(sorted(self._events[i])),
                    tuple(sorted(self._nums[i])),
                )
            )
        return out

    def restore(self, records: Iterable[ItemRecord]) -> None:
        """Append saved items (from :meth:`records`, in order) without deciding anything: the index then
        holds exactly what the saving clusterer held after those items. Raises ``ValueError`` on records that
        cannot continue this index (a key already present, a cluster number out of sequence, a bad vector)."""
        recs = list(records)
        if not recs:
            return
        try:
            raw = np.frombuffer(b"".join(r.vec for r in recs), dtype="<f2")
            vecs = raw.reshape(len(recs), 384).astype(np.float32)
        except ValueError as exc:
            raise ValueError(f"corrupt tracked claim vectors: {exc}") from exc
        self._restore(
            [r.key for r in recs],
            [int(r.cluster) for r in recs],
            [r.cluster_id for r in recs],
            vecs,
            [frozenset(r.ents) for r in recs],
            [frozenset(r.events) for r in recs],
            [frozenset(r.nums) for r in recs],
        )

    def state(self) -> bytes:
        """Whole snapshot (npz: float16 vectors + JSON metadata); buckets are rebuilt on load. The store
        persists :meth:`records` instead (a batch's cost does not grow with the index); this format remains
        for files and for stores written before that."""
        meta = {
            "format": STATE_FORMAT,
            "params": self.params(),
            "keys": self._keys,
            "cids": self._cids,
            "ents": [sorted(e) for e in self._ents],
            "events": [sorted(e) for e in self._events],
            "nums": [sorted(e) for e in self._nums],
        }
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            vecs=self._vecs[: self._n].astype(np.float16),
            cluster=np.asarray(self._cluster, dtype=np.int32),
            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        )
        return buf.getvalue()

    @classmethod
    def from_state(cls, b: bytes, *, embedder: Encoder | None = None) -> ClaimClusterer:
        """Restore a clusterer saved with :meth:`state` (raises ``ValueError`` on a foreign blob)."""
        try:
            with np.load(io.BytesIO(b), allow_pickle=False) as z:
                vecs = z["vecs"].astype(np.float32)
                cluster = z["cluster"].astype(np.int64)
                meta: dict[str, Any] = json.loads(z["meta"].tobytes().decode("utf-8"))
        except Exception as exc:
            raise ValueError(f"not a ClaimClusterer state: {exc}") from exc
        if meta.get("format") != STATE_FORMAT:
            raise ValueError(f"unsupported ClaimClusterer state format {meta.get('format')!r}")
        self = cls(**meta["params"], embedder=embedder)
        n = len(meta["keys"])
        if vecs.shape != (n, 384) or cluster.shape != (n,):
            raise ValueError("corrupt ClaimClusterer state: array shapes do not match the metadata")
        cids = list(meta["cids"])
        if n and (int(cluster.min()) < 0 or int(cluster.max()) >= len(cids)):
            raise ValueError("corrupt ClaimClusterer state: cluster numbers out of range")
        self._restore(
            list(meta["keys"]),
            [int(c) for c in cluster],
            [cids[int(c)] for c in cluster],
            vecs,
            [frozenset(e) for e in meta["ents"]],
            [frozenset(e) for e in meta["events"]],
            [frozenset(e) for e in meta["nums"]],
        )
        if len(self._cids) != len(cids):
            raise ValueError("corrupt ClaimClusterer state: a cluster without claims")
        return self

    # ------------------------------------------------------------------ internals

    def _restore(
        self,
        keys: Sequence[str],
        clusters: Sequence[int],
        cids: Sequence[str],
        vecs: F32,
        ents: Sequence[frozenset[str]],
        events: Sequence[frozenset[str]],
        nums: Sequence[frozenset[str]],
    ) -> None:
        """Append items exactly as :meth:`_insert` stored them (``vecs``: already float16-rounded), in order:
        sums, sketches and bucket rings then match the saving clusterer's bit for bit."""
        k = len(keys)
        if (
            vecs.shape != (k, 384)
            or not len(clusters) == len(cids) == len(ents) == len(events) == len(nums) == k
        ):
            raise ValueError("corrupt tracked claims: columns of different lengths")
        self._reserve(self._n + k)
        for j in range(k):
            key, c, cid = keys[j], clusters[j], cids[j]
            if key in self._index:
                raise ValueError(f"corrupt tracked claims: {key!r} stored twice")
            if c == len(self._cids):
                self._new_cluster(cid)
            elif not 0 <= c < len(self._cids) or self._cids[c] != cid:
                raise ValueError(f"corrupt tracked claims: {key!r} in cluster {c} ({cid}) out of sequence")
            v = vecs[j]
            # hashed one row at a time, exactly as at insertion: a batched matrix product rounds differently
            # and could flip the sign of a projection that is almost zero
            self._append(key, v, self._hash(v), c, ents[j], events[j], nums[j])

    def _reserve(self, n: int) -> None:
        """Room for ``n`` items in the vector and sketch arrays (grown by doubling)."""
        if n <= len(self._vecs):
            return
        i = self._n
        size = max(64, 2 * len(self._vecs), n)
        grown = np.zeros((size, 384), dtype=np.float32)
        grown[:i] = self._vecs[:i]
        self._vecs = grown
        grown_sk = np.zeros((size, self._sketch.shape[1]), dtype=np.uint64)
        grown_sk[:i] = self._sketch[:i]
        self._sketch = grown_sk

    def _new_cluster(self, cid: str) -> int:
        """Number a new cluster (founding order) with its stable id."""
        c = len(self._cids)
        self._cids.append(cid)
        self._cid_index[cid] = c
        self._sizes.append(0)
        if c >= len(self._sums):
            grown = np.zeros((max(64, 2 * len(self._sums)), 384), dtype=np.float32)
            grown[: len(self._sums)] = self._sums
            self._sums = grown
        return c

    def _encoder(self) -> Encoder:
        if self._embedder is None:
            from newsgraph.track.embed import get_embedder

            self._embedder = get_embedder()
        return self._embedder

    @staticmethod
    def _round(v: F32) -> F32:
        out: F32 = np.asarray(v, dtype=np.float32).astype(np.float16).astype(np.float32)
        return out

    def _hash(self, v: F32) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]]:
        """The claim's probe codes and its sign sketch.

        Probes: (tables, 1 + probes) codes, per table the claim's own bucket, then the buckets reached by
        flipping one of its ``probes`` least certain sign bits (query-directed multi-probe LSH: a near neighbour
        that differs from the claim in one bit most likely differs in a bit whose projection was close to zero).
        Sketch: all ``tables x bits`` sign bits packed into 64-bit words; the fraction of bits two claims
        disagree on estimates their angle / pi (Charikar's SimHash)."""
        flat = v @ self._planes
        signs = flat > 0
        packed = np.zeros(self._sketch.shape[1] * 8, dtype=np.uint8)
        bits = np.packbits(signs)
        packed[: len(bits)] = bits
        proj = flat.reshape(self.tables, self.bits)
        codes = (signs.reshape(self.tables, self.bits).astype(np.int64) * self._pow).sum(axis=1)
        if not self.probes:
            return codes[:, None], packed.view(np.uint64)
        weak = np.argpartition(np.abs(proj), self.probes - 1, axis=1)[:, : self.probes]
        flipped = codes[:, None] ^ (np.int64(1) << weak.astype(np.int64))
        return np.concatenate([codes[:, None], flipped], axis=1), packed.view(np.uint64)

    def _slots(self, probes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The stored claims in the probed buckets, one entry per bucket slot (a claim sharing several probed
        buckets appears several times). Each bucket holds only its ``max_bucket`` newest members, so the work
        per claim is bounded (tables x (1 + probes) x max_bucket) however large the index grows; in a crowded
        bucket the newest members stand for their (already merged) clusters. One gather, no per-bucket Python."""
        hits = self._ring.take((probes + self._offsets).ravel(), axis=0).ravel()
        out: npt.NDArray[np.int64] = hits[hits >= 0].astype(np.int64)
        return out

    def _candidates(self, probes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Distinct stored claims in the probed buckets, in index order."""
        return np.unique(self._slots(probes))

    def _hamming(self, rows: npt.NDArray[np.int64], sketch: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint16]:
        """Hamming distance between ``sketch`` and the stored sketches of ``rows``."""
        diff = self._sketch.take(rows, axis=0)
        diff ^= sketch
        counts = np.bitwise_count(diff)
        out: npt.NDArray[np.uint16] = counts[:, 0].astype(np.uint16)
        for w in range(1, counts.shape[1]):  # a handful of words: cheaper than a reduction over a short axis
            out += counts[:, w]
        return out

    def _bucket_add(self, codes: npt.NDArray[np.int64], i: int) -> None:
        """Put claim ``i`` into its bucket in every table (``codes``: one per table), evicting the oldest."""
        at = codes + self._offsets[:, 0]
        fill = self._fill.take(at)
        self._ring[at, fill % self.max_bucket] = i
        self._fill[at] = fill + 1

    def _insert(self, key: str, text: str, ents: frozenset[str], events: frozenset[str], vec: F32) -> str:
        v = self._round(vec)
        nums = numbers(text) if self.use_numbers else frozenset()
        probes, sketch = self._hash(v)
        if self.exhaustive:
            cands = np.arange(self._n)
        else:
            # screen every bucket entry on its sketch first (a few words each), then score the survivors
            slots = self._slots(probes)
            self.screened += len(slots)
            cands = np.unique(slots[self._hamming(slots, sketch) <= self._max_hamming])
        chosen = -1
        if len(cands):
            self.comparisons += len(cands)
            sims = (self._vecs[: self._n] if self.exhaustive else self._vecs.take(cands, axis=0)) @ v
            above = np.flatnonzero(sims >= self.threshold)
            order = above[np.argsort(-sims[above], kind="stable")]
            tried: set[int] = set()
            for j in cands[order].tolist():
                c = self._cluster[j]
                if c in tried or not compatible(
                    ents, self._ents[j], events, self._events[j], nums, self._nums[j]
                ):
                    continue
                tried.add(c)
                centroid = self._sums[c]
                norm = float(np.sqrt(centroid @ centroid))
                if norm > 0 and float(centroid @ v) / norm >= self.threshold - self.centroid_margin:
                    chosen = c
                    break
        if chosen < 0:
            chosen = self._new_cluster(cluster_id_for(key))
        self._reserve(self._n + 1)
        self._append(key, v, (probes, sketch), chosen, ents, events, nums)
        return self._cids[chosen]

    def _append(
        self,
        key: str,
        v: F32,
        hashed: tuple[npt.NDArray[np.int64], npt.NDArray[np.uint64]],
        c: int,
        ents: frozenset[str],
        events: frozenset[str],
        nums: frozenset[str],
    ) -> None:
        """Store claim ``key`` as the next item, in cluster ``c`` (room reserved): its row (vector ``v`` and the
        sketch of ``hashed``, from :meth:`_hash`), its sets, the cluster's sum and size, and its buckets."""
        probes, sketch = hashed
        i = self._n
        self._vecs[i] = v
        self._sketch[i] = sketch
        self._n += 1
        self._keys.append(key)
        self._index[key] = i
        self._ents.append(ents)
        self._events.append(events)
        self._nums.append(nums)
        self._cluster.append(c)
        self._sums[c] += v
        self._sizes[c] += 1
        self._bucket_add(probes[:, 0], i)
