"""Find input files and hand each to the reader that recognises its content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dagster_project.readers import acled_csv, fred_csv, gdelt, long_csv, wdi_csv, worldbank_api
from dagster_project.readers.base import QuarantineRecord, ReadResult, payload_of

HEAD_BYTES = 16_384


@dataclass(frozen=True)
class Format:
    name: str
    detect: Callable[[str], bool]
    read: Callable[[Path, Path], ReadResult]


# Order matters: the first format whose detector accepts the head of a file reads it.
INDICATOR_FORMATS: list[Format] = [
    Format("world_bank_wdi_csv", wdi_csv.detect, wdi_csv.read),
    Format("world_bank_api_json", worldbank_api.detect, worldbank_api.read),
    Format("fred_csv", fred_csv.detect, fred_csv.read),
    Format("long_csv", long_csv.detect, long_csv.read),
]
EVENT_FORMATS: list[Format] = [
    Format("acled_csv", acled_csv.detect, acled_csv.read),
    Format("gdelt_events", gdelt.detect, gdelt.read),
]


def read_head(path: Path) -> str:
    with open(path, "rb") as handle:
        data = handle.read(HEAD_BYTES)
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    text = data.decode("utf-8", errors="replace")
    return text.lstrip("\ufeff")


def input_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def read_directory(directory: Path, root: Path, formats: list[Format], kind: str) -> ReadResult:
    result = ReadResult()
    for path in input_files(directory):
        rel = path.relative_to(root).as_posix()
        try:
            head = read_head(path)
            chosen = next((f for f in formats if f.detect(head)), None)
            if chosen is None:
                raise ValueError(f"unrecognised {kind} file format (first line: {head.splitlines()[0][:120] if head else '(empty)'!r})")
            result.extend(chosen.read(path, root))
        except (ValueError, OSError) as exc:
            result.quarantine.append(QuarantineRecord(rel, None, f"{rel}: {exc}", payload_of(path)))
        except Exception as exc:  # a reader's bug on a strange file must not stop the load
            result.quarantine.append(QuarantineRecord(rel, None, f"{rel}: could not be read ({type(exc).__name__}: {exc})", payload_of(path)))
    return result


def read_indicators(indicators_dir: Path, root: Path | None = None) -> ReadResult:
    """Every indicator file, whatever its format; then conflicting duplicates are removed."""
    return drop_conflicts(read_directory(indicators_dir, root or indicators_dir, INDICATOR_FORMATS, "indicator"))


def drop_conflicts(result: ReadResult) -> ReadResult:
    """Observations with the same key (country, indicator, frequency, period, source, vintage)
    but different values, in one file or across files, are all quarantined: nothing says
    which is right. Identical duplicates are kept once."""
    groups: dict[tuple, list[dict]] = {}
    for row in result.rows:
        key = (row["country_iso3"], row["indicator"], row["frequency"], row["period_start"], row["source"], row.get("vintage"))
        groups.setdefault(key, []).append(row)
    kept = []
    for rows in groups.values():
        if len({r["value"] for r in rows}) == 1:
            kept.append(rows[0])
            continue
        places = ", ".join(f"{r['source_path']} {r['record_locator']}" for r in rows)
        for r in rows:
            result.quarantine.append(QuarantineRecord(
                r["source_path"], r["record_locator"],
                f"{r['source_path']} {r['record_locator']}: conflicting values for {r['country_iso3']} {r['indicator']} "
                f"{r['period_start']} ({', '.join(str(x['value']) for x in rows)} at {places})",
                None))
    result.rows = kept
    return result


def read_events(events_dir: Path, root: Path | None = None) -> ReadResult:
    return read_directory(events_dir, root or events_dir, EVENT_FORMATS, "event dataset")
