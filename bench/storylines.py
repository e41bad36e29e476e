"""Grouping speed: generated articles assigned to storylines one at a time.

    .venv/bin/python bench/storylines.py [--articles 100000] [--seed 1]

Prints articles per second (reading an article's words, counting them, placing it), the
peak memory of the process, and the B-cubed score against the generated storylines as a
sanity check. The articles are made up here: everyday English words (wordfreq's list)
with each storyline's own names and subject words mixed in, storylines starting through
a year and running for days to weeks.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.storylines import bcubed  # noqa: E402
from briefing.storylines._grouper import Grouper, features  # noqa: E402

START = date(2026, 1, 1).toordinal()
SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "tes", "ol", "bren", "sa", "nu", "rik", "pa", "zen"]


def made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def generate(n_articles: int, seed: int):
    """Yield (key, title, text, day, storyline) in date order."""
    from wordfreq import top_n_list

    rng = random.Random(seed)
    common = [w for w in top_n_list("en", 3000) if w.isalpha()]
    subject_pool = [w for w in top_n_list("en", 30000)[3000:] if w.isalpha()]
    n_stories = max(1, n_articles // 20)
    stories = []
    for s in range(n_stories):
        names = [made_up_word(rng).capitalize() for _ in range(4)]
        subject = rng.sample(subject_pool, 25)
        start = START + int(rng.random() * 365)
        length = rng.choice([1, 3, 7, 14, 30, 60])
        stories.append((s, names, subject, start, length))
    # Articles: each picks a storyline and a day within it; emitted in date order.
    plan = []
    for i in range(n_articles):
        s, _names, _subject, start, length = stories[rng.randrange(n_stories)]
        plan.append((start + rng.randrange(length), i, s))
    plan.sort()
    for day, i, s in plan:
        _, names, subject, _, _ = stories[s]
        words = []
        for _ in range(rng.randint(180, 400)):
            r = rng.random()
            if r < 0.65:
                words.append(rng.choice(common))
            elif r < 0.9:
                words.append(rng.choice(subject))
            else:
                words.append(rng.choice(names))
        sentences = [
            " ".join(words[j : j + 18]).capitalize() + "." for j in range(0, len(words), 18)
        ]
        title = " ".join([rng.choice(names), *rng.sample(subject, 3)])
        yield (
            i,
            title,
            "\n\n".join(" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)),
            day,
            s,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    counter = iter(range(1, 1 << 62))
    grouper = Grouper(new_id=lambda: next(counter))
    grouper.vector(features("warm up", "load the word frequencies"))
    pred: dict[int, int] = {}
    gold: dict[int, int] = {}
    grouping = 0.0
    started = time.perf_counter()
    for n, (key, title, text, day, story) in enumerate(generate(args.articles, args.seed), 1):
        # CPU time, not wall time: on a shared machine the process may wait for a core.
        t0 = time.process_time()
        feats = features(title, text)
        grouper.observe(feats)
        pred[key] = grouper.assign(key, feats, day).storyline_id
        grouping += time.process_time() - t0
        gold[key] = story
        if n % 20_000 == 0:
            print(f"  {n:>7,} articles: {n / grouping:,.0f} articles/s so far", file=sys.stderr)
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p, r, f1 = bcubed(pred, gold)
    print(f"articles:        {len(pred):,}")
    print(
        f"storylines:      {len(set(pred.values())):,} found, {len(set(gold.values())):,} generated"
    )
    rate = len(pred) / grouping
    print(f"grouping:        {rate:,.0f} articles/s on one core ({grouping:.1f} s CPU)")
    print(f"wall time:       {wall:.1f} s, generating the articles included")
    print(f"peak memory:     {peak_mb:,.0f} MB (process peak RSS)")
    print(f"B-cubed:         P={p:.3f} R={r:.3f} F1={f1:.3f}")


if __name__ == "__main__":
    main()
