//! Figures across a story: claims about the same measure grouped, ordered by the date they
//! hold for, with discrepancies flagged and growth over time told apart from them.
//!
//! Two claims are about the same measure when their measured phrases name the same concept
//! (`data/measures.txt`: "people killed", "have died", "death toll" are all deaths) over the
//! same scope ("in the conflict", "the war has killed": `data/scopes.txt`; none said is a
//! scope of its own) in the same unit. They **disagree** when they hold for the same period (their as-of dates
//! overlap or lie within a day of each other) and their intervals stay apart after each is
//! widened by the rounding allowance ([`ROUNDING`]): "about 300" and "312" agree, "300" and
//! "450" on the same day do not. Claims for different periods never disagree: a cumulative
//! toll of 240,000 in one year and 400,000 the next is a measure that grew, and the
//! measure's [`Trend`] says so. A small count that points back at things already named
//! ("the two neighbours") is no claim and is not tracked ([`Figure::refers_back`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::figures::Figure;
use super::quantity::{Dimension, Qualifier};
use crate::article::Article;

/// How far apart two values may be and still be the same figure rounded: 10 % of the
/// larger (RESEARCH.md's default for news tolls).
pub const ROUNDING: f64 = 0.10;

/// How many later claims one claim is compared with: a measure with thousands of claims
/// stays linear.
const COMPARE_WINDOW: usize = 64;

/// One article's claim about a measure.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureClaim {
    pub article: String,
    pub outlet: Option<String>,
    /// The article's publication day.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub published: Option<NaiveDate>,
    /// The sentence the figure stands in.
    pub sentence: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub figure: Figure,
    /// The event of the story its article belongs to, when the story was read by event
    /// ([`track_events`]).
    #[serde(skip)]
    pub event: Option<String>,
}

/// Which way a measure moved over its claims, in as-of order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// One claim, or all claims for one period.
    Single,
    /// Every claim agrees within rounding.
    Steady,
    Rising,
    Falling,
    /// Up and down.
    Mixed,
    /// Counts with no scope said, from different events of the story: each may count
    /// another happening ("hundreds died" at sea, "dozens" in a strike), so no direction is
    /// read across them and only claims of one event are compared.
    Separate,
}

/// Two claims for the same period that disagree beyond rounding (indexes into the measure's
/// `claims`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Discrepancy {
    pub first: usize,
    pub second: usize,
    /// The gap between the two intervals, relative to the larger end.
    pub gap: f64,
}

/// Every claim about one measure in a story.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrackedMeasure {
    /// The concept measured ("deaths", "refugee", …).
    pub concept: String,
    /// What it is counted over ("conflict"), when the claims say.
    pub scope: Option<String>,
    /// The unit's canonical name (`USD`, `percent`, `km`); absent for counts.
    pub unit: Option<String>,
    pub dimension: Option<Dimension>,
    /// By as-of date, then publication, then article (some of them when
    /// [`TrackedMeasure::abridged`]).
    pub claims: Vec<FigureClaim>,
    /// How many claims the measure has in the story (more than `claims` when abridged).
    pub claims_total: usize,
    pub outlets: Vec<String>,
    pub trend: Trend,
    pub discrepancies: Vec<Discrepancy>,
}

/// The interval a figure allows, before rounding: a plain number is a point, "more than"
/// opens upwards, "about" is a point the rounding widens.
fn interval(f: &Figure) -> Option<(f64, f64)> {
    let v = f.value;
    let lo = f.low.map(|b| b.value);
    let hi = f.high.map(|b| b.value);
    let pair = match f.qualifier {
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => (lo.or(v)?, f64::INFINITY),
        Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo) => (f64::NEG_INFINITY, hi.or(v)?),
        Some(Qualifier::Nearly) => {
            let top = hi.or(v)?;
            (top * (1.0 - ROUNDING), top)
        }
        _ => match (lo, hi, v) {
            (Some(l), Some(h), _) => (l, h),
            (_, _, Some(x)) => (x, x),
            (Some(l), None, None) => (l, f64::INFINITY),
            (None, Some(h), None) => (f64::NEG_INFINITY, h),
            (None, None, None) => return None,
        },
    };
    Some(pair)
}

impl FigureClaim {
    /// A representative value for charts and trends: the value, else the lower end, else
    /// the upper.
    pub fn point(&self) -> Option<f64> {
        let f = &self.figure;
        f.value.or(f.low.map(|b| b.value)).or(f.high.map(|b| b.value))
    }

    /// The first and last day the claim holds for (its as-of value, else its article's
    /// day).
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.figure
            .as_of
            .as_ref()
            .and_then(|v| v.days())
            .map(|r| (r.first, r.last))
            .or(self.published.map(|d| (d, d)))
    }
}

impl TrackedMeasure {
    /// The measure in words, for a heading: its concept, what it is counted over ("in the
    /// conflict"; a name as it is written, "in Aleppo", "in the Grey Sea") and its unit
    /// ("(percent)").
    pub fn label(&self) -> String {
        let mut s = self.concept.clone();
        if let Some(sc) = &self.scope {
            // A name says its own article ("in Aleppo", "in the Grey Sea").
            let name = sc.starts_with(char::is_uppercase) || sc.starts_with("the ");
            s.push_str(if name { " in " } else { " in the " });
            s.push_str(sc);
        }
        if let Some(u) = &self.unit {
            s.push_str(&format!(" ({u})"));
        }
        s
    }

    /// At most `max` of the claims, for a page or a listing that must stay small whatever
    /// the story: both sides of each discrepancy first, then each outlet's first and last
    /// claim, then the others in as-of order; kept in as-of order, the discrepancies
    /// between kept claims re-indexed, `claims_total` unchanged. The trend and outlets stay
    /// those of every claim.
    pub fn abridged(self, max: usize) -> TrackedMeasure {
        if self.claims.len() <= max {
            return self;
        }
        let n = self.claims.len();
        let mut rank: Vec<u8> = vec![2; n];
        for d in &self.discrepancies {
            rank[d.first] = 0;
            rank[d.second] = 0;
        }
        let mut seen: BTreeMap<Option<&str>, (usize, usize)> = BTreeMap::new();
        for (i, c) in self.claims.iter().enumerate() {
            let e = seen.entry(c.outlet.as_deref()).or_insert((i, i));
            e.1 = i;
        }
        for &(first, last) in seen.values() {
            for i in [first, last] {
                rank[i] = rank[i].min(1);
            }
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| (rank[i], i));
        let mut kept: Vec<usize> = order.into_iter().take(max).collect();
        kept.sort_unstable();
        let mut new_index = vec![None; n];
        for (k, &i) in kept.iter().enumerate() {
            new_index[i] = Some(k);
        }
        TrackedMeasure {
            claims: kept.iter().map(|&i| self.claims[i].clone()).collect(),
            discrepancies: self
                .discrepancies
                .iter()
                .filter_map(|d| {
                    Some(Discrepancy {
                        first: new_index[d.first]?,
                        second: new_index[d.second]?,
                        gap: d.gap,
                    })
                })
                .collect(),
            ..self.without_claims()
        }
    }

    fn without_claims(&self) -> TrackedMeasure {
        TrackedMeasure {
            concept: self.concept.clone(),
            scope: self.scope.clone(),
            unit: self.unit.clone(),
            dimension: self.dimension,
            claims: Vec::new(),
            claims_total: self.claims_total,
            outlets: self.outlets.clone(),
            trend: self.trend,
            discrepancies: Vec::new(),
        }
    }
}

/// How far apart two intervals are after rounding, relative to the larger end; `None` when
/// they meet.
fn gap(a: (f64, f64), b: (f64, f64)) -> Option<f64> {
    let (lo, hi) = if a.1 < b.0 {
        (a.1, b.0)
    } else if b.1 < a.0 {
        (b.1, a.0)
    } else {
        return None;
    };
    let scale = hi.abs().max(lo.abs());
    if scale == 0.0 {
        return None;
    }
    let rel = (hi - lo) / scale;
    (rel > ROUNDING).then_some(rel)
}

/// The first and last day a claim holds for.
type Period = (NaiveDate, NaiveDate);

fn same_period(a: Period, b: Period) -> bool {
    let slack = chrono::Duration::days(1);
    a.0 <= b.1 + slack && b.0 <= a.1 + slack
}

/// The story's figures by measure: measures claimed by the most outlets first, then by
/// most claims, then by concept. Copies of another article count once (they are left out).
pub fn track(articles: &[&Article]) -> Vec<TrackedMeasure> {
    track_events(articles, &|_| None)
}

/// [`track`] for a story read by event: `event_of` gives an article's event. A measure
/// whose claims say no scope and come from different events is [`Trend::Separate`], and
/// only its claims of one event are compared for discrepancies.
pub fn track_events(articles: &[&Article], event_of: &dyn Fn(&str) -> Option<String>) -> Vec<TrackedMeasure> {
    let mut groups: BTreeMap<Key, Vec<FigureClaim>> = BTreeMap::new();
    for a in articles.iter().filter(|a| a.duplicate_of.is_none()) {
        for f in &a.figures {
            let Some(m) = f.measured.as_ref().filter(|m| !m.concept.is_empty()) else {
                continue;
            };
            if f.refers_back(&a.text) {
                continue;
            }
            let key = (
                m.concept.clone(),
                m.scope.clone(),
                f.unit.as_ref().map(|u| u.name.clone()),
            );
            let sentence = a
                .sentences
                .get(f.sentence)
                .and_then(|s| s.slice(&a.text))
                .unwrap_or_default()
                .to_string();
            let claim = FigureClaim {
                article: a.id.clone(),
                outlet: a.outlet.clone(),
                published: a.published.as_ref().map(|p| p.date()),
                sentence,
                figure: f.clone(),
                event: event_of(&a.id),
            };
            groups.entry(key).or_default().push(claim);
        }
    }
    let mut out: Vec<TrackedMeasure> = groups
        .into_iter()
        .map(|(key, claims)| measure(key, claims))
        .collect();
    out.sort_by(|a, b| {
        (b.outlets.len(), b.claims.len())
            .cmp(&(a.outlets.len(), a.claims.len()))
            .then_with(|| a.concept.cmp(&b.concept))
    });
    out
}

/// A measure's key: concept, scope, unit.
type Key = (String, Option<String>, Option<String>);

fn measure((concept, scope, unit): Key, mut claims: Vec<FigureClaim>) -> TrackedMeasure {
    claims.sort_by_cached_key(|c| {
        (
            c.period().map(|p| p.0),
            c.published,
            c.article.clone(),
            c.figure.span,
        )
    });
    let mut outlets: Vec<String> = claims.iter().filter_map(|c| c.outlet.clone()).collect();
    outlets.sort();
    outlets.dedup();
    let dimension = claims
        .iter()
        .find_map(|c| c.figure.unit.as_ref().map(|u| u.dimension));
    // Rule `separate_happenings`: counts with no scope, from several events.
    let separate = scope.is_none() && {
        let mut events = claims.iter().map(|c| &c.event);
        let first = events.next();
        events.any(|e| Some(e) != first)
    };
    let discrepancies = discrepancies(&claims, separate);
    let trend = if separate { Trend::Separate } else { trend(&claims) };
    TrackedMeasure {
        concept,
        scope,
        unit,
        dimension,
        claims_total: claims.len(),
        claims,
        outlets,
        trend,
        discrepancies,
    }
}

/// Pairs of claims from different articles, for the same period (and the same event when
/// `by_event`), that disagree beyond rounding; each claim is compared with at most [`COMPARE_WINDOW`] later ones.
fn discrepancies(claims: &[FigureClaim], by_event: bool) -> Vec<Discrepancy> {
    let facts: Vec<Option<(Period, (f64, f64))>> = claims
        .iter()
        .map(|c| Some((c.period()?, interval(&c.figure)?)))
        .collect();
    let mut out = Vec::new();
    for (i, fa) in facts.iter().enumerate() {
        let Some((pa, ia)) = *fa else { continue };
        for (j, fb) in facts.iter().enumerate().skip(i + 1).take(COMPARE_WINDOW) {
            let Some((pb, ib)) = *fb else { continue };
            if pb.0 > pa.1 + chrono::Duration::days(1) {
                break;
            }
            let other_event = by_event && claims[i].event != claims[j].event;
            if claims[i].article == claims[j].article || other_event || !same_period(pa, pb) {
                continue;
            }
            if let Some(gap) = gap(ia, ib) {
                out.push(Discrepancy {
                    first: i,
                    second: j,
                    gap,
                });
            }
        }
    }
    out
}

/// The direction of the measure across periods: the first claim of each period against
/// the next period's, within rounding.
fn trend(claims: &[FigureClaim]) -> Trend {
    let mut periods: Vec<(NaiveDate, f64)> = Vec::new();
    for c in claims {
        let (Some(p), Some(v)) = (c.period(), c.point()) else {
            continue;
        };
        if periods.last().is_none_or(|(d, _)| !same_period((*d, *d), p)) {
            periods.push((p.0, v));
        }
    }
    if periods.len() < 2 {
        return Trend::Single;
    }
    let (mut up, mut down) = (false, false);
    for w in periods.windows(2) {
        let (a, b) = (w[0].1, w[1].1);
        let scale = a.abs().max(b.abs());
        if scale == 0.0 || (b - a).abs() / scale <= ROUNDING {
            continue;
        }
        if b > a {
            up = true;
        } else {
            down = true;
        }
    }
    match (up, down) {
        (false, false) => Trend::Steady,
        (true, false) => Trend::Rising,
        (false, true) => Trend::Falling,
        (true, true) => Trend::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::quantity::{Bound, QuantityKind};
    use crate::claims::{Measured, Qualifier};
    use crate::span::Span;
    use crate::time::TimeValue;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn article(id: &str, outlet: &str, published: &str, figures: Vec<Figure>) -> Article {
        let mut a: Article = serde_json::from_value(serde_json::json!({
            "schema": 4, "id": id, "source": {"path": id, "format": "text"},
            "outlet": outlet, "url": null, "title": null, "subtitle": null, "authors": [],
            "published": {"value": published, "source": "metadata", "confidence": 1.0},
            "language": "en", "text": "A sentence with a figure.", "paragraphs": [], "sentences": [[0, 25]],
            "removed": [], "duplicate_of": null, "warnings": []
        }))
        .unwrap();
        a.sentences = vec![Span::new(0, 25)];
        a.figures = figures;
        a
    }

    fn count(value: f64, qualifier: Option<Qualifier>, concept: &str, as_of: &str) -> Figure {
        let low = matches!(qualifier, Some(Qualifier::MoreThan)).then_some(Bound {
            value,
            inclusive: false,
        });
        Figure {
            span: Span::new(2, 10),
            text: value.to_string(),
            sentence: 0,
            kind: QuantityKind::Number,
            value: Some(value),
            low,
            high: None,
            qualifier,
            unit: None,
            measured: Some(Measured {
                span: Span::new(11, 17),
                text: "people killed".into(),
                concept: concept.into(),
                scope: None,
            }),
            place: None,
            as_of: Some(TimeValue::day_of(day(as_of))),
            cited: None,
        }
    }

    #[test]
    fn counts_without_a_scope_from_two_events_are_separate_happenings() {
        // A ferry capsizing (300 dead) and, the same week, a bridge collapse (40 dead):
        // "deaths" with no scope in both. Read by event they are two happenings: no trend
        // and no discrepancy; in one event, the same counts do disagree.
        let a = article(
            "a",
            "Harbour Ledger",
            "2021-06-01",
            vec![count(300.0, None, "deaths", "2021-06-01")],
        );
        let b = article(
            "b",
            "Coastline Daily",
            "2021-06-02",
            vec![count(40.0, None, "deaths", "2021-06-02")],
        );
        let event = |id: &str| Some(if id == "a" { "ferry" } else { "bridge" }.to_string());
        let m = &track_events(&[&a, &b], &event)[0];
        assert_eq!(m.trend, Trend::Separate);
        assert!(m.discrepancies.is_empty(), "{:?}", m.discrepancies);
        let one = &track_events(&[&a, &b], &|_| Some("ferry".to_string()))[0];
        assert_eq!(one.trend, Trend::Single, "one period");
        assert_eq!(one.discrepancies.len(), 1);
        // With a scope said, the claims are one running count whatever their events.
        let mut scoped = [a.clone(), b.clone()];
        for x in &mut scoped {
            x.figures[0].measured.as_mut().unwrap().scope = Some("flood".into());
        }
        let m = &track_events(&[&scoped[0], &scoped[1]], &event)[0];
        assert_eq!(m.trend, Trend::Single);
        assert_eq!(m.discrepancies.len(), 1);
    }

    #[test]
    fn an_outlet_leaves_out_a_measure_by_its_label_but_not_separate_counts() {
        // Two outlets give the quarry collapse's toll (a scope said) and, with no scope,
        // counts of two happenings; the third outlet gives neither.
        let scoped = |mut f: Figure| {
            f.measured.as_mut().unwrap().scope = Some("collapse".into());
            f
        };
        let a = article(
            "a",
            "Harbour Ledger",
            "2021-06-01",
            vec![
                scoped(count(30.0, None, "deaths", "2021-06-01")),
                count(300.0, None, "injuries", "2021-06-01"),
            ],
        );
        let b = article(
            "b",
            "Coastline Daily",
            "2021-06-02",
            vec![
                scoped(count(32.0, None, "deaths", "2021-06-02")),
                count(40.0, None, "injuries", "2021-06-02"),
            ],
        );
        let c = article("c", "Valley Post", "2021-06-02", vec![]);
        let event = |id: &str| Some(if id == "a" { "collapse" } else { "strike" }.to_string());
        let measures = track_events(&[&a, &b, &c], &event);
        let separate = measures.iter().find(|m| m.concept == "injuries").unwrap();
        assert_eq!(separate.trend, Trend::Separate);
        let mut framing = crate::framing::analyze(&[&a, &b, &c], None);
        crate::framing::add_figure_omissions(&mut framing, &measures);
        let post = framing
            .omissions
            .iter()
            .find(|o| o.outlet == "Valley Post")
            .unwrap();
        let named: Vec<&str> = post.figures.iter().map(|f| f.measured.as_str()).collect();
        assert_eq!(named, ["deaths in the collapse"]);
    }

    #[test]
    fn a_toll_that_grew_between_years_is_a_trend_not_a_discrepancy() {
        let a = article(
            "a",
            "Harbour Ledger",
            "2019-03-02",
            vec![count(12_000.0, Some(Qualifier::MoreThan), "deaths", "2019-03-02")],
        );
        let b = article(
            "b",
            "Coastline Daily",
            "2020-05-10",
            vec![count(20_000.0, Some(Qualifier::MoreThan), "deaths", "2020-05-10")],
        );
        let measures = track(&[&b, &a]);
        assert_eq!(measures.len(), 1);
        let m = &measures[0];
        assert_eq!(m.concept, "deaths");
        assert_eq!(
            m.claims.iter().map(|c| c.article.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(m.trend, Trend::Rising);
        assert!(m.discrepancies.is_empty());
        assert_eq!(m.outlets, ["Coastline Daily", "Harbour Ledger"]);
    }

    #[test]
    fn two_outlets_disagreeing_on_the_same_day_are_flagged_and_rounding_is_not() {
        let a = article(
            "a",
            "Harbour Ledger",
            "2020-05-10",
            vec![count(300.0, None, "injuries", "2020-05-10")],
        );
        let b = article(
            "b",
            "Coastline Daily",
            "2020-05-11",
            vec![count(450.0, None, "injuries", "2020-05-11")],
        );
        let c = article(
            "c",
            "Pier Gazette",
            "2020-05-10",
            vec![count(310.0, Some(Qualifier::About), "injuries", "2020-05-10")],
        );
        let m = &track(&[&a, &b, &c])[0];
        assert_eq!(m.claims.len(), 3);
        let flagged: Vec<(&str, &str)> = m
            .discrepancies
            .iter()
            .map(|d| {
                (
                    m.claims[d.first].article.as_str(),
                    m.claims[d.second].article.as_str(),
                )
            })
            .collect();
        // 300 and 310 agree within rounding; 450 a day later disagrees with both.
        assert_eq!(flagged.len(), 2, "{flagged:?}");
        assert!(flagged.iter().all(|(x, y)| *x == "b" || *y == "b"));
        assert!(m.discrepancies.iter().all(|d| d.gap > ROUNDING));
    }

    #[test]
    fn copies_count_once_and_measures_stay_apart() {
        let a = article(
            "a",
            "Harbour Ledger",
            "2020-05-10",
            vec![count(300.0, None, "injuries", "2020-05-10")],
        );
        let mut copy = article(
            "b",
            "Wire Copy",
            "2020-05-10",
            vec![count(900.0, None, "injuries", "2020-05-10")],
        );
        copy.duplicate_of = Some("a".into());
        let c = article(
            "c",
            "Pier Gazette",
            "2020-05-10",
            vec![count(40.0, None, "arrests", "2020-05-10")],
        );
        let measures = track(&[&a, &copy, &c]);
        assert_eq!(measures.len(), 2);
        assert!(measures
            .iter()
            .all(|m| m.claims.len() == 1 && m.discrepancies.is_empty()));
    }

    #[test]
    fn an_abridged_measure_keeps_disagreements_and_each_outlets_ends() {
        // Thirty reports of a steady 500 from three outlets over thirty days, and on the
        // last day one outlet's 900 that disagrees with another's 500.
        let outlets = ["Quay Post", "Dune Herald", "Marsh Daily"];
        let mut arts = Vec::new();
        for d in 1..=30 {
            let day = format!("2021-03-{d:02}");
            arts.push(article(
                &format!("a{d}"),
                outlets[d % 3],
                &day,
                vec![count(500.0, None, "jobs", &day)],
            ));
        }
        arts.push(article(
            "late",
            "Quay Post",
            "2021-03-30",
            vec![count(900.0, None, "jobs", "2021-03-30")],
        ));
        let refs: Vec<&Article> = arts.iter().collect();
        let full = track(&refs).remove(0);
        assert_eq!(full.claims.len(), 31);
        assert!(!full.discrepancies.is_empty());
        let short = full.clone().abridged(8);
        assert_eq!(short.claims.len(), 8);
        assert_eq!(short.claims_total, 31);
        assert_eq!(short.outlets, full.outlets);
        // Every kept discrepancy points at the same two claims as before.
        assert!(!short.discrepancies.is_empty());
        for d in &short.discrepancies {
            let (a, b) = (&short.claims[d.first], &short.claims[d.second]);
            assert!(full
                .discrepancies
                .iter()
                .any(|e| full.claims[e.first].article == a.article
                    && full.claims[e.second].article == b.article));
        }
        // Each outlet's first report is kept, and the order is still by as-of date.
        for o in outlets {
            let first = full
                .claims
                .iter()
                .find(|c| c.outlet.as_deref() == Some(o))
                .unwrap();
            assert!(short.claims.iter().any(|c| c.article == first.article));
        }
        assert!(short.claims.windows(2).all(|w| w[0].period() <= w[1].period()));
        assert_eq!(full.clone().abridged(40).claims.len(), 31);
    }
}
