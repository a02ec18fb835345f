"""The sentence-embedding wrapper: dtype choice and agreement of bf16 with fp32."""

import numpy as np
import pytest

from tutor.config import Settings
from tutor.errors import TutorConfigError
from tutor.llm import embedding_model_path
from tutor.standards.store import SentenceEmbeddings, cpu_has_bf16


def test_cpu_bf16_flag_is_read_from_cpuinfo(tmp_path):
    with_bf16 = tmp_path / "a"
    with_bf16.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16\n")
    without = tmp_path / "b"
    without.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f\n")
    assert cpu_has_bf16(str(with_bf16)) is True
    assert cpu_has_bf16(str(without)) is False
    assert cpu_has_bf16(str(tmp_path / "missing")) is False


def test_unknown_embedding_dtype_is_refused():
    with pytest.raises(TutorConfigError, match="embedding_dtype"):
        Settings(embedding_dtype="float8")
    with pytest.raises(ValueError, match="dtype"):
        SentenceEmbeddings(embedding_model_path(), dtype="half")


def test_bf16_embeddings_match_fp32():
    texts = ["Add 3/4 and 1/6 by finding a common denominator.",
             "A train travels 120 miles in 2 hours. What is its speed in miles per hour?",
             "Solve 2x + 5 = 17."]
    fp32 = SentenceEmbeddings(embedding_model_path(), dtype="float32")
    bf16 = SentenceEmbeddings(embedding_model_path(), dtype="bfloat16")
    a, b = fp32.encode(texts, 128), bf16.encode(texts, 128)
    assert a.shape == b.shape == (3, 384) and b.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    assert float((a * b).sum(axis=1).min()) > 0.999
    # the fractions text is still nearest to itself, not to the rate problem
    assert int(np.argmax(b @ a[0])) == 0
    assert fp32.encode([], 128).shape == (0, 384)
