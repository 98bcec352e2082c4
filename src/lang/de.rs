//! German word lists (`de/words.txt`): what a German word is, for the German rules in
//! `speakers/german.rs`. Every list is lower case; a word is looked up in its lower case.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The lists of `de/words.txt`, one set a section.
pub struct GermanWords {
    /// Verb forms that report speech with a clause after them ("sagte", "erklärte").
    pub cues: FxHashSet<&'static str>,
    /// A separable verb's finite form → the particles that close its clause ("teilte" → "mit").
    pub separable: FxHashMap<&'static str, Vec<&'static str>>,
    /// Verbs that report a position with a noun phrase ("forderte", "warnte").
    pub position: FxHashSet<&'static str>,
    /// Verbs that attribute a quote in their sentence but make no statement alone ("würdigte").
    pub quote_verbs: FxHashSet<&'static str>,
    /// Source nouns after "nach" ("Angaben", "Aussagen").
    pub source_nouns: FxHashSet<&'static str>,
    /// Prepositions whose noun phrase is a source ("laut", "gemäß").
    pub source_prepositions: FxHashSet<&'static str>,
    /// Konjunktiv I forms ("sei", "habe", "werde").
    pub konjunktiv: FxHashSet<&'static str>,
    /// Konjunktiv II forms ("hätte", "würde"), a report's continuation only right after one.
    pub konjunktiv2: FxHashSet<&'static str>,
    /// The reportive modal ("soll", "sollen").
    pub reportive: FxHashSet<&'static str>,
    /// Words that open a sentence as something other than its subject ("am", "dabei").
    pub openers: FxHashSet<&'static str>,
    /// Lower-case words inside a speaker's noun phrase ("der", "des", "von").
    pub noun_phrase: FxHashSet<&'static str>,
    /// Relative pronouns ("dessen", "die").
    pub relative: FxHashSet<&'static str>,
    /// Personal pronouns that can be a speaker ("er", "sie").
    pub pronouns: FxHashSet<&'static str>,
    /// Auxiliaries before a participle ("hat", "habe", "wurde").
    pub auxiliaries: FxHashSet<&'static str>,
    /// Conjunctions that open a subordinate clause ("während", "nachdem").
    pub subordinators: FxHashSet<&'static str>,
    /// Forms of "werden" that make a participle passive.
    pub passive: FxHashSet<&'static str>,
    /// Endings of words for a person's role ("sprecherin", "minister").
    pub roles: Vec<&'static str>,
    /// Endings of words for an organisation ("polizei", "ministerium").
    pub organisations: Vec<&'static str>,
    /// Common German-language given names (`de/given_names.txt`).
    pub given_names: FxHashSet<&'static str>,
    /// Every listed word → the lists it is in ([`class`] bits).
    classes: FxHashMap<&'static str, u32>,
    /// Month names → their numbers ("märz" → 3).
    pub months: FxHashMap<&'static str, u32>,
    /// Weekday names, Monday first.
    pub weekdays: Vec<(&'static str, chrono::Weekday)>,
}

/// The lists a word is in, one bit a list ([`GermanWords::class_of`]): a token's classes are
/// looked up once, where a set a list cost a lookup each time a rule asked.
pub mod class {
    pub const CUE: u32 = 1;
    pub const POSITION: u32 = 1 << 1;
    pub const SOURCE_NOUN: u32 = 1 << 2;
    pub const SOURCE_PREPOSITION: u32 = 1 << 3;
    pub const KONJUNKTIV: u32 = 1 << 4;
    pub const KONJUNKTIV2: u32 = 1 << 5;
    pub const REPORTIVE: u32 = 1 << 6;
    pub const OPENER: u32 = 1 << 7;
    pub const NOUN_PHRASE: u32 = 1 << 8;
    pub const RELATIVE: u32 = 1 << 9;
    pub const PRONOUN: u32 = 1 << 10;
    pub const AUXILIARY: u32 = 1 << 11;
    pub const SUBORDINATOR: u32 = 1 << 12;
    pub const PASSIVE: u32 = 1 << 13;
    pub const GIVEN_NAME: u32 = 1 << 14;
    pub const QUOTE_VERB: u32 = 1 << 15;
}

pub static GERMAN: LazyLock<GermanWords> =
    LazyLock::new(|| GermanWords::parse(include_str!("de/words.txt"), include_str!("de/given_names.txt")));

impl GermanWords {
    /// The lists `word` (in lower case) is in, as [`class`] bits.
    pub fn class_of(&self, word: &str) -> u32 {
        self.classes.get(word).copied().unwrap_or(0)
    }

    fn parse(source: &'static str, given_names: &'static str) -> GermanWords {
        let mut words = GermanWords {
            cues: FxHashSet::default(),
            separable: FxHashMap::default(),
            position: FxHashSet::default(),
            quote_verbs: FxHashSet::default(),
            source_nouns: FxHashSet::default(),
            source_prepositions: FxHashSet::default(),
            konjunktiv: FxHashSet::default(),
            konjunktiv2: FxHashSet::default(),
            reportive: FxHashSet::default(),
            openers: FxHashSet::default(),
            noun_phrase: FxHashSet::default(),
            relative: FxHashSet::default(),
            pronouns: FxHashSet::default(),
            auxiliaries: FxHashSet::default(),
            subordinators: FxHashSet::default(),
            passive: FxHashSet::default(),
            roles: Vec::new(),
            organisations: Vec::new(),
            given_names: FxHashSet::default(),
            classes: FxHashMap::default(),
            months: FxHashMap::default(),
            weekdays: Vec::new(),
        };
        for (section, line) in super::sections(source) {
            for word in line.split_whitespace() {
                assert_eq!(word, word.to_lowercase(), "de/words.txt: {word:?} is not lower case");
                if section == "months" || section == "weekdays" {
                    let (name, number) = word.split_once('=').expect("de/words.txt: a month or weekday is name=number");
                    let number: u32 = number.parse().expect("de/words.txt: a month's or weekday's number");
                    if section == "months" {
                        words.months.insert(name, number);
                    } else {
                        let day = chrono::Weekday::try_from(u8::try_from(number - 1).expect("a weekday from 1 to 7"))
                            .expect("a weekday from 1 to 7");
                        words.weekdays.push((name, day));
                    }
                    continue;
                }
                if section == "roles" || section == "organisations" {
                    let list = if section == "roles" { &mut words.roles } else { &mut words.organisations };
                    if !list.contains(&word) {
                        list.push(word);
                    }
                    continue;
                }
                if section == "separable" {
                    let (verb, particle) =
                        word.split_once('+').expect("de/words.txt: a separable verb is verb+particle");
                    let particles = words.separable.entry(verb).or_default();
                    if !particles.contains(&particle) {
                        particles.push(particle);
                    }
                    continue;
                }
                let set = match section {
                    "cues" => &mut words.cues,
                    "position" => &mut words.position,
                    "quote_verbs" => &mut words.quote_verbs,
                    "source_nouns" => &mut words.source_nouns,
                    "source_prepositions" => &mut words.source_prepositions,
                    "konjunktiv" => &mut words.konjunktiv,
                    "konjunktiv2" => &mut words.konjunktiv2,
                    "reportive" => &mut words.reportive,
                    "openers" => &mut words.openers,
                    "noun_phrase" => &mut words.noun_phrase,
                    "relative" => &mut words.relative,
                    "pronouns" => &mut words.pronouns,
                    "auxiliaries" => &mut words.auxiliaries,
                    "subordinators" => &mut words.subordinators,
                    "passive" => &mut words.passive,
                    other => panic!("de/words.txt: unknown section [{other}]"),
                };
                set.insert(word);
            }
        }
        for line in given_names.lines() {
            let line = line.split('#').next().unwrap_or("");
            words.given_names.extend(line.split_whitespace());
        }
        let lists = [
            (&words.cues, class::CUE),
            (&words.position, class::POSITION),
            (&words.quote_verbs, class::QUOTE_VERB),
            (&words.source_nouns, class::SOURCE_NOUN),
            (&words.source_prepositions, class::SOURCE_PREPOSITION),
            (&words.konjunktiv, class::KONJUNKTIV),
            (&words.konjunktiv2, class::KONJUNKTIV2),
            (&words.reportive, class::REPORTIVE),
            (&words.openers, class::OPENER),
            (&words.noun_phrase, class::NOUN_PHRASE),
            (&words.relative, class::RELATIVE),
            (&words.pronouns, class::PRONOUN),
            (&words.auxiliaries, class::AUXILIARY),
            (&words.subordinators, class::SUBORDINATOR),
            (&words.passive, class::PASSIVE),
            (&words.given_names, class::GIVEN_NAME),
        ];
        let mut classes: FxHashMap<&'static str, u32> = FxHashMap::default();
        for (list, bit) in lists {
            for &word in list {
                *classes.entry(word).or_default() |= bit;
            }
        }
        words.classes = classes;
        // (longest ending first: "ministerin" before "minister")
        words.roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
        words.organisations.sort_by_key(|r| std::cmp::Reverse(r.len()));
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_load_and_hold_their_words() {
        let words = &*GERMAN;
        assert!(words.cues.contains("sagte") && words.cues.contains("erklärte"));
        assert_eq!(words.separable["teilte"], ["mit"]);
        assert!(words.konjunktiv.contains("sei") && words.reportive.contains("soll"));
        assert!(words.openers.contains("am") && !words.openers.contains("der"));
    }
}
