//! Quote selection and omissions: whom each outlet quotes and names, against the others.
//!
//! People and organisations are matched across articles by a key: the surname for people
//! ([`surname_key`]), the normalised name otherwise ([`name_key`]); a quote whose speaker is
//! not resolved to an entity is keyed by its speaker's words ("officials"), a pronoun with
//! no entity not at all.

use std::collections::BTreeMap;

use super::{words, Omissions, Omitted, OutletCount, Part, QuoteSelection, SpeakerCount, Story, TextRef};
use crate::claims::Trend;
use crate::entities::{name_key, surname_key, Entity, EntityKind};
use crate::quotes::QuoteKind;
use crate::span::Span;
use crate::Article;

/// The cross-article key of an entity.
fn entity_key(e: &Entity) -> String {
    match e.kind {
        EntityKind::Person => format!("person:{}", surname_key(&e.name)),
        _ => format!("name:{}", name_key(&e.name)),
    }
}

/// What each outlet says about one key: per outlet, the count and the first example.
#[derive(Default)]
struct Seen {
    name: String,
    by: BTreeMap<usize, (usize, TextRef)>,
}

impl Seen {
    fn add(&mut self, outlet: usize, name: &str, at: TextRef) {
        // The fullest name seen stands for the key.
        if name.len() > self.name.len() {
            self.name = name.to_string();
        }
        self.by.entry(outlet).or_insert((0, at)).0 += 1;
    }
}

fn body_ref(a: &Article, span: Span) -> TextRef {
    TextRef {
        article: a.id.clone(),
        part: Part::Body,
        span,
    }
}

/// Speakers of the story's quotes, by key.
fn speakers(story: &Story) -> BTreeMap<String, Seen> {
    let mut out: BTreeMap<String, Seen> = BTreeMap::new();
    for (o, a) in story.with_outlets() {
        for q in &a.quotes {
            let entity = q
                .speaker_entity
                .as_deref()
                .and_then(|id| a.entities.iter().find(|e| e.id == id));
            let at = body_ref(a, q.speaker.unwrap_or(q.span));
            let (key, name) = match (entity, q.speaker_name.as_deref()) {
                (Some(e), _) => (entity_key(e), e.name.clone()),
                (None, Some(n)) => {
                    if let Some(members) = joint_speakers(a, n) {
                        for (key, name) in members {
                            out.entry(key).or_default().add(o, &name, at.clone());
                        }
                        continue;
                    }
                    let l = words::lower(n.trim());
                    let l = l.strip_prefix("the ").unwrap_or(&l).to_string();
                    if l.split_whitespace().all(words::is_function_word) {
                        continue;
                    }
                    (format!("speaker:{l}"), n.to_string())
                }
                (None, None) => continue,
            };
            out.entry(key).or_default().add(o, &name, at);
        }
    }
    out
}

/// Rule `joint_speakers`: a speaker written as a coordination of names ("Earnest and
/// Kirby", "the United States, Britain and France") is a joint statement, quoted for each
/// member, so that quote selection counts Kirby once whether an outlet quotes him alone or
/// with another, and one outlet's "US, Britain and France" meets another's "the United
/// States, Britain and France". Only when every member is a name the article knows (an
/// entity of it, a person by surname, or a known alias); otherwise the phrase stays one
/// speaker ("Health and Human Services").
fn joint_speakers(a: &Article, speaker: &str) -> Option<Vec<(String, String)>> {
    let members: Vec<&str> = speaker
        .split(", ")
        .flat_map(|p| p.split(" and "))
        .map(|m| m.trim().trim_start_matches("and ").trim())
        .map(|m| {
            m.strip_prefix("the ")
                .or_else(|| m.strip_prefix("The "))
                .unwrap_or(m)
        })
        .filter(|m| !m.is_empty())
        .collect();
    // A whole name with "and" in it ("Trinidad and Tobago") is one speaker.
    let whole = name_key(speaker);
    if members.len() < 2 || a.entities.iter().any(|e| name_key(&e.name) == whole) {
        return None;
    }
    let mut out: Vec<(String, String)> = Vec::with_capacity(members.len());
    for m in members {
        // By surname only a name in capitals ("Korrin"), not "a spokesman for Korrin".
        let capitalised = m.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        let person = a
            .entities
            .iter()
            .find(|e| capitalised && e.kind == EntityKind::Person && surname_key(&e.name) == surname_key(m));
        let key = name_key(m);
        let found = match person.or_else(|| a.entities.iter().find(|e| name_key(&e.name) == key)) {
            Some(e) => (entity_key(e), e.name.clone()),
            None => {
                crate::entities::lexicon::alias(m)?;
                (format!("name:{key}"), m.to_string())
            }
        };
        // "Johnson and Johnson": one speaker counted once.
        if !out.iter().any(|(k, _)| *k == found.0) {
            out.push(found);
        }
    }
    Some(out)
}

/// People and organisations the story names, by key.
fn named(story: &Story) -> BTreeMap<String, Seen> {
    let mut out: BTreeMap<String, Seen> = BTreeMap::new();
    for (o, a) in story.with_outlets() {
        for e in &a.entities {
            if !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            let Some(m) = e.mentions.first() else { continue };
            let seen = out.entry(entity_key(e)).or_default();
            seen.add(o, &e.name, body_ref(a, m.span));
        }
    }
    out
}

/// Characters inside quotation marks (direct quotes, and quoted fragments of reported
/// speech), overlapping parts counted once.
fn quoted_chars(a: &Article) -> usize {
    let mut spans: Vec<Span> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct || q.partial)
        .flat_map(|q| q.parts.iter().copied())
        .collect();
    spans.sort();
    let mut total = 0;
    let mut reach = 0;
    for s in spans {
        let start = s.start.max(reach);
        if s.end > start {
            total += a.text.get(start..s.end).map_or(0, |t| t.chars().count());
            reach = s.end;
        }
    }
    total
}

/// Keys some outlets report and `outlet` does not, with at least `need` reporters.
fn left_out(story: &Story, seen: &BTreeMap<String, Seen>, outlet: usize, need: usize) -> Vec<Omitted> {
    let mut out: Vec<Omitted> = seen
        .iter()
        .filter(|(_, s)| !s.by.contains_key(&outlet) && s.by.len() >= need)
        .map(|(k, s)| {
            let (_, first) = s.by.iter().next().expect("a reporter");
            Omitted {
                key: k.clone(),
                name: s.name.clone(),
                reported_by: s.by.keys().map(|&o| story.outlets[o].clone()).collect(),
                example: first.1.clone(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.reported_by
            .len()
            .cmp(&a.reported_by.len())
            .then_with(|| a.key.cmp(&b.key))
    });
    out
}

/// How many other outlets must report something for one outlet's silence to be an
/// omission: at least two, or all the others when there are fewer (at least one).
fn reporters_needed(outlets: usize) -> usize {
    2.min(outlets.saturating_sub(1)).max(1)
}

/// Fills each outlet's `figures` omissions from a story's tracked measures: a measure
/// enough other outlets report ([`reporters_needed`]) and this one does not, with the first
/// claim as the example, named by its label. Rule `separate_counts_are_no_omission`: a
/// measure whose claims count different happenings ([`Trend::Separate`]: "hundreds died"
/// at sea, "dozens" in a strike) is not one figure an outlet could leave out.
pub(crate) fn figure_omissions(framing: &mut super::Framing, measures: &[crate::claims::TrackedMeasure]) {
    let need = reporters_needed(framing.outlets.len());
    for o in &mut framing.omissions {
        for m in measures.iter().filter(|m| {
            m.outlets.len() >= need && !m.outlets.contains(&o.outlet) && m.trend != Trend::Separate
        }) {
            let Some(c) = m.claims.first() else { continue };
            o.figures.push(super::OmittedFigure {
                measured: m.label(),
                reported_by: m.outlets.clone(),
                example: TextRef {
                    article: c.article.clone(),
                    part: Part::Body,
                    span: c.figure.span,
                },
            });
        }
    }
}

/// Quote selection and omissions of every outlet.
pub(crate) fn selection(story: &Story) -> (Vec<QuoteSelection>, Vec<Omissions>) {
    let speakers = speakers(story);
    let named = named(story);
    let n = story.outlets.len();
    let need = reporters_needed(n);
    let mut quotes = Vec::with_capacity(n);
    let mut omissions = Vec::with_capacity(n);
    for o in 0..n {
        let mut quoted = 0;
        let mut chars = 0;
        for (_, a) in story.with_outlets().filter(|(x, _)| *x == o) {
            quoted += quoted_chars(a);
            chars += a.text.chars().count();
        }
        let mut mine: Vec<SpeakerCount> = speakers
            .iter()
            .filter_map(|(k, s)| {
                let (count, at) = s.by.get(&o)?;
                Some(SpeakerCount {
                    key: k.clone(),
                    name: s.name.clone(),
                    quotes: *count,
                    example: at.clone(),
                })
            })
            .collect();
        mine.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.key.cmp(&b.key)));
        quotes.push(QuoteSelection {
            outlet: story.outlets[o].clone(),
            speakers: mine,
            left_out: left_out(story, &speakers, o, 1),
            quoted_chars: quoted,
            text_chars: chars,
            quote_share: if chars == 0 {
                0.0
            } else {
                quoted as f64 / chars as f64
            },
        });
        omissions.push(Omissions {
            outlet: story.outlets[o].clone(),
            entities: left_out(story, &named, o, need),
            speakers: left_out(story, &speakers, o, need),
            figures: Vec::new(),
        });
    }
    (quotes, omissions)
}

/// Outlet counts of a key set, most first (shared with the term choice).
pub(crate) fn counts_by_outlet(story: &Story, per: &BTreeMap<usize, usize>) -> Vec<OutletCount> {
    let mut v: Vec<OutletCount> = per
        .iter()
        .filter(|(_, &c)| c > 0)
        .map(|(&o, &c)| OutletCount {
            outlet: story.outlets[o].clone(),
            count: c,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.outlet.cmp(&b.outlet)));
    v
}

/// Keys of the entities an article names (for the coreference term choice).
pub(crate) fn keyed_entities(a: &Article) -> impl Iterator<Item = (String, &Entity)> {
    a.entities.iter().map(|e| (entity_key(e), e))
}
