//! The types every stage shares: an article as read, the records a reader yields, and the quotes
//! the detectors find.
//!
//! Every span here is a byte range into the article's original text. Code-point offsets (what a
//! Python user slices with) are computed once, by `write/`, when rows are written.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use std::sync::Arc;

/// A byte range into an article's text.
pub type Span = Range<usize>;

/// One output table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Parquet,
    Csv,
    Jsonl,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Parquet => "parquet",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "parquet" => Some(Format::Parquet),
            "csv" => Some(Format::Csv),
            "jsonl" | "json" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// One article as read from an input file, before any stage has looked at it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub id: String,
    pub text: String,
    /// The publication date or datetime as the input gave it.
    pub published: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The language the input gives the article, as a tag (`en`, `de`, `en-GB`); the
    /// language it is read in is [`crate::lang::code`] of it, else told from the text.
    pub lang: Option<String>,
    pub origin: Origin,
}

/// Where a record came from: the input file, and its line (JSON Lines) or row (CSV).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: Option<u64>,
}

/// A record that could not be read as an article, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    pub origin: Origin,
    pub article_id: Option<String>,
    pub reason: String,
}

/// What a reader yields, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Article(Article),
    Reject(Reject),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteType {
    /// All of the content is inside quote marks.
    Direct,
    /// Partly inside quote marks: a quoted fragment inside reported speech.
    Mixed,
    /// No quote marks at all.
    Indirect,
}

impl QuoteType {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteType::Direct => "direct",
            QuoteType::Mixed => "mixed",
            QuoteType::Indirect => "indirect",
        }
    }
}

/// One statement found in an article, with its attribution when one was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// From the first character of the statement to its last, quote marks included: a quote
    /// interrupted by its attribution is one statement, and this span covers the interruption.
    pub span: Span,
    /// The content parts, in order, without the attribution that interrupts them.
    pub parts: Vec<Span>,
    pub kind: QuoteType,
    pub cue: Option<Span>,
    pub speaker: Option<Span>,
    /// The fullest name the article gives the speaker, or `None` where it cannot be resolved.
    pub speaker_name: Option<String>,
    pub speaker_title: Option<String>,
    /// What kind of speaker the mention names, `None` where the statement has no speaker.
    pub speaker_type: Option<SpeakerType>,
    /// The speaker's gender where the article itself says it (a pronoun used of them, an
    /// honorific, a gendered role word); never guessed from a first name.
    pub speaker_gender: Option<Gender>,
    /// The detector and attribution rule that produced this row, written `detector/attribution`.
    pub rule: Rule,
    /// When the statement was made, set by [`crate::dates::date_statements`].
    pub said_on: Option<SaidOn>,
}

/// What kind of speaker a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerType {
    Person,
    Organisation,
    /// Several people ("officials", "they", "the protesters").
    Group,
    Unknown,
}

impl SpeakerType {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organisation => "organisation",
            SpeakerType::Group => "group",
            SpeakerType::Unknown => "unknown",
        }
    }
}

/// A person's gender, as an article marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
        }
    }
}

/// The detector and attribution rule that produced a statement, written `detector/attribution`
/// ("direct/after", "indirect/according-to"): two names from the detectors' code, not a string
/// made for every statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub detector: &'static str,
    pub attribution: &'static str,
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.detector, self.attribution)
    }
}

/// What extraction gives for one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    /// The article's `published` date as read (the reference the statements were dated from).
    pub published: Option<chrono::NaiveDate>,
    /// The language the article was read in (ISO 639-1; see [`crate::lang::detect`]).
    pub lang: std::borrow::Cow<'static, str>,
}

// When a statement was made: the dates stage sets these, the writers read them.

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A date at a precision: for `Month` the day is 1, for `Year` the month and day are 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub date: NaiveDate,
    pub precision: Precision,
}

impl Dated {
    pub(crate) fn new(year: i32, month: u32, day: u32, precision: Precision) -> Option<Dated> {
        NaiveDate::from_ymd_opt(year, month, day).map(|date| Dated { date, precision })
    }

    /// ISO 8601 at its precision: `2025-08-20`, `2025-08`, `2025`.
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        self.write_iso(&mut out);
        out
    }

    /// The first day of the period, at day precision (`2025-03` → `2025-03-01`).
    pub fn first_day(&self) -> Dated {
        Dated { date: self.date, precision: Precision::Day }
    }

    /// [`Dated::iso`], appended to `out`.
    pub fn write_iso(&self, out: &mut String) {
        use std::fmt::Write;
        let (y, m, d) = (self.date.year(), self.date.month(), self.date.day());
        if !(0..=9999).contains(&y) {
            // Outside ISO 8601's four-digit years (never from news text, but a date is a date).
            let _ = match self.precision {
                Precision::Day => write!(out, "{y:04}-{m:02}-{d:02}"),
                Precision::Month => write!(out, "{y:04}-{m:02}"),
                Precision::Year => write!(out, "{y:04}"),
            };
            return;
        }
        crate::model::push_decimal(out, y as u64, 4);
        if self.precision != Precision::Year {
            out.push('-');
            crate::model::push_decimal(out, u64::from(m), 2);
        }
        if self.precision == Precision::Day {
            out.push('-');
            crate::model::push_decimal(out, u64::from(d), 2);
        }
    }
}

/// Where a statement's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Text,
    Published,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Text => "text",
            Source::Published => "published",
        }
    }
}

/// When a statement was made, as precisely as the article says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaidOn {
    pub dated: Dated,
    pub source: Source,
}

impl SaidOn {
    /// Said on the article's publication date, as the best estimate the text leaves.
    pub fn published(date: NaiveDate) -> SaidOn {
        SaidOn { dated: Dated { date, precision: Precision::Day }, source: Source::Published }
    }
}

/// Appends `n` in decimal, zero-padded to `width` digits: the dates and offset lists of the output
/// tables are written this way rather than through `format!`, which cost ~1,500 instructions a
/// date. The digits are `itoa`'s (two at a time from a table), ~180 instructions a number less
/// than a digit loop's that then checked its bytes were UTF-8.
pub fn push_decimal(out: &mut String, n: u64, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

#[cfg(test)]
mod tests {
    use super::push_decimal;

    #[test]
    fn decimals_are_zero_padded_to_their_width() {
        let mut out = String::new();
        for (n, width) in [(0, 1), (7, 2), (2025, 4), (33, 4), (18_446_744_073_709_551_615, 1), (12, 0)] {
            push_decimal(&mut out, n, width);
            out.push(' ');
        }
        assert_eq!(out, "0 07 2025 0033 18446744073709551615 12 ");
    }
}
