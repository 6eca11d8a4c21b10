//! Rule `change_then_level`: after a verb of change, "X to Y" is the size of the change and
//! then the level reached ("Brent rose $2.10 to $84.35", "shipments fell 3% to 289
//! million", "fell by 40 to 1,210"): two quantities, not the range "X to Y". The verbs are
//! `data/change-verbs.txt`; "from X to Y" and "between X and Y" keep their ranges.

use super::tokens::{Kind, Tokens};

/// Whether the number whose lead starts at token `lead_start`, and which ends before token
/// `next`, is the size of a change followed by "to" and the level. `money` says the number
/// carries its own currency.
///
/// Rule `by_money_change`: "by" before a sum of money with its own currency is the size of
/// a change whatever verb (or none) comes before it ("will go up by £310 to £5,870", "cut
/// the price by 12,000 yuan to 139,800 yuan"): a range of sums is not written "by £310 to
/// £5,870". A bare number ("by 2 to 3 percent"), a percentage ("by 2% to 3%") and a
/// measure ("higher by 1.5C to 2C", "by 30cm to 1m"), which may be ranges of the change,
/// still need a verb of change.
pub(super) fn change_then_level(t: &Tokens, lead_start: usize, next: usize, money: bool) -> bool {
    if next >= t.len() || !t.is_word(next, "to") {
        return false;
    }
    let mut k = lead_start;
    if k > 0 && t.is_word(k - 1, "by") {
        if money {
            return true;
        }
        k -= 1;
    }
    k > 0 && t.kind(k - 1) == Some(Kind::Word) && crate::claims::change_verb(t.lower(k - 1))
}
