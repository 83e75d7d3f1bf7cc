"""gunicorn settings for `dagsorden serve`: no `Server` header naming the software and
its version (nothing to help an attacker pick an exploit), and bounded request lines.

gunicorn has no option for the header, so its response writer is wrapped here; this
module is loaded by the master before the workers fork, so every worker has it."""

from gunicorn.http import wsgi

_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(self):
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


wsgi.Response.default_headers = _default_headers_without_server

# Request line and headers: gunicorn's defaults spelled out (8 KB fields, 100 headers).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
