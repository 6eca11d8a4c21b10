//! Where a time expression stands in its sentence: in the part that reports the
//! sentence's event or statement, or in a part that only mentions a date (a quotation, a
//! relative clause, a noun's modifier, a background phrase). And the sentence's
//! attribution cue ("said", "told", "believes"), whose own time dates a reported
//! statement. Shallow, word-level reading: no parser, lists in `data/`.

use super::lists::{
    AFTER_DATED, AUXILIARIES, CUE_VERBS, FINITE_WORDS, FRONTED_PARTICIPLES, MENTION_OPENERS, PARTS_OF_TIME,
    PAST_FORMS, RELATIVE_WORDS,
};
use crate::entities::lexicon;
use crate::span::Span;

/// Why a date in a sentence is mentioned rather than reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// Inside quotation marks: someone else's words.
    Quoted,
    /// After a word that opens a background phrase or clause in its stretch of the
    /// sentence: "since March", "until August", "following the vote of May 2",
    /// "although it closed last year", "more than in 2009".
    Background,
    /// In a relative clause: "the talks, which began in March, …", "the well that leaked
    /// in April".
    Relative,
    /// Part of a noun phrase: "the proposal of December 2", "the 1989 spill",
    /// "Wednesday's deadline".
    Modifier,
    /// Before the sentence's own start: a wire dateline's heading ("… | Mon May 3, 2010
    /// 10:02 am EDT LINDVIK (NWA) - …") or a headline glued before it ("Pier shut on
    /// 2 May 2009 Councillors met …").
    Heading,
}

/// The words of `s` (with their byte offsets in `s`), split at white space, with clause
/// punctuation as words of their own. Lazy: reading a sentence's words allocates nothing.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    s.split_whitespace().flat_map(move |w| {
        let at = w.as_ptr() as usize - s.as_ptr() as usize;
        let core = w.trim_end_matches(TRAILING_MARKS);
        let lead = core.len() - core.trim_start_matches('(').len();
        let open = (lead > 0).then_some((at, "("));
        let body = (core.len() > lead).then(|| (at + lead, &core[lead..]));
        let tail = &w[core.len()..];
        let marks = tail
            .char_indices()
            .map(move |(k, c)| (at + core.len() + k, &tail[k..k + c.len_utf8()]));
        open.into_iter().chain(body).chain(marks)
    })
}

/// A word that closes one stretch of a sentence and opens the next: clause punctuation,
/// dashes and brackets (also written as tokens: `--`, `-LRB-`).
fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | ":" | "(" | ")" | "--" | "—" | "–" | "-" | "-LRB-" | "-RRB-"
    )
}

fn lower(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// Marks that `words` splits off the end of a word.
const TRAILING_MARKS: [char; 7] = [',', ';', ':', '.', '?', '!', ')'];

/// The sentence's attribution cue: its first speech or stance verb outside quotation
/// marks that is not passive ("was reported"), as a span of the text.
///
/// This runs on every sentence, so it reads the white-space words of `words` in place: a
/// word is lower-cased (on the stack) only when it is short enough to be a cue verb or a
/// form of "be"; the punctuation `words` would split off only ends a "be" run.
pub(crate) fn cue(text: &str, sentence: Span, quoted: &[Span]) -> Option<Span> {
    let s = sentence.slice(text)?;
    let longest = CUE_VERBS.longest().max("being".len());
    let mut after_be = false;
    for w in s.split_whitespace() {
        let at = w.as_ptr() as usize - s.as_ptr() as usize;
        let core = w.trim_end_matches(TRAILING_MARKS);
        let lead = core.len() - core.trim_start_matches('(').len();
        let body = &core[lead..];
        if lead > 0 {
            after_be = false;
        }
        let bare = body.trim_matches(|c: char| !c.is_alphanumeric());
        let mut small = [0u8; 16];
        let owned: String;
        let lowered: &str = if !bare.is_ascii() {
            owned = bare.chars().flat_map(char::to_lowercase).collect();
            &owned
        } else if (2..=longest.min(small.len())).contains(&bare.len()) {
            let small = &mut small[..bare.len()];
            small.copy_from_slice(bare.as_bytes());
            small.make_ascii_lowercase();
            std::str::from_utf8(small).unwrap_or_default()
        } else {
            ""
        };
        let start = sentence.start + at + lead;
        if !after_be && !lowered.is_empty() && CUE_VERBS.contains(lowered) && !inside(quoted, start) {
            return Some(Span::new(start, start + body.len()));
        }
        after_be = core.len() == w.len() && super::is_form_of_be(lowered);
    }
    None
}

/// Whether the expression at `t` is the cue's own time: right after the verb ("said
/// Monday"), after a short phrase of place or manner ("said in a speech yesterday"), or
/// after the person told ("told CBS News yesterday"); never after a word that starts what
/// was said ("said it would … on Monday").
pub(crate) fn cue_time(text: &str, cue: Span, t: Span) -> bool {
    if t.start < cue.end {
        return false;
    }
    let Some(between) = text.get(cue.end..t.start) else {
        return false;
    };
    let ws: Vec<&str> = words(between)
        .map(|(_, w)| w)
        .filter(|w| w.chars().any(char::is_alphanumeric) || is_boundary(w))
        .collect();
    let verb = lower(text.get(cue.start..cue.end).unwrap_or_default());
    let lead = ws
        .first()
        .is_none_or(|w| CUE_TIME_LEADS.contains(&lower(w).as_str()));
    ws.len() <= CUE_WINDOW
        && !ws.iter().any(|w| is_boundary(w) || carries_clause(&lower(w)))
        && (lead || OBJECT_CUES.contains(&verb.as_str()))
}

/// Words between a speech verb and its own time, at most.
const CUE_WINDOW: usize = 6;

/// Words that take the person told before what they are told ("told reporters on
/// Monday"): the words between the verb and a date may be that person.
const OBJECT_CUES: &[&str] = &["told", "tells", "tell", "asked", "urged", "warned"];

/// Words that may stand between a speech verb and its own time ("said on Thursday",
/// "said early in a briefing on Friday").
const CUE_TIME_LEADS: &[&str] = &["on", "in", "at", "during", "late", "early", "earlier", "later"];

/// A word that starts the clause of what was said: "that", a pronoun subject, an
/// auxiliary.
fn carries_clause(w: &str) -> bool {
    FINITE_WORDS.contains(w) || AUXILIARIES.contains(w)
}

/// How far back from an expression its stretch is read, in bytes.
const REACH: usize = 400;

/// The words before the expression at `t`, read at most `REACH` bytes back, and where
/// its stretch starts among them: after the last clause boundary or the cue verb.
fn before_words(
    text: &str,
    sentence: Span,
    t: Span,
    cue: Option<Span>,
) -> Option<(Vec<(usize, &str)>, usize)> {
    // Reading at most `REACH` bytes back keeps a long sentence with many dates linear.
    let mut from_byte = sentence.start.max(t.start.saturating_sub(REACH));
    while !text.is_char_boundary(from_byte) {
        from_byte += 1;
    }
    let before = text.get(from_byte..t.start)?;
    let ws: Vec<(usize, &str)> = words(before).map(|(at, w)| (from_byte + at, w)).collect();
    let from = ws
        .iter()
        .rposition(|&(at, w)| is_boundary(w) || cue.is_some_and(|c| c.start == at))
        .map_or(0, |k| k + 1);
    Some((ws, from))
}

/// Why the expression at `t` in `sentence` only mentions a date, or `None` when it is in
/// the part of the sentence that reports (the main clause). A stretch runs from the last
/// clause boundary or cue verb before the expression.
pub(crate) fn mention(
    text: &str,
    sentence: Span,
    t: Span,
    quoted: &[Span],
    cue: Option<Span>,
) -> Option<MentionKind> {
    if inside(quoted, t.start) {
        return Some(MentionKind::Quoted);
    }
    if heading(text, sentence).is_some_and(|h| t.start < h) {
        return Some(MentionKind::Heading);
    }
    let (ws, from) = before_words(text, sentence, t, cue)?;
    let stretch = &ws[from..];
    if stretch.len() >= 2 && glued(text, sentence, t) {
        return Some(MentionKind::Heading);
    }
    let lowered: Vec<String> = stretch.iter().map(|&(_, w)| lower(w)).collect();
    if lowered.iter().any(|w| MENTION_OPENERS.contains(w))
        || after_clause(&lowered)
        || earlier_value(&lowered)
    {
        return Some(MentionKind::Background);
    }
    if fronted_participle(text, sentence, t) {
        return Some(MentionKind::Background);
    }
    if relative(&lowered) {
        return Some(MentionKind::Relative);
    }
    let prev2 = ws.len().checked_sub(2).map(|k| ws[k].1);
    modifier(text, sentence, t, ws.last().map(|&(_, w)| w), prev2)
}

/// Whether the clause of the expression at `t` is in the present perfect or the present
/// progressive ("has overtaken the surge off Vell Point in 1987", "is losing more than …"):
/// its stretch holds "has"/"have" or "is"/"are"/"am" before a participle, and no past
/// form comes after it.
pub(crate) fn present_clause(text: &str, sentence: Span, t: Span, cue: Option<Span>) -> bool {
    let Some((ws, from)) = before_words(text, sentence, t, cue) else {
        return false;
    };
    let lowered: Vec<String> = ws[from..].iter().map(|&(_, w)| lower(w)).collect();
    let Some(k) = lowered
        .iter()
        .rposition(|w| matches!(w.as_str(), "has" | "have" | "is" | "are" | "am"))
    else {
        return false;
    };
    let perfect = matches!(lowered[k].as_str(), "has" | "have");
    let next = lowered.get(k + 1).map(String::as_str).unwrap_or_default();
    let participle = if perfect {
        next == "been" || next.ends_with("ed") || next.ends_with("en") || next.ends_with('t')
    } else {
        next.ends_with("ing")
    };
    participle
        && !lowered[k + 1..]
            .iter()
            .any(|w| PAST_FORMS.contains(w) || w == "had")
}

/// Where a sentence's own words begin when something is glued before them: after a wire
/// dateline ("LINDVIK (NWA) - …", "-LRB- NWA -RRB- -") in its first words, the heading and
/// time stamp that come before it are not the sentence's.
pub(crate) fn heading(text: &str, sentence: Span) -> Option<usize> {
    let s = sentence.slice(text)?;
    // Asked for every date of a sentence: most sentences have no bracket at all.
    if !s.contains('(') && !s.contains("-LRB-") {
        return None;
    }
    let ws: Vec<(usize, &str)> = words(s).take(HEADING_WORDS).collect();
    ws.windows(4).find_map(|w| {
        let open = matches!(w[0].1, "(" | "-LRB-");
        let close = matches!(w[2].1, ")" | "-RRB-");
        let agency =
            w[1].1.chars().next().is_some_and(char::is_uppercase) && w[1].1.chars().all(char::is_alphabetic);
        let dash = matches!(w[3].1, "-" | "--" | "—" | "–");
        (open && close && agency && dash).then(|| sentence.start + w[3].0 + w[3].1.len())
    })
}

/// How many words of a sentence a dateline may follow.
const HEADING_WORDS: usize = 60;

/// Whether a stretch of words holds an "after" that opens a background phrase or clause
/// ("the board's reply comes after the owners met on Wednesday"): what happened after that
/// event is not dated by it. Not when the word before "after" counts a time from the event
/// ("two days after", "shortly after") or begins what the clause reports there ("the leak
/// began after the pipe burst on May 2"): then the date is the clause's own.
fn after_clause(stretch: &[String]) -> bool {
    stretch.iter().enumerate().any(|(k, w)| {
        w == "after"
            && !k
                .checked_sub(1)
                .and_then(|j| stretch.get(j))
                .is_some_and(|p| AFTER_DATED.contains(p))
    })
}

/// Rule `earlier_value`: a date after "up from" or "down from" and a number dates the
/// value a figure is set against ("turnout was 61%, down from 66% in 2022"), not what the
/// sentence reports ("drove down from the hills on Friday" is a journey).
fn earlier_value(stretch: &[String]) -> bool {
    stretch.windows(2).enumerate().any(|(k, w)| {
        matches!(w[0].as_str(), "up" | "down")
            && w[1] == "from"
            && stretch[k + 2..]
                .iter()
                .take(3)
                .any(|x| x.starts_with(|c: char| c.is_ascii_digit() || c == '$' || c == '£' || c == '€'))
    })
}

/// Rule `fronted_participle`: a date in a participle clause that opens the sentence and
/// ends at a comma before the main clause ("Born in 1935 in a port town, she joined the
/// survey in 1958", "Founded in 1901, the club …") tells of the subject's past; the main
/// clause's event is the sentence's.
fn fronted_participle(text: &str, sentence: Span, t: Span) -> bool {
    fronted_clause(text, sentence).is_some_and(|c| c.end >= t.end)
}

/// The participle clause that opens `sentence`, up to the comma that ends it, when a main
/// clause of three words or more follows (rule `fronted_participle`): its first word is
/// capitalised and a past participle ("-ed", or one of `data/fronted_participles.txt`),
/// not a verb of speech or stance ("Asked on Monday …, she said": the time of the saying).
pub(crate) fn fronted_clause(text: &str, sentence: Span) -> Option<Span> {
    let s = sentence.slice(text)?;
    let (at, first) = words(s).next()?;
    let lead = &s[..at];
    if !lead
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '‘'))
    {
        return None;
    }
    if !first.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let word = lower(first);
    let speech =
        CUE_VERBS.contains(&word) || lexicon::speech_lemma(&word).is_some() || lexicon::is_stance_verb(&word);
    let participle = word.len() > 4 && word.ends_with("ed") || FRONTED_PARTICIPLES.contains(&word);
    if speech || !participle {
        return None;
    }
    // The clause ends at its first comma (or other clause mark), with a main clause after;
    // looked for within `REACH` bytes, so that a long sentence asked once per date costs
    // no more than that.
    let (comma, mark) = words(s)
        .take_while(|&(at, _)| at <= REACH)
        .find(|&(_, w)| is_boundary(w))?;
    let main = s[comma + mark.len()..].split_whitespace().take(3).count() == 3;
    (mark == "," && main).then(|| Span::new(sentence.start, sentence.start + comma))
}

/// Whether the expression ends a headline or caption glued before the sentence: a date
/// with its year, after a clause's first words, followed straight by a capitalised word
/// with no mark between ("… died on 2 May 2009 Councillors met …"); running prose puts a
/// comma or a lower-case word there (but "In May 2009 Kell left" opens a clause).
fn glued(text: &str, sentence: Span, t: Span) -> bool {
    let written = text.get(t.start..t.end).unwrap_or_default();
    // the last four bytes, when they are whole characters (the expression may end in any)
    let year = written
        .get(written.len().saturating_sub(4)..)
        .is_some_and(|end| end.len() == 4 && end.bytes().all(|b| b.is_ascii_digit()));
    let next = text.get(t.end..sentence.end).unwrap_or_default();
    let capital = next.starts_with(' ')
        && next.split_whitespace().next().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
    year && capital && t.start > sentence.start
}

/// Whether a stretch of words holds a relative word ("that" only after a noun-like word,
/// not after a speech verb — "said that" — nor before a time noun — "that day").
fn relative(stretch: &[String]) -> bool {
    stretch.iter().enumerate().any(|(k, w)| {
        if !RELATIVE_WORDS.contains(w) {
            return false;
        }
        if w != "that" {
            return true;
        }
        let after = stretch.get(k + 1).map(String::as_str).unwrap_or_default();
        let time_noun = matches!(
            after,
            "day"
                | "week"
                | "month"
                | "year"
                | "morning"
                | "night"
                | "evening"
                | "afternoon"
                | "time"
                | "same"
        );
        let said = k > 0 && CUE_VERBS.contains(&stretch[k - 1]);
        k > 0 && !time_noun && !said
    })
}

/// Whether the expression is part of a noun phrase: after "of" ("the proposal of
/// December 2"), before "'s" ("Wednesday's deadline"), or between a determiner or
/// possessive and the noun it describes ("the 1989 spill", "Obama's 2008 bid"). Not after
/// a part of time and "of" (`prev2`: "spent most of Monday", "on the night of May 2"):
/// there the expression is the time of the clause's own event.
fn modifier(
    text: &str,
    sentence: Span,
    t: Span,
    prev: Option<&str>,
    prev2: Option<&str>,
) -> Option<MentionKind> {
    let after = text.get(t.end..sentence.end).unwrap_or_default();
    let next = after.split_whitespace().next().unwrap_or_default();
    // Rule `possessive_subject`: a possessive date that opens the sentence ("Tuesday's
    // blast killed nine", "Last year's storm cost …") names when the subject's event
    // happened, and the sentence tells of that event: it dates the sentence.
    let opens = prev.is_none();
    let possessive = !opens && ["'s", "’s"].iter().any(|p| after.trim_start().starts_with(p));
    let prev = prev.map(lower).unwrap_or_default();
    let before_noun = next.chars().next().is_some_and(|c| c.is_alphabetic())
        && !["and", "or", "to", "at", "in", "on", "when", "as"].contains(&lower(next).as_str());
    let determiner = matches!(
        prev.as_str(),
        "the" | "its" | "their" | "his" | "her" | "our" | "s"
    ) || prev.ends_with("'s")
        || prev.ends_with("’s");
    let of = prev == "of" && !prev2.is_some_and(|w| PARTS_OF_TIME.contains(&lower(w)));
    (of || possessive || (determiner && before_noun)).then_some(MentionKind::Modifier)
}

/// Whether `at` lies in one of the (sorted) spans.
fn inside(spans: &[Span], at: usize) -> bool {
    let k = spans.partition_point(|s| s.end <= at);
    spans.get(k).is_some_and(|s| s.start <= at && at < s.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the cue of `s` (one sentence, no quotation).
    fn cue_of(s: &str) -> Option<&str> {
        cue(s, Span::new(0, s.len()), &[]).and_then(|c| c.slice(s))
    }

    #[test]
    fn the_cue_is_the_first_active_speech_verb() {
        assert_eq!(
            cue_of("Harbour master Ode Kell SAID, on Monday, it was shut."),
            Some("SAID")
        );
        // A passive participle is skipped; the comma after "was" ends the passive.
        assert_eq!(
            cue_of("It was reported that the pier, Kell told us, was shut."),
            Some("told")
        );
        assert_eq!(cue_of("It was, Kell said, a mistake."), Some("said"));
        assert_eq!(cue_of("The pier (reported shut) opened."), Some("reported"));
        assert_eq!(cue_of("The pier was reported shut."), None);
        // Inside a quotation a speech verb is somebody else's words.
        let q = "\"He said no\" was the reply.";
        assert_eq!(cue(q, Span::new(0, q.len()), &[Span::new(0, 12)]), None);
    }

    #[test]
    fn a_glued_headline_date_ends_in_a_year() {
        let s = "The mill closed on 2 May 2009 Councillors met later.";
        let t = Span::new(19, 29);
        assert_eq!(t.slice(s), Some("2 May 2009"));
        assert!(glued(s, Span::new(0, s.len()), t));
        // an expression ending in a character of several bytes is no year, and no panic
        for s in [
            "Output grew in 2019 -\u{202f}36 Members cut it.",
            "It was 2019 - １２Senate records show.",
        ] {
            let end = s.find(" Members").or_else(|| s.find("Senate")).unwrap();
            let t = Span::new(s.find("2019").unwrap(), end);
            assert!(!glued(s, Span::new(0, s.len()), t), "{s}");
        }
    }
}
