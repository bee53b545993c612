"""The pieces of ``factlint check`` for an engine that runs past one machine.

The map and the reduce are methods of :class:`factlint.Linter` (``plan``, ``map_piece``,
``reduce``, ``sarif``); the link decisions between them are these functions, so that an
engine that groups documents by key decides links exactly as ``factlint check`` does.
``factlint.spark`` puts them together as a Spark job; its steps say what each is for.

- ``key_cap(documents)``: how many documents a figure may be found in and still be
  distinctive, in a corpus of that many documents.
- ``document_link(keys, cap)``: ``(capable, distinctive)`` of a document, from its figure
  keys each paired with the number of documents holding it. Only capable documents are
  paired.
- ``close(day_a, day_b)``: whether two documents' dates (days since 1970, or ``None``)
  allow them to be paired.
- ``pair_link(a, b, shared, cap)``: the weight of the link between two capable documents,
  each ``(day, title, distinctive)``, that share the figures ``shared`` (``(key,
  documents)`` pairs); ``None`` when they are not one story.
- ``MAX_BUCKET``: near-copy buckets holding more first texts than this are crowded (no
  edges; give them to ``reduce``); ``BANDS``: how many band keys a sketch has.

Keys, sketches and band keys are 64-bit hashes given as signed integers (Spark's
LongType); pass them back as they came.
"""

from ._factlint import BANDS, MAX_BUCKET, close, document_link, key_cap, pair_link

__all__ = ["BANDS", "MAX_BUCKET", "close", "document_link", "key_cap", "pair_link"]
