//! Segmenting: paragraphs and sentences, as byte spans into the article text.
//!
//! A paragraph is a line that is not blank: news text marks paragraphs with one newline or with a
//! blank line, and both come out the same; a newline between a word (or a comma) and a word in
//! lower case wraps a line inside its paragraph. Sentences split at `.`, `!`, `?` or `…` (with any
//! closing quote marks and brackets after them) followed by white space and an upper-case letter,
//! a digit or an opening mark, except after a known abbreviation ("Mr.", "Gen.", "Aug.") or a
//! single initial ("George W. Bush").

use crate::blocks::{mask_by_byte, BLOCK};
use crate::lang::Language;
use crate::model::Span;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segments {
    pub paragraphs: Vec<Span>,
    /// Sentences in text order; a sentence never crosses a paragraph boundary.
    pub sentences: Vec<Span>,
}

impl Segments {
    /// The index of the paragraph holding byte `at`, if any.
    pub fn paragraph_of(&self, at: usize) -> Option<usize> {
        let idx = self.paragraphs.partition_point(|p| p.end <= at);
        (idx < self.paragraphs.len() && self.paragraphs[idx].start <= at).then_some(idx)
    }

    /// The index of the sentence holding byte `at`, if any.
    pub fn sentence_of(&self, at: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.end <= at);
        (idx < self.sentences.len() && self.sentences[idx].start <= at).then_some(idx)
    }
}

/// The paragraphs and sentences of an English text.
pub fn segment(text: &str) -> Segments {
    segment_in(text, Language::English)
}

/// The paragraphs and sentences of a text in `language`: German adds its abbreviations ("Nr.",
/// "bzw.", "z. B.") and ordinals ("am 5. August", "der 16. Deutsche Bundestag"), whose full
/// stops end no sentence.
pub fn segment_in(text: &str, language: Language) -> Segments {
    let german = language == Language::German;
    // Room for a sentence every 100 bytes and a paragraph every 300, about what news has, so
    // that the lists are not grown and copied many times over per article.
    let mut segments = Segments {
        paragraphs: Vec::with_capacity(text.len() / 300 + 1),
        sentences: Vec::with_capacity(text.len() / 100 + 1),
    };
    // Every line end and every byte a terminator starts with, in one pass over the text; the
    // text's end closes the last line.
    let mut marks = Vec::with_capacity(text.len() / 32 + 1);
    find_marks(text.as_bytes(), &mut marks);
    marks.push(text.len() as u32);
    let (mut line_start, mut first) = (0, 0);
    for (i, &mark) in marks.iter().enumerate() {
        let line_end = mark as usize;
        if line_end < text.len() && (text.as_bytes()[line_end] != b'\n' || wraps(text.as_bytes(), line_end)) {
            continue;
        }
        if let Some(span) = trim(text, line_start..line_end) {
            segments.paragraphs.push(span.clone());
            split_sentences(text, span, &marks[first..i], german, &mut segments.sentences);
        }
        (line_start, first) = (line_end + 1, i + 1);
    }
    segments
}

/// Whether the newline at `at` wraps a line inside its paragraph: the line before ends in a
/// letter, a digit or a comma, and the next starts with a lower-case letter ("They disappear\ninto
/// the star"), where a paragraph's end would end a sentence or a heading first.
fn wraps(text: &[u8], at: usize) -> bool {
    let next_lower = text.get(at + 1).is_some_and(u8::is_ascii_lowercase);
    next_lower
        && text[..at]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\r'))
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b',')
}

/// Whether byte `b` is a line end or the first byte of a terminator: `.`, `!`, `?`, or 0xE2, the
/// first byte of `…` (and of many other characters, which [`terminator_at`] tells apart).
fn is_mark(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xE2)
}

/// The positions of the bytes [`is_mark`] holds for, in order, appended to `marks`. Offsets are
/// `u32`, as the tokens' are: the reader rejects an article of 4 GiB or more.
fn find_marks(bytes: &[u8], marks: &mut Vec<u32>) {
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut push = |base: usize, mut mask: u64| {
        while mask != 0 {
            marks.push(base as u32 + mask.trailing_zeros());
            mask &= mask - 1;
        }
    };
    for (n, block) in blocks.by_ref().enumerate() {
        push(n * BLOCK, block_marks(block.try_into().expect("a whole block")));
    }
    let rest = blocks.remainder();
    push(bytes.len() - rest.len(), mask_by_byte(rest, is_mark));
}

/// A block's marks as a bit mask (bit `i` for byte `i`).
fn block_marks(block: &[u8; BLOCK]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_or_si128, _mm_set1_epi8};
        // SAFETY: SSE2 is part of x86_64 itself (see `mask_by_lane`).
        crate::blocks::mask_by_lane(block, |v| unsafe {
            let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
            let stops = _mm_or_si128(_mm_or_si128(is(b'.'), is(b'!')), is(b'?'));
            _mm_or_si128(stops, _mm_or_si128(is(b'\n'), is(0xE2)))
        })
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        mask_by_byte(block, is_mark)
    }
}

/// `text.trim_start()`, reading ASCII white space a byte at a time: after a full stop comes a
/// space, rarely anything else, and `str::trim_start` decodes each character.
fn trim_start(text: &str) -> &str {
    let ascii = text.bytes().take_while(|&b| matches!(b, b' ' | 0x09..=0x0d)).count();
    let rest = &text[ascii..];
    if rest.as_bytes().first().is_some_and(|&b| b >= 0x80) {
        rest.trim_start()
    } else {
        rest
    }
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = &text[span.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| span.start + lead..span.start + lead + trimmed.len())
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
    "st", "jr", "sr", "rev", "hon", "pres", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "mt", "ft",
    "fig", "approx", "dept", "est", "atty", "supt",
    // company forms ("HDT Védelmi Ipari Kft. (HDT Limited) acquired …")
    "plc", "llc", "kft", "zrt", "nyrt", "bhd", "pty", "gmbh", "s.a", "n.v", "b.v", "s.p.a",
];

/// The bytes of the longest abbreviation: a longer word is none, and is not compared with each.
const LONGEST_ABBREVIATION: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '“')
}

fn is_opening_or_start(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '«' | '»' | '„' | '(' | '[' | '\'')
}

/// The sentence-ending mark at byte `at` of `slice`, if any: `.`, `!`, `?` or `…`.
fn terminator_at(slice: &str, at: usize) -> Option<char> {
    match slice.as_bytes()[at] {
        b'.' => Some('.'),
        b'!' => Some('!'),
        b'?' => Some('?'),
        0xE2 if slice.as_bytes().get(at + 1..at + 3) == Some(&[0x80, 0xA6]) => Some('…'),
        _ => None,
    }
}

/// Splits paragraph `para` into sentences at its terminators; `marks` holds at least the
/// positions in `para` of every byte a terminator starts with, in order (others are passed over).
fn split_sentences(text: &str, para: Span, marks: &[u32], german: bool, out: &mut Vec<Span>) {
    let slice = &text[para.clone()];
    let mut start = 0;
    // Marks before this are inside a terminator already read, or its closing marks.
    let mut idx = 0;
    for &mark in marks {
        let Some(at) = (mark as usize).checked_sub(para.start).filter(|&at| at >= idx && at < slice.len()) else {
            continue;
        };
        let Some(c) = terminator_at(slice, at) else {
            continue;
        };
        let mut end = at + c.len_utf8();
        while let Some(next) = slice[end..].chars().next() {
            if matches!(next, '.' | '!' | '?' | '…') || is_closing(next) {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        idx = end;
        let rest = &slice[end..];
        let after_space = trim_start(rest);
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue;
        }
        if !after_space.chars().next().is_some_and(is_opening_or_start) {
            continue;
        }
        if c == '.' && (is_abbreviation(&slice[..at]) || german && is_german_abbreviation(&slice[..at], after_space)) {
            continue;
        }
        out.push(para.start + start..para.start + end);
        start = end + (rest.len() - after_space.len());
    }
    if start < slice.len() {
        out.push(para.start + start..para.end);
    }
}

/// German abbreviations whose full stop may come before a capital or a digit ("Nr. 5", "Mio.
/// Euro", "bzw. Die"), lower case, without their inner full stops' spaces.
const GERMAN_ABBREVIATIONS: &[&str] = &[
    "nr", "bzw", "ca", "mio", "mrd", "abs", "art", "bd", "chr", "evtl", "ggf", "inkl", "jh", "jhd", "max", "min",
    "mind", "sog", "str", "tel", "usw", "vgl", "hrsg", "dipl", "ing", "geb", "gest", "bzgl", "gem", "lt", "stv",
    "verh", "zzt", "zt", "ehem", "insb", "sen", "orig", "vorm", "nachm", "ggü", "südl", "nördl", "östl", "westl",
];

/// Whether the word before a full stop is, in German, an abbreviation, a single letter ("z. B.",
/// "u. a.") or an ordinal of up to three digits ("5. August").
fn is_german_abbreviation(before: &str, after: &str) -> bool {
    let word_start = |text: &str| {
        text.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8))
    };
    let word = &before[word_start(before)..];
    if !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        // An ordinal ("am 5. August", "der 16. Deutsche Bundestag"), not a count that ends its
        // sentence ("stieg auf 12. Die Polizei …"): a month after it, or an article or
        // preposition before it.
        let next: String = after.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        let rest = before[..word_start(before)].trim_end();
        let previous = rest[word_start(rest)..].to_lowercase();
        const BEFORE_ORDINALS: &[&str] = &[
            "am", "dem", "der", "den", "des", "die", "das", "zum", "zur", "vom", "bis", "ab", "seit", "im", "beim",
            "ein", "eine", "einem", "einer", "eines", "jeden", "jedem",
        ];
        return crate::lang::de::GERMAN.months.contains_key(next.as_str())
            || BEFORE_ORDINALS.contains(&previous.as_str());
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_alphabetic(),
        _ => {
            let lower = word.to_lowercase();
            lower.chars().count() <= 5 && GERMAN_ABBREVIATIONS.contains(&lower.as_str())
        }
    }
}

/// Whether the word just before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    // Only the last few characters matter; looking further would make a long run of dotted
    // letters quadratic.
    let bytes = before.as_bytes();
    let cut = bytes.len().saturating_sub(WINDOW);
    // The word is the run of letters, digits and full stops `before` ends with: read back a byte
    // at a time while they are ASCII. A character outside ASCII, a letter or not, is left to
    // the general reading.
    let mut start = bytes.len();
    while start > cut && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'.') {
        start -= 1;
    }
    if start > cut && !bytes[start - 1].is_ascii() {
        return is_abbreviation_by_chars(before);
    }
    is_abbreviation_word(&before[start..])
}

/// How far back from a full stop its word is looked for, in bytes.
const WINDOW: usize = 16;

/// [`is_abbreviation`] a character at a time, for words next to characters outside ASCII.
#[cold]
fn is_abbreviation_by_chars(before: &str) -> bool {
    let mut cut = before.len().saturating_sub(WINDOW);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let before = &before[cut..];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    is_abbreviation_word(&before[word_start..])
}

/// Whether `word`, the letters, digits and full stops before a full stop, is an abbreviation.
fn is_abbreviation_word(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase();
    }
    let listed = word.len() <= LONGEST_ABBREVIATION && ABBREVIATION_KEYS.contains(&key(word.as_bytes()));
    listed || (word.contains('.') && word.len() <= 6)
}

/// A word of up to 8 bytes in ASCII lower case, packed into one integer (zero-padded): equal
/// keys are words equal but for the case of ASCII letters, as no word holds a zero byte.
const fn key(word: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    let mut i = 0;
    while i < word.len() {
        bytes[i] = word[i].to_ascii_lowercase();
        i += 1;
    }
    u64::from_le_bytes(bytes)
}

/// [`ABBREVIATIONS`]' keys: a word is compared with each as one integer.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    assert!(LONGEST_ABBREVIATION <= 8, "an abbreviation's key holds 8 bytes");
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let segments = segment(text);
        let got: Vec<&str> = segments.sentences.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn german_ordinals_and_abbreviations_end_no_sentence() {
        let text = "Am 5. August 2005 tagte der 16. Deutsche Bundestag. Es ging um ca. 300 Mio. Euro, u. a. für Nr. 7 der Liste. Dann war Schluss.";
        let got: Vec<&str> = segment_in(text, Language::German).sentences.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(
            got,
            [
                "Am 5. August 2005 tagte der 16. Deutsche Bundestag.",
                "Es ging um ca. 300 Mio. Euro, u. a. für Nr. 7 der Liste.",
                "Dann war Schluss."
            ]
        );
        // A year or a count ends a sentence, and English keeps its own rules.
        let text = "Das war im Jahr 2005. Dann kam 2006.";
        assert_eq!(segment_in(text, Language::German).sentences.len(), 2);
        let text = "Die Zahl der Toten stieg auf 12. Die Polizei sagte es. Es liegt 5 km nördl. Berlins.";
        assert_eq!(segment_in(text, Language::German).sentences.len(), 3);
        assert_eq!(segment("It was day 5. Then came 6.").sentences.len(), 2);
    }

    #[test]
    fn splits_sentences_and_paragraphs() {
        check("One here. Two there!\n\nThree? Four", &["One here.", "Two there!", "Three?", "Four"]);
        check(
            "Mr. Smith met George W. Bush on Aug. 20. Then left.",
            &["Mr. Smith met George W. Bush on Aug. 20.", "Then left."],
        );
        check("“It is done.” He said so. “Yes,” she said.", &["“It is done.”", "He said so.", "“Yes,” she said."]);
        check("The U.S. Senate voted. it went on", &["The U.S. Senate voted. it went on"]);
    }

    /// A company form's full stop ends no sentence ("Kft.", "Plc.", "S.A."), as "Inc." does not.
    #[test]
    fn company_forms_end_no_sentence() {
        check(
            "HDT Védelmi Ipari Kft. (HDT Limited) bought it. Then Acme Plc. Holdings sold it.",
            &["HDT Védelmi Ipari Kft. (HDT Limited) bought it.", "Then Acme Plc. Holdings sold it."],
        );
    }

    /// The block mask marks a byte exactly where [`is_mark`], the one definition of the marks,
    /// does, for every byte value at every position of a block.
    #[test]
    fn block_marks_agree_with_is_mark_for_every_byte() {
        crate::blocks::assert_masks_each_byte(block_marks, is_mark);
    }

    /// Terminators, line ends and `…` anywhere in a 64-byte block or across two split the same:
    /// the sentences after a filler of any length are those of the text alone, shifted.
    #[test]
    fn sentences_split_the_same_at_any_offset() {
        let tail = "He said “no.” Mr. Li left… Then?\nNew line! It\u{2003}ends… é.";
        let alone = segment(tail);
        assert_eq!(alone.sentences.len(), 4);
        for count in 0..=2 * BLOCK {
            let text = format!("{}. {tail}", "a".repeat(count));
            let shifted = count + 2;
            let segments = segment(&text);
            assert_eq!(segments.sentences[0], 0..count + 1, "{count}");
            let rest: Vec<Span> = segments.sentences[1..].iter().map(|s| s.start - shifted..s.end - shifted).collect();
            assert_eq!(rest, alone.sentences, "{count}");
        }
    }

    /// The byte-wise reading of the word before a full stop and the character-wise one agree,
    /// whatever is in the window: abbreviations in any case, initials, dotted words, long words,
    /// digits, and characters outside ASCII next to or inside the word.
    #[test]
    fn abbreviations_read_byte_wise_as_character_wise() {
        let words = ["Mr", "mR", "Sept", "sept", "U.S", "e.g", "W", "w", "Ö", "é", "no", "No", "approx", "approxi"];
        let before = ["", " ", "(", "“", "é", "x", "Ö.", "1", ".", "—", "long-winded", "Ünter"];
        let mut listed = 0;
        for word in words {
            for prefix in before {
                for text in [format!("{prefix}{word}"), format!("{prefix} {word}"), format!("ab{prefix}{word}")] {
                    let fast = is_abbreviation(&text);
                    assert_eq!(fast, is_abbreviation_by_chars(&text), "{text:?}");
                    listed += usize::from(fast);
                }
            }
        }
        assert!(listed > 100 && listed < words.len() * before.len() * 3, "{listed}");
        for (text, expected) in [("Mr", true), ("the MRS", true), ("approx", true), ("Gate", false), ("x.y.z", true)] {
            assert_eq!(is_abbreviation(text), expected, "{text}");
        }
    }

    /// The byte-wise trim gives what `str::trim_start` gives, for ASCII white space (vertical
    /// tab included) and white space outside ASCII, before and after the other.
    #[test]
    fn trim_start_is_str_trim_start() {
        for text in
            ["", " ", "x", "  x y ", "\t\x0b\x0c\r\n x", "\u{a0}x", " \u{2003} \u{3000}x", "\u{a0}", "é x", " é"]
        {
            assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
        }
    }

    #[test]
    fn one_newline_or_a_blank_line_separate_paragraphs() {
        let text = "First.\nSecond.\n\n  \nThird.";
        let segments = segment(text);
        let got: Vec<&str> = segments.paragraphs.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(got, ["First.", "Second.", "Third."]);
        assert_eq!(segments.paragraph_of(8), Some(1));
        assert_eq!(segments.sentence_of(text.len() - 1), Some(2));
    }

    /// A newline between a word (or a comma) and a word in lower case wraps a line inside its
    /// paragraph; after a full stop or a colon, or before a capital, it ends the paragraph.
    #[test]
    fn a_wrapped_line_stays_in_its_paragraph() {
        let text = "They disappear\ninto the star, so\nwe know.\nKey reforms include:\nlower taxes.\nNew line";
        let segments = segment(text);
        let got: Vec<&str> = segments.paragraphs.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(
            got,
            ["They disappear\ninto the star, so\nwe know.", "Key reforms include:", "lower taxes.", "New line"]
        );
    }
}
