"""Printing an evaluation report for people (rich tables) or programs (JSON)."""
from __future__ import annotations

import json
from typing import IO

from fivews.evaluate.metrics import Report, fmt


def write_report(report: Report, out: IO[str], fmt_name: str = "table", details: bool = False) -> None:
    if fmt_name == "json":
        out.write(json.dumps(report.as_dict(with_details=details), indent=2, ensure_ascii=False, default=str) + "\n")
        return
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(file=out, width=max(100, Console().width))
    console.print(f"[bold]fivews eval {report.name}[/bold]  {report.source}")
    figures = RichTable(show_header=False, box=None, pad_edge=False)
    figures.add_column(style="bold")
    figures.add_column(justify="right")
    for key, value in report.figures.items():
        figures.add_row(key, json.dumps(value) if isinstance(value, dict) else fmt(value))
    console.print(figures)
    for table in report.tables:
        rich_table = RichTable(title=table.title, title_justify="left")
        for column in table.columns:
            rich_table.add_column(column, overflow="fold")
        for row in table.rows:
            rich_table.add_row(*[fmt(cell) for cell in row])
        console.print(rich_table)
    if details:
        for item in report.details:
            console.print(json.dumps(item, ensure_ascii=False, default=str), soft_wrap=True, markup=False,
                          highlight=False)
