"""JSON Lines: one record per line (as in json_records), streamed, so an archive of any
size reads in bounded memory. A bad line is skipped; the lines after it are read."""
from __future__ import annotations

import codecs
import io
import json
from typing import BinaryIO, Iterator

from ..model import Article
from . import common
from .common import Format, Skipped
from .json_records import read_record


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Article | Skipped]:
    """One article per line, streamed: an archive of any size reads in bounded memory."""
    with stream:
        for n, raw in enumerate(stream, 1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            if len(raw) > common.MAX_ARTICLE_BYTES:
                yield Skipped(f"{name}#{n}", "record too large for one article")
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                try:
                    record = json.loads(raw.decode("cp1252"))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    yield Skipped(f"{name}#{n}", "undecodable line")
                    continue
            except json.JSONDecodeError as e:
                yield Skipped(f"{name}#{n}", f"invalid JSON ({e.msg})")
                continue
            yield from read_record(record, name, n)


def read(text: str, name: str, stem: str | None) -> Iterator[Article | Skipped]:
    """JSON Lines already decoded (a UTF-16 archive), read line by line as UTF-8."""
    yield from read_jsonl(io.BytesIO(text.encode("utf-8")), name)


FORMAT = Format("JSON Lines", (".jsonl", ".ndjson"), read, archive=True, stream=read_jsonl)
