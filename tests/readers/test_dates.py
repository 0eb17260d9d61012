"""Dates as feeds and pages write them, as ISO 8601 that sorts."""
import pytest

from store.dates import iso_date


@pytest.mark.parametrize("given, iso", [
    ("Fri, 01 Jan 2010 10:00:00 GMT", "2010-01-01T10:00:00Z"),         # RSS 2.0 (RFC 822)
    ("Fri, 01 Jan 2010 10:00:00 +0200", "2010-01-01T08:00:00Z"),
    ("Sat, 2 Jan 2010 01:00:00 EST", "2010-01-02T06:00:00Z"),           # a zone name, a day past midnight UTC
    ("01 Jan 2010 10:00 GMT", "2010-01-01T10:00:00Z"),                  # no weekday, no seconds
    ("2010-01-01T12:00:00+02:00", "2010-01-01T10:00:00Z"),              # Atom (RFC 3339)
    ("2010-01-01T10:00:00.250-05:00", "2010-01-01T15:00:00Z"),
    ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"),
    ("2024-05-01", "2024-05-01"),                                       # a date alone stays a date
    ("2024-05-01 10:00", "2024-05-01T10:00:00"),                        # no zone: not guessed
    ("  Fri,  01 Jan 2010\n10:00:00 GMT ", "2010-01-01T10:00:00Z"),
    ("last Tuesday", "last Tuesday"),                                   # no date: kept as given
    ("0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00+05:00"),         # before year 1 in UTC: kept
    ("", None), (None, None),
])
def test_dates_become_iso_8601(given, iso):
    assert iso_date(given) == iso


def test_dates_of_every_form_sort_in_time_order():
    given = ["Mon, 02 May 2016 09:00:00 GMT", "Fri, 01 Jan 2010 10:00:00 GMT", "2013-06-01T00:30:00+02:00",
             "2013-05-31", "Tue, 31 Dec 2019 23:30:00 -0100"]
    assert sorted(map(iso_date, given)) == ["2010-01-01T10:00:00Z", "2013-05-31", "2013-05-31T22:30:00Z",
                                            "2016-05-02T09:00:00Z", "2020-01-01T00:30:00Z"]


def test_every_reader_stores_iso_dates(tmp_path):
    from store.readers import read_paths

    (tmp_path / "a.md").write_text("---\ntitle: A\ndate: Fri, 01 Jan 2010 10:00:00 GMT\n---\nStory A.\n")
    (tmp_path / "b.jsonl").write_text('{"text": "Story B.", "published": "2013-06-01T00:30:00+02:00"}\n')
    (tmp_path / "c.json").write_text('{"text": "Story C.", "published": "2016-05-02"}')
    assert [a.published for a in read_paths(sorted(tmp_path.iterdir()))] == [
        "2010-01-01T10:00:00Z", "2013-05-31T22:30:00Z", "2016-05-02"]
