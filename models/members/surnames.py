"""Surnames read as surnames: 曾 zeng (not ceng), 单 shan, 仇 qiu, 尉迟 yuchi, 万俟 moqi.

pypinyin reads a character by its most common reading and has no surname mode or
surname dictionary (mozillazg/python-pinyin#120 and #297, pypinyin-dict#6 are open), so
this table names the surnames whose reading differs from pypinyin's default, and the
compound surnames. It only *chooses* among pypinyin's own readings: a test checks that
every syllable here is one of pypinyin's readings of its character (heteronyms), so the
pronunciation data stays pypinyin's.
"""

from __future__ import annotations

# One-character surnames whose surname reading is not pypinyin's default reading.
SINGLE: dict[str, str] = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "区": "ou", "朴": "piao",
    "查": "zha", "盖": "ge", "覃": "qin", "翟": "zhai", "乐": "yue", "缪": "miao",
    "秘": "bi", "种": "chong", "重": "chong", "折": "she", "长": "chang", "能": "nai",
    "员": "yun", "句": "gou", "召": "shao", "繁": "po", "隗": "wei", "炅": "gui",
    "佴": "nai", "粘": "nian", "藏": "zang", "都": "du", "六": "lu", "薄": "bo",
    "卜": "bu", "蔚": "yu", "祭": "zhai", "阚": "kan", "乜": "nie", "洗": "xian",
    "么": "yao", "角": "jue", "蕃": "pi", "尉": "wei", "万": "wan", "石": "shi",
    "沈": "shen", "柏": "bai", "贾": "jia", "陆": "lu", "车": "che", "宿": "su",
    "殷": "yin", "叶": "ye", "朝": "chao", "莘": "shen", "冼": "xian",
}

# Compound surnames (复姓), each with its reading. 单于 is left out on purpose: 单 + a
# given name starting with 于 (单于洋) is far more common today than the old 单于.
COMPOUND: dict[str, str] = {
    "欧阳": "ou yang", "上官": "shang guan", "司马": "si ma", "诸葛": "zhu ge",
    "东方": "dong fang", "皇甫": "huang fu", "尉迟": "yu chi", "万俟": "mo qi",
    "长孙": "zhang sun", "夏侯": "xia hou", "令狐": "ling hu", "公孙": "gong sun",
    "慕容": "mu rong", "轩辕": "xuan yuan", "宇文": "yu wen", "端木": "duan mu",
    "澹台": "tan tai", "钟离": "zhong li", "宗政": "zong zheng", "濮阳": "pu yang",
    "淳于": "chun yu", "太叔": "tai shu", "申屠": "shen tu", "公羊": "gong yang",
    "闻人": "wen ren", "赫连": "he lian", "鲜于": "xian yu", "闾丘": "lv qiu",
    "司徒": "si tu", "司空": "si kong", "亓官": "qi guan", "司寇": "si kou",
    "子车": "zi ju", "颛孙": "zhuan sun", "巫马": "wu ma", "公西": "gong xi",
    "漆雕": "qi diao", "乐正": "yue zheng", "壤驷": "rang si", "公良": "gong liang",
    "拓跋": "tuo ba", "夹谷": "jia gu", "宰父": "zai fu", "谷梁": "gu liang",
    "段干": "duan gan", "百里": "bai li", "东郭": "dong guo", "南门": "nan men",
    "呼延": "hu yan", "羊舌": "yang she", "微生": "wei sheng", "梁丘": "liang qiu",
    "左丘": "zuo qiu", "东门": "dong men", "西门": "xi men", "南宫": "nan gong",
    "第五": "di wu", "独孤": "du gu", "公冶": "gong ye", "仲孙": "zhong sun",
    "纳兰": "na lan", "完颜": "wan yan",
}

_COMPOUND = {k: tuple(v.split()) for k, v in COMPOUND.items()}


def surname(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The surname `text` starts with and its syllables, if the table knows its reading
    ('尉迟恭' -> ('尉迟', ('yu', 'chi')), '曾思琪' -> ('曾', ('zeng',))); None otherwise
    (the first character is then read as pypinyin reads it on its own)."""
    compound = _COMPOUND.get(text[:2])
    if compound is not None:
        return text[:2], compound
    reading = SINGLE.get(text[:1])
    return (text[:1], (reading,)) if reading is not None else None


__all__ = ["SINGLE", "COMPOUND", "surname"]
