"""[team] settings and TIPREADER_TEAM_URL (no server needed)."""

from __future__ import annotations

from tipreader.config.load import parse_config
from tipreader.userdata.team import team_settings


def test_team_settings_from_the_file_and_the_environment(monkeypatch):
    monkeypatch.delenv("TIPREADER_TEAM_URL", raising=False)
    config = parse_config('[team]\nurl = "postgresql://ana@db.example.org/news"\nuser = "ana"\n')
    assert not config.problems
    settings = team_settings(config)
    assert settings is not None and settings.user == "ana" and settings.display == "ana@db.example.org:5432/news"
    assert team_settings(parse_config("")) is None
    monkeypatch.setenv("TIPREADER_TEAM_URL", "postgresql://ben:pw@10.0.0.1:5433/t")
    assert team_settings(config).url == "postgresql://ben:pw@10.0.0.1:5433/t"


def test_bad_team_settings_are_reported_with_their_line():
    config = parse_config('theme = "nord"\n[team]\nurl = "mysql://x"\ncolour = 3\n')
    assert config.team_url is None
    assert any(e.startswith("line 3:") and "postgresql://" in e for e in config.errors)
    assert any("team.colour" in w for w in config.warnings)
