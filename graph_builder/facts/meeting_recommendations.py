"""The recommendations a held meeting produced, as a press text or a release writes them.

Rule ``commitment.meeting-recommendations`` reads, in a paragraph whose held meeting the events family found
(``adoption.MeetingOf``):

* a recommending verb (lexicon class ``recommend_verb`` with ``text = true``: أوصى، أوصت، أوصوا) whose subject is the
  meeting itself (a bare meeting noun: ``وأوصت الورشة بـ…``) or its members (class ``meeting_members``:
  ``وأوصى المشاركون في ختام الورشة بـ…``);
* a recommendations noun (class ``recommendation_noun``: توصيات، التوصيات) as the object of the meeting's side of an
  adoption (class ``meeting_adopt_frame``: ``وخرجت الورشة بجملة من التوصيات``، ``صدرت عن الاجتماع توصيات``،
  ``اختتم المؤتمر أعماله بإصدار توصيات``) or of an adopting verb whose subject is the meeting or its members
  (``وتبنى المشاركون توصيات …``، ``واعتمد الاجتماع التوصيات``).

It mints one ``Recommendation`` per meeting (``<meeting>-recommendations``), ``producedBy`` the meeting. A
future, planned, negated or asked-for recommending (``سيوصي``، ``من المقرر أن يخرج``، ``دعا إلى إصدار توصيات``)
gives nothing, nor a subject that is a named state, organisation or person (their own statement, not the
meeting's), nor a meeting phrase with words of its own (another meeting named in passing), nor a paragraph
about no held meeting. It names no document.
"""
from __future__ import annotations

from ..recognise.findings import Entity, Fact
from ..text.word_classes import load
from .rules import REGISTRY, Rule, register
from .spans import sentence_ends

RULE = "commitment.meeting-recommendations"
if RULE not in REGISTRY:
    register(Rule(RULE, ("producedBy",), 0.75,
                  ("lex:recommend_verb", "lex:recommendation_noun", "lex:meeting_adopt_frame", "lex:adopt_verb",
                   "lex:meeting_noun", "lex:meeting_members", "lex:planned_marker", "lex:negation",
                   "events:meeting-of-paragraph"),
                  "أوصى MEETING/المشاركون بـ…; خرج MEETING بتوصيات; صدرت عن MEETING توصيات; تبنى المشاركون التوصيات: "
                  "recommendations producedBy the paragraph's held meeting", "commitments"))

SUBJECT_WINDOW = 3           # tokens between the verb and its subject (fillers: قد، في ختام أعماله is after it)
OBJECT_WINDOW = 8            # tokens between a frame or adopting verb and the recommendations noun
SKIP = frozenset({"قد", "وقد", "بعدد", "عدد", "بجمله", "جمله", "بحزمه", "حزمه", "من", "اعماله", "اعمالها",
                  "اشغاله", "اشغالها", "باصدار", "اصدار", "عده", "بعده", "مجموعه", "بمجموعه", "ب"})


def _subject(toks, lex, k: int, hi: int) -> bool:
    """The words from token ``k`` are the meeting itself or its members (a bare meeting noun, ``المشاركون``), with
    no named actor among them."""
    for c in range(k, min(hi, k + SUBJECT_WINDOW)):
        t = toks.tokens[c]
        if any(m.entity.kind in ("org", "state", "person", "body", "process") for m in t.ents):
            return False
        if lex.is_a(toks, c, "meeting_members"):
            return True
        noun = lex.is_a(toks, c, "meeting_noun")
        if noun is not None:
            from .adoption import _bare_meeting_subject      # noqa: PLC0415 (the family's reading of a bare noun)
            nxt = noun.j
            while nxt < hi and lex.is_a(toks, nxt, "meeting_qualifier"):
                nxt = lex.is_a(toks, nxt, "meeting_qualifier").j
            return not noun.feature("plural") and _bare_meeting_subject(toks, lex, c, nxt)
        if t.norm not in SKIP and t.kind != "punct":
            return False
    return False


def _object(toks, lex, k: int, hi: int) -> bool:
    """A recommendations noun within a few tokens after token ``k`` (past fillers and the subject)."""
    return any(lex.is_a(toks, c, "recommendation_noun") for c in range(k, min(hi, k + OBJECT_WINDOW)))


def extract(ctx, meeting_of) -> list[Fact]:
    """The recommendations each paragraph's held meeting produced (see the module's doc)."""
    from .adoption import _not_held                  # noqa: PLC0415 (the family's modality reading)
    lex = load()
    out: list[Fact] = []
    done: set = set()
    for src in ctx.document.paragraphs:
        toks = ctx.tokens(src)
        if not any(lex.is_a(toks, k, "recommendation_noun") or lex.is_a(toks, k, "recommend_verb")
                   for k in range(len(toks.tokens))):
            continue
        held = meeting_of(src)
        if held is None or held[0].key in done:
            continue
        ends = sentence_ends(toks)
        for k in range(len(toks.tokens)):
            hi = ends[toks.tokens[k].sent]
            verb = lex.is_a(toks, k, "recommend_verb")
            verb = verb if verb is not None and verb.feature("text") else None
            frame = lex.is_a(toks, k, "meeting_adopt_frame")
            adopt = next((v for v in lex.match_at(toks, k, ("adopt_verb",)) if not v.feature("noun")
                          and not v.feature("ratify")), None)
            found = False
            if verb is not None and not _not_held(toks, lex, verb):
                found = _subject(toks, lex, verb.j, hi)
            elif frame is not None and not _not_held(toks, lex, frame) and not frame.feature("relative"):
                found = _subject(toks, lex, frame.j, hi) and _object(toks, lex, frame.j, hi)
            elif adopt is not None and not _not_held(toks, lex, adopt):
                found = _subject(toks, lex, adopt.j, hi) and _object(toks, lex, adopt.j, hi)
            if found:
                meeting = held[0]
                rec = Entity(kind="commitment", slug=f"{meeting.slug}-recommendations", cls="Recommendation",
                             label_ar=f"توصيات {meeting.label_ar or meeting.label_en}".strip(),
                             label_en=f"recommendations of {meeting.label_en or meeting.slug}", from_text=True)
                out.append(Fact(rec, "producedBy", meeting, src, RULE, REGISTRY.confidence(RULE)))
                done.add(meeting.key)
                break
    return out
