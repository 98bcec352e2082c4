//! Temporal expressions in news text, found over tokens and resolved against a reference date.
//!
//! Forms read (case as news writes them):
//! - absolute: `2025-08-20`, `Aug. 20`, `August 20`, `August 20, 2025`, `20 August`,
//!   `20 August 2025`, `March 2025`, a month after "in"/"since"/"early"/"late"/"last" (`in May`),
//!   a year after "in"/"since"/"early"/"late"/"during" (`in 2021`);
//! - weekdays: `Wednesday`, `on Wednesday`, `last Friday` (not `next Friday`);
//! - relative: `yesterday`, `today`, `tonight`, `last night`, `this morning`, `N days ago`,
//!   `this week`, `last week`, `this month`, `last month`, `this year`, `last year`.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::doc::Doc;

use crate::lang::en::ENGLISH;
pub use crate::model::{Dated, Precision};

/// What a temporal expression says, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expression {
    /// A calendar date, month or year; a missing year is the nearest one not after the reference.
    Absolute { year: Option<i32>, month: Option<u32>, day: Option<u32> },
    /// A weekday: the most recent such day on or before the reference (`last`: strictly before).
    Weekday { weekday: Weekday, last: bool },
    /// Days from the reference ("yesterday" is -1).
    Days(i64),
    /// The week of the reference (0) or the week before (-1).
    Week(i64),
    /// The month of the reference (0) or the month before (-1).
    Month(u32),
    /// The year of the reference (0) or the year before (-1).
    Year(i32),
}

impl Expression {
    /// Whether the expression needs a reference date to mean a date.
    pub fn is_relative(&self) -> bool {
        !matches!(self, Expression::Absolute { year: Some(_), .. })
    }

    /// The date the expression names, given the reference date (the article's publication).
    pub fn resolve(&self, reference: Option<NaiveDate>) -> Option<Dated> {
        if let Expression::Absolute { year: Some(year), month, day } = *self {
            return match (month, day) {
                (Some(m), Some(d)) => Dated::new(year, m, d, Precision::Day),
                (Some(m), None) => Dated::new(year, m, 1, Precision::Month),
                _ => Dated::new(year, 1, 1, Precision::Year),
            };
        }
        let r = reference?;
        match *self {
            Expression::Absolute { month: Some(m), day, .. } => {
                // The nearest such date or month not after the reference.
                let later = m > r.month() || (m == r.month() && day.is_some_and(|d| d > r.day()));
                let year = if later { r.year() - 1 } else { r.year() };
                match day {
                    Some(d) => Dated::new(year, m, d, Precision::Day),
                    None => Dated::new(year, m, 1, Precision::Month),
                }
            }
            Expression::Absolute { .. } => None,
            Expression::Weekday { weekday, last } => {
                let mut back = (r.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
                if last && back == 0 {
                    back = 7;
                }
                r.checked_sub_days(Days::new(back.into())).map(|date| Dated { date, precision: Precision::Day })
            }
            Expression::Days(offset) => {
                let date = if offset < 0 {
                    r.checked_sub_days(Days::new(offset.unsigned_abs()))
                } else {
                    r.checked_add_days(Days::new(offset as u64))
                }?;
                Some(Dated { date, precision: Precision::Day })
            }
            Expression::Week(offset) => {
                // A week within one month names that month; across two, the year; across two
                // years, nothing at a precision the table has.
                let monday = r.checked_sub_days(Days::new(r.weekday().num_days_from_monday().into()))?;
                let monday = monday.checked_sub_days(Days::new(7 * offset.unsigned_abs()))?;
                let end = if offset == 0 { r } else { monday.checked_add_days(Days::new(6))? };
                if (monday.year(), monday.month()) == (end.year(), end.month()) {
                    Dated::new(monday.year(), monday.month(), 1, Precision::Month)
                } else if monday.year() == end.year() {
                    Dated::new(monday.year(), 1, 1, Precision::Year)
                } else {
                    None
                }
            }
            Expression::Month(back) => {
                let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?.checked_sub_months(Months::new(back))?;
                Some(Dated { date: first, precision: Precision::Month })
            }
            Expression::Year(back) => Dated::new(r.year() - back, 1, 1, Precision::Year),
        }
    }
}

/// A temporal expression over tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expression: Expression,
}

fn word_at<'a>(doc: &Doc<'a>, idx: usize) -> Option<&'a str> {
    doc.is_word(idx).then(|| doc.tok(idx))
}

fn punct<'a>(doc: &Doc<'a>, idx: usize) -> Option<&'a str> {
    (idx < doc.tokens().len() && !doc.is_word(idx)).then(|| doc.tok(idx))
}

/// The lower-case first three letters of `word`, the key the month and weekday names are looked
/// up by.
fn key3(word: &str) -> Option<[u8; 3]> {
    let b = word.as_bytes();
    (b.len() >= 3).then(|| [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()])
}

fn month_of(word: &str) -> Option<u32> {
    if !(3..=9).contains(&word.len()) || !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    let month = match &key3(word)? {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    };
    // The abbreviation ("Aug", "Sept") or the full name.
    let full = ENGLISH.months.iter().find(|&&(name, m)| m == month && name.len() > 4).map_or("may", |&(name, _)| name);
    (word.len() == 3 || word.eq_ignore_ascii_case("sept") || word.eq_ignore_ascii_case(full)).then_some(month)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    if !(6..=9).contains(&word.len()) || !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    let index = match &key3(word)? {
        b"mon" => 0,
        b"tue" => 1,
        b"wed" => 2,
        b"thu" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
        _ => return None,
    };
    let (name, weekday) = ENGLISH.weekdays[index];
    word.eq_ignore_ascii_case(name).then_some(weekday)
}

/// A day of the month: `20`, `20th`, `1st`.
fn day_of(word: &str) -> Option<u32> {
    if !word.as_bytes()[0].is_ascii_digit() || word.len() > 4 {
        return None;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year written as four digits, 1900 to 2100.
pub(crate) fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// Every temporal expression among tokens `from..to`, in order.
pub fn find(doc: &Doc, from: usize, to: usize) -> Vec<Found> {
    let to = to.min(doc.tokens().len());
    let mut out = Vec::new();
    let mut idx = from;
    while idx < to {
        // An expression starts with a number or one of the `date_start_words`: the entries are
        // scanned for the next such token.
        let Some(skip) = doc.entries()[idx..to].iter().position(|e| e.may_start_date()) else { break };
        idx += skip;
        match expression_at(doc, idx, to) {
            Some(found) => {
                idx = found.last + 1;
                out.push(found);
            }
            None => idx += 1,
        }
    }
    // "Wednesday, Aug. 20": the date names the day the weekday does.
    let dated: Vec<usize> =
        out.iter().filter(|f| matches!(f.expression, Expression::Absolute { .. })).map(|f| f.first).collect();
    out.retain(|f| {
        let beside = |d: usize| d == f.last + 1 || (d == f.last + 2 && punct(doc, f.last + 1) == Some(","));
        !matches!(f.expression, Expression::Weekday { .. }) || !dated.iter().any(|&d| beside(d))
    });
    out
}

/// Whether token `idx` is its sentence's first word (after any opening quote mark or bracket).
fn opens_sentence(doc: &Doc, idx: usize) -> bool {
    let start = doc.sentence_start(doc.tokens()[idx].start());
    let first = doc.token_at_or_after(start);
    (first..idx).all(|i| !doc.is_word(i))
}

fn lower_is(doc: &Doc, idx: usize, words: &[&str]) -> bool {
    idx < doc.tokens().len() && word_at(doc, idx).is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

fn expression_at(doc: &Doc, idx: usize, to: usize) -> Option<Found> {
    let word = word_at(doc, idx)?;
    let found = |last: usize, expression: Expression| Some(Found { first: idx, last, expression });
    let before_is = |words: &[&str]| idx > 0 && lower_is(doc, idx - 1, words);
    // 2025-08-20
    if let Some(year) = year_of(word) {
        let dash = |i: usize| punct(doc, i) == Some("-") && doc.touches_next(i - 1) && doc.touches_next(i);
        if idx + 4 < to && dash(idx + 1) && dash(idx + 3) {
            let month = word_at(doc, idx + 2).and_then(|m| m.parse::<u32>().ok()).filter(|m| (1..=12).contains(m));
            let day = word_at(doc, idx + 4).and_then(day_of);
            if let (Some(month), Some(day)) = (month, day) {
                return found(idx + 4, Expression::Absolute { year: Some(year), month: Some(month), day: Some(day) });
            }
        }
        if before_is(&["in", "since", "early", "late", "during", "mid"]) {
            return found(idx, Expression::Absolute { year: Some(year), month: None, day: None });
        }
        return None;
    }
    // August 20, 2025 / Aug. 20 / March 2025 / in May
    if let Some(month) = month_of(word) {
        let mut next = idx + 1;
        if punct(doc, next) == Some(".") && doc.touches_next(idx) {
            next += 1;
        } else if word.len() == 3 && !word.eq_ignore_ascii_case("may") {
            // "Mar" without its full stop is a name as often as a month; "Aug" too.
            if next >= to || word_at(doc, next).and_then(day_of).is_none() {
                return None;
            }
        }
        if let Some(day) = word_at(doc, next).filter(|_| next < to).and_then(day_of) {
            let year_at = if punct(doc, next + 1) == Some(",") { next + 2 } else { next + 1 };
            let year = word_at(doc, year_at).filter(|_| year_at < to).and_then(year_of);
            let last = if year.is_some() { year_at } else { next };
            return found(last, Expression::Absolute { year, month: Some(month), day: Some(day) });
        }
        if let Some(year) = word_at(doc, next).filter(|_| next < to).and_then(year_of) {
            return found(next, Expression::Absolute { year: Some(year), month: Some(month), day: None });
        }
        if before_is(&["in", "since", "early", "late", "last", "mid", "during", "until"]) {
            return found(next - 1, Expression::Absolute { year: None, month: Some(month), day: None });
        }
        return None;
    }
    // 20 August 2025 (without a month after it, a number may still count days: "3 days ago")
    if let Some(day) = day_of(word) {
        if let Some(month) = word_at(doc, idx + 1).filter(|_| idx + 1 < to).and_then(month_of) {
            let mut year_at = idx + 2;
            if punct(doc, year_at) == Some(".") {
                year_at += 1;
            }
            let year = word_at(doc, year_at).filter(|_| year_at < to).and_then(year_of);
            let last = if year.is_some() { year_at } else { idx + 1 };
            return found(last, Expression::Absolute { year, month: Some(month), day: Some(day) });
        }
    }
    if let Some(weekday) = weekday_of(word) {
        if before_is(&["next", "coming"]) {
            return None;
        }
        return found(idx, Expression::Weekday { weekday, last: before_is(&["last", "past"]) });
    }
    // The rest are short lower-case words: most tokens fail on their length or first letter
    // without a comparison (this runs on every word of every statement's sentence).
    if word.len() > 9 {
        return None;
    }
    // Capitalized inside a sentence, a relative word is part of a name: "Kamloops This Week",
    // "USA Today", "Last Week Tonight".
    if doc.is_capitalized(idx) && !opens_sentence(doc, idx) {
        return None;
    }
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    let first = word.as_bytes()[0].to_ascii_lowercase();
    if first == b'y' && is("yesterday") {
        return found(idx, Expression::Days(-1));
    }
    if first == b't' && (is("today") || is("tonight")) {
        return found(idx, Expression::Days(0));
    }
    if word.len() == 4 && (is("this") || is("last")) && idx + 1 < to {
        let this = is("this");
        let next = word_at(doc, idx + 1)?;
        let next_is = |w: &str| next.eq_ignore_ascii_case(w);
        let expression = if this && (next_is("morning") || next_is("afternoon") || next_is("evening")) {
            Expression::Days(0)
        } else if !this && next_is("night") {
            Expression::Days(-1)
        } else if next_is("week") {
            Expression::Week(if this { 0 } else { -1 })
        } else if next_is("month") {
            Expression::Month(if this { 0 } else { 1 })
        } else if next_is("year") {
            Expression::Year(if this { 0 } else { 1 })
        } else {
            return None;
        };
        return found(idx + 1, expression);
    }
    // "two days ago", "3 days ago"
    let n = if word.as_bytes()[0].is_ascii_digit() {
        word.parse::<i64>().ok().filter(|n| (1..=31).contains(n))?
    } else if matches!(first, b'o' | b't' | b'f' | b's') {
        ENGLISH.numbers.iter().find(|(w, _)| is(w)).map(|&(_, n)| n)?
    } else {
        return None;
    };
    if !lower_is(doc, idx + 1, &["days", "day"]) {
        return None;
    }
    let ago = lower_is(doc, idx + 2, &["ago"]) && idx + 2 < to;
    ago.then_some(Found { first: idx, last: idx + 2, expression: Expression::Days(-n) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::FastTokenizer;

    /// A relative word capitalized inside a sentence is part of a name, not a time; at the start
    /// of a sentence (or of a quote) it is a time.
    #[test]
    fn a_capitalized_relative_word_inside_a_sentence_is_a_name() {
        assert_eq!(
            resolve("Hughes told Kamloops This Week and USA Today so.", Some("2020-07-08")),
            Vec::<String>::new()
        );
        assert_eq!(resolve("“Yesterday we won,” she said.", Some("2020-07-08")), ["2020-07-07"]);
        assert_eq!(resolve("Last month it rained.", Some("2020-07-08")), ["2020-06"]);
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Every expression in `text` resolved against `published`, as ISO strings.
    fn resolve(text: &str, published: Option<&str>) -> Vec<String> {
        let doc = Doc::new(text, &FastTokenizer);
        find(&doc, 0, doc.tokens().len())
            .iter()
            .map(|f| f.expression.resolve(published.map(date)).map_or("-".to_string(), |d| d.iso()))
            .collect()
    }

    /// The entries turn away every token but numbers and the start words, in any case: an
    /// expression that starts elsewhere would never be found.
    #[test]
    fn only_numbers_and_start_words_may_start_an_expression() {
        let words: Vec<String> =
            crate::lang::en::ENGLISH.date_start_words().flat_map(|w| [w.to_string(), w.to_ascii_uppercase()]).collect();
        let text = format!("{} 3 20th 2025 ½ Mayor Marching the said Tomorrow days ago", words.join(" "));
        let doc = Doc::new(&text, &FastTokenizer);
        let starts: Vec<&str> =
            (0..doc.tokens().len()).filter(|&i| doc.lex(i).may_start_date()).map(|i| doc.tok(i)).collect();
        let mut expected: Vec<&str> = words.iter().map(String::as_str).collect();
        expected.extend(["3", "20th", "2025"]);
        assert_eq!(starts, expected);
        for text in
            ["Tuesday", "in May", "Aug. 20", "20 August 2025", "yesterday", "last week", "two days ago", "3 days ago"]
        {
            let doc = Doc::new(text, &FastTokenizer);
            assert_eq!(find(&doc, 0, doc.tokens().len()).len(), 1, "{text}");
        }
    }

    #[test]
    fn absolute_dates_in_the_common_news_forms() {
        let text = "on 2025-08-20, on Aug. 20, on August 20, 2025, on 20 August 2025, in March 2025, in 2021";
        assert_eq!(
            resolve(text, Some("2025-08-21")),
            ["2025-08-20", "2025-08-20", "2025-08-20", "2025-08-20", "2025-03", "2021"]
        );
        // A month or a day-month without a year is the nearest one not after publication.
        assert_eq!(resolve("In May, he said. On Dec. 30 she said.", Some("2025-08-20")), ["2025-05", "2024-12-30"]);
    }

    #[test]
    fn a_december_quote_in_a_january_article_is_last_year() {
        assert_eq!(resolve("In December, she said so.", Some("2019-01-04")), ["2018-12"]);
        assert_eq!(resolve("He said so last month.", Some("2019-01-04")), ["2018-12"]);
        assert_eq!(resolve("He said so last year.", Some("2019-01-04")), ["2018"]);
    }

    #[test]
    fn weekdays_are_the_most_recent_such_day() {
        // 2025-08-20 is a Wednesday.
        assert_eq!(resolve("Lavrov on Wednesday said", Some("2025-08-20")), ["2025-08-20"]);
        assert_eq!(resolve("Lavrov last Wednesday said", Some("2025-08-20")), ["2025-08-13"]);
        // Across a week boundary: a Friday before a Monday publication.
        assert_eq!(resolve("Trump said on Friday", Some("2019-01-07")), ["2019-01-04"]);
        assert_eq!(resolve("Late on Sunday, he announced", Some("2019-10-08")), ["2019-10-06"]);
        assert_eq!(resolve("They will meet next Friday", Some("2019-10-08")), Vec::<String>::new());
        // A weekday beside a date is that date.
        assert_eq!(resolve("As of Wednesday, Aug. 20, ten nations", Some("2025-08-21")), ["2025-08-20"]);
    }

    #[test]
    fn relative_days_weeks_months_and_years() {
        assert_eq!(
            resolve("yesterday, today, last night, two days ago, this year", Some("2019-01-07")),
            ["2019-01-06", "2019-01-07", "2019-01-06", "2019-01-05", "2019"]
        );
        // A number that is no day of a month counts days too.
        assert_eq!(resolve("3 days ago, 1 day ago", Some("2019-01-07")), ["2019-01-04", "2019-01-06"]);
        // The week of Wednesday 2025-08-20 is in August; the week before 2019-01-02 is in
        // December; the week before 2019-01-09 spans two years, and 2019-01-01's own week too.
        assert_eq!(resolve("earlier this week", Some("2025-08-20")), ["2025-08"]);
        assert_eq!(resolve("This week, and today.", Some("2025-08-20")), ["2025-08", "2025-08-20"]);
        assert_eq!(resolve("last week", Some("2019-01-02")), ["2018-12"]);
        assert_eq!(resolve("last week", Some("2019-01-09")), ["-"]);
        assert_eq!(resolve("this week", Some("2019-01-01")), ["-"]);
    }

    #[test]
    fn without_a_publication_date_only_absolute_dates_resolve() {
        assert_eq!(resolve("On Friday, in March 2025, yesterday", None), ["-", "2025-03", "-"]);
    }

    #[test]
    fn words_that_only_look_like_dates_are_not() {
        assert_eq!(
            resolve("She may say so. Mar Vista said. 2021 people said.", Some("2025-08-20")),
            Vec::<String>::new()
        );
    }
}
