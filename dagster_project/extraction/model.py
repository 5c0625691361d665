"""Plain records the extraction core returns; field names match the raw tables.

No Dagster, no DuckDB: these are what unit tests, benchmarks and `unrest extract` see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class EventReport:
    report_id: str
    article_id: str
    event_type: str
    event_mode: str | None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    actor1: str | None = None
    actor1_type: str | None = None
    actor1_iso3: str | None = None
    actor2: str | None = None
    actor2_type: str | None = None
    actor2_iso3: str | None = None
    participants: str | None = None  # '; '-joined groups named in the evidence
    country_iso3: str | None = None
    location: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str = "unknown"
    event_date: date | None = None
    event_date_end: date | None = None
    date_precision: str = "unknown"
    stance: str = "asserted"
    attributed_to: str | None = None  # who the stance rests on ("eyewitness accounts; human rights organizations")
    evidence_text: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5
    extractor_version: str = ""

    def as_row(self) -> dict:
        return dict(vars(self))  # fields are plain values: a shallow copy is the row


@dataclass
class Claim:
    claim_id: str
    article_id: str
    quantity: str
    report_id: str | None = None
    claimed_on: date | None = None
    value_low: int | None = None
    value_high: int | None = None
    value_text: str = ""
    qualifier: str = "exact"
    relation: str | None = None
    relative_to_claim_id: str | None = None
    part_of_claim_id: str | None = None
    victim_group: str | None = None
    claimant: str | None = None
    claimant_type: str = "unknown"
    stance: str = "asserts"
    country_iso3: str | None = None
    evidence_text: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5
    extractor_version: str = ""

    def as_row(self) -> dict:
        return dict(vars(self))  # fields are plain values: a shallow copy is the row


@dataclass
class IndicatorMention:
    mention_id: str
    article_id: str
    indicator: str
    claim_direction: str
    country_iso3: str | None = None
    evidence_text: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    extractor_version: str = ""

    def as_row(self) -> dict:
        return dict(vars(self))  # fields are plain values: a shallow copy is the row


@dataclass
class ExtractionResult:
    article_id: str
    reports: list[EventReport] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    mentions: list[IndicatorMention] = field(default_factory=list)
