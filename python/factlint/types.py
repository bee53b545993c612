"""The shapes of the dicts factlint returns: claims and findings as in its JSON output."""

from typing import List, Literal, Optional, TypedDict


class _Position(TypedDict):
    path: str
    doc: str
    line: int
    column: int
    end_line: int
    end_column: int
    byte_start: int
    byte_end: int


class _Within(TypedDict, total=False):
    # "record" when positions count inside a record's text value (always so here).
    within: Literal["record"]


class Claim(_Position, _Within):
    """One numeric claim, as ``factlint extract -f json`` gives it."""

    text: str
    value: float
    low: Optional[float]
    high: Optional[float]
    qualifier: str
    dimension: str
    unit: str
    subject: str


class _RelatedMessage(TypedDict):
    message: str


class Related(_Position, _Within, _RelatedMessage):
    """Another place a finding points to."""


class Finding(_Position, _Within):
    """One finding, as ``factlint check -f json`` gives it."""

    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    help: Optional[str]
    related: List[Related]
    fingerprint: str
