"""Reference data from the city notice of 2025-02-24 (2025 上半年度).

Rounds, acceptance points (annex 2), the catalogue (annex 3) and the paper
checklist (annex 2, part 2) are data: a later notice is a new migration or an
edit in the settings, never a code change in the UI.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ROUNDS = [
    {"code": "2025H1", "name": "2025 上半年度",
     "applicant_deadline": dt.date(2025, 3, 31), "employer_deadline": dt.date(2025, 4, 14),
     "district_deadline": dt.date(2025, 4, 30), "paper_deadline": dt.date(2025, 5, 30),
     "cutoff_date": dt.date(2025, 6, 30), "is_current": True},
]

POINTS = [
    ("SC", "上城区发展改革和经济信息化局", "上城区", "89500538", "上城区望潮路 77 号东楼 1706 室",
     "district", ""),
    ("GS", "拱墅区发展改革和经济信息化局", "拱墅区", "89507251",
     "拱墅区台州路 1 号 5 号楼 5 楼 5517 室", "district", ""),
    ("XH", "西湖区发展改革和经济信息化局", "西湖区", "89513702 / 89513811",
     "西湖区文三西路 18 号 402 室", "district", ""),
    ("FY", "富阳区经济和信息化局", "富阳区", "89523944", "富阳区鹳山路 18 号 309 室",
     "district", ""),
    ("TL", "桐庐县经济和信息化局", "桐庐县", "89545522", "桐庐县迎春南路 298 号综合楼 213 室",
     "district", ""),
    ("CA", "淳安县经济信息化和科学技术局", "淳安县", "89601912",
     "淳安县千岛湖镇环湖北路 651 号 2 号楼 911 室（规划展示中心）", "district", ""),
    ("SZ", "市直有关单位", "市直", "", "", "municipal",
     "市直有关单位所属企事业单位申报人的纸质材料，报市直单位审核盖章后，报中评委办公室。"),
    ("CITY", "杭州市经信局职改办", "市职改办", "85257157",
     "杭州市上城区解放东路 18 号市民中心 B 座 612", "city",
     "联系人：崔银珊。各区、县（市）纸质材料统一报送至此。"),
]

CATALOGUE = [
    (1, "会员", "", "美国化学协会", "American Chemical Society", ""),
    (2, "常规会员", "", "日本应用物理学会", "The Japan Society of Applied Physics", ""),
    (3, "降落伞装备师", "", "美国联邦航空局", "Federal Aviation Administration", ""),
    (4, "PPS 质量体系证书", "PPS", "捷克国家计量院", "Czech Metrology Institute", ""),
    (5, "项目管理专业人士资格认证", "PMP", "美国项目管理协会",
     "Project Management Institute", ""),
    (6, "国际项目经理资质认证", "IPMP", "国际项目管理协会",
     "International Project Management Association", "C 级及以上"),
    (7, "功能安全工程师", "TUV FSEng", "德国技术监督协会授权的认证机构", "TÜV", ""),
    (8, "产品经理国际资格认证", "NPDP", "美国产品开发与管理协会",
     "Product Development Management Association", ""),
    (9, "防爆电气产品认证体系人员能力认证", "IECEx CoPC", "IECEx 授权的认证机构", "IECEx", ""),
]

CHECKLIST = [
    ("evaluation", "专业技术职务任职资格评审表", "评审表", "packet", 2,
     ["watermark", "original"], 10),
    ("registration", "杭州市国际职业资格比照认定职称资格登记表", "登记表", "packet", 2,
     ["watermark", "stamp", "original"], 20),
    ("report", "送评报告单（委托书）", "送评报告单", "batch", 1, [], 30),
    ("roster", "申报评审工程师资格人员花名册", "花名册", "batch", 1, ["stamp"], 40),
]


def _tables() -> dict[str, sa.Table]:
    md = sa.MetaData()
    return {
        "round": sa.Table(
            "round", md, sa.Column("code", sa.String), sa.Column("name", sa.String),
            sa.Column("applicant_deadline", sa.Date), sa.Column("employer_deadline", sa.Date),
            sa.Column("district_deadline", sa.Date), sa.Column("paper_deadline", sa.Date),
            sa.Column("cutoff_date", sa.Date), sa.Column("is_current", sa.Boolean)),
        "acceptance_point": sa.Table(
            "acceptance_point", md, *(sa.Column(c, sa.String) for c in (
                "code", "name", "short_name", "phone", "address", "kind", "note"))),
        "qualification": sa.Table(
            "qualification", md, sa.Column("seq", sa.Integer), *(sa.Column(c, sa.String) for c in (
                "name", "abbreviation", "issuer", "issuer_en", "title", "series", "condition"))),
        "checklist_item": sa.Table(
            "checklist_item", md, *(sa.Column(c, sa.String) for c in (
                "code", "name", "short_name", "scope")),
            sa.Column("copies_required", sa.Integer), sa.Column("checks", sa.JSON),
            sa.Column("sort_order", sa.Integer)),
    }


def upgrade() -> None:
    t = _tables()
    op.bulk_insert(t["round"], ROUNDS)
    op.bulk_insert(t["acceptance_point"], [
        dict(zip(("code", "name", "short_name", "phone", "address", "kind", "note"), p,
                 strict=True)) for p in POINTS])
    op.bulk_insert(t["qualification"], [
        {"seq": seq, "name": name, "abbreviation": abbr, "issuer": issuer,
         "issuer_en": issuer_en, "title": "工程师", "series": "制造业", "condition": cond}
        for seq, name, abbr, issuer, issuer_en, cond in CATALOGUE])
    op.bulk_insert(t["checklist_item"], [
        dict(zip(("code", "name", "short_name", "scope", "copies_required", "checks",
                  "sort_order"), c, strict=True)) for c in CHECKLIST])


def downgrade() -> None:
    for table in ("checklist_item", "qualification", "acceptance_point", "round"):
        op.execute(sa.text(f"DELETE FROM {table}"))
