//! Finding quotes: pairs quote marks (see [`marks`]) and describes each quoted span for the
//! attribution stage, which decides whether it is a statement, a fragment of reported speech, or a
//! scare quote or title to leave out.

pub mod marks;

use crate::doc::Doc;
use crate::model::Span;
use crate::tokenize::TokenKind;

/// A quoted span, before attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub marked: marks::MarkedSpan,
    /// Word tokens between the marks.
    pub n_words: usize,
    /// The content ends with a comma (“…,” he said): the sentence goes on after the mark.
    pub ends_with_comma: bool,
    /// The content ends a sentence (. ! ? …).
    pub ends_sentence: bool,
    /// The content starts with a lower-case letter: a fragment, not a whole sentence.
    pub starts_lower: bool,
}

impl Candidate {
    pub fn outer(&self) -> Span {
        self.marked.outer.clone()
    }
}

/// Describes the quoted spans `marked` (from [`marks::find_marked_spans`]); a span with no word in
/// it is no candidate.
pub fn find_candidates(doc: &Doc, marked: &[marks::MarkedSpan]) -> Vec<Candidate> {
    marked
        .iter()
        .cloned()
        .filter_map(|marked| {
            let inner = &doc.text()[marked.inner.clone()];
            let trimmed = inner.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '’' | '\'' | '”' | '"'));
            let first = doc.token_at_or_after(marked.inner.start);
            let last = doc.token_at_or_after(marked.inner.end);
            let n_words = doc.tokens()[first..last].iter().filter(|t| t.kind == TokenKind::Word).count();
            if n_words == 0 {
                return None;
            }
            Some(Candidate {
                ends_with_comma: trimmed.ends_with(','),
                ends_sentence: trimmed.ends_with(['.', '!', '?', '…']),
                starts_lower: inner.trim_start().chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase),
                n_words,
                marked,
            })
        })
        .collect()
}
