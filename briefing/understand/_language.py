"""Language detection from function words: small, offline and fast enough for every article."""

from __future__ import annotations

import re
from collections import Counter

# The commonest function words of each language; unambiguous ones weigh the most.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to in is that for it with was on as are be by this have from at not a an he "
        "she his her we they said says will would has had were been which who their you but or "
        "its our after than".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine mit auf den dem des sich auch für von zu im".split()
    ),
    "fr": frozenset(
        "le la les et est une des du en que qui dans pour pas sur au avec il elle sont".split()
    ),
    "es": frozenset(
        "el la los las y es una del en que por con para se su al lo como más pero".split()
    ),
    "it": frozenset(
        "il la le e è di che un una per con del della non sono si gli nel alla".split()
    ),
    "pt": frozenset("o a os as e é um uma de do da que em para com não no na se por".split()),
    "nl": frozenset("de het een en is van dat niet op met voor zijn er aan ook als bij".split()),
    "pl": frozenset("i w nie na się z że do jest to jak o po ale od przez dla czy".split()),
    "ru": frozenset("и в не на что с по как это он она из за от но для".split()),
    "uk": frozenset("і в не на що з як це він вона та до від але для".split()),
    "sv": frozenset("och att det som en är på för av med den till inte har".split()),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str, sample: int = 4000) -> str:
    """An ISO 639-1 code, or "und" when the text has too few words to tell."""
    words = _WORD.findall(text[:sample].lower())
    if len(words) < 5:
        return "en" if words and all(w.isascii() for w in words) else "und"
    counts = Counter(words)  # each language's stop words looked up once, not each word per language
    scores = {
        lang: sum(counts[w] for w in stop & counts.keys()) for lang, stop in _STOPWORDS.items()
    }
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    if best < max(2, len(words) // 25):
        cyr = sum(1 for w in words if any("\u0400" <= c <= "\u04ff" for c in w))
        if cyr > len(words) // 2:
            return "ru"
        # a few words of plain Latin letters and no other language's marks: take it as English
        return "en" if best == scores["en"] and all(w.isascii() for w in words) else "und"
    return lang
