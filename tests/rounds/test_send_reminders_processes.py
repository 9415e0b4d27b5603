"""`send_reminders` in real processes against one SQLite file database of the demo: a second run
sends nothing, two overlapping runs send exactly what one run sends, a run killed with SIGKILL
after claiming a message is followed by a run that sends no duplicate (the claim shows
"unknown — check"), and mail reaches an SMTP server."""

import datetime
import os
import shutil
import signal
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from email import message_from_string
from pathlib import Path

import pytest

from partnership.messaging import UNKNOWN_AFTER, result_label

ROOT = Path(__file__).resolve().parents[2]


def _env(db: Path, mail_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = {
        **{k: v for k, v in os.environ.items() if k != "CSPHUB_PAUSE_AFTER_CLAIM"},
        "DJANGO_SETTINGS_MODULE": "tests.process_settings",
        "DATABASE_URL": f"sqlite:///{db}",
        "TEST_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "TEST_EMAIL_FILE_PATH": str(mail_dir or db.parent / "mail"),
        "DB_CONN_MAX_AGE": "0",
        **extra,
    }
    return env


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )


def _start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo loaded once into a SQLite file (its Q1 2020/21 round notices already sent)."""
    folder = tmp_path_factory.mktemp("demo-db")
    db = folder / "demo.sqlite3"
    env = _env(db, folder / "load-mail")
    _manage(env, "migrate", "-v0")
    _manage(env, "load_demo")
    return db


@pytest.fixture
def fresh(demo_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "db.sqlite3"
    shutil.copy(demo_db, db)
    (tmp_path / "mail").mkdir()
    return db


def _mails(folder: Path) -> list[tuple[str, str]]:
    """(To, Subject) of every e-mail the file backend wrote (one file per connection)."""
    found = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip():
                mail = message_from_string(chunk.strip())
                found.append((str(mail["To"]), str(mail["Subject"])))
    return found


def _messages(db: Path) -> list[tuple[str, str, str, str]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT address, kind, result, claimed_at FROM partnership_message ORDER BY id"
        ).fetchall()


def test_demo_reminders_go_once(fresh: Path) -> None:
    env = _env(fresh)
    first = _manage(env, "send_reminders", "--now", "2020-07-10")
    sent = _mails(fresh.parent / "mail")
    assert sorted(to for to, _ in sent) == ["lead.council@example.org", "lead.police@example.org"]
    assert all(
        subject.startswith("Reminder: Quarter 1 2020/21 updates are due by 15 July 2020")
        for _, subject in sent
    )
    assert "2 sent" in first.stdout
    second = _manage(env, "send_reminders", "--now", "2020-07-10")
    assert "0 sent" in second.stdout
    assert len(_mails(fresh.parent / "mail")) == 2
    kinds = Counter(kind for _, kind, result, _ in _messages(fresh) if result == "sent")
    assert kinds == {"round_opened": 2, "reminder": 2}


def test_two_overlapping_runs_send_what_one_run_sends(demo_db: Path, tmp_path: Path) -> None:
    alone, together = tmp_path / "alone", tmp_path / "together"
    for folder in (alone, together):
        folder.mkdir()
        (folder / "mail").mkdir()
        shutil.copy(demo_db, folder / "db.sqlite3")
    # 20 July 2020 is a Monday after the due date: chasers, the coordinator's digest and the CSU
    # coordinator's case-work digest (overdue case-work tasks)
    _manage(_env(alone / "db.sqlite3"), "send_reminders", "--now", "2020-07-20")
    expected = sorted(_mails(alone / "mail"))
    assert len(expected) == 4
    env = _env(together / "db.sqlite3", CSPHUB_PAUSE_AFTER_CLAIM="0.5")
    runs = [_start(env, "send_reminders", "--now", "2020-07-20") for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert sorted(_mails(together / "mail")) == expected


def test_a_killed_run_is_never_repeated(fresh: Path) -> None:
    env = _env(fresh, CSPHUB_PAUSE_AFTER_CLAIM="60")
    run = _start(env, "send_reminders", "--now", "2020-07-10")
    deadline = time.monotonic() + 90
    while not any(kind == "reminder" for _, kind, _, _ in _messages(fresh)):
        assert time.monotonic() < deadline and run.poll() is None, "the run never claimed a reminder"
        time.sleep(0.2)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    claimed = [
        (address, claimed_at) for address, kind, result, claimed_at in _messages(fresh) if kind == "reminder"
    ]
    assert len(claimed) == 1 and _mails(fresh.parent / "mail") == []
    stranded, claimed_at = claimed[0]

    again = _manage(_env(fresh), "send_reminders", "--now", "2020-07-10")
    assert "1 sent" in again.stdout
    sent = _mails(fresh.parent / "mail")
    assert len(sent) == len(set(sent)) == 1
    assert sent[0][0] != stranded  # the stranded claim is not sent again
    rows = {(address, kind): result for address, kind, result, _ in _messages(fresh)}
    assert rows[(stranded, "reminder")] == ""
    moment = datetime.datetime.fromisoformat(claimed_at)
    assert (
        result_label("", moment, moment + UNKNOWN_AFTER + datetime.timedelta(seconds=1)) == "Unknown — check"
    )
    _manage(_env(fresh), "send_reminders", "--now", "2020-07-11")
    assert len(_mails(fresh.parent / "mail")) == 1


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greeting, EHLO, MAIL, RCPT, DATA, QUIT."""

    def _reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self) -> None:
        self._reply("220 test SMTP")
        recipients: list[str] = []
        while line := self.rfile.readline().decode():
            command = line.strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self._reply("250 test")
            elif command.startswith("MAIL FROM"):
                recipients = []
                self._reply("250 OK")
            elif command.startswith("RCPT TO"):
                recipients.append(line.split(":", 1)[1].strip().strip("<>"))
                self._reply("250 OK")
            elif command == "DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while (data := self.rfile.readline().decode()) not in (".\r\n", ".\n", ""):
                    body.append(data)
                self.server.received.append((recipients, "".join(body)))  # type: ignore[attr-defined]
                self._reply("250 OK queued")
            elif command == "QUIT":
                self._reply("221 Bye")
                return
            else:
                self._reply("250 OK")


@pytest.fixture
def smtp_server() -> Iterator[socketserver.ThreadingTCPServer]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.received = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_reminders_reach_an_smtp_server(fresh: Path, smtp_server: socketserver.ThreadingTCPServer) -> None:
    env = _env(
        fresh,
        TEST_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.server_address[1]),
    )
    _manage(env, "send_reminders", "--now", "2020-07-10")
    _manage(env, "send_reminders", "--now", "2020-07-10")
    received = smtp_server.received  # type: ignore[attr-defined]
    assert sorted(r[0][0] for r in received) == ["lead.council@example.org", "lead.police@example.org"]
    assert all("Quarter 1 2020/21" in body for _, body in received)
