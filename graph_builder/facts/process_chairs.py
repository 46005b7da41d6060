"""Who chairs a standing process (the Forum, a regional dialogue, a named process), in the forms press
and reports write it, in any sentence whether or not it names a meeting:

* ``تتولى مصر رئاسة «عملية الخرطوم»``, ``تولى كل من المغرب وألمانيا مهمة رئاسة المنتدى``, ``تسلم المغرب
  وألمانيا رئاسة المنتدى``, ``بنغلاديش التي تتولى رئاسة المنتدى``: a taking verb (lexicon class
  ``chair_take``) and its subject, before or after it, then the noun رئاسة and the process;
* ``مصر تترأس «عملية الخرطوم»``, ``تترأس الإمارات الدورة الجديدة من المنتدى``, ``المنتدى، الذي ترأسه
  تركيا``: a chair verb (``chair_verb``) whose object (or, for a pronoun, whose antecedent) is the process;
* ``المنتدى، الذي تولت السويد رئاسته``, ``تعاقبت على رئاسته كل من المغرب وألمانيا وبنغلاديش``: رئاسة with a
  pronoun that takes up the process named before (a list after a succession verb: each held it in turn);
* ``سلمت عمان رئاسة الدورة التاسعة لحوار أبوظبي إلى الفلبين``, ``انتقال الرئاسة الدورية للمسار من إندونيسيا
  إلى بنغلاديش``, ``تسلم X الرئاسة من Y``: both the one handing over and the one receiving held it;
* ``رئاسة الإكوادور للمنتدى``: the actor between رئاسة and ل + the process;
* ``بشراكة مع المغرب`` after a chairmanship, ``وتشاركها المجر في الرئاسة``: a co-chair.

Two holders of one chairmanship joined by و, or a co form (الرئاسة المشتركة), give ``coChairedBy``;
otherwise ``chairedBy``. A noun standing for a process (المنتدى، الحوار، المسار، العملية) is the process of
the document or paragraph whose name begins with that noun (``المسار`` → ``مسار بودابست``); ``هذا المنتدى``
in a document about one of the Forum's meetings is that meeting. A future or planned chairmanship
(ستتولى، من المقرر أن تتسلم، على أن تتولى) and a negated one give nothing; a person who heads a
delegation chairs nothing (``meeting_relations.py`` reads the chair of a meeting).

It does not find the chairs of meetings written with برئاسة (``meeting_relations.py``) nor of bodies
and organisations (``actors.py``).
"""
from __future__ import annotations

from ..recognise.findings import Entity, Fact
from ..text.arabic import fold
from ..text.tokens import Tokens
from ..text.word_classes import load
from ..values import find_ordinals
from .event_common import Ref
from .event_status import PLANNED, negated
from .minting import arabic_names
from .rules import REGISTRY, Rule, register

register(Rule("event.process-chair", ("chairedBy", "coChairedBy"), 0.75,
              ("chair_verb", "chair_take", "chair_partner", "process_noun", "planned_marker", "entity:process",
               "entity:state", "entity:org"),
              "a chairmanship of a standing process: CHAIR_TAKE + actor + رئاسة + PROCESS, actor + CHAIR_VERB + "
              "PROCESS, PROCESS الذي ترأسه actor, a succession list, a hand-over from X to Y; two holders → co-chairs",
              "events"))

_ACTORS = ("state", "org")
_FILLERS = frozenset({"«", "»", '"', "“", "”", "(", "مهمه", "الدوره", "الجديده", "الحاليه", "الدوريه", "المشتركه", "مشتركه", "من", "دوريه",
                      "الجديد", "الحالي", "عمل", "اعمال", "فعاليات",
                      "منتدي"})   # رئاسة منتدى عملية بودابست: the forum that is the process
_FORUM_WORDS = {"المنتدي": "forum", "منتدي": "forum", "الحوار": "dialogue", "حوار": "dialogue"}
_DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك"})
_CO_WORDS = frozenset({"المشتركه", "مشتركه"})
_RELATIVES = frozenset({"الذي", "التي"})
ANTECEDENT_WINDOW = 30       # tokens back from a pronoun to the process it takes up
SUBJECT_WINDOW = 6           # tokens back from a verb to its subject


def _mention_at(toks: Tokens, k: int, kinds) -> object | None:
    for m in toks.tokens[k].ents:
        if m.entity.kind in kinds and toks.index_at(m.start) == k:
            return m
    return None


def _in_ref(toks: Tokens, refs: list[Ref], k: int) -> Ref | None:
    for r in refs:
        if toks.index_at(r.start) <= k < toks.index_at(max(r.start, r.end - 1)) + 1:
            return r
    return None


class _Scope:
    """What a process noun stands for in one paragraph: the document's Forum and Dialogue, and the
    processes named so far (the last one whose name begins with the noun wins)."""

    def __init__(self, st, toks: Tokens, document_mentions=()):
        self.st, self.toks, self._mentions = st, toks, document_mentions

    @property
    def document_processes(self) -> list[Entity]:
        return [m.entity for m in self._mentions if m.entity.kind == "process"]

    def noun_process(self, k: int) -> Entity | None:
        t = self.toks.tokens[k]
        lex = load()
        for r in t.readings():
            which = _FORUM_WORDS.get(r.stem)
            if which and not r.enc:
                ent = getattr(self.st, which, None) if self.st is not None else None
                return ent or self._named_like(k, r.stem)
        pn = lex.is_a(self.toks, k, "process_noun")
        if pn is not None and not pn.reading.enc:
            return self._named_like(k, pn.reading.stem)
        return None

    def _named_like(self, k: int, noun: str) -> Entity | None:
        bare = noun[2:] if noun.startswith("ال") else noun
        before = [m.entity for m in self.toks.mentions if m.entity.kind == "process" and m.end <= self.toks.tokens[k].start]
        for ent in list(reversed(before)) + self.document_processes:
            if any(fold(l).removeprefix("ال").startswith(bare) for l in arabic_names(ent) if l):
                return ent
        return None


def _process_at(scope: _Scope, toks: Tokens, refs, k: int, hi: int):
    """(process or meeting, next token) for a process named at token ``k`` (a mention, with a ل proclitic
    or not, or a noun standing for one), else (None, k)."""
    if k >= hi:
        return None, k
    if _in_ref(toks, refs, k) is not None:
        return None, k
    m = _mention_at(toks, k, ("process",))
    ent, nxt = (m.entity, toks.index_at(m.end - 1) + 1) if m is not None else (scope.noun_process(k), k + 1)
    if ent is None:
        return None, k
    if k > 0 and toks.tokens[k - 1].norm in _DEMONSTRATIVES and nxt == k + 1:
        meeting = _this_meeting(scope, ent)
        if meeting is not None:
            return meeting, nxt
    return ent, nxt


def _this_meeting(scope: _Scope, proc: Entity):
    """``هذا المنتدى`` in a text about one meeting of the Forum: that meeting."""
    last = getattr(scope.st, "last_meeting", None) if scope.st is not None else None
    if last is not None and getattr(last, "process", None) == proc and getattr(last, "status", "") != PLANNED:
        return last.event
    return None


def _chaired_after(scope, toks: Tokens, refs, j: int, hi: int, skip_refs: bool):
    """The process a chairmanship word is about, written after it (fillers such as مهمة، الدورة الجديدة من
    aside): (thing, next token, co) or (None, j, False)."""
    k, co = j, False
    while k < hi and k - j < 4:
        thing, nxt = _process_at(scope, toks, refs, k, hi)
        if thing is not None:
            return thing, nxt, co
        r = _in_ref(toks, refs, k)
        if r is not None and skip_refs and r.process is not None:
            return r.process, toks.index_at(max(r.start, r.end - 1)) + 1, co       # رئاسة الدورة التاسعة لحوار أبوظبي
        norm = toks.tokens[k].norm
        if norm in _CO_WORDS:
            co = True
        if norm not in _FILLERS:
            _n, nxt = ordinal_at(toks, k, hi)
            if nxt == k:
                return None, j, False
            k = nxt                      # رئاسة الدورة التاسعة لحوار أبوظبي
            continue
        k += 1
    return None, j, False


def ordinal_at(toks: Tokens, k: int, hi: int):
    """(value, next token) of an ordinal starting at token ``k`` (التاسعة، الحادية عشرة), else (None, k)."""
    if k >= hi:
        return None, k
    if "ordinals" not in toks.cache:
        toks.cache["ordinals"] = find_ordinals(toks.text)
    for o in toks.cache["ordinals"]:
        if toks.tokens[k].start <= o.start < toks.tokens[k].end:
            j = k
            while j < hi and toks.tokens[j].start < o.end:
                j += 1
            return o.value, j
    return None, k


def _actors_run(toks: Tokens, k: int, hi: int, refs) -> tuple[list[Entity], int]:
    """States/organisations from ``k`` joined by و or commas (``كل من`` aside): (actors, next token)."""
    out = []
    while k < hi:
        t = toks.tokens[k]
        if t.norm in ("كل", "من") and not out:
            k += 1
            continue
        if out and t.norm in (",", "و"):
            k += 1
            continue
        if out and t.norm in ("اضافه", "فضلا") and k + 1 < hi and toks.tokens[k + 1].norm in ("الي", "عن"):
            k += 2              # إضافة إلى الإكوادور
            continue
        if t.norm in ("حكومه", "دوله", "حكومتا", "المملكه", "جمهوريه") and not _mention_at(toks, k, _ACTORS):
            k += 1
            continue
        m = _mention_at(toks, k, _ACTORS)
        if m is None or _in_ref(toks, refs, k) is not None:
            break
        out.append(m.entity)
        k = toks.index_at(m.end - 1) + 1
    while out and k > 0 and toks.tokens[k - 1].norm in (",", "و"):
        k -= 1
    return out, k


def _actors_ending(toks: Tokens, end: int, lo: int) -> list[Entity]:
    """The states/organisations written right before token ``end`` (joined by و), nearest last."""
    out, k = [], end - 1
    while k >= lo:
        t = toks.tokens[k]
        hit = next((m for m in t.ents if m.entity.kind in _ACTORS and toks.index_at(m.end - 1) == k), None)
        if hit is None:
            if out and t.norm in ("و", ",", "من", "كل"):
                k -= 1
                continue
            break
        out.insert(0, hit.entity)
        k = toks.index_at(hit.start) - 1
    return out


def _subject_before(toks: Tokens, i: int, lo: int) -> list[Entity]:
    """The subject of a verb at ``i`` written before it: right before, or before التي/الذي, or before an
    appositive of up to three words (الإمارات أول دولة خليجية تترأس)."""
    k = i
    if k - 1 >= lo and toks.tokens[k - 1].norm in _RELATIVES:
        k -= 1
    for back in range(0, SUBJECT_WINDOW):
        end = k - back
        if end <= lo:
            break
        if toks.tokens[end - 1].kind == "punct":
            break
        got = _actors_ending(toks, end, lo)
        if got:
            return got
    return []


def _after_preps(toks: Tokens, k: int, hi: int, words=("الي", "من")) -> list[Entity]:
    """Actors right after إلى / من (طرف) in the rest of the clause: the other party of a hand-over."""
    out = []
    for x in range(k, min(hi, k + 12)):
        t = toks.tokens[x]
        if t.norm in (".", ";"):
            break
        if t.norm in words:
            y = x + 1
            if y < hi and toks.tokens[y].norm == "طرف":
                y += 1
            got, _ = _actors_run(toks, y, hi, [])
            out.extend(got)
    return out


def _antecedent(scope, toks: Tokens, refs, i: int, lo: int):
    """What a pronoun at token ``i`` takes up: the nearest process (or meeting) named before it."""
    for k in range(i - 1, max(lo, i - ANTECEDENT_WINDOW) - 1, -1):
        r = _in_ref(toks, refs, k)
        if r is not None:
            return None if getattr(r, "status", "") == PLANNED else r.event
        thing, _ = _process_at(scope, toks, refs, k, i)
        if thing is not None:
            return thing
    return None


def _planned(toks: Tokens, i: int, lo: int) -> bool:
    lex = load()
    return any(m.i < i for m in lex.find(toks, "planned_marker", lo, i))


def chairmanships(ctx, st, src, toks: Tokens, refs: list[Ref], s: int, e: int):
    """chairedBy / coChairedBy of the processes whose chairmanship one sentence states."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    chair_words = lex.find(toks, "chair_verb", lo, hi)
    if not chair_words:
        return
    scope = _Scope(st, toks, getattr(ctx, "mentions", ()))
    conf = REGISTRY.confidence("event.process-chair")
    seen: set = set()
    last_thing = None
    for vm in chair_words:
        if negated(toks, vm.i) or vm.future or _planned(toks, vm.i, lo):
            continue
        got = _one(scope, toks, refs, vm, lo, hi)
        if got is None:
            continue
        thing, holders, co = got
        last_thing = thing
        for ent in holders:
            if ent == thing or (thing, ent) in seen:
                continue
            seen.add((thing, ent))
            yield Fact(thing, "coChairedBy" if co else "chairedBy", ent, src, "event.process-chair", conf)
    # وتشاركها المجر في الرئاسة: a co-chair of the chairmanship the sentence stated
    if last_thing is not None:
        for pm in lex.find(toks, "participate_verb", lo, hi):
            k = pm.j
            m = _mention_at(toks, k, _ACTORS) if k < hi else None
            if m is None:
                continue
            nxt = toks.index_at(m.end - 1) + 1
            if nxt + 1 < hi and toks.tokens[nxt].norm == "في" and lex.is_a(toks, nxt + 1, "chair_verb") is not None:
                if (last_thing, m.entity) not in seen:
                    yield Fact(last_thing, "coChairedBy", m.entity, src, "event.process-chair", conf)


def _one(scope, toks: Tokens, refs, vm, lo: int, hi: int):
    """(chaired thing, holders, co) for one chair word, or None when it is not a process's chairmanship."""
    lex = load()
    co = bool(vm.feature("co"))
    noun = vm.feature("tense") == "noun"
    pronoun = vm.reading.enc in ("ه", "ها")
    written = fold(vm.entry.written)
    if noun and written.startswith(("ب", "تحت")):
        return None                          # برئاسة X: the chair of the meeting the phrase follows
    if noun:
        # TAKE [subject] [مهمة] رئاسة(ه) THING, or رئاسة ACTOR ل THING
        take = _take_before(toks, refs, vm.i, lo)
        if take is None:
            return None if pronoun else _nominal(scope, toks, refs, vm, hi, co)
        holders, _k = _actors_run(toks, take.j, vm.i, refs)
        if negated(toks, take.i) or take.future or _planned(toks, take.i, lo):
            return None
        kind = take.feature("kind")
        if pronoun:
            thing = _antecedent(scope, toks, refs, take.i, lo)
            after = vm.j
        else:
            thing, after, co2 = _chaired_after(scope, toks, refs, vm.j, hi, skip_refs=True)
            co = co or co2
        if thing is None:
            return None
        if after < hi and toks.tokens[after].norm in _CO_WORDS:
            co = True
        if kind == "succession":
            listed, _ = _actors_run(toks, after, hi, refs)
            return thing, listed, False
        if not holders:
            holders = _subject_before(toks, take.i, lo)
        partners = _partners(toks, after, hi, refs)
        others = _after_preps(toks, after, hi) if kind in ("hand", "take", "transfer") else []
        if kind == "transfer":
            return thing, others, False
        if not holders:
            return None
        if others and not partners:
            return thing, holders + others, False      # handed on / received from: each held it in turn
        holders = holders + partners
        return thing, holders, co or len(holders) > 1
    # a chair verb: ترأس / تترأس / ترأسه / تولى رئاسة (one entry)
    if vm.feature("object") == "chaired":
        thing, after, co2 = _chaired_after(scope, toks, refs, vm.j, hi, skip_refs=True)
        if thing is None:
            return None
        holders = _subject_before(toks, vm.i, lo)
        partners = _partners(toks, after, hi, refs)
        holders = holders + partners
        return (thing, holders, co or co2 or len(holders) > 1) if holders else None
    if pronoun:
        # PROCESS، الذي ترأسه تركيا / يترأسه كل من المغرب وألمانيا
        if vm.i - 1 >= lo and toks.tokens[vm.i - 1].norm in _RELATIVES:
            thing = _antecedent(scope, toks, refs, vm.i - 1, lo)
        elif vm.i - 1 >= lo:
            thing, _n = _process_at(scope, toks, refs, vm.i - 1, vm.i)     # المسار تترأسه تركيا
        else:
            return None
        if thing is None:
            return None
        holders, after = _actors_run(toks, vm.j, hi, refs)
        holders = holders + _partners(toks, after, hi, refs)
        return (thing, holders, co or len(holders) > 1) if holders else None
    # تترأس الإمارات الدورة الجديدة من المنتدى / مصر تترأس «عملية الخرطوم»
    holders, after = _actors_run(toks, vm.j, hi, refs)
    if not holders:
        holders = _subject_before(toks, vm.i, lo)
        after = vm.j
    if not holders:
        return None
    thing, after2, co2 = _chaired_after(scope, toks, refs, after, hi, skip_refs=False)
    if thing is None or getattr(thing, "kind", "") == "event":
        return None
    holders = holders + _partners(toks, after2, hi, refs)
    return thing, holders, co or co2 or len(holders) > 1


TAKE_WINDOW = 10             # tokens back from رئاسة to the verb that takes or hands it


def _take_before(toks: Tokens, refs, i: int, lo: int):
    """The nearest taking / handing / succession verb before the chairmanship noun at ``i`` in its clause."""
    lex = load()
    for x in range(i - 1, max(lo, i - TAKE_WINDOW) - 1, -1):
        t = toks.tokens[x]
        if t.norm in (".", ";", ":") or lex.is_a(toks, x, "chair_verb"):
            return None
        m = lex.is_a(toks, x, "chair_take")
        if m is not None and m.j <= i:
            return m
    return None


def _nominal(scope, toks: Tokens, refs, vm, hi: int, co: bool):
    """``رئاسة الإكوادور للمنتدى``: the holder between the noun and ل + the process."""
    m = _mention_at(toks, vm.j, _ACTORS) if vm.j < hi else None
    if m is None:
        return None
    nxt = toks.index_at(m.end - 1) + 1
    if nxt >= hi or not toks.tokens[nxt].norm.startswith("ل"):
        return None
    thing, _n = _process_at(scope, toks, refs, nxt, hi)
    r = _in_ref(toks, refs, nxt)
    if thing is None and r is not None and toks.index_at(r.start) == nxt:
        thing = r.process                # رئاسة الإكوادور للمنتدى لعام 2019: the Forum's chair that year
    if thing is None or thing.kind == "event":
        return None
    return thing, [m.entity], co


def _partners(toks: Tokens, k: int, hi: int, refs) -> list[Entity]:
    """The co-chair added after a chairmanship (بشراكة مع المغرب), within the clause."""
    lex = load()
    for x in range(k, min(hi, k + 10)):
        if toks.tokens[x].norm in (".", ";"):
            break
        pm = lex.is_a(toks, x, "chair_partner")
        if pm is not None:
            got, _ = _actors_run(toks, pm.j, hi, refs)
            return got
    return []
