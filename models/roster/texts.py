"""The roster domain's own messages (codes -> Chinese, English), registered with the
catalogue of models.messages when the roster package is first imported."""

from __future__ import annotations

from models.messages import MESSAGES, msg

__all__ = ["msg"]  # importing msg from here makes sure these codes are registered

MESSAGES.update({
    # which sheet is imported, and why the others are not
    "sheet_empty": ("工作表“{sheet}”是空的", "The sheet “{sheet}” is empty"),
    "sheet_empty_skipped": ("工作表“{sheet}”是空的，已跳过", "The sheet “{sheet}” is empty; "
                            "skipped"),
    "sheet_headerless_skipped": ("工作表“{sheet}”里没有认出表头（如姓名、微信号），已跳过",
                                 "No header (name, WeChat ID...) was recognised in the sheet "
                                 "“{sheet}”; skipped"),
    "sheet_not_cells": ("“{sheet}”是{kind}，不是表格，已跳过",
                        "“{sheet}” is a {kind}, not a table; skipped"),
    "kind_chart": ("图表", "chart"),
    "kind_dialog": ("对话框表", "dialog sheet"),
    "kind_macro": ("宏表", "macro sheet"),
    "kind_vba": ("VBA 模块", "VBA module"),
    "sheet_hidden_skipped": ("隐藏的工作表“{sheet}”没有导入（要导入请选择它）",
                             "The hidden sheet “{sheet}” was not imported (choose it to "
                             "import it)"),
    "sheet_chosen": ("“{file}”有 {count} 个工作表，导入的是“{sheet}”（其他：{others}）",
                     "“{file}” has {count} sheets; “{sheet}” was imported (the others: "
                     "{others})"),
    "file_no_data": ("“{file}”里没有任何内容（{sheets}）。请确认选对了文件，或在 Excel/WPS 中"
                     "打开看看名单在哪里",
                     "“{file}” holds no data ({sheets}). Check that this is the right file, or "
                     "open it in Excel/WPS to see where the roster is"),
    "file_no_data_sheets": ("工作表：{sheets}，都是空的", "sheets: {sheets}, all empty"),
    "file_no_data_text": ("只有文件头，没有文字", "nothing but a byte-order mark or blanks"),
    "sheet_empty_pick": ("“{file}”的工作表“{sheet}”是空的。有内容的工作表：{sheets}",
                         "The sheet “{sheet}” of “{file}” is empty. Sheets that hold data: "
                         "{sheets}"),
    "sheet_empty_none": ("“{file}”的工作表“{sheet}”是空的，其他工作表也没有内容",
                         "The sheet “{sheet}” of “{file}” is empty, and so are the others"),
    "no_columns_in_sheet": ("“{file}”的工作表“{sheet}”中没有认出任何列（如姓名、微信号、手机号）。"
                            "第 {row} 行读作：{headers}",
                            "No column of the sheet “{sheet}” in “{file}” was recognised "
                            "(name, WeChat ID, phone...). Row {row} reads: {headers}"),
    "no_columns_other_sheets": ("。其他有内容的工作表：{sheets}（用 --sheet 选择）",
                                ". Other sheets that hold data: {sheets} (choose with --sheet)"),
    "no_name_column": ("“{file}”的工作表“{sheet}”里没有姓名或群昵称列，每位成员至少要有一个名字。"
                       "认出的列：{columns}",
                       "The sheet “{sheet}” of “{file}” has no name or nickname column, and "
                       "every member needs a name. Columns recognised: {columns}"),
    "columns_unused": ("这些列没有导入：{columns}（要导入，请在导入向导里把它们对应到卡片的一项或"
                       "自定义字段）",
                       "These columns were not imported: {columns} (to import them, map them "
                       "to a card field or a custom field in the import wizard)"),
    "survey_columns": ("这是问卷导出的表，问卷自带的列没有导入：{columns}（它们记录的是这次填写，"
                       "不是成员本人；需要的话可在导入向导里对应）",
                       "This is a survey export; the survey's own columns were not imported: "
                       "{columns} (they describe the submission, not the member; map them in "
                       "the import wizard if you need them)"),
    "phone_as_text": ("电话“{value}”不像手机号或座机号，已按原样保存（请核对）",
                      "Phone “{value}” is neither a mobile nor a landline number; kept as "
                      "written (please check it)"),
    "phone_scientific": ("电话“{value}”是 Excel 的科学计数法写法，号码的后几位已经丢失；已按原样保存。"
                         "请在 Excel 里把这一列设为“文本”后重新导出",
                         "Phone “{value}” was written by Excel in scientific notation and its "
                         "last digits are lost; kept as written. Format the column as Text in "
                         "Excel and export it again"),
    "text_cleaned": ("这一格里有看不见的控制字符，已删除（其余内容照常导入）",
                     "This cell held invisible control characters; they were removed (the "
                     "rest was imported)"),
    "text_moved_to_notes": ("{field}太长（最多 {limit} 个字符），已整段放进备注",
                            "{field} is too long (at most {limit} characters); it was kept "
                            "whole in the notes"),
    "formula_no_value": ("{cell} 是公式，但文件里没有保存它的计算结果，导入为空。请在 Excel/WPS 中"
                         "打开并保存一次后再导入",
                         "{cell} is a formula saved without its result, so it was imported "
                         "empty. Open the file in Excel/WPS, save it, and import it again"),
    "sheet_rows_real": ("“{file}”的工作表有 {rows} 行内容（最多 {limit} 行），请拆成几个文件再导入",
                        "A sheet in “{file}” holds {rows} rows (at most {limit}); split it "
                        "into several files and import them one by one"),
    "sheet_too_big": ("“{file}”的工作表太大（{rows} 行 × {cols} 列，最多 {cells} 格），请删掉用不到的"
                      "列，或拆成几个文件再导入",
                      "A sheet in “{file}” is too big ({rows} rows × {cols} columns, at most "
                      "{cells} cells); delete the columns you do not need, or split it"),
    # the command line's own lines (main.py), in the language it runs in
    "cli_problem": ("  第 {row} 行，{column}：{message}", "  row {row}, {column}: {message}"),
    "cli_more_problems": ("  ……还有 {count} 条（见 --report）", "  ... {count} more (see --report)"),
    "cli_exported": ("已导出 {count} 位成员到 {file}", "exported {count} members to {file}"),
    "cli_not_batch": ("“{text}”不是导入批次号", "“{text}” is not a batch number"),
    "file_mangled": ("“{file}”里的中文在保存时已经丢失，变成了“?”（文字编码出错，无法还原）。请在原来的"
                     "软件里重新导出，或在 Excel/WPS 中打开原文件，另存为“CSV UTF-8”或 .xlsx 再导入",
                     "The Chinese text in “{file}” was lost when the file was saved: it became "
                     "“?” (a wrong text encoding, which cannot be undone). Export it again from "
                     "the program it came from, or open the original in Excel/WPS and save it as "
                     "“CSV UTF-8” or .xlsx"),
    "sheet_no_rows": ("工作表“{sheet}”只有表头，没有成员行", "The sheet “{sheet}” has a header "
                      "but no member rows"),
})
