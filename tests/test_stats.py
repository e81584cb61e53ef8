"""Overview figures on a known community: flows by week, active/silent, at risk, leaderboard,
activity participation, snapshots that survive deletions, click-through filters, CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from models.members import segments
from models.members.cards import Member, save_member
from models.members.contributions import add_contribution, leaderboard
from models.members.followups import log_followup
from models.members.groups import add_to_group, save_group
from models.members.tags import add_tags, get_or_create_tag
from models.stats import members as stats_members
from models.stats import overview as stats
from models.stats.snapshot import StatsSnapshot
from models.store import settings

TODAY = dt.date(2026, 11, 18)  # a Wednesday; its ISO week 2026-W47 starts on 16 Nov
D = dt.date


@pytest.fixture
def community(db):
    return build_community()


def build_community() -> dict[str, int]:
    """Seven members with joins, departures, contributions and follow-ups on known days."""
    def member(name: str, joined: dt.date, left: dt.date | None = None,
               birthday: dt.date | None = None) -> int:
        return save_member({"name": name, "joined_on": joined, "left_on": left,
                            "birthday": birthday}).id

    ids = {
        "an": member("安安", D(2026, 11, 16), birthday=D(1990, 11, 20)),  # joined this week
        "bai": member("白白", D(2026, 11, 17)),                           # joined this week
        "chen": member("陈晨", D(2026, 11, 10), D(2026, 11, 17)),         # left this week
        "ding": member("丁丁", D(2026, 1, 5), birthday=D(1985, 12, 10)),
        "e": member("鄂鄂", D(2025, 6, 1), D(2026, 11, 3)),               # left in W45
        "fang": member("方方", D(2026, 3, 2)),
        "zhang": member("张伟", D(2026, 10, 1)),
    }
    add_contribution(ids["an"], "answer", 10, D(2026, 11, 17))
    add_contribution(ids["bai"], "invite", 20, D(2026, 11, 16))
    add_contribution(ids["bai"], "attend", 5, D(2026, 11, 2))
    add_contribution(ids["ding"], "best_share", 50, D(2026, 11, 10))
    add_contribution(ids["fang"], "custom", 30, D(2026, 11, 1))
    add_contribution(ids["zhang"], "answer", 10, D(2026, 10, 5))  # 44 days ago: not active
    log_followup(ids["fang"], D(2026, 11, 1), "wechat", "聊了近况")
    group = save_group({"name": "一群", "platform": "wechat", "capacity": 10})
    add_to_group([ids["an"], ids["bai"], ids["chen"], ids["ding"]], group.id)
    tag = get_or_create_tag("AI", None)
    add_tags([ids["an"], ids["chen"], ids["zhang"]], [tag.id])
    ids["group"], ids["tag"] = group.id, tag.id
    return ids


def test_headline_figures(community):
    f = stats.compute(TODAY)
    h = f["headline"]
    assert h["members"] == 5 and h["left_total"] == 2
    assert (h["active"], h["silent"]) == (4, 1)  # an, bai, ding, fang / zhang
    assert h["at_risk"] == 2  # ding and zhang: members > 30 days, no private chat in 30 days
    assert (h["joined_week"], h["left_week"]) == (2, 1)
    assert f["totals"]["capacity"] == 10 and f["totals"]["in_capped_groups"] == 3
    assert f["groups"][0]["fill"] == 0.3
    json.dumps(f)  # JSON-ready as it is


def test_joins_and_departures_by_iso_week(community):
    weeks = {w["week"]: w for w in stats.compute(TODAY)["weekly"]}
    assert len(weeks) == 52 and list(weeks)[-1] == "2026-W47"
    assert (weeks["2026-W47"]["joined"], weeks["2026-W47"]["left"]) == (2, 1)
    assert (weeks["2026-W46"]["joined"], weeks["2026-W46"]["left"]) == (1, 0)
    assert (weeks["2026-W45"]["joined"], weeks["2026-W45"]["left"]) == (0, 1)
    assert weeks["2026-W40"]["joined"] == 1 and weeks["2026-W10"]["joined"] == 1
    assert weeks["2026-W47"]["start"] == "2026-11-16"
    assert sum(w["joined"] for w in weeks.values()) == 6  # 鄂鄂 joined before the window


def test_active_window_follows_the_setting(community):
    settings.put("active_days", 50)
    assert stats.compute(TODAY, snapshot=False)["headline"]["active"] == 5  # zhang too


def test_at_risk_rule(community):
    ids = community
    risk = stats.compute(TODAY, snapshot=False)["at_risk"]
    assert risk["count"] == 2 and risk["days"] == 30
    assert [m["member_id"] for m in risk["members"]] == [ids["ding"], ids["zhang"]]  # by points
    log_followup(ids["ding"], D(2026, 11, 12), "phone", "")
    assert stats.compute(TODAY, snapshot=False)["headline"]["at_risk"] == 1
    Member.update(joined_on=None).where(Member.id == ids["zhang"]).execute()
    assert stats.compute(TODAY, snapshot=False)["headline"]["at_risk"] == 0  # join unknown
    Member.update(joined_on=D(2026, 10, 1)).where(Member.id == ids["zhang"]).execute()
    settings.put("at_risk_days", 60)  # zhang has now been a member for less than the window
    assert stats.compute(TODAY, snapshot=False)["headline"]["at_risk"] == 0


def test_leaderboard_order(community):
    ids = community
    board = stats.compute(TODAY, snapshot=False)["leaderboard"]
    assert [r["member_id"] for r in board["week"]] == [ids["bai"], ids["an"]]
    assert [r["points"] for r in board["week"]] == [20, 10]
    assert [r["member_id"] for r in board["month"]] == [ids["ding"], ids["fang"], ids["bai"],
                                                         ids["an"]]
    # All time: ties (安安 and 张伟, 10 each) in pinyin order, like contributions.leaderboard.
    assert [r["member_id"] for r in board["all"]] == [m for m, _, _ in leaderboard(None)]
    assert [r["name"] for r in board["all"]][-2:] == ["安安", "张伟"]
    assert [r["rank"] for r in board["all"]] == [1, 2, 3, 4, 5]
    assert board["all"][0]["level"] == "新人"  # 50 points is below the first threshold


def test_birthdays_and_queue(community):
    f = stats.compute(TODAY, snapshot=False)
    assert [(b["name"], b["in_days"], b["age"]) for b in f["birthdays"]["members"]] == [
        ("安安", 2, 36)]
    q = f["queue"]
    assert q["due"] == 0 and q["add_friend"] == 5 and q["limit"] == 20  # nobody is a friend
    settings.put("daily_friend_limit", 2)
    assert stats.compute(TODAY, snapshot=False)["queue"]["add_friend"] == 2


def test_tag_mix_counts_current_members(community):
    (category,) = stats.compute(TODAY, snapshot=False)["tags"]
    assert category["tags"][0]["name"] == "AI" and category["tags"][0]["members"] == 2


def test_snapshot_survives_deleting_members(community):
    ids = community
    stats.compute(TODAY)
    this_week = StatsSnapshot.get(StatsSnapshot.week_start == D(2026, 11, 16))
    assert json.loads(this_week.figures)["members"] == 5 and not this_week.estimated
    past = StatsSnapshot.select().where(StatsSnapshot.week_start < D(2026, 11, 16))
    assert past.count() == 12 and all(s.estimated for s in past)  # rebuilt once, marked
    # Same week: the snapshot follows the latest figures.
    save_member({"name": "新人", "joined_on": TODAY})
    stats.compute(TODAY)
    assert json.loads(StatsSnapshot.get(StatsSnapshot.week_start == D(2026, 11, 16))
                      .figures)["members"] == 6
    # Next week, three members are deleted: last week's snapshot keeps its figures.
    Member.delete().where(Member.id.in_([ids["an"], ids["bai"], ids["ding"]])).execute()
    later = stats.compute(D(2026, 11, 25))
    assert later["headline"]["members"] == 3
    kept = {w["week_start"]: w for w in later["trend"]}
    assert kept["2026-11-16"]["members"] == 6 and kept["2026-11-23"]["members"] == 3
    assert later["change"]["members"] == -3


def test_parallel_and_serial_give_the_same_figures(community):
    assert stats.compute(TODAY, snapshot=False, threads=2) == stats.compute(
        TODAY, snapshot=False, threads=1)


def test_activity_participation(db):
    from models.activities.activity import save_activity
    from models.activities.signups import check_in, sign_up

    people = [save_member({"name": f"成员{i}", "joined_on": D(2026, 1, 1)}).id for i in range(6)]
    reading = save_activity({"title": "读书会", "start": dt.datetime(2026, 11, 4, 20)})
    meetup = save_activity({"title": "线下聚会", "start": dt.datetime(2026, 11, 14, 14)})
    future = save_activity({"title": "下周分享", "start": dt.datetime(2026, 11, 25, 20)})
    sign_up(reading.id, people[:4], D(2026, 11, 1))
    sign_up(meetup.id, people, D(2026, 11, 10))
    sign_up(future.id, people, D(2026, 11, 10))
    for m in people[:3]:
        check_in(reading.id, m, dt.datetime(2026, 11, 4, 20))
    check_in(meetup.id, people[0], dt.datetime(2026, 11, 14, 14))
    p = stats.compute(TODAY, snapshot=False)["participation"]
    assert [(a["title"], a["signed_up"], a["attended"], a["rate"]) for a in p["activities"]] == [
        ("读书会", 4, 3, 0.75), ("线下聚会", 6, 1, round(1 / 6, 4))]
    assert (p["signed_up"], p["attended"], p["rate"]) == (10, 4, 0.4)
    assert p["members_attended"] == 3 and p["member_rate"] == 0.5
    mf = stats_members.filter_for("attended", TODAY, reading.id, "读书会")
    assert mf.member_ids == people[:3]
    signed = stats_members.filter_for("signed_up", TODAY, meetup.id, "线下聚会")
    assert signed.member_ids == people and signed.status == "all"  # the signed-up bar: 6


def _listed(spec: segments.MemberFilter) -> set[int]:
    """What the member list would show for a click-through filter."""
    return set(segments.matching_ids(spec, TODAY))


def test_click_through_filters_list_the_counted_members(community):
    ids = community
    f = stats.compute(TODAY, snapshot=False)
    h = f["headline"]
    cases = {
        "members": (None, {ids[k] for k in ("an", "bai", "ding", "fang", "zhang")}),
        "active": (None, {ids[k] for k in ("an", "bai", "ding", "fang")}),
        "silent": (None, {ids["zhang"]}),
        "at_risk": (None, {ids["ding"], ids["zhang"]}),
        "joined": ("2026-11-16", {ids["an"], ids["bai"]}),
        "left": ("2026-11-16", {ids["chen"]}),
        "group": (ids["group"], {ids["an"], ids["bai"], ids["ding"]}),
        "tag": (ids["tag"], {ids["an"], ids["zhang"]}),
        "top": ("week", {ids["bai"], ids["an"]}),
        "birthdays": (14, {ids["an"]}),
        "queue": (None, {ids[k] for k in ("an", "bai", "ding", "fang", "zhang")}),
        "member": (ids["chen"], {ids["chen"]}),
    }
    for key, (arg, expected) in cases.items():
        spec = stats_members.filter_for(key, TODAY, arg, label=key)
        assert spec.label == key
        assert _listed(spec) == expected, key
    assert len(_listed(stats_members.filter_for("active", TODAY))) == h["active"]
    assert len(_listed(stats_members.filter_for("at_risk", TODAY))) == h["at_risk"]
    weekly = {w["start"]: w for w in f["weekly"]}
    for week in ("2026-11-16", "2026-11-09", "2026-11-02"):
        assert len(_listed(stats_members.filter_for("joined", TODAY, week))) == \
            weekly[week]["joined"]
        assert len(_listed(stats_members.filter_for("left", TODAY, week))) == weekly[week]["left"]
    structural = stats_members.filter_for("group", TODAY, ids["group"])
    assert structural.group_id == ids["group"] and structural.member_ids is None
    with pytest.raises(ValueError):
        stats_members.filter_for("nonsense", TODAY)


def test_capacity_and_this_week_open_the_members_they_count(community):
    """群容量 counts places in groups with a limit; it opens the members holding them (one
    member in two such groups is one row). This week counts joins up to today only."""
    ids = community
    second = save_group({"name": "二群", "platform": "wechat", "capacity": 5})
    add_to_group([ids["an"], ids["fang"], ids["e"]], second.id)  # e has left
    save_group({"name": "大群", "platform": "qq", "capacity": 0})  # no limit: not counted
    t = stats.compute(TODAY, snapshot=False)["totals"]
    assert (t["in_capped_groups"], t["capacity"], t["capped_members"]) == (5, 15, 4)
    spec = stats_members.filter_for("capped", TODAY, label="有人数上限的群的成员")
    assert _listed(spec) == {ids[k] for k in ("an", "bai", "ding", "fang")}
    ahead = save_member({"name": "周五入群", "joined_on": D(2026, 11, 20)}).id  # typed ahead
    f = stats.compute(TODAY, snapshot=False)
    assert f["headline"]["joined_week"] == f["weekly"][-1]["joined"] == 2
    week = stats_members.filter_for("joined", TODAY, "2026-11-16")
    assert week.joined_to == TODAY and ahead not in _listed(week)
    assert _listed(stats_members.filter_for("joined", D(2026, 11, 22), "2026-11-16")) == {
        ids["an"], ids["bai"], ahead}  # on Sunday the whole week


def test_figures_on_the_demo_community(demo_db):
    f = stats.compute(dt.date(2026, 11, 18))
    h = f["headline"]
    assert h["members"] + h["left_total"] == 120
    assert h["active"] + h["silent"] == h["members"]
    assert len(stats_members.at_risk_ids(dt.date(2026, 11, 18))) == h["at_risk"]
    assert "Overview as of 2026-11-18" in stats.format_text(f)


def test_cli_stats_json(community, db, db_path, capsys):
    import main

    db.close()  # the CLI opens the file itself (and the fixture closes that connection)

    assert main.main(["--db", str(db_path), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"headline", "weekly", "tags", "participation", "leaderboard", "queue", "birthdays",
            "at_risk", "trend", "groups", "totals"} <= set(data)
    assert data["headline"]["members"] == 5
    assert main.main(["--db", str(db_path), "stats"]) == 0
    text = capsys.readouterr().out
    assert "Members:" in text and "Top contributors" in text and "安安" in text


def test_empty_workspace(db):
    f = stats.compute(TODAY)
    assert f["headline"]["members"] == 0 and f["totals"]["fill"] is None
    assert f["change"] is None  # nothing to compare with yet
    assert [w["week_start"] for w in f["trend"]] == ["2026-11-16"]  # no invented history
    assert "Members:   0" in stats.format_text(f)


def test_demo_members_leave_over_time_not_all_today(db):
    import collections

    from models import demo

    today = dt.date(2026, 11, 18)
    demo.build(members=2000, seed=5, today=today)
    left = [m.left_on for m in Member.select().where(Member.left_on.is_null(False))]
    assert len(left) > 100 and all(d <= today for d in left)
    busiest = collections.Counter(left).most_common(1)[0][1]
    assert busiest < 10  # spread over months, not piled up on the day the demo was made


def test_windows_mean_n_calendar_days_everywhere(db):
    """"30 days" is today and the 29 days before; before that is "more than 30 days"."""
    from models.stats import queries

    def member(name: str, joined: dt.date, contact: dt.date | None) -> int:
        mid = save_member({"name": name, "joined_on": joined}).id
        if contact is not None:
            log_followup(mid, contact, "wechat", "")
        return mid

    risky = {
        member("满三十天", TODAY - dt.timedelta(days=30), None),
        member("三十天前聊过", D(2026, 1, 1), TODAY - dt.timedelta(days=30)),
    }
    member("二十九天", TODAY - dt.timedelta(days=29), None)  # joined within the window
    member("二十九天前聊过", D(2026, 1, 1), TODAY - dt.timedelta(days=29))
    active_edge = member("刚好在窗口里", D(2026, 1, 1), None)
    add_contribution(active_edge, "share", date=TODAY - dt.timedelta(days=29))
    outside = member("刚好在窗口外", D(2026, 1, 1), None)
    add_contribution(outside, "share", date=TODAY - dt.timedelta(days=30))
    risky |= {active_edge, outside}  # contributions are not private contact
    settings.put("at_risk_days", 30)
    settings.put("active_days", 30)
    head = queries.headline(TODAY, 30, 30)
    assert set(stats_members.at_risk_ids(TODAY)) == risky and head["at_risk"] == len(risky)
    listed = segments.matching_ids(stats_members.at_risk_filter(TODAY), TODAY)
    assert set(listed) == risky
    active = set(stats_members.active_ids(TODAY))
    assert active_edge in active and outside not in active
    assert head["active"] == len(active)
    top = stats.compute(TODAY)["at_risk"]["members"]
    assert {row["member_id"] for row in top} == risky


def test_past_weeks_are_rebuilt_on_request_outside_the_write_transaction(community,
                                                                          monkeypatch):
    """The Overview asks first without the rebuild (cards at once), then with it."""
    from models.stats import snapshot
    from models.store.db import database

    quick = stats.compute(TODAY, backfill=False)
    assert quick["history_pending"] and quick["trend"] == [] and quick["change"] is None
    assert quick["headline"]["members"] == 5
    assert StatsSnapshot.select().count() == 0  # this week alone would hide the past for good
    in_transaction: list[bool] = []
    real = snapshot.figures_at

    def figures_at(*args: object, **kwargs: object) -> dict[str, int]:
        in_transaction.append(database.in_transaction())
        return real(*args, **kwargs)

    monkeypatch.setattr(snapshot, "figures_at", figures_at)
    full = stats.compute(TODAY, backfill=True)
    assert not full["history_pending"]
    assert len(in_transaction) == 12 and not any(in_transaction)  # reads before the writes
    weeks = [w["week_start"] for w in full["trend"]]
    assert len(weeks) == 13 and weeks[0] == "2026-08-24" and weeks[-1] == "2026-11-16"
    assert full["change"] is not None
    assert {k: v for k, v in full.items() if k not in ("trend", "change", "history_pending")} \
        == {k: v for k, v in quick.items() if k not in ("trend", "change", "history_pending")}
    again = stats.compute(TODAY, backfill=False)  # nothing missing now: recorded at once
    assert not again["history_pending"] and again["trend"] == full["trend"]
    assert StatsSnapshot.select().count() == 13


def test_read_only_figures_never_wait_for_a_rebuild(community):
    f = stats.compute(TODAY, snapshot=False, backfill=False)
    assert not f["history_pending"] and StatsSnapshot.select().count() == 0


def test_a_cancelled_rebuild_writes_nothing(community):
    """The background rebuild stops when asked (e.g. another workspace was opened)."""
    from models.progress import Cancelled

    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 5  # after five of the twelve weeks

    with pytest.raises(Cancelled):
        stats.compute(TODAY, backfill=True, cancelled=cancelled)
    assert StatsSnapshot.select().count() == 0
    assert not stats.compute(TODAY, cancelled=lambda: False)["history_pending"]
    assert StatsSnapshot.select().count() == 13
