"""The structure of actors: memberships, bodies of processes, chairs of bodies, persons' roles
and affiliations, government bodies of a state, participation in processes.

Rules (ids in :data:`RULES`):

* ``actors.member-list``: ``X تتألف/تتكون … من A و B`` / ``X التي تضم A و B`` /
  ``عضوية X تشمل A، B …`` / ``ينضم X إلى Y`` give ``A memberOf X``;
* ``actors.body-of``: a process body named with its process right after it (``الفريق
  التوجيهي للمنتدى``) or listed under ``هيئات/هياكل X``;
* ``actors.role`` / ``actors.affiliation``: a person and the title written beside the name
  (``NAME، ROLE`` or ``ROLE، NAME``), in running text and in session header lines
  (``Section.notes``: ``الرئيسان المشاركان: NAME، ROLE، BODY، STATE؛ و…``); the
  affiliation is the organization named in the title, else the government body written
  with its state, else that state;
* ``actors.gov-body``: a ministry/office/mission written in a header item with its state
  becomes a GovernmentBody with ``ofState``; a gazetteer government body followed by
  ``، STATE`` gets ``ofState`` too;
* ``actors.chair``: ``NAME، الرئيس(ة) (الحالي(ة)) ل X`` / ``رئيس X، NAME`` /
  ``رئاسة STATE ل X`` for a body, organization or process (the chairs of a year's meeting and
  of its sessions are the events rules' job);
* ``actors.participates``: ``شارك/تشارك X في Y`` with Y a process or event.

It does not find events, commitments or topics, and keeps no state between documents.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text.arabic import fold
from ..text.tokens import strip_article
from ..recognise.findings import Entity, Fact, Mention, Value
from . import absence, memberships
from .classes import kinds
from .event_status import PLANNED
from .fact_context import FactContext
from .minting import ROLE_WORDS, arabic_names, clean_name, is_name, person, translit
from ..recognise.role_persons import role_after, role_before
from ..recognise.text_entities import ROLE_HEADS
from ..recognise.text_bodies import government_body
from .clause_subjects import ANAPHORS, FILLERS, RELATIVES, Text, folded_set, resolve_anaphor, subject_after

RULES = {
    "actors.member-list": ("X تتألف من / التي تضم / عضوية X تشمل / ينضم إلى: each listed actor is a member", 0.85),
    "actors.body-of": ("a process body named with its process (الفريق التوجيهي للمنتدى) or listed as one of its bodies", 0.8),
    "actors.role": ("the title written beside a person's name (NAME، ROLE / ROLE، NAME / a header item)", 0.85),
    "actors.affiliation": ("the organization, government body or state named in a person's title", 0.75),
    "actors.gov-body": ("a ministry/office/mission written with its state is a government body of that state", 0.8),
    "actors.chair": ("NAME، الرئيسة الحالية ل X / رئيس X، NAME / رئاسة STATE ل X: X chaired by", 0.8),
    "actors.participates": ("شارك/تشارك X في Y: X takes part in process/event Y", 0.75),
    "actors.role-title": ("an office title before the name (السفيرة، الرئيس، الوزير) when the document gives the person no other role", 0.7),
    "actors.office-taken": ("NAME … تتولى/يتولى/يشغل منصب ROLE (أول امرأة تتولى منصب المدير العام للمنظمة): the role, and the organisation it names", 0.75),
    "actors.member-list-after": ("INCLUDE_VERB GROUP … (هي:|من بينها) A، B / MEMBER_NOUN GROUP: A، B (memberships.py)", 0.85),
}

ORG_CLASSES = kinds("Organization")                  # the class hierarchy is the ontology's (classes.py)
PROCESS_CLASSES = kinds("Process")
GROUP_CLASSES = ORG_CLASSES | PROCESS_CLASSES | {"ProcessBody"}
ACTOR_CLASSES = ORG_CLASSES | {"State", "Person", "ProcessBody"}
EVENT_CLASSES = kinds("Event")
REPRESENTATIVE_HEADS = frozenset(fold(w) for w in ("الرئاسة", "رئاسة", "حكومة", "الحكومة", "حكومات", "ممثلي",
                                                   "ممثلين", "ممثلو", "وفد", "وفود"))
CHAIRED_CLASSES = PROCESS_CLASSES | EVENT_CLASSES | {"ProcessBody"}      # the domain of chairedBy
# Words after which a name starts a list item (not a genitive: ``لجان الأمم المتحدة``).
LIST_OPENERS = frozenset(fold(w) for w in ("من", "إلى", "الى", "تضم", "يضم", "ضمت", "ضم", "تشمل", "يشمل", "شملت", "و", "مثل", "هي",
                                           "وهي", "هم", "سيما", "عن", "ممثلي", "ممثلين"))


_MEMBER_KINDS_PLURAL = folded_set(("المنظمات", "الدول", "الجهات", "البلدان"))
_LIST_START = folded_set(("بينها", "بينهم", "منها", "وهي", "هي"))
CONSIST = folded_set(("تتألف", "يتألف", "تتكون", "يتكون", "تتشكل", "يتشكل", "تألفت", "تكونت"))
INCLUDE = folded_set(("تضم", "يضم", "ضمت", "ضم"))
MEMBERSHIP = folded_set(("عضوية",))
MEMBERSHIP_VERB = folded_set(("تشمل", "يشمل", "شملت"))
JOIN = folded_set(("ينضم", "تنضم", "انضم", "انضمت"))
_TO_MEMBERSHIP = folded_set(("لعضوية", "عضوية"))     # انضمت X لعضوية / إلى عضوية Y
PARTICIPATE = folded_set(("شارك", "شاركت", "يشارك", "تشارك", "يشاركون", "يشاركان", "تشاركان"))
BODIES_OF = folded_set(("هيئات", "هياكل", "الهياكل", "الهيئات"))
CHAIR_WORDS = folded_set(("رئيس", "رئيسة", "الرئيس", "الرئيسة", "رئيسا", "رئيسه"))
INSTITUTION_HEADS = folded_set((
    "وزارة", "الوزارة", "بعثة", "البعثة", "مكتب", "المكتب", "إدارة", "الإدارة", "وكالة", "الوكالة",
    "معهد", "المعهد", "شعبة", "الشعبة", "أمانة", "الأمانة", "اللجنة", "لجنة", "هيئة", "الهيئة", "مديرية",
    "المديرية", "سلطة", "السلطة", "حكومة", "الحكومة", "البرنامج", "برنامج", "مجلس", "المجلس",
))
NOTE_LABEL = re.compile(r"^\s*([^:]{2,40}):\s*(.+)$", re.S)
_SEP = re.compile(r"[،,]")


# ---------------------------------------------------------------- helpers

def _cls(m: Mention | Entity) -> str:
    return (m.entity if isinstance(m, Mention) else m).cls


def _between_words(text: Text, start: int, end: int) -> list[str]:
    gap = re.sub(r"\([^)]*\)", " ", text.folded(start, end))
    return [w.strip("،,؛;:\"()") for w in gap.split() if w.strip("،,؛;:\"()-")]


def _list_members(text: Text, start: int, end: int, group: Mention) -> list[Mention]:
    """Actor mentions of a list in text[start:end], stopping at a clause boundary."""
    stop = end
    for rx in (r"؛", r";", r"\(ب\)", r"\.\s", r"(?:تعاقب|تناوب|تداول)\S* على", r"[،,]?\s+و?مع\s"):  # تعاقبت على رئاسته: chairs, not members; … A، B، ومع X: a new phrase
        m = re.search(rx, text.original[start:end])
        if m:
            stop = min(stop, start + m.start())
    out = []
    for m in text.mentions:
        if start <= m.start and m.end <= stop and m.entity != group.entity and _cls(m) in ACTOR_CLASSES \
                and _cls(m) not in ("Person", "ProcessBody") and m.entity not in [x.entity for x in out] and _item_start(text, m):
            out.append(m)
    return out


def _item_start(text: Text, m: Mention) -> bool:
    """Does ``m`` begin an item of a list (after a comma, و, من …), not a genitive or ``أعضاء X``?"""
    i = text.token_index(m.start)
    tok = text.tokens[i]
    if m.start > tok.start and fold(text.original[tok.start:m.start]).startswith("و"):
        return True
    if i == 0:
        return True
    prev = text.tokens[i - 1]
    raw = text.original[prev.start:prev.end]
    if raw.endswith(("،", ",", ":", "(", ")")):
        return True
    if prev.word in LIST_OPENERS and prev.bare != fold("أعضاء"):
        return True
    # a state named through its representative: الرئاسة السابقة للمكسيك، حكومة X، ممثلي X
    return _cls(m) == "State" and any(t.bare in REPRESENTATIVE_HEADS for t in text.tokens[max(0, i - 3):i])


def _group_before(text: Text, pos: int, sent_start: int) -> Mention | None:
    """The group a relative clause (``X التي تضم``) or a subject right before ``pos`` names."""
    i = text.token_index(pos) - 1
    while i >= 0 and text.tokens[i].start >= sent_start and (text.tokens[i].bare in RELATIVES
                                                              or text.tokens[i].word in FILLERS):
        i -= 1
    if i < 0:
        return None
    before = [m for m in text.mentions if sent_start <= m.start and m.end <= text.tokens[i].end]
    if not before:
        return None
    m = before[-1]
    return m if len(_between_words(text, m.end, text.tokens[i].end)) == 0 else None


def _anaphor_before(text: Text, k: int, sent_start: int, scope: list[Mention]) -> Mention | None:
    """``… في الحوار الذي يضم A، B``: a definite head noun right before the relative pronoun stands
    for the latest group named with it (``حوار أبوظبي``)."""
    i = k - 1
    if i >= 0 and text.tokens[i].bare in RELATIVES:
        i -= 1
    if i < 0 or text.tokens[i].start < sent_start or text.tokens[i].bare not in ANAPHORS \
            or text.mention_at(text.tokens[i]) is not None:
        return None
    m = resolve_anaphor(text.tokens[i].bare, scope + [x for x in text.mentions if x.end <= text.tokens[i].start])
    return m if m is not None and _cls(m) in GROUP_CLASSES else None


def _resolved_subject(text: Text, pos: int, limit: int, scope: list[Mention]) -> Mention | None:
    subj = subject_after(text, pos, limit)
    if subj.kind == "explicit":
        return subj.mentions[0]
    if subj.kind == "anaphor":
        return resolve_anaphor(subj.head, scope + [m for m in text.mentions if m.end <= pos])
    return None


# ---------------------------------------------------------------- memberships and bodies

def _memberships(text: Text, source, scope: list[Mention]):
    conf = RULES["actors.member-list"][1]
    for s_start, s_end in text.sentences():
        for k, tok in enumerate(text.tokens):
            if tok.start < s_start or tok.start >= s_end:
                continue
            group: Mention | None = None
            members: list[Mention] = []
            if tok.bare in CONSIST:
                group = _resolved_subject(text, tok.end, s_end, scope) or _group_before(text, tok.start, s_start)
                after = group.end if group and group.start > tok.start else tok.end
                j = text.token_index(after)
                while j < len(text.tokens) and text.tokens[j].start < s_end and text.tokens[j].word != "من":
                    j += 1
                if j < len(text.tokens) and text.tokens[j].start < s_end and group:
                    members = _list_members(text, text.tokens[j].end, s_end, group)
            elif tok.bare in INCLUDE:
                group = _group_before(text, tok.start, s_start) or _anaphor_before(text, k, s_start, scope)
                if group:
                    members = _list_members(text, tok.end, s_end, group)
            elif tok.bare in MEMBERSHIP:
                nxt = text.tokens[k + 1] if k + 1 < len(text.tokens) else None
                if nxt is not None:
                    m = text.mention_at(nxt)
                    if m is None and nxt.bare in ANAPHORS:
                        m = resolve_anaphor(nxt.bare, scope + [x for x in text.mentions if x.end <= nxt.start])
                    group = m
                    j = k + 2
                    while j < min(k + 8, len(text.tokens)) and text.tokens[j].bare not in MEMBERSHIP_VERB:
                        j += 1
                    if group and j < len(text.tokens) and text.tokens[j].bare in MEMBERSHIP_VERB:
                        members = _list_members(text, text.tokens[j].end, s_end, group)
            elif tok.bare in JOIN:
                i = text.token_index(tok.end)
                while i < len(text.tokens) and text.tokens[i].bare in folded_set(("أعضاء",)) | FILLERS:
                    i += 1
                subj = text.mention_at(text.tokens[i]) if i < len(text.tokens) else None
                if subj is not None:
                    j = text.token_index(subj.end)
                    to = j < len(text.tokens) and text.tokens[j].word in folded_set(("إلى", "الى"))
                    j += to                  # انضمت X إلى Y / إلى عضوية Y / لعضوية Y
                    membership = j < len(text.tokens) and text.tokens[j].bare in _TO_MEMBERSHIP
                    j += membership
                    if to or membership:
                        tgt = text.mention_at(text.tokens[j]) if j < len(text.tokens) else None
                        if tgt is not None and _cls(tgt) in GROUP_CLASSES and _cls(subj) in ACTOR_CLASSES:
                            yield Fact(subj.entity, "memberOf", tgt.entity, source, "actors.member-list", conf)
                continue
            elif tok.bare in folded_set(("هي", "هم")) and k + 2 < len(text.tokens) \
                    and text.tokens[k + 1].word in _MEMBER_KINDS_PLURAL and text.tokens[k + 2].word == fold("الأعضاء"):
                # LIST، وهي المنظمات الأعضاء في العملية: the listed actors are its members
                j = k + 3 + (k + 3 < len(text.tokens) and text.tokens[k + 3].word == "في")
                if j < len(text.tokens):
                    group = text.mention_at(text.tokens[j])
                    if group is None and text.tokens[j].word in ANAPHORS:
                        group = resolve_anaphor(text.tokens[j].word,
                                                scope + [x for x in text.mentions if x.end <= tok.start])
                    if group is not None:
                        opener = max([s_start] + [text.tokens[n].end for n in range(k) if s_start <= text.tokens[n].start
                                                  and (text.tokens[n].word in _LIST_START
                                                       or text.original[text.tokens[n].end - 1:text.tokens[n].end] == ":")])
                        members = [m for m in text.mentions if opener <= m.start and m.end <= tok.start
                                   and _cls(m) in (ORG_CLASSES | {"State"}) and m.entity != group.entity]
            if group is None or _cls(group) not in GROUP_CLASSES:
                continue
            for m in members:
                yield Fact(m.entity, "memberOf", group.entity, source, "actors.member-list", conf)


_PROCESS_HEADS = folded_set(("المنتدى", "العملية", "المسار", "الحوار", "المشاورات"))


def _process_in_name(text: Text, m: Mention, scope: list[Mention], matcher) -> Entity | None:
    """The process a body's own name names (``الفريق التوجيهي لعملية بالي``, ``وحدة دعم المنتدى``): a
    process named in a tail of its words, or a process head noun in it standing for the latest process
    named with that noun."""
    words = m.surface.split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        if matcher is not None:
            hit = next((h for h in matcher.find(tail) if h.start == 0 or tail[:h.start].strip() in ("ل", "لل")), None)
            if hit is not None and hit.entity.cls in PROCESS_CLASSES and hit.end == len(tail):
                return hit.entity
        head = fold(words[n])
        head = "ال" + head[2:] if head.startswith("لل") else head
        if head in _PROCESS_HEADS and n == len(words) - 1:
            prior = resolve_anaphor(head, scope + [x for x in text.mentions if x.end <= m.start])
            if prior is not None and _cls(prior) in PROCESS_CLASSES:
                return prior.entity
    return None


class _NamedBody(Fact):
    """A body of a process read from the body's own name: kept once per document, where no other
    rule states it (``_first_named_bodies``)."""


_MINISTER = frozenset(fold(w) for w in ("وزير", "وزيرة", "الوزير", "الوزيرة"))
_MINISTRIES: dict = {}


def _ministry_state(role: str, gazetteer) -> Entity | None:
    """The state of the ministry a minister's role names (``وزير الموارد البشرية والتوطين`` → the
    gazetteer's ``وزارة الموارد البشرية والتوطين`` → its ``of_state``), else None."""
    if gazetteer is None:
        return None
    words = fold(role).split()
    if len(words) < 2 or not (words[0] in _MINISTER or words[0][:1] == "و" and words[0][1:] in _MINISTER):
        return None
    index = _MINISTRIES.get(id(gazetteer))
    if index is None:
        index = _MINISTRIES[id(gazetteer)] = {}
        for e in getattr(gazetteer, "entities", []):
            state = next((l for l in e.links if l[0] == "ofState"), None)
            if state is None:
                continue
            for lab in arabic_names(e):
                f = fold(lab).split()
                if len(f) > 1 and f[0] == fold("وزارة"):
                    index.setdefault(" ".join(f[1:]), state)
    for n in range(len(words), 1, -1):
        link = index.get(" ".join(words[1:n]))
        if link is not None:
            return gazetteer.get(link[1], link[2])
    return None


def _titles_as_last_roles(facts: list[Fact]) -> list[Fact]:
    """An office title is a person's role only when no mention of the person in the document has
    another role (السفيرة هيفاء أبو غزالة after ``الأمين العام المساعد … السفيرة هيفاء أبو غزالة``)."""
    with_roles = {f.subject.key for f in facts if f.predicate == "role" and f.rule != "actors.role-title"}
    kept, seen = [], set()
    for f in facts:
        if f.rule == "actors.role-title":
            if f.subject.key in with_roles or f.subject.key in seen:
                continue
            seen.add(f.subject.key)
        kept.append(f)
    return kept


def _first_named_bodies(facts: list[Fact]) -> list[Fact]:
    stated = {(f.subject, f.object) for f in facts if f.predicate == "bodyOf" and not isinstance(f, _NamedBody)}
    out, seen = [], set()
    for f in facts:
        if isinstance(f, _NamedBody):
            key = (f.subject, f.object)
            if key in stated or key in seen:
                continue
            seen.add(key)
            f = Fact(f.subject, f.predicate, f.object, f.evidence, f.rule, f.confidence)
        out.append(f)
    return out


def _bodies(text: Text, source, scope: list[Mention] = (), matcher=None):
    conf = RULES["actors.body-of"][1]
    for n, m in enumerate(text.mentions):
        if _cls(m) != "ProcessBody":
            continue
        proc = _process_in_name(text, m, list(scope), matcher)
        if proc is not None:
            yield _NamedBody(m.entity, "bodyOf", proc, source, "actors.body-of", conf)
            continue
        nxt = text.mentions[n + 1] if n + 1 < len(text.mentions) else None
        if nxt is not None and _cls(nxt) in PROCESS_CLASSES:
            glue = text.original[m.end:nxt.start]
            if glue.strip() in ("ل", "لل", "") and fold(text.original[nxt.start - 1:nxt.start + 1]).startswith("ل"):
                yield Fact(m.entity, "bodyOf", nxt.entity, source, "actors.body-of", conf)
                continue
        own = next((l for l in m.entity.links if l[0] == "bodyOf"), None)
        named = [x.entity for x in list(scope) + text.mentions if _cls(x) in PROCESS_CLASSES]
        if own is not None and any(e.kind == own[1] and e.slug == own[2] for e in named):
            proc = next(e for e in named if e.kind == own[1] and e.slug == own[2])
            yield _NamedBody(m.entity, "bodyOf", proc, source, "actors.body-of", conf)   # بعد التشاور مع الترويكا in a text on the Forum
    for k, tok in enumerate(text.tokens):
        if tok.bare not in BODIES_OF:
            continue
        # هيئات المنتدى - A، B، C  /  الهياكل الداعمة للمنتدى: (أ) A … (ب) B
        after = [m for m in text.mentions if tok.end <= m.start]
        proc = next((m for m in after[:2] if _cls(m) in PROCESS_CLASSES), None)
        if proc is None or len(_between_words(text, tok.end, proc.start)) > 2:
            continue
        rest = text.original[proc.end:proc.end + 4]
        if not re.match(r"\s*[-–—:]", rest):
            continue
        end = text.original.find(".", proc.end)
        end = len(text.original) if end < 0 else end
        for b in text.mentions:
            if proc.end <= b.start < end and _cls(b) == "ProcessBody":
                yield Fact(b.entity, "bodyOf", proc.entity, source, "actors.body-of", conf)


# ---------------------------------------------------------------- persons

ROLE_STOPS = re.compile(r"\s(?:برئاسة|لمشاركته|لمشاركتها|لقيامه|لقيامها|لدوره|لدورها|بصفته|بصفتها|الذي|التي|في حضور"
                        r"|بإلقاء|بالقاء|بتوقيع|بتقديم|بافتتاح|بزيارة|بتسليم|بعرض)\s.*$")


def _role_text(chunk: str) -> str:
    chunk = re.sub(r"\s+", " ", chunk).strip(" ،,؛;.")
    chunk = ROLE_STOPS.sub("", chunk + " ").strip()
    if chunk.startswith("و") and fold(chunk)[1:].split(" ")[0] in ROLE_HEADS:
        chunk = chunk[1:]
    if chunk.startswith("لل") and "ال" + fold(chunk)[2:].split(" ")[0] in ROLE_HEADS:
        chunk = "ا" + chunk[1:]           # للوكيل المساعد → الوكيل المساعد
    return chunk


def _is_role(chunk: str) -> bool:
    words = fold(chunk).split()
    return bool(words) and words[0].lstrip("و") in ROLE_HEADS or (len(words) > 1 and words[0] in ROLE_HEADS)


def _explicit_affiliation(text: Text, end: int) -> bool:
    """Is the name ending at ``end`` followed by ``من X`` / ``بالنيابة عن X`` naming an organization?"""
    m = re.match(r"\s*[،,]?\s*(?:من|بالنيابة عن)\s+", text.original[end:])
    return bool(m) and any(end + m.end() <= x.start <= end + m.end() + 2 and _cls(x) in ORG_CLASSES
                           for x in text.mentions)


def _role_start(text: str, start: int, end: int) -> int | None:
    """Where a title starts in text[start:end]: its first role word (``افتتح رئيس منتدى …`` → رئيس), or
    the first one from which every word to the end continues the title (``الوزير مع المدير العام …``
    → المدير)."""
    heads = [start + w.start() for w in re.finditer(r"\S+", text[start:end])
             if (fold(w.group()) in ROLE_HEADS or (fold(w.group()).startswith("و") and fold(w.group())[1:] in ROLE_HEADS))
             and not re.search(r"[\d٠-٩]\s*$", text[max(0, start + w.start() - 8):start + w.start()])]   # 4000 مندوب: a count
    if not heads:
        return None
    joined = [h for h in heads[1:] if fold(text[h:h + 2]).startswith("و") and fold(text[h:end]).split()[0] not in ROLE_HEADS]
    if joined:
        return joined[-1]                 # الأمين العام للأمم المتحدة والمدير العام للمنظمة، NAME: the nearest role
    return next((h for h in heads if _all_role_words(text[h:end])), heads[0])


# A name after one of these words in a title is not where the person works: the body a mission is
# accredited to (``الممثل الدائم لبلد لدى مكتب الأمم المتحدة``) or the head a deputy serves
# (``وكيل الأمين العام``).
NOT_AFFILIATION_BEFORE = folded_set(("لدى", "وكيل", "نائب", "مساعد"))


def _is_office(e: Entity) -> bool:
    """A post named like an organisation (``الأمين العام للأمم المتحدة``, ``الأمين العام المساعد``): the
    person holds it, it is not where the person works (the role says it)."""
    words = fold(e.label_ar or "").split()
    return bool(words) and words[0] in ROLE_HEADS


def _held_role_affiliation(text: Text, rs: int, re_: int) -> Entity | None:
    """The affiliation of a person whose role is written before the name: a post the role opens with
    (``الأمين العام للأمم المتحدة``) is held, so the organisation it belongs to, not the post."""
    aff = _affiliation(text, rs, re_, office=False)
    if aff is None:
        held = [m.entity for m in text.mentions if rs <= m.start <= rs + 1 and _is_office(m.entity)]
        aff = _office_organisation(held[0], getattr(text, "gazetteer", None)) if held else None
    if aff is None:
        aff = _commission_of(text.original[rs:re_], getattr(text, "gazetteer", None))
    return aff


_COMMISSIONER = re.compile(r"^(?:ال)?مفوض(?:ة)?\s+(?:(?:ال)?أمم المتحدة\s+)?(?:ال)?سامي(?:ة)?\s+(.+)$")


def _commission_of(role: str, gazetteer) -> Entity | None:
    """The commission a high commissioner heads, read from the post's name: ``المفوض السامي لشؤون
    اللاجئين`` → ``المفوضية السامية لشؤون اللاجئين`` (UNHCR), ``المفوضة السامية لحقوق الإنسان`` → OHCHR."""
    m = _COMMISSIONER.match(role.strip())
    if m is None or gazetteer is None:
        return None
    labels = _org_labels(gazetteer)
    rest = fold(m.group(1))
    for cand in ("المفوضيه الساميه " + rest, "المفوضيه الساميه للامم المتحده " + rest):
        if cand in labels:
            return labels[cand]
    return None


_ORG_LABELS: dict = {}


def _org_labels(gazetteer) -> dict:
    """Folded Arabic name → organisation (posts excluded), once per gazetteer."""
    labels = _ORG_LABELS.get(id(gazetteer))
    if labels is None:
        labels = _ORG_LABELS[id(gazetteer)] = {}
        for e in getattr(gazetteer, "entities", []):
            if e.kind == "org" and not _is_office(e):
                for lab in arabic_names(e):
                    labels.setdefault(fold(lab), e)
    return labels


def _office_organisation(office: Entity, gazetteer) -> Entity | None:
    """The organisation a post belongs to, read from the post's own name (``الأمين العام للأمم المتحدة``
    → the United Nations): the longest word suffix of its Arabic label that names a gazetteer organisation."""
    if gazetteer is None:
        return None
    labels = _org_labels(gazetteer)
    words = fold(office.label_ar or "").split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        for cand in (tail, tail[1:] if tail.startswith("لل") else None, "ا" + tail[1:] if tail.startswith("لل") else None,
                     tail[1:] if tail[:1] == "ل" else None):
            if cand and cand in labels:
                return labels[cand]
    return None


def _affiliation(text: Text, start: int, end: int, office: bool = True) -> Entity | None:
    """The organization named inside a title span, else the state; a state named before the
    first organization wins (``الممثل الدائم لموريشيوس لمكتب الأمم المتحدة``)."""
    def after_excluded(m: Mention) -> bool:
        words = text.folded(start, m.start).split()
        return bool(words) and (words[-1] in NOT_AFFILIATION_BEFORE or fold("لدى") in words[-2:])

    inside = [m for m in text.mentions if start <= m.start and m.end <= end]
    orgs = [m for m in inside if _cls(m) in ORG_CLASSES | {"ProcessBody"} and not after_excluded(m)
            and (office or not (_is_office(m.entity) and m.start <= start + 1))]
    states = [m for m in inside if _cls(m) == "State" and not after_excluded(m)    # سفير الدولة لدى X: not X's
              and not _people_nisba(text, start, m)]                              # رئيس الجالية السورية: a people
    if len(orgs) > 1 and _is_office(orgs[0].entity) and not _is_office(orgs[1].entity):
        orgs = orgs[1:]                  # الأمين العام المساعد لجامعة الدول العربية: the organisation, not the post
    if orgs and not (states and states[0].start < orgs[0].start):
        chosen = orgs[-1].entity if _cls(orgs[-1]) == "GovernmentBody" else orgs[0].entity
        if _is_office(chosen):           # ممثل الأمين العام للأمم المتحدة: the post's organisation, not the post
            chosen = _office_organisation(chosen, getattr(text, "gazetteer", None)) or chosen
        return chosen
    return states[0].entity if states else None


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    from ..text.word_classes import load
    return frozenset(strip_article(fold(w)) for w in load().words("people_noun"))


@lru_cache(maxsize=1)
def _government_heads() -> frozenset[str]:
    from ..text.word_classes import load
    return frozenset(strip_article(fold(w).split()[0]) for w in load().words("government_role"))


def _bare_forms(w: str) -> set[str]:
    """A folded word as written and without a proclitic, the article left out (وزير، والعمال → عمال،
    للجالية → جاليه): the candidates a noun list is looked up with."""
    out = {strip_article(w)}
    if w[:1] in "وف" and len(w) > 3:
        out.add(strip_article(w[1:]))
        w2 = w[1:]
    else:
        w2 = w
    if w2[:1] in "بلك" and len(w2) > 3:
        out.add(strip_article("ا" + w2[1:] if w2.startswith("لل") else w2[1:]))
    return out


def _people_nisba(text: Text, start: int, m: Mention) -> bool:
    """The state is named in a role over a people noun (class ``people_noun``: ``رئيس الجالية السورية``،
    ``ممثل العمال المغاربة في إسبانيا``): the role is among a people, not in a state's government (class
    ``government_role`` heads keep it: ``الوزير المكلف بالجالية المغربية``)."""
    words = text.folded(start, m.start).split()
    if not words or strip_article(words[0]) in _government_heads():
        return False
    return any(_bare_forms(w) & _people_nouns() for w in words[1:])


def _item_affiliation(text: Text, pos: int) -> Entity | None:
    """In a list item ``NAME، ROLE، X، Y؛`` the organization that opens a later chunk, else the
    state named in it (``وزارة في مكتب الرئيس، حكومة رواندا``)."""
    stop = re.search(r"[؛;.]|$", text.original[pos:])
    end = pos + stop.start()
    for c in re.finditer(r"[،,]\s*(?=و)", text.original[pos:end]):
        if _next_item(text.original[pos + c.end():end]):
            end = pos + c.start()                  # NAME، ROLE، والسفير الألماني …: the next person's item
            break
    end = min([end] + [m.start for m in text.mentions if m.entity.kind == "person" and pos <= m.start < end])
    chunk_starts = {pos + c.end() for c in re.finditer(r"[،,]\s*(?:و)?", text.original[pos:end])}
    inside = [m for m in text.mentions if pos <= m.start and m.end <= end]
    orgs = [m for m in inside if m.start in chunk_starts and _cls(m) in ORG_CLASSES]
    if orgs:
        return orgs[0].entity
    states = [m for m in inside if _cls(m) == "State"]
    return states[0].entity if len(states) == 1 else None


def _person_facts(text: Text, source):
    """Persons found by the matcher (titled names) and the titles written beside them."""
    for m in text.mentions:
        if m.entity.kind != "person":
            continue
        yield from _person_roles(text, source, m.entity, m.start, m.end)
    yield from _offices_taken(text, source)


_TAKE_OFFICE = re.compile(r"(?<![\w])(?:[وف]?(?:يتولى|تتولى|تولى|تولت|يشغل|تشغل|شغل|شغلت|يتقلد|تتقلد|تقلد|تقلدت))\s+"
                          r"(?:منصب|مهام|منصبي)\s+([^،,؛;.:«»\"()]{3,120})")
_ROLE_END = re.compile(r"\s(?:في|منذ|خلفا|بعد|قبل|لمدة|لولاية|اعتبارا|ابتداء|حتى|إلى|الى|وذلك|كما|ل\d)(?:\s|$)")
_CLAUSE_OPENERS = folded_set(("إن", "أن", "ان", "بأن", "الذي", "التي", "الذين", "اللذين", "اللتين", "قال", "قالت"))


def _office_end(text: Text, rs: int, re_: int) -> int:
    """The end of the role after منصب: before the first word that is neither a role word nor inside a name the
    matcher found (… للأمم المتحدة ستواجه تحديات: the role ends before the verb)."""
    from ..recognise.role_persons import _role_word       # noqa: PLC0415 (the role-person finder's word test)
    end = rs
    for w in re.finditer(r"\S+", text.original[rs:re_]):
        a, b = rs + w.start(), rs + w.end()
        inside = any(m.start <= a and b <= m.end + 1 for m in text.mentions)
        if end > rs and not inside and not _role_word(fold(w.group().strip("،,"))):
            break
        end = b
    return end


OFFICE_REACH = 160           # characters between a person's name and the office-taking verb (one clause)


def _offices_taken(text: Text, source):
    """``أصبحت NAME … أول امرأة تتولى منصب ROLE``, ``ويشغل NAME منصب ROLE``: the person nearest before the verb
    (or right after it) in the sentence holds the role; its organisation or state is the affiliation. Nothing for
    a future (ستتولى، سيتولى) or negated verb, nor when another person stands between."""
    role_conf, aff_conf = RULES["actors.office-taken"][1], RULES["actors.affiliation"][1]
    persons = [m for m in text.mentions if m.entity.kind == "person"]
    for hit in _TAKE_OFFICE.finditer(text.original):
        before = text.original[max(0, hit.start() - 12):hit.start()]
        if re.search(r"(?:^|\s)(?:لم|لن|لا|سوف)\s*$", before) or fold(hit.group(0)).startswith(("سي", "ست")):
            continue
        rs = hit.start(1)
        words = fold(hit.group(1)).split()
        if not words or words[0] not in ROLE_HEADS and not (len(words) > 1 and " ".join(words[:2]) in ROLE_HEADS):
            continue
        cut = _ROLE_END.search(hit.group(1))
        re_ = _office_end(text, rs, rs + (cut.start() if cut else len(hit.group(1).rstrip())))
        sent_start = max([0] + [m.end() for m in re.finditer(r"[.!؟?]\s", text.original[:hit.start()])])
        who = [m for m in persons if sent_start <= m.start and m.end <= hit.start() and hit.start() - m.end <= OFFICE_REACH
               and not set(fold(text.original[m.end:hit.start()]).split()) & _CLAUSE_OPENERS]
        if not who:
            who = [m for m in persons if hit.end(0) - len(hit.group(1)) - 1 <= m.start <= rs]   # يشغل NAME منصب
        if not who or any(m.start >= rs and m.start < re_ for m in persons):
            continue
        person_m = who[-1]
        yield Fact(person_m.entity, "role", Value(_role_text(text.original[rs:re_]), "string", "ar"), source,
                   "actors.office-taken", role_conf)
        aff = _affiliation(text, rs, re_)
        if aff is not None:
            yield Fact(person_m.entity, "affiliation", aff, source, "actors.affiliation", aff_conf)


def _person_roles(text: Text, source, who: Entity, start: int, end: int):
    facts = list(_comma_roles(text, source, who, start, end))
    if not any(f.predicate == "role" for f in facts):
        facts.extend(_adjacent_roles(text, source, who, start, end))
    if not any(f.predicate == "affiliation" for f in facts):
        roles = [f for f in facts if f.predicate == "role"]
        org = _pronoun_role_organisation(text, start, roles[0].object.lexical) if roles else None
        if org is not None:              # المنظمة الدولية للهجرة … تسلمها مديرها العام NAME
            facts.append(Fact(who, "affiliation", org, source, "actors.affiliation", RULES["actors.affiliation"][1]))
    if not any(f.predicate == "affiliation" for f in facts):
        org = _delegation_of(text, start) or _delegation_head_state(text, start, end)
        if org is not None:              # وفد منظمة التعاون الإسلامي الذي يضم السفير NAME، …
            facts.append(Fact(who, "affiliation", org, source, "actors.affiliation", RULES["actors.affiliation"][1]))
    if not any(f.predicate == "role" for f in facts):
        title = _role_title_before(text, start)
        if title is not None:             # السفيرة ريجين دي كليرك, إدارة الرئيس دونالد ترامب: the title is the role
            facts.append(Fact(who, "role", Value(title, "string", "ar"), source, "actors.role-title",
                              RULES["actors.role-title"][1]))
    if not any(f.predicate == "affiliation" for f in facts):
        roles = [f for f in facts if f.predicate == "role"]
        state = _ministry_state(roles[0].object.lexical, getattr(text, "gazetteer", None)) if roles else None
        if state is not None:             # وزير الموارد البشرية والتوطين NAME: the ministry's state
            facts.append(Fact(who, "affiliation", state, source, "actors.affiliation", RULES["actors.affiliation"][1]))
    rep = _represented(text, start)
    if rep is not None:                       # وعن المنظمة مديرها العام، السفير NAME: the organisation signed for
        facts = [f for f in facts if f.predicate != "affiliation"]
        facts.append(Fact(who, "affiliation", rep, source, "actors.affiliation", RULES["actors.affiliation"][1]))
    gaz = getattr(text, "gazetteer", None)
    facts = [Fact(f.subject, f.predicate, _organisation_of_unit(f.object, gaz), f.evidence, f.rule, f.confidence)
             if f.predicate == "affiliation" else f for f in facts]
    if any(f.predicate == "role" and _former(f.object.lexical) for f in facts):
        facts = [f for f in facts if f.predicate != "affiliation"]   # الوزير البرتغالي السابق: he no longer serves it
    for f in list(facts):                     # a ministry's official works for its state too (الكاتب العام للوزارة …)
        state = _state_of_body(f.object, gaz) if f.predicate == "affiliation" else None
        if state is not None and not any(g.predicate == "affiliation" and g.object == state for g in facts):
            facts.append(Fact(f.subject, "affiliation", state, f.evidence, f.rule, f.confidence))
    yield from facts


_FORMER = folded_set(("السابق", "السابقة", "سابقا", "الأسبق", "الأسبقة", "سابق", "سابقة"))


def _former(role: str) -> bool:
    """A role the person held before (الوزير البرتغالي السابق، رئيس الوزراء الأسبق): it names no affiliation now."""
    return any(w in _FORMER for w in fold(role).split())


def _state_of_body(e, gazetteer) -> Entity | None:
    """The state of a government body (its gazetteer ``of_state``), else None."""
    if not isinstance(e, Entity) or gazetteer is None or e.cls != "GovernmentBody":
        return None
    link = next((l for l in e.links if l[0] == "ofState"), None)
    return gazetteer.get(link[1], link[2]) if link else None


_COURTESY = r"(?:(?:السيد|السيدة|الدكتور|الدكتورة|د\.|المهندس|المهندسة|الشيخ|الشيخة)\s*/?\s*)*"


def _role_title_before(text: Text, start: int) -> str | None:
    """The office title (lexicon class ``role_title``: السفيرة، الرئيس، الوزير) written right before the
    name at ``start``, courtesy titles and a slash allowed between (السفيرة/ د. NAME), as printed
    without its proclitics; None when there is none."""
    m = _ROLE_TITLE_BEFORE().search(text.original, max(0, start - 60), start)
    return m.group(1) if m else None


@lru_cache(maxsize=1)
def _ROLE_TITLE_BEFORE():
    from ..text.word_classes import load
    titles = sorted(load().words("role_title"), key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in titles)
    return re.compile(r"(?:^|(?<=[\s(\"«]))[وف]?[بل]?(" + alt + r")\s*/?\s*" + _COURTESY + r"$")


_DELEGATION = re.compile(r"(?:^|\s)[وب]?وفد\s*$")
_DELEGATION_MEMBERS = re.compile(r"^\s*[،,]?\s*(?:الذي|التي)\s+(?:يضم|ضم|تضم|ضمت)\s")


def _delegation_of(text: Text, start: int) -> Entity | None:
    """``وفد X الذي يضم A، … والدكتور B، …``: the persons listed belong to X (a state or an organisation)."""
    sent = max(text.original.rfind(".", 0, start), text.original.rfind("\n", 0, start))
    for m in reversed([x for x in text.mentions if sent < x.start and x.end <= start]):
        if _cls(m) not in ORG_CLASSES | {"State"}:
            continue
        if _DELEGATION.search(text.folded(max(0, m.start - 12), m.start)) \
                and _DELEGATION_MEMBERS.match(text.folded(m.end, min(len(text.original), m.end + 20))):
            return m.entity
    return None


_LED_BY = "(?:" + "|".join(sorted(folded_set(("ترأسه", "يترأسه", "يرأسه", "رأسه", "ترأسها", "يترأسها", "برئاسة",
                                                "يقوده", "قاده")), key=len, reverse=True)) + ")"
_HEADED_DELEGATION = re.compile(r"(?:^|\s)[وب]?وفدا?\b[^.،,؛]{0,80}?\s" + _LED_BY + r"\s")
_HEADS = "(?:" + "|".join(folded_set(("يترأس", "ترأس", "يرأس", "رأس", "تترأس", "يقود", "قاد"))) + ")"
_HEADS_DELEGATION = re.compile(r"^\s*[،,]?\s*(?:الذي|التي)\s+" + _HEADS + r"\s+(?:ال)?وفد\s*$")


def _delegation_head_state(text: Text, start: int, end: int) -> Entity | None:
    """The state whose delegation a person heads: ``شارك العراق … بوفد ترأسه وزير الهجرة NAME`` (the state
    that takes part, named right after the participation verb), ``NAME، الذي يترأس وفد المملكة العربية
    السعودية``."""
    sent = max(text.original.rfind(".", 0, start), text.original.rfind("\n", 0, start))
    clause = fold(text.original[sent + 1:start])
    hm = None
    for hm in _HEADED_DELEGATION.finditer(clause):
        pass
    if hm is not None and not any(m.entity.kind == "person" and sent + 1 + hm.end() <= m.start < start
                                  for m in text.mentions):
        states = [m for m in text.mentions if _cls(m) == "State" and sent < m.start and m.end <= sent + 1 + hm.start()]
        if states:
            first = states[0]
            words = fold(text.original[sent + 1:first.start]).split()
            words = [w for w in words if w not in folded_set(("دولة", "حكومة"))]
            if words and (words[-1] in PARTICIPATE or words[-1].lstrip("و") in PARTICIPATE):
                return first.entity                   # شارك العراق … بوفد ترأسه ROLE NAME
    after = [m for m in text.mentions if _cls(m) == "State" and end < m.start <= end + 60]
    if after and _HEADS_DELEGATION.match(fold(text.original[end:after[0].start])):
        return after[0].entity                        # NAME، الذي يترأس وفد STATE
    return None


def _role_heads(role: str) -> list[str]:
    """The definite nouns a role ends on that may take up an organisation named before (``مدير المنظمة``,
    ``الوزير المفوض بالمنظمة``, ``ممثل المركز الإقليمي``), proclitics ب/ل/و taken off, in order."""
    out = []
    for w in fold(role).split():
        for cand in (w, w[1:], "ال" + w[2:] if w.startswith("لل") else ""):
            if cand.startswith("ال") and cand in ANAPHORS:
                out.append(cand)
                break
    return out


def _anaphoric_affiliations(person_facts: list, text: Text, source, scope: list[Mention]):
    """A person whose role names its organisation by a bare head noun (``السفير NAME، مدير المنظمة``, ``ممثل
    المركز الإقليمي … NAME``) and who has no other affiliation works for the latest organisation named before
    with that head (``عقدت منظمة العمل العربية …``): same document section, before the person."""
    conf = RULES["actors.affiliation"][1]
    placed = {f.subject for f in person_facts if f.predicate == "affiliation"}
    for f in person_facts:
        if f.predicate != "role" or f.subject in placed:
            continue
        at = next((m.start for m in text.mentions if m.entity == f.subject), len(text.original))
        before = [m for m in scope + [m for m in text.mentions if m.end <= at] if _cls(m) in ORG_CLASSES]
        for head in _role_heads(f.object.lexical):
            org = resolve_anaphor(head, before)
            if org is not None:
                placed.add(f.subject)
                yield Fact(f.subject, "affiliation", org.entity, source, "actors.affiliation", conf)
                break


def _pronoun_role_organisation(text: Text, start: int, role: str) -> Entity | None:
    """A role written with a possessive pronoun (``مديرها العام``، ``رئيسه``) belongs to the organisation
    named last before it in the sentence."""
    first = role.split(" ")[0] if role else ""
    if not (first.endswith(("ها", "هم")) or (first.endswith("ه") and not first.endswith("ة"))) \
            or fold(first) not in ROLE_HEADS:
        return None
    pos = text.original.find(first, max(0, start - 200))
    if pos < 0 or pos > start:
        return None
    sent = max(text.original.rfind(".", 0, pos), text.original.rfind("\n", 0, pos))
    orgs = [m for m in text.mentions if sent < m.start and m.end <= pos and _cls(m) in ORG_CLASSES]
    return orgs[-1].entity if orgs else None


# Words between an organisation and the name of the person who acts for it: ``X ممثلة بمعالي السفيرة/
# د. NAME``, ``نيابة عن X السفيرة الدكتورة NAME``, ``وعن X مديرها العام، السفير NAME``.
_REPRESENTED_BY = folded_set(("ممثلة", "ممثلا", "ممثلاً", "ممثل", "ممثلين"))
_ON_BEHALF = re.compile(r"(?:^|[\s,،])(?:و|ف)?(?:نيابه\s+|بالنيابه\s+)?عن\s+(?:(?:الامانه\s+العامه|امانه)\s+ل?)?$")
_PRONOUN_ROLE = re.compile(r"\S+(?:ها|ه|هم)(?:\s+(?:العام|العامه|التنفيذي|التنفيذيه))?$")


def _represented(text: Text, start: int) -> Entity | None:
    """The organisation a person named right after ``X ممثلة ب…`` or ``(نيابة) عن X`` acts for."""
    titles = _TITLE_WORDS
    orgs = [m for m in text.mentions if m.end <= start and start - m.end <= 90 and _cls(m) in ORG_CLASSES]
    if not orgs:
        return None
    m = orgs[-1]
    if any(x.entity.kind == "person" and m.end <= x.start < start for x in text.mentions):
        return None
    gap = [w for w in re.split(r"[\s/،,]+", text.folded(m.end, start)) if w and w not in ("د.", "د")]
    rest = [w for w in gap if w not in titles and not (w[:1] == "ب" and w[1:] in titles)]
    if gap and gap[0] in _REPRESENTED_BY and len(rest) == 1:
        return m.entity                                   # X ممثلة بمعالي السفيرة/ د. NAME
    behalf = _ON_BEHALF.search(text.folded(max(0, m.start - 30), m.start))
    pronoun_role = len(rest) <= 2 and bool(rest) and bool(_PRONOUN_ROLE.match(" ".join(rest)))
    if behalf and (not rest or pronoun_role) and (
            pronoun_role or "نيابه" in behalf.group() or _SIGNED.search(text.folded(max(0, m.start - 160), m.start))):
        return m.entity               # (نيابة) عن X [مديرها العام،] السيدة NAME; bare عن only where a text is signed
    return None


_SIGNED = re.compile(r"(?:^|\s)[وف]?(?:وقع|وقعت|وقعه|وقعها|يوقع|توقع|توقيع|بتوقيع|التوقيع)(?:\s|$)")


_TITLE_WORDS = folded_set(("السيد", "السيدة", "السفير", "السفيرة", "الدكتور", "الدكتورة", "معالي", "سعادة",
                           "فخامة", "سمو", "الشيخ", "الشيخة", "المهندس", "الأستاذ", "الأستاذة", "البروفيسور"))
_UNIT_HEADS = folded_set(("إدارة", "الإدارة", "قطاع", "شعبة", "دائرة"))


def _organisation_of_unit(e, gazetteer):
    """A department of an organisation (``إدارة شؤون اللاجئين …`` of the Arab League) is part of the
    role; the person's affiliation is the organisation it belongs to (its gazetteer ``parent``)."""
    if not isinstance(e, Entity) or gazetteer is None or not e.label_ar \
            or fold(e.label_ar).split(" ")[0] not in _UNIT_HEADS:
        return e
    parent = next((l for l in e.links if l[0] == "parent"), None)
    if parent is None:
        return e
    return next((x for x in gazetteer.entities if x.kind == parent[1] and x.slug == parent[2]), e)


def _adjacent_roles(text: Text, source, who: Entity, start: int, end: int):
    """``ROLE NAME`` / ``NAME ROLE`` with no comma between (``وزير الخارجية المغربي ناصر بوريطة``,
    ``سامي عادل مدير الإدارة وليلى يوسف …``): the role ends where the next person begins."""
    role_conf, aff_conf = RULES["actors.role"][1], RULES["actors.affiliation"][1]
    taken = [(m.start, m.end) for m in text.mentions if m.entity.kind != "person"]
    persons = [m for m in text.mentions if m.entity.kind == "person"]
    span = role_after(text.norm, end, taken, [m.start for m in persons if m.start >= end])
    if span is None:
        span = role_before(text.norm, start, taken,
                           [(m.start, m.end) for m in text.mentions if m.entity.kind == "state"],
                           [(m.start, m.end) for m in persons if m.end <= start])
        prev = [m.end for m in persons if m.end <= start]
        if span is not None and prev and span[0] < prev[-1]:
            span = None
    if span is None:
        return
    rs, re_ = span
    yield Fact(who, "role", Value(_role_text(text.original[rs:re_]), "string", "ar"), source, "actors.role",
               role_conf)
    aff = _held_role_affiliation(text, rs, re_)
    if aff is not None:
        yield Fact(who, "affiliation", aff, source, "actors.affiliation", aff_conf)


_NEXT_PERSON = re.compile(r"\sو(?:ال)?(?:سيد|سيدة|دكتور|دكتورة|سفير|سفيرة|أستاذ|أستاذة|معالي|سعادة)\b")


def _role_end(text: Text, rs: int, re_: int) -> int:
    """A role ends before the next person: a person mention, or و + a title (``مستشار الوزير والسيدة …``)."""
    nxt = [m.start for m in text.mentions if m.entity.kind == "person" and rs < m.start < re_]
    t = _NEXT_PERSON.search(text.original, rs, re_)
    ends = nxt + ([t.start()] if t else [])
    if not ends:
        return re_
    cut = min(ends)
    while cut > rs and text.original[cut - 1] in " \tو":
        cut -= 1
    return cut


def _next_item(chunk: str) -> bool:
    """A chunk that opens with و + a role (``والممثلة الخاصة``) is the next item of a list, not a role
    of the name before it; ``وزيرة`` is a role word itself."""
    first = fold(chunk).split()[0] if chunk.strip() else ""
    return first.startswith("و") and first not in ROLE_HEADS and first[1:] in ROLE_HEADS


_ROLE_BEFORE_AT_START = re.compile(r"(?:^|[،,؛;:]|\sو)\s*([^،,؛;:]{3,160}?)\s*[،,]\s*(?:\S+\s)?$")
_ROLE_BEFORE = re.compile(r"(?:[،,؛;:]|\sو)\s*([^،,؛;:]{3,160}?)\s*[،,]\s*(?:\S+\s)?$")


def _comma_roles(text: Text, source, who: Entity, start: int, end: int):
    role_conf, aff_conf = RULES["actors.role"][1], RULES["actors.affiliation"][1]
    after = text.original[end:]
    m = re.match(r"\s*[»\"”]?\s*(?:[،,]|\s[-–—](?=\s))\s*([^،,؛;.:«»\"–—]{3,160})", after)   # NAME، ROLE / NAME – ROLE
    if m and _is_role(m.group(1)) and not _next_item(m.group(1)):
        rs, re_ = end + m.start(1), end + m.end(1)
        re_ = _role_end(text, rs, re_)
        yield Fact(who, "role", Value(_role_text(text.original[rs:re_]), "string", "ar"), source, "actors.role",
                   role_conf)
        aff = None
        nxt = re.match(r"\s*[،,]?\s*(?:بالنيابة عن|من)\s+|\s*[،,]\s*", text.original[re_:])
        if nxt:
            org = [x for x in text.mentions if re_ + nxt.end() <= x.start <= re_ + nxt.end() + 2
                   and _cls(x) in ORG_CLASSES]
            aff = org[0].entity if org else None
        aff = aff or _affiliation(text, rs, re_) or _item_affiliation(text, re_)
        if aff is not None:
            yield Fact(who, "affiliation", aff, source, "actors.affiliation", aff_conf)
        yield from _role_before_comma(text, source, who, start, end, also=True,       # ROLE1، NAME، ROLE2
                                      with_affiliation=aff is None)
        return
    yield from _role_before_comma(text, source, who, start, end)
    m = re.match(r"\s*[،,]?\s*(?:من|بالنيابة عن)\s+", after)
    if m:
        nxt = [x for x in text.mentions if end + m.end() <= x.start <= end + m.end() + 2]
        if nxt and _cls(nxt[0]) in ORG_CLASSES:
            yield Fact(who, "affiliation", nxt[0].entity, source, "actors.affiliation", aff_conf)


_ROLE_LINKS = folded_set(("لدى", "في", "عن"))


def _all_role_words(chunk: str) -> bool:
    """Does every word after the head continue a title (a role word, a word with the article, or
    لدى/في/عن before one: ``الوزير المنتدب لدى وزير الخارجية``)?"""
    from ..recognise.role_persons import _role_word           # noqa: PLC0415 (the role-person finder's word test)
    words = [w for w in fold(chunk).split()[1:] if w.isalpha()]
    return all(_role_word(w) or (w in _ROLE_LINKS and n + 1 < len(words) and _role_word(words[n + 1]))
               for n, w in enumerate(words))


_CHUNK_BEFORE = re.compile(r"(?:^|[،,؛;:]|\sو)\s*([^،,؛;:]{3,160}?)\s*[،,]\s*$")


def _role_before_comma(text: Text, source, who: Entity, start: int, end: int, also: bool = False,
                       with_affiliation: bool = True):
    """``ROLE، NAME``: the role in the chunk before the name, extended back over earlier chunks of the
    same title (``وزير العمل، رئيس مجلس إدارة الهيئة، NAME``; ``ممثلة الأمم المتحدة، المعنية بالهجرة،
    NAME``). ``also``: the name has a role after it too; then a chunk right after another person's name
    is that person's role, not this one's."""
    role_conf, aff_conf = RULES["actors.role"][1], RULES["actors.affiliation"][1]
    prev = [x.end for x in text.mentions if x.entity.kind == "person" and x.end <= start]
    cut = prev[-1] if prev else 0
    w = max(cut, start - 400)                              # a role never reaches back over another person
    before = text.original[w:start]
    m = (_ROLE_BEFORE_AT_START if w == cut else _ROLE_BEFORE).search(before)
    if not m or re.search(r"[،,]\s*\S+\s\S+\s$", before[m.end(1):]):
        return
    rs = _role_start(before, m.start(1), m.end(1))
    chunk_start = m.start(1)
    for _ in range(2):                                     # earlier chunks of the same title
        if rs is not None and rs != chunk_start:
            break
        pm = _CHUNK_BEFORE.search(before[:chunk_start])
        if not pm:
            break
        earlier = _role_start(before, pm.start(1), pm.end(1))
        if earlier is None or not _all_role_words(before[earlier:pm.end(1)]):
            break                                          # الوزير في مكتبه، …: a clause, not a title
        rs, chunk_start = earlier, pm.start(1)
    if rs is None:
        return
    if also and cut and not re.search(r"[^\W\d_]", text.original[cut:w + rs]):
        return                                             # A، ROLE_A، NAME، ROLE: ROLE_A is A's
    re_ = m.end(1) + w
    rs += w
    yield Fact(who, "role", Value(_role_text(text.original[rs:re_]), "string", "ar"), source, "actors.role",
               role_conf)
    aff = _held_role_affiliation(text, rs, re_)
    if aff is not None and with_affiliation and not _explicit_affiliation(text, end):
        yield Fact(who, "affiliation", aff, source, "actors.affiliation", aff_conf)


def _note_facts(ctx: FactContext, section, note: str, matcher):
    """Persons of a session header line: ``LABEL: NAME، ROLE، BODY، STATE؛ وNAME، …``."""
    lm = NOTE_LABEL.match(note)
    if not lm:
        return
    body_start = lm.start(2)
    mentions = []
    if matcher is not None:
        mentions = [Mention(x.entity, section, x.start, x.end, x.surface, x.rule) for x in matcher.find(note)]
    text = Text(note, mentions)
    pos = body_start
    items = re.split(r"[؛;]", note[body_start:])
    for item in items:
        i_start, i_end = pos, pos + len(item)
        pos = i_end + 1
        parts, p = [], i_start
        for chunk in _SEP.split(item):
            parts.append((p, p + len(chunk), chunk))
            p += len(chunk) + 1
        parts = [(s, e, c) for s, e, c in parts if c.strip()]
        if not parts:
            continue
        first = parts[0][2].strip()
        if item is not items[0] and first.startswith("و"):
            first = first[1:]            # "؛ وNAME": the conjunction, not part of the name
        name = clean_name(first)
        if not is_name(name) or len(parts) < 2:
            continue
        who = person(name)
        if not _names_actor_only(text, parts[1]):     # "السيد X، البنك الدولي": an affiliation, no role
            yield Fact(who, "role", Value(_role_text(parts[1][2]), "string", "ar"), section, "actors.role",
                       RULES["actors.role"][1])
        yield from _note_affiliation(text, section, who, parts[1:])


def _names_actor_only(text: Text, part) -> bool:
    """The comma chunk ``part`` (start, end, text) is one organisation's or state's name and nothing else."""
    chunk = fold(part[2].strip().lstrip("و").strip())
    if chunk.split(" ")[0] in ROLE_WORDS:
        return False                     # الممثل الخاص للأمين العام: a post the gazetteer names is a role
    return any(fold(m.surface) == chunk and (_cls(m) in ORG_CLASSES or _cls(m) == "State") for m in text.mentions
               if part[0] <= m.start and m.end <= part[1])


def _note_affiliation(text: Text, section, who: Entity, parts):
    aff_conf = RULES["actors.affiliation"][1]
    states = [m for m in text.mentions if parts[0][0] <= m.start and m.end <= parts[-1][1] and _cls(m) == "State"]
    state = None
    last = parts[-1]
    last_states = [m for m in states if last[0] <= m.start]
    if last_states and len(fold(last[2]).split()) <= 3:
        state = last_states[0].entity
    elif states:
        state = states[0].entity
    starts = [s + len(c) - len(c.lstrip(" و")) for s, _, c in parts]
    orgs = [m for m in text.mentions if m.start in starts and _cls(m) in ORG_CLASSES]
    if orgs:
        yield Fact(who, "affiliation", orgs[0].entity, section, "actors.affiliation", aff_conf)
        if _cls(orgs[0]) == "GovernmentBody" and state is not None and not any(
                l[0] == "ofState" for l in orgs[0].entity.links):
            yield Fact(orgs[0].entity, "ofState", state, section, "actors.gov-body", RULES["actors.gov-body"][1])
        return
    institutions = [(s, e, c) for s, e, c in parts[1:] if fold(c.strip()).split(" ")[0] in INSTITUTION_HEADS]
    if institutions and state is not None:
        s, e, c = institutions[0]
        body = government_body(c.strip(), state)
        yield Fact(who, "affiliation", body, section, "actors.affiliation", aff_conf)
        yield Fact(body, "ofState", state, section, "actors.gov-body", RULES["actors.gov-body"][1])
        return
    if state is not None:
        yield Fact(who, "affiliation", state, section, "actors.affiliation", aff_conf)


# ---------------------------------------------------------------- chairs and participation

def _chairs(text: Text, source):
    conf = RULES["actors.chair"][1]
    for n, m in enumerate(text.mentions):
        if m.entity.kind == "person":
            # NAME، الرئيسة الحالية للفريق …
            after = text.original[m.end:m.end + 60]
            hm = re.match(r"\s*[،,]\s*(\S+)(?:\s+(?:الحالي|الحالية|الحالى))?\s+", after)
            if hm and fold(hm.group(1)) in CHAIR_WORDS:
                tgt = [x for x in text.mentions if m.end + hm.end() - 1 <= x.start <= m.end + hm.end() + 2]
                if tgt and _cls(tgt[0]) in CHAIRED_CLASSES:
                    yield Fact(tgt[0].entity, "chairedBy", m.entity, source, "actors.chair", conf)
    for k, tok in enumerate(text.tokens):
        if tok.bare not in CHAIR_WORDS or k + 1 >= len(text.tokens):
            continue
        # رئيس X، [title] NAME
        tgt = text.mention_at(text.tokens[k + 1])
        if tgt is None or _cls(tgt) not in CHAIRED_CLASSES - PROCESS_CLASSES:
            continue
        after = text.original[tgt.end:tgt.end + 80]
        pm = re.match(r"\s*[،,]\s*", after)
        if not pm:
            continue
        nxt = [x for x in text.mentions
               if tgt.end + pm.end() <= x.start <= tgt.end + pm.end() + 12 and x.entity.kind == "person"]
        if nxt:
            yield Fact(tgt.entity, "chairedBy", nxt[0].entity, source, "actors.chair", conf)
        else:
            chunk = re.split(r"[،,؛;(]| من ", after[pm.end():], maxsplit=1)[0]
            name = clean_name(chunk)
            if is_name(name) and len(name.split()) >= 2:
                yield Fact(tgt.entity, "chairedBy", person(name), source, "actors.chair", conf)
    for k, tok in enumerate(text.tokens):
        # رئاسة STATE ل X (X a body, organization or process, not a dated meeting)
        if tok.bare not in folded_set(("رئاسة",)) or k + 1 >= len(text.tokens):
            continue
        st = text.mention_at(text.tokens[k + 1])
        if st is None or _cls(st) != "State":
            continue
        tgt = [x for x in text.mentions if st.end <= x.start <= st.end + 3]
        if tgt and _cls(tgt[0]) in CHAIRED_CLASSES and fold(text.original[st.end:tgt[0].start + 2]).strip().startswith("ل"):
            tail = fold(text.original[tgt[0].end:tgt[0].end + 12])
            if not re.match(r"\s*(?:ل)?عام \d{4}", tail):
                yield Fact(tgt[0].entity, "chairedBy", st.entity, source, "actors.chair", conf)


PARTICIPATION_NOUNS = folded_set(("مشاركته", "لمشاركته", "مشاركتها", "لمشاركتها", "بمشاركته", "بمشاركتها"))
PROCEEDINGS_REACH = 2        # proceedings words between في and the meeting (في أعمال، في فعاليات)


@lru_cache(maxsize=1)
def _proceedings() -> frozenset:
    from ..text.word_classes import load      # noqa: PLC0415 (the lexicon, loaded once)
    return folded_set(load().words("meeting_proceedings"))


def _nisba(text: Text, m: Mention) -> bool:
    """The state mention is a nisba adjective of another noun (``عناصر المجتمع المدني السويسري``): the noun it
    qualifies is the actor, not the state."""
    forms = getattr(getattr(text, "gazetteer", None), "adjectives", {}).get(m.entity.key, ())
    said = fold(text.original[m.start:m.end])
    return any(fold(f) == said for f in forms)


COMITATIVE_REACH = 6         # words of a role between مع and the person it introduces


def _comitative(text: Text, m: Mention) -> bool:
    """The actor is the object of مع (``المباحثات التي أجرتها مع وزير الداخلية NAME``): the one who talked with
    the subject, not the subject whose participation a later noun names."""
    k = text.token_index(m.start)
    for j in range(k - 1, max(-1, k - 1 - COMITATIVE_REACH), -1):
        w = text.tokens[j]
        if text.original[w.end:text.tokens[j + 1].start].strip(" "):
            return False                 # punctuation between: another clause
        if w.bare in ("مع", "ومع"):
            return True
    return False


def _target_after(text: Text, j: int, meetings: list):
    """What ``في`` at token ``j`` introduces as the thing taken part in: the meeting a reference there
    names (``في الاجتماع الوزاري الثاني لعملية الخرطوم``, ``في المنتدى العالمي الأول للاجئين``: the process's
    numbered meeting, not the process; past ``أعمال``/``فعاليات``), else the process or event named there.
    Returns the entity, or None (nothing there, or a meeting the text announces as planned)."""
    k = j + 1
    while k < len(text.tokens) and k <= j + PROCEEDINGS_REACH and text.tokens[k].bare in _proceedings():
        k += 1
    if k >= len(text.tokens):
        return None
    pos = text.tokens[k].start
    ref = next((r for r in meetings if r.how == "named" and r.start <= pos < r.end), None)
    if ref is not None:
        return None if ref.status == PLANNED else ref.event
    tgt = text.mention_at(text.tokens[j + 1])
    return tgt.entity if tgt is not None and _cls(tgt) in PROCESS_CLASSES | EVENT_CLASSES else None


def _participation(text: Text, source, scope: list[Mention], meetings: list = ()):
    conf = RULES["actors.participates"][1]
    for s_start, s_end in text.sentences():
        for k, tok in enumerate(text.tokens):
            # NAME … لمشاركته (الثابتة) في Y
            if tok.start < s_start or tok.start >= s_end or tok.bare not in PARTICIPATION_NOUNS:
                continue
            j = k + 1
            while j < len(text.tokens) and j < k + 3 and text.tokens[j].word != "في":
                j += 1
            if j + 1 >= len(text.tokens) or text.tokens[j].word != "في":
                continue
            tgt = _target_after(text, j, meetings)
            who = [m for m in text.mentions if s_start <= m.start and m.end <= tok.start and _cls(m) in ACTOR_CLASSES
                   and not _nisba(text, m) and not _comitative(text, m)]
            who = [m for m in who if _cls(m) == "Person"] or who
            if tgt is not None and who:
                yield Fact(who[-1].entity, "participatesIn", tgt, source, "actors.participates", conf)
    for s_start, s_end in text.sentences():
        for tok in text.tokens:
            if tok.start < s_start or tok.start >= s_end or tok.bare not in PARTICIPATE:
                continue
            subj = _resolved_subject(text, tok.end, s_end, scope)
            if subj is None or _cls(subj) not in ACTOR_CLASSES:
                continue
            j = text.token_index(subj.end)
            while j < len(text.tokens) and text.tokens[j].word in FILLERS - folded_set(("في",)):
                j += 1
            if j + 1 >= len(text.tokens) or text.tokens[j].word != "في":
                continue
            tgt = _target_after(text, j, meetings)
            if tgt is not None:
                yield Fact(subj.entity, "participatesIn", tgt, source, "actors.participates", conf)


# ---------------------------------------------------------------- entry point

_MATCHER: list = []          # [(gazetteer, matcher)]: the last one built


def _matcher_once(ctx: FactContext):
    """The document's matcher, else one per gazetteer (building one reads every name)."""
    if getattr(ctx, "matcher", None) is not None or ctx.gazetteer is None:
        return getattr(ctx, "matcher", None)
    if not _MATCHER or _MATCHER[0][0] is not ctx.gazetteer:
        _MATCHER[:] = [(ctx.gazetteer, _matcher(ctx))]
    return _MATCHER[0][1]


def _matcher(ctx: FactContext):
    if ctx.gazetteer is None:
        return None
    if ctx.matcher is not None:          # the pipeline's, built once from the same gazetteer
        return ctx.matcher
    from ..recognise.matcher import Matcher   # noqa: PLC0415 (header lines are not matched by the pipeline)
    return Matcher(ctx.gazetteer)


def extract(ctx: FactContext) -> list[Fact]:
    facts: list[Fact] = []
    scope: list[Mention] = []
    processes: list[Mention] = []         # the processes named so far in the document (a body's name refers back)
    section = object()
    for src in list(ctx.document.paragraphs) + [f for f in ctx.document.footnotes if f.text]:
        if getattr(src, "section", None) is not section:
            scope, section = [], getattr(src, "section", None)
        text = Text(src.text, ctx.mentions_in(src))
        text.gazetteer = ctx.gazetteer
        facts.extend(_memberships(text, src, scope))
        has_body = any(_cls(m) == "ProcessBody" for m in text.mentions)
        facts.extend(_bodies(text, src, processes + scope, _matcher_once(ctx) if has_body else None))
        processes = processes + [m for m in text.mentions if _cls(m) in PROCESS_CLASSES]
        person_facts = list(_person_facts(text, src))
        facts.extend(person_facts)
        facts.extend(_anaphoric_affiliations(person_facts, text, src, scope))
        facts.extend(_chairs(text, src))
        facts.extend(absence.drop_absent(ctx.tokens(src), _participation(text, src, scope, ctx.meetings().refs(src))))
        scope = scope + [m for m in text.mentions if m.entity.kind not in ("topic", "place", "region")]
    facts = _first_named_bodies(_titles_as_last_roles(facts))
    facts.extend(memberships.extract(ctx))
    matcher = None
    for sec in ctx.document.sections:
        if sec.notes and matcher is None:
            matcher = _matcher(ctx)
        for note in sec.notes:
            facts.extend(_note_facts(ctx, sec, note, matcher))
    return facts
