//! Kinds from the words around a name, for names whose own words give no clue ("Mediaite",
//! "Walgreens", "Rahm Emanuel"). Each rule is a named unit in [`RULES`] with the reason it
//! holds; the first rule that fires decides. Rules only type names still of unknown kind:
//! they never overrule a kind the name's own words gave.

use crate::text::tokens::{Kind, Token};

use super::lexicon::{self, lists, word_set};
use super::EntityKind;

/// A rule typing a name from its context. Its name and reason document the table (the
/// tests check every rule has both); the code reads only its kind and test.
pub(crate) struct ContextRule {
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// Why the context says what it says.
    #[cfg_attr(not(test), allow(dead_code))]
    pub reason: &'static str,
    pub kind: EntityKind,
    /// Whether the rule fires for the name on tokens `first..=last` of the sentence.
    fires: fn(&Around<'_>) -> bool,
}

/// A name and the tokens around it.
pub(crate) struct Around<'a> {
    text: &'a str,
    toks: &'a [Token],
    first: usize,
    last: usize,
}

impl Around<'_> {
    fn word(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| t.text(self.text))
    }

    fn after(&self, n: usize) -> &str {
        self.word(self.last + n)
    }

    /// The `n`th word before the name ("" before the first token).
    fn before(&self, n: usize) -> &str {
        self.first.checked_sub(n).map_or("", |k| self.word(k))
    }

    /// A name after a preposition ("a spokesman for Tidewater Hydro", "analysts at
    /// Brekke Capital", "residents of Port Ellis"): a verb after it has another subject,
    /// so its speaking tells nothing of the name's kind.
    fn after_preposition(&self) -> bool {
        names_an_object(self.before(1))
    }

    fn words(&self) -> usize {
        self.last + 1 - self.first
    }

    fn possessive(&self) -> bool {
        let w = self.word(self.last);
        ["'s", "’s"].iter().any(|p| w.ends_with(p)) || matches!(self.after(1), "'s" | "’s")
    }

    /// The word after a possessive "'s", wherever the tokenizer put it.
    fn after_possessive(&self) -> &str {
        if matches!(self.after(1), "'s" | "’s") {
            self.after(2)
        } else {
            self.after(1)
        }
    }
}

/// A preposition before a name makes it the preposition's object, never the subject of
/// the verb after it ("a spokesman for Tidewater Hydro said", "analysts at Brekke
/// Capital said").
pub(crate) fn names_an_object(word_before: &str) -> bool {
    matches!(
        word_before,
        "for" | "at" | "of" | "from" | "with" | "by" | "in" | "on"
    )
}

/// An article or a possessive determiner, as written or opening a sentence ("a", "The",
/// "their"): what opens a noun phrase before a name in the rules below.
fn determiner(w: &str) -> bool {
    matches!(
        lexicon::lower(w).as_ref(),
        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our"
    )
}

pub(crate) const RULES: &[ContextRule] = &[
    ContextRule {
        name: "company-ending",
        reason: "\"Inc.\", \"Corp.\", \"LLC\" after a name make it a company",
        kind: EntityKind::Organization,
        fires: |a| {
            word_set!(lists::COMPANY_ENDINGS).contains(a.after(1))
                || a.after(1) == "," && word_set!(lists::COMPANY_ENDINGS).contains(a.after(2))
        },
    },
    ContextRule {
        name: "business-possessive",
        reason: "what has shares, stores, customers or a CEO is a business",
        kind: EntityKind::Organization,
        fires: |a| a.possessive() && word_set!(lists::BUSINESS_NOUNS).contains(a.after_possessive()),
    },
    ContextRule {
        name: "organisation-appositive",
        reason: "\"X, the company\" / \"X, a website\" / \"X, the regional grid utility\" says what X is",
        kind: EntityKind::Organization,
        fires: |a| {
            a.after(1) == ","
                && matches!(a.after(2), "the" | "a" | "an")
                && (3..=5).any(|k| {
                    // "X, the regional grid utility": the noun after up to two modifiers.
                    let modifiers = k < 5 || (3..k).all(|m| a.after(m).chars().all(char::is_lowercase));
                    modifiers
                        && word_set!(lists::ORGANISATION_NOUNS).contains(a.after(k))
                        && (k == 3 || !lexicon::is_role_word(a.after(k)))
                })
        },
    },
    ContextRule {
        name: "body-noun-after",
        reason: "\"the X team\" / \"the X alliance\": a name between \"the\" and a body people join                  names that body (a known place there is where it is from)",
        kind: EntityKind::Organization,
        fires: |a| {
            matches!(a.before(1), "the" | "The")
                && word_set!(lists::BODY_NOUNS).contains(a.after(1))
                && !lexicon::is_place(a.word(a.last))
        },
    },
    ContextRule {
        name: "organisation-noun-before",
        reason: "\"the passenger group X\" / \"the seafarers' union X\": a name right after a noun \
                 for an organisation, with a determiner before it, is that organisation's name \
                 (not one that opens with a first name: \"the team Ana Ruiz coached\")",
        kind: EntityKind::Organization,
        fires: |a| {
            let noun = a.before(1);
            let org_noun = word_set!(lists::ORGANISATION_NOUNS).contains(noun) || word_set!(lists::BODY_NOUNS).contains(noun);
            let determined = (2..=4).any(|k| determiner(a.before(k)));
            org_noun && determined && !lexicon::is_first_name(a.word(a.first))
        },
    },
    ContextRule {
        name: "full-name-speaks",
        reason: "a name of two or three words that says or tells something is a person's \
                 (organisations speak through statements; a bare word may be either)",
        kind: EntityKind::Person,
        fires: |a| {
            (2..=3).contains(&a.words())
                && !a.possessive()
                && !a.after_preposition()
                && word_set!(lists::PERSONAL_SPEECH).contains(a.after(1))
        },
    },
    ContextRule {
        name: "role-then-name",
        reason: "\"a son, Per\" / \"her sister, Ana Lund\" / \"its founder, Ola Berg\": a name set off after \
                 a determiner and a role is the person in that role",
        kind: EntityKind::Person,
        fires: |a| {
            a.before(1) == ","
                && lexicon::is_role_head(a.before(2))
                && determiner(a.before(3))
        },
    },
    ContextRule {
        name: "person-appositive",
        reason: "\"X, a spokesman for …\" / \"X, 45,\": a role or an age in apposition is a person's",
        kind: EntityKind::Person,
        fires: |a| {
            a.after(1) == ","
                && (matches!(a.after(2), "a" | "an" | "the") && lexicon::is_role_head(a.after(3))
                    || a.after(2).chars().all(|c| c.is_ascii_digit()) && a.after(3) == ",")
        },
    },
];

/// The first rule of [`RULES`] that fires for the name on tokens `first..=last`.
pub(crate) fn rule_for(
    text: &str,
    toks: &[Token],
    first: usize,
    last: usize,
) -> Option<&'static ContextRule> {
    if first > last || toks.get(last).is_none_or(|t| t.kind != Kind::Word) {
        return None;
    }
    let around = Around {
        text,
        toks,
        first,
        last,
    };
    RULES.iter().find(|r| (r.fires)(&around))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::text::tokens::tokenize;

    /// The rule that types the name `name` in `sentence`.
    fn rule(sentence: &str, name: &str) -> Option<&'static str> {
        let toks = tokenize(sentence, Span::new(0, sentence.len()));
        let start = sentence.find(name).unwrap();
        let end = start + name.len();
        let first = toks.iter().position(|t| t.span.start == start).unwrap();
        let last = toks.iter().rposition(|t| t.span.start < end).unwrap();
        rule_for(sentence, &toks, first, last).map(|r| r.name)
    }

    #[test]
    fn every_rule_fires_where_its_reason_says() {
        assert_eq!(
            rule("Shares of Quillory Inc. fell.", "Quillory"),
            Some("company-ending")
        );
        assert_eq!(
            rule("Quillory's shares fell.", "Quillory's"),
            Some("business-possessive")
        );
        assert_eq!(
            rule("Tessaly, the retailer, closed stores.", "Tessaly"),
            Some("organisation-appositive")
        );
        assert_eq!(
            rule("Norrkraft, the regional grid utility, cut power.", "Norrkraft"),
            Some("organisation-appositive")
        );
        assert_eq!(
            rule(
                "The walkers' group Open Fells Now said it would appeal.",
                "Open Fells Now"
            ),
            Some("organisation-noun-before")
        );
        assert_eq!(rule("The team Lena Holt coached won.", "Lena Holt"), None);
        assert_eq!(
            rule("She leaves a son, Per, and a sister, Vivi Strand.", "Vivi Strand"),
            Some("role-then-name")
        );
        assert_eq!(
            rule("Two riders of the Kestrel team were suspended.", "Kestrel"),
            Some("body-noun-after")
        );
        assert_eq!(
            rule("Orvan Petrossi said the count was wrong.", "Orvan Petrossi"),
            Some("full-name-speaks")
        );
        assert_eq!(
            rule("Petrossi, a spokesman for the port, declined.", "Petrossi"),
            Some("person-appositive")
        );
        assert_eq!(
            rule("Petrossi, 52, declined.", "Petrossi"),
            Some("person-appositive")
        );
    }

    #[test]
    fn rules_hold_back_where_the_context_is_ambiguous() {
        // One word that speaks may be a company or a surname.
        assert_eq!(rule("Quillory said sales rose.", "Quillory"), None);
        // A person's spokesman is not a business noun.
        assert_eq!(rule("Petrossi's spokesman declined.", "Petrossi's"), None);
        assert_eq!(rule("Tessaly, the city, voted.", "Tessaly"), None);
        // A known place before a body's noun is where the body is from.
        assert_eq!(rule("Fans of the Brazil team cheered.", "Brazil"), None);
        // A name after a preposition is not the subject of the verb after it.
        for (sentence, name) in [
            (
                "Analysts at Brekke Capital said margins would fall.",
                "Brekke Capital",
            ),
            (
                "A spokeswoman for Tidewater Hydro said the dam was safe.",
                "Tidewater Hydro",
            ),
            ("Residents of Port Ellis said the water was brown.", "Port Ellis"),
        ] {
            assert_eq!(rule(sentence, name), None, "{sentence}");
        }
        for r in RULES {
            assert!(!r.reason.is_empty() && !r.name.is_empty());
        }
    }
}
