"""Reading a case file (JSON) that may be hostile: bounded in size, depth, numbers and text.

Used by the resume page's import, the advisors' import and ``manage.py advise``. Everything
wrong is a ``CaseFileError`` with a message; never a RecursionError (deep nesting), a ValueError
(a 5000-digit number), a lone surrogate (``\\ud800``, which later breaks the download for good),
a device or a FIFO that never ends.
"""

from __future__ import annotations

import json
import os
import re
import stat
from typing import Any

from decision_aid.routing.casefile import CaseFileError

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 20
# Dates (YYYY-MM-DD anywhere in the file) must lie in these years: deadlines are computed from
# them, and year 9999 plus 104 weeks is past the end of the calendar.
YEARS = (1900, 2200)
_ISO_DATE = re.compile(r"(\d{4})-\d{2}-\d{2}")


def _check_depth(text: str) -> None:
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise CaseFileError("", f"nested more than {MAX_DEPTH} levels deep")
        elif char in "]}":
            depth -= 1


def _number(kind: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise CaseFileError("", f"a number longer than {MAX_NUMBER_CHARS} characters")
        return kind(text)

    return parse


def _no_constant(text: str) -> Any:
    raise CaseFileError("", f"{text} is not a number this file may hold")


def _check_text(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise CaseFileError("", "contains a broken character (a lone surrogate)") from exc
            date = _ISO_DATE.fullmatch(item)
            if date and not YEARS[0] <= int(date.group(1)) <= YEARS[1]:
                raise CaseFileError("", f"a date outside the years {YEARS[0]}-{YEARS[1]}: {item}")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def parse_case_json(raw: bytes) -> dict[str, Any]:
    """The JSON object in ``raw``, or CaseFileError."""
    if len(raw) > MAX_BYTES:
        raise CaseFileError("", f"larger than {MAX_BYTES // 1000} kB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseFileError("", "not UTF-8 text") from exc
    _check_depth(text)
    try:
        data = json.loads(
            text,
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        raise CaseFileError("", f"not valid JSON: {exc}") from exc
    except (RecursionError, ValueError) as exc:
        raise CaseFileError("", "not a case file this aid can read") from exc
    if not isinstance(data, dict):
        raise CaseFileError("", "the case file must be a JSON object")
    _check_text(data)
    return data


def read_case_path(path: str) -> dict[str, Any]:
    """Read a case file from disk: only a regular file, at most MAX_BYTES, never blocking."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise CaseFileError("", f"file not found: {path}") from exc
    except OSError as exc:
        raise CaseFileError("", f"cannot read {path}: {exc.strerror}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise CaseFileError("", f"not a regular file: {path}")
    if info.st_size > MAX_BYTES:
        raise CaseFileError("", f"larger than {MAX_BYTES // 1000} kB: {path}")
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it does
        # not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CaseFileError("", f"cannot read {path}: {exc.strerror}") from exc
    return parse_case_json(raw)
