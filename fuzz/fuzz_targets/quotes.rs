#![no_main]
use libfuzzer_sys::fuzz_target;

// Entities and quotes straight on the text (no cleaning first), with its lines
// as paragraphs: every span must slice the text.
fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paras = storyline::text::segment::line_paragraphs(&text);
    let sentences = storyline::text::segment::sentences(&text, &paras);
    let a = storyline::quotes::analyze(&text, &paras, &sentences);
    for q in &a.quotes {
        for p in &q.parts {
            assert!(p.slice(&text).is_some(), "quote part off the text");
        }
    }
    for e in &a.entities {
        for m in &e.mentions {
            assert!(m.span.slice(&text).is_some(), "mention off the text");
        }
    }
});
