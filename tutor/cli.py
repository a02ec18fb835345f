"""The ``tutor`` command: a thin shell over the library.

Each sub-command lives in its own module, which exposes ``register(subparsers)`` and keeps
heavy imports (torch, transformers, gradio) inside the functions it sets as ``func``, so
``tutor --help`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from tutor.errors import TutorError

# Modules that add top-level commands (serve, review, review-batch, export-annotations, …).
TOP_LEVEL = ("tutor.commands", "tutor.export")
# Modules that add `tutor eval <name>` / `tutor bench <name>` / `tutor distill <stage>`.
GROUPS = {
    "eval": ("Benchmarks that write JSON reports.",
             ("tutor.eval.verify", "tutor.eval.standards", "tutor.eval.hints")),
    "bench": ("Speed and memory measurements that write JSON reports.", ("tutor.eval.bench",)),
    "distill": ("Offline distillation: teacher -> training data -> student adapter.",
                ("tutor.distill.cli",)),
}


def _register(modules, sub) -> None:
    for name in modules:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # that part of the tutor is not installed in this build
                continue
            raise
        mod.register(sub)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (every command registered)."""
    parser = argparse.ArgumentParser(prog="tutor", description="A math tutor that runs offline.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    parser.add_argument("--config", help="settings TOML file (default: $TUTOR_CONFIG or ./tutor.toml)")
    sub = parser.add_subparsers(dest="command", required=True)
    _register(TOP_LEVEL, sub)
    for group, (help_text, modules) in GROUPS.items():
        gp = sub.add_parser(group, help=help_text, description=help_text)
        _register(modules, gp.add_subparsers(dest=f"{group}_command", required=True))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        # sentence-transformers imports PEFT, which imports bitsandbytes; on a CPU it warns on
        # every start that an optional GPU kernel is missing, which nothing here uses
        logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    try:
        return int(args.func(args) or 0)
    except TutorError as exc:
        print(f"tutor: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
