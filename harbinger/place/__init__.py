"""Place: find place names, datelines, demonyms and regions, and geocode them offline.

Importing this package registers the ``place`` stage.
"""

from harbinger.place.models import Place, PlaceMention
from harbinger.place.stage import ATTR, place_for_token

__all__ = ["ATTR", "Place", "PlaceMention", "place_for_token"]
