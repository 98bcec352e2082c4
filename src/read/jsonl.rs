//! JSON Lines: one article object a line. Each field is read from the key the user named for it
//! or from its usual names (see [`super::columns`]); other keys are skipped unread. The text is
//! required; the first record of a file without a text field under any name is a fatal error that
//! lists the keys it has. Lines end at `\n`, `\r\n` or a lone `\r`; a UTF-8 byte order mark
//! before the first line is skipped.

use std::borrow::Cow;
use std::io::BufRead;
use std::ops::Range;
use std::sync::Arc;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::columns::{Columns, Field};
use super::{ArticleFields, RecordSource};
use crate::error::Error;
use crate::model::{Origin, Record, Reject};

pub(super) struct JsonlSource {
    input: Box<dyn BufRead + Send>,
    file: Arc<str>,
    columns: Arc<Columns>,
    line: u64,
    buf: Vec<u8>,
    /// The longest line read: a longer one is a reject, its bytes dropped as they are read.
    max_record_bytes: usize,
    done: bool,
    /// Whether a record has parsed yet: the first one decides whether the file has a text field.
    seen_record: bool,
    fatal: Option<Error>,
    /// Whether lines after the first object are handed on unparsed.
    deferred: bool,
}

impl JsonlSource {
    pub(super) fn new(
        input: Box<dyn BufRead + Send>,
        file: Arc<str>,
        columns: Arc<Columns>,
        max_record_bytes: usize,
    ) -> JsonlSource {
        JsonlSource {
            input,
            file,
            columns,
            line: 0,
            buf: Vec::new(),
            max_record_bytes,
            done: false,
            seen_record: false,
            fatal: None,
            deferred: false,
        }
    }

    fn reject(&self, article_id: Option<String>, reason: String) -> Record {
        Record::Reject(Reject { origin: Origin { file: self.file.clone(), line: Some(self.line) }, article_id, reason })
    }
}

impl JsonlSource {
    /// Reads up to the next line with something in it, appended to `buf` (its content at the
    /// range returned): `None` at the end, a reject for a line over the limit or a read error.
    fn next_line(&mut self, buf: &mut Vec<u8>) -> Option<Result<Range<usize>, Record>> {
        let start = buf.len();
        loop {
            buf.truncate(start);
            if self.done {
                return None;
            }
            self.line += 1;
            match super::read_line(&mut *self.input, buf, self.max_record_bytes) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) if n > self.max_record_bytes + 2 => {
                    // (the line end's two bytes aside)
                    let reason = format!(
                        "a line of {n} bytes, over the limit of {} MB (max_record_mb)",
                        self.max_record_bytes >> 20
                    );
                    buf.truncate(start);
                    return Some(Err(self.reject(None, reason)));
                }
                Ok(_) => {}
                Err(err) => {
                    // A read error (a gzip stream cut short, a failing disk) ends this file; what
                    // follows the error cannot be read, so it is one reject, not a silent stop.
                    self.done = true;
                    buf.truncate(start);
                    return Some(Err(self.reject(None, format!("read error: {err}"))));
                }
            }
            let mut span = start..start + trim_line(&buf[start..]).len();
            if self.line == 1 && buf[span.clone()].starts_with("\u{feff}".as_bytes()) {
                span.start += 3;
            }
            if !buf[span.clone()].iter().all(u8::is_ascii_whitespace) {
                return Some(Ok(span));
            }
        }
    }

    /// Reads its lines after the first JSON object unparsed ([`RecordSource::next_item`] gives
    /// [`Line`]s).
    pub(super) fn deferring(mut self) -> JsonlSource {
        self.deferred = true;
        self
    }
}

impl RecordSource for JsonlSource {
    fn next_record(&mut self) -> Option<Record> {
        // (read into the source's own buffer, put back for the next line)
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let next = self.next_line(&mut buf);
        let span = match next {
            Some(Ok(span)) => span,
            Some(Err(reject)) => {
                self.buf = buf;
                return Some(reject);
            }
            None => {
                self.buf = buf;
                return None;
            }
        };
        let cx = LineContext { columns: &self.columns, file: &self.file, line: self.line };
        let (object, parsed) = parse_line(&buf[span], &cx, !self.seen_record);
        self.seen_record |= object;
        self.buf = buf;
        match parsed {
            Ok(record) => Some(record),
            Err(reason) => {
                // The first record names no text field: the file's layout, not one bad record.
                self.done = true;
                self.fatal = Some(Error::UnsupportedInput { path: self.file.to_string().into(), reason });
                None
            }
        }
    }

    fn next_item(&mut self, lines: &mut Vec<u8>) -> Option<super::Item> {
        // Until its first JSON object a file is parsed here: a file without a text field stops
        // the run at once, as a stream must (it may never end).
        if !self.deferred || !self.seen_record {
            return self.next_record().map(super::Item::Record);
        }
        // (read straight into the batch's buffer of lines)
        Some(match self.next_line(lines)? {
            Ok(span) => super::Item::Line(Line {
                at: span,
                line: self.line,
                file: self.file.clone(),
                columns: self.columns.clone(),
                max_record_bytes: self.max_record_bytes,
            }),
            Err(reject) => super::Item::Record(reject),
        })
    }

    fn take_fatal(&mut self) -> Option<Error> {
        self.fatal.take()
    }
}

fn trim_line(buf: &[u8]) -> &[u8] {
    let mut line = buf;
    while let [rest @ .., b'\n' | b'\r'] = line {
        line = rest;
    }
    line
}

/// A field's value as a record gives it.
enum Value {
    Text(String),
    /// A number, written as JSON writes it (an `id` may be one).
    Number(String),
    /// A list of texts (news-please's `authors`).
    List(Vec<String>),
    /// `null`, or anything no field takes (an object, a boolean).
    Other,
}

/// The fields of one record, each with the rank of the key it came from.
#[derive(Default)]
struct Found {
    values: [Option<(usize, Value)>; Field::ALL.len()],
    /// Every key of the record, kept for the first record only (for the message of a file with
    /// no text field).
    keys: Option<Vec<String>>,
}

struct RecordSeed<'a> {
    columns: &'a Columns,
    keep_keys: bool,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Found;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Found;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        let mut found = Found { keys: self.keep_keys.then(Vec::new), ..Found::default() };
        while let Some(Key(key)) = map.next_key::<Key>()? {
            if let Some(keys) = &mut found.keys {
                keys.push(key.to_string());
            }
            match self.columns.field_of(&key) {
                Some((field, rank)) if found.values[field as usize].as_ref().is_none_or(|(r, _)| rank < *r) => {
                    found.values[field as usize] = Some((rank, map.next_value::<Value>()?));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }
}

/// An object key, borrowed from the line when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Value, E> {
                Ok(Value::Text(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Number(v.to_string()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Value, E> {
                Ok(Value::Other)
            }
            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Value>()? {
                    match item {
                        Value::Text(text) | Value::Number(text) => items.push(text),
                        Value::List(inner) => items.extend(inner),
                        Value::Other => {}
                    }
                }
                Ok(Value::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Value::Other)
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// A field as text: a string or number as written, a list joined; `None` when absent or null.
fn text_of(value: Option<(usize, Value)>) -> Option<String> {
    match value?.1 {
        Value::Text(text) | Value::Number(text) => Some(text),
        Value::List(items) => super::columns::joined(&items),
        Value::Other => None,
    }
}

/// The record of one line; `Err` with the fatal reason for a first record that has no text
/// field under any of its names.
/// Where a line is from and how its file is read: what [`parse_line`] needs of its source.
struct LineContext<'a> {
    columns: &'a Columns,
    file: &'a Arc<str>,
    line: u64,
}

impl LineContext<'_> {
    fn reject(&self, article_id: Option<String>, reason: String) -> Record {
        Record::Reject(Reject { origin: Origin { file: self.file.clone(), line: Some(self.line) }, article_id, reason })
    }
}

/// What one line is: whether it is a JSON object (its file's first such line is checked for a
/// text field), and its record; as its file's `first` object, a line without the text field
/// is an error about the file (`Err`), after it a reject.
fn parse_line(line: &[u8], cx: &LineContext, first: bool) -> (bool, Result<Record, String>) {
    let seed = RecordSeed { columns: cx.columns, keep_keys: first };
    let mut deserializer = serde_json::Deserializer::from_slice(line);
    let parsed = seed.deserialize(&mut deserializer).and_then(|found| deserializer.end().map(|()| found));
    let mut found = match parsed {
        Ok(found) => found,
        Err(err) => {
            let reason = if std::str::from_utf8(line).is_err() {
                format!("invalid UTF-8 in JSON line: {err}")
            } else {
                format!("invalid JSON: {err}")
            };
            return (false, Ok(cx.reject(salvage_id(line), reason)));
        }
    };
    (true, article_of(&mut found, cx, first))
}

/// The article of a parsed line (or its reject; `Err` for a first line without its text).
fn article_of(found: &mut Found, cx: &LineContext, first: bool) -> Result<Record, String> {
    let columns = cx.columns;
    let mut take = |field: Field| found.values[field as usize].take();
    let id = take(Field::Id);
    let text = take(Field::Text);
    let fields = ArticleFields {
        published: text_of(take(Field::Published)),
        title: text_of(take(Field::Title)),
        outlet: text_of(take(Field::Outlet)),
        url: text_of(take(Field::Url)),
        author: text_of(take(Field::Author)),
        lang: text_of(take(Field::Lang)),
    };
    let id = match id.map(|(_, value)| value) {
        Some(Value::Text(id) | Value::Number(id)) if id.trim().is_empty() => {
            return Ok(cx.reject(None, format!("empty `{}`", columns.display(Field::Id))));
        }
        Some(Value::Text(id) | Value::Number(id)) => Some(id),
        Some(Value::List(_)) => {
            return Ok(cx.reject(None, format!("`{}` is a list, not an id", columns.display(Field::Id))));
        }
        Some(Value::Other) | None => None,
    };
    let text_name = columns.display(Field::Text);
    let text = match text.map(|(_, value)| value) {
        Some(Value::Text(text)) if !text.trim().is_empty() => text,
        Some(Value::Text(_)) => return Ok(cx.reject(id, format!("empty `{text_name}`"))),
        Some(Value::Other) | None if first => {
            return Err(columns.no_text_reason(&found.keys.take().unwrap_or_default()));
        }
        Some(Value::Other) | None => return Ok(cx.reject(id, format!("missing `{text_name}`"))),
        Some(Value::Number(_) | Value::List(_)) => {
            return Ok(cx.reject(id, format!("`{text_name}` is not a string")));
        }
    };
    let origin = Origin { file: cx.file.clone(), line: Some(cx.line) };
    Ok(Record::Article(fields.into_article(id, text, origin)))
}

/// A JSON Lines record read but not yet parsed (`Reader::deferring`): a line after its
/// file's first object, which a worker parses ([`Line::parse`]), while the reader's thread only
/// finds where lines end.
pub struct Line {
    /// Where its bytes are in the buffer of lines the reader was given (one for a batch's lines:
    /// a buffer a line, allocated here and freed on a worker, had made glibc's allocator the
    /// reader's largest cost).
    at: Range<usize>,
    line: u64,
    file: Arc<str>,
    columns: Arc<Columns>,
    max_record_bytes: usize,
}

impl Line {
    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The record of the line, as [`JsonlSource`] would read it (and as `Reader` gives it: with
    /// its fields' size limits and language tag checked); `lines` is the buffer the reader was
    /// given.
    pub fn parse(self, lines: &[u8]) -> Record {
        let cx = LineContext { columns: &self.columns, file: &self.file, line: self.line };
        let (_, parsed) = parse_line(&lines[self.at.clone()], &cx, false);
        super::reject_oversized(parsed.expect("only a file's first object is an error"), self.max_record_bytes)
    }
}

fn salvage_id(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    let at = text.find("\"id\"")?;
    let rest = text[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(quoted) = rest.strip_prefix('"') {
        let end = quoted.find('"')?;
        Some(quoted[..end].to_string()).filter(|id| !id.contains('\\'))
    } else {
        let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        Some(rest[..end].to_string()).filter(|id| !id.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::columns::ColumnNames;

    fn source(input: &[u8], columns: Columns) -> JsonlSource {
        JsonlSource::new(Box::new(std::io::Cursor::new(input.to_vec())), "t".into(), Arc::new(columns), 1 << 20)
    }

    fn read(input: &[u8]) -> Vec<Record> {
        let mut source = source(input, Columns::default());
        std::iter::from_fn(|| source.next_record()).collect()
    }

    fn reasons(records: &[Record]) -> Vec<String> {
        records
            .iter()
            .map(|r| match r {
                Record::Article(a) => format!("ok {} line {:?}", a.id, a.origin.line),
                Record::Reject(r) => format!("reject {:?} line {:?}: {}", r.article_id, r.origin.line, r.reason),
            })
            .collect()
    }

    #[test]
    fn reads_articles_and_rejects_bad_lines_in_order() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\",\"source\":\"AP\"}\n\
            {\"id\":\"b\",\"text\":\n\
            \n\
            {\"id\":7,\"text\":\"  \"}\n\
            {\"id\":\"\",\"text\":\"blank id\"}\n\
            {\"id\":\"c\",\"text\":\"Two\xff\"}\n\
            {\"id\":\"d\",\"text\":\"Three.\"}\n\
            {\"id\":\"e\"}";
        let got = reasons(&read(input));
        assert_eq!(got.len(), 7, "{got:#?}");
        assert_eq!(got[0], "ok a line Some(1)");
        assert!(got[1].starts_with("reject Some(\"b\") line Some(2): invalid JSON"), "{}", got[1]);
        assert_eq!(got[2], "reject Some(\"7\") line Some(4): empty `text`");
        assert_eq!(got[3], "reject None line Some(5): empty `id`");
        assert!(got[4].starts_with("reject Some(\"c\") line Some(6): invalid UTF-8"), "{}", got[4]);
        assert_eq!(got[5], "ok d line Some(7)");
        assert_eq!(got[6], "reject Some(\"e\") line Some(8): missing `text`");
    }

    #[test]
    fn usual_names_are_read_and_lists_joined() {
        let records = read(
            b"{\"link\":\"https://www.example.org/a?b\",\"maintext\":\"x\",\"date_publish\":\"2020-01-02 10:00:00\",\
              \"authors\":[\"A One\",\"B Two\"],\"headline\":\"H\",\"extra\":{\"nested\":[1,{\"x\":null}]}}\r\n",
        );
        let Record::Article(article) = &records[0] else { panic!("{records:?}") };
        assert_eq!(article.id, "https://www.example.org/a?b");
        assert_eq!(article.text, "x");
        assert_eq!(article.published.as_deref(), Some("2020-01-02 10:00:00"));
        assert_eq!(article.author.as_deref(), Some("A One; B Two"));
        assert_eq!(article.title.as_deref(), Some("H"));
        assert_eq!(article.outlet.as_deref(), Some("example.org"), "the url's host when no outlet is given");
    }

    #[test]
    fn the_preferred_name_wins_whatever_the_key_order() {
        let records = read(b"{\"body\":\"second\",\"text\":\"first\",\"source\":\"AP\",\"outlet\":\"Reuters\"}\n");
        let Record::Article(article) = &records[0] else { panic!("{records:?}") };
        assert_eq!((article.text.as_str(), article.outlet.as_deref()), ("first", Some("Reuters")));
    }

    #[test]
    fn without_an_id_the_url_else_a_hash_of_the_text_names_the_article() {
        let records = read(b"{\"text\":\"Same words.\"}\n{\"text\":\"Same words.\",\"url\":\"  \"}\n");
        let ids: Vec<&str> = records
            .iter()
            .map(|r| match r {
                Record::Article(a) => a.id.as_str(),
                Record::Reject(r) => panic!("{r:?}"),
            })
            .collect();
        assert_eq!(ids[0], ids[1], "the same text, the same id");
        assert_eq!(ids[0], format!("{:032x}", xxhash_rust::xxh3::xxh3_128(b"Same words.")));
    }

    #[test]
    fn a_first_record_without_text_under_any_name_is_fatal_and_names_the_keys() {
        let mut source = source(b"{\"id\":\"a\",\"headline\":\"H\",\"words\":\"W\"}\n", Columns::default());
        assert!(source.next_record().is_none());
        let message = source.take_fatal().expect("a fatal error").to_string();
        assert!(message.contains("`headline`") && message.contains("`words`"), "{message}");
        assert!(message.contains("--text-column"), "{message}");
    }

    #[test]
    fn a_named_text_column_is_read_and_a_later_record_without_it_is_one_reject() {
        let columns = Columns::new(&ColumnNames { text: Some("words".into()), ..ColumnNames::default() });
        let mut source = source(b"{\"id\":\"a\",\"words\":\"W\"}\n{\"id\":\"b\",\"text\":\"T\"}\n", columns);
        let got = reasons(&std::iter::from_fn(|| source.next_record()).collect::<Vec<_>>());
        assert_eq!(got, ["ok a line Some(1)", "reject Some(\"b\") line Some(2): missing `words`"]);
        assert!(source.take_fatal().is_none());
    }

    #[test]
    fn a_byte_order_mark_and_lone_carriage_returns_are_read() {
        let got = reasons(&read(b"\xef\xbb\xbf{\"id\":\"a\",\"text\":\"x\"}\r{\"id\":\"b\",\"text\":\"y\"}\r"));
        assert_eq!(got, ["ok a line Some(1)", "ok b line Some(2)"]);
    }
}
