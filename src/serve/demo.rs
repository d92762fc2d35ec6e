//! `newschart serve --demo`: the loop to try at once. A user `demo` (an editor, with a random
//! password printed once: there is no default password) and the demo article's three charts,
//! published as version 1, unless they are there already.

use super::accounts::{self, Role};
use super::store::{Store, StoreError};
use super::validate::{self, Upload};

/// The article's charts: id, title, feed (www/feeds/, built into the binary), and the embed
/// height the article gives it (www/index.html).
pub const CHARTS: &[(&str, &str, &str, i64)] = &[
    ("employment", "Employment", include_str!("../../www/feeds/employment.json"), 110),
    ("toilets", "Toilets", include_str!("../../www/feeds/toilets.json"), 220),
    ("hamlets", "Hamlets", include_str!("../../www/feeds/hamlets.json"), 340),
];

/// The demo user's name.
pub const USER: &str = "demo";

/// Seeds the demo; returns the new user's password when the user was created now.
pub async fn seed(store: &Store) -> Result<Option<String>, StoreError> {
    let password = super::store::random_hex(8)?;
    let created = match accounts::add_user(store, USER, Role::Editor, "demo", &password, "demo").await {
        Ok(()) => Some(password),
        Err(StoreError::Exists) => None,
        Err(e) => return Err(e),
    };
    for (id, title, feed, height) in CHARTS {
        match store.create_chart(id, title, USER, "demo").await {
            Ok(()) => {}
            Err(StoreError::Exists) => continue,
            Err(e) => return Err(e),
        }
        // the article's feeds are valid: the examples test checks them
        if let Ok(valid) = validate::check(Upload::Feed(feed.as_bytes())) {
            store.publish(id, &valid, None, USER, "the demo article's data").await?;
            store.set_height(id, *height).await?;
        }
    }
    Ok(created)
}
