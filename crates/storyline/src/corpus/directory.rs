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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Articles per kind its members were given (the kind is the majority's).
    kinds: HashMap<EntityKind, usize>,
    names: HashMap<String, usize>,
    roles: HashMap<String, usize>,
    first_names: Vec<String>,
    members: Vec<usize>,
    articles: usize,
    /// The name key it was made under, for clusters merged by name (not by surname).
    key: Option<String>,
}

impl Cluster {
    /// The kind most of its mentions' articles gave it, unknown only when none gave one
    /// (ties go to person, then organisation, then place).
    fn kind(&self) -> EntityKind {
        [EntityKind::Person, EntityKind::Organization, EntityKind::Place]
            .into_iter()
            .map(|k| (k, self.kinds.get(&k).copied().unwrap_or(0)))
            .filter(|&(_, n)| n > 0)
            .fold(None, |best: Option<(EntityKind, usize)>, (k, n)| match best {
                Some((_, b)) if b >= n => best,
                _ => Some((k, n)),
            })
            .map_or(EntityKind::Unknown, |(k, _)| k)
    }

    /// The kind the corpus gives it: the majority's; for a name that stayed of unknown kind
    /// and is one lone word everywhere, an organisation. News introduces a person by full
    /// name, title or role at least once; a lone capitalised word that no article gave a
    /// first name, a title, a role, a pronoun or a quote, that is no place of the gazetteer
    /// and no surname of a person the corpus knows (those join that person), is most often
    /// a company, a publication or a group ("Walgreens", "Mediaite").
    fn corpus_kind(&self) -> EntityKind {
        match self.kind() {
            EntityKind::Unknown if self.names.keys().all(|n| !n.contains(' ')) => EntityKind::Organization,
            k => k,
        }
    }

    /// Takes in another cluster's members.
    fn absorb(&mut self, other: Cluster) {
        for (k, n) in other.kinds {
            *self.kinds.entry(k).or_default() += n;
        }
        for (name, n) in other.names {
            *self.names.entry(name).or_default() += n;
        }
        for (r, n) in other.roles {
            *self.roles.entry(r).or_default() += n;
        }
        self.members.extend(other.members);
        self.articles += other.articles;
    }
}

/// Clusters merged by name that share a name key but were given different kinds in
/// different articles ("Vanguard" an organisation in one, of unknown kind in three) are
/// one entity, of the kind most articles gave it (a kind vote across the corpus).
fn merge_kind_variants(clusters: &mut Vec<Cluster>) {
    let mut first_of: HashMap<String, usize> = HashMap::new();
    let mut into: Vec<Option<usize>> = vec![None; clusters.len()];
    for (i, c) in clusters.iter().enumerate() {
        if let Some(key) = &c.key {
            match first_of.get(key) {
                Some(&f) => into[i] = Some(f),
                None => {
                    first_of.insert(key.clone(), i);
                }
            }
        }
    }
    for i in (0..clusters.len()).rev() {
        if let Some(f) = into[i] {
            let c = std::mem::take(&mut clusters[i]);
            clusters[f].absorb(c);
        }
    }
    clusters.retain(|c| !c.members.is_empty());
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
    // Heads only ("minister", "coach"): a portfolio or qualifier ("finance", "deputy") one
    // text writes and another leaves out does not tell two namesakes apart.
    let heads: Vec<&String> = mine.iter().filter(|w| lexicon::is_role_head(w)).collect();
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
        *c.kinds.entry(it.sig.kind).or_default() += it.articles;
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
        // A name of two or three words of unknown kind is the person the corpus knows by
        // that surname and a compatible first name, when there is one.
        if e.kind == EntityKind::Unknown && (2..=3).contains(&words.len()) {
            let given = given_name(&e.name);
            let known = by_surname.get(&surname_key(&e.name)).and_then(|cs| {
                cs.iter().copied().find(|&c| {
                    clusters[c]
                        .first_names
                        .iter()
                        .any(|f| given_names_agree(f, &given))
                })
            });
            if let Some(c) = known {
                add(&mut clusters[c], i, &items[i]);
                continue;
            }
        }
        let key = name_key(&e.name);
        let kind_key = e.kind;
        match by_name.get(&(kind_key, key.clone())) {
            Some(&c) => add(&mut clusters[c], i, &items[i]),
            None => {
                let mut c = Cluster {
                    key: Some(key.clone()),
                    ..Cluster::default()
                };
                add(&mut c, i, &items[i]);
                clusters.push(c);
                by_name.insert((kind_key, key), clusters.len() - 1);
            }
        }
    }
    merge_kind_variants(&mut clusters);
    let mut out = Vec::with_capacity(clusters.len());
    let mut ids = vec![String::new(); items.len()];
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    for c in clusters {
        let kind = c.corpus_kind();
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

    fn named(kind: EntityKind, name: &str) -> Entity {
        Entity {
            id: "e1".into(),
            kind,
            name: name.into(),
            roles: Vec::new(),
            mentions: Vec::new(),
            male: None,
        }
    }

    fn person(name: &str, roles: &[&str]) -> Entity {
        Entity {
            roles: roles.iter().map(|r| r.to_string()).collect(),
            ..named(EntityKind::Person, name)
        }
    }

    /// Merges articles of one entity each, with no speakers: the corpus-wide entities, and
    /// per article the corpus-wide id its entity joined.
    fn merge_one_each(arts: &[(&str, &Entity)]) -> (Vec<GlobalEntity>, HashMap<String, String>) {
        let (ents, members) = merge(arts.iter().map(|&(a, e)| (a, std::slice::from_ref(e), &[][..])));
        (ents, members.into_iter().map(|m| (m.article, m.entity)).collect())
    }

    #[test]
    fn name_variants_merge_across_articles() {
        let a = person("Ash Carter", &["Secretary of Defense"]);
        let b = person("Ashton Carter", &["US Defense Secretary"]);
        let c = person("Carter", &["US Defense Secretary"]);
        let d = person("Jimmy Carter", &["former President"]);
        let d2 = person("James Carter", &[]);
        let e = person("Carter", &[]);
        let (ents, of) =
            merge_one_each(&[("a", &a), ("b", &b), ("c", &c), ("d", &d), ("d2", &d2), ("e", &e)]);
        assert_eq!(of["a"], of["b"]);
        assert_eq!(of["a"], of["c"], "the role tells which Carter");
        assert_ne!(of["a"], of["d"]);
        assert_eq!(of["d"], of["d2"], "James is Jimmy");
        // Two Carters named about as often (three articles and two) and no role: not guessed.
        assert_ne!(of["e"], of["a"]);
        assert_ne!(of["e"], of["d"]);
        let ash = ents.iter().find(|g| g.id == of["a"]).unwrap();
        assert_eq!(ash.articles, 3);
        assert!(ash.name == "Ashton Carter" || ash.name == "Ash Carter");
    }

    #[test]
    fn a_surname_alone_joins_the_person_named_most() {
        let full = person("Marta Lindqvist", &["mayor"]);
        let other = person("Karl Lindqvist", &[]);
        let bare = person("Lindqvist", &[]);
        let son = person("Karl Lindqvist Jr.", &[]);
        let (_, of) = merge_one_each(&[
            ("a1", &full),
            ("a2", &full),
            ("a3", &full),
            ("b", &other),
            ("c", &bare),
            ("d", &son),
        ]);
        assert_eq!(of["c"], of["a1"], "three articles against one");
        assert_ne!(of["d"], of["b"], "a son is not his father");
    }

    #[test]
    fn aliases_merge_across_articles() {
        let place = |name: &str| named(EntityKind::Place, name);
        let a = place("US");
        let b = place("United States");
        let c = place("America");
        let d = place("U.K.");
        let (ents, of) = merge_one_each(&[("a", &a), ("b", &b), ("c", &c), ("d", &d)]);
        assert_eq!(of["a"], of["b"]);
        assert_eq!(of["a"], of["c"]);
        assert_ne!(of["a"], of["d"]);
        assert_eq!(ents.len(), 2);
    }

    #[test]
    fn a_lone_word_no_article_types_is_an_organisation() {
        let lone = named(EntityKind::Unknown, "Quillory");
        let pair = named(EntityKind::Unknown, "Vestry Ostrander");
        let surname = named(EntityKind::Unknown, "Petrossi");
        let full = person("Orvan Petrossi", &[]);
        let (ents, of) = merge_one_each(&[("a", &lone), ("b", &pair), ("c", &surname), ("d", &full)]);
        let kind = |art: &str| {
            let id = &of[art];
            ents.iter().find(|g| &g.id == id).unwrap().kind
        };
        assert_eq!(kind("a"), EntityKind::Organization);
        // Two words may be a person's name: left unknown.
        assert_eq!(kind("b"), EntityKind::Unknown);
        // A surname the corpus knows is that person.
        assert_eq!(kind("c"), EntityKind::Person);
    }

    #[test]
    fn a_name_takes_the_kind_most_articles_gave_it() {
        let org = named(EntityKind::Organization, "Quillory");
        let unknown = named(EntityKind::Unknown, "Quillory");
        let place = named(EntityKind::Place, "Quillory");
        let (ents, of) = merge_one_each(&[
            ("a", &org),
            ("b", &org),
            ("c", &unknown),
            ("d", &unknown),
            ("e", &unknown),
            ("f", &place),
        ]);
        let ids: std::collections::HashSet<&String> = of.values().collect();
        assert_eq!(ids.len(), 1, "{ents:?}");
        assert_eq!(ents[0].kind, EntityKind::Organization, "two articles against one");
        assert_eq!(ents[0].articles, 6);
    }

    #[test]
    fn a_full_name_of_unknown_kind_joins_the_person_of_that_name() {
        let known = person("Orvan Petrossi", &["mayor"]);
        let unknown = named(EntityKind::Unknown, "Orvan Petrossi");
        let other = named(EntityKind::Unknown, "Lena Petrossi");
        let (ents, of) = merge_one_each(&[("a", &known), ("b", &unknown), ("c", &other)]);
        assert_eq!(of["a"], of["b"]);
        assert_ne!(of["a"], of["c"], "another first name is another person");
        let orvan = ents.iter().find(|g| g.id == of["a"]).unwrap();
        assert_eq!(orvan.kind, EntityKind::Person);
    }
}
