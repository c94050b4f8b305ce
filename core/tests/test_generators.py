"""The schema as partners use it: a client generated from the live schema by each of three
generators runs the partner lifecycle against a live sandbox. openapi-python-client is the
SDK's (test_generated_client.py, test_sdk.py); here @hey-api/openapi-ts (from the npm
registry, compiled by TypeScript, run by Node.js) and openapi-generator's python client (the
PyPI package openapi-generator-cli, which brings its jar and runs it with Java)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db(transaction=True)

CLIENTS = Path(django_settings.BASE_DIR) / "clients"
# The TypeScript toolchain, pinned: the newest openapi-ts that runs on Node.js 20.
NPM_PACKAGES = ["@hey-api/openapi-ts@0.90.0", "typescript@5.9.3", "@types/node@20"]
TSCONFIG = """{"compilerOptions": {"target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
  "strict": true, "outDir": "dist", "skipLibCheck": true}, "include": ["src"]}"""


@pytest.fixture
def sandbox_schema(live_server, settings, tmp_path) -> Path:
    """The running sandbox's schema, on disk; webhooks to loopback allowed (the lifecycle's)."""
    settings.TIMP_SANDBOX = True
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True
    schema = tmp_path / "schema.json"
    schema.write_bytes(httpx.get(f"{live_server.url}/timp/schema/?format=json").content)
    return schema


def run(*command, **options) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, **options)
    assert done.returncode == 0, f"{' '.join(map(str, command))}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.mark.skipif(shutil.which("npm") is None, reason="No Node.js and npm on this machine.")
def test_the_lifecycle_through_a_typescript_client_from_openapi_ts(live_server, sandbox_schema, tmp_path):
    project = tmp_path / "ts"
    (project / "src").mkdir(parents=True)
    (project / "package.json").write_text('{"private": true}')
    (project / "tsconfig.json").write_text(TSCONFIG)
    shutil.copy(CLIENTS / "typescript" / "lifecycle.ts", project / "src")
    run("npm", "install", "--no-audit", "--no-fund", "--silent", *NPM_PACKAGES, cwd=project)

    run("npx", "openapi-ts", "--input", str(sandbox_schema), "--output", "src/client", cwd=project)
    run("npx", "tsc", "-p", ".", cwd=project)  # the lifecycle type-checks against the generated types

    assert "lifecycle passed" in run("node", "dist/lifecycle.js", live_server.url, cwd=project)


@pytest.mark.skipif(shutil.which("java") is None, reason="No Java runtime on this machine for openapi-generator.")
def test_the_lifecycle_through_openapi_generators_python_client(live_server, sandbox_schema, tmp_path):
    generator = Path(sys.executable).parent / "openapi-generator-cli"
    output = tmp_path / "og"
    run(
        str(generator),
        "generate",
        "-i",
        str(sandbox_schema),
        "-g",
        "python",
        "-o",
        str(output),
        "--package-name",
        "timp_og",
    )

    script = CLIENTS / "openapi-generator" / "lifecycle.py"
    env = {**os.environ, "PYTHONPATH": str(output)}
    assert "lifecycle passed" in run(sys.executable, str(script), live_server.url, env=env)
