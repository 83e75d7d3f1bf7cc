"""The OParl 1.1 JSON schemas from ../shared/oparl/schema, with their relative `$ref`s
("File.json") resolvable, for `jsonschema`."""

import json
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "shared" / "oparl" / "schema"
SCHEMA_BASE = "https://schema.oparl.org/1.1/"


def schemas_skip_reason() -> str | None:
    if not SCHEMA_DIR.is_dir():
        return f"the OParl schemas are not at {SCHEMA_DIR} (../shared/oparl/schema)"
    return None


@cache
def _registry_and_schemas():
    schemas, resources = {}, []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        schema = json.loads(path.read_text())
        schemas[path.stem] = schema
        resource = Resource.from_contents(schema, default_specification=DRAFT7)
        resources += [(schema["$id"], resource), (SCHEMA_BASE + path.name, resource)]
    return Registry().with_resources(resources), schemas


def validator(type_name: str) -> Draft7Validator:
    reason = schemas_skip_reason()
    if reason:
        pytest.skip(reason)
    registry, schemas = _registry_and_schemas()
    return Draft7Validator(schemas[type_name], registry=registry, format_checker=FormatChecker())


def errors(obj: dict) -> list[str]:
    """Schema violations of one OParl object, judged by its own `type`."""
    type_name = obj["type"].rsplit("/", 1)[-1]
    return [
        f"{type_name} {obj.get('id')}: {'/'.join(map(str, e.path))}: {e.message}"
        for e in validator(type_name).iter_errors(obj)
    ]
