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
    forwarded_allow_ips: Annotated[
        str,
        typer.Option(
            help="Comma-separated proxy addresses whose X-Forwarded-For/-Proto are trusted (default: none; "
            "$NEWSGRAPH_FORWARDED_ALLOW_IPS)."
        ),
    ] = "",
    allowed_hosts: Annotated[
        str,
        typer.Option(
            help="Comma-separated Host names the server answers to (default: the bind address and localhost; "
            "$NEWSGRAPH_ALLOWED_HOSTS)."
        ),
    ] = "",
) -> None:
    """Serve the REST API (/api, docs at /docs) and the web UI.

    Reads are open; writes (POST /api/articles, the Analyse box) need `NEWSGRAPH_TOKEN` set on the server and
    sent as `Authorization: Bearer <token>` (or typed into the form).

    Example:

      NEWSGRAPH_TOKEN=s3cret newsgraph serve --db demo.db --port 8000

      newsgraph serve --host 0.0.0.0 --allowed-hosts news.example.org --forwarded-allow-ips 10.0.0.5
    """
    from newsgraph.api.app import create_app, settings_from_env
    from newsgraph.api.guards import default_hosts
    from newsgraph.api.server import run
    from newsgraph.cli.output import user_errors
    from newsgraph.store import default_db, open_store

    settings = settings_from_env(db or default_db())
    settings.extract_workers = workers
    hosts = allowed_hosts or os.environ.get("NEWSGRAPH_ALLOWED_HOSTS", "")
    settings.allowed_hosts = [h.strip() for h in hosts.split(",") if h.strip()] or default_hosts(host)
    with (
        user_errors(),
        open_store(settings.db),
    ):  # create/migrate once up front: a clear one-line error, exit 2
        pass
    if not settings.token and not settings.open_writes:
        typer.echo("newsgraph: NEWSGRAPH_TOKEN is not set: the API is read-only", err=True)
    run(
        create_app(settings),
        host=host,
        port=port,
        forwarded_allow_ips=forwarded_allow_ips or os.environ.get("NEWSGRAPH_FORWARDED_ALLOW_IPS", ""),
        log_level=os.environ.get("NEWSGRAPH_LOG_LEVEL", "info"),
    )
