"""Where streamed :class:`~newsgraph.models.Article` records go: JSONL, Parquet shards, or a store.

Every sink has the same small interface (:class:`Sink`): ``write`` a batch, ``commit`` (make what was written
durable and return a state a checkpoint can store), ``close``. A sink built with ``resume_state`` cuts off anything
written after that state, so a resumed run appends exactly where the checkpointed run stood.

Parquet layout: one column per :class:`Article` field; plain string fields (``id``, ``language``, ``title``,
``published``, ``body``, ...) are typed string columns, nested fields (``source``, ``quotes``, ``claims``, ...) are
JSON text columns holding exactly the contract's JSON. :func:`article_from_row` turns a row back into an Article.
"""

from __future__ import annotations

import json
import os
import types
import typing
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from newsgraph.engines.checkpoint import CheckpointMismatch, fsync_dir
from newsgraph.models import Article


class Sink(Protocol):
    """A destination for streamed articles."""

    def write(self, articles: Sequence[Article]) -> None: ...

    def commit(self, *, force: bool = False) -> dict[str, Any] | None:
        """Make everything written so far durable and return the state to checkpoint, or ``None`` when the sink
        cannot reach a durable point now without ``force`` (a Parquet shard that is not full yet)."""
        ...

    def close(self) -> None: ...


# ---------------------------------------------------------------------------------------------------- columns


def _is_plain_string(annotation: Any) -> bool:
    if annotation is str:
        return True
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    return origin in (typing.Union, types.UnionType) and set(args) == {str, type(None)}


STRING_COLUMNS: tuple[str, ...] = tuple(
    n for n, f in Article.model_fields.items() if _is_plain_string(f.annotation)
)
JSON_COLUMNS: tuple[str, ...] = tuple(n for n in Article.model_fields if n not in STRING_COLUMNS)
COLUMNS: tuple[str, ...] = tuple(Article.model_fields)


def arrow_schema() -> Any:
    """The Parquet schema derived from the pydantic contract (JSON columns carry the field's JSON Schema)."""
    import pyarrow as pa

    schema = Article.model_json_schema()
    props = schema.get("properties", {})
    fields = []
    for name in COLUMNS:
        meta = {b"newsgraph": b"string" if name in STRING_COLUMNS else b"json"}
        if name in JSON_COLUMNS:
            meta[b"json_schema"] = json.dumps(props.get(name, {}), sort_keys=True).encode()
        fields.append(pa.field(name, pa.string(), nullable=name != "id", metadata=meta))
    return pa.schema(
        fields,
        metadata={b"newsgraph_schema_version": Article.model_fields["schema_version"].default.encode()},
    )


def article_to_row(article: Article) -> dict[str, str | None]:
    """One Parquet/Arrow row: plain fields as strings, nested fields as their contract JSON."""
    data = article.model_dump(mode="json")
    row: dict[str, str | None] = {}
    for name in COLUMNS:
        value = data[name]
        row[name] = value if name in STRING_COLUMNS else json.dumps(value, ensure_ascii=False)
    return row


def articles_to_columns(articles: Sequence[Article]) -> dict[str, list[str | None]]:
    """Column-major form of :func:`article_to_row` (what ``pyarrow.Table.from_pydict`` and Ray batches take)."""
    cols: dict[str, list[str | None]] = {name: [] for name in COLUMNS}
    for art in articles:
        for name, value in article_to_row(art).items():
            cols[name].append(value)
    return cols


def article_from_row(row: dict[str, Any]) -> Article:
    """Inverse of :func:`article_to_row`."""
    data = {
        n: (row.get(n) if n in STRING_COLUMNS else json.loads(row[n]))
        for n in COLUMNS
        if row.get(n) is not None
    }
    return Article.model_validate(data)


def read_parquet_articles(
    location: str | Path, *, on_error: Callable[[str], None] | None = None
) -> Iterator[Article]:
    """Articles stored in a Parquet file, or in the Parquet shards of a directory (a path or a filesystem URI) in
    shard-name order (input order for both engines' shards), then row order.

    A file that is not a newsgraph record file, or is damaged, raises ``ValueError`` naming it; with
    ``on_error`` the message goes there instead and the other files are still read.
    """
    import pyarrow.fs as pafs

    fs, root = output_filesystem(location)
    if fs.get_file_info(root).type == pafs.FileType.File:
        files = [root]
    else:
        names = sorted(n for n in list_names(fs, root) if n.endswith(".parquet") and not n.startswith("."))
        files = [f"{root}/{n}" for n in names]
    for path in files:
        try:
            yield from _read_one(fs, path)
        except (ValueError, OSError) as exc:
            message = str(exc) if path in str(exc) else f"{path}: {exc}"
            if on_error is None:
                raise ValueError(message) from exc
            on_error(message)


def _read_one(fs: Any, path: str) -> Iterator[Article]:
    import pyarrow.parquet as pq

    with fs.open_input_file(path) as fh:
        pf = pq.ParquetFile(fh)
        missing = {"id", "source", "body"} - set(pf.schema_arrow.names)
        if missing:
            raise ValueError(f"{path}: not a newsgraph record file (no {', '.join(sorted(missing))} column)")
        for batch in pf.iter_batches(batch_size=256):
            for i, row in enumerate(batch.to_pylist()):
                try:
                    yield article_from_row(row)
                except ValueError as exc:  # pydantic's ValidationError and json's errors are ValueErrors
                    raise ValueError(f"{path}: unreadable record (row {i} of a batch): {exc}") from exc


# ---------------------------------------------------------------------------------------------------- filesystems


def output_filesystem(out: str | Path) -> tuple[Any, str]:
    """A pyarrow filesystem and the path inside it: a local directory, or a URI (``s3://``, ``gs://``, ...)."""
    import pyarrow.fs as pafs

    text = str(out)
    if "://" in text:
        fs, path = pafs.FileSystem.from_uri(text)
        return fs, path.rstrip("/")
    return pafs.LocalFileSystem(), str(Path(text).resolve())


def list_names(fs: Any, root: str) -> list[str]:
    import pyarrow.fs as pafs

    return [info.base_name for info in fs.get_file_info(pafs.FileSelector(root, allow_not_found=True))]


def write_parquet_atomically(fs: Any, root: str, name: str, table: Any) -> None:
    """Write ``table`` as ``root/name`` so that readers (and a resumed run) only ever see a complete file."""
    import pyarrow.fs as pafs
    import pyarrow.parquet as pq

    final = f"{root}/{name}"
    tmp = f"{root}/.{name}.{uuid.uuid4().hex}.tmp"
    if isinstance(fs, pafs.LocalFileSystem):
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        fsync_dir(Path(root))
        return
    with fs.open_output_stream(tmp) as stream:
        pq.write_table(table, stream, compression="zstd")
    fs.move(tmp, final)


# ---------------------------------------------------------------------------------------------------- sinks


class JsonlSink:
    """One JSON object per line. Resuming truncates the file to the checkpointed byte length."""

    def __init__(self, path: Path, *, resume_state: dict[str, Any] | None = None) -> None:
        self.path = path
        if resume_state is not None:
            size = int(resume_state.get("bytes", 0))
            have = path.stat().st_size if path.exists() else 0
            if have < size:
                raise CheckpointMismatch(f"{path} holds {have:,} bytes, the checkpoint expects {size:,}")
            self._fh: IO[bytes] = open(path, "r+b") if path.exists() else open(path, "w+b")  # noqa: SIM115
            self._fh.truncate(size)
            self._fh.seek(0, os.SEEK_END)
            self.records = int(resume_state.get("records", 0))
        else:
            self._fh = open(path, "wb")  # noqa: SIM115 - a sink holds its file until close()
            self.records = 0

    def write(self, articles: Sequence[Article]) -> None:
        for art in articles:
            self._fh.write(art.model_dump_json().encode("utf-8") + b"\n")
        self.records += len(articles)

    def commit(self, *, force: bool = False) -> dict[str, Any] | None:
        self._fh.flush()
        os.fsync(self._fh.fileno())
        return {"bytes": self._fh.tell(), "records": self.records}

    def close(self) -> None:
        if not self._fh.closed:
            self.commit()
            self._fh.close()


class ParquetShardSink:
    """Parquet shards ``part-00000.parquet``, ... in a directory.

    A shard is written as ``.tmp`` and renamed when complete, so a killed run leaves only whole shards. A shard
    closes after ``shard_batches`` batches (``commit`` returns a state only then: checkpoints happen at shard
    boundaries) and holds one row group per batch.
    """

    def __init__(
        self, directory: Path, *, shard_batches: int = 32, resume_state: dict[str, Any] | None = None
    ) -> None:
        self.directory = directory
        self.shard_batches = shard_batches
        directory.mkdir(parents=True, exist_ok=True)
        self.shards = int(resume_state.get("shards", 0)) if resume_state else 0
        self.records = int(resume_state.get("records", 0)) if resume_state else 0
        missing = [i for i in range(self.shards) if not self._shard_path(i).exists()]
        if missing:
            raise CheckpointMismatch(f"{directory} lacks shard(s) {missing} that the checkpoint records")
        for stale in directory.glob("part-*.parquet*"):
            idx = stale.name.split(".")[0].removeprefix("part-")
            if stale.name.endswith(".tmp") or (idx.isdigit() and int(idx) >= self.shards):
                stale.unlink()
        self._writer: Any = None
        self._batches_in_shard = 0
        self._schema = arrow_schema()

    def _shard_path(self, index: int) -> Path:
        return self.directory / f"part-{index:05d}.parquet"

    def write(self, articles: Sequence[Article]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not articles:
            return
        if self._writer is None:
            tmp = self._shard_path(self.shards).with_suffix(".parquet.tmp")
            self._writer = pq.ParquetWriter(tmp, self._schema, compression="zstd")
        self._writer.write_table(pa.Table.from_pydict(articles_to_columns(articles), schema=self._schema))
        self._batches_in_shard += 1
        self.records += len(articles)

    def _close_shard(self) -> None:
        if self._writer is None:
            return
        self._writer.close()
        self._writer = None
        tmp = self._shard_path(self.shards).with_suffix(".parquet.tmp")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self._shard_path(self.shards))
        fsync_dir(self.directory)
        self.shards += 1
        self._batches_in_shard = 0

    def commit(self, *, force: bool = False) -> dict[str, Any] | None:
        if self._writer is not None and (force or self._batches_in_shard >= self.shard_batches):
            self._close_shard()
        elif self._writer is not None:
            return None
        return {"shards": self.shards, "records": self.records}

    def close(self) -> None:
        self._close_shard()


class StoreLike(Protocol):
    def add_articles(self, articles: Sequence[Article], *, batch_size: int = ...) -> Any: ...


class StoreSink:
    """Hand each batch to a store's ``add_articles`` (one transaction per batch, idempotent on article id);
    ``result`` sums what the store reported (added, duplicates, failed)."""

    def __init__(self, store: StoreLike) -> None:
        self.store = store
        self.records = 0
        self.result: Any = None

    def write(self, articles: Sequence[Article]) -> None:
        if not articles:
            return
        res = self.store.add_articles(articles, batch_size=len(articles))
        self.result = res if self.result is None else self.result + res
        self.records += len(articles)

    def commit(self, *, force: bool = False) -> dict[str, Any] | None:
        return {"records": self.records}

    def close(self) -> None:
        close = getattr(self.store, "close", None)
        if callable(close):
            close()


class TeeSink:
    """Write every batch to a primary sink (whose state is the checkpoint's) and to secondary sinks (a store
    beside a JSONL file, say). Secondary sinks must be idempotent: a resumed run hands them a batch again."""

    def __init__(self, primary: Sink, *others: Sink) -> None:
        self.primary = primary
        self.others = others

    def write(self, articles: Sequence[Article]) -> None:
        self.primary.write(articles)
        for sink in self.others:
            sink.write(articles)

    def commit(self, *, force: bool = False) -> dict[str, Any] | None:
        for sink in self.others:
            sink.commit(force=force)
        return self.primary.commit(force=force)

    def close(self) -> None:
        self.primary.close()
        for sink in self.others:
            sink.close()
