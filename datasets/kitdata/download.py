"""HTTP download of a dataset archive, with a progress bar and an MD5 check.

Archives are large (the IMDB tarball is 84 MB) and networks fail: the file only gets
its final name once it is complete and checked, so a half-download is never mistaken
for a good one.
"""

import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .verify import ChecksumError, hash_stream

TIMEOUT_SECONDS = 60


class DownloadError(OSError):
    """The archive could not be fetched (no network, server down, URL gone)."""


def _open(url: str) -> Any:  # urlopen's response type depends on the URL scheme
    """urlopen, failing with a message that says what to do without network."""
    try:
        return urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS)
    except urllib.error.URLError as exc:
        raise DownloadError(
            f"could not download {url}: {exc.reason}. Without network, point KIT_DATA_DIR "
            "(or --data-dir) at a folder that already has the files."
        ) from exc


def download(url: str, dest: Path, md5: str | None = None, *, progress: bool = True) -> Path:
    """Fetch `url` (http(s) or file) to `dest` via a '.part' file, then check its MD5 if given."""
    part = dest.with_name(dest.name + ".part")
    try:
        with _open(url) as response, part.open("wb") as out:
            total = int(response.headers.get("Content-Length") or 0) or None
            with tqdm.wrapattr(
                out,
                "write",
                total=total,
                desc=dest.name,
                disable=not progress,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
            ) as tracked:
                shutil.copyfileobj(response, tracked)
        if md5 is not None:
            with part.open("rb") as stream:
                got, _ = hash_stream(stream, "md5")
            if got != md5:
                raise ChecksumError(
                    f"{dest.name}: MD5 {got} does not match the expected {md5} (from {url}). "
                    "The download is corrupt or the file changed upstream; try again."
                )
        os.replace(part, dest)
    finally:
        part.unlink(missing_ok=True)
    return dest
