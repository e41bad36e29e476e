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
    "Le président a déclaré mardi que la France ne signera jamais un accord qui "
    "laisse les aciéries européennes sans protection, selon un communiqué publié "
    "dans la soirée."
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
    text = "Песков заявил, что это не так и что план не готов"
    assert detect_language(text) == "ru"
