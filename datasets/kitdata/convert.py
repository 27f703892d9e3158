"""Turn the official archives into the files the kit uses, byte for byte as the datasets README says.

The output must be reproducible (same bytes on every machine) so that its SHA-256 can
be checked: fixed row order, csv's default dialect, and a gzip header without a time
stamp or file name.
"""

import csv
import gzip
import io
import re
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath

IMDB_HEADER = ("split", "id", "rating", "sentiment", "review")
IMDB_SPLITS = ("train", "test")
IMDB_LABELS = (("neg", "negative"), ("pos", "positive"))
_REVIEW_FILE = re.compile(r"(\d+)_(\d+)\.txt")
# Only the labeled reviews are extracted: the tarball's 50,000 train/unsup reviews are not used.
_LABELED_MEMBER = re.compile(r"(?:\./)?aclImdb/(?:train|test)/(?:pos|neg)/[^/]+")


def imdb_rows(acl_dir: Path) -> Iterator[tuple[str, int, int, str, str]]:
    """(split, id, rating, sentiment, review) for every labeled review, in the README's order.

    Reads only {split}/{neg,pos}/{id}_{rating}.txt; everything else in the folder is ignored.
    The text is decoded as is (no newline translation).
    """
    for split in IMDB_SPLITS:
        for folder, sentiment in IMDB_LABELS:
            reviews = []
            for path in (acl_dir / split / folder).iterdir():
                match = _REVIEW_FILE.fullmatch(path.name)
                if match is None:
                    raise ValueError(f"not a review file name ({{id}}_{{rating}}.txt): {path}")
                reviews.append((int(match[1]), int(match[2]), path))
            for review_id, rating, path in sorted(reviews):
                yield split, review_id, rating, sentiment, path.read_bytes().decode("utf-8")


def write_imdb_csv_gz(acl_dir: Path, out: Path) -> None:
    """Write the labeled reviews of an extracted aclImdb folder as the kit's gzip CSV."""
    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as compressed,
        io.TextIOWrapper(compressed, encoding="utf-8", newline="") as text,
    ):
        writer = csv.writer(text)
        writer.writerow(IMDB_HEADER)
        writer.writerows(imdb_rows(acl_dir))


def aclimdb_csv(archive: Path, out_dir: Path, files: Sequence[str]) -> None:
    """aclImdb_v1.tar.gz -> out_dir/files[0], via a scratch folder next to the archive."""
    (csv_path,) = files
    with tempfile.TemporaryDirectory(dir=archive.parent) as scratch, tarfile.open(archive, "r:gz") as tar:
        labeled = (member for member in tar if _LABELED_MEMBER.fullmatch(member.name))
        tar.extractall(scratch, members=labeled, filter="data")
        out = out_dir / csv_path
        out.parent.mkdir(parents=True, exist_ok=True)
        write_imdb_csv_gz(Path(scratch) / "aclImdb", out)


def uci_sentences(archive: Path, out_dir: Path, files: Sequence[str]) -> None:
    """The UCI zip -> out_dir/<each of files>, taking the zip member with the same file name."""
    with zipfile.ZipFile(archive) as zipped:
        for relative in files:
            name = PurePosixPath(relative).name
            members = [m for m in zipped.namelist() if PurePosixPath(m).name == name]
            if len(members) != 1:
                raise ValueError(f"{archive.name}: expected one {name}, found {len(members)}")
            out = out_dir / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(zipped.read(members[0]))


Converter = Callable[[Path, Path, Sequence[str]], None]

# Keyed by the manifest's "converter" field.
CONVERTERS: dict[str, Converter] = {"aclimdb_csv": aclimdb_csv, "uci_sentences": uci_sentences}
