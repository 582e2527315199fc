//! New actions of a run go into the plan: those of an answer file's
//! `[[plan]]`, and those committed to after an interactive report.

use crate::Config;
use crate::clock;
use crate::error::Result;
use crate::plan::{self, NewAction};
use crate::questionnaire::PlannedAction;
use crate::report::Report;
use crate::store::DataDir;
use crate::store::plan::{self as plan_file, IfDamaged};

/// Adds the answer file's `[[plan]]` actions to the plan, linked to `report`.
pub fn commit(
    config: &Config,
    data: &DataDir,
    report: &Report,
    planned: &[PlannedAction],
    today: chrono::NaiveDate,
) -> Result<()> {
    let actions: Vec<NewAction> = planned
        .iter()
        .map(|p| NewAction {
            theme: p.theme.clone(),
            theme_title: report
                .theme(&p.theme)
                .map(|t| t.title.clone())
                .unwrap_or_else(|| p.theme.clone()),
            text: p.text.clone(),
            due: p
                .due
                .as_deref()
                .and_then(|d| crate::interval::parse_date(d, today).ok())
                .unwrap_or_else(|| plan::default_due(today)),
            report: Some(report.id.clone()),
        })
        .collect();
    let numbers = add(config, data, actions)?;
    let listed: Vec<String> = numbers.iter().map(|n| format!("#{n}")).collect();
    if !listed.is_empty() {
        config.info(&format!(
            "Added {} to your plan (`leadgap plan` lists it).",
            listed.join(", ")
        ));
    }
    Ok(())
}

/// Adds `actions` to the plan and returns the numbers of those added: an
/// action the plan already has open is said and not added again. A damaged
/// plan is moved aside (with a warning) and a new one started, so that
/// nothing the person just committed to is lost.
pub fn add(config: &Config, data: &DataDir, actions: Vec<NewAction>) -> Result<Vec<u32>> {
    let created = clock::format_rfc3339(clock::now()?);
    let mut already = Vec::new();
    let (numbers, warning) = plan_file::update(data, IfDamaged::StartAfresh, |plan| {
        let mut numbers = Vec::new();
        for action in actions {
            match plan.open_like(&action) {
                Some(same) => already.push(same),
                None => numbers.push(plan.add(action, &created)?),
            }
        }
        Ok(numbers)
    })?;
    if let Some(warning) = warning {
        config.warn(&warning);
    }
    for same in already {
        config.info(&format!(
            "Action #{same} already says that and is open: it was not added again."
        ));
    }
    Ok(numbers)
}
