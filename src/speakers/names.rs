//! The names an article mentions: runs of capitalized words, each split into a title ("Russian
//! Foreign Minister") and a name ("Sergey Lavrov"), and told apart as person or organisation.
//!
//! Within one article a person is named in full once and by family name after, so every mention
//! of a person is canonicalised to the fullest name in the article with the same last word.
//!
//! A person's gender is recorded where the article makes it plain: an honorific ("Mr.", "Ms."), a
//! gendered role word in or just before the name ("Congresswoman", "spokesman"), or the pronouns
//! ("he", "her") the article uses in sentences that name that person and no other. A pronoun
//! resolves to the nearest person not known to be of the other gender.

use rustc_hash::FxHashMap;

use super::lexicon::Entry;
use crate::doc::Doc;
use crate::lang::{Classes, Lean, NAME_WORDS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Person,
    Organisation,
    Unknown,
}

/// One run of capitalized words.
#[derive(Debug, Clone, PartialEq)]
pub struct NameRun {
    /// First and last token of the whole run, title included.
    pub first: usize,
    pub last: usize,
    /// First token of the name part (after the title).
    pub name_first: usize,
    pub kind: EntityKind,
    /// Whether one of the (up to three) lower-case words just before the run is the head of a
    /// medium ("state media RIA Novosti", "the outlet RIA Novosti"): what "the outlet" refers to.
    pub media_premodifier: bool,
    /// Whether a person's run is the subject of its clause ("Trump unleashed …", "…, Pence
    /// said"): the salient antecedent of a pronoun after it. Asked by [`NameRun::is_subject`]
    /// of the runs a pronoun's search reaches, and kept: most runs are never asked.
    subject: std::cell::Cell<Option<bool>>,
    /// Whether the run is between quote marks: a name in someone's words or a title is no
    /// antecedent of the narration's pronouns.
    pub quoted: bool,
}

pub use crate::model::Gender;

/// Borrows its names from the article's text: an article has many runs and few persons.
#[derive(Debug, Default)]
pub struct NameIndex<'a> {
    pub runs: Vec<NameRun>,
    /// Family name (last word) → the person of the article it names.
    persons: FxHashMap<&'a str, Person<'a>>,
    /// A family name folded ([`fold`]) → the family name as `persons` keeps it, for the family
    /// names written with a diacritic or a capital inside ("Erdoğan", "al-Quaety"), which an
    /// article may write otherwise ("Erdogan", "Al-Quaety"). Empty in most articles.
    folded_families: FxHashMap<String, &'a str>,
    /// Family name → votes for (female, male), from honorifics, role words and pronouns.
    genders: FxHashMap<&'a str, (u32, u32)>,
    /// Family name → the votes of those that are marks on the name itself (an honorific, a
    /// role word), which outweigh a pronoun's nearness.
    marked_genders: FxHashMap<&'a str, Gender>,
    /// The roles the article gives its persons, in text order: a title in the run ("Indiana Gov.
    /// Mike Pence"), the words before the name ("Republican presidential nominee Donald
    /// Trump"), an apposition after it ("Trump, the Republican nominee,").
    /// Found when a role is first asked for (most articles ask none): they cost an allocation a
    /// word.
    roles: std::cell::OnceCell<Vec<Role>>,
    /// First word → the first organisation run whose name starts with it and ends with an
    /// organisation's word ("Ford" → "Ford Motor Company"), built when first asked: a lookup a
    /// name, not a walk over the article's runs.
    companies: std::cell::OnceCell<FxHashMap<String, usize>>,
}

impl NameRun {
    /// Whether the run names a person that is the subject of its clause (see `subject`).
    pub fn is_subject(&self, doc: &Doc) -> bool {
        if self.kind != EntityKind::Person {
            return false;
        }
        if let Some(subject) = self.subject.get() {
            return subject;
        }
        let subject = is_subject(doc, self.first, self.last);
        self.subject.set(Some(subject));
        subject
    }
}

impl NameIndex<'_> {
    /// The writer of a first-person article, named by the line that ends it ("Charlotte Meehan is
    /// playwright-in-residence at …", "Jane Doe writes about …"): the person run that opens the
    /// last paragraph, followed by "is" or "writes". None for most articles.
    pub fn author(&self, doc: &Doc) -> Option<&NameRun> {
        let last = doc.segments.paragraphs.iter().rev().find(|p| !doc.text()[(*p).clone()].trim().is_empty())?;
        let first = doc.token_at_or_after(last.start);
        let run =
            self.run_at(first).filter(|r| r.first == first && r.kind == EntityKind::Person && r.last > r.name_first)?;
        doc.tok_in(run.last + 1, &["is", "writes", "was"]).then_some(run)
    }
}

/// A role the article gives a person: its words in lower case, the last one its head.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The person's run, an index into `NameIndex::runs`.
    pub run: usize,
    /// The role's words, lower case and canonical ("gov" → "governor"), one space between: one
    /// string a role, where a string a word was most of what finding roles cost.
    pub words: String,
}

impl Role {
    fn words(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.words.split(' ')
    }
}

/// Whether token `idx` is "Will", "May" or "Shall" opening a sentence (or a turn after its
/// marker) that ends in a question mark.
fn opens_question(doc: &Doc, idx: usize) -> bool {
    if !doc.tok_in(idx, &["will", "may", "shall"]) || (idx > 0 && doc.is_word(idx - 1)) {
        return false;
    }
    let start = doc.tokens()[idx].start();
    // (its sentence's first word, or the first after a turn's marker: "((WN)) Will …")
    let opens = doc.sentence_start(start) == start || (idx > 0 && doc.tok(idx - 1).ends_with([')', ':']));
    if !opens {
        return false;
    }
    let end = doc.sentence_end(start);
    doc.text()[start..end].trim_end().trim_end_matches(['"', '”', '’', '\'', ')']).ends_with('?')
}

/// Whether `text` ends with `suffix`, in any case: ASCII without an allocation.
fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    if text.is_ascii() && suffix.is_ascii() {
        return text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
    }
    text.to_lowercase().ends_with(&suffix.to_lowercase())
}

/// A family name as it compares however it is written: lower case, its Latin letters'
/// diacritics dropped ("Erdoğan" and "Erdogan", "al-Quaety" and "Al-Quaety" fold alike).
fn fold(family: &str) -> String {
    family
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' | 'ģ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
            'ķ' => 'k',
            'ł' | 'ľ' | 'ļ' => 'l',
            'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' | 'ŕ' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        })
        .collect()
}

/// Token `idx` lower case and canonical, after a space unless `words` is empty.
fn push_role_word(words: &mut String, doc: &Doc, idx: usize) {
    if !words.is_empty() {
        words.push(' ');
    }
    let start = words.len();
    let word = doc.tok(idx);
    if word.is_ascii() {
        words.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        words.push_str(&word.to_lowercase());
    }
    let canonical = canonical_role_word(&words[start..]);
    if canonical.len() != words.len() - start {
        let canonical = canonical.to_string();
        words.truncate(start);
        words.push_str(&canonical);
    }
}

/// The word a role's head stands for: an abbreviated title written out, a party by its other
/// name.
fn canonical_role_word(word: &str) -> &str {
    match word {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gop" => "republican",
        "dem" => "democratic",
        "democrat" => "democratic",
        // (One office, as countries name it: "Foreign Secretary Marcelo Ebrard" is "the foreign
        // minister".)
        "secy" | "secretary" => "minister",
        "atty" => "attorney",
        "gen" => "general",
        other => other,
    }
}

/// A person of the article: the fullest name, its rank (whether it starts with a given name,
/// then its number of words), and the title.
type Person<'a> = (&'a str, (bool, usize), Option<&'a str>);

/// The gender a word marks: an honorific, a gendered role word or a pronoun.
fn gender_of(entry: Entry) -> Option<Gender> {
    if entry.is_female_word() {
        Some(Gender::Female)
    } else if entry.is_male_word() {
        Some(Gender::Male)
    } else {
        None
    }
}

/// How many sentences back (the pronoun's own included) a subject is preferred as a pronoun's
/// antecedent over a nearer name that is none.
const SALIENT_SENTENCES: usize = 3;

/// The first token of the [`SALIENT_SENTENCES`] sentences that end at token `idx`'s.
fn salient_floor(doc: &Doc, idx: usize) -> usize {
    salient_floor_of(doc, idx, SALIENT_SENTENCES)
}

/// The first token of the `sentences` sentences that end at token `idx`'s.
pub(crate) fn salient_floor_of(doc: &Doc, idx: usize, sentences: usize) -> usize {
    let at = doc.tokens().get(idx).map_or(doc.text().len(), |t| t.start());
    let sentence = doc.segments.sentence_of(at).unwrap_or(doc.segments.sentences.len());
    let first = doc.segments.sentences.get(sentence.saturating_sub(sentences)).map_or(0, |s| s.start);
    doc.token_at_or_after(first)
}

/// How many names back an antecedent is looked for.
pub const LOOK_BACK: usize = 400;

/// What ends a name after its family name ("Robert Downey Jr.", "Henry Ford II").
const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// The points of the compass: organisation words ("North", "West") that are also family names
/// after a name ("Kanye West").
const COMPASS: &[&str] = &["north", "south", "east", "west"];

const CONNECTORS: &[&str] = &["of", "de", "al", "bin", "van", "von", "der", "da", "du", "la", "le", "del", "y"];

/// Whether token `idx` is an initial: one capital letter and a full stop ("W.", and "A." or "I."
/// though they are words too).
pub(crate) fn is_initial(doc: &Doc, idx: usize) -> bool {
    let mut letters = doc.tok(idx).chars();
    letters.next().is_some_and(|c| c.is_uppercase()) && letters.next().is_none() && doc.is_punct(idx + 1, ".")
}

pub(crate) fn is_acronym(word: &str) -> bool {
    // Most words fail at their second letter, most often a lower-case ASCII one: that byte is
    // tested before any character is decoded (a byte below 0x80 starts a character).
    if word.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) && word.chars().nth(1).is_some()
}

/// Whether token `idx` is the number of a broadcaster's name ("News 12", "Channel 4 News", "Radio
/// 4"): a number of up to four digits after a capitalized word for a medium.
pub(crate) fn is_channel_number(doc: &Doc, idx: usize) -> bool {
    if idx == 0 || idx >= doc.tokens().len() || !doc.lex(idx).starts_with_digit() {
        return false;
    }
    let word = doc.tok(idx);
    (1..=4).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_digit())
        && doc.is_capitalized(idx - 1)
        && (doc.lex(idx - 1).is_media_head() || doc.tok_in(idx - 1, &["news", "radio", "tv", "television"]))
}

/// Whether token `idx` joins the name words around it: "of", "de", "al" … (`CONNECTORS`), and
/// "on" after an organisation's word ("Commission on Presidential Debates", "Council on Foreign
/// Relations").
pub(crate) fn is_connector(doc: &Doc, idx: usize) -> bool {
    let word = doc.tok(idx);
    CONNECTORS.contains(&word)
        || (matches!(word, "on" | "for") && idx > 0 && doc.is_capitalized(idx - 1) && doc.lex(idx - 1).is_org_word())
        || (word == "and" && joins_fields(doc, idx))
}

/// Whether the "and" at token `idx` joins two fields inside a body's name: "Institute of
/// Volcanology and Seismology", "Department of Health and Human Services", "Centers for Disease
/// Control and Prevention" (an organisation word, "of" or "for", one or two fields, "and", then
/// one or two fields, and no more), or "North Wales Fire and Rescue Service" (a field the article
/// also writes in lower case, "and", a field and the organisation word). A field is a capitalized
/// word that is no never-name, acronym, place, given name or people's adjective.
fn joins_fields(doc: &Doc, idx: usize) -> bool {
    let field = |i: usize| {
        doc.is_capitalized(i) && !doc.lex(i).is_not_name() && !is_acronym(doc.tok(i)) && {
            let classes = NAME_WORDS.classes(doc.tok(i));
            !classes.is_place() && !classes.is_given_name() && !classes.is_demonym()
        }
    };
    if idx < 2 || !field(idx - 1) || !field(idx + 1) {
        return false;
    }
    let opens = |of: usize| {
        of >= 1 && doc.tok_in(of, &["of", "for"]) && doc.is_capitalized(of - 1) && doc.lex(of - 1).is_org_word()
    };
    if opens(idx - 2) || (idx >= 3 && field(idx - 2) && opens(idx - 3)) {
        let after = if field(idx + 2) { idx + 3 } else { idx + 2 };
        return !doc.is_capitalized(after);
    }
    let body = doc.is_capitalized(idx + 2) && doc.lex(idx + 2).is_org_word() && !doc.is_capitalized(idx + 3);
    body && doc.writes_in_lower_case_near(idx, &doc.tok(idx - 1).to_lowercase())
}

/// Whether token `idx` can continue a name run that has reached `idx - 1`.
fn continues_run(doc: &Doc, idx: usize) -> Option<usize> {
    if idx >= doc.tokens().len() {
        return None;
    }
    // A name never runs over a line's end ("… al-Sham\n\nLate on Sunday").
    if idx > 0 && doc.text().as_bytes()[doc.tokens()[idx - 1].end()..doc.tokens()[idx].start()].contains(&b'\n') {
        return None;
    }
    if doc.is_capitalized(idx) && !doc.lex(idx).is_not_name() {
        return Some(idx);
    }
    // ("Wayne A. I. Frederick": an initial inside a name, though "I" is a word too.)
    if idx > 0 && is_initial(doc, idx) && doc.is_capitalized(idx + 2) && doc.is_punct(idx - 1, ".") {
        return Some(idx);
    }
    if is_channel_number(doc, idx) {
        return Some(idx);
    }
    // "W." inside "George W. Bush": the full stop belongs to the initial.
    if doc.is_punct(idx, ".")
        && doc.tok(idx) == "."
        && idx >= 1
        && is_initial(doc, idx - 1)
        && doc.is_capitalized(idx + 1)
    {
        return Some(idx);
    }
    let connector = doc.is_word(idx) && is_connector(doc, idx);
    let name_at = |i: usize| doc.is_capitalized(i) && !doc.lex(i).is_not_name();
    // ("O’Donnell", "D'Angelo": an apostrophe after a single capital joins the name after it.)
    let apostrophe = matches!(doc.tok(idx), "'" | "’")
        && doc.tok(idx - 1).chars().count() == 1
        && doc.touches_next(idx - 1)
        && doc.touches_next(idx);
    let joins = connector || (doc.tok(idx) == "-" && doc.touches_next(idx - 1)) || apostrophe;
    // ("Ahmed al-Assadi", "Abu Bakr al-Baghdadi": a connector joined by a hyphen to the name
    // after.)
    let hyphened = connector && doc.tok_is(idx + 1, "-") && doc.touches_next(idx) && doc.touches_next(idx + 1);
    ((joins && name_at(idx + 1)) || (hyphened && name_at(idx + 2))).then_some(idx)
}

impl<'a> NameIndex<'a> {
    /// The names of an article whose quoted spans (quote marks included) are `quoted`, in order.
    pub fn build(doc: &Doc<'a>, quoted: &[crate::model::Span]) -> NameIndex<'a> {
        // News has a run of capitalized words every 6–8 tokens: room for them all, most times.
        let mut index = NameIndex { runs: Vec::with_capacity(doc.tokens().len() / 6), ..NameIndex::default() };
        let mut idx = 0;
        // Most tokens start no run: the entries are scanned for the next that may.
        while let Some(skip) = doc.entries()[idx..].iter().position(|e| e.may_start_name()) {
            let first = idx + skip;
            let mut last = first;
            while let Some(next) = continues_run(doc, last + 1) {
                last = next;
            }
            // A connector or full stop never ends a run.
            while last > first && !doc.is_capitalized(last) && !is_channel_number(doc, last) {
                last -= 1;
            }
            // "On Friday Ford Motor Company said": a weekday or month is no part of the name after it.
            let mut first = first;
            // "Will Red Hat employees be barred …?": a question's opening "Will" or "May" (given
            // names both, so the lexicon does not list them) is no part of the name after it.
            if first < last && opens_question(doc, first) {
                first += 1;
            }
            while first < last && doc.lex(first).is_time_word() && doc.is_capitalized(first + 1) {
                first += 1;
            }
            // "Tristan Smith of University College London", "Jerrold Nadler of New York": a
            // person's name, then where they are from, is two runs.
            // ("Businessman Don Blankenship of West Virginia": past the titles and role words.)
            let split = (first + 1..last).find(|&i| doc.tok(i) == "of").filter(|&of| {
                let name = (first..of)
                    .find(|&i| doc.is_word(i) && !doc.lex(i).is_title() && !NAME_WORDS.is_person_role(doc.tok(i)));
                let organisation = (first..of).any(|i| doc.lex(i).is_org_word());
                // ("Karsten Warholm of Norway": two name words, then a place, whatever the given
                // name.)
                let of_place = || (of + 1..=last).all(|i| !doc.is_word(i) || NAME_WORDS.is_place(doc.tok(i)));
                !organisation
                    && name.is_some_and(|n| {
                        n + 1 < of && (NAME_WORDS.is_given_name(doc.tok(n)) || n + 2 == of && of_place())
                    })
            });
            let parts = match split {
                Some(of) => [Some((first, of - 1)), Some((of + 1, last))],
                None => [Some((first, last)), None],
            };
            for (first, last) in parts.into_iter().flatten() {
                index.runs.push(classify(doc, first, last));
            }
            idx = last + 1;
        }
        index.link_persons(doc);
        // Whether a person is quoted, which makes it no antecedent of the narration's pronouns
        // (whether it is a subject is asked when a pronoun's search reaches it).
        for run in index.runs.iter_mut().filter(|r| r.kind == EntityKind::Person) {
            let start = doc.tokens()[run.first].start();
            let at = quoted.partition_point(|q| q.end <= start);
            run.quoted = quoted.get(at).is_some_and(|q| q.start <= start);
        }
        index
    }

    fn link_persons(&mut self, doc: &Doc<'a>) {
        // "Clinton, the Democratic nominee,", "Smith, a doctor,": an apposition that names one
        // person's role makes the name a person's.
        for run in self.runs.iter_mut().filter(|r| r.kind == EntityKind::Unknown) {
            let head = apposition(doc, run).and_then(|(_, last)| (last > 0).then(|| doc.tok(last).to_lowercase()));
            if head.is_some_and(|h| is_person_role(&h)) {
                run.kind = EntityKind::Person;
                run.name_first = run.first;
            }
        }
        for run in &self.runs {
            if run.kind != EntityKind::Person {
                continue;
            }
            let name = doc.text_of(run.name_first, run.last);
            let family = doc.tok(run.last);
            let title = (run.name_first > run.first).then(|| doc.text_of(run.first, run.name_first - 1));
            // The name's words as white space separates them: only white space lies between
            // two tokens that do not touch. A name that starts with a given name is fuller than
            // any that does not ("Donald Trump" over "Fact Check Trump").
            let words = 1 + (run.name_first..run.last).filter(|&i| !doc.touches_next(i)).count();
            // (A given name is a word of its own: "Al-Quaety" opens with a particle, not "Al".)
            let given = NAME_WORDS.is_given_name(doc.tok(run.name_first))
                && !(doc.tok_is(run.name_first + 1, "-") && doc.touches_next(run.name_first));
            let rank = (given, words);
            // "Robert Downey Jr.": the family name is the word before the suffix, which names
            // the person alone too ("Downey said"); the suffix's full stop is the name's.
            let suffixed = run.last > run.name_first + 1 && NAME_SUFFIXES.contains(&family);
            let stop = doc.tokens()[run.last].end();
            let name = if suffixed && doc.text()[stop..].starts_with('.') {
                &doc.text()[doc.tokens()[run.name_first].start()..stop + 1]
            } else {
                name
            };
            let families = [Some(family), suffixed.then(|| doc.tok(run.last - 1))];
            for family in families.into_iter().flatten() {
                let entry = self.persons.entry(family).or_insert((name, rank, None));
                if rank > entry.1 {
                    (entry.0, entry.1) = (name, rank);
                }
                if entry.2.is_none() {
                    entry.2 = title;
                }
            }
        }
        // "Ricardo Rosselló Nevares", "Hillary Rodham Clinton": the first of two family names
        // names the person alone too ("Rosselló said"), where it is no other person's family
        // name (not a given name, not an initial).
        for run in &self.runs {
            let words = (run.name_first..=run.last).filter(|&i| doc.is_word(i)).count();
            let first_family = run.last.saturating_sub(1);
            // (a given name and two names, nothing else: no "Salma Hayek Described", no "Missing
            // EgyptAir Flight")
            let plain = (run.name_first..=run.last).all(|i| {
                doc.is_word(i)
                    && !doc.lex(i).is_cue()
                    && !doc.lex(i).is_not_name()
                    && !doc.lex(i).is_org_word()
                    && doc.is_capitalized(i)
            });
            // ("The Rachel Maddow Show": a name after "the" is a title's)
            let titled = run.first > 0 && doc.tok(run.first - 1).eq_ignore_ascii_case("the");
            let double = run.kind == EntityKind::Person
                && words == 3
                && plain
                && !titled
                && NAME_WORDS.is_given_name(doc.tok(run.name_first))
                && first_family > run.name_first
                && doc.is_word(first_family)
                && !doc.touches_next(first_family)
                && doc.tok(first_family).chars().count() > 2
                && doc.is_capitalized(first_family)
                && !NAME_WORDS.is_given_name(doc.tok(first_family))
                && !NAME_SUFFIXES.contains(&doc.tok(run.last));
            if double && !self.persons.contains_key(doc.tok(first_family)) {
                if let Some(&person) = self.persons.get(doc.tok(run.last)) {
                    self.persons.insert(doc.tok(first_family), person);
                }
            }
        }
        // (Only the family names another writing may miss: a diacritic, or a lower-case particle
        // that opens a sentence in capitals.)
        for &family in self.persons.keys() {
            if !family.is_ascii() || family.starts_with(|c: char| c.is_lowercase()) {
                self.folded_families.entry(fold(family)).or_insert(family);
            }
        }
        // Which runs name a person: a person's run, or one whose last word is a person's family
        // name. Asked of each run twice below: the family names are hashed once.
        let names_person: Vec<bool> = self
            .runs
            .iter()
            .map(|run| run.kind == EntityKind::Person || self.persons.contains_key(doc.tok(run.last)))
            .collect();
        self.link_genders(doc, &names_person);
        // A single word that is the family name of a person named in full is that person (a
        // point of the compass too: "West" after "Kanye West").
        for (run, &names_person) in self.runs.iter_mut().zip(&names_person) {
            let compass = || run.kind == EntityKind::Organisation && doc.tok_in(run.first, COMPASS);
            if run.first == run.last && names_person && (run.kind == EntityKind::Unknown || compass()) {
                run.kind = EntityKind::Person;
            }
        }
        self.link_given_names(doc);
    }

    /// A given name alone that the article uses more than once ("Melanie said …. Melanie …") is a
    /// person's: the one whose fullest name starts with it ("Hillary" after "Hillary Clinton"),
    /// else a person the article names by the given name only, whose gender its lean gives
    /// until the article says otherwise.
    fn link_given_names(&mut self, doc: &Doc<'a>) {
        let alone = |run: &NameRun| run.kind == EntityKind::Unknown && run.first == run.last;
        // Uses, and whether one follows a preposition of place ("in Charlotte"): a city is no
        // person. The word lists are asked of the words used twice only.
        let mut uses: FxHashMap<&'a str, u32> =
            FxHashMap::with_capacity_and_hasher(self.runs.len(), Default::default());
        for run in self.runs.iter().filter(|r| alone(r)) {
            *uses.entry(doc.tok(run.first)).or_default() += 1;
        }
        uses.retain(|word, &mut n| {
            let classes = NAME_WORDS.classes(word);
            n >= 2 && classes.is_given_name() && !classes.is_place()
        });
        if uses.is_empty() {
            return;
        }
        for run in self.runs.iter().filter(|r| alone(r) && r.first > 0) {
            if doc.tok_in(run.first - 1, &["in", "at", "from", "near", "to", "of"]) {
                uses.remove(doc.tok(run.first));
            }
        }
        if uses.is_empty() {
            return;
        }
        let mut fullest: FxHashMap<&'a str, Person<'a>> = FxHashMap::default();
        for person @ &(name, _, _) in self.persons.values() {
            let given = name.split_whitespace().next().unwrap_or("");
            if let Some((&word, _)) = uses.get_key_value(given) {
                fullest.entry(word).or_insert(*person);
            }
        }
        for run in self.runs.iter_mut().filter(|r| uses.contains_key(doc.tok(r.first))) {
            if alone(run) {
                run.kind = EntityKind::Person;
            }
        }
        for &word in uses.keys() {
            let person = fullest.get(word).copied().unwrap_or((word, (true, 1), None));
            self.persons.entry(word).or_insert(person);
        }
    }

    fn link_genders(&mut self, doc: &Doc<'a>, names_person: &[bool]) {
        let mut vote = |family: &'a str, gender: Gender| {
            let entry = self.genders.entry(family).or_default();
            match gender {
                Gender::Female => entry.0 += 1,
                Gender::Male => entry.1 += 1,
            }
        };
        for run in self.runs.iter().zip(names_person).filter_map(|(run, &names)| names.then_some(run)) {
            let family = doc.tok(run.last);
            // "Mr. Trump", "Congresswoman Maxine Waters", "spokeswoman Sarah Sanders".
            // (capitalized: the "him." that ends the sentence before is no honorific).
            let before = run
                .first
                .checked_sub(2)
                .filter(|&i| doc.tok_is(i + 1, ".") && doc.is_capitalized(i))
                .map(|i| doc.lex(i));
            let role = run
                .first
                .checked_sub(1)
                .filter(|&i| doc.is_word(i) && !doc.lex(i).is_pronoun_gendered())
                .map(|i| doc.lex(i));
            let marked = (run.first..run.name_first).map(|i| doc.lex(i)).chain(before).chain(role).find_map(gender_of);
            if let Some(gender) = marked {
                vote(family, gender);
                self.marked_genders.insert(family, gender);
            }
        }
        // Pronouns in a sentence that names one person only, after the name.
        // Sentences and runs are both in text order: the runs of each sentence are found by
        // walking on from the last sentence's.
        let mut stop = 0;
        for (_, tokens) in doc.sentences() {
            let (first, end) = (tokens.start, tokens.end);
            let mut start = stop;
            while start < self.runs.len() && self.runs[start].first < first {
                start += 1;
            }
            stop = start;
            while stop < self.runs.len() && self.runs[stop].first < end {
                stop += 1;
            }
            let mut persons = (start..stop).filter(|&r| names_person[r]).map(|r| &self.runs[r]);
            let (Some(person), None) = (persons.next(), persons.next()) else { continue };
            let pronoun = (person.last + 1..end)
                .filter(|&i| doc.is_word(i) && doc.lex(i).is_pronoun_gendered())
                .find_map(|i| gender_of(doc.lex(i)));
            if let Some(gender) = pronoun {
                vote(doc.tok(person.last), gender);
            }
        }
    }

    fn find_roles(&self, doc: &Doc<'a>) -> Vec<Role> {
        let mut roles = Vec::new();
        let role_of = |tokens: &mut dyn Iterator<Item = usize>| {
            let mut words = String::new();
            tokens.for_each(|i| push_role_word(&mut words, doc, i));
            words
        };
        for (run_idx, run) in self.runs.iter().enumerate() {
            if run.kind != EntityKind::Person {
                continue;
            }
            // The title in the run.
            let title = role_of(&mut (run.first..run.name_first).filter(|&i| doc.is_word(i)));
            if !title.is_empty() {
                roles.push(Role { run: run_idx, words: title });
            }
            // The words before the name, back to a determiner, a preposition, a cue or a mark
            // (their tokens, nearest first).
            let mut before = Vec::new();
            let mut idx = run.first;
            while idx > 0 && before.len() < 5 {
                idx -= 1;
                let entry = doc.lex(idx);
                let stop = !doc.is_word(idx)
                    || entry.is_determiner()
                    || entry.is_preposition()
                    || entry.is_cue()
                    || entry.is_pronoun()
                    || entry.is_listed_adverb();
                if stop {
                    break;
                }
                before.push(idx);
            }
            let ends_with_role = before.first().is_some_and(|&w| {
                !doc.is_capitalized(run.first - 1) || is_person_role(canonical_role_word(&doc.tok(w).to_lowercase()))
            });
            if ends_with_role {
                roles.push(Role { run: run_idx, words: role_of(&mut before.iter().rev().copied()) });
            }
            // An apposition: "Trump, the Republican nominee, …".
            if let Some((first, last)) = apposition(doc, run) {
                roles.push(Role { run: run_idx, words: role_of(&mut (first..=last)) });
            }
        }
        roles
    }

    /// The nearest person before token `idx` the article gave a role with head `head` whose
    /// words hold every one of `modifiers` that names a party, a place or a people ("the
    /// Republican presidential nominee" is the one introduced as "Republican presidential
    /// nominee Donald Trump", not the Democratic one), preferring the role that holds the most
    /// modifiers.
    pub fn person_by_role(&self, doc: &Doc<'a>, head: &str, modifiers: &[String], idx: usize) -> Option<&NameRun> {
        let head = canonical_role_word(head);
        let modifiers: Vec<&str> = modifiers.iter().map(|m| canonical_role_word(m)).collect();
        let defining: Vec<&str> =
            modifiers.iter().copied().filter(|m| NAME_WORDS.is_demonym(m) || NAME_WORDS.is_place(m)).collect();
        let mut best: Option<(usize, usize)> = None;
        for role in self.roles.get_or_init(|| self.find_roles(doc)) {
            let run = &self.runs[role.run];
            // (Roles are in their runs' order, which is the text's: none after this one is
            // before `idx`.)
            if run.last >= idx {
                break;
            }
            if role.words().next_back() != Some(head) {
                continue;
            }
            let holds = |m: &str| role.words().any(|w| w == m);
            if !defining.iter().all(|m| holds(m)) {
                continue;
            }
            // "Vice President Joe Biden" is no "the president", "former Gov. X" no "the governor".
            let other_office = role.words().any(|w| {
                matches!(w, "vice" | "deputy" | "assistant" | "former" | "ex" | "lieutenant" | "acting")
                    && !modifiers.contains(&w)
            });
            if other_office {
                continue;
            }
            let score = modifiers.iter().filter(|m| holds(m)).count();
            // Later (nearer) roles win ties: roles are in text order.
            if best.is_none_or(|(s, _)| score >= s) {
                best = Some((score, role.run));
            }
        }
        best.map(|(_, run)| &self.runs[run])
    }

    /// The gender the article gives the person with family name `family`, when its evidence
    /// agrees.
    pub fn gender(&self, family: &str) -> Option<Gender> {
        match self.genders.get(family) {
            Some(&(female, male)) if female > male => Some(Gender::Female),
            Some(&(female, male)) if male > female => Some(Gender::Male),
            _ => None,
        }
    }

    /// The person before token `idx` that a pronoun of `gender` refers to, as a careful reader
    /// takes it: of the persons the article gives that gender (or gives none and whose given name
    /// does not lean the other way: "she" skips a Donald), the nearest that is the subject of
    /// its clause in the narration within the last few sentences ("Trump met Obama. He said" is
    /// Trump); else the nearest in the narration; else the nearest.
    pub fn person_before_of(&self, doc: &Doc, idx: usize, gender: Gender) -> Option<&NameRun> {
        // A mark on the name (an honorific, a role word) decides; then a given name that leans
        // one way over a pronoun's nearness to the name, which is weaker evidence ("Trump said
        // the woman …, she"); then the pronouns.
        let known = |r: &NameRun| self.known_gender(doc, r);
        let fits = |r: &NameRun| r.kind == EntityKind::Person && known(r).is_none_or(|g| g == gender);
        // A person the article gives that gender outranks, in each pass, one it gives none
        // ("she" after "Melanie" is not a Justice Scalia of no stated gender).
        let confirmed = |r: &NameRun| r.kind == EntityKind::Person && known(r) == Some(gender);
        let recent = salient_floor(doc, idx);
        // The run's own flags first: `fits` looks names up.
        let wider = salient_floor_of(doc, idx, 3 * SALIENT_SENTENCES);
        // The subject that opens one of the last sentences, of no other gender, first ("Dedi
        // Prasetyo, a spokesperson, confirmed …. He told the BBC"); then one of that gender.
        let opens_sentence = |r: &NameRun| {
            // The speaker of the quote or clause that opens the sentence ("“…,” said Nick
            // Witney.", "“…,” Witney said.", "…, noted NBC's Dante Chinni."): what the sentence is
            // about, as much as a subject before its verb.
            if r.first > 0 && ends_quoted_clause(doc, r.first - 1) || speaks_after_clause(doc, r.first, r.last) {
                return true;
            }
            let at = doc.tokens()[r.first].start();
            let mut first = doc.token_at_or_after(doc.sentence_start(at));
            // Past an opening phrase of time or place ("In an essay last week, Ivanka Trump
            // wrote …").
            // (not an infinitive's "To": "To understand …, Roberts said, …" names the speaker).
            let opening = doc.lex(first).is_preposition() && !doc.tok_is(first, "to") || doc.lex(first).is_adverb();
            if opening {
                if let Some(comma) = (first + 1..r.first).find(|&i| doc.tok(i) == ",") {
                    first = comma + 1;
                }
            }
            // Past the capitalized words and role words before it ("White House spokesman …").
            (first..r.first).all(|i| {
                !doc.is_word(i)
                    || doc.is_capitalized(i)
                    || doc.tok_in(i, &["the", "s", "for", "of"])
                    || is_role_word(doc, i)
            })
        };
        // ("According to Dr. Tom Frieden, …" names the sentence's speaker as well.)
        let source = |r: &NameRun| {
            let titled = r.first > 2 && doc.tok(r.first - 1) == "." && doc.lex(r.first - 2).is_title();
            let first = if titled { r.first - 2 } else { r.first };
            first > 1 && doc.tok_is(first - 1, "to") && doc.tok_is(first - 2, "according")
        };
        self.find_before(idx, |r| {
            !r.quoted && r.first >= recent && (r.is_subject(doc) && opens_sentence(r) || source(r)) && fits(r)
        })
        .or_else(|| self.find_before(idx, |r| !r.quoted && r.first >= recent && r.is_subject(doc) && confirmed(r)))
        // (not one a cue addresses: "told Al Jazeera"; "…,” said Witney" is the speaker)
        .or_else(|| {
            self.find_before(idx, |r| {
                let addressed = r.first > 0 && doc.lex(r.first - 1).is_cue() && !r.is_subject(doc);
                !r.quoted && r.first >= wider && !addressed && confirmed(r)
            })
        })
        .or_else(|| self.find_before(idx, |r| !r.quoted && r.first >= recent && r.is_subject(doc) && fits(r)))
        .or_else(|| self.find_before(idx, |r| !r.quoted && fits(r)))
        .or_else(|| self.find_before(idx, fits))
    }

    /// The gender known of a run's person: its own given name's lean first ("Bill Clinton" after
    /// "his wife Hillary Clinton" is a man), then the family name's evidence.
    pub fn known_gender(&self, doc: &Doc, r: &NameRun) -> Option<Gender> {
        let family = doc.tok(r.last);
        let leaning = |lean: Option<Lean>| match lean {
            Some(Lean::Female) => Some(Gender::Female),
            Some(Lean::Male) => Some(Gender::Male),
            _ => None,
        };
        let own = (r.name_first < r.last).then(|| leaning(NAME_WORDS.lean(doc.tok(r.name_first)))).flatten();
        // "Rakeyia Scott" after "Keith Lamont Scott": another person of the family, whose
        // evidence is not hers.
        let another = r.name_first < r.last
            && self.persons.get(family).is_some_and(|(name, _, _)| {
                name.split_whitespace().next() != Some(doc.tok(r.name_first))
                    && !name.ends_with(doc.text_of(r.name_first, r.last))
            });
        if another {
            return own;
        }
        // A family name alone is the person of its fullest name, whose given name speaks first
        // ("Trump" after "Donald Trump" and "Melania Trump, his wife,").
        own.or_else(|| leaning(self.lean(family)))
            .or_else(|| self.marked_genders.get(family).copied())
            .or_else(|| self.gender(family))
    }

    /// The person a definite description of one person at token `idx` ("the senator", "The
    /// Republican presidential nominee") refers to when no role and no subject of the sentences
    /// just before names one: the nearest person that is the subject of its clause in the
    /// narration, in this sentence or the two before it, of `gender` where the description gives
    /// one ("Rep. Adam Schiff … called on Obama to act -- meddling the California congressman
    /// said …"; "“…,” Cruz said. The truth, the senator said, …").
    pub fn subject_person_before(&self, doc: &Doc, idx: usize, gender: Option<Gender>) -> Option<&NameRun> {
        let recent = salient_floor(doc, idx);
        self.find_before(idx, |r| {
            r.kind == EntityKind::Person
                && r.is_subject(doc)
                && !r.quoted
                && r.first >= recent
                && gender.is_none_or(|g| self.known_gender(doc, r).is_none_or(|known| known == g))
        })
        .filter(|r| r.first >= recent)
    }

    /// The body (or two joined by "and") that run `at` ends, where researchers "from" or "at" it
    /// are the subject of their clause ("Scientists from Tsinghua University and the Chinese
    /// Academy of Sciences found", "researchers at the University of Bristol say").
    fn researchers_of(&self, doc: &Doc, at: usize) -> Option<(&NameRun, Option<&NameRun>)> {
        let run = &self.runs[at];
        let body = |r: &NameRun| r.kind == EntityKind::Organisation;
        // The token before a run, past "the".
        let before = |r: &NameRun| r.first.checked_sub(if doc.tok_is(r.first.checked_sub(1)?, "the") { 2 } else { 1 });
        let joined = (at > 0)
            .then(|| &self.runs[at - 1])
            .filter(|p| body(p) && before(run).is_some_and(|and| doc.tok_is(and, "and") && p.last + 1 == and));
        let first = joined.unwrap_or(run);
        let from = before(first).filter(|&f| doc.tok_in(f, &["from", "at"]))?;
        let researchers = from.checked_sub(1).filter(|&r| doc.tok_in(r, super::RESEARCHERS))?;
        let subject =
            researchers == 0 || !doc.is_word(researchers - 1) || doc.lex(researchers - 1).is_determiner() || {
                let at = doc.tokens()[researchers].start();
                doc.sentence_start(at) == at
            };
        let bodies = match joined {
            Some(first) => (first, Some(run)),
            None => (run, None),
        };
        (body(run) && subject && !doc.lex(run.last + 1).is_preposition()).then_some(bodies)
    }

    /// What "they" at token `idx` refers to, as runs: the nearest subject of its clause in the
    /// narration within the last few sentences that is not one person alone; two persons joined
    /// by "and" ("Grassley and Leahy said … They") or an organisation. A run of another kind
    /// there ("Democrats") is a group the article does not name, and gives none.
    pub fn plural_before(&self, doc: &Doc, idx: usize) -> Option<(&NameRun, Option<&NameRun>)> {
        let recent = salient_floor(doc, idx);
        let end = self.runs.partition_point(|r| r.last < idx);
        let start = self.runs[..end].partition_point(|r| r.first < recent);
        // (researchers' bodies in this sentence or the one before: see below)
        let sentence = |i: usize| doc.segments.sentence_of(doc.tokens()[i].start());
        let pronoun_sentence = sentence(idx);
        let near = |r: &NameRun| sentence(r.first).zip(pronoun_sentence).is_some_and(|(r, p)| r + 1 >= p);
        for at in (start..end).rev() {
            let run = &self.runs[at];
            if run.quoted {
                continue;
            }
            // "Scientists from Tsinghua University and the Chinese Academy of Sciences …. They
            // found": the bodies whose researchers the subject is, in this sentence or the one
            // before ("The Montreal team … used data. They found" is no earlier team's).
            if let Some(bodies) = self.researchers_of(doc, at).filter(|(first, _)| near(first)) {
                return Some(bodies);
            }
            if !is_subject(doc, run.first, run.last) {
                continue;
            }
            // A person: so typed, or named by a family name the article gives a person ("Mr.
            // Leahy", whose "Mr." is a run of its own).
            let person = |r: &NameRun| r.kind == EntityKind::Person || self.persons.contains_key(doc.tok(r.last));
            // "Mr. Grassley and Mr. Leahy": an abbreviated title before a name is no run.
            let title_dot = run.first >= 2
                && doc.tok_is(run.first - 1, ".")
                && doc.is_capitalized(run.first - 2)
                && doc.lex(run.first - 2).is_not_name();
            let start = if title_dot { run.first - 2 } else { run.first };
            // "Alabama and Mississippi": places are no speakers.
            let place =
                |r: &NameRun| (r.first..=r.last).any(|i| NAME_WORDS.is_place(doc.tok(i)) || doc.lex(i).is_time_word());
            let joined = (at > 0)
                .then(|| &self.runs[at - 1])
                .filter(|p| (p.kind != EntityKind::Organisation || person(p)) && !place(p) && !place(run))
                .filter(|p| p.last + 2 == start && doc.tok_is(p.last + 1, "and"));
            // "Grassley, Republican of Iowa, and Patrick J. Leahy": two persons, the first with an
            // apposition between the commas before "and".
            let apposed = || {
                let comma = start.checked_sub(2).filter(|&c| doc.tok_is(c + 1, "and") && doc.tok_is(c, ","))?;
                let open = (comma.saturating_sub(8)..comma).rev().find(|&i| !doc.is_word(i))?;
                if doc.tok(open) != "," || !person(run) || place(run) {
                    return None;
                }
                open.checked_sub(1).and_then(|last| self.run_at(last)).filter(|r| r.last + 1 == open && person(r))
            };
            let joined = joined.or_else(apposed);
            return match (joined, run.kind) {
                // Two names joined ("Grassley and Leahy said"): two persons, or so written.
                (Some(first), _) if run.kind != EntityKind::Organisation || person(run) => Some((first, Some(run))),
                _ if person(run) => continue,
                // An organisation by more than one word or an acronym ("State" alone is none).
                (_, EntityKind::Organisation) if run.last > run.first || is_acronym(doc.tok(run.first)) => {
                    Some((run, None))
                }
                _ => None,
            };
        }
        None
    }

    /// The organisation (or a name of no kind: "Zero Hedge") that is the subject of a cue in the
    /// sentence of token `idx` or the two before: who spoke just before a work of no named
    /// author ("The State Department Refugee Processing Center said …. According to the data").
    pub fn source_before(&self, doc: &Doc, idx: usize, accept: impl Fn(&NameRun) -> bool) -> Option<&NameRun> {
        let floor = salient_floor_of(doc, idx, 2);
        let speaks = |r: &NameRun| {
            let mut next = r.last + 1;
            while doc.is_word(next) && doc.lex(next).is_adverb() && !doc.is_capitalized(next) {
                next += 1;
            }
            speaks_after_clause(doc, r.first, r.last)
                || doc.is_word(next) && doc.lex(next).is_cue() && is_subject(doc, r.first, r.last)
        };
        self.find_before(idx, |r| {
            r.first >= floor
                && r.kind != EntityKind::Person
                && !r.quoted
                && !is_time_or_place(doc, r)
                && speaks(r)
                && accept(r)
        })
    }

    /// The organisation "it" before token `idx` refers to: the nearest that is the subject of
    /// its clause within the last few sentences ("The agency issued rules. It said …").
    pub fn organisation_before(&self, doc: &Doc, idx: usize) -> Option<&NameRun> {
        self.organisation_before_where(doc, idx, |_| true)
    }

    /// [`organisation_before`](Self::organisation_before), of the organisations `accept` takes.
    pub fn organisation_before_where(
        &self,
        doc: &Doc,
        idx: usize,
        accept: impl Fn(&NameRun) -> bool,
    ) -> Option<&NameRun> {
        let recent = salient_floor(doc, idx);
        self.find_before(idx, |r| {
            r.kind == EntityKind::Organisation && r.first >= recent && is_subject(doc, r.first, r.last) && accept(r)
        })
        .filter(|r| r.first >= recent)
    }

    /// The lean of the given name that the fullest name of the person `family` starts with.
    fn lean(&self, family: &str) -> Option<Lean> {
        let (name, _, _) = self.person_entry(family)?;
        NAME_WORDS.lean(name.split(|c: char| c.is_whitespace() || c == '-').next()?)
    }

    /// The speaker name and title a person's run resolves to: the fullest name of the person
    /// with its family name, else the run's own name.
    pub fn person_of(&self, doc: &Doc, run: &NameRun) -> (Option<String>, Option<String>) {
        // "Ivanka Trump" is not the "Donald Trump" the family name stands for elsewhere.
        let own_given = (run.name_first < run.last).then(|| doc.tok(run.name_first));
        match self.person(doc.tok(run.last)) {
            // (a run that ends the fullest name, "La Riva" of "Gloria La Riva", is that person)
            // ("Al-Quaety" that opens a sentence ends "Nabil Hasan al-Quaety": a particle's
            // capital aside.)
            Some((name, _))
                if own_given.is_some_and(|g| name.split_whitespace().next() != Some(g))
                    && !ends_with_ignoring_case(&name, doc.text_of(run.name_first, run.last)) =>
            {
                (Some(self.name_text(doc, run)), None)
            }
            Some((name, title)) => (Some(name), title),
            None => (Some(self.name_text(doc, run)), None),
        }
    }

    /// The name a run gives as a speaker's: a person's fullest name, else the run's own name.
    pub fn speaker_name_of(&self, doc: &Doc, run: &NameRun) -> Option<String> {
        match run.kind {
            EntityKind::Person => self.person_of(doc, run).0,
            // ("Erdogan's office" after "Recep Tayyip Erdoğan": a name of no known kind that is
            // a person's family name is that person's.)
            EntityKind::Unknown if run.first == run.last => {
                self.person(doc.tok(run.last)).map(|(name, _)| name).or_else(|| Some(self.name_text(doc, run)))
            }
            _ => Some(self.name_text(doc, run)),
        }
    }

    /// The name a run gives, an acronym spelled out where the article spells it out ("the IMF"
    /// after "the International Monetary Fund" is the International Monetary Fund).
    pub fn name_text(&self, doc: &Doc, run: &NameRun) -> String {
        match self.expansion(doc, run) {
            Some(full) => text_of(doc, full.name_first, full.last),
            None => text_of(doc, run.name_first, run.last),
        }
    }

    /// The name an acronym at token `idx` that starts no run stands for ("WHO", a word too): as
    /// the article spells it out, else as written. None for a token that is no acronym.
    pub fn acronym_name(&self, doc: &Doc, idx: usize) -> Option<String> {
        if !doc.is_capitalized(idx) || !is_acronym(doc.tok(idx)) {
            return None;
        }
        let run = NameRun {
            first: idx,
            last: idx,
            name_first: idx,
            kind: EntityKind::Unknown,
            media_premodifier: false,
            subject: Default::default(),
            quoted: false,
        };
        Some(self.name_text(doc, &run))
    }

    /// The run whose capitalized words' initials spell the acronym that `run` is (a person's
    /// name is none): the first in the article.
    pub fn expansion(&self, doc: &Doc, run: &NameRun) -> Option<&NameRun> {
        let word = doc.tok(run.last);
        if run.first != run.last || run.kind == EntityKind::Person {
            return None;
        }
        if !is_acronym(word) {
            return self.company_of(doc, run);
        }
        if word.len() > 8 {
            return None;
        }
        let letters: Vec<char> = word.chars().collect();
        self.runs.iter().find(|r| {
            let mut initials = (r.name_first..=r.last)
                .filter(|&i| doc.is_word(i) && doc.is_capitalized(i))
                .map(|i| doc.tok(i).chars().next().unwrap_or(' '));
            r.last > r.name_first && letters.iter().all(|&c| initials.next() == Some(c)) && initials.next().is_none()
        })
    }

    /// The organisation whose name starts with `word` ("Ford" for "Ford Motor Company", "Boeing"
    /// for "Boeing Company"): the first in the article. None for a word that names a place, a
    /// people or a person's given name ("Washington" is no "Washington Post").
    fn company_of(&self, doc: &Doc, run: &NameRun) -> Option<&NameRun> {
        if doc.lex(run.last).is_org_word() {
            return None;
        }
        let companies = self.companies.get_or_init(|| {
            let mut companies = FxHashMap::default();
            for (at, r) in self.runs.iter().enumerate() {
                let company = r.kind == EntityKind::Organisation
                    && r.name_first == r.first
                    && r.name_first < r.last
                    && doc.lex(r.last).is_org_word();
                if company {
                    companies.entry(doc.tok(r.name_first).to_string()).or_insert(at);
                }
            }
            companies
        });
        let word = doc.tok(run.last);
        let company = &self.runs[*companies.get(word)?];
        let classes = NAME_WORDS.classes(word);
        (!(classes.is_place() || classes.is_demonym() || classes.is_given_name())).then_some(company)
    }

    /// The fullest name and the title of the person whose family name is `family`.
    /// Whether the article names a person with family name `family`.
    pub fn has_person(&self, family: &str) -> bool {
        self.person_entry(family).is_some()
    }

    /// The one person whose fullest name starts with `word` ("Dr Meerjady" after "Dr Meerjady
    /// Sabrina Flora"); none where two do, or none.
    pub fn person_by_first_word(&self, word: &str) -> Option<(String, Option<String>)> {
        let mut found = self.persons.values().filter(|(name, _, _)| {
            let mut words = name.split_whitespace();
            words.next() == Some(word) && words.next().is_some()
        });
        match (found.next(), found.next()) {
            (Some(&(name, _, title)), None) => Some((name.to_string(), title.map(str::to_string))),
            _ => None,
        }
    }

    pub fn person(&self, family: &str) -> Option<(String, Option<String>)> {
        self.person_entry(family).map(|&(name, _, title)| (name.to_string(), title.map(str::to_string)))
    }

    /// The person of family name `family`, written as the article writes it elsewhere or with
    /// its diacritics or capitals otherwise.
    fn person_entry(&self, family: &str) -> Option<&Person<'a>> {
        self.persons.get(family).or_else(|| {
            if self.folded_families.is_empty() {
                return None;
            }
            self.folded_families.get(&fold(family)).and_then(|key| self.persons.get(key))
        })
    }

    /// The run that covers token `idx`.
    pub fn run_at(&self, idx: usize) -> Option<&NameRun> {
        let at = self.runs.partition_point(|r| r.last < idx);
        self.runs.get(at).filter(|r| r.first <= idx)
    }

    /// The nearest person mentioned before token `idx`.
    pub fn person_before(&self, idx: usize) -> Option<&NameRun> {
        self.find_before(idx, |r| r.kind == EntityKind::Person)
    }

    /// The nearest run before token `idx` that `accept` takes, among the [`LOOK_BACK`] nearest:
    /// an antecedent is near its mention, and the bound keeps many mentions in a long article
    /// linear.
    pub fn find_before(&self, idx: usize, accept: impl Fn(&NameRun) -> bool) -> Option<&NameRun> {
        let end = self.runs.partition_point(|r| r.last < idx);
        self.runs[end.saturating_sub(LOOK_BACK)..end].iter().rev().find(|r| accept(r))
    }
}

/// The words of an apposition right after a run, a determiner and a comma before them and a mark
/// after ("Trump, the Republican nominee, …"): its first and last token.
fn apposition(doc: &Doc, run: &NameRun) -> Option<(usize, usize)> {
    if run.last + 2 >= doc.tokens().len() || !doc.tok_is(run.last + 1, ",") || !doc.lex(run.last + 2).is_determiner() {
        return None;
    }
    let first = run.last + 3;
    let end = (first..doc.tokens().len().min(first + 9)).find(|&i| !doc.is_word(i) || doc.lex(i).is_cue())?;
    let closed = matches!(doc.tok(end), "," | "." | ";" | ")");
    (closed && end > first).then_some((first, end - 1))
}

/// The gender a role word marks ("spokeswoman", "congressman", "mother").
pub fn role_gender(word: &str) -> Option<Gender> {
    let entry = super::lexicon::LEXICON.entry(word);
    if entry.is_female_word() || word.ends_with("woman") {
        Some(Gender::Female)
    } else if entry.is_male_word() || word.ends_with("man") {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Whether a word (lower case) heads a description of one person: a title, a person's role
/// ("nominee", "businessman") or a gendered role word.
pub fn is_person_role(word: &str) -> bool {
    super::lexicon::LEXICON.entry(word).is_title() || NAME_WORDS.is_person_role(word) || role_gender(word).is_some()
}

pub fn text_of(doc: &Doc, first: usize, last: usize) -> String {
    doc.text_of(first, last).to_string()
}

fn classify(doc: &Doc, first: usize, last: usize) -> NameRun {
    // One walk over the run's words. The last title or organisation word is the boundary; the
    // name words are the words after it.
    let mut boundary = None;
    let (mut has_title, mut has_org) = (false, false);
    // The last word that is an acronym ("NATO", "CTO").
    let mut last_acronym = None;
    // The name words: how many, the first, and the last two words of the run.
    let (mut count, mut name_start, mut last_two) = (0, None, (first, first));
    // "Ministry of Foreign Affairs", "Court of Session": an organisation word, then a connector.
    let mut org_of = false;
    let mut title_of = false;
    for i in first..=last {
        let entry = doc.lex(i);
        if !entry.is_word() {
            continue;
        }
        // "Minister of Information Moammar al-Eryani", "Secretary of State Mike Pompeo", "Minister
        // of Foreign Affairs Sergey Lavrov": the word after a title's "of" is the title's, and so
        // is each after it while two words of a name follow.
        let after_of = i >= first + 2 && boundary == Some(i - 2) && has_title && !has_org && doc.tok_is(i - 1, "of");
        let title_goes_on = title_of
            && boundary == Some(i - 1)
            && (i + 1..=last).filter(|&j| doc.is_word(j) && doc.is_capitalized(j)).count() >= 2;
        if entry.is_capitalized() && (after_of || title_goes_on) {
            boundary = Some(i);
            title_of = true;
            continue;
        }
        // A connector joins the words around it and is no name word itself (connectors are lower
        // case: most words of a run are turned away by their capital).
        if i > first && !entry.is_capitalized() && is_connector(doc, i) {
            org_of |= boundary.is_some_and(|b| b + 1 == i) && has_org;
            continue;
        }
        if is_acronym(doc.tok(i)) {
            last_acronym = Some(i);
        }
        // "Kanye West", "Cornel West": a point of the compass after a name word (no place's, no
        // organisation's) is a family name.
        let family_after_given = i > first
            && entry.is_org_word()
            && doc.tok_in(i, COMPASS)
            && doc.is_capitalized(i - 1)
            && !doc.lex(i - 1).is_org_word()
            && !doc.lex(i - 1).is_title()
            && {
                let classes = NAME_WORDS.classes(doc.tok(i - 1));
                !classes.is_place() && !classes.is_demonym()
            };
        if (entry.is_title() || entry.is_org_word()) && !family_after_given {
            boundary = Some(i);
            has_title |= entry.is_title();
            has_org |= !entry.is_title();
            (count, name_start) = (0, None);
        } else {
            count += 1;
            name_start = name_start.or(Some(i));
            last_two = (last_two.1, i);
        }
    }
    let media_premodifier = media_premodifier(doc, first);
    // What the name words say of the name: "Crooked Hillary Clinton" starts at its given name;
    // a place, a people or the head of a thing's name ("Affordable Care Act") makes it no
    // person's, unless it starts with a given name ("Doris Day").
    let mut not_person = false;
    // Only a run that would be a person's is looked up (most runs are one word, no title).
    if let Some(start) = name_start.filter(|_| has_title || has_org || count >= 2) {
        // Each name word with what the name lists say of it: one lookup a word.
        let name_words: Vec<(usize, Classes)> = (start..=last)
            .filter(|&i| doc.is_word(i) && (doc.is_capitalized(i) || !is_connector(doc, i)))
            .map(|i| (i, NAME_WORDS.classes(doc.tok(i))))
            .collect();
        let given = name_words.iter().position(|(_, classes)| classes.is_given_name());
        // ("Iran Brian Hook": the name starts at its given name, and the place before it is no
        // part of it.)
        // (not after an honorific: "Dr Meerjady Sabrina Flora" is whole, her first name one the
        // lists do not know)
        let honorific = |i: usize| doc.tok_in(i, super::HONORIFICS) && doc.is_capitalized(i);
        let after_title = start == first
            && first >= 1
            && (honorific(first - 1) || (doc.tok(first - 1) == "." && first >= 2 && honorific(first - 2)));
        let moved = given.filter(|&at| {
            let (word, classes) = name_words[at];
            at > 0
                && at + 1 < name_words.len()
                && count >= 3
                && !after_title
                // ("Agence France-Presse": a place, or a word joined by a hyphen, starts no name.)
                && !classes.is_place()
                && !doc.tok_is(word + 1, "-")
                && !doc.tok_is(word.saturating_sub(1), "-")
        });
        if let Some(at) = moved {
            name_start = Some(name_words[at].0);
            count -= at;
        }
        // "Rapper Kanye West", "Businessman Don Blankenship": a role opening the run is no part of
        // the name after it.
        // The role says the words after it are a person's, place names among them or not
        // ("Actor Denzel Washington").
        let role_led = moved.is_none()
            && given.is_none_or(|at| at == 1)
            && name_words.len() >= 3
            && name_start == Some(name_words[0].0)
            && name_words[0].1.is_person_role();
        if role_led {
            name_start = Some(name_words[1].0);
            count -= 1;
        }
        if given != Some(0) && moved.is_none() && !role_led {
            // "U-S", "(D-Mo.)": letters and a party's abbreviation are no one's name.
            let single_letters = name_words.iter().all(|&(i, _)| doc.tok(i).chars().nth(1).is_none())
                || (doc.tok(start).chars().nth(1).is_none() && doc.tok_is(start + 1, "-"));
            not_person = single_letters
                || name_words.iter().any(|(_, classes)| classes.is_place() || classes.is_demonym())
                || name_words.last().is_some_and(|(_, classes)| classes.is_thing_head());
        }
    }
    // An acronym among the name words makes an organisation; one before where the name words
    // start (past a given name or a role: "Red Hat CTO Chris Wright") does not.
    let acronym = last_acronym.is_some_and(|a| name_start.is_none_or(|start| a >= start));
    // "February", "Monday": a time, no organisation (its words are listed as organisation words
    // to keep them out of persons' names).
    if (first..=last).all(|i| !doc.is_word(i) || doc.lex(i).is_time_word()) {
        return NameRun {
            first,
            last,
            name_first: first,
            kind: EntityKind::Unknown,
            media_premodifier,
            subject: Default::default(),
            quoted: false,
        };
    }
    let (name_first, kind) = match name_start {
        None => (first, if has_org { EntityKind::Organisation } else { EntityKind::Unknown }),
        Some(_) if org_of && !has_title => (first, EntityKind::Organisation),
        Some(_) if not_person && !has_title => {
            (first, if has_org || acronym { EntityKind::Organisation } else { EntityKind::Unknown })
        }
        // A run of more than three name words that does not start with a given name: the last
        // two are the name ("Andrés Manuel López Obrador" and "Alexander Boris de Pfeffel Johnson"
        // are whole).
        Some(start) if count > 3 && !NAME_WORDS.is_given_name(doc.tok(start)) => (last_two.0, EntityKind::Person),
        Some(start) if count > 3 => (start, EntityKind::Person),
        Some(start) => {
            let kind = if acronym && !has_title {
                EntityKind::Organisation
            } else if has_title || count >= 2 {
                if has_org && !has_title && boundary == Some(last) {
                    EntityKind::Organisation
                } else {
                    EntityKind::Person
                }
            } else {
                EntityKind::Unknown
            };
            (if kind == EntityKind::Organisation && !has_title { first } else { start }, kind)
        }
    };
    NameRun { first, last, name_first, kind, media_premodifier, subject: Default::default(), quoted: false }
}

/// Whether token `idx` is a lower-case role or organisation word ("spokesman", "campaign",
/// "chairwoman"): from its lexicon bits, the role list asked last.
fn is_role_word(doc: &Doc, idx: usize) -> bool {
    if !doc.is_word(idx) || doc.is_capitalized(idx) {
        return false;
    }
    let entry = doc.lex(idx);
    // Most words after or before a name are function words or cues: no role.
    if entry.is_cue() || entry.is_preposition() || entry.is_determiner() || entry.is_not_name() {
        return false;
    }
    let word = doc.tok(idx);
    entry.is_title()
        || entry.is_org_word()
        || entry.is_female_word()
        || entry.is_male_word()
        || word.ends_with("man")
        || word.ends_with("woman")
        || NAME_WORDS.is_person_role(word)
}

/// Whether the run `first..=last` is the subject of its clause: it opens the clause (the
/// sentence's start, after a comma, a conjunction or a subordinator) and a verb or cue follows it,
/// past an apposition ("Trump, the nominee, said") and adverbs; or a cue comes right before it
/// ("…, said Pence").
fn is_subject(doc: &Doc, first: usize, last: usize) -> bool {
    // "…,” said Pence", "…, says Pence", "…, noted NBC's Dante Chinni": a cue right before the
    // name (or a possessive before it), after a quote or a comma (after "Matthews said",
    // "Pence's performance" starts the reported clause).
    let cue_before = |at: usize| cue_after_clause(doc, at);
    if speaks_after_clause(doc, first, last) {
        return true;
    }
    // "Trump campaign spokesman Jason Miller": a name that a role or an organisation word follows
    // premodifies a noun phrase, and is no subject.
    if is_role_word(doc, last + 1) {
        return false;
    }
    // "White House spokesman Josh Earnest said", "Clinton's spokesman Brian Fallon said": the
    // noun phrase the name ends opens the clause.
    let mut first = first;
    let mut past_role = false;
    while let Some(prev) = first.checked_sub(1) {
        let entry = doc.lex(prev);
        let role = is_role_word(doc, prev);
        let name = doc.is_word(prev) && doc.is_capitalized(prev) && first < doc.tokens().len() && !entry.is_not_name();
        let possessive = doc.is_possessive_s(prev);
        // "US Special Representative for Iran Brian Hook": a title's "for" or "of".
        let title_link = doc.tok_in(prev, &["for", "of"])
            && prev > 0
            && doc.is_capitalized(prev - 1)
            && (doc.lex(prev - 1).is_title() || doc.lex(prev - 1).is_org_word());
        if title_link {
            past_role = true;
            first = prev;
            continue;
        }
        if role || (name && past_role) {
            past_role |= role;
            first = prev;
        } else if possessive && prev >= 2 && doc.is_capitalized(prev - 2) && past_role {
            first = prev - 2;
        } else {
            break;
        }
    }
    // "said MSNBC host Chris Matthews": the cue before the noun phrase.
    if first < last && cue_before(first) {
        return true;
    }
    // "The Environmental Protection Agency issued …": the article before the name.
    let first = if first > 0 && doc.tok_is(first - 1, "the") { first - 1 } else { first };
    let opens = first == 0
        || !doc.is_word(first - 1) && !matches!(doc.tok(first - 1), "’" | "'" | "-")
        || doc.tok_in(
            first - 1,
            &[
                "and", "but", "that", "when", "while", "as", "after", "because", "before", "since", "if", "whether",
                "although", "though", "unless", "until", "once",
            ],
        )
        || doc.tok(first - 1).is_empty();
    if !opens {
        return false;
    }
    let mut next = last + 1;
    if doc.tok_is(next, ",") || doc.tok_is(next, "(") {
        // "(D-Mass.)" ends in a token ".)".
        let closes = |i: usize| if doc.tok_is(next, ",") { doc.tok(i) == "," } else { doc.tok(i).ends_with(')') };
        // A relative clause may run long ("Christie, who has campaigned … since he suspended
        // his own bid in February, blasted …"), within its sentence.
        let relative = doc.tok_in(next + 1, &["who", "whose", "which"]);
        let reach = if relative { 40 } else { 14 };
        let within = |i: usize| !relative || !matches!(doc.tok(i), "." | "?" | "!");
        match (next + 1..doc.tokens().len().min(next + reach)).take_while(|&i| within(i)).find(|&i| closes(i)) {
            Some(end) => next = end + 1,
            None => return false,
        }
    }
    // "Dan McLaughlin at the National Review agreed": where the person is from, a name.
    if doc.tok_in(next, &["at", "of", "from"]) {
        let mut after = next + 1;
        if doc.tok_is(after, "the") {
            after += 1;
        }
        let name_end = (after..doc.tokens().len().min(after + 6)).find(|&i| !doc.is_capitalized(i));
        if let Some(end) = name_end.filter(|&end| end > after) {
            next = end;
        }
    }
    while next < doc.tokens().len() && doc.is_word(next) && doc.lex(next).is_adverb() && !doc.is_capitalized(next) {
        next += 1;
    }
    next < doc.tokens().len()
        && doc.is_word(next)
        && !doc.is_capitalized(next)
        && (doc.lex(next).is_cue()
            || !(doc.lex(next).is_preposition()
                || doc.lex(next).is_determiner()
                || doc.tok_in(next, &["and", "or", "s"])))
}

/// Whether a run names only a time or a place ("March", "Alaska").
pub(crate) fn is_time_or_place(doc: &Doc, run: &NameRun) -> bool {
    (run.first..=run.last).all(|i| !doc.is_word(i) || doc.lex(i).is_time_word() || NAME_WORDS.is_place(doc.tok(i)))
}

/// Whether a cue comes right before token `at`, after a comma or a quote ("…,” said Pence").
fn cue_after_clause(doc: &Doc, at: usize) -> bool {
    at > 1
        && doc.lex(at - 1).is_cue()
        && (matches!(doc.tok(at - 2), "," | "”" | "\"" | "’" | "'") || ends_quoted_clause(doc, at - 2))
}

/// Whether token `idx` closes a quote that ends a clause ("…,”", "…?\""), not a quoted word
/// ("the “nasty” Harris").
fn ends_quoted_clause(doc: &Doc, idx: usize) -> bool {
    let clause_end = |t: &str| t.starts_with([',', '?', '!']);
    closes_quote(doc, idx) && (clause_end(doc.tok(idx)) || idx > 0 && clause_end(doc.tok(idx - 1)))
}

/// Whether the name `first..=last` is the speaker a cue after a clause or a quote names ("…,
/// said Pence.", "…, noted NBC's Dante Chinni.", "…,” said Nick Witney, a fellow …"), not the
/// start of what was said ("…, said Ivanka Trump's statement didn't …", "…, said Trump was").
fn speaks_after_clause(doc: &Doc, first: usize, last: usize) -> bool {
    let ends = last + 1 >= doc.tokens().len() || !(doc.is_word(last + 1) || doc.is_possessive_s(last + 2));
    if !ends {
        return false;
    }
    let possessor =
        (first > 3 && doc.is_possessive_s(first - 1)).then(|| first - 3).filter(|&at| doc.is_capitalized(at));
    cue_after_clause(doc, first) || possessor.is_some_and(|at| cue_after_clause(doc, at))
}

/// Whether token `idx` is punctuation that closes a quote (",”" is one token).
fn closes_quote(doc: &Doc, idx: usize) -> bool {
    !doc.is_word(idx) && doc.tok(idx).ends_with(['”', '"', '’', '\''])
}

fn media_premodifier(doc: &Doc, first: usize) -> bool {
    (first.saturating_sub(3)..first)
        .rev()
        .take_while(|&i| doc.is_word(i) && !doc.is_capitalized(i))
        .any(|i| doc.lex(i).is_media_head())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::FastTokenizer;

    fn runs(text: &str) -> Vec<(String, String, EntityKind)> {
        let doc = Doc::new(text, &FastTokenizer);
        let index = NameIndex::build(&doc, &[]);
        index.runs.iter().map(|r| (text_of(&doc, r.first, r.last), index.name_text(&doc, r), r.kind)).collect()
    }

    #[test]
    fn splits_titles_from_names() {
        let got = runs("Russian Foreign Minister Sergey Lavrov spoke. The State Department and George W. Bush met.");
        assert_eq!(
            got[0],
            ("Russian Foreign Minister Sergey Lavrov".into(), "Sergey Lavrov".into(), EntityKind::Person)
        );
        assert_eq!(got[1], ("State Department".into(), "State Department".into(), EntityKind::Organisation));
        assert_eq!(got[2], ("George W. Bush".into(), "George W. Bush".into(), EntityKind::Person));
    }

    /// The name is what follows the last title or organisation word; of a longer run of names,
    /// the last two words; a run with an acronym and no title is an organisation.
    #[test]
    fn classify_takes_the_name_after_the_last_title_or_organisation_word() {
        let got = runs(
            "Minister Anna Lindh spoke. Police Commissioner John Smith came. NATO Secretary General Mark \
             Rutte left. The UN Security Council met. Alexander Boris de Pfeffel Johnson won. Beijing Ünïon \
             Ltd sold. Paris is calm.",
        );
        let names: Vec<(&str, &str, EntityKind)> = got.iter().map(|(r, n, k)| (r.as_str(), n.as_str(), *k)).collect();
        assert_eq!(
            names,
            [
                ("Minister Anna Lindh", "Anna Lindh", EntityKind::Person),
                ("Police Commissioner John Smith", "John Smith", EntityKind::Person),
                ("NATO Secretary General Mark Rutte", "Mark Rutte", EntityKind::Person),
                ("UN Security Council", "UN Security Council", EntityKind::Organisation),
                ("Alexander Boris de Pfeffel Johnson", "Alexander Boris de Pfeffel Johnson", EntityKind::Person),
                ("Beijing Ünïon Ltd", "Beijing Ünïon Ltd", EntityKind::Organisation),
                ("Paris", "Paris", EntityKind::Unknown),
            ]
        );
    }

    #[test]
    fn genders_come_from_honorifics_role_words_and_the_articles_pronouns() {
        let doc = Doc::new(
            "Ms. Anne Sacoolas left. Spokesman Tom Brake met Harry Dunn. Dunn said he was hurt.",
            &FastTokenizer,
        );
        let index = NameIndex::build(&doc, &[]);
        assert_eq!(index.gender("Sacoolas"), Some(Gender::Female));
        assert_eq!(index.gender("Brake"), Some(Gender::Male));
        assert_eq!(index.gender("Dunn"), Some(Gender::Male));
        let doc = Doc::new("Boris Johnson met Anne Sacoolas, and he spoke.", &FastTokenizer);
        assert_eq!(NameIndex::build(&doc, &[]).gender("Johnson"), None, "two persons: the pronoun is no evidence");
    }

    /// The fullest name is the one of most words as white space separates them: a hyphenated
    /// first name is one word (a later name of as many words does not replace it), a name with
    /// a no-break space or an initial is longer.
    #[test]
    fn the_fullest_name_counts_words_between_white_space() {
        let fullest = |text: &str| {
            let doc = Doc::new(text, &FastTokenizer);
            NameIndex::build(&doc, &[]).person("Raffarin").map(|(name, _)| name)
        };
        let pierre = "Mr. Pierre Raffarin came.";
        assert_eq!(
            fullest(&format!("{pierre} Then Mr. Jean-Pierre Raffarin left.")).as_deref(),
            Some("Pierre Raffarin")
        );
        assert_eq!(
            fullest(&format!("{pierre} Then Mr. Anne\u{a0}Pierre Raffarin left.")).as_deref(),
            Some("Anne\u{a0}Pierre Raffarin")
        );
        assert_eq!(
            fullest(&format!("{pierre} Then Mr. Pierre J. Raffarin left.")).as_deref(),
            Some("Pierre J. Raffarin")
        );
    }

    /// Places, peoples and the names of things, events and laws are no persons, unless the name
    /// starts with a given name; a name starts at its given name, past words before it.
    #[test]
    fn what_a_name_names_comes_from_its_words() {
        let got = runs(
            "Pell Grants rose. The Affordable Care Act passed. Independence Day came. Miss Universe won. \
             Windsor Locks voted. African-American voters came. Doris Day sang. Crooked Hillary Clinton \
             spoke. George Washington slept. Recep Tayyip Erdogan spoke. Crosscut Strategies grew. Delta \
             Airlines flew.",
        );
        let kinds: Vec<(&str, EntityKind)> = got.iter().map(|(_, n, k)| (n.as_str(), *k)).collect();
        assert_eq!(
            kinds,
            [
                ("Pell Grants", EntityKind::Unknown),
                ("Affordable Care Act", EntityKind::Unknown),
                ("Independence Day", EntityKind::Unknown),
                ("Miss Universe", EntityKind::Unknown),
                ("Windsor Locks", EntityKind::Unknown),
                ("African-American", EntityKind::Unknown),
                ("Doris Day", EntityKind::Person),
                ("Hillary Clinton", EntityKind::Person),
                ("George Washington", EntityKind::Person),
                ("Recep Tayyip Erdogan", EntityKind::Person),
                // A firm's word ends its name ("Strategies", "Airlines").
                ("Crosscut Strategies", EntityKind::Organisation),
                ("Delta Airlines", EntityKind::Organisation),
            ]
        );
    }

    /// A person's name, then "of" and where they are from, is two runs.
    #[test]
    fn a_name_and_where_the_person_is_from_are_two_runs() {
        let got = runs(
            "Tristan Smith of University College London spoke. Bank of America paid. The Ministry of Foreign \
             Affairs said so. On Friday Ford Motor Company said so. Did Anna Lindh say so?",
        );
        let names: Vec<(&str, EntityKind)> = got.iter().map(|(r, _, k)| (r.as_str(), *k)).collect();
        assert_eq!(
            names,
            [
                ("Tristan Smith", EntityKind::Person),
                ("University College London", EntityKind::Organisation),
                ("Bank of America", EntityKind::Organisation),
                ("Ministry of Foreign Affairs", EntityKind::Organisation),
                ("Ford Motor Company", EntityKind::Organisation),
                ("Anna Lindh", EntityKind::Person),
            ]
        );
    }

    /// The fullest name of a person starts with a given name where one of its forms does.
    #[test]
    fn the_fullest_name_starts_with_a_given_name() {
        let doc = Doc::new("Donald Trump spoke. A video, Fact Check Trump, ran. Trump left.", &FastTokenizer);
        assert_eq!(NameIndex::build(&doc, &[]).person("Trump").map(|(n, _)| n).as_deref(), Some("Donald Trump"));
    }

    /// "she" skips a person whose given name leans male where the article says nothing of them.
    #[test]
    fn a_pronoun_skips_a_person_whose_given_name_leans_the_other_way() {
        let doc = Doc::new("Hillary Clinton spoke. Donald Trump answered. She left.", &FastTokenizer);
        let index = NameIndex::build(&doc, &[]);
        let she = doc.tokens().len() - 3;
        assert_eq!(doc.tok(she), "She");
        let run = index.person_before_of(&doc, she, Gender::Female).expect("a person");
        assert_eq!(index.name_text(&doc, run), "Hillary Clinton");
    }

    /// A name at the very end of a text, before a comma and a determiner and nothing more.
    #[test]
    fn an_apposition_cut_short_by_the_end_of_the_text_is_none() {
        for text in ["Clinton, the", "Clinton,", "Clinton"] {
            let doc = Doc::new(text, &FastTokenizer);
            assert_eq!(NameIndex::build(&doc, &[]).runs.len(), 1, "{text}");
        }
    }

    #[test]
    fn a_family_name_alone_is_the_person_named_in_full() {
        let doc = Doc::new("Prime Minister Boris Johnson came. Later Johnson left.", &FastTokenizer);
        let index = NameIndex::build(&doc, &[]);
        assert_eq!(index.runs.last().unwrap().kind, EntityKind::Person);
        assert_eq!(index.person("Johnson"), Some(("Boris Johnson".into(), Some("Prime Minister".into()))));
    }
}
