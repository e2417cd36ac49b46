"""Decide the CAMEO code of a predicate from the verb patterns and the lexicon.

Verbs are looked up by lemma (with their particle: "rule out", "meet with")
in PETRARCH2's CAMEO verb dictionary; the most specific pattern whose nouns
and prepositional phrases appear around the verb wins. With no pattern, the
verb's own code, then its block's code, then Harbinger's defaults apply.
Event nouns take their code from the lexicon. A code PLOVER has no type for
(plain statements) is no event: there is no fallback code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from harbinger.events.finder import Predicate, _unwrap_quantity
from harbinger.events.modes import ModeCue
from harbinger.events.tables import CameoCode, Tables


@dataclass(frozen=True)
class Coding:
    cameo: str
    reverse: bool  # the pattern swaps roles ("A faces criticism from B": B criticises A)
    rule: str
    # literal object nouns the pattern matched ("declared a state of emergency"): what was done, not to whom
    object_words: frozenset[int] = frozenset()


# Pattern nouns are matched inside the verb's own phrases: its object noun phrase, its prepositional
# phrases (and its object's), its subject — never in clauses it embeds ("consider reducing troops").
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd", "acomp", "prt", "advmod", "npadvmod"}
CUT_DEPS = {"prep", "acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "appos"}

Words = list[tuple[int, str, str]]


def _phrase(head: Token) -> Words:
    """The noun phrase a token heads, without the phrases and clauses hanging off it."""
    words, stack = [], [head]
    while stack:
        tok = stack.pop()
        words.append((tok.i, tok.lower_, tok.lemma_.lower()))
        stack.extend(c for c in tok.children if c.dep_ not in CUT_DEPS)
    return sorted(words)


def _regions(verb: Token) -> tuple[Words, list[tuple[str, Words]], Words]:
    # a passive's subject is what the active verb's object would be ("evidence ... was presented by the US")
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
    # "suspended part of a military aid program": the object is what the quantity is of, and the quantity word
    # is no pattern noun ("captured part of a stronghold" is no "take part")
    objects = [_unwrap_quantity(c) if c.dep_ == "dobj" else c for c in objects]
    obj_words = sorted(w for c in objects for w in _phrase(c))
    phrases = []
    for head in [verb, *[c for c in objects if c.dep_ == "dobj"]]:
        for prep in head.children:
            if prep.dep_ in ("prep", "agent", "dative") and prep.i > verb.i:
                words = sorted(w for c in prep.children for w in _phrase(c))
                phrases.append((prep.lower_, words))
    subject = sorted(w for c in verb.children if c.dep_ == "nsubj" for w in _phrase(c))
    return obj_words, phrases, subject


def _options(word: str, tables: Tables) -> frozenset[str]:
    return tables.synsets.get(word[1:].rstrip("_").upper(), frozenset()) if word.startswith("&") else frozenset({word})


# The three lookups below are pure functions of a pattern word (or block) and the tables, memoised per process.
@lru_cache(maxsize=None)
def _expand(word: str, tables: Tables) -> frozenset[str]:
    """The words a pattern word stands for (a synset's members), plus the last word of multi-word members."""
    options = _options(word, tables)
    return options | {o.split()[-1] for o in options if " " in o}


@lru_cache(maxsize=None)
def _members(word: str, tables: Tables) -> tuple[frozenset[str], dict[str, list[list[str]]]]:
    """A pattern word's one-word members, and its multi-word members by their last word ("cease fire" -> "fire": ["cease"])."""
    options = _options(word, tables)
    phrases: dict[str, list[list[str]]] = {}
    for option in options:
        if " " in option:
            *before, last = option.split()
            phrases.setdefault(last, []).append(before)
    return frozenset(o for o in options if " " not in o), phrases


def _find_word(word: str, region: Words, after: int, tables: Tables) -> int | None:
    """The first region token after ``after`` that the pattern word stands for. The last word of a multi-word
    member matches only after the words before it ("fire" is a ceasefire only in "cease fire")."""
    singles, phrases = _members(word, tables)
    words = {i: low for i, low, _ in region} if phrases else {}
    for i, low, lemma in region:
        if i <= after:
            continue
        if low in singles or lemma in singles:
            return i
        for before in phrases.get(low, []) + phrases.get(lemma, []):
            if all(words.get(i - len(before) + k) == w for k, w in enumerate(before)):
                return i
    return None


def _words_in(words: list[str], region: Words, tables: Tables) -> bool:
    start = -1
    for word in words:
        found = _find_word(word, region, start, tables)
        if found is None:
            return False
        start = found
    return True


def _pattern_matches(pattern: dict, regions: tuple[Words, list[tuple[str, Words]], Words], seen: set[str], tables: Tables) -> bool:
    objects, phrases, subject = regions
    for item in pattern["pre"] + pattern["post"]:  # cheap rejection: every pattern word must occur somewhere
        if any(seen.isdisjoint(_expand(word, tables)) for word in item["words"]):
            return False
    for item in pattern["post"]:
        if item["prep"]:
            if not any(prep == item["prep"] and _words_in(item["words"], words, tables) for prep, words in phrases):
                return False
        elif not _words_in(item["words"], objects, tables):
            return False
    return all(not item["prep"] and _words_in(item["words"], subject, tables) for item in pattern["pre"])


@lru_cache(maxsize=None)
def _pattern_index(block_no: int, tables: Tables) -> dict[str, list[int]]:
    """A block's patterns by the words of their first noun. A pattern with no noun at all (a bare preposition,
    "* (FOR)") says too little and is never indexed."""
    index: dict[str, list[int]] = {}
    for number, pattern in enumerate(tables.blocks[block_no]["patterns"]):
        words = [w for item in pattern["pre"] + pattern["post"] for w in item["words"]]
        if words:
            for option in _expand(words[0], tables):
                index.setdefault(option, []).append(number)
    return index


def _candidates(block_no: int, seen: set[str], tables: Tables) -> list[int]:
    """Patterns of a block that could match the words seen around the verb."""
    index = _pattern_index(block_no, tables)
    return sorted({n for word in seen for n in index.get(word, ())})


def _particles_match(verb: Token, entry: dict) -> bool:
    after = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 1 + len(entry["after"])]]
    before = [t.lower_ for t in verb.doc[max(0, verb.i - len(entry["before"])) : verb.i]]
    return after == entry["after"] and before == entry["before"]


def _known(code: str | None, tables: Tables) -> str | None:
    """The code itself, or its nearest parent in the table (PETRARCH uses a few codes CAMEO never listed)."""
    while code:
        if code in tables.codes:
            return code
        code = code[:-1] if len(code) > 2 else None
    return None


def pattern_is_weak(pattern: dict, lemma: str, tables: Tables) -> bool:
    """A pattern naming only the subject, for a verb whose own sense it would change ("soldiers arrested")."""
    yields = tables.lexicon.get("subject_only_pattern_yields", {}).get("words", ())
    return lemma in yields and not pattern["post"]


def code_verb(verb: Token, tables: Tables) -> Coding | None:
    lemma = verb.lemma_.lower()
    if lemma in tables.lexicon["clause_codes"] and any(c.dep_ == "ccomp" for c in verb.children):
        return Coding(tables.lexicon["clause_codes"][lemma], False, f"lexicon:{lemma}+clause")
    embedded = tables.lexicon.get("complement_codes", {}).get(lemma, {})
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in embedded:  # "declined to comment"
            return Coding(embedded[child.lemma_.lower()], False, f"lexicon:{lemma}+{child.lemma_.lower()}")
    by_object = tables.lexicon.get("object_codes", {}).get(lemma, {})
    for child in verb.children:
        obj = _unwrap_quantity(child) if child.dep_ == "dobj" else None
        if obj is not None and obj.lemma_.lower() in by_object:  # "received a mission of observers"
            return Coding(by_object[obj.lemma_.lower()], False, f"lexicon:{lemma}+{obj.lemma_.lower()}", frozenset({obj.i}))
    by_prep = tables.lexicon.get("prep_codes", {}).get(lemma, {})
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in by_prep:  # "spoke with", "will travel to", "called on"
            return Coding(by_prep[child.lower_], False, f"lexicon:{lemma}+{child.lower_}")
    entries = [e for e in tables.verbs.get(lemma, []) if _particles_match(verb, e)]
    entries.sort(key=lambda e: -(len(e["after"]) + len(e["before"])))
    extra = tables.lexicon["extra_verbs"]
    own = tables.lexicon["verb_codes"].get(lemma)
    defaults = tables.lexicon["block_defaults"]
    if not entries:
        code = _known(own or extra.get(lemma), tables)
        return Coding(code, False, f"lexicon:{lemma}") if code else None
    entry = entries[0]
    block = tables.blocks[entry["block"]]
    regions = _regions(verb)
    seen = {w for region in (regions[0], regions[2], *[ws for _, ws in regions[1]]) for _, low, lemma in region for w in (low, lemma)}
    best, best_score = None, 0
    patterns = block["patterns"]
    for number in _candidates(entry["block"], seen, tables):
        pattern = patterns[number]
        if _pattern_matches(pattern, regions, seen, tables):
            score = sum(1 + len(i["words"]) + bool(i["prep"]) for i in pattern["pre"] + pattern["post"])
            if score > best_score:
                best, best_score = (number, pattern), score
    phrase = " ".join([*entry["before"], lemma, *entry["after"]])
    if best is not None and not pattern_is_weak(best[1], lemma, tables):
        number, pattern = best
        # a literal object noun ("state" in "declare a state of emergency") is the act, never its target;
        # a synset of actors ("&CIVILIANS" in "killed 46 civilians") is the target
        literal = {w for item in pattern["post"] if not item["prep"] for w in item["words"] if not w.startswith("&")}
        object_words = frozenset(i for i, low, lem in regions[0] if low in literal or lem in literal)
        code = _known(pattern["code"], tables)
        if code:
            return Coding(code, False, f"cameo:{block['name']}#{number}:{phrase}", object_words)
        code = _known(pattern["passive"], tables)
        if code:
            return Coding(code, True, f"cameo:{block['name']}#{number}:{phrase}:reversed", object_words)
    if block["name"] in tables.pattern_only_blocks:
        code = _known(own or extra.get(lemma), tables)
        return Coding(code, False, f"lexicon:{lemma}") if code else None
    for code, where in (
        (own, "lexicon-verb"),
        (entry.get("code"), "verb"),
        (extra.get(lemma), "lexicon"),
        (tables.lexicon["block_codes"].get(block["name"]) or block["code"], "block"),
        (defaults.get(block["name"]), "default"),
    ):
        code = _known(code, tables)
        if code:
            return Coding(code, False, f"cameo:{block['name']}:{where}:{phrase}")
    return None


def code_noun(noun: Token, tables: Tables) -> Coding | None:
    nouns = tables.event_nouns
    compound = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i == noun.i - 1]
    if compound:
        phrase = f"{compound[0].lower_} {noun.lower_}"
        if phrase in nouns:
            return Coding(nouns[phrase], False, f"noun:{phrase}")
    for key in (noun.lower_, noun.lemma_.lower()):
        if key in nouns:
            return Coding(nouns[key], False, f"noun:{key}")
    return None


def intent_code(cameo: str, tables: Tables) -> str | None:
    """CAMEO's code for announcing or threatening an act rather than doing it (043 host -> 036, 190 -> 138)."""
    table = tables.lexicon["intent_codes"]
    for size in range(len(cameo), 1, -1):
        if cameo[:size] in table:
            return table[cameo[:size]]
    return None


def act_code(intent: str, tables: Tables) -> str | None:
    """The act an intent code announces (0351 "express intent to ease sanctions" -> 081), the inverse of intent_code."""
    keys = [k for k, v in tables.lexicon["intent_codes"].items() if v == intent and not k.startswith("_")]
    if not keys:
        return None
    key = min(keys, key=len)
    return _known(key + "0" if len(key) == 2 else key, tables)


def _names_specific_event(verb: Token, tables: Tables) -> bool:
    """Whether a light verb's object is a two-word event noun the lexicon codes itself ("launched a cyber attack",
    "staged a hunger strike"): the noun, more specific than any pattern on its last word, then codes the event."""
    if verb.lemma_.lower() not in tables.lexicon["light_verbs"]:
        return False
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i > 0:
            before = verb.doc[obj.i - 1]
            if before.head.i == obj.i and f"{before.lower_} {obj.lower_}" in tables.event_nouns:
                return True
    return False


def code_predicate(pred: Predicate, tables: Tables) -> Coding | None:
    if pred.kind == "obligation":
        coding = Coding(tables.lexicon["obligation_frame"]["code"], False, "frame:must")
    elif pred.kind == "stance":
        word = pred.trigger.lower_
        coding = Coding(tables.lexicon["stance_predicates"][word][1], False, f"stance:{word}")
    elif pred.kind == "verb" and _names_specific_event(pred.trigger, tables):
        return None
    else:
        coding = code_verb(pred.trigger, tables) if pred.kind == "verb" else code_noun(pred.trigger, tables)
    if coding is None or tables.plover_type(coding.cameo) is None:
        return None
    if pred.kind == "verb" and not pred.sources:
        # "a roadside bombing killed two soldiers": the weapon that acts names the kind of attack (1833)
        subject = next((c for c in pred.trigger.children if c.dep_ == "nsubj"), None)
        weapon = code_noun(subject, tables) if subject is not None else None
        if weapon is not None and weapon.cameo[:2] == "18" and coding.cameo[:2] in ("18", "19"):
            return Coding(weapon.cameo, False, f"{coding.rule}+{weapon.rule}", coding.object_words)
    return coding


def code_in_mode(coding: Coding, mode: ModeCue, trigger: Token, tables: Tables) -> CameoCode:
    """The code row for a coded predicate in its mode: CAMEO codes an announced or threatened act as an intent
    (03x, 13x), and a pattern's intent code with no intent in the clause as the act itself."""
    row = tables.code(coding.cameo)
    commits = tables.mode_words("commit_verbs") | tables.mode_words("plan_words")
    if row.code.startswith("03") and not mode.intent and trigger.lemma_.lower() not in commits:
        # a pattern's intent code with no intent in the clause ("Germany lifted sanctions"): code the act itself
        act = act_code(row.code, tables)
        row = tables.code(act) if act is not None else row
    if mode.intent:
        intent = intent_code(coding.cameo, tables)
        if intent is not None:
            intent_row = tables.code(intent)
            # a planned meeting stays CONSULT (its mode says planned); promised support, aid or concessions are
            # PLOVER's AGREE ("offer, promise, or otherwise indicate willingness to cooperate"); a promised attack is THREATEN
            row = dataclasses.replace(intent_row, plover=row.plover) if row.plover == "CONSULT" else intent_row
        elif row.code.startswith("03") and tables.plover_type(act_code(row.code, tables)) == "CONSULT":
            # a pattern's own intent-to-meet code in a planned clause ("ready to propose discussions", 036):
            # the same planned meeting, so CONSULT as well
            row = dataclasses.replace(row, plover="CONSULT")
    return row
