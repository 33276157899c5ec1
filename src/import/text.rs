//! Normalising free text the way teachers write it: case, ё/е, punctuation, light Russian
//! stemming, brand names in either alphabet, filler words. Headers, positions and topics all
//! go through here, so "Эксель", "Excel" and "экселе" meet as one token.

use crate::domain::text::distance;

/// One meaningful word of a phrase after normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The stem ("таблицах" → "таблиц") or the canonical brand ("эксель" → "excel").
    pub stem: String,
    /// How much the word says about the topic: 1 for content words, less for generic ones
    /// ("работа", "организация") that appear in many topics.
    pub weight: f64,
    /// Letters in the stem.
    pub len: usize,
    /// Written with a trailing dot ("кл.", "соц."): may stand for a longer word.
    pub abbrev: bool,
    /// Qualifies rather than names: a Russian adjective ("интерактивные") or a word in a
    /// prepositional phrase ("экскурсии по городу").
    pub modifier: bool,
}

/// Lowercase, ё→е, every run of non-alphanumeric characters → one space, trimmed.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Words of `s` in order, each with whether a dot followed it (an abbreviation).
fn words(s: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if c.is_alphanumeric() {
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            out.push((std::mem::take(&mut cur), c == '.'));
        }
    }
    if !cur.is_empty() {
        out.push((cur, false));
    }
    out
}

/// Words that carry no topic: prepositions, conjunctions, and what people put around a topic
/// ("хочу научиться …", "основы …").
const STOP: &[&str] = &[
    "и",
    "в",
    "во",
    "с",
    "со",
    "по",
    "для",
    "на",
    "к",
    "ко",
    "о",
    "об",
    "от",
    "до",
    "из",
    "за",
    "при",
    "а",
    "также",
    "как",
    "или",
    "не",
    "же",
    "ли",
    "что",
    "это",
    "мне",
    "меня",
    "я",
    "мой",
    "свой",
    "своя",
    "свои",
    "своих",
    "т",
    "д",
    "др",
    "пр",
    "the",
    "of",
    "and",
    "in",
    "for",
    "to",
    "with",
    "a",
    "an",
    "on",
    "my",
    "how",
    "умею",
    "могу",
    "хочу",
    "хотела",
    "хотел",
    "бы",
    "готов",
    "готова",
    "научить",
    "научиться",
    "научу",
    "обучить",
    "помочь",
    "помогу",
    "освоить",
    "освоение",
    "изучить",
    "изучение",
    "знаю",
    "знание",
    "знания",
    "владею",
    "владение",
    "навыки",
    "навык",
    "основы",
    "основ",
    "тема",
    "темы",
    "вопросы",
    "вопрос",
    "работа",
    "работы",
    "работе",
    "работу",
    "работать",
    "работой",
    "делать",
    "сделать",
    "провести",
    "проводить",
    "использование",
    "использовать",
    "применение",
    "умение",
    "learn",
    "teach",
    "using",
    "use",
    "basics",
    "how",
    "work",
    "working",
    "more",
    "better",
    "нужно",
    "нужна",
    "надо",
    "помощь",
    "очень",
    "больше",
    "лучше",
    "уметь",
    "нет",
    "всё",
    "все",
    "этом",
    "эти",
    "этих",
    "которые",
    "можно",
    "ещё",
    "еще",
    "так",
    "тоже",
];

/// Prepositions that open an adjunct after the words that name the topic.
const PREPOSITIONS: &[&str] = &[
    "в", "во", "с", "со", "по", "для", "на", "к", "ко", "о", "об", "от", "до", "из", "за", "при",
];

/// Generic words that many topics share: they count, but little. Numbers ("10 класс") count
/// as little.
const WEAK: &[&str] = &[
    "организация",
    "подготовка",
    "создание",
    "составление",
    "ведение",
    "технологии",
    "деятельность",
    "программа",
    "обучающиеся",
    "учащиеся",
    "ученики",
    "ученик",
    "дети",
    "урок",
    "учитель",
    "педагог",
    "школа",
    "класс",
    "microsoft",
    "ms",
    "взаимодействие",
    "проведение",
    "сопровождение",
    "методика",
    "метод",
    "методы",
    "занятия",
    "обучение",
    "решение",
    "задачи",
    "preparing",
    "preparation",
    "making",
    "running",
    "organising",
    "organizing",
    "creating",
    "students",
    "pupils",
    "teachers",
    "school",
    "class",
    "lesson",
];

/// Stems of [`WEAK`], computed once.
static WEAK_STEMS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| WEAK.iter().map(|w| stem(w)).collect());

/// Stems of brand names as people spell them, in either alphabet, with what they mean.
const BRANDS: &[(&str, &str)] = &[
    ("эксел", "excel"),
    ("ексел", "excel"),
    ("эксэл", "excel"),
    ("иксел", "excel"),
    ("exel", "excel"),
    ("excell", "excel"),
    ("ворд", "word"),
    ("пауэрпоинт", "powerpoint"),
    ("пауэрпойнт", "powerpoint"),
    ("поверпоинт", "powerpoint"),
    ("поверпойнт", "powerpoint"),
    ("паверпоинт", "powerpoint"),
    ("пауерпоинт", "powerpoint"),
    ("ppt", "powerpoint"),
    ("ппт", "powerpoint"),
    ("майкрософт", "microsoft"),
    ("микрософт", "microsoft"),
    ("мс", "microsoft"),
    ("paragraph", "параграф"),
    ("paragraf", "параграф"),
    ("гугл", "google"),
    ("зум", "zoom"),
    ("падлет", "padlet"),
    ("ютуб", "youtube"),
    ("канв", "canva"),
    ("мовав", "movavi"),
    ("телеграм", "telegram"),
    ("телеграмм", "telegram"),
];

/// Brands that stand for a topic word: a site builder means "сайт", a video editor "видео".
const BRAND_MEANS: &[(&str, &str)] = &[
    ("тильд", "сайт"),
    ("tilda", "сайт"),
    ("wix", "сайт"),
    ("викс", "сайт"),
    ("movavi", "видео"),
    ("capcut", "видео"),
    ("inshot", "видео"),
];

/// Two-word spellings that are one brand: "пауэр поинт", "power point".
const BRAND_PAIRS: &[(&str, &str, &str)] = &[
    ("пауэр", "поинт", "powerpoint"),
    ("повер", "поинт", "powerpoint"),
    ("павер", "поинт", "powerpoint"),
    ("пауэр", "пойнт", "powerpoint"),
    ("power", "point", "powerpoint"),
    ("кап", "кут", "capcut"),
];

/// Russian endings removed by the light stemmer, longest first.
const ENDINGS: &[&str] = &[
    "иями", "ьми", "ями", "ами", "ией", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ая",
    "яя", "ое", "ее", "ые", "ие", "ой", "ей", "ий", "ый", "ую", "юю", "ам", "ям", "ах", "ях", "ов",
    "ев", "ом", "ем", "ию", "ия", "ии", "ье", "ья", "ьи", "ью", "ть", "а", "я", "о", "е", "ы", "и",
    "у", "ю", "ь", "й",
];

fn is_cyrillic(w: &str) -> bool {
    w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Light stemming: drop a reflexive suffix and one inflectional ending, keeping at least
/// three letters, so "таблицы", "таблицах" and "таблица" all become "таблиц". English words
/// lose a plural "s".
pub fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if !is_cyrillic(word) {
        if chars.len() > 4 && word.ends_with('s') && !word.ends_with("ss") {
            return chars[..chars.len() - 1].iter().collect();
        }
        return word.to_string();
    }
    let mut end = chars.len();
    let tail = |end: usize, suffix: &str| -> bool {
        let s: Vec<char> = suffix.chars().collect();
        end >= s.len() && chars[end - s.len()..end] == s[..]
    };
    if end > 5 && (tail(end, "ся") || tail(end, "сь")) {
        end -= 2;
    }
    for e in ENDINGS {
        let n = e.chars().count();
        if end >= n + 3 && tail(end, e) {
            end -= n;
            break;
        }
    }
    chars[..end].iter().collect()
}

fn brand(stem: &str) -> Option<&'static str> {
    BRANDS
        .iter()
        .chain(BRAND_MEANS)
        .find(|(k, _)| *k == stem)
        .map(|(_, v)| *v)
}

/// Stem of a word after brand spellings and meanings are resolved.
fn canonical(stem_: String) -> String {
    match brand(&stem_) {
        Some(b) => brand(b).unwrap_or(b).to_string(),
        None => stem_,
    }
}

/// The meaningful tokens of `s`, in order: normalised, brand names unified, filler dropped,
/// stemmed and weighted.
pub fn tokens(s: &str) -> Vec<Token> {
    let ws = words(s);
    let mut out = Vec::with_capacity(ws.len());
    let mut i = 0;
    let mut in_prepositional = false;
    while i < ws.len() {
        let (w, abbrev) = &ws[i];
        if let Some(next) = ws.get(i + 1)
            && let Some((_, _, b)) = BRAND_PAIRS
                .iter()
                .find(|(a, z, _)| a == w && *z == next.0.as_str())
        {
            out.push(token(canonical(b.to_string()), false));
            i += 2;
            continue;
        }
        i += 1;
        if PREPOSITIONS.contains(&w.as_str()) && !out.is_empty() {
            in_prepositional = true;
        }
        if STOP.contains(&w.as_str()) {
            continue;
        }
        let mut t = token(canonical(stem(w)), *abbrev);
        t.modifier = in_prepositional || is_adjective(w);
        out.push(t);
    }
    out
}

fn token(stem: String, abbrev: bool) -> Token {
    let generic = WEAK_STEMS.contains(&stem) || stem.chars().all(|c| c.is_ascii_digit());
    let weight = if generic { 0.2 } else { 1.0 };
    Token {
        len: stem.chars().count(),
        stem,
        weight,
        abbrev,
        modifier: false,
    }
}

/// Adjective endings, for words long enough that the ending is not the whole word.
fn is_adjective(word: &str) -> bool {
    const ADJ: &[&str] = &[
        "ые", "ый", "ий", "ая", "яя", "ое", "ее", "ых", "их", "ого", "его", "ую", "юю", "ыми",
        "ими", "ой",
    ];
    word.chars().count() >= 6 && is_cyrillic(word) && ADJ.iter().any(|e| word.ends_with(e))
}

/// How alike two tokens are, 0..1: the same stem, one a prefix of the other (a longer
/// derivation or an abbreviation), or a typo away.
pub fn similarity(a: &Token, b: &Token) -> f64 {
    if a.stem == b.stem {
        return 1.0;
    }
    let (short, long) = if a.len <= b.len { (a, b) } else { (b, a) };
    let n = short.len;
    if long.stem.starts_with(short.stem.as_str()) && (n >= 4 || (short.abbrev && n >= 2)) {
        return 0.85;
    }
    let common = short
        .stem
        .chars()
        .zip(long.stem.chars())
        .take_while(|(p, q)| p == q)
        .count();
    if common >= 6 && common * 4 >= n * 3 {
        return 0.75;
    }
    // A typo: the same first letter, one or two letters off.
    let limit = if n >= 8 { 2 } else { 1 };
    if n >= 5
        && long.len - n <= limit
        && common >= 1
        && distance(&short.stem, &long.stem, limit).is_some()
    {
        return 0.8;
    }
    0.0
}

/// Stems glued together: "видео монтаж" and "видеомонтаж", "соц. паспорт" and "соцпаспорт"
/// meet here.
pub fn glued(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.stem.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn normalise_folds_case_yo_and_punctuation() {
        assert_eq!(normalise("  Ёлка, «Параграф»!  ЭЖ "), "елка параграф эж");
        assert_eq!(normalise("кейс-технология"), "кейс технология");
    }

    #[test]
    fn word_forms_meet() {
        assert_eq!(stem("таблицы"), "таблиц");
        assert_eq!(stem("таблицах"), "таблиц");
        assert_eq!(stem("таблица"), "таблиц");
        assert_eq!(stem("родителями"), stem("родителей"));
        assert_eq!(stem("сайт"), "сайт");
        assert_ne!(stem("научиться"), "научиться");
    }

    #[test]
    fn brands_meet_across_alphabets() {
        assert_eq!(stems("эксель"), stems("Excel"));
        assert_eq!(stems("в экселе"), vec!["excel"]);
        assert_eq!(stems("Пауэр Поинт"), vec!["powerpoint"]);
        assert_eq!(stems("поверпоинт"), vec!["powerpoint"]);
        assert_eq!(stems("конструктор Тильда"), vec!["конструктор", "сайт"]);
    }

    #[test]
    fn filler_is_dropped_and_generic_words_weigh_little() {
        assert_eq!(stems("хочу научиться работать с таблицами"), vec!["таблиц"]);
        let t = tokens("организация экскурсий");
        assert!(t[0].weight < t[1].weight);
    }

    #[test]
    fn abbreviations_and_typos_are_close() {
        let kl = &tokens("кл. час")[0];
        let klass = &tokens("классный")[0];
        assert!(similarity(kl, klass) > 0.8);
        let typo = &tokens("презинтации")[0];
        let right = &tokens("презентации")[0];
        assert!(similarity(typo, right) >= 0.8);
        let a = &tokens("игры")[0];
        let b = &tokens("сайт")[0];
        assert_eq!(similarity(a, b), 0.0);
    }
}
