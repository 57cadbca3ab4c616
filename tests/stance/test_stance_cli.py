"""``newsgraph stance`` on tiny FNC-1-layout files written here, bad rows included."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.stance.batch import read_bodies, read_pairs
from tests.stance.test_stance_model import ROVER, SPIDER


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    bodies = tmp_path / "bodies.csv"
    with bodies.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Body ID", "articleBody"])
        w.writerow(["1", SPIDER])
        w.writerow(["2", ROVER])
        w.writerow(["3", "   "])  # empty body
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "Headline,Body ID\n"
        "Spider burrowed into tourist's stomach,1\n"  # row 2
        ",2\n"  # row 3: empty headline
        "Curiosity rover finds water ice on Mars,2\n"  # row 4
        "Some headline,99\n"  # row 5: no such body
        "Too,many,fields\n"  # row 6
        '"Apple unveils a thinner iPhone, with a new camera",1\n'  # row 7
        "Mayor resigns,3\n",  # row 8: its body was empty
        encoding="utf-8",
    )
    return pairs, bodies


def test_readers_report_bad_rows_and_keep_the_rest(files: tuple[Path, Path]) -> None:
    pairs, bodies = files
    body_map, berr = read_bodies(bodies)
    assert set(body_map) == {"1", "2"}
    assert [(e.row, "empty articleBody" in e.message) for e in berr] == [(4, True)]
    got, perr = read_pairs(pairs, body_map)
    assert [(p.row, p.body_id) for p in got] == [(2, "1"), (4, "2"), (7, "1")]
    assert [e.row for e in perr] == [3, 5, 6, 8]
    assert "empty Headline" in perr[0].message
    assert "99 is not in the bodies file" in perr[1].message
    assert "expected 2 fields, got 3" in perr[2].message


def test_missing_columns_is_one_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "p.csv"
    p.write_text("Title,Body\nx,1\n", encoding="utf-8")
    got, errs = read_pairs(p, {"1": "text"})
    assert got == [] and len(errs) == 1 and "missing column(s) Headline, Body ID" in errs[0].message


def test_cli_labels_good_rows_and_reports_bad_ones(files: tuple[Path, Path], tmp_path: Path) -> None:
    from newsgraph.cli import _register, app

    _register()
    pairs, bodies = files
    out = tmp_path / "out.csv"
    res = CliRunner().invoke(app, ["stance", "--pairs", str(pairs), "--bodies", str(bodies), "-o", str(out)])
    assert res.exit_code == 1, res.output  # some rows were skipped
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["Body ID"] for r in rows] == ["1", "2", "1"]
    assert list(rows[0]) == ["Headline", "Body ID", "Stance"]
    assert [r["Stance"] for r in rows] == ["disagree", "agree", "unrelated"]
    assert rows[2]["Headline"] == "Apple unveils a thinner iPhone, with a new camera"
    for n in (3, 4, 5, 6, 8):
        assert f"row {n}:" in res.stderr
    assert "3 pairs labelled, 5 rows skipped" in res.stderr


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    from newsgraph.cli import _register, app

    _register()
    runner = CliRunner()
    res = runner.invoke(
        app, ["stance", "--pairs", str(tmp_path / "none.csv"), "--bodies", str(tmp_path / "x")]
    )
    assert res.exit_code == 2 and "no such file" in res.stderr
    assert "Examples" in runner.invoke(app, ["stance", "--help"]).output
