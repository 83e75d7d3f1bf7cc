"""Text from a request made safe to compare and store: no control characters (NUL
cannot even be sent to PostgreSQL), no lone surrogates."""

import re

CONTROL = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\ud800-\\udfff\\ufffe\\uffff]")


def without_control_characters(value: str) -> str:
    return CONTROL.sub("", value)
