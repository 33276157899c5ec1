//! CSV and TSV as spreadsheets save them: UTF-8 with or without BOM, UTF-16 ("Unicode text"),
//! or Windows-1251 as Russian Excel writes it; `,` `;` or tab, sniffed; quoted cells that span
//! lines.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1251};

use super::table::Table;

/// Delimiters tried, in order of preference when they fit equally well: Russian Excel writes
/// `;` because `,` is its decimal separator.
const DELIMITERS: [u8; 3] = [b';', b'\t', b','];

/// Records read to sniff the delimiter.
const SNIFF_RECORDS: usize = 30;

/// Decodes and parses a CSV/TSV file into a table.
pub fn read(bytes: &[u8]) -> Table {
    let (text, encoding) = decode(bytes);
    let delimiter = sniff(&text);
    let mut table = parse(&text, delimiter);
    table.info.format = "csv".into();
    table.info.encoding = Some(encoding.into());
    table.info.delimiter = Some(
        match delimiter {
            b'\t' => "tab",
            b';' => ";",
            _ => ",",
        }
        .into(),
    );
    table
}

/// Text and the name of the encoding it was read in. A BOM decides; otherwise valid UTF-8 is
/// UTF-8 and anything else is Windows-1251, the only other thing Russian Excel writes.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let name = if enc == UTF_8 {
            "UTF-8 with BOM"
        } else {
            enc.name()
        };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = WINDOWS_1251.decode_without_bom_handling(bytes);
            (text.into_owned(), "windows-1251")
        }
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The delimiter that splits the first records into the same number (≥ 2) of cells most often.
pub fn sniff(text: &str) -> u8 {
    let mut best = (0usize, b',');
    for d in DELIMITERS {
        let mut counts: Vec<usize> = Vec::new();
        for rec in reader(text, d).records().take(SNIFF_RECORDS) {
            match rec {
                Ok(r) => counts.push(r.len()),
                Err(_) => break,
            }
        }
        let score = counts
            .iter()
            .filter(|&&k| k >= 2)
            .map(|k| counts.iter().filter(|&&c| c == *k).count())
            .max()
            .unwrap_or(0);
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

/// Parses records; each row keeps the number Excel would show. The CSV reader skips blank
/// lines and a quoted cell may span lines, so the row number is the record's first line less
/// the line breaks inside earlier cells.
fn parse(text: &str, delimiter: u8) -> Table {
    let mut table = Table::default();
    let mut rdr = reader(text, delimiter);
    let mut inner_breaks = 0usize;
    let mut record = csv::StringRecord::new();
    // The text is valid UTF-8 and the reader flexible, so a record cannot fail to parse.
    while let Ok(true) = rdr.read_record(&mut record) {
        // The position is taken before the reader skips blank lines; they are rows too.
        let first_line = record.position().map_or(1, |p| {
            p.line() as usize + blank_lines_at(text, p.byte() as usize)
        });
        let number = first_line.saturating_sub(inner_breaks).max(1);
        let breaks: usize = record.iter().map(|c| c.matches('\n').count()).sum();
        inner_breaks += breaks;
        if !table.push(number, record.iter().map(str::to_string)) {
            break;
        }
    }
    table
}

/// Line breaks at `at` before the next content.
fn blank_lines_at(text: &str, at: usize) -> usize {
    text.as_bytes()
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\n' | b'\r'))
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(t: &Table) -> Vec<(usize, Vec<&str>)> {
        t.rows
            .iter()
            .map(|r| (r.number, r.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn decodes_bom_utf8_and_cp1251() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa;b"),
            ("a;b".to_string(), "UTF-8 with BOM")
        );
        let (cp, _, _) = WINDOWS_1251.encode("ФИО;Стаж");
        assert_eq!(decode(&cp), ("ФИО;Стаж".to_string(), "windows-1251"));
        assert_eq!(decode("ФИО".as_bytes()).1, "UTF-8");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Имя".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).0, "Имя");
    }

    #[test]
    fn sniffs_the_delimiter_that_fits() {
        assert_eq!(sniff("ФИО;Стаж;Темы\nИванова;1,5;эксель, ворд\n"), b';');
        assert_eq!(sniff("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff("a,b,c\n1,\"x; y\",3\n"), b',');
    }

    #[test]
    fn rows_keep_spreadsheet_numbers_across_blank_lines_and_multiline_cells() {
        let t = read(b"title\n\nname;topics\n\"Ann\";\"excel\nvideo\"\nBob;site\n\n\nCid;x\n");
        assert_eq!(
            rows(&t),
            vec![
                (1, vec!["title"]),
                (3, vec!["name", "topics"]),
                (4, vec!["Ann", "excel\nvideo"]),
                (5, vec!["Bob", "site"]),
                (8, vec!["Cid", "x"]),
            ]
        );
    }
}
