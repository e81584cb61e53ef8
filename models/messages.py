"""User-facing text produced by the domain layer (validation, CLI), in both languages.

models/ cannot use Qt's tr(), so its few messages live here as (Chinese, English)
pairs; the app sets the language once at start-up from its own language choice.
"""

from __future__ import annotations

import os
import re

_language = "zh"

MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field}不能为空", "{field} is required"),
    "too_long": ("{field}太长（最多 {limit} 个字符）", "{field} is too long (at most {limit} characters)"),
    "bad_phone": ("电话“{value}”不像手机号（11 位，可带 +86）或座机号（如 021-12345678）",
                  "Phone number “{value}” is neither a mobile number (11 digits, +86 "
                  "allowed) nor a landline (such as 021-12345678)"),
    "bad_wechat": ("微信号“{value}”格式不对（6–20 位字母、数字、_ 或 -）",
                   "WeChat ID “{value}” is not valid (6–20 letters, digits, _ or -)"),
    "dup_wechat": ("微信号“{value}”已属于成员“{other}”", "WeChat ID “{value}” already belongs to “{other}”"),
    "bad_date": ("{field}“{value}”不是有效日期", "{field} “{value}” is not a valid date"),
    "future_date": ("{field}不能晚于今天", "{field} cannot be in the future"),
    "left_before_join": ("退群日期早于入群日期", "Leave date is before the join date"),
    "bad_number": ("{field}“{value}”不是有效数字", "{field} “{value}” is not a valid number"),
    "negative": ("{field}不能为负数", "{field} cannot be negative"),
    "self_inviter": ("邀请人不能是本人", "A member cannot invite themselves"),
    "inviter_loop": ("邀请关系出现循环", "The inviter chain would loop back to this member"),
    "member_gone": ("这位成员已不存在（可能已被删除）", "This member no longer exists (deleted?)"),
    "tag_taken": ("标签“{name}”已存在", "Tag “{name}” already exists"),
    "tag_exists": ("标签“{name}”已存在，可以合并", "Tag “{name}” already exists; merge instead"),
    "undo_add_tags": ("给 {n} 位成员添加标签", "Add tags to {n} {n|member|members}"),
    "undo_remove_tags": ("移除 {n} 位成员的标签", "Remove tags from {n} {n|member|members}"),
    "undo_add_group": ("把 {n} 位成员加入群", "Add {n} {n|member|members} to a group"),
    "undo_mark_left": ("把 {n} 位成员标记为已退群", "Mark {n} {n|member|members} as left"),
    "undo_delete": ("删除 {n} 位成员", "Delete {n} {n|member|members}"),
    "undo_merge_tags": ("合并标签“{source}”到“{target}”", "Merge tag “{source}” into “{target}”"),
    "undo_delete_filter": ("删除保存的筛选“{name}”", "Delete saved filter “{name}”"),
    "undo_delete_tag": ("删除标签“{name}”", "Delete tag “{name}”"),
    "db_newer": ("{path}：这个文件由更新版本的群主台创建（数据版本 {found}，当前版本最高支持 {known}）。"
                 "文件没有被改动，请升级群主台后再打开。",
                 "{path}: written by a newer QunDesk (schema {found}, this version knows up to "
                 "{known}). It was not changed; please update QunDesk to open it."),
    "db_damaged": ("{path}：数据库已损坏（{detail}）。文件没有被改动。",
                   "{path}: the database is damaged ({detail}). It was not changed."),
    "levels_none": ("至少需要一个等级", "At least one level is needed"),
    "levels_unnamed": ("每个等级都需要名称", "Every level needs a name"),
    "levels_same_points": ("两个等级的起始积分相同", "Two levels start at the same points"),
    "levels_same_name": ("等级名称重复", "Two levels have the same name"),
    "problem_separator": ("；", "; "),
    "list_join": ("、", ", "),
    # the .ics export (models/calendar/ics.py), in the language the export runs in
    "ics_reminder": ("提醒", "Reminder"),
    "ics_groups": ("群：{groups}", "Groups: {groups}"),
    "ics_presenter": ("主讲：{name}", "Presenter: {name}"),
    "ics_calendar_name": ("{community} · 内容日历", "{community} · Content calendar"),
    "name_exists": ("名称“{name}”已存在", "The name “{name}” is already taken"),
    "default_community_name": ("我的社群", "My community"),  # until the owner names it
    # roster import / export (models/roster_*.py)
    "file_unreadable": ("无法打开“{file}”：{detail}", "Cannot open “{file}”: {detail}"),
    "file_empty": ("“{file}”是空文件", "“{file}” is empty"),
    "file_too_big": ("“{file}”太大（最多 {limit} MB），请拆分后再导入",
                     "“{file}” is too big (at most {limit} MB); split it and import the parts"),
    "file_encrypted": ("“{file}”设置了打开密码。请在 Excel/WPS 中取消密码后另存，再导入",
                       "“{file}” is password-protected. Remove the password in Excel/WPS, "
                       "save it again and import that copy"),
    "format_mismatch": ("注意：“{file}”的扩展名是 {ext}，但内容其实是 {real}，已按 {real} 读取",
                        "Note: “{file}” is named {ext} but is really {real}; read as {real}"),
    "file_html": ("“{file}”其实是网页（HTML），不是 Excel 表格。请用 Excel/WPS 打开后“另存为”"
                  " .xlsx 再导入",
                  "“{file}” is a web page (HTML), not an Excel workbook. Open it in Excel/WPS, "
                  "“Save as” .xlsx and import that"),
    "file_not_table": ("“{file}”不是表格文件（支持 .xlsx、.xls、.ods、.csv、.txt）",
                       "“{file}” is not a spreadsheet (.xlsx, .xls, .ods, .csv or .txt)"),
    "file_corrupt": ("“{file}”已损坏或不完整，无法读取。请在 Excel/WPS 中打开并重新保存",
                     "“{file}” is damaged or incomplete. Open it in Excel/WPS and save it again"),
    "file_bomb": ("“{file}”解压后异常巨大，疑似恶意文件，已拒绝",
                  "“{file}” would expand to an enormous size (a “zip bomb”); refused"),
    "file_entities": ("“{file}”含有不安全的 XML 内容（实体定义），已拒绝",
                      "“{file}” contains unsafe XML (entity definitions); refused"),
    "sheet_too_many_rows": ("“{file}”的工作表一直延伸到第 {row} 行（最多 {limit} 行）。"
                            "请删除表格末尾多余的行后再导入",
                            "A sheet in “{file}” reaches row {row} (at most {limit}). Delete "
                            "the stray rows at the end and import again"),
    "sheet_too_many_cols": ("“{file}”的工作表一直延伸到第 {col} 列（最多 {limit} 列）",
                            "A sheet in “{file}” reaches column {col} (at most {limit})"),
    "no_such_sheet": ("“{file}”里没有工作表“{sheet}”（有：{sheets}）",
                      "“{file}” has no sheet “{sheet}” (it has: {sheets})"),
    "file_no_sheets": ("“{file}”里没有工作表", "“{file}” has no worksheets"),
    "file_binary": ("“{file}”含有控制字符，不是文本表格", "“{file}” contains control characters; "
                    "it is not a text table"),
    "file_bad_bytes": ("“{file}”第 {line} 行有无法识别的文字编码。请在 Excel/WPS 中另存为"
                       "“CSV UTF-8”再导入",
                       "“{file}” line {line} has bytes in an unknown encoding. Save it as "
                       "“CSV UTF-8” in Excel/WPS and import that"),
    "cell_too_long": ("“{file}” {sheet} 第 {row} 行 {column} 列的内容太长（最多 {limit} 字）",
                      "“{file}” {sheet} row {row}, column {column}: the cell is too long "
                      "(at most {limit} characters)"),
    "csv_cell_too_long": ("“{file}”第 {row} 行有一格内容太长（最多 {limit} 字）",
                          "“{file}” line {row}: a cell is too long (at most {limit} characters)"),
    "csv_broken": ("“{file}”第 {row} 行附近有未闭合的引号，文件可能被截断",
                   "“{file}” near line {row}: a quote is never closed; the file may be cut off"),
    "column_letter": ("{letter} 列", "column {letter}"),
    "level_derived": ("“会员等级”由积分自动计算，表中的等级只作参考，不会导入",
                      "Levels are worked out from points; the sheet's level column is not "
                      "imported"),
    "ambiguous_date": ("{field}“{value}”日和月分不清（如 03/05 可能是 3月5日或5月3日），"
                       "请改成 2024-03-05 这样的写法",
                       "{field} “{value}” could be day/month or month/day; write it as "
                       "2024-03-05"),
    "date_no_year": ("{field}“{value}”缺少年份", "{field} “{value}” has no year"),
    "bad_flag": ("{field}“{value}”应填“是”或“否”", "{field} “{value}” should be yes or no"),
    "bad_int": ("{field}“{value}”应为整数", "{field} “{value}” should be a whole number"),
    "dup_in_file": ("与本表第 {row} 行是同一人，已跳过", "Same person as row {row}; skipped"),
    "likely_duplicate": ("可能与已有成员“{name}”是同一人，请核对",
                         "May be the same person as “{name}”; please check"),
    "dup_existing": ("已有成员“{name}”（{by}相同）", "Matches “{name}” (same {by})"),
    "import_summary": ("{file}（{sheet}）：新建 {created}，更新 {updated}，跳过 {skipped}，"
                       "未导入 {rejected}",
                       "{file} ({sheet}): {created} created, {updated} updated, "
                       "{skipped} skipped, {rejected} rejected"),
    "import_summary_dry": ("试运行，未写入。{file}（{sheet}）：将新建 {created}，更新 {updated}，"
                           "跳过 {skipped}，未导入 {rejected}",
                           "Dry run, nothing written. {file} ({sheet}): would create {created}, "
                           "update {updated}, skip {skipped}, reject {rejected}"),
    "import_batch": ("（导入批次 {batch}，可撤销）", "(import batch {batch}; can be undone)"),
    "points_note": ("名单导入", "Roster import"),
    "inviter_column": ("邀请人", "Invited by"),
    "inviter_unknown": ("找不到邀请人“{name}”（请填对方的微信号或唯一姓名）",
                        "Inviter “{name}” not found (use their WeChat ID or a unique name)"),
    "undo_done": ("已撤销导入批次 {batch}（{file}）：删除新建的 {created} 位，恢复更新的 {updated} 位",
                  "Undid import batch {batch} ({file}): removed {created} created, restored "
                  "{updated} updated"),
    "undo_delete_content": ("删除内容“{title}”", "Delete “{title}”"),
    "undo_delete_series": ("删除系列“{title}”", "Delete the series “{title}”"),
    "undo_delete_activity": ("删除活动“{title}”", "Delete activity “{title}”"),
    "undo_kept_edits": ("；{count} 位成员在导入后改过的内容已保留",
                        "; later edits to {count} {count|member were|members were} kept"),
    "undo_kept_later_edits": ("（{count} 条之后改过的内容已保留）",
                              " ({count} {count|row|rows} changed since {count|was|were} kept as "
                              "{count|it was|they are})"),
    "undo_nothing": ("没有可以撤销的导入", "There is no import to undo"),
    "undo_no_batch": ("没有编号为 {batch} 的导入批次", "There is no import batch {batch}"),
    "undo_done_already": ("导入批次 {batch} 已经撤销过了", "Import batch {batch} was already undone"),
    "export_unknown_tag": ("没有名为“{name}”的标签", "There is no tag named “{name}”"),
    "export_unknown_group": ("没有名为“{name}”的群", "There is no group named “{name}”"),
    "export_bad_format": ("只能导出为 .xlsx 或 .csv：{file}", "Export to .xlsx or .csv only: {file}"),
    "export_failed": ("无法写入“{file}”：{detail}", "Cannot write “{file}”: {detail}"),
    "template_example_note": ("示例行，导入前请删除", "Example row: delete before importing"),
    # files written whole or not at all (models/store/files.py)
    "io_no_space": ("无法写入“{file}”：磁盘空间已满。请腾出空间后重试，原有文件没有被改动。",
                    "Cannot write “{file}”: the disk is full. Free some space and try again; "
                    "no existing file was changed."),
    "io_no_permission": ("无法写入“{file}”：没有写入权限。请换一个文件夹，或检查文件夹的权限。",
                         "Cannot write “{file}”: permission denied. Choose another folder or "
                         "check the folder's permissions."),
    "io_read_only_fs": ("无法写入“{file}”：这个磁盘是只读的。请换一个位置保存。",
                        "Cannot write “{file}”: the disk is read-only. Save it somewhere else."),
    "io_no_folder": ("无法写入“{file}”：文件夹不存在（可能已被删除或 U 盘已拔出）。",
                     "Cannot write “{file}”: the folder does not exist (deleted, or the USB "
                     "drive was removed)."),
    "io_name_too_long": ("“{file}”：文件名太长，请换一个短一些的名字。",
                         "“{file}”: the file name is too long; choose a shorter one."),
    "io_is_folder": ("“{file}”是一个文件夹，不是文件。", "“{file}” is a folder, not a file."),
    "io_not_regular": ("“{file}”不是普通文件（可能是设备或管道），已拒绝。",
                       "“{file}” is not a regular file (a device or a pipe); refused."),
    "io_target_read_only": ("“{file}”是只读文件，不会覆盖它。请另选文件名。",
                            "“{file}” is read-only and will not be overwritten. Choose another "
                            "name."),
    "io_device_error": ("无法写入“{file}”：磁盘读写出错（设备可能已断开）。",
                        "Cannot write “{file}”: the disk reported an error (the device may be "
                        "disconnected)."),
    "io_too_big": ("无法写入“{file}”：文件超过了这个磁盘允许的大小。",
                   "Cannot write “{file}”: the file is larger than this disk allows."),
    "io_is_database": ("“{file}”是一个数据库文件，不会用导出的内容覆盖它。请另选文件名。",
                       "“{file}” is a database file; it will not be overwritten by an export. "
                       "Choose another name."),
    "io_no_such_file": ("“{file}”不存在。", "“{file}” does not exist."),
    "io_failed": ("无法写入“{file}”：{detail}", "Cannot write “{file}”: {detail}"),
    "io_exists": ("“{file}”已存在，且不是群主台的数据库，不会覆盖它。请另选文件名。",
                  "“{file}” already exists and is not a QunDesk database; it will not be "
                  "overwritten. Choose another name."),
    # the workspace file (models/store/)
    "db_not_ours": ("“{file}”不是群主台的数据库（{why}）。文件没有被改动。",
                    "“{file}” is not a QunDesk database ({why}). It was not changed."),
    "why_empty": ("空文件", "an empty file"),
    "why_not_sqlite": ("不是 SQLite 数据库", "not an SQLite database"),
    "why_other_app": ("属于别的程序", "it belongs to another program"),
    "why_tables": ("缺少群主台的数据表", "QunDesk's tables are missing"),
    "why_not_regular": ("不是普通文件", "not a regular file"),
    "db_structure": ("“{file}”的结构不对（{detail}）。文件没有被改动。",
                     "“{file}” does not have the expected structure ({detail}). It was not "
                     "changed."),
    "db_locked": ("“{file}”正在被{holder}使用，请等它结束后再试。",
                  "“{file}” is in use by {holder}; try again when it has finished."),
    "holder_window": ("群主台窗口（进程 {pid}，{since} 起）", "a QunDesk window (process {pid}, "
                      "since {since})"),
    "holder_command": ("命令 {command}（进程 {pid}，{since} 起）", "the command {command} "
                       "(process {pid}, since {since})"),
    "holder_unknown": ("另一个群主台", "another QunDesk"),
    "db_read_only": ("“{file}”是只读打开的（{why}），不能修改。",
                     "“{file}” is open read-only ({why}); it cannot be changed."),
    "why_file_read_only": ("文件是只读的", "the file is read-only"),
    "why_folder_read_only": ("所在文件夹不可写", "its folder is not writable"),
    "why_newer_file": ("文件来自更新版本的群主台", "it comes from a newer QunDesk"),
    "why_opened_for_reading": ("只为读取而打开", "opened for reading only"),
    "why_gone": ("数据库文件已不在原处", "the database file is no longer where it was"),
    "db_gone": ("数据库文件“{file}”不见了（文件夹被删除、移动，或 U 盘已拔出）。这次修改没有保存。",
                "The database file “{file}” has gone (its folder was deleted or moved, or the "
                "USB drive was removed). This change was not saved."),
    "db_full": ("磁盘空间已满，这次修改没有保存；之前保存的数据完好。请腾出空间后重试。",
                "The disk is full: this change was not saved; everything saved before is "
                "intact. Free some space and try again."),
    "db_io_error": ("读写数据库时磁盘出错（{detail}），这次修改没有保存。",
                    "The disk failed while writing the database ({detail}); this change was "
                    "not saved."),
    "db_busy": ("数据库正忙（另一个程序正在写入），请稍后再试。",
                "The database is busy (another program is writing to it); try again shortly."),
    "db_upgrade_failed": ("“{file}”升级到数据版本 {version} 失败（{detail}）。文件保持原样，"
                          "升级前的备份在“{backup}”。",
                          "Upgrading “{file}” to schema {version} failed ({detail}). The file "
                          "is as it was; a backup taken before is at “{backup}”."),
    "backup_target_exists": ("“{file}”已存在，且不是群主台的备份，不会覆盖它。",
                             "“{file}” exists and is not a QunDesk backup; it will not be "
                             "overwritten."),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "Name"),
    "nickname": ("群昵称", "Group nickname"),
    "wechat_name": ("微信昵称", "WeChat name"),
    "wechat_id": ("微信号", "WeChat ID"),
    "phone": ("手机号", "Phone"),
    "qq": ("QQ号", "QQ"),
    "email": ("邮箱", "Email"),
    "gender": ("性别", "Gender"),
    "city": ("地区", "City"),
    "birthday": ("生日", "Birthday"),
    "job_title": ("职位", "Job title"),
    "industry": ("行业", "Industry"),
    "company": ("公司", "Company"),
    "expertise": ("擅长领域", "Expertise"),
    "needs": ("个人诉求", "Needs"),
    "hobbies": ("爱好", "Hobbies"),
    "family": ("家人", "Family"),
    "source": ("来源渠道", "Source"),
    "inviter": ("邀请人", "Invited by"),
    "joined_on": ("入群时间", "Joined"),
    "left_on": ("退群时间", "Left"),
    "entry_fee": ("入群费", "Entry fee"),
    "notes": ("备注", "Notes"),
    "points": ("积分", "Points"),
    "level": ("会员等级", "Level"),
    "tags": ("标签", "Tags"),
    "groups": ("所在群", "Groups"),
    "next_contact_on": ("下次联系", "Next contact"),
    "last_contact_on": ("最近联系", "Last contact"),
    "is_friend": ("已加好友", "Friend added"),
}


def set_language(language: str) -> None:
    global _language
    _language = "en" if language.lower().startswith("en") else "zh"


def language() -> str:
    return _language


def language_from_environment() -> str:
    """The CLI follows LANG/LC_ALL like any command-line tool; Chinese otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def field_label(field: str) -> str:
    pair = FIELD_LABELS.get(field)
    if pair is None:
        return field
    return pair[1] if _language == "en" else pair[0]


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plural(text: str, params: dict[str, object]) -> str:
    """English number agreement: "{n|member|members}" is "member" when n is 1."""
    return _PLURAL.sub(lambda m: m.group(2) if params.get(m.group(1)) == 1 else m.group(3), text)


def msg(code: str, **params: object) -> str:
    zh, en = MESSAGES[code]
    if "field" in params:
        params["field"] = field_label(str(params["field"]))
    return _plural(en if _language == "en" else zh, params).format(**params)
