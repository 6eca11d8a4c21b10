//! Extract: an HTML page → main text and metadata (title, authors, publication
//! date with its source, site name, canonical URL, language).
//!
//! The page is parsed once (`dom_query`) for the metadata and the readability text
//! (`dom_smoothie`); in the default `accurate` mode the `trafilatura` crate extracts a
//! second text and [`prefer_alternative`] chooses between the two. Metadata is read here
//! because the product needs to know *where* a date came from and how far to trust it.
//! Language is left to the caller, who detects it on the cleaned text.

mod meta;
pub mod outlets;
mod stream;

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::article::{DateSource, PubDate, Published};
use crate::error::InputError;

/// What extraction found in one page.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Main text, one block per line.
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// From `<html lang>`.
    pub language: Option<String>,
    /// What went wrong on the way without losing the page (an extractor that failed and
    /// was replaced by another).
    pub warnings: Vec<String>,
}

/// Which main-text extractor to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExtractMode {
    /// Two extractors (trafilatura and readability) and a choice between them: the best
    /// quality, at about half the speed.
    #[default]
    Accurate,
    /// Readability alone, from the single parse that also yields the metadata.
    Fast,
    /// Readability first; the trafilatura crate and the choice only when readability's text
    /// looks doubtful (it repeats a long line: gallery captions or teasers swept in).
    Balanced,
}

impl ExtractMode {
    /// The name, as in the configuration and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExtractMode::Accurate => "accurate",
            ExtractMode::Fast => "fast",
            ExtractMode::Balanced => "balanced",
        }
    }
}

/// The most elements a page may have for extraction from a tree.
pub const MAX_TREE: usize = 200_000;

/// Deeper nesting than this is refused: no real page needs it, and tree algorithms
/// slow down badly on it.
pub const MAX_DEPTH: usize = 1_000;

/// Pages larger than this (once inert markup is stripped), or with more tags than
/// [`MAX_TREE`], are read as a stream of blocks instead of a tree: a tree costs about 9× the
/// page in memory for readability and about 30× for both extractors. Real article pages
/// are well under it (the extraction benchmark's largest is under 1 MB before stripping).
pub const LARGE_PAGE_BYTES: usize = 4 << 20;

/// Extracts the main text and metadata of an HTML page. `url` is where the page came
/// from, when known (it helps resolve the canonical URL and dates in paths).
pub fn extract_html(html: &str, url: Option<&str>, mode: ExtractMode) -> Result<Extracted, InputError> {
    let stripped = strip_inert(html);
    let html: &str = &stripped;
    let tags = memchr::memchr_iter(b'<', html.as_bytes()).count();
    let (mut out, html_title) = if html.len() > LARGE_PAGE_BYTES || tags > MAX_TREE {
        let (mut out, title) = stream::extract_streaming(html);
        out.warnings.push(format!(
            "large page ({:.1} MB, {tags} tags once scripts and styles are left out): read as \
             plain blocks, not by the {} extractor (limits: {} MB, {MAX_TREE} tags)",
            html.len() as f64 / 1e6,
            mode.name(),
            LARGE_PAGE_BYTES >> 20,
        ));
        (out, title)
    } else {
        let depth = nesting_depth(html);
        if depth > MAX_DEPTH {
            return Err(InputError::Hostile(format!(
                "elements nested {depth} deep (limit {MAX_DEPTH})"
            )));
        }
        extract_tree(html, url, mode)
    };
    if out.published.is_none() {
        if let Some(u) = url.or(out.url.as_deref()).and_then(|u| url::Url::parse(u).ok()) {
            out.published = date_from_url(u.as_str());
        }
    }
    if out.title.is_none() {
        if let Some(t) = html_title {
            let t = meta::strip_site_suffix(&t, out.site_name.as_deref());
            set_if_empty(&mut out.title, &t);
        }
    }
    Ok(out)
}

/// Extraction from a parsed tree: the metadata and readability from one parse, and in
/// accurate mode (in balanced mode when readability's text is in doubt) the trafilatura
/// crate's text and a choice between the two. Returns the `<title>` text beside what was
/// found.
fn extract_tree(html: &str, url: Option<&str>, mode: ExtractMode) -> (Extracted, Option<String>) {
    let doc = dom_query::Document::from(html);
    let mut out = Extracted::default();
    let html_title = meta::read_meta(&doc, &mut out);
    let page_url = url.or(out.url.as_deref()).and_then(|u| url::Url::parse(u).ok());
    let readability = readability_text(doc, page_url.as_ref().map(url::Url::as_str), &mut out);

    out.text = match (mode, readability) {
        (ExtractMode::Fast, readability) => readability.unwrap_or_else(|| all_text(html, &mut out.warnings)),
        (ExtractMode::Balanced, Some(alt)) if !repeats_a_long_line(&alt) => alt,
        (_, readability) => with_trafilatura(html, page_url, readability, &mut out),
    };
    (out, html_title)
}

/// The trafilatura crate's main text, or the readability text when [`prefer_alternative`]
/// says it is the better one (or trafilatura found too little); its metadata fills what is
/// still empty.
fn with_trafilatura(
    html: &str,
    page_url: Option<url::Url>,
    readability: Option<String>,
    out: &mut Extracted,
) -> String {
    // Its date search is switched off: we read dates ourselves (with their provenance) and
    // never use its date, and that search slices strings at byte offsets counted in
    // characters, panicking on non-ASCII digits next to ASCII ones (a `<title>` of
    // `２０１６2016W1`). Comments are pruned rather than extracted: we do not use them (the
    // main text is the same, measured on the extraction benchmark).
    let mut opts = trafilatura::Options::default()
        .with_max_tree_size(MAX_TREE)
        .with_html_date_mode(trafilatura::HtmlDateMode::Disabled)
        .with_exclude_comments(true);
    if let Some(u) = page_url {
        opts = opts.with_url(u);
    }
    match guarded("trafilatura", || trafilatura::extract(html, &opts)) {
        Ok(Ok(r)) => {
            let m = r.metadata;
            set_if_empty(&mut out.title, m.title);
            set_if_empty(&mut out.site_name, m.sitename);
            if out.authors.is_empty() && !m.author.is_empty() {
                out.authors = meta::split_authors(&m.author);
            }
            let main = blocks_to_text(&r.content_html);
            match readability {
                Some(alt) if prefer_alternative(&main, &alt) => alt,
                _ => main,
            }
        }
        // Too little text for the main extractor: the readability text, else all visible
        // text.
        Ok(Err(_)) => readability.unwrap_or_else(|| all_text(html, &mut out.warnings)),
        Err(panicked) => {
            out.warnings.push(panicked);
            readability.unwrap_or_else(|| all_text(html, &mut out.warnings))
        }
    }
}

/// Whether a text has the same long line (eight words or more) twice: readability then took
/// in repeated material (a gallery's captions, a list of teasers) and its choice of the
/// article's container is in doubt.
fn repeats_a_long_line(text: &str) -> bool {
    let mut seen = std::collections::HashSet::new();
    text.lines()
        .filter(|l| l.split_whitespace().nth(7).is_some())
        .any(|l| !seen.insert(l))
}

/// Runs a dependency's extractor so that a panic inside it costs only its own result: the
/// error names the extractor and the panic, and the caller falls back to another one.
fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        format!("the {what} extractor failed on this page ({why}); another one was used")
    })
}

/// All visible text of the page, the last resort when no extractor found an article.
fn all_text(html: &str, warnings: &mut Vec<String>) -> String {
    guarded("plain-text", || trafilatura::html2txt(html)).unwrap_or_else(|w| {
        warnings.push(w);
        String::new()
    })
}

/// Removes what no extractor reads before the page is parsed: comments, scripts (except
/// JSON-LD, which carries metadata), styles, `<noscript>` fallbacks, inline SVG and
/// `<nav>` menus and `<figcaption>` captions (measured neutral-to-better for both extractors;
/// `<aside>` and `<footer>` were not, and stay). On real news pages these are
/// over half the bytes, and the HTML parser would otherwise tokenise them character by
/// character. Text inside `<title>` and `<textarea>` is copied untouched (it may spell a
/// tag). A construct left open at the end of the page is dropped to the end, as the parser
/// would treat it.
pub fn strip_inert(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    // Everything before `copied` is already in `out` (or needs no copy while `out` is None).
    let mut copied = 0;
    let mut i = 0;
    let cut = |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
        o.push_str(&html[*copied..from]);
        *copied = to;
    };
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            let end = memchr::memmem::find(&b[i + 3..], b"-->").map_or(b.len(), |e| i + 3 + e + 3);
            cut(&mut out, &mut copied, lt, end);
            i = end;
            continue;
        }
        let name_end = b[i..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')))
            .map_or(b.len(), |p| i + p);
        let name = &b[i..name_end];
        // Elements whose content is skipped; `true` where the element itself is kept.
        const SKIPPED: [(&[u8], &[u8], bool); 8] = [
            (b"script", b"</script", false),
            (b"style", b"</style", false),
            (b"svg", b"</svg", false),
            (b"noscript", b"</noscript", false),
            (b"nav", b"</nav", false),
            (b"figcaption", b"</figcaption", false),
            (b"title", b"</title", true),
            (b"textarea", b"</textarea", true),
        ];
        let Some(&(_, kind, kept)) = SKIPPED.iter().find(|(n, _, _)| name.eq_ignore_ascii_case(n)) else {
            continue;
        };
        let tag_end = memchr::memchr(b'>', &b[name_end..]).map_or(b.len(), |p| name_end + p + 1);
        let close = find_close(&b[tag_end..], kind).map(|p| tag_end + p);
        let keep = kept || (kind == b"</script" && contains_ignore_case(&b[name_end..tag_end], b"ld+json"));
        let element_end = close.map_or(b.len(), |c| {
            memchr::memchr(b'>', &b[c..]).map_or(b.len(), |p| c + p + 1)
        });
        if !keep {
            cut(&mut out, &mut copied, lt, element_end);
        }
        i = element_end;
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Where the first `close` tag (e.g. `</script`, any case) starts in `b`.
fn find_close(b: &[u8], close: &[u8]) -> Option<usize> {
    let mut k = 0;
    while let Some(p) = memchr::memmem::find(&b[k..], b"</") {
        let at = k + p;
        if b.len() >= at + close.len() && b[at..at + close.len()].eq_ignore_ascii_case(close) {
            return Some(at);
        }
        k = at + 2;
    }
    None
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// Estimates how deep the page's elements nest: open tags minus close tags, with void
/// and self-closing elements, comments, and the contents of scripts and styles left out.
/// (Elements that HTML closes implicitly, such as `<p>` and `<li>`, are not counted.)
pub fn nesting_depth(html: &str) -> usize {
    /// Elements that never hold others (void), or that HTML closes implicitly.
    fn not_nesting(name: &[u8]) -> bool {
        let mut buf = [0u8; 8];
        if name.len() > buf.len() {
            return false;
        }
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        matches!(
            &buf[..name.len()],
            b"area"
                | b"base"
                | b"br"
                | b"col"
                | b"embed"
                | b"hr"
                | b"img"
                | b"input"
                | b"link"
                | b"meta"
                | b"param"
                | b"source"
                | b"track"
                | b"wbr"
                | b"p"
                | b"li"
                | b"option"
                | b"tr"
                | b"td"
                | b"th"
                | b"dt"
                | b"dd"
                | b"!doctype"
        )
    }
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = b[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'!' || *c == b'-'))
            .map_or(b.len(), |p| start + p);
        if end == start {
            continue;
        }
        let name = &b[start..end];
        let tag_end = memchr::memchr(b'>', &b[end..]).map_or(b.len(), |p| end + p);
        if not_nesting(name) {
            i = tag_end;
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if b.get(tag_end.wrapping_sub(1)) != Some(&b'/') {
            depth += 1;
            max = max.max(depth);
            if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
                // Skip to the matching close tag: scripts hold '<' that are not tags.
                let close: &[u8] = if name.len() == 6 { b"</script" } else { b"</style" };
                let found = find_close(&b[tag_end.min(b.len())..], close);
                match found {
                    Some(p) => i = tag_end + p,
                    None => break,
                }
                continue;
            }
        }
        i = tag_end.min(b.len());
    }
    max
}

fn set_if_empty(slot: &mut Option<String>, v: impl AsRef<str>) {
    let v = v.as_ref().trim();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.to_string());
    }
}

/// The main text by the readability algorithm (`dom_smoothie`), one line per block; its
/// metadata fills what the page's own tags left empty.
fn readability_text(doc: dom_query::Document, url: Option<&str>, out: &mut Extracted) -> Option<String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        // JSON-LD is read by `read_meta`, with the provenance we report.
        disable_json_ld: true,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::with_document(doc, url, Some(cfg)).ok()?;
    let a = r.parse().ok()?;
    set_if_empty(&mut out.title, &a.title);
    set_if_empty(&mut out.site_name, a.site_name.as_deref().unwrap_or_default());
    if out.authors.is_empty() {
        if let Some(b) = a.byline.as_deref() {
            out.authors = meta::split_authors(b);
        }
    }
    let mut text = String::with_capacity(a.text_content.len());
    for line in a.text_content.lines() {
        let mut words = line.split_whitespace();
        if let Some(first) = words.next() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(first);
            for w in words {
                text.push(' ');
                text.push_str(w);
            }
        }
    }
    (!text.is_empty()).then_some(text)
}

/// The size of the intersection of two sorted multisets.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Decides between the main extractor's text and the readability text.
///
/// The two agree on most pages. Where they disagree, one usually contains the other:
/// when the main text is much longer and holds nearly all of the readability text, the
/// extra is page furniture (comments, link lists) that readability's stricter scoring
/// left out; when the main text is less than half as long and lies inside the
/// readability text, the main extractor stopped early. In both cases readability's
/// text is the better one.
pub fn prefer_alternative(main: &str, alt: &str) -> bool {
    let mut m = crate::corpus::dedup::shingle_hashes(main, 4);
    let mut a = crate::corpus::dedup::shingle_hashes(alt, 4);
    let (lm, la) = (m.len(), a.len());
    if la == 0 {
        return false;
    }
    if lm == 0 {
        return true;
    }
    let ratio = lm as f64 / la as f64;
    // Lengths this close cannot pass either test below: no need to sort and intersect.
    if (0.5..=1.1).contains(&ratio) {
        return false;
    }
    m.sort_unstable();
    a.sort_unstable();
    let inter = common(&m, &a);
    let alt_inside_main = inter as f64 / la as f64;
    let main_inside_alt = inter as f64 / lm as f64;
    (ratio > 1.1 && alt_inside_main >= 0.9) || (ratio < 0.5 && main_inside_alt >= 0.9)
}

/// Elements that start a new line of text.
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "tr"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "dd"
            | "dt"
            | "dl"
            | "br"
            | "hr"
            | "main"
            | "aside"
            | "head"
            | "title"
            | "td"
            | "th"
            | "caption"
            | "details"
            | "summary"
            | "address"
            | "center"
    )
}

/// Text of an HTML fragment with one line per block element, whitespace inside
/// a block collapsed.
pub fn blocks_to_text(html: &str) -> String {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let frag = scraper::Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut pending_space = false;
    let newline = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for edge in frag.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    for (i, w) in t.split_whitespace().enumerate() {
                        if (i > 0 || pending_space || t.starts_with(char::is_whitespace))
                            && !out.is_empty()
                            && !out.ends_with(['\n', ' '])
                        {
                            out.push(' ');
                        }
                        out.push_str(w);
                    }
                    pending_space = t.ends_with(char::is_whitespace);
                }
                Node::Element(e) if is_block(e.name()) => {
                    newline(&mut out);
                    pending_space = false;
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    if is_block(e.name()) {
                        newline(&mut out);
                        pending_space = false;
                    }
                }
            }
        }
    }
    out.trim_end().to_string()
}

/// The commonest English function words (five letters at most).
const COMMON: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said", "it", "as", "by",
    "at", "he", "his", "from", "be", "has", "have", "are", "an", "were", "not", "but", "this", "will",
    "which", "they", "had", "its", "their", "who", "would", "been", "after", "she", "her",
];

/// Function words of English that Romance, Dutch and German text do not use ("a", "in",
/// "on", "is" are words of those languages too): what [`short_latin`] counts.
const ENGLISH_ONLY: &[&str] = &[
    "the", "of", "and", "that", "with", "from", "said", "which", "this", "were", "been", "would", "their",
    "they", "has", "have", "was", "for", "its", "after", "who", "will", "not",
];

/// Words in ASCII letters of a sample, and how many of them are in `list`.
fn share_of_words(sample: &str, list: &[&str]) -> (usize, usize) {
    let mut words = 0;
    let mut common = 0;
    for w in sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if w.len() <= 5 && list.iter().any(|c| c.eq_ignore_ascii_case(w)) {
            common += 1;
        }
    }
    (words, common)
}

/// Words in ASCII letters of a sample, and how many of them are [`COMMON`].
fn english_share(sample: &str) -> (usize, usize) {
    share_of_words(sample, COMMON)
}

/// Whether a sample is plainly English: at least 40 words, a quarter of them among the
/// commonest English function words, and no non-Latin letters.
fn looks_english(sample: &str) -> bool {
    if sample
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && !matches!(c, 'À'..='ɏ'))
    {
        return false;
    }
    let (words, common) = english_share(sample);
    words >= LONG_LATIN_WORDS && common * 4 >= words
}

/// Fewer words than this in Latin letters are too few for the trigram model to tell the
/// languages that share the script apart.
const SHORT_LATIN_WORDS: usize = 20;

/// From this many words a sample is long enough for [`looks_english`] to judge.
const LONG_LATIN_WORDS: usize = 40;

/// Rule `short_latin`: a sample in Latin letters gets no verdict from the model (the
/// declared language, or none, stands) when it has fewer than [`SHORT_LATIN_WORDS`] words,
/// or when the model names another language than English for fewer than
/// [`LONG_LATIN_WORDS`] words of which at least one in ten is a function word only English
/// uses ([`ENGLISH_ONLY`]): a one- or two-sentence English item heavy with numbers and names ("Rail
/// strikes cancelled 2,400 trains a day …") reads as French to it, and every English
/// stage would be skipped — a worse loss than running them on a short item of another
/// Latin language. Other scripts (Cyrillic, Arabic, Han) are plain in a few words and
/// keep the verdict.
fn short_latin(sample: &str, info: &whatlang::Info) -> bool {
    if info.script() != whatlang::Script::Latin {
        return false;
    }
    if sample.split_whitespace().count() < SHORT_LATIN_WORDS {
        return true;
    }
    // An English verdict of twenty words or more stands.
    let (words, english) = share_of_words(sample, ENGLISH_ONLY);
    info.lang() != whatlang::Lang::Eng && words < LONG_LATIN_WORDS && english * 10 >= words
}

/// ISO 639-1 language of a text, when the detector is confident.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(400).collect();
    // Plain English prose (most of what we see) settles it without the n-gram model: many
    // of its words are English function words.
    if looks_english(&sample) {
        return Some("en".into());
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() || short_latin(&sample, &info) {
        return None;
    }
    let code = match info.lang() {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Tur => "tr",
        whatlang::Lang::Ara => "ar",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Pol => "pl",
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Nld => "nl",
        whatlang::Lang::Pes => "fa",
        whatlang::Lang::Cmn => "zh",
        whatlang::Lang::Jpn => "ja",
        whatlang::Lang::Kor => "ko",
        whatlang::Lang::Heb => "he",
        other => return Some(other.code().to_string()),
    };
    Some(code.to_string())
}

/// Parses the date formats found in page metadata: a date-time with its offset when
/// the source had one, else a date-time or a date ([`PubDate::parse`]).
pub fn parse_date(s: &str) -> Option<PubDate> {
    PubDate::parse(s)
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|\.html?|$)|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")
        .expect("regex")
});

/// A date in a URL path (`/2016/12/08/`, `/2016-12-08-slug`, `/20161208/`). Numbers in
/// slugs or ids that do not form a whole, valid date are not dates. `evidence` quotes the
/// part of the path read.
pub fn date_from_url(u: &str) -> Option<Published> {
    let path = url::Url::parse(u)
        .map(|x| x.path().to_string())
        .unwrap_or_else(|_| u.to_string());
    let c = URL_DATE.captures(&path)?;
    let (y, m, d) = if c.get(1).is_some() {
        (&c[1], &c[2], &c[3])
    } else {
        (&c[4], &c[5], &c[6])
    };
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    let read = c[0].trim_end_matches(['-', '_']);
    Some(Published {
        value: Some(PubDate::Date(date)).filter(PubDate::plausible)?,
        source: DateSource::UrlPath,
        confidence: 0.8,
        evidence: Some(format!("URL path \"{read}\"")),
    })
}

/// How a date is written in a file path. Each form is whole and unambiguous: a four-digit
/// year, then two-digit month and day (a one-digit month only as its own folder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PathDateForm {
    /// `2011-01-11`, `2011_01_11` or `2011.01.11` inside one name, not touching other digits.
    Separated,
    /// Three folders `2016/12/08`.
    Folders,
    /// `20161208`, eight digits not touching other letters or digits (inside a hash or an id
    /// they are not a date).
    Compact,
}

static PATH_SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)\d\d)([-_.])(\d\d)[-_.](\d\d)(?:[^0-9]|$)").expect("regex")
});
static PATH_FOLDERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|/)((?:19|20)\d\d)/(\d\d?)/(\d\d?)/").expect("regex"));
static PATH_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9A-Za-z])((?:19|20)\d\d)(\d\d)(\d\d)(?:[^0-9A-Za-z]|$)").expect("regex")
});

/// The valid dates written in `path` in any [`PathDateForm`], with the text read.
fn path_dates(path: &str) -> Vec<(NaiveDate, String, PathDateForm)> {
    let rules: [(&Regex, PathDateForm, [usize; 3]); 3] = [
        (&PATH_SEPARATED, PathDateForm::Separated, [1, 3, 4]),
        (&PATH_FOLDERS, PathDateForm::Folders, [1, 2, 3]),
        (&PATH_COMPACT, PathDateForm::Compact, [1, 2, 3]),
    ];
    let mut found = Vec::new();
    for (re, form, [y, m, d]) in rules {
        // Overlapping starts: each match may share its boundary character with the next.
        let mut at = 0;
        while let Some(c) = re.captures_at(path, at) {
            let whole = c.get(0).expect("match");
            at = c.get(y).expect("year").end();
            let num = |i: usize| c[i].parse::<u32>().ok();
            let date = num(y)
                .zip(num(m))
                .zip(num(d))
                .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y as i32, m, d))
                .filter(|d| PubDate::Date(*d).plausible());
            if let Some(date) = date {
                let text = path[c.get(y).expect("year").start()..c.get(d).expect("day").end()].to_string();
                found.push((date, text, form));
            }
            if whole.end() >= path.len() {
                break;
            }
        }
    }
    found
}

/// Rule `path-date`: a date in the file path of a single-document input (`…/2011-01-11/a.txt`,
/// `…/2016/12/08/a.html`, `…/20161208-a.txt`), for documents that date themselves nowhere
/// else: collections are often filed by day. Taken only when every date the path holds is
/// the same day; two different days (a crawl folder and a day folder) leave it unknown.
/// Backslashes count as separators.
pub fn date_from_path(path: &str) -> Option<Published> {
    let path = path.replace('\\', "/");
    let found = path_dates(&path);
    let (date, text, _) = found.first()?;
    if found.iter().any(|(d, _, _)| d != date) {
        return None;
    }
    Some(Published {
        value: PubDate::Date(*date),
        source: DateSource::Path,
        confidence: 0.7,
        evidence: Some(format!("file path \"{text}\"")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_fast_path_and_other_languages() {
        let en = "The minister said on Thursday that the talks would resume in the capital next week, \
                  and that the government had not yet decided whether it would send a delegation. \
                  Officials in the region were not available for comment, and the opposition has \
                  called for a vote in parliament before the end of the month.";
        assert!(looks_english(en));
        assert_eq!(detect_language(en).as_deref(), Some("en"));
        let fr = "Le ministre a déclaré jeudi que les négociations reprendraient dans la capitale la \
                  semaine prochaine, et que le gouvernement n'avait pas encore décidé s'il enverrait \
                  une délégation. Les responsables de la région n'étaient pas disponibles pour un \
                  commentaire, et l'opposition a demandé un vote au parlement avant la fin du mois.";
        let es = "El ministro dijo el jueves que las negociaciones se reanudarían en la capital la \
                  próxima semana, y que el gobierno aún no había decidido si enviaría una delegación. \
                  Los funcionarios de la región no estaban disponibles para comentar, y la oposición \
                  pidió una votación en el parlamento antes de fin de mes.";
        let de = "Der Minister sagte am Donnerstag, die Gespräche würden nächste Woche in der Hauptstadt \
                  fortgesetzt, und die Regierung habe noch nicht entschieden, ob sie eine Delegation \
                  entsenden werde. Beamte in der Region waren für eine Stellungnahme nicht erreichbar, \
                  und die Opposition forderte eine Abstimmung im Parlament vor Ende des Monats.";
        for (text, code) in [(fr, "fr"), (es, "es"), (de, "de")] {
            assert!(!looks_english(text), "{code}");
            assert_eq!(detect_language(text).as_deref(), Some(code));
        }
        assert!(!looks_english("Too short to tell."));
    }

    #[test]
    fn a_short_latin_sample_gets_no_verdict_but_another_script_does() {
        // English with few function words, which the trigram model alone reads as another
        // Latin language: no verdict, so the English stages run.
        let short = "Bus strikes cancelled about 1,900 routes a day, affecting almost a million passengers.";
        let model = whatlang::detect(short).expect("a verdict");
        assert!(
            model.is_reliable() && model.lang() != whatlang::Lang::Eng,
            "{model:?}"
        );
        assert_eq!(detect_language(short), None);
        // Twenty words and more, still short, with English function words among the
        // numbers and names: no verdict either.
        let longer =
            "Turnout slipped to 44.8 per cent, 3.6 percentage points lower than four years ago, the \
                      electoral commission in Castrelle said.";
        let model = whatlang::detect(longer).expect("a verdict");
        assert!(model.lang() != whatlang::Lang::Eng, "{model:?}");
        assert_eq!(detect_language(longer), None);
        // Italian of the same length keeps the model's verdict: "a", "in", "con" are its own.
        let it = "Il governo ha approvato in via definitiva a Roma la riforma delle pensioni, con 180 voti \
                  a favore e 95 contrari in Senato.";
        assert_eq!(detect_language(it).as_deref(), Some("it"));
        let ru = "Министр заявил в четверг, что переговоры возобновятся в столице на следующей неделе.";
        assert_eq!(detect_language(ru).as_deref(), Some("ru"));
    }

    #[test]
    fn metadata_from_meta_tags_and_json_ld() {
        let html = r#"<html lang="en-GB"><head><title>Talks stall | Example</title>
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2016-12-08T10:30:00+00:00">
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Jane Roe"}]}</script>
            </head><body><article><h1>Talks stall</h1>
            <p>Negotiators left the harbour city on Monday without an agreement, officials said, after two days of talks.</p>
            <p>The next round is expected in the spring, according to a statement from the mediators in the capital.</p>
            </article></body></html>"#;
        let e = extract_html(
            html,
            Some("https://news.example.org/world/talks-stall"),
            ExtractMode::Accurate,
        )
        .unwrap();
        assert_eq!(
            e.published.as_ref().unwrap().value.to_string(),
            "2016-12-08T10:30:00+00:00"
        );
        assert_eq!(e.published.unwrap().source, DateSource::MetaTag);
        assert_eq!(e.site_name.as_deref(), Some("Example News"));
        assert_eq!(e.authors, vec!["Jane Roe"]);
        assert_eq!(e.language.as_deref(), Some("en"));
        assert!(e.text.contains("Negotiators left"));
    }

    #[test]
    fn a_title_suffix_confirmed_by_the_footer_names_the_site() {
        // Rule `title_site_in_footer`.
        let page = |title: &str, footer: &str| {
            let html = format!(
                "<html><head><title>{title}</title></head><body><article><h1>Harbour fees rise</h1>\
                 <p>The harbour board raised mooring fees by a tenth on Monday, citing the cost of dredging the channel.</p>\
                 <p>Skippers said the rise would fall hardest on the small boats that fish the inner bay in winter.</p>\
                 </article><footer><p>{footer}</p></footer></body></html>"
            );
            extract_html(&html, None, ExtractMode::Accurate)
                .unwrap()
                .site_name
        };
        let notice = "© 2031 Quillby Tidings. All rights reserved.";
        assert_eq!(
            page("Harbour fees rise | Quillby Tidings", notice).as_deref(),
            Some("Quillby Tidings")
        );
        // A section's name after the bar, or no notice in the footer: no site name.
        assert_eq!(page("Harbour fees rise | Business", notice), None);
        assert_eq!(
            page("Harbour fees rise | Quillby Tidings", "About us | Contact"),
            None
        );
    }

    #[test]
    fn an_impossible_metadata_date_is_refused_and_the_next_source_tried() {
        let page = |head: &str| {
            format!(
                "<html><head><title>Quay wall repaired</title>{head}</head><body><article>\
                 <p>Masons finished the Draycombe quay wall on Friday, two weeks late, the \
                 harbour board of the Tessel Courier's home town said in a notice.</p>\
                 <p>The board thanked skippers for their patience while the berths were shut.</p>\
                 </article></body></html>"
            )
        };
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z","dateCreated":"2019-06-14"}</script>"#;
        let e = extract_html(&page(ld), None, ExtractMode::Fast).unwrap();
        let p = e.published.unwrap();
        assert_eq!(
            (p.value.to_string().as_str(), p.source),
            ("2019-06-14", DateSource::JsonLd)
        );
        assert!(
            e.warnings
                .iter()
                .any(|w| w.contains("0001-01-01") && w.contains("JSON-LD datePublished")),
            "{:?}",
            e.warnings
        );
        // Only a placeholder in the page: the URL's date is taken, with a warning.
        let ld = r#"<script type="application/ld+json">{"datePublished":"0001-01-01"}</script>"#;
        let e = extract_html(
            &page(ld),
            Some("https://tessel.example/2019/06/14/quay-wall"),
            ExtractMode::Fast,
        )
        .unwrap();
        let p = e.published.unwrap();
        assert_eq!(
            (p.value.to_string().as_str(), p.source),
            ("2019-06-14", DateSource::UrlPath)
        );
        assert_eq!(e.warnings.len(), 1, "{:?}", e.warnings);
        // A meta tag's impossible year is refused the same way.
        let meta = r#"<meta property="article:published_time" content="2999-01-01">"#;
        let e = extract_html(&page(meta), None, ExtractMode::Fast).unwrap();
        assert!(e.published.is_none());
        assert!(
            e.warnings[0].contains("<meta article:published_time>"),
            "{:?}",
            e.warnings
        );
    }

    #[test]
    fn the_longer_text_loses_when_it_only_adds() {
        let story = "the council voted on monday to approve the harbour plan after a long debate in the \
                     town hall where residents had gathered since the early morning to hear the result";
        let with_junk = format!(
            "{story} {}",
            "read more about other things in our section today ".repeat(10)
        );
        assert!(
            prefer_alternative(&with_junk, story),
            "main adds only junk: take readability"
        );
        assert!(
            !prefer_alternative(story, &with_junk[..story.len() + 30]),
            "close: keep main"
        );
        let third: Vec<&str> = story.split(' ').take(10).collect();
        assert!(
            prefer_alternative(&third.join(" "), story),
            "main stopped early: take readability"
        );
    }

    #[test]
    fn blocks_become_lines() {
        let t =
            blocks_to_text("<h2>Head</h2><p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul>tail");
        assert_eq!(t, "Head\nOne bold word.\na\nb\ntail");
    }

    #[test]
    fn url_dates_and_non_dates() {
        assert_eq!(
            date_from_url("https://x.org/2016/12/08/slug")
                .unwrap()
                .value
                .to_string(),
            "2016-12-08"
        );
        assert_eq!(
            date_from_url("https://x.org/news/20161208/slug")
                .unwrap()
                .value
                .to_string(),
            "2016-12-08"
        );
        assert!(date_from_url("https://x.org/story/2016/13/40/slug").is_none());
        assert!(date_from_url("https://x.org/item/1234567890").is_none());
        assert!(date_from_url("https://x.org/class-of-2024-30-under-30").is_none());
        assert_eq!(
            date_from_url("https://x.org/2016/12/08/slug")
                .unwrap()
                .evidence
                .as_deref(),
            Some("URL path \"/2016/12/08/\"")
        );
    }

    #[test]
    fn file_path_dates_in_each_form() {
        let day = |p: &str| date_from_path(p).map(|d| d.value.to_string());
        let d = date_from_path("archive/quillby-courier/InputDocs/2011-01-11/0042.txt").unwrap();
        assert_eq!(d.value.to_string(), "2011-01-11");
        assert_eq!(d.source, DateSource::Path);
        assert_eq!(d.evidence.as_deref(), Some("file path \"2011-01-11\""));
        assert_eq!(day("pages/2016/12/08/ferry.html").as_deref(), Some("2016-12-08"));
        assert_eq!(day("pages/2016/1/8/ferry.html").as_deref(), Some("2016-01-08"));
        assert_eq!(day("pages/20161208-ferry.txt").as_deref(), Some("2016-12-08"));
        assert_eq!(
            day(r"C:\\saved\\2016_12_08\\ferry.txt").as_deref(),
            Some("2016-12-08")
        );
        assert_eq!(
            day("a/2016-12-08/2016-12-08_ferry.txt").as_deref(),
            Some("2016-12-08")
        );
    }

    #[test]
    fn numbers_that_are_not_whole_dates_in_a_path_are_not_dates() {
        let day = |p: &str| date_from_path(p).map(|d| d.value.to_string());
        // Ids and counts: too many digits, an impossible month, a year outside the range.
        assert_eq!(day("dump/1201612081/a.txt"), None);
        assert_eq!(day("dump/2016-13-08/a.txt"), None);
        assert_eq!(day("dump/1899-12-08/a.txt"), None);
        assert_eq!(day("dump/20161340.txt"), None);
        assert_eq!(day("dump/f3a20161208c9.txt"), None);
        // A year alone, or a year and a month, is not a day.
        assert_eq!(day("dump/2016/12/a.txt"), None);
        // Two different days: which one dates the article is unknown.
        assert_eq!(day("crawl-2020-05-01/2016-12-08/a.txt"), None);
    }

    #[test]
    fn hostile_html_is_refused_or_survived() {
        let deep = "<div>".repeat(5_000) + "text" + &"</div>".repeat(5_000);
        assert!(matches!(
            extract_html(&deep, None, ExtractMode::Accurate),
            Err(InputError::Hostile(_))
        ));
        let attr = format!("<p title=\"{}\">x</p>", "a".repeat(1_000_000));
        for mode in [ExtractMode::Accurate, ExtractMode::Fast] {
            let _ = extract_html(&attr, None, mode);
            let _ = extract_html("<<<>>><//", None, mode);
        }
    }

    #[test]
    fn mixed_width_digits_in_the_title_do_not_panic() {
        // Full-width and ASCII digits side by side made the trafilatura crate's date search
        // slice inside a character; the page must come through with its text and title.
        for title in ["２０１６2016W1", "Vote count ３０1 wards", "٢٠١٦2016 results"] {
            let page = format!(
                "<html><head><title>{title}</title></head><body><h1>{title}</h1><article>\
                 <p>The ferry from Quillby to Marrow Point ran late on Tuesday after fog settled \
                 over the estuary, the harbour office of the Tessel Courier reported.</p>\
                 <p>Passengers waited two hours at the pier before the captain, Odile Brank, \
                 judged the channel clear enough to cross.</p></article></body></html>"
            );
            for mode in [ExtractMode::Accurate, ExtractMode::Fast] {
                let e = extract_html(&page, None, mode).unwrap();
                assert!(e.text.contains("Odile Brank"), "{mode:?}: {}", e.text);
                assert_eq!(e.title.as_deref(), Some(title));
            }
        }
    }

    #[test]
    fn large_or_tag_heavy_pages_are_read_as_a_stream() {
        let para = "<div class=\"wrap\"><p>The levy on Draycombe moorings rose again, the harbour \
                    board said, and skippers asked where the money went.</p></div>\n";
        let big = format!(
            "<html><head><title>Mooring levy rises | Tessel Courier</title>\
             <meta property=\"article:published_time\" content=\"2021-03-04\"></head><body>{}\
             <footer>Tessel Courier</footer></body></html>",
            para.repeat(LARGE_PAGE_BYTES / para.len() + 10)
        );
        let e = extract_html(&big, None, ExtractMode::Accurate).unwrap();
        assert!(
            e.warnings.iter().any(|w| w.starts_with("large page")),
            "{:?}",
            e.warnings
        );
        assert_eq!(e.title.as_deref(), Some("Mooring levy rises"));
        assert_eq!(e.published.unwrap().value.to_string(), "2021-03-04");
        assert_eq!(e.text.lines().count(), LARGE_PAGE_BYTES / para.len() + 10);
        assert!(!e.text.contains("Tessel Courier"), "the footer is furniture");

        let heavy = format!("<p>{}</p>", "<b>tide</b> ".repeat(MAX_TREE / 2 + 1));
        assert!(heavy.len() < LARGE_PAGE_BYTES);
        let e = extract_html(&heavy, None, ExtractMode::Fast).unwrap();
        assert!(
            e.warnings.iter().any(|w| w.starts_with("large page")),
            "{:?}",
            e.warnings
        );
        assert_eq!(e.text.split(' ').count(), MAX_TREE / 2 + 1);

        let small = extract_html(&big[..20_000], None, ExtractMode::Fast).unwrap();
        assert!(small.warnings.is_empty(), "{:?}", small.warnings);
    }

    fn gallery_page(captions: bool) -> String {
        let caption = "<div class=\"caption\"><p>Volunteers from Marrow Point haul the new \
                       pontoon into place beside the old ferry slip on Saturday morning.</p></div>";
        let gallery = if captions {
            format!("<ul class=\"gallery\"><li>{caption}</li><li>{caption}</li></ul>")
        } else {
            String::new()
        };
        let paras: String = [
            "The new pontoon at Marrow Point opened to foot passengers on Monday, two months later than the harbour board had promised in the spring.",
            "Engineers had found that the old slip was sinking at its seaward end, and the board chose to float a pontoon beside it rather than rebuild.",
            "Skippers of the smaller boats said the pontoon was easier to reach at low water, though some worried about the winter storms that batter the point.",
            "The board will decide in the autumn whether the old slip is to be demolished or kept for the lifeboat, its chair, Tamsin Vey, said.",
        ]
        .iter()
        .map(|p| format!("<p>{p}</p>"))
        .collect();
        format!(
            "<html><head><title>Pontoon opens at Marrow Point</title></head><body>\
             <div class=\"story\">{gallery}{paras}</div></body></html>"
        )
    }

    #[test]
    fn balanced_runs_the_second_extractor_only_when_in_doubt() {
        assert!(repeats_a_long_line(
            "one two three four five six seven eight\nx\none two three four five six seven eight"
        ));
        assert!(!repeats_a_long_line(
            "short line\nshort line\none two three four five six seven eight"
        ));
        let text = |html: &str, mode| extract_html(html, None, mode).unwrap().text;
        let plain = gallery_page(false);
        assert_eq!(
            text(&plain, ExtractMode::Balanced),
            text(&plain, ExtractMode::Fast)
        );
        let gallery = gallery_page(true);
        let (fast, accurate) = (
            text(&gallery, ExtractMode::Fast),
            text(&gallery, ExtractMode::Accurate),
        );
        assert!(repeats_a_long_line(&fast), "{fast}");
        assert_ne!(fast, accurate, "the page must tell the two apart");
        assert_eq!(text(&gallery, ExtractMode::Balanced), accurate);
    }

    #[test]
    fn a_panicking_extractor_becomes_a_warning() {
        let r: Result<(), String> = guarded("test", || panic!("sliced inside a character"));
        let w = r.unwrap_err();
        assert!(w.contains("test extractor") && w.contains("sliced inside"), "{w}");
        assert_eq!(guarded("test", || 7), Ok(7));
    }

    #[test]
    fn inert_markup_is_stripped_before_parsing() {
        let page = "<html><head><title>Why <script> tags</title>\
            <script type=\"application/ld+json\">{\"headline\":\"H\"}</script>\
            <SCRIPT>if (a < b) { x('</div>') }</SCRIPT><style>p{}</style></head>\
            <body><!-- <script>never</script> --><nav><a>Home</a></nav>\
            <svg-icon>kept</svg-icon><svg><title>icon</title></svg>\
            <figure><img src=a.jpg><figcaption>A caption</figcaption></figure>\
            <noscript><img src=b.jpg></noscript><p>Body text.</p><script>open";
        let out = strip_inert(page);
        assert_eq!(
            out,
            "<html><head><title>Why <script> tags</title>\
            <script type=\"application/ld+json\">{\"headline\":\"H\"}</script>\
            </head><body><svg-icon>kept</svg-icon>\
            <figure><img src=a.jpg></figure><p>Body text.</p>"
        );
        // Nothing to strip: no copy.
        assert!(matches!(
            strip_inert("<p>plain</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn nesting_depth_counts_real_nesting() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b<br><img src=x></div></body></html>"),
            3
        );
        assert_eq!(
            nesting_depth("<div><!-- <div><div> --><script>if (a<b) {}</script></div>"),
            2
        );
        assert_eq!(nesting_depth(&"<span>".repeat(40)), 40);
    }
}
