//! Fuzzy filtering for lists (Start, the participants table, the picker).
//!
//! fuzzy-matcher folds only ASCII case, so both sides are lowercased first: "анна" finds
//! "Анна". Haystacks are lowercased once, when the list is built.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Lowercases a haystack for [`filter`].
pub fn haystack(text: &str) -> String {
    text.to_lowercase()
}

/// Indices of the haystacks matching `query`, best first (ties in list order). An empty
/// query keeps every item in order. When some haystacks contain the query as typed, only
/// those count: in long texts a fuzzy match of a few letters is found almost everywhere.
pub fn filter(query: &str, haystacks: &[String]) -> Vec<usize> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return (0..haystacks.len()).collect();
    }
    let mut exact: Vec<(usize, usize)> = haystacks
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.find(&query).map(|at| (at, i)))
        .collect();
    if !exact.is_empty() {
        exact.sort();
        return exact.into_iter().map(|(_, i)| i).collect();
    }
    let matcher = SkimMatcherV2::default().respect_case();
    let mut scored: Vec<(i64, usize)> = haystacks
        .iter()
        .enumerate()
        .filter_map(|(i, h)| matcher.fuzzy_match(h, &query).map(|s| (s, i)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hs(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| haystack(s)).collect()
    }

    #[test]
    fn empty_query_keeps_everything_in_order() {
        assert_eq!(filter("  ", &hs(&["b", "a"])), vec![0, 1]);
    }

    #[test]
    fn cyrillic_matches_regardless_of_case() {
        let items = hs(&["Анна Берг", "Борис", "Ирина Соколова"]);
        assert_eq!(filter("анна", &items), vec![0]);
        assert_eq!(filter("СОК", &items), vec![2]);
    }

    #[test]
    fn typed_text_wins_over_scattered_letters() {
        let items = hs(&["spreadsheets for marks", "parents meeting", "sheets"]);
        let found = filter("sheets", &items);
        assert_eq!(found, vec![2, 0], "earliest occurrence first");
        // "prm" appears nowhere as typed: fuzzy matching takes over.
        let found = filter("prm", &items);
        assert!(found.contains(&1), "{found:?}");
    }

    #[test]
    fn fuzzy_finds_typos_of_order() {
        let items = hs(&["Игровые технологии", "Физика. Механика"]);
        assert_eq!(filter("игртех", &items), vec![0]);
    }
}
