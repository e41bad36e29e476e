"""Word lists the rules rely on: cue verbs, titles, pronouns, function words."""

from __future__ import annotations

from collections.abc import Iterable


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


def any_of(words: Iterable[str]) -> str:
    """The words as regex alternatives, in their order (the order can decide a match)."""
    return "|".join(words)


# Verbs that introduce what someone said, wrote or thinks, in every form news uses.
SPEECH_CUES = _words(
    """
    said says say saying told tells tell telling added adds adding wrote writes write writing
    written noted notes noting warned warns warning stated states explained explains explaining
    argued argues arguing argue claimed claims claiming claim insisted insists insisting asserted
    asserts declared declares announced announces announcing reported reports reporting suggested
    suggests suggesting suggest acknowledged acknowledges acknowledging admitted admits admitting
    conceded concedes recalled recalls recalling replied replies responded responds asked asks
    asking tweeted tweets tweeting posted urged urges urging demanded demands demanding predicted
    predicts promised promises promising vowed vows vowing pledged pledges threatened threatens
    accused accuses accusing denied denies denying confirmed confirms contended contends
    maintained maintains emphasized emphasised emphasizes emphasises stressed stresses stressing
    complained complains lamented laments joked jokes quipped continued continues concluded
    concludes cautioned cautions alleged alleges estimated estimates indicated indicates revealed
    reveals disclosed discloses observed observes remarked remarks commented comments mentioned
    mentions described describes describing called calls calling praised praises criticized
    criticised criticizes criticises criticizing cited cites citing blamed blames rejected rejects
    dismissed dismisses questioned questions charged charges proposed proposes agreed agrees
    defended defends endorsed endorses believes believe believed thinks think thought
    hopes hoped wants wanted fears feared expects expected predicted know knows knew
    showed shows show found finds suggested announced boasted boasts bragged brags endorse
    endorsing
    countered counters retorted repeated repeats reiterated reiterates affirmed affirms
    testified testifies wondered wonders speculated speculates acknowledged recounted
    explained shouted yelled pointed explained assured assures reassured informed informs
    objected objects protested protests demanded pleaded begged conceded surmised
    condemned condemns branded brands slammed slams blasted blasts lauded lauds hailed hails
    compared compares labeled labelled labels dubbed dubs touted touts decried decries
    denounced denounces mocked mocks ridiculed ridicules referenced referencing invoked invokes
    attacked attacks vowed warned advised advises recommended recommends conceded
    expressed expresses ruled rules concedes admits highlighted highlights forecast projected
    sang sings read reads
    barked snapped fumed mused chimed exclaimed whispered screamed cried sighed laughed groused
    grumbled intoned boomed huffed scoffed retaliated went
    """
)

# Cues that need a following "that", quotation or colon to count (they have other senses).
WEAK_CUES = _words(
    """
    believes believe believed thinks think thought hopes hoped wants wanted fears feared expects
    expected know knows knew showed shows show found finds continued continues called calls calling
    pointed
    described describes describing cited cites citing charged charges questioned questions
    comments remarks reports states claims posted defended defends agreed agrees
    attacked attacks compared compares expressed expresses ruled rules read reads sang sings
    highlighted highlights projected forecast referenced invoked invokes
    """
)

# The addressee follows these: "told reporters that ...".
ADDRESS_CUES = _words(
    "told tells tell telling informed informs assured assures reassured warned warns asked asks"
)

PRONOUNS_ALL = _words("he she i we you they it who which")
MALE = _words("he him his himself mr")
FEMALE = _words("she her hers herself mrs ms")

# Capitalised words that start sentences or clauses without naming anyone.
FUNCTION_CAPS = _words(
    """
    the a an but and or yet so still however meanwhile instead now then also earlier later last
    in on at when while after before as if although though because since this that these those
    there here what why how where who which it its his her their our my your we i they he she
    for with without from by to of into over under about against between during among until
    no not nor all some many most more several both each every any other another such
    mr mrs ms dr asked meanwhile speaking according despite following amid like unlike
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    update updated watch read related editor note photo video source sources
    """
)

# Lower-case words that end a subject noun phrase when scanning leftwards from a cue.
NP_STOP = _words(
    """
    that which who whom whose what when where while if as because since although though but and or
    nor so than then to in on at by from with into onto about after before during for against
    over under between among through without within upon is was are were be been being has have
    had do does did will would can could may might must shall should not n't never also just
    even still said says say told tells added wrote noted it its this these those there here
    not how why once ago despite amid via unlike regarding toward towards didn't don't doesn't won't
    wouldn't couldn't can't isn't wasn't aren't weren't hasn't haven't hadn't shouldn't
    didn’t don’t doesn’t won’t wouldn’t couldn’t can’t isn’t wasn’t
    aren’t weren’t hasn’t haven’t hadn’t shouldn’t
    """
)

# Words skipped between a subject and its cue ("Trump has also repeatedly said").
AUX_SKIP = _words(
    """
    also has have had later then previously recently repeatedly again once earlier would will
    could may might did does do reportedly publicly privately simply further just never often
    always already still even first only quickly flatly bluntly angrily openly separately
    initially subsequently then-candidate falsely correctly rightly wrongly frequently long
    didn't don't doesn't won't wouldn't couldn't can't hasn't haven't hadn't never
    didn’t don’t doesn’t won’t wouldn’t couldn’t can’t hasn’t haven’t hadn’t
    """
)

DETERMINERS = _words(
    "the a an his her their its our my your this that these those some many one two"
)

# Roles that stand for a person named earlier: "the minister said".
ROLE_WORDS = _words(
    """
    president chancellor minister secretary spokesman spokeswoman spokesperson senator governor
    mayor premier ambassador envoy leader chairman chairwoman chair director general commander
    official officer chief candidate nominee king queen prince pope judge prosecutor
    lawmaker congressman congresswoman representative speaker advisor adviser aide negotiator
    diplomat commissioner attorney founder ceo executive economist analyst professor author
    businessman businesswoman billionaire republican democrat lawyer councillor councilor
    councilman councilwoman alderman sheriff bishop constable inspector superintendent detective
    """
)

# Titles written before a name: "Foreign Minister Sergei Lavrov", "Gov. Mike Pence".
TITLE_WORDS = _words(
    """
    president chancellor minister secretary senator sen governor gov mayor premier ambassador
    envoy leader chairman chairwoman general gen commander chief king queen prince princess
    pope judge justice prosecutor representative rep speaker vice deputy prime foreign defense
    defence interior finance foreign economy state former acting first lady mr mrs ms dr
    sir lord dame rev reverend attorney spokesman spokeswoman spokesperson press adviser advisor
    aide candidate nominee democratic republican democrat gop presidential vice-president
    vice-presidential congressman congresswoman lt col capt sgt adm admiral colonel captain
    lieutenant sergeant major commissioner director executive ceo founder professor prof
    high foreign-policy national security council head councillor councilor councilman
    councilwoman alderman alderwoman sheriff bishop archbishop cardinal rabbi imam constable
    inspector superintendent detective assistant
    """
)

HONORIFICS = _words("mr mrs ms dr sir dame lord rev")

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Words in a name that make it an organisation rather than a person.
ORG_WORDS = _words(
    """
    party ministry council commission committee department agency union association institute
    university college court parliament congress senate house office bank corporation corp inc
    ltd group company news times post journal tribune herald guardian telegraph gazette review
    press network channel radio television tv agency foundation fund organization organisation
    alliance coalition federation board bureau service services administration government army
    navy force forces police campaign center centre club league church school hospital
    assembly cabinet kremlin pentagon nato un eu opec who imf reuters ap afp bloomberg cnn bbc
    msnbc fox npr abc cbs nbc politico axios daily weekly magazine zeitung allgemeine spiegel
    monde figaro pravda tass ria interfax xinhua isw institute times-picayune globe
    authority authorities research air lines airlines airways chemicals holdings industries partners
    capital energy technologies labs systems solutions logistics shipping airport railways
    railway insurance securities investments media studios unit watch initiative movement
    front bloc caucus mission embassy consulate commission tribunal prosecutors office
    parents residents workers group collective trust society museum museums gallery library wire
    semiconductor semiconductors motors electronics pharmaceuticals steel autoport terminals
    academy
    """
)

# Outlets that can stand as the channel a statement was reported through.
OUTLET_WORDS = _words(
    """
    news times post journal tribune herald guardian telegraph gazette review press network
    channel radio television tv zeitung allgemeine spiegel monde figaro pravda tass ria interfax
    xinhua reuters ap afp bloomberg cnn bbc msnbc fox npr abc cbs nbc politico axios daily
    weekly magazine social media x twitter facebook telegram truth instagram youtube
    """
)

# Cues whose bare object is an act, not speech ("rejected the plan", "demanded a ransom"):
# they count only with "that", a quotation or a colon.
CLAUSE_ONLY_CUES = _words(
    """
    rejected rejects threatened threatens expected expects denies denied demanded demands
    wants wanted hoped hopes proposed proposes declared declares observed observes
    endorsed endorses pledged pledges claim written reporting repeated repeats charged charges
    promising rules attacks comments ruled posted posts tell maintained maintains
    """
)

# Verbs that as often take a plain object ("claimed victory", "called the vote", "found PFAS"):
# without "that" or a quotation they count only when a clause follows.
OBJECT_CUES = _words(
    """
    called calls asked asks found finds showed show shows described describes declared declares
    defended defends agreed agrees claimed claims warned warns announced announces predicted
    predicts confirmed confirms vowed vows threatened wanted rejected observed
    conceded concedes conceding know knows knew
    """
)


# ---------------------------------------------------------------------------------------------
# Word lists of one family of rules each. Every set has a comment on what it is for.

# --- quotes: cues, speakers, attribution (used by _quotes.py and _text.py) ---

# Abbreviations whose final period does not end a sentence ("Gov. Pence", "U.S. officials").
ABBREVIATIONS = _words(
    """
    mr mrs ms dr gov sen rep gen lt col capt sgt st jr sr prof rev hon mt ft no vs etc inc corp
    co ltd jan feb mar apr aug sept sep oct nov dec pres sec dept u.s u.n u.k e.u d.c a.m p.m
    e.g i.e approx est adm cmdr maj pvt atty supt assn univ
    """
)

# Words right after "…?" Trump said that keep the quotation and its cue one sentence: "said on
# Monday", "said later".
AFTER_CUE_ADJUNCT_OPENERS = _words("on in at during to after before then later")

# Prepositions that open an adjunct after a cue ("said on Monday", "told Fox in an
# interview") and end a speaker phrase read rightwards ("said Putin at a briefing").
ADJUNCT_PREPOSITIONS = _words("on in at during to with from via before after over through for by")

# Prepositions that open no reported words after a cue ("complained about the scene",
# "reported on the offer"): what follows is a topic or a circumstance, not content.
OPENING_PREPOSITIONS = ADJUNCT_PREPOSITIONS | _words("about of as into against upon")

# Auxiliaries before a passive "quoted": "X was quoted as saying …".
PASSIVE_AUXILIARIES = _words("is was were are been be has have had")

# Words of time that may follow "…," X said without being more content.
TIME_ADJUNCT_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | _words(
        """
        today yesterday tonight morning evening afternoon night week month year earlier later
        last this next recently then again too afterward afterwards
        """
    )
)

# A span of time that may stand between a subject and its cue ("Regulators this month said",
# "The council last week said") and that is never a speaker itself.
TIME_NOUNS = _words("day days week weeks month months year years weekend morning afternoon evening")
TIME_DEICTICS = _words("this last next each every")

# What shows something without saying it, whose finding is reported as its words: "a new poll
# shows the mayor leading", "court records showed payments to the firm".
SHOWING_CUES = _words("show shows showed")
EVIDENCE_NOUNS = _words(
    """
    poll polls polling survey surveys study studies data records record results figures numbers
    analysis analyses filings emails documents report reports video footage photos images average
    transcript slide
    """
)

# Words kept from FUNCTION_CAPS (where they mark page furniture: "Video:", "Sources:") that
# still end a speaker's phrase before a cue: "Sources say …", "Video shows …".
CAPPED_SPEAKER_NOUNS = _words("video source sources")

# What "called X …" may call someone without quotation marks: a noun with "a"/"an" or an
# adjective by its ending ("called the charges unfounded", "called the plan dangerous").
OBJECT_PRONOUNS = _words("him her them it me us")
PREDICATE_ENDINGS = ("ed", "ous", "ful", "ible", "able", "ive", "ic", "ist", "ant", "ent", "less")

# Verbs of knowing, a claim only when someone knows that something is so (not "don't know",
# not "knew whether …").
KNOWING_CUES = _words("know knows knew")

# Cues whose content may be the question put: "a reporter asked whether the deal was dead".
QUESTION_CUES = _words("asked asks ask asking wondered wonders questioned questions")

# Verbs of endorsing, whose content is whom or what they back: "the paper endorsed Mrs. Berg".
ENDORSING_CUES = _words("endorse endorses endorsed endorsing")

# Auxiliaries of a cue in -ing: "The White House is saying that …", "He isn't saying".
PROGRESSIVE_AUXILIARIES = _words("is are was were am be been isn't aren't wasn't weren't 's")

# Nouns in -ly, which are no adverbs between a subject and its cue ("the Berg family said").
LY_NOUNS = _words("family ally assembly supply rally monopoly anomaly reply bully belly jelly lily")

# Words that open the topic an utterance was about: '"…," Grassley said of the offer.'
TOPIC_PREPOSITIONS = _words("in during at of about regarding concerning")

# Conjunctions after "…," X said that open a clause of their own, not more content.
SUBORDINATORS = _words("when while as after before because since though although")

# The addressees of "told", "asked": "told reporters", "assured supporters".
ADDRESSEE_WORDS = _words("reporters journalists me us him her them supporters lawmakers")

# Words after '"…," she said,' that open something other than the quotation's second part.
NOT_CONTINUATION_WORDS = _words("who which whose while when as and but because if adding noting")

# Labels before a colon at the start of a line that name no speaker ("UPDATE:", "Photo:").
NOT_TURN_LABELS = _words(
    """
    update updated note editor watch read related photo video source sources transcript breaking
    exclusive live analysis opinion q a warning correction clarification question answer example
    the latest contributing contributor contributors byline by email e-mail twitter facebook
    instagram follow boom revealed wow look bombshell stat paid notice deaths pledged photos
    """
)

# Cues of belief: "Stacy Baker says she thinks Cruz can win" is one statement, not two.
BELIEF_CUES = _words(
    """
    think thinks thought believe believes believed feel feels felt hope hopes hoped fear fears
    feared expect expects expected know knows knew want wants wanted
    """
)

# Words that open the question in "when asked by a reporter if …".
ASKED_QUESTION_WORDS = _words("if whether which what how why who when where about")

# Pronouns that open a clause of their own after a cue ("said he came to see that …") and
# that, as the speaker of a belief cue, make it part of the statement around it.
CLAUSE_SUBJECT_PRONOUNS = _words("he she they we i")

# Pronouns that stand alone as the subject after an inverted cue ("…," said he).
INVERTED_SUBJECT_PRONOUNS = PRONOUNS_ALL - _words("who which it")

# Numbers in a share of those asked: "three in 10 said".
COUNTING_WORDS = _words("one two three four five six seven eight nine ten")

# Words before such a share: "about three in 10 said".
APPROXIMATORS = _words("about some nearly almost roughly only just over under fewer more")

# Words that open an apposition between a speaker and the cue ("Peskov, the Kremlin spokesman,").
APPOSITION_OPENERS = _words("who which whose the a an its his her their one")

# Forums one tells something to, which are no outlet: "told the Bundestag", "told the court".
FORUM_WORDS = _words(
    """
    court tribunal parliament bundestag senate congress assembly committee council commission
    jury inquiry hearing board summit conference meeting delegates lawmakers commons lords
    cabinet panel
    """
)

# Words after which a named addressee can only be a channel: "in an interview with …".
INTERVIEW_WORDS = _words("interview speaking talking spoke speaks interviewed")

# Verbs that name something in the speaker's words: 'called the merger "a terrible deal"'.
NAMING_CUES = _words(
    """
    call calls called calling describe describes described describing dub dubs dubbed dubbing
    brand brands branded branding label labels labeled labelled labeling
    """
)

# Verbs that ask someone to act, with the act as what is said: "called on the board to open
# talks", "urged China to press harder".
APPEAL_CUES = _words("call calls called calling urge urges urged urging")

# Words that open the clause nearest a colon, whose subject owns the quotation after it.
COLON_CLAUSE_OPENERS = _words("that and but so because when while")

# Words skipped at the start of a clause that introduces a quotation with a colon.
COLON_INTRO_SKIP = _words("as in the words of but and yet so then")

# Things whose words a colon introduces without anyone saying them ("The banner read:").
INSCRIPTION_NOUNS = _words(
    """
    sign signs banner banners headline headlines poster posters placard placards slogan slogans
    title motto label text inscription caption
    """
)

# Words left lower-case inside a title in quotation marks ("Meet the Press").
TITLE_SMALL_WORDS = _words("a an the of and in on for to at with")

# Words that open a clause "according to X" interrupts: "because, according to Trump, …".
PARENTHETICAL_OPENERS = _words("because that and but while although though since so when if")

# Cues that are as often plural nouns ("initial reports", "his comments").
NOUN_LIKE_CUES = _words(
    """
    reports tweets fears comments remarks claims questions charges states calls promises demands
    notes hopes posts warnings threats shows findings protests
    """
)

# Words before a cue that make it a noun: "a warning", "his remarks".
NOUN_MARKERS = _words(
    "a an the his her its their our my your this these those no any every each another such"
)

# Conjunctions and adverbs that open a sentence before its subject or content: "But he said".
LEADING_CONJUNCTIONS = _words("but and yet so then also still")

# Documents a speaker issues: "a statement from her ministry", "issued a statement saying".
DOCUMENT_NOUNS = _words("statement release letter memo note post tweet tweets message")

# Channels that, like documents, come from someone: "according to a report by …".
CHANNEL_NOUNS = _words("report filing transcript announcement press briefing")

# What "according to" may name that says nothing by itself: a record, a figure, a file. Its
# author speaks ("files released by the court"); without one it is no quote.
RECORD_NOUNS = _words(
    """
    document documents record records data figures figure statistics tally count counts census
    estimate estimates model models plan plans index resolution resolutions files file map maps
    chart charts schedule rules law laws terms guidelines filings
    """
)

# Works with an author, who speaks for them when named: "a biography of the president by X".
AUTHORED_NOUNS = _words(
    "biography book books study studies survey surveys poll polls analysis review research"
)

# Verbs by which someone issues a document: "Black Lives Matter issued a statement saying …".
ISSUING_VERBS = _words("issued released sent posted published tweeted wrote put")

# Auxiliaries that make a bare complement a clause ("said the talks would resume").
AUXILIARIES = _words(
    """
    would will could can should must had has have was were is are did does do may might shall
    's \u2019s won't can't didn't wasn't isn't
    """
)

# Pronouns that open a clause, so that "that" before them is a conjunction, not a determiner.
CLAUSE_START_PRONOUNS = _words("he she they it we i you there this")

# Adverbs of place and time between a subject and its cue: "Campaign workers here said …".
SUBJECT_CUE_ADVERBS = _words("today yesterday tonight here there too also")

# Words opening a sentence whose first clause names the channel: "Speaking to The Times, …".
CHANNEL_FIRST_OPENERS = _words("speaking in writing talking interviewed")

# Words after which an outlet may be named: "told Fox News", "on Truth Social", "via X".
CHANNEL_LINKS = _words("on to with in via told")

# --- red lines: demands, refusals, conditions and their holders (used by _redlines.py) ---

# Verb stems a refusal negates: "will not accept", "never sign", "refuses to budge".
REFUSED_VERB_STEMS = (
    "accept", "sign", "agree", "allow", "tolerat", "negotiat", "pay", "move", "discuss", "return",
    "support", "back", "approv", "recognis", "recogniz", "withdraw", "give", "hand", "cede",
    "surrender", "compromis", "budge", "overpay", "join", "sit", "govern", "ratif",
    "consider", "trad", "permit", "lift", "host", "expand", "stand", "talk", "drop", "leave",
    "retreat",
)  # fmt: skip

# What "refused to …" does without holding a position: keeping silent ("refused to comment")
# or staying put ("refused to leave their homes"), an act the story narrates.
NOT_HELD_REFUSALS = (
    "comment", "elaborate", "confirm", "say", "speculate", "disclose", "respond", "answer",
    "be named", "be identified", "give details", "give his name", "give her name",
    "give their name", "leave", "go home", "get out", "disperse", "evacuate",
)  # fmt: skip

# Words allowed between a negation and its verb: "will not simply accept", "would never be
# able to sign" (adverbs in -ly too); an object between them makes it no refusal.
NEGATION_GAP_WORDS = (
    "ever", "even", "just", "be", "able", "to", "try", "again", "also", "now", "yet", "agree to",
    "want to",
)  # fmt: skip

# Outcomes that make "expects the talks to fail" a forecast rather than a demand.
FORECAST_VERBS = (
    "fail", "succeed", "pass", "win", "lose", "rise", "fall", "grow", "increase", "decrease",
    "last", "happen", "arrive", "reach", "come", "become", "be", "remain", "take", "slow",
    "recover", "collapse", "end", "drag",
)  # fmt: skip

# Those who can act on a demand: "expected the ministry to …" holds the ministry to it.
ACTING_NOUNS = (
    "government", "ministry", "minister", "council", "board", "authority", "authorities",
    "company", "union", "city", "state", "court", "commission", "agency", "regulator", "operator",
    "employer", "bank", "party", "parliament", "mayor", "administration", "management", "owner",
    "owners", "police", "president", "chancellor", "premier", "leader", "cabinet", "officials",
    "lawmakers", "members", "workers", "staff", "side", "sides", "countries", "allies", "region",
)  # fmt: skip

# Verbs of asking someone to act, by stem: "asked the board to …", "urges Oslo to …".
ASKING_VERB_STEMS = ("ask", "urg", "press", "call on", "call upon", "order", "instruct", "tell")

# Objects after which "asked … to" is no demand: "told reporters to", "asked him to".
NOT_ASKED_OBJECTS = ("him", "her", "me", "us", "reporters", "journalists", "to")

# The public, when asked to do something: "police urged residents to stay indoors",
# "officials asked people to avoid travel" is advice or a warning, not a red line someone holds
# against another party.
PUBLIC_ADDRESSEES = (
    "residents", "people", "the public", "members of the public", "the population", "motorists",
    "drivers", "travellers", "travelers", "commuters", "passengers", "consumers", "customers",
    "shoppers", "users", "viewers", "listeners", "readers", "fans", "followers", "supporters",
    "parents", "families", "homeowners", "visitors", "tourists", "anyone", "everyone",
    "everybody", "locals", "pedestrians", "swimmers", "voters",
)  # fmt: skip

# Verbs that report what someone said had to be: "Peskov said any settlement had to …".
REPORTING_MUST_VERBS = ("insisted", "argued", "stressed", "maintained", "wrote", "noted")

# Adjectives after "must be" and "should be" that say what is surely so or advise, not what is
# required of someone: "the grief must be terrible", "you must be joking", "should be aware".
EPISTEMIC_ADJECTIVES = (
    "terrible", "awful", "hard", "difficult", "painful", "devastating", "true", "right", "wrong",
    "joking", "kidding", "nice", "great", "tough", "horrible", "frightening", "scary", "strange",
    "tempting", "exhausting", "heartbreaking", "possible", "aware",
)  # fmt: skip

# Words opening the object of an asking verb: "asked the board", "urged all sides".
ASKED_OBJECT_DETERMINERS = ("the", "a", "an", "its", "their", "his", "her", "all", "every", "both")

# What "asked X for …" may ask without demanding anything: "asked him for comment".
NOT_DEMANDED_REQUESTS = ("comment", "details", "help", "more time")

# Threats held by their subject, by stem: "the union would strike if …", "will sue if …".
THREAT_VERBS = (
    "strike", "walk out", "walk away", "sue", "quit", "resign", "retire", "boycott", "retaliat",
    "withdraw", "pull out", "suspend", "stop", "shut", "close", "cut", "freeze", "halt", "block",
    "veto", "leave", "take legal action", "go to court", "impose", "expel", "sanction", "cancel",
    "terminate", "abandon", "escalat", "blockade", "occupy", "be off the table", "face",
    "be met with", "respond strongly", "respond firmly", "respond forcefully", "respond decisively",
    "respond militarily", "respond with force", "take appropriate action",
    "take disciplinary action",
)  # fmt: skip

# Copulas that make "expected to", "asked to" a passive that no one holds: "is expected to".
PASSIVE_COPULAS = ("is", "are", "was", "were", "be", "been", "being")

# Words opening a clause that states a hypothesis, not a demand: "If the talks fail, …".
HYPOTHESIS_OPENERS = ("if", "whether", "when", "should", "were", "had")

# Verbs of asking a question: "asked whether …" holds no one to anything.
QUESTION_VERBS = ("asked", "asking", "asks", "wondered", "wonder", "ask")

# Words opening an indirect question: "asked whether", "wondered why".
QUESTION_WORDS = ("whether", "if", "why", "how", "what")

# Verbs after "must" that weigh a choice rather than demand one: "must now decide".
DELIBERATION_VERBS = ("decide", "choose", "consider", "weigh", "determine")

# Conjunctions of a clause that only says when or why: "… on Wednesday after the river …".
CIRCUMSTANCE_CONJUNCTIONS = ("after", "because", "since", "while", "as", "when", "before")

# Words a clause's subject starts with: "after the river rose", "because they".
SUBJECT_START_WORDS = ("the", "a", "an", "its", "their", "his", "her", "it", "they", "he", "she")

# Nouns for a plan, whose author holds its terms: "under the Norwegian plan".
PLAN_NOUNS = (
    "plan", "framework", "proposal", "draft", "offer", "terms", "rule", "agreement", "deal",
)  # fmt: skip

# Organisations a sentence's subject can stand for: "The union refused …" (the union named).
GROUP_SUBJECT_NOUNS = (
    "group", "union", "party", "company", "firm", "authority", "council", "court", "commission",
    "ministry", "bank", "museum", "fund", "board", "government", "alliance", "airline", "agency",
    "regulator", "cabinet", "city", "region",
)  # fmt: skip

# Organisations a whole subject phrase can be: "the board demands that …".
SUBJECT_GROUP_NOUNS = (
    "board", "company", "firm", "group", "union", "party", "authority", "council", "court",
    "commission", "ministry", "bank", "museum", "fund", "alliance", "airline", "agency",
    "regulator", "government", "campaign", "front",
)  # fmt: skip

# Words allowed between a subject and its verb: "Oslo would not …", "Reykjavik flatly refused".
SUBJECT_VERB_GAP_WORDS = (
    "would", "will", "had", "has", "have", "also", "then", "again", "still", "flatly", "now",
    "could", "did", "does", "do", "is", "are", "was", "were",
)  # fmt: skip

# Words opening a clause of its own inside a sentence: "…, after Reykjavik refused to …".
CLAUSE_OPENERS = (
    "after", "because", "since", "when", "while", "as", "although", "though", "but", "and",
)  # fmt: skip

# Verbs of plain saying after which "and" opens the speaker's second act: "The council said it
# was vital that … and called on all states to …" (not "claimed the attack and demanded").
PLAIN_SAYING_VERBS = ("said", "says", "told", "stated", "added", "declared", "warned")

# Verb stems by which a subject holds the demand itself: "The council demands that …".
HOLDING_VERB_STEMS = (
    "demand", "insist", "ask", "call", "urg", "propos", "want", "expect", "refus", "press", "push",
    "lobb", "order", "requir", "reject", "oppos", "vow",
)  # fmt: skip

# Modals and negations by which a subject holds a refusal: "The federation will not …".
HOLDING_MODALS = (
    "will", "would", "shall", "won't", "cannot", "can't", "can", "could", "do", "does", "did",
    "never", "not",
)  # fmt: skip

# Words that make the phrase before a verb no subject: pronouns, conjunctions, verbs, modals.
NOT_SUBJECT_WORDS = _words(
    """
    it he she they we i you this that there which who what if when while but and because so
    is are was were has have had be been said says also would will could should may might
    must can not no
    """
)

# Words opening a time phrase before the subject: "On Monday the union …", "by then the …".
TIME_LEAD_PREPOSITIONS = ("on", "last", "this", "by", "in", "early", "late")

# Adverbs of time before the subject: "Yesterday the board …", "Meanwhile Oslo …".
TIME_LEAD_ADVERBS = ("yesterday", "today", "meanwhile", "earlier", "later", "now", "then")

# Nouns whose possessive names a plan's author: "the ministry's plan".
OWNER_NOUNS = _words(
    """
    ministry government council board union commission company committee party agency
    authority bank cabinet presidency employers federation association
    """
)

# Verbs by which someone puts a plan forward: "Oslo drafted the plan", "has drawn up terms".
AUTHORING_VERBS = (
    "drafted", "drawn up", "drew up", "put", "presented", "sent", "proposed", "tabled", "offered",
    "published", "unveiled", "submitted", "prepared", "made",
)  # fmt: skip

# What is put forward: "presented a framework", "tabled its offer".
PUT_FORWARD_NOUNS = ("plan", "framework", "proposal", "draft", "offer", "terms")

# Words that cannot start a second coordinated demand: "…, and the …" joins objects.
NOT_VERB_WORDS = _words(
    """
    the a an its his her their our no any all of for to in on at by with from as that this these
    those one two three it he she they we i more less some most other such which who when if
    then so both either neither not also today ever now yet again still too once here there
    even just unless until if because although though while whereas provided except but or nor
    so whatever wherever when where including among through therefore however thus hence
    against within without across after before during despite about above below between into
    onto over upon toward towards via per like than plus
    """
)

# Verbs that start a second demand after a comma: "…, and must …", "…, keep …".
SECOND_DEMAND_VERBS = ("must", "will", "would", "should", "may", "can", "make", "keep")

# Prepositions repeated for a second condition: "conditional on A and on B".
REPEATED_PREPOSITIONS = ("on", "to", "for", "from", "by")

# --- events: happenings and their dates (used by _events.py) ---

# Number words in a stretch of time: "two weeks ago", "in a month".
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

# Words before a date that put it ahead: "will meet on Monday", "is due by March".
# Days of the calendar named, not numbered (month, day): "on New Year's Eve".
HOLIDAYS = {
    "New Year's Eve": (12, 31), "New Year\u2019s Eve": (12, 31), "New Year's Day": (1, 1),
    "New Year\u2019s Day": (1, 1), "Christmas Eve": (12, 24), "Christmas Day": (12, 25),
    "Boxing Day": (12, 26), "Bastille Day": (7, 14), "Fourth of July": (7, 4),
    "Valentine's Day": (2, 14), "Valentine\u2019s Day": (2, 14), "Halloween": (10, 31),
}  # fmt: skip

FUTURE_CUES = (
    "will", "shall", "is due", "are due", "is scheduled", "are scheduled", "scheduled",
    "is expected", "are expected", "is forecast", "are forecast", "forecast for", "is set to",
    "are set to", "plan to", "plans to", "upcoming", "starting", "would be", "would meet",
    "would start", "would begin", "would open", "deadline", "expire", "expires", "resume",
    "resumes", "meets", "opens", "begins", "closes", "must", "should", "plan", "plans", "aim to",
    "aims to", "hope to", "hopes to", "intend to", "intends to", "want to", "wants to", "target",
    "targets",
)  # fmt: skip

# Words before a date that put it behind: "said on Monday", "was held in March".
PAST_CUES = (
    "said", "was", "were", "had", "did", "ago", "told", "led", "held", "met", "made", "took",
    "gave", "went", "came", "began", "sold", "bought", "won", "lost", "left", "fell", "rose",
    "broke", "brought", "sent", "spent", "struck", "threw", "saw", "wrote", "kept", "paid",
    "ran", "shot", "became", "chose", "drew", "flew", "grew",
    "knew", "spoke", "stood", "swore", "thought", "tore", "withdrew", "woke", "upheld",
)  # fmt: skip

# Participles in -ed that still look ahead: "scheduled for Monday", "expected in March".
NOT_PAST_PARTICIPLES = _words("scheduled expected planned due set slated timed proposed")

# Conjunctions that open a subordinate clause, dropped from the event they introduce: "…
# comes after <the council voted on Monday>".
CLAUSE_SUBORDINATORS = (
    "after", "before", "because", "while", "unless", "although", "though", "whereas", "once",
    "when", "as", "since", "until",
)  # fmt: skip

# Relative pronouns whose clause is about the noun before them: "Qualcomm, which last week …".
CLAUSE_RELATIVES = ("which", "who", "whom", "whose", "where")

# Words that end a noun phrase read leftwards from a relative pronoun ("siding with Qualcomm,
# which …"): prepositions, conjunctions and the commonest verbs.
NOT_IN_ANTECEDENT = _words(
    """
    with on to for from in at by into onto over under about against between among than and or of
    but that as is are was were be been has have had said says told says do does did
    """
)

# Words that open an adverbial at the head of a sentence ("In August, …", "Last week, …").
ADVERBIAL_OPENERS = _words(
    """
    in on at by during last earlier later early late this next since until from after before
    over around about
    """
)

# Words that open a phrase set off by commas between a subject and its verb ("Mike Mullen,
# a former chairman of …, said").
APPOSITIVE_OPENERS = _words("the a an his her its their our nearly who which whose whom both")

# Verbs of deciding that, like cues, take what was decided as a clause: "ordered that …".
REPORTING_VERBS = _words("ordered orders ruled rules decided decides determined fact")

# Helpers opening a second verb with its own date: "closed on 3 September and will reopen".
SECOND_VERB_HELPERS = (
    "will", "would", "is", "are", "was", "were", "has", "have", "had", "could", "should", "may",
    "might", "must", "plan", "plans", "expect", "expects", "hope", "hopes",
)  # fmt: skip

# --- actors: names, titles, roles and the registry (used by _actors.py and _analyse.py) ---

# The nouns of a company's name after its distinctive word ("Harwell Chemicals"), which the
# text then shortens to that word; public bodies ("Northfield District Court") are not here.
BUSINESS_NOUNS = _words(
    """
    chemicals group holdings securities motors airlines airways semiconductor semiconductors
    industries pharmaceuticals energy systems technologies partners capital foods brewing
    shipping logistics mining steel petroleum telecom
    """
)

# Plural nouns after a demonym that make the country the actor ("Russian officials").
GROUP_NOUNS = _words(
    """
    authorities officials government side forces military troops army leadership administration
    delegation diplomats negotiators ministry embassy officers regime
    """
)

# Nouns for a place whose name follows "of" ("the city of Ramallah"): a setting, no actor.
SETTLEMENT_WORDS = _words("city town village capital province region district county suburb")

# An institution's last word, which lets "and" join the words before it into one name
# ("Securities and Exchange Commission", "Food and Drug Administration").
BODY_WORDS = _words(
    """
    commission committee administration agency department bureau board council authority
    institute service services office association foundation
    """
)

# Descriptions written before a name like a title, which are no part of it ("Actress Uma
# Thurman", "Roc Nation COO Desiree Perez", "Chief Executive Officer Hock Tan").
DESCRIPTOR_TITLES = _words(
    """
    actress actor singer rapper songwriter musician filmmaker producer writer novelist poet
    artist comedian model officer coo cfo cto cmo vp svp evp exec counsel historian analyst
    economist teen teenager activist campaigner coach player striker guard forward driver
    star journalist reporter photographer columnist editor publisher entrepreneur investor
    businessman businesswoman billionaire magnate mogul tycoon lawyer attorney doctor nurse
    scientist researcher scholar expert strategist pollster lobbyist owner partner
    """
)

# Adjectives that open a run of capitals without being part of the name ("Current Qualcomm
# executives"); words ending in "-based" are dropped the same way ("Singapore-based Broadcom").
LEADING_DESCRIPTORS = _words(
    "current embattled rival fellow veteran longtime top then-president then-candidate even"
)

# Possessive words inside a name, which the name goes on after: "Democratic People's Republic
# of Korea", "Korean People's Army", "Workers' Party".
POSSESSIVES_IN_NAMES = _words("people workers")

# Short organisation words that count only written in capitals ("UN", not "Un" in "Kim Jong Un").
ACRONYM_ORG_WORDS = _words("un eu who imf ap afp cnn bbc npr abc cbs nbc tv isw ria")

# A company's legal form after its name ("Equifax Inc.", "Broadcom Ltd"): the name without it
# is the same company.
COMPANY_SUFFIXES = _words("inc ltd corp co plc llc nv ag sa gmbh lp llp")

# Capitalised words that are never a name on their own ("I", "OK", "TV").
NOT_NAMES = _words("i i’m i'm ok okay tv mp mps covid ceo")

# Lower-case particles inside a name ("Ursula von der Leyen", "Bank of England").
NAME_PARTICLES = _words("of for de von van al bin der la le du da den ter")

# Particles that join two capitalised words into one name ("Charles de Gaulle", "Bank of X").
JOINING_PARTICLES = _words("of for de von van al bin der la le du")

# Words that end a name run after a title ("Sen. Warren"): their period is not a full stop.
ABBREVIATED_TITLES = HONORIFICS | _words("gov sen rep gen lt dr st jr")

# Words after which the next word is a title's object: "President of Russia".
OF_WORDS = _words("of for")

# Words a title's object may still hold after its head: "Secretary of State", "for Foreign Affairs".
TITLE_OBJECT_WORDS = TITLE_WORDS | _words("affairs state")

# Titles strong enough to split a run: "European Commission President Ursula von der Leyen".
STRONG_TITLES = _words(
    """
    president chancellor minister secretary senator governor mayor premier ambassador envoy
    spokesman spokeswoman spokesperson chairman chairwoman chair chief director commissioner ceo
    judge general leader king queen pope prosecutor mr mrs ms dr sen gov rep
    """
)

# Words in a name that make it a place, not an actor ("Old Market Street", "Lowmere Valley").
PLACE_WORDS = _words(
    """
    street road avenue square bridge river sea ocean lake mountain mountains valley airport
    station harbour harbor port bay island islands park district quarter plaza boulevard lane
    one two
    """
)

# First words of a place's name, never of a person's ("New York", "North America", "West Bank").
PLACE_OPENERS = _words(
    """
    new north south east west northern southern eastern western central upper lower greater
    mount lake port fort san santa
    """
)

# Last words of the name of an event, a holiday, a law or a work, never of a person's
# ("New Year", "Winter Games", "Korean War", "Grammy Awards", "Fair Credit Reporting Act").
WORK_AND_EVENT_WORDS = _words(
    """
    year day days eve games olympics war wars awards award prize festival cup championship
    championships act bill law treaty accord accords agreement doctrine plan summit conference
    forum week weekend
    """
)

# Weekdays and months that end a run of capitals without being part of the name ("North
# Korea Friday"); not "May", "June" or "August", which are also names.
DATE_NAMES = frozenset(WEEKDAYS) | _words(
    "january february march april july september october november december"
)

# The word before a two-word run that keeps it from being a person ("the Royal Society").
NOT_BEFORE_PERSON = _words("the a an of in at near from into outside across inside")

# Words before a name that make it a location rather than an actor ("talks in Geneva").
LOCATIVE_WORDS = _words("in at near from to into outside across around through via inside")

# Words before a name that make it a region of a place ("southern France").
REGION_WORDS = _words(
    """
    northern southern eastern western central northeastern northwestern southeastern
    southwestern mainland
    """
)

# Determiners before a name used as a modifier ("a Georgia man", "its U.S. rival"): the
# name is what a thing belongs to, not someone acting.
MODIFIER_DETERMINERS = _words("a an its their his her our")

# Words before a lone name that make it a place, never a person ("grew up in Lindmark").
IN_PLACE_WORDS = _words(
    "in at near outside inside into across around throughout visited visiting toured"
)

# Words before a name that make it an object, a weaker antecedent ("briefed by Witkoff").
OBJECT_WORDS = _words(
    """
    by with to from for about against than told asked urged thanked met called accused
    criticised criticized praised warned visited invited briefed phoned
    """
)

# Institutions that are never "the firm" or "the company".
INSTITUTION_WORDS = (
    "court", "council", "authority", "ministry", "government", "parliament", "commission",
    "police", "agency", "department", "office", "union", "party",
)  # fmt: skip

# Words a title holds for men and for women ("Mr", "Queen"): the bearer's pronoun.
MALE_TITLES = _words("mr sir lord king prince")
FEMALE_TITLES = _words("mrs ms dame queen princess lady")

# Verbs of "Birte Sand, who leads the dockers' union,", by stem, and the role each gives.
LEAD_ROLES = {
    "lead": "leader", "head": "head", "chair": "chair", "run": "head", "direct": "director",
    "manage": "manager", "represent": "representative",
}  # fmt: skip

# Words that open a role phrase standing for someone ("the minister", "its spokesman").
ROLE_DETERMINERS = _words("the a an this that its his her their")

# Words before a role that make it a lesser one: "the president" is not the vice president.
LESSER_ROLE_WORDS = _words("vice deputy former ex assistant acting junior press")

# Possessives that open a role phrase starting a sentence ("The chancellor was unmoved.").
ROLE_SUBJECT_OPENERS = _words("the his her its their")

# Newspaper words that, ending an organisation's name, make it an outlet ("Meridian Post").
NEWSPAPER_WORDS = _words(
    """
    post times news journal tribune herald gazette ledger dispatch courier chronicle observer
    wire telegraph guardian review daily weekly magazine reuters ap afp bloomberg
    """
)

# What a newspaper publishes: "the article said" is the newspaper named in the story.
PUBLICATION_NOUNS = _words("article story report paper newspaper daily times")

# Pronouns that stand for a person speaking ("he said", "we will").
PERSON_SPEAKER_PRONOUNS = _words("he she i we him her")

# Pronouns that stand for an organisation, a country or a group ("it said", "they said").
GROUP_SPEAKER_PRONOUNS = _words("it they")

# Relative pronouns whose speaker is the name before the comma ("X, which says …").
RELATIVE_PRONOUNS = _words("who which")

# Words that open a relative clause after a name, which is no role ("X, who said …").
RELATIVE_OPENERS = _words("who which whose whom")

# Possessives that make a short phrase someone's people ("her aides", "his spokesman").
PERSON_POSSESSIVES = _words("his her")

# What someone issues and the phrase "the statement said" stands for: its author speaks.
ISSUED_NOUNS = _words(
    """
    statement letter memo note post tweet message report filing announcement account
    page feed website blog
    """
)

# People outside a body who are named after it: "NXP shareholders said" is the shareholders
# speaking, not the company.
OUTSIDER_GROUP_NOUNS = _words(
    """
    shareholders stockholders investors bondholders creditors customers clients users
    subscribers fans supporters voters residents passengers patients analysts critics
    """
)

# Social networks, whose name after another ends it: "the Harbour Lines Twitter account" is
# Harbour Lines' account, not someone called "Harbour Lines Twitter".
PLATFORM_NAMES = _words(
    "twitter facebook instagram youtube tiktok telegram whatsapp weibo wechat linkedin snapchat"
)

# Nouns "the X said" can mean for the organisation in view ("the board", "the union").
GROUP_SPEAKER_NOUNS = (
    "board", "company", "firm", "group", "union", "party", "authority", "council", "court",
    "commission", "ministry", "bank", "museum", "fund", "alliance", "airline", "agency",
    "regulator", "government", "campaign", "chipmaker", "carmaker", "automaker", "retailer",
    "lender", "insurer", "university",
)  # fmt: skip


# --- furniture: page furniture around the body text (used by _furniture.py) ---

# A line that is only one of these (any case, trailing punctuation aside) is a widget label.
FURNITURE_LINES = frozenset(
    (
        "photo", "photos", "video", "videos", "image", "images", "advertisement", "share",
        "close", "related", "read more", "more", "watch", "listen", "continue reading",
        "continue reading the main story", "scroll down for video", "gallery", "slideshow",
        "comments", "sponsored", "embed", "play video", "replay", "next", "previous",
    )
)  # fmt: skip

# A line opening with one of these (lower case) is a prompt, a link or a caption widget.
FURNITURE_OPENERS = (
    "advertisement continue reading", "continue reading", "read more:", "read more about",
    "read more here", "related:", "related stories", "related coverage", "related articles",
    "related content", "related video", "more:", "see also:", "watch:", "watch the video",
    "listen:", "read or share this story", "enlarge this image", "toggle caption",
    "hide caption", "slideshow (", "skip in skip", "share close", "just watched", "must watch",
    "sign up for", "sign up to", "sign up now", "subscribe to", "subscribe now",
    "you must select a newsletter", "keep up with this story", "we pay for your stories",
    "email us at", "click here", "share this", "share on", "follow us on",
    "like us on", "license for publishing",
    "registration number", "contact the reporter",
    "contact the author", "to contact the", "scroll down",
)  # fmt: skip

# The same, where only the capitals tell a widget from a sentence ("CLOSE", not "Close to").
FURNITURE_CASED_OPENERS = (
    "CLOSE ", "SHARE ", "VIDEO:", "PHOTOS:", "WATCH:", "READ MORE", "RELATED:",
)  # fmt: skip

# Phrases that make the whole line furniture wherever they stand in it.
FURNITURE_MARKERS = (
    "continue reading the main story", "replay more videos", "you must select a newsletter",
    "enter your email address", "thanks for subscribing", "toggle caption", "hide caption",
    "read or share this story", "scroll down for video", "a post shared by",
    "all rights reserved", "click to read", "click to watch", "click to see",
    "your browser does not support", "this video is not available",
)  # fmt: skip

# News agencies and picture desks as they sign a photograph ("Name/AP", "REUTERS/Name").
PHOTO_AGENCIES = (
    "AP", "AFP", "Reuters", "REUTERS", "EPA", "Getty", "Getty Images", "Bloomberg", "PA",
    "Xinhua", "Shutterstock", "Rex", "Rex Features", "Splash News", "Invision", "Sipa",
    "Anadolu", "Kyodo", "Yonhap", "TASS", "dpa", "ANSA", "NurPhoto", "Zuma", "ZUMA",
    "Associated Press", "AP:Associated Press", "Alamy", "Corbis",
)  # fmt: skip

# The networks a share bar lists before a caption: "Facebook Twitter Pinterest The crowd …".
SHARE_NETWORKS = _words("Facebook Twitter Pinterest LinkedIn WhatsApp Email Messenger Reddit Share")

# Labels that sign a picture: "Photograph: Ann Example/Agency", "Image copyright Agency".
CAPTION_LABELS = (
    "Photograph", "Photographer", "Photo", "Photos", "Picture", "Pictures", "Image", "Images",
    "Credit", "Illustration", "Video", "Source", "Photo illustration", "Image source",
    "Image copyright", "Image caption",
)  # fmt: skip

# Agencies that a dateline carries in brackets: "TOKYO (Reuters) -".
DATELINE_AGENCIES = (
    "AP", "AFP", "Reuters", "Bloomberg", "CNN", "Xinhua", "dpa", "UPI", "AP Photo", "TASS",
    "Kyodo", "Yonhap", "ANSA", "BBC", "IANS", "PTI", "RTTNews", "Sputnik", "Interfax", "Agencies",
)  # fmt: skip

# Credits that end a story: "(Reporting by …; Editing by …)", "… contributed to this report".
CREDIT_OPENERS = (
    "reporting by", "additional reporting by", "additional reporting from", "editing by",
    "writing by", "compiled by", "with assistance by", "with assistance from",
    "research by", "produced by", "graphics by", "edited by",
)  # fmt: skip

# Small words a Title Case headline leaves in lower case.
HEADLINE_SMALL_WORDS = _words(
    """
    a an the of in on for and to with at by from as or vs vs. nor but up into over via per
    is are be it its out off than that this after before about amid
    """
)


# --- confidence: the signs that a record is doubtful (used by _confidence.py) ---

# Irregular past tenses, so that a clause "began" or "fled" counts as told in the past.
CONFIDENCE_IRREGULAR_PAST = _words(
    """
    began became broke brought built came caught chose drew drove fell fled flew fought found
    gave got grew heard held hid kept knew led left lost made meant met paid ran rose sank saw
    sent shot sold spent spoke stood stole struck swore took taught thought threw told tore
    went won wrote
    """
)

# A record opening with one of these is a sub-clause or a phrase cut from its subject.
FRAGMENT_OPENERS = _words(
    """
    that which who whom whose when where while as after before since until because if and but
    or than so to of in on at by for with from near
    """
)

# Auxiliaries: a clause with one of them has a verb even without a past or present form.
AUXILIARY_VERBS = _words(
    """
    is are am be been being has have do does will would shall should can could may might must
    was were had did
    """
)

# After these an -ed word is a participle or an adjective, not a past tense: "must be signed".
NOT_BEFORE_PAST = _words("be been being is are to will would must should the a an")
