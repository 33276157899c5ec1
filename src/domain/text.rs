//! Small text helpers shared by validation, import and the UI: control characters and
//! "did you mean" suggestions.

/// The first character that must never reach a terminal or a file from user text, if any.
/// Newlines and tabs are allowed only where `multiline` is true.
pub fn forbidden_char(s: &str, multiline: bool) -> Option<char> {
    s.chars().find(|&c| {
        let allowed_ws = multiline && (c == '\n' || c == '\t' || c == '\r');
        (c.is_control() && !allowed_ws) || is_bidi_control(c)
    })
}

/// Bidirectional overrides can make a name display as something else ("Trojan source").
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Replaces every control character with U+FFFD so text is always safe to print.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Text as a field of `max` bytes accepts it: control characters dropped (newlines and
/// tabs kept only when `multiline`, else turned into spaces), cut at a character boundary.
/// Whatever a user types or pastes passes through this before it is stored, so a session
/// can always be saved and loaded back.
pub fn fit(s: &str, multiline: bool, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max));
    for c in s.chars() {
        let c = match c {
            '\n' | '\t' if multiline => c,
            '\r' if multiline => continue,
            '\n' | '\t' | '\r' => ' ',
            c if c.is_control() || is_bidi_control(c) => continue,
            c => c,
        };
        if out.len() + c.len_utf8() > max {
            break;
        }
        out.push(c);
    }
    out
}

/// "2026-05-16T11:45:00Z" → "2026-05-16 11:45 UTC", for people; anything else as it is.
pub fn human_time(t: &str) -> String {
    match (t.get(..10), t.get(11..16), t.ends_with('Z')) {
        (Some(d), Some(hm), true) if t.len() >= 20 => format!("{d} {hm} UTC"),
        _ => t.to_string(),
    }
}

/// Levenshtein distance on characters, stopping early once it exceeds `limit`.
pub fn distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().copied().unwrap_or(0) > limit {
            return None;
        }
        prev = cur;
    }
    prev.last().copied().filter(|&d| d <= limit)
}

/// The closest known id to `unknown`, when it is close enough to be a typo.
pub fn suggest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (unknown.chars().count() / 3).clamp(1, 3);
    known
        .into_iter()
        .filter_map(|k| distance(unknown, k, limit).map(|d| (d, k)))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_escape_sequences() {
        assert_eq!(forbidden_char("Anna\u{1b}[31m", false), Some('\u{1b}'));
        assert_eq!(forbidden_char("line\nline", false), Some('\n'));
        assert_eq!(forbidden_char("line\nline", true), None);
        assert_eq!(forbidden_char("Анна \u{202E}", true), Some('\u{202E}'));
        assert_eq!(forbidden_char("Анна Петровна", false), None);
    }

    #[test]
    fn fit_keeps_what_a_field_accepts() {
        assert_eq!(fit("a\tb\nc\u{1b}[31m", false, 100), "a b c[31m");
        assert_eq!(fit("a\tb\nc\r", true, 100), "a\tb\nc");
        assert_eq!(fit("жжж", false, 5), "жж");
        for s in ["x\u{202E}y\u{0}", "\t\n", "Цель\r\n"] {
            for multiline in [false, true] {
                assert_eq!(
                    forbidden_char(&fit(s, multiline, 50), multiline),
                    None,
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn sanitize_replaces_controls() {
        assert_eq!(sanitize("a\u{1b}b\u{0}c\nd"), "a\u{FFFD}b\u{FFFD}c\nd");
    }

    #[test]
    fn times_read_like_a_clock() {
        assert_eq!(human_time("2026-05-16T11:45:00Z"), "2026-05-16 11:45 UTC");
        assert_eq!(human_time("yesterday"), "yesterday");
        assert_eq!(
            human_time("2026-05-16T11:45:00+03:00"),
            "2026-05-16T11:45:00+03:00"
        );
    }

    #[test]
    fn suggests_close_ids_only() {
        let known = ["excel", "video", "parents-meetings"];
        assert_eq!(suggest("exel", known), Some("excel"));
        assert_eq!(suggest("parent-meetings", known), Some("parents-meetings"));
        assert_eq!(suggest("physics", known), None);
    }
}
