"""送评报告单（委托书）: the district's one-page cover letter for a batch.

The city notice names it but attaches no template; this is a plain official
letter: addressee, body, the figures in a table, stamp and signatures.
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Spacer

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.flow import BatchItemCount
from zcdesk.domain.records import BatchInfo, BatchView, PointInfo, RoundInfo
from zcdesk.printing.document import (
    GAP,
    HEADING,
    Title,
    build_pdf,
    cn_date,
    cn_datetime,
    group_hex,
    handover_block,
    info_table,
    para,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions

ROSTER = "《申报评审工程师资格人员花名册》"


def item_counts(batch: BatchView, items: list[ChecklistItem]) -> list[tuple[ChecklistItem, int]]:
    totals: Counter[str] = Counter()
    for packet in batch.packets:
        totals.update(packet.state.received)
    return [(item, totals[item.code]) for item in items]


def batch_item_text(item: BatchItemCount) -> str:
    """花名册 1 份 / 花名册 0 份（尚缺 1 份；退回 1 份：未盖章）."""
    notes = [f"尚缺 {item.missing} 份"] if item.missing else []
    notes += list(item.rejected)
    return f"{item.short_name} {item.accepted} 份" + (f"（{'；'.join(notes)}）" if notes else "")


def _roster_copies(info: BatchInfo) -> int:
    """Accepted copies of the stamped roster (1 until the batch's items are recorded)."""
    for item in info.items:
        if item.code == "roster" or item.short_name == "花名册":
            return item.accepted or 1
    return 1


def _batch_rows(info: BatchInfo) -> list[list[str]]:
    """批次材料, 批次状态 and, once closed, the transmittal file's hash."""
    rows = []
    if info.items:
        rows.append(["批次材料", "、".join(batch_item_text(i) for i in info.items)])
    status = info.status.label
    if info.closed_at is not None and info.sha256:
        status += f"（封批时间：{cn_datetime(info.closed_at)}）"
    rows.append(["批次状态", status])
    if info.sha256:
        rows.append(["移交文件校验值", f"SHA-256：{group_hex(info.sha256)}"])
    return rows


def _title_words(batch: BatchView) -> str:
    """工程师，制造业 — the title and series the batch's applicants apply for."""
    pairs = Counter((p.applicant.title, p.applicant.series) for p in batch.packets)
    words = "；".join("，".join(x for x in pair if x) for pair, _ in pairs.most_common())
    return f"（{words}）" if words else ""


def report_pdf(batch: BatchView, point: PointInfo, receiver: PointInfo, round_: RoundInfo,
               items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    kit = TextKit(options.fallback_font)
    st = styles(kit, 11.5)
    info = batch.batch
    people = len(batch.packets)
    forms = batch.forms
    counts = item_counts(batch, items)
    detail = "、".join(f"{item.name} {n} 份" for item, n in counts if n)
    short = "、".join(f"{item.short_name} {n} 份" for item, n in counts if n)
    body = (f"现将我单位受理的 {round_.name}杭州市国际职业资格比照认定职称"
            f"{_title_words(batch)}申报人员纸质材料报送贵办，共 {people} 人，"
            f"材料 {forms} 份" + (f"（{detail}）" if detail else "") +
            f"，另附{ROSTER} {_roster_copies(info)} 份、移交清单（编号 {info.batch_no}）1 份。"
            "上述材料已经我单位审核，现报送贵办，请予评审。")
    facts = [
        ["报送单位", point.name],
        ["申报批次", round_.name],
        ["申报人数", f"{people} 人"],
        ["材料份数", f"{forms} 份" + (f"（{short}）" if short else "")],
        ["移交清单编号", info.batch_no],
        ["随附材料", f"{ROSTER} {_roster_copies(info)} 份（加盖公章）；移交清单 1 份"],
        *_batch_rows(info),
        ["联系电话", point.phone or "—"],
    ]
    contact = [x for x in (receiver.address and f"地址：{receiver.address}",
                           receiver.phone and f"电话：{receiver.phone}",
                           getattr(receiver, "note", "")) if x]
    story = [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        Title(kit, "送评报告单（委托书）", 20, space=3),
        Spacer(1, 14),
        para(kit, f"{receiver.name}：", st.body, "接收单位"),
        Spacer(1, 4),
        para(kit, body, st.indented),
        Spacer(1, 4),
        para(kit, "特此报告。", st.indented),
        Spacer(1, 16),
        para(kit, f"{point.name}（盖章）", st.right, "受理点"),
        para(kit, cn_date(options.date()), st.right),
        Spacer(1, 18),
        info_table(kit, facts, 10.5, label_w=84.0),
        Spacer(1, 16),
        handover_block(kit, [("报送单位", point.name, ("经办人", "负责人")),
                             ("接收单位", receiver.name, ("接收人",))], 10.5),
        Spacer(1, 8),
        para(kit, GAP.join([receiver.name, *contact]), st.small, "接收单位"),
    ]
    return build_pdf(story, kit, title=f"送评报告单 {info.batch_no}",
                     ident=f"移交清单编号 {info.batch_no}", continued="送评报告单（续）",
                     today=options.date())
