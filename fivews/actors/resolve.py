"""From words to coded actors: lexicon matches in a Doc, and the actor a phrase stands for."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from fivews.actors.kb import ActorKB, Entry
from fivews.models import Actor
from fivews.text_norm import fold, lead_word, name_key

# kinds of lexicon entries that are names and so must be written with a capital
_PROPER = {"country", "adjective", "demonym", "seat", "org", "person"}
_MAX_WORDS = 9


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon hit: tokens [start, end) of a Doc and what they may stand for."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    key: str = ""  # the folded words matched

    @property
    def entry(self) -> Entry:
        return self.entries[0]


SPONSOR_WORDS = {"backed", "supported", "sponsored", "funded", "armed", "allied", "aligned", "trained", "financed"}


def _sponsor(tokens: list[Token], after: int) -> bool:
    """A name followed by "-backed", "-funded"...: the sponsor of the actor, not the actor."""
    if after + 1 < len(tokens) and tokens[after].text in ("-", "–") and tokens[after + 1].lower_ in SPONSOR_WORDS:
        return True
    return after < len(tokens) and tokens[after].lower_.lstrip("-–") in SPONSOR_WORDS and tokens[after].text[:1] in "-–"


def find_matches(doc: Doc | Span, kb: ActorKB) -> list[Match]:
    """Longest-first, left-to-right lexicon matches over the tokens.

    Keys are cut from the text by character offsets, so no Span is made unless a name
    matches; a word no name starts with is skipped at once.
    """
    tokens = list(doc)
    offset = 0 if isinstance(doc, Doc) else doc.start
    text = doc.doc.text if isinstance(doc, Span) else doc.text
    n_tokens = len(tokens)
    max_n = min(_MAX_WORDS, kb.max_words)
    starts = [t.idx for t in tokens]
    ends = [t.idx + len(t.text) for t in tokens]
    punct = [t.is_punct for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    stop = [t.is_stop and t.lower_ != "the" for t in tokens]
    matches: list[Match] = []
    i = 0
    while i < n_tokens:
        tok = tokens[i]
        if punct[i] and tok.text != "(":
            i += 1
            continue
        if tok.lower_ != "the" and lead_word(fold(tok.text)) not in kb.lead_words \
                and lead_word(fold(lemmas[i])) not in kb.lead_words:
            i += 1  # no name or role word starts with this word
            continue
        found = None
        for n in range(min(max_n, n_tokens - i), 0, -1):
            j = i + n - 1
            if punct[j] and n > 1:
                continue
            key = name_key(text[starts[i]:ends[j]])
            entries = kb.lexicon.get(key)
            if entries is None and n <= 3 and not any(stop[i:j + 1]):
                entries = kb.lexicon.get(" ".join(lemmas[i:j + 1]))
                entries = [e for e in entries or () if e.kind in ("sector", "modifier")] or None
            if not entries:
                continue
            lead = i + 1 if tok.lower_ == "the" and n > 1 else i  # "the Government of National Accord"
            first = text[starts[lead]:starts[lead] + 1]
            if not (first.isupper() or first.isdigit()):
                entries = [e for e in entries if e.kind not in _PROPER]
            if entries:
                found = Match(offset + i, offset + i + n, tuple(entries), key)
                break
        if found and _sponsor(tokens, found.end - offset):
            found = None  # "Iran-backed militias in Iraq": Iran backs them, they are not Iran's
            i = i + 1
            continue
        if found:
            matches.append(found)
            i = found.end - offset
        else:
            i += 1
    return matches


class ActorCoder:
    """Codes a phrase (a list of lexicon matches and a head) as one actor."""

    def __init__(self, kb: ActorKB):
        self.kb = kb

    # -- actors of each kind ------------------------------------------------------------
    def state(self, text: str, iso3: str, sector: str | None = None) -> Actor:
        country = self.kb.countries.get(iso3)
        name = country.name if country else iso3
        if sector:
            name = f"{name} ({self.kb.sector_name(sector)})"
        return Actor(text, name, iso3 + (sector or ""), iso3, sector, "state" if not sector else "group", iso3)

    def organization(self, text: str, org_id: str, day: date | None = None) -> Actor:
        org = self.kb.organizations[org_id]
        kind = org.kind if org.kind in ("igo", "ngo", "armed_group", "organization") else "organization"
        code, sector = org.coding_on(day)
        return Actor(text, org.name, code, org.country, sector, kind, org.id)

    def person(self, text: str, person_id: str, day: date | None, former: bool = False) -> Actor:
        person = self.kb.people[person_id]
        role, current = person.role_on(day)
        country = (role.country if role and role.country else None) or person.country
        if role is None:
            sector = None
        elif current and not former:
            sector = role.sector
        else:
            sector = "ELI"  # former office-holders
        if sector == "ELI" and role is not None and role.sector == "IGO":
            # a former head of an international body is a former official of his own state
            country = person.country or next((r.country for r in person.roles if r.country), None)
        code = (country or "") + (sector or "")
        if role and role.org and current and not former and role.org in self.kb.organizations:
            org = self.kb.organizations[role.org]
            code, org_sector = org.coding_on(day)
            country = org.country if org.kind in ("igo", "ngo") else (org.country or country)
            sector = org_sector or sector
        return Actor(text, person.name, code or "UNK", country, sector, "person", person.id)

    def unknown_person(self, text: str, name: str, country: str | None, sector: str | None, former: bool) -> Actor:
        if former and sector:
            sector = "ELI"
        return Actor(text, name, (country or "") + (sector or "") or "UNK", country, sector, "person", None)

    def sector_only(self, text: str, sector: str) -> Actor:
        return Actor(text, self.kb.sector_name(sector) or sector, sector, None, sector, "group", None)

    # -- composition -------------------------------------------------------------------
    def compose(
        self,
        text: str,
        matches: list[Match],
        head_index: int | None,
        day: date | None,
        person_name: str | None = None,
    ) -> Actor | None:
        """The actor a phrase stands for, from its lexicon matches.

        Priority: a named person, organisation or group (the one at the head first), then a
        state with the sector of the head word, then a state, then a bare sector.
        """
        if not matches and not person_name:
            return None

        def covers_head(m: Match) -> bool:
            return head_index is not None and m.start <= head_index < m.end

        former = any(m.entry.kind == "modifier" and m.entry.ref == "former" for m in matches)
        named = [m for m in matches if m.entry.kind in ("person", "org")]
        head_named = [m for m in named if covers_head(m)]
        pick = head_named[0] if head_named else None
        if pick is None and named and head_index is not None:
            # "Haftar's forces": a named actor in the phrase and the head a sector word
            pick = named[-1]
        elif pick is None and named:
            pick = named[-1]
        # the state that qualifies the head ("the British ambassador to Iran" is British;
        # "Bosnian Serb police" are Bosnian), else one named after it ("the President of France")
        state_matches = [m for m in matches if m.entry.kind in ("country", "adjective", "demonym", "seat")]
        before = [m for m in state_matches if head_index is None or m.start <= head_index]
        country = (before[0] if before else state_matches[-1]).entry.ref if state_matches else None
        sector_matches = [m for m in matches if m.entry.kind == "sector"]
        head_sector = next((m for m in sector_matches if covers_head(m)), None)
        sector = (head_sector or (sector_matches[-1] if sector_matches else None))
        if sector is not None and sector.key in self.kb.generic_heads:
            # "an Indian Navy official", "opposition activists": the word that says whose
            specific = [m for m in sector_matches if m.start < sector.start and m.key not in self.kb.generic_heads]
            sector = specific[-1] if specific else sector
        sector_code = sector.entry.ref if sector else None

        if pick is not None:
            entry = pick.entry
            if entry.kind == "person":
                known = self.person(text, entry.ref, day, former)
                # "Paraguayan President Santiago Pena" is not a namesake from another state
                if person_name and country and known.country and known.country != country \
                        and len(person_name.split()) > pick.end - pick.start:
                    return self.unknown_person(text, person_name, country, sector_code, former)
                return known
            org = self.kb.organizations[entry.ref]
            return self.organization(text, org.id, day)
        if person_name:
            if country or sector_code:
                return self.unknown_person(text, person_name, country, sector_code, former)
            return None
        seat = next((m for m in matches if m.entry.kind == "seat"), None)
        if country:
            if sector_code is None and seat is not None:
                sector_code = "GOV"
            demonym = next((m for m in state_matches if m.entry.kind == "demonym" and covers_head(m)), None)
            if sector_code is None and demonym is not None and _counted_or_described(text, demonym.key):
                # "young Kenyans", "dozens of Iraqis": people, not the state ("the Israelis
                # said they had attacked" is Israel)
                sector_code = "CVL"
            if former and sector_code:
                sector_code = "ELI"
            return self.state(text, country, sector_code)
        if sector_code:
            return self.sector_only(text, "ELI" if former else sector_code)
        return None

    def code_text(self, doc: Doc, day: date | None) -> Actor | None:
        """Code a whole (short) Doc as one actor: the `fivews actor` command."""
        text = doc.text.strip()
        if not text:
            return None
        matches = find_matches(doc, self.kb)
        head = _phrase_head(doc)
        person_name = None
        covered = {i for m in matches for i in range(m.start, m.end)}
        persons = [e for e in doc.ents if e.label_ == "PERSON" and not all(t.i in covered for t in e)]
        if persons:
            person_name = persons[-1].text
        elif head is not None and head.pos_ == "PROPN" and not any(m.start <= head.i < m.end for m in matches):
            start = head.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and not any(m.start <= start - 1 < m.end for m in matches):
                start -= 1
            person_name = doc[start: head.i + 1].text
        return self.compose(text, matches, head.i if head is not None else None, day, person_name)


def _counted_or_described(text: str, demonym_key: str) -> bool:
    """Whether a phrase says more of the people a demonym names than "the Kenyans"."""
    words = [w for w in text.lower().replace("’", "'").split() if w not in ("the",)]
    return len(words) > len(demonym_key.split())


def _phrase_head(doc: Doc) -> Token | None:
    roots = [t for t in doc if t.head == t]
    return roots[0] if roots else (doc[-1] if len(doc) else None)
