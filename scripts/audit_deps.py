#!/usr/bin/env python3
"""Audit the locked dependencies with pip-audit; fail only on real findings.

    python scripts/audit_deps.py [requirements.lock]

Runs ``pip-audit -r LOCK --no-deps --disable-pip --format json`` and sorts the packages into: vulnerable (with
advisory ids and fixed versions), audited clean, and "could not be audited" (the vulnerability service was not
reachable, or the package is not on PyPI). Exit status: 1 when a vulnerability is found, 0 otherwise, including
when nothing could be audited (offline sandbox): the summary says so loudly instead of failing CI for the network.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    lock = Path(argv[1]) if len(argv) > 1 else ROOT / "requirements.lock"
    exe = shutil.which("pip-audit") or str(Path(sys.executable).with_name("pip-audit"))
    cmd = [
        exe,
        "-r",
        str(lock),
        "--no-deps",
        "--disable-pip",
        "--format",
        "json",
        "--progress-spinner",
        "off",
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        print(f"audit_deps: pip-audit could not run ({exc}); nothing audited", file=sys.stderr)
        return 0
    try:
        report = json.loads(proc.stdout or "{}")
    except json.JSONDecodeError:
        print(f"audit_deps: unreadable pip-audit output; stderr:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return 0
    deps = report.get("dependencies", []) if isinstance(report, dict) else []
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if d.get("skip_reason")]
    clean = [d for d in deps if not d.get("vulns") and not d.get("skip_reason")]
    print(f"pip-audit over {lock.name}: {len(deps)} packages: {len(clean)} clean, {len(vulnerable)} vulnerable, "
          f"{len(skipped)} could not be audited")  # fmt: skip
    for d in vulnerable:
        for v in d["vulns"]:
            fixed = ", ".join(v.get("fix_versions") or []) or "no fix yet"
            print(f"  VULNERABLE {d['name']} {d.get('version')}: {v.get('id')} (fixed in {fixed})")
    if skipped:
        reasons = {d["skip_reason"] for d in skipped}
        print(
            f"  not audited ({len(skipped)}): {sorted(reasons)[0][:160]}"
            + (" ..." if len(reasons) > 1 else "")
        )
        if not clean and not vulnerable:
            print("  WARNING: no package could be audited (is the vulnerability service reachable?)")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
