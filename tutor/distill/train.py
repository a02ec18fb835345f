"""Stage 2, ``tutor distill train``: fit a LoRA adapter on the student model with TRL.

Default: sequence-level distillation — supervised fine-tuning (TRL ``SFTTrainer``) on the
teacher's offline outputs, with a PEFT LoRA adapter (Hu et al. 2022). This works whatever the
teacher's model family (the teacher only wrote text and labels; cf. MiniPLM's offline teacher
inference). With ``gkd_teacher`` set and a teacher tokenizer that has the student's
vocabulary, on-policy generalized knowledge distillation (Agarwal et al. 2024, TRL
``GKDTrainer``) is used on the hint job instead: token distributions only compare when both
models index the same vocabulary, so GKD is refused otherwise.

Examples are tokenized here, exactly as the app will see them:

* step scoring: the verifier's plain text; the label at each step's marker read-out is the
  token of " Yes" (correct) or " No" (first wrong step), every other position ``-100``;
* hints: the hint prompt rendered with the student's chat template (the same renderer as
  :meth:`tutor.llm.HFModel.render`), loss on the teacher's hint and the template's end-of-turn
  token (:func:`tutor.llm.end_of_turn`).

Devices: fp32 on CPU; bf16 on CUDA; ``qlora`` loads the base 4-bit NF4 (bitsandbytes). Run
under ``accelerate launch`` (``configs/accelerate/``) for several GPUs: the Trainer picks up
the distributed set-up itself.
"""

from __future__ import annotations

import json
import logging
import random
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tutor.distill.train_config import TrainConfig
from tutor.errors import TutorConfigError, TutorInputError
from tutor.jsonl import parse_jsonl

log = logging.getLogger(__name__)

#: Example sources that are real student work (see ``TrainConfig.real_repeat``).
REAL_SOURCES = ("vtg", "annotation")


def read_examples(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Examples written by ``generate`` (one JSON per line).

    Raises:
        TutorInputError: the file is missing (run ``tutor distill generate`` first).
    """
    if not path.exists():
        raise TutorInputError(f"{path} not found: run `tutor distill generate` first")
    rows = parse_jsonl(path.read_text(encoding="utf-8"))
    return rows[:limit] if limit else rows


def marker_positions(tokenizer, text: str, marker_ends: list[int]) -> tuple[list[int], list[int]]:
    """Tokenize ``text``; return ``(input_ids, positions)`` where ``positions[k]`` is the last
    token ending at or before ``marker_ends[k]`` — the read-out position the verifier uses
    (:func:`tutor.verify.scorer.step_correct_probs`)."""
    enc = tokenizer(text, return_offsets_mapping=True, add_special_tokens=False)
    offsets = enc["offset_mapping"]
    positions, i = [], 0
    for end in marker_ends:
        while i + 1 < len(offsets) and offsets[i + 1][1] <= end:
            i += 1
        positions.append(i)
    return enc["input_ids"], positions


def tokenize_example(ex: dict[str, Any], tokenizer, max_length: int,
                     end_token: str | None = None) -> dict[str, list[int]] | None:
    """One example -> ``{"input_ids", "labels"}`` (``-100`` = no loss), cut to ``max_length``.

    ``end_token`` is the text closing a hint (default :func:`tutor.llm.end_of_turn` of
    ``tokenizer``); pass it when tokenizing many examples, since reading it off the chat
    template costs ~20 ms, which made 27k hints take 10 minutes.

    Returns ``None`` when no labelled token survives the cut.
    """
    from tutor.llm import HFModel, end_of_turn
    from tutor.verify.scorer import NO, YES

    if ex["task"] == "score":
        ids, positions = marker_positions(tokenizer, ex["text"], ex["marker_ends"])
        yes = tokenizer(YES, add_special_tokens=False)["input_ids"][0]
        no = tokenizer(NO, add_special_tokens=False)["input_ids"][0]
        labels = [-100] * len(ids)
        for pos, lab in zip(positions, ex["step_labels"]):
            if lab is not None and pos + 1 < len(ids):
                # HF causal-LM loss shifts labels: labels[pos + 1] is predicted at pos.
                labels[pos + 1] = yes if lab else no
    else:
        prompt = HFModel.render(SimpleNamespace(tokenizer=tokenizer), ex["prompt"])
        p_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        end = end_of_turn(tokenizer) if end_token is None else end_token
        c_ids = tokenizer(ex["completion"] + end, add_special_tokens=False)["input_ids"]
        ids = p_ids + c_ids
        labels = [-100] * len(p_ids) + c_ids
    ids, labels = ids[:max_length], labels[:max_length]
    if all(v == -100 for v in labels):
        return None
    return {"input_ids": ids, "labels": labels}


def build_dataset(examples: list[dict[str, Any]], tokenizer, config: TrainConfig, repeat_scoring: bool):
    """A shuffled ``datasets.Dataset`` of tokenized examples; when ``repeat_scoring``, scoring
    examples appear ``config.score_repeat`` times and real student work ``config.real_repeat``
    times as often."""
    from datasets import Dataset

    from tutor.llm import end_of_turn

    end_token, t0 = end_of_turn(tokenizer), time.monotonic()
    rows = []
    for ex in examples:
        tok = tokenize_example(ex, tokenizer, config.max_length, end_token)
        if tok is None:
            continue
        times = config.score_repeat if (repeat_scoring and ex["task"] == "score") else 1
        if repeat_scoring and ex.get("source") in REAL_SOURCES:
            times *= config.real_repeat
        rows += [tok] * times
    log.info("tokenized %d examples into %d rows in %.0f s", len(examples), len(rows), time.monotonic() - t0)
    random.Random(config.seed).shuffle(rows)
    if not rows:
        raise TutorInputError("no usable training examples after tokenization")
    return Dataset.from_list(rows)


class StopAfterMinutes:
    """A Trainer callback that ends training after ``minutes`` of wall time (0 = never)."""

    def __new__(cls, minutes: float):
        from transformers import TrainerCallback

        class _Stop(TrainerCallback):
            def __init__(self) -> None:
                self.t0 = time.monotonic()

            def on_step_end(self, args, state, control, **kwargs):
                if minutes and time.monotonic() - self.t0 > 60 * minutes:
                    log.info("time budget of %.1f min reached at step %d", minutes, state.global_step)
                    control.should_training_stop = True
                    control.should_save = True
                    control.should_evaluate = True
                return control

        return _Stop()


def _sft_trainer_class():
    """TRL's SFTTrainer with a loss that computes logits only where a label is.

    A step-scoring example has a loss on a handful of " Yes"/" No" tokens among ~300; running
    the 49k-way output layer (and its backward pass) on every position would cost about a
    fifth of the step for nothing. ``logits_to_keep`` (a tensor of positions, shared by the
    batch) restricts it to positions whose next token is labelled; the loss is the mean
    cross-entropy over those labels.
    """
    import torch.nn.functional as F
    from trl import SFTTrainer

    class SelectiveLogitsSFTTrainer(SFTTrainer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            # Our loss is a per-micro-batch mean: let the Trainer divide by accumulation steps.
            self.model_accepts_loss_kwargs = False

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            nxt = inputs["labels"][:, 1:]
            keep = (nxt != -100).any(dim=0).nonzero().squeeze(-1)
            out = model(input_ids=inputs["input_ids"], attention_mask=inputs.get("attention_mask"),
                        logits_to_keep=keep)
            target = nxt[:, keep]
            loss = F.cross_entropy(out.logits.float().reshape(-1, out.logits.shape[-1]),
                                   target.reshape(-1), ignore_index=-100)
            return (loss, out) if return_outputs else loss

    return SelectiveLogitsSFTTrainer


def _load_student(config: TrainConfig, cuda: bool):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from tutor.config import load_settings
    from tutor.llm import resolve_model_path

    path = resolve_model_path(config.model, load_settings().cache_path)
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    kwargs: dict[str, Any] = {"dtype": torch.bfloat16 if cuda else torch.float32}
    if config.qlora:
        if not cuda:
            raise TutorConfigError("qlora needs a CUDA GPU (bitsandbytes 4-bit training)")
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=torch.bfloat16)
    model = AutoModelForCausalLM.from_pretrained(str(path), **kwargs)
    if config.qlora:
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model)
    return model, tokenizer, path


def check_shared_vocabulary(student_tokenizer, teacher_tokenizer) -> None:
    """GKD compares token distributions position by position, so both tokenizers must map the
    same strings to the same ids.

    Raises:
        TutorConfigError: the vocabularies differ (use the default SFT path instead).
    """
    if student_tokenizer.get_vocab() != teacher_tokenizer.get_vocab():
        raise TutorConfigError(
            "GKD needs a teacher with the student's vocabulary (e.g. a bigger model of the same "
            "family); this teacher's tokenizer differs: drop --gkd-teacher to distil by SFT")


def run_train(config: TrainConfig) -> dict[str, Any]:
    """Train the adapter; write ``<out_dir>/adapter`` and ``<out_dir>/train_report.json``.

    Returns:
        The report: steps, examples per task, losses (train, held-out before/after), seconds,
        device, and the configuration.

    Raises:
        TutorInputError: no generated data.
        TutorConfigError: model cannot be loaded, QLoRA without CUDA, GKD teacher with a
            different vocabulary.
    """
    import torch
    from peft import LoraConfig
    from transformers.trainer_utils import get_last_checkpoint

    out = Path(config.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cuda = torch.cuda.is_available()
    bf16 = cuda if config.bf16 is None else config.bf16
    torch.manual_seed(config.seed)
    train_ex = read_examples(Path(config.data_dir) / "train.jsonl", config.max_train_examples)
    held_ex = read_examples(Path(config.data_dir) / "heldout.jsonl")
    random.Random(config.seed).shuffle(held_ex)
    held_ex = held_ex[: config.max_eval_examples]
    model, tokenizer, path = _load_student(config, cuda)
    n_layers = model.config.num_hidden_layers
    top = list(range(max(0, n_layers - config.lora_layers), n_layers)) if config.lora_layers else None
    lora = LoraConfig(r=config.lora_r, lora_alpha=config.lora_alpha, lora_dropout=config.lora_dropout,
                      target_modules=config.target_modules, layers_to_transform=top, task_type="CAUSAL_LM")
    common = dict(
        output_dir=str(out / "checkpoints"), learning_rate=config.learning_rate,
        warmup_steps=config.warmup_ratio, num_train_epochs=config.num_train_epochs,
        max_steps=config.max_steps, per_device_train_batch_size=config.per_device_batch_size,
        per_device_eval_batch_size=config.per_device_batch_size,
        gradient_accumulation_steps=config.gradient_accumulation_steps,
        logging_steps=config.logging_steps, eval_strategy="steps" if held_ex else "no",
        eval_steps=config.eval_steps, save_strategy="steps", save_steps=config.eval_steps,
        save_total_limit=2, load_best_model_at_end=bool(held_ex), metric_for_best_model="eval_loss",
        greater_is_better=False, bf16=bf16, use_cpu=not cuda, seed=config.seed,
        prediction_loss_only=True, gradient_checkpointing=config.gradient_checkpointing,
        report_to=[], disable_tqdm=False, dataloader_num_workers=0,
    )
    t0 = time.monotonic()
    if config.gkd_teacher:
        trainer = _gkd_trainer(config, model, tokenizer, lora, train_ex, held_ex, common)
    else:
        from trl import SFTConfig

        train_ds = build_dataset(train_ex, tokenizer, config, repeat_scoring=True)
        eval_ds = build_dataset(held_ex, tokenizer, config, repeat_scoring=False) if held_ex else None
        args = SFTConfig(**common, max_length=config.max_length, completion_only_loss=False,
                         remove_unused_columns=True)
        trainer = _sft_trainer_class()(model=model, args=args, train_dataset=train_ds, eval_dataset=eval_ds,
                             processing_class=tokenizer, peft_config=lora,
                             callbacks=[StopAfterMinutes(config.max_minutes)])
    eval_before = trainer.evaluate()["eval_loss"] if held_ex else None
    last = get_last_checkpoint(str(out / "checkpoints")) if (config.resume and (out / "checkpoints").exists()) else None
    result = trainer.train(resume_from_checkpoint=last)
    eval_after = trainer.evaluate()["eval_loss"] if held_ex else None
    adapter_dir = out / "adapter"
    trainer.model.save_pretrained(str(adapter_dir))
    tasks: dict[str, int] = {}
    for ex in train_ex:
        tasks[ex["task"]] = tasks.get(ex["task"], 0) + 1
    report = {
        "stage": "train", "method": "gkd" if config.gkd_teacher else "sft-lora",
        "base_model": config.model, "base_model_path": str(path), "adapter": str(adapter_dir),
        "device": "cuda" if cuda else "cpu", "precision": "bf16" if bf16 else "fp32",
        "quantization": "nf4" if config.qlora else "none",
        "train_examples": tasks, "heldout_examples": len(held_ex),
        "steps": trainer.state.global_step, "train_loss": result.training_loss,
        "heldout_loss_before": eval_before, "heldout_loss_after": eval_after,
        "seconds": round(time.monotonic() - t0, 1),
        "log_history": trainer.state.log_history, "config": vars(config),
    }
    (out / "train_report.json").write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    return report


def _gkd_trainer(config: TrainConfig, model, tokenizer, lora, train_ex, held_ex, common):
    """TRL's GKDTrainer on the hint job (chat messages), teacher loaded from ``gkd_teacher``.

    Raises:
        TutorConfigError: the teacher cannot be loaded or its vocabulary differs.
    """
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl.experimental.gkd import GKDConfig, GKDTrainer

    try:
        t_tok = AutoTokenizer.from_pretrained(config.gkd_teacher)
        teacher = AutoModelForCausalLM.from_pretrained(config.gkd_teacher, dtype=model.dtype)
    except Exception as exc:
        raise TutorConfigError(f"could not load GKD teacher {config.gkd_teacher}: {exc}") from exc
    check_shared_vocabulary(tokenizer, t_tok)

    def chat(rows):
        return Dataset.from_list([{"messages": ex["prompt"] + [{"role": "assistant", "content": ex["completion"]}]}
                                  for ex in rows if ex["task"] == "hint"])

    args = GKDConfig(**common, max_length=config.max_length, lmbda=config.gkd_lmbda, beta=config.gkd_beta)
    return GKDTrainer(model=model, teacher_model=teacher, args=args, train_dataset=chat(train_ex),
                      eval_dataset=chat(held_ex) if held_ex else None, processing_class=tokenizer,
                      peft_config=lora, callbacks=[StopAfterMinutes(config.max_minutes)])
