"""Whom a statement is from: the speaker phrase an attribution found ("Peskov", "she", "the
finance minister", "the union"), resolved to a canonical name through the registry.

Resolving registers what it learns, through the registry's own methods: a lone name that
speaks is a person, a role that speaks is a mention a later "she" finds, a plural group that
speaks is whom a later "they" means. So each statement sees what the ones before it taught."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.understand._actors import Mention, Registry, role_word
from briefing.understand._lexicon import (
    GROUP_SPEAKER_NOUNS,
    GROUP_SPEAKER_PRONOUNS,
    ISSUED_NOUNS,
    NEWSPAPER_WORDS,
    OUTSIDER_GROUP_NOUNS,
    PERSON_POSSESSIVES,
    PERSON_SPEAKER_PRONOUNS,
    PLATFORM_NAMES,
    PUBLICATION_NOUNS,
    RELATIVE_OPENERS,
    RELATIVE_PRONOUNS,
)
from briefing.understand._names import never_an_actor
from briefing.understand._quotes import Attribution

Span = tuple[int, int]

# "the board", "the Singapore-based firm": one describing word may come first
_GROUP_SPEAKER = re.compile(rf"^(?:the|its) (?:[\w-]+ )?({'|'.join(GROUP_SPEAKER_NOUNS)})\b")
_STATE_SPEAKER = re.compile(r"^the (government|military|army|armed forces|authorities|police)$")
_SUCCESSOR = re.compile(r"-(?:designate|elect)\b|\b(?:new|incoming)\b")
_PREDECESSOR = re.compile(r"\b(?:outgoing|former|ex-|departing|retiring)")
_PLACE_AFTER_PLURAL = re.compile(r" (?:in|from) (?-i:[A-Z])")
# "Qualcomm's management team and " before a bare "board"
_OWNED_COORDINATION = re.compile(r"([\w.&-]+)['\u2019]s (?:[\w-]+ ){1,3}and $")
_OWNING = ("its", "his", "her", "their")
_OWNER_GAP = re.compile(r"(?:['\u2019]s?)? ")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
# a document brought in: "issued a statement", "in an emailed statement", "its report"
_INTRODUCED = r"\b(?:a|an|another|its|his|her|their)\s+(?:[\w'\u2019-]+\s+){0,3}?"
_INTRO_REACH = 2000  # how far back the document may have been brought in
_BY_AFTER = re.compile(r",?\s+(?:by|from)\s+(?:the\s+)?(?-i:[A-Z])", re.I)
_ACTING_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.I)


@dataclass(frozen=True)
class _Phrase:
    """The words naming the speaker, as written."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower().strip()

    @property
    def words(self) -> list[str]:
        return self.low.split()


def resolve_speaker(text: str, a: Attribution, reg: Registry) -> tuple[str | None, Span | None]:
    """The canonical name of the attribution's speaker (None: unknown), and the speaker's
    span in the text."""
    found = a.phrase or a.speaker
    if found is None:
        return None, a.speaker
    phrase = _Phrase(found[0], found[1], text[found[0] : found[1]])
    issuer = _issued_by(text, phrase, reg)
    if issuer is not None:
        reg.note_speaker(issuer, a.cue_pos)
        return issuer, a.speaker
    m = _named_speaker(text, phrase, reg)
    if m is None:
        who = _unnamed_speaker(text, a, phrase, reg)
        if who is not None:
            reg.note_speaker(who, a.cue_pos)
        return who, a.speaker
    _register_named(text, phrase, m, reg)
    reg.note_speaker(m.canonical, a.cue_pos)
    return m.canonical, (m.start, m.end) if a.speaker is None else a.speaker


# ------------------------------------------------------------------ documents and channels


def _issued_by(text: str, p: _Phrase, reg: Registry) -> str | None:
    """ "the statement said", "the group's website said", "The official Harbour Lines Twitter
    account replied": the document or channel speaks for whoever issued it."""
    if p.words[-1] not in ISSUED_NOUNS:
        return None
    owner = _POSSESSIVE.search(p.text)
    if owner is not None:  # "the ministry's website"
        return _who(text, _Phrase(p.start, p.start + owner.start(), p.text[: owner.start()]), reg)
    if p.words[0] in PERSON_POSSESSIVES:  # "his Twitter account"
        m = reg.person_before(p.start, p.words[0])
        return m.canonical if m is not None else None
    if p.words[0] in ("its", "their"):
        return _group_pronoun(_Phrase(p.start, p.start + 3, "it"), reg)
    named = [m for m in reg.mentions if p.start <= m.start and m.end <= p.end]
    named = [m for m in named if m.name.lower() not in PLATFORM_NAMES]
    if named:
        if named[0].kind == "other" and " " not in named[0].name:
            reg.make_organization(named[0])  # "the Harbour Lines account": a body's
        return named[0].canonical
    return _issuer(text, p, reg)


def _who(text: str, p: _Phrase, reg: Registry) -> str | None:
    """Whom an owner's phrase ("the group", "Veltrix") names."""
    m = _named_speaker(text, p, reg)
    if m is not None:
        return m.canonical
    if p.low in PERSON_SPEAKER_PRONOUNS or p.low in GROUP_SPEAKER_PRONOUNS:
        return None
    return _described_speaker(p, reg)


def _issuer(text: str, p: _Phrase, reg: Registry) -> str | None:
    """ "KCNA released a report …" or "X said in a statement …", then "the report said": who
    issued the document the text brought in before."""
    lo = max(0, p.start - _INTRO_REACH)
    intros = list(
        re.finditer(rf"{_INTRODUCED}{re.escape(p.words[-1])}s?\b", text[lo : p.end], re.I)
    )
    if not intros:
        return None
    at, past = lo + intros[-1].start(), lo + intros[-1].end()
    after = reg.mention_in(past, past + 60)
    if after is not None and _BY_AFTER.match(text, past):
        return after.canonical  # "a report by Amnesty International"
    start, end = reg.sentence_at(at)
    return reg.speaker_between(start, end) or _subject_before(text, start, at, reg)


def _subject_before(text: str, start: int, end: int, reg: Registry) -> str | None:
    """Who acts in text[start:end], the clause before a document: the latest name, or a
    pronoun after it ("he issued another statement")."""
    m = next((m for m in reversed(reg.mentions) if start <= m.start < end and not m.place), None)
    after = m.end if m is not None else start
    pronouns = list(_ACTING_PRONOUN.finditer(text, after, end))
    if pronouns:
        word = pronouns[-1].group().lower()
        at = pronouns[-1].start()
        if word in ("he", "she"):
            hit = reg.person_before(at, word)
        else:
            hit = reg.actor_before(at, ("organization", "country"))
        return hit.canonical if hit is not None else None
    return m.canonical if m is not None else None


# ------------------------------------------------------------------ speakers named in the phrase


def _named_speaker(text: str, p: _Phrase, reg: Registry) -> Mention | None:
    """The name that heads the phrase, if one does."""
    if _outsiders(p, reg):
        return None  # "NXP shareholders": people named after the company, not the company
    m = reg.mention_in(p.start, p.end)
    if m is not None and m.kind == "other" and p.words[0] in ("the", "a", "an"):
        # "the Republican presidential candidate" is a role; "the steel association
        # Eurofer" ends in a name
        last = reg.mention_in(p.end - 1, p.end + 1) or reg.mention_ending(p.end)
        m = last if last is not None and last.end >= p.end else None
    if m is not None and _capital_only_opens(text, m, p):
        return None
    if m is None:
        m = reg.mention_ending(p.end)  # "National Commission for Museums and Monuments"
    if m is None:
        return None
    m = _named_in_apposition(text, p, m, reg)
    return _holder_of_its_role(text, p, m, reg)


def _outsiders(p: _Phrase, reg: Registry) -> bool:
    """ "NXP shareholders", "Harwell's customers": a name, then the people outside it."""
    if p.words[-1] not in OUTSIDER_GROUP_NOUNS or "," in p.text:
        return False
    noun = p.end - len(p.words[-1])
    m = reg.mention_ending(p.text.rstrip().rfind(" ") + p.start)
    return m is not None and _OWNER_GAP.fullmatch(reg.text[m.end : noun]) is not None


def _named_in_apposition(text: str, p: _Phrase, m: Mention, reg: Registry) -> Mention:
    """ "Tamimi's lawyer, Gaby Lasky": the person the phrase ends with, not whose lawyer."""
    owner = text[m.end : m.end + 2] in ("'s", "\u2019s")
    if not (owner and m.end < p.end):
        return m
    last = reg.mention_ending(p.end)
    if last is None or last.kind != "person" or last.start <= m.end:
        return m
    between = text[m.end : last.start]
    return last if between.rstrip().endswith(",") or len(between.split()) <= 4 else m


def _capital_only_opens(text: str, m: Mention, p: _Phrase) -> bool:
    """ "Dock workers said", "Patients' groups said": a capital that only opens the sentence."""
    rest = text[m.end : p.end]
    if m.kind != "other" or m.start != p.start or " " in m.name or not rest.strip():
        return False
    plural_then_place = (
        # "Traders in Bergen said": a plural noun opening the sentence, then its place
        m.name.endswith("s")
        and m.canonical == m.name
        and _PLACE_AFTER_PLURAL.match(rest) is not None
    )
    if not (rest.strip() == rest.strip().lower() or plural_then_place):
        return False
    return text[m.end : m.end + 1] == " " or text[m.end : m.end + 2] in ("' ", "\u2019 ")


def _holder_of_its_role(text: str, p: _Phrase, m: Mention, reg: Registry) -> Mention:
    """ "Northfield's mayor", "Nordhaven's chief executive": the person holding the role."""
    role = role_word("the " + p.words[-1])
    if m.kind == "person" or not role or text[m.end : m.end + 2] not in ("'s", "\u2019s"):
        return m
    hit = reg.role_before(p.start, role)
    if hit is None and m.kind == "other" and m.start == p.start:
        # no one named holds it: the role itself speaks, and a later "she" is them
        hit = reg.add_role_speaker(p.start, p.end, p.text, m.sentence)
    return hit or m


def _register_named(text: str, p: _Phrase, m: Mention, reg: Registry) -> None:
    """What the statement teaches about its speaker: that a lone name is someone, a role."""
    lone = m.kind == "other" and " " not in m.name and m.name.lower() not in text
    if lone and m.end >= p.end - 1:
        reg.make_person(m)  # "Blinken told …": whoever speaks is someone
    elif _named_group(m) and m.end >= p.end - 1:
        reg.make_organization(m)  # "Amnesty International said": a body, not a person
    role = _apposition_role(p.text, m.name)
    if role:
        reg.add_role(m.canonical, role)


def _named_group(m: Mention) -> bool:
    """A name of several words, of unknown kind, that is no place, event or law."""
    return m.kind == "other" and " " in m.name and not m.place and not never_an_actor(m.name)


def _apposition_role(phrase: str, name: str) -> str:
    """ "Dmitry Peskov, the Kremlin spokesman" -> "Kremlin spokesman"."""
    rest = phrase.split(",", 1)
    if len(rest) == 2 and name in rest[0]:
        words = rest[1].strip().split()
        if words and words[0].lower() in RELATIVE_OPENERS:
            return ""  # a relative clause, not a role
        if words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        return " ".join(words).strip(", ")
    return ""


# ------------------------------------------------------------------ pronouns, roles and groups


def _unnamed_speaker(text: str, a: Attribution, p: _Phrase, reg: Registry) -> str | None:
    """A speaker the phrase does not name: a pronoun, a role or a group."""
    if p.low in RELATIVE_PRONOUNS and a.phrase is not None:
        # "Northfield Parents for Choice, which says …": the name before the comma
        m = _antecedent(text, reg, p.start)
        return m.canonical if m is not None else None
    if p.low in PERSON_SPEAKER_PRONOUNS:
        return _person_pronoun(a, p, reg)
    if p.low in GROUP_SPEAKER_PRONOUNS:
        return _group_pronoun(p, reg)
    if p.words[0] in PERSON_POSSESSIVES and len(p.words) <= 3:
        # "her aides", "his spokesman": the person they speak for
        m = reg.person_before(p.start, p.words[0])
        return m.canonical if m is not None else p.text
    named = _named_after(text, p, reg)
    if named is not None:
        return named.canonical
    if len(p.words) == 2 and p.words[0] == "the" and p.words[1] in PUBLICATION_NOUNS:
        outlet = _outlet(reg)
        if outlet is not None:
            return outlet.canonical
    return _described_speaker(p, reg)


def _named_after(text: str, p: _Phrase, reg: Registry) -> Mention | None:
    """ "said the friend, Ilona Herman": the person the role phrase goes on to name."""
    if not text.startswith(", ", p.end):
        return None
    m = reg.mention_in(p.end + 2, p.end + 80)
    if m is None or m.kind != "person" or m.span_start != p.end + 2:
        return None
    return m


def _outlet(reg: Registry) -> Mention | None:
    """The newspaper the article names: "the article", "the report" say what it printed."""
    for m in reg.mentions:
        last = m.canonical.split()[-1].lower() if m.canonical else ""
        if m.kind == "organization" and last in NEWSPAPER_WORDS:
            return m
    return None


def _antecedent(text: str, reg: Registry, pos: int) -> Mention | None:
    for m in reversed(reg.mentions):
        if m.end <= pos:
            return m if not text[m.end : pos].strip(" ,").strip() or pos - m.end < 60 else None
    return None


def _person_pronoun(a: Attribution, p: _Phrase, reg: Registry) -> str | None:
    """ "he said": the latest person whose gender fits, outside the statement itself."""
    m = reg.person_before(p.start, p.low, skip=(a.start, a.end))
    if m is None:
        return None
    reg.note_gender(m.canonical, p.low)
    return m.canonical


def _group_pronoun(p: _Phrase, reg: Registry) -> str | None:
    """ "it said", "they said": a body named before it in its sentence, else the body that
    spoke just before ("The firm said … It also said"), else the latest organisation or
    country, or plural group."""
    body = reg.actor_before(p.start, ("organization", "country"))
    spoke = reg.spoken_just_before(p.start)
    if spoke is not None and (
        body is None or reg.sentence_at(body.start) != reg.sentence_at(p.start)
    ):
        return spoke
    plural = reg.last_group() if p.low == "they" else None
    if plural is not None and (body is None or body.start < plural[0]) and plural[0] < p.start:
        return plural[1]  # "Aid agencies said …", then "they said"
    return body.canonical if body is not None else None


def _described_speaker(p: _Phrase, reg: Registry) -> str:
    """ "the finance minister", "the union", "Russian officials": whom the words describe."""
    role = role_word(p.text)
    hit = _role_holder(p, role, reg) if role else None
    speaker = hit.canonical if hit is not None else _body_described(p, role, reg)
    if role and speaker and p.low.startswith("the ") and _stands_for(reg, p, hit, speaker):
        # "the governor-designate said …", then "she said": the role's holder is the
        # latest person in view, not someone named between
        reg.note_role_holder(p.start, p.end, p.text, speaker)
    return speaker


def _role_holder(p: _Phrase, role: str, reg: Registry) -> Mention | None:
    """The person named earlier who holds the role of "the finance minister"."""
    hit = reg.role_before(p.start, role, p.text)
    if hit is not None and _SUCCESSOR.search(p.low) and _PREDECESSOR.search(reg.roles_of(hit)):
        hit = None  # the governor-designate is not the outgoing governor
    if hit is None and ("'s " in p.low or "\u2019s " in p.low or p.low.startswith("its ")):
        hit = reg.person_before(p.start)  # "the council's chairman": the one in view
    elif hit is None and p.low.startswith("the "):
        hit = reg.protagonist(p.start)  # "the director said": the story's person, no role
        if hit is not None:
            reg.add_role(hit.canonical, p.low.removeprefix("the "))
    if hit is None and (p.words[0] in _OWNING or "'s " in p.low or "\u2019s " in p.low):
        hit = reg.role_after(p.end, role)  # "its director admits …", named further on
    return hit


def _body_described(p: _Phrase, role: str | None, reg: Registry) -> str:
    """ "the board" (the organisation in view), "the Kremlin" (Russia), or the words."""
    state = _STATE_SPEAKER.match(p.low)
    if state is not None:
        org = reg.org_named(p.start, state.group(1))
        if org is not None and state.group(1) in org.canonical.lower():
            return org.canonical  # "the Nigerian Army", then "the army said"
        # the country named so far, else the one the article names most
        country = reg.country_in_view(p.start) or reg.country_in_view(len(reg.text))
        if country is not None:
            return country.canonical  # "the government said": the country's
    group = _GROUP_SPEAKER.match(p.low)
    if group is not None and (org := _described_body(p, group.group(1), reg)):
        return org.canonical
    owner = _owner_of_bare_body(p, reg)
    if owner is not None:
        return owner.canonical
    canon = reg.canonical_of(p.text)
    if canon:
        return canon[0]
    if not role and p.words[-1].endswith("s"):
        reg.note_group(p.start, p.text)  # a plural group a later "they" means
    return p.text


def _owner_of_bare_body(p: _Phrase, reg: Registry) -> Mention | None:
    """ "Qualcomm's management team and board have argued", with "board" as the phrase: the
    owner of the coordination it ends."""
    if len(p.words) != 1 or p.low not in GROUP_SPEAKER_NOUNS:
        return None
    before = _OWNED_COORDINATION.search(reg.text, max(0, p.start - 80), p.start)
    if before is None:
        return None
    m = reg.mention_ending(before.start() + len(before.group(1)))
    return m if m is not None and m.kind in ("organization", "country") else None


def _described_body(p: _Phrase, noun: str, reg: Registry) -> Mention | None:
    """ "the Singapore-based firm": the organisation the text described so ("Singapore-based
    Broadcom"); "the firm" alone: the one in view."""
    if len(p.words) == 3:
        label = p.words[1] + " "
        for m in reg.mentions:
            if m.start < p.start and m.kind in ("organization", "other") and not m.place:
                if reg.text[max(0, m.start - len(label)) : m.start].lower() == label:
                    return m
        return None  # "the interior ministry": a body of its own, not the one in view
    return reg.org_named(p.start, noun)


def _stands_for(reg: Registry, p: _Phrase, hit: Mention | None, speaker: str) -> bool:
    """The role phrase names its speaker: no one named holds it, or every word of "the
    Ukrainian president" is in the roles of the person found for it."""
    if hit is None:
        return speaker == p.text
    roles = reg.roles_of(hit)
    words = [w for w in re.findall(r"[\w'\u2019]+", p.low) if w not in ("the", "new")]
    return all(w in roles for w in words)
