"""Photo captions: a line describing a picture that ends in a credit tag.

Recognised credit tags (at the end of the line): ``[SCREEN CAPTURE]`` / ``[JOINT PRESS CORPS]`` (an all-caps tag
in brackets), ``(AP Photo/Jane Doe)``, ``(Photo by ...)``, ``(Getty Images)``, ``REUTERS/Jane Doe``,
``Jane Doe/Reuters``, ``Photo: ...`` / ``Credit: ...`` / ``Image credit: ...``. A line that is *only* a credit
("Image Credit: WeWork") turns the line before it into the caption.
"""

from __future__ import annotations

import re

_AGENCY = r"(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|Getty\s+Images|Yonhap|Xinhua|Bloomberg|Shutterstock|Alamy|NurPhoto|Anadolu|SIPA|Sipa|dpa|Pool|POOL)"
_TAIL_PATTERNS = [
    # [SCREEN CAPTURE], [JOINT PRESS CORPS], [YONHAP]
    re.compile(r"\s*\[(?P<credit>[A-Z0-9][A-Z0-9 .,&/'’:-]{1,48})\]\s*$"),
    # (AP Photo/Jane Doe), (Photo by Jane Doe/Getty Images), (Getty Images), (Image credit: NASA)
    re.compile(
        r"\s*\((?P<credit>(?:[\w.&'’ -]{0,30}\s)?(?:photo|photograph|image|picture|foto|video|illustration|"
        r"graphic|screenshot|screengrab)s?(?:\s+credit)?\b[^()]{0,80}|"
        rf"{_AGENCY}[^()]{{0,40}}|[^()]{{1,40}}/{_AGENCY})\)\s*$",
        re.IGNORECASE,
    ),
    # ... October 22, 2024. REUTERS/Gleb Garanich   |   ... Photo: Jane Doe/Reuters
    re.compile(
        rf"(?:(?<=[.!?”\"])|(?<=[.!?”\"]\s))\s*(?P<credit>{_AGENCY}/[\w.'’ -]{{1,40}}|[\w.'’ -]{{1,40}}/\s?{_AGENCY})\s*$"
    ),
    re.compile(
        r"(?:(?<=[.!?”\"])|(?<=[.!?”\"]\s)|(?<=\|\s))\s*(?P<credit>(?:photo(?:graph)?|image|picture|credit|foto|"
        r"source)s?(?:\s+credit)?\s*:\s*[^:]{1,80})$",
        re.IGNORECASE,
    ),
]
_CREDIT_ONLY = re.compile(
    r"^[(\[]?\s*(?P<credit>(?:(?:main|top|header|featured|lead)\s+)?(?:photo(?:graph)?|image|picture|foto)s?"
    r"(?:\s+(?:credit|courtesy|source))?\s*:?\s*(?:by\s+)?[^:]{1,80}|"
    rf"(?:credit|courtesy|source)\s*:\s*[^:]{{1,80}}|{_AGENCY}(?:/[\w.'’ -]{{1,40}})?|"
    rf"[\w.'’ -]{{1,40}}/\s?{_AGENCY})\s*[)\]]?$",
    re.IGNORECASE,
)
_CREDIT_ONLY_HINT = re.compile(r"\b(?:photo|image|picture|credit|courtesy|foto)s?\b|/", re.IGNORECASE)
_EMAIL = re.compile(r"@[\w-]+\.")
_PHOTO_WORDS = re.compile(
    r"\b(?:photo|pictured|picture|image|seen|shown|pose|poses|posing|stands?|standing|speaks?|speaking|"
    r"walks?|walking|holds?|holding|sits?|sitting|looks?\s+on|waves?|attends?|arrives?|gestures?|"
    r"left|right|center|centre|above|below|top|file|screen|capture|footage)\b",
    re.IGNORECASE,
)
_MAX_CAPTION = 600
# "Photo: Protesters gather near the harbour / Jane Doe", "Pictured: the new bridge (Jane Doe)"
_HEAD = re.compile(
    r"^(?:(?:file\s+)?photo(?:graph)?|image|picture|pictured|above|top|foto)\s*:\s*(?P<text>.{8,}?)"
    r"(?:\s+[/|]\s*(?P<credit>[^/|]{2,60})|\s*\((?P<credit2>[^()]{2,60})\))?\s*$",
    re.IGNORECASE,
)


def split_caption(line: str) -> tuple[str, str] | None:
    """(caption text, credit) if ``line`` reads as a photo caption ending in a credit tag, else None."""
    if len(line) > _MAX_CAPTION or len(line) < 12 or _EMAIL.search(line[-120:]):
        return None
    head = _HEAD.match(line)
    if head and len(head.group("text").split()) >= 3:
        credit = (head.group("credit") or head.group("credit2") or "").strip(" .")
        text = head.group("text").strip()
        inner = (
            split_caption(text) if not credit and not text.lower().startswith(("photo", "image")) else None
        )
        return inner or (text, credit)
    tail_start = max(0, len(line) - 160)
    tail = line[tail_start:]
    for pat in _TAIL_PATTERNS:
        m = pat.search(tail)
        if not m:
            continue
        credit = m.group("credit").strip(" .")
        text = line[: tail_start + m.start()].strip()
        if len(text.split()) < 3 or not credit:
            continue
        if pat is _TAIL_PATTERNS[0] and not any(c.isalpha() for c in credit):
            continue
        return text, credit
    return None


def credit_only(line: str) -> str | None:
    """The credit if the line is nothing but a photo credit ("Image Credit: WeWork", "REUTERS/Jane Doe")."""
    if len(line) > 100 or not _CREDIT_ONLY_HINT.search(line):
        return None
    m = _CREDIT_ONLY.match(line.strip())
    if not m:
        return None
    credit = m.group("credit")
    credit = re.sub(
        r"^(?:(?:main|top|header|featured|lead)\s+)?(?:photo(?:graph)?|image|picture|foto)s?(?:\s+(?:credit|courtesy|source))?\s*:?\s*(?:by\s+)?|^(?:credit|courtesy|source)\s*:\s*",
        "",
        credit.strip(),
        flags=re.IGNORECASE,
    ).strip(" .")
    if not credit or len(credit.split()) > 10:
        return None
    return credit


def looks_like_photo_description(text: str) -> bool:
    """Weak evidence that a line without a credit describes a picture (used only beside a credit line)."""
    return bool(_PHOTO_WORDS.search(text[:300])) or text.lower().startswith(("above:", "top:", "pictured"))
