"""Actors: mentions resolved to CAMEO-style actor codes, with date-ranged roles and in-document coreference.

Importing this package registers the ``actors`` stage.
"""

from harbinger.actors.stage import ActorChain, ActorMention, actor_for_span, actors_to_json

__all__ = ["ActorChain", "ActorMention", "actor_for_span", "actors_to_json"]
