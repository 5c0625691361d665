"""Python asset checks on what dbt cannot see: quarantine rate, extraction coverage, freshness.

They warn rather than block: bad input must never stop the rest of a load (the contract),
and dbt's own tests already block publication of an inconsistent warehouse.
"""


import dagster as dg
from dagster_duckdb import DuckDBResource

MAX_QUARANTINE_SHARE = 0.2
MIN_EXTRACTION_COVERAGE = 0.5
MAX_INDICATOR_AGE_DAYS = 2 * 365


@dg.asset_check(asset=dg.AssetKey(["raw", "articles"]), description=f"At most {MAX_QUARANTINE_SHARE:.0%} of article records quarantined.")
def articles_quarantine_rate(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        loaded = con.execute("select count(*) from raw.articles").fetchone()[0]
        rejected = con.execute("select count(*) from raw.quarantine where stage = 'articles'").fetchone()[0]
    share = rejected / (loaded + rejected) if loaded + rejected else 0.0
    return dg.AssetCheckResult(
        passed=share <= MAX_QUARANTINE_SHARE,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"loaded": loaded, "quarantined": rejected, "quarantine_share": share},
    )


@dg.asset_check(asset=dg.AssetKey(["raw", "article_event_reports"]), description=f"At least {MIN_EXTRACTION_COVERAGE:.0%} of articles yield an event report.")
def extraction_coverage(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        articles, covered = con.execute(
            "select count(*), count(*) filter (where article_id in (select article_id from raw.article_event_reports)) from raw.articles"
        ).fetchone()
    share = covered / articles if articles else 1.0
    return dg.AssetCheckResult(
        passed=share >= MIN_EXTRACTION_COVERAGE,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"articles": articles, "with_events": covered, "coverage": share},
    )


@dg.asset_check(asset=dg.AssetKey(["marts", "fct_indicator_observations"]), description="Every indicator has an observation within two years.")
def indicator_freshness(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        stale = con.execute(
            "select indicator, max(period_end) as latest from marts.fct_indicator_observations group by indicator "
            f"having max(period_end) < current_date - interval {MAX_INDICATOR_AGE_DAYS} day order by indicator"
        ).fetchall()
    return dg.AssetCheckResult(
        passed=not stale,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"stale_indicators": ", ".join(f"{i} (latest {d})" for i, d in stale) or "none"},
    )


ALL_CHECKS = [articles_quarantine_rate, extraction_coverage, indicator_freshness]
