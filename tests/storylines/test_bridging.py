"""Two storylines started for one event on its first day become one when a report ties them.

The first reports of an event often tell different parts of it: the scene, then the cause.
The first two reports below share hardly a word and start two storylines; the third tells
both parts, and the reader should then see one storyline with all three.
"""

from __future__ import annotations

from briefing.digest import digest
from briefing.storylines import list_storylines, rename_storyline
from tests.storylines.conftest import Shelf

SCENE = {
    "id": "scene",
    "source": "Kestrel Evening News",
    "published": "2026-11-10",
    "title": "Tram derails in Kestrel, injuring twelve",
    "text": "A tram left the rails on Bridge Street in Kestrel on Tuesday morning, injuring "
    "twelve passengers. Ambulances took four of them to the city hospital. Witnesses said the "
    "tram was going fast on the bend.",
}
CAUSE = {
    "id": "cause",
    "source": "Transport Weekly",
    "published": "2026-11-10",
    "title": "Drivers' union says brake inspections were months overdue",
    "text": "The drivers' union at the transit operator said on Tuesday that brake inspections "
    "on its fleet were months overdue. The operator denied cutting maintenance and promised "
    "an independent audit of every vehicle.",
}
BOTH = {
    "id": "both",
    "source": "Regional Wire",
    "published": "2026-11-10",
    "title": "Kestrel tram crash: twelve hurt as union blames overdue brake checks",
    "text": "Twelve passengers were hurt when a tram derailed on Bridge Street in Kestrel on "
    "Tuesday. The drivers' union blamed brakes that were overdue for inspection; the operator "
    "denied cutting maintenance. Witnesses said the tram was going fast on the bend.",
}


def test_a_report_that_tells_both_parts_makes_one_storyline(shelf: Shelf) -> None:
    shelf.add([SCENE, CAUSE])
    digest(shelf.library)
    assert shelf.storyline_of("scene") != shelf.storyline_of("cause")
    assert len(list_storylines(shelf.library)) == 2

    shelf.add([BOTH])
    digest(shelf.library)
    one = shelf.storyline_of("scene")
    assert shelf.storyline_of("cause") == one and shelf.storyline_of("both") == one
    [storyline] = list_storylines(shelf.library)
    assert storyline.article_count == 3


def test_storylines_the_user_named_are_not_folded_together(shelf: Shelf) -> None:
    shelf.add([SCENE, CAUSE])
    digest(shelf.library)
    scene, cause = shelf.storyline_of("scene"), shelf.storyline_of("cause")
    assert scene is not None and cause is not None
    rename_storyline(shelf.library, scene, "The derailment")
    rename_storyline(shelf.library, cause, "Brake inspections")

    shelf.add([BOTH])
    digest(shelf.library)
    assert (shelf.storyline_of("scene"), shelf.storyline_of("cause")) == (scene, cause)
    assert shelf.storyline_of("both") in (scene, cause)
    labels = {s.label for s in list_storylines(shelf.library)}
    assert labels == {"The derailment", "Brake inspections"}
