//! `whosaid aggregate OUT`: the corpus-wide tables, built from an output folder's quotes table
//! (a table run's, or every partition of a nightly folder): `quotations`, one row per distinct
//! quotation across everything written so far, and `people`, one row per speaker identity.
//!
//! One pass over the rows, in the order the table holds them (an article's rows together),
//! into one accumulator per quotation and per person: memory grows with the distinct quotations
//! and people (and the articles and outlets each is seen in), not with the rows. The tables are
//! written beside the quotes table, in each format it is written in, each file atomically, and
//! `aggregate.json` last: the files an aggregation wrote, the only ones the next one replaces or
//! removes (a file of the user's named `people.csv` is refused, as a table run refuses one).

use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Format;
use crate::write::AtomicFile;

/// A quotation shorter than this many words is a phrase many writers quote on their own ("a
/// non-starter"), kept out of `quotations`.
pub const MIN_WORDS: usize = 3;
/// A quotation shorter than this many words ("We'll see", "boots on the ground", "Make America
/// Great Again") is one quotation only as one person's: the same short phrase said by two people,
/// or a slogan or a programme's name quoted by several writers, is no one statement. Its key
/// holds its speaker, and without a resolved speaker it is left out.
pub const SHORT_WORDS: usize = 6;
/// A quotation of at least this many words inside a longer one by the same person is `part_of`
/// it.
pub const PART_WORDS: usize = 8;
const MANIFEST: &str = "aggregate.json";
const LOCK: &str = ".whosaid-lock";
const TABLES: [&str; 2] = ["quotations", "people"];

/// The quotes table's columns an aggregation reads.
const COLUMNS: [&str; 11] = [
    "article_id",
    "quote_text",
    "quote_type",
    "speaker",
    "speaker_name",
    "speaker_title",
    "speaker_type",
    "said_on",
    "outlet",
    "quote_parts",
    "quote_start",
];

/// What an aggregation did.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub version: &'static str,
    /// Quote rows read.
    pub rows: u64,
    pub quotations: usize,
    pub people: usize,
    /// The files written, the manifest's list.
    pub written: Vec<String>,
}

/// One row of `quotations`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotationRow {
    pub quotation_id: String,
    pub text: String,
    pub speaker_name: Option<String>,
    pub speaker_share: f64,
    pub person_id: Option<String>,
    pub first_said_on: Option<String>,
    pub first_article_id: String,
    pub first_outlet: Option<String>,
    pub last_said_on: Option<String>,
    pub n_occurrences: u64,
    pub n_articles: u64,
    pub n_outlets: u64,
    pub outlets: Vec<String>,
    pub article_ids: Vec<String>,
    pub part_of: Option<String>,
}

/// One row of `people`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonRow {
    pub person_id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub speaker_type: Option<String>,
    pub n_statements: u64,
    pub n_articles: u64,
    pub n_outlets: u64,
    pub first_said_on: Option<String>,
    pub last_said_on: Option<String>,
}

/// The key of a quotation's text, as Quotebank keys them: lower case, every run of characters
/// that are no letter or digit one space.
pub fn quotation_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let push = |c: char, key: &mut String| {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    };
    for c in text.chars() {
        // (ASCII, most of it, without the Unicode tables)
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            } else if !key.is_empty() && !key.ends_with(' ') {
                key.push(' ');
            }
        } else {
            c.to_lowercase().for_each(|c| push(c, &mut key));
        }
    }
    if key.ends_with(' ') {
        key.pop();
    }
    key
}

/// A quotation's stable id: 16 hex digits of its key's xxh3 hash.
pub fn quotation_id(key: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

const OPENING: &[char] = &['"', '“', '„', '«', '»', '‹', '‘', '‚', '\''];
const CLOSING: &[char] = &['"', '”', '“', '»', '«', '›', '’', '‘', '\''];

/// What a direct or mixed quote row quotes: a direct quote's text without its outer marks, a
/// mixed one's quoted fragments (each between a pair of double marks), joined by a space. None
/// for a mixed row with no fragment of its own.
pub fn quoted_text(text: &str, quote_type: &str) -> Option<String> {
    let text = text.trim();
    if quote_type == "direct" {
        let inner = text.trim_start_matches(OPENING).trim_end_matches(|c: char| CLOSING.contains(&c) || c == ',');
        return (!inner.is_empty()).then(|| inner.to_string());
    }
    let mut fragments: Vec<&str> = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match open {
            None if matches!(c, '"' | '“' | '„' | '«' | '»') => open = Some((at + c.len_utf8(), c)),
            Some((start, mark))
                if matches!((mark, c), ('"', '"') | ('“' | '„', '”' | '“') | ('«', '»') | ('»', '«')) =>
            {
                fragments.push(&text[start..at]);
                open = None;
            }
            _ => {}
        }
    }
    let joined = fragments.iter().map(|f| f.trim()).filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// The parts of a row's `quote_text` its `quote_parts` name (`start-end;start-end`, code-point
/// offsets into the article, the text starting at `quote_start`); the whole text where they
/// name one part or cannot be read.
fn parts_of<'t>(text: &'t str, parts: Option<&str>, start: Option<&str>) -> Vec<&'t str> {
    let whole = vec![text];
    let (Some(parts), Some(start)) = (parts, start.and_then(|s| s.parse::<usize>().ok())) else { return whole };
    if !parts.contains(';') {
        return whole;
    }
    // Each code point's byte offset in the text, and the text's end.
    let bytes: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
    let mut out = Vec::new();
    for part in parts.split(';') {
        let Some((from, to)) = part.split_once('-') else { return whole };
        let (Ok(from), Ok(to)) = (from.parse::<usize>(), to.parse::<usize>()) else { return whole };
        match (from.checked_sub(start).and_then(|f| bytes.get(f)), to.checked_sub(start).and_then(|t| bytes.get(t))) {
            (Some(&a), Some(&b)) if a <= b => out.push(&text[a..b]),
            _ => return whole,
        }
    }
    out
}

#[derive(Default)]
struct Quotation {
    text: String,
    /// How often each person (by `person_id`) is its speaker.
    speakers: HashMap<String, u64>,
    first: Option<(String, String, Option<String>)>,
    last: Option<String>,
    n: u64,
    articles: BTreeSet<String>,
    outlets: BTreeSet<String>,
}

#[derive(Default)]
struct Person {
    /// Each `speaker_name` written for them, and how often.
    names: HashMap<String, u64>,
    aliases: BTreeSet<String>,
    titles: BTreeSet<String>,
    types: HashMap<String, u64>,
    n: u64,
    articles: u64,
    last_article: String,
    outlets: BTreeSet<String>,
    first: Option<String>,
    last: Option<String>,
}

/// The most frequent of `counts`, the least in text order among equals.
fn most_frequent(counts: &HashMap<String, u64>) -> Option<(&String, u64)> {
    counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, n)| (k, *n))
}

/// The last day of a `said_on` period, as it sorts: "2015" ends "2015-12-31", "2016-03" ends
/// "2016-03-31" (a day past a short month sorts the same), a day is itself.
fn period_end(said_on: &str) -> String {
    match said_on.len() {
        4 => format!("{said_on}-12-31"),
        7 => format!("{said_on}-31"),
        _ => said_on.to_string(),
    }
}

/// Keeps in `current` the earlier (or, with `later`, the later) of it and `said_on`. A period
/// is earlier than a day only when it ends before it ("2015" is not earlier than 2015-12-03, a
/// day inside it), and later only when it starts after it: the more precise date wins inside.
fn keep(current: &mut Option<String>, said_on: &str, later: bool) {
    let replace = match current.as_deref() {
        None => true,
        Some(c) if later => said_on > c && !c.starts_with(said_on),
        // (on the same last day, the more precise: "2015-12-31" over "2015")
        Some(c) => {
            (period_end(said_on), std::cmp::Reverse(said_on.len())) < (period_end(c), std::cmp::Reverse(c.len()))
        }
    };
    if replace {
        *current = Some(said_on.to_string());
    }
}

/// Whether a speaker mention is another writing of `name` ("Mr. Trump", "President Donald
/// Trump" for Donald Trump): capitalized words (particles aside) whose key's words are all
/// `name`'s, the last the same; not a pronoun or a description ("He", "Trump's statement"), nor
/// a phrase around the name ("Now Donald Trump", "Team Trump").
/// `alias` is the mention's key, `full` the name's.
fn is_alias(mention: &str, alias: Option<&str>, full: &str) -> bool {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let capitalized = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(*w, "al" | "bin" | "de" | "del" | "der" | "van" | "von" | "da" | "di" | "la" | "le")
    });
    let Some(alias) = alias else { return false };
    let full: Vec<&str> = full.split(' ').collect();
    capitalized
        && !mention.contains(['\'', '’'])
        && alias.rsplit(' ').next() == full.last().copied()
        && alias.split(' ').all(|w| full.contains(&w))
}

/// `text` with each run of white space one space ("Donald\u{a0}Trump" is "Donald Trump").
fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a `speaker_title` is a title ("Incumbent President", "Foreign Minister") rather than
/// the longer apposition the column may hold ("who appointed Murphy to her position …").
fn is_title(title: &str) -> bool {
    title.chars().next().is_some_and(char::is_uppercase) && title.split_whitespace().count() <= 5
}

/// Each name's key and id, computed once a name: most rows repeat a name seen before.
#[derive(Default)]
struct Keys(HashMap<String, Option<(String, String)>>);

impl Keys {
    fn of(&mut self, name: &str) -> Option<&(String, String)> {
        if !self.0.contains_key(name) {
            let entry = crate::people::person_key(name).map(|key| {
                let id = crate::people::id_of_key(&key);
                (key, id)
            });
            self.0.insert(name.to_string(), entry);
        }
        self.0[name].as_ref()
    }
}

/// The two tables of the rows in `files` (`guarded`: their CSV cells behind a formula guard, see
/// [`crate::tables::read_rows`]).
pub fn tables_of(files: &[PathBuf], guarded: bool) -> Result<(Vec<QuotationRow>, Vec<PersonRow>, u64)> {
    let mut quotations: HashMap<String, Quotation> = HashMap::new();
    let mut people: HashMap<String, Person> = HashMap::new();
    let mut keys = Keys::default();
    let mut rows = 0u64;
    for file in files {
        crate::tables::read_rows(file, &COLUMNS, guarded, |row, _| {
            rows += 1;
            let field = |i: usize| row[i].as_deref().filter(|s| !s.is_empty());
            let article = field(0).unwrap_or("");
            let (outlet, date) = (field(8), field(7));
            let name = field(4);
            let person_id = name.and_then(|n| keys.of(n)).map(|(_, id)| id.clone());
            if let (Some(id), Some(name)) = (&person_id, name) {
                let full = keys.of(name).map(|(key, _)| key.clone()).unwrap_or_default();
                let alias = field(3).filter(|m| is_alias(m, keys.of(m).map(|(k, _)| k.as_str()), &full));
                let person = people.entry(id.clone()).or_default();
                *person.names.entry(name.to_string()).or_default() += 1;
                let add = |set: &mut BTreeSet<String>, text: &str| {
                    if !set.contains(text) {
                        set.insert(spaced(text));
                    }
                };
                add(&mut person.aliases, name);
                if let Some(mention) = alias {
                    add(&mut person.aliases, mention);
                }
                if let Some(title) = field(5).filter(|t| is_title(t)) {
                    add(&mut person.titles, title);
                }
                if let Some(kind) = field(6) {
                    *person.types.entry(kind.to_string()).or_default() += 1;
                }
                person.n += 1;
                if person.articles == 0 || person.last_article != article {
                    person.articles += 1;
                    person.last_article = article.to_string();
                }
                person.outlets.extend(outlet.map(str::to_string));
                if let Some(date) = date {
                    keep(&mut person.first, date, false);
                    keep(&mut person.last, date, true);
                }
            }
            let quoted = match field(2) {
                Some(kind @ ("direct" | "mixed")) => field(1).and_then(|text| {
                    // ("“A,” X said, “B.”": the parts, without the attribution between them)
                    let parts = parts_of(text, field(9), field(10));
                    let quoted: Vec<String> = parts.iter().filter_map(|part| quoted_text(part, kind)).collect();
                    (!quoted.is_empty()).then(|| quoted.join(" "))
                }),
                _ => None,
            };
            let Some(quoted) = quoted else { return Ok(()) };
            let mut key = quotation_key(&quoted);
            let words = key.split(' ').count();
            if words < MIN_WORDS {
                return Ok(());
            }
            if words < SHORT_WORDS {
                // (one person's phrase: its key holds who)
                let Some(id) = &person_id else { return Ok(()) };
                key.push_str(" @");
                key.push_str(id);
            }
            let quotation = quotations.entry(key).or_default();
            // (the longest form: by bytes, as near as characters, without counting them)
            // (among equally long forms, the least in text order, whatever the rows' order)
            if (quoted.len(), std::cmp::Reverse(&quoted)) > (quotation.text.len(), std::cmp::Reverse(&quotation.text)) {
                quotation.text = quoted;
            }
            // (by person: "Donald J. Trump" and "Donald Trump" say it as one)
            if let Some(id) = person_id {
                *quotation.speakers.entry(id).or_default() += 1;
            }
            quotation.n += 1;
            quotation.articles.insert(article.to_string());
            quotation.outlets.extend(outlet.map(str::to_string));
            // The first occurrence: the earliest date (a period as its last day: the precise
            // date inside it wins), the least article id among equals; an undated one only
            // while none is dated.
            let this = (date.unwrap_or("").to_string(), article.to_string(), outlet.map(str::to_string));
            let replace = match &quotation.first {
                None => true,
                Some(first) => match (first.0.is_empty(), this.0.is_empty()) {
                    (true, false) => true,
                    (false, true) => false,
                    _ => (period_end(&this.0), &this.1) < (period_end(&first.0), &first.1),
                },
            };
            if replace {
                quotation.first = Some(this);
            }
            if let Some(date) = date {
                keep(&mut quotation.last, date, true);
            }
            Ok(())
        })?;
    }
    let mut person_rows: Vec<PersonRow> = people
        .into_iter()
        .map(|(id, p)| {
            // The fullest form: the most words, then the most often written.
            let name = p
                .names
                .iter()
                .max_by(|a, b| {
                    let words = |s: &str| s.split_whitespace().count();
                    words(a.0).cmp(&words(b.0)).then(a.1.cmp(b.1)).then(b.0.cmp(a.0))
                })
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            PersonRow {
                person_id: id,
                name,
                aliases: p.aliases.into_iter().collect(),
                titles: p.titles.into_iter().collect(),
                speaker_type: most_frequent(&p.types).map(|(t, _)| t.clone()),
                n_statements: p.n,
                n_articles: p.articles,
                n_outlets: p.outlets.len() as u64,
                first_said_on: p.first,
                last_said_on: p.last,
            }
        })
        .collect();
    person_rows.sort_by(|a, b| b.n_statements.cmp(&a.n_statements).then(a.person_id.cmp(&b.person_id)));
    let names: HashMap<&str, &str> = person_rows.iter().map(|p| (p.person_id.as_str(), p.name.as_str())).collect();
    let quotation_rows = quotation_rows(quotations, &names);
    Ok((quotation_rows, person_rows, rows))
}

/// The quotations' rows; `names` gives each person's name in `people`.
fn quotation_rows(quotations: HashMap<String, Quotation>, names: &HashMap<&str, &str>) -> Vec<QuotationRow> {
    let mut rows: Vec<(String, QuotationRow)> = quotations
        .into_iter()
        .map(|(key, q)| {
            // The person who says it most often, named as `people` names them.
            let top = most_frequent(&q.speakers).map(|(id, n)| (id.clone(), n));
            let (first_said_on, first_article_id, first_outlet) = q.first.unwrap_or_default();
            let row = QuotationRow {
                quotation_id: quotation_id(&key),
                text: q.text,
                speaker_share: top.as_ref().map_or(0.0, |(_, n)| *n as f64 / q.n as f64),
                speaker_name: top.as_ref().and_then(|(id, _)| names.get(id.as_str()).map(|n| n.to_string())),
                person_id: top.map(|(id, _)| id),
                first_said_on: (!first_said_on.is_empty()).then_some(first_said_on),
                first_article_id,
                first_outlet,
                last_said_on: q.last,
                n_occurrences: q.n,
                n_articles: q.articles.len() as u64,
                n_outlets: q.outlets.len() as u64,
                outlets: q.outlets.into_iter().collect(),
                article_ids: q.articles.into_iter().collect(),
                part_of: None,
            };
            (key, row)
        })
        .collect();
    mark_parts(&mut rows);
    let mut rows: Vec<QuotationRow> = rows.into_iter().map(|(_, row)| row).collect();
    rows.sort_by(|a, b| b.n_occurrences.cmp(&a.n_occurrences).then(a.quotation_id.cmp(&b.quotation_id)));
    rows
}

/// Sets `part_of` of each quotation of at least [`PART_WORDS`] words that a longer quotation by
/// the same person holds, word for word: the longest such one. Each quotation's first and last
/// `PART_WORDS` words are looked up among the windows of that many words of the person's
/// longer quotations, and the fewer holders of either are compared, so the work grows with the
/// person's words, not their square (unless thousands of their quotations both open and end
/// alike).
fn mark_parts(rows: &mut [(String, QuotationRow)]) {
    use xxhash_rust::xxh3::xxh3_64;
    // (a window is its person and the hash of its words: no string a window)
    let window = |person: &str, words: &[&str]| xxh3_64(format!("{person} {}", words.join(" ")).as_bytes());
    let mut windows: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, (key, row)) in rows.iter().enumerate() {
        let Some(person) = row.person_id.as_deref() else { continue };
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() <= PART_WORDS {
            continue;
        }
        for w in words.windows(PART_WORDS) {
            let at = windows.entry(window(person, w)).or_default();
            if at.last() != Some(&i) {
                at.push(i);
            }
        }
    }
    let padded: Vec<String> = rows.iter().map(|(key, _)| format!(" {key} ")).collect();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for (i, (key, row)) in rows.iter().enumerate() {
        let Some(person) = row.person_id.as_deref() else { continue };
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() < PART_WORDS {
            continue;
        }
        // (the fewer of the quotations that hold its first words and those that hold its last:
        // a person's thousand speeches that open alike do not all meet each other)
        let first = windows.get(&window(person, &words[..PART_WORDS]));
        let last = windows.get(&window(person, &words[words.len() - PART_WORDS..]));
        let (Some(first), Some(last)) = (first, last) else { continue };
        let candidates = if first.len() <= last.len() { first } else { last };
        let whole = candidates
            .iter()
            .filter(|&&j| j != i && rows[j].0.len() > key.len() && padded[j].contains(&padded[i]))
            .max_by(|&&a, &&b| {
                rows[a].0.len().cmp(&rows[b].0.len()).then(rows[b].1.quotation_id.cmp(&rows[a].1.quotation_id))
            });
        if let Some(&j) = whole {
            parts.push((i, j));
        }
    }
    for (i, j) in parts {
        rows[i].1.part_of = Some(rows[j].1.quotation_id.clone());
    }
}

/// The state folder a nightly output folder names in its marker, if it is one.
pub(crate) fn nightly_state(out: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(out.join(crate::write::incremental::OUTPUT_MARKER)).ok()?;
    let marker: serde_json::Value = serde_json::from_str(&text).ok()?;
    marker.get("state")?.as_str().map(PathBuf::from)
}

/// Holds a nightly state's lock, as a run does; refuses a state whose last run has not finished
/// its commit (the next run completes it).
pub(crate) fn lock_state(state: &Path) -> Result<File> {
    let lock = crate::write::lock(&state.join("lock"))?;
    if state.join("commit.json").exists() {
        return Err(Error::Refused(format!(
            "the last run of the state {} did not finish its commit; run the pipeline again (it completes the \
             commit), then read its tables",
            state.display()
        )));
    }
    Ok(lock)
}

/// The files an earlier aggregation wrote in `out`, by its manifest.
fn earlier_files(out: &Path) -> Vec<String> {
    std::fs::read_to_string(out.join(MANIFEST))
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|v| v.get("written")?.as_array().cloned())
        .map(|w| w.iter().filter_map(|f| f.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Builds `quotations` and `people` from the quotes table in `out` and writes them there, in
/// the formats the quotes table is written in. With `force`, files of the user's in the way are
/// overwritten; without it, such a file stops the aggregation before anything is written.
pub fn aggregate(out: &Path, force: bool) -> Result<Summary> {
    let _lock = crate::write::lock(&out.join(LOCK))?;
    // A nightly folder's state: its lock held while the aggregation reads the partitions (a
    // run commits by renaming them), and no commit left half done by a run that died.
    let _state_lock = match nightly_state(out) {
        Some(state) => Some(lock_state(&state)?),
        None => None,
    };
    let Some((formats, files)) = crate::tables::table_files(out, "quotes")? else {
        return Err(crate::tables::unreadable(
            out,
            "no quotes table here (quotes.jsonl, quotes.csv or quotes.parquet, or a nightly run's partitions)",
        ));
    };
    let earlier = earlier_files(out);
    let manifest = out.join(MANIFEST);
    let written: Vec<String> =
        formats.iter().flat_map(|f| TABLES.iter().map(move |t| format!("{t}.{}", f.extension()))).collect();
    if !force {
        let theirs = written.iter().map(String::as_str).chain([MANIFEST]).find(|f| {
            out.join(f).exists() && !earlier.iter().any(|e| e == f) && (*f != MANIFEST || earlier.is_empty())
        });
        if let Some(theirs) = theirs {
            return Err(Error::Refused(format!(
                "{} was not written by `whosaid aggregate` (no {MANIFEST} lists it); nothing was changed: move it, \
                 or run again with --force",
                out.join(theirs).display()
            )));
        }
    }
    // (The quotes' CSV cells as the run wrote them, and the tables' as it would: a cell that a
    // spreadsheet would run behind a `'`, unless the run kept formulas.)
    let guarded = crate::tables::guards_formulas(out);
    let (quotations, people, rows) = tables_of(&files, guarded)?;
    // Before any table is replaced, the manifest lists them with the earlier ones: an
    // aggregation stopped halfway leaves no file that the next one would refuse as the user's.
    let mut publishing: Vec<String> = earlier.clone();
    publishing.extend(written.iter().filter(|f| !earlier.contains(f)).cloned());
    let intent = Summary { version: env!("CARGO_PKG_VERSION"), rows: 0, quotations: 0, people: 0, written: publishing };
    crate::write::write_json(manifest.clone(), &intent)?;
    for format in &formats {
        write_table(&out.join(format!("quotations.{}", format.extension())), *format, &quotations, guarded)?;
        write_table(&out.join(format!("people.{}", format.extension())), *format, &people, guarded)?;
    }
    for stale in earlier.iter().filter(|f| !written.contains(f) && TABLES.iter().any(|t| f.starts_with(t))) {
        if !stale.contains(['/', '\\']) {
            let _ = std::fs::remove_file(out.join(stale));
        }
    }
    let summary = Summary {
        version: env!("CARGO_PKG_VERSION"),
        rows,
        quotations: quotations.len(),
        people: people.len(),
        written,
    };
    crate::write::write_json(manifest, &summary)?;
    Ok(summary)
}

/// A table's rows as one format writes them.
trait TableRow: Serialize {
    /// The columns, and each row's values as text (a list `;`-joined) for CSV.
    fn header() -> &'static [&'static str];
    fn cells(&self) -> Vec<String>;
    fn frame(rows: &[Self]) -> polars::prelude::PolarsResult<polars::prelude::DataFrame>
    where
        Self: Sized;
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// A column's values of `rows`, for [`TableRow::frame`]: strings, counts, lists of strings.
fn strs<R>(rows: &[R], f: fn(&R) -> Option<&str>) -> Vec<Option<&str>> {
    rows.iter().map(f).collect()
}

fn ints<R>(rows: &[R], f: fn(&R) -> u64) -> Vec<u64> {
    rows.iter().map(f).collect()
}

fn lists<R>(rows: &[R], f: fn(&R) -> &Vec<String>) -> Vec<polars::prelude::Series> {
    use polars::prelude::{NamedFrom, PlSmallStr, Series};
    rows.iter().map(|r| Series::new(PlSmallStr::EMPTY, f(r).as_slice())).collect()
}

impl TableRow for QuotationRow {
    fn header() -> &'static [&'static str] {
        &[
            "quotation_id",
            "text",
            "speaker_name",
            "speaker_share",
            "person_id",
            "first_said_on",
            "first_article_id",
            "first_outlet",
            "last_said_on",
            "n_occurrences",
            "n_articles",
            "n_outlets",
            "outlets",
            "article_ids",
            "part_of",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.quotation_id.clone(),
            self.text.clone(),
            opt(&self.speaker_name),
            format!("{}", self.speaker_share),
            opt(&self.person_id),
            opt(&self.first_said_on),
            self.first_article_id.clone(),
            opt(&self.first_outlet),
            opt(&self.last_said_on),
            self.n_occurrences.to_string(),
            self.n_articles.to_string(),
            self.n_outlets.to_string(),
            self.outlets.join(";"),
            self.article_ids.join(";"),
            opt(&self.part_of),
        ]
    }
    fn frame(rows: &[Self]) -> polars::prelude::PolarsResult<polars::prelude::DataFrame> {
        use polars::prelude::*;
        let (strs, ints, lists) = (|f| strs(rows, f), |f| ints(rows, f), |f| lists(rows, f));
        DataFrame::new(
            rows.len(),
            vec![
                Column::new("quotation_id".into(), strs(|r| Some(&r.quotation_id))),
                Column::new("text".into(), strs(|r| Some(&r.text))),
                Column::new("speaker_name".into(), strs(|r| r.speaker_name.as_deref())),
                Column::new("speaker_share".into(), rows.iter().map(|r| r.speaker_share).collect::<Vec<_>>()),
                Column::new("person_id".into(), strs(|r| r.person_id.as_deref())),
                Column::new("first_said_on".into(), strs(|r| r.first_said_on.as_deref())),
                Column::new("first_article_id".into(), strs(|r| Some(&r.first_article_id))),
                Column::new("first_outlet".into(), strs(|r| r.first_outlet.as_deref())),
                Column::new("last_said_on".into(), strs(|r| r.last_said_on.as_deref())),
                Column::new("n_occurrences".into(), ints(|r| r.n_occurrences)),
                Column::new("n_articles".into(), ints(|r| r.n_articles)),
                Column::new("n_outlets".into(), ints(|r| r.n_outlets)),
                Column::new("outlets".into(), lists(|r| &r.outlets)),
                Column::new("article_ids".into(), lists(|r| &r.article_ids)),
                Column::new("part_of".into(), strs(|r| r.part_of.as_deref())),
            ],
        )
    }
}

impl TableRow for PersonRow {
    fn header() -> &'static [&'static str] {
        &[
            "person_id",
            "name",
            "aliases",
            "titles",
            "speaker_type",
            "n_statements",
            "n_articles",
            "n_outlets",
            "first_said_on",
            "last_said_on",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.person_id.clone(),
            self.name.clone(),
            self.aliases.join(";"),
            self.titles.join(";"),
            opt(&self.speaker_type),
            self.n_statements.to_string(),
            self.n_articles.to_string(),
            self.n_outlets.to_string(),
            opt(&self.first_said_on),
            opt(&self.last_said_on),
        ]
    }
    fn frame(rows: &[Self]) -> polars::prelude::PolarsResult<polars::prelude::DataFrame> {
        use polars::prelude::*;
        let (strs, ints, lists) = (|f| strs(rows, f), |f| ints(rows, f), |f| lists(rows, f));
        DataFrame::new(
            rows.len(),
            vec![
                Column::new("person_id".into(), strs(|r| Some(&r.person_id))),
                Column::new("name".into(), strs(|r| Some(&r.name))),
                Column::new("aliases".into(), lists(|r| &r.aliases)),
                Column::new("titles".into(), lists(|r| &r.titles)),
                Column::new("speaker_type".into(), strs(|r| r.speaker_type.as_deref())),
                Column::new("n_statements".into(), ints(|r| r.n_statements)),
                Column::new("n_articles".into(), ints(|r| r.n_articles)),
                Column::new("n_outlets".into(), ints(|r| r.n_outlets)),
                Column::new("first_said_on".into(), strs(|r| r.first_said_on.as_deref())),
                Column::new("last_said_on".into(), strs(|r| r.last_said_on.as_deref())),
            ],
        )
    }
}

/// Writes `rows` to `path` in `format`; `guarded`: a CSV text cell that a spreadsheet would run
/// as a formula goes behind a `'`, as the run's own tables (OWASP's advice against CSV
/// injection; a quotation may well begin with "-" or "=").
fn write_table<R: TableRow>(path: &Path, format: Format, rows: &[R], guarded: bool) -> Result<()> {
    let mut file = AtomicFile::create(path.to_path_buf())?;
    let output = |e: std::io::Error| Error::output(path, e);
    match format {
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut file, row).map_err(|e| output(e.into()))?;
                file.write_all(b"\n").map_err(output)?;
            }
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut file);
            writer.write_record(R::header()).map_err(|e| Error::Csv { path: path.to_path_buf(), source: e })?;
            let guard = |cell: String| {
                let formula = crate::write::csv_row::reads_as_formula(cell.as_bytes()) && cell.parse::<f64>().is_err();
                if guarded && formula {
                    format!("'{cell}")
                } else {
                    cell
                }
            };
            for row in rows {
                let cells = row.cells().into_iter().map(guard);
                writer.write_record(cells).map_err(|e| Error::Csv { path: path.to_path_buf(), source: e })?;
            }
            writer.flush().map_err(output)?;
        }
        Format::Parquet => {
            use polars::prelude::*;
            let parquet = |e: PolarsError| Error::Parquet { path: path.to_path_buf(), source: e };
            let mut frame = R::frame(rows).map_err(parquet)?;
            // Its Arrow types as the oldest compatibility level names them (large strings, not
            // string views): pandas turns a list of string views into no column at all.
            let arrow = frame.schema().to_arrow(CompatLevel::oldest());
            let schema = polars_parquet::arrow::write::schema_to_metadata_key(&arrow);
            ParquetWriter::new(&mut file)
                .with_compression(crate::write::parquet::compression())
                .with_key_value_metadata(Some(KeyValueMetadata::Static(vec![schema])))
                .finish(&mut frame)
                .map_err(parquet)?;
        }
    }
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quotation's key is its words in lower case: marks and spacing aside, one key.
    #[test]
    fn a_quotations_key_is_its_words() {
        assert_eq!(quotation_key("“We will not, ever, agree!”"), "we will not ever agree");
        assert_eq!(quotation_key("We will NOT ever agree"), quotation_key("we will not — ever — agree."));
        assert_eq!(quotation_id("a b c"), quotation_id(&quotation_key("A, b; C")));
    }

    /// The id is the key's hash, pinned: tables joined on it across runs break if it moves.
    #[test]
    fn a_quotations_id_is_pinned() {
        let key = quotation_key("We will not agree to any of this, ever and nobody can make us do it.");
        assert_eq!(quotation_id(&key), "3bfd26157eae1515");
    }

    /// An interrupted quote's parts are its text without the attribution between them; one
    /// part, or parts that cannot be read, leave the whole text.
    #[test]
    fn the_parts_of_an_interrupted_quote() {
        let text = "“Ça va,” he said, “très bien.”";
        assert_eq!(parts_of(text, Some("10-18;28-40"), Some("10")), ["“Ça va,”", "“très bien.”"]);
        assert_eq!(parts_of(text, Some("10-40"), Some("10")), [text]);
        assert_eq!(parts_of(text, Some("10-18;28-99"), Some("10")), [text]);
        assert_eq!(parts_of(text, None, Some("10")), [text]);
    }

    /// The earliest of two dates with the same last day is the more precise; a form of a
    /// quotation kept among equally long ones does not depend on the rows' order.
    #[test]
    fn ties_do_not_depend_on_the_rows_order() {
        for (a, b) in [("2015", "2015-12-31"), ("2015-12-31", "2015")] {
            let mut first = None;
            keep(&mut first, a, false);
            keep(&mut first, b, false);
            assert_eq!(first.as_deref(), Some("2015-12-31"));
        }
    }

    /// A direct quote quotes its text without the outer marks; a mixed one its fragments.
    #[test]
    fn what_a_row_quotes() {
        assert_eq!(quoted_text("“We will win,”", "direct").as_deref(), Some("We will win"));
        assert_eq!(
            quoted_text("the plan was “a disaster” and “a shame”", "mixed").as_deref(),
            Some("a disaster a shame")
        );
        assert_eq!(quoted_text("the plan was bad", "mixed"), None);
    }
}
