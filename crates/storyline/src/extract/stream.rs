//! The large-page path: text and metadata from one pass of the HTML tokenizer, with no tree.
//!
//! A tree costs about nine times the page in memory for readability and about thirty times
//! for the two-extractor mode; above a size no real article page reaches, a page is read as
//! a stream instead: one line per block element, page furniture (`<aside>`, `<footer>`,
//! forms, embedded frames) left out, the metadata tags read on the way. Memory stays near
//! the size of the page and its text. The cleaning stage then judges the lines as it judges
//! any extracted text.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts,
};

use super::meta::{MetaScan, Wanted};
use super::{is_block, Extracted};

/// Elements whose content is page furniture, not article text.
fn is_furniture(name: &str) -> bool {
    matches!(
        name,
        "aside"
            | "footer"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "template"
            | "iframe"
            | "object"
            | "dialog"
            | "menu"
            | "nav"
            | "noscript"
            | "script"
            | "style"
            | "svg"
            | "figcaption"
    )
}

/// How the tokenizer must read an element's content (the tree builder would tell it; here
/// the sink does).
fn raw_kind(name: &str) -> Option<TokenSinkResult<()>> {
    Some(match name {
        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => TokenSinkResult::RawData(RawKind::Rawtext),
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "plaintext" => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

#[derive(Default)]
struct State {
    out: Extracted,
    meta: MetaScan,
    text: String,
    /// A space is owed before the next word.
    pending_space: bool,
    /// The furniture element being skipped, and how deep inside it the stream is.
    skip: Option<(String, usize)>,
    /// Text being collected for the metadata, and the element that ends it.
    capture: Option<(Wanted, String, String)>,
}

struct Sink(RefCell<State>);

impl State {
    fn newline(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.pending_space = false;
    }

    fn words(&mut self, t: &str) {
        for (i, w) in t.split_whitespace().enumerate() {
            if (i > 0 || self.pending_space || t.starts_with(char::is_whitespace))
                && !self.text.is_empty()
                && !self.text.ends_with(['\n', ' '])
            {
                self.text.push(' ');
            }
            self.text.push_str(w);
        }
        self.pending_space = t.ends_with(char::is_whitespace);
    }

    fn start(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if let Some((skipped, depth)) = &mut self.skip {
            if *skipped == name && !tag.self_closing {
                *depth += 1;
            }
            return;
        }
        let attr = |a: &str| {
            tag.attrs
                .iter()
                .find(|x| &*x.name.local == a)
                .map(|x| x.value.to_string())
        };
        if let Some(wanted) = self.meta.element(name, &attr, &mut self.out) {
            if !tag.self_closing {
                self.capture = Some((wanted, name.to_string(), String::new()));
            }
            return;
        }
        if is_furniture(name) && !tag.self_closing {
            self.skip = Some((name.to_string(), 1));
        } else if is_block(name) {
            self.newline();
        }
    }

    fn end(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if let Some((skipped, depth)) = &mut self.skip {
            if *skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                }
            }
            return;
        }
        if self.capture.as_ref().is_some_and(|(_, n, _)| n == name) {
            if let Some((wanted, _, text)) = self.capture.take() {
                self.meta.text(wanted, text);
            }
        } else if is_block(name) {
            self.newline();
        }
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.0.borrow_mut();
        match token {
            TagToken(tag) if tag.kind == StartTag => {
                s.start(&tag);
                if !tag.self_closing {
                    if let Some(kind) = raw_kind(&tag.name) {
                        return kind;
                    }
                }
            }
            TagToken(tag) if tag.kind == EndTag => s.end(&tag),
            CharacterTokens(t) => {
                if let Some((_, _, text)) = &mut s.capture {
                    text.push_str(&t);
                } else if s.skip.is_none() {
                    s.words(&t);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The page's blocks as lines of text and its metadata, read in one streaming pass. Returns
/// the metadata in `Extracted` (its `text` set) and the `<title>` text.
pub(super) fn extract_streaming(html: &str) -> (Extracted, Option<String>) {
    /// Input is handed to the tokenizer in pieces of this size: only one is copied at a time.
    const PIECE: usize = 1 << 20;
    let tok = Tokenizer::new(Sink(RefCell::default()), TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut at = 0;
    while at < html.len() {
        let mut end = (at + PIECE).min(html.len());
        while !html.is_char_boundary(end) {
            end += 1;
        }
        queue.push_back(StrTendril::from_slice(&html[at..end]));
        let _ = tok.feed(&queue);
        at = end;
    }
    tok.end();
    let State {
        mut out, meta, text, ..
    } = tok.sink.0.into_inner();
    let title = meta.finish(&mut out);
    out.text = text.trim_end().to_string();
    (out, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_metadata_and_furniture() {
        let page = r#"<!DOCTYPE html><html lang="en-GB"><head><title>Ferry late | Tessel Courier</title>
            <meta property="article:published_time" content="2021-03-04T08:00:00Z">
            <meta name="author" content="Tamsin Vey">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01"}</script>
            <link rel="canonical" href="https://courier.example/ferry"></head>
            <body><h1>Ferry &amp; fog</h1><div><p>The ferry ran <b>late</b>
            on Tuesday.<br>Fog&nbsp;again.</p>
            <aside><p>Related: <aside>nested</aside> more</p></aside>
            <form><button>Send</button></form><p>Passengers waited &lt;two&gt; hours.</p></div>
            <footer>All rights reserved</footer></body></html>"#;
        let (e, title) = extract_streaming(page);
        assert_eq!(
            e.text,
            "Ferry & fog\nThe ferry ran late on Tuesday.\nFog again.\nPassengers waited <two> hours."
        );
        assert_eq!(title.as_deref(), Some("Ferry late | Tessel Courier"));
        assert_eq!(e.language.as_deref(), Some("en"));
        assert_eq!(e.authors, vec!["Tamsin Vey"]);
        assert_eq!(e.url.as_deref(), Some("https://courier.example/ferry"));
        assert_eq!(
            e.published.unwrap().value.to_string(),
            "2021-03-04T08:00:00+00:00",
            "the meta tag outranks JSON-LD"
        );
    }

    #[test]
    fn pieces_split_anywhere() {
        // Tags, entities and multi-byte characters across the piece boundary.
        let para = "<p>Caf\u{e9} owners met the harbour board &amp; agreed.</p>\n";
        let page = para.repeat((1 << 21) / para.len() + 3);
        let (e, _) = extract_streaming(&page);
        let lines: Vec<&str> = e.text.lines().collect();
        assert_eq!(lines.len(), (1 << 21) / para.len() + 3);
        assert!(lines
            .iter()
            .all(|l| *l == "Caf\u{e9} owners met the harbour board & agreed."));
    }

    proptest::proptest! {
        #[test]
        fn any_markup_gives_trimmed_lines(html in "(<[/a-z!]{0,9}( [a-z]{1,5}=\"[^\"]{0,6}\")?>|[^<]{0,12}|&[a-z#0-9]{0,6};?){0,60}") {
            let (e, _) = extract_streaming(&html);
            for line in e.text.lines() {
                proptest::prop_assert!(!line.is_empty() && line.trim() == line, "{:?}", e.text);
            }
        }
    }

    #[test]
    fn unclosed_furniture_swallows_the_rest_as_a_parser_would() {
        let (e, _) = extract_streaming("<p>Kept.</p><aside><p>gone</p><p>gone too</p>");
        assert_eq!(e.text, "Kept.");
    }
}
