"""Harbinger: dated news articles in, political event data with provenance out."""

from harbinger.errors import HarbingerError, Problem
from harbinger.models import Article, Span
from harbinger.pipeline import DEFAULT_MODEL, load_nlp, process
from harbinger.readers import ReadOptions, read_paths

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "Article",
    "HarbingerError",
    "Problem",
    "ReadOptions",
    "Span",
    "load_nlp",
    "process",
    "read_paths",
]
