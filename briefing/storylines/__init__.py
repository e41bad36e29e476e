"""Grouping articles into storylines and building each storyline's briefing.

The reader uses `list_storylines`, `build_briefing` and `mark_opened`; the digest places
analysed articles with a `StorylinePlacer`'s `place_batch`. Every quote, red line and
timeline item carries a `Citation` (article id, URL, title, outlet, date and the
character offsets of its words in the article text).
"""

from briefing.storylines._api import (
    StorylineError,
    build_briefing,
    get_summary,
    list_articles,
    list_storylines,
    mark_opened,
)
from briefing.storylines._corrections import Correction
from briefing.storylines._corrections import merge as merge_correction
from briefing.storylines._corrections import move as move_correction
from briefing.storylines._corrections import rename as rename_correction
from briefing.storylines._corrections import split as split_correction
from briefing.storylines._corrections import undo as undo_correction
from briefing.storylines._evaluate import bcubed
from briefing.storylines._grouper import Features
from briefing.storylines._library import merge as merge_storylines
from briefing.storylines._library import move as move_article
from briefing.storylines._library import rename as rename_storyline
from briefing.storylines._library import split as split_storyline
from briefing.storylines._model import (
    ActorSummary,
    Briefing,
    Citation,
    EventReport,
    NewItem,
    QuoteGroup,
    QuoteItem,
    RedLineGroup,
    RedLineItem,
    StorylineArticle,
    StorylineSummary,
    SummarySentence,
    TimelineEntry,
    date_order,
)
from briefing.storylines._placing import (
    ArticleToPlace,
    PlacementCounts,
    StorylinePlacer,
    article_features,
)

__all__ = [
    "ActorSummary",
    "ArticleToPlace",
    "Briefing",
    "Citation",
    "Correction",
    "EventReport",
    "Features",
    "NewItem",
    "PlacementCounts",
    "QuoteGroup",
    "QuoteItem",
    "RedLineGroup",
    "RedLineItem",
    "StorylineArticle",
    "StorylineError",
    "StorylinePlacer",
    "StorylineSummary",
    "SummarySentence",
    "TimelineEntry",
    "article_features",
    "bcubed",
    "build_briefing",
    "date_order",
    "get_summary",
    "list_articles",
    "list_storylines",
    "mark_opened",
    "merge_correction",
    "merge_storylines",
    "move_article",
    "move_correction",
    "rename_correction",
    "rename_storyline",
    "split_correction",
    "split_storyline",
    "undo_correction",
]
