"""Every dialog, opened in both languages on a demo workspace: no text cut off, and every
control has a name a screen reader can say (the screens are checked in test_text_fits.py
and test_keyboard.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from models import demo
from tests.screen_views import views
from tests.text_fit import cut_off
from ui import i18n
from ui.accessibility import CONTROLS, spoken_name
from ui.workspace import Changed


def _first_activity() -> int:
    from models.activities.tables import Activity

    return Activity.select().order_by(Activity.id).first().id


def _first_member() -> int:
    from models.members.cards import Member

    return Member.select().order_by(Member.id).first().id


def _first_step() -> int:
    from models.activities.tables import ChecklistItem

    return ChecklistItem.select().order_by(ChecklistItem.id).first().id


def _dialogs() -> dict[str, Callable[[QWidget], QDialog]]:
    from ui.about import AboutDialog
    from ui.activities.compare_dialog import CompareDialog
    from ui.activities.editor import ActivityEditor
    from ui.activities.jielong_dialog import JielongDialog
    from ui.activities.signups_panel import AddSignUpsDialog
    from ui.activities.step_dialog import StepDialog
    from ui.activities.template_dialogs import NewFromTemplateDialog, SaveTemplateDialog
    from ui.backups_dialog import BackupsDialog
    from ui.calendar.backlog import SourceDialog
    from ui.calendar.editor import ItemEditor
    from ui.calendar.holidays_dialog import HolidaysDialog
    from ui.calendar.kinds_dialog import KindsDialog
    from ui.crash import CrashDialog
    from ui.first_start import FirstStartDialog
    from ui.help import GuideDialog
    from ui.members.card_dialog import MemberCardDialog
    from ui.members.contact_queue import ContactQueueDialog
    from ui.members.groups_dialog import GroupsDialog
    from ui.members.levels_dialog import LevelsDialog
    from ui.members.tags_dialog import TagsDialog
    from ui.outreach.activity_reminder import GroupMessageDialog
    from ui.outreach.send_dialog import SendDialog
    from ui.outreach.templates_dialog import TemplatesDialog
    from ui.roster.export_dialog import ExportDialog
    from ui.roster.import_wizard import ImportWizard

    def page(window, key):
        return window.page(key)

    return {
        "about": lambda w: AboutDialog(w.workspace, w),
        "backups": lambda w: BackupsDialog(w.workspace.db_path, w),
        "crash": lambda w: CrashDialog("Traceback: test", w.workspace.db_path, w),
        "first_start": lambda w: FirstStartDialog(w.workspace, w),
        "guide": lambda w: GuideDialog(w),
        "export": lambda w: ExportDialog(w.workspace, w, offer_all=True, member_ids=[1, 2]),
        "import": lambda w: ImportWizard(w.workspace, w),
        "card_new": lambda w: MemberCardDialog(w.workspace, None, page(w, "members")),
        "card": lambda w: MemberCardDialog(w.workspace, _first_member(), page(w, "members")),
        "groups": lambda w: GroupsDialog(w.workspace, page(w, "members")),
        "tags": lambda w: TagsDialog(w.workspace, page(w, "members")),
        "levels": lambda w: LevelsDialog(w.workspace, page(w, "members")),
        "contact_queue": lambda w: ContactQueueDialog(w.workspace, page(w, "members")),
        "content": lambda w: ItemEditor(page(w, "calendar"), day=dt.date.today()),
        "idea": lambda w: ItemEditor(page(w, "calendar"), idea=True),
        "kinds": lambda w: KindsDialog(page(w, "calendar")),
        "holidays": lambda w: HolidaysDialog(page(w, "calendar"), dt.date.today().year),
        "source": lambda w: SourceDialog(page(w, "calendar")),
        "activity_new": lambda w: ActivityEditor(None, page(w, "activities")),
        "activity": lambda w: ActivityEditor(_first_activity(), page(w, "activities")),
        "from_template": lambda w: NewFromTemplateDialog(page(w, "activities")),
        "save_template": lambda w: SaveTemplateDialog(_first_activity(), "x", page(w, "activities")),
        "step": lambda w: StepDialog(_first_activity(), _first_step(), page(w, "activities")),
        "sign_ups": lambda w: AddSignUpsDialog(_first_activity(), page(w, "activities")),
        "compare": lambda w: CompareDialog(page(w, "activities")),
        "jielong": lambda w: JielongDialog(_first_activity(), "signup", page(w, "activities"),
                                           text="#接龙\n读书会\n1. 小明-杭州-设计 +1"),
        "jielong_checkin": lambda w: JielongDialog(_first_activity(), "checkin",
                                                   page(w, "activities"), text="1. Lily"),
        "templates": lambda w: TemplatesDialog(w.workspace, w),
        "send": lambda w: SendDialog(w.workspace, [_first_member()], w),
        "group_message": lambda w: GroupMessageDialog(w.workspace, _first_activity(), w),
    }


DIALOGS = list(_dialogs())


@pytest.fixture
def demo_window(controller, tmp_path, qtbot):
    path = tmp_path / "w" / "club.sqlite3"
    path.parent.mkdir()
    assert controller.open(path)
    demo.build(members=60, seed=2)
    controller.window.workspace.announce(Changed.ALL)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    return controller.window


def _opened(window, qtbot, name: str) -> QDialog:
    dialog = _dialogs()[name](window)
    dialog.show()
    qtbot.waitExposed(dialog)
    if hasattr(dialog, "planning"):  # the 接龙 preview matches its lines on a worker
        qtbot.waitUntil(lambda: not dialog.planning)
    QApplication.processEvents()
    return dialog


def _unnamed(dialog: QDialog) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}"
            for w in dialog.findChildren(QWidget)
            if isinstance(w, CONTROLS) and w.isVisibleTo(dialog) and not spoken_name(w)
            and not isinstance(w.parentWidget(), CONTROLS)  # a combo box's own line edit
            and w.window() is dialog]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_dialog_shows_its_text_whole_and_names_its_controls(demo_window, qtbot, language):
    """One workspace for all the dialogs (building the demo is what takes the time)."""
    i18n.install(language)
    problems: list[str] = []
    for name in DIALOGS:
        dialog = _opened(demo_window, qtbot, name)
        try:
            for view in views(dialog):  # each tab
                problems += [f"{name}{view}: {p}" for p in cut_off(dialog)]
            problems += [f"{name}: unnamed {w}" for w in _unnamed(dialog)]
        finally:
            dialog.reject()
            dialog.deleteLater()
    assert not problems, "\n".join(problems)
