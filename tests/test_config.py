import pytest

from tutor.config import load_settings
from tutor.errors import TutorConfigError


def test_defaults_are_offline_and_local(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.host == "127.0.0.1" and s.port == 7860
    assert s.model == "smollm2-135m" and s.quantization == "none"
    assert s.database_url.startswith("sqlite:///")
    import os

    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_env_and_file_and_overrides(monkeypatch, tmp_path):
    cfg = tmp_path / "tutor.toml"
    cfg.write_text('[tutor]\nport = 9000\nquantization = "nf4"\n')
    monkeypatch.setenv("TUTOR_PORT", "9100")
    s = load_settings(cfg)
    assert s.port == 9100 and s.quantization == "nf4"
    assert load_settings(cfg, port=9200).port == 9200
    monkeypatch.setenv("TUTOR_USE_MODEL", "false")
    assert load_settings(cfg).use_model is False


@pytest.mark.parametrize("bad", [{"quantization": "fp3"}, {"device": "tpu"}, {"catalog": "x"}])
def test_invalid_values_raise_config_error(bad, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TutorConfigError):
        load_settings(**bad)


def test_unknown_key_in_file(tmp_path):
    cfg = tmp_path / "t.toml"
    cfg.write_text("colour = 'blue'\n")
    with pytest.raises(TutorConfigError, match="colour"):
        load_settings(cfg)
    monkeypatch_port = tmp_path / "p.toml"
    monkeypatch_port.write_text("port = 'eighty'\n")
    with pytest.raises(TutorConfigError, match="whole number"):
        load_settings(monkeypatch_port)


@pytest.mark.parametrize("raw, expected", [("", ""), ("5", "5"), ("Grade 5", "5"), ("5th", "5"),
                                           ("k", "K"), ("0", "K"), ("high school", "HS"), ("11", "HS")])
def test_grade_setting_is_normalised(raw, expected):
    assert load_settings(grade=raw).grade == expected


def test_unknown_grade_setting_is_refused():
    with pytest.raises(TutorConfigError, match="grade"):
        load_settings(grade="13")
