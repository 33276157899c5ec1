//! HTML for printing: one self-contained file, A4 pages, each map on its own page. No
//! scripts, no external resources, and a content security policy that would forbid both.

use std::fmt::Write;

use super::{Block, Doc};
use crate::domain::text::sanitize;
use crate::i18n::Lang;

const STYLE: &str = "\
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: 'PT Serif', 'Liberation Serif', Georgia, serif; font-size: 11pt;
  line-height: 1.35; color: #000; background: #fff; margin: 0; }
main { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 14pt; margin: 14pt 0 6pt; border-bottom: 1pt solid #000; }
h3 { font-size: 12pt; margin: 10pt 0 4pt; }
p.note { color: #333; margin: 0 0 8pt; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
th, td { border: 0.75pt solid #444; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr, li, .blank { break-inside: avoid; page-break-inside: avoid; }
table.facts th { width: 32%; font-weight: bold; }
table.write td { height: 9mm; }
.blank { border: 0.75pt solid #444; margin: 0 0 6pt; padding: 3pt 5pt; }
.blank .label { font-weight: bold; }
section.page { break-before: page; page-break-before: always; }
@media screen {
  body { background: #f4f4f4; }
  main { background: #fff; padding: 12mm 15mm; margin: 1em auto; box-shadow: 0 0 4px #aaa; }
  section.page { border-top: 2px dashed #bbb; margin-top: 2em; padding-top: 1em; }
}
";

/// `doc` as a complete HTML page.
pub fn render(doc: &Doc) -> String {
    let lang = match doc.lang {
        Lang::En => "en",
        Lang::Ru => "ru",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        escape(&doc.title),
        escape(&doc.title)
    );
    for b in &doc.blocks {
        block(b, &mut out);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn block(b: &Block, out: &mut String) {
    match b {
        Block::Heading(t) => {
            let _ = writeln!(out, "<h2>{}</h2>", escape(t));
        }
        Block::Subheading(t) => {
            let _ = writeln!(out, "<h3>{}</h3>", escape(t));
        }
        Block::Para(t) => {
            let _ = writeln!(out, "<p>{}</p>", lines(t));
        }
        Block::Note(t) => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", lines(t));
        }
        Block::List(items) => {
            out.push_str("<ul>\n");
            for i in items {
                let _ = writeln!(out, "<li>{}</li>", lines(i));
            }
            out.push_str("</ul>\n");
        }
        Block::Facts(rows) => {
            out.push_str("<table class=\"facts\">\n");
            for (k, v) in rows {
                let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", escape(k), lines(v));
            }
            out.push_str("</table>\n");
        }
        Block::Table { head, rows } => table(head, rows, "", out),
        Block::Blanks { labels, lines: n } => {
            let height = f32::from(*n) * 7.5;
            for l in labels {
                let _ = writeln!(
                    out,
                    "<div class=\"blank\" style=\"min-height: {height}mm\"><span class=\"label\">{}</span></div>",
                    escape(l)
                );
            }
        }
        Block::BlankTable { head, rows } => {
            let empty = vec![vec![String::new(); head.len()]; *rows];
            table(head, &empty, " class=\"write\"", out);
        }
        Block::Page(blocks) => {
            out.push_str("<section class=\"page\">\n");
            for b in blocks {
                block(b, out);
            }
            out.push_str("</section>\n");
        }
    }
}

fn table(head: &[String], rows: &[Vec<String>], class: &str, out: &mut String) {
    let _ = write!(out, "<table{class}>\n<thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", lines(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Text with its line breaks kept.
fn lines(t: &str) -> String {
    escape(t).replace('\n', "<br>\n")
}

/// Text made safe for HTML element content and attribute values: control characters
/// replaced, the five markup characters as entities.
pub fn escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in sanitize(t).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_are_neutralised() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\"\u{1b}[2J"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\u{FFFD}[2J"
        );
    }

    #[test]
    fn a_hostile_title_cannot_open_a_tag() {
        let doc = Doc {
            lang: Lang::Ru,
            title: "</title><script>x()</script>".into(),
            blocks: vec![Block::Table {
                head: vec!["<b>".into()],
                rows: vec![vec!["<img src=x onerror=y()>\nline".into()]],
            }],
        };
        let html = render(&doc);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;img src=x onerror=y()&gt;<br>\nline"));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
    }
}
