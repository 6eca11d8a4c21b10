//! Document frequencies over a sliding window of days: what is rare this month, not what
//! was rare in the whole archive.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::doc::Day;
use super::terms::{DocFreq, TermCounts};

/// Document frequencies of the documents published in the last `span` days up to the
/// latest day seen, kept per day so that a day leaving the window is taken out whole.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct WindowDf {
    span: i32,
    days: BTreeMap<Day, DocFreq>,
    total: DocFreq,
}

impl WindowDf {
    pub fn new(span_days: i32) -> WindowDf {
        WindowDf {
            span: span_days.max(1),
            ..Default::default()
        }
    }

    /// The first day still inside the window.
    fn start(&self) -> Option<Day> {
        self.days.keys().next_back().map(|d| d.plus(1 - self.span))
    }

    /// Counts a document of `day`; one older than the window is not counted. Days that
    /// fall out of the window as the latest day moves are taken out.
    pub fn add(&mut self, day: Day, doc: &TermCounts) {
        if self.start().is_some_and(|s| day < s) {
            return;
        }
        let mut one = DocFreq::default();
        one.add(doc);
        self.days.entry(day).or_default().absorb(&one);
        self.total.absorb(&one);
        while let Some(start) = self.start() {
            match self.days.first_key_value() {
                Some((&d, _)) if d < start => {
                    let old = self.days.remove(&d).expect("first day");
                    self.total.subtract(&old);
                }
                _ => break,
            }
        }
    }

    /// The frequencies over the window.
    pub fn df(&self) -> &DocFreq {
        &self.total
    }

    /// The window's length in days.
    pub fn span(&self) -> i32 {
        self.span
    }

    /// Each day's frequencies, oldest first (what the store keeps, a piece a day).
    pub fn days(&self) -> impl Iterator<Item = (Day, &DocFreq)> {
        self.days.iter().map(|(d, f)| (*d, f))
    }

    /// The window of these days' frequencies (the total is their sum).
    pub fn from_days(span: i32, days: BTreeMap<Day, DocFreq>) -> WindowDf {
        let mut total = DocFreq::default();
        for f in days.values() {
            total.absorb(f);
        }
        WindowDf {
            span: span.max(1),
            days,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::terms::{Analyzer, Term};

    #[test]
    fn days_leave_the_window_whole_and_late_old_documents_are_not_counted() {
        let a = Analyzer::default();
        let mut w = WindowDf::new(3);
        w.add(Day(10), &a.counts("harbour strike"));
        w.add(Day(11), &a.counts("harbour vote"));
        assert_eq!(w.df().df(Term::of_stem("harbour")), 2);
        w.add(Day(13), &a.counts("mill vote"));
        // Day 10 has left (the window is days 11–13).
        assert_eq!(w.df().df(Term::of_stem("harbour")), 1);
        assert_eq!(w.df().df(Term::of_stem("strike")), 0);
        assert_eq!(w.df().docs(), 2);
        w.add(Day(9), &a.counts("strike"));
        assert_eq!(w.df().df(Term::of_stem("strike")), 0);
        w.add(Day(12), &a.counts("strike"));
        assert_eq!(w.df().df(Term::of_stem("strike")), 1);
        // Rebuilt from its days, it counts the same.
        let again = WindowDf::from_days(w.span(), w.days().map(|(d, f)| (d, f.clone())).collect());
        assert_eq!(
            serde_json::to_string(&again).unwrap(),
            serde_json::to_string(&w).unwrap()
        );
    }
}
