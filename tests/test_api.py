"""The public API re-exported from the package root."""

import subprocess
import sys

import pytest

import readouts


@pytest.mark.parametrize("name", readouts.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(readouts, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        readouts.no_such_thing  # noqa: B018


def test_import_is_cheap() -> None:
    code = "import sys, readouts; print(any(m in sys.modules for m in ('spacy', 'sqlalchemy')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_store_round_trip_through_the_root_api() -> None:
    doc = readouts.make_document(
        "Talks\n\nThe two ministers met in Geneva.", fmt="text", source="t"
    )
    with readouts.Store.open("sqlite://") as store:
        assert store.add_documents([doc]) == [True]
        assert store.document(doc.id) == doc


def test_submodule_names_still_mean_the_modules() -> None:
    from readouts import export as export_module
    from readouts import resolve as resolve_module

    assert hasattr(export_module, "FLAT_COLUMNS")
    assert hasattr(resolve_module, "update_ledger")
