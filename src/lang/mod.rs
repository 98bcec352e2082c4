//! Language data: the word lists the rules read, one folder per language (`en/`), each file with
//! its source and licence in the folder's README. Data knows no rules: these lists say what a
//! word is, and the stages decide what that means.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

pub mod de;
pub mod detect;
pub mod en;
pub(crate) mod key;
pub mod lexicon;

pub use detect::{code, detect, Language};

/// The lines of a word-list file that hold words, each with its section: `[name]` headers name
/// the section of the lines after them; `#` starts a comment; blank lines are none. Every list
/// whosaid reads (`en/lexicon.txt`, `en/name_words.txt`, `de/words.txt`) is in this form.
pub(crate) fn sections(source: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    source.lines().filter_map(move |line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        (!line.is_empty()).then_some((section, line))
    })
}

/// English words that tell what a capitalized name names.
pub struct NameWords {
    /// Word (its [`key::folded`] key) → what it is: the lists it is in, and the share of its
    /// bearers counted female for a given name. One table for every list: a name word is looked up
    /// once for all it may be (`NameWords::classes`), where a table a list cost a lookup each.
    /// Every listed word is ASCII letters in lower case (`parse` checks), so a folded key matches
    /// only the word in another case, and a lookup lowers and hashes no string.
    words: FxHashMap<u128, Classes>,
}

/// What the name lists say of one word: one bit a list, and a given name's female share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes {
    bits: u8,
    /// The share of a given name's bearers counted female, in percent.
    female: u8,
}

const GIVEN: u8 = 1;
const PLACE: u8 = 1 << 1;
const DEMONYM: u8 = 1 << 2;
const THING: u8 = 1 << 3;
const PERSON_ROLE: u8 = 1 << 4;
const FINITE_VERB: u8 = 1 << 5;
const PLATFORM: u8 = 1 << 6;

impl Classes {
    /// A given name.
    pub fn is_given_name(self) -> bool {
        self.bits & GIVEN != 0
    }
    /// A place (a country, a region, a US state, a large city).
    pub fn is_place(self) -> bool {
        self.bits & PLACE != 0
    }
    /// A people or its adjective ("Russian", "African", "Republican").
    pub fn is_demonym(self) -> bool {
        self.bits & DEMONYM != 0
    }
    /// The head of a description of one person ("the nominee", "the businessman").
    pub fn is_person_role(self) -> bool {
        self.bits & PERSON_ROLE != 0
    }
    /// An auxiliary or a common verb form that tells a clause ("was", "rose").
    pub fn is_finite_verb(self) -> bool {
        self.bits & FINITE_VERB != 0
    }
    /// A platform people post on ("Twitter", "YouTube"): where a statement was made, never a
    /// person's given name ("on Twitter West accused …" is West's).
    pub fn is_platform(self) -> bool {
        self.bits & PLATFORM != 0
    }
    /// The end of the names of things, events, works and laws ("Act", "Day", "Show").
    pub fn is_thing_head(self) -> bool {
        self.bits & THING != 0
    }
    /// The lean of a given name, `None` for a word that is none.
    pub fn lean(self) -> Option<Lean> {
        self.is_given_name().then_some(match self.female {
            90.. => Lean::Female,
            0..=10 => Lean::Male,
            _ => Lean::Either,
        })
    }
}

/// The lean of a given name: which gender most of its bearers have, when 90% or more do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Female,
    Male,
    Either,
}

pub static NAME_WORDS: LazyLock<NameWords> =
    LazyLock::new(|| NameWords::parse(include_str!("en/given_names.tsv"), include_str!("en/name_words.txt")));

impl NameWords {
    fn parse(given_names: &'static str, name_words: &'static str) -> NameWords {
        let content = |line: &'static str| line.split('#').next().unwrap_or("").trim();
        let mut words: FxHashMap<u128, Classes> = FxHashMap::default();
        let key_of = |word: &str| {
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word:?}: a name word is lower-case ASCII letters");
            key::folded(word.as_bytes()).unwrap_or_else(|| panic!("{word:?}: a name word is at most 16 bytes"))
        };
        for line in given_names.lines().map(content).filter(|line| !line.is_empty()) {
            let (name, share) = line.split_once('\t').expect("a name, a tab, a share");
            let share: f32 = share.parse().expect("a share from 0 to 1");
            let classes = words.entry(key_of(name)).or_default();
            classes.bits |= GIVEN;
            classes.female = (share * 100.0).round() as u8;
        }
        for (section, line) in sections(name_words) {
            let bit = match section {
                "places" => PLACE,
                "demonyms" => DEMONYM,
                "things" => THING,
                "person_roles" => PERSON_ROLE,
                "finite_verbs" => FINITE_VERB,
                "platforms" => PLATFORM,
                other => panic!("unknown section [{other}] in name_words.txt"),
            };
            for word in line.split_whitespace() {
                words.entry(key_of(word)).or_default().bits |= bit;
            }
        }
        NameWords { words }
    }

    /// What the lists say of `word` (any case of its ASCII letters): one lookup for every list.
    pub fn classes(&self, word: &str) -> Classes {
        let found = key::folded(word.as_bytes()).and_then(|k| self.words.get(&k).copied());
        match found {
            Some(classes) => classes,
            // ("Andrés", "José", "Zoë": the lists are written without accents.)
            None if !word.is_ascii() => {
                use unicode_normalization::UnicodeNormalization;
                let plain: String =
                    word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
                let plain_key = plain.is_ascii().then(|| key::folded(plain.as_bytes())).flatten();
                plain_key.and_then(|k| self.words.get(&k).copied()).unwrap_or_default()
            }
            None => Classes::default(),
        }
    }

    /// Whether `word` (any case) is a given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.classes(word).is_given_name()
    }

    /// The lean of a given name, `None` for a word that is none.
    pub fn lean(&self, word: &str) -> Option<Lean> {
        self.classes(word).lean()
    }

    /// Whether `word` names a place (a country, a region, a US state, a large city).
    pub fn is_place(&self, word: &str) -> bool {
        self.classes(word).is_place()
    }

    /// Whether `word` names a people or is its adjective ("Russian", "African", "Republican").
    pub fn is_demonym(&self, word: &str) -> bool {
        self.classes(word).is_demonym()
    }

    /// Whether `word` heads a description of one person ("the nominee", "the businessman").
    pub fn is_person_role(&self, word: &str) -> bool {
        self.classes(word).is_person_role()
    }

    /// Whether `word` is an auxiliary or a common verb form that tells a clause ("was", "rose").
    pub fn is_finite_verb(&self, word: &str) -> bool {
        self.classes(word).is_finite_verb()
    }

    /// Whether `word` ends the names of things, events, works and laws ("Act", "Day", "Show").
    pub fn is_thing_head(&self, word: &str) -> bool {
        self.classes(word).is_thing_head()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_name_words_load_and_answer_in_any_case() {
        let words = &*NAME_WORDS;
        assert!(words.words.values().filter(|c| c.is_given_name()).count() > 5_000);
        assert_eq!(words.lean("Hillary"), Some(Lean::Female));
        assert_eq!(words.lean("DONALD"), Some(Lean::Male));
        // A key folds ASCII capitals only: bytes that fold onto letters are no letters' word.
        assert_eq!(words.lean("hIlLaRy"), Some(Lean::Female));
        assert_eq!(words.lean("Hill@ry"), None);
        assert_eq!(words.lean("Hillary\u{0}"), None);
        assert_eq!(words.lean("Pell"), None);
        assert!(!words.is_given_name("Miss") && !words.is_given_name("May"), "lexicon words are left out");
        assert!(words.is_place("Ohio") && words.is_demonym("African") && words.is_thing_head("Act"));
        assert!(!words.is_thing_head("Clinton"));
    }
}
