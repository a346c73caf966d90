"""The local route on /bidra/ works as the page tells it (issue 19): the commands of its first shell
block under "Lägg till eller rätta på din egen dator" (content/bidra.md) run one by one in a clean
folder, against a copy of the repository, and the file they make is filled in and validated.

Three commands are stood in for, and the test checks what each needs instead:
- `sudo apt-get install ...`: a test installs no system packages; each tool named must be there
  (git, make, and Python's venv module, which Debian ships in python3-venv).
- `git clone URL`: the URL must be mkdocs.yml's repo_url; the "clone" is the repository's tracked
  files (`git ls-files`) copied into the folder the page then `cd`s into (no network in tests).
- `make install`: by default the folder gets a virtual environment that reuses the installed one
  (its packages on the path, the copy's own code first, and a `.venv/bin/commonmap` like pip's),
  so the test takes seconds, and `make -n install` shows that the step installs from
  requirements.lock with hashes. Measured here, the real step took 36 s of CPU and four minutes of
  wall time on the shared machine. With COMMONMAP_FULL_INSTALL=1 it runs for real. CI's
  workflow runs `make install` in Debian's python:3.11-bookworm on every pull request.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import yaml

from tests.support.sites import ROOT
from tests.test_contribute_new import fill
from tests.test_governance import _Loader

PAGE = ROOT / "content" / "bidra.md"
HEADING = "## Lägg till eller rätta på din egen dator"


def page_commands() -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    section = text.split(HEADING, 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "no ```sh block in the section"
    return [line.strip() for line in block[1].splitlines() if line.strip()]


def repo_url() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["repo_url"]


def clone(url: str, folder: Path) -> None:
    """What `git clone` gives: the tracked files, as they are in this checkout."""
    assert url == repo_url() + ".git", url
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in filter(None, listed.stdout.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)


def venv_reusing_the_installed_one(folder: Path) -> None:
    """A .venv whose Python finds the copy's code first, then the installed packages."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder / ".venv")], check=True)
    python = folder / ".venv" / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "reuse.pth").write_text(f"{folder}\n{sysconfig.get_paths()['purelib']}\n", encoding="utf-8")
    script = folder / ".venv" / "bin" / "commonmap"
    script.write_text(f"#!{python}\nimport sys\nfrom commonmap.cli import main\nsys.exit(main())\n", encoding="utf-8")
    script.chmod(0o755)


def install(folder: Path) -> None:
    dry = subprocess.run(["make", "-n", "install"], cwd=folder, capture_output=True, text=True, check=True).stdout
    assert "--require-hashes" in dry and "requirements.lock" in dry and "-m venv .venv" in dry
    if os.environ.get("COMMONMAP_FULL_INSTALL") == "1":
        subprocess.run(["make", "install"], cwd=folder, check=True, timeout=1800)
    else:
        venv_reusing_the_installed_one(folder)


def tools_are_there(command: str) -> None:
    words = shlex.split(command)
    assert words[:3] == ["sudo", "apt-get", "install"], command
    packages = [word for word in words[3:] if not word.startswith("-")]
    assert set(packages) == {"git", "make", "python3-venv"}, packages
    for tool in ("git", "make"):
        assert shutil.which(tool), tool
    subprocess.run([sys.executable, "-c", "import venv, ensurepip"], check=True)


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def test_the_local_route_works_as_the_page_tells_it(tmp_path: Path) -> None:
    commands = page_commands()
    assert len(commands) >= 5
    cwd = tmp_path
    results = []
    for command in commands:
        words = shlex.split(command)
        if words[:2] == ["sudo", "apt-get"]:
            tools_are_there(command)
        elif words[:2] == ["git", "clone"]:
            folder = tmp_path / Path(words[2]).stem
            folder.mkdir()
            clone(words[2], folder)
        elif words[0] == "cd":
            cwd = cwd / words[1]
            assert cwd.is_dir(), command
        elif words == ["make", "install"]:
            install(cwd)
        else:
            results.append((command, run(command, cwd)))
    new, validate = results[-2], results[-1]
    assert "commonmap new organisation min-forening" in new[0] and new[1].returncode == 0, new[1].stderr
    record = cwd / "directory" / "organisations" / "min-forening.yml"
    assert record.exists()
    # Before the file is filled in, validate names each empty required field of it (and only it).
    assert validate[1].returncode == 1
    problems = [line for line in validate[1].stdout.splitlines() if ": error: " in line]
    assert problems and all(line.startswith("directory/organisations/min-forening.yml:") for line in problems)
    record.write_text(fill(record.read_text(encoding="utf-8")).replace("exempelforeningen", "kfum-orebro"))
    again = run(validate[0], cwd)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "0 fel" in again.stdout
