"""Grouping articles into storylines and building each storyline's briefing."""
