//! The rows of the output tables, built from an article and what extraction found in it. This is
//! where byte spans become code-point offsets, once per article.

use std::sync::Arc;

use serde::Serialize;

use crate::model::{Article, Extraction, Reject, Span};

/// One row of `quotes.<fmt>`. The article's own fields are shared by its rows (`Arc<str>`): a
/// row is made on a worker and dropped on the writer thread, and five allocations freed across
/// threads per row were a measurable share of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub article_id: Arc<str>,
    pub quote_idx: u32,
    pub quote_text: String,
    pub quote_start: u64,
    pub quote_end: u64,
    pub quote_type: &'static str,
    /// The content parts as `start-end` code-point ranges joined by `;` (more than one where the
    /// attribution interrupts the statement).
    pub quote_parts: String,
    pub cue: Option<String>,
    pub cue_start: Option<u64>,
    pub cue_end: Option<u64>,
    pub speaker: Option<String>,
    pub speaker_start: Option<u64>,
    pub speaker_end: Option<u64>,
    pub speaker_name: Option<String>,
    pub speaker_title: Option<String>,
    /// When it was said, ISO 8601 at `said_on_precision` (`2025-08-20`, `2025-08`, `2025`).
    pub said_on: Option<String>,
    /// `day`, `month` or `year`.
    pub said_on_precision: Option<&'static str>,
    /// `text` (a temporal expression gave it) or `published` (the article's date, as an estimate).
    pub said_on_source: Option<&'static str>,
    pub published: Option<Arc<str>>,
    #[serde(skip)]
    pub published_days: Option<i32>,
    pub outlet: Option<Arc<str>>,
    pub title: Option<Arc<str>>,
    pub url: Option<Arc<str>>,
    pub rule: String,
}

/// One row of `articles.<fmt>`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    pub article_id: String,
    pub status: &'static str,
    pub n_quotes: u32,
    pub n_chars: u64,
    pub published: Option<String>,
    #[serde(skip)]
    pub published_days: Option<i32>,
    pub published_raw: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub file: String,
    pub line: Option<u64>,
    pub error: Option<String>,
}

/// One row of `speakers.<fmt>`: who gets quoted, per article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRow {
    pub article_id: Arc<str>,
    pub speaker_name: String,
    pub speaker_title: Option<String>,
    pub n_quotes: u32,
    /// The code-point offset and the index of the speaker's first statement in the article.
    pub first_quote_start: u64,
    pub first_quote_idx: u32,
}

/// One row per speaker name among an article's quote rows, in order of first statement.
pub fn speaker_rows(quotes: &[QuoteRow]) -> Vec<SpeakerRow> {
    let mut rows: Vec<SpeakerRow> = Vec::new();
    for quote in quotes {
        let Some(name) = &quote.speaker_name else { continue };
        match rows.iter_mut().find(|r| &r.speaker_name == name) {
            Some(row) => {
                row.n_quotes += 1;
                if row.speaker_title.is_none() {
                    row.speaker_title = quote.speaker_title.clone();
                }
            }
            None => rows.push(SpeakerRow {
                article_id: quote.article_id.clone(),
                speaker_name: name.clone(),
                speaker_title: quote.speaker_title.clone(),
                n_quotes: 1,
                first_quote_start: quote.quote_start,
                first_quote_idx: quote.quote_idx,
            }),
        }
    }
    rows
}

/// One line of `rejects.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RejectRow<'a> {
    pub file: &'a str,
    pub line: Option<u64>,
    pub article_id: Option<&'a str>,
    pub reason: &'a str,
}

impl<'a> From<&'a Reject> for RejectRow<'a> {
    fn from(reject: &'a Reject) -> RejectRow<'a> {
        RejectRow {
            file: &reject.origin.file,
            line: reject.origin.line,
            article_id: reject.article_id.as_deref(),
            reason: &reject.reason,
        }
    }
}

/// Converts byte offsets into code-point offsets for one text, walking it once.
pub struct CharOffsets {
    /// Sorted, deduplicated byte offsets and their code-point offsets.
    table: Vec<(usize, u64)>,
    ascii: bool,
}

impl CharOffsets {
    pub fn new(text: &str, mut offsets: Vec<usize>) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { table: Vec::new(), ascii: true };
        }
        offsets.sort_unstable();
        offsets.dedup();
        let mut table = Vec::with_capacity(offsets.len());
        let mut chars = 0u64;
        let mut at = 0usize;
        for offset in offsets {
            chars += text[at..offset].chars().count() as u64;
            at = offset;
            table.push((offset, chars));
        }
        CharOffsets { table, ascii: false }
    }

    pub fn get(&self, byte: usize) -> u64 {
        if self.ascii {
            return byte as u64;
        }
        let idx = self.table.binary_search_by_key(&byte, |&(b, _)| b).expect("every offset was registered");
        self.table[idx].1
    }
}

pub fn rows_for(article: &Article, extraction: &Extraction) -> (ArticleRow, Vec<QuoteRow>) {
    let text = &article.text;
    let mut offsets = vec![text.len()];
    for quote in &extraction.quotes {
        let spans = std::iter::once(&quote.span).chain(&quote.parts).chain(&quote.cue).chain(&quote.speaker);
        for span in spans {
            offsets.push(span.start);
            offsets.push(span.end);
        }
    }
    let chars = CharOffsets::new(text, offsets);
    let published_date = extraction.published;
    let published = published_date.map(|d| d.to_string());
    let published_days = published_date.map(crate::dates::days_since_epoch);
    let slice = |span: &Span| text[span.clone()].to_string();
    let id: Arc<str> = article.id.as_str().into();
    let [published_shared, outlet, title, url] =
        [&published, &article.outlet, &article.title, &article.url].map(|field| field.as_deref().map(Arc::from));
    let quotes: Vec<QuoteRow> = extraction
        .quotes
        .iter()
        .enumerate()
        .map(|(idx, quote)| QuoteRow {
            article_id: id.clone(),
            quote_idx: idx as u32,
            quote_text: slice(&quote.span),
            quote_start: chars.get(quote.span.start),
            quote_end: chars.get(quote.span.end),
            quote_type: quote.kind.as_str(),
            quote_parts: {
                let mut parts = String::new();
                for (i, part) in quote.parts.iter().enumerate() {
                    if i > 0 {
                        parts.push(';');
                    }
                    crate::model::push_decimal(&mut parts, chars.get(part.start), 1);
                    parts.push('-');
                    crate::model::push_decimal(&mut parts, chars.get(part.end), 1);
                }
                parts
            },
            cue: quote.cue.as_ref().map(slice),
            cue_start: quote.cue.as_ref().map(|s| chars.get(s.start)),
            cue_end: quote.cue.as_ref().map(|s| chars.get(s.end)),
            speaker: quote.speaker.as_ref().map(slice),
            speaker_start: quote.speaker.as_ref().map(|s| chars.get(s.start)),
            speaker_end: quote.speaker.as_ref().map(|s| chars.get(s.end)),
            speaker_name: quote.speaker_name.clone(),
            speaker_title: quote.speaker_title.clone(),
            said_on: quote.said_on.map(|s| s.dated.iso()),
            said_on_precision: quote.said_on.map(|s| s.dated.precision.as_str()),
            said_on_source: quote.said_on.map(|s| s.source.as_str()),
            published: published_shared.clone(),
            published_days,
            outlet: outlet.clone(),
            title: title.clone(),
            url: url.clone(),
            rule: quote.rule.clone(),
        })
        .collect();
    let unparsed = article.published.is_some() && published_date.is_none();
    let article_row = ArticleRow {
        article_id: article.id.clone(),
        status: "ok",
        n_quotes: quotes.len() as u32,
        n_chars: chars.get(text.len()),
        published,
        published_days,
        published_raw: article.published.clone(),
        title: article.title.clone(),
        outlet: article.outlet.clone(),
        url: article.url.clone(),
        author: article.author.clone(),
        file: article.origin.file.to_string(),
        line: article.origin.line,
        error: unparsed.then(|| "unparsable `published` date, kept in published_raw".to_string()),
    };
    (article_row, quotes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_speaker_row_per_name_in_order_of_first_statement() {
        let article = Article { id: "a".into(), text: "x".repeat(50), ..Article::default() };
        let quote = |start: usize, name: Option<&str>, title: Option<&str>| crate::model::Quote {
            span: start..start + 5,
            parts: std::iter::once(start..start + 5).collect(),
            kind: crate::model::QuoteType::Direct,
            cue: None,
            speaker: None,
            speaker_name: name.map(str::to_string),
            speaker_title: title.map(str::to_string),
            rule: "r".into(),
            said_on: None,
        };
        let extraction = Extraction {
            quotes: vec![
                quote(0, Some("B"), None),
                quote(10, Some("A"), Some("Minister")),
                quote(20, None, None),
                quote(30, Some("B"), Some("Mayor")),
            ],
            published: None,
        };
        let (_, rows) = rows_for(&article, &extraction);
        let got: Vec<_> = speaker_rows(&rows)
            .into_iter()
            .map(|r| (r.speaker_name, r.speaker_title, r.n_quotes, r.first_quote_start, r.first_quote_idx))
            .collect();
        assert_eq!(got, [("B".into(), Some("Mayor".into()), 2, 0, 0), ("A".into(), Some("Minister".into()), 1, 10, 1)]);
    }

    #[test]
    fn code_point_offsets_count_characters_not_bytes() {
        let text = "“Ja,” sagte Ørsted.";
        let offsets = CharOffsets::new(text, vec![0, 3, text.len()]);
        assert_eq!(offsets.get(0), 0);
        assert_eq!(offsets.get(3), 1);
        assert_eq!(offsets.get(text.len()), text.chars().count() as u64);
    }
}
