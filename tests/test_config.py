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


def test_start_banner_says_where_and_warns_about_the_default_password():
    from tutor.commands import start_banner
    from tutor.config import DEFAULT_TEACHER_PASSWORD

    lines = start_banner(load_settings(teacher_password=DEFAULT_TEACHER_PASSWORD, port=7861))
    assert lines[0].startswith("student page http://127.0.0.1:7861/")
    assert lines[1] == "teacher dashboard http://127.0.0.1:7861/teacher/"
    assert "WARNING" in lines[2] and "TUTOR_TEACHER_PASSWORD" in lines[2]
    assert start_banner(load_settings(teacher_password="s3cret!"))[1:] == ["teacher dashboard http://127.0.0.1:7860/teacher/"]
    assert start_banner(load_settings(teacher_password=""))[1:] == ["teacher dashboard off (teacher_password is empty)"]


def test_serve_refuses_a_port_in_use_before_loading_anything(capsys):
    import socket

    from tutor.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--no-model"]) == 2
    err = capsys.readouterr().err
    assert f"port {port} on 127.0.0.1 is in use" in err and f"--port {port + 1}" in err
    assert "student page" not in err


@pytest.mark.parametrize("host,port,message", [("127.0.0.1", 70000, "not a TCP port"),
                                               ("no.such.host.invalid", 8000, "cannot listen on")])
def test_serve_says_why_it_cannot_listen(host, port, message):
    from tutor.commands import _check_port_free

    with pytest.raises(TutorConfigError, match=message):
        _check_port_free(host, port)
