//! What the number recogniser finds: a [`Quantity`] — a value or an interval, its qualifier and
//! its unit, with spans into the text it was read from.
//!
//! `numbers.rs` finds quantities in any text (numbers in digits and in words, fractions,
//! ranges, percentages, money, physical measures, and the things that look like quantities
//! but are not figures: ages and ordinals, marked by [`QuantityKind`]); `figures.rs` keeps
//! the ones that are claims and says what each measures and who is cited.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Numbers written into records only when finite. JSON has no infinity: `serde_json` writes
/// one as `null`, which no reader takes for a number, so a record holding one would be
/// stored and then fail every command that reads it back. Serialising such a record is an
/// error instead, which the run reports as that item's failure (the number recogniser
/// refuses such values first: rule `finite-values` in `numbers.rs`).
pub(crate) mod finite {
    use serde::{ser::Error, Serializer};

    pub(crate) fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_f64(*v)
        } else {
            Err(S::Error::custom(format!(
                "a figure's value is not a finite number ({v})"
            )))
        }
    }

    pub(crate) fn optional<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => number(v, s),
            None => s.serialize_none(),
        }
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bound {
    #[serde(serialize_with = "finite::number")]
    pub value: f64,
    /// `true` for "at least 30" (30 is in), `false` for "more than 30".
    pub inclusive: bool,
}

/// How the text qualifies a number. Absent for a plain number ("240,000").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "about", "around", "some", "roughly", "an estimated".
    About,
    /// "more than", "over", "above", "in excess of".
    MoreThan,
    /// "at least", "no fewer than", "or more".
    AtLeast,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// "at most", "no more than", "or less".
    AtMost,
    /// "up to", "as many as".
    UpTo,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "between 20 and 30", "20 to 30", "20-30".
    Between,
    /// A vague count: "tens of thousands", "hundreds", "dozens" (see `numbers.rs` for the
    /// interval each stands for).
    Vague,
}

impl Qualifier {
    /// The qualifier in words, for a table ("more than"); empty for a range of two ends
    /// and a vague count, which their ends say.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::LessThan => "less than",
            Qualifier::AtMost => "at most",
            Qualifier::UpTo => "up to",
            Qualifier::Nearly => "nearly",
            Qualifier::Between | Qualifier::Vague => "",
        }
    }
}

/// What a quantity is, as far as its surface tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A bare number or a count ("240,000", "a dozen", "tens of thousands").
    Number,
    /// An interval given by two numbers or a comparison ("between 20 and 30", "more than 5").
    Range,
    /// "12%", "12 percent", "12 per cent".
    Percent,
    /// An amount of money ("$75 million", "420 million Finnish markka").
    Money,
    /// A physical measure with a unit ("3 km", "75ml", "40 degrees Celsius").
    Measure,
    /// An age ("five years old", "a 34-year-old"): recognised so that it is never a figure.
    Age,
    /// An ordinal ("third", "21st"): recognised so that it is never a figure.
    Ordinal,
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Percent,
    Currency,
    Length,
    Area,
    Volume,
    Mass,
    Speed,
    Temperature,
    Energy,
    Power,
    Pressure,
    Information,
    Time,
    Other,
}

/// A unit as written and as understood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// The unit's canonical name from the unit table: `USD`, `GBP`, `percent`, `km`, `kg`, …
    pub name: String,
    pub dimension: Dimension,
    /// Where the unit is written (for "$75 million", the `$`).
    pub span: Span,
}

/// The one policy for vague counts: a plural scale word S ("hundreds", "tens of
/// thousands", "several hundred") stands for `[VAGUE_FROM × S, VAGUE_TO × S)`.
pub const VAGUE_FROM: f64 = 2.0;
/// See [`VAGUE_FROM`].
pub const VAGUE_TO: f64 = 10.0;

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The whole expression: qualifier, number(s) and unit ("more than $75 million").
    pub span: Span,
    /// The number itself, or from the first number to the last for a range.
    pub number: Span,
    pub kind: QuantityKind,
    /// The value the text gives, scaled ("75 million" → 75e6; "12%" → 12); absent for a
    /// range given by two ends and for a vague count.
    #[serde(serialize_with = "finite::optional")]
    pub value: Option<f64>,
    /// The interval the expression allows; both absent for a plain number.
    pub low: Option<Bound>,
    pub high: Option<Bound>,
    pub qualifier: Option<Qualifier>,
    pub unit: Option<Unit>,
    /// The whole list this quantity is a member of, when the text lists quantities of one
    /// unit together ("2.5, 7 and 11 kg", "41% or 44%"): from the first member's start to
    /// the last member's end. Absent for a quantity that stands alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<Span>,
}
