//! Workbooks (XLSX, and XLS/XLSB/ODS as calamine reads them): the first sheet, or the one
//! named with `--sheet`, as a table.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::table::{MAX_COLUMNS, MAX_ROWS, Table};

/// True when the bytes start like a workbook: a ZIP (XLSX, ODS) or an OLE file (XLS).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Reads one sheet. The error is a sentence for the trainer.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, String> {
    // calamine is a third-party parser of a complex format: a panic inside it on a damaged
    // file must become an error, not a crash.
    std::panic::catch_unwind(|| read_sheet(bytes, sheet)).unwrap_or_else(|_| {
        Err("the workbook is damaged; expected an .xlsx file saved by a spreadsheet program".into())
    })
}

fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<Table, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("cannot read the workbook ({e}); expected an .xlsx file"))?;
    let names = book.sheet_names();
    let name = pick_sheet(&names, sheet)?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| format!("cannot read sheet {name:?}: {e}"))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut table = Table::default();
    for (i, cells) in range.rows().enumerate().take(MAX_ROWS) {
        let lead = (col0 as usize).min(MAX_COLUMNS);
        let text = std::iter::repeat_n(String::new(), lead).chain(cells.iter().map(cell_text));
        if !table.push(row0 as usize + i + 1, text) {
            break;
        }
        if let Some(row) = table.rows.last_mut() {
            row.dates = cells
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c, Data::DateTime(_) | Data::DateTimeIso(_)))
                .map(|(k, _)| lead + k)
                .collect();
        }
    }
    table.info.format = "xlsx".into();
    table.info.sheet = Some(name);
    Ok(table)
}

/// The sheet asked for (by name, any case, or by 1-based number), else the first.
fn pick_sheet(names: &[String], wanted: Option<&str>) -> Result<String, String> {
    let Some(w) = wanted else {
        return names
            .first()
            .cloned()
            .ok_or_else(|| "the workbook has no sheets".to_string());
    };
    let by_name = names
        .iter()
        .find(|n| n.trim().to_lowercase() == w.trim().to_lowercase());
    let by_number = w
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|k| names.get(k.checked_sub(1)?));
    by_name.or(by_number).cloned().ok_or_else(|| {
        format!(
            "no sheet {w:?}; the workbook has {}",
            names
                .iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

/// A cell as the trainer would read it: numbers without a trailing ".0".
fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_sheets_by_name_or_number() {
        let names = vec!["Анкета".to_string(), "Итоги".to_string()];
        assert_eq!(pick_sheet(&names, None).unwrap(), "Анкета");
        assert_eq!(pick_sheet(&names, Some("итоги")).unwrap(), "Итоги");
        assert_eq!(pick_sheet(&names, Some("2")).unwrap(), "Итоги");
        let e = pick_sheet(&names, Some("Лист3")).unwrap_err();
        assert!(e.contains("\"Анкета\", \"Итоги\""), "{e}");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(read(b"PK\x03\x04 not really a zip", None).is_err());
        assert!(read(&[0xD0, 0xCF, 0x11, 0xE0, 0, 1, 2], None).is_err());
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(cell_text(&Data::Float(15.0)), "15");
        assert_eq!(cell_text(&Data::Float(1.5)), "1.5");
        assert_eq!(cell_text(&Data::Int(42)), "42");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
