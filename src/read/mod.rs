//! Reading articles: finds the input files, opens them (decompressing `.gz` and `.zst`), and
//! yields one [`Record`] at a time in input order, an [`Article`] or a [`Reject`].
//!
//! Formats are told by the file name: `.jsonl`/`.ndjson` (one article a line), `.csv` (a header
//! row), `.txt` (one article a file); any of them may end in `.gz` or `.zst`; `-` is JSON Lines on
//! standard input. A folder means every supported file below it, in sorted path order.
//!
//! **Invariant:** a bad record never stops the reader and is never dropped: it comes out as a
//! `Reject` with its file, line and reason, and the records after it are read as usual. Only an
//! input named on the command line that cannot be opened at all is a fatal error.

pub mod columns;
mod csv;
mod jsonl;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::{Article, Origin, Record, Reject};
use columns::Columns;

/// How an input file's records are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Jsonl,
    Csv,
    Txt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// One input to read: a file (or standard input), or a file that turned out unreadable while
/// walking a folder, which is read as a single reject.
#[derive(Debug, Clone, PartialEq)]
pub struct InputFile {
    pub path: PathBuf,
    pub format: InputFormat,
    pub compression: Compression,
    pub unreadable: Option<String>,
}

pub const STDIN: &str = "-";

impl InputFile {
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == STDIN
    }

    pub fn display_name(&self) -> String {
        if self.is_stdin() {
            "<stdin>".to_string()
        } else {
            self.path.display().to_string()
        }
    }
}

/// Tells a file's format and compression from its name, or `None` when whosaid does not read it.
pub fn classify(path: &Path) -> Option<(InputFormat, Compression)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (inner, compression) = if let Some(inner) = name.strip_suffix(".gz") {
        (inner, Compression::Gzip)
    } else if let Some(inner) = name.strip_suffix(".zst") {
        (inner, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let format = match inner.rsplit_once('.')?.1 {
        "jsonl" | "ndjson" => InputFormat::Jsonl,
        "csv" => InputFormat::Csv,
        "txt" => InputFormat::Txt,
        _ => return None,
    };
    Some((format, compression))
}

/// Expands the inputs named by the user into the files to read, in order. A named path that does
/// not exist or has an unsupported name is fatal; inside a folder, files of other kinds are
/// skipped and unreadable entries become inputs that read as one reject each.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<InputFile>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.as_os_str() == STDIN {
            files.push(InputFile {
                path: input.clone(),
                format: InputFormat::Jsonl,
                compression: Compression::None,
                unreadable: None,
            });
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|source| Error::Input { path: input.clone(), source })?;
        if meta.is_dir() {
            let root = std::fs::canonicalize(input).map_err(|source| Error::Input { path: input.clone(), source })?;
            let mut found = walk_folder(input, &root, &meta);
            found.sort_by(|a, b| a.path.cmp(&b.path));
            files.extend(found);
        } else if !meta.is_file() {
            return Err(Error::UnsupportedInput {
                path: input.clone(),
                reason: "not a regular file (a pipe or device); use `-` to read standard input".to_string(),
            });
        } else {
            let (format, compression) = classify(input).ok_or_else(|| Error::UnsupportedInput {
                path: input.clone(),
                reason: "expected a .jsonl, .ndjson, .csv or .txt file, optionally .gz or .zst".to_string(),
            })?;
            files.push(InputFile { path: input.clone(), format, compression, unreadable: None });
        }
    }
    Ok(files)
}

/// A file's identity: its device and inode, the same for every link to it.
fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// What a walk of an input folder found: its files in order, the identities (device and inode)
/// of the folders and files it visited, and the links it met, to follow after the real entries.
struct Walk<'a> {
    root: &'a Path,
    seen: std::collections::HashSet<(u64, u64)>,
    links: std::collections::VecDeque<PathBuf>,
    found: Vec<InputFile>,
}

fn unreadable(path: &Path, reason: String) -> InputFile {
    InputFile {
        path: path.to_path_buf(),
        format: InputFormat::Txt,
        compression: Compression::None,
        unreadable: Some(reason),
    }
}

/// The files below the folder `dir` (canonical: `root`). Links are followed as a user who points
/// at a folder expects, but within the folder only, after its real entries, and each folder and
/// file is visited once (by device and inode) whatever links lead to it again: a link to `.`
/// made the walk read the same file over and over, two of them never ended, and one to `/proc`
/// hung it. A link that leads out of the folder is recorded as an input that is not read.
fn walk_folder(dir: &Path, root: &Path, meta: &std::fs::Metadata) -> Vec<InputFile> {
    let mut walk = Walk {
        root,
        seen: std::collections::HashSet::from([identity(meta)]),
        links: std::collections::VecDeque::new(),
        found: Vec::new(),
    };
    walk.folder(dir);
    while let Some(link) = walk.links.pop_front() {
        walk.link(&link);
    }
    walk.found
}

impl Walk<'_> {
    fn folder(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                self.found.push(unreadable(dir, format!("cannot read folder: {err}")));
                return;
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) if entry.file_type().is_ok_and(|t| t.is_symlink()) => self.links.push_back(entry.path()),
                Ok(entry) => paths.push(entry.path()),
                Err(err) => self.found.push(unreadable(dir, format!("cannot read folder entry: {err}"))),
            }
        }
        paths.sort();
        for path in paths {
            self.entry(&path);
        }
    }

    fn link(&mut self, path: &Path) {
        // (A link to nothing is an entry that cannot be read, in `entry`.)
        if std::fs::canonicalize(path).is_ok_and(|target| !target.starts_with(self.root)) {
            if classify(path).is_some() || std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
                self.found.push(unreadable(path, "a link out of the input folder: not followed".to_string()));
            }
            return;
        }
        self.entry(path);
    }

    fn entry(&mut self, path: &Path) {
        match std::fs::metadata(path) {
            // (Only a folder or a file read is seen: "a.jsonl -> dump.json" is read though
            // "dump.json" is not.)
            Ok(meta) if (meta.is_dir() || classify(path).is_some()) && !self.seen.insert(identity(&meta)) => {}
            Ok(meta) if meta.is_dir() => self.folder(path),
            Ok(meta) => {
                if let Some((format, compression)) = classify(path) {
                    // A named pipe, socket or device would block or never end: only regular
                    // files are read.
                    let unreadable = (!meta.is_file()).then(|| "not a regular file".to_string());
                    self.found.push(InputFile { path: path.to_path_buf(), format, compression, unreadable });
                }
            }
            Err(err) => {
                if classify(path).is_some() {
                    self.found.push(unreadable(path, format!("cannot read file: {err}")));
                }
            }
        }
    }
}

/// Opens a file found to be a regular file, without blocking if it has become a named pipe since
/// (a pipe opened for reading waits for a writer): opened non-blocking, then checked.
fn open_regular(path: &Path) -> std::result::Result<File, String> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|err| format!("cannot open file: {err}"))?;
    match file.metadata() {
        Ok(meta) if meta.is_file() => Ok(file),
        Ok(_) => Err("not a regular file".to_string()),
        Err(err) => Err(format!("cannot open file: {err}")),
    }
}

/// The UTF-16 encoding a file's first bytes are in, by its byte order mark or, without one, by
/// the zero byte beside each ASCII letter; none for UTF-8 (whose rejects would say "invalid UTF-8"
/// of every line, or "binary file").
fn utf16(head: &[u8]) -> Option<&'static str> {
    match head {
        [0xFF, 0xFE, ..] => return Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    let pairs: Vec<&[u8]> = head[..head.len().min(64)].chunks_exact(2).collect();
    let ascii_then_zero = |p: &&[u8]| p[0].is_ascii() && p[0] != 0 && p[1] == 0;
    let zero_then_ascii = |p: &&[u8]| p[0] == 0 && p[1].is_ascii() && p[1] != 0;
    // (Three characters in four ASCII: most of a news text's.)
    let most = |n: usize| pairs.len() >= 4 && n * 4 >= pairs.len() * 3;
    if most(pairs.iter().filter(|p| ascii_then_zero(p)).count()) {
        Some("UTF-16LE")
    } else if most(pairs.iter().filter(|p| zero_then_ascii(p)).count()) {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// A file's bytes, decompressed, buffered.
fn open_input(file: &InputFile) -> std::result::Result<Box<dyn BufRead + Send>, String> {
    let input: Box<dyn Read + Send> =
        if file.is_stdin() { Box::new(std::io::stdin()) } else { Box::new(open_regular(&file.path)?) };
    let input: Box<dyn Read + Send> = match file.compression {
        Compression::None => input,
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(input))),
        Compression::Zstd => match zstd::Decoder::new(input) {
            Ok(decoder) => Box::new(decoder),
            Err(err) => return Err(format!("cannot start zstd decoder: {err}")),
        },
    };
    Ok(Box::new(BufReader::with_capacity(1 << 16, input)))
}

/// What the reader gives: a record, or a JSON Lines line or a CSV record to be made one on a
/// worker ([`Reader::deferring`]).
pub enum Item {
    Record(Record),
    Line(jsonl::Line),
    Row(csv::Row),
}

pub use csv::Row;
pub use jsonl::Line;

impl Item {
    /// Whether it is a record already, with nothing left to parse.
    pub fn is_record(&self) -> bool {
        matches!(self, Item::Record(_))
    }

    /// The bytes it holds: an article's text, or the bytes of a line or a row still to parse.
    pub fn bytes(&self) -> usize {
        match self {
            Item::Record(Record::Article(article)) => article.text.len(),
            Item::Record(Record::Reject(_)) => 0,
            Item::Line(line) => line.len(),
            Item::Row(row) => row.len(),
        }
    }

    /// Its record; `lines` is the buffer of the batch's lines and rows the reader was given.
    pub fn parse(self, lines: &[u8]) -> Record {
        match self {
            Item::Record(record) => record,
            Item::Line(line) => line.parse(lines),
            Item::Row(row) => row.parse(lines),
        }
    }
}

/// The source of one file's records.
trait RecordSource {
    fn next_record(&mut self) -> Option<Record>;
    /// The next record, or line or row to parse, whose bytes are appended to `lines`.
    fn next_item(&mut self, _lines: &mut Vec<u8>) -> Option<Item> {
        self.next_record().map(Item::Record)
    }
    /// Why the source ended early, when its file cannot be read as articles at all (a CSV header
    /// with no text column): an error that stops the run, not a reject.
    fn take_fatal(&mut self) -> Option<Error> {
        None
    }
}

/// Yields every record of every input file in order.
pub struct Reader {
    files: std::vec::IntoIter<InputFile>,
    current: Option<Box<dyn RecordSource + Send>>,
    columns: Arc<Columns>,
    fatal: Option<Error>,
    max_record_bytes: usize,
    /// Whether JSON Lines lines and CSV records are given unparsed ([`Reader::next_item`]).
    deferred: bool,
}

/// The largest record (a JSON line, a CSV record, a text file) and article text read, unless a
/// pipeline says otherwise (`max_record_mb`): a record is held whole while it is read, and an
/// article's extraction needs about twenty times its text in memory, so this bounds a run's
/// memory whatever its input (a gzip file of zeros, a JSON string that never closes).
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 << 20;

impl Reader {
    pub fn new(files: Vec<InputFile>, columns: Columns) -> Reader {
        Reader {
            files: files.into_iter(),
            current: None,
            columns: Arc::new(columns),
            fatal: None,
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            deferred: false,
        }
    }

    /// Records (and article texts) longer than `max` bytes are rejected, not read whole.
    pub fn with_max_record_bytes(mut self, max: usize) -> Reader {
        self.max_record_bytes = max;
        self
    }

    /// The fatal error that ended the reading early, if one did: the run must stop with it.
    /// Gives JSON Lines lines after each file's first object unparsed from
    /// [`Reader::next_item`], and CSV records after the header as the bytes of their fields, for
    /// workers to make records of ([`Item::parse`]): this thread then only finds where lines and
    /// records end. The records are those the iterator gives.
    pub fn deferring(mut self) -> Reader {
        self.deferred = true;
        self
    }

    /// The next record, or line or row to parse (see [`Reader::deferring`]), its bytes appended
    /// to `lines`; records are checked as the iterator checks them.
    pub fn next_item(&mut self, lines: &mut Vec<u8>) -> Option<Item> {
        loop {
            if self.fatal.is_some() {
                return None;
            }
            if let Some(source) = &mut self.current {
                match source.next_item(lines) {
                    Some(Item::Record(record)) => {
                        return Some(Item::Record(reject_oversized(record, self.max_record_bytes)))
                    }
                    Some(line) => return Some(line),
                    None => {}
                }
                if let Some(fatal) = source.take_fatal() {
                    self.fatal = Some(fatal);
                    return None;
                }
            }
            self.current = Some(self.open_next()?);
        }
    }

    pub fn take_fatal(&mut self) -> Option<Error> {
        self.fatal.take()
    }

    fn open_next(&mut self) -> Option<Box<dyn RecordSource + Send>> {
        let file = self.files.next()?;
        let name: Arc<str> = file.display_name().into();
        if let Some(reason) = file.unreadable.clone() {
            return Some(Box::new(Single(Some(file_reject(name, reason)))));
        }
        let mut input = match open_input(&file) {
            Ok(input) => input,
            Err(reason) => return Some(Box::new(Single(Some(file_reject(name, reason))))),
        };
        if let Some(encoding) = input.fill_buf().ok().and_then(utf16) {
            let reason = format!(
                "the file is {encoding}; whosaid reads UTF-8 (convert it first, e.g. `iconv -f {encoding} -t UTF-8`)"
            );
            return Some(Box::new(Single(Some(file_reject(name, reason)))));
        }
        Some(match file.format {
            InputFormat::Jsonl => {
                let source = jsonl::JsonlSource::new(input, name, self.columns.clone(), self.max_record_bytes);
                if self.deferred {
                    Box::new(source.deferring())
                } else {
                    Box::new(source)
                }
            }
            InputFormat::Csv => {
                let source = csv::CsvSource::new(input, name, self.columns.clone(), self.max_record_bytes);
                if self.deferred {
                    Box::new(source.deferring())
                } else {
                    Box::new(source)
                }
            }
            InputFormat::Txt => Box::new(Single(Some(read_txt(input, name, stem(&file.path), self.max_record_bytes)))),
        })
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if self.fatal.is_some() {
                return None;
            }
            if let Some(source) = &mut self.current {
                if let Some(record) = source.next_record() {
                    return Some(reject_oversized(record, self.max_record_bytes));
                }
                if let Some(fatal) = source.take_fatal() {
                    self.fatal = Some(fatal);
                    return None;
                }
            }
            self.current = Some(self.open_next()?);
        }
    }
}

/// The largest article text whosaid takes: offsets inside an article are 32-bit.
pub const MAX_ARTICLE_BYTES: usize = u32::MAX as usize;

/// The longest id and url, and the longest title, outlet, author and date: every quote row
/// repeats them, so a 100 KB title on an article of 10,000 statements wrote 1 GB.
pub const MAX_ID_BYTES: usize = 8 << 10;
pub const MAX_FIELD_BYTES: usize = 2 << 10;

/// The first metadata field of `article` over its limit: its name, length and limit.
fn oversized_field(article: &Article) -> Option<(&'static str, usize, usize)> {
    let fields = [
        ("id", Some(&article.id), MAX_ID_BYTES),
        ("url", article.url.as_ref(), MAX_ID_BYTES),
        ("title", article.title.as_ref(), MAX_FIELD_BYTES),
        ("outlet", article.outlet.as_ref(), MAX_FIELD_BYTES),
        ("author", article.author.as_ref(), MAX_FIELD_BYTES),
        ("published", article.published.as_ref(), MAX_FIELD_BYTES),
        ("lang", article.lang.as_ref(), MAX_FIELD_BYTES),
    ];
    fields.into_iter().find_map(|(name, value, max)| value.filter(|v| v.len() > max).map(|v| (name, v.len(), max)))
}

pub(crate) fn reject_oversized(record: Record, max: usize) -> Record {
    let oversized = match &record {
        Record::Article(article) => oversized_field(article),
        Record::Reject(_) => None,
    };
    match record {
        Record::Article(article) if oversized.is_some() => {
            let (name, len, limit) = oversized.expect("matched");
            let id = (article.id.len() <= MAX_ID_BYTES).then(|| article.id.clone());
            Record::Reject(Reject {
                reason: format!("`{name}` of {len} bytes, over the limit of {} KB for it", limit >> 10),
                article_id: id,
                origin: article.origin,
            })
        }
        Record::Article(article) if article.text.len() > max.min(MAX_ARTICLE_BYTES) => Record::Reject(Reject {
            reason: format!(
                "article text of {} bytes is over the limit of {} MB (max_record_mb)",
                article.text.len(),
                max >> 20
            ),
            article_id: Some(article.id),
            origin: article.origin,
        }),
        Record::Article(mut article) => match article.lang.as_deref().map(|tag| (tag, crate::lang::code(tag))) {
            Some((tag, None)) => Record::Reject(Reject {
                reason: format!("`lang` {tag:?} is not a language tag (en, de, en-GB)"),
                article_id: Some(article.id),
                origin: article.origin,
            }),
            Some((_, Some(code))) => {
                article.lang = Some(code);
                Record::Article(article)
            }
            None => Record::Article(article),
        },
        record => record,
    }
}

/// A source that yields one record and ends.
struct Single(Option<Record>);

impl RecordSource for Single {
    fn next_record(&mut self) -> Option<Record> {
        self.0.take()
    }
}

fn file_reject(file: Arc<str>, reason: String) -> Record {
    Record::Reject(Reject { origin: Origin { file, line: None }, article_id: None, reason })
}

/// The fields of an article besides its id and text, as a reader found them.
pub(crate) struct ArticleFields {
    pub published: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub lang: Option<String>,
}

impl ArticleFields {
    /// The article: blank fields are absent; without an id, the url names it, else a hash of its
    /// text ([`text_id`]), so that an id does not depend on where a record sits in its file; without
    /// an outlet, the url's host is its outlet.
    pub(crate) fn into_article(self, id: Option<String>, text: String, origin: Origin) -> Article {
        let present = |value: Option<String>| value.filter(|v| !v.trim().is_empty());
        let url = present(self.url).map(|url| url.trim().to_string());
        let id = id.or_else(|| url.clone()).unwrap_or_else(|| text_id(&text));
        let outlet = present(self.outlet).or_else(|| url.as_deref().and_then(url_host));
        Article {
            id,
            text,
            published: present(self.published),
            title: present(self.title),
            outlet,
            url,
            author: present(self.author),
            lang: present(self.lang).map(|lang| lang.trim().to_string()),
            origin,
        }
    }
}

/// The id of an article its input gives neither an id nor a url: its text's 128-bit xxh3 hash in
/// 32 hex digits (`xxhash.xxh3_128_hexdigest(text.encode())` in Python). The same text is the same
/// id in every run and at any place in its file.
pub fn text_id(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// The host of a url, lower case and without a leading `www.` ("https://www.BBC.co.uk/news" →
/// "bbc.co.uk"); `None` for a string with no `scheme://host`.
pub fn url_host(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme.is_empty() || !scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.split(':').next()?,
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").map_or(host.clone(), str::to_string);
    (!host.is_empty()).then_some(host)
}

/// Reads one line into `buf`, its end included: a line ends at `\n`, `\r\n` or a lone `\r`
/// (old Mac files). The number of bytes read; 0 at the end of the input. Past `max` bytes the
/// line's bytes are read and dropped, not kept: `buf` then holds its first `max` bytes and more,
/// and the caller tells the line is too long by its length.
fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
    let start = buf.len();
    let mut dropped = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if available.is_empty() {
            return Ok(buf.len() - start + dropped);
        }
        match memchr::memchr2(b'\n', b'\r', available) {
            Some(at) => {
                let end = available[at];
                if buf.len() - start <= max {
                    buf.extend_from_slice(&available[..=at]);
                } else {
                    dropped += at + 1;
                }
                input.consume(at + 1);
                if end == b'\r' {
                    // "\r\n" is one line end.
                    if input.fill_buf()?.first() == Some(&b'\n') {
                        buf.push(b'\n');
                        input.consume(1);
                    }
                }
                return Ok(buf.len() - start + dropped);
            }
            None => {
                let n = available.len();
                if buf.len() - start <= max {
                    buf.extend_from_slice(available);
                } else {
                    dropped += n;
                }
                input.consume(n);
            }
        }
    }
}

/// The file name without its extensions (`2019.jsonl.gz` → `2019`): the id of a `.txt` article.
pub fn stem(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut stem = name;
    for suffix in [".gz", ".zst"] {
        if let Some(inner) = stem.strip_suffix(suffix) {
            stem = inner;
        }
    }
    match stem.rsplit_once('.') {
        Some((head, _)) if !head.is_empty() => head.to_string(),
        _ => stem.to_string(),
    }
}

fn read_txt(input: Box<dyn BufRead + Send>, file: Arc<str>, id: String, max: usize) -> Record {
    let mut bytes = Vec::new();
    let reject = |reason: String| {
        Record::Reject(Reject {
            origin: Origin { file: file.clone(), line: None },
            article_id: Some(id.clone()),
            reason,
        })
    };
    if let Err(err) = input.take(max as u64 + 1).read_to_end(&mut bytes) {
        return reject(format!("read error: {err}"));
    }
    if bytes.len() > max {
        return reject(format!("a text file of more than {} MB, the limit (max_record_mb)", max >> 20));
    }
    if memchr::memchr(0, &bytes).is_some() {
        return reject("binary file: contains NUL bytes".to_string());
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            return reject(format!("invalid UTF-8 at byte {at}"));
        }
    };
    if text.trim().is_empty() {
        return reject("empty text".to_string());
    }
    Record::Article(Article {
        id: id.clone(),
        text,
        origin: Origin { file: file.clone(), line: None },
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file that became a named pipe after the walk is refused at once, not waited on (a pipe
    /// opened for reading blocks until something writes to it).
    #[test]
    fn a_named_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.jsonl");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string naming a path in a fresh folder.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert_eq!(open_regular(&fifo).unwrap_err(), "not a regular file");
        std::fs::write(dir.path().join("b.jsonl"), "{}").unwrap();
        assert!(open_regular(&dir.path().join("b.jsonl")).is_ok());
    }

    /// JSON Lines lines and CSV rows handed on unparsed and parsed on workers ([`Reader::deferring`])
    /// give the records and the stopping error the iterator gives:
    /// a byte-order mark, blank lines, CR line ends, invalid JSON before a file's first object,
    /// a later line without its text, field limits and language tags, a file whose first object
    /// has no text field (after a bad line), and a CSV file beside them; in CSV, a wrong number
    /// of fields, an empty id or text, invalid UTF-8, a title over its limit, a bad language tag,
    /// CRLF and blank lines, and a quoted field that never closes.
    #[test]
    fn lines_parsed_on_workers_read_as_the_reader_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        // ("\u{1}" stands for a byte that is not UTF-8)
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text.as_bytes().iter().map(|&b| if b == 1 { 0xff } else { b }).collect::<Vec<u8>>())
                .unwrap();
            path
        };
        let long_title = "t".repeat(MAX_FIELD_BYTES + 1);
        let cases = [
            vec![write(
                "a.jsonl",
                &format!(
                    "\u{feff}{{\"id\":1,\"text\":\"a b\"}}\n\n  \n{{bad json\n{{\"id\":2}}\r\n{{\"id\":3,\"text\":\"c\",\"lang\":\"no tag!\"}}\r{{\"id\":4,\"text\":\"d\",\"title\":\"{long_title}\"}}\n{{\"id\":5,\"text\":\"e\",\"lang\":\"de-AT\"}}"
                ),
            )],
            vec![write(
                "e.csv",
                &format!(
                    "id,text,title,lang\r\n1,one,,en\r\n\r\n2,two\n,empty id,,\n4,,t,\n5,\"a, \"\"b\"\"\nc\",t,de\n6,x,{long_title},\n7,y,t,no tag!\n8,\u{1},,\n9,z,t,en,extra\n10,\"never closes,t,en\n11,after,t,en\n"
                ),
            )],
            vec![
                write("b.csv", "id,text\n1,one\n"),
                write("c.jsonl", "{oops\n\n{\"id\":2,\"zzz\":\"x\"}\n{\"id\":3,\"text\":\"t\"}\n"),
                write("d.jsonl", "{\"id\":9,\"text\":\"never read\"}\n"),
            ],
        ];
        for paths in cases {
            let files = || discover(&paths).unwrap();
            let mut reader = Reader::new(files(), Columns::default());
            let expected: Vec<Record> = reader.by_ref().collect();
            let expected_fatal = reader.take_fatal().map(|e| e.to_string());

            let mut deferred = Reader::new(files(), Columns::default()).deferring();
            let mut lines = Vec::new();
            let items: Vec<Item> = std::iter::from_fn(|| deferred.next_item(&mut lines)).collect();
            // (the lines parsed as a worker parses them)
            let records: Vec<Record> = items.into_iter().map(|item| item.parse(&lines)).collect();
            let fatal = deferred.take_fatal().map(|e| e.to_string());
            assert_eq!(records, expected, "{paths:?}");
            assert_eq!(fatal, expected_fatal, "{paths:?}");
            // (the cases mean something: the second stops at c.jsonl's first object)
            assert_eq!(expected_fatal.is_some(), paths.len() == 3, "{expected_fatal:?}");
            assert!(expected.len() >= 2, "{expected:?}");
        }
    }

    #[test]
    fn classifies_by_name() {
        let check = |name: &str, expected: Option<(InputFormat, Compression)>| {
            assert_eq!(classify(Path::new(name)), expected, "{name}");
        };
        check("a.jsonl", Some((InputFormat::Jsonl, Compression::None)));
        check("a.NDJSON.gz", Some((InputFormat::Jsonl, Compression::Gzip)));
        check("dir/a.csv.zst", Some((InputFormat::Csv, Compression::Zstd)));
        check("a.txt", Some((InputFormat::Txt, Compression::None)));
        check("a.parquet", None);
        check("README", None);
    }

    #[test]
    fn a_url_s_host_is_its_outlet() {
        let check = |url: &str, host: Option<&str>| assert_eq!(url_host(url).as_deref(), host, "{url}");
        check("https://www.bbc.co.uk/news/x", Some("bbc.co.uk"));
        check("http://user:pw@Example.org:8080/a?b#c", Some("example.org"));
        check("https://en.wikinews.org//wiki/X", Some("en.wikinews.org"));
        check("https://[::1]:80/", Some("::1"));
        check("example.org/page", None);
        check("://x", None);
        check("https:///path", None);
    }

    #[test]
    fn lines_end_at_any_line_end() {
        let mut input = std::io::Cursor::new(b"a\r\nb\rc\nd".to_vec());
        let mut lines = Vec::new();
        loop {
            let mut buf = Vec::new();
            if read_line(&mut input, &mut buf, usize::MAX).unwrap() == 0 {
                break;
            }
            lines.push(String::from_utf8(buf).unwrap());
        }
        assert_eq!(lines, ["a\r\n", "b\r", "c\n", "d"]);
    }

    #[test]
    fn stems_drop_every_extension() {
        assert_eq!(stem(Path::new("x/2019.csv.gz")), "2019");
        assert_eq!(stem(Path::new("story.txt")), "story");
        assert_eq!(stem(Path::new(".hidden")), ".hidden");
    }
}
