//! Segment: paragraphs → sentences, as byte spans into the article text.
//!
//! News-specific rules: abbreviations and titles ("U.S.", "Sen.", "Dec.", "Gov."),
//! initials ("John F. Kennedy"), decimal numbers and times ("4.2", "9 a.m. Friday"),
//! terminal punctuation inside closing quotes ("… end.” He said") and paragraph
//! boundaries. Dashes and datelines never end a sentence. Quotes that run over several
//! sentences are split like any other text; joining them is the quote finder's job.

use crate::span::Span;

/// Words that end with a full stop without ending the sentence (lower case, without the
/// stop): `text/data/abbreviations.txt`.
const ABBREVIATIONS: &str = include_str!("data/abbreviations.txt");

fn abbreviations() -> &'static crate::entities::lexicon::WordSet {
    crate::entities::lexicon::word_set!(ABBREVIATIONS)
}

/// Paragraph spans of plain text: its non-empty lines, trimmed (a trailing `\r` included),
/// as bytes into `text`.
pub fn line_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            out.push(Span::new(pos + lead, pos + lead + body.len()));
        }
        pos += line.len() + 1;
    }
    out
}

/// Sentence spans of every paragraph, in order.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        if let Some(par) = p.slice(text) {
            split_paragraph(par, p.start, &mut out);
        }
    }
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// The word that ends just before byte `end` (letters, digits and inner dots).
fn word_before(s: &str, end: usize) -> &str {
    let start = s[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..end]
}

/// Whether the full stop at byte `dot` of `s` ends a sentence, given what follows.
fn stop_ends_sentence(s: &str, dot: usize, next: Option<char>) -> bool {
    let word = word_before(s, dot);
    let lower = word.to_lowercase();
    let bare = lower.trim_start_matches(['-', '.']);
    // An initial ("F.") or a dotted acronym ("U.S.") before a capital is usually a name or
    // an abbreviation, unless the acronym closes the sentence; be conservative with both.
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_initial {
        return false;
    }
    if abbreviations().contains(bare) {
        // "a.m." or "U.S." can end a sentence: only when a capitalised word follows that
        // does not look like the rest of a name or a date.
        // (Most abbreviations, "Sen." or "Dec.", never end one: nothing more to read.)
        let capital = next.is_some_and(|c| c.is_uppercase());
        return match bare {
            "u.s" | "u.k" | "u.n" => capital && word_after(s, dot).is_some_and(country_closes_before),
            "a.m" | "p.m" | "etc" => capital && !word_after(s, dot).is_some_and(is_weekday_or_month),
            _ => false,
        };
    }
    true
}

/// Rule `country_acronym_name`: a country's or a body's dotted acronym before a capitalised
/// word is most often the start of a name ("the U.S. Senate", "U.N. Security Council",
/// "U.K. Treasury"), so it ends a sentence only before a word that opens sentences and
/// never names ("… in the U.S. The move …", "… from the U.K. They said …"; the entity
/// lexicon's function words).
fn country_closes_before(next: &str) -> bool {
    crate::entities::lexicon::is_function_word(next)
}

fn word_after(s: &str, dot: usize) -> Option<&str> {
    let rest = s[dot + 1..].trim_start_matches(|c: char| c.is_whitespace() || is_closing(c));
    rest.split(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty())
}

fn is_weekday_or_month(w: &str) -> bool {
    crate::entities::lexicon::is_calendar_word(w) || w == "May"
}

/// Whether a word (without its dot, any case) is an abbreviation written with a dot.
pub fn is_abbreviation(word: &str) -> bool {
    // The entries are lower-case ASCII: comparing ignoring ASCII case is a lookup of the
    // word with its ASCII letters lowered.
    abbreviations().contains(word.to_ascii_lowercase().as_str())
}

/// Whether the text after a quotation that ends in a stop begins with its attribution
/// ("“Why?” Trump asked reporters", "“No.” he said"): a name or pronoun, then a speech
/// verb, then at most a short tail before the clause ends. The quotation and its
/// attribution are one sentence. A verb that goes on to its own content ("He warns that
/// …", "Rubio called the statement “outlandish.”") starts a new sentence instead.
fn attribution_follows(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    for _ in 0..4 {
        let Some(w) = words.next() else { return false };
        if crate::entities::lexicon::speech_lemma(w.trim_end_matches([',', '.'])).is_some() {
            // "She added: “…”" introduces the next quotation instead.
            if w.ends_with(':') {
                return false;
            }
            if w.ends_with(['.', ',']) {
                return true;
            }
            for tail in words.take(5) {
                if tail.starts_with(is_opening) || matches!(tail, "that" | "how" | "whether") {
                    return false;
                }
                if tail.ends_with(['.', ',', ';', '!', '?']) {
                    return true;
                }
            }
            return false;
        }
        let name_like =
            w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "he" | "she" | "they");
        if !name_like {
            return false;
        }
    }
    false
}

fn split_paragraph(par: &str, base: usize, out: &mut Vec<Span>) {
    let mut start = par.len() - par.trim_start().len();
    let chars: Vec<(usize, char)> = par.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take a run of terminal marks and closing quotes/brackets.
            let mut j = k + 1;
            while j < chars.len() && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closing(chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(par.len(), |x| x.0);
            // A boundary needs whitespace, then a capital, digit or opening quote.
            let mut n = j;
            while n < chars.len() && chars[n].1.is_whitespace() {
                n += 1;
            }
            let next = chars.get(n).map(|x| x.1);
            let spaced = n > j;
            let starts_new = next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_opening(c));
            let decimal = c == '.' && chars.get(k + 1).is_some_and(|x| x.1.is_ascii_digit());
            let quoted = chars[k + 1..j]
                .iter()
                .any(|x| is_closing(x.1) && x.1 != ')' && x.1 != ']');
            // Looked at only where a boundary is possible: the words after a stop that is
            // not followed by a space may run to the end of the paragraph.
            let ok = spaced
                && starts_new
                && !decimal
                && !(quoted && attribution_follows(&par[end..]))
                && (c != '.' || stop_ends_sentence(par, i, next));
            if ok && end > start {
                out.push(Span::new(base + start, base + end));
                start = chars.get(n).map_or(par.len(), |x| x.0);
            }
            k = j.max(k + 1);
            continue;
        }
        k += 1;
    }
    let tail = par[start..].trim_end();
    if !tail.is_empty() {
        out.push(Span::new(base + start, base + start + tail.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::join_paragraphs;

    fn split(paras: &[&str]) -> Vec<String> {
        let (text, spans) = join_paragraphs(paras);
        sentences(&text, &spans)
            .iter()
            .map(|s| s.slice(&text).unwrap().to_string())
            .collect()
    }

    #[test]
    fn news_abbreviations_initials_and_numbers() {
        let s = split(&[
            "Sen. Jo Roe and Reps. Ana Lee and Bo Tan met U.S. officials on Dec. 2 in Washington, D.C. with John F. Kennedy Jr. \
                         and paid $4.2 million. The talks ended at 9 p.m. Friday. Then they left.",
        ]);
        assert_eq!(s.len(), 3, "{s:#?}");
        assert!(s[1].starts_with("The talks ended at 9 p.m. Friday."));
    }

    #[test]
    fn quotes_and_paragraphs() {
        let s = split(&[
            "“We don't see a future for him,” he said. “On the contrary.”",
            "\"It defies belief.\" She added: \"We will continue.\" \"Why?\" Jo Roe asked. \"Because.\"",
            "WASHINGTON (AA) – The U.S. military said Tuesday -- again -- that it would stay.",
        ]);
        assert_eq!(
            s,
            vec![
                "“We don't see a future for him,” he said.",
                "“On the contrary.”",
                "\"It defies belief.\"",
                "She added: \"We will continue.\"",
                "\"Why?\" Jo Roe asked.",
                "\"Because.\"",
                "WASHINGTON (AA) – The U.S. military said Tuesday -- again -- that it would stay.",
            ]
        );
    }

    #[test]
    fn a_speech_verb_with_its_own_content_starts_a_sentence() {
        let s = split(&[
            "Bo Lin called him “unfit.” Sen. Jo Roe called the plan “reckless and cruel.” \
             “Enough.” Roe said on Friday. “Later.” He warns that “worse” is coming.",
        ]);
        assert_eq!(
            s,
            vec![
                "Bo Lin called him “unfit.”",
                "Sen. Jo Roe called the plan “reckless and cruel.”",
                "“Enough.” Roe said on Friday.",
                "“Later.”",
                "He warns that “worse” is coming.",
            ]
        );
    }

    #[test]
    fn lines_are_paragraphs() {
        let text = "  Title\r\n\nFirst line.\n   \nSecond.";
        let p: Vec<_> = line_paragraphs(text)
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect();
        assert_eq!(p, ["Title", "First line.", "Second."]);
    }

    #[test]
    fn abbreviations_are_listed_once_in_lower_case_ascii() {
        let mut seen = std::collections::HashSet::new();
        for a in crate::entities::lexicon::entries(ABBREVIATIONS) {
            assert!(seen.insert(a), "{a} is listed twice");
            assert!(a.is_ascii() && a == a.to_ascii_lowercase(), "{a}");
        }
        assert!(is_abbreviation("Sen") && is_abbreviation("U.S") && !is_abbreviation("Senate"));
    }

    #[test]
    fn a_sentence_may_end_with_an_acronym() {
        let s = split(&["The aid came from the U.S. Officials in Rome said so."]);
        assert_eq!(s.len(), 2, "{s:#?}");
        let s = split(&["Grain went to the U.K. It was the third cargo."]);
        assert_eq!(s.len(), 2, "{s:#?}");
    }

    #[test]
    fn an_acronym_before_the_rest_of_a_name_ends_no_sentence() {
        for text in [
            "The U.S. Harbor Safety Board said the dock was sound.",
            "Envoys met at the U.N. Security Council on the grain deal.",
            "A fine from the U.K. Treasury arrived late.",
        ] {
            assert_eq!(split(&[text]).len(), 1, "{text}");
        }
    }
}
