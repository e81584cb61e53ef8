"""Message templates (消息模板): the owner's own and the built-ins, editable, undoable.

A built-in row holds only its key until the owner edits it: it is shown in the app's
language of the moment. Editing stores the owner's name and text (`edited`); restoring
drops them again, so the built-in comes back in the language of the day. Deleting a
built-in hides it (restore brings it back); deleting the owner's own removes it. Every
write is one transaction with its own undo entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import SQL, BooleanField, CharField, DateTimeField, IntegerField, Node, TextField

from models.members.cards import ValidationError, clean_text
from models.messages import MESSAGES, language, msg
from models.outreach.builtins import BUILTINS, BY_KEY, KINDS
from models.outreach.placeholders import text_language
from models.store import schema, undo
from models.store.db import BaseModel, database, tuples

MAX_NAME = 60
MAX_BODY = 5000

MESSAGES.update({
    "template_name_needed": ("模板需要一个名称", "The template needs a name"),
    "template_body_needed": ("模板内容不能为空", "The template's text is empty"),
    "template_too_long": ("模板内容太长（最多 {limit} 个字符）",
                          "The template's text is too long (at most {limit} characters)"),
    "template_gone": ("这个模板已不存在（可能已被删除）", "This template no longer exists"),
    "template_copy_name": ("{name}（副本）", "{name} (copy)"),
    "undo_template_new": ("新建消息模板“{name}”", "New message template “{name}”"),
    "undo_template_edit": ("修改消息模板“{name}”", "Edit message template “{name}”"),
    "undo_template_delete": ("删除消息模板“{name}”", "Delete message template “{name}”"),
    "undo_template_restore": ("恢复内置模板“{name}”", "Restore built-in template “{name}”"),
    "undo_template_restore_all": ("恢复 {n} 个已删除的内置模板",
                                  "Restore {n} deleted built-in {n|template|templates}"),
    # models.outreach.contact (here, so an undo label is known before contact is imported)
    "friend_limit_reached": ("今天已加好友 {added} 人，到了每日上限 {limit} 人：{name} 跳过",
                             "{added} friends added today, the daily limit of {limit}: "
                             "{name} skipped"),
    "undo_template_contact": ("给{name}发“{template}”并记跟进",
                              "Send “{template}” to {name} and log it"),
})


def _default(sql: str) -> list[Node]:
    return [SQL(f"DEFAULT {sql}")]


class MessageTemplate(BaseModel):
    # Every column has an SQL DEFAULT: a writer that does not know a column still inserts.
    name = CharField(default="", constraints=_default("''"))
    kind = CharField(default="other", constraints=_default("'other'"))
    body = TextField(default="", constraints=_default("''"))
    builtin_key = CharField(default="", index=True, constraints=_default("''"))
    edited = BooleanField(default=False, constraints=_default("0"))  # a built-in, reworded
    hidden = BooleanField(default=False, constraints=_default("0"))  # a built-in, deleted
    position = IntegerField(default=0, constraints=_default("0"))
    updated_at = DateTimeField(null=True)

    class Meta:
        table_name = "message_template"


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    kind: str
    body: str
    builtin_key: str  # "" for the owner's own
    edited: bool

    @property
    def builtin(self) -> bool:
        return bool(self.builtin_key)

    @property
    def language(self) -> str:
        """The language its dates are written in: the text's own."""
        return text_language(self.body)


def _view(row: MessageTemplate) -> Template:
    shipped = BY_KEY.get(str(row.builtin_key)) if row.builtin_key else None
    if shipped is not None and not row.edited:
        en = language() == "en"
        return Template(int(row.id), shipped.name[en], str(row.kind), shipped.body[en],
                        shipped.key, False)
    return Template(int(row.id), str(row.name), str(row.kind), str(row.body),
                    str(row.builtin_key), bool(row.edited))


def ensure_builtins() -> int:
    """Add the built-ins this release ships that the file lacks (run on every writer open)."""
    have = {str(k) for (k,) in tuples(MessageTemplate.select(MessageTemplate.builtin_key)
                                       .where(MessageTemplate.builtin_key != ""))}
    missing = [b for b in BUILTINS if b.key not in have]
    if not missing:
        return 0
    with database.atomic():
        for builtin in missing:
            MessageTemplate.create(kind=builtin.kind, builtin_key=builtin.key,
                                   position=BUILTINS.index(builtin))
    return len(missing)


def templates(kind: str | None = None) -> list[Template]:
    """The templates the owner sees (deleted built-ins not), kind by kind in KINDS' order
    when `kind` is None; of that kind first, then the rest, when it is given."""
    rows = [_view(r) for r in MessageTemplate.select().where(~MessageTemplate.hidden)
            .order_by(MessageTemplate.position, MessageTemplate.id)]

    def order(t: Template) -> tuple[int, int]:
        rank = KINDS.index(t.kind) if t.kind in KINDS else len(KINDS)
        return (0 if t.kind == kind else 1, rank) if kind else (rank, 0)

    return sorted(rows, key=order)


def of_kind(kind: str) -> list[Template]:
    return [t for t in templates(kind) if t.kind == kind]


def get(template_id: int) -> Template:
    row = MessageTemplate.get_or_none(MessageTemplate.id == template_id)
    if row is None:
        raise ValidationError({"template": msg("template_gone")})
    return _view(row)


def hidden_builtins() -> list[Template]:
    return [_view(r) for r in MessageTemplate.select().where(MessageTemplate.hidden)
            .order_by(MessageTemplate.position)]


def _checked(name: str, kind: str, body: str) -> tuple[str, str, str]:
    name = clean_text(name)[:MAX_NAME]
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    errors = {}
    if not name:
        errors["name"] = msg("template_name_needed")
    if not body:
        errors["body"] = msg("template_body_needed")
    elif len(body) > MAX_BODY:
        errors["body"] = msg("template_too_long", limit=MAX_BODY)
    if errors:
        raise ValidationError(errors)
    return name, kind if kind in KINDS else "other", body


def create(name: str, kind: str, body: str) -> int:
    """A template of the owner's own; returns its id."""
    name, kind, body = _checked(name, kind, body)
    with database.atomic():
        snapshot = undo.capture(MessageTemplate, [])
        last = MessageTemplate.select(MessageTemplate.position).order_by(
            MessageTemplate.position.desc()).scalar() or 0
        row = MessageTemplate.create(name=name, kind=kind, body=body, position=int(last) + 1,
                                     updated_at=dt.datetime.now())
        undo.record(undo.coded("undo_template_new", name=name), snapshot, created=[row.id])
    return int(row.id)


def update(template_id: int, name: str, kind: str, body: str) -> None:
    """Save the owner's words (a built-in then keeps them in every language)."""
    name, kind, body = _checked(name, kind, body)
    get(template_id)
    with database.atomic():
        snapshot = undo.capture(MessageTemplate, [template_id])
        MessageTemplate.update(name=name, kind=kind, body=body, edited=True,
                               updated_at=dt.datetime.now()).where(
            MessageTemplate.id == template_id).execute()
        undo.record(undo.coded("undo_template_edit", name=name), snapshot)


def duplicate(template_id: int) -> int:
    """A copy of the owner's own, named "…（副本）"; returns its id."""
    source = get(template_id)
    return create(msg("template_copy_name", name=source.name)[:MAX_NAME], source.kind,
                  source.body)


def delete(template_id: int) -> None:
    current = get(template_id)
    with database.atomic():
        snapshot = undo.capture(MessageTemplate, [template_id])
        if current.builtin:
            MessageTemplate.update(hidden=True).where(MessageTemplate.id == template_id).execute()
            deleted: list[int] = []
        else:
            MessageTemplate.delete().where(MessageTemplate.id == template_id).execute()
            deleted = [template_id]
        undo.record(undo.coded("undo_template_delete", name=current.name), snapshot,
                    deleted=deleted)


def restore_builtin(template_id: int) -> None:
    """Back to the shipped text (in the app's language), shown again if it was deleted."""
    current = get(template_id)
    if not current.builtin:
        return
    shipped = BY_KEY.get(current.builtin_key)
    with database.atomic():
        snapshot = undo.capture(MessageTemplate, [template_id])
        MessageTemplate.update(name="", body="", edited=False, hidden=False,
                               kind=shipped.kind if shipped else current.kind,
                               updated_at=dt.datetime.now()).where(
            MessageTemplate.id == template_id).execute()
        undo.record(undo.coded("undo_template_restore", name=get(template_id).name), snapshot)


def restore_hidden() -> int:
    """Show every deleted built-in again; returns how many."""
    ids = [t.id for t in hidden_builtins()]
    if not ids:
        return 0
    with database.atomic():
        snapshot = undo.capture(MessageTemplate, ids)
        MessageTemplate.update(hidden=False).where(MessageTemplate.id.in_(ids)).execute()
        undo.record(undo.coded("undo_template_restore_all", n=len(ids)), snapshot)
    return len(ids)


schema.ALWAYS_DEFAULTS.append(ensure_builtins)
