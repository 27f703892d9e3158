"""The exchange of a request and its answer, with the student's side played by the test: between the grader's
writing the request and reading the answer, it puts links and FIFOs where the grader is about to look."""

import contextlib
import json
import os
import threading
from pathlib import Path

import nbformat
import pytest

from autograder.probes import wire
from autograder.sandbox import exchange as exchange_module
from autograder.sandbox.exchange import Trade, overfull
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import Policy
from autograder.sandbox.student import StudentError


def nothing_to_share(*paths: Path) -> None:
    pass


@pytest.fixture
def exchange(tmp_path: Path) -> Path:
    folder = tmp_path / "control" / "exchange"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder of the grader's that holds an answer (as the grader's kept answers do): never to be read as one."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    wire.dump({"ok": True, "value": "the grader's own file"}, folder)
    return folder


def test_an_honest_answer_is_read_and_nothing_is_left(exchange):
    with Trade(exchange, {"probe": "call", "args": ["f"]}, nothing_to_share) as trade:
        assert wire.load(trade.request, models=True) == {"probe": "call", "args": ["f"]}
        wire.dump({"ok": True, "value": [1, 2]}, trade.response)
        assert trade.answer() == {"ok": True, "value": [1, 2]}
    assert list(exchange.iterdir()) == [] and sorted(p.name for p in exchange.parent.iterdir()) == ["exchange"]


@pytest.mark.parametrize("replaced", ["response", "trade"])
def test_a_folder_replaced_by_a_link_is_not_followed(replaced, exchange, elsewhere):
    with Trade(exchange, {"probe": "call", "args": ["f"]}, nothing_to_share) as trade:
        folder = trade.response if replaced == "response" else trade.response.parent
        folder.rename(folder.with_name("moved"))
        target = elsewhere if replaced == "response" else elsewhere.parent
        folder.symlink_to(target, target_is_directory=True)
        with pytest.raises(wire.WireError, match="cannot be opened"):
            trade.answer()
    assert json.loads((elsewhere / "value.json").read_text()) == {"ok": True, "value": "the grader's own file"}
    # The link is gone and what it pointed at is not; a folder the student's side moved goes with the box.
    assert [path.name for path in exchange.iterdir()] == ([] if replaced == "response" else ["moved"])


def test_a_fifo_for_an_answer_is_refused_without_waiting(exchange):
    with Trade(exchange, {"probe": "call", "args": ["f"]}, nothing_to_share) as trade:
        os.mkfifo(trade.response / "value.json")
        outcome: list = []
        reader = threading.Thread(target=lambda: outcome.append(_refusal(trade)), daemon=True)
        reader.start()
        reader.join(10)
        assert outcome == ["an answer folder holding something other than plain files"]


def _refusal(trade: Trade) -> str:
    try:
        trade.answer()
    except wire.WireError as error:
        return str(error)
    return "read"


def test_a_request_is_never_written_through_a_link_planted_ahead(exchange, elsewhere):
    """Every name in the exchange is one the student's side could plant; the request's is not known before it is
    there, and it arrives whole: planting links under every earlier request's name changes nothing."""
    names = []
    for _ in range(3):
        with Trade(exchange, {"probe": "call", "args": ["f"]}, nothing_to_share) as trade:
            names.append(trade.request.parent.name)
    for name in names:
        (exchange / name).symlink_to(elsewhere, target_is_directory=True)
    with Trade(exchange, {"probe": "call", "args": ["g"]}, nothing_to_share) as trade:
        assert trade.request.parent.name not in names and not trade.request.parent.is_symlink()
    assert sorted(path.name for path in elsewhere.iterdir()) == ["value.json"]


def test_an_exchange_is_overfull_past_its_bytes_or_its_files_counted_without_following_links(
    exchange, elsewhere, monkeypatch
):
    monkeypatch.setattr(exchange_module, "MAX_EXCHANGE_BYTES", 2**20)
    monkeypatch.setattr(exchange_module, "MAX_EXCHANGE_ENTRIES", 100)
    (exchange / "deep" / "er").mkdir(parents=True)
    (exchange / "deep" / "er" / "half").write_bytes(os.urandom(2**19))
    (exchange / "to-elsewhere").symlink_to(elsewhere)  # not followed: what it points to is not the exchange's
    assert overfull(exchange) is None
    (exchange / "deep" / "er" / "more").write_bytes(os.urandom(2**19 + 4096))
    assert overfull(exchange) == "more than 1 MiB"
    (exchange / "deep" / "er" / "more").unlink()
    for number in range(100):
        (exchange / f"empty-{number}").touch()
    assert overfull(exchange) == "more than 100 files"


def test_an_exchange_is_overfull_past_its_depth(exchange, monkeypatch):
    """Each level holds an open handle while the levels below it are counted: the depth is bounded too."""
    deepest = exchange.joinpath(*["d"] * (exchange_module.MAX_EXCHANGE_DEPTH + 1))
    deepest.parent.mkdir(parents=True)
    assert overfull(exchange) is None
    deepest.mkdir()
    assert overfull(exchange) == f"folders nested more than {exchange_module.MAX_EXCHANGE_DEPTH} deep"


def test_a_folder_swapped_for_a_link_after_its_listing_is_not_entered(exchange, elsewhere, monkeypatch):
    """The student's code can swap a folder for a link between the listing and the count of what it holds."""
    monkeypatch.setattr(exchange_module, "MAX_EXCHANGE_ENTRIES", 10)
    (exchange / "answer").mkdir()
    for number in range(20):
        (elsewhere / f"file-{number}").touch()
    listing = os.scandir

    def swapping(folder):  # lists, then swaps: the worst moment for the walk
        listed = list(listing(folder))
        if (exchange / "answer").is_dir() and not (exchange / "answer").is_symlink():
            (exchange / "answer").rmdir()
            (exchange / "answer").symlink_to(elsewhere, target_is_directory=True)
        return contextlib.nullcontext(listed)

    monkeypatch.setattr(exchange_module.os, "scandir", swapping)
    assert overfull(exchange) is None  # a walk by path would count elsewhere's 20 files


FILLS_THE_EXCHANGE = '''
import os


def fill(folder, mib):
    """Writes `mib` MiB of files into `folder` (the exchange, the one folder on disk the kernel can write)."""
    block = os.urandom(2**20)
    for part in range(mib):
        with open(os.path.join(folder, f"part{part}"), "wb") as written:
            written.write(block)
    return mib
'''


@pytest.mark.kernel
def test_a_kernel_that_fills_the_exchange_is_ended_at_its_limit(monkeypatch):
    """Under a limit of 64 MiB, a kernel that writes 1 GiB there is ended by the watchdog, "disk limit"."""
    monkeypatch.setattr(exchange_module, "MAX_EXCHANGE_BYTES", 64 * 2**20)
    with KernelStudent([nbformat.v4.new_code_cell(FILLS_THE_EXCHANGE)], Policy()) as student:
        with pytest.raises(StudentError, match="disk limit: the student's process wrote more than 64 MiB"):
            student.call("fill", str(student.exchange_root()), 1024, timeout=60)
