"""送评报告单（委托书）: the district's one-page cover letter for a batch.

The city notice names it but attaches no template; this is a plain official
letter: addressee, body, the figures in a table, stamp and signatures. It says
only what its own table shows (an attachment is named only with the copies
accepted). A batch still open prints a 草稿 — title, watermark, footer — that
lists what still blocks it and has no stamp or signature boxes (#13).
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Spacer

from zcdesk.domain.checklist import ChecklistItem
from zcdesk.domain.flow import BatchItemCount, BatchStatus
from zcdesk.domain.records import BatchInfo, BatchView, PointInfo, RoundInfo
from zcdesk.printing.content import DRAFT, batch_blockers
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


def _attachments(info: BatchInfo) -> list[str]:
    """《花名册》1 份 — the batch items sent along, as accepted (the 送评报告单 is this
    paper itself); nothing is claimed that the table does not show."""
    found = []
    for item in info.items:
        if not item.accepted or item.code == "report" or item.short_name == "送评报告单":
            continue
        roster = item.code == "roster" or item.short_name == "花名册"
        found.append(f"{ROSTER if roster else '《' + item.name + '》'} {item.accepted} 份")
    return found


def _batch_rows(info: BatchInfo) -> list[list[str]]:
    """批次材料, 批次状态 and, once closed, the transmittal file's hash."""
    rows = []
    if info.items:
        rows.append(["批次材料", "、".join(batch_item_text(i) for i in info.items)])
    status = info.status.label
    if info.closed_at is not None and info.sha256:
        status += f"（封批时间：{cn_datetime(info.closed_at)}）"
    rows.append(["批次状态", status])
    # The hash the 移交清单 prints: the file's, as sha256sum gives it (the manifest's only
    # for a batch closed before files were hashed, as the list then prints it too).
    if info.sha256:
        digest = info.file_sha256 or info.sha256
        rows.append(["移交文件校验值", f"SHA-256：{group_hex(digest)}"])
    return rows


def _title_words(batch: BatchView) -> str:
    """工程师，制造业 — the title and series the batch's applicants apply for."""
    pairs = Counter((p.applicant.title, p.applicant.series) for p in batch.packets)
    words = "；".join("，".join(x for x in pair if x) for pair, _ in pairs.most_common())
    return f"（{words}）" if words else ""


def report_pdf(batch: BatchView, point: PointInfo, receiver: PointInfo, round_: RoundInfo,
               items: list[ChecklistItem], options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    kit = TextKit.for_options(options)
    st = styles(kit, 11.5)
    info = batch.batch
    draft = info.status is BatchStatus.OPEN
    people = len(batch.packets)
    forms = batch.forms
    counts = item_counts(batch, items)
    detail = "、".join(f"{item.name} {n} 份" for item, n in counts if n)
    short = "、".join(f"{item.short_name} {n} 份" for item, n in counts if n)
    attached = [*_attachments(info), f"移交清单（编号 {info.batch_no}）1 份"]
    body = (f"现将我单位受理的 {round_.name}杭州市国际职业资格比照认定职称"
            f"{_title_words(batch)}申报人员纸质材料报送贵办，共 {people} 人，"
            f"材料 {forms} 份" + (f"（{detail}）" if detail else "") +
            f"，另附{'、'.join(attached)}。")
    blockers = batch_blockers(info.items, closed=not draft)
    if draft:
        body += "本报告单为草稿：批次尚未封批，不得盖章报送，内容以封批后打印的正式报告单为准。"
    else:
        body += "上述材料已经我单位审核，现报送贵办，请予评审。"
    facts = [
        ["报送单位", point.name],
        ["申报批次", round_.name],
        ["申报人数", f"{people} 人"],
        ["材料份数", f"{forms} 份" + (f"（{short}）" if short else "")],
        ["移交清单编号", info.batch_no],
        ["随附材料", "；".join(attached)],
        *_batch_rows(info),
        *([["尚待完成", "；".join(blockers)]] if draft else []),
        ["联系电话", point.phone or "—"],
    ]
    contact = [x for x in (receiver.address and f"地址：{receiver.address}",
                           receiver.phone and f"电话：{receiver.phone}",
                           getattr(receiver, "note", "")) if x]
    title = f"送评报告单（委托书）（{DRAFT}）" if draft else "送评报告单（委托书）"
    story = [
        para(kit, f"{HEADING}申报纸质材料", st.centre),
        Title(kit, title, 20, space=1 if draft else 3),
        Spacer(1, 14),
        para(kit, f"{receiver.name}：", st.body, "接收单位"),
        Spacer(1, 4),
        para(kit, body, st.indented),
        Spacer(1, 4),
        para(kit, "特此报告。", st.indented),
        Spacer(1, 16),
    ]
    if not draft:  # dated the day the batch was closed, not the day it is printed
        day = info.closed_at.date() if info.closed_at else options.date()
        story += [para(kit, f"{point.name}（盖章）", st.right, "受理点"),
                  para(kit, cn_date(day), st.right), Spacer(1, 18)]
    story.append(info_table(kit, facts, 10.5, label_w=84.0))
    if not draft:
        story += [Spacer(1, 16),
                  handover_block(kit, [("报送单位", point.name, ("经办人", "负责人")),
                                       ("接收单位", receiver.name, ("接收人",))], 10.5)]
    story += [Spacer(1, 8), para(kit, GAP.join([receiver.name, *contact]), st.small, "接收单位")]
    note = f"草稿：{'；'.join(blockers)}；不得盖章报送" if draft else ""
    return build_pdf(story, kit, title=f"送评报告单 {info.batch_no}",
                     ident=f"移交清单编号 {info.batch_no}", continued="送评报告单（续）",
                     today=options.date(), note=note, watermark=DRAFT if draft else "")
