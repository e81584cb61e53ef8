"""Help > 快速上手 and 键盘快捷键: the first steps and every shortcut, in the app's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def guide_text() -> str:
    return _tr(
        "<p><b>1. 导入名单</b>：文件 &gt; 导入名单（Ctrl+I），选 Excel、WPS、CSV 或问卷导出的文件；"
        "预览里能看到哪些是新成员、哪些会合并。</p>"
        "<p><b>2. 给成员打标签、分群</b>：在“成员”里选中几位，右键或“批量操作”。"
        "双击一位成员打开名片，记下跟进和积分。</p>"
        "<p><b>3. 排内容</b>：“内容日历”里双击某天新建，或把点子库里的点子拖到日历上。</p>"
        "<p><b>4. 办活动</b>：“活动”里用模板新建，清单会按活动日期排好；报名、签到也在这里。</p>"
        "<p><b>5. 打印本周计划</b>：“周计划”里 Ctrl+P，或导出 PDF 发到群里。</p>"
        "<p>每天第一次打开时会自动备份；误操作可以用 编辑 &gt; 撤销（Ctrl+Z）。</p>")


def shortcuts_text() -> str:
    rows = [
        ("Ctrl+1 … Ctrl+5", _tr("切换到 成员 / 内容日历 / 活动 / 周计划 / 概览")),
        ("Ctrl+N", _tr("新建（成员、内容、活动）")),
        ("Ctrl+F", _tr("搜索")),
        ("Delete", _tr("删除所选")),
        ("Ctrl+Z", _tr("撤销")),
        ("Ctrl+P", _tr("打印")),
        ("Ctrl+I / Ctrl+E", _tr("导入名单 / 导出名单")),
        ("Ctrl+O", _tr("打开其他数据库")),
        ("Tab / Shift+Tab", _tr("在控件之间移动（也会离开表格）")),
        (_tr("方向键、Enter"), _tr("在表格里移动、打开所选")),
        ("Enter / Ctrl+Enter", _tr("复制给下一位：复制消息、记跟进、换下一位")),
        ("Ctrl+Shift+S", _tr("复制给下一位：跳过这一位")),
    ]
    body = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for keys, what in rows)
    return f"<table>{body}</table>"
