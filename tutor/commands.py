"""Top-level commands: ``tutor serve``, ``tutor review``, ``tutor review-batch``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from tutor.errors import TutorError, TutorInputError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the commands to the ``tutor`` parser."""
    p = sub.add_parser("serve", help="run the browser app (student and teacher tabs)")
    p.add_argument("--port", type=int, help="TCP port (default: $TUTOR_PORT or 7860)")
    p.add_argument("--host", help="address to bind (default 127.0.0.1: this machine only)")
    _model_flags(p)
    p.set_defaults(func=serve)

    p = sub.add_parser("review", help="review one solution and print the feedback as JSON")
    p.add_argument("--problem", required=True, help="problem text, or a problem-bank id")
    p.add_argument("--solution-file", required=True, help="text file with the worked solution ('-' = stdin)")
    p.add_argument("--reference-file", help="text file with a reference solution, one step per line")
    p.add_argument("--student-id")
    p.add_argument("--class-code", help="class the review is filed under on the teacher dashboard")
    p.add_argument("--grade", help="grade of a typed-in problem (K, 1 … 8, HS): steers the "
                                   "standards shown (default: the setting 'grade')")
    p.add_argument("--no-save", action="store_true", help="do not write to the feedback log")
    _model_flags(p)
    p.set_defaults(func=review)

    p = sub.add_parser("review-batch", help="review a JSONL file of solutions; one output line per input line")
    p.add_argument("input", help='JSONL: {"id", "problem", "solution", "reference_solution"?, '
                                 '"student_id"?, "class_code"?, "grade"?}')
    p.add_argument("output", help='JSONL: {"id", "feedback": {...}} or {"id", "error": "..."}')
    p.add_argument("--no-save", action="store_true", help="do not write to the feedback log")
    _model_flags(p)
    p.set_defaults(func=review_batch)

    p = sub.add_parser("backup", help="copy the feedback log (SQLite) to a file, safely while the app runs")
    p.add_argument("destination", help="file to write, e.g. /backups/tutor-2026-11-30.sqlite3, or an "
                                        "existing folder (the copy is then feedback-<date>-<time>.sqlite3 in it)")
    p.set_defaults(func=backup)


def _model_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="student model (default: embedded smollm2-135m)")
    p.add_argument("--quantization", choices=("none", "nf4", "int8"))
    p.add_argument("--device", choices=("auto", "cpu", "cuda"))
    p.add_argument("--no-model", action="store_true", help="symbolic verifier + fallback hints only")


def _settings(args: argparse.Namespace):
    from tutor.config import load_settings

    return load_settings(args.config, model=args.model, quantization=args.quantization,
                         device=args.device, use_model=False if args.no_model else None,
                         port=getattr(args, "port", None), host=getattr(args, "host", None))


def serve(args: argparse.Namespace) -> int:
    """Start the web app and block until interrupted."""
    from tutor.service import Tutor
    from tutor.ui.server import serve as run_server

    settings = _settings(args)
    host, port = settings.host, int(settings.port)
    _check_port_free(host, port)  # before the models load: say so now, not after a minute
    tutor = Tutor.from_settings(settings)
    for line in start_banner(settings):
        print(f"tutor: {line}", file=sys.stderr, flush=True)
    run_server(tutor, host, port)
    return 0


def start_banner(settings) -> list[str]:
    """What ``serve`` tells the person who started it: the addresses, and the teacher
    dashboard's state (off, or still on the shipped default password)."""
    from tutor.config import DEFAULT_TEACHER_PASSWORD

    base = f"http://{settings.host}:{settings.port}"
    lines = [f"student page {base}/  (Ctrl+C stops)"]
    if not settings.teacher_password:
        lines.append("teacher dashboard off (teacher_password is empty)")
    else:
        lines.append(f"teacher dashboard {base}/teacher/")
        if settings.teacher_password == DEFAULT_TEACHER_PASSWORD:
            lines.append(f"WARNING: the teacher password is still the default {DEFAULT_TEACHER_PASSWORD!r}; "
                         "set TUTOR_TEACHER_PASSWORD or teacher_password in tutor.toml")
    return lines


def _check_port_free(host: str, port: int) -> None:
    """Raises TutorConfigError when ``host:port`` cannot be listened on: the port is out of
    range, the host does not resolve, or something already listens there."""
    import errno
    import socket

    from tutor.errors import TutorConfigError

    if not 1 <= port <= 65535:
        raise TutorConfigError(f"port {port} is not a TCP port (1 to 65535)")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (OSError, UnicodeError) as exc:
        raise TutorConfigError(f"cannot listen on {host!r}: {exc}") from None
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the web server binds
        try:
            s.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise TutorConfigError(
                    f"port {port} on {host} is in use; is the tutor already running? Start it on "
                    f"another port: python app.py --port {port + 1} (or TUTOR_PORT={port + 1}).") from None
            raise TutorConfigError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def _reference(value: Any) -> list[str] | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return [str(s) for s in value if str(s).strip()]
    return [line for line in str(value).splitlines() if line.strip()]


def make_submission(problem: str, solution: str, reference: Any = None,
                    student_id: str | None = None, class_code: str | None = None,
                    grade: Any = None):
    """A :class:`Submission` from plain values; ``problem`` may be a problem-bank id.

    ``grade`` applies to a typed-in problem (a bank problem keeps its own grade).

    Raises:
        TutorInputError: missing problem or solution, or an unknown grade.
    """
    from tutor.bank import BANK_PATH, get_problem
    from tutor.schema import Problem, Submission, parse_grade

    if not isinstance(problem, str) or not problem.strip():
        raise TutorInputError("Please give the problem text.")
    if not isinstance(solution, str):
        raise TutorInputError("The solution must be text.")
    grade = parse_grade(grade)  # refused even where a bank problem's own grade wins
    prob = None
    if reference is None and len(problem) < 40 and " " not in problem.strip() and BANK_PATH.exists():
        try:
            prob = get_problem(problem.strip())
        except TutorInputError:
            # "g3-mult-0l" is a mistyped id, not a word problem: say so rather than review it
            if re.fullmatch(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+", problem.strip()):
                raise
            prob = None
    if prob is None:
        prob = Problem(text=problem, reference_solution=_reference(reference), grade=grade)
    return Submission(problem=prob, solution_text=solution, student_id=student_id, class_code=class_code)


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise TutorInputError(f"cannot read {path}: {exc.strerror}") from exc


def review(args: argparse.Namespace) -> int:
    """Print one review as a JSON object on stdout."""
    from tutor.schema import to_dict
    from tutor.service import Tutor, read_submission

    sub = make_submission(args.problem, _read_text(args.solution_file),
                          _read_text(args.reference_file) if args.reference_file else None,
                          student_id=args.student_id, class_code=args.class_code, grade=args.grade)
    read_submission(sub)  # bad input is refused before the models load (~10 s)
    tutor = Tutor.from_settings(_settings(args), load_store=not args.no_save)
    feedback = tutor.review(sub, save=not args.no_save)
    print(json.dumps(to_dict(feedback), ensure_ascii=False, indent=2))
    return 0


def backup(args: argparse.Namespace) -> int:
    """Copy the feedback log with SQLite's online backup (see :func:`tutor.store.feedback_log.backup_sqlite`)."""
    from sqlalchemy.engine import make_url

    from tutor.config import load_settings
    from tutor.store.feedback_log import backup_sqlite

    url = load_settings(args.config).database_url
    dest = backup_sqlite(url, args.destination)
    # name the log that was copied: with other settings than the app's (another TUTOR_CACHE_DIR,
    # no tutor.toml in this folder) it is another log, and nothing else would say so
    source = Path(make_url(url).database).expanduser().resolve()
    print(f"feedback log copied to {dest.resolve()}\n  from {source} (database_url {url})", file=sys.stderr)
    return 0


def review_batch(args: argparse.Namespace) -> int:
    """Review every line of a JSONL file; always one output line per input line, in order."""
    from tutor.eval.common import progress
    from tutor.schema import to_dict
    from tutor.service import Tutor

    try:
        lines = Path(args.input).read_bytes().decode("utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise TutorInputError(f"cannot read {args.input}: {exc.strerror}") from exc
    tutor = Tutor.from_settings(_settings(args), load_store=not args.no_save)  # one model load
    n_err = n_empty = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for n, line in enumerate(progress(lines, "review-batch"), 1):
            rid: Any = n
            if not line.strip():  # still one output line, so line numbers keep matching
                n_empty += 1
                out.write(json.dumps({"id": rid, "error": f"line {n} is empty"}) + "\n")
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise TutorInputError("each line must be a JSON object")
                rid = row.get("id", n)
                sub = make_submission(row.get("problem"), row.get("solution"),
                                      row.get("reference_solution"), row.get("student_id"),
                                      row.get("class_code"), row.get("grade"))
                result = {"id": rid, "feedback": to_dict(tutor.review(sub, save=not args.no_save))}
            except json.JSONDecodeError:
                result, n_err = {"id": rid, "error": f"line {n} is not valid JSON"}, n_err + 1
            except TutorError as exc:
                result, n_err = {"id": rid, "error": str(exc)}, n_err + 1
            except Exception as exc:  # one bad line must not lose the others
                result, n_err = {"id": rid, "error": f"internal error: {type(exc).__name__}: {exc}"}, n_err + 1
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
    print(f"{len(lines) - n_err - n_empty} reviewed, {n_err} not reviewed (see their 'error')"
          + (f", {n_empty} empty line{'s' if n_empty != 1 else ''} skipped" if n_empty else "")
          + f" -> {args.output}", file=sys.stderr)
    return 0
