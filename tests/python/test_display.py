"""Document._repr_html_: what Jupyter shows. Checked as markup, then for real in
headless Chromium (the DOM it builds, and a screenshot with the colours drawn)."""
import html.parser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import zhpolicy
from zhpolicy.display import ENTITY_COLOURS, NUMBER_COLOURS

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = ("区委书记赵世庆出席区政协十五届二次会议，民革渝中区委建议2024年投入资金1450亿元左右，"
            "增长12.5%，落实“满天星”计划<script>alert(1)</script>")


class Spans(html.parser.HTMLParser):
    """Collects the text inside .zp-text and, for every span, its attributes and text."""

    def __init__(self):
        super().__init__()
        self.in_text = 0
        self.depth = 0
        self.text = []
        self.stack = []
        self.spans = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.in_text:
            self.depth += 1
            self.stack.append([attrs, []])
        elif "zp-text" in (attrs.get("class") or "").split():
            self.in_text = 1

    def handle_endtag(self, tag):
        if not self.in_text:
            return
        if self.depth == 0:
            self.in_text = 0
            return
        self.depth -= 1
        attrs, parts = self.stack.pop()
        self.spans.append((attrs, "".join(parts)))

    def handle_data(self, data):
        if self.in_text:
            self.text.append(data)
            for _, parts in self.stack:
                parts.append(data)


def parse(markup):
    parser = Spans()
    parser.feed(markup)
    return parser


def check_markup(markup, doc):
    """The rendered text is the document's text, and every span is one entity or number."""
    parsed = parse(markup)
    assert "".join(parsed.text) == doc.text
    entities = [(a["data-type"], t) for a, t in parsed.spans if "data-type" in a]
    numbers = [(a["data-kind"], t, a["title"]) for a, t in parsed.spans if "data-kind" in a]
    assert sorted(entities) == sorted((e.type, e.text) for e in doc.entities)
    assert sorted((k, t) for k, t, _ in numbers) == sorted((n.kind, n.text) for n in doc.numbers)
    return entities, numbers


def test_html_keeps_text_and_marks_every_entity_and_number():
    doc = zhpolicy.analyze(SENTENCE)
    markup = doc._repr_html_()
    entities, numbers = check_markup(markup, doc)
    assert ("meeting", "区政协十五届二次会议") in entities
    titles = {t: title for _, t, title in numbers}
    # Hover shows the normalized value, unit and qualifier.
    assert titles["1450亿元左右"] == "money: 145000000000 元 (about)"
    assert titles["12.5%"] == "percent: 12.5%"
    assert titles["2024年"] == "date: 2024"
    # Numbers inside an entity are nested in its span.
    assert "十五届" in [t for _, t, _ in numbers]
    # The input's markup is shown as text, never run.
    assert "<script>" not in markup and "&lt;script&gt;" in markup


def test_html_is_self_contained_and_has_a_legend():
    markup = zhpolicy.analyze(SENTENCE).to_html()
    for external in ("http:", "https:", "src=", "href=", "@import", "url("):
        assert external not in markup
    assert 'class="zp-legend"' in markup
    assert 'data-key="government"' in markup and 'data-key="money"' in markup


def test_long_documents_are_cut_with_a_note(corpus):
    text = max(corpus.values(), key=len)
    doc = zhpolicy.analyze(text)
    short = doc.to_html(max_chars=300)
    assert "Showing the first 300 of" in short
    assert len("".join(parse(short).text)) == 300
    check_markup(doc.to_html(max_chars=None), doc)


def test_every_corpus_document_renders(corpus):
    for text in corpus.values():
        doc = zhpolicy.analyze(text)
        check_markup(doc.to_html(max_chars=None), doc)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("headless Chromium is required in CI (scripts/setup_deps.sh installs Debian's chromium)")
    pytest.skip("no Chromium on this machine (scripts/setup_deps.sh installs it)")


def run_chromium(*args):
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-background-networking", "--disable-extensions",
               "--hide-scrollbars", *args]
    return subprocess.run(command, capture_output=True, timeout=120, check=True)


# The test page (not the product's HTML, which has no scripts) reports what the
# browser laid out: the computed colour of every highlighted span and where the
# legend ends, so the screenshot can be read below it.
PROBE = """<script>
window.addEventListener('load', () => {
  const spans = [...document.querySelectorAll('.zp-text span')].map(el => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {text: el.textContent, type: el.dataset.type || null, kind: el.dataset.kind || null,
            background: style.backgroundColor, underline: style.borderBottomColor,
            underlineWidth: style.borderBottomWidth, width: box.width, height: box.height};
  });
  const legend = document.querySelector('.zp-legend').getBoundingClientRect();
  const report = document.createElement('pre');
  report.id = 'probe';
  report.textContent = JSON.stringify({legendBottom: legend.bottom, spans});
  document.body.appendChild(report);
});
</script>"""


def rgb(colour):
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


@pytest.fixture
def page(tmp_path, corpus):
    # The first lines of a corpus report plus the sentence above: many entity type
    # colours and number kinds on one screen.
    text = SENTENCE + "\n" + next(iter(corpus.values()))[:600]
    doc = zhpolicy.analyze(text)
    path = tmp_path / "document.html"
    path.write_text("<!doctype html><meta charset='utf-8'><body style='margin:0'>"
                    + doc._repr_html_() + PROBE + "</body>", encoding="utf-8")
    return doc, path


def probe_report(dom):
    import json
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    return json.loads(__import__("html").unescape(dom[start:dom.index("</pre>", start)]))


def test_chromium_builds_the_dom_we_expect(page):
    doc, path = page
    dom = run_chromium("--dump-dom", path.as_uri()).stdout.decode("utf-8")
    check_markup(dom[:dom.index('<pre id="probe">')], doc)
    report = probe_report(dom)
    assert report["spans"], "the browser laid out highlighted spans"
    for span in report["spans"]:
        assert span["width"] > 0 and span["height"] > 0, span
        if span["type"]:
            assert span["background"] == "rgb(%d, %d, %d)" % rgb(ENTITY_COLOURS[span["type"]]), span
        if span["kind"]:
            assert span["underline"] == "rgb(%d, %d, %d)" % rgb(NUMBER_COLOURS[span["kind"]]), span
            assert span["underlineWidth"] == "3px", span


def test_chromium_draws_the_colours(page):
    from PIL import Image

    doc, path = page
    legend_bottom = probe_report(run_chromium("--dump-dom", path.as_uri()).stdout.decode("utf-8"))["legendBottom"]
    shots = Path(os.environ.get("ZHPOLICY_ARTIFACTS", path.parent))
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "document_repr_html.png"
    run_chromium("--window-size=1000,700", f"--screenshot={shot}", path.as_uri())
    print(f"\nscreenshot: {shot}")
    image = Image.open(shot).convert("RGB")
    assert image.size == (1000, 700)
    # Below the legend: only the document's text and its highlights.
    image = image.crop((0, int(legend_bottom) + 1, 1000, 700))
    counts = {}
    for count, colour in image.getcolors(maxcolors=1 << 20):
        counts[colour] = counts.get(colour, 0) + count

    def pixels(colour):
        return counts.get(rgb(colour), 0)

    # Each entity type and number kind in the document is drawn in its colour
    # (backgrounds for entities, underlines for numbers), not just declared in CSS.
    for kind in {e.type for e in doc.entities}:
        assert pixels(ENTITY_COLOURS[kind]) > 200, kind
    for kind in {n.kind for n in doc.numbers}:
        assert pixels(NUMBER_COLOURS[kind]) > 12, kind  # one digit: ~8 px by 3 px
    # And the page is mostly white paper with dark text, i.e. the text was drawn.
    assert pixels("#ffffff") > image.size[0] * image.size[1] // 3
    assert sum(n for colour, n in counts.items() if sum(colour) < 150) > 2000
