//! Rule `change_then_level`: after a verb of change, "X to Y" is the size of the change and
//! then the level reached ("Brent rose $2.10 to $84.35", "shipments fell 3% to 289
//! million", "fell by 40 to 1,210"): two quantities, not the range "X to Y". The verbs are
//! `data/change-verbs.txt`; "from X to Y" and "between X and Y" keep their ranges.

use super::tokens::{Kind, Tokens};

/// Whether the number whose lead starts at token `lead_start`, and which ends before token
/// `next`, is the size of a change followed by "to" and the level. `measured` says the
/// number carries its own currency or a unit other than percent.
///
/// Rule `by_measured_change`: "by" before an amount with its own unit or currency is the
/// size of a change whatever verb (or none) comes before it ("will go up by £310 to
/// £5,870", "cut the price by 12,000 yuan to 139,800 yuan"): a range of amounts is not
/// written "by £310 to £5,870". A bare number ("by 2 to 3 percent") and a percentage ("by
/// 2% to 3%", which may be a range of the change) still need a verb of change.
pub(super) fn change_then_level(t: &Tokens, lead_start: usize, next: usize, measured: bool) -> bool {
    if next >= t.len() || !t.is_word(next, "to") {
        return false;
    }
    let mut k = lead_start;
    if k > 0 && t.is_word(k - 1, "by") {
        if measured {
            return true;
        }
        k -= 1;
    }
    k > 0 && t.kind(k - 1) == Some(Kind::Word) && crate::claims::change_verb(t.lower(k - 1))
}
