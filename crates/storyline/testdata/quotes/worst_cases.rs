//! Generated worst cases for the text, entity and quote stages: inputs that make a
//! super-linear step show (many quotations, many names, many pronouns, one enormous
//! sentence or paragraph, many tiny paragraphs, quotation marks that never close).
//!
//! Shared by `examples/worst_cases.rs` (speed in MB/s) and `tests/quotes_worst_cases.rs`
//! (a bound that only a linear pass meets), through `#[path]`.

#![allow(dead_code)]

/// A generated input: its name and how to make about `bytes` of it.
pub struct Case {
    pub name: &'static str,
    pub make: fn(usize) -> String,
}

pub const CASES: &[Case] = &[
    Case {
        name: "short quotations (“a” repeated)",
        make: short_quotations,
    },
    Case {
        name: "quoted sentences, one paragraph",
        make: quoted_sentences,
    },
    Case {
        name: "quote paragraphs with speakers",
        make: quote_paragraphs,
    },
    Case {
        name: "many distinct names",
        make: distinct_names,
    },
    Case {
        name: "organisations and acronyms",
        make: acronyms,
    },
    Case {
        name: "many pronouns",
        make: pronouns,
    },
    Case {
        name: "one enormous sentence",
        make: enormous_sentence,
    },
    Case {
        name: "one enormous paragraph",
        make: enormous_paragraph,
    },
    Case {
        name: "many tiny paragraphs",
        make: tiny_paragraphs,
    },
    Case {
        name: "deep unclosed quotes",
        make: unclosed_quotes,
    },
    Case {
        name: "unclosed quote per paragraph",
        make: unclosed_paragraphs,
    },
    Case {
        name: "unclosed quote over attributions",
        make: unclosed_over_attributions,
    },
    Case {
        name: "definite descriptions",
        make: definite_descriptions,
    },
    Case {
        name: "namesakes (one surname)",
        make: namesakes,
    },
    Case {
        name: "one person, many roles",
        make: many_roles,
    },
    Case {
        name: "participles in one sentence",
        make: participles,
    },
    Case {
        name: "role words before names",
        make: role_chain,
    },
    Case {
        name: "stance verbs with bare clauses, one sentence",
        make: bare_clauses,
    },
];

fn repeat_to(bytes: usize, mut piece: impl FnMut(usize) -> String) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&piece(i));
        i += 1;
    }
    out
}

/// A distinct capitalised invented word for `i` ("Bavo", "Kelimu", …).
pub fn word_for(mut i: usize) -> String {
    const ONSETS: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u"];
    let mut w = String::new();
    loop {
        w.push_str(ONSETS[i % ONSETS.len()]);
        i /= ONSETS.len();
        w.push_str(VOWELS[i % VOWELS.len()]);
        i /= VOWELS.len();
        if i == 0 {
            break;
        }
    }
    let mut c = w.chars();
    let first = c.next().unwrap_or('x').to_ascii_uppercase();
    std::iter::once(first).chain(c).collect::<String>() + "r"
}

/// `“a” “a” “a” …`: one paragraph, one sentence, a quotation every four characters.
pub fn short_quotations(bytes: usize) -> String {
    repeat_to(bytes, |_| "“a” ".to_string())
}

/// `“We will stay,” Ana Vell said. …` in one paragraph.
pub fn quoted_sentences(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        if i % 2 == 0 {
            "“We will stay,” Ana Vell said. ".to_string()
        } else {
            "“The boats are ready.” ".to_string()
        }
    })
}

/// One quotation per paragraph, each with a speaker of its own.
pub fn quote_paragraphs(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!(
            "“The ferry leaves at noon,” said {} {}.\n“It will be late.”\n",
            word_for(i),
            word_for(i + 7)
        )
    })
}

/// Thousands of different people, each named once with a first name and a surname.
pub fn distinct_names(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!(
            "Mayor {} {} met Tom {} in {} on Monday. ",
            word_for(i),
            word_for(2 * i + 1),
            word_for(3 * i + 2),
            word_for(5 * i + 3)
        )
    })
}

/// Many organisations, each followed by an acronym that matches none of them.
pub fn acronyms(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        let w = word_for(i);
        let v = word_for(i + 11);
        format!(
            "The {w} {v} Agency said it would act. The {}{}Q said nothing.\n",
            &w[..1],
            &v[..1]
        )
    })
}

/// One speaker, then a long run of sentences whose subject is a pronoun.
pub fn pronouns(bytes: usize) -> String {
    let mut out = String::from("Harbour Minister Ana Vell opened the meeting.\n");
    out.push_str(&repeat_to(bytes, |i| {
        if i % 40 == 39 {
            "\n“We are ready,” she said. ".to_string()
        } else {
            "She said the port would open. ".to_string()
        }
    }));
    out
}

/// No sentence end at all: clauses with names, cues and quotations joined by commas.
pub fn enormous_sentence(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!(
            "{} {}, who runs the ferry, said that the “tide” was late and he added, ",
            word_for(i),
            word_for(i + 3)
        )
    })
}

/// Ordinary reported-speech sentences, all in one paragraph.
pub fn enormous_paragraph(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!(
            "Officials said the port was closed. {} {} told reporters it would reopen. He added that “nothing” was decided. ",
            word_for(i),
            word_for(i + 5)
        )
    })
}

/// A word per line.
pub fn tiny_paragraphs(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        if i % 3 == 0 {
            "“a”\n".to_string()
        } else {
            "a.\n".to_string()
        }
    })
}

/// Opening marks of every style that never close, in one paragraph.
pub fn unclosed_quotes(bytes: usize) -> String {
    repeat_to(bytes, |_| "“a ‘b «c \"d ".to_string())
}

/// Every paragraph opens a quotation and leaves it open.
pub fn unclosed_paragraphs(bytes: usize) -> String {
    repeat_to(bytes, |_| "“We will go on, he said\n".to_string())
}

/// A quotation opens and never closes over a paragraph of attributed sentences: every
/// frame's content grows to the whole quotation.
pub fn unclosed_over_attributions(bytes: usize) -> String {
    let mut out = String::from("“");
    out.push_str(&repeat_to(bytes, |_| {
        "He said that the tide was late. ".to_string()
    }));
    out
}

/// One official, then a long run of sentences that refer to her by her role.
pub fn definite_descriptions(bytes: usize) -> String {
    let mut out = String::from("Harbour Minister Ana Vell opened the meeting.\n");
    out.push_str(&repeat_to(bytes, |i| {
        if i % 30 == 29 {
            "\n".to_string()
        } else {
            "The minister said the port would open. ".to_string()
        }
    }));
    out
}

/// Thousands of people with one surname and first names that do not match each other.
pub fn namesakes(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!("Mayor {} Vell said the port would open. ", word_for(i + 100))
    })
}

/// One person given a new role in every sentence.
pub fn many_roles(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!(
            "Ana Vell, a {} pilot, said the port would open. ",
            word_for(i).to_lowercase()
        )
    })
}

/// One sentence of clauses that each end in a participle cue.
pub fn participles(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!(
            "{} {} criticised the plan, saying it was late, ",
            word_for(i),
            word_for(i + 1)
        )
    })
}

/// Lower-case role words and names in turn, with no stop: every name's role phrase may
/// reach back over all the others.
pub fn role_chain(bytes: usize) -> String {
    repeat_to(bytes, |i| format!("spokesman {} ", word_for(i)))
}

/// Verbs of stance before clauses without "that", in one sentence with no verb of speech:
/// each cue asks whether a speech verb comes before it (rule `bare_clause`).
pub fn bare_clauses(bytes: usize) -> String {
    repeat_to(bytes, |i| {
        format!(
            "{} {} believe the ferry will run late and ",
            word_for(i),
            word_for(i + 2)
        )
    })
}
