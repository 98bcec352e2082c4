//! `PipelineConfig`: what a pipeline does, read from a `pipelines/*.toml` file or built from the
//! `extract` command's flags. Where it runs (threads) is a command-line flag, not part of this.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::read::columns::ColumnNames;

/// The output table formats are the model's (the writers below take them from there).
pub use crate::model::Format;

/// The tokenizers a pipeline may name are the tokenizing stage's.
pub use crate::tokenize::TokenizerKind;

/// A pipeline: its inputs, where its tables go, and in which formats.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Files or folders to read; relative paths are taken from the pipeline file's folder.
    pub inputs: Vec<PathBuf>,
    /// The output folder; relative to the pipeline file's folder.
    pub out: PathBuf,
    #[serde(default = "default_formats")]
    pub formats: Vec<Format>,
    #[serde(default)]
    pub tokenizer: TokenizerKind,
    /// A state folder: when set, runs are incremental (see `write::incremental`): each processes
    /// only new or changed articles and adds their rows as a new partition. Relative to the
    /// pipeline file's folder.
    #[serde(default)]
    pub state: Option<PathBuf>,
    /// Streaming mode (`out = "-"`): where rejects go instead of standard error.
    #[serde(default)]
    pub rejects: Option<PathBuf>,
    /// Articles handed to the workers at once: memory is bounded by this, not by corpus size.
    #[serde(default = "default_batch_articles")]
    pub batch_articles: usize,
    /// The input columns holding each article field, where they are not among the usual names
    /// (see [`crate::read::columns`]).
    #[serde(default)]
    pub id_column: Option<String>,
    #[serde(default)]
    pub text_column: Option<String>,
    #[serde(default)]
    pub date_column: Option<String>,
    #[serde(default)]
    pub title_column: Option<String>,
    #[serde(default)]
    pub url_column: Option<String>,
    #[serde(default)]
    pub outlet_column: Option<String>,
    #[serde(default)]
    pub author_column: Option<String>,
    /// The column holding each article's language (`en`, `de`, `en-GB`); without one, or where
    /// it is empty, the language is told from the text.
    #[serde(default)]
    pub lang_column: Option<String>,
    /// The language of an article whose input gives none and whose text is too short to tell
    /// (a few words, a date line): `en` unless set.
    #[serde(default = "default_lang")]
    pub default_lang: String,
    /// Write CSV cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return as they are.
    /// By default such a text cell gets a leading `'`, so that a spreadsheet opening the CSV
    /// shows it as text instead of running it as a formula (OWASP's advice against CSV
    /// injection); Parquet and JSON Lines always keep the exact text.
    #[serde(default)]
    pub csv_keep_formulas: bool,
    /// The largest record read (a JSON line, a CSV record, a text file) and article text, in MB
    /// (1 to 4096): a larger one is a reject, read past without being held. An article's
    /// extraction needs about twenty times its text in memory, so this bounds a run's memory.
    #[serde(default = "default_max_record_mb")]
    pub max_record_mb: usize,
    /// After each run, build the corpus-wide `quotations` and `people` tables from every row
    /// the output folder holds (`whosaid aggregate OUT`, see [`crate::aggregate`]).
    #[serde(default)]
    pub aggregate: bool,
    /// Overwrite files in the output folder that no earlier whosaid run wrote (`--force`; never
    /// a pipeline key).
    #[serde(skip)]
    pub force: bool,
}

pub fn default_formats() -> Vec<Format> {
    vec![Format::Parquet, Format::Csv]
}

/// 128 articles (about 0.6 MB of news text): enough for rayon to balance the batches in flight
/// over the workers, few enough that the articles, their rows and their extraction in flight
/// stay small.
/// On the 200 MB bench corpus (2 threads, CSV + Parquet) peak RSS was 38 MB with 128 against
/// 57 MB with 512 (31 MB with 64, 46 MB with 256), at the same speed on one core and on two.
/// The most articles a batch may hold: three batches are in flight, and each holds its articles
/// and their rows in memory.
pub const MAX_BATCH_ARTICLES: usize = 100_000;

/// The most extraction threads a run starts (`--threads`).
pub const MAX_THREADS: usize = 1024;

/// 64 MB: a news article is tens of KB; the largest a run reads needs about 1.3 GB to extract.
pub fn default_max_record_mb() -> usize {
    crate::read::DEFAULT_MAX_RECORD_BYTES >> 20
}

/// The largest `max_record_mb`: an article's offsets are 32-bit.
pub const MAX_RECORD_MB: usize = 4096;

pub fn default_lang() -> String {
    "en".to_string()
}

pub fn default_batch_articles() -> usize {
    128
}

impl PipelineConfig {
    pub fn new(inputs: Vec<PathBuf>, out: PathBuf) -> PipelineConfig {
        PipelineConfig {
            inputs,
            out,
            formats: default_formats(),
            tokenizer: TokenizerKind::default(),
            state: None,
            rejects: None,
            batch_articles: default_batch_articles(),
            id_column: None,
            text_column: None,
            date_column: None,
            title_column: None,
            url_column: None,
            outlet_column: None,
            author_column: None,
            lang_column: None,
            default_lang: default_lang(),
            csv_keep_formulas: false,
            max_record_mb: default_max_record_mb(),
            aggregate: false,
            force: false,
        }
    }

    /// The input columns the pipeline names.
    pub fn column_names(&self) -> ColumnNames {
        ColumnNames {
            id: self.id_column.clone(),
            text: self.text_column.clone(),
            date: self.date_column.clone(),
            title: self.title_column.clone(),
            url: self.url_column.clone(),
            outlet: self.outlet_column.clone(),
            author: self.author_column.clone(),
            lang: self.lang_column.clone(),
        }
    }

    /// Sets the columns named on the command line, over any the pipeline file names.
    pub fn name_columns(&mut self, names: ColumnNames) {
        let ColumnNames { id, text, date, title, url, outlet, author, lang } = names;
        for (slot, name) in [
            (&mut self.id_column, id),
            (&mut self.text_column, text),
            (&mut self.date_column, date),
            (&mut self.title_column, title),
            (&mut self.url_column, url),
            (&mut self.outlet_column, outlet),
            (&mut self.author_column, author),
            (&mut self.lang_column, lang),
        ] {
            if name.is_some() {
                *slot = name;
            }
        }
    }

    /// Reads a pipeline file; relative paths in it are resolved against the file's folder, so a
    /// pipeline runs the same from cron as from the project root.
    pub fn from_file(path: &Path) -> Result<PipelineConfig> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Input { path: path.to_path_buf(), source })?;
        let mut config =
            PipelineConfig::from_toml(&text).map_err(|message| Error::Config { path: path.to_path_buf(), message })?;
        let base = path.parent().unwrap_or(Path::new(""));
        for input in &mut config.inputs {
            if input.is_relative() && input.as_os_str() != "-" {
                *input = base.join(&*input);
            }
        }
        if config.out.is_relative() && config.out.as_os_str() != "-" {
            config.out = base.join(&config.out);
        }
        if let Some(state) = config.state.as_mut().filter(|s| s.is_relative()) {
            *state = base.join(&*state);
        }
        Ok(config)
    }

    /// `out = "-"`: quote rows stream to standard output as JSON Lines.
    pub fn is_streaming(&self) -> bool {
        self.out.as_os_str() == "-"
    }

    /// Streaming writes one kind of row in one format, with no state.
    pub fn check_streaming(&self) -> Result<()> {
        let problem = if !self.is_streaming() {
            self.rejects.as_ref().map(|_| "a rejects file is for streaming mode (--out -) only")
        } else if self.aggregate {
            Some("streaming to standard output (--out -) keeps no tables to aggregate: drop `aggregate`")
        } else if self.formats != [Format::Jsonl] {
            Some("streaming to standard output (--out -) writes JSON Lines only: use --format jsonl")
        } else if self.state.is_some() {
            Some("streaming to standard output (--out -) cannot keep a state folder")
        } else {
            None
        };
        match problem {
            Some(message) => Err(Error::Usage(message.to_string())),
            None => Ok(()),
        }
    }

    pub fn from_toml(text: &str) -> Result<PipelineConfig, String> {
        let mut config: PipelineConfig = toml::from_str(text).map_err(|err| err.to_string())?;
        if config.inputs.is_empty() {
            return Err("`inputs` names no input".to_string());
        }
        if config.formats.is_empty() {
            return Err("`formats` names no format".to_string());
        }
        match crate::lang::code(&config.default_lang) {
            Some(code) => config.default_lang = code,
            None => {
                return Err(format!("`default_lang` {:?} is not a language tag (en, de, en-GB)", config.default_lang))
            }
        }
        if !(1..=MAX_RECORD_MB).contains(&config.max_record_mb) {
            return Err(format!("`max_record_mb` must be from 1 to {MAX_RECORD_MB}"));
        }
        if !(1..=MAX_BATCH_ARTICLES).contains(&config.batch_articles) {
            return Err(format!("`batch_articles` must be from 1 to {MAX_BATCH_ARTICLES}"));
        }
        if let Some(twice) = config.formats.iter().enumerate().find(|(i, f)| config.formats[..*i].contains(f)) {
            return Err(format!("`formats` names {} twice", twice.1.extension()));
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_minimal_pipeline_with_defaults() {
        let config = PipelineConfig::from_toml("inputs = [\"a.jsonl\"]\nout = \"o\"\n").unwrap();
        assert_eq!(config.formats, vec![Format::Parquet, Format::Csv]);
        assert_eq!(config.tokenizer, TokenizerKind::Fast);
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_it() {
        let err = PipelineConfig::from_toml("inputs = [\"a\"]\nout = \"o\"\nthreds = 2\n").unwrap_err();
        assert!(err.contains("threds"), "{err}");
    }

    #[test]
    fn a_pipeline_names_its_input_columns() {
        let config = PipelineConfig::from_toml("inputs = [\"a\"]\nout = \"o\"\ntext_column = \"body_html\"\n").unwrap();
        assert_eq!(config.column_names().text.as_deref(), Some("body_html"));
        let mut config = config;
        config.name_columns(ColumnNames { text: Some("words".into()), ..ColumnNames::default() });
        assert_eq!(config.column_names().text.as_deref(), Some("words"));
    }

    #[test]
    fn an_unknown_format_is_an_error() {
        let err = PipelineConfig::from_toml("inputs = [\"a\"]\nout = \"o\"\nformats = [\"xls\"]\n").unwrap_err();
        assert!(err.contains("xls"), "{err}");
    }
}
