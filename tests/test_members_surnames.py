"""Surnames read as surnames in sort keys and search (issue 16, part 4)."""

from __future__ import annotations

import random

import pytest
from pypinyin import Style, pinyin

from models.members import surnames
from models.members.pinyin_bulk import fast_keys
from models.members.pinyin_keys import combined_keys, search_keys, sort_key


def _readings(char: str) -> set[str]:
    return set(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


@pytest.mark.parametrize("name", sorted(surnames.SINGLE))
def test_every_single_surname_reading_is_one_of_pypinyins(name):
    assert surnames.SINGLE[name] in _readings(name)


@pytest.mark.parametrize("name", sorted(surnames.COMPOUND))
def test_every_compound_surname_reading_is_pypinyins(name):
    syllables = surnames.COMPOUND[name].split()
    assert len(syllables) == len(name) == 2
    assert all(s in _readings(c) for c, s in zip(name, syllables, strict=True))


@pytest.mark.parametrize(("name", "key"), [
    ("曾思琪", "zeng si qi"), ("单强", "shan qiang"), ("仇志刚", "qiu zhi gang"),
    ("解雨桐", "xie yu tong"), ("区家明", "ou jia ming"), ("朴树", "piao shu"),
    ("查良镛", "zha liang yong"), ("盖丽丽", "ge li li"), ("覃娟", "qin juan"),
    ("翟天临", "zhai tian lin"), ("乐嘉", "yue jia"), ("缪小青", "miao xiao qing"),
    ("单于洋", "shan yu yang"),  # 单 + 于洋, not the old compound 单于
    ("曾", "zeng"), ("长江", "chang jiang"), ("重阳", "chong yang"),
    # compound surnames
    ("尉迟恭", "yu chi gong"), ("万俟卨", "mo qi xie"), ("长孙无忌", "zhang sun wu ji"),
    ("欧阳修", "ou yang xiu"), ("诸葛亮", "zhu ge liang"), ("司马迁", "si ma qian"),
    ("上官婉儿", "shang guan wan er"), ("令狐冲", "ling hu chong"), ("乐正绫", "yue zheng ling"),
    ("澹台明月", "tan tai ming yue"),
    # first characters that are no special surname: read on their own
    ("张三", "zhang san"), ("王小明", "wang xiao ming"), ("李娜", "li na"),
    ("尉", "wei"), ("尉健行", "wei jian xing"),  # 尉 alone is wei; 尉迟 is yuchi
    # Latin letters, mixed, and other characters
    ("Amy", "amy"), ("Lily Wang", "lily wang"), ("Lily 曾", "lily  ceng"),
    ("小明Amy", "xiao ming amy"), ("曾Amy", "zeng amy"), ("😀曾", "😀 ceng"), ("", ""),
])
def test_sort_key_reads_the_surname_as_a_surname(name, key):
    assert sort_key(name) == key
    assert fast_keys(name, "")[2] == key


def test_names_sort_by_their_surname_reading():
    names = ["张伟", "曾思琪", "蔡明", "单强", "邓超", "仇志刚", "陈晨", "覃娟", "谭咏麟",
             "尉迟恭", "王芳", "解雨桐", "蒋欣", "欧阳修", "区家明"]
    assert sorted(names, key=sort_key) == [
        "蔡明", "陈晨", "邓超", "蒋欣", "区家明", "欧阳修", "覃娟", "仇志刚", "单强", "谭咏麟",
        "王芳", "解雨桐", "尉迟恭", "曾思琪", "张伟"]


@pytest.mark.parametrize(("name", "first", "others"), [
    ("曾思琪", "zengsiqi", {"cengsiqi"}),
    ("单强", "shanqiang", {"danqiang", "chanqiang"}),
    ("仇志刚", "qiuzhigang", {"chouzhigang"}),
    ("解雨桐", "xieyutong", {"jieyutong"}),
    ("查良镛", "zhaliangyong", {"chaliangyong"}),
    ("尉迟恭", "yuchigong", {"weichigong"}),
    ("万俟卨", "moqixie", {"wanqixie"}),
    ("长孙无忌", "zhangsunwuji", {"changsunwuji"}),
    ("张三", "zhangsan", set()),
])
def test_search_finds_the_surname_reading_and_every_other(name, first, others):
    full, initials = search_keys(name)
    readings = full.split()
    assert readings[0] == first
    assert others <= set(readings)  # "ceng" still finds 曾思琪
    assert initials.split()[0] == "".join(
        s[0] for s in sort_key(name).split())
    assert fast_keys(name, "")[:2] == (full, initials)


def test_a_member_saved_with_a_surname_is_sorted_and_found_by_it(db):
    from models.members import rows as member_rows
    from models.members.cards import save_member

    zeng = save_member({"name": "曾思琪", "nickname": "琪琪"})
    zhang = save_member({"name": "张伟"})
    assert zeng.sort_name == "zeng si qi"
    assert member_rows.sorted_ids("name", False)[:2] == [zeng.id, zhang.id]  # zeng < zhang
    for typed in ("zengsiqi", "cengsiqi", "zsq", "csq", "qiqi"):
        assert typed in member_rows.search_texts()[zeng.id]


def test_fast_keys_equal_pinyin_keys_with_surnames():
    rng = random.Random(16)
    heads = [*surnames.SINGLE, *surnames.COMPOUND, "张", "王", "A", "😀", " ", "行"]
    tails = "思琪中国人民银行小明重庆于洋长江Ab 1·_"
    for _ in range(3000):
        name = rng.choice(heads) + "".join(rng.choice(tails) for _ in range(rng.randint(0, 4)))
        nick = rng.choice(["", "曾老师", "单车少年", "万俟", name[::-1]])
        assert fast_keys(name, nick) == (*combined_keys(name, nick), sort_key(name)), name


def test_no_private_pypinyin_internals():
    """Public API only (pypinyin's private names break on upgrade)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "models"
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pypinyin"):
                assert not any(p.startswith("_") for p in node.module.split(".")), path
                assert not any(a.name.startswith("_") for a in node.names), path
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                    and not node.attr.startswith("__"):
                assert node.attr not in {"_prefix_set", "_set", "_mmseg"}, path
