"""Adding a feed: a URL in, what was discovered (or why not) shown in the dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, LoadingIndicator, OptionList
from textual.widgets.option_list import Option

from briefing.safetext import clean_line
from briefing.store import open_library
from briefing.tui.messages import SubscribeDone
from briefing.tui.widgets.lists import NavList

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class AddFeedScreen(ModalScreen[str | None]):
    """Enter subscribes (discovering the feed of a web page); Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="add-close"),
        Binding("q", "close", "Back", id="close", show=False),  # text while the URL has focus
    ]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.added: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog", classes="dialog"):
            yield Label("Add a feed", classes="dialog-title")
            yield Label(
                Text("A feed URL, or a web page whose feed should be found.", style="dim"),
                classes="dialog-help",
            )
            yield Input(placeholder="https://example.org/feed.xml", id="feed-url")
            yield LoadingIndicator(id="add-busy")
            yield Label("", id="add-result")
            yield Label("", id="add-error")
            # A page that offers several feeds: the user picks one (Enter), or more in turn.
            yield NavList(id="add-choices")  # j/k and g/G too

    def on_mount(self) -> None:
        field = self.query_one("#feed-url", Input)
        field.cursor_blink = cast("BriefingApp", self.app).cursor_blink
        field.focus()
        self.query_one("#add-busy").display = False
        self.query_one("#add-choices").display = False

    @on(Input.Submitted, "#feed-url")
    def _submit(self, event: Input.Submitted) -> None:
        url = event.value.strip()
        if not url:
            self._show_error("Type a URL first.")
            return
        self.query_one("#add-choices").display = False
        self._looking_at(url)

    def _looking_at(self, url: str) -> None:
        self.query_one("#add-busy").display = True
        self.query_one("#add-error", Label).update("")
        self.query_one("#add-result", Label).update(Text(f"Looking at {clean_line(url)} …"))
        self.subscribe(url)

    @on(OptionList.OptionSelected, "#add-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._looking_at(event.option.id)

    @work(thread=True, exclusive=True, group="subscribe", exit_on_error=False)
    def subscribe(self, url: str) -> None:
        from briefing.ingest.subscribe import SeveralFeeds, SubscribeError, subscribe

        options = cast("BriefingApp", self.app).fetcher_options
        try:
            with open_library(self.db_path) as library:
                found = subscribe(library, url, fetcher_options=options)
        except SeveralFeeds as exc:
            self.post_message(SubscribeDone(None, "", str(exc), exc.choices))
            return
        except SubscribeError as exc:
            self.post_message(SubscribeDone(None, "", str(exc)))
            return
        how = {
            "feed": "This URL is a feed.",
            "link": f"Found the feed linked from {found.found_via}.",
            "common path": f"Found a feed at a usual place on {found.found_via}.",
        }.get(found.how, found.how)
        title = found.feed.title or found.feed.url
        self.post_message(
            SubscribeDone(title, f"Subscribed to {title}: {found.feed.url}\n{how}", "")
        )

    def on_subscribe_done(self, message: SubscribeDone) -> None:
        self.query_one("#add-busy").display = False
        if message.choices:
            self._offer(message)
            return
        if message.error:
            self.query_one("#add-result", Label).update("")
            self._show_error(message.error)
            return
        self.added = message.title
        self.query_one("#add-result", Label).update(
            Text.assemble(
                (clean_line(message.detail.split("\n")[0]), "bold green"),
                "\n",
                clean_line(message.detail.split("\n")[-1]),
                "\n",
                ("Enter adds another · Escape closes and refreshes", "dim"),
            )
        )
        field = self.query_one("#feed-url", Input)
        field.value = ""

    def _offer(self, message: SubscribeDone) -> None:
        """List the feeds a page offers; Enter on one subscribes to it."""
        self.query_one("#add-error", Label).update("")
        self.query_one("#add-result", Label).update(
            Text.assemble(
                clean_line(message.error),
                "\n",
                ("Enter subscribes to the highlighted feed · Escape closes", "dim"),
            )
        )
        choices = self.query_one("#add-choices", OptionList)
        choices.clear_options()
        choices.add_options(
            Option(
                Text.assemble(
                    (f"{n:>2}  ", "dim"),
                    clean_line(choice.title),
                    ("  " + clean_line(choice.url), "dim"),
                    no_wrap=True,
                    overflow="ellipsis",
                ),
                id=choice.url,
            )
            for n, choice in enumerate(message.choices, start=1)
        )
        choices.display = True
        choices.highlighted = 0
        choices.focus()

    def _show_error(self, error: str) -> None:
        self.query_one("#add-error", Label).update(Text(clean_line(error), style="bold red"))

    def action_close(self) -> None:
        self.dismiss(self.added)
