//! Tense around an expression: whether the event it dates lies ahead of the creation date
//! or behind it ("said Friday" against "will meet Friday").

use std::sync::LazyLock;

use regex::Regex;

/// Whether the sentence around `at` speaks of the future.
pub(super) fn future_tense(sentence: &str) -> bool {
    static FUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(will|'ll|shall|going to|plans? to|scheduled|expects? to|expected to|set to)(?-u:\b)")
            .expect("future")
    });
    FUT.is_match(sentence)
}

/// Whether the event at `start..end` of `sentence` lies ahead of the creation date: the
/// tense signal nearest to the expression decides ("said Friday" → past, "planned to
/// leave on Thursday" → future, "will remain … said Thursday" → past); `None` when no
/// signal is near.
pub(super) fn tense_at(sentence: &str, start: usize, end: usize) -> Option<bool> {
    fn clean(w: &str) -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_lowercase()
    }
    // Words that put an event ahead.
    fn ahead(l: &str) -> bool {
        matches!(
            l,
            "will"
                | "ahead"
                | "shall"
                | "wo"
                | "plan"
                | "plans"
                | "planned"
                | "planning"
                | "scheduled"
                | "schedule"
                | "expected"
                | "expects"
                | "expect"
                | "would"
                | "soon"
                | "upcoming"
                | "due"
                | "going"
                | "intends"
                | "intend"
                | "intended"
                | "aims"
                | "hopes"
                | "tomorrow"
                | "postponed"
                | "delayed"
                | "adjourned"
                | "must"
                | "should"
                | "may"
                | "might"
                | "poised"
        )
    }
    // The signal of `words[k]` given its neighbours: a past participle after "be" or "to"
    // ("will be named", "must be returned") says nothing of its own; "had been scheduled
    // to expire" lies behind, "were planning to" ahead.
    fn signal(words: &[&str], k: usize) -> Option<bool> {
        let w = words[k];
        let at = |i: Option<usize>| i.and_then(|i| words.get(i)).map(|w| clean(w));
        let (prev, prev2, next) = (at(k.checked_sub(1)), at(k.checked_sub(2)), at(Some(k + 1)));
        let prev = prev.as_deref();
        let next = next.as_deref();
        let l = clean(w);
        let l = l.as_str();
        if l.ends_with("'ll") || l.ends_with("’ll") {
            return Some(true);
        }
        // After "be" and its kin ("stay banned", "remain closed") a participle describes a
        // state and says nothing of when.
        let after_be = prev.is_some_and(|p| {
            matches!(
                p,
                "be" | "been"
                    | "being"
                    | "to"
                    | "is"
                    | "are"
                    | "am"
                    | "stay"
                    | "stays"
                    | "remain"
                    | "remains"
                    | "remained"
                    | "stayed"
                    | "become"
                    | "becomes"
                    | "seem"
                    | "seems"
                    | "get"
                    | "gets"
            )
        });
        let to_follows = next == Some("to");
        match l {
            // "the plan", "vacation plans", "a schedule": nouns ("plans to" is the verb).
            _ if matches!(l, "plan" | "plans" | "schedule")
                && (prev
                    .is_some_and(|p| matches!(p, "the" | "a" | "its" | "his" | "her" | "their" | "our"))
                    || l != "schedule" && !to_follows) =>
            {
                None
            }
            // "had been scheduled to expire", "had planned to": a plan already past.
            _ if ahead(l)
                && (prev == Some("had") || prev == Some("been") && prev2.as_deref() == Some("had")) =>
            {
                Some(false)
            }
            _ if ahead(l) => Some(true),
            // "set to", "supposed to", "agreed to acquire …": what is to happen.
            "set" | "supposed" | "agreed" | "decided" | "voted" | "promised" | "pledged" | "vowed"
            | "threatened" | "offered" | "wants" | "wanted" | "hoped" | "hope"
                if to_follows =>
            {
                Some(true)
            }
            // "were planning to", "was expected to".
            "was" | "were" if next.is_some_and(ahead) => Some(true),
            // A scheduled event in the present tense: "they meet Monday", "the trial opens
            // in May".
            "meet" | "meets" | "begin" | "begins" | "start" | "starts" | "open" | "opens" | "arrive"
            | "arrives" | "visit" | "visits" | "resume" | "resumes" | "convene" | "convenes" | "travel"
            | "travels" | "vote" | "votes" | "depart" | "departs" | "leave" | "leaves"
                if !matches!(
                    prev,
                    Some("to" | "the" | "a" | "an" | "will" | "would" | "did" | "didn't")
                ) =>
            {
                Some(true)
            }
            "said" | "told" | "was" | "were" | "had" | "did" | "met" | "began" | "took" | "came" | "went"
            | "held" | "left" | "made" | "gave" | "got" | "saw" | "won" | "lost" | "fell" | "rose"
            | "sent" | "spoke" | "wrote" | "struck" | "shot" | "led" | "ran" | "brought" | "bought"
            | "fought" | "found" | "kept" | "paid" | "sold" | "stood" | "thought" | "became" | "broke"
            | "chose" | "drove" | "flew" | "grew" | "knew" | "shook" | "threw" | "ago" | "last"
            | "earlier" | "yesterday" | "since" => (!after_be).then_some(false),
            // "and set Friday as the deadline" (not "was set for Friday", "a set of").
            "set"
                if !after_be
                    && !matches!(prev, Some("was" | "were" | "a" | "the" | "is" | "are"))
                    && next != Some("for") =>
            {
                Some(false)
            }
            // "a still unspecified date", "the unnamed official": adjectives.
            _ if l.len() > 4
                && l.ends_with("ed")
                && w.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) =>
            {
                let adjective = l.starts_with("un")
                    || prev.is_some_and(|p| {
                        matches!(p, "a" | "an" | "the" | "its" | "their" | "his" | "her" | "still")
                    });
                (!after_be && !adjective).then_some(false)
            }
            _ => None,
        }
    }
    let quoted = |w: &str| w.contains(['"', '“', '”', '`', '(', ')']) || w.contains("''");
    // Only the words the scans below can reach (12 back, 8 ahead, and a neighbour each).
    let mut before: Vec<&str> = sentence[..start].split_whitespace().rev().take(14).collect();
    before.reverse();
    let after: Vec<&str> = sentence[end..].split_whitespace().take(9).collect();
    // Back over the clause (a quotation mark ends it), nearest first.
    // "postponed until Tuesday", "a deadline until 9 a.m. Tuesday" (not a sentence's
    // opening "Until Thursday, they had …").
    if before.last() == Some(&"until") {
        return Some(true);
    }
    let mut near_before = None;
    for d in 0..before.len().min(12) {
        let k = before.len() - 1 - d;
        let w = before[k];
        // A quotation mark or a semicolon ends the clause.
        if quoted(w) || w.ends_with(';') {
            break;
        }
        if let Some(f) = signal(&before, k) {
            near_before = Some((d, f));
            break;
        }
    }
    // Forward a few words, within the clause; an expression that opens the sentence ("In
    // January, the company bought …") takes the tense of the main clause after its comma.
    let fronted = before.len() <= 3 && after.first().is_some_and(|w| w.starts_with(','));
    let mut near_after = None;
    for (d, w) in after.iter().take(if fronted { 8 } else { 4 }).enumerate() {
        if quoted(w) {
            break;
        }
        if let Some(f) = signal(&after, d) {
            near_after = Some((d, f));
            break;
        }
        if w.ends_with([',', ';', ':']) && !(fronted && d == 0) {
            break;
        }
    }
    match (near_before, near_after) {
        (Some((db, fb)), Some((da, fa))) => Some(if da < db { fa } else { fb }),
        (Some((_, f)), None) | (None, Some((_, f))) => Some(f),
        (None, None) => None,
    }
}
