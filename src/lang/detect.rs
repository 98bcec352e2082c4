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
fn reporters_words(text: &str) -> std::borrow::Cow<'_, str> {
    // Most samples hold no quote mark: they are the text itself, not a copy.
    let mut end = SAMPLE_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[..end];
    // (the marks' first bytes: '"', and those of “ „ and « »)
    if memchr::memchr3(b'"', 0xE2, 0xC2, window.as_bytes()).is_none() || !window.contains(['“', '„', '«', '»', '"'])
    {
        return std::borrow::Cow::Borrowed(window);
    }
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
    std::borrow::Cow::Owned(sample)
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
    // (a letter's first byte: ASCII letters, and the first bytes of other characters, which
    // are letters but for punctuation such as "—" and "’", few in a sample)
    let letters = sample.bytes().filter(|b| b.is_ascii_alphabetic() || *b >= 0xC3).take(MIN_LETTERS).count();
    if letters < MIN_LETTERS {
        return None;
    }
    if let Some(code) = plainly(&sample) {
        return Some(code);
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

/// [`plainly`]'s words: function words that, three times in a sample where the other language's
/// have no place, say the sample is plainly English or plainly German. No other language
/// whichlang knows writes them alike ("the", "and"; "und", "nicht").
fn plain_word(word: &[u8]) -> Option<bool> {
    match word {
        b"the" | b"and" | b"that" | b"said" | b"with" | b"which" | b"would" | b"have" | b"has" | b"were" | b"of"
        | b"to" | b"for" | b"from" | b"by" | b"his" | b"its" | b"this" | b"been" | b"are" | b"after" | b"their"
        | b"who" => Some(true),
        b"der" | b"und" | b"nicht" | b"sich" | b"ist" | b"auch" | b"dass" | b"wurde" | b"eine" | b"sagte" | b"den"
        | b"dem" | b"des" | b"mit" | b"im" | b"bei" | b"einem" | b"einer" | b"wird" | b"sind" | b"werden" | b"hat"
        | b"f\xc3\xbcr" | b"\xc3\xbcber" => Some(false), // für, über
        _ => None,
    }
}

/// English or German where the sample is plainly one ([`plain_word`]): most news is, and this
/// look at its words costs a tenth of whichlang's (which was 6% of a run's instructions);
/// anything else is whichlang's to tell.
fn plainly(sample: &str) -> Option<&'static str> {
    // Letters outside the Latin script (their first bytes: Latin-1 and Latin Extended letters
    // start with C3 to C9; E2 is punctuation such as "’" and "—"): the model's to tell.
    if sample.bytes().any(|b| matches!(b, 0xCA..=0xE1 | 0xE3..=0xFF)) {
        return None;
    }
    let (mut english, mut german) = (0, 0);
    let mut lower = [0u8; 6];
    // (a word is a run of ASCII letters and of bytes of other characters, which are Latin letters here)
    for word in sample.as_bytes().split(|&b| b < 0x80 && !b.is_ascii_alphabetic()) {
        if !(2..=lower.len()).contains(&word.len()) {
            continue;
        }
        for (l, b) in lower.iter_mut().zip(word) {
            *l = b.to_ascii_lowercase();
        }
        match plain_word(&lower[..word.len()]) {
            Some(true) => english += 1,
            Some(false) => german += 1,
            None => {}
        }
    }
    match (english, german) {
        (3.., 0) => Some("en"),
        (0, 3..) => Some("de"),
        _ => None,
    }
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
    fn plainly_english_or_german_samples_skip_the_model_and_others_do_not() {
        assert_eq!(plainly("The minister said that the talks would go on and that was it."), Some("en"));
        assert_eq!(
            plainly("Der Minister sagte, dass die Gespräche nicht weitergehen und das ist auch gut."),
            Some("de")
        );
        // Dutch, French, mixed and non-Latin text are the model's
        assert_eq!(plainly("De minister zei dat de gesprekken doorgaan en dat het goed is."), None);
        assert_eq!(plainly("Le ministre a dit que les discussions continueraient et que tout va bien."), None);
        assert_eq!(plainly("The minister sagte, dass the talks and the rest nicht gut sind."), None);
        assert_eq!(plainly("Министр сказал, что переговоры продолжатся the and that."), None);
        assert_eq!(detect("De minister zei maandag dat de gesprekken volgende week doorgaan, na maanden van overleg tussen de partijen."), Some("nl"));
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
