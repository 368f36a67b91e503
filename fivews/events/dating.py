"""When an event happened, from the date expressions of its sentence: the one tied to its
trigger, its own clause, a clause above it, a clause at the same time ("flew to Niamey on
Sunday to mediate and met ..."), or a date counted from another clause ("a day after")."""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from fivews.events.syntax import subject_of
from fivews.models import TimeRef
from fivews.times.resolve import TimeMention

if TYPE_CHECKING:
    from fivews.events.extract import Frame


def resolve_date(frame: Frame, sent: Span, times: list[TimeMention], other_anchors: set[int]) -> TimeMention | None:
    anchors = {t.i for t in frame.anchors()}
    in_sent = [t for t in times if sent.start <= t.start < sent.end]
    for mention in in_sent:
        if mention.anchor in anchors:
            return mention
    # a date inside the trigger's own clause: "took control of Sirte in a rapid advance on Monday"
    own_clause = set()
    for tok in frame.anchors():
        stack = [c for c in tok.children if c.dep_ not in ("ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp")]
        while stack:
            node = stack.pop()
            own_clause.add(node.i)
            stack.extend(c for c in node.children if c.dep_ not in ("ccomp", "advcl", "relcl", "acl", "parataxis"))
    for mention in in_sent:
        if mention.anchor in own_clause and mention.anchor not in other_anchors:
            return mention
    relative = _relative_date(frame, in_sent)
    if relative is not None:
        return relative
    # a date on a clause above the event: "On Tuesday afternoon, clashes broke out around
    # al-Washka, where nine men were killed"
    ancestors = {a.i for tok in frame.anchors() for a in _above_own_clause(tok)}
    for mention in in_sent:
        if mention.anchor in ancestors and mention.anchor not in other_anchors:
            return mention
    # a date on a coordinated verb: "fired tear gas and detained protesters on Monday night"
    conjuncts = {c.i for tok in frame.anchors() if tok.pos_ in ("VERB", "AUX") for c in tok.conjuncts
                 if not _own_subject(c)}  # not "..., and Turkey struck a deal in November"
    for mention in in_sent:
        if mention.anchor in conjuncts:
            return mention
    # a date of a clause that happens at the same time: "flew to Niamey on Sunday to mediate
    # and met both", "as demonstrations spread", "meeting in Abuja on Sunday, demanded"
    by_anchor = {m.anchor: m for m in in_sent}
    for tok in frame.anchors():
        node = tok
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX"):
            node = tok.head  # "as demonstrations reached the capital": the clause of the noun
            if node.i in by_anchor and node.i not in other_anchors:
                return by_anchor[node.i]
        if node.dep_ == "relcl" and node.head.i in by_anchor:
            return by_anchor[node.head.i]  # "the 2011 uprising that toppled Gaddafi"
        where = _where_clause(node)
        if where is not None and where.i in by_anchor:
            return by_anchor[where.i]  # "protests began on Saturday in Saqqez, where police used tear gas"
        for _ in range(4):
            if not _same_time(node) or node.head == node or node.dep_ == "conj" and _own_subject(node):
                break  # (not into the clause before "and Haftar's offensive upended ...")
            node = node.head
            if node.i in by_anchor:
                return by_anchor[node.i]
        for child in tok.children:
            if child.dep_ == "advcl" and _same_time(child) and child.i in by_anchor and child.tag_ in ("VBG", "VBN"):
                return by_anchor[child.i]
        subject = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
        for child in subject.children if subject is not None else ():
            if child.dep_ == "acl" and child.tag_ == "VBG" and child.i in by_anchor:
                return by_anchor[child.i]  # "leaders, meeting in Abuja on Sunday, demanded"
    return None


SEQUENCE_MARKS = {"after", "before", "since", "until", "till", "once", "following", "ahead"}
OFFSET_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "hour": 0, "hours": 0}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}


def _where_clause(verb: Token) -> Token | None:
    """The verb of the clause a "where"/"when" relative clause hangs on: "began in Saqqez,
    where police used tear gas" happened where and when the protests began."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in verb.children):
        return None
    for above in verb.ancestors:
        if above.pos_ in ("VERB", "AUX"):
            return above
    return None


def _marked_in_sequence(clause: Token) -> bool:
    """Whether a clause is introduced as before or after another ("after", "until", ...)."""
    return any(c.dep_ in ("mark", "prep", "advmod") and c.lower_ in SEQUENCE_MARKS for c in clause.children)


def _same_time(clause: Token) -> bool:
    """A clause linked to its head as happening at the same time: coordinated, a purpose or
    complement ("to mediate"), or an adverbial without a marker of sequence ("as ...")."""
    if clause.dep_ in ("conj", "xcomp"):
        return True
    if clause.dep_ != "advcl":
        return False
    return not _marked_in_sequence(clause)


def _relative_date(frame: Frame, in_sent: list[TimeMention]) -> TimeMention | None:
    """ "arrested ministers on Monday, a day after leaders gave them a week": the event of
    the "after" clause is a day before the date of the clause it hangs on."""
    by_anchor = {m.anchor: m for m in in_sent}
    node = frame.light or frame.token
    for _ in range(5):
        word = next((c for c in node.children if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None)
        unit = next((c for c in (*node.children, *(word.children if word is not None else ()))
                     if c.dep_ == "npadvmod" and c.lower_ in OFFSET_UNITS), None)  # "two days after", either way
        if word is not None and unit is not None and node.dep_ in ("advcl", "pcomp", "prep"):
            break
        if word is not None and unit is not None and node.dep_ == "ROOT" and word.dep_ == "mark" \
                and word.i > node.sent.start and node.i in (frame.token.i, (frame.light or frame.token).i):
            break  # the parser made the "after" clause the root: "a judge ordered on Thursday ..., three days after police arrested him"
        if node.head == node:
            return None
        node = node.head
    else:
        return None
    days = OFFSET_UNITS[unit.lower_]
    count = next((c for c in unit.children if c.dep_ in ("det", "nummod")), None)
    number = NUMBER_WORDS.get(count.lower_) if count is not None else None
    if number is None and count is not None and count.text.isdigit():
        number = int(count.text)
    if number is None and days:
        return None  # "days after": no day to count
    base = None
    if node.dep_ == "ROOT":  # the date said before the "after" clause
        before = [m for m in in_sent if m.end <= unit.left_edge.i and m.anchor != node.i]
        base = before[-1] if before else None
    for above in node.ancestors:  # the date of the clause the phrase hangs on, or of its subject
        subject = subject_of(above) if above.pos_ in ("VERB", "AUX") else None  # "Saturday's bombings came a week after"
        base = by_anchor.get(above.i) or (by_anchor.get(subject.i) if subject is not None else None)
        if base is not None:
            break
    if base is None or base.ref.precision != "day" or not base.ref.date or len(base.ref.date) != 10:
        return None
    shift = (number or 0) * days * (-1 if word.lower_ == "after" else 1)
    day = date.fromisoformat(base.ref.date) + timedelta(days=shift)
    first = unit.left_edge
    text = frame.token.doc[first.i: word.i + 1] if first.i < word.i else frame.token.doc[word.i: word.i + 1]
    ref = TimeRef(text.text, day.isoformat(), None, "day" if days <= 1 else "week")
    return TimeMention(text.start, text.end, text.start_char, text.end_char, ref, frame.token.i)


def sentence_date(sent: Span, times: list[TimeMention]) -> TimeMention | None:
    """The date of a sentence's main clause ("Crowds gathered on Monday", "Saturday's
    bombings came ..."), not of a clause below it ("a plan it accepted in April 2021")."""
    doc = sent.doc
    # (a span that runs to now, "divided since 2014", tells how long a state has lasted,
    # not when the story is)
    for mention in (t for t in times if sent.start <= t.start < sent.end and t.ref.date
                    and not (t.ref.date_end and (t.ref.text or "").lower().startswith("since"))):
        node = doc[mention.anchor]
        if node.pos_ not in ("VERB", "AUX") and node.dep_ in ("nsubj", "nsubjpass", "dobj"):
            node = node.head
        while node.dep_ == "conj" and node.head != node and not _own_subject(node):
            node = node.head  # "... and Turkey struck a deal in November" is a clause of its own
        if node.head == node:
            return mention
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _above_own_clause(tok: Token) -> list[Token]:
    """The words above a trigger up to a relative clause that describes a noun ("soldiers who
    seized power arrested ministers on Monday": the seizure is not dated by Monday)."""
    out = []
    node = tok
    while node.head != node:
        if node.dep_ == "relcl" and _where_clause(node) is None:
            break
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and _own_subject(node):
            break  # "Libya has been divided since 2014, and Haftar's offensive upended ...": not its date
        node = node.head
        out.append(node)
    return out


def sequenced(frame: Frame) -> bool:
    """Whether the event sits in a clause placed before or after another ("days after police
    shot a student", "after the attack") or in a relative clause describing a noun: it does
    not share the date of the main clause."""
    node = frame.light or frame.token
    while node.head != node:
        if node.dep_ in ("advcl", "pcomp") and _marked_in_sequence(node):
            return True
        if node.dep_ == "pobj" and node.head.lower_ in SEQUENCE_MARKS:
            return True
        if node.dep_ == "relcl" and node.pos_ in ("VERB", "AUX") and _where_clause(node) is None:
            return True  # a relative clause describes its noun: "soldiers who seized power"
        node = node.head
    return False


def moves_narrative(frame: Frame) -> bool:
    """Whether an event's own date moves the story's date on: not one in a relative clause
    that gives background ("Libya, where Gaddafi's rule was toppled in 2011, ..."). An
    event placed before another does ("The raid came days after gunmen attacked a college
    on Wednesday. They abducted students" happened that Wednesday)."""
    node = frame.light or frame.token
    while node.head != node:
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return True


def in_other_clause(tok: Token, frame: Frame) -> bool:
    """Whether a word sits in a clause placed before or after the event's own ("came a week
    after fighters stormed a hotel in Kismayo") or in a relative clause the event is not in,
    so that what it says is not the event's."""
    own = {t.i for t in frame.anchors()}
    node = tok
    while node.head != node:
        if node.dep_ in ("advcl", "pcomp") and _marked_in_sequence(node) \
                or node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            # also a relative clause: "a declaration which condemned the war in Ukraine"
            return not any(t.i in own for t in node.subtree)
        node = node.head
    return False
