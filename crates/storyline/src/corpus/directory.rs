//! The corpus-wide directory of entities: each article's entities merged across articles
//! and outlets, so that "Ash Carter", "Ashton Carter" and "US Defense Secretary Carter" in
//! three articles are one person.
//!
//! People merge by surname and compatible given names (equal, a short form — "Ash" and
//! "Ashton" — or an initial; "Donald Trump Jr." is not "Donald Trump"). A surname alone
//! ("Carter") joins the only person of that surname in the corpus, or the one whose roles
//! it shares ("Defense Secretary"), or the one the corpus names far more often than any
//! other of that surname; when several fit and none of these tells them apart it stays on
//! its own rather than being guessed. Organisations and places merge by name (without a
//! leading "the"), aliases by their canonical name ("U.S." and "United States").

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::entities::lexicon;
use crate::entities::{given_name, given_names_agree, surname_key, Entity, EntityKind};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlobalEntity {
    /// Stable id from the kind and canonical name, e.g. `person:ashton-carter`.
    pub id: String,
    pub kind: EntityKind,
    /// The fullest name, most often written.
    pub name: String,
    /// Other names seen for it.
    pub aliases: Vec<String>,
    /// Roles seen, most frequent first.
    pub roles: Vec<String>,
    /// Articles naming it.
    pub articles: usize,
    /// Quotes attributed to it (partial quotes not counted).
    pub quotes: usize,
}

/// Which global entity an article's local entity is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub article: String,
    pub local: String,
    pub entity: String,
}

/// What the merge needs of an article-local entity; equal signatures from many articles
/// are merged once (a corpus of copies holds few distinct ones).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    pub kind: EntityKind,
    pub name: String,
    pub roles: Vec<String>,
}

impl Signature {
    pub fn of(e: &Entity) -> Self {
        Signature {
            kind: e.kind,
            name: e.name.clone(),
            roles: e.roles.clone(),
        }
    }
}

/// Distinct signatures with their counts, gathered one entity at a time.
#[derive(Debug, Default)]
pub struct Tally {
    pub index: HashMap<Signature, usize>,
    pub weighted: Vec<Weighted>,
}

impl Tally {
    /// Counts one article's entity (with its quotes); returns the signature's index.
    pub fn add(&mut self, sig: Signature, quotes: usize) -> usize {
        let k = match self.index.get(&sig) {
            Some(&k) => k,
            None => {
                self.weighted.push(Weighted {
                    sig: sig.clone(),
                    articles: 0,
                    quotes: 0,
                });
                self.index.insert(sig, self.weighted.len() - 1);
                self.weighted.len() - 1
            }
        };
        self.weighted[k].articles += 1;
        self.weighted[k].quotes += quotes;
        k
    }
}

/// A distinct signature with how often it was seen and how many quotes it has.
#[derive(Debug, Clone)]
pub struct Weighted {
    pub sig: Signature,
    /// Articles it appears in.
    pub articles: usize,
    pub quotes: usize,
}

/// The fullest name first, then the most often written, then alphabetical.
pub fn sort_names(names: &mut [(String, usize)]) {
    names.sort_by(|a, b| {
        b.0.split_whitespace()
            .count()
            .cmp(&a.0.split_whitespace().count())
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
}

/// The most often seen role first, then alphabetical.
pub fn sort_roles(roles: &mut [(String, usize)]) {
    roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// The id an entity of this kind and name is given when it is first seen
/// (`person:ashton-carter`); the directory adds `-2`, `-3` when it is taken.
pub fn base_id(kind: EntityKind, name: &str) -> String {
    let prefix = match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "org",
        EntityKind::Place => "place",
        EntityKind::Unknown => "name",
    };
    format!("{prefix}:{}", slug(name))
}

/// Whether a signature merges by surname (a person, or a lone unknown word that may be
/// a surname) rather than by name.
pub fn person_like(e: &Signature) -> bool {
    e.kind == EntityKind::Person || e.kind == EntityKind::Unknown && e.name.split_whitespace().count() == 1
}

/// The key organisations, places and unknown names merge by: the canonical form of an
/// alias or a known outlet ("U.S." and "America" are "united states"), else the name; in
/// lower case, without a leading "the".
pub fn name_key(name: &str) -> String {
    crate::entities::name_key(name)
}

/// What the person merge sees of an existing person with the same surname.
pub struct PersonView<'a> {
    /// Given names as [`given_name`] writes them.
    pub first_names: &'a [String],
    /// Roles seen, with counts.
    pub roles: &'a HashMap<String, usize>,
    /// Articles naming the person so far.
    pub articles: usize,
}

/// A surname alone joins the person of that surname that the corpus names at least this
/// many times as often as the next one ("Clinton" is Hillary Clinton in a corpus of her
/// campaign, where Bill Clinton is named a fifth as often).
const DOMINANCE: usize = 2;

/// Which of the people sharing a signature's surname it is, if any: a full name joins
/// the one with a compatible first name (or the only one, when that one has no first
/// name yet); a surname alone joins the only one, or the one whose roles it shares;
/// when several fit and no role tells them apart it joins none rather than guess.
pub fn person_target(e: &Signature, candidates: &[PersonView<'_>]) -> Option<usize> {
    let words: Vec<&str> = e.name.split_whitespace().collect();
    if words.len() >= 2 {
        let given = given_name(&e.name);
        let by_first = candidates
            .iter()
            .position(|c| c.first_names.iter().any(|f| given_names_agree(f, &given)));
        return by_first
            .or_else(|| (candidates.len() == 1 && candidates[0].first_names.is_empty()).then_some(0));
    }
    if candidates.len() == 1 {
        return Some(0);
    }
    let fits: Vec<usize> = (0..candidates.len())
        .filter(|&c| roles_agree(candidates[c].roles, &e.roles))
        .collect();
    if fits.len() == 1 {
        return Some(fits[0]);
    }
    dominant(candidates)
}

/// The candidate named at least [`DOMINANCE`] times as often as every other, if any.
fn dominant(candidates: &[PersonView<'_>]) -> Option<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(candidates[c].articles));
    let (top, next) = (order.first()?, order.get(1)?);
    let (a, b) = (candidates[*top].articles, candidates[*next].articles);
    (a > 0 && a >= DOMINANCE * b.max(1)).then_some(*top)
}

#[derive(Default)]
struct Cluster {
    kind: Option<EntityKind>,
    names: HashMap<String, usize>,
    roles: HashMap<String, usize>,
    first_names: Vec<String>,
    members: Vec<usize>,
    articles: usize,
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn role_words(role: &str) -> Vec<String> {
    role.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.len() > 2
                && !matches!(
                    w.to_lowercase().as_str(),
                    "the" | "and" | "for" | "former" | "outgoing"
                )
        })
        .map(str::to_lowercase)
        .collect()
}

fn roles_agree(a: &HashMap<String, usize>, roles: &[String]) -> bool {
    let mine: Vec<String> = roles.iter().flat_map(|r| role_words(r)).collect();
    let heads: Vec<&String> = mine.iter().filter(|w| lexicon::is_role_word(w)).collect();
    !heads.is_empty()
        && a.keys()
            .flat_map(|r| role_words(r))
            .filter(|w| heads.contains(&w))
            .count()
            >= heads.len().min(2)
}

/// Merges the entities of many articles. `articles` yields each article's id, entities
/// and, for each of its quotes (partial ones left out), the local id of the speaker entity.
/// (Everything in memory: the store uses [`merge_signatures`] in two streaming passes.)
pub fn merge<'a>(
    articles: impl IntoIterator<Item = (&'a str, &'a [Entity], &'a [String])>,
) -> (Vec<GlobalEntity>, Vec<Membership>) {
    let mut tally = Tally::default();
    let mut seen: Vec<(&str, &str, usize)> = Vec::new();
    for (article, entities, speakers) in articles {
        for e in entities {
            let quotes = speakers.iter().filter(|s| **s == e.id).count();
            let k = tally.add(Signature::of(e), quotes);
            seen.push((article, e.id.as_str(), k));
        }
    }
    let weighted = tally.weighted;
    let (mut out, ids) = merge_signatures(&weighted);
    let members: Vec<Membership> = seen
        .iter()
        .map(|&(article, local, k)| Membership {
            article: article.to_string(),
            local: local.to_string(),
            entity: ids[k].clone(),
        })
        .collect();
    // Articles per entity, counted exactly.
    let mut per: HashMap<&str, std::collections::HashSet<&str>> = HashMap::new();
    for m in &members {
        per.entry(m.entity.as_str())
            .or_default()
            .insert(m.article.as_str());
    }
    for g in &mut out {
        g.articles = per.get(g.id.as_str()).map_or(0, |s| s.len());
    }
    (out, members)
}

/// Merges distinct signatures into corpus-wide entities. Returns the entities (with
/// `articles` summed over their signatures — the caller may count exactly) and, for each
/// input signature, the id of its entity.
pub fn merge_signatures(items: &[Weighted]) -> (Vec<GlobalEntity>, Vec<String>) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<(EntityKind, String), usize> = HashMap::new();
    let add = |c: &mut Cluster, i: usize, it: &Weighted| {
        *c.names.entry(it.sig.name.clone()).or_default() += it.articles;
        for r in &it.sig.roles {
            *c.roles.entry(r.clone()).or_default() += it.articles;
        }
        c.members.push(i);
        c.articles += it.articles;
        if c.kind.is_none() || c.kind == Some(EntityKind::Unknown) {
            c.kind = Some(it.sig.kind);
        }
    };
    // People with a first name first, longest names first, so that surnames alone meet
    // every candidate.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| {
        let e = &items[i].sig;
        (
            e.kind != EntityKind::Person,
            std::cmp::Reverse(e.name.split_whitespace().count()),
            i,
        )
    });
    for i in order {
        let e = &items[i].sig;
        let words: Vec<&str> = e.name.split_whitespace().collect();
        if person_like(e) {
            let key = surname_key(&e.name);
            let candidates = by_surname.get(&key).cloned().unwrap_or_default();
            let views: Vec<PersonView> = candidates
                .iter()
                .map(|&c| PersonView {
                    first_names: &clusters[c].first_names,
                    roles: &clusters[c].roles,
                    articles: clusters[c].articles,
                })
                .collect();
            if let Some(k) = person_target(e, &views) {
                let c = candidates[k];
                if words.len() >= 2 && clusters[c].first_names.is_empty() {
                    clusters[c].first_names.push(given_name(&e.name));
                }
                add(&mut clusters[c], i, &items[i]);
                continue;
            }
            if e.kind == EntityKind::Person {
                let mut c = Cluster::default();
                if words.len() >= 2 {
                    c.first_names.push(given_name(&e.name));
                }
                add(&mut c, i, &items[i]);
                clusters.push(c);
                by_surname.entry(key).or_default().push(clusters.len() - 1);
                continue;
            }
        }
        let key = name_key(&e.name);
        let kind_key = e.kind;
        match by_name.get(&(kind_key, key.clone())) {
            Some(&c) => add(&mut clusters[c], i, &items[i]),
            None => {
                let mut c = Cluster::default();
                add(&mut c, i, &items[i]);
                clusters.push(c);
                by_name.insert((kind_key, key), clusters.len() - 1);
            }
        }
    }
    let mut out = Vec::with_capacity(clusters.len());
    let mut ids = vec![String::new(); items.len()];
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for c in clusters {
        let kind = c.kind.unwrap_or(EntityKind::Unknown);
        let mut names: Vec<(String, usize)> = c.names.into_iter().collect();
        sort_names(&mut names);
        let name = names[0].0.clone();
        let mut roles: Vec<(String, usize)> = c.roles.into_iter().collect();
        sort_roles(&mut roles);
        let mut id = base_id(kind, &name);
        let n = used_ids.entry(id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            id = format!("{id}-{n}");
        }
        for &i in &c.members {
            ids[i] = id.clone();
        }
        out.push(GlobalEntity {
            id,
            kind,
            name,
            aliases: names.into_iter().skip(1).map(|n| n.0).collect(),
            roles: roles.into_iter().map(|r| r.0).collect(),
            articles: c.members.iter().map(|&i| items[i].articles).sum(),
            quotes: c.members.iter().map(|&i| items[i].quotes).sum(),
        });
    }
    out.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then(b.articles.cmp(&a.articles))
            .then(a.id.cmp(&b.id))
    });
    (out, ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str, roles: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityKind::Person,
            name: name.into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            mentions: Vec::new(),
            male: None,
        }
    }

    #[test]
    fn name_variants_merge_across_articles() {
        let a = [person("e1", "Ash Carter", &["Secretary of Defense"])];
        let b = [person("e1", "Ashton Carter", &["US Defense Secretary"])];
        let c = [person("e1", "Carter", &["US Defense Secretary"])];
        let d = [person("e1", "Jimmy Carter", &["former President"])];
        let d2 = [person("e1", "James Carter", &[])];
        let e = [person("e1", "Carter", &[])];
        let (ents, members) = merge([
            ("a", &a[..], &[][..]),
            ("b", &b[..], &[][..]),
            ("c", &c[..], &[][..]),
            ("d", &d[..], &[][..]),
            ("d2", &d2[..], &[][..]),
            ("e", &e[..], &[][..]),
        ]);
        let of = |art: &str| members.iter().find(|m| m.article == art).unwrap().entity.clone();
        assert_eq!(of("a"), of("b"));
        assert_eq!(of("a"), of("c"), "the role tells which Carter");
        assert_ne!(of("a"), of("d"));
        assert_eq!(of("d"), of("d2"), "James is Jimmy");
        // Two Carters named about as often (three articles and two) and no role: not guessed.
        assert_ne!(of("e"), of("a"));
        assert_ne!(of("e"), of("d"));
        let ash = ents.iter().find(|g| g.id == of("a")).unwrap();
        assert_eq!(ash.articles, 3);
        assert!(ash.name == "Ashton Carter" || ash.name == "Ash Carter");
    }

    #[test]
    fn a_surname_alone_joins_the_person_named_most() {
        let full = [person("e1", "Marta Lindqvist", &["mayor"])];
        let other = [person("e1", "Karl Lindqvist", &[])];
        let bare = [person("e1", "Lindqvist", &[])];
        let son = [person("e1", "Karl Lindqvist Jr.", &[])];
        let (_, members) = merge([
            ("a1", &full[..], &[][..]),
            ("a2", &full[..], &[][..]),
            ("a3", &full[..], &[][..]),
            ("b", &other[..], &[][..]),
            ("c", &bare[..], &[][..]),
            ("d", &son[..], &[][..]),
        ]);
        let of = |art: &str| members.iter().find(|m| m.article == art).unwrap().entity.clone();
        assert_eq!(of("c"), of("a1"), "three articles against one");
        assert_ne!(of("d"), of("b"), "a son is not his father");
    }

    #[test]
    fn aliases_merge_across_articles() {
        let place = |name: &str| Entity {
            id: "e1".into(),
            kind: EntityKind::Place,
            name: name.into(),
            roles: Vec::new(),
            mentions: Vec::new(),
            male: None,
        };
        let a = [place("US")];
        let b = [place("United States")];
        let c = [place("America")];
        let d = [place("U.K.")];
        let (ents, members) = merge([
            ("a", &a[..], &[][..]),
            ("b", &b[..], &[][..]),
            ("c", &c[..], &[][..]),
            ("d", &d[..], &[][..]),
        ]);
        let of = |art: &str| members.iter().find(|m| m.article == art).unwrap().entity.clone();
        assert_eq!(of("a"), of("b"));
        assert_eq!(of("a"), of("c"));
        assert_ne!(of("a"), of("d"));
        assert_eq!(ents.len(), 2);
    }
}
