"""Build and validate event_sentences.jsonl from the hand-written drafts in sources/.

Draft format, one sentence per line (lines starting with # are comments):

    mode [flags] | text with {source words} and <target words> marked

mode is a PLOVER mode of the file's type or "-" for none. Flags: p0..p4 (override the
default PentaClass; only the documented special cases are accepted), neg, hyp, int
(modality negated / hypothetical / intended; default asserted).

    python build_event_sentences.py            # build, then validate the output
    python build_event_sentences.py --check    # only validate the existing jsonl
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
OUT = HERE / "event_sentences.jsonl"

MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone",
                "heavy-weapons", "crowd-control", "unconventional"},
    "NONE": set(),
}

# default PentaClass per type
PENTA = {
    "NONE": 0,
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 0,  # appeals ("urged", "called on", "asked"); demands are 3
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
# documented departures from the default: type -> allowed other classes
SPECIAL_PENTA = {
    "REQUEST": {3},   # demands, orders, ultimatums
    "REJECT": {0},    # denials of accusations or responsibility
    "CONCEDE": {1},   # announced future concessions and apologies / expressions of regret
}
DENIAL = re.compile(r"\b(den(y|ies|ied|ying|ial|ials)|refut\w*|dismiss\w*|rebuff\w*|"
                    r"reject\w* .{0,30}(accusation|allegation|claim|charge|report)s?)", re.I)
APOLOGY = re.compile(r"\b(apolog\w*|regret\w*|remorse|sorry|forgiveness)", re.I)
DEMAND = re.compile(r"\b(demand\w*|order\w*|insist\w*|ultimatum|must|told\b|instruct\w*|"
                    r"gave .{0,40}(hours|days|week|deadline)|summon\w*)", re.I)
MODALITY = {"neg": "negated", "hyp": "hypothetical", "int": "intended"}
MARK = re.compile(r"\{([^{}<>]+)\}|<([^{}<>]+)>")


def parse_line(line: str, typ: str, where: str) -> dict:
    head, sep, body = line.partition(" | ")
    if not sep:
        raise ValueError(f"{where}: no ' | ' separator")
    tags = head.split()
    mode = tags[0]
    mode = None if mode == "-" else mode
    penta = PENTA[typ]
    modality = "asserted"
    for flag in tags[1:]:
        if re.fullmatch(r"p[0-4]", flag):
            penta = int(flag[1])
        elif flag in MODALITY:
            modality = MODALITY[flag]
        else:
            raise ValueError(f"{where}: unknown flag {flag!r}")
    sources, targets = [], []
    text, last = "", 0
    for m in MARK.finditer(body):
        text += body[last:m.start()]
        words = m.group(1) or m.group(2)
        (sources if m.group(1) is not None else targets).append((words, len(text)))
        text += words
        last = m.end()
    text += body[last:]
    if len(sources) > 1 or len(targets) > 1:
        raise ValueError(f"{where}: more than one source or target marked")
    if text != text.strip() or any(c in text for c in "{}<>|"):
        raise ValueError(f"{where}: stray markup or spaces in {text!r}")
    for words, start in sources + targets:
        # the marked words must be the first occurrence of that string in the text, so
        # that text.find(source) recovers the span
        if text.find(words) != start:
            raise ValueError(f"{where}: {words!r} occurs earlier in the text than where marked")
    sources = [w for w, _ in sources]
    targets = [w for w, _ in targets]
    return {
        "text": text,
        "type": typ,
        "mode": mode,
        "penta": penta,
        "source": sources[0] if sources else None,
        "target": targets[0] if targets else None,
        "modality": modality,
    }


def build() -> list[dict]:
    records, problems = [], []
    for path in sorted(SOURCES.glob("*.txt")):
        typ = path.stem
        if typ not in MODES:
            raise SystemExit(f"{path.name}: file name is not a type")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                records.append(parse_line(line, typ, f"{path.name}:{n}"))
            except ValueError as exc:
                problems.append(str(exc))
    if problems:
        raise SystemExit("\n".join(problems))
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def validate(path: Path = OUT) -> bool:
    errors = []
    seen: dict[str, int] = {}
    by_type = collections.Counter()
    by_penta = collections.Counter()
    by_mode = collections.defaultdict(collections.Counter)
    by_modality = collections.Counter()
    lengths = []
    keys = {"text", "type", "mode", "penta", "source", "target", "modality"}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not JSON ({exc})")
            continue
        if set(rec) != keys:
            errors.append(f"line {n}: fields {sorted(rec)}")
            continue
        text, typ, mode, penta = rec["text"], rec["type"], rec["mode"], rec["penta"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"line {n}: empty text")
            continue
        if typ not in MODES:
            errors.append(f"line {n}: bad type {typ!r}")
            continue
        if mode is not None and mode not in MODES[typ]:
            errors.append(f"line {n}: mode {mode!r} not a mode of {typ}")
        if not isinstance(penta, int) or not 0 <= penta <= 4:
            errors.append(f"line {n}: penta {penta!r} not in 0-4")
        elif penta != PENTA[typ]:
            if penta not in SPECIAL_PENTA.get(typ, set()):
                errors.append(f"line {n}: penta {penta} inconsistent with {typ}")
            elif typ == "REJECT" and not DENIAL.search(text):
                errors.append(f"line {n}: REJECT penta 0 but no denial wording")
            elif typ == "CONCEDE" and not (rec["modality"] == "intended" or APOLOGY.search(text)):
                errors.append(f"line {n}: CONCEDE penta 1 but neither intended nor apology")
            elif typ == "REQUEST" and not DEMAND.search(text):
                errors.append(f"line {n}: REQUEST penta 3 but no demand wording")
        if typ == "NONE" and (mode or rec["source"] or rec["target"] or rec["modality"] != "asserted"):
            errors.append(f"line {n}: NONE with mode/source/target/modality")
        if rec["modality"] not in {"asserted", "negated", "hypothetical", "intended"}:
            errors.append(f"line {n}: bad modality {rec['modality']!r}")
        for role in ("source", "target"):
            val = rec[role]
            if val is not None and (not isinstance(val, str) or val not in text):
                errors.append(f"line {n}: {role} {val!r} not a substring of the text")
            elif val is not None:
                k = text.find(val)
                if (k > 0 and text[k - 1].isalnum()) or (text[k + len(val):k + len(val) + 1].isalnum()):
                    errors.append(f"line {n}: first occurrence of {role} {val!r} is inside a word")
        if rec["source"] and rec["target"] and rec["source"] == rec["target"]:
            errors.append(f"line {n}: source equals target")
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen:
            errors.append(f"line {n}: duplicate of line {seen[key]}: {text!r}")
        seen[key] = n
        words = len(text.split())
        lengths.append(words)
        if not 8 <= words <= 45:
            errors.append(f"line {n}: {words} words")
        by_type[typ] += 1
        by_penta[penta] += 1
        by_mode[typ][mode] += 1
        by_modality[rec["modality"]] += 1
    for typ in MODES:
        need = 250 if typ == "NONE" else 110
        if by_type[typ] < need:
            errors.append(f"{typ}: {by_type[typ]} sentences, need {need}")
        missing = MODES[typ] - set(by_mode[typ])
        if missing:
            errors.append(f"{typ}: modes never used: {sorted(missing)}")
    print(f"{path}: {sum(by_type.values())} sentences")
    print("per type:  " + ", ".join(f"{t} {by_type[t]}" for t in MODES))
    print("per penta: " + ", ".join(f"{p}: {by_penta[p]}" for p in range(5)))
    print("modality:  " + ", ".join(f"{k} {v}" for k, v in by_modality.most_common()))
    if lengths:
        print(f"words:     min {min(lengths)}, max {max(lengths)}, "
              f"mean {sum(lengths) / len(lengths):.1f}")
    for typ in MODES:
        if MODES[typ]:
            print(f"  {typ:9s} " + ", ".join(f"{m or '-'} {c}" for m, c in
                                              sorted(by_mode[typ].items(), key=lambda x: str(x[0]))))
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return not errors


if __name__ == "__main__":
    if "--check" not in sys.argv:
        build()
    sys.exit(0 if validate() else 1)
