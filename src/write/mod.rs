//! Writing: the output tables (`quotes`, `articles`) in Parquet, CSV and JSON Lines, plus
//! `rejects.jsonl` and `run.json`.
//!
//! **Invariant:** only this module knows polars, csv and Parquet. Every file is written under a
//! temporary name in the output folder and renamed into place when complete, so a reader never
//! sees a half-written table.

pub(crate) mod csv_row;
pub mod incremental;
pub mod owned;
pub(crate) mod parquet;
mod parquet_file;
pub mod rows;
pub mod sink;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Format;
pub use rows::{rows_for, speaker_rows, ArticleRow, QuoteRow, RejectRow, SpeakerRow};

/// A file being written under a temporary name, renamed into place by [`AtomicFile::commit`].
pub struct AtomicFile {
    tmp: PathBuf,
    path: PathBuf,
    file: BufWriter<File>,
    committed: bool,
    /// Bytes written since writeback was last started (some may still be in the buffer).
    since_writeback: u64,
    /// The file's bytes so far: where the next byte goes.
    len: u64,
    /// Writes of whole pieces being made by workers ([`AtomicFile::write_on`]), in the order they
    /// were handed out, each with its outcome when done and its size.
    writes: std::collections::VecDeque<(std::sync::mpsc::Receiver<std::io::Result<()>>, u64)>,
    /// The bytes of the pieces in `writes`.
    writing: u64,
    /// The file, shared with the workers that write pieces of it at their offsets.
    shared: Option<std::sync::Arc<File>>,
    /// Where writeback of what is written here is started: on a worker, if set.
    writeback_on: Option<Spawner>,
}

/// Pieces of a file being written by workers that the writer goes on past (each a batch's lines
/// of one table: about a megabyte of news quotes, more for long articles), and the bytes they may
/// hold together; the writer waits for the oldest beyond either.
const WRITES_IN_FLIGHT: usize = 8;
const WRITE_BYTES_IN_FLIGHT: u64 = 16 << 20;

/// Writeback of a file being written is started every this many bytes, so that the sync at its
/// commit waits for the last few MB only: with a 200 MB corpus, it had waited 150 ms for all of
/// a 210 MB CSV table at the end of the run, with the other core idle.
const WRITEBACK_BYTES: u64 = 8 << 20;

/// Asks the OS to start writing the file's dirty pages to disk, without waiting for them. Only
/// a hint: an error here shows again, and is reported, at the sync of [`AtomicFile::commit`].
#[cfg(target_os = "linux")]
fn start_writeback(file: &File) {
    use std::os::fd::AsRawFd;
    // SAFETY: the descriptor is the open file's, borrowed for the call; sync_file_range reads
    // only its integer arguments and touches no memory of ours.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writeback(_file: &File) {}

impl AtomicFile {
    pub fn create(path: PathBuf) -> Result<AtomicFile> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&tmp).map_err(|e| Error::output(&tmp, e))?;
        // 256 KB: CSV and Parquet hand it whole batches and chunks, which go past the buffer; a
        // 1 MB buffer per file was 6 MB of a run's memory for nothing.
        Ok(AtomicFile {
            tmp,
            path,
            file: BufWriter::with_capacity(256 << 10, file),
            committed: false,
            since_writeback: 0,
            len: 0,
            writes: std::collections::VecDeque::new(),
            writing: 0,
            shared: None,
            writeback_on: None,
        })
    }

    /// Has the writeback of what is written through the buffer started by `spawner`'s jobs.
    pub fn start_writeback_on(&mut self, spawner: Spawner) {
        self.writeback_on = Some(spawner);
    }

    /// The file shared with the workers.
    fn shared(&mut self) -> std::io::Result<std::sync::Arc<File>> {
        match &self.shared {
            Some(shared) => Ok(shared.clone()),
            None => Ok(self.shared.insert(std::sync::Arc::new(self.file.get_ref().try_clone()?)).clone()),
        }
    }

    /// Appends `bytes`, written at their place in the file by a job of `spawner` (a worker), so
    /// that the kernel's copy of them is not this thread's: the file's bytes are the same as
    /// [`Write::write_all`]'s. Errors of earlier such writes are returned here or at the sync.
    pub fn write_on(&mut self, spawner: &Spawner, bytes: Vec<u8>) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom};
        // What is buffered goes first; the file's own position then moves past the piece, so
        // that a later buffered write follows it.
        self.file.flush()?;
        let shared = self.shared()?;
        let (at, n) = (self.len, bytes.len() as u64);
        self.len += n;
        self.file.seek(SeekFrom::Start(self.len))?;
        // Writeback is started by the worker too: the kernel submits the pages in the caller's
        // time, which had been a third of the writer's.
        self.since_writeback += n;
        let writeback = self.since_writeback >= WRITEBACK_BYTES;
        if writeback {
            self.since_writeback = 0;
        }
        let (done, outcome) = std::sync::mpsc::sync_channel(1);
        spawner(Box::new(move || {
            use std::os::unix::fs::FileExt;
            let written = shared.write_all_at(&bytes, at);
            if writeback && written.is_ok() {
                start_writeback(&shared);
            }
            // (the receiver is gone only when the run already stopped on an error)
            let _ = done.send(written);
        }));
        self.writes.push_back((outcome, n));
        self.writing += n;
        self.finish_writes(false)
    }

    /// Takes the outcomes of the workers' writes that are done, waiting for the oldest while
    /// more than [`WRITES_IN_FLIGHT`] pieces or [`WRITE_BYTES_IN_FLIGHT`] bytes are out, or, with
    /// `all`, until none is.
    fn finish_writes(&mut self, all: bool) -> std::io::Result<()> {
        while let Some((outcome, n)) = self.writes.front() {
            let wait = all || self.writes.len() > WRITES_IN_FLIGHT || self.writing > WRITE_BYTES_IN_FLIGHT;
            let Some(done) = job_outcome(outcome, wait) else { return Ok(()) };
            done.unwrap_or_else(|| Err(std::io::Error::other("a worker failed to write its piece")))?;
            self.writing -= n;
            self.writes.pop_front();
        }
        Ok(())
    }

    /// Syncs and names the file: [`AtomicFile::sync`], then [`AtomicFile::publish`].
    pub fn commit(mut self) -> Result<()> {
        self.sync()?;
        self.publish()
    }

    /// Writes out what is buffered and syncs the file to disk, still under its temporary name.
    pub fn sync(&mut self) -> Result<()> {
        self.finish_writes(true).map_err(|e| Error::output(&self.tmp, e))?;
        self.file.flush().map_err(|e| Error::output(&self.tmp, e))?;
        self.file.get_ref().sync_all().map_err(|e| Error::output(&self.tmp, e))
    }

    /// Gives a synced file its name, replacing any earlier file of that name whole.
    pub fn publish(mut self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.path).map_err(|e| Error::output(&self.path, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Not committed: leave no temporary file behind.
        if !self.committed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Runs a job on the run's workers (its rayon pool): how the writer has the work that need not
/// be done in order (Parquet pages made and compressed, lines written at their offsets, writeback
/// started) done off its own thread, the serial one.
pub type Spawner = std::sync::Arc<dyn Fn(Box<dyn FnOnce() + Send>) + Send + Sync>;

/// What a job on the workers sent back on `outcome`: with `wait`, once it has; else `None` while
/// it has not. `Some(None)`: the job ended without a word (it panicked, or the run stopped).
pub(crate) fn job_outcome<T>(outcome: &std::sync::mpsc::Receiver<T>, wait: bool) -> Option<Option<T>> {
    if wait {
        return Some(outcome.recv().ok());
    }
    match outcome.try_recv() {
        Ok(done) => Some(Some(done)),
        Err(std::sync::mpsc::TryRecvError::Empty) => None,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(None),
    }
}

/// A table's rows, as every format needs them.
pub trait TableRow: Serialize + Sized + Clone {
    /// The table's Parquet columns, in order, and how each is read from a row.
    fn parquet_columns() -> Vec<parquet::ParquetColumn<Self>>;
    /// The table's column names, in order: the Parquet schema's, which are the serialized
    /// fields' (a test holds the two together).
    fn columns() -> Vec<String> {
        Self::parquet_columns().iter().map(|column| column.name().to_string()).collect()
    }
}

enum Sink<R: TableRow> {
    Csv(AtomicFile),
    Jsonl(AtomicFile),
    Parquet(Box<parquet::ParquetSink<R>>),
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.file.write(buf)?;
        self.since_writeback += written as u64;
        self.len += written as u64;
        if self.since_writeback >= WRITEBACK_BYTES {
            self.since_writeback = 0;
            match self.writeback_on.clone() {
                Some(spawner) => {
                    let shared = self.shared()?;
                    spawner(Box::new(move || start_writeback(&shared)));
                }
                None => start_writeback(self.file.get_ref()),
            }
        }
        Ok(written)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// One table written in every requested format.
pub struct TableWriter<R: TableRow> {
    sinks: Vec<Sink<R>>,
    rows: u64,
    /// Where the lines of CSV and JSON Lines are written into their files: on the workers.
    spawner: Option<Spawner>,
    /// The table's formats and whether CSV text that reads as a formula is written as it is
    /// (see `csv_row`): how its rows are encoded.
    encoder: Encoder,
}

impl<R: TableRow> TableWriter<R> {
    /// The table in each of `formats`, each file at `path_of(format)`; `keep_formulas` writes CSV
    /// text that reads as a formula as it is, not behind a `'`.
    pub fn create(
        path_of: impl Fn(Format) -> PathBuf,
        formats: &[Format],
        keep_formulas: bool,
    ) -> Result<TableWriter<R>> {
        let mut sinks = Vec::new();
        for &format in formats {
            let path = path_of(format);
            sinks.push(match format {
                Format::Csv => {
                    // The header first, so that an empty table still has its columns.
                    let mut file = AtomicFile::create(path)?;
                    let mut lines = Vec::new();
                    csv_row::write_header(&mut lines, &R::columns());
                    file.write_all(&lines).map_err(|e| Error::output(&file.path, e))?;
                    Sink::Csv(file)
                }
                Format::Jsonl => Sink::Jsonl(AtomicFile::create(path)?),
                Format::Parquet => Sink::Parquet(Box::new(parquet::ParquetSink::create(path)?)),
            });
        }
        Ok(TableWriter { sinks, rows: 0, encoder: Encoder::new(formats, keep_formulas), spawner: None })
    }

    /// The rows written so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Adds rows: [`TableWriter::write_encoded`] of their encoding.
    pub fn write(&mut self, rows: &[R]) -> Result<()> {
        let encoded = self.encoder.encode(rows);
        self.write_encoded(encoded)
    }

    /// Appends a batch's rows that a worker encoded ([`Encoder::encode`]): the same bytes as
    /// [`TableWriter::write`] of the rows.
    pub fn write_encoded(&mut self, encoded: Encoded) -> Result<()> {
        self.rows += encoded.rows;
        assert_eq!(
            encoded.pieces.len(),
            self.sinks.len(),
            "the encoder is the table sink's own (`TableSink::encoder`)"
        );
        for (sink, piece) in self.sinks.iter_mut().zip(encoded.pieces) {
            match (sink, piece) {
                // (an empty piece, of a batch without rows for the table, is not handed out)
                (Sink::Csv(_) | Sink::Jsonl(_), Piece::Lines(Ok(lines))) if lines.is_empty() => {}
                (Sink::Csv(file) | Sink::Jsonl(file), Piece::Lines(Ok(lines))) => match &self.spawner {
                    Some(spawner) => file.write_on(spawner, lines).map_err(|e| Error::output(&file.path, e))?,
                    None => file.write_all(&lines).map_err(|e| Error::output(&file.path, e))?,
                },
                (Sink::Csv(file) | Sink::Jsonl(file), Piece::Lines(Err(e))) => {
                    return Err(Error::output(&file.path, std::io::Error::other(e)))
                }
                (Sink::Parquet(sink), Piece::Parquet(chunk)) => sink.write_chunk(chunk)?,
                _ => unreachable!("the encoder is the table sink's own, with its formats in order"),
            }
        }
        Ok(())
    }

    /// Has the Parquet file's pages made and compressed, and the CSV and JSON Lines lines written
    /// into their files, by `spawner`'s jobs (the run's workers).
    pub fn spawn_with(&mut self, spawner: &Spawner) {
        self.spawner = Some(spawner.clone());
        for sink in &mut self.sinks {
            if let Sink::Parquet(sink) = sink {
                sink.spawn_with(spawner.clone());
            }
        }
    }

    /// Finishes and syncs the table's file in every format, without naming them yet.
    pub fn finish(self) -> Result<Vec<AtomicFile>> {
        self.sinks
            .into_iter()
            .map(|sink| match sink {
                Sink::Csv(mut file) | Sink::Jsonl(mut file) => file.sync().map(|()| file),
                Sink::Parquet(sink) => sink.finish(),
            })
            .collect()
    }
}

/// What a worker needs to encode its batch's rows for the tables, as the writer's
/// [`TableWriter`]s would have: the formats in the order their files are made, and whether CSV
/// formulas are kept. The writer then only appends bytes (issue 29).
#[derive(Debug, Clone)]
pub struct Encoder {
    formats: Vec<Format>,
    keep_formulas: bool,
}

/// One table's rows of a batch in each format of the run ([`Encoder::encode`]).
pub struct Encoded {
    rows: u64,
    pieces: Vec<Piece>,
}

enum Piece {
    /// CSV or JSON Lines lines, or why a row could not be written.
    Lines(std::result::Result<Vec<u8>, String>),
    Parquet(parquet::Chunk),
}

impl Encoder {
    pub fn new(formats: &[Format], keep_formulas: bool) -> Encoder {
        Encoder { formats: formats.to_vec(), keep_formulas }
    }

    pub fn encode<R: TableRow>(&self, rows: &[R]) -> Encoded {
        let pieces = self
            .formats
            .iter()
            .map(|format| match format {
                Format::Csv => Piece::Lines(self.csv(rows)),
                Format::Jsonl => Piece::Lines(json_lines(rows)),
                Format::Parquet => Piece::Parquet(parquet::Chunk::encode(rows)),
            })
            .collect();
        Encoded { rows: rows.len() as u64, pieces }
    }

    fn csv<R: TableRow>(&self, rows: &[R]) -> std::result::Result<Vec<u8>, String> {
        lines_of(rows, |lines, row| csv_row::write_row(lines, row, self.keep_formulas).map_err(|e| e.to_string()))
    }
}

fn json_lines<R: TableRow>(rows: &[R]) -> std::result::Result<Vec<u8>, String> {
    lines_of(rows, |lines, row| {
        serde_json::to_writer(&mut *lines, row).map_err(|e| e.to_string())?;
        lines.push(b'\n');
        Ok(())
    })
}

/// The lines `write` makes of `rows`, in one buffer sized after the first row's line: a buffer
/// grown from nothing for each batch was copied over and over as it grew (2% of a run's
/// instructions).
fn lines_of<R>(
    rows: &[R],
    mut write: impl FnMut(&mut Vec<u8>, &R) -> std::result::Result<(), String>,
) -> std::result::Result<Vec<u8>, String> {
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        write(&mut lines, row)?;
        if i == 0 {
            // (a fifth more than the first line's size a row, as news rows differ)
            lines.reserve(lines.len() * (rows.len() - 1) * 5 / 4);
        }
    }
    Ok(lines)
}

/// Writes `value` as pretty JSON to `path`, atomically.
pub fn write_json(path: PathBuf, value: &impl Serialize) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    serde_json::to_writer_pretty(&mut file, value).map_err(|e| Error::output(&file.path, e.into()))?;
    file.write_all(b"\n").map_err(|e| Error::output(&file.path, e))?;
    file.commit()
}

/// Takes the exclusive lock on the file at `path`, made if need be: an OS file lock, which a
/// process that dies releases. Held by another: `Error::Locked`.
pub fn lock(path: &Path) -> Result<File> {
    let file =
        File::options().create(true).truncate(false).write(true).open(path).map_err(|e| Error::output(path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Locked { path: path.to_path_buf() }),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::output(path, e)),
    }
}

/// The rows of a table file.
pub fn count_rows(path: &Path, format: Format) -> Result<u64> {
    let input_err = |source: std::io::Error| Error::Input { path: path.to_path_buf(), source };
    match format {
        Format::Parquet => parquet::count_rows(path),
        Format::Csv => {
            let mut reader =
                csv::Reader::from_path(path).map_err(|e| Error::Csv { path: path.to_path_buf(), source: e })?;
            let mut record = csv::ByteRecord::new();
            let mut rows = 0;
            while reader
                .read_byte_record(&mut record)
                .map_err(|e| Error::Csv { path: path.to_path_buf(), source: e })?
            {
                rows += 1;
            }
            Ok(rows)
        }
        Format::Jsonl => {
            let text = std::fs::read(path).map_err(input_err)?;
            Ok(text.split(|&b| b == b'\n').filter(|line| !line.iter().all(u8::is_ascii_whitespace)).count() as u64)
        }
    }
}

/// Copies a table file without the rows of the articles in `ids`: how an incremental run removes
/// the earlier rows of an article that changed. The rows kept.
pub fn rewrite_without(
    source: &Path,
    target: &Path,
    format: Format,
    ids: &std::collections::HashSet<String>,
) -> Result<u64> {
    let input_err = |source_err: std::io::Error| Error::Input { path: source.to_path_buf(), source: source_err };
    match format {
        Format::Parquet => parquet::rewrite_without(source, target, ids),
        Format::Csv => {
            let mut reader =
                csv::Reader::from_path(source).map_err(|e| Error::Csv { path: source.to_path_buf(), source: e })?;
            let headers =
                reader.byte_headers().map_err(|e| Error::Csv { path: source.to_path_buf(), source: e })?.clone();
            let id_column = headers.iter().position(|h| h == b"article_id").unwrap_or(0);
            let mut writer = csv::Writer::from_writer(AtomicFile::create(target.to_path_buf())?);
            let csv_err = |e| Error::Csv { path: target.to_path_buf(), source: e };
            writer.write_byte_record(&headers).map_err(csv_err)?;
            let mut kept = 0;
            for record in reader.byte_records() {
                let record = record.map_err(|e| Error::Csv { path: source.to_path_buf(), source: e })?;
                let id = std::str::from_utf8(&record[id_column]).unwrap_or("");
                // (An id that reads as a formula was written behind a `'`.)
                let id = id.strip_prefix('\'').filter(|rest| csv_row::reads_as_formula(rest.as_bytes())).unwrap_or(id);
                if !ids.contains(id) {
                    writer.write_byte_record(&record).map_err(csv_err)?;
                    kept += 1;
                }
            }
            let file = writer.into_inner().map_err(|e| Error::output(target, e.into_error()))?;
            file.commit()?;
            Ok(kept)
        }
        Format::Jsonl => {
            let text = std::fs::read_to_string(source).map_err(input_err)?;
            let mut file = AtomicFile::create(target.to_path_buf())?;
            let mut kept = 0;
            for line in text.lines() {
                #[derive(serde::Deserialize)]
                struct Row {
                    article_id: String,
                }
                let row: Row = serde_json::from_str(line)
                    .map_err(|e| Error::State { path: source.to_path_buf(), message: e.to_string() })?;
                if !ids.contains(&row.article_id) {
                    file.write_all(line.as_bytes())
                        .and_then(|()| file.write_all(b"\n"))
                        .map_err(|e| Error::output(target, e))?;
                    kept += 1;
                }
            }
            file.commit()?;
            Ok(kept)
        }
    }
}

/// `rejects.jsonl`, one line per rejected record.
pub struct RejectWriter {
    file: AtomicFile,
    rows: u64,
}

impl RejectWriter {
    pub fn create(path: PathBuf) -> Result<RejectWriter> {
        Ok(RejectWriter { file: AtomicFile::create(path)?, rows: 0 })
    }

    /// The rejects written so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    pub fn write(&mut self, row: &RejectRow) -> Result<()> {
        self.rows += 1;
        serde_json::to_writer(&mut self.file, row).map_err(|e| Error::output(&self.file.path, e.into()))?;
        self.file.write_all(b"\n").map_err(|e| Error::output(&self.file.path, e))
    }

    /// Syncs the file, without naming it yet.
    pub fn finish(mut self) -> Result<AtomicFile> {
        self.file.sync()?;
        Ok(self.file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV header comes from the Parquet schema, each line from the row's serialized fields:
    /// the two name the same columns in the same order, for every table.
    #[test]
    fn csv_headers_name_the_serialized_fields_in_order() {
        let article = crate::model::Article {
            id: "a1".into(),
            text: "“We will rebuild,” Mayor Anna Berg said on Monday.".into(),
            published: Some("2024-05-02".into()),
            ..Default::default()
        };
        let extraction =
            crate::extract(&article.text, crate::dates::parse_published("2024-05-02"), &crate::tokenize::FastTokenizer);
        let (article_row, quotes) = rows_for(&article, &extraction);
        assert!(!quotes.is_empty(), "the sample sentence gives a quote row");
        let speakers = speaker_rows(&quotes);
        assert!(!speakers.is_empty(), "the sample sentence names its speaker");
        fn names<R: Serialize>(row: &R) -> Vec<String> {
            csv_row::field_names(row).expect("a flat row").into_iter().map(str::to_string).collect()
        }
        assert_eq!(names(&quotes[0]), QuoteRow::columns());
        assert_eq!(names(&article_row), ArticleRow::columns());
        assert_eq!(names(&speakers[0]), SpeakerRow::columns());
    }

    #[test]
    fn an_empty_csv_table_still_has_its_header() {
        let dir = tempfile::tempdir().unwrap();
        let writer =
            TableWriter::<SpeakerRow>::create(|_| dir.path().join("speakers.csv"), &[Format::Csv], false).unwrap();
        for file in writer.finish().unwrap() {
            file.publish().unwrap();
        }
        let text = std::fs::read_to_string(dir.path().join("speakers.csv")).unwrap();
        assert_eq!(
            text,
            "article_id,speaker_name,speaker_title,speaker_type,speaker_gender,person_id,n_quotes,first_quote_start,first_quote_idx\n"
        );
    }

    /// A file written past several writeback starts, in writes of every size, holds every byte
    /// in order once committed, and nothing is left under its temporary name.
    #[test]
    fn a_file_written_while_its_writeback_starts_keeps_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut file = AtomicFile::create(path.clone()).unwrap();
        let mut expected = Vec::new();
        let mut size = 1;
        while (expected.len() as u64) < 3 * WRITEBACK_BYTES {
            let chunk: Vec<u8> = (0..size).map(|i| (expected.len() + i) as u8).collect();
            file.write_all(&chunk).unwrap();
            expected.extend_from_slice(&chunk);
            size = size * 7 % 1_000_003 + 1;
        }
        file.commit().unwrap();
        assert!(std::fs::read(&path).unwrap() == expected, "the file holds every byte written, in order");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Pieces written by workers at their offsets ([`AtomicFile::write_on`]), between bytes
    /// written here through the buffer, give the file writing them all in order gives: many
    /// pieces in flight at once, of sizes that cross the buffer's.
    #[test]
    fn pieces_written_by_workers_land_in_order() {
        let pool = std::sync::Arc::new(rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap());
        let spawner: Spawner = std::sync::Arc::new(move |job| pool.spawn(job));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lines.csv");
        let mut file = AtomicFile::create(path.clone()).unwrap();
        let mut expected = Vec::new();
        file.write_all(b"header\n").unwrap();
        expected.extend_from_slice(b"header\n");
        for i in 0..40usize {
            let piece: Vec<u8> = format!("{i},").repeat(1 + i * 9_000).into_bytes();
            expected.extend_from_slice(&piece);
            file.write_on(&spawner, piece).unwrap();
            if i % 7 == 0 {
                let line = format!("buffered {i}\n");
                expected.extend_from_slice(line.as_bytes());
                file.write_all(line.as_bytes()).unwrap();
            }
        }
        file.commit().unwrap();
        assert!(std::fs::read(&path).unwrap() == expected, "the pieces are where they were appended");
    }
}
