"""The ``actors`` stage: every actor mention in a document, its CAMEO-style code, why, and its coreference chain.

Reads the spaCy parse and entities and the article's date and dateline; adds
``doc._.actors`` (a tuple of :class:`ActorMention`, in text order) and
``doc._.actor_chains`` (a tuple of :class:`ActorChain`). The finder proposes
spans, the resolver codes them, the coreference rules link pronouns; this
module only wires them together and shapes the output. Dictionaries are
loaded once per process; user dictionaries come from the stage config
``{"user_dictionaries": [paths]}``, later files overriding earlier ones.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from harbinger.actors.coref import link_pronouns
from harbinger.actors.finder import find_candidates, find_repeats
from harbinger.actors.lexicon import Dictionary, shipped_lexicon, user_dictionary
from harbinger.actors.resolver import Resolution, Resolver, context_country
from harbinger.stages import StageSpec, layer, register_stage

ISO3_LENGTH = 3


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor: offsets into the article text, what it codes to and the steps that decided it."""

    start: int
    end: int
    text: str
    name: str  # the actor's name ("Antony Blinken" for "Secretary of State Antony Blinken" and for "he")
    code: str | None  # "USAGOV", "RUS", "IGOWSTNAT"; None when unresolved (the reason is in resolved_by)
    country: str | None  # ISO 3166 alpha-3 part of the code, None for IGOs/NGOs and unresolved mentions
    sector: str | None  # "GOV", "MIL", … (first sector after the country), None if none
    role: str | None  # title or office: "Secretary of State"
    resolved_by: tuple[str, ...]
    confidence: float
    chain: int | None  # id of the coreference chain, None when the actor is mentioned once
    kind: str  # "titled", "name", "group", "phrase", "pronoun"
    wikidata: str | None = None  # the Wikidata item of the person, when the office-holder table named them

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["resolved_by"] = list(self.resolved_by)
        return data


@dataclass(frozen=True)
class ActorChain:
    """Mentions of one actor in a document, with the name and code of its first named mention."""

    id: int
    name: str
    code: str | None
    mentions: tuple[tuple[int, int], ...]  # (start, end) character offsets, in text order
    wikidata: str | None = None


if not Doc.has_extension("actor_chains"):
    Doc.set_extension("actor_chains", default=())


def split_code(code: str | None, known_countries) -> tuple[str | None, str | None]:
    if not code:
        return None, None
    head = code[:ISO3_LENGTH]
    if head in known_countries:
        rest = code[ISO3_LENGTH:]
        return head, rest[:3] or None
    return None, code[ISO3_LENGTH : ISO3_LENGTH + 3] or None


def annotate(doc: Doc, user: Dictionary) -> tuple[tuple[ActorMention, ...], tuple[ActorChain, ...]]:
    lexicon = shipped_lexicon()
    article = doc._.article
    candidates = find_candidates(doc, lexicon)
    dateline = article.dateline.text if article is not None and article.dateline else None
    places = [c.text for c in candidates if c.label in {"GPE", "NORP"}] + [p.text for c in candidates for p in c.modifiers]
    context = context_country(lexicon, dateline, places)
    day = article.date if article else None
    resolver = Resolver(lexicon, user, day, context, doc)
    resolutions = [resolver.resolve(i, c) for i, c in enumerate(candidates)]
    repeats = find_repeats(doc, {key: candidates[i].start for key, (i, _) in resolver.memory.items()}, candidates)
    if repeats:  # resolve again in text order, so the repeats join their chains like any other mention
        candidates = sorted(candidates + repeats, key=lambda c: (c.start, -c.end))
        resolver = Resolver(lexicon, user, day, context, doc)
        resolutions = [resolver.resolve(i, c) for i, c in enumerate(candidates)]
    links = link_pronouns(doc, candidates, resolutions)

    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, result in enumerate(resolutions):
        if result.antecedent is not None:
            parent[find(i)] = find(result.antecedent)
    for pronoun, antecedent in links.items():
        parent[find(pronoun)] = find(antecedent)
    members: dict[int, list[int]] = {}
    for i in range(len(candidates)):
        members.setdefault(find(i), []).append(i)
    chain_of: dict[int, int] = {}
    chains: list[ActorChain] = []
    for group in sorted((g for g in members.values() if len(g) > 1), key=lambda g: g[0]):
        named = next((i for i in group if candidates[i].kind != "pronoun"), None)
        if named is None:
            continue
        chain_id = len(chains)
        for i in group:
            chain_of[i] = chain_id
        head = resolutions[named]
        spans = tuple((candidates[i].start, candidates[i].end) for i in group)
        chains.append(ActorChain(chain_id, head.name, head.code, spans, head.wikidata))
    mentions = []
    for i, (candidate, result) in enumerate(zip(candidates, resolutions)):
        if candidate.kind == "pronoun" or i in links:  # a pronoun, or a definite phrase naming an actor again
            result = _pronoun_result(candidate, i, links, chain_of, chains, candidates)
        country, sector = split_code(result.code, lexicon.country_codes)
        mentions.append(
            ActorMention(
                start=candidate.start,
                end=candidate.end,
                text=candidate.text,
                name=result.name,
                code=result.code,
                country=country,
                sector=sector,
                role=result.role,
                resolved_by=result.resolved_by,
                confidence=round(result.confidence, 2),
                chain=chain_of.get(i),
                kind=candidate.kind,
                wikidata=result.wikidata,
            )
        )
    return tuple(mentions), tuple(chains)


def _pronoun_result(candidate, index, links, chain_of, chains, candidates) -> Resolution:
    if index not in links or index not in chain_of:
        return Resolution(None, candidate.text, None, ("unresolved:no antecedent that agrees in gender and number nearby",), 0.0)
    chain = chains[chain_of[index]]
    antecedent = candidates[links[index]]
    step = f"coreference:{candidate.text.lower()}->{antecedent.text}@{antecedent.start}"
    return Resolution(chain.code, chain.name, None, (step,), 0.7 if chain.code else 0.0, wikidata=chain.wikidata)


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, user_dictionaries: list[str]):
        self.name = name
        self.user = user_dictionary(tuple(str(p) for p in user_dictionaries or ()))
        shipped_lexicon()  # load now, not inside the first batch

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors, doc._.actor_chains = annotate(doc, self.user)
        return doc


@Language.factory("harbinger_actors", assigns=["doc._.actors", "doc._.actor_chains"], default_config={"user_dictionaries": []})
def make_actors(nlp: Language, name: str, user_dictionaries: list[str]) -> ActorsComponent:
    return ActorsComponent(nlp, name, user_dictionaries)


def actors_to_json(doc: Doc) -> list[dict]:
    return [mention.to_dict() for mention in doc._.actors or ()]


def actor_for_span(doc: Doc, start: int, end: int) -> ActorMention | None:
    """The actor mention for a character span: the one covering it, else the one holding its head, else the widest overlap.

    A pronoun (or an unresolved short name) carries its chain's named code, so
    the events stage gets "USAGOV" for the "he" in "he said".
    """
    mentions = [m for m in layer(doc, "actors") or () if m.start < end and start < m.end]
    if not mentions:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    head_at = span.root.idx if span is not None and len(span) else None

    def rank(m: ActorMention):
        covers = m.start <= start and end <= m.end
        holds_head = head_at is not None and m.start <= head_at < m.end
        overlap = min(end, m.end) - max(start, m.start)
        return (holds_head and m.code is not None, covers and m.code is not None, m.code is not None, overlap, -(m.end - m.start))

    return max(mentions, key=rank)


ACTORS = register_stage(
    StageSpec(name="actors", factory="harbinger_actors", attr="actors", to_json=actors_to_json, config={"user_dictionaries": []})
)
