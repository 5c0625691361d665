"""What every reader returns: good rows, and the records it could not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

MAX_PAYLOAD_CHARS = 1_000_000  # contract section 4: payload truncated only past 1 MB


@dataclass
class QuarantineRecord:
    """A rejected record (contract section 4). `record_locator` is e.g. 'line 3' or 'row 17'."""

    source_path: str
    record_locator: str | None
    reason: str
    payload: str | None

    def __post_init__(self) -> None:
        if self.payload is not None and len(self.payload) > MAX_PAYLOAD_CHARS:
            self.payload = self.payload[:MAX_PAYLOAD_CHARS]


@dataclass
class ReadResult:
    rows: list[dict] = field(default_factory=list)
    quarantine: list[QuarantineRecord] = field(default_factory=list)
    duplicates: int = 0  # records skipped because an identical one was already read
    skipped: int = 0  # records outside the warehouse's scope (e.g. GDELT cooperation events)

    def extend(self, other: "ReadResult") -> None:
        self.rows.extend(other.rows)
        self.quarantine.extend(other.quarantine)
        self.duplicates += other.duplicates
        self.skipped += other.skipped


def payload_of(path: Path) -> str:
    """The raw bytes of a file as text for quarantine (undecodable bytes escaped)."""
    data = path.read_bytes()[: MAX_PAYLOAD_CHARS * 4]
    return data.decode("utf-8", errors="backslashreplace")[:MAX_PAYLOAD_CHARS]
