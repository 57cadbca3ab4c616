"""Word lists of speaker resolution (:mod:`newsgraph.attribution.speakers`): what kind of speaker a noun names,
the titles a writer uses instead of a name, honorifics, and the gender that a title or honorific gives a person
(:mod:`newsgraph.attribution.gender`). Lemmas and lower-case words; no phrase of any article."""

from __future__ import annotations

# verbs only people do: their subject is a person even when the name is also a place ("Paris smiled")
HUMAN_VERBS = frozenset(
    {"smile", "laugh", "grin", "weep", "cry", "sob", "whisper", "shout", "yell", "scream", "sigh", "shrug"}
    | {"nod", "wink", "frown", "giggle", "chuckle", "joke", "quip", "mutter", "mumble", "gasp", "blush"}
)
HONORIFICS = {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "lt.",
    "sgt.",
}
MEDIA_NOUNS = {
    "report", "media", "newspaper", "paper", "outlet", "broadcaster", "press", "network", "station", "tabloid",
    "daily", "wire", "magazine", "journal", "newscast", "website", "blog", "poll", "survey",
}  # fmt: skip
ORG_NOUNS = {
    "government", "office", "ministry", "military", "army", "police", "committee", "council", "administration",
    "campaign", "party", "company", "agency", "department", "court", "parliament", "congress", "senate",
    "house", "commission", "organization", "organisation", "group", "union", "firm", "bank", "team", "board",
    "authority", "authorities", "regime", "embassy", "cabinet", "white", "kremlin", "pentagon", "coalition",
}  # fmt: skip
INSTITUTION_NOUNS = frozenset(
    {"agency", "bureau", "office", "department", "commission", "committee", "ministry", "company", "firm"}
)
"""Heads of a definite description that refers back to a named organisation (rule ``definite_institution``)."""
PERSON_NOUNS = {
    "official", "source", "spokesman", "spokeswoman", "spokesperson", "representative", "minister", "adviser",
    "advisor", "diplomat", "aide", "ambassador", "president", "secretary", "officer", "lawmaker", "senator",
    "analyst", "expert", "leader", "chief", "director", "envoy", "general", "commander", "member", "staffer",
    "candidate", "critic", "supporter", "voter", "resident", "witness", "person", "people", "man", "woman",
    "strategist", "insider", "researcher", "professor", "economist", "governor", "mayor", "chairman", "chair",
    "head", "executive", "lawyer", "attorney", "prosecutor", "judge", "activist", "worker", "student", "doctor",
}  # fmt: skip
MEDIA_ORG_WORDS = {
    "times", "post", "news", "journal", "press", "agency", "tribune", "herald", "reuters", "cnn", "bbc",
    "associated", "yonhap", "kcna", "broadcasting", "television", "tv", "radio", "magazine", "gazette", "daily",
    "telegraph", "guardian", "politico", "axios", "bloomberg", "afp", "nbc", "abc", "cbs", "fox", "msnbc", "npr",
}  # fmt: skip
EPITHET_NOUNS = frozenset(
    {"nominee", "candidate", "secretary", "president", "senator", "governor", "mayor", "congressman",
     "congresswoman", "billionaire", "mogul", "businessman", "businesswoman", "incumbent", "frontrunner",
     "front-runner", "minister", "chancellor", "premier", "leader", "chairman", "chairwoman", "lawmaker", "star"}
)  # fmt: skip
"""Title nouns a writer uses instead of a name already given (rule ``role_epithet``); generic roles such as
``official`` or ``spokesman`` are not among them."""
MALE_WORDS = frozenset(
    {"mr.", "mr", "sir", "lord", "king", "prince", "father", "husband", "son", "brother", "uncle", "grandfather",
     "boyfriend", "congressman", "spokesman", "chairman", "businessman", "councilman", "actor", "widower"}
)  # fmt: skip
"""Honorifics and titles that make a person male ("Mr. Clarke", "her husband, Bill")."""
FEMALE_WORDS = frozenset(
    {"mrs.", "mrs", "ms.", "ms", "miss", "madam", "lady", "queen", "princess", "mother", "wife", "daughter", "sister",
     "aunt", "grandmother", "girlfriend", "congresswoman", "spokeswoman", "chairwoman", "businesswoman",
     "councilwoman", "actress", "widow"}
)  # fmt: skip
"""Honorifics and titles that make a person female ("Mrs. Clinton", "the former first lady")."""
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
