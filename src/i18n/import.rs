//! The survey import's sentences: the report a trainer reads and the errors that stop an
//! import. One `ImportText` per language, so a missing translation fails to compile.
//! Templates name their slots in braces, filled by [`super::fill`].

use super::Lang;

pub struct ImportText {
    // Row problems; the row is skipped.
    /// "the cell is empty; expected {field}"
    pub empty_cell: &'static str,
    pub row_skipped: &'static str,
    /// Appended when the spreadsheet stored a number cell as a date.
    pub date_hint: &'static str,
    pub age_expected: &'static str,
    /// "age {value} is out of range; expected {min} to {max} years"
    pub age_range: &'static str,
    pub experience_expected: &'static str,
    /// "experience {value} years is out of range; expected 0 to {max}"
    pub experience_range: &'static str,
    /// "experience {experience} years exceeds age {age}; expected less"
    pub experience_over_age: &'static str,
    pub no_name: &'static str,
    // Imported with a change.
    /// "expected a whole number from 1 to {max}; left at the default 1"
    pub bad_capacity: &'static str,
    /// "not a catalogue position; imported as «{position}» …"
    pub unknown_position: &'static str,
    /// "another column already holds {field}; …"
    pub duplicate_column: &'static str,
    /// "the cell is longer than {max} bytes; the rest is cut"
    pub cell_too_long: &'static str,
    /// "more than {max} topics; the rest are dropped"
    pub too_many_topics: &'static str,
    pub preference_self: &'static str,
    pub preference_unknown: &'static str,
    pub preference_ambiguous: &'static str,
    // Junk rows.
    pub junk_header: &'static str,
    pub junk_totals: &'static str,
    pub junk_title: &'static str,
    // The report.
    /// "{file}: {how}, header on row {row}"
    pub source: &'static str,
    /// "delimiter {delimiter}"
    pub delimiter: &'static str,
    /// "sheet «{sheet}»"
    pub sheet: &'static str,
    /// "columns: {columns}"
    pub columns: &'static str,
    pub ignored: &'static str,
    /// "rows: {imported} imported, {skipped} skipped, {junk} blank or junk"
    pub rows: &'static str,
    /// [error, warning, note]
    pub levels: [&'static str; 3],
    /// "topics: {entries} entries, {mapped} mapped … {review} kept … {topics} new topics"
    pub topics: &'static str,
    pub review_heading: &'static str,
    /// " — closest: {topic} ({confidence})"
    pub closest: &'static str,
    /// "rows {rows}"
    pub at_rows: &'static str,
    pub unsure_heading: &'static str,
    pub check_ok: &'static str,
    /// "check: ok with {count} warnings ({codes})"
    pub check_warnings: &'static str,
    /// "check: {count} errors: {errors}"
    pub check_errors: &'static str,
    /// "wrote {file}: {count} participants; next: revmap check {file}"
    pub wrote: &'static str,
    // Errors that stop the import.
    pub empty_file: &'static str,
    /// "no header row found in the first 10 rows; … (first row: {row})"
    pub no_header: &'static str,
    /// "missing column(s) {missing}; the header row has: {found}. …"
    pub missing_columns: &'static str,
    /// "no row could be imported ({errors} rows with errors); …"
    pub nothing_usable: &'static str,
    pub catalogue_errors: &'static str,
}

impl Lang {
    pub fn import_text(self) -> &'static ImportText {
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }
}

pub static EN: ImportText = ImportText {
    empty_cell: "the cell is empty; expected {field}",
    row_skipped: "row not imported",
    date_hint: " (the spreadsheet stored this cell as a date: format the column as text or number)",
    age_expected: "expected an age in years, e.g. 34",
    age_range: "age {value} is out of range; expected {min} to {max} years",
    experience_expected: "expected years of experience, e.g. 12 or 1,5",
    experience_range: "experience {value} years is out of range; expected 0 to {max}",
    experience_over_age: "experience {experience} years exceeds age {age}; expected less",
    no_name: "the name is empty; expected the teacher's name",
    bad_capacity: "expected a whole number from 1 to {max}; left at the default 1",
    unknown_position: "not a catalogue position; imported as «{position}» (add the position with its rank to the catalogue, or fix the cell)",
    duplicate_column: "another column already holds {field}; this one is ignored (use --map to choose)",
    cell_too_long: "the cell is longer than {max} bytes; the rest is cut",
    too_many_topics: "more than {max} topics; the rest are dropped",
    preference_self: "the preferred mentor is the teacher themself; dropped",
    preference_unknown: "the preferred mentor matches no teacher in the survey; dropped",
    preference_ambiguous: "the preferred mentor matches several teachers (write the full name); dropped",
    junk_header: "the row repeats the header; skipped",
    junk_totals: "the row looks like a totals row; skipped",
    junk_title: "the row has a single cell that is not a name, like a title or section row; skipped",
    source: "{file}: {how}, header on row {row}",
    delimiter: "delimiter {delimiter}",
    sheet: "sheet «{sheet}»",
    columns: "columns: {columns}",
    ignored: "ignored",
    rows: "rows: {imported} imported, {skipped} skipped, {junk} blank or junk",
    levels: ["error", "warning", "note"],
    topics: "topics: {entries} entries, {mapped} mapped to the catalogue ({unsure} less sure), {review} kept for review as {topics} new topics",
    review_heading: "to review (new topics: rename them, merge them into catalogue topics or remove them in the case):",
    closest: " — closest: {topic} ({confidence})",
    at_rows: "rows {rows}",
    unsure_heading: "mapped with less certainty (check these):",
    check_ok: "check: ok",
    check_warnings: "check: ok with {count} warnings ({codes})",
    check_errors: "check: {count} errors: {errors}",
    wrote: "wrote {file}: {count} participants; next: revmap check {file}",
    empty_file: "the file has no data; expected a survey table with a header row",
    no_header: "no header row found in the first 10 rows; expected column names such as ФИО, Возраст, Стаж, Могу научить, Хочу научиться (first row: {row})",
    missing_columns: "missing column(s) {missing}; the header row has: {found}. Rename a column or use --map \"COLUMN=FIELD\"",
    nothing_usable: "no row could be imported ({errors} rows with errors); expected at least one teacher with a name, age and experience",
    catalogue_errors: "the catalogue file has errors:",
};

pub static RU: ImportText = ImportText {
    empty_cell: "ячейка пуста; нужно: {field}",
    row_skipped: "строка не импортирована",
    date_hint: " (таблица сохранила эту ячейку как дату: задайте столбцу текстовый или числовой формат)",
    age_expected: "нужен возраст в годах, например 34",
    age_range: "возраст {value} вне допустимого; нужно от {min} до {max} лет",
    experience_expected: "нужен стаж в годах, например 12 или 1,5",
    experience_range: "стаж {value} вне допустимого; нужно от 0 до {max} лет",
    experience_over_age: "стаж {experience} больше возраста {age}; нужно меньше",
    no_name: "имя не указано; нужны ФИО педагога",
    bad_capacity: "нужно целое число от 1 до {max}; оставлено по умолчанию 1",
    unknown_position: "такой должности нет в каталоге; импортировано как «{position}» (добавьте должность с рангом в каталог или исправьте ячейку)",
    duplicate_column: "поле {field} уже берётся из другого столбца; этот пропущен (выберите нужный через --map)",
    cell_too_long: "ячейка длиннее {max} байт; остаток отброшен",
    too_many_topics: "больше {max} тем; остальные отброшены",
    preference_self: "желаемый наставник — сам педагог; пропущено",
    preference_unknown: "желаемый наставник не найден среди педагогов анкеты; пропущено",
    preference_ambiguous: "желаемому наставнику подходят несколько педагогов (укажите ФИО полностью); пропущено",
    junk_header: "строка повторяет заголовок; пропущена",
    junk_totals: "строка похожа на итоговую; пропущена",
    junk_title: "в строке одна ячейка и это не имя — похоже на заголовок или раздел; пропущена",
    source: "{file}: {how}, заголовок в строке {row}",
    delimiter: "разделитель {delimiter}",
    sheet: "лист «{sheet}»",
    columns: "столбцы: {columns}",
    ignored: "пропущен",
    rows: "строки: импортировано {imported}, пропущено {skipped}, пустых и служебных {junk}",
    levels: ["ошибка", "предупреждение", "примечание"],
    topics: "темы: записей {entries}, сопоставлено с каталогом {mapped} (из них не наверняка {unsure}), оставлено на проверку {review}, новых тем: {topics}",
    review_heading: "к проверке (новые темы: переименуйте, объедините с темами каталога или удалите в кейсе):",
    closest: " — ближе всего: {topic} ({confidence})",
    at_rows: "строки: {rows}",
    unsure_heading: "сопоставлено не наверняка (проверьте):",
    check_ok: "проверка: без ошибок",
    check_warnings: "проверка: без ошибок, предупреждений {count} ({codes})",
    check_errors: "проверка: ошибок {count}: {errors}",
    wrote: "записан {file}: участников {count}; дальше: revmap check {file}",
    empty_file: "в файле нет данных; нужна таблица анкеты со строкой заголовков",
    no_header: "в первых 10 строках нет строки заголовков; нужны столбцы вроде ФИО, Возраст, Стаж, Могу научить, Хочу научиться (первая строка: {row})",
    missing_columns: "нет столбцов: {missing}; в строке заголовков есть: {found}. Переименуйте столбец или укажите --map \"СТОЛБЕЦ=ПОЛЕ\"",
    nothing_usable: "ни одну строку не удалось импортировать (строк с ошибками: {errors}); нужен хотя бы один педагог с именем, возрастом и стажем",
    catalogue_errors: "в файле каталога ошибки:",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every slot a template names in one language, it names in the other.
    #[test]
    fn both_languages_use_the_same_slots() {
        let slots = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_string()))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        let pairs = [
            (EN.age_range, RU.age_range),
            (EN.experience_over_age, RU.experience_over_age),
            (EN.topics, RU.topics),
            (EN.rows, RU.rows),
            (EN.missing_columns, RU.missing_columns),
            (EN.wrote, RU.wrote),
            (EN.source, RU.source),
            (EN.unknown_position, RU.unknown_position),
        ];
        for (en, ru) in pairs {
            assert_eq!(slots(en), slots(ru), "{en} / {ru}");
        }
    }
}
