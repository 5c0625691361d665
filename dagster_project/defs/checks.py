"""Python asset checks on what dbt cannot see: quarantine rate, extraction coverage, freshness.

The checks on inputs warn: bad input must never stop the rest of a load (the contract). The
check that every loaded article has been extracted blocks publication: without it, a run
that loaded new article files but did not extract them (a partial materialisation from the
Dagster UI, say) would publish marts that silently lack those articles' events and figures.
dbt's own tests block publication of an inconsistent warehouse the same way.
"""


import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.defs.partitions import DUCKDB_POOL

MAX_QUARANTINE_SHARE = 0.2
MIN_EXTRACTION_COVERAGE = 0.5
MAX_INDICATOR_AGE_DAYS = 2 * 365


@dg.asset_check(pool=DUCKDB_POOL, asset=dg.AssetKey(["raw", "articles"]), description=f"At most {MAX_QUARANTINE_SHARE:.0%} of article records quarantined.")
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


@dg.asset_check(pool=DUCKDB_POOL, asset=dg.AssetKey(["raw", "article_event_reports"]), description=f"At least {MIN_EXTRACTION_COVERAGE:.0%} of articles yield an event report.")
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


@dg.asset_check(pool=DUCKDB_POOL, asset=dg.AssetKey(["marts", "fct_indicator_observations"]), description="Every indicator has an observation within two years.")
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


@dg.asset_check(
    pool=DUCKDB_POOL, asset=dg.AssetKey(["marts", "fct_events"]), blocking=True,
    description="Every loaded article has been extracted (or its extraction failure quarantined); blocks publication.",
)
def articles_all_extracted(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    with duckdb.get_connection() as con:
        missing = con.execute(
            "select a.source_path, count(*) from raw.articles a "
            "left join raw.article_extraction_state s using (article_id) "
            "where s.article_id is null and not exists (select 1 from raw.quarantine q where q.stage = 'extraction' "
            "and q.source_path = a.source_path and q.reason like 'extraction failed for article ' || a.article_id || ':%') "
            "group by 1 order by 1"
        ).fetchall()
    return dg.AssetCheckResult(
        passed=not missing,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"articles_not_extracted": sum(n for _, n in missing),
                  "files": ", ".join(f"{path} ({n})" for path, n in missing[:20]) or "none"},
    )


ALL_CHECKS = [articles_quarantine_rate, extraction_coverage, indicator_freshness, articles_all_extracted]
