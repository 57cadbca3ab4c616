"""Word lists of the propositions stage, grouped by the rule that reads them.

Nothing here comes from one article: the lists are general English (derivational morphology, light verbs,
near-synonymous event predicates, anaphoric claim nouns, request-for-comment boilerplate).
"""

from __future__ import annotations

# fmt: off
# --- derive.nominal_verb: irregular nominalisations (the suffix rules cover the regular ones) -----------------
DERIVATIONS: dict[str, str] = {
    "acquisition": "acquire", "admission": "admit", "analysis": "analyze", "assistance": "assist",
    "bribery": "bribe", "collusion": "collude", "conclusion": "conclude", "death": "die", "decision": "decide",
    "defeat": "defeat", "defence": "defend", "defense": "defend", "delivery": "deliver", "denial": "deny",
    "description": "describe", "destruction": "destroy", "discovery": "discover", "entry": "enter",
    "erosion": "erode", "explosion": "explode", "extension": "extend", "failure": "fail", "forgery": "forge",
    "growth": "grow", "inclusion": "include", "interference": "interfere", "intervention": "intervene",
    "invasion": "invade", "involvement": "involve", "loss": "lose", "occupation": "occupy", "offense": "offend",
    "payment": "pay", "permission": "permit", "persuasion": "persuade", "production": "produce",
    "proposal": "propose", "provision": "provide", "pursuit": "pursue", "purchase": "purchase",
    "recovery": "recover", "reduction": "reduce", "response": "respond", "robbery": "rob", "sale": "sell",
    "seizure": "seize", "shipment": "ship", "submission": "submit", "suspension": "suspend", "theft": "steal",
    "threat": "threaten", "testimony": "testify", "transmission": "transmit", "victory": "win",
    "withdrawal": "withdraw", "expansion": "expand", "retention": "retain", "detention": "detain",
    "resignation": "resign", "election": "elect", "inflation": "inflate", "evasion": "evade",
}

# Nouns the suffix rules would read as events but that name things, places or people, not what happened.
NON_EVENT_NOUNS = frozenset({
    "administration", "apartment", "association", "billion", "coalition", "commission", "committee", "corporation",
    "department", "document", "element", "environment", "equipment", "federation", "foundation", "generation",
    "government", "information", "institution", "instrument", "million", "moment", "nation", "organization",
    "parliament", "population", "portion", "position", "question", "region", "religion", "section", "signal",
    "station", "statement", "comment", "union", "opinion", "building", "morning", "evening", "thing", "something",
    "nothing", "anything", "everything", "feeling", "meaning", "ceiling", "material", "official", "national",
    "general", "original", "individual", "potential", "capital", "criminal", "trial", "rival", "editorial",
    "nature", "future", "culture", "figure", "measure", "structure", "feature", "picture", "literature",
    "legislature", "signature", "procedure", "temperature", "adventure",
})

# Nouns zero-derived from verbs that name an event when they take an argument ("the ban on Muslims",
# "Russia's attack on Kyiv"); speech nouns are left out on purpose (see SPEECH_NOUNS).
ZERO_EVENT_NOUNS = frozenset({
    "abuse", "attack", "ban", "bid", "breach", "collapse", "crash", "cut", "deal", "defeat", "delay", "drop",
    "fall", "fire", "hack", "increase", "invasion", "kill", "launch", "leak", "murder", "purchase", "raid", "rise",
    "release", "rescue", "shift", "strike", "surge", "takeover", "transfer", "use", "veto", "visit", "vote", "win",
    "change", "return", "arrest", "plunge", "spike", "decline", "boycott",
})

# Speech-act and document nouns: "disparaging remarks", "a statement" are what was said, not what happened.
SPEECH_NOUNS = frozenset({
    "comment", "remark", "statement", "request", "question", "interview", "speech", "message", "letter", "tweet",
    "post", "note", "answer", "reply", "call", "word", "quote", "announcement", "address", "briefing",
    "conversation", "discussion", "talk", "email", "text", "memo", "document",
})

# --- frames.predicate_chain: verbs that carry a plan, attempt or phase of the event in their complement ----------
LIGHT_VERBS = frozenset({
    "plan", "intend", "want", "try", "seek", "begin", "start", "continue", "consider", "decide", "agree", "attempt",
    "expect", "aim", "prepare", "hope", "wish", "threaten", "refuse", "fail", "manage", "need", "have", "be",
    "go", "keep", "stop", "resume", "vow", "pledge", "promise", "offer", "move", "push", "help", "get",
})

# --- link.same_predicate: near-synonymous event predicates (one class per fact type) ---------------------------
PREDICATE_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"send", "deploy", "dispatch", "station", "despatch"}),
    frozenset({"attack", "strike", "bomb", "shell", "assault", "raid"}),
    frozenset({"kill", "murder", "assassinate", "slay"}),
    frozenset({"supply", "provide", "deliver", "ship", "give", "transfer", "sell", "arm"}),
    frozenset({"win", "beat", "defeat"}),
    frozenset({"lie", "mislead", "deceive"}),
    frozenset({"resign", "quit"}),
    frozenset({"support", "back", "endorse"}),
    frozenset({"ban", "bar", "prohibit", "block"}),
    frozenset({"leak", "disclose", "reveal", "release", "publish"}),
    frozenset({"hack", "breach"}),
    frozenset({"pay", "fund", "finance", "bankroll"}),
    frozenset({"collude", "coordinate", "conspire", "cooperate"}),
    frozenset({"invade", "occupy", "annex"}),
    frozenset({"withdraw", "pull", "retreat"}),
    frozenset({"meet", "talk"}),
    frozenset({"arrest", "detain", "jail", "imprison"}),
    frozenset({"rise", "increase", "grow", "climb", "surge", "jump"}),
    frozenset({"fall", "drop", "decline", "plunge", "slide", "decrease"}),
    frozenset({"build", "construct", "erect"}),
    frozenset({"fire", "sack", "oust"}),
    frozenset({"threaten", "warn"}),
    frozenset({"problem", "issue", "trouble", "glitch", "difficulty"}),
)

# --- frames.predicate_chain: adjectives of belief whose clause is the content ("he's satisfied that ...") ----------
BELIEF_ADJECTIVES = frozenset({
    "sure", "satisfied", "confident", "convinced", "certain", "aware", "clear", "obvious", "evident", "positive",
})
# --- frames.existential: quantity heads whose "of" phrase names what there is ("thousands of shootings") ---------
QUANTITY_HEADS = frozenset({
    "thousand", "hundred", "million", "billion", "dozen", "number", "lot", "lots", "plenty", "series", "wave",
    "string", "spate", "couple", "handful", "score", "scores",
})
# --- frames.plural_source: "a majority of voters said they ...": they = the voters ---------------------------------
PLURAL_SHARES = frozenset({
    "share", "majority", "minority", "plurality", "number", "percent", "%", "half", "third", "quarter", "fraction",
    "proportion", "most", "many", "some", "all", "lot",
})
# --- frames.anaphor_head: "the claims are true", "called the charges unsubstantiated" (with claims.lexicon.FALSITY) --
TRUTH_WORDS = frozenset({
    "true", "accurate", "correct", "right", "unsubstantiated", "unproven", "credible", "plausible", "valid",
})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "myself", "ourselves"})
# A third-person subject pronoun in what a source says is read as the source itself when nothing else resolves it.
BOUND_PRONOUNS = frozenset({"he", "she", "it", "they"})
IMPERSONAL_VERBS = frozenset({
    "be", "seem", "appear", "feel", "look", "sound", "happen", "take", "matter", "remain", "rain", "mean",
})

# --- anaphora.anaphor_kind: nouns and pronouns that point back to a proposition --------------------------------
ANAPHOR_NOUNS = frozenset({
    "accusation", "allegation", "assertion", "charge", "claim", "contention", "report", "reporting", "rumor",
    "rumour", "speculation", "story", "suggestion", "theory", "account", "notion", "idea", "premise", "narrative",
    "assessment", "finding", "conclusion",
})
ANAPHOR_DETERMINERS = frozenset({"the", "these", "those", "this", "such", "that", "any", "its", "their", "his", "her"})
ANAPHOR_PRONOUNS = frozenset({"it", "this"})

# --- reject.is_request_for_comment -------------------------------------------------------------------------------
COMMENT_LEMMAS = frozenset({"comment", "request", "inquiry", "query", "message", "respond", "return", "reply"})
COMMENT_PHRASES = (
    "request for comment", "requests for comment", "comment on", "to comment", "for comment", "no comment",
    "immediately respond", "respond to", "return a call", "return calls", "return messages", "reply to",
)

# --- rules.is_complementiser ------------------------------------------------------------------------------------
COMPLEMENTISERS = frozenset({"that", "whether", "if", "because", "as", "so", "how", "what", "why", "when"})

# --- writer.writer_hedges: the writer's own distancing marks (kept in step with claims.lexicon) ------------------
WRITER_HEDGES: dict[str, str] = {
    "alleged": "alleged", "allegedly": "alleged", "purported": "alleged", "purportedly": "alleged",
    "so-called": "alleged", "supposedly": "alleged", "reportedly": "reported", "reported": "reported",
    "rumored": "alleged", "rumoured": "alleged", "suspected": "alleged",
}

# Core-argument heads too general to tie two claims to one fact.
GENERIC_HEADS = frozenset({
    "people", "thing", "way", "time", "year", "day", "lot", "part", "kind", "one", "some", "all", "many", "other",
    "country", "world", "state", "man", "woman", "person", "group", "number", "percent", "issue", "case", "fact",
    "situation", "what", "who", "which", "that", "this", "it", "they", "he", "she", "we", "you", "i", "there",
})

# Statement building: prepositions whose phrase is a key modifier of the predicate.
KEY_PREPS = frozenset({
    "to", "into", "in", "from", "against", "with", "on", "at", "for", "of", "by", "across", "near", "toward",
    "towards", "over", "through", "out", "onto", "about", "after", "before", "during", "under", "between",
    "among", "without", "behind", "inside", "outside", "within",
})
# fmt: on
# Verbs whose event noun's "of" phrase is the one who acts (no one dies *something*), with their past tense:
# "the death of Crutcher" -> "Crutcher died", not "Crutcher was died".
# fmt: off
INTRANSITIVE_PAST = {
    "die": "died", "arrive": "arrived", "collapse": "collapsed", "resign": "resigned", "depart": "departed",
    "disappear": "disappeared", "emerge": "emerged", "occur": "occurred", "happen": "happened", "fall": "fell",
    "rise": "rose", "grow": "grew", "retire": "retired", "recover": "recovered", "survive": "survived",
}
# fmt: on
