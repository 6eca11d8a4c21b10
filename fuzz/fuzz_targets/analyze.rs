#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use storyline::{Pipeline, PipelineConfig};

// The whole per-article pipeline on arbitrary text — cleaning, sentences, entities, quotes,
// time, figures — as `analyze` runs it: no panic (two slicing faults inside multi-byte
// characters, in the figure and time stages, were found by hand before this target), and
// every span it records slices the text.
fuzz_target!(|data: &[u8]| {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    let pipeline = PIPELINE.get_or_init(|| Pipeline::build(PipelineConfig::default()).expect("pipeline"));
    let text = String::from_utf8_lossy(data);
    let Ok(a) = pipeline.analyze_text(&text, "fuzz.txt") else {
        return;
    };
    for s in a.sentences.iter().chain(&a.paragraphs) {
        assert!(s.slice(&a.text).is_some(), "sentence off the text");
    }
    for f in &a.figures {
        assert_eq!(f.span.slice(&a.text), Some(f.text.as_str()), "figure off the text");
    }
    for q in &a.quotes {
        assert!(q.span.slice(&a.text).is_some(), "quote off the text");
    }
    for t in &a.timexes {
        assert!(t.span.slice(&a.text).is_some(), "timex off the text");
    }
});
