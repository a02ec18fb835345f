"""The four distillation stages wired end to end on a tiny configuration.

The pipeline test uses a tiny randomly initialised model built from the real student's
tokenizer and config (2 layers, width 64) so that generate -> train -> eval -> export runs in
seconds; hand-written GSM8K/VtG-format files stand in for the shared data. The model test
loads the real SmolLM2 with the shipped adapter.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.distill.sources import vtg_fold

GSM8K = [
    {"question": "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips "
                 "in May. How many clips did Natalia sell altogether in April and May?",
     "answer": "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nNatalia sold 48+24 = <<48+24=72>>72 clips "
               "altogether in April and May.\n#### 72"},
    {"question": "Weng earns $12 an hour for babysitting. Yesterday, she just did 50 minutes of babysitting. "
                 "How much did she earn?",
     "answer": "Weng earns 12/60 = $<<12/60=0.2>>0.2 per minute.\nWorking 50 minutes, she earned 0.2 x 50 = "
               "$<<0.2*50=10>>10.\n#### 10"},
    {"question": "A box holds 6 rows of 8 eggs. Sam breaks 5 eggs and sells the rest for $2 each. "
                 "How much money does Sam make?",
     "answer": "The box holds 6*8 = <<6*8=48>>48 eggs.\nSam has 48-5 = <<48-5=43>>43 eggs left.\n"
               "He makes 43*2 = $<<43*2=86>>86.\n#### 86"},
    {"question": "Ana reads 15 pages on Monday and twice as many on Tuesday. The book has 100 pages. "
                 "How many pages are left?",
     "answer": "On Tuesday she reads 15*2 = <<15*2=30>>30 pages.\nShe has read 15+30 = <<15+30=45>>45 pages.\n"
               "There are 100-45 = <<100-45=55>>55 pages left.\n#### 55"},
]


def _vtg_records() -> list[dict]:
    """Four VtG-format records (four problems), two in each fold."""
    out, i = [], 0
    need = {"train": 2, "eval": 2}
    while any(need.values()):
        rid = f"vtg-test-{i}"
        i += 1
        if need[vtg_fold(rid)] == 0:
            continue
        need[vtg_fold(rid)] -= 1
        out.append({
            "id": rid, "problem": f"Tom has 3 bags with 4 apples in each bag. He eats 2 apples. How many apples are left? (#{i})",
            "reference_solution": "He has 3 x 4 = 12 apples.\nHe has 12 - 2 = 10 left.\n 10",
            "student_incorrect_solution": ["He has 3 + 4 = 7 apples.", "He has 7 - 2 = 5 left.", " 5"],
            "incorrect_index": 0, "incorrect_step": "He has 3 + 4 = 7 apples.",
            "error_category": "Misunderstanding of a question", "error_description": "added instead of multiplied",
            "student_correct_response": "He has 3 x 4 = 12 apples. After eating 2 he has 12 - 2 = 10 apples.",
        })
    return out


@pytest.fixture(scope="module")
def tiny_student(tmp_path_factory) -> Path:
    """A 2-layer random model with SmolLM2's tokenizer and architecture."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    from tutor.config import load_settings
    from tutor.llm import resolve_model_path

    real = resolve_model_path("smollm2-135m", load_settings().cache_path)
    cfg = AutoConfig.from_pretrained(str(real))
    cfg.update({"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
                "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16})
    torch.manual_seed(0)
    folder = tmp_path_factory.mktemp("tiny-student")
    AutoModelForCausalLM.from_config(cfg).save_pretrained(folder)
    AutoTokenizer.from_pretrained(str(real)).save_pretrained(folder)
    return folder


def test_pipeline_generate_train_eval_export(tmp_path, tiny_student):
    from tutor.distill.eval import run_eval
    from tutor.distill.eval_config import EvalConfig
    from tutor.distill.export import run_export
    from tutor.distill.export_config import ExportConfig
    from tutor.distill.generate import run_generate
    from tutor.distill.generate_config import GenerateConfig
    from tutor.distill.train import run_train
    from tutor.distill.train_config import TrainConfig
    from tutor.llm import HFModel
    from tutor.verify.scorer import step_correct_probs

    gsm = tmp_path / "gsm8k.jsonl"
    gsm.write_text("".join(json.dumps(r) + "\n" for r in GSM8K))
    vtg = tmp_path / "vtg.json"
    vtg.write_text(json.dumps(_vtg_records()))
    ann = tmp_path / "annotations.jsonl"
    ann.write_text(json.dumps({
        "id": "7", "source": "teacher_annotation", "problem": GSM8K[0]["question"],
        "reference_solution": ["48 / 2 = 24", "48 + 24 = 72"], "final_answer": "72",
        "steps": ["48 * 2 = 96", "48 + 96 = 144", "144"], "first_error_step": 1,
        "error_category": "Logical error / Wrong approach", "error_description": "doubled instead of halved",
        "reviewer": "t", "reviewed_at": "2026-11-29T08:00:00Z"}) + "\n")
    data, run, models = tmp_path / "data", tmp_path / "run", tmp_path / "models"

    # 1. generate (twice: the second run resumes and must not duplicate samples)
    gcfg = GenerateConfig(out_dir=str(data), gsm8k=str(gsm), bank="", vtg=str(vtg), annotations=[str(ann)],
                          n_problems=4, samples_per_problem=3, heldout_fraction=0.25)
    manifest = run_generate(gcfg)
    again = run_generate(gcfg)
    assert manifest["counts"] == again["counts"]
    samples = [json.loads(line) for line in (data / "samples.jsonl").read_text().splitlines()]
    assert len(samples) == len({s["id"] for s in samples})
    vtg_ids = {s["problem"]["id"] for s in samples if s["source"] == "vtg"}
    assert vtg_ids and all(vtg_fold(i) == "train" for i in vtg_ids)  # eval fold never trained on
    assert any(s["source"] == "annotation" for s in samples)
    assert manifest["counts"]["train/score"] > 0 and manifest["counts"]["train/hint"] > 0

    # 2. train a couple of steps (high learning rate so the adapter visibly moves)
    report = run_train(TrainConfig(data_dir=str(data), out_dir=str(run), model=str(tiny_student),
                                   max_steps=2, gradient_accumulation_steps=1, learning_rate=5e-2,
                                   eval_steps=1, max_eval_examples=4, resume=False))
    assert report["steps"] == 2 and (run / "adapter" / "adapter_config.json").exists()

    # 3. eval: before/after on the VtG eval fold and the held-out generated problems
    ev = run_eval(EvalConfig(adapter=str(run / "adapter"), model=str(tiny_student), vtg=str(vtg),
                             data_dir=str(data), score_limit=4, heldout_limit=4, hint_limit=1,
                             out=str(tmp_path / "eval.json")))
    for name in ("base", "distilled"):
        scoring = ev[name]["step_scoring_vtg_eval"]
        assert scoring["n_solutions"] == 4 and scoring["n_wrong"] == 2  # 2 eval-fold records x 2
        assert "grounded_rate" in ev[name]["hints_vtg_eval"]
    assert json.loads((tmp_path / "eval.json").read_text())["stage"] == "eval"

    # 4. export: adapter + card into a models/ folder, registered as default
    summary = run_export(ExportConfig(adapter=str(run / "adapter"), name="tiny", model="tiny",
                                      models_dir=str(models), data_dir=str(data), run_dir=str(run),
                                      eval_report=str(tmp_path / "eval.json")))
    assert json.loads((models / "registry.json").read_text()) == {"default_adapters": {"tiny": "adapters/tiny"}}
    card = (models / "adapters" / "tiny" / "README.md").read_text()
    assert "## Metrics" in card and "program" in card
    assert summary["bytes"] < report_bytes(run / "adapter")  # fp16: about half the size

    # the exported adapter loads and changes the step read-outs
    problem, steps = GSM8K[0]["question"], ["48 / 2 = 24", "48 + 24 = 72"]
    base = step_correct_probs(HFModel(tiny_student), problem, steps)
    tuned = step_correct_probs(HFModel(tiny_student, adapter=models / "adapters" / "tiny"), problem, steps)
    assert max(abs(a - b) for a, b in zip(base, tuned)) > 1e-4


def report_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.safetensors"))


def test_gkd_refuses_a_teacher_with_another_vocabulary(tiny_student):
    from transformers import AutoTokenizer

    from tutor.distill.train import check_shared_vocabulary
    from tutor.errors import TutorConfigError

    tok = AutoTokenizer.from_pretrained(str(tiny_student))
    check_shared_vocabulary(tok, tok)  # same vocabulary: fine
    other = AutoTokenizer.from_pretrained(str(tiny_student))
    other.add_tokens(["<extra-token>"])
    with pytest.raises(TutorConfigError):
        check_shared_vocabulary(tok, other)


def test_score_labels_sit_at_the_verifier_read_out(tiny_student):
    from transformers import AutoTokenizer

    from tutor.distill.train import tokenize_example
    from tutor.verify.scorer import NO, YES, step_scoring_prompt

    tok = AutoTokenizer.from_pretrained(str(tiny_student))
    ex = step_scoring_prompt("What is 3 x 4?", ["3 x 4 = 12", "So the answer is 13."])
    row = tokenize_example({"task": "score", "text": ex.text, "marker_ends": ex.marker_ends,
                            "step_labels": [True, False]}, tok, 512)
    labelled = [(i, v) for i, v in enumerate(row["labels"]) if v != -100]
    yes, no = (tok(t, add_special_tokens=False)["input_ids"][0] for t in (YES, NO))
    assert [v for _, v in labelled] == [yes, no]
    for i, _ in labelled:  # the token before each label is the "?" ending a marker
        assert tok.decode(row["input_ids"][: i]).endswith("Correct?")


@pytest.mark.model
def test_shipped_adapter_is_registered_and_changes_the_student(settings):
    from tutor.llm import load_student_model, registered_adapter
    from tutor.verify.scorer import step_correct_probs

    adapter = registered_adapter("smollm2-135m")
    assert adapter is not None and (adapter / "README.md").exists()
    base = load_student_model(settings.replace(adapter="none"))
    tuned = load_student_model(settings.replace(adapter="default"))
    assert tuned.adapter == str(adapter) and base.adapter is None
    problem = "Tom has 3 bags with 4 apples in each bag. He eats 2 apples. How many apples are left?"
    steps = ["He has 3 x 4 = 12 apples.", "He has 12 - 2 = 10 left.", "The answer is 10."]
    p_base = step_correct_probs(base, problem, steps)
    p_tuned = step_correct_probs(tuned, problem, steps)
    assert max(abs(a - b) for a, b in zip(p_base, p_tuned)) > 0.01


def test_real_student_work_is_repeated_on_top_of_score_repeat(tiny_student):
    from datasets import Dataset  # noqa: F401  (build_dataset needs it)
    from transformers import AutoTokenizer

    from tutor.distill.train import build_dataset
    from tutor.distill.train_config import TrainConfig
    from tutor.verify.scorer import step_scoring_prompt

    tok = AutoTokenizer.from_pretrained(str(tiny_student))
    ex = step_scoring_prompt("What is 3 x 4?", ["3 x 4 = 12", "So the answer is 12."])

    def score(source):
        return {"task": "score", "source": source, "text": ex.text, "marker_ends": ex.marker_ends,
                "step_labels": [True, True]}

    hint = {"task": "hint", "source": "vtg", "prompt": [{"role": "user", "content": "Hint?"}],
            "completion": "Look at step 1."}
    config = TrainConfig(score_repeat=2, real_repeat=3)
    assert len(build_dataset([score("gsm8k"), score("vtg"), hint], tok, config, repeat_scoring=True)) == 2 + 6 + 3
    assert len(build_dataset([score("gsm8k"), score("vtg"), hint], tok, config, repeat_scoring=False)) == 3


def test_build_dataset_reads_the_end_of_turn_token_once(tiny_student, monkeypatch):
    # Reading it off the chat template per hint made 27k hints take 10 minutes on a GPU lease.
    import tutor.llm
    from transformers import AutoTokenizer

    from tutor.distill.train import build_dataset
    from tutor.distill.train_config import TrainConfig

    tok = AutoTokenizer.from_pretrained(str(tiny_student))
    calls = []
    real = tutor.llm.end_of_turn
    monkeypatch.setattr(tutor.llm, "end_of_turn", lambda t: calls.append(1) or real(t))
    hint = {"task": "hint", "source": "gsm8k", "prompt": [{"role": "user", "content": "Hint?"}],
            "completion": "Look at step 1."}
    ds = build_dataset([hint] * 5, tok, TrainConfig(), repeat_scoring=True)
    assert len(ds) == 5 and len(calls) == 1
    assert ds[0]["labels"][-1] == tok.convert_tokens_to_ids("<|im_end|>")


def test_hint_targets_end_with_the_templates_end_of_turn_whatever_eos_says(tiny_student):
    from transformers import AutoTokenizer

    from tutor.distill.train import tokenize_example
    from tutor.llm import end_of_turn, stop_token_ids

    tok = AutoTokenizer.from_pretrained(str(tiny_student))
    im_end, im_start = (tok.convert_tokens_to_ids(t) for t in ("<|im_end|>", "<|im_start|>"))
    hint = {"task": "hint", "prompt": [{"role": "user", "content": "Hint?"}], "completion": "Look at step 1."}
    for eos in ("<|im_end|>", "<|im_start|>"):  # a conversion may set either as eos
        tok.eos_token = eos
        assert end_of_turn(tok) == "<|im_end|>"
        assert tokenize_example(hint, tok, 512)["labels"][-1] == im_end
        # generation stops at the end of the turn and at the start of an invented next one
        assert {im_end, im_start} <= set(stop_token_ids(tok))
