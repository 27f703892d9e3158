"""Tests of kitdata (convert, fetch, load, paths) and `autograder data`, without network.

Archives are built here in tmp_path and fetched through file:// URLs with a manifest
passed in, so the whole download -> verify -> convert path runs for real.
"""

import gzip
import hashlib
import os
import tarfile
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from kitdata import MissingDatasetError, imdb_csv_path, load_imdb, load_uci, resolve_data_dir, uci_dir
from kitdata.convert import write_imdb_csv_gz
from kitdata.download import DownloadError
from kitdata.fetch import fetch
from kitdata.manifest import DatasetSpec, FileSpec, default_manifest
from kitdata.verify import ChecksumError
from support.kit import require_data_dir

from autograder.commands.data import main as data_main

# (split, folder, id, rating, text): deliberately out of order, with ids that sort
# differently as text (2 < 10, 3 < 12), and text that needs quoting or is not ASCII.
REVIEWS = [
    ("test", "pos", 4, 9, "Loved it.\r\nTwo lines, kept as is."),
    ("train", "pos", 12, 10, "Plain text"),
    ("train", "neg", 10, 1, "Awful.<br /><br />Truly awful"),
    ("train", "pos", 3, 7, 'Naïve, charmant — 5★ "très" bien'),
    ("train", "neg", 2, 4, 'He said "meh", then\nleft.'),
    ("test", "neg", 0, 3, "NA"),
]

# Written out by hand (not with the csv module) so that it checks the converter independently.
EXPECTED_CSV = (
    "split,id,rating,sentiment,review\r\n"
    'train,2,4,negative,"He said ""meh"", then\nleft."\r\n'
    "train,10,1,negative,Awful.<br /><br />Truly awful\r\n"
    'train,3,7,positive,"Naïve, charmant — 5★ ""très"" bien"\r\n'
    "train,12,10,positive,Plain text\r\n"
    "test,0,3,negative,NA\r\n"
    'test,4,9,positive,"Loved it.\r\nTwo lines, kept as is."\r\n'
).encode()

# Quirks of the real files: U+0085 inside a sentence, spaces before the tab.
UCI_FILES = {
    "yelp_labelled.txt": "Wow... Loved this place.\t1\nCrust is not good.\t0\n",
    "amazon_cells_labelled.txt": "Great for the jawbone.  \t1\n",
    "imdb_labelled.txt": "A slow-moving\u0085 aimless movie.  \t0\nTotal waste.\t0\n",
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_acl_folder(root: Path) -> Path:
    """An aclImdb folder with REVIEWS, plus files of the real tarball that must be ignored."""
    acl = root / "aclImdb"
    for split, folder, review_id, rating, text in REVIEWS:
        (acl / split / folder).mkdir(parents=True, exist_ok=True)
        (acl / split / folder / f"{review_id}_{rating}.txt").write_bytes(text.encode("utf-8"))
    (acl / "imdb.vocab").write_text("the\nand\n")
    (acl / "README").write_text("Large Movie Review Dataset v1.0\n")
    (acl / "train" / "labeledBow.feat").write_text("9 0:9 1:1\n")
    (acl / "train" / "urls_pos.txt").write_text("http://www.imdb.com/title/tt0453418/usercomments\n")
    (acl / "test" / "urls_neg.txt").write_text("http://www.imdb.com/title/tt0064354/usercomments\n")
    (acl / "train" / "unsup").mkdir()
    (acl / "train" / "unsup" / "0_0.txt").write_text("An unlabeled review.")
    return acl


def make_tarball(tmp_path: Path) -> Path:
    tar_path = tmp_path / "aclImdb_v1.tar.gz"
    with tarfile.open(tar_path, "w:gz") as tar:
        tar.add(make_acl_folder(tmp_path / "src"), arcname="aclImdb")
    return tar_path


def make_uci_zip(tmp_path: Path) -> Path:
    zip_path = tmp_path / "sentiment labelled sentences.zip"
    with zipfile.ZipFile(zip_path, "w") as zipped:
        for name, text in UCI_FILES.items():
            zipped.writestr(f"sentiment labelled sentences/{name}", text.encode("utf-8"))
        zipped.writestr("sentiment labelled sentences/readme.txt", "About the data.")
        zipped.writestr("__MACOSX/sentiment labelled sentences/._yelp_labelled.txt", b"\x00\x05")
    return zip_path


def with_content(file: FileSpec, data: bytes) -> FileSpec:
    return replace(file, sha256=sha256(data), size=len(data))


def local_manifest(tar_path: Path, zip_path: Path) -> dict[str, DatasetSpec]:
    """The kit's manifest with file:// URLs of the test archives and the test files' checksums."""
    imdb, uci = default_manifest()["imdb"], default_manifest()["uci"]
    return {
        "imdb": replace(
            imdb,
            url=tar_path.as_uri(),
            md5=hashlib.md5(tar_path.read_bytes()).hexdigest(),
            files=(with_content(imdb.files[0], EXPECTED_CSV),),
        ),
        "uci": replace(  # md5 stays None, as in the real manifest
            uci,
            url=zip_path.as_uri(),
            files=tuple(with_content(file, UCI_FILES[Path(file.path).name].encode("utf-8")) for file in uci.files),
        ),
    }


@pytest.fixture
def archives(tmp_path: Path) -> dict[str, DatasetSpec]:
    return local_manifest(make_tarball(tmp_path), make_uci_zip(tmp_path))


# --- converter -------------------------------------------------------------------------


def test_converter_writes_the_exact_csv(tmp_path: Path) -> None:
    out = tmp_path / "out.csv.gz"
    write_imdb_csv_gz(make_acl_folder(tmp_path), out)
    assert gzip.decompress(out.read_bytes()) == EXPECTED_CSV


def test_converter_output_is_reproducible(tmp_path: Path) -> None:
    acl = make_acl_folder(tmp_path)
    first, second = tmp_path / "first.csv.gz", tmp_path / "second.csv.gz"
    write_imdb_csv_gz(acl, first)
    os.utime(acl / "train" / "pos" / "3_7.txt", (0, 0))  # input times must not matter
    write_imdb_csv_gz(acl, second)
    header = first.read_bytes()[:10]
    assert header[3] == 0, "gzip header must not store a file name"
    assert header[4:8] == b"\0\0\0\0", "gzip header must not store a time stamp"
    assert first.read_bytes() == second.read_bytes()


def test_converter_rejects_unexpected_file_in_review_folder(tmp_path: Path) -> None:
    acl = make_acl_folder(tmp_path)
    (acl / "test" / "neg" / "notes.txt").write_text("not a review")
    with pytest.raises(ValueError, match="notes.txt"):
        write_imdb_csv_gz(acl, tmp_path / "out.csv.gz")


def test_load_imdb_reads_converted_csv_exactly(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    write_imdb_csv_gz(make_acl_folder(tmp_path), data_dir / default_manifest()["imdb"].files[0].path)
    frame = load_imdb(data_dir)
    assert list(frame.columns) == ["split", "id", "rating", "sentiment", "review"]
    assert frame["id"].tolist() == [2, 10, 3, 12, 0, 4]
    assert frame["rating"].tolist() == [4, 1, 7, 10, 3, 9]
    by_id = dict(zip(frame["id"], frame["review"]))
    assert by_id == {review_id: text for _, _, review_id, _, text in REVIEWS}  # incl. "\r\n" and "NA"
    test = load_imdb(data_dir, split="test")
    assert test["id"].tolist() == [0, 4] and test.index.tolist() == [0, 1]
    with pytest.raises(ValueError, match="split"):
        load_imdb(data_dir, split="validation")


# --- fetch -----------------------------------------------------------------------------


def test_fetch_end_to_end_then_skips(tmp_path: Path, archives: dict[str, DatasetSpec]) -> None:
    data_dir = tmp_path / "data"
    results = fetch(data_dir, archives, progress=False)
    assert [(r.dataset.name, r.skipped) for r in results] == [("imdb", False), ("uci", False)]
    assert gzip.decompress((data_dir / "aclImdb_v1_labeled.csv.gz").read_bytes()) == EXPECTED_CSV
    for name, text in UCI_FILES.items():
        assert (data_dir / "sentiment_labelled_sentences" / name).read_bytes() == text.encode("utf-8")
    # No download or scratch folder is left behind.
    assert sorted(p.name for p in data_dir.iterdir()) == ["aclImdb_v1_labeled.csv.gz", "sentiment_labelled_sentences"]
    assert sorted(p.name for p in (data_dir / "sentiment_labelled_sentences").iterdir()) == sorted(UCI_FILES)

    times = {path: path.stat().st_mtime_ns for result in results for path in result.paths}
    again = fetch(data_dir, archives, progress=False)
    assert [r.skipped for r in again] == [True, True]
    assert {path: path.stat().st_mtime_ns for path in times} == times


def test_fetch_refetches_a_dataset_with_a_damaged_file(tmp_path: Path, archives: dict[str, DatasetSpec]) -> None:
    data_dir = tmp_path / "data"
    fetch(data_dir, archives, progress=False)
    damaged = data_dir / "sentiment_labelled_sentences" / "yelp_labelled.txt"
    damaged.write_text("edited\t1\n")
    results = fetch(data_dir, archives, progress=False)
    assert [r.skipped for r in results] == [True, False]
    assert damaged.read_bytes() == UCI_FILES["yelp_labelled.txt"].encode("utf-8")


def test_fetch_corrupt_archive_raises_checksum_error_naming_it(
    tmp_path: Path, archives: dict[str, DatasetSpec]
) -> None:
    tar_path = tmp_path / "aclImdb_v1.tar.gz"
    corrupt = bytearray(tar_path.read_bytes())
    corrupt[len(corrupt) // 2] ^= 0xFF
    tar_path.write_bytes(corrupt)
    data_dir = tmp_path / "data"
    with pytest.raises(ChecksumError, match="aclImdb_v1.tar.gz"):
        fetch(data_dir, {"imdb": archives["imdb"]}, progress=False)
    assert list(data_dir.iterdir()) == []


def test_fetch_rejects_converted_file_with_wrong_checksum(tmp_path: Path, archives: dict[str, DatasetSpec]) -> None:
    uci = archives["uci"]
    wrong = replace(uci, files=(replace(uci.files[0], sha256="0" * 64), *uci.files[1:]))
    data_dir = tmp_path / "data"
    with pytest.raises(ChecksumError, match="yelp_labelled.txt"):
        fetch(data_dir, {"uci": wrong}, progress=False)
    assert list(data_dir.iterdir()) == []


def test_fetch_unreachable_url_raises_readable_error(tmp_path: Path, archives: dict[str, DatasetSpec]) -> None:
    gone = (tmp_path / "gone.tar.gz").as_uri()
    with pytest.raises(DownloadError, match=f"could not download {gone}.*KIT_DATA_DIR"):
        fetch(tmp_path / "data", {"imdb": replace(archives["imdb"], url=gone)}, progress=False)


def test_load_uci_splits_on_newline_only(tmp_path: Path, archives: dict[str, DatasetSpec]) -> None:
    data_dir = tmp_path / "data"
    fetch(data_dir, {"uci": archives["uci"]}, progress=False)
    frame = load_uci(data_dir)
    assert list(frame.columns) == ["source", "sentence", "label"]
    assert frame.values.tolist() == [
        ["yelp", "Wow... Loved this place.", 1],
        ["yelp", "Crust is not good.", 0],
        ["amazon_cells", "Great for the jawbone.  ", 1],
        ["imdb", "A slow-moving\u0085 aimless movie.  ", 0],
        ["imdb", "Total waste.", 0],
    ]


# --- paths -----------------------------------------------------------------------------


@pytest.mark.parametrize("locate", [imdb_csv_path, uci_dir, load_imdb, load_uci])
def test_missing_dataset_error_names_folder_and_both_fixes(tmp_path: Path, locate) -> None:
    with pytest.raises(MissingDatasetError) as info:
        locate(tmp_path)
    message = str(info.value)
    assert isinstance(info.value, FileNotFoundError)
    assert str(tmp_path) in message
    assert f"autograder data fetch --data-dir {tmp_path}" in message
    assert "KIT_DATA_DIR" in message and "--data-dir" in message


def test_resolve_data_dir_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("KIT_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "explicit") == tmp_path / "explicit"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv("KIT_DATA_DIR")
    assert resolve_data_dir() == tmp_path / "xdg" / "rnn-sentiment-kit" / "datasets"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert resolve_data_dir() == tmp_path / "home" / ".local" / "share" / "rnn-sentiment-kit" / "datasets"


# --- `autograder data` -----------------------------------------------------------------


def test_verify_command_passes_on_shared_copy(capsys: pytest.CaptureFixture[str]) -> None:
    shared = require_data_dir()
    assert data_main(["verify", "--data-dir", str(shared)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("ok ") for line in lines) == 4


def test_verify_command_reports_missing_and_changed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sentiment_labelled_sentences").mkdir()
    (tmp_path / "sentiment_labelled_sentences" / "yelp_labelled.txt").write_text("changed\t1\n")
    assert data_main(["verify", "--data-dir", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "missing   aclImdb_v1_labeled.csv.gz" in out
    assert "mismatch  sentiment_labelled_sentences/yelp_labelled.txt" in out
    assert "autograder data fetch" in err and "KIT_DATA_DIR" in err


def test_real_datasets_load() -> None:
    require_data_dir()
    imdb = load_imdb()
    assert imdb.groupby(["split", "sentiment"]).size().tolist() == [12500] * 4
    assert set(imdb["rating"]) == {1, 2, 3, 4, 7, 8, 9, 10}
    uci = load_uci()
    assert uci.groupby(["source", "label"]).size().tolist() == [500] * 6
