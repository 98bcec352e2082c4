//! The English word lists of `en/words.txt`, loaded once: the reporting cues by kind, the cues
//! whose subject may follow them, the words of noun phrases the rules ask about, and the words of
//! temporal expressions. Data knows no rules: these lists say what a word is, and `speakers/` and
//! `dates/` decide what that means. The lexicon (`lexicon.rs`) marks its entries by them.

use std::sync::LazyLock;

use chrono::Weekday;

/// The lists of `en/words.txt`, one a section, each in the file's order.
pub struct EnglishWords {
    /// Lemmas whose object is what was said ("say", "tell").
    pub reporting: Vec<&'static str>,
    /// Lemmas of belief, intention and evidence ("believe", "want", "show"): reported content
    /// when a clause or an object follows them, which the cue rules check.
    pub thought: Vec<&'static str>,
    /// Lemmas of judgement ("criticize", "oppose", "defend"): reported content with a clause,
    /// or with an object and the reason for the position ("criticized the court for …"); a plain
    /// object ("opposed the withdrawal") is only what was judged.
    pub stance: Vec<&'static str>,
    /// Cues whose subject may follow them ("said Trump", "wrote McGurk"); after the others
    /// ("called the pact “insanity”", "told Fox News") a name is the object.
    pub invertible: Vec<&'static str>,
    /// Lemmas that report only with their particle ("spoke about", "pointed to"), with it.
    particles: Vec<(&'static str, Vec<&'static str>)>,
    /// Lemmas a rule asks about by name besides those with a particle ("agree").
    by_name: Vec<&'static str>,
    /// Pronouns of a person of one gender ("he", "her").
    pub gendered_pronouns: Vec<&'static str>,
    /// Determiners of a noun phrase ("the", "its").
    pub determiners: Vec<&'static str>,
    /// Quantifiers that open a nominal speaker ("many commentators said").
    pub quantifiers: Vec<&'static str>,
    /// Words that open a subordinate clause before a sentence's subject.
    pub subordinators: Vec<&'static str>,
    /// Words for a document that speaks for its author ("a statement released by X").
    pub documents: Vec<&'static str>,
    /// Month names and abbreviations with their numbers, January first, each full name before
    /// its abbreviations.
    pub months: Vec<(&'static str, u32)>,
    /// Weekday names, Monday first.
    pub weekdays: Vec<(&'static str, Weekday)>,
    /// Number words a date expression counts with, and their values.
    pub numbers: Vec<(&'static str, i64)>,
    /// Words a date expression may start with besides months, weekdays and numbers.
    date_starts: Vec<&'static str>,
}

pub static ENGLISH: LazyLock<EnglishWords> = LazyLock::new(|| EnglishWords::parse(include_str!("en/words.txt")));

impl EnglishWords {
    fn parse(source: &'static str) -> EnglishWords {
        let mut words = EnglishWords {
            reporting: Vec::new(),
            thought: Vec::new(),
            stance: Vec::new(),
            invertible: Vec::new(),
            particles: Vec::new(),
            by_name: Vec::new(),
            gendered_pronouns: Vec::new(),
            determiners: Vec::new(),
            quantifiers: Vec::new(),
            subordinators: Vec::new(),
            documents: Vec::new(),
            months: Vec::new(),
            weekdays: Vec::new(),
            numbers: Vec::new(),
            date_starts: Vec::new(),
        };
        let mut month = 0;
        const DAYS: [Weekday; 7] =
            [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
        for (section, line) in super::sections(source) {
            let mut entries = line.split_whitespace();
            let list = match section {
                "reporting" => &mut words.reporting,
                "thought" => &mut words.thought,
                "stance" => &mut words.stance,
                "invertible" => &mut words.invertible,
                "by_name" => &mut words.by_name,
                "gendered_pronouns" => &mut words.gendered_pronouns,
                "determiners" => &mut words.determiners,
                "quantifiers" => &mut words.quantifiers,
                "subordinators" => &mut words.subordinators,
                "documents" => &mut words.documents,
                "date_starts" => &mut words.date_starts,
                "particles" => {
                    let lemma = entries.next().expect("a non-empty line has a first word");
                    words.particles.push((lemma, entries.collect()));
                    continue;
                }
                "months" => {
                    month += 1;
                    words.months.extend(entries.map(|name| (name, month)));
                    continue;
                }
                "weekdays" => {
                    let at = words.weekdays.len();
                    assert!(at + line.split_whitespace().count() <= 7, "seven weekdays in en/words.txt");
                    words.weekdays.extend(entries.zip(&DAYS[at..]).map(|(name, &day)| (name, day)));
                    continue;
                }
                "numbers" => {
                    let (word, value) = (entries.next(), entries.next().and_then(|v| v.parse().ok()));
                    words.numbers.push((word.expect("a word"), value.expect("a number word, then its value")));
                    continue;
                }
                other => panic!("unknown section [{other}] in en/words.txt"),
            };
            list.extend(entries);
        }
        assert_eq!(month, 12, "twelve months in en/words.txt");
        assert_eq!(words.weekdays.len(), 7, "seven weekdays in en/words.txt");
        words
    }

    /// Whether the cue rules ask about `lemma` by name: "agree", and those [`particle_of`]
    /// gives a particle ("call" among them). Their cue forms have a lexicon bit
    /// (`Entry::is_particular`).
    ///
    /// [`particle_of`]: EnglishWords::particle_of
    pub fn asked_by_name(&self, lemma: &str) -> bool {
        self.by_name.contains(&lemma) || !self.particle_of(lemma).is_empty()
    }

    /// The particles without which `lemma` reports nothing ("spoke about", "pointed to",
    /// "points out", "commented on"): the particle is part of the cue. None for other lemmas.
    pub fn particle_of(&self, lemma: &str) -> &[&'static str] {
        self.particles.iter().find(|(l, _)| *l == lemma).map_or(&[], |(_, particles)| particles.as_slice())
    }

    /// The words an expression can start with, besides a number: the month and weekday names,
    /// the number words, and yesterday, today, tonight, this, last. The lexicon marks them, so
    /// that the date finder turns most tokens away by their entry.
    pub fn date_start_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        let months = self.months.iter().map(|&(name, _)| name);
        let weekdays = self.weekdays.iter().map(|&(name, _)| name);
        let numbers = self.numbers.iter().map(|&(name, _)| name);
        months.chain(weekdays).chain(numbers).chain(self.date_starts.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_lists_load_with_their_shapes() {
        let en = &*ENGLISH;
        assert!(en.reporting.contains(&"say") && en.thought.contains(&"believe") && en.stance.contains(&"criticize"));
        assert_eq!(en.particle_of("point"), ["to", "out"]);
        assert!(en.particle_of("say").is_empty());
        assert!(en.asked_by_name("agree") && en.asked_by_name("call") && !en.asked_by_name("say"));
        assert_eq!(
            en.months.iter().filter(|&&(_, m)| m == 9).map(|&(n, _)| n).collect::<Vec<_>>(),
            ["september", "sept", "sep"]
        );
        assert_eq!(en.weekdays[0], ("monday", Weekday::Mon));
        assert_eq!(en.weekdays[6], ("sunday", Weekday::Sun));
        assert_eq!(en.numbers.iter().find(|(w, _)| *w == "ten"), Some(&("ten", 10)));
        let starts: Vec<_> = en.date_start_words().collect();
        assert!(starts.contains(&"may") && starts.contains(&"yesterday") && starts.contains(&"seven"));
    }

    #[test]
    fn a_word_list_in_an_unknown_section_or_short_of_months_is_refused() {
        let unknown = std::panic::catch_unwind(|| EnglishWords::parse("[verbs]\nsay\n"));
        assert!(unknown.is_err());
        let short = std::panic::catch_unwind(|| EnglishWords::parse("[weekdays]\nmonday\n[months]\njanuary\n"));
        assert!(short.is_err());
    }
}
