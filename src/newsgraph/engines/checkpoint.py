"""Resume records for interrupted runs.

A checkpoint is a small JSON file written *atomically* (temporary file, ``fsync``, ``os.replace``, ``fsync`` of the
directory) after a batch's output has been flushed and fsynced. It records where the input stream stands
(segment index and documents done inside it: for a WARC file that is the record index) and where the output stands
(JSONL byte length / number of closed Parquet shards). A run killed at any instant therefore resumes from the last
completed batch: output written after the checkpoint is cut off, and the batches after it are processed again.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CHECKPOINT_VERSION = 1


class CheckpointMismatch(ValueError):
    """The checkpoint was written by a run with other inputs or options: resuming would mix two outputs."""


@dataclass
class Position:
    """Where the input stream stands: ``docs`` documents of segment ``segment`` are done (and all before it)."""

    segment: int = 0
    docs: int = 0


@dataclass
class Checkpoint:
    """Everything needed to continue a run: the run's identity, the input position and the sink's state."""

    inputs: list[str]
    options: dict[str, Any]
    position: Position = field(default_factory=Position)
    docs_done: int = 0
    articles_written: int = 0
    articles_with_errors: int = 0
    sink: dict[str, Any] = field(default_factory=dict)
    last_source: dict[str, Any] | None = None
    finished: bool = False
    version: int = CHECKPOINT_VERSION

    def check_compatible(self, inputs: list[str], options: dict[str, Any]) -> None:
        """Raise :class:`CheckpointMismatch` unless this checkpoint belongs to a run with these inputs/options."""
        if self.version != CHECKPOINT_VERSION:
            raise CheckpointMismatch(f"checkpoint version {self.version} != {CHECKPOINT_VERSION}")
        if self.inputs != inputs:
            raise CheckpointMismatch(f"checkpoint is for inputs {self.inputs!r}, not {inputs!r}")
        for key, value in options.items():
            if self.options.get(key) != value:
                raise CheckpointMismatch(
                    f"checkpoint was written with {key}={self.options.get(key)!r}, this run has {key}={value!r}"
                )


def default_checkpoint_path(output: Path, *, directory: bool = False) -> Path:
    """``out.jsonl`` -> ``out.jsonl.checkpoint.json``; a Parquet directory keeps it inside: ``DIR/_checkpoint.json``."""
    if directory:
        return output / "_checkpoint.json"
    return output.with_name(output.name + ".checkpoint.json")


def fsync_dir(path: Path) -> None:
    """Make a rename/creation inside ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def save(path: Path, cp: Checkpoint) -> None:
    """Write ``cp`` to ``path`` atomically: a reader (or a resumed run) sees the old or the new record, never half."""
    tmp = path.with_name(path.name + ".tmp")
    data = json.dumps(asdict(cp), ensure_ascii=False, sort_keys=True).encode("utf-8")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def load(path: Path) -> Checkpoint | None:
    """The checkpoint at ``path``, or ``None`` when there is none (a leftover ``.tmp`` is ignored)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    pos = raw.pop("position", {}) or {}
    return Checkpoint(position=Position(**pos), **raw)
