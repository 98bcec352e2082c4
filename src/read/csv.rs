//! CSV with a header row. Each field is read from the column the user named for it or from its
//! usual names (see [`super::columns`]); a header with no text column is a fatal error that
//! lists the columns it has.
//!
//! The reading thread only finds where records end ([`Scanner`]: a quoted field runs to its
//! closing quote, a doubled quote inside it is one quote, a quote inside an unquoted field is a
//! character, blank lines are skipped, as the csv crate reads them) and hands each record's
//! bytes on; the csv crate splits them into fields on a worker ([`Row::parse`]). A record's line
//! is the one its first field starts on, in LF, CRLF and CR files alike. A quoted field that
//! never closes, or not within `max_record_mb`, is a reject for the line it opened on, and the
//! reading goes on from the line after (one stray quote in row 2 of 1,000 would otherwise make
//! rows 3 to 1,000 its text).

use std::io::BufRead;
use std::ops::Range;
use std::sync::Arc;

use super::columns::{Columns, Field};
use super::{ArticleFields, Item, RecordSource};
use crate::error::Error;
use crate::model::{Origin, Record, Reject};

/// The most times one file's reading starts again after a quoted field that never closes.
const MAX_RESTARTS: usize = 10;

pub(super) struct CsvSource {
    scanner: Scanner,
    file: Arc<str>,
    columns: Arc<Columns>,
    /// Where whosaid's fields are, once the header is read.
    header: Option<Header>,
    max: usize,
    /// A record's bytes when it is made an article here, not on a worker.
    scratch: Vec<u8>,
    /// A reject to give next.
    error: Option<Record>,
    /// Times the reading started again after a quoted field that never closes.
    restarts: usize,
    done: bool,
    fatal: Option<Error>,
    /// Whether records are given as [`Row`]s, made articles on a worker.
    deferred: bool,
}

/// The column of each of whosaid's fields, and how many fields a record must have.
#[derive(Clone, Copy, Debug)]
struct Header {
    indices: [Option<usize>; Field::ALL.len()],
    n_fields: usize,
}

/// Where the scanner is in the CSV text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum At {
    /// Between records: a line end here ends a blank line, skipped.
    StartRecord,
    StartField,
    /// In a field that did not open with a quote (a quote in it is a character).
    InField,
    InQuoted,
    /// Right after a quote inside a quoted field: a second quote is one in the text, anything
    /// else closes the quotes.
    QuoteInQuoted,
    /// Reading past the rest of a line (the first of a record whose quoted field did not close
    /// within the limit).
    SkipLine,
}

/// What [`Scanner::next_raw`] found.
#[derive(Debug, PartialEq, Eq)]
enum Raw {
    /// A record, its first field on line `line`.
    Record {
        line: u64,
    },
    End,
    /// The end of the file inside a quoted field of the record starting on `line`.
    OpenAtEnd {
        line: u64,
    },
    /// A record starting on `line` ran over the limit inside a quoted field, its bytes so far
    /// read.
    OpenAtLimit {
        line: u64,
    },
    /// A record starting on `line` ran over the limit outside quotes, and was read past to its
    /// end.
    OverLimit {
        line: u64,
    },
    Error(String),
}

/// How far one [`Cursor::scan`] went.
enum Step {
    More,
    /// A record ended (its line end read).
    Ended,
    /// The record's bytes ran over the limit.
    Over,
}

/// The scanner's place: its state, the line ends read between records and at their ends (those
/// inside a record are counted when it ends), and whether the last of those was a "\r".
struct Cursor {
    at: At,
    lines: u64,
    after_cr: bool,
}

impl Cursor {
    /// A line end outside any record's bytes ("\r\n" is one).
    fn line_end(&mut self, byte: u8) {
        if !(byte == b'\n' && self.after_cr) {
            self.lines += 1;
        }
        self.after_cr = byte == b'\r';
    }

    /// Scans `chunk`, the bytes of the record starting at `out[start..]` appended to `out`:
    /// the bytes used, and whether a record ended or ran over `max` bytes. `line` becomes the
    /// line a record's first field starts on.
    fn scan(&mut self, chunk: &[u8], out: &mut Vec<u8>, start: usize, max: usize, line: &mut u64) -> (usize, Step) {
        let mut i = 0;
        while i < chunk.len() {
            let byte = chunk[i];
            // (a field is searched no further than the limit: its state there is the record's)
            let end = chunk.len().min(i.saturating_add((max.saturating_add(1)).saturating_sub(out.len() - start)));
            match self.at {
                At::StartRecord => {
                    if matches!(byte, b'\n' | b'\r') {
                        self.line_end(byte);
                        i += 1;
                        continue;
                    }
                    self.after_cr = false;
                    *line = self.lines + 1;
                    self.at = At::StartField;
                }
                // (after a quote in quotes, a second one is one in the text: quoted still)
                At::StartField | At::QuoteInQuoted => {
                    match byte {
                        b'"' => self.at = At::InQuoted,
                        b',' => self.at = At::StartField,
                        b'\n' | b'\r' => {
                            self.at = At::StartRecord;
                            self.line_end(byte);
                            return (i + 1, Step::Ended);
                        }
                        _ => {
                            self.at = At::InField;
                            continue;
                        }
                    }
                    out.push(byte);
                    i += 1;
                }
                At::InField => match memchr::memchr3(b',', b'\n', b'\r', &chunk[i..end]) {
                    None => {
                        out.extend_from_slice(&chunk[i..end]);
                        i = end;
                    }
                    Some(n) => {
                        out.extend_from_slice(&chunk[i..i + n]);
                        i += n;
                        if chunk[i] == b',' {
                            out.push(b',');
                            i += 1;
                            self.at = At::StartField;
                        } else {
                            self.at = At::StartRecord;
                            self.line_end(chunk[i]);
                            return (i + 1, Step::Ended);
                        }
                    }
                },
                At::InQuoted => match memchr::memchr(b'"', &chunk[i..end]) {
                    None => {
                        out.extend_from_slice(&chunk[i..end]);
                        i = end;
                    }
                    Some(n) => {
                        out.extend_from_slice(&chunk[i..=i + n]);
                        i += n + 1;
                        self.at = At::QuoteInQuoted;
                    }
                },
                At::SkipLine => match memchr::memchr2(b'\n', b'\r', &chunk[i..]) {
                    None => i = chunk.len(),
                    Some(n) => {
                        i += n;
                        self.at = At::StartRecord;
                        self.after_cr = false;
                        self.line_end(chunk[i]);
                        i += 1;
                    }
                },
            }
            if out.len() - start > max {
                return (i, Step::Over);
            }
        }
        (i, Step::More)
    }
}

/// The line ends inside a record's bytes ("\r\n" is one).
fn count_lines(bytes: &[u8]) -> u64 {
    memchr::memchr2_iter(b'\n', b'\r', bytes).filter(|&i| bytes[i] == b'\r' || i == 0 || bytes[i - 1] != b'\r').count()
        as u64
}

/// Finds where CSV records end in its input, copying their bytes out as they pass.
struct Scanner {
    input: Box<dyn BufRead + Send>,
    /// Bytes to read again before the input (after a quoted field that never closes).
    pushback: Vec<u8>,
    pushed: usize,
    cursor: Cursor,
    /// Whether the input's first bytes were read (a UTF-8 byte-order mark there is skipped).
    started: bool,
}

impl Scanner {
    fn new(input: Box<dyn BufRead + Send>) -> Scanner {
        Scanner {
            input,
            pushback: Vec::new(),
            pushed: 0,
            cursor: Cursor { at: At::StartRecord, lines: 0, after_cr: false },
            started: false,
        }
    }

    /// Reads the next record, its bytes (without its line end) appended to `out`; a record over
    /// `max` bytes is read past to its end, its bytes dropped.
    fn next_raw(&mut self, out: &mut Vec<u8>, max: usize) -> Raw {
        let start = out.len();
        let mut line = self.cursor.lines + 1;
        match self.advance(out, start, max, &mut line, None) {
            Err(err) => Raw::Error(err),
            Ok(Step::Ended) => {
                self.cursor.lines += count_lines(&out[start..]);
                Raw::Record { line }
            }
            Ok(Step::More) => match std::mem::replace(&mut self.cursor.at, At::StartRecord) {
                // (the end of the input)
                At::StartRecord | At::SkipLine => Raw::End,
                At::InQuoted => Raw::OpenAtEnd { line },
                At::StartField | At::InField | At::QuoteInQuoted => {
                    self.cursor.lines += count_lines(&out[start..]);
                    Raw::Record { line }
                }
            },
            // (right after a quote in quotes the field may be closing: one byte more tells, and
            // a quote that ends a field at the limit is taken as open)
            Ok(Step::Over) if matches!(self.cursor.at, At::InQuoted | At::QuoteInQuoted) => Raw::OpenAtLimit { line },
            Ok(Step::Over) => {
                // Read past to the record's end, its bytes counted for their line ends and dropped.
                self.cursor.lines += count_lines(&out[start..]);
                let last = out.last().copied().filter(|_| out.len() > start);
                out.truncate(start);
                match self.advance(out, start, usize::MAX, &mut line, Some(last)) {
                    Err(err) => Raw::Error(err),
                    Ok(_) => {
                        if self.cursor.at != At::StartRecord {
                            // (the input ended inside it)
                            self.cursor.at = At::StartRecord;
                        }
                        Raw::OverLimit { line }
                    }
                }
            }
        }
    }

    /// Scans on until a record ends, runs over `max` bytes or the input ends (`Step::More`).
    /// With `dropping` (the last byte dropped before, if any), the record's bytes are counted
    /// for their line ends and dropped as they pass: a record over the limit read past.
    fn advance(
        &mut self,
        out: &mut Vec<u8>,
        start: usize,
        max: usize,
        line: &mut u64,
        mut dropping: Option<Option<u8>>,
    ) -> Result<Step, String> {
        loop {
            let from_pushback = self.pushed < self.pushback.len();
            let chunk = if from_pushback {
                &self.pushback[self.pushed..]
            } else {
                match self.input.fill_buf() {
                    Ok(chunk) => chunk,
                    Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(err) => return Err(err.to_string()),
                }
            };
            if chunk.is_empty() {
                return Ok(Step::More);
            }
            let bom = if !self.started && chunk.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
            self.started = true;
            let (used, step) = self.cursor.scan(&chunk[bom..], out, start, max, line);
            if from_pushback {
                self.pushed += bom + used;
                if self.pushed == self.pushback.len() {
                    // (read again, and freed: it may be a record's worth)
                    self.pushback = Vec::new();
                    self.pushed = 0;
                }
            } else {
                self.input.consume(bom + used);
            }
            if let Some(before) = dropping {
                // ("\r\n" may be split between two reads: one line end)
                let dropped = &out[start..];
                let split = before == Some(b'\r') && dropped.first() == Some(&b'\n');
                self.cursor.lines += count_lines(dropped) - u64::from(split);
                dropping = Some(dropped.last().copied().or(before));
                out.truncate(start);
            }
            if !matches!(step, Step::More) {
                return Ok(step);
            }
        }
    }

    /// After a record starting on `line` whose bytes so far are `out[start..]` (taken out):
    /// reads on from the line after `line`, those bytes read again (or, where that line runs
    /// on past them, after reading past the rest of it).
    fn restart_after_first_line(&mut self, out: &mut Vec<u8>, start: usize, line: u64) {
        let record = &out[start..];
        self.cursor.at = At::StartRecord;
        self.cursor.lines = line;
        match memchr::memchr2(b'\n', b'\r', record) {
            Some(end) => {
                let crlf = record[end] == b'\r' && record.get(end + 1) == Some(&b'\n');
                let next = end + 1 + usize::from(crlf);
                self.cursor.after_cr = record[end] == b'\r' && !crlf;
                let mut again = record[next..].to_vec();
                again.extend_from_slice(&self.pushback[self.pushed..]);
                self.pushback = again;
                self.pushed = 0;
            }
            None => {
                self.cursor.lines = line - 1;
                self.cursor.at = At::SkipLine;
            }
        }
        out.truncate(start);
    }
}

impl CsvSource {
    pub(super) fn new(
        input: Box<dyn BufRead + Send>,
        file: Arc<str>,
        columns: Arc<Columns>,
        max_record_bytes: usize,
    ) -> CsvSource {
        CsvSource {
            scanner: Scanner::new(input),
            file,
            columns,
            header: None,
            max: max_record_bytes,
            scratch: Vec::new(),
            error: None,
            restarts: 0,
            done: false,
            fatal: None,
            deferred: false,
        }
    }

    /// Gives its records as [`Row`]s ([`RecordSource::next_item`]): their bytes copied into the
    /// batch's buffer, split into fields and made articles on a worker.
    pub(super) fn deferring(mut self) -> CsvSource {
        self.deferred = true;
        self
    }

    fn reject(&self, line: Option<u64>, article_id: Option<String>, reason: String) -> Record {
        Record::Reject(Reject { origin: Origin { file: self.file.clone(), line }, article_id, reason })
    }

    /// The message of a record over the limit.
    fn over_limit(&self) -> String {
        format!("a record of more than {} MB, over the limit of max_record_mb", self.max >> 20)
    }

    /// Reads the header: `Some` reject when there is none to read.
    fn read_header(&mut self) -> Option<Record> {
        let mut bytes = Vec::new();
        let reason = match self.scanner.next_raw(&mut bytes, self.max) {
            Raw::Record { .. } | Raw::OpenAtEnd { .. } => None,
            Raw::End => Some("empty CSV file: no header row".to_string()),
            Raw::OverLimit { .. } | Raw::OpenAtLimit { .. } => {
                Some(format!("cannot read CSV header: {}", self.over_limit()))
            }
            Raw::Error(err) => Some(format!("cannot read CSV header: {err}")),
        };
        if let Some(reason) = reason {
            self.done = true;
            return Some(self.reject(Some(1), None, reason));
        }
        let record = split_fields(&bytes);
        let mut indices: [Option<(usize, usize)>; Field::ALL.len()] = [None; Field::ALL.len()];
        let header: Vec<String> = record.iter().map(|name| String::from_utf8_lossy(name).into_owned()).collect();
        for (idx, name) in header.iter().enumerate() {
            if let Some((field, rank)) = self.columns.field_of(name) {
                let slot = &mut indices[field as usize];
                if slot.is_none_or(|(best, _)| rank < best) {
                    *slot = Some((rank, idx));
                }
            }
        }
        if indices[Field::Text as usize].is_none() {
            self.done = true;
            let reason = self.columns.no_text_reason(&header);
            self.fatal = Some(Error::UnsupportedInput { path: self.file.to_string().into(), reason });
            return None;
        }
        self.header = Some(Header { indices: indices.map(|slot| slot.map(|(_, idx)| idx)), n_fields: record.len() });
        None
    }

    /// A reject for the quoted field opened in the record starting on `line`, whose bytes so far
    /// are `out[start..]`; the reading starts again on the line after.
    fn restart(&mut self, out: &mut Vec<u8>, start: usize, line: u64, reason: String) -> Record {
        let reject = self.reject(Some(line), None, reason);
        self.restarts += 1;
        if self.restarts > MAX_RESTARTS {
            self.done = true;
            out.truncate(start);
            let reason =
                format!("more than {MAX_RESTARTS} quoted fields that never close: the rest of the file is not read");
            self.error = Some(self.reject(Some(line + 1), None, reason));
        } else {
            self.scanner.restart_after_first_line(out, start, line);
        }
        reject
    }

    /// The next record: made an article here, or (with `lines`) a [`Row`] whose bytes are
    /// copied into `lines`.
    fn next_with(&mut self, lines: Option<&mut Vec<u8>>) -> Option<Item> {
        if let Some(error) = self.error.take() {
            return Some(Item::Record(error));
        }
        if self.done {
            return None;
        }
        if self.header.is_none() {
            if let Some(reject) = self.read_header() {
                return Some(Item::Record(reject));
            }
            if self.done {
                return None;
            }
        }
        let header = self.header.expect("the header is read");
        let deferred = lines.is_some();
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let out = lines.unwrap_or(&mut scratch);
        let start = out.len();
        let item = match self.scanner.next_raw(out, self.max) {
            Raw::Record { line } => {
                let row = Row {
                    at: start..out.len(),
                    line,
                    header,
                    file: self.file.clone(),
                    columns: self.columns.clone(),
                    max_record_bytes: self.max,
                };
                Some(if deferred { Item::Row(row) } else { Item::Record(row.parse(out)) })
            }
            Raw::End => {
                self.done = true;
                None
            }
            Raw::OpenAtEnd { line } => {
                let reason = format!("a quoted field opened on line {line} never closes");
                Some(Item::Record(self.restart(out, start, line, reason)))
            }
            Raw::OpenAtLimit { line } => {
                let reason =
                    format!("a quoted field opened on line {line} does not close within the limit of max_record_mb");
                Some(Item::Record(self.restart(out, start, line, reason)))
            }
            Raw::OverLimit { line } => Some(Item::Record(self.reject(Some(line), None, self.over_limit()))),
            Raw::Error(err) => {
                self.done = true;
                out.truncate(start);
                let line = self.scanner.cursor.lines + 1;
                Some(Item::Record(self.reject(Some(line), None, format!("read error: {err}"))))
            }
        };
        self.scratch = scratch;
        item
    }
}

impl RecordSource for CsvSource {
    fn next_record(&mut self) -> Option<Record> {
        self.next_with(None).map(|item| item.parse(&[]))
    }

    fn next_item(&mut self, lines: &mut Vec<u8>) -> Option<Item> {
        if self.deferred {
            self.next_with(Some(lines))
        } else {
            self.next_record().map(Item::Record)
        }
    }

    fn take_fatal(&mut self) -> Option<Error> {
        self.fatal.take()
    }
}

/// A record's fields, as the csv crate splits its bytes: their bytes one after another, and
/// where each ends.
struct Fields {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Fields {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.bytes[start..end])
    }

    fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

thread_local! {
    /// Each thread's parser: building one (its transition table) cost more than a record's
    /// parse.
    static SPLITTER: std::cell::RefCell<csv_core::Reader> = std::cell::RefCell::new(csv_core::Reader::new());
}

fn split_fields(record: &[u8]) -> Fields {
    // (a field's bytes are never more than the record's; a comma ends each field but the last)
    let mut fields =
        Fields { bytes: vec![0; record.len()], ends: vec![0; memchr::memchr_iter(b',', record).count() + 1] };
    SPLITTER.with_borrow_mut(|reader| {
        reader.reset();
        // (its first byte alone first: csv_core skips a byte-order mark at the start of its
        // first input, which here is a record's, whose bytes are text)
        let first = record.len().min(1);
        let (mut input, mut rest, mut nout, mut nend) = (&record[..first], &record[first..], 0, 0);
        loop {
            let (result, nin, written, ended) =
                reader.read_record(input, &mut fields.bytes[nout..], &mut fields.ends[nend..]);
            input = &input[nin..];
            nout += written;
            nend += ended;
            match result {
                // (then the rest; an empty input after it ends the last field)
                csv_core::ReadRecordResult::InputEmpty => input = std::mem::take(&mut rest),
                csv_core::ReadRecordResult::OutputFull => fields.bytes.resize(fields.bytes.len() * 2 + 1, 0),
                csv_core::ReadRecordResult::OutputEndsFull => fields.ends.resize(fields.ends.len() * 2 + 1, 0),
                csv_core::ReadRecordResult::Record | csv_core::ReadRecordResult::End => break,
            }
        }
        fields.bytes.truncate(nout);
        fields.ends.truncate(nend);
    });
    fields
}

/// What an article's fields are checked against: whether the header has an id column, and the
/// fields of the record and of the header.
#[derive(Clone, Copy)]
struct Shape {
    id_column: bool,
    len: usize,
    n_fields: usize,
}

/// The article of a record whose fields whosaid reads are `cells` (by [`Field`]; none where the
/// column is absent or the record short), or the reject that says why there is none.
fn article_of(cells: [Option<&[u8]>; Field::ALL.len()], shape: Shape, columns: &Columns, origin: Origin) -> Record {
    let reject = |article_id: Option<String>, reason: String| {
        Record::Reject(Reject { origin: origin.clone(), article_id, reason })
    };
    let name = |field: Field| columns.display(field).to_string();
    // A field's text, `None` when the column is absent or the cell blank.
    let field = |field: Field| -> Result<Option<String>, String> {
        let Some(bytes) = cells[field as usize] else { return Ok(None) };
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Some(text.to_string()).filter(|t| !t.trim().is_empty())),
            Err(err) => Err(format!("`{}`: invalid UTF-8 at byte {}", name(field), err.valid_up_to())),
        }
    };
    let id = match field(Field::Id) {
        Ok(Some(id)) => Some(id),
        Ok(None) if !shape.id_column => None,
        Ok(None) => return reject(None, format!("empty `{}`", name(Field::Id))),
        Err(reason) => return reject(None, reason),
    };
    if shape.len != shape.n_fields {
        let reason = format!("wrong number of fields: {} where the header has {}", shape.len, shape.n_fields);
        return reject(id, reason);
    }
    let read = || -> Result<(String, ArticleFields), String> {
        let text = field(Field::Text)?.ok_or_else(|| format!("empty `{}`", name(Field::Text)))?;
        let fields = ArticleFields {
            published: field(Field::Published)?,
            title: field(Field::Title)?,
            outlet: field(Field::Outlet)?,
            url: field(Field::Url)?,
            author: field(Field::Author)?,
            lang: field(Field::Lang)?,
        };
        Ok((text, fields))
    };
    match read() {
        Ok((text, fields)) => Record::Article(fields.into_article(id, text, origin)),
        Err(reason) => reject(id, reason),
    }
}

/// A CSV record read but not yet made an article ([`super::Reader::deferring`]): its bytes, in
/// the buffer of the batch's records, split into fields and made an article on a worker.
pub struct Row {
    /// Where its bytes are in that buffer.
    at: Range<usize>,
    line: u64,
    header: Header,
    file: Arc<str>,
    columns: Arc<Columns>,
    max_record_bytes: usize,
}

impl Row {
    /// Its bytes.
    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The record of the row, as the reader's iterator gives it (its fields' size limits and
    /// language tag checked); `lines` is the buffer the reader was given.
    pub fn parse(self, lines: &[u8]) -> Record {
        let origin = Origin { file: self.file, line: Some(self.line) };
        let record = split_fields(&lines[self.at]);
        let indices = self.header.indices;
        let cells = indices.map(|index| index.and_then(|i| record.get(i)));
        let shape = Shape {
            id_column: indices[Field::Id as usize].is_some(),
            len: record.len(),
            n_fields: self.header.n_fields,
        };
        super::reject_oversized(article_of(cells, shape, &self.columns, origin), self.max_record_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::columns::ColumnNames;

    fn source(input: &str, columns: Columns) -> CsvSource {
        let bytes = input.as_bytes().to_vec();
        CsvSource::new(Box::new(std::io::Cursor::new(bytes)), "f.csv".into(), Arc::new(columns), 1 << 20)
    }

    fn read(input: &str) -> Vec<Record> {
        let mut source = source(input, Columns::default());
        std::iter::from_fn(|| source.next_record()).collect()
    }

    #[test]
    fn reads_the_wikinews_layout_with_the_url_for_an_id() {
        let records = read(
            "url,date,title,text\nhttps://en.wikinews.org/wiki/X,2019-01-04,T,\"Line one.\n\nLine \"\"two\"\".\"\n",
        );
        let Record::Article(article) = &records[0] else { panic!("{records:?}") };
        assert_eq!(article.id, "https://en.wikinews.org/wiki/X");
        assert_eq!(article.published.as_deref(), Some("2019-01-04"));
        assert_eq!(article.outlet.as_deref(), Some("en.wikinews.org"));
        assert_eq!(article.text, "Line one.\n\nLine \"two\".");
        assert_eq!(records.len(), 1);
    }

    #[test]
    fn without_id_or_url_a_row_is_named_by_its_text_so_an_inserted_row_moves_no_id() {
        let ids = |input: &str| -> Vec<String> {
            read(input)
                .into_iter()
                .map(|r| match r {
                    Record::Article(a) => a.id,
                    Record::Reject(r) => panic!("{r:?}"),
                })
                .collect()
        };
        let before = ids("headline,body\nA,First story.\nB,Second story.\n");
        let after = ids("headline,body\nZ,Inserted story.\nA,First story.\nB,Second story.\n");
        assert_eq!(&after[1..], &before[..]);
    }

    #[test]
    fn a_row_with_the_wrong_field_count_is_rejected_and_the_next_is_read() {
        let records = read("id,text\na,Fine.\nb,Too,many\nc,Also fine.\n");
        assert_eq!(records.len(), 3);
        match &records[1] {
            Record::Reject(r) => {
                assert_eq!(r.article_id.as_deref(), Some("b"));
                assert_eq!(r.origin.line, Some(3));
                assert!(r.reason.contains("wrong number of fields"), "{}", r.reason);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&records[2], Record::Article(a) if a.id == "c"));
    }

    /// A quoted field that never closes is a reject for the line it opened on, and the rows
    /// after that line are read (one stray quote in row 2 of 1,000 made rows 3 to 1,000 its
    /// text, with no reject); a quote that closes rows later makes one row of the wrong width,
    /// a reject; a quoted field over several lines is one field, and a quote inside an unquoted
    /// field a character, in LF and CRLF files alike.
    #[test]
    fn a_quoted_field_that_never_closes_is_rejected_and_the_rows_after_it_read() {
        let summary = |input: &str| -> Vec<String> {
            read(input)
                .into_iter()
                .map(|r| match r {
                    Record::Article(a) => format!("{}: {}", a.id, a.text),
                    Record::Reject(r) => format!("line {:?}: {}", r.origin.line, r.reason),
                })
                .collect()
        };
        assert_eq!(
            summary(
                "id,text\na,Fine.\nb,\"Never closed.\nc,Also fine.\nd,\"Quoted, \"\"fine\"\".\"\ne,\"Again\nf,Last.\n"
            ),
            [
                "a: Fine.",
                "line Some(3): wrong number of fields: 3 where the header has 2",
                "line Some(6): a quoted field opened on line 6 never closes",
                "f: Last.",
            ]
        );
        for end in ["\n", "\r\n", "\r"] {
            let file = ["id,text", "a,Fine.", "", "b,\"Never closed.", "c,Also fine.", "d,Fine too.", ""].join(end);
            assert_eq!(
                summary(&file),
                [
                    "a: Fine.",
                    "line Some(4): a quoted field opened on line 4 never closes",
                    "c: Also fine.",
                    "d: Fine too."
                ],
                "{end:?}"
            );
            let file = ["id,text", "a,\"Line one.", "", "Line two.\"", "b,The TV is 6\" wide", ""].join(end);
            assert_eq!(
                summary(&file),
                [format!("a: Line one.{end}{end}Line two."), "b: The TV is 6\" wide".to_string()],
                "{end:?}"
            );
        }
    }

    fn summary(input: &str, max: usize) -> Vec<String> {
        let bytes = input.as_bytes().to_vec();
        let mut source =
            CsvSource::new(Box::new(std::io::Cursor::new(bytes)), "f.csv".into(), Arc::new(Columns::default()), max);
        std::iter::from_fn(|| source.next_record())
            .map(|r| match r {
                Record::Article(a) => format!("{:?} {}: {}", a.origin.line, a.id, a.text),
                Record::Reject(r) => format!("{:?}: {}", r.origin.line, r.reason),
            })
            .collect()
    }

    /// A record's line is the one its first field starts on, after blank lines and in CRLF
    /// and CR files too (the csv crate counted "\n" only, from the end of the record before).
    #[test]
    fn a_records_line_is_where_it_starts_whatever_the_line_ends() {
        for end in ["\n", "\r\n", "\r"] {
            let file = ["id,text", "", "a,\"One,", "two.\"", "b,x,y", "", "", "c,Three.", ""].join(end);
            assert_eq!(
                summary(&file, 1 << 20),
                [
                    format!("Some(3) a: One,{end}two."),
                    "Some(5): wrong number of fields: 3 where the header has 2".to_string(),
                    "Some(8) c: Three.".to_string(),
                ],
                "{end:?}"
            );
        }
    }

    /// A byte-order mark before a quoted header is no part of it; quotes inside quoted fields,
    /// fields of quotes only and a last record with no line end read as the csv crate reads them.
    #[test]
    fn a_byte_order_mark_and_quotes_read_as_the_csv_crate_reads_them() {
        let file = "\u{feff}\"id\",\"te,xt\"\na,\"\"\"Hi\"\", she said.\"\nb,\"\"\nc,\"x\"y\"z\"";
        let columns = Columns::new(&ColumnNames { text: Some("te,xt".into()), ..ColumnNames::default() });
        let mut source = source(file, columns);
        let records: Vec<Record> = std::iter::from_fn(|| source.next_record()).collect();
        let texts: Vec<String> = records
            .iter()
            .map(|r| match r {
                Record::Article(a) => a.text.clone(),
                Record::Reject(r) => r.reason.clone(),
            })
            .collect();
        assert_eq!(texts, ["\"Hi\", she said.", "empty `te,xt`", "xy\"z\""]);
        // A byte-order mark later in the file is text, and the quote after it a character.
        let records = read("id,text\n\u{feff}\"a,\"b,c\nd\"\nz,after\n");
        let Record::Article(article) = &records[0] else { panic!("{records:?}") };
        assert_eq!((article.id.as_str(), article.text.as_str()), ("\u{feff}\"a", "b,c\nd"));
        assert!(matches!(&records[1], Record::Article(a) if a.id == "z"), "{records:?}");
    }

    /// A record over the limit is a reject, and the reading goes on: after an unquoted one, from
    /// its end; after a quoted
    /// field still open at the limit, from the line after the one it opened on; after more than
    /// ten quoted fields that never close, not at all.
    #[test]
    fn records_over_the_limit_are_rejected_and_the_reading_goes_on() {
        let long = "word ".repeat(300);
        let file = format!("id,text\na,{long}\nb,\"{long}\nc,Fine.\nd,Fine too.\n");
        assert_eq!(
            summary(&file, 1000),
            [
                "Some(2): a record of more than 0 MB, over the limit of max_record_mb",
                "Some(3): a quoted field opened on line 3 does not close within the limit of max_record_mb",
                "Some(4) c: Fine.",
                "Some(5) d: Fine too.",
            ]
        );
        let file = format!("id,text\n{}z,Last.\n", format!("x,\"{long}\n").repeat(12));
        let rows = summary(&file, 1000);
        assert_eq!(rows.len(), 12, "{rows:?}");
        assert_eq!(
            rows[0],
            "Some(2): a quoted field opened on line 2 does not close within the limit of max_record_mb"
        );
        assert_eq!(rows[11], "Some(13): more than 10 quoted fields that never close: the rest of the file is not read");
        // After an unquoted record over the limit the reading goes on at its end, past a quoted
        // field with a line end in it.
        let file = format!("id,text,title\na,{long},\"t1\nx,y,z\"\nc,after,t\n");
        assert_eq!(
            summary(&file, 1000),
            ["Some(2): a record of more than 0 MB, over the limit of max_record_mb", "Some(4) c: after"]
        );
        // (read a few bytes at a time, as from a slow stream)
        let reader =
            std::io::BufReader::with_capacity(16, std::io::Cursor::new(format!("id,text\na,{long}\nc,Fine.\n")));
        let mut source = CsvSource::new(Box::new(reader), "f.csv".into(), Arc::new(Columns::default()), 1000);
        let rows: Vec<Record> = std::iter::from_fn(|| source.next_record()).collect();
        assert!(
            matches!(&rows[0], Record::Reject(r) if r.reason.contains("a record of more than 0 MB") && r.origin.line == Some(2)),
            "{rows:?}"
        );
        assert!(matches!(&rows[1], Record::Article(a) if a.id == "c" && a.origin.line == Some(3)), "{rows:?}");
    }

    /// The scanner ends records where the csv crate ends them: on 20,000 random texts of
    /// commas, quotes, line ends, spaces and letters, the records it finds, split into fields,
    /// are the csv crate's, wherever no quoted field is open at the end.
    #[test]
    fn the_scanner_splits_records_as_the_csv_crate_does() {
        let alphabet = b"a,\"\n\r ";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut compared = 0;
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let expected: Vec<csv::ByteRecord> = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(&text[..])
                .byte_records()
                .map(Result::unwrap)
                .collect();
            let mut scanner = Scanner::new(Box::new(std::io::Cursor::new(text.clone())));
            let mut found = Vec::new();
            loop {
                let mut bytes = Vec::new();
                match scanner.next_raw(&mut bytes, 1 << 20) {
                    Raw::Record { .. } => {
                        let fields = split_fields(&bytes);
                        found.push(csv::ByteRecord::from(fields.iter().collect::<Vec<_>>()));
                    }
                    Raw::End => break,
                    Raw::OpenAtEnd { .. } => {
                        found.clear();
                        break;
                    }
                    other => panic!("{other:?}"),
                }
            }
            if found.is_empty() && !expected.is_empty() {
                continue;
            }
            compared += 1;
            assert_eq!(found, expected, "{:?}", String::from_utf8_lossy(&text));
        }
        assert!(compared > 10_000, "{compared}");
    }

    #[test]
    fn a_header_without_a_text_column_is_fatal_and_lists_the_columns() {
        let mut source = source("id,headline,words\na,b,c\n", Columns::default());
        assert!(source.next_record().is_none());
        let message = source.take_fatal().expect("fatal").to_string();
        assert!(message.contains("`headline`, `words`") && message.contains("--text-column"), "{message}");
    }

    #[test]
    fn named_columns_are_read_whatever_their_names() {
        let columns = Columns::new(&ColumnNames {
            text: Some("Words".into()),
            id: Some("key".into()),
            date: Some("when".into()),
            outlet: Some("paper".into()),
            ..ColumnNames::default()
        });
        let mut source = source("key,when,paper,words,text\nk1,2020-05-06,The Times,Body.,not this\n", columns);
        let Some(Record::Article(article)) = source.next_record() else { panic!() };
        assert_eq!(article.id, "k1");
        assert_eq!(article.text, "Body.");
        assert_eq!(article.published.as_deref(), Some("2020-05-06"));
        assert_eq!(article.outlet.as_deref(), Some("The Times"));
    }
}
