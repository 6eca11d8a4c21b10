#![no_main]
use libfuzzer_sys::fuzz_target;
use storyline::{Pipeline, PipelineConfig};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let p = Pipeline::build(PipelineConfig::default()).expect("default config");
    if let Ok(a) = p.analyze_text(&text, "fuzz.txt") {
        for s in &a.paragraphs {
            assert!(s.slice(&a.text).is_some(), "paragraph span off a char boundary");
        }
    }
});
