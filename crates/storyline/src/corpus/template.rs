//! Template: lines that one outlet repeats across many different stories (footers,
//! slogans, standing notices) are page template, not news. Counted over duplicate
//! groups, not articles, so a syndicated story carried ten times is one story.

use std::collections::{HashMap, HashSet};

use crate::clean::line_key;

/// Settings for template detection.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TemplateConfig {
    /// A line is template once it appears in this many different stories of one outlet.
    pub min_stories: usize,
    /// Only lines of at most this many words can be template: long sentences that
    /// recur are background paragraphs, which are news.
    pub max_words: usize,
}

impl Default for TemplateConfig {
    fn default() -> Self {
        TemplateConfig {
            min_stories: 3,
            max_words: 20,
        }
    }
}

/// A paragraph as template detection sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineSig {
    pub key: u64,
    /// Short enough to be template.
    pub eligible: bool,
}

/// Signature of each paragraph of an article.
pub fn line_sigs<'a>(paragraphs: impl Iterator<Item = &'a str>, config: &TemplateConfig) -> Vec<LineSig> {
    paragraphs
        .map(|p| LineSig {
            key: line_key(p),
            eligible: p.split_whitespace().count() <= config.max_words,
        })
        .collect()
}

/// One article: its outlet, its duplicate group and its paragraphs.
pub struct Doc<'a> {
    pub outlet: Option<&'a str>,
    pub group: usize,
    pub lines: &'a [LineSig],
}

/// For each document, the indices of its paragraphs that are template.
pub fn find(docs: &[Doc<'_>], config: &TemplateConfig) -> Vec<Vec<usize>> {
    let mut stories: HashMap<(Option<&str>, u64), HashSet<usize>> = HashMap::new();
    for d in docs {
        for l in d.lines.iter().filter(|l| l.eligible) {
            stories.entry((d.outlet, l.key)).or_default().insert(d.group);
        }
    }
    docs.iter()
        .map(|d| {
            d.lines
                .iter()
                .enumerate()
                .filter(|(_, l)| {
                    l.eligible
                        && stories
                            .get(&(d.outlet, l.key))
                            .is_some_and(|s| s.len() >= config.min_stories)
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_short_lines_across_stories_are_template() {
        let cfg = TemplateConfig::default();
        let stories = [
            [
                "Floods close schools.",
                "Follow the Daily Bugle on every platform",
                "Rain fell.",
            ],
            [
                "Bridge reopens.",
                "Follow the Daily Bugle on every platform",
                "Cars cross.",
            ],
            [
                "Mayor resigns.",
                "Follow the Daily Bugle on every platform",
                "Vote due.",
            ],
        ];
        let sigs: Vec<Vec<LineSig>> = stories
            .iter()
            .map(|s| line_sigs(s.iter().copied(), &cfg))
            .collect();
        let docs: Vec<Doc> = sigs
            .iter()
            .enumerate()
            .map(|(i, l)| Doc {
                outlet: Some("Bugle"),
                group: i,
                lines: l,
            })
            .collect();
        assert_eq!(find(&docs, &cfg), vec![vec![1], vec![1], vec![1]]);
        // The same three articles as copies of one story: nothing is template.
        let one: Vec<Doc> = sigs
            .iter()
            .map(|l| Doc {
                outlet: Some("Bugle"),
                group: 0,
                lines: l,
            })
            .collect();
        assert!(find(&one, &cfg).iter().all(Vec::is_empty));
    }
}
