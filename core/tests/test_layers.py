"""The apps' layers, read from the imports of their modules: each module imports only from
its own layer or one below, whether at the top of the file or inside a function.

    core < organizations' models and shapes < events < organizations < files < connections
         < sandbox < timp_api (the configuration: settings, urls)

`events` is the outbox every app reports to, so it knows none of them but the models of
organizations (an event's audience); apps above it are told of nothing by it, and register
what they finish in its shapes (`events.shapes.finish_with`). Read shapes live in each app's
`shapes.py`, below its services, selectors and API, which all import them from there."""

import ast
from pathlib import Path

from django.conf import settings

# Most specific first: a module's layer is that of the longest prefix that names it.
LAYERS = {
    "core": 0,
    "organizations.models": 1,
    "organizations.catalogue": 1,
    "organizations.shapes": 1,
    "events": 2,
    "organizations": 3,
    "files": 4,
    "connections": 5,
    "sandbox": 6,
    "timp_api": 7,
}


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        prefix = ".".join(parts[:length])
        if prefix in LAYERS:
            return LAYERS[prefix]
    return None


def project_modules():
    """(module name, its imports) of every module the apps run: their tests and migrations
    aside."""
    base = Path(settings.BASE_DIR)
    for path in sorted(base.glob("*/**/*.py")):
        parts = path.relative_to(base).with_suffix("").parts
        if parts[0] not in LAYERS or "tests" in parts or "migrations" in parts:
            continue
        imported = []
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                imported += [alias.name for alias in node.names]
        yield ".".join(parts).removesuffix(".__init__"), imported


def test_every_import_keeps_to_the_layers():
    upward = []
    for module, imported in project_modules():
        own = layer_of(module)
        for name in imported:
            target = layer_of(name)
            # `from organizations import services`: the module imported is the one named.
            if target is not None and target > own and not name.startswith(f"{module}."):
                upward.append(f"{module} imports {name}")

    assert upward == []


def test_shapes_and_services_never_import_an_api_module():
    reaching_up = [
        f"{module} imports {name}"
        for module, imported in project_modules()
        if ".api" not in module
        and module.split(".")[-1] in ("shapes", "services", "selectors", "tasks", "models", "notifying")
        for name in imported
        if ".api." in f"{name}." and layer_of(name) is not None
    ]

    assert reaching_up == []


def test_the_layers_cover_every_app():
    assert {app.split(".")[0] for app in settings.INSTALLED_APPS if layer_of(app) is not None} == {
        "core",
        "organizations",
        "events",
        "files",
        "connections",
        "sandbox",
    }
