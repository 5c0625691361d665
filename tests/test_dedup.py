"""Cross-source deduplication in fct_events (rule in dbt/models/intermediate/int_event_days.sql)."""

import duckdb


def protests(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(
            "select location, event_date, report_count, source_count from marts.fct_events "
            "where event_type = 'PROTEST' and source_count > 0 and location is not null order by event_date, location"
        ).fetchall()
    finally:
        con.close()


def test_the_same_protest_from_two_outlets_is_one_event(dedup_warehouse):
    tabriz = [p for p in protests(dedup_warehouse) if p[0] == "Tabriz"]
    first = tabriz[0]
    assert first[1].isoformat() == "2026-02-02" and first[2] == 2 and first[3] == 2


def test_two_cities_on_one_day_stay_two_and_a_week_apart_stays_two(dedup_warehouse):
    found = protests(dedup_warehouse)
    same_day = [p for p in found if p[1].isoformat() == "2026-02-10"]
    assert sorted(p[0] for p in same_day) == ["Kerman", "Shiraz"]
    tabriz = [p for p in found if p[0] == "Tabriz"]
    assert [p[1].isoformat() for p in tabriz] == ["2026-02-02", "2026-02-20"]


def test_a_long_chain_of_daily_reports_is_cut_into_events_of_at_most_a_week(dedup_warehouse):
    isfahan = [p for p in protests(dedup_warehouse) if p[0] == "Isfahan"]
    assert [(p[1].isoformat(), p[2]) for p in isfahan] == [("2026-03-01", 7), ("2026-03-08", 5)]


def test_an_article_sanction_matching_the_timeline_is_attached_not_duplicated(dedup_warehouse):
    con = duckdb.connect(str(dedup_warehouse), read_only=True)
    try:
        rows = con.execute(
            "select sanction_id, source, article_report_ids from marts.fct_sanctions "
            "where action = 'withdraw_agreement' and sanctioning_party = 'USA'"
        ).fetchall()
        report = con.execute("select report_id from marts.fct_event_reports where event_mode = 'withdraw_agreement'").fetchone()[0]
    finally:
        con.close()
    assert rows == [("2018-05-08-usa-withdraw_agreement", "seed", report)]
