//! Server-rendered pages: storylines, a story, an article, an entity, search. Each reads
//! through the same functions as the JSON API and escapes every value.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::NaiveDate;
use maud::{html, Markup};

use crate::api::{self, ArticleBody, SearchParams, StoryBody, StorylineParams, TimelineDay};
use crate::error::{ApiError, ApiPath, ApiQuery};
use crate::html::{counted, external, outlet, page, seg};
use crate::AppState;
use storyline::store::stories::StorylineRow;
use storyline::store::tag as kind_name;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(storylines))
        .route("/stories/{id}", get(story))
        .route("/articles/{id}", get(article))
        .route("/entities/{id}", get(entity))
        .route("/search", get(search))
        .route("/assets/style.css", get(style))
        .route("/assets/app.js", get(script))
}

/// A page, or the error as a page with its status.
fn respond(r: Result<String, ApiError>) -> Response {
    match r {
        Ok(body) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response(),
        Err(e) => (
            e.status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            crate::html::error_page(&e),
        )
            .into_response(),
    }
}

async fn style() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../assets/style.css"),
    )
        .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../assets/app.js"),
    )
        .into_response()
}

// ---- storylines ----------------------------------------------------------------------

async fn storylines(State(s): State<AppState>, q: Result<ApiQuery<StorylineParams>, ApiError>) -> Response {
    let ApiQuery(p) = match q {
        Ok(q) => q,
        Err(e) => return respond(Err(e)),
    };
    let filters = Filters {
        from: p.from,
        to: p.to,
        outlet: p.outlet.clone(),
        entity: p.entity.clone(),
        limit: p.limit,
    };
    let r = match api::storyline_query(p) {
        Ok(q) => s
            .read(move |store| api::storyline_page(store, &q))
            .await
            .map(|pg| storylines_page(&pg, &filters)),
        Err(e) => Err(e),
    };
    respond(r)
}

/// The storyline list's filters and page size, as the page was asked for: the form shows
/// them and the next page's link keeps them.
struct Filters {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    outlet: Option<String>,
    entity: Option<String>,
    limit: Option<usize>,
}

fn storylines_page(pg: &api::StorylinePage, f: &Filters) -> String {
    let value = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let body = html! {
        h1 { "Storylines" }
        form.filters method="get" action="/" aria-label="Filter storylines" {
            label { "From " input type="date" name="from" value=(value(f.from)); }
            label { "To " input type="date" name="to" value=(value(f.to)); }
            label { "Outlet " input type="text" name="outlet" maxlength="256" value=(f.outlet.clone().unwrap_or_default()); }
            label { "Entity id " input type="text" name="entity" maxlength="256" value=(f.entity.clone().unwrap_or_default()); }
            button type="submit" { "Filter" }
        }
        @if pg.items.is_empty() {
            p { "No storyline matches." }
        }
        ol.storylines {
            @for s in &pg.items { li { (storyline_card(s)) } }
        }
        @if let Some(next) = &pg.next {
            nav aria-label="More storylines" {
                a rel="next" href=(next_link(next, f)) { "Older storylines" }
            }
        }
    };
    page("Storylines", body)
}

fn next_link(cursor: &str, f: &Filters) -> String {
    let mut q = vec![format!("cursor={}", seg(cursor))];
    if let Some(d) = f.from {
        q.push(format!("from={d}"));
    }
    if let Some(d) = f.to {
        q.push(format!("to={d}"));
    }
    if let Some(o) = &f.outlet {
        q.push(format!("outlet={}", seg(o)));
    }
    if let Some(e) = &f.entity {
        q.push(format!("entity={}", seg(e)));
    }
    if let Some(n) = f.limit {
        q.push(format!("limit={n}"));
    }
    format!("/?{}", q.join("&"))
}

fn storyline_card(s: &StorylineRow) -> Markup {
    html! {
        article.card {
            h2 { a href={"/stories/" (seg(&s.id))} { (s.title.as_deref().unwrap_or("Untitled storyline")) } }
            p.meta {
                time datetime=(s.start) { (s.start) } " – " time datetime=(s.end) { (s.end) }
                " · " (counted(s.size as usize, "article", "articles"))
                " · " (counted(s.event_count as usize, "event", "events"))
            }
            p.outlets { "Outlets: " (s.outlets.join(", ")) }
        }
    }
}

// ---- one story -------------------------------------------------------------------------

async fn story(State(s): State<AppState>, id: Result<ApiPath<String>, ApiError>) -> Response {
    let id = match id {
        Ok(ApiPath(id)) => id,
        Err(e) => return respond(Err(e)),
    };
    match s.story(id.clone()).await {
        // A storyline merged into another: its page is the other's.
        Ok(b) if b.event.is_none() && b.storyline.id != id => {
            axum::response::Redirect::permanent(&format!("/stories/{}", seg(&b.storyline.id))).into_response()
        }
        r => respond(r.map(|b| story_page(&b))),
    }
}

fn story_page(b: &StoryBody) -> String {
    let s = &b.storyline;
    let title = b
        .event
        .as_ref()
        .and_then(|e| e.title.clone())
        .or_else(|| s.title.clone())
        .unwrap_or_else(|| "Untitled storyline".into());
    let body = html! {
        h1 { (title) }
        p.meta {
            time datetime=(s.start) { (s.start) } " – " time datetime=(s.end) { (s.end) }
            " · " (counted(s.size as usize, "article", "articles")) " · " (counted(s.outlets.len(), "outlet", "outlets"))
            " · " (counted(s.event_count as usize, "event", "events"))
        }
        @if (s.events.len() as u32) < s.event_count {
            p.note { "A long storyline: its summary, timeline and sources are drawn from its "
                (s.events.len()) " largest events." }
        }
        section aria-labelledby="summary-h" {
            h2 #summary-h { "Summary" }
            @if b.summary.is_empty() { p { "No summary: no sentence could be chosen." } }
            ul.summary {
                @for x in &b.summary {
                    li { (x.text) " " span.src { "(" a href={"/articles/" (seg(&x.article))} { (outlet(x.outlet.as_deref())) } ")" } }
                }
            }
        }
        section aria-labelledby="timeline-h" {
            h2 #timeline-h { "Timeline" }
            (timeline_chart(&b.timeline, s.start, s.end))
            p #mark-detail.detail aria-live="polite" {}
            ol.timeline {
                @for d in &b.timeline {
                    li id={"d-" (d.date)} {
                        h3 { time datetime=(d.date) { (d.date) } " " span.meta { "(" (counted(d.articles as usize, "report", "reports")) ", " (counted(d.outlets as usize, "outlet", "outlets")) ")" } }
                        ul { @for x in &d.sentences {
                            li { (x.text) " " span.src { "(" a href={"/articles/" (seg(&x.article))} { (outlet(x.outlet.as_deref())) } ")" }
                                @if let Some(e) = &x.evidence { " " span.evidence { (evidence(e)) } } }
                        } }
                    }
                }
            }
        }
        section aria-labelledby="said-h" {
            h2 #said-h { "Who said what" }
            @if b.speakers.is_empty() { p { "No direct quote with a named speaker." } }
            @for sp in &b.speakers {
                div.speaker {
                    h3 {
                        @if let Some(e) = &sp.entity { a href={"/entities/" (seg(e))} { (sp.name) } } @else { (sp.name) }
                        @if !sp.roles.is_empty() { " " span.meta { "(" (sp.roles.join("; ")) ")" } }
                    }
                    ul { @for q in &sp.quotes {
                        li { span.quote { (q.text) } " " span.src { "— " a href={"/articles/" (seg(&q.article))} { (outlet(q.outlet.as_deref())) } @if let Some(p) = &q.published { ", " (p) }
                            @if !q.also.is_empty() { "; also " @for (k, c) in q.also.iter().enumerate() { @if k > 0 { ", " } a href={"/articles/" (seg(&c.article))} { (outlet(c.outlet.as_deref())) } } } } }
                    } }
                }
            }
        }
        section aria-labelledby="figures-h" {
            h2 #figures-h { "Figures" }
            (crate::figures::section(&b.figures, b.measures_total))
        }
        section aria-labelledby="framing-h" {
            h2 #framing-h { "Framing by outlet" }
            (crate::framing::section(&b.framing))
        }
        section aria-labelledby="coverage-h" {
            h2 #coverage-h { "Coverage by outlet" }
            (coverage(b))
        }
        section aria-labelledby="sources-h" {
            h2 #sources-h { "Sources" }
            @if b.sources.len() < b.sources_total {
                p.note { "The latest " (b.sources.len()) " of " (b.sources_total) " sources." }
            }
            ul.sources { @for src in &b.sources {
                li {
                    a href={"/articles/" (seg(&src.article.id))} { (src.article.title.as_deref().unwrap_or(&src.article.id)) }
                    " " span.meta { (outlet(src.article.outlet.as_deref())) @if let Some(p) = &src.article.published { ", " (p) } }
                    " " (external(src.article.url.as_deref()))
                    @if !src.copies.is_empty() {
                        details { summary { (counted(src.copies.len(), "syndicated copy", "syndicated copies")) }
                            ul { @for c in &src.copies { li { a href={"/articles/" (seg(&c.id))} { (outlet(c.outlet.as_deref())) } } } }
                        }
                    }
                }
            } }
        }
    };
    page(&title, body)
}

/// What dated a timeline sentence, in words (the API's `evidence`).
fn evidence(e: &api::Evidence) -> Markup {
    let t = e.text.as_deref().unwrap_or_default();
    html! {
        @match e.kind.as_str() {
            "expression" => { "dated by " q { (t) } }
            "shifted" => { "dated by " q { (t) } ", counted on" }
            "day-before" => { "lead of an article published the next day, " (t) }
            _ => { "published " (t) }
        }
    }
}

/// The timeline as marks on a date axis: each date a focusable link whose accessible name
/// and tooltip give the date, its reports and its first sentence; size shows reports, so
/// nothing rests on colour.
fn timeline_chart(days: &[TimelineDay], start: NaiveDate, end: NaiveDate) -> Markup {
    const W: f64 = 1000.0;
    const PAD: f64 = 30.0;
    let span = (end - start).num_days().max(1) as f64;
    let x = |d: NaiveDate| PAD + (W - 2.0 * PAD) * ((d - start).num_days() as f64 / span).clamp(0.0, 1.0);
    html! {
        svg.chart viewBox="0 0 1000 90" role="group" aria-label="Timeline: one mark per dated event" {
            line.axis x1=(PAD) y1="60" x2=(W - PAD) y2="60" {}
            @let ticks = month_ticks(start, end);
            @if ticks.is_empty() {
                text.tick x=(PAD) y="84" text-anchor="start" { (start) }
                text.tick x=(W - PAD) y="84" text-anchor="end" { (end) }
            }
            @for (d, label) in &ticks {
                @let tx = format!("{:.1}", x(*d));
                line.tickmark x1=(tx) y1="56" x2=(tx) y2="66" {}
                text.tick x=(tx) y="84" text-anchor="middle" { (label) }
            }
            @for d in days {
                @let first = d.sentences.first().map(|s| s.text.as_str()).unwrap_or("");
                @let label = format!("{}: {}. {}", d.date, counted(d.articles as usize, "report", "reports"), first);
                a.mark href={"#d-" (d.date)} aria-label=(label) data-detail=(label) {
                    title { (label) }
                    circle cx=(format!("{:.1}", x(d.date))) cy="60" r=(format!("{:.1}", 5.0 + (d.articles as f64).sqrt().min(12.0))) {}
                }
            }
        }
    }
}

/// The first days of months within `start..=end` to mark on the axis, at most about
/// eight (every second, third… month on a long axis), each with its label (`Apr 2022`).
fn month_ticks(start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, String)> {
    use chrono::Datelike;
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let months = index(end) - index(start);
    let step = (months / 8 + 1).max(1);
    (1..=months)
        .step_by(step as usize)
        .filter_map(|k| {
            let m = index(start) + k;
            NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1)
        })
        .filter(|d| *d <= end)
        .map(|d| (d, d.format("%b %Y").to_string()))
        .collect()
}

/// Articles per outlet and month, as a table (numbers, not only shading).
fn coverage(b: &StoryBody) -> Markup {
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut months: BTreeSet<String> = BTreeSet::new();
    for src in &b.sources {
        for a in std::iter::once(&src.article).chain(&src.copies) {
            let month = a
                .published
                .as_deref()
                .and_then(|p| p.get(..7))
                .unwrap_or("undated")
                .to_string();
            months.insert(month.clone());
            *counts
                .entry(outlet(a.outlet.as_deref()).to_string())
                .or_default()
                .entry(month)
                .or_default() += 1;
        }
    }
    html! {
        div.scroll { table {
            caption { "Articles per outlet and month" }
            thead { tr { th scope="col" { "Outlet" } @for m in &months { th scope="col" { (m) } } } }
            tbody { @for (o, by) in &counts {
                tr { th scope="row" { (o) } @for m in &months { td { (by.get(m).copied().unwrap_or(0)) } } }
            } }
        } }
    }
}

// ---- one article -----------------------------------------------------------------------

async fn article(State(s): State<AppState>, id: Result<ApiPath<String>, ApiError>) -> Response {
    let id = match id {
        Ok(ApiPath(id)) => id,
        Err(e) => return respond(Err(e)),
    };
    respond(
        s.read(move |store| api::article_body(store, &id))
            .await
            .map(|a| article_page(&a)),
    )
}

fn article_page(a: &ArticleBody) -> String {
    let title = a.title.clone().unwrap_or_else(|| a.id.clone());
    let speakers: Vec<&str> = {
        let mut v: Vec<&str> = a.quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let body = html! {
        h1 { (title) }
        p.meta {
            (outlet(a.outlet.as_deref()))
            @if let Some(p) = &a.published { " · " (p) }
            " " (external(a.url.as_deref()))
            @if let Some(d) = &a.duplicate_of { " · copy of " a href={"/articles/" (seg(d))} { "the original" } }
        }
        @if !speakers.is_empty() {
            p.legend { "Quotes are marked; each speaker's quotes carry the same pattern number: "
                @for (i, sp) in speakers.iter().enumerate() { span class={"q s" (i % 6)} { (sp) " [" (i % 6 + 1) "]" } " " } }
        }
        div.text { (annotated(a, &speakers)) }
        @if !a.removed.is_empty() {
            details.removed {
                summary { "Removed from the page (" (a.removed.len()) ")" }
                ul { @for r in &a.removed { li { span.meta { (kind_name(&r.kind)) ": " } (r.text) } } }
            }
        }
    };
    page(&title, body)
}

/// The article's paragraphs with quotes, entity mentions and dates marked: the text is
/// cut at every annotation's ends; the pieces of one quotation go in one `mark` (coloured
/// and patterned by speaker), and each piece in the mention or date that covers it.
fn annotated(a: &ArticleBody, speakers: &[&str]) -> Markup {
    let text = a.text.as_str();
    let parts: Vec<(api::Span, usize)> = a
        .quotes
        .iter()
        .enumerate()
        .flat_map(|(k, q)| q.parts.iter().map(move |&p| (p, k)))
        .collect();
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    for p in &a.paragraphs {
        cuts.extend([p.start, p.end]);
    }
    for s in parts
        .iter()
        .map(|p| p.0)
        .chain(a.mentions.iter().map(|m| m.span))
        .chain(a.dates.iter().map(|d| d.span))
    {
        cuts.extend([s.start, s.end]);
    }
    let cuts: Vec<usize> = cuts
        .into_iter()
        .filter(|&c| c <= text.len() && text.is_char_boundary(c))
        .collect();
    let covers = |s: api::Span, w: &[usize]| s.start <= w[0] && w[1] <= s.end;
    let piece = |w: &[usize]| -> Markup {
        let t = &text[w[0]..w[1]];
        if let Some(d) = a.dates.iter().find(|d| covers(d.span, w)) {
            return html! { time datetime=(d.value) title={"resolved: " (d.value)} { (t) } };
        }
        match a
            .mentions
            .iter()
            .find(|m| covers(m.span, w))
            .and_then(|m| m.entity.as_deref().map(|e| (m, e)))
        {
            Some((m, e)) => {
                html! { a.entity href={"/entities/" (seg(e))} title=(kind_name(&m.kind)) { (t) } }
            }
            None => html! { (t) },
        }
    };
    html! {
        @for p in &a.paragraphs {
            @let pieces: Vec<&[usize]> = cuts.windows(2).filter(|w| p.start <= w[0] && w[1] <= p.end).collect();
            p { @for run in pieces.chunk_by(|x, y| quote_of(&parts, x) == quote_of(&parts, y)) {
                @match quote_of(&parts, run[0]) {
                    Some(k) => {
                        @let who = a.quotes[k].speaker.as_deref();
                        @let n = who.and_then(|sp| speakers.iter().position(|x| *x == sp)).map_or(0, |n| n % 6);
                        mark class={"q s" (n)} title={"said by " (who.unwrap_or("an unnamed speaker"))} {
                            @for w in run { (piece(w)) }
                        }
                    }
                    None => { @for w in run { (piece(w)) } }
                }
            } }
        }
    }
}

/// The quote whose content covers the piece `w`.
fn quote_of(parts: &[(api::Span, usize)], w: &[usize]) -> Option<usize> {
    parts
        .iter()
        .find(|(s, _)| s.start <= w[0] && w[1] <= s.end)
        .map(|p| p.1)
}

// ---- one entity ------------------------------------------------------------------------

async fn entity(State(s): State<AppState>, id: Result<ApiPath<String>, ApiError>) -> Response {
    let id = match id {
        Ok(ApiPath(id)) => id,
        Err(e) => return respond(Err(e)),
    };
    respond(
        s.read(move |store| api::entity_body(store, &id, api::MAX_PAGE))
            .await
            .map(|e| entity_page(&e)),
    )
}

fn entity_page(body: &api::EntityBody) -> String {
    let e = &body.entity;
    // Statements by storyline, in the order of each storyline's newest statement; those of
    // undated articles (in no storyline) last.
    let mut groups: Vec<(Option<&str>, Vec<&api::Statement>)> = Vec::new();
    for st in &body.statements {
        let key = st.storyline.as_deref();
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1.push(st),
            None => groups.push((key, vec![st])),
        }
    }
    groups.sort_by_key(|g| g.0.is_none());
    let brief = |id: &str| body.storylines.iter().find(|b| b.id == id);
    let main = html! {
        h1 { (e.name) }
        p.meta { (kind_name(&e.kind)) " · named in " (counted(e.articles, "article", "articles")) " · " (counted(e.quotes, "statement", "statements")) }
        @if !e.roles.is_empty() { p { "Roles: " (e.roles.join("; ")) } }
        @if !e.aliases.is_empty() { p { "Also written: " (e.aliases.join(", ")) } }
        section aria-labelledby="quotes-h" {
            h2 #quotes-h { "Quotes by storyline, newest first" }
            @if body.statements.is_empty() { p { "No quote attributed." } }
            @for (sl, quotes) in &groups {
                div.group {
                    h3 { @match sl.and_then(brief) {
                        Some(b) => {
                            a href={"/stories/" (seg(&b.id))} { (b.title.as_deref().unwrap_or("Untitled storyline")) }
                            " " span.meta { "(" time datetime=(b.start) { (b.start) } " – " time datetime=(b.end) { (b.end) } ", " (counted(b.size as usize, "article", "articles")) ")" }
                        }
                        None => { "In no storyline (undated articles)" }
                    } }
                    ul.quotes { @for q in quotes {
                        @let q = &q.quote;
                        li { span.quote { (q.text) } " " span.src { "— " a href={"/articles/" (seg(&q.article))} { (outlet(q.outlet.as_deref())) } @if let Some(p) = &q.published { ", " (p) } @if let Some(r) = &q.role { ", as " (r) } } }
                    } }
                }
            }
        }
        section aria-labelledby="with-h" {
            h2 #with-h { "Quoted in the same storylines" }
            @if body.quoted_with.is_empty() { p { "Nobody else is quoted in these storylines." } }
            ul.with { @for w in &body.quoted_with {
                li { a href={"/entities/" (seg(&w.id))} { (w.name) } " " span.meta { "(" (counted(w.storylines as usize, "storyline", "storylines")) ", " (counted(w.quotes as usize, "quote", "quotes")) ")" } }
            } }
        }
    };
    page(&e.name, main)
}

// ---- search ----------------------------------------------------------------------------

async fn search(State(s): State<AppState>, q: Result<ApiQuery<SearchParams>, ApiError>) -> Response {
    let ApiQuery(p) = match q {
        Ok(q) => q,
        Err(e) => return respond(Err(e)),
    };
    let r = match api::search_query(&p) {
        Ok((q, limit)) => {
            let shown = q.clone();
            s.read(move |store| api::search_body(store, &q, limit))
                .await
                .map(|b| search_page(&shown, &b))
        }
        Err(e) => Err(e),
    };
    respond(r)
}

fn search_page(q: &str, b: &api::SearchBody) -> String {
    let body = html! {
        h1 { "Search: " q { (q) } }
        h2 { "Quotes (" (b.quotes.len()) ")" }
        ul.quotes { @for x in &b.quotes {
            li { span.quote { (x.text) } " " span.src { "— "
                @if let Some(e) = &x.speaker_id { a href={"/entities/" (seg(e))} { (x.speaker.as_deref().unwrap_or("?")) } } @else { (x.speaker.as_deref().unwrap_or("unattributed")) }
                ", " a href={"/articles/" (seg(&x.article))} { (outlet(x.outlet.as_deref())) } } }
        } }
        h2 { "Articles (" (b.articles.len()) ")" }
        ul { @for h in &b.articles {
            li { a href={"/articles/" (seg(&h.article))} { (h.title.as_deref().unwrap_or(&h.article)) } " " span.meta { (outlet(h.outlet.as_deref())) } br; span.snippet { (h.snippet) } }
        } }
    };
    page("Search", body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_axis_marks_months_and_thins_them_on_a_long_span() {
        assert!(month_ticks(day("2022-04-04"), day("2022-04-28")).is_empty());
        let short: Vec<String> = month_ticks(day("2021-11-20"), day("2022-02-03"))
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(short, ["Dec 2021", "Jan 2022", "Feb 2022"]);
        let long = month_ticks(day("2015-09-15"), day("2016-12-15"));
        assert!((5..=9).contains(&long.len()), "{long:?}");
        assert_eq!(long[0].0, day("2015-10-01"));
        assert!(long.iter().all(|t| t.0 <= day("2016-12-15")));
    }
}
