//! Every option, argument and subcommand says what it is in `--help` (and so
//! in the man page and the completions, generated from the same definitions).

use clap::CommandFactory;

use super::Cli;

/// "frontera plan add --title" for each argument or subcommand with no help.
fn undocumented(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
    for arg in command.get_arguments() {
        if arg.get_help().is_none() && arg.get_long_help().is_none() {
            missing.push(format!("{path} {}", arg.get_id()));
        }
    }
    for sub in command.get_subcommands() {
        let sub_path = format!("{path} {}", sub.get_name());
        if sub.get_about().is_none() && sub.get_long_about().is_none() {
            missing.push(sub_path.clone());
        }
        undocumented(sub, &sub_path, missing);
    }
}

#[test]
fn every_argument_and_subcommand_has_help() {
    let mut command = Cli::command();
    // Built, so the generated help and version flags are walked too.
    command.build();
    let mut missing = Vec::new();
    undocumented(&command, "frontera", &mut missing);
    assert!(
        missing.is_empty(),
        "no help text for:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_walk_sees_an_argument_without_help() {
    // The test above can fail: an argument with no doc comment is found.
    let command = clap::Command::new("x")
        .arg(clap::Arg::new("bare").long("bare"))
        .subcommand(clap::Command::new("quiet"));
    let mut missing = Vec::new();
    undocumented(&command, "x", &mut missing);
    assert_eq!(missing, ["x bare", "x quiet"]);
}
