//! Loads the English lexicon, `en/lexicon.txt`, into word sets, once per process.
//!
//! Every word of every section (and every form of a cue) is one key of a single table whose value
//! is the set of sections (a bit each) it belongs to, and a cue form's lemma. A key is the word's
//! bytes packed into one `u128` (no lexicon word is longer than 16 bytes) with bit 0x20 set in
//! each, which for ASCII letters is their lower case: folding, hashing and comparing a key are a
//! few integer operations. [`Lexicon::entry`] looks a word up once, when its
//! [`Doc`](crate::doc::Doc) is built; the detectors' questions about a token are then bit tests of
//! its [`Entry`].

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lang::key::{folded, folded_in, key};

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
    /// Word (lower case) → its [`Entry`] bits (the sections it is in, one bit each in
    /// [`SECTIONS`] order, and whether it is a cue, a gendered pronoun, a listed adverb) and,
    /// for an inflected form of a reporting cue, its lemma.
    words: WordTable<LEXICON_SLOTS>,
}

/// Slots of the lexicon's table: at least three times its words (`parse` checks). A
/// constant, so that the table is one block of the static [`LEXICON`] at a fixed address and a
/// slot index masked to it needs no bounds check: a lookup loads no pointer or length first.
const LEXICON_SLOTS: usize = 4096;

/// What `lexicon.txt` says of one word: its entry bits, and its lemma if it is a cue form.
#[derive(Default)]
struct Listed {
    bits: u32,
    lemma: Option<&'static str>,
}

/// The words' entries in open addressing, keyed by [`folded`] keys: a power of two of slots, at
/// most a third of them full, in groups of [`GROUP`]. A key hashes to a group and is kept in the
/// first empty slot from that group's first on, so a lookup compares its group's 16 tags at once
/// and reaches the next group only past a full one, which at a third full (five or six keys in a
/// group of 16, on average) is almost never. Half of a news text's words are in a list ("the", "of", "said") and half not, in no
/// order a branch predictor can learn: the usual lookup reads its group's first matching slot (or
/// its first slot, when no tag matches) whether the word is listed or not, and picks the bits
/// without a branch.
struct WordTable<const SLOTS: usize> {
    /// Each slot's tag: 0 for an empty slot, else seven bits of its key's hash with the top bit
    /// set. A lookup reads a slot's key only at a matching tag, or at its group's first slot.
    tags: [u8; SLOTS],
    keys: [u128; SLOTS],
    /// Each slot's entry bits, with [`EXACT`] set for a word with a byte that is no ASCII letter.
    bits: [u32; SLOTS],
    /// Each slot's lemma, for a cue form.
    lemmas: [Option<&'static str>; SLOTS],
    /// The folded and the exact lowered [`key`] of each word with [`EXACT`] set, which a lookup
    /// must also match: the folded key of a word of letters only is exact, of others not.
    exact: Vec<(u128, u128)>,
}

/// Slots a [`WordTable`] lookup reads the tags of at once: 16 one-byte tags are one SSE2 register.
const GROUP: usize = 16;

/// The first probe of a key in its group: what decides most lookups without a branch.
struct Probe {
    /// The group's first slot whose tag matches, or its first slot when none does.
    slot: usize,
    /// Whether that slot holds the key.
    hit: bool,
    /// Whether the probe cannot decide alone (rare): its word has bytes other than letters, or
    /// another tag of the group matches too, or the group is full.
    unsure: bool,
}

impl<const SLOTS: usize> WordTable<SLOTS> {
    /// 64 less the number of bits of a group index: the hash's top bits are the group.
    const SHIFT: u32 = 64 - (SLOTS / GROUP).trailing_zeros();

    /// The table of `words`, fewer than `SLOTS`, a power of two of at least [`GROUP`].
    fn new(words: &FxHashMap<&str, Listed>) -> WordTable<SLOTS> {
        assert!(SLOTS.is_power_of_two() && SLOTS >= GROUP && SLOTS > words.len(), "{SLOTS} slots");
        let mut table = WordTable {
            tags: [0; SLOTS],
            keys: [0; SLOTS],
            bits: [0; SLOTS],
            lemmas: [None; SLOTS],
            exact: Vec::new(),
        };
        for (&word, listed) in words {
            let word = word.as_bytes();
            let folded = folded(word).expect("a lexicon word is at most 16 bytes");
            let (group, tag) = table.group(folded);
            let mut slot = group * GROUP;
            while table.keys[slot] != 0 {
                assert_ne!(table.keys[slot], folded, "two lexicon words fold to one key");
                slot = (slot + 1) & (SLOTS - 1);
            }
            table.tags[slot] = tag;
            table.keys[slot] = folded;
            table.bits[slot] = listed.bits;
            table.lemmas[slot] = listed.lemma;
            if !word.iter().all(u8::is_ascii_lowercase) {
                table.bits[slot] |= EXACT;
                table.exact.push((folded, key(word, false).expect("a lexicon word is at most 16 bytes")));
            }
        }
        table
    }

    /// The group a key's probe starts at (the hash's top bits) and its tag (the seven bits below
    /// those, with the top bit set: no tag is 0).
    #[inline]
    fn group(&self, key: u128) -> (usize, u8) {
        let (low, high) = (key as u64, (key >> 64) as u64);
        let hash = (low ^ high.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xF39C_C060_5CED_C835);
        ((hash >> Self::SHIFT) as usize, (hash >> (Self::SHIFT - 7)) as u8 | 0x80)
    }

    /// The 16 tags of the group that starts at slot `base`.
    #[inline(always)]
    fn tags_at(&self, base: usize) -> &[u8; GROUP] {
        self.tags[base..base + GROUP].try_into().expect("a group is 16 slots")
    }

    /// The first probe of the key `folded`: its group's tags, and one slot's key and bits.
    #[inline(always)]
    fn probe(&self, folded: u128) -> Probe {
        let (group, tag) = self.group(folded);
        let base = group * GROUP;
        let (matches, empties) = group_masks(self.tags_at(base), tag);
        let slot = base + (matches.trailing_zeros() as usize & (GROUP - 1));
        let hit = (matches != 0) & (self.keys[slot] == folded);
        let exact = hit & (self.bits[slot] & EXACT != 0);
        let unsure = exact | ((matches != 0) & !hit) | (empties == 0);
        Probe { slot, hit, unsure }
    }

    /// Whether `word`, whose folded key is that of a listed word with other bytes than letters,
    /// is that word in lower case.
    #[cold]
    fn is_exact(&self, word: &[u8], folded: u128) -> bool {
        let exact = self.exact.iter().find(|&&(f, _)| f == folded).map(|&(_, exact)| exact);
        exact.is_some() && key(word, true) == exact
    }

    /// The slot of `word` and its entry bits; none for a word in no list.
    fn find(&self, word: &[u8]) -> Option<(usize, u32)> {
        let folded = folded(word)?;
        let probe = self.probe(folded);
        if probe.unsure {
            return self.find_slowly(word, folded);
        }
        probe.hit.then(|| (probe.slot, self.bits[probe.slot]))
    }

    /// The entry bits of `word`, whose folded key is `folded`; 0 for a word in no list. Inlined
    /// into `Doc::new`'s loop over the tokens: as a call, its saving and restoring of registers
    /// was a fifth of its cost.
    #[inline(always)]
    fn bits_folded(&self, word: &[u8], folded: u128) -> u32 {
        let probe = self.probe(folded);
        if probe.unsure {
            return self.find_slowly(word, folded).map_or(0, |(_, bits)| bits);
        }
        let bits = self.bits[probe.slot];
        // Selects rather than branches: whether a word is listed is not predictable.
        bits & 0u32.wrapping_sub(u32::from(probe.hit))
    }

    /// [`WordTable::find`] slot by slot, for what the first probe cannot decide.
    #[cold]
    #[inline(never)]
    fn find_slowly(&self, word: &[u8], folded: u128) -> Option<(usize, u32)> {
        let mask = SLOTS - 1;
        let mut slot = self.group(folded).0 * GROUP;
        while self.tags[slot] != 0 {
            if self.keys[slot] == folded {
                let bits = self.bits[slot];
                if bits & EXACT == 0 {
                    return Some((slot, bits));
                }
                return self.is_exact(word, folded).then_some((slot, bits & !EXACT));
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    /// The entry bits of `word`; none for a word in no list.
    fn get(&self, word: &[u8]) -> u32 {
        self.find(word).map_or(0, |(_, bits)| bits)
    }
}

/// Bit masks of a group's slots (bit `i` for slot `i`): those whose tag is `tag`, and the empty
/// ones, two comparisons of 16 bytes at once.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn group_masks(tags: &[u8; GROUP], tag: u8) -> (u32, u32) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of x86_64 itself, so every processor this is built for has these
    // instructions; the load reads the 16 bytes of `tags`, unaligned.
    unsafe {
        let v = _mm_loadu_si128(tags.as_ptr().cast());
        let matches = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(tag as i8)));
        let empties = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
        (matches as u32, empties as u32)
    }
}

/// The same masks a byte at a time, where SSE2 is not there to do it.
#[cfg(not(target_arch = "x86_64"))]
fn group_masks(tags: &[u8; GROUP], tag: u8) -> (u32, u32) {
    tags.iter().enumerate().fold((0, 0), |(matches, empties), (i, &t)| {
        (matches | u32::from(t == tag) << i, empties | u32::from(t == 0) << i)
    })
}

static SOURCE: &str = include_str!("en/lexicon.txt");

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse(SOURCE));

fn parse(source: &'static str) -> Lexicon {
    let en = &*super::en::ENGLISH;
    let mut words: FxHashMap<&str, Listed> = FxHashMap::default();
    for (section, line) in crate::lang::sections(source) {
        let mut entries = line.split_whitespace();
        if section == "cues" {
            let lemma = entries.next().expect("a non-empty line has a first word");
            let reports = [&en.reporting, &en.thought, &en.stance].iter().any(|list| list.contains(&lemma));
            let invertible = en.invertible.contains(&lemma);
            let particular = en.asked_by_name(lemma);
            let lemma_bits = if reports { REPORTS } else { 0 }
                | if invertible { INVERTIBLE } else { 0 }
                | if particular { PARTICULAR } else { 0 };
            for form in entries {
                let listed = words.entry(form).or_default();
                listed.bits |= CUE_ANY_CASE | lemma_bits;
                listed.lemma = Some(lemma);
            }
        } else {
            let bit =
                SECTIONS.iter().position(|s| *s == section).unwrap_or_else(|| panic!("unknown section [{section}]"));
            let adverb = if bit == Section::Adverbs as usize { ADVERB } else { 0 };
            for word in entries {
                words.entry(word).or_default().bits |= 1 << bit | adverb;
            }
        }
    }
    for &pronoun in &en.gendered_pronouns {
        words.entry(pronoun).or_default().bits |= PRONOUN_GENDERED;
    }
    words.entry("according").or_default().bits |= ACCORDING;
    for word in en.date_start_words() {
        words.entry(word).or_default().bits |= DATE_START;
    }
    // The attribution rules' own word lists, asked of many tokens.
    let lists = [
        (&en.determiners, DETERMINER),
        (&en.quantifiers, QUANTIFIER),
        (&en.subordinators, SUBORDINATOR),
        (&en.documents, DOCUMENT),
    ];
    for (list, bit) in lists {
        for &word in list {
            words.entry(word).or_default().bits |= bit;
        }
    }
    assert!(
        3 * words.len() <= LEXICON_SLOTS,
        "{} words: raise LEXICON_SLOTS to keep the table a third full",
        words.len()
    );
    Lexicon { words: WordTable::new(&words) }
}

/// Bits of an [`Entry`] past the sections': the word is a cue (in any case, and as written), a
/// pronoun with a gender, an adverb by [`Entry::is_adverb`]'s rule, "according".
const CUE_ANY_CASE: u32 = 1 << SECTIONS.len();
const CUE: u32 = CUE_ANY_CASE << 1;
const PRONOUN_GENDERED: u32 = CUE << 1;
const ADVERB: u32 = PRONOUN_GENDERED << 1;
/// "according", which opens the cue "according to": with the cue words, what a cue can start with.
const ACCORDING: u32 = ADVERB << 1;
/// Set by [`Entry::of_word`] for a word token, not by the lexicon: the token is a word, and its
/// first letter is upper case. The detectors ask this of nearly every token; an entry answers
/// it without reading the token or its text.
const WORD: u32 = ACCORDING << 1;
const CAPITALIZED: u32 = WORD << 1;
/// Set by [`Entry::of_word`]: a word whose first character is an ASCII digit.
const DIGIT: u32 = CAPITALIZED << 1;
/// A word a temporal expression can start with, besides a number (a month's name, "yesterday").
const DATE_START: u32 = DIGIT << 1;
/// Words of the attribution rules' lists (`en/words.txt`: determiners, quantifiers,
/// subordinators, documents), in any case: a bit test, where a capitalized token was lowered
/// into a new string to be looked for in the list.
const DETERMINER: u32 = DATE_START << 1;
const QUANTIFIER: u32 = DETERMINER << 1;
const SUBORDINATOR: u32 = QUANTIFIER << 1;
const DOCUMENT: u32 = SUBORDINATOR << 1;
/// A cue form whose lemma is in `en/words.txt`'s reporting, thought or stance lists, and one
/// whose lemma is in its invertible list: set where the cues are parsed, so that the rules test a
/// bit where they looked the lemma up and compared it with each lemma of a list.
const REPORTS: u32 = DOCUMENT << 1;
const INVERTIBLE: u32 = REPORTS << 1;
/// A cue form whose lemma `indirect::is_reporting` asks about by name ("agree", "call", and
/// those that report with a particle only: `EnglishWords::asked_by_name`): for any other, its bits
/// answer and its lemma is not looked up.
const PARTICULAR: u32 = INVERTIBLE << 1;
const _: () = assert!(PARTICULAR < EXACT, "the entry bits and EXACT do not overlap");

/// The bits a word's first byte gives its entry: [`WORD`], with [`CAPITALIZED`] for an ASCII
/// capital and [`DIGIT`] for an ASCII digit. One load, where tests and branches on the byte
/// cost more in `Doc::new`'s loop over the tokens.
static FIRST_BYTE: [u32; 256] = {
    let mut table = [WORD; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_uppercase() {
            table[b] |= CAPITALIZED;
        } else if c.is_ascii_digit() {
            table[b] |= DIGIT;
        }
        b += 1;
    }
    table
};
/// In [`WordTable`] only, never in an [`Entry`]: the word's folded key is not exact.
const EXACT: u32 = 1 << 31;

/// What the lexicon says of one word: every list it is in, as bits. [`Doc`](crate::doc::Doc)
/// computes one per token as it is built, so the detectors' many questions about a token are
/// bit tests, not lookups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry(u32);

impl Entry {
    fn has(self, section: Section) -> bool {
        self.0 & (1 << section as u32) != 0
    }

    /// This entry as that of a word token whose first byte is `first`; `upper_case` says
    /// whether its first character is upper case, asked only when that is not ASCII.
    #[inline]
    pub(crate) fn of_word(self, first: u8, upper_case: impl FnOnce() -> bool) -> Entry {
        let mut bits = self.0 | FIRST_BYTE[usize::from(first)];
        if first >= 0x80 && upper_case() {
            bits |= CAPITALIZED;
        }
        Entry(bits)
    }
    /// A word token (not punctuation): set when a [`Doc`](crate::doc::Doc) is built, not by the lexicon.
    pub fn is_word(self) -> bool {
        self.0 & WORD != 0
    }
    /// A word token whose first letter is upper case: set when a [`Doc`](crate::doc::Doc) is built.
    pub fn is_capitalized(self) -> bool {
        self.0 & CAPITALIZED != 0
    }
    /// A word a temporal expression can start with: a number, a month's or weekday's name,
    /// "yesterday" …; the dating rules decide whether one does.
    pub fn may_start_date(self) -> bool {
        self.0 & (DIGIT | DATE_START) != 0
    }
    /// A word whose first character is an ASCII digit: set when a [`Doc`](crate::doc::Doc) is built.
    pub fn starts_with_digit(self) -> bool {
        self.0 & DIGIT != 0
    }
    /// A capitalized word that no list says is never a name: where a run of a name can start.
    pub fn may_start_name(self) -> bool {
        self.0 & (CAPITALIZED | 1 << Section::NotNames as u32) == CAPITALIZED
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
    /// A determiner: "the", "a", "its" … (`en/words.txt`).
    pub fn is_determiner(self) -> bool {
        self.0 & DETERMINER != 0
    }
    /// A quantifier: "many", "some", "two" … (`en/words.txt`).
    pub fn is_quantifier(self) -> bool {
        self.0 & QUANTIFIER != 0
    }
    /// A word that opens a subordinate clause: "when", "after", "because" …
    /// (`en/words.txt`).
    pub fn is_subordinator(self) -> bool {
        self.0 & SUBORDINATOR != 0
    }
    /// A document that speaks for its author: "statement", "report", "letter" …
    /// (`en/words.txt`).
    pub fn is_document(self) -> bool {
        self.0 & DOCUMENT != 0
    }
    /// A cue form whose lemma reports speech, a thought or a stance ("said", "believes",
    /// "criticized": the reporting, thought and stance lists of `en/words.txt`), in any case.
    pub fn reports(self) -> bool {
        self.0 & REPORTS != 0
    }
    /// A cue form whose lemma takes its subject after it ("“…,” said Lavrov":
    /// the invertible list), in any case.
    pub fn is_invertible(self) -> bool {
        self.0 & INVERTIBLE != 0
    }
    /// A cue form whose lemma is one `indirect::is_reporting` asks about by name
    /// (`EnglishWords::asked_by_name`), in any case.
    pub fn is_particular(self) -> bool {
        self.0 & PARTICULAR != 0
    }
    pub fn is_time_word(self) -> bool {
        self.has(Section::TimeWords)
    }
    pub fn is_group(self) -> bool {
        self.has(Section::Groups)
    }
}

impl Lexicon {
    /// Every list `word` is in, in any case of its ASCII letters.
    pub fn entry(&self, word: &str) -> Entry {
        self.entry_of_bytes(word.as_bytes())
    }

    /// [`Lexicon::entry`] of a word's UTF-8 bytes.
    fn entry_of_bytes(&self, bytes: &[u8]) -> Entry {
        self.entry_with(bytes, self.words.get(bytes))
    }

    /// [`Lexicon::entry`] of the word at bytes `start..end` of `text`, whose key is read with
    /// one load where the text goes on for 16 bytes. [`Doc`](crate::doc::Doc) takes its tokens'
    /// entries so, without checking that a token's ends are character boundaries, in its loop
    /// over the tokens, where this is inlined.
    #[inline(always)]
    pub fn entry_in(&self, text: &[u8], start: usize, end: usize) -> Entry {
        let word = &text[start..end];
        let bits = folded_in(text, start, end).map_or(0, |f| self.words.bits_folded(word, f));
        self.entry_with(word, bits)
    }

    /// The entry of `bytes`, whose bits in the table are `bits`: with whether it is a cue as
    /// written, and a manner adverb.
    #[inline(always)]
    fn entry_with(&self, bytes: &[u8], mut bits: u32) -> Entry {
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
        self.words.find(word.as_bytes()).and_then(|(slot, _)| self.words.lemmas[slot])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token's entry read in its text is the word's; the lexicon answers in any ASCII case.
    #[test]
    fn an_entry_read_in_the_text_is_the_words_own() {
        assert_eq!(LEXICON.entry_in(b"x said", 2, 6), LEXICON.entry("said"));
        assert!(LEXICON.entry("HE").is_pronoun() && LEXICON.lemma("Said").is_some() && !LEXICON.entry("Said").is_cue());
    }

    /// Every listed word is found in any case of its ASCII letters, whichever slot its probe
    /// starts at; a word in no list is not, nor one that folds to a listed word's key without
    /// being it in any ASCII case.
    #[test]
    fn the_table_finds_every_listed_word_in_any_ascii_case() {
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
                let bits = LEXICON.words.get(word.as_bytes());
                assert_ne!(bits, 0, "{word} in [{section}]");
                assert_eq!(LEXICON.words.get(word.to_ascii_uppercase().as_bytes()), bits, "{word}, upper case");
            }
        }
        let table = &LEXICON.words;
        assert!(table.keys.iter().filter(|&&k| k != 0).count() * 3 <= table.keys.len(), "at most a third full");
        for (&key, &tag) in table.keys.iter().zip(table.tags.iter()) {
            assert_eq!(tag, if key == 0 { 0 } else { table.group(key).1 }, "a slot's tag is its key's");
        }
        for word in ["", "Magnitogorsk", "a-word-longer-than-16", "saidx", "sai", "s@id", "BÜRGERMEISTER"] {
            assert_eq!(LEXICON.words.get(word.as_bytes()), 0, "{word}");
        }
        assert_ne!(LEXICON.words.get("BüRGERMEISTER".as_bytes()), 0);
    }

    /// The masks have bit `i` for slot `i`: its tag matches, or it is empty.
    #[test]
    fn group_masks_mark_each_matching_and_each_empty_slot() {
        let tags: [u8; GROUP] = [0, 0x81, 0xff, 0x81, 0, 0x80, 0x81, 0xfe, 0x81, 0, 0x90, 0x91, 0x81, 0x92, 0, 0x81];
        for tag in [0x81, 0x80, 0xff, 0x90, 0xaa] {
            let (matches, empties) = group_masks(&tags, tag);
            for (i, &t) in tags.iter().enumerate() {
                assert_eq!(matches >> i & 1 == 1, t == tag, "slot {i}, tag {tag:#x}");
                assert_eq!(empties >> i & 1 == 1, t == 0, "slot {i}");
            }
            assert_eq!(matches >> GROUP, 0);
        }
    }

    /// Tables crowded on purpose, so that groups fill and two tags of one group match: every
    /// word is still found, by the first probe and by the slow path alike, and no other is.
    #[test]
    fn a_crowded_table_finds_its_words_past_full_groups_and_matching_tags() {
        // Words of letters only (a word with other bytes is always checked slowly), told apart
        // by pseudo-random letters: sequential keys would spread too evenly to collide.
        let mut state = 12345u32;
        let mut letter = || {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            char::from(b'a' + (state >> 16) as u8 % 26)
        };
        let mut words: Vec<String> = (0..600).map(|_| (0..6).map(|_| letter()).collect()).collect();
        words.sort();
        words.dedup();
        // Probes that met a full group, and probes whose first matching tag in a group that is
        // not full was another word's.
        let (mut full, mut other) = (0, 0);
        // 255 words in 256 slots fill 15 of the 16 groups; 150 leave room in most.
        for n in [255, 150] {
            let (words, others) = words.split_at(n);
            let listed: FxHashMap<&str, Listed> = words
                .iter()
                .enumerate()
                .map(|(i, w)| (w.as_str(), Listed { bits: 1 << (i % 20), lemma: None }))
                .collect();
            let table = WordTable::<256>::new(&listed);
            for (word, entry) in &listed {
                let folded = folded(word.as_bytes()).expect("short");
                let probe = table.probe(folded);
                let group_full = group_masks(table.tags_at(probe.slot / GROUP * GROUP), 0).1 == 0;
                full += usize::from(group_full);
                other += usize::from(!group_full && !probe.hit);
                assert_eq!(table.bits_folded(word.as_bytes(), folded), entry.bits, "{word}");
                assert_eq!(table.get(word.as_bytes()), entry.bits, "{word}");
                let slowly = table.find_slowly(word.as_bytes(), folded);
                assert_eq!(slowly.map(|(_, bits)| bits), Some(entry.bits), "{word}");
            }
            for word in others {
                assert_eq!(table.get(word.as_bytes()), 0, "{word}");
                assert_eq!(table.bits_folded(word.as_bytes(), folded(word.as_bytes()).expect("short")), 0, "{word}");
            }
        }
        // The test means something only if it took both slow paths.
        assert!(full > 0 && other > 0, "{full} probes met a full group, {other} another word's tag");
    }

    /// Each word of the attribution rules' lists has its bit in any ASCII case, and other words
    /// do not. The bit answers as lowering a token and looking for it in the list did: only one
    /// character outside ASCII lowers into an ASCII letter (the Kelvin sign, into "k"), and no
    /// word of these lists has a "k".
    #[test]
    fn the_attribution_lists_are_entry_bits() {
        let en = &*super::super::en::ENGLISH;
        type List<'a> = (&'a [&'static str], fn(Entry) -> bool);
        let lists: [List; 4] = [
            (&en.determiners, Entry::is_determiner),
            (&en.quantifiers, Entry::is_quantifier),
            (&en.subordinators, Entry::is_subordinator),
            (&en.documents, Entry::is_document),
        ];
        for (list, is) in lists {
            for word in list {
                assert!(word.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'), "{word}");
                assert!(is(LEXICON.entry(word)) && is(LEXICON.entry(&word.to_ascii_uppercase())), "{word}");
            }
            for other in ["Magnitogorsk", "said", "then", "thé", "\u{212A}"] {
                assert_eq!(is(LEXICON.entry(other)), list.contains(&other), "{other}");
            }
        }
        assert!(LEXICON.entry("The").is_determiner() && !LEXICON.entry("Thé").is_determiner());
    }

    /// The lemma bits of each cue form say what looking its lemma up and finding it in the
    /// lists says, in any case; a word with no lemma has neither.
    #[test]
    fn a_cue_forms_lemma_bits_are_its_lemmas_lists() {
        let en = &*super::super::en::ENGLISH;
        let lists = [&en.reporting, &en.thought, &en.stance];
        let (mut reports, mut invertible) = (0, 0);
        let forms = SOURCE.split("\n[cues]\n").nth(1).expect("a cues section").split("\n[").next().unwrap_or_default();
        let lines = forms.lines().map(|line| line.split('#').next().unwrap_or_default());
        for form in lines.flat_map(|line| line.split_whitespace().skip(1)) {
            let lemma = LEXICON.lemma(form).expect("a cue form has a lemma");
            for written in [form.to_string(), form.to_ascii_uppercase()] {
                let entry = LEXICON.entry(&written);
                assert_eq!(entry.reports(), lists.iter().any(|l| l.contains(&lemma)), "{written}");
                assert_eq!(entry.is_invertible(), en.invertible.contains(&lemma), "{written}");
                let asked_by_name = matches!(lemma, "agree" | "call") || !en.particle_of(lemma).is_empty();
                assert_eq!(entry.is_particular(), asked_by_name, "{written}");
            }
            reports += usize::from(LEXICON.entry(form).reports());
            invertible += usize::from(LEXICON.entry(form).is_invertible());
        }
        assert!(reports > 100 && invertible > 30 && reports > invertible, "{reports} {invertible}");
        for other in ["Magnitogorsk", "the", "statement", "thé"] {
            assert!(!LEXICON.entry(other).reports() && !LEXICON.entry(other).is_invertible(), "{other}");
        }
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
