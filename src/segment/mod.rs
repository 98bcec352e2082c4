//! Segmenting: paragraphs and sentences, as byte spans into the article text.
//!
//! A paragraph is a line that is not blank: news text marks paragraphs with one newline or with a
//! blank line, and both come out the same. Sentences split at `.`, `!`, `?` or `…` (with any
//! closing quote marks and brackets after them) followed by white space and an upper-case letter,
//! a digit or an opening mark, except after a known abbreviation ("Mr.", "Gen.", "Aug.") or a
//! single initial ("George W. Bush").

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

pub fn segment(text: &str) -> Segments {
    // Room for a sentence every 100 bytes and a paragraph every 300, about what news has, so
    // that the lists are not grown and copied many times over per article.
    let mut segments = Segments {
        paragraphs: Vec::with_capacity(text.len() / 300 + 1),
        sentences: Vec::with_capacity(text.len() / 100 + 1),
    };
    let mut line_start = 0;
    for line_end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        if let Some(span) = trim(text, line_start..line_end) {
            segments.paragraphs.push(span.clone());
            split_sentences(text, span, &mut segments.sentences);
        }
        line_start = line_end + 1;
    }
    segments
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

fn split_sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let slice = &text[para.clone()];
    let bytes = slice.as_bytes();
    let mut start = 0;
    let mut idx = 0;
    // Every terminator starts with one of four bytes: memchr jumps between them, so the text is
    // not decoded character by character.
    // Both next positions are kept and only searched again once passed, so the scan stays linear
    // however many curly quotes (also 0xE2…) lie between two full stops.
    let mut next_e2 = memchr::memchr(0xE2, bytes).unwrap_or(bytes.len());
    let mut next_mark = memchr::memchr3(b'.', b'!', b'?', bytes).unwrap_or(bytes.len());
    while idx < bytes.len() {
        if next_mark < idx {
            next_mark = memchr::memchr3(b'.', b'!', b'?', &bytes[idx..]).map_or(bytes.len(), |i| idx + i);
        }
        if next_e2 < idx {
            next_e2 = memchr::memchr(0xE2, &bytes[idx..]).map_or(bytes.len(), |i| idx + i);
        }
        idx = next_mark.min(next_e2);
        if idx >= bytes.len() {
            break;
        }
        let Some(c) = terminator_at(slice, idx) else {
            idx += 1;
            continue;
        };
        let mut end = idx + c.len_utf8();
        while let Some(next) = slice[end..].chars().next() {
            if matches!(next, '.' | '!' | '?' | '…') || is_closing(next) {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        let mark = idx;
        idx = end;
        let rest = &slice[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue;
        }
        if !after_space.chars().next().is_some_and(is_opening_or_start) {
            continue;
        }
        if c == '.' && is_abbreviation(&slice[..mark]) {
            continue;
        }
        out.push(para.start + start..para.start + end);
        start = end + (rest.len() - after_space.len());
    }
    if start < slice.len() {
        out.push(para.start + start..para.end);
    }
}

/// Whether the word just before a full stop is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    // Only the last few characters matter; looking further would make a long run of dotted
    // letters quadratic.
    let mut cut = before.len().saturating_sub(16);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let before = &before[cut..];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase();
    }
    let listed = word.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    listed || (word.contains('.') && word.len() <= 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let segments = segment(text);
        let got: Vec<&str> = segments.sentences.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(got, expected);
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

    #[test]
    fn one_newline_or_a_blank_line_separate_paragraphs() {
        let text = "First.\nSecond.\n\n  \nThird.";
        let segments = segment(text);
        let got: Vec<&str> = segments.paragraphs.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(got, ["First.", "Second.", "Third."]);
        assert_eq!(segments.paragraph_of(8), Some(1));
        assert_eq!(segments.sentence_of(text.len() - 1), Some(2));
    }
}
