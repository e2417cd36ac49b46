from datetime import date

import pytest

from harbinger.api import create_app
from harbinger.errors import HarbingerError
from harbinger.store import Store
from tests.api.conftest import LOCAL


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    "path",
    ["/api/health", "/api/stats", "/api/articles", "/api/events", "/api/timeline", "/api/quotes", "/api/series", "/api/dyads",
     "/api/alerts", "/api/map", "/api/dyad_view", "/openapi.json", "/docs", "/"],
)  # fmt: skip
def test_api_endpoints_answer(client, path):
    assert client.get(path).status_code == 200


def test_api_stats_match_the_store(client, seeded_db):
    stats = get(client, "/api/stats")
    with Store(seeded_db, read_only=True) as store:
        (events,) = store.db.execute("SELECT count(*) FROM events").fetchone()
    assert stats["events"] == events == sum(stats["events_by_mode"].values())
    assert stats["quotes_available"] is True and stats["geocoded_events"] == events


def test_api_events_paginate(client):
    first = get(client, "/api/events", limit=10, offset=0)
    second = get(client, "/api/events", limit=10, offset=10)
    assert first["total"] == second["total"] > 20 and len(first["items"]) == 10
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert get(client, "/api/events", limit=10, offset=first["total"])["items"] == []


@pytest.mark.parametrize(
    "params, check",
    [
        ({"type": "SANCTION"}, lambda e: e["plover_type"] == "SANCTION"),
        ({"mode": "conditional"}, lambda e: e["mode"] == "conditional"),
        ({"mode": "occurred"}, lambda e: e["mode"] in ("asserted", "reported")),
        ({"source": "USA", "target": "RUS"}, lambda e: (e["source_country"], e["target_country"]) == ("USA", "RUS")),
        ({"actor": "IGOWSTNAT"}, lambda e: "IGOWSTNAT" in (e["source_code"], e["target_code"])),
        ({"since": "2022-03-21", "until": "2022-03-27"}, lambda e: "2022-03-21" <= e["event_date"] <= "2022-03-27"),
        ({"place_country": "ukr"}, lambda e: e["place_country"] == "UKR"),
        ({"q": "sanctions"}, lambda e: "sanctions" in e["sentence"].lower()),
        ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
    ],
)  # fmt: skip
def test_api_events_filters(client, params, check):
    page = get(client, "/api/events", limit=500, **params)
    assert page["items"] and all(check(e) for e in page["items"])
    assert page["total"] < get(client, "/api/events", limit=1)["total"]


def test_api_event_detail_has_evidence_and_resolution(client):
    (summary,) = get(client, "/api/events", mode="reported", limit=1)["items"]
    detail = get(client, f"/api/events/{summary['id']}")
    article = get(client, f"/api/articles/{summary['article_id']}")
    sentence = detail["sentence"]
    assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"] == summary["sentence"]
    for span in detail["spans"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]
        assert sentence["start"] <= span["start"] < span["end"] <= sentence["end"]
    assert {"source", "target", "trigger", "actor", "time", "place"} <= {s["kind"] for s in detail["spans"]}
    resolution = detail["resolution"]
    assert resolution["source"]["trace"]["code"] == summary["source_code"]
    assert resolution["date"]["trace"]["value"] == summary["event_date"]
    assert resolution["place"]["trace"]["text"] == summary["place_text"]
    assert resolution["mode"] == {"mode": "reported", "cue": "officials said"}
    assert summary["article_id"] in detail["copies"]


def test_api_article_detail_lists_its_events(client):
    (event,) = get(client, "/api/events", limit=1)["items"]
    article = get(client, f"/api/articles/{event['article_id']}")
    assert event["id"] in article["event_ids"] and article["events"] == len(article["event_ids"])


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/articles/nope"])
def test_api_unknown_ids_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_api_series_for_a_dyad(client):
    series = get(client, "/api/series", source="USA", target="RUS", by="week")
    points = series["points"]
    assert (series["source"], series["target"], series["mode"]) == ("USA", "RUS", "occurred")
    assert len(points) == 12 and points[0]["period"] == "2022-01-03"
    last = points[-1]
    assert last["quad_class"]["verbal_conflict"] + last["quad_class"]["material_conflict"] >= 7
    assert last["plover"]["SANCTION"] >= 2 and last["goldstein_sum"] < -40
    assert all(p["mentions"] >= p["events"] for p in points)


def test_api_series_modes_partition_all(client):
    total = sum(p["events"] for p in get(client, "/api/series", mode="all")["points"])
    parts = sum(sum(p["events"] for p in get(client, "/api/series", mode=mode)["points"]) for mode in ("occurred", "planned", "conditional", "denied"))
    assert total == parts == get(client, "/api/stats")["dated_events"]


def test_api_alerts_point_at_real_events(client):
    alerts = get(client, "/api/alerts")
    assert alerts and {(a["source"], a["target"], a["week"]) for a in alerts} == {("USA", "RUS", "2022-03-21")}
    for event_id in alerts[0]["evidence_ids"]:
        event = get(client, f"/api/events/{event_id}")["event"]
        assert event["quad_class"] in (3, 4) or event["goldstein"] < 0
    assert get(client, "/api/alerts", since="2022-03-28") == []
    assert len(get(client, "/api/alerts", threshold=1.0, min_events=1)) > len(alerts)


def test_api_dyads(client):
    dyads = get(client, "/api/dyads", limit=3)
    assert len(dyads) == 3 and dyads[0]["events"] >= dyads[-1]["events"]


def test_api_timeline_follows_event_filters(client):
    everything = get(client, "/api/timeline", by="week")
    conflict = get(client, "/api/timeline", by="week", quad_class=4)
    assert sum(p["events"] for p in everything) == get(client, "/api/stats")["dated_events"]
    assert sum(p["events"] for p in conflict) == sum(p["material_conflict"] for p in everything)


def test_api_quotes(client):
    page = get(client, "/api/quotes", limit=5)
    assert page["available"] and page["total"] > 5 and len(page["items"]) == 5
    quote = page["items"][0]
    assert quote["speaker"]["name"] == "officials" and quote["speaker"]["code"] is None and quote["cue"]["text"] == "said"
    only = get(client, "/api/quotes", article_id=quote["article_id"])
    assert {q["article_id"] for q in only["items"]} == {quote["article_id"]}


@pytest.mark.slow
def test_api_quotes_on_the_seed_article_have_offsets_text_and_a_resolved_speaker(seed_client):
    """The seed's quotes once came back with start, end and text null and the speaker as a raw JSON string."""
    page = get(seed_client, "/api/quotes", limit=500)
    assert page["available"] and page["total"] == len(page["items"]) > 0
    (article,) = {q["article_id"] for q in page["items"]}
    text = get(seed_client, f"/api/articles/{article}")["text"]
    for quote in page["items"]:
        assert text[quote["start"] : quote["end"]] == quote["text"] != ""
        for span in [quote["cue"], quote["speaker"], quote["venue"], *quote["segments"]]:
            assert span is None or text[span["start"] : span["end"]] == span["text"]
    blinken = next(q for q in page["items"] if q["speaker"] and q["speaker"]["text"] == "Secretary of State Antony Blinken")
    assert (blinken["speaker"]["name"], blinken["speaker"]["code"]) == ("Antony Blinken", "USAGOV") and blinken["speaker"]["resolved_by"]
    assert blinken["claim"]["stance"] == "asserts"
    found = get(seed_client, "/api/quotes", q=blinken["text"][:30].upper())["items"]
    assert blinken["id"] in {q["id"] for q in found}


@pytest.mark.slow
def test_api_events_on_the_seed_article_carry_the_typed_event_record(seed_client):
    events = get(seed_client, "/api/events", limit=500, timing="all")["items"]  # the record, whatever the time stage judges current
    assert events and all(e["timing"] in ("current", "historical", "future") for e in events)
    by_pronoun = next(e for e in events if e["source_name"] == "Antony Blinken" and e["source_code"] == "USAGOV")
    assert by_pronoun["source_wikidata"] == "Q7821917"
    placed = next(e for e in events if e["place_from"] is not None)
    detail = get(seed_client, f"/api/events/{placed['id']}")
    assert {key: detail["event"][key] for key in placed} == placed
    place = detail["resolution"]["place"]
    assert (place["name"], place["country"], place["source"]) == (placed["place_name"], placed["place_country"], placed["place_from"])
    assert place["trace"]["start"] <= place["start"] < place["end"] <= place["trace"]["end"]
    assert detail["resolution"]["date"]["timing"] == placed["timing"]
    source = detail["resolution"]["source"]
    assert source["name"] == placed["source_name"] and source["trace"]["code"] == placed["source_code"]


def test_api_quotes_empty_without_a_quotes_stage(tmp_path):
    from fastapi.testclient import TestClient

    path = tmp_path / "empty.duckdb"
    Store(path).close()
    with TestClient(create_app(path), base_url=LOCAL) as client:
        assert client.get("/api/quotes").json() == {"total": 0, "limit": 50, "offset": 0, "items": [], "available": False}
        assert client.get("/api/stats").json()["events"] == 0
        assert client.get("/api/series").json()["points"] == []
        assert client.get("/api/alerts").json() == []


@pytest.mark.parametrize(
    "path, params, where",
    [
        ("/api/events", {"type": "BOMB"}, "type"),
        ("/api/events", {"mode": "maybe"}, "mode"),
        ("/api/events", {"since": "2022-13-01"}, "since"),
        ("/api/events", {"until": "yesterday"}, "until"),
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 501}, "limit"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/events", {"offset": -1}, "offset"),
        ("/api/events", {"quad_class": 5}, "quad_class"),
        ("/api/events", {"geocoded": "perhaps"}, "geocoded"),
        ("/api/events", {"order": "random"}, "order"),
        ("/api/events", {"q": ""}, "q"),
        ("/api/events", {"actor": "X" * 65}, "actor"),
        ("/api/series", {"by": "year"}, "by"),
        ("/api/series", {"level": "region"}, "level"),
        ("/api/alerts", {"threshold": 0}, "threshold"),
        ("/api/alerts", {"baseline_weeks": 0}, "baseline_weeks"),
        ("/api/articles", {"since": "1/2/2022"}, "since"),
    ],
)  # fmt: skip
def test_api_bad_parameters_are_422_naming_the_parameter(client, path, params, where):
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail and detail[0]["loc"][-1] == where and detail[0]["msg"]


@pytest.mark.parametrize(
    "path, params, code",
    [
        ("/api/events", {"since": "2022-03-01", "until": "2022-01-01"}, "H504"),
        ("/api/series", {"since": "2022-03-01", "until": "2022-01-01"}, "H504"),
        ("/api/alerts", {"since": "2022-03-01", "until": "2022-01-01"}, "H504"),
        ("/api/articles", {"since": "2022-03-01", "until": "2022-01-01"}, "H504"),
        ("/api/alerts", {"min_baseline_weeks": 9, "baseline_weeks": 8}, "H505"),
    ],
)
def test_api_inconsistent_parameters_are_422_with_code_and_hint(client, path, params, code):
    response = client.get(path, params=params)
    assert response.status_code == 422
    (detail,) = response.json()["detail"]
    assert detail["type"] == code and detail["msg"]


@pytest.mark.parametrize(
    "params, code",
    [
        ({"since": "0001-01-01", "by": "day"}, "H508"),  # once 280 MB: the other end defaults to the last event
        ({"until": "9999-12-31"}, "H508"),  # ... and this one to the first
        ({"since": "1900-01-01", "until": "2022-01-01"}, "H508"),
        ({"since": "2000-01-01", "by": "day"}, "H530"),  # 22 years, 8,000 days
        ({"since": "2009-01-01", "until": "2022-09-10", "by": "day"}, "H530"),  # 5,001 days
    ],
)  # fmt: skip
def test_api_series_over_its_bounds_is_400_with_code_and_hint(client, params, code):
    response = client.get("/api/series", params=params)
    assert response.status_code == 400, response.text
    (detail,) = response.json()["detail"]
    assert detail["type"] == code and detail["msg"] and detail["hint"]


def test_api_series_within_its_bounds_zero_fills(client):
    points = get(client, "/api/series", since="2009-01-01", until="2022-09-09", by="day")["points"]  # 5,000 days
    assert len(points) == 5_000 and points[0]["period"] == "2009-01-01" and points[-1]["period"] == "2022-09-09"
    assert sum(p["events"] for p in points) == sum(p["events"] for p in get(client, "/api/series", by="day")["points"])


@pytest.mark.parametrize(
    "module, bound, path, code",
    [
        ("harbinger.analysis.events.MAX_POINTS", 3, "/api/timeline?by=week", "H530"),
        ("harbinger.analysis.events.MAX_POINTS", 3, "/api/dyad_view?by=week", "H530"),
        ("harbinger.analysis.series.MAX_POINTS", 3, "/api/series?by=week", "H530"),
        ("harbinger.analysis.alerts.MAX_CELLS", 10, "/api/alerts", "H531"),
    ],
)
def test_api_answers_past_a_size_bound_are_400(client, monkeypatch, module, bound, path, code):
    monkeypatch.setattr(module, bound)
    client.app.state.cache.clear()
    response = client.get(path)
    assert response.status_code == 400 and response.json()["detail"][0]["type"] == code


def test_api_alerts_since_scores_only_recent_weeks(client, monkeypatch):
    """Alerts scored from since's baseline on are the same alerts, and fit a bound the whole history does not."""
    loose = {"threshold": 1.0, "min_events": 1, "baseline_weeks": 2, "min_baseline_weeks": 1}
    everything = get(client, "/api/alerts", **loose)
    recent = [a for a in everything if a["week"] >= "2022-03-14"]
    monkeypatch.setattr("harbinger.analysis.alerts.MAX_CELLS", 50)  # the whole history scores 72 dyad-weeks, since 24
    client.app.state.cache.clear()
    assert client.get("/api/alerts", params=loose).status_code == 400
    assert get(client, "/api/alerts", **loose, since="2022-03-14") == recent != []


def test_api_health_names_the_store_file_not_its_path(client, seeded_db):
    health = get(client, "/api/health")
    assert health["db"] == seeded_db.name
    folder = str(seeded_db.parent)
    for path in ("/api/health", "/api/stats", "/openapi.json", "/api/series?since=0001-01-01", "/api/nope"):
        assert folder not in client.get(path).text


NASTY = ["'", "\"; DROP TABLE events; --", "%", "_", "\\", "é€😀", "\x00", " ", "NULL", "0" * 60]


@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize(
    "path, name",
    [("/api/events", "q"), ("/api/events", "actor"), ("/api/events", "source"), ("/api/events", "article_id"),
     ("/api/events", "place_country"), ("/api/articles", "q"), ("/api/quotes", "q"), ("/api/series", "source"),
     ("/api/alerts", "target"), ("/api/events", "actors"), ("/api/events", "ids"), ("/api/map", "countries"), ("/api/map", "bbox"),
     ("/api/dyad_view", "types"), ("/api/dyad_view", "modes"), ("/api/timeline", "timing"), ("/api/dyads", "min_confidence")],
)  # fmt: skip
def test_api_never_answers_500(client, path, name, value):
    assert client.get(path, params={name: value}).status_code in (200, 422)


@pytest.mark.parametrize("value", ["'", "..%2F..%2Fetc", "é€😀", "a" * 300])
def test_api_odd_ids_are_404(client, value):
    assert client.get(f"/api/events/{value}").status_code == 404


def test_api_is_read_only(client):
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete("/api/events/x").status_code == 405


def test_api_docs_and_dashboard_load_nothing_from_the_internet(client):
    for path in ("/docs", "/"):
        page = client.get(path).text
        assert "https://" not in page.replace("https://example.org", "") and "http://" not in page.replace("http://www.w3.org", "")
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/series", "/api/alerts", "/api/quotes", "/api/stats"} <= set(schema["paths"])
    assert "available" in schema["components"]["schemas"]["QuotePage"]["properties"]


def test_create_app_refuses_a_missing_store(tmp_path):
    with pytest.raises(HarbingerError) as caught:
        create_app(tmp_path / "missing.duckdb")
    assert caught.value.code == "H301"


def test_create_app_refuses_a_store_without_events(tmp_path):
    import duckdb

    from harbinger.store import _migrations

    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute(dict(_migrations())[1])
        db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
        db.execute("INSERT INTO schema_version VALUES (1, ?)", [date(2022, 1, 1)])
    with pytest.raises(HarbingerError) as caught:
        create_app(path)
    assert caught.value.code == "H507" and "harbinger run" in caught.value.hint


def test_api_store_failure_is_503_with_a_code_and_no_detail(client, monkeypatch):
    import duckdb

    def out_of_memory(view):
        raise duckdb.OutOfMemoryException("could not allocate block in /srv/secret/store.duckdb.tmp")

    monkeypatch.setattr("harbinger.api.app.store_overview", out_of_memory)
    client.app.state.cache.clear()
    response = client.get("/api/stats")
    assert response.status_code == 503 and response.json()["detail"][0]["type"] == "H536" and "/srv" not in response.text
