//! German temporal expressions, over tokens, as [`Expression`]s the English ones resolve with.
//!
//! Forms read: `20. August 2025`, `20. August`, `20.08.2025`, `im März 2025`, `März 2025`, a
//! month after "im", "seit", "Anfang", "Mitte", "Ende" (`Anfang Mai`), a year after "im Jahr",
//! "im", "seit" (`im Jahr 2021`); weekdays (`am Mittwoch`, `Mittwochabend`, `am vergangenen
//! Freitag`); `gestern`, `vorgestern`, `heute`, `gestrigen`, `heutigen`; `vergangene/letzte/diese
//! Woche`, the same of `Monat` and `Jahr`. Month and weekday names are data
//! (`src/lang/de/words.txt`).

use chrono::Weekday;

use super::expressions::{year_of, Expression, Found};
use crate::doc::Doc;
use crate::lang::de::GERMAN;
use crate::tokenize::TokenKind;

/// Every German temporal expression among tokens `from..to`, in order.
pub fn find(doc: &Doc, from: usize, to: usize) -> Vec<Found> {
    let to = to.min(doc.tokens().len());
    let mut out = Vec::new();
    let mut idx = from;
    while idx < to {
        match expression_at(doc, idx, to) {
            Some(found) => {
                idx = found.last + 1;
                out.push(found);
            }
            None => idx += 1,
        }
    }
    out
}

fn word(doc: &Doc, idx: usize, to: usize) -> Option<String> {
    (idx < to && doc.tokens()[idx].kind == TokenKind::Word).then(|| doc.tok(idx).to_lowercase())
}

fn is_stop(doc: &Doc, idx: usize, to: usize) -> bool {
    idx < to && doc.tok(idx) == "."
}

fn day_number(word: &str) -> Option<u32> {
    word.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

fn month_of(word: &str) -> Option<u32> {
    GERMAN.months.get(word).copied()
}

fn weekday_of(word: &str) -> Option<Weekday> {
    // "Mittwoch", "Mittwochabend", "Mittwochmorgen", "mittwochs"; not "Sonntagszeitung"
    const PARTS: &[&str] = &["", "s", "abend", "morgen", "nachmittag", "vormittag", "mittag", "nacht", "früh"];
    GERMAN
        .weekdays
        .iter()
        .find(|(name, _)| word.strip_prefix(*name).is_some_and(|rest| PARTS.contains(&rest)))
        .map(|(_, day)| *day)
}

/// The first letters of the words a German expression starts with (digits besides): a token
/// with another is none, and is not lowered (German capitalizes every noun, and a lowered string
/// a token was most of the dating's time).
const INITIALS: &[u8] = b"adfghjlmnosvADFGHJLMNOSV";

fn expression_at(doc: &Doc, idx: usize, to: usize) -> Option<Found> {
    let first = *doc.tok(idx).as_bytes().first()?;
    if !first.is_ascii_digit() && !INITIALS.contains(&first) {
        return None;
    }
    let w = word(doc, idx, to)?;
    let found = |last: usize, expression: Expression| Some(Found { first: idx, last, expression });
    // (the word before, in any case, without a lower-cased copy of it)
    let before = |words: &[&str]| idx > 0 && doc.tok_in(idx - 1, words);
    // 20. August 2025 / 20. August / 20.08.2025 as tokens
    if let Some(day) = day_number(&w) {
        let touching = |i: usize| i + 1 < to && doc.touches_next(i);
        if (idx..idx + 4).all(touching) && is_stop(doc, idx + 1, to) && is_stop(doc, idx + 3, to) {
            let month = word(doc, idx + 2, to).and_then(|m| m.parse::<u32>().ok()).filter(|m| (1..=12).contains(m));
            let year = word(doc, idx + 4, to).filter(|y| y.len() == 4).and_then(|y| year_of(&y));
            if let (Some(month), Some(year)) = (month, year) {
                return found(idx + 4, Expression::Absolute { year: Some(year), month: Some(month), day: Some(day) });
            }
        }
        if is_stop(doc, idx + 1, to) {
            if let Some(month) = word(doc, idx + 2, to).and_then(|m| month_of(&m)) {
                let year = word(doc, idx + 3, to).and_then(|y| year_of(&y));
                let last = if year.is_some() { idx + 3 } else { idx + 2 };
                return found(last, Expression::Absolute { year, month: Some(month), day: Some(day) });
            }
        }
        return None;
    }
    // März 2025 / im März / Anfang Mai
    if let Some(month) = month_of(&w) {
        if let Some(year) = word(doc, idx + 1, to).and_then(|y| year_of(&y)) {
            return found(idx + 1, Expression::Absolute { year: Some(year), month: Some(month), day: None });
        }
        if before(&["im", "seit", "anfang", "mitte", "ende", "bis", "vergangenen", "letzten"]) {
            return found(idx, Expression::Absolute { year: None, month: Some(month), day: None });
        }
        return None;
    }
    // im Jahr 2021 / im Jahre 2021 / seit 2021
    if let Some(year) = year_of(&w) {
        if before(&["jahr", "jahre", "im", "seit"]) {
            return found(idx, Expression::Absolute { year: Some(year), month: None, day: None });
        }
        return None;
    }
    if let Some(weekday) = weekday_of(&w) {
        if before(&["nächsten", "kommenden", "nächste", "kommende"]) {
            return None;
        }
        return found(idx, Expression::Weekday { weekday, last: before(&["vergangenen", "letzten", "vorigen"]) });
    }
    match w.as_str() {
        "gestern" | "gestrigen" | "gestrige" => return found(idx, Expression::Days(-1)),
        "vorgestern" => return found(idx, Expression::Days(-2)),
        "heute" | "heutigen" | "heutige" => return found(idx, Expression::Days(0)),
        _ => {}
    }
    // vergangene Woche / in dieser Woche / letzten Monat / im vergangenen Jahr
    let last = matches!(
        w.as_str(),
        "vergangene"
            | "vergangenen"
            | "vergangenes"
            | "letzte"
            | "letzten"
            | "letztes"
            | "vorige"
            | "vorigen"
            | "voriges"
    );
    let this = matches!(w.as_str(), "diese" | "dieser" | "diesen" | "dieses");
    if last || this {
        let unit = word(doc, idx + 1, to)?;
        let back = i64::from(last);
        return match unit.as_str() {
            "woche" => found(idx + 1, Expression::Week(-back)),
            "monat" | "monats" => found(idx + 1, Expression::Month(back as u32)),
            "jahr" | "jahres" => found(idx + 1, Expression::Year(back as i32)),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::lang::Language;
    use crate::tokenize::FastTokenizer;

    fn resolved(text: &str) -> Vec<String> {
        let doc = Doc::new_in(text, &FastTokenizer, Language::German);
        let reference = NaiveDate::from_ymd_opt(2025, 8, 22); // a Friday
        find(&doc, 0, doc.tokens().len())
            .iter()
            .filter_map(|f| f.expression.resolve(reference))
            .map(|d| d.iso())
            .collect()
    }

    #[test]
    fn german_dates_resolve_against_the_publication() {
        assert_eq!(resolved("Er sagte am Mittwoch, es sei vorbei."), ["2025-08-20"]);
        assert_eq!(resolved("Am vergangenen Freitag und gestern."), ["2025-08-15", "2025-08-21"]);
        assert_eq!(resolved("Am 20. August 2025 und am 3. März."), ["2025-08-20", "2025-03-03"]);
        assert_eq!(resolved("Im März 2024, Anfang Mai und im Jahr 2021."), ["2024-03", "2025-05", "2021"]);
        assert_eq!(resolved("Vergangene Woche, heute und am Mittwochabend."), ["2025-08", "2025-08-22", "2025-08-20"]);
        assert_eq!(resolved("Im vergangenen Jahr und am 20.08.2024."), ["2024", "2024-08-20"]);
        // the future and bare numbers are no date of a statement
        assert!(resolved("Am nächsten Montag kommen 20 Gäste.").is_empty());
    }
}
