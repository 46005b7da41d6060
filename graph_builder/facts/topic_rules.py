"""The topic rules' table (rule id → description, confidence) and the classes that can address a
topic. Data only; ``topics.py`` re-exports both.
"""
from __future__ import annotations

from .classes import kinds

RULES = {
    "topics.focus-verb": ("a focus verb (يركز على، تتناول، بحث، تعمل على …) whose written subject, or the "
                          "entity its relative clause hangs on, is the organization/process", 0.85),
    "topics.anaphor": ("a focus verb whose subject is a head noun (الصندوق، المفوضية …) resolved to the "
                       "latest entity named with that noun", 0.75),
    "topics.paragraph-subject": ("a focus verb with a pronoun subject: the entity the paragraph is about",
                                 0.7),
    "topics.interest": ("'مجال اهتمام X': the topics named before it", 0.8),
    "topics.support": ("a weaker cue (تدعم، يسهم في، أعلن عن مبادرة) with a resolved subject", 0.6),
    "topics.name": ("a commitment whose own name states its subject (إعلان بشأن اللجوء، صندوق تحقيق الأهداف "
                    "الإنمائية للألفية)", 0.8),
    "topics.instrument-name": ("a named instrument's name as the text writes it states its subject (اتفاقية "
                               "العمال المنزليين، إعلان نيويورك من أجل اللاجئين والمهاجرين)", 0.8),
    "topics.commitment-clause": ("a clause that hangs on a commitment by a resumptive pronoun (اعتمدوا قرارا … "
                                 "وجهوا فيه الانتباه إلى …)", 0.75),
    "topics.recommendation": ("the topics a numbered recommendation of a session names in its own text", 0.75),
    "topics.heading": ("a session's heading (or a sub-heading of its part of the report) names the topic", 0.85),
    "topics.purpose": ("a stated purpose: 'الهدف من الجلسة …' / 'هدف X …'", 0.8),
    "topics.adjective": ("'X، المعنية ب…': an adjective clause on a name says what it is concerned with", 0.8),
}

# Classes that can address a topic (vocabulary: Process/Event/Commitment/Organization), from the ontology.
SUBJECT_CLASSES = kinds("Organization", "Process", "Event", "Commitment")

