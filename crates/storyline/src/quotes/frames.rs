//! Attribution frames: the ways a sentence attributes content to a source, each a named
//! rule with the reason it exists, tried from [`FRAMES`] in order.
//!
//! A sentence is tried in three stages. A **sentence frame** matches the sentence as a
//! whole (a transcript label, a signed quotation) and is then its only frame. Otherwise the
//! tokens are scanned for cues: "according to" and the speech verbs, where the **cue
//! frames** are tried in turn; a sentence may hold several, each taking the tokens up to
//! its end. A sentence with no frame from a cue is given to the **fallback frames**.

use super::sources::{
    appositive_source, leading_noun_phrase, named_clause_subject, poll_source, source_after, source_before,
    subject_at, subject_of, Source,
};
use super::words::{
    self, is_aux, is_clause_punct, is_determiner, is_evidence_noun, is_evidence_verb,
    is_headline_section_word, is_irregular_past,
};
use super::{CueKind, QuoteRule, Sentence};
use crate::entities::lexicon::{self, Pronoun};
use crate::entities::EntityKind;
use crate::span::Span;
use crate::text::tokens::Kind;
use crate::time::is_form_of_be;

/// A frame found in a sentence: the cue, its kind, the source phrase and the content.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) cue: Span,
    pub(super) kind: CueKind,
    pub(super) source: Option<Source>,
    /// Content as token ranges of the sentence (inclusive), in order.
    pub(super) content: Vec<(usize, usize)>,
    /// The rule that found it (its entry in [`FRAMES`]).
    pub(super) rule: QuoteRule,
}

/// A named way of finding a frame.
pub(super) struct FrameRule {
    pub(super) rule: QuoteRule,
    /// Why the rule exists, in one line.
    pub(super) reason: &'static str,
    pub(super) find: Finder,
}

/// When a rule is tried and what it looks at.
pub(super) enum Finder {
    /// The whole sentence, before any cue: when it matches, the sentence has no other frame.
    Sentence(fn(&Scan) -> Option<Frame>),
    /// A source phrase starting at a token ("according to"): the step it makes.
    Phrase(fn(&Scan, usize, usize) -> Option<Step>),
    /// A speech verb at a token, with what lies around it.
    Cue(fn(&Scan, &Cue) -> Option<Frame>),
    /// The whole sentence, when no cue made a frame.
    Fallback(fn(&Scan) -> Option<Frame>),
}

impl Finder {
    /// The stage the rule belongs to.
    pub(super) fn stage(&self) -> &'static str {
        match self {
            Finder::Sentence(_) => "sentence",
            Finder::Phrase(_) => "phrase",
            Finder::Cue(_) => "cue",
            Finder::Fallback(_) => "fallback",
        }
    }
}

/// What a phrase rule did at a token: maybe a frame, where the next frame's content may
/// start, and where the scan goes on.
pub(super) struct Step {
    frame: Option<Frame>,
    used_until: Option<usize>,
    next: usize,
}

/// The frame rules, in the order they are tried within their stage.
pub(super) const FRAMES: &[FrameRule] = &[
    FrameRule {
        rule: QuoteRule::TranscriptLabel,
        reason: "a transcript line names its speaker before a colon: \"MAYOR: …\", \"Jo Roe: “…”\"",
        find: Finder::Sentence(transcript_label),
    },
    FrameRule {
        rule: QuoteRule::SignedQuotation,
        reason: "a quotation signed with a dash and a name: \"“…” — Jo Roe\"",
        find: Finder::Sentence(signed_quotation),
    },
    FrameRule {
        rule: QuoteRule::HeadlineLabel,
        reason: "a headline names its speaker in capitalised words before a colon and a quotation: \"Jo Roe: ‘We Stay Open.’\"",
        find: Finder::Sentence(headline_label),
    },
    FrameRule {
        rule: QuoteRule::HeadlineClaim,
        reason: "an article's headline \"Mira Solberg: Ferry Will Run All Winter\" gives the claim after the colon to the name before it, quoted or not",
        find: Finder::Sentence(headline_claim),
    },
    FrameRule {
        rule: QuoteRule::HeadlineVerb,
        reason: "a title-case headline \"Ines Lund Says Ferry Will Run All Winter\" or \"Ferry Will Run All Winter, Lund Says\": the capitalised words before a capitalised speech verb speak the rest",
        find: Finder::Sentence(headline_verb),
    },
    FrameRule {
        rule: QuoteRule::AccordingTo,
        reason: "\"according to X\" names the source of the clause before or after it",
        find: Finder::Phrase(according_to),
    },
    FrameRule {
        rule: QuoteRule::EndorsedName,
        reason: "\"The dockers' union endorsed Ines Lund\": an endorsement is a public statement of support; with a name as its object the subject's position is attributed",
        find: Finder::Phrase(endorsed_name),
    },
    FrameRule {
        rule: QuoteRule::AskedQuestion,
        reason: "\"Asked whether the pier would reopen, Lund said …\", \"… when asked about the fares\": the question is an attribution of its own, put by an asker the text leaves unnamed",
        find: Finder::Phrase(asked_question),
    },
    FrameRule {
        rule: QuoteRule::InRecord,
        reason: "\"In a harbour poll released Monday, the mayor led by nine points\": a poll or study that opens the sentence is the source of what the clause after it reports",
        find: Finder::Phrase(in_record),
    },
    FrameRule {
        rule: QuoteRule::FrontedParticiple,
        reason: "\"After saying …, she …\", \"Since announcing …, Roe has …\": a participle that opens the sentence after a subordinator has the main clause's subject as its speaker; the content ends where that clause begins",
        find: Finder::Cue(fronted_participle),
    },
    FrameRule {
        rule: QuoteRule::Participle,
        reason: "\", saying …\": the main clause's subject (or the sentence's last speaker) speaks",
        find: Finder::Cue(participle),
    },
    FrameRule {
        rule: QuoteRule::RecordSpeaks,
        reason: "\"The latest poll showed the mayor ahead\": a record or measurement attributes what its evidence verb introduces, with or without \"that\"",
        find: Finder::Cue(record_speaks),
    },
    FrameRule {
        rule: QuoteRule::BareClause,
        reason: "\"Officials believe the talks have stalled\": a verb of stance followed by a clause without \"that\" (a subject, then a finite auxiliary within a few words) attributes the clause",
        find: Finder::Cue(bare_clause),
    },
    FrameRule {
        rule: QuoteRule::SourceThenClause,
        reason: "\"X said (that) …\", with a quotation before X joined to it when the clause is explicit",
        find: Finder::Cue(source_then_clause),
    },
    FrameRule {
        rule: QuoteRule::WeakCueQuotation,
        reason: "\"She called the plan “a costly mistake”\", \", calling it “absurd”\": a verb of speech that needs a clause (\"call\", \"accuse\", \"vow\") attributes the quotation that follows it",
        find: Finder::Cue(weak_cue_quotation),
    },
    FrameRule {
        rule: QuoteRule::CitedObject,
        reason: "\"The union walked out, citing the pension cuts\", \"The board cited rising fuel costs\": citing names a reason or a record in support of one's case, and the attribution guidelines count it as speech whose content is the object",
        find: Finder::Cue(cited_object),
    },
    FrameRule {
        rule: QuoteRule::ObjectOfStance,
        reason: "\"The council opposes the new pier\", \"She praised the plan\": a verb of stance or judgement with a speaking subject before it attributes that position on its object, up to the clause's first punctuation",
        find: Finder::Cue(object_of_stance),
    },
    FrameRule {
        rule: QuoteRule::ContentThenSource,
        reason: "\"“…,” he said.\": the content comes first and the attribution closes the sentence",
        find: Finder::Cue(content_then_source),
    },
    FrameRule {
        rule: QuoteRule::SplitQuotation,
        reason: "\"“A,” Jo Roe, the mayor, said in a letter …\": a source set off by commas; what comes before and after it is content",
        find: Finder::Cue(split_quotation),
    },
    FrameRule {
        rule: QuoteRule::Inverted,
        reason: "\"…,” said X.\": the verb comes before its source",
        find: Finder::Cue(inverted),
    },
    FrameRule {
        rule: QuoteRule::IntroducesNextParagraph,
        reason: "\"Dr. Lund stated:\" closing a paragraph: its subject speaks the quotation that follows",
        find: Finder::Fallback(introduces_next_paragraph),
    },
    FrameRule {
        rule: QuoteRule::QuotationThenSpeaker,
        reason: "\"“…,” Hale barked.\": after a quotation a name and a short verb phrase attribute it",
        find: Finder::Fallback(quotation_then_speaker),
    },
    FrameRule {
        rule: QuoteRule::VerbFirst,
        reason: "\"Said Jo Roe, “…”\": a sentence may open with its speech verb",
        find: Finder::Fallback(verb_first),
    },
    FrameRule {
        rule: QuoteRule::SubjectVerb,
        reason: "\"She called it a “mistake”\": with no cue, the subject's main verb carries the quotation or stance",
        find: Finder::Fallback(subject_verb),
    },
];

/// Attribution frames in sentence `si`.
pub(super) fn frames_in(text: &str, sents: &[Sentence], si: usize) -> Vec<Frame> {
    let scan = Scan {
        text,
        s: &sents[si],
        n: sents[si].toks.len(),
        first_speech: std::cell::OnceCell::new(),
    };
    for rule in FRAMES {
        if let Finder::Sentence(find) = rule.find {
            if let Some(f) = find(&scan) {
                return vec![f.named(rule.rule)];
            }
        }
    }
    let mut frames = scan.cue_frames();
    if let Some(f) = main_clause_tail(&scan, &frames) {
        frames.push(f.named(QuoteRule::SubjectVerb));
    }
    // Positions held on objects are the weakest frames: a sentence with only those is
    // read by the fallback frames first, as it was before they existed; those after the
    // fallback frame's words stay (`stance_after_fallback`).
    if frames.iter().all(|f| f.rule == QuoteRule::ObjectOfStance) {
        for rule in FRAMES {
            if let Finder::Fallback(find) = rule.find {
                if let Some(f) = find(&scan) {
                    frames = stance_after_fallback(scan.s, f.named(rule.rule), frames);
                    break;
                }
            }
        }
    }
    frames
}

/// Rule `stance_after_fallback`: "Mediator Ines Berg called both ministers on Monday and
/// urged them to keep their boats apart": when a fallback frame reads a sentence that had
/// only positions held on objects, the positions whose cue comes after the fallback
/// frame's words are statements of their own and stay beside it (the guidelines give
/// each cue its own content).
fn stance_after_fallback(s: &Sentence, fallback: Frame, stances: Vec<Frame>) -> Vec<Frame> {
    let end = fallback.end(fallback.cue_token(s));
    let later = stances.into_iter().filter(|g| g.cue_token(s) >= end);
    std::iter::once(fallback).chain(later).collect()
}

/// How far back `past_after_modal_at` reads a reported clause for its modal.
const MODAL_CLAUSE_TOKENS: usize = 40;

impl Frame {
    fn named(self, rule: QuoteRule) -> Frame {
        Frame { rule, ..self }
    }

    /// The token of the frame's cue (its first token; tokens are in text order).
    fn cue_token(&self, s: &Sentence) -> usize {
        s.toks.partition_point(|t| t.span.start < self.cue.start)
    }

    /// The token after everything the frame took (its content, cue and source).
    fn end(&self, cue: usize) -> usize {
        let content = self.content.iter().map(|c| c.1).max().unwrap_or(cue);
        let source = self.source.map_or(cue, |s| s.last);
        content.max(cue).max(source) + 1
    }
}

fn frame(cue: Span, kind: CueKind, source: Option<Source>, content: Vec<(usize, usize)>) -> Frame {
    Frame {
        cue,
        kind,
        source,
        content,
        // Set by the rule table once a rule matched (`named`).
        rule: QuoteRule::Unattributed,
    }
}

/// A sentence being read for frames.
pub(super) struct Scan<'a> {
    text: &'a str,
    s: &'a Sentence,
    n: usize,
    /// The first speech verb outside quotation marks, found once when a cue asks
    /// (rule `bare_clause`; asking from every cue would be quadratic in a long sentence).
    first_speech: std::cell::OnceCell<Option<usize>>,
}

/// A speech verb at token `i` and what lies around it, worked out once for the cue rules.
pub(super) struct Cue {
    i: usize,
    span: Span,
    lemma: &'static str,
    /// The word before the cue is a comma or a quotation mark (or there is none).
    prev_is_break: bool,
    /// The verb attributes on its own ("said"), not only with a clause ("believes that").
    strong: bool,
    /// Where the content after the cue starts.
    a: usize,
    /// "that", ":" or a quotation follows: a clause for sure.
    explicit: bool,
    /// Nothing but punctuation follows.
    after_empty: bool,
    /// The source phrase before the cue.
    src_before: Option<Source>,
    /// ", saying …": the cue is a participle whose subject is the main clause's.
    participle: bool,
    /// An evidence verb whose source is a record ("the poll showed"): rule `record_speaks`.
    record: bool,
    /// A verb of stance with a clause after it and no "that": rule `bare_clause`.
    bare: bool,
    /// A verb of stance that takes an object ("opposes", "wants"), not a speech verb:
    /// rule `object_of_stance`.
    object_stance: bool,
    /// A verb of speech that takes its content as an object ("cited", "citing"): rule
    /// `cited_object`.
    object_speech: bool,
    /// Tokens before this are an earlier frame's.
    used_until: usize,
    /// The source of the sentence's latest frame.
    last_source: Option<Source>,
}

impl Cue {
    fn kind(&self) -> CueKind {
        if self.object_stance {
            CueKind::Stance
        } else if self.object_speech {
            CueKind::Speech
        } else {
            lemma_kind(self.lemma)
        }
    }
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.s.word(self.text, i)
    }

    /// The frames the sentence's cues make, in order.
    fn cue_frames(&self) -> Vec<Frame> {
        let (s, n) = (self.s, self.n);
        let mut frames: Vec<Frame> = Vec::new();
        let mut used_until = 0usize;
        let mut i = 0;
        'tokens: while i < n {
            if s.in_quote(i) || s.toks[i].kind != Kind::Word {
                i += 1;
                continue;
            }
            for rule in FRAMES {
                if let Finder::Phrase(find) = rule.find {
                    if let Some(step) = find(self, i, used_until) {
                        frames.extend(step.frame.map(|f| f.named(rule.rule)));
                        used_until = step.used_until.unwrap_or(used_until);
                        i = step.next;
                        continue 'tokens;
                    }
                }
            }
            let last_source = frames.last().and_then(|f| f.source);
            if let Some(cue) = self.speech_cue(i, used_until, last_source) {
                for rule in FRAMES {
                    // A verb of stance that takes an object is no speech verb: only its own
                    // rule reads it.
                    if cue.object_stance && rule.rule != QuoteRule::ObjectOfStance
                        || cue.object_speech != (rule.rule == QuoteRule::CitedObject)
                    {
                        continue;
                    }
                    if let Finder::Cue(find) = rule.find {
                        if let Some(f) = find(self, &cue) {
                            let stop = f.end(i);
                            frames.push(f.named(rule.rule));
                            used_until = stop;
                            i = stop;
                            continue 'tokens;
                        }
                    }
                }
            }
            i += 1;
        }
        frames
    }

    /// Rule `add_as_deed`: "add" says something with a clause or a quotation after it
    /// ("added that …", "adds, “…”", ", she added."); followed by "to", "up" or an amount
    /// it puts something on something ("added to her lead", "adds up to $3 million",
    /// "added 4,000 jobs").
    /// "Added to reporters", "added to The Courier": to whom it was said, still speech.
    fn adds_a_thing(&self, i: usize) -> bool {
        let next = self.word(i + 1);
        let after = self.word(i + 2);
        let to_listener = next == "to"
            && (after.starts_with(char::is_uppercase)
                || matches!(after, "reporters" | "journalists" | "me" | "us" | "him" | "them"));
        matches!(next, "to" | "up") && !to_listener || amount_after(self, i + 1)
    }

    /// The speech verb at token `i` with what lies around it; `None` when the word is no
    /// speech verb, is a noun ("a report", "claims of"), or is a passive or a "when asked".
    fn speech_cue(&self, i: usize, used_until: usize, last_source: Option<Source>) -> Option<Cue> {
        let (text, s, n) = (self.text, self.s, self.n);
        let w = self.word(i);
        let speech = lexicon::speech_lemma(w);
        let object_speech = words::object_speech_lemma(w);
        let object_stance = speech.is_none() && object_speech.is_none();
        let lemma = speech
            .or(object_speech)
            .or_else(|| words::object_stance_lemma(w))?;
        let object_speech = object_speech.is_some();
        if self.is_nominal(i) || deed_sense(self, i, Some(lemma)) || deed_by_object(self, i) {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| self.word(p));
        // The word before the verb past any adverbs ("was later charged").
        let before_adverbs = (0..i).rev().take(3).map(|p| self.word(p)).find(|p| {
            !(p.ends_with("ly") && p.len() > 4
                || matches!(
                    *p,
                    "later" | "also" | "then" | "since" | "never" | "not" | "first"
                ))
        });
        // "When asked about …", "as reported by …", "was later charged with …": not an
        // attribution of its own.
        if [prev, before_adverbs].into_iter().flatten().any(|p| {
            let p = lexicon::lower(p);
            matches!(p.as_ref(), "when" | "if" | "as" | "after") || is_form_of_be(&p)
        }) && w.ends_with("ed")
        {
            return None;
        }
        let prev_is_break =
            prev.is_some_and(|p| p == "," || matches!(s.toks[i - 1].kind, Kind::Quote { .. })) || i == 0;
        let (a, explicit) = self.content_start(i, lemma);
        let after_empty = a >= n
            || self.end_of_content(a) < a
            || s.toks[a..].iter().all(|t| t.kind == Kind::Punct)
            || self.setting_only(a);
        // Source before the cue ("X said"), or after a comma ("Ada Voss, who ran the
        // campaign, said …").
        let src_before = if !prev_is_break {
            source_before(text, s, i)
        } else if prev == Some(",") {
            appositive_source(text, s, i - 1, used_until)
                .or_else(|| source_before(text, s, i).filter(|sb| sb.first >= used_until))
                .or_else(|| self.antecedent_after_relative(i, used_until, last_source))
        } else {
            None
        };
        // "In a Harbour Times poll released Monday, 31 percent of voters said …": the poll.
        let src_before = src_before.map(|sb| poll_source(text, s, sb).unwrap_or(sb));
        if src_before.is_some_and(|sb| counted_participle(self, &sb, i)) {
            return None;
        }
        if !explicit && src_before.is_some_and(|sb| compound_noun_cue(self, &sb, a)) {
            return None;
        }
        // "Roe accused the board of “waste” and insisted that …": a verb joined by "and"
        // to an earlier statement of the sentence has that statement's source.
        let src_before = src_before.or_else(|| {
            let joined = prev.is_some_and(|p| matches!(p, "and" | "but")) && !w.ends_with("ing");
            last_source.filter(|_| joined)
        });
        // ", saying …", and "X released a statement saying …": the subject speaks, not
        // the object before the participle (unless that is a name or a pronoun).
        let named_before = src_before.is_some_and(|sb| {
            lexicon::pronoun(self.word(sb.last)).is_some() || s.names.iter().any(|c| c.last == sb.last)
        });
        let participle = w.ends_with("ing") && (prev.is_some_and(|p| p == ",") || !named_before && i > 0);
        // "The poll showed …", not "a photo … is shown" nor "the report was found".
        let passive = before_adverbs.is_some_and(is_form_of_be);
        let record = !passive && is_evidence_verb(w) && src_before.is_some_and(|sb| self.names_a_record(sb));
        // Not nested in another verb's statement ("told reporters that he thinks …"): asked
        // last, for the few cues that would make a bare clause.
        let bare = !explicit
            && !participle
            && lexicon::is_cognition_lemma(lemma)
            && self.bare_clause(a)
            && self.first_speech().is_none_or(|f| f >= i);
        Some(Cue {
            i,
            span: s.toks[i].span,
            lemma,
            prev_is_break,
            strong: lexicon::is_strong_cue(lemma),
            record,
            bare,
            object_stance,
            object_speech,
            a,
            explicit,
            after_empty,
            src_before,
            participle,
            used_until,
            last_source,
        })
    }

    /// "Lund, who said the pier was safe, said …": after a relative clause's statement
    /// that ended at the comma before the cue, the main clause's verb has the relative
    /// pronoun's antecedent as its source (rule `relative_clause_end`).
    fn antecedent_after_relative(&self, i: usize, used_until: usize, last: Option<Source>) -> Option<Source> {
        let rel = last?;
        let comma = rel.first.checked_sub(1)?;
        let set_off = rel.first == rel.last
            && matches!(self.word(rel.first), "who" | "which")
            && self.word(comma) == ",";
        if !(set_off && used_until + 1 >= i && comma > 0) {
            return None;
        }
        source_before(self.text, self.s, comma)
    }

    /// Rule `bare_clause`: whether a clause begins at token `a` without "that": a subject
    /// (a pronoun, a name or a noun phrase, no punctuation, no "to") and a finite
    /// auxiliary, modal or form of "be" within the next six words ("the talks have
    /// stalled", "Beijing has cut", "meaningful relief is possible").
    fn first_speech(&self) -> Option<usize> {
        *self.first_speech.get_or_init(|| {
            (0..self.n).find(|&k| !self.s.in_quote(k) && lexicon::speech_lemma(self.word(k)).is_some())
        })
    }

    fn bare_clause(&self, a: usize) -> bool {
        const REACH: usize = 6;
        let s = self.s;
        let word = |k: usize| k < self.n && s.toks[k].kind == Kind::Word && !s.in_quote(k);
        if !word(a)
            || matches!(
                self.word(a),
                "to" | "as" | "of" | "about" | "for" | "so" | "in" | "on" | "what" | "how" | "if"
            )
        {
            return false;
        }
        (a + 1..(a + 1 + REACH).min(self.n))
            .take_while(|&k| word(k))
            .any(|k| words::is_finite_auxiliary(self.word(k)))
    }

    /// Rule `record_speaks`: whether the source phrase is headed by a record or a
    /// measurement ("The latest harbour poll", "Filings from the fund's last quarter"):
    /// an evidence noun before the phrase's first preposition or comma. Such a source
    /// attributes what its evidence verb introduces without a "that" ("the poll showed
    /// the mayor ahead"), as a speech verb does.
    /// The phrase found may also be the object of a preposition after the record ("The
    /// poll by the Harbour Institute", "A video of the crossing"): a record within four
    /// words before that preposition counts.
    fn names_a_record(&self, src: Source) -> bool {
        let stop = |w: &str| {
            matches!(
                w,
                "," | "of"
                    | "from"
                    | "by"
                    | "for"
                    | "in"
                    | "on"
                    | "with"
                    | "at"
                    | "conducted"
                    | "released"
                    | "published"
                    | "compiled"
            )
        };
        let head = (src.first..=src.last)
            .map(|k| self.word(k))
            .take_while(|w| !stop(w))
            .any(is_evidence_noun);
        head || self.record_before(src).is_some()
    }

    /// Where a record named just before the source phrase's preposition begins ("A
    /// survey by …", "Filings from …"): the phrase from there is the record's.
    fn record_before(&self, src: Source) -> Option<usize> {
        let p = src
            .first
            .checked_sub(1)
            .filter(|&p| matches!(self.word(p), "of" | "from" | "by" | "in"))?;
        let word = |k: usize| self.s.toks[k].kind == Kind::Word && !self.s.in_quote(k);
        let noun = (p.saturating_sub(4)..p)
            .rev()
            .take_while(|&k| word(k))
            .find(|&k| is_evidence_noun(self.word(k)))?;
        let mut first = noun;
        while first > 0 && noun - first < 5 && word(first - 1) && !words::is_boundary(self.word(first - 1)) {
            first -= 1;
        }
        Some(first)
    }

    /// A speech-verb form used as a noun: "a report", "his comments", "the state of",
    /// "claims of", "reports were".
    fn is_nominal(&self, i: usize) -> bool {
        let w = self.word(i);
        let next = self.word(i + 1);
        // Rule `noun_before_predicate`: "the weak harbour report could delay …", "a new
        // council report shows …", "an updated warning will be …": a present or "-ing"
        // form followed by a modal, "is"/"was"/"has", or a verb of its own is the
        // subject's noun, not its verb.
        // Only words that are nouns of speech as well ("report", "tweet"): "which critics
        // say is …", "the man officials said was …" keep their verb.
        // An "-ing" form only before a modal proper: "echoing comments by …" goes on to its
        // object, and "what I am asking is that …" keeps its verb. The word after is
        // looked at first: most cues have neither after them.
        let modal_proper = matches!(
            next,
            "could" | "would" | "will" | "may" | "might" | "must" | "should" | "can"
        );
        if modal_proper && w.ends_with("ing") {
            return true;
        }
        let predicate_next = modal_proper
            || matches!(next, "is" | "was" | "has")
            || next.ends_with('s') && lexicon::speech_lemma(next).is_some();
        if predicate_next && !w.ends_with("ed") && lexicon::is_speaking_noun(&lexicon::lower(w)) {
            return true;
        }
        if self.article_adjective_noun(i) {
            return true;
        }
        i.checked_sub(1).is_some_and(|p| {
            let pw = self.word(p);
            matches!(
                pw,
                "a" | "an"
                    | "the"
                    | "A"
                    | "An"
                    | "The"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "any"
                    | "no"
                    | "new"
                    | "recent"
                    | "latest"
                    | "home"
                    | "whose"
                    | "of"
            ) || pw.ends_with("'s")
                || pw.ends_with("’s")
        }) || next == "of" && w.ends_with('s') && w != "says"
            || matches!(w, "state" | "states") && next != "that"
            // "Republican claims as false", "reports of fraud": a plural noun.
            || w.ends_with('s')
                && w != "says"
                && matches!(
                    next,
                    "as" | "of" | "in" | "on" | "by" | "from" | "with" | "about" | "were" | "are" | "was" | "is"
                        | "have" | "had" | "and" | "or"
                )
    }

    /// Rule `article_adjective_noun`: "a controversial tweet", "an additional report", "a
    /// cautious note", "a 40-page report": after "a" or "an" and one lower-case word (or a
    /// count joined to a word), a cue in its base form is a noun, for a singular subject
    /// would give the verb its "-s" ("a spokesman says"). A share of people keeps its verb
    /// ("a majority say", "a few say"). After a possessive ("her initial tweet", "its
    /// latest report") the same holds when the word between is no plural and no word for
    /// people ("his aides say", "her team say" keep their verb); after "the", when a
    /// preposition follows as it follows the noun ("the final say on payouts").
    fn article_adjective_noun(&self, i: usize) -> bool {
        let w = self.word(i);
        let base =
            !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing") || words::is_irregular_past(w));
        if !base || i < 2 || self.s.toks[i - 1].kind != Kind::Word {
            return false;
        }
        let m = self.word(i - 1);
        let compound_count = m.contains('-')
            && m.chars().any(char::is_alphabetic)
            && m.chars()
                .all(|c| c.is_lowercase() || c == '-' || c.is_ascii_digit());
        let lower_word = m.chars().all(|c| c.is_lowercase() || c == '-') || compound_count;
        if !lower_word || words::is_share_word(m) || crate::claims::cardinal_word(m) {
            return false;
        }
        let det = lexicon::lower(self.word(i - 2));
        match det.as_ref() {
            "a" | "an" => true,
            "her" | "his" | "its" | "their" | "our" | "my" | "your" => {
                !m.ends_with('s')
                    && !super::sources::plural_of_people(m)
                    && !lexicon::is_speaking_noun(m)
                    && !lexicon::is_org_word(m)
                    && !lexicon::is_role_head(m)
            }
            "the" => matches!(self.word(i + 1), "on" | "in" | "over"),
            _ => false,
        }
    }

    /// Where the content after the cue at `i` starts — past "that", the object of "tell"
    /// or "urge", a day ("said Monday"), a colon — and whether a clause surely follows.
    fn content_start(&self, i: usize, lemma: &str) -> (usize, bool) {
        let (s, n) = (self.s, self.n);
        let mut a = i + 1;
        let mut explicit = false;
        if matches!(lemma, "tell" | "ask" | "urge" | "assure") {
            // Object: up to a few words before "that", a comma, colon or quote.
            let mut k = a;
            while k < n && k - a < 5 && s.toks[k].kind == Kind::Word && self.word(k) != "that" {
                k += 1;
            }
            // A number with a word after it ends no object ("told reporters the ruling
            // put 350 jobs at risk": the content is the clause); a year before a comma
            // does ("told the paper in 2012, …").
            let counted = |k: usize| {
                s.toks[k].kind == Kind::Number && s.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
            };
            let stop = k < n && (self.word(k) == "that" || s.toks[k].kind != Kind::Word && !counted(k));
            if stop && k > a {
                a = k;
            } else if matches!(lemma, "tell" | "assure") && k > a {
                // "told reporters the plan was dead", "assured his audience he would":
                // one object word or name, after its determiner ("told The Daily Star").
                let mut o = if is_determiner(self.word(a)) { a + 1 } else { a };
                // "told cheering supporters", "told waiting reporters" (not "told a
                // meeting of …": after a determiner the "-ing" word is the noun).
                if o == a
                    && self.word(o).ends_with("ing")
                    && o + 1 < k
                    && is_lower_word(self, o + 1)
                    && !lexicon::is_function_word(self.word(o + 1))
                {
                    o += 1;
                }
                a = s
                    .names
                    .iter()
                    .find(|c| c.phrase_first == o || c.phrase_first == a)
                    .map_or(o + 1, |c| c.last + 1);
                let setting = a < n && self.word(a) != "to" && words::is_adjunct_preposition(self.word(a));
                if setting && !self.holds_a_verb(a) {
                    a = n;
                }
            }
        }
        // Rule `cue_time_before_content`: the time of the saying right after the verb
        // ("said on Monday that", "said earlier this month that", "said last year that")
        // is not what was said; a time that owns a noun ("said this year's budget …") is.
        // A time of more than a day's words is passed only where what was said follows it
        // ("reported later, the ferry sank": the clause after the comma is the content).
        let possessed = |k: usize| k + 1 < n && matches!(self.word(k + 1), "'s" | "’s");
        let skip = |from: usize, time: &dyn Fn(&str) -> bool| {
            (from..n)
                .find(|&k| {
                    s.toks[k].kind != Kind::Word || !time(self.word(k)) || possessed(k) || s.in_quote(k)
                })
                .unwrap_or(n)
        };
        let day_word = |w: &str| lexicon::is_calendar_word(w) || words::is_day_time_word(w);
        let any_time = |w: &str| words::is_time_word(w) || matches!(w, "earlier" | "later");
        let wide = skip(a, &any_time);
        a = if wide < n && s.toks[wide].kind == Kind::Word {
            wide
        } else {
            skip(a, &day_word)
        };
        // Rule `setting_before_that`: "said in a memo that …", "said during the hearing
        // that …": a phrase of setting between the cue and "that" is not content.
        if a < n && words::is_adjunct_preposition(&self.word(a).to_lowercase()) && !s.in_quote(a) {
            let that = (a + 1..n.min(a + 8))
                .take_while(|&k| matches!(s.toks[k].kind, Kind::Word | Kind::Number) && !s.in_quote(k))
                .find(|&k| self.word(k) == "that");
            if let Some(k) = that {
                a = k;
            }
        }
        // "…, he said, adding …": a comma after the cue closes the attribution unless a
        // quotation follows it.
        let quote_after = |k: usize| {
            s.toks
                .get(k)
                .is_some_and(|t| matches!(t.kind, Kind::Quote { .. }))
        };
        if a < n && self.word(a) == "," && !quote_after(a + 1) {
            a = n;
        } else if a < n && self.word(a) == "that" {
            explicit = true;
        } else if a < n && matches!(self.word(a), ":" | ",") {
            explicit = quote_after(a + 1) || self.word(a) == ":";
            a += 1;
        }
        if a < n && matches!(s.toks[a].kind, Kind::Quote { .. }) {
            explicit = true;
        }
        (a, explicit)
    }

    /// Rule `told_whom_where`: whether the words from token `a` to the sentence's end
    /// hold a verb (a finite or negated auxiliary — not the adverbs `is_aux` also passes,
    /// "later" —, a past tense or a verb the lexicon knows) or a
    /// quotation. After "told" and its object, a phrase of setting without one ("told
    /// cheering supporters in the square late on Sunday") is not what was said.
    fn holds_a_verb(&self, a: usize) -> bool {
        (a..self.n).any(|k| {
            let w = self.word(k);
            matches!(self.s.toks[k].kind, Kind::Quote { .. })
                || self.s.toks[k].kind == Kind::Word
                    && (words::is_finite_auxiliary(w)
                        || words::is_negated_auxiliary(w)
                        || w.ends_with("ed")
                        || is_irregular_past(w)
                        || is_known_verb(w))
        })
    }

    /// The last token before the final full stop (or the closing quote holding it).
    /// Whether all that follows the cue from token `a` is a short phrase of setting
    /// ("said at the gate", "said in a statement"): a preposition first, at most
    /// `SETTING_WORDS` words, no quotation, comma or clause in it. Such a phrase is not
    /// content: the content is elsewhere (a quotation before the source).
    fn setting_only(&self, a: usize) -> bool {
        const SETTING_WORDS: usize = 8;
        let e = self.end_of_content(a);
        if a >= self.n || e < a || e + 1 - a > SETTING_WORDS {
            return false;
        }
        let first = self.word(a).to_lowercase();
        words::is_adjunct_preposition(&first)
            && (a..=e).all(|k| {
                let w = self.word(k);
                let clause_word = w.ends_with("ed") && w.len() > 4
                    || is_aux(w)
                    || is_irregular_past(w)
                    || matches!(
                        w,
                        "that"
                            | "which"
                            | "who"
                            | "is"
                            | "was"
                            | "were"
                            | "are"
                            | "be"
                            | "can"
                            | "could"
                            | "should"
                            | "must"
                            | "might"
                            | "shall"
                    );
                !(matches!(self.s.toks[k].kind, Kind::Quote { .. }) || w == "," || clause_word)
            })
    }

    fn end_of_content(&self, from: usize) -> usize {
        let mut e = self.n - 1;
        while e > from && self.s.toks[e].kind == Kind::Punct && matches!(self.word(e), "." | "!" | "?" | "…")
        {
            e -= 1;
        }
        e
    }

    /// A speaker (a pronoun or a name) at token `k`, then a speech verb past any adverbs.
    fn speaker_speaks_at(&self, k: usize) -> bool {
        let s = self.s;
        let len = if lexicon::pronoun(self.word(k)).is_some() {
            Some(1)
        } else {
            s.names
                .iter()
                .find(|c| c.phrase_first == k && c.first <= c.last)
                .map(|c| c.last + 1 - k)
        };
        len.is_some_and(|len| {
            let mut v = k + len;
            while v < self.n && is_aux(self.word(v)) {
                v += 1;
            }
            v < self.n && lexicon::speech_lemma(self.word(v)).is_some()
        })
    }

    /// Rule of content ends, `phrase_speaks_at`: after ", while" / ", and" / ", but" a
    /// short noun phrase of words (no preposition, conjunction or clause word in it but
    /// "of") and then a finite strong speech verb ("…, while a third said …", "…, but
    /// most residents say …") is a new statement with a source of its own, as with a name
    /// or a pronoun there (`speaker_speaks_at`): the guidelines give each cue its own
    /// content. Not "but in a later interview said" nor "but went on to say" (a
    /// preposition). Bounded: at most `MAX_PHRASE` words are read.
    fn phrase_speaks_at(&self, k: usize) -> bool {
        /// The longest subject phrase read, in words.
        const MAX_PHRASE: usize = 6;
        let s = self.s;
        if k >= self.n || words::is_boundary(&self.word(k).to_lowercase()) {
            return false;
        }
        for v in k + 1..self.n.min(k + 1 + MAX_PHRASE) {
            let w = self.word(v);
            if s.toks[v].kind != Kind::Word || s.in_quote(v) {
                return false;
            }
            if words::is_boundary(&w.to_lowercase()) && w != "of" && lexicon::speech_lemma(w).is_none() {
                return false;
            }
            if let Some(lemma) = lexicon::speech_lemma(w) {
                let finite = w.ends_with("ed") || w.ends_with('s') || is_irregular_past(w) || w == "say";
                return finite && lexicon::is_strong_cue(lemma) && s.toks[k].kind == Kind::Word;
            }
        }
        false
    }

    /// Where content after a cue ends: the end of the sentence, or where the next
    /// statement begins (a quotation with its own attribution, ", insisting that …",
    /// "… and Ruiz said").
    fn clause_end(&self, from: usize) -> usize {
        let (s, n) = (self.s, self.n);
        // Content that opens with a quotation is the quotation ("said: “…”, referring to").
        if matches!(s.toks[from].kind, Kind::Quote { open: true }) {
            if let Some((_, b)) = s.quote_opening_at(from) {
                if b + 1 < n && s.toks[b + 1..].iter().any(|t| t.kind == Kind::Word) {
                    return b;
                }
            }
        }
        let mut k = from;
        while k + 1 < n {
            if let Some(e) = self.next_statement_at(from, k) {
                return e;
            }
            k += 1;
        }
        self.end_of_content(from)
    }

    /// Whether another statement begins at token `k` of content that starts at `from`;
    /// if so, the last token of the content.
    fn next_statement_at(&self, from: usize, k: usize) -> Option<usize> {
        let s = self.s;
        // "…: “A,” he claimed.": a quotation with its own attribution ends the content.
        if matches!(s.toks[k].kind, Kind::Quote { open: false }) && s.toks[k + 1].kind == Kind::Word {
            if let Some((qa, _)) = s.quote_closing_at(k) {
                let personal = matches!(
                    lexicon::pronoun(self.word(k + 1)),
                    Some(Pronoun::Male | Pronoun::Female)
                ) || lexicon::pronoun(self.word(k + 1)).is_none();
                if qa > from + 1 && personal && self.speaker_speaks_at(k + 1) {
                    let mut e = qa - 1;
                    while e > from && is_clause_punct(self.word(e)) {
                        e -= 1;
                    }
                    return Some(e);
                }
            }
        }
        // "… asked about the fares and Mayor Ruiz said, “…”": the next attribution begins.
        if matches!(self.word(k), "and" | "but")
            && !s.in_quote(k)
            && k > from + 1
            && self.word(k - 1) != ","
            && s.names
                .iter()
                .any(|c| c.phrase_first == k + 1 && c.first <= c.last)
            && self.speaker_speaks_at(k + 1)
        {
            return Some(k - 1);
        }
        if let Some(e) = self.semicolon_at(from, k) {
            return Some(e);
        }
        if let Some(e) = self.coordinated_clause_at(from, k) {
            return Some(e);
        }
        if let Some(e) = self.past_after_modal_at(from, k) {
            return Some(e);
        }
        if let Some(e) = self.narration_after_quotation_at(from, k) {
            return Some(e);
        }
        if let Some(e) = self.main_clause_after_subordinate(from, k) {
            return Some(e);
        }
        // "… accused the board of “waste” and insisted that …": a second verb of speech
        // of the same subject begins a statement of its own.
        if matches!(self.word(k), "and" | "but") && !s.in_quote(k) && k > from + 1 {
            let v = self.word(k + 1);
            let finite = v.ends_with("ed") || v.ends_with('s') || is_irregular_past(v);
            if finite && !s.in_quote(k + 1) && lexicon::speech_lemma(v).is_some_and(lexicon::is_strong_cue) {
                return Some(k - 1);
            }
            if finite && !s.in_quote(k + 1) && self.joined_position_at(k + 1) {
                let mut e = k - 1;
                while e > from && is_clause_punct(self.word(e)) {
                    e -= 1;
                }
                return Some(e);
            }
        }
        if self.word(k) == "," && !s.in_quote(k) && k > from && s.toks[k + 1].kind == Kind::Word {
            let next = self.word(k + 1);
            if next.ends_with("ing") && lexicon::speech_lemma(next).is_some() {
                return Some(k - 1);
            }
            // ", Brask responded: …" / ", he said, …" / ", although he tweeted …":
            // the next attribution begins.
            // ("although", "while", "as" and the like are subordinators.)
            let conj = usize::from(matches!(next, "but" | "and" | "with") || words::is_subordinator(next));
            let k = k + conj;
            if self.speaker_speaks_at(k + 1) || conj == 1 && self.phrase_speaks_at(k + 1) {
                return Some(k - 1);
            }
        }
        None
    }

    /// Rule of content ends, `semicolon_at`: "Lund wants a new pier; the mayor calls it a
    /// waste": a semicolon outside quotation marks joins a clause of its own, the writer's
    /// or another statement with its own cue, not more of what was reported before it.
    /// Returns the content's last token when token `k` is such a semicolon.
    fn semicolon_at(&self, from: usize, k: usize) -> Option<usize> {
        (self.word(k) == ";" && !self.s.in_quote(k) && k > from + 1).then(|| k - 1)
    }

    /// Rule of content ends, `joined_position_at`: "… said the pier was late and criticized
    /// the board", "… and opposes any new toll": after "and" or "but", a finite verb of
    /// speech (a weak one too) or of stance with an object begins a statement of its own
    /// of the same subject — the guidelines give each cue its own content. Not a verb whose
    /// object is no position ("found", "denied"); a verb of stance only when no quotation
    /// follows (a quotation there is read with the verb before it).
    fn joined_position_at(&self, v: usize) -> bool {
        let w = self.word(v);
        !words::has_no_object_stance(w)
            && (lexicon::speech_lemma(w).is_some()
                || words::object_stance_lemma(w).is_some() && !self.s.quoted_from(v))
    }

    /// Rule of content ends: ", and she VERB …" / "but he VERB …" after content that
    /// starts at `from`: a main clause of its own, with "he" or "she" as its subject and a
    /// finite verb, is the writer's narration of the speaker, not more of what was said
    /// ("Lund said the ferry was late, and she blamed the tides"); not after "that", which
    /// opens one clause that may hold several. Returns the content's last token.
    fn coordinated_clause_at(&self, from: usize, k: usize) -> Option<usize> {
        let s = self.s;
        // After "that" the clause is reported whole ("said that the server was open, and
        // he had access").
        let explicit = (from..k.min(from + 6))
            .any(|j| self.word(j) == "that" && !s.in_quote(j) && (j == from || self.word(j - 1) == ","));

        if explicit || !(matches!(self.word(k), "and" | "but") && !s.in_quote(k) && k > from + 1) {
            return None;
        }
        let subject = k + 1;
        if !matches!(
            lexicon::pronoun(self.word(subject)),
            Some(Pronoun::Male | Pronoun::Female)
        ) {
            return None;
        }
        let mut v = subject + 1;
        while v < self.n && is_aux(self.word(v)) {
            v += 1;
        }
        let vw = self.word(v);
        let finite = v < self.n
            && is_lower_word(self, v)
            && (v > subject + 1
                || vw.ends_with("ed")
                || is_irregular_past(vw)
                || vw.ends_with('s') && !vw.ends_with("ss"));
        // "… but he feels sure that …": a stance of the speaker's own goes on reporting.
        let stance = verb_kind(vw) == CueKind::Stance;
        if !finite || stance || s.in_quote(v) {
            return None;
        }
        let mut e = k - 1;
        while e > from && is_clause_punct(self.word(e)) {
            e -= 1;
        }
        Some(e)
    }

    /// Rule of content ends, `past_after_modal_at`: "Kovac said the docks would reopen on
    /// Friday and brushed aside complaints": after a reported clause whose verb is a modal
    /// and a bare verb, "and" with a past tense cannot join that verb (*"would reopen and
    /// brushed"), so it joins the cue: the speaker's own act, not more of what was said.
    /// Not after "be" or "have" ("would be repaired and reopened": a participle joins the
    /// participle), nor after "that" (one clause reported whole), nor a participle that
    /// ends the sentence. Returns the content's last token when token `k` is such an "and".
    fn past_after_modal_at(&self, from: usize, k: usize) -> Option<usize> {
        let s = self.s;
        if self.word(k) != "and" || s.in_quote(k) || k <= from + 2 || k + 2 >= self.n {
            return None;
        }
        let v = self.word(k + 1);
        let past = words::is_distinct_past(v) && is_lower_word(self, k + 1) && !s.in_quote(k + 1);
        // What follows shows a verb ("and brushed aside", "and pushed back against", "and
        // urged the board"), not an adjective before its noun ("and related businesses").
        if !past || s.toks[k + 2].kind != Kind::Word || !words::follows_a_verb(self.word(k + 2)) {
            return None;
        }
        // The reported clause is read back at most `MODAL_CLAUSE_TOKENS` tokens, so that a
        // long run of "and"s costs each the same (no rule is quadratic in a sentence).
        if k - from > MODAL_CLAUSE_TOKENS {
            return None;
        }
        let clause = from..k;
        if clause
            .clone()
            .any(|j| self.word(j) == "that" || self.word(j) == "and" || s.in_quote(j))
        {
            return None;
        }
        let modal_bare = clause.clone().any(|j| {
            crate::time::is_modal(self.word(j))
                && j + 1 < k
                && is_lower_word(self, j + 1)
                && !matches!(
                    self.word(j + 1),
                    "be" | "have" | "not" | "also" | "still" | "soon"
                )
        });
        modal_bare.then(|| {
            let mut e = k - 1;
            while e > from && is_clause_punct(self.word(e)) {
                e -= 1;
            }
            e
        })
    }

    /// Rule of content ends, `narration_after_quotation_at`: 'Brandt called the storm “a
    /// freak,” and the coast guard closed the port': after a quotation closes, ", and" or
    /// ", but" with a subject of its own (a determiner or a name, then at most four words)
    /// and a past tense is the writer's narration, not more of what was said. Returns the
    /// content's last token (the closing mark) when token `k` is such a conjunction.
    fn narration_after_quotation_at(&self, from: usize, k: usize) -> Option<usize> {
        let s = self.s;
        if !matches!(self.word(k), "and" | "but") || s.in_quote(k) || k < from + 3 {
            return None;
        }
        let closing = |j: usize| matches!(s.toks[j].kind, Kind::Quote { open: false });
        // “…,” and / “…”, and
        let mark = if self.word(k - 1) == "," && closing(k - 2) {
            k - 2
        } else if closing(k - 1) && self.word(k - 2) == "," {
            k - 1
        } else {
            return None;
        };
        let first = k + 1;
        // Not "and that …" (a second reported clause), nor what goes on to quote more of
        // the speaker's words ('and the crews would need “a long rest”').
        let opens = first < self.n
            && s.toks[first].kind == Kind::Word
            && self.word(first) != "that"
            && (words::is_determiner(self.word(first)) || !is_lower_word(self, first))
            && !s.quoted_from(first);
        if !opens {
            return None;
        }
        // The subject's words, then a past tense: an auxiliary or a modal (`is_aux` holds
        // both) first ("the port has reopened since") leaves the clause to the speaker.
        (first + 1..(first + 6).min(self.n))
            .take_while(|&v| s.toks[v].kind == Kind::Word && !is_aux(self.word(v)))
            .any(|v| is_lower_word(self, v) && words::is_distinct_past(self.word(v)))
            .then_some(mark)
    }

    /// Rule of content ends, `main_clause_after_subordinate`: a cue inside an adverbial
    /// clause that opens its sentence or follows a comma ("When Lund said the pier would
    /// close, Okafor shot back: “…”", "…, and after she praised the plan, he called it …")
    /// reports only that clause: at the comma that closes it, a name or a personal pronoun
    /// with a finite verb begins the main clause, whose subject is another source (or the
    /// same one, speaking anew). `from` is where the cue's content starts, `k` the comma;
    /// returns the content's last token.
    fn main_clause_after_subordinate(&self, from: usize, k: usize) -> Option<usize> {
        let s = self.s;
        if self.word(k) != "," || s.in_quote(k) || k <= from + 1 {
            return None;
        }
        // The cue's clause opens with a subordinator: read back from the content's start
        // to the sentence's start or a comma, colon or quotation mark.
        let subordinate = (0..from)
            .rev()
            .take_while(|&j| s.toks[j].kind == Kind::Word && !s.in_quote(j))
            .any(|j| words::is_subordinator(self.word(j)));
        if !subordinate {
            return None;
        }
        let subject = k + 1;
        if subject >= self.n || s.in_quote(subject) {
            return None;
        }
        let after_subject = if matches!(
            lexicon::pronoun(self.word(subject)),
            Some(Pronoun::Male | Pronoun::Female | Pronoun::Plural)
        ) {
            subject + 1
        } else {
            s.names
                .iter()
                .find(|c| c.phrase_first == subject && c.first <= c.last)
                .map(|c| c.last + 1)?
        };
        let mut v = after_subject;
        while v < self.n && is_aux(self.word(v)) {
            v += 1;
        }
        if v >= self.n || s.in_quote(v) || !is_lower_word(self, v) {
            return None;
        }
        let vw = self.word(v);
        let finite = v > after_subject
            || vw.ends_with("ed")
            || is_irregular_past(vw)
            || vw.ends_with('s') && !vw.ends_with("ss");
        if !finite {
            return None;
        }
        let mut e = k - 1;
        while e > from && is_clause_punct(self.word(e)) {
            e -= 1;
        }
        Some(e)
    }

    /// A quotation from `from` that ends just before the source at `src_first`; it must
    /// open there ("“A,” he said"), not be a title inside a phrase ("on the “Late Show,”
    /// Jo Roe said").
    fn quote_before(&self, from: usize, src_first: usize) -> Option<(usize, usize)> {
        let mut e = src_first.checked_sub(1)?;
        while e > from && is_clause_punct(self.word(e)) {
            e -= 1;
        }
        let mut b = from;
        while b < e && is_clause_punct(self.word(b)) {
            b += 1;
        }
        (e >= from && self.s.in_quote(e) && self.s.in_quote(b)).then_some((from, e))
    }
}

/// "WALLACE: …", "MR. TRUMP: …", "Ortiz: “…”".
fn transcript_label(scan: &Scan) -> Option<Frame> {
    let (s, n) = (scan.s, scan.n);
    let l0 = usize::from(matches!(s.toks.first().map(|t| t.kind), Some(Kind::Quote { .. })));
    let c = (l0..n.min(l0 + 4))
        .find(|&k| scan.word(k) == ":")
        .filter(|&c| c > l0 && c + 1 < n)?;
    let shouted =
        (l0..c).all(|k| s.toks[k].kind == Kind::Word && scan.word(k).chars().all(|ch| !ch.is_lowercase()));
    // "Ortiz: “…”", or a transcript paragraph that opens with a quotation mark:
    // "\"Dana Cole: Honestly …".
    let named_label = s.names.iter().any(|nc| nc.phrase_first == l0 && nc.last + 1 == c)
        && (l0 == 1
            || matches!(
                s.toks.get(c + 1).map(|t| t.kind),
                Some(Kind::Quote { open: true })
            ));
    (shouted || named_label).then(|| {
        frame(
            s.toks[c].span,
            CueKind::Speech,
            Some(Source {
                first: l0,
                last: c - 1,
                speaks: true,
            }),
            vec![(c + 1, n - 1)],
        )
    })
}

/// The colon of a line that opens a paragraph with a label of one to four capitalised
/// words ("Jo Roe:", "Harbour Poll:"), not with a speech verb ("Said Jo Roe:" is
/// `verb_first`'s). Headlines are written in title case, where the name finder does not
/// look for names, so the label is taken by its shape.
fn label_colon(scan: &Scan) -> Option<usize> {
    const MAX_WORDS: usize = 4;
    let (s, n) = (scan.s, scan.n);
    if !s.first_in_para {
        return None;
    }
    let c = (1..n.min(MAX_WORDS + 1)).find(|&k| scan.word(k) == ":")?;
    let capitalised = (0..c)
        .all(|k| s.toks[k].kind == Kind::Word && scan.word(k).chars().next().is_some_and(char::is_uppercase));
    (capitalised && lexicon::speech_lemma(&scan.word(0).to_lowercase()).is_none()).then_some(c)
}

/// The frame of a label before colon `c`: the label speaks `content`.
fn label_frame(scan: &Scan, c: usize, content: (usize, usize)) -> Frame {
    let source = Source {
        first: 0,
        last: c - 1,
        speaks: true,
    };
    frame(scan.s.toks[c].span, CueKind::Speech, Some(source), vec![content])
}

/// "Jo Roe: ‘We Stay Open.’": a label, a colon and a quotation that is the rest of the
/// line.
fn headline_label(scan: &Scan) -> Option<Frame> {
    let c = label_colon(scan)?;
    let (qa, qb) = scan.s.quote_opening_at(c + 1)?;
    let rest_is_quote = (qb + 1..scan.n).all(|k| scan.s.toks[k].kind == Kind::Punct);
    rest_is_quote.then(|| label_frame(scan, c, (qa, qb)))
}

/// The headline of the article (its first paragraph) written "Label: claim" with no
/// quotation marks, no section word in the label ("Exclusive:", "The Latest:"): the
/// claim, to the end of the sentence, is the label's, unless it has a speech verb of its
/// own. (A claim that is all one quotation is `headline_label`'s, tried first.)
fn headline_claim(scan: &Scan) -> Option<Frame> {
    let (s, n) = (scan.s, scan.n);
    if s.para != 0 {
        return None;
    }
    let c = label_colon(scan)?;
    if (0..c).any(|k| is_headline_section_word(scan.word(k))) {
        return None;
    }
    let last = (c + 1..n).rev().find(|&k| s.toks[k].kind != Kind::Punct)?;
    // A claim with a speech verb of its own ("The Latest: Mayor Says …") names its speaker.
    let own_cue = (c + 1..=last).any(|k| lexicon::speech_lemma(&scan.word(k).to_lowercase()).is_some());
    (last > c && !own_cue).then(|| label_frame(scan, c, (c + 1, last)))
}

/// Rule `headline_verb`: the article's headline (its first sentence) in title case, with
/// a capitalised finite speech verb ("Says", "Tells", "Vows", "Said") after a run of
/// capitalised words that is its source: "Ines Lund Says Ferry Will Run All Winter" — the
/// rest of the line is the content; "Ferry Will Run All Winter, Ines Lund Says." — the
/// words before the comma are. Headlines are written in title case, where the cue finder
/// (which reads lower-case verbs) and the name finder do not look.
fn headline_verb(scan: &Scan) -> Option<Frame> {
    /// The longest source, in words.
    const MAX_SOURCE: usize = 6;
    let (s, n) = (scan.s, scan.n);
    if !(s.para == 0 && s.first_in_para) {
        return None;
    }
    let capital = |k: usize| {
        s.toks[k].kind == Kind::Word && scan.word(k).chars().next().is_some_and(char::is_uppercase)
    };
    let words: Vec<usize> = (0..n).filter(|&k| s.toks[k].kind == Kind::Word).collect();
    // Title case: all words of four letters or more capitalised but one.
    let long = words.iter().filter(|&&k| scan.word(k).chars().count() >= 4);
    if long.clone().filter(|&&k| !capital(k)).count() > 1 || long.count() < 3 {
        return None;
    }
    let last = (0..n).rev().find(|&k| s.toks[k].kind != Kind::Punct)?;
    let (v, lemma) = (1..=last)
        .filter(|&k| capital(k) && !s.in_quote(k))
        .find_map(|k| {
            let lower = scan.word(k).to_lowercase();
            let finite = lower.ends_with('s') || lower.ends_with("ed") || is_irregular_past(&lower);
            let named = capital(k - 1) && !lexicon::is_function_word(scan.word(k - 1));
            let lemma = lexicon::speech_lemma(&lower).filter(|_| finite && named)?;
            Some((k, lemma))
        })?;
    let first = (v.saturating_sub(MAX_SOURCE)..v)
        .rev()
        .take_while(|&k| capital(k) && !s.in_quote(k) && !lexicon::is_function_word(scan.word(k)))
        .last()?;
    let source = Source {
        first,
        last: v - 1,
        speaks: true,
    };
    let content = if v == last {
        // "…, Lund Says.": the words before the comma that opens the source.
        let comma = first.checked_sub(1).filter(|&c| scan.word(c) == ",")?;
        (0, comma.checked_sub(1)?)
    } else {
        (v + 1, last)
    };
    (content.0 <= content.1).then(|| frame(s.toks[v].span, lemma_kind(lemma), Some(source), vec![content]))
}

/// "“…” — Name": a quotation signed with a dash.
fn signed_quotation(scan: &Scan) -> Option<Frame> {
    let (s, n) = (scan.s, scan.n);
    for d in 1..n.saturating_sub(1) {
        let dash = matches!(scan.word(d), "―" | "—" | "–" | "-" | "--");
        let after_quote =
            (d.saturating_sub(2)..d).any(|k| matches!(s.toks[k].kind, Kind::Quote { open: false }));
        if !(dash && after_quote && !s.in_quote(d)) {
            continue;
        }
        let Some(c) = s
            .names
            .iter()
            .find(|c| c.phrase_first == d + 1 && c.first <= c.last)
        else {
            continue;
        };
        let q = (0..d)
            .rev()
            .find(|&k| matches!(s.toks[k].kind, Kind::Quote { open: false }));
        if let Some(q) = q {
            return Some(frame(
                s.toks[d].span,
                CueKind::Speech,
                Some(Source {
                    first: c.phrase_first,
                    last: c.last,
                    speaks: true,
                }),
                vec![(0, q)],
            ));
        }
    }
    None
}

/// "Y, according to X." / "According to X, Y." at token `i`.
fn according_to(scan: &Scan, i: usize, used_until: usize) -> Option<Step> {
    let (s, n) = (scan.s, scan.n);
    let w = scan.word(i);
    if !((w == "according" || w == "According")
        && s.toks.get(i + 1).is_some_and(|t| t.text(scan.text) == "to"))
    {
        return None;
    }
    let cue = Span::new(s.toks[i].span.start, s.toks[i + 1].span.end);
    let Some(src) = source_after(scan.text, s, i + 2) else {
        return Some(Step {
            frame: None,
            used_until: None,
            next: i + 2,
        });
    };
    let before = i.checked_sub(1).filter(|&b| b >= used_until);
    let content = if let Some(b) = before {
        // "Y, according to X."
        let mut e = b;
        while e > used_until && is_clause_punct(scan.word(e)) {
            e -= 1;
        }
        (e >= used_until).then_some((used_until, e))
    } else {
        // "According to X, Y."
        let mut a = src.last + 1;
        while a < n && is_clause_punct(scan.word(a)) {
            a += 1;
        }
        (a < n).then(|| (a, scan.end_of_content(a)))
    };
    let frame = content
        .filter(|c| c.0 <= c.1)
        .map(|c| frame(cue, CueKind::Source, Some(src), vec![c]));
    Some(Step {
        used_until: frame.is_some().then_some(n),
        frame,
        next: src.last + 1,
    })
}

/// Rule `asked_question`: "Asked whether the pier would reopen, Lund said …", "…, she
/// said when asked about the fares": "asked" opening the sentence or after "when", then
/// the question — a clause opened by "if", "whether" or a question word, or "about" and
/// its object. The question is what the unnamed asker said (the attribution guidelines
/// annotate it with no source); it runs to the first comma outside quotation marks, where
/// the answer's own clause begins, and no speaker is given.
fn asked_question(scan: &Scan, i: usize, used_until: usize) -> Option<Step> {
    /// Words passed between "asked" and the question ("asked by reporters whether").
    const REACH: usize = 4;
    let (s, n) = (scan.s, scan.n);
    let w = scan.word(i);
    let opens = w == "Asked" && (used_until..i).all(|k| s.toks[k].kind != Kind::Word);
    let after_when = w == "asked" && i > 0 && matches!(scan.word(i - 1), "when" | "When") && !s.in_quote(i);
    if !(opens || after_when) || s.in_quote(i) {
        return None;
    }
    let q = (i + 1..n.min(i + 2 + REACH))
        .take_while(|&k| s.toks[k].kind == Kind::Word && !s.in_quote(k))
        .find(|&k| {
            matches!(
                scan.word(k),
                "if" | "whether"
                    | "why"
                    | "what"
                    | "who"
                    | "whom"
                    | "which"
                    | "how"
                    | "when"
                    | "where"
                    | "about"
            )
        })?;
    let a = if scan.word(q) == "about" { q + 1 } else { q };
    let comma = (a..n).find(|&k| scan.word(k) == "," && !s.in_quote(k));
    let mut e = comma.map_or_else(|| scan.end_of_content(a), |c| c - 1);
    while e > a && is_clause_punct(scan.word(e)) {
        e -= 1;
    }
    if e < a || a >= n {
        return None;
    }
    let cue = if after_when {
        Span::new(s.toks[i - 1].span.start, s.toks[i].span.end)
    } else {
        s.toks[i].span
    };
    Some(Step {
        frame: Some(frame(cue, CueKind::Speech, None, vec![(a, e)])),
        used_until: Some(e + 1),
        next: e + 1,
    })
}

/// Rule `in_record`: "In a harbour poll released Monday, the mayor led by nine points",
/// "In the latest survey, 40 percent of skippers back the plan": a poll, survey or study
/// named in a phrase that opens the sentence reports the clause after its comma (the
/// guidelines take a record as a source, as with "according to"). The clause must hold no
/// verb of speech of its own outside quotation marks — "In a poll, 31 percent said …" is
/// read at "said", with the poll as its source (`poll_source`).
fn in_record(scan: &Scan, i: usize, used_until: usize) -> Option<Step> {
    /// The longest phrase read for the record, in tokens.
    const REACH: usize = 12;
    let (s, n) = (scan.s, scan.n);
    if !(scan.word(i) == "In" && (used_until..i).all(|k| s.toks[k].kind != Kind::Word)) {
        return None;
    }
    let comma = (i + 1..n.min(i + 1 + REACH)).find(|&k| scan.word(k) == "," || s.in_quote(k))?;
    if scan.word(comma) != "," || s.in_quote(comma) {
        return None;
    }
    let names_a_poll = (i + 1..comma).any(|k| {
        matches!(
            scan.word(k).to_lowercase().as_str(),
            "poll" | "polls" | "survey" | "surveys" | "study" | "studies"
        )
    });
    if !names_a_poll {
        return None;
    }
    // An aside on the record ("In the last poll, conducted in May, …") is part of its
    // phrase; what it found follows the aside's comma.
    let participle = |k: usize| {
        let w = scan.word(k);
        w.chars().all(char::is_lowercase) && (w.ends_with("ed") || w.ends_with("ing") || is_irregular_past(w))
    };
    let comma = if comma + 1 < n && participle(comma + 1) {
        (comma + 2..n.min(comma + 2 + REACH)).find(|&k| scan.word(k) == "," && !s.in_quote(k))?
    } else {
        comma
    };
    let a = comma + 1;
    // Another source named after it ("…, according to the polling site") is the source.
    let speaks_after = (a..n).any(|k| {
        let w = scan.word(k);
        !s.in_quote(k) && (lexicon::speech_lemma(w).is_some() || w == "according")
    });
    if speaks_after || a >= n {
        return None;
    }
    let e = scan.end_of_content(a);
    if e < a || !(a..=e).any(|k| s.toks[k].kind == Kind::Word) {
        return None;
    }
    let src = Source {
        first: i + 1,
        last: comma - 1,
        speaks: true,
    };
    let cue = s.toks[i].span;
    Some(Step {
        frame: Some(frame(cue, CueKind::Source, Some(src), vec![(a, e)])),
        used_until: Some(n),
        next: n,
    })
}

/// Rule `endorsed_name`: "The dockers' union endorsed Ines Lund for mayor", "Roe, who
/// endorsed Keldby First in March, …" at token `i`. To endorse is to declare one's
/// support in public, an attribution of the subject's position (cue kind `stance`); its
/// content is the object, here a name (with a role before it), to the end of its clause.
/// "endorsed by …" (a passive) and an object that is no name ("endorsed the idea") make
/// no frame.
fn endorsed_name(scan: &Scan, i: usize, used_until: usize) -> Option<Step> {
    let (text, s) = (scan.text, scan.s);
    if !(words::is_endorsement_verb(scan.word(i))
        && s.names
            .iter()
            .any(|c| c.phrase_first == i + 1 && c.first <= c.last))
    {
        return None;
    }
    let src = if i > 0 && scan.word(i - 1) == "," {
        appositive_source(text, s, i - 1, used_until)
    } else {
        source_before(text, s, i)
    }
    .filter(|src| src.first >= used_until && can_hold_a_position(scan, src))?;
    let end = scan.clause_end(i + 1);
    let end = (i + 2..end)
        .find(|&k| !s.in_quote(k) && is_clause_punct(scan.word(k)))
        .map_or(end, |k| k - 1);
    let frame = frame(s.toks[i].span, CueKind::Stance, Some(src), vec![(i + 1, end)]);
    // The words before the verb stay for later frames: an endorsement is often a relative
    // clause ("Roe, who endorsed Lund, said …") whose antecedent is the next statement's
    // source. The scan goes on after the content, whose words are no cues of their own.
    Some(Step {
        frame: Some(frame),
        used_until: None,
        next: end + 1,
    })
}

/// Whether a source phrase can hold a position: a name or capitalised head, a pronoun
/// (a relative one too), or a common noun that can speak ("the union", "officials") —
/// not whatever words stand before the verb ("could end up endorsing").
fn can_hold_a_position(scan: &Scan, src: &Source) -> bool {
    let head = scan.word(src.last);
    head.starts_with(char::is_uppercase)
        || matches!(head, "who" | "which" | "that")
        || lexicon::pronoun(head).is_some()
        || lexicon::is_speaking_noun(head)
        || lexicon::is_role_word(head)
        || lexicon::is_org_word(head)
}

/// ", saying …": the main clause's subject speaks (or the sentence's latest source).
fn participle(scan: &Scan, cue: &Cue) -> Option<Frame> {
    if !(cue.participle && !cue.after_empty && (cue.strong || cue.explicit)) {
        return None;
    }
    Some(frame(
        cue.span,
        cue.kind(),
        participle_subject(scan, cue),
        vec![(cue.a, scan.clause_end(cue.a))],
    ))
}

/// Rule `fronted_participle`: "After saying the ferry was late, she …", "In explaining why
/// …, Roe described …", "Days after announcing …, the mayor …". An adverbial clause
/// led by a participle opens the sentence (at most four words before it, the last a
/// subordinator); its understood subject is the main clause's, which begins after the
/// comma that closes the adverbial clause (outside quotation marks, or the comma at the end
/// of a quotation). The content is the participle's clause, up to that comma.
fn fronted_participle(scan: &Scan, cue: &Cue) -> Option<Frame> {
    /// Words before the participle, the subordinator included ("One month after").
    const MAX_LEAD: usize = 4;
    if !(cue.participle && !cue.after_empty && (cue.strong || cue.explicit)) {
        return None;
    }
    let s = scan.s;
    let sub = cue.i.checked_sub(1)?;
    if !matches!(
        scan.word(sub).to_lowercase().as_str(),
        "after" | "before" | "since" | "while" | "when" | "in"
    ) || sub >= MAX_LEAD
        || (0..=sub).any(|k| s.toks[k].kind != Kind::Word || s.in_quote(k))
        || !scan.word(0).starts_with(char::is_uppercase)
    {
        return None;
    }
    // The comma that closes the adverbial clause: outside quotation marks, or the last
    // word of a quotation ending in a comma ("… on,” she said").
    let (end, next) = (cue.a..scan.n).find_map(|k| {
        let w = scan.word(k);
        if w == "," && !s.in_quote(k) {
            Some((k.checked_sub(1)?, k + 1))
        } else if w == ","
            && s.toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.kind, Kind::Quote { open: false }))
        {
            Some((k + 1, k + 2))
        } else {
            None
        }
    })?;
    if end < cue.a {
        return None;
    }
    let src = subject_at(scan.text, s, next, scan.n).filter(|src| src.first <= next + 1)?;
    Some(frame(
        cue.span,
        cue.kind(),
        Some(src),
        vec![(cue.a, end.min(scan.clause_end(cue.a)))],
    ))
}

/// Rule `cited_object`: "The union walked out, citing the pension cuts", "The board
/// cited rising fuel costs": the object of "cite" is the content, up to where the clause
/// ends; the speaker is the subject, of the main clause for a participle. Not a passive
/// ("was cited", refused with the cue), nor "cited by" / "cited as" / "cited in", nor the
/// end of a relative clause ("the fees she cited are …", "… cited and"), where no object
/// follows; a
/// sentence that opens with "Citing …," is left (its speaker follows).
fn cited_object(scan: &Scan, cue: &Cue) -> Option<Frame> {
    if !cue.object_speech || cue.after_empty || cue.i == 0 || cue.a >= scan.n {
        return None;
    }
    let next = scan.word(cue.a);
    // "The fees she cited are …", "the study you cited and …": a verb or a conjunction
    // after it ends a relative clause, no object.
    if scan.s.toks[cue.a].kind != Kind::Word
        || words::is_adjunct_preposition(next)
        || words::is_finite_auxiliary(next)
        || matches!(
            next,
            "by" | "as" | "in" | "for" | "to" | "on" | "from" | "with" | "and" | "or" | "but"
        )
    {
        return None;
    }
    let source = if cue.participle {
        participle_subject(scan, cue)
    } else {
        cue.src_before.filter(|src| src.first >= cue.used_until)
    }?;
    // "Reuters, citing two officials, reported …", "The order, which cites the surge,
    // says …": the object ends where the main clause's verb resumes.
    let end = scan.clause_end(cue.a);
    let end = verb_resumes(scan, cue.a, end, true).unwrap_or(end);
    Some(frame(cue.span, cue.kind(), Some(source), vec![(cue.a, end)]))
}

/// Who speaks with a participle: the subject of the clause it closes, else the sentence's
/// latest source, the agent of a passive before it, the main clause's subject, or a
/// common-noun subject opening the sentence.
fn participle_subject(scan: &Scan, cue: &Cue) -> Option<Source> {
    nearest_clause_subject(scan, cue.i)
        .or(cue.last_source)
        .or_else(|| passive_agent(scan, cue.i))
        .or_else(|| subject_of(scan.text, scan.s, cue.i))
        .or_else(|| set_off_subject(scan, cue))
}

/// The subject of the clause a participle set off by a comma closes, when it is "he" or
/// "she" followed by a finite verb: the first such pair in the stretch of words before the
/// comma (back to punctuation), not opening an embedded clause ("how he planned"). "Though
/// the mayor met them, she turned the offer down, saying …": "she", not the sentence's
/// first subject nor an earlier statement's source. A participle belongs to the clause it
/// closes; a name there may as well be an object, so only a subject pronoun counts.
fn nearest_clause_subject(scan: &Scan, cue: usize) -> Option<Source> {
    /// How far back from the comma the clause's subject is looked for, in tokens.
    const REACH: usize = 15;
    let s = scan.s;
    let comma = cue.checked_sub(1).filter(|&c| scan.word(c) == ",")?;
    let start = (comma.saturating_sub(REACH)..comma)
        .rev()
        .take_while(|&k| s.toks[k].kind == Kind::Word && !s.in_quote(k))
        .last()?;
    for k in start..comma {
        if !matches!(
            lexicon::pronoun(scan.word(k)),
            Some(Pronoun::Male | Pronoun::Female)
        ) {
            continue;
        }
        let len = 1;
        let first = k + 1 - len;
        let subordinate = first
            .checked_sub(1)
            .is_some_and(|p| words::is_complementizer(scan.word(p)));
        let mut v = k + 1;
        while v < comma && is_aux(scan.word(v)) {
            v += 1;
        }
        let vw = scan.word(v);
        let finite = v < comma
            && is_lower_word(scan, v)
            && (v > k + 1
                || vw.ends_with("ed")
                || is_irregular_past(vw)
                || vw.ends_with('s') && !vw.ends_with("ss"));
        if finite && !subordinate {
            return Some(Source {
                first,
                last: k,
                speaks: true,
            });
        }
    }
    None
}

/// For a participle set off by a comma, a common-noun subject opening the sentence that
/// the lexicon does not know ("The retired surveyor has kept quiet, saying …").
fn set_off_subject(scan: &Scan, cue: &Cue) -> Option<Source> {
    let set_off = cue.i > 0 && scan.word(cue.i - 1) == ",";
    set_off
        .then(|| leading_noun_phrase(scan.text, scan.s, cue.i))
        .flatten()
}

/// The agent of a passive clause that ends just before the participle at `cue`: "The
/// plan was rejected by the harbour board, saying …" — the board says it, not the plan.
fn passive_agent(scan: &Scan, cue: usize) -> Option<Source> {
    const REACH: usize = 12;
    let s = scan.s;
    let by = (cue.saturating_sub(REACH)..cue)
        .rev()
        .take_while(|&k| !s.in_quote(k) && !matches!(scan.word(k), ";" | ":" | "—"))
        .find(|&k| scan.word(k) == "by")?;
    let participle = scan.word(by.checked_sub(1)?);
    let past = participle.ends_with("ed") || is_irregular_past(participle);
    let be = (by.saturating_sub(4)..by - 1).any(|k| is_form_of_be(scan.word(k)));
    if !(past && be) {
        return None;
    }
    source_after(scan.text, s, by + 1).filter(|a| a.last < cue)
}

/// "X said (that) …"; a quotation before X resumes in the clause ("“A,” he said, “B.”") or,
/// when the clause is not explicit, is the whole content ("“A,” he said outside.").
fn source_then_clause(scan: &Scan, cue: &Cue) -> Option<Frame> {
    clause_after_source(scan, cue, cue.strong)
}

/// "The latest harbour poll showed the mayor ahead", "Filings show the fund spent …": a
/// record as the source of an evidence verb, which then attributes like a strong speech
/// verb. Its content is the clause after the verb; a quotation after it is no more of
/// the record's words (`continue_quotations`).
fn record_speaks(scan: &Scan, cue: &Cue) -> Option<Frame> {
    if !cue.record {
        return None;
    }
    // Where the content comes from, as with "according to"; the record is the source
    // though no person or body is named ("A harbour poll released Monday"), from its
    // first word when the phrase found is its preposition's object ("A survey by …").
    clause_after_source(scan, cue, true).map(|f| Frame {
        kind: CueKind::Source,
        source: f.source.map(|s| Source {
            first: scan.record_before(s).unwrap_or(s.first),
            speaks: true,
            ..s
        }),
        ..f
    })
}

/// "Officials believe the talks have stalled", "We know they are big": a verb of stance
/// whose content is a clause with no "that" before it.
/// With no "that" to open it, the clause is taken to its first clause punctuation: what
/// follows a comma is as likely the writer's own ("…, even as he understands …").
fn bare_clause(scan: &Scan, cue: &Cue) -> Option<Frame> {
    if !cue.bare {
        return None;
    }
    let stop = (cue.a..scan.n).find(|&k| !scan.s.in_quote(k) && is_clause_punct(scan.word(k)));
    clause_after_source(scan, cue, true).map(|mut f| {
        if let (Some(stop), Some(last)) = (stop, f.content.last_mut()) {
            if last.0 == cue.a && last.1 >= stop && stop > cue.a {
                last.1 = stop - 1;
            }
        }
        f
    })
}

/// The frame of a source before its cue and the clause after it; `strong` when the cue
/// attributes on its own, without "that", a colon or a quotation after it.
fn clause_after_source(scan: &Scan, cue: &Cue, strong: bool) -> Option<Frame> {
    let src = cue.src_before?;
    let before_empty = src.first <= cue.used_until;
    if !(!cue.after_empty && (strong || cue.explicit) && (before_empty || cue.explicit || !cue.prev_is_break))
    {
        return None;
    }
    let end = relative_clause_end(scan, &src, cue.a).unwrap_or_else(|| scan.clause_end(cue.a));
    let mut content = vec![(cue.a, end)];
    if !before_empty {
        if let Some(pre) = scan.quote_before(cue.used_until, src.first) {
            if cue.explicit {
                content.insert(0, pre);
            } else {
                content = vec![pre];
            }
        }
    }
    Some(frame(cue.span, cue.kind(), Some(src), content))
}

/// Rule `counted_participle`: a past participle right after a counted noun phrase whose
/// head names no one (no name, pronoun, role, body or speaking noun), with a preposition
/// or a time after it, closes that phrase ("with 86 new
/// infections reported in the week to Sunday", "2,300 crossings recorded last month"): a
/// reduced relative clause, no statement of the things counted. Counted people speak
/// ("Two officials said …").
fn counted_participle(scan: &Scan, src: &Source, i: usize) -> bool {
    let setting = || {
        matches!(
            lexicon::lower(scan.word(i + 1)).as_ref(),
            "in" | "on" | "at" | "over" | "during" | "since" | "across" | "last" | "this" | "so" | "by"
        )
    };
    let number = |k: usize| {
        scan.s.toks[k].kind == Kind::Number || crate::claims::cardinal_word(&lexicon::lower(scan.word(k)))
    };
    // The phrase found may start after its count ("86 | new infections").
    let counted = || number(src.first) || src.first > 0 && number(src.first - 1);
    let head = scan.word(src.last);
    let people = head.starts_with(char::is_uppercase)
        || lexicon::pronoun(head).is_some()
        || lexicon::is_role_word(head)
        || lexicon::is_speaking_head(head);
    scan.word(i).ends_with("ed") && i + 1 < scan.n && !people && setting() && counted()
}

/// Rule `compound_noun_cue`: "who heads the local claims office, said": a cue word
/// between a determiner's modifier and one noun ("the local claims office", "a weekly
/// reports desk") is inside a noun phrase — the "source" is a determiner and a word that
/// cannot speak, the "content" one word. A noun that speaks keeps its one-word content
/// ("The mayor says no").
fn compound_noun_cue(scan: &Scan, src: &Source, a: usize) -> bool {
    let one_word = scan.s.toks.get(a).is_some_and(|t| t.kind == Kind::Word)
        && scan
            .s
            .toks
            .get(a + 1)
            .is_none_or(|_| matches!(scan.word(a + 1), "," | "." | ";"));
    if !one_word || src.last != src.first + 1 || !is_determiner(scan.word(src.first)) {
        return false;
    }
    let w = lexicon::lower(scan.word(src.last));
    !(lexicon::is_speaking_noun(&w)
        || lexicon::is_role_head(&w)
        || lexicon::is_org_word(&w)
        || super::sources::plural_of_people(&w)
        || scan.s.names.iter().any(|c| c.last == src.last))
}

/// Rule `relative_clause_end`: "The dockers, who claimed the deal was unfair, walked
/// out" — a statement made in a relative clause set off by commas ends at the comma where
/// the main clause's verb resumes: a finite verb in lower case right after it ("walked",
/// "were", "said"). The main clause's own verb of speech then has the antecedent as its
/// source (`antecedent_after_relative`).
fn relative_clause_end(scan: &Scan, src: &Source, a: usize) -> Option<usize> {
    let set_off = src.first == src.last
        && matches!(scan.word(src.first), "who" | "which")
        && src.first > 0
        && scan.word(src.first - 1) == ",";
    if !set_off {
        return None;
    }
    verb_resumes(scan, a, scan.clause_end(a), false)
}

/// Where content from `a` to `end` gives way to a main clause's verb: the last token
/// before a comma followed by a finite verb in lower case ("…, walked out", "…, were",
/// "…, said"; with `speech`, any form of a verb of speech too, past adverbs and a time
/// adverbial: "…, says", "…, also reported", "…, late on Friday said").
fn verb_resumes(scan: &Scan, a: usize, end: usize, speech: bool) -> Option<usize> {
    let s = scan.s;
    let comma = (a + 1..end).find(|&k| {
        let skip = if speech {
            (k + 1..end.min(k + 5))
                .take_while(|&j| {
                    let w = scan.word(j);
                    w.len() > 4 && w.ends_with("ly")
                        || matches!(w, "also" | "earlier" | "later")
                        || words::is_time_word(w)
                })
                .count()
        } else {
            0
        };
        let k2 = k + skip;
        if k2 + 1 >= scan.n {
            return false;
        }
        let v = scan.word(k2 + 1);
        scan.word(k) == ","
            && !s.in_quote(k)
            && !s.in_quote(k + 1)
            && v.chars().all(char::is_lowercase)
            && (words::is_finite_auxiliary(v)
                || v.ends_with("ed")
                || is_irregular_past(v)
                || speech && lexicon::speech_lemma(v).is_some() && !v.ends_with("ing"))
    })?;
    Some(comma - 1)
}

/// "She called the plan “a costly mistake”" / ", calling it “absurd”": a speech verb too
/// weak to attribute on its own ("call", "accuse", "vow", "describe") with a quotation in
/// the clause after it: the quoted words are what the source said. The speaker is the
/// phrase before the verb, or for a participle the main clause's subject.
fn weak_cue_quotation(scan: &Scan, cue: &Cue) -> Option<Frame> {
    if cue.strong || cue.explicit || cue.after_empty {
        return None;
    }
    let end = scan.clause_end(cue.a);
    if !(cue.a..=end).any(|k| scan.s.in_quote(k)) {
        return None;
    }
    // A participle set off by a comma has the main clause's subject; one right after a
    // noun ("ads calling the deal …") is too loosely tied to tell who speaks.
    let set_off = cue.i > 0 && scan.word(cue.i - 1) == ",";
    if cue.participle && !set_off {
        return None;
    }
    let src = if cue.participle {
        participle_subject(scan, cue)
    } else {
        Some(cue.src_before?)
    };
    Some(frame(cue.span, cue.kind(), src, vec![(cue.a, end)]))
}

/// Rule `object_of_stance`: "The council opposes the new pier", "Most residents want a
/// bridge", "She praised the plan": a verb of stance, or a speech verb too weak to
/// attribute a clause on its own, with no clause or quotation after it but an object,
/// and before it a source that can hold a position. The object, up to the clause's first
/// punctuation, is the position held.
fn object_of_stance(scan: &Scan, cue: &Cue) -> Option<Frame> {
    if cue.strong
        || cue.explicit
        || cue.after_empty
        || cue.participle
        || words::has_no_object_stance(scan.word(cue.i))
    {
        return None;
    }
    // "Most say they want …", "announced it would seek …": a clause that is another
    // verb's content, whose position is that verb's subject's to state. An adverbial
    // clause is not (`adverbial_clause`).
    let embedded = |src: &Source| {
        src.first.checked_sub(1).is_some_and(|p| {
            let w = scan.word(p);
            !adverbial_clause(w)
                && (w == "that"
                    || is_known_verb(w)
                    || is_aux(w)
                    || words::is_complementizer(w)
                    || words::is_adjunct_preposition(w)
                    || matches!(w, "of" | "for" | "to" | "about" | "by" | "with" | "than"))
        }) || asked_whether(scan, src.first)
    };
    let src = cue.src_before.filter(|src| {
        (src.first >= cue.used_until || joined_verb(scan, cue, src))
            && can_hold_a_position(scan, src)
            && !embedded(src)
    })?;
    let s = scan.s;
    // "has support from", "backing for": a noun before a preposition, no object.
    if !(cue.a < scan.n && s.toks[cue.a].kind == Kind::Word)
        || words::is_adjunct_preposition(scan.word(cue.a))
        || matches!(
            scan.word(cue.a),
            "for" | "of" | "with" | "by" | "among" | "about" | "as"
        )
    {
        return None;
    }
    // A statement further on ("…, the poll found", "according to …") may have this clause
    // as its content: the weaker cue leaves it to that one.
    let comma = (cue.a..scan.n).find(|&k| scan.word(k) == ",");
    let later = (cue.a..scan.n).any(|k| {
        let w = scan.word(k);
        !s.in_quote(k)
            && (w == "according"
                || comma.is_some_and(|c| c < k)
                    && (lexicon::speech_lemma(w).is_some_and(lexicon::is_strong_cue) || is_evidence_verb(w)))
    });
    // A quotation after it is somebody's words, which a frame of speech reads (a
    // relative clause in a speaker's description before the quotation resumes).
    if later || (cue.a..scan.n).any(|k| s.in_quote(k)) {
        return None;
    }
    let end = scan.clause_end(cue.a);
    let end = (cue.a + 1..end)
        .find(|&k| !s.in_quote(k) && is_clause_punct(scan.word(k)))
        .map_or(end, |k| k - 1);
    Some(frame(cue.span, cue.kind(), Some(src), vec![(cue.a, end)]))
}

/// Rule `asked_whether`: a source inside an embedded question or a condition ("a question
/// about whether outgoing harbour master Olaf Brandt feels responsible", "nobody knows if
/// the council leader opposes it") is asked or supposed about, not heard: the clause's
/// "whether" or "if" may stand before the source's role and modifiers, so the words before
/// the source are read back, at most five of them, until a punctuation mark.
fn asked_whether(scan: &Scan, first: usize) -> bool {
    (first.saturating_sub(5)..first)
        .rev()
        .map(|k| scan.word(k))
        .take_while(|w| w.chars().any(char::is_alphanumeric))
        .any(|w| w.eq_ignore_ascii_case("whether") || w.eq_ignore_ascii_case("if"))
}

/// Rule `adverbial_clause`: a clause of time, cause or contrast opened by `w` ("because
/// they oppose the pier", "when the union backed a night sailing", "while most riders
/// prefer …") is the writer's, not another verb's content: its subject holds the position
/// as in a main clause. Not "if", a condition, which asserts no position.
fn adverbial_clause(w: &str) -> bool {
    words::is_subordinator(w) && w != "if"
}

/// Rule `joined_verb`: "Vik said the pier was late and criticized the board": a verb of
/// stance joined by "and" or "but" to the sentence's latest statement has that statement's
/// source, although the source stands inside the earlier frame's words.
fn joined_verb(scan: &Scan, cue: &Cue, src: &Source) -> bool {
    cue.last_source == Some(*src) && cue.i > 0 && matches!(scan.word(cue.i - 1), "and" | "but")
}

/// "…, the source added." / "“…,” he said.": the content ends at the last comma or
/// closing quote before the source (what lies between is more of the source: "…,” coast
/// guard spokesman Jo Vik said").
fn content_then_source(scan: &Scan, cue: &Cue) -> Option<Frame> {
    let src = cue.src_before?;
    let used_until = cue.used_until;
    // Rule `participle_last`: an "-ing" form has no tense of its own and ends no
    // statement ("With most precincts reporting, the board said …": a circumstance,
    // whose sentence goes on to its own source).
    if scan.word(cue.i).ends_with("ing") {
        return None;
    }
    // A record that speaks last ("…, data from the board showed") attributes what comes
    // before it as a strong verb does (rule `record_speaks`, content first).
    if !(cue.after_empty && src.first > used_until && (cue.strong || cue.record)) {
        return None;
    }
    let s = scan.s;
    let (kind, src) = if cue.record && !cue.strong {
        let first = scan.record_before(src).unwrap_or(src.first);
        let src = Source {
            first,
            speaks: true,
            ..src
        };
        (CueKind::Source, src)
    } else {
        (cue.kind(), src)
    };
    if src.first <= used_until || subordinate_source(scan.word(src.first - 1)) {
        return None;
    }
    let mut e = src.first - 1;
    let boundary = |k: usize| scan.word(k) == "," || matches!(s.toks[k].kind, Kind::Quote { open: false });
    if let Some(k) = (used_until..src.first).rev().take(6).find(|&k| boundary(k)) {
        e = k;
        if let Some(k) = (used_until..e).rev().take(7).find(|&k| boundary(k)) {
            if role_before_name(scan, k + 1, e) || described_source(scan, src.first, k, e) {
                e = k;
            }
        }
    }
    while e > used_until && is_clause_punct(scan.word(e)) {
        e -= 1;
    }
    let mut b = used_until;
    while b < e && is_clause_punct(scan.word(b)) {
        b += 1;
    }
    if b == 0 {
        b = wire_dateline_end(scan).filter(|&d| d < e).unwrap_or(b);
    }
    let mut content = vec![(b, e)];
    // After a quotation the words past the comma are the writer's ("“A,” he said, the
    // crowd cheering"); after reported words they go on with the statement.
    if !(b..=e).any(|k| s.in_quote(k)) {
        content.extend(clause_after_parenthetical(scan, cue));
    }
    Some(frame(cue.span, kind, Some(src), content))
}

/// Rule `subordinate_source`: a source right after a conjunction of time or cause is the
/// subject of a clause inside the sentence, not its attribution ("the count stopped at
/// midnight when the agent asked for a recount"); after "do"/"does"/"did" it is a
/// question's subject ("What do riders say?"). "As" is left out ("…, as the mayor said"
/// attributes what precedes it), and so is "than": the attribution guidelines take "more
/// than the office had predicted" as the office's prediction.
fn subordinate_source(before: &str) -> bool {
    let is = |w: &str| before.eq_ignore_ascii_case(w);
    (words::is_subordinator(before) && !is("as")) || is("do") || is("does") || is("did")
}

/// Rule `wire_dateline`: a sentence that opens with a wire's dateline ("KELDBY (NWA) —",
/// "PORT ARN, Vestmark —", "TOLLAN --") says where it was filed, not what was said: the
/// token after its dash, when the words before the dash are in capitals (after a comma,
/// a region's name may be in title case; a code in brackets may be written any way) and
/// the dash comes within ten tokens.
fn wire_dateline_end(scan: &Scan) -> Option<usize> {
    dateline_end(scan.n, |k| scan.word(k))
}

/// [`wire_dateline_end`] over any sentence's `n` tokens, read by `word`.
pub(super) fn dateline_end<'w>(n: usize, word: impl Fn(usize) -> &'w str) -> Option<usize> {
    let (mut bracket, mut region) = (false, false);
    let (mut words, mut letters) = (0, 0);
    for k in 0..n.min(10) {
        let w = word(k);
        let title = w.chars().next().is_some_and(char::is_uppercase);
        match w {
            "(" => bracket = true,
            ")" => bracket = false,
            "," if words > 0 => region = true,
            "–" | "—" | "-" | "--" if !bracket => {
                // "--" may come as two tokens.
                // A place's name has four letters or more ("ROME"): "UK - EU talks" is none.
                let after = (k + 1..n).find(|&d| !matches!(word(d), "–" | "—" | "-" | "--"));
                return after.filter(|_| words > 0 && letters >= 4);
            }
            _ if bracket || !w.chars().any(char::is_alphabetic) => {}
            _ if w.chars().any(char::is_lowercase) && !(region && title) => return None,
            _ => {
                words += 1;
                letters += w.chars().filter(|c| c.is_alphabetic()).count();
            }
        }
    }
    None
}

/// Rule `role_before_name`: the words from `a` to before `b` are a role set before the
/// source's name by commas ("“…,” the mayor, Ana Ruiz, said"; "…, its chief executive,
/// Otto Brandt, said"): a determiner or possessive first, a role word last, at most six
/// words, none quoted. They belong to the source, not to what was said.
fn role_before_name(scan: &Scan, a: usize, b: usize) -> bool {
    let n = b.saturating_sub(a);
    if !(2..=6).contains(&n) || (a..b).any(|k| scan.s.in_quote(k)) {
        return false;
    }
    let first = scan.word(a).to_ascii_lowercase();
    let determiner = matches!(
        first.as_str(),
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "whose"
    );
    let words = (a..b).all(|k| scan.word(k).chars().any(char::is_alphabetic) || scan.word(k) == "'s");
    determiner && words && crate::entities::lexicon::is_role_head(scan.word(b - 1))
}

/// Rule `description_set_off_before`, as the content sees it: the description between
/// the commas `open` and `comma` right before a person's name that is the source
/// (`first`) belongs to the source ("…, the harbour master, Ola Berg, said").
fn described_source(scan: &Scan, first: usize, open: usize, comma: usize) -> bool {
    let person = scan
        .s
        .names
        .iter()
        .any(|c| c.first == first && c.kind == EntityKind::Person);
    person && comma + 1 == first && super::sources::set_off_description(scan.text, scan.s, open, comma)
}

/// Rule `content_then_source`, second part: "In fact, she said, the pier will close",
/// "The toll, he said, would rise": an attribution set off by commas inside the
/// sentence attributes the clause after it as well as what comes before (the guidelines
/// take a content as everything the cue attributes, in parts). Only a clause follows
/// as content: "that …", or a subject with a finite auxiliary within a few words (rule
/// `bare_clause`); not ", adding …" nor ", in a statement", and not after a quotation
/// (the caller's check).
fn clause_after_parenthetical(scan: &Scan, cue: &Cue) -> Option<(usize, usize)> {
    let comma = cue.i + 1;
    let a = comma + 1;
    if scan.word(comma) != "," || a >= scan.n || scan.s.in_quote(a) {
        return None;
    }
    if !(scan.word(a) == "that" || scan.bare_clause(a)) {
        return None;
    }
    let e = scan.clause_end(a);
    (e >= a).then_some((a, e))
}

/// "“A,” Jo Roe, the mayor, said in a letter …": a source after a comma (an appositive)
/// with content after the verb that is not an explicit clause; the quotation before the
/// source and the words after the verb are both content.
fn split_quotation(scan: &Scan, cue: &Cue) -> Option<Frame> {
    let src = cue.src_before?;
    if !(!cue.after_empty && cue.strong && src.first > cue.used_until) {
        return None;
    }
    let mut content = Vec::new();
    if let Some(pre) = scan.quote_before(cue.used_until, src.first) {
        content.push(pre);
    }
    content.push((cue.a, scan.clause_end(cue.a)));
    Some(frame(cue.span, cue.kind(), Some(src), content))
}

/// "…,” said X." — with a quotation resuming after the source: ", said X, “B.”".
fn inverted(scan: &Scan, cue: &Cue) -> Option<Frame> {
    let (s, n, i, used_until) = (scan.s, scan.n, cue.i, cue.used_until);
    if !(cue.prev_is_break && cue.strong && i > used_until) {
        return None;
    }
    let src = source_after(scan.text, s, i + 1)?;
    // "…, argued it had never been costed": a pronoun with its own verb after the cue is
    // the subject of the reported clause, not an inverted speaker ("…, said he.").
    if src.first == src.last
        && lexicon::pronoun(scan.word(src.first)).is_some()
        && s.toks.get(src.last + 1).is_some_and(|t| t.kind == Kind::Word)
        && !words::is_adjunct_preposition(scan.word(src.last + 1))
    {
        return None;
    }
    // "Jo Roe, the harbour chief, said the pier will reopen": a finite auxiliary in the
    // phrase after the cue makes it a clause with its own verb, not a speaker.
    if (src.first..=src.last).any(|k| !s.in_quote(k) && words::is_finite_auxiliary(scan.word(k))) {
        return None;
    }
    let mut e = i - 1;
    while e > used_until && is_clause_punct(scan.word(e)) {
        e -= 1;
    }
    let mut content = vec![(used_until, e)];
    let mut k = src.last + 1;
    while k < n && is_clause_punct(scan.word(k)) {
        k += 1;
    }
    if k < n && matches!(s.toks[k].kind, Kind::Quote { open: true }) {
        content.push((k, scan.end_of_content(k)));
    }
    Some(frame(cue.span, cue.kind(), Some(src), content))
}

/// "Dr. Lund stated:" / "He told his audience, to rowdy applause:" closing a sentence
/// with no quotation: the speaker of the quotation that follows (no content here).
fn introduces_next_paragraph(scan: &Scan) -> Option<Frame> {
    let (s, n) = (scan.s, scan.n);
    if !(n > 1 && scan.word(n - 1) == ":" && s.inside.is_empty()) {
        return None;
    }
    let src = subject_of(scan.text, s, n - 1).or_else(|| named_clause_subject(scan.text, s, n - 1))?;
    Some(frame(s.toks[n - 1].span, CueKind::Speech, Some(src), Vec::new()))
}

/// "“…,” Hale barked." / "“…,” she went on." / "“…,” the statement read.": a quotation,
/// then a name or pronoun and a short verb phrase ending the sentence. Whatever the verb,
/// that is an attribution.
fn quotation_then_speaker(scan: &Scan) -> Option<Frame> {
    let (s, n) = (scan.s, scan.n);
    let q = (0..n)
        .rev()
        .find(|&k| matches!(s.toks[k].kind, Kind::Quote { open: false }))?;
    if q == 0 || !s.in_quote(q - 1) && scan.word(q - 1) != "," {
        return None;
    }
    let mut k = q + 1;
    if scan.word(k) == "," {
        k += 1;
    }
    let w = scan.word(k);
    let src = if matches!(lexicon::pronoun(w), Some(p) if p != Pronoun::First) {
        Source {
            first: k,
            last: k,
            speaks: true,
        }
    } else if let Some(c) = s.names.iter().find(|c| c.phrase_first == k && c.first <= c.last) {
        Source {
            first: c.phrase_first,
            last: c.last,
            speaks: true,
        }
    } else if matches!(w, "the" | "The" | "a" | "A")
        && s.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
    {
        Source {
            first: k,
            last: k + 1,
            speaks: true,
        }
    } else {
        return None;
    };
    let rest: Vec<usize> = (src.last + 1..n)
        .filter(|&x| s.toks[x].kind == Kind::Word)
        .collect();
    let tail_punct =
        (src.last + 1..n).all(|x| s.toks[x].kind == Kind::Word || matches!(scan.word(x), "." | "!" | "?"));
    let verb_like = rest.first().is_some_and(|&v| {
        let vw = scan.word(v);
        vw.chars().all(|c| c.is_lowercase())
            && (vw.ends_with("ed")
                || vw.ends_with('s')
                || lexicon::speech_lemma(vw).is_some()
                || matches!(vw, "went" | "read" | "wrote" | "spoke")
                || is_irregular_past(vw))
    });
    if rest.is_empty() || rest.len() > 3 || !tail_punct || !verb_like {
        return None;
    }
    let open = (0..q)
        .find(|&x| matches!(s.toks[x].kind, Kind::Quote { open: true }))
        .unwrap_or(0);
    Some(frame(
        s.toks[rest[0]].span,
        CueKind::Speech,
        Some(src),
        vec![(open, q)],
    ))
}

/// "Said Brandt, “…”" / "Continued Okafor: “…”": a sentence opening with the speech verb.
fn verb_first(scan: &Scan) -> Option<Frame> {
    let s = scan.s;
    let w = scan.word(0);
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lemma = lexicon::speech_lemma(&w.to_lowercase())?;
    let c = s
        .names
        .iter()
        .find(|c| c.phrase_first == 1 && c.first <= c.last)?;
    let sep = c.last + 1;
    if !matches!(scan.word(sep), "," | ":")
        || !matches!(s.toks.get(sep + 1)?.kind, Kind::Quote { open: true })
    {
        return None;
    }
    let last = (sep + 1..s.toks.len())
        .rev()
        .find(|&x| s.in_quote(x))
        .unwrap_or(s.toks.len() - 1);
    Some(frame(
        s.toks[0].span,
        lemma_kind(lemma),
        Some(Source {
            first: c.phrase_first,
            last: c.last,
            speaks: true,
        }),
        vec![(sep + 1, last)],
    ))
}

/// A sentence with a quoted phrase but no speech cue: its subject, if a person,
/// organisation or personal pronoun, says it with the main verb ("He called it a
/// “fundamental mistake”"; "She promised to “be a champion”"). Without a quotation, a
/// finite verb of speech or stance with something after it ("Okafor disagreed." says
/// nothing).
fn subject_verb(scan: &Scan) -> Option<Frame> {
    let (text, s, n) = (scan.text, scan.s, scan.n);
    let qa = s.inside.first().map_or(n, |r| r.0);
    let subj = subject_of(text, s, qa)?;
    subject_verb_of(scan, subj, qa)
}

/// Rule `main_clause_tail` (read as `subject_verb`): when the sentence's last frame ends at
/// the comma that closes an adverbial clause ("When Lund said the pier would close, Okafor
/// shot back: “…”"; see `main_clause_after_subordinate`), the main clause after it, with
/// its own subject right after that comma and a quotation no frame took, is read as
/// `subject_verb` reads a sentence: its subject says the quotation with its main verb.
fn main_clause_tail(scan: &Scan, frames: &[Frame]) -> Option<Frame> {
    let s = scan.s;
    let last = frames.last()?;
    let e = last.content.iter().map(|c| c.1).max()?;
    let comma = (e + 1..scan.n)
        .take_while(|&k| s.toks[k].kind != Kind::Word)
        .find(|&k| scan.word(k) == "," && !s.in_quote(k))?;
    if last.source.is_some_and(|src| src.last > comma) {
        return None;
    }
    let qa = s.inside.iter().find(|r| r.0 > comma)?.0;
    let subj = subject_at(scan.text, s, comma + 1, qa).filter(|subj| subj.first == comma + 1)?;
    subject_verb_of(scan, subj, qa)
}

/// `subject_verb` for subject `subj` of a clause whose first quotation opens at `qa` (the
/// sentence's length when it has none).
fn subject_verb_of(scan: &Scan, subj: Source, qa: usize) -> Option<Frame> {
    let (s, n) = (scan.s, scan.n);
    let quoted = qa < n;
    let is_pronoun = subj.first == subj.last
        && match lexicon::pronoun(scan.word(subj.first)) {
            Some(Pronoun::Male | Pronoun::Female) => true,
            Some(_) => quoted,
            None => false,
        };
    let named = s
        .names
        .iter()
        .any(|c| c.first <= subj.last && subj.last <= c.last && c.kind != EntityKind::Place);
    // Rule `number_before_noun`: a number alone is no subject but the count of the noun
    // after it ("Thirteen states will gain seats": "states" is no verb there).
    if subj.first == subj.last && words::is_cardinal(scan.word(subj.first)) {
        return None;
    }
    let head = scan.word(subj.last);
    let noun = !named && lexicon::is_speaking_head(head);
    if !(is_pronoun || named || noun) {
        return None;
    }
    let (v, kind) = if quoted {
        main_verb(scan, subj.last + 1, qa)?
    } else {
        // Without a quotation, only a finite verb of speech or stance right after the
        // subject makes a statement of the clause.
        let mut v = subj.last + 1;
        while v < qa && is_aux(scan.word(v)) {
            v += 1;
        }
        let vw = scan.word(v);
        if bare_after_be(scan, subj.last + 1, v) {
            return None;
        }
        let finite = vw.ends_with("ed")
            || vw.ends_with('s') && !vw.ends_with("ss")
            || is_irregular_past(vw)
            || v > subj.last + 1;
        let known = lexicon::is_stance_verb(vw) || lexicon::speech_lemma(vw).is_some();
        if v >= qa || !is_lower_word(scan, v) || !(finite && known) {
            return None;
        }
        // Rule `plural_noun_before_verb`: a form in -s followed by a plural verb is the
        // subject's noun ("Vaccination rates have risen", "Ferry fares are up").
        if vw.ends_with('s') && matches!(scan.word(v + 1), "have" | "are" | "were" | "do") {
            return None;
        }
        (v, verb_kind(vw))
    };
    if scan.article_adjective_noun(v) {
        return None;
    }
    // A deed is no attribution ("forces have seized", "the council voted 14 to 5"), and
    // what one reacts to is somebody else's ("was reacting to the “rigged” charge").
    if kind == CueKind::Action
        || is_stimulus_verb(scan, v)
        || deed_by_object(scan, v)
        || quantity_deed(scan, v)
        || attack_on_place(scan, v)
        || deed_sense(scan, v, lexicon::speech_lemma(scan.word(v)))
    {
        return None;
    }
    // "Okafor disagreed.": a stance with nothing said.
    let c = (v + 1, v + 1);
    let said_something = c.1 < n && (c.0..n).any(|k| s.toks[k].kind != Kind::Punct);
    if !(c.0 <= c.1 && said_something) {
        return None;
    }
    Some(frame(
        s.toks[v].span,
        kind,
        Some(subj),
        vec![(c.0, scan.clause_end(c.0).max(c.1))],
    ))
}

/// Rule `bare_after_be`: after a form of "be" among the words skipped between a subject
/// and `v` ("are now", "is still"), a verb is a participle ("is seeking", "was told",
/// "has been shown"); a word that is not one is an adjective, an adverb or a noun ("are
/// now back online", "is still a plan"), so the clause has no verb of speech there.
fn bare_after_be(scan: &Scan, from: usize, v: usize) -> bool {
    let be = (from..v).any(|k| is_form_of_be(scan.word(k)));
    let w = scan.word(v);
    let participle = w.ends_with("ing")
        || w.ends_with("ed")
        || w.ends_with("en")
        || w.ends_with("wn")
        || is_irregular_past(w);
    be && !participle
}

/// A verb at `v` that says something only through its object, with a deed's object
/// among the next words of the clause (`words::is_deed_by_object`): "made his way",
/// "took office", "raised interest rates", "addressed the crowd". "took to the radio" is
/// a way to speak, and a colon after the object opens what was said to it ("addressed the
/// crowd again: “…”"); a count before the object is read past ("made more than 1,200
/// arrests").
fn deed_by_object(scan: &Scan, v: usize) -> bool {
    let verb = lexicon::lower(scan.word(v));
    let next = (v + 1..scan.n.min(v + 7))
        .take_while(|&k| matches!(scan.s.toks[k].kind, Kind::Word | Kind::Number))
        .map(|k| scan.word(k));
    if !words::is_deed_by_object(&verb, next) || scan.word(v + 1) == "to" {
        return false;
    }
    !(v + 1..scan.n.min(v + 10)).any(|k| scan.word(k) == ":")
}

/// Rule `quantity_deed`: "raise" and "need" with an amount for object name a deed, not a
/// view: "raised $2 million", "needs 12 votes", "raised the fare cap to 40" (against
/// "raised concerns", "needs to explain"). The amount is a number or a currency sign
/// right after the verb (or after "about", "nearly", "more than" …), or a number after
/// "to" further on in the clause. "Take" and "score" with an amount right after them are
/// deeds too ("took £20,000 in bribes", "scored 14 goals"; against "took issue with").
fn quantity_deed(scan: &Scan, v: usize) -> bool {
    let w = lexicon::lower(scan.word(v));
    let raise_or_need = matches!(
        w.as_ref(),
        "raise" | "raises" | "raised" | "raising" | "need" | "needs" | "needed" | "needing"
    );
    let take_or_score = matches!(
        w.as_ref(),
        "take" | "takes" | "took" | "taken" | "taking" | "score" | "scores" | "scored" | "scoring"
    );
    if take_or_score {
        return amount_after(scan, v + 1);
    }
    if !raise_or_need {
        return false;
    }
    amount_after(scan, v + 1)
        || (v + 1..scan.n.min(v + 12))
            .take_while(|&k| !is_clause_punct(scan.word(k)))
            .any(|k| scan.word(k) == "to" && amount_after(scan, k + 1))
}

/// An amount at token `k`, past a hedge ("just 40", "nearly $2 million", "more than 300"):
/// a number or a currency sign.
fn amount_after(scan: &Scan, k: usize) -> bool {
    let mut k = k;
    while k < scan.n
        && matches!(
            scan.word(k),
            "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "more"
                | "than"
                | "over"
                | "some"
                | "another"
                | "just"
                | "only"
        )
    {
        k += 1;
    }
    scan.word(k)
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
}

/// Rule `attack_on_place`: "attacked" with a place for object is an armed attack, a deed
/// ("forces attacked the port city on Thursday"), where with a person or a policy it is
/// words ("attacked the mayor's plan").
fn attack_on_place(scan: &Scan, v: usize) -> bool {
    let w = lexicon::lower(scan.word(v));
    if !matches!(w.as_ref(), "attack" | "attacks" | "attacked" | "attacking") {
        return false;
    }
    let at = if is_determiner(scan.word(v + 1)) {
        v + 2
    } else {
        v + 1
    };
    scan.s
        .names
        .iter()
        .any(|c| c.first == at && c.kind == EntityKind::Place)
}

/// A verb of speech at `v` (of lemma `lemma`) used in a sense that says nothing, by what
/// follows it: rule `add_as_deed` ([`Scan::adds_a_thing`]), and rule `continue_to` —
/// "continues to spread" goes on doing; ", he continued" speaks, and so does "continued to
/// insist" (a verb of speech or stance after "to"). "Continued his attacks" stays
/// speech: the attribution guidelines read going on with a campaign of words as a
/// statement (tried as a deed with a determiner or possessive after it; PolNeAR train and
/// dev lost annotated attributions).
fn deed_sense(scan: &Scan, v: usize, lemma: Option<&str>) -> bool {
    match lemma {
        Some("add") => scan.adds_a_thing(v),
        Some("continue") => scan.word(v + 1) == "to" && verb_kind(scan.word(v + 2)) == CueKind::Action,
        _ => false,
    }
}

/// A lower-case word token at `k`.
fn is_lower_word(scan: &Scan, k: usize) -> bool {
    scan.s.toks.get(k).is_some_and(|t| t.kind == Kind::Word) && scan.word(k).chars().all(|c| c.is_lowercase())
}

/// A verb the lexicon knows (of speech, saying, stance or deed), by its form.
fn is_known_verb(w: &str) -> bool {
    lexicon::speech_lemma(w).is_some()
        || lexicon::is_saying_verb(w)
        || lexicon::is_stance_verb(w)
        || lexicon::is_action_verb(w)
}

/// The main verb of a clause whose subject ends before `from`, looked for before `until`
/// (the first quotation), with the kind of cue it makes. Past auxiliaries ("has long
/// said"); past what qualifies the subject ("The head of the panel called it …"), up to
/// a verb the lexicon knows or a past tense; a deed followed by "to" and a verb of speech
/// or stance further on in the same stretch is that verb ("went on to call", "used the
/// speech to urge").
fn main_verb(scan: &Scan, from: usize, until: usize) -> Option<(usize, CueKind)> {
    const REACH: usize = 8;
    let mut v = from;
    while v < until && is_aux(scan.word(v)) {
        v += 1;
    }
    let past = |k: usize| {
        let w = scan.word(k);
        w.ends_with("ed") || is_irregular_past(w)
    };
    // Right after the subject any lower-case finite form is the verb; further on only a
    // known verb or a past tense.
    let at_once = is_lower_word(scan, v) && {
        let w = scan.word(v);
        is_known_verb(w) || past(v) || v > from || w.ends_with('s') && !w.ends_with("ss")
    };
    let v = if at_once {
        if is_known_verb(scan.word(v)) && bare_after_be(scan, from, v) {
            return None;
        }
        v
    } else {
        (v..until.min(v + REACH))
            .take_while(|&k| !matches!(scan.word(k), "," | ";" | ":" | "(" | "—" | "–"))
            .find(|&k| is_lower_word(scan, k) && (is_known_verb(scan.word(k)) || past(k)))?
    };
    let kind = verb_kind(scan.word(v));
    if kind != CueKind::Action {
        return Some((v, kind));
    }
    // "She shot back, “…”", "He went even further: “…”": a verb phrase that introduces a
    // quotation with a comma or colon says it, whatever the verb.
    let introduces = until < scan.n
        && until > v + 1
        && until - v <= REACH
        && matches!(scan.word(until - 1), "," | ":")
        && (v + 1..until - 1).all(|k| scan.s.toks[k].kind == Kind::Word);
    if introduces {
        return Some((v, CueKind::Speech));
    }
    // A verb of speech or stance further on in the same stretch of the clause (no
    // punctuation between) carries the attribution: "went on to call", "used the speech
    // to urge", "The Harbour campaign projects that …" (where "campaign" was no verb).
    let said = (v + 1..until.min(v + REACH))
        .take_while(|&k| scan.s.toks[k].kind == Kind::Word)
        .find(|&k| {
            let w = scan.word(k);
            is_lower_word(scan, k)
                && !is_determiner(scan.word(k - 1))
                && is_known_verb(w)
                && verb_kind(w) != CueKind::Action
        });
    Some(said.map_or((v, kind), |k| (k, verb_kind(scan.word(k)))))
}

/// "reacting to", "responded to": the object of these verbs is what the subject answered,
/// not what it said.
fn is_stimulus_verb(scan: &Scan, v: usize) -> bool {
    scan.word(v + 1) == "to" && super::words::is_stimulus_verb(scan.word(v))
}

/// The kind of cue a speech verb makes, by its lemma: thinking, believing, hoping,
/// fearing, expecting and agreeing hold a position; the rest say something.
pub(super) fn lemma_kind(lemma: &str) -> CueKind {
    if lexicon::is_cognition_lemma(lemma) {
        CueKind::Stance
    } else {
        CueKind::Speech
    }
}

/// The kind of cue the main verb of a clause makes: a speech verb by its lemma, another
/// verb of saying ("railed", "referred") speech, a verb of stance a position, any other
/// verb a deed.
fn verb_kind(w: &str) -> CueKind {
    match lexicon::speech_lemma(w) {
        Some(lemma) => lemma_kind(lemma),
        None if lexicon::is_saying_verb(w) => CueKind::Speech,
        None if lexicon::is_stance_verb(w) && !lexicon::is_action_verb(w) => CueKind::Stance,
        None => CueKind::Action,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entities;

    /// The `object_of_stance` frames of `text`: cue, source and contents.
    fn stance_frames(text: &str) -> Vec<(String, String, Vec<String>)> {
        frames_of(text)
            .into_iter()
            .filter(|f| f.0 == "object_of_stance")
            .map(|f| (f.1, f.2, f.3))
            .collect()
    }

    /// One expected frame, in the form [`frames_of`] gives it.
    fn expected(
        rule: &'static str,
        cue: &str,
        src: &str,
        content: &[&str],
    ) -> (&'static str, String, String, Vec<String>) {
        let content = content.iter().map(|c| c.to_string()).collect();
        (rule, cue.to_string(), src.to_string(), content)
    }

    /// Each frame of a text (its lines are paragraphs): its rule, cue, source and content.
    fn frames_of(text: &str) -> Vec<(&'static str, String, String, Vec<String>)> {
        let paras = crate::text::segment::line_paragraphs(text);
        let sentences = crate::text::segment::sentences(text, &paras);
        let mut ents = Entities::default();
        let mut sents = super::super::read_sentences(text, &paras, &sentences, &mut ents);
        super::super::mark_quotes(text, &mut sents);
        let mut out = Vec::new();
        for si in 0..sents.len() {
            let s = &sents[si];
            let slice = |a: usize, b: usize| text[s.toks[a].span.start..s.toks[b].span.end].to_string();
            for f in frames_in(text, &sents, si) {
                out.push((
                    f.rule.name(),
                    text[f.cue.start..f.cue.end].to_string(),
                    f.source.map(|src| slice(src.first, src.last)).unwrap_or_default(),
                    f.content.iter().map(|&(a, b)| slice(a, b)).collect(),
                ));
            }
        }
        out
    }

    /// The text's only frame comes from `rule`, with this source and content.
    /// None of `texts` has a frame of `rule`.
    fn assert_no_frame(rule: &str, texts: &[&str]) {
        for text in texts {
            let frames = frames_of(text);
            assert!(frames.iter().all(|f| f.0 != rule), "{text}: {frames:?}");
        }
    }

    fn assert_frame(text: &str, rule: &str, source: &str, content: &[&str]) {
        let frames = frames_of(text);
        assert_eq!(frames.len(), 1, "{text}: {frames:#?}");
        let (got_rule, _, got_source, got_content) = &frames[0];
        assert_eq!(
            (*got_rule, got_source.as_str()),
            (rule, source),
            "{text}: {frames:#?}"
        );
        assert_eq!(got_content, content, "{text}");
    }

    /// The frames of a text as (rule, source, content) for the checks below.
    fn rules_sources_contents(text: &str) -> Vec<(&'static str, String, Vec<String>)> {
        frames_of(text)
            .into_iter()
            .map(|(r, _, src, c)| (r, src, c))
            .collect()
    }

    #[test]
    fn deeds_read_as_subject_verb_statements_are_no_statements() {
        // Each sentence names a speaking subject and a verb of the stance or speech lists
        // used in a sense that says nothing.
        let deeds = [
            // np_stops_at_finite_verb: "there were many" is no subject.
            "Once the vote ended, there were many questions about the fares.",
            // bare_after_be: "back" after "are" is no verb.
            "The harbour union is now back at the table after the strike.",
            // light_verb_deed
            "Mayor Ines Lund made her way to the podium before noon.",
            "Mayor Ines Lund took office in May after a close count.",
            "Harbour police made more than 1,200 arrests in June.",
            "Councillor Dag Berg took the stage to loud cheers.",
            // counted_participle
            "With 86 new infections reported in the week to Sunday, the wards filled up.",
            // deed_object
            "The harbour bank raised interest rates by half a point.",
            "The coast guard released the fishermen on Tuesday.",
            "Mayor Ines Lund addressed the crowd from a truck.",
            "A Tollan carmaker is recalling 9,000 cars sold in the spring.",
            "Tollan recalled its ambassador from Velm on Friday.",
            // quantity_deed
            "The harbour union raised $2 million in a week.",
            "Councillor Dag Berg raised the fare cap to 40 crowns on Monday.",
            "Councillor Dag Berg needs 12 votes to pass the budget.",
            "A former pier warden who took more than £20,000 in bribes was jailed.",
            "Ola Vik scored 14 goals in his first season at the club.",
            // attack_on_place
            "Coastal forces attacked Tripoli on Thursday.",
            // number_before_noun: "states" and "reports" are nouns after a number.
            "Thirteen states will gain seats in the assembly next year.",
            // plural_noun_before_verb
            "Ferry rates have risen slowly since July.",
            // add_as_deed
            "Harbour employers added 850 jobs in March.",
            "The harbour ended the year adding just 40 berths.",
            "Councillor Dag Berg added to his lead in the late count.",
        ];
        for text in deeds {
            let frames = frames_of(text);
            assert!(frames.is_empty(), "{text}: {frames:#?}");
        }
    }

    #[test]
    fn the_same_verbs_still_say_something_in_their_speaking_sense() {
        for (text, cue) in [
            (
                "The harbour union is seeking a new contract for its members.",
                "seeking",
            ),
            (
                "Mayor Ines Lund took aim at the port board over the delays.",
                "took",
            ),
            (
                "Councillor Dag Berg raised concerns about the new fares.",
                "raised",
            ),
            (
                "Councillor Dag Berg added to reporters that the pier stays open.",
                "added",
            ),
            ("Mayor Ines Lund took to the radio to defend the fares.", "took"),
            ("The harbour board released a statement on the fares.", "released"),
            (
                "Councillor Dag Berg raised questions over interest rates.",
                "raised",
            ),
            (
                "Mayor Ines Lund addressed the crowd again: “The pier stays open.”",
                "addressed",
            ),
        ] {
            let frames = frames_of(text);
            assert!(frames.iter().any(|f| f.1 == cue), "{text}: {frames:#?}");
        }
    }

    #[test]
    fn a_noun_of_speech_before_its_predicate_and_going_on_are_no_cues() {
        for (text, not_cue) in [
            // noun_before_predicate
            ("The weak harbour report could delay the vote.", "report"),
            ("A new council report shows the docks lost money.", "report"),
            ("An updated warning will be posted at the pier.", "warning"),
            // continue_to
            (
                "The storm continues to batter the coast, the coast guard said.",
                "continues",
            ),
            ("The ferry union continued to strike through May.", "continued"),
        ] {
            let frames = frames_of(text);
            assert!(frames.iter().all(|f| f.1 != not_cue), "{text}: {frames:#?}");
        }
        // Speaking, not going on: the attribution stays.
        let frames = frames_of("Ines Lund continued to insist that the pier stays open.");
        assert!(!frames.is_empty(), "{frames:#?}");
        let frames = frames_of("“The pier stays open,” Ines Lund continued.");
        assert!(frames.iter().any(|f| f.1 == "continued"), "{frames:#?}");
    }

    #[test]
    fn according_to_keeps_what_the_source_knows_and_stops_at_the_next_subject() {
        assert_frame(
            "According to three pilots familiar with the harbour rota, the strike will end.",
            "according_to",
            "three pilots familiar with the harbour rota",
            &["the strike will end"],
        );
        assert_frame(
            "The pier will reopen in May, according to officials close to the harbour board.",
            "according_to",
            "officials close to the harbour board",
            &["The pier will reopen in May"],
        );
        let frames = frames_of("The strike did not end; according to several dockers it grew.");
        assert!(
            frames
                .iter()
                .any(|f| f.0 == "according_to" && f.2 == "several dockers"),
            "{frames:#?}"
        );
    }

    #[test]
    fn main_clause_after_subordinate() {
        // The adverbial clause reports Lund; the main clause after its comma is Okafor's,
        // and its quotation is read by `main_clause_tail` as the subject's words.
        let text = "When Ines Lund said the pier would close in May, Tomas Okafor fired back: “We will keep it open.”";
        let frames = rules_sources_contents(text);
        assert_eq!(frames.len(), 2, "{frames:#?}");
        assert_eq!(frames[0].0, "source_then_clause", "{frames:#?}");
        assert_eq!(frames[0].1, "Ines Lund");
        assert_eq!(frames[0].2, ["the pier would close in May"]);
        assert_eq!(frames[1].0, "subject_verb", "{frames:#?}");
        assert_eq!(frames[1].1, "Tomas Okafor");
        assert!(
            frames[1].2.concat().contains("We will keep it open."),
            "{frames:#?}"
        );
        // No subordinator opens the cue's clause: the clause after the comma stays reported.
        let frames =
            rules_sources_contents("Ines Lund said the pier would close in May, the ferry runs stopped.");
        assert_eq!(frames.len(), 1, "{frames:#?}");
        assert_eq!(
            frames[0].2,
            ["the pier would close in May, the ferry runs stopped"]
        );
    }

    #[test]
    fn statement_after_with_or_subordinator() {
        // ", with NAME telling …" and ", after NAME warned …" begin statements of their own.
        // (The comma stays with the first content, as before "although".)
        for (text, first, second, said) in [
            (
                "Ines Lund said the ferry would run late, with Tomas Okafor telling reporters that the tides had turned.",
                "the ferry would run late,",
                "Tomas Okafor",
                "that the tides had turned",
            ),
            (
                "Ines Lund said the pier was safe, after Dag Holmvik warned that it was sinking.",
                "the pier was safe,",
                "Dag Holmvik",
                "that it was sinking",
            ),
        ] {
            let frames = rules_sources_contents(text);
            assert_eq!(frames.len(), 2, "{frames:#?}");
            assert_eq!(frames[0].2, [first], "{frames:#?}");
            assert_eq!(frames[1].1, second, "{frames:#?}");
            assert_eq!(frames[1].2, [said], "{frames:#?}");
        }
    }

    #[test]
    fn a_record_that_speaks_last_attributes_the_clause_before_it() {
        assert_frame(
            "Ferry crossings fell by a third in May, a survey by the harbour office found.",
            "content_then_source",
            "a survey by the harbour office",
            &["Ferry crossings fell by a third in May"],
        );
        assert_frame(
            "Rents at the quay rose again, the latest port filings show.",
            "content_then_source",
            "the latest port filings",
            &["Rents at the quay rose again"],
        );
    }

    #[test]
    fn a_setting_between_the_cue_and_that_is_not_content() {
        // Rule `setting_before_that`: the content starts at "that", as PolNeAR marks it.
        assert_frame(
            "The ferry board said in a memo that it would cut the night crossings.",
            "source_then_clause",
            "The ferry board",
            &["that it would cut the night crossings"],
        );
        assert_frame(
            "Ines Lund said during the hearing that the pier was safe.",
            "source_then_clause",
            "Ines Lund",
            &["that the pier was safe"],
        );
    }

    /// Rule `cue_time_before_content`: the time of the saying after the verb is no part
    /// of what was said, however many words it has; a time that owns a noun is.
    #[test]
    fn the_time_of_the_saying_is_not_content() {
        assert_frame(
            "The harbour board said earlier this month that the pier would reopen.",
            "source_then_clause",
            "The harbour board",
            &["that the pier would reopen"],
        );
        assert_frame(
            "Ines Lund said last year that the tolls were too high.",
            "source_then_clause",
            "Ines Lund",
            &["that the tolls were too high"],
        );
    }

    /// Rule `told_whom_where`: after "told" and its object, words with no verb are not
    /// what was said; the quotation before the source is.
    #[test]
    fn told_whom_where() {
        assert_frame(
            "“The quay stays open,” Ada Moss told cheering crews on the pier later on Sunday.",
            "content_then_source",
            "Ada Moss",
            &["“The quay stays open,”"],
        );
        assert_frame(
            "Ada Moss told cheering crews the quay would stay open.",
            "source_then_clause",
            "Ada Moss",
            &["the quay would stay open"],
        );
    }

    #[test]
    fn quotation_then_speaker_irregular_past() {
        // An irregular past after the speaker ("shot back") is a verb phrase too.
        assert_frame(
            "“The tides wait for nobody,” Ines Lund shot back.",
            "quotation_then_speaker",
            "Ines Lund",
            &["“The tides wait for nobody,”"],
        );
    }

    #[test]
    fn transcript_label() {
        assert_frame(
            "HALVORSEN: We open the locks on Monday.",
            "transcript_label",
            "HALVORSEN",
            &["We open the locks on Monday."],
        );
    }

    #[test]
    fn headline_label() {
        assert_frame(
            "Mira Solberg: ‘The Ferry Will Run All Winter.’",
            "headline_label",
            "Mira Solberg",
            &["‘The Ferry Will Run All Winter.’"],
        );
        // Not a headline: the label is no run of capitalised words.
        let frames = frames_of("The plan in short: “Ferries Run All Winter.”");
        assert!(frames.iter().all(|f| f.0 != "headline_label"), "{frames:#?}");
    }

    /// Rule `headline_claim`: the headline's claim after a name and a colon is the name's;
    /// not after a section label, not when the claim has its own speech verb, and not in
    /// a paragraph other than the headline.
    #[test]
    fn headline_claim() {
        assert_frame(
            "Mira Solberg: Ferry Will Run All Winter",
            "headline_claim",
            "Mira Solberg",
            &["Ferry Will Run All Winter"],
        );
        assert_no_frame(
            "headline_claim",
            &[
                "Exclusive: Ferry Will Run All Winter",
                "The Latest: Mayor Says Ferry Will Run All Winter",
                "Ferry news.\nMira Solberg: the ferry will run all winter.",
            ],
        );
    }

    /// Rule `headline_verb`: a title-case headline with a capitalised speech verb after its
    /// source, the claim after the verb or before the comma that opens the source.
    #[test]
    fn headline_verb() {
        assert_frame(
            "Ines Lund Says The Ferry Will Run All Winter.",
            "headline_verb",
            "Ines Lund",
            &["The Ferry Will Run All Winter"],
        );
        assert_frame(
            "Harbour Board Could Raise Fees Again, Former Ferry Captain Says.",
            "headline_verb",
            "Former Ferry Captain",
            &["Harbour Board Could Raise Fees Again"],
        );
        // A noun after a preposition is no verb ("Against Claims"); a sentence in lower
        // case is no headline.
        assert_no_frame(
            "headline_verb",
            &[
                "Lund Defends Herself Against Claims She Missed Votes.",
                "The harbour board says the ferry will run all winter.",
            ],
        );
    }

    /// Rule `cited_object`: the object of "cite" is what its subject says, for a participle
    /// the main clause's subject; it ends where the main clause's verb resumes.
    #[test]
    fn cited_object() {
        assert_frame(
            "The ferry union walked out of the talks on Friday, citing the harbour board's pension cuts.",
            "cited_object",
            "The ferry union",
            &["the harbour board's pension cuts"],
        );
        assert_frame(
            "Ferry captain Ola Brekke cited rising fuel costs, a shortage of crew and the winter storms.",
            "cited_object",
            "Ferry captain Ola Brekke",
            &["rising fuel costs, a shortage of crew and the winter storms"],
        );
        // Set off before the main verb: the object ends at the comma, and the main clause
        // has its own statement.
        assert_eq!(
            rules_sources_contents(
                "The Harbour Courier, citing two port officials, later reported that the pier would close."
            ),
            [
                (
                    "cited_object",
                    "The Harbour Courier".to_string(),
                    vec!["two port officials".to_string()]
                ),
                (
                    "source_then_clause",
                    "The Harbour Courier".to_string(),
                    vec!["that the pier would close".to_string()]
                ),
            ]
        );
        // A passive, "cited by", and the end of a relative clause: no object follows.
        assert_no_frame(
            "cited_object",
            &[
                "The pier study was cited in the harbour board's report.",
                "A survey cited by the mayor put the cost at two million.",
                "The fees the skippers cited are lower than last year's.",
                "The survey you cited and the mayor's figures disagree.",
            ],
        );
    }

    #[test]
    fn signed_quotation() {
        assert_frame(
            "“The tide waits for nobody.” — Mira Solberg",
            "signed_quotation",
            "Mira Solberg",
            &["“The tide waits for nobody.”"],
        );
    }

    #[test]
    fn according_to() {
        assert_frame(
            "According to the Harbour Board, the locks will open in May.",
            "according_to",
            "the Harbour Board",
            &["the locks will open in May"],
        );
        assert_frame(
            "The locks will open in May, according to the Harbour Board.",
            "according_to",
            "the Harbour Board",
            &["The locks will open in May"],
        );
    }

    #[test]
    fn record_by_maker() {
        // A record's maker is part of the source.
        assert_frame(
            "Forty boats were lost, according to figures released by the port office.",
            "according_to",
            "figures released by the port office",
            &["Forty boats were lost"],
        );
        assert_frame(
            "According to a recent report from the county clerk, turnout fell.",
            "according_to",
            "a recent report from the county clerk",
            &["turnout fell"],
        );
    }

    #[test]
    fn object_of_stance() {
        // A position on an object, up to the clause's first punctuation; a relative
        // pronoun holds it too.
        for (text, cue, src, content) in [
            (
                "Ines Lund spoke first, and the harbour union opposes the second pier, for now.",
                "opposes",
                "the harbour union",
                "the second pier",
            ),
            (
                "After the vote, most voters want a later sailing.",
                "want",
                "most voters",
                "a later sailing",
            ),
            (
                "In March the ferry union backed a later sailing; the mayor did not.",
                "backed",
                "the ferry union",
                "a later sailing",
            ),
            (
                "Ines Lund, who opposes the second pier, spoke first.",
                "opposes",
                "who",
                "the second pier",
            ),
        ] {
            let want = vec![(cue.to_string(), src.to_string(), vec![content.to_string()])];
            assert_eq!(stance_frames(text), want, "{text}");
        }
        // A sentence whose subject's main verb makes a frame is read as before.
        assert_eq!(
            frames_of("Ines Lund criticized the second pier.")[0].0,
            "subject_verb"
        );
        // A noun before a preposition, a deed of perception, a clause that another verb
        // reports, a passive, and a quotation or a statement further on.
        for text in [
            "The mayor has support from the dockers, and Jo Vik said the pier was safe.",
            "Divers found the anchor near the pier, and Jo Vik said the pier was safe.",
            "Jo Vik announced he opposes the second pier.",
            "The second pier was opposed by the dockers, and Jo Vik said so.",
            "The union opposes the pier, “a costly mistake,” its chair said.",
            "The union opposes the pier, the survey found.",
        ] {
            assert!(stance_frames(text).is_empty(), "{text}: {:?}", frames_of(text));
        }
    }

    #[test]
    fn asked_whether() {
        // A question about whether someone holds a position asserts none, whatever role
        // and modifiers stand between "whether" and the name.
        for text in [
            "Reyes deflected a question about whether Brandt feels responsible for the delays.",
            "Reyes deflected a question about whether outgoing harbour master Olaf Brandt feels responsible for the delays.",
            "Nobody knows if the outgoing council leader Ana Ruiz opposes the pier.",
        ] {
            assert!(stance_frames(text).is_empty(), "{text}: {:?}", frames_of(text));
        }
        // A clause that only follows a question stands as before.
        assert_eq!(
            stance_frames("Asked about it, harbour master Olaf Brandt opposes the second pier.").len(),
            1
        );
    }

    #[test]
    fn adverbial_clause() {
        // A clause of cause or time holds its subject's position.
        for (text, cue, src, content) in [
            (
                "The dockers walked out because they oppose the second pier.",
                "oppose",
                "they",
                "the second pier",
            ),
            (
                "When the ferry union backed a night sailing, the mayor smiled.",
                "backed",
                "the ferry union",
                "a night sailing",
            ),
        ] {
            let want = vec![(cue.to_string(), src.to_string(), vec![content.to_string()])];
            assert_eq!(stance_frames(text), want, "{text}");
        }
        // A condition asserts no position.
        let text = "If the riders want a later sailing, they can ask the board.";
        assert!(stance_frames(text).is_empty(), "{text}: {:?}", frames_of(text));
    }

    #[test]
    fn joined_verb() {
        assert_eq!(
            frames_of("Jo Vik said the pier was late and criticized the harbour board."),
            vec![
                expected("source_then_clause", "said", "Jo Vik", &["the pier was late"]),
                expected("object_of_stance", "criticized", "Jo Vik", &["the harbour board"]),
            ]
        );
    }

    #[test]
    fn stance_after_fallback() {
        let frames = frames_of(
            "Mediator Ines Berg called both ministers on Monday and urged them to keep their boats apart.",
        );
        let got: Vec<(&str, &str, &str)> = frames.iter().map(|f| (f.0, f.1.as_str(), f.2.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("subject_verb", "called", "Mediator Ines Berg"),
                ("object_of_stance", "urged", "Mediator Ines Berg"),
            ],
            "{frames:#?}"
        );
        // A position inside the fallback frame's words is not kept beside it.
        let frames = frames_of("Ines Berg criticized the second pier.");
        assert_eq!(frames.len(), 1, "{frames:#?}");
    }

    #[test]
    fn semicolon_at() {
        assert_eq!(
            frames_of("Jo Vik said the fares would rise; the mayor says they will fall."),
            vec![
                expected("source_then_clause", "said", "Jo Vik", &["the fares would rise"]),
                expected("source_then_clause", "says", "the mayor", &["they will fall"]),
            ]
        );
        // Inside a quotation the semicolon is the speaker's.
        let frames = frames_of("Jo Vik said: “The fares will rise; the boats are old.”");
        assert!(frames[0].3[0].ends_with("old.”"), "{frames:#?}");
    }

    #[test]
    fn joined_position_at() {
        // The reported clause ends before "and" + a verb of stance of the same subject.
        let frames = frames_of("Ines Lund said the fares would rise and opposes any new toll.");
        assert_eq!(frames[0].3, vec!["the fares would rise"], "{frames:#?}");
        assert_eq!(frames.len(), 2, "{frames:#?}");
        // Not a verb whose object is no position, nor a verb of stance before a quotation.
        content_goes_on_past_and(&[
            "Ines Lund said the fares rose and found the ledger empty.",
            "Ines Lund said the fares would rise and backs what she called “a fair toll.”",
        ]);
    }

    /// Asserts that each text's first content goes on past its " and ".
    fn content_goes_on_past_and(texts: &[&str]) {
        for text in texts {
            let frames = frames_of(text);
            assert!(frames[0].3[0].contains(" and "), "{text}: {frames:#?}");
        }
    }

    #[test]
    fn asked_question() {
        // The question opens the sentence; the answer is the next frame, its speaker named.
        let frames = rules_sources_contents(
            "Asked whether the pier would reopen before winter, Ola Brekke said the board had not decided.",
        );
        assert_eq!(
            frames,
            vec![
                (
                    "asked_question",
                    String::new(),
                    vec!["whether the pier would reopen before winter".to_string()]
                ),
                (
                    "source_then_clause",
                    "Ola Brekke".to_string(),
                    vec!["the board had not decided".to_string()]
                ),
            ]
        );
        // After "when", with the asker passed over ("asked by reporters").
        let frames = frames_of("“We will see,” Siri Dahl said when asked by reporters about the fares.");
        assert!(
            frames.contains(&expected("asked_question", "when asked", "", &["the fares"])),
            "{frames:?}"
        );
        // A request to do something is no question; a passive is no cue.
        assert_no_frame(
            "asked_question",
            &[
                "Asked to leave the meeting, the skipper walked out.",
                "The board has asked whether the pier can reopen.",
            ],
        );
    }

    #[test]
    fn relative_clause_end() {
        // The relative clause's statement ends where the main verb resumes.
        let frames = rules_sources_contents("The dockers, who claimed the deal was unfair, walked out.");
        assert_eq!(
            frames,
            vec![(
                "source_then_clause",
                "who".to_string(),
                vec!["the deal was unfair".to_string()]
            )]
        );
        // The main clause's own verb of speech then has the antecedent as its source.
        let frames = rules_sources_contents(
            "Ola Brekke, who wrote a book on the ferry line, said the new fares were too high.",
        );
        assert_eq!(frames.len(), 2, "{frames:?}");
        assert_eq!(
            frames[1],
            (
                "source_then_clause",
                "Ola Brekke".to_string(),
                vec!["the new fares were too high".to_string()]
            )
        );
    }

    #[test]
    fn in_record() {
        assert_frame(
            "In a Harbour Times poll released Monday, the mayor led her rival by nine points.",
            "in_record",
            "a Harbour Times poll released Monday",
            &["the mayor led her rival by nine points"],
        );
        // An aside on the poll is part of its phrase.
        assert_frame(
            "In the last harbour poll, conducted in May, the mayor led by five points.",
            "in_record",
            "the last harbour poll, conducted in May",
            &["the mayor led by five points"],
        );
        // A clause with its own verb of speech is read at that verb, with the poll as its
        // source; a phrase that names no poll or study attributes nothing.
        assert_no_frame(
            "in_record",
            &[
                "In the latest survey, 40 percent of skippers said they back the timetable.",
                "In the video, a man walks toward the pier.",
                "In the report's last chapter, the board lists its costs.",
                "In a string of polls, 49% disapproved, according to a polling site.",
            ],
        );
    }

    #[test]
    fn inverted_needs_a_speaker_not_a_clause() {
        // The phrase after "said" has its own verb: it is what was said, and the name set
        // off before the verb speaks.
        let frames = frames_of(
            "One of the authors of the ferry study, Ola Brekke, said the new route will test the forecasts.",
        );
        assert_eq!(frames.len(), 1, "{frames:?}");
        assert_ne!(frames[0].0, "inverted", "{frames:?}");
        assert_eq!(frames[0].2, "Ola Brekke", "{frames:?}");
        assert_eq!(
            frames[0].3,
            ["the new route will test the forecasts"],
            "{frames:?}"
        );
        // A true inverted speaker stays.
        assert_frame(
            "The pier will close in May, said Ines Lund.",
            "inverted",
            "Ines Lund",
            &["The pier will close in May"],
        );
    }

    #[test]
    fn endorsed_name() {
        assert_frame(
            "The harbour union endorsed Ines Lund for mayor.",
            "endorsed_name",
            "The harbour union",
            &["Ines Lund for mayor"],
        );
        // A relative clause: the endorsement is the relative pronoun's, and its antecedent
        // is still the source of the statement that follows.
        let frames = frames_of("Ivo Brask, who endorsed Mira Solberg in March, said the vote was close.");
        let rules: Vec<(&str, &str)> = frames.iter().map(|f| (f.0, f.2.as_str())).collect();
        assert_eq!(
            rules,
            vec![("endorsed_name", "who"), ("source_then_clause", "Ivo Brask")],
            "{frames:?}"
        );
        // A passive, an object that is no name, and a phrase that cannot hold a view.
        assert_no_frame(
            "endorsed_name",
            &[
                "Mira Solberg was endorsed by the dockers' union.",
                "The board endorsed the plan for a second pier.",
                "The council could end up endorsing Ines Lund.",
            ],
        );
    }

    #[test]
    fn fronted_participle() {
        assert_frame(
            "After saying the night ferry was unsafe, Ines Lund left the harbour board.",
            "fronted_participle",
            "Ines Lund",
            &["the night ferry was unsafe"],
        );
        assert_frame(
            "Days after announcing that she would run, the mayor sold her boat.",
            "fronted_participle",
            "the mayor",
            &["that she would run"],
        );
        // The comma may close a quotation.
        assert_frame(
            "Since saying the toll was “a tax on islanders,” he has not crossed the bridge.",
            "fronted_participle",
            "he",
            &["the toll was “a tax on islanders,”"],
        );
        // Not a participle inside the sentence, nor one led by words that are no
        // subordinator.
        assert_no_frame(
            "fronted_participle",
            &[
                "The pilots struck after saying the pay was too low.",
                "Pilots saying the pay was too low, the board met.",
            ],
        );
    }

    #[test]
    fn participle() {
        assert_frame(
            "The ferry company cut two routes, saying the fuel bill had doubled.",
            "participle",
            "The ferry company",
            &["the fuel bill had doubled"],
        );
    }

    /// Content after a cue ends where a coordinated main clause with "he" or "she" as its
    /// subject begins, unless "that" opened the content or the clause is a stance.
    #[test]
    fn coordinated_clause_at() {
        let frames = frames_of("Ines Lund said the ferry was late again, and she walked out of the meeting.");
        assert_eq!(frames[0].3, vec!["the ferry was late again"], "{frames:#?}");
        let frames = frames_of("Ines Lund said that the ferry was late, and she had seen the logs.");
        assert_eq!(
            frames[0].3,
            vec!["that the ferry was late, and she had seen the logs"],
            "{frames:#?}"
        );
        let frames = frames_of("Ines Lund says the crossing is rough but she feels sure it will calm.");
        assert_eq!(
            frames[0].3,
            vec!["the crossing is rough but she feels sure it will calm"],
            "{frames:#?}"
        );
    }

    /// Rule `narration_after_quotation_at`.
    #[test]
    fn a_new_subject_after_a_closed_quotation_is_narration() {
        let frames = frames_of(
            "Brandt described the storm as a “once-in-a-century event,” and the coast guard closed the port for two days.",
        );
        assert_eq!(
            frames[0].3,
            vec!["the storm as a “once-in-a-century event,”"],
            "{frames:#?}"
        );
        // "and that …" reports a second clause; an auxiliary or a modal, or more of the
        // speaker's words quoted, leave the clause to the speaker.
        content_goes_on_past_and(&[
            "Brandt said the storm was “a freak,” and that the port crews worked all night.",
            "Brandt said the storm was “a freak,” and the port has reopened since.",
            "Brandt said the storm was “a freak,” and the crews would need “a long rest.”",
        ]);
    }

    /// Rule `past_after_modal_at`.
    #[test]
    fn a_past_tense_after_a_modal_clause_is_the_speaker_s_own_act() {
        let frames = frames_of(
            "Dana Kovac said the docks would reopen on Friday and brushed aside complaints about the fees.",
        );
        assert_eq!(
            frames[0].3,
            vec!["the docks would reopen on Friday"],
            "{frames:#?}"
        );
        // A verb whose object is no position ends the content too, and is no statement.
        let frames = frames_of("Ines Lund said the fares would rise and found the ledger empty.");
        assert_eq!(frames[0].3, vec!["the fares would rise"], "{frames:#?}");
        assert_eq!(frames.len(), 1, "{frames:#?}");
        // A participle after "be" joins the participle; a bare form joins the bare verb;
        // after "that" the clause is reported whole.
        for (text, content) in [
            (
                "Dana Kovac said the docks would be repaired and reopened before winter.",
                "the docks would be repaired and reopened before winter",
            ),
            (
                "Dana Kovac said the board will win the vote and put forward a new plan.",
                "the board will win the vote and put forward a new plan",
            ),
            (
                "Dana Kovac said that the docks would reopen and fees doubled last year.",
                "that the docks would reopen and fees doubled last year",
            ),
            (
                "Dana Kovac said the rule would cover bars and licensed clubs in the port.",
                "the rule would cover bars and licensed clubs in the port",
            ),
        ] {
            let frames = frames_of(text);
            assert_eq!(frames[0].3, vec![content], "{frames:#?}");
        }
    }

    /// Rule `phrase_speaks_at`: after ", while" a noun phrase and a speech verb begin a
    /// statement of their own, even when the phrase is no name; not after a preposition.
    #[test]
    fn phrase_speaks_at() {
        let frames = frames_of("Most ferry riders said the fares were fair, while a third of the skippers said they were too high.");
        assert_eq!(frames[0].3, vec!["the fares were fair,"], "{frames:#?}");
        let frames = frames_of(
            "The harbour clerk first said she had no key, but in a later hearing said she had kept one.",
        );
        assert_ne!(frames[0].3, vec!["she had no key"], "{frames:#?}");
        let frames = frames_of("Ines Lund said the ferry was late, but went on to say the crew did well.");
        assert_ne!(frames[0].3, vec!["the ferry was late"], "{frames:#?}");
    }

    /// Rule `record_speaks`: a poll, filings or a video as the subject of "show",
    /// "found", "revealed" attributes what follows, "that" or not; the record is the source.
    #[test]
    fn record_speaks() {
        assert_frame(
            "The latest harbour poll showed the mayor six points ahead.",
            "record_speaks",
            "The latest harbour poll",
            &["the mayor six points ahead"],
        );
        assert_frame(
            "Filings from the ferry fund show it spent most of its cash in May.",
            "record_speaks",
            "Filings from the ferry fund",
            &["it spent most of its cash in May"],
        );
        // Rule `record_keeps_its_maker`: a record noun that can name people too ("public
        // figures") is still a record before its maker.
        assert_frame(
            "Figures from the county roads office show most bridges need repair.",
            "record_speaks",
            "Figures from the county roads office",
            &["most bridges need repair"],
        );
        // A record named before a preposition: the phrase after it is still the record's.
        assert_frame(
            "A survey by the Keldby Institute found most islanders against the toll.",
            "record_speaks",
            "A survey by the Keldby Institute",
            &["most islanders against the toll"],
        );
    }

    /// Rule `bare_clause`: a verb of stance with a clause and no "that"; the clause ends at
    /// its first comma; an infinitive is no clause, and a stance inside another verb's
    /// statement is left to that statement.
    #[test]
    fn bare_clause() {
        assert_frame(
            "Harbour officials believe the talks have stalled.",
            "bare_clause",
            "Harbour officials",
            &["the talks have stalled"],
        );
        assert_frame(
            "Most islanders fear the toll will rise again, though the board disagrees.",
            "bare_clause",
            "Most islanders",
            &["the toll will rise again"],
        );
        assert_frame(
            "We know they are tired of waiting.",
            "bare_clause",
            "We",
            &["they are tired of waiting"],
        );
        assert_no_frame(
            "bare_clause",
            &[
                "Harbour pilots hope to sail on Friday.",
                "The mayor told reporters on Monday he thinks the bridge is safe.",
            ],
        );
    }

    /// A person who "showed" something, a passive "is shown" and "was found" make no
    /// record frame.
    #[test]
    fn evidence_verbs_without_a_record_are_no_frame() {
        assert_no_frame(
            "record_speaks",
            &[
                "The mayor showed reporters the new ferry on Monday.",
                "A photo of the old pier is shown in the hall.",
                "The missing report was found in a drawer at the harbour office.",
            ],
        );
    }

    #[test]
    fn source_then_clause() {
        assert_frame(
            "Councillor Abe Kahn said that the locks would open late.",
            "source_then_clause",
            "Councillor Abe Kahn",
            &["that the locks would open late"],
        );
    }

    #[test]
    fn content_then_source() {
        assert_frame(
            "The locks will stay shut all winter, the harbour master said.",
            "content_then_source",
            "the harbour master",
            &["The locks will stay shut all winter"],
        );
    }

    /// Rule `subordinate_source`: the subject of a clause of time or cause, or of a
    /// question, is no attribution of the words before it.
    #[test]
    fn subordinate_source() {
        assert_no_frame(
            "content_then_source",
            &[
                "The count was halted before midnight when the candidate's agent asked for a recount.",
                "What do riders say?",
            ],
        );
        // "As" and "than" attribute (the guidelines read "than … predicted" as a prediction).
        assert_frame(
            "The locks will stay shut all winter, as the harbour master said.",
            "content_then_source",
            "the harbour master",
            &["The locks will stay shut all winter"],
        );
    }

    /// An organisation speaks after an aside that opens with a participle ("commissioned
    /// by …"), as after one that describes it.
    #[test]
    fn an_organisation_speaks_after_a_participle_aside() {
        assert_frame(
            "The consulting firm Tallow Economics, commissioned by the Retail Guild, predicted that small shops would bear the cost.",
            "source_then_clause",
            "Tallow Economics",
            &["that small shops would bear the cost"],
        );
    }

    /// Rule `participle_last`: "with … reporting," is a circumstance, and the sentence's
    /// source comes after it.
    #[test]
    fn participle_last() {
        assert_frame(
            "With nine of ten wards reporting, the Moss party led by four points, the board said.",
            "content_then_source",
            "the board",
            &["With nine of ten wards reporting, the Moss party led by four points"],
        );
    }

    /// Rule `wire_dateline`: the dateline a wire story opens with is not what was said.
    #[test]
    fn wire_dateline() {
        assert_frame(
            "KELDBY (NWA) — The locks will stay shut all winter, the port director said.",
            "content_then_source",
            "the port director",
            &["The locks will stay shut all winter"],
        );
        assert_frame(
            "PORT ARN, Vestmark -- The locks will stay shut, Ines Lund said.",
            "content_then_source",
            "Ines Lund",
            &["The locks will stay shut"],
        );
        // A name in capitals and a dash inside the statement is no dateline, nor two
        // initials joined by a dash.
        assert_frame(
            "UK - EU talks will resume, Ines Lund said.",
            "content_then_source",
            "Ines Lund",
            &["UK - EU talks will resume"],
        );
        assert_frame(
            "NATO troops - some 300 - will stay, Ines Lund said.",
            "content_then_source",
            "Ines Lund",
            &["NATO troops - some 300 - will stay"],
        );
    }

    /// Rule `role_before_name`: a role set before the name by commas is the source's, not
    /// the end of what was said.
    #[test]
    fn role_before_name() {
        assert_frame(
            "The locks will stay shut all winter, the port director, Ines Lund, said.",
            "content_then_source",
            "Ines Lund",
            &["The locks will stay shut all winter"],
        );
        assert_frame(
            "The fares will rise, its chief executive, Abe Kahn, said on Monday.",
            "content_then_source",
            "Abe Kahn",
            &["The fares will rise"],
        );
        // Words that are no role stay with the statement.
        assert_frame(
            "The locks will stay shut, all winter long, Ines Lund said.",
            "content_then_source",
            "Ines Lund",
            &["The locks will stay shut, all winter long"],
        );
    }

    /// Rule `description_set_off_before`: a short description between commas before a
    /// person's name set off by commas names the source, though its last word is in no
    /// list of roles; a clause there (an auxiliary in it) or a place's name is no source.
    #[test]
    fn description_set_off_before() {
        assert_frame(
            "The north quay will reopen in May, the lock keeper, Ola Berg, said on Friday.",
            "content_then_source",
            "Ola Berg",
            &["The north quay will reopen in May"],
        );
        assert_frame(
            "The menu changes weekly, its head cook, Pia Holm, said.",
            "content_then_source",
            "Pia Holm",
            &["The menu changes weekly"],
        );
        let frames = frames_of("The quay is shut, the boats will wait, Ola Berg, the skipper, said.");
        assert!(
            !frames.is_empty()
                && frames
                    .iter()
                    .all(|f| f.3.iter().any(|c| c.contains("the boats will wait"))),
            "{frames:#?}"
        );
        // The description is a person's only: a town set off by commas says nothing.
        let frames = frames_of("The quay is shut, the old harbour town, Tollan, said.");
        assert!(frames.is_empty(), "a place is no speaker: {frames:#?}");
    }

    /// Rule `article_adjective_noun`: after "a" or "an" and one word a cue in its base
    /// form is a noun; with "-s" it is the singular subject's verb, and after a share of
    /// people the plural's.
    #[test]
    fn article_adjective_noun() {
        // An adjective between an article and the noun; a count joined to a word, a
        // possessive, "the" before a preposition.
        for noun in [
            "Mayor Ines Lund sent a brief tweet about the ferry.",
            "The harbour board struck a cautious note on the dredging.",
            "Ola Berg had never seen a storm like this before.",
            "The harbour board received a 40-page report on the dredging.",
            "Her initial tweet drew hundreds of replies from skippers.",
            "The regulator keeps the final say on payouts to the skippers.",
        ] {
            let frames = frames_of(noun);
            assert!(frames.is_empty(), "{noun}: {frames:#?}");
        }
        assert_frame(
            "A spokesman says the ferry will run on Sunday.",
            "source_then_clause",
            "A spokesman",
            &["the ferry will run on Sunday"],
        );
        let frames = frames_of("A majority say the ferry should run on Sunday.");
        assert!(frames.iter().any(|f| f.1 == "say"), "{frames:#?}");
        // A plural or a word for people after the possessive keeps its verb.
        for verb in [
            "His aides say the ferry will run on Sunday.",
            "Their lawyers claim the toll was never lawful.",
        ] {
            let frames = frames_of(verb);
            assert!(!frames.is_empty(), "{verb}: {frames:#?}");
        }
    }

    /// A number inside the clause after "told" ends no object, and a year inside a
    /// phrase of setting before "that" is passed like its words.
    #[test]
    fn numbers_after_the_cue_belong_where_they_stand() {
        assert_frame(
            "Alma Reis told reporters the ruling put 350 jobs at risk.",
            "source_then_clause",
            "Alma Reis",
            &["the ruling put 350 jobs at risk"],
        );
        assert_frame(
            "Ivo Brandt recalled in 2019 that the wells ran dry twice.",
            "source_then_clause",
            "Ivo Brandt",
            &["that the wells ran dry twice"],
        );
    }

    /// Rule `compound_noun_cue`: a cue inside a noun phrase is no statement; a noun that
    /// speaks keeps a one-word content.
    #[test]
    fn a_cue_inside_a_noun_phrase_is_no_statement() {
        let frames =
            frames_of("Dana Kuusk, who heads the local claims office, said most claims were for roofs.");
        assert!(frames.iter().all(|f| f.2 != "the local"), "{frames:#?}");
        assert!(frames.iter().any(|f| f.1 == "said"), "{frames:#?}");
        let frames = frames_of("The mayor says no.");
        assert!(frames.iter().any(|f| f.2 == "The mayor"), "{frames:#?}");
    }

    /// Rule `head_before_relative` (sources): a relative clause after the speaker.
    #[test]
    fn head_before_relative() {
        let frames = frames_of("Residents who lost power said crews arrived within hours.");
        assert_eq!(frames.len(), 1, "{frames:#?}");
        assert_eq!(
            (frames[0].1.as_str(), frames[0].2.as_str()),
            ("said", "Residents"),
            "{frames:#?}"
        );
    }

    /// Coordinated verbs: the subject is found past an adverb before the first verb.
    #[test]
    fn a_subject_past_an_adverb_before_coordinated_verbs() {
        let frames =
            frames_of("The mayor also outlined her harbour plan and vowed to fine “every careless skipper.”");
        assert!(
            frames.iter().any(|f| f.1 == "vowed" && f.2 == "The mayor"),
            "{frames:#?}"
        );
    }

    /// Rule `content_then_source`, second part (`clause_after_parenthetical`): an
    /// attribution set off by commas attributes the clause after it too; a participle
    /// after it is no such clause.
    #[test]
    fn clause_after_parenthetical() {
        assert_frame(
            "In fact, Ines Lund said, the ferry will keep its winter timetable.",
            "content_then_source",
            "Ines Lund",
            &["In fact", "the ferry will keep its winter timetable"],
        );
        let frames = frames_of("The toll is fair, Ines Lund said, adding that the pier needs work.");
        assert_eq!(frames[0].3, vec!["The toll is fair".to_string()], "{frames:#?}");
        // After a quotation the clause past the comma is the writer's.
        let frames = frames_of("“The toll is fair,” Ines Lund said, the crowd was already leaving.");
        assert_eq!(
            frames[0].3,
            vec!["“The toll is fair,”".to_string()],
            "{frames:#?}"
        );
    }

    /// A phrase of setting after the verb ("said at the gate") is not what was said: the
    /// quotation before the source is. A clause after a preposition still is content.
    #[test]
    fn a_setting_after_the_verb_leaves_the_content_before_the_source() {
        assert_frame(
            "\u{201c}We sail at dawn or not at all,\u{201d} ferry skipper Lena Brekke said at the pier.",
            "content_then_source",
            "Lena Brekke",
            &["\u{201c}We sail at dawn or not at all,\u{201d}"],
        );
        assert_frame(
            "The crews will strike again, pilot Arne Dahl said in a statement.",
            "content_then_source",
            "Arne Dahl",
            &["The crews will strike again"],
        );
        assert_frame(
            "Councillor Abe Kahn said on Friday the locks would open late.",
            "source_then_clause",
            "Councillor Abe Kahn",
            &["the locks would open late"],
        );
    }

    #[test]
    fn split_quotation() {
        assert_frame(
            "“The gates leak,” Jo Brandt, the harbour master, said in a letter, “and the council knows it.”",
            "split_quotation",
            "Jo Brandt",
            &["“The gates leak,”", "in a letter, “and the council knows it.”"],
        );
        // Only a setting after the verb: the quotation before is all that was said.
        assert_frame(
            "“The gates leak,” Jo Brandt, the harbour master, said in a letter to the council.",
            "content_then_source",
            "Jo Brandt",
            &["“The gates leak,”"],
        );
    }

    /// A role set off by commas before a name: the name speaks, whether the entity finder
    /// joined the role to the person (a known first name) or left it apart, and whether the
    /// role opens the sentence (the source then starts it) or follows "The".
    #[test]
    fn role_then_name_set_off_by_commas() {
        for (text, rule, source) in [
            (
                "The Harbour Minister, Jo Brandt, said the ferry would keep its timetable.",
                "split_quotation",
                "Harbour Minister, Jo Brandt",
            ),
            (
                "Harbour Minister, Donald Brask, said the ferry would keep its timetable.",
                "source_then_clause",
                "Harbour Minister, Donald Brask",
            ),
            (
                "The Harbour Minister, Quillory Brask, said the ferry would keep its timetable.",
                "split_quotation",
                "Quillory Brask",
            ),
        ] {
            assert_frame(text, rule, source, &["the ferry would keep its timetable"]);
        }
    }

    /// A weak cue (one that needs a clause) attributes a quotation that follows it, with
    /// the subject before it or, for a participle set off by a comma, the main clause's
    /// subject; without a quotation it makes no frame, nor does a participle glued to a noun.
    #[test]
    fn weak_cue_quotation() {
        assert_frame(
            "The mayor called the plan a “costly mistake” on Friday.",
            "weak_cue_quotation",
            "The mayor",
            &["the plan a “costly mistake” on Friday"],
        );
        assert_frame(
            "Councillor Abe Kahn attacked the ferry board, calling its fares “a scandal.”",
            "weak_cue_quotation",
            "Councillor Abe Kahn",
            &["its fares “a scandal.”"],
        );
        let unquoted = frames_of("The mayor called the plan a costly mistake on Friday.");
        assert!(
            unquoted.iter().all(|f| f.0 != "weak_cue_quotation"),
            "{unquoted:#?}"
        );
        // A second verb of speech ends the content: it makes a statement of its own.
        let two = frames_of("Jo Roe accused the board of “waste” and insisted that the fares would fall.");
        assert_eq!(two.len(), 2, "{two:#?}");
        assert_eq!(
            (two[0].0, two[0].3.as_slice()),
            ("weak_cue_quotation", &["the board of “waste”".to_string()][..])
        );
        assert_eq!((two[1].0, two[1].2.as_str()), ("source_then_clause", "Jo Roe"));
        let glued = frames_of("The board placed posters calling the fares “a scandal.”");
        assert!(glued.iter().all(|f| f.0 != "weak_cue_quotation"), "{glued:#?}");
    }

    #[test]
    fn inverted() {
        assert_frame(
            "“The locks will hold,” said Jo Brandt.",
            "inverted",
            "Jo Brandt",
            &["“The locks will hold,”"],
        );
        assert_frame(
            "“The locks will hold,” said she in a letter.",
            "inverted",
            "she",
            &["“The locks will hold,”"],
        );
        // A pronoun with a verb of its own after the cue begins the reported clause.
        let text = "Critics of the lock plan, including two harbour pilots, argued it had never been costed.";
        assert!(
            frames_of(text).iter().all(|f| f.0 != "inverted"),
            "{:?}",
            frames_of(text)
        );
    }

    #[test]
    fn introduces_next_paragraph() {
        let text = "Mayor Jo Brandt told the council:\n“The locks are older than the town.”";
        let frames = frames_of(text);
        assert_eq!(frames.len(), 1, "{frames:#?}");
        assert_eq!(frames[0].0, "introduces_next_paragraph");
        assert_eq!(frames[0].2, "Mayor Jo Brandt");
        assert!(frames[0].3.is_empty());
    }

    #[test]
    fn quotation_then_speaker() {
        assert_frame(
            "“We will not pay,” Oliver Hale barked.",
            "quotation_then_speaker",
            "Oliver Hale",
            &["“We will not pay,”"],
        );
    }

    #[test]
    fn verb_first() {
        assert_frame(
            "Said Jo Brandt: “The gates stay shut.”",
            "verb_first",
            "Jo Brandt",
            &["“The gates stay shut.”"],
        );
    }

    #[test]
    fn subject_verb() {
        assert_frame(
            "The mayor dismissed the plan as a “costly mistake” on Friday.",
            "subject_verb",
            "The mayor",
            &["the plan as a “costly mistake” on Friday"],
        );
    }

    /// A participle's speaker is the pronoun subject of the clause it closes, not the
    /// sentence's first subject; a pronoun opening an embedded clause is not that subject.
    #[test]
    fn a_participle_takes_the_subject_of_its_clause() {
        let frames = frames_of(
            "Mayor Jo Brandt praised the pilots, though at the meeting she turned their offer down, saying the harbour had no money.",
        );
        let last = frames.last().expect("a frame");
        assert_eq!((last.0, last.2.as_str()), ("participle", "she"), "{frames:#?}");
        let frames = frames_of(
            "The retired skipper has said nothing about how he planned the voyage, saying only that the sea decides.",
        );
        let last = frames.last().expect("a frame");
        assert_eq!(last.0, "participle", "{frames:#?}");
        assert_ne!(last.2.as_str(), "he", "{frames:#?}");
    }

    /// Every rule in the table has a reason, a unique name and a test above.
    #[test]
    fn every_rule_is_named_and_explained() {
        let mut names: Vec<&str> = FRAMES.iter().map(|r| r.rule.name()).collect();
        assert!(FRAMES
            .iter()
            .all(|r| !r.reason.is_empty() && !r.reason.contains('\n')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FRAMES.len());
        let tests = include_str!("frames.rs");
        for r in FRAMES {
            let test = format!("fn {}() {{", r.rule.name());
            assert!(tests.contains(&test), "no test for frame rule {}", r.rule.name());
        }
    }
}
