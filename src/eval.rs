//! `whosaid eval GOLD PRED`: a quotes table scored against hand annotations, the figures the
//! shared evaluation scorer (`score.py` of the evaluation sets beside the project) gives: a
//! differential check in `tests/eval.sh` holds the two equal on every set there. For a team
//! that annotates its own news.
//!
//! Gold is JSON Lines, one article a line: `{"id", "quotes": [{"quote_spans", "quote",
//! "speaker_span", "speaker", "speaker_name", "type", "said_on"}]}` (README, "Evaluating on your
//! own annotations"). A predicted quote matches the gold quote it covers most of, one to one,
//! best overlap first, where it covers more than 0.3 (or 0.8) of the gold's characters.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};

const THRESHOLDS: [f64; 2] = [0.3, 0.8];

use crate::tables::{io_error, unreadable};
const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "who"];
const PRONOUN_LIKE: &[&str] = &["his", "its", "their", "which", "that", "whom", "whose", "this", "these", "those"];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "its", "their", "this", "that", "some", "many", "one", "both", "several", "most"];
/// The figures the summary line gives, in its order.
const SUMMARY: [&str; 4] = ["quote_f1@0.3", "quote_f1@0.8", "speaker_acc", "e2e_f1"];
/// How the gold names a speaker, in the order the report lists them.
const KINDS: [&str; 4] = ["name", "pronoun", "nominal", "none"];

/// One annotated statement.
#[derive(Debug, Clone)]
struct GoldQuote {
    /// The content's characters, as sorted disjoint ranges.
    chars: Vec<(i64, i64)>,
    quote: String,
    speaker_span: Option<(i64, i64)>,
    speaker: Option<String>,
    speaker_name: Option<String>,
    kind: String,
    said_on: Option<String>,
}

/// One row of the quotes table.
#[derive(Debug, Clone)]
struct PredQuote {
    span: (i64, i64),
    speaker_span: Option<(i64, i64)>,
    speaker: Option<String>,
    speaker_name: Option<String>,
    said_on: Option<String>,
    text: String,
}

/// What `whosaid eval` is asked for besides the two tables.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// List up to this many missed statements, spurious rows and wrong speakers.
    pub errors: usize,
    /// Floors (`quote_f1@0.3=0.8`): the report says which figures are below theirs.
    pub floors: Vec<(String, f64, String)>,
}

/// The figures, in the order `--json` writes them, and the report as printed.
#[derive(Debug, Clone)]
pub struct Report {
    pub figures: Vec<(String, Figure)>,
    pub text: String,
    /// The figures below their floors, as the summary line names them.
    pub below: Vec<String>,
}

/// A count or a share.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    Count(usize),
    Share(f64),
}

impl Report {
    /// The figure named `key`, 0 for one the report does not have (as a floor reads it).
    pub fn get(&self, key: &str) -> f64 {
        match self.figures.iter().find(|(k, _)| k == key).map(|(_, f)| *f) {
            Some(Figure::Count(n)) => n as f64,
            Some(Figure::Share(x)) => x,
            None => 0.0,
        }
    }

    /// The figures as a JSON object, in their order.
    pub fn json(&self) -> String {
        let mut out = String::from("{\n");
        for (i, (key, figure)) in self.figures.iter().enumerate() {
            let value = match figure {
                Figure::Count(n) => n.to_string(),
                Figure::Share(x) => serde_json::to_string(x).unwrap_or_else(|_| "null".to_string()),
            };
            let comma = if i + 1 < self.figures.len() { "," } else { "" };
            let _ = writeln!(out, " {}: {value}{comma}", serde_json::to_string(key).expect("a string"));
        }
        out.push('}');
        out
    }
}

/// Parses floors written `key=value,key=value`.
pub fn parse_floors(text: &str) -> Result<Vec<(String, f64, String)>> {
    text.split(',')
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (key, value) = item
                .split_once('=')
                .ok_or_else(|| Error::Usage(format!("a floor is KEY=VALUE (quote_f1@0.3=0.8), not `{item}`")))?;
            let floor =
                value.parse::<f64>().map_err(|_| Error::Usage(format!("`{value}` in `{item}` is no number")))?;
            Ok((key.to_string(), floor, value.to_string()))
        })
        .collect()
}

/// Scores the quotes table at `pred` (a CSV, JSON Lines or Parquet file, or an output folder)
/// against the gold annotations at `gold`.
pub fn evaluate(gold: &Path, pred: &Path, options: &Options) -> Result<Report> {
    let gold = load_gold(gold)?;
    let pred = load_pred(pred)?;
    Ok(score(&gold, &pred, options))
}

/// Gold articles in file order (a later line with the same id replaces the earlier one's
/// quotes, keeping its place).
fn load_gold(path: &Path) -> Result<Vec<(String, Vec<GoldQuote>)>> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let mut articles: Vec<(String, Vec<GoldQuote>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (number, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| io_error(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| unreadable(path, format!("line {}: {what}", number + 1));
        let value: Value = serde_json::from_str(&line).map_err(|e| bad(&format!("not JSON ({e})")))?;
        let id = match value.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(other @ Value::Number(_)) => other.to_string(),
            _ => return Err(bad("an article needs an \"id\"")),
        };
        let quotes = match value.get("quotes") {
            Some(Value::Array(quotes)) => quotes.iter().map(gold_quote).collect::<Option<Vec<_>>>(),
            _ => None,
        }
        .ok_or_else(|| bad("\"quotes\" must be a list of quotes, each with \"quote_spans\" ([[start, end], …])"))?;
        match at.get(&id) {
            Some(&i) => articles[i].1 = quotes,
            None => {
                at.insert(id.clone(), articles.len());
                articles.push((id, quotes));
            }
        }
    }
    Ok(articles)
}

fn gold_quote(value: &Value) -> Option<GoldQuote> {
    let pair = |v: &Value| -> Option<(i64, i64)> {
        let a = v.as_array()?;
        Some((a.first()?.as_f64()? as i64, a.get(1)?.as_f64()? as i64))
    };
    let spans: Vec<(i64, i64)> = value.get("quote_spans")?.as_array()?.iter().map(pair).collect::<Option<_>>()?;
    let text = |key: &str| value.get(key).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_string);
    let speaker_span = match value.get("speaker_span") {
        None | Some(Value::Null) => None,
        Some(v) => Some(pair(v)?),
    };
    Some(GoldQuote {
        chars: union(spans),
        quote: value.get("quote").and_then(Value::as_str).unwrap_or("").to_string(),
        speaker_span,
        speaker: value.get("speaker").and_then(Value::as_str).map(str::to_string),
        // (as given, "" too: the errors listing prints it as score.py does; an empty name names
        // no one where speakers are judged)
        speaker_name: value.get("speaker_name").and_then(Value::as_str).map(str::to_string),
        // (the type as score.py's counter keys it: "?" where absent, "None" where null)
        kind: match value.get("type") {
            None => "?".to_string(),
            Some(Value::Null) => "None".to_string(),
            Some(Value::String(kind)) => kind.clone(),
            Some(Value::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
            Some(other) => other.to_string(),
        },
        said_on: text("said_on"),
    })
}

/// Ranges as sorted disjoint ranges, empty ones dropped.
fn union(mut spans: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    spans.retain(|(s, e)| s < e);
    spans.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The predicted quotes by article id, from the table file `path` or the quotes table of the
/// output folder `path`.
fn load_pred(path: &Path) -> Result<HashMap<String, Vec<PredQuote>>> {
    // A nightly folder's state lock, held while its partitions are read (a run commits by
    // renaming them), as `aggregate` holds it; a commit left half done is refused.
    let _state_lock = match path.is_dir().then(|| crate::aggregate::nightly_state(path)).flatten() {
        Some(state) => Some(crate::aggregate::lock_state(&state)?),
        None => None,
    };
    let files = if path.is_dir() {
        crate::tables::table_files(path, "quotes")?
            .ok_or_else(|| {
                unreadable(
                    path,
                    "no quotes table here (quotes.jsonl, quotes.csv or quotes.parquet, or partitions of one)",
                )
            })?
            .1
    } else {
        vec![path.to_path_buf()]
    };
    const COLUMNS: [&str; 10] = [
        "article_id",
        "quote_start",
        "quote_end",
        "speaker_start",
        "speaker_end",
        "speaker",
        "speaker_name",
        "said_on",
        "quote_text",
        "quote",
    ];
    // (whosaid's CSV cells behind its formula guard, where the folder is a run's)
    let folder = if path.is_dir() { Some(path) } else { path.parent() };
    let guarded = folder.is_some_and(crate::tables::guards_formulas);
    let mut pred: HashMap<String, Vec<PredQuote>> = HashMap::new();
    for file in files {
        crate::tables::read_rows(&file, &COLUMNS, guarded, |row, at| {
            let int = |i: usize| row[i].as_deref().and_then(int_of);
            let text = |i: usize| row[i].clone().filter(|s| !s.is_empty());
            let (Some(start), Some(end)) = (int(1), int(2)) else {
                return Err(unreadable(&file, format!("row {at} has no quote_start/quote_end")));
            };
            pred.entry(row[0].clone().unwrap_or_default()).or_default().push(PredQuote {
                span: (start, end),
                speaker_span: int(3).zip(int(4)),
                speaker: text(5),
                speaker_name: text(6),
                said_on: text(7),
                text: text(8).or_else(|| text(9)).unwrap_or_default(),
            });
            Ok(())
        })?;
    }
    Ok(pred)
}

/// A number written as text, truncated to an integer; none where it is empty.
fn int_of(text: &str) -> Option<i64> {
    let x: f64 = text.trim().parse().ok()?;
    x.is_finite().then_some(x.trunc() as i64)
}

/// A name's words as the scorer compares them: lower case, a possessive "'s" dropped, letters
/// and digits only, without "the" and the honorifics.
fn norm_name(name: &str) -> Vec<String> {
    let lower: Vec<char> = name.to_lowercase().chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut kept = String::with_capacity(lower.len());
    let mut i = 0;
    while i < lower.len() {
        let possessive = matches!(lower[i], '\'' | '\u{2019}')
            && lower.get(i + 1) == Some(&'s')
            && lower.get(i + 2).is_none_or(|&c| !word(c));
        if possessive {
            i += 2;
            continue;
        }
        kept.push(lower[i]);
        i += 1;
    }
    kept.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "mr" | "mrs" | "ms" | "dr"))
        .map(str::to_string)
        .collect()
}

/// Whether two names name the same one: the same words, the same last word, or one's words
/// all among the other's.
fn names_match(gold: &str, pred: &str) -> bool {
    let (g, p) = (norm_name(gold), norm_name(pred));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    if g == p || g.last() == p.last() {
        return true;
    }
    let (gs, ps): (HashSet<&String>, HashSet<&String>) = (g.iter().collect(), p.iter().collect());
    gs.is_subset(&ps) || ps.is_subset(&gs)
}

fn overlaps(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.0 < b.1 && b.0 < a.1)
}

/// One-to-one matching, best overlap first: (gold, predicted) index pairs.
fn match_quotes(gold: &[GoldQuote], pred: &[PredQuote], threshold: f64) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let gold_len: i64 = g.chars.iter().map(|(s, e)| e - s).sum();
        if gold_len == 0 {
            continue;
        }
        for (pi, p) in pred.iter().enumerate() {
            let (s, e) = p.span;
            let inter: i64 = g.chars.iter().map(|&(gs, ge)| (ge.min(e) - gs.max(s)).max(0)).sum();
            if inter == 0 {
                continue;
            }
            let covered = inter as f64 / gold_len as f64;
            if covered > threshold {
                let union = gold_len + (e - s).max(0) - inter;
                candidates.push((covered, inter as f64 / union as f64, gi, pi));
            }
        }
    }
    // (descending on every field, as a reversed sort of the tuples)
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)).then(b.2.cmp(&a.2)).then(b.3.cmp(&a.3)));
    let (mut used_gold, mut used_pred, mut pairs) = (HashSet::new(), HashSet::new(), Vec::new());
    for (_, _, gi, pi) in candidates {
        if !used_gold.contains(&gi) && !used_pred.contains(&pi) {
            used_gold.insert(gi);
            used_pred.insert(pi);
            pairs.push((gi, pi));
        }
    }
    pairs
}

/// Whether the row names the gold's speaker: by name where the gold names one, else by
/// overlapping mentions (or both without one).
fn speaker_ok(g: &GoldQuote, p: &PredQuote) -> bool {
    let predicted = |first: &Option<String>, second: &Option<String>| first.clone().or_else(|| second.clone());
    if let Some(name) = g.speaker_name.as_ref().filter(|n| !n.is_empty()) {
        return predicted(&p.speaker_name, &p.speaker).is_some_and(|p| names_match(name, &p));
    }
    let Some(span) = g.speaker_span else { return p.speaker_span.is_none() && p.speaker.is_none() };
    if overlaps(Some(span), p.speaker_span) {
        return true;
    }
    let Some(mention) = g.speaker.as_deref().filter(|s| !s.is_empty()) else { return false };
    predicted(&p.speaker, &p.speaker_name).is_some_and(|p| names_match(mention, &p))
        && norm_name(mention).last().map(String::as_str) != Some("he")
}

/// How the gold names the speaker: a name, a pronoun, a nominal ("the minister"), or none.
fn mention_kind(g: &GoldQuote) -> &'static str {
    let s = g.speaker.as_deref().unwrap_or("").trim();
    if s.is_empty() {
        return "none";
    }
    let lower = s.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) || PRONOUN_LIKE.contains(&lower.as_str()) {
        return "pronoun";
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    if DETERMINERS.contains(&first.as_str()) || !words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return "nominal";
    }
    "name"
}

fn prf(tp: usize, n_pred: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = if n_pred > 0 { tp as f64 / n_pred as f64 } else { 0.0 };
    let r = if n_gold > 0 { tp as f64 / n_gold as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// The first `n` characters of `text`.
fn prefix(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(at, _)| &text[..at])
}

/// `text` (or `None`) as Python's `repr` writes it, as the error list shows names.
fn py_repr(text: Option<&str>) -> String {
    let Some(text) = text else { return "None".to_string() };
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !printable(c) => {
                let n = c as u32;
                let _ = match n {
                    0..=0xff => write!(out, "\\x{n:02x}"),
                    0x100..=0xffff => write!(out, "\\u{n:04x}"),
                    _ => write!(out, "\\U{n:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for the characters news text holds: no control, format or
/// separator character but the space.
fn printable(c: char) -> bool {
    !(c.is_control()
        || matches!(c, '\u{a0}' | '\u{ad}' | '\u{1680}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}')
        || matches!(c, '\u{205f}'..='\u{206f}' | '\u{3000}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'))
}

fn score(gold: &[(String, Vec<GoldQuote>)], pred: &HashMap<String, Vec<PredQuote>>, options: &Options) -> Report {
    let empty: Vec<PredQuote> = Vec::new();
    let gold_ids: HashSet<&str> = gold.iter().map(|(id, _)| id.as_str()).collect();
    let unknown = pred.keys().filter(|k| !gold_ids.contains(k.as_str())).count();
    let n_gold: usize = gold.iter().map(|(_, q)| q.len()).sum();
    let n_pred: usize = gold.iter().map(|(id, _)| pred.get(id).map_or(0, Vec::len)).sum();
    let mut figures: Vec<(String, Figure)> = vec![
        ("articles".into(), Figure::Count(gold.len())),
        ("gold_quotes".into(), Figure::Count(n_gold)),
        ("pred_quotes".into(), Figure::Count(n_pred)),
    ];
    // (types in first-seen order for the counts, reported sorted)
    let mut by_type: Vec<(String, usize, usize)> = Vec::new();
    let (mut spk_ok, mut spk_span_ok, mut n_matched, mut e2e_tp, mut n_dated, mut dated_ok) = (0, 0, 0, 0, 0, 0);
    let mut missed: Vec<(&str, &str)> = Vec::new();
    let mut spurious: Vec<(&str, (i64, i64), &str)> = Vec::new();
    let mut wrong: Vec<(&str, &GoldQuote, &PredQuote)> = Vec::new();
    let mut kinds: Vec<(&'static str, usize, usize)> = Vec::new();
    for (ti, &threshold) in THRESHOLDS.iter().enumerate() {
        let mut tp = 0;
        for (id, quotes) in gold {
            let rows = pred.get(id).unwrap_or(&empty);
            let pairs = match_quotes(quotes, rows, threshold);
            tp += pairs.len();
            if ti > 0 {
                continue;
            }
            let hit_gold: HashSet<usize> = pairs.iter().map(|&(g, _)| g).collect();
            let hit_pred: HashSet<usize> = pairs.iter().map(|&(_, p)| p).collect();
            for (gi, g) in quotes.iter().enumerate() {
                let entry = match by_type.iter().position(|(t, _, _)| *t == g.kind) {
                    Some(i) => &mut by_type[i],
                    None => {
                        by_type.push((g.kind.clone(), 0, 0));
                        by_type.last_mut().expect("just pushed")
                    }
                };
                entry.1 += 1;
                if hit_gold.contains(&gi) {
                    entry.2 += 1;
                } else {
                    missed.push((id, prefix(&g.quote, 140)));
                }
            }
            for (pi, p) in rows.iter().enumerate() {
                if !hit_pred.contains(&pi) {
                    spurious.push((id, p.span, prefix(&p.text, 140)));
                }
            }
            for &(gi, pi) in &pairs {
                let (g, p) = (&quotes[gi], &rows[pi]);
                n_matched += 1;
                let ok = speaker_ok(g, p);
                spk_ok += usize::from(ok);
                e2e_tp += usize::from(ok);
                let kind = mention_kind(g);
                let entry = match kinds.iter().position(|(k, _, _)| *k == kind) {
                    Some(i) => &mut kinds[i],
                    None => {
                        kinds.push((kind, 0, 0));
                        kinds.last_mut().expect("just pushed")
                    }
                };
                entry.1 += 1;
                entry.2 += usize::from(ok);
                if !ok {
                    wrong.push((id, g, p));
                }
                if let Some(date) = &g.said_on {
                    n_dated += 1;
                    dated_ok += usize::from(p.said_on.as_deref() == Some(date.as_str()));
                }
                let span_ok =
                    overlaps(g.speaker_span, p.speaker_span) || (g.speaker_span.is_none() && p.speaker_span.is_none());
                spk_span_ok += usize::from(span_ok);
            }
        }
        let (p, r, f) = prf(tp, n_pred, n_gold);
        for (name, value) in [("quote_p", p), ("quote_r", r), ("quote_f1", f)] {
            figures.push((format!("{name}@{threshold}"), Figure::Share(value)));
        }
    }
    let share = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    figures.push(("speaker_acc".into(), Figure::Share(share(spk_ok, n_matched))));
    figures.push(("speaker_span_acc".into(), Figure::Share(share(spk_span_ok, n_matched))));
    let (e2e_p, e2e_r, e2e_f1) = prf(e2e_tp, n_pred, n_gold);
    figures.push(("e2e_p".into(), Figure::Share(e2e_p)));
    figures.push(("e2e_r".into(), Figure::Share(e2e_r)));
    figures.push(("e2e_f1".into(), Figure::Share(e2e_f1)));
    for (kind, n, ok) in &kinds {
        figures.push((format!("speaker_acc_{kind}"), Figure::Share(share(*ok, *n))));
    }
    if n_dated > 0 {
        figures.push(("said_on_acc".into(), Figure::Share(share(dated_ok, n_dated))));
    }
    by_type.sort_by(|a, b| a.0.cmp(&b.0));
    for (kind, n, hit) in &by_type {
        figures.push((format!("recall_{kind}"), Figure::Share(share(*hit, *n))));
    }

    let mut report = Report { figures, text: String::new(), below: Vec::new() };
    let fig = |key: &str| report.get(key);
    let mut out = String::new();
    let _ = write!(out, "articles {}  gold quotes {n_gold}  predicted {n_pred}", gold.len());
    if unknown > 0 {
        let _ = write!(out, "  (rows for {unknown} unknown article ids ignored)");
    }
    out.push('\n');
    for t in THRESHOLDS {
        let _ = writeln!(
            out,
            "quotes  overlap>{t}:  P {:.3}  R {:.3}  F1 {:.3}",
            fig(&format!("quote_p@{t}")),
            fig(&format!("quote_r@{t}")),
            fig(&format!("quote_f1@{t}"))
        );
    }
    let _ = writeln!(
        out,
        "speaker accuracy on matched quotes: {:.3}  (span overlap only: {:.3})",
        fig("speaker_acc"),
        fig("speaker_span_acc")
    );
    let by_kind: Vec<String> = KINDS
        .iter()
        .filter_map(|k| kinds.iter().find(|(kind, n, _)| kind == k && *n > 0))
        .map(|(k, n, ok)| format!("{k} {ok}/{n}"))
        .collect();
    let _ = writeln!(out, "speaker accuracy by how gold names the speaker: {}", by_kind.join("  "));
    let _ = writeln!(
        out,
        "end to end (quote matched at 0.3 and speaker right):  P {:.3}  R {:.3}  F1 {:.3}",
        fig("e2e_p"),
        fig("e2e_r"),
        fig("e2e_f1")
    );
    if n_dated > 0 {
        let _ = writeln!(out, "said_on right on matched quotes that gold dates: {dated_ok}/{n_dated}");
    }
    let recall: Vec<String> = by_type.iter().map(|(t, n, hit)| format!("{t} {hit}/{n}")).collect();
    let _ = writeln!(out, "recall by gold type: {}", recall.join("  "));
    let n = options.errors;
    if n > 0 {
        let _ = writeln!(out, "\nmissed (first {n}):");
        for (id, quote) in missed.iter().take(n) {
            let _ = writeln!(out, "  {id}: {quote}");
        }
        let _ = writeln!(out, "spurious (first {n}):");
        for (id, (s, e), text) in spurious.iter().take(n) {
            let _ = writeln!(out, "  {id}: ({s}, {e}) {text}");
        }
        let _ = writeln!(
            out,
            "wrong speaker on matched quotes (first {n}): gold mention -> gold name | predicted mention -> predicted name"
        );
        for (id, g, p) in wrong.iter().take(n) {
            let _ = writeln!(
                out,
                "  {id}: {} -> {} | {} -> {}",
                py_repr(g.speaker.as_deref()),
                py_repr(g.speaker_name.as_deref()),
                py_repr(p.speaker.as_deref()),
                py_repr(p.speaker_name.as_deref())
            );
        }
    }
    let below: Vec<String> = options
        .floors
        .iter()
        .filter(|(key, floor, _)| fig(key) < *floor)
        .map(|(key, _, written)| format!("{key} {:.3} < {written}", fig(key)))
        .collect();
    let summary: Vec<String> = SUMMARY.iter().map(|k| format!("{k}={:.3}", fig(k))).collect();
    let _ = write!(out, "summary: {}", summary.join(" "));
    if !below.is_empty() {
        let _ = write!(out, "  BELOW: {}", below.join("; "));
    }
    out.push('\n');
    report.text = out;
    report.below = below;
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gold quote's type and name as score.py keys and prints them: a null type is "None", an
    /// absent one "?"; an empty name is kept for the errors listing and names no one.
    #[test]
    fn a_gold_quotes_type_and_empty_name_are_read_as_score_py_reads_them() {
        let quote = |extra: &str| {
            let text = format!(r#"{{"quote_spans": [[0, 4]], "quote": "abcd"{extra}}}"#);
            gold_quote(&serde_json::from_str(&text).unwrap()).unwrap()
        };
        assert_eq!(quote(r#", "type": null"#).kind, "None");
        assert_eq!(quote("").kind, "?");
        assert_eq!(quote(r#", "type": "mixed""#).kind, "mixed");
        let named_nobody = quote(r#", "speaker_name": "", "speaker_span": null"#);
        assert_eq!(named_nobody.speaker_name.as_deref(), Some(""));
        let row = PredQuote {
            span: (0, 4),
            speaker_span: None,
            speaker: None,
            speaker_name: None,
            said_on: None,
            text: String::new(),
        };
        assert!(speaker_ok(&named_nobody, &row), "an empty gold name with no speaker is right for no speaker");
    }

    fn gold(spans: &[(i64, i64)], speaker: Option<&str>, name: Option<&str>) -> GoldQuote {
        GoldQuote {
            chars: union(spans.to_vec()),
            quote: "q".into(),
            speaker_span: speaker.map(|_| (0, 1)),
            speaker: speaker.map(str::to_string),
            speaker_name: name.map(str::to_string),
            kind: "direct".into(),
            said_on: None,
        }
    }

    fn row(span: (i64, i64), speaker: Option<&str>, name: Option<&str>) -> PredQuote {
        PredQuote {
            span,
            speaker_span: None,
            speaker: speaker.map(str::to_string),
            speaker_name: name.map(str::to_string),
            said_on: None,
            text: String::new(),
        }
    }

    /// Names compare by their words: a possessive, "the" and honorifics aside, the same last
    /// word or one's words among the other's.
    #[test]
    fn names_match_by_their_words() {
        assert_eq!(norm_name("Mr. Trump's"), ["trump"]);
        assert_eq!(norm_name("The Erdoğan’s office"), ["erdoğan", "office"]);
        assert!(names_match("Donald Trump", "Mr. Trump"));
        assert!(names_match("Erdogan's office", "Recep Tayyip Erdogan's office"));
        assert!(!names_match("Erdogan's office", "Recep Tayyip Erdoğan"));
        assert!(!names_match("Hillary Clinton", "Bill Clinton's aide"));
        assert!(!names_match("", "Trump"));
    }

    /// The best overlap wins, one to one; a row covering too little of a gold quote matches
    /// none at the strict threshold.
    #[test]
    fn matching_is_one_to_one_best_overlap_first() {
        let gold = [gold(&[(0, 10)], None, None), gold(&[(20, 30)], None, None)];
        let rows = [row((0, 30), None, None), row((20, 30), None, None), row((0, 5), None, None)];
        assert_eq!(match_quotes(&gold, &rows, 0.3), [(1, 1), (0, 0)]);
        assert_eq!(match_quotes(&gold, &rows[2..], 0.8), []);
        assert_eq!(match_quotes(&gold, &rows[2..], 0.3), [(0, 0)]);
    }

    /// A gold name is matched by the row's name, else its mention; without a gold name, by
    /// overlapping mentions; a gold quote without a speaker wants none.
    #[test]
    fn a_speaker_is_right_by_name_or_mention() {
        let named = gold(&[(0, 5)], Some("she"), Some("Hillary Clinton"));
        assert!(speaker_ok(&named, &row((0, 5), Some("she"), Some("Hillary Rodham Clinton"))));
        assert!(!speaker_ok(&named, &row((0, 5), Some("she"), None)));
        let nobody = gold(&[(0, 5)], None, None);
        assert!(speaker_ok(&nobody, &row((0, 5), None, None)));
        assert!(!speaker_ok(&nobody, &row((0, 5), Some("Trump"), None)));
        assert_eq!(mention_kind(&named), "pronoun");
        assert_eq!(mention_kind(&gold(&[(0, 5)], Some("the minister"), None)), "nominal");
        assert_eq!(mention_kind(&gold(&[(0, 5)], Some("Sergey Lavrov"), None)), "name");
    }

    /// Names in the error list are written as Python writes them.
    #[test]
    fn names_are_written_as_python_writes_them() {
        assert_eq!(py_repr(None), "None");
        assert_eq!(py_repr(Some("Trump")), "'Trump'");
        assert_eq!(py_repr(Some("Bolton’s")), "'Bolton’s'");
        assert_eq!(py_repr(Some("Erdogan's office")), "\"Erdogan's office\"");
        assert_eq!(py_repr(Some("a\u{a0}b\n")), "'a\\xa0b\\n'");
    }

    #[test]
    fn floors_are_key_value_pairs() {
        let floors = parse_floors("quote_f1@0.3=0.8,e2e_f1=0.7").unwrap();
        assert_eq!(floors[0], ("quote_f1@0.3".to_string(), 0.8, "0.8".to_string()));
        assert!(parse_floors("e2e_f1").is_err() && parse_floors("e2e_f1=high").is_err());
    }
}
