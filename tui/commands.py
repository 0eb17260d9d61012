"""The command palette's byline entries: every action in `tui.bindings.PALETTE`, and a
jump to a person or an article (a bounded query)."""
from __future__ import annotations

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from store.db import labels, reads
from tui.bindings import PALETTE


def app_action(app, action: str):
    """A callable running one of the App's actions, such as "copy('plain')"."""
    _, name, params = parse(action)
    method = getattr(app, f"action_{name}")
    return lambda: method(*params)


class BylineCommands(Provider):
    """Every action by name, and a jump to a person or an article."""

    def actions(self) -> list[tuple[str, str, object]]:
        return [(entry.name, entry.help_text, app_action(self.app, entry.action)) for entry in PALETTE]

    async def discover(self) -> Hits:
        for name, help_text, command in self.actions():
            yield DiscoveryHit(Content(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self.actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), command, text=name, help=help_text)
        app = self.app
        for row in reads.people_named(app.store, query, limit=10):
            label = f"Person: {row['name']}"
            yield Hit(0.9 * max(matcher.match(label), 0.1), _highlight(matcher, label),
                      lambda row=row: app.choose_person(row), text=label, help="Show their quotes and figures")
        for row in reads.articles_titled(app.store, query, limit=10):
            label = f"Article: {labels.one_line(row['title'])[:100]}"
            yield Hit(0.8 * max(matcher.match(label), 0.1), _highlight(matcher, label),
                      lambda row=row: app.open_reader("articles", row), text=label, help="Open it in the reader")


def _highlight(matcher, candidate: str) -> Content:
    """The candidate with matched letters marked, built as plain content (the palette's own
    highlight parses markup, and names and titles are data)."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets if score else ():
        content = content.stylize("bold underline", offset, offset + 1)
    return content
