"""`make eval` (scripts/evaluate.py) without the shared dev sets says what it needs in one
line and exits 1, rather than scoring nothing."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "evaluate.py"


def test_without_the_shared_sets_it_says_what_it_needs_in_one_line(tmp_path):
    (tmp_path / "shared" / "corpus").mkdir(parents=True)            # a corpus but no scorer
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True,
                          env={**os.environ, "BYLINE_SHARED": str(tmp_path / "shared")})
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith(f"make eval needs the shared dev sets: {tmp_path / 'shared'}/corpus")
    assert "BYLINE_SHARED" in done.stderr
