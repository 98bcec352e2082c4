//! CSV with a header row. Each field is read from the column the user named for it or from its
//! usual names (see [`super::columns`]); a header with no text column is a fatal error that
//! lists the columns it has.

use std::io::{BufRead, Read};
use std::ops::Range;
use std::sync::Arc;

use super::columns::{Columns, Field};
use super::{ArticleFields, Item, RecordSource};
use crate::error::Error;
use crate::model::{Origin, Record, Reject};

/// Opens the file again from its start, decompressed.
pub(super) type Reopen = Box<dyn Fn() -> Result<Box<dyn BufRead + Send>, String> + Send>;

pub(super) struct CsvSource {
    reader: csv::Reader<QuoteCounter>,
    file: Arc<str>,
    columns: Arc<Columns>,
    /// The column index of each field, once the header is read.
    indices: Option<[Option<usize>; Field::ALL.len()]>,
    n_fields: usize,
    /// The record to give next, read ahead: whether it is the file's last is known only once the
    /// one after it is read.
    record: csv::ByteRecord,
    ahead: csv::ByteRecord,
    has_record: bool,
    /// A reject to give next: a read error met reading ahead, given after the record before it.
    error: Option<Record>,
    /// A read error met reading ahead, handled after the record before it is given.
    broken: Option<csv::Error>,
    /// Times the reading started again after a quoted field that never closes.
    restarts: usize,
    /// Where the reader's bytes start in the file (it starts again after a quote that never
    /// closes): bytes and lines before.
    base: (u64, u64),
    quotes: Arc<std::sync::Mutex<Quotes>>,
    reopen: Reopen,
    done: bool,
    fatal: Option<Error>,
    /// Whether records are given as [`Row`]s, made articles on a worker.
    deferred: bool,
}

/// The quote marks (`"`) and line ends the reader's bytes held up to each of the last line
/// starts: what tells a last record whose quoted field may never have closed (an odd count from
/// its start to the end), and where the line after a record starts. The csv crate reads a field
/// still open at the end of the file as ending there, so one stray quote made every row after it
/// one article's text.
#[derive(Default)]
struct Quotes {
    /// Where the record being read starts, and the most bytes a record may have: a longer one is
    /// a read error, not a field held whole (a file of zeros with no line end).
    record_start: u64,
    max: u64,
    total: u64,
    lines: u64,
    /// (byte offset of a line start, quote marks before it, line ends before it), the last
    /// [`LINE_STARTS`]. A line ends at "\n", "\r\n" or a lone "\r".
    line_starts: std::collections::VecDeque<(u64, u64, u64)>,
    offset: u64,
    /// Whether the last byte read was a "\r" (its "\n" may come in the next read).
    after_cr: bool,
}

/// Line starts kept: a record that opened before them spans more lines than any article has.
const LINE_STARTS: usize = 1 << 16;

/// The most times one file's reading starts again after a quoted field that never closes.
const MAX_RESTARTS: usize = 10;

/// The reader's bytes, counted into [`Quotes`] as they pass.
struct QuoteCounter {
    input: Box<dyn BufRead + Send>,
    quotes: Arc<std::sync::Mutex<Quotes>>,
}

/// The message of the read error a record over the limit makes.
const OVER_LIMIT: &str = "over the limit of max_record_mb";

impl std::io::Read for QuoteCounter {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        {
            let quotes = self.quotes.lock().expect("the counter is never poisoned");
            if quotes.offset - quotes.record_start.min(quotes.offset) > quotes.max {
                let limit = quotes.max >> 20;
                return Err(std::io::Error::other(format!("a record of more than {limit} MB, {OVER_LIMIT}")));
            }
        }
        let n = self.input.read(buf)?;
        let mut quotes = self.quotes.lock().expect("the counter is never poisoned");
        let base = quotes.offset;
        // A lone "\r" that ended the last read's bytes.
        if quotes.after_cr && n > 0 && buf[0] != b'\n' {
            quotes.lines += 1;
            let entry = (base, quotes.total, quotes.lines);
            if quotes.line_starts.len() == LINE_STARTS {
                quotes.line_starts.pop_front();
            }
            quotes.line_starts.push_back(entry);
        }
        for at in memchr::memchr3_iter(b'"', b'\n', b'\r', &buf[..n]) {
            let byte = buf[at];
            if byte == b'"' {
                quotes.total += 1;
                continue;
            }
            // ("\r\n" is one line end: its "\r" makes none.)
            let crlf = byte == b'\r' && buf.get(at + 1).is_none_or(|&next| next == b'\n');
            if crlf {
                continue;
            }
            quotes.lines += 1;
            let entry = (base + at as u64 + 1, quotes.total, quotes.lines);
            if quotes.line_starts.len() == LINE_STARTS {
                quotes.line_starts.pop_front();
            }
            quotes.line_starts.push_back(entry);
        }
        quotes.after_cr = n > 0 && buf[n - 1] == b'\r';
        quotes.offset += n as u64;
        Ok(n)
    }
}

impl Quotes {
    /// The line start a record whose position is `byte` starts at (a CRLF record's position is
    /// the "\n" before it, and blank lines may come first): the first at or after `byte`.
    fn line_start(&self, byte: u64) -> Option<(u64, u64, u64)> {
        if byte == 0 {
            return Some((0, 0, 0));
        }
        let at = self.line_starts.partition_point(|&(start, _, _)| start < byte);
        self.line_starts.get(at).copied()
    }

    /// Whether the bytes from the line start `start` to the end hold an odd number of quote
    /// marks: a quoted field may have opened there and never closed. True for a start older
    /// than the line starts kept.
    fn odd_from(&self, start: Option<(u64, u64, u64)>) -> bool {
        start.is_none_or(|(_, before, _)| (self.total - before) % 2 == 1)
    }

    /// The start of the line that holds byte `byte`, with its quote marks and line ends before it
    /// (a record's position may be the "\n" that ends the line before it, in a CRLF file); none
    /// for a line older than the line starts kept.
    fn containing(&self, byte: u64) -> Option<(u64, u64, u64)> {
        let at = self.line_starts.partition_point(|&(start, _, _)| start <= byte);
        match at {
            0 if self.line_starts.front().is_none_or(|&(start, _, _)| start > byte)
                && self.lines < LINE_STARTS as u64 =>
            {
                Some((0, 0, 0))
            }
            0 => None,
            _ => self.line_starts.get(at - 1).copied(),
        }
    }

    /// The start of the line after the one that starts at `start`.
    fn next_line(&self, start: u64) -> Option<u64> {
        let at = self.line_starts.partition_point(|&(s, _, _)| s <= start);
        self.line_starts.get(at).map(|&(s, _, _)| s)
    }
}

/// Whether CSV text ends inside a quoted field, read as the csv crate reads it: a field that
/// starts with a quote is quoted to its closing quote, a doubled quote inside is one quote, and a
/// quote inside an unquoted field ("a 6" screen") is a character.
/// Also the blank lines before the first field: their bytes and their number (a record's
/// position is that of the blank lines before it).
fn ends_in_quotes(input: &mut dyn Read) -> std::io::Result<(bool, u64, u64)> {
    let (mut quoted, mut after_quote, mut field_start) = (false, false, true);
    let (mut leading, mut lead_bytes, mut lead_lines, mut last) = (true, 0u64, 0u64, 0u8);
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => return Ok((quoted, lead_bytes, lead_lines)),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for &byte in &buf[..n] {
            if leading {
                if matches!(byte, b'\n' | b'\r') {
                    lead_bytes += 1;
                    lead_lines += u64::from(!(byte == b'\n' && last == b'\r'));
                    last = byte;
                    continue;
                }
                leading = false;
            }
            if quoted {
                if byte == b'"' {
                    quoted = false;
                    after_quote = true;
                }
                continue;
            }
            if after_quote && byte == b'"' {
                // A doubled quote: still inside.
                quoted = true;
                after_quote = false;
                continue;
            }
            after_quote = false;
            if field_start && byte == b'"' {
                quoted = true;
                field_start = false;
                continue;
            }
            field_start = matches!(byte, b',' | b'\n' | b'\r');
        }
    }
}

impl CsvSource {
    pub(super) fn new(
        input: Box<dyn BufRead + Send>,
        file: Arc<str>,
        columns: Arc<Columns>,
        reopen: Reopen,
        max_record_bytes: usize,
    ) -> CsvSource {
        let quotes = Arc::new(std::sync::Mutex::new(Quotes { max: max_record_bytes as u64, ..Quotes::default() }));
        CsvSource {
            reader: csv_reader(input, &quotes),
            file,
            columns,
            indices: None,
            n_fields: 0,
            record: csv::ByteRecord::new(),
            ahead: csv::ByteRecord::new(),
            has_record: false,
            error: None,
            broken: None,
            restarts: 0,
            base: (0, 0),
            quotes,
            reopen,
            done: false,
            fatal: None,
            deferred: false,
        }
    }

    /// Gives its records as [`Row`]s ([`RecordSource::next_item`]): their fields' bytes copied
    /// into the batch's buffer, made articles on a worker.
    pub(super) fn deferring(mut self) -> CsvSource {
        self.deferred = true;
        self
    }

    /// Where the next record starts: the reader may read a record's bytes that far past it.
    fn mark_record_start(&self) {
        self.quotes.lock().expect("the counter is never poisoned").record_start = self.reader.position().byte();
    }

    /// A record's first line in the file.
    fn line_of(&self, record: &csv::ByteRecord) -> Option<u64> {
        record.position().map(|p| self.base.1 + p.line())
    }

    /// A reject for the record whose first line starts at `start` (a line start of the reader's
    /// bytes, with its quote marks and line ends before it), its reason made from its line; and
    /// the reader started again on the line after that, the file opened again and read past it.
    fn restart_after(&mut self, start: (u64, u64, u64), reason: impl FnOnce(u64) -> String) -> Record {
        let line = self.base.1 + start.2 + 1;
        let reject = self.reject(Some(line), None, reason(line));
        self.has_record = false;
        self.restarts += 1;
        let next = {
            let quotes = self.quotes.lock().expect("the counter is never poisoned");
            quotes.next_line(start.0).map(|at| (at, quotes.line_starts.iter().find(|e| e.0 == at).map_or(0, |e| e.2)))
        };
        let Some((next, lines_before)) = next else {
            self.done = true;
            return reject;
        };
        if self.restarts > MAX_RESTARTS {
            self.done = true;
            let reason =
                format!("more than {MAX_RESTARTS} quoted fields that never close: the rest of the file is not read");
            self.error = Some(self.reject(Some(self.base.1 + lines_before + 1), None, reason));
            return reject;
        }
        match (self.reopen)().and_then(|mut input| {
            let skip = self.base.0 + next;
            std::io::copy(&mut input.by_ref().take(skip), &mut std::io::sink()).map_err(|e| e.to_string())?;
            Ok(input)
        }) {
            Ok(input) => {
                let max = self.quotes.lock().expect("the counter is never poisoned").max;
                self.quotes = Arc::new(std::sync::Mutex::new(Quotes { max, ..Quotes::default() }));
                self.reader = csv_reader(input, &self.quotes);
                self.base = (self.base.0 + next, self.base.1 + lines_before);
            }
            Err(reason) => {
                self.done = true;
                self.error =
                    Some(self.reject(Some(self.base.1 + lines_before + 1), None, format!("cannot read on: {reason}")));
            }
        }
        reject
    }

    /// Whether the reader's bytes from the line start `start` to the end of the file end inside a
    /// quoted field, read again from the file (asked only where the quote marks after `start`
    /// are odd in number).
    /// With the blank lines before the record's first field: their bytes and number.
    fn ends_open(&self, start: u64) -> (bool, u64, u64) {
        let scan = (self.reopen)().and_then(|mut input| {
            let skip = self.base.0 + start;
            std::io::copy(&mut input.by_ref().take(skip), &mut std::io::sink()).map_err(|e| e.to_string())?;
            ends_in_quotes(&mut input).map_err(|e| e.to_string())
        });
        scan.unwrap_or((true, 0, 0))
    }

    /// After a read error: a record over the limit is a reject, and where a quote opened in it
    /// may never have closed, the reading starts again on the line after its first; any other
    /// error ends the file.
    fn read_error(&mut self, err: &csv::Error) -> Record {
        let over = err.to_string().contains(OVER_LIMIT);
        let start = {
            let quotes = self.quotes.lock().expect("the counter is never poisoned");
            let start = quotes.line_start(quotes.record_start);
            (over && quotes.odd_from(start)).then_some(start).flatten()
        };
        match start {
            Some(start) => self.restart_after(start, |line| {
                format!("a quoted field opened on line {line} does not close within the limit of max_record_mb")
            }),
            None => {
                self.done = true;
                self.has_record = false;
                let line = err.position().map(|p| self.base.1 + p.line()).or_else(|| {
                    let quotes = self.quotes.lock().expect("the counter is never poisoned");
                    quotes.line_start(quotes.record_start).map(|s| self.base.1 + s.2 + 1)
                });
                self.reject(line, None, format!("read error: {err}"))
            }
        }
    }

    fn reject(&self, line: Option<u64>, article_id: Option<String>, reason: String) -> Record {
        Record::Reject(Reject { origin: Origin { file: self.file.clone(), line }, article_id, reason })
    }

    /// Reads the header: `Some` reject when there is none to read.
    fn read_header(&mut self) -> Option<Record> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                Some(self.reject(Some(1), None, "empty CSV file: no header row".to_string()))
            }
            Err(err) => {
                self.done = true;
                Some(self.reject(Some(1), None, format!("cannot read CSV header: {err}")))
            }
            Ok(true) => {
                self.mark_record_start();
                let mut indices: [Option<(usize, usize)>; Field::ALL.len()] = [None; Field::ALL.len()];
                let header: Vec<String> =
                    self.record.iter().map(|name| String::from_utf8_lossy(name).into_owned()).collect();
                for (idx, name) in header.iter().enumerate() {
                    if let Some((field, rank)) = self.columns.field_of(name) {
                        let slot = &mut indices[field as usize];
                        if slot.is_none_or(|(best, _)| rank < best) {
                            *slot = Some((rank, idx));
                        }
                    }
                }
                self.n_fields = self.record.len();
                if indices[Field::Text as usize].is_none() {
                    self.done = true;
                    let reason = self.columns.no_text_reason(&header);
                    self.fatal = Some(Error::UnsupportedInput { path: self.file.to_string().into(), reason });
                    return None;
                }
                self.indices = Some(indices.map(|slot| slot.map(|(_, idx)| idx)));
                None
            }
        }
    }
}

fn csv_reader(input: Box<dyn BufRead + Send>, quotes: &Arc<std::sync::Mutex<Quotes>>) -> csv::Reader<QuoteCounter> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(QuoteCounter { input, quotes: quotes.clone() })
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

impl CsvSource {
    /// The next record: made an article here, or (with `lines`) a [`Row`] whose fields are
    /// copied into `lines`.
    fn next_with(&mut self, lines: Option<&mut Vec<u8>>) -> Option<Item> {
        let reject = Item::Record;
        if let Some(error) = self.error.take() {
            return Some(reject(error));
        }
        if self.done {
            return None;
        }
        if self.indices.is_none() {
            if let Some(header_reject) = self.read_header() {
                return Some(reject(header_reject));
            }
            if self.done {
                return None;
            }
        }
        if let Some(err) = self.broken.take() {
            return Some(reject(self.read_error(&err)));
        }
        if !self.has_record {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(err) => return Some(reject(self.read_error(&err))),
                Ok(true) => {
                    self.mark_record_start();
                    self.has_record = true;
                }
            }
        }
        let read = self.reader.read_byte_record(&mut self.ahead);
        if read.is_ok() {
            self.mark_record_start();
        }
        match read {
            Ok(true) => {
                let record = self.give(lines);
                std::mem::swap(&mut self.record, &mut self.ahead);
                Some(record)
            }
            Ok(false) => {
                // The last record: a quote opened in it may run to the end of the file.
                let position = self.record.position().map_or(0, |p| p.byte());
                let start = {
                    let quotes = self.quotes.lock().expect("the counter is never poisoned");
                    let line = quotes.containing(position);
                    quotes.odd_from(line).then_some(line)
                };
                if let Some(start) = start {
                    let lines_before = start.map_or(0, |s| s.2);
                    let (open, blank_bytes, blank_lines) = self.ends_open(position);
                    if open {
                        // (the record's first field, past the line ends before it)
                        let first = (position + blank_bytes, 0, lines_before + blank_lines);
                        return Some(reject(self.restart_after(first, |line| {
                            format!("a quoted field opened on line {line} never closes")
                        })));
                    }
                }
                self.has_record = false;
                self.done = true;
                Some(self.give(lines))
            }
            Err(err) => {
                self.broken = Some(err);
                self.has_record = false;
                Some(self.give(lines))
            }
        }
    }
}

impl CsvSource {
    /// The record read: an article made here, or a [`Row`] of its fields copied into `lines`.
    fn give(&self, lines: Option<&mut Vec<u8>>) -> Item {
        let indices = self.indices.as_ref().expect("header read before rows");
        let line = self.line_of(&self.record);
        let Some(lines) = lines else {
            let cells = indices.map(|index| index.and_then(|i| self.record.get(i)));
            let shape = Shape {
                id_column: indices[Field::Id as usize].is_some(),
                len: self.record.len(),
                n_fields: self.n_fields,
            };
            return Item::Record(article_of(cells, shape, &self.columns, Origin { file: self.file.clone(), line }));
        };
        let cells = indices.map(|index| {
            let bytes = index.and_then(|i| self.record.get(i))?;
            let start = lines.len();
            lines.extend_from_slice(bytes);
            Some(start..lines.len())
        });
        Item::Row(Row {
            cells,
            shape: Shape {
                id_column: indices[Field::Id as usize].is_some(),
                len: self.record.len(),
                n_fields: self.n_fields,
            },
            line,
            file: self.file.clone(),
            columns: self.columns.clone(),
            max_record_bytes: self.quotes.lock().expect("the counter is never poisoned").max as usize,
        })
    }
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

/// A CSV record read but not yet made an article ([`super::Reader::deferring`]): the bytes of
/// the fields whosaid reads, in the buffer of the batch's records, made an article on a worker
/// (the text's copy, its UTF-8 check and its allocation were most of the reading thread's work).
pub struct Row {
    /// Where each field's bytes are in that buffer.
    cells: [Option<Range<usize>>; Field::ALL.len()],
    shape: Shape,
    line: Option<u64>,
    file: Arc<str>,
    columns: Arc<Columns>,
    max_record_bytes: usize,
}

impl Row {
    /// The bytes of its fields.
    pub fn len(&self) -> usize {
        self.cells.iter().flatten().map(Range::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The record of the row, as [`CsvSource`] would give it (and as `Reader` gives it: with its
    /// fields' size limits and language tag checked); `lines` is the buffer the reader was given.
    pub fn parse(self, lines: &[u8]) -> Record {
        let cells = self.cells.map(|cell| cell.map(|at| &lines[at]));
        let record = article_of(cells, self.shape, &self.columns, Origin { file: self.file, line: self.line });
        super::reject_oversized(record, self.max_record_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::columns::ColumnNames;

    fn source(input: &str, columns: Columns) -> CsvSource {
        let bytes = input.as_bytes().to_vec();
        let open =
            move || -> Result<Box<dyn BufRead + Send>, String> { Ok(Box::new(std::io::Cursor::new(bytes.clone()))) };
        CsvSource::new(open().unwrap(), "f.csv".into(), Arc::new(columns), Box::new(open), 1 << 20)
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
