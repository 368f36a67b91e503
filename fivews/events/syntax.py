"""Reading the dependency parse: subjects, passive subjects, agents and the objects of
prepositions, following coordination, control and participles."""
from __future__ import annotations

from spacy.tokens import Token


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, following coordination, control and participles."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:
        # a misparse with two subjects: the one next to the verb when a clause comes between
        # ("a judge ordered ... after police arrested him"), else the first, whose apposition
        # the other is ("its first convoy, six trucks carrying tents, arrived")
        before = [c for c in subjects if c.i < verb.i]
        if len(before) > 1 and any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod")
                                   for t in verb.doc[before[0].i + 1: before[-1].i]):
            subjects = [before[-1]]
    for child in subjects:
        if child.lower_ in ("that", "who", "which") and verb.dep_ == "relcl":
            return verb.head
        return child
    for aux in verb.children:  # a subject the parser hung on an auxiliary ("X however have opposed")
        if aux.dep_ == "aux" and aux.i < verb.i:
            found = next((c for c in aux.children if c.dep_ == "nsubj"), None)
            if found is not None:
                return found
    if depth > 4 or verb.head == verb:
        return None
    head = verb.head
    if verb.dep_ == "conj":
        return subject_of(head, depth + 1)
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in ("dobj",)]
        return objects[0] if objects else subject_of(head, depth + 1)
    if verb.dep_ == "ccomp" and head.lemma_.lower() == "let":  # "Egypt let free the activist"
        return subject_of(head, depth + 1)
    if verb.dep_ == "acomp":  # "is willing to provide": the subject of "is"
        return subject_of(head, depth + 1)
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
        return subject_of(head, depth + 1) if head.pos_ in ("VERB", "AUX") else head
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and head.pos_ in ("NOUN", "PROPN"):
        return head  # a finite verb the parser hung on its subject ("The air force carried out ...")
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
        return subject_of(head, depth + 1)
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def passive_subject(verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    if verb.dep_ == "conj" and depth < 3:
        found = passive_subject(verb.head, depth + 1)
        return found if found is not None else subject_of(verb.head)
    if verb.dep_ == "acl":
        return verb.head
    return None


def agent_of(verb: Token) -> Token | None:
    """Who did what a passive verb says: the object of its "by"; not a deadline the parser
    took for one ("had not been released by Friday")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                    return pobj
    return None


def prep_objects(tok: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of ``tok``'s prepositions among ``words``; of coordinated prepositions
    too ("travel curbs to and from North Korea")."""
    found = []
    for word in words:
        for child in tok.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ == word:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if not objs:
                    objs = [c for conj in child.conjuncts if conj.dep_ in ("conj", "prep")
                            for c in conj.children if c.dep_ == "pobj"]
                found.extend(objs)
    return found
