#![no_main]
use libfuzzer_sys::fuzz_target;
use storyline::time::TimeValue;

// Temporal expressions, sentence dates and publication-date inference on arbitrary text,
// with and without a creation date: no panic, every span slices the text, and every value
// written reads back as itself (so a stored record can always be read).
fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paras = storyline::text::segment::line_paragraphs(&text);
    let sentences = storyline::text::segment::sentences(&text, &paras);
    let reads_back = |v: &TimeValue| {
        let written = v.to_string();
        assert_eq!(written.parse::<TimeValue>().as_ref(), Ok(v), "{written}");
    };
    for dct in [chrono::NaiveDate::from_ymd_opt(2016, 12, 8), None] {
        let (timexes, dated) = storyline::time::annotate(&text, &paras, &sentences, dct);
        for t in &timexes {
            assert!(t.span.slice(&text).is_some(), "timex off the text");
            reads_back(&t.value);
            if let Some(a) = t.anchor {
                assert_eq!(a.to_string().parse(), Ok(a));
            }
        }
        for d in &dated {
            reads_back(&d.value);
            assert!(d.value.is_calendar(), "a sentence dated by {}", d.value);
        }
    }
    let _ = storyline::time::infer_published(&text, &[&text]);
    // Every line of the input as a stamp, a byline and a caption, in the page's head or not.
    let lines: Vec<storyline::time::StampLine> = text
        .lines()
        .flat_map(|l| {
            [(true, false), (false, false), (false, true)].map(|(byline, head)| storyline::time::StampLine {
                text: l,
                byline,
                head,
            })
        })
        .collect();
    let _ = storyline::time::stamp_date(&lines);
});
