//! `leadgap key`: the collector's keys — the age key raters' answers are
//! sealed to and the key that signs the rounds' reports — made once, with
//! the fingerprint raters see on their forms; and where answers come back.

use std::io::Write;

use clap::Args;

use crate::Config;
use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::store::key;
use crate::team::raters::is_address;

/// `leadgap key`
#[derive(Debug, Args)]
pub struct KeyArgs {
    /// The address raters send their answers to, kept for the rounds you run (their forms offer to email it)
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,

    /// Your name as raters read it on the forms, kept for the rounds you run: "Morgan Lee (mentor)"
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// Runs `leadgap key`: the keys on standard output, what to do with them on
/// standard error.
pub fn run(config: &Config, args: KeyArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    let mut settings = key::settings(&data)?;
    if let Some(email) = &args.email {
        let email = email.trim();
        if !is_address(email) {
            return Err(Error::user_with_help(
                format!("--email `{}` is not an email address", clean_line(email)),
                "give the address raters should send their sealed answers to",
            ));
        }
        settings.email = Some(email.to_owned());
    }
    if let Some(name) = &args.name {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::user(
                "--name is empty: give your name as raters should read it",
            ));
        }
        settings.name = Some(name.to_owned());
    }
    let (collector, made) = key::collector_or_create(&data)?;
    if args.email.is_some() || args.name.is_some() {
        key::save_settings(&data, &settings)?;
    }
    let keys = collector.public();
    let mut text = format!(
        "Collector key: {}\nFingerprint:   {}\n",
        keys.recipient,
        keys.fingerprint()
    );
    if let Some(name) = &settings.name {
        text.push_str(&format!("Name:          {}\n", clean_line(name)));
    }
    if let Some(email) = &settings.email {
        text.push_str(&format!("Answers to:    {}\n", clean_line(email)));
    }
    out.write_all(text.as_bytes()).map_err(Error::stdout)?;
    if made {
        config.info(&format!(
            "Made the collector key of this data directory in {}: keep it private; it opens \
             every answer sealed to it and signs the reports of your rounds. Raters see its \
             fingerprint on their forms. When a manager sends you their list of raters (`leadgap \
             raters --template` makes one), start the round here:\n    {}",
            key::path(&data).display(),
            config
                .invocation()
                .command("invite --subject NAME --raters LIST.csv --closes +2w")
        ));
    }
    if made && settings.email.is_none() {
        config.info(
            "Give `--email ADDRESS` once, and the forms of your rounds offer raters to email \
             their sealed answers to you.",
        );
    }
    Ok(exit::SUCCESS)
}
