"""scripts/ensure_chromium.sh: the browser tests' set-up step says what to do when it cannot act."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "ensure_chromium.sh"


def run(tmp_path, uid: str, chromium: str):
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (fake_bin / "id").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake_bin}:{os.environ['PATH']}", "CHROMIUM": chromium}
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


def test_present_chromium_needs_nothing(tmp_path):
    """With Chromium at the configured path the script does nothing and succeeds."""
    result = run(tmp_path, "1000", "/bin/sh")
    assert result.returncode == 0
    assert result.stderr == ""


def test_missing_chromium_without_root_stops_with_instructions(tmp_path):
    """A non-root user without Chromium gets a clear message naming the package and the command."""
    result = run(tmp_path, "1000", str(tmp_path / "no-chromium"))
    assert result.returncode == 1
    assert "apt-get install -y chromium" in result.stderr
    assert "make test" in result.stderr
