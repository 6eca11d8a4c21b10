#![no_main]
use libfuzzer_sys::fuzz_target;
use storyline::ingest::warc::{parse_http, WarcItem, WarcReader};

fuzz_target!(|data: &[u8]| {
    for item in WarcReader::new(data, 1 << 20) {
        if let WarcItem::Record(r) = item {
            let _ = parse_http(&r.body);
        }
    }
});
