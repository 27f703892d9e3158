"""Download, convert and verify every dataset of a manifest into the data folder.

Work happens in a scratch folder inside the data folder; files move into place (an
atomic rename on the same file system) only once all of a dataset's files match the
manifest, so the data folder never holds a half-made or unverified dataset.
"""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .convert import CONVERTERS
from .download import download
from .manifest import DatasetSpec, Manifest, default_manifest
from .verify import ChecksumError, Status, check_dataset


@dataclass(frozen=True)
class FetchResult:
    """What fetch did for one dataset: `skipped` if its files were already present and verified."""

    dataset: DatasetSpec
    paths: tuple[Path, ...]
    skipped: bool


def fetch_dataset(dataset: DatasetSpec, data_dir: Path, *, progress: bool = True) -> FetchResult:
    """Make sure one dataset is in `data_dir`, downloading and converting it unless it already is."""
    paths = tuple(data_dir / file.path for file in dataset.files)
    if all(check.status is Status.OK for check in check_dataset(data_dir, dataset)):
        return FetchResult(dataset, paths, skipped=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".fetch-", dir=data_dir) as scratch:
        archive = download(dataset.url, Path(scratch) / dataset.archive_name, dataset.md5, progress=progress)
        staged = Path(scratch) / "out"
        CONVERTERS[dataset.converter](archive, staged, [file.path for file in dataset.files])
        for check in check_dataset(staged, dataset):
            if check.status is not Status.OK:
                raise ChecksumError(
                    f"{check.spec.path} (converted from {dataset.archive_name}) is not the expected file: "
                    f"{check.detail or check.status.value}"
                )
        for file, path in zip(dataset.files, paths):
            path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged / file.path, path)
    return FetchResult(dataset, paths, skipped=False)


def fetch(data_dir: Path, manifest: Manifest | None = None, *, progress: bool = True) -> list[FetchResult]:
    """Fetch every dataset of `manifest` (default: the kit's own) into `data_dir`."""
    datasets = (manifest or default_manifest()).values()
    return [fetch_dataset(dataset, data_dir, progress=progress) for dataset in datasets]
