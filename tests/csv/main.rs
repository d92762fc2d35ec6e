//! Stage `csv` (src/csv/): spreadsheets (CSV and .xlsx) turned into feeds.

mod import;
mod options;
mod spreadsheets;
mod xlsx;
