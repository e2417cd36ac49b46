"""Whether a token heads an actor mention, and whether it makes an event political: the actors stage's word test.

The actors stage codes the mentions its finder proposes; a later stage also needs to know whether an uncoded
word can still be an actor ("the protesters", "Palestinian youths", a named organisation the dictionaries
lack) or makes an event political. That test lives here, with the actors stage, so one stage owns actor
detection. Its word lists are data (``data/actors/agent_nouns.txt``, PETRARCH2's agent heads, and
``data/actors/actor_heads.json``), loaded once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON"}
ORG_MODIFIER_DEPS = {"compound", "nmod", "appos"}
NATIONALITY_DEPS = {"amod", "compound", "nmod"}
POLITICAL_MODIFIER_DEPS = {"appos", "compound", "poss", "amod", "nmod"}


@dataclass(frozen=True)
class HeadWords:
    agent_nouns: frozenset[str]  # head nouns of agent phrases ("minister", "troops", "rebels")
    political_agent_nouns: frozenset[str]
    ordinary_nouns: frozenset[str]  # agent-list nouns too common to make an event political alone
    group_nouns: frozenset[str]  # singular nouns for a population a nation can qualify
    actor_pronouns: frozenset[str]  # pronouns that stand for an actor when coreference did not run


@lru_cache(maxsize=1)
def load_head_words() -> HeadWords:
    data = resources.files("harbinger") / "data" / "actors"
    lists = json.loads((data / "actor_heads.json").read_text(encoding="utf-8"))
    agents = [a.strip() for a in (data / "agent_nouns.txt").read_text(encoding="utf-8").splitlines()]

    def words(name: str) -> frozenset[str]:
        return frozenset(lists[name]["words"])

    return HeadWords(
        agent_nouns=frozenset(a for a in agents if a and not a.startswith("#")) | words("extra_agent_nouns"),
        political_agent_nouns=words("political_agent_nouns"),
        ordinary_nouns=words("ordinary_nouns"),
        group_nouns=words("group_nouns"),
        actor_pronouns=words("actor_pronouns"),
    )


class ActorTest:
    """Decides whether a token heads an actor mention: a resolved actor, a named entity, an agent noun, a pronoun."""

    def __init__(self, resolved: set[int], actors_ran: bool = False, words: HeadWords | None = None):
        self.words = words or load_head_words()
        self.resolved = resolved  # token indices covered by the actors stage's coded mentions
        self.actors_ran = actors_ran

    def __call__(self, tok: Token | None) -> bool:
        if tok is None:
            return False
        if tok.i in self.resolved:
            return True
        if tok.ent_type_ in ACTOR_ENTS:
            return True
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ORG_MODIFIER_DEPS and (c.i in self.resolved or c.ent_type_ == "ORG") for c in tok.children):
            return True  # "the APEC forum", "the Asia-Pacific Economic Cooperation (APEC) forum"
        if self._is_group(tok) and any(c.dep_ in NATIONALITY_DEPS and c.ent_type_ in ("NORP", "GPE") for c in tok.children):
            return True  # "Kurdish villagers", "Palestinian youths", "the Albanian population": a group named by its nation
        if tok.pos_ == "PRON":
            # with the actors stage, a pronoun counts only when coreference resolved it
            return tok.lower_ in self.words.actor_pronouns and not self.actors_ran
        return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.words.agent_nouns or tok.lemma_.lower() in self.words.agent_nouns)

    def _is_group(self, tok: Token) -> bool:
        """A noun for people in the plural or a population ("villagers", "the Albanian population"), not a thing
        a nation qualifies ("the Democratic primary debate")."""
        return tok.pos_ == "NOUN" and (tok.tag_ == "NNS" or tok.lemma_.lower() in self.words.group_nouns)


def is_political(tok: Token | None, resolved: set[int], words: HeadWords | None = None) -> bool:
    """A participant that can make an event political: a coded actor, a named person/organisation/place/nationality,
    a political noun ('the governor', 'troops'), or a noun marked by one ('Palestinian youths', 'the governor of Puerto Rico')."""
    if tok is None:
        return False
    words = words or load_head_words()
    if tok.i in resolved or tok.ent_type_ in ACTOR_ENTS:
        return True
    if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ not in words.ordinary_nouns:
        political = words.political_agent_nouns
        if tok.lower_ in political or tok.lemma_.lower() in political or tok.lower_ in words.agent_nouns:
            return True
    for child in tok.children:
        if child.dep_ in POLITICAL_MODIFIER_DEPS and (child.i in resolved or child.ent_type_ in ACTOR_ENTS):
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            if any(o.dep_ == "pobj" and (o.i in resolved or o.ent_type_ in ACTOR_ENTS) for o in child.children):
                return True
    return False
