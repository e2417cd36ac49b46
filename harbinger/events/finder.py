"""Find event predicates and their participants in the dependency parse.

A predicate is a verb, or an event noun ("talks", "sanctions", "invasion")
attached to an actor. For each one the finder names the trigger token, the
token whose clause carries its modality (the governor), the source and target
head tokens, and whether roles come from a passive. It does not decide codes:
:mod:`harbinger.events.coder` does that from the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from harbinger.actors.heads import NATIONALITY_DEPS, ActorTest
from harbinger.events.tables import Tables, load_finder_words

SUBJECT_DEPS = {"nsubj", "csubj"}
CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "acomp"}
WORDS = load_finder_words()


@dataclass(frozen=True)
class Predicate:
    trigger: Token
    kind: str  # "verb" or "noun"
    governor: Token  # the verb whose clause gives the predicate its mode
    sources: tuple[Token, ...]
    target: Token | None
    passive: bool
    how: str  # which participant rule fired, for the event's ``rule``
    needs_speaker: bool = False  # no subject of its own ("we will retaliate"): the quote's speaker is the source, or no event


def _unwrap_quantity(tok: Token) -> Token:
    """'tens of thousands of Russian troops' -> 'troops'."""
    for _ in range(4):
        if tok.lower_ not in WORDS.quantity_heads and tok.tag_ != "CD":
            return tok
        inner = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        if not inner:
            return tok
        tok = inner[0]
    return tok


def _possessor(tok: Token, is_actor: ActorTest) -> Token | None:
    for child in tok.children:
        if child.dep_ == "poss" and is_actor(child):
            return child
    return None


def _actor_or_owner(tok: Token | None, is_actor: ActorTest, nation: bool = False) -> Token | None:
    """The token itself if it names an actor, else an actor that owns it ('Ukraine's border'), else — for
    targets (``nation``) — the nation that qualifies it ('German goods', 'Iraqi towns'). A subject keeps
    to the first two: 'the Democratic primary debate scheduled for May' is no act of Democrats."""
    if tok is None:
        return None
    tok = _unwrap_quantity(tok)
    if is_actor(tok):
        return tok
    owner = _possessor(tok, is_actor)
    if owner is None and nation and tok.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in tok.children if c.dep_ in NATIONALITY_DEPS and c.ent_type_ in ("NORP", "GPE") and c.i < tok.i), None)
    return owner


def _conjuncts(tok: Token, is_actor: ActorTest) -> tuple[Token, ...]:
    extra = [c for c in tok.conjuncts if c.i > tok.i and is_actor(_unwrap_quantity(c))]
    return (tok, *[_unwrap_quantity(c) for c in extra])


def _speaker(verb: Token, is_actor: ActorTest) -> Token | None:
    """Who speaks in "Nigeria announced that it will withdraw": an unresolved pronoun reporting on itself."""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "ccomp" and tok.head.pos_ == "VERB":
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            return _actor_or_owner(subject, is_actor) if subject is not None and subject.pos_ != "PRON" else None
        if tok.dep_ not in ("xcomp", "conj", "acomp") or tok.head is tok:
            return None
        tok = tok.head
    return None


def subject_of(verb: Token, is_actor: ActorTest, depth: int = 0) -> tuple[Token | None, str]:
    """The verb's grammatical subject, climbing through xcomp/conj/advcl and participles when it has none."""
    # a raised subject counts when climbing: "the two sides are scheduled to hold talks"
    deps = SUBJECT_DEPS if depth == 0 else SUBJECT_DEPS | {"nsubjpass"}
    for child in verb.children:
        if child.dep_ in deps:
            if child.lower_ in WORDS.relative_pronouns and verb.dep_ == "relcl":
                return _actor_or_owner(verb.head, is_actor), "relcl"
            found = _actor_or_owner(child, is_actor)
            if found is None and child.lower_ in WORDS.speaker_pronouns:
                return _speaker(verb, is_actor), "nsubj=speaker"
            return found, "nsubj"
    if depth >= 3:
        return None, ""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        owner = _actor_or_owner(verb.head, is_actor)
        if owner is not None:
            return owner, "acl"
        return subject_of(verb.head.head, is_actor, depth + 1) if verb.head.head is not verb.head else (None, "")
    if verb.dep_ in CLIMB_DEPS and verb.head is not verb:
        found, how = subject_of(verb.head, is_actor, depth + 1)
        return found, f"{how}<{verb.dep_}" if found is not None else ""
    return None, ""


def _prep_targets(head: Token, preps: frozenset[str], is_actor: ActorTest, skip: set[int]) -> Token | None:
    for child in head.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = _actor_or_owner(obj, is_actor, nation=True)
                    if found is not None and found.i not in skip:
                        return found
    return None


def target_of(verb: Token, is_actor: ActorTest, preps: frozenset[str], skip: set[int], depth: int = 0) -> tuple[Token | None, str]:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd", "nsubjpass")]
    for obj in objects:
        found = _actor_or_owner(obj, is_actor, nation=True)
        if found is not None and found.i not in skip:
            return found, obj.dep_
    found = _prep_targets(verb, preps, is_actor, skip)
    if found is not None:
        return found, "prep"
    for obj in objects:  # "sanctions against Russia", "limits on Iran"
        for inner in obj.subtree:
            if inner.dep_ == "prep" and inner.lower_ in preps and inner.head.i != verb.i:
                found = _prep_targets(inner.head, frozenset({inner.lower_}), is_actor, skip)
                if found is not None:
                    return found, "object-prep"
    for child in verb.children:  # "threatened to break off relations with Congo": the embedded act's target
        if child.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
            found, how = target_of(child, is_actor, preps, skip, depth + 1) if depth < 2 else (None, "")
            if found is not None:
                return found, f"xcomp-{how}"
    demands = verb.lemma_.lower() in WORDS.demand_verbs
    for child in verb.children:  # "demanding NATO deny membership", "demanded that the US cancel the sale"
        if child.dep_ == "xcomp" or (child.dep_ == "ccomp" and (demands or not any(m.dep_ == "mark" for m in child.children))):
            for sub in child.children:
                if sub.dep_ in SUBJECT_DEPS:
                    found = _actor_or_owner(sub, is_actor, nation=True)
                    if found is not None and found.i not in skip:
                        return found, "complement-subject"
    return None, ""


def beyond_object(obj: Token, is_actor: ActorTest, tables: Tables, skip: set[int]) -> Token | None:
    """The actor a literal object noun is directed at ("expressed support for Ukraine", "reaffirmed its
    commitment to NATO"): the noun is the act, the actor in its phrase the target."""
    return _prep_targets(obj, frozenset(tables.lexicon["target_preps"]), is_actor, skip)


def aimed_at(verb: Token, is_actor: ActorTest, skip: set[int]) -> Token | None:
    """The actor force is aimed at ("fired missiles at Russia"): an "at" phrase on the verb or on its object."""
    at = frozenset(WORDS.aim_prepositions)
    for head in [verb, *[c for c in verb.children if c.dep_ == "dobj"]]:
        found = _prep_targets(head, at, is_actor, skip)
        if found is not None:
            return found
    return None


def _passive_roles(verb: Token, is_actor: ActorTest) -> tuple[Token | None, Token | None]:
    target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    source = None
    for child in verb.children:
        if child.dep_ == "agent":
            source = next((o for o in child.children if o.dep_ == "pobj"), None)
    return _actor_or_owner(source, is_actor), _actor_or_owner(target, is_actor)


def _first_person_or_no_subject(verb: Token) -> bool:
    """A clause whose only subject is the speaker ("we will respond") or that has none up its chain of
    coordinated and complement verbs ("Will respond."). Participles and clauses hanging off nouns or
    prepositions ("suspected of blowing up") have an understood subject of their own: not the speaker."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]
        if subjects:
            return all(c.lower_ in ("i", "we") for c in subjects)
        if tok.dep_ in ("ROOT", "ccomp"):
            # a finite clause ("will respond", "attacked"), not a bare fragment quoted from someone ("to reduce")
            return tok.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
        if tok.dep_ not in ("xcomp", "conj") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _weapon_subject(verb: Token, tables: Tables) -> bool:
    weapons = tables.lexicon["weapon_subjects"]
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in weapons for c in verb.children)


def verb_predicates(sent: Span, is_actor: ActorTest, tables: Tables, in_quote: bool = False) -> list[Predicate]:
    preps = frozenset(tables.lexicon["target_preps"])
    codable = tables.word_sets["codable_verbs"]
    found = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in codable:
            continue  # the coder has no code for it: no need to find its participants
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if passive:
            source, target = _passive_roles(tok, is_actor)
            how = "passive"
            if target is None:
                target, how = target_of(tok, is_actor, preps, set())
                how = f"passive,{how}"
        else:
            source, how = subject_of(tok, is_actor)
            if in_quote and source is not None and _first_person_or_no_subject(tok):
                source, how = None, "first-person"  # "we did not attack": the quote's speaker, not a guess from the frame
            if source is not None and tok.tag_ == "VBN" and source.dep_ == "nsubjpass":
                # "twenty people have been confirmed killed": a raised passive subject is the one acted on
                found.append(Predicate(tok, "verb", tok, (), source, True, "raised-passive,no-source"))
                continue
            if source is None and not in_quote and not _weapon_subject(tok, tables):
                continue  # no actor and no weapon acting: no event whatever the object
            skip = {source.i} if source is not None else set()
            target, tail = target_of(tok, is_actor, preps, skip)
            how = f"{how},{tail}" if tail else how
        if source is None:
            # "three civilians were killed", "a roadside bomb killed two soldiers": the victim is known, the attacker not
            if target is not None and (passive or _weapon_subject(tok, tables)):
                found.append(Predicate(tok, "verb", tok, (), target, passive, f"{how},no-source"))
            elif in_quote and not passive and _first_person_or_no_subject(tok):
                found.append(Predicate(tok, "verb", tok, (), target, False, f"{how or 'no-subject'},speaker", needs_speaker=True))
            continue
        found.append(Predicate(tok, "verb", tok, _conjuncts(source, is_actor), target, passive, how))
    return found


def _noun_participants(noun: Token, is_actor: ActorTest, preps: frozenset[str]) -> tuple[Token | None, Token | None]:
    """Actors a noun carries itself: 'Russia's invasion of Ukraine', 'talks between A and B', 'Russian strikes'."""
    source = target = None
    for child in noun.children:
        if child.dep_ == "poss" and is_actor(child):
            source = child
        elif child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE", "ORG") and source is None:
            source = child
        elif child.dep_ == "prep" and child.lower_ == "by":
            source = _actor_or_owner(next((o for o in child.children if o.dep_ == "pobj"), None), is_actor) or source
        elif child.dep_ == "prep" and child.lower_ == "between":
            first = _actor_or_owner(next((o for o in child.children if o.dep_ == "pobj"), None), is_actor)
            if first is not None:
                source = first
                target = next((c for c in first.conjuncts if is_actor(c)), target)
        elif child.dep_ == "prep" and child.lower_ in preps and target is None:
            target = _actor_or_owner(next((o for o in child.children if o.dep_ == "pobj"), None), is_actor)
        elif child.dep_ == "acl" and child.lemma_ in ("involve", "include"):
            obj = next((o for o in child.children if o.dep_ == "dobj"), None)
            if _actor_or_owner(obj, is_actor) is not None:
                source = source or _actor_or_owner(obj, is_actor)
    return source, target


def _clause_verb(tok: Token) -> Token:
    head = tok
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            return head
        head = head.head
    return head


def _light_verb(noun: Token, light: frozenset[str], light_preps: dict) -> Token | None:
    """The verb that makes an event noun happen: its light verb ("held talks") or a verb reaching it through a
    preposition ("engaged in ethnic cleansing", "resorted to violence")."""
    if noun.dep_ == "dobj" and noun.head.lemma_ in light:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in light_preps.get(prep.head.lemma_.lower(), ()):
        return prep.head
    return None


def noun_predicates(sent: Span, is_actor: ActorTest, tables: Tables, coded_verbs: set[int]) -> list[Predicate]:
    nouns = tables.event_nouns
    phrase_heads = tables.word_sets["event_noun_phrase_heads"]
    light = frozenset(tables.lexicon["light_verbs"])
    preps = frozenset(tables.lexicon["target_preps"])
    found = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if not (tok.lower_ in nouns or tok.lemma_.lower() in nouns):
            modifier = tok.doc[tok.i - 1] if tok.lower_ in phrase_heads and tok.i > sent.start else None
            if modifier is None or modifier.head.i != tok.i or f"{modifier.lower_} {tok.lower_}" not in nouns:
                continue  # "general strike" is an event noun, "strike" alone is not
        trigger = tok
        if tok.dep_ == "compound":
            if tok.head.lower_ not in WORDS.effort_nouns:
                continue
            tok = tok.head  # "a mediation mission between A and B": the event noun names the mission's act
        own_source, own_target = _noun_participants(tok, is_actor, preps)
        governor = tok  # a noun carrying its own actors takes no modality from the clause around it
        how = "noun"
        source, target = own_source, own_target
        if tok.dep_ in ("dobj", "attr", "pobj") and tok.head.i in coded_verbs:
            continue  # the verb already coded this ("threatening sanctions")
        verb = _light_verb(tok, light, tables.lexicon.get("light_verb_preps", {}))
        if verb is not None:
            governor = verb
            subj, _ = subject_of(verb, is_actor)
            if subj is None and tok.dep_ == "pobj":  # "Serb forces were engaged in ethnic cleansing", parsed as a passive
                subj = next((_actor_or_owner(c, is_actor) for c in verb.children if c.dep_ == "nsubjpass"), None)
            source, how = source or subj, "light-verb"
            if target is None:
                target, _ = target_of(verb, is_actor, preps, {source.i} if source is not None else set())
        elif tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lemma_ in WORDS.occur_verbs or tok.head.lemma_ in light):
            governor, how = tok.head, "noun-subject"
        elif tok.dep_ == "pobj" and tok.head.lower_ in WORDS.frame_prepositions:
            governor, how = _clause_verb(tok.head), "noun-frame"
            if source is None:
                source, _ = subject_of(governor, is_actor) if governor.pos_ in ("VERB", "AUX") else (None, "")
        elif own_source is None:
            continue
        if source is None or (target is not None and target.i == source.i):
            continue
        found.append(Predicate(trigger, "noun", governor, _conjuncts(source, is_actor), target, False, how))
    return found


def obligation_predicates(sent: Span, is_actor: ActorTest, tables: Tables, coded_verbs: set[int]) -> list[Predicate]:
    """'A said B must X': A demands of B. The trigger is A's verb; the clause with "must" is what is demanded."""
    modals = frozenset(tables.lexicon["obligation_frame"]["aux"])
    found = []
    for tok in sent:
        if tok.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children):
            continue
        head = tok.head
        if head.pos_ != "VERB" or head.i in coded_verbs:
            continue
        source, how = subject_of(head, is_actor)
        target = next((_actor_or_owner(c, is_actor) for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if source is None or target is None or target.i == source.i:
            continue
        found.append(Predicate(head, "obligation", head, _conjuncts(source, is_actor), target, False, f"{how},must-complement"))
    return found


def stance_predicates(sent: Span, is_actor: ActorTest, tables: Tables) -> list[Predicate]:
    """'Israel is opposed to French mediation', 'the EU is critical of Hungary': a stance stated with a copula.
    The trigger is the adjective (or stative participle); the source its subject; the target the actor the
    preposition names, or the owner of the thing it names ("French mediation" -> French)."""
    stances = tables.lexicon.get("stance_predicates", {})
    found = []
    for tok in sent:
        entry = stances.get(tok.lower_)
        if entry is None or tok.lower_.startswith("_") or tok.dep_ not in ("ROOT", "acomp", "ccomp", "conj", "xcomp"):
            continue
        prep_word, _ = entry
        subject_holder = tok.head if tok.dep_ == "acomp" else tok
        subject = next((c for c in subject_holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        source = _actor_or_owner(subject, is_actor)
        if source is None:
            continue
        target = None
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == prep_word:
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                target = _actor_or_owner(obj, is_actor)
                if target is None and obj is not None:  # "opposed to French mediation": the mediator
                    target = next((c for c in obj.children if c.dep_ in ("amod", "compound") and is_actor(c)), None)
        if target is not None and target.i == source.i:
            target = None
        found.append(Predicate(tok, "stance", tok, _conjuncts(source, is_actor), target, False, "stance"))
    return found
