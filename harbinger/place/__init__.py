"""Place: find place names, datelines, demonyms and regions, and geocode them offline.

Importing this package registers the ``place`` stage.
"""

from harbinger.place.models import Place, PlaceMention
from harbinger.place.stage import ATTR, place_for_token
from harbinger.place.event_place import EventPlace, PlaceFrom, event_place, story_place

__all__ = ["ATTR", "EventPlace", "Place", "PlaceFrom", "PlaceMention", "event_place", "place_for_token", "story_place"]
