//! The days a calendar value covers, stored beside it so that date-range queries are
//! index look-ups: `2016-12-08` → that day; `2016-12` → Dec 1–31; `2016-W49` → its Monday
//! to Sunday; `2016-Q2`, `2016-H1`, seasons, years, decades and centuries likewise.
//! Durations, sets, vague references and dates with unknown parts cover no fixed days.

use chrono::{Datelike, NaiveDate};

/// The first and last day `value` covers, when it names a stretch of the calendar.
pub(crate) fn days(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let head = value.split('T').next()?;
    let parts: Vec<&str> = head.split('-').collect();
    let num = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year_span = |y: i32, m1: u32, m2: u32| -> Option<(NaiveDate, NaiveDate)> {
        Some((NaiveDate::from_ymd_opt(y, m1, 1)?, month_end(y, m2)?))
    };
    match parts.as_slice() {
        [y] => match y.len() {
            4 => year_span(num(y)?, 1, 12),
            3 => {
                let d = num(y)? * 10;
                Some((
                    NaiveDate::from_ymd_opt(d, 1, 1)?,
                    NaiveDate::from_ymd_opt(d + 9, 12, 31)?,
                ))
            }
            2 => {
                let c = num(y)? * 100;
                Some((
                    NaiveDate::from_ymd_opt(c, 1, 1)?,
                    NaiveDate::from_ymd_opt(c + 99, 12, 31)?,
                ))
            }
            _ => None,
        },
        [y, rest] if y.len() == 4 => {
            let y = num(y)?;
            if let Some(m) = num(rest).filter(|_| rest.len() == 2) {
                return year_span(y, m as u32, m as u32);
            }
            if let Some(w) = rest.strip_prefix('W').and_then(num) {
                let monday = NaiveDate::from_isoywd_opt(y, w as u32, chrono::Weekday::Mon)?;
                return Some((monday, monday + chrono::Duration::days(6)));
            }
            if let Some(q) = rest
                .strip_prefix('Q')
                .and_then(num)
                .filter(|q| (1..=4).contains(q))
            {
                let q = q as u32;
                return year_span(y, 3 * q - 2, 3 * q);
            }
            if let Some(h) = rest
                .strip_prefix('H')
                .and_then(num)
                .filter(|h| (1..=2).contains(h))
            {
                let h = h as u32;
                return year_span(y, 6 * h - 5, 6 * h);
            }
            match *rest {
                "SP" => year_span(y, 3, 5),
                "SU" => year_span(y, 6, 8),
                "FA" => year_span(y, 9, 11),
                // Winter runs into the next year.
                "WI" => Some((NaiveDate::from_ymd_opt(y, 12, 1)?, month_end(y + 1, 2)?)),
                _ => None,
            }
        }
        [y, w, we] if y.len() == 4 && w.starts_with('W') && *we == "WE" => {
            let week = num(&w[1..])? as u32;
            let sat = NaiveDate::from_isoywd_opt(num(y)?, week, chrono::Weekday::Sat)?;
            Some((sat, sat + chrono::Duration::days(1)))
        }
        [y, m, d] if y.len() == 4 => {
            let date = NaiveDate::from_ymd_opt(num(y)?, num(m)? as u32, num(d)? as u32)?;
            Some((date, date))
        }
        _ => None,
    }
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    next.pred_opt().filter(|d| d.month() == m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn calendar_values_cover_their_days() {
        for (value, first, last) in [
            ("2016-12-08", "2016-12-08", "2016-12-08"),
            ("2016-12-08T10:35", "2016-12-08", "2016-12-08"),
            ("2016-12-08TNI", "2016-12-08", "2016-12-08"),
            ("2016-02", "2016-02-01", "2016-02-29"),
            ("2016", "2016-01-01", "2016-12-31"),
            ("2016-W49", "2016-12-05", "2016-12-11"),
            ("2016-W49-WE", "2016-12-10", "2016-12-11"),
            ("2016-Q2", "2016-04-01", "2016-06-30"),
            ("2016-H2", "2016-07-01", "2016-12-31"),
            ("2016-SU", "2016-06-01", "2016-08-31"),
            ("2016-WI", "2016-12-01", "2017-02-28"),
            ("198", "1980-01-01", "1989-12-31"),
            ("19", "1900-01-01", "1999-12-31"),
        ] {
            assert_eq!(days(value), Some((d(first), d(last))), "{value}");
        }
        for value in [
            "P3W",
            "PRESENT_REF",
            "XXXX-12-02",
            "2016-WXX",
            "PXY",
            "2016-13",
            "2016-02-30",
        ] {
            assert_eq!(days(value), None, "{value}");
        }
    }
}
