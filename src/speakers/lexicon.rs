//! Loads `lexicon.txt` (beside this file) into word sets, once per process.
//!
//! Every word of every section (and every form of a cue) is one key of a single map whose value
//! is the set of sections (a bit each) it belongs to, hashed with FxHash. A key is the word's
//! bytes, lowered, packed into one `u128` (no lexicon word is longer than 16 bytes), so hashing
//! and comparing it are a few integer operations. [`Lexicon::entry`] looks a word up once, when
//! its [`Doc`](crate::doc::Doc) is built; the detectors' questions about a token are then bit
//! tests of its [`Entry`].

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
    cues: FxHashMap<u128, &'static str>,
    /// Word (lower case) → its [`Entry`] bits: the sections it is in, one bit each in
    /// [`SECTIONS`] order, and whether it is a cue, a gendered pronoun, a listed adverb.
    words: FxHashMap<u128, u32>,
    /// Which (length, first letter, last letter) the words and cue forms have: most tokens are
    /// in no list, and this turns them away with one bit test before a key is packed and probed.
    shapes: Shapes,
}

/// A set of word shapes (length, first and last byte, ASCII case folded), hashed into 16,384
/// bits: a word whose shape is not in it is in no list; one whose shape is may be.
struct Shapes(Box<[u64; 256]>);

impl Shapes {
    fn new() -> Shapes {
        Shapes(Box::new([0; 256]))
    }

    fn slot(word: &[u8]) -> usize {
        let (first, last) = (word[0].to_ascii_lowercase(), word[word.len() - 1].to_ascii_lowercase());
        let shape = (word.len() as u32) | u32::from(first) << 8 | u32::from(last) << 16;
        (shape.wrapping_mul(0x9E37_79B1) >> 18) as usize
    }

    fn insert(&mut self, word: &[u8]) {
        let slot = Shapes::slot(word);
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        if word.is_empty() || word.len() > MAX_WORD {
            return false;
        }
        let slot = Shapes::slot(word);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

static SOURCE: &str = include_str!("lexicon.txt");

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(SOURCE));

/// No word of the lexicon is longer than this many bytes: a word is its key, its bytes packed
/// into one `u128` (zero-padded), so a lookup hashes and compares one integer.
const MAX_WORD: usize = 16;

/// The key of `word`, lowered when `lower` (ASCII letters only, as the lexicon is written): its
/// bytes in a `u128`, the length in the last byte when shorter than 16 (so "he" and "he\0"
/// differ); none for a word longer than any in the lexicon.
fn key(word: &[u8], lower: bool) -> Option<u128> {
    const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
    const LOW7: u128 = u128::from_ne_bytes([0x7f; 16]);
    const TO_A: u128 = u128::from_ne_bytes([0x80 - b'A'; 16]);
    const PAST_Z: u128 = u128::from_ne_bytes([0x80 - b'Z' - 1; 16]);
    if word.len() > MAX_WORD {
        return None;
    }
    let packed = pack(word) | if word.len() < MAX_WORD { (word.len() as u128) << 120 } else { 0 };
    if !lower {
        return Some(packed);
    }
    // Every byte at once: 0x80 marks an ASCII capital (its low seven bits in 'A'..='Z', its high
    // bit clear), and 0x80 >> 2 is the 0x20 that lowers it. The length byte is below 'A'.
    let low = packed & LOW7;
    let capital = (low + TO_A) & !(low + PAST_Z) & !packed & HIGH;
    Some(packed | (capital >> 2))
}

/// `word` (at most 16 bytes) as the low bytes of a `u128`, read with two overlapping loads
/// rather than a copy into a buffer.
fn pack(word: &[u8]) -> u128 {
    let n = word.len();
    let load8 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8 bytes"));
    let load4 = |at: usize| u64::from(u32::from_le_bytes(word[at..at + 4].try_into().expect("4 bytes")));
    match n {
        // The last load ends at the word's end; its bytes past the first load are the word's rest.
        8 => u128::from(load8(0)),
        9..=16 => u128::from(load8(0)) | u128::from(load8(n - 8) >> (8 * (16 - n))) << 64,
        4..=7 => u128::from(load4(0) | (load4(n - 4) >> (8 * (8 - n))) << 32),
        _ => word.iter().rev().fold(0u128, |packed, &b| packed << 8 | u128::from(b)),
    }
}

fn parse(source: &'static str) -> Lexicon {
    let mut cues = FxHashMap::default();
    let mut words: FxHashMap<u128, u32> = FxHashMap::default();
    let mut shapes = Shapes::new();
    let key_of = |word: &str| key(word.as_bytes(), false).unwrap_or_else(|| panic!("lexicon word too long: {word}"));
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
                cues.insert(key_of(form), lemma);
                *words.entry(key_of(form)).or_default() |= CUE_ANY_CASE;
                shapes.insert(form.as_bytes());
            }
        } else {
            let bit =
                SECTIONS.iter().position(|s| *s == section).unwrap_or_else(|| panic!("unknown section [{section}]"));
            let adverb = if bit == Section::Adverbs as usize { ADVERB } else { 0 };
            for word in entries {
                *words.entry(key_of(word)).or_default() |= 1 << bit | adverb;
                shapes.insert(word.as_bytes());
            }
        }
    }
    for pronoun in PRONOUNS_GENDERED {
        *words.entry(key_of(pronoun)).or_default() |= PRONOUN_GENDERED;
        shapes.insert(pronoun.as_bytes());
    }
    *words.entry(key_of("according")).or_default() |= ACCORDING;
    shapes.insert(b"according");
    Lexicon { cues, words, shapes }
}

/// Bits of an [`Entry`] past the sections': the word is a cue (in any case, and as written), a
/// pronoun with a gender, an adverb by [`Entry::is_adverb`]'s rule, "according".
const CUE_ANY_CASE: u32 = 1 << SECTIONS.len();
const CUE: u32 = CUE_ANY_CASE << 1;
const PRONOUN_GENDERED: u32 = CUE << 1;
const ADVERB: u32 = PRONOUN_GENDERED << 1;
/// "according", which opens the cue "according to": with the cue words, what a cue can start with.
const ACCORDING: u32 = ADVERB << 1;

const PRONOUNS_GENDERED: &[&str] = &["he", "him", "his", "himself", "she", "her", "hers", "herself"];

/// What the lexicon says of one word: every list it is in, as bits. [`Doc`](crate::doc::Doc)
/// computes one per token as it is built, so the detectors' many questions about a token are
/// bit tests, not lookups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry(u32);

impl Entry {
    fn has(self, section: Section) -> bool {
        self.0 & (1 << section as u32) != 0
    }

    /// A reporting cue written in lower case, as cues are.
    pub fn is_cue(self) -> bool {
        self.0 & CUE != 0
    }
    /// A reporting cue in any case ("Asked" opening a sentence).
    pub fn is_cue_any_case(self) -> bool {
        self.0 & CUE_ANY_CASE != 0
    }
    /// A word a cue can start with: a cue word in any case, or "according" (of "according to").
    pub fn may_start_cue(self) -> bool {
        self.0 & (CUE_ANY_CASE | ACCORDING) != 0
    }
    /// One of the listed adverbs and auxiliaries only: inside a noun phrase "-ly" words are
    /// mostly adjectives ("a yearly poll", "the elderly man").
    pub fn is_listed_adverb(self) -> bool {
        self.has(Section::Adverbs)
    }
    /// An adverb or auxiliary that may stand between a speaker and its cue: one of the listed
    /// words, or a lower-case manner adverb in "-ly" ("defiantly", "angrily") that is not one of
    /// the nouns in "-ly" (`[not_adverbs]`).
    pub fn is_adverb(self) -> bool {
        self.0 & ADVERB != 0
    }
    /// Honorifics, role words and pronouns that mark a woman.
    pub fn is_female_word(self) -> bool {
        self.has(Section::FemaleWords)
    }
    /// Honorifics, role words and pronouns that mark a man.
    pub fn is_male_word(self) -> bool {
        self.has(Section::MaleWords)
    }
    /// "he", "she", "his", "her" …: a pronoun with a gender.
    pub fn is_pronoun_gendered(self) -> bool {
        self.0 & PRONOUN_GENDERED != 0
    }
    /// Words that open a sentence before its subject, with a comma ("However, he said …").
    pub fn is_sentence_adverb(self) -> bool {
        self.has(Section::SentenceAdverbs)
    }
    pub fn is_preposition(self) -> bool {
        self.has(Section::Prepositions)
    }
    pub fn is_pronoun(self) -> bool {
        self.has(Section::Pronouns)
    }
    pub fn is_title(self) -> bool {
        self.has(Section::Titles)
    }
    pub fn is_org_word(self) -> bool {
        self.has(Section::OrgWords)
    }
    pub fn is_not_name(self) -> bool {
        self.has(Section::NotNames)
    }
    pub fn is_media_head(self) -> bool {
        self.has(Section::MediaHeads)
    }
    pub fn is_time_word(self) -> bool {
        self.has(Section::TimeWords)
    }
    pub fn is_group(self) -> bool {
        self.has(Section::Groups)
    }
}

impl Lexicon {
    /// Every list `word` is in. Most words are in none, and the shape tests turn them away
    /// before a key is packed.
    pub fn entry(&self, word: &str) -> Entry {
        self.entry_of_bytes(word.as_bytes())
    }

    /// [`Lexicon::entry`] of a word's UTF-8 bytes: [`Doc`](crate::doc::Doc) takes its tokens'
    /// bytes, without checking that a token's ends are character boundaries.
    pub fn entry_of_bytes(&self, bytes: &[u8]) -> Entry {
        let mut bits = 0;
        if self.shapes.may_hold(bytes) {
            bits = key(bytes, true).and_then(|k| self.words.get(&k)).copied().unwrap_or(0);
        }
        // The cues are written in lower case: a word without capitals is its lowered key.
        if bits & CUE_ANY_CASE != 0 && !bytes.iter().any(u8::is_ascii_uppercase) {
            bits |= CUE;
        }
        // "defiantly", "angrily": a manner adverb, unless one of the nouns in "-ly".
        let manner = || {
            bytes.len() > 5
                && bytes.ends_with(b"ly")
                && bytes.iter().all(u8::is_ascii_lowercase)
                && bits & (1 << Section::NotAdverbs as u32) == 0
        };
        if bits & ADVERB == 0 && manner() {
            bits |= ADVERB;
        }
        Entry(bits)
    }

    /// The lemma of a reporting cue written in any case ("Asked" is "ask").
    pub fn lemma(&self, word: &str) -> Option<&'static str> {
        if !self.shapes.may_hold(word.as_bytes()) {
            return None;
        }
        key(word.as_bytes(), true).and_then(|k| self.cues.get(&k).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_packs_to_its_bytes_at_every_length() {
        let word = b"abcdefghijklmnop";
        for n in 0..=16 {
            let mut buffer = [0u8; 16];
            buffer[..n].copy_from_slice(&word[..n]);
            assert_eq!(pack(&word[..n]), u128::from_le_bytes(buffer), "length {n}");
        }
    }

    #[test]
    fn keys_lower_ascii_capitals_only_and_keep_lengths_apart() {
        assert_eq!(key(b"SAID", true), key(b"said", false));
        assert_eq!(key("Bürgermeisterin".as_bytes(), true), key("bürgermeisterin".as_bytes(), false));
        // The bytes around 'A'..='Z' are no capitals.
        assert_eq!(key(b"@[`{", true), key(b"@[`{", false));
        assert_ne!(key(b"he", false), key(b"he\0", false));
        assert_eq!(key(b"a-word-longer-than-16", true), None);
        assert!(LEXICON.entry("HE").is_pronoun() && LEXICON.lemma("Said").is_some() && !LEXICON.entry("Said").is_cue());
    }

    /// The shape filter may let a word through that no list has, but never turns one away that
    /// a list has, in any case.
    #[test]
    fn the_shape_filter_holds_every_listed_word() {
        let mut section = "";
        for line in SOURCE.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let mut entries = line.split_whitespace();
            if section == "cues" {
                entries.next();
            }
            for word in entries {
                assert!(LEXICON.shapes.may_hold(word.as_bytes()), "{word} in [{section}]");
                assert!(LEXICON.shapes.may_hold(word.to_uppercase().as_bytes()), "{word} in [{section}], upper case");
            }
        }
        assert!(!LEXICON.shapes.may_hold(b"") && !LEXICON.shapes.may_hold(b"a-word-longer-than-16"));
    }

    /// A cue is a cue as written in lower case only; a manner adverb in "-ly" is one whether or
    /// not a list has it, unless it is a listed noun; a gendered pronoun in any case.
    #[test]
    fn an_entry_answers_for_cues_adverbs_and_pronouns_as_the_word_is_written() {
        let said = LEXICON.entry("said");
        assert!(said.is_cue() && said.is_cue_any_case() && !said.is_adverb());
        let asked = LEXICON.entry("Asked");
        assert!(!asked.is_cue() && asked.is_cue_any_case());
        assert!(LEXICON.entry("defiantly").is_adverb() && !LEXICON.entry("defiantly").is_listed_adverb());
        assert!(!LEXICON.entry("Defiantly").is_adverb() && !LEXICON.entry("family").is_adverb());
        assert!(LEXICON.entry("HERSELF").is_pronoun_gendered() && !LEXICON.entry("they").is_pronoun_gendered());
        assert_eq!(LEXICON.entry("Magnitogorsk"), Entry::default());
    }

    #[test]
    fn the_lexicon_loads_its_sections() {
        assert_eq!(LEXICON.lemma("said"), Some("say"));
        assert!(LEXICON.entry("said").is_cue() && LEXICON.entry("Said").is_cue_any_case());
        assert!(!LEXICON.entry("state").is_cue_any_case());
        assert!(LEXICON.entry("Minister").is_title());
        assert!(LEXICON.entry("Ministry").is_org_word());
        assert!(LEXICON.entry("She").is_pronoun() && LEXICON.entry("She").is_pronoun_gendered());
        assert!(LEXICON.entry("officials").is_group());
    }
}
