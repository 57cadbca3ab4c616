"""English short forms of first names that stand for one formal name only (rule ``nickname_variant`` of
:mod:`newsgraph.track.link`): "Len Burman" and "Leonard E. Burman" are one person. Short forms shared by several
names (Ted: Edward or Theodore; Chris; Pat; Sam; Alex; Jack; Jerry) are left out."""

from __future__ import annotations

NICKNAMES: dict[str, str] = {
    "bill": "william", "billy": "william", "will": "william", "bob": "robert", "bobby": "robert", "rob": "robert",
    "mike": "michael", "jim": "james", "jimmy": "james", "joe": "joseph", "tom": "thomas", "tommy": "thomas",
    "dick": "richard", "rick": "richard", "chuck": "charles", "charlie": "charles", "dave": "david",
    "dan": "daniel", "danny": "daniel", "len": "leonard", "lenny": "leonard", "larry": "lawrence",
    "andy": "andrew", "tony": "anthony", "nick": "nicholas", "ben": "benjamin", "matt": "matthew",
    "pete": "peter", "greg": "gregory", "jeff": "jeffrey", "ken": "kenneth", "ron": "ronald", "don": "donald",
    "doug": "douglas", "fred": "frederick", "hank": "henry", "liz": "elizabeth", "beth": "elizabeth",
    "betsy": "elizabeth", "sue": "susan", "peggy": "margaret", "meg": "margaret", "jen": "jennifer",
    "jenny": "jennifer", "becky": "rebecca", "debbie": "deborah", "vicky": "victoria", "abby": "abigail",
    "tim": "timothy", "phil": "philip", "ray": "raymond", "walt": "walter", "ed": "edward", "eddie": "edward",
    "gene": "eugene", "josh": "joshua", "zach": "zachary", "stan": "stanley", "bernie": "bernard",
}  # fmt: skip
