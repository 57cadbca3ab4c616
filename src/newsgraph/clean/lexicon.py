"""Small, generic word lists the line classifier uses (no site-specific strings).

Stop words give the "does this read like prose" feature (jusText's stop-word density); the other lists name
the *kinds* of boilerplate any news site prints (share bars, newsletter boxes, cookie banners, related lists).
"""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    return text.split()


# Function words of the languages we meet most in news scrapes. A line of prose is dense in them, a menu or
# a headline list is not. Lower-cased; matched against lower-cased word tokens.
STOPWORDS: frozenset[str] = frozenset(
    _words(
        """
a about above after again against all also although am an and another any are around as at be because been
before being below between both but by can could did do does doing down during each either even ever every few
for from further had has have having he her here hers herself him himself his how however i if in into is it its
itself just least less many may me might more most much must my myself neither no nor not now of off on once
one only or other our ours ourselves out over own per rather said same says she should since so some such than
that the their theirs them themselves then there these they this those though through thus to too under until
up upon us very was we were what when where whether which while who whom whose why will with within without
would yet you your yours yourself yourselves i'm it's don't can't won't isn't that's there's he's she's we're
they're i've we've you're didn't doesn't wasn't aren't
der die das und ist nicht ein eine einen dem den des mit von zu auf für sich auch als noch wie nach bei aus
wird werden wurde hat haben sie er es wir ich im zum zur über oder aber wenn dass nur schon mehr
le la les et est une des du en que qui dans pour pas sur au aux avec ce cette il elle ils sont par plus ne se
ont été son sa ses mais ou où comme nous vous leur
el los las y es un una del con para por como pero más su sus se lo al le ha fue son está este esta
il lo gli e è di che non per con del della sono una nel alla anche come ma più
o os as um uma do da dos das em no na não com para por mais foi ao
de het een en van is dat niet op te zijn voor met die ook als maar bij er nog wordt aan om
и в не на что с по как это он она они к но за из от же у так то все был была было бы для или
"""
    )
)

# Words of a share / social bar. A short line made only of these is a share line.
SHARE_WORDS: frozenset[str] = frozenset(
    _words(
        """
share shares shared sharing tweet retweet email e-mail mail print facebook twitter x linkedin whatsapp
telegram pinterest reddit tumblr flipboard pocket messenger copy link url this article story on via save
comment comments bookmark sms more options close send to threads bluesky mastodon instagram youtube
tiktok follow us like post
"""
    )
)

SOCIAL_NETWORKS: frozenset[str] = frozenset(
    _words(
        """
facebook twitter x whatsapp pinterest pin pint linkedin telegram reddit tumblr flipboard vk vkontakte
instagram youtube tiktok messenger email e-mail mail sms print threads bluesky mastodon line wechat weibo
kakaotalk naver
"""
    )
)

NAV_WORDS: frozenset[str] = frozenset(
    _words(
        """
home menu search skip to content main navigation log in login logout sign up register account my profile
back top next previous prev page pages of all sections section toggle open close contact about us terms
privacy policy sitemap help faq careers jobs advertise subscribe subscription newsletter newsletters
edition editions more news sport sports business opinion world lifestyle culture tech technology
entertainment video videos podcasts podcast photos gallery live weather games puzzles today's paper
"""
    )
)

# Headings that open a list of links to *other* articles (or a comment thread) rather than continue this one.
RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|posts?|content|coverage|news|reading|links?|topics?))?|"
    r"more\s+(?:from|on|in|about|stories|news|to\s+(?:read|explore)|like\s+this)\b.{0,40}|"
    r"(?:most|top)\s+(?:read|popular|viewed|shared|stories)(?:\s+\w+){0,3}|"
    r"(?:you|we\s+think\s+you)\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|"
    r"recommended(?:\s+(?:for\s+you|stories|articles|reading))?|trending(?:\s+(?:now|stories|news))?|"
    r"(?:also|further)\s+read|read\s+(?:next|also|more)|what\s+to\s+read\s+next|editor'?s?\s+picks?|"
    r"latest(?:\s+(?:news|stories|articles|posts))?|popular(?:\s+(?:now|posts|articles|stories))?|"
    r"recent\s+(?:posts|articles|stories|news)|see\s+also|in\s+(?:case\s+you\s+missed\s+it|other\s+news)|"
    r"around\s+the\s+web|from\s+(?:the\s+web|our\s+partners)|sponsored\s+(?:stories|links|content)|"
    r"(?:read|view|show|see|load)\s+(?:all\s+)?(?:\d+\s+)?comments?|"
    r"(?:post\s+)?navigation|tags?|topics?|filed\s+under|categories|share\s+this(?:\s+\w+)?|about\s+the\s+authors?)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)

# Headings that open a comment thread: what follows is readers' prose, not the article.
COMMENT_HEADING = re.compile(
    r"^[\[(]?\s*(?:\d+\s+)?(?:(?:top|best|latest|newest|oldest|all|reader|readers'?|user|featured|most)\s+)?"
    r"(?:(?:rated|liked|recent|popular)\s+)?(?:comments?|responses?|replies|discussion|conversation)"
    r"(?:\s*\(\d+\))?\s*[\])]?\s*:?$|^(?:leave|post|add|write)\s+a\s+(?:reply|comment|response)\b.{0,30}$|"
    r"^join\s+the\s+(?:conversation|discussion)\b.{0,30}$|^what\s+do\s+you\s+think\s*\??$",
    re.IGNORECASE,
)

ADVERTISEMENT = re.compile(
    r"^[\W_]*(?:advertisement|advertising|advert|ad|ads|sponsored(?:\s+content)?|paid\s+content|"
    r"promoted(?:\s+content)?|story\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
    r"article\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
    r"continue\s+reading\s+(?:the\s+main\s+story|below)|anzeige|werbung|publicité|publicidad|pubblicità|"
    r"reklama|реклама|광고)[\W_]*$",
    re.IGNORECASE,
)

SUBSCRIBE = re.compile(
    r"\b(?:subscribe|subscribers?|subscription|newsletters?|sign\s+up|signup|inbox|unsubscribe|"
    r"log\s*in\s+to|sign\s+in\s+to|create\s+(?:an\s+|a\s+free\s+)?account|already\s+a\s+(?:subscriber|member)|"
    r"download\s+(?:our|the)\s+app|get\s+(?:the\s+)?(?:latest|our)\b.{0,30}\b(?:delivered|in\s+your)|"
    r"support\s+(?:independent|our)\s+journalism|donate|become\s+a\s+(?:member|patron|subscriber))\b",
    re.IGNORECASE,
)

COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
COOKIE_CONTEXT = re.compile(
    r"\b(?:accept|consent|policy|settings|preferences|browsing|website|site|use|uses|using|agree|manage|privacy)\b",
    re.IGNORECASE,
)

READ_MORE = re.compile(
    r"^[\W_]*(?:read\s+(?:more|the\s+(?:full|rest|original)|full\s+(?:story|article)|also|next|on)|"
    r"continue\s+reading|click\s+here|more\s*:|full\s+story|see\s+(?:more|all|also)|view\s+(?:more|all|comments)|"
    r"load\s+more|show\s+more|watch\s*:|listen\s*:|related\s*:|also\s+(?:read|see)\s*:?)\b",
    re.IGNORECASE,
)

COPYRIGHT = re.compile(
    r"(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball\s+rights\s+reserved\b|\bthis\s+material\s+may\s+not\s+be\s+"
    r"published\b|\bterms\s+(?:of\s+(?:use|service)|and\s+conditions)\b|\bprivacy\s+policy\b)",
    re.IGNORECASE,
)

WEATHER = re.compile(
    r"^[-+−]?\d{1,3}(?:[.,]\d{1,2})?\s*(?:°\s*[FC]?|º\s*[FC]?|[FC]\b|degrees?\b)"
    r"(?:\s*/\s*[-+−]?\d{1,3}(?:[.,]\d)?\s*°?\s*[FC]?)?(?:\s+[A-Za-z][\w -]{0,30})?$"
)

# "2 days ago", "5 hours ago at 07:52 am", "Rating: 36 Votes": the furniture of comment threads and teaser lists
TIME_AGO = re.compile(
    r"^(?:posted\s+|updated\s+)?(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|"
    r"years?)\s+ago\b.{0,40}$|^(?:rating|score|votes?|points?|likes?)\s*:?\s*[-+]?\d+(?:\s+\w+)?$|"
    r"^(?:reply|report|flag|permalink|quote|like|upvote|downvote|(?:show|hide)\s+replies)(?:\s*\(\d+\))?$|"
    r"^(?:\d{1,4}\.\s+)?[^\s:]{1,30}(?:\s[^\s:]{1,30}){0,3}\s+(?:says|said|wrote|writes|commented)\s*:$",
    re.IGNORECASE,
)

SKIP_LINK = re.compile(
    r"^(?:skip\s+(?:to|navigation)|jump\s+to|go\s+to)\b.{0,40}$|^(?:back\s+to\s+top|top\s+of\s+page|toggle\s+\w+)\W*$",
    re.IGNORECASE,
)

# Words that make a by-line piece an affiliation rather than a person's name.
ORG_WORDS: frozenset[str] = frozenset(
    _words(
        """
reuters ap afp upi ani pti ians dpa efe ansa xinhua yonhap kyodo bloomberg cnn bbc nbc cbs abc fox npr
associated press agency agence news times post journal tribune herald telegraph guardian gazette daily
staff writer writers reporter reporters correspondent correspondents editor editors contributor contributors
desk bureau service network media magazine wire team newsroom column columnist senior special chief
international online digital editorial board group inc ltd llc com the for and foundation institute
"""
    )
)

NEWS_AGENCIES: frozenset[str] = frozenset(
    _words(
        """
reuters ap afp upi ani pti ians dpa efe ansa xinhua yonhap kyodo bloomberg cnn bbc tass ria interfax
anadolu bernama antara
"""
    )
) | frozenset({"associated press", "agence france-presse", "agence france presse", "press association", "pa"})
