//! `leadgap plan`: the action plan, listed, added to and kept up to date.

use std::io::Write;

mod change;

use crate::Context;
use crate::cli::{PlanArgs, PlanCommand};
use crate::error::{Error, Result, exit};
use crate::plan::Status;
use crate::render::{self, Format};
use crate::store::{self, DataDir};
use change::{Edit, add, close, edit};

/// Runs `leadgap plan`.
pub fn run(context: &Context, args: PlanArgs, out: &mut dyn Write) -> Result<u8> {
    let data = context.data_dir()?;
    let today = context.today()?;
    match args.command {
        None => list(context, &data, args.all, args.format, today, out),
        Some(PlanCommand::Add { theme, due, text }) => {
            add(context, &data, &theme, &due, &text, today, out)
        }
        Some(PlanCommand::Done { number, note }) => close(&data, number, Status::Done, note, out),
        Some(PlanCommand::Drop { number, note }) => {
            close(&data, number, Status::Dropped, note, out)
        }
        Some(PlanCommand::Edit {
            number,
            text,
            due,
            theme,
        }) => {
            let change = Edit { text, due, theme };
            edit(context, &data, number, change, today, out)
        }
    }
}

fn list(
    context: &Context,
    data: &DataDir,
    all: bool,
    format: Format,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<u8> {
    let plan = store::plan::load(data).map_err(|store::plan::Damaged(error)| error)?;
    let actions = plan.listing(today, all);
    render::plan::render(&actions, all, today, format, context.look(), out)
        .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
