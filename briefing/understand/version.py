"""The analyser's version, in a module of its own so that checking it loads nothing else."""

ANALYSER_VERSION = "19"  # bump whenever the records for the same text change
