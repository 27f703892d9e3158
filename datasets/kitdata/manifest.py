"""The dataset manifest: where each dataset comes from and what the kit must end up with.

The checksums live in data (manifest.json), not in code, so that fetch, verify and the
tests all check against one list, and a test can pass its own manifest for local archives.
"""

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import PurePosixPath
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class FileSpec:
    """One file the kit writes, relative to the data folder ('/'-separated)."""

    path: str
    sha256: str
    size: int
    gzip: bool  # sha256 and size are of the decompressed content


@dataclass(frozen=True)
class DatasetSpec:
    """One dataset: the archive to download, how to convert it, and the files that result."""

    name: str
    title: str
    url: str
    md5: str | None  # of the downloaded archive; None when the publisher gives none
    converter: str  # a key of kitdata.convert.CONVERTERS
    files: tuple[FileSpec, ...]

    @property
    def archive_name(self) -> str:
        """The archive's file name, taken from its URL (e.g. 'aclImdb_v1.tar.gz')."""
        return unquote(PurePosixPath(urlsplit(self.url).path).name)


Manifest = Mapping[str, DatasetSpec]


def _parse(data: Mapping[str, Any]) -> Manifest:
    """Build the specs from manifest.json's structure ({"datasets": {name: {...}}})."""
    return MappingProxyType(
        {
            name: DatasetSpec(
                name=name,
                title=entry["title"],
                url=entry["url"],
                md5=entry["md5"],
                converter=entry["converter"],
                files=tuple(FileSpec(**file) for file in entry["files"]),
            )
            for name, entry in data["datasets"].items()
        }
    )


@functools.cache
def default_manifest() -> Manifest:
    """The manifest shipped with the kit (read once per process, read-only)."""
    text = resources.files(__package__).joinpath("manifest.json").read_text(encoding="utf-8")
    return _parse(json.loads(text))
