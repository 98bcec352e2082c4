//! Quote-mark pairing: finds the spans between matching quote marks in an article.
//!
//! Conventions handled: straight "…", curly “…”, guillemets « … » and » … «, German „…“, the
//! typewriter double apostrophe ''…'' and ``…'' of news archives and LaTeX (read as a straight
//! mark and a curly opening one), single ‘…’ / ‹…› / ‚…‘ where an article uses single marks as its primary quotes (an article with any
//! double marks is read with double marks as primary; single marks inside are nested quotes).
//!
//! Rules, each for a general pattern of news text:
//! - A quote inside a quote belongs to the outer one (nesting depth is tracked per mark family).
//! - A paragraph that ends inside a quote continues it when the next paragraph opens with a quote
//!   mark (the convention for a quotation over several paragraphs); otherwise the quote is
//!   *unclosed*, ends at its paragraph end, and the next paragraph starts clean, so a mark never
//!   closed cannot swallow the rest of the article or shift every later quote.
//! - A straight mark opens when what follows it is not white space, and closes when what precedes
//!   it is not; a closing-looking mark outside any quote is a stray and is skipped.

use crate::model::Span;
use crate::segment::Segments;

/// A pair of quote marks and what lies between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedSpan {
    /// From the opening mark to the closing mark, both included.
    pub outer: Span,
    /// Between the marks.
    pub inner: Span,
    /// No closing mark was found: the span ends at its paragraph's end.
    pub unclosed: bool,
    /// The quote runs over more than one paragraph.
    pub multi_paragraph: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

fn family_of(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' => Some(Family::Double),
        '‘' | '’' | '‚' | '‹' | '›' => Some(Family::Single),
        _ => None,
    }
}

/// Whether `c` can close a quote opened with `open`.
fn closes(open: char, c: char) -> bool {
    match open {
        '“' | '‟' => matches!(c, '”' | '"'),
        '„' => matches!(c, '“' | '”' | '"'),
        '«' => c == '»',
        '»' => c == '«',
        '"' => matches!(c, '"' | '”'),
        '”' => matches!(c, '”' | '"'),
        '‘' => c == '’',
        '‚' => matches!(c, '‘' | '’'),
        '‹' => c == '›',
        '›' => c == '‹',
        _ => false,
    }
}

fn is_space_or_edge(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// The two-character marks: `''` stands for a straight double mark and ``` `` ``` for an opening one.
fn ascii_pair_at(bytes: &[u8], at: usize) -> Option<char> {
    match bytes.get(at..at + 2) {
        Some(b"''") => Some('"'),
        Some(b"``") => Some('“'),
        _ => None,
    }
}

/// Finds every quote in `text`, in order of their opening marks.
pub fn find_marked_spans(text: &str, segments: &Segments) -> Vec<MarkedSpan> {
    let bytes = text.as_bytes();
    let has_pairs = memchr::memmem::find(bytes, b"''").is_some() || memchr::memmem::find(bytes, b"``").is_some();
    let has_double = memchr::memchr(b'"', bytes).is_some()
        || has_pairs
        || ['“', '”', '„', '«', '»'].iter().any(|c| text.contains(*c));
    let family = if has_double { Family::Double } else { Family::Single };
    let mut out = Vec::new();
    // A quote carried over from the previous paragraph: (open char, outer start, inner start).
    let mut carried: Option<(char, usize, usize)> = None;
    // One list for every paragraph's marks in turn, not a new one each.
    let mut marks = Vec::new();
    for (para_idx, para) in segments.paragraphs.iter().enumerate() {
        marks_in(text, para.clone(), family, has_pairs, &mut marks);
        let mut state = carried.take();
        let mut depth = 0usize;
        let mut skip_first = false;
        if state.is_some() {
            // The continuation mark that opens this paragraph is not a new quote.
            skip_first = marks.first().is_some_and(|m| m.0 == para.start);
        }
        for (mark_idx, &(at, c, len)) in marks.iter().enumerate() {
            if skip_first && mark_idx == 0 {
                continue;
            }
            let before = text[..at].chars().next_back();
            let after = text[at + len..].chars().next();
            let looks_opening =
                !is_space_or_edge(after) && (is_space_or_edge(before) || before.is_some_and(is_opening_context));
            let looks_closing = !is_space_or_edge(before);
            match state {
                None => {
                    let opens = match c {
                        // French spacing puts a space inside guillemets: « oui ».
                        '«' | '‹' => after.is_some(),
                        '“' | '„' | '‘' | '‚' | '‟' => !is_space_or_edge(after),
                        '"' | '»' | '”' | '›' => looks_opening,
                        _ => false,
                    };
                    if opens {
                        state = Some((c, at, at + len));
                        depth = 0;
                    }
                }
                Some((open, start, inner_start)) => {
                    let can_close = closes(open, c);
                    let nested_open = c == open && open != '"' && !closes(open, c);
                    let straight_nested = matches!(c, '"') && open == '"' && looks_opening && !looks_closing;
                    // French spacing puts a space before the closing guillemet, and punctuation
                    // may follow it: « oui », dit-il.
                    let spaced_close =
                        matches!((open, c), ('«', '»') | ('‹', '›')) && !after.is_some_and(char::is_alphanumeric);
                    if nested_open || straight_nested {
                        depth += 1;
                    } else if can_close && (looks_closing || !looks_opening || spaced_close) {
                        if depth > 0 {
                            depth -= 1;
                        } else {
                            let multi = start < para.start;
                            out.push(MarkedSpan {
                                outer: start..at + len,
                                inner: inner_start..at,
                                unclosed: false,
                                multi_paragraph: multi,
                            });
                            state = None;
                        }
                    } else if matches!(c, '“' | '«' | '„') && open != c && !closes(open, c) && looks_opening {
                        depth += 1;
                    }
                }
            }
        }
        if let Some((open, start, inner_start)) = state {
            // The convention repeats the same opening mark at each new paragraph of the quote,
            // and the paragraph left open has words in it; anything else is a stray mark.
            let has_words = text[inner_start.max(para.start)..para.end].chars().any(char::is_alphanumeric);
            let next_opens = has_words
                && segments.paragraphs.get(para_idx + 1).is_some_and(|next| {
                    let first = ascii_pair_at(bytes, next.start).or_else(|| text[next.clone()].chars().next());
                    first.is_some_and(|c| c == open)
                });
            if next_opens {
                carried = Some((open, start, inner_start));
            } else {
                out.push(MarkedSpan {
                    outer: start..para.end,
                    inner: inner_start..para.end,
                    unclosed: true,
                    multi_paragraph: start < para.start,
                });
            }
        }
    }
    out
}

/// Characters after which a straight mark still opens a quote: brackets and dashes.
fn is_opening_context(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
}

/// The quote marks of `family` inside `span` into `marks` (cleared first), as (byte offset, char,
/// length in bytes); a pair `''` or ``` `` ``` (looked for when `pairs`) is one mark, read as the
/// char it stands for. Apostrophes inside words (’ between letters) are not marks.
fn marks_in(text: &str, span: Span, family: Family, pairs: bool, marks: &mut Vec<(usize, char, usize)>) {
    let bytes = &text.as_bytes()[span.clone()];
    marks.clear();
    if pairs && family == Family::Double {
        let mut rel = 0;
        while let Some(found) = memchr::memchr2(b'\'', b'`', &bytes[rel..]) {
            let at = span.start + rel + found;
            match ascii_pair_at(text.as_bytes(), at).filter(|_| at + 2 <= span.end) {
                Some(c) => {
                    marks.push((at, c, 2));
                    rel += found + 2;
                }
                None => rel += found + 1,
            }
        }
    }
    for rel in memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes) {
        let at = span.start + rel;
        let Some(c) = text[at..].chars().next() else { continue };
        if family_of(c) != Some(family) {
            continue;
        }
        if family == Family::Single && matches!(c, '’' | '‘') {
            let before = text[..at].chars().next_back();
            let after = text[at + c.len_utf8()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric) {
                continue;
            }
        }
        marks.push((at, c, c.len_utf8()));
    }
    if pairs {
        marks.sort_unstable_by_key(|m| m.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn check(text: &str, expected: &[&str]) {
        let spans = find_marked_spans(text, &segment(text));
        let got: Vec<&str> = spans.iter().map(|s| &text[s.outer.clone()]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn every_common_convention() {
        check("He said “yes, now.” Then", &["“yes, now.”"]);
        check("He said \"yes\" and \"no\".", &["\"yes\"", "\"no\""]);
        check("Er sagte: „Wir kommen.“ Dann", &["„Wir kommen.“"]);
        check("Il a dit « oui » puis", &["« oui »"]);
        check("« Nous partons », a dit le ministre.", &["« Nous partons »"]);
        check("Il a dit : « oui ». Puis « non ; jamais »…", &["« oui »", "« non ; jamais »"]);
        check("Er sagte: »Wir kommen.« Dann", &["»Wir kommen.«"]);
        check("She said ‘we won’t’ and left.", &["‘we won’t’"]);
        check("Opened “curly, closed straight\" here", &["“curly, closed straight\""]);
        check("''It's fine,'' he said. ``Yes,'' she said.", &["''It's fine,''", "``Yes,''"]);
    }

    #[test]
    fn nested_quotes_belong_to_the_outer_one() {
        check("“He said ‘no’ to me,” she said.", &["“He said ‘no’ to me,”"]);
        check(
            "\"The \"United States\" is not holding them.\" Later",
            &["\"The \"United States\" is not holding them.\""],
        );
        check("“The “rigged system” is real,” he said.", &["“The “rigged system” is real,”"]);
    }

    #[test]
    fn a_quote_over_several_paragraphs_is_one() {
        let text = "He said:\n\n“First part.\n\n“Second part.”\n\nAfter.";
        let spans = find_marked_spans(text, &segment(text));
        assert_eq!(spans.len(), 1);
        assert_eq!(&text[spans[0].outer.clone()], "“First part.\n\n“Second part.”");
        assert!(spans[0].multi_paragraph);
    }

    #[test]
    fn an_unclosed_mark_stops_at_its_paragraph() {
        let text = "He said “this never closes\nNext “quote here” ok.";
        let spans = find_marked_spans(text, &segment(text));
        let got: Vec<(&str, bool)> = spans.iter().map(|s| (&text[s.outer.clone()], s.unclosed)).collect();
        assert_eq!(got, [("“this never closes", true), ("“quote here”", false)]);
    }

    #[test]
    fn stray_closing_marks_and_inch_marks_are_skipped() {
        check("A 12\" record and \"a quote\" here", &["\"a quote\""]);
        check("Lavrov’s aide’s view", &[]);
    }
}
