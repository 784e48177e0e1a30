"""Redigér aftaleskabelon: placeholders are checked, saving adds a version, old ones stay."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from documents_support import pdf_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kulturpunkt_desk.documents.agreement import render_agreement
from kulturpunkt_desk.domain.models import InterestDecision
from kulturpunkt_desk.domain.money import kr
from kulturpunkt_desk.domain.services import areas as area_service
from kulturpunkt_desk.domain.services import grants, templates
from kulturpunkt_desk.domain.services.grants import InterestData
from kulturpunkt_desk.storage.engine import Database
from kulturpunkt_desk.ui import template_editor, unsaved
from kulturpunkt_desk.ui.context import DeskContext
from kulturpunkt_desk.ui.template_editor import TemplateEditor, VersionViewer

NEW_TEXT = "# Formål\n\nNy aftaletekst for {område} i {kommune}.\n\n- Tilskud: {beløb}"


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> DeskContext:
    return DeskContext(demo_db)


@pytest.fixture
def editor(ctx: DeskContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> TemplateEditor:
    # Closing with unsaved changes asks; a test that cares answers for itself.
    monkeypatch.setattr(unsaved, "ask", lambda *_a: unsaved.Choice.DISCARD)
    dialog = TemplateEditor(ctx)
    qtbot.addWidget(dialog)
    return dialog


def type_text(qtbot: QtBot, editor: TemplateEditor, text: str) -> None:
    editor.body.selectAll()
    editor.body.insertPlainText(text)  # as typed or pasted: marks the document modified
    qtbot.wait(1)


def version_numbers(ctx: DeskContext) -> list[int]:
    return [t.version for t in templates.list_template_versions(ctx.db, ctx.programme_id)]


def test_editor_shows_the_newest_text_the_placeholders_and_the_history(
    editor: TemplateEditor, ctx: DeskContext
) -> None:
    newest = templates.latest_template(ctx.db, ctx.programme_id)
    assert newest is not None
    assert editor.body.toPlainText() == newest.body
    assert editor.title.text() == newest.title
    shown = [editor.placeholders.item(r).text() for r in range(editor.placeholders.count())]
    assert "{område} – lokalområdets navn" in shown
    assert len(shown) == len(templates.PLACEHOLDERS)
    assert editor.history.rowCount() == 1
    assert editor.history.item(0, 0).text() == str(newest.version)
    assert f"Version {newest.version}" in editor.editing.text()


def test_double_click_inserts_the_placeholder_at_the_cursor(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    editor.show()
    qtbot.waitExposed(editor)
    editor.body.setPlainText("Aftale med  om kulturen")
    cursor = editor.body.textCursor()
    cursor.setPosition(len("Aftale med "))
    editor.body.setTextCursor(cursor)
    item = editor.placeholders.item(0)
    rect = editor.placeholders.visualItemRect(item)
    viewport = editor.placeholders.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.body.toPlainText() == "Aftale med {område} om kulturen"


def test_unknown_placeholder_is_refused_with_the_message_shown_and_nothing_saved(
    editor: TemplateEditor, ctx: DeskContext, qtbot: QtBot
) -> None:
    type_text(qtbot, editor, "Tilskuddet er {tilskud} til {område}.")
    editor.note.setText("Prøver en ny pladsholder")

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert version_numbers(ctx) == [1]
    assert not editor.error.isHidden()
    assert "ukendt pladsholder {tilskud}" in editor.error.text()
    assert "{område}" in editor.error.text()  # says what may be used instead
    assert editor.body.textCursor().selectedText() == "{tilskud}"
    assert editor.body.toPlainText() == "Tilskuddet er {tilskud} til {område}."  # kept


def test_an_unclosed_brace_is_explained(
    editor: TemplateEditor, ctx: DeskContext, qtbot: QtBot
) -> None:
    type_text(qtbot, editor, "Aftale med {område")
    editor.save()
    assert "krølleparentes er ikke lukket" in editor.error.text()
    assert version_numbers(ctx) == [1]


def test_a_valid_edit_becomes_the_next_version_and_old_agreements_keep_their_text(
    editor: TemplateEditor, ctx: DeskContext, qtbot: QtBot, tmp_path: Path
) -> None:
    signed = area_service.find_area(ctx.db, ctx.programme_id, "Fjordglimt").id
    without = area_service.find_area(ctx.db, ctx.programme_id, "Bakkekammen").id
    # Every demo agreement was made in May 2025, as the seed has it: take one away.
    grants.delete_agreement(ctx.db, without)
    changed: list[bool] = []
    ctx.data_changed.connect(lambda: changed.append(True))
    type_text(qtbot, editor, NEW_TEXT)
    editor.note.setText("Tilskuddet nævnt i teksten")

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert version_numbers(ctx) == [1, 2]
    newest = templates.latest_template(ctx.db, ctx.programme_id)
    assert newest is not None and newest.note == "Tilskuddet nævnt i teksten"
    assert editor.error.isHidden()
    assert "version 2" in editor.status.text()
    assert editor.history.rowCount() == 2
    assert [editor.history.item(0, c).text() for c in (0, 2)] == ["2", newest.note]
    assert editor.note.text() == "" and not editor.is_modified()
    assert changed
    old = pdf_text(render_agreement(ctx.db, signed, tmp_path / "gammel.pdf"))
    assert "Ny aftaletekst" not in old and "version 1" in old
    # An area without an agreement record, once the rule allows it one, gets the newest text.
    grants.record_interest(
        ctx.db, without, InterestData(date(2025, 4, 20), decision=InterestDecision.ACCEPTED)
    )
    grants.award_grant(ctx.db, without, kr(50_000), date(2025, 5, 15))
    new = pdf_text(render_agreement(ctx.db, without, tmp_path / "ny.pdf"))
    assert "Ny aftaletekst for Bakkekammen" in new


def test_an_old_version_can_be_read_but_not_edited(
    editor: TemplateEditor, ctx: DeskContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = templates.latest_template(ctx.db, ctx.programme_id)
    assert first is not None
    type_text(qtbot, editor, NEW_TEXT)
    assert editor.save()
    shown: list[VersionViewer] = []
    monkeypatch.setattr(VersionViewer, "exec", lambda self: shown.append(self) or 0)

    editor.history.selectRow(1)  # newest first: row 1 is version 1
    editor.view_version(editor.history.currentRow())

    assert len(shown) == 1
    assert shown[0].text.isReadOnly()
    assert shown[0].text.toPlainText() == first.body
    assert "version 1" in shown[0].windowTitle()


def test_closing_with_unsaved_changes_asks_first(
    editor: TemplateEditor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    answers = iter([unsaved.Choice.STAY, unsaved.Choice.DISCARD])

    def ask(_parent: object, title: str, _text: str) -> unsaved.Choice:
        questions.append(title)
        return next(answers)

    monkeypatch.setattr(unsaved, "ask", ask)
    editor.show()
    type_text(qtbot, editor, NEW_TEXT)
    editor.reject()
    assert editor.isVisible()  # answered Bliv: the text is still there
    editor.reject()
    assert not editor.isVisible()
    assert questions == ["Ændringer er ikke gemt"] * 2


def test_preview_fills_the_unsaved_text_for_the_first_filled_in_area_without_saving(
    editor: TemplateEditor, ctx: DeskContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(template_editor, "open_document", opened.append)
    listed = area_service.list_areas(ctx.db, ctx.programme_id)
    first = next(a for a in listed if a.vision and a.recipient_name)  # the first filled in
    type_text(qtbot, editor, NEW_TEXT)

    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    text = pdf_text(opened[0])
    assert f"Ny aftaletekst for {first.name}" in text
    assert "EKSEMPEL" in text
    assert f"Eksemplet for {first.name}" in editor.status.text()
    assert version_numbers(ctx) == [1]


def test_preview_of_an_unknown_placeholder_shows_the_message_instead(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    type_text(qtbot, editor, "Tilskud: {tilskud}")
    editor.preview()
    assert "ukendt pladsholder {tilskud}" in editor.error.text()
    assert editor.preview_task is None
    assert editor.body.textCursor().selectedText() == "{tilskud}"


def test_known_placeholders_show_blue_and_unknown_ones_red_while_typing(
    editor: TemplateEditor,
) -> None:
    editor.body.setPlainText("Til {område} fra {tilskud} med {{klammer}}")
    formats = editor.body.document().firstBlock().layout().formats()
    colours = {
        editor.body.toPlainText()[f.start : f.start + f.length]: f.format.foreground().color()
        for f in formats
    }
    assert colours["{område}"] == template_editor.KNOWN_COLOUR
    assert colours["{tilskud}"] == template_editor.UNKNOWN_COLOUR
    assert not any("klammer" in text for text in colours)  # {{ }} is a literal brace


def test_a_read_only_desk_shows_the_text_but_cannot_save_it(
    demo_db: Database, qtbot: QtBot
) -> None:
    from kulturpunkt_desk.storage.desk_lock import refuse_writes

    read_only = Database(demo_db.path, read_only=True)
    refuse_writes(read_only, None)
    try:
        dialog = TemplateEditor(DeskContext(read_only))
        qtbot.addWidget(dialog)
        assert dialog.body.toPlainText()
        assert not dialog.save_button.isEnabled()
        assert "skrivebeskyttet" in dialog.status.text()
        type_text(qtbot, dialog, NEW_TEXT)
        assert not dialog.save()  # even if asked directly: the service refuses
        assert "skrivebeskyttet" in dialog.error.text()
    finally:
        read_only.dispose()
    ctx = DeskContext(demo_db)
    assert version_numbers(ctx) == [1]
