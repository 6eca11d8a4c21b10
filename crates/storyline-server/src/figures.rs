//! The story page's figures: a small chart per tracked measure (value over as-of date, one
//! mark per claim) and a table of its claims with outlet, who is cited and the sentence.

use chrono::NaiveDate;
use maud::{html, Markup};
use storyline::claims::{TrackedMeasure, Trend};

use crate::html::{counted, outlet, seg};

/// Measures the page shows (most outlets first).
const PAGE_MEASURES: usize = 6;

/// The figures section's content.
pub(crate) fn section(measures: &[TrackedMeasure], total: usize) -> Markup {
    html! {
        @if measures.is_empty() { p { "No figures: no claim with a value and what it measures." } }
        @for (k, m) in measures.iter().take(PAGE_MEASURES).enumerate() {
            div.measure {
                h3 id={"m-" (k)} {
                    (m.label())
                    " " span.meta { "(" (counted(m.claims_total, "claim", "claims")) ", " (counted(m.outlets.len(), "outlet", "outlets")) ", " (trend(m.trend)) ")" }
                }
                @if m.claims.len() > 1 { (chart(m, k)) }
                @if !m.discrepancies.is_empty() {
                    p.note { (m.discrepancies.len()) " pair" @if m.discrepancies.len() > 1 { "s" } " of claims disagree for the same period (marked “disagrees”)." }
                }
                @if m.claims.len() < m.claims_total {
                    p.note { "Shown: " (m.claims.len()) " of " (m.claims_total) " claims — every disagreement and each outlet's first and last; all in " code { "/api/v1/stories/…/figures" } "." }
                }
                (table(m, k))
            }
        }
        @if total > PAGE_MEASURES.min(measures.len()) {
            p.note { (total - PAGE_MEASURES.min(measures.len())) " more measures: see " code { "/api/v1/stories/…/figures" } "." }
        }
    }
}

fn trend(t: Trend) -> &'static str {
    match t {
        Trend::Single => "one period",
        Trend::Steady => "steady",
        Trend::Rising => "grew over time",
        Trend::Falling => "fell over time",
        Trend::Mixed => "rose and fell",
        Trend::Separate => "separate events",
    }
}

fn disagrees(m: &TrackedMeasure, i: usize) -> bool {
    m.discrepancies.iter().any(|d| d.first == i || d.second == i)
}

/// Value over time: one focusable mark per claim, its accessible name saying the date,
/// value, outlet and whether it disagrees (shape, not only colour, marks disagreement).
fn chart(m: &TrackedMeasure, k: usize) -> Markup {
    const W: f64 = 600.0;
    const H: f64 = 120.0;
    const PAD: f64 = 30.0;
    let points: Vec<(usize, NaiveDate, f64)> = m
        .claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, c.period()?.0, c.point()?)))
        .collect();
    let (Some(first), Some(last)) = (points.iter().map(|p| p.1).min(), points.iter().map(|p| p.1).max())
    else {
        return html! {};
    };
    let top = points.iter().map(|p| p.2).fold(0.0_f64, f64::max).max(1.0);
    let span = (last - first).num_days().max(1) as f64;
    let x = |d: NaiveDate| PAD + (W - 2.0 * PAD) * ((d - first).num_days() as f64 / span);
    let y = |v: f64| H - PAD + (2.0 * PAD - H) * (v / top).clamp(0.0, 1.0);
    html! {
        svg.chart.figure-chart viewBox={"0 0 " (W) " " (H)} role="group"
            aria-label={"Claims about " (m.label()) " over time"} {
            line.axis x1=(PAD) y1=(H - PAD) x2=(W - PAD) y2=(H - PAD) {}
            text.tick x=(PAD) y=(H - 8.0) text-anchor="start" { (first) }
            @if last != first { text.tick x=(W - PAD) y=(H - 8.0) text-anchor="end" { (last) } }
            text.tick x="4" y=(y(top) + 4.0) text-anchor="start" { (short(top)) }
            @for (i, d, v) in &points {
                @let c = &m.claims[*i];
                @let label = format!("{d}: {} — {}{}", c.figure.value_text(), outlet(c.outlet.as_deref()),
                    if disagrees(m, *i) { " (disagrees)" } else { "" });
                a.claim href={"#m-" (k) "-c-" (i)} aria-label=(label) data-detail=(label) {
                    title { (label) }
                    @if disagrees(m, *i) {
                        rect.disagree x=(format!("{:.1}", x(*d) - 6.0)) y=(format!("{:.1}", y(*v) - 6.0)) width="12" height="12" {}
                    } @else {
                        circle cx=(format!("{:.1}", x(*d))) cy=(format!("{:.1}", y(*v))) r="6" {}
                    }
                }
            }
        }
    }
}

/// 400000 → "400k", 2500000 → "2.5M".
fn short(v: f64) -> String {
    let (n, s) = match v.abs() {
        a if a >= 1e9 => (v / 1e9, "bn"),
        a if a >= 1e6 => (v / 1e6, "M"),
        a if a >= 1e3 => (v / 1e3, "k"),
        _ => (v, ""),
    };
    let n = format!("{n:.1}");
    format!("{}{s}", n.trim_end_matches(".0"))
}

fn table(m: &TrackedMeasure, k: usize) -> Markup {
    html! {
        div.scroll { table.figures {
            thead { tr {
                th scope="col" { "As of" } th scope="col" { "Figure" } th scope="col" { "Outlet" }
                th scope="col" { "Cited" } th scope="col" { "Sentence" }
            } }
            tbody { @for (i, c) in m.claims.iter().enumerate() {
                tr id={"m-" (k) "-c-" (i)} class=[disagrees(m, i).then_some("disagree")] {
                    td { @if let Some(v) = &c.figure.as_of { (v.to_string()) } @else { "–" } }
                    td { (c.figure.value_text()) @if disagrees(m, i) { " " strong { "disagrees" } } }
                    td { a href={"/articles/" (seg(&c.article))} { (outlet(c.outlet.as_deref())) } }
                    td { @if let Some(n) = &c.figure.cited {
                        @if let Some(e) = &n.entity { a href={"/entities/" (seg(e))} { (n.name) } } @else { (n.name) }
                    } @else { "–" } }
                    td { (c.sentence.trim()) }
                }
            } }
        } }
    }
}
