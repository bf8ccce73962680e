"""The packet list's rows as columns, for half a million applicants.

A list of 500,000 `PacketRow` tuples costs ~1 KB per packet in the GUI (the
tuple, its ints, a name, an ID number and a unit string each) and seconds to
build. Here each field is one numpy array; repeated texts (names, units,
statuses, the `accepted` counts) are kept once and referenced by an index, so a
packet costs ~60 bytes and the list can be filtered and sorted by vectorised
operations (zcdesk/ui/packet_model.py) instead of a Python loop per row.

The rows are read in chunks straight from a Core result: at no moment does the
reader hold all rows as Python objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, String, cast, select

from zcdesk.domain.records import PacketRow
from zcdesk.store import models as m

CHUNK = 20_000  # rows turned into arrays at a time (bounds the transient Python objects)


@dataclass
class PacketColumns:
    """Every packet of one round, one array per field (row i is the i-th packet read).

    `*_at` arrays index into the lists beside them: names[name_at[i]] is row i's name.
    """

    packet_ids: np.ndarray  # int64
    applicant_ids: np.ndarray  # int64
    id_numbers: np.ndarray  # fixed-width bytes ("S18") when ASCII, else unicode ("U")
    names: list[str]
    name_at: np.ndarray  # int32
    units: list[str]
    unit_at: np.ndarray  # int32
    statuses: list[str]
    status_at: np.ndarray  # int8
    verdicts: list[str | None]
    verdict_at: np.ndarray  # int8
    stages: list[str]
    stage_at: np.ndarray  # int8
    decisions: list[str | None]
    decision_at: np.ndarray  # int8
    accepted: list[dict[str, int]]
    accepted_at: np.ndarray  # int32

    def __len__(self) -> int:
        return len(self.packet_ids)

    def row(self, i: int) -> PacketRow:
        """Row i as the PacketRow the rest of the window knows."""
        number = self.id_numbers[i]
        return PacketRow(int(self.packet_ids[i]), int(self.applicant_ids[i]),
                         self.names[self.name_at[i]],
                         number.decode() if isinstance(number, bytes) else str(number),
                         self.units[self.unit_at[i]], self.statuses[self.status_at[i]],
                         self.accepted[self.accepted_at[i]], self.verdicts[self.verdict_at[i]],
                         self.stages[self.stage_at[i]], self.decisions[self.decision_at[i]])

    def id_number(self, i: int) -> str:
        number = self.id_numbers[i]
        return number.decode() if isinstance(number, bytes) else str(number)

    @classmethod
    def from_rows(cls, rows: Iterable[PacketRow]) -> PacketColumns:
        builder = ColumnBuilder()
        for chunk in _chunks(((r.packet_id, r.applicant_id, r.name, r.id_number, r.unit,
                               r.status, r.accepted, r.eligibility, r.stage, r.decision)
                              for r in rows), CHUNK):
            builder.add(chunk)
        return builder.build()


class ColumnBuilder:
    """Collects rows chunk by chunk (each chunk turned into arrays at once)."""

    def __init__(self) -> None:
        self._vocab: list[dict[Any, int]] = [{} for _ in range(6)]
        self._parts: list[list[np.ndarray]] = [[] for _ in range(10)]
        self._accepted: list[dict[str, int]] = []
        self._accepted_ids: dict[str, int] = {}

    def _codes(self, which: int, values: Sequence[Any], dtype: Any) -> np.ndarray:
        # New values first (a set difference, in C), then one C-level map per chunk:
        # a Python loop per value cost ~1 s at 500,000 rows.
        vocab = self._vocab[which]
        for value in set(values) - vocab.keys():
            vocab[value] = len(vocab)
        return np.fromiter(map(vocab.__getitem__, values), dtype=dtype, count=len(values))

    def _accepted_codes(self, values: Sequence[Any]) -> np.ndarray:
        # The JSON text, decoded once per distinct value (a round has a handful).
        known = self._accepted_ids
        for value in set(map(_json_text, values)) - known.keys():
            known[value] = len(self._accepted)
            counts = json.loads(value or "{}")
            self._accepted.append({str(k): int(v) for k, v in counts.items()})
        return np.fromiter(map(known.__getitem__, map(_json_text, values)), dtype=np.int32,
                           count=len(values))

    def add(self, rows: Sequence[Sequence[Any]]) -> None:
        """rows: (packet id, applicant id, name, id number, unit, status, accepted,
        verdict, stage, decision)."""
        if not rows:
            return
        pid, aid, name, number, unit, status, accepted, verdict, stage, decision = zip(
            *rows, strict=True)
        parts = self._parts
        parts[0].append(np.array(pid, dtype=np.int64))
        parts[1].append(np.array(aid, dtype=np.int64))
        parts[2].append(fixed_width_texts(number))
        parts[3].append(self._codes(0, name, np.int32))
        parts[4].append(self._codes(1, unit, np.int32))
        parts[5].append(self._codes(2, status, np.int8))
        parts[6].append(self._accepted_codes(accepted))
        parts[7].append(self._codes(3, verdict, np.int8))
        parts[8].append(self._codes(4, stage, np.int8))
        parts[9].append(self._codes(5, decision, np.int8))

    def build(self) -> PacketColumns:
        dtypes = (np.int64, np.int64, "S1", np.int32, np.int32, np.int8, np.int32, np.int8,
                  np.int8, np.int8)
        if any(part.dtype.kind == "U" for part in self._parts[2]):
            self._parts[2] = [part.astype(str) for part in self._parts[2]]
        arrays = [np.concatenate(p) if p else np.zeros(0, dtype=t)
                  for p, t in zip(self._parts, dtypes, strict=True)]
        words = [list(v) for v in self._vocab]
        return PacketColumns(
            packet_ids=arrays[0], applicant_ids=arrays[1], id_numbers=arrays[2],
            names=words[0], name_at=arrays[3], units=words[1], unit_at=arrays[4],
            statuses=words[2], status_at=arrays[5], verdicts=words[3], verdict_at=arrays[7],
            stages=words[4], stage_at=arrays[8], decisions=words[5], decision_at=arrays[9],
            accepted=self._accepted, accepted_at=arrays[6])


def _json_text(value: Any) -> str:
    """The accepted counts as JSON text (psycopg may hand over the decoded dict)."""
    if value is None or isinstance(value, str):
        return value or "{}"
    return json.dumps(value, sort_keys=True)


def fixed_width_texts(values: Sequence[str]) -> np.ndarray:
    """Bytes ("S") when every value is ASCII (a quarter of the memory), else unicode."""
    try:
        return np.array([v.encode("ascii") for v in values], dtype=bytes)
    except UnicodeEncodeError:
        return np.array(list(values), dtype=str)


def _chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def packet_columns(conn: Connection, round_id: int) -> PacketColumns:
    """Every packet of round `round_id`, in packet order (the list's unsorted order)."""
    stmt = (select(m.Packet.id, m.Applicant.id, m.Applicant.name, m.Applicant.id_number,
                   m.Unit.name, m.Packet.status, cast(m.Packet.accepted, String),
                   m.Packet.eligibility, m.Packet.stage, m.Decision.result)
            .join(m.Applicant, m.Packet.applicant_id == m.Applicant.id)
            .join(m.Unit, m.Applicant.unit_id == m.Unit.id)
            .outerjoin(m.Decision, m.Decision.packet_id == m.Packet.id)
            .where(m.Packet.round_id == round_id)
            .order_by(m.Packet.id))
    builder = ColumnBuilder()
    result = conn.execution_options(yield_per=CHUNK).execute(stmt)
    for chunk in result.partitions(CHUNK):
        builder.add(chunk)
    return builder.build()


class TextIndex:
    """Substring search over many short texts at once (ID numbers, names, units).

    The texts are one fixed-width code matrix, stored column by column: position o
    of every text is one contiguous array. "Does `p` occur at offset o" is then
    len(p) vectorised comparisons over all texts, and "anywhere" is the OR over
    the offsets — about 1 ms for 500,000 ID numbers and a two-digit `p`, however
    many rows match (a Python loop took 40–50 ms for the broad ones).
    Give the texts already lower-cased; `find` compares code points exactly.
    """

    def __init__(self, texts: np.ndarray) -> None:
        count = len(texts)
        if texts.dtype.kind == "S":
            width, codes = texts.dtype.itemsize, texts.view(np.uint8)
        else:
            width, codes = texts.dtype.itemsize // 4, texts.view(np.uint32)
        self.ascii = texts.dtype.kind == "S"
        self.count = count
        self.width = width if count else 0
        self._columns = np.ascontiguousarray(codes.reshape(count, width).T) if count \
            else np.zeros((0, 0), dtype=np.uint8)

    def find(self, text: str, rows: np.ndarray | None = None) -> np.ndarray:
        """A bool per text (or per text of `rows`): does `text` occur in it."""
        size = self.count if rows is None else len(rows)
        found = np.zeros(size, dtype=bool)
        if not text:
            found[:] = True
            return found
        if self.ascii:
            if not text.isascii():
                return found
            pattern = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        else:
            pattern = np.array([ord(ch) for ch in text], dtype=np.uint32)
        length = len(pattern)
        if length > self.width or not size:
            return found
        columns = self._columns if rows is None else self._columns[:, rows]
        here = np.empty(size, dtype=bool)
        same = np.empty(size, dtype=bool)
        for offset in range(self.width - length + 1):
            np.equal(columns[offset], pattern[0], out=here)
            for j in range(1, length):
                np.equal(columns[offset + j], pattern[j], out=same)
                here &= same
            found |= here
        return found


def lower_texts(values: Sequence[str]) -> np.ndarray:
    """The lower-cased texts as a fixed-width array (for TextIndex)."""
    return fixed_width_texts([v.lower() for v in values])


def lower_id_numbers(numbers: np.ndarray) -> np.ndarray:
    """ID numbers lower-cased (X → x) without a Python loop when they are ASCII."""
    if numbers.dtype.kind != "S" or not len(numbers):
        return lower_texts([str(n) for n in numbers]) if len(numbers) else numbers
    table = np.arange(256, dtype=np.uint8)
    table[ord("A"):ord("Z") + 1] += 32
    return table[numbers.view(np.uint8)].view(numbers.dtype)
