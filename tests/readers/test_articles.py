"""Article readers: front matter, jsonl, dedup, and every bad input quarantined by name."""

import datetime as dt
import json

import pytest

from dagster_project.readers.articles import content_hash, read_article_file, read_articles

FOUNDING = __import__("pathlib").Path(__file__).resolve().parents[2] / "raw" / "articles" / "founding-article.txt"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_with_date_and_datetime(tmp_path):
    write(tmp_path / "a.md", "---\nid: a1\ntitle: T\npublished: 2026-01-10\noutlet: Reuters\ncountry: irn\n---\nPolice arrested 40 people.\n")
    write(tmp_path / "sub" / "b.md", "---\npublished: 2026-01-10T14:30:00Z\n---\nSecond article.\n")
    result = read_articles(tmp_path)
    rows = {r["source_path"]: r for r in result.rows}
    a, b = rows["a.md"], rows["sub/b.md"]
    assert a["article_id"] == "a1" and a["published"] == dt.date(2026, 1, 10) and a["published_at"] is None
    assert a["outlet"] == "Reuters" and a["country_hint"] == "IRN" and a["language"] == "en"
    assert a["text"] == "Police arrested 40 people.\n"
    assert b["published"] == dt.date(2026, 1, 10) and b["published_at"] == dt.datetime(2026, 1, 10, 14, 30)
    assert b["article_id"].startswith("a_") and result.quarantine == []


def test_jsonl_bad_line_is_quarantined_and_the_rest_loads(tmp_path):
    lines = [json.dumps({"id": "j1", "text": "One."}), "{not json", json.dumps({"title": "no text"}),
             json.dumps({"id": "j4", "text": "Four.", "published": "2025-12-01"}), json.dumps(["a", "list"])]
    write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    result = read_articles(tmp_path)
    assert [r["article_id"] for r in result.rows] == ["j1", "j4"]
    assert [r["record_locator"] for r in result.rows] == ["line 1", "line 4"]
    bad = {q.record_locator: q.reason for q in result.quarantine}
    assert set(bad) == {"line 2", "line 3", "line 5"}
    assert "invalid JSON" in bad["line 2"] and "batch.jsonl" in bad["line 2"]
    assert "text" in bad["line 3"]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("binary.txt", b"\x00\x01\x02abc", "binary"),
        ("latin1.md", "caf\u00e9 protest".encode("latin-1"), "invalid UTF-8 at byte 3"),
        ("empty.md", b"---\ntitle: x\n---\n   \n", "empty article text"),
        ("unclosed.md", b"---\ntitle: x\nno end\n", "never closed"),
        ("badyaml.md", b"---\ntitle: [oops\n---\ntext\n", "not valid YAML"),
        ("notmap.md", b"---\n- a\n- b\n---\ntext\n", "not a mapping"),
        ("baddate.md", b"---\npublished: last tuesday\n---\ntext\n", "not a date"),
        ("badcountry.md", b"---\ncountry: Persia\n---\ntext\n", "ISO 3166-1"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_inputs_are_quarantined_with_their_reason(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    write(tmp_path / "good.md", "A good article.\n")
    result = read_articles(tmp_path)
    assert [r["source_path"] for r in result.rows] == ["good.md"]
    assert len(result.quarantine) == 1
    q = result.quarantine[0]
    assert q.source_path == name and reason in q.reason and name in q.reason
    assert q.payload is not None


def test_same_text_and_same_id_are_kept_once(tmp_path):
    write(tmp_path / "a.md", "Protesters  marched\nin Tehran.")
    write(tmp_path / "b.txt", "Protesters marched in Tehran.   ")
    write(tmp_path / "c.md", "---\nid: x\n---\nFirst.\n")
    write(tmp_path / "d.md", "---\nid: x\n---\nDifferent text, same id.\n")
    result = read_articles(tmp_path)
    assert [r["source_path"] for r in result.rows] == ["a.md", "c.md"]
    assert result.duplicates == 2


def test_article_id_is_stable_and_hidden_files_are_skipped(tmp_path):
    write(tmp_path / "a.md", "Same text.")
    write(tmp_path / ".DS_Store", "junk")
    first = read_articles(tmp_path).rows[0]["article_id"]
    assert read_articles(tmp_path).rows[0]["article_id"] == first == "a_" + content_hash("Same text.")[:16]
    assert read_articles(tmp_path).quarantine == []


def test_founding_article_reads_unchanged_without_a_date(tmp_path):
    result = read_article_file(FOUNDING, FOUNDING.parent)
    row = result.rows[0]
    assert row["published"] is None and row["published_at"] is None
    assert row["text"] == FOUNDING.read_text(encoding="utf-8")


def test_normalised_text_collapses_exactly_the_whitespace_of_a_regex():
    """normalise_text uses str.split(); the content hash (and so which copies are duplicates)
    must stay what `re.sub(r"\\s+", " ", text).strip()` gave."""
    import re
    import sys

    from hypothesis import given
    from hypothesis import strategies as st

    from dagster_project.readers.articles import normalise_text

    space = re.compile(r"\s")
    assert [c for c in range(sys.maxunicode + 1) if bool(space.match(chr(c))) != chr(c).isspace()] == []

    @given(st.text(alphabet=st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000\u200bab\u00e9e\u0301")), max_size=40))
    def same(text):
        import unicodedata

        assert normalise_text(text) == re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()

    same()
