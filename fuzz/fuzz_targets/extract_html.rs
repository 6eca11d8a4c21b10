#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let e = storyline::extract::extract_html(&html, Some("https://example.org/2016/12/08/x"));
    let _ = storyline::clean::clean(&e.text, e.title.as_deref(), storyline::clean::CleanMode::Extracted);
});
