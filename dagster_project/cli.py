"""`unrest`: build the warehouse, extract one article, query the published warehouse.

Exit codes (contract section 2): 0 success, 1 an asset/check/query failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import sys
import warnings
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(f"unrest: {message}", file=sys.stderr)


def _quiet_dagster_warnings() -> None:
    import dagster as dg

    for category in (dg.BetaWarning, dg.PreviewWarning, DeprecationWarning, UserWarning):
        warnings.filterwarnings("ignore", category=category)


# ---------------------------------------------------------------------------- build
def cmd_build(args: argparse.Namespace) -> int:
    from dagster_project.config import load_settings

    settings = load_settings().with_overrides(raw_dir=args.raw_dir, warehouse=args.warehouse)
    if not settings.raw_dir.is_dir():
        _err(f"raw directory {settings.raw_dir} does not exist (set --raw-dir or UNREST_RAW_DIR)")
        return EXIT_USAGE
    _quiet_dagster_warnings()
    import dagster as dg

    from dagster_project.definitions import ALL_ASSETS, ALL_CHECKS, PARTITIONED_KEYS
    from dagster_project.defs.partitions import all_files_tags, sync_article_partitions
    from dagster_project.warehouse.article_store import forget_all_articles
    from dagster_project.defs.assets.publish import PUBLISHED_KEY
    from dagster_project.defs.resources import build_resources
    from dagster_project.warehouse.publisher import BuildLockedError, build_lock, prepare_working_copy, writer_lock

    selection = None
    if args.select:
        try:
            selection = dg.AssetSelection.from_string(args.select) | dg.AssetSelection.assets(PUBLISHED_KEY)
        except Exception as exc:  # the selection grammar's own message is the useful part
            _err(f"invalid --select {args.select!r}: {exc}")
            return EXIT_USAGE

    print(f"unrest: building from {settings.raw_dir}", file=sys.stderr)
    try:
        # The writer lock also waits out a run launched from the Dagster UI on the same copy.
        with build_lock(settings.working_copy), writer_lock(settings.working_copy, on_wait=lambda m: print(f"unrest: {m}", file=sys.stderr)):
            prepare_working_copy(settings.working_copy, settings.warehouse)
            instance = dg.DagsterInstance.ephemeral()
            if not sync_article_partitions(instance, settings.raw_dir):
                # No article file left, so no partition to run: drop what removed files loaded.
                forget_all_articles(settings.working_copy, settings.raw_dir)
                unpartitioned = dg.AssetSelection.all() - dg.AssetSelection.assets(*PARTITIONED_KEYS)
                selection = unpartitioned if selection is None else selection & unpartitioned
            result = dg.materialize(
                [*ALL_ASSETS, *ALL_CHECKS],
                instance=instance,
                resources=build_resources(settings),
                selection=selection,
                raise_on_error=False,
                tags=all_files_tags(instance),
                run_config={"loggers": {"console": {"config": {"log_level": args.log_level}}}},
            )
    except BuildLockedError as exc:
        _err(str(exc))
        return EXIT_FAILED
    if not result.success:
        failures = [f"{e.step_key}: {_root_cause(e)}" for e in result.all_events if e.is_step_failure]
        _err("build failed; the published warehouse was left unchanged")
        for failure in failures:
            print(f"  - {failure}", file=sys.stderr)
        return EXIT_FAILED
    print(f"unrest: warehouse published at {settings.warehouse}", file=sys.stderr)
    program = sys.argv[0] if "/" in sys.argv[0] and Path(sys.argv[0]).name == "unrest" else "unrest"
    print(
        f"Try: {program} query \"select claimant, claimant_type, quantity, value_low, value_high, qualifier, relation "
        f"from marts.fct_claims where source_dataset = 'article'\"",
        file=sys.stderr,
    )
    return EXIT_OK


def _root_cause(event) -> str:
    """The innermost error message of a failed step (dbt's own summary for dbt failures)."""
    error = getattr(event.event_specific_data, "error", None)
    if error is None:
        return event.message or "failed"
    while error.cause is not None:
        error = error.cause
    lines = [line for line in error.message.strip().splitlines() if line.strip()]
    wanted = [line for line in lines if "ERROR" in line or "FAIL" in line or "Failure in" in line] or lines
    return " | ".join(line.strip() for line in wanted[:6])


# ---------------------------------------------------------------------------- extract
def cmd_extract(args: argparse.Namespace) -> int:
    from dagster_project.extraction import extract_article, result_to_json
    from dagster_project.readers.articles import read_article_file

    path = Path(args.file)
    if not path.is_file():
        _err(f"{path}: no such file")
        return EXIT_USAGE
    published = None
    if args.published:
        try:
            published = dt.date.fromisoformat(args.published[:10])
        except ValueError:
            _err(f"--published {args.published!r} is not a date (YYYY-MM-DD)")
            return EXIT_USAGE
    read = read_article_file(path, root=path.parent)
    if read.quarantine:
        for q in read.quarantine:
            _err(f"{q.source_path} ({q.record_locator or 'file'}): {q.reason}")
        if not read.rows:
            return EXIT_FAILED
    outputs = []
    for row in read.rows:
        result = extract_article(
            row["text"], article_id=row["article_id"],
            published=published or row.get("published"), country_hint=row.get("country_hint"),
        )
        outputs.append(result_to_json(result))
    if args.format == "json":
        json.dump(outputs[0] if len(outputs) == 1 else outputs, sys.stdout, indent=2, ensure_ascii=False, default=str)
        print()
        return EXIT_OK
    for out in outputs:
        print(f"article {out['article_id']}")
        _print_table(
            ["event_type", "event_mode", "actor1", "actor2", "country_iso3", "event_date", "date_precision", "stance", "evidence_text"],
            [[r.get(c) for c in ["event_type", "event_mode", "actor1", "actor2", "country_iso3", "event_date", "date_precision", "stance", "evidence_text"]] for r in out["reports"]],
        )
        _print_table(
            ["quantity", "value_low", "value_high", "qualifier", "relation", "claimant", "claimant_type", "stance", "value_text"],
            [[c.get(k) for k in ["quantity", "value_low", "value_high", "qualifier", "relation", "claimant", "claimant_type", "stance", "value_text"]] for c in out["claims"]],
        )
        _print_table(
            ["indicator", "claim_direction", "evidence_text"],
            [[m.get(k) for k in ["indicator", "claim_direction", "evidence_text"]] for m in out["mentions"]],
        )
    return EXIT_OK


# ---------------------------------------------------------------------------- query
def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from dagster_project.config import load_settings

    settings = load_settings().with_overrides(warehouse=args.warehouse)
    if not settings.warehouse.exists():
        _err(f"no published warehouse at {settings.warehouse}; run `unrest build` first")
        return EXIT_FAILED
    try:
        con = duckdb.connect(str(settings.warehouse), read_only=True)
    except duckdb.Error as exc:
        _err(f"cannot open {settings.warehouse}: {exc}")
        return EXIT_FAILED
    try:
        cursor = con.execute(args.sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        rows = cursor.fetchall() if columns else []
    except duckdb.Error as exc:
        _err(f"query failed: {exc}")
        return EXIT_FAILED
    finally:
        con.close()
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif args.format == "json":
        json.dump([dict(zip(columns, r)) for r in rows], sys.stdout, indent=2, ensure_ascii=False, default=str)
        print()
    else:
        _print_table(columns, rows)
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return EXIT_OK


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value).replace("\n", " ")


def _print_table(columns: list[str], rows: list) -> None:
    """Print rows as an aligned table that fits the terminal: wide columns are cut with '…'."""
    if not columns:
        return
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    budget = shutil.get_terminal_size((120, 24)).columns
    while sum(widths) + 3 * (len(widths) - 1) > budget and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def fit(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    print(" | ".join(fit(c, w).ljust(w) for c, w in zip(columns, widths)))
    print("-+-".join("-" * w for w in widths))
    for r in cells:
        print(" | ".join(fit(v, w).ljust(w) for v, w in zip(r, widths)))


# ---------------------------------------------------------------------------- report
def cmd_report(args: argparse.Namespace) -> int:
    from dagster_project.config import load_settings
    from dagster_project.reporting.report import write_report

    settings = load_settings().with_overrides(warehouse=args.warehouse)
    try:
        files = write_report(settings.warehouse, args.country.upper(), Path(args.out))
    except (FileNotFoundError, ValueError) as exc:
        _err(str(exc))
        return EXIT_FAILED
    print(f"wrote {files.png}\nwrote {files.html}")
    return EXIT_OK


# ---------------------------------------------------------------------------- export
def cmd_export(args: argparse.Namespace) -> int:
    from dagster_project.config import load_settings
    from dagster_project.warehouse.parquet_export import export_parquet

    settings = load_settings().with_overrides(warehouse=args.warehouse)
    if not settings.warehouse.exists():
        _err(f"no published warehouse at {settings.warehouse}; run `unrest build` first")
        return EXIT_FAILED
    written = export_parquet(settings.warehouse, Path(args.out))
    print(f"wrote {len(written)} tables, {sum(written.values())} rows, to {args.out}")
    return EXIT_OK


# ---------------------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unrest", description="Unrest Warehouse: protests, claims, sanctions and the economy in DuckDB.")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="materialise every asset (or a selection) and publish the warehouse")
    b.add_argument("--raw-dir", help="input directory (default: UNREST_RAW_DIR or raw/)")
    b.add_argument("--warehouse", help="published DuckDB file (default: UNREST_WAREHOUSE or warehouse/unrest.duckdb)")
    b.add_argument("--select", help="Dagster asset selection, e.g. 'key:\"raw/articles\"+' or 'group:marts'")
    b.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("extract", help="print the event reports and claims of one article file")
    e.add_argument("file")
    e.add_argument("--published", help="publication date (YYYY-MM-DD) to resolve relative dates against")
    e.add_argument("--format", choices=["json", "table"], default="json")
    e.set_defaults(func=cmd_extract)

    q = sub.add_parser("query", help="run SQL read-only against the published warehouse")
    q.add_argument("sql")
    q.add_argument("--warehouse", help="published DuckDB file (default: UNREST_WAREHOUSE or warehouse/unrest.duckdb)")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query)

    r = sub.add_parser("report", help="write a PNG timeline and an HTML page for one country")
    r.add_argument("--country", default="IRN", help="ISO3 code (default IRN)")
    r.add_argument("--out", default="reports", help="output directory (default reports/)")
    r.add_argument("--warehouse", help="published DuckDB file (default: UNREST_WAREHOUSE or warehouse/unrest.duckdb)")
    r.set_defaults(func=cmd_report)

    x = sub.add_parser("export", help="write the raw and marts layers as hive-partitioned Parquet")
    x.add_argument("--out", required=True, help="output directory")
    x.add_argument("--warehouse", help="published DuckDB file (default: UNREST_WAREHOUSE or warehouse/unrest.duckdb)")
    x.set_defaults(func=cmd_export)

    sub.add_parser("eval", help="score the extractor on a labelled corpus (precision, recall, F1); see `unrest eval --help`")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["eval"]:  # its own options, parsed by the evaluation module
        from dagster_project.evaluation import main as eval_main

        return eval_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
