//! `serve --www DIR`: pages beside the feeds, on the same origin (the article, later the builder);
//! the service's own routes come first.

use super::server::{Server, TempDir};

#[test]
fn www_serves_a_folder_beside_the_feeds_and_nothing_outside_it() {
    let outside = TempDir::new("www-outside");
    let www = outside.0.join("www");
    let pkg = outside.0.join("pkg");
    std::fs::create_dir_all(&www).expect("mkdir");
    std::fs::create_dir_all(&pkg).expect("mkdir");
    std::fs::write(www.join("index.html"), "<p>article</p>").expect("write");
    std::fs::write(pkg.join("chart.wasm"), b"\0asm\x01\0\0\0").expect("write");
    std::fs::write(pkg.join("newschart.js"), "export {}").expect("write");
    std::fs::write(outside.0.join("secret.txt"), "secret").expect("write");
    let (www_arg, pkg_arg) = (www.to_string_lossy().into_owned(), pkg.to_string_lossy().into_owned());
    let srv = Server::start(&[("ana", "editor", "county", "ana-password-1")], &["--www", &www_arg, "--pkg", &pkg_arg, "--demo"]);
    // --demo with --www names the pages to open
    let pages = format!("demo: the article at {0}/ and the builder at {0}/builder.html", srv.url);
    assert!(srv.banner.iter().any(|l| l == &pages), "{} in {:?}", pages, srv.banner);
    let index = srv.get("/");
    assert_eq!((index.status, index.body.as_str()), (200, "<p>article</p>"));
    let wasm = srv.get("/pkg/chart.wasm");
    assert_eq!(wasm.header("content-type"), Some("application/wasm"), "instantiateStreaming needs it");
    let js = srv.get("/pkg/newschart.js");
    assert_eq!((js.status, js.body.as_str()), (200, "export {}"));
    assert_eq!(js.header("access-control-allow-origin"), Some("*"), "an article of another origin loads the widget");
    assert!(js.header("content-type").is_some_and(|t| t.contains("javascript")));
    for sneaky in ["/../secret.txt", "/%2e%2e/secret.txt", "/pkg/..%2f..%2fsecret.txt", "/pkg/../secret.txt", "/pkg/%2e%2e/secret.txt"] {
        let a = srv.get(sneaky);
        assert!(a.status == 404 || a.status == 400, "{}: {}", sneaky, a.status);
        assert!(!a.body.contains("secret"), "{}", sneaky);
    }
    // the feeds are still the service's
    let feed = srv.get("/feeds/employment.json");
    assert_eq!(feed.status, 200);
    assert_eq!(feed.header("etag"), Some("\"employment-v1\""));
}
