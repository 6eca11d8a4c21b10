//! Figures: the quantitative claims an article makes (`numbers.rs` reads quantities,
//! `figures.rs` keeps the claims among them and says what each measures and who is cited).

mod figures;
mod numbers;
mod quantity;
mod track;

pub use figures::{figures, Figure, Measured, Named};
pub use numbers::{canonical_unit_name, quantities};
pub use quantity::{Bound, Dimension, Qualifier, Quantity, QuantityKind, Unit};
pub use track::{track, track_events, Discrepancy, FigureClaim, TrackedMeasure, Trend, ROUNDING};
