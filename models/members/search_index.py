"""The member list's search index, shaped for 300,000 members.

The list searches every member's search text (name, nicknames, WeChat ID, phone, notes,
pinyin: the `search_text` column SQLite's triggers keep) plus their tag names. Here:

- the texts are read in list order in one query (SQLite sorts them itself, which is ~2x
  faster than walking the name index and fetching each row), so they lie in memory in the
  order a search scans them (~3x faster than the same strings gathered by id);
- each text is kept as its UTF-8 bytes seen as Latin-1 characters: one byte per character
  instead of two for any text with Chinese in it (~25 % less memory, faster scans), and
  exactly the same matches, since a UTF-8 word can only match a UTF-8 text at character
  boundaries;
- tag names are not copied into each text: a word that occurs in a tag's name matches
  that tag's members (read with the texts).

`search()` gives exactly what `rows.search()` gives over `rows.ordered_texts()`
(tests/test_member_search_index.py), pasted control characters included.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, compress, repeat
from operator import contains, or_

from models.members.rows import SORT_SQL, search_words, text_condition
from models.store.db import database

# {tag id: the ids of its members}
Members = dict[int, "array[int]"]

# A scan is cut into slices of this many texts (~2 ms each) so a caller can stop or let
# other work in between.
SLICE = 25_000


def _compact(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _sorter_order(key: str, descending: bool) -> str:
    """The list's ORDER BY (rows.sorted_ids), with SQLite's sorter instead of an index:
    reading every row's text through the name index costs a random page read per row."""
    expr = SORT_SQL.get(key, "m.sort_name")
    return f"ORDER BY +{expr} {'DESC' if descending else 'ASC'}, +m.sort_name, +m.id"


def read_texts(key: str = "name", descending: bool = False,
               cancelled: Callable[[], bool] = lambda: False) -> tuple[list[int], list[str]]:
    """(ids, compact search texts) in list order (~0.2 s at 100,000 members)."""
    cursor = database.execute_sql(
        f"SELECT m.id, CAST(m.search_text AS BLOB) FROM member m {_sorter_order(key, descending)}")
    ids: list[int] = []
    texts: list[str] = []
    while rows := cursor.fetchmany(20_000):
        if cancelled():
            cursor.close()
            break
        ids.extend(row[0] for row in rows)
        texts.extend(row[1].decode("latin-1") for row in rows)
    return ids, texts


def tag_words() -> dict[int, str]:
    """{tag id: its name as a search sees it (lowercase as SQLite's lower() makes it)}."""
    return dict(database.execute_sql("SELECT id, lower(name) FROM tag").fetchall())


def tag_members(tag_ids: Sequence[int]) -> Members:
    """{tag id: ids of its members} for these tags (all 25 of a demo: ~0.1 s at 100,000),
    as arrays of 8-byte ids: sets of them took ~35 MB more at 300,000 members."""
    found: Members = {int(t): array("q") for t in tag_ids}
    if found:
        # One text of ids per tag: SQLite gathers them without the interpreter lock (a
        # row per link held it ~3x as long, against the texts read beside it).
        marks = ",".join(str(t) for t in found)
        for tag_id, ids in database.execute_sql(
                f"SELECT tag_id, group_concat(member_id) FROM member_tag "
                f"WHERE tag_id IN ({marks}) GROUP BY tag_id"):
            found[tag_id] = array("q", map(int, ids.split(",")))
    return found


class SearchIndex:
    """Search texts by list position, with what tags match (see the module docstring)."""

    def __init__(self, ids: list[int], texts: list[str], tags: dict[int, str],
                 members: Members | None = None) -> None:
        self.ids, self.texts, self.tags = ids, texts, tags
        self._members: Members = dict(members or {})
        # (tags a word hits) -> 1 at each list position of a member with one of them
        self._positions: dict[tuple[int, ...], bytearray] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def adopt_members(self, members: Members) -> None:
        """Tag memberships read on another worker (those read meanwhile stay)."""
        self._members = {**members, **self._members}
        self._positions.clear()

    def members(self) -> Members:
        """The tag memberships read so far (an index of the same data in another order
        can adopt them)."""
        return self._members

    def _tagged(self, word: str) -> bytearray | None:
        """Which list positions hold a member with a tag whose name contains `word`
        (1 or 0 per position, kept per set of tags); None when no tag's name does."""
        hit = tuple(t for t, name in self.tags.items() if word in name)
        if not hit:
            return None
        cached = self._positions.get(hit)
        if cached is None:
            missing = [t for t in hit if t not in self._members]
            if missing:
                self._members.update(tag_members(missing))
            ids = set(chain.from_iterable(self._members[t] for t in hit))
            cached = bytearray(map(ids.__contains__, self.ids))  # ~10 ms per 300,000
            self._positions[hit] = cached
        return cached

    def search(self, text: str, within: Sequence[int] | None = None) -> list[int]:
        """Positions matching every word of `text`, in list order; `within` narrows the
        scan to an earlier result (typing one more letter only ever removes matches)."""
        for found in self.steps(text, within):
            if found is not None:
                return found
        raise AssertionError("steps() always ends with its result")

    def steps(self, text: str, within: Sequence[int] | None = None
              ) -> Iterator[list[int] | None]:
        """The same search one slice of SLICE texts at a time: yields None after each
        slice and the result last, so a caller can let other work in between or stop."""
        words = search_words(text)
        if not words:
            yield list(range(len(self.ids)) if within is None else within)
            return
        found: list[int] = []
        for word in words:
            if "\x01" in word:  # the separator of fields and tag names: only ever pasted
                found = within = self._across_fields(word, within)
                yield None
                continue
            needle, tagged = _compact(word), self._tagged(word)
            found = []
            span = len(self.ids) if within is None else len(within)
            for start in range(0, span, SLICE):
                stop = min(span, start + SLICE)
                if within is None:  # all C loops (map/compress): ~7 ms per 100,000 texts
                    hits = map(contains, self.texts[start:stop], repeat(needle))
                    if tagged is not None:
                        hits = map(or_, hits, tagged[start:stop])
                    found += compress(range(start, stop), hits)
                elif tagged is None:  # a comprehension beats map/compress over a subset
                    texts = self.texts
                    found += [p for p in within[start:stop] if needle in texts[p]]
                else:
                    texts = self.texts
                    found += [p for p in within[start:stop]
                              if needle in texts[p] or tagged[p]]
                yield None
            within = found
        yield found

    def _across_fields(self, word: str, within: Sequence[int] | None) -> list[int]:
        """A word with the field separator in it matches across a text and its tag names
        as the list always matched it: ask SQLite with the same rule (rows.text_condition)."""
        condition, params = text_condition(word)
        matched = {row[0] for row in database.execute_sql(
            f"SELECT m.id FROM member m WHERE {condition}", params)}
        ids = self.ids
        return [p for p in (range(len(ids)) if within is None else within) if ids[p] in matched]


def load(key: str = "name", descending: bool = False,
         cancelled: Callable[[], bool] = lambda: False,
         members: Members | None = None) -> SearchIndex:
    """The index of the whole list in that order, with every tag's members (~0.3 s at
    100,000 members), or with `members` as another read gave them ({}: none yet; a
    search reads the members of a tag it needs then, unless adopt_members came first)."""
    ids, texts = read_texts(key, descending, cancelled)
    tags = tag_words()
    if members is None and not cancelled():
        members = tag_members(list(tags))
    return SearchIndex(ids, texts, tags, members)
