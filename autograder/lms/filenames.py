"""Who a file of a Canvas or Moodle submission download belongs to, read from its name.

Canvas's "Download Submissions" (lib/content_zipper.rb) names every uploaded file
`<name>[_LATE]_<user id>_<attachment id>_<file name>`: <name> is the student's sortable name
lower-cased with every character but letters, digits and `_` removed ("Smith, Jane" ->
`smithjane`), and the user id is the `ID` column of Canvas's gradebook export. Canvas wrote
`late` in lower case in older versions. With anonymous grading the name and user id give way
to `anon_<anonymous id>`, which no gradebook column holds.

Moodle's "Download all submissions" (mod/assign/classes/downloader.php) puts a student's files
in a folder `<Full name>_<participant id>_assignsubmission_file` (Moodle 4.1 and later; 3.1 to
4.0 end it with `_`), or with "Download submissions in folders" off, names each file
`<Full name>_<participant id>_assignsubmission_file_<file name>`. The participant id is the
number in the grading worksheet's Identifier, "Participant <id>". Moodle turns `_` in names into
spaces, so the name part never holds one.
"""

import re
from pathlib import PurePosixPath

from autograder.roster import LmsFile, LmsId

CANVAS = "canvas"
MOODLE = "moodle"
LMS_NAMES = {CANVAS: "Canvas", MOODLE: "Moodle"}
ID_NAMES = {CANVAS: "Canvas user id", MOODLE: "Moodle participant id"}


_CANVAS_ANONYMOUS = re.compile(r"(?:late_)?(?P<name>anon_[A-Za-z0-9]+)_\d+_(?P<original>.+)", re.IGNORECASE)
_CANVAS = re.compile(r"(?P<name>\w*?)(?:_late)?_(?P<id>\d+)_\d+_(?P<original>.+)", re.IGNORECASE)
_MOODLE_FOLDER = re.compile(r"(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_file_?")
_MOODLE_FILE = re.compile(r"(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_file_(?P<original>.+)")


def lms_file(path: PurePosixPath) -> LmsFile | None:
    """Whose `path` (relative to the download's root) is, if Canvas or Moodle named it; else None."""
    for folder in path.parts[:-1]:
        if found := _MOODLE_FOLDER.fullmatch(folder):
            return LmsFile(LmsId(MOODLE, found["id"]), found["name"], path.name, str(path))
    if found := _MOODLE_FILE.fullmatch(path.name):
        return LmsFile(LmsId(MOODLE, found["id"]), found["name"], found["original"], str(path))
    if found := _CANVAS_ANONYMOUS.fullmatch(path.name):
        return LmsFile(LmsId(CANVAS, ""), found["name"], found["original"], str(path))
    if found := _CANVAS.fullmatch(path.name):
        return LmsFile(LmsId(CANVAS, found["id"]), found["name"] or found["id"], found["original"], str(path))
    return None
