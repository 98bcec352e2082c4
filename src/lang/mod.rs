//! Language data: the word lists the rules read, one folder per language (`en/`), each file with
//! its source and licence in the folder's README. Data knows no rules: these lists say what a
//! word is, and the stages decide what that means.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// English words that tell what a capitalized name names.
pub struct NameWords {
    /// Given name → the share of its bearers counted female, in percent.
    given: FxHashMap<&'static str, u8>,
    places: FxHashSet<&'static str>,
    demonyms: FxHashSet<&'static str>,
    things: FxHashSet<&'static str>,
    person_roles: FxHashSet<&'static str>,
    finite_verbs: FxHashSet<&'static str>,
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
        let given = given_names
            .lines()
            .map(content)
            .filter(|line| !line.is_empty())
            .map(|line| {
                let (name, share) = line.split_once('\t').expect("a name, a tab, a share");
                let share: f32 = share.parse().expect("a share from 0 to 1");
                (name, (share * 100.0).round() as u8)
            })
            .collect();
        let mut words = NameWords {
            given,
            places: FxHashSet::default(),
            demonyms: FxHashSet::default(),
            things: FxHashSet::default(),
            person_roles: FxHashSet::default(),
            finite_verbs: FxHashSet::default(),
        };
        let mut section = "";
        for line in name_words.lines().map(content).filter(|line| !line.is_empty()) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let set = match section {
                "places" => &mut words.places,
                "demonyms" => &mut words.demonyms,
                "things" => &mut words.things,
                "person_roles" => &mut words.person_roles,
                "finite_verbs" => &mut words.finite_verbs,
                other => panic!("unknown section [{other}] in name_words.txt"),
            };
            set.extend(line.split_whitespace());
        }
        words
    }

    /// Whether `word` (any case) is a given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        with_lower(word, |w| self.given.contains_key(w))
    }

    /// The lean of a given name, `None` for a word that is none.
    pub fn lean(&self, word: &str) -> Option<Lean> {
        with_lower(word, |w| {
            self.given.get(w).map(|&female| match female {
                90.. => Lean::Female,
                0..=10 => Lean::Male,
                _ => Lean::Either,
            })
        })
    }

    /// Whether `word` names a place (a country, a region, a US state, a large city).
    pub fn is_place(&self, word: &str) -> bool {
        with_lower(word, |w| self.places.contains(w))
    }

    /// Whether `word` names a people or is its adjective ("Russian", "African", "Republican").
    pub fn is_demonym(&self, word: &str) -> bool {
        with_lower(word, |w| self.demonyms.contains(w))
    }

    /// Whether `word` heads a description of one person ("the nominee", "the businessman").
    pub fn is_person_role(&self, word: &str) -> bool {
        with_lower(word, |w| self.person_roles.contains(w))
    }

    /// Whether `word` is an auxiliary or a common verb form that tells a clause ("was", "rose").
    pub fn is_finite_verb(&self, word: &str) -> bool {
        with_lower(word, |w| self.finite_verbs.contains(w))
    }

    /// Whether `word` ends the names of things, events, works and laws ("Act", "Day", "Show").
    pub fn is_thing_head(&self, word: &str) -> bool {
        with_lower(word, |w| self.things.contains(w))
    }
}

/// Calls `f` with `word` in lower case, on the stack for a short ASCII word (a name word, mostly).
fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // SAFETY: the bytes are an ASCII word's, lowered: ASCII, so UTF-8.
        f(unsafe { std::str::from_utf8_unchecked(lower) })
    } else {
        f(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_name_words_load_and_answer_in_any_case() {
        let words = &*NAME_WORDS;
        assert!(words.given.len() > 5_000, "{}", words.given.len());
        assert_eq!(words.lean("Hillary"), Some(Lean::Female));
        assert_eq!(words.lean("DONALD"), Some(Lean::Male));
        assert_eq!(words.lean("Pell"), None);
        assert!(!words.is_given_name("Miss") && !words.is_given_name("May"), "lexicon words are left out");
        assert!(words.is_place("Ohio") && words.is_demonym("African") && words.is_thing_head("Act"));
        assert!(!words.is_thing_head("Clinton"));
    }
}
