//! Dates: when each statement was made, and the article's `published` date it is reckoned from.
//!
//! # When a statement was made (`said_on`)
//! For each statement, in this order:
//! 1. A temporal expression (see [`expressions`]) in the statement's sentence, outside what was
//!    said (a date inside the quote or the reported clause is about its content): the one nearest
//!    the cue, else nearest the statement.
//! 2. Otherwise one in an earlier sentence of the same paragraph (up to three back) that names the
//!    speaker (the last word of the speaker's name or mention) or, for a pronoun speaker, the
//!    sentence just before: "Durbin and Schiff both yesterday questioned it. Schiff called it …".
//! 3. Otherwise the date in the article's dateline ("KYIV, Aug. 20 (Reuters) —").
//! 4. Otherwise the `published` date, at day precision, as the best estimate.
//!
//! `said_on_source` is `text` for 1–3 and `published` for 4; with neither, all three columns are
//! null. Expressions are resolved against the publication date (else the dateline's): a weekday
//! is the most recent such day on or before it (its own weekday is that day), "last Friday" the
//! one strictly before; a month or day without a year is the nearest not after it (a "December"
//! quote in a January article is last year's); "yesterday", "last month", "this year" count from
//! it. A relative expression with no date to count from gives nothing and the next step is tried.
//!
//! # `published`
//! Accepted: ISO 8601 dates and datetimes (`2019-01-04`, `2019-01-04T10:00:00Z`,
//! `2019-01-04 10:00:00`), RFC 2822 (`Fri, 04 Jan 2019 10:00:00 +0000`), and written dates
//! (`Jan 4, 2019`, `January 4, 2019`, `4 January 2019`, `Friday, January 4, 2019`). A datetime
//! gives the date as written in its own time zone. Anything else is `None`: the raw text is kept
//! by the writer and the article is not rejected for it.

pub mod expressions;
pub mod german;

use expressions::{Dated, Precision};

use crate::lang::Language;

use crate::doc::Doc;
use crate::model::{Quote, Span};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use rustc_hash::FxHashMap;

const DATE_FORMATS: &[&str] =
    &["%Y-%m-%d", "%Y/%m/%d", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%b. %d, %Y"];
const DATETIME_FORMATS: &[&str] =
    &["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"];

pub fn parse_published(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    // Most feeds give a plain ISO date, which every form tried before `%Y-%m-%d` fails on: it is
    // read first, by hand, as chrono trying seven forms in turn cost ~10,000 instructions an article.
    iso_date(raw).or_else(|| parse_any_form(raw))
}

/// `raw` in the first of the accepted forms that reads it.
fn parse_any_form(raw: &str) -> Option<NaiveDate> {
    if let Ok(datetime) = DateTime::parse_from_rfc3339(raw) {
        return Some(datetime.date_naive());
    }
    if let Ok(datetime) = DateTime::parse_from_rfc2822(raw) {
        return Some(datetime.date_naive());
    }
    for format in DATETIME_FORMATS {
        if let Ok(datetime) = NaiveDateTime::parse_from_str(raw, format) {
            return Some(datetime.date());
        }
    }
    DATE_FORMATS.iter().find_map(|format| NaiveDate::parse_from_str(raw, format).ok())
}

/// `YYYY-MM-DD` exactly, as `%Y-%m-%d` reads it when nothing else follows; none for any other
/// form or a day the calendar does not have.
fn iso_date(raw: &str) -> Option<NaiveDate> {
    let b = raw.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

pub use crate::model::{SaidOn, Source};

/// How many sentences back the speaker's earlier sentence is looked for.
const EARLIER_SENTENCES: usize = 3;

/// Sets `said_on` on every statement of one article; `quoted` are the spans between quote marks,
/// in order.
pub fn date_statements(doc: &Doc, published: Option<NaiveDate>, quoted: &[Span], quotes: &mut [Quote]) {
    date_statements_in(doc, published, quoted, quotes, Language::English);
}

/// [`date_statements`] for an article in `language`: its temporal expressions are that
/// language's ([`german::find`] for German), and only an English article's dateline is read.
pub fn date_statements_in(
    doc: &Doc,
    published: Option<NaiveDate>,
    quoted: &[Span],
    quotes: &mut [Quote],
    language: Language,
) {
    if quotes.is_empty() {
        return;
    }
    let dateline = if language == Language::English { dateline(doc) } else { None };
    let reference = published.or(dateline.filter(|d| d.precision == Precision::Day).map(|d| d.date));
    let mut found = SentenceExpressions { language, ranges: FxHashMap::default() };
    for quote in quotes.iter_mut() {
        let from_text = in_sentence(doc, &mut found, quote, reference)
            .or_else(|| in_earlier_sentence(doc, &mut found, quoted, quote, reference));
        quote.said_on = from_text
            .or(dateline)
            .map(|dated| SaidOn { dated, source: Source::Text })
            .or(published.map(SaidOn::published));
    }
}

/// The temporal expressions of the sentences the statements are dated from, found when first
/// asked for. Most sentences of news hold no statement and are never read for dates: scanning
/// the whole article up front was 7% of a run's instructions.
struct SentenceExpressions {
    language: Language,
    /// Token ranges (whole sentences) → the expressions in them. A map: one long article can
    /// have hundreds of thousands of statements.
    ranges: FxHashMap<(usize, usize), Vec<expressions::Found>>,
}

impl SentenceExpressions {
    /// The expressions within tokens `from..to`, which are whole sentences.
    fn within(&mut self, doc: &Doc, (from, to): (usize, usize)) -> &[expressions::Found] {
        let find = if self.language == Language::German { german::find } else { expressions::find };
        self.ranges.entry((from, to)).or_insert_with(|| find(doc, from, to))
    }
}

/// The token range of the sentences from byte `start` to byte `end`.
fn sentence_tokens(doc: &Doc, start: usize, end: usize) -> (usize, usize) {
    let first =
        doc.segments.sentence_of(start).map_or_else(|| doc.token_at_or_after(start), |s| doc.sentence_tokens(s).start);
    let last = doc
        .segments
        .sentence_of(end.saturating_sub(1))
        .map_or_else(|| doc.token_at_or_after(end), |s| doc.sentence_tokens(s).end);
    (first, last)
}

/// The expressions `found` (those of some sentences) outside `content`, resolved, with their
/// distance to token `anchor` (the cue, or where the statement starts); the nearest.
fn nearest(
    doc: &Doc,
    found: &[expressions::Found],
    content: &[Span],
    anchor: usize,
    reference: Option<NaiveDate>,
) -> Option<Dated> {
    found
        .iter()
        .filter(|f| {
            let span = doc.span_of(f.first, f.last);
            // "as of August 2025", "since 2021", "until Friday" bound a state, they do not say
            // when anything was said.
            let bound = f.first > 0
                && ["of", "since", "until", "till", "through", "by", "before", "after", "from", "to", "seit", "bis"]
                    .iter()
                    .any(|w| doc.tok(f.first - 1).eq_ignore_ascii_case(w));
            !bound
                && !content.iter().any(|c| c.start < span.end && span.start < c.end)
                && !in_relative_clause(doc, f, anchor)
        })
        .filter_map(|f| {
            let distance = if f.last < anchor { anchor - f.last } else { f.first.saturating_sub(anchor) };
            f.expression.resolve(reference).map(|d| (distance, d))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, d)| d)
}

/// Whether an expression sits in a relative clause that does not hold token `anchor` (the cue):
/// "She spoke about her husband, who was arrested in May, and promised …" — May is when he was
/// arrested, not when she spoke.
fn in_relative_clause(doc: &Doc, found: &expressions::Found, anchor: usize) -> bool {
    let boundary = |i: usize| matches!(doc.tok(i), "," | ";" | ":" | "—" | "–" | "(" | ")");
    let mut idx = found.first;
    let opened = loop {
        if idx == 0 || idx == anchor {
            return false;
        }
        idx -= 1;
        if idx == anchor || boundary(idx) {
            return false;
        }
        if doc.tok_in(idx, &["who", "which", "whom", "whose"]) {
            break idx;
        }
    };
    // The clause runs from its pronoun to the next boundary; the cue must not be inside it
    // ("Trump, who on Friday said …").
    let end = (found.last + 1..doc.tokens().len()).find(|&i| boundary(i)).unwrap_or(doc.tokens().len());
    !(opened..end).contains(&anchor)
}

fn in_sentence(
    doc: &Doc,
    found: &mut SentenceExpressions,
    quote: &Quote,
    reference: Option<NaiveDate>,
) -> Option<Dated> {
    let start = quote.cue.as_ref().map_or(quote.span.start, |c| c.start.min(quote.span.start));
    let end = quote.cue.as_ref().map_or(quote.span.end, |c| c.end.max(quote.span.end));
    let range = sentence_tokens(doc, start, end);
    let anchor = doc.token_at_or_after(quote.cue.as_ref().map_or(quote.span.start, |c| c.start));
    nearest(doc, found.within(doc, range), &quote.parts, anchor, reference)
}

fn in_earlier_sentence(
    doc: &Doc,
    found: &mut SentenceExpressions,
    quoted: &[Span],
    quote: &Quote,
    reference: Option<NaiveDate>,
) -> Option<Dated> {
    let start = quote.cue.as_ref().map_or(quote.span.start, |c| c.start.min(quote.span.start));
    let sentence = doc.segments.sentence_of(start)?;
    let paragraph = doc.segments.paragraph_of(start);
    let speaker = quote.speaker.as_ref().map(|s| &doc.text()[s.clone()]);
    let pronoun =
        speaker.is_some_and(|s| ["he", "she", "they", "it", "we", "i"].iter().any(|p| s.eq_ignore_ascii_case(p)));
    // The speaker's last word as the article writes it ("Durbin", "embassy").
    let key = quote
        .speaker_name
        .as_deref()
        .or(speaker)
        .and_then(|s| s.split_whitespace().last())
        .filter(|w| w.chars().count() >= 3);
    for back in 1..=EARLIER_SENTENCES.min(sentence) {
        let earlier = &doc.segments.sentences[sentence - back];
        if doc.segments.paragraph_of(earlier.start) != paragraph {
            break;
        }
        let names_speaker = key.is_some_and(|k| doc.text()[earlier.clone()].contains(k)) || (pronoun && back == 1);
        // "Earlier this year, …", "On Thursday, …": a time opening a sentence of the paragraph sets
        // the time of the narration that follows it.
        if !names_speaker {
            if let Some(dated) = opening_time(doc, found, sentence - back, reference) {
                return Some(dated);
            }
            continue;
        }
        let tokens = doc.sentence_tokens(sentence - back);
        let (from, to) = (tokens.start, tokens.end);
        let found = found.within(doc, (from, to));
        if found.is_empty() {
            continue;
        }
        // What others said there is no date of this statement: only the narration counts.
        let inside = &quoted[quoted.partition_point(|q| q.end <= earlier.start)..];
        let inside = &inside[..inside.partition_point(|q| q.start < earlier.end)];
        if let Some(dated) = nearest(doc, found, inside, to, reference) {
            return Some(dated);
        }
    }
    None
}

/// The time a sentence opens with, set off by a comma ("Earlier this year, …", "On Thursday, …",
/// "In March 2025, …"), resolved.
fn opening_time(
    doc: &Doc,
    found: &mut SentenceExpressions,
    sentence: usize,
    reference: Option<NaiveDate>,
) -> Option<Dated> {
    let tokens = doc.sentence_tokens(sentence);
    let opener = found.within(doc, (tokens.start, tokens.end)).first()?;
    let opens = opener.first <= tokens.start + 2 && doc.tok_is(opener.last + 1, ",");
    opens.then(|| opener.expression.resolve(reference)).flatten()
}

/// The date of a dateline ("KYIV, Aug. 20 (Reuters) —", "WASHINGTON, 20 August 2025 -"): an
/// absolute date before the first dash of the article's first 120 bytes, after a word in capitals.
fn dateline(doc: &Doc) -> Option<Dated> {
    let first_word = doc.text().split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty())?;
    if first_word.chars().count() < 2 || !first_word.chars().all(char::is_uppercase) {
        return None;
    }
    let head_end = doc.text().char_indices().nth(120).map_or(doc.text().len(), |(i, _)| i);
    let head = &doc.text()[..head_end];
    let dash =
        head.find(" — ").or_else(|| head.find(" – ")).or_else(|| head.find(" - ")).or_else(|| head.find("--"))?;
    let to = doc.token_at_or_after(dash);
    expressions::find(doc, 0, to)
        .into_iter()
        .find(|f| !f.expression.is_relative())
        .and_then(|f| f.expression.resolve(None))
}

/// Days since 1970-01-01, the physical value of an Arrow/Parquet `date32`.
pub fn days_since_epoch(date: NaiveDate) -> i32 {
    // Days from the common era's first day, less 1970-01-01's: no date made and no duration
    // taken for each of a row's two dates.
    const EPOCH_FROM_CE: i32 = 719_163;
    date.num_days_from_ce() - EPOCH_FROM_CE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: Option<&str>) {
        assert_eq!(parse_published(raw).map(|d| d.to_string()).as_deref(), expected, "{raw}");
    }

    /// The ISO fast path reads what the accepted forms read, and leaves every other string to
    /// them.
    #[test]
    fn the_iso_fast_path_reads_what_the_forms_read() {
        for raw in [
            "2019-01-04",
            "0999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2019-13-01",
            "2019-00-10",
            "2019-1-04",
            "2019-01-4 ",
            "2019/01/04",
            "20190104xx",
            "2019-01-0a",
            "+019-01-04",
            "2019-01-04T00:00",
        ] {
            assert_eq!(parse_published(raw), parse_any_form(raw.trim()), "{raw}");
        }
        assert!(iso_date("2019-01-04").is_some() && iso_date("2024-02-29").is_some());
    }

    #[test]
    fn reads_the_common_forms() {
        check("2019-01-04", Some("2019-01-04"));
        check("2019-01-04T23:30:00-05:00", Some("2019-01-04"));
        check("2019-01-04 10:00:00", Some("2019-01-04"));
        check("Fri, 04 Jan 2019 10:00:00 +0000", Some("2019-01-04"));
        check("Jan 4, 2019", Some("2019-01-04"));
        check("4 January 2019", Some("2019-01-04"));
        check("Friday, January 4, 2019", Some("2019-01-04"));
        check("last week", None);
        check("", None);
    }

    /// Each statement's (said_on, precision, source) for `text` published on `published`.
    fn said_on(text: &str, published: Option<&str>) -> Vec<(String, &'static str, &'static str)> {
        let published = published.and_then(parse_published);
        crate::extract(text, published, &crate::tokenize::FastTokenizer)
            .quotes
            .iter()
            .map(|q| {
                q.said_on
                    .map_or(("-".into(), "-", "-"), |s| (s.dated.iso(), s.dated.precision.as_str(), s.source.as_str()))
            })
            .collect()
    }

    #[test]
    fn a_statement_is_dated_by_its_own_sentence_outside_what_was_said() {
        assert_eq!(
            said_on("Trump said on Friday he may declare an emergency.", Some("2019-01-07")),
            [("2019-01-04".into(), "day", "text")]
        );
        // A date inside what was said is the content's, not the statement's.
        assert_eq!(
            said_on("Police said the crash happened on August 27 near the base.", Some("2019-10-10")),
            [("2019-10-10".into(), "day", "published")]
        );
        // A state bounded by a date ("as of August 2025") is no time of saying.
        assert_eq!(
            said_on(
                "In March 2025, Putin said the proposal is good, with no ceasefire as of August 2025.",
                Some("2025-08-20")
            ),
            [("2025-03".into(), "month", "text")]
        );
    }

    #[test]
    fn else_by_the_speakers_earlier_sentence_in_the_paragraph() {
        let text = "Durbin and Schiff both yesterday met the press. Schiff called it \"a non-starter\" then.";
        assert_eq!(said_on(text, Some("2019-01-07")), [("2019-01-06".into(), "day", "text")]);
        // Another paragraph does not date it.
        let text = "Durbin and Schiff both yesterday met the press.\n\nSchiff called it \"a non-starter\" then.";
        assert_eq!(said_on(text, Some("2019-01-07")), [("2019-01-07".into(), "day", "published")]);
    }

    /// A date in a relative clause is the clause's, not the statement's.
    #[test]
    fn a_date_in_a_relative_clause_does_not_date_the_statement() {
        let text = "She spoke about her husband, who was arrested in May, and promised to hold new elections.";
        assert_eq!(said_on(text, Some("2020-08-03")).last(), Some(&("2020-08-03".into(), "day", "published")));
        // The cue inside the relative clause is dated by it.
        let text = "It was Trump, who on Friday said the wall would be built.";
        assert_eq!(said_on(text, Some("2019-01-07")), [("2019-01-04".into(), "day", "text")]);
    }

    /// A time that opens a sentence of the paragraph ("Earlier this year, …") dates the narration
    /// after it; another paragraph's does not.
    #[test]
    fn a_time_opening_the_paragraph_dates_the_statements_after_it() {
        let text = "Earlier this year, the court banned the march. The minister said the plan was dead.";
        assert_eq!(said_on(text, Some("2020-07-08")), [("2020".into(), "year", "text")]);
        let text = "On Thursday, thousands marched. The minister said the plan was dead.";
        assert_eq!(said_on(text, Some("2020-08-03")), [("2020-07-30".into(), "day", "text")]);
        let text = "Earlier this year, the court banned the march.\n\nThe minister said the plan was dead.";
        assert_eq!(said_on(text, Some("2020-07-08")), [("2020-07-08".into(), "day", "published")]);
    }

    #[test]
    fn a_dateline_dates_the_article_when_nothing_else_does() {
        let text = "KYIV, Aug. 20, 2025 (Reuters) — Lavrov said on Tuesday the talks were over.";
        assert_eq!(said_on(text, None), [("2025-08-19".into(), "day", "text")]);
        let text = "KYIV, Aug. 20, 2025 (Reuters) — Lavrov said the talks were over.";
        assert_eq!(said_on(text, None), [("2025-08-20".into(), "day", "text")]);
    }

    #[test]
    fn without_published_only_absolute_expressions_date_a_statement() {
        assert_eq!(said_on("Trump said on Friday he may declare an emergency.", None), [("-".into(), "-", "-")]);
        assert_eq!(
            said_on("In 2021, Moscow demanded the withdrawal of the troops.", None),
            [("2021".into(), "year", "text")]
        );
    }

    #[test]
    fn counts_days_from_the_unix_epoch() {
        assert_eq!(days_since_epoch(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
        assert_eq!(days_since_epoch(NaiveDate::from_ymd_opt(1969, 12, 31).unwrap()), -1);
    }
}
