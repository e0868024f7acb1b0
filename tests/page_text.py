"""The text a person reads must be readable: the page check's rules for what must not show.

`check_full_page` (tests/pages.py) runs `check_page_text` on every full page the test
client fetches; the authorization matrix checks every page and fragment it is answered
with, the browser sweep every page after load, and tests/consent/test_export_text.py the
three exports of several demo citizens (tests/export_text.py reads the CSV and the JSON).
A finding names its rule, the text and the text around it.

What is read: the visible text (text nodes outside <script> and <style>, the <title>
included) and the attributes a person or a screen reader meets: alt, title, aria-label,
aria-description, aria-valuetext, placeholder, and the value of text fields and buttons.
Other attributes (hx-vals, data-*, href, the value of hidden inputs, options, check boxes
and date fields) are for machines and are not read. Each text is read in the language of
its nearest `lang` attribute; "da" and "en" have the word lists below, any other language
gets only the rules that do not depend on words.

The rules:

python-repr
    A Python value printed as it is: a dict or list (`{'`, `['`, `[{`, `{"`, `["`),
    `Decimal(`, `datetime.`/`datetime(`, `timedelta(`, `UUID(`, `Markup(`, `object at 0x`,
    `<function `, an enum member (`Track.SUPPORT`), `nan`. `None`, `True` and `False` as
    whole words are always flagged in Danish text; in English text, where "None of these"
    and "None" (a label) are ordinary, `None` only beside a bracket or comma as in a
    list, and `True`/`False` unless a lower-case word follows (prose: "False claims").

coded-value
    A stored code instead of its label. The vocabulary is every StrEnum value defined in
    app/ (after the app's areas are imported: app.models, the consent registry, the
    queue, the model), the model's feature names, the industry keys and the language
    codes. Case matters: codes are lower case, labels are not ("Some", "None", "Digital").
    - Anywhere, as a whole word: any word with an underscore between letters
      (`self_service`, `upper_secondary`, `matching_postings`, `SELF_SERVICE`) except in
      an e-mail address, a path or a file name; and a value with a digit (`3m`).
    - Anywhere in Danish text, as a whole word: a value that is not also a Danish word
      (`queued`, `experience`, `maybe`, `some`, `good`); DANISH_WORDS lists those that
      are (`model`, `plan`, `cv`, `sent`, `digital`, ...). English text is not searched
      this way: nearly every value is an ordinary English word.
    - Any value, in Danish or English text, when it stands alone: the whole text of an element
      (<td>, <dd>, <li>, <span>, ...) or of a line (a text node between line breaks or
      the edges of its element: "da<br><a>Ret</a>"), or the whole rest of an element's
      text or of a line after a label's colon: "Status på din sag: queued", "Sprog: da".
      Not when that exact text is a translation in the catalogue of its language (the
      English labels "citizen", "caseworker", "education" are lower-case words; "B (car)"
      is a label too).
    Language codes (`da`, `en`, `de`, ...) are ordinary words in Danish, so they are only
    caught by the last rule.

long-float
    A number with more than two decimals: `0.9822`, `0,59512`, `97.8321 %`, `1.234,5678`.
    Not numbers with decimals, and so not flagged:
    - dotted sequences of three or more numbers: dates (07.12.2026), times (02.17.16),
      versions (1.4.2), addresses (127.0.0.1);
    - a number grouped in thousands, in Danish (12.345) or English (12,345): the groups
      after the first are exactly three digits and the first is 1-3 digits not starting
      with 0, so "0.982" is a float but "12.345" is read as twelve thousand (ambiguous in
      the other language, so let through: a float rounded to three decimals looks alike);
    - numbers glued to letters or a slash: identifiers and versions (`lr1-2026.1234`,
      `v0.9822`, `ISCO-08`), phone numbers and CVR numbers have no decimal separator.

raw-time
    A time not formatted for its reader: an ISO timestamp (`2026-12-07T02:17`,
    `2026-12-07 02:17:16`), a UTC time (`UTC`, `GMT`, `+00:00`, `Z` after a time), a
    12-hour clock (`3:16 AM`) or a US date (`December 7, 2026`, `Dec 7, 2026`). A bare
    ISO date is not flagged (and <input type=date> values are not read). A time shown
    in UTC without saying so cannot be told from Danish time by its text.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    ProcessingInstruction,
)

import app.models  # noqa: F401  (defines the domain's enums)
from app import blueprints
from app.cv.labels import LANGUAGES as CV_LANGUAGES
from app.ml.segmentation import FEATURE_NAMES
from app.onboarding.forms import CONTACT_LANGUAGES
from app.taxonomy.services import INDUSTRY_NAMES

ROOT = Path(__file__).resolve().parent.parent

# Vocabulary values that are also ordinary Danish words (or loanwords Danish writes in
# lower case): in Danish text they are only flagged standing alone (see the docstring).
DANISH_WORDS = frozenset(
    {
        "admin",
        "alternative",
        "bachelor",
        "cv",
        "digital",
        "interview",
        "it",
        "male",
        "master",
        "mine",
        "model",
        "offer",
        "part",
        "plan",
        "register",
        "screening",
        "sent",
        "social",
        "support",
        "system",
        "transport",
        "video",
    }
)
HUMAN_ATTRIBUTES = (
    "alt",
    "title",
    "aria-label",
    "aria-description",
    "aria-valuetext",
    "placeholder",
)
# Inputs whose value is shown as text (a field's content, a button's caption).
TEXT_INPUTS = frozenset({"text", "search", "email", "tel", "url", "submit", "button"})
NOT_READ = frozenset({"script", "style"})
NOT_TEXT = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
WHOLE_ELEMENTS_SKIPPED = frozenset({"[document]", "html", "head", "body"})
CONTEXT = 70


@dataclass(frozen=True, order=True)
class Finding:
    rule: str
    text: str
    context: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.text!r} in {self.context!r}"


# --- the vocabulary -----------------------------------------------------------------


def _enums(base: type[enum.Enum]) -> Iterator[type[enum.Enum]]:
    for sub in base.__subclasses__():
        yield sub
        yield from _enums(sub)


@cache
def vocabulary() -> frozenset[str]:
    """Every coded value a page could leak: StrEnum values, features, industries, languages."""
    blueprints()  # imports every area, and so every enum they define
    values = {
        member.value
        for kind in _enums(enum.Enum)
        if kind.__module__.startswith("app.") and issubclass(kind, str)
        for member in kind
    }
    return frozenset(
        values
        | set(FEATURE_NAMES)
        | set(INDUSTRY_NAMES)
        | set(CV_LANGUAGES)
        | set(CONTACT_LANGUAGES)
    )


@cache
def translations(lang: str) -> frozenset[str]:
    """Every message's text in a language's catalogue."""
    path = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=lang)
    texts: set[str] = set()
    for message in catalog:
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        texts.update(s for s in strings if s)
    return frozenset(texts)


def _word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w@/.'’-])(?:{alternatives})(?![\w@/'’-])")


@cache
def _codes_with_digits() -> re.Pattern[str]:
    return _word_pattern(v for v in vocabulary() if any(c.isdigit() for c in v))


@cache
def _not_danish_words() -> re.Pattern[str]:
    languages = set(CV_LANGUAGES) | set(CONTACT_LANGUAGES)
    return _word_pattern(
        v
        for v in vocabulary()
        if v.isalpha() and v not in DANISH_WORDS and v not in languages
    )


# --- the rules on a piece of text -----------------------------------------------------

REPR = re.compile(
    r"[\[{]\s*['\"\[{]"
    r"|\b(?:Decimal|datetime|timedelta|UUID|Markup|OrderedDict|defaultdict)\("
    r"|\bdatetime\.|object at 0x|<(?:function|bound method|built-in) "
    r"|\b[A-Z][a-z]+[A-Za-z]*\.[A-Z][A-Z0-9_]+\b"
    r"|\b(?:nan|NaN)\b"
)
LITERAL_DA = re.compile(r"\b(?:None|True|False)\b")
LITERAL_EN = re.compile(
    r"(?:(?<=[\[({,])|(?<=[\[({,] ))None\b|\bNone(?=\s*[,)\]}])"
    r"|\b(?:True|False)\b(?!\s+[a-zæøå])"
)
# An identifier with an underscore, not in an e-mail address, a path or a file name.
CODE_WORD = re.compile(
    r"(?<![\w@/.-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@/-]|\.\w)"
)
# Not glued to a word before it (lr1-2026.1234, v0.9822); a minus sign is no glue.
NUMBER = re.compile(r"(?<![\w.,:/])(?<!\w-)\d+(?:[.,]\d+)+")
TIME = re.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}[:.]\d{2}"
    r"|\b(?:UTC|GMT)\b|[+-]00:?00\b|\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b"
    r"|\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s?(?:AM|PM|a\.m\.|p\.m\.)"
    r"|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
    r" \d{1,2}, \d{4}\b"
)
AFTER_COLON = re.compile(r":\s*(\S+)\s*$")


def _context(text: str, start: int, end: int) -> str:
    left = max(0, start - CONTEXT // 2)
    snippet = text[left : end + CONTEXT // 2]
    return (
        ("…" if left else "")
        + snippet
        + ("…" if end + CONTEXT // 2 < len(text) else "")
    )


def is_long_float(token: str) -> bool:
    """Whether a number token (digits and separators) has more than two decimals."""
    parts = re.split(r"[.,]", token)
    separators = set(re.findall(r"[.,]", token))
    if len(parts) >= 3 and separators == {"."}:
        return False  # a date, a time, a version, an address
    grouped = (
        len(separators) == 1
        and not parts[0].startswith("0")
        and len(parts[0]) <= 3
        and all(len(p) == 3 for p in parts[1:])
    )
    if grouped:
        return False
    return len(parts[-1]) > 2


def text_findings(text: str, lang: str) -> list[Finding]:
    """The findings of the rules that look anywhere in a piece of text."""
    folded = " ".join(text.split())
    if not folded:
        return []
    found: list[Finding] = []

    def add(rule: str, match: re.Match[str]) -> None:
        found.append(
            Finding(rule, match.group(0), _context(folded, match.start(), match.end()))
        )

    for match in REPR.finditer(folded):
        add("python-repr", match)
    literal = {"da": LITERAL_DA, "en": LITERAL_EN}.get(lang)
    for match in literal.finditer(folded) if literal else ():
        add("python-repr", match)
    for match in CODE_WORD.finditer(folded):
        add("coded-value", match)
    for match in _codes_with_digits().finditer(folded):
        add("coded-value", match)
    if lang == "da":
        for match in _not_danish_words().finditer(folded):
            add("coded-value", match)
    for match in NUMBER.finditer(folded):
        if is_long_float(match.group(0)):
            add("long-float", match)
    for match in TIME.finditer(folded):
        add("raw-time", match)
    return found


def standalone_finding(text: str, lang: str, whole: bool) -> Finding | None:
    """A coded value that is the whole text (if whole) or the whole rest after a colon."""
    words = text.split()
    if lang not in {"da", "en"} or not words:
        return None  # no catalogue to tell a label from a code in other languages
    if words[-1].rstrip(".") not in vocabulary():
        return None  # neither rule can apply (a quick test: most texts end otherwise)
    folded = " ".join(words)
    if folded in translations(lang):
        return None  # a label, such as "B (car)"
    candidates = [folded] if whole else []
    if match := AFTER_COLON.search(folded):
        candidates.append(match.group(1).rstrip("."))
    for value in candidates:
        if value not in vocabulary() or value in translations(lang):
            continue
        return Finding("coded-value", value, folded[-CONTEXT:])
    return None


# --- pages ------------------------------------------------------------------------------


def _ends_line(sibling: Any) -> bool:
    """Whether a text node's sibling is none or a line break (the text ends a line)."""
    return sibling is None or (isinstance(sibling, Tag) and sibling.name == "br")


def _read_attributes(tag: Tag) -> Iterator[str]:
    for name in HUMAN_ATTRIBUTES:
        if tag.get(name):
            yield str(tag[name])
    kind = str(tag.get("type", "text")).lower()
    if tag.name == "input" and tag.get("value") and kind in TEXT_INPUTS:
        yield str(tag["value"])


def _lang_of(tag: Tag, inherited: str) -> str:
    own = tag.get("lang")
    return str(own).split("-")[0].lower() if own else inherited


def _read(tag: Tag, lang: str, found: list[Finding | None]) -> str:
    """Apply the rules to a tag and all it holds; return its visible text."""
    lang = _lang_of(tag, lang)
    for text in _read_attributes(tag):
        found.extend(text_findings(text, lang))
        found.append(standalone_finding(text, lang, whole=True))
    parts = []
    for child in tag.children:
        if isinstance(child, Tag):
            if child.name not in NOT_READ:
                text = _read(child, lang, found)
                # Text in another language is read there, not as part of this text.
                parts.append(text if _lang_of(child, lang) == lang else " ")
        elif isinstance(child, NavigableString) and not isinstance(child, NOT_TEXT):
            text = str(child)
            parts.append(text)
            found.extend(text_findings(text, lang))
            if _ends_line(child.next_sibling):
                whole = _ends_line(child.previous_sibling)
                found.append(standalone_finding(text, lang, whole=whole))
    text = "".join(parts)
    if tag.name not in WHOLE_ELEMENTS_SKIPPED:
        found.append(standalone_finding(text, lang, whole=True))
    return text


def page_findings(page: str | BeautifulSoup) -> list[Finding]:
    """Everything on a page (or an HTML fragment) a person should not have to read."""
    soup = (
        page if isinstance(page, BeautifulSoup) else BeautifulSoup(page, "html.parser")
    )
    found: list[Finding | None] = []
    _read(soup, "da", found)
    return sorted({finding for finding in found if finding is not None})


def report(findings: Iterable[Finding], where: str = "") -> str:
    lines = [f"{where} shows a person raw values:" if where else "raw values shown:"]
    lines.extend(f"  {finding}" for finding in findings)
    return "\n".join(lines)


def check_page_text(page: str | BeautifulSoup, where: str = "") -> None:
    """Fail if a page shows a Python repr, a code, a long float or a raw time."""
    findings = page_findings(page)
    assert not findings, report(findings, where)
