"""Parse the author block of a reference ('Henaff, G., Potin, É., et Sorin, F.') into Persons."""

from __future__ import annotations

import re
from functools import lru_cache

from biblio_cli.model import Person
from biblio_cli.normalize import PARTICLES

#: Initials such as "M.", "M.-N.", "J.-F.", "A. A.", "É.", "Ch.", "MN" (Vancouver), "J" (no dot).
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.?(?:\s*[-‐]\s*|\s+)?)+$")
_STRICT_INITIALS = re.compile(r"^(?:(?:[^\W\d_][a-z]?\.)(?:\s*-\s*|\s*)?)+$")
_VANCOUVER_INITIALS = re.compile(r"^[A-Z]{1,3}$")
#: (?<!\s): the family never ends inside a run of spaces (the same split, tried again); at most 10
#: initials, so that a long run of them cannot be rescanned from every space (quadratic time).
_TRAILING_INITIALS = re.compile(r"^(?P<family>.+?)(?<!\s)\s+(?P<given>(?:[^\W\d_]\.(?:\s*-\s*|\s*)){1,10})$")
#: Initials before the family name: 'M. R. Simpson', 'S.-W. Kim', 'J.-F. de Vries' (CORA, KISTI, AGU styles).
_LEADING_INITIALS = re.compile(
    r"^(?P<given>(?:[^\W\d_][a-z]?\.\s*(?:[-‐]\s*)?)+)\s*(?P<family>(?:[a-z]{1,3}\s+){0,2}[^\W\d_][^\W\d_'’\-]*[a-z][\w'’\-]*)$"
)
#: Initials before a family name in capitals, as French styles write it: 'A. LALANDE', 'J.-P.SARTRE'.
_LEADING_INITIALS_CAPITALS = re.compile(r"^(?:[A-ZÀ-Þ]\.\s?(?:-\s?)?){1,4}[A-ZÀ-Þ][A-ZÀ-Þ'’\-]{2,}$")
#: Dotted initials whose last lost its stop, then a title's words: 'R.S Testing the' (not 'H.P Singh and').
_UNSTOPPED_INITIALS = re.compile(r"\s*(?:[A-Z]\.){1,3}[A-Z](?=\s+[A-Z][a-z]+\s+(?!(?:and|et|und)\b)[a-z])")
#: A given name, initials, then the family name: 'David W. Aha' after 'Kibler, D., and'.
_GIVEN_INITIALS_FAMILY = re.compile(r"^[^\W\d_][a-z]+(?:\s+[^\W\d_]\.)+\s+(?P<family>[^\W\d_][\w'’\-]+)$")
#: The family may hold UTF-8 read as Latin-1, whose second bytes are signs: 'KrutzÃ©n E', 'BÃ¤ck SE' (not « »).
_TRAILING_BARE_INITIALS = re.compile(r"^(?P<family>[^\W\d_][\w'’\- ¡-ª¬-º¼-¿]*?)(?<!\s)\s+(?P<given>[A-Z]{1,3})$")
#: Same splits as r"\s*(?:,?\s+(?:&|and|...)\s+|\s*&\s*|;\s*|,\s*)", written so that a long run of spaces
#: is not rescanned from each of its characters (cubic time): a separator never starts inside a run.
_SEPARATORS = re.compile(
    # (?=[\s,&;]): every separator starts with one of these; the one-character test first halves the split's cost
    r"(?=[\s,&;])(?:(?<!\s)|(?!\s))(?:\s*(?:,\s+(?:&|and|et|und|y|e|en|og|och)\s+|&\s*|;\s*|,\s*)|\s+(?:&|and|et|und|y|e|en|og|och)\s+)",
    re.IGNORECASE,
)
#: 'and others' too: 'Brim, Orville G. and others. Title' (older Chicago).
_ETAL = re.compile(
    r"(?<!\s)(?:,?\s*(?:et\s+al\.?|&\s*al\.?|et\s+coll\.?|u\.\s*a\.|\.\.\.|…|,?\s+and\s+others\.?)\s*)$", re.IGNORECASE
)
#: How every _ETAL match ends, lowercased and without trailing spaces: a test far cheaper than the search.
_ETAL_ENDINGS = ("al", "al.", "coll", "coll.", "a.", "...", "…", "others", "others.")
_GROUP_HINTS = re.compile(
    r"\b(?:agence|association|institut|institute|university|université|universität|ministère|ministry|"
    r"department|organi[sz]ation|office|centre|center|council|conseil|commission|committee|comité|"
    r"society|société|foundation|fondation|group|groupe|bureau|national|nationale|federal|fédéral|"
    r"world|european|européen|européenne|inc|ltd|gmbh|observatoire|direction|délégation|agency)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\(\s*(?:eds?\.?|dirs?\.?|dir\.\s*de\s*publ\.|hrsg\.?|hg\.?|coords?\.?|éds?\.?|edited\s+by|sous\s+la\s+dir(?:ection)?\.?[^)]*)\s*\)",
    re.IGNORECASE,
)

#: Patterns used in the functions below, compiled once (re's own cache costs a lookup per call).
_INITIAL_PIECES = re.compile(r"[\s.\-‐]+")
_NAMES_END = re.compile(r"\.\s+(?!et\s+al\b)")  # 'Bae E, Calhoun V. et al. Title': et al. ends the names
_NAMES_GO_ON = re.compile(r"[^\W\d_]{1,2}\.|(?:and|&|und)\s")
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")
_EDGE_STARS = re.compile(r"^\*+|\*+$")
_FINAL_INITIAL = re.compile(r"(?:^|[\s.\-])[^\W\d_]{1,2}\.$")
_HAS_INITIAL = re.compile(r"(?:^|[\s.\-])[^\W\d_]{1,2}\.")
#: How far from its end a _FINAL_INITIAL match can start: four characters, five before a final newline ('$').
_FINAL_INITIAL_REACH = 5


def _ends_on_initial(text: str) -> bool:
    """`_FINAL_INITIAL.search(text)`, tried in the last few characters only: the search from every position
    of a long name list cost more than the rest of the test."""
    return _FINAL_INITIAL.search(text, max(0, len(text) - _FINAL_INITIAL_REACH)) is not None


def strip_et_al(block: str) -> tuple[str, bool]:
    """Remove a closing 'et al.', '& al.', 'u. a.' or '...'; report whether one was there."""
    if not block.rstrip()[-7:].lower().endswith(_ETAL_ENDINGS):
        return block, False
    m = _ETAL.search(block)
    return (block[: m.start()], True) if m else (block, False)


def strip_role(block: str) -> tuple[str, bool]:
    """Remove '(Ed.)', '(dir.)', '(Hrsg.)' markers; report whether one was present."""
    new = _ROLE.sub("", block)
    return new.strip(" ,"), new != block


@lru_cache(maxsize=4096)  # asked several times per token by parse_authors
def _is_initials(token: str, *, loose: bool = False) -> bool:
    """`loose` also accepts a given name before initials ('Elena V. M.'), for the token after a family."""
    token = token.strip()
    if not token:
        return False
    if _STRICT_INITIALS.match(token) or _VANCOUVER_INITIALS.match(token):
        return True
    # Length first: _INITIALS backtracks exponentially on a long word, and initials are short.
    if len(token) > 12 or "." not in token:
        return False
    # Each piece is one or two letters: 'Drewell R.' is a name followed by an initial, not initials.
    if not loose and any(len(piece) > 2 for piece in _INITIAL_PIECES.split(token)):
        return False
    return bool(_INITIALS.match(token))


def vancouver_prefix(block: str) -> str:
    """The 'Bae E, Calhoun V' list that opens `block` up to its first full stop, or ''.

    Vancouver names (family then bare capital initials) end at the first '. ', where the title starts.
    """
    m = _NAMES_END.search(block)  # 'Bae E, Calhoun V. et al. Title': et al. ends the names
    if not m:
        return ""
    head = block[: m.start()]
    if _NAMES_GO_ON.match(block, m.end()):
        return ""  # 'Baumberg A. M. & Hogg D.': the dot belongs to dotted initials, the names go on
    names = strip_et_al(head)[0].strip(" ,.")
    if "(" not in names and "[" not in names:
        first = _SEPARATORS.split(names, maxsplit=1)[0].strip()
        if first and not _is_vancouver_name(first):
            return ""  # the common case (APA, French...): the first name settles it, no full split
    tokens = _split_outside_parens(names)
    if tokens and all(_is_vancouver_name(t) for t in tokens):
        return "" if len(tokens) == 1 and _given_then_family(names, block, m.end()) else head
    return ""


#: A given name and one middle initial, as 'Eric J' in 'Eric J. Rossetter, ...' (and Vancouver's 'Smith J').
_GIVEN_AND_INITIAL = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+ [A-Z]")
#: One family name closing a name written given name first, before the next name ('Rossetter, Joshua',
#: 'Allen and Harry': not 'Obata K. Excitatory and trophic', a title) or a title's word ('Berman. Fiction';
#: a word with its stop is a journal's abbreviation: 'Bologonesi S. Nucl. Phys. B').
_FAMILY_CLOSING_NAME = re.compile(
    r"[A-ZÀ-Þ][\w'’\-]*[a-zà-ÿ][\w'’\-]*(?:(?:,|\s(?:and|&))\s+[A-ZÀ-Þ‘“\"«]|\.\s+(?P<title>[^\s.]+(?:[\s,:;]|$)))"
)
#: A number before the sentence's end: the journal of 'Nikas G. Pinopodes. Human Reproduction 14: 99-106'.
_NUMBER_BEFORE_STOP = re.compile(r"[^.\d]*\d")


def _given_then_family(names: str, block: str, after: int) -> bool:
    """'Eric J. Rossetter, Joshua P. Switkes, ...', 'Russell A. Berman. Fiction Sets You Free': a given name and
    a middle initial, then one family name, not a Vancouver name ('Smith J') before its title."""
    if not _GIVEN_AND_INITIAL.fullmatch(names):
        return False
    family = _FAMILY_CLOSING_NAME.match(block, after)
    # 'Nikas G. Pinopodes. Human Reproduction 14': a title of one word, then the journal and its volume
    return bool(family and not (family.group("title") and _NUMBER_BEFORE_STOP.match(block, family.start("title"))))


#: 'Smith, John. Title ...', 'Goethe, Johann Wolfgang von. Title', 'Klein, Étienne, Les tactiques, ...': an
#: inverted first name (given names, an initial, a trailing particle), then the title (Chicago, MLA, French).
_INVERTED_THEN_TITLE = re.compile(
    r"^[^\W\d_][\w'’\-]+(?:\s[^\W\d_][\w'’\-]+)?,"
    r"(?:\s[A-ZÀ-Þ][\w'’\-]+){1,3}(?:\s[A-Z]\.)?(?P<particle>\s[a-z]{1,4})?(?=(?P<stop>\.\s|,\s))"
)
#: Words that open a title, never a name: 'The Turkish Straits', 'Les tactiques', "L'art".
_TITLE_OPENING = re.compile(r"(?:the|an?|les?|la|l['’]|une?|die|der|das|el|il|lo)\b", re.IGNORECASE)
#: Lowercase words that join names ('Carla Dahl and Wyndy Corbin'), so no sign of a title.
_NAME_JOINERS = frozenset(("and", "et", "und", "y", "e", "&"))
#: ';' too: 'Zhou, W.; Vavro, J.; Smalley, R. E., Title' (ACS style).
_NAME_LIST_SEPARATOR = re.compile(r"[,;]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+")
#: Bare initials before a one-word family name: 'AM Trinkoff', 'J Geiger-Brown' (never Vancouver: the family
#: name written first would be the capitals).
_LEADING_BARE_INITIALS = re.compile(r"^(?P<given>[A-Z]{1,3})\s+(?P<family>[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*)$")


#: French styles' family name, then the given name or its initials in parentheses: 'FERRIERES (Madeleine)',
#: 'Codou (Y.)', 'ALLEN (J.P.)' (never a role: 'Smith (Ed.)' is left to strip_role). The list's first name must
#: show it: in 'Lakomy, R., Sudbury (Canada): Title' the parentheses hold a place.
_FAMILY_THEN_GIVEN_IN_PARENS = re.compile(
    r"^(?P<family>[A-ZÀ-Þ][\w'’\-]*(?:\s[A-ZÀ-Þ][\w'’\-]*)?)\s\("
    r"(?P<given>[A-ZÀ-Þ][a-zà-ÿ]+(?:[\s\-][A-ZÀ-Þ][a-zà-ÿ]+)?|(?:[A-ZÀ-Þ][a-z]?\.\s?-?){1,4})\)$"
)


def _family_then_given_in_parens(token: str) -> re.Match[str] | None:
    """'FERRIERES (Madeleine)' -> family 'FERRIERES', given 'Madeleine'; None for a role ('Smith (Ed.)')."""
    if token[-1:] != ")":
        return None
    m = _FAMILY_THEN_GIVEN_IN_PARENS.match(token)
    return m if m and not _ROLE.search(token) and not _is_group_like(m.group("family")) else None


#: The dash that repeats the entry before's authors: '______.', '---.', '—.' (folded to '-.').
_REPEATED_AUTHORS = re.compile(r"(?:_{2,}|-{2,}|—+)(?=\s*[.,])|-(?=\.\s)")


_SINGLE_OPENING_QUOTES = "‘'"
_CLOSING_QUOTE_OF = {'"': '"', "“": "”", "«": "»"}
#: How long a quoted word inside a title runs ('“Odyssey”'), and how far back the word before it is read.
_INNER_QUOTE_REACH = 30
#: The word right before a quotation mark that opens no title but a word in it: 'of the “Odyssey”', 'The “Iliad”'.
_WORD_BEFORE_INNER_QUOTE = re.compile(r"(?:^|\s)(?:[a-zß-ÿ]+|The|An?)\s$")


def _quote_inside_title(block: str, quote: int) -> bool:
    """Whether the quotation mark at `quote` sits inside a title that follows the names: a name never ends on
    a lowercase word or an article ('D. Wender, The Last Scene of the “Odyssey”'), a title often does, and the
    quoted word is short."""
    closing = _CLOSING_QUOTE_OF[block[quote]]
    if closing not in block[quote + 1 : quote + _INNER_QUOTE_REACH]:
        return False  # '... dans le livre « Bone biology and skeletal disorders »': a whole title, quoted
    return _WORD_BEFORE_INNER_QUOTE.search(block, max(0, quote - _INNER_QUOTE_REACH), quote) is not None


def names_prefix(block: str) -> str:
    """The names that open `block` when the title follows them in it (year at the end), or ''.

    'J. Smith and K. Lee, "Title," ...' ends at the quote; 'A. Smith, B. Jones, Title, Journal'
    at the first token that is not a name; 'Smith, John. Title.' after the given name.
    """
    if block[:1] in "_-—":
        dash = _REPEATED_AUTHORS.match(block)
        if dash:  # '______. Title': the authors of the entry before, never the title
            return dash.group(0)
    quote = re.search(r"[\"“«]", block)
    if quote and quote.start() > 2:
        comma = block.rfind(", ", 0, quote.start())
        if comma > 0 and block[comma + 2 : comma + 3] in _SINGLE_OPENING_QUOTES:
            return block[:comma]  # "M.J. Alden, ‘The Role of Telemachus in the «Odysseia»’": the title's own quote
        if comma > 0 and _quote_inside_title(block, quote.start()):
            quote = None  # 'D. Wender, The Last Scene of the “Odyssey”, Leiden 1978': a quoted word of the title
    if quote:
        inverted = _INVERTED_THEN_TITLE.match(block, 0, quote.start())
        whole_given = inverted is not None and len(inverted.group(0).rsplit(" ", 1)[-1]) > 2  # not 'Greene, Th. W.'
        if inverted and whole_given and inverted.group("stop")[0] == "." and _inverted_name_ends(inverted, block):
            return inverted.group(0)  # 'Di Sante, Costantino. Il campo per gli “indesiderabili”: ...'
        return block[: quote.start()].rstrip(" ,'‘")  # "BOLTON, Jonathan, '\"Blighted\": Title'": the single quote too
    before_et_al = _names_before_et_al(block)
    if before_et_al:
        return before_et_al
    inverted = _INVERTED_THEN_TITLE.match(block)
    if inverted and _inverted_name_ends(inverted, block):
        return inverted.group(0)
    chicago = _chicago_names_before_comma(block) if ", " in block[:200] else ""
    if chicago:
        return chicago
    sentence = _names_sentence(block)
    if sentence:
        return sentence
    natural = _NATURAL_NAME_COMMA.match(block)
    if natural and not _is_group_like(natural.group(0)) and _title_after_comma(block, natural.end() + 2):
        return natural.group(0)  # 'Michel Mollat, La notion de pauvreté, Revue ...': one name, then the title
    end = 0
    start = 0
    family_alone = False  # the token before was a family name waiting for its initials
    # 'Kwon HM, Handler JS: Title' or 'Garey, M.R., Johnson, D.S.: Title': a colon closes the names
    colon = block.find(": ", 0, 2000)
    first_comma = block.find(",", 0, 60)  # 'FERRIERES (Madeleine), ...': the list's first name shows the style
    in_parens = (
        first_comma > 0 and block[first_comma - 1] == ")" and bool(_family_then_given_in_parens(block[:first_comma]))
    )
    names = strip_et_al(block[:colon] if colon > 0 else block)[0]  # 'Ferrand, K., et al.': names only
    natural_initials = False  # a name seen with its initials first: 'V.I. Arnold'
    for m in re.finditer(rf"(?:{_NAME_LIST_SEPARATOR.pattern})|$", names):
        token_start = start
        token = names[start : m.start()].strip()
        start = m.end()
        if family_alone:
            if not _is_initials(token):
                unstopped = _UNSTOPPED_INITIALS.match(names, token_start) if token[:1].isupper() else None
                if unstopped:  # 'Middleton, R.S Testing the first law': the last initial lost its stop
                    return block[: unstopped.end()]
                break
            family_alone = False  # 'Gibson, R. L., Reimold, W. U., Title, Journal': inverted names
        else:
            leading = _LEADING_INITIALS.match(token) is not None
            if not leading and natural_initials and _is_vancouver_name(token):
                break  # 'V.I. Arnold, V.A. Vasilev, Singularity Theory I, Springer': no list mixes the two orders
            natural_initials = natural_initials or leading
            if not (
                leading
                or _LEADING_INITIALS_CAPITALS.match(token)
                or _is_vancouver_name(token)
                or _LEADING_BARE_INITIALS.match(token)
                or _is_family_then_initials(token)
                or _GIVEN_INITIALS_FAMILY.match(token)  # 'John G. Cleary, W. J. Teahan, Title, ...'
                or (in_parens and _family_then_given_in_parens(token))  # 'FERRIERES (Madeleine), Nourritures, Seuil'
            ):
                if not _FAMILY_ALONE.match(token) or _is_group_like(token):
                    break
                family_alone = True
                continue  # a family counts only with its initials: 'Feferman, S.', not 'Energy, Title'

        end = m.end()
        if m.start() == len(names):
            return block[:colon] if colon > 0 else ""  # names only: nothing to cut
    return block[:end].rstrip(" ,&") if end else ""


def _is_family_then_initials(token: str) -> bool:
    """'Moulin R.', 'POUPEAU F.-M.': a family name, then its dotted initials (French, Vancouver with stops)."""
    if token[-1:] != ".":
        return False
    m = _TRAILING_INITIALS.match(token)
    return bool(m and _FAMILY_ALONE.match(m.group("family")) and not _is_group_like(m.group("family")))


#: 'et al.' after a name: written by a name's side, so with a space or a comma before it.
_ET_AL_AFTER_NAME = re.compile(r"(?<=[\s,])et\.?\s?al\b\.?")


#: A role that closes the names before the title: ', eds.', ' (Editors).', ', (dir.).' (Chicago, MLA, French).
#: Case spelt out and a comma or '(' first: the search skips every other character fast (one per entry).
_ROLE_WORD = r"(?:[Ee]ds?|[Ee]ditors?|[Dd]irs?|[Cc]oords?|[Éé]ds?|[Hh]rsg|[Hh]g)"
_ROLE_CLOSING_NAMES = re.compile(
    rf"[,(](?:(?<=,)\s*(?:\({_ROLE_WORD}\.?\)|(?:(?:[Ee]ds?|[Éé]ds?|[Dd]irs?|[Hh]rsg|[Hh]g)\.|[Ee]ditors?\b)(?!\s*by\b))"
    rf"|(?<=\s\(){_ROLE_WORD}\.?\))"
)


def names_before_role(block: str) -> tuple[str, str]:
    """'Brown, Charles S., and Ted Toadvine, eds. Eco-Phenomenology ...' -> the names and the text after the role,
    or ('', '') when no role closes a list of names inside `block` (APA's 'Smith, J. (Ed.).' is left to strip_role).

    Not 'Lord, A. B., The Singer Resumes the Tale, ed. by M. L. Lord' (the title's editor) nor a chapter's
    'In Bouma, H. (Eds.), Working Models' (the book's editors).
    """
    role = _ROLE_CLOSING_NAMES.search(block, 0, 200)
    if not role:
        return "", ""
    names, after = block[: role.start()], block[role.end() :]
    if not after.strip(" .,") or not names or names.startswith(("In ", "in ")):
        return "", ""
    tokens = [t.strip() for t in _NAME_LIST_SEPARATOR.split(strip_et_al(names)[0])]
    if any(not t or len(t) > 40 or not _NAME_WORDS.match(t) or t.startswith("The ") for t in tokens):
        return "", ""
    return names.rstrip(), after.lstrip(" .,")


def _names_before_et_al(block: str) -> str:
    """'Sambrook et al., Molecular Cloning, ...', 'A. G. Riess et al., Astron. J.': 'et al.' closes the names."""
    m = _ET_AL_AFTER_NAME.search(block, 1, 300)
    if not m:
        return ""
    tokens = [t.strip() for t in _NAME_LIST_SEPARATOR.split(block[: m.start()].strip(" ,"))]
    if not all(t and len(t) <= 40 and _NAME_WORDS.match(t) for t in tokens):
        return ""  # 'A study of dogs by Smith et al.': the words before are no names
    return block[: m.end()]


def _inverted_name_ends(inverted: re.Match[str], block: str) -> bool:
    """Whether the inverted first name matched by _INVERTED_THEN_TITLE is all the names.

    A full stop ends it ('Smith, John. Title'); a comma only before a piece that is a title, not
    another name ('Klein, Étienne, Les tactiques de Chronos, Paris' but not 'Lee, Ann, Kim, Bo').
    """
    particle = inverted.group("particle")
    if particle and particle.strip() not in PARTICLES:
        return False  # 'Smith, John and. ': a lowercase word that is no particle
    if _is_vancouver_name(block[: block.find(",")]):
        return False  # 'Dahl DW, Gom GJ, Weinberg CB: Title': a Vancouver list, no inverted name
    if inverted.group("stop")[0] == ".":
        return True
    return _title_after_comma(block, inverted.end() + 2)


def _title_after_comma(block: str, start: int) -> bool:
    """Whether the piece of `block` from `start` to the next comma or full stop reads as a title, not a name."""
    piece = block[start : start + 200].split(",", 1)[0].split(". ", 1)[0]
    words = piece.split()
    if not words or words[0] in _NAME_JOINERS:
        return False  # 'Sambrook, Joe, and David Russell': the names go on
    if _TITLE_OPENING.match(piece) or ":" in piece or any(c.isdigit() for c in piece):
        return True
    return any(w[:1].islower() and w not in _NAME_JOINERS and w not in PARTICLES for w in words)


#: Chicago's inverted first name, then a comma: 'Glixon, Beth L., ', 'Stravinsky, Igor, ', 'Certeau, Michel de, '.
_INVERTED_FIRST_NAME = re.compile(
    r"[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?,(?:\s[A-ZÀ-Þ][\w'’\-]+){1,3}(?:\s[A-Z]\.)*(?:\s[a-z]{1,4})?,\s"
)
#: A name in natural order, whole: 'Robert Craft', 'Jonathan E. Glixon', 'Cynthia H. Y. Fu', 'Ludwig van Beethoven'.
_NATURAL_FULL_NAME = re.compile(
    r"[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*(?:\s(?:[A-Z]\.|[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*)){0,3}(?:\s[a-z]{1,3}){0,2}\s[A-ZÀ-Þ][\w'’\-]+"
)


def _chicago_names_before_comma(block: str) -> str:
    """The names of a Chicago note-style list that a comma closes before the title, or '':
    'Glixon, Beth L., and Jonathan E. Glixon, Inventing the Business of Opera: ...', 'Brown, Jeannine K., Carla M.
    Dahl and Wyndy Corbin, Becoming Whole and Holy: ...' (the first name inverted or not, the others given first).

    Every piece between commas is then one or more whole names; the last is joined by 'and', as Chicago writes it,
    so that 'Smith, John, Modern Times, Penguin' (a title in capitals) keeps its title.
    """
    first = _INVERTED_FIRST_NAME.match(block)
    start = first.end() if first else 0
    end = joined = 0
    while start < 1000:
        comma = block.find(", ", start, start + 200)
        if comma < 0:
            break
        piece = block[start:comma]
        and_first = piece.startswith("and ")
        names = (piece[4:] if and_first else piece).split(" and ")
        if not all(_NATURAL_FULL_NAME.fullmatch(name) and not _TITLE_OPENING.match(name) for name in names):
            break
        end, start = comma, comma + 2
        if and_first or len(names) > 1:
            joined = comma
    return block[:end] if joined and joined == end and start < len(block) else ""


#: One name in natural order before a comma: 'Richard Shone, ', 'Étienne Renard, ', 'Joseph A. Schumpeter, '.
_NATURAL_NAME_COMMA = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*(?:\s[A-Z]\.)?\s[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*(?=,\s)")


#: A one-word family name opening an inverted list: 'Lee, Myeong Ju, Kim, Gab Sook'.
_FAMILY_ALONE_COMMA = re.compile(r"[A-ZÀ-Þ][\w'’\-]+,\s")
#: A family name written alone before its initials: 'Gibson', 'El Gorsey', 'van der Berg'.
_FAMILY_ALONE = re.compile(r"^(?:[a-z]{1,3}\s+){0,2}[A-ZÀ-Þ][\w'’\-]*(?:\s+[A-ZÀ-Þ][\w'’\-]*){0,2}$")
#: A full stop that may close the names: not one between two initials ('D. J.') or before 'and'/'&'.
_SENTENCE_END = re.compile(r"\.\s+(?!(?:[^\W\d_][a-z]?\.|and\b|&|et\s+al\b|[a-z]))")
_NAME_WORDS = re.compile(r"^(?:(?:[^\W\d_][a-z]?\.\s*(?:-\s*)?)*(?:[a-z]{1,3}\s+)?[A-ZÀ-Þ][\w'’\-]*\.?\s*){1,4}$")


#: A name's other name in parentheses, after it: 'Max (Johann Kaspar Schmidt)', 'Stendhal (Henri Beyle)' (a pen
#: name and the real one; several capitalised words, never the one word or initials of 'FERRIERES (Madeleine)').
_ALIAS = re.compile(r"\s\([A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*(?:\s[A-ZÀ-Þ][\w'’\-]*\.?){1,3}\)$")


def _without_final_particle(token: str) -> str:
    """'Michel de' -> 'Michel': Chicago writes a particle after the given names ('Certeau, Michel de, ...')."""
    head, _, last = token.rpartition(" ")
    return head if head and last in PARTICLES else token


def _names_sentence(block: str) -> str:
    """'D. J. Burr. Title', 'Avrim Blum and Jo Lee. Title', 'Smith, A. B. & Jones, C. D. A title':
    the names are the first sentence when every piece of it looks like a name or initials."""
    for m in _SENTENCE_END.finditer(block, 0, 2000):
        head = block[: m.start() + 1]
        if _stop_closes_names(head) and not _middle_initial_before_family(head, block, m.end()):
            break
    else:
        return ""
    # 'Rees, J. and W. Clinger (Eds.).': the role is no name, and strip_role takes it off later
    tokens = [t.strip() for t in _NAME_LIST_SEPARATOR.split(strip_role(strip_et_al(head.rstrip("."))[0])[0])]
    aliased = tokens[-1:] != [] and tokens[-1].endswith(")") and bool(_ALIAS.search(tokens[-1]))
    if aliased:  # 'Stirner, Max (Johann Kaspar Schmidt). Title': the author's other name closes the names
        tokens[-1] = _ALIAS.sub("", tokens[-1])
    if not tokens or any(not t or len(t) > 40 or not _NAME_WORDS.match(_without_final_particle(t)) for t in tokens):
        return ""
    one_word = len(tokens) == 1 and len(tokens[0].split()) < 2
    if one_word and not aliased and not (len(tokens[0]) > 2 and tokens[0].isupper()):
        return ""  # one word: a title as likely as a name, unless in capitals ('COLLECTIF. Titre', 'AASHTO.')
    last_piece = head[head.rfind(",") + 1 :]  # 'F. Jahanian and Al Mok. Title': the last name has no initial
    joined = " and " in last_piece or "&" in last_piece
    if _LEADING_INITIALS.match(tokens[0]) and not joined and not _HAS_INITIAL.search(tokens[-1]):
        return ""  # 'E. Garnett, P. Yang, Nano Lett.': names given first, then a journal without initials
    return head if _ends_on_initial(head) else head[:-1]


#: A name written given name first, without initials: 'Robert Tibshirani', 'Ling Tony Chen'.
_NATURAL_NAME = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*(?:\s[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*){1,2}$")
#: A given name and its initials closing a name list's piece: 'Larry L.', 'Arthur J. K.'.
_GIVEN_THEN_INITIALS = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ][\w'’\-]*(?:\s[A-Z]\.?)+$")
#: A one-word family name that closes a name: 'Peterson.', 'Erlien, and', 'Aha and'.
_FAMILY_THEN_STOP = re.compile(r"[A-ZÀ-Þ][\w'’\-]*[a-zà-ÿ][\w'’\-]*(?:[.,]|\s(?:and|&)\s)")
#: A middle name written whole after a first initial, then the family closing the name: 'Bruce Croft.' of 'W. Bruce Croft.'.
_MIDDLE_NAME_THEN_FAMILY = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+\s" + _FAMILY_THEN_STOP.pattern)


def _middle_initial_before_family(head: str, block: str, after: int) -> bool:
    """'David Moss and Larry L. Peterson. Title': the stop after 'Larry L.' is a middle initial's.

    Names written given name first before it ('David Moss', not the family alone of 'Holden, Paul E.'),
    and one word closing a name after it: the family of 'Larry L.' comes next.
    """
    pieces = _NAME_LIST_SEPARATOR.split(head[:-1])
    last = pieces[-1].strip()
    if len(pieces) > 1 and _is_initials(last) and _NATURAL_NAME.match(pieces[-2].strip()):
        # 'Trevor Hastie, Robert Tibshirani, and J. H. Friedman. Title', 'Ling Tony Chen, R. Drach, ...': names
        # written given names first, so initials alone open the next name, whose family comes after them
        # 'James P. Callan, Zhihong Lu, and W. Bruce Croft. Title': one initial, then a middle name and the family
        middle_name = len(last) == 1 and _MIDDLE_NAME_THEN_FAMILY.match(block, after) is not None
        return middle_name or bool(_FAMILY_THEN_STOP.match(block, after))
    if not _GIVEN_THEN_INITIALS.match(last):
        return False
    if len(pieces) == 1:  # 'Gene T. J. Wuu and Arthur Bern': the first name, and the list goes on after it
        family = _FAMILY_THEN_STOP.match(block, after)
        return bool(family and family.group(0)[-1] == " ") or _given_then_family(last, block, after)
    before = pieces[-2].split()
    if len(before) == 1 and len(pieces) > 2 and before[0][:1].isupper() and not _is_initials(before[0]):
        # 'Blish, James, and Norman L. Knight. Title': the inverted first name is whole, a new name opens
        return bool(_FAMILY_THEN_STOP.match(block, after))
    if len(before) < 2 or _is_initials(before[-1]) or not before[-1][:1].isupper():
        return False  # 'Holden, Paul E.' (the family alone) or 'Bloom T., Lee K.' (family, initials)
    return bool(_FAMILY_THEN_STOP.match(block, after))


def _stop_closes_names(head: str) -> bool:
    """Whether the full stop ending `head` may close the names rather than abbreviate a given name.

    'D. J. Burr.' closes after a family name. A stop after an initial closes 'Jones, C. D.' and
    'Holden, Paul E.' (the given part of an inverted name, after a family written alone), but not
    'M. Kitsuregawa, H.' nor 'Gick, B., Y.': there the initial opens the next name, given name first.
    """
    if "," not in head:
        return not _is_initials(head.rstrip(".").rsplit(" and ", 1)[-1].rsplit("&", 1)[-1])
    if not _ends_on_initial(head):
        return True
    pieces = _NAME_LIST_SEPARATOR.split(head[:-1])
    if _ends_on_initial(pieces[0].rstrip(".") + ".") and not _LEADING_INITIALS.match(pieces[0]):
        return True  # 'Hofbauer L.C., Riggs B.L.': every name is written family first, initials after
    return len(pieces) < 2 or not _HAS_INITIAL.search(pieces[-2])


def _is_vancouver_name(token: str) -> bool:
    bare = _TRAILING_BARE_INITIALS.match(token)
    return bare is not None and len(bare.group("family").split()) <= 3 and not _is_group_like(token)


@lru_cache(maxsize=4096)  # asked several times per token by parse_authors
def _is_group_like(token: str) -> bool:
    # Particles do not count: 'van den Brand B' is a person, 'Centre for Policy Studies' is not.
    if "(" in token or _GROUP_HINTS.search(token):
        return True
    words = token.split()
    if len(words) < 3:  # most tokens: dropping the particles cannot leave three words or more
        return False
    words = [w for w in words if w not in PARTICLES]
    if len(words) != 3:  # most tokens are one or two words: no lowercase word to count
        return len(words) > 3
    return any(w[:1].islower() for w in words)


def _person(family: str, given: str = "") -> Person:
    family = family.strip(" ,.;:*")
    given = given.strip(" ,;:*")
    words = family.split()
    if len(words) == 1 and not (words[0][:1] == "d" and words[0][1:2] in ("'", "’") and len(words[0]) > 3):
        return Person(family=words[0], given=given)  # the common case: one word, no particle to count or split off
    lead = 0  # count the particles, then slice once: pop(0) in a loop is quadratic on a long input
    while len(words) - lead > 1 and words[lead] in PARTICLES and words[lead].islower():
        lead += 1
    particle_words, words = words[:lead], words[lead:]
    if len(words) == 1 and words[0].lower().startswith(("d'", "d’")) and words[0][0] == "d" and len(words[0]) > 3:
        particle_words.append(words[0][:2])
        words[0] = words[0][2:]
    return Person(family=" ".join(words), given=given, particle=" ".join(particle_words))


def _inverted_person(family: str, given: str) -> Person:
    """'Goethe', 'Johann Wolfgang von' -> von Goethe, Johann Wolfgang: a particle written after the given names."""
    head, _, last = given.rpartition(" ")
    if head and last in PARTICLES:
        return _person(f"{last} {family}", head)
    return _person(family, given)


def _natural_order(token: str) -> Person:
    """'Mary Jones' -> Jones, Mary; 'Ludwig van Beethoven' -> van Beethoven, Ludwig."""
    words = token.split()
    if len(words) == 1:
        return _person(token)
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES and words[cut - 1].islower():
        cut -= 1
    return _person(" ".join(words[cut:]), " ".join(words[:cut]))


#: Given names of an inverted name: 'José Carlos Assis', 'Johann Wolfgang von' (a trailing particle).
_GIVEN_NAMES = re.compile(r"^[A-ZÀ-Þ][\w'’\-]*\.?(?:\s[A-ZÀ-Þ][\w'’\-]*\.?){1,3}(?:\s[a-z]{1,4})?$")


def _split_outside_parens(block: str) -> list[str]:
    """Split on separators, but never inside '(...)' or '[...]' (group names with acronyms)."""
    if "(" not in block and "[" not in block and "\0" not in block and "\1" not in block:
        # the common case: nothing protected, no placeholder to put back
        return [stripped for p in _SEPARATORS.split(block) if (stripped := p.strip())]
    protected = block
    if "(" in block or "[" in block:
        protected = _BRACKETED.sub(lambda m: m.group(0).replace(",", "\0").replace("&", "\1"), block)
    parts = _SEPARATORS.split(protected)
    return [p.replace("\0", ",").replace("\1", "&").strip() for p in parts if p and p.strip()]


#: One capitalised word, a family name when names are joined by 'and' alone: 'Lowe', 'Nilsson-Ehle'.
_ONE_FAMILY = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?")


def _all_vancouver_names(tokens: list[str]) -> bool:
    for token in tokens:  # noqa: SIM110 (a plain loop: twice as fast as all() over a generator)
        if not _is_vancouver_name(token):
            return False
    return True


def _any_initials(tokens: list[str]) -> bool:
    for token in tokens:  # noqa: SIM110 (a plain loop: twice as fast as any() over a generator)
        if _is_initials(token):
            return True
    return False


def _any_group_like(tokens: list[str]) -> bool:
    for token in tokens:  # noqa: SIM110 (a plain loop: twice as fast as any() over a generator)
        if _is_group_like(token):
            return True
    return False


def parse_authors(block: str, *, natural: bool = False) -> tuple[tuple[Person, ...], bool, list[str]]:
    """Parse an author block. Returns (persons, et_al, problems).

    Handles "Family, I." pairs (APA), "Family I." (Vancouver, or a missing comma),
    "Family, Given" (Chicago), particles, compound and group names. `natural`: the block was cut
    from before a title (year at the end), where a first name not followed by a comma is written
    given name first ('Avrim Blum and Jo Lee').
    """
    problems: list[str] = []
    block = block.strip()
    if "*" in block:  # most blocks have no star: skip the substitution
        block = _EDGE_STARS.sub("", block)
    block = block.strip(" ,;:")
    # (without a final dot the rstrip does nothing: no need to look for an initial)
    if block.endswith(".") and not _ends_on_initial(block):
        block = block.rstrip(".")  # keep the dot of a final initial ("Sorin, F.")
    block, et_al = strip_et_al(block)
    block = block.strip(" ,")
    if not block:
        return (), et_al, problems
    tokens = _split_outside_parens(block)
    if block[-1:] == ")":
        tokens = [_ALIAS.sub("", t) if t.endswith(")") else t for t in tokens]  # 'Stirner, Max (Johann Kaspar Schmidt)'
    if (
        len(tokens) > 1
        and tokens[-1].endswith(".")
        and _is_vancouver_name(tokens[-1][:-1])  # first: one test, which APA's final 'L.' fails
        and _all_vancouver_names(tokens[:-1])
    ):
        tokens[-1] = tokens[-1][:-1]  # 'Bae E, Drewell R.': the dot ends the list, 'R' is no dotted initial
    if len(tokens) > 1 and "," not in block and ";" not in block and all(_ONE_FAMILY.fullmatch(t) for t in tokens):
        return tuple(_person(t) for t in tokens), et_al, problems  # 'Lowe and Cheng': two families, no given name
    persons: list[Person] = []
    # Whole-list facts, worked out on first use (None until then): most lists ('Smith, J., Jones, K.') never
    # reach the branches that need them. Once only: asking for each token would be quadratic.
    initials_seen: bool | None = None
    any_group: bool | None = None
    alternating: bool | None = None
    all_multiword = False
    # 'FERRIERES (Madeleine), ...': the first name shows how every name is written
    french = bool(tokens) and tokens[0][-1:] == ")" and bool(_family_then_given_in_parens(tokens[0]))
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        in_parens = _family_then_given_in_parens(token) if french else None
        if in_parens:  # 'FERRIERES (Madeleine)'
            persons.append(_person(in_parens.group("family"), in_parens.group("given")))
            i += 1
            continue
        leading = _LEADING_INITIALS.match(token)
        if leading and not (persons and not persons[-1].given and not persons[-1].is_group and nxt[:1].isupper()):
            # 'M. R. Simpson' (given first); but in 'Smith, J. Jones, K.' the initials may belong before.
            persons.append(_person(leading.group("family"), leading.group("given").strip()))
            i += 1
            continue
        # the cheap tests on the previous person first: after a complete name, the initials test is not needed
        if persons and not persons[-1].given and not persons[-1].is_group and _is_initials(token, loose=True):
            persons[-1] = _person(persons[-1].full_family, token)
            i += 1
            continue
        if nxt and _is_initials(nxt) and not _is_group_like(token):
            persons.append(_person(token, nxt))
            i += 2
            continue
        trailing = _TRAILING_INITIALS.match(token)
        if trailing and not _is_group_like(trailing.group("family")):
            persons.append(_person(trailing.group("family"), trailing.group("given")))
            problems.append(
                f"no comma between the family name and the initials in '{token}'"
                f" (write '{trailing.group('family')}, {trailing.group('given').strip()}')"
            )
            i += 1
            continue
        bare = _TRAILING_BARE_INITIALS.match(token)
        if bare and initials_seen is None:
            initials_seen = _any_initials(tokens)
        if bare and not initials_seen and not _is_group_like(token):
            persons.append(_person(bare.group("family"), bare.group("given")))
            i += 1
            continue
        leading_bare = _LEADING_BARE_INITIALS.match(token) if natural else None
        if leading_bare and not _is_group_like(token):  # 'AM Trinkoff, JA Lipscomb: Title'
            persons.append(_person(leading_bare.group("family"), leading_bare.group("given")))
            i += 1
            continue
        given_first = _GIVEN_INITIALS_FAMILY.match(token)
        if given_first and (i > 0 or natural):  # natural: 'Gene T. J. Wuu and Arthur Bern'
            persons.append(_person(given_first.group("family"), token[: given_first.start("family")].strip()))
            i += 1
            continue
        if initials_seen is None:
            initials_seen = _any_initials(tokens)
        if any_group is None:
            any_group = _any_group_like(tokens)
        if _is_group_like(token) or initials_seen or any_group:
            if _is_group_like(token):
                persons.append(Person(family=token.strip(" .,"), is_group=True))
            else:
                persons.append(_person(token))
            i += 1
            continue
        # No initials anywhere: "Smith, John, Jones, Mary" (given names in full) or
        # Chicago's "Smith, John, and Mary Jones" (first inverted, the rest in natural order).
        if alternating is None:
            # 'Smith, John, Jones, Mary': a given name is one word, maybe with an initial ('Mary K.');
            # 'Ramos, Ana, Tom Fielding, Grace Obi' is Chicago's inverted first name, then natural order.
            alternating = len(tokens) % 2 == 0 and all(
                len(t.split()) == 1 or (len(t.split()) == 2 and _is_initials(t.split()[1])) for t in tokens[1::2]
            )
            # 'John Brant, Brian Foote, and Don Roberts': every name in natural order.
            all_multiword = natural and all(len(t.split()) >= 2 and not _is_initials(t) for t in tokens)
        if alternating and i % 2 == 0 and nxt:
            persons.append(_person(token, nxt))
            i += 2
            continue
        if (
            i == 0
            and natural
            and 2 <= len(token.split()) <= 4
            and (all_multiword or not block[len(token) :].lstrip().startswith(","))
        ):
            persons.append(_natural_order(token))
            i += 1
            continue
        if i == 0 and nxt and (len(nxt.split()) <= 2 or (len(tokens) == 2 and _GIVEN_NAMES.match(nxt))):
            persons.append(_inverted_person(token, nxt))
            i += 2
            continue
        persons.append(_natural_order(token) if i > 0 else _person(token))
        i += 1
    # ',*,': a token of punctuation only leaves an empty name, which is no author
    return tuple([p for p in persons if p.family or p.given or p.is_group]), et_al, problems


def parse_editor_phrase(phrase: str) -> tuple[Person, ...]:
    """Editors as a chapter shows them: 'C. Delory-Momberger', 'J. Smith & K. Lee' (given first)."""
    phrase, _ = strip_role(phrase)
    persons = []
    for token in _split_outside_parens(phrase):
        words = token.split()
        lead = 0  # count the initials, then slice once (not pop(0), quadratic on a long input)
        while len(words) - lead > 1 and _is_initials(words[lead]):
            lead += 1
        given_words, words = words[:lead], words[lead:]
        if given_words:
            persons.append(_person(" ".join(words), " ".join(given_words)))
        elif len(words) >= 2 and not _is_group_like(token):
            persons.append(_person(words[-1], " ".join(words[:-1])))
        else:
            persons.append(_person(token))
    return tuple(persons)


#: A word of a person's name in a comma list: capitalised ('Prensky', 'O'Neill'), initials ('H.P', 'R.L.', 'V.A.Vasilev').
_NAME_PIECE_WORD = re.compile(r"(?:[A-ZÀ-Þ]\.)*[A-ZÀ-Þ][\w'’\-]*\.?$")
#: A sentence's end or a colon after a word, which closes the names: 'M. von der Beeck. A comparison', 'Lee S: Title'.
_NAMES_STOP = re.compile(r"(?<=[a-zà-ÿ]{2})\.\s|(?<=\w):\s?")
#: What parts the names of one comma piece: 'and', '&', or the dash of Italian lists before initials ('W. Labov - J. Waletsky'), not a
#: title's ('Export Flows - A Queueing Approach').
_NAME_PIECE_SEPARATOR = re.compile(r"^(?:and|&)\s+|\s+(?:and|&|[-–](?=\s+[^\W\d_]{1,2}\.))\s+")
_OPENING_QUOTES = "\"“«'‘"
_QUOTED_PIECE = re.compile(r",\s+[\"“«'‘]")
#: What shows a title in a comma piece: a quotation mark, a digit, a parenthesis, a question.
_TITLE_IN_PIECE = re.compile(r"[\"“”«»‘’:;()\[\]?!\d]|^'")


def _capitals(word: str) -> bool:
    """'IJAM', 'BARONE': a word in capitals, not an initial ('W.')."""
    return word.isalpha() and word.isupper()


def names_before_title_piece(block: str) -> tuple[str, bool] | None:
    """The names that open `block` (the whole text before a closing year) read piece by piece, when no finder
    took them, and whether they are written given names first: 'Marc Prensky, 'Digital Native', Venue, Vol. 9
    No. 5' gives 'Marc Prensky'; '' when the block opens with the work ('"Title" Journal, August', 'Scientific
    Committee on Food Safety, Opinion. Journal'); None when it cannot tell.

    A name piece is one to four capitalised words besides initials (particles count), never a quotation mark or a
    digit: the first piece that is no name opens the title. A role ('W. Labov - J. Waletsky (eds.), Title'), a
    sentence's end or a colon ('M. von der Beeck. A comparison', 'Takeda S: Title') closes them.
    """
    start = end = 0
    natural = not _FAMILY_ALONE_COMMA.match(block)  # 'Lee, Myeong Ju, Kim, Gab Sook, Title': inverted names
    while start < len(block) and start < 1000:
        comma = block.find(", ", start, start + 200)
        piece_end = comma if comma >= 0 else min(len(block), start + 200)
        stop = _NAMES_STOP.search(block, start, piece_end)
        piece, role = strip_role(block[start : stop.start() if stop else piece_end].strip(" ,"))
        parts = [p for p in _NAME_PIECE_SEPARATOR.split(piece) if p]
        if not parts or _TITLE_IN_PIECE.search(piece) or _TITLE_OPENING.match(piece):
            break
        if any(sum(not _is_initials(w) for w in part.split()) > 4 for part in parts):
            break
        if stop and " " not in piece:
            break  # 'Phys. Stat. Sol.', 'Becker. Ernest.': one word before a stop may be an abbreviation
        words = [[w for w in part.split() if w not in PARTICLES] for part in parts]
        if not all(_NAME_PIECE_WORD.match(w) for ws in words for w in ws):
            break
        # 'Jonkers IJAM', 'BARONE Robert': a family written first, in capitals or before its initials
        natural = natural and not any(len(ws) > 1 and (_capitals(ws[-1]) or _capitals(ws[0])) for ws in words)
        end = stop.start() + (block[stop.start()] == ".") if stop else piece_end  # 'Lee.' keeps its stop
        if stop or role:
            return block[:end], natural
        if comma < 0:
            return None  # names only, up to the year: nothing to cut
        start = comma + 2
    if end:
        return block[:end], natural
    quoted = _QUOTED_PIECE.search(block, 0, 200)
    if quoted and not _TITLE_IN_PIECE.search(block, 0, quoted.start()):
        return block[: quoted.start()], natural  # "Byoung. su Lee, Seung. woo Kim, 'Title'": names before a quote
    if block.lstrip()[:1] in _OPENING_QUOTES or len(block[: block.find(",")].split()) > 4:
        return "", False  # the work opens the block: a quoted title, or a long piece no name list holds
    return None
