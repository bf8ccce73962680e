"""设置摘要: the one page a new office keeps after its first-day set-up (#14).

Who the admins and clerks are, which acceptance point and window this PC is,
the round and its deadlines, where the database and its second backup copy
live — the facts someone needs on the day a PC breaks or the office lead is
away. PINs are never printed.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from zcdesk.domain.first_day import SetupSummary
from zcdesk.printing.document import (
    HEADING,
    Title,
    build_pdf,
    cn_date,
    cn_datetime,
    info_table,
    para,
    signatures,
    styles,
)
from zcdesk.printing.fonts import TextKit
from zcdesk.printing.options import DEFAULT_OPTIONS, PdfResult, PrintOptions

TITLE = "首次设置摘要"


def setup_summary_pdf(summary: SetupSummary,
                      options: PrintOptions = DEFAULT_OPTIONS) -> PdfResult:
    kit = TextKit.for_options(options)
    st = styles(kit)
    today = options.date()
    people = "、".join(summary.admins) or "（无）"
    clerks = "、".join(summary.clerks) or "（尚未添加，可在“设置 → 操作员管理”中添加）"
    rows: list[list[str]] = [
        ["受理点", f"{summary.office}（{summary.point_code}）"],
        ["窗口名", summary.desk_name, "计算机名", summary.host],
        ["地址", summary.point_address or "—", "电话", summary.point_phone or "—"],
        ["申报轮次", f"{summary.round_name}（{summary.round_code}）"],
        *([label, cn_date(day)] for label, day in summary.deadlines),
        ["管理员", people],
        ["窗口人员", clerks],
        ["申报人", f"已导入 {summary.applicants} 名" if summary.applicants
         else "尚未导入花名册（可在“导入 → 导入花名册”中导入）"],
        ["数据库", summary.database],
        ["第二份备份", summary.backup_folder],
    ]
    notes = [
        "1. 每位操作员用自己的姓名和 PIN 登录；PIN 不打印、不告诉他人。忘记 PIN 时由管理员在"
        "“操作员管理 → 重置 PIN”中重置。",
        "2. 程序每天自动备份一次数据库，并复制一份到上表的“第二份备份”文件夹（未连接时"
        "状态栏提示）。U 盘请保持插好，并定期把副本带离本机保存。",
        "3. 新一轮通知发布后，由管理员在“设置 → 申报轮次”中导入新轮次的配置文件。",
        "4. 本页请签字后与本窗口的工作资料一并存档。",
    ]
    story: list[Flowable] = [
        para(kit, HEADING, st.centre),
        Title(kit, TITLE, 20),
        Spacer(1, 8),
        para(kit, f"设置完成时间：{cn_datetime(summary.when)}", st.right),
        Spacer(1, 4),
        info_table(kit, rows, 10.5, label_w=100.0),
        Spacer(1, 10),
        *(para(kit, line, st.body) for line in notes),
        Spacer(1, 24),
        signatures(kit, ["管理员（签字）", "日期"], 10.5),
    ]
    return build_pdf(story, kit, title=TITLE, ident=f"{TITLE} {summary.point_code}",
                     continued=f"{TITLE}（续）", today=today)
