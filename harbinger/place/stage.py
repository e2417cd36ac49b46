"""The ``place`` stage: find and resolve every place in a document into ``doc._.places``.

Reads the spaCy entities and parse and the article's dateline; adds a tuple of
frozen :class:`Place` values in text order. The dateline is kept with role
"dateline" and is never attached to events: :func:`place_for_token` only
follows the parse from an event trigger to a phrase that names its venue
("meet in Geneva"). The gazetteer and the word lists are read once per data
folder and handed to the finder and the resolver.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from harbinger.place.finder import PlaceFinder
from harbinger.place.gazetteer import load_gazetteer
from harbinger.place.lexicon import PlaceLexicon, load_lexicon
from harbinger.place.models import Place
from harbinger.place.resolver import PlaceResolver
from harbinger.place.rows import PLACES_TABLE
from harbinger.stages import StageSpec, layer, register_stage

ATTR = "places"
# Dependencies that keep a trigger inside the clause of its head ("due to meet", "plans to visit").
CLAUSE_LINKS = {"xcomp", "acomp", "aux", "auxpass", "prt", "pcomp"}
OBJECT_LINKS = {"dobj", "attr", "oprd"}


class PlaceComponent:
    def __init__(self, nlp: Language, data_dir: str | None):
        gazetteer, lexicon = load_gazetteer(data_dir), load_lexicon(data_dir)
        self.finder = PlaceFinder(nlp.tokenizer, gazetteer, lexicon)
        self.resolver = PlaceResolver(gazetteer, lexicon)

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, ATTR, tuple(self.resolver(self.finder(doc))))
        return doc


@Language.factory("harbinger_place", assigns=[f"doc._.{ATTR}"], default_config={"data_dir": None})
def make_place_component(nlp: Language, name: str, data_dir: str | None) -> PlaceComponent:
    return PlaceComponent(nlp, data_dir)


def places_to_json(doc: Doc) -> list[dict]:
    return [place.to_dict() for place in getattr(doc._, ATTR) or ()]


def place_at(doc: Doc, token: Token) -> Place | None:
    """The place whose span covers ``token``, if any."""
    for place in layer(doc, "place") or ():
        if place.start <= token.idx < place.end:
            return place
    return None


def place_for_token(doc: Doc, token: Token, lexicon: PlaceLexicon | None = None) -> Place | None:
    """The place a venue phrase attaches to an event trigger, else None (never the dateline).

    Looks at prepositional children ("in Geneva", "at the UN in New York") of the
    trigger, of the heads it is a complement of ("due to meet in Geneva") and of
    their direct objects ("held talks in Vienna"), for the lexicon's venue
    prepositions (default: the packaged word lists).
    """
    venue_prepositions = (lexicon or load_lexicon()).venue_prepositions
    node = token
    heads = [token]
    while node.dep_ in CLAUSE_LINKS and node.head is not node:
        node = node.head
        heads.append(node)
    # The parser often hangs the phrase on the object: "held talks in Vienna", "arrested a man in Reading".
    heads += [child for head in list(heads) for child in head.children if child.dep_ in OBJECT_LINKS]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in venue_prepositions:
                for inner in child.subtree:
                    place = place_at(doc, inner)
                    if place is not None and place.role != "dateline":
                        return place
    return None


SPEC = register_stage(StageSpec(name="place", factory="harbinger_place", attr=ATTR, to_json=places_to_json, table=PLACES_TABLE))
