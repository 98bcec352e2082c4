//! The rows of the output tables, built from an article and what extraction found in it. This is
//! where byte spans become code-point offsets, once per article.

use std::sync::Arc;

use serde::Serialize;

use crate::blocks::{mask_by_byte, BLOCK};
use crate::model::{Article, Extraction, Reject, Span};

/// A piece of the text its row shares with the article's other rows (see [`QuoteRow`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    start: usize,
    end: usize,
}

impl Piece {
    fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// Builds the one buffer an article's rows share.
struct RowText(String);

impl RowText {
    /// A piece written by `write` into the buffer.
    fn write(&mut self, write: impl FnOnce(&mut String)) -> Piece {
        let start = self.0.len();
        write(&mut self.0);
        Piece { start, end: self.0.len() }
    }

    fn push(&mut self, text: &str) -> Piece {
        self.write(|out| out.push_str(text))
    }
}

/// One row of `quotes.<fmt>`. A row is made on a worker and dropped on the writer thread, and
/// freeing memory on another thread than the one that allocated it is slow: so the article's
/// own fields are shared by its rows (`Arc<str>`), and the row's own strings (the quote, its
/// parts, cue, speaker, name, title, date and rule) are pieces of one buffer per article. A run
/// that never freed its rows used 8% less CPU with 2 threads than one that freed up to eight
/// strings a row; the fields are read through methods of the same names, and serialized as
/// strings.
#[derive(Clone)]
pub struct QuoteRow {
    pub article_id: Arc<str>,
    /// The text of every string field below, for all of the article's rows.
    text: Arc<str>,
    pub quote_idx: u32,
    quote_text: Piece,
    pub quote_start: u64,
    pub quote_end: u64,
    pub quote_type: &'static str,
    quote_parts: Piece,
    cue: Option<Piece>,
    pub cue_start: Option<u64>,
    pub cue_end: Option<u64>,
    speaker: Option<Piece>,
    pub speaker_start: Option<u64>,
    pub speaker_end: Option<u64>,
    speaker_name: Option<Piece>,
    speaker_title: Option<Piece>,
    /// `person`, `organisation`, `group` or `unknown`; none without a speaker.
    pub speaker_type: Option<&'static str>,
    /// `female` or `male` where the article says it, else `unknown`; none without a speaker.
    pub speaker_gender: Option<&'static str>,
    /// `speaker_name`'s id across articles ([`crate::people::person_id`]).
    person_id: Option<Piece>,
    said_on: Option<Piece>,
    /// `said_on`'s first day, `YYYY-MM-DD`.
    said_on_date: Option<Piece>,
    /// `said_on`'s first day as days since 1970-01-01, for the Parquet date column.
    pub said_on_days: Option<i32>,
    /// `day`, `month` or `year`.
    pub said_on_precision: Option<&'static str>,
    /// `text` (a temporal expression gave it) or `published` (the article's date, as an estimate).
    pub said_on_source: Option<&'static str>,
    pub published: Option<Arc<str>>,
    pub published_days: Option<i32>,
    pub outlet: Option<Arc<str>>,
    pub title: Option<Arc<str>>,
    pub url: Option<Arc<str>>,
    pub lang: Arc<str>,
    rule: Piece,
}

/// A quote row as it is written: its columns in order.
#[derive(Debug, PartialEq, Serialize)]
pub struct QuoteFields<'a> {
    pub article_id: &'a str,
    pub quote_idx: u32,
    pub quote_text: &'a str,
    pub quote_start: u64,
    pub quote_end: u64,
    pub quote_type: &'static str,
    /// The content parts as `start-end` code-point ranges joined by `;` (more than one where the
    /// attribution interrupts the statement).
    pub quote_parts: &'a str,
    pub cue: Option<&'a str>,
    pub cue_start: Option<u64>,
    pub cue_end: Option<u64>,
    pub speaker: Option<&'a str>,
    pub speaker_start: Option<u64>,
    pub speaker_end: Option<u64>,
    pub speaker_name: Option<&'a str>,
    pub speaker_title: Option<&'a str>,
    /// What the speaker is: `person`, `organisation`, `group` or `unknown`.
    pub speaker_type: Option<&'static str>,
    /// `female` or `male` where the article itself says it (a pronoun used of the speaker, an
    /// honorific, a gendered role word), else `unknown`: never guessed from a first name.
    pub speaker_gender: Option<&'static str>,
    /// The speaker's id across articles and runs: one for every writing of one name
    /// ("Donald J. Trump", "Donald Trump"), as in the `people` table of `whosaid aggregate`.
    pub person_id: Option<&'a str>,
    /// When it was said, ISO 8601 at `said_on_precision` (`2025-08-20`, `2025-08`, `2025`).
    pub said_on: Option<&'a str>,
    /// The first day of `said_on`'s period (`2025-03` → `2025-03-01`): a typed date to filter and
    /// group by.
    pub said_on_date: Option<&'a str>,
    #[serde(skip)]
    pub said_on_days: Option<i32>,
    pub said_on_precision: Option<&'static str>,
    pub said_on_source: Option<&'static str>,
    pub published: Option<&'a str>,
    /// `published` as days since 1970-01-01, for the Parquet date column.
    #[serde(skip)]
    pub published_days: Option<i32>,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    /// The language the article was read in: ISO 639-1 (`en`, `de`).
    pub lang: &'a str,
    pub rule: &'a str,
}

impl QuoteRow {
    fn piece(&self, piece: Piece) -> &str {
        piece.of(&self.text)
    }

    pub fn quote_text(&self) -> &str {
        self.piece(self.quote_text)
    }
    pub fn quote_parts(&self) -> &str {
        self.piece(self.quote_parts)
    }
    pub fn cue(&self) -> Option<&str> {
        self.cue.map(|p| self.piece(p))
    }
    pub fn speaker(&self) -> Option<&str> {
        self.speaker.map(|p| self.piece(p))
    }
    pub fn speaker_name(&self) -> Option<&str> {
        self.speaker_name.map(|p| self.piece(p))
    }
    pub fn speaker_title(&self) -> Option<&str> {
        self.speaker_title.map(|p| self.piece(p))
    }
    pub fn person_id(&self) -> Option<&str> {
        self.person_id.map(|p| self.piece(p))
    }
    pub fn said_on(&self) -> Option<&str> {
        self.said_on.map(|p| self.piece(p))
    }
    pub fn said_on_date(&self) -> Option<&str> {
        self.said_on_date.map(|p| self.piece(p))
    }
    pub fn rule(&self) -> &str {
        self.piece(self.rule)
    }

    pub fn fields(&self) -> QuoteFields<'_> {
        QuoteFields {
            article_id: &self.article_id,
            quote_idx: self.quote_idx,
            quote_text: self.quote_text(),
            quote_start: self.quote_start,
            quote_end: self.quote_end,
            quote_type: self.quote_type,
            quote_parts: self.quote_parts(),
            cue: self.cue(),
            cue_start: self.cue_start,
            cue_end: self.cue_end,
            speaker: self.speaker(),
            speaker_start: self.speaker_start,
            speaker_end: self.speaker_end,
            speaker_name: self.speaker_name(),
            speaker_title: self.speaker_title(),
            speaker_type: self.speaker_type,
            speaker_gender: self.speaker_gender,
            person_id: self.person_id(),
            said_on: self.said_on(),
            said_on_date: self.said_on_date(),
            said_on_days: self.said_on_days,
            said_on_precision: self.said_on_precision,
            said_on_source: self.said_on_source,
            published: self.published.as_deref(),
            published_days: self.published_days,
            outlet: self.outlet.as_deref(),
            title: self.title.as_deref(),
            url: self.url.as_deref(),
            lang: &self.lang,
            rule: self.rule(),
        }
    }
}

/// Serialization, `Debug` and equality of a row that keeps its strings as pieces: through its
/// borrowed view, `fields()`.
macro_rules! through_fields {
    ($($row:ty),*) => {$(
        impl Serialize for $row {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.fields().serialize(serializer)
            }
        }

        impl std::fmt::Debug for $row {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.fields().fmt(f)
            }
        }

        impl PartialEq for $row {
            fn eq(&self, other: &$row) -> bool {
                self.fields() == other.fields()
            }
        }
    )*};
}

through_fields!(QuoteRow, SpeakerRow);

/// One row of `articles.<fmt>`. The fields its article's quote rows have too are the same
/// shared strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRow {
    pub article_id: Arc<str>,
    pub status: &'static str,
    pub n_quotes: u32,
    pub n_chars: u64,
    pub published: Option<Arc<str>>,
    #[serde(skip)]
    pub published_days: Option<i32>,
    pub published_raw: Option<String>,
    pub title: Option<Arc<str>>,
    pub outlet: Option<Arc<str>>,
    pub url: Option<Arc<str>>,
    pub author: Option<String>,
    /// The language the article was read in (none for a reject).
    pub lang: Option<Arc<str>>,
    pub file: Arc<str>,
    pub line: Option<u64>,
    pub error: Option<String>,
}

/// One row of `speakers.<fmt>`: who gets quoted, per article. Its strings are pieces of its
/// article's quote rows' buffer.
#[derive(Clone)]
pub struct SpeakerRow {
    pub article_id: Arc<str>,
    text: Arc<str>,
    speaker_name: Piece,
    speaker_title: Option<Piece>,
    pub speaker_type: Option<&'static str>,
    pub speaker_gender: Option<&'static str>,
    person_id: Option<Piece>,
    pub n_quotes: u32,
    pub first_quote_start: u64,
    pub first_quote_idx: u32,
}

/// A speaker row as it is written: its columns in order.
#[derive(Debug, PartialEq, Serialize)]
pub struct SpeakerFields<'a> {
    pub article_id: &'a str,
    pub speaker_name: &'a str,
    pub speaker_title: Option<&'a str>,
    /// As in the quotes table: what the speaker is, and the gender the article gives them.
    pub speaker_type: Option<&'static str>,
    pub speaker_gender: Option<&'static str>,
    /// As in the quotes table: the speaker's id across articles and runs.
    pub person_id: Option<&'a str>,
    pub n_quotes: u32,
    /// The code-point offset and the index of the speaker's first statement in the article.
    pub first_quote_start: u64,
    pub first_quote_idx: u32,
}

impl SpeakerRow {
    pub fn speaker_name(&self) -> &str {
        self.speaker_name.of(&self.text)
    }
    pub fn speaker_title(&self) -> Option<&str> {
        self.speaker_title.map(|p| p.of(&self.text))
    }
    pub fn person_id(&self) -> Option<&str> {
        self.person_id.map(|p| p.of(&self.text))
    }

    pub fn fields(&self) -> SpeakerFields<'_> {
        SpeakerFields {
            article_id: &self.article_id,
            speaker_name: self.speaker_name(),
            speaker_title: self.speaker_title(),
            speaker_type: self.speaker_type,
            speaker_gender: self.speaker_gender,
            person_id: self.person_id(),
            n_quotes: self.n_quotes,
            first_quote_start: self.first_quote_start,
            first_quote_idx: self.first_quote_idx,
        }
    }
}

/// One row per speaker name among an article's quote rows, in order of first statement. The rows
/// must be one article's, from one [`rows_for`]: they share its buffer.
pub fn speaker_rows(quotes: &[QuoteRow]) -> Vec<SpeakerRow> {
    let mut rows: Vec<SpeakerRow> = Vec::new();
    for quote in quotes {
        debug_assert!(Arc::ptr_eq(&quote.text, &quotes[0].text), "one article's rows");
        let Some(name) = quote.speaker_name() else { continue };
        match rows.iter_mut().find(|r| r.speaker_name() == name) {
            Some(row) => {
                row.n_quotes += 1;
                if row.speaker_title.is_none() {
                    row.speaker_title = quote.speaker_title;
                }
                // The first statement that tells more than `unknown` tells it for the speaker.
                if row.speaker_type.is_none_or(|t| t == "unknown") {
                    row.speaker_type = quote.speaker_type;
                }
                if row.speaker_gender.is_none_or(|g| g == "unknown") {
                    row.speaker_gender = quote.speaker_gender;
                }
            }
            None => rows.push(SpeakerRow {
                article_id: quote.article_id.clone(),
                text: quote.text.clone(),
                speaker_name: quote.speaker_name.expect("a name was read"),
                speaker_title: quote.speaker_title,
                speaker_type: quote.speaker_type,
                speaker_gender: quote.speaker_gender,
                person_id: quote.person_id,
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

/// Converts byte offsets into code-point offsets for one text. A code point is a byte that does
/// not continue a character begun before it (0x80–0xBF do): so the text is read once, 64 bytes
/// at a time, into each block's continuation bytes as a bit mask and how many came before the
/// block, and any offset's code point is then its byte offset less those before it.
pub struct CharOffsets {
    /// For each block of [`BLOCK`] bytes (the last one short, or empty when the text fills its
    /// blocks, so that the text's end is in one): the continuation bytes before the block, and
    /// the block's own (bit `i` for byte `i`).
    blocks: Vec<(u64, u64)>,
    ascii: bool,
}

impl CharOffsets {
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { blocks: Vec::new(), ascii: true };
        }
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut before = 0;
        let mut push = |mask: u64| {
            blocks.push((before, mask));
            before += u64::from(mask.count_ones());
        };
        let mut chunks = text.as_bytes().chunks_exact(BLOCK);
        for block in chunks.by_ref() {
            push(continuation_mask(block.try_into().expect("a whole block")));
        }
        // The last block, short or empty: it holds the text's end too.
        let rest = chunks.remainder();
        push(mask_by_byte(rest, is_continuation));
        CharOffsets { blocks, ascii: false }
    }

    /// The code-point offset of byte offset `byte`, at most the text's length.
    pub fn get(&self, byte: usize) -> u64 {
        if self.ascii {
            return byte as u64;
        }
        let (before, mask) = self.blocks[byte / BLOCK];
        let below = mask & ((1 << (byte % BLOCK)) - 1);
        byte as u64 - before - u64::from(below.count_ones())
    }
}

/// Whether byte `b` continues a character begun before it, rather than starting one.
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// A block's continuation bytes as a bit mask (bit `i` for byte `i`).
fn continuation_mask(block: &[u8; BLOCK]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_cmplt_epi8, _mm_set1_epi8};
        // 0x80–0xBF are -128 to -65 as `i8`: the bytes below -64.
        // SAFETY: SSE2 is part of x86_64 itself (see `mask_by_lane`).
        crate::blocks::mask_by_lane(block, |v| unsafe { _mm_cmplt_epi8(v, _mm_set1_epi8(-64)) })
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        mask_by_byte(block, is_continuation)
    }
}

/// A quote row's strings, written into its article's shared text.
struct Pieces {
    quote_text: Piece,
    cue: Option<Piece>,
    speaker: Option<Piece>,
    quote_parts: Piece,
    speaker_name: Option<Piece>,
    person_id: Option<Piece>,
    speaker_title: Option<Piece>,
    said_on: Option<Piece>,
    said_on_date: Option<Piece>,
    rule: Piece,
}

pub fn rows_for(article: &Article, extraction: &Extraction) -> (ArticleRow, Vec<QuoteRow>) {
    let text = &article.text;
    let mut text_len = 0;
    for quote in &extraction.quotes {
        let spans = std::iter::once(&quote.span).chain(&quote.parts).chain(&quote.cue).chain(&quote.speaker);
        text_len += spans.map(Span::len).sum::<usize>();
    }
    let chars = CharOffsets::new(text);
    let published_date = extraction.published;
    let published = published_date.map(|d| d.to_string());
    let published_days = published_date.map(crate::dates::days_since_epoch);
    // Room for the spans, and for each row's parts, name, title, date and rule besides.
    let mut row_text = RowText(String::with_capacity(text_len + 96 * extraction.quotes.len()));
    let mut ids: Vec<(&str, Option<String>)> = Vec::new();
    let pieces: Vec<Pieces> = extraction
        .quotes
        .iter()
        .map(|quote| {
            let mut slice = |span: &Span| row_text.push(&text[span.clone()]);
            let quote_text = slice(&quote.span);
            let cue = quote.cue.as_ref().map(&mut slice);
            let speaker = quote.speaker.as_ref().map(&mut slice);
            let quote_parts = row_text.write(|parts| {
                for (i, part) in quote.parts.iter().enumerate() {
                    if i > 0 {
                        parts.push(';');
                    }
                    crate::model::push_decimal(parts, chars.get(part.start), 1);
                    parts.push('-');
                    crate::model::push_decimal(parts, chars.get(part.end), 1);
                }
            });
            let speaker_name = quote.speaker_name.as_deref().map(|name| row_text.push(name));
            // (an article names its speakers again and again: each name's id is made once)
            let person_id = quote.speaker_name.as_deref().and_then(|name| {
                let id = match ids.iter().find(|(n, _)| *n == name) {
                    Some((_, id)) => id.clone(),
                    None => {
                        let id = crate::people::person_id(name);
                        ids.push((name, id.clone()));
                        id
                    }
                };
                id.map(|id| row_text.push(&id))
            });
            let speaker_title = quote.speaker_title.as_deref().map(|title| row_text.push(title));
            let said_on = quote.said_on.map(|s| row_text.write(|out| s.dated.write_iso(out)));
            let said_on_date = quote.said_on.map(|s| row_text.write(|out| s.dated.first_day().write_iso(out)));
            let rule = row_text.write(|out| {
                out.push_str(quote.rule.detector);
                out.push('/');
                out.push_str(quote.rule.attribution);
            });
            Pieces {
                quote_text,
                cue,
                speaker,
                quote_parts,
                speaker_name,
                person_id,
                speaker_title,
                said_on,
                said_on_date,
                rule,
            }
        })
        .collect();
    let shared_text: Arc<str> = row_text.0.into();
    let id: Arc<str> = article.id.as_str().into();
    let [published, outlet, title, url] =
        [&published, &article.outlet, &article.title, &article.url].map(|field| field.as_deref().map(Arc::from));
    let lang: Arc<str> = Arc::from(&*extraction.lang);
    let quotes: Vec<QuoteRow> = extraction
        .quotes
        .iter()
        .zip(pieces)
        .enumerate()
        .map(|(idx, (quote, p))| QuoteRow {
            article_id: id.clone(),
            text: shared_text.clone(),
            quote_idx: idx as u32,
            quote_text: p.quote_text,
            quote_start: chars.get(quote.span.start),
            quote_end: chars.get(quote.span.end),
            quote_type: quote.kind.as_str(),
            quote_parts: p.quote_parts,
            cue: p.cue,
            cue_start: quote.cue.as_ref().map(|s| chars.get(s.start)),
            cue_end: quote.cue.as_ref().map(|s| chars.get(s.end)),
            speaker: p.speaker,
            speaker_start: quote.speaker.as_ref().map(|s| chars.get(s.start)),
            speaker_end: quote.speaker.as_ref().map(|s| chars.get(s.end)),
            speaker_name: p.speaker_name,
            speaker_title: p.speaker_title,
            speaker_type: quote.speaker_type.map(|t| t.as_str()),
            speaker_gender: quote.speaker_type.map(|_| quote.speaker_gender.map_or("unknown", |g| g.as_str())),
            person_id: p.person_id,
            said_on: p.said_on,
            said_on_date: p.said_on_date,
            said_on_days: quote.said_on.map(|s| crate::dates::days_since_epoch(s.dated.date)),
            said_on_precision: quote.said_on.map(|s| s.dated.precision.as_str()),
            said_on_source: quote.said_on.map(|s| s.source.as_str()),
            published: published.clone(),
            published_days,
            outlet: outlet.clone(),
            title: title.clone(),
            url: url.clone(),
            lang: lang.clone(),
            rule: p.rule,
        })
        .collect();
    let unparsed = article.published.is_some() && published_date.is_none();
    let article_row = ArticleRow {
        article_id: id,
        status: "ok",
        n_quotes: quotes.len() as u32,
        n_chars: chars.get(text.len()),
        published,
        published_days,
        published_raw: article.published.clone(),
        title,
        outlet,
        url,
        author: article.author.clone(),
        lang: Some(lang),
        file: article.origin.file.clone(),
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
            speaker_type: None,
            speaker_gender: None,
            rule: crate::model::Rule { detector: "direct", attribution: "r" },
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
            lang: "en".into(),
        };
        let (_, rows) = rows_for(&article, &extraction);
        let speakers = speaker_rows(&rows);
        let got: Vec<_> = speakers
            .iter()
            .map(|r| {
                let f = r.fields();
                (f.speaker_name, f.speaker_title, f.n_quotes, f.first_quote_start, f.first_quote_idx)
            })
            .collect();
        assert_eq!(got, [("B", Some("Mayor"), 2, 0, 0), ("A", Some("Minister"), 1, 10, 1)]);
    }

    /// Every string of every row is its own piece of the article's shared buffer.
    #[test]
    fn each_row_reads_its_own_pieces_of_the_shared_buffer() {
        let text = "“Wir bauen”, sagte Ørsted. “Later,” Kim said, “more.”";
        let article = Article { id: "a".into(), text: text.into(), ..Article::default() };
        let at = |s: &str| text.find(s).unwrap();
        let span = |s: &str| at(s)..at(s) + s.len();
        let second = at("“Later")..text.len();
        let extraction = Extraction {
            quotes: vec![
                crate::model::Quote {
                    span: span("“Wir bauen”"),
                    parts: vec![span("“Wir bauen”")],
                    kind: crate::model::QuoteType::Direct,
                    cue: Some(span("sagte")),
                    speaker: Some(span("Ørsted")),
                    speaker_name: Some("Anders Ørsted".into()),
                    speaker_title: None,
                    speaker_type: None,
                    speaker_gender: None,
                    rule: crate::model::Rule { detector: "direct", attribution: "after" },
                    said_on: None,
                },
                crate::model::Quote {
                    span: second.clone(),
                    parts: vec![span("“Later,”"), span("“more.”")],
                    kind: crate::model::QuoteType::Direct,
                    cue: Some(span("said")),
                    speaker: Some(span("Kim")),
                    speaker_name: Some("Kim".into()),
                    speaker_title: Some("mayor".into()),
                    speaker_type: Some(crate::model::SpeakerType::Person),
                    speaker_gender: Some(crate::model::Gender::Female),
                    rule: crate::model::Rule { detector: "direct", attribution: "embedded" },
                    said_on: None,
                },
            ],
            published: None,
            lang: "en".into(),
        };
        let (_, rows) = rows_for(&article, &extraction);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.quote_text(), r.cue(), r.speaker(), r.speaker_name(), r.speaker_title(), r.rule()))
            .collect();
        assert_eq!(
            got,
            [
                ("“Wir bauen”", Some("sagte"), Some("Ørsted"), Some("Anders Ørsted"), None, "direct/after"),
                (&text[second], Some("said"), Some("Kim"), Some("Kim"), Some("mayor"), "direct/embedded"),
            ]
        );
        assert_eq!(rows[0].quote_parts(), "0-11");
        assert_eq!(rows[1].quote_parts(), "27-35;46-53");
    }

    #[test]
    fn code_point_offsets_count_characters_not_bytes() {
        let text = "“Ja,” sagte Ørsted.";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.get(0), 0);
        assert_eq!(offsets.get(3), 1);
        assert_eq!(offsets.get(text.len()), text.chars().count() as u64);
    }

    /// Every character boundary of texts of one- to four-byte characters, of every length
    /// around the 64-byte blocks, has the code-point offset counting the characters gives.
    #[test]
    fn code_point_offsets_hold_at_every_boundary_and_across_blocks() {
        let mut checked = 0;
        for filler in ["a", "é", "—", "🙂", "a“", "Ørsted "] {
            for count in 0..=2 * BLOCK + 1 {
                let text = format!("{}x{}", filler.repeat(count), "ü".repeat(count % 3));
                let offsets = CharOffsets::new(&text);
                for (chars, (byte, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
                    assert_eq!(offsets.get(byte), chars as u64, "{text:?} at {byte}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 6 * 130 * 2, "{checked}");
    }

    /// The block mask marks exactly the continuation bytes, for every byte value at every
    /// position of a block.
    #[test]
    fn continuation_masks_mark_exactly_the_continuation_bytes() {
        crate::blocks::assert_masks_each_byte(continuation_mask, |b| (0x80..=0xBF).contains(&b));
    }
}
