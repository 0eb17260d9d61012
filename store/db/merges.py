"""One person across the archive: people merged and split, by hand or automatically.

A merge moves every mention, quote and article of a person (`name`) to another (`into`)
and deletes the first: its name stays one of the forms of the person kept, and a later
article naming it lands on the person kept (writes.person_id looks merges up). A split
moves one article's mentions and quotes of a person to a person of their own, and is made
again when that article is written again (re-added or extracted again: reapply_splits). Both are
recorded (merges table) with the places (article, offsets) of the rows moved, so
undo_merge puts them back, also after the article is extracted again; an automatic merge
undone by hand is never made again.

The automatic merges (auto_merge, run at the end of every ingest) are only the safe ones,
each with its reason:
1. case slips: "HIllary Clinton" folds into "Hillary Clinton";
2. a middle name or initial: "Donald J. Trump" joins "Donald Trump" when no other person
   has that first and last name with a different middle ("George H. W. Bush" beside
   "George W. Bush" keeps both apart from "George Bush");
3. a surname alone: "Obama" joins the one person with a full name ending in it, when the
   store holds exactly one;
4. ... or, when it holds several, the one whose roles name every office the surname's
   roles name, when that office is no other's (surname_fits: "Obama", a president, beside
   Barack Obama, a president, and Michelle Obama); where two fit ("Clinton", a president,
   beside Bill and Hillary Clinton both called president) or none, it stays apart.
Rules 2 to 4 also need the two not to contradict (contradiction()): their genders, where
both are known, agree; neither is described as someone's father or son (a namesake may be near);
and the offices their roles name (president, senator, judge, ...) share one where both
name any ("president" and "secretary of state" contradict). For rule 3, a surname with an
office ("Judge Berman") joins only a full name known to hold it, and a surname that is
also someone's first name ("Gary" beside Gary Johnson) joins nobody.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict

from .corrections import user
from .errors import StoreError
from .sql import dict_rows
from .writes import kept_name, now, recount_people

# words of a role that name an office or calling: two people whose roles name them, none
# shared, are two people ("Judge Berman" is not the lobbyist Wayne Berman)
OFFICES = frozenset("""president senator governor mayor minister secretary congressman congresswoman
    representative judge justice chancellor ambassador attorney director chairman chairwoman chair
    ceo spokesman spokeswoman spokesperson king queen prince princess pope general commissioner
    mp lawmaker sheriff treasurer premier leader pastor reverend bishop professor""".split())
ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
                 "sec": "secretary", "gen": "general", "rev": "reverend", "prof": "professor"}
# a person described as someone's father or son may share a name with them (Rafael Cruz,
# Ted Cruz's father, is not Rafael Edward Cruz): never merged automatically
KIN = frozenset({"father", "son"})
# a last word that is no surname: "Donald Trump Jr" is neither "Donald Trump" nor a "Jr"
SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})

_ROW = "SELECT id, kind, name, into_name AS 'into', article_id, reason, auto, who, at FROM merges"


def merge(store, name: str, into: str) -> dict:
    """By hand: the person `name` joins the person `into`. Returns the merge row."""
    if name == into:
        raise StoreError(f"cannot merge {name} into themselves")
    with store.transaction(f"merge {name} into {into}") as conn:
        src, dst = _person(conn, name), _person(conn, into)
        return _move(conn, "merge", src, dst, name, into, None, "by hand", False)


def split(store, name: str, article_id: int, *, as_name: str | None = None) -> dict:
    """By hand: the mentions and quotes of `name` in one article become another person's:
    `as_name` (made if new, else joined), by default a person named by the fullest form
    the article used for them that no other person bears, or else "NAME (article ID)".
    Returns the split's row (kind "split"; undo_merge undoes it)."""
    with store.transaction(f"split {name}") as conn:
        src = _person(conn, name)
        forms = conn.execute("SELECT forms FROM article_people WHERE article_id = ? AND person_id = ?",
                             (article_id, src)).fetchone()
        if forms is None:
            raise StoreError(f"{name} is not one of the people of article {article_id}")
        new = " ".join(as_name.split()) if as_name else _split_name(conn, name, article_id, json.loads(forms[0] or "[]"))
        if not new or new == name:
            raise StoreError("a split needs a name other than the person's own")
        row = conn.execute("SELECT id FROM people WHERE name = ?", (new,)).fetchone()
        dst = row[0] if row else conn.execute("INSERT INTO people (name) VALUES (?)", (new,)).lastrowid
        return _move(conn, "split", src, dst, name, new, article_id, f"split by hand in article {article_id}", False)


def undo_merge(store, merge_id: int) -> None:
    """Undo a merge or a split: the rows it moved go back (those still stored as it left
    them: an article re-ingested or extracted again meanwhile is made anew by the next
    one). Refused while a later merge or split in force moved either person's rows on."""
    with store.transaction(f"undo merge {merge_id}") as conn:
        row = conn.execute("SELECT kind, name, into_name, moved, undone FROM merges WHERE id = ?",
                           (merge_id,)).fetchone()
        if row is None:
            raise StoreError(f"no merge with id {merge_id}")
        kind, name, into, moved, undone = row
        if undone:
            raise StoreError(f"merge {merge_id} is already undone")
        # a later merge or split of either person moved rows this one would put back
        later = conn.execute("SELECT id FROM merges WHERE id > ? AND undone IS NULL AND"
                             " (name IN (?, ?) OR into_name = ?) ORDER BY id DESC LIMIT 1",
                             (merge_id, name, into, name)).fetchone()
        if later:
            raise StoreError(f"undo merge {later[0]} first: it was made later, with {name} or {into}")
        conn.execute("UPDATE merges SET undone = ? WHERE id = ?", (now(), merge_id))
        _move_back(conn, name, into, json.loads(moved))


def merges(store) -> list[dict]:
    """Every merge and split in force, newest first: id, kind ("merge" or "split"), name,
    into, article_id (a split's), reason, auto (bool), who, at."""
    rows = dict_rows(store, _ROW + " WHERE undone IS NULL ORDER BY id DESC")
    for row in rows:
        row["auto"] = bool(row["auto"])
    return rows


def auto_merge(store) -> list[dict]:
    """Make the safe automatic merges (see the module's notes), in one transaction; returns
    their rows, each with its reason."""
    made: list[dict] = []
    with store.transaction("merge people") as conn:
        blocked = _blocked(conn)
        for rule in (case_slips, middle_names, surnames, lambda people: surname_fits(conn, people)):
            for name, into, reason in rule(_names(conn)):
                into = kept_name(conn, into)
                src, dst = _id(conn, name), _id(conn, into)
                if src is None or dst is None or src == dst or (name, into) in blocked:
                    continue
                if rule is not case_slips and contradiction(conn, src, dst, titled=rule not in (middle_names,)):
                    continue
                made.append(_move(conn, "merge", src, dst, name, into, None, reason, True))
    return made


# ---- the rules: (name, into, reason) for each merge they find among the names ---------

def case_slips(people: dict[str, tuple]) -> list[tuple[str, str, str]]:
    """Names that differ only in case fold into the one in usual casing (most mentioned)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in people:
        groups[name.casefold()].append(name)
    found = []
    for names in groups.values():
        if len(names) > 1:
            kept = max(names, key=lambda n: (_usual_casing(n), people[n][1], -people[n][0]))
            found += [(n, kept, f"case slip of {kept}") for n in names if n != kept]
    return found


def middle_names(people: dict[str, tuple]) -> list[tuple[str, str, str]]:
    """ "Donald J. Trump" -> "Donald Trump", when no other person has that first and last
    name with a different middle."""
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in people:
        words = name.split()
        if len(words) >= 3 and _is_name(words):
            by_ends[words[0], words[-1]].append(name)
    found = []
    for (first, last), names in by_ends.items():
        base = f"{first} {last}"
        if base not in people:
            continue
        for name in names:
            if all(_compatible(_middle(name), _middle(other)) for other in names):
                found.append((name, base, f"middle name: the only {first} … {last} beside {base}"))
    return found


def _full_names(people: dict[str, tuple]) -> tuple[dict[str, list[str]], set[str]]:
    """The full names by their last word, and every first word of a full name."""
    by_last: dict[str, list[str]] = defaultdict(list)
    first_names = set()
    for name in people:
        words = name.split()
        if len(words) >= 2 and _is_name(words):
            by_last[words[-1]].append(name)
            first_names.add(words[0])
    return by_last, first_names


def surnames(people: dict[str, tuple]) -> list[tuple[str, str, str]]:
    """ "Obama" -> "Barack Obama", the one person with a full name ending in it."""
    by_last, first_names = _full_names(people)
    # a word that is someone's first name ("Gary" beside Gary Johnson) is no safe surname
    return [(name, by_last[name][0], f"surname: the only full name ending in {name}")
            for name in people if " " not in name and _is_name([name]) and len(by_last.get(name, ())) == 1
            and name not in first_names]


def surname_fits(conn: sqlite3.Connection, people: dict[str, tuple]) -> list[tuple[str, str, str]]:
    """ "Obama" -> "Barack Obama" beside "Michelle Obama": a surname alone whose roles name
    an office joins the one of several full names with it that holds every such office,
    when their roles or genders contradict every other's. Where two fit ("Clinton", a
    president, beside Bill Clinton and a Hillary Clinton also called president) or none
    does, it stays apart. Gender alone decides nothing: a store's surname may be a third
    person of that name it holds no full name of ("Doyle" of "said Will Doyle" is no Jim Doyle)."""
    by_last, first_names = _full_names(people)
    found = []
    for name, (pid, _) in people.items():
        fulls = by_last.get(name, ())
        if len(fulls) < 2 or " " in name or not _is_name([name]) or name in first_names:
            continue
        offices = _role_words(conn, pid) & OFFICES
        if not offices:
            continue                     # nothing to decide by
        # fits: no gender or office contradicts (a namesake father or son is still one that
        # fits: auto_merge then refuses the merge)
        fit = [f for f in fulls if offices <= _role_words(conn, people[f][0])
               and contradiction(conn, pid, people[f][0], titled=True) in (None, "described as a father or son")]
        # a first initial another fitting name spells out is one of its forms ("B. Hussein Obama")
        spelt = {f.split()[0][0] for f in fit if len(f.split()[0].rstrip(".")) > 1}
        fit = [f for f in fit if len(f.split()[0].rstrip(".")) > 1 or f.split()[0][0] not in spelt]
        if len(fit) == 1:
            found.append((name, fit[0], f"surname: of the full names ending in {name}, the only one whose roles"
                                        f" name {', '.join(sorted(offices))}"))
    return found


def contradiction(conn: sqlite3.Connection, a: int, b: int, titled: bool = False) -> str | None:
    """Why person a cannot be person b, or None: genders known and different; either
    described as someone's father or son; roles naming offices, none in common. titled: an
    office in a's roles must be one of b's too (a surname with a title, "Judge Berman",
    joins only a full name known to hold it)."""
    genders = [r[0] for r in conn.execute("SELECT gender FROM people WHERE id IN (?, ?) AND gender IS NOT NULL",
                                          (a, b))]
    if len(genders) == 2 and genders[0] != genders[1]:
        return "genders differ"
    words = [_role_words(conn, a), _role_words(conn, b)]
    if words[0] & KIN or words[1] & KIN:
        return "described as a father or son"
    offices = [w & OFFICES for w in words]
    if offices[0] and not offices[0] & offices[1] and (offices[1] or titled):
        return "roles name different offices"
    return None


def _role_words(conn: sqlite3.Connection, pid: int) -> set[str]:
    """The words of every role a person is given, abbreviations spelt out."""
    roles = conn.execute("SELECT group_concat(role, ' ') FROM article_people WHERE person_id = ?", (pid,)).fetchone()[0]
    return {ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z]+", (roles or "").lower())}


# ---- moving rows ----------------------------------------------------------------

def reapply_splits(conn: sqlite3.Connection, keys: list[str]) -> None:
    """The splits in force of these articles (just written again: re-added, or extracted
    again) made again: the person's mentions and quotes there go to the split's person
    again, and the split records the rows it now moved (so undo_merge still undoes it)."""
    for key in keys:
        row = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None:
            continue
        aid = row[0]
        for mid, name, into in conn.execute("SELECT id, name, into_name FROM merges WHERE kind = 'split'"
                                            " AND article_id = ? AND undone IS NULL ORDER BY id", (aid,)).fetchall():
            src = _id(conn, kept_name(conn, name))
            if src is None or not conn.execute("SELECT 1 FROM article_people WHERE article_id = ? AND person_id = ?",
                                               (aid, src)).fetchone():
                continue                 # the new text does not name them: nothing to move
            dst = _id(conn, into) or conn.execute("INSERT INTO people (name) VALUES (?)", (into,)).lastrowid
            moved = _move_rows(conn, src, dst, aid)
            conn.execute("UPDATE merges SET moved = ? WHERE id = ?", (json.dumps(moved, ensure_ascii=False), mid))


def follow_article(conn: sqlite3.Connection, old: int, new: int) -> None:
    """An article written again under a new id keeps its splits (reapply_splits makes them again)."""
    conn.execute("UPDATE merges SET article_id = ? WHERE kind = 'split' AND article_id = ?", (new, old))


def _move(conn: sqlite3.Connection, kind: str, src: int, dst: int, name: str, into: str,
          article_id: int | None, reason: str, auto: bool) -> dict:
    """Move the rows of person src (in one article, or all) to person dst, recording what
    moved; the merge row."""
    moved = _move_rows(conn, src, dst, article_id)
    cur = conn.execute("INSERT INTO merges (kind, name, into_name, article_id, reason, auto, moved, who, at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (kind, name, into, article_id, reason, int(auto), json.dumps(moved, ensure_ascii=False),
                        user(), now()))
    row = dict_rows(conn, _ROW + " WHERE id = ?", (cur.lastrowid,))[0]
    row["auto"] = bool(row["auto"])
    return row


def _move_rows(conn: sqlite3.Connection, src: int, dst: int, article_id: int | None) -> dict:
    """Move the rows of person src (in one article, or all) to person dst; what moved."""
    where, params = ("person_id = ? AND article_id = ?", (src, article_id)) if article_id else ("person_id = ?", (src,))
    moved = {"id": src, "gender": conn.execute("SELECT gender FROM people WHERE id = ?", (src,)).fetchone()[0],
             **{table: conn.execute(f"SELECT article_id, char_start, char_end FROM {table} WHERE {where}",
                                    params).fetchall() for table in ("mentions", "quotes")},
             "article_people": []}
    for aid, role, count, forms in conn.execute(
            f"SELECT article_id, role, mentions, forms FROM article_people WHERE {where}", params).fetchall():
        before = conn.execute("SELECT role, mentions, forms FROM article_people WHERE article_id = ? AND person_id = ?",
                              (aid, dst)).fetchone()
        moved["article_people"].append([aid, role, count, forms, list(before) if before else None])
        conn.execute("DELETE FROM article_people WHERE article_id = ? AND person_id = ?", (aid, src))
        if before:
            joined = _forms(before[2]) + [f for f in _forms(forms) if f not in _forms(before[2])]
            conn.execute("UPDATE article_people SET role = coalesce(role, ?), mentions = mentions + ?, forms = ?"
                         " WHERE article_id = ? AND person_id = ?",
                         (role, count, json.dumps(joined, ensure_ascii=False), aid, dst))
        else:
            conn.execute("INSERT INTO article_people (article_id, person_id, role, mentions, forms)"
                         " VALUES (?, ?, ?, ?, ?)", (aid, dst, role, count, forms))
    for table in ("mentions", "quotes"):
        conn.execute(f"UPDATE {table} SET person_id = ? WHERE {where}", (dst, *params))
    recount_people(conn, [src, dst])
    return moved


def _move_back(conn: sqlite3.Connection, name: str, into: str, moved: dict) -> None:
    """Put back the rows a merge or split moved from `name` to `into`, in the articles
    still holding them."""
    src = _id(conn, name)
    if src is None:      # made again under its old id, unless another person has it since
        taken = conn.execute("SELECT 1 FROM people WHERE id = ?", (moved["id"],)).fetchone()
        src = conn.execute("INSERT INTO people (id, name, gender) VALUES (?, ?, ?)",
                           (None if taken else moved["id"], name, moved["gender"])).lastrowid
    dst = _id(conn, into)
    places = {table: {tuple(place) for place in moved[table]} for table in ("mentions", "quotes")}
    for link in moved["article_people"]:
        _give_back(conn, src, dst, places, *link)
    recount_people(conn, [src, dst])


def _give_back(conn: sqlite3.Connection, src: int, dst: int, places: dict[str, set[tuple]], aid: int,
               role: str | None, count: int, forms: str, before: list | None) -> None:
    """Give person src back their mentions and quotes (those at the places the move took
    them from) and article_people row in one article, taking from dst's row what the move
    added. Where dst no longer holds them all (the article was re-ingested since: a new
    article) its rows stay as they are."""
    back = {table: [i for i, start, end in conn.execute(
        f"SELECT id, char_start, char_end FROM {table} WHERE person_id = ? AND article_id = ?", (dst, aid))
        if (aid, start, end) in places[table]] for table in places}
    if len(back["mentions"]) != count or not (count or back["quotes"]):
        return
    for table, found in back.items():
        conn.executemany(f"UPDATE {table} SET person_id = ? WHERE id = ?", [(src, i) for i in found])
    now_role, now_forms = conn.execute("SELECT role, forms FROM article_people WHERE article_id = ? AND person_id = ?",
                                       (aid, dst)).fetchone() or (None, None)
    theirs, was = _forms(forms), _forms(before[2]) if before else []
    rest = [f for f in _forms(now_forms) if f not in theirs or f in was]
    left = conn.execute("SELECT count(*) FROM mentions WHERE article_id = ? AND person_id = ?", (aid, dst)).fetchone()[0]
    quoted = conn.execute("SELECT 1 FROM quotes WHERE article_id = ? AND person_id = ?", (aid, dst)).fetchone()
    if not (left or quoted or rest):        # nothing of dst's own is left there
        conn.execute("DELETE FROM article_people WHERE article_id = ? AND person_id = ?", (aid, dst))
    else:
        kept_role = before[0] if before else (None if now_role == role else now_role)
        conn.execute("UPDATE article_people SET role = ?, mentions = ?, forms = ? WHERE article_id = ? AND person_id = ?",
                     (kept_role, left, json.dumps(rest, ensure_ascii=False), aid, dst))
    conn.execute("INSERT OR REPLACE INTO article_people (article_id, person_id, role, mentions, forms)"
                 " VALUES (?, ?, ?, ?, ?)", (aid, src, role, count, forms))


# ---- names ----------------------------------------------------------------------

def _person(conn: sqlite3.Connection, name: str) -> int:
    pid = _id(conn, name)
    if pid is None:
        raise StoreError(f"no person named {name}")
    return pid


def _id(conn: sqlite3.Connection, name: str) -> int | None:
    row = conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def _names(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """Every person's name -> (id, mentions)."""
    return {name: (pid, mentions) for pid, name, mentions in conn.execute("SELECT id, name, mentions FROM people")}


def _blocked(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """(name, into) pairs never merged automatically: merges undone, and the two sides of
    a split in force."""
    pairs = set()
    for name, into, kind, undone in conn.execute("SELECT name, into_name, kind, undone FROM merges"):
        if undone or kind == "split":
            pairs.add((name, into))
        if kind == "split" and not undone:
            pairs.add((into, name))
    return pairs


def _split_name(conn: sqlite3.Connection, name: str, article_id: int, forms: list[str]) -> str:
    """The fullest form of a name the article used that is no person's name, else "NAME (article ID)"."""
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        if form != name and not form.lower().startswith("the ") and " " in form and _id(conn, form) is None:
            return form
    return f"{name} (article {article_id})"


def _forms(raw: str | None) -> list[str]:
    return json.loads(raw) if raw else []


def _is_name(words: list[str]) -> bool:
    """Every word starts with a capital letter (no "(article 3)", no lower-case words), the
    last a surname (no "Jr")."""
    return all(w[:1].isupper() for w in words) and words[-1] not in SUFFIXES


def _usual_casing(name: str) -> int:
    """How many of the words are cased as names usually are: "Hillary", "McCain", "J.",
    not "HIllary" or "CLINTON"."""
    usual = 0
    for word in name.split():
        letters = [c for c in word if c.isalpha()]
        shouting = len(letters) > 2 and all(c.isupper() for c in letters)
        slip = len(letters) > 2 and letters[0].isupper() and letters[1].isupper() and letters[2].islower()
        usual += word[:1].isupper() and not shouting and not slip
    return usual


def _middle(name: str) -> list[str]:
    """The middle names of a name, initials as single letters: "George H. W. Bush" and
    "George H.W. Bush" both give ["H", "W"]."""
    parts = []
    for word in name.split()[1:-1]:
        parts += [p for p in word.split(".") if p] if "." in word else [word]
    return parts


def _compatible(a: list[str], b: list[str]) -> bool:
    """Middle names that may be the same person's: word for word equal, or an initial
    and a name it begins ("W" and "Walker")."""
    return len(a) == len(b) and all(x == y or (min(len(x), len(y)) == 1 and x[0] == y[0]) for x, y in zip(a, b))
