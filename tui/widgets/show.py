"""How rows and details look. Every piece of store text goes into rich.text.Text as a
plain string (never into markup), so an article's "[bold]" shows as typed."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from rich.text import Text

from store.db import data_folder
from store.db.labels import confidence_label, likely_label, one_line, speaker_label

_LINE_BREAKS = re.compile(r"\s*[\n\r\t]\s*")
CLIPBOARD_TOOLS = (["wl-copy"], ["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"],
                   ["pbcopy"])


def clip(text: str | None, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def columns(parts: list[tuple[str | Text, int, str]], style: str = "") -> Text:
    """Cells of fixed width, each (content, width, style), separated by a space."""
    out = Text(style=style)
    for i, (content, width, cell_style) in enumerate(parts):
        if width <= 0:
            continue
        cell = content.copy() if isinstance(content, Text) else Text(_LINE_BREAKS.sub(" ", content), style=cell_style)
        cell.truncate(width, overflow="ellipsis", pad=True)
        if i:
            out.append(" ")
        out.append_text(cell)
    return out


def number(value: float | None) -> str:
    if value is None:
        return ""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:,.3g}{suffix}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


CURRENCY = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}


def amount(value: float | None, unit: str | None) -> str:
    """A figure's value as a reader writes it: £1.6bn, 2.5%, 5,000."""
    text = number(value)
    if text and unit in CURRENCY:
        return ("-" + CURRENCY[unit] + text[1:]) if text.startswith("-") else CURRENCY[unit] + text
    if text and unit == "%":
        return text + "%"
    return text


def plural(n: int, word: str) -> str:
    """"1 article", "2 articles"; "person"/"people" too."""
    if n == 1:
        return f"1 {'person' if word == 'people' else word.removesuffix('s')}"
    return f"{n:,} {word}"


def header(path: str, counts: dict[str, int]) -> Text:
    out = Text(" byline ", style="bold reverse")
    out.append("  ")
    out.append(Path(path).name, style="bold")
    out.append("   ")
    parts = [plural(counts[k], k) for k in ("articles", "people", "quotes", "figures")]
    out.append(" · ".join(parts), style="dim")
    return out


def count_line(shown: int, total: int | None) -> Text:
    """A list's size beside its filter box: "25,000"; filtered, "87 of 25,000" (as k9s)."""
    if total is None:
        return Text(f"{shown:,}", style="dim")
    return Text(f"{shown:,} of {total:,}", style="bold" if shown else "yellow")


def spelling_line(spellings: dict[str, list[str]] | None) -> Text | None:
    """The close spellings a filter used because its words as typed matched nothing."""
    if not spellings:
        return None
    out = Text(" no match as typed; close spellings: ", style="dim")
    for i, (word, close) in enumerate(spellings.items()):
        if i:
            out.append("; ", style="dim")
        out.append(word, style="strike dim")
        out.append(" → ", style="dim")
        out.append(", ".join(close), style="italic")
    return out


def scope_line(label: str, person: dict | None) -> Text | None:
    if not person:
        return None
    out = Text(f" {label} ", style="bold")
    out.append(person["name"], style="bold reverse")
    out.append("   esc shows everyone", style="dim")
    return out


def article_label(row: dict) -> str:
    number = row.get("article_id", row.get("id"))
    return one_line(row.get("title") or Path(row.get("path") or "").name or
                    (f"article {number}" if number is not None else "untitled article"))


def speaker(row: dict) -> Text:
    """Who said it: a person; else an organisation the text names as the source, marked
    as such (never shown as if it were a person); else an unnamed source as the text
    describes it; else a withheld guess, "likely Ann Cole, low confidence", in the style
    of an unknown speaker (never shown as if it were the speaker); else "unknown speaker"."""
    if row.get("speaker"):
        style = "bold"
    elif row.get("organisation") or one_line(row.get("described")):
        style = "italic"
    else:
        style = "dim italic"
    return Text(speaker_label(row), style=style)


def is_guess(row: dict) -> bool:
    """The quote names nobody as its source, and keeps a withheld guess at its speaker."""
    return not (row.get("speaker") or row.get("organisation") or one_line(row.get("described"))) \
        and bool(one_line(row.get("likely")))


def confidence_cell(row: dict, width: int = 4) -> Text:
    """The confidence as a percentage, right-aligned: yellow when too low to name the speaker."""
    return Text(confidence_label(row).rjust(width), style="yellow" if is_guess(row) else "dim")


# ---- rows --------------------------------------------------------------------

COUNTS = (("ment", "mentions"), ("quo", "quotes"), ("art", "articles"))


def _person_widths(width: int) -> tuple[int, int]:
    """Name and role share what the counts leave; no role column under 48 cells, where
    the detail pane shows it."""
    rest = width - 5 * len(COUNTS)
    if width < 48:
        return rest, 0
    name = min(28, rest // 2)
    return name, rest - name - 1


def person_row(row: dict, width: int) -> Text:
    name, role = _person_widths(width)
    return columns([(row["name"], name, ""), (row.get("role") or "", role, "italic")] +
                   [(f"{count_cell(row[key]):>4}", 4, "dim") for _, key in COUNTS])


def count_cell(n: int) -> str:
    """A count in four cells: 9999, then 12k, 999k, 1.2M, 25M (the detail shows it whole)."""
    if n < 10_000:
        return str(n)
    if n < 1_000_000:
        return f"{n // 1000}k"
    if n < 10_000_000:
        return f"{n // 100_000 / 10:.1f}M"     # rounded down, as the others: 9,960,000 is 9.9M
    return f"{n // 1_000_000}M" if n < 1_000_000_000 else f"{n // 1_000_000_000}G"


def person_columns(width: int) -> Text:
    name, role = _person_widths(width)
    return columns([("name", name, ""), ("role", role, "")] + [(label.rjust(4), 4, "") for label, _ in COUNTS],
                   style="bold")


def quote_row(row: dict, width: int, dated: bool = False) -> Text:
    """Who, the confidence, a mark for a partial quote, the words. The list has no room for
    the detail's words: a withheld guess is "likely Ann Cole", dim, its confidence cell
    in yellow says it is low; an unnamed source is its description alone, in italic."""
    if is_guess(row):
        who = Text(f"likely {one_line(row['likely'])}", style="dim italic")
    elif not (row.get("speaker") or row.get("organisation")) and one_line(row.get("described")):
        who = Text(one_line(row["described"]), style="italic")
    else:
        who = speaker(row)
    name_width = min(22, max(14, width // 4))
    date, outlet = _quote_meta_widths(width, dated)
    return columns([(who, name_width, ""), (confidence_cell(row), 4, ""), (quote_mark(row), 2, ""),
                    (date_cell(row), date, "dim cyan"), (one_line(row.get("source")), outlet, "dim cyan"),
                    (f"“{one_line(row['text'])}”", _quote_words_width(width, name_width, dated), "")])


def quote_mark(row: dict) -> Text:
    """Two cells: ✓ for a checked quote (corrected or confirmed by hand), … for a partial one."""
    out = Text("✓" if row.get("checked") else " ", style="green")
    out.append("…" if row.get("kind") == "partial" else " ", style="yellow")
    return out


def date_cell(row: dict) -> str:
    return one_line((row.get("published") or "")[:10])


def _quote_meta_widths(width: int, dated: bool) -> tuple[int, int]:
    """The date and outlet columns of the Quotes list, shown while it is sorted by date (the
    words keep their room otherwise; the detail shows both): both from 70 cells (the list
    at 120 columns, and at 80), the date alone from 56, neither below."""
    if not dated:
        return 0, 0
    return (10 if width >= 56 else 0), (10 if width >= 70 else 0)


def _quote_words_width(width: int, name_width: int, dated: bool) -> int:
    return width - name_width - 9 - sum(w + 1 for w in _quote_meta_widths(width, dated) if w)


def quote_columns(width: int, by_date: str | None) -> Text | None:
    """The Quotes list's header while it is sorted by date: by_date "newest" or "oldest"
    (s, S); None in article order."""
    if not by_date:
        return None
    name_width = min(22, max(14, width // 4))
    date, outlet = _quote_meta_widths(width, True)
    arrow = {"newest": "▼", "oldest": "▲"}.get(by_date, "")
    return columns([("speaker", name_width, ""), ("conf", 4, ""), ("", 2, ""), ("date" + arrow, date, ""),
                    ("outlet", outlet, ""), ("quote", _quote_words_width(width, name_width, True), "")],
                   style="bold")


def _figure_widths(width: int) -> list[tuple[str, int]]:
    """value, kind, unit fixed; what it measures and the article share the rest (the
    article column goes first when the list is narrow)."""
    rest = width - 30
    about = rest if rest < 40 else rest // 2
    return [("value", 11), ("kind", 8), ("unit", 8), ("about", about), ("article", rest - about - 1)]


def figure_column_at(width: int, x: int) -> str | None:
    """The figures column under cell x of the header."""
    left = 0
    for name, w in _figure_widths(width):
        if w > 0 and left <= x < left + w + 1:
            return name
        left += w + 1 if w > 0 else 0
    return None


def figure_columns(width: int, sort: str, descending: bool) -> Text:
    arrow = "▼" if descending else "▲"
    return columns([(name + (arrow if name == sort else ""), w, "") for name, w in _figure_widths(width)],
                   style="bold")


def figure_row(row: dict, width: int) -> Text:
    cells = {"value": (amount(row.get("value"), row.get("unit")).rjust(11), "bold"), "kind": (row.get("kind") or "", "cyan"),
             "unit": (row.get("unit") or "", ""), "about": (row.get("about") or "", ""),
             "article": (article_label(row), "dim")}
    return columns([(cells[name][0], w, cells[name][1]) for name, w in _figure_widths(width)])


def article_row(row: dict, width: int) -> Text:
    """Title first; then outlet and date (blank when the metadata lacks them); counts."""
    meta = " ".join(one_line(v) for v in ((row.get("published") or "")[:10], row.get("source")) if v)
    meta_width = min(26, max(0, width // 3 - 4))
    counts = f"{row['quotes']:>3}q {row['figures']:>3}f"
    return columns([(article_label(row), width - meta_width - 11, ""), (meta, meta_width, "dim cyan"),
                    (counts, 9, "dim")])


# ---- details -----------------------------------------------------------------

def _field(out: Text, label: str, value: str | Text | None) -> None:
    if value in (None, ""):
        return
    out.append(f"{label}: ", style="dim")
    out.append_text(value if isinstance(value, Text) else Text(one_line(str(value))))
    out.append("\n")


def _source_line(row: dict) -> Text:
    out = Text(article_label(row), style="italic")
    rest = [v for v in (row.get("source"), (row.get("published") or "")[:10]) if v]
    if rest:
        out.append(" — " + ", ".join(one_line(v) for v in rest), style="dim")
    return out


def person_detail(row: dict, forms: list[str], articles: list[dict]) -> Text:
    out = Text(row["name"] + "\n", style="bold")
    if row.get("role"):
        out.append(one_line(row["role"]) + "\n", style="italic")
    out.append(" · ".join(plural(row[k], k) for k in ("mentions", "quotes", "articles")) + "\n\n", style="dim")
    _field(out, "Called", ", ".join(forms) if forms else row["name"])
    out.append("\nArticles\n", style="bold")
    for a in articles:
        out.append("• ")
        out.append_text(_source_line(a))
        extra = [f"{a['mentions']}×"] + ([one_line(a["role"])] if a.get("role") else [])
        out.append("  " + ", ".join(extra) + "\n", style="dim")
    if row["articles"] > len(articles):
        out.append(f"… and {row['articles'] - len(articles)} more\n", style="dim")
    out.append("\nenter: their quotes and figures   r: read their mentions", style="dim")
    return out


QUOTE_HINT = "\nenter: read it in the article   y: copy with citation   Y: as Markdown   e: correct   u: undo"


def quote_detail(row: dict, evidence_first: bool = False, hint: str = QUOTE_HINT) -> Text:
    """The quote, who said it and why byline thinks so. evidence_first (the narrow layout,
    where the detail is a few lines under the list, which already shows the words): who,
    why and how sure come before the words."""
    words = Text(f"“{one_line(row['text'])}”\n", style="bold" if row.get("kind") != "partial" else "")
    who = Text("— ")
    if is_guess(row):
        who.append("unknown speaker", style="dim italic")
        who.append(" · ")
        who.append(likely_label(row), style="yellow")
    else:
        who.append_text(speaker(row))
    if row.get("speaker") and row.get("role"):
        who.append(", " + one_line(row["role"]), style="italic")
    who.append("\n")
    if one_line(row.get("via")):
        who.append_text(relay_line(row))
    if row.get("kind") == "partial":
        who.append("partial quote (a few words inside a sentence)\n", style="yellow")
    evidence = Text()
    why = Text(one_line(row.get("cue")) or "no cue found", style="" if row.get("cue") else "dim italic")
    if row.get("sieve"):
        why.append(f"  (rule: {one_line(row['sieve'])})", style="dim")
    if row.get("id") is not None:
        evidence.append_text(quote_ident(row))
    _field(evidence, "Why byline thinks so", why)
    _field(evidence, "Confidence", confidence_text(row))
    where = Text()
    _field(where, "In", _source_line(row))
    if evidence_first:
        parts = [who, evidence, Text("\n"), words, where]
    else:
        parts = [words, who, Text("\n"), evidence, where]
    out = Text()
    for part in parts:
        out.append_text(part)
    out.append(hint, style="dim")
    return out


def relay_line(row: dict) -> Text:
    """ "as reported by CNN (the article relays it: not heard first-hand)" for a quote the
    text says someone else reported (`Lo said, according to CNN`)."""
    out = Text(f"  as reported by {one_line(row.get('via'))}", style="italic")
    out.append(" (the article relays it: not heard first-hand)\n", style="dim")
    return out


CORRECTIONS = {"speaker": "speaker set by hand", "unknown": "marked unknown by hand", "confirmed": "confirmed"}


def quote_ident(row: dict) -> Text:
    """ "quote 123", the id `byline cite` and `byline fix` take; "✓ checked (confirmed)" when
    a correction or confirmation of it is in force."""
    out = Text(f"quote {row['id']}", style="bold")
    if row.get("checked"):
        out.append("  ✓ checked", style="bold green")
        what = CORRECTIONS.get(row.get("correction") or "")
        out.append(f" ({what})" if what else "", style="green")
    out.append("\n")
    return out


def confidence_text(row: dict) -> Text | None:
    """ "96%, how often this kind of decision (pronoun:alone) was right on annotated
    articles"; a withheld guess says it is too low to name the speaker. None where byline
    named nobody; "not measured" for a speaker stored before confidence was."""
    label = confidence_label(row)
    guess = is_guess(row)
    if not label:
        return Text("not measured (stored by an older byline)", style="dim italic") if row.get("speaker") else None
    out = Text(label + (", low" if guess else ""), style="bold yellow" if guess else "bold")
    kind = one_line(row.get("decision"))
    out.append(f"  how often {'this kind of decision (' + kind + ')' if kind else 'such a decision'}"
               " was right on annotated articles", style="dim")
    if guess:
        out.append("\ntoo low to name the speaker: not cited as theirs", style="yellow")
    return out


def marked(text: str, start: int, end: int, limit: int = 0) -> Text:
    """text on one line with text[start:end] in bold reverse; with a limit, cut to about
    that many characters around the marked part (an ellipsis where it was cut)."""
    before, inside, after = text[:start], text[start:end], text[end:]
    if limit and len(text) > limit:
        room = max(0, limit - len(inside)) // 2
        before = ("…" + before[-room:]) if len(before) > room else before
        after = (after[:room] + "…") if len(after) > room else after
    out = Text(one_line(before) + (" " if before[-1:].isspace() else ""))
    out.append(one_line(inside), style="bold reverse")
    out.append((" " if after[:1].isspace() else "") + one_line(after))
    return out


def figure_detail(row: dict, sentence: tuple[str, int, int] | None = None) -> Text:
    """The figure as written, the sentence it was read from (the figure in bold), then
    what byline made of it."""
    out = Text(one_line(row["text"]) + "\n\n", style="bold")
    if sentence:
        said = Text("“")
        said.append_text(marked(*sentence))
        said.append("”")
        said.stylize("italic")
        out.append_text(said)
        out.append("\n\n")
    _field(out, "Value", amount(row.get("value"), row.get("unit")))
    _field(out, "Kind", row.get("kind"))
    _field(out, "Unit", row.get("unit"))
    _field(out, "Qualifier", row.get("qualifier"))
    _field(out, "Measures", row.get("about"))
    _field(out, "In", _source_line(row))
    out.append("\nenter: see it in the article   s: sort by another column (value: within each unit)",
               style="dim")
    return out


def article_detail(row: dict, article: dict | None) -> Text:
    out = Text(article_label(row) + "\n", style="bold")
    meta = [one_line(v) for v in (row.get("source"), (row.get("published") or "")[:10], row.get("author")) if v]
    if meta:
        out.append(" · ".join(meta) + "\n", style="dim")
    if row.get("url"):
        out.append(one_line(row["url"]) + "\n", style="underline dim")
    out.append("\n" + " · ".join(plural(row[k], k) for k in ("people", "quotes", "figures")) + "\n\n", style="dim")
    if article:
        out.append(opening(article["text"], 600) + "\n")
    out.append("\nenter: read it", style="dim")
    return out


def opening(text: str, size: int) -> str:
    """The first paragraphs of an article, about size characters, a blank line between them."""
    paras, used = [], 0
    for para in (one_line(p) for p in (text or "").split("\n")):
        if para:
            paras.append(clip(para, size - used) if used + len(para) > size else para)
            used += len(para)
        if used >= size:
            break
    return "\n\n".join(paras)


def system_copy(text: str) -> str | None:
    """Put text on the system clipboard with the first tool present; a missing or failing
    tool is not an error (the OSC 52 copy has already been sent)."""
    for tool in CLIPBOARD_TOOLS:
        if shutil.which(tool[0]):
            try:
                done = subprocess.run(tool, input=text.encode("utf-8"), timeout=2,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except (OSError, subprocess.SubprocessError):
                continue
            if done.returncode == 0:
                return tool[0]
    return None


CLIPBOARD_FILE = "clipboard.txt"       # in the data folder: the last copy no clipboard tool took


def deliver(text: str) -> str:
    """Put text on the system clipboard; where no tool takes it, save it to CLIPBOARD_FILE
    in the data folder. Says where it went, for the status line (the app has already sent
    it by OSC 52, which no program can tell worked)."""
    tool = system_copy(text)
    if tool:
        return f"copied to the clipboard ({tool})"
    path = data_folder() / CLIPBOARD_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    except OSError as e:
        return (f"no clipboard tool found: copied via the terminal (OSC 52) if it supports it; "
                f"saving it to {path} failed ({e.strerror or e})")
    return f"no clipboard tool found: copied via the terminal (OSC 52) if it supports it, and saved to {path}"


def copied_label(kind: str, text: str | None, cited_to: str | None = None) -> str:
    """What a copy was, for the status line: 'Quote “at a crossroads…” cited to Keir Starmer:'."""
    return f"{kind} “{clip(text, 50)}”" + (f" cited to {cited_to}" if cited_to else "") + ":"
