"""Exact-output tests for `readouts actors who|find|import|check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from readouts.cli import app

runner = CliRunner()
RES = Path(__file__).resolve().parent / "resources" / "actors"


@pytest.fixture(autouse=True)
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point READOUTS_HOME at an empty directory so no user overlay leaks in."""
    monkeypatch.setenv("READOUTS_HOME", str(tmp_path))
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["actors", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("country", "office", "on", "name"),
    [
        ("RUS", "defense_minister", "2024-06-25", "Andrei Belousov"),
        ("RUS", "defense_minister", "2022-02-24", "Sergei Shoigu"),
        ("USA", "foreign_minister", "2015-05-12", "John Kerry"),
        ("FRA", "foreign_minister", "2019-06-01", "Jean-Yves Le Drian"),
    ],
)
def test_who_prints_the_name_last(country: str, office: str, on: str, name: str) -> None:
    code, out, _ = run("who", country, office, "--on", on)
    assert code == 0
    assert out.splitlines()[-1] == name


def test_who_exact_output() -> None:
    code, out, err = run("who", "RUS", "defense_minister", "--on", "2024-06-25")
    assert (code, err) == (0, "")
    assert out == (
        "RUS defense_minister on 2024-06-25: Defense Minister, 2024-05-14 to present\n"
        "Andrei Belousov\n"
    )


def test_who_with_host_and_titles() -> None:
    code, out, _ = run("who", "Russia", "ambassador", "--host", "US", "--on", "2019-01-01")
    assert code == 0
    assert out == (
        "RUS ambassador in USA on 2019-01-01: Ambassador to the United States, "
        "2017-08-21 to 2024-10-06\nAnatoly Antonov\n"
    )
    # A title instead of an office type.
    code, out, _ = run("who", "USA", "Secretary of State", "--on", "2013-01-31")
    assert out.splitlines()[-1] == "Hillary Clinton"
    # "leader" is whichever office leads that country; Iran's president heads its government.
    code, out, _ = run("who", "RUS", "leader", "--on", "2010-06-01")
    assert out.splitlines() == [
        "RUS head_of_state on 2010-06-01: President, 2008-05-07 to 2012-05-07",
        "Dmitry Medvedev",
    ]
    code, out, _ = run("who", "IRN", "President", "--on", "2023-06-01")
    assert out.startswith("IRN head_of_government on 2023-06-01: President, ")


def test_who_json() -> None:
    code, out, _ = run("who", "USA", "foreign_minister", "--on", "2015-05-12", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["person"]["name"] == "John Kerry" and data["person"]["id"] == "john-kerry"
    assert data["tenure"] == {
        "person_id": "john-kerry",
        "country": "USA",
        "office": "foreign_minister",
        "host": None,
        "title": "Secretary of State",
        "start": "2013-02-01",
        "end": "2017-01-20",
        "note": "",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("RUS", "defense_minister", "--on", "1990-01-01"),
            "no defense_minister of RUS known on 1990-01-01",
        ),
        (("RUS", "court_jester"), "court_jester: unknown office (one of: head_of_state,"),
        (("RUS", "foreign_minister", "--on", "2020-31-01"), "--on: bad date '2020-31-01'"),
        (("Atlantis", "foreign_minister"), "unknown country 'Atlantis'"),
    ],
)
def test_who_errors(args: tuple[str, ...], message: str) -> None:
    code, out, err = run("who", *args)
    assert code == 1 and out == ""
    assert err.startswith("error: ") and message in err


def test_find_lists_tenures() -> None:
    code, out, _ = run("find", "Sergei Shoygu")
    assert code == 0
    assert out.splitlines()[0] == "Sergei Shoigu (sergei-shoigu, RUS)"
    assert "  2012-11-06 to 2024-05-14  RUS defense_minister: Defense Minister" in out
    nsa = "RUS national_security_adviser: Secretary of the Security Council"
    assert f"  2024-05-12 to present  {nsa}\n" in out


def test_find_json_and_not_found() -> None:
    code, out, _ = run("find", "Lavrov", "--json")
    assert code == 0
    (person,) = json.loads(out)
    assert (
        person["name"] == "Sergey Lavrov" and person["tenures"][0]["office"] == "foreign_minister"
    )
    code, out, err = run("find", "Nobody Atall")
    assert code == 1 and err == "error: no person named 'Nobody Atall' in the registry\n"


def test_import_then_query(empty_home: Path) -> None:
    code, out, _ = run("import", str(RES / "arctic_envoys.csv"))
    target = empty_home / "overlay" / "arctic_envoys.csv"
    assert code == 0
    assert out == f"imported 2 tenures of 2 persons into {target}\n"
    code, out, _ = run("who", "RUS", "envoy", "--host", "USA", "--on", "2030-06-01")
    assert out.splitlines()[-1] == "Ivan Testov"
    code, out, _ = run("check")
    assert code == 0 and out.startswith("ok: ")


def test_import_rejects_with_file_and_line() -> None:
    code, out, err = run("import", str(RES / "overlap.csv"))
    assert code == 1 and out == ""
    assert err.splitlines()[0] == f"error: {RES / 'overlap.csv'} was not imported:"
    assert err.splitlines()[1].startswith(f"{RES / 'overlap.csv'}:3: Petr Testov starts 1951-06-01")


def test_check_passes_on_shipped_data() -> None:
    code, out, err = run("check")
    assert (code, err) == (0, "")
    assert out.startswith("ok: ") and " persons, " in out


def test_check_fails_listing_overlay_problems(empty_home: Path) -> None:
    overlay = empty_home / "overlay"
    overlay.mkdir()
    (overlay / "mine.csv").write_text((RES / "end_before_start.csv").read_text())
    code, out, err = run("check")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == f"{overlay / 'mine.csv'}:2: end 1950-01-01 is not after start 1950-05-01"
    assert lines[-1] == "error: 1 problems in the registry data"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("find", "Lavrov", "--country", "Atlantis"),
            "error: --country: unknown country 'Atlantis'\n",
        ),
        (
            ("find", "Lavrov", "--country", "USA"),
            "error: no person named 'Lavrov' of USA in the registry\n",
        ),
        (("find", "  "), "error: NAME: give a name to look up\n"),
        (
            ("who", "RUS", "ambassador", "--host", "Atlantis"),
            "error: --host: unknown country 'Atlantis'\n",
        ),
    ],
)
def test_bad_filters_are_named(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out, err) == (1, "", message)


def test_find_by_country_name() -> None:
    code, out, _ = run("find", "Lavrov", "--country", "Russia")
    assert code == 0 and out.splitlines()[0] == "Sergey Lavrov (sergey-lavrov, RUS)"


@pytest.mark.parametrize("command", ["who", "find", "import", "check"])
def test_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, ["actors", command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    lines = [line.strip() for line in result.output.splitlines()]
    assert any(line.startswith(f"readouts actors {command} ") for line in lines), result.output


def test_import_of_a_directory_says_so(tmp_path: Path) -> None:
    assert run("import", str(tmp_path)) == (
        1,
        "",
        f"error: {tmp_path}: is a directory; give a CSV file\n",
    )
