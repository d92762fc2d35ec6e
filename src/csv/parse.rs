//! Text → records, as RFC 4180 writes them and spreadsheets export them:
//! fields split by a delimiter (comma, tab or semicolon, detected), quoted fields
//! with `""` for a quote and line breaks inside, CRLF, LF or CR line ends.

use crate::feed::{Code, Problem};

/// One field: its text (quotes removed, `""` undone) and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The text, line breaks inside a quoted field kept as `\n`.
    pub text: String,
    /// Physical line (1-based) the field starts on.
    pub line: u32,
}

/// One record (a spreadsheet row).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The fields, in order.
    pub fields: Vec<Field>,
}

impl Record {
    /// True when every field is blank: an empty line, or `,,,` from a spreadsheet.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.text.trim().is_empty())
    }
}

/// The delimiters tried, in order of preference on a tie.
pub const DELIMITERS: [char; 3] = [',', '\t', ';'];

/// Picks the delimiter: the one that splits the first records into the most
/// fields, the same number in each; failing that, the most fields in the header.
pub fn detect_delimiter(text: &str) -> char {
    // a prefix is enough; the last record of it may be cut and is left out
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut best = (',', 0usize, false);
    for d in DELIMITERS {
        let mut sink = Vec::new();
        let mut recs = records(head, d, &mut sink);
        if end < text.len() && recs.len() > 1 {
            recs.pop();
        }
        let recs: Vec<&Record> = recs.iter().filter(|r| !r.is_blank()).take(20).collect();
        let Some(first) = recs.first() else { continue };
        let n = first.fields.len();
        let consistent = n > 1 && recs.iter().all(|r| r.fields.len() == n);
        let better = match (consistent, best.2) {
            (true, false) => true,
            (false, true) => false,
            _ => n > best.1,
        };
        if better {
            best = (d, n, consistent);
        }
    }
    best.0
}

/// Splits `text` into records. Problems (a quote never closed, text after a
/// closing quote) are added to `problems`, located by row and field number.
pub fn records(text: &str, delim: char, problems: &mut Vec<Problem>) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    let mut field = String::new();
    let mut field_line = 1u32;
    let mut line = 1u32;
    let mut at_field_start = true;
    let mut pending = false; // something of the current record was read
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        if at_field_start && c == '"' {
            at_field_start = false;
            pending = true;
            field_line = line;
            // quoted field
            let mut closed = false;
            while let Some(q) = chars.next() {
                match q {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\r' => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        line += 1;
                        field.push('\n');
                    }
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    _ => field.push(q),
                }
            }
            if !closed {
                let (row, col) = (out.len() + 1, fields.len() + 1);
                let mut p = Problem::error(&super::place(row, col, None), Code::CsvOpenQuote, &[&field_line.to_string()]);
                p.line = row as u32;
                p.column = col as u32;
                problems.push(p);
            } else if let Some(&n) = chars.peek() {
                if n != delim && n != '\r' && n != '\n' {
                    let (row, col) = (out.len() + 1, fields.len() + 1);
                    let mut p = Problem::warning(&super::place(row, col, None), Code::CsvAfterQuote, &[]);
                    p.line = row as u32;
                    p.column = col as u32;
                    problems.push(p);
                }
            }
            continue;
        }
        if at_field_start {
            field_line = line;
            at_field_start = false;
        }
        if c == delim {
            fields.push(Field { text: std::mem::take(&mut field), line: field_line });
            at_field_start = true;
            pending = true;
            continue;
        }
        if c == '\r' || c == '\n' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            fields.push(Field { text: std::mem::take(&mut field), line: field_line });
            out.push(Record { fields: std::mem::take(&mut fields) });
            line += 1;
            at_field_start = true;
            pending = false;
            continue;
        }
        pending = true;
        field.push(c);
    }
    if pending || !field.is_empty() || !fields.is_empty() {
        if at_field_start {
            field_line = line;
        }
        fields.push(Field { text: field, line: field_line });
        out.push(Record { fields });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, d: char) -> Vec<Vec<String>> {
        let mut p = Vec::new();
        let r = records(text, d, &mut p);
        assert!(p.is_empty(), "{:?}", p);
        r.into_iter().map(|r| r.fields.into_iter().map(|f| f.text).collect()).collect()
    }

    #[test]
    fn quotes_line_ends_and_delimiters() {
        assert_eq!(texts("a,b\r\n1,2\r\n", ','), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(texts("a,b\r1,2", ','), vec![vec!["a", "b"], vec!["1", "2"]]);
        assert_eq!(texts("\"x, \"\"y\"\"\r\nz\",2\n", ','), vec![vec!["x, \"y\"\nz", "2"]]);
        assert_eq!(texts("a,\n", ','), vec![vec!["a", ""]]);
        assert_eq!(texts("a\n\n", ','), vec![vec!["a"], vec![""]]);
        assert_eq!(texts("a;b\n1;2", ';'), vec![vec!["a", "b"], vec!["1", "2"]]);
    }

    #[test]
    fn fields_know_their_line() {
        let mut p = Vec::new();
        let r = records("h1,h2\n\"a\nb\",1\nc,2\n", ',', &mut p);
        assert_eq!(r[1].fields[0].line, 2);
        assert_eq!(r[1].fields[1].line, 3);
        assert_eq!(r[2].fields[0].line, 4);
    }

    #[test]
    fn an_open_quote_is_an_error_at_its_row() {
        let mut p = Vec::new();
        let r = records("a,b\n1,\"2\n3,4\n", ',', &mut p);
        assert_eq!(r.len(), 2);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].line, p[0].column), (2, 2));
        assert!(p[0].en.contains("line 2"), "{}", p[0].en);
    }

    #[test]
    fn delimiter_is_detected() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), ',');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t\"2,5\"\t3\n"), '\t');
        assert_eq!(detect_delimiter("a;b\n\"1,5\";2\n"), ';');
        assert_eq!(detect_delimiter("年份,\"人数\"\n2022,\"72,500\"\n"), ',');
        assert_eq!(detect_delimiter("only\n1\n"), ',');
    }
}
