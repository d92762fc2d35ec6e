//! Snapshots (insta) of the normalized model of every example feed: each
//! dataset with every default filled in, the feed's numbers exactly. A change
//! here is reviewed like code: see "Snapshot tests" in docs/DEVELOPMENT.md.

use std::fs;

use newschart::normalize::{read, Limits};

use crate::dump::{self, EXAMPLES};

#[test]
fn model() {
    let _goldens = dump::settings().bind_to_scope();
    insta::glob!(EXAMPLES.0, EXAMPLES.1, |p| {
        let n = read(&fs::read_to_string(p).unwrap(), Limits::default());
        assert!(n.problems.is_empty(), "{}: {:?}", p.display(), n.problems);
        let text: String = n.feed.unwrap().datasets.iter().map(dump::model).collect::<Vec<_>>().join("\n");
        insta::assert_snapshot!(text);
    });
}
