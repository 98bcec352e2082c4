//! English word lists the English rules and the lexicon read: reporting cues by kind, the
//! cues whose subject may follow them, and the words of noun phrases the rules ask about. Data
//! knows no rules: these lists say what a word is, and `speakers/` decides what that means.

use chrono::Weekday;

pub(crate) const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "another", "one"];

/// Cues whose subject may follow them ("said Trump", "wrote McGurk"); after the others ("called
/// the pact “insanity”", "told Fox News") a name is the object.
pub(crate) const INVERTIBLE: &[&str] = &[
    "say", "add", "write", "continue", "explain", "note", "reply", "respond", "declare", "recall", "insist", "argue",
    "warn", "tweet", "post", "quip", "joke",
];

/// Words that open a subordinate clause before a sentence's subject.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "when", "as", "after", "if", "while", "although", "though", "because", "since", "before", "once", "unless",
    "whereas",
];

/// Quantifiers that open a nominal speaker ("many commentators said", "some officials say").
pub(crate) const QUANTIFIERS: &[&str] =
    &["many", "some", "several", "most", "few", "both", "all", "two", "three", "other", "others"];

/// Words for a document that speaks for its author ("a statement released by X").
pub(crate) const DOCUMENTS: &[&str] = &[
    "statement",
    "report",
    "release",
    "letter",
    "post",
    "tweet",
    "transcript",
    "interview",
    "memo",
    "filing",
    "study",
    "survey",
    "poll",
];

/// Lemmas whose object is what was said.
pub(crate) const REPORTING: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "argue",
    "claim",
    "warn",
    "insist",
    "write",
    "state",
    "announce",
    "acknowledge",
    "admit",
    "deny",
    "explain",
    "report",
    "confirm",
    "predict",
    "promise",
    "vow",
    "suggest",
    "reply",
    "respond",
    "recall",
    "declare",
    "conclude",
    "complain",
    "assert",
    "contend",
    "maintain",
    "testify",
    "reiterate",
    "reaffirm",
    "allege",
    "reveal",
    "stress",
    "emphasize",
    "urge",
    "call",
    "demand",
    "propose",
    "describe",
    "accuse",
    "ask",
    "threaten",
    "assure",
    "caution",
    "concede",
    "observe",
    "tweet",
    "post",
    "inform",
    "pledge",
    "boast",
    "lament",
    "remark",
];

/// Lemmas of belief, intention and evidence ("believe", "want", "show"): reported content
/// when a clause or an object follows them, which [`match_cue`] checks.
pub(crate) const THOUGHT: &[&str] = &[
    "think", "believe", "know", "hope", "fear", "expect", "want", "worry", "feel", "doubt", "show", "find", "indicate",
    "suspect", "estimate",
];

/// Lemmas of judgement whose object is the position taken ("criticized the ruling",
/// "defended his record", "touted his wins").
pub(crate) const STANCE: &[&str] = &[
    "criticize",
    "defend",
    "praise",
    "tout",
    "dismiss",
    "blast",
    "slam",
    "hail",
    "wonder",
    "recount",
    "counter",
    "endorse",
    "support",
    "oppose",
    "reject",
    "condemn",
    "welcome",
    "applaud",
    "embrace",
    "blame",
    "question",
    "dispute",
    "challenge",
    "mock",
    "attack",
];

/// Whether [`is_reporting`] asks about `lemma` by name: "agree", and those [`particle_of`] gives a
/// particle ("call" among them). Their cue forms have a lexicon bit (`Entry::is_particular`).
pub(crate) fn asked_by_name(lemma: &str) -> bool {
    lemma == "agree" || !particle_of(lemma).is_empty()
}

/// Lemmas that report only with their particle ("spoke about", "pointed to", "points out",
/// "commented on"): the particle is part of the cue.
pub(crate) fn particle_of(lemma: &str) -> &'static [&'static str] {
    match lemma {
        "call" => &["for", "on"],
        "speak" | "talk" | "joke" | "complain" => &["about", "of"],
        "comment" => &["on"],
        "point" => &["to", "out"],
        _ => &[],
    }
}

// Dates: the words of English temporal expressions (read by `dates/expressions.rs`).

pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

pub(crate) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

pub(crate) const NUMBER_WORDS: &[(&str, i64)] =
    &[("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("ten", 10)];

/// The words an expression can start with, besides a number: the month and weekday names, the
/// number words, and yesterday, today, tonight, this, last. The lexicon marks them, so that
/// [`find`] turns most tokens away by their entry.
pub(crate) fn date_start_words() -> impl Iterator<Item = &'static str> {
    let months = MONTHS.iter().map(|&(name, _)| name);
    let weekdays = WEEKDAYS.iter().map(|&(name, _)| name);
    let numbers = NUMBER_WORDS.iter().map(|&(name, _)| name);
    months.chain(weekdays).chain(numbers).chain(["yesterday", "today", "tonight", "this", "last"])
}
