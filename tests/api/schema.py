"""Checks for the OpenAPI document without a new dependency (openapi-spec-validator is not installed).

`check_document` checks the structure OpenAPI 3.1 requires of what api/openapi.py writes: the
required objects, operations with responses, parameters with a name, a place and a schema, path
templates matching their path parameters, and every `$ref` resolving. `validate` checks a JSON
value against a schema of the document, for the subset of JSON Schema the document uses ($ref,
type, const, enum, format date/date-time/uri, pattern, minimum/maximum, maxLength, properties,
required, additionalProperties, items, oneOf, allOf), so every response in the tests is checked
against what the document promises.
"""

import datetime
import re

JSON_TYPES = {"object", "array", "string", "integer", "number", "boolean", "null"}
PARAMETER_PLACES = {"query", "path", "header", "cookie"}


class SchemaError(AssertionError):
    pass


def resolve(document, ref):
    assert ref.startswith("#/"), f"only local references: {ref}"
    node = document
    for part in ref[2:].split("/"):
        if part not in node:
            raise SchemaError(f"$ref {ref} does not resolve")
        node = node[part]
    return node


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _check_schema(schema, where):
    if not isinstance(schema, dict):
        raise SchemaError(f"{where}: a schema must be an object")
    kinds = schema.get("type")
    if kinds is not None:
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if kind not in JSON_TYPES:
                raise SchemaError(f"{where}: unknown type {kind!r}")
    for name, sub in schema.get("properties", {}).items():
        _check_schema(sub, f"{where}.{name}")
    for name in schema.get("required", []):
        if name not in schema.get("properties", {}):
            raise SchemaError(f"{where}: required {name!r} is not a property")
    if "items" in schema:
        _check_schema(schema["items"], f"{where}[]")
    for key in ("oneOf", "allOf", "anyOf"):
        for n, sub in enumerate(schema.get(key, [])):
            _check_schema(sub, f"{where}.{key}[{n}]")


def check_document(document):
    """Raises SchemaError for anything OpenAPI 3.1 requires that the document lacks."""
    if not re.fullmatch(r"3\.1\.\d+", str(document.get("openapi", ""))):
        raise SchemaError("openapi must be 3.1.x")
    info = document.get("info", {})
    for key in ("title", "version"):
        if not isinstance(info.get(key), str) or not info[key]:
            raise SchemaError(f"info.{key} is required")
    if "license" in info and "name" not in info["license"]:
        raise SchemaError("info.license needs a name")
    if "identifier" in info.get("license", {}) and "url" in info["license"]:
        raise SchemaError("info.license: identifier and url are mutually exclusive")
    paths = document.get("paths")
    if not isinstance(paths, dict) or not paths:
        raise SchemaError("paths are required")
    operation_ids = set()
    for path, item in paths.items():
        if not path.startswith("/"):
            raise SchemaError(f"path {path} must start with /")
        templated = set(re.findall(r"{(\w+)}", path))
        for method, operation in item.items():
            if method not in {"get", "put", "post", "delete", "options", "head", "patch", "trace"}:
                raise SchemaError(f"{path}: {method} is not an HTTP method")
            where = f"{method.upper()} {path}"
            if operation.get("operationId") in operation_ids:
                raise SchemaError(f"{where}: duplicate operationId")
            operation_ids.add(operation.get("operationId"))
            responses = operation.get("responses")
            if not responses:
                raise SchemaError(f"{where}: responses are required")
            for status, response in responses.items():
                if not re.fullmatch(r"[1-5]XX|[1-5][0-9]{2}|default", status):
                    raise SchemaError(f"{where}: bad status {status}")
                if "description" not in response:
                    raise SchemaError(f"{where} {status}: description is required")
                for media in response.get("content", {}).values():
                    _check_schema(media["schema"], f"{where} {status}")
            seen, in_path = set(), set()
            for parameter in operation.get("parameters", []):
                if parameter.get("in") not in PARAMETER_PLACES or not parameter.get("name"):
                    raise SchemaError(f"{where}: a parameter needs a name and a place")
                key = (parameter["name"], parameter["in"])
                if key in seen:
                    raise SchemaError(f"{where}: parameter {key} given twice")
                seen.add(key)
                if "schema" not in parameter:
                    raise SchemaError(f"{where}: parameter {parameter['name']} needs a schema")
                _check_schema(parameter["schema"], f"{where} {parameter['name']}")
                if parameter["in"] == "path":
                    if parameter.get("required") is not True:
                        raise SchemaError(f"{where}: path parameter {parameter['name']} must be required")
                    in_path.add(parameter["name"])
            if in_path != templated:
                raise SchemaError(f"{where}: path parameters {in_path} do not match the template {templated}")
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        _check_schema(schema, f"components.schemas.{name}")
    for ref in _refs(document):
        resolve(document, ref)


def _type_matches(value, kind):
    return {
        "null": value is None,
        "boolean": isinstance(value, bool),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "string": isinstance(value, str),
        "array": isinstance(value, list),
        "object": isinstance(value, dict),
    }[kind]


def _format_matches(value, fmt):
    if not isinstance(value, str):
        return True
    try:
        if fmt == "date":
            datetime.date.fromisoformat(value)
        elif fmt == "date-time":
            datetime.datetime.fromisoformat(value)
        elif fmt == "uri":
            return bool(re.match(r"https?://[^\s]+$", value))
    except ValueError:
        return False
    return True


def validate(document, value, schema, where="$"):
    """Raises SchemaError when `value` does not match `schema` (a schema of `document`)."""
    if "$ref" in schema:
        validate(document, value, resolve(document, schema["$ref"]), where)
    for sub in schema.get("allOf", []):
        validate(document, value, sub, where)
    if "oneOf" in schema:
        matches = 0
        problems = []
        for sub in schema["oneOf"]:
            try:
                validate(document, value, sub, where)
                matches += 1
            except SchemaError as exc:
                problems.append(str(exc))
        if matches != 1:
            raise SchemaError(f"{where}: matches {matches} of oneOf, not exactly 1: {problems}")
    kinds = schema.get("type")
    if kinds is not None:
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(_type_matches(value, kind) for kind in kinds):
            raise SchemaError(f"{where}: {value!r} is not of type {kinds}")
    if "const" in schema and value != schema["const"]:
        raise SchemaError(f"{where}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        raise SchemaError(f"{where}: {value!r} is not one of {schema['enum']}")
    if "format" in schema and not _format_matches(value, schema["format"]):
        raise SchemaError(f"{where}: {value!r} is not a {schema['format']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise SchemaError(f"{where}: {value!r} does not match {schema['pattern']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise SchemaError(f"{where}: longer than {schema['maxLength']}")
    if _type_matches(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            raise SchemaError(f"{where}: {value} is less than {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise SchemaError(f"{where}: {value} is more than {schema['maximum']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                raise SchemaError(f"{where}: {name!r} is missing")
        for name, item in value.items():
            if name in properties:
                validate(document, item, properties[name], f"{where}.{name}")
            elif schema.get("additionalProperties") is False:
                raise SchemaError(f"{where}: {name!r} is not in the schema")
            elif isinstance(schema.get("additionalProperties"), dict):
                validate(document, item, schema["additionalProperties"], f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            validate(document, item, schema["items"], f"{where}[{n}]")


def response_schema(document, path, status):
    """The JSON schema the document gives for GET `path` (a path of the document) answering `status`."""
    response = document["paths"][path]["get"]["responses"][str(status)]
    return response["content"]["application/json"]["schema"]
