#![no_main]
use libfuzzer_sys::fuzz_target;
use storyline::ingest::warc::{parse_http, WarcItem, WarcReader};

fuzz_target!(|data: &[u8]| {
    // A small limit so that the skip-and-resynchronise paths are reached too.
    for max in [1 << 20, 64] {
        let mut last_offset = None;
        for item in WarcReader::new(data, max) {
            match item {
                WarcItem::Record(r) => {
                    assert!(r.body.len() as u64 <= max, "a kept block within the limit");
                    assert!(last_offset.is_none_or(|o| r.offset > o), "records move forward");
                    last_offset = Some(r.offset);
                    let _ = parse_http(&r.body);
                }
                WarcItem::Skipped { offset, .. } => {
                    assert!(last_offset.is_none_or(|o| offset > o), "skips move forward");
                    last_offset = Some(offset);
                }
                WarcItem::Fatal(_) => {}
            }
        }
    }
});
