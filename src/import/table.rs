//! A spreadsheet as rows of text cells, whatever the file was: what the rest of the import
//! reads. Row numbers are the ones the trainer sees in Excel.

/// Most data rows read from one survey (a school has hundreds of teachers, not millions).
pub const MAX_ROWS: usize = crate::domain::limits::MAX_PARTICIPANTS + 1_000;
/// Most columns read; a survey has a dozen or two.
pub const MAX_COLUMNS: usize = 256;
/// Longest cell kept, in bytes; longer text is cut (and the cut reported).
pub const MAX_CELL: usize = 8 * crate::domain::limits::MAX_SHORT_TEXT;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The row number as the spreadsheet shows it (1-based).
    pub number: usize,
    pub cells: Vec<String>,
    /// Columns whose cell the spreadsheet stored as a date (Excel turns "1.5" into 1 May).
    pub dates: Vec<usize>,
}

impl Row {
    pub fn cell(&self, col: usize) -> &str {
        self.cells.get(col).map_or("", |c| c.trim())
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    pub fn is_date(&self, col: usize) -> bool {
        self.dates.contains(&col)
    }
}

/// How the file was read, for the report.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct SourceInfo {
    /// "csv" or "xlsx" (any workbook calamine reads).
    pub format: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Cells longer than [`MAX_CELL`] that were cut, as (row, column index).
    #[serde(skip)]
    pub cut_cells: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Row>,
    pub info: SourceInfo,
}

impl Table {
    /// Adds a row, bounding its width and cell sizes. False when the table is full.
    pub fn push(&mut self, number: usize, cells: impl IntoIterator<Item = String>) -> bool {
        if self.rows.len() >= MAX_ROWS {
            return false;
        }
        let mut row = Row {
            number,
            ..Row::default()
        };
        for (col, mut cell) in cells.into_iter().take(MAX_COLUMNS).enumerate() {
            if cell.len() > MAX_CELL {
                cell.truncate(floor_char_boundary(&cell, MAX_CELL));
                self.info.cut_cells.push((number, col));
            }
            row.cells.push(cell);
        }
        self.rows.push(row);
        true
    }
}

/// The largest index ≤ `at` that is a char boundary of `s`.
pub fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut i = at.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Column letters back to an index: "A" → 0, "AA" → 26; `None` for anything else.
pub fn column_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let mut n = 0usize;
    for c in letters.to_ascii_uppercase().bytes() {
        n = n * 26 + usize::from(c - b'A' + 1);
    }
    Some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip() {
        for (i, l) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letter(i), l);
            assert_eq!(column_index(l), Some(i));
        }
        assert_eq!(column_index("ab"), Some(27));
        assert_eq!(column_index("ФИО"), None);
        assert_eq!(column_index(""), None);
    }

    #[test]
    fn long_cells_are_cut_on_a_char_boundary() {
        let mut t = Table::default();
        assert!(t.push(1, vec!["я".repeat(MAX_CELL)]));
        assert!(t.rows[0].cells[0].len() <= MAX_CELL);
        assert_eq!(t.info.cut_cells, vec![(1, 0)]);
    }
}
