"""The partner SDK, `clients/python/`: generated from the API's schema by openapi-python-client.
`make client` writes it again; `core/tests/test_sdk.py` fails when the checked-in one is not
what the schema generates."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "clients" / "python"
# A sandbox deployment's schema: every call a partner makes, the sandbox's own included (they
# answer 404 in production). Nothing else of the settings changes the schema.
SCHEMA_SETTINGS = {"DEBUG": "true", "TIMP_SANDBOX": "true", "DATABASE_URL": "postgres://schema@localhost/schema"}


def generate(output: Path) -> None:
    bin_folder = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as work:
        schema = Path(work) / "schema.json"
        subprocess.run(
            [sys.executable, "manage.py", "spectacular", "--format", "openapi-json", "--file", str(schema)],
            cwd=ROOT,
            env={**os.environ, **SCHEMA_SETTINGS},
            check=True,
        )
        subprocess.run(
            [
                *(str(bin_folder / "openapi-python-client"), "generate", "--path", str(schema), "--meta", "setup"),
                *("--config", str(ROOT / "clients" / "config.yml")),
                *("--custom-template-path", str(ROOT / "clients" / "templates")),
                *("--output-path", str(output), "--overwrite"),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"},
        )


if __name__ == "__main__":
    generate(CLIENT)
    print(f"Wrote {CLIENT.relative_to(ROOT)}/")
