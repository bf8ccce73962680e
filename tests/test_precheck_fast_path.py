"""The pre-check's direct path for the usual roster row (both dates known to the day,
a tier already found) gives exactly what the general rule gives (#15)."""

from __future__ import annotations

import datetime as dt
import itertools

from zcdesk.domain.education_rule import EducationRule, Studies
from zcdesk.domain.rules_pack import shipped_pack

TODAY = dt.date(2025, 3, 1)
EDUCATIONS = ("大学本科", "硕士研究生", "大学专科", "博士研究生", "", "高中", "大专", "技工学校")
DEGREES = ("学士", "", "博士", "工学硕士")
SCHOOLS = ("浙江大学", "", "杭州技师学院", "某某技工学校")
DATES = (dt.date(1990, 7, 1), dt.date(2018, 6, 30), dt.date(2020, 6, 30), dt.date(2020, 7, 1),
         dt.date(2024, 7, 1), dt.date(2025, 3, 2), dt.date(2026, 1, 1), dt.date(2000, 2, 29))


def test_the_direct_path_finds_what_judge_finds() -> None:
    pack = shipped_pack()
    general = EducationRule(pack.education, cutoff=pack.deadlines.cutoff, today=TODAY)
    direct = EducationRule(pack.education, cutoff=pack.deadlines.cutoff, today=TODAY)
    taken = 0
    for education, degree, school, graduated, work_start in itertools.product(
            EDUCATIONS, DEGREES, SCHOOLS, DATES, DATES):
        studies = Studies(education, degree, school, graduated, None, work_start, None, 5)
        expected = tuple(general.judge(studies))
        found = direct.dated(education, degree, school, graduated, work_start)
        if found is None:  # its tier not known yet, or no years to count: judge decides
            found = tuple(direct.judge(studies))
        else:
            taken += 1
        assert found == expected, studies
        # asked again: from the memo of the counted years, still the same
        assert direct.dated(education, degree, school, graduated, work_start) in (None, expected)
    assert taken > 1000  # the direct path was the one tried
