//! Positions as written ("учитель математики", "зам. директора по УВР") → catalogue positions,
//! whose ranks drive the status rule.

use crate::domain::case::{Catalogue, Position};

use super::text::{Token, similarity, tokens};

pub struct Positions<'a> {
    positions: Vec<(&'a Position, Vec<Vec<Token>>)>,
}

impl<'a> Positions<'a> {
    pub fn new(catalogue: &'a Catalogue) -> Positions<'a> {
        let positions = catalogue
            .positions
            .iter()
            .map(|p| {
                let phrases = std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .chain(std::iter::once(&p.id))
                    .map(|s| tokens(s))
                    .filter(|t| !t.is_empty())
                    .collect();
                (p, phrases)
            })
            .collect();
        Positions { positions }
    }

    /// The position `text` names: the catalogue phrase that starts it ("учитель" in
    /// "учитель математики"), or that it starts ("зам директора" for "зам. директора по
    /// УВР"); the longest such phrase wins.
    pub fn find(&self, text: &str) -> Option<&'a Position> {
        let input = tokens(text);
        if input.is_empty() {
            return None;
        }
        self.positions
            .iter()
            .filter_map(|(p, phrases)| {
                let best = phrases.iter().filter_map(|ph| overlap(&input, ph)).max()?;
                Some((best, *p))
            })
            .max_by_key(|(n, p)| (*n, std::cmp::Reverse(p.rank)))
            .map(|(_, p)| p)
    }

    /// The position given to people whose position is missing or unknown: a teacher if the
    /// catalogue has one, else the lowest rank.
    pub fn default_position(&self) -> Option<&'a Position> {
        self.find("учитель")
            .or_else(|| self.find("teacher"))
            .or_else(|| {
                self.positions
                    .iter()
                    .map(|(p, _)| *p)
                    .min_by_key(|p| p.rank)
            })
    }
}

/// How many leading words `input` and `phrase` share when one starts the other.
fn overlap(input: &[Token], phrase: &[Token]) -> Option<usize> {
    let n = input.len().min(phrase.len());
    let same = (0..n).all(|i| similarity(&input[i], &phrase[i]) >= 0.8);
    let whole_phrase = phrase.len() <= input.len();
    // A shortened input must still say enough: two words, or the whole of a one-word phrase.
    (same && (whole_phrase || n >= 2)).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::default_base;

    #[test]
    fn positions_as_written() {
        let base = default_base();
        let p = Positions::new(&base.catalogue);
        let id = |s: &str| p.find(s).map(|x| x.id.as_str());
        assert_eq!(id("Учитель математики"), Some("teacher"));
        assert_eq!(id("учитель начальных классов"), Some("teacher"));
        assert_eq!(id("Старший учитель"), Some("senior"));
        assert_eq!(id("Зам. директора по УВР"), Some("deputy"));
        assert_eq!(
            id("заместитель директора по воспитательной работе"),
            Some("deputy")
        );
        assert_eq!(id("Руководитель МО"), Some("head_mo"));
        assert_eq!(id("Педагог-психолог"), Some("psychologist"));
        assert_eq!(id("ДИРЕКТОР"), Some("director"));
        assert_eq!(id("педагог дополнительного образования"), None);
        assert_eq!(p.default_position().map(|x| x.id.as_str()), Some("teacher"));
    }
}
