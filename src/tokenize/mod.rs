//! Tokenizing: splits text into word and punctuation tokens, each a byte span into the text.
//!
//! The boundaries are those of Hugging Face `tokenizers`' `Whitespace` pre-tokenizer (the regex
//! `\w+|[^\w\s]+`): a token is a run of word characters or a run of other non-space characters.
//! [`FastTokenizer`] is whosaid's own splitter with exactly those boundaries (a differential test
//! holds it to the reference on the sample corpus); [`HfTokenizer`] runs the reference itself.
//! The detectors take the tokenizer behind [`Tokenize`], so the choice is a measured one: see the
//! `tokenize` benchmark and ARCHITECTURE.md for the figures.

use crate::blocks::BLOCK;
use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of word characters (letters, digits, marks, `_`).
    Word,
    /// A run of other characters that are not white space.
    Punct,
}

/// A token: 12 bytes, because a long article has millions of them. Offsets are `u32`: the
/// reader rejects an article of 4 GiB or more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

impl Token {
    fn new(span: Span, kind: TokenKind) -> Token {
        Token { start: span.start as u32, end: span.end as u32, kind }
    }

    pub fn span(&self) -> Span {
        self.start as usize..self.end as usize
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// A word splitter. `out` is cleared and filled, so that one buffer serves many calls.
pub trait Tokenize: Send + Sync {
    fn tokenize(&self, text: &str, out: &mut Vec<Token>);

    /// Some for a tokenizer of whosaid's own whose tokens are always in order on character
    /// boundaries, so that `Doc::new` need not check them; no other can make an [`OwnBounds`].
    fn own_bounds(&self) -> Option<OwnBounds> {
        None
    }
}

/// What only this module can make: the word of a tokenizer of its own that its token bounds
/// need no check (see [`Tokenize::own_bounds`]).
#[derive(Debug, Clone, Copy)]
pub struct OwnBounds(());

#[derive(Debug, Clone, Copy, Default)]
pub struct FastTokenizer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Other,
}

const fn ascii_classes() -> [Class; 128] {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() || c == b'_' {
            Class::Word
        } else if c == b' ' || (c >= 0x09 && c <= 0x0d) {
            Class::Space
        } else {
            Class::Other
        };
        b += 1;
    }
    table
}

static ASCII_CLASSES: [Class; 128] = ascii_classes();

fn class_of(c: char) -> Class {
    if c.is_ascii() {
        ASCII_CLASSES[c as usize]
    } else if regex_syntax::is_word_character(c) {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

// The tokenizer reads its text in blocks of `BLOCK` bytes, one bit of a `u64` a byte: three masks
// a block at once, so not through `blocks::mask_by_lane`.

/// A block's bytes as bit masks (bit `i` for byte `i`): ASCII word characters, ASCII white space,
/// and bytes of multi-byte characters (classified afterwards, a character at a time).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn ascii_masks(block: &[u8; BLOCK]) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    let (mut word, mut space, mut high) = (0u64, 0u64, 0u64);
    // SAFETY: SSE2 is part of x86_64 itself, so every processor this is built for has these
    // instructions; each load reads the 16 bytes of `lane`, unaligned.
    unsafe {
        // Bytes of 0x80 and over are negative as `i8`, so the signed range tests leave them out
        // of every ASCII class.
        let range = |v: __m128i, low: u8, high: u8| {
            let above = _mm_cmpgt_epi8(v, _mm_set1_epi8(low as i8 - 1));
            _mm_and_si128(above, _mm_cmplt_epi8(v, _mm_set1_epi8(high as i8 + 1)))
        };
        for (k, lane) in block.chunks_exact(16).enumerate() {
            let v = _mm_loadu_si128(lane.as_ptr().cast());
            let letter = range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z');
            let digit = range(v, b'0', b'9');
            let underscore = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8));
            let is_word = _mm_or_si128(_mm_or_si128(letter, digit), underscore);
            let is_space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)), range(v, 0x09, 0x0d));
            word |= (_mm_movemask_epi8(is_word) as u16 as u64) << (16 * k);
            space |= (_mm_movemask_epi8(is_space) as u16 as u64) << (16 * k);
            high |= (_mm_movemask_epi8(v) as u16 as u64) << (16 * k);
        }
    }
    (word, space, high)
}

/// The same masks a byte at a time from [`ASCII_CLASSES`], where SSE2 is not there to do it.
#[cfg(not(target_arch = "x86_64"))]
fn ascii_masks(block: &[u8; BLOCK]) -> (u64, u64, u64) {
    let (mut word, mut space, mut high) = (0u64, 0u64, 0u64);
    for (i, &b) in block.iter().enumerate() {
        match ASCII_CLASSES.get(b as usize) {
            Some(Class::Word) => word |= 1 << i,
            Some(Class::Space) => space |= 1 << i,
            Some(Class::Other) => {}
            None => high |= 1 << i,
        }
    }
    (word, space, high)
}

impl Tokenize for FastTokenizer {
    /// A multi-byte character's bytes all take its class, so no run starts or stops inside one;
    /// the runs are found in text order. The property tests hold every token to that.
    fn own_bounds(&self) -> Option<OwnBounds> {
        Some(OwnBounds(()))
    }

    /// A token is a maximal run of word bytes or of other non-space bytes. Each block's bytes are
    /// classified into bit masks at once; where each run starts and stops is then read off the
    /// masks, so the loop runs once per token, not once per byte.
    fn tokenize(&self, text: &str, out: &mut Vec<Token>) {
        // A local vector: its length and capacity stay in registers through the loop.
        let mut tokens = std::mem::take(out);
        tokens.clear();
        let bytes = text.as_bytes();
        // News text averages a token per 5–6 bytes (spaces included): room for a little more, so
        // that the vector is not grown and copied a dozen times per article.
        tokens.reserve(bytes.len() / 4);
        // The last byte of the previous block (bit 0): in a word, in another token.
        let (mut word_before, mut other_before) = (0u64, 0u64);
        // The bytes at the start of this block that belong to a character begun in the previous
        // one, and those of them that are word characters or white space.
        let (mut carried, mut carried_word, mut carried_space) = (0u64, 0u64, 0u64);
        // The start and kind of a token that runs on from the previous block.
        let mut open: Option<(usize, TokenKind)> = None;
        for (n, chunk) in bytes.chunks(BLOCK).enumerate() {
            let base = n * BLOCK;
            let block: [u8; BLOCK] = match chunk.try_into() {
                Ok(block) => block,
                Err(_) => {
                    // The last block, padded with spaces: the text's last token ends at its end.
                    let mut block = [b' '; BLOCK];
                    block[..chunk.len()].copy_from_slice(chunk);
                    block
                }
            };
            let (mut word, mut space, high) = ascii_masks(&block);
            if high != 0 {
                word |= carried_word;
                space |= carried_space;
                let mut leads = high & !carried;
                (carried, carried_word, carried_space) = (0, 0, 0);
                while leads != 0 {
                    let at = leads.trailing_zeros() as usize;
                    let c = text[base + at..].chars().next().expect("a character starts here");
                    let bits = ((1u128 << c.len_utf8()) - 1) << at;
                    let (here, next) = (bits as u64, (bits >> BLOCK) as u64);
                    match class_of(c) {
                        Class::Word => (word, carried_word) = (word | here, next),
                        Class::Space => (space, carried_space) = (space | here, next),
                        Class::Other => {}
                    }
                    carried = next;
                    leads &= !here;
                }
            }
            let other = !(word | space);
            let word_shifted = (word << 1) | word_before;
            let other_shifted = (other << 1) | other_before;
            let mut starts = (word & !word_shifted) | (other & !other_shifted);
            // Where a run stops: the byte after its last.
            let ends = (!word & word_shifted) | (!other & other_shifted);
            if let Some((start, kind)) = open {
                if ends != 0 {
                    tokens.push(Token::new(start..base + ends.trailing_zeros() as usize, kind));
                    open = None;
                }
            }
            while starts != 0 {
                let at = starts.trailing_zeros();
                let kind = if word >> at & 1 != 0 { TokenKind::Word } else { TokenKind::Punct };
                // The run's end is the first end after its start (bits above `at`: the run
                // before may end where this one starts).
                let after = ends & (u64::MAX << at << 1);
                if after == 0 {
                    open = Some((base + at as usize, kind));
                    break;
                }
                tokens.push(Token::new(base + at as usize..base + after.trailing_zeros() as usize, kind));
                starts &= starts - 1;
            }
            word_before = word >> (BLOCK - 1);
            other_before = other >> (BLOCK - 1);
        }
        if let Some((start, kind)) = open {
            tokens.push(Token::new(start..bytes.len(), kind));
        }
        *out = tokens;
    }
}

/// The reference: `tokenizers`' `Whitespace` pre-tokenizer, through `PreTokenizedString`.
#[derive(Debug, Clone, Copy, Default)]
pub struct HfTokenizer;

impl Tokenize for HfTokenizer {
    fn tokenize(&self, text: &str, out: &mut Vec<Token>) {
        use tokenizers::pre_tokenizers::whitespace::Whitespace;
        use tokenizers::{OffsetReferential, OffsetType, PreTokenizedString, PreTokenizer};
        out.clear();
        let mut pretokenized = PreTokenizedString::from(text);
        if Whitespace.pre_tokenize(&mut pretokenized).is_err() {
            // The Whitespace pre-tokenizer only splits; it has no failure on valid UTF-8.
            unreachable!("Whitespace pre-tokenizer failed on valid text");
        }
        for (piece, (start, end), _) in pretokenized.get_splits(OffsetReferential::Original, OffsetType::Byte) {
            let first = piece.chars().next().map(class_of);
            let kind = if first == Some(Class::Word) { TokenKind::Word } else { TokenKind::Punct };
            out.push(Token::new(start..end, kind));
        }
    }
}

/// Which word splitter the detectors run on (see `tokenize/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenizerKind {
    /// whosaid's own byte-level splitter: the same boundaries as the reference, much faster.
    #[default]
    Fast,
    /// Hugging Face `tokenizers`' `Whitespace` pre-tokenizer, the reference.
    Huggingface,
}

pub fn tokenizer(kind: TokenizerKind) -> &'static dyn Tokenize {
    match kind {
        TokenizerKind::Fast => &FastTokenizer,
        TokenizerKind::Huggingface => &HfTokenizer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        for tokenizer in [&FastTokenizer as &dyn Tokenize, &HfTokenizer] {
            let mut tokens = Vec::new();
            tokenizer.tokenize(text, &mut tokens);
            let got: Vec<&str> = tokens.iter().map(|t| &text[t.span()]).collect();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn splits_words_and_punctuation_runs() {
        check("“I’m sure,” Lavrov said.", &["“", "I", "’", "m", "sure", ",”", "Lavrov", "said", "."]);
        check("  U.S. $5,000\tcafé—naïve ", &["U", ".", "S", ".", "$", "5", ",", "000", "café", "—", "naïve"]);
        check("", &[]);
        check("Erdoğan's 30-day", &["Erdoğan", "'", "s", "30", "-", "day"]);
    }

    /// The block masks put every byte value where [`ASCII_CLASSES`], the one definition of the
    /// ASCII classes, puts it, and mark every byte of 0x80 and over as part of a longer character.
    #[test]
    fn block_masks_agree_with_the_ascii_classes_for_every_byte() {
        for b in 0..=255u8 {
            let mut block = [b'x'; BLOCK];
            block[37] = b;
            let (word, space, high) = ascii_masks(&block);
            let bit = |mask: u64| mask >> 37 & 1 == 1;
            let expected = ASCII_CLASSES.get(b as usize).copied();
            assert_eq!(bit(word), expected == Some(Class::Word), "{b:#04x}");
            assert_eq!(bit(space), expected == Some(Class::Space), "{b:#04x}");
            assert_eq!(bit(high), expected.is_none(), "{b:#04x}");
        }
    }

    /// The fast tokenizer reads 64 bytes at a time: tokens, and characters of two to four bytes,
    /// that begin in one block and end in the next (or later) keep the reference's boundaries.
    #[test]
    fn tokens_and_characters_across_blocks_keep_their_boundaries() {
        let tail = "“Naïve” café—30 words’ end\u{3000}x🙂_y\t.";
        let mut texts = 0;
        for filler in ["a", " ", ",", "é", "—", "🙂", "a ", "é,"] {
            for count in 0..=2 * BLOCK {
                let text = format!("{}{tail}", filler.repeat(count));
                let (mut fast, mut reference) = (Vec::new(), Vec::new());
                FastTokenizer.tokenize(&text, &mut fast);
                HfTokenizer.tokenize(&text, &mut reference);
                assert_eq!(fast, reference, "{text:?}");
                texts += 1;
            }
        }
        assert_eq!(texts, 8 * (2 * BLOCK + 1));
    }
}
