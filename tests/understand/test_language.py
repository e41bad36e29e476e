"""Articles in languages the analyser does not handle: language recorded, nothing invented."""

from __future__ import annotations

from briefing.understand import analyse
from briefing.understand._language import detect_language

GERMAN = (
    "Bundeskanzler Friedrich Merz hat am Montag in Berlin gesagt, dass die Ukraine nicht "
    "\u00fcber ihr Gebiet verhandeln m\u00fcsse. \u201eWir werden das nicht akzeptieren\u201c, "
    "sagte Merz auf einer Konferenz. Die Gespr\u00e4che sollen am 23. November fortgesetzt werden."
)
FRENCH = (
    "Le pr\u00e9sident a d\u00e9clar\u00e9 mardi que la France ne signera jamais un accord qui "
    "laisse les aci\u00e9ries europ\u00e9ennes sans protection, selon un communiqu\u00e9 publi\u00e9 "
    "dans la soir\u00e9e."
)


def test_german_article_gets_its_language_and_no_records() -> None:
    result = analyse(GERMAN, "2026-11-25")
    assert result.language == "de"
    assert result.quotes == [] and result.red_lines == [] and result.events == []
    assert result.actors == []


def test_french_is_detected() -> None:
    assert detect_language(FRENCH) == "fr"


def test_english_is_detected_and_analysed() -> None:
    result = analyse('"We will not move," said Marta Kowalczyk on Tuesday.', "2026-11-25")
    assert result.language == "en"
    assert result.quotes


def test_russian_is_detected() -> None:
    text = "\u041f\u0435\u0441\u043a\u043e\u0432 \u0437\u0430\u044f\u0432\u0438\u043b, \u0447\u0442\u043e \u044d\u0442\u043e \u043d\u0435 \u0442\u0430\u043a \u0438 \u0447\u0442\u043e \u043f\u043b\u0430\u043d \u043d\u0435 \u0433\u043e\u0442\u043e\u0432"
    assert detect_language(text) == "ru"
