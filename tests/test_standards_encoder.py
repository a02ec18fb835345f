"""Fine-tuning the sentence encoder for standards retrieval (LoRA on real MiniLM, tiny data)."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.errors import TutorInputError
from tutor.standards.encoder import EncoderConfig, fit_encoder

# Standards named by deliberately uninformative codes-as-text, so only training can tell the
# encoder which problems belong to which.
VIEWS = {"S.1": ["Standard alpha.", "Topic alpha of the course."],
         "S.2": ["Standard beta.", "Topic beta of the course."]}
DOMAINS = {"S.1": "S", "S.2": "S"}
FRACTIONS = ["Add 1/2 and 1/3 by rewriting them with a common denominator.",
             "Find 3/4 + 1/6 using equivalent fractions.",
             "Subtract 2/5 from 7/10; first make the denominators equal."]
AREA = ["A rectangle is 5 m long and 3 m wide. What is its area?",
        "Find the area of a garden that is 8 feet by 6 feet.",
        "How many unit squares cover a 4 by 7 rectangle?"]


def _margin(model, problems, own, other):
    """Mean cosine of each problem to its standard's views minus to the other standard's."""
    q = model.encode(problems, normalize_embeddings=True)
    a = model.encode(VIEWS[own], normalize_embeddings=True).mean(0)
    b = model.encode(VIEWS[other], normalize_embeddings=True).mean(0)
    return float(np.mean(q @ a - q @ b))


def test_fit_encoder_needs_a_usable_label():
    with pytest.raises(TutorInputError):
        fit_encoder(None, [["some text"]], [["NOT.A.CODE"]], VIEWS, DOMAINS)
    with pytest.raises(TutorInputError):
        fit_encoder(None, [["a"], ["b"]], [["S.1"]], VIEWS, DOMAINS)


@pytest.mark.model
def test_lora_fine_tuning_pulls_problems_to_their_standard_and_merges():
    import torch
    from sentence_transformers import SentenceTransformer

    from tutor.llm import embedding_model_path
    from tutor.standards.encoder import merge_lora

    model = SentenceTransformer(str(embedding_model_path()), device="cpu")
    before = (_margin(model, FRACTIONS, "S.1", "S.2"), _margin(model, AREA, "S.2", "S.1"))
    base = {n: p.detach().clone() for n, p in model.named_parameters()}
    windows = [[t] for t in FRACTIONS + AREA]
    labels = [["S.1"]] * 3 + [["S.2"]] * 3
    cfg = EncoderConfig(rank=4, epochs=6, batch=6, lr=5e-3, train_windows=1, hard_negatives=0)
    fit_encoder(model, windows, labels, VIEWS, DOMAINS, cfg)
    after = (_margin(model, FRACTIONS, "S.1", "S.2"), _margin(model, AREA, "S.2", "S.1"))
    # both groups move towards their own standard, and end up on its side
    assert after[0] > before[0] + 0.05 and after[1] > before[1] + 0.05
    assert min(after) > 0
    # only the LoRA matrices trained: every base weight is untouched
    trained = {n for n, p in model.named_parameters() if p.requires_grad}
    assert trained and all("lora_" in n for n in trained)
    for n, p in model.named_parameters():
        key = n.replace(".base_layer", "")
        if "lora_" not in n and key in base:
            assert torch.equal(p, base[key]), n
    # merging folds the update into the weights without changing the embeddings
    x = model.encode(FRACTIONS[:1])
    merge_lora(model)
    np.testing.assert_allclose(model.encode(FRACTIONS[:1]), x, atol=1e-5)


@pytest.mark.model
def test_saved_lora_loads_into_the_embeddings_and_keys_the_cache(tmp_path):
    """A fine-tuning saved with ``save_lora`` gives the same embeddings when
    ``SentenceEmbeddings`` loads it, and changes ``model_path`` (the view-cache key)."""
    from sentence_transformers import SentenceTransformer

    from tutor.errors import TutorConfigError
    from tutor.llm import embedding_model_path
    from tutor.standards.encoder import lora_id, merge_lora, save_lora
    from tutor.standards.store import SentenceEmbeddings

    base = str(embedding_model_path())
    model = SentenceTransformer(base, device="cpu")
    cfg = EncoderConfig(rank=4, epochs=2, batch=6, lr=5e-3, train_windows=1, hard_negatives=0)
    fit_encoder(model, [[t] for t in FRACTIONS + AREA], [["S.1"]] * 3 + [["S.2"]] * 3,
                VIEWS, DOMAINS, cfg)
    path = tmp_path / "encoder.npz"
    file_id = save_lora(model, path, {"data": "toy"})
    assert file_id == lora_id(path) and len(file_id) == 12
    merge_lora(model)
    model.max_seq_length = 96
    want = model.encode(AREA, normalize_embeddings=True)

    tuned = SentenceEmbeddings(base, dtype="float32", lora_path=path)
    plain = SentenceEmbeddings(base, dtype="float32")
    got = tuned.encode(AREA, 96)
    # float16 storage of the LoRA matrices: equal to ~1e-3
    np.testing.assert_allclose(got, want, atol=5e-3)
    assert np.abs(plain.encode(AREA, 96) - got).max() > 1e-2  # the fine-tuning is really applied
    assert tuned.lora_id == file_id and tuned.model_path.endswith(f"+lora:{file_id}")
    assert plain.lora_id is None and plain.model_path == base

    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TutorConfigError):
        SentenceEmbeddings(base, dtype="float32", lora_path=bad)
