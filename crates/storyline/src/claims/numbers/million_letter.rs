//! Rule `million_letter`: "m" glued to a number and followed by a plural noun, a currency or
//! a plural unit of mass, volume, area or energy names millions ("1.9m containers", "5m
//! euros", "12m people", "4.2m tonnes"), as news writes them;
//! before a singular noun or none it stays metres ("a 2m wall", "the 100m sprint", "15m
//! deep"), and so before the plural nouns of `data/metre-nouns.txt` ("5m waves").

use super::lexicon::canonical_unit;
use super::tokens::{Kind, Tokens};
use crate::claims::quantity::Dimension;
use crate::entities::lexicon::word_set;

const METRE_NOUNS: &str = include_str!("../data/metre-nouns.txt");

/// Whether the glued "m" at token `j` is a million: the next token, a lower-case word one
/// space on, is a currency, a plural unit of an amount of stuff, or a plural noun of no
/// unit.
pub(super) fn million_after(t: &Tokens, j: usize) -> bool {
    let k = j + 1;
    if t.kind(k) != Some(Kind::Word) || !t.same_line(k) || !t.one_space(k) {
        return false;
    }
    if !t.raw(k).starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let w = t.lower(k);
    match canonical_unit(w) {
        Some((_, Dimension::Currency)) => true,
        // A plural unit of an amount of stuff after it: "4.2m tonnes", "3m barrels",
        // "2m hectares" are millions of it (metres are not followed by a quantity of
        // stuff); a singular ("a 2m stone wall", "the 2m bar") or another kind of unit
        // ("100m times", "800m season") leaves it metres.
        Some((_, Dimension::Mass | Dimension::Volume | Dimension::Area | Dimension::Energy)) => {
            crate::claims::figures::plural(w)
        }
        Some(_) => false,
        None => crate::claims::figures::plural(w) && !word_set!(METRE_NOUNS).contains(w),
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::numbers::quantities;

    fn read(text: &str) -> Vec<(f64, Option<String>)> {
        quantities(text)
            .into_iter()
            .map(|q| (q.value.unwrap_or(f64::NAN), q.unit.map(|u| u.name)))
            .collect()
    }

    #[test]
    fn a_glued_m_before_a_plural_or_a_currency_is_a_million() {
        assert_eq!(read("The airline flew 3.4m passengers."), [(3_400_000.0, None)]);
        assert_eq!(
            read("About 8m dollars went missing."),
            [(8_000_000.0, Some("USD".into()))]
        );
        assert_eq!(
            read("Growers expect 4.2m tonnes of wheat."),
            [(4_200_000.0, Some("t".into()))]
        );
        assert_eq!(read("They built a 3m fence."), [(3.0, Some("m".into()))]);
        assert_eq!(read("They built a 2m stone wall."), [(2.0, Some("m".into()))]);
        assert_eq!(read("Forecasters expect 6m waves."), [(6.0, Some("m".into()))]);
    }
}
