"""Writing records for people (tables) and programs (JSON Lines, JSON, CSV)."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMATS = ("table", "jsonl", "json", "csv")


class RecordWriter:
    """Streams dict records to ``out`` in one format; JSON prints ``[]`` when nothing came."""

    def __init__(self, fmt: str, out: IO[str] | None = None, table_columns: Sequence[tuple[str, str]] = (),
                 csv_columns: Sequence[str] | None = None, title: str | None = None):
        self.fmt = fmt
        self.out = out or sys.stdout
        self.table_columns = table_columns
        self.csv_columns = csv_columns
        self.title = title
        self.count = 0
        self._rows: list[dict] = []
        self._csv: csv.DictWriter | None = None

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(record, ensure_ascii=False, default=str))
        elif self.fmt == "csv":
            if self._csv is None:
                columns = list(self.csv_columns or record.keys())
                self._csv = csv.DictWriter(self.out, fieldnames=columns, extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow({k: _cell(v) for k, v in record.items()})
        else:
            self._rows.append(record)
        self.count += 1

    def write_all(self, records: Iterable[dict[str, Any]]) -> None:
        for record in records:
            self.write(record)

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "table":
            self._print_table()
        self.out.flush()

    def _print_table(self) -> None:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=self.out, width=max(100, Console().width))
        if not self._rows:
            console.print("(nothing found)")
            return
        table = Table(title=self.title, show_lines=False, expand=False)
        for _, header in self.table_columns:
            table.add_column(header, overflow="fold")
        for row in self._rows:
            table.add_row(*[_cell(row.get(key)) for key, _ in self.table_columns])
        console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def event_table_row(event) -> dict[str, Any]:
    """A compact, readable view of an event for tables."""
    def actors(items) -> str:
        return "; ".join(f"{a.name} [{a.code}]" for a in items)

    loc = event.location
    place = ""
    if loc is not None:
        place = f"{loc.name or loc.text}"
        if loc.lat is not None:
            place += f" ({loc.lat:.2f}, {loc.lon:.2f})"
    mode = f"/{event.mode}" if event.mode else ""
    extra = []
    if event.modality != "asserted":
        extra.append(event.modality)
    if event.fatalities:
        extra.append(f"{event.fatalities} killed")
    evidence = event.sentence if len(event.sentence) < 160 else event.sentence[:157] + "..."
    return {
        "type": f"{event.type}{mode}" + (f" ({', '.join(extra)})" if extra else ""),
        "source": actors(event.sources),
        "target": actors(event.targets),
        "date": event.date or "",
        "place": place,
        "evidence": f"{evidence}  «{event.trigger}»",
    }


EVENT_TABLE = (("type", "Type"), ("source", "Source"), ("target", "Target"), ("date", "Date"),
               ("place", "Place"), ("evidence", "Evidence"))
