"""Fixtures for the scorer tests: real pipelines with the stages each scorer measures, loaded once per module."""

from __future__ import annotations

import pytest

from harbinger.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp_time():
    return load_nlp(stage_names=["time"])


@pytest.fixture(scope="module")
def nlp_place():
    return load_nlp(stage_names=["place"])


@pytest.fixture(scope="module")
def nlp_actors():
    return load_nlp(stage_names=["actors"])


@pytest.fixture(scope="module")
def nlp_full():
    """Every default stage, as `harbinger eval` runs them."""
    return load_nlp()
