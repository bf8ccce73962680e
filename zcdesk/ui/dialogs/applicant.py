"""F4: register an applicant who is not in the roster (annex-4 fields).

Checked as the clerk types with `store.validate_applicant`; each field's
problem shows under it and OK stays disabled while anything is wrong. Dates
are typed (YYYY-MM-DD) and may stay empty: nothing is saved that was not said.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields, replace

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QWidget

from zcdesk.domain.idnumber import ID_KINDS, RESIDENT_ID, gender_of, normalize_id
from zcdesk.domain.records import ApplicantForm, LookupKind
from zcdesk.store import Store, StoreError
from zcdesk.ui.dialogs.common import EnterAdvances, ok_button, set_button_texts
from zcdesk.ui.dialogs.visit import unit_completer
from zcdesk.ui.forms.ui_applicant_dialog import Ui_ApplicantDialog
from zcdesk.ui.i18n import tr

EDUCATION = ("", "博士研究生", "硕士研究生", "大学本科", "大学专科")
DEGREES = ("", "博士", "硕士", "第二学士", "学士")
GENDERS = (("", "（未填）"), ("男", "男"), ("女", "女"))
DATE_FIELDS = ("work_start", "graduated_on", "qualified_on")
FIELD_LABELS = {"name": "姓名", "gender": "性别", "id_kind": "证件类别", "id_number": "证件号码",
                "unit": "工作单位", "unit_address": "单位地址", "position": "职务",
                "work_start": "参加工作时间", "specialty": "现从事专业", "field_years": "工作年限",
                "education": "学历", "degree": "学位", "school": "毕业院校",
                "graduated_on": "毕业时间", "qualification": "职业资格名称",
                "qualification_issuer": "颁发单位", "qualified_on": "取得时间"}
_DATE = re.compile(r"^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$")


def parse_date(text: str) -> tuple[dt.date | None, str]:
    """(date, problem): empty text is no date and no problem."""
    text = text.strip()
    if not text:
        return None, ""
    match = _DATE.match(text)
    if not match:
        return None, tr("日期请写成 YYYY-MM-DD，如 2015-07-01；不详请留空。")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])), ""
    except ValueError:
        return None, tr("没有这一天，请核对。")


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.title() for part in rest)


class ApplicantDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: Store,
                 initial: ApplicantForm | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApplicantDialog()
        self.ui.setupUi(self)
        self._store = store
        self._touched: set[str] = set()
        self._gender_chosen = False
        self._auto_issuer = ""
        self._problems: dict[str, str] = {}
        self._registered: dict[str, str] = {}  # ID number → name already registered
        self._fill_choices()
        ok = ok_button(self.ui.buttonBox)
        ok.setDefault(True)
        set_button_texts(self.ui.buttonBox, ok=tr("确定新增"), cancel=tr("取消"))
        self.ui.buttonBox.accepted.connect(self._confirm)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._enter = EnterAdvances(self, self._inputs(), ok)
        self._set_form(initial or ApplicantForm())
        self._connect()
        self._suggest_gender()  # the ID number offered by the last unknown scan (F4)
        self.revalidate()
        self.resize(self.width(), self.sizeHint().height())
        first_empty = next((w for w in self._inputs() if not self._text_of(w)), None)
        (first_empty or self.ui.nameEdit).setFocus()

    # --------------------------------------------------------------- setup
    def _inputs(self) -> list[QWidget]:
        ui = self.ui
        return [ui.nameEdit, ui.genderCombo, ui.idKindCombo, ui.idNumberEdit, ui.unitEdit,
                ui.unitAddressEdit, ui.positionEdit, ui.workStartEdit, ui.specialtyEdit,
                ui.fieldYearsEdit,
                ui.educationCombo, ui.degreeCombo, ui.schoolEdit, ui.graduatedOnEdit,
                ui.qualificationCombo, ui.issuerEdit, ui.qualifiedOnEdit]

    def _fill_choices(self) -> None:
        ui = self.ui
        for value, label in GENDERS:
            ui.genderCombo.addItem(tr(label), value)
        try:  # the current round's ID kinds (its pack), else the shipped ones
            kinds = [k.name for k in self._store.rules_pack().ids.kinds]
        except StoreError:
            kinds = list(ID_KINDS)
        ui.idKindCombo.addItems(kinds)
        for combo, values in ((ui.educationCombo, EDUCATION), (ui.degreeCombo, DEGREES)):
            combo.addItems(list(values))
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo = ui.qualificationCombo
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", "")
        try:
            catalogue = self._store.catalogue()
            units = self._store.unit_names()
        except StoreError:
            catalogue, units = [], []
        for q in catalogue:
            name = f"{q.name}（{q.abbreviation}）" if q.abbreviation else q.name
            if q.condition:
                name = f"{name}（{q.condition}）"
            combo.addItem(name, q.issuer)
            combo.setItemData(combo.count() - 1, f"{q.issuer} {q.issuer_en}".strip(),
                              Qt.ItemDataRole.ToolTipRole)
        ui.unitEdit.setCompleter(unit_completer(units, self))
        ui.fieldYearsEdit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,2}"), self))

    def _set_form(self, form: ApplicantForm) -> None:
        ui = self.ui
        ui.nameEdit.setText(form.name)
        ui.genderCombo.setCurrentIndex(max(ui.genderCombo.findData(form.gender), 0))
        self._gender_chosen = bool(form.gender)
        ui.idKindCombo.setCurrentIndex(max(ui.idKindCombo.findText(form.id_kind), 0))
        ui.idNumberEdit.setText(form.id_number)
        ui.unitEdit.setText(form.unit)
        ui.unitAddressEdit.setText(form.unit_address)
        ui.positionEdit.setText(form.position)
        ui.specialtyEdit.setText(form.specialty)
        ui.fieldYearsEdit.setText("" if form.field_years is None else str(form.field_years))
        ui.educationCombo.setEditText(form.education)
        ui.degreeCombo.setEditText(form.degree)
        ui.schoolEdit.setText(form.school)
        ui.qualificationCombo.setEditText(form.qualification)
        ui.issuerEdit.setText(form.qualification_issuer)
        for key, edit in self._date_edits().items():
            value = getattr(form, key)
            edit.setText(value.isoformat() if value else "")
        self._touched = {f.name for f in fields(form)
                         if getattr(form, f.name) not in ("", None) and f.name in FIELD_LABELS
                         and f.name != "id_kind"}

    def _date_edits(self) -> dict[str, QLineEdit]:
        ui = self.ui
        return {"work_start": ui.workStartEdit, "graduated_on": ui.graduatedOnEdit,
                "qualified_on": ui.qualifiedOnEdit}

    def _connect(self) -> None:
        ui = self.ui
        edits = {"name": ui.nameEdit, "id_number": ui.idNumberEdit, "unit": ui.unitEdit,
                 "unit_address": ui.unitAddressEdit,
                 "position": ui.positionEdit, "specialty": ui.specialtyEdit,
                 "field_years": ui.fieldYearsEdit, "school": ui.schoolEdit,
                 "qualification_issuer": ui.issuerEdit, **self._date_edits()}
        for key, edit in edits.items():
            edit.textChanged.connect(lambda _text, k=key: self._changed(k))
        for key, combo in (("education", ui.educationCombo), ("degree", ui.degreeCombo),
                           ("qualification", ui.qualificationCombo)):
            combo.editTextChanged.connect(lambda _text, k=key: self._changed(k))
        ui.qualificationCombo.activated.connect(self._qualification_picked)
        ui.idKindCombo.currentIndexChanged.connect(lambda _i: self._changed("id_kind"))
        ui.genderCombo.activated.connect(self._gender_picked)
        ui.genderCombo.currentIndexChanged.connect(lambda _i: self.revalidate())

    # ----------------------------------------------------------- reactions
    def _changed(self, key: str) -> None:
        self._touched.add(key)
        if key in ("id_number", "id_kind"):
            self._suggest_gender()
        self.revalidate()

    def _gender_picked(self, _index: int) -> None:
        self._gender_chosen = True
        self._touched.add("gender")

    def _suggest_gender(self) -> None:
        """Gender follows the ID number's 17th digit until the clerk picks one."""
        if self._gender_chosen or self.ui.idKindCombo.currentText() != RESIDENT_ID:
            return
        gender = gender_of(normalize_id(self.ui.idNumberEdit.text())) or ""
        self.ui.genderCombo.setCurrentIndex(max(self.ui.genderCombo.findData(gender), 0))

    def _qualification_picked(self, index: int) -> None:
        issuer = self.ui.qualificationCombo.itemData(index) or ""
        current = self.ui.issuerEdit.text().strip()
        if issuer and current in ("", self._auto_issuer):
            self.ui.issuerEdit.setText(issuer)
            self._auto_issuer = issuer

    # ---------------------------------------------------------- validation
    def form(self) -> ApplicantForm:
        """What is typed; unreadable dates and years count as not given."""
        return self._read()[0]

    def _read(self) -> tuple[ApplicantForm, dict[str, str]]:
        ui = self.ui
        local: dict[str, str] = {}
        dates: dict[str, dt.date | None] = {}
        for key, edit in self._date_edits().items():
            dates[key], problem = parse_date(edit.text())
            if problem:
                local[key] = problem
        years_text = ui.fieldYearsEdit.text().strip()
        form = ApplicantForm(
            name=ui.nameEdit.text().strip(),
            id_number=normalize_id(ui.idNumberEdit.text()),
            unit=ui.unitEdit.text().strip(),
            unit_address=ui.unitAddressEdit.text().strip(),
            id_kind=ui.idKindCombo.currentText(),
            gender=ui.genderCombo.currentData() or "",
            position=ui.positionEdit.text().strip(),
            specialty=ui.specialtyEdit.text().strip(),
            field_years=int(years_text) if years_text.isdigit() else None,
            education=ui.educationCombo.currentText().strip(),
            degree=ui.degreeCombo.currentText().strip(),
            school=ui.schoolEdit.text().strip(),
            qualification=ui.qualificationCombo.currentText().strip(),
            qualification_issuer=ui.issuerEdit.text().strip(),
        )
        return replace(form, **dates), local

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    def revalidate(self) -> None:
        form, problems = self._read()
        try:
            problems = {**self._store.validate_applicant(form), **problems}
        except StoreError as exc:
            problems = {**problems, "": str(exc)}
        if "id_number" not in problems and form.id_number:
            duplicate = self._registered_name(form.id_number)
            if duplicate:
                problems["id_number"] = tr("该证件号码已登记（{name}），无需新增；"
                                           "请关闭本窗口后直接扫描。").format(name=duplicate)
        self._problems = problems
        for key in FIELD_LABELS:
            label: QLabel = getattr(self.ui, _camel(key) + "Problem")
            text = problems.get(key, "") if key in self._touched else ""
            label.setText(text)
            label.setVisible(bool(text))
        ok_button(self.ui.buttonBox).setEnabled(not problems)
        if problems:
            names = "、".join(tr(FIELD_LABELS.get(k, k)) for k in problems if k)
            general = problems.get("", "")
            self.ui.errorLabel.setText(general or tr("尚需填写或更正：{names}").format(names=names))
        else:
            self.ui.errorLabel.setText("")

    def _registered_name(self, number: str) -> str:
        # Every keystroke in any field revalidates: ask the store once per number.
        cache = self._registered
        if number not in cache:
            try:
                found = self._store.lookup(number)
            except StoreError:
                return ""
            cache[number] = (found.packet.applicant.name
                             if found.kind is LookupKind.FOUND and found.packet is not None
                             and found.packet.applicant.id_number == number else "")
        return cache[number]

    def _confirm(self) -> None:
        self.revalidate()
        if not self._problems:
            self.accept()

    @staticmethod
    def _text_of(widget: QWidget) -> str:
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        return ""


def launch(parent: QWidget | None, store: Store,
           initial: ApplicantForm | None = None) -> ApplicantForm | None:
    dialog = ApplicantDialog(parent, store, initial)
    try:
        return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
