"""Which language is each paragraph in?

The typography families (``french``, ``english``) ask :func:`language_at` for the
language of the paragraph holding an offset. The answer combines, in order:

1. a *declared* language for the part of the document the offset is in — the inline
   directive ``textsweep: language=fr-CA`` (in any comment; it holds until the next
   directive, ``language=auto`` returns to detection), else Markdown front matter
   ``lang:``/``language:``, else the HTML ``<html lang>`` attribute, else the setting
   ``textsweep.language`` when it is not ``auto``;
2. per-paragraph *detection* (see :func:`detect`): a paragraph confidently detected
   as another language keeps that language even under a declaration (a French
   document quoting an English error message); a paragraph too short or too mixed to
   tell gets the declared language, else the document's majority language, else
   what its decisive signs or words say (``¿`` Spanish, an opening ``„`` German in a
   one-liner), else no language (only language-neutral rules).

Detection is a small stop-word and letter-shape model written for this job: the
languages with rules (fr, en, de, es, it) and neighbours it must not mistake for
them (pt, nl, pl, cs, sv). A rule language needs evidence from words, not letters
alone, and is refused to a paragraph with letters outside its alphabet (Czech ``ř``,
Polish ``ł``). Scripts are counted per character: kana makes Japanese, Han alone
Chinese (Japanese in a Japanese document: a heading such as ``概要``), Hangul,
Cyrillic or Greek ``other``. It was chosen over py3langid and lingua by measurement:
see ``bench/bench_typography.py`` and ``bench/bench_langid_messages.py``.
Results are cached per paragraph text in a module-level LRU, and the paragraphs'
detections per block of paragraphs (keyed by the block's text, non-prose spans and
readings: :func:`_detections`), so an edit re-detects only the paragraphs it
changed and looks up the other blocks.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from .chars import drop_unseen
from .config import Config
from .document import Document
from .encoding.scan import mojibake_repairs
from .entities import entity_readings
from .markup import markup_of
from .memo import TextMemo, evict_oldest, text_memo
from .regions import non_prose
from .structure import _spans
from .structure._spans import block_cuts, blocks
from .structure._spans import paragraph_breaks as text_breaks
from .structure.breaks import block_breaks

# --------------------------------------------------------------------------- detector

_STOP = {
    "fr": "le la les un une des du de et est à au aux en dans pour par sur avec ce cette ces "
    "qui que ne pas plus il elle ils elles nous vous je tu on son sa ses leur leurs mais ou "
    "où donc car comme très tout tous toute été être avoir sont ont fait peut aussi bien "
    "se sans sous entre après avant chez encore déjà alors si lui même nos vos notre votre "
    "mon ma mes cela ça était avait aujourd hui quand jamais toujours rien ceci celui y "
    "suis es sommes êtes ai as avons avez va vais vont allons font dit faut veux veut peux "
    "oui merci bonjour hier demain puis ici là moi toi eux cet quel quelle celle ceux dont "
    "lors depuis selon vers parce ainsi cependant voici voilà",
    "en": "the a an and of to in is are was were be been for on with as at by from this "
    "that these those it its he she they we you i not but or if then than so what which "
    "who there their them his her our your have has had do does did will would can could "
    "should may might must about into over after before just also only very more most "
    "some any all no because when where how why being while my me us yes please thanks "
    "hello here now get got said make made like well back out up one new see know",
    "de": "der die das und ist nicht ein eine einen dem den des zu mit von auf für sich im "
    "ich sie er es wir ihr auch als wie bei nach aus wenn noch nur dass oder aber werden "
    "wird wurde sind war hat haben kann diese dieser einem einer über unter durch um sehr "
    "schon mehr dich mich dein deine deinen deinem deiner ihn ihm ihnen kannst "
    "hast bist wirst jetzt dann doch kein keine keinen weil damit dabei dafür deshalb "
    "immer seine ihre ihren unsere unser euch",
    "es": "el la los las un una unos y es en de del que por para con no se su sus lo como "
    "pero más muy este esta estos está son fue ser hay también ya le les al sin sobre "
    "entre cuando donde porque todo todos yo tú él ella mi me te nadie lo todavía",
    "it": "il lo la i gli le un uno una e è di del della dei delle che per con non si su "
    "sono come ma più anche questo questa ho ha hanno era essere nel nella alla al dal "
    "dalla tra fra molto quando dove perché tutto io tu lui lei noi voi mi ti ci sul",
    "pt": "o a os as um uma e é de do da dos das em no na nos nas que por para com não se "
    "seu sua mais como mas muito este esta isso foi ser são está também já ao à pelo pela "
    "sem sobre entre quando onde porque tudo eu você ele ela nós te",
    "nl": "de het een en is van in op te dat die niet met voor zijn er aan ook als maar om "
    "dan bij nog wel naar uit door over ze we ik je hij zij was heeft hebben wordt worden "
    "kan deze dit geen meer zo al",
    # languages with no rules here, listed so that their text is not taken for one
    # that has rules (Czech and Polish share letters with Spanish, Swedish with German)
    "pl": "na że się nie do to jest jak co ale po od dla przez lub jeśli być może "
    "tylko już czy jego jej są ma można należy nie został została zostało pliku plik "
    "katalogu brak nieprawidłowy błąd użyj",
    "cs": "na se je že to do ale jak jsou byl byla bylo není nelze pro při "
    "podle také jen nebo když který která které jeho její soubor souboru adresář chyba "
    "neplatný použijte",
    "sv": "och att det som en på är för med till av inte den har de om ett kan så men "
    "eller från vid var alla detta denna dessa när kunde måste skulle inga ingen fil "
    "filen katalog paket paketet",
}
#: word → {language: weight}; a word shared by k languages weighs 1/k in each.
_WEIGHTS: dict[str, dict[str, float]] = {}
for _lang, _words in _STOP.items():
    for _w in set(_words.split()):
        _WEIGHTS.setdefault(_w, {})[_lang] = 1.0
for _w, _d in _WEIGHTS.items():
    for _lang in _d:
        _d[_lang] = 1.0 / len(_d)


def only_english_word(word: str) -> bool:
    """Is lowercase ``word`` a function word of English and of no other language
    known here (``the``, ``for``, ``see``; not ``is``, shared with Dutch)?"""
    return _WEIGHTS.get(word, {}).get("en", 0.0) >= 1.0


#: Letters typical of one language (weight per occurrence).
_LETTERS: dict[str, tuple[str, float]] = {
    "fr": ("çœêûèîë«", 0.5),
    "de": ("äöüß", 0.7),
    "es": ("ñ¿¡áíóú", 0.5),
    "it": ("ìò", 0.5),
    "pt": ("ãõ", 0.8),
    "pl": ("ąęłńśźż", 0.8),
    "cs": ("ěřůčšžťďňý", 0.8),
    "sv": ("å", 0.8),
}
#: The letters beyond a–z each language with rules writes (loanwords included): a
#: paragraph with more letters outside them than a name or two is another language
#: (Czech ``á í ó ú`` look Spanish, Swedish ``ä ö`` German).
_ALPHABETS: dict[str, frozenset[str]] = {
    "fr": frozenset("àâæçéèêëîïôœùûüÿñäöáíóú"),
    "en": frozenset("àáâäçèéêëíîïñóôöúûüœæ"),
    "de": frozenset("äöüßàáâçéèêëíîïóôúñ"),
    "es": frozenset("áéíñóúüàèïò"),
    "it": frozenset("àèéìíîòóùï"),
}
#: Latin letters beyond ASCII (the only ones the alphabets judge).
_LATIN_EXTRA = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
#: Word endings typical of one language (weight per word).
_SUFFIXES: dict[str, tuple[tuple[str, ...], float]] = {
    "fr": (("tion", "ment", "eux", "euse", "ait", "aient", "ée", "ées", "és", "ique"), 0.4),
    "en": (("ing", "ly", "ness", "ship", "ed", "n't", "n’t", "'s", "’s", "'ll", "’ll"), 0.4),
    "de": (("ung", "keit", "heit", "lich", "sch", "ig", "en"), 0.3),
    "es": (("ción", "dad", "mente", "ando", "iendo", "ado", "os"), 0.3),
    "it": (("zione", "mente", "tà", "ere", "are", "ato", "etto"), 0.3),
    "pt": (("ção", "ções", "mente", "dade", "agem", "ado"), 0.4),
    "nl": (("heid", "lijk", "ij", "en", "je"), 0.3),
    "sv": (("ning", "ningen", "ades", "arna", "erna", "heten", "ligt"), 0.4),
    "pl": (("ość", "ości", "ać", "ić", "ów", "ych", "ego"), 0.4),
}
#: ending → [(language, weight)], looked up by the last 2, 3, 4 and 5 letters.
_ENDINGS: dict[str, list[tuple[str, float]]] = {}
for _lang, (_ends, _weight) in _SUFFIXES.items():
    for _end in _ends:
        _ENDINGS.setdefault(_end, []).append((_lang, _weight))
#: French elisions (``l'``, ``qu'``…) and English contractions, strong signals.
_ELISION_IT = frozenset("all dell nell dall sull un quest po".split())
_ELISION_FR = frozenset("d j n m t s c l qu jusqu lorsqu puisqu".split())
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Paragraphs with fewer letters than this are not judged on their own.
MIN_LETTERS = 12
#: How far ahead the winner must be (absolute and as a ratio) to be trusted.
MIN_SCORE = 1.2
MIN_RATIO = 1.5
#: A rule language needs this much evidence from words, not letters alone.
MIN_WORDS = 1.0
#: Only the first ``MAX_WORDS`` words of a paragraph are read (enough to decide),
#: the first ``FIRST_WORDS`` first. Counted in words, not characters: a fix that
#: adds or removes a space must not move a word in or out of the window (that
#: changed a paragraph's language, and with it the safe fixes, by the fix order).
MAX_WORDS = 90
FIRST_WORDS = 30
#: ... and never more than this many characters (Chinese runs are one "word").
MAX_CHARS = 1200


#: ``_TOKEN`` for ASCII text, where ``[^\W\d_]`` is ``[A-Za-z]`` and no ``’`` occurs:
#: the same tokens, but a byte-map test per character instead of Unicode category
#: look-ups (a third of the instructions; 2,500 of 6,000 paragraphs in 1 MB).
_TOKEN_ASCII = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def _words_re(words: int, ascii_only: bool = False) -> re.Pattern[str]:
    """``words`` tokens of ``_TOKEN`` from the start, each after the non-letters that
    precede it, as one match: what ``_TOKEN.finditer`` finds, in C, not a Python loop.
    Each token is taken atomically (a look-ahead captures it, a back-reference eats
    it: Python 3.10 has no possessive quantifiers), so no token can be split or
    shortened to make up the count. ``ascii_only``: for ASCII text (see
    ``_TOKEN_ASCII``)."""
    if ascii_only:
        token = r"(?=([^A-Za-z]*[A-Za-z]+(?:'[A-Za-z]+)?))\1"
    else:
        token = r"(?=([\W\d_]*[^\W\d_]+(?:['’][^\W\d_]+)?))\1"
    return re.compile(rf"(?:{token}){{{words}}}")


_WORDS_RE = {FIRST_WORDS: _words_re(FIRST_WORDS), MAX_WORDS: _words_re(MAX_WORDS)}
_WORDS_RE_ASCII = {
    FIRST_WORDS: _words_re(FIRST_WORDS, True),
    MAX_WORDS: _words_re(MAX_WORDS, True),
}


def _window(text: str, words: int) -> str:
    """``text`` up to the end of its ``words``-th word (at most ``MAX_CHARS``)."""
    if len(text) < 2 * words - 1:
        # too short to hold that many words (each has a letter, and a non-letter
        # parts it from the next): no match, the regex need not say so
        return text[:MAX_CHARS]
    ascii_only = text.isascii()
    pattern = (_WORDS_RE_ASCII if ascii_only else _WORDS_RE).get(words) or _words_re(
        words, ascii_only
    )
    m = pattern.match(text, 0, MAX_CHARS)
    return text[: m.end()] if m else text[:MAX_CHARS]


class Detection(NamedTuple):
    """A paragraph's best guess: ``language`` is ``None`` when unsure. (A named
    tuple, not a frozen dataclass: one is built per paragraph, and a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``, three
    times the cost.)"""

    language: str | None
    score: float
    runner_up: str | None
    letters: int
    #: ``zh`` read from the script alone (Han without kana): Japanese in a Japanese
    #: document (a heading such as ``概要`` is written the same in both).
    weak: bool = False
    #: For a paragraph too short to judge: the language its decisive signs or words
    #: point to (``¿`` → es), used only when the document has no language of its own.
    short: str | None = None


#: A token of another script (Cyrillic, Greek, CJK…): counted, never scored (a
#: distinct object, compared by identity: the empty tuple is shared).
_FOREIGN: tuple[tuple[str, float], ...] = (("", 0.0),)
#: token → its score contributions ``(language, weight)`` in the order they are added
#: (so the sums are bit-for-bit those of adding them one by one), or ``_FOREIGN``.
_CONTRIB: dict[str, tuple[tuple[str, float], ...]] = {}
_CONTRIB_MAX = 200_000


def _contributions(tok: str) -> tuple[tuple[str, float], ...]:
    """What one lowercase token adds to the scores (memoised in ``_CONTRIB``)."""
    if tok[0] > "ɏ":
        out: tuple[tuple[str, float], ...] = _FOREIGN
    else:
        adds: list[tuple[str, float]] = []
        if "'" in tok or "’" in tok:
            head, _, tail = tok.replace("’", "'").partition("'")
            if head == "l" and len(tail) > 1:
                # ``l'`` is French and Italian (``l'utente``, ``l'organizzazione``):
                # half to each, and the word after it by its weight or its ending
                after = _contributions(tail)
                both = (("fr", 0.5), ("it", 0.5), *(() if after is _FOREIGN else after))
                return _remember(tok, both)
            if (head in _ELISION_FR and tail[:1] not in ("s", "t")) or head in ("qu", "jusqu"):
                adds.append(("fr", 1.0))
            elif head in _ELISION_IT:
                adds.append(("it", 1.0))
            elif tail in ("s", "t", "re", "ll", "ve", "d", "m"):
                adds.append(("en", 1.0))
            w = _WEIGHTS.get(head)
        else:
            w = _WEIGHTS.get(tok)
        if w:
            adds.extend(w.items())
        elif len(tok) > 4:
            for k in (2, 3, 4, 5):
                hit = _ENDINGS.get(tok[-k:])
                if hit:
                    adds.extend(hit)
        out = tuple(adds)
    return _remember(tok, out)


def _remember(tok: str, out: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    if len(_CONTRIB) >= _CONTRIB_MAX:
        _CONTRIB.clear()
    _CONTRIB[tok] = out
    return out


class _Scores(NamedTuple):
    #: language → score (words, endings, elisions and typical letters)
    total: dict[str, float]
    #: language → score from words alone (no letters)
    words: dict[str, float]
    foreign: int
    tokens: int
    letters: int


#: Every letter of ``_LETTERS``, to test a sample against all of them at once.
_LETTER_CHARS = frozenset("".join(chars for chars, _ in _LETTERS.values()))
#: The same as a class: a search reads the sample in C, where ``isdisjoint`` made a
#: string of each character (three times the instructions).
_LETTER_CLASS = re.compile(f"[{re.escape(''.join(sorted(_LETTER_CHARS)))}]")


def _scores(sample: str) -> _Scores:
    tokens = (_TOKEN_ASCII if sample.isascii() else _TOKEN).findall(sample)
    foreign = 0
    scores = dict.fromkeys(_STOP, 0.0)
    get = _CONTRIB.get
    ntok = len(tokens)
    for i in range(0, ntok, 12):
        if i:
            # stop early once one language is far ahead: most paragraphs decide fast
            top = sorted(scores.values(), reverse=True)
            if top[0] >= 6.0 and top[0] >= 4 * top[1]:
                tokens = tokens[:i]
                break
        for tok in tokens[i : i + 12]:
            adds = get(tok)
            if adds is None:
                adds = _contributions(tok)
            if adds is _FOREIGN:
                foreign += 1
                continue
            for lang, v in adds:
                scores[lang] += v
    words = dict(scores)
    # (every typical letter is beyond ASCII: an ASCII sample holds none)
    if not sample.isascii() and _LETTER_CLASS.search(sample) is not None:
        for lang, (chars, weight) in _LETTERS.items():
            for ch in chars:
                if ch in sample:
                    scores[lang] += weight * sample.count(ch)
    return _Scores(scores, words, foreign, len(tokens), sum(map(len, tokens)))


@text_memo(max_chars=4_000_000, max_entries=32768, prefix=MAX_CHARS)
def detect(text: str) -> Detection:
    """Guess the language of one paragraph of prose (cached by its first
    ``MAX_CHARS``, all it reads: a long paragraph costs no more memory).

    The first ``FIRST_WORDS`` words are read; the rest (up to ``MAX_WORDS``) only
    when they were not enough to decide. The text is read in NFC: ``e`` + U+0301
    and ``é`` are one letter to a reader, and fixing the normalization must not
    change the paragraph's language.
    """
    if not text.isascii():
        # without the characters other fixes delete: ``Soft\u00adware`` is one word
        text = unicodedata.normalize("NFC", drop_unseen(text[:MAX_CHARS]))
    first = _window(text, FIRST_WORDS)
    det = _detect(first)
    # a window that is the whole text (or MAX_CHARS of it) has no more to read
    if det.language is None and len(first) < min(len(text), MAX_CHARS):
        more = _window(text, MAX_WORDS)
        if len(more) > len(first):
            det = _detect(more)
    return det


#: Scripts counted per character (a Chinese sentence is one long "word").
HAN_CLASS = "[\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
#: Hiragana and katakana, full and half width, without the middle dot ``・`` and
#: the prolonged sound mark ``ー``, which Chinese text uses too.
KANA_CLASS = "[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff\uff66-\uff9d]"
HANGUL_CLASS = "[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"
#: Below this character a text holds no Han, kana or Hangul (Hangul starts there).
FIRST_EAST_ASIAN = "\u1100"


@cache
def _east_asian() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Han, kana and Hangul, compiled at their first use (a paragraph holding a
    character from U+1100 on): their BMP ranges cost every start 4 ms to compile,
    and Cyrillic or Greek text never needs them."""
    return re.compile(HAN_CLASS), re.compile(KANA_CLASS), re.compile(HANGUL_CLASS)


#: Letters of other scripts (Greek, Cyrillic… Hangul, kana, Han), but not the
#: punctuation Latin text uses (’ “ … €): a paragraph holding one is counted by script.
#: That is ``[\u0370-\u052f\u0590-\u1dff\u2e80-\U0010ffff]``, written as the
#: complement: the same characters, without the 60,000-step loop that compiling a
#: class of a large BMP range costs (6 ms at every start).
_HIGH = re.compile("[^\u0000-\u036f\u0530-\u058f\u1e00-\u2e7f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
#: Languages with punctuation rules: the ones a wrong guess would hurt.
RULE_LANGUAGES = frozenset(_ALPHABETS)


def _script(text: str, letters: int) -> Detection | None:
    """The language a paragraph's script decides: ``ja`` with kana, ``zh`` (weak)
    for Han alone, ``other`` for Hangul, Cyrillic, Greek…; None for Latin text."""
    latin = len(_LATIN.findall(text))
    if not text or max(text) < FIRST_EAST_ASIAN:
        han = kana = hangul = 0
    else:
        han_re, kana_re, hangul_re = _east_asian()
        han = len(han_re.findall(text))
        kana = len(kana_re.findall(text))
        hangul = len(hangul_re.findall(text))
    cjk = han + kana
    if hangul and hangul >= han:
        return Detection("other", float(hangul), None, letters) if hangul * 2 >= latin else None
    if kana and kana * 20 >= han and cjk * 3 >= latin:
        # kana is written in Japanese only (an English sentence citing a Japanese
        # title has far more Latin letters: it is read as Latin text)
        return Detection("ja", float(cjk), None, cjk + latin)
    if han >= 2 and han * 3 >= latin:
        return Detection("zh", float(han), "ja", cjk + latin, weak=True)
    if han >= 4:
        return Detection(None, 0.0, None, cjk + latin)  # code with a few Han words
    others = letters - latin - cjk - hangul
    if others > 0 and others >= latin:
        # Cyrillic, Greek, Arabic…: not a language with rules here
        return Detection("other", float(others), None, letters)
    return None


def _alien(text: str, language: str) -> int:
    """How many letters of ``text`` (lowercase) ``language`` does not write."""
    alphabet = _ALPHABETS.get(language)
    if alphabet is None:
        return 0
    return sum(1 for c in _LATIN_EXTRA.findall(text) if c not in alphabet)


def _vetoed(text: str, language: str, letters: int) -> bool:
    """Letters outside ``language``'s alphabet beyond a borrowed name or two."""
    alien = _alien(text, language)
    return alien >= 2 or (alien > 0 and alien * 40 >= letters)


#: A few words that, in a paragraph too short to judge, name its language.
_SHORT_WORDS: dict[str, str] = {}
for _lang, _words in {
    "es": "qué cómo dónde cuándo cuál quién quiénes también aquí allí gracias hola señor "
    "señora sí mañana",
    "de": "nicht ist und ich bin danke bitte für über schön tschüss guten heute",
    "it": "ciao grazie perché così cioè però più",
    "fr": "bonjour merci oui où ça voilà très",
    "en": "the hello thanks please yes don't isn't it's what's",
}.items():
    for _w in _words.split():
        _SHORT_WORDS[_w] = _lang
#: Letters of languages with no rules here: a short paragraph holding one is left alone.
_NO_RULE_LETTERS = frozenset("ãõąęłńśźżěřůčšžťďňåø")


def _short_guess(text: str, letters: int) -> str | None:
    """The language a short paragraph's decisive signs (``¿ ¡`` Spanish, ``„``
    opening German quotes) or distinctive words point to, when they all agree.
    In a longer paragraph that detection found mixed, only ``¿ ¡`` count: one
    ``und`` among Italian and French lines is no evidence of German."""
    votes: set[str] = set()
    if "¿" in text or "¡" in text:
        votes.add("es")
    if "„" in text and letters < MIN_LETTERS:
        # German, but also Czech, Polish, Romanian…: only when there is too little
        # text for any other clue to exist
        votes.add("de")
    for tok in _TOKEN.findall(text) if letters < MIN_LETTERS else ():
        lang = _SHORT_WORDS.get(tok.replace("’", "'"))
        if lang:
            votes.add(lang)
    if len(votes) != 1 or not _NO_RULE_LETTERS.isdisjoint(text):
        return None
    (lang,) = votes
    return None if _alien(text, lang) else lang


#: The sort key of ``(language, score)`` (in C: a lambda cost a call per language).
_SCORE = itemgetter(1)


def _detect(text: str) -> Detection:
    lowered = text.lower()
    found = _scores(lowered)
    scores, words, foreign, ntok, letters = found
    if foreign or (not text.isascii() and _HIGH.search(text)):
        # a token in another script, or Hangul/kana/Han glued to Latin (中文English)
        script = _script(text, letters)
        if script is not None:
            return script
    if ntok and foreign * 2 > ntok:
        # mostly another script (Cyrillic, Greek…): not a language with rules here
        return Detection("other", float(letters), None, letters)
    ranked = sorted(scores.items(), key=_SCORE, reverse=True)
    (best, s1), (second, s2) = ranked[0], ranked[1]
    if letters < MIN_LETTERS:
        return Detection(
            None, s1, best if s1 > 0 else None, letters, short=_short_guess(lowered, letters)
        )
    if s1 < MIN_SCORE or s1 < MIN_RATIO * s2:
        return Detection(
            None, s1, best if s1 > 0 else None, letters, short=_short_guess(lowered, letters)
        )
    if best in RULE_LANGUAGES and (words[best] < MIN_WORDS or _vetoed(lowered, best, letters)):
        # letters alone (Swedish ä ö, Czech á í) or letters no rule language writes
        return Detection(None, s1, best, letters)
    if best in RULE_LANGUAGES and words[best] < _ENDINGS_ONLY_BELOW and _names_only(lowered, ntok):
        return Detection(None, s1, best, letters)
    if best in RULE_LANGUAGES and words.get(second, 0.0) > words[best]:
        # the words say ``second``, letters alone made ``best`` win: Spanish writes
        # ``pulsé``, ``japonés`` as French writes ``é`` (the Debian Reference)
        return Detection(None, s1, best, letters)
    return Detection(best, s1, second, letters)


#: Below this score from words, a paragraph's lead may come from word endings alone.
_ENDINGS_ONLY_BELOW = 4.0
#: A paragraph of at least this many words with no function word is a list of names.
_NAMES_MIN_TOKENS = 10


def _names_only(lowered: str, ntok: int) -> bool:
    """Is a paragraph of many words without a single function word or elision a
    list of names (``[Function](doc/function.md)``, ``Memory Management``...)? Its
    lead came from endings that English shares (``-tion``, ``-ment``): node-addon-api's
    table of contents read as French, and got French spacing before its colons."""
    if ntok < _NAMES_MIN_TOKENS:
        return False
    tokens = (_TOKEN_ASCII if lowered.isascii() else _TOKEN).findall(lowered)
    return not any(t in _WEIGHTS or "'" in t or "’" in t for t in tokens)


def detect_relaxed(text: str) -> str | None:
    """A looser guess for a whole short document: any clear lead wins."""
    det = detect(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", drop_unseen(text[:MAX_CHARS]))  # as detect does
    if det.language is not None:
        return det.language
    if det.runner_up is None or det.score < 1.0:
        return None
    lowered = _window(text, MAX_WORDS).lower()
    if det.runner_up in RULE_LANGUAGES and (
        _alien(lowered, det.runner_up) or not _NO_RULE_LETTERS.isdisjoint(lowered)
    ):
        return None  # Czech á, Swedish ä, Portuguese ã: not enough to call it Spanish
    found = _scores(lowered)
    if det.runner_up in RULE_LANGUAGES and found.words[det.runner_up] < MIN_WORDS:
        return None  # letters alone: Swedish ä ö look German
    ranked = sorted(found.total.values(), reverse=True)
    return det.runner_up if ranked[0] >= MIN_RATIO * ranked[1] else None


# --------------------------------------------------------------------------- declarations

_DIRECTIVE = re.compile(r"textsweep:\s*language\s*=\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*|auto)\b")


def normalize_tag(tag: str) -> str:
    """``fr_ca`` → ``fr-CA``; ``auto`` stays ``auto``."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    out.extend(p.upper() if len(p) == 2 else p for p in parts[1:])
    return "-".join(out)


def base(tag: str | None) -> str | None:
    """``fr-CA`` → ``fr``."""
    return tag.split("-", 1)[0].lower() if tag else None


_BASES: dict[str, str | None] = {}


def _base(tag: str) -> str | None:
    """:func:`base`, memoised (called once per paragraph)."""
    try:
        return _BASES[tag]
    except KeyError:
        b = _BASES[tag] = base(tag)
        return b


def _document_declaration(doc: Document, config: Config) -> str | None:
    declared = markup_of(doc).declared_language
    tag = declared(doc) if declared else None
    if tag:
        return normalize_tag(tag)
    if config.language and config.language.lower() != "auto":
        return normalize_tag(config.language)
    return None


# --------------------------------------------------------------------------- paragraphs


def paragraph_breaks(doc: Document) -> list[tuple[int, int]]:
    """Spans of the blank lines between paragraphs (computed once per document)."""
    return doc.cached("language.breaks", lambda d: text_breaks(d.text))


class Paragraph(NamedTuple):
    start: int
    end: int
    #: Language the rules use (a tag such as ``fr-CA``, or ``None``: no typography rules).
    language: str | None
    #: True when detection decided, False when it fell back to a declaration/majority.
    detected: bool


class LanguageMap:
    """Paragraph spans with their languages, for fast lookups by offset."""

    def __init__(self, paragraphs: Sequence[Paragraph], majority: str | None) -> None:
        self.paragraphs = list(paragraphs)
        self._starts = [p.start for p in self.paragraphs]
        self.majority = majority
        self._families: dict[str, list[tuple[int, int, str]]] | None = None
        self._languages: list[str | None] | None = None

    @property
    def starts(self) -> list[int]:
        """Each paragraph's start, in order (do not modify)."""
        return self._starts

    @property
    def languages(self) -> list[str | None]:
        """Each paragraph's language, in order (do not modify)."""
        if self._languages is None:
            self._languages = [p.language for p in self.paragraphs]
        return self._languages

    def at(self, offset: int) -> Paragraph | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def language_at(self, offset: int) -> str | None:
        p = self.at(offset)
        return p.language if p else None

    def spans(self, family: str) -> list[tuple[int, int, str]]:
        """``(start, end, tag)`` of the paragraphs whose base language is ``family``."""
        if self._families is None:
            # every family in one walk: a dozen rule families each asked for theirs
            families: dict[str, list[tuple[int, int, str]]] = {}
            # each tag's family list looked up once per tag, not once per paragraph
            # (6,000 paragraphs a keystroke in 1 MB)
            by_tag: dict[str, list[tuple[int, int, str]]] = {}
            for start, end, lang, _ in self.paragraphs:
                if lang is not None:
                    found = by_tag.get(lang)
                    if found is None:
                        found = by_tag[lang] = families.setdefault(_base(lang) or "", [])
                    found.append((start, end, lang))
            self._families = families
        return list(self._families.get(family, ()))


def _prose_text(doc: Document, start: int, end: int) -> str:
    """The paragraph as detection reads it: non-prose parts blanked (code, URLs…)
    and repairs read as repaired (:func:`_readings`)."""
    starts, ends = non_prose(doc).bounds()
    j = bisect_right(ends, start)  # the first span that ends after ``start``
    return _blank_spans(doc.text, start, end, starts, ends, j, _readings(doc))


def _directives(doc: Document) -> list[tuple[int, str | None]]:
    """``(offset, tag or None for auto)`` for each inline directive, in order."""
    out: list[tuple[int, str | None]] = []
    if "textsweep:" not in doc.text:
        return out
    for m in _DIRECTIVE.finditer(doc.text):
        tag = m.group(1)
        out.append((m.start(), None if tag.lower() == "auto" else normalize_tag(tag)))
    return out


def _stated(doc: Document, config: Config) -> LanguageMap | None:
    """The language map of a format that states its spans' languages (see
    :class:`.markup.LanguageSpan`); spans without a tag are detected."""
    provider = markup_of(doc).language_spans
    if provider is None:
        return None
    fallback = config.language if config.language and config.language.lower() != "auto" else None
    paragraphs: list[Paragraph] = []
    weight: dict[str, int] = {}
    for s, e, tag, _source in provider(doc):
        if e <= s:
            continue
        if tag:
            paragraphs.append(Paragraph(s, e, normalize_tag(tag), False))
        else:
            det = detect(_prose_text(doc, s, e))
            lang = det.language or (normalize_tag(fallback) if fallback else None)
            paragraphs.append(Paragraph(s, e, lang, det.language is not None))
        lang = paragraphs[-1].language
        if lang is not None:
            weight[lang] = weight.get(lang, 0) + e - s
    majority = _document_declaration(doc, config)
    if majority is None and weight:
        majority = max(weight, key=lambda k: weight[k])
    return LanguageMap(paragraphs, majority)


def _compute(doc: Document, config: Config) -> LanguageMap:
    stated = _stated(doc, config)
    if stated is not None:
        return stated
    declared_doc = _document_declaration(doc, config)
    directives = _directives(doc)
    if not directives and BY_BLOCKS:
        by_blocks = _compute_by_blocks(doc, declared_doc)
        if by_blocks is not None:
            return by_blocks
    dir_offsets = [o for o, _ in directives]
    raw: list[tuple[int, int, Detection, str | None]] = []
    weight: dict[str, int] = {}
    # Detection reads the text as fix-all will leave it: ``doesnâ€™t`` is not a word
    # of any language, and repairing it must not change the paragraph's language
    # (and with it which typography fixes are safe).
    for s, e, det in _detections(doc):
        declared = declared_doc
        if directives:
            i = bisect_right(dir_offsets, e) - 1  # a directive inside the paragraph counts
            if i >= 0:
                declared = directives[i][1]
        raw.append((s, e, det, declared))
        if det.language is not None:
            weight[det.language] = weight.get(det.language, 0) + det.letters
    majority = max(weight, key=lambda k: weight[k]) if weight else None
    if majority is None and raw:
        # nothing long enough on its own: judge the whole document's prose at once
        whole = " ".join(_prose_text(doc, s, e) for s, e, _, _ in raw[:50])
        majority = detect_relaxed(whole)
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    doc_base = base(declared_doc)
    ja_doc = "ja" in (majority, doc_base)
    for s, e, det, declared in raw:
        japanese = ja_doc or _base(declared or "") == "ja"
        append(_paragraph(s, e, det, declared, declared_doc, doc_base, majority, japanese))
    if declared_doc and majority and doc_base == majority:
        majority = declared_doc
    elif declared_doc and not weight:
        majority = declared_doc
    return LanguageMap(paragraphs, majority)


_BlockKey = tuple[
    str,
    tuple[tuple[int, int], ...],
    tuple[tuple[int, int, str], ...],
    tuple[tuple[int, int], ...],
]
_BlockDetections = tuple[tuple[int, int, Detection], ...]
#: block key → its paragraphs' detections and weights; first in, first out,
#: bounded like the findings cache by the characters its keys hold.
_BLOCKS: dict[_BlockKey, tuple[_BlockDetections, tuple[tuple[str, int], ...]]] = {}
_BLOCKS_MAX = 16384
_BLOCKS_MAX_CHARS = 4_000_000
_blocks_chars = 0
_BLOCKS_LOCK = threading.Lock()


def clear_blocks() -> None:
    """Forget the block detections (a cold start)."""
    global _blocks_chars, _assembled_chars
    with _BLOCKS_LOCK:
        _BLOCKS.clear()
        _blocks_chars = 0
        _ASSEMBLED.clear()
        _assembled_chars = 0


#: A block's detections and its languages' letters, ``(language, letters)`` in
#: the order they first appear (so the document's sums keep that order too).
_BlockWeights = tuple[tuple[str, int], ...]
_BlockInfo = tuple[int, "_BlockKey | None", _BlockDetections, _BlockWeights]


def _weights(found: _BlockDetections) -> _BlockWeights:
    weight: dict[str, int] = {}
    for _, _, det in found:
        if det.language is not None:
            weight[det.language] = weight.get(det.language, 0) + det.letters
    return tuple(weight.items())


def _detections(doc: Document) -> list[tuple[int, int, Detection]]:
    """``(start, end, detection)`` of every non-empty paragraph, in order."""
    out: list[tuple[int, int, Detection]] = []
    for bs, _, found, _ in _block_detections(doc):
        if bs:
            out.extend((s + bs, e + bs, det) for s, e, det in found)
        else:
            out.extend(found)
    return out


def _block_detections(doc: Document) -> list[_BlockInfo]:
    """``(block start, memo key or None, detections, weights)`` of every block.

    Computed block by block (:func:`.structure._spans.block_cuts`, runs of whole
    paragraphs): a block's detections depend only on its text, the non-prose
    spans in it and the readings inside it, which together are the memo's key. A
    keystroke then re-detects one block; the others cost a dictionary lookup.
    """
    return doc.cached("language.blocks", _compute_block_detections)


def _compute_block_detections(doc: Document) -> list[_BlockInfo]:
    global _blocks_chars
    text = doc.text
    repairs = _readings(doc)
    mask_starts, mask_ends = non_prose(doc).bounds()
    nreps = len(repairs)
    cuts = block_cuts(text)
    texts = blocks(text)
    huge = len(text) > _spans.MAX_MEMO_TEXT  # its blocks would only churn the memo
    provider = markup_of(doc).paragraph_breaks
    parting = list(provider(doc)) if provider is not None else []
    part_starts = [s for s, _ in parting]
    out: list[_BlockInfo] = []
    j = k = 0
    for c in range(len(cuts) - 1):
        bs, be = cuts[c], cuts[c + 1]
        # the spans touching the block, relative to it and clipped to it: found by
        # bisection and moved in one comprehension (7,600 spans a keystroke in 1 MB,
        # a Python loop step each); the bounds are sorted, so only the first may
        # start before the block and only the last end after it
        j = bisect_right(mask_ends, bs, j)
        jj = bisect_left(mask_starts, be, j)
        spans: list[tuple[int, int]] = []
        if jj > j:
            spans = [
                (ms - bs, me - bs)
                for ms, me in zip(mask_starts[j:jj], mask_ends[j:jj], strict=True)
            ]
            if mask_starts[j] < bs:
                spans[0] = (0, spans[0][1])
            if mask_ends[jj - 1] > be:
                spans[-1] = (spans[-1][0], be - bs)
        while k < nreps and repairs[k][0] < bs:
            k += 1
        reads: list[tuple[int, int, str]] = []
        kk = k
        while kk < nreps and repairs[kk][0] < be:
            rs, re_, fixed = repairs[kk]
            if re_ <= be:
                reads.append((rs - bs, re_ - bs, fixed))
            kk += 1
        parts: tuple[tuple[int, int], ...] = ()
        if parting:
            p0, p1 = bisect_left(part_starts, bs), bisect_left(part_starts, be)
            parts = tuple((ps - bs, min(pe, be) - bs) for ps, pe in parting[p0:p1])
        block = texts[c]
        if huge:
            fresh = _detect_block(block, spans, reads, parts)
            out.append((bs, None, fresh, _weights(fresh)))
            continue
        key = (block, tuple(spans), tuple(reads), parts)
        hit = _BLOCKS.get(key)
        if hit is None:
            found = _detect_block(block, spans, reads, parts)
            hit = (found, _weights(found))
            with _BLOCKS_LOCK:
                if key not in _BLOCKS:
                    _BLOCKS[key] = hit
                    _blocks_chars += len(block)
                _blocks_chars = evict_oldest(
                    _BLOCKS, _blocks_chars, _BLOCKS_MAX, _BLOCKS_MAX_CHARS, lambda k: len(k[0])
                )
        out.append((bs, key, hit[0], hit[1]))
    return out


#: Assemble the map block by block when it can (tests switch it off to compare).
BY_BLOCKS = True
#: (block key, declared language, majority, Japanese document) → (block start,
#: its paragraphs at that start, its paragraphs relative to the block): the
#: paragraphs of a block as :func:`_compute` assembles them, reused as they are
#: while the block stays where it is (before the edit), moved when it moved.
_AssembledKey = tuple[object, ...]
_new = tuple.__new__
_ASSEMBLED: dict[_AssembledKey, tuple[int, tuple[Paragraph, ...], tuple[Paragraph, ...]]] = {}
_assembled_chars = 0


def _paragraph(
    s: int,
    e: int,
    det: Detection,
    declared: str | None,
    declared_doc: str | None,
    doc_base: str | None,
    majority: str | None,
    japanese: bool,
) -> Paragraph:
    """One paragraph's language: its detection, else what is declared for it (inline,
    then for the document), the document's majority, or a short text's sign."""
    lang = det.language
    if det.weak and japanese:
        lang = "ja"  # Han alone in a Japanese document: a heading such as 概要
    if lang is not None:
        if declared and _base(declared) == lang:
            lang = declared
        elif declared_doc and doc_base == lang:
            lang = declared_doc
        return Paragraph(s, e, lang, True)
    return Paragraph(s, e, declared or declared_doc or majority or det.short, False)


def _assemble(
    found: _BlockDetections, declared_doc: str | None, majority: str | None, ja_doc: bool
) -> tuple[Paragraph, ...]:
    """:func:`_compute`'s paragraphs of one block when no directive is in the document
    (every paragraph's declaration is the document's)."""
    out: list[Paragraph] = []
    append = out.append
    doc_base = base(declared_doc)
    ja_declared = _base(declared_doc or "") == "ja"
    japanese = ja_doc or ja_declared
    for s, e, det in found:
        append(_paragraph(s, e, det, declared_doc, declared_doc, doc_base, majority, japanese))
    return tuple(out)


def _compute_by_blocks(doc: Document, declared_doc: str | None) -> LanguageMap | None:
    """:func:`_compute` for a document without directives, block by block (None
    when it cannot: a huge text, or no paragraph long enough to judge, when the
    whole document's prose is judged at once). A keystroke in 1 MB assembled 6,000
    paragraphs again (15 ms); now the blocks before the edit are reused as they
    are and the ones after it moved. ``tests/unit/test_language.py`` compares."""
    global _assembled_chars
    infos = _block_detections(doc)
    weight: dict[str, int] = {}
    for _, key, _, weights in infos:
        if key is None:
            return None
        for lang, letters in weights:
            weight[lang] = weight.get(lang, 0) + letters
    majority = max(weight, key=lambda k: weight[k]) if weight else None
    if majority is None and any(found for _, _, found, _ in infos):
        return None
    doc_base = base(declared_doc)
    ja_doc = "ja" in (majority, doc_base)
    context = (declared_doc, majority, ja_doc)
    paragraphs: list[Paragraph] = []
    new = _new
    stored = False
    for bs, key, found, _ in infos:
        if not found:
            continue
        akey = (key, context)
        hit = _ASSEMBLED.get(akey)
        if hit is not None and hit[0] == bs:
            paragraphs.extend(hit[1])
            continue
        rel = hit[2] if hit is not None else _assemble(found, declared_doc, majority, ja_doc)
        # moved with ``tuple.__new__`` (what the named tuple's ``__new__`` calls, one
        # Python frame fewer): the blocks after a keystroke move, 3,000 paragraphs
        moved = (
            tuple([new(Paragraph, (s + bs, e + bs, lang, det)) for s, e, lang, det in rel])
            if bs
            else rel
        )
        paragraphs.extend(moved)
        with _BLOCKS_LOCK:
            if akey not in _ASSEMBLED:
                _assembled_chars += len(key[0])  # type: ignore[index]
            _ASSEMBLED[akey] = (bs, moved, rel)
        stored = True
    if stored:
        with _BLOCKS_LOCK:  # bounded once, after the walk (not once per moved block)
            _assembled_chars = evict_oldest(
                _ASSEMBLED,
                _assembled_chars,
                _BLOCKS_MAX,
                _BLOCKS_MAX_CHARS,
                lambda k: len(k[0][0]),  # type: ignore[index]
            )
    if declared_doc and majority and doc_base == majority:
        majority = declared_doc
    elif declared_doc and not weight:
        majority = declared_doc
    return LanguageMap(paragraphs, majority)


def _detect_block(
    block: str,
    spans: list[tuple[int, int]],
    reads: list[tuple[int, int, str]],
    parts: tuple[tuple[int, int], ...] = (),
) -> _BlockDetections:
    """The detections of one block's paragraphs (offsets relative to the block);
    ``parts``, what else parts them (see :attr:`.markup.Markup.paragraph_breaks`)."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for b, e in block_breaks(block):
        bounds.append((pos, b))
        pos = e
    bounds.append((pos, len(block)))
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    if parts:
        bounds = _parted(bounds, parts)
    n = len(starts)
    j = 0
    out: list[tuple[int, int, Detection]] = []
    for s, e in bounds:
        if e <= s:
            continue
        while j < n and ends[j] <= s:
            j += 1
        if j < n and starts[j] < e:
            det = detect(_blank_spans(block, s, e, starts, ends, j, reads))
        else:
            det = detect(_repaired(block, s, e, reads))
        out.append((s, e, det))
    return tuple(out)


def _parted(
    bounds: list[tuple[int, int]], parts: tuple[tuple[int, int], ...]
) -> list[tuple[int, int]]:
    """The paragraph ``bounds`` cut out around the sorted ``parts``."""
    out: list[tuple[int, int]] = []
    k = 0
    for s, e in bounds:
        while k < len(parts) and parts[k][1] <= s:
            k += 1
        kk = k
        while kk < len(parts) and parts[kk][0] < e:
            ps, pe = parts[kk]
            if ps > s:
                out.append((s, ps))
            s = max(s, pe)
            kk += 1
        if s < e:
            out.append((s, e))
    return out


def _readings(doc: Document) -> list[tuple[int, int, str]]:
    """``(start, end, reading)`` in order, without overlaps: the text detection reads
    in place of what is written. Every letter-restoring repair a fix may apply is
    read as repaired, so that applying it, alone or with others, in any order,
    never changes a paragraph's language: the safe mojibake repairs (shared with the
    mojibake rule's cache), HTML entities (``&#233;`` is ``é`` to a reader),
    words spelled with look-alike letters (``Ηello`` with a Greek Eta is ``Hello``)
    and C1 controls as c1-control writes them (``\x92`` is ``’``).
    """
    text = doc.text
    if text.isascii() and "&" not in text:
        return []

    def compute(d: Document) -> list[tuple[int, int, str]]:
        # the rule module is imported here, not at the top: it imports the engine
        from .rules.confusables import lookalike_readings
        from .rules.encoding import c1_readings

        found = [(r.start, r.end, r.repaired) for r in mojibake_repairs(d) if r.safe]
        found += _entity_readings(d.text)
        found += lookalike_readings(d)
        found += c1_readings(d)
        found.sort()
        kept: list[tuple[int, int, str]] = []
        end = 0
        for item in found:
            if item[0] >= end:
                kept.append(item)
                end = item[1]
        return kept

    return doc.cached("language.readings", compute)


def _block_entities_fn(block: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(entity_readings(block)) if "&" in block else ()


_block_entities = TextMemo(_block_entities_fn, max_chars=4_000_000, max_entries=16384)


def _entity_readings(text: str) -> list[tuple[int, int, str]]:
    """:func:`.entities.entity_readings` of ``text``, block by block when it is long
    (an entity never holds a line break), each block's memoised: the regex over the
    whole of 1 MB cost a keystroke 0.8 ms."""
    if len(text) <= _spans._RESCAN_MIN or len(text) > _spans.MAX_MEMO_TEXT:
        return entity_readings(text)
    out: list[tuple[int, int, str]] = []
    for bs, found in _spans.block_results(text, _block_entities):
        out.extend([(s + bs, e + bs, v) for s, e, v in found])
    return out


def _repaired(text: str, start: int, end: int, repairs: list[tuple[int, int, str]]) -> str:
    """``text[start:end]`` with the repairs that lie wholly inside it applied."""
    if not repairs:
        return text[start:end]
    i = bisect_right(repairs, (start, -1, ""))
    parts: list[str] = []
    pos = start
    while i < len(repairs) and repairs[i][0] < end:
        rs, re_, fixed = repairs[i]
        i += 1
        if rs < pos or re_ > end:
            continue
        parts.append(text[pos:rs])
        parts.append(fixed)
        pos = re_
    parts.append(text[pos:end])
    return "".join(parts)


def _blank_spans(
    text: str,
    start: int,
    end: int,
    starts: list[int],
    ends: list[int],
    j: int,
    repairs: list[tuple[int, int, str]] | None = None,
) -> str:
    """``text[start:end]`` with the non-prose spans from index ``j`` on blanked
    (as :func:`_prose_text` does)."""
    parts: list[str] = []
    pos = start
    n = len(starts)
    while j < n and starts[j] < end:
        s, e = starts[j], ends[j]
        if s > pos:
            parts.append(_repaired(text, pos, s, repairs or []))
        parts.append(" ")
        pos = max(pos, e)
        j += 1
    if pos < end:
        parts.append(_repaired(text, pos, end, repairs or []))
    return "".join(parts)


def language_map(doc: Document, config: Config) -> LanguageMap:
    """The document's paragraphs and their languages, computed once per document."""
    key = f"language.map:{config.language}"
    return doc.cached(key, lambda d: _compute(d, config))


def document_language(doc: Document, config: Config | None = None) -> str | None:
    """The document's main language for the status bar (``fr-CA``, ``en``…), or None."""
    return language_map(doc, config or Config()).majority


# --------------------------------------------------------------------------- rule helpers


def family_spans(doc: Document, config: Config, family: str) -> list[tuple[int, int, str]]:
    """``(start, end, tag)`` of the paragraphs in ``family``'s language (cached)."""
    key = f"language.spans:{family}:{config.language}"
    return doc.cached(key, lambda d: language_map(d, config).spans(family))


class FamilyIndex:
    """ "Is this offset in a paragraph of my language, and which variant?" in O(log n)."""

    __slots__ = ("_ends", "_runs", "_starts", "_tags", "_text")

    def __init__(self, spans: Sequence[tuple[int, int, str]], text: str = "") -> None:
        self._text = text
        self._runs: list[tuple[int, int, str]] | None = None
        self._starts = [s for s, _, _ in spans]
        self._ends = [e for _, e, _ in spans]
        self._tags = [t for _, _, t in spans]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def tag_at(self, offset: int) -> str | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return self._tags[i]
        return None

    def inside(self, positions: list[int]) -> list[int]:
        """The sorted ``positions`` that fall in one of the paragraphs, in one walk."""
        starts, ends = self._starts, self._ends
        n = len(starts)
        i = 0
        out: list[int] = []
        for p in positions:
            while i < n and ends[i] <= p:
                i += 1
            if i == n:
                break
            if starts[i] <= p:
                out.append(p)
        return out

    def ranges(self) -> list[tuple[int, int, str]]:
        """One ``(start, end, tag)`` per paragraph."""
        return list(zip(self._starts, self._ends, self._tags, strict=True))

    def runs(self) -> list[tuple[int, int, str]]:
        """Consecutive paragraphs of the same tag fused: fewer, longer scans for rules
        that do not care where paragraphs end."""
        if self._runs is None:
            out: list[tuple[int, int, str]] = []
            for s, e, t in zip(self._starts, self._ends, self._tags, strict=True):
                if out and out[-1][2] == t and self._adjacent(out[-1][1], s):
                    out[-1] = (out[-1][0], e, t)
                else:
                    out.append((s, e, t))
            self._runs = out
        return self._runs

    def _adjacent(self, end: int, start: int) -> bool:
        return start - end <= 64 and not self._text[end:start].strip()


def family_index(doc: Document, config: Config, family: str) -> FamilyIndex:
    key = f"language.index:{family}:{config.language}"
    return doc.cached(key, lambda d: FamilyIndex(family_spans(d, config, family), d.text))
