"""`unrest eval`: precision, recall and F1 of the extractor on a labelled corpus.

A corpus is a folder of articles in the warehouse's article format (`*.md` with front
matter) and a folder of gold files with the same stem (`*.yml`: `events`, `claims`,
`mentions`). Matching is one-to-one and greedy, per article:

- an event matches on event_type, country_iso3 and date: both undated, or the predicted
  date inside the gold date's window (its day, week, month or year);
- a claim matches on quantity, value_low, value_high and claimant_type;
- a mention matches on indicator and claim_direction.

Per-field accuracy is measured on matched pairs (event_mode, date_precision, actor1_type,
stance; qualifier, stance, relation). A lenient event score (type and country only) helps
tell date errors from detection errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dagster_project.config import PROJECT_ROOT

DEFAULT_CORPUS = PROJECT_ROOT / "tests" / "eval" / "corpus"
DEFAULT_GOLD = PROJECT_ROOT / "tests" / "eval" / "gold"

EVENT_FIELDS = ("event_mode", "date_precision", "actor1_type", "stance")
CLAIM_FIELDS = ("qualifier", "stance", "relation")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    events: Score = field(default_factory=Score)
    events_lenient: Score = field(default_factory=Score)
    claims: Score = field(default_factory=Score)
    mentions: Score = field(default_factory=Score)
    field_hits: Counter = field(default_factory=Counter)
    field_totals: Counter = field(default_factory=Counter)
    per_article: dict = field(default_factory=dict)
    articles: int = 0

    @property
    def field_accuracy(self) -> dict[str, float]:
        return {k: round(self.field_hits[k] / n, 4) for k, n in sorted(self.field_totals.items()) if n}


def _as_date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _window_end(start: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if precision == "year":
        return start.replace(month=12, day=31)
    return start


def event_matches(pred: dict, gold: dict, lenient: bool = False) -> bool:
    if pred["event_type"] != gold["event_type"] or pred.get("country_iso3") != gold.get("country_iso3"):
        return False
    if lenient:
        return True
    g, p = _as_date(gold.get("event_date")), _as_date(pred.get("event_date"))
    if g is None or p is None:
        return g is None and p is None
    return g <= p <= _window_end(g, gold.get("date_precision") or "day")


def claim_matches(pred: dict, gold: dict) -> bool:
    return all(pred.get(k) == gold.get(k) for k in ("quantity", "value_low", "value_high", "claimant_type"))


def mention_matches(pred: dict, gold: dict) -> bool:
    return pred["indicator"] == gold["indicator"] and pred["claim_direction"] == gold["claim_direction"]


def match(preds: list[dict], golds: list[dict], same, prefer=None) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Greedy one-to-one matching; `prefer` ranks candidates (e.g. the same event_mode first)."""
    unused = list(preds)
    pairs, missed = [], []
    for gold in golds:
        candidates = [p for p in unused if same(p, gold)]
        if prefer:
            candidates.sort(key=lambda p: not prefer(p, gold))
        if candidates:
            pairs.append((candidates[0], gold))
            unused.remove(candidates[0])
        else:
            missed.append(gold)
    return pairs, unused, missed


def _read_article(path: Path):
    from dagster_project.readers.articles import read_article_file

    read = read_article_file(path, path.parent)
    if read.quarantine or not read.rows:
        raise ValueError(f"{path}: cannot read article: {read.quarantine[0].reason if read.quarantine else 'empty'}")
    return read.rows[0]


def evaluate(corpus_dir: Path = DEFAULT_CORPUS, gold_dir: Path = DEFAULT_GOLD, extract=None) -> EvalReport:
    """Run the extractor (or `extract`) over the corpus and score it against the gold files."""
    if extract is None:
        from dagster_project.extraction import extract_article as extract
    report = EvalReport()
    for gold_path in sorted(Path(gold_dir).glob("*.yml")):
        article_path = Path(corpus_dir) / f"{gold_path.stem}.md"
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        row = _read_article(article_path)
        result = extract(row["text"], article_id=row["article_id"], published=row["published"],
                         country_hint=row["country_hint"], **({"outlet": row["outlet"]} if extract.__name__ == "extract_article" else {}))
        preds = {
            "events": [r.as_row() for r in result.reports],
            "claims": [c.as_row() for c in result.claims],
            "mentions": [m.as_row() for m in result.mentions],
        }
        report.articles += 1
        errors = []
        pairs, extra, missed = match(preds["events"], gold.get("events") or [], event_matches,
                                     prefer=lambda p, g: p.get("event_mode") == g.get("event_mode"))
        _count(report.events, pairs, extra, missed)
        errors += [f"missed event {g['event_type']}/{g.get('event_mode')} {g.get('country_iso3')} {g.get('event_date')}" for g in missed]
        errors += [f"extra event {p['event_type']}/{p.get('event_mode')} {p.get('country_iso3')} {p.get('event_date')}: {p['evidence_text'][:80]}" for p in extra]
        for p, g in pairs:
            for f in EVENT_FIELDS:
                report.field_totals[f"event.{f}"] += 1
                report.field_hits[f"event.{f}"] += p.get(f) == g.get(f)
                if p.get(f) != g.get(f):
                    errors.append(f"wrong event.{f}: {p.get(f)} (gold {g.get(f)}) in {p['event_type']}/{p.get('event_mode')}: "
                                  f"{p['evidence_text'][:80]}")
        lp, le, lm = match(preds["events"], gold.get("events") or [], lambda p, g: event_matches(p, g, lenient=True))
        _count(report.events_lenient, lp, le, lm)
        pairs, extra, missed = match(preds["claims"], gold.get("claims") or [], claim_matches)
        _count(report.claims, pairs, extra, missed)
        errors += [f"missed claim {g['quantity']} {g.get('value_low')}-{g.get('value_high')} {g.get('claimant_type')}" for g in missed]
        errors += [f"extra claim {p['quantity']} {p.get('value_low')}-{p.get('value_high')} {p.get('claimant_type')} ({p.get('claimant')}): {p['value_text']}" for p in extra]
        for p, g in pairs:
            for f in CLAIM_FIELDS:
                report.field_totals[f"claim.{f}"] += 1
                report.field_hits[f"claim.{f}"] += p.get(f) == g.get(f)
        pairs, extra, missed = match(preds["mentions"], gold.get("mentions") or [], mention_matches)
        _count(report.mentions, pairs, extra, missed)
        errors += [f"missed mention {g['indicator']} {g['claim_direction']}" for g in missed]
        errors += [f"extra mention {p['indicator']} {p['claim_direction']}" for p in extra]
        report.per_article[gold_path.stem] = errors
    return report


def _count(score: Score, pairs, extra, missed) -> None:
    score.tp += len(pairs)
    score.fp += len(extra)
    score.fn += len(missed)


def format_report(report: EvalReport, show_errors: bool = False) -> str:
    lines = [f"articles: {report.articles}", f"{'':18}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, s in (("events", report.events), ("events (lenient)", report.events_lenient),
                    ("claims", report.claims), ("indicator mentions", report.mentions)):
        lines.append(f"{name:18}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    lines.append("field accuracy on matched pairs:")
    lines += [f"  {k:22} {v:.3f}" for k, v in report.field_accuracy.items()]
    if show_errors:
        for article, errors in report.per_article.items():
            for e in errors:
                lines.append(f"{article}: {e}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="unrest eval", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when event or claim F1 is below this")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.corpus, args.gold)
    if args.format == "json":
        json.dump({"articles": report.articles, "events": report.events.as_dict(), "events_lenient": report.events_lenient.as_dict(),
                   "claims": report.claims.as_dict(), "mentions": report.mentions.as_dict(),
                   "field_accuracy": report.field_accuracy}, sys.stdout, indent=2)
        print()
    else:
        print(format_report(report, args.show_errors))
    if min(report.events.f1, report.claims.f1) < args.min_f1:
        print(f"below the threshold: event F1 {report.events.f1:.3f}, claim F1 {report.claims.f1:.3f}, required {args.min_f1}", file=sys.stderr)
        return 1
    return 0
