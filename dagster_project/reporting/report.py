"""`unrest report`: one country's unrest against its economy, as a PNG and an HTML page.

Reads only the published warehouse (read-only connection), so it can run while a build
is going on.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import duckdb

MONTHLY_SQL = """
    select month, protest_events, repression_events, deaths_max_claimed,
           inflation_cpi_pct, fx_market_lcu_per_usd, fx_official_lcu_per_usd, sanction_actions
    from marts.country_month
    where country_iso3 = ?
    order by month
"""

SANCTIONS_SQL = """
    select coalesce(effective_date, announced_date) as on_date, sanctioning_party, action, sectors, description
    from marts.fct_sanctions
    where target_iso3 = ? and coalesce(effective_date, announced_date) is not null
    order by on_date
"""

WAVES_SQL = """
    select e.event_date, e.location, e.report_count, e.source_count,
           e.deaths_min_claimed, e.deaths_max_claimed, e.arrests_min_claimed, e.arrests_max_claimed
    from marts.fct_events e
    where e.country_iso3 = ? and e.event_type = 'PROTEST'
      and (e.deaths_max_claimed is not null or e.arrests_max_claimed is not null)
    order by e.event_date nulls last
"""


@dataclass
class ReportFiles:
    png: Path
    html: Path


def _fetch(con, sql: str, country: str) -> tuple[list[str], list[tuple]]:
    cur = con.execute(sql, [country])
    return [d[0] for d in cur.description], cur.fetchall()


def render_chart(monthly: list[dict], sanctions: list[dict], country: str, out: Path) -> Path:
    """Protest events and claimed deaths per month, inflation and the market rate, sanctions as markers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    months = [r["month"] for r in monthly]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 7), sharex=True, gridspec_kw={"height_ratios": [1, 1]})
    top.bar(months, [r["protest_events"] or 0 for r in monthly], width=25, color="#c0392b", label="protest events")
    top.set_ylabel("protest events")
    deaths_axis = top.twinx()
    deaths = [(m, r["deaths_max_claimed"]) for m, r in zip(months, monthly) if r["deaths_max_claimed"]]
    if deaths:
        deaths_axis.scatter([d[0] for d in deaths], [d[1] for d in deaths], color="black", marker="x", label="deaths (max claimed)")
        deaths_axis.set_yscale("log")
    deaths_axis.set_ylabel("deaths, max claimed (log)")
    top.set_title(f"{country}: protest events and claimed deaths against inflation and the market exchange rate")

    bottom.plot(months, [r["inflation_cpi_pct"] for r in monthly], color="#2c3e50", label="inflation, CPI % (annual, as known)")
    bottom.set_ylabel("inflation %")
    fx_axis = bottom.twinx()
    fx_axis.plot(months, [r["fx_market_lcu_per_usd"] for r in monthly], color="#27ae60", label="market rate, LCU per USD")
    fx_axis.set_ylabel("LCU per USD")
    for axis in (top, bottom):
        for s in sanctions:
            if months and months[0] <= s["on_date"] <= months[-1]:
                axis.axvline(s["on_date"], color="#8e44ad", alpha=0.35, linewidth=1)
    handles = [h for ax in (top, deaths_axis, bottom, fx_axis) for h in ax.get_legend_handles_labels()[0]]
    labels = [lab for ax in (top, deaths_axis, bottom, fx_axis) for lab in ax.get_legend_handles_labels()[1]]
    if sanctions:
        from matplotlib.lines import Line2D

        handles.append(Line2D([0], [0], color="#8e44ad", alpha=0.5))
        labels.append("sanctions action")
    fig.legend(handles, labels, loc="lower center", ncol=3, fontsize=8)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def _html_table(columns: list[str], rows: list[tuple]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def write_report(warehouse: Path, country: str, out_dir: Path) -> ReportFiles:
    """Write `<country>_timeline.png` and `<country>_report.html` into `out_dir`."""
    if not warehouse.exists():
        raise FileNotFoundError(f"no published warehouse at {warehouse}; run `unrest build` first")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cols, monthly_rows = _fetch(con, MONTHLY_SQL, country)
        monthly = [dict(zip(cols, r)) for r in monthly_rows]
        s_cols, s_rows = _fetch(con, SANCTIONS_SQL, country)
        sanctions = [dict(zip(s_cols, r)) for r in s_rows]
        w_cols, w_rows = _fetch(con, WAVES_SQL, country)
    finally:
        con.close()
    if not monthly:
        raise ValueError(f"no rows for country {country!r} in marts.country_month")
    out_dir.mkdir(parents=True, exist_ok=True)
    png = render_chart(monthly, sanctions, country, out_dir / f"{country}_timeline.png")
    page = out_dir / f"{country}_report.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Unrest Warehouse: {html.escape(country)}</title>"
        "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}table{border-collapse:collapse;font-size:13px}"
        "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}</style></head><body>"
        f"<h1>{html.escape(country)}: unrest, claims, sanctions and the economy</h1>"
        f"<img src='{png.name}' alt='timeline' style='max-width:100%'>"
        "<h2>Protest events with claimed casualties (envelope of all claims)</h2>"
        + _html_table(w_cols, w_rows)
        + "<h2>Sanctions actions</h2>"
        + _html_table(s_cols, s_rows)
        + "<p>Indicators are as known at the end of each month (no look-ahead). Source: marts.country_month.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    return ReportFiles(png=png, html=page)
