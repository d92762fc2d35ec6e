//! The service's commands, their help pages and docs/CLI.md agree: every option a command accepts
//! (the list it answers an unknown option with) is on its `newschart help` page and in its section
//! of docs/CLI.md, and the help page names no option the command would refuse.

use std::process::Command;

use super::server::bin;

/// (command, its section in docs/CLI.md)
const COMMANDS: &[(&str, &str)] = &[("serve", "serve"), ("user", "user"), ("token", "token"), ("publish", "publish"), ("backup", "backup and restore"), ("restore", "backup and restore"), ("bench", "bench")];

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let o = Command::new(bin()).args(args).env_remove("NEWSCHART_TOKEN").output().expect("newschart runs");
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// The options a command accepts, from its answer to an unknown one.
fn accepted(cmd: &str) -> Vec<String> {
    let (code, out, err) = run(&[cmd, "--no-such-option"]);
    assert_eq!(code, Some(2), "{} --no-such-option: {}", cmd, err);
    assert!(out.is_empty(), "{}: {}", cmd, out);
    assert!(err.contains(&format!("newschart help {}", cmd)), "{} points to its help: {}", cmd, err);
    let list = err.split("the options are: ").nth(1).unwrap_or_else(|| panic!("{} lists its options: {}", cmd, err));
    list.lines().next().unwrap_or("").split_whitespace().map(str::to_string).collect()
}

/// The options a help page documents: the `--word` starting each option line.
fn documented(page: &str) -> Vec<String> {
    page.lines().filter_map(|l| l.trim_start().strip_prefix("--").filter(|_| l.starts_with("    ")).map(|o| format!("--{}", o.split_whitespace().next().unwrap_or("")))).collect()
}

fn cli_md_section(title: &str) -> String {
    let doc = std::fs::read_to_string(format!("{}/docs/CLI.md", env!("CARGO_MANIFEST_DIR"))).expect("docs/CLI.md");
    let start = doc.find(&format!("\n### {}\n", title)).unwrap_or_else(|| panic!("docs/CLI.md has no section ### {}", title));
    let rest = &doc[start + 5..];
    rest[..rest.find("\n#").unwrap_or(rest.len())].to_string()
}

#[test]
fn each_service_command_its_help_page_and_cli_md_agree() {
    let (code, overview, _) = run(&["help"]);
    assert_eq!(code, Some(0));
    for (cmd, section) in COMMANDS {
        let options = accepted(cmd);
        assert!(!options.is_empty(), "{} takes options", cmd);
        for args in [vec!["help", cmd], vec![cmd, "--help"], vec![cmd, "-h"]] {
            let (code, page, err) = run(&args);
            assert_eq!(code, Some(0), "{:?}: {}", args, err);
            assert!(page.contains(&format!("\n{}: ", cmd)), "{:?} is {}'s page: {}", args, cmd, page);
            let mut on_page = documented(&page);
            on_page.sort();
            on_page.dedup();
            let mut want = options.clone();
            want.sort();
            assert_eq!(on_page, want, "{:?}: the options on the page and those {} accepts", args, cmd);
        }
        assert!(overview.contains(&format!("newschart {} ", cmd)), "the overview names {}", cmd);
        let doc = cli_md_section(section);
        for o in &options {
            assert!(doc.contains(&format!("`{}", o)), "docs/CLI.md's section {} lacks {}", section, o);
        }
    }
}
