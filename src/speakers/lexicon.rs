//! Loads `lexicon.txt` (beside this file) into word sets, once per process.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

pub struct Lexicon {
    /// Every inflected form of a reporting cue, mapped to its lemma.
    pub cues: HashMap<&'static str, &'static str>,
    pub sets: HashMap<&'static str, HashSet<&'static str>>,
}

static SOURCE: &str = include_str!("lexicon.txt");

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(SOURCE));

fn parse(source: &'static str) -> Lexicon {
    let mut cues = HashMap::new();
    let mut sets: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
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
        let mut words = line.split_whitespace();
        if section == "cues" {
            let lemma = words.next().expect("a non-empty line has a first word");
            for form in words {
                cues.insert(form, lemma);
            }
        } else {
            sets.entry(section).or_default().extend(words);
        }
    }
    Lexicon { cues, sets }
}

impl Lexicon {
    fn has(&self, set: &str, word: &str) -> bool {
        let lower;
        let word = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = word.to_ascii_lowercase();
            lower.as_str()
        } else {
            word
        };
        self.sets.get(set).is_some_and(|s| s.contains(word))
    }

    /// The lemma of a reporting cue; the word must be written in lower case.
    pub fn cue(&self, word: &str) -> Option<&'static str> {
        self.cues.get(word).copied()
    }

    /// An adverb or auxiliary that may stand between a speaker and its cue: one of the listed
    /// words, or a lower-case manner adverb in "-ly" ("defiantly", "angrily") that is not one of
    /// the nouns in "-ly" ([not_adverbs]).
    /// One of the listed adverbs and auxiliaries only: inside a noun phrase "-ly" words are
    /// mostly adjectives ("a yearly poll", "the elderly man").
    pub fn is_listed_adverb(&self, word: &str) -> bool {
        self.has("adverbs", word)
    }

    pub fn is_adverb(&self, word: &str) -> bool {
        self.has("adverbs", word)
            || (word.len() > 5
                && word.ends_with("ly")
                && word.bytes().all(|b| b.is_ascii_lowercase())
                && !self.has("not_adverbs", word))
    }
    /// Honorifics, role words and pronouns that mark a woman.
    pub fn is_female_word(&self, word: &str) -> bool {
        self.has("female_words", word)
    }
    /// Honorifics, role words and pronouns that mark a man.
    pub fn is_male_word(&self, word: &str) -> bool {
        self.has("male_words", word)
    }
    /// "he", "she", "his", "her" …: a pronoun with a gender.
    pub fn is_pronoun_gendered(&self, word: &str) -> bool {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself"
        )
    }
    /// Words that open a sentence before its subject, with a comma ("However, he said …").
    pub fn is_sentence_adverb(&self, word: &str) -> bool {
        self.has("sentence_adverbs", word)
    }
    pub fn is_preposition(&self, word: &str) -> bool {
        self.has("prepositions", word)
    }
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.has("pronouns", word)
    }
    pub fn is_title(&self, word: &str) -> bool {
        self.has("titles", word)
    }
    pub fn is_org_word(&self, word: &str) -> bool {
        self.has("org_words", word)
    }
    pub fn is_not_name(&self, word: &str) -> bool {
        self.has("not_names", word)
    }
    pub fn is_media_head(&self, word: &str) -> bool {
        self.has("media_heads", word)
    }
    pub fn is_time_word(&self, word: &str) -> bool {
        self.has("time_words", word)
    }
    pub fn is_group(&self, word: &str) -> bool {
        self.has("groups", word)
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
