"""Word lists of the PLOVER coder, grouped by the rule that reads them (see :mod:`newsgraph.events.coder`).

General English function words and classes (reporting verbs, light verbs, modal auxiliaries, troop / weapon / aid
nouns ...), not tuned to any article. The event vocabulary itself lives in ``data/lexicon.json``.
"""

from __future__ import annotations

from newsgraph.lexicon.reporting import EPISTEMIC_VERBS, EVIDENCE_VERBS, STATEMENT_VERBS, word_set

_w = word_set


# reporting verbs: the shared lexicon's statement, belief and evidence classes (not the speech acts PLOVER codes)
REPORTING = STATEMENT_VERBS | EPISTEMIC_VERBS | EVIDENCE_VERBS
LIGHT = _w(
    "aim appear attempt be become begin carry come conduct consider continue decide do expect follow get "
    "go have hold hope include intend involve keep launch lead let make manage mark need open plan "
    "prepare put remain resume seem set stage start take tend try use want wish"
)
NON_EVENT_LEMMAS = REPORTING | LIGHT | _w("official government state country people year day")
FUTURE_AUX = _w("'ll shall will wo would")
HEDGE_AUX = _w("can could may might")
INTENT = _w(
    "agree due expect intend offer plan pledge prepare prepared promise ready schedule slate swear vow "
    "willing"
)
COMMISSIVE = _w("commit offer pledge promise swear vow")
FAILURE = _w("decline fail refuse")
REMOVAL = _w("cancel drop ease end lift relax remove revoke scrap")
# suspending these curtails rights (COERCE restrict), unlike suspending a ban (CONCEDE)
CIVIL_RIGHTS = _w(
    "constitution right freedom liberty parliament newspaper publication party election assembly"
)
RESTRICTIONS = _w("ban blockade charge curfew embargo emergency law restriction sanction siege")
PROPERTY_DAMAGE = frozenset(["blow up", "burn", "damage", "demolish", "destroy", "raze", "set fire", "torch"])
EXERCISES = frozenset(["drill", "exercise", "maneuver", "manoeuvre", "war game"])
HEDGE_GOVERNORS = _w("consider contemplate discuss explore mull weigh")
OBLIGATION = _w("must should")
MATERIAL_CONFLICT = ("PROTEST", "COERCE", "ASSAULT", "SANCTION", "MOBILIZE")
NEGATORS = _w("n't never no not")
TRANSFER = _w(
    "contribute deliver give hand provide provision sell send sending ship supply supplying transfer"
)
MOVEMENT = _w(
    "boost deploy deployment dispatch expand increase mass mobilise mobilization mobilize move order send "
    "station step strengthen"
)
WITHDRAWAL = _w("abandon evacuate exit leave vacate")
STOPPING = _w("block cancel cut deny end freeze halt prohibit reduce stop suspend withhold")
RELIEF = _w("disaster earthquake evacuation flood humanitarian relief rescue victim")
TROOPS = _w(
    "army battalion brigade commando division fighter force infantry marine mercenary navy reservist "
    "soldier troop unit warship"
)
WEAPONS = _w(
    "aircraft ammunition arm armament artillery bomber drone howitzer jet launcher missile munition "
    "rocket tank warplane weapon bomb grenade mortar bullet round shot"
)
POLICE = _w("gendarme gendarmerie patrol police policeman")
AID_OBJECTS = _w(
    "aid assistance dollar food fund grain loan mask medication medicine money relief shelter supply vaccine"
)
NONMILITARY_STAFF = _w(
    "ambassador delegation diplomat envoy inspector mission monitor observer peacekeeper personnel staff "
    "team volunteer worker"
)
ARGUMENT_NOUNS = (
    TROOPS
    | WEAPONS
    | POLICE
    | NONMILITARY_STAFF
    | _w("agency person people property individual official government state country territory")
)
MIN_WEIGHT = 1.0
PREP_TARGET = ("against", "to", "on", "toward", "towards", "with", "at", "into", "from", "for", "of")
LEMMA_FIX = {"stag": "stage", "cordone": "cordon"}
SCOPE_DEPS = _w("acl acomp amod attr ccomp compound dobj nsubjpass oprd pcomp xcomp")
SCOPE_PREPS = _w("about against concerning for into of on over regarding to")
ACTOR_NOUNS = _w(
    "administration agency ally ambassador army authority cabinet civilian committee council country "
    "court demonstrator diplomat embassy force government group guerrilla insurgent judge lawmaker leader "
    "militant military minister ministry nation neighbor neighbour office official opposition "
    "organization parliament partner party people police premier president protester rebel refugee regime "
    "soldier state student troop union worker "
    # people and groups an event is aimed at (recipients of attacks, bans, arrests, appeals)
    "activist businessman candidate chief citizen commander delegation detainee dissident doctor envoy "
    "extremist faction fighter hostage immigrant inspector journalist leadership member militia militiaman "
    "missionary monitor movement national negotiator observer officer opponent peacekeeper prisoner resident "
    "ruler settler spokesman spokeswoman supporter teacher villager youth"
)
CONTENT_MODE = {
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
    "CONSULT": "meet",
    "AGREE": "meet",
}

# --- argument-dependent typing (newsgraph.events.frames), each read from a CAMEO description or the manual ---
# armed actors: their raids and strikes are attacks (CAMEO 19), police raids are searches (CAMEO 171 / COERCE seize)
ARMED = (
    TROOPS
    | WEAPONS
    | _w(
        "guerrilla gunman gunmen insurgent jihadist militant militia militiaman militiamen rebel terrorist "
        "helicopter plane"
    )
)
# the truce words: violating one is CAMEO 196 "Violate ceasefire" (ASSAULT)
TRUCE = _w("armistice ceasefire cease-fire truce")
# granting these concedes (CAMEO 0833 "Accede to demands for rights"), granting asylum or money is AID
GRANTABLE_RIGHTS = _w(
    "amnesty autonomy citizenship concession freedom independence pardon recognition right self-rule "
    "sovereignty suffrage"
)
# approving / releasing / extending money or aid provides it (CAMEO 07)
AID_VERBS = _w("allocate approve disburse earmark extend release")
# letting these in is RETREAT access (CAMEO 086 "Allow international involvement", 0862 "Receive inspectors")
ACCESS_VERBS = _w("admit allow let permit receive")
# what one withdraws from when the withdrawal reduces relations (CAMEO 161 / 164 / 166), not a military retreat
FORUMS = _w(
    "agreement accord alliance bloc coalition conference convention deal dialogue federation league membership "
    "mediation negotiation organisation organization pact process talk talks treaty union"
)
# suspects handed over are judicial cooperation (CAMEO 063), hostages or prisoners handed over are released
SUSPECTS = _w("convict criminal fugitive suspect")
# people who protest: their violence is a riot (PROTEST riot), not an assault by an armed actor
PROTESTERS = _w("activist crowd demonstrator marcher mob protester protestor rioter striker student youth")
# peace operations: troops sent for them are AID (CAMEO 074 "Provide military protection or peacekeeping")
PEACEKEEPING = _w("peacekeeper peacekeeping peace-keeping")
# less-lethal crowd-control means: with one of them, dispersing a crowd is ASSAULT 'crowd-control' (manual, ASSAULT),
# without, it is COERCE 'restrict' ("police pushed back protesters")
CROWD_CONTROL = _w("baton bullet cannon club gas grenade pellet rubber stun tear teargas truncheon whip")
# compounds whose head is an event word but which name a document, a venue or a group, not an event
NON_EVENT_PHRASES = frozenset(
    ["news conference", "news release", "press conference", "press release", "strike force"]
)
# lexicon words that are events only as verbs ("pressed for", "backed", "signed"; not "the press", "a sign")
VERB_ONLY = _w("back bar host mass press sign station")
# nouns that only frame an event noun compounded with them ("a mediation effort", "a bombing campaign")
LIGHT_NOUNS = _w(
    "attempt bid campaign drive effort initiative mission operation plan process program programme"
)
# individuals whose expulsion is a deportation (manual, SANCTION: "expulsions or deportations of individuals ...
# are coded as COERCE"), unlike diplomats, observers or agencies (SANCTION 'expel')
INDIVIDUALS = _w(
    "activist alien citizen foreigner immigrant journalist migrant missionary national people refugee resident "
    "settler student tourist worker"
)
