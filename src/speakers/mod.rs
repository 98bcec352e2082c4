//! Attribution: finds the reporting cue and the speaker of each quoted span, decides what kind of
//! statement it is, and resolves the speaker to the fullest name the article gives.
//!
//! Patterns, tried in this order for each quote (the `rule` column names the one that fired):
//! - `after`: “…,” X said / “…,” said X — the cue and speaker right after the closing mark.
//! - `before`: X said: “…” / X said on Friday, “…” / according to X, “…” — a cue earlier in the
//!   sentence with nothing but a short adverbial, a comma or a colon between it and the quote.
//! - `embedded`: X said the plan is “good” — a cue earlier in the sentence with reported content
//!   between: the row is `mixed` and spans from that content to the end of the reported clause,
//!   over any later fragments in it. When the cue nearest a fragment is inside what an earlier
//!   speech cue reports ("She said she asked the question “to build on …”"), the row is that
//!   earlier report.
//! - `colon`: a quote opening a paragraph after a paragraph that ends with "X said:".
//! - `floating`: a quote with no attribution of its own continues the speaker of the sentence
//!   before it (a cue with a subject) or of the previous quote in the same or previous paragraph.
//! - A quote interrupted by its attribution (“We will not agree,” he said, “to any of it.”) is one
//!   statement and one row: the cue found after the first part is the cue found before the next.
//! - `claim-owner`: a fragment in a clause that "X's claim that", "his remark that" opens is
//!   X's (his) words; a claim noun that is a cue ("claim") takes its owner as its subject too.
//! - `subject-verb`, `sentence-cue`, `sentence-subject`, `previous-speaker`: a fragment in
//!   mid-sentence with no cue next to it is a `mixed` row of the sentence's last cue with its
//!   subject, else of the sentence's subject when it can speak (a name, a group, he/she, a role),
//!   else of the statement just before it in the paragraph or the one before. A cue later in the
//!   sentence (", Axelrod said") leaves it to the indirect detector.
//! - A quote with no one to attribute it to is a scare quote, a title or a term, not a
//!   statement, and gives no row; so is a term after an article ("the “experts”") that only the
//!   sentence's subject could claim.
//!
//! Speakers are mentions as written (a name, a pronoun, "the outlet", "officials"); a pronoun
//! resolves to the nearest person named before it, a family name to the fullest form of that name,
//! "the minister" to the nearest person whose title has that word, "the outlet" to the nearest
//! medium introduced as such. What cannot be resolved keeps `speaker_name` empty.

pub mod german;
pub mod indirect;
pub mod interview;
/// The English lexicon is language data (`lang/lexicon.rs`); its old path stays for callers.
pub use crate::lang::lexicon;
pub mod names;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::lang::lexicon::LEXICON;
use names::{is_time_or_place, text_of, EntityKind, NameIndex};

use crate::doc::Doc;
use crate::model::{Gender, Quote, QuoteType, Rule, Span, SpeakerType};
use crate::quotes::Candidate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Pronoun,
    Name,
    Nominal,
    Group,
}

/// A speaker mention: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub kind: MentionKind,
}

/// What the attribution patterns found for one quote.
#[derive(Debug, Clone, PartialEq)]
struct Attribution {
    cue: Option<(usize, usize)>,
    speaker: Option<Mention>,
    /// A title the sentence gives in apposition ("Nancy Pelosi, the Speaker of the House, said").
    apposition: Option<String>,
    rule: &'static str,
    kind: QuoteType,
    /// Where a `mixed` row starts (the reported content before the quote).
    mixed_start: Option<usize>,
}

impl Attribution {
    /// A direct statement attributed by `rule`.
    fn direct(
        cue: Option<(usize, usize)>,
        speaker: Option<Mention>,
        apposition: Option<String>,
        rule: &'static str,
    ) -> Attribution {
        Attribution { cue, speaker, apposition, rule, kind: QuoteType::Direct, mixed_start: None }
    }
}

/// How far (in tokens) a rule looks back for a subject or cue in one sentence: far enough for
/// any real attribution, and a bound that keeps a pathological sentence linear.
const WINDOW: usize = 80;

/// Abbreviated titles written with a full stop inside a name ("Sen. Marco Rubio").
const TITLE_ABBREVIATIONS: &[&str] =
    &["Sen", "Rep", "Gov", "Dr", "Mr", "Mrs", "Ms", "Gen", "Lt", "Col", "Sgt", "St", "Jr", "Sr", "Prof", "Rev", "Capt"];

/// Titles of courtesy before a name, no office's: a name after one is whole ("Dr Meerjady
/// Sabrina Flora"; `names::classify`).
pub(crate) const HONORIFICS: &[&str] = &["Dr", "Mr", "Mrs", "Ms", "Prof", "Sir", "Dame"];

/// Whether the full stop at token `idx` ends an abbreviation inside a noun phrase: an
/// initialism's letter ("U.S.", "D.C.") or an abbreviated title before a name ("Rev. Peter").
fn abbreviation_dot(doc: &Doc, idx: usize) -> bool {
    let Some(prev) = idx.checked_sub(1) else { return false };
    let word = doc.tok(prev);
    let letter = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    let title = TITLE_ABBREVIATIONS.contains(&word) && doc.is_capitalized(idx + 1);
    doc.touches_next(prev) && (letter || title) && doc.is_word(idx + 1)
}

/// Whether token `idx` joins the capitalized words on both sides of it into one name: the full
/// stop of an initial or an abbreviated title, or a hyphen or apostrophe written without spaces
/// ("Mark-Viverito", "O’Malley").
fn joins_name(doc: &Doc, idx: usize) -> bool {
    if idx == 0 || idx + 1 >= doc.tokens().len() || !doc.is_capitalized(idx + 1) || !doc.is_capitalized(idx - 1) {
        return false;
    }
    let tok = doc.tok(idx);
    let prev = doc.tok(idx - 1);
    let tight = doc.touches_next(idx - 1) && doc.touches_next(idx);
    (tok == "." && (prev.chars().count() == 1 || TITLE_ABBREVIATIONS.contains(&prev)))
        || (matches!(tok, "-" | "’" | "'") && tight)
}

/// Token `idx` in lower case: borrowed when it is ASCII without capitals, as most words are.
pub(crate) fn lower<'a>(doc: &Doc<'a>, idx: usize) -> Cow<'a, str> {
    let word = doc.tok(idx);
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The cue at token `idx` as (first, last) token, when it is one: a lower-case cue word, or
/// "according to". "so-called" is not a cue.
///
/// Asked of every token, and most are no cue in any case: one bit, tested where it is asked,
/// turns them away before a call (`#[inline]` alone left it a call in `find_indirect`).
#[inline(always)]
pub(crate) fn cue_at(doc: &Doc, idx: usize) -> Option<(usize, usize)> {
    if idx >= doc.tokens().len() || !doc.lex(idx).may_start_cue() {
        return None;
    }
    cue_starting_at(doc, idx)
}

/// [`cue_at`] for a token that may start a cue.
fn cue_starting_at(doc: &Doc, idx: usize) -> Option<(usize, usize)> {
    let token = &doc.tokens()[idx];
    let entry = doc.lex(idx);
    if !entry.is_cue_any_case() {
        // "according", in any case.
        return doc.tok_is(idx + 1, "to").then_some((idx, idx + 1));
    }
    let word = doc.tok(idx);
    if !entry.is_cue() {
        // "Asked whether …, Johnson demurred": a participle opening its sentence.
        let participle = word.as_bytes()[0].is_ascii_uppercase()
            && word.ends_with("ed")
            && doc.sentence_start(token.start()) == token.start();
        return participle.then_some((idx, idx));
    }
    if word == "called" && idx >= 2 && doc.tok(idx - 1) == "-" && doc.tok(idx - 2).eq_ignore_ascii_case("so") {
        return None;
    }
    // "As Akhil Amar … put it, “…”": "put it" reports only so, after "as" and before the clause's
    // end; "put it on the table" is no cue.
    if matches!(word, "put" | "puts") {
        return as_put_it(doc, idx).then_some((idx, idx + 1));
    }
    if word.ends_with('s') && is_plural_noun(doc, idx) {
        return None;
    }
    if word.ends_with("ed") && is_attributive(doc, idx) {
        return None;
    }
    Some((idx, idx))
}

/// Whether "put" at token `idx` is "as X put it": "it" and a mark after it, and "as" opening the
/// clause within the 40 tokens before it.
fn as_put_it(doc: &Doc, idx: usize) -> bool {
    let ends = doc.tokens().get(idx + 2).is_none_or(|_| {
        matches!(doc.tok(idx + 2), "," | ":" | "." | ";" | "—") || doc.tok(idx + 2).starts_with(['"', '“', '\'', '‘'])
    });
    if !doc.tok_is(idx + 1, "it") || !ends {
        return false;
    }
    let start = doc.token_at_or_after(doc.sentence_start(doc.tokens()[idx].start()));
    (start.max(idx.saturating_sub(40))..idx).any(|i| {
        doc.tok_is(i, "as")
            && (i == start || matches!(doc.tok(i - 1), "," | ";" | ":" | "—" | "(") || !doc.is_word(i - 1))
    })
}

/// Whether the cue form in "-ed" at token `idx` is an adjective before its noun: after a
/// determiner or a preposition ("the alleged attack", "investigation of alleged police violence",
/// "no reported injuries"). ("as reported by", "that alleged" and "yesterday announced" stay
/// cues: none of them is on these lists.)
fn is_attributive(doc: &Doc, idx: usize) -> bool {
    const BEFORE_ADJECTIVE: &[&str] = &[
        "the", "a", "an", "its", "his", "their", "our", "another", "no", "of", "for", "over", "about", "against",
        "into", "with", "amid", "despite", "on", "in", "from", "by", "among", "during", "under",
    ];
    idx > 0 && doc.tok_in(idx - 1, BEFORE_ADJECTIVE)
}

/// Whether the cue form in "-s" at token `idx` is the plural noun it is spelt like ("attacks",
/// "claims", "hopes", "shows"), not a verb: after a possessive or a determiner ("Clinton's
/// attacks", "his claims", "the attacks"), past one or two words of the noun phrase that can
/// only be modifiers ("the terrorist attacks", "our biggest challenges", "China's territorial
/// disputes", "Trump's strikingly personal attacks"), or before a verb of its own ("the attacks
/// have alarmed …", "claims tend to fall flat").
fn is_plural_noun(doc: &Doc, idx: usize) -> bool {
    // (the cue lemmas whose "-s" form news also writes as a plural noun)
    const NOUNS: &[&str] = &[
        "attack",
        "fear",
        "claim",
        "promise",
        "demand",
        "challenge",
        "dispute",
        "hope",
        "show",
        "note",
        "estimate",
        "pledge",
        "doubt",
        "call",
        "vow",
        "worry",
        "chant",
        "report",
        "comment",
        "answer",
        "reply",
        "question",
        "tweet",
        "post",
        "remark",
        "boast",
        "praise",
        "slam",
        "blast",
        "counter",
    ];
    // (a noun phrase's owner or determiner; not "that", a relative pronoun too)
    const OPENERS: &[&str] = &[
        "the", "his", "her", "their", "its", "our", "my", "your", "these", "those", "some", "many", "several", "few",
        "both", "such", "other", "all", "any", "no", "new", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "more", "most",
    ];
    // (nouns spelt like modifiers: "the official claims", "his rival claims", "the critic notes")
    const HEADS: &[&str] = &[
        "official",
        "rival",
        "general",
        "individual",
        "critic",
        "executive",
        "detective",
        "relative",
        "representative",
        "conservative",
        "progressive",
        "liberal",
        "priest",
        "guest",
        "operative",
        "native",
        "cleric",
        "criminal",
        "public",
        "hospital",
        "journal",
        "tribunal",
        "clinic",
        "archive",
        "accused",
        "deceased",
        "interest",
        "protest",
        "contest",
        "arrest",
        "request",
        "constable",
        "professional",
    ];
    if !LEXICON.lemma(doc.tok(idx)).is_some_and(|lemma| NOUNS.contains(&lemma)) || idx == 0 {
        return false;
    }
    // ("Mr. Trump's claims that his net worth exceeds …": what a named owner claimed is theirs
    // to report)
    let claim_of = |i: usize| doc.is_possessive_s(i) && i == idx - 1 && doc.tok_is(idx + 1, "that");
    let owner =
        |i: usize| doc.tok_in(i, OPENERS) || (doc.is_possessive_s(i) && !claim_of(i)) || doc.lex(i).starts_with_digit();
    // A modifier: an adjective by its ending, a participle ("renewed fears"), an adverb.
    let modifier = |i: usize| {
        let word = doc.tok(i);
        doc.is_word(i)
            && !doc.is_capitalized(i)
            && !doc.lex(i).is_cue()
            && !doc.tok_in(i, HEADS)
            && (doc.lex(i).is_adverb()
                || doc.tok_in(i, &["terrorist", "recent", "false", "further", "fresh", "major", "similar"])
                || ["al", "ous", "ic", "ive", "est", "ful", "less", "ed", "ible", "able"]
                    .iter()
                    .any(|end| word.len() > end.len() + 2 && word.ends_with(end)))
    };
    let mut at = idx - 1;
    for _ in 0..3 {
        if owner(at) || (doc.tok_in(at, &["’", "'"]) && at > 0 && doc.tok(at - 1).ends_with('s')) {
            return true;
        }
        if at == 0 || !modifier(at) {
            break;
        }
        at -= 1;
    }
    // "the terrorist attacks have prompted …": a verb of its own after it, no pronoun before it.
    let verb_after = doc.tok_in(
        idx + 1,
        &[
            "have", "has", "had", "are", "were", "will", "would", "could", "can", "may", "might", "should", "must",
            "tend",
        ],
    );
    // (not after a name: "a show of muscle that Clinton hopes can help")
    verb_after
        && doc.is_word(idx - 1)
        && !doc.is_capitalized(idx - 1)
        && !doc.lex(idx - 1).is_pronoun()
        && !doc.tok_in(idx - 1, &["who", "which", "that", "what"])
}

/// The lemma of a cue found by [`cue_at`] ("Asked" opening a sentence is "ask").
pub(crate) fn cue_lemma(doc: &Doc, cue: (usize, usize)) -> Option<&'static str> {
    LEXICON.lemma(doc.tok(cue.0))
}

/// The kind of a noun phrase whose head is token `head`: a group's ("officials", "police") or a
/// description's.
fn phrase_kind(doc: &Doc, head: usize) -> MentionKind {
    if doc.lex(head).is_group() {
        MentionKind::Group
    } else {
        MentionKind::Nominal
    }
}

/// A speaker mention starting at token `idx`, not reaching `limit`.
pub(crate) fn mention_right(doc: &Doc, idx: usize, limit: usize) -> Option<Mention> {
    if idx >= limit || !doc.is_word(idx) {
        return None;
    }
    let word = doc.tok(idx);
    if doc.lex(idx).is_pronoun() && word != "who" {
        return Some(Mention { first: idx, last: idx, kind: MentionKind::Pronoun });
    }
    // "“…,” read one." / "said another": a bare "one" or "another" stands for a person.
    if doc.tok_in(idx, &["one", "another"]) && (idx + 1 >= limit || !doc.is_word(idx + 1)) {
        return Some(Mention { first: idx, last: idx, kind: MentionKind::Nominal });
    }
    if doc.lex(idx).is_determiner() {
        let (last, capitalized) = phrase_end(doc, idx, limit);
        if last == idx {
            return None;
        }
        // "The New York Times" names; "The Indiana governor" is a role.
        let kind = if capitalized && doc.is_capitalized(last) { MentionKind::Name } else { MentionKind::Nominal };
        return Some(Mention { first: idx, last, kind });
    }
    let title_dot = TITLE_ABBREVIATIONS.contains(&word) && doc.tok_is(idx + 1, ".") && joins_name(doc, idx + 1);
    // "Even Hillary Clinton said", "Just 27 percent …": a focusing word before the subject.
    if doc.is_capitalized(idx)
        && doc.tok_in(idx, &["even", "just", "only", "neither", "either"])
        && doc.is_word(idx + 1)
        && !doc.lex(idx + 1).is_cue()
    {
        return mention_right(doc, idx + 1, limit);
    }
    // "Nearly half of those asked", "Nearly 300 people": an amount's adverb opens the phrase
    // after it, and is no name.
    if doc.tok_is(idx, "nearly") && doc.is_word(idx + 1) && !doc.lex(idx + 1).is_cue() {
        if let Some(mention) = mention_right(doc, idx + 1, limit) {
            return Some(match mention.kind {
                MentionKind::Nominal | MentionKind::Group => Mention { first: idx, ..mention },
                _ => mention,
            });
        }
        let (last, _) = phrase_end(doc, idx, limit);
        let kind = phrase_kind(doc, last);
        return (last > idx).then_some(Mention { first: idx, last, kind });
    }
    if doc.is_capitalized(idx) && (!doc.lex(idx).is_not_name() || title_dot) {
        let mut last = idx;
        while last + 1 < limit && (doc.is_capitalized(last + 1) || joins_name(doc, last + 1)) {
            last += 1;
        }
        while !doc.is_word(last) {
            last -= 1;
        }
        if last == idx {
            // "… Hollande said Friday as he entered": a day or a month is no speaker.
            if doc.lex(idx).is_time_word() {
                return None;
            }
            // "Republican presidential candidate Donald Trump is …": a capitalized word, then a
            // role, before a name.
            if let Some(name) = role_then_name(doc, idx + 1, limit) {
                return mention_right(doc, name, limit);
            }
            // "Early results of the poll are showing …": a common word capitalized because it
            // opens the sentence starts a noun phrase, not a name.
            if !doc.lex(idx).is_group() && is_capitalized_common_word(doc, idx) {
                let (last, _) = phrase_end(doc, idx, limit);
                let kind = phrase_kind(doc, last);
                return (last > idx).then_some(Mention { first: idx, last, kind });
            }
        }
        // "Erdogan's office", "the company's spokesperson": a possessive names the speaker.
        if last + 3 < limit + 1
            && matches!(doc.tok(last + 1), "’" | "'")
            && doc.tok_is(last + 2, "s")
            && doc.is_word(last + 3)
            && !doc.is_capitalized(last + 3)
            && !doc.lex(last + 3).is_cue()
        {
            return Some(Mention { first: idx, last: last + 3, kind: MentionKind::Nominal });
        }
        // "Officials said", "Police say": a group word opening its sentence names no one.
        if last == idx && doc.lex(idx).is_group() {
            return Some(Mention { first: idx, last, kind: MentionKind::Group });
        }
        return Some(Mention { first: idx, last, kind: MentionKind::Name });
    }
    // A role before a name: "said pollster Frank Luntz", "said former tech executive Carly Fiorina",
    // "said study co-author Ted Scambos" (a hyphen inside a word of the role).
    if !doc.is_capitalized(idx) && !doc.lex(idx).is_cue() && !doc.lex(idx).is_group() {
        let mut next = idx;
        let mut words = 0;
        while next < limit && words < 4 {
            let hyphen = next > idx && doc.tok(next) == "-" && doc.touches_next(next - 1) && doc.touches_next(next);
            if hyphen {
                next += 1;
                continue;
            }
            // ("state-owned Iranian news agency Fars": a people's adjective inside the role)
            let adjective = doc.is_capitalized(next)
                && next + 1 < limit
                && doc.is_word(next + 1)
                && !doc.is_capitalized(next + 1)
                && crate::lang::NAME_WORDS.classes(doc.tok(next)).is_demonym();
            if !doc.is_word(next) || (doc.is_capitalized(next) && !adjective) {
                break;
            }
            if doc.lex(next).is_preposition() || doc.lex(next).is_adverb() || doc.lex(next).is_not_name() {
                return None;
            }
            next += 1;
            // (the parts of a hyphenated word are one word)
            words += usize::from(!(next > idx + 1 && doc.tok(next - 2) == "-"));
        }
        if next < limit && doc.is_capitalized(next) && !doc.lex(next).is_not_name() {
            return mention_right(doc, next, limit);
        }
    }
    if doc.lex(idx).is_group() {
        return Some(Mention { first: idx, last: idx, kind: MentionKind::Group });
    }
    None
}

/// The last word of the noun phrase that token `idx` opens (a determiner, or a common word
/// opening its sentence), and whether a word after `idx` is capitalized: up to eight words, to a
/// cue, a preposition, an adverb, a pronoun or a conjunction.
fn phrase_end(doc: &Doc, idx: usize, limit: usize) -> (usize, bool) {
    let mut last = idx;
    let mut capitalized = false;
    // Up to eight tokens after the first, abbreviations' full stops aside.
    let mut end = limit.min(idx + 9);
    let mut next = idx;
    while next + 1 < end {
        next += 1;
        // "The Anti-Defamation League strongly denounced …": an adverb, or a past tense
        // right after a name, starts the predicate.
        let word = doc.tok(next);
        // "The embassy declined the request": an "-ed" word after the noun, not right after the
        // determiner ("the proposed law").
        let predicate = !doc.is_capitalized(next)
            && ((word.ends_with("ly") && word.len() > 4 && next > idx + 1)
                || (word.ends_with("ed")
                    && next > idx + 1
                    && (doc.is_capitalized(next - 1) || !doc.tok(next - 1).ends_with("ly"))));
        let stop = predicate
            || doc.lex(next).is_cue()
            || doc.lex(next).is_preposition()
            || doc.lex(next).is_listed_adverb()
            || doc.lex(next).is_pronoun()
            || matches!(doc.tok(next), "that" | "whether" | "which" | "if");
        if doc.is_word(next) && !stop {
            capitalized |= doc.is_capitalized(next);
            last = next;
        } else if matches!(doc.tok(next), "’" | "'" | "-" | "&") {
            continue;
        } else if doc.tok(next) == "." && abbreviation_dot(doc, next) {
            // "The former first lady and U.S. senator", "the Rev. Peter Wherry".
            end = limit.min(end + 1);
            continue;
        } else {
            break;
        }
    }
    (last, capitalized)
}

/// The first token of the name after one to three lower-case words from token `idx` on, the
/// last of them a role that heads a description of one person ("presidential candidate Donald
/// Trump", "campaign chairman John Podesta").
fn role_then_name(doc: &Doc, idx: usize, limit: usize) -> Option<usize> {
    let mut next = idx;
    while next < limit.min(idx + 3) && doc.is_word(next) && !doc.is_capitalized(next) {
        let entry = doc.lex(next);
        if entry.is_cue() || entry.is_preposition() || entry.is_adverb() || entry.is_not_name() || entry.is_pronoun() {
            return None;
        }
        next += 1;
    }
    let role = next.checked_sub(1).filter(|&r| r >= idx)?;
    let name = next < limit && doc.is_capitalized(next) && !doc.lex(next).is_not_name();
    (name && names::is_person_role(&lower(doc, role))).then_some(next)
}

/// Whether `word` is an adjective of a party or a people ("Republican", "Democratic",
/// "French"): a demonym that is no plural noun.
pub(crate) fn is_adjective_of_people(word: &str) -> bool {
    crate::lang::NAME_WORDS.is_demonym(word) && !word.ends_with('s')
}

/// Whether token `idx` is a cue form that is also a plural noun ("claims", "calls", "attacks"),
/// not "says" or a past tense.
pub(crate) fn cue_noun(doc: &Doc, idx: usize) -> bool {
    doc.lex(idx).is_cue() && doc.tok(idx).ends_with('s') && !doc.tok_in(idx, &["says", "tells", "adds", "notes"])
}

/// Whether token `idx` opens its sentence or its paragraph.
fn opens_sentence(doc: &Doc, idx: usize) -> bool {
    let at = doc.tokens()[idx].start();
    doc.sentence_start(at) == at || doc.paragraph_start(at) == at
}

/// Whether the word at token `idx` ends in "s" and a cue in its plural present form follows it
/// ("Meteorologists predict", not "Reuters predicts" or "Jones said").
fn plural_subject(doc: &Doc, idx: usize) -> bool {
    let cue = idx + 1;
    let word = doc.tok(idx);
    word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && word.chars().skip(1).all(char::is_lowercase)
        // ("Democrats say", "Iranians say": a party's or a people's members are named so.)
        && !crate::lang::NAME_WORDS.classes(&word[..word.len() - 1]).is_demonym()
        && !crate::lang::NAME_WORDS.classes(word).is_demonym()
        && doc.lex(cue).is_cue()
        // (the cue's base form: "predict", not "predicts", "predicted" or "spoke")
        && cue_lemma(doc, (cue, cue)).is_some_and(|lemma| lemma == doc.tok(cue))
}

/// Whether token `idx` is a capitalized word only because it opens its sentence: a lower-case
/// word follows it, and the article writes it in lower case elsewhere ("Early results of the poll
/// are showing …" in an article that says "early" elsewhere). Asked of a one-word name run that
/// would be a speaker, so the scan of the article is rare.
fn is_capitalized_common_word(doc: &Doc, idx: usize) -> bool {
    if !opens_sentence(doc, idx) || !doc.is_word(idx + 1) || doc.is_capitalized(idx + 1) || doc.lex(idx + 1).is_cue() {
        return false;
    }
    let word = doc.tok(idx);
    if !word.chars().skip(1).all(char::is_lowercase) {
        return false;
    }
    // German capitalizes every noun and writes "Er" for "er" at a sentence's start: the test holds
    // for English text only (`Doc::writes_in_lower_case`).
    doc.writes_in_lower_case_near(idx, &word.to_lowercase())
}

/// Whether token `idx` is an adverb in "-ly" set off by a comma ("Recently,", "Conversely,",
/// "Unfortunately,"): no name, unless a given name ("Kelly, a spokeswoman, said").
fn opening_adverb(doc: &Doc, idx: usize) -> bool {
    // (the lexicon's adverbs, which know the nouns and names in "-ly": "Italy, the end point, …")
    let word = doc.tok(idx);
    doc.tok_is(idx + 1, ",")
        && word.chars().skip(1).all(char::is_lowercase)
        && LEXICON.entry(&lower(doc, idx)).is_adverb()
        && !crate::lang::NAME_WORDS.is_given_name(word)
}

/// The campaign that the noun phrase `first..=last` names ("Donald Trump's campaign", "the
/// Trump team", "Clinton's presidential campaign"), as "Trump campaign": a person's name, then
/// (past "'s" and up to two words) "campaign", "team" or "camp" as its last word. A team or a
/// camp is the campaign where the article names one so.
fn campaign_in(doc: &Doc, names: &NameIndex, first: usize, last: usize) -> Option<String> {
    if !doc.tok_in(last, &["campaign", "team", "camp"]) {
        return None;
    }
    let mut end = last;
    for _ in 0..3 {
        end = end.checked_sub(1).filter(|&e| e >= first)?;
        if let Some(run) = names.run_at(end).filter(|r| r.last == end && r.first >= first) {
            let family = doc.tok(run.last);
            if !names.has_person(family) {
                return None;
            }
            let campaign = format!("{family} campaign");
            // (named so: the family name, "'s" or not, then "campaign")
            let named_so = doc.tok_is(last, "campaign")
                || names.runs.iter().any(|r| {
                    let after = if doc.is_possessive_s(r.last + 2) { r.last + 3 } else { r.last + 1 };
                    doc.tok(r.last) == family && doc.tok_is(after, "campaign")
                });
            return Some(if named_so { campaign } else { format!("{family} {}", doc.tok(last).to_lowercase()) });
        }
        if end > first && doc.is_possessive_s(end) {
            end -= 1;
            continue;
        }
        // (not "the Trump administration and campaign", one of two)
        let joins = doc.tok_in(end, &["and", "or"]) || doc.lex(end).is_preposition();
        if !doc.is_word(end) || doc.is_capitalized(end) || doc.lex(end).is_determiner() || joins {
            return None;
        }
    }
    None
}

/// Whether the "who" at token `who` ends an apposition to a name ("John Bentel, a tech staffer
/// at the State Department who told …"): back over its words to ", a", a capitalized word
/// before the comma.
fn apposed_who(doc: &Doc, who: usize) -> bool {
    let Some(last) = who.checked_sub(1) else { return false };
    let comma = (last.saturating_sub(12)..=last).rev().find(|&i| !doc.is_word(i) || doc.lex(i).is_cue());
    comma.is_some_and(|c| doc.tok(c) == "," && c > 0 && doc.is_capitalized(c - 1) && doc.lex(c + 1).is_determiner())
}

/// The person a "who" right after its noun phrase stands for: the name it ends ("the Rev. Al
/// Sharpton who said"), or the person an apposition describes ("John Bentel, a tech staffer at
/// the State Department who told" is Bentel, not the department); none for a noun phrase that
/// names no one ("listeners to his program who said").
fn who_without_comma(doc: &Doc, names: &NameIndex, who: usize) -> Option<String> {
    let last = who.checked_sub(1)?;
    // (An organisation after a preposition is no antecedent: "a staffer at the State Department
    // who" is the staffer; but "according to CNN who reported" is CNN, and "drafted by Alex
    // Greenwich who said" Greenwich.)
    let object = |r: &names::NameRun| {
        let before = r.first.saturating_sub(1 + usize::from(r.first > 0 && doc.tok_is(r.first - 1, "the")));
        r.first > 0 && doc.lex(before).is_preposition() && !(before > 0 && doc.tok_is(before - 1, "according"))
    };
    if let Some(run) = names.run_at(last).filter(|r| r.last == last && (r.kind == EntityKind::Person || !object(r))) {
        // ("according to CNN who reported": an organisation too; "Bermuda who" is no one.)
        if run.kind == EntityKind::Person {
            return names.person_of(doc, run).0;
        }
        return (!is_time_or_place(doc, run)).then(|| names.name_text(doc, run));
    }
    // Back over the noun phrase (and its "at the State Department") to the comma that opens an
    // apposition, the person's name before it.
    let comma = (last.saturating_sub(12)..last).rev().find(|&i| !doc.is_word(i) || doc.lex(i).is_cue())?;
    if doc.tok(comma) != "," || comma == 0 || !doc.lex(comma + 1).is_determiner() {
        return None;
    }
    let run = names.run_at(comma - 1).filter(|r| r.last + 1 == comma && r.kind == EntityKind::Person)?;
    names.person_of(doc, run).0
}

/// The person named between commas right after a description that ends at token `last`, past
/// its phrase of "of"/"at"/"for", before the cue ("The minister of the economy, Mr. Guajardo
/// Villarreal, argues", "His former business partner at Lenox, Lawrence B. Cummings, called").
fn apposed_name<'n>(doc: &Doc, names: &'n NameIndex, last: usize) -> Option<&'n names::NameRun> {
    let mut comma = last + 1;
    if doc.tok_in(comma, &["of", "at", "for"]) {
        comma = (comma + 1..doc.tokens().len().min(comma + 7)).find(|&i| !doc.is_word(i))?;
    }
    if !doc.tok_is(comma, ",") {
        return None;
    }
    // ("Mr." may stand apart from the name it titles, and "Dr" without its full stop.)
    let abbreviation = doc.tok_in(comma + 1, TITLE_ABBREVIATIONS);
    let honorific = abbreviation && (doc.tok_is(comma + 2, ".") || doc.is_capitalized(comma + 2));
    let first = comma
        + 1
        + if !honorific {
            0
        } else if doc.tok_is(comma + 2, ".") {
            2
        } else {
            1
        };
    let run = names.run_at(first).filter(|r| {
        (r.first == first || r.first == comma + 1)
            && (r.kind == EntityKind::Person || honorific && r.kind == EntityKind::Unknown)
    })?;
    doc.tok_is(run.last + 1, ",").then_some(run)
}

/// Whether `run` is one word of no known kind that opens its sentence ("Findings also
/// suggested …", "Microscopy analysis of …"): a capitalized common word as often as a name.
fn opening_word(doc: &Doc, run: &names::NameRun) -> bool {
    let at = doc.tokens()[run.first].start();
    run.first == run.last && run.kind == EntityKind::Unknown && doc.sentence_start(at) == at
}

/// The source after "according to": the mention, or the author of the document it names
/// ("according to a statement released by Erdogan's office" → "Erdogan's office").
pub(crate) fn according_to_source(doc: &Doc, idx: usize, limit: usize) -> Option<Mention> {
    let Some(mention) = mention_right(doc, idx, limit) else {
        // "according to the “Medicare for all” document", "according to a yearly Gallup poll": a
        // phrase that opens with a determiner or a quote mark, to the end of its clause, a dozen
        // words at most.
        // ("the WHO's situation report dated March 16": a participle after its noun ends it.)
        let participle = |i: usize| {
            i > idx + 1
                && doc.tok(i).ends_with("ed")
                && doc.is_word(i - 1)
                && !doc.is_capitalized(i - 1)
                && !doc.lex(i - 1).is_pronoun()
        };
        let last = (idx..limit.min(idx + 12))
            .take_while(|&i| {
                !matches!(doc.tok(i), "," | "." | ";" | ":" | "?" | "!" | "(" | ")" | "—" | "–") && !participle(i)
            })
            .filter(|&i| doc.is_word(i) || matches!(doc.tok(i), "”" | "\""))
            .last()?;
        let opens_phrase = doc.lex(idx).is_determiner() || doc.tok(idx).starts_with(['"', '“']);
        return (opens_phrase && last > idx).then_some(Mention { first: idx, last, kind: MentionKind::Nominal });
    };
    // "According to Syrian state media": a people's or a country's media, named by its words.
    let media_of_country = mention.first == mention.last
        && mention.last + 2 < limit
        && doc.tok_is(mention.last + 1, "state")
        && doc.tok_in(mention.last + 2, STATE_MEDIA)
        && doc.is_capitalized(mention.first)
        && {
            let classes = crate::lang::NAME_WORDS.classes(doc.tok(mention.first));
            classes.is_demonym() || classes.is_place()
        };
    if media_of_country {
        return Some(Mention { last: mention.last + 2, kind: MentionKind::Nominal, ..mention });
    }
    // "according to Philippine officials", "Iraqi police", "Russian news agency TASS": a people's
    // adjective before lower-case words opens a noun phrase, and names no one; its head is the
    // source, or the name it is set before.
    let adjective = mention.first == mention.last
        && mention.kind == MentionKind::Name
        && is_adjective_of_people(doc.tok(mention.first))
        && mention.last + 1 < limit
        && doc.is_word(mention.last + 1)
        && !doc.is_capitalized(mention.last + 1);
    if adjective {
        let mut next = mention.last + 1;
        while next < limit.min(mention.last + 5) && doc.is_word(next) && !doc.is_capitalized(next) {
            let entry = doc.lex(next);
            if entry.is_cue() || entry.is_preposition() || entry.is_determiner() || entry.is_pronoun() {
                break;
            }
            next += 1;
        }
        if next > mention.last + 1 {
            if next < limit && doc.is_capitalized(next) && !doc.lex(next).is_not_name() {
                return mention_right(doc, next, limit);
            }
            let last = next - 1;
            let kind = phrase_kind(doc, last);
            return Some(Mention { first: mention.first, last, kind });
        }
    }
    let names_document = (mention.first..=mention.last).any(|i| doc.lex(i).is_document());
    if mention.kind == MentionKind::Nominal && names_document {
        let by = (mention.last + 1..limit.min(mention.last + 4)).find(|&i| matches!(doc.tok(i), "by" | "from"));
        if let Some(author) = by.and_then(|by| mention_right(doc, by + 1, limit)) {
            return Some(author);
        }
    }
    Some(mention)
}

/// A speaker mention ending at token `idx`, not before `floor`, and a title given in apposition.
pub(crate) fn mention_left(doc: &Doc, idx: usize, floor: usize) -> Option<(Mention, Option<String>)> {
    if idx < floor || idx >= doc.tokens().len() {
        return None;
    }
    // (",''" and ",”": an apposition that ends in a title in quote marks, its comma inside
    // them: "Akhil Amar, … author of ''America's Unwritten Constitution,'' put it")
    let tok = doc.tok(idx);
    let quote_mark = |c: char| matches!(c, '\'' | '"' | '’' | '”' | '‘' | '“');
    // (a title's: opening marks after "of" within ten tokens; a quote's closing comma stays the
    // quote's, "“…,” said X")
    let title_opens = |open: usize| open > 0 && doc.tok_in(open - 1, &["of", "titled", "entitled"]);
    let comma_in_quotes = tok.len() > 1
        && tok.starts_with(',')
        && tok[1..].chars().all(quote_mark)
        && (idx.saturating_sub(10).max(floor)..idx).any(|i| doc.tok(i).chars().all(quote_mark) && title_opens(i));
    if tok == "," || comma_in_quotes || tok == ")," {
        return apposition_left(doc, idx, floor);
    }
    if doc.tok(idx).ends_with(')') {
        // "Sen. Marco Rubio (R-Fla.) said": the parenthesis after a name.
        let open = (floor..idx).rev().take(12).find(|&i| doc.tok(i).contains('('))?;
        let named = (open > floor).then(|| mention_left(doc, open - 1, floor)).flatten();
        // "Institute of Epidemiology, Disease Control and Research (IEDCR) reported": the name
        // its acronym spells, across the commas and "and" the name holds.
        return named.map(|(name, title)| {
            let spelt = (name.kind == MentionKind::Name && open + 2 == idx)
                .then(|| spelt_by_acronym(doc, doc.tok(open + 1), name.last, floor))
                .flatten()
                .filter(|&first| first < name.first);
            (Mention { first: spelt.unwrap_or(name.first), ..name }, title)
        });
    }
    // "26% say they are conservative": a share of those asked.
    if doc.tok(idx) == "%" && idx > floor && doc.tok(idx - 1).bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Some((Mention { first: idx - 1, last: idx, kind: MentionKind::Nominal }, None));
    }
    if !doc.is_word(idx) {
        return None;
    }
    // "Half said", "Nearly half say", "About a third said": a share of those asked, no name.
    if doc.tok_in(idx, &["half", "third", "quarter", "majority", "minority"]) {
        let mut first = idx;
        if first > floor && doc.tok_in(first - 1, &["a", "the"]) {
            first -= 1;
        }
        if first > floor && doc.tok_in(first - 1, &["nearly", "almost", "about", "roughly", "over", "just"]) {
            first -= 1;
        }
        let opens = first == floor || !doc.is_word(first - 1) || doc.lex(first - 1).is_subordinator();
        if opens {
            return Some((Mention { first, last: idx, kind: MentionKind::Nominal }, None));
        }
    }
    // "News 12 reported": a broadcaster's name ends in its number.
    if idx > floor && names::is_channel_number(doc, idx) {
        if let Some((name, title)) = mention_left(doc, idx - 1, floor).filter(|(m, _)| m.kind == MentionKind::Name) {
            return Some((Mention { last: idx, ..name }, title));
        }
    }
    let word = doc.tok(idx);
    // "The embassy declined the request and said": a conjunction ends no mention.
    if doc.tok_in(idx, &["and", "or", "but"]) {
        return None;
    }
    // "the Saudi government, which has denied …", "the Chicago Police Department which reported
    // …": "which" after a name stands for it.
    if word == "which" && idx > 1 {
        let before = if doc.tok(idx - 1) == "," { idx - 2 } else { idx - 1 };
        if doc.is_capitalized(before) || (doc.tok(idx - 1) == "," && LEXICON.entry(&lower(doc, before)).is_org_word()) {
            return Some((Mention { first: idx, last: idx, kind: MentionKind::Pronoun }, None));
        }
    }
    if doc.lex(idx).is_preposition() || (doc.lex(idx).is_not_name() && !doc.lex(idx).is_pronoun()) {
        return None;
    }
    // "Trump, who has said …", "a staffer at the State Department who told …": the relative
    // pronoun is the mention nearest the cue.
    let relative =
        word == "who" && idx > 0 && (doc.tok(idx - 1) == "," || doc.is_capitalized(idx - 1) || apposed_who(doc, idx));
    if doc.lex(idx).is_pronoun() && (word != "who" || relative) {
        return Some((Mention { first: idx, last: idx, kind: MentionKind::Pronoun }, None));
    }
    if doc.is_capitalized(idx) {
        let mut first = idx;
        while first > floor {
            let prev = first - 1;
            // "Mr. Manafort": an abbreviated title joins the name although alone it is none.
            let title_dot = TITLE_ABBREVIATIONS.contains(&doc.tok(prev)) && doc.tok_is(prev + 1, ".");
            // ("Late on Sunday Erdogan said": a day is no part of the name.)
            // ("Wayne A. I. Frederick": a capital and a full stop is an initial, "A" and "I" too.)
            let initial = prev > floor && doc.tok_is(prev + 1, ".") && names::is_initial(doc, prev);
            let joins = (doc.is_capitalized(prev) || initial)
                && (!doc.lex(prev).is_not_name() || title_dot || initial)
                && !doc.lex(prev).is_preposition()
                && !doc.lex(prev).is_time_word();
            let initial_dot = prev > floor && joins_name(doc, prev);
            // ("Channel 4 News": a broadcaster's number.)
            let number = prev > floor && names::is_channel_number(doc, prev);
            let connector = doc.is_word(prev)
                // ("on" or "for" after an organisation's word: "the Commission on Presidential
                // Debates", "the Centers for Disease Control")
                && (matches!(doc.tok(prev), "of" | "de" | "al" | "bin" | "van" | "von")
                    || matches!(doc.tok(prev), "on" | "for" | "and") && names::is_connector(doc, prev))
                && prev > floor
                && doc.is_capitalized(prev - 1);
            // ("Nabil Hasan al-Quaety": a particle joined by a hyphen to the name after it.)
            let hyphened = doc.tok(prev) == "-"
                && prev >= floor + 2
                && doc.tok_in(prev - 1, &["al", "el", "bin", "ibn", "abu"])
                && doc.touches_next(prev - 1)
                && doc.touches_next(prev)
                && doc.is_capitalized(prev - 2);
            // ("John Smith of the Mayo Clinic", "the Ministry of the Interior": "of the" between
            // a name and where it is of.)
            let of_the = doc.tok_is(prev, "the")
                && prev >= floor + 2
                && doc.tok_is(prev - 1, "of")
                && doc.is_capitalized(prev - 2)
                && !doc.lex(prev - 2).is_not_name();
            // ("PG&E", "AT&T", "Johnson & Johnson": an ampersand between capitals is inside the name.)
            let ampersand = doc.tok(prev) == "&" && prev > floor && doc.is_capitalized(prev - 1);
            // ("AT&T": written together, the letters before it join whatever word they spell.)
            let glued = ampersand && doc.touches_next(prev - 1) && doc.touches_next(prev);
            if hyphened || glued {
                first = prev - 1;
            } else if of_the {
                first = prev - 2;
            } else if joins || initial_dot || connector || number || ampersand {
                first = prev;
            } else {
                break;
            }
        }
        // "One MP said": an acronym after a number or an article, right before the cue, is a
        // kind of person, no one's name.
        if first == idx
            && idx > floor
            && names::is_acronym(doc.tok(idx))
            && doc.tok_in(idx - 1, &["one", "a", "an", "another", "each", "every", "two", "three", "several"])
        {
            return Some((Mention { first: idx - 1, last: idx, kind: MentionKind::Nominal }, None));
        }
        // "Reports said …": a cue's plural noun opening its sentence is so many reports, no name.
        let plural_cue = doc.tok(idx).ends_with('s') && {
            let word = lower(doc, idx);
            doc.lex(idx).is_cue_any_case() || LEXICON.entry(&word[..word.len() - 1]).is_document()
        };
        // "Others dismissed …", "Many said …": so many people, no one's name.
        if first == idx && (doc.lex(idx).is_quantifier() || plural_cue) && opens_sentence(doc, idx) {
            return Some((Mention { first, last: idx, kind: MentionKind::Group }, None));
        }
        if first == idx && (doc.lex(first).is_not_name() || is_capitalized_common_word(doc, first)) {
            return None;
        }
        // "Meteorologists predict …": a plural noun opening its sentence, as the plural form of
        // the cue after it tells (a name takes "predicts"), is a group, not a name.
        if first == idx && opens_sentence(doc, idx) && plural_subject(doc, idx) {
            return Some((Mention { first, last: idx, kind: MentionKind::Group }, None));
        }
        if doc.lex(idx).is_time_word() {
            return None;
        }
        // "32% of Republican claims", "Democratic calls for …": an adjective of a party or a
        // people before a cue word makes that word a noun.
        if first == idx
            && idx + 1 < doc.tokens().len()
            && cue_noun(doc, idx + 1)
            && is_adjective_of_people(doc.tok(idx))
        {
            return None;
        }
        if first == idx && doc.lex(idx).is_group() {
            return Some((Mention { first, last: idx, kind: MentionKind::Group }, None));
        }
        if first > floor && doc.tok_is(first - 1, "the") {
            first -= 1;
        }
        // "The mayor of London said", "the head of the WHO said": a role of a place or a body
        // speaks, not the place; the whole description is the mention.
        if first >= floor + 2 && doc.tok_is(first - 1, "of") && !doc.is_capitalized(first - 2) {
            let role = first - 2;
            let is_role = doc.lex(role).is_title() || names::is_person_role(&lower(doc, role));
            if let Some((head, _)) = is_role.then(|| mention_left(doc, role, floor)).flatten() {
                // (opened by a determiner: after a name's comma, "Matthew Prince, chief executive
                // of CloudFlare, said" is the name's apposition)
                if head.kind == MentionKind::Nominal && head.last == role && doc.lex(head.first).is_determiner() {
                    return Some((Mention { first: head.first, last: idx, kind: MentionKind::Nominal }, None));
                }
            }
        }
        return Some((Mention { first, last: idx, kind: MentionKind::Name }, None));
    }
    // A nominal: lower-case words back to a determiner ("the outlet", "the company's spokesperson",
    // "That person said", "these officials").
    let opens_nominal = |i: usize| {
        doc.lex(i).is_determiner()
            || doc.lex(i).is_quantifier()
            || doc.tok_in(i, &["this", "these", "those"])
            || (doc.tok(i) == "That" && (i == floor || !doc.is_word(i - 1)))
    };
    // "… and several said", "many say": a quantifier alone is so many people, after a
    // conjunction, a comma or a sentence's start.
    if doc.lex(idx).is_quantifier() && !doc.tok_in(idx, &["two", "three", "other"]) {
        let opens = idx == floor || !doc.is_word(idx - 1) || doc.tok_in(idx - 1, &["and", "but", "while"]);
        if opens {
            return Some((Mention { first: idx, last: idx, kind: MentionKind::Group }, None));
        }
    }
    let mut first = idx;
    let mut steps = 0;
    // (Up to four words, an abbreviation's full stops aside: "The U.S. ambassador said".)
    while first > floor && steps < 4 {
        if opens_nominal(first) {
            return (first < idx).then_some((Mention { first, last: idx, kind: MentionKind::Nominal }, None));
        }
        let prev = first - 1;
        let word = doc.tok(prev);
        // "Donald Trump’s campaign manager": a name in the possessive opens the nominal.
        if word == "s" && prev >= floor + 2 && matches!(doc.tok(prev - 1), "’" | "'") && doc.is_capitalized(prev - 2)
        {
            let mut name = prev - 2;
            while name > floor && doc.is_capitalized(name - 1) && !doc.lex(name - 1).is_not_name() {
                name -= 1;
            }
            return Some((Mention { first: name, last: idx, kind: MentionKind::Nominal }, None));
        }
        let ok = doc.is_word(prev)
            && !doc.lex(prev).is_cue()
            && !doc.lex(prev).is_listed_adverb()
            && !doc.lex(prev).is_preposition()
            && (!doc.lex(prev).is_not_name() || opens_nominal(prev))
            || matches!(word, "’" | "'" | "-");
        let dot = word == "." && abbreviation_dot(doc, prev);
        if !ok && !dot {
            break;
        }
        first = prev;
        steps += usize::from(!dot);
    }
    if opens_nominal(first) && first < idx {
        return Some((Mention { first, last: idx, kind: MentionKind::Nominal }, None));
    }
    // A bare noun phrase that opens its clause ("Clinton aides said", "Abortion rights advocates
    // said", "Now, 52 percent said"): the whole phrase, back to the clause's start.
    // "…, and aides say": a conjunction after a comma opens a clause too.
    let conjunction =
        |i: usize| doc.tok_in(i, &["and", "but", "so"]) && (i == floor || (i > floor && doc.tok(i - 1) == ","));
    let opens_clause =
        first == floor || matches!(doc.tok(first - 1), "," | ":" | ";" | "(" | "—" | "–") || conjunction(first - 1);
    // "…, records show.": a bare plural noun alone right before its cue.
    let plural_alone = first == idx
        && doc.tok(idx).len() > 3
        && doc.tok(idx).ends_with('s')
        && idx + 1 < doc.tokens().len()
        && doc.lex(idx + 1).is_cue();
    if opens_clause && (first < idx || plural_alone) && !doc.lex(first).is_not_name() {
        let kind = phrase_kind(doc, idx);
        return Some((Mention { first, last: idx, kind }, None));
    }
    // A quantity or a phrase with "of" or "in" that opens its clause ("more than 4 in 10 said",
    // "Several supporters of reform said", "75 percent of Democrats said"): back to the clause's
    // start, within eight tokens.
    let mut start = idx;
    while start > floor && idx - start < 8 {
        let prev = start - 1;
        let word = doc.tok(prev);
        let part = (doc.is_word(prev) && !doc.lex(prev).is_cue() && !doc.lex(prev).is_listed_adverb())
            || matches!(word, "’" | "'" | "-" | "%");
        if !part || doc.lex(prev).is_pronoun() || doc.tok_in(prev, &["that", "who", "which"]) {
            break;
        }
        start = prev;
    }
    if start < idx && doc.tok_in(start, &["and", "but", "so"]) {
        start += 1;
    }
    let at_clause_start = start == floor
        || matches!(doc.tok(start - 1), "," | ":" | ";" | "(" | "—" | "–")
        || (start - 1 == floor && doc.tok_in(start - 1, &["and", "but", "so"]));
    let has_of_or_in = (start..idx).any(|i| matches!(doc.tok(i), "of" | "in"));
    let quantity = (start..idx).any(|i| doc.tok(i).bytes().all(|b| b.is_ascii_digit()) || doc.lex(i).is_quantifier());
    if at_clause_start && start < idx && (has_of_or_in || quantity) && !doc.lex(start).is_preposition() {
        let kind = phrase_kind(doc, idx);
        return Some((Mention { first: start, last: idx, kind }, None));
    }
    if doc.lex(idx).is_group() {
        let mut first = idx;
        while first > floor && doc.is_capitalized(first - 1) {
            first -= 1;
        }
        return Some((Mention { first, last: idx, kind: MentionKind::Group }, None));
    }
    None
}

/// "NAME, TITLE, said" or "TITLE, NAME, said": the mention and the title in apposition.
fn apposition_left(doc: &Doc, comma: usize, floor: usize) -> Option<(Mention, Option<String>)> {
    let mut open = comma;
    while open > floor && comma - open < 30 {
        open -= 1;
        if doc.tok(open) == "," {
            break;
        }
        if doc.is_punct(open, ".") || doc.is_punct(open, ";") || doc.is_punct(open, "“") || doc.is_punct(open, "\"") {
            return None;
        }
    }
    if open == comma || doc.tok(open) != "," || open + 1 >= comma {
        return None;
    }
    let inside_first = open + 1;
    let inside_last = comma - 1;
    // "Clinton, during a town hall meeting in Columbus, Ohio, said": "Columbus, Ohio" is one
    // place inside a longer apposition, which opens at an earlier comma.
    // ("the former mayor of South Bend, Indiana,": the place before the comma may be of several
    // words.)
    let mut before_place = open.saturating_sub(1);
    while before_place > floor && doc.is_capitalized(before_place) {
        before_place -= 1;
    }
    let place_continues = inside_first == inside_last
        && doc.is_capitalized(inside_first)
        && open >= 2
        && before_place + 1 < open
        && doc.is_word(before_place)
        && LEXICON.entry(&lower(doc, before_place)).is_preposition();
    if place_continues {
        return apposition_left(doc, open, floor).filter(|(m, _)| m.last + 1 < open - 1);
    }
    // "On Wednesday, …", "at Purchase, …": a name after a preposition is no subject.
    let before = mention_left(doc, open - 1, floor).filter(|(m, _)| {
        let after_preposition =
            m.first > 0 && doc.is_word(m.first - 1) && LEXICON.entry(&lower(doc, m.first - 1)).is_preposition();
        m.kind != MentionKind::Pronoun && !after_preposition
    });
    let inside_is_name = doc.is_capitalized(inside_first)
        && !doc.lex(inside_first).is_not_name()
        && (inside_first..=inside_last).all(|i| doc.is_capitalized(i) || doc.tok(i) == ".");
    if inside_is_name {
        let title = before.map(|(m, _)| text_of(doc, m.first, m.last));
        return Some((Mention { first: inside_first, last: inside_last, kind: MentionKind::Name }, title));
    }
    // "One of the study's authors, herpetologist David Blackburn, told": role words, then the
    // name, set off after a description: the name speaks, its role words its title.
    let name_at = (inside_first..=inside_last).find(|&i| doc.is_capitalized(i));
    if let Some(k) = name_at.filter(|&k| k > inside_first) {
        // (a role the lists know, or a noun of one before a full name: "herpetologist")
        let full_name = inside_last > k;
        let role = |i: usize| {
            let entry = doc.lex(i);
            let noun = !(entry.is_preposition()
                || entry.is_determiner()
                || entry.is_pronoun()
                || entry.is_cue()
                || entry.is_not_name()
                || crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i))
                || doc.tok(i).ends_with("ed")
                || doc.tok(i).ends_with("ing"));
            doc.is_word(i)
                && !doc.is_capitalized(i)
                && (names::is_person_role(&lower(doc, i)) || entry.is_title() || (full_name && noun))
        };
        let name = !doc.lex(k).is_not_name() && (k..=inside_last).all(|i| doc.is_capitalized(i) || doc.tok(i) == ".");
        if name && (inside_first..k).all(role) && before.as_ref().is_none_or(|(m, _)| m.kind != MentionKind::Name) {
            return Some((
                Mention { first: k, last: inside_last, kind: MentionKind::Name },
                Some(text_of(doc, inside_first, k - 1)),
            ));
        }
    }
    // "One of these groups, the Syrian Democratic Forces (SDF), opposed …": a description, then
    // the name it is (with "the", and its acronym in brackets): the name speaks. (Not after a
    // name: "Smith, the President, said" is Smith's.)
    let described = before.as_ref().is_none_or(|(m, _)| m.kind != MentionKind::Name);
    let mut name_last = inside_last;
    // (the acronym's ")" is the closing comma's token where they are written together: "(SDF),")
    if doc.tok(name_last).ends_with(')') && name_last >= inside_first + 3 && doc.tok(name_last - 2).ends_with('(') {
        name_last -= 3;
    } else if name_last >= inside_first + 2 && doc.tok(name_last - 1).ends_with('(') {
        name_last -= 2;
    }
    let the_name = doc.tok_is(inside_first, "the")
        && inside_first < name_last
        && !doc.lex(inside_first + 1).is_not_name()
        && (inside_first + 1..=name_last).all(|i| doc.is_capitalized(i) || doc.tok_in(i, &["of", "for", "and"]));
    if described && the_name && doc.is_capitalized(name_last) {
        let title = before.map(|(m, _)| text_of(doc, m.first, m.last));
        return Some((Mention { first: inside_first, last: name_last, kind: MentionKind::Name }, title));
    }
    let (mention, _) = before?;
    Some((mention, Some(text_of(doc, inside_first, inside_last))))
}

/// Skips adverbs, auxiliaries and time words leftwards from `idx` ("Lavrov also has said",
/// "Priebus later Thursday told", "Trump on Wednesday said").
fn skip_adverbs_left(doc: &Doc, mut idx: usize, floor: usize) -> Option<usize> {
    loop {
        if idx < floor || !doc.is_word(idx) {
            break;
        }
        let adverb = doc.lex(idx).is_adverb() && !doc.is_capitalized(idx);
        let time = doc.lex(idx).is_time_word() && idx > floor && {
            let prev = lower(doc, idx - 1);
            doc.is_word(idx - 1)
                && (prev == "on"
                    || prev == "last"
                    || prev == "this"
                    || LEXICON.entry(&prev).is_adverb()
                    || doc.is_capitalized(idx - 1))
        };
        if let Some(start) = (!(adverb || time)).then(|| time_phrase_left(doc, idx, floor)).flatten() {
            idx = start.checked_sub(1)?;
            continue;
        }
        if !(adverb || time) {
            break;
        }
        if idx == 0 {
            return None;
        }
        idx -= 1;
        if time && doc.tok_in(idx, &["on", "last", "this"]) {
            idx = idx.checked_sub(1)?;
        }
    }
    (idx >= floor).then_some(idx)
}

/// The first token of a time phrase that ends at token `idx`, between a subject and its cue
/// ("during the weekend", "over the weekend", "earlier this week", "last month"), not before
/// `floor`.
fn time_phrase_left(doc: &Doc, idx: usize, floor: usize) -> Option<usize> {
    const PERIODS: &[&str] = &["weekend", "week", "morning", "afternoon", "evening", "night", "month", "year"];
    if idx < floor + 2 || !doc.tok_in(idx, PERIODS) {
        return None;
    }
    let before = idx - 1;
    if doc.tok_is(before, "the") {
        return doc.tok_in(before - 1, &["over", "during", "on", "in", "at"]).then_some(before - 1);
    }
    if doc.tok_in(before, &["this", "last"]) {
        let earlier = doc.tok_in(before - 1, &["earlier", "later"]);
        return Some(if earlier { before - 1 } else { before });
    }
    None
}

pub(crate) fn skip_adverbs_right(doc: &Doc, mut idx: usize, limit: usize) -> usize {
    while idx < limit && doc.is_word(idx) && doc.lex(idx).is_adverb() {
        idx += 1;
    }
    idx
}

/// The subject of the cue at token `cue` (left of it) or, inverted, right after it.
pub(crate) fn cue_subject(
    doc: &Doc,
    cue: (usize, usize),
    floor: usize,
    limit: usize,
) -> Option<(Mention, Option<String>)> {
    if doc.tok(cue.0).eq_ignore_ascii_case("according") {
        return according_to_source(doc, cue.1 + 1, limit).map(|m| (m, None));
    }
    // "Donald Trump's claim that …", "his claim that …": the claim's owner.
    if cue.0 == cue.1 && doc.tok_is(cue.1 + 1, "that") && doc.tok_in(cue.0, CLAIM_NOUNS) {
        if let Some(owner) = claim_owner_of(doc, cue.0, floor) {
            return Some((owner, None));
        }
    }
    if cue.0 > floor {
        if let Some(mut left) = skip_adverbs_left(doc, cue.0 - 1, floor) {
            // "Hawkins, Blankenship, and Carroll all argued": "all" or "both" after the subjects.
            if left > floor && doc.tok_in(left, &["all", "both"]) && doc.is_capitalized(left - 1) {
                left -= 1;
            }
            // "which has strongly denied": a perfect's auxiliary, past its adverbs.
            if left > floor && doc.tok_in(left, &["has", "have", "had"]) {
                left = skip_adverbs_left(doc, left - 1, floor).unwrap_or(left);
            }
            // "McConnell, …, who in 2010 said": a year before the cue.
            let year = doc.tok(left).len() == 4 && doc.tok(left).bytes().all(|b| b.is_ascii_digit());
            if left > floor + 2 && year && doc.tok_is(left - 1, "in") && doc.tok_in(left - 2, &["who", "which"]) {
                left -= 2;
            }
            // "Cruz, who pointedly refused to endorse Trump": the subject of the verb the cue's
            // infinitive completes.
            if left > floor + 1 && doc.tok_is(left, "to") && doc.is_word(left - 1) && !doc.is_capitalized(left - 1) {
                let verb = doc.tok(left - 1);
                if verb.ends_with("ed") || verb.ends_with('s') {
                    left = skip_adverbs_left(doc, left - 2, floor).unwrap_or(left);
                }
            }
            if let Some(mut found) = mention_left(doc, left, floor) {
                // "The ruling Democratic Rally in Cyprus said": a name, then where it is, is the
                // name's (a place alone after "in" is no subject: "Officials in Cyprus" are the
                // officials).
                let m = found.0;
                let place = m.kind == MentionKind::Name
                    && (m.first..=m.last).all(|i| !doc.is_word(i) || crate::lang::NAME_WORDS.is_place(doc.tok(i)));
                if place && m.first >= floor + 2 && doc.tok_in(m.first - 1, &["in", "from"]) {
                    match mention_left(doc, m.first - 2, floor) {
                        // ("Officials from Iran": a group keeps where it is from in its words)
                        Some((owner, title)) if owner.kind == MentionKind::Group => {
                            found = (Mention { last: m.last, ..owner }, title);
                        }
                        Some(owner) if matches!(owner.0.kind, MentionKind::Name | MentionKind::Nominal) => {
                            found = owner
                        }
                        _ => {}
                    }
                }
                if let Some(named) = named_before_title(doc, found.0, floor) {
                    return Some(named);
                }
                if let Some(described) = described_by_participle(doc, found.0, floor) {
                    return Some((described, None));
                }
                if let Some(joint) = coordinated_names(doc, found.0, floor) {
                    return Some((joint, None));
                }
                return Some(published_in(doc, found.0, floor).map_or(found, |work| (work, None)));
            }
        }
    }
    None
}

/// "Gloria La Riva and Howie Hawkins said", "Hawkins, Blankenship, and Carroll all argued": names
/// joined by "and" (and commas) before a cue are its subject together, where they open their
/// clause ("Trump thanked Pence and Barr said" is Barr's).
fn coordinated_names(doc: &Doc, last_name: Mention, floor: usize) -> Option<Mention> {
    if last_name.kind != MentionKind::Name {
        return None;
    }
    let (mut first, mut parts) = (last_name.first, 1);
    loop {
        let mut gap = first;
        if gap > floor + 1 && doc.tok_is(gap - 1, "and") {
            gap -= 1;
            if gap > floor + 1 && doc.tok(gap - 1) == "," {
                gap -= 1;
            }
        } else if parts >= 2 && gap > floor + 1 && doc.tok(gap - 1) == "," {
            gap -= 1;
        } else {
            break;
        }
        match mention_left(doc, gap - 1, floor) {
            Some((before, _)) if before.kind == MentionKind::Name && before.last == gap - 1 => {
                (first, parts) = (before.first, parts + 1);
            }
            _ => break,
        }
    }
    // ("Scientists from Tsinghua University and the Chinese Academy of Sciences said": the
    // bodies whose people speak.)
    let people_from = first > floor + 1
        && doc.tok_in(first - 1, &["from", "at"])
        && doc.is_word(first - 2)
        && (doc.lex(first - 2).is_group() || doc.tok(first - 2).ends_with('s'));
    let opens_clause = first == floor
        || !doc.is_word(first - 1)
        || doc.tok_in(first - 1, &["that", "but", "while", "as", "when", "and"])
        || opens_sentence(doc, first)
        || people_from;
    (parts >= 2 && opens_clause).then_some(Mention { first, last: last_name.last, kind: MentionKind::Name })
}

/// The first token of the name ending at token `last` whose capitalized words' initials are
/// `acronym`, read back over "of", "for", "and", "the", "on", "to", commas and ampersands; None when
/// `acronym` is no acronym or they do not spell it.
fn spelt_by_acronym(doc: &Doc, acronym: &str, last: usize, floor: usize) -> Option<usize> {
    if !(2..=8).contains(&acronym.len()) || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut letters = acronym.bytes().rev().peekable();
    let mut idx = last;
    loop {
        let tok = doc.tok(idx);
        if doc.is_capitalized(idx) {
            if tok.as_bytes()[0] != letters.next()? {
                return None;
            }
            if letters.peek().is_none() {
                return Some(idx);
            }
        } else if !(matches!(tok, "," | "&") || doc.tok_in(idx, &["of", "for", "and", "the", "on", "to"])) {
            return None;
        }
        if idx <= floor {
            return None;
        }
        idx -= 1;
    }
}

/// Whether `mention` is a body's word alone that opens its sentence, capitalized by its place
/// only ("Police said", "Army officials" is not one word).
fn is_bare_body(doc: &Doc, mention: Mention) -> bool {
    let at = doc.tokens()[mention.first].start();
    mention.first == mention.last
        && doc.lex(mention.first).is_org_word()
        && doc.tok(mention.first).chars().skip(1).all(char::is_lowercase)
        && doc.sentence_start(at) == at
}

/// "Erwin Chemerinsky, Dean of UC Berkeley School of Law called …": a title with no name in it,
/// after a person's name and a comma, is that person's (the apposition's closing comma left
/// out); the subject is the person, the title their apposition.
fn named_before_title(doc: &Doc, title: Mention, floor: usize) -> Option<(Mention, Option<String>)> {
    if title.kind != MentionKind::Name || title.first < floor + 2 || doc.tok(title.first - 1) != "," {
        return None;
    }
    // (the listed titles and roles only: a family name in "-man" is no "chairman")
    let role = |i: usize| doc.lex(i).is_title() || crate::lang::NAME_WORDS.is_person_role(&doc.tok(i).to_lowercase());
    let titled = role(title.first)
        && (title.first == title.last
            || doc.tok_is(title.first + 1, "of")
            || (title.first..=title.last).all(|i| !doc.is_word(i) || role(i)));
    if !titled {
        return None;
    }
    let (person, _) = mention_left(doc, title.first - 2, floor)?;
    // (a name that opens its clause: "…, Dean of X" after a list's names is no apposition)
    let opens = person.first == floor || !doc.is_word(person.first - 1) || doc.lex(person.first - 1).is_cue();
    // (a name of two words or more, or a given name: "Reluctantly, Brafman said" has neither)
    let full = person.first < person.last || crate::lang::NAME_WORDS.is_given_name(doc.tok(person.first));
    (person.kind == MentionKind::Name && person.last == title.first - 2 && opens && full)
        .then(|| (person, Some(doc.text_of(title.first, title.last).to_string())))
}

/// "State legislators supporting the law argued": an object that a participle after a noun
/// takes is no subject; the noun the participle describes is, with all that describes it.
fn described_by_participle(doc: &Doc, object: Mention, floor: usize) -> Option<Mention> {
    if object.first < floor + 2 {
        return None;
    }
    // The phrase of the noun at `noun`, run on through the object: a description, no name.
    let through_object = |noun: usize| {
        let (subject, _) = mention_left(doc, noun, floor)?;
        let kind = if subject.kind == MentionKind::Name { MentionKind::Nominal } else { subject.kind };
        (subject.last == noun).then_some(Mention { first: subject.first, last: object.last, kind })
    };
    // (past a preposition: "Residents living near the plant said", "People familiar with the
    // matter said")
    let mut participle = object.first - 1;
    // (not "of", and not "by", whose name is the agent: "an analysis released by the Department
    // of Veterans Affairs")
    let preposition = (doc.lex(participle).is_preposition() && !doc.tok_in(participle, &["of", "by"]))
        || doc.tok_in(participle, &["near", "outside", "inside", "beside"]);
    if preposition {
        participle -= 1;
    }
    // ("Hospital officials in Omsk said", "Police in Texas said", "Supporters of the plan said":
    // a group's noun right before a place's or a thing's preposition is the subject.)
    // (Not "at" a body, nor "in" a poll: "experts at the Aspen Institute", "voters in a CBS News
    // poll" speak for those.)
    let group = object.first - 2;
    if doc.tok_in(object.first - 1, &["in", "from", "of"])
        && doc.lex(group).is_group()
        && !doc.lex(object.last).is_document()
    {
        return through_object(group);
    }
    let describes = {
        let word = doc.tok(participle);
        word.ends_with("ing")
            // (no cue: "Axelrod tweeted after Clinton")
            || (preposition && word.ends_with("ed") && !doc.lex(participle).is_cue())
            || (preposition && doc.tok_in(participle, &["familiar", "close", "knowledgeable", "loyal", "opposed"]))
    };
    if participle <= floor || !describes || doc.is_capitalized(participle) {
        return None;
    }
    // A cue of saying there has the subject as its clause ("a press conference claiming Joe
    // Biden knew"); one of a position takes a plain object ("supporting the law").
    let cue = (participle, participle);
    if doc.lex(participle).is_cue()
        && !cue_lemma(doc, cue).is_some_and(|l| crate::lang::en::ENGLISH.stance.contains(&l))
    {
        return None;
    }
    let noun = participle - 1;
    if !doc.is_word(noun) || doc.lex(noun).is_cue() || doc.lex(noun).is_preposition() || doc.lex(noun).is_pronoun() {
        return None;
    }
    through_object(noun)
}

/// "A study published in journal Astronomy & Astrophysics reported": a name that a document's
/// participle puts its work "in" is where it appeared, not who reports; the document is.
fn published_in(doc: &Doc, name: Mention, floor: usize) -> Option<Mention> {
    if name.kind != MentionKind::Name || name.first < floor + 3 {
        return None;
    }
    let mut before = name.first - 1;
    // (past the rest of a name joined by "&": "Astronomy & Astrophysics")
    while before > floor + 2 && doc.tok(before) == "&" && doc.is_capitalized(before - 1) {
        before -= 2;
    }
    // (past a word naming what the name is: "in journal Nature", "in the journal Science")
    while before > floor + 1 && doc.tok_in(before, &["the", "journal", "magazine", "newspaper"]) {
        before -= 1;
    }
    if !doc.tok_is(before, "in") {
        return None;
    }
    let participle = before - 1;
    if participle <= floor
        || !doc.tok_in(participle, &["published", "printed", "released", "posted", "appearing", "reported"])
    {
        return None;
    }
    let (work, _) = mention_left(doc, participle - 1, floor)?;
    (work.kind == MentionKind::Nominal && doc.lex(work.last).is_document()).then_some(work)
}

/// “…,” X said / “…,” said X.
fn after_pattern(doc: &Doc, quote: &Candidate, limit_at: usize) -> Option<Attribution> {
    let limit = doc.token_at_or_after(limit_at);
    let mut idx = doc.token_at_or_after(quote.marked.outer.end);
    while idx < limit && (doc.tok(idx) == "," || doc.tok(idx) == "—" || doc.tok(idx) == "–") {
        idx += 1;
    }
    if idx >= limit {
        return None;
    }
    let mut apposition = None;
    let (cue, speaker) = if let Some(cue) = cue_at(doc, idx) {
        // "“…,” said X": only a say-type cue takes its subject after it ("“good,” naming a
        // number of …" names no speaker).
        if !doc.lex(cue.0).is_invertible() || doc.tok(cue.0).ends_with("ing") {
            return None;
        }
        let speaker = mention_right(doc, skip_adverbs_right(doc, cue.1 + 1, limit), limit)?;
        (cue, speaker)
    } else if let Some(found) = determiner_phrase_before_cue(doc, idx, limit) {
        found
    } else {
        let speaker = mention_right(doc, idx, limit)?;
        let mut at = speaker.last + 1;
        // "Ki Hong, 33, said", "Marco Rubio (R-Fla.) said", "Smith, a pollster, said".
        if at < limit && (doc.tok(at) == "," || doc.tok(at).starts_with('(')) {
            let close = if doc.tok(at) == "," { "," } else { ")" };
            let end = (at + 1..limit.min(at + 20)).find(|&i| doc.tok(i).contains(close))?;
            if speaker.kind == MentionKind::Name && end > at + 1 && close == "," {
                apposition = Some(text_of(doc, at + 1, end - 1));
            }
            at = end + 1;
        }
        let mut at = skip_adverbs_right(doc, at, limit);
        // "a Democratic staffer in the room wondered", "Crystal C'Bearing of the Northern
        // Arapaho tribal historic preservation office told": a phrase of words between speaker
        // and cue (four words, or nine after "of" a name's affiliation).
        if at < limit && doc.lex(at).is_preposition() && cue_at(doc, at).is_none() {
            let reach = if doc.tok_is(at, "of") && speaker.kind == MentionKind::Name { 10 } else { 5 };
            let cue = (at + 1..limit.min(at + reach)).find(|&i| cue_at(doc, i).is_some())?;
            if !(at..cue).all(|i| doc.is_word(i)) {
                return None;
            }
            at = cue;
        }
        if at >= limit {
            return None;
        }
        (cue_at(doc, at)?, speaker)
    };
    let after_cue = cue.1.max(speaker.last) + 1;
    if doc.tok_is(after_cue, "that") {
        return None;
    }
    // A quote that ends its sentence, followed by "X wrote," or "X said:" and another quote: the
    // cue introduces the next quote, not this one. Nor is "X said he…" about this quote.
    // A fragment of a subordinate clause ("After he admitted they had “been friends,” he claimed
    // they never met"): the cue after it opens the main clause and reports that instead.
    if quote.starts_lower
        && doc.is_word(after_cue)
        && (doc.lex(after_cue).is_pronoun() || doc.tok_is(after_cue, "that"))
        && doc.tok(cue.0) != "told"
    {
        return None;
    }
    if quote.ends_sentence && doc.is_capitalized(idx) {
        let introduces_next = limit_at < doc.paragraph_end(quote.marked.outer.end)
            && (after_cue..limit).all(|i| matches!(doc.tok(i), "," | ":"));
        let clause_follows =
            after_cue < limit && doc.lex(after_cue).is_pronoun() && cue.0 == cue.1 && doc.tok(cue.0) != "told";
        if introduces_next || clause_follows {
            return None;
        }
    }
    Some(Attribution::direct(Some(cue), Some(speaker), apposition, "after"))
}

/// “…” ― Sonya Herridge: a quote signed by a dash and a name that ends its line (vox pops,
/// epigraphs, quoted posts). The row has no cue.
fn signature_pattern(doc: &Doc, quote: &Candidate) -> Option<Attribution> {
    let rest = &doc.text()[quote.marked.outer.end..];
    let after_space = rest.trim_start_matches([' ', '\u{a0}']);
    let dash = ["―", "—", "–", "--", "-"].iter().find(|d| after_space.starts_with(**d))?;
    let name_at = doc.text().len() - after_space[dash.len()..].trim_start_matches([' ', '\u{a0}']).len();
    let line_end = doc.text()[name_at..].find('\n').map_or(doc.text().len(), |i| name_at + i);
    let (first, limit) = (doc.token_at_or_after(name_at), doc.token_at_or_after(line_end));
    let speaker = mention_right(doc, first, limit).filter(|m| m.kind == MentionKind::Name)?;
    // Nothing but a full stop or a comma after the name on its line.
    let tail = doc.text()[doc.tokens()[speaker.last].end()..line_end].trim();
    matches!(tail, "" | "." | ",").then(|| Attribution::direct(None, Some(speaker), None, "signature"))
}

/// Whether the cue is a participle hanging on another clause ("…, saying"), not a progressive
/// ("he’s predicting", "she is saying"), which has its subject before it.
pub(crate) fn is_participle(doc: &Doc, cue: (usize, usize)) -> bool {
    // Most cues are no "-ing" form: the auxiliary before the cue is looked for only for one.
    let progressive = || {
        cue.0 >= 1 && {
            let aux = skip_adverbs_left(doc, cue.0 - 1, 0).map_or(cue.0 - 1, |i| i + 1).min(cue.0 - 1);
            doc.tok_in(aux, &["is", "are", "was", "were", "s", "re", "am", "been", "be"])
        }
    };
    doc.tok(cue.0).ends_with("ing") && cue.0 == cue.1 && !progressive()
}

/// Whether a form of "be" stands before the cue, past any adverbs ("was asked", "has been
/// questioned", "is reportedly expected"): the cue is in the passive.
fn is_passive(doc: &Doc, cue: (usize, usize), floor: usize) -> bool {
    let Some(before) = cue.0.checked_sub(1) else { return false };
    let aux = skip_adverbs_left(doc, before, floor).map_or(before, |i| i + 1);
    (aux..cue.0)
        .chain([before])
        .any(|i| BE_FORMS.iter().chain(&["being"]).any(|be| doc.tok(i).eq_ignore_ascii_case(be)))
}

/// "Rubio was asked by moderator Gerard Baker whether …", "were described by Johnson as …": in
/// the passive, the speaker is the agent after "by", and the subject is the one spoken to or
/// about.
fn passive_agent(doc: &Doc, cue: (usize, usize), floor: usize, limit: usize) -> Option<Mention> {
    if !doc.tok_is(cue.1 + 1, "by") || !is_passive(doc, cue, floor) {
        return None;
    }
    let agent = mention_right(doc, cue.1 + 2, limit)?;
    // "described by the Daily Hive as a “…”": the agent ends before what it called them.
    match (agent.first + 1..=agent.last).find(|&i| doc.tok_is(i, "as")) {
        Some(as_at) => {
            let last = as_at - 1;
            let kind = if doc.is_capitalized(last) { MentionKind::Name } else { MentionKind::Nominal };
            Some(Mention { last, kind, ..agent })
        }
        None => Some(agent),
    }
}

/// The subject of a participle cue from the words before it: "with many marchers chanting",
/// or the subject of an earlier cue in the sentence ("…, Spicer said, adding, “…”").
pub(crate) fn participle_subject(doc: &Doc, cue: (usize, usize), floor: usize) -> Option<(Mention, Option<String>)> {
    // "The BBC cited Budi Gunawan, head of the agency, as saying …", "Reuters quoted a police
    // spokesman as saying …": the one quoted says it, not the one quoting.
    if cue.0 > floor + 2 && doc.tok_is(cue.0 - 1, "as") {
        if let Some(quoted) = quoted_as_saying(doc, cue.0 - 1, floor) {
            return Some(quoted);
        }
    }
    if cue.0 > floor + 1 {
        if let Some((mention, _)) = mention_left(doc, cue.0 - 1, floor) {
            if mention.first > floor && doc.tok_is(mention.first - 1, "with") {
                return Some((mention, None));
            }
            // "footage of Hillary Clinton asking, “…”", "a video showing Trump saying": the one
            // the recording shows.
            let recording = |i: usize| {
                doc.tok_in(i, &["footage", "video", "videos", "clip", "clips", "recording", "audio", "tape", "images"])
            };
            let shown = mention.first > floor + 1
                && (doc.tok_is(mention.first - 1, "of") && recording(mention.first - 2)
                    || doc.tok_in(mention.first - 1, &["showing", "shows"]));
            if shown {
                return Some((mention, None));
            }
            // "President Trump delivered a speech declaring …", "issued a statement saying …":
            // the one who made the speech or the document, the subject of the verb before it.
            let made = mention.kind == MentionKind::Nominal
                && (doc.lex(mention.last).is_document() || doc.tok_in(mention.last, &["speech", "address", "remarks"]))
                && mention.first > floor + 1
                && doc.is_word(mention.first - 1)
                // (its subject right before the verb: not one named inside an apposition, as in
                // "Fifty former officials, including Leon Panetta, signed a letter saying")
                && doc.is_word(mention.first - 2)
                && !doc.lex(mention.first - 1).is_preposition()
                && !doc.lex(mention.first - 1).is_cue();
            if made {
                if let Some((maker, apposition)) = mention_left(doc, mention.first - 2, floor) {
                    if maker.kind != MentionKind::Nominal || doc.lex(maker.first).is_determiner() {
                        return Some((maker, apposition));
                    }
                }
            }
        }
    }
    let earlier = (floor..cue.0).rev().find_map(|i| cue_at(doc, i).filter(|c| !doc.tok(c.0).ends_with("ing")))?;
    // ("were described by Johnson as …, saying …": the agent of a cue in the passive.)
    if let Some(agent) = passive_agent(doc, earlier, floor, cue.0) {
        return Some((agent, None));
    }
    cue_subject(doc, earlier, floor, cue.0)
}

/// "She said she asked the question “to build on his comments”", "Comey said her comments were
/// “truthful”": a cue inside the clause that an earlier speech cue of the sentence reports is
/// part of that report; the statement is the outer one.
fn outer_report(doc: &Doc, inner: (usize, usize), floor: usize) -> Option<(usize, usize)> {
    let mut idx = inner.0;
    while idx > floor {
        idx -= 1;
        let tok = doc.tok(idx);
        let breaks = matches!(tok, ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\"")
            || (tok == "," && doc.tok_in(idx + 1, &["but", "while", "and", "which", "who"]));
        if breaks {
            return None;
        }
        // A cue found at `idx` starts there ("according to" spans two tokens).
        let Some(cue) = cue_at(doc, idx) else { continue };
        let reports = cue_lemma(doc, cue).is_some_and(|l| {
            crate::lang::en::ENGLISH.reporting.contains(&l)
                && !matches!(l, "call" | "ask" | "urge" | "describe" | "accuse" | "demand" | "propose")
        });
        if !reports {
            continue;
        }
        let mut next = skip_adverbs_right(doc, cue.1 + 1, inner.0);
        if doc.lex(next).is_time_word() {
            next += 1;
        }
        let clause = doc.tok_is(next, "that")
            || doc.lex(next).is_pronoun()
            || doc.lex(next).is_determiner()
            || (doc.is_capitalized(next) && !doc.lex(next).is_not_name());
        return (clause && next < inner.0).then_some(cue);
    }
    None
}

/// "the bespectacled, 71-year-old diplomat said": a determiner phrase, commas and all, that runs
/// up to a cue within a few words.
fn determiner_phrase_before_cue(doc: &Doc, idx: usize, limit: usize) -> Option<((usize, usize), Mention)> {
    if !doc.lex(idx).is_determiner() {
        return None;
    }
    let cue_idx = (idx + 1..limit.min(idx + 10)).find(|&i| cue_at(doc, i).is_some())?;
    let last = (idx + 1..cue_idx).rev().find(|&i| doc.is_word(i) && !doc.lex(i).is_adverb())?;
    let clean = (idx + 1..=last).all(|i| doc.is_word(i) || matches!(doc.tok(i), "," | "-" | "’" | "'"));
    let has_comma = (idx + 1..=last).any(|i| doc.tok(i) == ",");
    (clean && has_comma)
        .then(|| (cue_at(doc, cue_idx).expect("found above"), Mention { first: idx, last, kind: MentionKind::Nominal }))
}

/// X said: “…” / X said on Friday “…” / according to X, “…” / X said the plan is “good”.
fn before_pattern(
    doc: &Doc,
    quote: &Candidate,
    floor_at: usize,
    previous: Option<&Attribution>,
    statement_floor: usize,
) -> Option<Attribution> {
    let open = doc.token_at_or_after(quote.marked.outer.start);
    let floor = doc.token_at_or_after(floor_at);
    let mut idx = open;
    let cue = loop {
        if idx <= floor {
            return None;
        }
        idx -= 1;
        if let Some(cue) = cue_at(doc, idx) {
            break cue;
        }
        // An "according to" whose "to" we walked past.
        if idx > floor {
            if let Some(cue) = cue_at(doc, idx - 1).filter(|c| c.1 == idx) {
                break cue;
            }
        }
    };
    // A fragment whose cue sits inside an earlier report of the sentence is part of that report.
    let cue = if quote.starts_lower { outer_report(doc, cue, floor).unwrap_or(cue) } else { cue };
    let limit = open;
    // A participle ("…, calling X “…”", "sent an email saying “…”") has the subject of the
    // clause it hangs on; the noun before it is that clause's object, the one after its own.
    let participle = is_participle(doc, cue);
    let (speaker, apposition, rule, gap_start) = if doc.tok(cue.0).eq_ignore_ascii_case("according") {
        let speaker = according_to_source(doc, cue.1 + 1, limit)?;
        (Some(speaker), None, "according-to", speaker.last + 1)
    } else if let Some(agent) = passive_agent(doc, cue, floor, limit) {
        (Some(agent), None, "passive", agent.last + 1)
    } else if matches!(cue_lemma(doc, cue), Some("show" | "tell" | "inform" | "warn" | "remind" | "call"))
        && doc.tok(cue.0).ends_with(['d', 'n'])
        && is_passive(doc, cue, floor)
    {
        // "The audience was shown a replay …", "Residents were told “…”": the subject is the one
        // shown or told; the one who showed or told it is not named. ("H1N1 was commonly called
        // “swine flu”": what it was called, by no one named.)
        return None;
    } else if let Some((speaker, apposition)) = cue_subject(doc, cue, floor, limit).filter(|_| !participle) {
        (Some(speaker), apposition, "before", cue.1 + 1)
    } else if let Some(speaker) = mention_right(doc, cue.1 + 1, limit)
        .filter(|m| m.kind == MentionKind::Name && !participle && doc.lex(cue.0).is_invertible())
    {
        // "said Trump:" — the subject after the cue.
        (Some(speaker), None, "before-inverted", speaker.last + 1)
    } else if let Some((speaker, apposition)) = participle.then(|| participle_subject(doc, cue, floor)).flatten() {
        (Some(speaker), apposition, "elided-subject", cue.1 + 1)
    } else if let Some(previous) = previous.filter(|_| participle || (cue.0 > floor && doc.tok(cue.0 - 1) == ",")) {
        // A cue with its subject elided ("…, naming a number of “conditions…”"): the subject is
        // the previous statement's speaker in the same sentence.
        (previous.speaker, previous.apposition.clone(), "elided-subject", cue.1 + 1)
    } else if let Some(speaker) = clause_subject_after(doc, quote.marked.outer.start, cue.0, statement_floor) {
        // "The SDF opposed the withdrawal and said it was…", "She followed that by saying, “…”".
        (Some(speaker), None, "elided-subject", cue.1 + 1)
    } else {
        return None;
    };
    let gap: Vec<usize> = (gap_start..open).collect();
    let mut direct = match gap.as_slice() {
        [] => true,
        [first, .., last] if doc.tok_is(*first, "that") && gap.len() > 2 && doc.tok(*last) != ":" => false,
        // ("commenting before launch on the occasion of …: “…”": a colon introduces the quote
        // whatever the phrases before it; a clause there is reported too: "said the drugs were
        // only part of the solution: “…”".)
        [.., last] if doc.tok(*last).ends_with(':') => {
            gap.len() <= 10
                || !gap.iter().any(|&i| {
                    doc.is_word(i) && (crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i)) || doc.tok_is(i, "that"))
                })
        }
        [.., last] if doc.tok(*last) == "," => gap.len() <= 10,
        [first, ..] => {
            let first_word = lower(doc, *first);
            (gap.len() <= 3
                && LEXICON.entry(&first_word).is_preposition()
                && !matches!(&*first_word, "of" | "for" | "to"))
                || (gap.len() == 1 && first_word == "that")
                || (gap.len() <= 2 && doc.tok(*first) == "reporters")
        }
    };
    // "Ryan said that “we need more information” about how …", "the lawyers said, “all command
    // the same conclusion” that Cruz complies": a fragment whose clause goes on after the closing
    // mark is part of a reported clause, a mixed statement from the fragment to the clause's end.
    let after = doc.token_at_or_after(quote.marked.outer.end);
    let clause_goes_on = !quote.ends_sentence
        && !quote.ends_with_comma
        && doc.is_word(after)
        // "said “A” and “B”": two quotes joined, not a clause going on.
        && !doc.tok_in(after, &["and", "or", "but"])
        && doc.segments.sentence_of(quote.marked.outer.end) == doc.segments.sentence_of(quote.marked.outer.start);
    if direct && clause_goes_on && (quote.starts_lower || gap.len() == 1) {
        return Some(Attribution {
            cue: Some(cue),
            speaker,
            apposition,
            rule: "embedded",
            kind: QuoteType::Mixed,
            mixed_start: Some(quote.marked.outer.start),
        });
    }
    let mut mixed_start = None;
    if !direct {
        let mut start = gap_start;
        // "told the press the new drugs were …": the one told is no part of what was said.
        if matches!(cue_lemma(doc, cue), Some("tell" | "inform" | "assure" | "remind")) {
            if let Some(told) = addressee_end(doc, start, open).filter(|&l| l + 1 < open) {
                start = told + 1;
                // "told a guard at the door, in French and English, “…”", "told the BBC after
                // the verdict “…”": where and when it was told, to its comma or "that", or to
                // the quote.
                // (The lexicon's prepositions hold time words that open a clause too: "this was …".)
                let place_or_time =
                    doc.lex(start).is_preposition() && !doc.tok_is(start, "that") && !doc.tok_in(start, TIME_OPENERS);
                if place_or_time {
                    // ("told his supporters at a rally to “go …”": what they were told opens at "to".)
                    let stop = (start + 1..open.min(start + 10))
                        .find(|&i| doc.tok_in(i, &["that", "to"]) || doc.tok(i) == ",");
                    match stop {
                        Some(to) if doc.tok_is(to, "to") => start = to,
                        Some(stop) => start = stop + 1,
                        None if open - start <= 6 => start = open,
                        None => {}
                    }
                    // (a second phrase after the comma: "at the door, in French and English,")
                    if start < open && doc.lex(start).is_preposition() && !doc.tok_is(start, "that") {
                        if let Some(comma) = (start + 1..open.min(start + 8)).find(|&i| doc.tok(i) == ",") {
                            start = comma + 1;
                        }
                    }
                }
            }
        }
        // "said on Friday the United States is “…”": the time phrase is not what was said.
        if doc.lex(start).is_preposition() && start + 1 < open && doc.lex(start + 1).is_time_word() {
            start += 2;
        } else if start + 1 < open && doc.lex(start).is_time_word() && doc.tok_is(start + 1, "that") {
            // "said Friday that …".
            start += 1;
        }
        // ("were described by Johnson as a “historic mandate”": what they were called.)
        if doc.tok_is(start, "that") || doc.tok(start) == "," || (rule == "passive" && doc.tok_is(start, "as")) {
            start += 1;
        }
        if start >= open {
            // (Nothing but the one told, and where, stood before the quote.)
            direct = true;
        } else {
            mixed_start = Some(doc.tokens()[start].start().min(quote.marked.outer.start));
        }
    }
    Some(Attribution {
        cue: Some(cue),
        speaker,
        apposition,
        rule: if direct || rule == "elided-subject" { rule } else { "embedded" },
        kind: if direct { QuoteType::Direct } else { QuoteType::Mixed },
        mixed_start,
    })
}

/// The subject of the sentence holding byte `at`, when it comes before token `before`: the first
/// mention after any opening adverbial phrase ("On Wednesday, Lavrov …").
pub(crate) fn clause_subject(doc: &Doc, at: usize, before: usize) -> Option<Mention> {
    clause_subject_after(doc, at, before, 0)
}

/// [`clause_subject`], for a clause that starts no earlier than byte `floor` (the end of a
/// statement that the sentence opened with: "“…,” Cruz said, adding: “…”").
fn clause_subject_after(doc: &Doc, at: usize, before: usize, floor: usize) -> Option<Mention> {
    let mut idx = doc.token_at_or_after(doc.sentence_start(at).max(doc.paragraph_start(at)).max(floor));
    // A subject is near its cue: in a sentence thousands of tokens long, look at its end only,
    // so that many quotes in one sentence stay linear.
    idx = idx.max(before.saturating_sub(WINDOW));
    while idx < before && matches!(doc.tok(idx), "," | "—" | "–") {
        idx += 1;
    }
    // "However, he …", "Still, …", "Recently, however, it …", "Conversely, PolitiFact …":
    // sentence adverbs before the subject.
    while idx + 1 < before && (doc.lex(idx).is_sentence_adverb() || opening_adverb(doc, idx)) {
        idx += if doc.tok(idx + 1) == "," { 2 } else { 1 };
    }
    // "Hours later, she …", "Moments earlier, …": a time phrase before the subject.
    if let Some(comma) = (idx..before.min(idx + 4)).find(|&i| doc.tok(i) == ",") {
        // ("Late on Sunday, Trump …": a day in the phrase too.)
        if (idx..comma).any(|i| {
            doc.tok_in(i, &["later", "earlier", "ago", "afterwards", "meanwhile", "late", "early"])
                || doc.lex(i).is_time_word()
        }) {
            idx = comma + 1;
        }
    }
    // An opening phrase or clause ("On Wednesday,", "When Wallace died in 1998,", "Talking about
    // energy,") comes before the subject: skip to its comma.
    let opener = idx < before && {
        let word = lower(doc, idx);
        LEXICON.entry(&word).is_preposition()
            || doc.lex(idx).is_subordinator()
            // "Chastened by the analyses, Trump revised …": a participle clause.
            || (word.ends_with("ed") && idx + 1 < before && doc.lex(idx + 1).is_preposition())
            || (word.ends_with("ing")
                && !doc.is_capitalized(idx + 1)
                // "Beijing has provided …" is a subject: an auxiliary or a cue follows it.
                && !(idx + 1 < before && (doc.lex(idx + 1).is_adverb() || doc.lex(idx + 1).is_cue()))
                && mention_right(doc, idx, before).is_none_or(|m| m.first == m.last))
    };
    if opener {
        // The subject follows the comma that ends the opener; an opener may hold commas of its own
        // ("In a wide-ranging, in-prison interview with X last year, Lazar said").
        idx = (idx..before).filter(|&i| doc.tok(i) == ",").map(|i| i + 1).find(|&i| {
            mention_right(doc, i, before).is_some_and(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun))
        })?;
    }
    // "One of these groups, the Syrian Democratic Forces (SDF), opposed …": a description, then
    // the name it is in apposition: the name is the subject.
    let first = mention_right(doc, idx, before);
    if first.is_none_or(|m| matches!(m.kind, MentionKind::Nominal | MentionKind::Group)) {
        let comma = (idx + 1..before.min(idx + 8)).find(|&i| doc.tok(i) == ",");
        let named = comma.and_then(|c| mention_right(doc, c + 1, before)).filter(|m| m.kind == MentionKind::Name);
        if let Some(named) = named {
            let mut after = named.last + 1;
            if doc.tok(after).ends_with('(') && doc.tok(after + 2).starts_with(')') {
                after += 2;
            }
            let described = (idx..comma.unwrap_or(idx)).all(|i| {
                doc.is_word(i) && !doc.lex(i).is_cue() && !doc.lex(i).is_pronoun() && !doc.lex(i).is_preposition()
                    || doc.tok_is(i, "of")
            });
            // (not a list: "Two sex workers, Akram Pasha, and Jaya")
            let list = doc.tok_in(after + 1, &["and", "or"]);
            if described && !list && matches!(doc.tok(after), "," | "),") {
                return Some(named);
            }
        }
    }
    let mention = first?;
    // A nominal subject opens with a determiner ("The report found"), or opens its sentence
    // ("Early results of the poll show").
    let opens = |m: &Mention| doc.lex(m.first).is_determiner() || (m.first == idx && doc.is_capitalized(m.first));
    (mention.kind != MentionKind::Nominal || opens(&mention)).then_some(mention)
}

/// A quote introduced by a colon, in its paragraph or at the end of the one before: "X said:",
/// "X delivered a retort:", "X issued the following statement:". The speaker is the subject of
/// the cue before the colon, else the subject of that clause.
fn colon_pattern(doc: &Doc, quote: &Candidate) -> Option<Attribution> {
    let before = doc.text()[..quote.marked.outer.start].trim_end();
    if !before.ends_with(':') {
        return None;
    }
    let colon = before.len() - 1;
    if doc.paragraph_of_gap(colon, quote.marked.outer.start) > 1 {
        return None;
    }
    let end = doc.token_at_or_after(colon);
    let floor = doc
        .token_at_or_after(doc.sentence_start(colon).max(doc.paragraph_start(colon)))
        .max(end.saturating_sub(WINDOW));
    if let Some(cue) = (floor..end).rev().find_map(|i| cue_at(doc, i)) {
        if let Some((speaker, apposition)) = cue_subject(doc, cue, floor, end) {
            return Some(Attribution::direct(Some(cue), Some(speaker), apposition, "colon"));
        }
    }
    let speaker = clause_subject(doc, colon, end)?;
    Some(Attribution::direct(None, Some(speaker), None, "colon"))
}

/// The subject of the last cue in the sentence before the quote, in the same paragraph.
fn previous_sentence_speaker(doc: &Doc, quote: &Candidate) -> Option<Attribution> {
    let start = quote.marked.outer.start;
    let sentence = doc.segments.sentence_of(start)?;
    if sentence == 0 || doc.segments.sentences[sentence].start != start || goes_on_as_phrase(doc, quote) {
        return None;
    }
    let previous = doc.segments.sentences[sentence - 1].clone();
    if doc.segments.paragraph_of(previous.start) != doc.segments.paragraph_of(start) {
        return None;
    }
    let floor = doc.token_at_or_after(previous.start);
    let end = doc.token_at_or_after(previous.end);
    let cue = (floor..end).rev().find_map(|i| cue_at(doc, i))?;
    let (speaker, apposition) = cue_subject(doc, cue, floor, end)?;
    Some(Attribution::direct(Some(cue), Some(speaker), apposition, "floating"))
}

/// The last token of the one a cue of telling addresses, from token `first` (before `end`): a
/// name's capitalized words, hyphened ones too ("the BBC", "Agence France-Presse"), or up to three
/// words of a description, which end before a determiner, a name, a preposition or "that" ("the
/// press the new drugs …", "local media Adamowicz's heart …"). None where no such words stand
/// there.
pub(crate) fn addressee_end(doc: &Doc, first: usize, end: usize) -> Option<usize> {
    let end = end.min(doc.tokens().len());
    // The capitalized words from `from` on, and those a hyphen joins ("France-Presse").
    let name_run = |from: usize| {
        let mut last = from;
        loop {
            if last + 1 < end && doc.is_capitalized(last + 1) {
                last += 1;
            } else if last + 2 < end
                && matches!(doc.tok(last + 1), "-" | "'" | "’")
                && doc.touches_next(last)
                && doc.touches_next(last + 1)
                && doc.is_capitalized(last + 2)
            {
                // ("France-Presse", "O'Reilly")
                last += 2;
            } else {
                // ("MSNBC's “Morning Joe”": the one told runs on past a possessive; left alone.)
                return (!doc.is_possessive_s(last + 2)).then_some(last);
            }
        }
    };
    if first >= end {
        return None;
    }
    let name_first = first + usize::from(doc.lex(first).is_determiner());
    if name_first >= end || !doc.is_word(name_first) {
        return None;
    }
    if doc.is_capitalized(name_first) {
        return name_run(name_first);
    }
    let mut i = name_first + 1;
    while i < end.min(name_first + 5) {
        // ("co-host Joe Scarborough": a role, then its holder's name.)
        if doc.tok_is(i, "-") && doc.touches_next(i - 1) && doc.touches_next(i) {
            i += 2;
            continue;
        }
        if doc.is_capitalized(i) {
            // ("local media Adamowicz's heart was …": a name's possessive opens what was told.)
            return name_run(i).or(Some(i - 1));
        }
        let entry = doc.lex(i);
        // ("told police she was …": a pronoun or a verb opens what was told.)
        let clause = entry.is_pronoun() || entry.is_cue() || crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i));
        if !doc.is_word(i) || entry.is_determiner() || entry.is_preposition() || doc.tok_is(i, "that") || clause {
            return Some(i - 1);
        }
        i += 1;
    }
    None
}

/// Whether the sentence goes on after the quote `candidate`, which does not end it, with a word
/// in lower case that is no cue: the quote is a phrase of the narration's sentence ("“Law and
/// order” was a common theme at the convention"), not a statement that the sentence before
/// introduces.
fn goes_on_as_phrase(doc: &Doc, candidate: &Candidate) -> bool {
    if candidate.ends_sentence || candidate.ends_with_comma {
        return false;
    }
    let next = doc.token_at_or_after(candidate.marked.outer.end);
    next < doc.tokens().len()
        && doc.is_word(next)
        && !doc.is_capitalized(next)
        && !doc.lex(next).is_cue()
        && !doc.tok_in(next, &["and", "or"])
}

/// Whether the quote at `next` continues `previous` (attributed after its closing mark): same
/// paragraph, and between them only the attribution, at most a dozen words with no other cue.
fn continues_statement(doc: &Doc, previous: &Quote, attribution: &Attribution, candidate: &Candidate) -> bool {
    let next = &candidate.marked.outer;
    if doc.segments.paragraph_of(previous.span.start) != doc.segments.paragraph_of(next.start) {
        return false;
    }
    // "“A,” said X, a former governor. Voters “B,” he said.": the next quote is inside a
    // sentence of its own that it does not open.
    let sentence_start = doc.sentence_start(next.start);
    if sentence_start > previous.span.end && sentence_start < next.start {
        return false;
    }
    let Some(cue) = attribution.cue else { return false };
    let first = doc.token_at_or_after(previous.span.end);
    let last = doc.token_at_or_after(next.start);
    if !(first..last).contains(&cue.0) {
        return false;
    }
    // An apposition after the speaker ("said David Axelrod, the top strategist on Obama's
    // campaigns.") describes the speaker and does not count against the attribution's length.
    let speaker_end = attribution.speaker.map_or(cue.1, |m| m.last.max(cue.1));
    let apposition_at =
        (speaker_end + 1..last).find(|&i| doc.tok(i) == "," && doc.tok_in(i + 1, &["a", "an", "the", "who"]));
    let words = (first..apposition_at.unwrap_or(last)).filter(|&i| doc.is_word(i)).count();
    // News style puts the attribution after the first sentence of a longer quote ("“A.” he said.
    // “B. C.”"); after a quote of several sentences, a new quote is a new statement.
    // A quote that ends in a comma ("“A. B,” she said. “C.”", "“A. B”, Graham continued.") is a
    // sentence that the attribution interrupts, however long.
    let last_part = &previous.parts[previous.parts.len() - 1];
    let inside = doc.text()[..last_part.end].trim_end_matches(['"', '”', '’', '\'', '»', '“']).ends_with(',');
    let outside = doc.text()[last_part.end..].trim_start().starts_with(',');
    let interrupted_in_sentence = (first..last).any(|i| doc.tok(i) == "," && i > cue.0) || inside || outside;
    if !interrupted_in_sentence && sentences_in(doc, last_part) > 1 {
        return false;
    }
    // "“A,” Kiedis said, mentioning the album is “in the home stretch.”": a participle clause
    // after the attribution reports something of its own.
    if (cue.1 + 1..last)
        .any(|i| doc.tok(i) == "," && i + 1 < last && doc.tok(i + 1).ends_with("ing") && !doc.is_capitalized(i + 1))
    {
        return false;
    }
    let other_cue = (first..apposition_at.unwrap_or(last))
        .any(|i| i != cue.0 && cue_at(doc, i).is_some_and(|c| c.0 != cue.0 && c.1 != cue.1));
    words <= 12 && !other_cue
}

/// Where a mixed statement ends: the reported clause goes on after its quoted fragment ("the
/// “kind of problems” Sanders had answering questions"), over any later fragments ("was “not a
/// good thing” and “something the party should solve”"), to the end of the sentence. It stops
/// before a second clause of the reporter's (";", ", while …", ", and …", "and said …") and
/// before an attribution (", she said").
fn mixed_end(doc: &Doc, fragment: &Span) -> usize {
    let Some(sentence) = doc.segments.sentence_of(fragment.end.saturating_sub(1)) else { return fragment.end };
    let first = doc.token_at_or_after(fragment.end);
    let limit = doc.sentence_tokens(sentence).end;
    // "must face “murder charges”, adding …": a participle of saying after the comma that follows
    // the closing mark (one token with it) reports something of its own.
    let glued_comma = first > 0 && doc.tokens()[first - 1].end() > fragment.end && doc.has_comma(first - 1);
    if glued_comma && first < limit && doc.tok(first).ends_with("ing") && cue_at(doc, first).is_some() {
        return fragment.end;
    }
    let mut end = fragment.end;
    for idx in first..limit {
        let tok = doc.tok(idx);
        let new_subject_reports = || {
            let subject = mention_right(doc, idx + 1, limit);
            subject.is_some_and(|m| {
                m.kind != MentionKind::Nominal && (m.last + 1..limit.min(m.last + 3)).any(|j| cue_at(doc, j).is_some())
            })
        };
        let stops = matches!(tok, ";" | ":" | "—" | "–" | "(" | ")")
            || (matches!(tok, "and" | "but") && (cue_at(doc, idx + 1).is_some() || new_subject_reports()))
            // "… before leaving", "… after meeting him": the time of the report, not its content.
            || (doc.lex(idx).is_subordinator()
                && idx + 1 < limit
                && doc.tok(idx + 1).ends_with("ing")
                && !doc.is_capitalized(idx + 1))
            || (tok == ","
                && ((idx + 1 < limit
                    && doc.tok_in(idx + 1, &["while", "whereas", "but", "although", "though", "which", "and", "or"]))
                    || (idx + 1..limit.min(idx + 6)).any(|j| cue_at(doc, j).is_some())));
        if stops {
            break;
        }
        if doc.is_word(idx) || matches!(tok, "”" | "\"" | "''") {
            end = doc.tokens()[idx].end();
        }
    }
    end
}

/// How many sentences a span holds.
fn sentences_in(doc: &Doc, span: &Span) -> usize {
    let first = doc.segments.sentence_of(span.start);
    let last = doc.segments.sentence_of(span.end.saturating_sub(1));
    match (first, last) {
        (Some(a), Some(b)) => b - a + 1,
        _ => 1,
    }
}

/// Whether a quote reads as a title ("The Nightly Show with Larry Wilmore"): most of its longer
/// words are capitalized.
fn is_title_case(doc: &Doc, inner: &Span) -> bool {
    let first = doc.token_at_or_after(inner.start);
    let last = doc.token_at_or_after(inner.end);
    let long: Vec<usize> = (first..last).filter(|&i| doc.is_word(i) && doc.tok(i).chars().count() >= 4).collect();
    let capitalized = long.iter().filter(|&&i| doc.is_capitalized(i)).count();
    !long.is_empty() && capitalized * 10 >= long.len() * 6
}

/// A statement with no attribution next to it, whose sentence goes on to name its speaker
/// ("“…” if she did not win by more, said David Wasserman"): the first cue later in the
/// sentence, with its subject.
fn later_cue(doc: &Doc, quote: &Candidate, limit_at: usize) -> Option<Attribution> {
    let sentence = doc.segments.sentence_of(quote.marked.outer.end.saturating_sub(1))?;
    let end = doc.segments.sentences[sentence].end.min(limit_at);
    let first = doc.token_at_or_after(quote.marked.outer.end);
    let limit = doc.token_at_or_after(end);
    let cue = (first..limit).find_map(|i| cue_at(doc, i))?;
    let speaker = match mention_right(doc, skip_adverbs_right(doc, cue.1 + 1, limit), limit) {
        Some(m) if m.kind == MentionKind::Name => m,
        _ => {
            let left = skip_adverbs_left(doc, cue.0.checked_sub(1)?, first)?;
            mention_left(doc, left, first)?.0
        }
    };
    Some(Attribution::direct(Some(cue), Some(speaker), None, "later"))
}

/// A statement inside a sentence whose subject comes before it ("Clinton told an audience at a
/// fundraiser, “…”" with no cue the lexicon knows): that subject, when it is a person or a pronoun.
fn sentence_subject(doc: &Doc, quote: &Candidate) -> Option<Attribution> {
    let start = quote.marked.outer.start;
    if doc.sentence_start(start) == start {
        return None;
    }
    let speaker = clause_subject(doc, start, doc.token_at_or_after(start))?;
    if !matches!(speaker.kind, MentionKind::Name | MentionKind::Pronoun) {
        return None;
    }
    Some(Attribution::direct(None, Some(speaker), None, "subject"))
}

/// A name in quote marks that a naming word gives a thing: after "known as", or after "called",
/// "dubbed", "named" … set right after a noun of a thing (not of a person, a body or a group:
/// "an economic plan called “Build Back Better” on Thursday", "a program dubbed
/// “Zrínyi 2026”"), and with no complement after it ("The president called “fake news” a
/// threat" is his statement). A short quote only: a name is a few words.
fn is_named_term(doc: &Doc, quote: &Candidate) -> bool {
    let open = doc.token_at_or_after(quote.marked.outer.start);
    if quote.n_words > 6 || open < 2 {
        return false;
    }
    let verb = open - 1;
    if doc.tok_is(verb, "as") && doc.tok_is(verb - 1, "known") {
        return true;
    }
    if !names_a_thing(doc, verb) {
        return false;
    }
    let noun = verb - 1;
    // (Not after a comma: "Tim Cook, called “total political crap”" is his.)
    let thing = doc.is_word(noun) && !doc.is_capitalized(noun) && {
        let entry = doc.lex(noun);
        !(entry.is_pronoun()
            || entry.is_title()
            || entry.is_org_word()
            || entry.is_group()
            || entry.is_media_head()
            || entry.is_cue()
            || entry.is_adverb()
            || entry.is_not_name()
            || names::is_person_role(&lower(doc, noun)))
    };
    let close = doc.token_at_or_after(quote.marked.outer.end);
    // (not "by" someone: "called “the worst law in history” by critics" is theirs)
    let ends = close >= doc.tokens().len()
        || !doc.is_word(close)
        || (doc.lex(close).is_preposition() && !doc.tok_is(close, "by"))
        // (a participle that goes on describing the thing: "“Build Back Better” designed to …")
        || (!doc.is_capitalized(close) && (doc.tok(close).ends_with("ed") || doc.tok(close).ends_with("ing")))
        || doc.tok_in(close, &["and", "or", "that", "which", "who"]);
    thing && ends
}

/// Words that give a thing its name ("a plan called …").
const NAMING: &[&str] =
    &["called", "dubbed", "nicknamed", "named", "titled", "entitled", "labelled", "labeled", "branded", "termed"];

/// Whether token `idx` is a naming word right after a lower-case word and right before a quote
/// mark ("a book called “Women Who Work”"): part of a noun phrase, no cue.
pub(crate) fn names_a_thing(doc: &Doc, idx: usize) -> bool {
    doc.tok_in(idx, NAMING)
        && idx > 0
        && doc.is_word(idx - 1)
        && !doc.is_capitalized(idx - 1)
        && doc.tokens().get(idx + 1).is_some_and(|_| doc.tok(idx + 1).starts_with(['"', '“', '\'', '‘']))
}

/// A term in quote marks after an article ("the “experts”", "a “reset”"): it labels something,
/// and the sentence's subject is not thereby its source.
fn is_labelled_term(doc: &Doc, quote: &Candidate) -> bool {
    let open = doc.token_at_or_after(quote.marked.outer.start);
    quote.n_words <= 2 && open > 0 && doc.tok_in(open - 1, &["the", "a", "an", "these", "those", "this", "that"])
}

/// Whether a mention can be a speaker of a fragment with no cue of its own: a name, a group,
/// he/she/they/we, or a role ("the former secretary").
fn speaks(doc: &Doc, subject: &Mention) -> bool {
    match subject.kind {
        MentionKind::Name | MentionKind::Group => true,
        MentionKind::Pronoun => doc.tok_in(subject.first, &["he", "she", "they", "we"]),
        MentionKind::Nominal => LEXICON.entry(&lower(doc, subject.last)).is_title(),
    }
}

/// The byte where reported content starts after token `idx`, past "that" and commas, no later
/// than the quote at `open`.
fn content_start(doc: &Doc, mut idx: usize, open: usize) -> usize {
    while idx < open && (doc.tok_is(idx, "that") || doc.tok(idx) == ",") {
        idx += 1;
    }
    doc.tokens()[idx.min(open)].start()
}

/// A quoted fragment that no cue next to it attributes, in a sentence that still says who
/// speaks: the last cue before it in the sentence, with its subject ("Priebus called the remarks
/// a “new low” and a “bizarre attempt”" once the first fragment's row has ended), else the
/// sentence's subject when it can speak ("Sanders’s campaign is “confident” …"). The row is
/// `mixed`, from after that cue or verb. A cue later in the sentence (", Axelrod said") is left
/// to the indirect detector.
fn fragment_in_sentence(doc: &Doc, quote: &Candidate, floor_at: usize) -> Option<Attribution> {
    let start = quote.marked.outer.start;
    let open = doc.token_at_or_after(start);
    let first = doc.token_at_or_after(floor_at).max(open.saturating_sub(WINDOW));
    // ("H1N1 was commonly called “swine flu”": a name given, by no one named)
    let named_passive = |c: &(usize, usize)| cue_lemma(doc, *c) == Some("call") && is_passive(doc, *c, first);
    if let Some(cue) = (first..open).rev().find_map(|i| cue_at(doc, i).filter(|c| c.1 < open)) {
        if named_passive(&cue) {
            return None;
        }
        let speaker = cue_subject(doc, cue, first, open).map(|(m, _)| m).or_else(|| clause_subject(doc, start, cue.0));
        if let Some(speaker) = speaker {
            return Some(Attribution {
                cue: Some(cue),
                speaker: Some(speaker),
                apposition: None,
                rule: "sentence-cue",
                kind: QuoteType::Mixed,
                mixed_start: Some(content_start(doc, cue.1 + 1, open).min(start)),
            });
        }
    }
    let sentence_end = doc.token_at_or_after(doc.sentence_end(start));
    let attributed_later = (doc.token_at_or_after(quote.marked.outer.end)..sentence_end)
        .any(|i| doc.tok(i) == "," && (i + 1..sentence_end.min(i + 5)).any(|j| cue_at(doc, j).is_some()));
    if attributed_later {
        return None;
    }
    // "Critics read it while the “experts” disagreed": a term in quote marks after an article
    // labels something; with no cue, it is nobody's statement.
    if is_labelled_term(doc, quote) {
        return None;
    }
    let subject = clause_subject(doc, start, open).filter(|m| speaks(doc, m) && m.first >= first)?;
    let verb = verb_after_subject(doc, subject.last + 1, open);
    let mixed_start =
        if verb < open && doc.is_word(verb) && !doc.is_capitalized(verb) && !doc.lex(verb).is_preposition() {
            content_start(doc, verb + 1, open).min(start)
        } else {
            start
        };
    Some(Attribution {
        cue: None,
        speaker: Some(subject),
        apposition: None,
        rule: "sentence-subject",
        kind: QuoteType::Mixed,
        mixed_start: Some(mixed_start),
    })
}

/// The token after a subject that ends before token `idx` where its verb is: past adverbs, a
/// place or body of names it is "of" ("The Foreign Ministry of Iraq characterized …") and a name
/// set off by commas ("The mayor of London, Sadiq Khan, thanked …"), not past `limit`.
fn verb_after_subject(doc: &Doc, mut idx: usize, limit: usize) -> usize {
    loop {
        idx = skip_adverbs_right(doc, idx, limit);
        if idx + 1 < limit && doc.tok_in(idx, &["of", "in", "for"]) && doc.is_capitalized(idx + 1) {
            idx += 1;
            while idx < limit && (doc.is_capitalized(idx) || doc.tok_in(idx, &["of", "and", "the"])) {
                idx += 1;
            }
            continue;
        }
        if idx < limit && doc.tok(idx) == "," {
            let close = (idx + 1..limit.min(idx + 8)).find(|&i| !doc.is_word(i));
            if let Some(close) = close.filter(|&c| c > idx + 1 && doc.tok(c) == "," && doc.is_capitalized(idx + 1)) {
                idx = close + 1;
                continue;
            }
        }
        return idx;
    }
}

/// Who owns the claim whose noun is token `noun`: a possessive pronoun or a name's (or a named
/// noun's) possessive before it, past up to two adjectives ("his claim", "Donald Trump's claim",
/// "Tulsa police's earlier claim"); none for a bare noun's ("the company's claim").
fn claim_owner_of(doc: &Doc, noun: usize, floor: usize) -> Option<Mention> {
    let mut at = noun.checked_sub(1)?;
    for _ in 0..2 {
        if at > floor
            && doc.is_word(at)
            && !doc.is_capitalized(at)
            && !doc.lex(at).is_determiner()
            && !doc.tok_is(at, "s")
        {
            at -= 1;
        }
    }
    if at < floor {
        return None;
    }
    if doc.tok_in(at, &["his", "her", "their", "its"]) {
        return Some(Mention { first: at, last: at, kind: MentionKind::Pronoun });
    }
    if !(at >= floor + 2 && doc.is_possessive_s(at)) {
        return None;
    }
    let last = at - 2;
    let mut first = last;
    while first > floor && doc.is_word(first - 1) && doc.is_capitalized(first - 1) {
        first -= 1;
    }
    if !doc.is_word(last) || !doc.is_capitalized(first) {
        return None;
    }
    let kind = if doc.is_capitalized(last) { MentionKind::Name } else { MentionKind::Nominal };
    Some(Mention { first, last, kind })
}

/// Whether byte `at` is in a picture's caption: a paragraph that ends in its credit ("People
/// holding a banner saying “united in diversity”. Image: John Lubbock (flickr)."), whose words
/// describe the picture, not what anyone said.
pub(crate) fn in_caption(doc: &Doc, at: usize) -> bool {
    let Some(p) = doc.segments.paragraph_of(at) else { return false };
    let paragraph = &doc.text()[doc.segments.paragraphs[p].clone()];
    let tail = &paragraph[paragraph.floor_char_boundary(paragraph.len().saturating_sub(80))..];
    // (Asked of every cue: most tails hold no colon, found in one scan.)
    memchr::memchr(b':', tail.as_bytes()).is_some()
        && ["Image: ", "Photo: ", "Picture: "].iter().any(|label| tail.contains(label))
}

/// The forms of "be" that make a passive or an auxiliary.
pub(crate) const BE_FORMS: &[&str] = &["was", "were", "is", "are", "been", "be"];

/// Time words the lexicon lists among the prepositions that open a clause rather than a phrase
/// after a cue ("said last week that …", "told the BBC this was …").
pub(crate) const TIME_OPENERS: &[&str] = &["last", "this", "earlier", "later", "yesterday", "today", "tonight"];

/// The heads of a state's media ("Syrian state media", "Iranian state television").
const STATE_MEDIA: &[&str] = &["media", "television", "tv", "radio", "broadcaster"];

/// Nouns of a claim made, whose owner made it ("Donald Trump's claim that …").
const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "statement",
    "assertion",
    "promise",
    "pledge",
    "remark",
    "remarks",
    "comment",
    "comments",
    "contention",
    "insistence",
    "argument",
    "allegation",
    "accusation",
    "charge",
    "warning",
    "vow",
    "boast",
];

/// A quoted fragment in a clause that a claim's noun and its owner open ("a fact-check on Donald
/// Trump's claim that there have been “thousands of shootings”", "contradicting Tulsa police's
/// earlier claim that Crutcher had refused", "Contrary to his claim that people would “learn
/// nothing”"): the owner's words, a `mixed` row from after "that".
fn claim_owner(doc: &Doc, quote: &Candidate) -> Option<Attribution> {
    let start = quote.marked.outer.start;
    let open = doc.token_at_or_after(start);
    let floor = doc.token_at_or_after(doc.sentence_start(start));
    // "that" after the noun, with no clause break before the quote.
    let that = (floor.max(open.saturating_sub(25))..open)
        .rev()
        .find(|&i| doc.tok_is(i, "that") && i > 0 && doc.is_word(i - 1) && doc.tok_in(i - 1, CLAIM_NOUNS))?;
    if (that..open).any(|i| matches!(doc.tok(i), ";" | ":" | "—" | "–" | "(" | "“" | "\"")) {
        return None;
    }
    let speaker = claim_owner_of(doc, that - 1, floor)?;
    Some(Attribution {
        cue: Some((that - 1, that - 1)),
        speaker: Some(speaker),
        apposition: None,
        rule: "claim-owner",
        kind: QuoteType::Mixed,
        mixed_start: Some(doc.tokens()[that + 1].start().min(start)),
    })
}

/// A quoted fragment with no cue around it, in a clause whose subject is a person, a pronoun or
/// a name, followed by its verb ("She blamed the violence on a “disturbed person”", "Clinton has
/// increasingly decried the issue of “systemic racism”"): the words the subject is reported to
/// have used, a `mixed` row from after the verb to the end of the clause.
fn fragment_subject(doc: &Doc, quote: &Candidate) -> Option<Attribution> {
    let start = quote.marked.outer.start;
    let open = doc.token_at_or_after(start);
    let subject = clause_subject(doc, start, open).filter(|m| speaks(doc, m))?;
    // "Cruz, with unconcealed delight, chided …": a parenthetical between subject and verb.
    let mut after_subject = subject.last + 1;
    if doc.tok_is(after_subject, ",") {
        after_subject = (after_subject + 1..open.min(after_subject + 10)).find(|&i| doc.tok(i) == ",")? + 1;
    }
    let verb = skip_adverbs_right(doc, after_subject, open);
    let is_verb = verb < open
        && doc.is_word(verb)
        && !doc.is_capitalized(verb)
        && !doc.lex(verb).is_preposition()
        && !doc.lex(verb).is_determiner()
        && !doc.tok_in(verb, &["and", "or", "but", "who", "which", "that", "of"]);
    // The fragment belongs to that verb's clause: near it, with no clause break between.
    let clause_break = |i: usize| {
        matches!(doc.tok(i), ";" | ":" | "—" | "–" | "(")
            || (doc.lex(i).is_subordinator() && !doc.tok_is(i, "as"))
            || doc.tok_in(i, &["and", "but", "or"])
    };
    if !is_verb || open - verb > 25 || (verb..open).any(clause_break) {
        return None;
    }
    // ("they are called “U.S. nationals”": a name given, by no one named)
    let called = skip_adverbs_right(doc, verb + 1, open);
    if doc.tok_in(verb, BE_FORMS)
        && called < open
        && cue_at(doc, called).is_some_and(|c| cue_lemma(doc, c) == Some("call"))
    {
        return None;
    }
    let mut first = verb + 1;
    if doc.tok_is(first, "that") && first < open {
        first += 1;
    }
    let mixed_start = doc.tokens()[first.min(open)].start().min(start);
    Some(Attribution {
        cue: Some((verb, verb)),
        speaker: Some(subject),
        apposition: None,
        rule: "subject-verb",
        kind: QuoteType::Mixed,
        mixed_start: Some(mixed_start),
    })
}

/// The speaker name and title a mention resolves to.
pub(crate) fn resolve(
    doc: &Doc,
    names: &NameIndex,
    mention: Mention,
    apposition: Option<&str>,
) -> (Option<String>, Option<String>) {
    let (name, title) = resolve_mention(doc, names, mention, apposition);
    // A day or a month is never a speaker's name, whatever rule led to it. (A country is, as
    // news writes it: "Iran said its forces had shot down the plane".)
    let time = |name: &str| name.split_whitespace().all(|w| LEXICON.entry(w).is_time_word());
    // Nor is a letter ("E" of "E. coli", a source some rule took for a name).
    let letter = |name: &str| name.chars().filter(|c| c.is_alphanumeric()).count() <= 1;
    (name.filter(|n| !time(n) && !letter(n)), title)
}

/// The names of a mention of names joined by "and" and commas that no one name holds, each as
/// it resolves, joined as English joins them ("A and B", "A, B and C"); none for one name.
fn joint_name(doc: &Doc, names: &NameIndex, mention: Mention) -> Option<String> {
    let joins = |i: usize| (doc.tok_is(i, "and") || doc.tok(i) == ",") && names.run_at(i).is_none();
    if !(mention.first + 1..mention.last).any(|i| doc.tok_is(i, "and") && joins(i)) {
        return None;
    }
    let mut parts = Vec::new();
    let mut start = mention.first;
    for i in mention.first..=mention.last + 1 {
        if i <= mention.last && !joins(i) {
            continue;
        }
        if start < i {
            let part = Mention { first: start, last: i - 1, kind: MentionKind::Name };
            // Each part a person's, a body's or a place's name: "Road Transport and Bridges
            // Minister Obaidul Quader" is one title, "Rogaland Fire and Rescue" one body.
            let run = names.run_at(part.last).filter(|r| r.last == part.last)?;
            let place = crate::lang::NAME_WORDS.is_place(doc.tok(run.last));
            // ("Mr. Grassley": a title makes a person of a family name alone.)
            let titled = TITLE_ABBREVIATIONS.contains(&doc.tok(part.first)) || doc.lex(part.first).is_title();
            if !(matches!(run.kind, EntityKind::Person | EntityKind::Organisation) || place || titled) {
                return None;
            }
            parts
                .push(resolve_mention(doc, names, part, None).0.unwrap_or_else(|| text_of(doc, part.first, part.last)));
        }
        start = i + 1;
    }
    match parts.as_slice() {
        [] | [_] => None,
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// [`resolve`], before its check that the name is no day or month.
fn resolve_mention(
    doc: &Doc,
    names: &NameIndex,
    mention: Mention,
    apposition: Option<&str>,
) -> (Option<String>, Option<String>) {
    let apposition = apposition.map(str::to_string);
    // "Antoine Quirin and Nicolas Redouane …. Both officers said", "the two men said": the two
    // the article has just named as a subject.
    let both = doc.tok(mention.first).eq_ignore_ascii_case("both")
        || (doc.tok_is(mention.first, "two")
            && mention.first > 0
            && doc.tok(mention.first - 1).eq_ignore_ascii_case("the"));
    if both && mention.kind != MentionKind::Pronoun && mention.first + 1 == mention.last {
        if let Some((first, Some(second))) = names.plural_before(doc, mention.first) {
            let name = |run: &names::NameRun| {
                (run.kind == EntityKind::Person).then(|| names.speaker_name_of(doc, run)).flatten()
            };
            if let (Some(a), Some(b)) = (name(first), name(second)) {
                return (Some(format!("{a} and {b}")), apposition);
            }
        }
    }
    // "Time magazine said", "the Guardian newspaper": the outlet, by its name (not "State
    // media", "Local media": words of no name).
    if let Some(at) = outlet_of_kind(doc, &mention) {
        let run = names.run_at(mention.last - 1).filter(|r| r.first == at && r.last + 1 == mention.last);
        // (nor one word of a body's kind, "State media", nor a people, a place or a person:
        // "The British newspaper", "Russian media", "the Hong Kong newspaper", "the Murdoch
        // newspaper")
        let common = |r: &names::NameRun| r.first == r.last && doc.lex(r.first).is_org_word();
        let other_kind = |r: &names::NameRun| {
            r.kind == EntityKind::Person
                || (r.first..=r.last).any(|i| {
                    let word = doc.tok(i);
                    is_adjective_of_people(word)
                        || crate::lang::NAME_WORDS.is_place(word)
                        || crate::lang::NAME_WORDS.is_demonym(word)
                })
        };
        if let Some(run) = run.filter(|r| !opening_word(doc, r) && !common(r) && !other_kind(r)) {
            return (Some(names.name_text(doc, run)), apposition);
        }
    }
    // "Chris Wright, the Chief Technological Officer of Red Hat said": the description of
    // a role set after the name, its closing comma left out (not "Asked about Clinton,
    // the senator said": a name after a preposition or a cue is another's).
    let described = mention.kind != MentionKind::Pronoun && doc.lex(mention.first).is_determiner();
    let named_before = (described && mention.first >= 2 && doc.tok(mention.first - 1) == ",")
        .then(|| names.run_at(mention.first - 2))
        .flatten()
        .filter(|r| r.last + 2 == mention.first && r.kind == EntityKind::Person)
        .filter(|r| r.first == 0 || !(doc.lex(r.first - 1).is_preposition() || doc.lex(r.first - 1).is_cue()));
    if let Some(run) = named_before {
        let of = (mention.first + 1..mention.last).find(|&i| doc.tok_is(i, "of"));
        let role = of.map_or(mention.last, |of| of - 1);
        if doc.lex(role).is_title() || names::is_person_role(&lower(doc, role)) {
            return names.person_of(doc, run);
        }
    }
    // "According to Dr Meerjady" after "Dr Meerjady Sabrina Flora": a title and the first word
    // of one person's fullest name, a first name the lists do not know (and no family name).
    let titled_one =
        mention.first + 1 == mention.last || (mention.first + 2 == mention.last && doc.tok(mention.first + 1) == ".");
    // (an honorific: "Former Security" is no title and a first name)
    let honorific = TITLE_ABBREVIATIONS.contains(&doc.tok(mention.first));
    if mention.kind != MentionKind::Pronoun && titled_one && honorific && doc.is_capitalized(mention.last) {
        let word = doc.tok(mention.last);
        if !names.has_person(word) {
            if let Some((name, title)) = names.person_by_first_word(word) {
                return (Some(name), apposition.or(title));
            }
        }
    }
    // "Police said …" at a sentence's start: a body's word alone, capitalized by its place, is
    // "the police", the body the article named with it ("Thames Valley Police").
    if matches!(mention.kind, MentionKind::Name | MentionKind::Group) && is_bare_body(doc, mention) {
        let described = Mention { kind: MentionKind::Nominal, ..mention };
        if let (Some(name), title) = resolve_mention(doc, names, described, apposition.as_deref()) {
            return (Some(name), title);
        }
    }
    match mention.kind {
        MentionKind::Pronoun => {
            let word = lower(doc, mention.first);
            if word == "which" {
                // The organisation just before, its comma skipped.
                let before = mention.first.saturating_sub(if doc.tok_is(mention.first - 1, ",") { 2 } else { 1 });
                if let Some(run) = names.run_at(before) {
                    return (Some(names.name_text(doc, run)), apposition);
                }
                // "the Saudi government, which": a name and the organisation word it modifies.
                let run = names.run_at(before.saturating_sub(1)).filter(|r| r.last + 1 == before);
                return (run.map(|r| text_of(doc, r.name_first, before)), apposition);
            }
            if word == "who" && mention.first > 0 && doc.tok(mention.first - 1) != "," {
                return (who_without_comma(doc, names, mention.first), apposition);
            }
            if word == "who" {
                // The antecedent is the name just before the comma, or before an apposition that
                // comma ends ("McConnell, now the Senate majority leader, who …").
                let before_apposition = (mention.first.saturating_sub(10)..mention.first.saturating_sub(2))
                    .rev()
                    .find(|&i| doc.tok(i) == ",")
                    .filter(|&comma| names.run_at(mention.first.saturating_sub(2)).is_none() && comma > 0)
                    .and_then(|comma| {
                        names.run_at(comma - 1).filter(|r| r.last + 1 == comma && r.kind == EntityKind::Person)
                    });
                if let Some(run) = before_apposition {
                    return names.person_of(doc, run);
                }
                let run = names.run_at(mention.first.saturating_sub(2)).filter(|r| r.last + 2 == mention.first);
                return match run {
                    Some(run) if run.kind == EntityKind::Person => names
                        .person(doc.tok(run.last))
                        .map_or((Some(names.name_text(doc, run)), None), |(n, t)| (Some(n), apposition.or(t))),
                    Some(run) => (Some(names.name_text(doc, run)), apposition),
                    None => (None, apposition),
                };
            }
            // A possessive stands for its pronoun ("his claim that …" is his).
            let word = match &*word {
                "his" => "he",
                "her" => "she",
                "their" => "they",
                "its" => "it",
                other => other,
            };
            let gender = match word {
                "he" => names::Gender::Male,
                "she" => names::Gender::Female,
                "it" => {
                    if let Some(run) = names.organisation_before(doc, mention.first) {
                        return (Some(names.name_text(doc, run)), None);
                    }
                    // "The city sent a letter. It says …": the organisation, medium or work that
                    // a description subject of this sentence or the one before names.
                    return (it_description(doc, names, mention.first), None);
                }
                // "I" in the narration of a first-person article is its writer, named at its end.
                "i" => return (names.author(doc).and_then(|run| names.person_of(doc, run).0), None),
                "they" => {
                    let name = |run: &names::NameRun| names.speaker_name_of(doc, run);
                    return match names.plural_before(doc, mention.first) {
                        Some((first, Some(second))) => {
                            (name(first).zip(name(second)).map(|(a, b)| format!("{a} and {b}")), None)
                        }
                        Some((run, None)) => (name(run), None),
                        // "The team collected samples …. They found": a research team the
                        // article names by its lead.
                        None => {
                            let floor = names::salient_floor_of(doc, mention.first, 2);
                            let team = (floor..mention.first).any(|i| doc.tok_in(i, RESEARCH_TEAMS));
                            (team.then(|| lead_author(doc, names)).flatten(), None)
                        }
                    };
                }
                _ => return (None, None),
            };
            match names.person_before_of(doc, mention.first, gender) {
                Some(run) => names.person_of(doc, run),
                None => (None, None),
            }
        }
        MentionKind::Name => {
            // "Institute of Epidemiology, Disease Control and Research (IEDCR)": a name its
            // acronym spells is one name, commas and "and" in it or not.
            let spelt = doc.tok_is(mention.last + 1, "(")
                && doc.tok_is(mention.last + 3, ")")
                && spelt_by_acronym(doc, doc.tok(mention.last + 2), mention.last, mention.first) == Some(mention.first);
            if spelt && mention.first < mention.last {
                return (Some(doc.text_of(mention.first, mention.last).to_string()), apposition);
            }
            // "Gloria La Riva and Howie Hawkins": names joined by "and" outside any one name
            // ("Department of Health and Human Services" is one), each named as it resolves.
            if let Some(joint) = joint_name(doc, names, mention) {
                return (Some(joint), None);
            }
            // "Biden-Harris released a statement": two persons' family names joined by a hyphen
            // are the two (the article names each in full).
            if mention.first + 2 == mention.last && doc.tok_is(mention.first + 1, "-") {
                let full = |i: usize| names.person(doc.tok(i)).map(|(name, _)| name).filter(|n| n.contains(' '));
                if let (Some(a), Some(b)) = (full(mention.first), full(mention.last)) {
                    if a != b {
                        return (Some(format!("{a} and {b}")), None);
                    }
                }
            }
            // "Associates of Navalny", "Supporters of Trump": people of a person, named by a
            // plural, are no one named.
            let of_person = mention.first + 2 <= mention.last
                && doc.tok_is(mention.first + 1, "of")
                && doc.tok(mention.first).ends_with('s')
                && !doc.lex(mention.first).is_org_word()
                && !doc.lex(mention.first).is_title()
                && names.has_person(doc.tok(mention.last));
            if of_person {
                return (None, apposition);
            }
            // "Kristian Andersen of Scripps Research", "Carl Hensman of the Bill and Melinda Gates
            // Foundation", "Archbishop Aris Shirvanian of the Armenian Patriarchate": a person named
            // from a given name or a title before "of" is that person, whatever the name after it.
            let given_before_of = (mention.first + 2..mention.last).find(|&i| doc.tok_is(i, "of")).and_then(|of| {
                names.run_at(of - 1).filter(|r| {
                    r.last == of - 1
                        && r.kind == EntityKind::Person
                        && r.name_first < r.last
                        && r.first >= mention.first
                        && (crate::lang::NAME_WORDS.is_given_name(doc.tok(r.name_first)) || r.name_first > r.first)
                })
            });
            if let Some(run) = given_before_of {
                return names.person_of(doc, run);
            }
            // (Where a part is no one's name, the name nearest the cue: "Gebel, and Egyptologists".)
            let conjunct = (mention.first + 1..mention.last)
                .rev()
                .find(|&i| doc.tok_is(i, "and") && names.run_at(i).is_none())
                .map(|and| Mention { first: and + 1, ..mention });
            if let Some(last) = conjunct {
                return resolve_mention(doc, names, last, apposition.as_deref());
            }
            // "Xiaogang Wei of the Beijing Gender Health Education Institute commented": the
            // person named before where they are from.
            // ("John Smith of Reuters said": the mention may hold the person and the "of".)
            // ("Senator Bernie Sanders of Vermont": a person's run before a place's; not "the
            // Armenian Patriarchate of Jerusalem", a body of the place.)
            let (tail, place) = match names.run_at(mention.last).filter(|r| r.last == mention.last) {
                Some(r) if r.kind == EntityKind::Organisation => (Some(r), false),
                Some(r) if is_time_or_place(doc, r) => (Some(r), true),
                _ => (None, false),
            };
            let person_of_place = tail
                .map(|r| if r.first > 0 && doc.tok_is(r.first - 1, "the") { r.first - 1 } else { r.first })
                .and_then(|org| org.checked_sub(2))
                .filter(|&at| doc.tok_in(at + 1, &["of", "from", "at"]) && at + 1 >= mention.first.saturating_sub(1))
                .and_then(|at| names.run_at(at).filter(|r| r.last == at))
                .filter(|r| r.kind != EntityKind::Organisation && r.name_first < r.last && !is_time_or_place(doc, r))
                .filter(|r| !place || r.kind == EntityKind::Person);
            if let Some(run) = person_of_place {
                return names.person_of(doc, run);
            }
            // "the Indian Prime Minister": a title and where it is held name no one.
            let title_only = (mention.first..=mention.last).all(|i| {
                !doc.is_word(i)
                    || doc.lex(i).is_title()
                    || doc.lex(i).is_determiner()
                    || crate::lang::NAME_WORDS.is_demonym(doc.tok(i))
                    || crate::lang::NAME_WORDS.is_place(doc.tok(i))
            });
            // ("The Republican", "the Democrat": a party's member is a description too.)
            let role_last = doc.lex(mention.last).is_title()
                || (mention.first < mention.last && crate::lang::NAME_WORDS.is_person_role(doc.tok(mention.last)));
            if title_only && role_last {
                // "The President insists …": a description of the one who holds it.
                let description = Mention { kind: MentionKind::Nominal, ..mention };
                return match resolve(doc, names, description, apposition.as_deref()) {
                    (Some(name), title) if !(mention.first..=mention.last).any(|i| doc.tok(i) == name) => {
                        (Some(name), title)
                    }
                    (_, title) => (None, title),
                };
            }
            let family = doc.tok(mention.last);
            // ("Ivanka Trump" after "Donald Trump": a name with a given name of its own is that
            // person's, as the index resolves its run.)
            let own_run = names.run_at(mention.last).filter(|r| r.last == mention.last && r.kind == EntityKind::Person);
            // (A given name of its own: one the lists know, or a name word that is no common
            // word, cue or other listed word: not "Said Ellis", "Whereas Pierce".)
            let own_given = |r: &names::NameRun| {
                let (word, entry) = (doc.tok(r.name_first), doc.lex(r.name_first));
                // (an honorific or a role is no given name: "Miss Smith", "Father Smith")
                let marks =
                    entry.is_male_word() || entry.is_female_word() || names::is_person_role(&word.to_lowercase());
                let classes = crate::lang::NAME_WORDS.classes(word);
                (classes.is_given_name() && !classes.is_platform())
                    || (!marks
                        && !classes.is_platform()
                        && !is_capitalized_common_word(doc, r.name_first)
                        && !entry.is_subordinator()
                        && !entry.is_adverb()
                        && !entry.is_sentence_adverb()
                        && doc.lex(r.name_first).is_capitalized()
                        && LEXICON.lemma(word).is_none()
                        && !doc.lex(r.name_first).is_not_name()
                        && word.chars().count() > 1
                        && !doc.tok_is(r.name_first + 1, "-")
                        && !doc.tok_in(r.name_first + 1, &["'", "’"]))
            };
            if let Some(run) =
                own_run.filter(|r| r.name_first >= mention.first && r.name_first < r.last && own_given(r))
            {
                if let (Some(name), title) = names.person_of(doc, run) {
                    return (Some(name), apposition.or(title));
                }
            }
            // (A body's name is its own, whatever person its last word names: "Club for Growth
            // Action" is not the "Earth Action" the article also names.)
            // (a body by its words, not by an acronym alone: "IM Dorsa Derakhshani" is hers)
            let body = names.run_at(mention.last).is_some_and(|r| {
                r.last == mention.last
                    && r.first <= mention.first + 1
                    && r.kind == EntityKind::Organisation
                    && (r.first..=r.last).any(|i| doc.lex(i).is_org_word())
            });
            if let Some((name, title)) = names.person(family).filter(|_| !body) {
                return (Some(name), apposition.or(title));
            }
            let mut first = mention.first;
            // (A determiner alone, "The:" opening a paragraph of an interview, names nothing.)
            if doc.lex(first).is_determiner() {
                if first == mention.last {
                    return (None, apposition);
                }
                first += 1;
            }
            // "Ms. Conway" is Conway: an abbreviated title is not part of the name.
            while first + 2 <= mention.last
                && TITLE_ABBREVIATIONS.contains(&doc.tok(first))
                && !matches!(doc.tok(first), "Jr" | "Sr" | "St")
                && doc.tok_is(first + 1, ".")
            {
                first += 2;
            }
            let run = names.run_at(mention.last);
            let name = match run {
                Some(run) if run.kind == EntityKind::Person => names.name_text(doc, run),
                // "the Ministry of Foreign Affairs said": the mention stops at "of", the name does not.
                Some(run) if run.kind == EntityKind::Organisation && run.last > mention.last => {
                    names.name_text(doc, run)
                }
                // "The IMF": the name it stands for, where the article spells it out (not "John
                // Geiger of USGS", a person).
                Some(run) if run.first == first && names.expansion(doc, run).is_some() => names.name_text(doc, run),
                _ => text_of(doc, first, mention.last),
            };
            (Some(name), apposition)
        }
        MentionKind::Nominal => {
            // ("The mayor of London": the role before "of" and a name is the head.)
            let of_name = (mention.first + 2..mention.last)
                .find(|&i| doc.tok_is(i, "of") && !doc.is_capitalized(i - 1) && doc.is_capitalized(mention.last));
            let head_at = of_name.map_or(mention.last, |of| of - 1);
            let head = lower(doc, head_at);
            let entry = LEXICON.entry(&head);
            // "Erdogan's office", "Turkey's foreign ministry": a body that speaks for the one it
            // belongs to, named by its owner's fullest name.
            if OWNERS_VOICES.contains(&&*head) {
                let owner = (mention.first + 2..mention.last)
                    .find(|&i| doc.is_possessive_s(i))
                    .and_then(|s| names.run_at(s - 2).filter(|r| r.last + 2 == s).map(|r| (r, s)));
                if let Some((run, s)) = owner.filter(|(r, _)| r.first >= mention.first) {
                    if let Some(name) = names.speaker_name_of(doc, run) {
                        return (Some(format!("{name}'s {}", text_of(doc, s + 1, mention.last))), apposition);
                    }
                }
            }
            // "The German government announced", "the Iranian foreign ministry": a people's or a
            // country's institution, named so ("German government").
            // ("Syrian state media", "Iranian state television": its media, with or without "the".)
            let country = mention.first + usize::from(doc.tok_is(mention.first, "the"));
            let of_country = country < mention.last
                && doc.is_capitalized(country)
                && {
                    let classes = crate::lang::NAME_WORDS.classes(doc.tok(country));
                    classes.is_demonym() || classes.is_place()
                }
                && (country + 1..=mention.last).all(|i| doc.is_word(i) && !doc.is_capitalized(i))
                && (matches!(
                    &*head,
                    "government" | "ministry" | "embassy" | "military" | "army" | "navy" | "parliament"
                ) || STATE_MEDIA.contains(&&*head) && doc.tok_is(mention.last - 1, "state"));
            if of_country {
                return (Some(text_of(doc, country, mention.last)), apposition);
            }
            // "the government of Samoa executed …. The government said": the state's institution
            // the article named with its country, nearest before.
            let institution = matches!(&*head, "government" | "military" | "army" | "navy" | "parliament");
            if institution && mention.first + 1 == mention.last && doc.lex(mention.first).is_determiner() {
                let named = (mention.first.saturating_sub(400)..mention.first.saturating_sub(2)).rev().find_map(|i| {
                    let run = names.run_at(i + 2).filter(|r| r.first == i + 2)?;
                    let place = (run.first..=run.last).any(|j| crate::lang::NAME_WORDS.is_place(doc.tok(j)));
                    (doc.tok(i).eq_ignore_ascii_case(&head) && doc.tok_is(i + 1, "of") && place).then_some((i, run))
                });
                if let Some((at, run)) = named {
                    let mut name = text_of(doc, at, run.last);
                    if let Some(first) = name.get(..1) {
                        name = first.to_uppercase() + &name[1..];
                    }
                    return (Some(name), apposition);
                }
            }
            // "Donald Trump's campaign", "the Trump team": the candidate's campaign.
            if let Some(campaign) = campaign_in(doc, names, mention.first, mention.last) {
                return (Some(campaign), apposition);
            }
            // "The minister of the economy, Mr. Guajardo Villarreal, argues": the name set
            // beside the description.
            // (A description of one, not of a document: "According to official statements,
            // Trump, now …" names no one.)
            let person = names::is_person_role(&head)
                || !(head.ends_with('s') || WORKS.contains(&&*head) || entry.is_document());
            if let Some(run) = apposed_name(doc, names, mention.last).filter(|_| person) {
                return names.person_of(doc, run);
            }

            // "the WHO's situation report", "Pfizer's study", "the WHO's website": a work or a
            // medium speaks for whose it is.
            if WORKS.contains(&&*head) || entry.is_document() || entry.is_media_head() {
                // (An acronym that is also a word, "WHO", starts no name run: it is named as the
                // article spells it out.)
                let owner = (mention.first + 2..mention.last).filter(|&s| doc.is_possessive_s(s)).find_map(|s| {
                    let at = s - 2;
                    match names.run_at(at) {
                        Some(run) if run.last == at && !is_time_or_place(doc, run) => names.speaker_name_of(doc, run),
                        Some(_) => None,
                        None => names.acronym_name(doc, at),
                    }
                });
                if owner.is_some() {
                    return (owner, apposition);
                }
            }
            if entry.is_media_head() {
                if let Some(run) = names.find_before(mention.first, |r| r.media_premodifier) {
                    return (Some(names.name_text(doc, run)), apposition);
                }
                // "Zero Hedge asked, “…” The website noted": the name that just spoke.
                let short = mention.last - mention.first <= 2 && doc.tok_is(mention.first, "the");
                let source =
                    short.then(|| names.source_before(doc, mention.first, |r| !opening_word(doc, r))).flatten();
                if let Some(run) = source {
                    return (Some(names.name_text(doc, run)), apposition);
                }
                // ("the agency" is a news agency or a government's: the organisations' rules
                // below.)
                if !entry.is_org_word() {
                    return (None, apposition);
                }
            }
            // "the court" after "the Court of Session": the organisation named with that word.
            if entry.is_org_word() && (doc.tok_is(mention.first, "the") || is_bare_body(doc, mention)) {
                // "The city sent a letter" after "The city of Phoenix is demanding": the place
                // the article named so.
                if matches!(&*head, "city" | "town" | "state" | "county" | "province" | "country") {
                    let of_place = (mention.first.saturating_sub(400)..mention.first.saturating_sub(2))
                        .rev()
                        .filter(|&i| doc.tok_is(i, &head) && doc.tok_is(i + 1, "of"))
                        .find_map(|i| names.run_at(i + 2).filter(|r| r.first == i + 2));
                    if let Some(run) = of_place {
                        return (Some(names.name_text(doc, run)), apposition);
                    }
                    // "the 2000 election in Florida, when the state incorrectly stated": the place
                    // named in its sentence or the one before (never the person whose title holds
                    // the word, "Secretary of State Jon Husted").
                    let floor = names::salient_floor_of(doc, mention.first, 1);
                    let place = names.find_before(mention.first, |r| {
                        r.first >= floor
                            && (r.first..=r.last)
                                .all(|i| !doc.is_word(i) || crate::lang::NAME_WORDS.is_place(doc.tok(i)))
                    });
                    return (place.map(|r| names.name_text(doc, r)), apposition);
                }
                // (A word of its kind counts: "the union" is the United Mine Workers of America,
                // "the agency" the Congressional Budget Office; a run of the word alone, "Bank",
                // is no name.)
                let kin: &[&str] = match &*head {
                    "union" => &["union", "workers", "association", "federation", "brotherhood", "guild", "teamsters"],
                    "agency" | "authority" => {
                        &["agency", "authority", "administration", "office", "bureau", "service", "commission"]
                    }
                    // ("The office asked …" after "The United States Embassy in Iraq had suspended …")
                    "office" => &["office", "embassy", "consulate", "ministry", "department", "bureau", "agency"],
                    "embassy" | "consulate" => &["embassy", "consulate", "mission"],
                    "ministry" | "department" => &["ministry", "department", "office"],
                    _ => &[],
                };
                let named = |r: &names::NameRun| {
                    r.kind == EntityKind::Organisation
                        && !(r.first == r.last && doc.tok(r.first).eq_ignore_ascii_case(&head))
                        && (r.first..=r.last).any(|i| {
                            doc.tok(i).eq_ignore_ascii_case(&head)
                                || kin.iter().any(|k| doc.tok(i).eq_ignore_ascii_case(k))
                        })
                };
                if let Some(run) = names.find_before(mention.first, named) {
                    return (Some(names.name_text(doc, run)), apposition);
                }
                // ("Police said" names a body with its word, or none: no other body a recent
                // sentence is about.)
                if is_bare_body(doc, mention) {
                    return (None, apposition);
                }
                // "The bank said" after "Wells Fargo agreed …": the organisation a recent
                // sentence is about, if its name is of no other kind ("The union" is not the
                // Environmental Protection Agency).
                let no_other_kind =
                    |r: &names::NameRun| !(r.first..=r.last).any(|i| doc.is_word(i) && doc.lex(i).is_org_word());
                if let Some(run) = names.organisation_before_where(doc, mention.first, no_other_kind) {
                    return (Some(names.name_text(doc, run)), apposition);
                }
            }
            // "a yearly Gallup poll", "a Pew Research Center study": a document speaks for the
            // organisation that it names.
            // ("Johns Hopkins University data indicated": figures speak for whose they are.)
            let figures = doc.tok_in(mention.last, &["data", "figures", "statistics", "numbers", "tally", "estimates"]);
            if entry.is_document() || figures {
                let inside = (mention.first..mention.last).rev().find_map(|i| {
                    names.run_at(i).filter(|r| {
                        // (a name of one word known as no body's opens a sentence: "Official data")
                        (r.first > mention.first
                            || (figures
                                && r.first == mention.first
                                && (r.kind != EntityKind::Unknown || r.last > r.first)))
                            && r.last < mention.last
                            && !(r.first == r.last && crate::lang::NAME_WORDS.is_demonym(doc.tok(r.first)))
                    })
                });
                if let Some(run) = inside {
                    return (Some(names.name_text(doc, run)), apposition);
                }
            }
            // "The report says" after "a report released by the U.S. PIRG Education Fund": a
            // work speaks for its author, named where the article brought it up.
            // "The researchers reported" after "a report by X": the authors of the study the
            // article brought up.
            let work_head = if matches!(&*head, "researchers" | "authors") { "study" } else { &*head };
            if WORKS.contains(&work_head) && doc.lex(mention.first).is_determiner() {
                // "The transcript of the debate, published by The Washington Post": its maker
                // named right after it.
                let by = (mention.last + 1..doc.tokens().len().min(mention.last + 9))
                    .take_while(|&i| doc.is_word(i) || matches!(doc.tok(i), "–" | "—" | "," | "-"))
                    .find(|&i| doc.tok_in(i, &["by", "from"]));
                let maker = by.and_then(|by| {
                    let name = by + 1 + usize::from(doc.tok_is(by + 1, "the"));
                    // ("from March": a time or a place makes nothing.)
                    names.run_at(name).filter(|r| r.first == name && !is_time_or_place(doc, r))
                });
                if let Some(run) = maker {
                    return (names.speaker_name_of(doc, run), apposition);
                }
                if let Some(author) = work_author(doc, names, work_head, mention.first) {
                    return (Some(author), apposition);
                }
                if work_head == "study" {
                    if let Some(lead) = lead_author(doc, names) {
                        return (Some(lead), apposition);
                    }
                }
                // "Zero Hedge asked, “…” The website noted …", "The State Department Refugee
                // Processing Center said …. According to the data, …": the organisation that spoke
                // in this sentence or the one before.
                // (Not an order or a warning, which an authority issues, not whoever spoke last:
                // "The proclamation" after "according to NBC News".)
                let issued = ISSUED_WORKS.contains(&work_head);
                if let Some(run) =
                    (!issued).then(|| names.source_before(doc, mention.first, |r| !opening_word(doc, r))).flatten()
                {
                    return (names.speaker_name_of(doc, run), apposition);
                }
            }
            // "Its foreign minister" after a sentence about Beijing: the role, named by whose it
            // is ("Beijing's foreign minister"), not a person the article does not name.
            if doc.tok_in(mention.first, &["its", "their"]) && mention.first < mention.last {
                let at = doc.tokens()[mention.first].start();
                let sentence = doc.segments.sentence_of(at);
                let previous = sentence.filter(|&s| s > 0 && doc.segments.sentences[s].start == at).map(|s| s - 1);
                let owner_at = previous.map_or(at, |p| doc.segments.sentences[p].start);
                // The owner is the subject of the sentence before, or of this one up to the mention.
                if let Some(owner) =
                    clause_subject(doc, owner_at, mention.first).filter(|m| m.kind == MentionKind::Name)
                {
                    let mut first = owner.first;
                    if doc.lex(first).is_determiner() {
                        first += 1;
                    }
                    let role = text_of(doc, mention.first + 1, mention.last);
                    return (Some(format!("{}'s {role}", text_of(doc, first, owner.last))), apposition);
                }
                return (None, apposition);
            }
            // "The Republican presidential nominee": the person the article introduced in that
            // role.
            let first_word = mention.first + usize::from(doc.lex(mention.first).is_determiner());
            // (and the place or body after "of": "The mayor of London" is London's)
            let of_words = of_name.map_or(0..0, |of| of + 1..mention.last + 1);
            let modifiers: Vec<String> = (first_word..head_at)
                .chain(of_words)
                .filter(|&i| doc.is_word(i) && !doc.tok_is(i, "the"))
                .map(|i| lower(doc, i).into_owned())
                .collect();
            // (An indefinite description introduces someone: "one third party presidential
            // nominee proposed …" is none of the nominees the article named before.)
            let indefinite = doc.tok_in(mention.first, &["a", "an", "one", "another"]);
            if let Some(run) = names.person_by_role(doc, &head, &modifiers, mention.first).filter(|_| !indefinite) {
                return names.person_of(doc, run);
            }
            // ("The president of Turkey" is no president the article named without Turkey.)
            if of_name.is_some() {
                return (None, apposition);
            }
            // "Mike Pence says …. The Indiana governor said": a definite description of one
            // person that no role of the article matches refers back to the subject of the
            // sentence before it.
            if doc.tok_is(mention.first, "the") && names::is_person_role(&head) && !doc.tok_is(mention.last + 1, "of") {
                if let Some(found) = previous_subject_person(doc, names, mention.first, &head) {
                    return found;
                }
                if let Some(run) = names.subject_person_before(doc, mention.first, names::role_gender(&head)) {
                    return names.person_of(doc, run);
                }
            }
            if entry.is_title() {
                let run = names.find_before(mention.first, |r| {
                    r.kind == EntityKind::Person
                        && r.name_first > r.first
                        && text_of(doc, r.first, r.name_first - 1).to_lowercase().split_whitespace().any(|w| w == head)
                });
                if let Some(run) = run {
                    return names.person_of(doc, run);
                }
            }
            (None, apposition)
        }
        MentionKind::Group => {
            // "Scientists from Tsinghua University", "researchers at the University of Bristol":
            // people of a body the article names speak for it (no place's people: "officials
            // from Iran" are not Iran).
            let from = (mention.first + 1..mention.last).find(|&i| doc.tok_in(i, &["from", "at"]));
            let body = from.and_then(|at| {
                let start = if doc.tok_is(at + 1, "the") { at + 2 } else { at + 1 };
                names
                    .run_at(mention.last)
                    .filter(|r| r.first == start && r.last == mention.last && r.kind == EntityKind::Organisation)
            });
            match body {
                Some(run) if doc.tok_in(mention.first, RESEARCHERS) => (Some(names.name_text(doc, run)), apposition),
                // "the researchers concluded", "scientists found": a research team the article
                // names by its lead.
                None if mention.first == mention.last && doc.tok_in(mention.last, RESEARCH_TEAMS) => {
                    (lead_author(doc, names), apposition)
                }
                _ => (None, apposition),
            }
        }
    }
}

/// The one quoted in "X quoted/cited Y as saying" (`as` is the token of "as"), with the title
/// set off beside the name: "Budi Gunawan, head of the agency,", "the ministry's spokeswoman,
/// Maria Zakharova,", "Foreign Ministry spokeswoman Maria Zakharova". None where a verb stands
/// between ("Jones, who was quoting a colleague, was heard … as saying") or a document is
/// quoted ("cited a statement from the ministry as saying": its maker speaks).
fn quoted_as_saying(doc: &Doc, as_: usize, floor: usize) -> Option<(Mention, Option<String>)> {
    let verb = (floor.max(as_.saturating_sub(14))..as_)
        .rev()
        .find(|&i| doc.tok_in(i, &["quoted", "cited", "quoting", "citing", "quotes", "cites"]))?;
    let finite = |i: usize| doc.tok_in(i, BE_FORMS) || crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i));
    if verb + 1 >= as_ || (verb + 1..as_).any(finite) {
        return None;
    }
    let document = |m: &Mention| m.kind == MentionKind::Nominal && doc.lex(m.last).is_document();
    // A mention, then words set off by commas before "as".
    let comma = (verb + 1..as_.saturating_sub(1)).find(|&i| doc.tok(i) == ",");
    let quoted = match comma {
        Some(comma) if doc.tok_is(as_ - 1, ",") && comma + 1 < as_ - 1 => {
            let first = mention_right(doc, verb + 1, comma).filter(|m| m.last + 1 == comma)?;
            let second = mention_right(doc, comma + 1, as_ - 1).filter(|m| m.last + 2 == as_);
            match second {
                // (a description, then the name: the name speaks, the description is its title)
                Some(name) if first.kind != MentionKind::Name && name.kind == MentionKind::Name => {
                    (name, Some(text_of(doc, first.first, first.last)))
                }
                _ => (first, Some(text_of(doc, comma + 1, as_ - 2))),
            }
        }
        _ => mention_left(doc, as_ - 1, verb + 1)?,
    };
    (!document(&quoted.0)).then_some(quoted)
}

/// The one the article names as a study's lead ("lead author Sally Wasef", "a study led by
/// Björn Benneke", "Naomi Martisius and colleagues", "Maninder Thind, the study's lead author"),
/// in a sentence about research, where it names one, and only one: the name a research team's
/// findings go under.
fn lead_author(doc: &Doc, names: &NameIndex) -> Option<String> {
    let person = |at: usize| {
        names.run_at(at).filter(|r| r.kind == EntityKind::Person || (r.kind == EntityKind::Unknown && r.last > r.first))
    };
    // (a lead word before a role: "lead author", not "First Lady" or "Senior Minister")
    let lead_role = |i: usize| {
        (doc.tok(i).eq_ignore_ascii_case("lead") || doc.tok_in(i, &["first", "senior", "principal"]))
            && doc.tok_in(i + 1, &["author", "researcher", "investigator", "scientist"])
    };
    let research = |at: usize| {
        let Some(sentence) = doc.segments.sentence_of(doc.tokens()[at].start()) else { return false };
        let span = doc.segments.sentences[sentence].clone();
        let (first, last) = (doc.token_at_or_after(span.start), doc.token_at_or_after(span.end));
        (first..last).any(|i| {
            doc.tok_in(
                i,
                &[
                    "study",
                    "studies",
                    "studied",
                    "research",
                    "researchers",
                    "paper",
                    "journal",
                    "published",
                    "findings",
                    "scientists",
                    "author",
                ],
            )
        })
    };
    let leads = names.runs.iter().filter_map(|run| {
        if !matches!(run.kind, EntityKind::Person | EntityKind::Unknown) {
            return None;
        }
        let before = |back: usize| run.first.checked_sub(back);
        // "Lead author Sally Wasef", "lead researcher, Dr. X" (the run may hold the words)
        let titled = (run.first..run.name_first).any(&lead_role)
            || before(2).is_some_and(&lead_role)
            || before(3).is_some_and(|i| doc.tok_is(i + 2, ",") && lead_role(i));
        // "led by X"
        let led = before(2).is_some_and(|i| doc.tok_is(i, "led") && doc.tok_is(i + 1, "by"));
        // "X and colleagues", "X and her colleagues"
        let and = run.last + 1;
        let colleagues = doc.tok_is(and, "and")
            && (doc.tok_in(and + 1, &["colleagues", "co-authors", "coauthors"])
                || (doc.tok_in(and + 1, &["his", "her", "their"]) && doc.tok_is(and + 2, "colleagues")));
        // "X, the study's lead author", "X, lead author of the study"
        let apposed =
            doc.tok_is(run.last + 1, ",") && (run.last + 2..doc.tokens().len().min(run.last + 6)).any(&lead_role);
        ((titled || led || colleagues || apposed) && research(run.first)).then(|| person(run.last)).flatten()
    });
    // (two leads named: no one of them is the team's)
    let mut name = None;
    for run in leads {
        let lead = names.speaker_name_of(doc, run)?;
        if name.as_ref().is_some_and(|n| *n != lead) {
            return None;
        }
        name = Some(lead);
    }
    name
}

/// "Time magazine", "the Guardian newspaper": a mention of capitalized words and then the
/// kind of outlet they name, in lower case; where the outlet's name starts.
fn outlet_of_kind(doc: &Doc, mention: &Mention) -> Option<usize> {
    let from = mention.first + usize::from(doc.lex(mention.first).is_determiner());
    let kind = mention.last;
    (mention.kind != MentionKind::Pronoun
        && from < kind
        && !doc.is_capitalized(kind)
        && doc.lex(kind).is_media_head()
        && (from..kind).all(|i| doc.is_word(i) && doc.is_capitalized(i)))
    .then_some(from)
}

/// Words of a research team, which a study's lead speaks for: [`RESEARCHERS`] but experts and
/// engineers (no study's team), and with a study's authors.
const RESEARCH_TEAMS: &[&str] = &["scientists", "researchers", "astronomers", "team", "authors"];

/// People whose findings speak for the body they are of.
pub(crate) const RESEARCHERS: &[&str] = &["scientists", "researchers", "experts", "astronomers", "engineers", "team"];

/// What "it" at token `idx` refers to when no organisation's name is a recent subject: a
/// description of an organisation, a medium or a work that is the subject of its sentence or the
/// one before ("The city sent a letter. It says …"), resolved as such a description is.
fn it_description(doc: &Doc, names: &NameIndex, idx: usize) -> Option<String> {
    let at = doc.tokens()[idx].start();
    let sentence = doc.segments.sentence_of(at)?;
    for back in 0..=1.min(sentence) {
        let start = doc.segments.sentences[sentence - back].start;
        let before = if back == 0 { idx } else { doc.sentence_tokens(sentence - back).end };
        let Some(subject) = clause_subject(doc, start, before) else { continue };
        if subject.kind != MentionKind::Nominal || subject.last >= idx {
            continue;
        }
        let entry = LEXICON.entry(&lower(doc, subject.last));
        let campaign = doc.tok_in(subject.last, &["campaign", "team", "camp"]);
        if entry.is_org_word() || entry.is_media_head() || entry.is_document() || campaign {
            return resolve(doc, names, subject, None).0;
        }
    }
    None
}

/// Words for one kind of work: "The study found" after "a Reuters survey", "The clip says" after
/// "a web video by the RNC".
const WORK_FAMILIES: &[&[&str]] = &[
    &["study", "report", "survey", "analysis", "poll", "audit", "review"],
    &["ad", "spot", "clip", "video", "commercial", "film", "documentary"],
    &["book", "memoir"],
    &["piece", "article", "story", "feature", "column", "editorial", "essay", "op-ed"],
    &["website", "site", "blog"],
    &["ruling", "decision", "opinion"],
    &["complaint", "lawsuit", "filing", "suit"],
];

/// The words for the kind of work `head` is (none when it is of no family). "The data", "the
/// findings" are a study's, "its polling" a poll's; "data from the CDC" is no study the CDC made.
fn work_family(head: &str) -> &'static [&'static str] {
    let head = match head {
        "data" | "findings" | "research" => "study",
        "polling" => "poll",
        head => head,
    };
    WORK_FAMILIES.iter().copied().find(|family| family.contains(&head)).unwrap_or(&[])
}

/// Works that speak for whoever made them: "the report", "the study", "the ruling".
const WORKS: &[&str] = &[
    "report",
    "study",
    "survey",
    "poll",
    "polling",
    "analysis",
    "data",
    "book",
    "memoir",
    "ruling",
    "decision",
    "article",
    "piece",
    "story",
    "column",
    "editorial",
    "clip",
    "film",
    "documentary",
    "ad",
    "video",
    "complaint",
    "lawsuit",
    "filing",
    "memo",
    "letter",
    "statement",
    "transcript",
    "website",
    "review",
    "audit",
    "investigation",
    "proclamation",
    "order",
    "declaration",
    "directive",
    "warning",
    "warnings",
    "alert",
    "advisory",
    "notice",
];

/// The works of [`WORKS`] that an authority issues: named by their maker only.
const ISSUED_WORKS: &[&str] =
    &["proclamation", "order", "declaration", "directive", "warning", "warnings", "alert", "advisory", "notice"];

/// Verbs that make their subject the author of the work they take.
const MAKES_WORK: &[&str] = &[
    "released",
    "published",
    "issued",
    "conducted",
    "commissioned",
    "produced",
    "wrote",
    "filed",
    "aired",
    "unveiled",
    "launched",
    "posted",
    "ran",
    "signed",
    "signs",
    "releases",
    "publishes",
    "issues",
    "writes",
    "files",
    "airs",
];

/// The author of the work with head word `head` that a description at token `idx` refers to:
/// where the article brought that work up (its last mention before, in a form of the same word),
/// the one it was "by" or "from" ("a report released Tuesday by the U.S. PIRG Education Fund"),
/// the name before it ("the Times article", "Mariano's book"), or the subject that released,
/// published or wrote it ("The Post published an article …").
fn work_author(doc: &Doc, names: &NameIndex, head: &str, idx: usize) -> Option<String> {
    let is_word = |i: usize, head: &str| {
        // (The token's length first: it is in its bounds, and rules out most tokens.)
        if doc.tokens()[i].span().len().wrapping_sub(head.len()) > 1 {
            return false;
        }
        let word = doc.tok(i);
        word.eq_ignore_ascii_case(head)
            || (word.len() == head.len() + 1 && word.ends_with('s') && word[..head.len()].eq_ignore_ascii_case(head))
    };
    // The work in the same word first, anywhere in the article's last 600 tokens; then one in a
    // word of its kind, nearer ("a recent Reuters survey …. The study found").
    let earliest = idx.saturating_sub(600);
    for at in (earliest..idx).rev().filter(|&i| doc.is_word(i) && is_word(i, head)) {
        if let Some(author) = author_of_work_at(doc, names, at) {
            return author;
        }
    }
    let family = work_family(head);
    let near = idx.saturating_sub(150);
    // (in lower case: "Nature's Scientific Reports" is a journal's name)
    let kin = |i: usize| !doc.is_capitalized(i) && !is_word(i, head) && family.iter().any(|kin| is_word(i, kin));
    for at in (near..idx).rev().filter(|&i| doc.is_word(i) && kin(i)) {
        if let Some(author) = author_of_work_at(doc, names, at) {
            return author;
        }
    }
    None
}

/// Bodies and people that speak for the one they belong to ("Erdogan's office", "Trump's
/// lawyers"), named by their owner's fullest name.
const OWNERS_VOICES: &[&str] = &[
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "embassy",
    "government",
    "administration",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
];

/// The author of the work whose word is token `at`, where the words around it say ("a report
/// by X", "Mariano's book", "The Post published an article"): `Some(None)` where they name
/// something that is no author (a day, a place), `None` where they say nothing.
fn author_of_work_at(doc: &Doc, names: &NameIndex, at: usize) -> Option<Option<String>> {
    // (A day, a month or a place is no author: "a study in March", "the Alaska study".)
    let named = |run: &names::NameRun| (!is_time_or_place(doc, run)).then(|| names.speaker_name_of(doc, run)).flatten();
    // "by X", "from X" shortly after, within the clause.
    for next in at + 1..doc.tokens().len().min(at + 9) {
        if !doc.is_word(next) && !doc.tok_is(next, "-") {
            break;
        }
        if doc.tok_in(next, &["by", "from"]) {
            let name = next + 1 + usize::from(doc.tok_is(next + 1, "the"));
            if let Some(run) = names.run_at(name).filter(|r| r.first == name) {
                // "a statement released by Erdogan's office": the office of the one named.
                let owned = doc.is_possessive_s(run.last + 2) && doc.tok_in(run.last + 3, OWNERS_VOICES);
                if owned {
                    return Some(named(run).map(|owner| format!("{owner}'s {}", doc.tok(run.last + 3))));
                }
                return Some(named(run));
            }
            break;
        }
    }
    // "the Times article", "Mariano's new book": a name before it, past up to two words.
    let mut before = at;
    for _ in 0..3 {
        let Some(prev) = before.checked_sub(1) else { break };
        if let Some(run) = names.run_at(prev).filter(|r| r.last == prev && !opening_word(doc, r)) {
            return Some(named(run));
        }
        if prev >= 2 && doc.is_possessive_s(prev) {
            if let Some(run) = names.run_at(prev - 2) {
                return Some(named(run));
            }
        }
        if !doc.is_word(prev) || doc.lex(prev).is_determiner() || doc.lex(prev).is_preposition() {
            break;
        }
        before = prev;
    }
    // "Trump, in a statement delivered via the press secretary, announced": the subject of
    // the sentence that speaks in it.
    let in_it = at >= 2 && doc.tok_in(at - 2, &["in", "via"]) && doc.lex(at - 1).is_determiner();
    if in_it {
        let start = doc.tokens()[at].start();
        if let Some(subject) = clause_subject(doc, start, at.saturating_sub(2)).filter(|m| m.kind == MentionKind::Name)
        {
            if let Some(run) = names.run_at(subject.last) {
                return Some(named(run));
            }
        }
    }
    // "The Post published an article": the subject that made it.
    let start = doc.tokens()[at].start();
    let made = (at.saturating_sub(6)..at).rev().find(|&i| MAKES_WORK.iter().any(|w| doc.tok_is(i, w)));
    if let Some(verb) = made {
        // "The Washington Post ran a feature": the name right before the verb.
        let mut before = verb;
        while before > 0 && doc.lex(before - 1).is_adverb() && !doc.is_capitalized(before - 1) {
            before -= 1;
        }
        if let Some(run) = before.checked_sub(1).and_then(|b| names.run_at(b).filter(|r| r.last == b)) {
            return Some(named(run));
        }
        if let Some(subject) = clause_subject(doc, start, at).filter(|m| m.kind == MentionKind::Name) {
            if let Some(run) = names.run_at(subject.last) {
                return Some(named(run));
            }
        }
    }
    None
}

/// The person that the subject of one of the two sentences before token `idx` (in its paragraph
/// or the one before) names, resolved to the fullest name and title; a pronoun subject to the
/// person it refers to. A role word of one gender ("spokeswoman") skips a person the article
/// gives the other.
fn previous_subject_person(
    doc: &Doc,
    names: &NameIndex,
    idx: usize,
    head: &str,
) -> Option<(Option<String>, Option<String>)> {
    previous_subject_person_within(doc, names, idx, head, 3)
}

/// [`previous_subject_person`], following a chain of such descriptions back `depth` steps ("Mike
/// Pence says …. The Republican vice presidential nominee was speaking …. The Indiana governor
/// said …").
fn previous_subject_person_within(
    doc: &Doc,
    names: &NameIndex,
    idx: usize,
    head: &str,
    depth: usize,
) -> Option<(Option<String>, Option<String>)> {
    let at = doc.tokens()[idx].start();
    let sentence = doc.segments.sentence_of(at)?;
    let paragraph = doc.segments.paragraph_of(at)?;
    let wanted = names::role_gender(head);
    for back in 1..=2.min(sentence) {
        let earlier = doc.segments.sentences[sentence - back].clone();
        if doc.segments.paragraph_of(earlier.start).is_none_or(|p| p + 1 < paragraph) {
            break;
        }
        let tokens = doc.sentence_tokens(sentence - back);
        let Some(subject) = clause_subject(doc, earlier.start, tokens.end) else { continue };
        // The subject before is itself a description of one person: the person it refers to.
        if subject.kind == MentionKind::Nominal && depth > 1 && doc.tok_is(subject.first, "the") {
            let before = lower(doc, subject.last);
            // "The father said …. The mother said": a description of the other gender is another
            // person.
            let other = wanted.zip(names::role_gender(&before)).is_some_and(|(a, b)| a != b);
            if names::is_person_role(&before) && !other {
                if let Some(found) = previous_subject_person_within(doc, names, subject.first, &before, depth - 1) {
                    return Some(found);
                }
            }
            continue;
        }
        let run = match subject.kind {
            MentionKind::Name => names.run_at(subject.last).filter(|r| r.kind == EntityKind::Person),
            MentionKind::Pronoun => match &*lower(doc, subject.first) {
                "he" => names.person_before_of(doc, subject.first, names::Gender::Male),
                "she" => names.person_before_of(doc, subject.first, names::Gender::Female),
                _ => None,
            },
            _ => None,
        };
        let Some(run) = run else { continue };
        if wanted.is_some_and(|g| names.known_gender(doc, run).is_some_and(|known| known != g)) {
            continue;
        }
        return Some(names.person_of(doc, run));
    }
    None
}

/// What kind of speaker a mention names and the gender the article gives it: a pronoun by its
/// own word ("she"), a name by what the article says of it (its run's kind; honorifics, role words
/// and the pronouns used of that person), a nominal by its head ("spokeswoman", "the company",
/// "officials"). Never from a first name.
pub(crate) fn speaker_profile(doc: &Doc, names: &NameIndex, mention: Mention) -> (SpeakerType, Option<Gender>) {
    let head = lower(doc, mention.last);
    let person_gender = |family: &str| names.gender(family);
    match mention.kind {
        MentionKind::Pronoun => match &*head {
            "he" => (SpeakerType::Person, Some(Gender::Male)),
            "she" => (SpeakerType::Person, Some(Gender::Female)),
            "i" => (SpeakerType::Person, None),
            "it" => (SpeakerType::Organisation, None),
            "they" | "we" => (SpeakerType::Group, None),
            _ => match names.run_at(mention.first.saturating_sub(2)) {
                Some(run) if run.kind == EntityKind::Person => (SpeakerType::Person, person_gender(doc.tok(run.last))),
                Some(run) if run.kind == EntityKind::Organisation => (SpeakerType::Organisation, None),
                _ => (SpeakerType::Unknown, None),
            },
        },
        MentionKind::Group => (SpeakerType::Group, None),
        MentionKind::Name => {
            let family = doc.tok(mention.last);
            if names.has_person(family) {
                return (SpeakerType::Person, person_gender(family));
            }
            match names.run_at(mention.last).map(|r| r.kind) {
                Some(EntityKind::Person) => (SpeakerType::Person, person_gender(family)),
                Some(EntityKind::Organisation) => (SpeakerType::Organisation, None),
                _ => (SpeakerType::Unknown, None),
            }
        }
        MentionKind::Nominal => {
            let entry = LEXICON.entry(&head);
            if names::is_person_role(&head) {
                (SpeakerType::Person, names::role_gender(&head))
            } else if entry.is_group() || doc.lex(mention.first).is_quantifier() {
                (SpeakerType::Group, None)
            } else if entry.is_org_word() || entry.is_media_head() || entry.is_document() {
                (SpeakerType::Organisation, None)
            } else {
                (SpeakerType::Unknown, None)
            }
        }
    }
}

/// Turns the quoted spans of one article into statements with their speakers.
pub fn attribute(doc: &Doc, names: &NameIndex, candidates: Vec<Candidate>) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    // The attribution of the last row, with the cue it used, for interruptions and floating quotes.
    let mut last: Option<(Attribution, usize)> = None;
    for (idx, candidate) in candidates.iter().enumerate() {
        let outer = candidate.outer();
        // A later fragment of a mixed statement's clause is part of that statement.
        if let Some(q) = quotes.last_mut().filter(|q| q.kind == QuoteType::Mixed && q.span.contains(&outer.start)) {
            q.span.end = q.span.end.max(outer.end);
            q.parts = vec![q.span.clone()];
            continue;
        }
        let para_start = doc.paragraph_start(outer.start);
        let para_end = doc.paragraph_end(outer.end.saturating_sub(1));
        // (A work's title in quote marks after "of" is no statement that ends a clause: "Akhil
        // Amar, … author of ''America's Unwritten Constitution,'' put it, ''…''".)
        // (its comma inside the marks: the apposition goes on to the cue)
        let titled = |c: &Candidate| {
            let open = doc.token_at_or_after(c.marked.outer.start);
            let inside = doc.text()[c.marked.outer.clone()].trim_end_matches(['\'', '"', '’', '”']);
            c.n_words <= 8 && open > 0 && doc.tok_in(open - 1, &["of", "titled", "entitled"]) && inside.ends_with(',')
        };
        let previous_end = candidates[..idx].iter().rev().find(|c| !titled(c)).map_or(0, |c| c.marked.outer.end);
        let next_start = candidates.get(idx + 1).map_or(doc.text().len(), |c| c.marked.outer.start);
        let floor_at = para_start.max(previous_end).max(doc.sentence_start(outer.start));
        let limit_at = para_end.min(next_start);
        let previous_in_sentence = last
            .as_ref()
            .filter(|(_, q)| {
                doc.segments.sentence_of(quotes[*q].span.end.saturating_sub(1)) == doc.segments.sentence_of(outer.start)
            })
            .map(|(a, _)| a);
        // The end of the last statement when it is in this paragraph: a clause starts after it.
        let statement_floor = last
            .as_ref()
            .map(|(_, q)| quotes[*q].span.end)
            .filter(|&end| end >= para_start && end <= outer.start)
            .unwrap_or(0);

        // An interruption: “A,” X said, “B.” or “A,” X said. “B.” — nothing but the previous
        // quote's attribution stands between the two parts, so they are one statement.
        if let Some((previous, quote_idx)) = &last {
            if previous.rule == "after" && continues_statement(doc, &quotes[*quote_idx], previous, candidate) {
                let quote = &mut quotes[*quote_idx];
                quote.span.end = outer.end;
                quote.parts.push(outer);
                continue;
            }
        }

        // "a plan called “Build Back Better”", "the group known as “the Squad”": a name that a
        // naming word gives a thing is nobody's statement.
        if is_named_term(doc, candidate) {
            continue;
        }
        let attribution = if candidate.ends_with_comma {
            after_pattern(doc, candidate, limit_at)
                .or_else(|| before_pattern(doc, candidate, floor_at, previous_in_sentence, statement_floor))
        } else {
            before_pattern(doc, candidate, floor_at, previous_in_sentence, statement_floor)
                .or_else(|| after_pattern(doc, candidate, limit_at))
        }
        .or_else(|| signature_pattern(doc, candidate))
        .or_else(|| colon_pattern(doc, candidate))
        .or_else(|| previous_sentence_speaker(doc, candidate));

        let attribution = match attribution {
            Some(a) => a,
            None => {
                // Floating: the previous statement's speaker, when it was in this paragraph or the
                // one before and this quote is a statement of its own.
                // A quote that starts its sentence, or follows the previous one with only "and" or
                // "or" between them ("“A” and “B”"), is the previous speaker's.
                let joined = last.as_ref().is_some_and(|(_, q)| {
                    let between = doc.token_at_or_after(quotes[*q].span.end)..doc.token_at_or_after(outer.start);
                    !between.is_empty() && between.clone().all(|i| matches!(doc.tok(i), "and" | "or" | ","))
                });
                let starts_sentence = doc.sentence_start(outer.start) == outer.start || joined;
                // The last statement, when it was in this paragraph or the one before.
                let recent = last
                    .as_ref()
                    .filter(|(_, q)| {
                        let prev_para = doc.segments.paragraph_of(quotes[*q].span.start);
                        let this_para = doc.segments.paragraph_of(outer.start);
                        matches!((prev_para, this_para), (Some(p), Some(t)) if t <= p + 1)
                    })
                    .map(|(a, _)| a);
                let inherited = recent.filter(|_| starts_sentence);
                if is_title_case(doc, &candidate.marked.inner) {
                    continue;
                }
                // "“Boots on the ground” would be appropriate, Carson said.": a fragment whose
                // sentence goes on and names its speaker later is the start of a mixed statement.
                let reported_later = (starts_sentence && !candidate.ends_sentence && !candidate.ends_with_comma)
                    .then(|| later_cue(doc, candidate, limit_at))
                    .flatten()
                    .filter(|a| a.cue.is_some_and(|c| doc.tokens()[c.0].start() > outer.end));
                if let Some(later) = reported_later.filter(|_| mixed_end(doc, &outer) > outer.end) {
                    Attribution { kind: QuoteType::Mixed, mixed_start: Some(outer.start), ..later }
                } else {
                    match inherited {
                        Some(previous) if candidate.n_words >= 3 && previous.speaker.is_some() => Attribution {
                            rule: "floating",
                            kind: QuoteType::Direct,
                            mixed_start: None,
                            ..previous.clone()
                        },
                        _ if candidate.n_words >= 6 && !candidate.starts_lower => later_cue(doc, candidate, limit_at)
                            .or_else(|| sentence_subject(doc, candidate))
                            .unwrap_or(Attribution::direct(None, None, None, "none")),
                        _ if starts_sentence => match fragment_subject(doc, candidate) {
                            Some(attribution) => attribution,
                            None => continue,
                        },
                        _ => match claim_owner(doc, candidate)
                            .or_else(|| fragment_subject(doc, candidate))
                            .or_else(|| fragment_in_sentence(doc, candidate, floor_at))
                        {
                            Some(attribution) => attribution,
                            None => match recent.filter(|previous| previous.speaker.is_some()) {
                                // A fragment in mid-sentence with no speaker in its sentence, in the
                                // paragraph of a statement or the one after: that speaker's words,
                                // a labelled term included (the reporter quotes the source's term).
                                Some(previous) => Attribution {
                                    rule: "previous-speaker",
                                    kind: QuoteType::Mixed,
                                    mixed_start: Some(outer.start),
                                    ..previous.clone()
                                },
                                None => continue,
                            },
                        },
                    }
                }
            }
        };
        // "Voters “think this guy is not worried,” he said.": a fragment whose clause opened
        // before it is a mixed statement from the clause's start.
        let mut attribution = attribution;
        if attribution.rule == "after" && candidate.starts_lower {
            let first = doc.token_at_or_after(floor_at);
            let open = doc.token_at_or_after(outer.start);
            let words = (first..open).filter(|&i| doc.is_word(i)).count();
            if (1..=15).contains(&words) && (first..open).all(|i| cue_at(doc, i).is_none() && doc.tok(i) != ":") {
                attribution.kind = QuoteType::Mixed;
                attribution.mixed_start = Some(doc.tokens()[first].start());
            }
        }
        // A short quote attributed only by a cue far before it in the sentence is a term the
        // reporter quotes, unless it is a fragment of the reported clause (a mixed row).
        let detector = if candidate.marked.unclosed { "direct-unclosed" } else { "direct" };
        let (span, kind) = match attribution.mixed_start {
            // A fragment that closes on a comma ("“good,”") closes its clause too.
            Some(start) if candidate.ends_with_comma => (start..outer.end, QuoteType::Mixed),
            Some(start) => (start..mixed_end(doc, &outer), QuoteType::Mixed),
            None => (outer.clone(), attribution.kind),
        };
        let (speaker_name, speaker_title) = match attribution.speaker {
            Some(m) => resolve(doc, names, m, attribution.apposition.as_deref()),
            None => (None, None),
        };
        let (speaker_type, speaker_gender) = match attribution.speaker.map(|m| speaker_profile(doc, names, m)) {
            Some((kind, gender)) => (Some(kind), gender),
            None => (None, None),
        };
        let rule =
            Rule { detector: if kind == QuoteType::Mixed { "mixed" } else { detector }, attribution: attribution.rule };
        quotes.push(Quote {
            parts: vec![span.clone()],
            span,
            kind,
            cue: attribution.cue.map(|(a, b)| doc.span_of(a, b)),
            speaker: attribution.speaker.map(|m| doc.span_of(m.first, m.last)),
            speaker_name,
            speaker_title,
            speaker_type,
            speaker_gender,
            rule,
            said_on: None,
        });
        last = Some((attribution, quotes.len() - 1));
    }
    quotes
}
