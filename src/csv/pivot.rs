//! Long ("tidy") tables: one row per x and series, such as `year, source,
//! net_generation` or `symbol, date, price`. [`detect`] recognises one so the
//! import can say which pivot to use instead of drawing a year column as a
//! series; [`pivot`] turns it into one series per distinct value of a column.

use std::collections::HashMap;
use std::collections::HashSet;

use super::column::Type;

/// Columns of a long table, by index: x, the column naming the series, the values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The x column (dates or categories).
    pub x: usize,
    /// The column whose distinct values become series.
    pub series: usize,
    /// The column of numbers.
    pub value: usize,
}

fn key(c: &str) -> String {
    super::one_line(c)
}

fn has_duplicates(cells: &[&str]) -> bool {
    let mut seen = HashSet::new();
    cells.iter().map(|c| key(c)).filter(|c| !c.is_empty()).any(|c| !seen.insert(c))
}

fn pairs_unique(a: &[&str], b: &[&str]) -> bool {
    let mut seen = HashSet::new();
    a.iter().zip(b).all(|(x, y)| seen.insert((key(x), key(y))))
}

/// Recognises a long table: the x column repeats its values, another column of
/// words or dates repeats its own, and a number column holds the values.
/// `cols` are the table's columns (cells by row), `x` the column the import
/// would use for categories.
pub fn detect(cols: &[Vec<&str>], types: &[Type], x: usize) -> Option<Shape> {
    // a number column of whole years (`yr`: 2021, 2022) repeats like a key, whatever its header
    let years = |j: usize| {
        types[j] == Type::Number
            && cols[j].iter().filter(|c| !c.trim().is_empty()).all(|c| {
                let t = c.trim();
                t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && (t.starts_with('1') || t.starts_with('2'))
            })
    };
    let keyed = |j: usize| matches!(types[j], Type::Text | Type::Date) || years(j);
    if !keyed(x) || !has_duplicates(&cols[x]) {
        return None;
    }
    let candidates: Vec<usize> = (0..cols.len()).filter(|&j| j != x && keyed(j) && has_duplicates(&cols[j])).collect();
    let other = candidates.iter().copied().find(|&j| pairs_unique(&cols[x], &cols[j])).or_else(|| candidates.first().copied())?;
    let value = (0..cols.len()).find(|&j| j != x && j != other && types[j] == Type::Number && !years(j))?;
    // dates and years go along the x axis, words name the series
    let (x, series) = if types[x] == Type::Text && (types[other] == Type::Date || years(other)) { (other, x) } else { (x, other) };
    Some(Shape { x, series, value })
}

/// True when the shape would pivot into a filled grid: every (x, series) pair
/// once, and at least half of the grid's cells given. A table whose rows each
/// have their own x (one race per state) is not a long table worth a pivot.
pub fn fills_grid(cols: &[Vec<&str>], shape: Shape) -> bool {
    let (xs, names) = (&cols[shape.x], &cols[shape.series]);
    let distinct = |c: &[&str]| c.iter().map(|v| key(v)).filter(|v| !v.is_empty()).collect::<HashSet<_>>().len();
    let grid = distinct(xs) * distinct(names);
    pairs_unique(xs, names) && grid > 0 && xs.len() * 2 >= grid
}

/// A long table pivoted: the x keys in order and, per series, its name and the
/// index of the row holding each x's value.
pub struct Pivoted {
    /// The x values (ISO dates when the x column holds dates), in order.
    pub xs: Vec<String>,
    /// Each series' name and, per x, the data row (0-based) of its value.
    pub series: Vec<(String, Vec<Option<usize>>)>,
    /// Rows (0-based, with the row of the first) that repeat an x and series pair.
    pub repeats: Vec<(usize, usize)>,
    /// Rows (0-based) whose series cell is empty.
    pub unnamed: Vec<usize>,
}

/// Pivots: `xs[i]` is the x of data row i (`None` for a missing x), `names[i]`
/// its series' name. Dates sort in time when `sort` is true; otherwise x keeps
/// the order of first appearance.
pub fn pivot(xs: &[Option<String>], names: &[&str], sort: bool) -> Pivoted {
    let mut order: Vec<String> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for x in xs.iter().flatten() {
        if !at.contains_key(x) {
            at.insert(x.clone(), order.len());
            order.push(x.clone());
        }
    }
    if sort {
        order.sort();
        at = order.iter().enumerate().map(|(i, x)| (x.clone(), i)).collect();
    }
    let mut series: Vec<(String, Vec<Option<usize>>)> = Vec::new();
    let mut repeats = Vec::new();
    let mut unnamed = Vec::new();
    for (row, (x, name)) in xs.iter().zip(names).enumerate() {
        let name = key(name);
        if name.is_empty() {
            unnamed.push(row);
            continue;
        }
        let Some(i) = x.as_ref().and_then(|x| at.get(x)).copied() else { continue };
        let s = match series.iter().position(|(n, _)| *n == name) {
            Some(s) => s,
            None => {
                series.push((name, vec![None; order.len()]));
                series.len() - 1
            }
        };
        match series[s].1[i] {
            Some(first) => repeats.push((row, first)),
            None => series[s].1[i] = Some(row),
        }
    }
    Pivoted { xs: order, series, repeats, unnamed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_table_is_recognised_and_pivoted() {
        let year = vec!["2001", "2002", "2001", "2002"];
        let source = vec!["Fossil", "Fossil", "Wind", "Wind"];
        let value = vec!["1", "2", "3", "4"];
        let cols = vec![year.clone(), source.clone(), value];
        let types = [Type::Date, Type::Text, Type::Number];
        assert_eq!(detect(&cols, &types, 0), Some(Shape { x: 0, series: 1, value: 2 }));
        // words first, dates second: dates still go along x
        let cols = vec![source.clone(), year.clone(), vec!["1", "2", "3", "4"]];
        assert_eq!(detect(&cols, &[Type::Text, Type::Date, Type::Number], 0), Some(Shape { x: 1, series: 0, value: 2 }));
        // a wide table is not long
        assert_eq!(detect(&[vec!["2001", "2002"], vec!["1", "2"]], &[Type::Date, Type::Number], 0), None);
        let xs: Vec<Option<String>> = year.iter().map(|y| Some(y.to_string())).collect();
        let p = pivot(&xs, &source, true);
        assert_eq!(p.xs, ["2001", "2002"]);
        assert_eq!(p.series[1], ("Wind".to_string(), vec![Some(2), Some(3)]));
        assert!(p.repeats.is_empty());
    }
}
