//! The `newschart` binary (src/bin/newschart*): commands, exit codes, output.

mod commands;
