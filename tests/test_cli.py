"""The thin CLI: every command has help, exit statuses as documented, documented in the README."""
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name):
    r = CliRunner().invoke(cli, [name, "--help"])
    assert r.exit_code == 0 and len(r.output) > 80


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\bkg {name}\b", readme), f"kg {name} is not documented in README.md"


def test_build_exit_status_and_query_formats(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Sáng 9/1/2023, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức hội nghị. "
                               "Ông Trần Văn Bình, Chủ tịch Liên hiệp chủ trì.", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(cli, ["build", str(src), "--out", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 2
    r = runner.invoke(cli, ["query", str(tmp_path / "out"), "persons", "--format", "csv"])
    assert r.exit_code == 0 and "Trần Văn Bình" in r.output
    assert r.output.splitlines()[0] == "article,name"
    r = runner.invoke(cli, ["query", str(tmp_path / "out"), "SELEC nonsense"])
    assert r.exit_code == 1 and "error" in r.output.lower()
    (src / "empty.txt").unlink()
    (src / "a.txt").write_bytes(b"")
    r = runner.invoke(cli, ["build", str(src), "--out", str(tmp_path / "out2"), "-q"])
    assert r.exit_code == 1


def test_build_reads_files_of_the_folder_not_its_subfolders(tmp_path):
    src = tmp_path / "corpus"
    (src / "gold").mkdir(parents=True)
    (src / "a.txt").write_text("Ông Trần Văn Bình, Chủ tịch UBND tỉnh Nghệ An dự.", encoding="utf-8")
    (src / "gold" / "a.json").write_text('{"article": "a.txt"}', encoding="utf-8")
    (src / ".hidden.txt").write_text("Ông Lê Văn Tám, Chủ tịch UBND tỉnh Nghệ An dự.", encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 0
    import json
    files = [Path(f["file"]).name for f in
             json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["files"]]
    assert files == ["a.txt"]
