//! Loads `lexicon.txt` (beside this file) into word sets, once per process.
//!
//! Every word of every section is one key of a single map whose value is the set of sections
//! (a bit each) it belongs to, hashed with FxHash: the detectors ask several questions of nearly
//! every token, so a lookup is one short hash and no allocation (a capitalized word is lowered
//! into a stack buffer).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The sections of `lexicon.txt` other than `[cues]`, in the order of their bits.
const SECTIONS: &[&str] = &[
    "adverbs",
    "prepositions",
    "female_words",
    "male_words",
    "not_adverbs",
    "sentence_adverbs",
    "pronouns",
    "titles",
    "org_words",
    "time_words",
    "not_names",
    "media_heads",
    "groups",
];

#[derive(Clone, Copy)]
enum Section {
    Adverbs,
    Prepositions,
    FemaleWords,
    MaleWords,
    NotAdverbs,
    SentenceAdverbs,
    Pronouns,
    Titles,
    OrgWords,
    TimeWords,
    NotNames,
    MediaHeads,
    Groups,
}

pub struct Lexicon {
    /// Every inflected form of a reporting cue, mapped to its lemma.
    cues: FxHashMap<&'static [u8], &'static str>,
    /// Word (lower case) → the sections it is in, one bit each in [`SECTIONS`] order.
    words: FxHashMap<&'static [u8], u32>,
}

static SOURCE: &str = include_str!("lexicon.txt");

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(SOURCE));

/// The longest word any section holds is shorter than this; longer tokens are in none.
const MAX_WORD: usize = 32;

fn parse(source: &'static str) -> Lexicon {
    let mut cues = FxHashMap::default();
    let mut words: FxHashMap<&'static [u8], u32> = FxHashMap::default();
    let mut section = "";
    for line in source.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let mut entries = line.split_whitespace();
        if section == "cues" {
            let lemma = entries.next().expect("a non-empty line has a first word");
            for form in entries {
                cues.insert(form.as_bytes(), lemma);
            }
        } else {
            let bit =
                SECTIONS.iter().position(|s| *s == section).unwrap_or_else(|| panic!("unknown section [{section}]"));
            for word in entries {
                assert!(word.len() < MAX_WORD, "lexicon word too long: {word}");
                *words.entry(word.as_bytes()).or_default() |= 1 << bit;
            }
        }
    }
    Lexicon { cues, words }
}

impl Lexicon {
    /// Looks `word` up in lower case: lowered into a stack buffer when it has capitals. Keys are
    /// bytes, so the lowered copy needs no UTF-8 check.
    fn lowered<T>(word: &str, look_up: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
        let bytes = word.as_bytes();
        if bytes.len() >= MAX_WORD {
            return None;
        }
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return look_up(bytes);
        }
        let mut buffer = [0u8; MAX_WORD];
        for (to, from) in buffer.iter_mut().zip(bytes) {
            *to = from.to_ascii_lowercase();
        }
        look_up(&buffer[..bytes.len()])
    }

    fn has(&self, section: Section, word: &str) -> bool {
        Self::lowered(word, |key| self.words.get(key).copied()).is_some_and(|bits| bits & (1 << section as u32) != 0)
    }

    /// The lemma of a reporting cue written in any case ("Asked" opening a sentence).
    pub fn cue_any_case(&self, word: &str) -> Option<&'static str> {
        Self::lowered(word, |key| self.cues.get(key).copied())
    }

    /// The lemma of a reporting cue; the word must be written in lower case.
    pub fn cue(&self, word: &str) -> Option<&'static str> {
        self.cues.get(word.as_bytes()).copied()
    }

    /// An adverb or auxiliary that may stand between a speaker and its cue: one of the listed
    /// One of the listed adverbs and auxiliaries only: inside a noun phrase "-ly" words are
    /// mostly adjectives ("a yearly poll", "the elderly man").
    pub fn is_listed_adverb(&self, word: &str) -> bool {
        self.has(Section::Adverbs, word)
    }

    /// An adverb or auxiliary that may stand between a speaker and its cue: one of the listed
    /// words, or a lower-case manner adverb in "-ly" ("defiantly", "angrily") that is not one of
    /// the nouns in "-ly" ([not_adverbs]).
    pub fn is_adverb(&self, word: &str) -> bool {
        self.has(Section::Adverbs, word)
            || (word.len() > 5
                && word.ends_with("ly")
                && word.bytes().all(|b| b.is_ascii_lowercase())
                && !self.has(Section::NotAdverbs, word))
    }
    /// Honorifics, role words and pronouns that mark a woman.
    pub fn is_female_word(&self, word: &str) -> bool {
        self.has(Section::FemaleWords, word)
    }
    /// Honorifics, role words and pronouns that mark a man.
    pub fn is_male_word(&self, word: &str) -> bool {
        self.has(Section::MaleWords, word)
    }
    /// "he", "she", "his", "her" …: a pronoun with a gender.
    pub fn is_pronoun_gendered(&self, word: &str) -> bool {
        ["he", "him", "his", "himself", "she", "her", "hers", "herself"].iter().any(|p| word.eq_ignore_ascii_case(p))
    }
    /// Words that open a sentence before its subject, with a comma ("However, he said …").
    pub fn is_sentence_adverb(&self, word: &str) -> bool {
        self.has(Section::SentenceAdverbs, word)
    }
    pub fn is_preposition(&self, word: &str) -> bool {
        self.has(Section::Prepositions, word)
    }
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.has(Section::Pronouns, word)
    }
    pub fn is_title(&self, word: &str) -> bool {
        self.has(Section::Titles, word)
    }
    pub fn is_org_word(&self, word: &str) -> bool {
        self.has(Section::OrgWords, word)
    }
    pub fn is_not_name(&self, word: &str) -> bool {
        self.has(Section::NotNames, word)
    }
    pub fn is_media_head(&self, word: &str) -> bool {
        self.has(Section::MediaHeads, word)
    }
    pub fn is_time_word(&self, word: &str) -> bool {
        self.has(Section::TimeWords, word)
    }
    pub fn is_group(&self, word: &str) -> bool {
        self.has(Section::Groups, word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_loads_its_sections() {
        assert_eq!(LEXICON.cue("said"), Some("say"));
        assert_eq!(LEXICON.cue("state"), None);
        assert!(LEXICON.is_title("Minister"));
        assert!(LEXICON.is_org_word("Ministry"));
        assert!(LEXICON.is_pronoun("She"));
        assert!(LEXICON.is_group("officials"));
    }
}
