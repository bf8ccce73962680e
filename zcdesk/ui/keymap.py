"""The keyboard map of the counter, for the F1 help and for tooltips."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from zcdesk.ui.i18n import tr

# Keys that are not menu actions: they work inside the scan field.
SCAN_FIELD_KEYS: tuple[tuple[str, str], ...] = (
    ("Enter", "扫描或输入证件号码 / 收件号 / 姓名后：打开材料袋"),
    ("数字 + Enter", "材料袋已打开时：当前材料收下的份数（如 2）"),
    ("R + Enter", "退回当前材料（同 F7）"),
    ("↑ / ↓", "在材料清单中换材料"),
    ("Tab", "扫描框为空时：下一项材料；有内容时：同 Enter（扫码枪以 Tab 结尾）"),
    ("Esc", "回到扫描框并全选（对话框中：取消，不登记）"),
    ("Enter / 双击", "在列表中：打开该行的材料袋"),
)


def shortcut_text(action: QAction) -> str:
    return " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                      for s in action.shortcuts())


def plain_text(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…").rstrip(".")


def add_shortcut_tooltip(action: QAction) -> None:
    keys = shortcut_text(action)
    action.setToolTip(f"{plain_text(action)}（{keys}）" if keys else plain_text(action))


def help_rows(actions: list[QAction],
              admin_only: list[QAction] | None = None) -> list[tuple[str, str]]:
    """F1's rows: each action with keys (those in `admin_only` marked), then the
    scan field's own keys."""
    needs_admin = set(admin_only or ())
    rows = [(shortcut_text(a), plain_text(a) + (tr("（需要管理员）") if a in needs_admin else ""))
            for a in actions if a.shortcuts()]
    rows += [(tr(keys), tr(what)) for keys, what in SCAN_FIELD_KEYS]
    return rows
