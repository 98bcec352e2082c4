//! German reported speech: the statements of a German article, their cues and speakers.
//!
//! German news reports mostly in indirect speech, and its word order differs from English: the
//! finite verb is second in a main clause ("Der Minister sagte, …"; after an adverbial the
//! subject follows it: "Am Montag sagte der Minister, …"), a separable verb puts its particle at
//! the clause's end ("teilte die Polizei mit, …"), and the verb is last in a subordinate clause
//! ("wie die Polizei mitteilte"). The rules, per sentence, in this order:
//!
//! 1. **A verbal cue** ([`GermanWords::cues`], a separable verb with its particle): what follows
//!    the comma after the cue's clause is the statement, up to the sentence's end ("X sagte, die
//!    Lage sei ernst"), or what comes before ", sagte X" ("Die Lage sei ernst, sagte X"); after a
//!    colon, the rest of the sentence. A verb of position without a clause ("Die Polizei warnte
//!    vor Glatteis.") makes the whole sentence the statement.
//! 2. **A source**: "laut X", "gemäß X", "X zufolge", "nach Angaben X" and ", so X": the rest of
//!    the sentence, without the source's phrase where it opens or closes the sentence.
//! 3. **Konjunktiv I continues a report** over sentences without a cue ("Es sei …"): each run of
//!    such sentences is one statement of the last speaker (within three sentences), and a
//!    sentence with "soll/sollen" after a statement is one too.
//! 4. **Quote marks** („…“, »…«, "…"): a quoted span of four words or more is a direct
//!    statement, attributed by a cue before it in its sentence (or a colon after a speaker:
//!    "X: „…“"), or after it (", sagte X"), else by the statement just before; a shorter one
//!    inside a statement is a quoted fragment of it, the statement's speaker's.
//!
//! A speaker is the noun phrase before the cue (the sentence's first constituent, without a
//! relative clause) or, where the sentence opens with something else, the one after it. The
//! word lists are data (`src/lang/de/words.txt`).

use crate::doc::Doc;
use crate::lang::de::{class, GermanWords, GERMAN};
use crate::model::{Gender, Quote, QuoteType, Rule, Span, SpeakerType};
use crate::quotes::marks::MarkedSpan;
use crate::tokenize::TokenKind;

/// The fewest words a quoted span has to be a statement on its own.
const DIRECT_MIN_WORDS: usize = 4;
/// How many sentences back a report's speaker is carried to a Konjunktiv sentence.
const CARRY_SENTENCES: usize = 3;
/// The most tokens between a cue and the comma that ends its clause ("sagte der „Berliner
/// Zeitung“ am Montag, …").
const CUE_CLAUSE_TOKENS: usize = 12;

/// A statement found in a sentence, before it becomes a [`Quote`] (an indirect one: quoted
/// spans are made by [`direct`]).
struct Found {
    content: Span,
    cue: Option<Span>,
    speaker: Option<(usize, usize)>,
    rule: &'static str,
}

/// The last statement: its sentence, its speaker, and whether it continued a report without a
/// cue of its own.
#[derive(Clone, Copy)]
struct Last {
    sentence: usize,
    speaker: Option<(usize, usize)>,
    continuation: bool,
}

/// The tokens of an article in lower case, and what the rules ask of them.
struct Words<'a> {
    doc: &'a Doc<'a>,
    /// The tokens in lower case, one after another, and where each ends.
    lower: String,
    ends: Vec<u32>,
    /// Each token's word lists, [`class`] bits.
    classes: Vec<u32>,
    /// Whether each token is between quote marks.
    quoted: Vec<bool>,
    german: &'static GermanWords,
    /// The quoted spans, in text order.
    marked: &'a [MarkedSpan],
}

impl<'a> Words<'a> {
    fn new(doc: &'a Doc<'a>, marked: &'a [MarkedSpan]) -> Words<'a> {
        // Every token in lower case, in one buffer (a string a token was a fifth of the rules'
        // time on German news).
        let mut lower = String::with_capacity(doc.text().len());
        let mut ends = Vec::with_capacity(doc.tokens().len());
        for i in 0..doc.tokens().len() {
            let tok = doc.tok(i);
            if tok.bytes().any(|b| b.is_ascii_uppercase()) || !tok.is_ascii() {
                lower.extend(tok.chars().flat_map(char::to_lowercase));
            } else {
                lower.push_str(tok);
            }
            ends.push(lower.len() as u32);
        }
        let mut words = Words { doc, lower, ends, classes: Vec::new(), quoted: Vec::new(), german: &GERMAN, marked };
        words.classes = (0..doc.tokens().len()).map(|i| words.german.class_of(words.low(i))).collect();
        // Which tokens are between quote marks, in one walk over the tokens and the spans (the
        // rules ask of most tokens, several times): a token that runs past its span's closing
        // mark is not (the comma of "“,").
        let mut next = 0;
        words.quoted = doc
            .tokens()
            .iter()
            .map(|token| {
                let at = token.start();
                while next < marked.len() && marked[next].outer.end <= at {
                    next += 1;
                }
                marked.get(next).is_some_and(|m| m.outer.start <= at && token.end() <= m.outer.end)
            })
            .collect();
        words
    }

    /// Whether token `i` is in the word list of `bit` ([`class`]).
    fn is(&self, i: usize, bit: u32) -> bool {
        self.classes[i] & bit != 0
    }

    fn low(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.lower[start..self.ends[i] as usize]
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens()[i].kind == TokenKind::Word
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.doc.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn has(&self, i: usize, c: char) -> bool {
        !self.is_word(i) && self.doc.tok(i).contains(c) && (c != ':' || self.colon(i)) && (c != ',' || !self.decimal(i))
    }

    /// Whether token `i` is the comma of a decimal number ("2,5 Prozent"): a lone comma between
    /// digits it touches.
    fn decimal(&self, i: usize) -> bool {
        let digit = |j: usize| self.doc.tok(j).bytes().all(|b| b.is_ascii_digit());
        self.doc.tok(i) == ","
            && i > 0
            && i + 1 < self.doc.tokens().len()
            && self.doc.touches_next(i - 1)
            && self.doc.touches_next(i)
            && digit(i - 1)
            && digit(i + 1)
    }

    /// Whether token `i` holds a colon that ends a clause: one before white space or the
    /// text's end, not in a time ("08:15").
    fn colon(&self, i: usize) -> bool {
        let tokens = self.doc.tokens();
        tokens.get(i + 1).is_none_or(|next| next.start() > tokens[i].end())
    }

    /// Whether token `i` is inside quote marks.
    fn quoted(&self, i: usize) -> bool {
        self.quoted[i]
    }

    /// The particle that closes separable verb `i`'s clause, before a comma, a colon or the
    /// sentence's end: its index.
    fn particle(&self, i: usize, end: usize) -> Option<usize> {
        let particles = self.german.separable.get(self.low(i))?;
        // (across an apposition's commas: "teilte der Direktor, Bagus Puruhito, mit")
        (i + 1..end.min(i + 1 + 2 * CUE_CLAUSE_TOKENS)).take_while(|&j| !self.has(j, ':') || self.quoted(j)).find(
            |&j| {
                particles.contains(&self.low(j))
                    && (j + 1 == end || self.has(j + 1, ',') || self.has(j + 1, ':') || self.has(j + 1, '.'))
            },
        )
    }

    /// A noun phrase that starts at token `i` (before `end`): its first and last tokens. Its
    /// words are capitalized ones, the lower-case words of a noun phrase ("der", "des", "von"),
    /// adjectives before a capitalized word, and a bracketed party or place ("(CDU)"); a
    /// personal pronoun is one on its own.
    fn noun_phrase_at(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        if i >= end {
            return None;
        }
        if self.is(i, class::PRONOUN) && !self.is_capitalized_noun_after(i, end) {
            return Some((i, i));
        }
        let mut last = None;
        let mut j = i;
        while j < end {
            if self.quoted(j) {
                // a short quoted name after its noun ("die Agentur „Xinhua“")
                let at = self.doc.tokens()[j].start();
                let name = self
                    .marked
                    .iter()
                    .find(|m| m.outer.start == at)
                    .filter(|m| last.is_some() && self.doc.text()[m.inner.clone()].split_whitespace().count() <= 4);
                let Some(name) = name else { break };
                let closing = self.doc.token_at_or_after(name.outer.end).saturating_sub(1);
                if closing >= end || closing < j {
                    break;
                }
                last = Some(closing);
                j = closing + 1;
                continue;
            }
            let word = self.is_word(j);
            let function_word = word && self.is(j, class::NOUN_PHRASE);
            if function_word
                && (last.is_none()
                    || matches!(self.low(j), "des" | "der" | "eines" | "einer" | "von" | "vom" | "und" | "sowie"))
            {
                // (an article, even capitalized at a sentence's start, is no head; after its
                // head, a noun phrase goes on only in the genitive or with "von": "Angaben der
                // Polizei", not "Angaben der Polizei den Einsatz")
            } else if word && self.is_capitalized(j) && !function_word {
                last = Some(j);
            } else if word
                && j + 1 < end
                && self.is_capitalized(j + 1)
                && self.low(j).chars().count() >= 4
                && self.low(j).ends_with(['e', 'n', 'r', 's', 'm'])
                && !self.is(j, class::OPENER)
                // (after the head only inside a genitive: "des Nationalen Volkskongresses", not
                // "der Ausschuss seine Entscheidung")
                && (last.is_none() || j > 0 && matches!(self.low(j - 1), "des" | "der" | "eines" | "einer" | "von" | "vom" | "und"))
            {
                // an adjective before its noun ("der deutsche Außenminister")
            } else if self.doc.tok(j).starts_with('(') {
                match (j + 1..end.min(j + 6)).find(|&k| self.doc.tok(k).starts_with(')')) {
                    Some(close) => {
                        last = Some(close);
                        j = close;
                    }
                    None => break,
                }
            } else if self.doc.tok(j) == "-"
                || self.doc.tok(j) == "." && last.is_some_and(|l| l + 1 == j) && self.doc.tok(j - 1).len() == 1
            {
                // a hyphenated name, an initial
            } else {
                break;
            }
            j += 1;
        }
        last.map(|last| (i, last))
    }

    /// Whether a capitalized word follows pronoun-like token `i` within its noun phrase ("Die
    /// Polizei": "die" is no pronoun there).
    /// The first token from `from` (before `to`) past particles that lead a first constituent
    /// ("Auch der Minister", "Und die Polizei").
    fn past_particles(&self, from: usize, to: usize) -> usize {
        (from..to)
            .find(|&i| !matches!(self.low(i), "auch" | "nur" | "selbst" | "sogar" | "und" | "aber" | "doch"))
            .unwrap_or(to)
    }

    fn is_capitalized_noun_after(&self, i: usize, end: usize) -> bool {
        i + 1 < end && self.is_capitalized(i + 1)
    }

    /// The subject before a cue at `cue`, in the sentence's first constituent `start..cue`: without
    /// leading particles ("Auch"), without a relative clause after a comma; none where the
    /// sentence opens with an adverbial ("Am Montag sagte …").
    fn subject_before(&self, start: usize, cue: usize) -> Option<(usize, usize)> {
        let mut first = start;
        first = self.past_particles(first, cue);
        if first >= cue || self.is(first, class::OPENER) || !self.is_word(first) {
            return None;
        }
        // "Des Weiteren", "Im Übrigen": adverbs written as noun phrases
        if first + 1 < cue && matches!((self.low(first), self.low(first + 1)), ("des", "weiteren") | ("im", "übrigen"))
        {
            return None;
        }
        // The constituent ends at a comma that opens a relative clause (whose last word, before
        // the next comma, is a lower-case verb).
        let mut last = cue - 1;
        let mut relative = false;
        let mut j = first;
        while j < cue {
            if self.has(j, ',') && j + 1 < cue && self.is(j + 1, class::RELATIVE) {
                let close = (j + 1..cue).find(|&k| self.has(k, ','));
                let verb_last = close.is_some_and(|c| c > 0 && self.is_word(c - 1) && !self.is_capitalized(c - 1));
                if verb_last || close.is_none() {
                    last = j - 1;
                    relative = true;
                    break;
                }
            }
            j += 1;
        }
        // The constituent ends before the finite verb of a compound tense ("Die Vereinsleitung
        // hat nun versprochen").
        if let Some(aux) = (first + 1..=last).find(|&k| self.is(k, class::AUXILIARY)) {
            last = aux - 1;
        }
        while last > first && !self.is_word(last) && !self.doc.tok(last).starts_with([')', '“', '"', '«', '»']) {
            last -= 1;
        }
        // A first constituent that ends in a comma after a verb is a clause of its own
        // ("Nachdem …, sagte"); after a noun it is a name with its apposition ("Hans-Jürgen
        // Papier, Präsident des Bundesverfassungsgerichtes, sagte").
        if self.has(cue - 1, ',') && !relative && (cue < 2 || !self.is_capitalized(cue - 2)) {
            return None;
        }
        (last >= first).then_some((first, last))
    }

    /// The speaker of a cue at `cue..=cue_end` in sentence `start..end`: the subject before it, or
    /// the noun phrase after it.
    fn speaker_of(&self, start: usize, cue: usize, cue_end: usize, end: usize) -> Option<(usize, usize)> {
        // A passive ("Klien wurde vorgeworfen", "es wird befürchtet") names its speaker only with
        // "von" ("wurde von der Polizei mitgeteilt").
        let clause_start = (start..cue).rev().find(|&k| self.has(k, ',')).map_or(start, |k| k + 1);
        if (clause_start..cue).any(|k| self.is(k, class::PASSIVE)) && self.is_participle(cue) {
            let by = (clause_start..end.min(cue_end + CUE_CLAUSE_TOKENS))
                .find(|&k| matches!(self.low(k), "von" | "vom") && !self.quoted(k))?;
            return self.noun_phrase_at(by + 1, end).or_else(|| self.noun_phrase_at(by, end));
        }
        // A subordinate clause names its subject after its conjunction ("Während Shakira
        // erklärte, …").
        if cue > start + 1 && self.is(start, class::SUBORDINATOR) {
            return self.noun_phrase_at(start + 1, cue);
        }
        if cue > start {
            if let Some(subject) = self.subject_before(start, cue) {
                // A sentence-initial word alone before the cue is an adverb where a noun phrase
                // follows the cue ("Unmissverständlich sagt das Gericht").
                let inverted = subject == (start, start)
                    && !self.is(start, class::PRONOUN)
                    && cue + 1 < end
                    && (self.is(cue + 1, class::PRONOUN)
                        || (self.is(cue + 1, class::NOUN_PHRASE) && self.low(cue + 1) != "und"));
                if !inverted {
                    return Some(subject);
                }
            }
        }
        // After the cue ("sagte der Minister", "teilte die Polizei mit"): within the separable
        // verb's clause, or up to the comma.
        let limit = if cue_end > cue { cue_end } else { end };
        self.first_noun_phrase(cue + 1, limit).or_else(|| {
            // Between an auxiliary and a participle ("Ferner habe die Studie festgestellt").
            let aux = (start..cue).find(|&k| self.is(k, class::AUXILIARY))?;
            self.noun_phrase_at(aux + 1, cue)
        })
    }

    /// Whether word `i` is a source noun ("Angaben", "Studie"), or a compound of "-angaben"
    /// ("Polizeiangaben", "Armeeangaben").
    fn is_source_noun(&self, i: usize) -> bool {
        let low = self.low(i);
        self.is(i, class::SOURCE_NOUN) || (low.len() > 7 && low.ends_with("angaben"))
    }

    /// Whether cue `i`, after a form of "werden", is a participle ("mitgeteilt", "erklärt",
    /// "vorgeworfen"), not an infinitive ("wird sagen") or a past form.
    fn is_participle(&self, i: usize) -> bool {
        let low = self.low(i);
        let strong = low.ends_with("en") && low.get(..low.len() - 3).is_some_and(|stem| stem.contains("ge"));
        (low.ends_with('t') && !low.ends_with("te")) || strong
    }

    /// The first noun phrase in `from..to`, past adverbs ("sagte später der Direktor"), before a
    /// comma.
    fn first_noun_phrase(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let start = (from..to)
            .take_while(|&k| !self.has(k, ',') && !self.quoted(k))
            .take(4)
            .find(|&k| self.is_capitalized(k) || self.is(k, class::NOUN_PHRASE) || self.is(k, class::PRONOUN))?;
        self.noun_phrase_at(start, to)
    }

    /// The subject of sentence `start..end` where it opens the sentence before its verb ("Das
    /// staatliche Fernsehen berichtete von …").
    fn sentence_subject(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let mut start = start;
        start = self.past_particles(start, end);
        let np = self.noun_phrase_at(start, end)?;
        let verb = np.1 + 1;
        (verb < end && self.is_word(verb) && !self.is_capitalized(verb) && !self.is(start, class::OPENER)).then_some(np)
    }

    /// The byte span of tokens `first..last` without a final full stop, or with it.
    fn span(&self, first: usize, last: usize, keep_stop: bool) -> Option<Span> {
        if first > last || last >= self.doc.tokens().len() {
            return None;
        }
        let mut last = last;
        while last > first && !self.is_word(last) && !self.doc.tok(last).contains(['“', '”', '"', '«', '»', ')'])
        {
            if keep_stop && self.doc.tok(last).contains(['.', '!', '?']) {
                break;
            }
            last -= 1;
        }
        if !keep_stop && !self.is_word(last) {
            // "„…“." keeps the closing mark, not the stop after it
            let text = self.doc.tok(last);
            let trimmed = text.trim_end_matches(['.', ',', ';', ':']);
            if trimmed.is_empty() {
                last = last.checked_sub(1).filter(|&l| l >= first)?;
            } else {
                let span = self.doc.span_of(first, last);
                return Some(span.start..span.end - (text.len() - trimmed.len()));
            }
        }
        (last >= first && (first..=last).any(|i| self.is_word(i))).then(|| self.doc.span_of(first, last))
    }
}

/// The statements of a German article, in text order.
pub fn statements(doc: &Doc, marked: &[MarkedSpan]) -> Vec<Quote> {
    let words = Words::new(doc, marked);
    let sentences: Vec<(Span, std::ops::Range<usize>)> = doc.sentences().map(|(s, t)| (s.clone(), t)).collect();
    let mut found: Vec<(usize, Found)> = Vec::new();
    let mut last: Option<Last> = None;
    for (idx, (_, tokens)) in sentences.iter().enumerate() {
        let (start, end) = (tokens.start, tokens.end);
        if start >= end {
            continue;
        }
        let recent = last.filter(|l| idx - l.sentence <= CARRY_SENTENCES);
        let previous = idx.checked_sub(1).map(|p| sentences[p].1.start).filter(|&p| p < start);
        let statement = cued(&words, start, end, previous).or_else(|| {
            let unquoted = |bit: u32| (start..end).any(|i| !words.quoted(i) && words.is(i, bit));
            // The last speaker, else the subject of the sentence before ("Das Fernsehen berichtete
            // von Verlusten. Der Rat sei aufgelöst worden.").
            let previous_subject = || {
                let previous = &sentences[idx.checked_sub(1)?].1;
                words.sentence_subject(previous.start, previous.end)
            };
            if unquoted(class::KONJUNKTIV) {
                // Konjunktiv only after the first comma is in a clause of the sentence's own
                // verb ("X vertritt die These, dass … sei"): its subject said it.
                let comma = (start..end).find(|&k| !words.quoted(k) && words.has(k, ','));
                let in_main = (start..comma.unwrap_or(end)).any(|k| !words.quoted(k) && words.is(k, class::KONJUNKTIV));
                let own = if in_main || comma.is_none() { None } else { words.sentence_subject(start, end) };
                let speaker = own.or(recent.and_then(|l| l.speaker)).or_else(previous_subject);
                return Some(Found {
                    content: words.span(start, end - 1, true)?,
                    cue: None,
                    speaker,
                    rule: "konjunktiv",
                });
            }
            // Konjunktiv II continues a report only right after a statement (on its own it is as
            // often a conditional of the reporter's).
            if unquoted(class::KONJUNKTIV2) && recent.is_some_and(|l| idx - l.sentence == 1) {
                return Some(Found {
                    content: words.span(start, end - 1, true)?,
                    cue: None,
                    speaker: recent.and_then(|l| l.speaker),
                    rule: "konjunktiv",
                });
            }
            if unquoted(class::REPORTIVE) && recent.is_some_and(|l| idx - l.sentence <= 2) {
                let speaker = recent.and_then(|l| l.speaker);
                return Some(Found {
                    content: words.span(start, end - 1, true)?,
                    cue: None,
                    speaker,
                    rule: "reportive",
                });
            }
            None
        });
        let Some(statement) = statement else { continue };
        // A sentence wholly between quote marks is a direct statement, found below.
        if marked.iter().any(|m| m.outer.start <= statement.content.start && statement.content.end <= m.outer.end) {
            last = Some(Last { sentence: idx, speaker: statement.speaker, continuation: false });
            continue;
        }
        let continuation = statement.cue.is_none();
        // A run of Konjunktiv sentences is one statement.
        match found.last_mut() {
            Some((prev_idx, prev))
                if continuation
                    && prev.cue.is_none()
                    && *prev_idx + 1 == idx
                    && last.is_some_and(|l| l.continuation) =>
            {
                prev.content.end = statement.content.end;
                *prev_idx = idx;
            }
            _ => found.push((idx, statement)),
        }
        let speaker = found.last().and_then(|(_, f)| f.speaker);
        last = Some(Last { sentence: idx, speaker, continuation });
    }
    let mut quotes: Vec<Quote> = found.into_iter().map(|(_, f)| quote(doc, f)).collect();
    quotes.extend(direct(&words, &sentences, &quotes));
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    resolve(&words, &mut quotes);
    quotes
}

/// What a speaker mention names: the name at its fullest in the article, a title, what it is
/// and the gender the article gives it.
struct Resolved {
    name: Option<String>,
    title: Option<String>,
    kind: SpeakerType,
    gender: Option<Gender>,
}

/// Sets every statement's speaker name, title, type and gender from its mention, in text order
/// (a pronoun is the last person named before it, of its gender).
fn resolve(words: &Words, quotes: &mut [Quote]) {
    if quotes.iter().all(|q| q.speaker.is_none()) {
        return;
    }
    let doc = words.doc;
    let people = words.person_names(0, doc.tokens().len());
    let mut last_person: Option<(String, Option<Gender>)> = None;
    for quote in quotes.iter_mut() {
        let Some(span) = quote.speaker.clone() else { continue };
        let first = doc.token_at_or_after(span.start);
        let last = doc.token_at_or_after(span.end).saturating_sub(1).max(first);
        let cue_plural = quote
            .cue
            .as_ref()
            .is_some_and(|c| doc.text()[c.clone()].split_whitespace().next().is_some_and(|w| w.ends_with("en")));
        let resolved = words.resolve_mention((first, last), &people, last_person.as_ref(), cue_plural);
        if resolved.kind == SpeakerType::Person {
            if let Some(name) = &resolved.name {
                last_person = Some((name.clone(), resolved.gender));
            }
        }
        quote.speaker_name = resolved.name;
        quote.speaker_title = resolved.title;
        quote.speaker_type = Some(resolved.kind);
        quote.speaker_gender = resolved.gender;
    }
}

impl Words<'_> {
    fn is_given_name(&self, i: usize) -> bool {
        self.is_capitalized(i)
            && (self.is(i, class::GIVEN_NAME) || crate::lang::NAME_WORDS.is_given_name(self.doc.tok(i)))
    }

    /// The person's name that starts at token `i`: a given name and the capitalized words after
    /// it (with hyphens and "von", "van", "de", "zu" between them), two words at least.
    fn person_at(&self, i: usize, end: usize) -> Option<(usize, usize)> {
        // (a capitalized word after it first: a name is two words at least)
        let next = |j: usize| j < end && (self.is_capitalized(j) || self.doc.tok(j) == "-");
        if !self.is_capitalized(i) || !next(i + 1) || !self.is_given_name(i) {
            return None;
        }
        let mut last = i;
        let mut j = i + 1;
        while j < end {
            if self.is_capitalized(j) {
                last = j;
            } else if !(self.doc.tok(j) == "-"
                || matches!(self.low(j), "von" | "van" | "de" | "zu" | "di" | "da" | "al"))
            {
                break;
            }
            j += 1;
        }
        (last > i).then_some((i, last))
    }

    /// Every person's name among tokens `from..to`, in order.
    fn person_names(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = from;
        while i < to {
            match self.person_at(i, to) {
                Some(name) => {
                    out.push(name);
                    i = name.1 + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The role or organisation ending of word `i`, if any.
    fn ending<'w>(&self, i: usize, endings: &'w [&'static str]) -> Option<&'w str> {
        // (a genitive's -s or -es too: "des Innenministeriums")
        let low = self.low(i);
        let bare = [low, low.trim_end_matches('s'), low.strip_suffix("es").unwrap_or(low)];
        endings.iter().find(|e| bare.iter().any(|w| w.ends_with(*e))).copied()
    }

    fn resolve_mention(
        &self,
        (first, last): (usize, usize),
        people: &[(usize, usize)],
        last_person: Option<&(String, Option<Gender>)>,
        plural: bool,
    ) -> Resolved {
        let doc = self.doc;
        let unknown = Resolved { name: None, title: None, kind: SpeakerType::Unknown, gender: None };
        // A pronoun: "er" a man, "sie" with a singular verb a woman (with a plural one, a group).
        if first == last && self.is(first, class::PRONOUN) {
            let gender = match self.low(first) {
                "er" => Some(Gender::Male),
                "sie" if !plural => Some(Gender::Female),
                "sie" => return Resolved { kind: SpeakerType::Group, ..unknown },
                _ => return unknown,
            };
            let name = last_person.filter(|(_, g)| g.is_none() || *g == gender).map(|(n, _)| n.clone());
            return Resolved { name, title: None, kind: SpeakerType::Person, gender };
        }
        // A source noun's owner ("Angaben der Polizei"): the owner is the speaker.
        // (its first capitalized word that is no article: "Der Sprecher" has "Sprecher")
        let mut head = (first..=last).find(|&i| self.is_capitalized(i) && !self.is(i, class::NOUN_PHRASE));
        if let Some(h) = head.filter(|&h| self.is_source_noun(h)) {
            let owner =
                (h + 1..=last).find(|&i| self.is_capitalized(i) && !matches!(self.low(i - 1), "eigenen" | "ersten"));
            match owner {
                Some(o) => head = Some(o),
                None => return unknown,
            }
        }
        let Some(head) = head else { return unknown };
        let text = |a: usize, b: usize| doc.text_of(a, b).to_string();
        // A name in the mention ("Bundeskanzlerin Angela Merkel", "ein Sprecher, Lars Beringer").
        let in_mention = self.person_names(head, last + 1).into_iter().next();
        let honorific = |at: usize| match at.checked_sub(1).map(|p| self.low(p)) {
            Some("frau") => Some(Gender::Female),
            Some("herr" | "herrn") => Some(Gender::Male),
            _ => None,
        };
        let role_gender = |i: usize| {
            let role = self.ending(i, &self.german.roles)?;
            if role.ends_with("in") {
                Some(Gender::Female)
            } else {
                let article = i
                    .checked_sub(1)
                    .map(|p| self.low(p))
                    .filter(|a| matches!(*a, "der" | "ein" | "dem" | "des" | "einem" | "eines"));
                article.map(|_| Gender::Male)
            }
        };
        if let Some((a, b)) = in_mention {
            // The fullest form of that name in the article: the longest with its surname and
            // given name.
            let fullest = people
                .iter()
                .filter(|(pa, pb)| self.low(*pb) == self.low(b) && self.low(*pa) == self.low(a) && pb - pa > b - a)
                .max_by_key(|(pa, pb)| pb - pa)
                .map_or_else(|| text(a, b), |&(pa, pb)| text(pa, pb));
            let title = (a > first && a > 0 && self.is_capitalized(a - 1) && !self.is_given_name(a - 1))
                .then(|| text(a - 1, a - 1));
            let gender = honorific(a).or_else(|| (a > first).then(|| role_gender(a - 1)).flatten());
            return Resolved { name: Some(fullest), title, kind: SpeakerType::Person, gender };
        }
        // A family name alone, or a role the article gave a name ("Stoiber", "der Bundeskanzler").
        let last_capital = (head..=last).rev().find(|&i| self.is_capitalized(i)).unwrap_or(head);
        let by_surname =
            people.iter().filter(|(_, pb)| self.low(*pb) == self.low(last_capital)).max_by_key(|(pa, pb)| pb - pa);
        if let Some(&(pa, pb)) = by_surname {
            return Resolved {
                name: Some(text(pa, pb)),
                title: None,
                kind: SpeakerType::Person,
                gender: honorific(last_capital),
            };
        }
        if self.ending(head, &self.german.roles).is_some() {
            // the person the article introduced with that role ("Bundeskanzler Olaf Scholz")
            let named = people
                .iter()
                .find(|(pa, _)| *pa > 0 && self.low(pa - 1) == self.low(head))
                .map(|&(pa, pb)| text(pa, pb));
            return Resolved {
                name: named,
                title: Some(text(head, head)),
                kind: SpeakerType::Person,
                gender: role_gender(head),
            };
        }
        let acronym = (first..=last).find(|&i| {
            let t = doc.tok(i);
            t.chars().count() >= 2
                && t.chars().any(char::is_uppercase)
                && t.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        if let Some(a) = acronym {
            return Resolved { name: Some(text(a, a)), title: None, kind: SpeakerType::Organisation, gender: None };
        }
        if self.ending(head, &self.german.organisations).is_some() {
            // a proper name of several capitalized words ("Deutsche Presse-Agentur"), else none
            // ("die Polizei" names no one organisation)
            let capitals = (head..=last).take_while(|&i| self.is_capitalized(i) || self.doc.tok(i) == "-").count();
            let name =
                (capitals >= 2 || self.doc.tok(head).contains('-')).then(|| text(head, head + capitals.max(1) - 1));
            return Resolved { name, title: None, kind: SpeakerType::Organisation, gender: None };
        }
        unknown
    }
}

/// The statement a cue or a source makes of sentence `start..end`.
fn cued(words: &Words, start: usize, end: usize, previous: Option<usize>) -> Option<Found> {
    let mut position = None;
    for i in start..end {
        if words.quoted(i) || !words.is_word(i) {
            continue;
        }
        if let Some(found) = cue_at(words, i, (start, end), previous, &mut position) {
            return Some(found);
        }
    }
    position
}

/// The statement a cue or a source at token `i` makes of sentence `start..end`, if any; a verb
/// of position without a clause is kept in `position`, for when nothing later in the sentence
/// makes one.
fn cue_at(
    words: &Words,
    i: usize,
    (start, end): (usize, usize),
    previous: Option<usize>,
    position: &mut Option<Found>,
) -> Option<Found> {
    let doc = words.doc;
    let german = words.german;
    let stop = end - 1;
    let low = words.low(i);
    // Sources: "laut X", "gemäß X".
    if words.is(i, class::SOURCE_PREPOSITION) {
        let np = words.noun_phrase_at(i + 1, end)?;
        let cue = Some(doc.span_of(i, i));
        let content = if i == start { words.span(np.1 + 1, stop, false)? } else { words.span(start, stop, false)? };
        return Some(Found { content, cue, speaker: Some(np), rule: "source" });
    }
    // "X zufolge".
    if low == "zufolge" && i > start {
        let np_start = (start..i).rev().find(|&k| words.has(k, ',')).map_or(start, |k| k + 1);
        let speaker = (np_start < i).then(|| (np_start, i - 1));
        let content =
            if np_start == start { words.span(i + 1, stop, false)? } else { words.span(start, stop, false)? };
        return Some(Found { content, cue: Some(doc.span_of(i, i)), speaker, rule: "source" });
    }
    // "nach Angaben der Polizei", "nach eigenen Angaben".
    if low == "nach" {
        if let Some(noun) = (i + 1..end.min(i + 4)).find(|&k| words.is_source_noun(k)) {
            let np = words.noun_phrase_at(i + 1, end).filter(|np| np.1 >= noun).unwrap_or((i + 1, noun));
            let content =
                if i == start { words.span(np.1 + 1, stop, false)? } else { words.span(start, stop, false)? };
            return Some(Found { content, cue: Some(doc.span_of(i, i)), speaker: Some(np), rule: "source" });
        }
        // "Seiner Meinung nach"
        if i > start && words.is_source_noun(i - 1) {
            let np_start = if i - 1 > start && words.is_word(i - 2) { i - 2 } else { i - 1 };
            let content = words.span(i + 1, stop, false)?;
            return Some(Found {
                content,
                cue: Some(doc.span_of(i, i)),
                speaker: Some((np_start, i - 1)),
                rule: "source",
            });
        }
    }
    // ", so X." closing the sentence.
    if low == "so" && i > start + 1 && words.has(i - 1, ',') {
        if let Some(np) = words.noun_phrase_at(i + 1, end) {
            // ", so Obama weiter, …" interrupts the statement, which is the whole sentence.
            let mut after = np.1 + 1;
            if after < end && matches!(words.low(after), "weiter" | "weiters" | "zufolge") {
                after += 1;
            }
            let interrupts = after < stop && words.has(after, ',');
            if after >= stop || words.has(after, '.') || interrupts {
                let content =
                    if interrupts { words.span(start, stop, false)? } else { words.span(start, i - 2, false)? };
                return Some(Found { content, cue: Some(doc.span_of(i, i)), speaker: Some(np), rule: "so" });
            }
        }
    }
    // "Demnach …", "…, wonach …": the source is the sentence before.
    if (low == "demnach" && i == start) || (low == "wonach" && i > start && words.has(i - 1, ',')) {
        let content = words.span(i + 1, stop, false)?;
        return Some(Found { content, cue: Some(doc.span_of(i, i)), speaker: Some((i, i)), rule: "source" });
    }
    let particle = words.particle(i, end);
    // A separable verb last in its clause, its particle before it ("wie X bekannt gab").
    let particle_before = i > start && german.separable.get(low).is_some_and(|p| p.contains(&words.low(i - 1)));
    let verbal = words.is(i, class::CUE) || particle.is_some() || particle_before;
    if !verbal && !words.is(i, class::POSITION) {
        return None;
    }
    let cue_end = particle.unwrap_or(i);
    let cue = Some(doc.span_of(if particle_before { i - 1 } else { i }, cue_end));
    // "Das teilte die Polizei mit." / "Dies geht aus einem Bericht hervor.": the sentence
    // before is the statement, with the "Das" that stands for it.
    if i == start + 1 && matches!(words.low(start), "das" | "dies") && previous.is_some() {
        let from = if i + 1 < end && words.low(i + 1) == "aus" { i + 2 } else { i + 1 };
        let speaker = words.noun_phrase_at(from, end);
        let content = previous.map(|p| doc.tokens()[p].start())?..doc.tokens()[start].end();
        return Some(Found { content, cue, speaker, rule: "anaphor" });
    }
    // "Wie X mitteilte, …" / "…, wie X mitteilte."
    let wie = (start..i)
        .rev()
        .take(CUE_CLAUSE_TOKENS)
        .find(|&k| words.low(k) == "wie" && (k == start || (k > start + 1 && words.has(k - 1, ','))));
    if let Some(w) = wie.filter(|_| verbal) {
        let speaker = words.noun_phrase_at(w + 1, i);
        let content = if w == start {
            let comma = (cue_end + 1..end).find(|&k| words.has(k, ','))?;
            words.span(comma + 1, stop, false)?
        } else {
            words.span(start, w - 2, false)?
        };
        return Some(Found { content, cue, speaker, rule: "wie" });
    }
    let clause = (cue_end + 1..end.min(cue_end + 1 + CUE_CLAUSE_TOKENS))
        .find(|&k| !words.quoted(k) && (words.has(k, ',') || words.has(k, ':')));
    // "…, sagte X." The statement comes first (a cue whose own clause follows it, after a
    // relative clause, is not: "Kolarow, dessen Behörde zuständig ist, sagte, …").
    if verbal
        && clause.is_none()
        && i > start + 1
        && words.has(i - 1, ',')
        && !words.doc.tok(i - 1).contains(['“', '”', '"', '«', '»'])
    {
        let speaker = words.noun_phrase_at(cue_end.max(i) + 1, end).or_else(|| words.first_noun_phrase(i + 1, cue_end));
        let content = words.span(start, i - 2, false)?;
        return Some(Found { content, cue, speaker, rule: "after" });
    }
    // "X sagte, …" / "Am Montag sagte X, …" / "X sagte: …".
    let speaker = words.speaker_of(start, i, cue_end, end);
    if verbal {
        if let Some(k) = clause {
            if k + 1 < end {
                let content = words.span(k + 1, stop, false)?;
                return Some(Found { content, cue, speaker, rule: "cue" });
            }
        }
    }
    // "Die Polizei warnte vor Glatteis.", "X kündigte eine Reform an." The position is the
    // sentence, unless a source or a cue with its clause comes later in it ("X bestritt nach
    // Angaben von Y …").
    // (a colon after it leads into a quote, whose cue it is)
    let colon = clause.is_some_and(|k| words.has(k, ':'));
    let stands = (words.is(i, class::POSITION) && (clause.is_none() || !words.is(i, class::CUE) && !colon))
        || (particle.is_some() && clause.is_none());
    if stands && speaker.is_some() && position.is_none() {
        let content = words.span(start, stop, true)?;
        *position = Some(Found { content, cue, speaker, rule: "position" });
    }
    None
}

/// The direct statements: quoted spans of [`DIRECT_MIN_WORDS`] words or more, and shorter ones
/// inside a statement.
fn direct(words: &Words, sentences: &[(Span, std::ops::Range<usize>)], statements: &[Quote]) -> Vec<Quote> {
    let doc = words.doc;
    let mut quotes = Vec::new();
    for m in words.marked {
        let first = doc.token_at_or_after(m.inner.start);
        let last = doc.token_at_or_after(m.inner.end);
        let n_words = (first..last).filter(|&i| words.is_word(i)).count();
        let inside = statements.iter().find(|q| q.span.start <= m.outer.start && m.outer.end <= q.span.end);
        if n_words == 0 || is_markup(doc, m) {
            continue;
        }
        let (speaker, cue, rule) = match inside {
            Some(q) if n_words >= DIRECT_MIN_WORDS || is_quoted_words(words, m, first, last) => {
                (q.speaker.clone(), q.cue.clone(), "fragment")
            }
            Some(_) => continue,
            None => {
                let (speaker, cue, rule) = attribute_direct(words, sentences, m, statements, &quotes);
                // A short quote is a statement only with its own cue ("„Das Alter drückt“,
                // sagte X"); a long one without any only where it reads as said, not as a title.
                let comma_after = {
                    let closing = doc.token_at_or_after(m.inner.end);
                    (closing..doc.tokens().len().min(closing + 2)).any(|i| doc.tok(i).contains(','))
                };
                let keep = if n_words < DIRECT_MIN_WORDS {
                    rule == "colon" || (rule == "after" && comma_after)
                } else {
                    rule != "none" || reads_as_said(words, m, first, last)
                };
                if !keep {
                    continue;
                }
                (speaker, cue, rule)
            }
        };
        quotes.push(Quote {
            span: m.outer.clone(),
            parts: vec![m.outer.clone()],
            kind: QuoteType::Direct,
            cue,
            speaker,
            speaker_name: None,
            speaker_title: None,
            speaker_type: None,
            speaker_gender: None,
            rule: Rule { detector: "german-direct", attribution: rule },
            said_on: None,
        });
    }
    quotes
}

/// Wiki markup (`''…''`) is no quote.
fn is_markup(doc: &Doc, m: &MarkedSpan) -> bool {
    doc.text()[m.outer.clone()].starts_with("''")
}

/// Whether a short quoted span inside a statement is words of the speaker's ("das sei „ein
/// Fehler“", "„volle Verantwortung“") and not a name the reporter quotes ("die Nachrichtenagentur
/// „Xinhua“", "„Grand Theft Auto“, kurz „GTA“"): lower case, or an evaluation after "als", "ein",
/// "sei", not a run of capitalized words, nor after a capitalized noun, "kurz" or a bracket.
fn is_quoted_words(words: &Words, m: &MarkedSpan, first: usize, last: usize) -> bool {
    let doc = words.doc;
    let inner = &doc.text()[m.inner.clone()];
    if inner.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let opening = doc.token_at_or_after(m.outer.start);
    let before = opening.checked_sub(1).filter(|&b| words.is_word(b));
    let low_before = before.map(|b| words.low(b));
    let capitals = (first..last).filter(|&i| words.is_word(i)).all(|i| words.is_capitalized(i));
    let n_words = (first..last).filter(|&i| words.is_word(i)).count();
    let after_noun = before.is_some_and(|b| words.is_capitalized(b) && !words.is(b, class::NOUN_PHRASE));
    let bracketed = opening > 0 && doc.tok(opening - 1).ends_with('(');
    if after_noun
        || bracketed
        || matches!(low_before, Some("kurz" | "deutsch" | "englisch"))
        || (capitals && n_words > 1)
    {
        return false;
    }
    n_words > 1 || low_before.is_some_and(|b| b == "als" || b == "sei" || b.starts_with("ein"))
}

/// Whether a quoted span of four words or more with no cue reads as something said, not as a
/// title ("„Todeszone im Atlantik – Das Bermuda-Dreieck“"): it ends a sentence inside its marks, a
/// colon leads into it, ", and a verb" follows it, or fewer than half its words are capitalized.
fn reads_as_said(words: &Words, m: &MarkedSpan, first: usize, last: usize) -> bool {
    let doc = words.doc;
    let inner = doc.text()[m.inner.clone()].trim_end();
    if inner.ends_with(['.', '!', '?', '…']) {
        return true;
    }
    let opening = doc.token_at_or_after(m.outer.start);
    if opening > 0 && doc.tok(opening - 1).ends_with(':') {
        return true;
    }
    let n_tokens = doc.tokens().len();
    let closing = doc.token_at_or_after(m.inner.end).min(n_tokens.saturating_sub(1));
    let comma_verb = doc.tok(closing).contains(',') || (closing + 1 < n_tokens && doc.tok(closing + 1) == ",");
    let next_word = (closing + 1..doc.tokens().len().min(closing + 3)).find(|&i| words.is_word(i));
    if comma_verb
        && next_word.is_some_and(|i| {
            !words.is_capitalized(i) && !matches!(words.low(i), "und" | "die" | "der" | "das" | "wie" | "als")
        })
    {
        return true;
    }
    let in_words: Vec<usize> = (first..last).filter(|&i| words.is_word(i)).collect();
    2 * in_words.iter().filter(|&&i| words.is_capitalized(i)).count() < in_words.len()
}

/// The speaker and cue of a quoted span that is no fragment of a statement: a cue before it in
/// its sentence, a colon after a speaker, a cue after it, else the statement just before.
fn attribute_direct<'a>(
    words: &Words,
    sentences: &[(Span, std::ops::Range<usize>)],
    m: &MarkedSpan,
    statements: &'a [Quote],
    earlier: &'a [Quote],
) -> (Option<Span>, Option<Span>, &'static str) {
    let doc = words.doc;
    let opening = doc.token_at_or_after(m.outer.start);
    let closing = doc.token_at_or_after(m.outer.end);
    let sentence_of = |at: usize| doc.segments.sentence_of(at);
    let span = |(a, b): (usize, usize)| mention_span(doc, a, b);
    if let Some(s) = sentence_of(m.outer.start) {
        let (start, _) = (sentences[s].1.start, sentences[s].1.end);
        // Before: "X sagte: „…“", "X: „…“".
        for i in (start..opening).rev() {
            if words.quoted(i) || !words.is_word(i) {
                continue;
            }
            let particle = words.particle(i, opening);
            if words.is(i, class::CUE | class::POSITION | class::QUOTE_VERB) || particle.is_some() {
                let cue_end = particle.unwrap_or(i);
                let speaker = words.speaker_of(start, i, cue_end, opening);
                return (speaker.map(span), Some(doc.span_of(i, cue_end)), "before");
            }
        }
        if opening > start && words.has(opening - 1, ':') {
            let speaker = words.sentence_subject(start, opening - 1).or_else(|| {
                let opener = words.is(start, class::OPENER);
                (!opener).then(|| words.noun_phrase_at(start, opening - 1)).flatten()
            });
            if let Some(speaker) = speaker {
                return (Some(span(speaker)), None, "colon");
            }
        }
    }
    if let Some(s) = sentence_of(m.outer.end.saturating_sub(1)) {
        let end = sentences[s].1.end;
        // After: "„…“, sagte X." / "„…“, so X." / "„…“ erklärte X."
        let mut i = closing;
        while i < end && !words.is_word(i) {
            i += 1;
        }
        if i < end && !words.quoted(i) {
            let low = words.low(i);
            let particle = words.particle(i, end);
            if words.is(i, class::CUE) || particle.is_some() || low == "so" {
                let after = particle.map_or(i + 1, |p| p.min(end)).max(i + 1);
                let speaker = words.noun_phrase_at(i + 1, end).or_else(|| words.noun_phrase_at(after, end));
                return (speaker.map(span), Some(doc.span_of(i, particle.unwrap_or(i))), "after");
            }
        }
    }
    // The statement just before, in the same or the previous sentence: a reported one, or a
    // quote ("„A“, sagte Beck. „B“").
    let before = |qs: &'a [Quote]| qs.iter().rev().find(|q| q.span.end <= m.outer.start);
    let previous = match (before(statements), before(earlier)) {
        (Some(a), Some(b)) => Some(if b.span.end > a.span.end { b } else { a }),
        (a, b) => a.or(b),
    };
    if let (Some(q), Some(s)) = (previous, sentence_of(m.outer.start)) {
        let q_sentence = sentence_of(q.span.start);
        if q_sentence.is_some_and(|qs| s - qs <= 1) {
            return (q.speaker.clone(), None, "previous");
        }
    }
    (None, None, "none")
}

/// The bytes of a mention, tokens `a..=b`, without punctuation its last token carries after a
/// closing mark ("„Xinhua“," is one token).
fn mention_span(doc: &Doc, a: usize, b: usize) -> Span {
    let span = doc.span_of(a, b);
    let text = &doc.text()[span.clone()];
    let trimmed = text.trim_end_matches([',', ';', ':', '.']);
    span.start..span.start + trimmed.len().max(1).min(text.len())
}

fn quote(doc: &Doc, found: Found) -> Quote {
    Quote {
        span: found.content.clone(),
        parts: vec![found.content],
        kind: QuoteType::Indirect,
        cue: found.cue,
        speaker: found.speaker.map(|(a, b)| mention_span(doc, a, b)),
        speaker_name: None,
        speaker_title: None,
        speaker_type: None,
        speaker_gender: None,
        rule: Rule { detector: "german", attribution: found.rule },
        said_on: None,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use crate::tokenize::FastTokenizer;

    /// Each statement of a German text: its words, its speaker and its rule.
    fn found(text: &str) -> Vec<(String, Option<String>, String)> {
        let extraction = crate::extract_in(text, None, Cow::Borrowed("de"), &FastTokenizer);
        extraction
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.clone().map(|s| text[s].to_string());
                (text[q.span.clone()].to_string(), speaker, format!("{}/{}", q.rule.detector, q.rule.attribution))
            })
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>, String) {
        let mut all = found(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    #[test]
    fn a_cue_then_a_comma_reports_the_clause_after_it() {
        let (content, speaker, rule) = one("Der Minister sagte, die Lage sei ernst.");
        assert_eq!(
            (content.as_str(), speaker.as_deref(), rule.as_str()),
            ("die Lage sei ernst", Some("Der Minister"), "german/cue")
        );
        // "dass" is part of the statement
        assert_eq!(one("Die Polizei erklärte, dass niemand verletzt wurde.").0, "dass niemand verletzt wurde");
    }

    #[test]
    fn after_an_adverbial_the_subject_follows_the_cue() {
        let (content, speaker, _) = one("Am Montag sagte der Sprecher des Ministeriums, man prüfe den Fall.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("man prüfe den Fall", Some("der Sprecher des Ministeriums"))
        );
    }

    #[test]
    fn a_separable_verb_closes_its_cue_with_its_particle() {
        let (content, speaker, _) = one("Gestern teilte die Polizei mit, dass der Täter gefasst sei.");
        assert_eq!((content.as_str(), speaker.as_deref()), ("dass der Täter gefasst sei", Some("die Polizei")));
    }

    #[test]
    fn a_cue_after_the_statement_names_its_speaker_after_it() {
        let (content, speaker, rule) = one("Die Lage sei ernst, sagte der Minister.");
        assert_eq!(
            (content.as_str(), speaker.as_deref(), rule.as_str()),
            ("Die Lage sei ernst", Some("der Minister"), "german/after")
        );
    }

    #[test]
    fn a_relative_clause_is_no_part_of_the_speaker() {
        let (_, speaker, _) = one("Todor Kolarow, dessen Behörde zuständig ist, sagte, es gebe keine Gefahr.");
        assert_eq!(speaker.as_deref(), Some("Todor Kolarow"));
    }

    #[test]
    fn sources_laut_zufolge_and_nach_angaben_report_the_rest_of_the_sentence() {
        let (content, speaker, _) = one("Laut der Polizei wurden drei Menschen verletzt.");
        assert_eq!((content.as_str(), speaker.as_deref()), ("wurden drei Menschen verletzt", Some("der Polizei")));
        let (content, speaker, _) = one("Ersten Angaben zufolge kamen zwei Menschen ums Leben.");
        assert_eq!((content.as_str(), speaker.as_deref()), ("kamen zwei Menschen ums Leben", Some("Ersten Angaben")));
        let (content, speaker, _) = one("Nach Angaben der Feuerwehr brach das Feuer am Morgen aus.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("brach das Feuer am Morgen aus", Some("Angaben der Feuerwehr"))
        );
    }

    #[test]
    fn so_after_a_comma_closes_a_statement_with_its_speaker() {
        let (content, speaker, rule) = one("Die Täter seien geflohen, so der Sprecher.");
        assert_eq!(
            (content.as_str(), speaker.as_deref(), rule.as_str()),
            ("Die Täter seien geflohen", Some("der Sprecher"), "german/so")
        );
    }

    #[test]
    fn a_wie_clause_names_the_source_of_the_main_clause() {
        let (content, speaker, _) = one("Wie die Polizei mitteilte, wurde niemand verletzt.");
        assert_eq!((content.as_str(), speaker.as_deref()), ("wurde niemand verletzt", Some("die Polizei")));
    }

    #[test]
    fn konjunktiv_sentences_continue_the_report_as_one_statement() {
        let all = found(
            "Der Minister sagte, die Lage sei ernst. Es gebe keine Lösung. Man habe alles versucht. Der Zug fuhr ab.",
        );
        let got: Vec<(&str, Option<&str>)> = all.iter().map(|(c, s, _)| (c.as_str(), s.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("die Lage sei ernst", Some("Der Minister")),
                ("Es gebe keine Lösung. Man habe alles versucht.", Some("Der Minister"))
            ]
        );
    }

    #[test]
    fn soll_reports_only_right_after_a_statement() {
        let all = found("Laut der Polizei wurde ein Mann festgenommen. Er soll geschossen haben.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!((all[1].0.as_str(), all[1].1.as_deref()), ("Er soll geschossen haben.", Some("der Polizei")));
        assert!(found("Der Zug fuhr ab. Er soll pünktlich sein.").is_empty());
    }

    #[test]
    fn a_position_verb_without_a_clause_makes_the_sentence_the_statement() {
        let (content, speaker, _) = one("Die Gewerkschaft forderte höhere Löhne.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("Die Gewerkschaft forderte höhere Löhne.", Some("Die Gewerkschaft"))
        );
    }

    #[test]
    fn quoted_statements_take_the_cue_before_or_after_them() {
        let (content, speaker, rule) =
            one("Der Sprecher erklärte am Dienstag: „Wir gehen davon aus, dass alles gut wird.“");
        assert_eq!(
            (content.as_str(), speaker.as_deref(), rule.as_str()),
            ("„Wir gehen davon aus, dass alles gut wird.“", Some("Der Sprecher"), "german-direct/before")
        );
        let (content, speaker, _) = one("„Das Alter drückt sehr“, sagte Georg Ratzinger zur Nachrichtenagentur dpa.");
        assert_eq!((content.as_str(), speaker.as_deref()), ("„Das Alter drückt sehr“", Some("Georg Ratzinger")));
        let (_, speaker, rule) = one("Ein Beamter der Polizei: „Hier weiß man, wer die Täter sind.“");
        assert_eq!((speaker.as_deref(), rule.as_str()), (Some("Ein Beamter der Polizei"), "german-direct/colon"));
    }

    #[test]
    fn a_short_quoted_fragment_inside_a_statement_is_its_speakers() {
        let all = found("Die Ministerin sagte, das Gesetz sei „ein Fehler“ gewesen.");
        let got: Vec<(&str, Option<&str>)> = all.iter().map(|(c, s, _)| (c.as_str(), s.as_deref())).collect();
        assert_eq!(
            got,
            [("das Gesetz sei „ein Fehler“ gewesen", Some("Die Ministerin")), ("„ein Fehler“", Some("Die Ministerin"))]
        );
        // outside a statement, a short quoted term is none
        assert!(found("Das Buch „Die Blechtrommel“ erschien 1959.").is_empty());
    }
    #[test]
    fn a_time_is_no_colon() {
        let (content, _, _) = one("Die Polizei sagte heute um 08:15 Uhr, der Bus sei verunglückt.");
        assert_eq!(content, "der Bus sei verunglückt");
    }

    #[test]
    fn a_source_later_in_the_sentence_wins_over_a_verb_of_position() {
        let (_, speaker, rule) =
            one("Der Vorsitzende bestritt nach Angaben der Nachrichtenagentur Xinhua den Einsatz von Waffen.");
        assert_eq!(
            (speaker.as_deref(), rule.as_str()),
            (Some("Angaben der Nachrichtenagentur Xinhua"), "german/source")
        );
    }

    #[test]
    fn a_name_with_its_apposition_is_the_subject() {
        let (_, speaker, _) =
            one("Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes, sagte, das Verfahren sei offen.");
        assert_eq!(speaker.as_deref(), Some("Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes"));
    }

    #[test]
    fn so_inside_the_sentence_makes_the_whole_sentence_the_statement() {
        let (content, speaker, _) = one("Sein Rivale, so Obama weiter, würde viele Spenden erhalten.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("Sein Rivale, so Obama weiter, würde viele Spenden erhalten", Some("Obama"))
        );
    }

    #[test]
    fn a_participle_cue_takes_the_subject_before_its_auxiliary_or_after_it() {
        let (content, speaker, _) =
            one("Die Vereinsleitung von Borussia Dortmund hat nun versprochen, gegen die Randalierer vorzugehen.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("gegen die Randalierer vorzugehen", Some("Die Vereinsleitung von Borussia Dortmund"))
        );
        let (_, speaker, _) = one("Ferner habe die Studie festgestellt, dass niemand abwandere.");
        assert_eq!(speaker.as_deref(), Some("die Studie"));
    }

    #[test]
    fn konjunktiv_without_a_recent_speaker_is_the_previous_sentences_subjects() {
        let all = found(
            "Das staatliche Fernsehen berichtete von schweren Verlusten. Der Rat der Stadt sei aufgelöst worden.",
        );
        let last = all.last().unwrap();
        assert_eq!(
            (last.0.as_str(), last.1.as_deref()),
            ("Der Rat der Stadt sei aufgelöst worden.", Some("Das staatliche Fernsehen"))
        );
    }

    #[test]
    fn konjunktiv_only_in_a_clause_after_a_comma_is_the_sentences_own_subjects() {
        let all = found("Der Minister sagte, die Lage sei ernst. Günter Metzges ist der Meinung, dass die Klage nichts verzögern dürfe.");
        let last = all.last().unwrap();
        assert_eq!(last.1.as_deref(), Some("Günter Metzges"));
    }

    #[test]
    fn a_verb_of_position_before_a_quote_attributes_it() {
        let (content, speaker, _) =
            one("In einer Nachricht würdigte er den Toten: „Er war ein leuchtendes Beispiel für uns alle.“");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("„Er war ein leuchtendes Beispiel für uns alle.“", Some("er"))
        );
    }

    #[test]
    fn a_separable_verb_last_in_a_wie_clause_and_across_an_apposition() {
        let (content, speaker, _) = one("Wie der Hersteller Adidas am Morgen bekannt gab, wird er Reebok übernehmen.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("wird er Reebok übernehmen", Some("der Hersteller Adidas"))
        );
        let (content, speaker, _) =
            one("Vor dem Absturz wurde kein Notsignal gesendet, teilte später der Direktor der Behörde, Bagus Puruhito, mit.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("Vor dem Absturz wurde kein Notsignal gesendet", Some("der Direktor der Behörde"))
        );
    }

    #[test]
    fn das_before_a_cue_stands_for_the_sentence_before() {
        let all = found(
            "Die Show bestreiten Jennifer Lopez und Shakira. Das teilten die beiden Sängerinnen auf Twitter mit.",
        );
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(
            (all[0].0.as_str(), all[0].1.as_deref()),
            ("Die Show bestreiten Jennifer Lopez und Shakira. Das", Some("die beiden Sängerinnen"))
        );
    }

    #[test]
    fn a_separable_verb_without_a_clause_reports_a_position() {
        let (content, speaker, _) = one("Die Ministerin kündigte auf einer Pressekonferenz eine Reform an.");
        assert_eq!(
            (content.as_str(), speaker.as_deref()),
            ("Die Ministerin kündigte auf einer Pressekonferenz eine Reform an.", Some("Die Ministerin"))
        );
    }
    #[test]
    fn a_passive_cue_names_its_speaker_only_with_von() {
        let (content, speaker, _) = one("Klien wurde vorgeworfen, an der Schlägerei beteiligt gewesen zu sein.");
        assert_eq!((content.as_str(), speaker), ("an der Schlägerei beteiligt gewesen zu sein", None));
        let (_, speaker, _) = one("Es wurde von der Polizei mitgeteilt, dass niemand verletzt wurde.");
        assert_eq!(speaker.as_deref(), Some("der Polizei"));
        // the future is no passive
        let (_, speaker, _) = one("Der Minister wird sagen, dass alles gut sei.");
        assert_eq!(speaker.as_deref(), Some("Der Minister"));
    }

    #[test]
    fn a_subordinate_clause_names_its_subject_after_its_conjunction() {
        let all = found("Während Shakira erklärte, aufgeregt zu sein, schwieg Lopez.");
        assert_eq!(all[0].1.as_deref(), Some("Shakira"), "{all:?}");
    }

    #[test]
    fn a_lone_adverb_before_the_cue_leaves_the_subject_after_it() {
        let (_, speaker, _) = one("Unmissverständlich sagt das Gericht, dass es nicht überzeugt sei.");
        assert_eq!(speaker.as_deref(), Some("das Gericht"));
        let (_, speaker, _) = one("Des Weiteren verwies Steinbrück darauf, dass der Haushalt solide sei.");
        assert_eq!(speaker.as_deref(), Some("Steinbrück"));
        // a name alone before the cue stays its subject
        let (_, speaker, _) = one("Stoiber sagte, die Union brauche die SPD.");
        assert_eq!(speaker.as_deref(), Some("Stoiber"));
    }
    /// Each statement's speaker name, title, type and gender.
    fn names(text: &str) -> Vec<(Option<String>, Option<String>, &'static str, &'static str)> {
        crate::extract_in(text, None, Cow::Borrowed("de"), &FastTokenizer)
            .quotes
            .iter()
            .map(|q| {
                let kind = q.speaker_type.map_or("", |t| t.as_str());
                (
                    q.speaker_name.clone(),
                    q.speaker_title.clone(),
                    kind,
                    q.speaker_gender.map_or("unknown", |g| g.as_str()),
                )
            })
            .collect()
    }

    #[test]
    fn speakers_resolve_to_the_fullest_name_the_article_gives() {
        let text = "Bundeskanzlerin Angela Merkel sagte, die Lage sei ernst. Merkel erklärte, man prüfe alles. \
                    Sie sagte, es gebe Hoffnung.";
        let got = names(text);
        let name = |i: usize| got[i].0.as_deref();
        assert_eq!(
            (name(0), got[0].1.as_deref(), got[0].2),
            (Some("Angela Merkel"), Some("Bundeskanzlerin"), "person")
        );
        assert_eq!((name(1), name(2), got[2].3), (Some("Angela Merkel"), Some("Angela Merkel"), "female"));
    }

    #[test]
    fn roles_organisations_and_sources_have_their_types() {
        let got = names("Der Sprecher des Ministeriums sagte, man prüfe den Fall. Laut der WHO gibt es keine Gefahr.");
        assert_eq!((got[0].0.as_deref(), got[0].2, got[0].3), (None, "person", "male"));
        assert_eq!((got[1].0.as_deref(), got[1].2), (Some("WHO"), "organisation"));
        let got = names("Nach Aussagen des Innenministeriums wurde niemand verletzt.");
        assert_eq!(got[0].2, "organisation");
        // "sie" with a plural verb is a group
        let got =
            names("Die Forscher sagten, sie hätten nichts gefunden. Sie erklärten, dass die Proben sauber seien.");
        assert_eq!(got.last().unwrap().2, "group");
    }
    #[test]
    fn a_quoted_name_or_title_is_no_statement_and_a_quoted_evaluation_is() {
        // a name after its noun, and a title without a cue
        let all = found("Die Nachrichtenagentur „Xinhua“ meldete, das Flugzeug sei abgestürzt.");
        assert!(all.iter().all(|(c, _, _)| c != "„Xinhua“"), "{all:?}");
        assert!(found("Der Film trägt den Titel „Todeszone im Atlantik – Das Bermuda-Dreieck“.").is_empty());
        // an evaluation after "als", a lower-case fragment
        let all = found("Der Minister sagte, er sehe das Gesetz als „Wortbruch“ und als „grobe Täuschung“.");
        let quoted: Vec<&str> = all.iter().map(|(c, _, _)| c.as_str()).filter(|c| c.starts_with('„')).collect();
        assert_eq!(quoted, ["„Wortbruch“", "„grobe Täuschung“"]);
        // a short quote with its own cue after it
        let (content, speaker, _) = one("„Das Alter drückt“, sagte Georg Ratzinger.");
        assert_eq!((content.as_str(), speaker.as_deref()), ("„Das Alter drückt“", Some("Georg Ratzinger")));
    }

    #[test]
    fn the_comma_after_a_closing_mark_is_outside_the_quote() {
        let (_, speaker, _) = one("Bezüglich des Starts meldete die Agentur „Xinhua“, die Maschine sei gelandet.");
        assert_eq!(speaker.as_deref(), Some("die Agentur „Xinhua“"));
    }
    #[test]
    fn konjunktiv_two_continues_only_right_after_a_statement() {
        let all = found("Der Minister sagte, die Lage sei ernst. Man hätte früher handeln müssen.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[1].1.as_deref(), Some("Der Minister"));
        assert!(found("Der Zug fuhr ab. Man hätte früher handeln müssen.").is_empty());
    }

    #[test]
    fn a_compound_of_angaben_and_more_source_nouns_after_nach() {
        let (content, speaker, _) = one("Nach Armeeangaben wurden drei Soldaten verletzt.");
        assert_eq!((content.as_str(), speaker.as_deref()), ("wurden drei Soldaten verletzt", Some("Armeeangaben")));
        let (_, speaker, _) = one("Nach Berechnungen eines Forschers sind nur 300 Jäger eingewandert.");
        assert_eq!(speaker.as_deref(), Some("Berechnungen eines Forschers"));
    }
    #[test]
    fn a_quote_opening_its_sentence_continues_the_quote_before_it() {
        let all =
            found("„Die Lage ist sehr ernst und wird schlimmer“, sagte Beck. „Wir müssen einander die Hand reichen.“");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!((all[1].1.as_deref(), all[1].2.as_str()), (Some("Beck"), "german-direct/previous"));
    }

    #[test]
    fn a_noun_phrase_ends_before_another_one_and_a_number_is_no_acronym() {
        let all = found("Bekannt gab der Ständige Ausschuss des Volkskongresses seine Entscheidung, dass eine „repräsentativ“ besetzte Versammlung entscheide.");
        assert!(
            all.iter()
                .all(|(_, s, _)| s.as_deref() != Some("der Ständige Ausschuss des Volkskongresses seine Entscheidung")),
            "{all:?}"
        );
        let got = names("Der 39-Jährige gab jedoch an, es gehe ihm nur um die Kinder.");
        assert_eq!((got[0].0.as_deref(), got[0].2), (None, "unknown"));
    }
    #[test]
    fn odd_german_texts_panic_nowhere() {
        for text in [
            ", so Merkel.",
            ", wie die Polizei mitteilte.",
            "Der Zug fuhr ab. Das sagte",
            "Laut der Agentur „Xinhua“.",
            ". Es sei gut.",
            "laut Herrn«",
            "zufolge",
            "„",
        ] {
            found(text);
        }
    }

    #[test]
    fn a_decimal_comma_opens_no_clause() {
        assert!(found("Der Minister sagte am Montag 2,5 Prozent seien genug.")
            .iter()
            .all(|(c, _, _)| c != "5 Prozent seien genug"));
    }
    #[test]
    fn a_court_sentence_is_no_statement_and_a_demand_is() {
        assert!(found("Uhl war gestern vom Amtsgericht zu einer Geldstrafe verurteilt worden.").is_empty());
        assert!(found("Deutschland bestreitet sein zweites Gruppenspiel am Sonntag.").is_empty());
        let (_, speaker, rule) = one("Die Mission der Vereinten Nationen verlangte den Rückzug aller Einheiten.");
        assert_eq!(
            (speaker.as_deref(), rule.as_str()),
            (Some("Die Mission der Vereinten Nationen"), "german/position")
        );
    }
}
