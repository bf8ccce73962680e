# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'applicant_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from zcdesk.ui.screen_fit import FitScrollArea

class Ui_ApplicantDialog(object):
    def setupUi(self, ApplicantDialog):
        if not ApplicantDialog.objectName():
            ApplicantDialog.setObjectName(u"ApplicantDialog")
        ApplicantDialog.resize(1000, 620)
        self.dialogLayout = QVBoxLayout(ApplicantDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 16, 16, 16)
        self.introLabel = QLabel(ApplicantDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setStyleSheet(u"font-size: 15px; color: #37474f;")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formScroll = FitScrollArea(ApplicantDialog)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.formScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.formScroll.setWidgetResizable(True)
        self.formWidget = QWidget()
        self.formWidget.setObjectName(u"formWidget")
        self.columns = QHBoxLayout(self.formWidget)
        self.columns.setSpacing(14)
        self.columns.setObjectName(u"columns")
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setSpacing(10)
        self.leftColumn.setObjectName(u"leftColumn")
        self.identityGroup = QGroupBox(self.formWidget)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityGroupForm = QFormLayout(self.identityGroup)
        self.identityGroupForm.setObjectName(u"identityGroupForm")
        self.identityGroupForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.identityGroupForm.setHorizontalSpacing(10)
        self.identityGroupForm.setVerticalSpacing(8)
        self.identityGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameCaption = QLabel(self.identityGroup)
        self.nameCaption.setObjectName(u"nameCaption")
        self.nameCaption.setMinimumSize(QSize(0, 30))
        self.nameCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.identityGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameBox = QVBoxLayout()
        self.nameBox.setSpacing(2)
        self.nameBox.setObjectName(u"nameBox")
        self.nameEdit = QLineEdit(self.identityGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(64)

        self.nameBox.addWidget(self.nameEdit)

        self.nameProblem = QLabel(self.identityGroup)
        self.nameProblem.setObjectName(u"nameProblem")
        self.nameProblem.setStyleSheet(u"color: #c62828;")
        self.nameProblem.setText(u"")
        self.nameProblem.setWordWrap(True)

        self.nameBox.addWidget(self.nameProblem)


        self.identityGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.genderCaption = QLabel(self.identityGroup)
        self.genderCaption.setObjectName(u"genderCaption")
        self.genderCaption.setMinimumSize(QSize(0, 30))
        self.genderCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.identityGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.genderCaption)

        self.genderBox = QVBoxLayout()
        self.genderBox.setSpacing(2)
        self.genderBox.setObjectName(u"genderBox")
        self.genderCombo = QComboBox(self.identityGroup)
        self.genderCombo.setObjectName(u"genderCombo")

        self.genderBox.addWidget(self.genderCombo)

        self.genderProblem = QLabel(self.identityGroup)
        self.genderProblem.setObjectName(u"genderProblem")
        self.genderProblem.setStyleSheet(u"color: #c62828;")
        self.genderProblem.setText(u"")
        self.genderProblem.setWordWrap(True)

        self.genderBox.addWidget(self.genderProblem)


        self.identityGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.genderBox)

        self.idKindCaption = QLabel(self.identityGroup)
        self.idKindCaption.setObjectName(u"idKindCaption")
        self.idKindCaption.setMinimumSize(QSize(0, 30))
        self.idKindCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.identityGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.idKindCaption)

        self.idKindBox = QVBoxLayout()
        self.idKindBox.setSpacing(2)
        self.idKindBox.setObjectName(u"idKindBox")
        self.idKindCombo = QComboBox(self.identityGroup)
        self.idKindCombo.setObjectName(u"idKindCombo")

        self.idKindBox.addWidget(self.idKindCombo)

        self.idKindProblem = QLabel(self.identityGroup)
        self.idKindProblem.setObjectName(u"idKindProblem")
        self.idKindProblem.setStyleSheet(u"color: #c62828;")
        self.idKindProblem.setText(u"")
        self.idKindProblem.setWordWrap(True)

        self.idKindBox.addWidget(self.idKindProblem)


        self.identityGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.idKindBox)

        self.idNumberCaption = QLabel(self.identityGroup)
        self.idNumberCaption.setObjectName(u"idNumberCaption")
        self.idNumberCaption.setMinimumSize(QSize(0, 30))
        self.idNumberCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.identityGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.idNumberCaption)

        self.idNumberBox = QVBoxLayout()
        self.idNumberBox.setSpacing(2)
        self.idNumberBox.setObjectName(u"idNumberBox")
        self.idNumberEdit = QLineEdit(self.identityGroup)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(40)

        self.idNumberBox.addWidget(self.idNumberEdit)

        self.idNumberProblem = QLabel(self.identityGroup)
        self.idNumberProblem.setObjectName(u"idNumberProblem")
        self.idNumberProblem.setStyleSheet(u"color: #c62828;")
        self.idNumberProblem.setText(u"")
        self.idNumberProblem.setWordWrap(True)

        self.idNumberBox.addWidget(self.idNumberProblem)


        self.identityGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.idNumberBox)


        self.leftColumn.addWidget(self.identityGroup)

        self.workGroup = QGroupBox(self.formWidget)
        self.workGroup.setObjectName(u"workGroup")
        self.workGroupForm = QFormLayout(self.workGroup)
        self.workGroupForm.setObjectName(u"workGroupForm")
        self.workGroupForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.workGroupForm.setHorizontalSpacing(10)
        self.workGroupForm.setVerticalSpacing(8)
        self.workGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.unitCaption = QLabel(self.workGroup)
        self.unitCaption.setObjectName(u"unitCaption")
        self.unitCaption.setMinimumSize(QSize(0, 30))
        self.unitCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.workGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unitCaption)

        self.unitBox = QVBoxLayout()
        self.unitBox.setSpacing(2)
        self.unitBox.setObjectName(u"unitBox")
        self.unitEdit = QLineEdit(self.workGroup)
        self.unitEdit.setObjectName(u"unitEdit")
        self.unitEdit.setMaxLength(200)

        self.unitBox.addWidget(self.unitEdit)

        self.unitProblem = QLabel(self.workGroup)
        self.unitProblem.setObjectName(u"unitProblem")
        self.unitProblem.setStyleSheet(u"color: #c62828;")
        self.unitProblem.setText(u"")
        self.unitProblem.setWordWrap(True)

        self.unitBox.addWidget(self.unitProblem)


        self.workGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.unitBox)

        self.unitAddressCaption = QLabel(self.workGroup)
        self.unitAddressCaption.setObjectName(u"unitAddressCaption")
        self.unitAddressCaption.setMinimumSize(QSize(0, 30))
        self.unitAddressCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.workGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitAddressCaption)

        self.unitAddressBox = QVBoxLayout()
        self.unitAddressBox.setSpacing(2)
        self.unitAddressBox.setObjectName(u"unitAddressBox")
        self.unitAddressEdit = QLineEdit(self.workGroup)
        self.unitAddressEdit.setObjectName(u"unitAddressEdit")
        self.unitAddressEdit.setMaxLength(200)

        self.unitAddressBox.addWidget(self.unitAddressEdit)

        self.unitAddressProblem = QLabel(self.workGroup)
        self.unitAddressProblem.setObjectName(u"unitAddressProblem")
        self.unitAddressProblem.setStyleSheet(u"color: #c62828;")
        self.unitAddressProblem.setText(u"")
        self.unitAddressProblem.setWordWrap(True)

        self.unitAddressBox.addWidget(self.unitAddressProblem)


        self.workGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.unitAddressBox)

        self.positionCaption = QLabel(self.workGroup)
        self.positionCaption.setObjectName(u"positionCaption")
        self.positionCaption.setMinimumSize(QSize(0, 30))
        self.positionCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.workGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.positionCaption)

        self.positionBox = QVBoxLayout()
        self.positionBox.setSpacing(2)
        self.positionBox.setObjectName(u"positionBox")
        self.positionEdit = QLineEdit(self.workGroup)
        self.positionEdit.setObjectName(u"positionEdit")
        self.positionEdit.setMaxLength(64)

        self.positionBox.addWidget(self.positionEdit)

        self.positionProblem = QLabel(self.workGroup)
        self.positionProblem.setObjectName(u"positionProblem")
        self.positionProblem.setStyleSheet(u"color: #c62828;")
        self.positionProblem.setText(u"")
        self.positionProblem.setWordWrap(True)

        self.positionBox.addWidget(self.positionProblem)


        self.workGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.positionBox)

        self.workStartCaption = QLabel(self.workGroup)
        self.workStartCaption.setObjectName(u"workStartCaption")
        self.workStartCaption.setMinimumSize(QSize(0, 30))
        self.workStartCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.workGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.workStartCaption)

        self.workStartBox = QVBoxLayout()
        self.workStartBox.setSpacing(2)
        self.workStartBox.setObjectName(u"workStartBox")
        self.workStartEdit = QLineEdit(self.workGroup)
        self.workStartEdit.setObjectName(u"workStartEdit")
        self.workStartEdit.setMaxLength(10)

        self.workStartBox.addWidget(self.workStartEdit)

        self.workStartProblem = QLabel(self.workGroup)
        self.workStartProblem.setObjectName(u"workStartProblem")
        self.workStartProblem.setStyleSheet(u"color: #c62828;")
        self.workStartProblem.setText(u"")
        self.workStartProblem.setWordWrap(True)

        self.workStartBox.addWidget(self.workStartProblem)


        self.workGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.workStartBox)

        self.specialtyCaption = QLabel(self.workGroup)
        self.specialtyCaption.setObjectName(u"specialtyCaption")
        self.specialtyCaption.setMinimumSize(QSize(0, 30))
        self.specialtyCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.workGroupForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.specialtyCaption)

        self.specialtyBox = QVBoxLayout()
        self.specialtyBox.setSpacing(2)
        self.specialtyBox.setObjectName(u"specialtyBox")
        self.specialtyEdit = QLineEdit(self.workGroup)
        self.specialtyEdit.setObjectName(u"specialtyEdit")
        self.specialtyEdit.setMaxLength(64)

        self.specialtyBox.addWidget(self.specialtyEdit)

        self.specialtyProblem = QLabel(self.workGroup)
        self.specialtyProblem.setObjectName(u"specialtyProblem")
        self.specialtyProblem.setStyleSheet(u"color: #c62828;")
        self.specialtyProblem.setText(u"")
        self.specialtyProblem.setWordWrap(True)

        self.specialtyBox.addWidget(self.specialtyProblem)


        self.workGroupForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.specialtyBox)

        self.fieldYearsCaption = QLabel(self.workGroup)
        self.fieldYearsCaption.setObjectName(u"fieldYearsCaption")
        self.fieldYearsCaption.setMinimumSize(QSize(0, 30))
        self.fieldYearsCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.workGroupForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.fieldYearsCaption)

        self.fieldYearsBox = QVBoxLayout()
        self.fieldYearsBox.setSpacing(2)
        self.fieldYearsBox.setObjectName(u"fieldYearsBox")
        self.fieldYearsEdit = QLineEdit(self.workGroup)
        self.fieldYearsEdit.setObjectName(u"fieldYearsEdit")
        self.fieldYearsEdit.setMaxLength(2)

        self.fieldYearsBox.addWidget(self.fieldYearsEdit)

        self.fieldYearsProblem = QLabel(self.workGroup)
        self.fieldYearsProblem.setObjectName(u"fieldYearsProblem")
        self.fieldYearsProblem.setStyleSheet(u"color: #c62828;")
        self.fieldYearsProblem.setText(u"")
        self.fieldYearsProblem.setWordWrap(True)

        self.fieldYearsBox.addWidget(self.fieldYearsProblem)


        self.workGroupForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.fieldYearsBox)


        self.leftColumn.addWidget(self.workGroup)

        self.leftColumnSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftColumnSpacer)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setSpacing(10)
        self.rightColumn.setObjectName(u"rightColumn")
        self.educationGroup = QGroupBox(self.formWidget)
        self.educationGroup.setObjectName(u"educationGroup")
        self.educationGroupForm = QFormLayout(self.educationGroup)
        self.educationGroupForm.setObjectName(u"educationGroupForm")
        self.educationGroupForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.educationGroupForm.setHorizontalSpacing(10)
        self.educationGroupForm.setVerticalSpacing(8)
        self.educationGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.educationCaption = QLabel(self.educationGroup)
        self.educationCaption.setObjectName(u"educationCaption")
        self.educationCaption.setMinimumSize(QSize(0, 30))
        self.educationCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.educationGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.educationCaption)

        self.educationBox = QVBoxLayout()
        self.educationBox.setSpacing(2)
        self.educationBox.setObjectName(u"educationBox")
        self.educationCombo = QComboBox(self.educationGroup)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setEditable(True)

        self.educationBox.addWidget(self.educationCombo)

        self.educationProblem = QLabel(self.educationGroup)
        self.educationProblem.setObjectName(u"educationProblem")
        self.educationProblem.setStyleSheet(u"color: #c62828;")
        self.educationProblem.setText(u"")
        self.educationProblem.setWordWrap(True)

        self.educationBox.addWidget(self.educationProblem)


        self.educationGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.educationBox)

        self.degreeCaption = QLabel(self.educationGroup)
        self.degreeCaption.setObjectName(u"degreeCaption")
        self.degreeCaption.setMinimumSize(QSize(0, 30))
        self.degreeCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.educationGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.degreeCaption)

        self.degreeBox = QVBoxLayout()
        self.degreeBox.setSpacing(2)
        self.degreeBox.setObjectName(u"degreeBox")
        self.degreeCombo = QComboBox(self.educationGroup)
        self.degreeCombo.setObjectName(u"degreeCombo")
        self.degreeCombo.setEditable(True)

        self.degreeBox.addWidget(self.degreeCombo)

        self.degreeProblem = QLabel(self.educationGroup)
        self.degreeProblem.setObjectName(u"degreeProblem")
        self.degreeProblem.setStyleSheet(u"color: #c62828;")
        self.degreeProblem.setText(u"")
        self.degreeProblem.setWordWrap(True)

        self.degreeBox.addWidget(self.degreeProblem)


        self.educationGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.degreeBox)

        self.schoolCaption = QLabel(self.educationGroup)
        self.schoolCaption.setObjectName(u"schoolCaption")
        self.schoolCaption.setMinimumSize(QSize(0, 30))
        self.schoolCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.educationGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.schoolCaption)

        self.schoolBox = QVBoxLayout()
        self.schoolBox.setSpacing(2)
        self.schoolBox.setObjectName(u"schoolBox")
        self.schoolEdit = QLineEdit(self.educationGroup)
        self.schoolEdit.setObjectName(u"schoolEdit")
        self.schoolEdit.setMaxLength(100)

        self.schoolBox.addWidget(self.schoolEdit)

        self.schoolProblem = QLabel(self.educationGroup)
        self.schoolProblem.setObjectName(u"schoolProblem")
        self.schoolProblem.setStyleSheet(u"color: #c62828;")
        self.schoolProblem.setText(u"")
        self.schoolProblem.setWordWrap(True)

        self.schoolBox.addWidget(self.schoolProblem)


        self.educationGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.schoolBox)

        self.graduatedOnCaption = QLabel(self.educationGroup)
        self.graduatedOnCaption.setObjectName(u"graduatedOnCaption")
        self.graduatedOnCaption.setMinimumSize(QSize(0, 30))
        self.graduatedOnCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.educationGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.graduatedOnCaption)

        self.graduatedOnBox = QVBoxLayout()
        self.graduatedOnBox.setSpacing(2)
        self.graduatedOnBox.setObjectName(u"graduatedOnBox")
        self.graduatedOnEdit = QLineEdit(self.educationGroup)
        self.graduatedOnEdit.setObjectName(u"graduatedOnEdit")
        self.graduatedOnEdit.setMaxLength(10)

        self.graduatedOnBox.addWidget(self.graduatedOnEdit)

        self.graduatedOnProblem = QLabel(self.educationGroup)
        self.graduatedOnProblem.setObjectName(u"graduatedOnProblem")
        self.graduatedOnProblem.setStyleSheet(u"color: #c62828;")
        self.graduatedOnProblem.setText(u"")
        self.graduatedOnProblem.setWordWrap(True)

        self.graduatedOnBox.addWidget(self.graduatedOnProblem)


        self.educationGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.graduatedOnBox)


        self.rightColumn.addWidget(self.educationGroup)

        self.qualificationGroup = QGroupBox(self.formWidget)
        self.qualificationGroup.setObjectName(u"qualificationGroup")
        self.qualificationGroupForm = QFormLayout(self.qualificationGroup)
        self.qualificationGroupForm.setObjectName(u"qualificationGroupForm")
        self.qualificationGroupForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.qualificationGroupForm.setHorizontalSpacing(10)
        self.qualificationGroupForm.setVerticalSpacing(8)
        self.qualificationGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.qualificationCaption = QLabel(self.qualificationGroup)
        self.qualificationCaption.setObjectName(u"qualificationCaption")
        self.qualificationCaption.setMinimumSize(QSize(0, 30))
        self.qualificationCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.qualificationGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.qualificationCaption)

        self.qualificationBox = QVBoxLayout()
        self.qualificationBox.setSpacing(2)
        self.qualificationBox.setObjectName(u"qualificationBox")
        self.qualificationCombo = QComboBox(self.qualificationGroup)
        self.qualificationCombo.setObjectName(u"qualificationCombo")
        self.qualificationCombo.setEditable(True)

        self.qualificationBox.addWidget(self.qualificationCombo)

        self.qualificationProblem = QLabel(self.qualificationGroup)
        self.qualificationProblem.setObjectName(u"qualificationProblem")
        self.qualificationProblem.setStyleSheet(u"color: #c62828;")
        self.qualificationProblem.setText(u"")
        self.qualificationProblem.setWordWrap(True)

        self.qualificationBox.addWidget(self.qualificationProblem)


        self.qualificationGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.qualificationBox)

        self.qualificationIssuerCaption = QLabel(self.qualificationGroup)
        self.qualificationIssuerCaption.setObjectName(u"qualificationIssuerCaption")
        self.qualificationIssuerCaption.setMinimumSize(QSize(0, 30))
        self.qualificationIssuerCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.qualificationGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.qualificationIssuerCaption)

        self.qualificationIssuerBox = QVBoxLayout()
        self.qualificationIssuerBox.setSpacing(2)
        self.qualificationIssuerBox.setObjectName(u"qualificationIssuerBox")
        self.issuerEdit = QLineEdit(self.qualificationGroup)
        self.issuerEdit.setObjectName(u"issuerEdit")
        self.issuerEdit.setMaxLength(100)

        self.qualificationIssuerBox.addWidget(self.issuerEdit)

        self.qualificationIssuerProblem = QLabel(self.qualificationGroup)
        self.qualificationIssuerProblem.setObjectName(u"qualificationIssuerProblem")
        self.qualificationIssuerProblem.setStyleSheet(u"color: #c62828;")
        self.qualificationIssuerProblem.setText(u"")
        self.qualificationIssuerProblem.setWordWrap(True)

        self.qualificationIssuerBox.addWidget(self.qualificationIssuerProblem)


        self.qualificationGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.qualificationIssuerBox)

        self.qualifiedOnCaption = QLabel(self.qualificationGroup)
        self.qualifiedOnCaption.setObjectName(u"qualifiedOnCaption")
        self.qualifiedOnCaption.setMinimumSize(QSize(0, 30))
        self.qualifiedOnCaption.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.qualificationGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.qualifiedOnCaption)

        self.qualifiedOnBox = QVBoxLayout()
        self.qualifiedOnBox.setSpacing(2)
        self.qualifiedOnBox.setObjectName(u"qualifiedOnBox")
        self.qualifiedOnEdit = QLineEdit(self.qualificationGroup)
        self.qualifiedOnEdit.setObjectName(u"qualifiedOnEdit")
        self.qualifiedOnEdit.setMaxLength(10)

        self.qualifiedOnBox.addWidget(self.qualifiedOnEdit)

        self.qualifiedOnProblem = QLabel(self.qualificationGroup)
        self.qualifiedOnProblem.setObjectName(u"qualifiedOnProblem")
        self.qualifiedOnProblem.setStyleSheet(u"color: #c62828;")
        self.qualifiedOnProblem.setText(u"")
        self.qualifiedOnProblem.setWordWrap(True)

        self.qualifiedOnBox.addWidget(self.qualifiedOnProblem)


        self.qualificationGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.qualifiedOnBox)


        self.rightColumn.addWidget(self.qualificationGroup)

        self.rightColumnSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightColumnSpacer)


        self.columns.addLayout(self.rightColumn)

        self.formScroll.setWidget(self.formWidget)

        self.dialogLayout.addWidget(self.formScroll)

        self.errorLabel = QLabel(ApplicantDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #c62828; font-size: 15px;")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.hintLabel = QLabel(ApplicantDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setStyleSheet(u"color: #607d8b;")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.buttonBox = QDialogButtonBox(ApplicantDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameCaption.setBuddy(self.nameEdit)
        self.genderCaption.setBuddy(self.genderCombo)
        self.idKindCaption.setBuddy(self.idKindCombo)
        self.idNumberCaption.setBuddy(self.idNumberEdit)
        self.unitCaption.setBuddy(self.unitEdit)
        self.unitAddressCaption.setBuddy(self.unitAddressEdit)
        self.positionCaption.setBuddy(self.positionEdit)
        self.workStartCaption.setBuddy(self.workStartEdit)
        self.specialtyCaption.setBuddy(self.specialtyEdit)
        self.fieldYearsCaption.setBuddy(self.fieldYearsEdit)
        self.educationCaption.setBuddy(self.educationCombo)
        self.degreeCaption.setBuddy(self.degreeCombo)
        self.schoolCaption.setBuddy(self.schoolEdit)
        self.graduatedOnCaption.setBuddy(self.graduatedOnEdit)
        self.qualificationCaption.setBuddy(self.qualificationCombo)
        self.qualificationIssuerCaption.setBuddy(self.issuerEdit)
        self.qualifiedOnCaption.setBuddy(self.qualifiedOnEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.idKindCombo)
        QWidget.setTabOrder(self.idKindCombo, self.idNumberEdit)
        QWidget.setTabOrder(self.idNumberEdit, self.unitEdit)
        QWidget.setTabOrder(self.unitEdit, self.unitAddressEdit)
        QWidget.setTabOrder(self.unitAddressEdit, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.workStartEdit)
        QWidget.setTabOrder(self.workStartEdit, self.specialtyEdit)
        QWidget.setTabOrder(self.specialtyEdit, self.fieldYearsEdit)
        QWidget.setTabOrder(self.fieldYearsEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.degreeCombo)
        QWidget.setTabOrder(self.degreeCombo, self.schoolEdit)
        QWidget.setTabOrder(self.schoolEdit, self.graduatedOnEdit)
        QWidget.setTabOrder(self.graduatedOnEdit, self.qualificationCombo)
        QWidget.setTabOrder(self.qualificationCombo, self.issuerEdit)
        QWidget.setTabOrder(self.issuerEdit, self.qualifiedOnEdit)

        self.retranslateUi(ApplicantDialog)

        QMetaObject.connectSlotsByName(ApplicantDialog)
    # setupUi

    def retranslateUi(self, ApplicantDialog):
        ApplicantDialog.setWindowTitle(QCoreApplication.translate("ApplicantDialog", u"\u65b0\u589e\u7533\u62a5\u4eba", None))
        self.introLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u6309\u9644\u4ef6 4\u300a\u767b\u8bb0\u8868\u300b\u586b\u5199\u3002\u5e26 * \u7684\u5fc5\u586b\uff1b\u65e5\u671f\u4e0d\u8be6\u8bf7\u7559\u7a7a\uff0c\u4e0d\u8981\u586b\u731c\u6d4b\u7684\u65e5\u671f\u3002", None))
        self.identityGroup.setTitle(QCoreApplication.translate("ApplicantDialog", u"\u8eab\u4efd", None))
        self.nameCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u59d3\u540d *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"\u4e0e\u8bc1\u4ef6\u4e00\u81f4", None))
        self.genderCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u6027\u522b", None))
        self.idKindCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u8bc1\u4ef6\u7c7b\u522b *", None))
        self.idNumberCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u8bc1\u4ef6\u53f7\u7801 *", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"18 \u4f4d\u5c45\u6c11\u8eab\u4efd\u8bc1\u53f7\u7801\uff0c\u672b\u4f4d\u53ef\u4e3a X", None))
        self.workGroup.setTitle(QCoreApplication.translate("ApplicantDialog", u"\u5de5\u4f5c", None))
        self.unitCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u5de5\u4f5c\u5355\u4f4d *", None))
        self.unitEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"\u8f93\u5165\u65f6\u63d0\u793a\u5df2\u6709\u5355\u4f4d", None))
        self.unitAddressCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u5355\u4f4d\u5730\u5740", None))
        self.unitAddressEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"\u9884\u5ba1\u636e\u6b64\u5224\u65ad\u5de5\u4f5c\u5730\u6240\u5728\u533a\u53bf\uff0c\u4e0d\u8be6\u8bf7\u7559\u7a7a", None))
        self.positionCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u804c\u52a1", None))
        self.workStartCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u53c2\u52a0\u5de5\u4f5c\u65f6\u95f4", None))
        self.workStartEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"YYYY-MM-DD\uff0c\u4e0d\u8be6\u53ef\u7559\u7a7a", None))
        self.specialtyCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u73b0\u4ece\u4e8b\u4e13\u4e1a", None))
        self.specialtyEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"\u5982 \u673a\u7535\u5236\u9020\u3001\u7535\u5b50\u3001\u4fe1\u606f", None))
        self.fieldYearsCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u5de5\u4f5c\u5e74\u9650", None))
        self.fieldYearsEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"\u6574\u6570\u5e74\uff0c\u4e0d\u8be6\u53ef\u7559\u7a7a", None))
        self.educationGroup.setTitle(QCoreApplication.translate("ApplicantDialog", u"\u5b66\u5386", None))
        self.educationCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u5b66\u5386", None))
        self.degreeCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u5b66\u4f4d", None))
        self.schoolCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u6bd5\u4e1a\u9662\u6821", None))
        self.graduatedOnCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u6bd5\u4e1a\u65f6\u95f4", None))
        self.graduatedOnEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"YYYY-MM-DD\uff0c\u4e0d\u8be6\u53ef\u7559\u7a7a", None))
        self.qualificationGroup.setTitle(QCoreApplication.translate("ApplicantDialog", u"\u804c\u4e1a\u8d44\u683c", None))
        self.qualificationCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u804c\u4e1a\u8d44\u683c\u540d\u79f0", None))
        self.qualificationIssuerCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u9881\u53d1\u5355\u4f4d", None))
        self.issuerEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"\u9009\u76ee\u5f55\u4e2d\u7684\u8d44\u683c\u65f6\u81ea\u52a8\u586b\u5199", None))
        self.qualifiedOnCaption.setText(QCoreApplication.translate("ApplicantDialog", u"\u53d6\u5f97\u65f6\u95f4", None))
        self.qualifiedOnEdit.setPlaceholderText(QCoreApplication.translate("ApplicantDialog", u"YYYY-MM-DD\uff0c\u4e0d\u8be6\u53ef\u7559\u7a7a", None))
        self.hintLabel.setText(QCoreApplication.translate("ApplicantDialog", u"\u8fb9\u8f93\u5165\u8fb9\u68c0\u67e5\uff0c\u95ee\u9898\u663e\u793a\u5728\u8be5\u9879\u4e0b\u65b9\uff1b\u5168\u90e8\u65e0\u8bef\u540e\u201c\u786e\u5b9a\u201d\u624d\u53ef\u7528\u3002Ctrl+Enter \u786e\u5b9a \u00b7 Esc \u53d6\u6d88", None))
    # retranslateUi

