"""The partner SDK (`clients/python/`): what the schema generates, installable with pip, and its
README's lifecycle runs as written against a live sandbox."""

import filecmp
import re
import shutil
import subprocess
import sys

import pytest

from scripts.client import CLIENT, generate

README = CLIENT / "README.md"


def differences(comparison: filecmp.dircmp, below: str = "") -> list[str]:
    found = [f"{below}{name}" for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    for name, sub in comparison.subdirs.items():
        found += differences(sub, f"{below}{name}/")
    return found


def test_the_checked_in_sdk_is_what_the_schema_generates(tmp_path):
    generate(tmp_path / "python")

    comparison = filecmp.dircmp(CLIENT, tmp_path / "python", ignore=["__pycache__"])
    assert differences(comparison) == [], "clients/python is stale: run `make client`"


def test_the_sdk_installs_with_pip(tmp_path):
    """As a partner installs it (pip fetches the build tools from the package index)."""
    # From a copy: setuptools builds in the source tree, which must stay as generated.
    source, target = tmp_path / "python", tmp_path / "site"
    shutil.copytree(CLIENT, source, ignore=shutil.ignore_patterns("__pycache__"))
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(source)],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr

    imported = subprocess.run(
        [
            sys.executable,
            "-c",
            "import timp_client, timp_client.api.sandbox.sandbox_sign_up; print(timp_client.__file__)",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target)},
    )
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(str(target))


@pytest.mark.django_db(transaction=True)
def test_the_readmes_lifecycle_runs_as_written(live_server, settings, monkeypatch):
    settings.TIMP_SANDBOX = True
    (code,) = re.findall(r"```python\n(.*?)```", README.read_text(), re.DOTALL)[:1]
    monkeypatch.syspath_prepend(str(CLIENT))

    exec(compile(code.replace("https://sandbox.example.com", live_server.url), str(README), "exec"), {})  # noqa: S102
