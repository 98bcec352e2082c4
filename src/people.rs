//! Who a speaker is across articles: one key for every way the tables write one person's or
//! organisation's name, and a stable `person_id` from it.
//!
//! A name is the article's fullest form of whoever spoke (`speaker_name`): the article has
//! already resolved "Trump" and "he" to "Donald Trump" where it names him so. Across articles,
//! the key joins the writings of one name: accents ("Erdoğan", "Erdogan"), capitals,
//! possessives ("Trump's"), honorifics and titles ("Mr.", "President"), a middle initial
//! ("Donald J. Trump"), hyphens and apostrophes ("al-Quaety", "O'Brien"), and the usual
//! transliterations of a final y ("Sergey", "Sergei"; "Zelenskyy", "Zelensky"). It keeps every
//! other word, so two people who share a family name stay apart ("Hillary Clinton", "Bill
//! Clinton"; "Donald Trump Jr." and his father; "George H. W. Bush", whose two initials stay, and
//! "George W. Bush"), and a bare family name the article left unresolved ("Clinton") is a name
//! of its own.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// Words that title a name and are no part of whose it is.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "fr",
    "father",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "gen",
    "general",
    "president",
    "prime",
    "minister",
    "mayor",
    "judge",
    "justice",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "st",
];

/// The key of `name`: its words, folded as above, joined by spaces. None for an empty name or a
/// joint one ("Gloria La Riva and Howie Hawkins" is two people, "University of Washington and
/// Stanford University" two bodies: no one identity; a body's name with "and" in it is one,
/// "Department of Health and Human Services").
pub fn person_key(name: &str) -> Option<String> {
    let folded = fold(name);
    // The words, each without its marks, one after another in `clean`; `words` are their bounds
    // (a name's key is made for every name of every article: two allocations, not one a word).
    let mut clean = String::with_capacity(folded.len());
    let mut words: Vec<Range<usize>> = Vec::with_capacity(8);
    // The words in the possessive: a title there is the owner's, and stays ("Mayor's Office" is
    // not "Governor's Office").
    let mut owners: u64 = 0;
    for raw in folded.split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '.') {
        // A possessive goes, then every mark inside a word ("O'Brien" is "obrien").
        let possessive = raw.strip_suffix("'s");
        let raw = possessive.unwrap_or(raw);
        let start = clean.len();
        clean.extend(raw.chars().filter(|c| c.is_alphanumeric()));
        if clean.len() > start {
            if possessive.is_some() && words.len() < 64 {
                owners |= 1 << words.len();
            }
            words.push(start..clean.len());
        }
    }
    let word = |w: &Range<usize>| &clean[w.clone()];
    // One body's name holds an organisation's word on one side of its "and" ("Department of
    // Health and Human Services", "Bill and Melinda Gates Foundation"); two bodies' on both
    // ("University of Washington and Stanford University"), two people's on neither.
    let body =
        |words: &[Range<usize>]| words.iter().any(|w| crate::speakers::lexicon::LEXICON.entry(word(w)).is_org_word());
    let one_body = |and: usize| body(&words[..and]) != body(&words[and + 1..]);
    match words.iter().position(|w| word(w) == "and") {
        _ if words.is_empty() => return None,
        Some(and) if !one_body(and) => return None,
        _ => {}
    }
    // Titles before the name (a suffix after it stays: "Jr." is the son).
    let titled =
        words.iter().enumerate().take_while(|&(at, w)| TITLES.contains(&word(w)) && owners >> at & 1 == 0).count();
    let words = if titled < words.len() { &words[titled..] } else { &words[..] };
    // A middle initial: the one single letter between the first word and the last (two stay:
    // "George H. W. Bush" is not "George W. Bush").
    let mut initials = (1..words.len().saturating_sub(1)).filter(|&i| word(&words[i]).chars().count() == 1);
    let initial = match (initials.next(), initials.next()) {
        (Some(at), None) if words.len() > 2 => Some(at),
        _ => None,
    };
    let mut key = String::with_capacity(clean.len() + words.len());
    for (_, w) in words.iter().enumerate().filter(|&(at, _)| Some(at) != initial) {
        if !key.is_empty() {
            key.push(' ');
        }
        push_transliterated(&mut key, word(w));
    }
    Some(key)
}

/// `person_key`'s stable id: 16 hex digits of its xxh3 hash, the same in every run.
pub fn person_id(name: &str) -> Option<String> {
    person_key(name).map(|key| id_of_key(&key))
}

/// The `person_id` of a key [`person_key`] gave.
pub fn id_of_key(key: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

/// Lower case, without accents: the compatibility decomposition without its combining marks,
/// and the letters it leaves whole ("ł", "ø", "ß") as their plain spellings; "’" as "'".
fn fold(name: &str) -> String {
    // (ASCII, most names, has nothing to decompose)
    if name.is_ascii() {
        let mut out = name.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        match c {
            '’' | 'ʼ' | '`' => out.push('\''),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ø' | 'Ø' => out.push('o'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `word` pushed to `out` with the usual spellings of a final y as one: "-ey" as "-ei" ("Sergey",
/// "Sergei"), "-iy", "-yy" and "-ii" as "-i" ("Zelenskiy", "Zelenskyy"), a "-y" after a
/// consonant as "-i" ("Dmitry", "Dmitri"; "Zelensky").
fn push_transliterated(out: &mut String, word: &str) {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    if word.chars().count() < 4 {
        out.push_str(word);
        return;
    }
    for (end, with) in [("ey", "ei"), ("iy", "i"), ("yy", "i"), ("ii", "i")] {
        if let Some(stem) = word.strip_suffix(end) {
            out.push_str(stem);
            out.push_str(with);
            return;
        }
    }
    match word.strip_suffix('y') {
        Some(stem) if stem.chars().last().is_some_and(|c| !vowel(c)) => {
            out.push_str(stem);
            out.push('i');
        }
        _ => out.push_str(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        person_id(a).is_some() && person_id(a) == person_id(b)
    }

    /// One person's writings are one key: middle initials, honorifics, accents,
    /// transliterations, possessives, capitals, hyphens.
    #[test]
    fn one_persons_writings_are_one_key() {
        assert!(same("Donald J. Trump", "Donald Trump"));
        assert!(same("Mr. Donald Trump", "Donald Trump"));
        assert!(same("President Donald Trump", "Donald Trump's"));
        assert!(same("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"));
        assert!(same("Sergey Lavrov", "Sergei Lavrov"));
        assert!(same("Volodymyr Zelenskyy", "Volodymyr Zelensky"));
        assert!(same("Volodymyr Zelenskiy", "Volodymyr Zelensky"));
        assert!(same("Dmitry Peskov", "Dmitri Peskov"));
        assert!(same("Nabil Hasan al-Quaety", "Nabil Hasan Al Quaety"));
        assert!(same("Lech Wałęsa", "Lech Walesa"));
        assert!(same("Kristian Andersen", "KRISTIAN ANDERSEN"));
        assert!(same("Conan O’Brien", "Conan O'Brien"));
    }

    /// People who share a family name stay apart, and so does a bare family name the article
    /// left unresolved; a joint name is no one identity.
    #[test]
    fn people_who_share_a_family_name_stay_apart() {
        assert!(!same("Hillary Clinton", "Bill Clinton"));
        assert!(!same("Clinton", "Hillary Clinton"));
        assert!(!same("Ivanka Trump", "Donald Trump"));
        assert!(!same("J. K. Rowling", "Rowling"));
        assert!(!same("Donald Trump Jr.", "Donald Trump"));
        assert!(!same("George H. W. Bush", "George W. Bush"));
        assert!(same("George W. Bush", "George Bush"));
        assert_eq!(person_id("Gloria La Riva and Howie Hawkins"), None);
        // (a title in the possessive is the owner's; a body's name may hold "and")
        assert!(!same("Mayor's Office", "Governor's Office"));
        assert!(same("Department of Health and Human Services", "department of health and human services"));
        assert!(!same("Department of Health and Human Services", "Department of Health"));
        assert!(same("Bill and Melinda Gates Foundation", "Bill and Melinda Gates Foundation"));
        assert_eq!(person_id("University of Washington and Stanford University"), None);
        assert_eq!(person_id(""), None);
        assert_eq!(person_id(" . "), None);
        // (a title alone is a name of its own, not nothing)
        assert!(person_id("The President").is_some());
    }

    /// The id is the key's hash, the same in every run (here as it was when it was written).
    #[test]
    fn the_id_is_stable() {
        assert_eq!(person_key("Donald J. Trump").as_deref(), Some("donald trump"));
        // (pinned: tables joined on it across runs and versions break if it moves)
        assert_eq!(person_id("Donald J. Trump").as_deref(), Some("1426a36f4cf1d24d"));
        assert_eq!(person_id("Donald Trump"), person_id("donald trump"));
    }
}
