"""Who stays away from a meeting: the actors an absence word names (``وسط غياب ممثلي تونس والمغرب``,
``في غياب X``, ``تغيب X عن الاجتماع``, ``قاطعت X القمة``) take no part in it.

:func:`absent_keys` reads the lexicon class ``absence_word`` (``lexicons/classes/relations.toml``): the
states, organisations and persons coordinated right after the word (after fillers such as ``ممثلي``/``وفد من``
of classes ``participant_filler`` and ``delegation_noun``, or a state's head noun) in its sentence. :func:`drop_absent` removes the
``participatesIn`` facts of a paragraph whose subject it names there, whichever rule made them (a
participation word elsewhere in the sentence, a representative noun read as a participant).

It makes no fact (no "absent from" relation) and does not read negation (``لم تشارك``): the participation
rules do that.
"""
from __future__ import annotations

from ..text.word_classes import load
from .spans import coordinated, sentence_bounds

ABSENCE_CLASS = "absence_word"
_FILLER_CLASSES = ("participant_filler", "delegation_noun")
_KINDS = ("state", "org", "person")
_FILLER_REACH = 2          # at most two filler words between the absence word and the first actor


def absent_keys(toks) -> set:
    """The keys of the entities an absence word names in the tokens ``toks`` (one paragraph)."""
    lex = load()
    out = set()
    for m in lex.find(toks, ABSENCE_CLASS):
        _lo, hi = sentence_bounds(toks, m.i)
        k = m.j
        for _ in range(_FILLER_REACH):
            f = next((x for c in _FILLER_CLASSES if (x := lex.is_a(toks, k, c)) is not None), None) if k < hi else None
            if f is None:
                break
            k = f.j
        items, _end = coordinated(toks, k, hi, _KINDS)
        out.update(x.entity.key for x in items)
    return out


def drop_absent(toks, facts):
    """``facts`` of one paragraph (tokens ``toks``) without the ``participatesIn`` of an actor it says stayed away."""
    facts = list(facts)
    if not any(f.predicate == "participatesIn" for f in facts):
        return facts
    away = absent_keys(toks)
    if not away:
        return facts
    return [f for f in facts if not (f.predicate == "participatesIn" and getattr(f.subject, "key", None) in away)]
