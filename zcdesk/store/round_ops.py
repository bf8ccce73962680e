"""Rounds (申报轮次): each round's pack stored, imported, exported, made current (#11).

Part of the Store facade (mixed into it). A round is one row of `round` holding its
pack (zcdesk.domain.round_pack) as the TOML text imported, its SHA-256, and the
columns the app reads (code, name, the four deadlines, the cut-off). One round is
current (`round.is_current`); packets, visits, batches and receipt counters carry
their round's id, so making another round current never touches an old round's rows;
each packet keeps the pre-check verdict of its own round (migration 0010).

The acceptance points, the checklist and the catalogue are one set of working rows:
they follow the current round's pack, written when a round is made current or when
the current round's pack is re-imported. An earlier round reads its own stored pack:
its packets and batches are checked against its checklist (round_checklist), its
papers show its contacts and item names (round_papers). A new round may list other
items; a round's own pack may not change its items' codes, scopes or copies once
copies have been recorded in it: that would change what its packets were checked
against.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select, update

from zcdesk.domain.checklist import ChecklistItem, RejectReason, Scope
from zcdesk.domain.records import PointInfo, RoundInfo
from zcdesk.domain.round_pack import (
    Deadlines,
    RoundId,
    RoundPack,
    RoundPackError,
    dump_pack,
    load_pack,
    shifted,
)
from zcdesk.store import models as m
from zcdesk.store.errors import InputError, NotFound
from zcdesk.store.infos import round_of_row

if TYPE_CHECKING:
    from zcdesk.store.facade import Store

# How often a desk looks whether another desk made another round current (or
# re-imported the current one): one query of a tiny table, off the scan's hot path.
ROUND_RECHECK_SECONDS = 30.0
_ROUND_CODE = re.compile(r"\d{4}H[12]")
_POINT_CODE = re.compile(r"[A-Z]{1,6}")
_SHOWN_CHANGES = 40  # a preview lists this many changed keys, then counts the rest
_POINT_FIELDS = ("name", "short_name", "phone", "address", "kind", "note")
_QUAL_FIELDS = ("seq", "name", "abbreviation", "issuer", "issuer_en", "title", "series",
                "condition")
_ITEM_FIELDS = ("name", "short_name", "scope", "copies_required", "checks", "sort_order")


@dataclass(frozen=True)
class RoundSummary(RoundInfo):
    """One round as `zcdesk round list` shows it: the round and three facts about it."""

    active: bool
    sha256: str  # of the stored pack; "" for a round without one
    packets: int

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "cutoff": self.cutoff_date.isoformat(),
                "deadlines": {"applicant": self.applicant_deadline.isoformat(),
                              "employer": self.employer_deadline.isoformat(),
                              "district": self.district_deadline.isoformat(),
                              "paper": self.paper_deadline.isoformat()},
                "active": self.active, "sha256": self.sha256, "packets": self.packets}


@dataclass(frozen=True)
class RoundImportPlan:
    """What importing a pack does (or, refused, why not); the preview and the result."""

    code: str
    name: str
    is_new: bool  # no round with this code yet
    active: bool  # the pack is the current round's: the shared rows follow it
    compared_with: str  # the code whose stored pack the changes are against ("" none)
    changes: tuple[str, ...]  # "deadlines.paper：2025-05-30 → 2026-05-29"
    refusals: tuple[str, ...]  # non-empty: nothing may be written
    dry_run: bool = False

    @property
    def unchanged(self) -> bool:
        return not self.is_new and not self.changes

    def summary(self) -> str:
        """The preview (dry run) or the report, in words."""
        verb = "将" if self.dry_run else "已"
        head = f"轮次 {self.code}（{self.name}）"
        if self.refusals:
            return "\n".join([f"不能导入{head}，没有写入任何数据：",
                              *(f"  {r}" for r in self.refusals)])
        if self.unchanged:
            return f"{head}与已保存的轮次配置相同，没有变化。"
        if self.is_new:
            lines = [f"{verb}新增{head}。"]
            if self.compared_with:
                lines.append(f"与当前轮次 {self.compared_with} 相比的不同之处"
                             f"（{len(self.changes)} 项）：")
        else:
            lines = [f"{verb}更新{head}，{len(self.changes)} 项变化："]
        lines += [f"  {c}" for c in self.changes[:_SHOWN_CHANGES]]
        if len(self.changes) > _SHOWN_CHANGES:
            lines.append(f"  ……共 {len(self.changes)} 项")
        if self.active and not self.is_new:
            lines.append("该轮次为当前轮次：受理点、报送清单、认定目录随之更新。")
        if not self.is_new and self.changes:
            lines.append(f"该轮次的材料袋{verb}按新的配置重新预审；其他轮次的预审结果不变。")
        elif self.is_new:
            lines.append(f"导入后不会自动启用；启用：zcdesk round activate {self.code}")
        return "\n".join(lines)


@dataclass(frozen=True)
class RoundPapers:
    """What a paper of one round prints besides its own rows: the round, the point that
    issues it, the city bureau that receives, and the packet checklist."""

    round: RoundInfo
    point: PointInfo
    city: PointInfo
    items: list[ChecklistItem]


@dataclass(frozen=True)
class RoundDraft:
    """A next round's pack written from a stored one (`zcdesk round draft`)."""

    code: str
    name: str
    how: str  # how the dates were moved, in words
    target: Path


class RoundOps:
    """Store methods for rounds; `self` is the Store."""

    _round_checked: float = -math.inf  # time.monotonic() of the last look
    _round_key: tuple[int, str] | None = None  # (id, pack SHA-256) of the current round

    def rounds(self: Store) -> list[RoundSummary]:
        with self._read() as s:
            counts = dict(s.execute(select(m.Packet.round_id, func.count())
                                    .group_by(m.Packet.round_id)).all())
            return [RoundSummary(*dataclasses.astuple(round_of_row(r)), bool(r.is_current),
                                 r.pack_sha256 or "", counts.get(r.id, 0))
                    for r in s.scalars(select(m.Round).order_by(m.Round.id))]

    def round_pack_text(self: Store, code: str) -> str:
        """The round's pack as stored (the TOML text as imported)."""
        with self._read() as s:
            row = _round_row(s, code)
            if not row.pack:
                raise InputError(f"轮次 {row.code} 没有保存轮次配置文件（早于本版本创建）。")
            return row.pack

    def round_pack(self: Store, code: str) -> RoundPack:
        return _readable(code, self.round_pack_text(code))

    def rules_pack(self: Store, round_id: int | None = None) -> RoundPack:
        """The pack the rules read for a round (default: the current one).

        The round's stored pack; a round stored without one (made before 0008 by other
        means) gets the shipped pack with its own code, name and dates. Parsed once and
        kept: the current round's until the Store forgets the round (another desk's
        switch or re-import is seen by _recheck_round), another round's while its
        SHA-256 stays the same.
        """
        current = self.current_round()
        rid = current.id if round_id is None else round_id
        cached = self._rule_packs.get(rid)
        if cached is not None and rid == current.id:
            return cached[1]
        with self._read() as s:
            sha = s.scalar(select(m.Round.pack_sha256).where(m.Round.id == rid))
            if cached is not None and sha and cached[0] == sha:
                return cached[1]
            row = s.get(m.Round, rid)
            if row is None:
                raise NotFound(f"没有编号为 {rid} 的轮次。")
            pack = _readable(row.code, row.pack) if row.pack else _shipped_with_dates(row)
            sha = row.pack_sha256 or ""
        self._rule_packs[rid] = (sha, pack)
        return pack

    def round_papers(self: Store, code: str, point_code: str) -> RoundPapers:
        """The round, point, city and checklist a paper of round `code` prints.

        The current round's come from the shared rows. A reprint of an earlier round's
        receipt, notice, cover, list or report shows that round's own deadlines,
        contacts and item names, read from the pack it stored (#11: history stays true),
        so a new round's phone number never appears on an old round's paper.
        """
        round_ = self.round_info(code)
        points = self.points()  # read once: the point and the city bureau
        point = next((p for p in points if p.code == point_code.strip().upper()), None) \
            or self.point(point_code)  # unknown: its NotFound
        city = next(p for p in points if p.kind == "city")
        items = self.checklist(round_id=round_.id)
        if round_.id == self.current_round().id:
            return RoundPapers(round_, point, city, items)
        try:
            pack = self.round_pack(round_.code)
        except InputError:  # made before packs were stored, or unreadable: the shared rows
            return RoundPapers(round_, point, city, items)
        own = {p.code: p for p in (*pack.points, pack.city)}
        if point.code in own:
            point = _point_info(own[point.code], point.id, point.kind)
        city = _point_info(pack.city, city.id, "city")
        return RoundPapers(round_, point, city, items)

    def draft_round(self: Store, source: str, code: str, name: str, target: Path
                    ) -> RoundDraft:
        """Write a pack for round `code` made from round `source`'s: every date moved by
        the years (and half-year) between the two codes, the 文号 cleared. A draft for
        the office lead to check against the new notice, then import; nothing is stored."""
        self.require_admin("生成轮次配置草稿")
        code = code.strip().upper()
        if not _ROUND_CODE.fullmatch(code):
            raise InputError(f"轮次代码“{code}”应为年份加 H1 或 H2（如 2026H1）。")
        if any(r.code == code for r in self.rounds()):
            raise InputError(f"轮次 {code} 已存在；修改它请先导出（zcdesk round export），"
                             "改好后再导入。")
        if target.suffix.lower() != ".toml":
            raise InputError(f"输出文件“{target}”应以 .toml 结尾。")
        pack = self.round_pack(source)
        years = int(code[:4]) - int(pack.code[:4])
        halves = int(code[5]) - int(pack.code[5]) if _ROUND_CODE.fullmatch(pack.code) else 0
        days = 182 * halves  # H1 → H2: about half a year; the lead checks every date
        name = name.strip() or f"{code[:4]} {'上' if code[5] == '1' else '下'}半年度"
        try:
            new = shifted(pack, code, name, years=years, days=days) if years or days \
                else dataclasses.replace(pack, round=RoundId(code, name))
        except (RoundPackError, ValueError, OverflowError) as exc:
            raise InputError(f"无法由轮次 {pack.code} 推算 {code} 的日期：{exc}") from exc
        try:
            target.write_text(dump_pack(new), encoding="utf-8")
        except OSError as exc:
            raise InputError(f"无法写入“{target}”：{exc.strerror or exc}") from exc
        moved = "、".join(filter(None, [f"{years} 年" if years else "",
                                       f"{days} 天" if days else ""])) or "未移动"
        how = (f"由轮次 {pack.code}（{pack.name}）生成：各日期顺延 {moved}，"
               f"6 月 30 日的年限计算截止日保持为当年 6 月 30 日，文号已清空。")
        return RoundDraft(code, name, how, target)

    def round_checklist(self: Store, round_id: int, scope: Scope) -> list[ChecklistItem]:
        """Another round's checklist, from the pack it stored: what its packets and
        batches were checked against, whatever the current round's pack lists now.
        Kept ROUND_RECHECK_SECONDS (a check of 100,000 packets reads it once); this
        desk's own import drops it at once (_forget_round)."""
        now = time.monotonic()
        cached = self._round_checklists.get((round_id, scope))
        if cached is not None and now - cached[0] < ROUND_RECHECK_SECONDS:
            return cached[1]
        try:
            pack = self.rules_pack(round_id)
        except InputError:  # its stored pack is unreadable: the working rows
            return self.checklist(scope)
        items = [i for i in pack_checklist(pack) if i.scope is scope]
        self._round_checklists[(round_id, scope)] = (now, items)
        return items

    def export_round(self: Store, code: str, target: Path) -> Path:
        """Write the stored pack, byte for byte: importing it back changes nothing."""
        self.require_admin("导出轮次配置")
        text = self.round_pack_text(code)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"无法写入“{target}”：{exc.strerror or exc}") from exc
        return target

    def import_round(self: Store, text: str, *, source: str = "",
                     dry_run: bool = False) -> RoundImportPlan:
        """Add a round from its pack, or update a stored one: all or nothing.

        `text` is checked by load_pack (RoundPackError, nothing written). A pack
        equal to the stored one changes nothing. A refusal (see `_refusals`) raises
        InputError listing every reason; a dry run returns the plan, refusals included,
        and writes nothing.
        """
        self.require_admin("导入轮次配置")
        text = text.removeprefix("\ufeff")
        pack = load_pack(text)
        if dry_run:
            with self._read() as s:
                return dataclasses.replace(self._round_plan(s.connection(), pack), dry_run=True)
        with self._write() as s:
            conn = s.connection()
            plan = self._round_plan(conn, pack)
            if plan.refusals:
                raise InputError(plan.summary())
            if plan.unchanged:
                return plan
            sha = hashlib.sha256(text.encode()).hexdigest()
            values = {**_round_columns(pack), "pack": text, "pack_sha256": sha}
            if plan.is_new:
                conn.execute(insert(m.Round.__table__).values(is_current=False, **values))
            else:
                conn.execute(update(m.Round.__table__).where(m.Round.code == pack.code)
                             .values(**values))
            if plan.active:
                _sync_reference(conn, pack)
            if not plan.is_new:  # its own packets are judged anew by the changed pack
                _forget_eligibility(conn, pack.code)
            conn.execute(insert(m.Event.__table__), {
                **self._event_values("round_imported", self.clock()),
                "detail": {"code": pack.code, "name": pack.name, "file": source,
                           "sha256": sha, "new": plan.is_new, "changes": len(plan.changes)}})
        self._forget_round()
        if not plan.is_new:
            self.refresh_eligibility(round_code=pack.code)
        return plan

    def activate_round(self: Store, code: str) -> RoundSummary:
        """Make `code` the current round: new packets, visits and receipt numbers are
        its own; the shared rows follow its pack. Its packets keep the verdicts of their
        own round (those not yet judged are judged by its pack); no other round's verdict
        changes. Refused while a visit of the current round is still open."""
        self.require_admin("切换当前轮次")
        with self._write() as s:
            conn = s.connection()
            target = _round_row(s, code)
            current = s.scalars(select(m.Round).where(m.Round.is_current)).first()
            if current is not None and current.id == target.id:
                raise InputError(f"轮次 {target.code}（{target.name}）已是当前轮次。")
            if not target.pack:
                raise InputError(f"轮次 {target.code} 没有保存轮次配置文件，不能启用；"
                                 "请先导入（zcdesk round import）。")
            if current is not None:
                open_visits = list(s.scalars(select(m.Visit.receipt_no).where(
                    m.Visit.round_id == current.id, m.Visit.closed_at.is_(None))
                    .order_by(m.Visit.id)))
                if open_visits:
                    raise InputError(
                        f"轮次 {current.code} 还有未完成的收件：{'、'.join(open_visits)}。"
                        "请先完成这些收件（F10）再切换轮次；未作任何改动。")
            pack = _readable(target.code, target.pack)
            conn.execute(update(m.Round.__table__).values(is_current=False))
            conn.execute(update(m.Round.__table__).where(m.Round.id == target.id)
                         .values(is_current=True))
            _sync_reference(conn, pack)
            chosen = target.code  # the row is detached once the transaction ends
            conn.execute(insert(m.Event.__table__), {
                **self._event_values("round_activated", self.clock()),
                "detail": {"code": chosen, "name": target.name,
                           "before": current.code if current is not None else None}})
        self._forget_round()
        self.refresh_eligibility()
        return next(r for r in self.rounds() if r.code == chosen)

    # ---------------------------------------------------------------- internal
    def _recheck_round(self: Store, *, force: bool = False) -> None:
        """Forget the cached round when another desk switched rounds or re-imported the
        current one, so that no desk goes on numbering receipts in the old round.
        `force`: look now (a new visit), not only every ROUND_RECHECK_SECONDS."""
        if self._round is None:
            return  # about to be read anyway
        now = time.monotonic()
        if not force and now - self._round_checked < ROUND_RECHECK_SECONDS:
            return
        self._round_checked = now

        with self._read() as s:
            row = s.scalars(select(m.Round).where(m.Round.is_current)).first()
            same = row is not None and round_of_row(row) == self._round
            key = (row.id, row.pack_sha256 or "") if row is not None else None
        if self._round_key is None:
            self._round_key = key  # the first look since the round was read
        if not same or key != self._round_key:  # switched, or its pack re-imported
            self._forget_round()

    def _forget_round(self: Store) -> None:
        """Drop what the Store cached of the current round and the shared rows."""
        self._round = None
        self._round_key = None
        self._checklists = {}
        self._code_cache = None
        self._checker_cache = {}
        self._ban_seen = None
        self._rule_packs = {}
        self._round_checklists = {}
        self._point = None

    def _round_plan(self: Store, conn: Connection, pack: RoundPack) -> RoundImportPlan:
        row = conn.execute(select(m.Round.__table__).where(m.Round.code == pack.code)).first()
        current = conn.execute(select(m.Round.__table__).where(m.Round.is_current)).first()
        if row is not None:
            base, compared = row, row.code
        else:
            base, compared = current, current.code if current is not None else ""
        old = _stored_pack(base) if base is not None else None
        if base is not None and old is None:  # a round from before 0008: its columns only
            compared = ""
        changes = tuple(_changes(old, pack)) if old is not None else ()
        if row is not None and old is None:
            changes = tuple(_column_changes(row, pack)) or ("（首次保存该轮次的轮次配置文件）",)
        active = row is not None and bool(row.is_current)
        refusals = _refusals(conn, pack, row) if (changes or row is None) else []
        return RoundImportPlan(pack.code, pack.name, row is None, active, compared, changes,
                               tuple(refusals))


def describe_round_event(kind: str, detail: dict[str, Any]) -> str:
    """Round events in words for the history and the audit ("" for other kinds)."""
    if kind == "round_imported":
        verb = "新增" if detail.get("new") else "更新"
        return f"导入轮次配置：{verb} {detail.get('code', '')}（{detail.get('name', '')}）"
    if kind == "round_activated":
        before = f"（原为 {detail['before']}）" if detail.get("before") else ""
        return f"切换当前轮次为 {detail.get('code', '')}（{detail.get('name', '')}）{before}"
    return ""


def _round_row(s: Any, code: str) -> m.Round:
    wanted = code.strip().upper()
    row = s.scalars(select(m.Round).where(func.upper(m.Round.code) == wanted)).first()
    if row is None:
        known = "、".join(s.scalars(select(m.Round.code).order_by(m.Round.id)))
        raise NotFound(f"没有轮次“{code.strip()}”。已有轮次：{known or '（无）'}")
    return row


def _readable(code: str, text: str) -> RoundPack:
    """A stored pack; one this version cannot read (another format) is a refusal."""
    try:
        return load_pack(text)
    except RoundPackError as exc:
        raise InputError(f"轮次 {code} 保存的轮次配置文件本版本无法读取，请重新导入该轮次的"
                         f"配置文件（zcdesk round import）：\n{exc}") from exc


def _shipped_with_dates(row: m.Round) -> RoundPack:
    """The rules of a round stored without a pack: the shipped pack's, with the round's
    own dates (its cut-off counts the years)."""
    from zcdesk.domain.rules_pack import shipped_pack

    return dataclasses.replace(
        shipped_pack(), round=RoundId(row.code, row.name),
        deadlines=Deadlines(row.applicant_deadline, row.employer_deadline,
                            row.district_deadline, row.paper_deadline, row.cutoff_date))


def _stored_pack(row: Any) -> RoundPack | None:
    if not row.pack:
        return None
    try:
        return load_pack(row.pack)
    except RoundPackError:  # stored by a version with another format: compare columns
        return None


def _round_columns(pack: RoundPack) -> dict[str, Any]:
    d = pack.deadlines
    return {"code": pack.code, "name": pack.name, "applicant_deadline": d.applicant,
            "employer_deadline": d.employer, "district_deadline": d.district,
            "paper_deadline": d.paper, "cutoff_date": d.cutoff}


def _column_changes(row: Any, pack: RoundPack) -> Iterator[str]:
    for key, value in _round_columns(pack).items():
        if getattr(row, key) != value:
            yield f"{key}：{_word(getattr(row, key))} → {_word(value)}"


# ------------------------------------------------------------------ the diff
def _changes(old: RoundPack, new: RoundPack) -> Iterator[str]:
    """Every key whose value differs, as "key.path：old → new" (entries counted from 1)."""
    yield from _diff(dataclasses.asdict(old), dataclasses.asdict(new), "")


def _diff(old: Any, new: Any, path: str) -> Iterator[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in new:
            yield from _diff(old.get(key), new[key], f"{path}.{key}" if path else key)
        return
    if _entries(old) and _entries(new):
        for index in range(max(len(old), len(new))):
            where = f"{path}[{index + 1}]"
            if index >= len(old):
                yield f"{where}：新增 {_entry_name(new[index])}"
            elif index >= len(new):
                yield f"{where}：删去 {_entry_name(old[index])}"
            else:
                yield from _diff(old[index], new[index], where)
        return
    if old != new:
        yield f"{path}：{_word(old)} → {_word(new)}"


def _entries(value: Any) -> bool:
    """A list of [[…]] entries (compared entry by entry), not a list of words."""
    return isinstance(value, tuple | list) and any(isinstance(v, dict) for v in value)


def _entry_name(entry: Any) -> str:
    if isinstance(entry, dict):
        for key in ("code", "key", "name", "word"):
            if entry.get(key):
                return str(entry[key])
    return _word(entry)


def _word(value: Any) -> str:
    if value is None or value == "" or value == ():
        return "（空）"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, tuple | list):
        return "、".join(_entry_name(v) for v in value) or "（空）"
    return str(value)


# ---------------------------------------------------------------- refusals
def _refusals(conn: Connection, pack: RoundPack, row: Any) -> list[str]:
    """Why the pack may not be stored (empty: it may)."""
    problems = []
    # Receipt numbers and cover barcodes are read back by these patterns (domain.receipt).
    if not _ROUND_CODE.fullmatch(pack.code):
        problems.append(f"round.code：轮次代码“{pack.code}”应为年份加 H1 或 H2（如 2026H1）："
                        "收件号和封面条码按此识别")
    for n, point in enumerate(pack.points, 1):
        if not _POINT_CODE.fullmatch(point.code):
            problems.append(f"points[{n}].code：受理点代码“{point.code}”应为 1 到 6 个大写字母"
                            "（如 SC）：收件号和封面条码按此识别")
    problems += _checklist_refusals(conn, pack, row)
    known = {r.value for r in RejectReason}
    for reason in pack.checklist.reasons:
        if reason.code not in known:
            problems.append(f"checklist.reasons：退回原因代码“{reason.code}”本程序不认识"
                            f"（可用：{'、'.join(known)}）")
    listed = {r.code for r in pack.checklist.reasons}
    for (used,) in conn.execute(select(m.Event.reason).distinct()
                                .where(m.Event.reason.is_not(None))):
        if used not in listed:
            problems.append(f"checklist.reasons：缺少已用于退回登记的原因“{used}”")
    return problems


def _checklist_refusals(conn: Connection, pack: RoundPack, row: Any) -> list[str]:
    """A round's packets and batches are checked against its own checklist: once copies
    are recorded in round `row`, a new pack for it must keep its items' codes, scopes
    and copies (names may change). A new round (row None) may list what it likes."""
    if row is None:
        return []
    event, packet, batch = m.Event.__table__, m.Packet.__table__, m.Batch.__table__
    recorded = set(conn.execute(
        select(event.c.item_code).distinct()
        .select_from(event.outerjoin(packet, event.c.packet_id == packet.c.id)
                     .outerjoin(batch, event.c.batch_id == batch.c.id))
        .where(event.c.item_code.is_not(None),
               (packet.c.round_id == row.id) | (batch.c.round_id == row.id))).scalars())
    if not recorded:
        return []
    old = _stored_pack(row)
    if old is not None:
        stored = {i.code: (i.short_name, i.scope, i.copies) for i in old.checklist.items}
    else:  # a round from before 0008: the working rows were its checklist
        stored = {r.code: (r.short_name, r.scope, r.copies_required)
                  for r in conn.execute(select(m.ChecklistItemRow.__table__))}
    wanted = {i.code: i for i in pack.checklist.items}
    problems = []
    for code, (short_name, scope, copies) in stored.items():
        item = wanted.get(code)
        if item is None:
            problems.append(f"checklist.items：缺少材料“{short_name}”（{code}）；"
                            f"轮次 {row.code} 已有收件登记，其报送清单须保持一致")
        elif (item.scope, item.copies) != (scope, copies):
            problems.append(
                f"checklist.items：材料“{short_name}”（{code}）在轮次 {row.code} 已有收件登记，"
                f"不能由{_scope(scope)} {copies} 份改为{_scope(item.scope)} {item.copies} 份"
                "（会改变已收材料袋的齐全状态）")
    for code, item in wanted.items():
        if code not in stored:
            problems.append(f"checklist.items：不能新增材料“{item.short_name}”（{code}）："
                            f"轮次 {row.code} 已有收件登记，新增材料会改变已收材料袋的齐全状态；"
                            "新的材料要求请放在新轮次的配置中")
    return problems


def _scope(scope: str) -> str:
    return "每袋" if scope == "packet" else "每批"


# ------------------------------------------------------------ shared rows
def pack_checklist(pack: RoundPack) -> list[ChecklistItem]:
    """A pack's checklist items (both scopes) as the working rows hold them: the same
    items, numbers and order whether read from the rows or from a stored pack."""
    return [ChecklistItem(code=i.code, name=i.name, short_name=i.short_name,
                          scope=Scope(i.scope), copies_required=i.copies,
                          checks=tuple(i.checks), sort_order=10 * n)
            for n, i in enumerate(pack.checklist.items, 1)]


def _sync_reference(conn: Connection, pack: RoundPack) -> None:
    """The acceptance points, the checklist and the catalogue as `pack` has them.

    Only what differs is written. Points are never deleted (visits and batches
    reference them); checklist items the pack drops are deleted (the refusals
    made sure none has recordings); the catalogue is replaced when it differs.
    """
    points = {p.code: {"name": p.name, "short_name": p.short_name, "phone": p.phone,
                       "address": p.address, "kind": p.kind, "note": _with_contact(p)}
              for p in pack.points}
    city = pack.city
    points[city.code] = {"name": city.name, "short_name": city.short_name,
                         "phone": city.phone, "address": city.address, "kind": "city",
                         "note": _with_contact(city)}
    _upsert(conn, m.AcceptancePoint.__table__, points, _POINT_FIELDS, delete_missing=False)
    items = {i.code: {"name": i.name, "short_name": i.short_name, "scope": i.scope.value,
                      "copies_required": i.copies_required, "checks": list(i.checks),
                      "sort_order": i.sort_order}
             for i in pack_checklist(pack)}
    _upsert(conn, m.ChecklistItemRow.__table__, items, _ITEM_FIELDS, delete_missing=True)
    table = m.Qualification.__table__
    wanted = [{"seq": n, "name": e.name, "abbreviation": e.abbreviation, "issuer": e.issuer,
               "issuer_en": e.issuer_en, "title": e.title, "series": e.series,
               "condition": e.condition} for n, e in enumerate(pack.catalogue.entries, 1)]
    stored = [{k: getattr(r, k) for k in _QUAL_FIELDS}
              for r in conn.execute(select(table).order_by(table.c.seq, table.c.id))]
    if stored != wanted:
        conn.execute(delete(table))
        if wanted:
            conn.execute(insert(table), wanted)


def _point_info(point: Any, point_id: int, kind: str) -> PointInfo:
    """A pack's point (or city bureau) as the shared row would hold it."""
    return PointInfo(point_id, point.code, point.name, point.short_name, point.phone,
                     point.address, kind, _with_contact(point))


def _with_contact(point: Any) -> str:
    """Migration 0002 keeps a contact inside the note: "联系人：崔银珊。…"."""
    return f"联系人：{point.contact}。{point.note}" if point.contact else point.note


def _upsert(conn: Connection, table: Any, rows: dict[str, dict[str, Any]],
            columns: tuple[str, ...], *, delete_missing: bool) -> None:
    stored = {r.code: r for r in conn.execute(select(table))}
    for code, values in rows.items():
        old = stored.get(code)
        if old is None:
            conn.execute(insert(table).values(code=code, **values))
        elif any(getattr(old, k) != values[k] for k in columns):
            conn.execute(update(table).where(table.c.code == code).values(**values))
    if delete_missing:
        gone = [code for code in stored if code not in rows]
        if gone:
            conn.execute(delete(table).where(table.c.code.in_(gone)))


def _forget_eligibility(conn: Connection, code: str) -> None:
    """The pre-check of a round's packets depends on its cut-off and catalogue: a
    changed pack has them judged anew. Other rounds' verdicts stay their own."""
    packet = m.Packet.__table__
    round_id = select(m.Round.id).where(m.Round.code == code).scalar_subquery()
    conn.execute(update(packet).where(packet.c.round_id == round_id)
                 .values(eligibility=None, eligibility_reasons=None))
