//! Parquet tables: each table's columns are declared once ([`ParquetColumn`]); rows are encoded
//! straight into plain page bodies as they arrive, 1 MB at a time, and handed to [`ParquetFile`],
//! which compresses them and writes row groups of up to [`ROW_GROUP_ROWS`] rows, with typed
//! columns (integers, `published` as a date, nullable strings).
//!
//! A row group waits as compressed pages, not as rows, and on disk, not in memory (see
//! [`ParquetFile`]): 65,536 quote rows of real news (PolNeAR's) are ~25 MB as CSV and ~6 MB as
//! pages. The rows go into pages without polars columns in between: building those columns, casting
//! the dates and encoding them again was 4% of a one-thread run's instructions, ran partly on
//! polars' own thread pool (with 2 threads a 200 MB run took 14% longer), and left buffers of a few
//! MB every 2 MB of rows that kept glibc's arenas growing. polars still gives the schema (through a
//! frame of the declared columns with no rows), reads the files back in tests, and rewrites a
//! table.

use std::ops::Range;

use polars::prelude::*;
use polars_parquet::parquet::encoding::hybrid_rle;
use polars_parquet_format::{DataPageHeader, Encoding, Statistics, Type};

use super::parquet_file::{compress, ParquetFile, ZSTD_LEVEL};
use super::rows::{ArticleRow, QuoteRow, SpeakerRow};
use super::{AtomicFile, Spawner, TableRow};
use crate::error::{Error, Result};

const ROW_GROUP_ROWS: usize = 65_536;

/// Rows are encoded into pages once their values hold this many bytes, Parquet's usual page
/// size. Peak RSS on 2 GB, 2 threads: 74 MB with 2 MB, 69 MB with 1 MB, 67 MB with 512 KB (with
/// polars encoding the pages, 4, 8 and 16 MB had peaked higher still).
const PAGE_ROWS_BYTES: usize = 1 << 20;

/// A row group is also written once its pages' values reach this size, before compression (a
/// row group of news, 65,536 quote rows, is ~25 MB of values and ~6 MB compressed). Counted
/// before compression, so that the writer decides where a group ends while its pages are still
/// being compressed on the workers; with the compressed size, as before, only a table of very long
/// values would have ended its groups sooner.
const ROW_GROUP_VALUE_BYTES: usize = 64 << 20;

/// Page sets being made on the workers that the writer goes on past, each about 1 MB of values (2,
/// 4 and 8 ran alike: 53–56 MB peak RSS with 2 threads on 200 MB).
const PAGES_IN_FLIGHT: usize = 4;

/// Statistics of strings are cut to this many bytes: a quote's text as its page's maximum would
/// otherwise be kept whole in the page index and the row group's metadata.
const STATISTICS_BYTES: usize = 64;

pub(crate) fn compression() -> ParquetCompression {
    ParquetCompression::Zstd(Some(
        polars_parquet::write::ZstdLevel::try_new(ZSTD_LEVEL).expect("1 is a valid zstd level"),
    ))
}

/// One column of a table: its name, and how to read its value from a row.
pub enum ParquetColumn<R> {
    Str(&'static str, fn(&R) -> Option<&str>),
    Int(&'static str, fn(&R) -> Option<i64>),
    /// Days since 1970-01-01.
    Date(&'static str, fn(&R) -> Option<i32>),
}

impl<R> ParquetColumn<R> {
    pub fn name(&self) -> &'static str {
        match self {
            ParquetColumn::Str(name, _) | ParquetColumn::Int(name, _) | ParquetColumn::Date(name, _) => name,
        }
    }

    /// The bytes of one plain-encoded integer value: 8 for an `Int`, 4 for a `Date`.
    fn width(&self) -> usize {
        match self {
            ParquetColumn::Date(..) => 4,
            _ => 8,
        }
    }

    /// The Parquet type its values are written as.
    fn physical(&self) -> Type {
        match self {
            ParquetColumn::Str(..) => Type::BYTE_ARRAY,
            ParquetColumn::Int(..) => Type::INT64,
            ParquetColumn::Date(..) => Type::INT32,
        }
    }
}

/// The rows as a polars frame of the declared columns: the table's schema (with no rows), and
/// what a file read back must equal.
pub fn frame<R: TableRow>(rows: &[R]) -> PolarsResult<DataFrame> {
    let columns = R::parquet_columns()
        .into_iter()
        .map(|column| match column {
            ParquetColumn::Str(name, get) => {
                Ok(Column::new(name.into(), rows.iter().map(get).collect::<Vec<Option<&str>>>()))
            }
            ParquetColumn::Int(name, get) => {
                Ok(Column::new(name.into(), rows.iter().map(get).collect::<Vec<Option<i64>>>()))
            }
            // Days as a date column without a cast: casting even no rows cost 4M instructions.
            ParquetColumn::Date(name, get) => {
                Ok(Int32Chunked::from_iter_options(name.into(), rows.iter().map(get)).into_date().into_column())
            }
        })
        .collect::<PolarsResult<Vec<Column>>>()?;
    DataFrame::new(rows.len(), columns)
}

pub struct ParquetSink<R: TableRow> {
    file: ParquetFile,
    columns: Vec<ParquetColumn<R>>,
    /// Each column's values not yet in a page, in parts: a batch's chunk is one, moved in whole
    /// (the page's maker joins them).
    pending: Vec<Vec<PageValues>>,
    /// The bytes of `pending`, counted as values and one a row.
    pending_bytes: usize,
    pending_rows: usize,
    /// Rows already in pages of the row group being built.
    group_rows: usize,
    /// The body of the page being made: definition levels, then values.
    body: Vec<u8>,
    /// The values (counted as `pending_bytes` counts them) of the row group's pages.
    group_value_bytes: usize,
    /// Where pages are compressed: on the run's workers, or here without one.
    spawner: Option<Spawner>,
    /// Pages being compressed, and the ends of the row groups after them, in the file's order.
    queue: std::collections::VecDeque<Queued>,
    /// The page sets in `queue`.
    queued_pages: usize,
}

enum Queued {
    /// A page of each column being made on a worker (or why it could not be), of this many rows.
    Pages(std::sync::mpsc::Receiver<std::result::Result<Vec<CompressedPage>, std::io::Error>>, usize),
    /// The row group ends here, after this many rows.
    EndGroup(u64),
}

/// A page made and compressed on a worker, for [`ParquetFile::add_compressed_page`].
struct CompressedPage {
    header: DataPageHeader,
    compressed: Vec<u8>,
    uncompressed: usize,
}

/// A column's values waiting to become a page: plain-encoded (a string as its length and bytes,
/// an integer as its little-endian bytes), which rows are null, and the least and greatest value.
#[derive(Default)]
struct PageValues {
    values: Vec<u8>,
    valid: Vec<bool>,
    nulls: usize,
    bounds: Bounds,
}

#[derive(Default)]
enum Bounds {
    #[default]
    None,
    /// Where the least and the greatest string are in `values`.
    Str(Range<usize>, Range<usize>),
    Int(i64, i64),
}

impl<R: TableRow> ParquetSink<R> {
    pub fn create(path: std::path::PathBuf) -> Result<ParquetSink<R>> {
        let schema = frame::<R>(&[]).map_err(parquet_error(&path))?.schema().as_ref().clone();
        let file = ParquetFile::create(path, &schema)?;
        let columns = R::parquet_columns();
        let physical: Vec<Type> = columns.iter().map(ParquetColumn::physical).collect();
        if physical != file.physical_types() {
            return Err(file.invalid(format!(
                "the columns are written as {physical:?} but polars' schema has {:?}",
                file.physical_types()
            )));
        }
        Ok(ParquetSink {
            file,
            pending: columns.iter().map(|_| Vec::new()).collect(),
            pending_bytes: 0,
            columns,
            pending_rows: 0,
            group_rows: 0,
            body: Vec::new(),
            group_value_bytes: 0,
            spawner: None,
            queue: std::collections::VecDeque::new(),
            queued_pages: 0,
        })
    }

    /// Has its pages made and compressed by `spawner`'s jobs from now on: the same bytes.
    pub fn spawn_with(&mut self, spawner: Spawner) {
        self.file.start_writeback_on(spawner.clone());
        self.spawner = Some(spawner);
    }

    /// Adds a batch's rows encoded on a worker ([`Chunk::encode`]): the same pages and row
    /// groups as [`ParquetSink::write`] of the rows, byte for byte, with only their bytes copied
    /// here.
    pub fn write_chunk(&mut self, chunk: Chunk) -> Result<()> {
        let (mut columns, mut rows) = (chunk.columns, chunk.rows);
        // A batch that would overfill the row group is split at its end (once a row group).
        while rows > 0 {
            let room = ROW_GROUP_ROWS - self.group_rows - self.pending_rows;
            if rows <= room {
                return self.push_chunk(columns, rows);
            }
            let (now, later): (Vec<PageValues>, Vec<PageValues>) =
                columns.iter().zip(&self.columns).map(|(values, column)| values.split_at(room, column)).unzip();
            self.push_chunk(now, room)?;
            (columns, rows) = (later, rows - room);
        }
        Ok(())
    }

    /// [`ParquetSink::push`] of rows already encoded, one [`PageValues`] a column, each a part of
    /// its column's pending page.
    fn push_chunk(&mut self, columns: Vec<PageValues>, rows: usize) -> Result<()> {
        for (pending, values) in self.pending.iter_mut().zip(columns) {
            self.pending_bytes += values.bytes();
            pending.push(values);
        }
        self.pending_rows += rows;
        self.end_push()
    }

    /// Adds rows: [`ParquetSink::write_chunk`] of their [`Chunk`].
    #[cfg(test)]
    pub fn write(&mut self, rows: &[R]) -> Result<()> {
        self.write_chunk(Chunk::encode(rows))
    }

    /// After a batch's rows are pending: a page of each column once they hold
    /// [`PAGE_ROWS_BYTES`] or fill the row group, and the row group written once it is full.
    fn end_push(&mut self) -> Result<()> {
        if self.pending_bytes >= PAGE_ROWS_BYTES || self.group_rows + self.pending_rows >= ROW_GROUP_ROWS {
            self.encode_pending()?;
        }
        if self.group_rows >= ROW_GROUP_ROWS || self.group_value_bytes >= ROW_GROUP_VALUE_BYTES {
            self.queue.push_back(Queued::EndGroup(self.group_rows as u64));
            (self.group_rows, self.group_value_bytes) = (0, 0);
        }
        self.add_ready(false)
    }

    /// Makes a page of each column's pending values and adds it to the row group being built: on
    /// a worker when there is a spawner (its pages join the file in order, [`Self::add_ready`]).
    fn encode_pending(&mut self) -> Result<()> {
        if self.pending_rows == 0 {
            return Ok(());
        }
        let rows = self.pending_rows;
        self.group_value_bytes += self.pending_bytes;
        self.group_rows += rows;
        (self.pending_rows, self.pending_bytes) = (0, 0);
        let Some(spawner) = &self.spawner else {
            for (i, (column, parts)) in self.columns.iter().zip(&mut self.pending).enumerate() {
                let header = page(parts, column.width(), &mut self.body);
                self.file.add_page(i, header, &self.body, rows)?;
                parts.clear();
            }
            return Ok(());
        };
        let pages: Vec<(Vec<PageValues>, usize)> =
            self.pending.iter_mut().zip(&self.columns).map(|(parts, c)| (std::mem::take(parts), c.width())).collect();
        let (done, pages_made) = std::sync::mpsc::sync_channel(1);
        spawner(Box::new(move || {
            // (the receiver is gone only when the run already stopped on an error)
            let _ = done.send(make_pages(pages));
        }));
        self.queue.push_back(Queued::Pages(pages_made, rows));
        self.queued_pages += 1;
        Ok(())
    }

    /// Adds the pages made on the workers to the file in order, and ends the row groups after
    /// them: those ready, or, with `wait`, all of them. It waits anyway while more than
    /// [`PAGES_IN_FLIGHT`] page sets are queued, which bounds the memory they hold.
    fn add_ready(&mut self, wait: bool) -> Result<()> {
        while let Some(queued) = self.queue.front() {
            match *queued {
                Queued::EndGroup(rows) => self.file.end_group(rows)?,
                Queued::Pages(ref pages_made, rows) => {
                    let waiting = wait || self.queued_pages > PAGES_IN_FLIGHT;
                    let Some(made) = super::job_outcome(pages_made, waiting) else { return Ok(()) };
                    let output = |e| Error::output(self.file.path(), e);
                    let made = made.ok_or_else(|| output(std::io::Error::other("a worker failed to make a page")))?;
                    let pages = made.map_err(output)?;
                    for (column, page) in pages.into_iter().enumerate() {
                        self.file.add_compressed_page(
                            column,
                            page.header,
                            &page.compressed,
                            page.uncompressed,
                            rows,
                        )?;
                    }
                    self.queued_pages -= 1;
                }
            }
            self.queue.pop_front();
        }
        Ok(())
    }

    /// Writes the last row group and the footer and syncs the file, without naming it yet.
    pub fn finish(mut self) -> Result<super::AtomicFile> {
        self.encode_pending()?;
        self.queue.push_back(Queued::EndGroup(self.group_rows as u64));
        self.add_ready(true)?;
        self.file.finish()
    }
}

/// Makes and compresses a page of each column's values (each with its integers' width), on a
/// worker; every worker thread keeps one zstd context for the pages it compresses.
fn make_pages(pages: Vec<(Vec<PageValues>, usize)>) -> std::io::Result<Vec<CompressedPage>> {
    thread_local! {
        static ZSTD: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> = const { std::cell::RefCell::new(None) };
    }
    ZSTD.with_borrow_mut(|zstd| {
        let zstd = match zstd {
            Some(zstd) => zstd,
            None => zstd.insert(zstd::bulk::Compressor::new(ZSTD_LEVEL)?),
        };
        let mut body = Vec::new();
        pages
            .into_iter()
            .map(|(parts, width)| {
                let header = page(&parts, width, &mut body);
                // (compressed into its own buffer, which goes to the writer as it is)
                let mut compressed = Vec::new();
                compress(zstd, &body, &mut compressed)?;
                Ok(CompressedPage { header, compressed, uncompressed: body.len() })
            })
            .collect()
    })
}

/// A batch's rows of one table encoded for its Parquet file on the worker that made them: a
/// column's values, nulls and bounds, as [`ParquetSink`] would have made them from the rows. The
/// sink appends them to its pending pages ([`ParquetSink::write_chunk`]).
pub struct Chunk {
    columns: Vec<PageValues>,
    rows: usize,
}

impl Chunk {
    pub fn encode<R: TableRow>(rows: &[R]) -> Chunk {
        let columns = R::parquet_columns()
            .iter()
            .map(|column| {
                let mut values = PageValues::default();
                // (room for the rows as the first one's size, a fifth more, so that the values are
                // not copied over and over as they grow)
                values.valid.reserve(rows.len());
                values.push_rows(column, &rows[..rows.len().min(1)]);
                values.values.reserve(values.values.len() * rows.len().saturating_sub(1) * 5 / 4);
                values.push_rows(column, &rows[rows.len().min(1)..]);
                values
            })
            .collect();
        Chunk { columns, rows: rows.len() }
    }
}

impl PageValues {
    /// Appends each row's value of `column`.
    fn push_rows<R>(&mut self, column: &ParquetColumn<R>, rows: &[R]) {
        match column {
            ParquetColumn::Str(_, get) => rows.iter().for_each(|row| self.push_str(get(row))),
            ParquetColumn::Int(_, get) => rows.iter().for_each(|row| self.push_int(get(row), column.width())),
            ParquetColumn::Date(_, get) => {
                rows.iter().for_each(|row| self.push_int(get(row).map(i64::from), column.width()))
            }
        }
    }

    /// The bytes these values count for a page's size: the values, and one a row.
    fn bytes(&self) -> usize {
        self.values.len() + self.valid.len()
    }

    /// The first `rows` rows' values and the rest's, each with its own nulls and bounds (read
    /// back value by value: this is done once a row group at most).
    fn split_at<R>(&self, rows: usize, column: &ParquetColumn<R>) -> (PageValues, PageValues) {
        let (mut first, mut second) = (PageValues::default(), PageValues::default());
        let mut at = 0;
        for (row, &valid) in self.valid.iter().enumerate() {
            let part = if row < rows { &mut first } else { &mut second };
            if !valid {
                match column {
                    ParquetColumn::Str(..) => part.push_str(None),
                    _ => part.push_int(None, column.width()),
                }
                continue;
            }
            match column {
                ParquetColumn::Str(..) => {
                    let len = u32::from_le_bytes(self.values[at..at + 4].try_into().expect("4 bytes")) as usize;
                    let value = std::str::from_utf8(&self.values[at + 4..at + 4 + len]).expect("values were strings");
                    part.push_str(Some(value));
                    at += 4 + len;
                }
                _ => {
                    let width = column.width();
                    let mut bytes = [0u8; 8];
                    bytes[..width].copy_from_slice(&self.values[at..at + width]);
                    // (a 4-byte value is an i32's low bytes: its sign is extended back)
                    let value = if width == 4 {
                        i64::from(i32::from_le_bytes(bytes[..4].try_into().expect("4")))
                    } else {
                        i64::from_le_bytes(bytes)
                    };
                    part.push_int(Some(value), width);
                    at += width;
                }
            }
        }
        (first, second)
    }

    /// Notes whether the row has a value; `false` counts a null.
    fn push_valid(&mut self, valid: bool) {
        self.valid.push(valid);
        self.nulls += usize::from(!valid);
    }

    fn push_str(&mut self, value: Option<&str>) {
        self.push_valid(value.is_some());
        let Some(value) = value else { return };
        self.values.extend_from_slice(&(value.len() as u32).to_le_bytes());
        let at = self.values.len()..self.values.len() + value.len();
        self.values.extend_from_slice(value.as_bytes());
        self.bounds = match std::mem::take(&mut self.bounds) {
            Bounds::Str(min, max) => {
                let (new, values) = (value.as_bytes(), &self.values);
                Bounds::Str(
                    if compare(new, &values[min.clone()]).is_lt() { at.clone() } else { min },
                    if compare(new, &values[max.clone()]).is_gt() { at } else { max },
                )
            }
            _ => Bounds::Str(at.clone(), at),
        };
    }

    /// An integer `width` bytes wide (4 or 8): its plain encoding is its little-endian bytes, the
    /// low ones of the `i64` for an `i32`.
    fn push_int(&mut self, value: Option<i64>, width: usize) {
        self.push_valid(value.is_some());
        let Some(value) = value else { return };
        self.values.extend_from_slice(&value.to_le_bytes()[..width]);
        self.bounds = match self.bounds {
            Bounds::Int(min, max) => Bounds::Int(min.min(value), max.max(value)),
            _ => Bounds::Int(value, value),
        };
    }
}

/// Writes the body of the page of `parts`' values, in order (definition levels, then values), into
/// `body`, and returns its header; `width` is an integer column's value width. The bounds are
/// those of every value, the earlier kept among equals, as pushing them one by one keeps them.
fn page(parts: &[PageValues], width: usize, body: &mut Vec<u8>) -> DataPageHeader {
    body.clear();
    let rows: usize = parts.iter().map(|part| part.valid.len()).sum();
    let nulls: usize = parts.iter().map(|part| part.nulls).sum();
    // A version 1 page gives its definition levels' length first. Every column is nullable:
    // one bit per row, run-length encoded when no row is null.
    body.extend_from_slice(&[0; 4]);
    if nulls == 0 {
        <bool as hybrid_rle::Encoder<bool>>::run_length_encode(body, rows, true, 1)
    } else {
        hybrid_rle::encode::<bool, _, _>(body, parts.iter().flat_map(|part| part.valid.iter().copied()), 1)
    }
    .expect("writing to a Vec does not fail");
    let levels = (body.len() - 4) as u32;
    body[..4].copy_from_slice(&levels.to_le_bytes());
    let (mut least, mut greatest): (Option<&[u8]>, Option<&[u8]>) = (None, None);
    let (mut min_int, mut max_int): (Option<i64>, Option<i64>) = (None, None);
    for part in parts {
        body.extend_from_slice(&part.values);
        match &part.bounds {
            Bounds::Str(min, max) => {
                let (min, max) = (&part.values[min.clone()], &part.values[max.clone()]);
                if least.is_none_or(|least| compare(min, least).is_lt()) {
                    least = Some(min);
                }
                if greatest.is_none_or(|greatest| compare(max, greatest).is_gt()) {
                    greatest = Some(max);
                }
            }
            &Bounds::Int(min, max) => {
                min_int = Some(min_int.map_or(min, |least| least.min(min)));
                max_int = Some(max_int.map_or(max, |greatest| greatest.max(max)));
            }
            Bounds::None => {}
        }
    }
    let (min, max) = match (least, greatest, min_int, max_int) {
        (Some(min), Some(max), _, _) => (Some(truncate_min(min).to_vec()), Some(truncate_max(max))),
        (_, _, Some(min), Some(max)) => {
            (Some(min.to_le_bytes()[..width].to_vec()), Some(max.to_le_bytes()[..width].to_vec()))
        }
        _ => (None, None),
    };
    DataPageHeader {
        num_values: rows as i32,
        encoding: Encoding::PLAIN,
        definition_level_encoding: Encoding::RLE,
        repetition_level_encoding: Encoding::RLE,
        statistics: Some(Statistics {
            max: None,
            min: None,
            null_count: Some(nulls as i64),
            distinct_count: None,
            max_value: max,
            min_value: min,
            is_max_value_exact: None,
            is_min_value_exact: None,
        }),
    }
}

/// `a` against `b` as `Ord` compares byte slices, with the first bytes compared here: most values
/// differ from a page's least and greatest there, and the call to `memcmp` is most of the cost.
#[inline]
fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) if x != y => x.cmp(y),
        _ => a.cmp(b),
    }
}

/// The longest prefix of a string of at most [`STATISTICS_BYTES`] bytes that ends on a character
/// boundary: no greater than the string, so still a lower bound.
fn truncate_min(value: &[u8]) -> &[u8] {
    if value.len() <= STATISTICS_BYTES {
        return value;
    }
    let end = (1..=STATISTICS_BYTES).rev().find(|&end| is_char_start(value, end)).unwrap_or(value.len());
    &value[..end]
}

/// A string of at most [`STATISTICS_BYTES`] bytes no less than `value`: its prefix with the last
/// character that can be incremented without changing its length in UTF-8 incremented. `value`
/// itself when there is no such character.
fn truncate_max(value: &[u8]) -> Vec<u8> {
    let prefix = truncate_min(value);
    if prefix.len() == value.len() {
        return value.to_vec();
    }
    let Ok(prefix) = std::str::from_utf8(prefix) else { return value.to_vec() };
    for (at, c) in prefix.char_indices().rev() {
        let next = char::from_u32(c as u32 + 1).filter(|next| next.len_utf8() == c.len_utf8());
        if let Some(next) = next {
            let mut out = prefix.as_bytes()[..at].to_vec();
            out.extend_from_slice(next.encode_utf8(&mut [0; 4]).as_bytes());
            return out;
        }
    }
    value.to_vec()
}

/// Whether byte `at` of `value` starts a UTF-8 character (or is its end).
fn is_char_start(value: &[u8], at: usize) -> bool {
    at >= value.len() || (value[at] as i8) >= -0x40
}

/// The error for a polars failure on the Parquet file at `path`.
fn parquet_error(path: &std::path::Path) -> impl Fn(PolarsError) -> Error + Copy + '_ {
    move |source| Error::Parquet { path: path.to_path_buf(), source }
}

fn int(value: u64) -> Option<i64> {
    Some(value as i64)
}

impl TableRow for QuoteRow {
    fn parquet_columns() -> Vec<ParquetColumn<QuoteRow>> {
        use ParquetColumn::{Date, Int, Str};
        vec![
            Str("article_id", |r| Some(&r.article_id)),
            Int("quote_idx", |r| Some(r.quote_idx.into())),
            Str("quote_text", |r| Some(r.quote_text())),
            Int("quote_start", |r| int(r.quote_start)),
            Int("quote_end", |r| int(r.quote_end)),
            Str("quote_type", |r| Some(r.quote_type)),
            Str("quote_parts", |r| Some(r.quote_parts())),
            Str("cue", QuoteRow::cue),
            Int("cue_start", |r| r.cue_start.and_then(int)),
            Int("cue_end", |r| r.cue_end.and_then(int)),
            Str("speaker", QuoteRow::speaker),
            Int("speaker_start", |r| r.speaker_start.and_then(int)),
            Int("speaker_end", |r| r.speaker_end.and_then(int)),
            Str("speaker_name", QuoteRow::speaker_name),
            Str("speaker_title", QuoteRow::speaker_title),
            Str("speaker_type", |r| r.speaker_type),
            Str("speaker_gender", |r| r.speaker_gender),
            Str("person_id", QuoteRow::person_id),
            Str("said_on", QuoteRow::said_on),
            Date("said_on_date", |r| r.said_on_days),
            Str("said_on_precision", |r| r.said_on_precision),
            Str("said_on_source", |r| r.said_on_source),
            Date("published", |r| r.published_days),
            Str("outlet", |r| r.outlet.as_deref()),
            Str("title", |r| r.title.as_deref()),
            Str("url", |r| r.url.as_deref()),
            Str("lang", |r| Some(&r.lang)),
            Str("rule", |r| Some(r.rule())),
        ]
    }
}

impl TableRow for SpeakerRow {
    fn parquet_columns() -> Vec<ParquetColumn<SpeakerRow>> {
        use ParquetColumn::{Int, Str};
        vec![
            Str("article_id", |r| Some(&r.article_id)),
            Str("speaker_name", |r| Some(r.speaker_name())),
            Str("speaker_title", SpeakerRow::speaker_title),
            Str("speaker_type", |r| r.speaker_type),
            Str("speaker_gender", |r| r.speaker_gender),
            Str("person_id", SpeakerRow::person_id),
            Int("n_quotes", |r| Some(r.n_quotes.into())),
            Int("first_quote_start", |r| int(r.first_quote_start)),
            Int("first_quote_idx", |r| Some(r.first_quote_idx.into())),
        ]
    }
}

impl TableRow for ArticleRow {
    fn parquet_columns() -> Vec<ParquetColumn<ArticleRow>> {
        use ParquetColumn::{Date, Int, Str};
        vec![
            Str("article_id", |r| Some(&r.article_id)),
            Str("status", |r| Some(r.status)),
            Int("n_quotes", |r| Some(r.n_quotes.into())),
            Int("n_chars", |r| int(r.n_chars)),
            Date("published", |r| r.published_days),
            Str("published_raw", |r| r.published_raw.as_deref()),
            Str("title", |r| r.title.as_deref()),
            Str("outlet", |r| r.outlet.as_deref()),
            Str("url", |r| r.url.as_deref()),
            Str("author", |r| r.author.as_deref()),
            Str("lang", |r| r.lang.as_deref()),
            Str("file", |r| Some(&r.file)),
            Int("line", |r| r.line.and_then(int)),
            Str("error", |r| r.error.as_deref()),
        ]
    }
}

/// The rows of a Parquet file, from its footer.
pub fn count_rows(path: &std::path::Path) -> Result<u64> {
    let file = std::fs::File::open(path).map_err(|e| Error::Input { path: path.to_path_buf(), source: e })?;
    let metadata = ParquetReader::new(file).get_metadata().map_err(parquet_error(path))?.clone();
    Ok(metadata.num_rows as u64)
}

/// Copies a Parquet table without the rows whose `article_id` is in `ids`; the rows kept.
pub fn rewrite_without(
    source: &std::path::Path,
    target: &std::path::Path,
    ids: &std::collections::HashSet<String>,
) -> Result<u64> {
    let file = std::fs::File::open(source).map_err(|e| Error::Input { path: source.to_path_buf(), source: e })?;
    let frame = ParquetReader::new(file).finish().map_err(parquet_error(source))?;
    let article_ids = frame.column("article_id").and_then(|c| c.str().cloned()).map_err(parquet_error(source))?;
    let keep: BooleanChunked = article_ids.iter().map(|id| id.is_none_or(|id| !ids.contains(id))).collect();
    let mut kept = frame.filter(&keep).map_err(parquet_error(source))?;
    let mut out = AtomicFile::create(target.to_path_buf())?;
    ParquetWriter::new(&mut out).with_compression(compression()).finish(&mut kept).map_err(parquet_error(target))?;
    out.commit()?;
    Ok(kept.height() as u64)
}

#[cfg(test)]
mod tests {
    use polars_parquet_format::thrift::protocol::TCompactInputProtocol;
    use polars_parquet_format::{ColumnIndex, FileMetaData, OffsetIndex, PageHeader};

    use super::*;

    #[test]
    fn compare_orders_byte_strings_as_ord_does() {
        let words: [&[u8]; 8] = [b"", b"a", b"ab", b"abc", b"b", b"ba", "é".as_bytes(), b"\xff"];
        for a in words {
            for b in words {
                assert_eq!(compare(a, b), a.cmp(b), "{a:?} against {b:?}");
            }
        }
    }

    fn article(i: usize) -> ArticleRow {
        ArticleRow {
            article_id: format!("article-{i}").into(),
            status: "ok",
            n_quotes: (i % 7) as u32,
            n_chars: i as u64 * 3,
            published: None,
            published_days: (!i.is_multiple_of(3)).then_some(19_000 + (i % 365) as i32),
            published_raw: None,
            // Long enough that the rows are encoded into pages many times per row group.
            title: (!i.is_multiple_of(5)).then(|| format!("Title {i}: {}", "words of a headline ".repeat(40)).into()),
            outlet: Some("Outlet".into()),
            url: None,
            author: None,
            lang: Some("en".into()),
            file: "corpus.jsonl".into(),
            line: Some(i as u64 + 1),
            error: None,
        }
    }

    /// Writes `rows` into `dir` through a sink, in batches of `batch` rows; the file's path.
    fn write_rows<R: TableRow>(dir: &std::path::Path, rows: &[R], batch: usize) -> std::path::PathBuf {
        let path = dir.join("table.parquet");
        let mut sink = ParquetSink::<R>::create(path.clone()).unwrap();
        for rows in rows.chunks(batch) {
            sink.write(rows).unwrap();
        }
        sink.finish().unwrap().publish().unwrap();
        path
    }

    /// Writes `rows` through a sink in batches of `batch` rows and reads the file back: the
    /// frame, and the rows of each row group.
    fn round_trip<R: TableRow>(rows: &[R], batch: usize) -> (DataFrame, Vec<usize>) {
        let dir = tempfile::tempdir().unwrap();
        let path = write_rows(dir.path(), rows, batch);
        let mut reader = ParquetReader::new(std::fs::File::open(&path).unwrap());
        let groups = reader.get_metadata().unwrap().row_groups.iter().map(|group| group.num_rows()).collect();
        (reader.finish().unwrap(), groups)
    }

    /// The rows of real news (the sample corpus, repeated so that every table spans row groups
    /// and pages), encoded straight from the rows, read back as polars reads them: equal to the
    /// frame of the declared columns, for every table.
    #[test]
    fn real_news_rows_read_back_equal_to_their_frame() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_corpus");
        let files = crate::read::discover(&[corpus]).unwrap();
        let (mut articles, mut quotes, mut speakers) = (Vec::new(), Vec::new(), Vec::new());
        for record in crate::read::Reader::new(files, Default::default()) {
            let crate::model::Record::Article(article) = record else { panic!("{record:?}") };
            let published = article.published.as_deref().and_then(crate::dates::parse_published);
            let extraction = crate::extract(&article.text, published, &crate::tokenize::FastTokenizer);
            let (article_row, quote_rows) = super::super::rows_for(&article, &extraction);
            speakers.extend(super::super::speaker_rows(&quote_rows));
            quotes.extend(quote_rows);
            articles.push(article_row);
        }
        // Enough copies for the quotes to fill one row group and start a second.
        let copies = ROW_GROUP_ROWS / quotes.len() + 1;
        fn repeated<T: Clone>(rows: &[T], copies: usize) -> Vec<T> {
            rows.iter().cycle().take(copies * rows.len()).cloned().collect()
        }
        let (quotes, speakers, articles) =
            (repeated(&quotes, copies), repeated(&speakers, copies), repeated(&articles, copies));
        assert!(quotes.len() > ROW_GROUP_ROWS && speakers.len() > 2 * 5_000, "{} quotes", quotes.len());

        let (frame_back, groups) = round_trip(&quotes, 300);
        assert_eq!(frame_back, frame(&quotes).unwrap());
        assert_eq!(groups, [ROW_GROUP_ROWS, quotes.len() - ROW_GROUP_ROWS]);
        assert_eq!(round_trip(&speakers, 100).0, frame(&speakers).unwrap());
        assert_eq!(round_trip(&articles, 20).0, frame(&articles).unwrap());
    }

    /// Statistics of strings longer than 64 bytes are cut on a character boundary: the minimum
    /// to a prefix, the maximum to a prefix whose last character that can grow is incremented.
    #[test]
    fn string_statistics_are_cut_on_character_boundaries() {
        let ascii = "a".repeat(63) + "bcd";
        assert_eq!(truncate_min(ascii.as_bytes()), &ascii.as_bytes()[..64]);
        assert_eq!(truncate_max(ascii.as_bytes()), ["a".repeat(63), "c".into()].concat().into_bytes());
        // "é" is two bytes, across the 64th byte: cut before it.
        let accent = "a".repeat(63) + "é" + "z";
        assert_eq!(truncate_min(accent.as_bytes()), "a".repeat(63).as_bytes());
        assert_eq!(truncate_max(accent.as_bytes()), ["a".repeat(62), "b".into()].concat().into_bytes());
        let short = "short";
        assert_eq!((truncate_min(short.as_bytes()), truncate_max(short.as_bytes())), (short.as_bytes(), short.into()));
        // No character below can grow without changing its length: the value stays whole.
        let top = "\u{10FFFF}".repeat(20);
        assert_eq!(truncate_max(top.as_bytes()), top.as_bytes());
    }

    /// Reads the thrift structure at `at` in `bytes`.
    fn thrift<'a, T>(
        bytes: &'a [u8],
        at: i64,
        read: impl Fn(&mut TCompactInputProtocol<&'a [u8]>) -> polars_parquet_format::thrift::Result<T>,
    ) -> T {
        read(&mut TCompactInputProtocol::new(&bytes[at as usize..], usize::MAX)).unwrap()
    }

    /// The page index points at every page of every chunk, pages in row order, with each page's
    /// nulls and bounds; a column of nulls only has its pages marked so, with empty bounds.
    #[test]
    fn page_index_locates_every_page_with_its_nulls_and_bounds() {
        let n = ROW_GROUP_ROWS + 20_000;
        let rows: Vec<ArticleRow> = (0..n).map(article).collect();
        let dir = tempfile::tempdir().unwrap();
        let bytes = std::fs::read(write_rows(dir.path(), &rows, 1_000)).unwrap();
        let size = u32::from_le_bytes(bytes[bytes.len() - 8..bytes.len() - 4].try_into().unwrap()) as i64;
        let footer = thrift(&bytes, bytes.len() as i64 - 8 - size, FileMetaData::read_from_in_protocol);
        assert_eq!(footer.row_groups.len(), 2);
        let mut pages_seen = 0;
        for group in &footer.row_groups {
            for column in &group.columns {
                let meta = column.meta_data.as_ref().unwrap();
                let offsets = thrift(&bytes, column.offset_index_offset.unwrap(), OffsetIndex::read_from_in_protocol);
                let bounds = thrift(&bytes, column.column_index_offset.unwrap(), ColumnIndex::read_from_in_protocol);
                let pages = offsets.page_locations;
                assert!(pages.len() > 1, "{:?} has {} page(s)", meta.path_in_schema, pages.len());
                assert_eq!(pages[0].offset, meta.data_page_offset);
                let (mut rows, mut nulls) = (0, 0);
                for (i, page) in pages.iter().enumerate() {
                    let header = thrift(&bytes, page.offset, PageHeader::read_from_in_protocol);
                    let data = header.data_page_header.unwrap();
                    let body = page.compressed_page_size - header.compressed_page_size;
                    // The next page starts where this one ends.
                    if let Some(next) = pages.get(i + 1) {
                        assert_eq!(page.offset + i64::from(page.compressed_page_size), next.offset);
                    }
                    assert!(body > 0, "a header of {body} bytes");
                    assert_eq!(page.first_row_index, rows);
                    rows += i64::from(data.num_values);
                    let stats = data.statistics.unwrap();
                    let null_count = bounds.null_counts.as_ref().unwrap()[i];
                    assert_eq!(stats.null_count, Some(null_count));
                    nulls += null_count;
                    if bounds.null_pages[i] {
                        assert_eq!(
                            (stats.min_value, &bounds.min_values[i], &bounds.max_values[i]),
                            (None, &vec![], &vec![])
                        );
                    } else {
                        assert_eq!(stats.min_value.as_ref(), Some(&bounds.min_values[i]));
                        assert_eq!(stats.max_value.as_ref(), Some(&bounds.max_values[i]));
                    }
                }
                assert_eq!(rows, group.num_rows);
                assert_eq!(Some(nulls), meta.statistics.as_ref().unwrap().null_count);
                let all_null = ["published_raw", "url", "author", "error"].contains(&meta.path_in_schema[0].as_str());
                assert_eq!(bounds.null_pages.iter().all(|&null| null), all_null, "{:?}", meta.path_in_schema);
                pages_seen += pages.len();
            }
        }
        assert!(pages_seen > 2 * 13);
    }

    /// Pages made and compressed on a pool (the `Spawner`) give the file made here, byte for
    /// byte: batches of 7 and of 1,000 rows (one split where a row group ends), integers, dates,
    /// nulls and strings whose bounds change from batch to batch, a page of many parts.
    #[test]
    fn pages_made_on_workers_make_the_same_file() {
        let n = ROW_GROUP_ROWS + 4_464;
        let mut rows: Vec<ArticleRow> = (0..n).map(article).collect();
        // (the least and the greatest title come late, and a negative date, so that each bound
        // moves after the first chunk of a page)
        rows[n - 10].title = Some("AAA first".into());
        rows[n - 9].title = Some("zzz last".into());
        rows[n - 8].published_days = Some(-5);
        let pool = std::sync::Arc::new(rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap());
        let dir = tempfile::tempdir().unwrap();
        for batch in [7, 1_000] {
            let here = std::fs::read(write_rows(dir.path(), &rows, batch)).unwrap();
            let path = dir.path().join("spawned.parquet");
            let mut sink = ParquetSink::<ArticleRow>::create(path.clone()).unwrap();
            let pool = pool.clone();
            sink.spawn_with(std::sync::Arc::new(move |job| pool.spawn(job)));
            for rows in rows.chunks(batch) {
                sink.write_chunk(Chunk::encode(rows)).unwrap();
            }
            sink.finish().unwrap().publish().unwrap();
            assert!(here == std::fs::read(&path).unwrap(), "batches of {batch}");
        }
    }

    /// Rows arrive in batches, are encoded into pages a few MB at a time and written in row
    /// groups of `ROW_GROUP_ROWS`; reading the file back gives every row, in order, nulls kept.
    #[test]
    fn rows_written_in_batches_read_back_whole_in_row_groups() {
        let n = ROW_GROUP_ROWS + 4_464;
        let rows: Vec<ArticleRow> = (0..n).map(article).collect();
        let (frame_back, groups) = round_trip(&rows, 1_000);
        assert_eq!(groups, [ROW_GROUP_ROWS, n - ROW_GROUP_ROWS]);
        assert_eq!(frame_back, frame(&rows).unwrap());
    }
}
