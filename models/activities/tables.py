"""The activity domain's tables: activities, their groups, checklist steps, sign-ups.

Apart from the logic (activity, checklists, signups) so that each of those imports the
tables it needs and none imports another: no import cycles inside the domain.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from models.members.cards import Member
from models.members.groups import Group
from models.store.db import BaseModel

_now = dt.datetime.now


class Activity(BaseModel):
    title = CharField()
    kind = CharField(default="online")
    start = DateTimeField(index=True)
    end = DateTimeField(null=True)
    place = CharField(default="")  # an address offline, a meeting link online
    goal = TextField(default="")
    capacity = IntegerField(default=0)  # 0: no limit
    fee = DecimalField(default=0, decimal_places=2, auto_round=True)
    budget = DecimalField(default=0, decimal_places=2, auto_round=True)
    status = CharField(default="planning", index=True)
    notes = TextField(default="")
    template_name = CharField(default="")  # which template it was made from, if any
    # Review (复盘), filled in after the activity.
    new_members = IntegerField(default=0)
    conversions = IntegerField(default=0)
    income = DecimalField(default=0, decimal_places=2, auto_round=True)
    review_keep = TextField(default="")
    review_change = TextField(default="")
    reviewed_on = DateField(null=True)
    created_at = DateTimeField(default=_now)

    class Meta:
        table_name = "activity"

    @property
    def end_or_start(self) -> dt.datetime:
        return self.end or self.start


class ActivityGroup(BaseModel):
    activity = ForeignKeyField(Activity, on_delete="CASCADE", backref="group_links")
    group = ForeignKeyField(Group, on_delete="CASCADE", backref="activity_links")
    activity_id: int  # the foreign keys' raw values (peewee's `<field>_id` accessors)
    group_id: int

    class Meta:
        indexes = ((("activity", "group"), True),)


class ChecklistItem(BaseModel):
    activity = ForeignKeyField(Activity, on_delete="CASCADE", backref="steps")
    title = CharField()
    due_offset = IntegerField(null=True)  # days from the activity's start day; None = fixed
    due_on = DateField(null=True, index=True)  # the fixed date, or start + offset (cached)
    assignee_role = CharField(default="owner")  # a ROLES key or the user's own role text
    assignee_member = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    notes = TextField(default="")
    position = IntegerField(default=0)
    done = BooleanField(default=False)
    done_on = DateField(null=True)
    activity_id: int  # the foreign keys' raw values (peewee's `<field>_id` accessors)
    assignee_member_id: int | None

    @property
    def relative(self) -> bool:
        return self.due_offset is not None


class SignUp(BaseModel):
    activity = ForeignKeyField(Activity, on_delete="CASCADE", backref="signups")
    member = ForeignKeyField(Member, on_delete="CASCADE", backref="signups")
    signed_up_on = DateField()
    attended = BooleanField(default=False)
    checked_in_at = DateTimeField(null=True)
    note = TextField(default="")
    # People the member brings (家属, 朋友): they count toward the capacity and the
    # head count, not as members. DEFAULTs in SQL too: older writers omit them.
    companions = IntegerField(default=0, constraints=[SQL("DEFAULT 0")])
    # The 接龙 lines this sign-up and its check-in came from, as written without their
    # number: pasting the updated 接龙 again knows which lines it has already taken.
    jielong_line = TextField(default="", constraints=[SQL("DEFAULT ''")])
    checkin_line = TextField(default="", constraints=[SQL("DEFAULT ''")])
    activity_id: int  # the foreign keys' raw values (peewee's `<field>_id` accessors)
    member_id: int

    @property
    def heads(self) -> int:
        return 1 + int(self.companions or 0)

    class Meta:
        indexes = ((("activity", "member"), True), (("member",), False))
