//! Invented news articles made from templates by a seeded generator: ordinary sentences
//! of every attribution construction the quote finder knows (speech verbs before and after
//! their speaker, split quotations, "according to", participles, transcript labels,
//! signed quotations, pronouns, role nouns, appositives, acronyms, scare quotes,
//! quotations running over paragraphs). Every name, outlet and place is made up.
//!
//! Used through `#[path]` by the tests that check that the entity and quote output on
//! normal text does not change when the stages are made faster.

#![allow(dead_code)]

/// A small deterministic generator (xorshift64*), so the articles are the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const WOMEN: &[&str] = &["Ana", "Karin", "Mira", "Lena", "Dana", "Priya", "Ines", "Tove"];
const MEN: &[&str] = &["Tomas", "Sam", "Per", "Bo", "Abe", "Jonas", "Cory", "Emil"];
const SURNAMES: &[&str] = &[
    "Vell", "Okafor", "Brandt", "Lund", "Kahn", "Ortiz", "Hale", "Marsh", "Nygaard", "Sorel", "Tamsin",
    "Drury",
];
const ROLES: &[&str] = &[
    "Harbour Minister",
    "Mayor",
    "Senator",
    "Port director",
    "council spokesman",
    "Transport Secretary",
    "union leader",
    "Police Chief",
];
const ORGS: &[&str] = &[
    "Harbour Workers Union",
    "Tidewater Port Authority",
    "Grey Sea Fisheries Council",
    "Northern Ferry Company",
    "Vestmark City Council",
];
const PLACES: &[&str] = &["Lindvik", "Nordvik", "Port Arnes", "Skarholm", "Vestmark"];
const CLAUSES: &[&str] = &[
    "the ferry would keep its winter timetable",
    "nobody had asked the fishermen",
    "the toll was too high for the islands",
    "the bridge would reopen before the summer",
    "the plan had never been costed",
    "the harbour needed a new breakwater",
    "talks with the operator would resume on Monday",
    "the budget left no room for new boats",
];
const QUOTES: &[&str] = &[
    "We will not leave the islanders stranded",
    "Nothing has been decided yet",
    "This is the worst winter in years",
    "The boats are ready and the crews are waiting",
    "Ask the council, not me",
    "We have looked at every option and none of them is cheap",
    "It is a fair price for a safe crossing",
];
const SCARE: &[&str] = &["reform", "temporary", "modern", "efficiency"];
const VERBS: &[&str] = &["said", "told reporters", "added", "warned", "insisted", "argued"];
const STANCE: &[&str] = &["believes", "hopes", "wants", "fears", "expects"];

/// A person: first name, surname, female.
struct Person {
    first: &'static str,
    last: &'static str,
    female: bool,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
    fn pronoun(&self, cap: bool) -> &'static str {
        match (self.female, cap) {
            (true, true) => "She",
            (true, false) => "she",
            (false, true) => "He",
            (false, false) => "he",
        }
    }
}

fn person(r: &mut Rng) -> Person {
    let female = r.below(2) == 0;
    Person {
        first: r.pick(if female { WOMEN } else { MEN }),
        last: r.pick(SURNAMES),
        female,
    }
}

fn acronym(org: &str) -> String {
    org.split_whitespace().filter_map(|w| w.chars().next()).collect()
}

/// One paragraph: a construction chosen by the generator about `p` (named earlier or now).
fn paragraph(r: &mut Rng, p: &Person, named: &mut bool) -> String {
    let q = r.pick(QUOTES);
    let q2 = r.pick(QUOTES);
    let c = r.pick(CLAUSES);
    let v = r.pick(VERBS);
    let org = r.pick(ORGS);
    let place = r.pick(PLACES);
    let who = if *named {
        p.last.to_string()
    } else {
        format!("{} {}", r.pick(ROLES), p.full())
    };
    *named = true;
    match r.below(22) {
        0 => format!("{who} {v} that {c}."),
        1 => format!("“{q},” {who} said."),
        2 => format!("“{q},” {} said, “and {}.”", p.pronoun(false), q2.to_lowercase()),
        3 => format!("“{q}.”"),
        4 => format!("According to the {org}, {c}."),
        5 => format!(
            "The {org} ({}) said {c}. The {} later {v} that “{}.”",
            acronym(org),
            acronym(org),
            q.to_lowercase()
        ),
        6 => format!("{} {v} on Tuesday: “{q}.”", p.pronoun(true)),
        7 => format!(
            "{}, a former {} from {place}, said {c}.",
            p.full(),
            r.pick(&["pilot", "teacher", "engineer"])
        ),
        8 => format!("“{q}” — {}", p.full()),
        9 => format!("{}: {q}.", p.last.to_uppercase()),
        10 => format!("In {place} on Monday, {who} {} that {c}.", r.pick(STANCE)),
        11 => format!("{who} criticised the operator, saying {c}."),
        12 => format!("Critics called the plan “{}” and said {c}.", r.pick(SCARE)),
        13 => format!("The so-called “{}” has stalled in {place}.", r.pick(SCARE)),
        14 => format!("“{q},” said {}, who runs a boatyard in {place}.", p.full()),
        15 => format!("“{q}. {q2}"),
        16 => format!("The minister {v} that {c}."),
        17 => format!("{} and {} said {c}.", p.last, r.pick(SURNAMES)),
        18 => format!("Officials in {place} said {c}, according to a statement."),
        19 => format!("In a {place} Herald poll, 40 percent of voters said {c}."),
        20 => format!("{who} accused the {org} of “{}” and {v} that {c}.", r.pick(SCARE)),
        _ => format!(
            "{} {} seized two boats in {place}, and the council voted 7 to 2.",
            r.pick(&["Police", "Guards"]),
            r.pick(&["have", "had"])
        ),
    }
}

/// An article of a headline and some paragraphs, made from `seed`.
pub fn article(seed: u64) -> String {
    let mut r = Rng::new(seed);
    let people: Vec<Person> = (0..3).map(|_| person(&mut r)).collect();
    let mut named = [false; 3];
    let mut out = format!("Ferry talks in {} stall again\n\n", r.pick(PLACES));
    let paras = 6 + r.below(8);
    for _ in 0..paras {
        let k = r.below(3);
        let sentences = 1 + r.below(3);
        let mut para = Vec::new();
        for _ in 0..sentences {
            para.push(paragraph(&mut r, &people[k], &mut named[k]));
        }
        out.push_str(&para.join(" "));
        out.push_str("\n\n");
    }
    out
}
