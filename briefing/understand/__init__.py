"""Text in, records out: actors, quotes, red lines and dated events. No SQL, no Textual."""
