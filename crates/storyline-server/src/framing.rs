//! The story page's framing: a table by outlet (distinctive words, loaded words, share of
//! quotation, what it leaves out), the terms outlets chose for the same referents with their
//! sentences, what only one outlet reports, and quote selection as a speaker × outlet table.

use std::collections::BTreeMap;

use maud::{html, Markup};
use storyline::framing::{Framing, TextRef};

use crate::api::{example_key, StoryFraming};

/// Term choices and speakers the page shows at most.
const PAGE_TERMS: usize = 12;
const PAGE_SPEAKERS: usize = 12;
/// Sentences only one outlet gives, shown per outlet at most.
const PAGE_EXCLUSIVE: usize = 3;

pub(crate) fn section(f: &StoryFraming) -> Markup {
    let fr = &f.framing;
    if fr.outlets.len() < 2 {
        return html! { p { "One outlet only: nothing to compare." } };
    }
    html! {
        (by_outlet(fr))
        h3 { "Terms for the same referent" }
        @if fr.terms.is_empty() { p { "No outlet was found to call the same thing by different words." } }
        ul.terms { @for t in fr.terms.iter().take(PAGE_TERMS) {
            li {
                @for (i, u) in t.terms.iter().enumerate() {
                    @if i > 0 { " · " }
                    strong { "“" (u.term) "”" } " "
                    span.meta { "(" (u.counts.iter().map(|c| format!("{} {}", c.outlet, c.count)).collect::<Vec<_>>().join(", ")) ")" }
                }
                details { summary { "Sentences" }
                    ul { @for u in &t.terms { li { (sentence(f, &u.example)) } } }
                }
            }
        } }
        h3 { "What only one outlet reports" }
        @if fr.wording.iter().all(|w| w.exclusive.is_empty()) { p { "Every outlet's sentences are covered by another's." } }
        ul.exclusive { @for w in fr.wording.iter().filter(|w| !w.exclusive.is_empty()) {
            li { strong { (w.outlet) } ul { @for e in w.exclusive.iter().take(PAGE_EXCLUSIVE) { li { (sentence(f, &e.at)) } } } }
        } }
        h3 { "Quote selection" }
        (speakers(fr))
    }
}

fn sentence(f: &StoryFraming, r: &TextRef) -> Markup {
    let outlet = f
        .framing
        .outlets
        .iter()
        .find(|o| o.articles.contains(&r.article))
        .map_or("(unknown outlet)", |o| o.outlet.as_str());
    html! {
        (f.sentences.get(&example_key(r)).map_or("", String::as_str)) " "
        span.src { "(" a href={"/articles/" (crate::html::seg(&r.article))} { (outlet) } ")" }
    }
}

fn by_outlet(fr: &Framing) -> Markup {
    html! {
        div.scroll { table.framing {
            caption { "Framing by outlet" }
            thead { tr {
                th scope="col" { "Outlet" } th scope="col" { "Articles" }
                th scope="col" { "Its distinctive words (z)" } th scope="col" { "Loaded words (own voice)" }
                th scope="col" { "Quotation" }
                th scope="col" { "Leaves out" }
            } }
            tbody { @for o in &fr.outlets {
                @let words = fr.distinctive.iter().find(|w| w.outlet == o.outlet);
                @let loaded = fr.wording.iter().find(|w| w.outlet == o.outlet);
                @let quotes = fr.quotes.iter().find(|q| q.outlet == o.outlet);
                @let left = fr.omissions.iter().find(|m| m.outlet == o.outlet);
                tr {
                    th scope="row" { (o.outlet) }
                    td { (o.articles.len()) }
                    td { @if let Some(w) = words {
                        (w.over.iter().take(6).map(|d| format!("{} ({:.1})", d.term, d.z)).collect::<Vec<_>>().join(", "))
                    } }
                    td { @if let Some(w) = loaded {
                        (w.loaded.iter().take(6).map(|t| format!("{} ({}×)", t.term, t.count)).collect::<Vec<_>>().join(", "))
                    } }
                    td { @if let Some(q) = quotes { (format!("{:.0} %", q.quote_share * 100.0)) } }
                    td { @if let Some(m) = left {
                        @let names: Vec<&str> = m.speakers.iter().chain(&m.entities).map(|x| x.name.as_str()).take(6).collect();
                        (names.join(", "))
                        @for fig in m.figures.iter().take(3) {
                            @if !names.is_empty() { "; " }
                            "the figure for “" (fig.measured) "”"
                        }
                    } }
                }
            } }
        } }
    }
}

/// The most quoted speakers (across outlets) by outlet: how many quotes each outlet gives
/// them; an empty cell is a speaker the outlet does not quote.
fn speakers(fr: &Framing) -> Markup {
    let mut total: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for q in &fr.quotes {
        for s in &q.speakers {
            let e = total.entry(s.key.as_str()).or_insert((0, s.name.as_str()));
            e.0 += s.quotes;
        }
    }
    let mut top: Vec<(&str, usize, &str)> = total.into_iter().map(|(k, (n, name))| (k, n, name)).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(b.2)));
    top.truncate(PAGE_SPEAKERS);
    html! {
        @if top.is_empty() { p { "No quote with a known speaker." } }
        @else { div.scroll { table {
            caption { "Quotes per speaker and outlet" }
            thead { tr { th scope="col" { "Speaker" } @for o in &fr.outlets { th scope="col" { (o.outlet) } } } }
            tbody { @for (key, _, name) in &top {
                tr { th scope="row" { (name) }
                    @for o in &fr.outlets {
                        @let n = fr.quotes.iter().find(|q| q.outlet == o.outlet)
                            .and_then(|q| q.speakers.iter().find(|s| s.key == *key)).map_or(0, |s| s.quotes);
                        td { @if n > 0 { (n) } @else { span.meta { "–" } } }
                    }
                }
            } }
        } } }
    }
}
