//! Tokenizing: splits text into word and punctuation tokens, each a byte span into the text.
//!
//! The boundaries are those of Hugging Face `tokenizers`' `Whitespace` pre-tokenizer (the regex
//! `\w+|[^\w\s]+`): a token is a run of word characters or a run of other non-space characters.
//! [`FastTokenizer`] is whosaid's own splitter with exactly those boundaries (a differential test
//! holds it to the reference on the sample corpus); [`HfTokenizer`] runs the reference itself.
//! The detectors take the tokenizer behind [`Tokenize`], so the choice is a measured one: see the
//! `tokenize` benchmark and ARCHITECTURE.md for the figures.

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
}

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

/// Each byte's class as a number, for the inner loop that runs over a token's ASCII bytes:
/// `NOT_ASCII` for the bytes of a multi-byte character, which no class number equals.
const NOT_ASCII: u8 = u8::MAX;

const fn byte_classes() -> [u8; 256] {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = ASCII_CLASSES[b] as u8;
        b += 1;
    }
    table
}

static BYTE_CLASSES: [u8; 256] = byte_classes();

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

impl Tokenize for FastTokenizer {
    fn tokenize(&self, text: &str, out: &mut Vec<Token>) {
        out.clear();
        let bytes = text.as_bytes();
        // News text averages a token per 5–6 bytes (spaces included): room for a little more, so
        // that the vector is not grown and copied a dozen times per article.
        out.reserve(bytes.len() / 4);
        let mut idx = 0;
        while idx < bytes.len() {
            // A token starts at the first character that is not white space.
            let start = idx;
            let byte = bytes[idx];
            let class = if byte < 0x80 {
                idx += 1;
                ASCII_CLASSES[byte as usize]
            } else {
                let c = text[idx..].chars().next().expect("idx is a char boundary");
                idx += c.len_utf8();
                class_of(c)
            };
            let kind = match class {
                Class::Space => continue,
                Class::Word => TokenKind::Word,
                Class::Other => TokenKind::Punct,
            };
            // The rest of its run: ASCII bytes one table lookup each, other characters decoded.
            loop {
                while idx < bytes.len() && BYTE_CLASSES[bytes[idx] as usize] == class as u8 {
                    idx += 1;
                }
                if idx < bytes.len() && bytes[idx] >= 0x80 {
                    let c = text[idx..].chars().next().expect("idx is a char boundary");
                    if class_of(c) == class {
                        idx += c.len_utf8();
                        continue;
                    }
                }
                break;
            }
            out.push(Token::new(start..idx, kind));
        }
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

pub fn tokenizer(kind: crate::config::TokenizerKind) -> &'static dyn Tokenize {
    match kind {
        crate::config::TokenizerKind::Fast => &FastTokenizer,
        crate::config::TokenizerKind::Huggingface => &HfTokenizer,
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
}
