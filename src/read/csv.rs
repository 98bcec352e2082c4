//! CSV with a header row. Each field is read from the column the user named for it or from its
//! usual names (see [`super::columns`]); a header with no text column is a fatal error that
//! lists the columns it has.

use std::io::BufRead;
use std::sync::Arc;

use super::columns::{Columns, Field};
use super::{ArticleFields, RecordSource};
use crate::error::Error;
use crate::model::{Origin, Record, Reject};

pub(super) struct CsvSource {
    reader: csv::Reader<Box<dyn BufRead + Send>>,
    file: Arc<str>,
    columns: Arc<Columns>,
    /// The column index of each field, once the header is read.
    indices: Option<[Option<usize>; 7]>,
    n_fields: usize,
    record: csv::ByteRecord,
    done: bool,
    fatal: Option<Error>,
}

impl CsvSource {
    pub(super) fn new(input: Box<dyn BufRead + Send>, file: Arc<str>, columns: Arc<Columns>) -> CsvSource {
        let reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(input);
        CsvSource {
            reader,
            file,
            columns,
            indices: None,
            n_fields: 0,
            record: csv::ByteRecord::new(),
            done: false,
            fatal: None,
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
                let mut indices: [Option<(usize, usize)>; 7] = [None; 7];
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

impl RecordSource for CsvSource {
    fn next_record(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        if self.indices.is_none() {
            if let Some(reject) = self.read_header() {
                return Some(reject);
            }
            if self.done {
                return None;
            }
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                None
            }
            Err(err) => {
                self.done = true;
                let line = err.position().map(|p| p.line());
                Some(self.reject(line, None, format!("read error: {err}")))
            }
            Ok(true) => Some(self.build()),
        }
    }

    fn take_fatal(&mut self) -> Option<Error> {
        self.fatal.take()
    }
}

impl CsvSource {
    fn build(&self) -> Record {
        let line = self.record.position().map(|p| p.line());
        let indices = self.indices.as_ref().expect("header read before rows");
        let name = |field: Field| self.columns.display(field).to_string();
        // A field's text, `None` when the column is absent or the cell blank.
        let field = |field: Field| -> Result<Option<String>, String> {
            let Some(bytes) = indices[field as usize].and_then(|i| self.record.get(i)) else { return Ok(None) };
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(Some(text.to_string()).filter(|t| !t.trim().is_empty())),
                Err(err) => Err(format!("`{}`: invalid UTF-8 at byte {}", name(field), err.valid_up_to())),
            }
        };
        let id = match field(Field::Id) {
            Ok(Some(id)) => Some(id),
            Ok(None) if indices[Field::Id as usize].is_none() => None,
            Ok(None) => return self.reject(line, None, format!("empty `{}`", name(Field::Id))),
            Err(reason) => return self.reject(line, None, reason),
        };
        if self.record.len() != self.n_fields {
            let reason =
                format!("wrong number of fields: {} where the header has {}", self.record.len(), self.n_fields);
            return self.reject(line, id, reason);
        }
        let read = || -> Result<(String, ArticleFields), String> {
            let text = field(Field::Text)?.ok_or_else(|| format!("empty `{}`", name(Field::Text)))?;
            let fields = ArticleFields {
                published: field(Field::Published)?,
                title: field(Field::Title)?,
                outlet: field(Field::Outlet)?,
                url: field(Field::Url)?,
                author: field(Field::Author)?,
            };
            Ok((text, fields))
        };
        match read() {
            Ok((text, fields)) => {
                Record::Article(fields.into_article(id, text, Origin { file: self.file.clone(), line }))
            }
            Err(reason) => self.reject(line, id, reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::columns::ColumnNames;

    fn source(input: &str, columns: Columns) -> CsvSource {
        let input: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(input.as_bytes().to_vec()));
        CsvSource::new(input, "f.csv".into(), Arc::new(columns))
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
