//! What the tests ask of `newschart::model` beyond the library's own API.
#![allow(dead_code)]

use newschart::model::Kind;

/// True for kinds whose categories share a value axis.
pub fn has_axis(kind: Kind) -> bool {
    matches!(kind, Kind::Column | Kind::Bar | Kind::Line | Kind::Area | Kind::Progress)
}
