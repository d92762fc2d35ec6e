//! What the tests ask of `newschart::marks` beyond the library's own API.
#![allow(dead_code)]

use std::borrow::Cow;

use newschart::marks::hide;
use newschart::model::Dataset;

/// The dataset as the reader has filtered it: hidden series (or, for donut
/// and pie, hidden categories) become gaps, so axes rescale and colours stay.
/// A copy made with [`hide`], which the browser calls in place.
pub fn visible<'a>(ds: &'a Dataset, hidden: &[usize]) -> Cow<'a, Dataset> {
    if hidden.is_empty() {
        return Cow::Borrowed(ds);
    }
    let mut d = ds.clone();
    hide(&mut d, hidden);
    Cow::Owned(d)
}
