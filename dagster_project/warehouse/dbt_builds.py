"""Bookkeeping for dbt's incremental marts: what each model has taken in, and when a full
refresh is needed.

An incremental mart (`fct_event_reports`, `fct_claims`) takes in the articles extracted
since it was last built successfully: `raw.dbt_model_builds` holds, per model, when that
build started (every extraction written before it is in the model) and the dbt project
that built it. The marts also rewrite the reports on days whose event changed, which
`int_event_days` finds by comparing itself with the table it replaces; that is only right
if the marts were built together with it last time. So a build marks every record
unfinished before dbt starts and records the models dbt built once it has succeeded: after
a build that failed or built only some of the marts, the next build is a full refresh, as it
is when the dbt project itself changed (a model, seed, macro or variable), whose stored rows
may be stale in ways the rules cannot see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import polars as pl


def incremental_models(manifest: dict) -> list[str]:
    """Names of the project's incremental models."""
    return sorted(node["name"] for node in manifest["nodes"].values()
                  if node["resource_type"] == "model" and node["config"].get("materialized") == "incremental")


def project_fingerprint(manifest: dict, project_dir: Path) -> str:
    """A digest of everything in the dbt project that decides what a model holds: every model's
    and seed's checksum, the project's own macros, and dbt_project.yml (its variables)."""
    digest = hashlib.sha256((project_dir / "dbt_project.yml").read_bytes())
    for unique_id, node in sorted(manifest["nodes"].items()):
        if node["resource_type"] in ("model", "seed"):
            digest.update(f"{unique_id}\0{node['checksum']['checksum']}\n".encode())
    for unique_id, macro in sorted(manifest["macros"].items()):
        if macro["package_name"] == manifest["metadata"]["project_name"]:
            digest.update(f"{unique_id}\0{macro['macro_sql']}\n".encode())
    return digest.hexdigest()


UNFINISHED = "unfinished"  # in place of a project fingerprint: a build started and has not recorded success


def needs_full_refresh(con, models: list[str], fingerprint: str) -> bool:
    """True unless every incremental model was last built, successfully, by this same dbt
    project (a build that failed or left some of them out marks them unfinished)."""
    if not models:
        return False
    recorded = dict(con.execute("select model, project_fingerprint from raw.dbt_model_builds").fetchall())
    return any(recorded.get(model) != fingerprint for model in models)


def most_articles_changed(con, models: list[str], share: float = 0.2, at_least: int = 10_000) -> bool:
    """Whether more than `share` of the articles, and more than `at_least`, were extracted
    since the incremental marts were last built (a new extractor re-extracts them all).
    Rewriting most of a large mart row by row costs more than building it again, and at
    100,000 articles it ran out of DuckDB's memory limit; small rewrites stay incremental."""
    extracted, articles = con.execute(
        "select count(*) filter (where extracted_at >= (select min(started_at) from raw.dbt_model_builds where model in "
        "(select unnest(?::varchar[])))), count(*) from raw.article_extraction_state", [models]
    ).fetchone()
    return extracted > at_least and extracted > share * articles


def mark_builds_unfinished(con) -> None:
    """Before dbt starts: until `record_model_builds` says otherwise, no model counts as built."""
    con.execute("update raw.dbt_model_builds set project_fingerprint = ?", [UNFINISHED])


def rebuilt_only_on_change(manifest: dict) -> list[tuple[str, str]]:
    """(schema, name) of the seeds and views: what they hold is fixed by the dbt project alone
    (a seed's CSV, a view's SQL), so a build of an unchanged project need not redo them."""
    return sorted((node["schema"], node["alias"] or node["name"]) for node in manifest["nodes"].values()
                  if node["resource_type"] == "seed"
                  or (node["resource_type"] == "model" and node["config"].get("materialized") == "view"))


def skip_unchanged_seeds_and_views(con, manifest: dict, full_refresh: bool) -> list[str]:
    """dbt arguments that leave out the seeds and views when the project is the one that last
    built the incremental marts (no full refresh) and every seed and view is in the warehouse.

    Each seed and view is then exactly as that build left it, and reloading nine CSVs and
    recreating thirteen views cost about 2 s of dbt's time on every build, however small."""
    if full_refresh:
        return []
    wanted = rebuilt_only_on_change(manifest)
    present = set(con.execute("select table_schema, table_name from information_schema.tables").fetchall())
    if not wanted or any(relation not in present for relation in wanted):
        return []
    return ["--exclude", "resource_type:seed config.materialized:view"]


def record_model_builds(con, models: list[str], started_at: dt.datetime, fingerprint: str) -> None:
    """Record that `models` were built successfully by a dbt build started at `started_at`."""
    if not models:
        return
    frame = pl.DataFrame({"model": models, "started_at": [started_at] * len(models), "project_fingerprint": [fingerprint] * len(models)},
                         schema={"model": pl.Utf8, "started_at": pl.Datetime("us"), "project_fingerprint": pl.Utf8})
    con.register("built_models", frame)
    con.execute("begin transaction")
    try:
        con.execute("delete from raw.dbt_model_builds where model in (select model from built_models)")
        con.execute("insert into raw.dbt_model_builds select model, started_at, project_fingerprint from built_models")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("built_models")


def models_built(run_results: dict) -> list[str]:
    """The models a dbt invocation built successfully, from its run_results.json."""
    return sorted(result["unique_id"].split(".")[-1] for result in run_results["results"]
                  if result["unique_id"].startswith("model.") and result["status"] == "success")


def load_manifest(path: Path) -> dict:
    return json.loads(path.read_text())
