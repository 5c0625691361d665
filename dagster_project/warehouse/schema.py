"""DDL of the `raw` schema: what the Python side loads and dbt reads as sources.

One table per kind of record. Column names follow the contract tables they feed, so the
staging models stay a thin rename-free layer.
"""

from __future__ import annotations

RAW_TABLES: dict[str, str] = {
    "quarantine": """
        source_path varchar not null,
        record_locator varchar,
        reason varchar not null,
        payload varchar,
        loaded_at timestamp not null,
        stage varchar not null
    """,
    "articles": """
        article_id varchar primary key,
        source_path varchar not null,
        record_locator varchar,
        title varchar,
        published date,
        published_at timestamp,
        outlet varchar,
        url varchar,
        language varchar,
        country_hint varchar,
        text varchar not null,
        content_hash varchar not null,
        loaded_at timestamp not null
    """,
    # One row per event as the article reports it (contract 3.1 without event_id, which dbt assigns).
    # The three tables of extracted rows have no primary key (see UNINDEXED_TABLES).
    "article_event_reports": """
        report_id varchar not null,
        article_id varchar not null,
        event_type varchar not null,
        event_mode varchar,
        acled_event_type varchar,
        acled_sub_event_type varchar,
        actor1 varchar, actor1_type varchar, actor1_iso3 varchar,
        actor2 varchar, actor2_type varchar, actor2_iso3 varchar,
        participants varchar,
        country_iso3 varchar,
        location varchar, admin1 varchar,
        latitude double, longitude double,
        geo_precision varchar,
        event_date date, event_date_end date,
        date_precision varchar,
        stance varchar,
        attributed_to varchar,
        evidence_text varchar,
        evidence_start integer, evidence_end integer,
        confidence double,
        extractor_version varchar
    """,
    "article_claims": """
        claim_id varchar not null,
        article_id varchar not null,
        report_id varchar,
        claimed_on date,
        quantity varchar not null,
        value_low bigint, value_high bigint,
        value_text varchar,
        qualifier varchar,
        relation varchar, relative_to_claim_id varchar,
        part_of_claim_id varchar,
        victim_group varchar,
        claimant varchar, claimant_type varchar,
        stance varchar,
        country_iso3 varchar,
        evidence_text varchar,
        evidence_start integer, evidence_end integer,
        confidence double,
        extractor_version varchar
    """,
    "article_indicator_mentions": """
        mention_id varchar not null,
        article_id varchar not null,
        country_iso3 varchar,
        indicator varchar not null,
        claim_direction varchar not null,
        evidence_text varchar,
        evidence_start integer, evidence_end integer,
        extractor_version varchar
    """,
    # Rows from event datasets under raw/events (ACLED, GDELT): same columns as the
    # article reports, plus where they came from.
    "dataset_event_reports": """
        report_id varchar primary key,
        source_dataset varchar not null,
        source_ref varchar not null,
        event_type varchar not null,
        event_mode varchar,
        acled_event_type varchar,
        acled_sub_event_type varchar,
        actor1 varchar, actor1_type varchar, actor1_iso3 varchar,
        actor2 varchar, actor2_type varchar, actor2_iso3 varchar,
        country_iso3 varchar,
        location varchar, admin1 varchar,
        latitude double, longitude double,
        geo_precision varchar,
        event_date date, event_date_end date,
        date_precision varchar,
        stance varchar,
        evidence_text varchar,
        confidence double,
        source_path varchar not null,
        record_locator varchar
    """,
    "dataset_claims": """
        claim_id varchar primary key,
        source_dataset varchar not null,
        source_ref varchar not null,
        report_id varchar,
        claimed_on date,
        quantity varchar not null,
        value_low bigint, value_high bigint,
        value_text varchar,
        qualifier varchar,
        claimant varchar, claimant_type varchar,
        stance varchar,
        country_iso3 varchar
    """,
    # Each article file as last loaded (one Dagster partition each): an unchanged
    # fingerprint means the file is not read again; an unchanged `file_stat` (reader
    # version, size and modification time) means it is not even hashed again.
    "article_files": """
        source_path varchar primary key,
        fingerprint varchar not null,
        articles integer not null,
        duplicates integer not null,
        quarantined integer not null,
        loaded_at timestamp not null,
        file_stat varchar
    """,
    # What the extraction tables were computed from, per article: a changed text, date,
    # hint, outlet or extractor version means the article is extracted again.
    "article_extraction_state": """
        article_id varchar primary key,
        extraction_key varchar not null,
        extracted_at timestamp not null
    """,
    # Per dbt model, when the last `dbt build` that built it successfully started (written
    # by the dbt asset): the incremental marts take in articles extracted since then.
    "dbt_model_builds": """
        model varchar primary key,
        started_at timestamp not null,
        project_fingerprint varchar not null
    """,
    # Indicator observations read from files under raw/indicators (seeds come through dbt).
    "indicator_observations": """
        country_iso3 varchar not null,
        indicator varchar not null,
        frequency varchar not null,
        period_start date not null,
        period_end date not null,
        value double not null,
        unit varchar,
        source varchar not null,
        source_series_code varchar,
        vintage varchar,
        source_path varchar not null,
        record_locator varchar
    """,
}


# Tables of extracted rows, written chunk by chunk while the corpus is extracted, without a
# primary key: DuckDB's index on a key costs more than the rows themselves (the main
# process's time writing 10,000 articles' rows went from 6.2 s to 3.0 s without it, and the
# index grows with the corpus). Their ids hash the article id, and
# `extraction_store` refuses an article whose rows repeat an id; the marts' unique tests
# check the ids again before anything is published.
UNINDEXED_TABLES = {"article_event_reports": "report_id", "article_claims": "claim_id", "article_indicator_mentions": "mention_id"}


def create_table_sql(name: str) -> str:
    return f"create table if not exists raw.{name} ({RAW_TABLES[name]})"


def ensure_raw_schema(con) -> None:
    """Create the raw schema and every raw table (idempotent)."""
    con.execute("create schema if not exists raw")
    for name in RAW_TABLES:
        con.execute(create_table_sql(name))
    # A warehouse built when those tables had a primary key: rebuilt once without it.
    keyed = {r[0] for r in con.execute(
        "select table_name from duckdb_constraints() where schema_name = 'raw' and constraint_type = 'PRIMARY KEY'"
    ).fetchall()} & set(UNINDEXED_TABLES)
    for name in sorted(keyed):
        con.execute("begin transaction")
        try:
            con.execute(f"create table raw.{name}__unindexed ({RAW_TABLES[name]})")
            con.execute(f"insert into raw.{name}__unindexed by name select * from raw.{name}")
            con.execute(f"drop table raw.{name}")
            con.execute(f"alter table raw.{name}__unindexed rename to {name}")
            con.execute("commit")
        except Exception:
            con.execute("rollback")
            raise
    # Columns added since a table was first created: a warehouse built before them gains them.
    con.execute("alter table raw.article_files add column if not exists file_stat varchar")
