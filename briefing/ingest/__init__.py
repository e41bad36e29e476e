"""Fetching feeds, parsing and normalising them, OPML, feed discovery, full text."""
