"""Membership lists written with the group after the verb, after a colon or after a list opener:

* ``ويضم المؤتمر الإقليمي … في عضويته 11 دولة، هي: بليز، وبنما، …`` (verb, then the group);
* ``تضم العملية في عضويتها خمس (5) من دول المقصد، وهي: الأردن، لبنان …`` (an anaphor for the group:
  the latest process/organisation named in the paragraph or before it in the section);
* ``الدول الأعضاء في مسار X: A، B، C`` / ``أعضاء X: …`` (a member noun, the group, a colon);
* ``… يضم 18 دولة من بينها A وB`` (a count, then ``من بينها``), ``يضم X 12 دولة (A، B، …)`` (the list in
  parentheses, up to the closing one), ``يضم X كلا من A وB``;
* ``الدول الأعضاء في X هي A وB`` (a member noun, the group, then هي right after it).

The items are the states and organisations named after the list opener (``:``، ``هي``، ``من بينها`` …,
lexicon class ``list_opener``) up to the end of the sentence; a state followed by ``بصفة مراقب``
(class ``observer_marker``) is an observer, not a member. The words are data
(``lexicons/classes/relations.toml``: ``include_verb``, ``list_opener``, ``member_noun``).

It does not read the relative-clause and ``تتألف من`` lists (``actors.py``), participation or joining
wishes (``الانضمام``), and knows no document.
"""
from __future__ import annotations

from ..recognise.findings import Entity, Fact, Mention
from ..text.word_classes import load
from .rules import REGISTRY, Rule, register
from .spans import sentence_ends, starting

RULE_ID = "actors.member-list-after"
if RULE_ID not in REGISTRY:
    register(Rule(RULE_ID, ("memberOf",), 0.85, ("lex:include_verb", "lex:list_opener", "lex:member_noun",
                                                 "lex:observer_marker", "entity:state", "entity:org",
                                                 "entity:process", "entity:body"),
                  "INCLUDE_VERB GROUP … (هي:|من بينها) A، B … / MEMBER_NOUN GROUP: A، B: each state or "
                  "organisation listed after the opener is a member of the group", "actors"))

GROUP_KINDS = frozenset({"process", "org", "body"})
MEMBER_KINDS = frozenset({"state", "org"})
_ANAPHOR_CLASSES = {"العمليه": ("process",), "المسار": ("process",), "الحوار": ("process",),
                    "المنتدي": ("process",), "المنظمه": ("org",), "الجماعه": ("org",), "الهيئه": ("org", "body"),
                    "المؤتمر": ("process",), "الاتحاد": ("org",), "المجموعه": ("org", "process")}
RELATIVE_PRONOUNS = frozenset({"الذي", "التي"})
IN_MEMBERSHIP = frozenset({"عضويته", "عضويتها", "عضويتهم"})
STATES_NOUN = frozenset({"دول", "الدول"})
NOUN_OPENERS = frozenset({"هي", "وهي"})
ALL_OF = frozenset({"كلا", "كل"})            # كلا من A و B right after the group
MAX_GROUP_GAP = 8            # tokens between the verb and the group it introduces
MAX_OPENER_GAP = 22          # tokens between the group and the list opener


def _group_after(toks, k: int, end: int, scope: list[Mention]) -> tuple[Entity, int] | None:
    """The group named right after token ``k`` (a name, or a definite head noun for the latest one)."""
    for j in range(k, min(end, k + MAX_GROUP_GAP)):
        t = toks.tokens[j]
        m = starting(toks, j, GROUP_KINDS)
        if m is not None:
            return m.entity, toks.index_at(m.end)
        if t.ents and any(x.entity.kind in MEMBER_KINDS | {"place"} for x in t.ents):
            return None
        kinds = _ANAPHOR_CLASSES.get(t.norm.lstrip("و") if t.norm.startswith("وال") else t.norm)
        if kinds and j <= k + 1:
            prior = [x for x in scope if x.entity.kind in kinds]
            return (prior[-1].entity, j + 1) if prior else None
        named = _named_anaphor(t.norm, scope) if j <= k + 3 else None
        if named is not None:             # وتضم اللجنة التنفيذية للشبكة …: the network named before
            return named.entity, j + 1
    return None


def _named_anaphor(word: str, scope: list[Mention]) -> Mention | None:
    """A definite head noun (also after ل: للشبكة) standing for the latest group whose name begins with it."""
    from .clause_subjects import ANAPHORS, resolve_anaphor     # noqa: PLC0415 (sentence grammar helpers)
    head = "ال" + word[2:] if word.startswith("لل") else word
    if head not in ANAPHORS or head in _ANAPHOR_CLASSES:
        return None
    m = resolve_anaphor(head, scope)
    return m if m is not None and m.entity.kind in GROUP_KINDS else None


def _group_before(toks, k: int) -> tuple[Entity, int] | None:
    """The subject of a sentence that goes on with a pronoun-subject verb (``X هو آلية …، يضم في
    عضويته …``): the last group named before the verb in its sentence, with no state or other actor
    named between them."""
    sent = toks.tokens[k].sent
    group, antecedent = None, None
    for m in toks.mentions:
        j = toks.index_at(m.start)
        if j >= k:
            break
        if toks.tokens[j].sent != sent:
            continue
        if m.entity.kind in GROUP_KINDS:
            group = m
            e = toks.index_at(m.end)
            e += e < k and toks.tokens[e].kind == "punct"
            if e < k and toks.tokens[e].norm in RELATIVE_PRONOUNS:
                antecedent = m                     # X، الذي يترأسه … ويضم في عضويته …
        elif m.entity.kind in MEMBER_KINDS | {"person"}:
            group = None
    group = group or antecedent
    return (group.entity, k + 1) if group is not None else None


def _opener(toks, lex, k: int, end: int) -> int | None:
    """One past the list opener found after token ``k`` (a colon, هي، من بينها …), else None."""
    for j in range(k, min(end, k + MAX_OPENER_GAP)):
        t = toks.tokens[j]
        if t.kind == "punct" and t.norm == ":":
            return j + 1
        if t.kind == "punct" and t.norm == "(" and starting(toks, j + 1, MEMBER_KINDS) is not None \
                and j > k and toks.tokens[j - 1].kind != "punct":
            return j + 1                           # يضم X 12 دولة آسيوية (A، B، …): the list in parentheses
        if t.norm in ALL_OF and j <= k + 1 and j + 1 < end and toks.tokens[j + 1].norm == "من" \
                and starting(toks, j + 2, MEMBER_KINDS) is not None:
            return j + 2                           # يضم X كلا من A و B
        if t.norm == "في" and j + 1 < end and toks.tokens[j + 1].norm in IN_MEMBERSHIP:
            n = j + 2                              # يضم في عضويته (أيضا) A و B
            while n < end and toks.tokens[n].norm in ("ايضا", "كلا", "كل", "من"):
                n += 1
            if starting(toks, n, MEMBER_KINDS) is not None:
                return n
        m = lex.is_a(toks, j, "list_opener")
        if m is not None:
            n = m.j
            if n < end and toks.tokens[n].norm == ":":
                n += 1
            return n
        if t.kind == "punct" and t.norm in (".", "؛", ";"):
            return None
        if lex.is_a(toks, j, "chair_verb") is not None or lex.is_a(toks, j, "chair_take") is not None:
            return None                            # تعاقبت على رئاسته كل من …: past chairs, not members
    return None


_CONTINUES = (("الي", "جانب"), ("اضافه", "الي"), ("بالاضافه", "الي"), ("فضلا", "عن"), ("علاوه", "علي"))


def _continues_at(toks, j: int) -> bool:
    a = toks.tokens[j].norm.lstrip("و")
    b = toks.tokens[j + 1].norm if j + 1 < len(toks.tokens) else ""
    return (a, b) in _CONTINUES


def _members(toks, lex, k: int, end: int, group: Entity) -> list[Entity]:
    out = []
    j = k
    while j < end:
        if _continues_at(toks, j):                 # إضافة إلى … وهي: a second list; إلى جانب وفود من …: not members
            nxt = _opener(toks, lex, j + 2, min(end, j + 22))
            if nxt is None:
                break
            j = nxt
            continue
        m = starting(toks, j, MEMBER_KINDS)
        if m is None:
            j += 1
            continue
        nxt = toks.index_at(m.end)
        if any(lex.is_a(toks, n, "observer_marker") for n in range(nxt, min(end, nxt + 2))):
            j = nxt
            continue
        if m.entity != group and m.entity not in out and m.entity.cls != "GovernmentBody":
            out.append(m.entity)
        j = nxt
    return out


def extract(ctx) -> list[Fact]:
    lex = load()
    conf = REGISTRY.confidence(RULE_ID)
    facts: list[Fact] = []
    scope: list[Mention] = []
    section = object()
    for src in list(ctx.document.paragraphs):
        if getattr(src, "section", None) is not section:
            scope, section = [], getattr(src, "section", None)
        toks = ctx.tokens(src)
        ends = sentence_ends(toks)
        k = 0
        while k < len(toks.tokens):
            end = ends[toks.tokens[k].sent]
            if toks.tokens[k].norm in STATES_NOUN and starting(toks, k + 1, GROUP_KINDS) is not None:
                g = starting(toks, k + 1, GROUP_KINDS)   # دول مجلس التعاون الست، وهي الكويت والسعودية …
                after = toks.index_at(g.end)
                start = _opener(toks, lex, after, min(end, after + 4))
                if start is not None and toks.tokens[start - 1].norm not in ("مثل",):
                    for e in _members(toks, lex, start, end, g.entity):
                        facts.append(Fact(e, "memberOf", g.entity, src, RULE_ID, conf))
                    k = end
                    continue
            verb = lex.is_a(toks, k, "include_verb")
            noun = None if verb else lex.is_a(toks, k, "member_noun")
            hit = verb or noun
            if hit is None or hit.future:
                k += 1
                continue
            earlier = scope + [m for m in toks.mentions if m.end <= toks.tokens[k].start]
            if noun is not None:                   # أعضاء X: … — the group is named right after the noun
                j = hit.j + (hit.j < end and toks.tokens[hit.j].norm == "في")
                g = starting(toks, j, GROUP_KINDS) if j < end else None
                found = (g.entity, toks.index_at(g.end)) if g is not None else None
            else:
                found = _group_after(toks, hit.j, end, earlier) or _group_before(toks, k)
            if found is None:
                k += 1
                continue
            group, after = found
            start = _opener(toks, lex, after, end)
            if start is None and verb is not None and starting(toks, after, MEMBER_KINDS) is not None \
                    and toks.index_at(starting(toks, after, MEMBER_KINDS).end) < end \
                    and toks.tokens[toks.index_at(starting(toks, after, MEMBER_KINDS).end)].norm in ("،", ","):
                start = after                  # وتضم الشبكة A، وB، وC: the list right after the group
            if noun is not None and (start is None or not (toks.tokens[start - 1].norm == ":" or (
                    start - 1 <= after + 1 and toks.tokens[start - 1].norm in NOUN_OPENERS))):
                k += 1
                continue                       # a member noun needs its colon or هي right after the group: أعضاء X: … / الدول الأعضاء في X هي …
            if start is None:
                k += 1
                continue
            if toks.tokens[start - 1].norm == "(":
                end = next((n for n in range(start, end) if toks.tokens[n].norm == ")"), end)
            for e in _members(toks, lex, start, end, group):
                facts.append(Fact(e, "memberOf", group, src, RULE_ID, conf))
            k = end
        scope = scope + [m for m in toks.mentions if m.entity.kind in GROUP_KINDS]
    return facts
