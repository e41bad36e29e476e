"""The registry of the names in a text: who is mentioned where, under which canonical name,
with which roles; and the lookups that resolve "he", "the minister" or "the board" to one of
them. Built in steps (find the names, give them canonical forms, note roles), then changed
only through its own methods while the speakers are resolved."""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Mapping, Sequence
from typing import Final

from briefing.understand._aliases import AliasTable
from briefing.understand._entities import group_entities
from briefing.understand._lexicon import (
    FEMALE,
    GROUP_NOUNS,
    IN_PLACE_WORDS,
    INSTITUTION_WORDS,
    LEAD_ROLES,
    LESSER_ROLE_WORDS,
    MALE,
    OBJECT_WORDS,
    ROLE_DETERMINERS,
    ROLE_SUBJECT_OPENERS,
    ROLE_WORDS,
)
from briefing.understand._mentions import Entity, Mention, strip_poss
from briefing.understand._names import find_mentions
from briefing.understand._text import Sentence

__all__ = ["Entity", "Mention", "Registry", "role_word", "strip_poss"]

_ROLE = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
_ROLE_BEFORE = re.compile(
    rf"(?:\b(?:the|a|an)\s+)?((?:[A-Za-z'\u2019-]+\s+){{0,3}}?(?:{_ROLE}))\s*,?\s*$", re.I
)
_ROLE_AFTER = re.compile(
    rf"\s*,\s*(?:the|a|an|its|their|his|her)\s+((?:[\w'\u2019-]+\s+){{0,4}}?(?:{_ROLE})"
    rf"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
    # "the authority's director of public health."
    rf"|\s+of\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?)\s*[,.;]"
)
_WHO_LEADS = re.compile(
    r"\s*,\s*who\s+(leads|heads|chairs|runs|directs|manages|represents)\s+"
    r"((?:the\s+)?[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,5}?)\s*[,.;]",
    re.I,
)


# how a body's name is used: "Qualcomm's board", "Broadcom, which", "Boko Haram fighters",
# "Harwell staff", "Acme customers" (a person has aides, not staff, in news prose)
# (the look-ahead on the first characters lets the regex engine skip most positions at once)
_BODY_USAGE = re.compile(
    r"(?=['\u2019 ,])(?:(?:['\u2019]s)? (?:board|executives|management|shareholders|investors"
    r"|employees|staff|workforce|customers|subsidiary|headquarters|fighters|militants)\b"
    r"|, which\b| and its\b)"
)
# a role phrase's holder named after it: "Its chief executive, Priya Raman"
_NAMED_AFTER = re.compile(r"(?:\s+[a-z-]+){0,2}\s*,\s+(?-i:[A-Z])")
_HEAD_BEFORE = re.compile(r",| (?:of|to|at|for|in|from|with) ")
_SAID_PRONOUN = re.compile(r",?\s+(?:said|says|added|wrote)\s+(?:that\s+)?(he|she)\b")
_PRONOUN = re.compile(r"\b(?:he|his|she)\b", re.I)


def _start(m: Mention) -> int:
    return m.start


class Registry:
    """Every name in the text, with the fullest form each one stands for."""

    def __init__(
        self, text: str, sents: list[Sentence], aliases: AliasTable, headline: str = ""
    ) -> None:
        self.text: Final = text
        self.aliases: Final = aliases
        self._mentions = find_mentions(text, sents, aliases)
        self._entities = group_entities(self._mentions, aliases, headline)
        # plural speakers named by a phrase ("Aid agencies"), with where they spoke
        self._groups: list[tuple[int, str]] = []
        self._spoke: dict[str, int] = {}  # the statements resolved to each speaker so far
        self._spoken: list[tuple[int, str]] = []  # (cue position, speaker) of each statement
        self._sentence_starts = [s.start for s in sents]
        self.headline = headline  # the article's title, which names whom the story is about
        self._bodies_by_usage()
        self._appositions()
        self._role_subjects(sents)
        self._genders_from_pronouns(sents)

    @property
    def mentions(self) -> Sequence[Mention]:
        """The mentions in the order of the text."""
        return self._mentions

    @property
    def entities(self) -> Mapping[str, Entity]:
        """The entities by canonical name, in the order of their first mention."""
        return self._entities

    # -------------------------------------------------------------- kinds the text's usage tells

    def _bodies_by_usage(self) -> None:
        """A name written the way a body is, "Qualcomm's board", "Broadcom, which …",
        "Boko Haram fighters", "X and its rivals", is an organisation, not someone's name,
        unless a title or a given name says it is a person."""
        used = {u.start() for u in _BODY_USAGE.finditer(self.text)}
        for ent in self._entities.values():
            if ent.kind not in ("person", "other") or ent.roles:
                continue
            if not any(end in used for _, end in ent.spans) or self._personal(ent):
                continue
            ent.kind = "organization"
            for m in self._mentions:
                if m.canonical == ent.name:
                    m.kind = "organization"

    def _personal(self, ent: Entity) -> bool:
        """A title or a given name says the entity is someone."""
        if any(m.canonical == ent.name and m.title for m in self._mentions):
            return True
        forms = {strip_poss(f) for f in ent.aliases} | {ent.name}
        return any(f.split()[0].lower() in self.aliases.genders for f in forms if f)

    # -------------------------------------------------------------- roles written in the text

    def _appositions(self) -> None:
        """Roles written beside a name: "Annalena Baerbock, the foreign minister," and
        "the foreign minister, Annalena Baerbock,", "foreign minister Annalena Baerbock"."""
        text = self.text
        for m in self.mentions:
            if m.kind == "other" and " " in m.name and not m.place:
                self._person_by_apposition(m)  # "Park Soo-hyun, the spokesman for …"
            if m.kind != "person":
                continue
            before = text[max(0, m.span_start - 60) : m.span_start]
            after = text[m.end : m.end + 80]
            tail = before.rstrip(" ,").rsplit(None, 1)
            found = None
            if tail and tail[-1].lower() in ROLE_WORDS:  # cheap test before the regex
                found = _ROLE_BEFORE.search(before)
            if found is None and after.lstrip().startswith(","):
                found = _ROLE_AFTER.match(after)
            if found:
                self.add_role(m.canonical, found.group(1).strip())
            led = _WHO_LEADS.match(after)
            if led:
                # "Birte Sand, who leads the dockers' union," is the union leader
                role = LEAD_ROLES[led.group(1).lower()[:-1]]
                self.add_role(m.canonical, f"{role} of {led.group(2).strip()}")

    def _person_by_apposition(self, m: Mention) -> None:
        """A name of unknown kind with a person's role after it is someone's name."""
        after = self.text[m.end : m.end + 80]
        if after.lstrip().startswith(",") and _ROLE_AFTER.match(after):
            self.make_person(m)

    def _role_subjects(self, sents: list[Sentence]) -> None:
        """ "The chancellor was unmoved." counts as a mention of the chancellor named earlier,
        so that a following "he" finds him."""
        added = []
        for s in sents:
            toks = s.tokens
            if len(toks) < 3 or toks[0].lower not in ROLE_SUBJECT_OPENERS:
                continue
            for k in (1, 2, 3):
                if k >= len(toks) or toks[k].quote or toks[k].is_cap and k > 1:
                    break
                if toks[k].lower in ROLE_WORDS:
                    if _NAMED_AFTER.match(self.text, toks[k].end):
                        break  # "Its chief executive, Priya Raman, said": she is named
                    phrase = self.text[toks[0].start : toks[k].end]
                    hit = self.role_before(toks[0].start, toks[k].lower, phrase)
                    if hit is not None:
                        start, end = toks[0].start, toks[k].end
                        m = Mention(start, end, hit.name, "", "person", hit.sentence, start)
                        m.canonical = hit.canonical
                        added.append(m)
                    break
        if added:
            self._mentions.extend(added)
            self._mentions.sort(key=_start)

    def _genders_from_pronouns(self, sents: list[Sentence]) -> None:
        """ "Thurman posted footage of her crash": a person named first in a sentence is
        what the sentence's next personal pronoun refers to, when no one else comes between.
        Each such sentence is a vote (a "said she" right after the name two): the majority
        wins, as one sentence may well speak of someone else ("Thurman says he …")."""
        votes: dict[str, list[str]] = {}
        people = [m for m in self._mentions if m.kind == "person"]
        for k, m in enumerate(people):
            if k and people[k - 1].sentence == m.sentence:
                continue  # only the first person of the sentence
            ent = self._entities.get(m.canonical)
            if ent is None or ent.gender or m.sentence >= len(sents):
                continue
            end = sents[m.sentence].end
            if k + 1 < len(people) and people[k + 1].sentence == m.sentence:
                end = people[k + 1].start
            found = _PRONOUN.search(self.text, m.end, end)
            if found is not None:
                votes.setdefault(m.canonical, []).append(found.group().lower())
        for m in people:
            said = _SAID_PRONOUN.match(self.text, m.end)  # "…, Gaby Lasky, said she was"
            if said is not None:
                votes.setdefault(m.canonical, []).extend([said.group(1).lower()] * 2)
        for canonical, pronouns in votes.items():
            male = sum(p in MALE for p in pronouns)
            female = len(pronouns) - male
            if male != female:
                self.note_gender(canonical, "he" if male > female else "she")

    # -------------------------------------------------------------- changes while resolving

    def make_person(self, mention: Mention) -> None:
        """A lone name turned out to be someone: every mention of it becomes a person."""
        if any(
            m.canonical == mention.canonical and m.kind == "other" and m.prev in IN_PLACE_WORDS
            for m in self._mentions
        ):
            return  # "grew up in Lindmark … Lindmark said": a town speaking, not a person
        self._settle_kind(mention.canonical, "person")

    def make_organization(self, mention: Mention) -> None:
        """A name of unknown kind that speaks for itself is a body ("Amnesty International")."""
        self._settle_kind(mention.canonical, "organization")

    def _settle_kind(self, canonical: str, kind: str) -> None:
        """Every mention of a name of unknown kind, and its entity, become of this kind."""
        for m in self._mentions:
            if m.canonical == canonical and m.kind == "other":
                m.kind = kind
        ent = self._entities.get(canonical)
        if ent is not None and ent.kind == "other":
            ent.kind = kind

    def note_gender(self, canonical: str, pronoun: str) -> None:
        """ "he said" after a name whose gender was unknown: now it is."""
        ent = self._entities.get(canonical)
        if ent and not ent.gender:
            if pronoun in MALE:
                ent.gender = "m"
            elif pronoun in FEMALE:
                ent.gender = "f"

    def add_role(self, canonical: str, role: str) -> None:
        """A role the text gives the entity ("Dmitry Peskov, the Kremlin spokesman")."""
        ent = self._entities.get(canonical)
        if ent and role and role not in ent.roles:
            ent.roles.append(role)

    def add_role_speaker(self, start: int, end: int, phrase: str, sentence: int) -> Mention:
        """A role no one named holds speaks for itself ("Northfield's mayor said"), as a
        person a later "she" can find."""
        m = Mention(start, end, phrase, "", "person", sentence, start)
        m.canonical = phrase
        insort(self._mentions, m, key=_start)
        return m

    def note_role_holder(self, start: int, end: int, phrase: str, canonical: str) -> None:
        """ "the governor-designate said …" stands for canonical as the latest person in
        view, so that a following "she" finds them rather than someone named between."""
        if any(m.start == start and m.kind == "person" for m in self._mentions):
            return
        si = next((m.sentence for m in reversed(self._mentions) if m.start < start), 0)
        m = Mention(start, end, phrase, "", "person", si, start)
        m.canonical = canonical
        insort(self._mentions, m, key=_start)

    def note_speaker(self, canonical: str, cue_pos: int = -1) -> None:
        """A statement was resolved to this speaker (its cue at cue_pos)."""
        self._spoke[canonical] = self._spoke.get(canonical, 0) + 1
        if cue_pos >= 0:
            self._spoken.append((cue_pos, canonical))

    def note_group(self, pos: int, phrase: str) -> None:
        """A plural group speaking ("Aid agencies said"), whom a later "they" may mean."""
        self._groups.append((pos, phrase))

    # -------------------------------------------------------------- lookups

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """Where the sentence holding pos starts and ends."""
        k = bisect_right(self._sentence_starts, pos) - 1
        start = self._sentence_starts[k] if k >= 0 else 0
        end = self._sentence_starts[k + 1] if k + 1 < len(self._sentence_starts) else len(self.text)
        return start, end

    def speaker_between(self, start: int, end: int) -> str | None:
        """The speaker of the latest statement resolved so far whose cue lies in [start, end)."""
        found = [who for pos, who in self._spoken if start <= pos < end]
        return found[-1] if found else None

    def spoken_just_before(self, pos: int) -> str | None:
        """The speaker of the latest statement whose cue is in pos's sentence or the one
        before, if a body (an organisation or a country) spoke it."""
        cues = [(cue, who) for cue, who in self._spoken if cue < pos]
        if not cues:
            return None
        cue, who = max(cues)
        k = bisect_right(self._sentence_starts, pos) - 1
        if bisect_right(self._sentence_starts, cue) - 1 < k - 1:
            return None
        ent = self._entities.get(who)
        return who if ent is not None and ent.kind in ("organization", "country") else None

    def last_group(self) -> tuple[int, str] | None:
        """The latest plural group noted as speaking, with where it spoke."""
        return self._groups[-1] if self._groups else None

    def roles_of(self, m: Mention) -> str:
        """The roles of the entity the mention stands for, lower-case, one string."""
        ent = self._entities.get(m.canonical)
        return " ".join(ent.roles if ent else [m.title]).lower()

    def mention_in(self, start: int, end: int) -> Mention | None:
        """The named mention that heads [start, end): its first person, else its first name."""
        inside = []
        for m in self.mentions:
            if m.start >= start and m.end <= end:
                if m.kind == "person":
                    return m
                inside.append(m)
            elif m.start >= end:
                break
        named = [m for m in inside if m.kind != "other"]
        if named:
            phrase = self.text[start:end]
            # "the steel association Eurofer" ends in its head; "Russia's ambassadors to the
            # United Nations" has it before the preposition
            head_last = len(named) > 1 and _HEAD_BEFORE.search(phrase) is None
            return named[-1] if head_last else named[0]
        return inside[0] if inside else None

    def mention_ending(self, end: int) -> Mention | None:
        """A mention that runs up to end, however early it starts."""
        for m in self.mentions:
            if m.start < end <= m.end + 1 and m.end >= end - 1:
                return m
        return None

    def org_named(self, pos: int, word: str) -> Mention | None:
        """ "the board", "the union": an organisation called so, else the one named most."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in self.mentions:
            if m.start >= pos or m.kind != "organization":
                continue
            name = m.canonical.lower()
            if word in ("firm", "company") and any(w in name for w in INSTITUTION_WORDS):
                continue  # a court or a council is not "the firm"
            bonus = 100 if word in name else 1
            counts[m.canonical] = counts.get(m.canonical, 0) + bonus
            last[m.canonical] = m
        if not counts:
            return None
        return last[max(counts, key=lambda k: counts[k])]

    def country_in_view(self, pos: int) -> Mention | None:
        """The country the text has named most before pos (the latest of equals): whose
        "the government" or "the military" speaks."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in self.mentions:
            if m.start >= pos:
                break
            if m.kind == "country":
                counts[m.canonical] = counts.get(m.canonical, 0) + 1
                last[m.canonical] = m
        if not counts:
            return None
        return last[max(reversed(list(counts)), key=lambda k: counts[k])]

    def actor_before(self, pos: int, kinds: tuple[str, ...]) -> Mention | None:
        """The most recent mention of one of these kinds before pos."""
        for m in reversed(self.mentions):
            if m.start < pos and m.kind in kinds:
                return m
        return None

    def canonical_of(self, phrase: str) -> tuple[str, str] | None:
        """Canonical name and kind for a phrase such as "Russian officials" or "the Kremlin"."""
        alias = self.aliases.lookup(phrase)
        if alias:
            return alias
        words = phrase.split()
        for w in words:
            c = self.aliases.demonyms.get(strip_poss(w).lower())
            if c and any(x.lower() in GROUP_NOUNS for x in words):
                return c, "country"
        return None

    def person_before(
        self, pos: int, pronoun: str = "", skip: tuple[int, int] | None = None
    ) -> Mention | None:
        """The most recent person mentioned before pos whose gender fits the pronoun."""
        want = "m" if pronoun in MALE else "f" if pronoun in FEMALE else ""
        fallback = None
        for m in reversed(self.mentions):
            if m.start >= pos or m.kind != "person":
                continue
            if skip and skip[0] <= m.start < skip[1]:
                continue
            if self._bracketed(m.start, pos):
                continue  # "(… including a blond Rose McGowan …)": an aside, no antecedent
            ent = self.entities.get(m.canonical)
            if want and ent and ent.gender and ent.gender != want:
                continue
            if m.prev in OBJECT_WORDS and pronoun:
                # "briefed by Witkoff": an object is a weaker antecedent than a subject
                fallback = fallback or m
                continue
            if fallback is not None and fallback.sentence == m.sentence:
                return m
            return fallback if fallback is not None and fallback.sentence > m.sentence else m
        return fallback

    def _bracketed(self, at: int, pos: int) -> bool:
        """Whether `at` lies inside brackets that close before `pos`."""
        opened = self.text.rfind("(", 0, at)
        if opened < 0 or self.text.rfind(")", 0, at) > opened:
            return False
        closed = self.text.find(")", at, pos)
        return closed >= 0 and self.text.find("(", at, closed) < 0

    def protagonist(self, pos: int) -> Mention | None:
        """The person the headline names who has spoken most before pos, if the text gives
        them no role: whom a role phrase no one named holds ("the director") means."""
        best: Mention | None = None
        for m in self.mentions:
            if m.start >= pos:
                break
            if m.kind != "person" or self._spoke.get(m.canonical, 0) == 0:
                continue
            surname = m.canonical.split()[-1]
            if not re.search(rf"\b{re.escape(surname)}\b", self.headline):
                continue
            if best is None or self._spoke[m.canonical] >= self._spoke[best.canonical]:
                best = m
        ent = self._entities.get(best.canonical) if best is not None else None
        return best if ent is not None and not ent.roles else None

    def _introduced_in_paragraph(self, pos: int) -> Mention | None:
        """The latest person before pos in pos's paragraph, if the text gave them no role."""
        paragraph = self.text.rfind("\n\n", 0, pos)
        for m in reversed(self.mentions):
            if m.start >= pos or m.kind != "person":
                continue
            if m.start < paragraph:
                return None
            return None if self.roles_of(m) else m
        return None

    def role_after(self, pos: int, role: str) -> Mention | None:
        """The first person after pos whose roles hold the role word: whom "its director" in
        a story's opening means when no one named before holds it."""
        head = re.compile(rf"(?<![\w-]){re.escape(role)}\b")
        for m in self.mentions:
            if m.start > pos and m.kind == "person" and head.search(self.roles_of(m)):
                return m
        return None

    def role_before(self, pos: int, role: str, phrase: str = "") -> Mention | None:
        """The most recent person whose title holds the role word ("minister"); with a phrase
        ("the finance minister"), one whose title also has its other words comes first."""
        words = [w for w in re.findall(r"[\w'\u2019-]+", phrase.lower()) if w != role]
        want = {w for w in words if w not in ROLE_DETERMINERS and w not in self.aliases.demonyms}
        nationality = next((w for w in words if w in self.aliases.demonyms), None)
        if nationality is not None:
            introduced = self._introduced_in_paragraph(pos)
            if introduced is not None and nationality not in self.roles_of(introduced).lower():
                # "Volodymyr Zelensky has … In September the Ukrainian president said": a
                # nationality in the role points back to the person this paragraph brought in
                # without a title, not to another president named further up
                return introduced
        head = re.compile(rf"(?<![\w-]){re.escape(role)}\b")
        fallback = weak = None
        for m in reversed(self.mentions):
            if m.start >= pos or m.kind != "person":
                continue
            roles = self.roles_of(m)
            hit = head.search(roles)
            if hit is None or self._other_nationality(roles, nationality):
                continue  # "the Russian president" is not the French President named before
            before = roles[: hit.start()].split()[-1:]
            if before and before[0] in LESSER_ROLE_WORDS and before[0] not in words:
                weak = weak or m  # "the president" is not the vice president
                continue
            if not want or want <= set(re.findall(r"[\w'\u2019-]+", roles)):
                return m
            fallback = fallback or m
        return fallback or weak

    def _other_nationality(self, roles: str, nationality: str | None) -> bool:
        """The roles name another country than the nationality's ("French President" for
        "the Russian president")."""
        if nationality is None:
            return False
        country = self.aliases.demonyms[nationality]
        found = {self.aliases.demonyms.get(w) for w in re.findall(r"[\w-]+", roles)} - {None}
        return bool(found) and country not in found


def role_word(phrase: str) -> str | None:
    """The role noun of a phrase such as "the German chancellor" or "the Kremlin spokesman"."""
    words = [w.lower() for w in phrase.split()]
    if not words or words[0] not in ROLE_DETERMINERS:
        return None
    if words[-1] in ROLE_WORDS:
        return words[-1]
    # "the governor-designate", "the president-elect": the role before its hyphenated state
    head, _, state = words[-1].partition("-")
    if head in ROLE_WORDS and state in ("designate", "elect"):
        return head
    return None
