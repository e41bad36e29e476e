"""The errors briefing raises for the user to read, under one root.

Every error that means "this cannot be done, and here is why, in one line" subclasses
`BriefingError`, so the command line catches them all in one place and prints the message
(never a traceback). Each class stays defined next to the code that raises it, and callers
keep importing it from there; this module holds the root, the one intermediate and the map:

* BriefingError
  * LibraryError: the library file cannot be opened or written (`briefing.store`)
  * FeedExists: the library already has a feed with this URL (`briefing.store.feeds`)
  * StorylineError: no such storyline or article, or an override that cannot apply
    (`briefing.storylines`; also a LookupError)
  * DemoError: the demo library could not be built (`briefing.demo`)
  * SettingsError: settings.toml cannot be read or is not TOML (`briefing.config`)
  * FeedError: a feed, a web page or a subscription list could not be used
    * NotHttpUrl: not an absolute http(s) URL (`briefing.ingest.fetch`; also a ValueError)
    * BodyTooLarge, UnsupportedEncoding: a response body we will not decode
      (`briefing.ingest.inflate`)
    * NotAFeed: the document is not a feed that can be read (`briefing.ingest.parse`)
    * SubscribeError: why a URL could not be subscribed (`briefing.ingest.subscribe`)
      * SeveralFeeds: the page offers several feeds; the user chooses
    * SubscriptionFileError: neither OPML nor a urls file (`briefing.ingest.opml`;
      also a ValueError)

The words of feed errors (network, HTTP, not a feed) are written in one place,
`briefing.ingest.problems`, so the reader and the command line say them alike.

This module imports nothing from briefing, so every layer may import it.
"""

from __future__ import annotations

__all__ = ["BriefingError", "FeedError"]


class BriefingError(Exception):
    """Something briefing cannot do, with a message written for the user."""


class FeedError(BriefingError):
    """A feed, a web page or a subscription list could not be fetched or read."""
