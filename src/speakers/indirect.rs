//! Reported speech without quote marks: "Lavrov said (that) CLAUSE", "CLAUSE, officials said",
//! "according to X, CLAUSE", "X called for NP".
//!
//! Constructions, each a rule named in the `rule` column (`mixed/…` instead of `indirect/…` when
//! the content holds a quoted fragment no quote-mark rule claimed):
//! - `subject-cue`: SPEAKER CUE \[object\] \[that\] CLAUSE — the content runs from after the cue (and
//!   the object of "told", "assured") to the end of the reported clause: the sentence's end, or
//!   before ", while …", ", but …", ", and he …", "and said …" or ";".
//! - `clause-cue`: CLAUSE, SPEAKER CUE. / CLAUSE, CUE SPEAKER. — the content is the sentence up to
//!   the comma.
//! - `interrupted`: PART, SPEAKER CUE, PART. — one row over both parts (`quote_parts` lists them).
//! - `according-to`: According to X, CLAUSE. / CLAUSE, according to X.
//! - `asked`: (When) asked whether/why/… CLAUSE, X … — the question put, to its clause's end.
//!
//! Cues, by the lists of `src/lang/en/words.txt`: speech (reporting: say, tell, warn, call for,
//! describe … as), belief, intention and evidence (thought: think, want, expect, show, find) and
//! positions taken (stance: criticize, endorse, oppose, blame; with a plain object only when
//! the reason is given: "criticized the court for …"); some report only with a particle
//! ("spoke about", "pointed to").
//! Not a report: a cue inside quote marks ("as I said") or inside a statement already found, a
//! passive ("was questioned about"), a gerund after "of"/"without" ("short of endorsing"). A
//! statement never overlaps another.

use super::names::NameIndex;
use super::{
    according_to_source, clause_subject, cue_at, cue_lemma, cue_subject, mention_right, participle_subject, resolve,
    skip_adverbs_right, Mention, MentionKind,
};
use crate::doc::Doc;
use crate::lang::en::ENGLISH;
use crate::model::{Quote, QuoteType, Rule, Span};

/// "called him a liar", "called Trump “dangerous”": a personal pronoun or a name, then the word
/// of what they were called (not a time or place: "called Trump on Friday").
fn calls_someone_something(doc: &Doc, cue: (usize, usize)) -> bool {
    let object = cue.1 + 1;
    if object + 1 >= doc.tokens().len() {
        return false;
    }
    let pronoun = matches!(doc.tok(object), "him" | "her" | "them" | "it" | "himself" | "herself" | "themselves");
    let name = doc.is_capitalized(object) && !doc.lex(object).is_not_name();
    let after = if name {
        (object + 1..doc.tokens().len()).find(|&i| !doc.is_capitalized(i)).unwrap_or(doc.tokens().len())
    } else {
        object + 1
    };
    (pronoun || name)
        && after < doc.tokens().len()
        && !doc.is_capitalized(after)
        && (doc.is_word(after) || matches!(doc.tok(after), "“" | "\""))
        && !doc.lex(after).is_preposition()
        && !doc.lex(after).is_time_word()
        && !matches!(doc.tok(after), "and" | "or" | "but" | "to" | "back")
}

fn is_reporting(doc: &Doc, cue: (usize, usize)) -> bool {
    if doc.tok(cue.0).eq_ignore_ascii_case("according") {
        return true;
    }
    let entry = doc.lex(cue.0);
    // Every cue form has a lemma.
    if !entry.is_cue_any_case() {
        return false;
    }
    // "the proposed end point", "an alleged plot", "the number of confirmed deaths": a participle
    // after a determiner or a preposition is an adjective, no report.
    if cue.0 > 0
        && cue.0 == cue.1
        && doc.tok(cue.0).ends_with("ed")
        && (doc.lex(cue.0 - 1).is_determiner()
            || doc.tok_in(cue.0 - 1, &["of", "with", "for", "in", "on", "at", "from", "about", "into", "among"]))
    {
        return false;
    }
    // "several alleged accomplices": a participle between a quantifier and its noun.
    if cue.0 > 0 && cue.0 == cue.1 && doc.tok(cue.0).ends_with("ed") && doc.lex(cue.0 - 1).is_quantifier() {
        let noun_after = doc.is_word(cue.1 + 1)
            && !doc.is_capitalized(cue.1 + 1)
            && !doc.lex(cue.1 + 1).is_determiner()
            && !doc.lex(cue.1 + 1).is_pronoun()
            && !doc.lex(cue.1 + 1).is_preposition()
            && !doc.tok_in(cue.1 + 1, &["that", "to", "this", "these", "those"]);
        if noun_after {
            return false;
        }
    }
    // "follows rocket attacks on the embassy", "after missile strikes": a plural noun after a
    // noun that a preposition or a verb in "-s" comes before.
    if cue.0 == cue.1 && cue.0 >= 2 && doc.tok(cue.0).ends_with('s') {
        let (noun, before) = (cue.0 - 1, cue.0 - 2);
        let verb_in_s = doc.tok(before).ends_with('s')
            && !doc.tok(before).ends_with("ss")
            && !doc.lex(before).is_determiner()
            && !doc.lex(before).is_pronoun()
            && !doc.lex(before).is_quantifier()
            && !doc.lex(before).is_adverb()
            && !doc.lex(before).is_group()
            && !doc.tok_in(before, &["was", "is", "has", "does", "s", "as", "this", "its", "his", "us"]);
        let compound = doc.is_word(noun)
            && !doc.is_capitalized(noun)
            && !doc.tok_in(noun, &["and", "or", "but", "nor", "then"])
            && !doc.lex(noun).is_pronoun()
            && !doc.lex(noun).is_determiner()
            && !doc.lex(noun).is_adverb()
            && !doc.lex(noun).is_group()
            && doc.is_word(before)
            && !doc.is_capitalized(before)
            && (doc.tok_in(before, &["after", "amid", "against", "despite", "following", "from", "by", "of", "with"])
                || verb_in_s);
        if compound {
            return false;
        }
    }
    // "a think tank": a noun; "write-ins", "open-source": a word joined by a hyphen.
    if doc.tok_is(cue.0, "think") && doc.tok_in(cue.1 + 1, &["tank", "tanks"]) {
        return false;
    }
    if doc.tok_is(cue.1 + 1, "-") && doc.touches_next(cue.1) {
        return false;
    }
    // "a much-criticized ride", "a long-promised plan": a participle joined to the word before it
    // is an adjective.
    if cue.0 >= 2 && doc.tok_is(cue.0 - 1, "-") && doc.touches_next(cue.0 - 2) && doc.touches_next(cue.0 - 1) {
        return false;
    }
    // "called" reports only as "called for" or "called on"; "asked" only with what was asked.
    // "stopped short of endorsing", "without saying": a gerund after these is no report made.
    if doc.tok(cue.0).ends_with("ing") {
        let mut before = cue.0;
        while before > 0 && doc.lex(before - 1).is_adverb() {
            before -= 1;
        }
        if before > 0 && doc.tok_in(before - 1, &["of", "without", "from", "against"]) {
            return false;
        }
        // "… before questioning the effectiveness of the proposal": a stance taken in passing,
        // told as what the speaker did next, not a statement of its own.
        let stance = cue_lemma(doc, cue).is_some_and(|l| ENGLISH.stance.contains(&l));
        if stance && before > 0 && doc.tok_in(before - 1, &["before", "after", "while", "when", "by"]) {
            return false;
        }
    }
    // "show" is a noun ("the show") but after a plural subject ("Polls show …", "…, records
    // show.") or before "that".
    if doc.tok(cue.0) == "show" {
        let plural_before = cue.0 > 0
            && doc.is_word(cue.0 - 1)
            && !doc.is_capitalized(cue.0 - 1)
            && doc.tok(cue.0 - 1).ends_with('s')
            && !doc.lex(cue.0 - 1).is_determiner()
            && !doc.lex(cue.0 - 1).is_not_name();
        return plural_before || doc.tok_is(cue.1 + 1, "that");
    }
    if !entry.is_particular() {
        return entry.reports();
    }
    let Some(lemma) = cue_lemma(doc, cue) else { return false };
    // "agreed that …" reports a position; "agreed to provide …" an act.
    if lemma == "agree" {
        return doc.tok_is(cue.1 + 1, "that");
    }
    let particles = ENGLISH.particle_of(lemma);
    // "Sanders called him divisive": calling someone something is a judgement reported.
    if lemma == "call" && calls_someone_something(doc, cue) {
        return true;
    }
    if !particles.is_empty() {
        return particles.iter().any(|p| doc.tok_is(cue.1 + 1, p));
    }
    entry.reports()
}

/// The last token of a sentence's content (`end` is one past its last token): before its closing
/// punctuation.
fn content_end(doc: &Doc, sentence: &Span, end: usize) -> usize {
    let mut last = end.saturating_sub(1);
    while last > 0 && !doc.is_word(last) && doc.tokens()[last].start() >= sentence.start {
        last -= 1;
    }
    last
}

/// Spans sorted by start with the running maximum of their ends: a binary search answers "does
/// anything here overlap this span", so an article with a million quotes stays linear.
struct SpanSet {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanSet {
    fn new(spans: impl Iterator<Item = Span>) -> SpanSet {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_by_key(|t| (t.start, t.end));
        let max_end = spans
            .iter()
            .scan(0, |running, t| {
                *running = t.end.max(*running);
                Some(*running)
            })
            .collect();
        SpanSet { spans, max_end }
    }

    fn overlaps(&self, span: &Span) -> bool {
        let before = self.spans.partition_point(|t| t.start < span.end);
        before > 0 && self.max_end[before - 1] > span.start
    }
}

/// Finds the indirect statements of an article. `rows` are the statements the quote-mark rules
/// found; `quoted` every span between quote marks. A cue inside either is not a report. Content
/// never overlaps a row; content that holds a quoted fragment no row claimed (“…described the
/// plan as “insane” on Friday”) is a `mixed` statement.
pub fn find_indirect(
    doc: &Doc,
    names: &NameIndex,
    rows: &[Span],
    quoted: &[Span],
    used_cues: &[Span],
    turns: &super::interview::Turns,
) -> Vec<Quote> {
    let rows = SpanSet::new(rows.iter().cloned());
    let quoted = SpanSet::new(quoted.iter().cloned());
    let overlaps_taken = |span: &Span| rows.overlaps(span);
    let mut found: Vec<Quote> = Vec::new();
    for (sentence, tokens) in doc.sentences() {
        let (first, end) = (tokens.start, tokens.end);
        // (An interview's turn is an answer or a question as a whole.)
        if first >= end || turns.holds(sentence.start) {
            continue;
        }
        // (asked once a cue is found: most sentences hold none)
        let mut editors_note = None;
        // Most sentences hold no cue: the end of the content is found at the first.
        let mut content_last = None;
        let mut idx = first;
        while idx < end {
            // Most tokens start no cue: the entries are scanned for the next that may.
            let Some(skip) = doc.entries()[idx..end].iter().position(|e| e.may_start_cue()) else { break };
            idx += skip;
            let Some(cue) = cue_at(doc, idx).filter(|&c| is_reporting(doc, c)) else {
                idx += 1;
                continue;
            };
            if modifies_noun(doc, cue, first, end) || is_gerund_noun(doc, cue, first) {
                idx = cue.1 + 1;
                continue;
            }
            let editorial = || in_editors_note(doc, sentence.start) || super::in_caption(doc, sentence.start);
            if *editors_note.get_or_insert_with(editorial) {
                break;
            }
            let last = *content_last.get_or_insert_with(|| content_end(doc, sentence, end));
            let cue_span = doc.span_of(cue.0, cue.1);
            if overlaps_taken(&cue_span)
                || quoted.overlaps(&cue_span)
                || used_cues.binary_search_by_key(&cue_span.start, |c| c.start).is_ok()
            {
                idx = cue.1 + 1;
                continue;
            }
            let matched = match_cue(doc, cue, first, end, last);
            match matched {
                Some((content, speaker, apposition, rule, parts))
                    if !overlaps_taken(&content) && found.last().is_none_or(|q| q.span.end <= content.start) =>
                {
                    let (speaker_name, speaker_title) = resolve(doc, names, speaker, apposition.as_deref());
                    let (speaker_type, speaker_gender) = super::speaker_profile(doc, names, speaker);
                    let (kind, family) = if quoted.overlaps(&content) {
                        (QuoteType::Mixed, "mixed")
                    } else {
                        (QuoteType::Indirect, "indirect")
                    };
                    found.push(Quote {
                        parts,
                        span: content.clone(),
                        kind,
                        cue: Some(cue_span),
                        speaker: Some(doc.span_of(speaker.first, speaker.last)),
                        speaker_name,
                        speaker_title,
                        speaker_type: Some(speaker_type),
                        speaker_gender,
                        rule: Rule { detector: family, attribution: rule },
                        said_on: None,
                    });
                    // Cues inside the content report what was reported; they make no row.
                    idx = doc.token_at_or_after(content.end).max(cue.1 + 1);
                }
                _ => idx = cue.1 + 1,
            }
        }
    }
    found
}

/// Whether byte `at` is in a paragraph the outlet opens with "Editor's note:" (or "Editor’s
/// Note:"): its own words about the article, no one's statement.
fn in_editors_note(doc: &Doc, at: usize) -> bool {
    let paragraph = &doc.text().as_bytes()[doc.paragraph_start(at)..];
    let starts = |head: &[u8]| paragraph.get(..head.len()).is_some_and(|p| p.eq_ignore_ascii_case(head));
    starts(b"editor's note") || starts("editor’s note".as_bytes())
}

/// Content, speaker, title in apposition, rule, and the content's parts (one, or two where the
/// attribution interrupts it).
type Match = (Span, Mention, Option<String>, &'static str, Vec<Span>);

/// A match whose content is one part.
fn one(content: Span, speaker: Mention, apposition: Option<String>, rule: &'static str) -> Match {
    (content.clone(), speaker, apposition, rule, vec![content])
}

fn match_cue(doc: &Doc, cue: (usize, usize), first: usize, end: usize, last: usize) -> Option<Match> {
    let word_count = |a: usize, b: usize| (a..=b).filter(|&i| doc.is_word(i)).count();
    if doc.tok(cue.0).eq_ignore_ascii_case("according") {
        let opens_sentence = cue.0 == first || (cue.0 == first + 1 && !doc.is_word(first));
        // "According to early results of the exit poll conducted by Edison Research, …": at the
        // start of a sentence the source runs to its comma, whatever its words.
        let source = according_to_source(doc, cue.1 + 1, end)
            .or_else(|| opens_sentence.then(|| source_to_comma(doc, cue.1 + 1, end)).flatten())?;
        if opens_sentence {
            // According to X, CLAUSE.
            let comma = (source.last + 1..end).find(|&i| doc.tok(i) == ",")?;
            let mut start = after_appositive_name(doc, &source, comma + 1, end);
            // "According to a report by UpGuard, a cybersecurity firm, two databases …": what
            // the source is, set off after its name, is not what it said ("According to the
            // ruling, a host, such as Facebook, must …": after a noun, it is).
            if start == comma + 1 && doc.is_capitalized(source.last) && doc.tok_in(start, &["a", "an"]) {
                let set_off = (start + 1..end.min(start + 8)).find(|&i| doc.tok(i) == ",");
                // (then a clause's subject, no list: "a soldier, two police officers and a
                // civilian were killed", "a person, even if vaccinated, can …")
                let subject_opens = |k: usize| {
                    k <= last
                        && (doc.lex(k).is_determiner()
                            || doc.lex(k).is_quantifier()
                            || doc.is_capitalized(k)
                            || doc.lex(k).is_pronoun()
                            || doc.lex(k).starts_with_digit())
                        && !(k..=last.min(k + 8))
                            .take_while(|&i| !has_verb(doc, i, i))
                            .any(|i| doc.tok_in(i, &["and", "or"]) || doc.tok(i) == ",")
                };
                let described = set_off.filter(|&c| {
                    (start + 1..c).all(|i| {
                        doc.is_word(i) && !doc.lex(i).is_cue() && !crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i))
                    }) && subject_opens(c + 1)
                });
                if let Some(c) = described {
                    start = c + 1;
                }
            }
            return (start < last && word_count(start, last) >= 3)
                .then(|| one(doc.span_of(start, last), source, None, "according-to"));
        }
        // CLAUSE, according to X.
        let stop = cue.0.checked_sub(1).filter(|&i| doc.tok(i) == ",").map_or(cue.0, |i| i);
        return (stop > first && word_count(first, stop - 1) >= 3)
            .then(|| one(doc.span_of(first, stop - 1), source, None, "according-to"));
    }
    // "a prisoner, suspected to be 23-year-old Louis De Zoysa", "the man, believed to have …": a
    // participle set off after a noun says what is thought of it, by no one named.
    // ("Sam Jacobs, Time's editor, explained to CBS why …", "Mrs. Clinton, the nominee, proposed
    // to draft …": the verb after an apposition is the clause's, and takes no "to be".)
    let set_off = cue.0 > first && doc.tok(cue.0 - 1) == "," && doc.tok(cue.0).ends_with("ed");
    if set_off && doc.tok_is(cue.1 + 1, "to") && doc.tok_in(cue.1 + 2, &["be", "have"]) {
        return None;
    }
    // CLAUSE, SPEAKER CUE. / CLAUSE, CUE SPEAKER.
    let after_cue = skip_adverbs_right(doc, cue.1 + 1, end);
    // ("…, reported officials, with …", "…, said witnesses": a bare plural after the cue.)
    let bare_plural = |m: &Mention| {
        m.kind == MentionKind::Nominal
            && m.first == m.last
            && doc.tok(m.first).ends_with('s')
            && !doc.is_capitalized(m.first)
    };
    // (a group after any cue but one of telling, whose object it is: "…, told officials")
    let group = |m: &Mention| {
        (m.kind == MentionKind::Group || bare_plural(m))
            && !matches!(cue_lemma(doc, cue), Some("tell" | "ask" | "inform" | "urge" | "warn" | "assure" | "remind"))
    };
    let trailing_speaker = mention_right(doc, after_cue, end).filter(|m| {
        doc.lex(cue.0).is_invertible() && m.kind != MentionKind::Nominal || m.kind == MentionKind::Name || group(m)
    });
    let ends_after = |i: usize| {
        i > last
            || ((i..=last).all(|j| {
                !doc.is_word(j)
                    || doc.lex(j).is_preposition()
                    || doc.lex(j).is_time_word()
                    || doc.is_capitalized(j)
            }) && word_count(i, last) <= 4)
            // "…, Carson said after the attacks.": a short prepositional phrase ends the sentence.
            || (doc.is_word(i)
                && doc.lex(i).is_preposition()
                && word_count(i, last) <= 6
                && (i..=last).all(|j| doc.is_word(j) && !doc.lex(j).is_cue() && !doc.tok_is(j, "that")))
    };
    if cue.0 > first + 3 {
        if let Some((speaker, apposition)) = cue_subject(doc, cue, first, end) {
            // ("…, who said": the clause before a relative pronoun is its antecedent's, not what
            // was said.)
            let comma = speaker
                .first
                .checked_sub(1)
                .filter(|&i| doc.tok(i) == "," && !doc.tok_in(speaker.first, &["who", "which"]))
                .or_else(|| relayed_after_comma(doc, speaker.first, first));
            if let Some(comma) = comma {
                // "In his state, Christie said, offenders are sent to treatment.": the attribution
                // interrupts the clause; the row spans both parts (`quote_parts` lists them).
                let resumes = cue.1 + 2;
                let interrupted = doc.tok_is(cue.1 + 1, ",")
                    && resumes <= last
                    && word_count(resumes, last) >= 3
                    && cue_at(doc, resumes).is_none()
                    && !doc.tok_in(resumes, &["and", "but", "while", "who", "which"]);
                // "fighters which, the statement said, nations refused": the attribution sits
                // inside a relative clause, whose antecedent is not what was said.
                let relative = comma > 0 && doc.tok_in(comma - 1, &["which", "that", "who", "whom", "where"]);
                // "Indeed, News 12 reported, only …": a sentence adverb before the attribution is
                // the narration's; what was said is what follows.
                let adverb_only = (first..comma).all(|i| !doc.is_word(i) || doc.lex(i).is_sentence_adverb());
                if interrupted && !relative && adverb_only {
                    return Some(one(doc.span_of(resumes, last), speaker, apposition, "interrupted"));
                }
                if interrupted && !relative && word_count(first, comma) >= 1 {
                    let content = doc.span_of(first, last);
                    let parts = vec![doc.span_of(first, comma - 1), doc.span_of(resumes, last)];
                    return Some((content, speaker, apposition, "interrupted", parts));
                }
                // ("Like the previous, the debate concluded with …": a phrase, no clause)
                // (a comma inside opens a clause after the phrase: "In the south, floods swept …")
                let phrase = (doc.lex(first).is_preposition() || doc.tok_is(first, "like"))
                    && !has_verb(doc, first, comma)
                    && !(first..comma).any(|i| doc.tok(i) == ",");
                if (ends_after(cue.1 + 1) || doc.tok_is(cue.1 + 1, ","))
                    && !relative
                    && !phrase
                    && word_count(first, comma) >= 3
                {
                    let content = doc.span_of(first, comma - 1);
                    return Some(one(content, speaker, apposition, "clause-cue"));
                }
            }
        }
        if let Some(speaker) = trailing_speaker {
            if cue.0 > 0
                && doc.tok(cue.0 - 1) == ","
                && (ends_after(speaker.last + 1)
                    || ((matches!(speaker.kind, MentionKind::Name | MentionKind::Group) || bare_plural(&speaker))
                        && doc.tok_is(speaker.last + 1, ",")))
                && word_count(first, cue.0 - 2) >= 3
            {
                return Some(one(doc.span_of(first, cue.0 - 2), speaker, None, "clause-cue"));
            }
        }
    }
    // "(When) asked whether CLAUSE, X said …", "X asked them why CLAUSE": the question put is the
    // content, to the end of its clause; the speaker is the cue's subject, else the main clause's.
    let lemma = cue_lemma(doc, cue);
    if lemma == Some("ask") {
        // "Barend Leyts, when asked whether …, told …": a question put to the subject is the
        // unnamed asker's, not the subject's (one asked "by" someone is the passive rules').
        let put = cue.0 > first
            && doc.tok_in(
                cue.0 - 1,
                &["when", "if", "once", "after", "before", "was", "were", "is", "are", "being", "been"],
            )
            && !doc.tok_is(cue.1 + 1, "by");
        if put {
            return None;
        }
        if let Some(found) = asked_question(doc, cue, first, end, last) {
            return Some(found);
        }
    }
    // "Johnson was questioned about the case": in the passive the subject is spoken to or about,
    // not the speaker (an agent after "by" is found by the quote-mark rules' passive pattern).
    let mut aux = cue.0;
    while aux > first && doc.lex(aux - 1).is_adverb() && !matches!(doc.tok(aux - 1), "was" | "were" | "is" | "are") {
        aux -= 1;
    }
    let passive = aux > first
        && doc.tok_in(aux - 1, &["was", "were", "is", "are", "been", "being", "be"])
        && (doc.tok(cue.0).ends_with("ed")
            || doc.tok_in(cue.0, &["shown", "told", "written", "known", "seen", "given"]));
    if passive {
        return None;
    }
    // SPEAKER CUE [object] [that] CLAUSE.
    let participle = super::is_participle(doc, cue);
    let (speaker, apposition) = if participle {
        participle_subject(doc, cue, first)
            .or_else(|| clause_subject(doc, doc.tokens()[first].start(), cue.0).map(|m| (m, None)))?
    } else {
        // Without a subject next to it, a cue takes the sentence's subject ("The SDF opposed the
        // withdrawal and said …"), unless a plain word before it makes it a noun ("maximalist
        // demands that …").
        let noun_reading = cue.0 > first && {
            let prev = doc.tok(cue.0 - 1);
            doc.is_word(cue.0 - 1)
                && !doc.is_capitalized(cue.0 - 1)
                && !doc.lex(cue.0 - 1).is_adverb()
                && !doc.lex(cue.0 - 1).is_not_name()
                && !doc.lex(cue.0 - 1).is_pronoun()
                && !matches!(prev, "and" | "but" | "or")
                // "32% of Republican claims": an adjective of a party or a people.
                || (super::is_adjective_of_people(prev) && super::cue_noun(doc, cue.0))
        };
        cue_subject(doc, cue, first, end).or_else(|| {
            (!noun_reading)
                .then(|| clause_subject(doc, doc.tokens()[first].start(), cue.0).map(|m| (m, None)))
                .flatten()
        })?
    };
    let mut start = after_cue;
    // "said once in office he would …", "said once elected she would": "once" opens a clause of
    // what was said, no adverb of the saying.
    if doc.tok_is(cue.1 + 1, "once")
        && cue.1 + 2 < end
        && (doc.lex(cue.1 + 2).is_preposition()
            || doc.lex(cue.1 + 2).is_pronoun()
            || doc.tok(cue.1 + 2).ends_with("ed"))
    {
        start = cue.1 + 1;
    }
    // "called for X", "spoke about X": the particle belongs to the cue.
    if start < end && lemma.is_some_and(|l| ENGLISH.particle_of(l).contains(&doc.tok(start))) {
        start += 1;
    }
    // The one told: a name or a few words of a description ("told reporters that …", which
    // a mention of a speaker, opened by a determiner or a capital, is not), else a mention.
    if matches!(lemma, Some("tell" | "inform" | "assure")) {
        let told = match super::addressee_end(doc, start, end) {
            Some(told) => told,
            None => mention_right(doc, start, end)?.last,
        };
        start = told + 1;
        // ("officials told state media, adding that …": the participle reports on its own.)
        if doc.tok_is(start, ",")
            && start + 1 < end
            && doc.tok(start + 1).ends_with("ing")
            && cue_at(doc, start + 1).is_some()
        {
            return None;
        }
    }
    while start <= last && (doc.tok(start) == "," || doc.tok(start) == ":") {
        start += 1;
    }
    // "said on Friday that …", "wrote in its update.": an adverbial phrase after the cue is not
    // what was said; what was said follows it, after "that" or a comma, or there is nothing.
    // "pledged to shut down …": an infinitive is what was said, "said to reporters" is not.
    let infinitive = infinitive_at(doc, start, last);
    // "estimated by 9 pm there would be …", "said by Friday it would …": a deadline is what was
    // said, not when.
    let hour_or_year = |i: usize| {
        doc.lex(i).starts_with_digit()
            && (doc.tok_in(i + 1, &["pm", "am", "p.m", "a.m", "o'clock"])
                || crate::dates::expressions::year_of(doc.tok(i)).is_some())
    };
    let deadline = doc.tok_is(start, "by")
        && start < last
        && (hour_or_year(start + 1)
            || doc.lex(start + 1).is_time_word()
            || (doc.tok_is(start + 1, "the") && doc.tok_in(start + 2, &["end", "time", "weekend"])));
    // "said at least 116 people died", "said about 20 were hurt": an amount opens what was said.
    let amount = (doc.tok_in(start, &["at", "up"]) && doc.tok_in(start + 1, &["least", "most", "to"]))
        || (doc.tok_in(start, &["about", "over", "around", "under"])
            && start < last
            && doc.lex(start + 1).starts_with_digit());
    if start <= last
        && doc.lex(start).is_preposition()
        && !doc.tok_is(start, "that")
        && !infinitive
        && !deadline
        && !amount
    {
        match (start..=last.min(start + 6)).find(|&i| doc.tok_is(i, "that") || doc.tok(i) == ",") {
            Some(stop) => start = stop + 1,
            None => {
                // No "that" near: the phrase is a preposition and its few words ("on Friday",
                // "in a statement"), and what follows it was said. A determiner after the
                // phrase's noun opens what was said ("announced on Twitter the Federal Aviation
                // Administration and …").
                let first_word = start;
                let mut end_of_phrase = start + 1;
                let mut noun = false;
                while end_of_phrase <= last.min(start + 4) {
                    let determiner = doc.tok_in(end_of_phrase, &["a", "an", "the", "its", "his", "her", "their"]);
                    let in_phrase = !(noun && determiner)
                        && (doc.is_capitalized(end_of_phrase)
                            || doc.lex(end_of_phrase).is_time_word()
                            || determiner
                            || doc.tok_in(end_of_phrase, &["statement", "interview"]));
                    if !in_phrase {
                        break;
                    }
                    noun |= !determiner;
                    end_of_phrase += 1;
                }
                start = end_of_phrase;
                // A phrase whose noun is more than its few words ("said in a financial filing
                // to the SEC that …"): what was said follows its "that", where one comes.
                let runs_on = start <= last
                    && !noun
                    && end_of_phrase > first_word + 1
                    && doc.is_word(start)
                    && !doc.is_capitalized(start)
                    && !doc.lex(start).is_determiner()
                    && !doc.lex(start).is_pronoun()
                    && !doc.lex(start).is_time_word()
                    && !doc.lex(start).is_preposition()
                    && !doc.lex(start).is_adverb();
                if runs_on {
                    if let Some(that) = (start..=last.min(start + 14)).find(|&i| doc.tok_is(i, "that")) {
                        start = that + 1;
                    }
                }
            }
        }
    }
    if start > last || word_count(start, last) < 2 {
        return None;
    }
    // "It is written in the C++ programming language, and the source code is …": what follows a
    // coordinator goes on with the narration, not with what was said.
    if doc.tok_in(start, &["and", "or", "but", "nor"]) {
        return None;
    }
    // "his attacks on mail-in voting, which critics … have said amounted to …": a relative
    // clause after a comma is about the noun before it, not what was said.
    if start > 0 && doc.tok(start - 1) == "," && doc.tok_in(start, &["which", "who", "whom", "whose"]) {
        return None;
    }
    // "fears of COVID-19 in case …", "told Brussels-based media …": what was said never starts
    // inside a word joined by a hyphen.
    if doc.tok_is(start, "-") && start > 0 && doc.touches_next(start - 1) {
        return None;
    }
    // "wrote to the US Embassy in London asking …": a second phrase of place or time after the
    // first is still no reported content.
    // What was said follows its "that" ("said in an interview with The Associated Press last week
    // that …"), or there is none.
    let time = doc.tok_in(start, super::TIME_OPENERS);
    if doc.lex(start).is_preposition()
        && !time
        && !deadline
        && !amount
        && !doc.tok_is(start, "that")
        && !infinitive_at(doc, start, last)
    {
        start = (start..=last.min(start + 14)).find(|&i| doc.tok_is(i, "that"))? + 1;
        if start > last || word_count(start, last) < 2 {
            return None;
        }
    }
    let mut stop = clause_end(doc, start, last);
    if let Some(and) = next_statement_or_act(doc, start, stop) {
        stop = if matches!(doc.tok(and - 1), "," | "-" | "–" | "—") { and - 2 } else { and - 1 };
    }
    // "While La Riva attacked war as a tool of the ruling class, Blankenship wanted …": a
    // clause opened by "while" or "although" ends at its comma, where the main clause begins.
    if speaker.first > first
        && (first..speaker.first).all(|i| !doc.is_word(i) || doc.tok_in(i, &["while", "whereas", "although", "though"]))
        && (first..speaker.first).any(|i| doc.is_word(i))
    {
        // The main clause starts after a comma with its subject and verb ("…, Jones disagreed"),
        // not after one inside what was said ("the plan, which was drafted in May, would
        // work", "Ohio, Texas and Florida", "2,400").
        let main_clause = |i: usize| {
            doc.tok(i) == ","
                && mention_right(doc, i + 1, stop + 1)
                    .is_some_and(|m| m.last < stop && has_verb(doc, m.last + 1, m.last + 1))
        };
        // (the last such comma: "said that, in her view, the plan was sound, the council …")
        if let Some(comma) = (start + 1..stop).rev().find(|&i| main_clause(i)) {
            stop = comma - 1;
        }
    }
    // "… the federal minimum wage in his announcement.": where it was said, at the end, is the
    // narration's.
    if stop >= start + 4
        && doc.tok_in(stop - 2, &["in", "during"])
        && doc.tok_in(stop - 1, &["his", "her", "their", "its"])
        && doc.tok_in(stop, MEDIA_OF_SAYING)
    {
        stop -= 3;
    }
    // "Ted Cruz endorses Trump, who says he is honored": a position taken on someone ends before
    // the relative clause about them, which is a statement of its own (and the one they are may
    // be one word).
    let mut fewest = 2;
    if lemma.is_some_and(|l| ENGLISH.stance.contains(&l)) && !doc.tok_is(start, "that") {
        if let Some(comma) = (start + 1..stop).find(|&i| doc.tok(i) == "," && doc.tok_in(i + 1, &["who", "which"])) {
            stop = comma - 1;
            fewest = 1;
        }
    }
    if word_count(start, stop) < fewest {
        return None;
    }
    // "…, CNN Philippines reported the governor said.": what was reported is a report, its
    // subject and its cue and nothing after; the inner cue's clause is the content.
    // (a verb: "defended her niece's claim" reports the claim)
    let verb = doc.tok(stop).ends_with("ed") || doc.tok_in(stop, &["said", "says", "told", "wrote"]);
    // (only where a comma ends the clause before it, before the source or the speaker: "Police
    // said the man admitted." is the police's; "… are worrying, Cuban said." is Cuban's)
    let after_clause = |m: Mention| doc.tok(m.first - 1) == "," || relayed_after_comma(doc, m.first, first).is_some();
    if verb
        && cue_at(doc, stop).is_some_and(|inner| inner.1 == stop && inner.0 > start)
        && !doc.is_possessive_s(stop - 1)
        && mention_right(doc, start, stop).is_some_and(|m| m.last + 1 == stop && after_clause(m))
    {
        return None;
    }
    // "The video showed a police officer surrounded by protesters": a picture shows what it
    // depicts; what it shows to be so is a clause ("showed that …", "showed police had fired").
    let finite = |i: usize| {
        doc.is_word(i) && (crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i)) || doc.tok_in(i, super::BE_FORMS))
    };
    if lemma == Some("show")
        && doc.tok_in(speaker.last, PICTURES)
        && !doc.tok_is(start, "that")
        && !(start..=stop).any(finite)
    {
        return None;
    }
    // "he posted footage on Twitter", "the team confirmed their conclusion": a cue of saying or
    // finding with a plain object, no clause, reports nothing. Nor does a position taken on a
    // plain object ("opposed the withdrawal", "questioned the President's power"): it names
    // what was judged, not what was said, unless it gives the reason ("criticized the court for
    // ignoring the law").
    // (A position held is one stated: "maintains his innocence", "reaffirmed its position".)
    let position = doc.tok_in(stop, &["innocence", "position", "stance", "view", "views", "claim", "claims", "denial"]);
    // ("blamed the fire on faulty wiring": for blame, "on" gives the reason too)
    let reason = |i: usize| doc.tok_is(i, "for") || (lemma == Some("blame") && doc.tok_is(i, "on"));
    let needs_clause = lemma
        .is_some_and(|l| NEEDS_CLAUSE.contains(&l) || (ENGLISH.stance.contains(&l) && !(start + 1..stop).any(reason)));
    if needs_clause && is_plain_object(doc, start, stop) && !position {
        return None;
    }
    // "Mears would not confirm …", "he never said …", "did not respond to requests for comment":
    // what the speaker did not say. (A belief denied is still one held: "he doesn't think …".)
    if !lemma.is_some_and(|l| ENGLISH.thought.contains(&l)) && is_negated(doc, cue.0) {
        return None;
    }
    // "would not say whether or not he supported Court packing", "if he said so": a clause whose
    // subject a "whether" or an "if" opens is asked or supposed, not said.
    let opener = |i: usize| doc.tok_in(i, &["whether", "if"]);
    let hypothetical = speaker.first >= 1
        && (opener(speaker.first - 1)
            || (speaker.first >= 3
                && doc.tok_is(speaker.first - 1, "not")
                && doc.tok_is(speaker.first - 2, "or")
                && opener(speaker.first - 3)));
    if hypothetical {
        return None;
    }
    Some(one(doc.span_of(start, stop), speaker, apposition, "subject-cue"))
}

/// The "and" in what a cue reports (`start..=stop`) that begins something else: another
/// speaker's statement ("people changed their minds and several said they wanted …"), or the
/// speaker's next act after a plain object ("emphasized the need for education and likened the
/// system to indoctrination").
fn next_statement_or_act(doc: &Doc, start: usize, stop: usize) -> Option<usize> {
    (start + 2..stop).find(|&and| {
        if !doc.tok_in(and, &["and", "but"]) {
            return false;
        }
        // A subject of a word or two (three after a determiner: "and the White House claimed"),
        // then a cue of saying.
        // (not an auxiliary of the passive: "showed symptoms and was suspected to have it")
        let reach = if doc.tok_in(and + 1, &["the", "a", "an"]) { 4 } else { 3 };
        let said = (and + 2..=(and + reach).min(stop)).any(|cue| {
            (and + 1..cue).all(|i| doc.is_word(i) && !doc.lex(i).is_cue() && !doc.tok_in(i, super::BE_FORMS))
                && cue_at(doc, cue).is_some_and(|c| is_reporting(doc, c))
                && doc.tok(cue).ends_with(['d', 's'])
        });
        // A verb in the past right after "and", where what came before has no verb of its own.
        let act = doc.is_word(and + 1)
            && !doc.is_capitalized(and + 1)
            && doc.tok(and + 1).ends_with("ed")
            && is_plain_object(doc, start, and - 1);
        said || act
    })
}

/// Pictures, which show what they depict.
const PICTURES: &[&str] = &[
    "video",
    "videos",
    "footage",
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "photograph",
    "photographs",
];

/// Nouns of where something was said ("in his announcement", "during her interview").
const MEDIA_OF_SAYING: &[&str] = &[
    "announcement",
    "statement",
    "speech",
    "interview",
    "remarks",
    "address",
    "tweet",
    "post",
    "letter",
    "filing",
    "livestream",
    "broadcast",
];

/// Whether tokens `a..=b` hold a verb: a finite form, a cue, or a past tense.
fn has_verb(doc: &Doc, a: usize, b: usize) -> bool {
    (a..=b).any(|i| {
        doc.is_word(i)
            && (crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i))
                || doc.lex(i).is_cue()
                || doc.tok_in(i, super::BE_FORMS)
                || (doc.tok(i).ends_with("ed") && !doc.is_capitalized(i)))
    })
}

/// Whether token `idx` opens an infinitive ("to shut down …"), not a phrase ("to reporters").
fn infinitive_at(doc: &Doc, idx: usize, last: usize) -> bool {
    doc.tok_is(idx, "to")
        && idx < last
        && doc.is_word(idx + 1)
        && !doc.is_capitalized(idx + 1)
        && !ENGLISH.determiners.contains(&doc.tok(idx + 1))
        && !doc.lex(idx + 1).is_pronoun()
}

/// Lemmas that report only with a clause after them: with a plain noun phrase they tell of an
/// act ("posted footage", "confirmed the death", "showed thick smoke").
const NEEDS_CLAUSE: &[&str] = &[
    "say", "add", "note", "write", "post", "tweet", "confirm", "announce", "report", "reveal", "show", "find", "talk",
    "speak", "indicate", "declare", "respond", "reply", "state", "explain", "describe", "reaffirm", "observe", "point",
    "maintain", "recall", "testify", "conclude",
];

/// Whether the cue at token `cue` is a participle that describes the noun before it, the
/// subject of a finite cue that follows shortly ("State legislators supporting the law argued
/// …"): the later cue reports, this one does not.
fn modifies_noun(doc: &Doc, cue: (usize, usize), first: usize, end: usize) -> bool {
    // (a position taken: "supporting", "opposing"; a cue of saying there takes a clause)
    if cue.0 <= first
        || !doc.tok(cue.0).ends_with("ing")
        || !cue_lemma(doc, cue).is_some_and(|l| ENGLISH.stance.contains(&l))
    {
        return false;
    }
    // A noun: no verb ("began thinking"), no possessive's "s", no function word.
    let nounish = |i: usize| {
        if !doc.is_word(i) {
            return false;
        }
        let entry = doc.lex(i);
        !(entry.is_cue()
            || entry.is_adverb()
            || entry.is_pronoun()
            || entry.is_preposition()
            || entry.is_determiner()
            || entry.is_not_name()
            || entry.is_quantifier())
            && !doc.tok(i).ends_with("ed")
            && !doc.is_possessive_s(i)
            && !crate::lang::NAME_WORDS.is_finite_verb(doc.tok(i))
            && !doc.tok_in(i, &["is", "are", "was", "were", "be", "been", "being", "and", "or", "but", "more", "less"])
    };
    let noun = cue.0 - 1;
    if !nounish(noun) || (doc.is_capitalized(noun) && noun != first) {
        return false;
    }
    // The finite cue: a past tense or "says", right after the noun phrase the participle's
    // object ends with ("… the law argued"), not inside a clause of its own ("what people want").
    (cue.1 + 2..end.min(cue.1 + 9)).take_while(|&i| doc.is_word(i)).any(|i| {
        let word = doc.tok(i);
        (word.ends_with("ed") || doc.tok_in(i, &["said", "says", "told", "wrote"]))
            && nounish(i - 1)
            && cue_at(doc, i).is_some_and(|c| is_reporting(doc, c))
    })
}

/// The comma before a report that relays the speaker's words, where the speaker's mention starts
/// at token `speaker` ("…, CNN Philippines reported the governor said."): the source, its cue
/// right before the speaker, and the comma before the source.
fn relayed_after_comma(doc: &Doc, speaker: usize, first: usize) -> Option<usize> {
    let relay = cue_at(doc, speaker.checked_sub(1)?).filter(|c| c.1 + 1 == speaker && c.0 > first + 1)?;
    let (source, _) = super::mention_left(doc, relay.0 - 1, first)?;
    let comma = source.first.checked_sub(1)?;
    (doc.tok(comma) == "," && comma > first).then_some(comma)
}

/// Whether the cue at token `cue` is a noun in "-ing" that a determiner opens ("The orange
/// warning issued by Met Éireann applied to …", "the ruling"): no verb, unless a clause of a
/// claim follows it ("his warning that …").
fn is_gerund_noun(doc: &Doc, cue: (usize, usize), first: usize) -> bool {
    // (the cue forms in "-ing" that news uses as nouns)
    const NOUNS: &[&str] =
        &["warning", "ruling", "finding", "briefing", "filing", "posting", "reporting", "writing", "saying", "hearing"];
    if !doc.tok_in(cue.0, NOUNS) || doc.tok_is(cue.1 + 1, "that") {
        return false;
    }
    // (past an adjective before "warning" only: "The orange warning"; "a puppet saying" is a
    // participle after its noun)
    let words = if doc.tok_is(cue.0, "warning") { 2 } else { 1 };
    let mut at = cue.0;
    for _ in 0..words {
        if at <= first {
            return false;
        }
        at -= 1;
        let entry = doc.lex(at);
        // (not "her", an object too: "a video showing her saying …")
        if entry.is_determiner() || doc.tok_in(at, &["its", "their", "his", "our", "this", "that"]) {
            // Past an adjective, no object after "warning" ("the agency warning residents to …"
            // is a participle after its noun).
            let next = cue.1 + 1;
            let no_object = at + 1 == cue.0
                || !doc.is_word(next)
                || doc.lex(next).is_preposition()
                || doc.tok(next).ends_with("ed")
                || doc.tok_in(next, super::BE_FORMS);
            return no_object;
        }
        let no_adjective = !doc.is_word(at)
            || doc.is_capitalized(at)
            || entry.is_cue()
            || entry.is_pronoun()
            || entry.is_preposition()
            || entry.is_adverb()
            || doc.tok_in(at, &["is", "are", "was", "were", "be", "been", "and", "or", "but"]);
        if no_adjective {
            return false;
        }
    }
    false
}

/// Whether the cue at token `cue` is negated: "not", "never" or "-n't" before it, past adverbs
/// ("would not confirm", "did not immediately say", "never said", "didn't say").
fn is_negated(doc: &Doc, cue: usize) -> bool {
    let mut at = cue;
    // (past "yet", "ever", "even" too: "has not yet conceded")
    let skipped = |i: usize| doc.lex(i).is_adverb() || doc.tok_in(i, &["yet", "ever", "even"]);
    while at > 0 && doc.is_word(at - 1) && skipped(at - 1) {
        at -= 1;
    }
    let Some(before) = at.checked_sub(1) else { return false };
    // "did not concede or admit defeat": the second of two cues the negation covers.
    if doc.tok_in(before, &["or", "nor"]) && before >= 2 && doc.lex(before - 1).is_cue() {
        return is_negated(doc, before - 1);
    }
    // ("didn't" is "didn", "'", "t" to the tokenizer)
    doc.tok_in(before, &["not", "never"])
        || (doc.tok(before) == "t"
            && before >= 2
            && matches!(doc.tok(before - 1), "'" | "’")
            && doc.tok(before - 2).ends_with('n'))
}

/// Whether tokens `start..=stop` are a plain object: a noun phrase opened by a determiner, a
/// possessive, a number or a bare noun, with no verb of a clause in it (no auxiliary or common verb form, no
/// "-ed" word but one right after the determiner: "the proposed law").
fn is_plain_object(doc: &Doc, start: usize, stop: usize) -> bool {
    // A bare noun opens one too ("footage on Twitter"); a name or a pronoun opens a clause.
    // An amount opens one too ("posted US$2 million bond").
    let amount = doc.lex(start).starts_with_digit()
        || doc.tok(start).starts_with('$')
        || (doc.tok(start).len() <= 3 && start + 1 < doc.tokens().len() && doc.tok(start + 1).starts_with('$'));
    let opener = doc.lex(start).is_determiner()
        || doc.tok_in(start, &["their", "his", "her", "its", "our", "my", "your", "this", "these", "those"])
        || amount;
    let opens_phrase = opener || (doc.is_word(start) && !doc.is_capitalized(start) && !doc.lex(start).is_pronoun());
    if !opens_phrase {
        return false;
    }
    let words = &*crate::lang::NAME_WORDS;
    // After a bare noun an "-ed" word is its verb ("people changed their minds"); after a
    // determiner, an adjective ("the proposed law").
    let verb_from = if opener { start + 2 } else { start + 1 };
    // "announced the cause of death as a cardiac arrest": what it was called is reported.
    // ("to" before a number ends a range, "49.7 percent to 43.1 percent"; in "head-to-head" it is
    // a word's part)
    let clause_word = |i: usize| {
        doc.tok_in(i, &["that", "who", "which", "whether", "if", "as"])
            || (doc.tok_is(i, "to") && !(i < stop && (doc.lex(i + 1).starts_with_digit() || doc.tok_is(i + 1, "-"))))
    };
    !(start..=stop).any(|i| {
        doc.is_word(i)
            && (words.is_finite_verb(doc.tok(i))
                || (doc.lex(i).is_cue() && !super::names_a_thing(doc, i))
                || clause_word(i)
                || (i >= verb_from && doc.tok(i).ends_with("ed") && !doc.is_capitalized(i)))
    })
}

/// The words from token `idx` to the comma that ends them, two to 25 of them with no mark of a
/// clause's end among them: the source of "According to …, CLAUSE", or its author where it names
/// a document "by" or "from" someone.
fn source_to_comma(doc: &Doc, idx: usize, end: usize) -> Option<Mention> {
    let comma = (idx..end.min(idx + 26)).find(|&i| doc.tok(i) == ",")?;
    let clean = (idx..comma).all(|i| doc.is_word(i) || matches!(doc.tok(i), "’" | "'" | "-" | "." | "&"));
    if !clean || comma < idx + 2 {
        return None;
    }
    let by = (idx..comma).find(|&i| doc.tok_in(i, &["by", "from"]));
    if let Some(author) = by.and_then(|by| mention_right(doc, by + 1, comma)) {
        return Some(author);
    }
    Some(Mention { first: idx, last: comma - 1, kind: MentionKind::Nominal })
}

/// Where the clause after "According to ROLE," starts: past the name in apposition to a person's
/// role ("According to the El Paso mayor, Dee Margo, police were …"), which is the source's, not
/// the clause's; at `start` otherwise (a name after a group's comma is the clause's subject:
/// "According to police, John Smith, 45, was arrested").
fn after_appositive_name(doc: &Doc, source: &Mention, start: usize, end: usize) -> usize {
    let role = source.kind == MentionKind::Nominal
        && super::names::is_person_role(&doc.tok(source.last).to_lowercase())
        && !doc.tok(source.last).ends_with('s');
    let name = mention_right(doc, start, end).filter(|m| m.kind == MentionKind::Name);
    match name {
        Some(name)
            if role
                && doc.tok_is(name.last + 1, ",")
                && doc.is_word(name.last + 2)
                && !doc.lex(name.last + 2).starts_with_digit() =>
        {
            name.last + 2
        }
        _ => start,
    }
}

/// Words that open an indirect question.
const QUESTION_WORDS: &[&str] =
    &["whether", "if", "what", "why", "how", "who", "whom", "when", "where", "which", "about"];

fn asked_question(doc: &Doc, cue: (usize, usize), first: usize, end: usize, last: usize) -> Option<Match> {
    let is_question_word = |i: usize| i <= last && doc.tok_in(i, QUESTION_WORDS);
    let mut start = cue.1 + 1;
    if !is_question_word(start) {
        let object = mention_right(doc, start, end)?;
        start = object.last + 1;
    }
    if !is_question_word(start) {
        return None;
    }
    let stop = (start..=last).find(|&i| matches!(doc.tok(i), "," | ";" | ":" | "—" | "–")).map_or(last, |i| i - 1);
    if stop <= start {
        return None;
    }
    let (speaker, apposition) = cue_subject(doc, cue, first, cue.0).or_else(|| {
        // "When asked why …, Tyler said": the subject after the question.
        let after = stop + 2;
        mention_right(doc, after, end)
            .or_else(|| super::clause_subject(doc, doc.tokens()[first].start(), cue.0))
            .map(|m| (m, None))
            // "Christie said when asked whether …": the subject of the cue before it.
            .or_else(|| participle_subject(doc, cue, first))
    })?;
    Some(one(doc.span_of(start, stop), speaker, apposition, "asked"))
}

/// The last token of the reported clause that starts at `start`: before a comma that opens a
/// second clause of the reporter's (", while …", ", but the party …", "; …"), else `last`.
/// ", and that …" goes on reporting.
fn clause_end(doc: &Doc, start: usize, last: usize) -> usize {
    for i in start + 1..last.min(doc.tokens().len().saturating_sub(2)) {
        let tok = doc.tok(i);
        let second_clause = (tok == ","
            && doc.tok_in(i + 1, &["while", "whereas", "but", "although", "though"])
            && !doc.tok_is(i + 2, "that"))
            // "rejected the idea and said that …": a second cue coordinated with the first
            // reports something else.
            || (matches!(tok, "and" | "but") && cue_at(doc, i + 1).is_some())
            // ", and he …", ", and Trump …": a new subject opens the reporter's clause.
            || (tok == ","
                && doc.tok_is(i + 1, "and")
                && (doc.lex(i + 2).is_pronoun() || (doc.is_capitalized(i + 2) && !doc.lex(i + 2).is_not_name())))
            // (a semicolon, alone or after a closing quote mark: "…”;")
            || tok == ";"
            || (!doc.is_word(i) && tok.len() <= 4 && tok.ends_with(';'))
            // "criticized Trump for the tweet, claiming he …", "must face “murder charges”,
            // adding …": a participle of saying reports something of its own.
            || ((tok.starts_with(',') || tok.ends_with(',')) && doc.tok(i + 1).ends_with("ing") && cue_at(doc, i + 1).is_some())
            // ", with some local press claiming …": another's report, told beside it.
            || (tok == ","
                && doc.tok_is(i + 1, "with")
                && (i + 3..last.min(i + 7)).any(|j| doc.tok(j).ends_with("ing") && cue_at(doc, j).is_some()));
        if second_clause {
            let end = (start..i).rev().find(|&j| doc.is_word(j)).unwrap_or(start);
            return end;
        }
    }
    last
}
