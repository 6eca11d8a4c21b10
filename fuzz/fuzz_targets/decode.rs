#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = storyline::ingest::decode::decode(data, None, true);
    let _ = storyline::ingest::looks_like_html(data);
});
