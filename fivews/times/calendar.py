"""Month and weekday names and explicit calendar dates ("January 08, 2020", "8 Jan. 2020")."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

_EXPLICIT_PATTERNS = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # January 08, 2020
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # 8 January 2020
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),  # 2020-01-08
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),  # 2020/01/08
]


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def find_explicit_date(text: str) -> tuple[date, int, int] | None:
    """The first full calendar date in ``text`` with its character span, or None."""
    best: tuple[date, int, int] | None = None
    for pattern in _EXPLICIT_PATTERNS:
        for match in pattern.finditer(text):
            try:
                found = date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            except (ValueError, KeyError):
                continue
            if best is None or match.start() < best[1]:
                best = (found, match.start(), match.end())
            break
    return best


def parse_date_line(line: str) -> date | None:
    """A header line that is nothing but a date (optionally with weekday or time) -> date."""
    stripped = line.strip().strip("*_ ")
    if not stripped or len(stripped) > 60:
        return None
    found = find_explicit_date(stripped)
    if found is None:
        return None
    rest = (stripped[: found[1]] + stripped[found[2]:]).strip(" ,.-|")
    rest = re.sub(r"(?i)\b(updated|published|posted|at|on|\d{1,2}:\d\d(:\d\d)?|am|pm|a\.m\.|p\.m\.|gmt|utc|et|est|edt|[+-]\d{2}:?\d{2}|[A-Z]{2,4})\b", "", rest)
    rest = re.sub(r"(?i)\b(" + "|".join(WEEKDAYS) + r")\b", "", rest)
    return found[0] if not rest.strip(" ,.-|:()") else None


def parse_iso_date(value: str) -> date | None:
    """'YYYY-MM-DD' or an ISO-8601 datetime -> date; anything else -> None."""
    match = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
