"""Erasing a person really erases them: the forms people write a name in, the audit entries
of those notes, attachments that mention them, and a truthful word on the file."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
import test_personal_data
from test_personal_data import EMAIL, NAME, World, raw_bytes

from kulturpunkt_desk.domain.services import areas, evaluations
from kulturpunkt_desk.domain.services.areas import AreaData
from kulturpunkt_desk.domain.services.personal_data import anonymise_person, delete_attachments
from kulturpunkt_desk.storage.engine import Database

world = test_personal_data.world  # the same person, area and session as there

FIRST = NAME.split()[0]  # Zacharias
LOCAL = EMAIL.split("@")[0]  # zacharias.testmand
SPACELESS = NAME.replace(" ", "")  # ZachariasTestmand
NOTE = f"Ring til {FIRST.lower()}; skrev til {LOCAL}; {SPACELESS.upper()} svarede. Annasvej 3."


def test_first_name_email_local_part_and_spaceless_name_are_erased_with_their_audit_entries(
    db: Database,
    world: World,
) -> None:
    area = areas.get_area(db, world.area_id)
    data = AreaData(name=area.name, municipality=area.municipality, notes=NOTE)
    areas.update_area(db, world.area_id, data)
    before = raw_bytes(db).lower()
    assert FIRST.lower().encode() in before and SPACELESS.lower().encode() in before
    result = anonymise_person(db, world.person_id)
    notes = areas.get_area(db, world.area_id).notes
    assert FIRST.lower() not in notes.lower() and LOCAL not in notes.lower()
    assert SPACELESS.lower() not in notes.lower()
    assert "Annasvej 3" in notes  # a whole word only: other words stay
    after = raw_bytes(db).lower()
    assert [t for t in (FIRST, LOCAL, SPACELESS) if t.lower().encode() in after] == []
    assert result.file_purged


def attach(db: Database, area_id: int, path: Path) -> int:
    return evaluations.add_attachment(db, area_id, path)


def test_attachments_that_mention_the_person_are_listed_to_delete_or_keep(
    db: Database,
    world: World,
    tmp_path: Path,
) -> None:
    minutes = tmp_path / "referat.txt"
    minutes.write_text(f"Til stede: {NAME.upper()}", encoding="cp1252")
    letter = tmp_path / "brev.docx"  # Word keeps its text as XML inside a ZIP
    with zipfile.ZipFile(letter, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:t>Kære {FIRST}</w:t>")
    unrelated = tmp_path / "budget.txt"
    unrelated.write_text("Lyd og scene: 18.000 kr.", encoding="utf-8")
    ids = {p.name: attach(db, world.area_id, p) for p in (minutes, letter, unrelated)}
    result = anonymise_person(db, world.person_id)
    listed = {m.attachment_id for m in result.attachments}
    assert listed == {ids["referat.txt"], ids["brev.docx"]}
    stored = [
        evaluations.attachment_path(db, a) for a in areas.get_area(db, world.area_id).attachments
    ]
    assert delete_attachments(db, [ids["referat.txt"]]) == 1
    left = {a.id for a in areas.get_area(db, world.area_id).attachments}
    assert left == {ids["brev.docx"], ids["budget.txt"]}  # the letter is kept, as chosen
    assert sum(p.exists() for p in stored) == 2


def test_the_file_is_called_purged_only_when_no_trace_remains(
    db: Database,
    world: World,
) -> None:
    # A table the desk does not know (a search index, another tool's notes) keeps the name.
    conn = sqlite3.connect(db.path)
    conn.execute("CREATE TABLE fremmed (tekst TEXT)")
    conn.execute("INSERT INTO fremmed VALUES (?)", (f"Notat om {NAME}",))
    conn.commit()
    conn.close()
    result = anonymise_person(db, world.person_id)
    assert not result.file_purged


def test_the_export_after_erasing_mentions_no_variant(
    db: Database,
    world: World,
    tmp_path: Path,
) -> None:
    from kulturpunkt_desk.domain.services.personal_data import export_person_json

    area = areas.get_area(db, world.area_id)
    areas.update_area(db, world.area_id, AreaData(area.name, area.municipality, notes=NOTE))
    anonymise_person(db, world.person_id)
    text = export_person_json(db, world.person_id, tmp_path / "p.json").read_text("utf-8")
    import re

    print(
        [m.start() for m in re.finditer(FIRST.lower(), text.lower())],
        text[text.lower().find(FIRST.lower()) - 300 : text.lower().find(FIRST.lower()) + 50],
    )
    assert FIRST.lower() not in text.lower() and json.loads(text)["nævnt i"] == []


def test_the_whole_flow_can_be_scripted_export_anonymise_and_retention(
    db: Database,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kulturpunkt_desk.cli import main

    letter = tmp_path / "brev.txt"
    letter.write_text(f"Kære {NAME}", encoding="utf-8")
    attach(db, world.area_id, letter)
    path = str(db.path)
    db.dispose()
    out = tmp_path / "indsigt.json"
    assert (
        main(["person", "export", "--db", path, "--person", NAME.lower(), "--out", str(out)]) == 0
    )
    assert json.loads(out.read_text("utf-8"))["person"]["navn"] == NAME
    assert main(["person", "anonymise", "--db", path, "--person", "Ingen Sådan"]) == 1
    assert "ingen person hedder" in capsys.readouterr().err
    args = ["person", "anonymise", "--db", path, "--person", NAME, "--delete-attachments"]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "Bilag der nævner personen: brev.txt" in printed and "Slettede 1 bilag" in printed
    assert "intet spor af personen" in printed
    assert main(["retention", "--db", path, "--date", "01.01.2030"]) == 0
    assert capsys.readouterr().out.strip()
