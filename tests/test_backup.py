"""``tutor backup``: it says which feedback log it copied, and where to."""

from __future__ import annotations

import sqlite3

from test_store import make
from tutor.cli import main
from tutor.store import Store


def test_backup_names_the_log_it_copied_and_the_copy(tmp_path, capsys, monkeypatch):
    # a trial: run without the app's settings, the command copied another (empty) log unseen
    log = tmp_path / "school" / "feedback.sqlite3"
    log.parent.mkdir()
    url = f"sqlite:///{log}"
    Store(url).save(*make())
    monkeypatch.delenv("TUTOR_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)  # no tutor.toml here
    monkeypatch.setenv("TUTOR_DATABASE_URL", url)
    assert main(["backup", "copy.sqlite3"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"feedback log copied to {(tmp_path / 'copy.sqlite3').resolve()}",
        f"  from {log.resolve()} (database_url {url})"]
    con = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert con.execute("select count(*) from submissions").fetchone() == (1,)
    con.close()
    # the log of another cache folder is named as that one
    monkeypatch.delenv("TUTOR_DATABASE_URL")
    monkeypatch.setenv("TUTOR_CACHE_DIR", str(tmp_path / "school"))
    assert main(["backup", "second.sqlite3"]) == 0
    assert f"  from {log.resolve()} (database_url sqlite:///{log})" in capsys.readouterr().err.splitlines()
