//! Who said what: direct quotes, partial quotes and reported speech, each attributed to a
//! speaker mention and, where it can be resolved, an entity.
//!
//! The finder works sentence by sentence over the article's tokens:
//! 1. **Quote marks** are paired within each paragraph (curly or straight, mixed too); an
//!    unclosed quote ends with its paragraph.
//! 2. **Attribution frames**: a speech cue ("said", "told", "according to", "warned" …)
//!    outside quote marks, with its source noun phrase before it ("the spokesman said"),
//!    after it ("…,” said Sam Okafor") or as the subject of the main clause (", saying …"),
//!    and its content: the clause after the cue ("said (that) …") or the part of the sentence
//!    before the source ("“…,” he said"), joined with a quote that resumes after the
//!    attribution ("“A,” he said, “B.”").
//! 3. **Quotes without a cue** in their sentence continue the previous speaker when they fill
//!    their sentence or paragraph (news convention); short quoted phrases with no speaker are
//!    scare quotes and are dropped; longer ones are kept with the speaker unknown.
//! 4. **Speakers** resolve to entities: names by the entity table, pronouns to the nearest
//!    compatible person who is the subject or speaker of the previous sentences (not
//!    whoever was named last), role nouns to the entity that carried the role.

mod frames;
mod sources;
mod words;

pub(crate) use words::{is_aux, is_determiner, is_distinct_past};

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::entities::lexicon::{self, Pronoun};
use crate::entities::{self, Entities, EntityKind, MentionKind, NameChunk};
use crate::span::Span;
use crate::text::tokens::{self, Kind, Token};
use frames::frames_in;
use sources::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The content is in quotation marks.
    Direct,
    /// Reported (indirect) speech; may hold partial quotes.
    Reported,
}

/// What kind of cue introduced a quote, after the attribution guidelines (PARC, PolNeAR):
/// a statement is said, a position is held, or a source is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueKind {
    /// Saying or writing: "said", "told", "announced", "argued", "tweeted", a transcript
    /// label ("MAYOR:"), a signature dash ("“…” — Name").
    Speech,
    /// Thinking, believing, wanting, feeling or taking a position: "believes", "wants",
    /// "hopes", "fears", "expects", "endorsed", "opposes".
    Stance,
    /// A phrase that names where the content comes from: "according to", or a record
    /// that shows it ("the poll showed").
    Source,
    /// A deed rather than words or a view ("seized", "voted", "signed"). The quoted words
    /// in its clause are somebody's, but the verb does not attribute them: the finder
    /// makes no quote from such a cue (the kind is kept so that older records still read).
    Action,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    /// From the start of the first part to the end of the last.
    pub span: Span,
    /// The content pieces (a direct quote split by its attribution has two).
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    /// A quoted fragment inside reported speech ("accused Russia of supporting “incredible
    /// brutality”"); it has the reported statement's speaker.
    pub partial: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// What kind of cue `cue` is; absent when there is no cue (a quotation that continues
    /// an earlier speaker, or one whose speaker is unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_kind: Option<CueKind>,
    /// The speaker as written at this quote (a name, pronoun or noun phrase); for a quote
    /// that continues an earlier speaker, that speaker's mention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Span>,
    /// The entity the speaker resolves to (an id in the record's `entities`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_entity: Option<String>,
    /// The speaker's name: the entity's name, else the mention's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The rule that produced the quote: the attribution frame, or how a quotation with no
    /// frame of its own was read (it continues an earlier speaker, or nobody is known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<QuoteRule>,
}

/// Which rule produced a quote: one of the attribution frames (see [`rules`] for why each
/// exists), or how a quotation without a frame was read. Written in records in snake case
/// (`source_then_clause`), as the time rules are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteRule {
    /// "MAYOR: …": a transcript label.
    TranscriptLabel,
    /// "“…” — Jo Roe": a signed quotation.
    SignedQuotation,
    /// "Jo Roe: ‘We Stay Open.’": a headline naming its speaker before a quotation.
    HeadlineLabel,
    /// "Mira Solberg: Ferry Will Run All Winter" as an article's headline.
    HeadlineClaim,
    /// "according to X".
    AccordingTo,
    /// "The union endorsed Ines Lund": an endorsement of a named candidate or body.
    EndorsedName,
    /// "Asked whether the pier would reopen, …", "… when asked about the fares": the
    /// question put to the sentence's speaker, by an asker the text does not name.
    AskedQuestion,
    /// "In a harbour poll released Monday, the mayor led by nine points": a poll or
    /// study opening the sentence is the source of the clause after it.
    InRecord,
    /// ", saying …".
    Participle,
    /// "After saying …, she …": a participle opening the sentence after a subordinator;
    /// the main clause's subject speaks.
    FrontedParticiple,
    /// "The latest harbour poll showed the mayor ahead": a record or measurement as the
    /// subject of an evidence verb, with what it shows.
    RecordSpeaks,
    /// "Officials believe the talks have stalled": a verb of stance with a clause and no
    /// "that".
    BareClause,
    /// "X said (that) …".
    SourceThenClause,
    /// "“…,” he said.".
    ContentThenSource,
    /// "“A,” Jo Roe, the mayor, said in a letter …".
    SplitQuotation,
    /// "She called the plan “a costly mistake”", ", calling it “absurd”": a speech verb
    /// that needs a clause to attribute on its own, with a quotation in what follows it.
    WeakCueQuotation,
    /// "The council opposes the new pier": a verb of stance with a speaking subject and an
    /// object.
    ObjectOfStance,
    /// "The union walked out, citing the pension cuts": a verb of speech whose object is
    /// what it attributes.
    CitedObject,
    /// "…,” said X.".
    Inverted,
    /// "Ines Lund Says Ferry Will Run All Winter": a title-case headline with a
    /// capitalised speech verb after its source.
    HeadlineVerb,
    /// "Dr. Lund stated:" before a quotation paragraph.
    IntroducesNextParagraph,
    /// "“…,” Hale barked.".
    QuotationThenSpeaker,
    /// "Said Jo Roe, “…”".
    VerbFirst,
    /// "She called it a “mistake”": the subject's main verb.
    SubjectVerb,
    /// A quotation with no cue of its own that continues the previous speaker.
    Continued,
    /// A quotation long enough to be somebody's words whose speaker is not known.
    Unattributed,
}

impl QuoteRule {
    /// The rule's name as records write it.
    pub fn name(self) -> &'static str {
        match self {
            QuoteRule::TranscriptLabel => "transcript_label",
            QuoteRule::SignedQuotation => "signed_quotation",
            QuoteRule::HeadlineLabel => "headline_label",
            QuoteRule::HeadlineClaim => "headline_claim",
            QuoteRule::HeadlineVerb => "headline_verb",
            QuoteRule::AccordingTo => "according_to",
            QuoteRule::EndorsedName => "endorsed_name",
            QuoteRule::AskedQuestion => "asked_question",
            QuoteRule::InRecord => "in_record",
            QuoteRule::Participle => "participle",
            QuoteRule::FrontedParticiple => "fronted_participle",
            QuoteRule::RecordSpeaks => "record_speaks",
            QuoteRule::BareClause => "bare_clause",
            QuoteRule::SourceThenClause => "source_then_clause",
            QuoteRule::ContentThenSource => "content_then_source",
            QuoteRule::SplitQuotation => "split_quotation",
            QuoteRule::WeakCueQuotation => "weak_cue_quotation",
            QuoteRule::ObjectOfStance => "object_of_stance",
            QuoteRule::CitedObject => "cited_object",
            QuoteRule::Inverted => "inverted",
            QuoteRule::IntroducesNextParagraph => "introduces_next_paragraph",
            QuoteRule::QuotationThenSpeaker => "quotation_then_speaker",
            QuoteRule::VerbFirst => "verb_first",
            QuoteRule::SubjectVerb => "subject_verb",
            QuoteRule::Continued => "continued",
            QuoteRule::Unattributed => "unattributed",
        }
    }
}

/// Two quotes are equal when they say the same, whichever rule found them: the rule is a
/// diagnostic that records read back from the store do not carry.
impl PartialEq for Quote {
    fn eq(&self, o: &Self) -> bool {
        self.said() == o.said()
    }
}

impl Quote {
    /// The quoted or reported words: the parts of `text` (the article's), joined with
    /// " … " where the quotation is split.
    pub fn content(&self, text: &str) -> String {
        let parts: Vec<&str> = self.parts.iter().filter_map(|p| p.slice(text)).collect();
        parts.join(" … ")
    }

    /// Every field but the rule (named one by one, so that a new field is not forgotten).
    fn said(&self) -> impl PartialEq + '_ {
        let Quote {
            span,
            parts,
            kind,
            partial,
            cue,
            cue_kind,
            speaker,
            speaker_entity,
            speaker_name,
            role,
            rule: _,
        } = self;
        (
            span,
            parts,
            kind,
            partial,
            cue,
            cue_kind,
            speaker,
            speaker_entity,
            speaker_name,
            role,
        )
    }
}

/// The rules of the quote finder, in the order they are tried within their stage: the
/// stage ("sentence", "phrase", "cue", "fallback" for frames; "source" for the speaker
/// before a cue), the rule's name and why it exists.
pub fn rules() -> Vec<(&'static str, &'static str, &'static str)> {
    let frames = frames::FRAMES
        .iter()
        .map(|r| (r.find.stage(), r.rule.name(), r.reason));
    let sources = sources::SOURCES_BEFORE
        .iter()
        .map(|r| ("source", r.name, r.reason));
    frames.chain(sources).collect()
}

/// Entities and quotes of an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub entities: Vec<entities::Entity>,
    pub quotes: Vec<Quote>,
}

struct Sentence {
    /// The first sentence of its paragraph.
    first_in_para: bool,
    para: usize,
    toks: Vec<Token>,
    names: Vec<NameChunk>,
    /// Entity index of each name chunk.
    name_entities: Vec<usize>,
    /// Token index ranges (inclusive) inside quote marks, marks included.
    inside: Vec<(usize, usize)>,
}

impl Sentence {
    /// Whether token `i` is inside quote marks. The ranges are in text order and disjoint
    /// (quotations do not overlap), so a binary search finds the one that could hold it.
    fn in_quote(&self, i: usize) -> bool {
        let k = self.inside.partition_point(|&(_, b)| b < i);
        self.inside.get(k).is_some_and(|&(a, _)| a <= i)
    }

    /// Whether any token from `i` on is inside quote marks (the last range ends there or
    /// later).
    fn quoted_from(&self, i: usize) -> bool {
        self.inside.last().is_some_and(|&(_, b)| b >= i)
    }

    /// The quoted range that opens at token `a`.
    fn quote_opening_at(&self, a: usize) -> Option<(usize, usize)> {
        let k = self.inside.partition_point(|&(x, _)| x < a);
        self.inside.get(k).copied().filter(|r| r.0 == a)
    }

    /// The quoted range that closes at token `b`.
    fn quote_closing_at(&self, b: usize) -> Option<(usize, usize)> {
        let k = self.inside.partition_point(|&(_, y)| y < b);
        self.inside.get(k).copied().filter(|r| r.1 == b)
    }
    /// Whether the sentence's first token starts at byte `at` and the sentence opens its
    /// paragraph.
    fn span_start_is(&self, at: usize) -> bool {
        self.first_in_para && self.toks.first().is_some_and(|t| t.span.start == at)
    }

    /// The token's text; empty past the end, so look-arounds need no bounds checks.
    fn word<'a>(&self, text: &'a str, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(text))
    }
}

/// A run-on "sentence" longer than this many tokens is read in windows cut at punctuation.
/// The clause rules look around within a sentence, so a sentence of n tokens costs up to
/// n² steps; news sentences stay far below (PolNeAR's longest of about 36,000 has 198
/// tokens), and a page with no full stop (a list, a run of quotations) stays linear.
const MAX_WINDOW_TOKENS: usize = 256;

/// Cuts a sentence's tokens into windows of at most `max` tokens, each ending at the last
/// punctuation mark of its second half when there is one (a cut there cannot split a name).
fn windows(toks: Vec<Token>, max: usize) -> Vec<Vec<Token>> {
    if toks.len() <= max {
        return vec![toks];
    }
    let mut out = Vec::new();
    let mut rest = toks.as_slice();
    while rest.len() > max {
        let cut = (max / 2..max)
            .rev()
            .find(|&k| matches!(rest[k].kind, Kind::Punct))
            .map_or(max, |k| k + 1);
        out.push(rest[..cut].to_vec());
        rest = &rest[cut..];
    }
    out.push(rest.to_vec());
    out
}

/// Finds entities and quotes in `text`, given its paragraph and sentence spans.
pub fn analyze(text: &str, paragraphs: &[Span], sentences: &[Span]) -> Attribution {
    let mut ents = Entities::default();
    let mut sents = read_sentences(text, paragraphs, sentences, &mut ents);
    let segs = mark_quotes(text, &mut sents);
    let mut found = frames_of_article(text, &sents, &segs, &mut ents);
    let loose = continue_quotations(text, &sents, &segs, &mut found);
    let mut quotes = Vec::new();
    let words = WordIndex::new(text);
    for f in found.iter().filter(|f| !f.parts.is_empty()) {
        quotes.extend(quotes_of_frame(text, &ents, &segs, &words, f));
    }
    for (parts, k) in loose {
        let who = k.map_or_else(
            || Attributed {
                rule: Some(QuoteRule::Unattributed),
                ..Attributed::default()
            },
            |k| found[k].who.continued(),
        );
        quotes.push(make_quote(text, &ents, parts, QuoteKind::Direct, false, &who));
    }
    quotes.sort_by_key(|q| (q.span.start, q.partial));
    // Mentions are recorded in text order.
    for e in &mut ents.list {
        e.mentions.sort_by_key(|m| m.span.start);
    }
    Attribution {
        entities: ents.finish(),
        quotes,
    }
}

/// Tokens and names of every sentence (a run-on one in windows), each name added to the
/// entities in text order.
fn read_sentences(text: &str, paragraphs: &[Span], sentences: &[Span], ents: &mut Entities) -> Vec<Sentence> {
    let mut sents: Vec<Sentence> = Vec::with_capacity(sentences.len());
    let mut para = 0;
    let lower_words = entities::LowerWords::new(text);
    for s in sentences {
        while para + 1 < paragraphs.len() && paragraphs[para].end <= s.start {
            para += 1;
        }
        for toks in windows(tokens::tokenize(text, *s), MAX_WINDOW_TOKENS) {
            let mut names = entities::find_names(text, &toks, &lower_words);
            // A lone capitalised word opening the sentence is only a name when it is known
            // already, speaks ("Lund said") or is a large city ("Aleppo was quiet").
            let dateline = frames::dateline_end(toks.len(), |k| toks[k].text(text));
            names.retain(|c| {
                let opening = c.first == 0
                    || c.first == 1 && matches!(toks[0].kind, Kind::Quote { .. })
                    || Some(c.first) == dateline;
                let word = c.span.slice(text).unwrap_or("");
                let verb_follows = toks.get(c.last + 1).is_some_and(|t| {
                    let v = t.text(text);
                    lexicon::speech_lemma(v).is_some()
                        || lexicon::is_stance_verb(v) && v.chars().all(char::is_lowercase)
                });
                !(opening && c.first == c.last && c.kind == EntityKind::Unknown)
                    || ents.knows(word)
                    || entities::is_city_alone(word)
                    || verb_follows && !word.ends_with("ed") && !word.ends_with("ing")
                    || possessive_opener(text, &toks, c.last, word)
            });
            let name_entities: Vec<usize> = names.iter().map(|c| ents.add_name(text, c)).collect();
            // Appositive roles: "Sam Okafor, a former pilot, …".
            for (c, &e) in names.iter().zip(&name_entities) {
                if matches!(c.kind, EntityKind::Person | EntityKind::Unknown) && c.first <= c.last {
                    appositive_role_of(text, &toks, c.last, ents, e);
                }
            }
            let first_in_para = sents.last().is_none_or(|p: &Sentence| p.para != para);
            sents.push(Sentence {
                first_in_para,
                para,
                toks,
                names,
                name_entities,
                inside: Vec::new(),
            });
        }
    }
    sents
}

/// A resolved attribution frame: its content parts, cue and speaker.
struct Found {
    parts: Vec<Span>,
    cue: Span,
    who: Attributed,
    para: usize,
    /// The last paragraph the content reaches (a quotation going on in the paragraphs
    /// after the frame's own is one content with it).
    reach: usize,
}

/// What a quote is attributed to: the cue and its kind, the speaker mention, its entity
/// and role.
#[derive(Debug, Clone, Default)]
struct Attributed {
    cue: Option<Span>,
    cue_kind: Option<CueKind>,
    speaker: Option<Span>,
    entity: Option<usize>,
    role: Option<String>,
    rule: Option<QuoteRule>,
}

impl Attributed {
    fn has_speaker(&self) -> bool {
        self.speaker.is_some() || self.entity.is_some()
    }

    /// The same speaker without a cue of its own (a quotation that continues it).
    fn continued(&self) -> Attributed {
        Attributed {
            cue: None,
            cue_kind: None,
            rule: Some(QuoteRule::Continued),
            ..self.clone()
        }
    }
}

/// The quotations that overlap `span`, as a range of indexes: quotations are in text
/// order and do not overlap, so their starts and ends both increase.
fn overlapping(segs: &[Seg], span: Span) -> std::ops::Range<usize> {
    let lo = segs.partition_point(|g| g.span.end <= span.start);
    let hi = lo + segs[lo..].partition_point(|g| g.span.start < span.end);
    lo..hi
}

/// Pass 1: attribution frames in text order, resolved, their content grown over every
/// quote it touches (a quote running over several sentences is one content).
fn frames_of_article(text: &str, sents: &[Sentence], segs: &[Seg], ents: &mut Entities) -> Vec<Found> {
    debug_assert!(segs.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    let mut found: Vec<Found> = Vec::new();
    // The entity that speaks in each sentence, once resolved.
    let mut spoke: Vec<Option<usize>> = vec![None; sents.len()];
    let mut recency = Recency::default();
    for si in 0..sents.len() {
        for f in frames_in(text, sents, si) {
            let s = &sents[si];
            // Rule `content_has_a_word`: a part of nothing but punctuation (the comma a
            // frame ends on, "…, the agency reported, …") says nothing. A quotation mark
            // is kept: the part grows over its quotation below.
            let mut parts: Vec<Span> = f
                .content
                .iter()
                .filter(|&&(a, b)| a <= b && b < s.toks.len())
                .filter(|&&(a, b)| s.toks[a..=b].iter().any(|t| t.kind != Kind::Punct))
                .map(|&(a, b)| Span::new(s.toks[a].span.start, s.toks[b].span.end))
                .collect();
            // A frame without content introduces the next paragraph's quotation
            // ("Dr. Lund stated:"); it needs a speaker to be of use.
            if parts.is_empty() && (!f.content.is_empty() || f.source.is_none()) {
                continue;
            }
            for p in parts.iter_mut() {
                for g in &segs[overlapping(segs, *p)] {
                    *p = Span::new(p.start.min(g.span.start), p.end.max(g.span.end));
                }
            }
            parts.sort();
            parts.dedup_by(|b, a| {
                if b.start <= a.end {
                    a.end = a.end.max(b.end);
                    true
                } else {
                    false
                }
            });
            let (speaker, entity, role) = match f.source {
                Some(src) => resolve_source(text, sents, si, src, &spoke, &mut recency, ents),
                // The asker of a question is not the one who answers it.
                None if f.rule == QuoteRule::AskedQuestion => (None, None, None),
                // No subject in reach ("Adding, “…”"): the paragraph's last speaker.
                None => found
                    .last()
                    .filter(|l| l.para == sents[si].para)
                    .map_or((None, None, None), |l| {
                        (l.who.speaker, l.who.entity, l.who.role.clone())
                    }),
            };
            if entity.is_some() {
                spoke[si] = entity;
            }
            found.push(Found {
                parts,
                cue: f.cue,
                who: Attributed {
                    cue: Some(f.cue),
                    cue_kind: Some(f.kind),
                    speaker,
                    entity,
                    role,
                    rule: Some(f.rule),
                },
                para: s.para,
                reach: s.para,
            });
        }
    }
    found
}

/// Who took a quotation in pass 2.
#[derive(Clone, Copy)]
enum Owner {
    Frame(usize),
    Loose(usize),
}

/// Pass 2: quotes no frame took. One that fills its sentences continues the latest
/// speaker: in the same paragraph it is another part of that statement ("“A,” he said.
/// “B.”"), and so it is in the next paragraph, and the one after that, paragraph by
/// paragraph (the attribution guidelines take a content as
/// everything the cue attributes, discontinuous too; a quotation that goes on with no cue
/// of its own is more of it). After a frame with no content of its own ("Dr. Lund
/// stated:") the quotation in the next paragraph is a quote of its own by the same
/// speaker. A long one
/// otherwise keeps an unknown speaker; a short one is a scare quote. A quotation left open
/// at the end of its paragraph goes on in the next paragraph when that one opens with a
/// quotation mark: one quotation in several parts. Returns the loose quotes, each with the
/// frame whose speaker it continues.
fn continue_quotations(
    text: &str,
    sents: &[Sentence],
    segs: &[Seg],
    found: &mut [Found],
) -> Vec<(Vec<Span>, Option<usize>)> {
    let mut loose: Vec<(Vec<Span>, Option<usize>)> = Vec::new();
    // The first frame (in pass 1 order) whose content overlaps each quotation.
    let mut owner: Vec<Option<Owner>> = vec![None; segs.len()];
    for (k, f) in found.iter().enumerate() {
        for p in &f.parts {
            for gi in overlapping(segs, *p) {
                owner[gi].get_or_insert(Owner::Frame(k));
            }
        }
    }
    // The latest frame with a speaker whose cue comes before a position: frames with a
    // speaker by cue position, with the highest frame index among each prefix.
    let mut speaking: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        // A record ("the poll showed …") speaks no quotation of its own: a quotation after
        // it is no more of its words. Nor does a position held on an object ("she praised
        // the plan"): what it holds is its object, not the next quotation.
        .filter(|(_, f)| {
            f.who.has_speaker()
                && !matches!(
                    f.who.rule,
                    Some(QuoteRule::RecordSpeaks | QuoteRule::ObjectOfStance)
                )
        })
        .map(|(k, f)| (f.cue.start, k))
        .collect();
    speaking.sort_unstable();
    let latest: Vec<usize> = speaking
        .iter()
        .scan(0, |m, &(_, k)| {
            *m = k.max(*m);
            Some(*m)
        })
        .collect();
    let word_counts: Vec<WordCount> = sents.iter().map(WordCount::new).collect();
    for gi in 0..segs.len() {
        if owner[gi].is_some() {
            continue;
        }
        let g = &segs[gi];
        if is_crosshead(text, sents, g) {
            continue;
        }
        let opens_paragraph = sents[g.first_sent].span_start_is(g.span.start);
        if gi > 0 && !segs[gi - 1].closed && segs[gi - 1].para + 1 == g.para && opens_paragraph {
            match owner[gi - 1] {
                Some(Owner::Frame(k)) => {
                    found[k].parts.push(g.span);
                    owner[gi] = Some(Owner::Frame(k));
                    continue;
                }
                Some(Owner::Loose(j)) => {
                    loose[j].0.push(g.span);
                    owner[gi] = Some(Owner::Loose(j));
                    continue;
                }
                None => {}
            }
        }
        let outside_words: usize = (g.first_sent..=g.last_sent)
            .map(|si| word_counts[si].outside(&sents[si], g.span))
            .sum();
        let before = speaking.partition_point(|&(cue, _)| cue < g.span.start);
        let previous = before.checked_sub(1).map(|i| latest[i]);
        match previous {
            Some(k) if outside_words == 0 && found[k].reach == g.para => {
                found[k].parts.push(g.span);
                owner[gi] = Some(Owner::Frame(k));
            }
            Some(k) if outside_words == 0 && found[k].reach + 1 == g.para && !found[k].parts.is_empty() => {
                // The statement goes on in the next paragraph: one content in parts.
                found[k].parts.push(g.span);
                found[k].reach = g.para;
                owner[gi] = Some(Owner::Frame(k));
            }
            Some(k) if outside_words == 0 && found[k].reach + 1 == g.para => {
                loose.push((vec![g.span], Some(k)));
                owner[gi] = Some(Owner::Loose(loose.len() - 1));
            }
            // "“…,” Lund said. That makes it “…”": a long quotation with a short lead-in
            // in the paragraph of a frame with a speaker is more of that speaker's words.
            Some(k) if g.words >= 6 && outside_words <= 3 && found[k].reach == g.para => {
                loose.push((vec![g.span], Some(k)));
                owner[gi] = Some(Owner::Loose(loose.len() - 1));
            }
            _ if g.words >= 6 && outside_words <= 3 => {
                loose.push((vec![g.span], None));
                owner[gi] = Some(Owner::Loose(loose.len() - 1));
            }
            _ => {}
        }
    }
    loose
}

/// A crosshead set in quotation marks: a short quotation that is its whole paragraph, with
/// no punctuation at its end ("“No way back”" between two paragraphs), or only a colon
/// after its closing mark ("“No way back”:", a heading that introduces what follows). It is
/// a heading, not something said at that point.
fn is_crosshead(text: &str, sents: &[Sentence], g: &Seg) -> bool {
    /// A heading is a phrase; a quotation of more words is a statement.
    const MAX_WORDS: usize = 10;
    let (first, last) = (&sents[g.first_sent], &sents[g.last_sent]);
    let ends_paragraph = match last.toks.as_slice() {
        [.., t] if t.span.end == g.span.end => true,
        [.., q, colon] => {
            q.span.end == g.span.end && colon.span.start == g.span.end && colon.span.slice(text) == Some(":")
        }
        _ => false,
    };
    let whole_paragraph = first.span_start_is(g.span.start)
        && ends_paragraph
        && sents.get(g.last_sent + 1).is_none_or(|n| n.para != g.para);
    let bare = g.closed
        && g.span.slice(text).is_some_and(|q| {
            q.chars()
                .rev()
                .skip(1)
                .find(|c| !c.is_whitespace())
                .is_some_and(char::is_alphanumeric)
        });
    whole_paragraph && bare && g.words <= MAX_WORDS
}

/// Word tokens of a sentence counted up to each token, so the words outside a span are
/// found by two binary searches.
struct WordCount {
    /// `before[k]`: word tokens among the sentence's first `k` tokens.
    before: Vec<usize>,
}

impl WordCount {
    fn new(s: &Sentence) -> Self {
        let mut before = Vec::with_capacity(s.toks.len() + 1);
        before.push(0);
        let mut n = 0;
        for t in &s.toks {
            n += usize::from(t.kind == Kind::Word);
            before.push(n);
        }
        WordCount { before }
    }

    /// Word tokens of the sentence that lie wholly outside `span`.
    fn outside(&self, s: &Sentence, span: Span) -> usize {
        // Tokens are in order and do not overlap: those touching the span are a range.
        let lo = s.toks.partition_point(|t| t.span.end <= span.start);
        let hi = lo + s.toks[lo..].partition_point(|t| t.span.start < span.end);
        let all = self.before[s.toks.len()];
        all - (self.before[hi] - self.before[lo])
    }
}

/// Where whitespace-separated words start in the text, so the words of any span are
/// counted by binary search (a long quotation may be the content of many frames).
struct WordIndex {
    starts: Vec<usize>,
}

impl WordIndex {
    fn new(text: &str) -> Self {
        let mut starts = Vec::new();
        let mut prev_space = true;
        for (i, c) in text.char_indices() {
            let space = c.is_whitespace();
            if prev_space && !space {
                starts.push(i);
            }
            prev_space = space;
        }
        WordIndex { starts }
    }

    /// `text[span].split_whitespace().count()`.
    fn count(&self, text: &str, span: Span) -> usize {
        if span.is_empty() {
            return 0;
        }
        let lo = self.starts.partition_point(|&i| i < span.start);
        let hi = self.starts.partition_point(|&i| i < span.end);
        // A word cut by the span's start is a word of the span too.
        let cut = text[span.start..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace())
            && text[..span.start]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace());
        hi - lo + usize::from(cut)
    }
}

/// The quote a frame makes: direct when the quotation is all of it but a word or two
/// ("that", "saying"), else reported, with each quotation inside it as a partial quote.
fn quotes_of_frame(text: &str, ents: &Entities, segs: &[Seg], words: &WordIndex, f: &Found) -> Vec<Quote> {
    let len: usize = f.parts.iter().map(Span::len).sum();
    let quoted: usize = f
        .parts
        .iter()
        .flat_map(|p| segs[overlapping(segs, *p)].iter().map(move |g| (p, g)))
        .map(|(p, g)| p.end.min(g.span.end).saturating_sub(p.start.max(g.span.start)))
        .sum();
    // The quotations wholly inside a part, in text order.
    let mut inner: Vec<usize> = f
        .parts
        .iter()
        .flat_map(|p| {
            overlapping(segs, *p).filter(|&gi| p.start <= segs[gi].span.start && segs[gi].span.end <= p.end)
        })
        .collect();
    inner.sort_unstable();
    inner.dedup();
    let outside_words = f
        .parts
        .iter()
        .map(|p| words.count(text, *p))
        .sum::<usize>()
        .saturating_sub(inner.iter().map(|&gi| words.count(text, segs[gi].span)).sum());
    let kind = if quoted * 10 >= len * 8 && outside_words <= 1 {
        QuoteKind::Direct
    } else {
        QuoteKind::Reported
    };
    let mut out = Vec::new();
    if kind == QuoteKind::Reported {
        for &gi in &inner {
            out.push(make_quote(
                text,
                ents,
                vec![segs[gi].span],
                QuoteKind::Direct,
                true,
                &f.who,
            ));
        }
    }
    out.push(make_quote(text, ents, f.parts.clone(), kind, false, &f.who));
    out
}

fn make_quote(
    text: &str,
    ents: &Entities,
    parts: Vec<Span>,
    kind: QuoteKind,
    partial: bool,
    who: &Attributed,
) -> Quote {
    let span = Span::new(parts[0].start, parts[parts.len() - 1].end);
    let entity = who.entity;
    let speaker_name = entity
        .map(|e| ents.list[e].name.clone())
        .or_else(|| who.speaker.and_then(|s| s.slice(text)).map(str::to_string));
    let role = who
        .role
        .clone()
        .or_else(|| entity.and_then(|e| ents.list[e].roles.first().cloned()));
    Quote {
        span,
        parts,
        kind,
        partial,
        cue: who.cue,
        cue_kind: who.cue_kind,
        speaker: who.speaker,
        speaker_entity: entity.map(|e| ents.list[e].id.clone()),
        speaker_name,
        role,
        rule: who.rule,
    }
}

/// A quotation: from its opening mark to its closing mark (or its paragraph's end).
struct Seg {
    span: Span,
    para: usize,
    first_sent: usize,
    last_sent: usize,
    words: usize,
    /// False when the paragraph ended before a closing mark (a quotation running on into
    /// the next paragraph, by news convention).
    closed: bool,
}

/// Pairs quotation marks paragraph by paragraph, records per sentence the token ranges
/// inside them, and returns the quotations.
fn mark_quotes(text: &str, sents: &mut [Sentence]) -> Vec<Seg> {
    // Quotation styles: a mark of another style inside a quotation opens a nested one
    // ('"… “Equal Justice” …"'), except that a closing mark of another style may close a
    // quotation written with mixed marks ("“… coalition."").
    fn style(mark: &str) -> u8 {
        match mark {
            "\"" => 0,
            "“" | "”" | "„" => 1,
            "«" | "»" => 2,
            "‘" | "’" => 4,
            _ => 3,
        }
    }
    fn is_single(style: u8) -> bool {
        matches!(style, 3 | 4)
    }
    let mut segs = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (sentence, token) of the opening mark
    let mut open_style = 0u8;
    let mut nested = 0usize;
    let mut para = usize::MAX;
    for si in 0..sents.len() {
        if sents[si].para != para {
            // An unclosed quote ends with its paragraph.
            if let Some(o) = open.take() {
                close_range(
                    sents,
                    o,
                    (si - 1, sents[si - 1].toks.len().saturating_sub(1)),
                    &mut segs,
                    false,
                );
            }
            nested = 0;
            para = sents[si].para;
        }
        for ti in 0..sents[si].toks.len() {
            let Kind::Quote { open: is_open } = sents[si].toks[ti].kind else {
                continue;
            };
            let st = style(sents[si].toks[ti].text(text));
            match open {
                None => {
                    if is_open || ti == 0 {
                        open = Some((si, ti));
                        open_style = st;
                        nested = 0;
                    }
                }
                // Two opening marks in a row: the first was a stray.
                Some(o) if is_open && o.0 == si && ti == o.1 + 1 => {
                    open = Some((si, ti));
                    open_style = st;
                }
                Some(_) if st != open_style && is_open => nested += 1,
                Some(_) if st != open_style && nested > 0 => nested -= 1,
                Some(_) if st == open_style && st != 0 && is_open => nested += 1,
                Some(_) if st == open_style && st != 0 && nested > 0 => nested -= 1,
                // A single mark left over inside a double quotation ("… say ,'No.'.\"") is
                // an apostrophe or a stray: it does not close the quotation.
                Some(_) if is_single(st) && !is_single(open_style) => {}
                Some(o) => {
                    close_range(sents, o, (si, ti), &mut segs, true);
                    open = None;
                    nested = 0;
                }
            }
        }
    }
    if let Some(o) = open {
        let last = sents.len() - 1;
        close_range(
            sents,
            o,
            (last, sents[last].toks.len().saturating_sub(1)),
            &mut segs,
            false,
        );
    }
    segs
}

fn close_range(
    sents: &mut [Sentence],
    from: (usize, usize),
    to: (usize, usize),
    segs: &mut Vec<Seg>,
    closed: bool,
) {
    let mut words = 0;
    let mut span: Option<Span> = None;
    for (si, s) in sents.iter_mut().enumerate().take(to.0 + 1).skip(from.0) {
        if s.toks.is_empty() {
            continue;
        }
        let a = if si == from.0 { from.1 } else { 0 };
        let b = if si == to.0 { to.1 } else { s.toks.len() - 1 };
        if a <= b {
            s.inside.push((a, b));
            words += s.toks[a..=b].iter().filter(|t| t.kind == Kind::Word).count();
            let sp = Span::new(s.toks[a].span.start, s.toks[b].span.end);
            span = Some(span.map_or(sp, |x| Span::new(x.start, sp.end)));
        }
    }
    if let Some(span) = span {
        segs.push(Seg {
            span,
            para: sents[from.0].para,
            first_sent: from.0,
            last_sent: to.0,
            words,
            closed,
        });
    }
}

/// Resolves a source phrase: the speaker mention span, its entity and a role.
fn resolve_source(
    text: &str,
    sents: &[Sentence],
    si: usize,
    src: Source,
    spoke: &[Option<usize>],
    recency: &mut Recency,
    ents: &mut Entities,
) -> (Option<Span>, Option<usize>, Option<String>) {
    let s = &sents[si];
    if !src.speaks {
        return (None, None, None);
    }
    let span = Span::new(s.toks[src.first].span.start, s.toks[src.last].span.end);
    // A group ("Russia and Syria", "The United States, Britain and France") is its own
    // speaker, named as written.
    let names_in = s
        .names
        .iter()
        .filter(|c| c.first >= src.first && c.last <= src.last)
        .count();
    if names_in >= 2 && (src.first..=src.last).any(|k| s.word(text, k) == "and") {
        return (Some(span), None, None);
    }
    // A name inside the phrase (the last one: "Harbour Board spokesman Sam Okafor").
    if let Some((k, c)) = s
        .names
        .iter()
        .enumerate()
        .rev()
        .find(|(_, c)| c.first >= src.first && c.last == src.last && c.first <= c.last)
    {
        let e = s.name_entities[k];
        // A name of two words or more that speaks is a person when nothing said otherwise
        // (a lone word may be a place: "Aleppo has been …"); not one a preposition's
        // object ("a spokesman for Nordhavn Ferries said": a firm as often as a person).
        let object = c.phrase_first >= 1 && entities::names_an_object(s.word(text, c.phrase_first - 1));
        if c.last > c.first && !object {
            ents.make_person(e);
        }
        let role = c.role.and_then(|r| r.slice(text)).map(str::to_string);
        // Appositive role after the name: "Hugh Hill, a doctor, said".
        let role = role.or_else(|| appositive_role_of(text, &s.toks, c.last, ents, e));
        return (Some(c.span), Some(e), role);
    }
    let first_word = s.word(text, src.first);
    if src.first == src.last && matches!(first_word, "who" | "which") {
        // The antecedent: the name that ends just before the comma.
        let ante = s
            .names
            .iter()
            .enumerate()
            .rev()
            .find(|(_, c)| c.last + 2 == src.first && c.first <= c.last);
        // "Norway, Sweden and Finland, who claimed": the coordination is the speaker.
        if let Some((_, c)) = ante {
            let start = sources::coordination_start(text, s, c.phrase_first);
            if start < c.phrase_first {
                return (Some(Span::new(s.toks[start].span.start, c.span.end)), None, None);
            }
        }
        let e = ante.map(|(k, _)| s.name_entities[k]);
        if let Some(e) = e {
            ents.add_reference(e, span, MentionKind::Pronoun);
        }
        return (Some(span), e, None);
    }
    if src.first == src.last {
        if let Some(p) = lexicon::pronoun(first_word) {
            let e = resolve_pronoun(text, sents, si, src.first, p, spoke, ents);
            if let Some(e) = e {
                ents.add_reference(e, span, MentionKind::Pronoun);
                ents.set_male(e, p);
            }
            return (Some(span), e, None);
        }
    }
    // Rule `name_in_apposition`: a description with a name set off after it ("The third
    // judge, Karin Wessel, dissented, saying …", "the agency's director, Ana Ruiz, said")
    // is that name's, whoever was named before. The description opens with a determiner
    // (`data/determiners.txt`) or holds a possessive; the name has no word in lower case ("Ana Ruiz, Republican of
    // Tollan," is a name and its description, the other way round).
    let determiner = is_determiner(first_word);
    let described = determiner
        || (src.first..=src.last).any(|k| {
            let w = s.word(text, k);
            w.ends_with("'s") || w.ends_with("’s")
        });
    // The name may be followed by where the person belongs before the closing comma
    // ("the mediator, Ana Ruiz of the port authority, said"): a preposition of belonging
    // and at most eight words.
    let set_off = |last: usize| {
        let comma = |k: usize| s.toks.get(k).is_some_and(|t| t.text(text) == ",");
        comma(last + 1)
            || matches!(s.word(text, last + 1), "of" | "at" | "from")
                && (last + 3..(last + 11).min(s.toks.len()))
                    .find(|&k| comma(k))
                    .is_some_and(|k| (last + 2..k).all(|j| s.toks[j].kind == Kind::Word && !s.in_quote(j)))
    };
    let appositive_name = |c: &&NameChunk| {
        c.first == src.last + 2
            && c.first <= c.last
            && s.word(text, src.last + 1) == ","
            && set_off(c.last)
            && (c.first..=c.last).all(|k| s.word(text, k).starts_with(|ch: char| !ch.is_lowercase()))
    };
    if let Some((k, c)) = s
        .names
        .iter()
        .enumerate()
        .filter(|_| described)
        .find(|(_, c)| appositive_name(c))
    {
        let e = s.name_entities[k];
        let role_first = if determiner { src.first + 1 } else { src.first };
        let role = (role_first <= src.last)
            .then(|| text[s.toks[role_first].span.start..s.toks[src.last].span.end].to_string());
        if let Some(r) = &role {
            ents.add_role_text(e, r);
        }
        return (Some(c.span), Some(e), role);
    }
    // A noun phrase whose last word is a role noun ("the spokesman", "the Syrian president").
    let head = s.word(text, src.last);
    let definite = matches!(first_word, "the" | "The");
    if definite {
        let candidates = recency.recent(sents, si, src.first);
        if let Some(e) = ents.resolve_nominal(head, &candidates) {
            ents.add_reference(e, span, MentionKind::Nominal);
            return (Some(span), Some(e), None);
        }
    }
    // An appositive before a name: "a doctor, Hugh Hill," is rare; leave unresolved.
    (Some(span), None, None)
}

/// ", a doctor," after a name: records and returns the role.
fn appositive_role_of(
    text: &str,
    toks: &[Token],
    name_last: usize,
    ents: &mut Entities,
    e: usize,
) -> Option<String> {
    let k = name_last + 1;
    if toks.get(k).map(|t| t.text(text)) != Some(",") {
        return None;
    }
    let det = toks.get(k + 1)?.text(text);
    if !matches!(det, "a" | "an" | "the" | "A" | "An" | "The") {
        return None;
    }
    let mut end = k + 2;
    let mut head = false;
    while end < toks.len() && toks[end].kind == Kind::Word && end - k < 10 {
        head |= lexicon::is_role_head(toks[end].text(text));
        end += 1;
    }
    // The appositive must close (a comma or the end of the clause) right after.
    // A description set off by two commas is one ("Sam Okafor, a former pilot, said");
    // one that runs to the end of the sentence must name a role.
    let comma_closed = toks.get(end).is_some_and(|t| t.text(text) == ",") && end - k <= 8;
    let closed = toks
        .get(end)
        .is_none_or(|t| matches!(t.text(text), "." | ";" | ")"));
    if end == k + 2 || !(comma_closed || closed && head) {
        return None;
    }
    let role = &text[toks[k + 2].span.start..toks[end - 1].span.end];
    ents.add_role_text(e, role);
    Some(role.to_string())
}

/// Entities by their latest name mention, for definite descriptions ("the spokesman"),
/// kept as the sentences are read in order instead of walking back over them per lookup
/// (one entity named ten thousand times would make every walk go to the start).
#[derive(Default)]
struct Recency {
    /// Sentences before this one are recorded.
    upto: usize,
    /// Per entity: its latest mention (sentence, name index) among recorded sentences.
    latest: Vec<Option<(usize, usize)>>,
    /// The same, ordered by mention.
    order: BTreeSet<(usize, usize, usize)>,
}

impl Recency {
    /// At most this many entities are offered: a definite description points back a little
    /// way.
    const MAX: usize = 100;

    /// Entities named before token `before` of sentence `si` and in earlier sentences, most
    /// recent first. Calls come in increasing order of `si`.
    fn recent(&mut self, sents: &[Sentence], si: usize, before: usize) -> Vec<usize> {
        debug_assert!(self.upto <= si + 1, "sentences are read in order");
        for (j, s) in sents.iter().enumerate().take(si).skip(self.upto) {
            for (k, &e) in s.name_entities.iter().enumerate() {
                if self.latest.len() <= e {
                    self.latest.resize(e + 1, None);
                }
                if let Some((pj, pk)) = self.latest[e].replace((j, k)) {
                    self.order.remove(&(pj, pk, e));
                }
                self.order.insert((j, k, e));
            }
        }
        self.upto = self.upto.max(si);
        let s = &sents[si];
        let here = s
            .names
            .iter()
            .zip(&s.name_entities)
            .rev()
            .filter(|(c, _)| c.first < before)
            .map(|(_, &e)| e);
        let earlier = self.order.iter().rev().map(|&(_, _, e)| e);
        // At most MAX entities: a scan of the list is as quick as a set.
        let mut out: Vec<usize> = Vec::new();
        for e in here.chain(earlier) {
            if !out.contains(&e) {
                out.push(e);
                if out.len() == Self::MAX {
                    break;
                }
            }
        }
        out
    }
}

/// A pronoun speaker: the first compatible person outside quotes earlier in the sentence,
/// else, in the nearest earlier sentence that has one, its speaker or its subject (the
/// first person named) — not whoever was named last.
fn resolve_pronoun(
    text: &str,
    sents: &[Sentence],
    si: usize,
    tok: usize,
    p: Pronoun,
    spoke: &[Option<usize>],
    ents: &Entities,
) -> Option<usize> {
    if p == Pronoun::First {
        return None;
    }
    let fits = |e: usize| ents.gender_fits(e, p);
    let s = &sents[si];
    if p == Pronoun::Plural && plural_common_subject(text, s, tok) {
        return None;
    }
    for (k, c) in s.names.iter().enumerate() {
        if c.last < tok && !s.in_quote(c.first) && fits(s.name_entities[k]) && c.first <= c.last {
            return Some(s.name_entities[k]);
        }
    }
    for j in (si.saturating_sub(6)..si).rev() {
        let prev = &sents[j];
        if prev.para + 3 < s.para {
            break;
        }
        // The speaker of the sentence before speaks on ("…, Cook said. “…,” he added"),
        // even when nothing yet told that the name ("Brandt said …") is a person.
        let speaker_fits = |e: usize| {
            fits(e)
                || matches!(p, Pronoun::Male | Pronoun::Female)
                    && ents.list[e].kind == EntityKind::Unknown
                    && ents.list[e].male.is_none()
        };
        if let Some(e) = spoke[j].filter(|&e| speaker_fits(e)) {
            return Some(e);
        }
        if p == Pronoun::Plural && plural_common_subject(text, prev, prev.toks.len()) {
            return None;
        }
        let names_someone = prev
            .names
            .iter()
            .enumerate()
            .any(|(k, c)| !prev.in_quote(c.first) && c.first <= c.last && fits(prev.name_entities[k]));
        if !names_someone && singular_person_subject(text, prev, p) {
            return None;
        }
        let subject = prev
            .names
            .iter()
            .enumerate()
            .find(|(k, c)| !prev.in_quote(c.first) && c.first <= c.last && fits(prev.name_entities[*k]));
        if let Some((k, _)) = subject {
            return Some(prev.name_entities[k]);
        }
        // A pronoun subject continues the same referent: keep looking back.
    }
    None
}

/// Rule `possessive_opener`: a lone capitalised word with a singular possessive opening a
/// sentence before a lower-case word ("Tarnland's coalition said …") is a name — a
/// common noun there needs its article ("The ministry's …") — unless it is a word of time
/// ("Today's") or a function word ("Everyone's").
fn possessive_opener(text: &str, toks: &[Token], k: usize, bare: &str) -> bool {
    let written = toks[k].text(text);
    let next_lower = toks
        .get(k + 1)
        .is_some_and(|t| t.kind == Kind::Word && t.text(text).starts_with(|c: char| c.is_lowercase()));
    written.len() > bare.len()
        && bare.chars().count() >= 3
        && !bare.ends_with('s')
        && next_lower
        && !words::is_time_word(&lexicon::lower(bare))
        && !lexicon::is_function_word(bare)
}

/// Rule `she_after_person_noun`: "he" or "she" after a sentence whose subject is one
/// person brought in by no name ("A spokeswoman for the alliance denied it. She said …")
/// is that person, whom no name stands for: a name further back is someone else. Only
/// when that sentence names no one the pronoun could be ("A reporter asked Lund …. He
/// replied" is Lund; "One voter, Ada Brenn, …" is named). The subject is indefinite
/// ("a", "an", "one", "another": "the senator" is most often someone named before) and
/// its head a role or a noun for a person (`claims/data/person-nouns.txt`), of the
/// pronoun's sex or of neither ("a mediator", not "a spokesman" for "she").
fn singular_person_subject(text: &str, s: &Sentence, p: Pronoun) -> bool {
    if !matches!(p, Pronoun::Male | Pronoun::Female) {
        return false;
    }
    let Some(src) = sources::subject_of(text, s, s.toks.len()) else {
        return false;
    };
    // A name in it, or before it ("Ana Ruiz, a teacher, said": an appositive, no subject).
    let named = s
        .names
        .iter()
        .any(|c| c.first <= src.last && !s.in_quote(c.first));
    let head = lexicon::lower(s.word(text, src.last));
    let one_person = lexicon::is_role_head(&head) || crate::claims::person_noun(&head);
    let sex = words::sex_of_noun(&head);
    // A definite description ("the senator", "the former envoy") most often names again
    // someone named before; an indefinite one brings in someone new.
    let indefinite = matches!(
        &*lexicon::lower(s.word(text, src.first)),
        "a" | "an" | "one" | "another"
    );
    !named
        && indefinite
        && src.first < src.last
        && lexicon::pronoun(&head).is_none()
        && one_person
        && sex.is_none_or(|male| male == (p == Pronoun::Male))
}

/// Rule `they_after_plural_noun`: "they" after a clause whose subject is a plural common
/// noun ("Observers said the count was orderly, though they noted …") is that noun's
/// referent, which no name stands for: a name further back is not what "they" means.
fn plural_common_subject(text: &str, s: &Sentence, before: usize) -> bool {
    let Some(src) = sources::subject_at(text, s, 0, before) else {
        return false;
    };
    let named = s
        .names
        .iter()
        .any(|c| c.first >= src.first && c.first <= src.last);
    let head = s.word(text, src.last);
    !named
        && lexicon::pronoun(head).is_none()
        && head.len() > 3
        && sources::plural_of_people(&lexicon::lower(head))
}

#[cfg(test)]
#[path = "../../testdata/quotes/newsgen.rs"]
mod newsgen;

/// The indexed lookups that keep the finder linear give what the scans they replaced gave,
/// on generated articles of every construction.
#[cfg(test)]
mod fast_lookups {
    use super::*;
    use proptest::prelude::*;

    /// Sentences (quotations marked), quotations and frames of a generated article.
    fn article(seed: u64) -> (String, Vec<Sentence>, Vec<Seg>, Vec<Found>) {
        let text = newsgen::article(seed);
        let paras = crate::text::segment::line_paragraphs(&text);
        let sentences = crate::text::segment::sentences(&text, &paras);
        let mut ents = Entities::default();
        let mut sents = read_sentences(&text, &paras, &sentences, &mut ents);
        let segs = mark_quotes(&text, &mut sents);
        let found = frames_of_article(&text, &sents, &segs, &mut ents);
        (text, sents, segs, found)
    }

    /// The walk back over sentences that `Recency` replaced.
    fn recent_by_walk(sents: &[Sentence], si: usize, before: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for j in (0..=si).rev() {
            let s = &sents[j];
            for (k, c) in s.names.iter().enumerate().rev() {
                if j == si && c.first >= before {
                    continue;
                }
                let e = s.name_entities[k];
                if !out.contains(&e) {
                    out.push(e);
                    if out.len() == Recency::MAX {
                        return out;
                    }
                }
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn quote_ranges_by_binary_search(seed in 0u64..100_000) {
            let (_, sents, _, _) = article(seed);
            for s in &sents {
                for i in 0..s.toks.len() + 1 {
                    prop_assert_eq!(s.in_quote(i), s.inside.iter().any(|&(a, b)| a <= i && i <= b));
                    prop_assert_eq!(s.quoted_from(i), (i..s.toks.len()).any(|j| s.in_quote(j)));
                    prop_assert_eq!(s.quote_opening_at(i), s.inside.iter().find(|r| r.0 == i).copied());
                    prop_assert_eq!(s.quote_closing_at(i), s.inside.iter().find(|r| r.1 == i).copied());
                }
            }
        }

        #[test]
        fn overlaps_and_word_counts(seed in 0u64..100_000, cuts in proptest::collection::vec((0usize..4000, 0usize..400), 20)) {
            let (text, sents, segs, found) = article(seed);
            let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
            let words = WordIndex::new(&text);
            let mut spans: Vec<Span> = found.iter().flat_map(|f| f.parts.clone()).collect();
            spans.extend(segs.iter().map(|g| g.span));
            for (a, len) in cuts {
                let mut a = a.min(text.len());
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (a + len).min(text.len());
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                spans.push(Span::new(a, b));
            }
            for &p in &spans {
                let scan: Vec<usize> = (0..segs.len()).filter(|&g| overlaps(p, segs[g].span)).collect();
                prop_assert_eq!(overlapping(&segs, p).collect::<Vec<_>>(), scan);
                prop_assert_eq!(words.count(&text, p), text[p.start..p.end].split_whitespace().count());
            }
            for g in &segs {
                for s in &sents[g.first_sent..=g.last_sent] {
                    let scan = s
                        .toks
                        .iter()
                        .filter(|t| t.kind == Kind::Word && (t.span.end <= g.span.start || t.span.start >= g.span.end))
                        .count();
                    prop_assert_eq!(WordCount::new(s).outside(s, g.span), scan);
                }
            }
        }

        #[test]
        fn recency_matches_the_walk_back(seed in 0u64..100_000) {
            let (_, sents, _, _) = article(seed);
            let mut recency = Recency::default();
            for si in 0..sents.len() {
                for before in 0..sents[si].toks.len() + 1 {
                    prop_assert_eq!(recency.recent(&sents, si, before), recent_by_walk(&sents, si, before));
                }
            }
        }
    }

    #[test]
    fn long_sentences_are_cut_at_punctuation() {
        let text = "word, ".repeat(300) + &"x ".repeat(600);
        let toks = tokens::tokenize(&text, Span::new(0, text.len()));
        let n = toks.len();
        let parts = windows(toks.clone(), MAX_WINDOW_TOKENS);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|w| w.len() <= MAX_WINDOW_TOKENS));
        assert_eq!(parts.concat(), toks);
        // Where there is punctuation in a window's second half, the window ends with it.
        assert!(parts[..2].iter().all(|w| w.last().unwrap().text(&text) == ","));
        assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), n);
        let short = tokens::tokenize("A short one.", Span::new(0, 12));
        assert_eq!(windows(short.clone(), MAX_WINDOW_TOKENS), vec![short]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::join_paragraphs;

    fn run(paras: &[&str]) -> (String, Attribution) {
        let (text, spans) = join_paragraphs(paras);
        let sentences = crate::text::segment::sentences(&text, &spans);
        let a = analyze(&text, &spans, &sentences);
        (text, a)
    }

    fn who(text: &str, a: &Attribution) -> Vec<(String, Option<String>, QuoteKind, bool)> {
        a.quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).unwrap().to_string(),
                    q.speaker_name.clone(),
                    q.kind,
                    q.partial,
                )
            })
            .collect()
    }

    /// The speaker of the text's only direct quote (fails when there is not exactly one).
    fn sole_direct_speaker(text: &str, a: &Attribution) -> Option<String> {
        let q = who(text, a);
        let direct: Vec<_> = q.iter().filter(|x| x.2 == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 1, "{q:?}");
        direct[0].1.clone()
    }

    /// A wire's dateline stands before the sentence's first word: a common word there
    /// ("Flooding") has its capital from the sentence's start and is no name.
    #[test]
    fn the_word_after_a_dateline_opens_the_sentence() {
        let (_, a) = run(&[
            "KELDBY (NWA) — Flooding forced 300 people from their homes, officials said.",
            "Harbour master Ines Lund said the quay would stay shut.",
        ]);
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Ines Lund"), "{names:?}");
        assert!(!names.contains(&"Flooding"), "{names:?}");
    }

    /// Rule `content_has_a_word`: a frame whose content before the cue is only the comma
    /// left by the frame before it says what comes after, not ", he said, …".
    #[test]
    fn a_content_of_punctuation_alone_is_dropped() {
        let (text, a) = run(&[
            "At the depot the skipper was blunt: if the storm was as bad as the mayor said, he said, why did the ferries run all night?",
        ]);
        let w = who(&text, &a);
        assert!(
            w.iter().any(|q| q.0 == "why did the ferries run all night"),
            "{w:?}"
        );
        assert!(w.iter().all(|q| !q.0.starts_with(',')), "{w:?}");
    }

    /// A long quotation with a short lead-in, in the paragraph of an attributed
    /// statement, is more of that speaker's words.
    #[test]
    fn a_quotation_with_a_short_lead_in_continues_the_speaker() {
        let (text, a) = run(&[
            "“The locks stay shut until May,” Ines Lund said. That makes it “the longest closure the harbour has had in years.”",
        ]);
        let w = who(&text, &a);
        assert!(
            w.iter()
                .any(|q| q.0.contains("longest closure") && q.1.as_deref() == Some("Ines Lund")),
            "{w:?}"
        );
    }

    /// A single quotation mark inside a double quotation, whatever it looks like, does not
    /// close the double one.
    #[test]
    fn a_stray_single_mark_does_not_close_a_double_quotation() {
        let (text, a) = run(&[
            "\"We cannot say, 'Let the town vote,' and then say ,'No, you can't.'.\" Mayor Ivo Brask said.",
        ]);
        let q = who(&text, &a);
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.ends_with("can't.'.\""), "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Ivo Brask"));
    }

    /// A quotation with no cue of its own that goes on in the next paragraphs is more of
    /// the statement before it: one quote in parts, with that statement's speaker.
    #[test]
    fn a_quotation_in_the_next_paragraphs_is_more_of_the_statement() {
        let (text, a) = run(&[
            "“The ferry keeps every winter crossing it has,” skipper Lena Brekke said.",
            "“Nobody on this island should have to swim.”",
            "“And nobody will.”",
            "The council meets on Friday.",
            "“The budget is a mess from top to bottom.”",
        ]);
        let q = who(&text, &a);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(a.quotes[0].parts.len(), 3);
        assert_eq!(q[0].1.as_deref(), Some("Lena Brekke"));
        assert!(q[0].0.ends_with("“And nobody will.”"), "{q:?}");
        // A paragraph without a quotation ends the statement.
        assert_eq!(q[1].0, "“The budget is a mess from top to bottom.”");
        assert_ne!(q[1].1.as_deref(), Some("Lena Brekke"));
    }

    /// Rule `record_speaks`: a record shows no quotation of its own, so a quotation in
    /// the paragraph after it is not made more of its words.
    #[test]
    fn a_quotation_after_a_record_is_not_the_records() {
        let (text, a) = run(&[
            "In short, the harbour figures show only part of the cost of the crossings.",
            "“Nobody asked the crews about the overtime rota, not once in three winters.”",
        ]);
        assert_eq!(sole_direct_speaker(&text, &a), None);
        let record = a.quotes.iter().find(|x| x.rule == Some(QuoteRule::RecordSpeaks));
        assert!(record.is_some(), "{:?}", a.quotes);
    }

    #[test]
    fn direct_quotes_split_continued_and_pronouns() {
        let (text, a) = run(&[
            "Harbour Minister Jo Brandt said the port would reopen.",
            "“We will not wait,” she said, “and we will not pay.”",
            "“The ships are ready.”",
            "Port director Sam Okafor, a former pilot, disagreed. \"Nothing is ready,\" he told reporters.",
        ]);
        let q = who(&text, &a);
        assert_eq!(q[0].1.as_deref(), Some("Jo Brandt"));
        assert_eq!(q[0].2, QuoteKind::Reported);
        // The quotation in the next paragraph goes on with the statement: a third part.
        assert_eq!(
            q[1].0,
            "“We will not wait,” she said, “and we will not pay.”\n\n“The ships are ready.”"
        );
        assert_eq!(a.quotes[1].parts.len(), 3);
        assert_eq!(q[1].1.as_deref(), Some("Jo Brandt"));
        assert_eq!(q[1].2, QuoteKind::Direct);
        assert_eq!(q[2].1.as_deref(), Some("Sam Okafor"));
        let okafor = a.entities.iter().find(|e| e.name == "Sam Okafor").unwrap();
        assert!(
            okafor.roles.iter().any(|r| r == "Port director"),
            "{:?}",
            okafor.roles
        );
    }

    #[test]
    fn the_pronoun_follows_the_subject_not_the_last_name() {
        let (text, a) = run(&[
            "Lee Park deflected a question about the mayor, Dana Cole, and her budget.",
            "“That is for the council,” he said.",
        ]);
        assert_eq!(sole_direct_speaker(&text, &a).as_deref(), Some("Lee Park"));
    }

    /// Rule `possessive_opener`.
    #[test]
    fn a_possessive_opening_a_sentence_is_a_name() {
        let (_, a) = run(&[
            "Tarnland's coalition claimed victory on Sunday.",
            "Today's count will settle it, officials said. Everyone's eyes are on the north.",
        ]);
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Tarnland"]);
    }

    /// Rule `possessive_subject_head` (`sources.rs`): the subject of a participle is the
    /// body a possessive name owns, not the name.
    #[test]
    fn a_possessive_names_whose_body_speaks() {
        let (text, a) = run(&[
            "The vote in Tarnland was calm.",
            "Tarnland's central bank left its rate unchanged on Thursday, saying inflation was slowing.",
        ]);
        let speakers: Vec<_> = who(&text, &a).into_iter().map(|q| q.1).collect();
        assert_eq!(speakers, [Some("Tarnland's central bank".to_string())]);
    }

    /// Rule `they_after_plural_noun`.
    #[test]
    fn they_after_a_plural_noun_is_not_a_name_further_back() {
        let (text, a) = run(&[
            "The Moss Party said on Monday that it would contest the result.",
            "Observers from a regional body said the count had been calm, though they noted long queues in the north.",
            "Voters waited for hours. They said the lines were too long.",
        ]);
        let speakers: Vec<_> = who(&text, &a).into_iter().map(|q| q.1).collect();
        assert_eq!(
            speakers,
            [
                Some("Moss Party".to_string()),
                Some("Observers".to_string()),
                Some("they".to_string()),
                Some("They".to_string())
            ],
            "{:?}",
            who(&text, &a)
        );
    }

    /// Rule `she_after_person_noun`.
    #[test]
    fn she_after_a_person_no_name_stands_for_is_not_a_name_further_back() {
        let brenn = "Talks stalled, the envoy, Ada Brenn, said on Monday.";
        let said = |who: &str| Some(who.to_string());
        assert_eq!(
            speakers(&[
                brenn,
                "A spokeswoman for the river alliance, reached by phone, denied the claim.",
                "She said the alliance had left only after the talks on detainees were dropped.",
            ]),
            [said("Ada Brenn"), said("She")]
        );
        // A person of the other sex is not whom "she" stands for, and a description set
        // off after a name is no subject of its own.
        for between in [
            "A spokesman for the port declined to comment.",
            "Tomas Lund, a former teacher from Arnby, said the boats would stay.",
        ] {
            let all = speakers(&[brenn, between, "She added that the talks would resume."]);
            assert_eq!(all.last(), Some(&said("Ada Brenn")), "{between}: {all:?}");
        }
    }

    #[test]
    fn a_lone_surname_that_speaks_is_who_he_is() {
        let (text, a) = run(&[
            "In an interview published on Monday, Berg said the talks would go on.",
            "“We will not give up,” he said.",
        ]);
        assert_eq!(sole_direct_speaker(&text, &a).as_deref(), Some("Berg"));
    }

    #[test]
    fn partial_and_scare_quotes() {
        let (text, a) = run(&[
            "On Monday, Okafor accused the board of “reckless delays” in the harbour.",
            "The so-called “reform” has stalled.",
        ]);
        let q = who(&text, &a);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2, QuoteKind::Reported);
        assert_eq!(
            q[1],
            (
                "“reckless delays”".into(),
                Some("Okafor".into()),
                QuoteKind::Direct,
                true
            )
        );
    }

    #[test]
    fn unknown_speakers_stay_unknown() {
        let (text, a) = run(&["“This cannot go on much longer, not like this,” a sign on the gate read."]);
        let q = who(&text, &a);
        assert!(
            q.iter()
                .all(|x| x.1.is_none() || x.1.as_deref() == Some("a sign on the gate")),
            "{q:?}"
        );
    }

    /// Rule `speaker_before_for` (sources): the noun before "for" speaks, unless it is a
    /// representative and a name follows, or "for" is inside a name; the one spoken for
    /// is not made a person by speaking.
    #[test]
    fn speaker_before_for() {
        assert_eq!(
            speakers(&["The hearing will not resume before May, lawyers for both ferry operators said."]),
            [Some("lawyers".to_string())]
        );
        assert_eq!(
            speakers(&["Advocates for the coastal line say the trains will be full by spring."]),
            [Some("Advocates".to_string())]
        );
        assert_eq!(
            speakers(&["A spokesman for the buyer said the sale would close in June."]),
            [Some("A spokesman".to_string())]
        );
        let (text, a) =
            run(&["A spokeswoman for Tidewater Hydro said the turbines would restart on Friday."]);
        assert_eq!(who(&text, &a)[0].1.as_deref(), Some("Tidewater Hydro"));
        let firm = a.entities.iter().find(|e| e.name == "Tidewater Hydro").unwrap();
        assert_ne!(firm.kind, entities::EntityKind::Person, "{firm:?}");
    }

    /// Rule `name_in_apposition`: the name set off after a description is its speaker,
    /// not the last person the description would fit.
    #[test]
    fn a_name_in_apposition_is_the_speaker() {
        assert_eq!(
            speakers(&[
                "Judge Ola Brandt heard the case in May. The third judge, Kari Wenn, dissented, saying the harbour board had been entitled to act."
            ]),
            [Some("Kari Wenn".to_string())]
        );
        // The name with where the person belongs.
        assert_eq!(
            speakers(&[
                "Judge Ola Brandt heard the case in May. “We lost a day,” the mediator, Ines Moll of the county court, said."
            ]),
            [Some("Ines Moll".to_string())]
        );
    }

    /// The speaker names of every quote, in order.
    fn speakers(paras: &[&str]) -> Vec<Option<String>> {
        let (text, a) = run(paras);
        who(&text, &a).into_iter().map(|x| x.1).collect()
    }

    #[test]
    fn speakers_past_asides_adverbials_and_descriptions() {
        // An adverbial between subject and verb; an age and home town; a place where
        // the speaker spoke; a source described by what it knows; a poll.
        for (para, speaker) in [
            (
                "Dana Price at the time said the fee was “a fair price.”",
                "Dana Price",
            ),
            (
                "The ministry less than two weeks ago said the dam was “sound.”",
                "The ministry",
            ),
            (
                "Cory Hale, 22, of Flint, Mich., said he was “still hopeful.”",
                "Cory Hale",
            ),
            (
                "Mayor Ana Ruiz in an interview with Radio Nord said the plan was “dead.”",
                "Ana Ruiz",
            ),
            ("Senator Bo Hart assured his audience he would “never give up.”", "Bo Hart"),
            (
                "But a few days later, Mayor Lena Ortiz reversed herself, telling the council that the fee was “fair.”",
                "Lena Ortiz",
            ),
            (
                "Marsh, during a town hall in Dayton, Ohio, said she was “not worried.”",
                "Marsh",
            ),
            (
                "A source familiar with the talks said, “Nothing is agreed.”",
                "A source familiar with the talks",
            ),
            (
                "In a Harbour Times poll released Monday, 31 percent of voters said the tax was “unfair.”",
                "a Harbour Times poll released Monday",
            ),
        ] {
            let got = speakers(&[para]);
            assert!(
                !got.is_empty() && got.iter().all(|s| s.as_deref() == Some(speaker)),
                "{para}: {got:?}"
            );
        }
        // The question put to the mayor is the unnamed asker's (rule `asked_question`); her
        // answer is hers, past the verbs joined before "said".
        let para = "Asked about the fee, Mayor Lena Ortiz looked into the camera, furrowed her brow and said, “Ask me later.”";
        assert_eq!(
            speakers(&[para]),
            [None, Some("Lena Ortiz".to_string())],
            "{para}"
        );
    }

    #[test]
    fn a_second_speaker_joined_by_and() {
        let (text, a) = run(&[
            "Halfway through, a deckhand asked about the fares and Mayor Lena Ortiz said, “Not today.”",
        ]);
        assert_eq!(sole_direct_speaker(&text, &a).as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn a_quote_with_its_own_attribution_leaves_the_reported_clause() {
        let (text, a) = run(&[
            "Mayor Lena Ortiz spoke first. Later, Councillor Abe Kahn asserted that the town had changed: “It is no longer our town,” he claimed.",
        ]);
        let q = who(&text, &a);
        let direct: Vec<_> = q.iter().filter(|x| x.2 == QuoteKind::Direct && !x.3).collect();
        assert_eq!(direct.len(), 1, "{q:?}");
        assert_eq!(direct[0].0, "“It is no longer our town,”");
        assert_eq!(direct[0].1.as_deref(), Some("Abe Kahn"));
    }

    /// The cue kind of every quote that is not partial, with the cue's text.
    fn cue_kinds(paras: &[&str]) -> Vec<(String, Option<CueKind>)> {
        let (text, a) = run(paras);
        a.quotes
            .iter()
            .filter(|q| !q.partial)
            .map(|q| {
                (
                    q.cue.and_then(|c| c.slice(&text)).unwrap_or("").to_string(),
                    q.cue_kind,
                )
            })
            .collect()
    }

    /// A rule's name is what records write for it.
    #[test]
    fn rule_names_are_what_records_write() {
        let all = frames::FRAMES
            .iter()
            .map(|r| r.rule)
            .chain([QuoteRule::Continued, QuoteRule::Unattributed]);
        for r in all {
            assert_eq!(serde_json::to_value(r).unwrap(), r.name());
            let back: QuoteRule = serde_json::from_value(serde_json::json!(r.name())).unwrap();
            assert_eq!(back, r);
        }
        let (_, a) = run(&["“The council has never once asked the fishermen what they need here.”"]);
        assert_eq!(a.quotes[0].rule, Some(QuoteRule::Unattributed), "{:?}", a.quotes);
    }

    #[test]
    fn cue_kinds_tell_speech_stance_source_and_deeds() {
        for (para, cue, kind) in [
            (
                "Harbour Minister Jo Brandt said the ferry would run all winter.",
                "said",
                CueKind::Speech,
            ),
            (
                "Sam Okafor argued that the toll was too high.",
                "argued",
                CueKind::Speech,
            ),
            (
                "“We are ready,” Mayor Lena Ortiz announced.",
                "announced",
                CueKind::Speech,
            ),
            ("BRANDT: The boats will sail at dawn.", ":", CueKind::Speech),
            (
                "Dana Cole believes that the bridge will hold.",
                "believes",
                CueKind::Stance,
            ),
            (
                "Councillor Abe Kahn hopes the market will reopen soon.",
                "hopes",
                CueKind::Stance,
            ),
            (
                "She wants the “temporary” toll scrapped.",
                "wants",
                CueKind::Stance,
            ),
            (
                "According to the Harbour Board, the toll will rise in May.",
                "According to",
                CueKind::Source,
            ),
            (
                "A Keldby Courier poll released Monday showed the mayor six points ahead.",
                "showed",
                CueKind::Source,
            ),
        ] {
            assert_eq!(cue_kinds(&[para]), vec![(cue.to_string(), Some(kind))], "{para}");
        }
        // A deed attributes nothing: no statement, whatever its clause quotes.
        for para in [
            "The mayor signed the “emergency” order on Friday.",
            "The council voted 14 to 5 to close the pier.",
            "Rebel units have seized the “strategic” bridge at Vik.",
        ] {
            assert_eq!(cue_kinds(&[para]), vec![], "{para}");
        }
        // A deed followed by a verb of saying says it; a verb phrase that introduces a
        // quotation with a colon says it.
        for (para, cue) in [
            ("The mayor went on to call the toll “a disgrace.”", "call"),
            ("Jo Brandt went even further: “The pier is finished.”", "went"),
        ] {
            assert_eq!(
                cue_kinds(&[para]),
                vec![(cue.to_string(), Some(CueKind::Speech))],
                "{para}"
            );
        }
        // A quotation that continues its speaker has no cue, and so no cue kind; in JSON
        // the kind is a lower-case word, left out when there is none.
        let (_, a) = run(&["Jo Brandt told the harbour board:", "“The ships are ready.”"]);
        let json: Vec<serde_json::Value> = a
            .quotes
            .iter()
            .map(|q| serde_json::to_value(q).unwrap())
            .collect();
        assert_eq!(json.len(), 1, "{json:?}");
        // Each quote names the rule that produced it: the frame, or "continued".
        assert_eq!(json[0]["rule"], "continued");
        assert!(
            json[0].get("cue_kind").is_none() && json[0].get("cue").is_none(),
            "{}",
            json[0]
        );
        let (_, a) = run(&["“We will not wait,” Jo Brandt said."]);
        let json = serde_json::to_value(&a.quotes[0]).unwrap();
        assert_eq!(json["cue_kind"], "speech");
        assert_eq!(json["rule"], "content_then_source");
    }
}
