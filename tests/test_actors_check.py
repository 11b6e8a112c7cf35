"""The registry validator and the user overlay: each kind of error is caught, naming file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.actors import check, import_file, load_registry
from readouts.actors.loader import TENURE_DIR
from readouts.errors import InputError, RegistryError

RES = Path(__file__).resolve().parent / "resources" / "actors"


def problems_of(name: str) -> list[str]:
    return check(RES / name)


def test_shipped_data_is_valid() -> None:
    assert check(load_registry(Path("/nonexistent-overlay"))) == []
    assert check(TENURE_DIR) == []


def test_end_before_start() -> None:
    (problem,) = problems_of("end_before_start.csv")
    assert problem.startswith(f"{RES / 'end_before_start.csv'}:2: ")
    assert "end 1950-01-01 is not after start 1950-05-01" in problem


def test_unknown_country_and_host_codes() -> None:
    problems = problems_of("unknown_country.csv")
    assert any(":2: unknown country code 'ZZZ'" in p for p in problems)
    assert any(":3: unknown host country code 'QQQ'" in p for p in problems)


def test_unknown_office_type() -> None:
    (problem,) = problems_of("unknown_office.csv")
    assert problem.endswith(":2: unknown office type 'court_jester'")


def test_bad_dates() -> None:
    problems = problems_of("bad_date.csv")
    assert len(problems) == 2
    assert ":2: bad start date '1950-13-01'" in problems[0]
    assert ":3: bad end date '31/12/1951'" in problems[1]


def test_overlapping_single_holder_office() -> None:
    (problem,) = problems_of("overlap.csv")
    assert ":3: Petr Testov starts 1951-06-01 while Ivan Testov" in problem
    assert "overlap.csv:2" in problem and "RUS head_of_state" in problem


def test_several_holders_may_overlap_in_multi_holder_offices() -> None:
    # Deputy foreign ministers overlap; only their shared alias is a problem.
    (problem,) = problems_of("ambiguous_alias.csv")
    assert ":3: 'i testov' names both Igor Testov and Ivan Testov" in problem


def test_alias_shared_across_dates_or_countries_is_fine() -> None:
    assert problems_of("disambiguated_alias.csv") == []


def test_host_rules() -> None:
    problems = problems_of("bad_host.csv")
    assert any(":2: an ambassador needs a host country" in p for p in problems)
    assert any(":3: host is only for ambassador and envoy" in p for p in problems)


def test_missing_columns() -> None:
    (problem,) = problems_of("missing_columns.csv")
    assert ":1: missing columns ['start']" in problem


def test_overlay_import_adds_tenures(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    done = import_file(RES / "arctic_envoys.csv", overlay)
    assert done.path == overlay / "arctic_envoys.csv" and done.path.is_file()
    assert (done.tenures, done.people) == (2, 2)
    registry = load_registry(overlay)
    assert registry.holder("RUS", "envoy", "2030-03-01", host="USA").name == "Ivan Testov"
    assert registry.canonical_name("Testoff") == "Ivan Testov"
    assert registry.find("Jane Testperson")[0].country == "USA"
    # Shipped data is still there, and the overlay passes the validator.
    assert registry.holder("RUS", "foreign_minister", "2030-03-01").name == "Sergey Lavrov"
    assert check(registry) == []
    # Importing the same file again replaces it rather than clashing with itself.
    assert import_file(RES / "arctic_envoys.csv", overlay).tenures == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("overlap.csv", "overlap.csv:3: Petr Testov starts"),
        ("conflict_shipped.csv", "conflict_shipped.csv:2: Ivan Testov starts 2020-01-01"),
        ("bad_date.csv", "bad_date.csv:2: bad start date"),
        ("no_country_column.csv", "no_country_column.csv:1: an overlay file starts with"),
    ],
)
def test_overlay_import_rejects_bad_files(tmp_path: Path, name: str, expected: str) -> None:
    overlay = tmp_path / "overlay"
    with pytest.raises(RegistryError) as info:
        import_file(RES / name, overlay)
    assert expected in str(info.value)
    assert not (overlay / name).exists()


def test_overlay_import_of_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_file(tmp_path / "absent.csv", tmp_path / "overlay")


def test_overlay_directory_from_readouts_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READOUTS_HOME", str(tmp_path))
    done = import_file(RES / "arctic_envoys.csv")
    assert done.path == tmp_path / "overlay" / "arctic_envoys.csv"
    assert load_registry().canonical_name("Ivan Testoff") == "Ivan Testov"


def test_one_person_two_spellings() -> None:
    (problem,) = problems_of("two_spellings.csv")
    assert ":3: 'Jose Testez' is spelt 'José Testez' at " in problem
    assert problem.endswith("two_spellings.csv:2; use one spelling")


def test_repeated_tenure_in_one_file() -> None:
    (problem,) = problems_of("repeated.csv")
    assert problem.endswith("repeated.csv:3: repeats the tenure at line 2")


def test_overlay_line_corrects_a_shipped_tenure(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    import_file(RES / "correction.csv", overlay)
    registry = load_registry(overlay)
    (tenure,) = [t for t in registry.find("Andrei Belousov")[0].tenures]
    assert tenure.end is not None and tenure.end.isoformat() == "2026-01-01"
    assert registry.holder("RUS", "defense_minister", "2025-12-31").name == "Andrei Belousov"
    assert registry.holder("RUS", "defense_minister", "2026-01-01") is None
    assert check(registry) == []
