//! The JSON API, version 1. Each response type is declared here (the API's contract,
//! versioned apart from the record schema) and filled from the library's rows; the
//! OpenAPI document is generated from these declarations and the handlers' annotations.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use storyline::article::RemovedKind;
use storyline::claims::TrackedMeasure;
use storyline::corpus::directory::GlobalEntity;
use storyline::entities::EntityKind;
use storyline::quotes::QuoteKind;
use storyline::run::{Story, StorySource, StorySpeaker};
use storyline::store::stories::{EventRow, QuotedWith, StorylineBrief, StorylineQuery, StorylineRow};
use storyline::store::{QuoteRow, SearchHit, Store};
use storyline::time::TimexType;
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::error::{ApiError, ApiPath, ApiQuery, ErrorBody};
use crate::AppState;

/// Most items a page may hold.
pub(crate) const MAX_PAGE: usize = 100;
/// Items per page when none is asked for.
const DEFAULT_PAGE: usize = 20;
/// Others quoted alongside an entity, listed on its page.
const QUOTED_WITH: usize = 20;
/// Longest accepted search or filter string, in bytes.
const MAX_QUERY: usize = 256;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/storylines", get(storylines))
        .route("/api/v1/stories/{id}", get(story))
        .route("/api/v1/stories/{id}/figures", get(story_figures))
        .route("/api/v1/stories/{id}/framing", get(story_framing))
        .route("/api/v1/articles/{id}", get(article))
        .route("/api/v1/entities/{id}", get(entity))
        .route("/api/v1/search", get(search))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Storyline API",
        version = "1",
        description = "Storylines, stories, articles, people and search over a Storyline store. Read-only unless the server was started with --allow-ingest."
    ),
    paths(
        storylines,
        story,
        story_figures,
        story_framing,
        article,
        entity,
        search,
        crate::ingest::ingest
    ),
    components(schemas(ErrorBody))
)]
struct ApiDoc;

/// The OpenAPI document of this API, generated from the code.
pub(crate) fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}

// ---- shapes -------------------------------------------------------------------------

/// A page of storylines, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StorylinePage {
    pub items: Vec<StorylineRow>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next: Option<String>,
}

/// A sentence taken from an article, with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub(crate) struct SourcedSentence {
    pub text: String,
    pub article: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// Copies of the article that carry the same sentence.
    pub copies: Vec<String>,
    /// What dated the sentence (timeline sentences only): `expression`, `shifted`,
    /// `published` or `day-before` (a lead of an article published the next day), with the
    /// expression's text or the article's day.
    pub evidence: Option<Evidence>,
}

/// What dated a timeline sentence.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub(crate) struct Evidence {
    pub kind: String,
    pub text: Option<String>,
}

/// One date of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub(crate) struct TimelineDay {
    pub date: NaiveDate,
    /// Articles that name the day or were published on it.
    pub articles: u32,
    pub outlets: u32,
    pub sentences: Vec<SourcedSentence>,
}

/// One storyline (or one event of it): what happened when, who said what, the sources.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StoryBody {
    pub storyline: StorylineRow,
    /// The event asked for, when the id was an event's.
    pub event: Option<EventRow>,
    pub summary: Vec<SourcedSentence>,
    pub timeline: Vec<TimelineDay>,
    pub speakers: Vec<StorySpeaker>,
    /// Its figures by measure (most outlets first), claims in as-of order, with the
    /// claims that disagree for the same period and the measure's trend: the first
    /// [`STORY_MEASURES`] of `measures_total`, each abridged to [`STORY_CLAIMS`] claims
    /// (`claims_total` says how many it has; `…/figures` lists them all).
    pub figures: Vec<TrackedMeasure>,
    pub measures_total: usize,
    /// How each outlet framed it, each outlet's lists cut to [`STORY_FRAMING_ITEMS`]
    /// (`…/framing` has them whole).
    pub framing: StoryFraming,
    /// Its sources by publication, syndicated copies folded: the latest
    /// [`STORY_SOURCES`] of `sources_total`.
    pub sources: Vec<StorySource>,
    pub sources_total: usize,
}

/// Sources a story body lists at most (the latest).
pub(crate) const STORY_SOURCES: usize = 200;

/// Measures a story body lists at most (those most outlets report).
pub(crate) const STORY_MEASURES: usize = 12;

/// Claims a story body lists per measure at most ([`TrackedMeasure::abridged`]).
pub(crate) const STORY_CLAIMS: usize = 24;

/// Items of each outlet's framing lists a story body keeps ([`storyline::framing::Framing::abridged`]).
pub(crate) const STORY_FRAMING_ITEMS: usize = 8;

/// A span of the article's clean text, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToSchema)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl From<storyline::Span> for Span {
    fn from(s: storyline::Span) -> Self {
        Span {
            start: s.start,
            end: s.end,
        }
    }
}

/// A quote in an article's text.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub(crate) struct QuoteSpan {
    /// The whole attribution: content, cue and source.
    pub span: Span,
    /// The quoted or reported content.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    /// The speaker's corpus-wide entity.
    pub entity: Option<String>,
    pub cue: Option<Span>,
}

/// A mention of an entity in an article's text.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub(crate) struct MentionSpan {
    pub span: Span,
    pub name: String,
    pub kind: EntityKind,
    pub entity: Option<String>,
}

/// A time expression in an article's text.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub(crate) struct DateSpan {
    pub span: Span,
    pub kind: TimexType,
    /// The resolved TIMEX3 value.
    pub value: String,
}

/// A piece of the page removed as boilerplate.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub(crate) struct RemovedPiece {
    pub kind: RemovedKind,
    pub text: String,
}

/// One article: its clean text with the spans of quotes, entities and dates.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ArticleBody {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub duplicate_of: Option<String>,
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub quotes: Vec<QuoteSpan>,
    pub mentions: Vec<MentionSpan>,
    pub dates: Vec<DateSpan>,
    pub removed: Vec<RemovedPiece>,
}

/// A person, organisation or place across the store: their quotes newest first, each
/// with its storyline, the storylines in brief, and who else is quoted in them.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EntityBody {
    #[serde(flatten)]
    pub entity: GlobalEntity,
    pub statements: Vec<Statement>,
    /// The storylines of `statements`, in the order they first appear there.
    pub storylines: Vec<StorylineBrief>,
    /// Others quoted in the storylines where this entity is quoted, most shared first.
    pub quoted_with: Vec<QuotedWith>,
}

/// A quote, with the storyline its article is in (none for an undated article).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Statement {
    #[serde(flatten)]
    pub quote: QuoteRow,
    pub storyline: Option<String>,
}

/// What a search found.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchBody {
    pub articles: Vec<SearchHit>,
    pub quotes: Vec<QuoteRow>,
}

// ---- queries ------------------------------------------------------------------------

/// Filters and paging of the storyline list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct StorylineParams {
    /// Storylines that end on or after this day (YYYY-MM-DD).
    pub from: Option<NaiveDate>,
    /// Storylines that start on or before this day (YYYY-MM-DD).
    pub to: Option<NaiveDate>,
    /// Storylines with an article from this outlet.
    #[param(max_length = 256)]
    pub outlet: Option<String>,
    /// Storylines with an article naming this entity (its id).
    #[param(max_length = 256)]
    pub entity: Option<String>,
    /// The `next` of the previous page.
    #[param(pattern = r"^-?[0-9]{1,7}~[A-Za-z0-9_-]{1,64}$")]
    pub cursor: Option<String>,
    /// Items per page (1–100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
}

fn page_size(limit: Option<usize>) -> Result<usize, ApiError> {
    match limit {
        None => Ok(DEFAULT_PAGE),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_PAGE}, not {n}"
        ))),
    }
}

fn short(name: &str, v: Option<String>) -> Result<Option<String>, ApiError> {
    match v {
        Some(s) if s.len() > MAX_QUERY => Err(ApiError::bad_request(format!(
            "{name} is longer than {MAX_QUERY} bytes"
        ))),
        other => Ok(other),
    }
}

/// A cursor is the last item's day, counted from 1 January of year 1, and its id:
/// `DAYS~ID`. Every cursor of that shape reads (the day count of seven digits at most is
/// always a calendar day), so the shape in the OpenAPI document is the whole rule.
fn parse_cursor(c: &str) -> Result<(NaiveDate, String), ApiError> {
    let bad = || ApiError::bad_request("cursor is not one this API gave out");
    let (day, id) = c.split_once('~').ok_or_else(bad)?;
    let digits = day.strip_prefix('-').unwrap_or(day);
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let day = day
        .parse::<i32>()
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(bad)?;
    let id_ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !id_ok {
        return Err(bad());
    }
    Ok((day, id.to_string()))
}

fn cursor_of(s: &StorylineRow) -> String {
    use chrono::Datelike;
    format!("{}~{}", s.end.num_days_from_ce(), s.id)
}

pub(crate) fn storyline_query(p: StorylineParams) -> Result<StorylineQuery, ApiError> {
    // `from` after `to` is an empty range: no storyline overlaps it, so the page is empty.
    Ok(StorylineQuery {
        from: p.from,
        to: p.to,
        outlet: short("outlet", p.outlet)?,
        entity: short("entity", p.entity)?,
        after: p.cursor.as_deref().map(parse_cursor).transpose()?,
        limit: page_size(p.limit)?,
    })
}

/// One page of storylines for `q`, with the cursor of the next.
pub(crate) fn storyline_page(store: &Store, q: &StorylineQuery) -> Result<StorylinePage, ApiError> {
    // One more than asked tells whether a next page exists.
    let mut ask = q.clone();
    ask.limit = q.limit + 1;
    let mut rows = store.storylines_where(&ask)?;
    let more = rows.len() > q.limit;
    rows.truncate(q.limit);
    let next = more.then(|| rows.last().map(cursor_of)).flatten();
    Ok(StorylinePage { items: rows, next })
}

/// Storylines, newest first, filtered by date range, outlet and entity.
#[utoipa::path(get, path = "/api/v1/storylines", params(StorylineParams),
    responses((status = 200, body = StorylinePage), (status = 400, body = ErrorBody)))]
async fn storylines(
    State(s): State<AppState>,
    ApiQuery(p): ApiQuery<StorylineParams>,
) -> Result<Json<StorylinePage>, ApiError> {
    let q = storyline_query(p)?;
    s.read(move |store| storyline_page(store, &q)).await.map(Json)
}

/// The story body of a loaded storyline or event.
pub(crate) fn story_body(story: &Story) -> StoryBody {
    let figures = story.figures();
    let mut sources = story.sources();
    let summary = story
        .summary(storyline::run::STORY_SUMMARY_SENTENCES)
        .sentences
        .iter()
        .map(|e| sourced(e, None))
        .collect();
    let timeline = story
        .timeline(None)
        .dates
        .iter()
        .map(|d| TimelineDay {
            date: d.score.date,
            articles: d.score.articles + d.score.published,
            outlets: d.score.outlets,
            sentences: d
                .sentences
                .iter()
                .map(|s| sourced(&s.extract, Some(evidence(&s.evidence))))
                .collect(),
        })
        .collect();
    let framing = framing_of(story, &figures, STORY_FRAMING_ITEMS);
    StoryBody {
        storyline: story.storyline.clone(),
        event: story.event.clone(),
        summary,
        timeline,
        speakers: story.speakers(),
        framing,
        measures_total: figures.len(),
        figures: figures
            .into_iter()
            .take(STORY_MEASURES)
            .map(|m| m.abridged(STORY_CLAIMS))
            .collect(),
        sources_total: sources.len(),
        sources: sources.split_off(sources.len().saturating_sub(STORY_SOURCES)),
    }
}

fn sourced(e: &storyline::stories::summary::Extract<'_>, evidence: Option<Evidence>) -> SourcedSentence {
    SourcedSentence {
        text: e.text.trim().to_string(),
        article: e.article.to_string(),
        outlet: e.outlet.map(str::to_string),
        published: e.published,
        copies: e.copies.iter().map(|c| c.article.to_string()).collect(),
        evidence,
    }
}

fn evidence(e: &storyline::stories::timeline::Evidence<'_>) -> Evidence {
    use storyline::stories::timeline::Evidence as E;
    match e {
        E::Expression { text, .. } => Evidence {
            kind: "expression".into(),
            text: Some(text.to_string()),
        },
        E::Shifted { text } => Evidence {
            kind: "shifted".into(),
            text: Some(text.to_string()),
        },
        E::Published { published } => Evidence {
            kind: "published".into(),
            text: Some(published.to_string()),
        },
        E::DayBefore { published } => Evidence {
            kind: "day-before".into(),
            text: Some(published.to_string()),
        },
    }
}

/// One storyline or event: summary, timeline, who said what, sources. The id of a
/// storyline since merged into another gives that one (its `storyline.id` is the new id).
#[utoipa::path(get, path = "/api/v1/stories/{id}", params(("id" = String, Path, description = "A storyline's or an event's id")),
    responses((status = 200, body = StoryBody), (status = 404, body = ErrorBody)))]
async fn story(
    State(s): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<std::sync::Arc<StoryBody>>, ApiError> {
    s.story(id).await.map(Json)
}

/// A story's figures.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StoryFigures {
    /// The storyline's id, or the event's when an event was asked for.
    pub id: String,
    pub measures: Vec<TrackedMeasure>,
}

/// The figures of a storyline or event by measure: each claim with its outlet, sentence,
/// as-of date and who it cites; claims that disagree for the same period; the trend.
#[utoipa::path(get, path = "/api/v1/stories/{id}/figures", params(("id" = String, Path, description = "A storyline's or an event's id")),
    responses((status = 200, body = StoryFigures), (status = 404, body = ErrorBody)))]
async fn story_figures(
    State(s): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<StoryFigures>, ApiError> {
    s.whole_story(id, |story| StoryFigures {
        id: story
            .event
            .as_ref()
            .map_or(&story.storyline.id, |e| &e.id)
            .clone(),
        measures: story.figures(),
    })
    .await
    .map(Json)
}

/// How the outlets of a story framed it, with the sentence behind every example.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct StoryFraming {
    /// The storyline's id, or the event's when an event was asked for.
    pub id: String,
    /// `storyline::framing::Framing` (docs/schema.md): term choice, distinctive words,
    /// quote selection, omissions and wording (loaded words, what only it reports) by
    /// outlet; examples are `{article, part, span}`.
    #[schema(value_type = Object)]
    pub framing: storyline::framing::Framing,
    /// The sentence holding each example, keyed `article/part/start`.
    pub sentences: BTreeMap<String, String>,
}

/// The key of an example in [`StoryFraming::sentences`].
pub(crate) fn example_key(r: &storyline::framing::TextRef) -> String {
    format!(
        "{}/{}/{}",
        r.article,
        storyline::store::tag(&r.part),
        r.span.start
    )
}

pub(crate) fn framing_of(story: &Story, figures: &[TrackedMeasure], max: usize) -> StoryFraming {
    // Abridged first, so that the sentence map holds only the examples shown.
    let framing = story.framing(figures).abridged(max);
    let mut refs: Vec<&storyline::framing::TextRef> = Vec::new();
    for t in &framing.terms {
        refs.extend(t.terms.iter().map(|u| &u.example));
        refs.extend(t.evidence.iter().flat_map(|e| [&e.a, &e.b]));
    }
    for q in &framing.quotes {
        refs.extend(q.speakers.iter().map(|p| &p.example));
        refs.extend(q.left_out.iter().map(|p| &p.example));
    }
    for o in &framing.omissions {
        refs.extend(o.entities.iter().chain(&o.speakers).map(|p| &p.example));
        refs.extend(o.figures.iter().map(|f| &f.example));
    }
    for w in &framing.wording {
        refs.extend(w.loaded.iter().map(|t| &t.example));
        refs.extend(w.exclusive.iter().map(|e| &e.at));
    }
    let sentences = refs
        .into_iter()
        .filter_map(|r| Some((example_key(r), story.sentence_of(r)?.trim().to_string())))
        .collect();
    StoryFraming {
        id: story
            .event
            .as_ref()
            .map_or(&story.storyline.id, |e| &e.id)
            .clone(),
        framing,
        sentences,
    }
}

/// How each outlet framed a storyline or event: the terms it chose for the same referents,
/// its distinctive words (log-odds with an informative prior), whom it quotes and leaves
/// out, and the entities and figures others report that it does not.
#[utoipa::path(get, path = "/api/v1/stories/{id}/framing", params(("id" = String, Path, description = "A storyline's or an event's id")),
    responses((status = 200, body = StoryFraming), (status = 404, body = ErrorBody)))]
async fn story_framing(
    State(s): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<StoryFraming>, ApiError> {
    s.whole_story(id, |story| framing_of(story, &story.figures(), usize::MAX))
        .await
        .map(Json)
}

/// An article's body for the API and the article page.
pub(crate) fn article_body(store: &Store, id: &str) -> Result<ArticleBody, ApiError> {
    let a = store
        .article(id)?
        .ok_or_else(|| ApiError::not_found(format!("no article {id}")))?;
    let globals: BTreeMap<String, String> = store.entities_of_article(&a.id)?.into_iter().collect();
    let mut mentions: Vec<MentionSpan> = a
        .entities
        .iter()
        .flat_map(|e| {
            let entity = globals.get(&e.id).cloned();
            e.mentions.iter().map(move |m| MentionSpan {
                span: m.span.into(),
                name: e.name.clone(),
                kind: e.kind,
                entity: entity.clone(),
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    Ok(ArticleBody {
        quotes: a
            .quotes
            .iter()
            .map(|q| QuoteSpan {
                span: q.span.into(),
                parts: q.parts.iter().map(|&p| p.into()).collect(),
                kind: q.kind,
                speaker: q.speaker_name.clone(),
                entity: q.speaker_entity.as_ref().and_then(|l| globals.get(l)).cloned(),
                cue: q.cue.map(Span::from),
            })
            .collect(),
        mentions,
        dates: a
            .timexes
            .iter()
            .map(|t| DateSpan {
                span: t.span.into(),
                kind: t.kind,
                value: t.value.to_string(),
            })
            .collect(),
        removed: a
            .removed
            .iter()
            .map(|r| RemovedPiece {
                kind: r.kind,
                text: r.text.clone(),
            })
            .collect(),
        paragraphs: a.paragraphs.iter().map(|&p| p.into()).collect(),
        published: a.published.as_ref().map(|p| p.value.to_string()),
        id: a.id,
        title: a.title,
        outlet: a.outlet,
        url: a.url,
        language: a.language,
        duplicate_of: a.duplicate_of,
        text: a.text,
    })
}

/// One article: clean text with the spans of its quotes, entities and dates, and what
/// was removed.
#[utoipa::path(get, path = "/api/v1/articles/{id}", params(("id" = String, Path, description = "The article's id")),
    responses((status = 200, body = ArticleBody), (status = 404, body = ErrorBody)))]
async fn article(
    State(s): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ArticleBody>, ApiError> {
    s.read(move |store| article_body(store, &id)).await.map(Json)
}

/// Paging of an entity's quotes.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct EntityParams {
    /// Quotes to return, newest first (1–100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
}

pub(crate) fn entity_body(store: &Store, id: &str, limit: usize) -> Result<EntityBody, ApiError> {
    let e = store
        .entity(id)?
        .ok_or_else(|| ApiError::not_found(format!("no entity {id}")))?;
    let mut statements = Vec::new();
    let mut storylines: Vec<StorylineBrief> = Vec::new();
    for quote in store.quotes_by_entity(&e.id, limit)? {
        let storyline = store.storyline_of_article(&quote.article)?;
        if let Some(sl) = &storyline {
            if !storylines.iter().any(|b| &b.id == sl) {
                storylines.extend(store.storyline_brief(sl)?);
            }
        }
        statements.push(Statement { quote, storyline });
    }
    let quoted_with = store.quoted_with(&e.id, QUOTED_WITH)?;
    Ok(EntityBody {
        entity: e,
        statements,
        storylines,
        quoted_with,
    })
}

/// A person, organisation or place (an old id redirects): names, roles, quotes newest
/// first with their storylines, and who else is quoted in them.
#[utoipa::path(get, path = "/api/v1/entities/{id}", params(("id" = String, Path, description = "The entity's id (an old id resolves)"), EntityParams),
    responses((status = 200, body = EntityBody), (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
async fn entity(
    State(s): State<AppState>,
    ApiPath(id): ApiPath<String>,
    ApiQuery(p): ApiQuery<EntityParams>,
) -> Result<Json<EntityBody>, ApiError> {
    let limit = page_size(p.limit)?;
    s.read(move |store| entity_body(store, &id, limit))
        .await
        .map(Json)
}

/// A full-text search.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// Words to find (all of them), in article titles and text and in quotes and
    /// their speakers.
    #[param(min_length = 1, max_length = 256, pattern = r"\S")]
    pub q: String,
    /// Hits of each kind (1–100, default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
}

pub(crate) fn search_body(store: &Store, q: &str, limit: usize) -> Result<SearchBody, ApiError> {
    Ok(SearchBody {
        articles: store.search_articles(q, limit)?,
        quotes: store.search_quotes(q, limit)?,
    })
}

pub(crate) fn search_query(p: &SearchParams) -> Result<(String, usize), ApiError> {
    let q = p.q.trim();
    if q.is_empty() {
        return Err(ApiError::bad_request("q is empty"));
    }
    if q.len() > MAX_QUERY {
        return Err(ApiError::bad_request(format!(
            "q is longer than {MAX_QUERY} bytes"
        )));
    }
    Ok((q.to_string(), page_size(p.limit)?))
}

/// Full-text search over articles and quotes, best matches first.
#[utoipa::path(get, path = "/api/v1/search", params(SearchParams),
    responses((status = 200, body = SearchBody), (status = 400, body = ErrorBody)))]
async fn search(
    State(s): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<SearchBody>, ApiError> {
    let (q, limit) = search_query(&p)?;
    s.read(move |store| search_body(store, &q, limit)).await.map(Json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cursor_of_the_documented_shape_reads_and_others_do_not() {
        let d = NaiveDate::from_ymd_opt(2021, 11, 10).unwrap();
        let item = StorylineRow {
            id: "s-f91b".into(),
            title: None,
            start: d,
            end: d,
            size: 1,
            outlets: vec![],
            event_count: 0,
            events: vec![],
        };
        assert_eq!(parse_cursor(&cursor_of(&item)), Ok((d, "s-f91b".to_string())));
        for ok in ["0~a", "9999999~s-1", "-9999999~x_y", "1~AZaz09-_"] {
            assert!(parse_cursor(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "~s",
            "12~",
            "12",
            "2021-11-10~s",
            "12345678~s",
            "1~s/x",
            "1~s x",
            "+1~s",
            "--1~s",
        ] {
            assert_eq!(parse_cursor(bad).unwrap_err().code, "bad_request", "{bad}");
        }
    }
}
