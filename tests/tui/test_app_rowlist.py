"""The virtual list draws only what is on screen and fetches rows a page at a time."""
from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tui.widgets.rowlist import PAGE, RowList

ROWS = 100_000


class ListApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[int] = []
        self.chosen: list[dict] = []

    def fetch(self, ids: list[int]) -> list[dict]:
        self.fetched.extend(ids)
        return [{"id": i, "label": f"row {i}"} for i in ids]

    def compose(self) -> ComposeResult:
        yield RowList(self.fetch, lambda row, width: Text(row["label"]))

    def on_mount(self) -> None:
        self.query_one(RowList).set_ids(list(range(ROWS)))
        self.query_one(RowList).focus()

    def on_row_list_chosen(self, event: RowList.Chosen) -> None:
        self.chosen.append(event.row)


async def test_only_visible_pages_are_fetched():
    app = ListApp()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        rows = app.query_one(RowList)
        assert rows.render_line(0).text.startswith("row 0")
        assert len(app.fetched) <= PAGE
        await pilot.press("G")
        await pilot.pause()
        assert rows.cursor == ROWS - 1
        last = rows.size.height - 1
        assert rows.render_line(last).text.startswith(f"row {ROWS - 1}")
        assert len(app.fetched) <= 3 * PAGE        # first page, last page (maybe the one before)
        await pilot.press("g", "j", "j", "enter")
        assert app.chosen[-1]["id"] == 2


async def test_keys_move_the_cursor_and_keep_it_in_view():
    app = ListApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        rows = app.query_one(RowList)
        for _ in range(25):
            await pilot.press("j")
        assert rows.cursor == 25
        top = rows.scroll_offset.y
        assert top <= 25 < top + rows.scrollable_content_region.height
        await pilot.press("pagedown")
        paged = rows.cursor
        assert paged > 25
        await pilot.press("k")
        assert rows.cursor == paged - 1
        await pilot.press("home")
        assert rows.cursor == 0 and rows.scroll_offset.y == 0


async def test_new_ids_keep_the_row_under_the_cursor():
    app = ListApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        rows = app.query_one(RowList)
        rows.set_ids([5, 6, 7, 8], keep=7)
        assert rows.current["id"] == 7
        rows.set_ids([1, 2], keep=7)
        assert rows.cursor == 0
        rows.set_ids([])
        await pilot.pause()
        assert "Nothing here." in rows.render_line(0).text


def test_counts_fit_their_four_cells_at_any_size():
    from tui.widgets.show import count_cell, person_row

    assert [count_cell(n) for n in (0, 42, 9999, 12_270, 999_999, 1_234_567, 9_960_000, 25_000_000)] == \
        ["0", "42", "9999", "12k", "999k", "1.2M", "9.9M", "25M"]
    assert all(len(count_cell(n)) <= 4 for n in range(0, 2_000_000_000, 9_973))
    row = {"name": "Ann Lee", "mentions": 12_270, "quotes": 1_592, "articles": 104_655}
    line = person_row(row, 40).plain
    assert line.split()[-3:] == ["12k", "1592", "104k"] and len(line) == 40


def test_people_rows_show_the_role_when_there_is_room():
    from tui.widgets.show import person_columns, person_row

    row = {"name": "Ann Lee", "role": "prime minister", "mentions": 3, "quotes": 1, "articles": 1}
    wide, narrow = person_row(row, 70).plain, person_row(row, 40).plain
    assert "prime minister" in wide and len(wide) == 70
    assert wide.index("prime minister") == person_columns(70).plain.index("role")
    assert "prime" not in narrow and len(narrow) == 40      # the detail pane shows it there
    assert person_row({**row, "role": None}, 70).plain.split() == ["Ann", "Lee", "3", "1", "1"]
