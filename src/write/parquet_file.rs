//! A Parquet file built from our own pages, in memory that does not grow with the file: each
//! page goes, header and compressed body, into a spill file as soon as it is encoded; a row group
//! is each column's pages copied from there one column after another, and its page index and
//! metadata go to spill files of their own, to be copied in with the footer at the end.
//!
//! polars' `FileWriter` kept every page's header and decoded statistics until the footer (~1 KB a
//! page, and 16,438 pages on the 2 GB bench corpus), each page in a buffer of its own, and the heap
//! grew and fragmented around them all run long. Keeping a row group's pages in memory, and the
//! page index and metadata of the row groups written, still made the 2 GB corpus peak 13 MB
//! higher than a 20 MB one (34 against 21 MB with Parquet alone). The layout is polars' own:
//! pages, each chunk's metadata after its pages, the column indexes, the offset indexes, then the
//! footer, whose schema, `ARROW:schema` key and writer name are those polars writes for the table.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use polars_parquet_format::thrift;
use polars_parquet_format::thrift::protocol::{
    TCompactInputProtocol, TCompactOutputProtocol, TFieldIdentifier, TListIdentifier, TOutputProtocol,
    TStructIdentifier, TType,
};
use polars_parquet_format::{
    BoundaryOrder, ColumnChunk, ColumnIndex, ColumnMetaData, CompressionCodec, DataPageHeader, Encoding, FileMetaData,
    OffsetIndex, PageHeader, PageLocation, PageType, RowGroup, Statistics, Type,
};

use super::AtomicFile;
use crate::error::{Error, Result};

const MAGIC: &[u8; 4] = b"PAR1";

/// zstd at level 1: measured on the sample corpus, compression at polars' default level was a
/// tenth of a whole run's instructions; level 1 costs about half as much, for files a little
/// larger (Snappy would be cheaper still, for files half as large again).
pub const ZSTD_LEVEL: i32 = 1;

pub struct ParquetFile {
    path: PathBuf,
    out: AtomicFile,
    /// Bytes written so far: where the next byte goes.
    offset: u64,
    /// The footer polars writes for the table, without row groups.
    footer: FileMetaData,
    /// The row group being built: each column's chunk.
    chunks: Vec<Chunk>,
    /// The pages of the row group being built, each column's in `chunks[column].pages`.
    pages: Spill,
    /// The page index of the row groups written.
    indexes: PageIndex,
    /// The metadata of the row groups written, serialized, their page index offsets relative to
    /// the starts of `indexes`.
    groups: Spill,
    group_count: usize,
    num_rows: i64,
    /// The min and max values of the pages of the row group being built.
    bounds: Vec<u8>,
    /// One zstd context for every page (a new context per page cleared its tables each time),
    /// and the buffer it compresses into.
    zstd: zstd::bulk::Compressor<'static>,
    scratch: Vec<u8>,
}

/// A column chunk being built.
struct Chunk {
    name: String,
    physical: Type,
    /// Its pages' bytes, headers and bodies.
    len: u64,
    pages: Vec<PageEntry>,
    rows: u64,
    values: i64,
    uncompressed: i64,
    encodings: Vec<Encoding>,
}

/// The column indexes and the offset indexes of the row groups written, serialized chunk after
/// chunk; each chunk's metadata holds where its own are in these until the file ends.
struct PageIndex {
    column: Spill,
    offset: Spill,
}

/// What the page index needs of a page, and where it waits.
struct PageEntry {
    /// Where the page starts in its chunk.
    offset: u64,
    /// Where the page is in the spill file.
    spilled: u64,
    /// The page's bytes, header and body.
    size: i32,
    first_row: u64,
    null_count: i64,
    /// Its min and max values in `bounds`; `None` for a page of nulls only.
    min_max: Option<(Range<usize>, Range<usize>)>,
}

/// Bytes set aside on disk until the file needs them: an unnamed temporary file in the output's
/// folder, which the OS removes however the process ends. What is read back is in the page
/// cache still, so the round trip costs two copies, not disk reads.
struct Spill {
    file: BufWriter<File>,
    /// Bytes written: where the next write goes.
    len: u64,
}

impl Spill {
    fn create(path: &Path, buffer: usize) -> std::io::Result<Spill> {
        let dir = path.parent().filter(|dir| !dir.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Ok(Spill { file: BufWriter::with_capacity(buffer, tempfile::tempfile_in(dir)?), len: 0 })
    }

    /// Copies the bytes at `range` of what was written to `out`.
    fn copy(&mut self, range: Range<u64>, out: &mut impl Write) -> std::io::Result<()> {
        self.file.flush()?;
        let mut file = self.file.get_ref();
        file.seek(SeekFrom::Start(range.start))?;
        let wanted = range.end - range.start;
        let copied = std::io::copy(&mut file.take(wanted), out)?;
        // Writes go on after what was written, not after what was read.
        file.seek(SeekFrom::Start(self.len))?;
        if copied < wanted {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "a spill file lost bytes"));
        }
        Ok(())
    }

    /// A reader of everything written, from the start.
    fn reader(&mut self) -> std::io::Result<BufReader<&File>> {
        self.file.flush()?;
        let mut file = self.file.get_ref();
        file.seek(SeekFrom::Start(0))?;
        Ok(BufReader::with_capacity(16 << 10, file))
    }

    /// Forgets what was written; the file's blocks are kept to be written over.
    fn rewind(&mut self) -> std::io::Result<()> {
        self.file.seek(SeekFrom::Start(0))?;
        self.len = 0;
        Ok(())
    }
}

impl Write for Spill {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.file.write(buf)?;
        self.len += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// A page's body compressed as every page of whosaid's Parquet files is (zstd at [`ZSTD_LEVEL`],
/// the same bytes from any context), into `scratch`.
pub fn compress<'a>(
    zstd: &mut zstd::bulk::Compressor<'static>,
    body: &[u8],
    scratch: &'a mut Vec<u8>,
) -> std::io::Result<&'a [u8]> {
    scratch.clear();
    scratch.reserve(zstd::zstd_safe::compress_bound(body.len()));
    let n = zstd.compress_to_buffer(body, &mut *scratch)?;
    Ok(&scratch[..n])
}

impl ParquetFile {
    /// Creates the file for a table of `schema`.
    pub fn create(path: PathBuf, schema: &Schema) -> Result<ParquetFile> {
        let footer = polars_footer(&path, schema)?;
        let chunks = footer.schema[1..]
            .iter()
            .map(|element| match (element.type_, element.num_children) {
                (Some(physical), None) => Ok(Chunk {
                    name: element.name.clone(),
                    physical,
                    len: 0,
                    pages: Vec::new(),
                    rows: 0,
                    values: 0,
                    uncompressed: 0,
                    encodings: Vec::new(),
                }),
                _ => Err(invalid(&path, format!("column {} is nested; only flat tables are written", element.name))),
            })
            .collect::<Result<Vec<Chunk>>>()?;
        let zstd = zstd::bulk::Compressor::new(ZSTD_LEVEL).map_err(|e| Error::output(&path, e))?;
        let mut out = AtomicFile::create(path.clone())?;
        out.write_all(MAGIC).map_err(|e| Error::output(&path, e))?;
        let spill = |buffer| Spill::create(&path, buffer).map_err(|e| Error::output(&path, e));
        Ok(ParquetFile {
            pages: spill(64 << 10)?,
            indexes: PageIndex { column: spill(16 << 10)?, offset: spill(16 << 10)? },
            groups: spill(16 << 10)?,
            path,
            out,
            offset: MAGIC.len() as u64,
            footer,
            chunks,
            group_count: 0,
            num_rows: 0,
            bounds: Vec::new(),
            zstd,
            scratch: Vec::new(),
        })
    }

    /// Has the writeback of the file started on `spawner`'s jobs (see `AtomicFile`).
    pub fn start_writeback_on(&mut self, spawner: super::Spawner) {
        self.out.start_writeback_on(spawner);
    }

    /// Where the file goes.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Each column's physical type, as polars' schema has it.
    pub fn physical_types(&self) -> Vec<Type> {
        self.chunks.iter().map(|chunk| chunk.physical).collect()
    }

    /// An error about this file.
    pub fn invalid(&self, message: String) -> Error {
        invalid(&self.path, message)
    }

    /// Compresses a version 1 data page of `rows` rows, its `body` plain-encoded, and adds it to
    /// `column`'s chunk of the row group.
    pub fn add_page(&mut self, column: usize, header: DataPageHeader, body: &[u8], rows: usize) -> Result<()> {
        let mut scratch = std::mem::take(&mut self.scratch);
        let compressed = compress(&mut self.zstd, body, &mut scratch).map_err(|e| Error::output(&self.path, e))?;
        let added = self.add_compressed_page(column, header, compressed, body.len(), rows);
        self.scratch = scratch;
        added
    }

    /// Adds a version 1 data page of `rows` rows, its body `uncompressed` bytes long before
    /// zstd ([`compress`]) made it `compressed`, to `column`'s chunk of the row group.
    pub fn add_compressed_page(
        &mut self,
        column: usize,
        header: DataPageHeader,
        compressed: &[u8],
        uncompressed: usize,
        rows: usize,
    ) -> Result<()> {
        let Some(statistics) = &header.statistics else {
            return Err(invalid(&self.path, "a page without statistics, which the page index needs".into()));
        };
        let null_count = statistics
            .null_count
            .ok_or_else(|| invalid(&self.path, "a page's statistics without its null count".into()))?;
        let min_max = match (&statistics.min_value, &statistics.max_value) {
            (Some(min), Some(max)) => {
                let start = self.bounds.len();
                self.bounds.extend_from_slice(min);
                let middle = self.bounds.len();
                self.bounds.extend_from_slice(max);
                Some((start..middle, middle..self.bounds.len()))
            }
            _ => None,
        };

        let (num_values, encoding) = (header.num_values, header.encoding);
        let page_header = PageHeader {
            type_: PageType::DATA_PAGE,
            uncompressed_page_size: size_i32(&self.path, uncompressed)?,
            compressed_page_size: size_i32(&self.path, compressed.len())?,
            crc: None,
            data_page_header: Some(header),
            index_page_header: None,
            dictionary_page_header: None,
            data_page_header_v2: None,
        };

        let spilled = self.pages.len;
        let header_size = page_header
            .write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut self.pages))
            .map_err(thrift_error(&self.path))?;
        self.pages.write_all(compressed).map_err(|e| Error::output(&self.path, e))?;
        let chunk = &mut self.chunks[column];
        chunk.pages.push(PageEntry {
            offset: chunk.len,
            spilled,
            size: size_i32(&self.path, header_size + compressed.len())?,
            first_row: chunk.rows,
            null_count,
            min_max,
        });
        chunk.len += (header_size + compressed.len()) as u64;
        chunk.rows += rows as u64;
        chunk.values += i64::from(num_values);
        chunk.uncompressed += (header_size + uncompressed) as i64;
        for encoding in [encoding, Encoding::RLE] {
            if !chunk.encodings.contains(&encoding) {
                chunk.encodings.push(encoding);
            }
        }
        Ok(())
    }

    /// Writes the row group built so far, of `num_rows` rows.
    pub fn end_group(&mut self, num_rows: u64) -> Result<()> {
        if num_rows == 0 {
            return Ok(());
        }
        let output = |e| Error::output(&self.path, e);
        let mut columns = Vec::with_capacity(self.chunks.len());
        for chunk in &mut self.chunks {
            let start = self.offset;
            for page in &chunk.pages {
                let spilled = page.spilled..page.spilled + page.size as u64;
                self.pages.copy(spilled, &mut self.out).map_err(output)?;
            }
            let compressed = chunk.len as i64;
            chunk.encodings.sort();
            let meta = ColumnMetaData {
                type_: chunk.physical,
                encodings: std::mem::take(&mut chunk.encodings),
                path_in_schema: vec![chunk.name.clone()],
                codec: CompressionCodec::ZSTD,
                num_values: chunk.values,
                total_uncompressed_size: chunk.uncompressed,
                total_compressed_size: compressed,
                key_value_metadata: None,
                data_page_offset: if chunk.pages.is_empty() { 0 } else { start as i64 },
                index_page_offset: None,
                dictionary_page_offset: None,
                statistics: Some(chunk_statistics(&self.path, chunk, &self.bounds)?),
                encoding_stats: None,
                bloom_filter_offset: None,
                bloom_filter_length: None,
                size_statistics: None,
            };
            // As polars does, each chunk's metadata also follows its pages.
            let meta_size = meta
                .write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut self.out))
                .map_err(thrift_error(&self.path))?;
            self.offset += chunk.len + meta_size as u64;
            let (column_index, offset_index) = self.indexes.add(&self.path, chunk, &self.bounds, start)?;
            columns.push(ColumnChunk {
                file_path: None,
                file_offset: meta.data_page_offset + compressed,
                meta_data: Some(meta),
                offset_index_offset: Some(offset_index.start as i64),
                offset_index_length: Some(size_i32(&self.path, (offset_index.end - offset_index.start) as usize)?),
                column_index_offset: Some(column_index.start as i64),
                column_index_length: Some(size_i32(&self.path, (column_index.end - column_index.start) as usize)?),
                crypto_metadata: None,
                encrypted_column_metadata: None,
            });

            chunk.len = 0;
            chunk.pages.clear();
            chunk.rows = 0;
            chunk.values = 0;
            chunk.uncompressed = 0;
        }
        self.pages.rewind().map_err(output)?;
        self.bounds.clear();
        let group = RowGroup {
            total_byte_size: columns.iter().map(|column| meta(column).total_uncompressed_size).sum(),
            total_compressed_size: Some(columns.iter().map(|column| meta(column).total_compressed_size).sum()),
            file_offset: columns.first().map(|column| meta(column).data_page_offset),
            num_rows: num_rows as i64,
            sorting_columns: None,
            ordinal: self.group_count.try_into().ok(),
            columns,
        };
        group
            .write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut self.groups))
            .map_err(thrift_error(&self.path))?;
        self.group_count += 1;
        self.num_rows += num_rows as i64;
        Ok(())
    }

    /// Writes the page index and the footer, and commits the file (synced, renamed into place).
    /// Writes the page index and the footer and syncs the file; the caller names it.
    pub fn finish(mut self) -> Result<AtomicFile> {
        let output = |e| Error::output(&self.path, e);
        let column_indexes = self.offset as i64;
        let offset_indexes = column_indexes + self.indexes.column.len as i64;
        self.indexes.column.copy(0..self.indexes.column.len, &mut self.out).map_err(output)?;
        self.indexes.offset.copy(0..self.indexes.offset.len, &mut self.out).map_err(output)?;

        // The row groups are read back one at a time, and given the page index's place.
        let mut groups = TCompactInputProtocol::new(self.groups.reader().map_err(output)?, usize::MAX);
        let mut out = TCompactOutputProtocol::new(&mut self.out);
        let size = write_footer(&mut out, &self.footer, self.num_rows, self.group_count, |out| {
            let mut group = RowGroup::read_from_in_protocol(&mut groups)?;
            for column in &mut group.columns {
                *column.column_index_offset.as_mut().expect("set with the chunk") += column_indexes;
                *column.offset_index_offset.as_mut().expect("set with the chunk") += offset_indexes;
            }
            group.write_to_out_protocol(out)
        })
        .map_err(thrift_error(&self.path))?;
        let size = size_i32(&self.path, size)?;
        self.out.write_all(&size.to_le_bytes()).map_err(output)?;
        self.out.write_all(MAGIC).map_err(output)?;
        self.out.sync()?;
        Ok(self.out)
    }
}

/// Writes `footer` with `num_rows` and `count` row groups, each written by `group` in turn, as
/// `FileMetaData::write_to_out_protocol` would have with them all in memory; returns the bytes
/// written. The footer is not encrypted ([`polars_footer`] refuses one that is).
fn write_footer<O: TOutputProtocol>(
    out: &mut O,
    footer: &FileMetaData,
    num_rows: i64,
    count: usize,
    mut group: impl FnMut(&mut O) -> thrift::Result<usize>,
) -> thrift::Result<usize> {
    let list = |out: &mut O, name, id, len: usize| -> thrift::Result<usize> {
        Ok(out.write_field_begin(&TFieldIdentifier::new(name, TType::List, id))?
            + out.write_list_begin(&TListIdentifier::new(TType::Struct, len.try_into()?))?)
    };
    let end_list = |out: &mut O| -> thrift::Result<usize> { Ok(out.write_list_end()? + out.write_field_end()?) };
    let mut written = out.write_struct_begin(&TStructIdentifier::new("FileMetaData"))?;
    written += out.write_field_begin(&TFieldIdentifier::new("version", TType::I32, 1))?;
    written += out.write_i32(footer.version)? + out.write_field_end()?;
    written += list(out, "schema", 2, footer.schema.len())?;
    for element in &footer.schema {
        written += element.write_to_out_protocol(out)?;
    }
    written += end_list(out)?;
    written += out.write_field_begin(&TFieldIdentifier::new("num_rows", TType::I64, 3))?;
    written += out.write_i64(num_rows)? + out.write_field_end()?;
    written += list(out, "row_groups", 4, count)?;
    for _ in 0..count {
        written += group(out)?;
    }
    written += end_list(out)?;
    if let Some(pairs) = &footer.key_value_metadata {
        written += list(out, "key_value_metadata", 5, pairs.len())?;
        for pair in pairs {
            written += pair.write_to_out_protocol(out)?;
        }
        written += end_list(out)?;
    }
    if let Some(created_by) = &footer.created_by {
        written += out.write_field_begin(&TFieldIdentifier::new("created_by", TType::String, 6))?;
        written += out.write_string(created_by)? + out.write_field_end()?;
    }
    if let Some(orders) = &footer.column_orders {
        written += list(out, "column_orders", 7, orders.len())?;
        for order in orders {
            written += order.write_to_out_protocol(out)?;
        }
        written += end_list(out)?;
    }
    Ok(written + out.write_field_stop()? + out.write_struct_end()?)
}

impl PageIndex {
    /// Serializes the page index of a chunk written at `start`: its column index and its offset
    /// index, and where each is in `column` and `offset`.
    fn add(&mut self, path: &Path, chunk: &Chunk, bounds: &[u8], start: u64) -> Result<(Range<u64>, Range<u64>)> {
        let bound = |range: &Range<usize>| bounds[range.clone()].to_vec();
        let pages = &chunk.pages;
        let column_index = ColumnIndex {
            null_pages: pages.iter().map(|page| page.min_max.is_none()).collect(),
            // A page of nulls has empty bounds, as the format asks.
            min_values: pages
                .iter()
                .map(|page| page.min_max.as_ref().map_or(Vec::new(), |(min, _)| bound(min)))
                .collect(),
            max_values: pages
                .iter()
                .map(|page| page.min_max.as_ref().map_or(Vec::new(), |(_, max)| bound(max)))
                .collect(),
            boundary_order: BoundaryOrder::UNORDERED,
            null_counts: Some(pages.iter().map(|page| page.null_count).collect()),
            repetition_level_histograms: None,
            definition_level_histograms: None,
        };
        let offset_index = OffsetIndex {
            page_locations: pages
                .iter()
                .map(|page| PageLocation {
                    offset: (start + page.offset) as i64,
                    compressed_page_size: page.size,
                    first_row_index: page.first_row as i64,
                })
                .collect(),
            unencoded_byte_array_data_bytes: None,
        };
        let column_start = self.column.len;
        column_index
            .write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut self.column))
            .map_err(thrift_error(path))?;
        let offset_start = self.offset.len;
        offset_index
            .write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut self.offset))
            .map_err(thrift_error(path))?;
        Ok((column_start..self.column.len, offset_start..self.offset.len))
    }
}

fn meta(column: &ColumnChunk) -> &ColumnMetaData {
    column.meta_data.as_ref().expect("every chunk written has its metadata")
}

/// The footer polars writes for an empty table of `schema`, without row groups: the schema, the
/// `ARROW:schema` key that gives readers back polars' types, the writer's name, column orders.
fn polars_footer(path: &Path, schema: &Schema) -> Result<FileMetaData> {
    let mut bytes = Vec::new();
    // A batched writer given no rows writes only the footer (`finish` on an empty frame built
    // full-null columns first, 8M instructions for nothing).
    ParquetWriter::new(&mut bytes)
        .batched(schema)
        .and_then(|writer| writer.finish())
        .map_err(|source| Error::Parquet { path: path.to_path_buf(), source })?;
    let footer_size = bytes.len().checked_sub(8).and_then(|end| {
        let size = u32::from_le_bytes(bytes[end..end + 4].try_into().expect("4 bytes")) as usize;
        end.checked_sub(size).map(|start| start..end)
    });
    let footer = footer_size.ok_or_else(|| invalid(path, "polars wrote an empty table without its footer".into()))?;
    // No bound on what the reader may allocate: the bytes are polars' own, written just now.
    let mut footer = FileMetaData::read_from_in_protocol(&mut TCompactInputProtocol::new(&bytes[footer], usize::MAX))
        .map_err(thrift_error(path))?;
    if footer.encryption_algorithm.is_some() || footer.footer_signing_key_metadata.is_some() {
        // The footer is written field by field (`write_footer`), and without these.
        return Err(invalid(path, "polars wrote an encrypted footer, which is not written here".into()));
    }
    footer.row_groups.clear();
    footer.num_rows = 0;
    Ok(footer)
}

/// The chunk's statistics: the least min and the greatest max of its pages, and its nulls.
fn chunk_statistics(path: &Path, chunk: &Chunk, bounds: &[u8]) -> Result<Statistics> {
    let mut min: Option<&[u8]> = None;
    let mut max: Option<&[u8]> = None;
    for (page_min, page_max) in chunk.pages.iter().filter_map(|page| page.min_max.as_ref()) {
        let (page_min, page_max) = (&bounds[page_min.clone()], &bounds[page_max.clone()]);
        min = match min {
            Some(min) if order(path, chunk.physical, min, page_min)?.is_le() => Some(min),
            _ => Some(page_min),
        };
        max = match max {
            Some(max) if order(path, chunk.physical, max, page_max)?.is_gt() => Some(max),
            _ => Some(page_max),
        };
    }
    Ok(Statistics {
        max: None,
        min: None,
        null_count: Some(chunk.pages.iter().map(|page| page.null_count).sum()),
        distinct_count: None,
        max_value: max.map(<[u8]>::to_vec),
        min_value: min.map(<[u8]>::to_vec),
        is_max_value_exact: None,
        is_min_value_exact: None,
    })
}

/// How two plain-encoded values of the physical type order: strings by their bytes, integers
/// (and dates) as signed numbers.
fn order(path: &Path, physical: Type, a: &[u8], b: &[u8]) -> Result<std::cmp::Ordering> {
    let int = |bytes: &[u8]| -> Result<i64> {
        match (physical, <[u8; 4]>::try_from(bytes), <[u8; 8]>::try_from(bytes)) {
            (Type::INT32, Ok(value), _) => Ok(i64::from(i32::from_le_bytes(value))),
            (Type::INT64, _, Ok(value)) => Ok(i64::from_le_bytes(value)),
            _ => Err(invalid(path, format!("a {}-byte statistic of physical type {physical:?}", bytes.len()))),
        }
    };
    match physical {
        Type::BYTE_ARRAY => Ok(a.cmp(b)),
        _ => Ok(int(a)?.cmp(&int(b)?)),
    }
}

fn size_i32(path: &Path, size: usize) -> Result<i32> {
    i32::try_from(size).map_err(|_| invalid(path, format!("a page or index of {size} bytes, over Parquet's 2 GiB")))
}

fn invalid(path: &Path, message: String) -> Error {
    Error::Parquet { path: path.to_path_buf(), source: PolarsError::ComputeError(message.into()) }
}

fn thrift_error(path: &Path) -> impl Fn(thrift::Error) -> Error + Copy + '_ {
    move |e| Error::output(path, std::io::Error::other(e))
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering::{Greater, Less};

    use super::*;

    fn check(physical: Type, a: &[u8], b: &[u8], expected: std::cmp::Ordering) {
        assert_eq!(order(Path::new("t.parquet"), physical, a, b).unwrap(), expected);
    }

    /// A chunk's min and max compare integers as signed numbers (their little-endian bytes would
    /// put -1 after 1) and strings by their bytes.
    #[test]
    fn statistics_order_integers_as_numbers_and_strings_as_bytes() {
        check(Type::INT64, &(-1i64).to_le_bytes(), &1i64.to_le_bytes(), Less);
        check(Type::INT64, &256i64.to_le_bytes(), &255i64.to_le_bytes(), Greater);
        check(Type::INT32, &(-20_000i32).to_le_bytes(), &19_000i32.to_le_bytes(), Less);
        check(Type::BYTE_ARRAY, b"b", b"abc", Greater);
        check(Type::BYTE_ARRAY, b"ab", b"abc", Less);
        assert!(order(Path::new("t.parquet"), Type::INT32, &1i64.to_le_bytes(), &1i64.to_le_bytes()).is_err());
    }

    /// A spill gives back any range of what was written, and what is written after a copy goes
    /// on after what was written before it, not where the copy stopped reading.
    #[test]
    fn a_spill_gives_back_what_was_written_and_writes_on_after_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::create(&dir.path().join("t.parquet"), 4).unwrap();
        let copy = |spill: &mut Spill, range: Range<u64>| {
            let mut out = Vec::new();
            spill.copy(range, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        spill.write_all(b"abcdef").unwrap();
        assert_eq!(copy(&mut spill, 1..3), "bc");
        spill.write_all(b"gh").unwrap();
        assert_eq!(copy(&mut spill, 0..8), "abcdefgh");
        let mut read = String::new();
        spill.reader().unwrap().read_to_string(&mut read).unwrap();
        assert_eq!(read, "abcdefgh");
        assert!(spill.copy(6..9, &mut Vec::new()).is_err(), "a range past the end is an error");
        spill.rewind().unwrap();
        spill.write_all(b"xy").unwrap();
        assert_eq!(copy(&mut spill, 0..2), "xy");
        // The spill is an unnamed file: nothing of it shows in the output's folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// The footer written a row group at a time is, byte for byte, the one thrift writes with
    /// every row group in memory.
    #[test]
    fn a_footer_written_group_by_group_is_the_footer_with_all_its_groups() {
        let schema =
            Schema::from_iter([Field::new("id".into(), DataType::String), Field::new("n".into(), DataType::Int64)]);
        let mut footer = polars_footer(Path::new("t.parquet"), &schema).unwrap();
        let group = |i: i64| RowGroup {
            columns: Vec::new(),
            total_byte_size: 100 * i,
            num_rows: 10 + i,
            sorting_columns: None,
            file_offset: Some(4 + i),
            total_compressed_size: Some(50 * i),
            ordinal: Some(i as i16),
        };
        let mut streamed = Vec::new();
        let mut next = 0;
        write_footer(&mut TCompactOutputProtocol::new(&mut streamed), &footer, 36, 3, |out| {
            next += 1;
            group(next - 1).write_to_out_protocol(out)
        })
        .unwrap();
        footer.row_groups = (0..3).map(group).collect();
        footer.num_rows = 36;
        let mut whole = Vec::new();
        footer.write_to_out_protocol(&mut TCompactOutputProtocol::new(&mut whole)).unwrap();
        assert_eq!(streamed, whole);
    }
}
