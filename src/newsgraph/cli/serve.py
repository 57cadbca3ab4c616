"""``newsgraph serve``: the REST API and web UI."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsgraph.cli import app


@app.command()
def serve(
    db: Annotated[
        str | None,
        typer.Option(help="SQLite path or postgresql:// URL (default $NEWSGRAPH_DB or ./newsgraph.db)."),
    ] = None,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Extraction worker threads.")] = 2,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the web UI.

    Reads are open; writes (POST /api/articles, the Analyse box) need `NEWSGRAPH_TOKEN` set on the server and
    sent as `Authorization: Bearer <token>` (or typed into the form).

    Example:

      NEWSGRAPH_TOKEN=s3cret newsgraph serve --db demo.db --port 8000
    """
    import uvicorn

    from newsgraph.api.app import create_app, settings_from_env
    from newsgraph.store import default_db, open_store

    settings = settings_from_env(db or default_db())
    settings.extract_workers = workers
    with open_store(settings.db):  # create/migrate once up front, fail early with a clear message
        pass
    if not settings.token and not settings.open_writes:
        typer.echo("newsgraph: NEWSGRAPH_TOKEN is not set: the API is read-only", err=True)
    uvicorn.run(
        create_app(settings), host=host, port=port, log_level=os.environ.get("NEWSGRAPH_LOG_LEVEL", "info")
    )
