"""A 群接龙 as the issue gives it (#16): a header, a title, an example line, a companion,
a remark in brackets and a repeated line. Shared by the parser, planner and dialog tests."""

ISSUE_EXAMPLE = """#接龙
周六读书会 12月13日 14:00
例 张三 +1

1. 小明-杭州-设计
2. Lily 带家属2人
3. 王磊（第一次来）
4. 小明-杭州-设计
"""
