"""The collector's User-Agent: ``newsgraph/<version> (+<project URL>)``, the URL from the package metadata
(``[project.urls]`` in pyproject.toml), as the real fixture server receives it; ``--user-agent`` replaces it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import _register, app
from newsgraph.collect import USER_AGENT
from newsgraph.collect.config import DEFAULT_PROJECT_URL, project_url, url_from_metadata, user_agent
from tests.collect.site import BETA, FixtureSite
from tests.conftest import ROOT

_register()
runner = CliRunner()
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _args(site: FixtureSite) -> list[str]:
    return ["--rate", "20", "--timeout", "0.5", "--retries", "0", "--no-nlp", "--quiet",
            "--resolve", f"{BETA}:127.0.0.1"]  # fmt: skip


def test_project_url_is_the_pyproject_homepage() -> None:
    home = PYPROJECT["project"]["urls"]["Homepage"]
    assert home.startswith("https://")
    # from the installed metadata when it lists the URL, else the fallback, which must be the same URL
    assert project_url() == home
    assert home == DEFAULT_PROJECT_URL


def test_url_from_metadata_reads_labels_in_order() -> None:
    urls = [
        "Documentation, https://d.example/docs",
        "Repository, https://r.example",
        "Home-Page, https://h.example",
    ]
    assert url_from_metadata(urls) == "https://h.example"  # "Home-Page" is the homepage label
    assert url_from_metadata(urls[:2]) == "https://r.example"
    assert url_from_metadata(urls[:1], "https://old.example") == "https://old.example"  # Home-page field
    assert url_from_metadata(["Homepage,", "broken"], None) is None


def test_user_agent_is_version_and_project_url() -> None:
    assert f"newsgraph/{newsgraph.__version__} (+{project_url()})" == USER_AGENT
    assert re.fullmatch(r"newsgraph/\d+\.\d+\.\d+\S* \(\+https://\S+\)", USER_AGENT)
    assert user_agent("mailto:ops@example.org") == USER_AGENT[:-1] + "; mailto:ops@example.org)"


def test_server_receives_our_user_agent_and_the_one_given(tmp_path: Path) -> None:
    home = PYPROJECT["project"]["urls"]["Homepage"]
    want = f"newsgraph/{newsgraph.__version__} (+{home})"
    mine = "newsgraph/0.1.0 (+https://github.com/newsgraph/newsgraph; mailto:desk@example.org)"
    with FixtureSite() as site:
        r = runner.invoke(
            app, ["collect", site.url(BETA, "/atom.xml"), "--db", str(tmp_path / "a.db"), *_args(site)]
        )
        assert r.exit_code == 0, r.output
        default = {h.headers["user-agent"] for h in site.log}
        n = len(site.log)
        r = runner.invoke(
            app,
            [
                "collect",
                site.url(BETA, "/atom.xml"),
                "--db",
                str(tmp_path / "b.db"),
                *_args(site),
                "--user-agent",
                mine,
            ],
        )
        assert r.exit_code == 0, r.output
        given = {h.headers["user-agent"] for h in site.log[n:]}
    assert n >= 3  # robots.txt, the feed and its pages
    assert default == {want}
    assert given == {mine}


def test_a_broken_user_agent_is_a_usage_error(tmp_path: Path) -> None:
    r = runner.invoke(app, ["collect", "urls.txt", "--db", str(tmp_path / "c.db"), "--user-agent", " "])
    assert r.exit_code == 2
    assert "--user-agent" in r.stderr
