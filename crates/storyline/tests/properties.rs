//! Property tests: no input panics the parsers, spans always slice the text, and
//! dedup does not depend on input order.

use proptest::prelude::*;
use storyline::clean::{clean, CleanMode};
use storyline::corpus::dedup::{fingerprint, group, Candidate, DedupConfig};
use storyline::ingest::warc::WarcReader;
use storyline::{Pipeline, PipelineConfig};

/// Text made of news-like pieces: words, quotes of every kind, multi-byte letters,
/// boilerplate words and line breaks.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("ADVERTISEMENT".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("By Jo Roe".to_string()),
        Just("Recommended articles".to_string()),
        Just("jpegMpeg4-1280x720".to_string()),
        Just("March 3, 2021".to_string()),
        Just("Ünïcödé ßtraße Переговоры".to_string()),
        Just("said".to_string()),
        Just("he said,".to_string()),
        Just("told reporters".to_string()),
        Just("according to".to_string()),
        Just("saying".to_string()),
        Just("Sen. Jo Roe (D-Ohio)".to_string()),
        Just("spokesman".to_string()),
        Just("President".to_string()),
        Just(", a former pilot,".to_string()),
        Just("— ".to_string()),
        Just("''".to_string()),
        Just("NORDVIK (NWA) –".to_string()),
        "[A-Za-z]{1,12}",
        "[ .,!?:;'-]",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

/// Sentences full of figures: numbers in digits and words, tallies, ranges, money,
/// percentages and units, next to the quotation marks and multi-byte letters of
/// [`newsish`], so that every rule of the figure and time stages meets text it slices.
fn figure_ish() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "voted",
        "to",
        "from",
        "between",
        "and",
        "52",
        "52 to 48",
        "6-3",
        "“no”",
        "2 May 2009",
        "\u{202f}",
        "\u{a0}",
        "１２",
        "1,200",
        "3.5",
        "twenty-one",
        "a dozen",
        "tens of thousands",
        "$5",
        "€",
        "£2.4bn",
        "per cent",
        "%",
        "million",
        "more than",
        "people",
        "killed",
        "km",
        "–",
        "-",
        "’s",
        "« »",
        "ரூ",
    ];
    // weighted as one choice among the pieces each, as news text with figures mixes them
    let piece = prop_oneof![
        1 => newsish(),
        33 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[0-9]{1,4}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn figures_and_time_expressions_point_into_the_text(text in figure_ish()) {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        if let Ok(a) = p.analyze_text(&text, "p.txt") {
            for f in &a.figures {
                prop_assert_eq!(f.span.slice(&a.text), Some(f.text.as_str()));
                prop_assert!(f.sentence < a.sentences.len());
                if let Some(u) = &f.unit {
                    prop_assert!(u.span.slice(&a.text).is_some());
                }
            }
            for t in &a.timexes {
                prop_assert!(t.span.slice(&a.text).is_some());
            }
        }
    }

    #[test]
    fn cleaning_never_panics_and_spans_slice(text in newsish()) {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        for mode in [CleanMode::Scraped, CleanMode::Extracted] {
            let c = clean(&text, None, mode);
            for para in &c.paragraphs {
                prop_assert!(!para.trim().is_empty());
            }
        }
        if let Ok(a) = p.analyze_text(&text, "p.txt") {
            for s in &a.paragraphs {
                let slice = s.slice(&a.text);
                prop_assert!(slice.is_some());
            }
        }
    }

    #[test]
    fn quotes_and_entities_point_into_the_text(text in newsish()) {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        if let Ok(a) = p.analyze_text(&text, "p.txt") {
            for q in &a.quotes {
                prop_assert!(q.span.slice(&a.text).is_some());
                prop_assert!(!q.parts.is_empty());
                for part in &q.parts {
                    prop_assert!(part.slice(&a.text).is_some());
                    prop_assert!(q.span.start <= part.start && part.end <= q.span.end);
                }
                for s in q.speaker.iter().chain(q.cue.iter()) {
                    prop_assert!(s.slice(&a.text).is_some());
                }
                if let Some(id) = &q.speaker_entity {
                    prop_assert!(a.entities.iter().any(|e| &e.id == id));
                }
            }
            for e in &a.entities {
                for m in &e.mentions {
                    prop_assert!(m.span.slice(&a.text).is_some());
                }
            }
        }
    }

    #[test]
    fn sentences_tile_their_paragraphs(text in newsish()) {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        if let Ok(a) = p.analyze_text(&text, "p.txt") {
            let sents = storyline::text::segment::sentences(&a.text, &a.paragraphs);
            let mut last_end = 0;
            for s in &sents {
                prop_assert!(s.start >= last_end && s.start < s.end);
                let slice = s.slice(&a.text);
                prop_assert!(slice.is_some());
                let slice = slice.unwrap();
                prop_assert_eq!(slice.trim(), slice);
                prop_assert!(a.paragraphs.iter().any(|p| p.start <= s.start && s.end <= p.end));
                last_end = s.end;
            }
            // Every non-space character of a paragraph is in some sentence.
            let covered: usize = sents.iter().map(|s| a.text[s.start..s.end].split_whitespace().map(str::len).sum::<usize>()).sum();
            let total: usize = a.paragraph_texts().map(|p| p.split_whitespace().map(str::len).sum::<usize>()).sum();
            prop_assert_eq!(covered, total);
        }
    }

    #[test]
    fn decoding_and_warc_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = storyline::ingest::decode::decode(&bytes, None, true);
        let mut with_header = b"WARC/1.0\r\nContent-Length: 20\r\n\r\n".to_vec();
        with_header.extend_from_slice(&bytes);
        for data in [&bytes[..], &with_header[..]] {
            for _ in WarcReader::new(data, 1 << 16) {}
        }
    }

    #[test]
    fn dedup_is_order_independent(seed in 0u64..1000) {
        let base = "the council voted on monday to approve the harbour plan after a long debate \
                    in the town hall where residents had gathered since the early morning";
        let texts: Vec<String> = (0..6u64)
            .map(|i| match (seed + i) % 3 {
                0 => base.to_string(),
                1 => format!("{base} and more {i}"),
                _ => format!("an unrelated story number {i} about floods in the valley and the river"),
            })
            .collect();
        let verdict = |order: &[usize]| {
            let fps: Vec<_> = order.iter().map(|&i| fingerprint(&texts[i])).collect();
            let ids: Vec<String> = order.iter().map(|&i| storyline::article::content_id(&texts[i])).collect();
            let cands: Vec<Candidate> = (0..order.len())
                .map(|k| Candidate { id: &ids[k], published: None, fingerprint: &fps[k] })
                .collect();
            let g = group(&cands, &DedupConfig::default());
            // For each text: the text of its representative (itself when none).
            let mut out: Vec<(String, String)> = (0..order.len())
                .map(|k| {
                    let rep = g[k].map_or(k, |(r, _)| r);
                    (texts[order[k]].clone(), texts[order[rep]].clone())
                })
                .collect();
            out.sort();
            out
        };
        let forward: Vec<usize> = (0..6).collect();
        let backward: Vec<usize> = (0..6).rev().collect();
        prop_assert_eq!(verdict(&forward), verdict(&backward));
    }
}
