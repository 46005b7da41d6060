"""Topics of a meeting as press and reports describe its agenda, read for the meeting a paragraph is about:

* ``topics.meeting-relative``: the meeting taken up by a definite or demonstrative noun, as the subject of a focus
  or aim verb before or after it (``عن المؤتمر الذي يبحث …``، ``ويهدف هذا اللقاء إلى …``، ``اللقاء يتناول …``), and a
  sentence that goes on with the same unwritten subject (``كما يسعى إلى …``);
* ``topics.meeting-agenda``: a focus verb whose subject is the people gathered (``وناقش المشاركون …``، ``وتطرق
  المجتمعون إلى …``، ``كما يناقش المشاركون في القمة …``) or what they concluded (``وأوصى المشاركون في ختام الورشة
  بـ…``) or the meeting's agenda (``وتناولت جلسات المؤتمر …``،
  ``وتضمن جدول الأعمال …``، ``وتركزت المناقشات على …``), verb first or noun first;
  a topic named before a head noun on the meeting (``قضايا مكافحة تهريب البشر كانت هي محور الاجتماع``) and what the
  meeting saw discussed (``وشهد الاجتماع، الذي عقد …، مناقشة أوراق عمل تناولت …``، ``وتم خلال الاجتماع مناقشة …``، an
  impersonal passive with its noun first: ``وتم التركيز في المؤتمر على …``، ``وجرت مناقشة …``), a content verb whose
  subject is the meeting (``ويتضمن الحدث … حلقات نقاش حول …``) and the meeting's objectives (``ومن أهداف الورشة …``);
* ``topics.meeting-purpose``: a meeting noun followed, in its sentence, by a verbal noun of discussion (``تستضيف مصر
  اجتماعا … يضم وزراء من 40 دولة، لمناقشة …``، ``عقد لقاء تشاوري لبحث …``) or, after an indefinite noun and a
  comma, by a focus verb of an unmarked relative clause (``اجتماعا لكبار المسؤولين من 16 دولة، ركز على …``);
* ``topics.statement``: what a speaker said at the document's meeting (``وطالبت الوزيرة … مؤكدة أن …``، ``وأكد
  جمعة في مداخلته …``، ``كما تطرق إلى …``) in a paragraph about that meeting.

The topics are those of the verb's object, read to the end of the sentence, past an inserted theme (، تحت شعار "…"،:
the meeting's title, read by the event rules); the reading stops at a named
commitment, an agreement or another meeting (what follows describes it: ``بمذكرة التفاهم التي تشمل …``), at a
process named before any topic (``أكد الوزراء على أهمية عملية بالي كمنتدى … لبناء القدرات``: the process's nature), at a clause
whose subject is another organisation or process (``أشار إلى أن المنظمة رافقت العودة الطوعية …``: that actor's work,
a passing mention for the meeting), and, for the agenda rules, at an item between commas that names no topic after
the first one unless it is coordinated (، والخطاب …) and at an adjunct set off by a comma (، وفق …، ضمن …: class
``clause_adjunct``). A negated verb (لم يتطرق) and a document as subject (وأكد الإعلان …) give nothing; a future verb (سيناقش) only
with the meeting or the people gathered as its written subject (``الاجتماع سيركز على …``، ``وسيعكف المشاركون على …``:
the agenda of the meeting the paragraph is about), never the next meeting's (``الاجتماع المقبل سيناقش …``).

A report laid out in sections by session (a chair's report: the event rules name a session for a section) gives
none of these facts: there a speaker's words and the participants' debate belong to the part they were said in.
Which meeting a paragraph is about is the commitments family's reader (``adoption.MeetingOf``): the one meeting the
paragraph names, else the document's only one; a statement counts only for the document's first-named meeting (a
paragraph about an earlier meeting gives none). Lexicon classes: ``agenda_noun``, ``gathering_members``,
``meeting_purpose_cue``, ``statement_verb``, ``objective_noun``, ``background_cue`` (``lexicons/classes/topics.toml``),
with ``meeting_topic_cue``, ``aim_verb``, ``meeting_noun``, ``meeting_anaphor``. It mints no meeting and knows no document.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .rules import REGISTRY, register_once
from .spans import negated
from .topic_objects import topic_names

RELATIVE_RULE = "topics.meeting-relative"
AGENDA_RULE = "topics.meeting-agenda"
PURPOSE_RULE = "topics.meeting-purpose"
STATEMENT_RULE = "topics.statement"
register_once(RELATIVE_RULE, ("addresses",), 0.75, ("lex:meeting_noun", "lex:meeting_anaphor", "lex:meeting_topic_cue",
                                                   "lex:aim_verb", "events:meeting-of-paragraph", "entity:topic"),
              "DEM/ال MEETING_NOUN (الذي/التي) FOCUS_VERB TOPIC… | FOCUS_VERB هذا MEETING_NOUN TOPIC…: the meeting the "
              "paragraph is about addresses the topics of the verb's object (and of a sentence going on with كما يسعى …)",
              "topics")
register_once(AGENDA_RULE, ("addresses",), 0.75, ("lex:gathering_members", "lex:agenda_noun", "lex:meeting_topic_cue",
                                                 "events:meeting-of-paragraph", "entity:topic"),
              "FOCUS_VERB (GATHERING_MEMBERS | AGENDA_NOUN) TOPIC… | AGENDA_NOUN … FOCUS_VERB TOPIC…: what the participants "
              "or the sessions of the paragraph's meeting discussed is what that meeting addressed", "topics")
register_once(PURPOSE_RULE, ("addresses",), 0.7, ("lex:meeting_noun", "lex:meeting_purpose_cue",
                                                 "events:meeting-of-paragraph", "entity:topic"),
              "MEETING_NOUN … MEETING_PURPOSE_CUE TOPIC… (اجتماعا رفيع المستوى … لمناقشة …): the meeting is held to "
              "discuss the topics", "topics")
register_once(STATEMENT_RULE, ("addresses",), 0.65, ("lex:statement_verb", "entity:person", "lex:role",
                                                    "events:meeting-of-paragraph", "entity:topic"),
              "SPEAKER … STATEMENT_VERB TOPIC… in a paragraph about the document's meeting: what a speaker raised at the "
              "meeting (not another actor's reported work, nor an instrument's content) is a topic the meeting addressed",
              "topics")

_REL = frozenset(fold(w) for w in ("الذي", "التي", "والذي", "والتي"))
_DEM = frozenset(fold(w) for w in ("هذا", "هذه", "ذلك", "تلك", "وهذا", "وهذه"))
_THAT = frozenset(fold(w) for w in ("أن", "بأن", "وأن", "إن", "ان", "بان", "وان", "لأن"))
_CONTINUE = frozenset(fold(w) for w in ("كما", "وكما"))
_NEXT = frozenset(fold(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "التالي", "التالية", "اللاحق", "اللاحقة"))
_AT = frozenset(fold(w) for w in ("في", "خلال", "فى"))
_FROM = fold("من")
_THAT_HE = frozenset(fold(w) for w in ("أنه", "إنه", "بأنه", "وأنه", "انه"))
_STOP_KINDS = frozenset({"commitment", "event"})
_ACTOR_KINDS = frozenset({"org", "process", "body", "commitment"})
_SUBJECT_KINDS = frozenset({"state", "org", "person", "process", "body", "commitment"})
_CLOSE = frozenset(",،؛;")
PURPOSE_WINDOW = 20         # tokens between a meeting noun and its purpose cue (what describes the meeting between)
AGENDA_NEAR = 4             # tokens after تخصيص where its discussion or session noun stands (يومين من المناقشات)
RELATIVE_SKIP = 30          # tokens between a witnessed meeting and its discussion noun (a relative clause between)
SPEAKER_SPAN = 25          # tokens after a statement verb where the speaker's name may end a long title
SPEAKER_WINDOW = 4          # tokens after a statement verb where its written speaker stands (وأكد جمعة، وأكد وزير …)


def _topics(toks, lex, k: int, hi: int, comma_gap: bool, statement: bool = False, names: list | None = None) -> list:
    """The topics of the object that starts at token ``k`` (see the module docstring for where it stops); in a
    ``statement``, also at a word that recalls the background (class ``statement_background``); with ``names``
    (topic name patterns), an instrument that is the object itself, first thing after the verb (``واستعرض
    المشاركون الاتفاق العالمي بشأن اللاجئين``), gives the topics its name states, and the reading ends there."""
    out: list = []
    item_has_topic = coordinated = False
    if names and k < hi:
        named = [m for m in toks.tokens[k].ents if toks.index_at(m.start) == k and m.entity.kind == "commitment"]
        if named:
            surface = " " + fold(named[0].surface) + " "
            return list(dict.fromkeys(e for rx, e in names if rx.search(surface)))
    while k < hi:
        t = toks.tokens[k]
        if lex.is_a(toks, k, "theme_cue") is not None:
            from .topic_purpose import _past_theme      # noqa: PLC0415
            past = _past_theme(toks, lex, k)
            if past > k:
                k = past            # ويناقش الاجتماع، تحت شعار "…"، سبل …: the theme is the meeting's title, not a topic
                continue
        if t.kind == "punct" and t.norm in _CLOSE:
            if comma_gap and out and not item_has_topic and not coordinated:
                break
            item_has_topic = False
            coordinated = k + 1 < hi and _coordinated(toks.tokens[k + 1])
            if comma_gap and out and k + 1 < hi and lex.is_a(toks, k + 1, "clause_adjunct"):
                break               # ، وفق مقاربة …: an adjunct, not one more item
            k += 1
            continue
        starting = [m for m in t.ents if toks.index_at(m.start) == k]
        if any(m.entity.kind in _STOP_KINDS or (m.entity.kind == "process" and not out) for m in starting):
            break                   # an instrument, another meeting, or a process described (لعملية بالي كمنتدى …)
        if lex.is_a(toks, k, "agreement_anaphor") and not t.ents:
            break
        if statement and lex.is_a(toks, k, "statement_background"):
            break                   # مذكرا بأن …: past work named in passing
        if lex.is_a(toks, k, "background_cue"):
            break                   # في ظل تفاقم أزمة اللاجئين: the setting, not the object
        if t.norm in _THAT and k + 1 < hi and any(m.entity.kind in _ACTOR_KINDS for m in toks.tokens[k + 1].ents):
            break                   # أن المنظمة رافقت …: another actor's work
        topic = next((m for m in starting if m.entity.kind == "topic"), None)
        if topic is not None:
            if topic.entity not in out:
                out.append(topic.entity)
            item_has_topic = True
            k = max(k + 1, toks.index_at(topic.end))
            continue
        k += 1
    return out


def _coordinated(t) -> bool:
    """An item that opens with و + a definite noun (، والخطاب العام حول الهجرة، وإدماج …): one more item of the same
    list, so an item with no topic does not end it (، وفق مقاربة … does)."""
    return t.norm.startswith("وال") and t.norm not in _REL


def _sentence_end(toks, k: int) -> int:
    n = toks.tokens[k].sent
    while k < len(toks.tokens) and toks.tokens[k].sent == n:
        k += 1
    return k


def _verb(lex, toks, k: int, future_ok: bool = False):
    """A focus or aim verb at ``k`` (no object pronoun; not future unless ``future_ok``: a verb whose written
    subject is the meeting or its participants, ``الاجتماع سيركز على …``، ``وسيعكف المشاركون على …``, states the
    agenda of the meeting the paragraph is about), else None."""
    for cls in ("meeting_topic_cue", "aim_verb"):
        m = lex.is_a(toks, k, cls)
        if m is not None and (future_ok or not m.future) and not m.reading.enc:
            return m
    return None


NEXT_WINDOW = 4             # words after a meeting noun phrase where "next" may stand (في دورته المقبلة)


def _next_meeting(toks, k: int) -> bool:
    """Do the words right after a meeting noun phrase (from ``k``, in its sentence, before a topic) make it the next
    meeting (الاجتماع المقبل، المؤتمر في دورته القادمة)? A future verb then says what another meeting will discuss."""
    sent = toks.tokens[k].sent if k < len(toks.tokens) else -1
    for j in range(k, min(len(toks.tokens), k + NEXT_WINDOW)):
        t = toks.tokens[j]
        if t.sent != sent or any(m.entity.kind == "topic" for m in t.ents):
            return False
        if t.norm in _NEXT:
            return True
    return False


def _recommend_verb(lex, toks, k: int):
    """A verb with which the people gathered conclude (أوصى، خلص، اتفق …) at ``k``, not future."""
    m = lex.is_a(toks, k, "recommend_verb")
    return m if m is not None and not m.future and not m.reading.enc else None


def _past_moment(lex, toks, k: int, hi: int) -> int:
    """Token after ``في ختام الورشة`` / ``خلال الاجتماع`` written at ``k`` (a moment of the meeting), else ``k``."""
    j = k
    if j < hi and toks.tokens[j].norm in _AT:
        j += 1
    moment = lex.is_a(toks, j, "meeting_moment") if j < hi else None
    if moment is not None:
        j = moment.j
    noun = lex.is_a(toks, j, "meeting_noun") if j < hi else None
    if noun is None or j == k:
        return k
    j = noun.j
    while j < hi and lex.is_a(toks, j, "meeting_qualifier"):
        j = lex.is_a(toks, j, "meeting_qualifier").j
    return j


def _content_verb(lex, toks, k: int):
    """A verb of containing at ``k`` (يتضمن، يشمل), read only with an agenda noun as subject."""
    m = lex.is_a(toks, k, "content_verb")
    return m if m is not None and not m.future and not m.reading.enc and not m.feature("prep") else None


def _object_start(toks, verb, hi: int) -> int:
    prep = verb.feature("prep")
    k = verb.j
    if prep and k < hi and toks.tokens[k].norm == fold(prep):
        k += 1
    return k


def _meeting_ref(lex, toks, k: int):
    """Token after a meeting taken up at ``k`` (هذا اللقاء، المؤتمر، هذه التظاهرة), else None; plural nouns aside."""
    dem = toks.tokens[k].norm in _DEM
    j = k + 1 if dem else k
    if j >= len(toks.tokens):
        return None
    noun = lex.is_a(toks, j, "meeting_noun")
    if noun is not None and not noun.feature("plural") and not any(m.entity.kind in _SUBJECT_KINDS for m in toks.tokens[j].ents):
        definite = dem or "ال" in noun.reading.pro or toks.tokens[j].norm.lstrip("وفب").startswith(("ال", "لل"))
        if definite:
            end = noun.j
            while end < len(toks.tokens) and lex.is_a(toks, end, "meeting_qualifier"):
                end = lex.is_a(toks, end, "meeting_qualifier").j
            return end
    if dem:
        ana = lex.is_a(toks, j, "meeting_anaphor")
        if ana is not None:
            return ana.j
    return None


def _relative_facts(lex, toks, src, meeting, names=None, held_at=lambda k: False) -> list:
    out: list = []
    carry = None                                   # sentence whose unwritten subject is still the meeting
    for k in range(len(toks.tokens)):
        t = toks.tokens[k]
        hi = _sentence_end(toks, k)
        verb = None
        after = _meeting_ref(lex, toks, k)
        if after is not None and (k == 0 or toks.tokens[k - 1].norm not in _AT):
            j = after
            if j < hi and toks.tokens[j].norm in _CLOSE:
                j += 1
            if j < hi and toks.tokens[j].norm in _REL:
                j += 1
            verb = _verb(lex, toks, j, future_ok=held_at(k) and not _next_meeting(toks, after)) if j < hi else None
        if verb is None:
            v = _verb(lex, toks, k, future_ok=True)
            ref = _meeting_ref(lex, toks, v.j) if v is not None and v.j < hi else None
            if v is not None and v.future and (ref is None or _next_meeting(toks, ref) or not held_at(v.j)):
                v = None                           # سيناقش الاجتماع المقبل …: another meeting's agenda
            if v is not None and v.j < hi and ref is not None:
                if negated(toks, k):
                    continue
                verb = v                           # ويهدف هذا اللقاء إلى …، ويبحث الاجتماع …
                obj_after = _meeting_ref(lex, toks, v.j)
                found = _topics(toks, lex, _object_start_at(toks, v, obj_after, hi), hi, True, names=names)
                out.extend(Fact(meeting, "addresses", e, src, RELATIVE_RULE, REGISTRY.confidence(RELATIVE_RULE))
                           for e in found)
                carry = t.sent
                continue
            if v is not None and carry is not None and t.sent == carry + 1 and k > 0 \
                    and toks.tokens[k - 1].norm in _CONTINUE and v.feature("prep") and v.j < hi \
                    and toks.tokens[v.j].norm == fold(v.feature("prep")):
                verb = v                           # كما يسعى إلى …: the same unwritten subject
            else:
                continue
        if negated(toks, verb.i):
            continue
        found = _topics(toks, lex, _object_start(toks, verb, hi), hi, True, names=names)
        out.extend(Fact(meeting, "addresses", e, src, RELATIVE_RULE, REGISTRY.confidence(RELATIVE_RULE)) for e in found)
        carry = t.sent
    return out


def _object_start_at(toks, verb, k: int, hi: int) -> int:
    prep = verb.feature("prep")
    if prep and k < hi and toks.tokens[k].norm == fold(prep):
        k += 1
    return k


def _taken_up_subject(lex, toks, k: int) -> int | None:
    """Token after a definite meeting noun or a meeting anaphor at ``k`` that is a content verb's subject (``ويتضمن
    المؤتمر …``، ``ويتضمن الحدث عروضا … وحلقات نقاش حول …``: the meeting's programme), else None (``ويتضمن
    المشاركون``، ``وتتضمن الاتفاقية``: not the meeting)."""
    if k >= len(toks.tokens) or any(x.entity.kind in _SUBJECT_KINDS for x in toks.tokens[k].ents):
        return None
    after = _meeting_ref(lex, toks, k)
    if after is None and toks.tokens[k].norm.startswith("ال"):
        ana = lex.is_a(toks, k, "meeting_anaphor")
        after = ana.j if ana is not None else None
    return after


def _past_gathering(lex, toks, k: int, hi: int) -> int | None:
    """Token after a gathering or agenda subject at ``k`` (المشاركون، جلسات المؤتمر، المشاركون في القمة), else None."""
    m = lex.is_a(toks, k, "gathering_members") or lex.is_a(toks, k, "agenda_noun")
    if m is None or any(x.entity.kind in _SUBJECT_KINDS for x in toks.tokens[k].ents):
        return None
    j = m.j
    if j < hi and toks.tokens[j].norm in _AT and j + 1 < hi and lex.is_a(toks, j + 1, "meeting_noun"):
        j += 1                                     # المشاركون في القمة
    noun = lex.is_a(toks, j, "meeting_noun") if j < hi else None
    if noun is not None and not noun.feature("plural"):
        j = noun.j                                 # جلسات المؤتمر
        while j < hi and lex.is_a(toks, j, "meeting_qualifier"):
            j = lex.is_a(toks, j, "meeting_qualifier").j
    return j


def _agenda_facts(lex, toks, src, meeting, names=None, held_here: bool = False) -> list:
    out: list = []
    conf = REGISTRY.confidence(AGENDA_RULE)
    for k in range(len(toks.tokens)):
        hi = _sentence_end(toks, k)
        verb = _verb(lex, toks, k, future_ok=True) or _content_verb(lex, toks, k) or _recommend_verb(lex, toks, k)
        if verb is not None and verb.j < hi and not negated(toks, k):
            after = _past_gathering(lex, toks, verb.j, hi)          # وناقش المشاركون …، ويتضمن جدول الأعمال …
            if after is not None and verb.future and (not held_here or not lex.is_a(toks, verb.j, "gathering_members")
                                                      or _next_meeting(toks, after)):
                after = None                                        # وسيعكف المشاركون على …: only the people gathered
            if verb.cls == "content_verb" and not lex.is_a(toks, verb.j, "agenda_noun"):
                after = _taken_up_subject(lex, toks, verb.j)        # ويتضمن المؤتمر/الحدث حلقات نقاش حول …
            if after is not None and verb.cls == "recommend_verb" and not lex.is_a(toks, verb.j, "gathering_members"):
                after = None                                        # وأوصى المشاركون …: people conclude, not an agenda
            if after is not None and verb.cls == "recommend_verb":
                after = _past_moment(lex, toks, after, hi)          # في ختام الورشة
            if after is not None:
                obj = _object_start_at(toks, verb, after, hi)
                if verb.cls != "recommend_verb":
                    obj = _past_moment(lex, toks, obj, hi)          # واستعرض المشاركون في الاجتماع …
                out.extend(Fact(meeting, "addresses", e, src, AGENDA_RULE, conf)
                           for e in _topics(toks, lex, obj, hi, True,
                                            names=names if verb.cls == "meeting_topic_cue" else None))
            continue
        if not lex.is_a(toks, k, "agenda_noun"):
            continue
        after = _past_gathering(lex, toks, k, hi)                   # جلسات المؤتمر تناولت / موائد مستديرة تناولت
        j = after
        while j is not None and j < hi and j < after + 4 and toks.tokens[j].kind != "punct" and _verb(lex, toks, j) is None:
            if lex.is_a(toks, j, "session_noun") or lex.is_a(toks, j, "session_plural"):
                j = None            # توزعت أشغال القمة على ست موائد مستديرة تناولت …: the round tables' topics
                break
            j += 1
        v = _verb(lex, toks, j) if j is not None and j < hi else None
        if v is None or negated(toks, j):
            continue
        out.extend(Fact(meeting, "addresses", e, src, AGENDA_RULE, conf)
                   for e in _topics(toks, lex, _object_start(toks, v, hi), hi, True))
    return out


def _objective_facts(lex, toks, src, meeting) -> list:
    """``ومن أهداف الورشة تبادل الخبرات حول …``، ``وتمثلت أهداف اللقاء في …``، ``الهدف من الاجتماع هو …``: what a meeting
    taken up by a definite noun is for (class ``objective_noun``). Not another meeting's (``أهداف الاجتماع المقبل``), not
    a phrase with no meeting after the noun (``أهداف التنمية المستدامة``، ``أهداف المنظمة``)."""
    out: list = []
    conf = REGISTRY.confidence(AGENDA_RULE)
    for noun in lex.find(toks, "objective_noun"):
        if noun.feature("needs_frame"):
            continue                                # ورشة عمل المؤتمر: عمل is a common word
        j = noun.j
        if j < len(toks.tokens) and toks.tokens[j].norm == _FROM:
            j += 1                                  # الهدف من الورشة
        after = _meeting_ref(lex, toks, j) if j < len(toks.tokens) else None
        if after is None or negated(toks, noun.i) or _next_meeting(toks, after):
            continue
        hi = _sentence_end(toks, noun.i)
        out.extend(Fact(meeting, "addresses", e, src, AGENDA_RULE, conf) for e in _topics(toks, lex, after, hi, True))
    return out


def _axis_facts(lex, toks, src, meeting) -> list:
    """``قضايا مكافحة تهريب البشر … كانت هي محور الاجتماع الوزاري الرابع``: the topics before the head noun."""
    out: list = []
    conf = REGISTRY.confidence(AGENDA_RULE)
    for head in lex.find(toks, "agenda_head"):
        if head.j >= len(toks.tokens) or toks.tokens[head.j].sent != toks.tokens[head.i].sent:
            continue
        noun = lex.is_a(toks, head.j, "meeting_noun")
        if noun is None or noun.feature("plural"):
            continue
        k = head.i
        while k > 0 and toks.tokens[k - 1].sent == toks.tokens[head.i].sent:
            k -= 1
        found: list = []
        for j in range(k, head.i):
            starting = [m for m in toks.tokens[j].ents if toks.index_at(m.start) == j]
            if any(m.entity.kind in _STOP_KINDS | {"person"} for m in starting):
                found = []          # what comes before another instrument, meeting or person is theirs
                continue
            found.extend(m.entity for m in starting if m.entity.kind == "topic" and m.entity not in found)
        out.extend(Fact(meeting, "addresses", e, src, AGENDA_RULE, conf) for e in found)
    return out


def _witness_facts(lex, toks, src, meeting) -> list:
    """``وشهد الاجتماع، الذي عقد عبر تقنية الاتصال المرئي، مناقشة أوراق عمل تناولت …``: the topics of what the
    meeting saw discussed."""
    out: list = []
    conf = REGISTRY.confidence(AGENDA_RULE)
    for verb in lex.find(toks, ("witness_verb", "passive_aux")):
        if verb.future or verb.reading.enc or verb.j >= len(toks.tokens) or negated(toks, verb.i):
            continue
        j = verb.j
        if verb.cls == "passive_aux" and (first := lex.is_a(toks, j, "discussion_noun")) is not None:
            out.extend(_passive_first(lex, toks, src, meeting, verb, first))
            continue
        if verb.cls == "passive_aux":       # وتم خلال الاجتماع مناقشة …
            if toks.tokens[j].norm not in _AT or j + 1 >= len(toks.tokens):
                continue
            j += 1
        after = _meeting_ref(lex, toks, j)
        if after is None:
            continue
        hi = _sentence_end(toks, verb.i)
        after = _past_dashes(toks, after, hi)
        cue = next((c for k in _window(lex, toks, after, min(hi, after + RELATIVE_SKIP), False)
                    if (c := lex.is_a(toks, k, "discussion_noun")) is not None), None)
        if cue is not None:
            out.extend(Fact(meeting, "addresses", e, src, AGENDA_RULE, conf) for e in _topics(toks, lex, cue.j, hi, True))
    return out


_DASHES = frozenset("-–—")


def _sentence_start(toks, k: int) -> int:
    sent = toks.tokens[k].sent
    while k > 0 and toks.tokens[k - 1].sent == sent:
        k -= 1
    return k


def _past_dashes(toks, k: int, hi: int) -> int:
    """Token after a clause set off between dashes at ``k`` (``وقد تم خلال الاجتماع - الذي شارك فيه … - مناقشة …``:
    what the clause says is about the meeting's participants, not what it discussed), else ``k``."""
    if k >= hi or toks.tokens[k].norm not in _DASHES:
        return k
    close = next((n for n in range(k + 1, hi) if toks.tokens[n].norm == toks.tokens[k].norm), None)
    return close + 1 if close is not None else k


def _passive_first(lex, toks, src, meeting, aux, cue) -> list:
    """``وتم التركيز في حوار هذا العام على …``، ``وقد تم تخصيص يومين من المناقشات لـ…``، ``وجرت مناقشة …``: an impersonal
    passive whose discussion noun comes first; a meeting phrase after it (في/خلال + a meeting taken up) is passed
    over. Another meeting named there (an indefinite or named meeting: ``في لقاء مع السفير``) is someone else's
    discussion: nothing."""
    hi = _sentence_end(toks, aux.i)
    if cue.feature("passive_first") is False or (aux.i > 0 and toks.tokens[aux.i - 1].norm in _THAT | _THAT_HE):
        return []                   # تم تقديم مساعدات …; وقال إنه تم التركيز على …: a speaker's account, not the agenda
    k = cue.j
    if cue.feature("needs_agenda") and not any(
            lex.is_a(toks, n, c) for n in range(k, min(hi, k + AGENDA_NEAR))
            for c in ("agenda_noun", "discussion_noun", "session_noun")):
        return []                   # تم تخصيص مبلغ لـ…: money, not a discussion
    past = None
    if k < hi and toks.tokens[k].norm in _AT and k + 1 < hi:
        past = _meeting_ref(lex, toks, k + 1)
        if past is None and (lex.is_a(toks, k + 1, "meeting_noun") or lex.is_a(toks, k + 1, "meeting_anaphor")):
            return []
        k = past if past is not None else k
    if past is None and any(lex.is_a(toks, n, "meeting_noun") for n in range(_sentence_start(toks, aux.i), aux.i)):
        return []                   # وسبق هذا الاجتماع عقد اجتماع لكبار المسؤولين …، وتم استعراض …: which meeting is unsaid
    conf = REGISTRY.confidence(AGENDA_RULE)
    return [Fact(meeting, "addresses", e, src, AGENDA_RULE, conf) for e in _topics(toks, lex, k, hi, True)]


def _window(lex, toks, lo: int, hi: int, meetings: bool):
    """Token indices from ``lo`` up to ``hi``, ending before a topic, an instrument or a meeting named (and, with
    ``meetings``, before another meeting noun): where a cue of what comes before may still stand."""
    for k in range(lo, hi):
        if any(m.entity.kind in _STOP_KINDS | {"topic"} for m in toks.tokens[k].ents) or \
                (meetings and k > lo and lex.is_a(toks, k, "meeting_noun")):
            return
        yield k


def _part_named(lex, toks, i: int, parts: dict):
    """The part of a meeting (senior officials' meeting …) the event rules found, when the noun at ``i`` names one
    (``اجتماعا لكبار المسؤولين``), else None."""
    m = lex.is_a(toks, i, "session_noun")
    if m is None or not m.feature("part") or not m.feature("kind"):
        return None
    found = [e for slug, e in parts.items() if slug.endswith("-" + m.feature("kind"))]
    return found[0] if len(found) == 1 else None


def _purpose_facts(lex, toks, src, meeting, parts: dict) -> list:
    out: list = []
    conf = REGISTRY.confidence(PURPOSE_RULE)
    whole = meeting
    for noun in lex.find(toks, "meeting_noun"):
        if noun.feature("plural") or any(x.entity.kind in _SUBJECT_KINDS for x in toks.tokens[noun.i].ents):
            continue
        meeting = _part_named(lex, toks, noun.i, parts) or whole
        hi = _sentence_end(toks, noun.i)
        indefinite = "ال" not in noun.reading.pro and not toks.tokens[noun.i].norm.lstrip("وفب").startswith(("ال", "لل"))
        for k in _window(lex, toks, noun.j, min(hi, noun.j + PURPOSE_WINDOW), True):
            cue = lex.is_a(toks, k, "meeting_purpose_cue")
            if cue is not None:
                if not cue.feature("draft") or _first_item_names_a_topic(toks, cue.j, hi):
                    out.extend(Fact(meeting, "addresses", e, src, PURPOSE_RULE, conf)
                               for e in _topics(toks, lex, cue.j, hi, True))
                break
            verb = _verb(lex, toks, k) if indefinite and toks.tokens[k - 1].norm in _CLOSE else None
            if verb is not None and not negated(toks, k):
                # اجتماعا لكبار المسؤولين من 16 دولة، ركز على …: a clause that describes the indefinite noun
                out.extend(Fact(meeting, "addresses", e, src, PURPOSE_RULE, conf)
                           for e in _topics(toks, lex, _object_start(toks, verb, hi), hi, True))
                break
    return out


def _first_item_names_a_topic(toks, k: int, hi: int) -> bool:
    """Does the purpose clause from ``k`` name a topic before its first comma? A drafting cue's object is the one thing
    drafted (لإعداد التقرير السنوي، ثم ناقش الوزير …: the clause is over before any topic; what follows is another
    statement)."""
    while k < hi and not (toks.tokens[k].kind == "punct" and toks.tokens[k].norm in _CLOSE):
        if any(m.entity.kind == "topic" for m in toks.tokens[k].ents):
            return True
        k += 1
    return False


def _speaker_before(lex, toks, lo: int, i: int) -> bool:
    return any(any(m.entity.kind == "person" for m in toks.tokens[k].ents) or lex.is_a(toks, k, "role")
               for k in range(lo, i))


def _statement_facts(lex, toks, src, meeting) -> list:
    out: list = []
    conf = REGISTRY.confidence(STATEMENT_RULE)
    for verb in lex.find(toks, "statement_verb"):
        i = verb.i
        if verb.future or verb.reading.enc or negated(toks, i):
            continue
        hi = _sentence_end(toks, i)
        nxt = verb.j
        if nxt < hi and (lex.is_a(toks, nxt, "other_subject_noun") and not lex.is_a(toks, nxt, "role")
                         and not lex.is_a(toks, nxt, "gathering_members")):
            continue                               # وأكد الإعلان …: a document's content
        if nxt < hi and any(m.entity.kind in _ACTOR_KINDS for m in mentions_at(toks, nxt)):
            continue                               # ودعت المنظمة …: an organisation's own call
        speaker = any(any(m.entity.kind == "person" for m in toks.tokens[k].ents) or lex.is_a(toks, k, "role")
                      for k in range(nxt, min(hi, nxt + SPEAKER_WINDOW))) or _speaker_before(lex, toks, 0, i)
        if not speaker:
            continue
        out.extend(Fact(meeting, "addresses", e, src, STATEMENT_RULE, conf)
                   for e in _topics(toks, lex, _past_speaker(toks, nxt, hi), hi, False, statement=True))
    return out


def _past_speaker(toks, k: int, hi: int) -> int:
    """Token after the speaker named after a statement verb (وأكد الوزير المكلف بالمغاربة المقيمين بالخارج، السيد
    فلان، أن …): the speaker's title names no topic of the statement. ``k`` when no person is named within
    SPEAKER_SPAN tokens."""
    for j in range(k, min(hi, k + SPEAKER_SPAN)):
        person = next((m for m in toks.tokens[j].ents if m.entity.kind == "person"), None)
        if person is not None:
            return max(j + 1, toks.index_at(person.end))
    return k


def _held_at(index, src, toks, k: int, meeting) -> bool:
    """Does the events family read the meeting noun at token ``k`` as ``meeting``, held (not planned)? Only then does
    a future verb with that noun as subject give the meeting's agenda (``الاجتماع سيركز على …`` of a meeting that
    opened; not ``وسيتناول الاجتماع …`` of a meeting announced for later in a paragraph about an earlier one)."""
    if index is None or k >= len(toks.tokens):
        return False
    refs = index.refs(src, toks.tokens[k].start, toks.tokens[k].end)
    return any(r.event == meeting and r.status != "planned" for r in refs)


def _held_here(index, src, meeting, sources) -> bool:
    """Is ``meeting`` held where the paragraph is (the people gathered of a future verb are then that meeting's)?
    The paragraph's own references to it are none planned; a paragraph that names it not, the document's are
    held somewhere and planned nowhere."""
    if index is None:
        return False
    refs = [r for r in index.refs(src) if r.event == meeting]
    if not refs:
        refs = [r for other in sources for r in index.refs(other) if r.event == meeting]
        return any(r.status == "held" for r in refs) and all(r.status != "planned" for r in refs)
    return all(r.status != "planned" for r in refs)


def mentions_at(toks, k: int) -> list:
    return [m for m in toks.tokens[k].ents if toks.index_at(m.start) == k] if k < len(toks.tokens) else []


def extract(ctx) -> list[Fact]:
    """The agenda, purpose and statement topics of the meeting each paragraph is about."""
    from .adoption import MeetingOf             # noqa: PLC0415 (the commitments family's reader of meetings)
    lex = load()
    meeting_of = None
    first = None
    parts: dict = {}
    names = None
    out: list[Fact] = []
    for src in ctx.document.paragraphs:
        toks = ctx.tokens(src)
        if not any(m.entity.kind in ("topic", "commitment") for m in toks.mentions):
            continue                # (an instrument's name may state a topic: واستعرض المشاركون الاتفاق العالمي بشأن اللاجئين)
        if meeting_of is None:
            meeting_of = MeetingOf(ctx)
            from .topic_sessions import _events_by_key     # noqa: PLC0415
            parts = _events_by_key(ctx)[0]
            top = meeting_of.first(ctx.document.paragraphs)
            first = top[0] if top else None
        if meeting_of.events.of_section:
            break                   # a report laid out by sessions: what its speakers say belongs to their parts
        held = meeting_of(src)
        names_none = not meeting_of.in_src.get(id(src))
        meeting = held[0] if held else (first if names_none else None)
        if meeting is None:
            continue
        names = names if names is not None else topic_names(ctx)
        index = meeting_of.events.index
        out.extend(_relative_facts(lex, toks, src, meeting, names, lambda k: _held_at(index, src, toks, k, meeting)))
        out.extend(_agenda_facts(lex, toks, src, meeting, names, _held_here(index, src, meeting, ctx.document.paragraphs)))
        out.extend(_purpose_facts(lex, toks, src, meeting, parts))
        out.extend(_axis_facts(lex, toks, src, meeting))
        out.extend(_objective_facts(lex, toks, src, meeting))
        out.extend(_witness_facts(lex, toks, src, meeting))
        if meeting == first:
            out.extend(_statement_facts(lex, toks, src, meeting))
    return out
