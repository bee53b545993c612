"""Type stubs of the Rust module behind ``factlint``."""

from collections.abc import Iterable, Mapping
from os import PathLike
from typing import Any, List, Literal, Optional, Sequence, Tuple, Union

from .types import Claim, Finding

__version__: str

class Linter:
    """Checks batches of records with one configuration.

    ``config`` is a ``factlint.toml`` (the defaults without one); ``select`` replaces its
    choice of rules and ``ignore`` adds to its ignores. Raises ``OSError`` for a
    configuration that cannot be read or is invalid, ``ValueError`` for an unknown rule id.
    """

    def __init__(
        self,
        config: Optional[Union[str, PathLike[str]]] = None,
        *,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
    ) -> None: ...
    def check(self, documents: Iterable[Mapping[str, Any]], *, name: str = "<records>") -> List[Finding]:
        """The findings on the records, sorted as ``factlint check`` sorts them.

        Each record is a mapping with a text field (``text``, ``content`` or ``body``, or
        the configured ``text_fields``), and optionally ``id`` (or ``key``), ``title``,
        ``date`` and ``factlint_disable``. Documents are named ``NAME#id``. A record that is
        not a mapping or has no text is an ``unreadable-input`` finding whose ``line`` is
        the record's number counted from 1; the other records are still checked.
        """
    def extract(self, text: str, *, name: str = "<text>") -> List[Claim]:
        """The claims of one text, in order."""
    # The distributed engine's map and reduce (see factlint.engine and factlint.spark).
    def plan(self, paths: Sequence[Union[str, PathLike[str]]]) -> Tuple[List[bytes], List[FindingRow]]:
        """The pieces of work over files and folders, in the corpus's order, and the
        finding rows of paths that could not be walked."""
    def map_piece(self, piece: bytes) -> Tuple[List[DocRow], List[FindingRow]]:
        """One piece's document rows and its per-document finding rows, final."""
    def near_copies(self, documents: Sequence[Tuple[int, bytes]], star: bool) -> List[Tuple[int, int]]:
        """The verified near copies among one group of candidates (order, body): with
        ``star`` the copies of one sketch against the first, otherwise the first texts of
        one band bucket, every two."""
    def reduce(
        self,
        part: Literal["stories", "copies"],
        documents: Sequence[Tuple[int, bytes]],
        links: Sequence[Tuple[int, int, float]],
        crowded: Sequence[Tuple[int, int]],
    ) -> List[FindingRow]:
        """The corpus rules over one story component ("stories") or one cluster of near
        copies ("copies"): its documents as (order, body), its figure links as (order,
        order, weight), the crowded near-copy buckets as (band, hash). Raises ValueError for
        a body this build did not write."""
    def bucket_candidates(self, members: Sequence[Tuple[int, bytes]]) -> List[Tuple[int, int]]:
        """The candidate pairs among the first texts of one near-copy bucket, given as
        (order, sketch bytes): every two whose sketches leave them possibly near."""
    def sarif(self, findings: Sequence[str]) -> str:
        """A SARIF 2.1.0 log of findings given as the JSON text of each, in order."""

# (path, record, offset, rule, fingerprint, json): sorting rows sorts the findings into
# `factlint check`'s order; `json` is the finding as `factlint check -f json` writes it.
FindingRow = Tuple[str, int, int, str, str, str]
# (order, keys, day, title, parallel, sketch, bands, sketch bytes, body)
DocRow = Tuple[int, List[int], Optional[int], Optional[str], Optional[str], Optional[int], List[int], bytes, bytes]

MAX_BUCKET: int
BANDS: int

def key_cap(documents: int) -> int: ...
def document_link(keys: Sequence[Tuple[int, int]], cap: int) -> Tuple[bool, int]: ...
def pair_link(
    a: Tuple[Optional[int], Optional[str], int],
    b: Tuple[Optional[int], Optional[str], int],
    shared: Sequence[Tuple[int, int]],
    cap: int,
) -> Optional[float]: ...
def close(a: Optional[int], b: Optional[int]) -> bool: ...

def extract(
    text: str, *, config: Optional[Union[str, PathLike[str]]] = None, name: str = "<text>"
) -> List[Claim]:
    """The claims of one text with the default settings (or those of ``config``)."""
