"""``tutor distill generate | train | eval | export``: one command per stage.

Each stage's flags are generated from its configuration dataclass (``--n-problems`` for
``GenerateConfig.n_problems`` …), so a field documented there is a flag here, with the same
default. Heavy imports (torch, transformers, TRL) happen inside the stage functions.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import typing
from typing import Any

#: stage -> (config module, config class, run module, run function, help)
STAGES = {
    "generate": ("tutor.distill.generate_config", "GenerateConfig", "tutor.distill.generate", "run_generate",
                 "build the training set: problems, student solutions, teacher outputs"),
    "train": ("tutor.distill.train_config", "TrainConfig", "tutor.distill.train", "run_train",
              "fit a LoRA adapter on the student model (TRL SFT, or GKD)"),
    "eval": ("tutor.distill.eval_config", "EvalConfig", "tutor.distill.eval", "run_eval",
             "student before vs after: step-scoring AUROC and hint grounding"),
    "export": ("tutor.distill.export_config", "ExportConfig", "tutor.distill.export", "run_export",
               "copy the adapter into models/, write its model card, register it"),
}


def _add_fields(parser: argparse.ArgumentParser, cls: type) -> None:
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        flag = "--" + f.name.replace("_", "-")
        typ = hints[f.name]
        args = typing.get_args(typ)
        base = next((a for a in args if a is not type(None)), typ) if args and type(None) in args else typ
        if base is bool or typ == (bool | None):
            parser.add_argument(flag, dest=f.name, action=argparse.BooleanOptionalAction, default=None,
                                help=f"(default: {_default(f)})")
        elif typing.get_origin(base) is list:
            parser.add_argument(flag, dest=f.name, nargs="*", default=None, help=f"(default: {_default(f)})")
        else:
            conv = base if base in (int, float, str) else str
            parser.add_argument(flag, dest=f.name, type=conv, default=None, help=f"(default: {_default(f)})")


def _default(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    return f.default_factory() if f.default_factory is not dataclasses.MISSING else None


def config_from_args(cls: type, args: argparse.Namespace):
    """Build a stage configuration from parsed flags (unset flags keep the defaults)."""
    given = {f.name: getattr(args, f.name) for f in dataclasses.fields(cls) if getattr(args, f.name, None) is not None}
    return cls(**given)


def _runner(stage: str):
    cfg_mod, cfg_cls, run_mod, run_fn, _ = STAGES[stage]

    def run(args: argparse.Namespace) -> int:
        cls = getattr(importlib.import_module(cfg_mod), cfg_cls)
        result = getattr(importlib.import_module(run_mod), run_fn)(config_from_args(cls, args))
        shown = {k: v for k, v in result.items() if k not in ("log_history", "config", "machine", "examples")}
        print(json.dumps(shown, indent=2, default=str))
        return 0

    return run


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the four stages to the ``tutor distill`` group."""
    for stage, (cfg_mod, cfg_cls, _, _, help_text) in STAGES.items():
        p = subparsers.add_parser(stage, help=help_text, description=help_text)
        # Config modules are light (dataclasses only), so flags can be built eagerly.
        _add_fields(p, getattr(importlib.import_module(cfg_mod), cfg_cls))
        p.set_defaults(func=_runner(stage))
