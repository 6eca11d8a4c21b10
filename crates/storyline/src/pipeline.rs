//! The pipeline: raw items → articles (per document), then the corpus passes
//! (template lines, duplicates) over all of them.

use std::cell::Cell;

use crate::article::{
    article_id, join_paragraphs, Article, DateSource, OutletSource, PubDate, Published, RemovedKind, SiteKey,
    SCHEMA_VERSION,
};
use crate::clean::{clean, CleanMode};
use crate::corpus::dedup::DedupConfig;
use crate::corpus::template::TemplateConfig;
use crate::corpus::{self, CorpusMeta, CorpusSig};
use crate::error::{Error, InputError, Stage};
use crate::extract::{self, extract_html, outlets, ExtractMode};
use crate::ingest::{Content, Failure, IngestConfig, InputMeta, RawItem};
use crate::quotes;
use crate::text::segment;
use crate::time;
use crate::{Format, Source};

/// Version of the analysis: bumped whenever a change to the stages after cleaning (text,
/// entities, quotes, time) changes what they produce for the same clean text. The store
/// records it per article; `storyline reanalyze` brings older articles up to date.
/// Version 6: the rules of sessions since version 5 (sentences, entities, quotes, dates,
/// figures) and the tokenizer's bracket escapes, none of which bumped it. Version 7: the
/// quote rules for deeds read as statements and for sources described by what they know.
/// Version 8: the quote rules for a person asked about (`asked_whether`) and for
/// capitalised modifiers joined by "and" (`coordinated-modifiers`), for a number before
/// its noun (`number_before_noun`) and for a plural noun before its verb
/// (`plural_noun_before_verb`), a name with its acronym in brackets before the source's
/// head (`acronym_in_brackets`), a count read past in `light_verb_deed`; yuan with
/// tenths (`kuai-mao-fen`); the figure rules `year_span` (past its opening word),
/// `emergency_number` and `phrase_ends_at_day`; the
/// time rules `named_periodical`, `quarter_as_share` before "the" or a possessive, and
/// durations with a hyphenated half or a word between number and unit
/// ("30-business-day", "seven-and-a-half years", "14 straight years"). Version 9: the
/// publication date read from the page's stamp line (`page_stamp_date`) and no longer
/// from a body date and its weekdays, photo captions only with words of their own; the
/// time rules `this_weekend_told_as_past` and rates of decades ("once-a-decade").
/// Version 10: a dateline's date is not a file picture's (`archive-photo`) nor one asked
/// about in a question (`asked-date`); a capitalised number word right after a word in
/// title case ends a name ("Air Force One", "the Big Three"), no figure (`named_number`);
/// a role set before the source's name by commas is the source's, not the statement's
/// (`role_before_name`), and a wire's dateline is not (`wire_dateline`); a name that
/// ends in a trade is a company (`data/trade-words.txt`), and the word after a dateline
/// opens its sentence; "a quarter point" is no span of time (`quarter_as_share`); "a
/// month earlier" counts back from the month in focus (`earlier_than_month`); a date
/// right after a figure is its own (`figure_own_date`). Version 11: a plural possessive
/// inside a body's name ("the National Farmers' Union", "the People's Republic of …",
/// `possessive_inside_name`); a short description set off before a person's name names
/// the source (`description_set_off_before`); a record before "from" keeps its maker
/// (`record_keeps_its_maker`); particles and compass points after a distance end what a
/// figure measures (`data/phrase-ends.txt`); "Danish crowns" and the other crowns are
/// their currencies; a possessive date opening a sentence dates it (`possessive_subject`);
/// the time of a saying after its verb is passed whole ("said earlier this month that",
/// `cue_time_before_content`); an appositive's body noun after two modifiers types a
/// name an organisation (`organisation-appositive`). Version 12: after a figure's "of" a
/// determiner opens the whole a share is taken of, which is what it measures ("40 percent
/// of the city", "60 of the 85 closed roads", `share_of_whole`); "do", "does" and "did" end
/// a measured phrase; plurals in "-es" after a hissing sound lose both letters in a
/// concept ("witnesses" → "witness"); the size of a change measures what changed, the
/// verb's subject or the object before "by" ("raise its fees by 8 percent", `changed_by`);
/// after "a" or "an" and one word a cue in its base form
/// is a noun ("a controversial tweet", `article_adjective_noun`); a function word with a
/// capital after a verb of speech opens a name ("said Per Lund", `function_word_first_name`);
/// a listed name that opens with a place stays whole ("USA Today", `data/aliases.tsv`).
/// Version 13: a report that opens with its dateline and a full date ("WENLOW, 6 April
/// 2032 — …") was published that day (`opening_dateline`); a date line in the page's head
/// counts without a time of day (`head_date`; the head is known for sources read again;
/// cleaning also reads a news database's export by its labels and a byline's source as
/// the outlet, for sources read again);
/// a point of a date is part of it ("the end of this week", "the middle of October"), "the
/// end of the month" is the current month (`period_point`), "the second half of the year"
/// one half year, and "tonight" a TIME, the creation day's night (`2031-05-06TNI`);
/// "last" after a modal is a verb (`last_as_verb`). Quotes: a cue in its base form is a
/// noun after a possessive and a word that is no plural ("her initial tweet"), after "a"
/// and a count joined to a word ("a 40-page report"), after "the" and a word before a
/// preposition ("the final say on"); a relative clause after a speaker leaves the speaker
/// ("Residents who lost power said", `head_before_relative`); a subject is found past
/// "also", "then", "later" before its coordinated verbs.
/// 14: the noun before "for" speaks ("lawyers for both sides said"; not a representative
/// before a name, nor "for" inside a name: `speaker_before_for`), and a name after a
/// preposition is not made a person by the verb after it; a number followed by a word
/// ends no object after "told", and a year is passed in a phrase of setting before
/// "that"; a lone common noun opening a sentence is no entity (`common_noun_opener`);
/// for sources read again, a dateline's written-out wire names the outlet
/// (`dateline_wire_name`; the site's name from the `<title>` confirmed by the footer's
/// copyright notice, `title_site_in_footer`, is read at extraction); a name after "in",
/// "of" or "at" at the end of what a figure measures is not the measure
/// (`noun_before_named_place`: "Shares in Granvik fell 9 percent" measures shares); a
/// cue between a determiner's modifier and one noun is no cue (`compound_noun_cue`: "the
/// local claims office").
/// 15: an "-ing" form ends no statement ("With most wards reporting, …",
/// `participle_last`); after "told" and its object a phrase of setting without a verb is
/// not what was said (`told_whom_where`); "they" after a plural common-noun subject is
/// not a name further back (`they_after_plural_noun`); a lone possessive name opening a
/// sentence is a name (`possessive_opener`) and the body it owns is the subject
/// (`possessive_subject_head`); a lone capital letter is no name (`single_letter`); "the
/// X team" makes X an organisation (`body-noun-after`); a period in parts is one time
/// expression (`period_parts`); a date in a fronted participle clause does not date the
/// sentence (`fronted_participle`) but dates that clause's figures
/// (`fronted_clause_date`); "she was 91." and "died at 91" are ages (`pronoun_age`); a
/// figure after "up from" measures what the figure before it does (`same_measure_before`).
/// 16: "7 of 12 races" measures races for 7 (`count_of_count`).
/// 17: "raised interest rates", "released the prisoners", "addressed the crowd" are deeds,
/// no statements (`deed_object`); a firm named short is the firm named in full
/// (`org_short_form`); clubs', consortia's and securities firms' names are organisations;
/// "September 2 and 3" dates both days (`second_day`) and "6.15pm" is a clock time; a
/// scale between hyphens scales its number ("1.9-billion-kilometre", `hyphened-scale`); an
/// earlier value with no unit measures what the figure before it does
/// (`same_measure_before`); "sales of its snack brands" is measured whole
/// (`of_phrase_whole`); "86 new infections reported in the week" is no statement (`counted_participle`); the
/// tense of an "if" clause after a date says nothing of it (`subordinate_after`); "that"
/// after a verb of saying points to no time (`complementizer_that`); "Now 78, he …" is an
/// age (`fronted_age`); "shortly" and "near" are no measured phrase; "Dr" without a full
/// stop is a title.
/// 18: a masthead line in the page's head names the outlet and is no headline
/// (`head_masthead`); a byline set out with bars or bullets, or with a newsroom role, is a
/// byline and a desk is no author (`newsroom_desk`); "Issued …" stamps a page and a date
/// alone on its line is a stamp, not a caption; the subject of a "when"/"because" clause
/// or of a question is no source (`subordinate_source`); an organisation speaks after a
/// participle aside; "the passenger group X" is an organisation
/// (`organisation-noun-before`) and "a son, Per" a person (`role-then-name`); players'
/// positions are roles; "until midday on Sunday" lies ahead (`until_ahead`), as does an
/// event "likely" after a present "be" (`likely_ahead`) and one that "closes" or
/// "expires"; a date after "down from" and a number dates the earlier value
/// (`earlier_value`); the "25" of "2024-25" is no figure (`season_tail`).
/// 19: "Quillby Post - Health" is a masthead line too; "By staff reporters | date" is a
/// byline (a desk, no author) that dates the page; a name on its line with the author's
/// post on the next is a byline (`role_line`); a description with a name set off after it
/// speaks as that name (`name_in_apposition`); "recalled 9,000 cars" and "recalled its
/// ambassador" are deeds (`deed_object`); "until at least Tuesday" lies ahead
/// (`until_ahead`) and "than expected in January" says nothing of when
/// (`compared_expectation`); "Terminals", "Nutrition" and other trades end a firm's name.
/// 20: an organisation's word that opens no name may end one ("Human Rights Watch said").
/// 21: "six months earlier than it forecast" is a duration, no date
/// (`earlier_than_compared`); "by spring", "in winter" are seasons; "one-in-three" is a
/// share (`hyphened-share`); "call 555-0142" is no figure (`phone-number`); "Members of
/// Harbour Watch" names the body (`group_of_body`); "team", "squad", "taskforce" make a
/// body's name; "Brig.", "Cpl.", "Det." end no sentence and are roles; a wire's name
/// whose initials its dateline gives is the source (`dateline_initials`); a wire's closing
/// credits in brackets are removed and name its reporters (`wire_credit`); "she" after an
/// unnamed "a spokeswoman …" sentence is not a name further back
/// (`she_after_person_noun`); "the mediator, Ana Ruiz of the port, said" speaks as Ana Ruiz.
pub const PIPELINE_VERSION: u32 = 21;

/// The invented page a run analyses while it starts ([`Pipeline::warm_up`]): a dateline,
/// a quotation with its speaker, dates, counts, money and a share, so that every stage
/// builds what it builds on first use.
const WARM_TEXT: &str = "ELMSBROOK, May 6 (Harbour Wire) - The county water board said on Tuesday that \
about 1,200 homes in three villages lost supply after a main burst, and that repairs would \
take two weeks. \u{201c}We expect most taps to run again by Friday,\u{201d} said Dana Ortiz, the \
board\u{2019}s director, adding that the work would cost $4.5 million, 12% more than planned. \
According to the board, the pipe was laid in 1962 and last inspected on 3 March 2021.";
const WARM_URL: &str = "https://harbour-wire.example/2024/05/06/water-main-burst";
const WARM_PAGE: &str = concat!(
    "<!doctype html><html><head><title>Water main burst leaves villages dry | Harbour Wire</title>",
    "<meta property=\"og:site_name\" content=\"Harbour Wire\">",
    "<meta property=\"article:published_time\" content=\"2024-05-06T09:30:00Z\">",
    "<meta name=\"author\" content=\"Lee Marsh\"></head><body><nav><a href=\"/\">Home</a> | ",
    "<a href=\"/local\">Local</a></nav><article><h1>Water main burst leaves villages dry</h1>",
    "<p>ELMSBROOK, May 6 (Harbour Wire) - The county water board said on Tuesday that about 1,200 ",
    "homes in three villages lost supply after a main burst.</p><p>\u{201c}We expect most taps to run ",
    "again by Friday,\u{201d} said Dana Ortiz, the board\u{2019}s director. The work would cost $4.5 ",
    "million, 12% more than planned, and take two weeks.</p></article>",
    "<footer>Subscribe to our newsletter</footer></body></html>"
);

/// Languages the language stages (entities, quotes, time) are written for.
pub const SUPPORTED_LANGUAGES: &[&str] = &["en"];

thread_local! {
    /// The stage the current thread is in, so that a panic can be reported as that
    /// stage's internal error.
    static CURRENT_STAGE: Cell<Stage> = const { Cell::new(Stage::Ingest) };
}

/// Marks the stage this thread is entering (see [`current_stage`]).
pub(crate) fn enter(stage: Stage) {
    CURRENT_STAGE.with(|c| c.set(stage));
}

/// The stage this thread last entered.
pub(crate) fn current_stage() -> Stage {
    CURRENT_STAGE.with(Cell::get)
}

/// The template lines guessed ahead for an item: given its outlet and its lines, the
/// places of those to drop (see [`Pipeline::analyze_known`]).
pub type KnownLines<'a> = &'a (dyn Fn(Option<&str>, &[corpus::template::LineSig]) -> Vec<usize> + Sync);

/// An item analysed for the store (see [`Pipeline::analyze_known`]).
pub struct Prepared {
    /// The per-document record; unanalysed (no sentences) when `view` is given.
    pub doc: Article,
    pub sig: CorpusSig,
    /// The template lines dropped and the analysed record without them.
    pub view: Option<(Vec<usize>, Article)>,
}

/// A document's body, borrowed.
enum Body<'a> {
    Text(&'a str),
    Html(&'a str),
}

/// Pipeline settings. Unknown fields are refused, so a typo never silently falls back
/// to a default.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PipelineConfig {
    /// Largest single document read into memory, in bytes.
    pub max_bytes: u64,
    /// Main-text extractor for HTML: `accurate` (default), `balanced` or `fast`.
    pub extract: ExtractMode,
    pub dedup: DedupConfig,
    pub template: TemplateConfig,
    /// Find entities and quotes (who said what).
    pub quotes: bool,
    /// Find time expressions, date sentences and infer missing publication dates.
    pub dates: bool,
    /// Find figures (quantitative claims); needs `dates` (a figure inside a time
    /// expression is none, and each is dated).
    pub figures: bool,
    /// The outlet of every item whose own metadata (a sidecar, a JSON Lines field) names
    /// none: for a folder of plain text from one outlet (`--outlet NAME`). It ranks above
    /// what the page or text says (`outlet_source` `config`).
    pub outlet: Option<String>,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        PipelineConfig {
            max_bytes: IngestConfig::default().max_bytes,
            extract: ExtractMode::default(),
            dedup: DedupConfig::default(),
            template: TemplateConfig::default(),
            quotes: true,
            dates: true,
            figures: true,
            outlet: None,
        }
    }
}

/// A validated pipeline.
#[derive(Debug, Clone)]
pub struct Pipeline {
    config: PipelineConfig,
}

impl Pipeline {
    /// Validates the configuration.
    pub fn build(config: PipelineConfig) -> Result<Self, Error> {
        let t = config.dedup.threshold;
        if !(t > 0.0 && t <= 1.0) {
            return Err(Error::Input(format!(
                "dedup threshold must be in (0, 1], got {t}"
            )));
        }
        if config.template.min_stories < 2 {
            return Err(Error::Input("template.min_stories must be at least 2".into()));
        }
        if config.outlet.as_deref().is_some_and(|o| o.trim().is_empty()) {
            return Err(Error::Input("outlet must not be empty".into()));
        }
        if config.max_bytes == 0 {
            return Err(Error::Input("max_bytes must be positive".into()));
        }
        Ok(Pipeline { config })
    }

    pub fn config(&self) -> &PipelineConfig {
        &self.config
    }

    pub fn ingest_config(&self) -> IngestConfig {
        IngestConfig {
            max_bytes: self.config.max_bytes,
        }
    }

    /// Analyses one plain-text document (as scraped).
    pub fn analyze_text(&self, text: &str, name: &str) -> Result<Article, Failure> {
        self.analyze(RawItem::text(name, text, InputMeta::default()))
    }

    /// Analyses one document on its own: extraction, cleaning, metadata, then the
    /// language stages.
    pub fn analyze(&self, item: RawItem) -> Result<Article, Failure> {
        let body = match &item.content {
            Content::Html(h) => Body::Html(h),
            Content::Text(t) => Body::Text(t),
        };
        let mut a = self.analyze_body(item.source, body, item.meta, item.warnings)?;
        self.language_stages(&mut a);
        Ok(a)
    }

    /// Analyses one HTML page given by reference.
    pub fn analyze_html(&self, html: &str, url: Option<&str>, name: &str) -> Result<Article, Failure> {
        let source = Source {
            path: name.to_string(),
            format: Format::Html,
            record_id: None,
            line: None,
        };
        let meta = InputMeta {
            url: url.map(str::to_string),
            ..Default::default()
        };
        let mut a = self.analyze_body(source, Body::Html(html), meta, vec![])?;
        self.language_stages(&mut a);
        Ok(a)
    }

    fn analyze_body(
        &self,
        source: Source,
        content: Body<'_>,
        meta: InputMeta,
        mut warnings: Vec<String>,
    ) -> Result<Article, Failure> {
        let key = source.key();
        let InputMeta {
            mut url,
            mut title,
            published: meta_published,
            outlet: meta_outlet,
            mut authors,
            mut language,
            crawl_date,
        } = meta;
        let mut published = meta_published.as_deref().and_then(|p| {
            let value = extract::parse_date(p);
            if value.is_none() {
                warnings.push(format!("unreadable published date in metadata: {p:?}"));
            }
            value.map(|value| Published {
                value,
                source: DateSource::Metadata,
                confidence: 1.0,
                evidence: None,
            })
        });
        let outlet = meta_outlet.map(|o| (o, OutletSource::Metadata)).or_else(|| {
            let given = self.config.outlet.as_deref()?.trim();
            Some((outlets::name_for(given), OutletSource::Config))
        });
        let mut site_name = None;

        let cleaned = match content {
            Body::Html(html) => {
                enter(Stage::Extract);
                let e = extract_html(html, url.as_deref(), self.config.extract)
                    .map_err(|e| Failure::new(key.clone(), Stage::Extract, e))?;
                title = title.or(e.title);
                if authors.is_empty() {
                    authors = e.authors;
                }
                url = url.or(e.url);
                language = language.or(e.language);
                published = published.or(e.published);
                site_name = e.site_name;
                warnings.extend(e.warnings);
                enter(Stage::Clean);
                let c = clean(&e.text, title.as_deref(), CleanMode::Extracted);
                if c.paragraphs.is_empty() {
                    return Err(Failure::new(key, Stage::Extract, InputError::NoText));
                }
                c
            }
            Body::Text(text) => {
                enter(Stage::Clean);
                let c = clean(text, title.as_deref(), CleanMode::Scraped);
                if c.paragraphs.is_empty() {
                    return Err(Failure::new(key, Stage::Clean, InputError::NoText));
                }
                title = title.or_else(|| c.title.clone());
                if authors.is_empty() {
                    authors = c.authors.clone();
                }
                c
            }
        };
        if published.is_none() {
            published = url.as_deref().and_then(extract::date_from_url);
        }
        // A single document's file path (not a WARC or JSON Lines container's name).
        if published.is_none() && source.record_id.is_none() && source.line.is_none() {
            published = extract::date_from_path(&source.path);
        }
        if published.is_none() {
            published = crawl_date
                .as_deref()
                .and_then(extract::parse_date)
                .map(|value| Published {
                    value,
                    source: DateSource::WarcDate,
                    confidence: 0.2,
                    evidence: None,
                });
        }
        // A known outlet's host first, then the page's own name for itself, then
        // tell-tale lines, then the bare host.
        let host = url.as_deref().and_then(outlets::host_of);
        let outlet = outlet
            .or_else(|| {
                let known = host.as_deref().and_then(outlets::known_host)?;
                Some((known.to_string(), OutletSource::Url))
            })
            .or_else(|| {
                let name = outlets::site_outlet(site_name.as_deref()?, title.as_deref(), &mut warnings)?;
                Some((name, OutletSource::SiteName))
            })
            .or(cleaned.outlet)
            .or_else(|| host.map(|h| (h, OutletSource::Url)));
        let (text, paragraphs) = join_paragraphs(&cleaned.paragraphs);
        // The text's own language decides which stages can read it; a declared language
        // stands when the text is too short to tell.
        enter(Stage::Text);
        let detected = extract::detect_language(&text);
        language = detected.clone().or(language);
        let article = Article {
            schema: SCHEMA_VERSION,
            id: article_id(&text, outlet.as_ref().map(|(o, _)| o.as_str()), url.as_deref()),
            source,
            outlet_source: outlet.as_ref().map(|(_, how)| *how),
            outlet: outlet.map(|(o, _)| o),
            url,
            title,
            subtitle: cleaned.subtitle,
            authors,
            published,
            language,
            text,
            paragraphs,
            sentences: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            timexes: Vec::new(),
            sentence_dates: Vec::new(),
            figures: Vec::new(),
            removed: cleaned.removed,
            duplicate_of: None,
            duplicate_kind: None,
            warnings,
        };
        Ok(article)
    }

    /// Analyses one item knowing some of its outlet's template lines (`known(outlet,
    /// lines)` gives the places of those among the item's lines): when it carries any,
    /// they are dropped before the language stages run (on the trimmed view only; the
    /// per-document record is kept as read, unanalysed), so that the store need not
    /// analyse it twice. The corpus passes still decide; this only guesses ahead.
    pub fn analyze_known(&self, item: RawItem, known: KnownLines<'_>) -> Result<Prepared, Failure> {
        let body = match &item.content {
            Content::Html(h) => Body::Html(h),
            Content::Text(t) => Body::Text(t),
        };
        let mut doc = self.analyze_body(item.source, body, item.meta, item.warnings)?;
        let sig = self.corpus_sigs(&doc);
        let outlet = doc.outlet.as_deref();
        let template = known(outlet, &sig.lines);
        if template.is_empty() {
            // The usual case: nothing known to drop, no view to make.
            self.language_stages(&mut doc);
            return Ok(Prepared { doc, sig, view: None });
        }
        let mut view = doc.clone();
        let decision = corpus::CorpusDecision {
            template_lines: template.clone(),
            ..Default::default()
        };
        if decision.apply(&mut view) {
            self.language_stages(&mut view);
            return Ok(Prepared {
                doc,
                sig,
                view: Some((template, view)),
            });
        }
        self.language_stages(&mut doc);
        Ok(Prepared { doc, sig, view: None })
    }

    /// Builds the stages' tables, automata and this thread's caches ahead of the first
    /// article, by analysing a small invented page. `turn` picks the order: turn 0 starts
    /// with extraction and cleaning, turn 1 with the time stage, so that two threads
    /// warming at once build different tables rather than one waiting on the other's.
    /// A run starts one turn per worker while it opens the store and lists its inputs;
    /// nothing it makes is kept, and a panic here (there should be none) is swallowed:
    /// the first real article would meet the same fault and report it as its own.
    pub(crate) fn warm_up(&self, turn: usize) {
        let run = || {
            if turn % 2 == 1 {
                let text = WARM_TEXT;
                let paragraphs = [crate::Span::new(0, text.len())];
                let sentences = segment::sentences(text, &paragraphs);
                let _ = time::infer_published(text, &[]);
                let _ = time::annotate(text, &paragraphs, &sentences, None);
                let _ = quotes::analyze(text, &paragraphs, &sentences);
            }
            let page = self.analyze_html(WARM_PAGE, Some(WARM_URL), "warm-up");
            if let Ok(a) = page {
                let _ = self.corpus_sigs(&a);
                let _ = crate::store::RecordJson::new(&a, None);
            }
        };
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run));
    }

    /// Whether the language stages can read an article in `language` (unknown: try).
    pub fn supports(language: Option<&str>) -> bool {
        language.is_none_or(|l| {
            let l = l.to_ascii_lowercase();
            SUPPORTED_LANGUAGES
                .iter()
                .any(|s| l == *s || l.starts_with(&format!("{s}-")))
        })
    }

    /// The stages after cleaning, over an article's clean text: sentences, entities and
    /// quotes, a publication date read from the text when no metadata gave one, time
    /// expressions and sentence dates. Replaces whatever those stages had produced, so it
    /// serves a first analysis, a text trimmed by the corpus passes, and `reanalyze`.
    /// Skipped, with a warning, for a language the stages are not written for.
    pub fn language_stages(&self, a: &mut Article) {
        enter(Stage::Text);
        a.sentences = segment::sentences(&a.text, &a.paragraphs);
        a.entities.clear();
        a.quotes.clear();
        a.timexes.clear();
        a.sentence_dates.clear();
        a.figures.clear();
        if !Self::supports(a.language.as_deref()) {
            let lang = a.language.as_deref().unwrap_or_default();
            let note =
                format!("language {lang:?}: entities, quotes and dates are read in English only; skipped");
            if !a.warnings.contains(&note) {
                a.warnings.push(note);
            }
            return;
        }
        if self.config.quotes {
            enter(Stage::Quotes);
            let who = quotes::analyze(&a.text, &a.paragraphs, &a.sentences);
            a.entities = who.entities;
            a.quotes = who.quotes;
        }
        if !self.config.dates {
            return;
        }
        enter(Stage::Time);
        // No publication date, or only a crawl date: read it from the text when the evidence
        // is strong (photo captions count: they were cleaned out, not lost).
        if a.published
            .as_ref()
            .is_none_or(|p| p.source == DateSource::WarcDate)
        {
            let captions: Vec<&str> = a
                .removed
                .iter()
                .filter(|r| matches!(r.kind, RemovedKind::Caption | RemovedKind::Credit))
                .map(|r| r.text.as_str())
                .collect();
            let stamps: Vec<time::StampLine> = a
                .removed
                .iter()
                .filter(|r| {
                    matches!(
                        r.kind,
                        RemovedKind::Timestamp | RemovedKind::Byline | RemovedKind::Caption
                    )
                })
                .map(|r| time::StampLine {
                    text: &r.text,
                    byline: r.kind == RemovedKind::Byline,
                    head: r.head && r.kind == RemovedKind::Timestamp,
                })
                .collect();
            let plausible = |inf: &time::Inferred| PubDate::Date(inf.date).plausible();
            let inferred = time::stamp_date(&stamps)
                .filter(plausible)
                .or_else(|| time::infer_published(&a.text, &captions).filter(plausible))
                .map(|inf| (PubDate::Date(inf.date), inf));
            if let Some((value, inf)) = inferred {
                a.published = Some(Published {
                    value,
                    source: DateSource::Text,
                    confidence: inf.confidence,
                    evidence: Some(inf.evidence),
                });
            }
        }
        (a.timexes, a.sentence_dates) = time::annotate(
            &a.text,
            &a.paragraphs,
            &a.sentences,
            a.published.as_ref().map(Published::date),
        );
        if self.config.figures {
            enter(Stage::Claims);
            a.figures = crate::claims::figures(a);
        }
    }

    /// Re-runs the analysis of a stored article from its clean per-document text (no
    /// re-ingest): a publication date that had been read from the text is read again.
    pub fn reanalyze(&self, a: &mut Article) {
        if a.published.as_ref().is_some_and(|p| p.source == DateSource::Text) {
            a.published = None;
        }
        a.schema = SCHEMA_VERSION;
        self.language_stages(a);
    }

    /// Per-article data the corpus passes need, computed once per article.
    pub fn corpus_sigs(&self, a: &Article) -> CorpusSig {
        CorpusSig::of(a, &self.config.template)
    }

    /// Runs the corpus passes over articles held in memory and applies them; an article
    /// that loses template paragraphs is analysed again on its new text. Then every
    /// article of a site is shown under its site's name among these articles
    /// ([`corpus::sites`]); ids stay those of the names the items gave themselves.
    pub fn finish(&self, articles: &mut [Article]) {
        let sigs: Vec<CorpusSig> = articles.iter().map(|a| self.corpus_sigs(a)).collect();
        let sites: Vec<Option<SiteKey>> = articles.iter().map(corpus::sites::named_site).collect();
        let metas: Vec<CorpusMeta> = articles
            .iter()
            .zip(&sigs)
            .zip(&sites)
            .map(|((a, s), site)| CorpusMeta {
                id: &a.id,
                outlet: a.outlet.as_deref(),
                site: site.as_ref().map(SiteKey::as_str),
                published: a.published.as_ref().map(|p| p.value),
                sig: s,
            })
            .collect();
        let decisions = corpus::decide(&metas, &self.config.dedup, &self.config.template);
        for (a, d) in articles.iter_mut().zip(decisions) {
            if d.apply(a) {
                self.language_stages(a);
            }
        }
        corpus::sites::name_sites(articles);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_round_trips_and_refuses_typos() {
        let c = PipelineConfig {
            max_bytes: 1234,
            extract: ExtractMode::Fast,
            dedup: DedupConfig { threshold: 0.7 },
            template: TemplateConfig {
                min_stories: 4,
                max_words: 12,
            },
            quotes: false,
            dates: false,
            figures: false,
            outlet: Some("Tessel Courier".into()),
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<PipelineConfig>(&json).unwrap(), c);
        assert_eq!(
            serde_json::from_str::<PipelineConfig>("{}").unwrap(),
            PipelineConfig::default()
        );
        assert!(serde_json::from_str::<PipelineConfig>(r#"{"dedup": {"treshold": 0.5}}"#).is_err());
        assert!(serde_json::from_str::<PipelineConfig>(r#"{"extract": "quick"}"#).is_err());
    }

    #[test]
    fn build_validates() {
        let mut c = PipelineConfig::default();
        c.dedup.threshold = 0.0;
        assert!(Pipeline::build(c).is_err());
        let mut c = PipelineConfig::default();
        c.template.min_stories = 1;
        assert!(Pipeline::build(c).is_err());
        assert!(Pipeline::build(PipelineConfig::default()).is_ok());
    }

    #[test]
    fn language_is_read_first_and_the_english_stages_skip_other_languages() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let item = |text: &str, lang: Option<&str>| RawItem {
            source: Source {
                path: "in.txt".into(),
                format: Format::Text,
                record_id: None,
                line: None,
            },
            content: Content::Text(text.to_string()),
            meta: InputMeta {
                language: lang.map(str::to_string),
                published: Some("2021-03-02".into()),
                ..Default::default()
            },
            warnings: vec![],
            bytes: 0,
        };
        // Invented French, declared English: the text's language wins and the English
        // stages are skipped with a warning, not run on it.
        let french = "Le port rouvre\n\nLe port de Kervalec a rouvert lundi apr\u{e8}s trois semaines \
                      de travaux sur les quais. \u{ab} Nous sommes pr\u{ea}ts pour la saison \u{bb}, a \
                      d\u{e9}clar\u{e9} Mathilde Rozenn, directrice du port, devant les p\u{ea}cheurs \
                      r\u{e9}unis sur la jet\u{e9}e le matin m\u{ea}me.";
        let a = p.analyze(item(french, Some("en"))).unwrap();
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert!(!a.sentences.is_empty());
        assert!(a.entities.is_empty() && a.quotes.is_empty() && a.timexes.is_empty());
        assert!(
            a.warnings.iter().any(|w| w.contains("English only")),
            "{:?}",
            a.warnings
        );
        // English text gets every stage.
        let english = "Port reopens\n\nThe port of Kervalec reopened on Monday after three weeks of \
                       work on the quays. \u{201c}We are ready for the season,\u{201d} said harbour \
                       director Mathilde Rozenn to fishermen gathered on the pier.";
        let b = p.analyze(item(english, None)).unwrap();
        assert_eq!(b.language.as_deref(), Some("en"));
        assert!(!b.quotes.is_empty() && !b.timexes.is_empty());
    }

    #[test]
    fn metadata_beats_inference_and_copies_are_grouped() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let text = "Harbour talks stall\n\nNegotiators left the harbour city on Monday without an agreement \
                    on the fishing quotas, officials said, after two days of talks that both sides had called \
                    decisive for the coming season.";
        let item = |outlet: &str, published: &str, n: u64| RawItem {
            source: Source {
                path: format!("in{n}.txt"),
                format: Format::Text,
                record_id: None,
                line: None,
            },
            content: Content::Text(text.to_string()),
            meta: InputMeta {
                outlet: Some(outlet.into()),
                published: Some(published.into()),
                ..Default::default()
            },
            warnings: vec![],
            bytes: 0,
        };
        let mut arts = vec![
            p.analyze(item("Wire B", "2016-12-09", 1)).unwrap(),
            p.analyze(item("Wire A", "2016-12-08", 2)).unwrap(),
        ];
        assert_eq!(arts[0].published.as_ref().unwrap().source, DateSource::Metadata);
        assert_eq!(arts[0].outlet.as_deref(), Some("Wire B"));
        p.finish(&mut arts);
        // Same text, same id: the earlier carrier represents the group, the other is an
        // exact syndicated copy that keeps its own outlet and date.
        assert_eq!(arts[0].duplicate_of.as_deref(), Some(arts[1].id.as_str()));
        assert_eq!(
            arts[0].duplicate_kind,
            Some(corpus::DuplicateKind::ExactSyndicated)
        );
        assert_eq!(
            arts[0].published.as_ref().unwrap().value.to_string(),
            "2016-12-09"
        );
    }

    #[test]
    fn the_warm_up_page_reaches_every_stage_it_means_to_build() {
        // The warm-up is worth its time only if its page takes every stage through
        // what it builds on first use: metadata, a dateline, a quote with a speaker,
        // dates and figures. Both turns must leave the pipeline as they found it.
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let before = p.analyze_html(WARM_PAGE, Some(WARM_URL), "page").unwrap();
        p.warm_up(0);
        p.warm_up(1);
        let a = p.analyze_html(WARM_PAGE, Some(WARM_URL), "page").unwrap();
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&before).unwrap()
        );
        assert_eq!(a.outlet.as_deref(), Some("Harbour Wire"));
        assert_eq!(a.published.as_ref().unwrap().source, DateSource::MetaTag);
        assert!(a
            .quotes
            .iter()
            .any(|q| q.speaker_name.as_deref().is_some_and(|s| s.contains("Ortiz"))));
        assert!(!a.timexes.is_empty() && !a.sentence_dates.is_empty());
        assert!(a.figures.len() >= 3, "{:?}", a.figures);
        let t = p.analyze_text(WARM_TEXT, "text").unwrap();
        assert!(!t.quotes.is_empty() && t.timexes.len() >= 3 && t.figures.len() >= 3);
    }
}
