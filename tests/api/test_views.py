"""The dashboard's endpoints over the synthetic store: one filter state (list parameters) for every view, the map,
the dyad panel, story pages, and alerts and events explained in words."""

import pytest

from tests.api.test_api import get

ALL = {"modes": "all"}


def total(client, **params) -> int:
    return get(client, "/api/events", limit=1, **params)["total"]


@pytest.mark.parametrize(
    "params, check",
    [
        ({"actors": "USA,UKR"}, lambda e: {"USA", "UKR"} & {e["source_country"], e["target_country"]}),
        ({"actors": "rusgov"}, lambda e: False),  # codes are matched as given (the dashboard upper-cases them)
        ({"countries": "ukr,bel"}, lambda e: e["place_country"] in ("UKR", "BEL")),
        ({"types": "SANCTION,ASSAULT"}, lambda e: e["plover_type"] in ("SANCTION", "ASSAULT")),
        ({"modes": "planned,denied"}, lambda e: e["mode"] in ("planned", "denied")),
        ({"modes": "occurred"}, lambda e: e["mode"] in ("asserted", "reported")),
        ({"min_confidence": 0.9}, lambda e: e["confidence"] >= 0.9),
        ({"bbox": "20,40,40,55"}, lambda e: 20 <= e["place_lon"] <= 40 and 40 <= e["place_lat"] <= 55),
    ],
)  # fmt: skip
def test_view_filters_select_matching_events(client, params, check):
    page = get(client, "/api/events", limit=500, **params)
    assert all(check(e) for e in page["items"])
    assert page["total"] == len(page["items"]) and page["total"] < total(client)


def test_view_filters_combine_and_match_the_timeline_map_and_dyads(client):
    params = {"actors": "USA", "types": "SANCTION,ACCUSE,CONSULT", "modes": "occurred", "min_confidence": 0.7}
    events = total(client, **params)
    assert 0 < events < total(client, actors="USA")
    assert sum(p["events"] for p in get(client, "/api/timeline", by="week", **params)) == events
    summary = get(client, "/api/map", **params)
    assert sum(c["events"] for c in summary["countries"]) == events == sum(c["events"] for c in summary["clusters"])
    dyads = get(client, "/api/dyads", **params)
    assert dyads and all("USA" in (d["source"], d["target"]) for d in dyads) and sum(d["events"] for d in dyads) == events


def test_view_dyads_default_to_occurred_events(client):
    assert get(client, "/api/dyads", limit=500) == get(client, "/api/dyads", limit=500, mode="occurred")
    assert sum(d["events"] for d in get(client, "/api/dyads", limit=500, modes="all")) > sum(d["events"] for d in get(client, "/api/dyads", limit=500))


@pytest.mark.parametrize(
    "params, where",
    [({"bbox": "1,2,3"}, "bbox"), ({"bbox": "40,40,20,55"}, "bbox"), ({"actors": ",".join(["USA"] * 51 + [f"X{i}" for i in range(51)])}, "actors"),
     ({"min_confidence": 2}, "min_confidence"), ({"cell": 0}, "cell")],
)  # fmt: skip
def test_view_bad_list_parameters_are_422_naming_them(client, params, where):
    response = client.get("/api/map", params=params)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == where


@pytest.mark.parametrize("params, code", [({"types": "SANCTION,BOMB"}, "H512"), ({"modes": "occurred,maybe"}, "H502"), ({"timing": "later"}, "H513")])
def test_view_unknown_choices_in_lists_are_422_with_a_code(client, params, code):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422 and response.json()["detail"][0]["type"] == code


def test_view_map_clusters_carry_their_box_and_the_box_lists_their_events(client):
    summary = get(client, "/api/map", cell=1, **ALL)
    assert summary["clusters_total"] == len(summary["clusters"]) > 5 and summary["cell"] == 1
    busiest = summary["clusters"][0]
    assert busiest["events"] >= summary["clusters"][-1]["events"] and busiest["west"] <= busiest["lon"] <= busiest["east"]
    bbox = ",".join(str(busiest[k]) for k in ("west", "south", "east", "north"))
    assert total(client, bbox=bbox, **ALL) >= busiest["events"]  # a point on the box's edge is in two cells


def test_view_map_keeps_only_the_busiest_clusters(client, monkeypatch):
    monkeypatch.setattr("harbinger.api.views.MAX_CLUSTERS", 2)
    client.app.state.cache.clear()
    summary = get(client, "/api/map", cell=1, **ALL)
    assert len(summary["clusters"]) == 2 < summary["clusters_total"]


def test_view_dyad_panel_shows_the_busiest_dyad_or_the_filtered_one(client):
    busiest = get(client, "/api/dyad_view", by="week", modes="occurred")
    assert (busiest["source"], busiest["target"]) == (busiest["dyads"][0]["source"], busiest["dyads"][0]["target"])
    picked = get(client, "/api/dyad_view", by="week", source="USA", target="RUS", types="SANCTION")
    assert (picked["source"], picked["target"]) == ("USA", "RUS")
    assert sum(p["events"] for p in picked["points"]) == total(client, source="USA", target="RUS", types="SANCTION", modes="all")
    assert get(client, "/api/dyad_view", actors="NOBODY") == {"dyads": [], "source": None, "target": None, "points": []}


def test_view_story_has_its_text_spans_events_and_copies(client):
    copy = next(a for a in get(client, "/api/articles", limit=500)["items"] if a["canonical_id"] != a["id"])
    story = get(client, f"/api/stories/{copy['canonical_id']}")
    text = story["article"]["text"]
    assert story["copy_of"] is None and story["article"]["url"].startswith("https://example.org/")
    assert [c["id"] for c in story["copies"]] == [copy["id"]] and story["copies"][0]["kind"] == "near"
    assert {"actor", "time", "place", "trigger"} <= {s["kind"] for s in story["spans"]}
    assert all(text[s["start"] : s["end"]] == s["text"] and s["why"] for s in story["spans"])
    assert story["events"] and all(e["why"].startswith(f"{e['source_code']} {e['plover_type']} {e['target_code']}") for e in story["events"])
    shown_from_copy = get(client, f"/api/stories/{copy['id']}")
    assert shown_from_copy["copy_of"] == copy["canonical_id"] and shown_from_copy["article"]["id"] == copy["canonical_id"]


def test_view_story_of_a_reported_event_highlights_its_quote(client):
    reported = get(client, "/api/events", mode="reported", limit=1)["items"][0]
    story = get(client, f"/api/stories/{reported['article_id']}")
    (quote,) = [s for s in story["spans"] if s["kind"] == "quote"]
    assert quote["why"].startswith("officials (said, report")


def test_view_unknown_story_is_404(client):
    assert client.get("/api/stories/nope").status_code == 404


def test_view_alerts_say_why_they_fired(client):
    (alert, *_) = get(client, "/api/alerts")
    assert alert["why"].startswith(f"USA → RUS had {alert['value']:g} conflict events") or alert["why"].startswith("USA → RUS summed")
    assert f"z-score of {alert['score']:g}" in alert["why"] and f"{alert['evidence_count']} events drove it" in alert["why"]
    evidence = get(client, "/api/events", ids=",".join(alert["evidence_ids"]), order="most_hostile", limit=50)
    assert {e["id"] for e in evidence["items"]} == set(alert["evidence_ids"])


def test_view_event_detail_explains_each_part_in_words(client):
    event = get(client, "/api/events", mode="asserted", limit=1)["items"][0]
    said = get(client, f"/api/events/{event['id']}")["explanation"]
    assert set(said) == {"event", "source", "target", "date", "place"}
    assert f"→ {event['source_code']}" in said["source"] and f"→ {event['target_code']}" in said["target"]
    assert said["place"].startswith(event["place_text"]) and said["event"].startswith(f"{event['source_code']} {event['plover_type']}")
    assert not any("=" in sentence for sentence in said.values())
