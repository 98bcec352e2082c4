//! whosaid reads news articles and answers *who said what, and when*.
//!
//! The stages, in the order data flows through them:
//! 1. [`read`]: input files → [`model::Record`]s (an article, or a reject with its reason).
//! 2. [`segment`]: an article's text → paragraphs and sentences.
//! 3. [`tokenize`]: text → word and punctuation tokens (byte spans).
//! 4. [`quotes`]: quote marks → quoted spans.
//! 5. [`speakers`]: each quoted span → a statement with its cue, speaker and resolved name.
//! 6. [`dates`]: when each statement was made, from the text or the publication date.
//! 7. [`write`](mod@write): rows → Parquet, CSV and JSON Lines tables.
//!
//! [`pipeline`] sequences the stages and is the one place that runs them in parallel. Stages 2–5
//! are plain functions over one article, gathered in [`extract`].

pub mod aggregate;
pub mod blocks;
pub mod config;
pub mod dates;
pub mod doc;
pub mod error;
pub mod eval;
pub mod interrupt;
pub mod lang;
pub mod log;
pub mod model;
pub mod people;
pub mod pipeline;
pub mod quotes;
pub mod read;
pub mod segment;
pub mod speakers;
pub mod tables;
pub mod tokenize;
pub mod write;

pub use error::{Error, Result};

use std::borrow::Cow;

use lang::Language;
use model::Extraction;
use tokenize::Tokenize;

/// Finds the statements in one English article's text, their speakers and when they were made
/// (`published` is the article's date, the reference for "on Friday" or "last month").
pub fn extract(text: &str, published: Option<chrono::NaiveDate>, tokenizer: &dyn Tokenize) -> Extraction {
    extract_in(text, published, Cow::Borrowed("en"), tokenizer)
}

/// Finds the statements in one article's text read in language `lang` (ISO 639-1, as
/// [`lang::code`] or [`lang::detect`] give it): by that language's rules, or, in a language
/// whosaid has no rules for, only the quote marks' spans, without cue or speaker.
pub fn extract_in(
    text: &str,
    published: Option<chrono::NaiveDate>,
    lang: Cow<'static, str>,
    tokenizer: &dyn Tokenize,
) -> Extraction {
    // The one place a language's rules are chosen: the `Language` is handed to the document
    // (its sentence splitting), to the rules, and to the dating.
    let language = Language::of(&lang);
    let doc = doc::Doc::new_in(text, tokenizer, language);
    let marked = quotes::marks::find_marked_spans(doc.text(), &doc.segments);
    let mut quotes = match language {
        Language::English => english(&doc, &marked),
        Language::German => speakers::german::statements(&doc, &marked),
        Language::Unsupported => marks_only(&doc, &marked),
    };
    let quoted: Vec<model::Span> = marked.iter().map(|m| m.outer.clone()).collect();
    match language {
        Language::Unsupported => quotes.iter_mut().for_each(|q| q.said_on = published.map(dates::SaidOn::published)),
        _ => dates::date_statements_in(&doc, published, &quoted, &mut quotes, language),
    }
    Extraction { quotes, published, lang }
}

/// The statements of an English article, undated.
fn english(doc: &doc::Doc, marked: &[quotes::marks::MarkedSpan]) -> Vec<model::Quote> {
    let quoted: Vec<model::Span> = marked.iter().map(|m| m.outer.clone()).collect();
    let names = speakers::names::NameIndex::build(doc, &quoted);
    // An interview's turns first: the rows inside them would be replaced by the turns' own.
    let turns = speakers::interview::Turns::of(doc);
    let mut candidates = quotes::find_candidates(doc, marked);
    // (and a picture's caption holds no one's words)
    candidates.retain(|c| !turns.holds(c.outer().start) && !speakers::in_caption(doc, c.outer().start));
    let mut quotes = speakers::attribute(doc, &names, candidates);
    // Indirect speech: anywhere the quote-mark rules found nothing, in text order with the rest.
    // A cue between quote marks, statement or not, is quoted and reports nothing.
    let rows: Vec<model::Span> = quotes.iter().map(|q| q.span.clone()).collect();
    let mut used_cues: Vec<model::Span> = quotes.iter().filter_map(|q| q.cue.clone()).collect();
    used_cues.sort_by_key(|c| c.start);
    quotes.extend(speakers::indirect::find_indirect(doc, &names, &rows, &quoted, &used_cues, &turns));
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    // An interview's turns: the questions go, each answer paragraph is the interviewee's.
    speakers::interview::attribute_turns(doc, &names, quotes, &turns)
}

/// The quoted spans of an article in a language whosaid has no rules for: each span of at least
/// [`MARKS_ONLY_MIN_WORDS`] words between quote marks, outside captions, without cue or speaker,
/// undated (the caller dates them by the article's publication).
fn marks_only(doc: &doc::Doc, marked: &[quotes::marks::MarkedSpan]) -> Vec<model::Quote> {
    quotes::find_candidates(doc, marked)
        .into_iter()
        .filter(|c| c.n_words >= MARKS_ONLY_MIN_WORDS && !speakers::in_caption(doc, c.outer().start))
        .map(|c| model::Quote {
            span: c.outer(),
            parts: vec![c.outer()],
            kind: model::QuoteType::Direct,
            cue: None,
            speaker: None,
            speaker_name: None,
            speaker_title: None,
            speaker_type: None,
            speaker_gender: None,
            rule: model::Rule { detector: "direct", attribution: "marks-only" },
            said_on: None,
        })
        .collect()
}

/// The fewest words a quote-marks-only row has: a shorter quoted span is most often a term or a
/// title ("the so-called „Wende“"), not a statement.
pub const MARKS_ONLY_MIN_WORDS: usize = 4;
