"""PLOVER, CAMEO and ACLED: the event ontologies as tables read from ``data/events/``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from fivews.data_files import load_csv, load_yaml

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PentaClass of each PLOVER type, used when a CAMEO code is missing
PENTA_BY_TYPE = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 1, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 3,
    "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int | None
    penta_class: int | None
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AcledRule:
    event_type: str
    sub_event_type: str
    plover_type: tuple[str, ...]
    plover_mode: tuple[str, ...] | None
    source_sectors: tuple[str, ...] | None
    target_sectors: tuple[str, ...] | None
    target_armed: bool | None


def _num(value: str, kind=float):
    try:
        return kind(value) if value not in ("", None) else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    table = {}
    for row in load_csv("events/cameo.csv"):
        code = row["code"].strip()
        table[code] = CameoCode(
            code=code,
            name=row.get("name", ""),
            goldstein=_num(row.get("goldstein")),
            quad_class=_num(row.get("quad_class"), int),
            penta_class=_num(row.get("penta_class"), int),
            plover_type=row.get("plover_type") or None,
            plover_mode=row.get("plover_mode") or None,
            plover_context=tuple(c for c in (row.get("plover_context") or "").split("|") if c),
        )
    return table


def cameo(code: str | None) -> CameoCode | None:
    if not code:
        return None
    table = cameo_codes()
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 2 else ""
    return None


@lru_cache(maxsize=1)
def plover_types() -> dict[str, dict]:
    data = load_yaml("events/plover.yaml")
    return {t["type"]: t for t in data.get("types", [])}


def default_cameo(plover_type: str, mode: str | None) -> str | None:
    spec = plover_types().get(plover_type)
    if spec is None:
        return None
    for m in spec.get("modes") or []:
        if mode and m.get("mode") == mode and m.get("cameo"):
            return str(m["cameo"])
    return str(spec["cameo"]) if spec.get("cameo") else None


def _tuple(value) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


@lru_cache(maxsize=1)
def acled_rules() -> tuple[AcledRule, ...]:
    data = load_yaml("events/acled.yaml")
    rules = []
    for item in data.get("mappings") or []:
        rules.append(
            AcledRule(
                event_type=item["event_type"],
                sub_event_type=item["sub_event_type"],
                plover_type=_tuple(item.get("plover_type")) or (),
                plover_mode=_tuple(item.get("plover_mode")),
                source_sectors=_tuple(item.get("source_sectors")),
                target_sectors=_tuple(item.get("target_sectors")),
                target_armed=item.get("target_armed"),
            )
        )
    return tuple(rules)


ARMED_SECTORS = {"MIL", "REB", "COP", "SPY", "UAF", "PRM", "CRM"}


def acled_category(
    plover_type: str, mode: str | None, source_sectors: set[str], target_sectors: set[str]
) -> tuple[str | None, str | None]:
    """The first ACLED rule that fits the event, as (event type, sub-event type)."""
    target_armed = bool(target_sectors & ARMED_SECTORS)
    for rule in acled_rules():
        if rule.plover_type and plover_type not in rule.plover_type:
            continue
        if rule.plover_mode is not None and (mode or "") not in rule.plover_mode:
            continue
        if rule.source_sectors is not None and not (source_sectors & set(rule.source_sectors)):
            continue
        if rule.target_sectors is not None and not (target_sectors & set(rule.target_sectors)):
            continue
        if rule.target_armed is not None and rule.target_armed != target_armed:
            continue
        return rule.event_type, rule.sub_event_type
    return None, None
