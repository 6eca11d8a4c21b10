//! Rule `change_then_level`: after a verb of change, "X to Y" is the size of the change and
//! then the level reached ("Brent rose $2.10 to $84.35", "shipments fell 3% to 289
//! million", "fell by 40 to 1,210"): two quantities, not the range "X to Y". The verbs are
//! `data/change-verbs.txt`; "from X to Y" and "between X and Y" keep their ranges.

use super::tokens::{Kind, Tokens};

/// Whether the number whose lead starts at token `lead_start`, and which ends before token
/// `next`, is the size of a change followed by "to" and the level.
pub(super) fn change_then_level(t: &Tokens, lead_start: usize, next: usize) -> bool {
    if next >= t.len() || !t.is_word(next, "to") {
        return false;
    }
    let mut k = lead_start;
    if k > 0 && t.is_word(k - 1, "by") {
        k -= 1;
    }
    k > 0 && t.kind(k - 1) == Some(Kind::Word) && crate::claims::change_verb(t.lower(k - 1))
}
