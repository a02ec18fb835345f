"""Settings of ``tutor distill train`` (TRL style: one dataclass, every field documented)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tutor.config import default_cache_dir

#: Every linear layer of a Llama-style block (SmolLM2, Llama, Qwen, Gemma all use these names).
ALL_LINEAR = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


@dataclass
class TrainConfig:
    """Configuration of the training stage (LoRA SFT with TRL; GKD when the teacher shares the
    student's vocabulary).

    Attributes:
        data_dir (str, default ``<cache>/distill/data``): output folder of ``generate``
            (``train.jsonl``, ``heldout.jsonl``).
        out_dir (str, default ``<cache>/distill/run``): checkpoints, the final ``adapter/`` and
            ``train_report.json``.
        model (str, default ``"smollm2-135m"``): student model: an embedded name, a local HF
            folder or a hub id already in the local cache (:func:`tutor.llm.resolve_model_path`).
        lora_r (int, default 8): LoRA rank.
        lora_alpha (int, default 16): LoRA scaling numerator (scale = alpha / r).
        lora_dropout (float, default 0.05): dropout on the LoRA branch.
        target_modules (list[str], default every linear layer): modules that get LoRA.
        lora_layers (int, default 0): put LoRA only on the top this many transformer blocks
            (0 = all). Back-propagation then stops below them, which makes a CPU step several
            times cheaper; on a GPU leave it at 0.
        learning_rate (float, default 3e-4): peak AdamW learning rate (linear decay, warm-up).
        warmup_ratio (float, default 0.05): fraction of steps used for warm-up.
        num_train_epochs (float, default 1.0): passes over the training examples.
        max_steps (int, default -1): stop after this many optimizer steps (-1: use epochs).
        max_minutes (float, default 0): stop training after this many minutes of wall time
            (0: no limit); the adapter of the best held-out checkpoint so far is kept.
        per_device_batch_size (int, default 2): examples per device per forward pass.
        gradient_accumulation_steps (int, default 4): forward passes per optimizer step
            (effective batch = batch size x accumulation x number of devices).
        max_length (int, default 640): longest example in tokens (longer ones are cut; their
            labels after the cut are dropped).
        score_repeat (int, default 2): times each step-scoring example appears per epoch
            (its loss sits on a few " Yes"/" No" tokens, a hint's on ~25 tokens; repeating
            balances the two jobs).
        real_repeat (int, default 1): times each example from real student work (sources
            ``"vtg"`` and ``"annotation"``: teacher-labelled solutions, not injected errors) appears
            per epoch, on top of ``score_repeat``; they are few next to the generated ones.
        max_train_examples (int | None, default None): cap on training examples (tiny runs).
        max_eval_examples (int, default 48): held-out examples evaluated at each evaluation.
        eval_steps (int, default 50): optimizer steps between held-out evaluations (and
            checkpoints; the best held-out loss is kept: the stopping rule).
        logging_steps (int, default 10): optimizer steps between loss logs.
        gradient_checkpointing (bool, default False): recompute activations in the backward
            pass to save memory (TRL turns it on by default; on a CPU it costs time and, with
            PEFT, forces back-propagation through every layer, defeating ``lora_layers``). Turn
            it on for a 1B+ student on a GPU.
        qlora (bool, default False): load the base model 4-bit NF4 with bitsandbytes (CUDA
            only; QLoRA, Dettmers et al. 2023).
        bf16 (bool | None, default None): bf16 mixed precision; ``None`` = on CUDA only (CPU
            trains in fp32).
        gkd_teacher (str, default ``""``): a causal LM (folder/hub id) for on-policy
            generalized knowledge distillation (Agarwal et al. 2024, TRL ``GKDTrainer``). Only
            valid when its tokenizer has the student's vocabulary (e.g. SmolLM2-1.7B-Instruct
            teaching SmolLM2-135M); empty = SFT on the teacher's offline outputs.
        gkd_lmbda (float, default 0.5): GKD: fraction of on-policy (student-generated) batches.
        gkd_beta (float, default 0.5): GKD: generalized JSD interpolation (0 = forward KL,
            1 = reverse KL).
        seed (int, default 0): random seed.
        resume (bool, default True): continue from the last checkpoint in ``out_dir``.
    """

    data_dir: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "data"))
    out_dir: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "run"))
    model: str = "smollm2-135m"
    lora_r: int = 8
    lora_alpha: int = 16
    lora_dropout: float = 0.05
    target_modules: list[str] = field(default_factory=lambda: list(ALL_LINEAR))
    lora_layers: int = 0
    learning_rate: float = 3e-4
    warmup_ratio: float = 0.05
    num_train_epochs: float = 1.0
    max_steps: int = -1
    max_minutes: float = 0.0
    per_device_batch_size: int = 2
    gradient_accumulation_steps: int = 4
    max_length: int = 640
    score_repeat: int = 2
    real_repeat: int = 1
    max_train_examples: int | None = None
    max_eval_examples: int = 48
    eval_steps: int = 50
    logging_steps: int = 10
    gradient_checkpointing: bool = False
    qlora: bool = False
    bf16: bool | None = None
    gkd_teacher: str = ""
    gkd_lmbda: float = 0.5
    gkd_beta: float = 0.5
    seed: int = 0
    resume: bool = True
