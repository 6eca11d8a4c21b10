#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    for mode in [storyline::extract::ExtractMode::Accurate, storyline::extract::ExtractMode::Fast] {
        if let Ok(e) = storyline::extract::extract_html(&html, Some("https://example.org/2016/12/08/x"), mode) {
            let _ = storyline::clean::clean(&e.text, e.title.as_deref(), storyline::clean::CleanMode::Extracted);
        }
    }
});
