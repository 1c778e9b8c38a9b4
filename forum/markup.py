"""Markdown -> HTML -> bleach allowlist: the only place where user HTML is trusted."""

import re
from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

# Safe extensions only: no attr_list / md_in_html (they let users set onclick=, style=, id=),
# no toc / footnotes (their ids could clobber page elements).
EXTENSIONS = ["fenced_code", "tables", "sane_lists", "nl2br"]

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "th": ["align"], "td": ["align"]}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}
REL = "nofollow ugc noopener"


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = REL
    return attrs


def _not_a_word_end(attrs, new=False):
    """No link found inside a word: « -été.fr », the end of « nom@asso-été.fr » (an address
    with accents, which bleach's e-mail pattern leaves out), pointed at http://-été.fr."""
    if new and attrs.get("_text", "").startswith(("-", ".", "_")):
        return None
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    # parse_email: an address is a mailto: link, whole; without it, bleach read the
    # « -du-lot.fr » of « contact@fabrique-du-lot.fr » as a web address of its own (a tester)
    filters=[
        partial(
            LinkifyFilter,
            callbacks=[_not_a_word_end, _set_rel],
            skip_tags={"pre", "code"},
            parse_email=True,
        )
    ],
)


def render_markdown(text: str) -> Markup:
    """Render member Markdown to sanitised HTML. Raw HTML in the source is escaped first."""
    # Headings h1/h2 belong to the page; members' '#' titles start at h3.
    html = _markdown().convert(text or "")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>")
    html = html.replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    return Markup(_cleaner.clean(html))


class ImagesAsLinks(Treeprocessor):
    """No images (no requests to other hosts, light pages): "![alt](url)" becomes a link."""

    def run(self, root):
        for element in root.iter("img"):
            src, alt = element.get("src", ""), element.get("alt", "")
            element.attrib.clear()
            element.tag = "a"
            element.set("href", src)
            element.text = alt or src


# A list item's first line: up to three spaces, a marker (« - », « * », « + » or a number
# and a dot), at least one space, then text. Four spaces in is code or an item's content.
LIST_ITEM = re.compile(r" {0,3}(?:([-*+])|(\d{1,9})\.) +\S")


# A bullet pasted from a word processor or a PDF at the start of a line (up to three
# spaces in), then spaces, a tab or a no-break space: « • », « ◦ », « ‣ », « · », an en
# dash « – » or an em dash « — ». Word pastes « •<tab>texte » and « ·  texte ».
PASTED_BULLET = re.compile(r"^( {0,3})[\u2022\u25e6\u2023\u00b7\u2013\u2014][ \t\u00a0]+(?=\S)")


class PastedBullets(Preprocessor):
    """A line that starts with a pasted bullet (« • item », « – item ») is a list item, as
    « - item » is: its bullet is written « - » before the lists are read. Only at the start
    of a line: « 2024 – 2025 » or « a — b » stay as written, and so does a bullet with no
    space after it (« –5 °C »). Runs after fenced code is set aside; indented lines (code,
    or an item's continuation) are never touched."""

    def run(self, lines: list[str]) -> list[str]:
        return [PASTED_BULLET.sub(r"\1- ", line, count=1) for line in lines]


class ListsInterruptParagraphs(Preprocessor):
    """A list may start on the line right after text, as in CommonMark (« Intro : » then
    « - un »), where Python-Markdown wants a blank line first: one is added before a
    bullet or « 1. » line that follows text, or an item of the other kind (a « 1. » under
    a « * » item was swallowed into it). Runs after fenced code is set aside; indented
    lines are never touched; « 2024 - 2025 » or « 3. » under text stay text."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        kind = None  # "ul" / "ol": the list the current block (since a blank line) is in
        for line in lines:
            match = LIST_ITEM.match(line)
            if not line.strip():
                kind = None
            elif match:
                this = "ul" if match.group(1) else "ol"
                after_blank = not out or not out[-1].strip()
                if after_blank or kind == this:
                    kind = this
                elif this == "ul" or match.group(2) == "1":
                    out.append("")
                    kind = this
                # else « 2. » under text: CommonMark keeps it a line of that text
            out.append(line)
        return out


def _markdown() -> markdown.Markdown:
    """A fresh converter that treats raw HTML as text (shown, never parsed as tags)."""
    md = markdown.Markdown(
        extensions=EXTENSIONS,
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # 20: after fenced_code_block (25), so a fenced block's lines are already set aside.
    md.preprocessors.register(PastedBullets(md), "pasted_bullets", 21)  # then read as « - »
    md.preprocessors.register(ListsInterruptParagraphs(md), "lists_interrupt_paragraphs", 20)
    md.treeprocessors.register(ImagesAsLinks(md), "images_as_links", 0)
    return md
