"""Storyline commands: storylines, brief, digest, and `storyline merge|move|split|rename`."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import click

from briefing.cli._group import Context, cli, fail, pass_context
from briefing.safetext import clean_line

# JSON escapes C0 controls itself; C1 controls and bidi overrides would pass through raw.
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def _json(data: Any) -> str:
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _find_storyline(library: Any, name: str) -> int:
    """A storyline by id, or by a piece of its label that only one storyline has."""
    from briefing.storylines import StorylineError, get_summary, list_storylines

    if name.isdigit():
        try:
            return get_summary(library, int(name)).id
        except StorylineError:
            fail(f"no storyline {name} (see `briefing storylines`)")
    wanted = name.casefold()
    found = [s for s in list_storylines(library) if wanted in s.label.casefold()]
    if len(found) == 1:
        return found[0].id
    if not found:
        fail(f"no storyline matches {name!r} (see `briefing storylines`)")
    fail(
        f"{len(found)} storylines match {name!r}; use an id: "
        + ", ".join(str(s.id) for s in found[:8])
    )


def _dates(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if first == last or not last else f"{first} – {last}"


@cli.command("storylines")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the storylines and their articles as JSON."
)
@click.option(
    "--articles/--no-articles",
    default=True,
    show_default=True,
    help="List each storyline's articles (id, date, outlets, title, URL) under it.",
)
@pass_context
def storylines_command(context: Context, as_json: bool, articles: bool) -> None:
    """List storylines, most recent activity first: id, label, dates, articles."""
    from briefing.storylines import list_articles, list_storylines

    with context.open() as library:
        summaries = list_storylines(library)
        stories = {s.id: list_articles(library, s.id) for s in summaries if articles or as_json}
    if as_json:
        click.echo(_json([_storyline_json(s, stories[s.id]) for s in summaries]))
        return
    if not summaries:
        click.echo("No storylines yet. Add feeds with `briefing add URL`, then `briefing refresh`.")
        return
    width = max(len(str(s.id)) for s in summaries)
    ids = [a.article_id for found in stories.values() for a in found]
    id_width = len(str(max(ids))) if ids else 1
    for s in summaries:
        unread = f", {s.unread_count} unread" if s.unread_count else ""
        click.echo(
            f"{s.id:>{width}}  {clean_line(s.label)}  ({_dates(s.first_date, s.last_date)}; "
            f"{s.article_count} article{'s' if s.article_count != 1 else ''}{unread})"
        )
        for a in stories.get(s.id, []):
            outlets = ", ".join(clean_line(o) for o in a.outlets)
            click.echo(
                f"{'':>{width}}    {a.article_id:>{id_width}}  {a.date or 'undated'}  {outlets}: "
                f"{clean_line(a.title)}  {clean_line(a.url)}"
            )


def _storyline_json(s: Any, articles: list[Any]) -> dict[str, Any]:
    return {
        "id": s.id,
        "label": s.label,
        "first_date": s.first_date,
        "last_date": s.last_date,
        "article_count": s.article_count,
        "unread_count": s.unread_count,
        "outlets": list(s.outlets),
        "articles": [
            {
                "id": a.article_id,
                "url": a.url,
                "title": a.title,
                "outlet": a.outlet,
                "date": a.date,
                "outlets": list(a.outlets),
                "copies": [
                    {"id": c.article_id, "url": c.url, "outlet": c.outlet} for c in a.copies
                ],
            }
            for a in articles
        ],
    }


@cli.command("brief")
@click.argument("storyline")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown to paste into a report, or JSON.",
)
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Also the rows hidden by default (fragments, unknown speakers, doubtful records),"
    " marked uncertain.",
)
@pass_context
def brief_command(context: Context, storyline: str, fmt: str, everything: bool) -> None:
    """Export the briefing of STORYLINE (an id or a piece of its label)."""
    from briefing.storylines import build_briefing

    with context.open() as library:
        briefing = build_briefing(library, _find_storyline(library, storyline))
    if not everything:
        briefing = briefing.shown()
    if fmt == "json":
        click.echo(_json(briefing.to_dict()))
    else:
        click.echo(to_markdown(briefing), nl=False)


_UNCERTAIN = "(uncertain) "  # a row hidden by default, shown with --all


def _md(text: str | None) -> str:
    """One line of feed text, safe in a terminal and inert as Markdown."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", clean_line(text))


def _link(source: Any) -> str:
    url = clean_line(source.url).replace(")", "%29").replace(" ", "%20")
    outlet = _md(source.outlet) or "source"
    return f"[{outlet}]({url})" if url else outlet


def to_markdown(briefing: Any) -> str:
    """The briefing as Markdown: each item links to the article it comes from."""
    lines = _md_heading(briefing.storyline) + _md_summary(briefing)
    # Each section is left out when the analyser found nothing for it; Articles always shows.
    for section in (_md_new, _md_timeline, _md_red_lines, _md_quotes, _md_actors):
        lines += section(briefing)
    lines += _md_articles(briefing)
    return "\n".join(lines)


def _md_heading(s: Any) -> list[str]:
    """The label, then one line of dates, article count and outlets."""
    outlets = ", ".join(_md(o) for o in s.outlets)
    return [
        f"# {_md(s.label)}",
        "",
        f"{_dates(s.first_date, s.last_date)} · {s.article_count} article"
        f"{'s' if s.article_count != 1 else ''} · {outlets}",
        "",
    ]


def _md_summary(briefing: Any) -> list[str]:
    """What the story is and what happened last, each sentence linked to its article."""
    if not briefing.summary:
        return []
    told = " ".join(
        f"{_md(s.text)} ({_link(s.source)}{', ' + _md(s.source.date) if s.source.date else ''})"
        for s in briefing.summary
    )
    return ["## Summary", "", told, ""]


def _md_new(briefing: Any) -> list[str]:
    if not briefing.new_since_last_opened:
        return []
    items = [f"- {_md(n.text)} ({_link(n.source)})" for n in briefing.new_since_last_opened]
    return ["## What is new", "", *items, ""]


def _md_timeline(briefing: Any) -> list[str]:
    if not briefing.timeline:
        return []
    lines = ["## Timeline", ""]
    for e in briefing.timeline:
        links = ", ".join(_link(r.source) for r in e.reports)
        when = e.date + (" (scheduled)" if e.scheduled else "")
        line = f"- **{when}** {_UNCERTAIN if e.uncertain else ''}{_md(e.text)} ({links})"
        if e.dates_conflict:
            given = "; ".join(f"{_md(r.source.outlet)}: {r.date}" for r in e.reports)
            line += f"  \n  ⚠ outlets give different dates: {given}"
        lines.append(line)
    return [*lines, ""]


def _md_red_lines(briefing: Any) -> list[str]:
    """One subsection per holder, each red line with the one it replaced, if any."""
    if not briefing.red_lines:
        return []
    lines = ["## Red lines", ""]
    for g in briefing.red_lines:
        changed = " (position changed)" if g.position_changed else ""
        lines += [f"### {_md(g.holder)}{changed}", ""]
        for r in g.items:
            # Every outlet that reported the position, with the day it did.
            links = ", ".join(
                f"{_link(c)} {_md(c.date)}" if c.date else _link(c) for c in (r.source, *r.also)
            )
            mark = _UNCERTAIN if r.uncertain else ""
            line = f"- {r.stated or 'undated'}: {mark}“{_md(r.text)}” ({links})"
            if r.changed_from:
                line += f"  \n  changed from: “{_md(r.changed_from)}”"
            lines.append(line)
        lines.append("")
    return lines


def _md_quotes(briefing: Any) -> list[str]:
    """One subsection per speaker; direct quotes in quotation marks, reported speech marked."""
    if not briefing.quotes:
        return []
    lines = ["## Quotes", ""]
    for q in briefing.quotes:
        lines += [f"### {_md(q.speaker)}", ""]
        for item in q.quotes:
            words = _md(item.text.strip().strip('"“”'))
            text = f"“{words}”" if item.direct else f"(reported) {words}"
            text = (_UNCERTAIN if item.uncertain else "") + text
            links = ", ".join(_link(c) for c in (item.source, *item.also))
            lines.append(f"- {item.date or 'undated'}: {text} ({links})")
        lines.append("")
    return lines


def _md_actors(briefing: Any) -> list[str]:
    if not briefing.actors:
        return []
    lines = [
        "## Actors",
        "",
        "| Actor | Kind | Roles | Articles | Mentions |",
        "|---|---|---|---|---|",
    ]
    for a in briefing.actors:
        roles = ", ".join(_md(r) for r in a.roles)
        lines.append(f"| {_md(a.name)} | {a.kind} | {roles} | {a.article_count} | {a.mentions} |")
    return [*lines, ""]


def _md_articles(briefing: Any) -> list[str]:
    """Every article, with the other outlets' copies of it."""
    lines = ["## Articles", ""]
    for art in briefing.articles:
        also = ", ".join(_link(c) for c in art.copies)
        extra = f" (also: {also})" if also else ""
        url = clean_line(art.url).replace(")", "%29").replace(" ", "%20")
        lines.append(
            f"- {art.date or 'undated'} [{_md(art.title)}]({url}) — {_md(art.outlet)}{extra}"
        )
    return [*lines, ""]


@cli.command("digest")
@pass_context
def digest_command(context: Context) -> None:
    """Analyse new and changed articles and group them into storylines."""
    digest_library(context, quiet=False)


def digest_library(context: Context, *, quiet: bool) -> Any:
    """Run the pipeline on the library, with a progress bar on a terminal; returns its report."""
    from briefing.digest import digest

    with context.open() as library:
        bar: Any = None
        if not quiet and sys.stderr.isatty():
            bar = click.progressbar(length=1, label="Digesting", file=sys.stderr, show_pos=True)
            bar.__enter__()

        def progress(done: int, total: int) -> None:
            if bar is not None:
                bar.length = total
                bar.update(done - bar.pos)

        try:
            report = digest(library, progress=progress)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    if not quiet:
        click.echo("Digested: " + report.summary())
    return report


@cli.group("storyline")
def storyline_group() -> None:
    """Correct the grouping: merge, move, split, rename. Your changes survive refreshes."""


@storyline_group.command("merge")
@click.argument("source")
@click.argument("target")
@pass_context
def merge_command(context: Context, source: str, target: str) -> None:
    """Merge storyline SOURCE into TARGET."""
    from briefing.storylines import merge_storylines

    with context.open() as library:
        a, b = _find_storyline(library, source), _find_storyline(library, target)
        kept = merge_storylines(library, a, b)
    click.echo(f"Merged storyline {a} into {kept}.")


@storyline_group.command("move")
@click.argument("article", type=int)
@click.argument("storyline")
@pass_context
def move_command(context: Context, article: int, storyline: str) -> None:
    """Move ARTICLE (its id, see `briefing storylines --json`) to STORYLINE."""
    from briefing.storylines import move_article

    with context.open() as library:
        target = _find_storyline(library, storyline)
        move_article(library, article, target)
    click.echo(f"Moved article {article} to storyline {target}.")


@storyline_group.command("split")
@click.argument("storyline")
@click.argument("articles", type=int, nargs=-1, required=True)
@pass_context
def split_command(context: Context, storyline: str, articles: tuple[int, ...]) -> None:
    """Take ARTICLES out of STORYLINE into a new storyline."""
    from briefing.storylines import split_storyline

    with context.open() as library:
        source = _find_storyline(library, storyline)
        new_id = split_storyline(library, source, list(articles))
    click.echo(f"Split {len(articles)} article(s) from storyline {source} into storyline {new_id}.")


@storyline_group.command("rename")
@click.argument("storyline")
@click.argument("label")
@pass_context
def rename_command(context: Context, storyline: str, label: str) -> None:
    """Give STORYLINE your own LABEL ("" goes back to the automatic label)."""
    from briefing.storylines import rename_storyline

    with context.open() as library:
        target = _find_storyline(library, storyline)
        rename_storyline(library, target, label)
    click.echo(f"Renamed storyline {target}.")
