//! Free-text topics → catalogue topics. A cell ("эксель, видео монтаж; работа с родителями")
//! is split into entries; each entry is scored against every topic's name and aliases and gets
//! the best topic with a confidence in 0..1. Entries below [`THRESHOLD`] are not trusted: the
//! import keeps them as new topics for review.

use std::cell::RefCell;
use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::domain::case::Catalogue;

use super::text::{Token, glued, normalise, similarity, tokens};

/// Confidence at or above which a mapping is accepted without review. Chosen on the labelled
/// fixture (`tests/fixtures/import/topics-labelled.tsv`): the lowest value with no wrong
/// mapping at or above it; see docs/import.md.
pub const THRESHOLD: f64 = 0.7;

/// The most an entry that mixes words of two topics can score: always below the threshold.
const MIXED: f64 = 0.5;

/// The most the skim matcher alone can give: a run of letters is weaker evidence than words.
const SKIM_MAX: f64 = 0.7;

/// The score of an entry made only of one topic's words, when no other topic comes close.
const ALL_EXPLAINED: f64 = 0.8;

/// How far apart the best two topics must be for the best to keep its full score.
const MARGIN: f64 = 0.1;

/// One way a topic is written (its name or an alias), prepared for matching.
struct Phrase {
    tokens: Vec<Token>,
    glued: String,
    norm: String,
    /// The phrase is an acronym ("ОВЗ", "НОУ"): its letters, lowercase.
    acronym: Option<String>,
}

impl Phrase {
    fn new(text: &str) -> Phrase {
        let tokens = tokens(text);
        let trimmed = text.trim();
        let letters = trimmed.chars().count();
        let acronym = ((2..=5).contains(&letters)
            && trimmed
                .chars()
                .all(|c| c.is_alphabetic() && c.is_uppercase()))
        .then(|| normalise(trimmed));
        Phrase {
            glued: glued(&tokens),
            norm: normalise(text),
            tokens,
            acronym,
        }
    }

    /// First letters of the meaningful words: "дети с ограниченными возможностями
    /// здоровья" → "довз".
    fn initials(&self) -> String {
        self.tokens
            .iter()
            .filter_map(|t| t.stem.chars().next())
            .collect()
    }
}

struct Candidate {
    id: String,
    phrases: Vec<Phrase>,
    /// Every token of the name and aliases: an entry may combine words from several
    /// ("Excel таблицы").
    vocabulary: Vec<Token>,
}

/// The best topic for an entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub topic: String,
    /// 0..1; at or above [`THRESHOLD`] the mapping is accepted.
    pub confidence: f64,
    /// The runner-up, when there is one, for the report.
    pub runner_up: Option<(String, f64)>,
}

impl Match {
    pub fn accepted(&self) -> bool {
        self.confidence >= THRESHOLD
    }
}

/// An entry prepared for scoring against every topic.
struct Input {
    phrase: Phrase,
    initials: String,
    /// The skim score of the entry against itself: what a perfect match scores; 0 until the
    /// skim fallback is needed.
    perfect: i64,
}

/// Scores free text against a catalogue's topics.
pub struct Matcher {
    candidates: Vec<Candidate>,
    skim: SkimMatcherV2,
    /// Entries already scored: a school's survey says "эксель" a hundred times.
    cache: RefCell<HashMap<String, Option<Match>>>,
}

impl Matcher {
    pub fn new(catalogue: &Catalogue) -> Matcher {
        let candidates = catalogue
            .directions
            .iter()
            .flat_map(|d| &d.topics)
            .map(|t| {
                let phrases: Vec<Phrase> = std::iter::once(t.name.as_str())
                    .chain(name_parts(&t.name))
                    .chain(t.aliases.iter().map(String::as_str))
                    .map(Phrase::new)
                    .collect();
                Candidate {
                    id: t.id.clone(),
                    vocabulary: phrases.iter().flat_map(|p| p.tokens.clone()).collect(),
                    phrases,
                }
            })
            .collect();
        Matcher {
            candidates,
            skim: SkimMatcherV2::default(),
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// The best topic for `text`, or `None` when the text has no meaningful word or nothing
    /// in the catalogue resembles it at all.
    pub fn best(&self, text: &str) -> Option<Match> {
        if let Some(hit) = self.cache.borrow().get(text) {
            return hit.clone();
        }
        let found = self.score_entry(text);
        self.cache
            .borrow_mut()
            .insert(text.to_string(), found.clone());
        found
    }

    fn score_entry(&self, text: &str) -> Option<Match> {
        // A topic's own id ("video", "excel"), as a trainer's list may give it: sure.
        let key = text.trim().to_lowercase();
        if let Some(c) = self.candidates.iter().find(|c| c.id.to_lowercase() == key) {
            return Some(Match {
                topic: c.id.clone(),
                confidence: 1.0,
                runner_up: None,
            });
        }
        let phrase = Phrase::new(text);
        if phrase.tokens.is_empty() {
            return None;
        }
        let mut input = Input {
            initials: phrase.initials(),
            perfect: 0,
            phrase,
        };
        let mut scored = self.rank(&input);
        // The skim matcher is the slow fallback: ask it only when the words found nothing sure.
        if scored.first().is_none_or(|b| b.0 < THRESHOLD) {
            let norm = &input.phrase.norm;
            input.perfect = self.skim.fuzzy_match(norm, norm).unwrap_or(0);
            scored = self.rank(&input);
        }
        let (best, id) = *scored.first().filter(|b| b.0 > 0.0)?;
        let runner_up = scored.get(1).filter(|r| r.0 > 0.0);
        let alone = runner_up.is_none_or(|r| r.0 < 0.5 * best);
        let best = if alone && self.explains_all(&input.phrase, id) {
            best.max(ALL_EXPLAINED)
        } else {
            best
        };
        let margin = runner_up.map_or(1.0, |r| best - r.0);
        let mut confidence = (best - (MARGIN - margin).max(0.0)).clamp(0.0, 1.0);
        if self.mixes_topics(&input.phrase, id) {
            confidence = confidence.min(MIXED);
        }
        Some(Match {
            topic: id.to_string(),
            confidence,
            runner_up: runner_up.map(|r| (r.1.to_string(), r.0)),
        })
    }

    /// Every topic with its score, best first.
    fn rank(&self, input: &Input) -> Vec<(f64, &str)> {
        let mut scored: Vec<(f64, &str)> = self
            .candidates
            .iter()
            .map(|c| (self.topic_score(input, c), c.id.as_str()))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
    }

    /// True when every word of the entry is a word of topic `id` ("video" for "Making short
    /// videos"): the entry says nothing but that topic, only less of it.
    fn explains_all(&self, input: &Phrase, id: &str) -> bool {
        // Generic words alone ("10 класс") say too little to name a topic.
        input.tokens.iter().any(|t| t.weight >= 1.0)
            && self
                .candidates
                .iter()
                .find(|c| c.id == id)
                .is_some_and(|c| cover(&input.tokens, &c.vocabulary) >= 0.99)
    }

    /// True when a word of the entry that topic `id` does not explain belongs to another
    /// topic: "работа с родителями трудных" mixes parents' work with children at risk.
    fn mixes_topics(&self, input: &Phrase, id: &str) -> bool {
        let Some(chosen) = self.candidates.iter().find(|c| c.id == id) else {
            return false;
        };
        let explains = |c: &Candidate, t: &Token| c.vocabulary.iter().any(|u| u.stem == t.stem);
        input
            .tokens
            .iter()
            .filter(|t| t.weight >= 1.0 && !explains(chosen, t))
            .any(|t| self.candidates.iter().any(|c| c.id != id && explains(c, t)))
    }

    /// 0..1: how well `input` says the topic: how much of the input the topic's words
    /// explain, against how much of its best phrase the input says.
    fn topic_score(&self, input: &Input, c: &Candidate) -> f64 {
        let explained = cover_input(&input.phrase.tokens, &c.vocabulary);
        c.phrases
            .iter()
            .map(|p| self.score(input, p, explained))
            .fold(0.0, f64::max)
    }

    fn score(&self, input: &Input, phrase: &Phrase, explained: f64) -> f64 {
        if phrase.tokens.is_empty() {
            return 0.0;
        }
        if input.phrase.glued == phrase.glued {
            return 1.0;
        }
        let said = cover(&phrase.tokens, &input.phrase.tokens);
        let tokens = harmonic(explained, said).max(acronym_score(phrase, &input.initials));
        // Skim never scores above SKIM_MAX: only ask it when it could help.
        if tokens >= SKIM_MAX {
            tokens
        } else {
            tokens.max(self.skim_score(input, phrase))
        }
    }

    /// The input as a near-contiguous run of letters inside the phrase, relative to a perfect
    /// match: catches glued or broken words the tokens miss ("видео-монтаж", "соцпаспорт").
    fn skim_score(&self, input: &Input, phrase: &Phrase) -> f64 {
        if input.perfect <= 0 || input.phrase.norm.chars().count() < 6 {
            return 0.0;
        }
        let got = self
            .skim
            .fuzzy_match(&phrase.norm, &input.phrase.norm)
            .unwrap_or(0);
        let ratio = got as f64 / input.perfect as f64;
        // Only a near-perfect run counts, and never as much as a token match.
        if ratio >= 0.9 {
            SKIM_MAX * ratio.min(1.0)
        } else {
            0.0
        }
    }
}

/// The parts of a name that lists several things: "Обществознание. Экономика. Финансовая
/// грамотность" names each of the three.
fn name_parts(name: &str) -> impl Iterator<Item = &str> {
    let parts: Vec<&str> = name.split(". ").map(str::trim).collect();
    let several = parts.len() > 1;
    parts.into_iter().filter(move |p| several && !p.is_empty())
}

fn harmonic(a: f64, b: f64) -> f64 {
    if a + b > 0.0 {
        2.0 * a * b / (a + b)
    } else {
        0.0
    }
}

/// An acronym phrase ("ОВЗ") against the input's initials ("дети с ограниченными
/// возможностями здоровья" → "довз"): the whole input, or most of it, spelled out.
fn acronym_score(phrase: &Phrase, initials: &str) -> f64 {
    let Some(acr) = &phrase.acronym else {
        return 0.0;
    };
    let (n, k) = (initials.chars().count(), acr.chars().count());
    if initials == acr {
        1.0
    } else if k >= 3 && initials.contains(acr.as_str()) {
        harmonic(k as f64 / n as f64, 1.0)
    } else {
        0.0
    }
}

/// Like [`cover`] for the entry's side: a modifier the topic does not explain
/// ("интерактивные презентации", "экскурсии по городу") counts half as much as an
/// unexplained noun.
fn cover_input(input: &[Token], vocabulary: &[Token]) -> f64 {
    let mut total = 0.0;
    let mut found = 0.0;
    for t in input {
        let sim = vocabulary
            .iter()
            .map(|u| similarity(t, u))
            .fold(0.0, f64::max);
        let weight = if t.modifier && sim == 0.0 {
            t.weight * 0.5
        } else {
            t.weight
        };
        total += weight;
        found += weight * sim;
    }
    if total == 0.0 { 0.0 } else { found / total }
}

/// Weighted share of `a`'s tokens found in `b`.
fn cover(a: &[Token], b: &[Token]) -> f64 {
    let total: f64 = a.iter().map(|t| t.weight).sum();
    if total == 0.0 {
        return 0.0;
    }
    let found: f64 = a
        .iter()
        .map(|t| t.weight * b.iter().map(|u| similarity(t, u)).fold(0.0, f64::max))
        .sum();
    found / total
}

/// What people write instead of leaving the cell empty.
const NON_ANSWERS: &[&str] = &[
    "нет",
    "не знаю",
    "затрудняюсь",
    "затрудняюсь ответить",
    "пока нет",
    "ничего",
    "нет дефицитов",
    "дефицитов нет",
    "не могу",
    "n a",
    "na",
    "none",
    "no",
    "nothing",
    "нет ответа",
    "всё",
    "все",
];

/// True for an entry that says "nothing" rather than naming a topic.
pub fn is_non_answer(entry: &str) -> bool {
    let n = normalise(entry);
    n.is_empty() || NON_ANSWERS.contains(&n.as_str())
}

/// Splits a cell into entries on `,` `;` newlines and bullets, outside brackets and quotes,
/// and strips list numbering ("1.", "2)", "-").
pub fn split_cell(cell: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in cell.chars() {
        match c {
            '(' | '[' | '«' | '{' => depth += 1,
            ')' | ']' | '»' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let separator = matches!(c, '\n' | '\r' | ';' | '•' | '·') || (c == ',' && depth == 0);
        if separator {
            parts.push(std::mem::take(&mut cur));
            if c == '\n' {
                depth = 0;
            }
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    parts
        .iter()
        .map(|p| strip_marker(p).to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// "1. Excel" → "Excel", "2) сайт" → "сайт", "- видео" → "видео".
fn strip_marker(s: &str) -> &str {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let t = if digits > 0 && digits <= 2 {
        match t[digits..].strip_prefix(['.', ')']) {
            Some(rest) => rest,
            None => t,
        }
    } else {
        t
    };
    t.trim_start_matches(['-', '–', '—', '*', '+'])
        .trim()
        .trim_end_matches(['.', ' '])
}

/// One entry of a cell and what it maps to.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub text: String,
    /// `None` when nothing in the catalogue resembles the entry at all.
    pub best: Option<Match>,
}

/// Splits a cell and maps each entry, repairing splits that cut a topic in two
/// ("Геометрия, 10 класс") and splitting entries that join two topics ("Excel и PowerPoint").
pub fn map_cell(matcher: &Matcher, cell: &str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for part in split_cell(cell) {
        if is_non_answer(&part) {
            continue;
        }
        let entry = Entry {
            best: matcher.best(&part),
            text: part,
        };
        if let Some(merged) = out.last().and_then(|prev| merge(matcher, prev, &entry)) {
            *out.last_mut().expect("merge needs a previous entry") = merged;
            continue;
        }
        out.extend(split_conjunction(matcher, entry));
    }
    out
}

fn confidence(e: &Entry) -> f64 {
    e.best.as_ref().map_or(0.0, |m| m.confidence)
}

/// The previous entry and this one as a single entry, when this one means nothing alone and
/// together they say the previous entry's topic better.
fn merge(matcher: &Matcher, prev: &Entry, entry: &Entry) -> Option<Entry> {
    if entry.best.as_ref().is_some_and(Match::accepted) {
        return None;
    }
    let text = format!("{}, {}", prev.text, entry.text);
    let best = matcher.best(&text)?;
    let same_topic = prev.best.as_ref().is_some_and(|p| p.topic == best.topic);
    (best.accepted() && same_topic && best.confidence >= confidence(prev)).then_some(Entry {
        text,
        best: Some(best),
    })
}

/// "ворд и эксель" → two entries when each half is a confident, different topic and the
/// whole is not better as one.
fn split_conjunction(matcher: &Matcher, entry: Entry) -> Vec<Entry> {
    let lower = entry.text.to_lowercase();
    let Some(at) = [" и ", " а также ", " + ", " / "]
        .iter()
        .find_map(|sep| lower.find(sep).map(|i| (i, sep.len())))
    else {
        return vec![entry];
    };
    let (left, right) = (&lower[..at.0], &lower[at.0 + at.1..]);
    let halves: Vec<Entry> = [left, right]
        .iter()
        .map(|h| Entry {
            text: original_slice(&entry.text, &lower, h),
            best: matcher.best(h),
        })
        .collect();
    let both_confident = halves
        .iter()
        .all(|h| h.best.as_ref().is_some_and(Match::accepted));
    let different =
        halves[0].best.as_ref().map(|m| &m.topic) != halves[1].best.as_ref().map(|m| &m.topic);
    let worse_whole = halves.iter().all(|h| confidence(h) > confidence(&entry));
    if both_confident && different && worse_whole {
        halves
    } else {
        vec![entry]
    }
}

/// The part of `original` that `part` (a slice of its lowercase form) came from, when
/// lowercasing kept byte offsets; otherwise the lowercase part.
fn original_slice(original: &str, lower: &str, part: &str) -> String {
    let start = part.as_ptr() as usize - lower.as_ptr() as usize;
    if original.len() == lower.len() {
        original
            .get(start..start + part.len())
            .unwrap_or(part)
            .trim()
            .to_string()
    } else {
        part.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Direction, Topic};

    fn catalogue() -> Catalogue {
        let topic = |id: &str, name: &str, aliases: &[&str]| Topic {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        Catalogue {
            directions: vec![Direction {
                id: "d".into(),
                name: "D".into(),
                topics: vec![
                    topic("excel", "Microsoft Excel", &["эксель", "таблицы"]),
                    topic("powerpoint", "Microsoft PowerPoint", &["презентации"]),
                    topic("geometry", "Геометрия, 10 класс", &[]),
                    topic("parents", "Работа с родителями", &[]),
                ],
            }],
            ..Catalogue::default()
        }
    }

    fn topics(cell: &str) -> Vec<String> {
        let m = Matcher::new(&catalogue());
        map_cell(&m, cell)
            .into_iter()
            .map(|e| match e.best {
                Some(b) if b.accepted() => b.topic,
                _ => format!("?{}", e.text),
            })
            .collect()
    }

    /// The issue's own examples, against the default catalogue (School 291's).
    #[test]
    fn the_default_catalogue_maps_the_examples_trainers_bring() {
        let m = Matcher::new(&super::super::default_base().catalogue);
        let cell = "эксель; Excel таблицы; работа с родителями трудных; видео монтаж";
        let got: Vec<String> = map_cell(&m, cell)
            .into_iter()
            .map(|e| match e.best {
                Some(b) if b.accepted() => b.topic,
                _ => format!("?{}", e.text),
            })
            .collect();
        assert_eq!(got, ["excel", "excel", "risk_parents", "video"]);
        let by_id = m.best(" Video ").expect("a topic id is a match");
        assert_eq!((by_id.topic.as_str(), by_id.confidence), ("video", 1.0));
    }

    #[test]
    fn splits_on_separators_and_strips_numbering() {
        assert_eq!(
            split_cell("1. Excel\n2) сайт; - видео, монтаж"),
            vec!["Excel", "сайт", "видео", "монтаж"]
        );
        assert_eq!(split_cell("Физика (механика, кинематика)").len(), 1);
        assert!(split_cell(" ; ,\n").is_empty());
    }

    #[test]
    fn maps_word_forms_and_brands() {
        assert_eq!(topics("Эксель, ПАУЭРПОИНТ"), vec!["excel", "powerpoint"]);
        assert_eq!(topics("таблицах; презентаций"), vec!["excel", "powerpoint"]);
    }

    #[test]
    fn keeps_order_and_drops_non_answers() {
        assert_eq!(
            topics("презентации\nнет\nработа с родителями"),
            vec!["powerpoint", "parents"]
        );
    }

    #[test]
    fn repairs_a_topic_cut_by_a_comma() {
        assert_eq!(topics("Геометрия, 10 класс"), vec!["geometry"]);
    }

    #[test]
    fn splits_two_topics_joined_by_and() {
        assert_eq!(topics("эксель и презентации"), vec!["excel", "powerpoint"]);
    }

    #[test]
    fn unknown_text_is_not_accepted() {
        assert_eq!(topics("нейросети"), vec!["?нейросети"]);
    }
}
