#![no_main]
use libfuzzer_sys::fuzz_target;

// Temporal expressions, sentence dates and publication-date inference on arbitrary text,
// with and without a creation date: no panic, and every span slices the text.
fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paras = storyline::text::segment::line_paragraphs(&text);
    let sentences = storyline::text::segment::sentences(&text, &paras);
    for dct in [chrono::NaiveDate::from_ymd_opt(2016, 12, 8), None] {
        let (timexes, _dated) = storyline::time::annotate(&text, &paras, &sentences, dct);
        for t in &timexes {
            assert!(t.span.slice(&text).is_some(), "timex off the text");
        }
    }
    let _ = storyline::time::infer_published(&text, &sentences, &[]);
});
