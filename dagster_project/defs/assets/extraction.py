"""raw.articles → event reports, claims and indicator mentions (the extraction core)."""


import dagster as dg
from dagster_duckdb import DuckDBResource

from dagster_project.extraction import extract_article
from dagster_project.readers.base import QuarantineRecord
from dagster_project.warehouse.loader import record_quarantine, replace_rows
from dagster_project.warehouse.schema import ensure_raw_schema

EXTRACTION_TABLES = ("article_event_reports", "article_claims", "article_indicator_mentions")


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", t], group_name="extraction", deps=[["raw", "articles"]],
                     description=f"Extraction output: {t.replace('_', ' ')}.")
        for t in EXTRACTION_TABLES
    ],
)
def article_extractions(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    with duckdb.get_connection() as con:
        ensure_raw_schema(con)
        articles = con.execute(
            "select article_id, text, published, country_hint, source_path, record_locator from raw.articles order by article_id"
        ).fetchall()
    reports, claims, mentions, failed = [], [], [], []
    for article_id, text, published, country_hint, source_path, locator in articles:
        try:
            result = extract_article(text, article_id=article_id, published=published, country_hint=country_hint)
        except Exception as exc:  # one bad article must not stop the batch
            failed.append(QuarantineRecord(source_path, locator, f"extraction failed for article {article_id}: {exc}", text))
            continue
        reports += [r.as_row() for r in result.reports]
        claims += [c.as_row() for c in result.claims]
        mentions += [m.as_row() for m in result.mentions]
    with duckdb.get_connection() as con:
        replace_rows(con, "article_event_reports", reports)
        replace_rows(con, "article_claims", claims)
        replace_rows(con, "article_indicator_mentions", mentions)
        record_quarantine(con, failed, stage="extraction")
    context.log.info(
        f"extraction: {len(articles)} articles → {len(reports)} event reports, {len(claims)} claims, "
        f"{len(mentions)} indicator mentions, {len(failed)} failed"
    )
    counts = {"article_event_reports": len(reports), "article_claims": len(claims), "article_indicator_mentions": len(mentions)}
    for table in EXTRACTION_TABLES:
        yield dg.MaterializeResult(asset_key=["raw", table], metadata={"rows": counts[table], "articles": len(articles)})
