//! An article's language: the one its input gives (`lang`), else told from its text by
//! `whichlang` (Quickwit's logistic regression over letter n-grams, MIT, no dependencies), and
//! the rules it is read with.

/// The rules an article is read with: those of a language whosaid knows, or none (quote marks
/// only: the quoted spans become rows without cue or speaker, and no English rule reads a text
/// in another language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    German,
    Unsupported,
}

impl Language {
    /// The rules for language `code` (ISO 639-1, as [`code`] and [`detect`] give it).
    pub fn of(code: &str) -> Language {
        match code {
            "en" => Language::English,
            "de" => Language::German,
            _ => Language::Unsupported,
        }
    }
}

/// The bytes the detector reads: enough for news prose (every article of the English and German
/// evaluation sets is told right from 256), and cheap: the detector costs about 15 ns a byte.
const SAMPLE_BYTES: usize = 256;

/// The sample starts at the first paragraph at least this long: a dateline or a heading says
/// little ("Monday, March 15, 2021" reads as German).
const MIN_PARAGRAPH_BYTES: usize = 80;

/// A sample with fewer letters than this is too bare to tell.
const MIN_LETTERS: usize = 40;

/// Up to [`SAMPLE_BYTES`] of `text` outside quote marks: the reporter's words, not those quoted
/// (an English article quoting a German minister is English). A quote left open ends at its
/// paragraph's end.
fn reporters_words(text: &str) -> String {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 4);
    let mut closing: Option<char> = None;
    for c in text.chars() {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        match closing {
            Some(close) if c == close || c == '\n' => {
                closing = None;
                sample.push(' ');
            }
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '„' => closing = Some('“'),
                '«' => closing = Some('»'),
                '»' => closing = Some('«'),
                '"' => closing = Some('"'),
                _ => sample.push(c),
            },
        }
    }
    sample
}

/// The language of `text`, ISO 639-1 (`en`, `de`), one of the sixteen `whichlang` knows (Arabic,
/// Chinese, Dutch, English, French, German, Hindi, Italian, Japanese, Korean, Portuguese, Russian,
/// Spanish, Swedish, Turkish, Vietnamese); none for a text too short or too bare to tell (a
/// date line, a list of scores), which a run reads in its `default_lang`. A text in another
/// language is given the nearest of them: an input that has other languages says so in its
/// `lang` column.
pub fn detect(text: &str) -> Option<&'static str> {
    let start = text
        .split('\n')
        .find(|line| line.trim().len() >= MIN_PARAGRAPH_BYTES)
        .map_or(0, |line| line.as_ptr() as usize - text.as_ptr() as usize);
    let sample = reporters_words(&text[start..]);
    if sample.chars().filter(|c| c.is_alphabetic()).take(MIN_LETTERS).count() < MIN_LETTERS {
        return None;
    }
    use whichlang::Lang;
    Some(match whichlang::detect_language(&sample) {
        Lang::Ara => "ar",
        Lang::Cmn => "zh",
        Lang::Deu => "de",
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Hin => "hi",
        Lang::Ita => "it",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Nld => "nl",
        Lang::Por => "pt",
        Lang::Rus => "ru",
        Lang::Spa => "es",
        Lang::Swe => "sv",
        Lang::Tur => "tr",
        Lang::Vie => "vi",
    })
}

/// The language code of a tag an input gives (`en`, `EN`, `en-GB`, `de_AT`, `deu`): its first
/// subtag in lower case, as ISO 639-1 where a three-letter code has a two-letter one whosaid has
/// rules for (`eng`, `deu`, `ger`). None where `tag` is no language tag.
pub fn code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let primary = primary.to_ascii_lowercase();
    Some(match primary.as_str() {
        "eng" => "en".to_string(),
        "deu" | "ger" => "de".to_string(),
        _ => primary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_prose_is_told_from_its_first_paragraph() {
        let english = "Monday, March 15, 2021\n\nThe mayor said on Monday that the city would reopen its schools next week, after months of closures.";
        let german = "Montag, 15. März 2021\n\nDer Bürgermeister sagte am Montag, die Stadt werde ihre Schulen in der nächsten Woche wieder öffnen.";
        assert_eq!(detect(english), Some("en"));
        assert_eq!(detect(german), Some("de"));
    }

    #[test]
    fn a_text_too_bare_to_tell_is_none() {
        assert_eq!(detect("Monday, March 15, 2021\u{a0}\n\n\n"), None);
        assert_eq!(detect(""), None);
        assert_eq!(detect("“It is over,” Merkel said."), None);
    }

    #[test]
    fn the_reporters_words_tell_the_language_not_the_quoted_ones() {
        let english = "Ørsted’s chief executive Mads Nipper spoke on Monday. “Wir schaffen das nicht allein, sagen wir, und wir brauchen die Hilfe der Regierung,” Nipper said in Berlin.";
        assert_eq!(detect(english), Some("en"));
        assert_eq!(reporters_words("A „b c“ d “e” f «g» h\n“i"), "A   d   f   h\n");
    }

    #[test]
    fn a_sample_ends_on_a_character_boundary() {
        let text = "ä".repeat(400);
        assert!(detect(&text).is_some());
    }

    #[test]
    fn input_tags_become_codes_and_non_tags_none() {
        assert_eq!(code("en").as_deref(), Some("en"));
        assert_eq!(code(" EN-gb ").as_deref(), Some("en"));
        assert_eq!(code("de_AT").as_deref(), Some("de"));
        assert_eq!(code("deu").as_deref(), Some("de"));
        assert_eq!(code("pl").as_deref(), Some("pl"));
        assert_eq!(code("English"), None);
        assert_eq!(code("e"), None);
        assert_eq!(code("12"), None);
        assert_eq!(Language::of("pl"), Language::Unsupported);
    }
}
