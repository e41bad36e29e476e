"""The main text of an article page, for feeds that only carry a summary.

trafilatura finds the article body among navigation, comments and boilerplate. It is
only ever handed a parsed tree, never a URL, so it has nothing to download; `url` just
tells it where the page came from.
"""

from __future__ import annotations

import logging
import re
import threading

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from briefing.safetext import strip_controls

__all__ = ["extract_main_text"]

log = logging.getLogger(__name__)

# Pages larger than this are not article pages worth the time.
MAX_PAGE_CHARS = 5_000_000
# Less than this is a paywall notice, a cookie banner or an error page, not an article.
MIN_WORDS = 25

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")

_CONFIG = use_config()
# A hostile page with millions of elements would take trafilatura a long time.
_CONFIG.set("DEFAULT", "MAX_TREE_SIZE", "60000")

_local = threading.local()


def _parser() -> lxml.html.HTMLParser:
    # lxml parsers must not be shared between threads; refreshes extract in threads.
    parser: lxml.html.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = lxml.html.HTMLParser(
            recover=True,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
            default_doctype=False,
        )
    return parser


def extract_main_text(html: str, url: str) -> str | None:
    """The article text of a web page as plain paragraphs, or None when none is found."""
    if not html or not html.strip() or len(html) > MAX_PAGE_CHARS:
        return None
    # Lone surrogates would make lxml stop at the first one, and lxml refuses control
    # characters; neither belongs in article text.
    html = strip_controls(html.encode("utf-8", "replace").decode("utf-8"))
    # lxml refuses a str that declares its encoding; the declaration says nothing here.
    html = _XML_DECL.sub("", html, count=1)
    try:
        tree = lxml.html.document_fromstring(html, parser=_parser())
        text = trafilatura.extract(
            tree,
            url=url or None,
            output_format="txt",
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            include_tables=True,
            deduplicate=False,
            with_metadata=False,
            config=_CONFIG,
        )
    except (etree.ParserError, ValueError):
        return None
    except Exception:  # noqa: BLE001 - hostile pages find new ways to upset an extractor
        log.debug("extraction failed for %s", url, exc_info=True)
        return None
    if not text or len(text.split()) < MIN_WORDS:
        return None
    return _paragraphs(text) or None


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; we separate paragraphs by a blank line.

    Consecutive list items ("- item") stay together as the lines of one paragraph.
    """
    blocks: list[list[str]] = []
    in_list = False
    for raw in strip_controls(text).split("\n"):
        line = " ".join(raw.split())
        if not line:
            in_list = False
            continue
        is_item = line.startswith(("- ", "* ", "• "))
        if is_item and in_list:
            blocks[-1].append(line)
        else:
            blocks.append([line])
        in_list = is_item
    return "\n\n".join("\n".join(block) for block in blocks)
